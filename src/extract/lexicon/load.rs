//! Loading the lexicon files: one loader per file, each checking its rows.

use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::agents::load_agents;
use super::phoenix::Converted;
use super::{
    CLASS_NAMES, GazTarget, HeldRole, LIST_NAMES, Lexicon, OrgEntry, PersonEntry, PlaceEntry, RelationEntry,
    StateEntry, TitleEntry, TitleKind, WordClass, WordLists, Words,
};
use crate::error::{Error, Result};
use crate::extract::class_index::ClassIndex;
use crate::extract::phrases::PhraseTable;
use crate::extract::vocabulary::{EventRelation, OrgId, PersonId, PlaceId, RelationId, RelationType, Role, StateId};

/// Numbers each loaded lexicon, so that a thread's word table can tell two apart.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Lexicon {
    /// The lexicon of the files `read` gives by name (none: empty).
    pub(super) fn from_files(mut read: impl FnMut(&str) -> Option<String>) -> Result<Self> {
        // Every file is read before any is parsed: a file that cannot be read
        // is reported before a bad line of another.
        let mut load = |name: &str| read(name).unwrap_or_default();
        let (states, organizations, people) = (load("states.tsv"), load("organizations.tsv"), load("people.tsv"));
        let (places, titles, relations_text) = (load("places.tsv"), load("titles.tsv"), load("relations.tsv"));
        let (words, first_names, cameo_verbs) = (load("words.tsv"), load("first_names.txt"), load("cameo_verbs.tsv"));
        let (phoenix_people, phoenix_organizations) = (load("phoenix_people.tsv"), load("phoenix_organizations.tsv"));
        let (agent_phrases, agent_entries) = load_agents(&load("agents.tsv"))?;
        let mut gazetteer = GazetteerPatterns::default();
        let (states, state_by_iso) = load_states(&states, &mut gazetteer)?;
        let mut organizations = load_organizations(&organizations, &state_by_iso, &mut gazetteer)?;
        let mut people = load_people(&people, &state_by_iso, &mut gazetteer)?;
        let places = load_places(&places, &state_by_iso, &mut gazetteer)?;
        // After every hand-written file, whose names keep their rows.
        let mut converted = Converted::new(&state_by_iso, &gazetteer.patterns);
        converted.people(&phoenix_people, &mut people)?;
        converted.organizations(&phoenix_organizations, &mut organizations)?;
        for (pattern, target) in converted.patterns {
            gazetteer.add(&pattern, target);
        }
        let (title_patterns, title_entries) = load_titles(&titles)?;
        let mut loaded = LoadedRelations::default();
        load_relations(Rows { file: "relations.tsv", text: &relations_text }, &HashSet::default(), &mut loaded)?;
        let hand_triggers = loaded.patterns.len();
        let hand_words: HashSet<String> = loaded.patterns.iter().map(|t| first_word(t)).collect();
        load_relations(Rows { file: "cameo_verbs.tsv", text: &cameo_verbs }, &hand_words, &mut loaded)?;
        let LoadedRelations { relations, patterns: trigger_patterns, pattern_relations: trigger_relations } = loaded;
        let (words, lists) = load_words(&words)?;
        let first_names = load_first_names(&first_names);
        // The mention rules read the trigger-word bit of the hand-written triggers
        // alone: the converted verbs only add relations, not name boundaries.
        let classes =
            class_index(words.all().into_iter().chain(lists.all()), &first_names, &trigger_patterns[..hand_triggers]);
        let mut person_by_name = HashMap::default();
        for (index, person) in people.iter().enumerate() {
            person_by_name.entry(person.name.clone()).or_insert(PersonId::new(index));
        }
        Ok(Lexicon {
            gazetteer: PhraseTable::new(&gazetteer.patterns, true),
            gazetteer_targets: gazetteer.targets,
            agents: PhraseTable::new(&agent_phrases, true),
            agent_entries,
            titles: PhraseTable::new(&title_patterns, false),
            title_entries,
            triggers: PhraseTable::new(&trigger_patterns, true),
            trigger_relations,
            events: EventRelation::ALL
                .map(|event| relations.iter().position(|r| r.kind.label == event.as_str()).map(RelationId::new)),
            role_kinds: Role::ALL.map(|role| Arc::new(RelationType::stated(role.as_str()))),
            states,
            organizations,
            people,
            places,
            classes,
            relations,
            words,
            lists,
            state_by_iso,
            person_by_name,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }
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
    column.filter(|c| !c.is_empty() && **c != "-").map(ToString::to_string)
}

/// The gazetteer's surface forms and what each names, in the order the files list them.
#[derive(Default)]
struct GazetteerPatterns {
    patterns: Vec<String>,
    targets: Vec<(GazTarget, String)>,
}

impl GazetteerPatterns {
    fn add(&mut self, pattern: &str, target: GazTarget) {
        self.patterns.push(pattern.to_string());
        self.targets.push((target, pattern.to_string()));
    }

    /// A name and its `;`-separated aliases in `column`.
    fn add_with_aliases(&mut self, name: &str, column: Option<&&str>, target: GazTarget) {
        self.add(name, target);
        for alias in list(column, ';') {
            self.add(&alias, target);
        }
    }
}

/// `states.tsv`: ISO-3 code, name, aliases, demonyms, seats of government.
fn load_states(text: &str, gazetteer: &mut GazetteerPatterns) -> Result<(Vec<StateEntry>, HashMap<String, StateId>)> {
    let rows = Rows { file: "states.tsv", text };
    let mut states = Vec::new();
    let mut state_by_iso = HashMap::default();
    for (line, cols) in rows.iter() {
        let (Some(iso3), Some(name)) = (cols.first(), cols.get(1)) else {
            return Err(rows.error(line, "expected iso3 and name"));
        };
        if iso3.len() != 3 || name.is_empty() {
            return Err(rows.error(line, format!("bad ISO-3 code {iso3:?} or empty name")));
        }
        let index = StateId::new(states.len());
        state_by_iso.insert(iso3.to_string(), index);
        gazetteer.add_with_aliases(name, cols.get(2), GazTarget::StateName(index));
        for demonym in list(cols.get(3), ';') {
            gazetteer.add(&demonym, GazTarget::StateDemonym(index));
        }
        for seat in list(cols.get(4), ';') {
            gazetteer.add(&seat, GazTarget::StateSeat(index));
        }
        let demonym = list(cols.get(3), ';').into_iter().next();
        states.push(StateEntry { iso3: iso3.to_string(), name: name.to_string(), demonym });
    }
    Ok((states, state_by_iso))
}

/// The state of an optional ISO-3 column, which must be in `states.tsv`.
fn state_column(
    rows: &Rows<'_>,
    line: usize,
    column: Option<&&str>,
    state_by_iso: &HashMap<String, StateId>,
) -> Result<Option<StateId>> {
    match optional(column) {
        None => Ok(None),
        Some(iso) => {
            Ok(Some(*state_by_iso.get(&iso).ok_or_else(|| rows.error(line, format!("unknown state {iso:?}")))?))
        }
    }
}

/// A role the rules know: a role they cannot read is an error, not a silent
/// relation no rule would ever use.
fn role_column(rows: &Rows<'_>, line: usize, label: &str) -> Result<Role> {
    Role::parse(label).ok_or_else(|| {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        rows.error(line, format!("unknown role {label:?} (known: {})", known.join(", ")))
    })
}

/// `organizations.tsv`: name, aliases, sector, state.
fn load_organizations(
    text: &str,
    state_by_iso: &HashMap<String, StateId>,
    gazetteer: &mut GazetteerPatterns,
) -> Result<Vec<OrgEntry>> {
    let rows = Rows { file: "organizations.tsv", text };
    let mut organizations = Vec::new();
    for (line, cols) in rows.iter() {
        let name = cols[0];
        let state = state_column(&rows, line, cols.get(3), state_by_iso)?;
        gazetteer.add_with_aliases(name, cols.get(1), GazTarget::Org(OrgId::new(organizations.len())));
        let sector = optional(cols.get(2)).unwrap_or_default();
        organizations.push(OrgEntry { name: name.to_string(), sector, state, code: None });
    }
    Ok(organizations)
}

/// `people.tsv`: name, aliases, roles as `relation:ISO3:from..to`.
fn load_people(
    text: &str,
    state_by_iso: &HashMap<String, StateId>,
    gazetteer: &mut GazetteerPatterns,
) -> Result<Vec<PersonEntry>> {
    let rows = Rows { file: "people.tsv", text };
    let mut people = Vec::new();
    for (line, cols) in rows.iter() {
        let name = cols[0];
        gazetteer.add_with_aliases(name, cols.get(1), GazTarget::Person(PersonId::new(people.len())));
        let mut roles = Vec::new();
        for role in list(cols.get(2), ';') {
            let parts: Vec<&str> = role.split(':').collect();
            let [relation, iso, dates] = parts[..] else {
                return Err(rows.error(line, format!("role {role:?} is not relation:ISO3:from..to")));
            };
            let relation = role_column(&rows, line, relation)?;
            let state = *state_by_iso.get(iso).ok_or_else(|| rows.error(line, format!("unknown state {iso:?}")))?;
            let (from, to) = dates.split_once("..").unwrap_or((dates, ""));
            let date = |d: &str| (!d.is_empty()).then(|| d.to_string());
            roles.push(HeldRole { relation, state, from: date(from), to: date(to) });
        }
        people.push(PersonEntry { name: name.to_string(), roles, country: None, codes: Vec::new() });
    }
    Ok(people)
}

/// `places.tsv`: name, aliases, state.
fn load_places(
    text: &str,
    state_by_iso: &HashMap<String, StateId>,
    gazetteer: &mut GazetteerPatterns,
) -> Result<Vec<PlaceEntry>> {
    let rows = Rows { file: "places.tsv", text };
    let mut places = Vec::new();
    for (line, cols) in rows.iter() {
        gazetteer.add_with_aliases(cols[0], cols.get(1), GazTarget::Place(PlaceId::new(places.len())));
        let state = state_column(&rows, line, cols.get(2), state_by_iso)?;
        places.push(PlaceEntry { name: cols[0].to_string(), state });
    }
    Ok(places)
}

/// `titles.tsv`: the title, its role and its kind; the patterns and entries in the same order.
fn load_titles(text: &str) -> Result<(Vec<String>, Vec<TitleEntry>)> {
    let rows = Rows { file: "titles.tsv", text };
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
        let role = optional(cols.get(1)).map(|role| role_column(&rows, line, &role)).transpose()?;
        title_entries.push(TitleEntry { role, kind });
    }
    Ok((title_patterns, title_entries))
}

