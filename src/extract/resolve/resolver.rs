//! The resolver's state: the document's entities, made once per id, and the
//! roles its people hold; pass 1, which gives each named mention its entity;
//! and the facts stated by titles and publications.

use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::names::PersonNames;
use crate::extract::extraction::{Cue, Entity, EntityKind, Form, Mention, PublishFact, Relation, RoleFact};
use crate::extract::lexicon::Lexicon;
use crate::extract::names::{push_entity_id, slug, strip_leading};
use crate::extract::vocabulary::EntityId;
use crate::extract::vocabulary::EventRelation;
use crate::extract::vocabulary::OrgId;
use crate::extract::vocabulary::PersonId;
use crate::extract::vocabulary::RelationType;
use crate::extract::vocabulary::Role;
use crate::extract::vocabulary::StateId;
use crate::text::Sentence;

/// Where each mention went when sorted into document order: facts and
/// descriptions name mentions by their place in the finder's list.
pub(super) struct DocumentOrder {
    new_index: Vec<usize>,
}

impl DocumentOrder {
    pub(super) fn of(&self, found_at: usize) -> usize {
        self.new_index[found_at]
    }
}

pub(super) fn in_document_order(mentions: Vec<Mention>) -> (Vec<Mention>, DocumentOrder) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].span.start, mentions[i].span.end));
    let mut new_index = vec![0; mentions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    let mentions = order.iter().map(|&i| slots[i].take().expect("each mention once")).collect();
    (mentions, DocumentOrder { new_index })
}

/// An entity and the span of the mention that names it.
pub(super) type Argument = (EntityId, Range<usize>);

/// A relation stated by the text's wording (a title, a description): no event, so no event codes.
pub(super) fn stated_fact(
    kind: Arc<RelationType>,
    sentence: usize,
    subject: Argument,
    trigger: Range<usize>,
    object: Argument,
) -> Relation {
    Relation {
        subject: subject.0,
        object: object.0,
        kind,
        sentence,
        subject_span: subject.1,
        trigger_span: trigger,
        object_span: object.1,
        hedged: false,
    }
}

