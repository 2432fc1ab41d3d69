//! A greedy averaged-perceptron name tagger: it marks which capitalised
//! words are people, places, organizations or other names when no rule or
//! gazetteer decides. Features are the word, its shape, affixes, neighbours,
//! the previous labels and the lexicon matches around it, hashed to 32 bits.
//!
//! The model is trained by `newsgraph train conll` on CoNLL-2003 `eng.train`
//! and shipped as `data/model/ner.bin`; tagging is deterministic.
//!
//! One file per part: [`features`] (hashing, shapes and each word's
//! features, cached per thread), [`view`] (what the features read of a
//! sentence and its document), [`model`] (weights, scoring, the model file)
//! and [`train`].

mod features;
mod model;
mod train;
mod view;

use std::hash::BuildHasherDefault;

use super::phrases::Prehashed;

pub(crate) use features::FeatureCache;
pub use model::{EMBEDDED_MODEL, Tagger};
pub(crate) use train::{Example, train};
pub(crate) use view::{DocumentContext, SentenceView, ViewBuffers};

/// Labels in BIO form; index 0 is "outside".
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
const N: usize = LABELS.len();

/// Model weights by feature hash (the hashes are used as they are).
type Weights<V> = std::collections::HashMap<u32, V, BuildHasherDefault<Prehashed>>;
