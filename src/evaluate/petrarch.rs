//! PETRARCH's unit-test records (`PETR.UnitTest.records.xml`): stylized
//! sentences, each with the event codings PETRARCH must give it (source actor
//! code, target actor code, CAMEO event code) or `noevents`. Each sentence is
//! one document; its graph's edges are its codings: the actor codes of the
//! two ends (`code` on the nodes) and the edge's CAMEO code. An edge with an
//! end that has no actor code, or with no CAMEO code (a role), codes nothing,
//! as PETRARCH codes only events between coded actors. Hedged edges count:
//! PETRARCH codes negated and reported events too.
//!
//! A record is coded exactly when its codings are the expected ones, no more
//! and no fewer (a `noevents` record, or one PETRARCH must discard or cannot
//! parse: none); its event root is right when the two-digit CAMEO roots of
//! its codings are the expected roots. Actor codes are compared whole
//! ("GONGOV" is not "GON"): that is what PETRARCH's tests ask.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use super::gold::GoldError;
use crate::extract::Pipeline;
use crate::graph::{EvidenceLimit, KnowledgeGraph};
use crate::input::{Document, is_valid_date};

/// One event coding: who did what to whom, in PETRARCH's codes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Coding {
    /// The source actor's code ("ARN", "GONGOV").
    pub source: String,
    /// The target actor's code.
    pub target: String,
    /// The CAMEO event code ("064").
    pub event: String,
}

impl Coding {
    /// The two-digit CAMEO root of the event ("06").
    pub fn root(&self) -> &str {
        self.event.get(..2).unwrap_or(&self.event)
    }
}

impl std::fmt::Display for Coding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.event)
    }
}

/// One unit-test record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's id ("DEMO-00").
    pub id: String,
    /// What it tests ("DEMO", "COMPOUND", ...; "" if not given).
    pub category: String,
    /// Its date as `YYYY-MM-DD`, if it gives a valid one.
    pub date: Option<String>,
    /// The sentence, with its line breaks and runs of spaces made single spaces.
    pub text: String,
    /// The codings expected, sorted (none for a `noevents` record).
    pub codings: BTreeSet<Coding>,
}

/// The text with its XML comments left out.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("-->").map_or("", |end| &rest[start + end + 3..]);
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag's inside (`date = "19950101" id='X'`).
fn attributes(tag: &str) -> BTreeMap<&str, String> {
    let mut found = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].split_whitespace().last().unwrap_or("");
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|&c| c == '"' || c == '\'') else { break };
        let value = &after[1..];
        let Some(end) = value.find(quote) else { break };
        found.insert(name, unescape(&value[..end]));
        rest = &value[end + 1..];
    }
    found
}

/// XML's five predefined entities.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Each element `<name ...>` in `body`: the inside of its start tag and its content.
fn elements<'a>(body: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut found = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        if !after.starts_with(|c: char| c.is_whitespace() || c == '>') {
            rest = after;
            continue;
        }
        let Some(tag_end) = after.find('>') else { break };
        let (tag, content) = (&after[..tag_end], &after[tag_end + 1..]);
        let end = content.find(&close).unwrap_or(content.len());
        found.push((tag, &content[..end]));
        rest = &content[end..];
    }
    found
}

