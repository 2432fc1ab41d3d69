//! Training the relation classifier on CoNLL04 sentences: the pipeline (its
//! rules and name tagger, without a relation classifier) finds the mentions,
//! and each candidate pair is labelled by the gold relation between the gold
//! entities its mentions match.

use super::conll04::GoldSentence;
use crate::extract::Pipeline;
use crate::extract::pairs::{self, Examples, PairModel, PairType};
use crate::input::Document;

/// Passes over the training pairs: on CoNLL04 dev, F1 rose up to about this
/// many and then stayed flat.
pub const EPOCHS: usize = 10;

impl GoldSentence {
    /// Both spans lie inside one gold entity.
    fn within_one_entity(&self, first: (usize, usize), second: (usize, usize)) -> bool {
        self.entities.iter().any(|e| e.span.0 <= first.0 && second.1 <= e.span.1)
    }

    /// The class of a pair of mentions (byte spans, in sentence order): the
    /// gold relation between the entities they match, in its direction.
    fn class_of(&self, first: (usize, usize), second: (usize, usize)) -> usize {
        let (first, second) = (self.token_range(first), self.token_range(second));
        for r in &self.relations {
            let (head, tail) =
                (self.token_range(self.entities[r.head].span), self.token_range(self.entities[r.tail].span));
            let kind = PairType::parse(r.kind).expect("the reader knows only CoNLL04 types");
            if (head, tail) == (first, second) {
                return pairs::class(kind, true);
            }
            if (head, tail) == (second, first) {
                return pairs::class(kind, false);
            }
        }
        0
    }
}

/// The labelled candidate pairs of `sentences`, in order, as `pipeline`
/// (without its relation classifier) finds their mentions.
pub fn examples(pipeline: &Pipeline, sentences: &[GoldSentence]) -> Examples {
    use rayon::prelude::*;
    let pipeline = pipeline.clone().with_pairs(None);
    let extractions: Vec<_> = sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let doc = Document { id: format!("sentence{i}"), text: s.text.clone(), ..Document::default() };
            pipeline.extract(&doc)
        })
        .collect();
    let mut examples = Examples::default();
    for (sentence, extraction) in sentences.iter().zip(&extractions) {
        let analyzed = crate::text::analyze(&sentence.text, 0..sentence.text.len());
        let lexicon = pipeline.lexicon();
        pairs::for_each_pair(
            &sentence.text,
            &analyzed,
            &extraction.mentions,
            lexicon,
            |_, view, (a, b), allowed, features| {
                let span = |m: &crate::extract::Mention| (m.span.start, m.span.end);
                let (first, second) = (span(view.mentions[a]), span(view.mentions[b]));
                // "Columbus , Miss." is one gold place at times, two at others: no lesson.
                if !sentence.within_one_entity(first, second) {
                    examples.push(features, sentence.class_of(first, second), allowed);
                }
            },
        );
    }
    examples
}

/// Trains the relation classifier on `sentences` for `epochs` passes
/// ([`EPOCHS`] when `None`) from each of [`SEEDS`], and averages the models;
/// `progress` hears each pass's training accuracy.
pub fn train(
    pipeline: &Pipeline,
    sentences: &[GoldSentence],
    epochs: Option<usize>,
    progress: impl FnMut(usize, f64),
) -> PairModel {
    pairs::train_averaged(&examples(pipeline, sentences), epochs.unwrap_or(EPOCHS), &SEEDS, progress)
}

/// The shuffle seeds of the models whose mean is shipped: in five-fold CV on
/// CoNLL04 train the mean of five took pair F1 from 0.561 to 0.580 with no
/// margin and from 0.467 to 0.471 at 8, precision up at every margin.
const SEEDS: [u64; 5] = [0x9e37_79b9_7f4a_7c15, 0x5eed_0001, 0x5eed_0002, 0x5eed_0003, 0x5eed_0004];

#[cfg(test)]
mod tests {
    use super::super::conll04::parse;

    #[test]
    fn a_pair_is_labelled_by_the_gold_relation_in_its_direction() {
        let json = r#"[{"tokens": ["Ann", "Tovey", "of", "Norwick", "Holdings", "met", "Joe", "Hale", "."],
            "tags": ["B-Peop", "L-Peop", "O", "B-Org", "L-Org", "O", "B-Peop", "L-Peop", "O"],
            "relations": [{"head": 0, "tail": 1, "type": "Work_For"}]}]"#;
        let s = &parse(json).unwrap()[0];
        let (ann, norwick, joe) = ((0, 9), (13, 29), (34, 42));
        let work = crate::extract::pairs::class(crate::extract::pairs::PairType::WorkFor, true);
        assert_eq!(s.class_of(ann, norwick), work);
        assert_eq!(s.class_of(norwick, joe), 0);
        assert!(s.within_one_entity((13, 20), (21, 29)) && !s.within_one_entity(ann, norwick));
    }
}
