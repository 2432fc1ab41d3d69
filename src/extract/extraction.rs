//! What extraction finds in a document: mentions, entities and relations
//! (the output), and the cues and facts the mention finder hands the resolver.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::vocabulary::{EntityId, OrgId, PersonId, RelationType, Role, StateId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    State,
    Organization,
    Report,
    Place,
    /// People named by their state and what they are: "Afghan rebels", "Palestinian prisoners".
    Group,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::State,
        EntityKind::Organization,
        EntityKind::Report,
        EntityKind::Place,
        EntityKind::Group,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::State => "state",
            EntityKind::Organization => "organization",
            EntityKind::Report => "report",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Name,
    Demonym,
    Nominal,
    Pronoun,
}

/// What the mention finder learned, for the resolver to act on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cue {
    State(StateId),
    /// An organization: lexicon entry or discovered name, with the state that qualifies it.
    Org {
        name: String,
        lexicon: Option<OrgId>,
        state: Option<StateId>,
    },
    Person {
        name: String,
        lexicon: Option<PersonId>,
    },
    Place {
        name: String,
        state: Option<StateId>,
    },
    /// "Afghan rebels": people of a state who do not act for it.
    Group {
        state: StateId,
        label: String,
    },
    /// "the Russian President", "his Russian counterpart".
    Role {
        relation: Option<Role>,
        /// The state's mention (an index into the finder's mentions).
        state: Option<usize>,
        possessive_pronoun: bool,
        asserts: bool,
    },
    Report {
        label: String,
    },
    PersonPronoun,
    /// "it": an organization, state or report mentioned just before.
    ThingPronoun,
    /// "our country" in a quote: the speaker's state.
    SpeakerState,
}

/// One mention of an entity in a document.
#[derive(Debug, Clone)]
pub struct Mention {
    pub sentence: usize,
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// First token of the whole noun phrase: the title and its state for a
    /// titled name ("Russia’s ambassador to the United States Anatoly Antanov").
    pub phrase_start: usize,
    pub kind: EntityKind,
    pub form: Form,
    /// Can be the subject or object of a relation (not a modifier such as
    /// "Russia’s" in "Russia’s ambassador" or "US" in "US intelligence").
    pub head: bool,
    pub(crate) cue: Cue,
    /// Its entity, once resolved.
    pub entity: Option<EntityId>,
}

/// A role stated by a title or apposition: "US President Joe Biden". The
/// person, the state (or organization) are mentions: indices into the
/// finder's mentions, which resolution maps to entities.
#[derive(Debug, Clone)]
pub(crate) struct RoleFact {
    pub person: usize,
    pub relation: Role,
    pub state: usize,
    pub trigger: Range<usize>,
}

/// "the report by the Office of ...": the organization published the report
/// (both indices into the finder's mentions).
#[derive(Debug, Clone)]
pub(crate) struct PublishFact {
    pub publisher: usize,
    pub report: usize,
    pub trigger: Range<usize>,
}

/// A resolved entity of one document.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub label: String,
    pub kind: EntityKind,
    pub aliases: BTreeSet<String>,
    pub iso3: Option<String>,
    /// Event-data actor code: the ISO-3 code of the state an entity belongs
    /// to or speaks for, or IGO / NGO for international bodies.
    pub code: Option<String>,
    pub mentions: u64,
}

/// A relation between two entities, with the spans that support it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub subject: EntityId,
    pub object: EntityId,
    /// Label and event codes, shared with the lexicon row that found it.
    pub kind: Arc<RelationType>,
    pub sentence: usize,
    pub subject_span: Range<usize>,
    pub trigger_span: Range<usize>,
    pub object_span: Range<usize>,
    pub hedged: bool,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
}
