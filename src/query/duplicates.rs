//! Short-name duplicates: entities labelled only by a surname, or a title and
//! a surname ("Blair", "Mr Blair"), beside the full-name entities they may
//! stand for ("Tony Blair"). A measurement for resolving them later.

use std::collections::{BTreeSet, HashMap};

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use crate::extract::EntityKind;
use crate::extract::lexicon::EMBEDDED;
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
    /// Documents of the evidence of its edges (nodes keep no documents, so
    /// this is a lower bound; 0 for an entity without edges).
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

/// The title and honorific words of the embedded `titles.tsv` (not role
/// nouns such as "president", which do not precede names): "Mr", "Lord",
/// "Prime Minister".
fn titles() -> Vec<&'static str> {
    let text = EMBEDDED.iter().find(|(name, _)| *name == "titles.tsv").map_or("", |(_, text)| text);
    let listed = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| line.split('\t').collect::<Vec<_>>())
        .filter(|cells| matches!(cells.get(2).map(|k| k.trim()), Some("title" | "honorific")))
        .map(|cells| cells[0].trim());
    listed.filter(|t| !t.is_empty()).collect()
}

/// The label without its leading titles ("Prime Minister Tony Blair" -> "Tony Blair").
fn without_titles<'a>(label: &'a str, titles: &[&str]) -> &'a str {
    let mut rest = label.trim();
    while let Some(shorter) =
        titles.iter().filter_map(|t| rest.strip_prefix(t).and_then(|r| r.strip_prefix(' '))).min_by_key(|r| r.len())
    {
        rest = shorter.trim_start();
    }
    rest
}

/// For each entity, the documents of the evidence of the edges it is an end of.
fn evidence_documents(graph: &KnowledgeGraph) -> HashMap<NodeIndex, BTreeSet<&str>> {
    let mut documents: HashMap<NodeIndex, BTreeSet<&str>> = HashMap::new();
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
    let titles = titles();
    let documents = evidence_documents(graph);
    let count = |i: NodeIndex| documents.get(&i).map_or(0, BTreeSet::len);
    // (node, name without titles), for every node of the kind.
    let named: Vec<(NodeIndex, &str)> = graph
        .sorted_nodes()
        .into_iter()
        .filter(|&i| graph.node(i).kind == kind)
        .map(|i| (i, without_titles(&graph.node(i).label, &titles)))
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

#[cfg(test)]
mod tests {
    use super::{titles, without_titles};

    #[test]
    fn titles_come_off_the_front_only() {
        let titles = titles();
        assert_eq!(without_titles("Mr Blair", &titles), "Blair");
        assert_eq!(without_titles("Lord Butler", &titles), "Butler");
        assert_eq!(without_titles("President Bush", &titles), "Bush");
        assert_eq!(without_titles("Prime Minister Tony Blair", &titles), "Tony Blair");
        assert_eq!(without_titles("Sir Menzies Campbell", &titles), "Menzies Campbell");
        assert_eq!(without_titles("Mrs.", &titles), "Mrs.", "a title alone stays");
        assert_eq!(without_titles("Tony Mr", &titles), "Tony Mr");
        assert!(!titles.contains(&"president"), "role nouns are not titles before a name");
    }
}
