//! Graph stage: one directed multigraph (petgraph `StableDiGraph`) per corpus.
//!
//! Nodes are entities keyed by stable id; an edge is one (source, relation,
//! target) triple, carrying every piece of evidence up to a cap and a weight
//! that counts all of them. Insertion order never shows in the output: the
//! exporters sort, and capped evidence keeps the first items in document
//! order, so the same corpus gives the same graph however it was split.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

pub use crate::error::GraphError;
use crate::extract::{EntityKind, Extraction, RelationType};
use crate::input::Document;
use crate::text::CharOffsets;

/// An entity: one node of the graph, merged over every document that mentions it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable across documents and runs (`russia`, `vladimir-putin`): the same entity gets the same id.
    pub id: String,
    /// The name shown; of several documents' names, the smallest.
    pub label: String,
    /// What sort of entity it is.
    pub kind: EntityKind,
    /// Other names it was mentioned by.
    pub aliases: BTreeSet<String>,
    /// How many times it was mentioned, over all documents.
    pub mentions: u64,
    /// The ISO 3166 alpha-3 code of a state.
    pub iso3: Option<String>,
    /// Event-data actor code: the ISO-3 code of the state the entity acts for
    /// (a state's own code, a group's state, a leader's state), or IGO / NGO.
    pub code: Option<String>,
}

/// One sentence supporting an edge; spans are character offsets into the document text.
#[derive(Debug, Clone, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Evidence {
    /// The document's id.
    pub doc: String,
    /// The document's date.
    pub date: Option<String>,
    /// The sentence's index in the document, from 0.
    pub sentence: usize,
    /// The sentence.
    pub text: String,
    /// Where the subject's mention is.
    pub subject: [usize; 2],
    /// Where the words that name the relation are.
    pub trigger: [usize; 2],
    /// Where the object's mention is.
    pub object: [usize; 2],
    /// The sentence only reports the relation as possible, or denies it.
    #[serde(default)]
    pub hedged: bool,
}

impl Evidence {
    fn order_key(&self) -> (&str, usize, [usize; 2], [usize; 2], [usize; 2]) {
        (&self.doc, self.sentence, self.trigger, self.subject, self.object)
    }
}

/// A (source, relation, target) triple with all its evidence, merged over documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Label and event codes, shared with the relations and lexicon row it came from.
    pub relation: Arc<RelationType>,
    /// How many pieces of evidence support the edge (kept or not).
    pub weight: u64,
    /// The earliest date of its documents.
    pub first_date: Option<String>,
    /// The latest date of its documents.
    pub last_date: Option<String>,
    /// True when every piece of evidence is hedged or denied.
    pub hedged: bool,
    /// The first pieces of evidence in document order, up to the graph's [`EvidenceLimit`].
    pub evidence: Vec<Evidence>,
}

/// A document the graph was built from, as the JSON lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The document's id.
    pub id: String,
    /// Its date, if it had one.
    pub date: Option<String>,
    /// Its title, if it had one.
    pub title: Option<String>,
}

/// How many pieces of evidence to keep per edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceLimit {
    /// Keep every piece.
    All,
    /// Keep the first ones in document order; the weight still counts all.
    AtMost(usize),
}

impl Default for EvidenceLimit {
    fn default() -> Self {
        EvidenceLimit::AtMost(5)
    }
}

/// The knowledge graph of a corpus: entities and the relations between them,
/// each edge with its evidence. Build one with [`KnowledgeGraph::from_texts`],
/// or document by document with [`KnowledgeGraph::add_extraction`].
#[derive(Debug, Clone, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    /// Looked up at every entity and edge of every document, never iterated
    /// (so the fast, unkeyed hash cannot change any output).
    nodes: HashMap<String, NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, String), EdgeIndex>,
    documents: BTreeMap<String, DocumentInfo>,
    evidence_limit: EvidenceLimit,
}

fn min_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

impl KnowledgeGraph {
    /// An empty graph that keeps at most `evidence_limit` pieces of evidence per edge.
    pub fn new(evidence_limit: EvidenceLimit) -> Self {
        KnowledgeGraph { evidence_limit, ..Default::default() }
    }

    /// How many entities the graph holds.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many (source, relation, target) edges the graph holds.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// True if the document with this id was added.
    pub fn has_document(&self, id: &str) -> bool {
        self.documents.contains_key(id)
    }

