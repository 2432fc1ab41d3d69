//! What extraction finds in a document: mentions, entities and relations
//! (the output), and the cues and facts the mention finder hands the resolver.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::vocabulary::{EntityId, OrgId, PersonId, RelationType, Role, StateId};

/// What an entity is; serialized in lower case ("state"), as the graph's node types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person, named or referred to by title or pronoun: "Joe Biden".
    Person,
    /// A sovereign state of `states.tsv`: "Russia", "Russian", "Moscow".
    State,
    /// An organization of `organizations.tsv` or one found by its name's cue words: "NATO".
    Organization,
    /// A report or other document the text refers to: "the report", "a new assessment".
    Report,
    /// A city, region or landmark that is not a capital: "Kharkiv".
    Place,
    /// People named by their state and what they are: "Afghan rebels", "Palestinian prisoners".
    Group,
}

impl EntityKind {
    /// Every kind, in declaration order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::State,
        EntityKind::Organization,
        EntityKind::Report,
        EntityKind::Place,
        EntityKind::Group,
    ];

    /// Its name in the graph and on the command line ("organization").
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

    /// The kind named `name` (as [`EntityKind::as_str`] gives it); `None` for any other name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// By its name: "Russia", "Joe Biden".
    Name,
    /// By a state's demonym: "Russian" in "Russian officials".
    Demonym,
    /// By a description: "the Russian President", "the report".
    Nominal,
    /// By a pronoun: "he", "it".
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
    /// "the British firm": the company named just before (`resolve/company_descriptions.rs`);
    /// `state` is the state's mention (an index into the finder's mentions).
    CompanyDescription {
        state: usize,
    },
    /// "the government" with no state named: the story's own (`resolve/governments.rs`).
    Government,
}

/// One mention of an entity in a document.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Its sentence: an index into [`Extraction::sentences`].
    pub sentence: usize,
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// First token of the whole noun phrase: the title and its state for a
    /// titled name ("Russia’s ambassador to the United States Anatoly Antanov").
    pub phrase_start: usize,
    /// The kind of entity it refers to.
    pub kind: EntityKind,
    /// How it refers to it.
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

/// A title with a role but no state or organization beside it ("Prime
/// Minister Tony Blair"): the resolver may place it by the people lexicon.
#[derive(Debug, Clone)]
pub(crate) struct UnplacedTitle {
    /// The titled person's mention (an index into the finder's mentions).
    pub person: usize,
    pub relation: Role,
    /// The title's bytes.
    pub trigger: Range<usize>,
    /// What stands before the title: whether a word there may name its body.
    pub opening: TitleOpening,
}

/// What stands before a title that no organization or state qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleOpening {
    /// Nothing that could name its body: the sentence's start, punctuation, a
    /// determiner or grammatical word ("said chief executive X", "the company's chairman X").
    Bare,
    /// "its": the body is the organization the pronoun refers to ("Acme and its chief executive X").
    Its,
    /// Capitalised words no rule read as a name: a portfolio ("Environment Secretary X").
    Portfolio,
    /// Any other word: a body left unread ("Committee chairman X", "Conservative leader X").
    Qualified,
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
    /// Its node id in the graph: its kind and the slug of its name ("state:russia").
    pub id: String,
    /// The name it is shown by ("Russia").
    pub label: String,
    /// What it is.
    pub kind: EntityKind,
    /// The other surface forms of its mentions, pronouns aside ("Russian", "Moscow").
    pub aliases: BTreeSet<String>,
    /// ISO 3166-1 alpha-3 code of a state ("RUS"); none for other kinds.
    pub iso3: Option<String>,
    /// Event-data actor code: the ISO-3 code of the state an entity belongs
    /// to or speaks for, or IGO / NGO for international bodies.
    pub code: Option<String>,
    /// How many of the document's mentions refer to it.
    pub mentions: u64,
}

/// A relation between two entities, with the spans that support it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    /// The entity that acts or holds the role: an index into [`Extraction::entities`].
    pub subject: EntityId,
    /// The entity acted on, or the state or organization of a role.
    pub object: EntityId,
    /// Label and event codes, shared with the lexicon row that found it.
    pub kind: Arc<RelationType>,
    /// Its sentence: an index into [`Extraction::sentences`].
    pub sentence: usize,
    /// Byte range of the subject's mention in the document text.
    pub subject_span: Range<usize>,
    /// Byte range of the words that state it ("condemned", "President").
    pub trigger_span: Range<usize>,
    /// Byte range of the object's mention in the document text.
    pub object_span: Range<usize>,
    /// Its clause hedges or denies it ("reportedly", "denied", "may").
    pub hedged: bool,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Byte range of each sentence in the document text.
    pub sentences: Vec<Range<usize>>,
    /// Every mention resolved to an entity, in document order.
    pub mentions: Vec<Mention>,
    /// The document's entities; an [`EntityId`] indexes them.
    pub entities: Vec<Entity>,
    /// The relations found between them, each with its evidence spans.
    pub relations: Vec<Relation>,
}
