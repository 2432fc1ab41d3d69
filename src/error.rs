//! Library errors: one [`Error`] for every fallible call of the library, with
//! the graph and query errors as their own types so callers can match them.

use std::path::PathBuf;

use crate::input::InputProblem;

/// Why a library call failed; its message names the file, line or document at fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file (such as a lexicon override) could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file, as given.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A lexicon file has a line that cannot be read.
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon {
        /// The lexicon's file name.
        file: String,
        /// The line at fault, from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A tagger model file (`ner.bin` in a lexicon directory) cannot be read.
    #[error("{path}: {source}")]
    Model {
        /// The model file.
        path: PathBuf,
        /// What is wrong with it.
        #[source]
        source: ModelError,
    },
    /// A file given as a graph is not the JSON that newsgraph writes.
    #[error("{path}: not a newsgraph graph ({message})")]
    NotAGraph {
        /// Where the text was read from.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A question the graph cannot answer as asked.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A change that would count some document twice.
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
    /// Adding a document the graph already holds (its id is given).
    #[error("document {0:?} is already in the graph")]
    DuplicateDocument(String),
    /// Merging graphs that share a document would double its weights.
    #[error("document {0:?} is in both graphs; merge joins graphs of disjoint documents")]
    SharedDocument(String),
}

/// A question the graph cannot answer as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    /// No entity has this label, alias or id.
    #[error("no entity named {name:?}{}", hint(closest))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// Labels of the entities whose names come closest, closest first.
        closest: Vec<String>,
    },
    /// Several entities have this label or alias.
    #[error("{name:?} is ambiguous: {}; use one of these ids", ids.join(", "))]
    AmbiguousName {
        /// The name asked for.
        name: String,
        /// The ids of the entities it names.
        ids: Vec<String>,
    },
    /// No edge of the graph has this relation.
    #[error("no relation named {name:?} in the graph; {}", known_relations(known))]
    UnknownRelation {
        /// The relation asked for.
        name: String,
        /// The graph's relations, closest in spelling first.
        known: Vec<String>,
    },
    /// The two entities are not connected, whichever way the edges point.
    #[error("no path between {from} and {to}")]
    NoPath {
        /// The label of the start.
        from: String,
        /// The label of the goal.
        to: String,
    },
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

/// The result of a library call.
pub type Result<T> = std::result::Result<T, Error>;

/// Why bytes are not a tagger model.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not the model file this name calls for (wrong magic line or bad records).
    #[error("not a newsgraph model of this kind, or a damaged one")]
    NotAModel,
    /// The file ends inside its header.
    #[error("truncated model")]
    Truncated,
    /// The records take more or fewer bytes than the header announces.
    #[error("model holds {found} bytes of records, expected {expected}")]
    WrongLength {
        /// Bytes of records in the file.
        found: usize,
        /// Bytes the header's record count asks for.
        expected: usize,
    },
}
