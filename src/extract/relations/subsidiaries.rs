//! A company's part of another, named by a noun: "Agroflora, a subsidiary
//! of the UK food group Vestey", "Chrysler, the US unit of Germany's
//! DaimlerChrysler", "Alfa-Eco, the venture capital arm of Alfa Group",
//! "Yukos's Yuganskneftegas subsidiary", "Delta Air Lines' Comair
//! subsidiary" (six and four sentences of the BBC dev corpus). A "former
//! unit" is no longer one.

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Mention};

impl<'a> Frame<'a> {
    /// The part and the whole a part noun ("subsidiary", "unit") at `noun` names.
    pub(super) fn company_part(&self, noun: usize) -> Option<(Argument, Argument)> {
        let start = self.part_modifiers_start(noun);
        if (start..noun).any(|j| matches!(self.word(j), "former" | "ex" | "sold")) {
            return None;
        }
        let (part, whole) = if self.word(noun + 1) == "of" {
            // "Y, a subsidiary of X".
            let clause_end = self.clause_end(noun + 1).max(noun + 1);
            let whole = self.complement(noun + 1, clause_end)?;
            let comma = start.checked_sub(1).filter(|&c| self.word(c) == ",")?;
            (self.company_ending_at(comma)?, whole)
        } else {
            // "X's Y subsidiary": the part named right before the noun, the owner before it.
            let part = self.company_ending_at(noun)?;
            let whole = self.possessor(part.tokens.start).filter(|m| m.kind == EntityKind::Organization)?;
            (part, whole)
        };
        Some((Frame::argument(part)?, Frame::argument(whole)?))
    }

    /// Where the part noun's modifiers start, a state among them: "the US
    /// unit", "a British-based subsidiary" (up to five tokens, and the article).
    fn part_modifiers_start(&self, noun: usize) -> usize {
        let mut start = noun;
        while start > 0 && start + 5 > noun {
            let k = start - 1;
            let state = self.mentions.iter().find(|m| m.tokens.end == k + 1 && m.kind == EntityKind::State);
            if let Some(state) = state {
                start = state.tokens.start;
                continue;
            }
            let word = self.word(k);
            if matches!(word, "a" | "an" | "the" | "its") {
                return k;
            }
            if !word.starts_with(char::is_lowercase) || self.in_mention(k) || self.is_boundary(k) {
                break;
            }
            start = k;
        }
        start
    }

    fn company_ending_at(&self, end: usize) -> Option<&&'a Mention> {
        self.mentions.iter().find(|m| m.tokens.end == end && m.kind == EntityKind::Organization && m.entity.is_some())
    }
}
