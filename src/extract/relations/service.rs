//! Membership told by service: "X served on the Greater London Council",
//! "X served in Parliament for 47 years", "X, who served 24 years in
//! Congress" (four BBC sentences name the body; "served in Northern
//! Ireland" names a place, and "served as a junior minister" a role). The
//! one who served is a member of the organization named after "in", "on"
//! or "with", up to four words (a duration) after the verb.

use super::cue_words::Cue;
use super::frame::{Argument, Frame};
use crate::extract::extraction::EntityKind;
use crate::text::TokenKind;

fn is_service_verb(word: &str) -> bool {
    matches!(word, "served" | "serves" | "serving" | "serve")
}

impl Frame<'_> {
    /// The memberships service tells: (the verb's token, member, organization).
    pub(super) fn services(&self) -> Vec<(usize, Argument, Argument)> {
        let mut found = Vec::new();
        // The body served is a resolved organization's head: most sentences name none.
        if !self.heads().any(|m| m.kind == EntityKind::Organization) {
            return found;
        }
        debug_assert!(
            (0..self.sentence.tokens.len())
                .all(|j| !is_service_verb(self.word(j)) || self.cued(Cue::Service).any(|c| c == j))
        );
        for verb in self.cued(Cue::Service) {
            if verb == 0 || !is_service_verb(self.word(verb)) {
                continue;
            }
            // "served 24 years in", "served for a decade on": a duration may come first.
            let duration = |j: usize| {
                self.sentence.tokens[j].kind == TokenKind::Number
                    || matches!(self.word(j), "years" | "year" | "decades" | "decade" | "months" | "for" | "a" | "two")
            };
            let n = self.sentence.tokens.len();
            let Some(prep) = (verb + 1..(verb + 5).min(n))
                .find(|&j| matches!(self.word(j), "in" | "on" | "with"))
                .filter(|&p| (verb + 1..p).all(duration))
            else {
                continue;
            };
            let at = prep + 1 + usize::from(self.lower(prep + 1) == "the");
            let body = self.heads().find(|m| m.tokens.start == at && m.kind == EntityKind::Organization);
            let Some(body) = body.and_then(|m| Frame::argument(m)) else { continue };
            let Some(member) = self.subject(verb) else { continue };
            // "older than Shahid and served": a name after a preposition or "than" is no subject.
            let subject = self.mentions.iter().find(|m| m.entity == Some(member.0) && m.span == member.1);
            let person = subject.is_some_and(|m| {
                let governed = m.phrase_start.min(m.tokens.start).checked_sub(1).is_some_and(|k| {
                    let before = self.lower(k);
                    before.as_str() == "than" || self.lexicon.lists.preposition.contains(before.as_str())
                });
                m.kind == EntityKind::Person && !governed
            });
            if person && member.0 != body.0 {
                found.push((verb, member, body));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::relations::cue_words::SERVICE_VERBS;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_gate_lets_every_service_verb_through(word in "(served|serves|serving|serve|server|Served|[a-z]{1,10})") {
            if is_service_verb(&word) {
                prop_assert!(SERVICE_VERBS.may_start(word.len(), word.as_bytes()[0]));
            }
        }
    }
}
