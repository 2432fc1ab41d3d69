//! Generational suffixes: "Joseph Smith Jr." and "Grover Hartt III" are one
//! person each (CoNLL04 train: 15 such names, all tagged whole; CoNLL-2003
//! train: "Jr" 3 of 3 inside a person). A title word between the name and
//! the suffix is a surname: "Martin Luther King Jr." was read as "Martin
//! Luther" and a King called "Jr.".

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};

impl Scan<'_> {
    /// Where the scan goes on after a rule ended its name at `end`: past a
    /// generational suffix the person name just pushed takes in, else `end`.
    pub(super) fn past_generational_suffix(&mut self, end: usize) -> usize {
        let suffix_at = if self.is_generational_suffix(end) {
            end
        } else if self.is_name_word(end) && self.is_generational_suffix(end + 1) {
            end + 1
        } else {
            return end;
        };
        let Some(last) = self.found.mentions.last() else { return end };
        let person_name = last.sentence == self.index
            && last.tokens.end == end
            && last.kind == EntityKind::Person
            && last.form == Form::Name;
        if !person_name {
            return end;
        }
        let start = last.tokens.start;
        let span = self.span(start..suffix_at + 1);
        // The name without the suffix resolves as the person's name ("Martin Luther King").
        let surname = self.text[self.span(start..suffix_at)].to_string();
        let last = self.found.mentions.last_mut().expect("checked above");
        last.tokens.end = suffix_at + 1;
        last.span = span;
        if let Cue::Person { name, .. } = &mut last.cue
            && suffix_at > end
        {
            *name = surname;
        }
        suffix_at + 1
    }

    pub(super) fn is_generational_suffix(&self, i: usize) -> bool {
        matches!(self.word(i), "Jr." | "Jr" | "Sr." | "Sr" | "Junior" | "II" | "III" | "IV")
    }
}
