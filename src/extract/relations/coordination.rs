//! Coordinated arguments: "France and Germany condemned Russia" is a
//! criticism by each of them, "Russia condemned France, Germany and Italy" one
//! of each; "India and Pakistan held talks" is a meeting between the two.
//!
//! A list is named mentions joined by "and", "as well as" or commas before a
//! final "and" ("X, Y and Z"); a name the lexicon holds whole ("Marks and
//! Spencer") is one mention, so never a list.

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::lexicon::RelationEntry;
use crate::extract::vocabulary::EventRelation;
use crate::text::TokenKind;

/// How a member is joined to the one before it.
#[derive(Clone, Copy, PartialEq)]
enum Joint {
    /// A comma: the list goes on only if a final "and" follows.
    Comma,
    /// "and", ", and", "as well as": the last member.
    Final,
}

impl<'a> Frame<'a> {
    /// The subject and object pairs a frame states: each conjunct of a
    /// coordinated subject with each of a coordinated object. When the object
    /// is the subject's own partner ([`Self::reciprocal_partner`]), every pair of
    /// the list, in the order of the text (the graph has no symmetric relations).
    pub(super) fn coordinated_pairs(
        &self,
        trigger: Range<usize>,
        subject: Argument,
        object: Argument,
    ) -> Vec<(Argument, Argument)> {
        let subjects = self.conjuncts(&subject, trigger.clone());
        if subjects.iter().any(|s| s.0 == object.0) {
            // Both arguments in one list after the trigger ("called for reform of
            // the UN, the World Bank and the IMF"): not a list of actors acting together.
            if !self.list_before(&subjects, trigger.start) {
                return vec![(subject, object)];
            }
            let mut pairs = Vec::new();
            for (i, first) in subjects.iter().enumerate() {
                for second in &subjects[i + 1..] {
                    pairs.push((first.clone(), second.clone()));
                }
            }
            return pairs;
        }
        let objects = self.conjuncts(&object, trigger);
        // "RJR accused Altria" read inside "accused were Altria, RJR and Liggett":
        // one list holding both arguments is no list of either.
        if (subjects.len() == 1 && objects.len() == 1) || objects.iter().any(|o| o.0 == subject.0) {
            return vec![(subject, object)];
        }
        let mut pairs = Vec::new();
        for s in &subjects {
            for o in objects.iter().filter(|o| o.0 != s.0) {
                pairs.push((s.clone(), o.clone()));
            }
        }
        pairs
    }

    /// "India and Pakistan held talks": with no object, an act done together
    /// takes the subject's next conjunct as its object. An act is done together
    /// when its frame takes its object after "with" or "between" and it is a
    /// consultation, cooperation or merger, or a form of "agree" or "sign (a
    /// deal)" ("X and Y pledged" or "X and Y offered" is no act between them).
    pub(super) fn reciprocal_partner(
        &self,
        trigger: Range<usize>,
        entry: &RelationEntry,
        subject: Option<&Argument>,
    ) -> Option<Argument> {
        let subject = subject?;
        if !self.acts_together(trigger.clone(), entry) {
            return None;
        }
        // The act names no other party: nothing but a phrase or the end follows
        // ("met on Monday", "agreed to ..."; not "met supporters"), except that one
        // agrees a deal with the other.
        let after = trigger.end;
        let open = after >= self.sentence.tokens.len()
            || self.sentence.tokens[after].kind == TokenKind::Punct
            || self.is_time_word(after)
            || self.lexicon.lists.preposition.contains(self.lower(after).as_str())
            || entry.event == Some(EventRelation::Agreed);
        if !open {
            return None;
        }
        let list = self.conjuncts(subject, trigger.clone());
        // The list is the subject, close before the trigger: "X and Y have agreed".
        let last = &list.last()?.1;
        let close =
            self.heads().any(|m| m.span == *last && m.tokens.end <= trigger.start && m.tokens.end + 3 >= trigger.start);
        if list.len() < 2 || !close {
            return None;
        }
        list.into_iter().find(|a| a.0 != subject.0)
    }

    /// The trigger names an act done together: its frame takes its object
    /// after "with" or "between" and it is a consultation, cooperation or
    /// merger, or a form of "agree" or "sign (a deal)".
    pub(super) fn acts_together(&self, trigger: Range<usize>, entry: &RelationEntry) -> bool {
        let joint = entry.object_preps.iter().any(|p| p == "with" || p == "between");
        let together = matches!(entry.kind.plover.as_deref(), Some("CONSULT" | "COOPERATE"))
            || entry.event == Some(EventRelation::MergedWith)
            || (entry.event == Some(EventRelation::Agreed) && {
                let word = self.lower(trigger.start);
                word.starts_with("agree") || word.starts_with("sign")
            });
        joint && together
    }

    /// The list of `arguments` ends before token `at`.
    fn list_before(&self, arguments: &[Argument], at: usize) -> bool {
        let Some(last) = arguments.last() else { return false };
        self.heads().any(|m| m.span == last.1 && m.tokens.end <= at)
    }

