//! PETRARCH actors and agents written as newsgraph lexicon files.
//!
//! `phoenix_people.tsv` (people with their country and dated codes),
//! `phoenix_organizations.tsv` (bodies and armed groups with their codes)
//! and `agents.tsv` (generic actors with a sector). What is kept, and why,
//! is said beside each rule.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use super::alias_groups::alias_groups;
use super::error::ConvertError;
use super::phoenix::{Actor, Agent, DatedCode, parse_actors, parse_agents};

/// The Phoenix files the shipped lexicons are made from, in `dictionaries/petrarch2/`.
pub const PHOENIX_ACTOR_FILES: [&str; 3] =
    ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"];

/// The agents file of the Phoenix set.
pub const PHOENIX_AGENTS_FILE: &str = "Phoenix.agents.txt";

/// Lower-case words that stay so inside a display name ("Abu Sayyaf", "Court of Justice").
const PARTICLES: &[&str] =
    &["of", "the", "and", "for", "on", "in", "to", "at", "de", "du", "des", "la", "le", "da", "di"];

/// Words that open a title or rank, not a given name: an entry that starts
/// with one is a title and a surname ("Baroness Amos"), which the title rules
/// find themselves; a synonym that is a title and the primary name ("Prime
/// Minister Gordon Brown") adds nothing to the name.
const TITLE_WORDS: &[&str] = &[
    "PRESIDENT",
    "PRIME",
    "MINISTER",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "GENERAL",
    "KING",
    "QUEEN",
    "PRINCE",
    "PRINCESS",
    "SHEIKH",
    "SHEIK",
    "SIR",
    "LORD",
    "LADY",
    "BARONESS",
    "BARON",
    "DAME",
    "DR",
    "DR.",
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "AMBASSADOR",
    "CHANCELLOR",
    "EMIR",
    "SULTAN",
    "AYATOLLAH",
    "COLONEL",
    "COL.",
    "GEN.",
    "MAJOR",
    "CAPTAIN",
    "CAPT.",
    "ADMIRAL",
    "SENATOR",
    "SEN.",
    "REP.",
    "GOVERNOR",
    "GOV.",
    "MAYOR",
    "POPE",
    "ARCHBISHOP",
    "BISHOP",
    "CARDINAL",
    "REVEREND",
    "REV.",
    "JUDGE",
    "JUSTICE",
    "CHIEF",
    "DEPUTY",
    "FORMER",
    "UN",
    "U.N.",
    "UNITED",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "INTERIOR",
    "FINANCE",
    "CROWN",
    "MARSHAL",
    "FIELD",
    "LIEUTENANT",
    "LT.",
    "SERGEANT",
    "SGT.",
    "COMMANDER",
    "SHAH",
    "MULLAH",
    "IMAM",
    "CLERIC",
    "EX",
];

/// Words of an office, never of a name: a synonym with one ("Russian
/// President Vladimir V. Putin") is a description, which the title rules read.
const OFFICES: &[&str] = &[
    "PRESIDENT",
    "PRIME",
    "MINISTER",
    "SECRETARY",
    "SECRETARY-GENERAL",
    "AMBASSADOR",
    "CHANCELLOR",
    "SENATOR",
    "GOVERNOR",
    "MAYOR",
    "FOREIGN",
    "DEFENSE",
    "DEFENCE",
    "INTERIOR",
    "FINANCE",
    "FORMER",
    "DEPUTY",
    "PRINCE",
    "PRINCESS",
    "SHEIKH",
    "EMIR",
    "AYATOLLAH",
    "MR.",
    "MRS.",
    "DR.",
    "PRESIDENT-ELECT",
    "SPEAKER",
];

/// Which actors a writer keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// What is worth shipping for news: full names, known sectors (see each writer).
    Shipped,
    /// Every actor with a code, as a dictionary's own test suite needs.
    Everything,
}

/// The ISO-3 codes of the states the lexicon knows (the first column of `states.tsv`).
pub fn known_states(states_tsv: &str) -> HashSet<String> {
    let rows = states_tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    rows.filter_map(|l| l.split('\t').next()).map(String::from).collect()
}

