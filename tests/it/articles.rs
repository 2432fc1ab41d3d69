//! `newsgraph evaluate articles` must score as the reference scorer
//! `../shared/eval/articles/score_graph.py` does: on every development
//! article, and on a made-up article that walks its corner cases (those
//! comparisons are skipped, with the reason, where `../shared` or python3 is
//! absent).

use std::path::{Path, PathBuf};
use std::process::Command;

use newsgraph::evaluate::articles;

use crate::harness::{newsgraph, root, scratch, write};

/// The folder of reader goldens, if it and python3 are here to score with.
fn reference() -> Option<PathBuf> {
    let dir = root().join("../shared/eval/articles");
    if !dir.join("score_graph.py").exists() {
        eprintln!("skipped: {} is absent", dir.join("score_graph.py").display());
        return None;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is absent, and the reference scorer needs it");
        return None;
    }
    Some(dir)
}

/// The reference scorer's figures for a graph, in the table's column order:
/// per kind found/wanted, spurious, duplicates; then required found/required,
/// recall, supported/edges, precision.
fn reference_figures(dir: &Path, gold: &Path, graph: &Path) -> Vec<String> {
    let output = Command::new("python3").arg(dir.join("score_graph.py")).arg(gold).arg(graph).output().unwrap();
    assert!(output.status.success(), "score_graph.py failed: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "four kinds and the relations line expected:\n{text}");
    for (line, kind) in lines.iter().zip(["person:", "state:", "organization:", "report:", "relations:"]) {
        assert!(line.starts_with(kind), "{kind} expected:\n{text}");
    }
    // "person: found 1/1, spurious 3, duplicates 0"; "relations: required recall 1/7 = 0.14, precision 2/5 = 0.40"
    text.split_whitespace()
        .map(|word| word.trim_end_matches(','))
        .filter(|word| word.starts_with(|c: char| c.is_ascii_digit()))
        .map(String::from)
        .collect()
}

/// The figures of an article's row of the `evaluate articles` table.
fn table_figures(table: &str, name: &str) -> Vec<String> {
    let row = table.lines().find(|l| l.split_whitespace().next() == Some(name));
    let row = row.unwrap_or_else(|| panic!("no row {name} in\n{table}"));
    row.split_whitespace().skip(1).map(String::from).collect()
}

#[test]
fn development_articles_score_as_the_reference_scorer_scores_them() {
    let Some(dir) = reference() else { return };
    let table = newsgraph(&["evaluate", "articles", dir.to_str().unwrap()]).ok();
    let found = articles::find_articles(&dir).unwrap();
    assert_eq!(found.len(), 20, "{table}");
    let graphs = scratch();
    for article in &found {
        let graph = graphs.path().join(format!("{}.json", article.name));
        let (text, graph_path) = (article.text.to_str().unwrap(), graph.to_str().unwrap());
        newsgraph(&["build", text, "-o", graph_path, "--quiet"]).ok();
        let expected = reference_figures(&dir, &article.gold, &graph);
        assert_eq!(table_figures(&table, &article.name), expected, "{}:\n{table}", article.name);
    }
    let micro = table_figures(&table, "micro");
    assert_eq!(micro.len(), 16, "{table}");
}

#[test]
fn errors_name_misses_with_the_gold_words_and_unsupported_edges_with_their_sentence() {
    let Some(dir) = reference() else { return };
    let table = newsgraph(&["evaluate", "articles", dir.to_str().unwrap(), "--errors", "1"]).ok();
    let missed = table.lines().filter(|l| l.contains(" missed ")).count();
    let unsupported: Vec<&str> = table.lines().filter(|l| l.contains(" unsupported ")).collect();
    assert_eq!(missed, 20, "each article misses a required relation:\n{table}");
    assert!(!unsupported.is_empty() && unsupported.iter().all(|l| l.contains("--> ")), "{table}");
}

/// Made up: a mayor, a clerk, a town, a guild and its paper.
const GOLD: &str = r#"{
  "entities": [
    {"key": "mayor", "kind": "person", "names": ["Ann O'Quill", "Quill", "Mayor Quill"]},
    {"key": "clerk", "kind": "person", "names": ["Bo Reed"]},
    {"key": "town", "kind": "state", "names": ["Vell", "Vellish"]},
    {"key": "guild", "kind": "organization", "names": ["Lantern Guild", "the guild"]},
    {"key": "hall", "kind": "organization", "names": ["Guildhall"], "optional": true},
    {"key": "paper", "kind": "report", "names": ["lantern paper"], "optional": true},
    {"key": "memo", "kind": "report", "names": ["Quill memo"]}
  ],
  "required_relations": [
    {"s": ["mayor"], "r": ["criticized", "accused"], "o": ["guild"], "why": "Quill attacked the guild"},
    {"s": ["town"], "r": ["accused"], "o": ["guild"], "why": "Vell blamed the guild"},
    {"s": ["guild", "hall"], "r": ["met"], "o": ["clerk"], "why": "the guild met Reed"}
  ],
  "acceptable_relations": [{"s": ["guild"], "r": ["published"], "o": ["paper"]}]
}"#;

