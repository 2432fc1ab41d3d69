//! "the Russian oil giant", "the British firm": a definite description of a
//! company by its state and a company noun (`company_descriptor` of
//! `words.tsv`), which resolution joins to the one company named just before.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::vocabulary::StateId;
use crate::text::TokenKind;

impl Scan<'_> {
    /// A company description opening with "the" at `i` whose state's tokens
    /// are `state`: up to two lower-case words, then a company noun that ends
    /// the phrase (a verb, a grammar word or punctuation follows, not a name).
    /// Returns the token after it.
    pub(super) fn company_description(
        &mut self,
        i: usize,
        (state, s, form): (Range<usize>, StateId, Form),
    ) -> Option<usize> {
        if !self.word(i).eq_ignore_ascii_case("the") || state.start != i + 1 {
            return None;
        }
        let lists = &self.lexicon.lists;
        let noun = (state.end..state.end + 3)
            .take_while(|&k| k < self.tokens.len() && self.lower_word(k) && !self.is_grammar(self.word(k)))
            .find(|&k| lists.company_descriptor.contains(self.word(k)))
            // "the Italian stock exchange" is a market, not a company named before
            // (4 of the 18 first BBC dev edges, all wrong).
            .filter(|&k| self.word(k) != "exchange")?;
        let end = noun + 1;
        let ends_phrase = end >= self.tokens.len()
            || matches!(self.tokens[end].kind, TokenKind::Punct | TokenKind::Possessive)
            || self.lower_word(end) && (self.is_grammar(self.word(end)) || self.is(end, &self.lexicon.words.verb));
        if !ends_phrase || (state.end..noun).any(|k| self.is(k, &self.lexicon.words.verb)) {
            return None;
        }
        let state_mention = self.push(state, EntityKind::State, form, false, Cue::State(s));
        let cue = Cue::CompanyDescription { state: state_mention };
        self.push(i..end, EntityKind::Organization, Form::Nominal, !self.is_modifier(end), cue);
        Some(end)
    }

    fn lower_word(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && self.word(k).starts_with(char::is_lowercase)
    }
}
