//! Averaged-perceptron training.

use super::features::N;
use super::model::{Tagger, Weights, best};
use super::view::SentenceView;

/// One training sentence: its view and gold labels.
pub(crate) struct Example<'a> {
    pub view: SentenceView<'a>,
    pub gold: Vec<usize>,
}

/// Averaged perceptron training, deterministic: a fixed-seed shuffle per epoch.
pub(crate) fn train(examples: &[Example<'_>], epochs: usize, mut progress: impl FnMut(usize, f64)) -> Tagger {
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
