//! Resolution within a document: one entity per real thing. Surnames join
//! full names, role descriptions join the person holding the role (from the
//! document's titles, or from the people lexicon on the document's date),
//! pronouns join the nearest compatible entity, "the report" joins the report.

use std::collections::BTreeSet;
use std::hash::BuildHasher;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::Lexicon;
use super::mentions::Found;
use super::{Cue, Entity, EntityKind, Form, Mention, Relation, push_entity_id, slug, strip_leading};
use crate::text::Sentence;

pub(crate) struct Resolved {
    /// Resolved mentions, in document order.
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Relations stated by titles and descriptions (roles, "report by").
    pub facts: Vec<Relation>,
}

struct Resolver<'a> {
    date: Option<&'a str>,
    lexicon: &'a Lexicon,
    entities: Vec<Entity>,
    /// Entities by the hash of their id: the id itself is in `entities`, and
    /// a copy as a key cost an allocation per entity.
    by_id_hash: HashMap<u64, usize>,
    /// Entities whose id's hash another id had first (rare).
    by_id: HashMap<String, usize>,
    /// Lexicon person index → entity.
    lexicon_people: HashMap<usize, usize>,
    /// Lexicon state index → entity (states are the most frequent mentions).
    lexicon_states: HashMap<usize, usize>,
    /// Roles stated in this document: (person entity, relation, state entity).
    roles: Vec<(usize, String, usize)>,
    /// Where ids are built to be looked up: most name an entity already made.
    scratch: String,
}

impl<'a> Resolver<'a> {
    fn new(date: Option<&'a str>, lexicon: &'a Lexicon) -> Self {
        Resolver {
            date,
            lexicon,
            entities: Vec::new(),
            by_id_hash: HashMap::default(),
            by_id: HashMap::default(),
            lexicon_people: HashMap::default(),
            lexicon_states: HashMap::default(),
            roles: Vec::new(),
            scratch: String::new(),
        }
    }

