//! Library errors.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon { file: String, line: usize, message: String },
    #[error("{path}: not a newsgraph graph ({message})")]
    NotAGraph { path: String, message: String },
    #[error("{0}")]
    Query(String),
}

pub type Result<T> = std::result::Result<T, Error>;