/// What the relation files fill: the relations, their trigger patterns and each pattern's relation.
#[derive(Default)]
struct LoadedRelations {
    relations: Vec<RelationEntry>,
    patterns: Vec<String>,
    pattern_relations: Vec<RelationId>,
}

/// The lower-case first word of a trigger.
fn first_word(trigger: &str) -> String {
    trigger.split(' ').next().unwrap_or_default().to_lowercase()
}

/// `relations.tsv`, then `cameo_verbs.tsv` (same columns): the relations and
/// their triggers. A trigger whose first word starts a trigger in `taken`
/// (the hand-written rows, which carry the senses) is left out, so that a
/// converted row never changes what a hand-written trigger's words mean.
fn load_relations(rows: Rows<'_>, taken: &HashSet<String>, loaded: &mut LoadedRelations) -> Result<()> {
    let LoadedRelations { relations, patterns: trigger_patterns, pattern_relations: trigger_relations } = loaded;
    for (line, cols) in rows.iter() {
        if cols.len() < 7 {
            return Err(rows.error(line, "expected 7 columns: label cameo goldstein plover object agent triggers"));
        }
        let goldstein = match optional(cols.get(2)) {
            None => None,
            Some(g) => Some(g.parse::<f64>().map_err(|_| rows.error(line, format!("bad Goldstein weight {g:?}")))?),
        };
        let objects = list(cols.get(4), ',');
        relations.push(RelationEntry {
            kind: Arc::new(RelationType {
                label: cols[0].to_string(),
                cameo: optional(cols.get(1)),
                goldstein,
                plover: optional(cols.get(3)),
            }),
            event: EventRelation::parse(cols[0]),
            direct: objects.iter().any(|p| p == "-"),
            object_preps: objects.iter().filter(|p| *p != "-" && *p != "then").cloned().collect(),
            complement: objects.iter().any(|p| p == "then"),
            employer_agent: cols[5] == "employer",
        });
        // "-": a relation only rules state, with no trigger of its own.
        for trigger in list(cols.get(6), '|').into_iter().filter(|t| t != "-") {
            if !taken.contains(&first_word(&trigger)) {
                trigger_patterns.push(trigger);
                trigger_relations.push(RelationId::new(relations.len() - 1));
            }
        }
    }
    Ok(())
}

