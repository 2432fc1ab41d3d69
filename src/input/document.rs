//! What the input stage yields: documents, and problems with inputs.

use std::fmt;

/// One news article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Unique in a corpus: a file's name (a folder's files: the path inside the folder), or a JSONL line's `id`.
    pub id: String,
    /// A valid `YYYY-MM-DD` date, from a header, the dateline, a written date or the JSONL record.
    pub date: Option<String>,
    /// From a `# title:` header or the JSONL record.
    pub title: Option<String>,
    /// From a `# url:` header or the JSONL record.
    pub url: Option<String>,
    /// The document text; offsets in the output count characters of this text.
    pub text: String,
    /// Byte offset where the article body starts (after header lines and dateline).
    pub body_start: usize,
    /// Where it was read, for messages.
    pub origin: Origin,
}

/// The file a document was read from (as given) and, in a JSONL corpus, its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The path as given (`-` for stdin); empty for a `Document` built by hand.
    pub path: String,
    /// The line in a JSONL corpus, from 1.
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path),
            None => write!(f, "{}", self.path),
        }
    }
}

/// Something wrong with one input; the rest of the corpus is still processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// The input at fault, as given (a file, `-` for stdin, or a document id).
    pub path: String,
    /// The line at fault, from 1, when one is known.
    pub line: Option<usize>,
    /// What happened, for a person.
    pub message: String,
    /// The document was kept, repaired as the message says; otherwise it was skipped.
    pub repaired: bool,
}

impl InputProblem {
    /// A problem that costs the input.
    pub fn new(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        InputProblem { path: path.into(), line, message: message.into(), repaired: false }
    }

    /// A problem the document survives, repaired.
    pub fn repaired(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        InputProblem { repaired: true, ..InputProblem::new(path, line, message) }
    }
}

impl std::error::Error for InputProblem {}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Either a document or a problem, in input order.
pub type Item = Result<Document, InputProblem>;

/// Checks a `YYYY-MM-DD` date.
pub(crate) fn is_valid_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| date[r].parse::<u32>().ok();
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(_), Some(m), Some(d)) => (1..=12).contains(&m) && (1..=31).contains(&d),
        _ => false,
    }
}
