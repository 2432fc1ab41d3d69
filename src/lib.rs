//! newsgraph builds a knowledge graph from news text.
//!
//! Articles flow through one module per stage: [`input`] (files, folders,
//! JSONL, stdin) → [`text`] (sentences, tokens) → [`extract`] (entities,
//! coreference, relations, by rule and lexicon) → [`graph`] (one petgraph
//! multigraph with evidence on every edge) → [`export`] (networkx JSON,
//! Graphviz DOT) and [`query`] (who did what to whom).

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