/// A dictionary phrase in the case news text writes it: words capitalised,
/// particles lower case, and (where `acronyms`) acronyms in capitals: a word
/// with a full stop or without a vowel ("ICJ", "U.N."), a known one, or a
/// single word of up to four letters ("NATO"). The gazetteer matches a
/// capitalised word in any case but an acronym in capitals only, so a word
/// is put in capitals only when that is clear ("Northern Oil and Gas Inc").
pub fn display_case(phrase: &str, acronyms: bool) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    let single = words.len() == 1;
    let mut out = Vec::with_capacity(words.len());
    for (index, word) in words.iter().enumerate() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let vowels = word.chars().filter(|c| "AEIOUaeiou".contains(*c)).count();
        let lower = word.to_lowercase();
        let acronym = acronyms
            && ((word.contains('.') || single) && letters <= 4
                || vowels == 0 && letters >= 2
                || matches!(lower.as_str(), "un" | "eu" | "us" | "uk" | "usa" | "uae" | "ussr"));
        if acronym {
            out.push(word.to_uppercase());
        } else if index > 0 && PARTICLES.contains(&lower.as_str()) {
            out.push(lower);
        } else {
            out.push(capitalise_parts(&lower));
        }
    }
    out.join(" ")
}

/// "al-baradei" → "Al-Baradei", "o'neill" → "O'Neill", "mcdonald" → "Mcdonald".
fn capitalise_parts(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = matches!(c, '-' | '\'' | '.' | '(' | '/');
    }
    out
}

/// A name without its parenthesised parts ("ADEN ABYAN ISLAMIC ARMY (AAIA)"
/// → "ADEN ABYAN ISLAMIC ARMY"), which news text rarely writes so.
fn without_parentheses(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The state of a code: its first three letters, when they are a state the lexicon knows.
fn state_of<'a>(code: &'a str, states: &HashSet<String>) -> Option<&'a str> {
    code.get(..3).filter(|iso| states.contains(*iso))
}

/// The state a person belongs to: that of most of their codes (the latest on a tie).
fn country(codes: &[DatedCode], states: &HashSet<String>) -> Option<String> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (at, code) in codes.iter().enumerate() {
        if let Some(iso) = state_of(&code.code, states) {
            let entry = counts.entry(iso).or_default();
            *entry = (entry.0 + 1, at);
        }
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(iso, _)| iso.to_string())
}

/// Codes as `CODE:from..to` joined by `;` (an undated code: `CODE`).
fn codes_column(codes: &[DatedCode]) -> String {
    let columns: Vec<String> = codes
        .iter()
        .filter(|c| !c.is_null())
        .map(|c| match (&c.from, &c.to) {
            (None, None) => c.code.clone(),
            (from, to) => format!("{}:{}..{}", c.code, from.as_deref().unwrap_or(""), to.as_deref().unwrap_or("")),
        })
        .collect();
    columns.join(";")
}

/// Whether a name is a person's full name: a given name and a surname, not
/// a title, and no initial first ("B. Lynn Pascoe" is found by its surname rules).
fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let first = words[0];
    words.len() >= 2
        && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.ends_with('.')
        && !TITLE_WORDS.contains(&first)
        && words.iter().all(|w| w.chars().any(char::is_alphabetic) && !w.contains(['(', ')', ',', '/', ':']))
}

