//! Lexicons: gazetteers, titles, relation triggers, closed word classes and word lists.
//!
//! They are tab-separated data files in `data/lexicon/`, embedded in the
//! binary; a directory given with `--lexicon` replaces any of them by name.

mod agents;
mod load;
mod phoenix;
mod short_words;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::Arc;

use super::class_index::{CLASS_BITS, ClassIndex, DETERMINER};
use super::phrases::PhraseTable;
use super::vocabulary::{EventRelation, OrgId, PersonId, PlaceId, RelationId, RelationType, Role, StateId};
use crate::error::{Error, Result};
use crate::text::{Token, WordGate};

/// The embedded lexicon files, by name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("states.tsv", include_str!("../../data/lexicon/states.tsv")),
    ("organizations.tsv", include_str!("../../data/lexicon/organizations.tsv")),
    ("people.tsv", include_str!("../../data/lexicon/people.tsv")),
    ("places.tsv", include_str!("../../data/lexicon/places.tsv")),
    ("titles.tsv", include_str!("../../data/lexicon/titles.tsv")),
    ("relations.tsv", include_str!("../../data/lexicon/relations.tsv")),
    ("cameo_verbs.tsv", include_str!("../../data/lexicon/cameo_verbs.tsv")),
    ("words.tsv", include_str!("../../data/lexicon/words.tsv")),
    ("first_names.txt", include_str!("../../data/lexicon/first_names.txt")),
    ("phoenix_people.tsv", include_str!("../../data/lexicon/phoenix_people.tsv")),
    ("phoenix_organizations.tsv", include_str!("../../data/lexicon/phoenix_organizations.tsv")),
    ("agents.tsv", include_str!("../../data/lexicon/agents.tsv")),
];

/// Sectors whose people act as their state ("Iraqi troops", "the Russian
/// government"), as the state-noun rules always read them; the people of any
/// other sector are a group of the state ("Iraqi clerics").
pub(crate) const ORGAN_SECTORS: [&str; 6] = ["GOV", "MIL", "COP", "SPY", "LEG", "JUD"];

/// A row of `agents.tsv`: a generic actor ("riot police", "clerics").
#[derive(Debug, Clone)]
pub(crate) struct AgentEntry {
    /// A plural or a mass noun ("clerics", "police"): many people, not one.
    pub(crate) group: bool,
    /// A state organ's people, who act as the state (see [`ORGAN_SECTORS`]).
    pub(crate) organ: bool,
}

/// A row of `states.tsv`: a state the gazetteer knows by name, alias, demonym and seat.
#[derive(Debug, Clone)]
pub struct StateEntry {
    /// ISO 3166-1 alpha-3 code ("RUS").
    pub iso3: String,
    /// Its name as entities are labelled ("Russia").
    pub name: String,
    /// The first demonym, which names the state's groups ("Afghan rebels").
    pub demonym: Option<String>,
}

/// A row of `organizations.tsv`: a named organization.
#[derive(Debug, Clone)]
pub struct OrgEntry {
    /// Its name as entities are labelled ("World Health Organization").
    pub name: String,
    /// What kind of body it is, as the file says ("media", "igo", "armed").
    pub sector: String,
    /// The state it belongs to or acts for; none for an international body or when the file gives none.
    pub state: Option<StateId>,
    /// Its CAMEO actor code, where a converted dictionary gives one ("IGOUNOKID").
    pub code: Option<String>,
}

/// A role held between two dates (inclusive; open ends are `None`).
#[derive(Debug, Clone)]
pub struct HeldRole {
    /// The role held (`Role::PresidentOf`).
    pub relation: Role,
    /// The state it is held for.
    pub state: StateId,
    /// First day held, as an ISO date ("2021-01-20"); `None` for an open start.
    pub from: Option<String>,
    /// Last day held, as an ISO date; `None` while still held.
    pub to: Option<String>,
}

impl HeldRole {
    /// Whether the role was held on `date` (ISO "2024-03-01"); with no date, whether it is held still.
    pub fn held_on(&self, date: Option<&str>) -> bool {
        let Some(date) = date else { return self.to.is_none() };
        self.from.as_deref().is_none_or(|f| f <= date) && self.to.as_deref().is_none_or(|t| date <= t)
    }
}

