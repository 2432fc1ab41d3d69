//! Lexicon phrases matched on token spans.
//!
//! A phrase matches tokens `s..=e` when the text from the start of token `s`
//! to the end of token `e` equals it (ignoring ASCII case if so built). The
//! table holds a hash of every byte prefix of every phrase, so the search
//! from each token extends token by token only while the text read so far
//! begins some phrase: one or two hash lookups per token, against a pass of
//! an automaton over every byte.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::Token;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Keys are FNV-1a hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Phrases, looked up by the hash of their (folded) bytes.
#[derive(Debug, Default)]
pub struct PhraseTable {
    /// Prefix hash → ids of the phrases that are exactly this prefix (often none).
    prefixes: HashMap<u64, Vec<u32>, BuildHasherDefault<Prehashed>>,
    phrases: Vec<Box<[u8]>>,
    longest: usize,
    ignore_ascii_case: bool,
}

impl PhraseTable {
    pub fn new<S: AsRef<str>>(phrases: &[S], ignore_ascii_case: bool) -> Self {
        let mut table = PhraseTable { ignore_ascii_case, ..PhraseTable::default() };
        for (id, phrase) in phrases.iter().enumerate() {
            let bytes = phrase.as_ref().as_bytes();
            let mut hash = FNV_OFFSET;
            for (i, &b) in bytes.iter().enumerate() {
                hash = table.step(hash, b);
                let ids = table.prefixes.entry(hash).or_default();
                if i + 1 == bytes.len() {
                    ids.push(id as u32);
                }
            }
            table.longest = table.longest.max(bytes.len());
            table.phrases.push(bytes.into());
        }
        table
    }

    fn step(&self, hash: u64, byte: u8) -> u64 {
        let byte = if self.ignore_ascii_case { byte.to_ascii_lowercase() } else { byte };
        (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
    }

    /// Calls `found(s, e, phrase)` for every phrase spanning tokens `s..=e`,
    /// by `s`, then `e`, then phrase id.
    pub fn for_each_match(&self, text: &str, tokens: &[Token], mut found: impl FnMut(usize, usize, usize)) {
        let bytes = text.as_bytes();
        for (s, first) in tokens.iter().enumerate() {
            let mut hash = FNV_OFFSET;
            let mut read = first.start;
            for (e, last) in tokens.iter().enumerate().skip(s) {
                if last.end - first.start > self.longest {
                    break;
                }
                for &b in &bytes[read..last.end] {
                    hash = self.step(hash, b);
                }
                read = last.end;
                let Some(ids) = self.prefixes.get(&hash) else {
                    break;
                };
                let span = &bytes[first.start..last.end];
                for &id in ids {
                    let phrase = &self.phrases[id as usize];
                    let equal =
                        if self.ignore_ascii_case { phrase.eq_ignore_ascii_case(span) } else { **phrase == *span };
                    if equal {
                        found(s, e, id as usize);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn matches(table: &PhraseTable, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        table.for_each_match(text, &tokenize(text, 0..text.len()), |s, e, id| out.push((s, e, id)));
        out
    }

    #[test]
    fn phrases_match_whole_tokens_only() {
        let table = PhraseTable::new(&["New York", "York", "Iran"], true);
        assert_eq!(matches(&table, "new york and Iranian"), vec![(0, 1, 0), (1, 1, 1)]);
        assert_eq!(matches(&table, "New  York"), vec![(1, 1, 1)], "the spacing is part of the phrase");
    }

    #[test]
    fn case_is_kept_when_asked() {
        let table = PhraseTable::new(&["President", "U.S."], false);
        assert_eq!(matches(&table, "the president met U.S. envoys"), vec![(3, 3, 1)]);
        assert_eq!(matches(&table, "President"), vec![(0, 0, 0)]);
    }

    #[test]
    fn equal_phrases_are_all_reported_in_id_order() {
        let table = PhraseTable::new(&["Georgia", "georgia"], true);
        assert_eq!(matches(&table, "Georgia"), vec![(0, 0, 0), (0, 0, 1)]);
    }
}
