//! Resolution within a document: one entity per real thing. Surnames join
//! full names, role descriptions join the person holding the role (from the
//! document's titles, or from the people lexicon on the document's date),
//! pronouns join the nearest compatible entity, "the report" joins the report.
//!
//! [`resolve`] runs the passes in order: names are gathered and untyped
//! repeats adopted, named mentions get entities, stated roles become facts,
//! descriptions and pronouns join what came before them, publications become
//! facts, and last the entities are counted and given their actor codes.

use std::collections::BTreeSet;
use std::hash::BuildHasher;
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::Lexicon;
use super::mentions::Found;
use super::{
    Cue, Entity, EntityKind, Form, Mention, PublishFact, Relation, RoleFact, push_entity_id, slug, strip_leading,
};
use crate::text::Sentence;

pub(crate) struct Resolved {
    /// Resolved mentions, in document order.
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Relations stated by titles and descriptions (roles, "report by").
    pub facts: Vec<Relation>,
}

pub(crate) fn resolve(
    text: &str,
    doc_id: &str,
    date: Option<&str>,
    sentences: &[Sentence],
    found: Found,
    lexicon: &Lexicon,
) -> Resolved {
    let Found { mut mentions, roles, publishers, unknown } = found;
    let names = PersonNames::of(&mentions);
    adopt_repeated_names(&mut mentions, unknown, &names);
    let (mut mentions, order) = in_document_order(mentions);
    let mut r = Resolver::new(text, doc_id, date, sentences, lexicon);
    r.name_entities(&mut mentions, &names);
    r.stated_roles(&mentions, &roles, &order);
    r.descriptions_and_pronouns(&mut mentions, &order);
    r.publications(&mentions, &publishers, &order);
    let kept = r.keep_resolved(mentions);
    r.facts.retain(|f| f.subject != f.object);
    r.person_codes();
    r.one_state_codes(&kept);
    Resolved { mentions: kept, entities: r.entities, facts: r.facts }
}

/// The kind a rule or the tagger gave a name that no lexicon backs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FreeKind {
    Person,
    Place,
    Organization,
}

impl FreeKind {
    /// In the order that wins a tie of votes.
    const ALL: [FreeKind; 3] = [FreeKind::Person, FreeKind::Place, FreeKind::Organization];

    /// A name typed by rule or tagger rather than by a lexicon, and its kind.
    fn of(cue: &Cue) -> Option<(&str, FreeKind)> {
        match cue {
            Cue::Person { name, lexicon: None } => Some((name, FreeKind::Person)),
            Cue::Place { name, state: None } => Some((name, FreeKind::Place)),
            Cue::Org { name, lexicon: None, state: None } => Some((name, FreeKind::Organization)),
            _ => None,
        }
    }

