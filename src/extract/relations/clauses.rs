//! Clauses no clause word marks: the reported clause after a verb of saying
//! whose "that" is left out ("Abbas confirmed Israel shared ..."), and
//! whether a subordinate clause ("after the allegations ...") has a subject
//! of its own or borrows the main clause's.

use super::frame::{Argument, Frame};
use crate::extract::extraction::Mention;
use crate::text::TokenKind;

/// Pronouns whose referent the mentions do not resolve but which, after a
/// verb of saying, usually stand for the speaker ("Russia said it would ...").
const SPEAKER_PRONOUNS: [&str; 5] = ["it", "they", "we", "i", "you"];

impl<'a> Frame<'a> {
    /// The first token of the reported clause holding `at`, if a verb of saying
    /// or thinking (not inside a name) sits between the clause start `start`
    /// and `at` with no comma between it and `at` ("X, who said ..., attacked"
    /// keeps X). A verb with no clause after it is passed over: "is said to
    /// have", "said during a visit". A trigger coordinated with the verb's own
    /// phrase ("said Labour would ... and attacked") is the speaker's.
    pub(super) fn reported_clause_start(&self, start: usize, at: usize) -> Option<usize> {
        let mut before = at;
        while before > start && self.lexicon.lists.adverb.contains(self.lower(before - 1).as_str()) {
            before -= 1;
        }
        if before > start && self.lower(before - 1) == "and" {
            return None;
        }
        for k in (start..at).rev() {
            if self.word(k) == "," {
                return None;
            }
            if !self.in_mention(k) && self.lexicon.lists.reporting.contains(self.lower(k).as_str()) {
                let next = self.lower(k + 1);
                // "announced a suspension of links": the noun is the verb's object.
                let object = self.noun_phrase_start(at) == Some(k + 1);
                let no_clause =
                    object || self.lexicon.lists.preposition.contains(next.as_str()) || self.is_time_word(k + 1);
                return if no_clause { None } else { Some(k + 1) };
            }
        }
        None
    }

    /// A pronoun no mention resolves ("it", "they") in `range`: the reported
    /// clause's subject is then most likely the speaker.
    pub(super) fn speaker_pronoun_in(&self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().any(|k| SPEAKER_PRONOUNS.contains(&self.lower(k).as_str()))
    }

    /// The subordinate clause opened at `start` has a subject of its own
    /// before the verb at `at`: a determiner opens one ("since the plan
    /// was approved by X"), while a participle clause has none ("after meeting
    /// X", "after being recalled"), nor has a noun trigger ("after a meeting
    /// with X": the main clause's subject met X). A relative clause closed by a
    /// comma ("X, which is an adviser to Y, called on Z") leaves the main
    /// clause's subject to the verb after it.
    pub(super) fn has_own_subject(&self, start: usize, at: usize) -> bool {
        let determiners = &self.lexicon.lists.participle_determiner;
        let relative = matches!(self.lower(start).as_str(), "which" | "who");
        if relative && (start + 1..at).any(|k| self.word(k) == ",") {
            return false;
        }
        self.noun_phrase_start(at).is_none() && (start + 1..at).any(|k| determiners.contains(self.lower(k).as_str()))
    }

    /// A relative clause opens at `start` ("MAB, which opposed ..., urged
    /// Muslims"): its subject is the noun before it, never a name after it.
    pub(super) fn opens_relative(&self, start: usize) -> bool {
        start > 0 && matches!(self.lower(start).as_str(), "who" | "which" | "that")
    }

    /// A coordinating word at `at` opens a main clause of its own ("..., but
    /// X has not said", "..., while X said"), whose subject is not lent back.
    /// Read on BBC: subjects lent back across them were all wrong.
    pub(super) fn opens_coordinate(&self, at: usize) -> bool {
        matches!(self.lower(at).as_str(), "but" | "and" | "while" | "whereas" | "with" | "or" | "yet")
    }

