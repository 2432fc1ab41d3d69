//! The typed vocabulary the stages share: relation types (label and event
//! codes), the roles and event relations the rules rely on, the ids of
//! lexicon rows and of a document's entities, and the type of an untyped name.

/// What a relation is: its label and, for an event, its CAMEO code, Goldstein
/// weight and PLOVER category. Made once per lexicon row (or role) and shared
/// behind an `Arc` from the lexicon to the graph's edge, so that a relation
/// costs a reference count, not three strings.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationType {
    pub label: String,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub plover: Option<String>,
}

impl RelationType {
    /// A relation stated by wording (a title, an apposition): no event, so no event codes.
    pub fn stated(label: &str) -> Self {
        RelationType { label: label.to_string(), cameo: None, goldstein: None, plover: None }
    }
}

/// A role a person holds for a state or organization: stated by a title or
/// an apposition, or listed in `people.tsv` and `titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    PresidentOf,
    LeaderOf,
    MinisterOf,
    AmbassadorOf,
    /// The state an ambassador is posted to ("ambassador to the United States").
    AmbassadorTo,
    NationalOf,
    MemberOf,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::PresidentOf,
        Role::LeaderOf,
        Role::MinisterOf,
        Role::AmbassadorOf,
        Role::AmbassadorTo,
        Role::NationalOf,
        Role::MemberOf,
    ];

    /// The relation label the role gives in the graph.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::PresidentOf => "president_of",
            Role::LeaderOf => "leader_of",
            Role::MinisterOf => "minister_of",
            Role::AmbassadorOf => "ambassador_of",
            Role::AmbassadorTo => "ambassador_to",
            Role::NationalOf => "national_of",
            Role::MemberOf => "member_of",
        }
    }

    pub fn parse(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == label)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The event relations of `relations.tsv` that rules turn other relations
/// into or read specially; a lexicon without one simply lacks that rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventRelation {
    Accused,
    Agreed,
    ArrivedIn,
    Demanded,
    Fought,
    Published,
    Rejected,
    Threatened,
    Visited,
    Withdrew,
}

impl EventRelation {
    pub const ALL: [EventRelation; 10] = [
        EventRelation::Accused,
        EventRelation::Agreed,
        EventRelation::ArrivedIn,
        EventRelation::Demanded,
        EventRelation::Fought,
        EventRelation::Published,
        EventRelation::Rejected,
        EventRelation::Threatened,
        EventRelation::Visited,
        EventRelation::Withdrew,
    ];

    /// The label of its rows in `relations.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventRelation::Accused => "accused",
            EventRelation::Agreed => "agreed",
            EventRelation::ArrivedIn => "arrived_in",
            EventRelation::Demanded => "demanded",
            EventRelation::Fought => "fought",
            EventRelation::Published => "published",
            EventRelation::Rejected => "rejected",
            EventRelation::Threatened => "threatened",
            EventRelation::Visited => "visited",
            EventRelation::Withdrew => "withdrew",
        }
    }

    pub fn parse(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == label)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The type of a name no lexicon backs, as a rule or the tagger gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameType {
    Person,
    Place,
    Organization,
    /// The tagger's miscellaneous names (nationalities, events, works).
    Other,
}

impl NameType {
    /// The type of a name the tagger labels `label` (see `tagger::LABELS`:
    /// 0 is outside, then a begin and an inside label per type); `None` outside.
    pub(crate) fn of_tagger_label(label: usize) -> Option<NameType> {
        match label {
            0 => None,
            1 | 2 => Some(NameType::Person),
            3 | 4 => Some(NameType::Place),
            5 | 6 => Some(NameType::Organization),
            _ => Some(NameType::Other),
        }
    }

    /// The tagger's `label` continues a name rather than beginning one.
    pub(crate) fn is_inside_label(label: usize) -> bool {
        label != 0 && label.is_multiple_of(2)
    }
}

/// An index into one table: a lexicon's rows of one file, or a document's entities.
macro_rules! index_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(usize);

        impl $name {
            pub fn new(index: usize) -> Self {
                $name(index)
            }

            pub fn index(self) -> usize {
                self.0
            }
        }
    };
}

index_id!(
    /// A row of `states.tsv`: an index into [`Lexicon::states`](super::Lexicon::states).
    StateId
);
index_id!(
    /// A row of `organizations.tsv`: an index into [`Lexicon::organizations`](super::Lexicon::organizations).
    OrgId
);
index_id!(
    /// A row of `people.tsv`: an index into [`Lexicon::people`](super::Lexicon::people).
    PersonId
);
index_id!(
    /// A row of `places.tsv`: an index into [`Lexicon::places`](super::Lexicon::places).
    PlaceId
);
index_id!(
    /// A row of `relations.tsv`: an index into [`Lexicon::relations`](super::Lexicon::relations).
    RelationId
);
index_id!(
    /// One of a document's entities: an index into [`Extraction::entities`](super::Extraction::entities).
    EntityId
);
