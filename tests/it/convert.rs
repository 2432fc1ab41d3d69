//! `newsgraph convert petrarch`: the shipped `data/lexicon/cameo_verbs.tsv`
//! is what the converter makes of `../shared/dictionaries/petrarch2/` (the
//! check is skipped, with the reason, where `../shared` is absent), and the
//! PETRARCH unit-test dictionary converts too.

use crate::harness::{newsgraph, root};

const REGENERATE: &str = "newsgraph convert petrarch ../shared/dictionaries/petrarch2 data/lexicon";

#[test]
fn shipped_cameo_verbs_are_the_converters_output() {
    let src = root().join("../shared/dictionaries/petrarch2");
    if !src.join("CAMEO.2.0.txt").is_file() {
        eprintln!("skipped: {} not found", src.display());
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let run = newsgraph(&["convert", "petrarch", src.to_str().unwrap(), out.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("skipped"), "the converter counts what it skipped:\n{}", run.stderr);
    let made = std::fs::read_to_string(out.path().join("cameo_verbs.tsv")).unwrap();
    let shipped = std::fs::read_to_string(root().join("data/lexicon/cameo_verbs.tsv")).unwrap();
    assert!(made == shipped, "data/lexicon/cameo_verbs.tsv is stale: regenerate it with `{REGENERATE}`");
}

#[test]
fn unit_test_verbs_convert_into_a_lexicon_directory() {
    let src = root().join("../shared/eval/petrarch2_unittest");
    if !src.join("PETR.Validate.verbs.txt").is_file() {
        eprintln!("skipped: {} not found", src.display());
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    newsgraph(&["convert", "petrarch", "-q", "--all-verbs", src.to_str().unwrap(), dir]).ok();
    let table = std::fs::read_to_string(out.path().join("cameo_verbs.tsv")).unwrap();
    assert!(table.lines().any(|l| l.starts_with("event\t")), "codes outside CAMEO keep their code");
    assert!(table.contains("abandon|abandons|abandoned|abandoning"), "--all-verbs keeps every form");
    // The directory is a lexicon override as it stands.
    newsgraph(&["build", "--lexicon", dir, "data/samples/seed-article.txt", "-o", "-", "-q"]).ok();
}

#[test]
fn a_directory_without_a_dictionary_is_an_error() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let run = newsgraph(&["convert", "petrarch", dir, dir]);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("no PETRARCH dictionary"), "{}", run.stderr);
}
