//! Extraction quality on the public development sets in ../shared (skipped,
//! with a message, where they are absent). These guard the measured figures.

use crate::harness::{newsgraph, root};

fn shared(path: &str) -> Option<String> {
    let full = root().join("..").join("shared").join(path);
    if full.exists() {
        Some(full.display().to_string())
    } else {
        eprintln!("skipped: {} is absent", full.display());
        None
    }
}

/// Parses the `micro` (or `all`) row of an evaluate table.
fn row(out: &str, name: &str) -> Vec<f64> {
    let line = out
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no {name} row in {out}"));
    line.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect()
}

#[test]
fn conll_dev_set_f1() {
    let Some(file) = shared("eval/conll2003/eng.testa") else { return };
    let out = newsgraph(&["evaluate", "conll", &file]).ok();
    assert!(row(&out, "micro")[2] >= 0.85, "micro F1 below 0.85:\n{out}");
    for t in ["PER", "LOC", "ORG"] {
        assert!(row(&out, t)[2] >= 0.75, "{t} F1 below 0.75:\n{out}");
    }
}

#[test]
fn evaluate_lists_errors_with_context() {
    let Some(file) = shared("eval/conll2003/eng.testa") else { return };
    let out = newsgraph(&["evaluate", "conll", &file, "--errors", "3"]).ok();
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("FP ") || l.starts_with("FN ")).collect();
    assert_eq!(errors.len(), 3, "{out}");
    assert!(errors.iter().all(|l| l.contains(" doc ")), "{out}");
}

#[test]
fn plover_event_accuracy() {
    let Some(file) = shared("eval/plover/PLOVER_GSR_CAMEO.json") else { return };
    let out = newsgraph(&["evaluate", "plover", &file]).ok();
    let all = row(&out, "all");
    // all: records, category accuracy, triple accuracy.
    // 0.79, not 0.80: the possessor rule (relations/targets.rs) costs one record
    // ("may halt mediation efforts among Serbia's feuding republics") and
    // removed 51 wrong BBC dev edges; the floor is 0.70.
    assert!(all[1] >= 0.79, "category accuracy below 0.79:\n{out}");
    assert!(all[2] >= 0.65, "triple accuracy below 0.65:\n{out}");
}
