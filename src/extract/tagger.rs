//! A greedy averaged-perceptron name tagger: it marks which capitalised
//! words are people, places, organizations or other names when no rule or
//! gazetteer decides. Features are the word, its shape, affixes, neighbours,
//! the previous labels and the lexicon matches around it, hashed to 32 bits.
//!
//! The model is trained by `newsgraph train conll` on CoNLL-2003 `eng.train`
//! and shipped as `data/model/ner.bin`; tagging is deterministic.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::hash::BuildHasherDefault;
use std::path::Path;

use super::classes::{
    ALPHABETIC, CAPITALIZED, Capitals, FIRST_NAME, HAS_LOWER, SentenceClasses, TokenClasses, WordTable,
};
use super::lexicon::{GazTarget, Lexicon, TitleKind, Words};
use super::mentions::Matches;
use super::phrases::Prehashed;
use crate::error::{Error, Result};
use crate::text::{Sentence, Token, TokenKind};

/// The embedded name-tagger model (see `newsgraph train`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../data/model/ner.bin");

/// Labels in BIO form; index 0 is "outside".
pub const LABELS: [&str; 9] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
const N: usize = LABELS.len();
const MAGIC: &[u8; 8] = b"NGTAG01\n";

type Weights<V> = std::collections::HashMap<u32, V, BuildHasherDefault<Prehashed>>;

/// FNV-1a over a feature kind and its text (bytes: shapes and digits need no UTF-8 check).
fn feature(kind: u8, text: impl AsRef<[u8]>) -> u32 {
    fnv(seed(kind), text.as_ref())
}

/// The hash of the feature kind alone, which every feature hash starts from.
const fn seed(kind: u8) -> u32 {
    fnv(0x811c_9dc5, &[kind])
}

/// The hash of `kind` and "a b", without building the string (what the
/// model's pair features are; `WordFeatures` computes them in two halves).
#[cfg(test)]
fn feature2(kind: u8, a: impl AsRef<[u8]>, b: impl AsRef<[u8]>) -> u32 {
    fnv(pair_prefix(kind, a.as_ref()), b.as_ref())
}

/// The hash of `kind` and "a " so far: `feature2` continues it over `b`.
const fn pair_prefix(kind: u8, a: &[u8]) -> u32 {
    fnv(fnv(seed(kind), a), b" ")
}

const fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// Feature hashes that depend only on labels, flag bits or the case of the
/// sentence, computed at compile time: per scored token only what varies with
/// the token (words, shapes, the neighbours' flags) is hashed.
struct Constants {
    bias: u32,
    /// Kind 19: the previous label.
    previous: [u32; N],
    /// Kind 20: the two previous labels, `[prev2][prev]`.
    previous_two: [[u32; N]; N],
    /// Kind 21 before the word: the previous label.
    previous_and_word: [u32; N],
    /// Kind 16: one set lexicon flag bit.
    flag_bit: [u32; 12],
    /// Kind 27: the document-context bits as a number.
    context: [u32; 256],
    /// Kind 28 before the shape: one document-context bit.
    context_bit_and_shape: [u32; 8],
    /// Kinds 22 and 23 before the shape or word, and 24: by whether the sentence is in capitals.
    caps_and_shape: [u32; 2],
    caps_and_word: [u32; 2],
    first_caps: [u32; 2],
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

const CONSTANTS: Constants = {
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
static NEIGHBOUR_FLAGS: [[u32; 1 << 12]; 2] = {
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
struct Shape {
    bytes: [u8; 24],
    len: u8,
}

impl Shape {
    /// "Xxxx" → "Xx", "U.S." → "X.X.", "1996" → "d": runs of one class collapse.
    fn of(word: &str) -> Self {
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

    fn of_str(s: &str) -> Self {
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

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

#[cfg(test)]
fn shape(word: &str) -> String {
    String::from_utf8_lossy(Shape::of(word).as_bytes()).into_owned()
}

/// The word classes the model was trained on, as its feature bits: first
/// name 6, organization head 8, place head 9, function word 10.
fn model_classes(bits: u32, words: &Words) -> u16 {
    let has = |class: u32, bit: u16| u16::from(bits & class != 0) << bit;
    has(FIRST_NAME, 6) | has(words.org_head.bit(), 8) | has(words.place_head.bit(), 9) | has(words.function.bit(), 10)
}

/// Lexicon facts about each token, as bits, into `flags`.
fn token_flags(
    sentence: &Sentence,
    classes: SentenceClasses,
    matches: &Matches,
    lexicon: &Lexicon,
    readings: &[u8],
    flags: &mut Vec<u16>,
) {
    let n = sentence.tokens.len();
    flags.clear();
    flags.resize(n, 0);
    // Matches are few, and only at the phrase starts: one pass over those
    // finds the gazetteer's and the titles'.
    for &start in classes.phrase_starts {
        let start = start as usize;
        let (gazetteer, title) = (&matches.gazetteer[start], &matches.titles[start]);
        if let Some((end, target)) = gazetteer {
            let bit = match target {
                GazTarget::StateName(_) => 0,
                GazTarget::StateDemonym(_) => 1,
                GazTarget::StateSeat(_) => 2,
                GazTarget::Org(_) => 3,
                GazTarget::Person(_) => 4,
                GazTarget::Place(_) => 5,
            };
            for f in &mut flags[start..(*end).min(n)] {
                *f |= 1 << bit;
            }
            flags[start] |= 1 << 11;
        }
        if let Some((end, entry)) = title
            && lexicon.title_entries[*entry].kind != TitleKind::Descriptor
        {
            for f in &mut flags[start..(*end).min(n)] {
                *f |= 1 << 7;
            }
        }
    }
    // Every token's classes are worked out, and kept near a capital: a
    // branch on the reading would be guessed wrong around each capital.
    for ((flag, &reading), &bits) in flags.iter_mut().zip(readings).zip(classes.bits) {
        let near = u16::from(usize::from(reading) & NEAR != 0);
        *flag |= model_classes(bits, &lexicon.words) * near;
    }
}

/// What the rest of the document says about each capitalised word: evidence
/// a single sentence cannot give ("Cotti" after "Mr." elsewhere is a person).
#[derive(Debug, Default)]
pub(crate) struct DocumentContext {
    /// By word id (of `table` in `new`).
    words: HashMap<u32, u8>,
}

impl DocumentContext {
    /// `table` is the one `classes` was read from.
    pub fn new(
        text: &str,
        sentences: &[Sentence],
        classes: &TokenClasses,
        table: &WordTable,
        lexicon: &Lexicon,
    ) -> Self {
        // A news article has some tens of distinct capitalised words: room
        // for them from the start saves growing the map four or five times.
        let mut words: HashMap<u32, u8> = HashMap::with_capacity_and_hasher(64, Default::default());
        // The capitalised words in the order they first occur, for the tie below.
        let mut firsts: Vec<(&str, u32)> = Vec::with_capacity(64);
        for (index, sentence) in sentences.iter().enumerate() {
            let tokens = &sentence.tokens;
            let classes = classes.sentence(index);
            for &i in classes.capitalized {
                let (i, token) = (i as usize, &tokens[i as usize]);
                let prev = if i > 0 { tokens[i - 1].text(text) } else { "" };
                // The model classes (see `model_classes`) of the words either side.
                let prev_bits = if i > 0 { classes.bits(i - 1) } else { 0 };
                let mut bits = 0u8;
                if prev_bits & FIRST_NAME != 0 {
                    bits |= 1 << 1;
                }
                if i > 0
                    && (prev_bits & lexicon.words.function.bit() != 0 && prev.ends_with('.')
                        || prev == "Mr"
                        || prev == "Mrs")
                {
                    bits |= 1 << 2;
                }
                if classes.is(i + 1, &lexicon.words.org_head) {
                    bits |= 1 << 3;
                }
                if matches!(prev, "in" | "at" | "near" | "from") {
                    bits |= 1 << 4;
                }
                if i > 0 && classes.bits(i) & HAS_LOWER != 0 {
                    bits |= 1 << 5;
                }
                if classes.is(i + 1, &lexicon.words.speech) {
                    bits |= 1 << 6;
                }
                let id = classes.ids[i];
                *words.entry(id).or_insert_with(|| {
                    firsts.push((token.text(text), id));
                    0
                }) |= bits;
            }
        }
        // Seen in lower case elsewhere. Keyed by the word id of the lower-case
        // form: every token of the document has an id, so a form without one
        // is no token here.
        let mut lower = String::new();
        let mut lowered: HashMap<u32, u32> = HashMap::with_capacity_and_hasher(firsts.len(), Default::default());
        let mut shared = false;
        for &(word, id) in &firsts {
            if let Some(lower_id) = table.id_of_lowercase(word, &mut lower) {
                shared |= lowered.insert(lower_id, id).is_some();
            }
        }
        if shared {
            // Where capitalisations share a lower-case form ("Apple", "APPLE"),
            // only the last in the order of a map of the words by text is
            // marked: the model was trained so. That map is built as it was,
            // one word at a time in order of first occurrence.
            let mut by_text: HashMap<&str, u32> = HashMap::default();
            for &(word, id) in &firsts {
                by_text.insert(word, id);
            }
            lowered.clear();
            for (&word, &id) in &by_text {
                if let Some(lower_id) = table.id_of_lowercase(word, &mut lower) {
                    lowered.insert(lower_id, id);
                }
            }
        }
        if lowered.is_empty() {
            return DocumentContext { words };
        }
        // Most lower-case tokens are no capitalised word's lower case: a bit
        // per id modulo 1,024 turns nearly all of them away before the map.
        // (The seventeenth word stays empty: the tokens that are no lower-case word test it.)
        let mut maybe = [0u64; 17];
        for &id in lowered.keys() {
            maybe[(id as usize >> 6) & 15] |= 1 << (id & 63);
        }
        for (index, sentence) in sentences.iter().enumerate() {
            let classes = classes.sentence(index);
            for ((token, &id), &bits) in sentence.tokens.iter().zip(classes.ids).zip(classes.bits) {
                // A word that starts in lower case has a lower-case letter and
                // no capital first. That test picks the filter's word rather
                // than a branch, and the rare token that passes the filter is
                // the one branch: on the test alone the processor would guess
                // wrong at every capital and punctuation mark.
                let lower_case = bits & (HAS_LOWER | CAPITALIZED) == HAS_LOWER;
                let word = if lower_case { (id as usize >> 6) & 15 } else { 16 };
                if maybe[word] & (1 << (id & 63)) != 0
                    && let Some(original) = lowered.get(&id)
                    && token.text(text).starts_with(char::is_lowercase)
                    && let Some(bits) = words.get_mut(original)
                {
                    *bits |= 1;
                }
            }
        }
        DocumentContext { words }
    }

    /// What the document says of the word with this id.
    fn get(&self, id: u32) -> u8 {
        self.words.get(&id).copied().unwrap_or(0)
    }
}

/// How the features read a token, which decides its lower case and shape:
/// only tokens near a capital are lowered and shaped (the rest are read only
/// inside a name in progress, as they are), and a possessive's shape is "'s".
const READINGS: usize = 4;
const NEAR: usize = 1;
const POSSESSIVE: usize = 2;

/// What the tagger reads of each word of a word table, by word id and
/// reading, filled in the first time it reads it: a thread's cache, kept
/// between documents for as long as its word table keeps the words.
#[derive(Default)]
pub(crate) struct FeatureCache {
    /// The generation of the word table the ids are of.
    table: u64,
    /// The id of the model whose weights the features hold (0: none).
    tagger: u64,
    words: Vec<[OnceCell<Box<WordFeatures>>; READINGS]>,
}

impl FeatureCache {
    /// Makes the cache right for every word of `table` and for `tagger`'s
    /// weights, forgetting the words of a table before and another model's
    /// weights. Call it once the document's words have their ids.
    pub fn serve(&mut self, table: &WordTable, tagger: Option<&Tagger>) {
        let tagger = tagger.map_or(0, Tagger::id);
        if self.table != table.generation() || self.tagger != tagger {
            *self = FeatureCache { table: table.generation(), tagger, words: Vec::new() };
        }
        self.words.resize_with(table.len(), Default::default);
    }
}

/// What the features read of one word in one reading, hashed once per thread:
/// the word's own features with their summed weights, and the hashes its
/// neighbours' features start from or end with.
///
/// A scored token reads five words, and most words are met again only after
/// the cache has let them go: the fields are laid out by the place the word
/// has in the window, so that each place reads one to four cache lines, and
/// what only the trainer and the rarer cases read comes last.
#[repr(C, align(64))]
struct WordFeatures {
    as_previous: AsPrevious,
    /// The model's weights of `as_neighbour[1]`, read when the word is the next token.
    as_next: [f32; N],
    /// Read when the word is scored or is the next token.
    shape: Shape,
    lower: Lower,
    scored: Scored,
    /// The model's weights of `as_neighbour[2]` and `as_neighbour[3]`.
    as_second_previous: [f32; N],
    as_second_next: [f32; N],
    /// The bias and features 1 to 9 (word, lower case, shape, affixes), as `features` lists them first.
    own: Vec<u32>,
    /// Kinds 10 to 13: this word as the previous, next, second previous and second next word.
    as_neighbour: [u32; 4],
    previous_and_word: [u32; N],
    caps_and_shape: [u32; 2],
    caps_and_word: [u32; 2],
}

/// What a word gives the token after it: one cache line.
#[repr(C, align(64))]
struct AsPrevious {
    /// The model's weights of `as_neighbour[0]`.
    weights: [f32; N],
    /// Kind 14 up to this shape, the first of the pair (this shape, the scored token's).
    shape_pair: u32,
    /// Kind 26 up to this word, the first of the pair (this word, the scored token's).
    word_pair: u32,
}

/// What scoring the word itself starts from, with the model's weights of the
/// label and case features in the common case (after "outside", in a
/// sentence not in capitals), zero where the model has none; the rarer cases
/// are looked up.
#[repr(C)]
struct Scored {
    /// The model's scores of `own` alone, summed in the same order: where scoring a token starts.
    own_scores: [f32; N],
    after_outside: [f32; N],
    caps_and_shape: [f32; N],
    caps_and_word: [f32; N],
    /// Kind 15 up to this shape, the first of the pair (this shape, the next token's).
    shape_pair: u32,
    /// Kind 25 up to this word, the first of the pair (this word, the next token's lower case).
    word_pair: u32,
}

/// A word's lower case, in place when it is short (nearly always): the pair
/// features read the neighbours' lower case for every scored token, and a
/// string elsewhere on the heap is one more cache miss each time.
enum Lower {
    Inline { bytes: [u8; 22], len: u8 },
    Boxed(Box<str>),
}

impl Lower {
    fn new(word: &str) -> Self {
        let mut bytes = [0; 22];
        match bytes.get_mut(..word.len()) {
            Some(inline) => {
                inline.copy_from_slice(word.as_bytes());
                Lower::Inline { bytes, len: word.len() as u8 }
            }
            None => Lower::Boxed(word.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Inline { bytes, len } => &bytes[..usize::from(*len)],
            Lower::Boxed(word) => word.as_bytes(),
        }
    }

    #[cfg(test)]
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).expect("made from a string")
    }
}

impl WordFeatures {
    fn new(word: &str, reading: usize, tagger: Option<&Tagger>) -> Self {
        let lower: Cow<str> = if reading & NEAR == 0 {
            word.into()
        } else if word.is_ascii() {
            word.to_ascii_lowercase().into()
        } else if word.chars().any(char::is_uppercase) {
            // `str::to_lowercase` may change the length (and knows the final sigma).
            word.to_lowercase().into()
        } else {
            word.into()
        };
        let shape = if reading & POSSESSIVE != 0 {
            Shape::of_str("'s")
        } else if reading & NEAR != 0 {
            Shape::of(word)
        } else {
            Shape::default()
        };
        Self::from_parts(word, &lower, shape, tagger)
    }

    /// Stands for the neighbours beyond either end of the sentence.
    fn edge() -> &'static Self {
        static EDGE: std::sync::OnceLock<WordFeatures> = std::sync::OnceLock::new();
        EDGE.get_or_init(|| Self::edge_with(None))
    }

    /// The edge read with `tagger`'s weights (see `Tagger::edge`).
    fn edge_with(tagger: Option<&Tagger>) -> Self {
        Self::from_parts("<s>", "<s>", Shape::of_str("<s>"), tagger)
    }

    fn from_parts(word: &str, lower: &str, shape: Shape, tagger: Option<&Tagger>) -> Self {
        let lw = lower.as_bytes();
        let sh = shape.as_bytes();
        let c = &CONSTANTS;
        let mut own = Vec::with_capacity(8);
        own.push(c.bias);
        own.push(feature(1, word));
        own.push(feature(2, lw));
        own.push(feature(3, sh));
        // Affixes are counted in characters; in ASCII a byte is one.
        if lw.is_ascii() {
            for n in 2..=4 {
                if lw.len() > n {
                    own.push(feature(4 + n as u8, &lw[lw.len() - n..]));
                }
            }
            if lw.len() > 3 {
                own.push(feature(9, &lw[..3]));
            }
        } else {
            let n_chars = lower.chars().count();
            let at_char = |k: usize| lower.char_indices().nth(k).map_or(lower.len(), |(b, _)| b);
            for n in 2..=4 {
                if n_chars > n {
                    own.push(feature(4 + n as u8, &lower[at_char(n_chars - n)..]));
                }
            }
            if n_chars > 3 {
                own.push(feature(9, &lower[..at_char(3)]));
            }
        }
        let as_neighbour = [10, 11, 12, 13].map(|kind| feature(kind, lw));
        let previous_and_word = c.previous_and_word.map(|prefix| fnv(prefix, lw));
        let caps_and_shape = c.caps_and_shape.map(|prefix| fnv(prefix, sh));
        let caps_and_word = c.caps_and_word.map(|prefix| fnv(prefix, lw));
        let weight = |feature: u32| tagger.map_or([0.0; N], |t| t.weight(feature));
        WordFeatures {
            as_previous: AsPrevious {
                weights: weight(as_neighbour[0]),
                shape_pair: pair_prefix(14, sh),
                word_pair: pair_prefix(26, lw),
            },
            as_next: weight(as_neighbour[1]),
            shape,
            lower: Lower::new(lower),
            scored: Scored {
                own_scores: tagger.map_or([0.0; N], |t| t.scores(&own)),
                after_outside: weight(previous_and_word[0]),
                caps_and_shape: weight(caps_and_shape[0]),
                caps_and_word: weight(caps_and_word[0]),
                shape_pair: pair_prefix(15, sh),
                word_pair: pair_prefix(25, lw),
            },
            as_second_previous: weight(as_neighbour[2]),
            as_second_next: weight(as_neighbour[3]),
            own,
            as_neighbour,
            previous_and_word,
            caps_and_shape,
            caps_and_word,
        }
    }
}

/// Everything the features need about one sentence.
pub(crate) struct SentenceView<'a> {
    text: &'a str,
    tokens: &'a [Token],
    classes: SentenceClasses<'a>,
    readings: Vec<u8>,
    /// The words' features, served for `tagger`.
    features: &'a FeatureCache,
    /// The model the own scores are summed with; none while training.
    tagger: Option<&'a Tagger>,
    flags: Vec<u16>,
    context: Vec<u8>,
    all_caps: bool,
}

/// The per-token vectors of a sentence view, handed from one sentence to the
/// next so that a document's views allocate them once.
#[derive(Default)]
pub(crate) struct ViewBuffers {
    readings: Vec<u8>,
    flags: Vec<u16>,
    context: Vec<u8>,
}

impl<'a> SentenceView<'a> {
    /// The view of one sentence, in the vectors of `buffers` (default ones,
    /// or those `into_buffers` handed back from the sentence before).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        text: &'a str,
        sentence: &'a Sentence,
        classes: SentenceClasses<'a>,
        features: &'a FeatureCache,
        tagger: Option<&'a Tagger>,
        matches: &Matches,
        lexicon: &Lexicon,
        document: &DocumentContext,
        buffers: ViewBuffers,
    ) -> Self {
        let ViewBuffers { mut readings, mut flags, mut context } = buffers;
        let tokens = &sentence.tokens[..];
        let n = tokens.len();
        context.clear();
        context.resize(n, 0);
        let (mut letters, mut upper) = (0, 0);
        // Features are only computed for tokens that can be names and read two
        // tokens either side; the rest need no lower case, shape or classes.
        readings.clear();
        readings.extend(tokens.iter().map(|t| if t.kind == TokenKind::Possessive { POSSESSIVE as u8 } else { 0 }));
        for &bits in classes.bits {
            letters += usize::from(bits & ALPHABETIC != 0);
            upper += usize::from(bits & (ALPHABETIC | HAS_LOWER) == ALPHABETIC);
        }
        for &i in classes.capitalized {
            let i = i as usize;
            for reading in &mut readings[i.saturating_sub(2)..(i + 3).min(n)] {
                *reading |= NEAR as u8;
            }
            context[i] = document.get(classes.ids[i]);
        }
        token_flags(sentence, classes, matches, lexicon, &readings, &mut flags);
        SentenceView {
            text,
            tokens,
            classes,
            features,
            tagger,
            flags,
            readings,
            context,
            all_caps: letters >= 3 && upper * 10 >= letters * 8,
        }
    }

    /// The view's vectors, for the next sentence's view.
    pub fn into_buffers(self) -> ViewBuffers {
        ViewBuffers { readings: self.readings, flags: self.flags, context: self.context }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The features of token `i + k`, or of the sentence edge.
    fn at(&self, i: usize, k: isize) -> &WordFeatures {
        let Some(j) = i.checked_add_signed(k).filter(|&j| j < self.tokens.len()) else {
            return match self.tagger {
                Some(tagger) => &tagger.edge,
                None => WordFeatures::edge(),
            };
        };
        let reading = usize::from(self.readings[j]);
        self.features.words[self.classes.ids[j] as usize][reading]
            .get_or_init(|| Box::new(WordFeatures::new(self.tokens[j].text(self.text), reading, self.tagger)))
    }

    /// The features of tokens `i - 2` to `i + 2`.
    fn window(&self, i: usize) -> Window<'_> {
        [-2, -1, 0, 1, 2].map(|k| self.at(i, k))
    }

    /// The window of `i`, from the window of `i - 1` when that is `previous`:
    /// names are runs of scored tokens, and four of the five words are read already.
    fn next_window<'v>(&'v self, i: usize, previous: Option<(usize, Window<'v>)>) -> Window<'v> {
        match previous {
            Some((j, w)) if j + 1 == i => [w[1], w[2], w[3], w[4], self.at(i, 2)],
            _ => self.window(i),
        }
    }

    /// Feature hashes of token `i` given the two previous labels: its own, then the rest.
    fn features(&self, i: usize, prev: usize, prev2: usize, out: &mut Vec<u32>) {
        let window = self.window(i);
        out.clear();
        out.extend_from_slice(&window[2].own);
        self.context_features(i, &window, prev, prev2, out);
    }

    /// The features of token `i` (whose window is `window`) that are not the
    /// word's own: neighbours, flags, labels.
    fn context_features(&self, i: usize, window: &Window, prev: usize, prev2: usize, out: &mut impl FeatureSink) {
        let flags_at =
            |k: isize| -> u16 { i.checked_add_signed(k).and_then(|j| self.flags.get(j)).copied().unwrap_or(0) };
        let &[before2, before, word, after, after2] = window;
        let shape = word.shape.as_bytes();
        let caps = usize::from(self.all_caps);
        let c = &CONSTANTS;
        let known = self.tagger.map_or(&NO_WEIGHTS, |t| &*t.constants);
        out.known(before.as_neighbour[0], &before.as_previous.weights);
        out.known(after.as_neighbour[1], &after.as_next);
        out.known(before2.as_neighbour[2], &before2.as_second_previous);
        out.known(after2.as_neighbour[3], &after2.as_second_next);
        out.hash(fnv(before.as_previous.shape_pair, shape));
        out.hash(fnv(word.scored.shape_pair, after.shape.as_bytes()));
        // Set bits in ascending order, as the model lists them.
        let mut f = flags_at(0);
        while f != 0 {
            let bit = f.trailing_zeros() as usize;
            out.known(c.flag_bit[bit], &known.flag_bit[bit]);
            f &= f - 1;
        }
        // `token_flags` sets bits 0 to 11 only, so every value has its entry.
        let (before_flags, after_flags) = (usize::from(flags_at(-1)), usize::from(flags_at(1)));
        let flag_weights = self.tagger.map_or(&NO_FLAG_WEIGHTS[..], |t| &t.neighbour_flags[..]);
        out.known(NEIGHBOUR_FLAGS[0][before_flags], &flag_weights[before_flags]);
        out.known(NEIGHBOUR_FLAGS[1][after_flags], &flag_weights[(1 << 12) | after_flags]);
        out.known(c.previous[prev], &known.previous[prev]);
        out.known(c.previous_two[prev2][prev], &known.previous_two[prev2][prev]);
        if prev == 0 {
            out.known(word.previous_and_word[0], &word.scored.after_outside);
        } else {
            out.hash(word.previous_and_word[prev]);
        }
        if caps == 0 {
            out.known(word.caps_and_shape[0], &word.scored.caps_and_shape);
            out.known(word.caps_and_word[0], &word.scored.caps_and_word);
        } else {
            out.hash(word.caps_and_shape[1]);
            out.hash(word.caps_and_word[1]);
        }
        if i == 0 {
            out.known(c.first_caps[caps], &known.first_caps[caps]);
        }
        out.hash(fnv(word.scored.word_pair, after.lower.as_bytes()));
        let context = usize::from(self.context[i]);
        if context != 0 {
            out.known(c.context[context], &known.context[context]);
            let mut bits = context;
            while bits != 0 {
                out.hash(fnv(c.context_bit_and_shape[bits.trailing_zeros() as usize], shape));
                bits &= bits - 1;
            }
        }
        out.hash(fnv(before.as_previous.word_pair, word.lower.as_bytes()));
    }
}

/// The features of a token and of the two words either side, in text order.
type Window<'v> = [&'v WordFeatures; 5];

/// Where a token's features go, in the model's order: into a list of hashes
/// (training, or scoring with another model), or straight into the scores.
/// `known` passes the hash with the weights the view already looked up for it.
trait FeatureSink {
    fn hash(&mut self, hash: u32);
    fn known(&mut self, hash: u32, weights: &[f32; N]);
}

impl FeatureSink for Vec<u32> {
    fn hash(&mut self, hash: u32) {
        self.push(hash);
    }

    fn known(&mut self, hash: u32, _: &[f32; N]) {
        self.push(hash);
    }
}

/// Scores summed feature by feature, in the order the features come: the sum
/// is the very one `Tagger::scores` makes of the same list, since a weight
/// the model lacks is an added zero.
struct Scores<'t> {
    weights: &'t Weights<[f32; N]>,
    sum: [f32; N],
}

impl FeatureSink for Scores<'_> {
    fn hash(&mut self, hash: u32) {
        if let Some(w) = self.weights.get(&hash) {
            add(&mut self.sum, w);
        }
    }