/// Its graph, as `newsgraph build` would write it.
fn made_up_graph() -> String {
    let node = |id: &str, label: &str, kind: &str, aliases: &[&str]| serde_json::json!({"id": id, "label": label, "kind": kind, "aliases": aliases, "mentions": 1});
    let edge = |source: &str, relation: &str, target: &str| {
        let evidence = serde_json::json!({"doc": "d", "date": null, "sentence": 0, "text": "A sentence.",
            "subject": [0, 1], "trigger": [0, 1], "object": [0, 1]});
        serde_json::json!({"source": source, "target": target, "key": 0, "relation": relation, "cameo": null,
            "goldstein": null, "plover": null, "weight": 1, "first_date": null, "last_date": null,
            "hedged": false, "evidence": [evidence]})
    };
    let nodes = [
        node("a", "Ann O\u{2019}Quill", "person", &[]),
        node("b", "Mayor  Quill.", "person", &["Quill"]),
        node("c", "The Lantern Guild", "organization", &[]),
        node("d", "Guild House", "organization", &["Vell", "guildhall"]),
        node("e", "Vellish Republic", "state", &["Vellish"]),
        node("f", "Vell", "person", &[]),
        node("g", "lantern paper", "report", &[]),
        node("h", "Bo Reed", "organization", &[]),
    ];
    let edges = [
        edge("a", "criticized", "c"),
        edge("f", "accused", "c"),
        edge("c", "published", "g"),
        edge("d", "met", "h"),
        edge("d", "met", "a"),
        edge("h", "accused", "b"),
    ];
    serde_json::json!({"directed": true, "multigraph": true, "graph": {"generator": "test", "documents": []},
        "nodes": nodes, "edges": edges})
    .to_string()
}

#[test]
fn a_made_up_article_scores_as_the_reference_scorer_scores_it() {
    let Some(dir) = reference() else { return };
    let files = scratch();
    let gold = write(files.path(), "quill.gold.json", GOLD.as_bytes());
    let graph_json = made_up_graph();
    let graph_path = write(files.path(), "quill.json", graph_json.as_bytes());
    let graph = newsgraph::from_json("quill.json", &graph_json, newsgraph::EvidenceLimit::All).unwrap();
    let scored = articles::score("quill", &articles::parse_gold(GOLD).unwrap(), &graph);
    let mut table = Vec::new();
    articles::write_report(&mut table, &articles::Report { articles: vec![scored] }, 0).unwrap();
    let table = String::from_utf8(table).unwrap();
    let expected = reference_figures(&dir, Path::new(&gold), Path::new(&graph_path));
    assert_eq!(table_figures(&table, "quill"), expected, "{table}");
}

#[test]
fn a_gold_file_without_its_text_or_out_of_format_stops_the_evaluation() {
    let dir = scratch();
    let folder = dir.path().to_str().unwrap();
    write(dir.path(), "quill.gold.json", GOLD.as_bytes());
    let run = newsgraph(&["evaluate", "articles", folder]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no text quill.txt"), "{}", run.stderr);
    write(dir.path(), "quill.txt", b"Mayor Ann O'Quill criticized the Lantern Guild.");
    let table = newsgraph(&["evaluate", "articles", folder]).ok();
    assert_eq!(table_figures(&table, "quill").len(), 16, "{table}");
    write(dir.path(), "quill.gold.json", br#"{"entities": "none"}"#);
    let run = newsgraph(&["evaluate", "articles", folder]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not a reader gold file"), "{}", run.stderr);
}