    fn cue(self, name: String) -> (EntityKind, Cue) {
        match self {
            FreeKind::Person => (EntityKind::Person, Cue::Person { name, lexicon: None }),
            FreeKind::Place => (EntityKind::Place, Cue::Place { name, state: None }),
            FreeKind::Organization => (EntityKind::Organization, Cue::Org { name, lexicon: None, state: None }),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The document's full person names, for the short names that stand for them.
struct PersonNames {
    /// Full names by surname, so "Antanov" joins "Anatoly Antanov".
    by_surname: HashMap<String, String>,
    /// Full names by first name ("Daniel"): `None` where more than one full name starts with it.
    by_first_name: HashMap<String, Option<String>>,
}

impl PersonNames {
    fn of(mentions: &[Mention]) -> Self {
        let mut by_surname: HashMap<String, String> = HashMap::default();
        for m in mentions {
            if let Cue::Person { name, .. } = &m.cue
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                by_surname.entry(last.to_string()).or_insert_with(|| name.clone());
            }
        }
        let mut by_first_name: HashMap<String, Option<String>> = HashMap::default();
        for full in by_surname.values() {
            if let Some((first, _)) = full.split_once(' ') {
                by_first_name
                    .entry(first.to_string())
                    .and_modify(|f| {
                        if f.as_deref() != Some(full.as_str()) {
                            *f = None;
                        }
                    })
                    .or_insert_with(|| Some(full.clone()));
            }
        }
        PersonNames { by_surname, by_first_name }
    }

    /// `name` is a full name of the document: the one kept under its own surname.
    fn is_full_name(&self, name: &str) -> bool {
        name.rsplit_once(' ').is_some_and(|(_, last)| self.by_surname.get(last).is_some_and(|full| full == name))
    }

    fn is_surname(&self, name: &str) -> bool {
        self.by_surname.contains_key(name)
    }

    /// `name` starts exactly one full name of the document.
    fn is_first_name_of_one(&self, name: &str) -> bool {
        self.by_first_name.get(name).is_some_and(Option::is_some)
    }

    /// The name a person mention stands for, where it is not the mention's own.
    fn canonical<'s>(&'s self, name: &str, lexicon_index: Option<usize>, lexicon: &'s Lexicon) -> Option<&'s str> {
        if !name.contains(' ')
            && let Some(full) =
                self.by_surname.get(name).or_else(|| self.by_first_name.get(name).and_then(Option::as_ref))
        {
            return Some(full);
        }
        match lexicon_index {
            Some(p) if !self.is_full_name(name) || name == lexicon.people[p].name => {
                let lexicon_name = &lexicon.people[p].name;
                let last = lexicon_name.rsplit(' ').next().unwrap_or(lexicon_name);
                Some(self.by_surname.get(last).unwrap_or(lexicon_name))
            }
            _ => None,
        }
    }
}

/// How the document types each name that no lexicon backs, for adopting
/// the untyped repeats. (Rewriting the minority readings as well was
/// measured: it cost 0.002 F1 on eng.testa, so it is not done.)
struct NameVotes(HashMap<String, [usize; 3]>);

impl NameVotes {
    fn count(mentions: &[Mention]) -> Self {
        let mut votes: HashMap<String, [usize; 3]> =
            HashMap::with_capacity_and_hasher(mentions.len(), Default::default());
        for m in mentions {
            if let Some((name, kind)) = FreeKind::of(&m.cue) {
                // A name already counted is not copied again.
                match votes.get_mut(name) {
                    Some(counts) => counts[kind.index()] += 1,
                    None => votes.entry(name.to_string()).or_default()[kind.index()] += 1,
                }
            }
        }
        NameVotes(votes)
    }

    /// The kind most mentions of `name` have; a tie goes to the earlier kind of [`FreeKind::ALL`].
    fn majority(&self, name: &str) -> Option<FreeKind> {
        let v = self.0.get(name)?;
        FreeKind::ALL.into_iter().max_by_key(|&k| (v[k.index()], std::cmp::Reverse(k.index())))
    }
}

/// Capitalised names with no cue count when they repeat a person's name or
/// a name typed elsewhere in the document.
fn adopt_repeated_names(mentions: &mut Vec<Mention>, unknown: Vec<Mention>, names: &PersonNames) {
    let votes = NameVotes::count(mentions);
    for mut m in unknown {
        let Cue::Person { name, .. } = &m.cue else { continue };
        if names.is_surname(name) || names.is_full_name(name) || names.is_first_name_of_one(name) {
            mentions.push(m);
        } else if let Some(winner) = votes.majority(name) {
            let name = name.clone();
            (m.kind, m.cue) = winner.cue(name);
            mentions.push(m);
        }
    }
}

/// Where each mention went when sorted into document order: facts and
/// descriptions name mentions by their place in the finder's list.
struct DocumentOrder {
    new_index: Vec<usize>,
}

impl DocumentOrder {
    fn of(&self, found_at: usize) -> usize {
        self.new_index[found_at]
    }
}

fn in_document_order(mentions: Vec<Mention>) -> (Vec<Mention>, DocumentOrder) {
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
type Argument = (usize, Range<usize>);

/// A relation stated by the text's wording (a title, a description): no event, so no event codes.
fn stated_fact(label: &str, sentence: usize, subject: Argument, trigger: Range<usize>, object: Argument) -> Relation {
    Relation {
        subject: subject.0,
        object: object.0,
        label: label.to_string(),
        cameo: None,
        goldstein: None,
        plover: None,
        sentence,
        subject_span: subject.1,
        trigger_span: trigger,
        object_span: object.1,
        hedged: false,
    }
}

struct Resolver<'a> {
    text: &'a str,
    doc_id: &'a str,
    date: Option<&'a str>,
    sentences: &'a [Sentence],
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
    facts: Vec<Relation>,
    /// Where ids are built to be looked up: most name an entity already made.
    scratch: String,
}

/// What pass 2 carries from one mention to the next.
#[derive(Default)]
struct Antecedents {
    /// The report "the report" stands for.
    report: Option<usize>,
    /// Each person's roles (they do not change in pass 2), made when the
    /// first role description needs them.
    person_roles: Option<Vec<Vec<(String, usize)>>>,
    /// Each person's latest mention among the first `seen_up_to`.
    last_seen: HashMap<usize, usize>,
    seen_up_to: usize,
}

impl<'a> Resolver<'a> {
    fn new(
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

    fn is_person(&self, e: usize) -> bool {
        self.entities[e].kind == EntityKind::Person
    }

    /// Pass 1: the entity of each named mention. There are no more entities than mentions.
    fn name_entities(&mut self, mentions: &mut [Mention], names: &PersonNames) {
        // Organizations discovered with a state qualifier lend it to later bare mentions.
        let mut org_states: HashMap<String, usize> = HashMap::default();
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
                    self.entities[e].code = Some(self.lexicon.states[*state].iso3.clone());
                    Some(e)
                }
                Cue::Place { name, state } => {
                    let e = self.named("place", name, name, EntityKind::Place);
                    if let Some(s) = state {
                        self.entities[e].code = Some(self.lexicon.states[*s].iso3.clone());
                    }
                    Some(e)
                }
                _ => None,
            };
        }
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

    fn lexicon_organization(&mut self, o: usize) -> usize {
        let lexicon = self.lexicon;
        let entry = &lexicon.organizations[o];
        let e = self.named("organization", &entry.name, &entry.name, EntityKind::Organization);
        self.entities[e].code = match entry.sector.as_str() {
            "igo" => Some("IGO".into()),
            "ngo" => Some("NGO".into()),
            _ => entry.state.map(|s| lexicon.states[s].iso3.clone()),
        };
        e
    }

    /// An organization no lexicon lists; one qualified by a state is that state's own.
    fn found_organization(&mut self, name: &str, state: Option<usize>) -> usize {
        let Some(s) = state else {
            return self.named("organization", name, name, EntityKind::Organization);
        };
        let iso3 = &self.lexicon.states[s].iso3;
        let id = format!("organization:{}-{}", slug(name), iso3.to_lowercase());
        let e = self.entity(&id, name, EntityKind::Organization);
        self.entities[e].code = Some(iso3.clone());
        e
    }

    fn person(&mut self, name: &str, lexicon_index: Option<usize>, names: &PersonNames) -> usize {
        let lexicon = self.lexicon;
        let label = names.canonical(name, lexicon_index, lexicon).unwrap_or(name);
        let e = self.named("person", label, label, EntityKind::Person);
        if let Some(p) = lexicon_index.or_else(|| lexicon.person_named(label)) {
            self.lexicon_people.insert(p, e);
        }
        e
    }

    /// Roles stated by titles and appositions: kept for role descriptions, and stated as facts.
    fn stated_roles(&mut self, mentions: &[Mention], roles: &[RoleFact], order: &DocumentOrder) {
        for fact in roles {
            let (p, s) = (&mentions[order.of(fact.person)], &mentions[order.of(fact.state)]);
            if let (Some(person), Some(state)) = (p.entity, s.entity) {
                self.roles.push((person, fact.relation.clone(), state));
                let (subject, object) = ((person, p.span.clone()), (state, s.span.clone()));
                self.facts.push(stated_fact(&fact.relation, p.sentence, subject, fact.trigger.clone(), object));
            }
        }
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

    /// Pass 2: descriptions and pronouns, in document order. A description's
    /// state modifier sorts after it (it starts later), so it is read from
    /// this snapshot of pass 1.
    fn descriptions_and_pronouns(&mut self, mentions: &mut [Mention], order: &DocumentOrder) {
        let named: Vec<(Option<usize>, Range<usize>)> = mentions.iter().map(|m| (m.entity, m.span.clone())).collect();
        let mut antecedents = Antecedents::default();
        for i in 0..mentions.len() {
            let (before, rest) = mentions.split_at_mut(i);
            let m = &mut rest[0];
            match m.cue {
                Cue::Role { .. } => self.role_description(m, before, &named, order, &mut antecedents),
                Cue::Report { .. } => self.report(m, &mut antecedents.report),
                Cue::PersonPronoun => m.entity = self.person_antecedent(m, before),
                Cue::ThingPronoun => {
                    m.entity = self.thing_antecedent(m, before);
                    if let Some(e) = m.entity {
                        m.kind = self.entities[e].kind;
                    }
                }
                Cue::SpeakerState => m.entity = self.speaker_state(m, before),
                _ => {}
            }
        }
    }

    /// "the Russian minister": the person holding the role, else the state the official acts for.
    fn role_description(
        &mut self,
        m: &mut Mention,
        before: &[Mention],
        named: &[(Option<usize>, Range<usize>)],
        order: &DocumentOrder,
        antecedents: &mut Antecedents,
    ) {
        let Cue::Role { relation, state, possessive_pronoun, asserts } = &m.cue else { return };
        let state_entity = state.map(|s| order.of(s)).and_then(|s| named[s].0);
        let relations = self.described_roles(relation.as_ref(), *asserts, *possessive_pronoun, m.sentence, before);
        if relations.is_empty() {
            return;
        }
        m.entity = antecedents.holder(self, &relations, state_entity, before);
        // "A French minister threatened ...": with no holder in sight, the
        // official acts for their state.
        if m.entity.is_none()
            && let Some(state) = state_entity
        {
            m.entity = Some(state);
            m.kind = EntityKind::State;
            return;
        }
        if let (Some(holder), Some(state_mention), true) = (m.entity, state, asserts) {
            let (object, object_span) = &named[order.of(*state_mention)];
            let trigger = self.sentences[m.sentence].tokens[m.tokens.end - 1].range();
            let (subject, object) = ((holder, m.span.clone()), (object.unwrap_or(0), object_span.clone()));
            self.facts.push(stated_fact(&relations[0], m.sentence, subject, trigger, object));
        }
    }

    /// The relations a role description names: its own, or for "his Russian
    /// counterpart" those of the possessor (in the same sentence for a pronoun).
    fn described_roles(
        &self,
        relation: Option<&String>,
        asserts: bool,
        possessive_pronoun: bool,
        sentence: usize,
        before: &[Mention],
    ) -> Vec<String> {
        match relation {
            Some(rel) if rel == "ambassador_of" && !asserts => vec![rel.clone(), "minister_of".into()],
            Some(rel) => vec![rel.clone()],
            None => {
                let possessor = before
                    .iter()
                    .rev()
                    .filter(|b| b.sentence == sentence || !possessive_pronoun)
                    .find_map(|b| b.entity.filter(|&e| self.is_person(e)));
                possessor.map(|p| self.roles_of(p).into_iter().map(|(rel, _)| rel).collect()).unwrap_or_default()
            }
        }
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

    /// "the report": the report named last, or a new one after "a", "an", "another".
    fn report(&mut self, m: &mut Mention, current: &mut Option<usize>) {
        let Cue::Report { label } = &m.cue else { return };
        let first = self.text[m.span.clone()].split(' ').next().unwrap_or("").to_lowercase();
        let new = current.is_none() || matches!(first.as_str(), "a" | "an" | "another");
        if new {
            let id = format!("report:{}/{}", slug(&self.doc_id.replace('.', "-")), slug(label));
            *current = Some(self.entity(&id, label, EntityKind::Report));
        }
        m.entity = *current;
    }

    /// "he", "she": the last person named in this sentence or the three before it.
    fn person_antecedent(&self, m: &Mention, before: &[Mention]) -> Option<usize> {
        before
            .iter()
            .rev()
            .take_while(|b| b.sentence + 3 >= m.sentence)
            .find_map(|b| b.entity.filter(|&e| self.is_person(e)))
    }

    /// "it": the last organization, state or report heading a phrase of this sentence.
    fn thing_antecedent(&self, m: &Mention, before: &[Mention]) -> Option<usize> {
        before.iter().rev().take_while(|b| b.sentence == m.sentence).filter(|b| b.head).find_map(|b| {
            b.entity.filter(|&e| {
                matches!(self.entities[e].kind, EntityKind::Organization | EntityKind::State | EntityKind::Report)
            })
        })
    }

    /// "our country" after a quote mark: the first state heading a phrase of the sentence.
    fn speaker_state(&self, m: &Mention, before: &[Mention]) -> Option<usize> {
        let sentence_start = self.sentences[m.sentence].range.start;
        let quoted = self.text[sentence_start..m.span.start].contains(['"', '“', '\'']);
        if !quoted {
            return None;
        }
        // Mentions are in document order: this sentence's earlier ones end `before`.
        let same = before.iter().rev().take_while(|b| b.sentence == m.sentence).count();
        before[before.len() - same..]
            .iter()
            .filter(|b| b.head)
            .find_map(|b| b.entity.filter(|&e| self.entities[e].kind == EntityKind::State))
    }

    /// "the report by ...": the publisher published the report.
    fn publications(&mut self, mentions: &[Mention], publishers: &[PublishFact], order: &DocumentOrder) {
        let Some(entry) = self.lexicon.relations.iter().find(|e| e.label == "published") else { return };
        for fact in publishers {
            let (p, report) = (&mentions[order.of(fact.publisher)], &mentions[order.of(fact.report)]);
            if let (Some(publisher), Some(report_entity)) = (p.entity, report.entity) {
                self.facts.push(Relation {
                    subject: publisher,
                    object: report_entity,
                    label: entry.label.clone(),
                    cameo: entry.cameo.clone(),
                    goldstein: entry.goldstein,
                    plover: entry.plover.clone(),
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
    fn keep_resolved(&mut self, mentions: Vec<Mention>) -> Vec<Mention> {
        let mut kept = Vec::with_capacity(mentions.len());
        for m in mentions {
            let Some(e) = m.entity else { continue };
            let entity = &mut self.entities[e];
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

    /// A person acts for the state of their first role; a public figure with no
    /// role on the document's date still belongs to the state of their roles.
    fn person_codes(&mut self) {
        for e in 0..self.entities.len() {
            if self.is_person(e)
                && let Some(code) = self.person_code(e)
            {
                self.entities[e].code = Some(code);
            }
        }
    }

    fn person_code(&self, person: usize) -> Option<String> {
        let roles = self.roles_of(person);
        if let Some((_, state)) = roles.iter().find(|(_, s)| self.entities[*s].kind == EntityKind::State) {
            return self.entities[*state].iso3.clone();
        }
        // "U.N. mediator Diego Cordovez" acts for the U.N.
        let organization = roles
            .iter()
            .filter(|(_, o)| self.entities[*o].kind == EntityKind::Organization)
            .find_map(|(_, o)| self.entities[*o].code.clone());
        organization.or_else(|| {
            let p = self.lexicon_people.iter().filter(|(_, x)| **x == person).map(|(p, _)| *p).min()?;
            let role = self.lexicon.people[p].roles.last()?;
            Some(self.lexicon.states[role.state].iso3.clone())
        })
    }

    /// "President Levy Mwanawasa ... the Zambian people": an official titled
    /// without a state, an organization found by its cue words ("the Homeland
    /// Union") and a place no lexicon locates, in a document that names a
    /// single state, belong to it.
    fn one_state_codes(&mut self, kept: &[Mention]) {
        let mut codes = self
            .entities
            .iter()
            .filter(|x| matches!(x.kind, EntityKind::State | EntityKind::Group | EntityKind::Place))
            .filter_map(|x| x.code.as_deref());
        let Some(only) = codes.next().map(String::from) else { return };
        if !codes.all(|c| c == only) {
            return;
        }
        let lexicon_orgs: HashSet<usize> = kept
            .iter()
            .filter(|m| matches!(m.cue, Cue::Org { lexicon: Some(_), .. }))
            .filter_map(|m| m.entity)
            .collect();
        for m in kept {
            let Some(e) = m.entity else { continue };
            if self.entities[e].code.is_some() {
                continue;
            }
            let titled = m.phrase_start < m.tokens.start && m.form == Form::Name;
            let local = match (&m.cue, self.entities[e].kind) {
                (_, EntityKind::Person) => titled,
                (Cue::Org { lexicon: None, .. }, EntityKind::Organization) => true,
                (Cue::Place { .. }, EntityKind::Place) => true,
                _ => false,
            };
            if local && !lexicon_orgs.contains(&e) {
                self.entities[e].code = Some(only.clone());
            }
        }
    }
}

impl Antecedents {
    /// The holder of a described role, with each person's latest mention brought up to `before`.
    fn holder(
        &mut self,
        r: &Resolver,
        relations: &[String],
        state: Option<usize>,
        before: &[Mention],
    ) -> Option<usize> {
        let roles = self.person_roles.get_or_insert_with(|| {
            (0..r.entities.len()).map(|e| if r.is_person(e) { r.roles_of(e) } else { Vec::new() }).collect()
        });
        for (k, b) in before.iter().enumerate().skip(self.seen_up_to) {
            if let Some(e) = b.entity
                && r.is_person(e)
            {
                self.last_seen.insert(e, k);
            }
        }
        self.seen_up_to = before.len();
        r.holder(relations, state, roles, &self.last_seen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_whose_hashes_collide_stay_apart() {
        let lexicon = Lexicon::embedded();
        let mut r = Resolver::new("", "d", None, &[], &lexicon);
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
