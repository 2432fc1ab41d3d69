//! Library errors.

use std::path::PathBuf;

use crate::input::InputProblem;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon { file: String, line: usize, message: String },
    #[error("{path}: not a newsgraph graph ({message})")]
    NotAGraph { path: String, message: String },
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A document given to [`KnowledgeGraph::from_texts`](crate::graph::KnowledgeGraph::from_texts)
    /// could not be read as given (no text, a bad date, an id given twice).
    #[error(transparent)]
    Input(#[from] InputProblem),
}

/// A change that would count some document twice.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    #[error("document {0:?} is already in the graph")]
    DuplicateDocument(String),
    /// Merging graphs that share a document would double its weights.
    #[error("document {0:?} is in both graphs; merge joins graphs of disjoint documents")]
    SharedDocument(String),
}

/// A question the graph cannot answer as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("no entity named {name:?}{}", hint(closest))]
    UnknownEntity { name: String, closest: Vec<String> },
    #[error("{name:?} is ambiguous: {}; use one of these ids", ids.join(", "))]
    AmbiguousName { name: String, ids: Vec<String> },
    #[error("no relation named {name:?} in the graph; {}", known_relations(known))]
    UnknownRelation { name: String, known: Vec<String> },
    #[error("no path between {from} and {to}")]
    NoPath { from: String, to: String },
}

fn hint(closest: &[String]) -> String {
    if closest.is_empty() { String::new() } else { format!("; closest: {}", closest.join(", ")) }
}

fn known_relations(known: &[String]) -> String {
    if known.is_empty() {
        "it has none".to_string()
    } else {
        format!("its relations, closest first: {}", known.join(", "))
    }
}

pub type Result<T> = std::result::Result<T, Error>;