/// `words.tsv`: a class or list name and its `|`-separated words (and, in a
/// class, phrases).
fn load_words(text: &str) -> Result<(Words, WordLists)> {
    let rows = Rows { file: "words.tsv", text };
    let (mut words, mut lists) = (Words::default(), WordLists::default());
    for (line, cols) in rows.iter() {
        let name = cols[0];
        let class_position = CLASS_NAMES.iter().position(|n| *n == name);
        let list_position = LIST_NAMES.iter().position(|(n, ..)| *n == name);
        // Lists are asked about one word at a time: they hold no phrases.
        let (class, bit, case_sensitive, phrases) = match (class_position, list_position) {
            (Some(position), _) => {
                let class = words.all_mut().into_iter().nth(position).expect("one class per name");
                (class, 1 << position, matches!(name, "function" | "org_head" | "org_start" | "place_head"), true)
            }
            (None, Some(position)) => {
                let (_, bit, case_sensitive) = LIST_NAMES[position];
                (lists.all_mut().into_iter().nth(position).expect("one list per name"), bit, case_sensitive, false)
            }
            (None, None) => return Err(rows.error(line, format!("unknown word class or list {name:?}"))),
        };
        class.case_sensitive = case_sensitive;
        class.bit = bit;
        for entry in list(cols.get(1), '|') {
            let entry = class.key(&entry);
            if !entry.contains(' ') {
                class.insert(entry);
            } else if phrases {
                let phrase: Vec<String> = entry.split(' ').map(String::from).collect();
                class.add_phrase(phrase);
            } else {
                return Err(rows.error(line, format!("the {name} list takes single words, not {entry:?}")));
            }
        }
    }
    Ok((words, lists))
}

