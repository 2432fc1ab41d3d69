//! "the government" with no state named: the story's own government, which
//! resolution picks from the document (`resolve/governments.rs`).

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};

impl Scan<'_> {
    /// "the government", "the government's": at the determiner `i`. Not "the
    /// government of Sudan" (Sudan's own), nor a capitalised name ("the
    /// Government Accountability Office"). Returns the token after it.
    pub(super) fn bare_government(&mut self, i: usize) -> Option<usize> {
        let noun = i + 1;
        if self.word(noun) != "government" || !self.word(i).eq_ignore_ascii_case("the") || self.word(noun + 1) == "of" {
            return None;
        }
        let end = noun + 1;
        self.push(i..end, EntityKind::State, Form::Nominal, !self.is_modifier(end), Cue::Government);
        Some(end)
    }
}
