//! The trained model (tagger, move and relation weights), decoding, and the
//! model file `parser.bin`.

use std::path::Path;
use std::sync::Arc;

use super::features::{Sentence, label_features, move_features, tagger_features};
use super::labels::{Label, Upos};
use super::transition::{Move, NO_HEAD, State};
use super::words::WordInfo;
use crate::error::{ModelError, Result};
use crate::extract::model_file;
use crate::extract::weight_table::Table;

/// The embedded parser model (see `newsgraph train --parser`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../data/model/parser.bin");

const MAGIC: &[u8; 8] = b"NGUD01\n\n";

pub(super) const TAGS: usize = Upos::COUNT;
pub(super) const MOVES: usize = 3;
pub(super) const LABELS: usize = Label::COUNT;

/// A part-of-speech tagger and dependency parser trained on a treebank.
#[derive(Default)]
pub struct Parser {
    pub(super) tagger: Table<TAGS>,
    pub(super) moves: Table<MOVES>,
    pub(super) labels: Table<LABELS>,
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Parser({} tagger, {} move and {} relation features)",
            self.tagger.len(),
            self.moves.len(),
            self.labels.len()
        )
    }
}

/// What parsing reuses from one sentence to the next: keep one per thread
/// and pass it to every call, so that parsing allocates nothing once the
/// vectors have grown to the longest sentence.
#[derive(Debug, Default)]
pub struct ParseBuffers {
    pub(super) words: Vec<WordInfo>,
    pub(super) scratch: String,
    pub(super) tags: Vec<u8>,
    pub(super) features: Vec<u32>,
    pub(super) state: State,
    pub(super) upos: Vec<Upos>,
    pub(super) heads: Vec<Option<usize>>,
    pub(super) labels: Vec<Label>,
    /// The bridge from newsgraph's tokens: each word's byte range and token, each token's first word.
    pub(super) ranges: Vec<std::ops::Range<usize>>,
    pub(super) word_token: Vec<usize>,
    pub(super) token_word: Vec<usize>,
    pub(super) relative: Vec<bool>,
}

/// Adds each feature's weights to `sum`.
pub(super) fn add_scores<const N: usize>(weights: &Table<N>, features: &[u32], sum: &mut [f32; N]) {
    // Summed in a local copy, which the compiler keeps in registers (the
    // same additions in the same order, so the same scores).
    let mut total = *sum;
    for &f in features {
        if let Some(w) = weights.get(f) {
            for (s, x) in total.iter_mut().zip(w) {
                *s += x;
            }
        }
    }
    *sum = total;
}

/// The index of the highest score among those `allowed` (the first on a tie).
pub(super) fn best<const N: usize>(scores: &[f32; N], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|b: usize| s > scores[b]) {
            best = Some(i);
        }
    }
    best.unwrap_or(0)
}

impl Parser {
    /// The model embedded in the binary, read once per process and shared.
    pub fn shared() -> Arc<Self> {
        static SHARED: std::sync::OnceLock<Arc<Parser>> = std::sync::OnceLock::new();
        Arc::clone(SHARED.get_or_init(|| Arc::new(Parser::embedded())))
    }

    /// The model embedded in the binary, read anew.
    pub fn embedded() -> Self {
        Parser::from_bytes(EMBEDDED_MODEL).expect("the embedded parser model is valid (checked by tests)")
    }

    /// The model `parser.bin` of `dir` (a `--lexicon` directory), or the embedded one when it has none.
    pub fn with_override(dir: &Path) -> Result<Self> {
        Ok(model_file::read_override(dir, "parser.bin", Parser::from_bytes)?.unwrap_or_else(Parser::embedded))
    }

    /// No weights.
    pub fn is_empty(&self) -> bool {
        self.tagger.is_empty() && self.moves.is_empty()
    }

    /// Tags and parses the words of `buffers.words`, filling `upos`, `heads` and `labels`.
    pub(super) fn decode(&self, buffers: &mut ParseBuffers) {
        let ParseBuffers { words, tags, features, state, upos, heads, labels, .. } = buffers;
        self.tag(words, tags, features);
        let sentence = Sentence { words, tags };
        state.reset(words.len());
        while !state.is_final() {
            move_features(state, &sentence, features);
            let mut scores = [0f32; MOVES];
            add_scores(&self.moves, features, &mut scores);
            let chosen = Move::ALL[best(&scores, |m| state.is_legal(Move::ALL[m]))];
            let label = match state.arc(chosen) {
                None => 0,
                Some((0, _)) => Label::Root as u8,
                Some(_) => self.label(state, chosen, &sentence, features) as u8,
            };
            state.apply(chosen, label);
        }
        upos.clear();
        upos.extend(tags.iter().map(|&t| Upos::from_index(usize::from(t))));
        heads.clear();
        labels.clear();
        for node in &state.nodes[1..] {
            debug_assert!(node.head != NO_HEAD, "every word has a head at the end");
            heads.push(node.head.checked_sub(1).map(|h| h as usize));
            labels.push(Label::from_index(usize::from(node.label)));
        }
    }

    /// The best relation (never the root's) for the arc `m` makes in `state`.
    pub(super) fn label(&self, state: &State, m: Move, sentence: &Sentence<'_>, features: &mut Vec<u32>) -> usize {
        label_features(state, m, sentence, features);
        let mut scores = [0f32; LABELS];
        add_scores(&self.labels, features, &mut scores);
        best(&scores, |l| l != Label::Root as usize)
    }