/// Words of an institution's name, never of a person's ("PALESTINIAN AUTHORITY").
const INSTITUTION_WORDS: &[&str] = &[
    "AUTHORITY",
    "COUNCIL",
    "GOVERNMENT",
    "MINISTRY",
    "PARTY",
    "ARMY",
    "FORCES",
    "FORCE",
    "FRONT",
    "MOVEMENT",
    "COMMITTEE",
    "COMMISSION",
    "ASSEMBLY",
    "PARLIAMENT",
    "CONGRESS",
    "SENATE",
    "COURT",
    "POLICE",
    "AGENCY",
    "OFFICE",
    "DEPARTMENT",
    "BANK",
    "UNION",
    "ORGANIZATION",
    "ORGANISATION",
    "ASSOCIATION",
    "LEAGUE",
    "ALLIANCE",
    "BRIGADE",
    "BRIGADES",
    "GROUP",
    "NATIONAL",
    "REPUBLIC",
    "STATE",
    "STATES",
    "KINGDOM",
    "ADMINISTRATION",
    "CABINET",
    "REGIME",
    "JUNTA",
    "MILITARY",
    "GUARD",
    "SERVICE",
    "INSTITUTE",
    "FUND",
    "PROGRAM",
    "PROGRAMME",
    "MISSION",
    "COALITION",
    "CORPS",
    "TRIBUNAL",
    "CHAMBER",
    "DIRECTORATE",
    "SECRETARIAT",
    "BUREAU",
    "NAVY",
    "FEDERATION",
    "COMMUNITY",
    "UNITED",
    "NATIONS",
    "CENTRAL",
    "FEDERAL",
    "PEOPLE'S",
    "REVOLUTIONARY",
];

/// A person: listed by CountryInfo or as an IGO ruler, or with dated codes,
/// and with no institution's word in their name nor a company's code.
pub(super) fn is_person(actor: &Actor) -> bool {
    let listed = actor.comment.as_deref().is_some_and(|c| c.contains("CountryInfo") || c.contains("IGOrulers"));
    // "ABN AMRO" [NLDGOVBUS >081004] [MNCNLD]: a company, for a while the state's.
    let institution = actor.names[0].split(' ').any(|w| INSTITUTION_WORDS.contains(&w))
        || actor.codes.iter().any(|c| c.code.contains("MNC"));
    (listed || actor.codes.iter().any(|c| !c.is_undated())) && !institution
}

/// States that no longer exist, whose codes the dictionaries still use.
const FORMER_STATES: &[&str] = &["CSK", "DDR", "SCG", "SUN", "YUG"];

/// A state's record, dated because the state changed ("AL 'IRAQ" [IRQ
/// ..030320] [IRQOCC ...], its provinces as synonyms): one of its codes is a
/// state's alone, which no person's is (20 records, all states, regions or cities).
fn is_state_record(actor: &Actor, states: &HashSet<String>) -> bool {
    actor.codes.iter().any(|c| states.contains(&c.code) || FORMER_STATES.contains(&c.code.as_str()))
}

/// The kind of body a code names, in the words of `organizations.tsv`'s
/// sector column: its first three-letter part that names one ("INTREB": armed).
fn sector(code: &str, states: &HashSet<String>) -> Option<&'static str> {
    let rest = if state_of(code, states).is_some() { &code[3..] } else { code };
    (0..rest.len() / 3).find_map(|part| rest.get(part * 3..part * 3 + 3).and_then(sector_part))
}

fn sector_part(part: &str) -> Option<&'static str> {
    Some(match part {
        "IGO" => "igo",
        "NGO" | "NGM" => "ngo",
        "MNC" | "BUS" => "company",
        "REB" | "IMG" | "UAF" | "INS" | "IRG" => "armed",
        "MIL" => "military",
        "COP" => "police",
        "SPY" => "intelligence",
        "GOV" => "government",
        "JUD" => "judiciary",
        "LEG" => "legislature",
        "MED" => "media",
        "PTY" => "party",
        "OPP" => "opposition",
        "EDU" => "education",
        "REL" | "CHR" | "MUS" | "JEW" => "religious",
        _ => return None,
    })
}

/// One row per name, by the display form of its primary name; names seen
/// before (in `taken`, lower case) are left out, so that an earlier file and
/// a hand-written lexicon keep their rows.
struct Rows {
    out: String,
    taken: HashSet<String>,
}

impl Rows {
    fn new(header: &str, taken: HashSet<String>) -> Self {
        Rows { out: header.to_string(), taken }
    }

