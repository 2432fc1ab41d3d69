//! Converters from the field's dictionaries to newsgraph lexicon files.
//!
//! [`petrarch`] reads a directory of PETRARCH2 dictionaries (the Open Event
//! Data Alliance's `CAMEO.2.0.txt` and Phoenix actor and agent files, or the
//! unit-test suite's `PETR.Validate.*.txt`) and writes the lexicon files made
//! from them, named as `--lexicon DIR` reads them. The shipped
//! `data/lexicon/cameo_verbs.tsv`, `phoenix_people.tsv`,
//! `phoenix_organizations.tsv` and `agents.tsv` are its output on
//! `../shared/dictionaries/petrarch2`; tests fail when they are stale.
//! `cameo` converts the verbs; `phoenix` reads the actor and agent
//! dictionaries, `lexicon_files` writes what they hold, and
//! `unit_test_suite` makes the suite's invented states.

mod alias_groups;
mod cameo;
mod error;
mod inflect;
pub mod lexicon_files;
pub mod phoenix;
pub mod unit_test_suite;

use std::fmt;
use std::path::{Path, PathBuf};

pub use cameo::{Filters, VerbCounts};
pub use error::ConvertError;

/// The lexicon file the verb dictionary becomes.
pub const VERBS_FILE: &str = "cameo_verbs.tsv";

/// The embedded states, which the actor files are coded against.
const EMBEDDED_STATES: &str = include_str!("../../data/lexicon/states.tsv");

/// What [`petrarch`] wrote: each output file with what went into it.
#[derive(Debug, Default)]
pub struct Converted {
    /// The verb dictionary read and the counts of its conversion.
    pub verbs: Option<(PathBuf, VerbCounts)>,
    /// The actor and agent files written, with their rows.
    pub actors: Vec<(&'static str, usize)>,
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
        for (name, rows) in &self.actors {
            writeln!(f, "  {name}: {rows} rows")?;
        }
        Ok(())
    }
}

/// Converts the PETRARCH dictionaries found by name in `src_dir` into
/// lexicon files in `out_dir` (made if missing), with the news filters:
/// `*CAMEO*` or `*verbs*` → [`VERBS_FILE`]; the Phoenix actor and agent
/// files, or the unit-test suite's `*actors*` and `*agents*`, → people,
/// organizations and agents (and, for the suite, its states).
pub fn petrarch(src_dir: &Path, out_dir: &Path) -> Result<Converted, ConvertError> {
    petrarch_with(src_dir, out_dir, Filters::News)
}

/// [`petrarch`] with the given filters of the verbs ([`Filters::None`]: every
/// verb and form, as PETRARCH reads its unit-test dictionary).
pub fn petrarch_with(src_dir: &Path, out_dir: &Path, filters: Filters) -> Result<Converted, ConvertError> {
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
    let text = read_lossy(verbs)?;
    let name = verbs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (table, counts) = cameo::convert(&text, &name, filters);
    write(out_dir, VERBS_FILE, &table)?;
    let mut converted = Converted { verbs: Some((verbs.clone(), counts)), actors: Vec::new() };

    let actor_files = if src_dir.join(lexicon_files::PHOENIX_AGENTS_FILE).is_file() {
        lexicon_files::phoenix_lexicons(src_dir, EMBEDDED_STATES)?
    } else if let (Some(actors), Some(agents)) =
        (files.iter().find(|p| named(p, &["actors"])), files.iter().find(|p| named(p, &["agents"])))
    {
        unit_test_suite::unit_test_lexicons(&read_lossy(actors)?, &read_lossy(agents)?, EMBEDDED_STATES)?
    } else {
        Vec::new()
    };
    for (name, text) in actor_files {
        write(out_dir, name, &text)?;
        converted.actors.push((name, text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).count()));
    }
    Ok(converted)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ConvertError {
    let path = path.to_path_buf();
    move |source| ConvertError::Io { path, source }
}

/// The dictionaries are ASCII with the odd Latin-1 byte in a comment.
fn read_lossy(path: &Path) -> Result<String, ConvertError> {
    let bytes = std::fs::read(path).map_err(io(path))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn write(dir: &Path, name: &str, text: &str) -> Result<(), ConvertError> {
    let out = dir.join(name);
    std::fs::write(&out, text).map_err(io(&out))
}
