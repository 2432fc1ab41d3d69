//! Text stage: sentences and tokens, with byte offsets into the document text.
//!
//! Everything downstream works in byte offsets; [`CharOffsets`] converts them to
//! the Unicode character offsets that the exports promise.

mod abbreviations;
mod lower_word;
mod sentence;
mod token;
mod word_gate;

pub use lower_word::LowerWord;
pub(crate) use lower_word::lowercase_packed;
pub use sentence::{LONGEST_SENTENCE, split_sentences};
pub use token::{Token, TokenKind, straight_apostrophes, tokenize, tokenize_into};
pub use word_gate::WordGate;

use std::ops::Range;

/// A sentence: its byte range in the document and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Bytes of the document text.
    pub range: Range<usize>,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
}

/// Splits `text[body]` into tokenised sentences.
pub fn analyze(text: &str, body: Range<usize>) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let n = analyze_into(text, body, &mut sentences);
    sentences.truncate(n);
    sentences
}

/// [`analyze`] into the first sentences of `sentences`, reusing their token
/// vectors (a thread's earlier documents'), and adding sentences where there
/// are too few; returns how many this text has. Tokens written into vectors
/// the cache still holds cost less than new ones from the allocator, which
/// hands out a page's blocks in turn before it reuses a freed one.
pub fn analyze_into(text: &str, body: Range<usize>, sentences: &mut Vec<Sentence>) -> usize {
    let ranges = split_sentences(text, body);
    for (i, range) in ranges.iter().enumerate() {
        match sentences.get_mut(i) {
            Some(sentence) => {
                tokenize_into(text, range.clone(), &mut sentence.tokens);
                sentence.range = range.clone();
            }
            None => sentences.push(Sentence { tokens: tokenize(text, range.clone()), range: range.clone() }),
        }
    }
    ranges.len()
}

/// Converts byte offsets into character offsets (what Python slicing uses).
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Characters before each block of [`Self::BLOCK`] bytes; `None` for ASCII
    /// text. Counting from the start for every span made long documents quadratic.
    blocks: Option<Vec<usize>>,
}

impl<'a> CharOffsets<'a> {
    const BLOCK: usize = 256;

    /// Counts the characters of `text` once, by blocks (nothing for ASCII text).
    pub fn new(text: &'a str) -> Self {
        let blocks = (!text.is_ascii()).then(|| {
            let mut before = 0;
            let mut blocks = vec![0];
            for chunk in text.as_bytes().chunks(Self::BLOCK) {
                before += char_starts(chunk);
                blocks.push(before);
            }
            blocks
        });
        CharOffsets { text, blocks }
    }

    /// The character offset of byte offset `byte`.
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.blocks {
            None => byte,
            Some(blocks) => {
                let block = byte / Self::BLOCK;
                blocks[block] + char_starts(&self.text.as_bytes()[block * Self::BLOCK..byte])
            }
        }
    }

    /// A byte range as `[start, end)` character offsets, as Python slices count.
    pub fn span(&self, range: &Range<usize>) -> [usize; 2] {
        let start = self.char_offset(range.start);
        let len = if self.blocks.is_none() { range.len() } else { self.text[range.clone()].chars().count() };
        [start, start + len]
    }
}

/// The characters that start in `bytes`: every byte but UTF-8 continuation
/// bytes (`10xxxxxx`). `bytes` may start or end inside a character.
fn char_starts(bytes: &[u8]) -> usize {
    bytecount::num_chars(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_analyzed_into_used_vectors_equal_fresh_ones() {
        let long = "Russia recalled its envoy. The U.S. said so. Mr. Biden met him.\n\nThen what?";
        let short = "Iran’s envoy left; the talks ended.";
        let mut reused = Vec::new();
        for text in [long, short, long] {
            let n = analyze_into(text, 0..text.len(), &mut reused);
            let fresh = analyze(text, 0..text.len());
            assert_eq!(n, fresh.len());
            for (a, b) in reused[..n].iter().zip(&fresh) {
                assert_eq!((&a.range, &a.tokens), (&b.range, &b.tokens), "{text}");
            }
        }
        assert_eq!(reused.len(), 4, "vectors are kept for the longest text");
    }

    proptest::proptest! {
        #[test]
        fn char_starts_are_the_bytes_that_continue_no_character(text in "(.|’|«|Ολυμπία){0,80}", cut in 0usize..8) {
            // Slices that start or end inside a character, as blocks do.
            let bytes = &text.as_bytes()[cut.min(text.len())..];
            let plain = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            proptest::prop_assert_eq!(char_starts(bytes), plain);
        }
    }

    #[test]
    fn char_offsets_count_characters_not_bytes() {
        let text = "Russia’s envoy";
        let offsets = CharOffsets::new(text);
        let byte = text.find("envoy").unwrap();
        assert_eq!(offsets.char_offset(byte), 9);
        assert_eq!(offsets.span(&(byte..byte + 5)), [9, 14]);
    }

    #[test]
    fn char_offsets_agree_with_counting_across_blocks() {
        let text = "Russia’s envoy — «Kremlin» ".repeat(40);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(offsets.char_offset(byte), text[..byte].chars().count(), "byte {byte}");
        }
    }
}
