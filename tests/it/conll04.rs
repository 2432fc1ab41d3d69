//! `newsgraph evaluate conll04`: the table's shape on sentences of our own,
//! and on the CoNLL04 development set in ../shared (skipped, with a message,
//! where it is absent).

use crate::harness::{newsgraph, newsgraph_stdin, root, scratch, write};

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
    // Measured: micro F1 0.236 (P 0.500, R 0.155) with the relation classifier, 0.164 without.
    let micro = &rows[5].1;
    assert!(micro[2] >= 0.22 && micro[0] >= 0.45, "CoNLL04 dev fell below its floor: {out}");
}

#[test]
fn the_shipped_relation_model_is_what_training_makes() {
    let file = root().join("../shared/eval/conll04/conll04_train.json");
    if !file.exists() {
        eprintln!("skipped: {} is absent", file.display());
        return;
    }
    let dir = scratch();
    let model = dir.path().join("relations.bin");
    let (file, model_path) = (file.display().to_string(), model.display().to_string());
    newsgraph(&["train", "--quiet", "--relations", &file, "-o", &model_path]).ok();
    let shipped = std::fs::read(root().join("data/model/relations.bin")).unwrap();
    assert!(
        std::fs::read(&model).unwrap() == shipped,
        "data/model/relations.bin is stale: regenerate it with\n  \
         newsgraph train --relations ../shared/eval/conll04/conll04_train.json -o data/model/relations.bin"
    );
}

/// CoNLL04 sentences of our own: a person "a trader at" a company works for
/// it; a person who criticised one does not.
fn sentences_of_traders() -> String {
    let people = ["Ann Tovey", "Mark Olsen", "Rita Pham", "Joe Hale", "Lena Brandt", "Paul Kerr"];
    let companies = ["Norwick Holdings", "Carrow Holdings", "Tamsin Holdings", "Delmar Holdings"];
    let words = |text: String| text.split(' ').map(str::to_string).collect::<Vec<_>>();
    let mut sentences = Vec::new();
    for (i, person) in people.iter().enumerate() {
        let (works, criticised) = (companies[i % 4], companies[(i + 1) % 4]);
        sentences.push(serde_json::json!({
            "tokens": words(format!("{person} , a trader at {works} , said prices fell .")),
            "tags": words("B-Peop L-Peop O O O O B-Org L-Org O O O O O".to_string()),
            "relations": [{"head": 0, "tail": 1, "type": "Work_For"}],
        }));
        sentences.push(serde_json::json!({
            "tokens": words(format!("{person} criticised {criticised} on Monday .")),
            "tags": words("B-Peop L-Peop O B-Org L-Org O O O".to_string()),
            "relations": [],
        }));
    }
    serde_json::Value::Array(sentences).to_string()
}

#[test]
fn training_on_sentences_of_our_own_learns_their_pattern() {
    let dir = scratch();
    let sample = write(dir.path(), "traders.json", sentences_of_traders().as_bytes());
    let lexicon = dir.path().join("lexicon");
    std::fs::create_dir(&lexicon).unwrap();
    let model = lexicon.join("relations.bin").display().to_string();
    let run = newsgraph(&["train", "--relations", &sample, "-o", &model]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("epoch 10: training accuracy 1.0000"), "{}", run.stderr);
    let text = br#"{"id": "x", "text": "Vera Lind, a trader at Osmond Holdings, said prices rose. Vera Lind criticised Osmond Holdings."}"#;
    let lexicon = lexicon.display().to_string();
    let out = newsgraph_stdin(&["extract", "--lexicon", &lexicon, "-"], text).ok();
    let line: serde_json::Value = serde_json::from_str(&out).unwrap();
    let edges: Vec<(&str, u64)> = line["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["relation"].as_str().unwrap(), r["sentence"].as_u64().unwrap()))
        .filter(|(relation, _)| *relation == "works_for")
        .collect();
    assert_eq!(edges, [("works_for", 0)], "the trader works for the company she did not criticise: {out}");
    // Without the models the rules alone find nothing here.
    let rules = newsgraph_stdin(&["extract", "--no-tagger", "-"], text).ok();
    assert!(!rules.contains("works_for"), "{rules}");
}
