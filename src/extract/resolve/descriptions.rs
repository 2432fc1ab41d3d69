//! Pass 2: descriptions and pronouns join what the document named before
//! them: a role description its holder, "the report" its report, a pronoun
//! the nearest compatible entity, "our country" the speaker's state.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::governments::Governments;
use super::resolver::{DocumentOrder, Resolver, stated_fact};
use crate::extract::extraction::{Cue, EntityKind, Mention};
use crate::extract::names::slug;
use crate::extract::vocabulary::EntityId;
use crate::extract::vocabulary::Role;

/// Verbs after a sentence-opening "It" that make it an actor (BBC dev: "It
/// said" 21 times, "It has" 31, "It also" 41, "It blamed" 6; "It is" 87 and
/// "It was" 30 are mostly empty).
const IT_ACTS: [&str; 24] = [
    "said",
    "says",
    "added",
    "has",
    "had",
    "will",
    "also",
    "blamed",
    "wants",
    "hopes",
    "aims",
    "expects",
    "plans",
    "sold",
    "bought",
    "cut",
    "lost",
    "warned",
    "announced",
    "insisted",
    "denied",
    "claimed",
    "took",
    "argued",
];

/// What pass 2 carries from one mention to the next.
#[derive(Default)]
struct Antecedents {
    /// The report "the report" stands for.
    report: Option<EntityId>,
    /// Each person's roles (they do not change in pass 2), made when the
    /// first role description needs them.
    person_roles: Option<Vec<Vec<(Role, EntityId)>>>,
    /// Each person's latest mention among the first `seen_up_to`.
    last_seen: HashMap<EntityId, usize>,
    seen_up_to: usize,
    /// The governments named so far, for a bare "the government".
    governments: Governments,
}

