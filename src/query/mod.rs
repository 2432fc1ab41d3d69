//! Queries over a graph: entities, one entity's record, relations, neighbours,
//! shortest paths and short-name duplicates. Names resolve case-insensitively through labels,
//! aliases and ids; unknown or ambiguous names list the closest candidates.

mod duplicates;
pub mod print;
mod rows;
mod table;

use std::collections::{HashMap, VecDeque};

use petgraph::Direction;
use petgraph::stable_graph::NodeIndex;

pub use duplicates::{DuplicateSummary, Duplicates, FullName, ShortName, duplicates};
pub use rows::{EntityRow, Record, RelationRow, Way};

pub use crate::error::QueryError;
use crate::error::Result;
use crate::extract::EntityKind;
use crate::graph::KnowledgeGraph;
use rows::row;

/// Finds the entity a user means by `name`: its id, else its label, else an
/// alias, in any case and with or without a leading "the".
pub fn resolve_name(graph: &KnowledgeGraph, name: &str) -> Result<NodeIndex> {
    if let Some(index) = graph.node_by_id(name) {
        return Ok(index);
    }
    let wanted = name.trim().to_lowercase();
    let wanted = wanted.strip_prefix("the ").unwrap_or(&wanted);
    let nodes = graph.sorted_nodes();
    // A label beats an alias: "Moscow" is the city, though Russia is also called so.
    let by_label: Vec<NodeIndex> =
        nodes.iter().copied().filter(|&i| graph.node(i).label.to_lowercase() == wanted).collect();
    let matches: Vec<NodeIndex> = if by_label.is_empty() {
        nodes.iter().copied().filter(|&i| graph.node(i).aliases.iter().any(|a| a.to_lowercase() == wanted)).collect()
    } else {
        by_label
    };
    match matches[..] {
        [one] => Ok(one),
        [] => {
            // Closest by edit distance to the label, an alias or one word of them.
            let mut scored: Vec<(usize, &str)> = nodes
                .iter()
                .map(|&i| {
                    let n = graph.node(i);
                    let names = std::iter::once(&n.label).chain(&n.aliases);
                    let score = names
                        .flat_map(|name| {
                            let name = name.to_lowercase();
                            let words: Vec<String> = name.split(' ').map(String::from).collect();
                            std::iter::once(name).chain(words)
                        })
                        .map(|candidate| edit_distance(&candidate, wanted))
                        .min()
                        .unwrap_or(usize::MAX);
                    (score, n.label.as_str())
                })
                .collect();
            scored.sort();
            let closest = scored.iter().take(3).map(|(_, l)| l.to_string()).collect();
            Err(QueryError::UnknownEntity { name: name.to_string(), closest }.into())
        }
        _ => {
            let ids = matches.iter().map(|&i| graph.node(i).id.clone()).collect();
            Err(QueryError::AmbiguousName { name: name.to_string(), ids }.into())
        }
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Every entity, or those of one kind, sorted by id.
pub fn entities(graph: &KnowledgeGraph, kind: Option<EntityKind>) -> Vec<EntityRow> {
    graph
        .sorted_nodes()
        .into_iter()
        .map(|i| (i, graph.node(i)))
        .filter(|(_, n)| kind.is_none_or(|k| k == n.kind))
        .map(|(i, n)| EntityRow {
            id: n.id.clone(),
            label: n.label.clone(),
            kind: n.kind,
            mentions: n.mentions,
            edges: graph.degree(i),
            aliases: n.aliases.iter().cloned().collect(),
        })
        .collect()
}

/// Checks that some edge of the graph has the `relation` asked for (in any
/// case): a misspelt relation must not pass for one without edges.
fn check_relation(graph: &KnowledgeGraph, relation: Option<&str>) -> Result<()> {
    let Some(name) = relation else { return Ok(()) };
    let mut known: Vec<&str> = graph.sorted_edges().into_iter().map(|(_, _, e)| e.relation.label.as_str()).collect();
    if known.iter().any(|r| r.eq_ignore_ascii_case(name)) {
        return Ok(());
    }
    known.sort_unstable();
    known.dedup();
    let wanted = name.to_lowercase();
    known.sort_by_key(|r| (edit_distance(&r.to_lowercase(), &wanted), *r));
    let known = known.into_iter().map(String::from).collect();
    Err(QueryError::UnknownRelation { name: name.to_string(), known }.into())
}

/// Edges filtered by relation and by either end.
pub fn relations(
    graph: &KnowledgeGraph,
    relation: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<RelationRow>> {
    check_relation(graph, relation)?;
    let from = from.map(|n| resolve_name(graph, n)).transpose()?;
    let to = to.map(|n| resolve_name(graph, n)).transpose()?;
    Ok(graph
        .sorted_edges()
        .into_iter()
        .filter(|(s, t, e)| {
            relation.is_none_or(|r| e.relation.label.eq_ignore_ascii_case(r))
                && from.is_none_or(|f| f == *s)
                && to.is_none_or(|x| x == *t)
        })
        .map(|(s, t, e)| row(graph, s, t, e))
        .collect::<Vec<_>>())
    .map(|mut rows| {
        rows.sort_by(|a, b| (&a.source, &a.relation, &a.target).cmp(&(&b.source, &b.relation, &b.target)));
        rows
    })
}

/// The record of the entity `name` means (see [`resolve_name`]).
pub fn show(graph: &KnowledgeGraph, name: &str) -> Result<Record> {
    let index = resolve_name(graph, name)?;
    let node = graph.node(index);
    Ok(Record {
        entity: EntityRow {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
            mentions: node.mentions,
            edges: graph.degree(index),
            aliases: node.aliases.iter().cloned().collect(),
        },
        outgoing: graph
            .edges_of(index, Direction::Outgoing)
            .into_iter()
            .map(|(t, e)| row(graph, index, t, e))
            .collect(),
        incoming: graph
            .edges_of(index, Direction::Incoming)
            .into_iter()
            .map(|(s, e)| row(graph, s, index, e))
            .collect(),
    })
}

/// Edges next to an entity, optionally one relation and one direction.
pub fn neighbors(graph: &KnowledgeGraph, name: &str, relation: Option<&str>, way: Way) -> Result<Vec<RelationRow>> {
    let record = show(graph, name)?;
    check_relation(graph, relation)?;
    let keep = |r: &RelationRow| relation.is_none_or(|x| r.relation.eq_ignore_ascii_case(x));
    let mut rows = Vec::new();
    if way != Way::In {
        rows.extend(record.outgoing.into_iter().filter(keep));
    }
    if way != Way::Out {
        rows.extend(record.incoming.into_iter().filter(keep));
    }
    Ok(rows)
}

/// The shortest chain of edges between two entities, following edges either
/// way; each step keeps its true direction. Ties break by id, so the answer is stable.
pub fn path(graph: &KnowledgeGraph, from: &str, to: &str) -> Result<Vec<RelationRow>> {
    let start = resolve_name(graph, from)?;
    let goal = resolve_name(graph, to)?;
    let mut previous: HashMap<NodeIndex, (NodeIndex, NodeIndex, NodeIndex)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = std::collections::HashSet::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal {
            break;
        }
        // (neighbour, edge source, edge target), in id order so the path is stable.
        let mut steps: Vec<(NodeIndex, NodeIndex, NodeIndex)> = Vec::new();
        for (t, _) in graph.edges_of(node, Direction::Outgoing) {
            steps.push((t, node, t));
        }
        for (s, _) in graph.edges_of(node, Direction::Incoming) {
            steps.push((s, s, node));
        }
        steps.sort_by(|a, b| graph.node(a.0).id.cmp(&graph.node(b.0).id));
        for (next, s, t) in steps {
            if seen.insert(next) {
                previous.insert(next, (node, s, t));
                queue.push_back(next);
            }
        }
    }
    if !seen.contains(&goal) {
        let (from, to) = (graph.node(start).label.clone(), graph.node(goal).label.clone());
        return Err(QueryError::NoPath { from, to }.into());
    }
    let mut rows = Vec::new();
    let mut node = goal;
    while node != start {
        let (prev, s, t) = previous[&node];
        let edges = graph.edges_of(s, Direction::Outgoing);
        let outgoing: Vec<_> = edges.into_iter().filter(|(x, _)| *x == t).collect();
        if let Some((_, e)) = outgoing.first() {
            rows.push(row(graph, s, t, e));
        }
        node = prev;
    }
    rows.reverse();
    Ok(rows)
}
