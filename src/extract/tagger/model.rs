//! The trained model: its weights, a word's weighted features and the model file.

use std::path::Path;
use std::sync::Arc;

use std::borrow::Cow;

use super::features::{
    AsPrevious, CONSTANTS, Lower, N, NEAR, NEIGHBOUR_FLAGS, POSSESSIVE, Scored, Shape, WordFeatures, feature, fnv,
    pair_prefix,
};
use crate::error::{ModelError, Result};
use crate::extract::model_file;

/// The embedded name-tagger model (see `newsgraph train`).
pub const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../data/model/ner.bin");

pub(super) use crate::extract::perceptron::Weights;

const MAGIC: &[u8; 8] = b"NGTAG01\n";

/// Where a token's features go, in the model's order: into a list of hashes
/// (training, or scoring with another model), or straight into the scores.
/// `known` passes the hash with the weights the view already looked up for it.
pub(super) trait FeatureSink {
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
pub(super) struct Scores<'t> {
    pub(super) weights: &'t Weights<[f32; N]>,
    pub(super) sum: [f32; N],
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
pub(super) struct ConstantWeights {
    pub(super) previous: [[f32; N]; N],
    pub(super) previous_two: [[[f32; N]; N]; N],
    pub(super) flag_bit: [[f32; N]; 12],
    pub(super) context: [[f32; N]; 256],
    pub(super) first_caps: [[f32; N]; 2],
}

/// `Tagger::neighbour_flags` of a view without a model.
pub(super) static NO_FLAG_WEIGHTS: [[f32; N]; 2 << 12] = [[0.0; N]; 2 << 12];

/// The weights of a view without a model, whose features only list hashes.
pub(super) static NO_WEIGHTS: ConstantWeights = ConstantWeights {
    previous: [[0.0; N]; N],
    previous_two: [[[0.0; N]; N]; N],
    flag_bit: [[0.0; N]; 12],
    context: [[0.0; N]; 256],
    first_caps: [[0.0; N]; 2],
};

impl ConstantWeights {
    pub(super) fn of(tagger: &Tagger) -> Self {
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

pub(super) fn best(scores: &[f32; N], prev: usize) -> usize {
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
    pub(super) weights: Weights<[f32; N]>,
    /// Tells the word tables' cached scores of this model from another's.
    pub(super) id: u64,
    pub(super) constants: Box<ConstantWeights>,
    /// The sentence edge's features with this model's weights.
    pub(super) edge: Box<WordFeatures>,
    /// The weights of `NEIGHBOUR_FLAGS`, the previous token's first and the
    /// next token's after them, zero where the model has none: every scored
    /// token reads two, and an index into a table needs no probe of the map.
    pub(super) neighbour_flags: Box<[[f32; N]]>,
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
    /// The model embedded in the binary, read once per process and shared.
    pub fn shared() -> Arc<Self> {
        static SHARED: std::sync::OnceLock<Arc<Tagger>> = std::sync::OnceLock::new();
        Arc::clone(SHARED.get_or_init(|| Arc::new(Tagger::embedded())))
    }

    /// The model embedded in the binary, read anew.
    pub fn embedded() -> Self {
        Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded model is valid (checked by tests)")
    }

    /// The model `ner.bin` of `dir` (a `--lexicon` directory), or the embedded one when it has none.
    pub fn with_override(dir: &Path) -> Result<Self> {
        Ok(model_file::read_override(dir, "ner.bin", Tagger::from_bytes)?.unwrap_or_else(Tagger::embedded))
    }

    /// No weights: the pipeline then runs the rules alone.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub(super) fn with_weights(weights: Weights<[f32; N]>) -> Self {
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
    pub(super) fn weight(&self, feature: u32) -> [f32; N] {
        self.weights.get(&feature).copied().unwrap_or([0.0; N])
    }

    /// The weights of `features` summed in order: a sum continued from a
    /// word's own scores (see `Scores`) is the very sum over all its features.
    pub(super) fn scores(&self, features: &[u32]) -> [f32; N] {
        let mut scores = Scores { weights: &self.weights, sum: [0.0; N] };
        for &f in features {
            scores.hash(f);
        }
        scores.sum
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

    /// Reads a model written by [`Tagger::to_bytes`]; no bytes give the empty model.
    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<Self, ModelError> {
        if bytes.is_empty() {
            return Ok(Tagger::default());
        }
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(ModelError::NotAModel)?;
        let (count, mut rest) = body.split_at_checked(4).ok_or(ModelError::Truncated)?;
        let count = u32::from_le_bytes(count.try_into().map_err(|_| ModelError::Truncated)?) as usize;
        let record = 4 + 4 + 2 * N;
        if rest.len() != count * record {
            return Err(ModelError::WrongLength { found: rest.len(), expected: count * record });
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

/// A word's features with a model's weights: the model holds its sentence edge's.
impl WordFeatures {
    pub(super) fn new(word: &str, reading: usize, tagger: Option<&Tagger>) -> Self {
        // The model learnt "O'Brien" from text with straight apostrophes.
        let word = &*crate::text::straight_apostrophes(word);
        let lower: Cow<'_, str> = if reading & NEAR == 0 {
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
    pub(super) fn edge() -> &'static Self {
        static EDGE: std::sync::OnceLock<WordFeatures> = std::sync::OnceLock::new();
        EDGE.get_or_init(|| Self::edge_with(None))
    }

    /// The edge read with `tagger`'s weights (see `Tagger::edge`).
    pub(super) fn edge_with(tagger: Option<&Tagger>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

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
