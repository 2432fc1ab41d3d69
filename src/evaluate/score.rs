//! Precision, recall and F1 from true and false positives and false negatives.

use std::collections::BTreeMap;
use std::fmt::Write;

/// True positives, false positives and false negatives.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold standard.
    pub tp: usize,
    /// Predicted, but not in the gold standard.
    pub fp: usize,
    /// In the gold standard, but not predicted.
    pub fn_: usize,
}

impl Counts {
    /// The share of predictions that are right (0 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// The share of the gold standard that was predicted (0 when it is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    /// Adds another type's or document's counts, for a micro average.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A precision/recall/F1 table: one row per type, then the micro average.
pub fn score_table(per_type: &BTreeMap<String, Counts>) -> String {
    score_table_with(per_type, &[], 8)
}

/// The same table with rows of its own after the micro average, and a type
/// column `type_width` wide (CoNLL04's "OrgBased_In" needs 12).
pub fn score_table_with(per_type: &BTreeMap<String, Counts>, after: &[(&str, Counts)], type_width: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<type_width$} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
        "TYPE", "PRECISION", "RECALL", "F1", "TP", "FP", "FN"
    );
    let mut micro = Counts::default();
    let mut row = |name: &str, c: &Counts| {
        let _ = writeln!(
            out,
            "{:<type_width$} {:>9.3} {:>9.3} {:>9.3} {:>7} {:>7} {:>7}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    };
    for (name, c) in per_type {
        row(name, c);
        micro.add(*c);
    }
    row("micro", &micro);
    for (name, c) in after {
        row(name, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_is_the_harmonic_mean() {
        let c = Counts { tp: 8, fp: 2, fn_: 8 };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.615_384_6).abs() < 1e-6);
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
