//! Cross-document resolution: a surname alone joins the one full name the
//! corpus gives for it near in time, through build, merge and update, the
//! same with any number of threads; an ambiguous surname stays apart.

use serde_json::Value;

use crate::harness::{newsgraph, scratch};

/// Our own small corpus: Anna Kowalczyk is named in full twice, then only as
/// "Ms Kowalczyk"; two people called Nowak are named in full.
const CORPUS: &[(&str, &str)] = &[
    ("a.txt", "date 2021-03-01\n\nAnna Kowalczyk, the Polish finance minister, condemned Russia on Monday.\n"),
    ("b.txt", "date 2021-03-03\n\nAnna Kowalczyk met Piotr Nowak in Warsaw.\n"),
    ("c.txt", "date 2021-03-10\n\nMs Kowalczyk condemned Germany on Tuesday. Mr Nowak said nothing.\n"),
    ("d.txt", "date 2021-03-04\n\nEwa Nowak and Piotr Nowak opened a bakery in Gdansk.\n"),
    ("e.txt", "date 2021-03-05\n\nEwa Nowak praised the bakers.\n"),
];

/// Writes the named documents of [`CORPUS`] to a scratch folder; their paths.
fn corpus(dir: &tempfile::TempDir, names: &[&str]) -> Vec<String> {
    CORPUS
        .iter()
        .filter(|(name, _)| names.contains(name))
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path.display().to_string()
        })
        .collect()
}

fn build(paths: &[String], extra: &[&str]) -> Value {
    let mut args = vec!["build", "-q"];
    args.extend(extra);
    args.extend(paths.iter().map(String::as_str));
    serde_json::from_str(&newsgraph(&args).ok()).unwrap()
}

fn node<'a>(graph: &'a Value, id: &str) -> Option<&'a Value> {
    graph["nodes"].as_array().unwrap().iter().find(|n| n["id"] == id)
}

const ALL: &[&str] = &["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];

#[test]
fn a_surname_joins_the_one_full_name_with_its_edges_and_the_reason() {
    let dir = scratch();
    let graph = build(&corpus(&dir, ALL), &[]);
    assert!(node(&graph, "person:kowalczyk").is_none(), "the short name is merged");
    let anna = node(&graph, "person:anna-kowalczyk").expect("the full name stays");
    let resolved = &anna["resolved"][0];
    assert_eq!(resolved["id"], "person:kowalczyk");
    assert_eq!(resolved["documents"].as_array().unwrap().len(), 1);
    let sources: Vec<&str> =
        resolved["full_name_documents"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    assert!(sources.len() == 2 && sources.iter().all(|s| s.ends_with("a.txt") || s.ends_with("b.txt")), "{sources:?}");
    assert_eq!(anna["mentions"], 3);
    let moved = graph["edges"].as_array().unwrap().iter().any(|e| {
        e["source"] == "person:anna-kowalczyk" && e["target"] == "state:germany" && e["relation"] == "criticized"
    });
    assert!(moved, "the short name's edge moved to the full name");
}

#[test]
fn an_ambiguous_surname_stays_apart() {
    let dir = scratch();
    let graph = build(&corpus(&dir, ALL), &[]);
    assert!(node(&graph, "person:nowak").is_some(), "Piotr or Ewa Nowak: neither");
    assert!(node(&graph, "person:piotr-nowak").unwrap().get("resolved").is_none());
}

#[test]
fn one_other_document_does_not_establish_a_full_name() {
    let dir = scratch();
    let graph = build(&corpus(&dir, &["a.txt", "c.txt"]), &[]);
    assert!(node(&graph, "person:kowalczyk").is_some());
}

#[test]
fn a_full_name_outside_the_window_does_not_count() {
    let dir = scratch();
    let mut paths = corpus(&dir, &["a.txt", "b.txt"]);
    let late = dir.path().join("late.txt");
    std::fs::write(&late, "date 2021-09-10\n\nMs Kowalczyk condemned Germany on Tuesday.\n").unwrap();
    paths.push(late.display().to_string());
    let graph = build(&paths, &[]);
    assert!(node(&graph, "person:kowalczyk").is_some(), "six months later it may be someone else");
}

#[test]
fn resolution_can_be_switched_off() {
    let dir = scratch();
    let graph = build(&corpus(&dir, ALL), &["--no-corpus-resolution"]);
    assert!(node(&graph, "person:kowalczyk").is_some());
    assert!(node(&graph, "person:anna-kowalczyk").unwrap().get("resolved").is_none());
}

#[test]
fn threads_do_not_change_the_resolved_graph() {
    let dir = scratch();
    let paths = corpus(&dir, ALL);
    let one = newsgraph(
        &[&["build", "-q", "--jobs", "1"][..], &paths.iter().map(String::as_str).collect::<Vec<_>>()].concat(),
    )
    .ok();
    let two = newsgraph(
        &[&["build", "-q", "--jobs", "2"][..], &paths.iter().map(String::as_str).collect::<Vec<_>>()].concat(),
    )
    .ok();
    assert_eq!(one, two);
    assert!(one.contains("\"resolved\""));
}

#[test]
fn merging_and_updating_resolve_what_the_parts_could_not() {
    let dir = scratch();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let full = corpus(&dir, &["a.txt", "b.txt", "d.txt", "e.txt"]);
    let short = corpus(&dir, &["c.txt"]);
    let args = |paths: &[String], out: &str| {
        let mut args: Vec<String> = ["build", "-q", "-o", out].map(String::from).to_vec();
        args.extend(paths.iter().cloned());
        args
    };
    let run = |args: Vec<String>| newsgraph(&args.iter().map(String::as_str).collect::<Vec<_>>()).ok();
    run(args(&full, &path("full.json")));
    run(args(&short, &path("short.json")));
    let alone: Value = serde_json::from_str(&std::fs::read_to_string(path("short.json")).unwrap()).unwrap();
    assert!(node(&alone, "person:kowalczyk").is_some(), "alone, the short name has no full name");
    let merged = newsgraph(&["merge", &path("full.json"), &path("short.json")]).ok();
    let whole =
        newsgraph(&[&["build", "-q"][..], &corpus(&dir, ALL).iter().map(String::as_str).collect::<Vec<_>>()].concat())
            .ok();
    assert_eq!(merged, whole, "merge(build A, build B) = build(A and B)");
    let mut update = vec!["build".to_string(), "-q".into(), "--update".into(), path("full.json")];
    update.extend(short);
    assert_eq!(run(update), whole);
}

#[test]
fn the_diagram_shows_why_and_a_bad_document_place_is_refused() {
    let dir = scratch();
    let mut args = vec!["build".to_string(), "-q".into(), "-f".into(), "dot".into()];
    args.extend(corpus(&dir, ALL));
    let dot = newsgraph(&args.iter().map(String::as_str).collect::<Vec<_>>()).ok();
    assert!(dot.contains("resolved from Kowalczyk (full name in "), "{dot}");
    let graph = dir.path().join("bad.json");
    let text = r#"{"directed": true, "multigraph": true, "graph": {"generator": "x", "documents": []},
        "nodes": [{"id": "person:x", "label": "X", "kind": "person", "aliases": [], "mentions": 1, "documents": [3]}],
        "edges": []}"#;
    std::fs::write(&graph, text).unwrap();
    let run = newsgraph(&["query", &graph.display().to_string(), "entities"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("node person:x names document 3, past the document list"), "{}", run.stderr);
}
