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
    /// A JSON gold file (PLOVER, CoNLL04) that does not hold the records its scorer reads.
    #[error("{0}")]
    NotRecords(String),
}
