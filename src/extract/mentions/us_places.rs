//! After the scan: "Dayton, Ohio", "Morgan City, La.", "Trenton, New
//! Jersey": a name before a comma and a US state (or its AP abbreviation,
//! `us_state` of `words.tsv`) is a place in that state, and so is the state,
//! whatever the tagger read them as ("La" an organization, "Azusa" a
//! person). In CoNLL-2003 train 50 of 53 such names and states are places;
//! alone, a state name is as often a team there, so the lexicon does not
//! list the states as places everywhere.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};

/// The first words of two-word states ("New Jersey", "West Virginia", "Rhode Island").
const TWO_WORD_STATE_START: [&str; 5] = ["New", "North", "South", "West", "Rhode"];

impl Scan<'_> {
    /// Retypes (or adds) the places of every "Name, State" among the sentence's mentions from `first` on.
    pub(super) fn us_places(&mut self, first: usize) {
        for k in 1..self.tokens.len().saturating_sub(1) {
            if self.word(k) != "," {
                continue;
            }
            let Some(state) = self.us_state_at(k + 1) else { continue };
            let Some(city) = (first..self.found.mentions.len()).find(|&m| {
                let m = &self.found.mentions[m];
                m.tokens.end == k && m.form == Form::Name
            }) else {
                continue;
            };
            if !self.may_be_us_place(city) {
                continue;
            }
            let Some(usa) = self.lexicon.state_by_iso("USA") else { return };
            let at_state = (first..self.found.mentions.len()).find(|&m| self.found.mentions[m].tokens == state);
            let overlaps =
                self.found.mentions[first..].iter().any(|m| m.tokens.start < state.end && state.start < m.tokens.end);
            match at_state {
                Some(m) if self.may_be_us_place(m) => self.make_place(m, usa),
                Some(_) => continue,
                None if overlaps => continue,
                None => {
                    let name = self.text[self.span(state.clone())].to_string();
                    let head = !self.followed_by_possessive(state.end);
                    self.push(state, EntityKind::Place, Form::Name, head, Cue::Place { name, state: Some(usa) });
                }
            }
            self.make_place(city, usa);
        }
    }

    /// The tokens of a US state or its abbreviation at `i` that ends a name
    /// (no capitalised word after it: "Ohio State University" is no place).
    fn us_state_at(&self, i: usize) -> Option<Range<usize>> {
        let lists = &self.lexicon.lists;
        let end = if lists.us_state.contains(self.word(i)) {
            i + 1
        } else if TWO_WORD_STATE_START.contains(&self.word(i)) && lists.us_state_second.contains(self.word(i + 1)) {
            i + 2
        } else {
            return None;
        };
        (self.is_capitalized(i) && !self.is_capitalized(end)).then_some(i..end)
    }

    /// A name the rule may make a place: not a state (a country), nor a
    /// person or organization the lexicon knows.
    fn may_be_us_place(&self, m: usize) -> bool {
        let mention = &self.found.mentions[m];
        mention.form == Form::Name
            && match &mention.cue {
                Cue::Place { .. } => true,
                Cue::Org { lexicon, .. } => lexicon.is_none(),
                Cue::Person { lexicon, .. } => lexicon.is_none(),
                _ => false,
            }
    }

    fn make_place(&mut self, m: usize, usa: crate::extract::vocabulary::StateId) {
        let mention = &mut self.found.mentions[m];
        if let Cue::Place { state: Some(_), .. } = mention.cue {
            return;
        }
        let name = self.text[mention.span.clone()].to_string();
        mention.kind = EntityKind::Place;
        mention.cue = Cue::Place { name, state: Some(usa) };
    }
}