/// Reads the records of a PETRARCH validation file.
pub fn parse(text: &str) -> Result<Vec<Record>, GoldError> {
    let text = without_comments(text);
    let mut records = Vec::new();
    for (tag, body) in elements(&text, "Sentence") {
        let record = attributes(tag);
        let id = record.get("id").cloned().unwrap_or_default();
        let bad = |problem: &str| GoldError::NotRecords(format!("record {id:?}: {problem}"));
        let sentence = elements(body, "Text").first().map(|(_, t)| unescape(t)).ok_or_else(|| bad("no <Text>"))?;
        let mut codings = BTreeSet::new();
        for (tag, _) in elements(body, "EventCoding") {
            let coding = attributes(tag);
            // PETRARCH's "discard this sentence" and "cannot parse it" records code nothing.
            if coding.contains_key("noevents") || coding.contains_key("error") {
                continue;
            }
            let field =
                |name: &str| coding.get(name).cloned().ok_or_else(|| bad(&format!("an EventCoding without {name}")));
            codings.insert(Coding {
                source: field("sourcecode")?,
                target: field("targetcode")?,
                event: field("eventcode")?,
            });
        }
        let date = record.get("date").and_then(|d| {
            let iso = format!("{}-{}-{}", d.get(..4)?, d.get(4..6)?, d.get(6..8)?);
            is_valid_date(&iso).then_some(iso)
        });
        let category = record.get("category").cloned().unwrap_or_default();
        let text = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        records.push(Record { id, category, date, text, codings });
    }
    if records.is_empty() {
        return Err(GoldError::NotRecords("no <Sentence> records found".into()));
    }
    Ok(records)
}

/// What the pipeline coded for one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The codings of the sentence's graph, sorted.
    pub codings: BTreeSet<Coding>,
    /// They are the expected ones, no more, no fewer.
    pub exact: bool,
    /// Their event roots are the expected roots.
    pub root: bool,
}

/// The codings of a document's graph: one per edge with a CAMEO code between
/// two nodes with actor codes.
pub fn codings(graph: &KnowledgeGraph) -> BTreeSet<Coding> {
    graph
        .sorted_edges()
        .into_iter()
        .filter_map(|(s, t, edge)| {
            Some(Coding {
                source: graph.node(s).code.clone()?,
                target: graph.node(t).code.clone()?,
                event: edge.relation.cameo.clone()?,
            })
        })
        .collect()
}

fn judge(record: &Record, codings: BTreeSet<Coding>) -> Outcome {
    let roots = |c: &BTreeSet<Coding>| c.iter().map(|c| c.root().to_string()).collect::<BTreeSet<_>>();
    Outcome { exact: codings == record.codings, root: roots(&codings) == roots(&record.codings), codings }
}

/// The scores of a PETRARCH unit-test evaluation.
#[derive(Debug, Default)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records coded exactly.
    pub exact: usize,
    /// Records whose event roots were right.
    pub root: usize,
    /// Codings expected, over all records.
    pub expected: usize,
    /// Of them, found.
    pub found: usize,
    /// Codings the pipeline gave.
    pub given: usize,
    /// Per category: (records, exact, root right).
    pub per_category: BTreeMap<String, (usize, usize, usize)>,
    /// Every record with what the pipeline coded, in file order.
    pub outcomes: Vec<(Record, Outcome)>,
}