    /// Adds a row of `names` (the first the primary) and the other columns, unless every name is taken.
    fn add(&mut self, names: Vec<String>, columns: &[&str]) {
        let mut fresh: Vec<String> = Vec::new();
        for name in names {
            if !name.is_empty() && self.taken.insert(name.to_lowercase()) {
                fresh.push(name);
            }
        }
        let Some((primary, aliases)) = fresh.split_first() else { return };
        let _ = writeln!(self.out, "{primary}\t{}\t{}", aliases.join(";"), columns.join("\t"));
    }
}

/// `phoenix_people.tsv`: people with at least a given name and a surname,
/// their country and their dated codes.
pub fn people_tsv(actors: &[Actor], states: &HashSet<String>, taken: HashSet<String>, keep: Selection) -> String {
    let header = "# Public figures converted from the Phoenix actor dictionaries (PETRARCH2, MIT; see PETRARCH2-LICENSE).\n\
        # Regenerate: newsgraph convert petrarch ../shared/dictionaries/petrarch2 data/lexicon. Do not edit by hand:\n\
        # add or correct people in people.tsv, whose names take precedence when the lexicon loads.\n\
        # A code holds between its dates (CODE:from..to, open ends allowed; no dates: always).\n\
        # country: the state of most of their codes, known even on dates no code covers.\n\
        # name\taliases\tcountry\tcodes\n";
    let mut rows = Rows::new(header, taken);
    for actor in actors.iter().filter(|a| is_person(a) && !is_state_record(a, states)) {
        let codes: Vec<DatedCode> = actor.codes.iter().filter(|c| !c.is_null()).cloned().collect();
        if codes.is_empty() {
            continue;
        }
        let primary = &actor.names[0];
        let names = actor
            .names
            .iter()
            .filter(|n| keep == Selection::Everything || is_full_name(n))
            // "PRIME MINISTER GORDON BROWN": a title before the name, which the title rules read.
            .filter(|n| *n == primary || !n.ends_with(&format!(" {primary}")))
            .filter(|n| !n.split(' ').any(|w| OFFICES.contains(&w)))
            .map(|n| display_case(n, false))
            .collect();
        let country = country(&codes, states).unwrap_or_default();
        rows.add(names, &[&country, &codes_column(&codes)]);
    }
    rows.out
}

/// `phoenix_organizations.tsv`: bodies, companies and armed groups with
/// their first undated code (else their first code), as `organizations.tsv`'s
/// columns plus the code.
pub fn organizations_tsv(
    actors: &[Actor],
    states: &HashSet<String>,
    taken: HashSet<String>,
    keep: Selection,
) -> String {
    let header = "# Organizations and armed groups converted from the Phoenix actor dictionaries (PETRARCH2, MIT;\n\
        # see PETRARCH2-LICENSE). Regenerate: newsgraph convert petrarch ../shared/dictionaries/petrarch2 data/lexicon.\n\
        # Do not edit by hand: add or correct organizations in organizations.tsv, whose names take precedence at load.\n\
        # name\taliases\tsector\tstate (ISO-3 or empty)\tcode\n";
    let mut rows = Rows::new(header, taken);
    let given_names = given_names(actors);
    for actor in actors.iter().filter(|a| !is_person(a)) {
        // The undated code says what it is ("ABN AMRO": MNCNLD, not its years as NLDGOVBUS).
        let mut codes = actor.codes.iter().filter(|c| !c.is_null());
        let Some(code) = codes.clone().find(|c| c.is_undated()).or_else(|| codes.next()) else { continue };
        // A state's own record ([AFG]) and its cities are the states lexicon's.
        if code.code.len() <= 3 && state_of(&code.code, states).is_some() {
            continue;
        }
        let names: Vec<String> = actor
            .names
            .iter()
            .enumerate()
            // "+THE FOUNDATION" under El Rukn: a nickname too common to match alone.
            .filter(|(i, n)| keep == Selection::Everything || *i == 0 || !is_the_and_one_word(n))
            // "THE SECURITY COUNCIL": the rules read the article; the name is "Security Council".
            .map(|(_, n)| without_parentheses(n.strip_prefix("THE ").unwrap_or(n)))
            .filter(|n| keep == Selection::Everything || is_organization_name(n))
            // "PRESIDENT OF THE UNITED STATES", "UN SECRETARY GENERAL": an office, which the title rules read.
            .filter(|n| !n.split(' ').any(|w| OFFICES.contains(&w)))
            .collect();
        // No sector: a region ("FRAGUF") or a code of the dictionary's own.
        let fallback = (keep == Selection::Everything).then_some("other");
        let Some(sector) = sector(&code.code, states).or(fallback) else { continue };
        let state = state_of(&code.code, states).unwrap_or_default();
        let groups = match keep {
            Selection::Everything => vec![names],
            Selection::Shipped => alias_groups(names),
        };
        for group in groups.into_iter().filter(|g| !g.is_empty()) {
            // "+JOHN KIRBY" under the US military: a spokesman, not a body.
            let person = looks_like_person(&group[0], &given_names)
                && !group
                    .iter()
                    .any(|n| n.split(' ').any(|w| INSTITUTION_WORDS.contains(&w) || BODY_WORDS.contains(&w)));
            if keep == Selection::Shipped && !is_company(&code.code) && person {
                continue;
            }
            rows.add(group.iter().map(|n| display_case(n, true)).collect(), &[sector, state, &code.code]);
        }
    }
    rows.out
}