    fn entity(&mut self, id: &str, label: &str, kind: EntityKind) -> usize {
        let hash = rustc_hash::FxBuildHasher.hash_one(id);
        let first_of_hash = match self.by_id_hash.get(&hash) {
            Some(&e) if self.entities[e].id == id => return e,
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
        if first_of_hash {
            self.by_id_hash.insert(hash, self.entities.len() - 1);
        } else {
            self.by_id.insert(id.to_string(), self.entities.len() - 1);
        }
        self.entities.len() - 1
    }

    /// The entity whose id is `prefix`, a colon and the slug of `name`.
    fn named(&mut self, prefix: &str, name: &str, label: &str, kind: EntityKind) -> usize {
        let mut id = std::mem::take(&mut self.scratch);
        id.clear();
        push_entity_id(&mut id, prefix, name);
        let e = self.entity(&id, label, kind);
        self.scratch = id;
        e
    }

    fn state(&mut self, s: usize) -> usize {
        if let Some(&e) = self.lexicon_states.get(&s) {
            return e;
        }
        let entry = &self.lexicon.states[s];
        let (name, iso3) = (entry.name.as_str(), entry.iso3.clone());
        let e = self.named("state", name, name, EntityKind::State);
        self.entities[e].iso3 = Some(iso3.clone());
        self.entities[e].code = Some(iso3);
        self.lexicon_states.insert(s, e);
        e
    }

    /// Roles a person holds: stated in the document, or in the lexicon on the document's date.
    fn roles_of(&self, person: usize) -> Vec<(String, usize)> {
        let mut roles: Vec<(String, usize)> =
            self.roles.iter().filter(|(p, _, _)| *p == person).map(|(_, r, s)| (r.clone(), *s)).collect();
        for (&p, &e) in &self.lexicon_people {
            if e != person {
                continue;
            }
            for role in &self.lexicon.people[p].roles {
                // Only states the document mentions can be the object of a role.
                if role.held_on(self.date)
                    && let Some(&state) = self.lexicon_states.get(&role.state)
                {
                    roles.push((role.relation.clone(), state));
                }
            }
        }
        roles
    }

    /// The person in this document holding `relation` (any of them) for
    /// `state`: of those, the one mentioned last, else the first one known.
    /// `roles` holds each person's roles; `last_seen`, each person's latest mention so far.
    fn holder(
        &self,
        relations: &[String],
        state: Option<usize>,
        roles: &[Vec<(String, usize)>],
        last_seen: &HashMap<usize, usize>,
    ) -> Option<usize> {
        let holds = |p: usize| {
            roles[p].iter().any(|(r, s)| relations.iter().any(|x| x == r) && state.is_none_or(|st| st == *s))
        };
        let recent = last_seen.iter().filter(|&(&p, _)| holds(p)).max_by_key(|&(_, &at)| at).map(|(&p, _)| p);
        recent.or_else(|| (0..roles.len()).find(|&p| !last_seen.contains_key(&p) && holds(p)))
    }
}

/// A name typed by rule or tagger rather than by a lexicon: (name, kind index).
fn free_name(cue: &Cue) -> Option<(&str, usize)> {
    match cue {
        Cue::Person { name, lexicon: None } => Some((name, 0)),
        Cue::Place { name, state: None } => Some((name, 1)),
        Cue::Org { name, lexicon: None, state: None } => Some((name, 2)),
        _ => None,
    }
}

fn free_cue(name: String, kind: usize) -> (EntityKind, Cue) {
    match kind {
        0 => (EntityKind::Person, Cue::Person { name, lexicon: None }),
        1 => (EntityKind::Place, Cue::Place { name, state: None }),
        _ => (EntityKind::Organization, Cue::Org { name, lexicon: None, state: None }),
    }
}

pub(crate) fn resolve(
    text: &str,
    doc_id: &str,
    date: Option<&str>,
    sentences: &[Sentence],
    found: Found,
    lexicon: &Lexicon,
) -> Resolved {
    let Found { mut mentions, roles: role_facts, publishers, unknown } = found;
    let mut r = Resolver::new(date, lexicon);

    // Full names in the document, by surname, so "Antanov" joins "Anatoly Antanov".
    let mut full_names: HashMap<String, String> = HashMap::default();
    for m in &mentions {
        if let Cue::Person { name, .. } = &m.cue
            && let Some((_, last)) = name.rsplit_once(' ')
        {
            full_names.entry(last.to_string()).or_insert_with(|| name.clone());
        }
    }
    let is_full_name: HashSet<&str> = full_names.values().map(String::as_str).collect();
    // First names too, when only one full name in the document starts with them ("Daniel").
    let mut first_names: HashMap<String, Option<String>> = HashMap::default();
    for full in full_names.values() {
        if let Some((first, _)) = full.split_once(' ') {
            first_names
                .entry(first.to_string())
                .and_modify(|f| {
                    if f.as_deref() != Some(full.as_str()) {
                        *f = None;
                    }
                })
                .or_insert_with(|| Some(full.clone()));
        }
    }
    // The name a person mention stands for, where it is not the mention's own.
    let canonical_person = |name: &str, lexicon_index: Option<usize>| -> Option<&str> {
        if !name.contains(' ')
            && let Some(full) = full_names.get(name).or_else(|| first_names.get(name).and_then(Option::as_ref))
        {
            return Some(full);
        }
        match lexicon_index {
            Some(p) if !is_full_name.contains(name) || name == lexicon.people[p].name => {
                let lexicon_name = &lexicon.people[p].name;
                let last = lexicon_name.rsplit(' ').next().unwrap_or(lexicon_name);
                Some(full_names.get(last).unwrap_or(lexicon_name))
            }
            _ => None,
        }
    };
    // How the document types each name that no lexicon backs, for adopting
    // the untyped repeats below. (Rewriting the minority readings as well was
    // measured: it cost 0.002 F1 on eng.testa, so it is not done.)
    let mut votes: HashMap<String, [usize; 3]> = HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for m in &mentions {
        if let Some((name, kind)) = free_name(&m.cue) {
            // A name already counted is not copied again.
            match votes.get_mut(name) {
                Some(counts) => counts[kind] += 1,
                None => votes.entry(name.to_string()).or_default()[kind] += 1,
            }
        }
    }
    let majority = |name: &str| -> Option<usize> {
        let v = votes.get(name)?;
        (0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k)))
    };
    // Capitalised names with no cue count when they repeat a person's name or
    // a name typed elsewhere in the document.
    for mut m in unknown {
        let Cue::Person { name, .. } = &m.cue else { continue };
        let first_name_of_one = first_names.get(name.as_str()).is_some_and(Option::is_some);
        if full_names.contains_key(name.as_str()) || is_full_name.contains(name.as_str()) || first_name_of_one {
            mentions.push(m);
        } else if let Some(winner) = majority(name) {
            let name = name.clone();
            (m.kind, m.cue) = free_cue(name, winner);
            mentions.push(m);
        }
    }
    // Sort into document order, remembering where each mention went.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].span.start, mentions[i].span.end));
    let mut new_index = vec![0; mentions.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Mention>> = mentions.into_iter().map(Some).collect();
    let mut mentions: Vec<Mention> = order.iter().map(|&i| slots[i].take().expect("each mention once")).collect();
    let remap = |i: usize| new_index[i];

    // Organizations discovered with a state qualifier lend it to later bare mentions.
    let mut org_states: HashMap<String, usize> = HashMap::default();
    for m in &mentions {
        if let Cue::Org { name, lexicon: None, state: Some(s) } = &m.cue {
            org_states.entry(name.clone()).or_insert(*s);
        }
    }

    // Pass 1: names. There are no more entities than mentions.
    r.entities.reserve(mentions.len());
    r.by_id_hash.reserve(mentions.len());
    for m in mentions.iter_mut() {
        m.entity = match &m.cue {
            Cue::State(s) => Some(r.state(*s)),
            Cue::Org { lexicon: Some(o), .. } => {
                let entry = &lexicon.organizations[*o];
                let e = r.named("organization", &entry.name, &entry.name, EntityKind::Organization);
                r.entities[e].code = match entry.sector.as_str() {
                    "igo" => Some("IGO".into()),
                    "ngo" => Some("NGO".into()),
                    _ => entry.state.map(|s| lexicon.states[s].iso3.clone()),
                };
                Some(e)
            }
            Cue::Org { name, lexicon: None, state } => {
                let state = state.or_else(|| org_states.get(name).copied());
                let e = match state {
                    Some(s) => {
                        let id = format!("organization:{}-{}", slug(name), lexicon.states[s].iso3.to_lowercase());
                        r.entity(&id, name, EntityKind::Organization)
                    }
                    None => r.named("organization", name, name, EntityKind::Organization),
                };
                if let Some(s) = state {
                    r.entities[e].code = Some(lexicon.states[s].iso3.clone());
                }
                Some(e)
            }
            Cue::Person { name, lexicon: p } => {
                let label = canonical_person(name, *p).unwrap_or(name);
                let e = r.named("person", label, label, EntityKind::Person);
                let lexicon_match = p.or_else(|| lexicon.person_named(label));
                if let Some(p) = lexicon_match {
                    r.lexicon_people.insert(p, e);
                }
                Some(e)
            }
            Cue::Group { state, label } => {
                let e = r.named("group", label, label, EntityKind::Group);
                r.entities[e].code = Some(lexicon.states[*state].iso3.clone());
                Some(e)
            }
            Cue::Place { name, state } => {
                let e = r.named("place", name, name, EntityKind::Place);
                if let Some(s) = state {
                    r.entities[e].code = Some(lexicon.states[*s].iso3.clone());
                }
                Some(e)
            }
            _ => None,
        };
    }
    let mut facts = Vec::new();
    let role_relation =
        |mentions: &[Mention], person: usize, relation: &str, state: usize, trigger: std::ops::Range<usize>| Relation {
            subject: mentions[person].entity.unwrap_or(0),
            object: mentions[state].entity.unwrap_or(0),
            label: relation.to_string(),
            cameo: None,
            goldstein: None,
            plover: None,
            sentence: mentions[person].sentence,
            subject_span: mentions[person].span.clone(),
            trigger_span: trigger,
            object_span: mentions[state].span.clone(),
            hedged: false,
        };
    for fact in &role_facts {
        let (p, s) = (remap(fact.person), remap(fact.state));
        if let (Some(pe), Some(se)) = (mentions[p].entity, mentions[s].entity) {
            r.roles.push((pe, fact.relation.clone(), se));
            facts.push(role_relation(&mentions, p, &fact.relation, s, fact.trigger.clone()));
        }
    }

    // Pass 2: descriptions and pronouns, in document order. A description's
    // state modifier sorts after it (it starts later), so read it from this snapshot.
    let named: Vec<(Option<usize>, std::ops::Range<usize>)> =
        mentions.iter().map(|m| (m.entity, m.span.clone())).collect();
    let mut current_report: Option<usize> = None;
    // For role descriptions, made when the first one needs them: each person's
    // roles (they do not change from here on) and latest mention so far.
    let mut person_roles: Option<Vec<Vec<(String, usize)>>> = None;
    let (mut last_seen, mut seen_up_to) = (HashMap::default(), 0);
    for i in 0..mentions.len() {
        let (before, rest) = mentions.split_at_mut(i);
        let m = &mut rest[0];
        match &m.cue {
            Cue::Role { relation, state, possessive_pronoun, asserts } => {
                let state_entity = state.map(remap).and_then(|s| named[s].0);
                let relations: Vec<String> = match &relation {
                    Some(rel) if rel == "ambassador_of" && !asserts => vec![rel.clone(), "minister_of".into()],
                    Some(rel) => vec![rel.clone()],
                    None => {
                        // "his Russian counterpart": the counterpart shares the possessor's role.
                        let possessor = before
                            .iter()
                            .rev()
                            .filter(|b| b.sentence == m.sentence || !possessive_pronoun)
                            .find_map(|b| b.entity.filter(|&e| r.entities[e].kind == EntityKind::Person));
                        possessor.map(|p| r.roles_of(p).into_iter().map(|(rel, _)| rel).collect()).unwrap_or_default()
                    }
                };
                if relations.is_empty() {
                    continue;
                }
                let roles = person_roles.get_or_insert_with(|| {
                    (0..r.entities.len())
                        .map(|e| if r.entities[e].kind == EntityKind::Person { r.roles_of(e) } else { Vec::new() })
                        .collect()
                });
                for (k, b) in before.iter().enumerate().skip(seen_up_to) {
                    if let Some(e) = b.entity
                        && r.entities[e].kind == EntityKind::Person
                    {
                        last_seen.insert(e, k);
                    }
                }
                seen_up_to = before.len();
                m.entity = r.holder(&relations, state_entity, roles, &last_seen);
                // "A French minister threatened ...": with no holder in sight, the
                // official acts for their state.
                if m.entity.is_none()
                    && let Some(state) = state_entity
                {
                    m.entity = Some(state);
                    m.kind = EntityKind::State;
                    continue;
                }
                if let (Some(_), Some(state_mention), true) = (m.entity, state, asserts) {
                    let s = remap(*state_mention);
                    let trigger = m.tokens.end - 1;
                    let trigger_span = sentences[m.sentence].tokens[trigger].range();
                    facts.push(Relation {
                        subject: m.entity.unwrap_or(0),
                        object: named[s].0.unwrap_or(0),
                        label: relations[0].clone(),
                        cameo: None,
                        goldstein: None,
                        plover: None,
                        sentence: m.sentence,
                        subject_span: m.span.clone(),
                        trigger_span,
                        object_span: named[s].1.clone(),
                        hedged: false,
                    });
                }
            }
            Cue::Report { label } => {
                let first = text[m.span.clone()].split(' ').next().unwrap_or("").to_lowercase();
                let new = current_report.is_none() || matches!(first.as_str(), "a" | "an" | "another");
                if new {
                    let id = format!("report:{}/{}", slug(&doc_id.replace('.', "-")), slug(label));
                    current_report = Some(r.entity(&id, label, EntityKind::Report));
                }
                m.entity = current_report;
            }
            Cue::PersonPronoun => {
                m.entity = before
                    .iter()
                    .rev()
                    .take_while(|b| b.sentence + 3 >= m.sentence)
                    .find_map(|b| b.entity.filter(|&e| r.entities[e].kind == EntityKind::Person));
            }
            Cue::ThingPronoun => {
                m.entity =
                    before.iter().rev().take_while(|b| b.sentence == m.sentence).filter(|b| b.head).find_map(|b| {
                        b.entity.filter(|&e| {
                            matches!(
                                r.entities[e].kind,
                                EntityKind::Organization | EntityKind::State | EntityKind::Report
                            )
                        })
                    });
                if let Some(e) = m.entity {
                    m.kind = r.entities[e].kind;
                }
            }
            Cue::SpeakerState => {
                let sentence_start = sentences[m.sentence].range.start;
                let quoted = text[sentence_start..m.span.start].contains(['"', '“', '\'']);
                if quoted {
                    // Mentions are in document order: this sentence's earlier ones end `before`.
                    let same = before.iter().rev().take_while(|b| b.sentence == m.sentence).count();
                    m.entity = before[before.len() - same..]
                        .iter()
                        .filter(|b| b.head)
                        .find_map(|b| b.entity.filter(|&e| r.entities[e].kind == EntityKind::State));
                }
            }
            _ => {}
        }
    }

    for fact in &publishers {
        let (p, rep) = (remap(fact.publisher), remap(fact.report));
        if let (Some(pe), Some(re)) = (mentions[p].entity, mentions[rep].entity)
            && let Some(entry) = lexicon.relations.iter().find(|e| e.label == "published")
        {
            facts.push(Relation {
                subject: pe,
                object: re,
                label: entry.label.clone(),
                cameo: entry.cameo.clone(),
                goldstein: entry.goldstein,
                plover: entry.plover.clone(),
                sentence: mentions[p].sentence,
                subject_span: mentions[p].span.clone(),
                trigger_span: fact.trigger.clone(),
                object_span: mentions[rep].span.clone(),
                hedged: false,
            });
        }
    }

    // Keep resolved mentions; count them and collect aliases.
    let mut kept = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(e) = m.entity else { continue };
        let entity = &mut r.entities[e];
        entity.mentions += 1;
        // "a French minister" may stand for France in a relation, but is no name of France.
        let official_for_state = matches!(m.cue, Cue::Role { .. }) && entity.kind != EntityKind::Person;
        if m.form != Form::Pronoun && !official_for_state {
            let surface = strip_leading(strip_leading(&text[m.span.clone()], "the "), "The ");
            if surface != entity.label && !entity.aliases.contains(surface) {
                entity.aliases.insert(surface.to_string());
            }
        }
        kept.push(m);
    }
    facts.retain(|f| f.subject != f.object);
    // A person acts for the state of their first role; a public figure with no
    // role on the document's date still belongs to the state of their roles.
    for e in 0..r.entities.len() {
        if r.entities[e].kind != EntityKind::Person {
            continue;
        }
        let roles = r.roles_of(e);
        if let Some((_, state)) = roles.iter().find(|(_, s)| r.entities[*s].kind == EntityKind::State) {
            r.entities[e].code = r.entities[*state].iso3.clone();
        } else if let Some(code) = roles
            .iter()
            .filter(|(_, o)| r.entities[*o].kind == EntityKind::Organization)
            .find_map(|(_, o)| r.entities[*o].code.clone())
        {
            // "U.N. mediator Diego Cordovez" acts for the U.N.
            r.entities[e].code = Some(code);
        } else if let Some(role) = r
            .lexicon_people
            .iter()
            .filter(|(_, x)| **x == e)
            .map(|(p, _)| *p)
            .min()
            .and_then(|p| lexicon.people[p].roles.last())
        {
            r.entities[e].code = Some(lexicon.states[role.state].iso3.clone());
        }
    }
    // "President Levy Mwanawasa ... the Zambian people": an official titled
    // without a state, an organization found by its cue words ("the Homeland
    // Union") and a place no lexicon locates, in a document that names a
    // single state, belong to it.
    let mut codes = r
        .entities
        .iter()
        .filter(|x| matches!(x.kind, EntityKind::State | EntityKind::Group | EntityKind::Place))
        .filter_map(|x| x.code.as_deref());
    if let Some(only) = codes.next().map(String::from)
        && codes.all(|c| c == only)
    {
        let lexicon_orgs: HashSet<usize> = kept
            .iter()
            .filter(|m| matches!(m.cue, Cue::Org { lexicon: Some(_), .. }))
            .filter_map(|m| m.entity)
            .collect();
        for m in &kept {
            let Some(e) = m.entity else { continue };
            if r.entities[e].code.is_some() {
                continue;
            }
            let titled = m.phrase_start < m.tokens.start && m.form == Form::Name;
            let local = match (&m.cue, r.entities[e].kind) {
                (_, EntityKind::Person) => titled,
                (Cue::Org { lexicon: None, .. }, EntityKind::Organization) => true,
                (Cue::Place { .. }, EntityKind::Place) => true,
                _ => false,
            };
            if local && !lexicon_orgs.contains(&e) {
                r.entities[e].code = Some(only.clone());
            }
        }
    }
    Resolved { mentions: kept, entities: r.entities, facts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_whose_hashes_collide_stay_apart() {
        let lexicon = Lexicon::embedded();
        let mut r = Resolver::new(None, &lexicon);
        let a = r.entity("person:a", "A", EntityKind::Person);
        // Make "person:b" hash as "person:a" did: it must still be an entity of its own.
        r.by_id_hash.insert(rustc_hash::FxBuildHasher.hash_one("person:b"), a);
        let b = r.entity("person:b", "B", EntityKind::Person);
        let c = r.entity("person:c", "C", EntityKind::Person);
        assert_eq!([a, b, c], [0, 1, 2]);
        assert_eq!(r.entity("person:b", "B", EntityKind::Person), b);
        assert_eq!(r.entity("person:a", "A", EntityKind::Person), a);
        assert_eq!(r.entities[b].id, "person:b");
    }
}
