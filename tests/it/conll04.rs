//! `newsgraph evaluate conll04`: the table's shape on sentences of our own,
//! and on the CoNLL04 development set in ../shared (skipped, with a message,
//! where it is absent).

use crate::harness::{newsgraph, root, scratch, write};

const ROWS: [&str; 7] = ["Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For", "micro", "relaxed"];

/// The figures of each table row: precision, recall, F1, TP, FP, FN.
fn table(out: &str) -> Vec<(String, Vec<f64>)> {
    let mut lines = out.lines().skip(1);
    let header: Vec<&str> = lines.next().expect("a header").split_whitespace().collect();
    assert_eq!(header, ["TYPE", "PRECISION", "RECALL", "F1", "TP", "FP", "FN"], "{out}");
    lines
        .take(ROWS.len())
        .map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next().unwrap_or_default().to_string();
            (name, fields.map(|x| x.parse().unwrap_or_else(|_| panic!("not a number in {line:?}"))).collect())
        })
        .collect()
}

/// Checks the rows' names and that every ratio is in [0, 1]; returns the rows.
fn check_shape(out: &str) -> Vec<(String, Vec<f64>)> {
    let rows = table(out);
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ROWS, "{out}");
    for (name, figures) in &rows {
        assert_eq!(figures.len(), 6, "{name}: {out}");
        assert!(figures[..3].iter().all(|x| (0.0..=1.0).contains(x)), "{name}: {out}");
    }
    rows
}

#[test]
fn sentences_of_our_own_give_the_table() {
    let dir = scratch();
    let json = r#"[{"tokens": ["Tom", "Reed", ",", "a", "member", "of", "the", "Acme", "Workers", "Union", ",", "spoke", "."],
        "tags": ["B-Peop", "L-Peop", "O", "O", "O", "O", "O", "B-Org", "I-Org", "L-Org", "O", "O", "O"],
        "relations": [{"head": 0, "tail": 1, "type": "Work_For"}]}]"#;
    let file = write(dir.path(), "mine.json", json.as_bytes());
    let out = newsgraph(&["evaluate", "conll04", &file, "--errors", "5"]).ok();
    assert!(out.lines().next().unwrap().contains(": 1 sentences, 1 gold relations, "), "{out}");
    let rows = check_shape(&out);
    let micro = &rows[5].1;
    assert_eq!(micro[3] + micro[5], 1.0, "TP + FN is the one gold relation: {out}");
}

#[test]
fn a_file_that_is_not_conll04_is_refused() {
    let dir = scratch();
    let bad = write(dir.path(), "bad.json", br#"[{"tokens": ["Ann"], "tags": ["Z-Peop"], "relations": []}]"#);
    let run = newsgraph(&["evaluate", "conll04", &bad]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("not CoNLL04 data") && run.stderr.contains("sentence 1"), "{}", run.stderr);
    let empty = write(dir.path(), "empty.json", b"[]");
    let run = newsgraph(&["evaluate", "conll04", &empty]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("no CoNLL04 sentences"), "{}", run.stderr);
}

#[test]
fn conll04_dev_set_table() {
    let file = root().join("../shared/eval/conll04/conll04_dev.json");
    if !file.exists() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let file = file.display().to_string();
    let out = newsgraph(&["evaluate", "conll04", &file, "--errors", "3"]).ok();
    let rows = check_shape(&out);
    let gold: f64 = rows[..5].iter().map(|(_, f)| f[3] + f[5]).sum();
    assert!(out.lines().next().unwrap().contains(&format!(" {gold} gold relations")), "{out}");
    let errors = out.lines().filter(|l| l.starts_with("FP ") || l.starts_with("FN ")).count();
    assert_eq!(errors, 3, "{out}");
}
