//! "Archbishop Desmond Tutu ... The South African archbishop said": a
//! definite description whose head noun is the title a person was named
//! under stands for that person, when exactly one person fits; its demonym
//! then gives the person's nationality, when nothing else places them.

use std::sync::Arc;

use super::resolver::{Resolver, stated_fact};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::vocabulary::{EntityId, Role};

impl Resolver<'_> {
    /// The one person named before `m` under the title that ends `m` (after
    /// its determiner and state: "the South African archbishop" after
    /// "Archbishop X", not "the mayor" after "Deputy Mayor X"), and whose
    /// known states (if any) include `state`.
    pub(super) fn titled_antecedent(
        &self,
        m: &Mention,
        before: &[Mention],
        state: Option<(EntityId, std::ops::Range<usize>)>,
    ) -> Option<EntityId> {
        let tokens = &self.sentences[m.sentence].tokens;
        let the = tokens[m.tokens.start].text(self.text).eq_ignore_ascii_case("the");
        let title_start = state.as_ref().map_or(m.span.start, |(_, span)| span.end);
        let title: Vec<&str> = tokens[m.tokens.start + 1..m.tokens.end]
            .iter()
            .filter(|t| t.range().start >= title_start)
            .map(|t| t.text(self.text))
            .collect();
        if !the || title.is_empty() {
            return None;
        }
        let mut found: Option<EntityId> = None;
        for b in before {
            let Some(e) = b.entity else { continue };
            if b.form != Form::Name || b.kind != EntityKind::Person || b.tokens.start - b.phrase_start != title.len() {
                continue;
            }
            let words =
                self.sentences[b.sentence].tokens[b.phrase_start..b.tokens.start].iter().map(|t| t.text(self.text));
            let same = words.zip(&title).all(|(w, t)| w.eq_ignore_ascii_case(t));
            if !same || found == Some(e) || !self.may_be_of(e, state.as_ref().map(|s| s.0)) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(e);
        }
        found
    }

    /// The person's roles name no state, or `state` among them.
    fn may_be_of(&self, person: EntityId, state: Option<EntityId>) -> bool {
        let Some(state) = state else { return true };
        let states: Vec<EntityId> = self.states_of(person);
        states.is_empty() || states.contains(&state)
    }

    /// The states the person's roles place them in.
    fn states_of(&self, person: EntityId) -> Vec<EntityId> {
        let roles = self.roles_of(person);
        roles.into_iter().map(|(_, s)| s).filter(|s| self.entities[s.index()].kind == EntityKind::State).collect()
    }

    /// "The South African archbishop": `person` is `national_of` the state
    /// of the description `m` (the state's entity and span), unless a role
    /// (stated, or in the people lexicon) places them in another state.
    pub(super) fn national_by_description(
        &mut self,
        person: EntityId,
        m: &Mention,
        (state, state_span): (EntityId, std::ops::Range<usize>),
    ) {
        let stated = self.roles.contains(&(person, Role::NationalOf, state));
        if stated || self.states_of(person).iter().any(|&s| s != state) {
            return;
        }
        let trigger = self.sentences[m.sentence].tokens[m.tokens.end - 1].range();
        let kind = Arc::clone(self.lexicon.role_kind(Role::NationalOf));
        self.roles.push((person, Role::NationalOf, state));
        self.facts.push(stated_fact(kind, m.sentence, (person, m.span.clone()), trigger, (state, state_span)));
    }
}
