//! What the scan of a document keeps: the mentions it found and the
//! per-sentence buffers, with the statistical tagger's names.

use crate::extract::classes::{Capitals, SentenceClasses};
use crate::extract::extraction::{Mention, PublishFact, RoleFact, UnplacedTitle};
use crate::extract::lexicon::Lexicon;
use crate::extract::matches::Matches;
use crate::extract::tagger::{DocumentContext, FeatureCache, SentenceView, Tagger, ViewBuffers};
use crate::extract::vocabulary::NameType;
use crate::text::Sentence;

/// Mentions and the facts stated in the same breath (titles, "report by").
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub mentions: Vec<Mention>,
    pub roles: Vec<RoleFact>,
    pub publishers: Vec<PublishFact>,
    /// Titles with a role and nothing beside them to hold it for.
    pub unplaced_titles: Vec<UnplacedTitle>,
    /// Capitalised names with no cue; the resolver adopts those that repeat a known name.
    pub unknown: Vec<Mention>,
}

/// The per-token vectors of one sentence, handed from sentence to sentence
/// and kept by the thread between documents (in its workspace), so that they
/// are allocated once and grow to the longest sentence met; and the tagger's
/// features of the words of the thread's word table.
#[derive(Default)]
pub(crate) struct Buffers {
    pub(super) matches: Matches,
    /// Names the statistical tagger found, by first token: (end token, type);
    /// empty when no model is loaded.
    pub(super) tagged: Vec<Option<(usize, NameType)>>,
    view: ViewBuffers,
    labels: Vec<usize>,
    pub(super) features: FeatureCache,
}

impl Buffers {
    /// Name spans from `tagger` into `tagged`, by first token; `tagged` is
    /// left empty when there is no model. Reads `matches`, which must be this
    /// sentence's, and `features`, which must be served for `tagger`.
    pub(super) fn tag(
        &mut self,
        text: &str,
        sentence: &Sentence,
        classes: SentenceClasses<'_>,
        lexicon: &Lexicon,
        tagger: Option<&Tagger>,
        document: &DocumentContext,
    ) {
        self.tagged.clear();
        let Some(tagger) = tagger else { return };
        self.tagged.resize(sentence.tokens.len(), None);
        let buffers = std::mem::take(&mut self.view);
        let (matches, features) = (&self.matches, &self.features);
        let view =
            SentenceView::new(text, sentence, classes, features, Some(tagger), matches, lexicon, document, buffers);
        tagger.tag_into(&view, &mut self.labels);
        self.view = view.into_buffers();
        name_spans(&self.labels, classes.capitalized, &mut self.tagged);
    }
}

/// The names in a sentence's BIO labels, by first token: (end token, type).
/// The labels are the tagger's, which after "outside" scores only capitals:
/// from an "outside" label the next name can only start at the next capital.
fn name_spans(labels: &[usize], capitals: &[u32], spans: &mut [Option<(usize, NameType)>]) {
    let n = labels.len();
    let mut capitals = Capitals::new(capitals);
    let mut i = 0;
    while i < n {
        if labels[i] == 0 {
            i = capitals.from(i + 1, n);
            continue;
        }
        let name_type = NameType::of_tagger_label(labels[i]);
        let mut end = i + 1;
        while end < n && NameType::is_inside_label(labels[end]) && NameType::of_tagger_label(labels[end]) == name_type {
            end += 1;
        }
        spans[i] = name_type.map(|t| (end, t));
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoding of label numbers agrees with the tagger's label names.
    #[test]
    fn tagger_labels_decode_to_their_name_types() {
        for (label, name) in crate::extract::tagger::LABELS.iter().enumerate() {
            let expected = match name.split_once('-').map_or("", |(_, kind)| kind) {
                "PER" => Some(NameType::Person),
                "LOC" => Some(NameType::Place),
                "ORG" => Some(NameType::Organization),
                "MISC" => Some(NameType::Other),
                _ => None,
            };
            assert_eq!(NameType::of_tagger_label(label), expected, "{name}");
            assert_eq!(NameType::is_inside_label(label), name.starts_with("I-"), "{name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn name_spans_found_from_the_capitals_are_all_the_names(
            tokens in proptest::collection::vec((proptest::prelude::any::<bool>(), 0..9usize), 0..40),
        ) {
            // Labels as the tagger gives them: after "outside", only a capital is scored.
            let mut labels: Vec<usize> = Vec::new();
            let mut capitals = Vec::new();
            for (i, &(capital, label)) in tokens.iter().enumerate() {
                if capital {
                    capitals.push(i as u32);
                }
                let scored = capital || labels.last().is_some_and(|&l| l != 0);
                labels.push(if scored { label } else { 0 });
            }
            let mut spans = vec![None; labels.len()];
            name_spans(&labels, &capitals, &mut spans);
            // Every token read, one at a time.
            let mut expected = vec![None; labels.len()];
            let mut i = 0;
            while i < labels.len() {
                if labels[i] == 0 {
                    i += 1;
                    continue;
                }
                let kind = (labels[i] - 1) / 2;
                let mut end = i + 1;
                while end < labels.len() && labels[end] != 0 && labels[end].is_multiple_of(2) && (labels[end] - 1) / 2 == kind {
                    end += 1;
                }
                expected[i] = Some((end, kind));
                i = end;
            }
            let kinds: Vec<_> = spans.iter().map(|s| s.map(|(end, t)| (end, t as usize))).collect();
            proptest::prop_assert_eq!(kinds, expected);
        }
    }
}
