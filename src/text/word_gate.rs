//! A cheap first test of a token against a few literal words, before the
//! token's text is sliced and compared: rules that look for a handful of words
//! in every token of a sentence ("told", "interview", ",") rule out most
//! tokens by their length and first byte alone. Slicing a token's text checks
//! two character boundaries; that slicing was 5% of extraction's instructions
//! (callgrind, `Token::text`), much of it in such scans.

use super::token::Token;

/// The lengths and first bytes of some words; a token with another length or
/// first byte is none of them.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordGate {
    /// Bit `n`: some word is `n` bytes long (bit 63: 63 bytes or more).
    lengths: u64,
    /// Bit `b % 64` of word `b / 64`: some word starts with byte `b`.
    first_bytes: [u64; 4],
}

impl WordGate {
    /// The gate of `words` (none empty).
    pub const fn new(words: &[&str]) -> Self {
        let mut gate = WordGate { lengths: 0, first_bytes: [0; 4] };
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            assert!(!bytes.is_empty(), "a gate's words are not empty");
            gate.add_bytes(bytes.len(), bytes[0]);
            i += 1;
        }
        gate
    }

    const fn add_bytes(&mut self, len: usize, first: u8) {
        self.lengths |= 1 << if len < 63 { len } else { 63 };
        self.first_bytes[(first / 64) as usize] |= 1 << (first % 64);
    }

    /// The gate that lets through what either gate lets through.
    pub const fn union(self, other: WordGate) -> Self {
        let mut first_bytes = self.first_bytes;
        let mut i = 0;
        while i < 4 {
            first_bytes[i] |= other.first_bytes[i];
            i += 1;
        }
        WordGate { lengths: self.lengths | other.lengths, first_bytes }
    }

    /// Lets `word` through too (a word starting with another ASCII case of
    /// its first letter as well, when `ignore_ascii_case`); an empty word
    /// matches no token and is left out.
    pub fn add(&mut self, word: &str, ignore_ascii_case: bool) {
        let Some(&first) = word.as_bytes().first() else { return };
        self.add_bytes(word.len(), first);
        if ignore_ascii_case {
            self.add_bytes(word.len(), first.to_ascii_lowercase());
            self.add_bytes(word.len(), first.to_ascii_uppercase());
        }
    }

    /// Some word is `len` bytes long (or, for 63, that long or longer).
    #[inline]
    pub fn may_have_length(&self, len: usize) -> bool {
        self.lengths >> len.min(63) & 1 != 0
    }

    /// False when a word of `len` bytes starting with byte `first` is surely none of the words.
    #[inline]
    pub fn may_start(&self, len: usize, first: u8) -> bool {
        self.may_have_length(len) && self.first_bytes[usize::from(first / 64)] >> (first % 64) & 1 != 0
    }

    /// False when `token` (of `text`) is surely none of the words; true when it may be one.
    #[inline]
    pub fn may_match(&self, text: &str, token: &Token) -> bool {
        let len = token.end.wrapping_sub(token.start);
        text.as_bytes().get(token.start).is_some_and(|&first| self.may_start(len, first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORDS: [&str; 6] = ["told", "tells", "interview", ",", "Étude", "a"];

    proptest! {
        #[test]
        fn a_token_the_gate_stops_is_none_of_its_words(
            text in "(told|tells|Told|interviews|interview|Étude|étude|a|an|,|;|x|tol| |-)*",
        ) {
            let gate = WordGate::new(&WORDS);
            for token in crate::text::tokenize(&text, 0..text.len()) {
                let word = token.text(&text);
                if WORDS.contains(&word) {
                    prop_assert!(gate.may_match(&text, &token), "{word:?}");
                }
                // The plain test: some word has the token's length, and some its first byte.
                let length = WORDS.iter().any(|w| w.len() == word.len());
                let first = WORDS.iter().any(|w| w.as_bytes()[0] == word.as_bytes()[0]);
                prop_assert_eq!(gate.may_match(&text, &token), length && first);
            }
        }
    }

    proptest! {
        #[test]
        fn words_added_at_run_time_pass_in_any_ascii_case(words in proptest::collection::vec("[a-zA-Z'.é]{0,70}", 0..6), word in "[a-zA-Z'.é]{1,70}") {
            let (mut exact, mut folded) = (WordGate::default(), WordGate::default());
            for w in &words {
                exact.add(w, false);
                folded.add(w, true);
            }
            let (len, first) = (word.len(), word.as_bytes()[0]);
            if words.contains(&word) {
                prop_assert!(exact.may_start(len, first));
            }
            if words.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                prop_assert!(folded.may_start(len, first));
            }
        }
    }

    proptest! {
        #[test]
        fn a_union_lets_through_what_either_gate_does(len in 0usize..70, first in any::<u8>()) {
            let (a, b) = (WordGate::new(&["told", "a"]), WordGate::new(&["Étude", ","]));
            let either = a.may_start(len, first) || b.may_start(len, first);
            prop_assert!(!either || a.union(b).may_start(len, first));
        }
    }

    #[test]
    fn most_other_words_are_stopped() {
        let text = "He said so to us.";
        let gate = WordGate::new(&WORDS);
        assert!(crate::text::tokenize(text, 0..text.len()).iter().all(|t| !gate.may_match(text, t)));
    }
}
