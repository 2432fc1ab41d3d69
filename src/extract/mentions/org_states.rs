//! After the scan: an organization whose name opens with a state's name or
//! demonym is in that state: "U.S. Congress", "the US Federal Reserve",
//! "China Construction Bank". The state's words get a mention of their own
//! (a modifier, as a titled name's state does), so that the relations can
//! place the organization in it (`relations/homes.rs`). A capital in front names
//! no state here ("Washington Post", "Moscow State University"), and a
//! place does not either ("New York Times"). CoNLL04 marks the state of
//! "U.S. Congress" and "U.S. 6th Fleet" as the organization's base.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::lexicon::GazTarget;
use crate::extract::vocabulary::StateId;

impl Scan<'_> {
    /// Gives the state words that open an organization's name (from mention `first` on) a mention.
    pub(super) fn organizations_of_states(&mut self, first: usize) {
        let mut found = Vec::new();
        for m in &self.found.mentions[first..] {
            if m.kind != EntityKind::Organization || m.form != Form::Name || m.tokens.len() < 2 {
                continue;
            }
            let start = m.tokens.start;
            let stated =
                self.found.mentions[first..].iter().any(|s| s.kind == EntityKind::State && s.tokens.start == start);
            if stated {
                continue;
            }
            if let Some((tokens, state, demonym)) = self.state_words_at(start)
                && tokens.end < m.tokens.end
            {
                found.push((tokens, state, demonym));
            }
        }
        for (tokens, state, demonym) in found {
            let form = if demonym { Form::Demonym } else { Form::Name };
            self.push(tokens, EntityKind::State, form, false, Cue::State(state));
        }
    }

    /// The longest state name or demonym at token `i`, written as the lexicon
    /// writes it ("US", not "us"): its tokens, the state, whether a demonym.
    fn state_words_at(&self, i: usize) -> Option<(Range<usize>, StateId, bool)> {
        let lexicon = self.lexicon;
        let mut best = None;
        lexicon.gazetteer.for_each_match_from(self.text, self.tokens, i, |e, id| {
            let (target, pattern) = &lexicon.gazetteer_targets[id];
            let written = &self.text[self.tokens[i].start..self.tokens[e].end];
            let found = match *target {
                GazTarget::StateName(s) => Some((s, false)),
                GazTarget::StateDemonym(s) => Some((s, true)),
                _ => None,
            };
            if let Some((state, demonym)) = found.filter(|_| written == pattern) {
                best = Some((i..e + 1, state, demonym));
            }
        });
        best
    }
}
