//! Graph stage: one directed multigraph (petgraph `StableDiGraph`) per corpus.
//!
//! Nodes are entities keyed by stable id; an edge is one (source, relation,
//! target) triple, carrying every piece of evidence up to a cap and a weight
//! that counts all of them. Insertion order never shows in the output: the
//! exporters sort, and capped evidence keeps the first items in document
//! order, so the same corpus gives the same graph however it was split.

use std::collections::BTreeSet;
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
    /// A person's documents (the graph's numbers, ascending; see
    /// [`KnowledgeGraph::node_documents`]): what cross-document resolution
    /// reads. Other kinds keep none, to keep memory flat on big corpora.
    pub(crate) documents: Vec<u32>,
    /// Short-name nodes merged into this one by cross-document resolution, by id.
    pub(crate) resolved: Vec<Resolved>,
}

/// A short-name node ("Ms Kowalczyk") that cross-document resolution merged
/// into a full-name node ("Anna Kowalczyk"), and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The short-name node's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its mentions (also counted in the full-name node's).
    pub mentions: u64,
    /// The documents the short name stood in (graph numbers, ascending).
    pub(crate) documents: Vec<u32>,
    /// The first documents (by id, at most [`RESOLUTION_SOURCES`]) that gave
    /// the full name within the time window: why the merge was made.
    pub(crate) sources: Vec<u32>,
}

