//! What the trigger acts on decides its sense: a thing given that is no aid
//! ("gave an intelligence briefing to"), a market quantity ("cut prices",
//! "strong demand for oil"), a thing ordered ("ordered a report on"), and
//! nouns of triggers that name no act ("its best-known brands").

use std::ops::Range;

use super::frame::{Argument, Frame, Lower};
use crate::extract::extraction::EntityKind;
use crate::extract::lexicon::RelationEntry;
use crate::extract::vocabulary::EventRelation;
use crate::text::TokenKind;

impl Frame<'_> {
    /// The words between the trigger and its object name a thing that makes
    /// the act no event between them: a market quantity for trade-like acts,
    /// a thing given that is no aid ("gave an intelligence briefing to
    /// ambassadors"), a thing ordered ("ordered the destruction of X"), or
    /// market demand ("demand for oil from Asia").
    pub(super) fn acts_on_a_thing(&self, trigger: Range<usize>, entry: &RelationEntry, object: &Argument) -> bool {
        let tokens = &self.sentence.tokens;
        let Some(object_start) = tokens.iter().position(|t| t.start >= object.1.start) else { return false };
        let between = trigger.end..object_start.clamp(trigger.end, trigger.end + 8);
        let lists = &self.lexicon.lists;
        let category = entry.kind.plover.as_deref();
        let has =
            |list: &crate::extract::lexicon::WordClass| between.clone().any(|i| list.contains(self.lower(i).as_str()));
        // The thing is a phrase of its own before a preposition that opens the
        // object: "gave an intelligence briefing to X", "ordered the destruction
        // of X" ("gave the Ivory Coast 5 million dollars": the determiner is the object's).
        let preposition = between.clone().rev().find(|&i| lists.preposition.contains(self.lower(i).as_str()));
        let thing = preposition.is_some_and(|q| {
            (trigger.end..q).any(|i| {
                lists.participle_determiner.contains(self.lower(i).as_str()) || tokens[i].kind == TokenKind::Number
            })
        });
        let preposition = preposition.map_or(Lower::default(), |q| self.lower(q));
        let verb = self.lower(trigger.start);
        let trade_like = matches!(category, Some("SANCTION" | "CONCEDE" | "AID" | "DEMAND" | "RETREAT"));
        if trade_like && has(&lists.economic_noun) && !has(&lists.aid_noun) {
            return true;
        }
        if category == Some("AID") && thing && matches!(preposition.as_str(), "to" | "for") && !has(&lists.aid_noun) {
            return true;
        }
        if entry.event == Some(EventRelation::Demanded) && thing && lists.command.contains(verb.as_str()) {
            return true;
        }
        if category == Some("RETREAT") && lists.rescue.contains(verb.as_str()) {
            let people = self.mentions.iter().any(|m| m.span == object.1 && m.kind == EntityKind::Group)
                || between.clone().any(|i| self.classes.is(i, &self.lexicon.words.group_noun));
            if people {
                return true;
            }
        }
        // "strong demand for oil": the noun of the market, not a demand made of anyone.
        verb == "demand"
            && self.lower(trigger.end) == "for"
            && self.word(trigger.end + 1).starts_with(char::is_lowercase)
            && !lists.participle_determiner.contains(self.lower(trigger.end + 1).as_str())
    }

    /// A `verb_only` trigger word used as a noun: not after a name, a
    /// pronoun, "to", an auxiliary, a modal or an adverb that follows one of
    /// those; and, even there, not before a verb or a phrase no verb takes
    /// ("Inbev brands include Bass", "the Rosemount Estates label and",
    /// "brands such as Dove": BBC dev sentences, where "brands"/"label" is a
    /// noun 45 times in 50).
    pub(super) fn noun_of_a_verb_trigger(&self, at: usize) -> bool {
        let lists = &self.lexicon.lists;
        if !lists.verb_only.contains(self.lower(at).as_str()) {
            return false;
        }
        let next = self.lower(at + 1);
        let noun_follows = self.sentence.tokens.get(at + 1).is_none_or(|t| t.kind == TokenKind::Punct)
            || (next == "such" && self.lower(at + 2) == "as")
            || matches!(
                next.as_str(),
                "include"
                    | "includes"
                    | "included"
                    | "including"
                    | "among"
                    | "and"
                    | "or"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "of"
                    | "from"
                    | "also"
            );
        if noun_follows {
            return true;
        }
        let mut k = at;
        while k > 0 && (lists.adverb.contains(self.lower(k - 1).as_str()) || self.lower(k - 1).ends_with("ly")) {
            k -= 1;
        }
        if k == 0 {
            return true;
        }
        let before = self.lower(k - 1);
        let verb_position = self.in_mention(k - 1)
            || self.classes.is(k - 1, &self.lexicon.words.person_pronoun)
            || matches!(
                before.as_str(),
                "it" | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "to"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "must"
                    | "should"
                    | "did"
                    | "does"
                    | "do"
                    | "has"
                    | "have"
                    | "had"
                    | "not"
                    | "who"
                    | "which"
            );
        !verb_position
    }
}