/// A row of `people.tsv`: a person known by name, with the roles they held.
#[derive(Debug, Clone)]
pub struct PersonEntry {
    /// Their full name as entities are labelled ("Joe Biden").
    pub name: String,
    /// The roles they held, each between two dates.
    pub roles: Vec<HeldRole>,
    /// The state they belong to, known whatever the date (`phoenix_people.tsv`).
    pub country: Option<StateId>,
    /// Their CAMEO actor codes, each between two dates (`phoenix_people.tsv`).
    pub codes: Vec<ActorCode>,
}

impl PersonEntry {
    /// The state they act for on `date`: that of a code held then, else their country.
    pub fn state_on(&self, date: Option<&str>) -> Option<StateId> {
        self.codes.iter().find(|c| c.held_on(date)).and_then(|c| c.state).or(self.country)
    }
}

/// A CAMEO actor code held between two dates (inclusive; open ends are `None`).
#[derive(Debug, Clone)]
pub struct ActorCode {
    /// The code ("GBRGOV").
    pub code: String,
    /// The state its first three letters name, if the lexicon knows it.
    pub state: Option<StateId>,
    /// First day held, as an ISO date; `None` for an open start.
    pub from: Option<String>,
    /// Last day held, as an ISO date; `None` while still held.
    pub to: Option<String>,
}

impl ActorCode {
    /// Whether the code held on `date`; with no date, whether it is held still.
    pub fn held_on(&self, date: Option<&str>) -> bool {
        let Some(date) = date else { return self.to.is_none() };
        self.from.as_deref().is_none_or(|f| f <= date) && self.to.as_deref().is_none_or(|t| date <= t)
    }
}

/// A row of `places.tsv`: a city, region or landmark that is not a capital.
#[derive(Debug, Clone)]
pub struct PlaceEntry {
    /// Its name as entities are labelled ("Kharkiv").
    pub name: String,
    /// The state it lies in, when the file gives one.
    pub state: Option<StateId>,
}

/// What a row of `titles.tsv` is: how a title word refers to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleKind {
    Title,
    Honorific,
    Nominal,
    Descriptor,
}

/// A row of `titles.tsv`: the role a title states, if any, and its kind.
#[derive(Debug, Clone)]
pub(crate) struct TitleEntry {
    pub(crate) role: Option<Role>,
    pub(crate) kind: TitleKind,
}

/// A row of `relations.tsv`: a trigger's relation and how its object is found.
#[derive(Debug, Clone)]
pub(crate) struct RelationEntry {
    /// Label and event codes, shared by every relation this row finds.
    pub(crate) kind: Arc<RelationType>,
    /// The event relation the rules know it as, if any.
    pub(crate) event: Option<EventRelation>,
    /// The object may follow the trigger directly.
    pub(crate) direct: bool,
    /// Prepositions that introduce the object.
    pub(crate) object_preps: Vec<String>,
    /// The object may be that of the verb that follows ("agreed to provide aid to Romania").
    pub(crate) complement: bool,
    /// A passive without "by" implies the object's state as agent.
    pub(crate) employer_agent: bool,
}

/// What a gazetteer surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazTarget {
    StateName(StateId),
    StateDemonym(StateId),
    StateSeat(StateId),
    Org(OrgId),
    Person(PersonId),
    Place(PlaceId),
}

/// A closed word class: single words and multi-word phrases.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordClass {
    words: HashSet<String>,
    /// The ASCII words of up to eight bytes, packed into an integer: most
    /// lookups are of short words and need neither string hashing nor compare.
    short: short_words::ShortWords,
    phrases: Vec<Vec<String>>,
    /// The lengths and first bytes of the phrases' first words: most words
    /// rule out every phrase by them, unread ("the" before "our country";
    /// by length alone, 1.5% of extraction went to such misses, callgrind).
    first_words: WordGate,
    case_sensitive: bool,
    /// The longest word in bytes: a case-sensitive class rules out longer words unread.
    longest: usize,
    /// This class's bit in [`ClassIndex`] lookups (0 for a class no file fills,
    /// and for a list asked only with `contains`).
    bit: u32,
}

impl WordClass {
    pub(crate) fn bit(&self) -> u32 {
        self.bit
    }

    fn key(&self, word: &str) -> String {
        if self.case_sensitive { word.to_string() } else { word.to_lowercase() }
    }

    /// An ASCII word of up to eight bytes as one integer, its bytes folded
    /// as the class compares them.
    fn pack(&self, word: &str) -> Option<u64> {
        short_words::pack(word.as_bytes(), !self.case_sensitive)
    }

