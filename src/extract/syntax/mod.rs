//! Syntax: a part-of-speech tagger and a dependency parser trained on the
//! Universal Dependencies English Web Treebank, for the relation stages to
//! ask who is the subject and object of a verb, how two mentions are joined,
//! and what a coordination spans.
//!
//! Both are greedy averaged perceptrons (the other learned models'
//! `perceptron.rs`): the tagger reads left to right; the parser is
//! transition-based (arc-hybrid), trained with a dynamic oracle. Each weight
//! row holds every class's weight, so one hash lookup per feature scores all
//! classes; the caller's [`ParseBuffers`] are reused from sentence to sentence.
//!
//! One file per part, each importing only those before it: `labels` (the tag
//! and relation sets), `conllu` (reading treebanks), `words` (a word's hashes),
//! `transition` (the arc-hybrid system and its oracle), `features`, `model`
//! (weights in the flat table of `extract/weight_table.rs`, decoding, the model file), `train`, `bridge` (newsgraph's tokens
//! to the treebank's words) and `parse` (the [`Parse`] API).

mod bridge;
pub mod conllu;
mod features;
mod labels;
mod model;
mod parse;
mod train;
mod transition;
mod words;

pub use conllu::{ConlluError, TreeSentence};
pub use labels::{Label, Upos};
pub use model::{EMBEDDED_MODEL, ParseBuffers, Parser};
pub use parse::Parse;
pub use train::{Progress, TrainingPlan, train};
