//! Names the statistical tagger found, trimmed and typed by its name type.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::lexicon::GazTarget;
use crate::extract::vocabulary::NameType;
use crate::text::TokenKind;

impl Scan<'_> {
    /// A name the tagger found where the gazetteer has nothing as long.
    pub(super) fn tagged_name(&mut self, i: usize) -> Option<usize> {
        let (tag_end, name_type) = self.person_split_after_first_name(i)?;
        let end = self.trimmed_tag_end(i, tag_end);
        if end == i || (end == i + 1 && self.is_shouted_word(i)) {
            return Some(tag_end);
        }
        // "Leeds-based Vantorra" read as one name: a company (23 BBC dev documents) after a place.
        if let Some(k) = (i + 1..end.saturating_sub(2)).find(|&k| self.word(k) == "-" && self.word(k + 1) == "based")
            && self.is_capitalized(k + 2)
            && self.gaz(i).is_none()
        {
            let org_end = (k + 2..end).find(|&e| !self.is_name_word(e)).unwrap_or(end);
            self.push_tagged_organization(k + 2..org_end, !self.is_modifier(org_end));
            return Some(org_end);
        }
        if let Some(person_end) = self.party_before_person(i..end) {
            return Some(person_end);
        }
        if !self.is_capitalized(i) || self.gazetteer_decides(i..end, name_type) {
            return None;
        }
        // "Claudia Mo of Civic Party" tagged as one name: a person and their organization.
        // A middle initial after the first word makes a person of it too ("Agnes T. Morrow of ...").
        let person_start = self.is_first_name(i) || self.is_middle_initial(i + 1);
        if (name_type == NameType::Person || (name_type == NameType::Organization && person_start))
            && let Some(of) = (i + 1..end.saturating_sub(1)).find(|&k| self.word(k) == "of")
        {
            let org_start = if self.word(of + 1) == "the" { of + 2 } else { of + 1 };
            if org_start < end {
                return Some(self.push_member_of(i..of, org_start..end, self.tokens[of].range()));
            }
        }
        // A legal form makes a company of whatever the tagger read ("Velmo Holdings Ltd"),
        // and so does a company head word ending a "person" ("Kestrel Motors").
        let company_head =
            name_type == NameType::Person && end > i + 1 && self.is(end - 1, &self.lexicon.words.org_head);
        if company_head {
            self.push_tagged_organization(i..end, !self.is_modifier(end));
            return Some(end);
        }
        if matches!(name_type, NameType::Person | NameType::Place)
            && let Some(company_end) = self.company_name_end(i..end)
        {
            self.push_tagged_organization(i..company_end, !self.is_modifier(company_end));
            return Some(company_end);
        }
        let head = !self.is_modifier(end);
        match name_type {
            NameType::Person if self.is_plural_agent(i..end) => {}
            NameType::Person => {
                let name = self.text[self.span(i..end)].to_string();
                self.push(i..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: None });
            }
            NameType::Place => {
                let name = self.text[self.span(i..end)].to_string();
                self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state: None });
            }
            NameType::Organization => {
                if let Some(linked_end) = self.linked_organization_end(i, end) {
                    let end = self.trimmed_tag_end(i, linked_end);
                    self.push_tagged_organization(i..end, !self.is_modifier(end));
                    return Some(end);
                }
                self.push_tagged_organization(i..end, head);
            }
            // Other names (events, products, nationalities) are not entities here.
            NameType::Other => {}
        }
        Some(end)
    }

    /// "Conservative Graham Brady" tagged as one name: the listed party, then
    /// a person from a first name on (the membership rule links them).
    fn party_before_person(&mut self, tagged: Range<usize>) -> Option<usize> {
        let Range { start: i, mut end } = tagged;
        let (party_end, GazTarget::Org(_)) = self.gaz(i)? else { return None };
        // "Tory David" + "Quarrie": the tagger ended the name after the first name.
        if end == party_end + 1 && self.is_name_word(end) && self.gaz(end).is_none() && !self.starts_title(end) {
            end = self.tagged.get(end).copied().flatten().map_or(end + 1, |(e, _)| e);
        }
        let person = party_end < end
            && self.is_first_name(party_end)
            && (party_end..end).all(|k| self.is_name_word(k) || self.is_middle_initial(k));
        if !person {
            return None;
        }
        // The gazetteer rule may read a longer name from the party on: its reading stands.
        let listed_end = self.gazetteer_name(i)?;
        if listed_end != party_end {
            return Some(listed_end);
        }
        let name = self.text[self.span(party_end..end)].to_string();
        let head = !self.is_modifier(end);
        self.push(party_end..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: None });
        Some(end)
    }

    /// The tagged name at `i`, with a lone first name and the tagged name
    /// right after it joined as one person: the tagger reads some surnames
    /// it never saw as a name of their own ("Sean" + "O'Rourke").
    fn person_split_after_first_name(&self, i: usize) -> Option<(usize, NameType)> {
        let (end, name_type) = self.tagged.get(i).copied().flatten()?;
        if let Some(joined_end) = self.name_after_middle_initial(i, end) {
            return Some((joined_end, NameType::Person));
        }
        if name_type == NameType::Person
            && end == i + 1
            && self.is_first_name(i)
            && let Some(next_end) = self.name_after_first_name(end)
            && self.is_name_word(end)
            && self.gaz(end).is_none()
            && !self.starts_title(end)
            && !self.is_first_name(end)
        {
            return Some((next_end, NameType::Person));
        }
        Some((end, name_type))
    }

    /// Where a person name split by the tagger at a middle initial ends: a
    /// capitalised word, "K." and a capitalised word are one person ("Roger
    /// K. Crouch"; 264 of 279 such initials are I-PER in CoNLL-2003 train).
    fn name_after_middle_initial(&self, i: usize, end: usize) -> Option<usize> {
        if end <= i || !self.is_name_word(end - 1) {
            return None;
        }
        let mut at = end;
        while self.is_middle_initial(at) && self.is_name_word(at + 1) && self.gaz(at + 1).is_none() {
            at = match (self.tagged.get(at).copied().flatten(), self.tagged.get(at + 1).copied().flatten()) {
                // The tagger read "D. Merbold" as a name of its own.
                (Some((e, _)), _) if e > at + 1 => e,
                (_, Some((e, NameType::Person | NameType::Other))) => e,
                _ => at + 2,
            };
        }
        (at > end).then_some(at)
    }

    /// One capital letter and its period ("K.").
    pub(super) fn is_middle_initial(&self, i: usize) -> bool {
        let word = self.word(i).as_bytes();
        word.len() == 2 && word[0].is_ascii_uppercase() && word[1] == b'.'
    }

    /// Where the name after a lone first name at `end - 1` ends: a name the
    /// tagger found there, or one word it left out that has an apostrophe
    /// or hyphen inside ("Gary O'Donoghue"), a shape it rarely saw.
    fn name_after_first_name(&self, end: usize) -> Option<usize> {
        match self.tagged.get(end).copied().flatten() {
            Some((next_end, next_type)) if next_type != NameType::Other => Some(next_end),
            // Left out, or read as some other name ("O'Donoghue" as a nationality).
            _ => {
                let word = self.word(end);
                let inner = word.get(1..word.len().saturating_sub(1)).unwrap_or("");
                let joined = self.hyphen_joins(end + 1) && self.is_capitalized(end + 2);
                (inner.contains(['\'', '’']) || joined).then_some(if joined { end + 3 } else { end + 1 })
            }
        }
    }

    /// The end of the tagged name from `i` to `tag_end` without what the tagger
    /// dragged in: "Minneapolis-based First Bank", "the Fed 's", "Minor Counties and".
    /// A lower-case word hyphen-joined to the name stays ("Lee Cheuk-yan").
    fn trimmed_tag_end(&self, i: usize, tag_end: usize) -> usize {
        let mut end = tag_end;
        while end > i {
            let last = self.tokens[end - 1];
            let joined = end >= 2 && self.word(end - 2) == "-" && self.tokens[end - 2].end == last.start;
            let trim = !matches!(last.kind, TokenKind::Word | TokenKind::Number)
                || (!joined && self.word(end - 1).starts_with(char::is_lowercase))
                || self.is(end - 1, &self.lexicon.words.function);
            if !trim {
                break;
            }
            end -= 1;
        }
        end
    }

    /// The gazetteer decides its own names, except that a city or a seat of
    /// government named as a sports team is an organization ("NEW YORK 74 59").
    /// A state before an organization ("United States Commerce Department")
    /// is the rules' business too.
    fn gazetteer_decides(&self, tagged: Range<usize>, name_type: NameType) -> bool {
        let Some((gaz_end, target)) = self.gaz(tagged.start) else { return false };
        let end = tagged.end;
        let city_as_team = gaz_end == end
            && name_type == NameType::Organization
            && matches!(target, GazTarget::Place(_) | GazTarget::StateSeat(_));
        // A longer name of another kind that starts with an organization is
        // that other thing ("Fed Cup", "Nato summit" is lower case and stays).
        let org_in_other = name_type == NameType::Other && matches!(target, GazTarget::Org(_));
        // "Tory MPs", "Nato Ministers": the organization and its people, not a longer name.
        let members = gaz_end + 1 == end && {
            let next = self.word(gaz_end);
            self.lexicon.titles.starts_with_token(next.strip_suffix('s').unwrap_or(next))
        };
        members
            || !city_as_team
                && (gaz_end >= end
                    || name_type == NameType::Other && !org_in_other
                    || !matches!(target, GazTarget::Org(_) | GazTarget::Person(_) | GazTarget::Place(_)))
    }

    /// A tagged organization, qualified by a state named last after "of"
    /// ("Ministry of Foreign Affairs of Russia").
    fn push_tagged_organization(&mut self, tokens: Range<usize>, head: bool) {
        let Range { start: i, end } = tokens;
        let qualifier = (i + 2..end).find(|&k| {
            self.word(k - 1) == "of" && matches!(self.gaz(k), Some((e, GazTarget::StateName(_))) if e == end)
        });
        let (org_end, state) = match qualifier {
            Some(k) => (k - 1, self.gaz(k).map(|(_, t)| t)),
            None => (end, None),
        };
        let name = self.text[self.span(i..org_end)].to_string();
        let state = match state {
            Some(GazTarget::StateName(s)) => Some(s),
            _ => None,
        };
        self.push(i..end, EntityKind::Organization, Form::Name, head, Cue::Org { name, lexicon: None, state });
        if let (Some(k), Some(s)) = (qualifier, state) {
            self.push(k..end, EntityKind::State, Form::Name, false, Cue::State(s));
        }
    }

    /// An ordinary word in capitals ("UNLESS", "WARNED"), not a name.
    fn is_shouted_word(&self, i: usize) -> bool {
        let word = self.word(i);
        if word.len() < 2 || word.chars().any(char::is_lowercase) {
            return false;
        }
        let words = &self.lexicon.words;
        self.is_grammar(&word.to_lowercase())
            || self.is(i, &words.clause)
            || self.is(i, &words.speech)
            || self.is(i, &words.hedge)
            || self.starts_trigger(i)
    }
}