/// What resolution knows of a document, built up pass by pass.
pub(super) struct Resolver<'a> {
    pub(super) text: &'a str,
    pub(super) doc_id: &'a str,
    pub(super) date: Option<&'a str>,
    pub(super) sentences: &'a [Sentence],
    pub(super) lexicon: &'a Lexicon,
    pub(super) entities: Vec<Entity>,
    /// Entities by the hash of their id: the id itself is in `entities`, and
    /// a copy as a key cost an allocation per entity.
    by_id_hash: HashMap<u64, EntityId>,
    /// Entities whose id's hash another id had first (rare).
    by_id: HashMap<String, EntityId>,
    /// Lexicon person index → entity.
    pub(super) lexicon_people: HashMap<PersonId, EntityId>,
    /// Lexicon state index → entity (states are the most frequent mentions).
    pub(super) lexicon_states: HashMap<StateId, EntityId>,
    /// Roles stated in this document: (person entity, relation, state entity).
    pub(super) roles: Vec<(EntityId, Role, EntityId)>,
    /// Relations stated by titles, descriptions and publications.
    pub(super) facts: Vec<Relation>,
    /// Where ids are built to be looked up: most name an entity already made.
    scratch: String,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(
        text: &'a str,
        doc_id: &'a str,
        date: Option<&'a str>,
        sentences: &'a [Sentence],
        lexicon: &'a Lexicon,
    ) -> Self {
        Resolver {
            text,
            doc_id,
            date,
            sentences,
            lexicon,
            entities: Vec::new(),
            by_id_hash: HashMap::default(),
            by_id: HashMap::default(),
            lexicon_people: HashMap::default(),
            lexicon_states: HashMap::default(),
            roles: Vec::new(),
            facts: Vec::new(),
            scratch: String::new(),
        }
    }

    pub(super) fn entity(&mut self, id: &str, label: &str, kind: EntityKind) -> EntityId {
        let hash = rustc_hash::FxBuildHasher.hash_one(id);
        let first_of_hash = match self.by_id_hash.get(&hash) {
            Some(&e) if self.entities[e.index()].id == id => return e,
            Some(_) => match self.by_id.get(id) {
                Some(&e) => return e,
                None => false,
            },
            None => true,
        };
        self.entities.push(Entity {
            id: id.to_string(),
            label: label.to_string(),
            kind,
            aliases: BTreeSet::new(),
            iso3: None,
            code: None,
            mentions: 0,
        });
        let e = EntityId::new(self.entities.len() - 1);
        if first_of_hash {
            self.by_id_hash.insert(hash, e);
        } else {
            self.by_id.insert(id.to_string(), e);
        }
        e
    }

    /// The entity whose id is `prefix`, a colon and the slug of `name`.
    fn named(&mut self, prefix: &str, name: &str, label: &str, kind: EntityKind) -> EntityId {
        let mut id = std::mem::take(&mut self.scratch);
        id.clear();
        push_entity_id(&mut id, prefix, name);
        let e = self.entity(&id, label, kind);
        self.scratch = id;
        e
    }

    pub(super) fn is_person(&self, e: EntityId) -> bool {
        self.entities[e.index()].kind == EntityKind::Person
    }

    /// Roles a person holds: stated in the document, or in the lexicon on the document's date.
    pub(super) fn roles_of(&self, person: EntityId) -> Vec<(Role, EntityId)> {
        let mut roles: Vec<(Role, EntityId)> =
            self.roles.iter().filter(|(p, _, _)| *p == person).map(|&(_, r, s)| (r, s)).collect();
        for (&p, &e) in &self.lexicon_people {
            if e != person {
                continue;
            }
            for role in &self.lexicon.person(p).roles {
                // Only states the document mentions can be the object of a role.
                if role.held_on(self.date)
                    && let Some(&state) = self.lexicon_states.get(&role.state)
                {
                    roles.push((role.relation, state));
                }
            }
        }
        roles
    }

    /// The person in this document holding `relation` (any of them) for
    /// `state`: of those, the one mentioned last, else the first one known.
    /// `roles` holds each person's roles; `last_seen`, each person's latest mention so far.
    pub(super) fn holder(
        &self,
        relations: &[Role],
        state: Option<EntityId>,
        roles: &[Vec<(Role, EntityId)>],
        last_seen: &HashMap<EntityId, usize>,
    ) -> Option<EntityId> {
        // "the prime minister" is whoever leads the government (`Role::broader`),
        // not a party's leader: a government's office is held in a state.
        let governs = relations.iter().any(|r| matches!(r, Role::PrimeMinisterOf | Role::PresidentOf));
        let holds = |p: EntityId| {
            roles[p.index()].iter().any(|(r, s)| {
                relations.iter().any(|x| x.broader() == r.broader())
                    && state.is_none_or(|st| st == *s)
                    && (!governs || self.entities[s.index()].kind == EntityKind::State)
            })
        };
        let recent = last_seen.iter().filter(|&(&p, _)| holds(p)).max_by_key(|&(_, &at)| at).map(|(&p, _)| p);
        recent.or_else(|| (0..roles.len()).map(EntityId::new).find(|&p| !last_seen.contains_key(&p) && holds(p)))
    }

    /// Pass 1: the entity of each named mention. There are no more entities than mentions.
    pub(super) fn name_entities(&mut self, mentions: &mut [Mention], names: &PersonNames) {
        // Organizations discovered with a state qualifier lend it to later bare mentions.
        let mut org_states: HashMap<String, StateId> = HashMap::default();
        for m in mentions.iter() {
            if let Cue::Org { name, lexicon: None, state: Some(s) } = &m.cue {
                org_states.entry(name.clone()).or_insert(*s);
            }
        }
        self.entities.reserve(mentions.len());
        self.by_id_hash.reserve(mentions.len());
        for m in mentions.iter_mut() {
            m.entity = match &m.cue {
                Cue::State(s) => Some(self.state(*s)),
                Cue::Org { lexicon: Some(o), .. } => Some(self.lexicon_organization(*o)),
                Cue::Org { name, lexicon: None, state } => {
                    Some(self.found_organization(name, state.or_else(|| org_states.get(name).copied())))
                }
                Cue::Person { name, lexicon: p } => Some(self.person(name, *p, names)),
                Cue::Group { state, label } => {
                    let e = self.named("group", label, label, EntityKind::Group);
                    self.entities[e.index()].code = Some(self.lexicon.state(*state).iso3.clone());
                    Some(e)
                }
                Cue::Place { name, state } => {
                    let e = self.named("place", name, name, EntityKind::Place);
                    if let Some(s) = state {
                        self.entities[e.index()].code = Some(self.lexicon.state(*s).iso3.clone());
                    }
                    Some(e)
                }
                _ => None,
            };
        }
    }

    fn state(&mut self, s: StateId) -> EntityId {
        if let Some(&e) = self.lexicon_states.get(&s) {
            return e;
        }
        let entry = &self.lexicon.state(s);
        let (name, iso3) = (entry.name.as_str(), entry.iso3.clone());
        let e = self.named("state", name, name, EntityKind::State);
        self.entities[e.index()].iso3 = Some(iso3.clone());
        self.entities[e.index()].code = Some(iso3);
        self.lexicon_states.insert(s, e);
        e
    }

    fn lexicon_organization(&mut self, o: OrgId) -> EntityId {
        let lexicon = self.lexicon;
        let entry = &lexicon.organization(o);
        let e = self.named("organization", &entry.name, &entry.name, EntityKind::Organization);
        self.entities[e.index()].code = match entry.sector.as_str() {
            "igo" => Some("IGO".into()),
            "ngo" => Some("NGO".into()),
            _ => entry.state.map(|s| lexicon.state(s).iso3.clone()),
        };
        e
    }

    /// An organization no lexicon lists; one qualified by a state is that state's own.
    fn found_organization(&mut self, name: &str, state: Option<StateId>) -> EntityId {
        let Some(s) = state else {
            return self.named("organization", name, name, EntityKind::Organization);
        };
        let iso3 = &self.lexicon.state(s).iso3;
        let id = format!("organization:{}-{}", slug(name), iso3.to_lowercase());
        let e = self.entity(&id, name, EntityKind::Organization);
        self.entities[e.index()].code = Some(iso3.clone());
        e
    }

    fn person(&mut self, name: &str, lexicon_index: Option<PersonId>, names: &PersonNames) -> EntityId {
        let lexicon = self.lexicon;
        let label = names.canonical(name, lexicon_index, lexicon).unwrap_or(name);
        let e = self.named("person", label, label, EntityKind::Person);
        if let Some(p) = lexicon_index.or_else(|| lexicon.person_named(label)) {
            self.lexicon_people.insert(p, e);
        }
        e
    }

    /// Roles stated by titles and appositions: kept for role descriptions, and stated as facts.
    pub(super) fn stated_roles(&mut self, mentions: &[Mention], roles: &[RoleFact], order: &DocumentOrder) {
        for fact in roles {
            let (p, s) = (&mentions[order.of(fact.person)], &mentions[order.of(fact.state)]);
            if let (Some(person), Some(state)) = (p.entity, s.entity) {
                self.roles.push((person, fact.relation, state));
                let (subject, object) = ((person, p.span.clone()), (state, s.span.clone()));
                let kind = Arc::clone(self.lexicon.role_kind(fact.relation));
                self.facts.push(stated_fact(kind, p.sentence, subject, fact.trigger.clone(), object));
            }
        }
    }

    /// "the report by ...": the publisher published the report.
    pub(super) fn publications(&mut self, mentions: &[Mention], publishers: &[PublishFact], order: &DocumentOrder) {
        let Some(entry) = self.lexicon.event(EventRelation::Published) else { return };
        for fact in publishers {
            let (p, report) = (&mentions[order.of(fact.publisher)], &mentions[order.of(fact.report)]);
            if let (Some(publisher), Some(report_entity)) = (p.entity, report.entity) {
                self.facts.push(Relation {
                    subject: publisher,
                    object: report_entity,
                    kind: Arc::clone(&entry.kind),
                    sentence: p.sentence,
                    subject_span: p.span.clone(),
                    trigger_span: fact.trigger.clone(),
                    object_span: report.span.clone(),
                    hedged: false,
                });
            }
        }
    }

    /// Keeps the resolved mentions, counting each entity's and collecting its aliases.
    pub(super) fn keep_resolved(&mut self, mentions: Vec<Mention>) -> Vec<Mention> {
        let mut kept = Vec::with_capacity(mentions.len());
        for m in mentions {
            let Some(e) = m.entity else { continue };
            let entity = &mut self.entities[e.index()];
            entity.mentions += 1;
            // "a French minister" may stand for France in a relation, but is no name of France.
            let official_for_state = matches!(m.cue, Cue::Role { .. }) && entity.kind != EntityKind::Person;
            if m.form != Form::Pronoun && !official_for_state {
                let surface = strip_leading(strip_leading(&self.text[m.span.clone()], "the "), "The ");
                if surface != entity.label && !entity.aliases.contains(surface) {
                    entity.aliases.insert(surface.to_string());
                }
            }
            kept.push(m);
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_whose_hashes_collide_stay_apart() {
        let lexicon = Lexicon::shared();
        let mut r = Resolver::new("", "d", None, &[], &lexicon);
        let a = r.entity("person:a", "A", EntityKind::Person);
        // Make "person:b" hash as "person:a" did: it must still be an entity of its own.
        r.by_id_hash.insert(rustc_hash::FxBuildHasher.hash_one("person:b"), a);
        let b = r.entity("person:b", "B", EntityKind::Person);
        let c = r.entity("person:c", "C", EntityKind::Person);
        assert_eq!([a, b, c].map(EntityId::index), [0, 1, 2]);
        assert_eq!(r.entity("person:b", "B", EntityKind::Person), b);
        assert_eq!(r.entity("person:a", "A", EntityKind::Person), a);
        assert_eq!(r.entities[b.index()].id, "person:b");
    }
}
