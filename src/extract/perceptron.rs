//! What the two learned models share: feature hashing, the weight table
//! and deterministic averaged-perceptron training. The name tagger
//! (`tagger/`) and the pair classifier (`pairs/`) differ only in their
//! features, classes and decoding.

use std::hash::BuildHasherDefault;

use crate::extract::phrases::Prehashed;

/// Model weights by feature hash (the hashes are used as they are).
pub(crate) type Weights<V> = std::collections::HashMap<u32, V, BuildHasherDefault<Prehashed>>;

/// FNV-1a, continued from `hash` over `bytes`.
pub(crate) const fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// The seed of the training shuffle: a fixed one, so a model is reproducible.
pub(crate) const SHUFFLE_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// Shuffles `order` (Fisher–Yates) with a linear congruential generator
/// carried in `seed`, so the same seed gives the same order on any machine.
pub(crate) fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (*seed >> 33) as usize % (i + 1));
    }
}

#[derive(Clone, Copy)]
struct Param<const N: usize> {
    w: [f32; N],
    total: [f64; N],
    stamp: [u64; N],
}

impl<const N: usize> Default for Param<N> {
    fn default() -> Self {
        Param { w: [0.0; N], total: [0.0; N], stamp: [0; N] }
    }
}

/// An averaged perceptron over `N` classes being trained. The averages are
/// kept lazily: each weight records when it last changed, and its running
/// total catches up only when it changes again or at the end.
pub(crate) struct Averaged<const N: usize> {
    params: Weights<Param<N>>,
    now: u64,
}

impl<const N: usize> Default for Averaged<N> {
    fn default() -> Self {
        Averaged { params: Weights::default(), now: 0 }
    }
}

impl<const N: usize> Averaged<N> {
    /// Starts the next example (the clock the averages are taken over).
    pub(crate) fn tick(&mut self) {
        self.now += 1;
    }

    /// The current (not averaged) score of each class.
    pub(crate) fn scores(&self, features: &[u32]) -> [f32; N] {
        let mut scores = [0f32; N];
        for f in features {
            if let Some(p) = self.params.get(f) {
                for (s, x) in scores.iter_mut().zip(&p.w) {
                    *s += x;
                }
            }
        }
        scores
    }

    /// A wrong guess: the features speak more for `truth` and less for `guess`.
    pub(crate) fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        let now = self.now;
        for f in features {
            let p = self.params.entry(*f).or_default();
            for (class, delta) in [(truth, 1f32), (guess, -1f32)] {
                p.total[class] += (now - p.stamp[class]) as f64 * f64::from(p.w[class]);
                p.stamp[class] = now;
                p.w[class] += delta;
            }
        }
    }

    /// Each feature's weights averaged over every step of training.
    pub(crate) fn averages(self) -> impl Iterator<Item = (u32, [f32; N])> {
        let now = self.now;
        self.params.into_iter().map(move |(key, p)| {
            let mut w = [0f32; N];
            for (class, slot) in w.iter_mut().enumerate() {
                let total = p.total[class] + (now - p.stamp[class]) as f64 * f64::from(p.w[class]);
                *slot = (total / now.max(1) as f64) as f32;
            }
            (key, w)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shuffle_is_a_permutation_fixed_by_its_seed() {
        let (mut a, mut b): (Vec<usize>, Vec<usize>) = ((0..50).collect(), (0..50).collect());
        let (mut seed_a, mut seed_b) = (SHUFFLE_SEED, SHUFFLE_SEED);
        shuffle(&mut a, &mut seed_a);
        shuffle(&mut b, &mut seed_b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
        a.sort_unstable();
        assert_eq!(a, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn averages_weigh_each_weight_by_how_long_it_held() {
        let mut p = Averaged::<2>::default();
        p.tick();
        p.update(&[7], 1, 0); // from step 1 on: class 1 +1, class 0 -1
        p.tick();
        p.tick();
        p.tick(); // held for steps 1 to 4
        let averages: Vec<_> = p.averages().collect();
        assert_eq!(averages, [(7, [-0.75, 0.75])]);
    }
}
