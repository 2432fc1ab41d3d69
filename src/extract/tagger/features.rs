//! The labels, feature hashing, word shapes and the layout of each word's
//! share of the features (filled with a model's weights in `model.rs`, cached
//! per thread by word id in `view.rs`).

/// Labels in BIO form; index 0 is "outside".
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
pub(super) const N: usize = LABELS.len();

/// FNV-1a over a feature kind and its text (bytes: shapes and digits need no UTF-8 check).
pub(super) fn feature(kind: u8, text: impl AsRef<[u8]>) -> u32 {
    fnv(seed(kind), text.as_ref())
}

/// The hash of the feature kind alone, which every feature hash starts from.
pub(super) const fn seed(kind: u8) -> u32 {
    fnv(0x811c_9dc5, &[kind])
}

/// The hash of `kind` and "a b", without building the string (what the
/// model's pair features are; `WordFeatures` computes them in two halves).
#[cfg(test)]
fn feature2(kind: u8, a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> u32 {
    fnv(pair_prefix(kind, a.as_ref()), b.as_ref())
}

/// The hash of `kind` and "a " so far: `feature2` continues it over `b`.
pub(super) const fn pair_prefix(kind: u8, a: &[u8]) -> u32 {
    fnv(fnv(seed(kind), a), b" ")
}

pub(super) use crate::extract::perceptron::fnv;

/// Feature hashes that depend only on labels, flag bits or the case of the
/// sentence, computed at compile time: per scored token only what varies with
/// the token (words, shapes, the neighbours' flags) is hashed.
pub(super) struct Constants {
    pub(super) bias: u32,
    /// Kind 19: the previous label.
    pub(super) previous: [u32; N],
    /// Kind 20: the two previous labels, `[prev2][prev]`.
    pub(super) previous_two: [[u32; N]; N],
    /// Kind 21 before the word: the previous label.
    pub(super) previous_and_word: [u32; N],
    /// Kind 16: one set lexicon flag bit.
    pub(super) flag_bit: [u32; 12],
    /// Kind 27: the document-context bits as a number.
    pub(super) context: [u32; 256],
    /// Kind 28 before the shape: one document-context bit.
    pub(super) context_bit_and_shape: [u32; 8],
    /// Kinds 22 and 23 before the shape or word, and 24: by whether the sentence is in capitals.
    pub(super) caps_and_shape: [u32; 2],
    pub(super) caps_and_word: [u32; 2],
    pub(super) first_caps: [u32; 2],
}

/// `n` in decimal: the digits end the buffer, from the index returned.
const fn decimal(n: u16) -> ([u8; 5], usize) {
    let mut buf = [0u8; 5];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    (buf, i)
}

const fn feature_of_number(kind: u8, n: u16) -> u32 {
    let (buf, from) = decimal(n);
    fnv(seed(kind), buf.split_at(from).1)
}

const fn pair_prefix_of_number(kind: u8, n: u16) -> u32 {
    let (buf, from) = decimal(n);
    pair_prefix(kind, buf.split_at(from).1)
}

/// "C" when the sentence is in capitals, else "c".
const CAPS: [&[u8]; 2] = [b"c", b"C"];

pub(super) const CONSTANTS: Constants = {
    let mut c = Constants {
        bias: seed(0),
        previous: [0; N],
        previous_two: [[0; N]; N],
        previous_and_word: [0; N],
        flag_bit: [0; 12],
        context: [0; 256],
        context_bit_and_shape: [0; 8],
        caps_and_shape: [pair_prefix(22, CAPS[0]), pair_prefix(22, CAPS[1])],
        caps_and_word: [pair_prefix(23, CAPS[0]), pair_prefix(23, CAPS[1])],
        first_caps: [fnv(seed(24), CAPS[0]), fnv(seed(24), CAPS[1])],
    };
    let mut p = 0;
    while p < N {
        c.previous[p] = fnv(seed(19), LABELS[p].as_bytes());
        c.previous_and_word[p] = pair_prefix(21, LABELS[p].as_bytes());
        let mut p2 = 0;
        while p2 < N {
            c.previous_two[p2][p] = fnv(pair_prefix(20, LABELS[p2].as_bytes()), LABELS[p].as_bytes());
            p2 += 1;
        }
        p += 1;
    }
    let mut bit = 0;
    while bit < 12 {
        c.flag_bit[bit] = feature_of_number(16, bit as u16);
        if bit < 8 {
            c.context_bit_and_shape[bit] = pair_prefix_of_number(28, bit as u16);
        }
        bit += 1;
    }
    let mut n = 0;
    while n < 256 {
        c.context[n] = feature_of_number(27, n as u16);
        n += 1;
    }
    c
};

/// Kinds 17 and 18, the lexicon flags of the previous and the next token as a
/// number, for every value the twelve flag bits can take.
pub(super) static NEIGHBOUR_FLAGS: [[u32; 1 << 12]; 2] = {
    let mut table = [[0; 1 << 12]; 2];
    let mut n = 0;
    while n < 1 << 12 {
        table[0][n] = feature_of_number(17, n as u16);
        table[1][n] = feature_of_number(18, n as u16);
        n += 1;
    }
    table
};

/// Decimal digits of a small number, without allocating.
#[cfg(test)]
fn digits(n: u16, buf: &mut [u8; 5]) -> &[u8] {
    let from;
    (*buf, from) = decimal(n);
    &buf[from..]
}

/// A word's shape, kept inline: no allocation per token.
#[derive(Clone, Copy, Default)]
pub(super) struct Shape {
    pub(super) bytes: [u8; 24],
    pub(super) len: u8,
}

impl Shape {
    /// "Xxxx" → "Xx", "U.S." → "X.X.", "1996" → "d": runs of one class collapse.
    pub(super) fn of(word: &str) -> Self {
        if word.is_ascii() { Self::of_ascii(word.as_bytes()) } else { Self::of_chars(word) }
    }

    fn of_chars(word: &str) -> Self {
        let mut out = Shape::default();
        let mut last = None;
        for c in word.chars() {
            let class = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            };
            if last == Some(class) {
                continue;
            }
            last = Some(class);
            let mut utf8 = [0u8; 4];
            let encoded = class.encode_utf8(&mut utf8).as_bytes();
            let at = out.len as usize;
            if at + encoded.len() > out.bytes.len() {
                break;
            }
            out.bytes[at..at + encoded.len()].copy_from_slice(encoded);
            out.len += encoded.len() as u8;
        }
        out
    }

    /// `of` for ASCII words (nearly all), byte by byte.
    fn of_ascii(word: &[u8]) -> Self {
        let mut out = Shape::default();
        let mut last = None;
        for &b in word {
            let class = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            if last == Some(class) {
                continue;
            }
            last = Some(class);
            if out.len as usize == out.bytes.len() {
                break;
            }
            out.bytes[out.len as usize] = class;
            out.len += 1;
        }
        out
    }

    pub(super) fn of_str(s: &str) -> Self {
        let mut out = Shape::default();
        // Cut at a character boundary; shapes longer than this are vanishingly rare.
        let mut end = s.len().min(out.bytes.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        out.bytes[..end].copy_from_slice(&s.as_bytes()[..end]);
        out.len = end as u8;
        out
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

#[cfg(test)]
pub(super) fn shape(word: &str) -> String {
    String::from_utf8_lossy(Shape::of(word).as_bytes()).into_owned()
}

/// How the features read a token, which decides its lower case and shape:
/// only tokens near a capital are lowered and shaped (the rest are read only
/// inside a name in progress, as they are), and a possessive's shape is "'s".
pub(super) const READINGS: usize = 4;
pub(super) const NEAR: usize = 1;
pub(super) const POSSESSIVE: usize = 2;

/// What the features read of one word in one reading, hashed once per thread:
/// the word's own features with their summed weights, and the hashes its
/// neighbours' features start from or end with.
///
/// A scored token reads five words, and most words are met again only after
/// the cache has let them go: the fields are laid out by the place the word
/// has in the window, so that each place reads one to four cache lines, and
/// what only the trainer and the rarer cases read comes last.
#[repr(C, align(64))]
pub(super) struct WordFeatures {
    pub(super) as_previous: AsPrevious,
    /// The model's weights of `as_neighbour[1]`, read when the word is the next token.
    pub(super) as_next: [f32; N],
    /// Read when the word is scored or is the next token.
    pub(super) shape: Shape,
    pub(super) lower: Lower,
    pub(super) scored: Scored,
    /// The model's weights of `as_neighbour[2]` and `as_neighbour[3]`.
    pub(super) as_second_previous: [f32; N],
    pub(super) as_second_next: [f32; N],
    /// The bias and features 1 to 9 (word, lower case, shape, affixes), as `features` lists them first.
    pub(super) own: Vec<u32>,
    /// Kinds 10 to 13: this word as the previous, next, second previous and second next word.
    pub(super) as_neighbour: [u32; 4],
    pub(super) previous_and_word: [u32; N],
    pub(super) caps_and_shape: [u32; 2],
    pub(super) caps_and_word: [u32; 2],
}

/// What a word gives the token after it: one cache line.
#[repr(C, align(64))]
pub(super) struct AsPrevious {
    /// The model's weights of `as_neighbour[0]`.
    pub(super) weights: [f32; N],
    /// Kind 14 up to this shape, the first of the pair (this shape, the scored token's).
    pub(super) shape_pair: u32,
    /// Kind 26 up to this word, the first of the pair (this word, the scored token's).
    pub(super) word_pair: u32,
}

/// What scoring the word itself starts from, with the model's weights of the
/// label and case features in the common case (after "outside", in a
/// sentence not in capitals), zero where the model has none; the rarer cases
/// are looked up.
#[repr(C)]
pub(super) struct Scored {
    /// The model's scores of `own` alone, summed in the same order: where scoring a token starts.
    pub(super) own_scores: [f32; N],
    pub(super) after_outside: [f32; N],
    pub(super) caps_and_shape: [f32; N],
    pub(super) caps_and_word: [f32; N],
    /// Kind 15 up to this shape, the first of the pair (this shape, the next token's).
    pub(super) shape_pair: u32,
    /// Kind 25 up to this word, the first of the pair (this word, the next token's lower case).
    pub(super) word_pair: u32,
}

/// A word's lower case, in place when it is short (nearly always): the pair
/// features read the neighbours' lower case for every scored token, and a
/// string elsewhere on the heap is one more cache miss each time.
pub(super) enum Lower {
    Inline { bytes: [u8; 22], len: u8 },
    Boxed(Box<str>),
}

impl Lower {
    pub(super) fn new(word: &str) -> Self {
        let mut bytes = [0; 22];
        match bytes.get_mut(..word.len()) {
            Some(inline) => {
                inline.copy_from_slice(word.as_bytes());
                Lower::Inline { bytes, len: word.len() as u8 }
            }
            None => Lower::Boxed(word.into()),
        }
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Inline { bytes, len } => &bytes[..usize::from(*len)],
            Lower::Boxed(word) => word.as_bytes(),
        }
    }

    #[cfg(test)]
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("made from a string")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Putin"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-30"), "d-d-d");
    }

    #[test]
    fn ascii_shapes_equal_the_general_ones() {
        for word in ["Putin", "U.S.", "1996-08-30", "\0a", "McDONALD's", "", "x", &"Ab".repeat(20)] {
            let (fast, general) = (Shape::of_ascii(word.as_bytes()), Shape::of_chars(word));
            assert_eq!(fast.as_bytes(), general.as_bytes(), "{word:?}");
        }
    }

    #[test]
    fn constant_features_equal_the_hashed_ones() {
        let c = &CONSTANTS;
        let mut buf = [0u8; 5];
        assert_eq!(c.bias, feature(0, ""));
        for (p, label) in LABELS.iter().enumerate() {
            assert_eq!(c.previous[p], feature(19, label));
            assert_eq!(fnv(c.previous_and_word[p], b"putin"), feature2(21, label, "putin"));
            for (p2, label2) in LABELS.iter().enumerate() {
                assert_eq!(c.previous_two[p2][p], feature2(20, label2, label));
            }
        }
        for bit in 0..12u16 {
            assert_eq!(c.flag_bit[usize::from(bit)], feature(16, digits(bit, &mut buf)));
        }
        for bit in 0..8u16 {
            assert_eq!(
                fnv(c.context_bit_and_shape[usize::from(bit)], b"Xx"),
                feature2(28, digits(bit, &mut buf), "Xx")
            );
        }
        for n in [0u16, 7, 10, 255] {
            assert_eq!(c.context[usize::from(n)], feature(27, digits(n, &mut buf)));
        }
        for n in [0u16, 7, 10, 255, 2049, 4095] {
            assert_eq!(NEIGHBOUR_FLAGS[0][usize::from(n)], feature(17, digits(n, &mut buf)));
            assert_eq!(NEIGHBOUR_FLAGS[1][usize::from(n)], feature(18, digits(n, &mut buf)));
        }
        for (caps, text) in ["c", "C"].into_iter().enumerate() {
            assert_eq!(fnv(c.caps_and_shape[caps], b"X.X."), feature2(22, text, "X.X."));
            assert_eq!(fnv(c.caps_and_word[caps], b"putin"), feature2(23, text, "putin"));
            assert_eq!(c.first_caps[caps], feature(24, text));
        }
    }

    #[test]
    fn word_features_hash_as_the_model_was_read() {
        let w = WordFeatures::new("Putin", NEAR, None);
        let (lw, shape) = ("putin", "Xx");
        assert_eq!(w.own[..4], [CONSTANTS.bias, feature(1, "Putin"), feature(2, lw), feature(3, shape)]);
        assert_eq!(w.as_neighbour, [10, 11, 12, 13].map(|kind| feature(kind, lw)));
        assert_eq!(fnv(w.as_previous.shape_pair, b"x"), feature2(14, shape, "x"));
        assert_eq!(fnv(w.scored.shape_pair, b"x"), feature2(15, shape, "x"));
        assert_eq!(fnv(w.scored.word_pair, b"met"), feature2(25, lw, "met"));
        assert_eq!(fnv(w.as_previous.word_pair, b"met"), feature2(26, lw, "met"));
        assert_eq!(w.previous_and_word[1], feature2(21, "B-PER", lw));
        assert_eq!(w.caps_and_word[1], feature2(23, "C", lw));
        assert_eq!(w.caps_and_shape[0], feature2(22, "c", shape));
        let far = WordFeatures::new("eBay", 0, None);
        assert_eq!((far.lower.as_str(), far.shape.as_bytes()), ("eBay", &b""[..]));
        // A typographic apostrophe reads as the straight one the model learnt.
        let possessive = WordFeatures::new("’S", NEAR | POSSESSIVE, None);
        assert_eq!((possessive.lower.as_str(), possessive.shape.as_bytes()), ("'s", &b"'s"[..]));
        let name = WordFeatures::new("O’Dowd", NEAR, None);
        assert_eq!(name.own[..4], WordFeatures::new("O'Dowd", NEAR, None).own[..4]);
    }
}
