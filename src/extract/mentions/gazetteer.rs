//! Gazetteer names: states, seats, demonyms, organizations, people and
//! places of the lexicon, and the organizations a state qualifies.

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::lexicon::GazTarget;
use crate::extract::names::strip_leading;
use crate::extract::vocabulary::OrgId;
use crate::extract::vocabulary::PersonId;
use crate::extract::vocabulary::PlaceId;
use crate::extract::vocabulary::StateId;
use crate::text::TokenKind;

impl Scan<'_> {
    /// A gazetteer name, with organizations qualified by a state ("United States Commerce Department").
    pub(super) fn gazetteer_name(&mut self, i: usize) -> Option<usize> {
        let (end, target) = self.gaz(i)?;
        Some(match target {
            GazTarget::StateName(s) | GazTarget::StateSeat(s) | GazTarget::StateDemonym(s) => {
                let form = if matches!(target, GazTarget::StateDemonym(_)) { Form::Demonym } else { Form::Name };
                self.state_name(i..end, s, form, matches!(target, GazTarget::StateSeat(_)))
            }
            GazTarget::Org(_) if self.starts_other_name(i, end) => self.capitalized_words_end(end),
            GazTarget::Org(o) => self.listed_organization(i..end, o),
            GazTarget::Person(p) => self.listed_person(i..end, p),
            GazTarget::Place(p) => self.listed_place(i..end, p),
        })
    }

    /// A state's name, demonym or seat (`seat`) at `tokens`: an organization's
    /// qualifier, the place of a group or the group's state, a seat as a place,
    /// or the state itself. Returns the end token.
    fn state_name(&mut self, tokens: Range<usize>, s: StateId, form: Form, seat: bool) -> usize {
        let Range { start: i, end } = tokens;
        // A state qualifying an organization.
        if let Some(org_end) = self.organization_after(end, Some(s)) {
            return org_end;
        }
        // The group acts (a nominal head); the name stays a name, for scoring and aliases.
        if let Some(start) = self.group_in(i) {
            let head = !self.followed_by_possessive(end);
            let noun_end = i - if self.word(i - 1).eq_ignore_ascii_case("the") { 2 } else { 1 };
            let noun_start = (start..noun_end)
                .find(|&k| self.tokens[k].kind == TokenKind::Word && !self.classes.is_determiner(k))
                .unwrap_or(noun_end);
            self.push(i..end, EntityKind::State, form, false, Cue::State(s));
            self.push_acting(start..end, noun_start..noun_end, s, head);
            return end;
        }
        if self.followed_by_possessive(end)
            && let Some(group_end) = self.group_after(end)
        {
            let head = !self.is_modifier(group_end);
            self.push(i..end, EntityKind::State, form, false, Cue::State(s));
            self.push_acting(i..group_end, end + 1..group_end, s, head);
            return group_end;
        }
        // "in Kabul", and "BANGKOK, Thailand" (a dateline): the city, not its government.
        let before_own_state =
            self.word(end) == "," && matches!(self.gaz(end + 1), Some((_, GazTarget::StateName(t))) if t == s);
        if seat && (self.after_locative(i) || before_own_state) {
            let name = strip_leading(&self.text[self.span(i..end)], "the ").to_string();
            self.push(
                i..end,
                EntityKind::Place,
                Form::Name,
                !self.followed_by_possessive(end),
                Cue::Place { name, state: Some(s) },
            );
            return end;
        }
        self.push_state(i..end, s, form)
    }

    /// The state itself at `tokens`: a head when named alone or acting through
    /// its people, and the pending qualifier of a title that follows it.
    /// Returns the end token.
    fn push_state(&mut self, tokens: Range<usize>, s: StateId, form: Form) -> usize {
        let end = tokens.end;
        let after = if self.followed_by_possessive(end) { end + 1 } else { end };
        let titled = self.title(after).is_some();
        // "Ivory Coast rebels", "US forces", "Swiss doctors", "Iraqi Kurds": the
        // state acting through its people.
        let next = self.word(end);
        let people = next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && !self.is_grammar(next);
        // A plural demonym is people: "Palestinians blamed Israel", "Thousands of Nigerians".
        let plural_demonym = form == Form::Demonym && self.word(end - 1).ends_with('s');
        let acting =
            self.is(end, &self.lexicon.words.state_noun) || (form == Form::Demonym && people) || plural_demonym;
        let head = (form == Form::Name && !self.is_modifier(end) || acting) && !titled;
        self.push(tokens, EntityKind::State, form, head, Cue::State(s));
        // A possessive state qualifies a title a few words on ("Jordan's visiting King").
        let possessive = self.followed_by_possessive(end);
        self.role_state = (titled || possessive).then(|| self.found.mentions.len() - 1);
        if titled { after } else { end }
    }

    /// An organization of the lexicon.
    fn listed_organization(&mut self, tokens: Range<usize>, o: OrgId) -> usize {
        let end = tokens.end;
        let name = self.lexicon.organization(o).name.clone();
        // "European Union foreign ministers": the organization acts; the span stays its name.
        let acting = !self.followed_by_possessive(end) && self.group_after(end).is_some();
        let head = acting || !self.is_modifier(end);
        self.push(tokens, EntityKind::Organization, Form::Name, head, Cue::Org { name, lexicon: Some(o), state: None });
        end
    }

    /// A one-word organization that starts a longer name of something else:
    /// "Fed Cup", "Labour Day", "Google Maps". A title after it ("Fed Chairman",
    /// "Tory MPs") or an organization's head word ("EU Commission") keeps it.
    fn starts_other_name(&self, i: usize, end: usize) -> bool {
        let words = &self.lexicon.words;
        let next = self.word(end);
        end == i + 1
            && self.is_name_word(end)
            && self.gaz(end).is_none()
            && !self.starts_title(end)
            && !self.lexicon.titles.starts_with_token(next.strip_suffix('s').unwrap_or(next))
            && !self.is(end, &words.org_head)
            && !self.is(end, &words.org_start)
            && !self.is_first_name(end)
    }

    /// Where the capitalised words from `i` end.
    fn capitalized_words_end(&self, mut i: usize) -> usize {
        while self.is_name_word(i) {
            i += 1;
        }
        i
    }

    /// A person of the lexicon, or their state acting ("The Bush administration declared").
    fn listed_person(&mut self, tokens: Range<usize>, p: PersonId) -> usize {
        let Range { start: i, end } = tokens;
        if self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word)
            && matches!(self.word(end), "administration" | "government" | "cabinet" | "regime")
            && let Some(role) = self.lexicon.person(p).roles.last()
        {
            let name = self.text[self.span(i..end)].to_string();
            self.push(i..end, EntityKind::Person, Form::Name, false, Cue::Person { name, lexicon: Some(p) });
            let head = !self.is_modifier(end + 1);
            self.push(i..end + 1, EntityKind::State, Form::Nominal, head, Cue::State(role.state));
            return end + 1;
        }
        let name = self.text[self.span(i..end)].to_string();
        let head = !self.is_modifier(end);
        self.push(i..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: Some(p) });
        end
    }

    /// A place of the lexicon, or a group named by it ("Darfur rebels").
    fn listed_place(&mut self, tokens: Range<usize>, p: PlaceId) -> usize {
        let Range { start: i, end } = tokens;
        let name = self.lexicon.place(p).name.clone();
        let head = !self.followed_by_possessive(end);
        let state = self.lexicon.place(p).state;
        // "Darfur rebels", "Gaza militants": a group named by its region, in the region's state.
        if let Some(s) = state
            && self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word)
            && self.is(end, &self.lexicon.words.group_noun)
        {
            let label = format!("{name} {}", self.word(end).to_lowercase());
            self.push(i..end, EntityKind::Place, Form::Name, false, Cue::Place { name, state });
            let head = !self.is_modifier(end + 1);
            self.push(i..end + 1, EntityKind::Group, Form::Nominal, head, Cue::Group { state: s, label });
            return end + 1;
        }
        self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state });
        end
    }

    /// An organization name starting at `i`, qualified by `state` when one precedes it.
    /// Pushes the qualifier (if any) and the organization; returns the end token.
    fn organization_after(&mut self, i: usize, state: Option<StateId>) -> Option<usize> {
        if self.all_caps {
            return None;
        }
        let (end, name, lexicon) = if let Some((end, GazTarget::Org(o))) = self.gaz(i) {
            (end, self.lexicon.organization(o).name.clone(), Some(o))
        } else {
            let (end, _) = self.name_run(i)?;
            if !self.is(end - 1, &self.lexicon.words.org_head) {
                return None;
            }
            (end, self.text[self.span(i..end)].to_string(), None)
        };
        if let Some(s) = state {
            let q = self.state_tokens_before(i);
            self.push(q, EntityKind::State, Form::Name, false, Cue::State(s));
        }
        let state = state.or_else(|| lexicon.and_then(|o| self.lexicon.organization(o).state));
        let head = !self.is_modifier(end);
        let qualified = state.is_some() && lexicon.is_none();
        self.push(
            i..end,
            EntityKind::Organization,
            Form::Name,
            head,
            Cue::Org { name, lexicon, state: if qualified { state } else { None } },
        );
        Some(end)
    }

    /// The tokens of the state name that ends right before token `i`.
    fn state_tokens_before(&self, i: usize) -> Range<usize> {
        (0..i).rev().find(|&s| self.gaz(s).is_some_and(|(end, _)| end == i)).map_or(i.saturating_sub(1)..i, |s| s..i)
    }

    fn after_locative(&self, start: usize) -> bool {
        (1..=2).any(|back| {
            start >= back && {
                let n = self.match_len(&self.lexicon.words.locative, start - back);
                n == back
            }
        })
    }
}
