//! Killings named by nouns, which have no verb to hang a subject on:
//! "Kennedy's assassin, Lee Harvey Oswald", "King assassin James Earl Ray",
//! "John Wilkes Booth, the assassin of Lincoln", "the assassination of
//! Archduke Franz Ferdinand by Gavrilo Princip". CoNLL04's training
//! sentences hold 13 of the possessive, 11 of "assassin of" and several of
//! the others; the BBC corpus names killers the same way ("the killer of
//! Jill Dando"). Only persons kill and are killed here: "the killing of
//! civilians by the army" names no person.

use super::cue_words::Cue;
use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Mention};
use crate::text::TokenKind;

/// A killing a noun names: killer, the noun's token, victim, and whether
/// the noun's modifiers only allege it ("the accused assassin").
pub(super) struct Killing {
    pub(super) killer: Argument,
    pub(super) noun: usize,
    pub(super) victim: Argument,
    pub(super) alleged: bool,
}

/// A noun for the one who killed ("assassin").
fn killer_noun(word: &str) -> bool {
    matches!(word, "assassin" | "killer" | "murderer" | "assassins" | "killers" | "murderers")
}

/// A verdict or charge that names the killer: "convicted of", "charged with".
pub(super) fn verdict(word: &str) -> bool {
    matches!(word, "convicted" | "guilty" | "suspected" | "accused" | "charged" | "arrested" | "indicted")
}

/// A punishment for a deed named after "for": "jailed for the murder of".
pub(super) fn punishment(word: &str) -> bool {
    matches!(word, "convicted" | "sentenced" | "jailed" | "imprisoned" | "executed" | "hanged" | "serving" | "tried")
}

/// Words a punishment may stand before "for": "sentenced to 99 years in prison for".
const MAX_PUNISHMENT_WORDS: usize = 7;

/// A noun for the act ("assassination").
fn killing_noun(word: &str) -> bool {
    matches!(word, "assassination" | "murder" | "killing" | "slaying")
}

impl<'a> Frame<'a> {
    /// The killings the sentence names with nouns, in token order.
    pub(super) fn nominal_killings(&self) -> Vec<Killing> {
        let mut found = Vec::new();
        // A killer and a victim: two persons at least.
        if self.persons().nth(1).is_none() {
            return found;
        }
        debug_assert!((0..self.sentence.tokens.len()).all(|j| {
            let word = self.word(j);
            !(killer_noun(word) || killing_noun(word)) || self.cued(Cue::Killing).any(|c| c == j)
        }));
        for noun in self.cued(Cue::Killing) {
            let word = self.word(noun);
            // "a would-be assassin" killed no one.
            if noun > 0 && self.word(noun - 1) == "would-be" {
                continue;
            }
            let pair = if killer_noun(word) {
                self.killer_named(noun)
            } else if killing_noun(word) {
                self.killing_by(noun)
            } else {
                continue;
            };
            let Some((killer, victim)) = pair else { continue };
            let (Some(killer), Some(victim)) = (Frame::argument(killer), Frame::argument(victim)) else { continue };
            if killer.0 != victim.0 {
                let alleged = self.alleged(noun);
                found.push(Killing { killer, noun, victim, alleged });
            }
        }
        found
    }

    /// "Y's assassin(,) X", "Y assassin X", "X, Y's assassin", "X, the assassin of Y".
    fn killer_named(&self, noun: usize) -> Option<(&&'a Mention, &&'a Mention)> {
        if self.word(noun + 1) == "of" {
            // "X, the assassin of Y": the killer stands before.
            let victim = self.person_at(noun + 2)?;
            return Some((self.apposed_person(noun)?, victim));
        }
        let victim = self.person_possessor(noun).or_else(|| self.person_before(noun))?;
        let after = noun + 1 + usize::from(self.word(noun + 1) == ",");
        let killer = self.person_at(after).or_else(|| self.apposed_person(noun))?;
        Some((killer, victim))
    }

    /// "the assassination of Y by X", "Y's murder by X".
    fn killing_by(&self, noun: usize) -> Option<(&&'a Mention, &&'a Mention)> {
        // "the assassination in 1914 of Y": a date may come between.
        let dated = |j: usize| self.is_time_word(j) || self.sentence.tokens[j].kind == TokenKind::Number;
        let of = (noun + 1..(noun + 4).min(self.sentence.tokens.len()))
            .find(|&j| self.word(j) == "of")
            .filter(|&of| (noun + 1..of).all(|j| self.word(j) == "in" || dated(j)));
        let victim = match of {
            Some(of) => self.person_at(of + 1)?,
            None => self.person_possessor(noun)?,
        };
        let by_from = of.map_or(noun + 1, |_| victim.tokens.end);
        let by = (by_from..(by_from + 3).min(self.sentence.tokens.len())).find(|&j| self.word(j) == "by");
        let killer = match by {
            Some(by) => self.person_at(by + 1)?,
            None => self.convicted_of(noun)?,
        };
        Some((killer, victim))
    }