    fn insert(&mut self, key: String) {
        if let Some(packed) = self.pack(&key) {
            self.short.insert(packed);
        }
        self.longest = self.longest.max(key.len());
        self.words.insert(key);
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        if let Some(packed) = self.pack(word) {
            return self.short.contains(packed);
        }
        if self.case_sensitive {
            return word.len() <= self.longest && self.words.contains(word);
        }
        // Longer words are mostly lower case already, or ASCII that can be
        // lowered on the stack: look them up without allocating.
        if !word.chars().any(char::is_uppercase) {
            return self.words.contains(word);
        }
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|w| self.words.contains(w));
        }
        self.words.contains(&word.to_lowercase())
    }

    /// Whether `word` is listed exactly so (in lower case, for a class that ignores case).
    pub(crate) fn contains_as_listed(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Length in words of the longest entry that matches at the start of `words`.
    #[cfg(test)]
    fn match_len<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> usize {
        let first_is_entry = words.clone().next().is_some_and(|first| self.contains(first));
        self.match_len_after(first_is_entry, words)
    }

    /// Whether a word of `len` bytes may be the first of one of the phrases.
    fn may_start_phrase(&self, len: usize) -> bool {
        self.first_words.may_have_length(len)
    }

    /// Adds a phrase of two words or more.
    pub(crate) fn add_phrase(&mut self, phrase: Vec<String>) {
        self.first_words.add(&phrase[0], !self.case_sensitive);
        self.phrases.push(phrase);
    }

    /// `match_len` over the words of `tokens` (of `text`), when it is known
    /// whether the first alone is an entry (from its class bits, say). The
    /// first token's length rules out most phrases before any word is read.
    pub(crate) fn match_len_of_tokens(&self, first_is_entry: bool, text: &str, tokens: &[Token]) -> usize {
        match tokens.first() {
            Some(first) if self.first_words.may_match(text, first) => {
                self.match_len_after(first_is_entry, tokens.iter().map(|t| t.text(text)))
            }
            _ => usize::from(first_is_entry),
        }
    }

    /// `match_len` when it is known whether the first word alone is an entry.
    fn match_len_after<'w>(&self, first_is_entry: bool, words: impl Iterator<Item = &'w str> + Clone) -> usize {
        let mut best = usize::from(first_is_entry);
        let same = |p: &str, w: &str| if self.case_sensitive { p == w } else { p.eq_ignore_ascii_case(w) };
        // Most calls match no phrase: its first word is read once, not once a phrase.
        let mut rest = words.clone();
        let Some(first) = rest.next().filter(|w| self.may_start_phrase(w.len())) else { return best };
        for phrase in &self.phrases {
            let mut rest = rest.clone();
            let matched = phrase.len() > best
                && same(&phrase[0], first)
                && phrase[1..].iter().all(|p| rest.next().is_some_and(|w| same(p, w)));
            if matched {
                best = phrase.len();
            }
        }
        best
    }
}