/// How many documents a resolution record names as the source of the full name.
pub const RESOLUTION_SOURCES: usize = 5;

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
    /// The documents in the order they were added; a document's number is its
    /// place here (numbers differ between graphs; the exports write ids).
    documents: Vec<DocumentInfo>,
    document_numbers: HashMap<String, u32>,
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
        self.document_numbers.contains_key(id)
    }

    /// The documents added, sorted by id.
    pub fn documents(&self) -> impl Iterator<Item = &DocumentInfo> {
        let mut sorted: Vec<&DocumentInfo> = self.documents.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        sorted.into_iter()
    }

    /// Records a document as part of the graph; its number (an existing id keeps its own).
    pub(crate) fn add_document_info(&mut self, info: DocumentInfo) -> u32 {
        if let Some(&number) = self.document_numbers.get(&info.id) {
            return number;
        }
        let number = u32::try_from(self.documents.len()).expect("fewer than 2^32 documents");
        self.document_numbers.insert(info.id.clone(), number);
        self.documents.push(info);
        number
    }

    /// The number of the document with this id.
    pub(crate) fn document_number(&self, id: &str) -> Option<u32> {
        self.document_numbers.get(id).copied()
    }

    /// The documents in the order they were added: the document numbered n is the nth.
    pub(crate) fn numbered_documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// Each document number's place in [`KnowledgeGraph::documents`] (sorted by id).
    pub(crate) fn document_places(&self) -> Vec<u32> {
        let mut by_id: Vec<u32> = (0..self.documents.len() as u32).collect();
        by_id.sort_by(|&a, &b| self.documents[a as usize].id.cmp(&self.documents[b as usize].id));
        let mut places = vec![0; by_id.len()];
        for (place, number) in (0u32..).zip(by_id) {
            places[number as usize] = place;
        }
        places
    }

    /// The document with this number.
    pub(crate) fn document(&self, number: u32) -> &DocumentInfo {
        &self.documents[number as usize]
    }

    /// The documents a person was named in under its own id (not those of the
    /// short names resolved into it), sorted by id; none for other kinds.
    pub fn node_documents(&self, index: NodeIndex) -> Vec<&DocumentInfo> {
        self.sorted_documents(&self.graph[index].documents)
    }

    /// Documents by number, sorted by id.
    pub(crate) fn sorted_documents(&self, numbers: &[u32]) -> Vec<&DocumentInfo> {
        let mut docs: Vec<&DocumentInfo> = numbers.iter().map(|&n| self.document(n)).collect();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        docs
    }

    /// The ids of the documents that gave the full name for a resolution
    /// (the first [`RESOLUTION_SOURCES`] by id).
    pub fn resolution_sources(&self, resolved: &Resolved) -> Vec<&str> {
        let documents = self.sorted_documents(&resolved.sources).into_iter();
        documents.take(RESOLUTION_SOURCES).map(|d| d.id.as_str()).collect()
    }

    /// The documents a resolved short name stood in, sorted by id.
    pub fn resolution_documents(&self, resolved: &Resolved) -> Vec<&str> {
        self.sorted_documents(&resolved.documents).into_iter().map(|d| d.id.as_str()).collect()
    }

    /// The short-name nodes cross-document resolution merged into this one, by id.
    pub fn resolved(&self, index: NodeIndex) -> &[Resolved] {
        &self.graph[index].resolved
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
            add_documents(&mut existing.documents, &node.documents);
            for record in node.resolved {
                add_resolved(&mut existing.resolved, record);
            }
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
        let number = self.add_document_info(DocumentInfo {
            id: doc.id.clone(),
            date: doc.date.clone(),
            title: doc.title.clone(),
        });
        let Extraction { sentences, entities, relations, .. } = extraction;
        let indices: Vec<NodeIndex> = entities
            .into_iter()
            .map(|e| {
                self.upsert_node(Node {
                    documents: if e.kind == EntityKind::Person { vec![number] } else { Vec::new() },
                    resolved: Vec::new(),
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
        other.documents().find(|d| self.has_document(&d.id)).map(|d| d.id.as_str())
    }

    /// Merges another graph into this one; graphs that share a document are
    /// refused (and this one left unchanged), as merging them would count it twice.
    pub fn merge(&mut self, other: KnowledgeGraph) -> Result<(), GraphError> {
        if let Some(id) = self.shared_document(&other) {
            return Err(GraphError::SharedDocument(id.to_string()));
        }
        let numbers: Vec<u32> = other.documents.iter().map(|info| self.add_document_info(info.clone())).collect();
        let renumber = |old: &[u32]| {
            let mut new: Vec<u32> = old.iter().map(|&n| numbers[n as usize]).collect();
            new.sort_unstable();
            new
        };
        let mut map = HashMap::default();
        for old in other.graph.node_indices() {
            let mut node = other.graph[old].clone();
            node.documents = renumber(&node.documents);
            for record in &mut node.resolved {
                record.documents = renumber(&record.documents);
                record.sources = renumber(&record.sources);
            }
            map.insert(old, self.upsert_node(node));
        }
        for edge in other.graph.edge_indices() {
            if let Some((s, t)) = other.graph.edge_endpoints(edge) {
                self.upsert_edge(map[&s], map[&t], other.graph[edge].clone());
            }
        }
        Ok(())
    }

    /// Merges the node `short` into the node `full` (cross-document
    /// resolution): its mentions, names and edges, with a record naming the
    /// documents that gave the full name (`sources`). An edge between the two
    /// is dropped, as extraction drops relations of an entity with itself;
    /// returns how many were.
    pub(crate) fn absorb(&mut self, short: NodeIndex, full: NodeIndex, sources: Vec<u32>) -> usize {
        let mut moved = Vec::new();
        for direction in [Direction::Outgoing, Direction::Incoming] {
            for e in self.graph.edges_directed(short, direction) {
                let (source, target) = (e.source(), e.target());
                self.edges.remove(&(source, target, e.weight().relation.label.clone()));
                let end = |i: NodeIndex| if i == short { full } else { i };
                moved.push((end(source), end(target), e.weight().clone()));
            }
        }
        let Some(node) = self.graph.remove_node(short) else { return 0 };
        self.nodes.remove(&node.id);
        let existing = &mut self.graph[full];
        existing.mentions += node.mentions;
        existing.aliases.extend(node.aliases);
        existing.aliases.insert(node.label.clone());
        existing.aliases.remove(&existing.label);
        // The full name's own code is the better evidence.
        existing.code = existing.code.take().or(node.code);
        let mut documents = node.documents;
        for earlier in &node.resolved {
            add_documents(&mut documents, &earlier.documents);
        }
        let record = Resolved { id: node.id, label: node.label, mentions: node.mentions, documents, sources };
        add_resolved(&mut existing.resolved, record);
        let mut dropped = 0;
        for (source, target, edge) in moved {
            if source == target {
                dropped += 1;
            } else {
                self.upsert_edge(source, target, edge);
            }
        }
        dropped
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

/// Adds an ascending list of document numbers to another, keeping it
/// ascending and without repeats. A document's extraction adds a number
/// above all others: appended in place, so a person named in n documents
/// costs n, not n² (as a new list per document would).
pub(crate) fn add_documents(documents: &mut Vec<u32>, new: &[u32]) {
    let in_order = new.first().is_none_or(|first| documents.last().is_none_or(|last| last < first));
    documents.extend_from_slice(new);
    if !in_order {
        documents.sort_unstable();
        documents.dedup();
    }
}

/// Adds a resolution record, joining it with one of the same short-name id.
/// (Sources are ordered by document id when the record is written.)
pub(crate) fn add_resolved(records: &mut Vec<Resolved>, record: Resolved) {
    match records.iter_mut().find(|r| r.id == record.id) {
        Some(existing) => {
            existing.mentions += record.mentions;
            add_documents(&mut existing.documents, &record.documents);
            add_documents(&mut existing.sources, &record.sources);
            if record.label < existing.label {
                existing.label = record.label;
            }
        }
        None => {
            records.push(record);
            records.sort_by(|a, b| a.id.cmp(&b.id));
        }
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

#[cfg(test)]
mod tests {
    use super::add_documents;

    #[test]
    fn document_lists_stay_ascending_without_repeats() {
        let mut documents = vec![1, 4];
        add_documents(&mut documents, &[7]);
        assert_eq!(documents, [1, 4, 7], "a new document is appended");
        add_documents(&mut documents, &[0, 4, 9]);
        assert_eq!(documents, [0, 1, 4, 7, 9], "another graph's are merged in");
        add_documents(&mut documents, &[]);
        assert_eq!(documents, [0, 1, 4, 7, 9]);
    }
}