    fn known(&mut self, _: u32, weights: &[f32; N]) {
        add(&mut self.sum, weights);
    }
}

fn add(sum: &mut [f32; N], weights: &[f32; N]) {
    for (s, x) in sum.iter_mut().zip(weights) {
        *s += x;
    }
}

/// The model's weights of the features that depend on labels, flag bits and
/// document context alone (see `Constants`), zero where it has none.
#[derive(Clone)]
struct ConstantWeights {
    previous: [[f32; N]; N],
    previous_two: [[[f32; N]; N]; N],
    flag_bit: [[f32; N]; 12],
    context: [[f32; N]; 256],
    first_caps: [[f32; N]; 2],
}

/// `Tagger::neighbour_flags` of a view without a model.
static NO_FLAG_WEIGHTS: [[f32; N]; 2 << 12] = [[0.0; N]; 2 << 12];

/// The weights of a view without a model, whose features only list hashes.
static NO_WEIGHTS: ConstantWeights = ConstantWeights {
    previous: [[0.0; N]; N],
    previous_two: [[[0.0; N]; N]; N],
    flag_bit: [[0.0; N]; 12],
    context: [[0.0; N]; 256],
    first_caps: [[0.0; N]; 2],
};

impl ConstantWeights {
    fn of(tagger: &Tagger) -> Self {
        let c = &CONSTANTS;
        ConstantWeights {
            previous: c.previous.map(|f| tagger.weight(f)),
            previous_two: c.previous_two.map(|row| row.map(|f| tagger.weight(f))),
            flag_bit: c.flag_bit.map(|f| tagger.weight(f)),
            context: c.context.map(|f| tagger.weight(f)),
            first_caps: c.first_caps.map(|f| tagger.weight(f)),
        }
    }
}

