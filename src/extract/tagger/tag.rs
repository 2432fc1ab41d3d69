//! Scoring a sentence: one label per token, greedily, left to right.

use super::model::{Scores, Tagger, best};
use super::view::SentenceView;
use crate::extract::classes::Capitals;

impl Tagger {
    /// One label per token.
    #[cfg(test)]
    pub(crate) fn tag(&self, view: &SentenceView<'_>) -> Vec<usize> {
        let mut labels = Vec::new();
        self.tag_into(view, &mut labels);
        labels
    }

    /// One label per token, into `labels`.
    pub(crate) fn tag_into(&self, view: &SentenceView<'_>, labels: &mut Vec<usize>) {
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
}
