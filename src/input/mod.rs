//! Input stage: finds documents in files, folders, JSONL corpora and stdin.
//!
//! Problems with one input (missing, unreadable, not a regular file, binary,
//! empty, a malformed JSONL line) are reported as [`InputProblem`]s and never
//! stop the rest of the corpus from being read. A document that can be kept
//! (invalid UTF-8 bytes, a bad optional date) is repaired: a problem marked
//! `repaired` comes first, then the document.

mod jsonl;
mod plain;

pub use jsonl::JsonlReader;
pub use plain::{LineNote, parse_plain};

use std::collections::HashSet;
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
    /// Where it was read, for messages.
    pub origin: Origin,
}

/// The file a document was read from (as given) and, in a JSONL corpus, its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
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
    pub path: String,
    pub line: Option<usize>,
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

/// A file to read, with the document id it gets.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    Stdin,
    File { path: PathBuf, id: String },
}

/// Walks the arguments into a stream of documents and problems, in a
/// deterministic order (arguments as given, folder entries sorted by name).
/// Symbolic links are followed, but each file and folder is read once (by
/// canonical path), so a link loop or a second name for a file adds nothing.
pub struct Documents {
    sources: std::vec::IntoIter<Result<Source, InputProblem>>,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
    total_bytes: Option<u64>,
    /// Canonical paths of every file to read.
    files: HashSet<PathBuf>,
}

/// The sources found so far and the canonical paths already visited.
#[derive(Default)]
struct Walk {
    sources: Vec<Result<Source, InputProblem>>,
    visited: HashSet<PathBuf>,
    files: HashSet<PathBuf>,
}

impl Walk {
    /// True the first time a file or folder is met under any name.
    fn first_visit(&mut self, path: &Path) -> bool {
        std::fs::canonicalize(path).map_or(true, |canonical| self.visited.insert(canonical))
    }

    fn file(&mut self, path: &Path, id: String) {
        if let Ok(canonical) = std::fs::canonicalize(path) {
            if !self.visited.insert(canonical.clone()) {
                return;
            }
            self.files.insert(canonical);
        }
        self.sources.push(Ok(Source::File { path: path.to_path_buf(), id }));
    }

    fn problem(&mut self, path: &Path, message: String) {
        self.sources.push(Err(InputProblem::new(path.display().to_string(), None, message)));
    }

    /// Adds whatever is at `path` (named `id` if it is a file).
    fn add(&mut self, root: &Path, path: &Path, id: String) {
        match std::fs::metadata(path) {
            Err(e) => self.problem(path, io_message(&e)),
            Ok(meta) if meta.is_dir() => {
                if self.first_visit(path) {
                    self.folder(root, path);
                }
            }
            Ok(meta) if meta.is_file() => self.file(path, id),
            // Opening a FIFO would wait for a writer forever.
            Ok(_) => self.problem(path, NOT_REGULAR.to_string()),
        }
    }

    fn folder(&mut self, root: &Path, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return self.problem(dir, io_message(&e)),
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden || !(path.is_dir() || is_document_file(&path)) {
                continue;
            }
            let relative = path.strip_prefix(root).unwrap_or(&path);
            let id = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            self.add(root, &path, id);
        }
    }
}

const NOT_REGULAR: &str = "not a regular file (a FIFO, socket or device; to read a pipe, give - and pipe into stdin)";

impl Documents {
    pub fn new<S: AsRef<str>>(args: &[S]) -> Self {
        let mut walk = Walk::default();
        for arg in args {
            let arg = arg.as_ref();
            if arg == "-" {
                walk.sources.push(Ok(Source::Stdin));
                continue;
            }
            // A file given by name has its file name as id; a folder's files, their relative paths.
            let path = Path::new(arg);
            let id = path.file_name().map_or_else(|| arg.to_string(), |n| n.to_string_lossy().into_owned());
            walk.add(path, path, id);
        }
        let Walk { sources, files, .. } = walk;
        // The size of all files, for progress; unknown when reading stdin.
        let total_bytes = sources
            .iter()
            .map(|s| match s {
                Ok(Source::Stdin) => None,
                Ok(Source::File { path, .. }) => Some(std::fs::metadata(path).map_or(0, |m| m.len())),
                Err(_) => Some(0),
            })
            .sum();
        Documents { sources: sources.into_iter(), current: None, total_bytes, files }
    }

    /// The bytes the inputs hold, if known before reading them.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// True if `path` names (under any name) a file these documents are read from.
    pub fn reads_file(&self, path: &Path) -> bool {
        std::fs::canonicalize(path).is_ok_and(|canonical| self.files.contains(&canonical))
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

fn open(source: Source) -> Box<dyn Iterator<Item = Item> + Send> {
    match source {
        Source::Stdin => {
            let mut reader = BufReader::new(std::io::stdin());
            let jsonl = match reader.fill_buf() {
                Ok(buf) => without_bom(buf).iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
                Err(e) => return Box::new(std::iter::once(Err(InputProblem::new("-", None, io_message(&e))))),
            };
            if jsonl {
                Box::new(JsonlReader::new("-", Box::new(reader)))
            } else {
                Box::new(read_plain("-", "stdin", reader).into_iter())
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
                Box::new(read_plain(&shown, &id, file).into_iter())
            }
        }
    }
}

/// Reads a whole plain-text article, rejecting binary content: the document,
/// preceded by a problem for each repair it needed, or the problem that cost it.
fn read_plain(shown: &str, id: &str, mut reader: impl Read) -> Vec<Item> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        return vec![Err(InputProblem::new(shown, None, io_message(&e)))];
    }
    let bom = bytes.len() - without_bom(&bytes).len();
    bytes.drain(..bom);
    let (text, repair) = match decode(shown, bytes) {
        Ok(decoded) => decoded,
        Err(problem) => return vec![Err(problem)],
    };
    let mut items: Vec<Item> = repair.into_iter().map(Err).collect();
    match parse_plain(id, text) {
        Ok((mut doc, notes)) => {
            items.extend(notes.into_iter().map(|n| Err(InputProblem::repaired(shown, Some(n.line), n.message))));
            doc.origin = Origin { path: shown.to_string(), line: None };
            items.push(Ok(doc));
        }
        // The document is gone: a repair note before it would only confuse.
        Err(note) => items = vec![Err(InputProblem::new(shown, Some(note.line), note.message))],
    }
    items
}

/// `bytes` without a leading UTF-8 byte order mark, which some editors write.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Decodes `bytes` as UTF-8 text. Binary content (a NUL byte) is a problem;
/// invalid bytes become U+FFFD, with a repair note naming the line of the first.
pub(crate) fn decode(shown: &str, bytes: Vec<u8>) -> Result<(String, Option<InputProblem>), InputProblem> {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(InputProblem::new(shown, Some(line_of(&bytes, at)), "binary file (contains NUL bytes)"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = line_of(e.as_bytes(), at);
            let message = format!("invalid UTF-8 at byte {at}, replaced by U+FFFD");
            Ok((
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(InputProblem::repaired(shown, Some(line), message)),
            ))
        }
    }
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
