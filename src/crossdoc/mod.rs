//! Cross-document resolution: a person named only by a surname ("Ms
//! Kowalczyk", where no sentence of the document gives her full name) is the
//! person the rest of the corpus names in full ("Anna Kowalczyk"), when
//! exactly one full name with that surname occurs in documents near in time,
//! and two documents give it (or the short name's own).
//!
//! It runs on a whole graph, after build, merge and update: short-name nodes
//! are merged into their full-name node with their mentions, names and
//! edges, and the full-name node records which documents gave the full name.
//! A surname with two full names in its window ("Smith") stays apart, and so
//! does one whose only full name does not start with a known given name
//! ("Crown Bill" is no person's name; "Estelle Morris" is, and makes "Morris"
//! ambiguous beside "Bill Morris" though "Estelle" is not in the lexicon). Once
//! merged, a node stays merged: a graph merged later with one that holds a
//! second full name keeps the first resolution (build the whole corpus at
//! once for a decision over all of it).

mod names;
mod window;

pub use names::{PersonName, is_first_name, person_name, titles, without_titles};
pub use window::day_number;

use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::extract::EntityKind;
use crate::graph::{KnowledgeGraph, RESOLUTION_SOURCES};
use window::Window;

/// How many days from a short name's document a full name's document may be
/// to explain it. Follow-up stories that call a person by surname alone come
/// within days or weeks of the one that introduced them; over months the same
/// surname is more and more often someone else's, and a public figure called
/// by surname is named in full somewhere every month.
pub const WINDOW_DAYS: i64 = 30;

/// What a resolution pass did.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct ResolutionSummary {
    /// Person nodes named by a surname alone (perhaps after titles).
    pub short_names: usize,
    /// Of them, merged into the one full name in their window.
    pub resolved: usize,
    /// Left apart: several full names in their window.
    pub ambiguous: usize,
    /// Left apart: the one name in their window does not start with a known
    /// given name ("Royal Mail" for "Mail"), or only one other document gives it.
    pub unsure: usize,
    /// Left apart: no full name in their window.
    pub unmatched: usize,
    /// Edges between a short name and its full name, dropped on merging
    /// (extraction drops relations of an entity with itself too).
    pub dropped_edges: usize,
}

/// A short name's merge: into which node, and the documents that named it in full.
struct Merge {
    short: NodeIndex,
    full: NodeIndex,
    sources: Vec<u32>,
}

/// Resolves every short-name person node of the graph that has exactly one
/// full-name candidate in its window; see the module's documentation.
pub fn resolve_surnames(graph: &mut KnowledgeGraph) -> ResolutionSummary {
    let (merges, mut summary) = plan(graph);
    for merge in merges {
        summary.dropped_edges += graph.absorb(merge.short, merge.full, merge.sources);
    }
    summary
}

/// A person named by several words, as a candidate for a surname.
#[derive(Clone, Copy)]
struct Candidate {
    node: NodeIndex,
    /// A known given name first and the surname last: a short name may be
    /// merged into it ("Anna Kowalczyk"; not "Royal Mail", "Ian MacDonald QC").
    mergeable: bool,
}

/// Every person named by several words, under each word after the first:
/// "Ian MacDonald QC" makes "MacDonald" ambiguous though it ends in "QC".
fn candidates_by_word(graph: &KnowledgeGraph) -> HashMap<&str, Vec<Candidate>> {
    let mut by_word: HashMap<&str, Vec<Candidate>> = HashMap::default();
    for node in graph.sorted_nodes() {
        let label = &graph.node(node).label;
        if graph.node(node).kind != EntityKind::Person {
            continue;
        }
        let (rest, given) = match person_name(label) {
            PersonName::Full(rest) => (rest, true),
            PersonName::Unsure(rest) => (rest, false),
            _ => continue,
        };
        let last = rest.rsplit(' ').next().unwrap_or(rest);
        let mut words: Vec<&str> = rest.split(' ').collect();
        words.sort_unstable();
        words.dedup();
        for word in words {
            by_word.entry(word).or_default().push(Candidate { node, mergeable: given && word == last });
        }
    }
    by_word
}

/// Decides every merge on the graph as it is (so the order of merging cannot
/// change them): short names in id order, each with its candidates.
fn plan(graph: &KnowledgeGraph) -> (Vec<Merge>, ResolutionSummary) {
    let days: Vec<Option<i64>> =
        graph.numbered_documents().iter().map(|d| d.date.as_deref().and_then(day_number)).collect();
    let by_word = candidates_by_word(graph);
    let short_names: Vec<(NodeIndex, &str)> = graph
        .sorted_nodes()
        .into_iter()
        .filter(|&i| graph.node(i).kind == EntityKind::Person)
        .filter_map(|i| match person_name(&graph.node(i).label) {
            PersonName::Surname(surname) => Some((i, surname)),
            _ => None,
        })
        .collect();
    let mut summary = ResolutionSummary { short_names: short_names.len(), ..Default::default() };
    let mut merges = Vec::new();
    for (short, surname) in short_names {
        let own = &graph.node(short).documents;
        let window = Window::new(own.iter().map(|&n| days[n as usize]), WINDOW_DAYS);
        let in_window: Vec<(Candidate, Vec<u32>)> = by_word
            .get(surname)
            .into_iter()
            .flatten()
            .filter_map(|&candidate| {
                let documents = &graph.node(candidate.node).documents;
                let near: Vec<u32> = documents.iter().copied().filter(|&n| window.holds(days[n as usize])).collect();
                // A node read from a graph that lists no documents may be from any day.
                (!near.is_empty() || documents.is_empty()).then_some((candidate, near))
            })
            .collect();
        match <[_; 1]>::try_from(in_window) {
            Ok([(candidate, sources)]) if candidate.mergeable && supported(&sources, own) => {
                summary.resolved += 1;
                merges.push(Merge { short, full: candidate.node, sources: first_by_id(graph, sources) });
            }
            Ok(_) => summary.unsure += 1,
            Err(candidates) if candidates.is_empty() => summary.unmatched += 1,
            Err(_) => summary.ambiguous += 1,
        }
    }
    (merges, summary)
}

/// A full name explains a surname elsewhere when two documents give it (a
/// name the corpus gives once is a one-off, not one other stories may
/// shorten), or when it stands in the short name's own document (where the
/// document's resolution missed it). Read on the BBC corpus (912 undated
/// articles): of 20 merges made without this, 10 were namesakes, 7 of them
/// to a name one other document gave ("Lord Armstrong" to the analyst Bill
/// Armstrong), against 3 right ones so given.
fn supported(sources: &[u32], own: &[u32]) -> bool {
    sources.len() >= 2 || sources.iter().any(|n| own.binary_search(n).is_ok())
}

/// The first [`RESOLUTION_SOURCES`] documents by id, as numbers in ascending order.
fn first_by_id(graph: &KnowledgeGraph, mut sources: Vec<u32>) -> Vec<u32> {
    sources.sort_by(|&a, &b| graph.document(a).id.cmp(&graph.document(b).id));
    sources.truncate(RESOLUTION_SOURCES);
    sources.sort_unstable();
    sources
}
