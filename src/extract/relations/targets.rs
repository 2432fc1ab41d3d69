//! Names that only modify the noun a trigger acts on: a possessor ("accept
//! Syria's denials") or a state or place before a common noun ("praises
//! Kashmir moves", "backs China embargo"). Whether they are the target
//! depends on the act: a stance on someone's policy is one on them, a gift
//! to someone's economy is no aid to them.

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::lexicon::RelationEntry;
use crate::extract::vocabulary::EventRelation;
use crate::text::TokenKind;

impl Frame<'_> {
    /// The object only modifies the noun the trigger acts on, and the act does
    /// not pass to it: a possessor or a state before a common noun outside the
    /// acts of `possessor_target` ("promised Britain's rebate", "given US
    /// current account deficit"), or a place before a common noun (the topic:
    /// "Kashmir moves"; a state before an event that happens to it, "the Iraq
    /// war"), except where the act is a visit or an arrival.
    pub(super) fn modifier_is_no_target(
        &self,
        trigger: Range<usize>,
        entry: &RelationEntry,
        object: &Argument,
    ) -> bool {
        if matches!(entry.event, Some(EventRelation::ArrivedIn | EventRelation::Visited | EventRelation::BornIn)) {
            return false;
        }
        let Some(m) = self.mentions.iter().find(|m| m.entity == Some(object.0) && m.span == object.1) else {
            return false;
        };
        let category = entry.kind.plover.as_deref();
        let listed = &self.lexicon.lists.possessor_target;
        let verb = self.lower(trigger.start);
        let owner_kept = category.is_none_or(|c| listed.contains(c))
            || listed.contains(entry.kind.label.as_str())
            || listed.contains(verb.as_str());
        // "demanded that the US cancel plans", "if the United States goes ahead":
        // the subject of a clause, followed by its verb.
        let clause_subject =
            (m.tokens.start.saturating_sub(2)..m.tokens.start).any(|k| self.classes.is(k, &self.lexicon.words.clause));
        if clause_subject {
            return false;
        }
        if self.is_possessor(m) {
            // "Bouteflika's government", "Burundi's forces": the owner acts through them.
            let acting = self.classes.is(m.tokens.end + 1, &self.lexicon.words.state_noun);
            return !owner_kept && !acting;
        }
        // "offered China wide-ranging access": the first of two objects.
        let second_object = matches!(category, Some("AID" | "AGREE")) && m.tokens.start == trigger.end;
        if m.form != Form::Name || second_object || !self.is_common_noun(m.tokens.end) {
            return false;
        }
        // A place before a noun is the topic or the place ("Kashmir moves", "the
        // London market"); a state may own it ("a US offer"), as a possessor does.
        match m.kind {
            EntityKind::Place => true,
            EntityKind::State => {
                !owner_kept || self.lexicon.lists.topic_noun.contains(self.lower(m.tokens.end).as_str())
            }
            _ => false,
        }
    }

    /// "Syria's", "the Tories' idea".
    fn is_possessor(&self, m: &Mention) -> bool {
        let tokens = &self.sentence.tokens;
        let Some(next) = tokens.get(m.tokens.end) else { return false };
        let attached_apostrophe = matches!(self.word(m.tokens.end), "'" | "’")
            && tokens[m.tokens.end - 1].end == next.start
            && self.word(m.tokens.end - 1).ends_with('s');
        next.kind == TokenKind::Possessive || attached_apostrophe
    }

    /// Token `i` is a lower-case noun: no grammar word, preposition, verb of
    /// saying, clause or time word, adverb or verb form.
    fn is_common_noun(&self, i: usize) -> bool {
        let Some(token) = self.sentence.tokens.get(i) else { return false };
        let (lists, words) = (&self.lexicon.lists, &self.lexicon.words);
        let word = self.lower(i);
        token.kind == TokenKind::Word
            && self.word(i).starts_with(char::is_lowercase)
            && !lists.grammar.contains(word.as_str())
            && !lists.preposition.contains(word.as_str())
            && !lists.reporting.contains(word.as_str())
            && !lists.plain_adverb.contains(word.as_str())
            && !self.is_time_word(i)
            && !self.classes.is(i, &words.function)
            && !self.classes.is(i, &words.clause)
            && !self.classes.is(i, &words.speech)
            && !self.classes.is(i, &words.verb)
            // "the Tyumen region", "Jaffna peninsula": part of the place's name.
            && !self.is_place_head(i)
            // "Shona rebels", "Afghan troops": the group acts.
            && !self.classes.is(i, &words.state_noun)
            && !["ly", "ed", "ing"].iter().any(|end| word.ends_with(end))
            // "the US support its plan", "the United States match the offer": a verb.
            && !self.lexicon.lists.participle_determiner.contains(self.lower(i + 1).as_str())
    }

    /// "the Tyumen region", "the Jaffna peninsula": `place_head` lists most
    /// heads capitalised only (asked here once per found object, not per token).
    fn is_place_head(&self, i: usize) -> bool {
        let heads = &self.lexicon.words.place_head;
        let word = self.word(i);
        let mut chars = word.chars();
        let capitalized = chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>());
        heads.contains(word) || capitalized.is_some_and(|w| heads.contains(&w))
    }
}