/// An I- label may only continue its own type.
fn allowed(label: usize, prev: usize) -> bool {
    label == 0 || label % 2 == 1 || prev == label || prev + 1 == label
}

fn best(scores: &[f32; N], prev: usize) -> usize {
    let mut best = 0;
    for label in 1..N {
        if allowed(label, prev) && scores[label] > scores[best] {
            best = label;
        }
    }
    best
}

/// A trained model.
pub struct Tagger {
    weights: Weights<[f32; N]>,
    /// Tells the word tables' cached scores of this model from another's.
    id: u64,
    constants: Box<ConstantWeights>,
    /// The sentence edge's features with this model's weights.
    edge: Box<WordFeatures>,
    /// The weights of `NEIGHBOUR_FLAGS`, the previous token's first and the
    /// next token's after them, zero where the model has none: every scored
    /// token reads two, and an index into a table needs no probe of the map.
    neighbour_flags: Box<[[f32; N]]>,
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::with_weights(Weights::default())
    }
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tagger({} features)", self.weights.len())
    }
}

impl Tagger {
    /// The model embedded in the binary.
    pub fn embedded() -> Self {
        Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded model is valid (checked by tests)")
    }

    /// The model `ner.bin` of `dir` (a `--lexicon` directory), or the embedded one when it has none.
    pub fn with_override(dir: &Path) -> Result<Self> {
        let model = dir.join("ner.bin");
        let bytes = match std::fs::read(&model) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Tagger::embedded()),
            Err(source) => return Err(Error::Io { path: model, source }),
        };
        Tagger::from_bytes(&bytes).map_err(|message| Error::Lexicon { file: "ner.bin".into(), line: 0, message })
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    fn with_weights(weights: Weights<[f32; N]>) -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let mut tagger = Tagger {
            weights,
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            constants: Box::new(NO_WEIGHTS.clone()),
            edge: Box::new(WordFeatures::edge_with(None)),
            neighbour_flags: Box::default(),
        };
        tagger.neighbour_flags = NEIGHBOUR_FLAGS.iter().flatten().map(|&f| tagger.weight(f)).collect();
        tagger.constants = Box::new(ConstantWeights::of(&tagger));
        tagger.edge = Box::new(WordFeatures::edge_with(Some(&tagger)));
        tagger
    }

    /// The weight of one feature, zero where the model has none.
    fn weight(&self, feature: u32) -> [f32; N] {
        self.weights.get(&feature).copied().unwrap_or([0.0; N])
    }

    /// The weights of `features` summed in order: a sum continued from a
    /// word's own scores (see `Scores`) is the very sum over all its features.
    fn scores(&self, features: &[u32]) -> [f32; N] {
        let mut scores = Scores { weights: &self.weights, sum: [0.0; N] };
        for &f in features {
            scores.hash(f);
        }
        scores.sum
    }

    /// One label per token.
    #[cfg(test)]
    pub(crate) fn tag(&self, view: &SentenceView) -> Vec<usize> {
        let mut labels = Vec::new();
        self.tag_into(view, &mut labels);
        labels
    }

    /// One label per token, into `labels`.
    pub(crate) fn tag_into(&self, view: &SentenceView, labels: &mut Vec<usize>) {
        labels.clear();
        labels.reserve(view.len());
        // Only filled when scoring with another model than the view's.
        let mut features = Vec::new();
        let mut window = None;
        let mut capitals = Capitals::new(view.classes.capitalized);
        let mut i = 0;
        while i < view.len() {
            let prev = if i > 0 { labels[i - 1] } else { 0 };
            // A name starts with a capital; elsewhere only a name in progress
            // needs scoring: after "outside", the next capital is the next to score.
            if prev == 0 {
                let next = capitals.from(i, view.len());
                labels.resize(next, 0);
                if next == view.len() {
                    break;
                }
                i = next;
            }
            let prev2 = if i > 1 { labels[i - 2] } else { 0 };
            let scores = if view.tagger.is_some_and(|t| std::ptr::eq(t, self)) {
                let words = view.next_window(i, window);
                window = Some((i, words));
                let mut scores = Scores { weights: &self.weights, sum: words[2].scored.own_scores };
                view.context_features(i, &words, prev, prev2, &mut scores);
                scores.sum
            } else {
                view.features(i, prev, prev2, &mut features);
                self.scores(&features)
            };
            labels.push(best(&scores, prev));
            i += 1;
        }
    }

    /// The model file: magic, count, then (feature, scale, 9 × i16) records sorted by feature.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<&u32> = self.weights.keys().collect();
        keys.sort();
        let mut out = Vec::with_capacity(16 + keys.len() * 26);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for key in keys {
            let w = &self.weights[key];
            let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max == 0.0 { 1.0 } else { max / f32::from(i16::MAX) };
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&scale.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<Self, String> {
        if bytes.is_empty() {
            return Ok(Tagger::default());
        }
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or("not a newsgraph tagger model")?;
        let (count, mut rest) = body.split_at_checked(4).ok_or("truncated model")?;
        let count = u32::from_le_bytes(count.try_into().map_err(|_| "truncated model")?) as usize;
        let record = 4 + 4 + 2 * N;
        if rest.len() != count * record {
            return Err(format!("model holds {} bytes of records, expected {}", rest.len(), count * record));
        }
        let mut weights = Weights::default();
        weights.reserve(count);
        while let Some((r, tail)) = rest.split_at_checked(record) {
            let key = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
            let scale = f32::from_le_bytes([r[4], r[5], r[6], r[7]]);
            let mut w = [0f32; N];
            for (k, x) in w.iter_mut().enumerate() {
                *x = f32::from(i16::from_le_bytes([r[8 + 2 * k], r[9 + 2 * k]])) * scale;
            }
            weights.insert(key, w);
            rest = tail;
        }
        Ok(Tagger::with_weights(weights))
    }
}

