//! The README's examples reproduce: every `$ newsgraph ...` line in a
//! ```` ```console ```` block is run through the binary, in order, in a scratch
//! folder that sees the project's `data/`, and must print the lines below it.

use crate::harness::{root, scratch};
use std::process::{Command, Stdio};

/// The console blocks of the README: each a list of (command, expected output).
fn console_blocks(readme: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```console" {
            continue;
        }
        let mut block: Vec<(String, String)> = Vec::new();
        for line in lines.by_ref().take_while(|l| l.trim() != "```") {
            match (line.strip_prefix("$ "), block.last_mut()) {
                (Some(command), _) => block.push((command.to_string(), String::new())),
                (None, Some((_, expected))) => {
                    expected.push_str(line);
                    expected.push('\n');
                }
                (None, None) => panic!("README console block starts with output, not a command: {line}"),
            }
        }
        blocks.push(block);
    }
    blocks
}

/// Splits a command line at spaces, keeping double-quoted words whole.
fn words(command: &str) -> Vec<String> {
    let (mut words, mut word, mut quoted, mut started) = (Vec::new(), String::new(), false, false);
    for c in command.chars() {
        match c {
            '"' => (quoted, started) = (!quoted, true),
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                }
                started = false;
            }
            _ => (word.push(c), started = true).1,
        }
    }
    if started {
        words.push(word);
    }
    words
}

#[test]
fn every_console_example_in_the_readme_prints_what_it_shows() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = console_blocks(&readme);
    assert!(blocks.len() >= 5, "the README's examples are console blocks; found {}", blocks.len());
    let dir = scratch();
    std::os::unix::fs::symlink(root().join("data"), dir.path().join("data")).unwrap();
    for (command, expected) in blocks.into_iter().flatten() {
        let words = words(&command);
        assert_eq!(words[0], "newsgraph", "a README example runs newsgraph: {command}");
        let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(&words[1..])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        assert_eq!(printed, expected, "README example `{command}` printed something else");
    }
}

#[test]
fn command_words_keep_quoted_names_whole() {
    assert_eq!(
        words(r#"newsgraph query g.json path TASS "Joe Biden""#),
        ["newsgraph", "query", "g.json", "path", "TASS", "Joe Biden"]
    );
    assert_eq!(words(r#"a "" b"#), ["a", "", "b"]);
}

#[test]
fn console_blocks_pair_commands_with_their_output() {
    let text = "x\n```console\n$ newsgraph a\none\ntwo\n$ newsgraph b\n```\n```\n$ not this\n```\n";
    assert_eq!(
        console_blocks(text),
        [vec![("newsgraph a".to_string(), "one\ntwo\n".to_string()), ("newsgraph b".to_string(), String::new())]]
    );
}

/// The visible lines of the first example in the crate documentation (`src/lib.rs`).
fn crate_doc_example() -> String {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let doc: Vec<&str> =
        lib.lines().filter_map(|l| l.strip_prefix("//!")).map(|l| l.strip_prefix(' ').unwrap_or(l)).collect();
    let start = doc.iter().position(|l| *l == "```").expect("the crate documentation has an example") + 1;
    let end = start + doc[start..].iter().position(|l| *l == "```").unwrap();
    doc[start..end].iter().filter(|l| !(l.starts_with("# ") || **l == "#")).map(|l| format!("{l}\n")).collect()
}

#[test]
fn the_readme_rust_example_is_the_crate_doc_example_that_runs_as_a_doc_test() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("```rust\n").expect("the README has a Rust example") + "```rust\n".len();
    let end = start + readme[start..].find("```\n").unwrap();
    assert_eq!(&readme[start..end], crate_doc_example());
}
