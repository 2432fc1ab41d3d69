//! newsgraph builds a knowledge graph from news text.
//!
//! Articles flow through one module per stage: [`input`] (files, folders,
//! JSONL, stdin) → [`text`] (sentences, tokens) → [`extract`] (entities,
//! coreference, relations, by rule and lexicon) → [`graph`] (one petgraph
//! multigraph with evidence on every edge) → [`export`] (networkx JSON,
//! Graphviz DOT) and [`query`] (who did what to whom). [`corpus`] drives the
//! pipeline over many documents in parallel; [`evaluate`] scores it against
//! gold standards.
//!
//! What most users need is at the crate root: build a graph with
//! [`KnowledgeGraph::from_texts`], ask it questions with [`relations`],
//! [`show`], [`neighbors`] and [`path`], and write it with [`write_json`] or
//! [`write_dot`].
//!
//! ```
//! use newsgraph::{JsonLayout, KnowledgeGraph, write_json};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let graph = KnowledgeGraph::from_texts([
//!     ("a", "date 2024-03-01 Russia condemned Ukraine on Monday."),
//!     ("b", "France and Germany signed a trade agreement."),
//! ])?;
//! // Relations are named by what the lexicon's trigger words mean.
//! let rows = newsgraph::relations(&graph, Some("criticized"), Some("Russia"), None)?;
//! for row in &rows {
//!     println!("{} --{}--> {} ({:?})", row.source, row.relation, row.target, row.first_date);
//! }
//! assert_eq!(rows[0].target, "Ukraine");
//! let mut json = Vec::new();
//! write_json(&graph, JsonLayout::Compact, &mut json)?;
//! assert!(json.starts_with(b"{\"directed\":true"));
//! # Ok(())
//! # }
//! ```
//!
//! For a corpus on disk, [`Documents`] walks files, folders and JSONL, and
//! [`corpus::Runner`] builds the graph from them as the command line does.

pub mod convert;
pub mod corpus;
pub mod error;
pub mod evaluate;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod query;
pub mod text;

pub use error::{Error, Result};
pub use export::{DotNodes, JsonLayout, from_json, to_dot, to_json, write_dot, write_extraction, write_json};
pub use extract::{Lexicon, Pipeline};
pub use graph::{EvidenceLimit, KnowledgeGraph};
pub use input::{Article, Document, Documents};
pub use query::{Way, duplicates, entities, neighbors, path, relations, show};
