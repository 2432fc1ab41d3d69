//! What a matched frame means in its context: an announced act (intent),
//! a refined relation (negation, conditions, blockades, armed forces), a
//! passive trigger, a hedged claim.

use std::ops::Range;

use super::frame::Frame;
use crate::extract::lexicon::RelationEntry;
use crate::extract::vocabulary::EventRelation;

impl<'a> Frame<'a> {
    /// The relation an intent turns `entry` into, if the trigger is announced
    /// rather than done ("will support", "is ready to send", "would blockade").
    fn intent(&self, at: usize, entry: &RelationEntry) -> Option<&'a RelationEntry> {
        let cooperative = ["SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"];
        let hostile = ["ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"];
        let category = entry.kind.plover.as_deref()?;
        let target = if cooperative.contains(&category) {
            EventRelation::Agreed
        } else if hostile.contains(&category) {
            EventRelation::Threatened
        } else {
            return None;
        };
        let mut k = at;
        while k > 0 {
            k -= 1;
            let word = self.lower(k);
            if matches!(word.as_str(), "will" | "would" | "shall" | "'ll" | "may") {
                return self.lexicon.event(target);
            }
            if word == "to"
                && k > 0
                && matches!(
                    self.lower(k - 1).as_str(),
                    "ready"
                        | "willing"
                        | "prepared"
                        | "plans"
                        | "plan"
                        | "intends"
                        | "offered"
                        | "promised"
                        | "pledged"
                        | "agreed"
                )
            {
                return self.lexicon.event(target);
            }
            // "plans to impose restrictions": a light verb carries the noun trigger.
            let light = matches!(
                word.as_str(),
                "impose" | "take" | "launch" | "carry" | "stage" | "hold" | "make" | "issue" | "deliver" | "tighten"
            );
            if !(self.lexicon.lists.adverb.contains(word.as_str()) || word.ends_with("ly") || word == "be" || light) {
                return None;
            }
        }
        None
    }

    /// What a matched frame finally says, from the words around it: an intent
    /// ("will provide") is an offer or a threat, "unless" makes a promise a
    /// threat, a negated act of cooperation is a rejection (no longer hedged:
    /// the negation is what it says), lifting a blockade is a retreat, and a
    /// killing by armed forces is fighting. Returns the entry and whether it is hedged.
    pub(super) fn refine(
        &self,
        mut entry: &'a RelationEntry,
        trigger: Range<usize>,
        end: usize,
        subject_text: &str,
        mut hedged: bool,
    ) -> (&'a RelationEntry, bool) {
        let tokens = &self.sentence.tokens;
        let relation = |event| self.lexicon.event(event);
        if let Some(intent) = self.intent(trigger.start, entry) {
            entry = intent;
            let conditional = (trigger.end..(end + 6).min(tokens.len())).any(|j| self.lower(j) == "unless");
            if conditional && let Some(threat) = relation(EventRelation::Threatened) {
                entry = threat;
            }
        }
        let negated = (trigger.start.saturating_sub(2)..trigger.start)
            .any(|k| matches!(self.lower(k).as_str(), "not" | "never" | "n't"));
        if negated
            && matches!(entry.kind.plover.as_deref(), Some("AGREE" | "SUPPORT" | "CONCEDE" | "AID" | "COOPERATE"))
            && let Some(rejected) = relation(EventRelation::Rejected)
        {
            entry = rejected;
            hedged = false;
        }
        if entry.kind.plover.as_deref() == Some("CONCEDE")
            && (trigger.end..(trigger.end + 5).min(tokens.len()))
                .any(|j| matches!(self.lower(j).as_str(), "blockade" | "siege" | "blockades"))
            && let Some(withdrew) = relation(EventRelation::Withdrew)
        {
            entry = withdrew;
        }
        let trigger_text = &self.text[tokens[trigger.start].start..tokens[trigger.end - 1].end];
        if entry.kind.plover.as_deref() == Some("ASSAULT")
            && subject_text.split_whitespace().last().is_some_and(|w| self.lexicon.words.armed_forces.contains(w))
            && self.lexicon.words.combat.contains(trigger_text)
            && let Some(fought) = relation(EventRelation::Fought)
        {
            entry = fought;
        }
        (entry, hedged)
    }

    /// The trigger is a participle after a passive auxiliary: "was recalled", "is reportedly seized".
    pub(super) fn is_passive(&self, trigger: Range<usize>) -> bool {
        let verb = self.lower(trigger.start);
        if verb.ends_with("ing") || trigger.len() > 1 {
            return false;
        }
        let mut k = trigger.start;
        while k > 0 {
            k -= 1;
            let word = self.lower(k);
            if self.classes.is(k, &self.lexicon.words.passive_aux) {
                return true;
            }
            if !(self.lexicon.lists.adverb.contains(word.as_str()) || word.ends_with("ly")) {
                return false;
            }
        }
        false
    }

    /// A hedge word ("reportedly", "allegedly") is in `range`.
    pub(super) fn hedged(&self, range: Range<usize>) -> bool {
        (range.start..range.end.min(self.sentence.tokens.len()))
            .any(|i| self.match_len(&self.lexicon.words.hedge, i) > 0)
    }

    /// A trigger matched at tokens `s..=e` is used as one: it is no part of a
    /// name, no capitalised name or sentence-initial noun, no adjective, no
    /// verb of a particle and no hyphenated compound.
    pub(super) fn acts_as_trigger(&self, s: usize, e: usize) -> bool {
        let tokens = &self.sentence.tokens;
        let inside_name = self.in_mention(s);
        // A capitalised trigger is a name or, first in a sentence, a noun ("Requests
        // have come from ..."), unless it opens a participle clause ("Responding to ...").
        let capitalized = tokens[s].is_capitalized(self.text) && (s > 0 || !self.lower(s).ends_with("ing"));
        // "their donated photographs", "the recently released Chrome": adjectives.
        let mut k = s;
        while k > 0 && self.lower(k - 1).ends_with("ly") {
            k -= 1;
        }
        // "received support", "won backing": a noun after a light verb.
        let light_verb = matches!(
            self.lower(k.saturating_sub(1)).as_str(),
            "received" | "receives" | "receive" | "won" | "wins" | "gained" | "got" | "gets" | "needs" | "needed"
        );
        // A noun after its determiner is a trigger ("a rally in Lagos"); a participle
        // is not, nor one after a preposition ("charged over alleged spying").
        let participle = self.lower(s).ends_with("ed");
        let before = self.lower(k.saturating_sub(1));
        let adjective = e == s
            && k > 0
            && ((participle
                && (self.lexicon.lists.participle_determiner.contains(before.as_str())
                    || self.lexicon.lists.preposition.contains(before.as_str())))
                || light_verb);
        // "kidnapped up to 16": a quantity, not a particle.
        let particle =
            e == s && self.lexicon.lists.particle.contains(self.lower(s + 1).as_str()) && self.lower(s + 2) != "to";
        // "its long-threatened invasion": a hyphenated compound is an adjective.
        let compound = s > 0 && self.word(s - 1) == "-" && tokens[s - 1].end == tokens[s].start;
        !(inside_name || capitalized || adjective || particle || compound)
    }
}
