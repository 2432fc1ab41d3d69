//! Lexicons: gazetteers, titles, relation triggers and closed word classes.
//!
//! They are tab-separated data files in `data/lexicon/`, embedded in the
//! binary; a directory given with `--lexicon` replaces any of them by name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use super::classes::{ClassIndex, DETERMINER, DETERMINERS, FIRST_NAME, TRIGGER_WORD};
use super::phrases::PhraseTable;
use crate::error::{Error, Result};
use crate::text::Token;

/// The embedded lexicon files, by name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("states.tsv", include_str!("../../data/lexicon/states.tsv")),
    ("organizations.tsv", include_str!("../../data/lexicon/organizations.tsv")),
    ("people.tsv", include_str!("../../data/lexicon/people.tsv")),
    ("places.tsv", include_str!("../../data/lexicon/places.tsv")),
    ("titles.tsv", include_str!("../../data/lexicon/titles.tsv")),
    ("relations.tsv", include_str!("../../data/lexicon/relations.tsv")),
    ("words.tsv", include_str!("../../data/lexicon/words.tsv")),
    ("first_names.txt", include_str!("../../data/lexicon/first_names.txt")),
];

#[derive(Debug, Clone)]
pub struct StateEntry {
    pub iso3: String,
    pub name: String,
    /// The first demonym, which names the state's groups ("Afghan rebels").
    pub demonym: Option<String>,
}

#[derive(Debug, Clone)]
pub struct OrgEntry {
    pub name: String,
    pub sector: String,
    pub state: Option<usize>,
}

/// A role held between two dates (inclusive; open ends are `None`).
#[derive(Debug, Clone)]
pub struct HeldRole {
    pub relation: String,
    pub state: usize,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl HeldRole {
    pub fn held_on(&self, date: Option<&str>) -> bool {
        let Some(date) = date else { return self.to.is_none() };
        self.from.as_deref().is_none_or(|f| f <= date) && self.to.as_deref().is_none_or(|t| date <= t)
    }
}

#[derive(Debug, Clone)]
pub struct PersonEntry {
    pub name: String,
    pub roles: Vec<HeldRole>,
}

#[derive(Debug, Clone)]
pub struct PlaceEntry {
    pub name: String,
    pub state: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Title,
    Honorific,
    Nominal,
    Descriptor,
}

#[derive(Debug, Clone)]
pub struct TitleEntry {
    pub role: Option<String>,
    pub kind: TitleKind,
}

#[derive(Debug, Clone)]
pub struct RelationEntry {
    pub label: String,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub plover: Option<String>,
    /// The object may follow the trigger directly.
    pub direct: bool,
    /// Prepositions that introduce the object.
    pub object_preps: Vec<String>,
    /// The object may be that of the verb that follows ("agreed to provide aid to Romania").
    pub complement: bool,
    /// A passive without "by" implies the object's state as agent.
    pub employer_agent: bool,
}

/// What a gazetteer surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazTarget {
    StateName(usize),
    StateDemonym(usize),
    StateSeat(usize),
    Org(usize),
    Person(usize),
    Place(usize),
}

/// A closed word class: single words and multi-word phrases.
#[derive(Debug, Default, Clone)]
pub struct WordClass {
    words: HashSet<String>,
    /// The ASCII words of up to eight bytes, packed into an integer: most
    /// lookups are of short words and need neither string hashing nor compare.
    short: HashSet<u64>,
    phrases: Vec<Vec<String>>,
    /// Bit `n` is set when a phrase's first word is `n` bytes long (63: that
    /// long or longer): most words rule out every phrase by their length.
    first_lengths: u64,
    case_sensitive: bool,
    /// This class's bit in [`ClassIndex`] lookups (0 for a class no file fills).
    bit: u32,
}

impl WordClass {
    pub(crate) fn bit(&self) -> u32 {
        self.bit
    }

    fn key(&self, word: &str) -> String {
        if self.case_sensitive { word.to_string() } else { word.to_lowercase() }
    }

    fn pack(&self, word: &str) -> Option<u64> {
        if word.len() > 8 || !word.is_ascii() {
            return None;
        }
        let fold = |b: u8| if self.case_sensitive { b } else { b.to_ascii_lowercase() };
        Some(word.bytes().fold(0, |packed, b| (packed << 8) | u64::from(fold(b))))
    }

