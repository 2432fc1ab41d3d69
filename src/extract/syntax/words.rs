//! What the tagger and the parser read of a word: hashes of its normalised
//! forms, affixes and shape, computed once per word into a reused value.
//! Normalised as the treebank writes: typographic quotes and apostrophes are
//! straight ones ("’s" is "'s"), and for the lower-case form digits are 0.

use crate::extract::perceptron::fnv;

/// FNV-1a's offset basis.
pub(super) const BASIS: u32 = 0x811c_9dc5;

/// A word's hashes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct WordInfo {
    /// The form as written (quotes straightened).
    pub form: u32,
    /// Lower case, digits as 0.
    pub lower: u32,
    /// The first one, two and three characters of `lower`.
    pub prefix: [u32; 3],
    /// The last one to four characters of `lower`.
    pub suffix: [u32; 4],
    /// Capitals as X, small letters as x, digits as d, others as themselves, runs cut at three.
    pub shape: u32,
}

/// Stands for the words beyond either end of the sentence.
pub(super) const EDGE: WordInfo = WordInfo { form: 1, lower: 1, prefix: [1; 3], suffix: [1; 4], shape: 1 };

/// Stands for a missing word (an empty stack slot, a missing child).
pub(super) const NONE: u32 = 2;

/// The treebank's character for `c`: straight quotes and apostrophes.
fn straight(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' => '\'',
        '“' | '”' | '„' => '"',
        _ => c,
    }
}

impl WordInfo {
    /// The hashes of `word`; `scratch` holds its lower-case form meanwhile.
    pub(super) fn of(word: &str, scratch: &mut String) -> Self {
        scratch.clear();
        let mut form = BASIS;
        let mut shape = BASIS;
        let (mut last_shape, mut run) = ('\0', 0);
        let mut bytes = [0u8; 4];
        for c in word.chars().map(straight) {
            form = fnv(form, c.encode_utf8(&mut bytes).as_bytes());
            let kind = if c.is_ascii_digit() {
                'd'
            } else if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else {
                c
            };
            run = if kind == last_shape { run + 1 } else { 1 };
            last_shape = kind;
            if run <= 3 {
                shape = fnv(shape, kind.encode_utf8(&mut bytes).as_bytes());
            }
            if c.is_ascii_digit() {
                scratch.push('0');
            } else if c.is_ascii() {
                scratch.push(c.to_ascii_lowercase());
            } else {
                scratch.extend(c.to_lowercase());
            }
        }
        let lower = scratch.as_str();
        let mut starts = lower.char_indices().map(|(i, _)| i).chain([lower.len()]);
        let mut prefix = [BASIS; 3];
        let mut from = starts.next().unwrap_or(0);
        for p in &mut prefix {
            let to = starts.next().unwrap_or(lower.len());
            *p = fnv(fnv(BASIS, b"p"), &lower.as_bytes()[..to.max(from)]);
            from = to;
        }
        let mut suffix = [BASIS; 4];
        let mut ends = lower.char_indices().rev().map(|(i, _)| i);
        for s in &mut suffix {
            let at = ends.next().unwrap_or(0);
            *s = fnv(fnv(BASIS, b"s"), &lower.as_bytes()[at..]);
        }
        WordInfo { form, lower: fnv(BASIS, lower.as_bytes()), prefix, suffix, shape }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_quotes_read_as_straight_ones_and_digits_as_zero() {
        let mut scratch = String::new();
        assert_eq!(WordInfo::of("’s", &mut scratch), WordInfo::of("'s", &mut scratch));
        assert_eq!(WordInfo::of("“", &mut scratch), WordInfo::of("\"", &mut scratch));
        let (a, b) = (WordInfo::of("1984", &mut scratch), WordInfo::of("2021", &mut scratch));
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        let (upper, lower) = (WordInfo::of("Putin", &mut scratch), WordInfo::of("putin", &mut scratch));
        assert_eq!(upper.lower, lower.lower);
        assert_ne!(upper.shape, lower.shape);
    }

    #[test]
    fn affixes_count_characters() {
        let mut scratch = String::new();
        let word = WordInfo::of("Éclairs", &mut scratch);
        let same_end = WordInfo::of("stirs", &mut scratch);
        assert_eq!(word.suffix[..3], same_end.suffix[..3], "-s, -rs, -irs");
        assert_ne!(word.suffix[3], same_end.suffix[3]);
        assert_eq!(word.prefix[0], WordInfo::of("é", &mut scratch).prefix[2], "a short word is its own prefix");
    }
}
