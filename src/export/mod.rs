//! Export stage: networkx node-link JSON and Graphviz DOT.

pub mod dot;
pub mod json;

pub use dot::{to_dot, to_dot_connected};
pub use json::{from_json, to_json, to_json_compact};
