//! Regression tests for the relation frames and entity rules: the cases of
//! `tests/frames/frames.tsv` (its header says how to write one), run by one test.

use std::fmt::Write as _;

use crate::harness::{newsgraph_stdin, root};

const CASES: &str = "tests/frames/frames.tsv";

/// One block of the cases file.
struct Case {
    name: String,
    /// Line of the case's `[name]` in the file.
    line: usize,
    text: String,
    date: Option<String>,
    /// Options for the run (`flags: --parse`).
    flags: Vec<String>,
    expectations: Vec<Expectation>,
}

struct Expectation {
    line: usize,
    source: String,
    quantity: Quantity,
    items: Items,
    /// Patterns, one per field of an item (an edge's hedged field may be left out).
    fields: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Quantity {
    AtLeastOne,
    None,
    ExactlyOne,
}

#[derive(Clone, Copy, PartialEq)]
enum Items {
    /// subject label, relation, object label, `hedged` or `plain`.
    Edges,
    /// label, actor code (`-` for none).
    Nodes,
    /// text, kind.
    Mentions,
    /// text, then the kinds of all mentions of that text in order, space-separated.
    MentionKinds,
}

fn parse(file: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (number, line) in file.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let (name, line) = (name.to_string(), number);
            cases.push(Case {
                name,
                line,
                text: String::new(),
                date: None,
                flags: Vec::new(),
                expectations: Vec::new(),
            });
            continue;
        }
        let case = cases.last_mut().unwrap_or_else(|| panic!("{CASES}:{number}: a line before the first [case]"));
        if case.text.is_empty() {
            case.text = line.to_string();
        } else if let Some(date) = line.strip_prefix("date: ") {
            case.date = Some(date.trim().to_string());
        } else if let Some(flags) = line.strip_prefix("flags: ") {
            case.flags = flags.split_whitespace().map(str::to_string).collect();
        } else {
            case.expectations.push(expectation(number, line));
        }
    }
    for case in &cases {
        assert!(!case.expectations.is_empty(), "{CASES}:{}: case [{}] expects nothing", case.line, case.name);
    }
    cases
}

fn expectation(line: usize, source: &str) -> Expectation {
    let (quantity, pattern) = match source.as_bytes()[0] {
        b'!' => (Quantity::None, &source[1..]),
        b'=' => (Quantity::ExactlyOne, &source[1..]),
        _ => (Quantity::AtLeastOne, source),
    };
    let mut fields: Vec<String> = pattern.split('\t').map(String::from).collect();
    let items = match fields[0].as_str() {
        "node:" => Items::Nodes,
        "mention:" => Items::Mentions,
        "mentions:" => Items::MentionKinds,
        _ => Items::Edges,
    };
    if items != Items::Edges {
        fields.remove(0);
    }
    let arity = match items {
        Items::Edges => 3..=4,
        _ => 2..=2,
    };
    assert!(arity.contains(&fields.len()), "{CASES}:{line}: wrong number of tab-separated fields in {source:?}");
    assert!(
        items != Items::MentionKinds || quantity == Quantity::AtLeastOne,
        "{CASES}:{line}: `mentions:` takes no `!` or `=`"
    );
    Expectation { line, source: source.to_string(), quantity, items, fields }
}

/// `text` matches `pattern`: one of its `|` alternatives, where `*` matches any text.
fn matches(pattern: &str, text: &str) -> bool {
    pattern.split('|').any(|alternative| glob(alternative, text))
}

