//! Short-name duplicates: entities labelled only by a surname, or a title and
//! a surname ("Blair", "Mr Blair"), beside the full-name entities they may
//! stand for ("Tony Blair"). A measurement for resolving them later.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use crate::crossdoc::without_titles;
use crate::extract::EntityKind;
use crate::graph::KnowledgeGraph;

/// An entity named by its short name, and the entities it may duplicate.
#[derive(Debug, Serialize)]
pub struct ShortName {
    /// The entity's id.
    pub id: String,
    /// Its label ("Mr Blair").
    pub label: String,
    /// The surname the label ends with ("Blair").
    pub surname: String,
    /// How many times it was mentioned.
    pub mentions: u64,
    /// Documents it was named in (persons list them) or is an end of an
    /// edge's evidence in.
    pub documents: usize,
    /// Entities of the same kind whose full name ends with the surname,
    /// most mentioned first.
    pub candidates: Vec<FullName>,
}

/// A full-name entity a short name may stand for.
#[derive(Debug, Clone, Serialize)]
pub struct FullName {
    /// The entity's id.
    pub id: String,
    /// Its label ("Tony Blair").
    pub label: String,
    /// How many times it was mentioned.
    pub mentions: u64,
    /// Documents of the evidence of its edges, as for [`ShortName::documents`].
    pub documents: usize,
}

/// How many short names there are, and how many full names they may stand for.
#[derive(Debug, Serialize)]
pub struct DuplicateSummary {
    /// Entities named by a surname or a title and a surname.
    pub short_names: usize,
    /// Of them, those with exactly one full-name candidate.
    pub one_candidate: usize,
    /// Those with several.
    pub several_candidates: usize,
    /// Those with none.
    pub no_candidate: usize,
}

/// The answer to `duplicates`: the short names, sorted by surname, label and
/// id, and their counts.
#[derive(Debug, Serialize)]
pub struct Duplicates {
    /// Every short-name entity with its candidates.
    pub short_names: Vec<ShortName>,
    /// The counts.
    pub summary: DuplicateSummary,
}

/// For each entity, the documents it is listed in (persons) and those of the
/// evidence of the edges it is an end of.
fn evidence_documents(graph: &KnowledgeGraph) -> HashMap<NodeIndex, BTreeSet<&str>> {
    let mut documents: HashMap<NodeIndex, BTreeSet<&str>> = HashMap::new();
    for i in graph.sorted_nodes() {
        let listed = graph.node_documents(i).into_iter().map(|d| d.id.as_str());
        documents.entry(i).or_default().extend(listed);
    }
    for (source, target, edge) in graph.sorted_edges() {
        for evidence in &edge.evidence {
            documents.entry(source).or_default().insert(&evidence.doc);
            documents.entry(target).or_default().insert(&evidence.doc);
        }
    }
    documents
}

/// Every entity of `kind` (person when none is given) labelled only by a
/// surname or by titles and a surname, with the full-name entities whose
/// last word is that surname.
pub fn duplicates(graph: &KnowledgeGraph, kind: Option<EntityKind>) -> Duplicates {
    let kind = kind.unwrap_or(EntityKind::Person);
    let documents = evidence_documents(graph);
    let count = |i: NodeIndex| documents.get(&i).map_or(0, BTreeSet::len);
    // (node, name without titles), for every node of the kind.
    let named: Vec<(NodeIndex, &str)> = graph
        .sorted_nodes()
        .into_iter()
        .filter(|&i| graph.node(i).kind == kind)
        .map(|i| (i, without_titles(&graph.node(i).label)))
        .collect();
    let mut full_by_surname: HashMap<&str, Vec<FullName>> = HashMap::new();
    for &(i, name) in named.iter().filter(|(_, name)| name.contains(' ')) {
        let surname = name.rsplit(' ').next().unwrap_or(name);
        let node = graph.node(i);
        let full =
            FullName { id: node.id.clone(), label: node.label.clone(), mentions: node.mentions, documents: count(i) };
        full_by_surname.entry(surname).or_default().push(full);
    }
    for candidates in full_by_surname.values_mut() {
        candidates.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    }
    let mut short_names: Vec<ShortName> = named
        .iter()
        .filter(|(_, name)| !name.is_empty() && !name.contains(' '))
        .map(|&(i, surname)| {
            let node = graph.node(i);
            ShortName {
                id: node.id.clone(),
                label: node.label.clone(),
                surname: surname.to_string(),
                mentions: node.mentions,
                documents: count(i),
                candidates: full_by_surname.get(surname).cloned().unwrap_or_default(),
            }
        })
        .collect();
    short_names.sort_by(|a, b| (&a.surname, &a.label, &a.id).cmp(&(&b.surname, &b.label, &b.id)));
    let with = |n: &dyn Fn(usize) -> bool| short_names.iter().filter(|s| n(s.candidates.len())).count();
    let summary = DuplicateSummary {
        short_names: short_names.len(),
        one_candidate: with(&|n| n == 1),
        several_candidates: with(&|n| n > 1),
        no_candidate: with(&|n| n == 0),
    };
    Duplicates { short_names, summary }
}