    /// The arguments of the list whose first or last member is `argument`'s
    /// mention, in the order of the text; just `argument` when it is in none.
    fn conjuncts(&self, argument: &Argument, trigger: Range<usize>) -> Vec<Argument> {
        let alone = || vec![argument.clone()];
        let Some(mention) = self.heads().find(|m| m.span == argument.1 && is_member(m)) else { return alone() };
        let mut first = *mention;
        for _ in 0..8 {
            match self.previous_member(first) {
                Some(previous) => first = previous,
                None => break,
            }
        }
        let members = self.list_from(first);
        let at_an_end = members.first().is_some_and(|m| m.span == argument.1)
            || members.last().is_some_and(|m| m.span == argument.1);
        if members.len() < 2 || !at_an_end || !self.ends_a_list(members[members.len() - 1], trigger) {
            return alone();
        }
        let mut arguments: Vec<Argument> = Vec::with_capacity(members.len());
        for m in members {
            if let Some(argument) = Self::argument(m)
                && !arguments.iter().any(|a| a.0 == argument.0)
            {
                arguments.push(argument);
            }
        }
        arguments
    }

    /// The members of the list that starts at `first`: up to the one after the
    /// final "and"; members after commas only count when that "and" comes.
    fn list_from(&self, first: &'a Mention) -> Vec<&'a Mention> {
        let mut members = vec![first];
        let mut confirmed = 1;
        while members.len() < 12 {
            let Some((next, joint)) = self.next_member(members[members.len() - 1]) else { break };
            members.push(next);
            if joint == Joint::Final {
                confirmed = members.len();
                break;
            }
        }
        members.truncate(confirmed);
        members
    }

    /// The member joined after `member`, and how.
    fn next_member(&self, member: &Mention) -> Option<(&'a Mention, Joint)> {
        let at = member.tokens.end;
        if at + 1 >= self.sentence.tokens.len() {
            return None;
        }
        let (start, joint) = match self.lower(at).as_str() {
            "and" => (at + 1, Joint::Final),
            "," if self.lower(at + 1) == "and" => (at + 2, Joint::Final),
            "," => (at + 1, Joint::Comma),
            "as" if self.lower(at + 1) == "well" && self.lower(at + 2) == "as" => (at + 3, Joint::Final),
            _ => return None,
        };
        let start = if self.lower(start) == "the" { start + 1 } else { start };
        let next = *self.heads().find(|m| (m.phrase_start == start || m.tokens.start == start) && is_member(m))?;
        Some((next, joint))
    }

    /// The member joined before `member`.
    fn previous_member(&self, member: &Mention) -> Option<&'a Mention> {
        let mut at = member.phrase_start.min(member.tokens.start);
        if at > 0 && self.lower(at - 1) == "the" {
            at -= 1;
        }
        let end = match at.checked_sub(1).map(|j| self.lower(j)) {
            Some(w) if w == "and" || w == "," => at - 1,
            Some(w) if w == "as" && at >= 3 && self.lower(at - 2) == "well" && self.lower(at - 3) == "as" => at - 3,
            _ => return None,
        };
        let end = if end > 0 && self.lower(end) == "and" && self.lower(end - 1) == "," { end - 1 } else { end };
        self.heads().find(|m| m.tokens.end == end && is_member(m)).copied()
    }

    /// The list ends at `last`: not "X and Y's plan", and a list after the
    /// trigger is its object only if a phrase ends there ("condemned France and
    /// Germany on Monday", not "condemned France and Germany imposed ...").
    fn ends_a_list(&self, last: &Mention, trigger: Range<usize>) -> bool {
        let next = last.tokens.end;
        let Some(token) = self.sentence.tokens.get(next) else { return true };
        if token.kind == TokenKind::Possessive || self.word(next) == "'s" || self.word(next) == "’s" {
            return false;
        }
        if last.tokens.end <= trigger.start {
            // A subject list is followed by its verb ("X and Y have all agreed"),
            // not by a noun it modifies ("the Paris and Amsterdam exchanges merged").
            return next == trigger.start
                || token.kind == TokenKind::Punct
                || self.is_time_word(next)
                || self.lexicon.lists.adverb.contains(self.lower(next).as_str())
                || matches!(
                    self.lower(next).as_str(),
                    "have"
                        | "has"
                        | "had"
                        | "will"
                        | "would"
                        | "shall"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "did"
                        | "do"
                        | "does"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "both"
                        | "all"
                        | "jointly"
                        | "together"
                        | "each"
                        | "then"
                        | "later"
                        | "finally"
                );
        }
        if last.tokens.start < trigger.end {
            return true;
        }
        token.kind == TokenKind::Punct
            || self.is_time_word(next)
            || self.lexicon.lists.preposition.contains(self.lower(next).as_str())
            || matches!(self.lower(next).as_str(), "to" | "and" | "but" | "who" | "which" | "that")
    }
}

/// A mention that may be a member of a list: a resolved name of an actor or place.
fn is_member(m: &Mention) -> bool {
    m.entity.is_some() && m.form == Form::Name && m.kind != EntityKind::Report
}
