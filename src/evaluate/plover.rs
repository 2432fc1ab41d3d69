//! PLOVER gold-standard events: one sentence each, with source and target
//! actors (ISO-3 country codes, or IGO/NGO) and an event category. A record
//! is scored by the extracted relation that matches it best: its PLOVER
//! category, and the (source code, category, target code) triple.

use std::collections::BTreeMap;

use super::gold::GoldError;
use crate::extract::{EntityId, Extraction, Pipeline};
use crate::input::{Document, is_valid_date};

/// One gold event: a sentence and what happened in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The record's id in the gold file.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// Its date, if the gold file gives a valid one.
    pub date: Option<String>,
    /// The PLOVER event category (AGREE, DISAPPROVE, ...).
    pub category: String,
    /// Codes of the actors that acted.
    pub sources: Vec<String>,
    /// Codes of the actors acted upon.
    pub targets: Vec<String>,
}

/// The gold standard writes a few countries with legacy codes instead of
/// ISO-3 (JAP for Japan, ITL for Italy); read them as the ISO codes the
/// lexicon uses. Nothing else is mapped: IGO/NGO disagreements stay errors.
fn iso_code(code: &str) -> &str {
    match code {
        "JAP" => "JPN",
        "ITL" => "ITA",
        other => other,
    }
}

fn codes(value: Option<&serde_json::Value>) -> Vec<String> {
    let Some(serde_json::Value::Array(actors)) = value else { return Vec::new() };
    actors.iter().filter_map(|a| a.get("code").and_then(|c| c.as_str()).map(|c| iso_code(c).to_string())).collect()
}

/// Reads the records that have both a source and a target actor.
pub fn parse(text: &str) -> Result<Vec<Record>, GoldError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| GoldError::NotRecords(format!("invalid JSON: {e}")))?;
    let items =
        value.as_array().ok_or_else(|| GoldError::NotRecords("expected a JSON array of event records".into()))?;
    Ok(items
        .iter()
        .filter_map(|item| {
            let category = item.get("event")?.as_str()?.to_string();
            let text =
                item.get("text")?.as_str()?.trim().trim_start_matches('{').trim_end_matches('}').trim().to_string();
            let sources = codes(item.get("source"));
            let targets = codes(item.get("target"));
            if sources.is_empty() || targets.is_empty() || category == "DOCUMENT" {
                return None;
            }
            let date = item.get("date").and_then(|d| d.as_str()).filter(|d| is_valid_date(d)).map(String::from);
            Some(Record { id: item.get("id")?.as_str()?.to_string(), text, date, category, sources, targets })
        })
        .collect())
}

/// What the pipeline said about one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The category of the best-matching relation; none if no relation had one.
    pub category: Option<String>,
    /// The code of its subject, if known.
    pub source: Option<String>,
    /// The code of its object, if known.
    pub target: Option<String>,
    /// The category is the gold one.
    pub category_correct: bool,
    /// The category and both actors' codes are the gold ones.
    pub triple_correct: bool,
}

/// Picks the extracted relation that best matches the record.
fn judge(record: &Record, extraction: &Extraction) -> Outcome {
    let code = |e: EntityId| extraction.entities[e.index()].code.clone();
    let mut best: Option<(u8, Outcome)> = None;
    for r in &extraction.relations {
        let Some(category) = r.kind.plover.clone() else { continue };
        let (source, target) = (code(r.subject), code(r.object));
        let category_correct = category == record.category;
        let source_ok = source.as_ref().is_some_and(|s| record.sources.contains(s));
        let target_ok = target.as_ref().is_some_and(|t| record.targets.contains(t));
        let triple_correct = category_correct && source_ok && target_ok;
        let score = u8::from(category_correct) * 4 + u8::from(source_ok) * 2 + u8::from(target_ok);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best =
                Some((score, Outcome { category: Some(category), source, target, category_correct, triple_correct }));
        }
    }
    best.map_or(
        Outcome { category: None, source: None, target: None, category_correct: false, triple_correct: false },
        |(_, o)| o,
    )
}

/// The scores of a PLOVER evaluation.
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Records whose category was found.
    pub category_correct: usize,
    /// Records whose (source, category, target) triple was found.
    pub triple_correct: usize,
    /// Per gold category: (records, category correct, triple correct).
    pub per_category: BTreeMap<String, (usize, usize, usize)>,
    /// Every record with what the pipeline said about it, in gold order.
    pub outcomes: Vec<(Record, Outcome)>,
}