/// Runs the pipeline on every record's sentence (in parallel) and scores it.
pub fn evaluate(pipeline: &Pipeline, records: &[Record]) -> Report {
    use rayon::prelude::*;
    let outcomes: Vec<Outcome> = records
        .par_iter()
        .map(|r| {
            let doc = Document { id: r.id.clone(), date: r.date.clone(), text: r.text.clone(), ..Document::default() };
            let mut graph = KnowledgeGraph::new(EvidenceLimit::AtMost(1));
            graph.add_extraction(&doc, pipeline.extract(&doc)).expect("a record's own graph holds no other document");
            judge(r, codings(&graph))
        })
        .collect();
    let mut report = Report { records: records.len(), ..Report::default() };
    for (record, outcome) in records.iter().zip(outcomes) {
        let row = report.per_category.entry(record.category.clone()).or_default();
        row.0 += 1;
        row.1 += usize::from(outcome.exact);
        row.2 += usize::from(outcome.root);
        report.exact += usize::from(outcome.exact);
        report.root += usize::from(outcome.root);
        report.expected += record.codings.len();
        report.found += record.codings.intersection(&outcome.codings).count();
        report.given += outcome.codings.len();
        report.outcomes.push((record.clone(), outcome));
    }
    report
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn list(codings: &BTreeSet<Coding>) -> String {
    if codings.is_empty() {
        "none".into()
    } else {
        codings.iter().map(Coding::to_string).collect::<Vec<_>>().join("; ")
    }
}

/// Writes the table (per category and all: records, share coded exactly,
/// share with the right event roots), the codings found and given, and the
/// first `errors` records not coded exactly, with their sentence.
pub fn write_report(out: &mut dyn Write, source: &str, report: &Report, errors: usize) -> io::Result<()> {
    let none = report.outcomes.iter().filter(|(r, _)| r.codings.is_empty()).count();
    writeln!(
        out,
        "{source}: {} records ({none} expect no coding), {} expected codings",
        report.records, report.expected
    )?;
    writeln!(out, "{:<12} {:>7} {:>7} {:>7}", "CATEGORY", "RECORDS", "EXACT", "ROOT")?;
    let mut row = |name: &str, (n, exact, root): (usize, usize, usize)| {
        writeln!(out, "{name:<12} {n:>7} {:>7.3} {:>7.3}", share(exact, n), share(root, n))
    };
    for (category, counts) in &report.per_category {
        row(category, *counts)?;
    }
    row("all", (report.records, report.exact, report.root))?;
    writeln!(
        out,
        "codings: {}/{} expected found (recall {:.3}), {}/{} given expected (precision {:.3})",
        report.found,
        report.expected,
        share(report.found, report.expected),
        report.found,
        report.given,
        share(report.found, report.given)
    )?;
    for (record, outcome) in report.outcomes.iter().filter(|(_, o)| !o.exact).take(errors) {
        writeln!(
            out,
            "{} [{}]: expected {}; got {}: {}",
            record.id,
            record.category,
            list(&record.codings),
            list(&outcome.codings),
            record.text
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation><Sentences>
<!-- <Sentence id="COMMENTED" category="X"><Text>gone</Text></Sentence> -->
<Sentence date = "20210301" id ="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode='RUS' targetcode="UKR" eventcode="111"></EventCoding>
<Text>
Russia condemned   Ukraine
on Monday &amp; left.
</Text>
<Parse>(ROOT (S (NP (NNP Russia))))</Parse>
</Sentence>
<Sentence date="20210301" id="T-2" category="NONE">
<EventCoding noevents = "True"></EventCoding>
<EventCoding error="sentencediscard"></EventCoding>
<Text>The weather was fine in Paris.</Text>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn records_are_read_with_their_codings_and_text() {
        let records = parse(SAMPLE).unwrap();
        assert_eq!(records.len(), 2, "the commented record is left out");
        assert_eq!(records[0].id, "T-1");
        assert_eq!(records[0].date.as_deref(), Some("2021-03-01"));
        assert_eq!(records[0].text, "Russia condemned Ukraine on Monday & left.");
        let coding = Coding { source: "RUS".into(), target: "UKR".into(), event: "111".into() };
        assert_eq!(records[0].codings.iter().collect::<Vec<_>>(), [&coding]);
        assert!(records[1].codings.is_empty());
        assert!(parse("<Validation></Validation>").is_err());
    }

    #[test]
    fn exact_means_the_expected_codings_and_no_others() {
        let records = parse(SAMPLE).unwrap();
        let report = evaluate(&Pipeline::embedded(), &records);
        assert_eq!((report.exact, report.root), (2, 2), "{:?}", report.outcomes);
        assert_eq!((report.found, report.expected, report.given), (1, 1, 1));
        let extra = Coding { source: "RUS".into(), target: "FRA".into(), event: "042".into() };
        let mut more = records[0].codings.clone();
        more.insert(extra);
        let outcome = judge(&records[0], more);
        assert!(!outcome.exact && !outcome.root, "an extra coding with another root");
    }
}
