//! Averaged-perceptron training of the pair classifier, deterministic.

use super::model::{N, PairModel};
use crate::extract::perceptron::{Averaged, SHUFFLE_SEED, Weights, shuffle};

/// Training pairs: each one's features, true class and allowed classes.
#[derive(Default)]
pub struct Examples {
    features: Vec<u32>,
    /// (end of its features in `features`, true class, allowed classes).
    pairs: Vec<(usize, usize, u16)>,
}

impl Examples {
    /// Adds a pair; one whose true class its kinds do not allow is left out.
    pub(crate) fn push(&mut self, features: &[u32], class: usize, allowed: u16) {
        if allowed & (1 << class) != 0 {
            self.features.extend_from_slice(features);
            self.pairs.push((self.features.len(), class, allowed));
        }
    }

    /// Pairs held.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// No pairs held.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds every pair of `other`.
    pub fn extend(&mut self, other: &Examples) {
        for i in 0..other.len() {
            let (features, class, allowed) = other.get(i);
            self.push(features, class, allowed);
        }
    }

    /// Each pair's features, true class and allowed classes, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&[u32], usize, u16)> {
        (0..self.len()).map(|i| self.get(i))
    }

    fn get(&self, i: usize) -> (&[u32], usize, u16) {
        let start = if i == 0 { 0 } else { self.pairs[i - 1].0 };
        let (end, class, allowed) = self.pairs[i];
        (&self.features[start..end], class, allowed)
    }
}

/// Trains for `epochs` passes, each in an order shuffled from a fixed seed,
/// so the same examples give the same model, byte for byte.
pub fn train(examples: &Examples, epochs: usize, progress: impl FnMut(usize, f64)) -> PairModel {
    train_from_seed(examples, epochs, SHUFFLE_SEED, progress)
}

/// The mean of the models [`train_from_seed`] makes from each of `seeds`
/// (`progress` hears each pass of each): one seed's order moves single
/// decisions, the mean of a few does not.
pub fn train_averaged(
    examples: &Examples,
    epochs: usize,
    seeds: &[u64],
    mut progress: impl FnMut(usize, f64),
) -> PairModel {
    let mut sum = Weights::default();
    for &seed in seeds {
        for (feature, w) in train_from_seed(examples, epochs, seed, &mut progress).rows() {
            let total = sum.entry(feature).or_insert([0.0; N]);
            for (t, x) in total.iter_mut().zip(w) {
                *t += x / seeds.len() as f32;
            }
        }
    }
    PairModel::from(sum)
}

/// [`train`] with the shuffles drawn from `seed`: cross-validation averages
/// over a few seeds, as one seed's order moves the figures by a point or two.
pub fn train_from_seed(
    examples: &Examples,
    epochs: usize,
    mut seed: u64,
    mut progress: impl FnMut(usize, f64),
) -> PairModel {
    let mut perceptron = Averaged::<N>::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let mut correct = 0usize;
        for &e in &order {
            perceptron.tick();
            let (features, truth, allowed) = examples.get(e);
            let guess = PairModel::best(&perceptron.scores(features), allowed);
            if guess == truth {
                correct += 1;
            } else {
                perceptron.update(features, truth, guess);
            }
        }
        progress(epoch + 1, correct as f64 / examples.len().max(1) as f64);
    }
    // Tiny averaged weights change no decision; dropping them keeps the model small.
    let weights: Weights<[f32; N]> = perceptron.averages().filter(|(_, w)| w.iter().any(|x| x.abs() >= 1e-3)).collect();
    PairModel::from(weights)
}

#[cfg(test)]
mod tests {
    use super::super::model::{PairType, class};
    use super::*;

    #[test]
    fn training_learns_a_separable_pattern_and_is_deterministic() {
        let (work, none) = (class(PairType::WorkFor, true), 0);
        let allowed = 1 | 1 << work;
        let mut examples = Examples::default();
        for i in 0..40u32 {
            examples.push(&[1, 100 + i % 7], work, allowed);
            examples.push(&[2, 100 + i % 5], none, allowed);
        }
        // A class the kinds do not allow is not learnt.
        examples.push(&[3], class(PairType::Kill, true), allowed);
        assert_eq!(examples.len(), 80);
        let model = train(&examples, 5, |_, _| {});
        assert_eq!(PairModel::best(&model.scores(&[1, 104]), allowed), work);
        assert_eq!(PairModel::best(&model.scores(&[2, 104]), allowed), none);
        assert_eq!(model.to_bytes(), train(&examples, 5, |_, _| {}).to_bytes());
    }
}