/// "THE FOUNDATION": the article and one word.
fn is_the_and_one_word(name: &str) -> bool {
    name.strip_prefix("THE ").is_some_and(|rest| !rest.trim().contains(' '))
}

/// A company's code ("MNCUSA", "USABUS"), whose names may be a founder's ("Morgan Stanley").
fn is_company(code: &str) -> bool {
    code.contains("MNC") || code.contains("BUS")
}

/// The shipped common first names, one a line after `#` comments.
const FIRST_NAMES: &str = include_str!("../../data/lexicon/first_names.txt");

/// Given names, upper case: the first words of the dictionaries' people's
/// full names ("NADEZHDA") and the shipped common first names ("JOHN").
fn given_names(actors: &[Actor]) -> HashSet<String> {
    let people = actors.iter().filter(|a| is_person(a)).flat_map(|a| &a.names).filter(|n| is_full_name(n));
    let listed = FIRST_NAMES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    people.filter_map(|n| n.split(' ').next()).chain(listed).map(|w| w.trim().to_uppercase()).collect()
}

/// Words that make a name a body's even after a person's name ("Carter
/// Center", "Human Rights Watch", "Olof Palme Peace Foundation").
const BODY_WORDS: &[&str] = &[
    "FOUNDATION",
    "CENTER",
    "CENTRE",
    "INTERNATIONAL",
    "SOCIETY",
    "WATCH",
    "COMMAND",
    "COMMANDO",
    "BATTALION",
    "BATTALIONS",
    "MILITIA",
    "VOLUNTEERS",
    "FELLOWSHIP",
    "CLUB",
    "CELLS",
    "FACTION",
    "NETWORK",
    "MONITOR",
    "INSTITUTION",
    "HOUSE",
    "BOARD",
    "RIGHTS",
    "REPRESENTATIVES",
    "VOICES",
    "MEDIA",
    "AID",
    "WORLDWIDE",
    "DEVELOPMENT",
    "ENFORCEMENT",
    "CONSPIRACY",
    "FIRST",
    "LIGA",
    "SENA",
    "MARGA",
    "RESISTANCE",
    "MUJAHIDEEN",
    // Arabic words for an army, a brigade, battalions, a front, a struggle.
    "JAISH",
    "JAYSH",
    "LIWA",
    "LIWAA",
    "KATAEB",
    "KATAIB",
    "JABHAT",
    "HARAKAT",
    "JIHAD",
    "JAMAAT",
    "BET",
];

/// Words that open a body's name as often as a person's ("Al Qaeda", "US House", "Abu Sayyaf").
const NAME_PREFIXES: &[&str] = &["AL", "EL", "US", "LA", "LE", "DE", "ABU", "HUMAN"];