/// One training sentence: its view and gold labels.
pub(crate) struct Example<'a> {
    pub view: SentenceView<'a>,
    pub gold: Vec<usize>,
}

/// Averaged perceptron training, deterministic: a fixed-seed shuffle per epoch.
pub(crate) fn train(examples: &[Example], epochs: usize, mut progress: impl FnMut(usize, f64)) -> Tagger {
    #[derive(Clone, Copy, Default)]
    struct Param {
        w: [f32; N],
        total: [f64; N],
        stamp: [u64; N],
    }
    let mut params: Weights<Param> = Weights::default();
    let mut now: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut features = Vec::with_capacity(48);
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let (mut correct, mut total) = (0usize, 0usize);
        for &e in &order {
            let example = &examples[e];
            let mut labels: Vec<usize> = Vec::with_capacity(example.gold.len());
            for i in 0..example.view.len() {
                now += 1;
                let prev = if i > 0 { labels[i - 1] } else { 0 };
                let prev2 = if i > 1 { labels[i - 2] } else { 0 };
                example.view.features(i, prev, prev2, &mut features);
                let mut scores = [0f32; N];
                for f in &features {
                    if let Some(p) = params.get(f) {
                        for (s, x) in scores.iter_mut().zip(&p.w) {
                            *s += x;
                        }
                    }
                }
                let guess = best(&scores, prev);
                let truth = example.gold[i];
                total += 1;
                if guess == truth {
                    correct += 1;
                } else {
                    for f in &features {
                        let p = params.entry(*f).or_default();
                        for (label, delta) in [(truth, 1f32), (guess, -1f32)] {
                            p.total[label] += (now - p.stamp[label]) as f64 * f64::from(p.w[label]);
                            p.stamp[label] = now;
                            p.w[label] += delta;
                        }
                    }
                }
                // Condition on our own history, as at tagging time.
                labels.push(guess);
            }
        }
        progress(epoch + 1, correct as f64 / total.max(1) as f64);
    }
    let mut weights = Weights::default();
    for (key, p) in params {
        let mut w = [0f32; N];
        let mut any = false;
        for (label, slot) in w.iter_mut().enumerate() {
            let total = p.total[label] + (now - p.stamp[label]) as f64 * f64::from(p.w[label]);
            let avg = (total / now as f64) as f32;
            // Tiny averaged weights change no decision; dropping them keeps the model small.
            if avg.abs() >= 1e-3 {
                *slot = avg;
                any = true;
            }
        }
        if any {
            weights.insert(key, w);
        }
    }
    Tagger::with_weights(weights)
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

    /// Views of the sentences of `text`, read with `tagger` (none: every feature scored).
    fn with_views<R>(text: &str, tagger: Option<&Tagger>, f: impl FnOnce(Vec<SentenceView>) -> R) -> R {
        let lexicon = Lexicon::embedded();
        let sentences = crate::text::analyze(text, 0..text.len());
        let mut table = WordTable::new(&lexicon);
        let classes = TokenClasses::new(text, &sentences, &lexicon, &mut table);
        let mut features = FeatureCache::default();
        features.serve(&table, tagger);
        let document = DocumentContext::new(text, &sentences, &classes, &table, &lexicon);
        let views = sentences
            .iter()
            .enumerate()
            .map(|(index, sentence)| {
                let in_sentence = classes.sentence(index);
                let matches = Matches::find(text, sentence, in_sentence, &lexicon);
                let buffers = ViewBuffers::default();
                SentenceView::new(
                    text,
                    sentence,
                    in_sentence,
                    &features,
                    tagger,
                    &matches,
                    &lexicon,
                    &document,
                    buffers,
                )
            })
            .collect();
        f(views)
    }

    /// The lower-case mark as it was first written, by text: the model was
    /// trained on its choice where capitalisations share a lower-case form.
    fn lower_case_marks_by_text(text: &str) -> Vec<(String, bool)> {
        let lexicon = Lexicon::embedded();
        let sentences = crate::text::analyze(text, 0..text.len());
        let mut table = WordTable::new(&lexicon);
        let classes = TokenClasses::new(text, &sentences, &lexicon, &mut table);
        let mut words: HashMap<&str, bool> = HashMap::default();
        let tokens = || sentences.iter().flat_map(|s| &s.tokens).map(|t| t.text(text));
        for word in tokens().filter(|w| w.starts_with(char::is_uppercase)) {
            words.entry(word).or_default();
        }
        let lowered: HashMap<String, &str> = words.keys().map(|w| (w.to_lowercase(), *w)).collect();
        for word in tokens().filter(|w| w.starts_with(char::is_lowercase)) {
            if let Some(original) = lowered.get(word) {
                words.insert(original, true);
            }
        }
        let context = DocumentContext::new(text, &sentences, &classes, &table, &lexicon);
        let mut marks: Vec<(String, bool)> =
            words.keys().map(|w| (w.to_string(), context.get(table.id_of(w).unwrap()) & 1 != 0)).collect();
        marks.sort();
        let mut expected: Vec<(String, bool)> = words.into_iter().map(|(w, m)| (w.to_string(), m)).collect();
        expected.sort();
        assert_eq!(marks, expected);
        marks
    }

    #[test]
    fn a_lower_case_form_marks_one_capitalisation_as_the_model_was_trained() {
        let mut text = String::from("Apple and APPLE sold apple juice. Markets rose; MARKETS fell. The markets shut. ");
        for n in 0..200 {
            text.push_str(&format!("Word{n} WORD{n} word{n} and Other{n} met. "));
        }
        let marks = lower_case_marks_by_text(&text);
        let marked = |w: &str| marks.iter().any(|(word, m)| word == w && *m);
        assert!(marked("Apple") != marked("APPLE"), "one of the two: {marks:?}");
        assert!(!marks.iter().any(|(w, m)| w.starts_with("Other") && *m));
    }

    #[test]
    fn the_view_lowers_only_words_near_a_capital() {
        let text = "the iPhone maker said on monday that ΟΔΟΣ Putin met eBay chiefs";
        let lower: Vec<String> = with_views(text, None, |views| {
            (0..views[0].len()).map(|i| views[0].at(i, 0).lower.as_str().to_string()).collect()
        });
        // "iPhone" is more than two words from a capital; the final sigma stays final.
        let expected = "the iPhone maker said on monday that οδος putin met ebay chiefs";
        assert_eq!(lower, expected.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn scores_from_cached_weights_equal_scores_of_every_feature() {
        let tagger = Tagger::embedded();
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples/seed-article.txt")).unwrap();
        let (cached, full) = (
            with_views(&text, Some(&tagger), |views| views.iter().map(|v| tagger.tag(v)).collect::<Vec<_>>()),
            with_views(&text, None, |views| views.iter().map(|v| tagger.tag(v)).collect::<Vec<_>>()),
        );
        assert!(cached.iter().flatten().any(|&label| label != 0));
        assert_eq!(cached, full);
        with_views(&text, Some(&tagger), |views| {
            let mut features = Vec::new();
            for view in &views {
                for i in 0..view.len() {
                    view.features(i, 1, 0, &mut features);
                    let mut continued = Scores { weights: &tagger.weights, sum: view.at(i, 0).scored.own_scores };
                    view.context_features(i, &view.window(i), 1, 0, &mut continued);
                    assert_eq!(continued.sum.map(f32::to_bits), tagger.scores(&features).map(f32::to_bits));
                }
            }
        });
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
        let possessive = WordFeatures::new("’S", NEAR | POSSESSIVE, None);
        assert_eq!((possessive.lower.as_str(), possessive.shape.as_bytes()), ("’s", &b"'s"[..]));
    }

    #[test]
    fn bio_constraint_blocks_stray_inside_labels() {
        assert!(!allowed(2, 0), "I-PER after O");
        assert!(allowed(2, 1), "I-PER after B-PER");
        assert!(allowed(2, 2));
        assert!(!allowed(4, 1), "I-LOC after B-PER");
    }

    #[test]
    fn a_lexicon_directory_may_hold_the_model() {
        let dir = std::env::temp_dir().join(format!("newsgraph-tagger-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let embedded = Tagger::with_override(&dir).unwrap();
        std::fs::write(dir.join("ner.bin"), Tagger::default().to_bytes()).unwrap();
        let empty = Tagger::with_override(&dir).unwrap();
        std::fs::write(dir.join("ner.bin"), b"garbage").unwrap();
        let garbage = Tagger::with_override(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(embedded.weights.len(), Tagger::embedded().weights.len());
        assert!(empty.is_empty());
        assert!(garbage.is_err());
    }

    #[test]
    fn model_bytes_round_trip() {
        let mut tagger = Tagger::default();
        tagger.weights.insert(7, [0.5, -1.0, 0.0, 0.25, 0.0, 0.0, 0.0, 0.0, 2.0]);
        let back = Tagger::from_bytes(&tagger.to_bytes()).unwrap();
        let w = back.weights[&7];
        assert!((w[1] + 1.0).abs() < 1e-3 && (w[8] - 2.0).abs() < 1e-3);
        assert!(Tagger::from_bytes(b"garbage").is_err());
    }
}
