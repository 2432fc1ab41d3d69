//! Answers as the command line prints them: tables and indented text, or
//! pretty JSON for `--json`.

use std::io::{self, Write};

use serde::Serialize;

use super::duplicates::Duplicates;
use super::rows::{EntityRow, Record, RelationRow};
use super::table::Table;

/// Any answer as pretty JSON and a newline.
pub fn json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Entities as a table.
pub fn entities(out: &mut impl Write, rows: Vec<EntityRow>) -> io::Result<()> {
    let mut table = Table::new(&["KIND", "ENTITY", "MENTIONS", "EDGES", "ID"]);
    for r in rows {
        table.row(vec![r.kind.as_str().into(), r.label, r.mentions.to_string(), r.edges.to_string(), r.id]);
    }
    out.write_all(table.render().as_bytes())
}

/// Short names as a table, each with its full-name candidates, then the counts.
pub fn duplicates(out: &mut impl Write, answer: &Duplicates) -> io::Result<()> {
    let mut table = Table::new(&["SHORT NAME", "MENTIONS", "DOCS", "CANDIDATES", "ID"]);
    for s in &answer.short_names {
        let candidates: Vec<String> = s
            .candidates
            .iter()
            .map(|c| format!("{} [mentions {}, docs {}]", c.label, c.mentions, c.documents))
            .collect();
        let candidates = if candidates.is_empty() { "-".to_string() } else { candidates.join("; ") };
        table.row(vec![s.label.clone(), s.mentions.to_string(), s.documents.to_string(), candidates, s.id.clone()]);
    }
    out.write_all(table.render().as_bytes())?;
    let n = &answer.summary;
    writeln!(
        out,
        "{} short-name nodes, {} of them with exactly one full-name candidate, {} with several, {} with none",
        n.short_names, n.one_candidate, n.several_candidates, n.no_candidate
    )
}

/// One entity: what it is, then every edge out and in with its evidence.
pub fn record(out: &mut impl Write, record: &Record) -> io::Result<()> {
    let e = &record.entity;
    writeln!(out, "{} ({}, id {})", e.label, e.kind.as_str(), e.id)?;
    writeln!(out, "aliases: {}", if e.aliases.is_empty() { "-".to_string() } else { e.aliases.join("; ") })?;
    writeln!(out, "mentions: {}", e.mentions)?;
    for (title, rows) in [("outgoing", &record.outgoing), ("incoming", &record.incoming)] {
        writeln!(out, "\n{title} ({}):", rows.len())?;
        for r in rows {
            edge_with_evidence(out, r)?;
        }
    }
    Ok(())
}

/// Edges as a table, each with the start of its first evidence.
pub fn relations(out: &mut impl Write, rows: &[RelationRow]) -> io::Result<()> {
    let mut table = Table::new(&["SUBJECT", "RELATION", "OBJECT", "WEIGHT", "DATE", "EVIDENCE"]);
    for r in rows {
        let relation = if r.hedged { format!("{} (hedged)", r.relation) } else { r.relation.clone() };
        let evidence = r.evidence.first().map_or(String::new(), |e| snippet(&e.text));
        table.row(vec![
            r.source.clone(),
            relation,
            r.target.clone(),
            r.weight.to_string(),
            r.first_date.clone().unwrap_or_else(|| "-".into()),
            evidence,
        ]);
    }
    out.write_all(table.render().as_bytes())
}

/// The steps of a path, numbered, each with its first evidence.
pub fn path(out: &mut impl Write, rows: &[RelationRow]) -> io::Result<()> {
    for (i, r) in rows.iter().enumerate() {
        writeln!(out, "{}. {} --{}--> {}", i + 1, r.source, r.relation, r.target)?;
        if let Some(e) = r.evidence.first() {
            writeln!(out, "   {}#{}: {}", e.doc, e.sentence, e.text)?;
        }
    }
    Ok(())
}

fn edge_with_evidence(out: &mut impl Write, r: &RelationRow) -> io::Result<()> {
    let hedge = if r.hedged { " (hedged)" } else { "" };
    writeln!(out, "  {} --{}{}--> {}  [weight {}]", r.source, r.relation, hedge, r.target, r.weight)?;
    for e in &r.evidence {
        let date = e.date.as_deref().unwrap_or("no date");
        writeln!(out, "    {}#{} ({date}): {}", e.doc, e.sentence, e.text.replace('\n', " "))?;
    }
    Ok(())
}

/// A short excerpt of the evidence sentence.
fn snippet(text: &str) -> String {
    let flat = text.replace('\n', " ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= 70 { flat } else { format!("{}…", chars[..69].iter().collect::<String>()) }
}
