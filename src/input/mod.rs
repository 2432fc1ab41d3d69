//! Input stage: finds documents in files, folders, JSONL corpora and stdin.
//!
//! Problems with one input (missing, unreadable, not a regular file, binary,
//! empty, a malformed JSONL line) are reported as [`InputProblem`]s and never
//! stop the rest of the corpus from being read. A document that can be kept
//! (invalid UTF-8 bytes, a bad optional date) is repaired: a problem marked
//! `repaired` comes first, then the document.

mod article;
mod decode;
mod document;
mod jsonl;
mod plain;

pub use article::Article;
pub(crate) use document::is_valid_date;
pub use document::{Document, InputProblem, Item, Origin};
use jsonl::JsonlReader;

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use decode::{decode, without_bom};
use plain::read_article;

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
    /// The documents named by command-line style arguments: files, folders
    /// (walked for `.txt`, `.md` and `.jsonl`) and `-` for stdin.
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
    match read_article(shown, id, text) {
        Ok(article) => items.extend(article),
        // The document is gone: a repair note before it would only confuse.
        Err(problem) => items = vec![Err(problem)],
    }
    items
}
