//! The lexicons converted from the Phoenix dictionaries: the shipped files
//! are what the converter makes of `../shared/dictionaries/petrarch2/` now
//! (skipped, with a message, where it is absent), and the unit-test suite's
//! actors convert too.

use std::path::PathBuf;

use newsgraph::convert::lexicon_files::phoenix_lexicons;
use newsgraph::convert::phoenix::{parse_actors, parse_agents};

use crate::harness::root;

fn dictionaries() -> Option<PathBuf> {
    let dir = root().join("../shared/dictionaries/petrarch2");
    if dir.is_dir() {
        return Some(dir);
    }
    eprintln!("skipped: {} is absent", dir.display());
    None
}

fn lexicon_file(name: &str) -> String {
    std::fs::read_to_string(root().join("data/lexicon").join(name)).unwrap_or_default()
}

fn converted() -> Option<Vec<(&'static str, String)>> {
    let dir = dictionaries()?;
    Some(phoenix_lexicons(&dir, &lexicon_file("states.tsv")).expect("the Phoenix files convert"))
}

#[test]
fn shipped_phoenix_lexicons_are_fresh() {
    let Some(files) = converted() else { return };
    for (name, text) in files {
        assert!(
            lexicon_file(name) == text,
            "data/lexicon/{name} is stale: regenerate with `newsgraph convert petrarch ../shared/dictionaries/petrarch2 data/lexicon`"
        );
    }
}

/// The unit-test suite's actor and agent dictionaries, or `None` (with a
/// message) where they are absent.
fn suite_dictionaries() -> Option<(String, String)> {
    let dir = root().join("../shared/eval/petrarch2_unittest");
    let (Ok(actors), Ok(agents)) = (
        std::fs::read_to_string(dir.join("PETR.Validate.actors.txt")),
        std::fs::read_to_string(dir.join("PETR.Validate.agents.txt")),
    ) else {
        eprintln!("skipped: {} is absent", dir.display());
        return None;
    };
    Some((actors, agents))
}

#[test]
fn unit_test_suite_dictionaries_parse() {
    let Some((actors, agents)) = suite_dictionaries() else { return };
    let actors = parse_actors(&actors).expect("the suite's actors parse");
    let gollum = actors.iter().find(|a| a.names[0] == "GOLLUM").expect("Gollum");
    assert_eq!(gollum.names, ["GOLLUM", "SMEAGOL", "SLINKER", "STINKER"]);
    assert_eq!(gollum.codes[1].from.as_deref(), Some("1995-06-01"));
    assert!(actors.iter().any(|a| a.names[0] == "ARNOR" && a.codes[0].code == "ARN"));
    let agents = parse_agents(&agents).expect("the suite's agents parse");
    assert!(agents.iter().any(|a| a.singular.contains(&"CONGRESSMAN".to_string())));
}

/// The suite's lexicons load with `--lexicon` and code its invented states.
#[test]
fn unit_test_suite_lexicons_code_its_states() {
    let Some((actors, agents)) = suite_dictionaries() else { return };
    let files = newsgraph::convert::unit_test_suite::unit_test_lexicons(&actors, &agents, &lexicon_file("states.tsv"))
        .expect("the suite converts");
    let lexicons = crate::harness::scratch();
    for (name, text) in files {
        std::fs::write(lexicons.path().join(name), text).expect("writable");
    }
    let lexicon = newsgraph::Lexicon::with_overrides(lexicons.path()).expect("the suite's lexicons load");
    for (iso, name) in [("ARN", "Arnor"), ("GON", "Gondor"), ("AFG", "Afghanistan")] {
        let state = lexicon.state_by_iso(iso).unwrap_or_else(|| panic!("{iso}"));
        assert_eq!(lexicon.state(state).name, name);
    }
    let text = crate::harness::write(lexicons.path(), "story.txt", b"Arnor condemned Gondor on Monday.");
    let graph = lexicons.path().join("graph.json").display().to_string();
    let lexicon_dir = lexicons.path().display().to_string();
    crate::harness::newsgraph(&["build", "-q", "--lexicon", &lexicon_dir, &text, "-o", &graph]).ok();
    let graph = std::fs::read_to_string(&graph).expect("a graph");
    assert!(graph.contains("\"code\": \"ARN\"") && graph.contains("\"code\": \"GON\""), "{graph}");
}
