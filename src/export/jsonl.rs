//! A document's extraction as one JSON line: what `newsgraph extract` writes
//! for evaluation tools that want every mention, not only the graph.

use std::io::{self, Write};

use serde::Serialize;

use crate::extract::EntityId;
use crate::extract::{EntityKind, Extraction, Form};
use crate::input::Document;
use crate::text::CharOffsets;

#[derive(Serialize)]
struct MentionLine<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    kind: EntityKind,
    form: Form,
    entity: &'a str,
}

#[derive(Serialize)]
struct RelationLine<'a> {
    subject: &'a str,
    relation: &'a str,
    object: &'a str,
    sentence: usize,
    subject_span: [usize; 2],
    trigger: [usize; 2],
    object_span: [usize; 2],
    hedged: bool,
}

#[derive(Serialize)]
struct DocumentLine<'a> {
    id: &'a str,
    date: Option<&'a str>,
    mentions: Vec<MentionLine<'a>>,
    relations: Vec<RelationLine<'a>>,
}

/// Writes one line of `newsgraph extract --format jsonl`: every mention (that
/// belongs to an entity) and relation of a document, character offsets into
/// its text, as JSON and a newline.
pub fn write_extraction(doc: &Document, extraction: &Extraction, out: &mut impl Write) -> io::Result<()> {
    let offsets = CharOffsets::new(&doc.text);
    let entity = |e: EntityId| extraction.entities[e.index()].id.as_str();
    let line = DocumentLine {
        id: &doc.id,
        date: doc.date.as_deref(),
        mentions: extraction
            .mentions
            .iter()
            .filter_map(|m| {
                let [start, end] = offsets.span(&m.span);
                Some(MentionLine {
                    start,
                    end,
                    text: &doc.text[m.span.clone()],
                    kind: m.kind,
                    form: m.form,
                    entity: entity(m.entity?),
                })
            })
            .collect(),
        relations: extraction
            .relations
            .iter()
            .map(|r| RelationLine {
                subject: entity(r.subject),
                relation: &r.kind.label,
                object: entity(r.object),
                sentence: r.sentence,
                subject_span: offsets.span(&r.subject_span),
                trigger: offsets.span(&r.trigger_span),
                object_span: offsets.span(&r.object_span),
                hedged: r.hedged,
            })
            .collect(),
    };
    // One write per document: serde_json writes a value in many small pieces.
    let mut bytes = serde_json::to_vec(&line).expect("extraction serialises");
    bytes.push(b'\n');
    out.write_all(&bytes)
}