    /// "X was convicted of Y's killing", "X, suspected of the assassination
    /// of Y", "X was jailed for the murder of Y": the one a verdict or charge
    /// names before "of" or "with", or a punishment before "for", and the
    /// noun's phrase (an article or a possessor and its modifiers).
    fn convicted_of(&self, noun: usize) -> Option<&&'a Mention> {
        let mut start = self.modifiers_start(noun);
        if let Some(owner) = self.possessor(noun) {
            start = owner.tokens.start;
        }
        let link = start.checked_sub(1).filter(|&j| matches!(self.word(j), "of" | "with" | "for"))?;
        let verdict = if self.word(link) == "for" {
            // "sentenced to death for", "serving 99 years in prison for": a punishment a few words back.
            (link.saturating_sub(MAX_PUNISHMENT_WORDS)..link)
                .rev()
                .take_while(|&j| self.word(j) != "," && !self.is_boundary(j))
                .find(|&j| punishment(self.word(j)))?
        } else {
            link.checked_sub(1).filter(|&j| verdict(self.word(j)))?
        };
        // "X, suspected of ...": the name the participle follows.
        if verdict > 0 && self.word(verdict - 1) == "," {
            return self.persons().find(|m| m.tokens.end == verdict - 1);
        }
        let subject = self.subject(verdict)?;
        self.persons().find(|m| m.entity == Some(subject.0) && m.span == subject.1)
    }

    /// The person named at token `at`, after at most five lower-case words,
    /// demonyms or titles ("by young Bosnian nationalist Gavrilo Princip",
    /// "of civil rights leader Martin Luther King"), with no other name or clause before it.
    fn person_at(&self, at: usize) -> Option<&&'a Mention> {
        let m = self.mentions.iter().find(|m| m.tokens.start >= at && m.tokens.start <= at + 5)?;
        let (m, skipped) = if m.kind == EntityKind::Person && m.head {
            (m, at..m.tokens.start)
        } else {
            // A demonym or state before the name: "Austrian Archduke Franz Ferdinand".
            let person = self.heads().find(|p| p.tokens.start >= m.tokens.end && p.tokens.start <= at + 5)?;
            (person, m.tokens.end..person.tokens.start)
        };
        let plain = skipped.clone().all(|j| {
            !self.is_boundary(j) && self.word(j) != "," && !self.lexicon.lists.preposition.contains(self.word(j))
        });
        (m.kind == EntityKind::Person && m.entity.is_some() && plain).then_some(m)
    }

    /// The person whose possessive comes before the noun and its modifiers ("Kennedy's convicted assassin").
    fn person_possessor(&self, noun: usize) -> Option<&&'a Mention> {
        self.possessor(noun).filter(|m| m.kind == EntityKind::Person)
    }

    /// "King assassin James Earl Ray": a person's name right before the noun.
    fn person_before(&self, noun: usize) -> Option<&&'a Mention> {
        self.persons().find(|m| m.tokens.end == noun)
    }

    /// The resolved person mentions, heads or not ("Kennedy" of "Kennedy's assassin").
    fn persons(&self) -> impl Iterator<Item = &&'a Mention> {
        self.mentions.iter().filter(|m| m.kind == EntityKind::Person && m.entity.is_some())
    }

    /// "X, Y's assassin", "X, the convicted assassin of Y": the person before
    /// the comma that opens the noun's phrase.
    fn apposed_person(&self, noun: usize) -> Option<&&'a Mention> {
        let mut start = noun;
        if let Some(owner) = self.possessor(noun) {
            start = owner.tokens.start;
        } else if self.person_before(noun).is_none() {
            start = self.modifiers_start(noun);
        }
        let comma = start.checked_sub(1).filter(|&c| self.word(c) == ",")?;
        self.heads().find(|m| m.tokens.end == comma && m.kind == EntityKind::Person)
    }

    /// "the accused assassin", "the alleged killer", "suspected of the assassination".
    fn alleged(&self, noun: usize) -> bool {
        (noun.saturating_sub(3)..noun).any(|j| matches!(self.word(j), "accused" | "alleged" | "suspected" | "presumed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::relations::cue_words::KILLING_WORDS;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_gate_lets_every_killing_word_through(word in "(assassins?|killers?|murderers?|assassination|murder|killing|slaying|killed|[a-z]{1,14})") {
            if killer_noun(&word) || killing_noun(&word) {
                prop_assert!(KILLING_WORDS.may_start(word.len(), word.as_bytes()[0]));
            }
        }
    }

    #[test]
    fn nouns_are_told_apart() {
        assert!(killer_noun("assassin") && !killer_noun("assassination"));
        assert!(killing_noun("murder") && !killing_noun("murderer"));
    }
}
