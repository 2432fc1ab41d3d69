//! Drives the pipeline over a stream of documents: batches are extracted in
//! parallel with rayon and handed back in input order, so results never
//! depend on the number of threads.

use std::panic::AssertUnwindSafe;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use crate::extract::{EntityId, EntityKind, Extraction, Form, Pipeline};
use crate::graph::KnowledgeGraph;
use crate::input::{Document, InputProblem, Item, Origin};
use crate::text::CharOffsets;

/// Counts for the end-of-run summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub bytes: u64,
    /// Inputs skipped.
    pub problems: usize,
    /// Documents kept after a repair (invalid UTF-8, a bad date).
    pub repaired: usize,
    /// Documents skipped because the graph already had their id (`--update`).
    pub already_present: usize,
}

pub struct Runner<'a> {
    pub pipeline: &'a Pipeline,
    /// Documents per parallel batch.
    pub batch: usize,
    /// Stop at the first problem.
    pub strict: bool,
}

/// A batch also ends once it holds this much text: a corpus of long documents
/// must not keep hundreds of them in memory at once (three batches are: one
/// read, one extracted, one going into the graph).
const BATCH_BYTES: usize = 16 << 20;

/// Reads the input into batches, dropping skipped and duplicate documents and
/// reporting problems as it meets them.
struct Reader<I, S, P> {
    items: I,
    skip: S,
    problem: P,
    /// Where each document id was first read.
    seen: HashMap<String, Origin>,
    batch: usize,
    strict: bool,
    problems: usize,
    repaired: usize,
    already_present: usize,
}

impl<I: Iterator<Item = Item>, S: FnMut(&str) -> bool, P: FnMut(&InputProblem)> Reader<I, S, P> {
    /// Gives `done` each extracted document of a batch, in order; a document whose
    /// extraction panicked, or that `done` refuses, is reported instead.
    fn hand_over(
        &mut self,
        extracted: impl Iterator<Item = (Document, Option<Extraction>)>,
        summary: &mut Summary,
        done: &mut impl FnMut(&Document, Extraction) -> Result<(), InputProblem>,
    ) {
        for (doc, extraction) in extracted {
            match extraction {
                Some(extraction) => match done(&doc, extraction) {
                    Ok(()) => {
                        summary.documents += 1;
                        summary.bytes += doc.text.len() as u64;
                    }
                    Err(problem) => self.report(&problem),
                },
                None => self.report(&InputProblem::new(
                    doc.id.clone(),
                    None,
                    "internal error while extracting (please report it)",
                )),
            }
        }
    }

    fn report(&mut self, p: &InputProblem) {
        if p.repaired {
            self.repaired += 1;
        } else {
            self.problems += 1;
        }
        (self.problem)(p);
    }

    /// The next batch (empty at the end); with `strict`, the first problem.
    fn next_batch(&mut self) -> Result<Vec<Document>, InputProblem> {
        let mut batch = Vec::with_capacity(self.batch);
        let mut bytes = 0;
        while batch.len() < self.batch && bytes < BATCH_BYTES {
            let Some(item) = self.items.next() else { break };
            let doc = match item {
                Ok(doc) if (self.skip)(&doc.id) => {
                    self.already_present += 1;
                    continue;
                }
                Ok(doc) => match self.seen.get(&doc.id) {
                    Some(first) => {
                        Err(problem_at(&doc, format!("duplicate document id {:?} (first read at {first})", doc.id)))
                    }
                    None => {
                        self.seen.insert(doc.id.clone(), doc.origin.clone());
                        Ok(doc)
                    }
                },
                other => other,
            };
            match doc {
                Ok(doc) => {
                    bytes += doc.text.len();
                    batch.push(doc);
                }
                Err(p) => {
                    self.report(&p);
                    if self.strict {
                        return Err(p);
                    }
                }
            }
        }
        Ok(batch)
    }
}

/// A problem with `doc`, named by where it was read (or by its id).
fn problem_at(doc: &Document, message: String) -> InputProblem {
    match doc.origin.path.as_str() {
        "" => InputProblem::new(doc.id.clone(), None, message),
        path => InputProblem::new(path, doc.origin.line, message),
    }
}

impl Runner<'_> {
    /// Extracts every document. `skip` filters ids; `problem` hears of each bad
    /// input as it happens; `done` receives the documents in input order, and
    /// may refuse one (it is then reported as a problem).
    /// With `strict`, the first problem is returned as the error. While one
    /// batch is extracted, the one before it is handed to `done` and the next
    /// one is read: neither leaves the other threads idle.
    pub fn run(
        &self,
        items: impl Iterator<Item = Item> + Send,
        skip: impl FnMut(&str) -> bool + Send,
        problem: impl FnMut(&InputProblem) + Send,
        mut done: impl FnMut(&Document, Extraction) -> Result<(), InputProblem> + Send,
    ) -> Result<Summary, InputProblem> {
        let mut summary = Summary::default();
        let mut reader = Reader {
            items,
            skip,
            problem,
            seen: HashMap::default(),
            batch: self.batch.max(1),
            strict: self.strict,
            problems: 0,
            repaired: 0,
            already_present: 0,
        };
        let mut current = reader.next_batch()?;
        let mut extracted: Vec<(Document, Option<Extraction>)> = Vec::new();
        while !current.is_empty() || !extracted.is_empty() {
            let (extractions, next) = rayon::join(
                || {
                    // A bug in a rule must cost one document, not the corpus.
                    current
                        .par_iter()
                        .map(|d| std::panic::catch_unwind(AssertUnwindSafe(|| self.pipeline.extract(d))).ok())
                        .collect::<Vec<Option<Extraction>>>()
                },
                || {
                    reader.hand_over(extracted.drain(..), &mut summary, &mut done);
                    if current.is_empty() { Ok(Vec::new()) } else { reader.next_batch() }
                },
            );
            extracted = current.drain(..).zip(extractions).collect();
            current = match next {
                Ok(next) => next,
                Err(problem) => {
                    // What was read before the problem still counts.
                    reader.hand_over(extracted.drain(..), &mut summary, &mut done);
                    return Err(problem);
                }
            };
        }
        summary.problems = reader.problems;
        summary.repaired = reader.repaired;
        summary.already_present = reader.already_present;
        Ok(summary)
    }

    /// Builds (or extends) a graph from the documents, skipping ids it already
    /// holds; `added` hears of each document once it is in the graph.
    pub fn build(
        &self,
        graph: &mut KnowledgeGraph,
        items: impl Iterator<Item = Item> + Send,
        problem: impl FnMut(&InputProblem) + Send,
        mut added: impl FnMut(&Document) + Send,
    ) -> Result<Summary, InputProblem> {
        let existing: HashSet<String> = graph.documents().map(|d| d.id.clone()).collect();
        self.run(
            items,
            |id| existing.contains(id),
            problem,
            |doc, extraction| {
                graph.add_extraction(doc, extraction).map_err(|e| problem_at(doc, e.to_string()))?;
                added(doc);
                Ok(())
            },
        )
    }
}

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

/// One line of `newsgraph extract --format jsonl`: every mention and relation of a document.
pub fn extraction_line(doc: &Document, extraction: &Extraction) -> String {
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
    serde_json::to_string(&line).expect("extraction serialises")
}
