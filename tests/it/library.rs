//! The library's one-call entry gives the graph the command line builds.

use newsgraph::{Error, KnowledgeGraph, Pipeline, to_json};

use crate::harness::{SEED, newsgraph, root};

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

#[test]
fn from_texts_gives_the_graph_build_writes() {
    let graph = KnowledgeGraph::from_texts([("seed-article.txt", read(SEED))]).unwrap();
    assert!(graph.edge_count() > 0);
    assert_eq!(to_json(&graph), newsgraph(&["build", "-q", SEED]).ok());
}

#[test]
fn from_texts_with_a_pipeline_gives_the_graph_build_writes_with_it() {
    let korea = "data/samples/GUM_news_korea.txt";
    let pipeline = Pipeline::rules_only();
    let texts = vec![("GUM_news_korea.txt", read(korea)), ("seed-article.txt", read(SEED))];
    let graph = KnowledgeGraph::from_texts_with(&pipeline, texts).unwrap();
    assert_eq!(to_json(&graph), newsgraph(&["build", "-q", "--no-tagger", SEED, korea]).ok());
}

#[test]
fn a_given_date_dates_the_evidence() {
    let graph = KnowledgeGraph::from_texts([("a", "Russia condemned Ukraine on Monday.", "2024-01-02")]).unwrap();
    let rows = newsgraph::relations(&graph, None, None, None).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.first_date.as_deref() == Some("2024-01-02")), "{rows:?}");
}

#[test]
fn the_first_problem_is_the_error() {
    let twice = KnowledgeGraph::from_texts([("a", "Russia condemned Ukraine."), ("a", "France agreed.")]);
    let Err(Error::Input(problem)) = twice else { panic!("an id given twice is an error") };
    assert!(problem.message.contains("duplicate document id"), "{problem}");
    let empty = KnowledgeGraph::from_texts([("e", "  \n")]);
    assert!(matches!(empty, Err(Error::Input(p)) if p.message == "empty document"));
}
