//! What the queries answer: entities and edges as rows, ready to print or
//! to serialise as JSON.

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use crate::extract::EntityKind;
use crate::graph::{Edge, Evidence, KnowledgeGraph};

/// One entity, as listed by `entities`.
#[derive(Debug, Serialize)]
pub struct EntityRow {
    /// The entity's id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// What sort of entity it is.
    pub kind: EntityKind,
    /// How many times it was mentioned.
    pub mentions: u64,
    /// How many edges touch it, either way.
    pub edges: usize,
    /// Its other names, sorted.
    pub aliases: Vec<String>,
}

/// An edge as the queries show it: both ends by label and id.
#[derive(Debug, Serialize)]
pub struct RelationRow {
    /// The label of the entity that acted.
    pub source: String,
    /// Its id.
    pub source_id: String,
    /// What it did.
    pub relation: String,
    /// The label of the entity acted upon.
    pub target: String,
    /// Its id.
    pub target_id: String,
    /// How many pieces of evidence support the edge.
    pub weight: u64,
    /// The earliest date of its documents.
    pub first_date: Option<String>,
    /// The latest date of its documents.
    pub last_date: Option<String>,
    /// Every piece of evidence is hedged or denied.
    pub hedged: bool,
    /// The evidence the graph kept.
    pub evidence: Vec<Evidence>,
}

pub(crate) fn row(graph: &KnowledgeGraph, s: NodeIndex, t: NodeIndex, e: &Edge) -> RelationRow {
    RelationRow {
        source: graph.node(s).label.clone(),
        source_id: graph.node(s).id.clone(),
        relation: e.relation.label.clone(),
        target: graph.node(t).label.clone(),
        target_id: graph.node(t).id.clone(),
        weight: e.weight,
        first_date: e.first_date.clone(),
        last_date: e.last_date.clone(),
        hedged: e.hedged,
        evidence: e.evidence.clone(),
    }
}

/// Which of an entity's edges [`neighbors`](super::neighbors) follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Edges that end at the entity.
    In,
    /// Edges that start at it.
    Out,
    /// Both.
    Both,
}

/// An entity's record: what it is and every edge in and out.
#[derive(Debug, Serialize)]
pub struct Record {
    /// The entity.
    pub entity: EntityRow,
    /// Its edges out, sorted by relation, then the other end's id.
    pub outgoing: Vec<RelationRow>,
    /// Its edges in, sorted the same way.
    pub incoming: Vec<RelationRow>,
}
