//! Lexicon phrases matched on token spans.
//!
//! A phrase matches tokens `s..=e` when the text from the start of token `s`
//! to the end of token `e` equals it (ignoring ASCII case if so built). The
//! table holds a hash of every phrase and of every prefix of one that could
//! end a token, so the search from each token extends token by token only
//! while the text read so far begins some phrase: mostly one hash lookup per
//! token, against a pass of an automaton over every byte.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::Token;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A hasher for keys that are hashes already (FNV-1a here, feature hashes in
/// the tagger): used as they are. A 32-bit key is copied into the high half
/// too, because hashbrown tags each slot with the hash's top seven bits and a
/// constant tag makes every lookup compare a whole group of keys.
#[derive(Default)]
pub(crate) struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        let n = u64::from(n);
        self.0 = n | (n << 32);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// `u8::to_ascii_lowercase` of every byte: one load where lowering took a
/// compare and an or, in the loop that hashes every byte the phrase searches
/// read (3% of extraction on the bench corpus, callgrind), and in word packing.
pub(crate) const ASCII_LOWERCASE: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

/// What a hashed prefix of some phrase leads to.
#[derive(Debug, Default)]
struct Prefix {
    /// The spellings (indices into `PhraseTable::spellings`) that are exactly this prefix (often none).
    phrases: Vec<u32>,
    /// Some longer phrase begins with it.
    continues: bool,
}

/// Phrases, looked up by the hash of their (folded) bytes.
#[derive(Debug, Default)]
pub(crate) struct PhraseTable {
    prefixes: HashMap<u64, Prefix, BuildHasherDefault<Prehashed>>,
    /// Each spelling's bytes and the phrase it spells: a phrase with a
    /// straight apostrophe is also spelt with the typographic one ("O’Brien").
    spellings: Vec<(Box<[u8]>, u32)>,
    longest: usize,
    ignore_ascii_case: bool,
}

impl PhraseTable {
    pub(crate) fn new<S: AsRef<str>>(phrases: &[S], ignore_ascii_case: bool) -> Self {
        let mut table = PhraseTable { ignore_ascii_case, ..PhraseTable::default() };
        for (id, phrase) in phrases.iter().enumerate() {
            let phrase = phrase.as_ref();
            table.add_spelling(phrase, id as u32);
            if phrase.contains('\'') {
                table.add_spelling(&phrase.replace('\'', "’"), id as u32);
            }
        }
        // Matches are reported in phrase order (see `for_each_match_from`).
        let spellings = &table.spellings;
        for prefix in table.prefixes.values_mut() {
            prefix.phrases.sort_by_key(|&s| spellings[s as usize].1);
        }
        table
    }

    fn add_spelling(&mut self, phrase: &str, id: u32) {
        let bytes = phrase.as_bytes();
        let spelling = self.spellings.len() as u32;
        let mut hash = FNV_OFFSET;
        for (i, &b) in bytes.iter().enumerate() {
            hash = self.hash_on(hash, &[b]);
            let end = i + 1;
            if end == bytes.len() {
                self.prefixes.entry(hash).or_default().phrases.push(spelling);
            } else if may_end_token(phrase, end) {
                self.prefixes.entry(hash).or_default().continues = true;
            }
        }
        self.longest = self.longest.max(bytes.len());
        self.spellings.push((bytes.into(), id));
    }

