//! A greedy averaged-perceptron name tagger: it marks which capitalised
//! words are people, places, organizations or other names when no rule or
//! gazetteer decides. Features are the word, its shape, affixes, neighbours,
//! the previous labels and the lexicon matches around it, hashed to 32 bits.
//!
//! The model is trained by `newsgraph train conll` on CoNLL-2003 `eng.train`
//! and shipped as `data/model/ner.bin`; tagging is deterministic.
//!
//! One file per part, each importing only those before it: `features`
//! (labels, hashing, shapes and the layout of each word's features),
//! `model` (weights, the model file, a word's weighted features), `view`
//! (what the features read of a sentence and its document, and the per-thread
//! cache of words), `tag` (scoring a sentence) and `train`.

mod features;
mod model;
mod tag;
mod train;
mod view;

pub use crate::error::ModelError;
pub use features::LABELS;
pub use model::{EMBEDDED_MODEL, Tagger};
pub(crate) use train::{Example, train};
pub(crate) use view::{DocumentContext, FeatureCache, SentenceView, ViewBuffers};