    fn insert(&mut self, key: String) {
        if let Some(packed) = self.pack(&key) {
            self.short.insert(packed);
        }
        self.words.insert(key);
    }

    pub fn contains(&self, word: &str) -> bool {
        if let Some(packed) = self.pack(word) {
            return self.short.contains(&packed);
        }
        // Longer words are mostly lower case already, or ASCII that can be
        // lowered on the stack: look them up without allocating.
        if self.case_sensitive || !word.chars().any(char::is_uppercase) {
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

    /// Length in words of the longest entry that matches at the start of `words`.
    pub fn match_len<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> usize {
        let first_is_entry = words.clone().next().is_some_and(|first| self.contains(first));
        self.match_len_after(first_is_entry, words)
    }

    /// Whether a word of `len` bytes may be the first of one of the phrases.
    fn may_start_phrase(&self, len: usize) -> bool {
        self.first_lengths & (1 << len.min(63)) != 0
    }

    /// `match_len` over the words of `tokens` (of `text`), when it is known
    /// whether the first alone is an entry (from its class bits, say). The
    /// first token's length rules out most phrases before any word is read.
    pub(crate) fn match_len_of_tokens(&self, first_is_entry: bool, text: &str, tokens: &[Token]) -> usize {
        match tokens.first() {
            Some(first) if self.may_start_phrase(first.end - first.start) => {
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

// Bits 21 to 31 are the word table's own (letters, determiners, first names,
// trigger words, phrase starts): the classes must fit below them.
const _: () = assert!(CLASS_NAMES.len() <= 21);

/// The word classes of `words.tsv`, in the order of their bits.
const CLASS_NAMES: [&str; 21] = [
    "function",
    "name_link",
    "org_head",
    "org_start",
    "place_head",
    "locative",
    "speech",
    "claim",
    "wrongdoing",
    "hedge",
    "clause",
    "passive_aux",
    "state_noun",
    "report_noun",
    "person_pronoun",
    "speaker_state",
    "anaphor",
    "verb",
    "armed_forces",
    "combat",
    "group_noun",
];

/// Word classes from `words.tsv`.
#[derive(Debug, Default, Clone)]
pub struct Words {
    pub function: WordClass,
    pub name_link: WordClass,
    pub org_head: WordClass,
    pub org_start: WordClass,
    pub place_head: WordClass,
    pub locative: WordClass,
    pub speech: WordClass,
    pub claim: WordClass,
    pub wrongdoing: WordClass,
    pub hedge: WordClass,
    pub clause: WordClass,
    pub passive_aux: WordClass,
    pub state_noun: WordClass,
    pub report_noun: WordClass,
    pub person_pronoun: WordClass,
    pub speaker_state: WordClass,
    pub anaphor: WordClass,
    pub verb: WordClass,
    /// Heads that make a killing a fight: "Russian aircraft killed ...".
    pub armed_forces: WordClass,
    /// Triggers that armed forces turn into fighting.
    pub combat: WordClass,
    /// Heads among `state_noun` that name a group of people, not the state ("Afghan rebels").
    pub group_noun: WordClass,
}

impl Words {
    fn all(&self) -> [&WordClass; CLASS_NAMES.len()] {
        [
            &self.function,
            &self.name_link,
            &self.org_head,
            &self.org_start,
            &self.place_head,
            &self.locative,
            &self.speech,
            &self.claim,
            &self.wrongdoing,
            &self.hedge,
            &self.clause,
            &self.passive_aux,
            &self.state_noun,
            &self.report_noun,
            &self.person_pronoun,
            &self.speaker_state,
            &self.anaphor,
            &self.verb,
            &self.armed_forces,
            &self.combat,
            &self.group_noun,
        ]
    }
}

/// All lexicons plus the phrase tables built from them.
pub struct Lexicon {
    pub states: Vec<StateEntry>,
    pub organizations: Vec<OrgEntry>,
    pub people: Vec<PersonEntry>,
    pub places: Vec<PlaceEntry>,
    pub first_names: HashSet<String>,
    /// All word classes, first names and trigger words, by word.
    pub(crate) classes: ClassIndex,
    pub relations: Vec<RelationEntry>,
    pub words: Words,
    pub(crate) gazetteer: PhraseTable,
    pub(crate) gazetteer_targets: Vec<(GazTarget, String)>,
    pub(crate) titles: PhraseTable,
    pub(crate) title_entries: Vec<TitleEntry>,
    pub(crate) triggers: PhraseTable,
    /// Per trigger pattern: the relation it signals.
    pub(crate) trigger_relations: Vec<usize>,
    state_by_iso: HashMap<String, usize>,
    /// The first people entry of each name.
    person_by_name: HashMap<String, usize>,
    /// Tells per-thread caches of this lexicon's word facts from another's (the
    /// word lists and phrase tables never change once built).
    pub(crate) id: u64,
}

struct Rows<'a> {
    file: &'a str,
    text: &'a str,
}

impl<'a> Rows<'a> {
    fn iter(&self) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
    }

    fn error(&self, line: usize, message: impl Into<String>) -> Error {
        Error::Lexicon { file: self.file.to_string(), line, message: message.into() }
    }
}

fn list(column: Option<&&str>, sep: char) -> Vec<String> {
    column
        .map(|c| c.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
        .unwrap_or_default()
}

fn optional(column: Option<&&str>) -> Option<String> {
    column.filter(|c| !c.is_empty() && **c != "-").map(|c| c.to_string())
}

impl Lexicon {
    /// The lexicon embedded in the binary.
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

    fn from_files(mut read: impl FnMut(&str) -> Option<String>) -> Result<Self> {
        let mut load = |name: &str| read(name).unwrap_or_default();
        let states_text = load("states.tsv");
        let orgs_text = load("organizations.tsv");
        let people_text = load("people.tsv");
        let places_text = load("places.tsv");
        let titles_text = load("titles.tsv");
        let relations_text = load("relations.tsv");
        let words_text = load("words.tsv");
        let first_names: HashSet<String> = load("first_names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();

        let mut gaz_patterns: Vec<String> = Vec::new();
        let mut gazetteer_targets = Vec::new();
        let mut add = |pattern: &str, target: GazTarget| {
            gaz_patterns.push(pattern.to_string());
            gazetteer_targets.push((target, pattern.to_string()));
        };

        let rows = Rows { file: "states.tsv", text: &states_text };
        let mut states = Vec::new();
        let mut state_by_iso = HashMap::default();
        for (line, cols) in rows.iter() {
            let (Some(iso3), Some(name)) = (cols.first(), cols.get(1)) else {
                return Err(rows.error(line, "expected iso3 and name"));
            };
            if iso3.len() != 3 || name.is_empty() {
                return Err(rows.error(line, format!("bad ISO-3 code {iso3:?} or empty name")));
            }
            let index = states.len();
            state_by_iso.insert(iso3.to_string(), index);
            add(name, GazTarget::StateName(index));
            for alias in list(cols.get(2), ';') {
                add(&alias, GazTarget::StateName(index));
            }
            for demonym in list(cols.get(3), ';') {
                add(&demonym, GazTarget::StateDemonym(index));
            }
            for seat in list(cols.get(4), ';') {
                add(&seat, GazTarget::StateSeat(index));
            }
            let demonym = list(cols.get(3), ';').into_iter().next();
            states.push(StateEntry { iso3: iso3.to_string(), name: name.to_string(), demonym });
        }

        let rows = Rows { file: "organizations.tsv", text: &orgs_text };
        let mut organizations = Vec::new();
        for (line, cols) in rows.iter() {
            let name = cols[0];
            let state = match optional(cols.get(3)) {
                None => None,
                Some(iso) => {
                    Some(*state_by_iso.get(&iso).ok_or_else(|| rows.error(line, format!("unknown state {iso:?}")))?)
                }
            };
            let index = organizations.len();
            add(name, GazTarget::Org(index));
            for alias in list(cols.get(1), ';') {
                add(&alias, GazTarget::Org(index));
            }
            organizations.push(OrgEntry {
                name: name.to_string(),
                sector: optional(cols.get(2)).unwrap_or_default(),
                state,
            });
        }

        let rows = Rows { file: "people.tsv", text: &people_text };
        let mut people = Vec::new();
        for (line, cols) in rows.iter() {
            let name = cols[0];
            let index = people.len();
            add(name, GazTarget::Person(index));
            for alias in list(cols.get(1), ';') {
                add(&alias, GazTarget::Person(index));
            }
            let mut roles = Vec::new();
            for role in list(cols.get(2), ';') {
                let parts: Vec<&str> = role.split(':').collect();
                let [relation, iso, dates] = parts[..] else {
                    return Err(rows.error(line, format!("role {role:?} is not relation:ISO3:from..to")));
                };
                let state = *state_by_iso.get(iso).ok_or_else(|| rows.error(line, format!("unknown state {iso:?}")))?;
                let (from, to) = dates.split_once("..").unwrap_or((dates, ""));
                let date = |d: &str| (!d.is_empty()).then(|| d.to_string());
                roles.push(HeldRole { relation: relation.to_string(), state, from: date(from), to: date(to) });
            }
            people.push(PersonEntry { name: name.to_string(), roles });
        }
        let mut person_by_name = HashMap::default();
        for (index, person) in people.iter().enumerate() {
            person_by_name.entry(person.name.clone()).or_insert(index);
        }

        let rows = Rows { file: "places.tsv", text: &places_text };
        let mut places = Vec::new();
        for (line, cols) in rows.iter() {
            let index = places.len();
            add(cols[0], GazTarget::Place(index));
            for alias in list(cols.get(1), ';') {
                add(&alias, GazTarget::Place(index));
            }
            let state = match optional(cols.get(2)) {
                None => None,
                Some(iso) => {
                    Some(*state_by_iso.get(&iso).ok_or_else(|| rows.error(line, format!("unknown state {iso:?}")))?)
                }
            };
            places.push(PlaceEntry { name: cols[0].to_string(), state });
        }

        let rows = Rows { file: "titles.tsv", text: &titles_text };
        let mut title_patterns = Vec::new();
        let mut title_entries = Vec::new();
        for (line, cols) in rows.iter() {
            let kind = match cols.get(2).copied().unwrap_or("title") {
                "title" => TitleKind::Title,
                "honorific" => TitleKind::Honorific,
                "nominal" => TitleKind::Nominal,
                "descriptor" => TitleKind::Descriptor,
                other => return Err(rows.error(line, format!("unknown title kind {other:?}"))),
            };
            title_patterns.push(cols[0].to_string());
            title_entries.push(TitleEntry { role: optional(cols.get(1)), kind });
        }

        let rows = Rows { file: "relations.tsv", text: &relations_text };
        let mut relations: Vec<RelationEntry> = Vec::new();
        let mut trigger_patterns = Vec::new();
        let mut trigger_relations = Vec::new();
        for (line, cols) in rows.iter() {
            if cols.len() < 7 {
                return Err(rows.error(line, "expected 7 columns: label cameo goldstein plover object agent triggers"));
            }
            let goldstein = match optional(cols.get(2)) {
                None => None,
                Some(g) => Some(g.parse::<f64>().map_err(|_| rows.error(line, format!("bad Goldstein weight {g:?}")))?),
            };
            let entry = RelationEntry {
                label: cols[0].to_string(),
                cameo: optional(cols.get(1)),
                goldstein,
                plover: optional(cols.get(3)),
                direct: list(cols.get(4), ',').iter().any(|p| p == "-"),
                object_preps: list(cols.get(4), ',').into_iter().filter(|p| p != "-" && p != "then").collect(),
                complement: list(cols.get(4), ',').iter().any(|p| p == "then"),
                employer_agent: cols[5] == "employer",
            };
            let index = relations.len();
            relations.push(entry);
            for trigger in list(cols.get(6), '|') {
                trigger_patterns.push(trigger);
                trigger_relations.push(index);
            }
        }

        let rows = Rows { file: "words.tsv", text: &words_text };
        let mut words = Words::default();
        for (line, cols) in rows.iter() {
            let class = match cols[0] {
                "function" => &mut words.function,
                "name_link" => &mut words.name_link,
                "org_head" => &mut words.org_head,
                "org_start" => &mut words.org_start,
                "place_head" => &mut words.place_head,
                "locative" => &mut words.locative,
                "speech" => &mut words.speech,
                "claim" => &mut words.claim,
                "wrongdoing" => &mut words.wrongdoing,
                "hedge" => &mut words.hedge,
                "clause" => &mut words.clause,
                "passive_aux" => &mut words.passive_aux,
                "state_noun" => &mut words.state_noun,
                "report_noun" => &mut words.report_noun,
                "person_pronoun" => &mut words.person_pronoun,
                "speaker_state" => &mut words.speaker_state,
                "anaphor" => &mut words.anaphor,
                "verb" => &mut words.verb,
                "armed_forces" => &mut words.armed_forces,
                "combat" => &mut words.combat,
                "group_noun" => &mut words.group_noun,
                other => return Err(rows.error(line, format!("unknown word class {other:?}"))),
            };
            class.case_sensitive = matches!(cols[0], "function" | "org_head" | "org_start" | "place_head");
            let position = CLASS_NAMES.iter().position(|n| *n == cols[0]);
            class.bit = 1 << position.expect("every class matched above is in CLASS_NAMES");
            for entry in list(cols.get(1), '|') {
                let entry = class.key(&entry);
                if entry.contains(' ') {
                    let phrase: Vec<String> = entry.split(' ').map(String::from).collect();
                    class.first_lengths |= 1 << phrase[0].len().min(63);
                    class.phrases.push(phrase);
                } else {
                    class.insert(entry);
                }
            }
        }

        let mut classes = ClassIndex::default();
        for class in words.all() {
            for word in &class.words {
                if class.case_sensitive {
                    classes.add_exact(word, class.bit);
                } else {
                    classes.add_folded(word, class.bit);
                }
            }
        }
        for name in &first_names {
            classes.add_exact(name, FIRST_NAME);
        }
        for trigger in &trigger_patterns {
            let first = trigger.split(' ').next().unwrap_or_default();
            classes.add_folded(&first.to_lowercase(), TRIGGER_WORD);
        }
        for determiner in DETERMINERS {
            classes.add_folded(determiner, DETERMINER);
        }
        Ok(Lexicon {
            gazetteer: PhraseTable::new(&gaz_patterns, true),
            gazetteer_targets,
            titles: PhraseTable::new(&title_patterns, false),
            title_entries,
            triggers: PhraseTable::new(&trigger_patterns, true),
            trigger_relations,
            states,
            organizations,
            people,
            places,
            first_names,
            classes,
            relations,
            words,
            state_by_iso,
            person_by_name,
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        })
    }

    /// True when `word` starts a relation trigger ("met", "slammed").
    pub fn is_trigger_word(&self, word: &str) -> bool {
        self.classes.of(word) & TRIGGER_WORD != 0
    }

    pub fn state_by_iso(&self, iso3: &str) -> Option<usize> {
        self.state_by_iso.get(iso3).copied()
    }

    /// The people entry named exactly `name` (the first, if several are).
    pub fn person_named(&self, name: &str) -> Option<usize> {
        self.person_by_name.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_with_all_un_states() {
        let lexicon = Lexicon::embedded();
        assert_eq!(lexicon.states.len(), 197);
        assert!(lexicon.state_by_iso("RUS").is_some());
        assert!(lexicon.relations.iter().any(|r| r.label == "recalled" && r.cameo.as_deref() == Some("161")));
    }

    #[test]
    fn roles_respect_dates() {
        let lexicon = Lexicon::embedded();
        let biden = lexicon.people.iter().find(|p| p.name == "Joe Biden").unwrap();
        assert!(biden.roles[0].held_on(Some("2021-03-21")));
        assert!(!biden.roles[0].held_on(Some("2026-01-01")));
    }

    #[test]
    fn word_class_phrases_match_longest() {
        let lexicon = Lexicon::embedded();
        let words = ["of", "the", "Director"];
        assert_eq!(lexicon.words.name_link.match_len(words.iter().copied()), 2);
    }

    /// Phrases are only tried for first words of their lengths: none may be left out.
    #[test]
    fn every_class_phrase_matches_itself() {
        let lexicon = Lexicon::embedded();
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
        let lexicon = Lexicon::embedded();
        for class in lexicon.words.all() {
            assert!(class.words.is_empty() || class.bit() != 0);
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
}
