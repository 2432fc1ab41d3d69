//! "the government" with no state named stands for the story's own
//! government: the state of the last "X government" named before it; else
//! the one whose government offices the document's people hold most; else
//! the state the document names most. Read on the BBC dev corpus (see
//! ARCHITECTURE.md, "A bare government").

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::resolver::Resolver;
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::vocabulary::{EntityId, Role};

/// What the document says of its governments, gathered as pass 2 walks it.
#[derive(Default)]
pub(super) struct Governments {
    /// The state of the last "the British government", "US officials" seen.
    last_named: Option<EntityId>,
    /// The document's fallback, made at the first bare "the government".
    fallback: Option<Option<EntityId>>,
}

/// Last words of a state's description that name its government ("the UK government", "Venezuelan authorities").
const GOVERNMENT_WORDS: [&str; 6] =
    ["government", "administration", "cabinet", "ministers", "authorities", "officials"];

impl Governments {
    /// Notes a resolved state description that names the state's government.
    pub(super) fn note(&mut self, text: &str, m: &Mention) {
        if m.form == Form::Nominal
            && let Some(e) = m.entity
            && let Some(last) = text[m.span.clone()].rsplit(' ').next()
            && GOVERNMENT_WORDS.contains(&last)
        {
            self.last_named = Some(e);
        }
    }

    /// The state a bare "the government" stands for, if the document says.
    pub(super) fn state(&mut self, r: &Resolver<'_>, named: &[(Option<EntityId>, Range<usize>)]) -> Option<EntityId> {
        self.last_named.or_else(|| *self.fallback.get_or_insert_with(|| r.document_government(named)))
    }
}

impl Resolver<'_> {
    /// The state whose government offices the document's people hold most,
    /// else the state it names most; none on a tie.
    fn document_government(&self, named: &[(Option<EntityId>, Range<usize>)]) -> Option<EntityId> {
        let governs = |role: Role| matches!(role.broader(), Role::LeaderOf | Role::PresidentOf | Role::MinisterOf);
        let mut offices: HashMap<EntityId, usize> = HashMap::default();
        let stated = self.roles.iter().filter(|(_, role, _)| governs(*role)).map(|&(_, _, s)| s);
        let listed = self.lexicon_people.keys().flat_map(|&p| {
            self.lexicon.person(p).roles.iter().filter(|role| governs(role.relation) && role.held_on(self.date))
        });
        let listed = listed.filter_map(|role| self.lexicon_states.get(&role.state).copied());
        for state in stated.chain(listed).filter(|&s| self.entities[s.index()].kind == EntityKind::State) {
            *offices.entry(state).or_default() += 1;
        }
        if let Some(state) = unique_most(&offices) {
            return Some(state);
        }
        let mut mentions: HashMap<EntityId, usize> = HashMap::default();
        for e in named.iter().filter_map(|(e, _)| *e).filter(|e| self.entities[e.index()].kind == EntityKind::State) {
            *mentions.entry(e).or_default() += 1;
        }
        unique_most(&mentions)
    }
}

/// The key with the highest count, if no other has as many.
fn unique_most(counts: &HashMap<EntityId, usize>) -> Option<EntityId> {
    let (&best, &most) = counts.iter().max_by_key(|&(e, n)| (*n, std::cmp::Reverse(e.index())))?;
    (counts.values().filter(|&&n| n == most).count() == 1).then_some(best)
}
