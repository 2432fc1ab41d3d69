//! A state's or organization's people acting ("Afghan rebels", "Poland's
//! parliament", "Demonstrators in Baghdad").

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::vocabulary::StateId;
use crate::text::TokenKind;

impl Scan<'_> {
    /// "Poland's parliament", "European Community foreign ministers", "NATO
    /// peacekeeping troops": a state or organization acting through its people.
    /// Returns the token after the group noun.
    pub(super) fn group_after(&self, end: usize) -> Option<usize> {
        let first = if self.followed_by_possessive(end) { end + 1 } else { end };
        for k in first..first + 3 {
            if self.tokens.get(k)?.kind != TokenKind::Word {
                return None;
            }
            let word = self.word(k);
            if let Some((end, _)) = self.agent_group_at(k) {
                return Some(end);
            }
            if self.is(k, &self.lexicon.words.state_noun) && self.title(k).is_none() {
                return Some(k + 1);
            }
            // "Nicaragua's Sandinista government": one name word before the noun.
            let name_word = k == first
                && word.starts_with(char::is_uppercase)
                && self.gaz(k).is_none()
                && self.is(k + 1, &self.lexicon.words.state_noun);
            let modifier = name_word
                || word.starts_with(char::is_lowercase)
                    && !self.is_grammar(word)
                    // "Russia's reputation among investors": a preposition ends the group's modifiers.
                    && !self.lexicon.lists.preposition.contains(word)
                    && !word.ends_with("ed")
                    && !self.is(k, &self.lexicon.words.clause)
                    && !self.is(k, &self.lexicon.words.verb)
                    && !self.starts_trigger(k);
            if !modifier {
                return None;
            }
        }
        None
    }

    /// A state's people as actor: a group ("Afghan rebels", label from the state's
    /// demonym and the words of `noun`) or, for its government and forces, the state.
    pub(super) fn push_acting(&mut self, tokens: Range<usize>, noun: Range<usize>, s: StateId, head: bool) -> usize {
        let last = noun.end.saturating_sub(1).max(noun.start);
        // "Iraqi clerics", "Afghan opposition activists": people of no state organ (agents.tsv).
        let agents = noun.clone().find_map(|k| self.agent_group_at(k).filter(|(end, _)| *end == noun.end));
        let people = agents.is_some_and(|(_, organ)| !organ);
        if !noun.is_empty() && (people || self.is(last, &self.lexicon.words.group_noun)) {
            let state = &self.lexicon.state(s);
            let words = self.text[self.span(noun)].to_lowercase();
            let label = format!("{} {words}", state.demonym.as_deref().unwrap_or(&state.name));
            return self.push(tokens, EntityKind::Group, Form::Nominal, head, Cue::Group { state: s, label });
        }
        self.push(tokens, EntityKind::State, Form::Nominal, head, Cue::State(s))
    }

    /// "Demonstrators in Baghdad", "Rebels in the Ivory Coast": a group that opens
    /// the sentence, placed in the state whose name starts at `i`. Returns where the group starts.
    pub(super) fn group_in(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if self.word(k).eq_ignore_ascii_case("the") {
            k = k.checked_sub(1)?;
        }
        let placed = matches!(self.word(k), "in" | "throughout" | "across");
        if !placed || k == 0 || !self.is(k - 1, &self.lexicon.words.state_noun) {
            return None;
        }
        let mut start = k - 1;
        while start > 0 {
            let word = self.word(start - 1);
            // The sentence's first word is capitalised whatever it is ("Opposition groups in ...").
            let first = start - 1 == 0 && self.tokens[0].kind == TokenKind::Word && self.gaz(0).is_none();
            // "Tens of thousands of students throughout Indonesia".
            let quantity_of = word == "of" && start >= 2 && self.tokens[start - 2].kind != TokenKind::Punct;
            let modifier = self.tokens[start - 1].kind == TokenKind::Number
                || (word.starts_with(char::is_lowercase) && !self.is(start - 1, &self.lexicon.words.clause))
                || first;
            if !modifier || self.is_grammar(word) && !first && !quantity_of {
                return None;
            }
            start -= 1;
        }
        Some(start)
    }

    /// "pro-Beijing", "anti-Syria": the name at `start` is what a group is for or against.
    pub(super) fn after_pro_or_anti(&self, start: usize) -> bool {
        start >= 2
            && self.word(start - 1) == "-"
            && (self.word(start - 2).eq_ignore_ascii_case("pro") || self.word(start - 2).eq_ignore_ascii_case("anti"))
    }

    /// The longest generic actor of many people (`agents.tsv`: "riot police",
    /// "clerics") starting at token `k`: its end, and whether they are a state organ.
    pub(super) fn agent_group_at(&self, k: usize) -> Option<(usize, bool)> {
        // "British Airways", "Japan Airlines": a capitalised agent noun is a name.
        if self.tokens.get(k)?.kind != TokenKind::Word || !self.word(k).starts_with(char::is_lowercase) {
            return None;
        }
        let mut longest = None;
        self.lexicon.agents.for_each_match_from(self.text, self.tokens, k, |e, id| {
            let entry = &self.lexicon.agent_entries[id];
            if entry.group {
                longest = Some((e + 1, entry.organ));
            }
        });
        longest
    }
}
