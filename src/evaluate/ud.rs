//! `newsgraph evaluate ud` and `train --parser`: the tagger and parser of
//! `extract::syntax` scored on a Universal Dependencies treebank (parts of
//! speech, unlabelled and labelled attachment over every word, punctuation
//! included, as the CoNLL 2018 shared task counted them) and trained on one.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::score::Counts;
use crate::extract::syntax::{self, ConlluError, Label, ParseBuffers, Parser, TrainingPlan, TreeSentence};

/// The relations whose precision and recall are listed.
pub const LISTED: [Label; 5] = [Label::Nsubj, Label::Obj, Label::Obl, Label::Conj, Label::Ccomp];

/// Why a treebank cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum UdError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A line is not CoNLL-U.
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    /// The file holds no sentence.
    #[error("{0}: no CoNLL-U sentences found")]
    Empty(String),
    /// The parser model of a `--lexicon` directory cannot be read.
    #[error(transparent)]
    Model(#[from] crate::Error),
    /// The report cannot be written.
    #[error("writing the report: {0}")]
    Output(#[source] std::io::Error),
}

/// The sentences of the CoNLL-U file `path`.
pub fn read_treebank(path: &Path) -> Result<Vec<TreeSentence>, UdError> {
    let text = std::fs::read_to_string(path).map_err(|source| UdError::Io { path: path.to_path_buf(), source })?;
    let name = path.display().to_string();
    let sentences = syntax::conllu::parse(&text, &name)?;
    if sentences.is_empty() {
        return Err(UdError::Empty(name));
    }
    Ok(sentences)
}

/// Trains the tagger and parser on the treebank `text` (of the file `name`;
/// `epochs` parser epochs instead of the plan's), reporting each epoch's
/// training accuracy.
pub fn train(text: &str, name: &str, epochs: Option<usize>, progress: syntax::Progress<'_>) -> Result<Parser, UdError> {
    let sentences = syntax::conllu::parse(text, name)?;
    if sentences.is_empty() {
        return Err(UdError::Empty(name.to_string()));
    }
    let defaults = TrainingPlan::default();
    let plan = TrainingPlan { parser_epochs: epochs.unwrap_or(defaults.parser_epochs), ..defaults };
    Ok(syntax::train(&sentences, plan, progress))
}

/// The scores of a parser on a treebank.
#[derive(Debug, Default, Clone)]
pub struct UdReport {
    /// Sentences read.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Words whose part of speech is right.
    pub upos: usize,
    /// Words whose head is right.
    pub unlabelled: usize,
    /// Words whose head and relation are right.
    pub labelled: usize,
    /// Per relation: right head and relation (tp), predicted but wrong (fp), gold but missed (fn).
    pub per_label: BTreeMap<Label, Counts>,
    /// Seconds spent tagging and parsing (one thread).
    pub seconds: f64,
}

impl UdReport {
    fn share(&self, n: usize) -> f64 {
        n as f64 / self.words.max(1) as f64
    }

    /// Part-of-speech accuracy.
    pub fn upos_accuracy(&self) -> f64 {
        self.share(self.upos)
    }

    /// Unlabelled attachment score.
    pub fn uas(&self) -> f64 {
        self.share(self.unlabelled)
    }

    /// Labelled attachment score.
    pub fn las(&self) -> f64 {
        self.share(self.labelled)
    }
}

/// Tags and parses every sentence of `sentences` on this thread and scores it.
pub fn evaluate(parser: &Parser, sentences: &[TreeSentence]) -> UdReport {
    let mut report = UdReport { sentences: sentences.len(), ..UdReport::default() };
    let mut buffers = ParseBuffers::default();
    let mut words: Vec<&str> = Vec::new();
    let mut seconds = 0.0;
    for gold in sentences {
        words.clear();
        words.extend(gold.words.iter().map(String::as_str));
        let started = Instant::now();
        let parse = parser.parse(&words, &mut buffers);
        seconds += started.elapsed().as_secs_f64();
        for i in 0..gold.len() {
            let head = parse.head(i).map_or(0, |h| h + 1);
            let (right_head, label, gold_label) = (head == gold.heads[i], parse.label(i), gold.labels[i]);
            report.words += 1;
            report.upos += usize::from(parse.upos[i] == gold.upos[i]);
            report.unlabelled += usize::from(right_head);
            report.labelled += usize::from(right_head && label == gold_label);
            if right_head && label == gold_label {
                report.per_label.entry(label).or_default().tp += 1;
            } else {
                report.per_label.entry(label).or_default().fp += 1;
                report.per_label.entry(gold_label).or_default().fn_ += 1;
            }
        }
    }
    report.seconds = seconds;
    report
}

/// Writes the scores: a line on the file and speed, the three accuracies, and the listed relations.
pub fn write_report(out: &mut dyn Write, file: &str, report: &UdReport) -> std::io::Result<()> {
    let rate = report.words as f64 / report.seconds.max(1e-9);
    writeln!(
        out,
        "{file}: {} sentences, {} words, {:.2}s tagging and parsing on one thread ({:.0} words/s)",
        report.sentences, report.words, report.seconds, rate
    )?;
    writeln!(out, "UPOS  {:.3}", report.upos_accuracy())?;
    writeln!(out, "UAS   {:.3}", report.uas())?;
    writeln!(out, "LAS   {:.3}", report.las())?;
    writeln!(out, "{:<12} {:>9} {:>9} {:>7}", "RELATION", "PRECISION", "RECALL", "GOLD")?;
    for label in LISTED {
        let counts = report.per_label.get(&label).copied().unwrap_or_default();
        let gold = counts.tp + counts.fn_;
        writeln!(out, "{:<12} {:>9.3} {:>9.3} {gold:>7}", label.as_str(), counts.precision(), counts.recall())?;
    }
    Ok(())
}

/// `newsgraph evaluate ud FILE`: the parser of `lexicon` (a `--lexicon`
/// directory's `parser.bin`, else the embedded one) scored on the treebank `file`.
pub fn run(out: &mut dyn Write, file: &Path, lexicon: Option<&Path>) -> Result<(), UdError> {
    let parser = match lexicon {
        Some(dir) => Parser::with_override(dir)?,
        None => Parser::embedded(),
    };
    let report = evaluate(&parser, &read_treebank(file)?);
    write_report(out, &file.display().to_string(), &report).and_then(|()| out.flush()).map_err(UdError::Output)
}
