//! Converters from the field's dictionaries to newsgraph lexicon files.
//!
//! [`petrarch`] reads a directory of PETRARCH2 dictionaries (the Open Event
//! Data Alliance's `CAMEO.2.0.txt`, or the unit-test `PETR.Validate.*.txt`)
//! and writes the lexicon files made from them, named as `--lexicon DIR`
//! reads them. The shipped `data/lexicon/cameo_verbs.tsv` is its output on
//! `CAMEO.2.0.txt`; a test fails when it is stale.

mod cameo;
mod inflect;

use std::fmt;
use std::path::{Path, PathBuf};

pub use cameo::{Filters, VerbCounts};

/// The lexicon file the verb dictionary becomes.
pub const VERBS_FILE: &str = "cameo_verbs.tsv";

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
}

/// What [`petrarch`] wrote: each output file with what went into it.
#[derive(Debug, Default)]
pub struct Converted {
    /// The verb dictionary read and the counts of its conversion.
    pub verbs: Option<(PathBuf, VerbCounts)>,
}

impl fmt::Display for Converted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((path, counts)) = &self.verbs {
            writeln!(f, "{}: {} verb blocks, {} verbs", path.display(), counts.blocks, counts.verbs)?;
            writeln!(
                f,
                "  {VERBS_FILE}: {} rows, {} trigger forms, {} preposition patterns, {} noun patterns",
                counts.rows, counts.triggers, counts.preposition_patterns, counts.noun_patterns
            )?;
            for (reason, count) in &counts.skipped {
                writeln!(f, "  skipped {count}: {reason}")?;
            }
        }
        Ok(())
    }
}

/// Converts the PETRARCH dictionaries found by name in `src_dir` into
/// lexicon files in `out_dir` (made if missing), with the news filters:
/// `*CAMEO*` or `*verbs*` → [`VERBS_FILE`].
pub fn petrarch(src_dir: &Path, out_dir: &Path) -> Result<Converted, ConvertError> {
    petrarch_with(src_dir, out_dir, Filters::News)
}

/// [`petrarch`] with the given filters of the verbs ([`Filters::None`]: every
/// verb and form, as PETRARCH reads its unit-test dictionary).
// The actor dictionaries (`*actors*`, `*agents*`) are converted beside the
// verbs, each by its own module, from the same directory listing.
pub fn petrarch_with(src_dir: &Path, out_dir: &Path, filters: Filters) -> Result<Converted, ConvertError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ConvertError::Io { path, source }
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(src_dir)
        .map_err(io(src_dir))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    let named = |path: &Path, words: &[&str]| {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        name.ends_with(".txt") && words.iter().any(|w| name.contains(w))
    };
    let verbs = files.iter().find(|p| named(p, &["cameo", "verbs"]));
    let Some(verbs) = verbs else { return Err(ConvertError::NoDictionary(src_dir.to_path_buf())) };
    std::fs::create_dir_all(out_dir).map_err(io(out_dir))?;
    let text = std::fs::read(verbs).map_err(io(verbs))?;
    // The dictionaries are ASCII with the odd Latin-1 byte in a comment.
    let text = String::from_utf8_lossy(&text);
    let name = verbs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (table, counts) = cameo::convert(&text, &name, filters);
    let out = out_dir.join(VERBS_FILE);
    std::fs::write(&out, table).map_err(io(&out))?;
    Ok(Converted { verbs: Some((verbs.clone(), counts)) })
}
