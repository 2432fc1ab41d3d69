//! A title whose state the sentence does not name ("Prime Minister Tony
//! Blair" in a story about Britain), placed by the people lexicon: the title
//! states the role, the lexicon states for which state the person holds it.
//! A state is taken only when the document mentions it and the lexicon
//! gives exactly one: the state of the person's roles of the same kind
//! (held on the document's date, when it has one), else, for a government
//! office, the one state all their roles name (a lexicon that knows only a
//! person's country, as `national_of`, places "Foreign Secretary Jack Straw"
//! in the United Kingdom); a converted entry with codes and no roles, by its
//! country ("Environment Secretary Margaret Beckett").
//! Nothing is guessed from the dateline or the story's topic.

use std::sync::Arc;

use super::resolver::{DocumentOrder, Resolver, stated_fact};
use crate::extract::extraction::{Cue, Mention, UnplacedTitle};
use crate::extract::lexicon::HeldRole;
use crate::extract::vocabulary::{PersonId, Role, StateId};

impl Resolver<'_> {
    /// Role facts for the titles with no state beside them, where the people lexicon places them.
    pub(super) fn titles_placed_by_lexicon(
        &mut self,
        mentions: &[Mention],
        titles: &[UnplacedTitle],
        order: &DocumentOrder,
    ) {
        for title in titles {
            let m = &mentions[order.of(title.person)];
            let (Some(person), Cue::Person { lexicon: Some(p), .. }) = (m.entity, &m.cue) else { continue };
            let Some(relation) = title.relation.toward_state() else { continue };
            let Some(state) = self.lexicon_state_of(*p, relation) else { continue };
            let Some(&state) = self.lexicon_states.get(&state) else { continue };
            if self.roles.iter().any(|&(q, r, s)| q == person && r == relation && s == state) {
                continue;
            }
            self.roles.push((person, relation, state));
            let kind = Arc::clone(self.lexicon.role_kind(relation));
            let (subject, object) = ((person, m.span.clone()), (state, title.trigger.clone()));
            self.facts.push(stated_fact(kind, m.sentence, subject, title.trigger.clone(), object));
        }
    }

    /// The one state the people lexicon gives for `person` holding `relation`.
    fn lexicon_state_of(&self, person: PersonId, relation: Role) -> Option<StateId> {
        let roles = &self.lexicon.person(person).roles;
        let dated = |held: &&HeldRole| self.date.is_none_or(|_| held.held_on(self.date));
        let same: Vec<StateId> = roles
            .iter()
            .filter(|held| held.relation.broader() == relation.broader())
            .filter(dated)
            .map(|held| held.state)
            .collect();
        // A government office is held for the person's own country; a party's
        // spokesman or leader is not the state's ("Conservative spokeswoman").
        let office = matches!(relation.broader(), Role::PresidentOf | Role::MinisterOf | Role::AmbassadorOf)
            || relation == Role::PrimeMinisterOf;
        let candidates = match (same.is_empty(), office) {
            (false, _) => same,
            (true, true) if roles.is_empty() => self.lexicon.person(person).country.into_iter().collect(),
            (true, true) => roles.iter().map(|held| held.state).collect(),
            (true, false) => return None,
        };
        let first = *candidates.first()?;
        candidates.iter().all(|&s| s == first).then_some(first)
    }
}
