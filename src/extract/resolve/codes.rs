//! Actor codes no mention gave: a person's from their roles, and a local
//! name's from the single state a document names.

use rustc_hash::FxHashSet as HashSet;

use super::resolver::Resolver;
use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::extract::vocabulary::EntityId;

impl Resolver<'_> {
    /// A person acts for the state of their first role; a public figure with no
    /// role on the document's date still belongs to the state of their roles.
    pub(super) fn person_codes(&mut self) {
        for e in (0..self.entities.len()).map(EntityId::new) {
            if self.is_person(e)
                && let Some(code) = self.person_code(e)
            {
                self.entities[e.index()].code = Some(code);
            }
        }
    }

    fn person_code(&self, person: EntityId) -> Option<String> {
        let roles = self.roles_of(person);
        if let Some((_, state)) = roles.iter().find(|(_, s)| self.entities[s.index()].kind == EntityKind::State) {
            return self.entities[state.index()].iso3.clone();
        }
        // "U.N. mediator Diego Cordovez" acts for the U.N.
        let organization = roles
            .iter()
            .filter(|(_, o)| self.entities[o.index()].kind == EntityKind::Organization)
            .find_map(|(_, o)| self.entities[o.index()].code.clone());
        organization.or_else(|| {
            let p = self.lexicon_people.iter().filter(|(_, x)| **x == person).map(|(p, _)| *p).min()?;
            let entry = self.lexicon.person(p);
            // A converted person's code on the document's date, else their country (known on any date).
            let state = entry.roles.last().map(|role| role.state).or_else(|| entry.state_on(self.date))?;
            Some(self.lexicon.state(state).iso3.clone())
        })
    }

    /// "President Levy Mwanawasa ... the Zambian people": an official titled
    /// without a state, an organization found by its cue words ("the Homeland
    /// Union") and a place no lexicon locates, in a document that names a
    /// single state, belong to it.
    pub(super) fn one_state_codes(&mut self, kept: &[Mention]) {
        let mut codes = self
            .entities
            .iter()
            .filter(|x| matches!(x.kind, EntityKind::State | EntityKind::Group | EntityKind::Place))
            .filter_map(|x| x.code.as_deref());
        let Some(only) = codes.next().map(String::from) else { return };
        if !codes.all(|c| c == only) {
            return;
        }
        let lexicon_orgs: HashSet<EntityId> = kept
            .iter()
            .filter(|m| matches!(m.cue, Cue::Org { lexicon: Some(_), .. }))
            .filter_map(|m| m.entity)
            .collect();
        for m in kept {
            let Some(e) = m.entity else { continue };
            if self.entities[e.index()].code.is_some() {
                continue;
            }
            let titled = m.phrase_start < m.tokens.start && m.form == Form::Name;
            let local = match (&m.cue, self.entities[e.index()].kind) {
                (_, EntityKind::Person) => titled,
                (Cue::Org { lexicon: None, .. }, EntityKind::Organization) => true,
                (Cue::Place { .. }, EntityKind::Place) => true,
                _ => false,
            };
            if local && !lexicon_orgs.contains(&e) {
                self.entities[e.index()].code = Some(only.clone());
            }
        }
    }
}
