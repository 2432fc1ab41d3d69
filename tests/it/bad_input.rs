//! Bad input never panics and never loses the rest of the corpus.

use crate::harness::{SEED, newsgraph, scratch, write};

const GOOD: &str = "date 2021-03-21 Russia slammed the report.";

/// Builds `bad` next to a good file; returns (exit code, stderr, documents read).
fn build_with(bad: &str) -> (i32, String, usize) {
    let dir = scratch();
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let run = newsgraph(&["build", "-q", bad, &good]);
    let docs = serde_json::from_str::<serde_json::Value>(&run.stdout)
        .map_or(0, |g| g["graph"]["documents"].as_array().unwrap().len());
    (run.code, run.stderr, docs)
}

#[test]
fn missing_path_is_reported_and_the_rest_processed() {
    let (code, stderr, docs) = build_with("no/such/file.txt");
    assert_eq!((code, docs), (3, 1));
    assert!(stderr.contains("no/such/file.txt: no such file or directory"), "{stderr}");
}

#[test]
fn binary_file_is_skipped() {
    let dir = scratch();
    let bad = write(dir.path(), "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 1));
    assert!(stderr.contains("image.txt:3: binary file"), "{stderr}");
}

#[test]
fn invalid_utf8_is_replaced_and_the_document_kept_with_a_warning_naming_the_line() {
    let dir = scratch();
    let bad = write(dir.path(), "latin1.txt", b"First line.\nCaf\xe9 society met Russia.\n");
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 2), "exit 3: the output holds a repaired document");
    assert!(
        stderr.contains("repaired ") && stderr.contains("latin1.txt:2: invalid UTF-8 at byte 15, replaced by U+FFFD"),
        "{stderr}"
    );
    let graph = newsgraph(&["build", "-q", &bad]).stdout;
    assert!(graph.contains("Caf\u{FFFD} society met Russia."), "{graph}");
}

#[test]
fn invalid_utf8_in_a_jsonl_line_keeps_the_document() {
    let dir = scratch();
    let bad = write(dir.path(), "c.jsonl", b"{\"id\":\"a\",\"text\":\"Russia slammed Caf\xe9 Bonn.\"}\n");
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 2));
    assert!(stderr.contains("c.jsonl:1: invalid UTF-8"), "{stderr}");
}

#[test]
fn empty_file_is_skipped() {
    let dir = scratch();
    let bad = write(dir.path(), "empty.txt", b"   \n\n");
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 1));
    assert!(stderr.contains("empty.txt:1: empty document"), "{stderr}");
}

#[test]
fn a_bad_date_is_left_empty_and_the_document_kept() {
    let dir = scratch();
    let bad = write(dir.path(), "date.txt", b"# title: T\ndate 2021-02-31x Russia slammed it.");
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 2));
    assert!(stderr.contains("repaired ") && stderr.contains("date.txt:2: invalid date \"2021-02-31x\""), "{stderr}");
    let lines = "{\"id\":\"a\",\"text\":\"Russia slammed the report.\",\"date\":\"March 3\"}\n";
    let bad = write(dir.path(), "dated.jsonl", lines.as_bytes());
    let graph = newsgraph(&["build", "-q", &bad]);
    assert_eq!(graph.code, 3);
    let graph: serde_json::Value = serde_json::from_str(&graph.stdout).unwrap();
    assert_eq!(graph["graph"]["documents"][0]["date"], serde_json::Value::Null);
}

#[test]
fn malformed_jsonl_line_names_file_and_line() {
    let dir = scratch();
    let lines = "{\"id\":\"a\",\"text\":\"Russia slammed the report.\"}\n{\"id\": oops}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Biden met Putin.\"}\n";
    let bad = write(dir.path(), "corpus.jsonl", lines.as_bytes());
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!(code, 3);
    assert_eq!(docs, 3, "a, d and good.txt are kept");
    assert!(stderr.contains("corpus.jsonl:2: malformed JSON"), "{stderr}");
    assert!(stderr.contains("corpus.jsonl:3: document \"c\" has no \"text\""), "{stderr}");
}

#[test]
fn a_duplicate_id_is_skipped_naming_file_and_line_of_both_occurrences() {
    let dir = scratch();
    let lines = "{\"id\":\"a\",\"text\":\"Russia slammed the report.\"}\n\n{\"id\":\"a\",\"text\":\"Again.\"}\n";
    let bad = write(dir.path(), "dups.jsonl", lines.as_bytes());
    let (code, stderr, docs) = build_with(&bad);
    assert_eq!((code, docs), (3, 2));
    assert!(stderr.contains(&format!("{bad}:3: duplicate document id \"a\" (first read at {bad}:1)")), "{stderr}");
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let dir = scratch();
    let plain = "# title: Envoys\ndate 2021-03-21 Russia slammed the report.";
    let with_bom = write(dir.path(), "bom.txt", &[b"\xEF\xBB\xBF", plain.as_bytes()].concat());
    let graph = newsgraph(&["build", "-q", &with_bom]).json();
    assert_eq!(graph["graph"]["documents"][0]["title"], "Envoys");
    assert_eq!(graph["graph"]["documents"][0]["date"], "2021-03-21");
    let line = "{\"id\":\"a\",\"text\":\"Russia slammed the report.\"}\n";
    let jsonl = write(dir.path(), "bom.jsonl", &[b"\xEF\xBB\xBF", line.as_bytes()].concat());
    assert_eq!(newsgraph(&["build", "-q", &jsonl]).json()["graph"]["documents"][0]["id"], "a");
    let run = crate::harness::newsgraph_stdin(&["build", "-q", "-"], &[b"\xEF\xBB\xBF", line.as_bytes()].concat());
    assert_eq!(run.json()["graph"]["documents"][0]["id"], "a", "stdin starting with a BOM is still JSONL");
}

