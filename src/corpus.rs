//! Drives the pipeline over a stream of documents: batches are extracted in
//! parallel with rayon and handed back in input order, so results never
//! depend on the number of threads.

use std::panic::AssertUnwindSafe;
use std::sync::OnceLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::error;
use crate::extract::{Extraction, Pipeline};
use crate::graph::{EvidenceLimit, KnowledgeGraph};
use crate::input::{Article, Document, InputProblem, Item, Origin};

/// Counts for the end-of-run summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Documents extracted and accepted.
    pub documents: usize,
    /// Bytes of text in those documents.
    pub bytes: u64,
    /// Inputs skipped.
    pub problems: usize,
    /// Documents kept after a repair (invalid UTF-8, a bad date).
    pub repaired: usize,
    /// Documents skipped because the graph already had their id (`--update`).
    pub already_present: usize,
}

/// Runs a pipeline over a stream of documents (see [`Runner::run`] and
/// [`Runner::build`]); what the command line's `build` and `extract` use.
pub struct Runner<'a> {
    /// What extracts each document.
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
    /// Where each document id was first read: its file by number in `files`
    /// and its line. (A path string per document raised the peak of a 1 GB
    /// corpus by 14 MB, measured with two threads: 386 MB against 372.)
    seen: HashMap<String, (usize, Option<usize>)>,
    /// The files documents were read from, in order.
    files: Vec<String>,
    batch: usize,
    strict: bool,
    problems: usize,
    repaired: usize,
    already_present: usize,
}

impl<I: Iterator<Item = Item>, S: FnMut(&str) -> bool, P: FnMut(&InputProblem)> Reader<I, S, P> {
    /// The number of file `path` in `files`; documents come file after file.
    fn file_number(&mut self, path: &str) -> usize {
        if self.files.last().is_none_or(|last| last != path) {
            self.files.push(path.to_string());
        }
        self.files.len() - 1
    }

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
                    Some(&(file, line)) => {
                        let first = Origin { path: self.files[file].clone(), line };
                        Err(problem_at(&doc, format!("duplicate document id {:?} (first read at {first})", doc.id)))
                    }
                    None => {
                        let file = self.file_number(&doc.origin.path);
                        self.seen.insert(doc.id.clone(), (file, doc.origin.line));
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
            files: Vec::new(),
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

/// The pipeline of the embedded lexicons and tagger, as the command line
/// builds it by default; built once, as loading the lexicons takes a while.
fn embedded_pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::embedded)
}

/// The one-call entry for library users. (It lives here, not in `graph`,
/// because it needs the pipeline and the runner, and `graph` must not.)
impl KnowledgeGraph {
    /// Builds the graph of some articles with the embedded lexicons and name
    /// tagger: the graph `newsgraph build` writes for the same articles read
    /// from files named by their ids (evidence capped at 5 per edge, persons
    /// resolved across documents by [`crate::crossdoc::resolve_surnames`]).
    ///
    /// Each article is an [`Article`], or an `(id, text)` or
    /// `(id, text, date)` tuple; its text is read as a plain-text file is
    /// (optional header lines and dateline). The first problem (an empty
    /// text, a bad date, an id given twice) is the error.
    ///
    /// ```
    /// let graph = newsgraph::KnowledgeGraph::from_texts([
    ///     ("a", "Russia condemned Ukraine on Monday."),
    ///     ("b", "France and Germany signed a trade agreement."),
    /// ])?;
    /// assert!(graph.node_count() >= 4);
    /// # Ok::<(), newsgraph::Error>(())
    /// ```
    pub fn from_texts<T: Into<Article>>(
        texts: impl IntoIterator<Item = T, IntoIter: Send>,
    ) -> error::Result<KnowledgeGraph> {
        KnowledgeGraph::from_texts_with(embedded_pipeline(), texts)
    }

    /// [`KnowledgeGraph::from_texts`] with another pipeline (other lexicons,
    /// or none of the tagger).
    pub fn from_texts_with<T: Into<Article>>(
        pipeline: &Pipeline,
        texts: impl IntoIterator<Item = T, IntoIter: Send>,
    ) -> error::Result<KnowledgeGraph> {
        let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
        let items = texts.into_iter().flat_map(|text| text.into().into_items());
        let runner = Runner { pipeline, batch: 256, strict: true };
        runner.build(&mut graph, items, |_| {}, |_| {})?;
        crate::crossdoc::resolve_surnames(&mut graph);
        Ok(graph)
    }
}
