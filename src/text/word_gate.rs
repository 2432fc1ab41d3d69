//! A cheap first test of a token against a few literal words, before the
//! token's text is sliced and compared: rules that look for a handful of words
//! in every token of a sentence ("told", "interview", ",") rule out most
//! tokens by their length and first byte alone. Slicing a token's text checks
//! two character boundaries; that slicing was 5% of extraction's instructions
//! (callgrind, `Token::text`), much of it in such scans.

use super::token::Token;

/// The lengths and first bytes of some words; a token with another length or
/// first byte is none of them.
#[derive(Debug, Clone, Copy)]
pub struct WordGate {
    /// Bit `n`: some word is `n` bytes long (words of 64 bytes or more set none).
    lengths: u64,
    /// Bit `b % 64` of word `b / 64`: some word starts with byte `b`.
    first_bytes: [u64; 4],
}

impl WordGate {
    /// The gate of `words` (none empty, none of 64 bytes or more).
    pub const fn new(words: &[&str]) -> Self {
        let mut gate = WordGate { lengths: 0, first_bytes: [0; 4] };
        let mut i = 0;
        while i < words.len() {
            let bytes = words[i].as_bytes();
            assert!(!bytes.is_empty() && bytes.len() < 64, "a gate's words are 1 to 63 bytes long");
            gate.lengths |= 1 << bytes.len();
            gate.first_bytes[(bytes[0] / 64) as usize] |= 1 << (bytes[0] % 64);
            i += 1;
        }
        gate
    }

    /// False when `token` (of `text`) is surely none of the words; true when it may be one.
    #[inline]
    pub fn may_match(&self, text: &str, token: &Token) -> bool {
        let len = token.end.wrapping_sub(token.start);
        len < 64
            && self.lengths >> len & 1 != 0
            && text
                .as_bytes()
                .get(token.start)
                .is_some_and(|&b| self.first_bytes[usize::from(b / 64)] >> (b % 64) & 1 != 0)
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

    #[test]
    fn most_other_words_are_stopped() {
        let text = "He said so to us.";
        let gate = WordGate::new(&WORDS);
        assert!(crate::text::tokenize(text, 0..text.len()).iter().all(|t| !gate.may_match(text, t)));
    }
}
