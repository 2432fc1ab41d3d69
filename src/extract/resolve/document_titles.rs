//! A title whose body neither the sentence nor the people lexicon names,
//! placed by the document. Measured on the BBC dev corpus (titles with
//! nothing before them that could name their body, read by hand):
//! - a company office ("Chief executive Jane Roe said", "said chairman
//!   Jane Roe") is the dominant organization's (most named mentions, at
//!   least two, half as many again as any other's): right 19 times of 21; the organization
//!   named last before the title, in its sentence or the one before, was
//!   right 17 times of 25 (products, portfolios and rivals come between), so
//!   the nearby names only veto: where the title's sentence or the one
//!   before names organizations, the dominant one must be among them;
//! - a government office ("Culture Secretary Jane Roe") held by someone the
//!   people lexicon does not know is the state's when the document names
//!   exactly one state, in the title's sentence or the two before.
//! - a spokesman ("Health spokesman Jane Roe") speaks for the one party
//!   named in the title's sentence or the one before, if any;
//! - after "its" ("Acme and its chief executive Jane Roe"), the organization
//!   named last before the title in its sentence, as the pronoun is read.
//!
//! Analysts and economists are left alone: quoted in a story about a
//! company, they rarely work for it.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::resolver::{DocumentOrder, Resolver, stated_fact};
use crate::extract::extraction::{Cue, EntityKind, Form, Mention, TitleOpening, UnplacedTitle};
use crate::extract::vocabulary::{EntityId, Role};

impl Resolver<'_> {
    /// Role facts for the titles still unplaced after the lexicon pass.
    pub(super) fn titles_placed_by_document(
        &mut self,
        mentions: &[Mention],
        titles: &[UnplacedTitle],
        order: &DocumentOrder,
    ) {
        let dominant = dominant(mentions, EntityKind::Organization);
        // One story's state: a one- or two-sentence text is no story to take it from.
        let only_state = only_entity(mentions, EntityKind::State).filter(|_| self.sentences.len() >= 3);
        for title in titles {
            let at = order.of(title.person);
            let m = &mentions[at];
            let Some(person) = m.entity else { continue };
            if self.roles.iter().any(|&(p, r, _)| p == person && r.broader() == title.relation.broader()) {
                continue;
            }
            let body = match (body_kind(title.relation), title.opening) {
                (Some(EntityKind::Organization), TitleOpening::Bare | TitleOpening::Portfolio)
                    if title.relation == Role::SpokespersonOf && self.one_party_lately(mentions, at).is_some() =>
                {
                    self.one_party_lately(mentions, at)
                }
                (Some(EntityKind::Organization), TitleOpening::Bare) => {
                    let lately = named_before(mentions, at, EntityKind::Organization);
                    dominant.filter(|d| lately.is_empty() || lately.contains(d))
                }
                (Some(EntityKind::Organization), TitleOpening::Its) => {
                    named_before(mentions, at, EntityKind::Organization)
                        .into_iter()
                        .find(|&o| mentions.iter().any(|b| b.entity == Some(o) && b.sentence == m.sentence))
                }
                // The people lexicon had its say on the people it knows (`lexicon_titles.rs`).
                (Some(EntityKind::State), TitleOpening::Bare | TitleOpening::Portfolio)
                    if !self.lexicon_people.values().any(|&e| e == person) =>
                {
                    only_state.filter(|&s| named_lately(mentions, at, s))
                }
                _ => None,
            };
            let Some(body) = body else { continue };
            self.roles.push((person, title.relation, body));
            let kind = Arc::clone(self.lexicon.role_kind(title.relation));
            let body_span = nearest_mention(mentions, at, body).map_or(0..0, |b| b.span.clone());
            let (subject, object) = ((person, m.span.clone()), (body, body_span));
            self.facts.push(stated_fact(kind, m.sentence, subject, title.trigger.clone(), object));
        }
    }
}

impl Resolver<'_> {
    /// The one party of the lexicon named before mention `at`, in its sentence or the one before.
    fn one_party_lately(&self, mentions: &[Mention], at: usize) -> Option<EntityId> {
        let sentence = mentions[at].sentence;
        let mut parties = mentions[..at].iter().rev().take_while(|m| m.sentence + 1 >= sentence).filter_map(|m| {
            let Cue::Org { lexicon: Some(o), .. } = m.cue else { return None };
            (self.lexicon.organization(o).sector == "party").then_some(m.entity).flatten()
        });
        let first = parties.next()?;
        parties.all(|p| p == first).then_some(first)
    }
}

/// The kind of body a title's role is held in when the document must say
/// which: an organization for a company's or body's office, a state for a
/// government's; none for a role too loose to place ("leader": "market
/// leader", "Chancellor"; "analyst").
fn body_kind(role: Role) -> Option<EntityKind> {
    match role {
        Role::CeoOf
        | Role::ChairmanOf
        | Role::FounderOf
        | Role::HeadOf
        | Role::DirectorOf
        | Role::OfficialOf
        | Role::SpokespersonOf => Some(EntityKind::Organization),
        Role::MinisterOf | Role::PrimeMinisterOf | Role::PresidentOf => Some(EntityKind::State),
        _ => None,
    }
}

/// The entity of `kind` with the most named mentions in the document,
/// when it has at least two and half as many again as any other.
fn dominant(mentions: &[Mention], kind: EntityKind) -> Option<EntityId> {
    let mut counts: HashMap<EntityId, usize> = HashMap::default();
    for m in mentions.iter().filter(|m| m.kind == kind && m.form == Form::Name) {
        if let Some(e) = m.entity {
            *counts.entry(e).or_default() += 1;
        }
    }
    let mut ranked: Vec<(EntityId, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e.index()));
    let (top, n) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |&(_, n)| n);
    (n >= 2 && 2 * n >= 3 * second).then_some(top)
}

/// The one entity of `kind` the document names (by name or demonym), if it names exactly one.
fn only_entity(mentions: &[Mention], kind: EntityKind) -> Option<EntityId> {
    let mut named = mentions
        .iter()
        .filter(|m| m.kind == kind && matches!(m.form, Form::Name | Form::Demonym))
        .filter_map(|m| m.entity);
    let first = named.next()?;
    named.all(|e| e == first).then_some(first)
}

/// The entities of `kind` named before mention `at`, in its sentence or the one before.
fn named_before(mentions: &[Mention], at: usize, kind: EntityKind) -> Vec<EntityId> {
    let sentence = mentions[at].sentence;
    mentions[..at]
        .iter()
        .rev()
        .take_while(|m| m.sentence + 1 >= sentence)
        .filter(|m| m.kind == kind && m.form == Form::Name)
        .filter_map(|m| m.entity)
        .collect()
}

/// Entity `e` is named in mention `at`'s sentence or the two before it.
fn named_lately(mentions: &[Mention], at: usize, e: EntityId) -> bool {
    let sentence = mentions[at].sentence;
    mentions.iter().any(|m| m.entity == Some(e) && m.sentence <= sentence && m.sentence + 2 >= sentence)
}

/// The mention of entity `e` by name or demonym nearest to mention `at`.
fn nearest_mention(mentions: &[Mention], at: usize, e: EntityId) -> Option<&Mention> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.entity == Some(e) && matches!(m.form, Form::Name | Form::Demonym))
        .min_by_key(|&(i, _)| i.abs_diff(at))
        .map(|(_, m)| m)
}