impl Report {
    /// Writes the table of shares per category and overall, then the first
    /// `errors` records whose triple was not found, with what was found.
    pub fn write(&self, out: &mut dyn std::io::Write, errors: usize) -> std::io::Result<()> {
        let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        writeln!(out, "{:<12} {:>7} {:>9} {:>7}", "CATEGORY", "RECORDS", "CATEGORY", "TRIPLE")?;
        for (category, (n, c, t)) in &self.per_category {
            writeln!(out, "{category:<12} {n:>7} {:>9.3} {:>7.3}", share(*c, *n), share(*t, *n))?;
        }
        let (category, triple) = (share(self.category_correct, self.records), share(self.triple_correct, self.records));
        writeln!(out, "{:<12} {:>7} {category:>9.3} {triple:>7.3}", "all", self.records)?;
        for (record, outcome) in self.outcomes.iter().filter(|(_, o)| !o.triple_correct).take(errors) {
            let got = match &outcome.category {
                Some(c) => {
                    let side = |s: &Option<String>| s.clone().unwrap_or_else(|| "?".to_string());
                    format!("{} {c} {}", side(&outcome.source), side(&outcome.target))
                }
                None => "nothing".to_string(),
            };
            let (sources, targets) = (record.sources.join("/"), record.targets.join("/"));
            writeln!(out, "{}: gold {sources} {} {targets}, got {got}: {}", record.id, record.category, record.text)?;
        }
        Ok(())
    }
}

/// Runs the pipeline on every record's sentence (in parallel) and scores it.
pub fn evaluate(pipeline: &Pipeline, records: &[Record]) -> Report {
    use rayon::prelude::*;
    let outcomes: Vec<Outcome> = records
        .par_iter()
        .map(|r| {
            let doc = Document { id: r.id.clone(), date: r.date.clone(), text: r.text.clone(), ..Document::default() };
            judge(r, &pipeline.extract(&doc))
        })
        .collect();
    let mut report = Report {
        records: records.len(),
        category_correct: 0,
        triple_correct: 0,
        per_category: BTreeMap::new(),
        outcomes: Vec::new(),
    };
    for (record, outcome) in records.iter().zip(outcomes) {
        let row = report.per_category.entry(record.category.clone()).or_default();
        row.0 += 1;
        row.1 += usize::from(outcome.category_correct);
        row.2 += usize::from(outcome.triple_correct);
        report.category_correct += usize::from(outcome.category_correct);
        report.triple_correct += usize::from(outcome.triple_correct);
        report.outcomes.push((record.clone(), outcome));
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"[
      {"id": "DOC", "event": "DOCUMENT", "eventText": "x"},
      {"id": "R1", "date": "2000-01-01", "event": "DISAPPROVE",
       "source": [{"actorText": "Russia", "code": "RUS"}], "target": [{"actorText": "Ukraine", "code": "UKR"}],
       "text": "{Russia condemned Ukraine on Monday.}"},
      {"id": "R2", "event": "AGREE", "source": [{"actorText": "x", "code": "FRA"}], "target": "diplomatic",
       "text": "France agreed."}
    ]"#;

    #[test]
    fn legacy_country_codes_read_as_iso() {
        let records = parse(
            r#"[{"id": "R", "event": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "JAP"}], "text": "x"}]"#,
        )
        .unwrap();
        assert_eq!(records[0].targets, ["JPN"]);
    }

    #[test]
    fn parse_keeps_records_with_source_and_target() {
        let records = parse(SAMPLE).unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].text, "Russia condemned Ukraine on Monday.");
        assert_eq!(records[0].sources, ["RUS"]);
    }

    #[test]
    fn judge_scores_category_and_triple() {
        let records = parse(SAMPLE).unwrap();
        let pipeline = Pipeline::embedded();
        let report = evaluate(&pipeline, &records);
        assert_eq!((report.category_correct, report.triple_correct), (1, 1));
        let outcome = &report.outcomes[0].1;
        assert_eq!(outcome.source.as_deref(), Some("RUS"));
        assert_eq!(outcome.target.as_deref(), Some("UKR"));
    }
}