/// `first_names.txt`: one name a line, as it is written.
fn load_first_names(text: &str) -> HashSet<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

/// The class bits of every word of `classes` that has a bit, every first name
/// and every trigger's first word.
fn class_index<'w>(
    classes: impl Iterator<Item = &'w WordClass>,
    first_names: &HashSet<String>,
    trigger_patterns: &[String],
) -> ClassIndex {
    let mut index = ClassIndex::default();
    for class in classes.filter(|c| c.bit != 0) {
        for word in &class.words {
            if class.case_sensitive {
                index.add_exact(word, class.bit);
            } else {
                index.add_folded(word, class.bit);
            }
        }
    }
    for name in first_names {
        index.add_first_name(name);
    }
    for trigger in trigger_patterns {
        let first = trigger.split(' ').next().unwrap_or_default();
        index.add_trigger_word(&first.to_lowercase());
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::EMBEDDED;

    /// The embedded lexicon with `words.tsv` replaced by `words`.
    fn with_words(words: &str) -> Result<Lexicon> {
        Lexicon::from_files(|name| match name {
            "words.tsv" => Some(words.to_string()),
            _ => EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string()),
        })
    }

    #[test]
    fn a_list_in_words_tsv_replaces_the_embedded_one() {
        let lexicon = with_words("# a comment\ngrammar\tfoo|bar\ndirection\tNorth\n").unwrap();
        let lists = &lexicon.lists;
        assert!(lists.grammar.contains("foo") && !lists.grammar.contains("has"));
        assert!(lists.direction.contains("NORTH") && lists.direction.contains_as_listed("north"));
        assert!(lists.determiner.words.is_empty() && lexicon.classes.of("the") == 0);
    }

    #[test]
    fn a_phrase_in_a_list_or_an_unknown_list_is_a_bad_line() {
        for (words, message) in [("grammar\tas well\n", "single words"), ("\ngrammar\tas\n\nwhatever\tx\n", "unknown")]
        {
            let Err(Error::Lexicon { file, line, message: got }) = with_words(words) else { panic!("{words:?} loads") };
            assert_eq!((file.as_str(), line), ("words.tsv", words.lines().count()), "{got}");
            assert!(got.contains(message), "{got}");
        }
    }
}
