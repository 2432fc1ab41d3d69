//! Converters from the field's dictionaries to newsgraph lexicon files.
//!
//! `phoenix` reads the PETRARCH actor and agent dictionaries (the Phoenix
//! set and the unit-test suite's `PETR.Validate.*`); `lexicon_files` writes
//! what they hold as the tab-separated files of `data/lexicon/`.

pub mod lexicon_files;
pub mod phoenix;
pub mod unit_test_suite;

/// Why a dictionary could not be converted; names the line at fault.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// A line of a dictionary that cannot be read.
    #[error("line {line}: {message}")]
    Syntax {
        /// The line at fault, from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A dictionary file that cannot be read.
    #[error("{path}: {source}")]
    Io {
        /// The file, as given.
        path: std::path::PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
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
