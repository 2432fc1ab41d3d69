//! The word classes of each token (function word, speech verb, first name,
//! ...), as bits, looked up once per document: the mention rules, the tagger
//! and the relation frames ask about the same tokens many times over.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{Lexicon, WordClass};
use crate::text::Sentence;

/// Bits of classes beyond the word classes of `words.tsv`.
pub(crate) const FIRST_NAME: u32 = 1 << 30;
/// The first word of a relation trigger ("met", "slammed"), in any case.
pub(crate) const TRIGGER_WORD: u32 = 1 << 31;

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
    pub fn add_folded(&mut self, lower: &str, bit: u32) {
        self.entries.entry(lower.into()).or_default().folded |= bit;
    }

    pub fn add_exact(&mut self, word: &str, bit: u32) {
        let entry = self.entries.entry(word.to_lowercase().into()).or_default();
        match entry.exact.iter_mut().find(|(form, _)| **form == *word) {
            Some((_, bits)) => *bits |= bit,
            None => entry.exact.push((word.into(), bit)),
        }
    }

    /// The class bits of `word`.
    pub fn of(&self, word: &str) -> u32 {
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
}

/// The class bits of every token of a document, sentence by sentence.
#[derive(Debug, Default)]
pub struct TokenClasses {
    bits: Vec<u32>,
    /// Where each sentence's tokens start in `bits`.
    starts: Vec<usize>,
}

impl TokenClasses {
    pub fn new(text: &str, sentences: &[Sentence], lexicon: &Lexicon) -> Self {
        let mut bits = Vec::with_capacity(sentences.iter().map(|s| s.tokens.len()).sum());
        let mut starts = Vec::with_capacity(sentences.len() + 1);
        for sentence in sentences {
            starts.push(bits.len());
            bits.extend(sentence.tokens.iter().map(|t| lexicon.classes.of(t.text(text))));
        }
        starts.push(bits.len());
        TokenClasses { bits, starts }
    }

    /// The bits of sentence `index`'s tokens.
    pub fn sentence(&self, index: usize) -> &[u32] {
        &self.bits[self.starts[index]..self.starts[index + 1]]
    }
}

/// The classes of the tokens of one sentence.
#[derive(Clone, Copy)]
pub(crate) struct SentenceClasses<'a>(pub &'a [u32]);

impl SentenceClasses<'_> {
    /// Token `i` is in `class` (false past the end, as for an empty word).
    pub fn is(&self, i: usize, class: &WordClass) -> bool {
        self.bits(i) & class.bit() != 0
    }

    pub fn bits(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_classes_ignore_case_and_exact_ones_do_not() {
        let lexicon = Lexicon::embedded();
        let (speech, function) = (lexicon.words.speech.bit(), lexicon.words.function.bit());
        for word in ["said", "Said", "SAID"] {
            assert_ne!(lexicon.classes.of(word) & speech, 0, "{word}");
        }
        assert_ne!(lexicon.classes.of("The") & function, 0);
        assert_eq!(lexicon.classes.of("the") & function, 0, "function words are listed capitalised");
        assert_ne!(lexicon.classes.of("Aaron") & FIRST_NAME, 0);
        assert_eq!(lexicon.classes.of("aaron") & FIRST_NAME, 0);
        assert_ne!(lexicon.classes.of("Slammed") & TRIGGER_WORD, 0);
        assert_eq!(lexicon.classes.of("Putin"), 0);
    }

    #[test]
    fn classes_agree_with_the_word_classes() {
        let lexicon = Lexicon::embedded();
        let words = &lexicon.words;
        for word in ["said", "Said", "government", "Airport", "of", "The", "the", "Ministry", "ÉTAT", "’s", ""] {
            let bits = lexicon.classes.of(word);
            for class in [&words.speech, &words.function, &words.org_head, &words.place_head, &words.state_noun] {
                assert_eq!(bits & class.bit() != 0, class.contains(word), "{word}");
            }
        }
    }
}
