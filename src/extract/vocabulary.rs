//! The typed vocabulary the stages share: relation types (label and event
//! codes), the roles and event relations the rules rely on, the ids of
//! lexicon rows and of a document's entities, and the type of an untyped name.

/// What a relation is: its label and, for an event, its CAMEO code, Goldstein
/// weight and PLOVER category. Made once per lexicon row (or role) and shared
/// behind an `Arc` from the lexicon to the graph's edge, so that a relation
/// costs a reference count, not three strings.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationType {
    /// The edge label in the graph ("criticized", "president_of").
    pub label: String,
    /// CAMEO event code of an event relation ("111", criticism); none for a stated relation.
    pub cameo: Option<String>,
    /// Goldstein conflict–cooperation weight, from -10 to +10 (-2.0 for criticism).
    pub goldstein: Option<f64>,
    /// PLOVER event category ("DISAPPROVE"); none for a stated relation.
    pub plover: Option<String>,
}

impl RelationType {
    /// A relation stated by wording (a title, an apposition): no event, so no event codes.
    pub fn stated(label: &str) -> Self {
        RelationType { label: label.to_string(), cameo: None, goldstein: None, plover: None }
    }
}

/// A role a person holds for a state or organization: stated by a title or
/// an apposition, or listed in `people.tsv` and `titles.tsv`. The last one,
/// `located_in`, places a person, an organization or a place in a place or state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Head of state: "US President Joe Biden".
    PresidentOf,
    /// Leads a state or organization: "King", "Chancellor", "Tory leader".
    LeaderOf,
    /// Heads a state's government: "Prime Minister", "premier".
    PrimeMinisterOf,
    /// Heads an organization or body: "Secretary-General", "director general", "head of".
    HeadOf,
    /// A minister of a state's government: "Foreign Minister Sergei Lavrov".
    MinisterOf,
    /// Speaks for a state, party or body: "a spokesman for the Home Office".
    SpokespersonOf,
    /// Holds an office without leading: "Europe Director", "governor", "a director of".
    OfficialOf,
    /// Employed by an organization: "an analyst at", "correspondent", "who works for".
    WorksFor,
    /// Chairs an organization's board: "chairman", "chairwoman", "chair".
    ChairmanOf,
    /// Chief executive: "CEO", "chief executive", "managing director".
    CeoOf,
    /// Founded an organization: "founder of".
    FounderOf,
    /// Commands armed forces: "commander of".
    CommanderOf,
    /// Directs an organization or one of its parts: "Director Kate Allen".
    DirectorOf,
    /// The state an ambassador represents ("Russia's ambassador").
    AmbassadorOf,
    /// The state an ambassador is posted to ("ambassador to the United States").
    AmbassadorTo,
    /// Belongs to a state without holding its office: an apposition ("Ivan Petrov, a Russian journalist").
    NationalOf,
    /// Belongs to an organization, or holds a title that names no role.
    MemberOf,
    /// Where a person lives or comes from ("Jane Doe, 34, of Springfield"), an
    /// organization's home ("Japanese car maker X", "Seattle-based X") or a
    /// place inside another ("Springfield, Illinois"). One label for the three,
    /// as the reader goldens have it (they never use lives_in or based_in); the
    /// subject's kind tells them apart (CoNLL04 Live_In, OrgBased_In, Located_In).
    LocatedIn,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 18] = [
        Role::PresidentOf,
        Role::LeaderOf,
        Role::PrimeMinisterOf,
        Role::HeadOf,
        Role::MinisterOf,
        Role::SpokespersonOf,
        Role::OfficialOf,
        Role::WorksFor,
        Role::ChairmanOf,
        Role::CeoOf,
        Role::FounderOf,
        Role::CommanderOf,
        Role::DirectorOf,
        Role::AmbassadorOf,
        Role::AmbassadorTo,
        Role::NationalOf,
        Role::MemberOf,
        Role::LocatedIn,
    ];

    /// The relation label the role gives in the graph.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::PresidentOf => "president_of",
            Role::LeaderOf => "leader_of",
            Role::PrimeMinisterOf => "prime_minister_of",
            Role::HeadOf => "head_of",
            Role::MinisterOf => "minister_of",
            Role::SpokespersonOf => "spokesperson_of",
            Role::OfficialOf => "official_of",
            Role::WorksFor => "works_for",
            Role::ChairmanOf => "chairman_of",
            Role::CeoOf => "ceo_of",
            Role::FounderOf => "founder_of",
            Role::CommanderOf => "commander_of",
            Role::DirectorOf => "director_of",
            Role::AmbassadorOf => "ambassador_of",
            Role::AmbassadorTo => "ambassador_to",
            Role::NationalOf => "national_of",
            Role::MemberOf => "member_of",
            Role::LocatedIn => "located_in",
        }
    }

    /// The role of a graph label ("president_of"); `None` for any other label.
    pub fn parse(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == label)
    }

    /// The coarse role a finer one refines: a prime minister, chairman,
    /// chief executive or head leads. "The prime minister" then finds a
    /// person the people lexicon lists as `leader_of`, and the reverse.
    pub fn broader(self) -> Role {
        match self {
            Role::PrimeMinisterOf | Role::HeadOf | Role::ChairmanOf | Role::CeoOf => Role::LeaderOf,
            other => other,
        }
    }

    /// The role a title states toward a state before or after it: a company's
    /// offices say nothing of the state that qualifies them ("its UK chief
    /// executive"), and a director or commander of a state is one of its
    /// officials ("Britain's Europe Director", "a British commander").
    pub fn toward_state(self) -> Option<Role> {
        match self {
            Role::ChairmanOf | Role::CeoOf | Role::FounderOf | Role::WorksFor => None,
            Role::DirectorOf | Role::CommanderOf => Some(Role::OfficialOf),
            other => Some(other),
        }
    }

    /// The role of a deputy ("deputy leader", "vice president", "deputy
    /// general secretary"): an official, where the role itself leads.
    pub fn of_deputy(self) -> Role {
        match self.broader() {
            Role::LeaderOf | Role::PresidentOf => Role::OfficialOf,
            _ => self,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The event relations of `relations.tsv` that rules turn other relations
/// into or read specially; a lexicon without one simply lacks that rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventRelation {
    /// "accused": what a speaker's claim of wrongdoing is read as ("said that Iran violated").
    Accused,
    /// "acquired": a purchase; its object is an organization ("bought Ambev", not "acquiring White House").
    Acquired,
    /// "agreed": what an announced cooperative act becomes ("will support").
    Agreed,
    /// "appealed_to": an appeal to a court or authority ("lost an appeal").
    AppealedTo,
    /// "arrested": an arrest or a detention ("held by the US at Guantanamo").
    Arrested,
    /// "arrived_in": arrival; its object is a place or a state.
    ArrivedIn,
    /// "attacked": a physical attack or killing ("Kennedy's assassin, Oswald").
    Attacked,
    /// "born_in": a birthplace; its object is a place or a state.
    BornIn,
    /// "criticized": what a verbal attack is read as ("attacked the plan", "attacked Blair over ...").
    Criticized,
    /// "demanded": what a claim that someone must act is read as ("said Iraq must cooperate").
    Demanded,
    /// "fought": what an attack by armed forces becomes ("Russian aircraft killed ...").
    Fought,
    /// "interviewed": an outlet's interview ("X told Reuters", "in an interview with the BBC").
    Interviewed,
    /// "invested_in": a holding ("X, a 30% shareholder in Y").
    InvestedIn,
    /// "merged_with": a merger ("the merger between X and Y").
    MergedWith,
    /// "part_of": a company's part of another ("X, a subsidiary of Y").
    PartOf,
    /// "published": an organization publishing a report ("the report by the Office of ...").
    Published,
    /// "recalled": a diplomatic recall, not a memory ("recalls how ...").
    Recalled,
    /// "rejected": what a negated agreement or support becomes ("did not agree").
    Rejected,
    /// "sued": legal action ("filed a complaint against", "won a challenge against").
    Sued,
    /// "threatened": what an announced hostile act becomes ("would blockade").
    Threatened,
    /// "visited": a visit; its object is a place or a state.
    Visited,
    /// "withdrew": what a concession about a blockade or siege becomes.
    Withdrew,
}

impl EventRelation {
    /// Every event relation, in declaration order.
    pub const ALL: [EventRelation; 22] = [
        EventRelation::Accused,
        EventRelation::Acquired,
        EventRelation::Agreed,
        EventRelation::AppealedTo,
        EventRelation::Arrested,
        EventRelation::ArrivedIn,
        EventRelation::Attacked,
        EventRelation::BornIn,
        EventRelation::Criticized,
        EventRelation::Demanded,
        EventRelation::Fought,
        EventRelation::Interviewed,
        EventRelation::InvestedIn,
        EventRelation::MergedWith,
        EventRelation::PartOf,
        EventRelation::Published,
        EventRelation::Recalled,
        EventRelation::Rejected,
        EventRelation::Sued,
        EventRelation::Threatened,
        EventRelation::Visited,
        EventRelation::Withdrew,
    ];

    /// The label of its rows in `relations.tsv`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventRelation::Accused => "accused",
            EventRelation::Acquired => "acquired",
            EventRelation::Criticized => "criticized",
            EventRelation::Recalled => "recalled",
            EventRelation::Agreed => "agreed",
            EventRelation::AppealedTo => "appealed_to",
            EventRelation::Arrested => "arrested",
            EventRelation::ArrivedIn => "arrived_in",
            EventRelation::Attacked => "attacked",
            EventRelation::PartOf => "part_of",
            EventRelation::Sued => "sued",
            EventRelation::BornIn => "born_in",
            EventRelation::Demanded => "demanded",
            EventRelation::Fought => "fought",
            EventRelation::Interviewed => "interviewed",
            EventRelation::InvestedIn => "invested_in",
            EventRelation::MergedWith => "merged_with",
            EventRelation::Published => "published",
            EventRelation::Rejected => "rejected",
            EventRelation::Threatened => "threatened",
            EventRelation::Visited => "visited",
            EventRelation::Withdrew => "withdrew",
        }
    }

    /// The event relation of a `relations.tsv` label ("arrived_in"); `None` for any other.
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
            /// The id of row or entry number `index` (from 0).
            pub fn new(index: usize) -> Self {
                $name(index)
            }

            /// Its position in its table (from 0).
            pub fn index(self) -> usize {
                self.0
            }
        }
    };
}

