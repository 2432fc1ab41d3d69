//! Input stage: finds documents in files, folders, JSONL corpora and stdin.
//!
//! Problems with one input (missing, unreadable, binary, not UTF-8, empty, a
//! malformed JSONL line) are reported as [`InputProblem`]s and never stop the
//! rest of the corpus from being read.

mod jsonl;
mod plain;

pub use jsonl::JsonlReader;
pub use plain::parse_plain;

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One news article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The document text; offsets in the output count characters of this text.
    pub text: String,
    /// Byte offset where the article body starts (after header lines and dateline).
    pub body_start: usize,
}

/// Something wrong with one input; the rest of the corpus is still processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl InputProblem {
    pub fn new(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        InputProblem { path: path.into(), line, message: message.into() }
    }
}

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

/// A file to read, with the document id it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Stdin,
    File { path: PathBuf, id: String },
}

/// Walks the arguments into a stream of documents and problems, in a
/// deterministic order (arguments as given, folder entries sorted by name).
pub struct Documents {
    sources: std::vec::IntoIter<Result<Source, InputProblem>>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    total_bytes: Option<u64>,
}

impl Documents {
    pub fn new<S: AsRef<str>>(args: &[S]) -> Self {
        let mut sources = Vec::new();
        for arg in args {
            let arg = arg.as_ref();
            if arg == "-" {
                sources.push(Ok(Source::Stdin));
                continue;
            }
            let path = Path::new(arg);
            match std::fs::metadata(path) {
                Err(e) => sources.push(Err(InputProblem::new(arg, None, io_message(&e)))),
                Ok(meta) if meta.is_dir() => walk(path, path, &mut sources),
                Ok(_) => {
                    let id = path.file_name().map_or_else(|| arg.to_string(), |n| n.to_string_lossy().into_owned());
                    sources.push(Ok(Source::File { path: path.to_path_buf(), id }));
                }
            }
        }
        // The size of all files, for progress; unknown when reading stdin.
        let total_bytes = sources
            .iter()
            .map(|s| match s {
                Ok(Source::Stdin) => None,
                Ok(Source::File { path, .. }) => Some(std::fs::metadata(path).map_or(0, |m| m.len())),
                Err(_) => Some(0),
            })
            .sum();
        Documents { sources: sources.into_iter(), current: None, total_bytes }
    }

    /// The bytes the inputs hold, if known before reading them.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.sources.next()? {
                Err(problem) => return Some(Err(problem)),
                Ok(source) => self.current = Some(open(source)),
            }
        }
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn is_document_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "jsonl"))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Result<Source, InputProblem>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(InputProblem::new(dir.display().to_string(), None, io_message(&e))));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out);
        } else if is_document_file(&path) {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let id = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push(Ok(Source::File { path, id }));
        }
    }
}

fn open(source: Source) -> Box<dyn Iterator<Item = Item> + Send> {
    match source {
        Source::Stdin => {
            let mut reader = BufReader::new(std::io::stdin());
            let jsonl = match reader.fill_buf() {
                Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
                Err(e) => return Box::new(std::iter::once(Err(InputProblem::new("-", None, io_message(&e))))),
            };
            if jsonl {
                Box::new(JsonlReader::new("-", Box::new(reader)))
            } else {
                Box::new(std::iter::once(read_plain("-", "stdin", reader)))
            }
        }
        Source::File { path, id } => {
            let shown = path.display().to_string();
            let file = match File::open(&path) {
                Ok(file) => file,
                Err(e) => return Box::new(std::iter::once(Err(InputProblem::new(shown, None, io_message(&e))))),
            };
            if path.extension().is_some_and(|e| e == "jsonl") {
                Box::new(JsonlReader::new(shown, Box::new(BufReader::new(file))))
            } else {
                Box::new(std::iter::once(read_plain(&shown, &id, file)))
            }
        }
    }
}

/// Reads a whole plain-text article, rejecting binary and non-UTF-8 content.
fn read_plain(shown: &str, id: &str, mut reader: impl Read) -> Item {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| InputProblem::new(shown, None, io_message(&e)))?;
    let text = decode(shown, bytes)?;
    parse_plain(id, text).map_err(|(line, message)| InputProblem::new(shown, Some(line), message))
}

/// Checks that `bytes` are UTF-8 text; the problem names the line of the first bad byte.
pub(crate) fn decode(shown: &str, bytes: Vec<u8>) -> Result<String, InputProblem> {
    if bytes.contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(InputProblem::new(shown, Some(line), "binary file (contains NUL bytes)"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        InputProblem::new(shown, Some(line), format!("invalid UTF-8 at byte {at}"))
    })
}

/// Checks a `YYYY-MM-DD` date.
pub fn is_valid_date(date: &str) -> bool {
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
