//! Why a dictionary could not be converted.

use std::path::PathBuf;

/// Why a conversion failed.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The directory holds no dictionary this converter reads.
    #[error("{0}: no PETRARCH dictionary found (a file named like *CAMEO*.txt or *verbs*.txt)")]
    NoDictionary(PathBuf),
    /// A line of a dictionary that cannot be read.
    #[error("line {line}: {message}")]
    Syntax {
        /// The line at fault, from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A dictionary file with a bad line.
    #[error("{file}, {source}")]
    InFile {
        /// The file's name.
        file: String,
        /// The bad line.
        #[source]
        source: Box<ConvertError>,
    },
}
