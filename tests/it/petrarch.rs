//! `evaluate petrarch`: PETRARCH-style unit-test records of our own, scored
//! with a lexicon directory that adds made-up states to the embedded ones.

use crate::harness::{newsgraph, root, scratch};

#[test]
fn evaluate_petrarch_scores_records_with_a_lexicon_directory() {
    let dir = scratch();
    let mut states = std::fs::read_to_string(root().join("data/lexicon/states.tsv")).unwrap();
    states.push_str("ARN\tArnor\t\tArnorian;Arnorians\tAnnuminas\nGON\tGondor\t\tGondorian;Gondorians\tMinas Tirith\n");
    states.push_str("MOR\tMordor\t\tMordorian\tBarad-dur\nROH\tRohan\t\tRohirrim\tEdoras\n");
    std::fs::write(dir.path().join("states.tsv"), states).unwrap();
    let lexicon = dir.path().display().to_string();
    let args = ["evaluate", "petrarch", "tests/petrarch/records.xml", "--lexicon", &lexicon, "--errors", "5"];
    let out = newsgraph(&args).ok();
    let expected = "\
tests/petrarch/records.xml: 4 records (1 expect no coding), 3 expected codings
CATEGORY     RECORDS   EXACT    ROOT
BASIC              2   1.000   1.000
NOEVENT            1   1.000   1.000
ROOT               1   0.000   1.000
all                4   0.750   1.000
codings: 2/3 expected found (recall 0.667), 2/3 given expected (precision 0.667)
OWN-04 [ROOT]: expected GON MOR 112; got GON MOR 111: Gondor denounced Mordor over the raids.
";
    assert_eq!(out, expected);
    let without = newsgraph(&["evaluate", "petrarch", "tests/petrarch/records.xml"]).ok();
    assert!(without.contains("all                4   0.250   0.250"), "no made-up states, no codings: {without}");
}

#[test]
fn evaluate_petrarch_names_the_file_it_cannot_read() {
    let dir = scratch();
    let path = dir.path().join("empty.xml");
    std::fs::write(&path, "<Validation></Validation>").unwrap();
    let run = newsgraph(&["evaluate", "petrarch", &path.display().to_string()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("empty.xml: no <Sentence> records found"), "{}", run.stderr);
}
