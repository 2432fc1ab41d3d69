//! networkx node-link JSON: `networkx.node_link_graph(data)` loads it as a
//! `MultiDiGraph` (networkx 3.6 reads edges from the `"edges"` key).

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::layout::Layout;
use crate::error::{Error, Result};
use crate::extract::{EntityKind, RelationType};
use crate::graph::{DocumentInfo, Edge, Evidence, EvidenceLimit, KnowledgeGraph, Node, RESOLUTION_SOURCES, Resolved};

/// What the JSON names as its writer.
const GENERATOR: &str = concat!("newsgraph ", env!("CARGO_PKG_VERSION"));

/// The whole file: read with [`NodeJson`] nodes, written with [`NodeOut`] ones.
#[derive(Serialize, Deserialize)]
struct GraphJson<N> {
    directed: bool,
    multigraph: bool,
    graph: GraphMeta,
    nodes: Vec<N>,
    edges: Vec<EdgeJson>,
}

#[derive(Serialize, Deserialize)]
struct GraphMeta {
    generator: String,
    documents: Vec<DocumentInfo>,
}

/// A node as read.
#[derive(Deserialize)]
struct NodeJson {
    id: String,
    label: String,
    kind: EntityKind,
    #[serde(default)]
    iso3: Option<String>,
    #[serde(default)]
    code: Option<String>,
    aliases: BTreeSet<String>,
    mentions: u64,
    /// A person's documents, by place in the document list.
    #[serde(default)]
    documents: Vec<u32>,
    /// Short-name nodes cross-document resolution merged into this one.
    #[serde(default)]
    resolved: Vec<ResolvedJson>,
}

/// A [`Resolved`] record as read, with documents by id.
#[derive(Deserialize)]
struct ResolvedJson {
    id: String,
    label: String,
    mentions: u64,
    documents: Vec<u32>,
    full_name_documents: Vec<String>,
}

/// A node as written, borrowed from the graph: a corpus's persons list
/// millions of documents, which are written as they are read, not copied.
#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    label: &'a str,
    kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso3: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    aliases: &'a BTreeSet<String>,
    mentions: u64,
    #[serde(skip_serializing_if = "Places::is_empty")]
    documents: Places<'a>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    resolved: Vec<ResolvedOut<'a>>,
}

/// A [`Resolved`] record as written.
#[derive(Serialize)]
struct ResolvedOut<'a> {
    id: &'a str,
    label: &'a str,
    mentions: u64,
    documents: Places<'a>,
    full_name_documents: Ids<'a>,
}

/// Documents by number, written as their ids sorted (at most `limit`).
struct Ids<'a> {
    graph: &'a KnowledgeGraph,
    numbers: &'a [u32],
    limit: usize,
}

impl Serialize for Ids<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let documents = self.graph.sorted_documents(self.numbers).into_iter().take(self.limit);
        serializer.collect_seq(documents.map(|d| d.id.as_str()))
    }
}

/// Documents by number, written as their places in the JSON's document list
/// (sorted by id), ascending: a few bytes each, as a corpus's persons list
/// millions (on a bench-like corpus, ids took 2.53 MB of JSON, places 2.15).
struct Places<'a> {
    /// Each document number's place in the written list.
    places: &'a [u32],
    numbers: &'a [u32],
}

impl Places<'_> {
    fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }
}

impl Serialize for Places<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut places: Vec<u32> = self.numbers.iter().map(|&n| self.places[n as usize]).collect();
        places.sort_unstable();
        serializer.collect_seq(places)
    }
}

#[derive(Serialize, Deserialize)]
struct EdgeJson {
    source: String,
    target: String,
    key: usize,
    relation: String,
    cameo: Option<String>,
    goldstein: Option<f64>,
    plover: Option<String>,
    weight: u64,
    first_date: Option<String>,
    last_date: Option<String>,
    hedged: bool,
    evidence: Vec<Evidence>,
}

/// How the JSON is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLayout {
    /// Indented, one value per line; an array of plain values on one line.
    Pretty,
    /// On one line, for pipes that read a record per line.
    Compact,
}