    /// Continues `hash` over `bytes`, with the case test outside the byte loop.
    fn hash_on(&self, mut hash: u64, bytes: &[u8]) -> u64 {
        if self.ignore_ascii_case {
            for &b in bytes {
                hash = (hash ^ u64::from(ASCII_LOWERCASE[usize::from(b)])).wrapping_mul(FNV_PRIME);
            }
        } else {
            for &b in bytes {
                hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
        hash
    }

    /// True when some phrase begins with the token `word`: the first step of
    /// every search, asked once per distinct word (see `classes`).
    pub(crate) fn starts_with_token(&self, word: &str) -> bool {
        word.len() <= self.longest && self.prefixes.contains_key(&self.hash_on(FNV_OFFSET, word.as_bytes()))
    }

    /// Calls `found(s, e, phrase)` for every phrase spanning tokens `s..=e`,
    /// by `s`, then `e`, then phrase id. Only tokens for which `may_start` is
    /// true are searched from: it must hold wherever [`Self::starts_with_token`] does.
    pub(crate) fn for_each_match(
        &self,
        text: &str,
        tokens: &[Token],
        may_start: impl Fn(usize) -> bool,
        mut found: impl FnMut(usize, usize, usize),
    ) {
        for s in (0..tokens.len()).filter(|&s| may_start(s)) {
            self.for_each_match_from(text, tokens, s, |e, id| found(s, e, id));
        }
    }

    /// Calls `found(e, phrase)` for every phrase spanning tokens `s..=e`, by
    /// `e`, then phrase id.
    pub(crate) fn for_each_match_from(
        &self,
        text: &str,
        tokens: &[Token],
        s: usize,
        mut found: impl FnMut(usize, usize),
    ) {
        let bytes = text.as_bytes();
        let first = &tokens[s];
        let mut hash = FNV_OFFSET;
        let mut read = first.start;
        for (e, last) in tokens[s..].iter().enumerate() {
            if last.end - first.start > self.longest {
                break;
            }
            hash = self.hash_on(hash, &bytes[read..last.end]);
            read = last.end;
            let Some(prefix) = self.prefixes.get(&hash) else {
                break;
            };
            let span = &bytes[first.start..last.end];
            for &spelling in &prefix.phrases {
                let (phrase, id) = &self.spellings[spelling as usize];
                let equal = if self.ignore_ascii_case { phrase.eq_ignore_ascii_case(span) } else { **phrase == *span };
                if equal {
                    found(s + e, *id as usize);
                }
            }
            if !prefix.continues {
                break;
            }
        }
    }
}

/// A token can end at byte `at` of `phrase` only on a character boundary that
/// is not inside a run of letters and digits: the tokenizer never splits one.
/// (ASCII case folding keeps letters letters, so this holds for folded text.)
/// Between two ASCII bytes, nearly every place in a phrase, the bytes say it:
/// decoding the characters either side cost 15 M instructions at start-up
/// (callgrind), the lexicons' 36,000 spellings asked at every byte.
fn may_end_token(phrase: &str, at: usize) -> bool {
    let bytes = phrase.as_bytes();
    match (at.checked_sub(1).and_then(|b| bytes.get(b)), bytes.get(at)) {
        (Some(before), Some(after)) if before.is_ascii() && after.is_ascii() => {
            !(before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric())
        }
        _ => may_end_token_by_chars(phrase, at),
    }
}

/// [`may_end_token`] for any byte, from the characters either side.
fn may_end_token_by_chars(phrase: &str, at: usize) -> bool {
    if !phrase.is_char_boundary(at) {
        return false;
    }
    let before = phrase[..at].chars().next_back().is_some_and(char::is_alphanumeric);
    let after = phrase[at..].chars().next().is_some_and(char::is_alphanumeric);
    !(before && after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn matches(table: &PhraseTable, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let tokens = tokenize(text, 0..text.len());
        table.for_each_match(text, &tokens, |_| true, |s, e, id| out.push((s, e, id)));
        let mut searched = Vec::new();
        let starts = |s: usize| table.starts_with_token(tokens[s].text(text));
        table.for_each_match(text, &tokens, starts, |s, e, id| searched.push((s, e, id)));
        assert_eq!(out, searched, "searching only from tokens that start a phrase finds the same");
        out
    }

    proptest::proptest! {
        #[test]
        fn folded_hashes_are_those_of_bytes_lowered_one_by_one(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            let table = PhraseTable { ignore_ascii_case: true, ..PhraseTable::default() };
            let plain = bytes.iter().fold(FNV_OFFSET, |hash, b| (hash ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME));
            proptest::prop_assert_eq!(table.hash_on(FNV_OFFSET, &bytes), plain);
        }
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
    fn phrases_continue_across_punctuation() {
        let table = PhraseTable::new(&["U.S.-backed", "al-Qaeda", "Newark"], true);
        assert_eq!(matches(&table, "the U.S.-backed al-Qaeda"), vec![(1, 3, 0), (4, 6, 1)]);
        assert!(matches(&table, "New ark").is_empty());
    }

    #[test]
    fn a_straight_apostrophe_matches_a_typographic_one() {
        let table = PhraseTable::new(&["Côte d'Ivoire", "Da'esh"], true);
        assert_eq!(matches(&table, "Côte d’Ivoire and Da’esh and Da'esh"), vec![(0, 1, 0), (3, 3, 1), (5, 5, 1)]);
        assert!(table.starts_with_token("Da’esh"));
    }

    proptest::proptest! {
        #[test]
        fn token_ends_read_from_bytes_are_those_read_from_characters(phrase in "([a-z0-9 .'’-]|É|é|٣|ʼ){0,12}") {
            for at in 0..=phrase.len() {
                proptest::prop_assert_eq!(may_end_token(&phrase, at), may_end_token_by_chars(&phrase, at), "{:?} {}", phrase, at);
            }
        }
    }

    #[test]
    fn equal_phrases_are_all_reported_in_id_order() {
        let table = PhraseTable::new(&["Georgia", "georgia"], true);
        assert_eq!(matches(&table, "Georgia"), vec![(0, 0, 0), (0, 0, 1)]);
    }
}
