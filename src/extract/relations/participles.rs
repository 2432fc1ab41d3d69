//! Reduced relatives: a past participle right after a noun, with no
//! auxiliary and without the object its verb needs, describes that noun
//! ("the men seized at a hotel", "suspects detained without trial in the UK",
//! "detainees released from Guantanamo"): the noun is its patient, not its
//! agent, and the agent is only the one after "by".

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::lexicon::RelationEntry;
use crate::text::TokenKind;

impl Frame<'_> {
    /// The trigger is a past participle of a verb that takes an object,
    /// right after a noun and right before a preposition that opens no time
    /// phrase ("attacked on Monday" is a verb) and no infinitive.
    pub(super) fn is_reduced_relative(&self, trigger: Range<usize>, entry: &RelationEntry) -> bool {
        let s = trigger.start;
        if trigger.len() != 1 || !entry.direct || s == 0 {
            return false;
        }
        let (lists, words) = (&self.lexicon.lists, &self.lexicon.words);
        let verb = self.lower(s);
        let participle = verb.ends_with("ed") || verb.ends_with("en") || self.classes.is(s, &words.verb);
        if !participle || lists.intransitive.contains(verb.as_str()) {
            return false;
        }
        let before = self.lower(s - 1);
        let noun = self.sentence.tokens[s - 1].kind == TokenKind::Word
            && (self.in_mention(s - 1) || self.word(s - 1).starts_with(char::is_lowercase))
            && !lists.grammar.contains(before.as_str())
            && !lists.reporting.contains(before.as_str())
            && !lists.adverb.contains(before.as_str())
            && !before.ends_with("ly")
            && !self.classes.is(s - 1, &words.function)
            && !self.classes.is(s - 1, &words.person_pronoun)
            && !matches!(before.as_str(), "it" | "they" | "we" | "i" | "you" | "there");
        let next = self.lower(s + 1);
        let time = self.is_time_word(s + 2)
            || self.classes.is(s + 2, &words.function)
            || self.sentence.tokens.get(s + 2).is_some_and(|t| t.kind == TokenKind::Number);
        noun && lists.preposition.contains(next.as_str()) && next != "to" && !(time && next != "by")
    }

    /// A reduced relative's agent (after "by") and patient (the noun it
    /// follows, if that is a name).
    pub(super) fn reduced_relative_arguments(&self, trigger: Range<usize>) -> (Option<Argument>, Option<Argument>) {
        let patient = self.heads().find(|m| m.tokens.end == trigger.start).and_then(|m| Self::argument(m));
        let agent = (self.lower(trigger.end) == "by")
            .then(|| self.first_in(trigger.end + 1..trigger.end + 4, None).and_then(|m| Self::argument(m)))
            .flatten();
        (agent, patient)
    }
}
