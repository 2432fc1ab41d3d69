//! Mention finding: gazetteer names, titled names, capitalised names with cue
//! words, role descriptions ("the Russian President"), report descriptions
//! and pronouns. Each mention records whether it can head a relation argument.
//!
//! [`find`] scans each sentence once: at each token the rule families, one
//! file each, are tried in order (`Scan::scan`, below); `scan.rs` holds the
//! scan's state and the helpers they share. After the scan, `affiliations.rs`
//! and `placements.rs` link the sentence's mentions to each other.

mod affiliations;
mod capitalized;
mod descriptions;
mod gazetteer;
mod groups;
mod placements;
mod pronouns;
mod scan;
mod tagged;
mod titled;

use super::classes::{CAPITALIZED, Capitals, DETERMINER, SentenceClasses, TokenClasses, WordTable};
use super::lexicon::Lexicon;
use super::matches::Matches;
use super::tagger::{DocumentContext, FeatureCache, SentenceView, Tagger, ViewBuffers};
use super::vocabulary::NameType;
use super::{Mention, PublishFact, RoleFact};
use crate::text::Sentence;
use scan::Scan;

/// Mentions and the facts stated in the same breath (titles, "report by").
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub mentions: Vec<Mention>,
    pub roles: Vec<RoleFact>,
    pub publishers: Vec<PublishFact>,
    /// Capitalised names with no cue; the resolver adopts those that repeat a known name.
    pub unknown: Vec<Mention>,
}

/// `words` is the table `classes` was read from; `tagger` is the statistical
/// name tagger, if the pipeline has one; `buffers` are the thread's.
pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
    words: &WordTable,
    lexicon: &Lexicon,
    tagger: Option<&Tagger>,
    buffers: &mut Buffers,
) -> Found {
    // A document has fewer mentions than capitals, give or take its pronouns.
    let mut found = Found { mentions: Vec::with_capacity(classes.capitals()), ..Found::default() };
    let document = match tagger {
        None => DocumentContext::default(),
        Some(_) => {
            buffers.features.serve(words, tagger);
            DocumentContext::new(text, sentences, classes, words, lexicon)
        }
    };
    for (index, sentence) in sentences.iter().enumerate() {
        let classes = classes.sentence(index);
        buffers.matches.refill(text, sentence, classes, lexicon);
        buffers.tag(text, sentence, classes, lexicon, tagger, &document);
        Scan::new(text, index, sentence, classes, lexicon, &mut found, buffers).run();
    }
    found
}

/// The per-token vectors of one sentence, handed from sentence to sentence
/// and kept by the thread between documents (in its workspace), so that they
/// are allocated once and grow to the longest sentence met; and the tagger's
/// features of the words of the thread's word table.
#[derive(Default)]
pub(crate) struct Buffers {
    matches: Matches,
    /// Names the statistical tagger found, by first token: (end token, type);
    /// empty when no model is loaded.
    tagged: Vec<Option<(usize, NameType)>>,
    view: ViewBuffers,
    labels: Vec<usize>,
    features: FeatureCache,
}

impl Buffers {
    /// Name spans from `tagger` into `tagged`, by first token; `tagged` is
    /// left empty when there is no model. Reads `matches`, which must be this
    /// sentence's, and `features`, which must be served for `tagger`.
    fn tag(
        &mut self,
        text: &str,
        sentence: &Sentence,
        classes: SentenceClasses,
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

impl Scan<'_> {
    fn run(&mut self) {
        let first = self.found.mentions.len();
        self.scan();
        self.memberships(first);
        self.placements(first);
        self.appositions(first);
        self.nationalities(first);
    }

    /// What any of the rules in [`Scan::scan`] needs first: a title, a
    /// determiner, a lexicon or tagger name, a capital or a pronoun. Most
    /// tokens have none of these and skip the rules.
    fn may_start_mention(&self, i: usize) -> bool {
        let bits = self.classes.bits(i);
        bits & (CAPITALIZED | DETERMINER | self.lexicon.words.person_pronoun.bit()) != 0
            || self.title(i).is_some()
            || self.gaz(i).is_some()
            || self.tagged.get(i).is_some_and(Option::is_some)
            || self.tokens.get(i).is_some_and(|t| t.end - t.start == 2) && matches!(self.word(i), "it" | "It")
    }

    fn scan(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let next = if self.may_start_mention(i) {
                self.title_and_name(i)
                    .or_else(|| self.description(i))
                    .or_else(|| self.tagged_name(i))
                    .or_else(|| self.gazetteer_name(i))
                    .or_else(|| self.capitalized_name(i))
                    .or_else(|| self.pronoun(i))
            } else {
                None
            };
            match next {
                Some(end) => i = end,
                None => {
                    self.carry_role_state_over(i);
                    i += 1;
                }
            }
        }
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
