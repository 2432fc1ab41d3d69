//! "Yukos ... the Russian oil giant": a company description stands for the
//! one organization named in its sentence or the two before it whose known
//! states allow the description's; the description's state then places it
//! (`located_in`), unless a role already places it in another state.

use std::ops::Range;
use std::sync::Arc;

use super::resolver::{DocumentOrder, Resolver, stated_fact};
use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::extract::vocabulary::{EntityId, Role};

impl Resolver<'_> {
    pub(super) fn company_description(
        &mut self,
        m: &mut Mention,
        before: &[Mention],
        named: &[(Option<EntityId>, Range<usize>)],
        order: &DocumentOrder,
    ) {
        let Cue::CompanyDescription { state } = m.cue else { return };
        let (Some(state), state_span) = named[order.of(state)].clone() else { return };
        let mut found: Option<EntityId> = None;
        let recent = before.iter().rev().take_while(|b| b.sentence + 2 >= m.sentence);
        for b in recent {
            let Some(e) = b.entity else { continue };
            if b.form != Form::Name || b.kind != EntityKind::Organization || found == Some(e) {
                continue;
            }
            if self.places_of(e).iter().any(|&s| s != state) {
                continue;
            }
            if found.is_some() {
                return;
            }
            found = Some(e);
        }
        let Some(company) = found else { return };
        m.entity = Some(company);
        if self.places_of(company).is_empty() {
            let trigger = self.sentences[m.sentence].tokens[m.tokens.end - 1].range();
            let kind = Arc::clone(self.lexicon.role_kind(Role::LocatedIn));
            self.roles.push((company, Role::LocatedIn, state));
            self.facts.push(stated_fact(kind, m.sentence, (company, m.span.clone()), trigger, (state, state_span)));
        }
    }

    /// The states the roles of an organization place it in.
    fn places_of(&self, organization: EntityId) -> Vec<EntityId> {
        let roles = self.roles.iter().filter(|(o, _, _)| *o == organization);
        roles.map(|&(_, _, s)| s).filter(|s| self.entities[s.index()].kind == EntityKind::State).collect()
    }
}
