//! Export stage: networkx node-link JSON and Graphviz DOT.

mod dot;
mod json;

pub use dot::{DotNodes, to_dot, write_dot};
pub use json::{JsonLayout, from_json, to_json, write_json};