fn glob(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = text.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else { return rest.is_empty() };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// What a case's text yields, as rows of fields.
struct Found {
    edges: Vec<Vec<String>>,
    nodes: Vec<Vec<String>>,
    mentions: Vec<Vec<String>>,
}

impl Found {
    fn of(case: &Case) -> Self {
        let input = match &case.date {
            Some(date) => format!("# date: {date}\n{}", case.text),
            None => case.text.clone(),
        };
        let needs = |items: &[Items]| case.expectations.iter().any(|e| items.contains(&e.items));
        let mut found = Found { edges: Vec::new(), nodes: Vec::new(), mentions: Vec::new() };
        if needs(&[Items::Edges, Items::Nodes]) {
            let args: Vec<&str> =
                ["build", "-q"].into_iter().chain(case.flags.iter().map(String::as_str)).chain(["-"]).collect();
            let run = newsgraph_stdin(&args, input.as_bytes());
            let graph: serde_json::Value = serde_json::from_str(&run.ok()).unwrap();
            let nodes = graph["nodes"].as_array().unwrap();
            let label = |id: &serde_json::Value| {
                nodes.iter().find(|n| n["id"] == *id).unwrap()["label"].as_str().unwrap().to_string()
            };
            found.nodes = nodes
                .iter()
                .map(|n| vec![n["label"].as_str().unwrap().to_string(), n["code"].as_str().unwrap_or("-").to_string()])
                .collect();
            found.edges = graph["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let hedged = if e["hedged"] == true { "hedged" } else { "plain" };
                    let relation = e["relation"].as_str().unwrap().to_string();
                    vec![label(&e["source"]), relation, label(&e["target"]), hedged.to_string()]
                })
                .collect();
        }
        if needs(&[Items::Mentions, Items::MentionKinds]) {
            let args: Vec<&str> =
                ["extract"].into_iter().chain(case.flags.iter().map(String::as_str)).chain(["-"]).collect();
            let run = newsgraph_stdin(&args, input.as_bytes());
            let doc: serde_json::Value = serde_json::from_str(&run.ok()).unwrap();
            found.mentions = doc["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| vec![m["text"].as_str().unwrap().to_string(), m["kind"].as_str().unwrap().to_string()])
                .collect();
        }
        found
    }

    fn rows(&self, items: Items) -> &[Vec<String>] {
        match items {
            Items::Edges => &self.edges,
            Items::Nodes => &self.nodes,
            Items::Mentions | Items::MentionKinds => &self.mentions,
        }
    }

    fn holds(&self, expected: &Expectation) -> bool {
        let rows = self.rows(expected.items);
        if expected.items == Items::MentionKinds {
            let kinds: Vec<&str> =
                rows.iter().filter(|m| matches(&expected.fields[0], &m[0])).map(|m| m[1].as_str()).collect();
            return kinds.join(" ") == expected.fields[1];
        }
        let fits = |row: &&Vec<String>| expected.fields.iter().zip(row.iter()).all(|(p, f)| matches(p, f));
        let count = rows.iter().filter(fits).count();
        match expected.quantity {
            Quantity::AtLeastOne => count > 0,
            Quantity::None => count == 0,
            Quantity::ExactlyOne => count == 1,
        }
    }
}

/// The failed expectations of `case`, with what was found, or nothing.
fn check(case: &Case) -> Option<String> {
    let found = Found::of(case);
    let failed: Vec<&Expectation> = case.expectations.iter().filter(|e| !found.holds(e)).collect();
    if failed.is_empty() {
        return None;
    }
    let mut report = format!("[{}] ({CASES}:{})\n  text: {}\n", case.name, case.line, case.text);
    for e in &failed {
        writeln!(report, "  expected (line {}): {}", e.line, e.source.replace('\t', " | ")).unwrap();
    }
    let mut shown: Vec<Items> = failed.iter().map(|e| e.items).collect();
    shown.dedup();
    for items in shown {
        let what = match items {
            Items::Edges => "edges",
            Items::Nodes => "nodes",
            Items::Mentions | Items::MentionKinds => "mentions",
        };
        writeln!(report, "  found {what}:").unwrap();
        for row in found.rows(items) {
            writeln!(report, "    {}", row.join(" | ")).unwrap();
        }
    }
    Some(report)
}

#[test]
fn frames() {
    let file = std::fs::read_to_string(root().join(CASES)).expect("the cases file");
    let cases = parse(&file);
    // Each case runs the binary: two threads share them.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut failures = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(case) = cases.get(i) else { return failures };
                        failures.extend(check(case).map(|f| (i, f)));
                    }
                })
            })
            .collect();
        let mut all: Vec<(usize, String)> = workers.into_iter().flat_map(|w| w.join().unwrap()).collect();
        all.sort();
        all.into_iter().map(|(_, f)| f).collect()
    });
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn patterns_match_globs_and_alternatives() {
    assert!(matches("*", "") && matches("*", "Russia"));
    assert!(matches("*Mitter*", "François Mitterrand") && !matches("*Mitter*", "Mitte"));
    assert!(matches("OSCE|*Security and Co-operation*", "OSCE") && !matches("OSCE|Kenya", "Uganda"));
    assert!(matches("a*a", "aa") && !matches("a*a", "a"));
    assert!(!matches("Russia", "Russian") && matches("Russia*", "Russian"));
}
