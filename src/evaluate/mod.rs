//! Evaluation against public gold standards: CoNLL-2003 named entities,
//! CoNLL04 relations, PLOVER events and PETRARCH's unit-test codings (and the
//! dependency parser on a Universal Dependencies treebank). Each scorer reads the gold file, runs the pipeline on the
//! same text a user would give it, and reports precision, recall and F1.
//!
//! Public on purpose: the binary's `evaluate` and `train` verbs are built on
//! it, and a user comparing lexicons can run the same scores.

pub mod articles;
pub mod conll;
pub mod conll04;
#[cfg(test)]
mod conll04_cv;
pub mod conll04_names;
pub mod conll04_training;
mod gold;
pub mod petrarch;
pub mod plover;
mod score;
pub mod ud;

pub use gold::GoldError;
pub use score::{Counts, score_table, score_table_with};