/// The graph as pretty-printed node-link JSON (see [`write_json`]).
pub fn to_json(graph: &KnowledgeGraph) -> String {
    let mut out = Vec::new();
    write_json(graph, JsonLayout::Pretty, &mut out).expect("writing to memory succeeds");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the graph as node-link JSON and a newline, sorted for byte-identical output.
pub fn write_json(graph: &KnowledgeGraph, layout: JsonLayout, out: &mut impl Write) -> io::Result<()> {
    let places = graph.document_places();
    let json = graph_json(graph, &places);
    // serde's many small writes go to a buffer of this function's own, not
    // through the caller's (often boxed) writer one by one: through a boxed
    // writer they took 54.8 M instructions for the BBC corpus's graph, against
    // 38.0 M this way; and unlike serialising to a Vec first, the JSON is
    // never held whole (a 1 GB corpus peaked 100 MB higher so).
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    match layout {
        JsonLayout::Pretty => {
            json.serialize(&mut serde_json::Serializer::with_formatter(&mut buffered, Layout::default()))
        }
        JsonLayout::Compact => serde_json::to_writer(&mut buffered, &json),
    }
    // Gives back the writer's own error (a broken pipe stays one).
    .map_err(io::Error::from)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

fn graph_json<'a>(graph: &'a KnowledgeGraph, places: &'a [u32]) -> GraphJson<NodeOut<'a>> {
    let ids = |numbers, limit| Ids { graph, numbers, limit };
    let places = |numbers| Places { places, numbers };
    let nodes = graph
        .sorted_nodes()
        .into_iter()
        .map(|i| {
            let n = graph.node(i);
            NodeOut {
                id: &n.id,
                label: &n.label,
                kind: n.kind,
                iso3: n.iso3.as_deref(),
                code: n.code.as_deref(),
                aliases: &n.aliases,
                mentions: n.mentions,
                documents: places(&n.documents),
                resolved: n
                    .resolved
                    .iter()
                    .map(|r| ResolvedOut {
                        id: &r.id,
                        label: &r.label,
                        mentions: r.mentions,
                        documents: places(&r.documents),
                        full_name_documents: ids(&r.sources, RESOLUTION_SOURCES),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut edges: Vec<EdgeJson> = Vec::new();
    for (s, t, e) in graph.sorted_edges() {
        let (source, target) = (graph.node(s).id.clone(), graph.node(t).id.clone());
        // networkx keys parallel edges 0, 1, ... per (source, target) pair.
        let key = match edges.last() {
            Some(last) if last.source == source && last.target == target => last.key + 1,
            _ => 0,
        };
        edges.push(EdgeJson {
            source,
            target,
            key,
            relation: e.relation.label.clone(),
            cameo: e.relation.cameo.clone(),
            goldstein: e.relation.goldstein,
            plover: e.relation.plover.clone(),
            weight: e.weight,
            first_date: e.first_date.clone(),
            last_date: e.last_date.clone(),
            hedged: e.hedged,
            evidence: e.evidence.clone(),
        });
    }
    GraphJson {
        directed: true,
        multigraph: true,
        graph: GraphMeta { generator: GENERATOR.to_string(), documents: graph.documents().cloned().collect() },
        nodes,
        edges,
    }
}

/// Document numbers for ids; an id the graph does not list is an error.
fn numbers(graph: &KnowledgeGraph, ids: &[String], node: &str) -> std::result::Result<Vec<u32>, String> {
    let numbers = ids
        .iter()
        .map(|id| graph.document_number(id).ok_or_else(|| format!("node {node} names an unknown document {id:?}")));
    sorted(numbers.collect::<std::result::Result<Vec<u32>, String>>()?)
}

/// Document numbers for places in the file's document list (`listed`: their numbers).
fn numbers_at(listed: &[u32], places: &[u32], node: &str) -> std::result::Result<Vec<u32>, String> {
    let numbers = places.iter().map(|&p| {
        listed.get(p as usize).copied().ok_or_else(|| format!("node {node} names document {p}, past the document list"))
    });
    sorted(numbers.collect::<std::result::Result<Vec<u32>, String>>()?)
}

fn sorted(mut numbers: Vec<u32>) -> std::result::Result<Vec<u32>, String> {
    numbers.sort_unstable();
    numbers.dedup();
    Ok(numbers)
}

/// Reads a graph written by [`to_json`]; `path` names the source in errors.
pub fn from_json(path: &str, text: &str, limit: EvidenceLimit) -> Result<KnowledgeGraph> {
    let not_a_graph = |message: String| Error::NotAGraph { path: path.to_string(), message };
    // The README's main job writes DOT; queries, merges and updates read the JSON export.
    if text.trim_start().starts_with("digraph") {
        return Err(not_a_graph("this is Graphviz DOT; build with `-o graph.json` and use that file".into()));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| not_a_graph(format!("invalid JSON: {e}")))?;
    if value.get("nodes").is_none() || value.get("edges").is_none() {
        return Err(not_a_graph("expected networkx node-link JSON with \"nodes\" and \"edges\"".into()));
    }
    let json: GraphJson<NodeJson> = serde_json::from_value(value).map_err(|e| not_a_graph(e.to_string()))?;
    let mut graph = KnowledgeGraph::new(limit);
    let listed: Vec<u32> = json.graph.documents.into_iter().map(|doc| graph.add_document_info(doc)).collect();
    for n in json.nodes {
        let documents = numbers_at(&listed, &n.documents, &n.id).map_err(not_a_graph)?;
        let mut resolved = Vec::with_capacity(n.resolved.len());
        for r in n.resolved {
            resolved.push(Resolved {
                documents: numbers_at(&listed, &r.documents, &n.id).map_err(not_a_graph)?,
                sources: numbers(&graph, &r.full_name_documents, &n.id).map_err(not_a_graph)?,
                id: r.id,
                label: r.label,
                mentions: r.mentions,
            });
        }
        graph.upsert_node(Node {
            documents,
            resolved,
            id: n.id,
            label: n.label,
            kind: n.kind,
            aliases: n.aliases,
            mentions: n.mentions,
            iso3: n.iso3,
            code: n.code,
        });
    }
    for e in json.edges {
        let (Some(s), Some(t)) = (graph.node_by_id(&e.source), graph.node_by_id(&e.target)) else {
            return Err(not_a_graph(format!("edge {} -> {} names an unknown node", e.source, e.target)));
        };
        graph.upsert_edge(
            s,
            t,
            Edge {
                relation: Arc::new(RelationType {
                    label: e.relation,
                    cameo: e.cameo,
                    goldstein: e.goldstein,
                    plover: e.plover,
                }),
                weight: e.weight,
                first_date: e.first_date,
                last_date: e.last_date,
                hedged: e.hedged,
                evidence: e.evidence,
            },
        );
    }
    Ok(graph)
}
