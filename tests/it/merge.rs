//! Sharding: merge(build(X), build(Y)) == build(X ∪ Y), byte for byte, and
//! --update adds only what is new.

use newsgraph::corpus::Runner;
use newsgraph::export::{from_json, to_json};
use newsgraph::graph::{EvidenceLimit, GraphError, KnowledgeGraph};
use newsgraph::input::{Document, Documents};
use proptest::prelude::*;

use crate::harness::{newsgraph, pipeline, root, scratch};

fn samples() -> &'static [Document] {
    static DOCS: std::sync::OnceLock<Vec<Document>> = std::sync::OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = root().join("data/samples").display().to_string();
        Documents::new(&[dir]).map(|d| d.expect("sample documents read")).collect()
    })
}

fn build(docs: Vec<Document>, limit: EvidenceLimit) -> String {
    build_in_batches(docs, limit, 7)
}

fn build_in_batches(docs: Vec<Document>, limit: EvidenceLimit, batch: usize) -> String {
    let mut graph = KnowledgeGraph::new(limit);
    let runner = Runner { pipeline: pipeline(), batch, strict: true };
    runner.build(&mut graph, docs.into_iter().map(Ok), |_| {}, |_| {}).expect("no bad input");
    to_json(&graph)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn merging_shards_equals_building_the_whole(shards in proptest::collection::vec(0usize..3, 25), cap in 1usize..4) {
        let docs = samples();
        prop_assume!(docs.len() == shards.len());
        let limit = EvidenceLimit::AtMost(cap);
        let whole = build(docs.to_vec(), limit);
        // Merge the shards in reverse order too: merging is commutative.
        let mut parts: Vec<String> = (0..3)
            .map(|s| build(docs.iter().zip(&shards).filter(|(_, k)| **k == s).map(|(d, _)| d.clone()).collect(), limit))
            .collect();
        parts.reverse();
        let mut merged = KnowledgeGraph::new(limit);
        for part in &parts {
            merged.merge(from_json("part", part, limit).unwrap()).unwrap();
        }
        prop_assert_eq!(to_json(&merged), whole);
    }
}

#[test]
fn merge_command_joins_shards() {
    let dir = scratch();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let seed = "data/samples/seed-article.txt";
    let korea = "data/samples/GUM_news_korea.txt";
    newsgraph(&["build", "-q", seed, "-o", &path("a.json")]).ok();
    newsgraph(&["build", "-q", korea, "-o", &path("b.json")]).ok();
    let merged = newsgraph(&["merge", &path("b.json"), &path("a.json")]).ok();
    let whole = newsgraph(&["build", "-q", seed, korea]).ok();
    assert_eq!(merged, whole);
}

#[test]
fn update_skips_documents_already_in_the_graph() {
    let dir = scratch();
    let graph = dir.path().join("g.json").display().to_string();
    let seed = "data/samples/seed-article.txt";
    let korea = "data/samples/GUM_news_korea.txt";
    newsgraph(&["build", "-q", seed, "-o", &graph]).ok();
    let run = newsgraph(&["build", "--update", &graph, seed, korea]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 document (") && run.stderr.contains("1 already in the graph"), "{}", run.stderr);
    let whole = newsgraph(&["build", "-q", seed, korea]).ok();
    assert_eq!(run.stdout, whole);
}

#[test]
fn batch_size_does_not_change_the_graph() {
    let docs = samples().to_vec();
    let one = build_in_batches(docs.clone(), EvidenceLimit::default(), 1);
    assert_eq!(one, build_in_batches(docs.clone(), EvidenceLimit::default(), 4));
    assert_eq!(one, build_in_batches(docs, EvidenceLimit::default(), 256));
}

#[test]
fn merge_refuses_graphs_that_share_a_document_naming_it_and_both_graphs() {
    let dir = scratch();
    let path = |name: &str| dir.path().join(name).display().to_string();
    newsgraph(&["build", "-q", "data/samples/seed-article.txt", "-o", &path("a.json")]).ok();
    std::fs::copy(path("a.json"), path("b.json")).unwrap();
    let run = newsgraph(&["merge", &path("a.json"), &path("b.json")]);
    assert_eq!(run.code, 1);
    let expected = format!("document \"seed-article.txt\" is in both {} and {}", path("a.json"), path("b.json"));
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

#[test]
fn a_document_already_in_the_graph_is_refused_and_the_graph_unchanged() {
    let doc = samples()[0].clone();
    let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
    graph.add_extraction(&doc, pipeline().extract(&doc)).unwrap();
    let before = to_json(&graph);
    let again = graph.add_extraction(&doc, pipeline().extract(&doc));
    assert_eq!(again, Err(GraphError::DuplicateDocument(doc.id.clone())));
    assert_eq!(to_json(&graph), before);
    let mut merged = graph.clone();
    assert_eq!(merged.merge(graph), Err(GraphError::SharedDocument(doc.id)));
    assert_eq!(to_json(&merged), before);
}
