//! Judgements told in reported speech: "X called the UK's rebate
//! 'unjustified'", "X described Y as the best chance for peace", "X said
//! Y's policy was 'racist'". The actor named in the judged phrase (its
//! possessor or itself) is criticized or praised, as the word of judgement
//! says (`negative_judgement`, `positive_judgement` of `words.tsv`). BBC dev:
//! "called the Chancellor's tax ...", "described Lord Butler's intervention
//! as 'very important'", "said Foster's takeover offer was 'opportunistic'".

use super::cue_words::Cue;
use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::text::TokenKind;

/// The actors a judgement may fall on.
const JUDGED: [EntityKind; 4] = [EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Group];

/// A judgement found: who judges, who is judged, the word of judgement's token, and whether it blames.
pub(super) struct Judgement {
    pub(super) judge: Argument,
    pub(super) judged: Argument,
    pub(super) word: usize,
    pub(super) blames: bool,
}

/// How the verb at a token introduces its judgement.
#[derive(Clone, Copy, PartialEq)]
enum Verb {
    /// "called X 'arrogant'": the word follows the judged phrase.
    Called,
    /// "described X as ...": the word follows "as".
    Described,
    /// "said X's plan was 'racist'": the word follows a copula, and only blame counts.
    Said,
}

/// How the verb `word` opens a judgement, if it does.
fn judging_verb(word: &str) -> Option<Verb> {
    match word {
        "called" | "calls" | "calling" => Some(Verb::Called),
        "described" | "describes" | "describing" => Some(Verb::Described),
        "said" | "says" => Some(Verb::Said),
        _ => None,
    }
}

impl Frame<'_> {
    /// The sentence's judgements. Only the verbs "called", "described" and
    /// the verbs of saying open one, so most sentences cost a word comparison per token.
    pub(super) fn judgements(&self) -> Vec<Judgement> {
        let mut found = Vec::new();
        // The judged actor is a resolved name or description (`judgement`): some sentences name none.
        if !self.mentions.iter().any(|m| m.entity.is_some() && JUDGED.contains(&m.kind) && m.form != Form::Pronoun) {
            return found;
        }
        debug_assert!(
            (0..self.sentence.tokens.len())
                .all(|j| judging_verb(self.word(j)).is_none() || self.cued(Cue::Judging).any(|c| c == j))
        );
        for j in self.cued(Cue::Judging) {
            let Some(verb) = judging_verb(self.word(j)) else { continue };
            if let Some(judgement) = self.judgement(j, verb) {
                found.push(judgement);
            }
        }
        found
    }

    fn judgement(&self, j: usize, verb: Verb) -> Option<Judgement> {
        let mut k = j + 1;
        if verb == Verb::Said && self.lower(k) == "that" {
            k += 1;
        }
        if self.lower(k) == "the" {
            k += 1;
        }
        // The judged actor opens the phrase, as itself or its possessor ("the UK's rebate").
        // A titled name is judged whole ("Israeli Prime Minister Ariel Sharon"); a pronoun is too loose.
        let actor = |m: &&&Mention| m.entity.is_some() && JUDGED.contains(&m.kind) && m.form != Form::Pronoun;
        let judged = self
            .mentions
            .iter()
            .filter(actor)
            .find(|m| m.head && m.phrase_start == k)
            .or_else(|| self.mentions.iter().filter(actor).find(|m| m.tokens.start == k))?;
        let possessor = self.sentence.tokens.get(judged.tokens.end).is_some_and(|t| t.kind == TokenKind::Possessive);
        // "said the Lords decision was ...": a name modifying the judged noun will do.
        let modifier = self.word(judged.tokens.end).starts_with(char::is_lowercase)
            && !matches!(self.lower(judged.tokens.end).as_str(), "was" | "is" | "were" | "are");
        if verb == Verb::Said && !possessor && !modifier {
            return None;
        }
        let word = match verb {
            Verb::Called => self.judgement_word(judged.tokens.end + usize::from(possessor), 8, true),
            Verb::Described => {
                let after = judged.tokens.end + usize::from(possessor);
                let as_at = (after..(after + 8).min(self.sentence.tokens.len())).find(|&t| self.lower(t) == "as")?;
                self.judgement_word(as_at + 1, 0, false)
            }
            Verb::Said => {
                let after = judged.tokens.end + 1;
                let copula = (after..(after + 4).min(self.sentence.tokens.len()))
                    .find(|&t| matches!(self.lower(t).as_str(), "was" | "is" | "were" | "are"))?;
                self.judgement_word(copula + 1, 0, true).filter(|&(_, blames)| blames)
            }
        };
        let (word, blames) = word?;
        // The judge: the clause's subject ("Chirac has called ..."), or who speaks after ("..., said X").
        let judge = self.subject(j)?;
        let judged = Self::argument(judged)?;
        (judge.0 != judged.0).then_some(Judgement { judge, judged, word, blames })
    }

    /// The word of judgement from token `from`: past up to `noun_words`
    /// lower-case words of the judged phrase ("pounds 3bn rebate"), then an
    /// opening quote (required if `quoted`, unless the word follows at once),
    /// an article and an adverb ("a 'deeply ...'", "very"). Returns it and whether it blames.
    fn judgement_word(&self, from: usize, noun_words: usize, quoted: bool) -> Option<(usize, bool)> {
        let n = self.sentence.tokens.len();
        let mut k = from;
        let mut quote = false;
        let mut skipped = 0;
        // Words of the quoted phrase before its judgement: "a 'step in the wrong direction'".
        let mut quoted_words = 0;
        while k < n && k < from + noun_words + quoted_words + 5 {
            let word = self.word(k);
            if matches!(word, "\"" | "'" | "“" | "‘") {
                quote = true;
            } else if matches!(word, "a" | "an" | "the" | "very" | "so" | "too" | "most") || word.ends_with("ly") {
            } else if let Some(blames) = self.judges(k) {
                return (quote || !quoted || k == from).then_some((k, blames));
            } else if !quote && skipped < noun_words && (!word.starts_with(char::is_uppercase) || self.in_mention(k)) {
                skipped += 1;
            } else if quote && quoted_words < 4 && word.starts_with(char::is_lowercase) && !matches!(word, "not" | "no")
            {
                quoted_words += 1;
            } else {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether token `k` is a word of blame (true) or praise (false); "un" and a
    /// word of praise blames ("unjustified", "unhelpful").
    fn judges(&self, k: usize) -> Option<bool> {
        let lists = &self.lexicon.lists;
        let word = self.lower(k);
        if lists.negative_judgement.contains(word.as_str()) {
            return Some(true);
        }
        if lists.positive_judgement.contains(word.as_str()) {
            return Some(false);
        }
        word.strip_prefix("un").filter(|rest| lists.positive_judgement.contains(rest)).map(|_| true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::relations::cue_words::JUDGING_VERBS;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_gate_lets_every_judging_verb_through(word in "(called|calls|calling|described|describes|describing|said|says|say|Said|[a-z]{1,12})") {
            if judging_verb(&word).is_some() {
                prop_assert!(JUDGING_VERBS.may_start(word.len(), word.as_bytes()[0]));
            }
        }
    }
}
