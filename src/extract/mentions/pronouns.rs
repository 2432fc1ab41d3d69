//! Pronouns: personal ("he", "his") and "it".

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};

impl Scan<'_> {
    pub(super) fn pronoun(&mut self, i: usize) -> Option<usize> {
        let word = self.word(i);
        // Pronouns are short: most words leave without a lookup.
        if word.len() > 4 {
            return None;
        }
        if self.is(i, &self.lexicon.words.person_pronoun) {
            let possessive = word.eq_ignore_ascii_case("his") || word.eq_ignore_ascii_case("her");
            self.push(i..i + 1, EntityKind::Person, Form::Pronoun, !possessive, Cue::PersonPronoun);
            return Some(i + 1);
        }
        if word == "it" || word == "It" {
            self.push(i..i + 1, EntityKind::Organization, Form::Pronoun, true, Cue::ThingPronoun);
            return Some(i + 1);
        }
        None
    }
}
