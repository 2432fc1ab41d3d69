//! Why a gold-standard file cannot be read.

/// A gold-standard file that is not in the format its scorer reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GoldError {
    /// A CoNLL-2003 line that is neither a token line, a blank line nor `-DOCSTART-`.
    #[error("line {line}: {problem}")]
    Line {
        /// The line, from 1.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// A PLOVER file that is not a JSON array of records.
    #[error("{0}")]
    NotRecords(String),
}
