//! The class-bit index: every word of every closed class, by lower-case
//! form, with the bits of its classes. The lexicon fills it when it loads;
//! the word table (the match stage, `classes`) reads a word's bits once per thread.
//! Bits 0 to 20 are the word classes of `words.tsv`, in `lexicon`'s order;
//! bits 21 to 31 belong to the word table, which adds its letter and
//! phrase-start bits to the three here.

use rustc_hash::FxHashMap as HashMap;

/// The number of bits free for the word classes of `words.tsv`.
pub(super) const CLASS_BITS: usize = 21;

// The bits this index sets, read by `classes.rs` alone (which names them for the rest).

/// A word of the `determiner` list of `words.tsv` ("the", "His"), in any case.
pub(super) const DETERMINER: u32 = 1 << 26;

/// A first name of `first_names.txt`, as listed (case-sensitive).
pub(super) const FIRST_NAME: u32 = 1 << 30;
/// The first word of a relation trigger ("met", "slammed"), in any case.
pub(super) const TRIGGER_WORD: u32 = 1 << 31;

/// The classes a lower-case form belongs to.
#[derive(Debug, Default, Clone)]
struct Entry {
    /// Classes that ignore case.
    folded: u32,
    /// Case-sensitive classes, by the exact form they list.
    exact: Vec<(Box<str>, u32)>,
}

/// Every word of every class, by lower-case form: one lookup gives all of a word's classes.
#[derive(Debug, Default, Clone)]
pub(crate) struct ClassIndex {
    entries: HashMap<Box<str>, Entry>,
}

impl ClassIndex {
    pub(crate) fn add_folded(&mut self, lower: &str, bit: u32) {
        self.entries.entry(lower.into()).or_default().folded |= bit;
    }

    pub(crate) fn add_exact(&mut self, word: &str, bit: u32) {
        let entry = self.entries.entry(word.to_lowercase().into()).or_default();
        match entry.exact.iter_mut().find(|(form, _)| **form == *word) {
            Some((_, bits)) => *bits |= bit,
            None => entry.exact.push((word.into(), bit)),
        }
    }

    /// A first name, in the case it is listed.
    pub(crate) fn add_first_name(&mut self, name: &str) {
        self.add_exact(name, FIRST_NAME);
    }

    /// The first word of a relation trigger, in lower case.
    pub(crate) fn add_trigger_word(&mut self, lower: &str) {
        self.add_folded(lower, TRIGGER_WORD);
    }

    /// `word` is a first name of `first_names.txt`, as listed: for rules
    /// that read a word outside a sentence's class bits.
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        self.of(word) & FIRST_NAME != 0
    }

    /// The class bits of `word`.
    pub(crate) fn of(&self, word: &str) -> u32 {
        // Most words are lower case already, or ASCII that can be lowered on the stack.
        let mut buf = [0u8; 32];
        let entry = if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                self.entries.get(word)
            } else if word.len() <= buf.len() {
                let lower = &mut buf[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).ok().and_then(|w| self.entries.get(w))
            } else {
                self.entries.get(word.to_ascii_lowercase().as_str())
            }
        } else if word.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) {
            self.entries.get(word)
        } else {
            self.entries.get(word.to_lowercase().as_str())
        };
        entry.map_or(0, |e| e.exact.iter().filter(|(form, _)| **form == *word).fold(e.folded, |bits, (_, b)| bits | b))
    }

    /// True when `word` starts a relation trigger ("met", "slammed").
    pub(crate) fn is_trigger_word(&self, word: &str) -> bool {
        self.of(word) & TRIGGER_WORD != 0
    }
}