/// Declares a set of named word classes once: the struct, its table of
/// names in field order (a list's name comes with its bit in the class index
/// and whether it is case-sensitive), and `all` / `all_mut` over the fields
/// in that order.
macro_rules! named_classes {
    (@declare [$(#[$meta:meta])*] $name:ident, $names:ident: [$entry:ty] = [$($value:expr),*], $($(#[$doc:meta])* $field:ident)*) => {
        $(#[$meta])*
        #[derive(Debug, Default, Clone)]
        pub(crate) struct $name {
            $($(#[$doc])* pub(crate) $field: WordClass,)*
        }

        const $names: [$entry; [$(stringify!($field)),*].len()] = [$($value),*];

        impl $name {
            /// Every class, in field order.
            fn all(&self) -> [&WordClass; $names.len()] {
                [$(&self.$field),*]
            }

            fn all_mut(&mut self) -> [&mut WordClass; $names.len()] {
                [$(&mut self.$field),*]
            }
        }
    };
    ($(#[$meta:meta])* struct $name:ident, $names:ident { $($(#[$doc:meta])* $field:ident,)* }) => {
        named_classes!(@declare [$(#[$meta])*] $name, $names: [&str] = [$(stringify!($field)),*], $($(#[$doc])* $field)*);
    };
    ($(#[$meta:meta])* struct $name:ident, $names:ident { $($(#[$doc:meta])* $field:ident ($bit:expr, $case_sensitive:expr),)* }) => {
        named_classes!(
            @declare [$(#[$meta])*] $name, $names: [(&str, u32, bool)] = [$((stringify!($field), $bit, $case_sensitive)),*],
            $($(#[$doc])* $field)*
        );
    };
}

// The classes must fit the bits the class index leaves them.
const _: () = assert!(CLASS_NAMES.len() <= CLASS_BITS);

named_classes! {
    /// Word classes from `words.tsv`, in the order of their bits.
    struct Words, CLASS_NAMES {
        function,
        name_link,
        org_head,
        org_start,
        place_head,
        locative,
        speech,
        claim,
        wrongdoing,
        hedge,
        clause,
        passive_aux,
        state_noun,
        report_noun,
        person_pronoun,
        speaker_state,
        anaphor,
        verb,
        /// Heads that make a killing a fight: "Russian aircraft killed ...".
        armed_forces,
        /// Triggers that armed forces turn into fighting.
        combat,
        /// Heads among `state_noun` that name a group of people, not the state ("Afghan rebels").
        group_noun,
    }
}

named_classes! {
    /// Word lists from `words.tsv` that the rules ask with `contains`: they
    /// need none of the bits the class index leaves the classes. Each name
    /// comes with its bit in the index (none but the determiners', the
    /// index's own [`DETERMINER`]) and whether it is case-sensitive.
    struct WordLists, LIST_NAMES {
        /// Words that open a description ("the Russian side", "his counterpart"), with the class index's own bit.
        determiner (DETERMINER, false),
        /// Words that keep a pending state on its way to a title ("Nigerian junior foreign minister").
        title_word (0, false),
        /// Compass words that name part of a state or place ("South Lebanon").
        direction (0, false),
        /// Grammatical words after which a name is still a head ("Russia has"), in lower case.
        grammar (0, true),
        /// Words that open a prepositional phrase in a relation frame.
        preposition (0, true),
        /// Nouns that stand for the people of an "of" phrase ("a group of Moroccan diplomats").
        quantity (0, true),
        /// Words after which a verb form is an adjective ("their donated photographs").
        participle_determiner (0, true),
        /// Particles that make another verb of a trigger ("lifted off", "gave up").
        particle (0, true),
        /// Words passed over between an auxiliary or modal and its verb ("will also").
        adverb (0, true),
        /// Words that may sit between a verb and its complement ("on", "Friday").
        time (0, true),
        /// Words that end a company's name ("Brennor Holdings Ltd", "Velmo SpA"), as listed.
        org_suffix (0, true),
        /// Triggers of an assault that, without violence in the sentence, are a verbal attack ("attacked the plan").
        verbal_attack (0, true),
        /// Words that make an attack physical ("troops", "killed", "bomb").
        violence (0, true),
        /// Things whose giving is aid, the second object of "gave Ukraine a loan".
        aid_noun (0, true),
        /// Nouns that describe a company beside its name ("Japanese car maker X", "X, the German bank").
        company_descriptor (0, true),
        /// Nouns right before a name that make it a company or body ("airline Qantas", "watchdog Ofcom").
        company_noun (0, true),
        /// Nouns after a name's possessive that make it a company ("Qantas's shares").
        company_possession (0, true),
        /// Nouns for a lawyer or adviser acting for a client ("Roe's lawyer Jane Doe").
        counsel (0, true),
        /// Words of an outlet's name that no lexicon row lists ("the Independent", "Radio Scotland").
        media_word (0, true),
        /// Verbs of saying and thinking whose reported clause may drop "that" ("confirmed Israel shared ...").
        reporting (0, true),
        /// Past forms of triggers that often take no object ("agreed with", "protested against").
        intransitive (0, true),
        /// PLOVER categories whose target may be the possessor of what the verb acts on ("attacked Bush's record").
        possessor_target (0, true),
        /// Market quantities: cutting, releasing or demanding them is trade, not an event between actors.
        economic_noun (0, true),
        /// Verbs of command: "ordered a report on X" orders a thing, it makes no demand of X.
        command (0, true),
        /// Trigger words whose noun is no act ("a one-time charge", "its best-known brands").
        verb_only (0, true),
        /// Verbs whose people object is rescued, not left: "evacuate citizens" is no withdrawal.
        rescue (0, true),
        /// Nouns of a number of events: "a set of accusations" is the accusations themselves.
        collective (0, true),
        /// Events that happen to or in the state named before them ("the Iraq war", "the China embargo").
        topic_noun (0, true),
        /// Adverbs without "-ly" ("almost", "again", "soon"): no noun a name could modify.
        plain_adverb (0, true),
        /// US states and their abbreviations, one word each ("Ohio", "Calif."), asked after "Name ,".
        us_state (0, true),
        /// The second words of two-word US states ("Jersey", "Carolina").
        us_state_second (0, true),
        /// Words of blame after "called X", "described X as" ("unjustified" is "un" + a positive one).
        negative_judgement (0, true),
        /// Words of praise after "called X", "described X as" ("the best chance").
        positive_judgement (0, true),
    }
}

/// All lexicons plus the phrase tables built from them: load one with
/// [`Lexicon::embedded`] or [`Lexicon::with_overrides`] and hand it to a
/// [`Pipeline`](super::Pipeline); look its rows up by id or by name.
pub struct Lexicon {
    pub(crate) states: Vec<StateEntry>,
    pub(crate) organizations: Vec<OrgEntry>,
    pub(crate) people: Vec<PersonEntry>,
    pub(crate) places: Vec<PlaceEntry>,
    /// All word classes, first names and trigger words, by word.
    pub(crate) classes: ClassIndex,
    pub(crate) relations: Vec<RelationEntry>,
    pub(crate) words: Words,
    pub(crate) lists: WordLists,
    pub(crate) gazetteer: PhraseTable,
    pub(crate) gazetteer_targets: Vec<(GazTarget, String)>,
    /// Generic actors of `agents.tsv`, matched ignoring case.
    pub(crate) agents: PhraseTable,
    pub(crate) agent_entries: Vec<AgentEntry>,
    pub(crate) titles: PhraseTable,
    pub(crate) title_entries: Vec<TitleEntry>,
    pub(crate) triggers: PhraseTable,
    /// Per trigger pattern: the relation it signals.
    pub(crate) trigger_relations: Vec<RelationId>,
    /// The first row of each event relation the rules know, by [`EventRelation::index`].
    events: [Option<RelationId>; EventRelation::ALL.len()],
    /// The relation type of each role, by [`Role::index`]: made once, shared by every fact.
    role_kinds: [Arc<RelationType>; Role::ALL.len()],
    state_by_iso: HashMap<String, StateId>,
    /// The first people entry of each name.
    person_by_name: HashMap<String, PersonId>,
    /// Tells per-thread caches of this lexicon's word facts from another's (the
    /// word lists and phrase tables never change once built).
    pub(crate) id: u64,
}

impl Lexicon {
    /// The lexicon embedded in the binary, built once per process and shared:
    /// building it reads some 25,000 converted rows (0.04 s in a release build,
    /// 0.4 s in a debug one, which every unit test used to pay).
    pub fn shared() -> Arc<Self> {
        static SHARED: std::sync::OnceLock<Arc<Lexicon>> = std::sync::OnceLock::new();
        Arc::clone(SHARED.get_or_init(|| Arc::new(Lexicon::embedded())))
    }

    /// The lexicon embedded in the binary, built anew.
    pub fn embedded() -> Self {
        Self::from_files(|name| EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()))
            .expect("the embedded lexicon is valid (checked by tests)")
    }

    /// The embedded lexicon with any file present in `dir` replacing its namesake.
    pub fn with_overrides(dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "lexicon directory not found"),
            });
        }
        let mut failure = None;
        let lexicon = Self::from_files(|name| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string())
                }
                Err(source) => {
                    failure.get_or_insert(Error::Io { path, source });
                    None
                }
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        lexicon
    }

    /// True when `word` starts a relation trigger ("met", "slammed").
    pub fn is_trigger_word(&self, word: &str) -> bool {
        self.classes.is_trigger_word(word)
    }

    /// The state of ISO 3166-1 alpha-3 code `iso3` ("RUS").
    pub fn state_by_iso(&self, iso3: &str) -> Option<StateId> {
        self.state_by_iso.get(iso3).copied()
    }

    /// The first row of `relations.tsv` of an event relation the rules know.
    pub(crate) fn event(&self, event: EventRelation) -> Option<&RelationEntry> {
        self.events[event.index()].map(|row| self.relation(row))
    }

    /// The relation type a role states.
    pub(crate) fn role_kind(&self, role: Role) -> &Arc<RelationType> {
        &self.role_kinds[role.index()]
    }

    /// The people entry named exactly `name` (the first, if several are).
    pub fn person_named(&self, name: &str) -> Option<PersonId> {
        self.person_by_name.get(name).copied()
    }

    pub(crate) fn relation(&self, id: RelationId) -> &RelationEntry {
        &self.relations[id.index()]
    }

    /// The row of `states.tsv` that `id` names.
    pub fn state(&self, id: StateId) -> &StateEntry {
        &self.states[id.index()]
    }

    /// The row of `organizations.tsv` that `id` names.
    pub fn organization(&self, id: OrgId) -> &OrgEntry {
        &self.organizations[id.index()]
    }

    /// The row of `people.tsv` that `id` names.
    pub fn person(&self, id: PersonId) -> &PersonEntry {
        &self.people[id.index()]
    }

    /// The row of `places.tsv` that `id` names.
    pub fn place(&self, id: PlaceId) -> &PlaceEntry {
        &self.places[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_packed_in_one_loop_are_those_packed_after_an_ascii_test(word in "[A-Za-z0-9'.-]{0,10}|[a-zÉé]{0,4}", case_sensitive: bool) {
            let class = WordClass { case_sensitive, ..WordClass::default() };
            let fold = |b: u8| if case_sensitive { b } else { b.to_ascii_lowercase() };
            let plain = (word.len() <= 8 && word.is_ascii())
                .then(|| word.bytes().fold(0, |packed, b| (packed << 8) | u64::from(fold(b))));
            proptest::prop_assert_eq!(class.pack(&word), plain);
        }

        #[test]
        fn phrases_gated_by_their_first_word_match_as_a_plain_search(
            picks in proptest::collection::vec(0usize..8, 1..5),
            case_sensitive: bool,
        ) {
            const WORDS: [&str; 8] = ["our", "Our", "OUR", "country", "the", "white", "paper", "état"];
            let mut class = WordClass { case_sensitive, ..WordClass::default() };
            for phrase in ["our country", "white paper", "état major", "the"] {
                let phrase = class.key(phrase);
                match phrase.split_once(' ') {
                    Some(_) => class.add_phrase(phrase.split(' ').map(String::from).collect()),
                    None => class.insert(phrase),
                }
            }
            let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let tokens = crate::text::tokenize(&text, 0..text.len());
            let words = tokens.iter().map(|t| t.text(&text));
            let first_is_entry = class.contains(WORDS[picks[0]]);
            proptest::prop_assert_eq!(class.match_len_of_tokens(first_is_entry, &text, &tokens), class.match_len(words));
        }
    }

    #[test]
    fn embedded_lexicon_loads_with_all_un_states() {
        let lexicon = Lexicon::shared();
        assert_eq!(lexicon.states.len(), 198);
        assert!(lexicon.state_by_iso("RUS").is_some());
        assert!(lexicon.relations.iter().any(|r| r.kind.label == "recalled" && r.kind.cameo.as_deref() == Some("161")));
    }

    #[test]
    fn an_unknown_role_names_its_file_and_line() {
        for (file, text) in
            [("titles.tsv", "# title\nEmperor\temperor_of\ttitle\n"), ("people.tsv", "\nA B\t-\tking_of:RUS:..\n")]
        {
            let Err(Error::Lexicon { file: named, line, message }) =
                Lexicon::from_files(|name| (name == file).then(|| text.to_string()))
            else {
                panic!("{file}: an unknown role loads");
            };
            assert_eq!((named.as_str(), line), (file, 2));
            assert!(message.contains("unknown role") && message.contains("president_of"), "{message}");
        }
    }

    #[test]
    fn event_relations_and_roles_have_their_labels() {
        let lexicon = Lexicon::shared();
        for event in EventRelation::ALL {
            assert_eq!(lexicon.event(event).map(|e| e.kind.label.as_str()), Some(event.as_str()));
        }
        for role in Role::ALL {
            assert_eq!(lexicon.role_kind(role).label, role.as_str());
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn roles_respect_dates() {
        let lexicon = Lexicon::shared();
        let biden = lexicon.people.iter().find(|p| p.name == "Joe Biden").unwrap();
        assert!(biden.roles[0].held_on(Some("2021-03-21")));
        assert!(!biden.roles[0].held_on(Some("2026-01-01")));
    }

    #[test]
    fn word_class_phrases_match_longest() {
        let lexicon = Lexicon::shared();
        let words = ["of", "the", "Director"];
        assert_eq!(lexicon.words.name_link.match_len(words.iter().copied()), 2);
    }

    /// Phrases are only tried for first words of their lengths: none may be left out.
    #[test]
    fn every_class_phrase_matches_itself() {
        let lexicon = Lexicon::shared();
        let mut phrases = 0;
        for class in lexicon.words.all() {
            for phrase in &class.phrases {
                assert_eq!(class.match_len(phrase.iter().map(String::as_str)), phrase.len(), "{phrase:?}");
                phrases += 1;
            }
        }
        assert!(phrases > 20, "{phrases}");
    }

    /// The mention rules test class bits where `contains` once was asked: the two must agree.
    #[test]
    fn every_class_word_has_its_class_bit_in_any_case() {
        let lexicon = Lexicon::shared();
        assert!(lexicon.words.all().iter().all(|class| class.words.is_empty() || class.bit() != 0));
        assert_eq!(lexicon.lists.determiner.bit(), DETERMINER);
        for class in lexicon.words.all().into_iter().chain(lexicon.lists.all()).filter(|c| c.bit() != 0) {
            for word in &class.words {
                let capitalised: String =
                    word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect();
                for form in [word.clone(), word.to_uppercase(), capitalised, format!("{word}x")] {
                    let bits = lexicon.classes.of(&form);
                    assert_eq!(bits & class.bit() != 0, class.contains(&form), "{form}");
                }
            }
        }
    }

    /// Every class and list of `words.tsv` by name, with its single words as the file lists them.
    fn listed_words() -> Vec<(&'static str, Vec<&'static str>)> {
        let text = EMBEDDED.iter().find(|(name, _)| *name == "words.tsv").expect("embedded").1;
        let rows = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        let rows = rows.filter_map(|l| l.split_once('\t'));
        rows.map(|(name, words)| (name, words.split('|').map(str::trim).filter(|w| !w.contains(' ')).collect()))
            .collect()
    }

    fn class_named<'l>(lexicon: &'l Lexicon, name: &str) -> &'l WordClass {
        match CLASS_NAMES.iter().position(|n| *n == name) {
            Some(position) => lexicon.words.all()[position],
            None => lexicon.lists.all()[LIST_NAMES.iter().position(|(n, ..)| *n == name).expect("a known name")],
        }
    }

    /// `contains` as a plain search of the listed words would answer.
    fn plainly_contains(class: &WordClass, listed: &[&str], word: &str) -> bool {
        if class.case_sensitive {
            listed.contains(&word)
        } else {
            listed.iter().any(|w| w.to_lowercase() == word.to_lowercase())
        }
    }

    /// Short words are found by their packing, long ones by their length
    /// first: only the listed words are found, as the file lists them.
    #[test]
    fn every_list_contains_its_words_and_only_they() {
        let lexicon = Lexicon::shared();
        let listed = listed_words();
        assert_eq!(listed.len(), CLASS_NAMES.len() + LIST_NAMES.len());
        for (name, words) in &listed {
            let class = class_named(&lexicon, name);
            for word in words {
                let capitalised: String =
                    word.chars().take(1).flat_map(char::to_uppercase).chain(word.chars().skip(1)).collect();
                let shorter = word.char_indices().last().map_or("", |(last, _)| &word[..last]);
                for form in [word.to_string(), word.to_uppercase(), capitalised, format!("{word}x"), shorter.into()] {
                    assert_eq!(class.contains(&form), plainly_contains(class, words, &form), "{name}: {form}");
                }
            }
        }
        let grammar = &lexicon.lists.grammar;
        assert!(grammar.contains("themselves") && grammar.contains("has"));
        for word in ["The", "Has", "hass", "ha", "themselvesx", "Russia", "", "officially-"] {
            assert!(!grammar.contains(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn lists_agree_with_a_plain_search(word in "[a-zA-Z]{1,12}|[a-zA-ZÉé'.-]{0,16}") {
            static LEXICON: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::embedded);
            for (name, words) in listed_words() {
                let class = class_named(&LEXICON, name);
                proptest::prop_assert_eq!(class.contains(&word), plainly_contains(class, &words, &word), "{}", name);
            }
        }
    }
}