/// A full name that opens with a given name of the dictionaries' people
/// and has no word of a body's name.
fn looks_like_person(name: &str, given_names: &HashSet<String>) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    is_full_name(name)
        && given_names.contains(first)
        && !NAME_PREFIXES.contains(&first)
        && !name.split(' ').any(|w| INSTITUTION_WORDS.contains(&w) || BODY_WORDS.contains(&w))
}

/// An organization's name worth matching: two words or more, or one word
/// of four letters or more ("Hamas", "NATO"); shorter acronyms ("ALF", "UN")
/// are too often something else.
fn is_organization_name(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    !name.is_empty() && (name.contains(' ') || letters >= 4) && !name.contains([',', ':', '/'])
}

/// `agents.tsv`: generic actors, every singular and plural phrase with its sector code.
pub fn agents_tsv(agents: &[Agent]) -> String {
    let mut out = String::from(
        "# Generic actors (agents) converted from Phoenix.agents.txt (PETRARCH2, MIT; see PETRARCH2-LICENSE).\n\
         # Regenerate: newsgraph convert petrarch ../shared/dictionaries/petrarch2 data/lexicon.\n\
         # A group of a state (\"Iraqi police\")\n\
         # takes the sector; `prefix` codes (NGO, IGO) come before the actor's code in CAMEO.\n\
         # phrase\tnumber (singular, plural, mass: both)\tsector\torder\n",
    );
    let mut seen = HashSet::new();
    for agent in agents {
        let order = if agent.prefix { "prefix" } else { "suffix" };
        // "police", "military": one form for one and many.
        let one = if agent.plural.is_empty() { "mass" } else { "singular" };
        let forms = agent.singular.iter().map(|p| (p, one)).chain(agent.plural.iter().map(|p| (p, "plural")));
        for (phrase, number) in forms {
            let phrase = phrase.to_lowercase();
            // "AMBASSADOR_TO {}": a pattern's start, not a noun phrase.
            let last = phrase.rsplit(' ').next().unwrap_or_default();
            let usable = phrase.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\''))
                && !matches!(last, "to" | "at" | "for" | "in" | "of" | "on" | "with" | "from" | "by" | "and" | "the");
            if usable && seen.insert(phrase.clone()) {
                let _ = writeln!(out, "{phrase}\t{number}\t{}\t{order}", agent.code);
            }
        }
    }
    out
}

fn read(dir: &Path, name: &str) -> Result<String, ConvertError> {
    let path = dir.join(name);
    std::fs::read_to_string(&path).map_err(|source| ConvertError::Io { path, source })
}

fn in_file(name: &str) -> impl Fn(ConvertError) -> ConvertError + '_ {
    move |e| ConvertError::InFile { file: name.to_string(), source: Box::new(e) }
}

