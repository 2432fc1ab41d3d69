//! What a matched frame means in its context: an announced act (intent),
//! a refined relation (negation, conditions, blockades, armed forces), a
//! passive trigger, a hedged claim.

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::EntityKind;
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

    /// An attack with no violence in its sentence, by a person or an organization
    /// or over something ("attacked Blair over", "attacked Tory plans"), is
    /// criticism: in news prose "attacked" is as often said as done.
    pub(super) fn verbal_attack(
        &self,
        entry: &'a RelationEntry,
        trigger: Range<usize>,
        subject: &Argument,
        object: &Argument,
    ) -> &'a RelationEntry {
        let lists = &self.lexicon.lists;
        let Some(criticized) = self.lexicon.event(EventRelation::Criticized) else { return entry };
        if trigger.len() != 1 || !lists.verbal_attack.contains(self.lower(trigger.start).as_str()) {
            return entry;
        }
        let tokens = &self.sentence.tokens;
        if (0..tokens.len()).any(|i| lists.violence.contains(self.lower(i).as_str())) {
            return entry;
        }
        let kind_of = |argument: &Argument| {
            self.mentions.iter().find(|m| m.entity == Some(argument.0) && m.span == argument.1).map(|m| m.kind)
        };
        let speaker = matches!(kind_of(subject), Some(EntityKind::Person | EntityKind::Organization));
        // The word after the object: "over ...", "'s record", or a noun the object modifies ("Tory plans").
        let after = tokens.iter().position(|t| t.start >= object.1.end);
        let about = after.is_some_and(|a| {
            let word = self.lower(a);
            let words = &self.lexicon.words;
            let noun = self.word(a).starts_with(char::is_lowercase)
                && !word.ends_with("ed")
                && !lists.preposition.contains(word.as_str())
                && !lists.grammar.contains(word.as_str())
                && !self.classes.is(a, &words.speech)
                && !self.classes.is(a, &words.claim)
                && !self.classes.is(a, &words.function);
            matches!(word.as_str(), "over" | "for" | "on" | "about" | "'s" | "’s") || noun
        });
        if speaker || about { criticized } else { entry }
    }

    /// "gave Britain the chance", "granted Yukos an injunction", "supply
    /// Peugeot with 30,000 vehicles": a gift whose thing given (the second
    /// object) is no aid is no aid ("gave Ukraine a loan" is).
    pub(super) fn gives_no_aid(&self, entry: &RelationEntry, object: &Argument) -> bool {
        if entry.kind.plover.as_deref() != Some("AID") {
            return false;
        }
        let lists = &self.lexicon.lists;
        let tokens = &self.sentence.tokens;
        let Some(after) = tokens.iter().position(|t| t.start >= object.1.end) else { return false };
        // "supply Peugeot with 30,000 vehicles": the thing after "with".
        if !lists.participle_determiner.contains(self.lower(after).as_str()) && self.lower(after) != "with" {
            return false;
        }
        let thing = (after + 1..(after + 6).min(tokens.len())).take_while(|&i| !self.is_boundary(i));
        !thing.into_iter().any(|i| lists.aid_noun.contains(self.lower(i).as_str()))
    }

    /// "recalls how ...", "recalled that ...": a memory, not the recall of an
    /// envoy (CAMEO codes RECALL only with an envoy as its object).
    pub(super) fn recalls_a_memory(&self, trigger: Range<usize>, entry: &RelationEntry) -> bool {
        entry.event == Some(EventRelation::Recalled)
            && (self.classes.is(trigger.end, &self.lexicon.words.clause)
                || matches!(self.lower(trigger.end).as_str(), "how" | "what" | "why" | "seeing" | "being"))
    }

    /// "asked Mr Brown whether ...", "insisted the plan was fair": "ask" and
    /// "insist" as often say as demand. A demand names what is wanted ("asked
    /// the court to ...", "asked Congress for funds", "insisted on its demands");
    /// a question word, a colon or a quote before that makes it a question or a claim.
    pub(super) fn says_without_demanding(&self, trigger: Range<usize>, entry: &RelationEntry) -> bool {
        let verb = self.lower(trigger.start);
        let ask = matches!(verb.as_str(), "ask" | "asks" | "asked" | "asking");
        let insist = matches!(verb.as_str(), "insist" | "insists" | "insisted" | "insisting");
        if entry.event != Some(EventRelation::Demanded) || trigger.len() != 1 || !(ask || insist) {
            return false;
        }
        let n = self.sentence.tokens.len();
        for j in trigger.end..(trigger.end + 12).min(n) {
            let word = self.lower(j);
            let next_lowercase = self.word(j + 1).starts_with(char::is_lowercase);
            match word.as_str() {
                "to" | "for" => return false,
                "that" if ask => return false,
                // "insisted on its demands", not "insisted on Wednesday" or "on BBC Radio 4".
                "on" if next_lowercase => return false,
                "whether" | "if" | "how" | "why" | "what" | "who" | "when" | "where" | "about" | "that" | ":"
                | "\"" | "“" | "." | ";" => return true,
                _ => {}
            }
        }
        true
    }

    /// The trigger is a participle after a passive auxiliary: "was recalled",
    /// "is reportedly seized", or one of a headline, which drops the
    /// auxiliary: "Labour attacked on poster", "Minister criticised over claims".
    pub(super) fn is_passive(&self, trigger: Range<usize>) -> bool {
        let verb = self.lower(trigger.start);
        if verb.ends_with("ing") || trigger.len() > 1 {
            return false;
        }
        if self.is_headline_participle(trigger.start) {
            return true;
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

    /// A headline (a sentence with no closing punctuation) where a past
    /// participle follows a name and a preposition follows it: "Blair
    /// criticised by MPs", "Parties warned over grey vote".
    fn is_headline_participle(&self, at: usize) -> bool {
        let tokens = &self.sentence.tokens;
        let closed =
            tokens.last().is_some_and(|t| matches!(t.text(self.text), "." | "!" | "?" | "\"" | "'" | "”" | ":"));
        let participle = self.lower(at).ends_with("ed") || self.lower(at).ends_with("en");
        let after_name = at > 0 && self.in_mention(at - 1);
        let then_preposition = self.lexicon.lists.preposition.contains(self.lower(at + 1).as_str());
        !closed && participle && after_name && then_preposition
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
        let noun = e == s && self.noun_of_a_verb_trigger(s);
        // "sought to reassure Labour", "seeks to become": an attempt, not a demand.
        let attempt = e == s && matches!(self.lower(s).as_str(), "sought" | "seek" | "seeks" | "seeking") && {
            let next = self.lower(s + 1);
            next == "to" && self.word(s + 2).starts_with(char::is_lowercase) && self.lower(s + 2) != "the"
        };
        !(inside_name || capitalized || adjective || particle || compound || noun || attempt)
    }
}