    /// Greedy left-to-right tagging of `words` into `tags`.
    pub(super) fn tag(&self, words: &[WordInfo], tags: &mut Vec<u8>, features: &mut Vec<u32>) {
        tags.clear();
        for i in 0..words.len() {
            let previous = |back: usize| i.checked_sub(back).map_or(0, |j| u32::from(tags[j]) + 1);
            tagger_features(words, i, previous(1), previous(2), features);
            let mut scores = [0f32; TAGS];
            add_scores(&self.tagger, features, &mut scores);
            tags.push(best(&scores, |_| true) as u8);
        }
    }

    /// The model file: magic, then the tagger's, the moves' and the
    /// relations' tables (see `write_table`), rows in the order of their features.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        write_table(&self.tagger, &mut out);
        write_table(&self.moves, &mut out);
        write_table(&self.labels, &mut out);
        out
    }

    /// Reads a model written by [`Parser::to_bytes`]; no bytes give the empty model.
    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<Self, ModelError> {
        if bytes.is_empty() {
            return Ok(Parser::default());
        }
        let mut rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(ModelError::NotAModel)?;
        let tagger = read_table(&mut rest)?;
        let moves = read_table(&mut rest)?;
        let labels = read_table(&mut rest)?;
        if !rest.is_empty() {
            return Err(ModelError::WrongLength { found: bytes.len(), expected: bytes.len() - rest.len() });
        }
        Ok(Parser { tagger, moves, labels })
    }
}

/// The scale of a row whose largest weight is `max`: a power of 2^(1/4), as one byte.
fn scale_byte(max: f32) -> u8 {
    if max == 0.0 {
        return 0;
    }
    let exponent = (4.0 * (max / 127.0).log2()).ceil() + 128.0;
    exponent.clamp(1.0, 255.0) as u8
}

fn scale_of(byte: u8) -> f32 {
    ((f32::from(byte) - 128.0) / 4.0).exp2()
}

/// A table: its row count and class count, then per row the key's distance
/// from the one before (LEB128), the row's scale byte, a bit per class whose
/// weight is not zero and a signed byte for each such weight: most rows
/// weigh a few classes.
fn write_table<const N: usize>(weights: &Table<N>, out: &mut Vec<u8>) {
    let mut rows: Vec<(u32, &[f32; N])> = weights.iter().collect();
    rows.sort_unstable_by_key(|r| r.0);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&(N as u32).to_le_bytes());
    let mut previous = 0u32;
    for (key, w) in rows {
        let mut gap = key - previous;
        previous = key;
        while gap >= 0x80 {
            out.push((gap & 0x7f) as u8 | 0x80);
            gap >>= 7;
        }
        out.push(gap as u8);
        let byte = scale_byte(w.iter().fold(0f32, |m, x| m.max(x.abs())));
        let quantized = w.map(|x| (x / scale_of(byte)).round().clamp(-127.0, 127.0) as i8);
        out.push(byte);
        let mask_at = out.len();
        out.resize(mask_at + N.div_ceil(8), 0);
        for (class, &q) in quantized.iter().enumerate() {
            if q != 0 {
                out[mask_at + class / 8] |= 1 << (class % 8);
                out.push(q as u8);
            }
        }
    }
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> std::result::Result<&'a [u8], ModelError> {
    let (head, tail) = rest.split_at_checked(n).ok_or(ModelError::Truncated)?;
    *rest = tail;
    Ok(head)
}

fn read_u32(rest: &mut &[u8]) -> std::result::Result<u32, ModelError> {
    let b = take(rest, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_gap(rest: &mut &[u8]) -> std::result::Result<u32, ModelError> {
    let mut gap = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = take(rest, 1)?[0];
        gap |= u32::from(byte & 0x7f).checked_shl(shift).ok_or(ModelError::NotAModel)?;
        if byte & 0x80 == 0 {
            return Ok(gap);
        }
    }
    Err(ModelError::NotAModel)
}

fn read_table<const N: usize>(rest: &mut &[u8]) -> std::result::Result<Table<N>, ModelError> {
    let count = read_u32(rest)? as usize;
    if read_u32(rest)? as usize != N {
        return Err(ModelError::NotAModel);
    }
    // Every scale byte's scale once, not an exp2 per row (10% of loading).
    let scales: [f32; 256] = std::array::from_fn(|b| scale_of(b as u8));
    let (mut keys, mut rows) = (Vec::with_capacity(count.min(rest.len())), Vec::with_capacity(count.min(rest.len())));
    let mut key = 0u32;
    for _ in 0..count {
        key = key.checked_add(read_gap(rest)?).ok_or(ModelError::NotAModel)?;
        let scale = scales[usize::from(take(rest, 1)?[0])];
        let mask = take(rest, N.div_ceil(8))?;
        let mut w = [0f32; N];
        for (class, x) in w.iter_mut().enumerate() {
            if mask[class / 8] & (1 << (class % 8)) != 0 {
                *x = f32::from(take(rest, 1)?[0] as i8) * scale;
            }
        }
        keys.push(key);
        rows.push(w);
    }
    Ok(Table::from_rows(keys, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_bytes_round_trip_and_garbage_is_refused() {
        let parser = Parser {
            moves: Table::from_rows(vec![7], vec![[0.5, -1.0, 0.25]]),
            labels: Table::from_rows(vec![9], vec![[1.0; LABELS]]),
            ..Parser::default()
        };
        let back = Parser::from_bytes(&parser.to_bytes()).unwrap();
        let w = back.moves.get(7).unwrap();
        assert!((w[1] + 1.0).abs() < 1e-2 && (w[0] - 0.5).abs() < 1e-2, "{w:?}");
        assert_eq!(back.labels.len(), 1);
        assert!(Parser::from_bytes(b"garbage").is_err());
        let bytes = parser.to_bytes();
        assert!(Parser::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Parser::from_bytes(b"").unwrap().is_empty());
    }
}
