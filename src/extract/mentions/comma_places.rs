//! After the scan: "Dayton, Ohio", "Morgan City, La.", "Trenton, New
//! Jersey": a name before a comma and a US state (or its AP abbreviation,
//! `us_state` of `words.tsv`) is a place in that state, and so is the state,
//! whatever the tagger read them as ("La" an organization, "Azusa" a
//! person). In CoNLL-2003 train 50 of 53 such names and states are places;
//! alone, a state name is as often a team there, so the lexicon does not
//! list the states as places everywhere. So is a name before a comma and a
//! sovereign state that ends the phrase ("BRISBANE, Australia").

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::vocabulary::StateId;

/// The first words of two-word states ("New Jersey", "West Virginia", "Rhode Island").
const TWO_WORD_STATE_START: [&str; 5] = ["New", "North", "South", "West", "Rhode"];

impl Scan<'_> {
    /// Retypes (or adds) the places of every "Name, State" (a US state or a sovereign one) among the sentence's mentions from `first` on.
    pub(super) fn comma_places(&mut self, first: usize) {
        self.places_after_ages(first);
        let last = self.tokens.len().saturating_sub(1);
        let mut k = 0;
        while let Some(next) = self.next_comma_place(first, k) {
            k = next;
            if k >= last {
                break;
            }
            if self.word(k) != "," {
                continue;
            }
            let Some(state) = self.us_state_at(k + 1) else {
                self.city_of_state(first, k);
                continue;
            };
            let Some(city) = (first..self.found.mentions.len()).find(|&m| {
                let m = &self.found.mentions[m];
                m.tokens.end == k && m.form == Form::Name
            }) else {
                continue;
            };
            if !self.may_become_place(city) {
                continue;
            }
            let Some(usa) = self.lexicon.state_by_iso("USA") else { return };
            let at_state = (first..self.found.mentions.len()).find(|&m| self.found.mentions[m].tokens == state);
            let overlaps =
                self.found.mentions[first..].iter().any(|m| m.tokens.start < state.end && state.start < m.tokens.end);
            match at_state {
                Some(m) if self.may_become_place(m) => self.make_place(m, usa),
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

    /// "Ann Corbel, 25, of Tempe": the name after a person's age and "of" is
    /// where they live, whatever the tagger read it as (unless the lexicon
    /// knows it or it ends in a company's head word). CoNLL04 train: 4 of the
    /// 5 such names (without "the") are places, the fifth a street; BBC dev
    /// corpus: 3 of 3 ("of Headingley", "of Tuxford", "of Auckland").
    fn places_after_ages(&mut self, first: usize) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name {
                continue;
            }
            let end = person.tokens.end;
            let aged = self.word(end) == "," && self.age_at(end + 1) && self.word(end + 3) == "of";
            if !aged {
                continue;
            }
            let home = (first..self.found.mentions.len()).find(|&m| self.found.mentions[m].tokens.start == end + 4);
            if let Some(home) = home
                && self.may_become_place(home)
                && !self.followed_by_possessive(self.found.mentions[home].tokens.end)
            {
                let mention = &mut self.found.mentions[home];
                if !matches!(mention.cue, Cue::Place { .. }) {
                    let name = self.text[mention.span.clone()].to_string();
                    mention.kind = EntityKind::Place;
                    mention.cue = Cue::Place { name, state: None };
                }
            }
        }
    }

    /// The next token after `k` where `comma_places` may find a place: the
    /// end of a name among the sentence's mentions from `first` on, as both
    /// rules need a name right before the comma (and a state this rule adds
    /// ends after its comma, so the names are read again at each step).
    /// Testing every token for a comma cost 15 M instructions of 3 MB of news
    /// (callgrind); the plain walk, every token, is kept for a test.
    fn next_comma_place(&self, first: usize, k: usize) -> Option<usize> {
        #[cfg(test)]
        if tests::PLAIN.get() {
            return Some(k + 1);
        }
        let names = self.found.mentions[first..].iter().filter(|m| m.form == Form::Name);
        names.map(|m| m.tokens.end).filter(|&end| end > k).min()
    }

    /// "BRISBANE, Australia", "Saint-Gall, Switzerland": a name before the
    /// comma `k` and a state's name that ends the phrase is a place in that
    /// state (in CoNLL-2003 train 92 of 97 such names are places). A state
    /// before "and", "or", a possessive or a capital is in a list or a
    /// description ("Airbus, France and Germany", "Nokia, Finland's largest").
    fn city_of_state(&mut self, first: usize, k: usize) {
        let Some(s) = self.found.mentions[first..].iter().find_map(|m| match m.cue {
            Cue::State(s) if m.tokens.start == k + 1 && m.form == Form::Name => Some((s, m.tokens.end)),
            _ => None,
        }) else {
            return;
        };
        let (state, end) = s;
        if matches!(self.word(end), "and" | "or") || self.followed_by_possessive(end) || self.is_capitalized(end) {
            return;
        }
        let city = (first..self.found.mentions.len()).find(|&m| {
            let m = &self.found.mentions[m];
            m.tokens.end == k && m.form == Form::Name
        });
        if let Some(city) = city
            && self.may_become_place(city)
            && !self.is_first_name(self.found.mentions[city].tokens.start)
        {
            self.make_place(city, state);
        }
    }

    /// The tokens of a US state or its abbreviation at `i` that ends a name
    /// (no capitalised word after it: "Ohio State University" is no place).
    pub(super) fn us_state_at(&self, i: usize) -> Option<Range<usize>> {
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
    /// person or organization the lexicon knows, nor a name that ends in a
    /// company's head word ("Acme Bank").
    fn may_become_place(&self, m: usize) -> bool {
        let mention = &self.found.mentions[m];
        mention.form == Form::Name
            && match &mention.cue {
                Cue::Place { .. } => true,
                Cue::Org { lexicon, .. } => {
                    lexicon.is_none() && !self.is(mention.tokens.end - 1, &self.lexicon.words.org_head)
                }
                Cue::Person { lexicon, .. } => lexicon.is_none(),
                _ => false,
            }
    }

    fn make_place(&mut self, m: usize, state: StateId) {
        let mention = &mut self.found.mentions[m];
        if let Cue::Place { state: Some(_), .. } = mention.cue {
            return;
        }
        let name = self.text[mention.span.clone()].to_string();
        mention.kind = EntityKind::Place;
        mention.cue = Cue::Place { name, state: Some(state) };
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use crate::extract::Pipeline;

    static PIPELINE: std::sync::LazyLock<Pipeline> = std::sync::LazyLock::new(Pipeline::embedded);

    thread_local! {
        /// Walk every token, as the rule did before it went from name to name.
        pub(super) static PLAIN: Cell<bool> = const { Cell::new(false) };
    }

    proptest::proptest! {
        #[test]
        fn going_from_name_to_name_finds_what_every_token_finds(picks in proptest::collection::vec(0usize..16, 1..14)) {
            const WORDS: [&str; 16] = [
                "Dayton", ",", "Ohio", "New", "Jersey", "Paris", "France", "and", "Acme", "Corp", "said", "La.",
                "BRISBANE", "Australia", "'s", "Ann Tovey",
            ];
            let text = format!("{} .", picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" "));
            let pipeline = &*PIPELINE;
            let sentences = crate::text::analyze(&text, 0..text.len());
            let found = |plain: bool| {
                PLAIN.set(plain);
                let found = format!("{:?}", pipeline.mentions(&text, &sentences).0);
                PLAIN.set(false);
                found
            };
            proptest::prop_assert_eq!(found(false), found(true));
        }
    }
}