/// Every lexicon file made from the Phoenix dictionaries in `dir`, by name;
/// `states_tsv` names the states. The hand-written files play no part: their
/// names keep their rows when the lexicon loads, so editing them never makes
/// these files stale.
pub fn phoenix_lexicons(dir: &Path, states_tsv: &str) -> Result<Vec<(&'static str, String)>, ConvertError> {
    let states = known_states(states_tsv);
    let mut actors = Vec::new();
    for name in PHOENIX_ACTOR_FILES {
        actors.extend(parse_actors(&read(dir, name)?).map_err(in_file(name))?);
    }
    let agents = parse_agents(&read(dir, PHOENIX_AGENTS_FILE)?).map_err(in_file(PHOENIX_AGENTS_FILE))?;
    Ok(vec![
        ("phoenix_people.tsv", people_tsv(&actors, &states, HashSet::new(), Selection::Shipped)),
        ("phoenix_organizations.tsv", organizations_tsv(&actors, &states, HashSet::new(), Selection::Shipped)),
        ("agents.tsv", agents_tsv(&agents)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states() -> HashSet<String> {
        ["GBR", "RUS"].map(String::from).into_iter().collect()
    }

    #[test]
    fn display_case_keeps_acronyms_of_organizations_only() {
        assert_eq!(display_case("MIRA AL-BARADEI", false), "Mira Al-Baradei");
        assert_eq!(display_case("NATO", true), "NATO");
        assert_eq!(display_case("UN HIGH COMMISSION FOR REFUGEES", true), "UN High Commission for Refugees");
        assert_eq!(display_case("ABU SAYYAF GROUP", true), "Abu Sayyaf Group");
        assert_eq!(display_case("ALI KHAN", false), "Ali Khan");
    }

    #[test]
    fn people_need_a_full_name_and_keep_their_dated_codes() {
        let text = "MIRA_VOLKOVA_ # CountryInfo.txt\n+PRIME_MINISTER_MIRA_VOLKOVA_\n+VOLKOVA\n\t[RUSGOV 980101-031231]\n\t[RUSELI]\nBARONESS_HILL_ # CountryInfo.txt\n\t[GBRGOV 990101-000101]\nPIOTR_OSTROV # CountryInfo.txt\n\t[---]\n";
        let tsv = people_tsv(&parse_actors(text).unwrap(), &states(), HashSet::new(), Selection::Shipped);
        let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows, ["Mira Volkova\t\tRUS\tRUSGOV:1998-01-01..2003-12-31;RUSELI"]);
    }

    #[test]
    fn a_state_dated_by_its_changes_is_no_person() {
        let text = "VOLGARIA_PROPER_\n+NORTH_VOLGA_PROVINCE\n\t[RUS 800101-911225]\n\t[RUSOCC 911225-920101]\n";
        let tsv = people_tsv(&parse_actors(text).unwrap(), &states(), HashSet::new(), Selection::Shipped);
        assert_eq!(tsv.lines().filter(|l| !l.starts_with('#')).count(), 0);
    }

    #[test]
    fn a_record_under_one_code_gives_a_row_per_body_and_leaves_its_people_out() {
        let text =
            "UPPER_CHAMBER_OF_VOLGARIA\n+LOWER_HOUSE_OF_VOLGARIA\n+UCOV\n+THE_BEACON\n+JOHN_MARKOV\n\t[RUSGOVLEG]\n";
        let tsv = organizations_tsv(&parse_actors(text).unwrap(), &states(), HashSet::new(), Selection::Shipped);
        let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rows,
            [
                "Upper Chamber of Volgaria\tUCOV\tgovernment\tRUS\tRUSGOVLEG",
                "Lower House of Volgaria\t\tgovernment\tRUS\tRUSGOVLEG"
            ]
        );
    }

    #[test]
    fn organizations_take_sector_state_and_code_and_hand_names_win() {
        let text = "UNITED_KINGDOM_ [GBR]\n+BRITISH_\nSCOTLAND_YARD\n\t[GBRCOP]\nNORTH_FRONT_(NF)_ [RUSREB]\n+NF\nRELIEF_WORKS_ [NGO]\nUN_ [IGOUNO]\nTHE_RELIEF_WORKS [NGO]\n";
        let taken: HashSet<String> = ["relief works".to_string()].into_iter().collect();
        let tsv = organizations_tsv(&parse_actors(text).unwrap(), &states(), taken, Selection::Shipped);
        let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows, ["Scotland Yard\t\tpolice\tGBR\tGBRCOP", "North Front\t\tarmed\tRUS\tRUSREB"]);
    }

    #[test]
    fn agents_list_every_form_once() {
        let agents =
            parse_agents("POLICE {} [~COP]\nLAWMAKER [~LEG]\nENVOY_TO {} [~GOV]\nAID_AGENCY [NGO~]\n").unwrap();
        let tsv = agents_tsv(&agents);
        let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rows,
            [
                "police\tmass\tCOP\tsuffix",
                "lawmaker\tsingular\tLEG\tsuffix",
                "lawmakers\tplural\tLEG\tsuffix",
                "aid agency\tsingular\tNGO\tprefix",
                "aid agencies\tplural\tNGO\tprefix",
            ]
        );
    }
}
