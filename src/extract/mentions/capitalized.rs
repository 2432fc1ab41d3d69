//! Capitalised names with no gazetteer entry, typed by their cue words, and
//! the untyped ones the resolver may adopt.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::extract::lexicon::GazTarget;

impl Scan<'_> {
    /// A capitalised name with no gazetteer entry, typed by its cue words.
    pub(super) fn capitalized_name(&mut self, i: usize) -> Option<usize> {
        if self.all_caps || !self.is_name_word(i) || self.gaz(i).is_some() {
            return None;
        }
        // Where a tagger is loaded, a capitalised word it leaves out is no name
        // unless a strong cue says otherwise (checked below).
        let tagger_says_no = !self.tagged.is_empty();
        let words = &self.lexicon.words;
        let (end, first_link) = self.capitalized_run(i);
        // "Claudia Mo of the Civic Party": a person, then the organization they belong to.
        // A middle initial marks a person as a first name does ("Agnes T. Morrow of ...").
        if let Some((at, len)) = first_link
            && (self.is_first_name(i) || self.is_middle_initial(i + 1))
            && at - i <= 3
            && self.word(at) == "of"
            && !(i..at).any(|k| self.is(k, &words.org_head))
        {
            return Some(self.push_member_of(i..at, at + len..end, self.span(at..at + len)));
        }
        let org_inside = (i..end).any(|k| self.is(k, &words.org_head) && self.match_len(&words.name_link, k + 1) > 0);
        let is_org = end > i + 1 && (self.is(end - 1, &words.org_head) || self.is(i, &words.org_start) || org_inside);
        if is_org {
            return Some(self.unlisted_organization(i..end));
        }
        if let Some(company_end) = self.company_name_end(i..end) {
            return Some(self.unlisted_organization(i..company_end));
        }
        // Place by its head word: "Sheremetyevo airport", "Red Square".
        if self.is(end, &words.place_head) || (self.is(end - 1, &words.place_head) && end > i + 1) {
            let stop = if self.is(end, &words.place_head) { end + 1 } else { end };
            let name = self.text[self.span(i..stop)].to_string();
            self.push(
                i..stop,
                EntityKind::Place,
                Form::Name,
                !self.is_modifier(stop),
                Cue::Place { name, state: None },
            );
            return Some(stop);
        }
        let head = !self.is_modifier(end);
        if tagger_says_no {
            self.unknown(i..end, head);
            return Some(end);
        }
        if self.person_by_cue(i..end, head) {
            return Some(end);
        }
        let name = self.text[self.span(i..end)].to_string();
        let locative = i >= 1 && matches!(self.word(i - 1), "in" | "at" | "near" | "outside");
        if locative {
            self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state: None });
            return Some(end);
        }
        self.unknown(i..end, head);
        Some(end)
    }

    /// Names joined by an ampersand are a company's ("Douglas & Lomason Co",
    /// "Procter & Gamble", "AT&T"; 53 BBC dev documents), whatever the tagger
    /// or the lexicon read in either half. Returns the end token.
    pub(super) fn ampersand_name(&mut self, i: usize) -> Option<usize> {
        if !self.is_name_word(i) || self.all_caps {
            return None;
        }
        let mut amp = i + 1;
        while self.is_name_word(amp) {
            amp += 1;
        }
        if self.word(amp) != "&" || !self.is_capitalized(amp + 1) {
            return None;
        }
        let mut end = amp + 2;
        while self.is_name_word(end) {
            end += 1;
        }
        let end = self.company_name_end(i..end).unwrap_or(end);
        let name = self.text[self.span(i..end)].to_string();
        let head = !self.is_modifier(end);
        self.push(i..end, EntityKind::Organization, Form::Name, head, Cue::Org { name, lexicon: None, state: None });
        Some(end)
    }

    /// The capitalised words from `i` on, across links ("Bank of England",
    /// "Ministry for Foreign Affairs") to more of them: returns the end token
    /// and the first link's token and length.
    fn capitalized_run(&self, i: usize) -> (usize, Option<(usize, usize)>) {
        let words = &self.lexicon.words;
        let mut end = i + 1;
        let mut first_link = None;
        loop {
            let link = self.match_len(&words.name_link, end);
            let continues = self.is_name_word(end)
                && !self.starts_title(end)
                && self.gaz(end).is_none_or(|(_, t)| matches!(t, GazTarget::Org(_)));
            if continues {
                end += 1;
            } else if self.hyphen_joins(end) && self.is_name_word(end + 1) && self.gaz(end + 1).is_none() {
                // "Kilroy-Silk": a double-barrelled name is one name word.
                end += 2;
            } else if link > 0 && self.is_name_word(end + link) && self.gaz(end + link).is_none() {
                first_link.get_or_insert((end, link));
                end += link + 1;
            } else {
                break;
            }
        }
        (end, first_link)
    }

    /// The end of the company named at `tokens` by a legal-form word as its
    /// last word or right after it ("Brennor Holdings Ltd", "Velmo plc").
    pub(super) fn company_name_end(&self, tokens: Range<usize>) -> Option<usize> {
        let Range { start, end } = tokens;
        let suffixes = &self.lexicon.lists.org_suffix;
        if end > start + 1 && suffixes.contains(self.word(end - 1)) {
            Some(end)
        } else if end < self.tokens.len() && suffixes.contains(self.word(end)) {
            Some(end + 1)
        } else {
            None
        }
    }

    /// An organization by its cue words at `tokens`, qualified by "of" and a
    /// state after it ("Foreign Ministry of Russia"). Returns the end token.
    fn unlisted_organization(&mut self, tokens: Range<usize>) -> usize {
        let Range { start: i, end } = tokens;
        // "of Russia" after the name qualifies it.
        let mut state = None;
        let mut stop = end;
        if self.word(end) == "of"
            && let Some((state_end, GazTarget::StateName(s))) = self.gaz(end + 1)
        {
            state = Some((end + 1..state_end, s));
            stop = state_end;
        }
        let name = self.text[self.span(i..end)].to_string();
        let head = !self.is_modifier(stop);
        self.push(
            i..stop,
            EntityKind::Organization,
            Form::Name,
            head,
            Cue::Org { name, lexicon: None, state: state.as_ref().map(|s| s.1) },
        );
        if let Some((tokens, s)) = state {
            self.push(tokens, EntityKind::State, Form::Name, false, Cue::State(s));
        }
        stop
    }

    /// A person by a first name ("Kathryn Waters"), dropping words before it
    /// ("Islamic Relations Alia Salem"), or by a speech verb ("Dewar said").
    /// Returns whether the name at `tokens` was one.
    fn person_by_cue(&mut self, tokens: Range<usize>, head: bool) -> bool {
        let Range { start: i, end } = tokens;
        let words = &self.lexicon.words;
        let first_name = (i..end.saturating_sub(1)).find(|&k| self.is_first_name(k));
        let speaker = self.is(end, &words.speech) || (i >= 1 && self.is(i - 1, &words.speech));
        let person_start = match first_name {
            Some(k) => Some(k),
            None if speaker && !self.word(end - 1).ends_with("ed") => Some(i),
            None => None,
        };
        let Some(start) = person_start else { return false };
        let name = self.text[self.span(start..end)].to_string();
        self.push(start..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: None });
        true
    }

    /// A capitalised name nothing typed; the resolver may adopt it later.
    fn unknown(&mut self, tokens: Range<usize>, head: bool) {
        let span = self.span(tokens.clone());
        let name = self.text[span.clone()].to_string();
        self.found.unknown.push(Mention {
            sentence: self.index,
            phrase_start: tokens.start,
            tokens,
            span,
            kind: EntityKind::Person,
            form: Form::Name,
            head,
            cue: Cue::Person { name, lexicon: None },
            entity: None,
        });
    }
}