index_id!(
    /// A row of `states.tsv`: look it up with [`Lexicon::state`](super::Lexicon::state).
    StateId
);
index_id!(
    /// A row of `organizations.tsv`: look it up with [`Lexicon::organization`](super::Lexicon::organization).
    OrgId
);
index_id!(
    /// A row of `people.tsv`: look it up with [`Lexicon::person`](super::Lexicon::person).
    PersonId
);
index_id!(
    /// A row of `places.tsv`: look it up with [`Lexicon::place`](super::Lexicon::place).
    PlaceId
);
index_id!(
    /// A row of `relations.tsv`, the relation a trigger signals.
    RelationId
);
index_id!(
    /// One of a document's entities: an index into [`Extraction::entities`](super::Extraction::entities).
    EntityId
);

#[cfg(test)]
mod tests {
    use super::Role;

    #[test]
    fn fine_roles_refine_coarse_ones() {
        assert_eq!(Role::PrimeMinisterOf.broader(), Role::LeaderOf);
        assert_eq!(Role::CeoOf.broader(), Role::LeaderOf);
        assert_eq!(Role::MinisterOf.broader(), Role::MinisterOf);
        for role in Role::ALL {
            assert_eq!(role.broader().broader(), role.broader(), "{role:?}");
        }
    }

    #[test]
    fn a_company_office_says_nothing_of_a_state_and_a_deputy_is_an_official() {
        assert_eq!(Role::CeoOf.toward_state(), None);
        assert_eq!(Role::DirectorOf.toward_state(), Some(Role::OfficialOf));
        assert_eq!(Role::PresidentOf.toward_state(), Some(Role::PresidentOf));
        assert_eq!(Role::ChairmanOf.of_deputy(), Role::OfficialOf);
        assert_eq!(Role::MinisterOf.of_deputy(), Role::MinisterOf);
    }
}
