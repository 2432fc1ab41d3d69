//! Lexicon matches per sentence: gazetteer names and titles at each phrase
//! start. Both the tagger (as features) and the mention rules read them.

use super::classes::SentenceClasses;
use super::lexicon::{GazTarget, Lexicon};
use crate::text::Sentence;

/// Lexicon matches in one sentence, aligned to its tokens.
#[derive(Default)]
pub(crate) struct Matches {
    /// Longest valid gazetteer match starting at each token: (end token, target).
    pub gazetteer: Vec<Option<(usize, GazTarget)>>,
    /// Longest title starting at each token: (end token, title entry).
    pub titles: Vec<Option<(usize, usize)>>,
    /// The only tokens whose entries may be set: the sentence's phrase starts.
    starts: Vec<u32>,
}

impl Matches {
    pub(crate) fn find(text: &str, sentence: &Sentence, classes: SentenceClasses<'_>, lexicon: &Lexicon) -> Self {
        let mut matches = Matches::default();
        matches.refill(text, sentence, classes, lexicon);
        matches
    }

    /// The matches of another sentence, in the vectors of these.
    pub(super) fn refill(&mut self, text: &str, sentence: &Sentence, classes: SentenceClasses<'_>, lexicon: &Lexicon) {
        let tokens = &sentence.tokens[..];
        let Matches { gazetteer, titles, starts } = self;
        // Only the last sentence's phrase starts can hold a match: those are
        // cleared, not every entry (48 bytes a token).
        for &s in starts.iter() {
            if let (Some(gazetteer), Some(title)) = (gazetteer.get_mut(s as usize), titles.get_mut(s as usize)) {
                (*gazetteer, *title) = (None, None);
            }
        }
        gazetteer.resize(tokens.len(), None);
        titles.resize(tokens.len(), None);
        starts.clear();
        starts.extend_from_slice(classes.phrase_starts);
        // One pass over the phrase starts finds the gazetteer's and the titles' matches.
        for &s in classes.phrase_starts {
            let s = s as usize;
            let word = classes.word(s);
            if word.may_start_gazetteer_name() {
                lexicon.gazetteer.for_each_match_from(text, tokens, s, |e, id| {
                    let (target, pattern) = &lexicon.gazetteer_targets[id];
                    if !case_matches(pattern, &text[tokens[s].start..tokens[e].end]) {
                        return;
                    }
                    let better = match gazetteer[s] {
                        None => true,
                        Some((end, old)) => e + 1 > end || (e + 1 == end && priority(*target) < priority(old)),
                    };
                    if better {
                        gazetteer[s] = Some((e + 1, *target));
                    }
                });
            }
            if word.may_start_title() {
                lexicon.titles.for_each_match_from(text, tokens, s, |e, id| {
                    if titles[s].is_none_or(|(end, _)| e + 1 > end) {
                        titles[s] = Some((e + 1, id));
                    }
                });
            }
        }
    }
}

/// Lower numbers win when two gazetteer entries cover the same words.
fn priority(target: GazTarget) -> u8 {
    match target {
        GazTarget::StateName(_) => 0,
        GazTarget::StateSeat(_) => 1,
        GazTarget::Org(_) => 2,
        GazTarget::Person(_) => 3,
        GazTarget::Place(_) => 4,
        GazTarget::StateDemonym(_) => 5,
    }
}

/// The gazetteer matches case-insensitively; a match counts only if every
/// capitalised word of the pattern is capitalised in the text and every
/// acronym is in capitals ("US" matches "US", not "us").
fn case_matches(pattern: &str, found: &str) -> bool {
    pattern.split(' ').zip(found.split(' ')).all(|(p, f)| {
        let mut p_chars = p.chars();
        let Some(first) = p_chars.next() else { return true };
        if !first.is_uppercase() {
            return true;
        }
        let acronym = p.chars().filter(|c| c.is_alphabetic()).count() > 1 && !p.chars().any(char::is_lowercase);
        if acronym { !f.chars().any(char::is_lowercase) } else { f.starts_with(char::is_uppercase) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refilled_matches_are_those_of_the_new_sentence_alone() {
        let lexicon = Lexicon::shared();
        let text = "Prime Minister Boris Johnson visited Russia and Iran.\n\nthen it rained on the very long road there\n\nIran";
        let (sentences, classes) = super::super::classes::analyzed(text, &lexicon);
        assert_eq!(sentences.len(), 3);
        let mut reused = Matches::default();
        for (index, sentence) in sentences.iter().enumerate() {
            reused.refill(text, sentence, classes.sentence(index), &lexicon);
            let fresh = Matches::find(text, sentence, classes.sentence(index), &lexicon);
            assert_eq!(reused.gazetteer, fresh.gazetteer, "sentence {index}");
            assert_eq!(reused.titles, fresh.titles, "sentence {index}");
            assert_eq!(reused.gazetteer.len(), sentence.tokens.len());
        }
        let first = Matches::find(text, &sentences[0], classes.sentence(0), &lexicon);
        // Matches at tokens the next sentence has too, and which start nothing there.
        assert!(first.titles[0].is_some() && first.gazetteer[5].is_some(), "{:?}", first.gazetteer);
    }

    #[test]
    fn case_rule_keeps_pronoun_us_apart_from_the_us() {
        assert!(case_matches("US", "US"));
        assert!(!case_matches("US", "us"));
        assert!(!case_matches("US", "Us"));
        assert!(case_matches("Russia", "RUSSIA"));
        assert!(!case_matches("Russia", "russia"));
        assert!(case_matches("Tass News agency", "Tass News Agency"));
    }
}