    /// The documents added, sorted by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocumentInfo> {
        self.documents.values()
    }

    /// Records a document as part of the graph.
    pub(crate) fn add_document_info(&mut self, info: DocumentInfo) {
        self.documents.insert(info.id.clone(), info);
    }

    /// Adds a node or merges it into the node with the same id.
    pub(crate) fn upsert_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&index) = self.nodes.get(&node.id) {
            let existing = &mut self.graph[index];
            existing.mentions += node.mentions;
            existing.aliases.extend(node.aliases);
            if node.label < existing.label {
                existing.aliases.insert(std::mem::replace(&mut existing.label, node.label));
            } else if node.label != existing.label {
                existing.aliases.insert(node.label);
            }
            existing.aliases.remove(&existing.label);
            existing.iso3 = existing.iso3.take().or(node.iso3);
            // Documents may disagree on an inferred code; the smaller keeps merges order-free.
            existing.code = match (existing.code.take(), node.code) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            return index;
        }
        let id = node.id.clone();
        let index = self.graph.add_node(node);
        self.nodes.insert(id, index);
        index
    }

    /// Adds an edge or merges its evidence into the existing (source, relation, target) edge.
    pub(crate) fn upsert_edge(&mut self, source: NodeIndex, target: NodeIndex, edge: Edge) {
        let key = (source, target, edge.relation.label.clone());
        let limit = self.evidence_limit;
        match self.edges.get(&key) {
            Some(&index) => {
                let existing = &mut self.graph[index];
                existing.weight += edge.weight;
                existing.hedged &= edge.hedged;
                existing.first_date = min_date(existing.first_date.take(), edge.first_date);
                existing.last_date = max_date(existing.last_date.take(), edge.last_date);
                existing.evidence.extend(edge.evidence);
                cap_evidence(&mut existing.evidence, limit);
            }
            None => {
                let mut edge = edge;
                cap_evidence(&mut edge.evidence, limit);
                let index = self.graph.add_edge(source, target, edge);
                self.edges.insert(key, index);
            }
        }
    }

    /// Adds one document's entities and relations; a document already in the
    /// graph is refused, as adding it again would double its weights.
    pub fn add_extraction(&mut self, doc: &Document, extraction: Extraction) -> Result<(), GraphError> {
        if self.has_document(&doc.id) {
            return Err(GraphError::DuplicateDocument(doc.id.clone()));
        }
        self.add_document_info(DocumentInfo { id: doc.id.clone(), date: doc.date.clone(), title: doc.title.clone() });
        let Extraction { sentences, entities, relations, .. } = extraction;
        let indices: Vec<NodeIndex> = entities
            .into_iter()
            .map(|e| {
                self.upsert_node(Node {
                    id: e.id,
                    label: e.label,
                    kind: e.kind,
                    aliases: e.aliases,
                    mentions: e.mentions,
                    iso3: e.iso3,
                    code: e.code,
                })
            })
            .collect();
        if relations.is_empty() {
            return Ok(());
        }
        let offsets = CharOffsets::new(&doc.text);
        for r in relations {
            let evidence = Evidence {
                doc: doc.id.clone(),
                date: doc.date.clone(),
                sentence: r.sentence,
                text: doc.text[sentences[r.sentence].clone()].to_string(),
                subject: offsets.span(&r.subject_span),
                trigger: offsets.span(&r.trigger_span),
                object: offsets.span(&r.object_span),
                hedged: r.hedged,
            };
            let edge = Edge {
                relation: r.kind,
                weight: 1,
                first_date: doc.date.clone(),
                last_date: doc.date.clone(),
                hedged: r.hedged,
                evidence: vec![evidence],
            };
            self.upsert_edge(indices[r.subject.index()], indices[r.object.index()], edge);
        }
        Ok(())
    }

    /// The first document (by id) that both graphs hold.
    pub fn shared_document<'a>(&self, other: &'a KnowledgeGraph) -> Option<&'a str> {
        other.documents.keys().find(|id| self.documents.contains_key(*id)).map(String::as_str)
    }

    /// Merges another graph into this one; graphs that share a document are
    /// refused (and this one left unchanged), as merging them would count it twice.
    pub fn merge(&mut self, other: KnowledgeGraph) -> Result<(), GraphError> {
        if let Some(id) = self.shared_document(&other) {
            return Err(GraphError::SharedDocument(id.to_string()));
        }
        for info in other.documents.into_values() {
            self.documents.insert(info.id.clone(), info);
        }
        let mut map = HashMap::default();
        for old in other.graph.node_indices() {
            map.insert(old, self.upsert_node(other.graph[old].clone()));
        }
        for edge in other.graph.edge_indices() {
            if let Some((s, t)) = other.graph.edge_endpoints(edge) {
                self.upsert_edge(map[&s], map[&t], other.graph[edge].clone());
            }
        }
        Ok(())
    }

    /// The entity at `index` (an index from this graph).
    pub fn node(&self, index: NodeIndex) -> &Node {
        &self.graph[index]
    }

    /// The index of the entity with this id, if any.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// Node indices sorted by id.
    pub fn sorted_nodes(&self) -> Vec<NodeIndex> {
        let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
        nodes.sort_by(|a, b| self.graph[*a].id.cmp(&self.graph[*b].id));
        nodes
    }

    /// Every edge as (source, target, edge), sorted by source id, target id, relation.
    pub fn sorted_edges(&self) -> Vec<(NodeIndex, NodeIndex, &Edge)> {
        let mut edges: Vec<_> = (&self.graph).edge_references().map(|e| (e.source(), e.target(), e.weight())).collect();
        edges.sort_by(|a, b| {
            (&self.graph[a.0].id, &self.graph[a.1].id, &a.2.relation.label).cmp(&(
                &self.graph[b.0].id,
                &self.graph[b.1].id,
                &b.2.relation.label,
            ))
        });
        edges
    }

    /// Edges touching `node`, each with the node at the other end, sorted.
    pub fn edges_of(&self, node: NodeIndex, direction: Direction) -> Vec<(NodeIndex, &Edge)> {
        let mut edges: Vec<_> = self
            .graph
            .edges_directed(node, direction)
            .map(|e| (if direction == Direction::Outgoing { e.target() } else { e.source() }, e.weight()))
            .collect();
        edges.sort_by(|a, b| {
            (&a.1.relation.label, &self.graph[a.0].id).cmp(&(&b.1.relation.label, &self.graph[b.0].id))
        });
        edges
    }

    /// How many edges touch `node`, either way.
    pub fn degree(&self, node: NodeIndex) -> usize {
        self.graph.edges_directed(node, Direction::Outgoing).count()
            + self.graph.edges_directed(node, Direction::Incoming).count()
    }
}

/// Keeps the first `limit` pieces of evidence in document order, whatever the insertion order.
fn cap_evidence(evidence: &mut Vec<Evidence>, limit: EvidenceLimit) {
    evidence.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    evidence.dedup_by(|a, b| a.order_key() == b.order_key());
    if let EvidenceLimit::AtMost(n) = limit {
        evidence.truncate(n);
    }
}
