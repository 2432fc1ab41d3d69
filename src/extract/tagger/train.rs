//! Averaged-perceptron training.

use super::features::N;
use super::model::{Tagger, Weights, best};
use super::view::SentenceView;
use crate::extract::perceptron::{Averaged, SHUFFLE_SEED, shuffle};

/// One training sentence: its view and gold labels.
pub(crate) struct Example<'a> {
    pub view: SentenceView<'a>,
    pub gold: Vec<usize>,
}

/// Averaged perceptron training, deterministic: a fixed-seed shuffle per epoch.
pub(crate) fn train(examples: &[Example<'_>], epochs: usize, mut progress: impl FnMut(usize, f64)) -> Tagger {
    let mut perceptron = Averaged::<N>::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = SHUFFLE_SEED;
    let mut features = Vec::with_capacity(48);
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let (mut correct, mut total) = (0usize, 0usize);
        for &e in &order {
            let example = &examples[e];
            let mut labels: Vec<usize> = Vec::with_capacity(example.gold.len());
            for i in 0..example.view.len() {
                perceptron.tick();
                let prev = if i > 0 { labels[i - 1] } else { 0 };
                let prev2 = if i > 1 { labels[i - 2] } else { 0 };
                example.view.features(i, prev, prev2, &mut features);
                let guess = best(&perceptron.scores(&features), prev);
                let truth = example.gold[i];
                total += 1;
                if guess == truth {
                    correct += 1;
                } else {
                    perceptron.update(&features, truth, guess);
                }
                // Condition on our own history, as at tagging time.
                labels.push(guess);
            }
        }
        progress(epoch + 1, correct as f64 / total.max(1) as f64);
    }
    let mut weights = Weights::default();
    for (key, mut w) in perceptron.averages() {
        // Tiny averaged weights change no decision; dropping them keeps the model small.
        for slot in &mut w {
            if slot.abs() < 1e-3 {
                *slot = 0.0;
            }
        }
        if w.iter().any(|x| *x != 0.0) {
            weights.insert(key, w);
        }
    }
    Tagger::with_weights(weights)
}
