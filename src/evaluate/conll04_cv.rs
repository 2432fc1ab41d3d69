//! Five-fold cross-validation of the relation classifier on CoNLL04's
//! training sentences: how features and margins are chosen without looking
//! at the dev set. Run by hand (`cargo test --release --lib conll04_cv --
//! --ignored --nocapture`); it needs ../shared.

use super::conll04::parse;
use super::conll04_training::examples;
use crate::extract::Pipeline;
use crate::extract::pairs::{self, Examples, PairModel, PairType};

const FOLDS: usize = 5;
const SEEDS: [u64; 3] = [0x5eed_0001, 0x5eed_0002, 0x5eed_0003];
const MARGINS: [f32; 6] = [0.0, 2.0, 4.0, 6.0, 8.0, 10.0];

#[test]
#[ignore = "needs ../shared and a minute; prints the figures"]
fn five_fold_cross_validation() {
    let path = "../shared/eval/conll04/conll04_train.json";
    let Ok(json) = std::fs::read_to_string(path) else { return };
    let sentences = parse(&json).unwrap();
    let pipeline = Pipeline::embedded();
    let folds: Vec<Examples> = (0..FOLDS)
        .map(|f| {
            let part: Vec<_> = sentences.iter().skip(f).step_by(FOLDS).cloned().collect();
            examples(&pipeline, &part)
        })
        .collect();
    // Per type and margin: (right, wrong, gold).
    let mut counts = vec![[(0usize, 0usize, 0usize); MARGINS.len()]; PairType::ALL.len()];
    for (held, seed) in (0..FOLDS).flat_map(|f| SEEDS.iter().map(move |&s| (f, s))) {
        let mut training = Examples::default();
        for (f, fold) in folds.iter().enumerate() {
            if f != held {
                training.extend(fold);
            }
        }
        // As shipped: the mean of five models, each from its own shuffle seed.
        let seeds: Vec<u64> = (0..5).map(|k| seed.wrapping_mul(31).wrapping_add(k)).collect();
        let model = pairs::train_averaged(&training, super::conll04_training::EPOCHS, &seeds, |_, _| {});
        for (features, truth, allowed) in folds[held].iter() {
            let scores = model.scores(features);
            let best = PairModel::best_relation(&scores, allowed);
            for (m, margin) in MARGINS.iter().enumerate() {
                if truth != 0 {
                    counts[(truth - 1) / 2][m].2 += 1;
                }
                if let Some((class, by)) = best
                    && by > *margin
                {
                    let c = &mut counts[(class - 1) / 2][m];
                    if class == truth { c.0 += 1 } else { c.1 += 1 }
                }
            }
        }
    }
    println!("{} pairs", folds.iter().map(Examples::len).sum::<usize>());
    let f1 = |(right, wrong, gold): (usize, usize, usize)| {
        let p = right as f64 / (right + wrong).max(1) as f64;
        let r = right as f64 / gold.max(1) as f64;
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    for (t, kind) in PairType::ALL.iter().enumerate() {
        for (m, margin) in MARGINS.iter().enumerate() {
            let (p, r, f) = f1(counts[t][m]);
            println!("{:12} margin {margin:4}: P {p:.3} R {r:.3} F1 {f:.3} {:?}", kind.as_str(), counts[t][m]);
        }
    }
    for (m, margin) in MARGINS.iter().enumerate() {
        let sum = counts.iter().fold((0, 0, 0), |a, c| (a.0 + c[m].0, a.1 + c[m].1, a.2 + c[m].2));
        let (p, r, f) = f1(sum);
        println!("all          margin {margin:4}: P {p:.3} R {r:.3} F1 {f:.3}");
    }
}