impl Resolver<'_> {
    /// Pass 2: descriptions and pronouns, in document order. A description's
    /// state modifier sorts after it (it starts later), so it is read from
    /// this snapshot of pass 1.
    pub(super) fn descriptions_and_pronouns(&mut self, mentions: &mut [Mention], order: &DocumentOrder) {
        let named: Vec<(Option<EntityId>, Range<usize>)> =
            mentions.iter().map(|m| (m.entity, m.span.clone())).collect();
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
                        m.kind = self.entities[e.index()].kind;
                    }
                }
                Cue::SpeakerState => m.entity = self.speaker_state(m, before),
                Cue::State(_) => antecedents.governments.note(self.text, m),
                Cue::Government => m.entity = antecedents.governments.state(self, &named),
                Cue::CompanyDescription { .. } => self.company_description(m, before, &named, order),
                _ => {}
            }
        }
    }

    /// "the Russian minister": the person holding the role, else the state the official acts for.
    fn role_description(
        &mut self,
        m: &mut Mention,
        before: &[Mention],
        named: &[(Option<EntityId>, Range<usize>)],
        order: &DocumentOrder,
        antecedents: &mut Antecedents,
    ) {
        let Cue::Role { relation, state, possessive_pronoun, asserts } = &m.cue else { return };
        let state_entity = state.map(|s| order.of(s)).and_then(|s| named[s].0);
        // "a spokeswoman for ...", "an Iraqi minister": an indefinite description
        // introduces someone, it does not point back to a holder.
        let first_word = self.text[m.span.clone()].split(' ').next().unwrap_or("");
        let indefinite = ["a", "an"].iter().any(|d| d.eq_ignore_ascii_case(first_word));
        let definite = !indefinite && !*possessive_pronoun;
        // "Archbishop Desmond Tutu ... the South African archbishop": a title
        // with no role of its own stands for the one person named under it
        // (only "his counterpart" borrows the possessor's roles).
        let described_state = state.and_then(|s| named[order.of(s)].0.map(|e| (e, named[order.of(s)].1.clone())));
        if relation.is_none() && !*possessive_pronoun {
            let Some(person) = self.titled_antecedent(m, before, described_state.clone()) else { return };
            if let Some(state) = described_state {
                self.national_by_description(person, m, state);
            }
            m.entity = Some(person);
            return;
        }
        let relations = self.described_roles(*relation, *asserts, *possessive_pronoun, m.sentence, before);
        if relations.is_empty() {
            return;
        }
        m.entity = if indefinite { None } else { antecedents.holder(self, &relations, state_entity, before) };
        // "President Jacques Chirac ... the French president", his role unplaced before.
        if m.entity.is_none() && definite {
            m.entity = self.titled_antecedent(m, before, described_state);
        }
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
            let (subject, object) =
                ((holder, m.span.clone()), (object.unwrap_or(EntityId::new(0)), object_span.clone()));
            let kind = Arc::clone(self.lexicon.role_kind(relations[0]));
            self.facts.push(stated_fact(kind, m.sentence, subject, trigger, object));
        }
    }

    /// The relations a role description names: its own, or for "his Russian
    /// counterpart" those of the possessor (in the same sentence for a pronoun).
    fn described_roles(
        &self,
        relation: Option<Role>,
        asserts: bool,
        possessive_pronoun: bool,
        sentence: usize,
        before: &[Mention],
    ) -> Vec<Role> {
        match relation {
            Some(Role::AmbassadorOf) if !asserts => vec![Role::AmbassadorOf, Role::MinisterOf],
            Some(rel) => vec![rel],
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

    /// "the report": the report named last, or a new one after "a", "an", "another".
    fn report(&mut self, m: &mut Mention, current: &mut Option<EntityId>) {
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
    fn person_antecedent(&self, m: &Mention, before: &[Mention]) -> Option<EntityId> {
        before
            .iter()
            .rev()
            .take_while(|b| b.sentence + 3 >= m.sentence)
            .find_map(|b| b.entity.filter(|&e| self.is_person(e)))
    }

    /// "it": the last organization, state or report heading a phrase of this
    /// sentence; for "It" opening a sentence with an act ("It said", "It took
    /// up the case"), the first one of the sentence before, its subject.
    fn thing_antecedent(&self, m: &Mention, before: &[Mention]) -> Option<EntityId> {
        let thing = |b: &Mention| {
            b.entity.filter(|&e| {
                matches!(
                    self.entities[e.index()].kind,
                    EntityKind::Organization | EntityKind::State | EntityKind::Report
                )
            })
        };
        let here = before.iter().rev().take_while(|b| b.sentence == m.sentence).filter(|b| b.head).find_map(thing);
        if here.is_some() || m.tokens.start != 0 || m.sentence == 0 || !self.opens_with_an_act(m.sentence) {
            return here;
        }
        let previous =
            before.iter().rev().skip_while(|b| b.sentence == m.sentence).take_while(|b| b.sentence + 1 == m.sentence);
        previous.filter(|b| b.head).filter_map(thing).last()
    }

    /// The sentence's second word is one of an actor's acts: "It said", not the
    /// empty "It is", "It was", "It follows".
    fn opens_with_an_act(&self, sentence: usize) -> bool {
        let next = self.sentences[sentence].tokens.get(1).map_or("", |t| t.text(self.text));
        IT_ACTS.contains(&next)
    }

    /// "our country" after a quote mark: the first state heading a phrase of the sentence.
    fn speaker_state(&self, m: &Mention, before: &[Mention]) -> Option<EntityId> {
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
            .find_map(|b| b.entity.filter(|&e| self.entities[e.index()].kind == EntityKind::State))
    }
}

impl Antecedents {
    /// The holder of a described role, with each person's latest mention brought up to `before`.
    fn holder(
        &mut self,
        r: &Resolver<'_>,
        relations: &[Role],
        state: Option<EntityId>,
        before: &[Mention],
    ) -> Option<EntityId> {
        let roles = self.person_roles.get_or_insert_with(|| {
            (0..r.entities.len())
                .map(EntityId::new)
                .map(|e| if r.is_person(e) { r.roles_of(e) } else { Vec::new() })
                .collect()
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