    /// "Jane Roe, who represents John Doe, said ...": a relative clause opened
    /// at `start` after a comma and closed by one before `at` is an aside; the
    /// verb at `at` belongs to the noun before it, not to the clause's own names:
    /// `Some(None)` when no mention names that noun ("The allegations, which he
    /// has denied, are being investigated by X" has no subject in the aside).
    pub(super) fn relative_antecedent(&self, start: usize, at: usize) -> Option<Option<&&'a Mention>> {
        if start < 2 || !matches!(self.lower(start).as_str(), "who" | "which") || self.word(start - 1) != "," {
            return None;
        }
        let close = (start + 1..at).rev().find(|&k| self.word(k) == ",")?;
        // Only adverbs or auxiliaries between the closing comma and the verb: "..., has also said".
        let aside_ends = (close + 1..at).all(|k| !self.in_mention(k) && self.word(k).starts_with(char::is_lowercase));
        if !aside_ends || at - close > 4 {
            return None;
        }
        Some(self.heads().find(|m| m.tokens.end == start - 1))
    }

    /// Where the noun phrase the trigger at `at` heads begins, if it is a noun:
    /// a determiner at most three lower-case words before it, with no
    /// auxiliary, preposition or name between, and a preposition after it
    /// ("the second-worst attack in", "a suspension of"); a verb takes its
    /// object directly ("the rules allow parties", "the auction violated US law").
    fn noun_phrase_start(&self, at: usize) -> Option<usize> {
        let lists = &self.lexicon.lists;
        if !lists.preposition.contains(self.lower(at + 1).as_str()) {
            return None;
        }
        for k in (at.saturating_sub(4)..at).rev() {
            let word = self.lower(k);
            if lists.participle_determiner.contains(word.as_str()) {
                return Some(k);
            }
            let verb_or_link = lists.grammar.contains(word.as_str()) || lists.preposition.contains(word.as_str());
            if verb_or_link || self.in_mention(k) || self.word(k).starts_with(char::is_uppercase) {
                return None;
            }
        }
        None
    }

    /// The agent a noun trigger names itself, if it does: its possessor
    /// ("Musharraf's visit to Britain" → Musharraf; "the market operator's
    /// promise" → none), or none when the noun hangs from "of" ("foreknowledge
    /// of the attacks in New York", "a barrage of requests"). `None` when the
    /// trigger is a verb ("the leader of the opposition criticised") or neither
    /// applies; a gerund ("accused of attacking") is a verb.
    pub(super) fn nominal_agent(&self, at: usize) -> Option<Option<Argument>> {
        let lists = &self.lexicon.lists;
        if at == 0 || self.lower(at).ends_with("ing") {
            return None;
        }
        // "Argentina's energy crisis forced ...": a verb's subject is the owned thing.
        let verb = self.lower(at).ends_with("ed") || self.classes.is(at, &self.lexicon.words.verb);
        if verb {
            return None;
        }
        if let Some(agent) = self.known_event_agent(at) {
            return Some(agent);
        }
        let named_before = self.in_mention(at - 1) && !self.is_possessive(at - 1);
        if named_before {
            return None;
        }
        let mut k = at;
        while k > at.saturating_sub(4) && k > 0 {
            k -= 1;
            if self.is_possessive(k) {
                // A possessor is no head of its own phrase: any resolved mention will do.
                let owner = self.mentions.iter().find(|m| m.tokens.end == k && m.entity.is_some());
                return Some(owner.and_then(|m| Self::argument(m)));
            }
            let word = self.lower(k);
            if word == "of" {
                let collective = k > 0 && lists.collective.contains(self.lower(k - 1).as_str());
                return if collective { None } else { Some(None) };
            }
            let modifier = self.word(k).starts_with(char::is_lowercase)
                && !lists.grammar.contains(word.as_str())
                && !lists.preposition.contains(word.as_str())
                && !word.ends_with("ly");
            if !(modifier || matches!(word.as_str(), "the" | "a" | "an")) {
                return None;
            }
        }
        None
    }

    /// "after the attacks on France", "in response to the 11 September attacks
    /// in the US": a noun event with "the" after a preposition is one
    /// the story already knows, not an act of the clause's subject. Its agent is
    /// only what its own phrase names ("the attacks on Y by X"); `None` when the
    /// noun at `at` is not so placed. Read on BBC: the clause subjects such
    /// nouns took ("BA", "the government", "Europe") were wrong.
    fn known_event_agent(&self, at: usize) -> Option<Option<Argument>> {
        let n = self.sentence.tokens.len();
        // A noun here: a preposition, a punctuation mark or the end follows it.
        let next = self.lower(at + 1);
        let ends = at + 1 >= n || self.sentence.tokens[at + 1].kind == TokenKind::Punct;
        if !ends && !self.lexicon.lists.preposition.contains(next.as_str()) {
            return None;
        }
        let mut k = at;
        while k > at.saturating_sub(5) && k > 1 {
            k -= 1;
            let token = &self.sentence.tokens[k];
            let word = self.lower(k);
            if matches!(word.as_str(), "the" | "these" | "those") {
                // Not "in": "blew themselves up in the second-worst attack" (PLOVER) is the subject's act.
                let before = self.lower(k - 1);
                let known = before != "in" && self.lexicon.lists.preposition.contains(before.as_str());
                return known.then(|| self.event_by_agent(at));
            }
            // "the 11 September attacks", "the US terror attacks", "the recent attacks".
            let modifier = token.kind == TokenKind::Number
                || self.word(k) == "-"
                || self.in_modifier(k)
                || (self.classes.is_capitalized(k) && !self.in_mention(k))
                || (token.kind == TokenKind::Word
                    && self.word(k).starts_with(char::is_lowercase)
                    && !self.lexicon.lists.grammar.contains(word.as_str())
                    && !self.lexicon.lists.preposition.contains(word.as_str()));
            if !modifier || token.kind == TokenKind::Possessive {
                return None;
            }
        }
        None
    }

    /// "the attacks on Kiev by Russia": the agent after "by" in the noun's own phrase.
    fn event_by_agent(&self, at: usize) -> Option<Argument> {
        let end = self.clause_end(at + 1).min(at + 7);
        let by = (at + 1..end).take_while(|&j| self.word(j) != ",").find(|&j| self.lower(j) == "by")?;
        self.first_in(by + 1..(by + 4).min(self.sentence.tokens.len()), None).and_then(|m| Self::argument(m))
    }

    fn is_possessive(&self, k: usize) -> bool {
        self.sentence.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
    }
}