#[test]
fn a_symlink_loop_reads_each_file_once() {
    let dir = scratch();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("same.txt")).unwrap();
    let folder = dir.path().display().to_string();
    let run = newsgraph(&["build", "-q", &folder]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let alone = newsgraph(&["build", "-q", &dir.path().join("a.txt").display().to_string()]).ok();
    assert_eq!(run.stdout, alone, "one document, weights counted once");
}

/// A FIFO would block the read forever: it is named and skipped, given as an
/// argument or met in a folder.
#[test]
fn a_fifo_is_skipped_with_a_message_naming_it() {
    let dir = scratch();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let fifo = dir.path().join("fifo.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (folder, fifo) = (dir.path().display().to_string(), fifo.display().to_string());
    for args in [vec!["build", "-q", &folder], vec!["build", "-q", &fifo, &folder]] {
        let mut child = crate::harness::command(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed().as_secs() > 60 {
                child.kill().unwrap();
                panic!("newsgraph waits on the FIFO");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{stderr}");
        assert!(stderr.contains(&format!("skipped {fifo}: not a regular file")), "{stderr}");
    }
}

#[test]
fn strict_stops_at_the_first_problem() {
    let dir = scratch();
    let out = dir.path().join("graph.json");
    let run = newsgraph(&["build", "-q", "--strict", "missing.txt", SEED, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("missing.txt: no such file or directory (stopped by --strict)"), "{}", run.stderr);
    assert!(!out.exists(), "nothing is written under --strict");
}

#[test]
fn nothing_readable_is_an_error() {
    let run = newsgraph(&["build", "-q", "missing.txt"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no documents could be read"), "{}", run.stderr);
}

#[test]
fn query_on_a_non_graph_says_so() {
    let dir = scratch();
    let path = write(dir.path(), "other.json", b"{\"hello\": 1}");
    let run = newsgraph(&["query", &path, "entities"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("other.json: not a newsgraph graph"), "{}", run.stderr);
    let path = write(dir.path(), "broken.json", b"{not json");
    let run = newsgraph(&["query", &path, "entities"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("broken.json: not a newsgraph graph (invalid JSON"), "{}", run.stderr);
}

#[test]
fn query_on_the_dot_export_points_to_the_json_one() {
    let dir = scratch();
    let dot = dir.path().join("graph.dot").display().to_string();
    assert_eq!(newsgraph(&["build", "-q", SEED, "-o", &dot]).code, 0);
    let run = newsgraph(&["query", &dot, "entities"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("graph.dot: not a newsgraph graph (this is Graphviz DOT;"), "{}", run.stderr);
    assert!(run.stderr.contains("-o graph.json"), "{}", run.stderr);
}

#[test]
fn missing_lexicon_directory_is_an_error() {
    let run = newsgraph(&["build", "-q", SEED, "--lexicon", "no/such/dir"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no/such/dir"), "{}", run.stderr);
}

#[test]
fn lexicon_override_changes_extraction() {
    let dir = scratch();
    write(dir.path(), "people.tsv", b"Anatoly Antanov\tAntanov\tambassador_of:RUS:2017-01-01..\n");
    let run = newsgraph(&["build", "-q", SEED, "--lexicon", dir.path().to_str().unwrap()]);
    let graph: serde_json::Value = serde_json::from_str(&run.ok()).unwrap();
    let people: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "person")
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"Anatoly Antanov"));
    // "Trump" alone is a person only through the embedded people lexicon.
    assert!(!people.contains(&"Donald Trump"), "the override replaced the people lexicon: {people:?}");
}

#[test]
fn bad_lexicon_file_names_file_and_line() {
    let dir = scratch();
    write(dir.path(), "relations.tsv", b"# comment\nrecalled\t161\n");
    let run = newsgraph(&["build", "-q", SEED, "--lexicon", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("lexicon relations.tsv, line 2"), "{}", run.stderr);
}

#[test]
fn evaluate_conll_rejects_a_file_that_is_not_conll() {
    let dir = scratch();
    let bad = write(dir.path(), "graph.json", b"{\"nodes\": []}\n");
    let run = newsgraph(&["evaluate", "conll", &bad]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("not CoNLL-2003 data: line 1"), "{}", run.stderr);
    let mistagged = write(dir.path(), "tags.txt", b"EU NNP I-NP I-ORG\nrejects VBZ I-VP ORG\n");
    let run = newsgraph(&["evaluate", "conll", &mistagged]);
    assert!(run.stderr.contains("line 2: \"ORG\" is not an IOB tag"), "{}", run.stderr);
}

#[test]
fn strict_stops_at_a_document_that_needs_repair() {
    let dir = scratch();
    let bad = write(dir.path(), "latin1.txt", b"Caf\xe9 society met Russia.\n");
    let run = newsgraph(&["build", "-q", "--strict", &bad, SEED]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("latin1.txt:1: invalid UTF-8 at byte 3, replaced by U+FFFD (stopped by --strict)"),
        "{}",
        run.stderr
    );
}
