//! Export stage: networkx node-link JSON and Graphviz DOT for the graph, and
//! JSON lines for one document's extraction.

mod dot;
mod json;
mod jsonl;
mod layout;

pub use dot::{DotNodes, to_dot, write_dot};
pub use json::{JsonLayout, from_json, to_json, write_json};
pub use jsonl::write_extraction;
