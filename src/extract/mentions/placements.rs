//! After the scan: the state an organization, region or place is in.

use super::scan::Scan;
use crate::extract::extraction::{Cue, Form};
use crate::extract::lexicon::GazTarget;

impl Scan<'_> {
    /// Locates what the text places in a state: organizations "of" a state or
    /// its capital, regions ("South Lebanon"), places "in" or after a comma
    /// before a state ("Cizre in southeastern Turkey", "Bam, Iran").
    pub(super) fn placements(&mut self, first: usize) {
        // "the United Bus Company of Tehran": an organization of a state or its capital.
        for p in first..self.found.mentions.len() {
            let end = self.found.mentions[p].tokens.end;
            if !matches!(self.found.mentions[p].cue, Cue::Org { lexicon: None, state: None, .. })
                || self.word(end) != "of"
            {
                continue;
            }
            let located = match self.gaz(end + 1) {
                Some((_, GazTarget::StateName(s) | GazTarget::StateSeat(s))) => Some(s),
                _ => None,
            };
            if let (Some(s), Cue::Org { state, .. }) = (located, &mut self.found.mentions[p].cue) {
                *state = Some(s);
            }
        }
        for p in first..self.found.mentions.len() {
            if !matches!(self.found.mentions[p].cue, Cue::Place { state: None, .. }) {
                continue;
            }
            // "South Lebanon", "Western Cambodia", "West Darfur State": a region of a state or place.
            let tokens = self.found.mentions[p].tokens.clone();
            let compass = self.lexicon.lists.direction.contains(self.word(tokens.start));
            let region_of = match self.gaz(tokens.start + 1) {
                Some((end, GazTarget::StateName(s))) if compass && end <= tokens.end => Some(s),
                Some((end, GazTarget::Place(q))) if compass && end <= tokens.end => self.lexicon.place(q).state,
                _ => None,
            };
            if let (Some(s), Cue::Place { state, .. }) = (region_of, &mut self.found.mentions[p].cue) {
                *state = Some(s);
                continue;
            }
            let mut k = tokens.end;
            if !matches!(self.word(k), "," | "in") {
                continue;
            }
            k += 1;
            // "in the north of", "in southeastern": direction words between.
            let directions = &self.lexicon.lists.direction;
            while k < self.tokens.len()
                && (matches!(self.word(k), "the" | "of") || directions.contains_as_listed(self.word(k)))
            {
                k += 1;
            }
            let state = self.found.mentions[first..].iter().find_map(|o| match o.cue {
                Cue::State(s) if o.tokens.start == k && o.form == Form::Name => Some(s),
                _ => None,
            });
            if let (Some(s), Cue::Place { state, .. }) = (state, &mut self.found.mentions[p].cue) {
                *state = Some(s);
            }
        }
    }
}
