//! Detentions told with "held": "four Britons held by the US in Guantanamo",
//! "X and Y have been held by the US for three years". "held" is far more
//! often something else ("held talks", "the seat held by the Tories", "the
//! opinion held by the driver", "wealth held by the richest 1%", all in the
//! BBC corpus or the treebank), so it is a detention only in a passive or a
//! reduced relative whose agent, right after "by", is a state, an
//! organization or a group, and whose patient is a person or a group.
//! ("detained", "jailed" and "imprisoned" are triggers of their own rows.)
//! Custody with its holder named is a detention too: "X's death in British
//! custody", "freed from US custody", "in the custody of the regiment" (the
//! three BBC sentences that name the holder; "parents with custody", "won
//! custody of her children" name none).

use super::cue_words::Cue;
use super::frame::{Argument, Frame};
use crate::extract::extraction::EntityKind;
use crate::text::TokenKind;

const DETAINERS: [EntityKind; 3] = [EntityKind::State, EntityKind::Organization, EntityKind::Group];
const DETAINED: [EntityKind; 2] = [EntityKind::Person, EntityKind::Group];

impl Frame<'_> {
    /// The tokens where "held" tells a detention by the one after "by".
    pub(super) fn detentions(&self) -> Vec<usize> {
        let tokens = &self.sentence.tokens;
        if !self.names_a_detainer() {
            return Vec::new();
        }
        debug_assert!((0..tokens.len()).all(|j| self.word(j) != "held" || self.cued(Cue::Held).any(|c| c == j)));
        self.cued(Cue::Held)
            .filter(|&j| j >= 1 && j < tokens.len().saturating_sub(2))
            .filter(|&j| self.word(j) == "held" && self.word(j + 1) == "by")
            .filter(|&j| {
                let after = j + 2 + usize::from(self.lower(j + 2) == "the");
                self.mentions
                    .iter()
                    .any(|m| m.tokens.start == after && m.entity.is_some() && DETAINERS.contains(&m.kind))
            })
            .collect()
    }

    /// Custody with its holder named: (the word "custody", holder, the one held).
    pub(super) fn custodies(&self) -> Vec<(usize, Argument, Argument)> {
        let mut found = Vec::new();
        if !self.names_a_detainer() {
            return found;
        }
        debug_assert!(
            (0..self.sentence.tokens.len())
                .all(|j| self.word(j) != "custody" || self.cued(Cue::Custody).any(|c| c == j))
        );
        for j in self.cued(Cue::Custody) {
            if j == 0 || self.word(j) != "custody" {
                continue;
            }
            // "British custody", "US custody"; or "the custody of the regiment".
            let before = self.mentions.iter().find(|m| m.tokens.end == j && DETAINERS.contains(&m.kind));
            let (holder, mut start) = match before {
                Some(m) => (Some(*m), m.tokens.start),
                None if self.word(j + 1) == "of" => {
                    let after = j + 2 + usize::from(self.lower(j + 2) == "the");
                    (self.mentions.iter().find(|m| m.tokens.start == after && DETAINERS.contains(&m.kind)).copied(), j)
                }
                None => (None, j),
            };
            let Some(holder) = holder.and_then(Frame::argument) else { continue };
            if start > 0 && self.lower(start - 1) == "the" {
                start -= 1;
            }
            let Some(prep) = start.checked_sub(1).filter(|&p| matches!(self.word(p), "in" | "from" | "into")) else {
                continue;
            };
            let Some(patient) = self.held_one(prep) else { continue };
            if patient.0 != holder.0 {
                found.push((j, holder, patient));
            }
        }
        found
    }

    /// Some resolved state, organization or group: every detention and custody needs one as its holder.
    fn names_a_detainer(&self) -> bool {
        self.mentions.iter().any(|m| m.entity.is_some() && DETAINERS.contains(&m.kind))
    }

    /// Who is in custody: the owner of the noun before "in" ("Mousa's death
    /// in custody"), else the clause's subject, if a person or a group.
    fn held_one(&self, prep: usize) -> Option<Argument> {
        let owner = (prep >= 2 && self.sentence.tokens[prep - 2].kind == TokenKind::Possessive)
            .then(|| self.mentions.iter().find(|m| m.tokens.end == prep - 2 && m.entity.is_some()))
            .flatten();
        let patient = match owner {
            Some(m) => Frame::argument(m)?,
            None => self.subject(prep)?,
        };
        self.can_be_detained(&patient).then_some(patient)
    }

    /// The patient of a detention is a person or a group (not "the seat", a place or a company).
    pub(super) fn can_be_detained(&self, patient: &Argument) -> bool {
        self.mentions.iter().any(|m| m.entity == Some(patient.0) && m.span == patient.1 && DETAINED.contains(&m.kind))
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::cue_words::{CUSTODY, HELD};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_gates_let_both_words_through(word in "(held|custody|Held|hold|[a-z]{1,10})") {
            prop_assert_eq!(word == "held", word == "held" && HELD.may_start(word.len(), word.as_bytes()[0]));
            prop_assert_eq!(word == "custody", word == "custody" && CUSTODY.may_start(word.len(), word.as_bytes()[0]));
        }
    }
}
