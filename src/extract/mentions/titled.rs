//! Titled names: "President Joe Biden", "King Hassan of Morocco", and a
//! title standing for its holder ("Taiwan's Vice Foreign Minister").

use super::scan::Scan;
use crate::extract::classes::DETERMINERS;
use crate::extract::lexicon::{GazTarget, TitleKind};
use crate::extract::{Cue, EntityKind, Form, RoleFact};
use crate::text::TokenKind;

impl Scan<'_> {
    /// Title + name: "President Joe Biden", "ambassador to the United States Anatoly Antanov".
    pub(super) fn title_and_name(&mut self, i: usize) -> Option<usize> {
        if self.all_caps {
            return None;
        }
        let (title_end, entry) = self.title(i)?;
        let title = &self.lexicon.title_entries[entry];
        // "Montenegro's prime minister has been indicted": a role noun after a possessive state.
        if title.kind == TitleKind::Nominal
            && let Some(state) = self.role_state
            && self.found.mentions[state].tokens.end + 1 == i
            && self.followed_by_possessive(self.found.mentions[state].tokens.end)
            && self.name_run(title_end).is_none()
        {
            let relation = title.role.clone();
            return Some(self.push_holder(state, title_end, relation));
        }
        if !matches!(title.kind, TitleKind::Title | TitleKind::Honorific) {
            return None;
        }
        let mut j = title_end;
        let mut posted_to = None;
        if self.word(j) == "to" {
            let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
            if let Some((end, GazTarget::StateName(state))) = self.gaz(k) {
                posted_to = Some((k..end, state));
                j = end;
            }
        }
        // "CEO of the Refugee Council Enver Solomon": the title's organization, then the name.
        let mut employer = None;
        if self.word(j) == "of" {
            let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
            let mut e = k;
            while self.is_name_word(e) && self.gaz(e).is_none() {
                e += 1;
            }
            let org_end = (k..e).rev().find(|&h| self.is(h, &self.lexicon.words.org_head));
            if let Some(h) = org_end
                && h + 2 <= e
            {
                employer = Some(k..h + 1);
                j = h + 1;
            }
        }
        let Some((name_end, person)) = self.name_run(j) else {
            // "Taiwan's Vice Foreign Minister visited ...": the title stands for its holder.
            let state = self.role_state.filter(|_| title.kind == TitleKind::Title && posted_to.is_none())?;
            let relation = title.role.clone();
            return Some(self.push_holder(state, title_end, relation));
        };
        let role_state = self.role_state.take();
        let employer = employer.map(|tokens| {
            let name = self.text[self.span(tokens.clone())].to_string();
            self.push(
                tokens,
                EntityKind::Organization,
                Form::Name,
                false,
                Cue::Org { name, lexicon: None, state: None },
            )
        });
        if let Some((tokens, state)) = &posted_to {
            self.push(tokens.clone(), EntityKind::State, Form::Name, false, Cue::State(*state));
        }
        // "King Hassan of Morocco": the title's state after the name.
        let mut scanned_to = name_end;
        let role_state = role_state.or_else(|| {
            if self.word(name_end) != "of" || title.role.is_none() {
                return None;
            }
            let (end, target) = self.gaz(name_end + 1)?;
            let GazTarget::StateName(state) = target else { return None };
            scanned_to = end;
            Some(self.push(name_end + 1..end, EntityKind::State, Form::Name, false, Cue::State(state)))
        });
        let name = self.text[self.span(j..name_end)].to_string();
        let person_mention = self.push(
            j..name_end,
            EntityKind::Person,
            Form::Name,
            !self.is_modifier(name_end),
            Cue::Person { name, lexicon: person },
        );
        let phrase_start = role_state.map_or(i, |s| self.found.mentions[s].tokens.start.min(i));
        self.found.mentions[person_mention].phrase_start = phrase_start;
        let trigger = self.span(i..title_end);
        if let Some(org) = employer {
            let relation = title.role.clone().unwrap_or_else(|| "member_of".into());
            self.found.roles.push(RoleFact { person: person_mention, relation, state: org, trigger: trigger.clone() });
        }
        if let Some(relation) = &title.role {
            if let Some(state) = role_state {
                self.found.roles.push(RoleFact {
                    person: person_mention,
                    relation: relation.clone(),
                    state,
                    trigger: trigger.clone(),
                });
            }
            if let Some((_, _)) = posted_to
                && relation == "ambassador_of"
            {
                let state = self.found.mentions.len() - 2;
                self.found.roles.push(RoleFact {
                    person: person_mention,
                    relation: "ambassador_to".into(),
                    state,
                    trigger,
                });
            }
        }
        Some(scanned_to)
    }

    /// A title with no name after it, standing for whoever holds it in the
    /// state mentioned just before ("Taiwan's Vice Foreign Minister"). Returns the end token.
    fn push_holder(&mut self, state: usize, title_end: usize, relation: Option<String>) -> usize {
        self.role_state = None;
        let cue = Cue::Role { relation, state: Some(state), possessive_pronoun: false, asserts: true };
        let start = self.found.mentions[state].tokens.start;
        let head = !self.is_modifier(title_end);
        self.push(start..title_end, EntityKind::Person, Form::Nominal, head, cue);
        title_end
    }

    /// "British Defence Secretary", "Nigerian junior foreign minister": a
    /// pending state still qualifies a title a few words on, past capitals,
    /// determiners and title words; any other word drops it.
    pub(super) fn carry_role_state_over(&mut self, i: usize) {
        const TITLE_WORDS: &[&str] = &[
            "junior", "visiting", "senior", "deputy", "vice", "acting", "former", "interim", "top", "chief", "foreign",
            "defence", "defense", "interior", "finance", "new",
        ];
        // Only a pending state needs the test (most words have none).
        if self.role_state.is_some() && self.tokens[i].kind == TokenKind::Word {
            let word = self.word(i);
            let keeps =
                self.is_capitalized(i) || DETERMINERS.iter().chain(TITLE_WORDS).any(|w| w.eq_ignore_ascii_case(word));
            if !keeps {
                self.role_state = None;
            }
        }
    }
}
