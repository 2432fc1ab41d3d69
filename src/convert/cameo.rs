//! The PETRARCH verb dictionary (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`)
//! read into relation trigger rows in the format of `relations.tsv`.
//!
//! A verb block (`--- NAME [code] ---`) lists synonyms, each with its own
//! code or the block's, and patterns (`- * (AGAINST) [112]`). A verb with a
//! code becomes a trigger with a direct object; a pattern that is a bare
//! preposition gives the object's preposition (with the pattern's code).
//! Patterns that need a particular word before the verb or as its object
//! cannot be said by a trigger row: they are skipped and counted.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use super::inflect::{plural, regular_forms};

const LABELS: &str = include_str!("../../data/convert/cameo_labels.tsv");
const PLOVER: &str = include_str!("../../data/convert/cameo_plover.tsv");
const GOLDSTEIN: &str = include_str!("../../data/convert/goldstein.tsv");
const GENERIC: &str = include_str!("../../data/convert/generic_verbs.txt");
const TRIGGERS: &str = include_str!("../../data/convert/cameo_triggers.tsv");

/// Prepositions a bare pattern may name as the one introducing the object.
const PREPOSITIONS: [&str; 20] = [
    "against", "to", "with", "for", "from", "at", "in", "into", "on", "upon", "over", "about", "of", "by", "between",
    "toward", "towards", "outside", "inside", "before",
];

/// What a conversion made and what it left out, by reason.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct VerbCounts {
    /// Verb blocks read.
    pub blocks: usize,
    /// Verbs (synonyms) read.
    pub verbs: usize,
    /// Rows written.
    pub rows: usize,
    /// Trigger forms written, over all rows.
    pub triggers: usize,
    /// Bare-preposition patterns turned into an object preposition.
    pub preposition_patterns: usize,
    /// Noun-object patterns turned into multi-word triggers.
    pub noun_patterns: usize,
    /// Patterns and verbs not converted, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
}

impl VerbCounts {
    fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }
}

/// A synonym: its forms (lower case, words separated by spaces) and own code.
struct Verb {
    /// As the dictionary spells it ("LASH_OUT").
    name: String,
    /// Every form, the base first.
    forms: Vec<String>,
    /// Its past forms ("accused", "slain", "lashed out"): the ones that become triggers in news.
    past: Vec<String>,
    code: Option<String>,
    /// A coder's note on its line ("# HUX 11/26/97").
    noted: bool,
}

/// A verb block: its default code, its synonyms, and its bare-preposition patterns.
#[derive(Default)]
struct Block {
    name: String,
    /// The verbs the patterns' comments name as where each pattern was found.
    pattern_verbs: HashSet<String>,
    code: Option<String>,
    verbs: Vec<Verb>,
    /// Bare-preposition patterns: preposition, code, and the verb the pattern's comment names.
    preps: Vec<(String, String, Option<String>)>,
    /// Noun-object patterns ("- * DEAL [057] # STRIKE").
    nouns: Vec<NounPattern>,
}

/// A pattern whose object is a particular noun: it becomes the multi-word
/// triggers "struck deal", "struck a deal", "struck deals".
struct NounPattern {
    /// The noun phrase, lower case ("deal", "war crimes").
    noun: String,
    /// The object column: the pattern's preposition for the target.
    object: String,
    code: String,
    found_with: Option<String>,
}

/// The rows of `cameo_verbs.tsv` for the dictionary `text` (named `source`
/// in the header), and what was converted.
pub(crate) fn convert(text: &str, source: &str, filters: Filters) -> (String, VerbCounts) {
    let mut counts = VerbCounts::default();
    let blocks = parse(text, &mut counts);
    let rows = rows(&blocks, &mut counts, filters);
    counts.rows = rows.len();
    counts.triggers = rows.values().map(Vec::len).sum();
    (write(&rows, source), counts)
}

/// The dictionary's verb blocks; synonym sets and transformations are passed over.
fn parse(text: &str, counts: &mut VerbCounts) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut in_block = false;
    for raw in text.lines() {
        let (line, note) = raw.split_once('#').unwrap_or((raw, ""));
        let (line, note) = (line.trim(), note.trim());
        if line.is_empty() || line.starts_with("<!--") {
            continue;
        }
        if let Some(header) = line.strip_prefix("---") {
            let name = header.split_whitespace().next().unwrap_or_default().to_string();
            blocks.push(Block { name, code: bracket_code(header).flatten(), ..Block::default() });
            counts.blocks += 1;
            in_block = true;
        } else if line.starts_with('&') {
            // A synonym set: its `+` lines are nouns, not verbs, until the next block.
            in_block = false;
        } else if line.starts_with('~') {
            counts.skip("transformation (verb of a verb)");
        } else if !in_block {
            continue;
        } else if let Some(pattern) = line.strip_prefix('-') {
            let block = blocks.last_mut().expect("in a block");
            let found_with = note.split_whitespace().next().map(str::to_uppercase);
            if let Some(verb) = &found_with {
                block.pattern_verbs.insert(verb.clone());
            }
            pattern_line(pattern, found_with, block, counts);
        } else {
            let block = blocks.last_mut().expect("in a block");
            match verb_line(line, !note.is_empty()) {
                Some(verb) => {
                    counts.verbs += 1;
                    block.verbs.push(verb);
                }
                None => counts.skip("verb line not understood"),
            }
        }
    }
    blocks
}

/// The code in the line's last `[...]`: `None` without brackets,
/// `Some(None)` for the null code `---`. Of "042:043" (two codes for two
/// readings) the first is taken, of ":173" the second.
fn bracket_code(line: &str) -> Option<Option<String>> {
    let open = line.rfind('[')?;
    let close = open + line[open..].find(']')?;
    let code = line[open + 1..close].split(':').map(str::trim).find(|c| !c.is_empty()).unwrap_or("---");
    let valid = !code.starts_with('-') && code.chars().all(|c| c.is_ascii_alphanumeric());
    Some(valid.then(|| code.to_string()))
}

/// "HURRY {HURRIES HURRYING HURRIED} [020]", "+ASK_FOR {+ASKED_FOR ...}", "WIRE_+TAP".
fn verb_line(line: &str, noted: bool) -> Option<Verb> {
    let code = bracket_code(line).flatten();
    let head = line.split(['{', '[']).next().unwrap_or_default().trim();
    let main = head.split_whitespace().next()?;
    if !main.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '_' | '+' | '-' | '\'')) {
        return None;
    }
    let irregular = match (line.find('{'), line.find('}')) {
        (Some(open), Some(close)) if open < close => Some(&line[open + 1..close]),
        _ => None,
    };
    let phrase = |word: &str| word.replace('+', "").replace('_', " ").trim().to_lowercase();
    let words: Vec<&str> = main.split('_').filter(|w| !w.is_empty()).collect();
    let verb_at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let base = words.get(verb_at)?.trim_start_matches('+').to_lowercase();
    let (mut forms, mut past) = (vec![phrase(main)], Vec::new());
    match irregular {
        Some(listed) => {
            for form in listed.split_whitespace() {
                let verb = form.split('_').find(|w| w.starts_with('+')).unwrap_or(form).to_lowercase();
                if is_listed_past(verb.trim_start_matches('+'), &base) {
                    past.push(phrase(form));
                }
                forms.push(phrase(form));
            }
        }
        None => {
            for form in regular_forms(&base) {
                let is_past = form.ends_with("ed") && form != base;
                let mut phrase: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                phrase[verb_at] = form;
                if is_past {
                    past.push(phrase.join(" "));
                }
                forms.push(phrase.join(" "));
            }
        }
    }
    // A form is words of letters ("lashed out"); a stray comma in a list is none.
    let is_phrase = |f: &str| f.split(' ').all(|w| w.chars().any(char::is_alphabetic) && !w.contains(','));
    for list in [&mut forms, &mut past] {
        let mut seen = HashSet::new();
        list.retain(|f| !f.is_empty() && is_phrase(f) && seen.insert(f.clone()));
    }
    Some(Verb { name: main.replace('+', ""), forms, past, code, noted })
}

/// Whether a form a verb line lists in `{...}` is its past ("slain", "hung"):
/// not the base, not "-ing", not the third person.
fn is_listed_past(form: &str, base: &str) -> bool {
    let third = form.strip_suffix('s').is_some_and(|stem| base.starts_with(stem.trim_end_matches(['e', 'i'])));
    form != base && !form.ends_with("ing") && !third
}

/// A pattern line (after its `-`): a bare preposition after the verb is kept.
fn pattern_line(pattern: &str, found_with: Option<String>, block: &mut Block, counts: &mut VerbCounts) {
    let Some(code) = bracket_code(pattern).flatten().or_else(|| block.code.clone()) else {
        counts.skip("pattern without a code");
        return;
    };
    let body = pattern.split('[').next().unwrap_or_default();
    let Some((before, after)) = body.split_once('*') else {
        counts.skip("pattern without a verb position");
        return;
    };
    let markers = |c: char| c == '$' || c == '+' || c.is_whitespace();
    if !before.trim_matches(markers).is_empty() {
        counts.skip("pattern needs words before the verb");
        return;
    }
    let words: Vec<String> = after
        .split_whitespace()
        .map(|w| w.trim_matches(['(', ')', '$', '+']).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    match &words[..] {
        [prep] if PREPOSITIONS.contains(&prep.as_str()) => {
            counts.preposition_patterns += 1;
            block.preps.push((prep.clone(), code, found_with));
        }
        [] => counts.skip("pattern without an object (the verb's own code)"),
        // A noun pattern becomes a trigger only with the preposition of its
        // target ("- * CLAIM (AGAINST) +"): without one, "announced plans" and
        // "discussed the election" joined their subject to whatever followed
        // (on the BBC corpus, 3 of 8 added edges were right).
        _ => match noun_pattern(after) {
            Some((noun, Some(object))) => {
                counts.noun_patterns += 1;
                block.nouns.push(NounPattern { noun, object, code, found_with });
            }
            Some((_, None)) => {
                counts.skip("pattern needs a particular object word (a noun without a target preposition)");
            }
            None => counts.skip("pattern needs more than a noun object (a synonym set, words around it)"),
        },
    }
}

/// "DEAL", "{WAR CRIMES}", "DEAL (WITH +)": the noun phrase and the preposition of its target, if any.
fn noun_pattern(after: &str) -> Option<(String, Option<String>)> {
    let after = after.trim();
    let (noun, rest) = if let Some(braced) = after.strip_prefix('{') {
        braced.split_once('}')?
    } else {
        after.split_once(char::is_whitespace).unwrap_or((after, ""))
    };
    let letters = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '_');
    let words: Vec<&str> = noun.split_whitespace().collect();
    let participle = words.last().is_some_and(|w| w.ends_with("ED"));
    if words.is_empty()
        || participle
        || !words.iter().all(|w| letters(w))
        || PREPOSITIONS.contains(&words[0].to_lowercase().as_str())
    {
        return None;
    }
    let noun = words.join(" ").replace('_', " ").to_lowercase();
    let rest: String = rest.chars().filter(|c| !matches!(c, '$' | '+' | '(' | ')')).collect();
    let rest: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    match &rest[..] {
        [] => Some((noun, None)),
        [prep] if PREPOSITIONS.contains(&prep.as_str()) => Some((noun, Some(prep.clone()))),
        _ => None,
    }
}

/// The multi-word triggers of a verb's past `form` with a noun object:
/// bare, after "a"/"an" and "the", and in the plural. A particle or an
/// adverb ("backed down", "criticised bitterly") takes no article.
fn noun_triggers(form: &str, noun: &str) -> Vec<String> {
    const PARTICLES: [&str; 12] =
        ["back", "out", "down", "up", "off", "away", "over", "forward", "together", "aside", "around", "ahead"];
    if PARTICLES.contains(&noun) || noun.ends_with("ly") {
        return vec![format!("{form} {noun}")];
    }
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    let mut triggers = vec![format!("{form} {noun}"), format!("{form} {article} {noun}"), format!("{form} the {noun}")];
    if !noun.ends_with('s') {
        triggers.push(format!("{form} {}", plural(noun)));
    }
    triggers
}

/// Which of the converted verbs become triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filters {
    /// For news (the shipped lexicon): verbs the coders worked with, past forms,
    /// no general verbs, no neutral statements without their preposition, and
    /// the codes of `cameo_triggers.tsv` only in a noun pattern.
    News,
    /// Every verb and form, as PETRARCH reads the dictionary (for its unit tests).
    None,
}

/// Why a verb is left out under the news filters, if it is.
fn news_skip(block: &Block, verb: &Verb) -> Option<&'static str> {
    if !attested(block, verb) {
        return Some("synonym only (no code, note or pattern of its own)");
    }
    verb.past.iter().any(|form| is_generic(form)).then_some("general verb (data/convert/generic_verbs.txt)")
}

/// A code whose bare verbs are left out under the news filters (`cameo_triggers.tsv`).
fn phrase_only(code: &str) -> bool {
    lookup(TRIGGERS, code) == Some("phrase")
}

/// A row being built: its object column and its trigger forms in order.
type Rows = BTreeMap<(String, String), Vec<String>>;

/// The rows by (code, object column). A neutral statement or appeal (roots
/// 01 and 02: "said", "told", "asked") becomes a trigger only with its
/// preposition: as a verb with a direct object it would join a speaker to
/// whoever the sentence names next.
fn rows(blocks: &[Block], counts: &mut VerbCounts, filters: Filters) -> Rows {
    let news = filters == Filters::News;
    let mut rows = Rows::new();
    let mut taken: HashSet<(String, String)> = HashSet::new();
    let mut add = |code: &str, object: String, forms: &[String]| {
        let row = rows.entry((code.to_string(), object.clone())).or_default();
        for form in forms {
            if taken.insert((form.clone(), object.clone())) {
                row.push(form.clone());
            }
        }
    };
    for block in blocks {
        for verb in &block.verbs {
            if let Some(reason) = news_skip(block, verb).filter(|_| news) {
                counts.skip(reason);
                continue;
            }
            let forms = if news { &verb.past } else { &verb.forms };
            let own = verb.code.as_ref().or(block.code.as_ref());
            let mut same: Vec<&str> =
                block.preps.iter().filter(|(_, c, _)| Some(c) == own).map(|(p, ..)| p.as_str()).collect();
            same.sort_unstable();
            same.dedup();
            if let Some(code) = own {
                let neutral = news && (code.starts_with("01") || code.starts_with("02"));
                match (neutral, same.is_empty()) {
                    _ if news && phrase_only(code) => counts.skip("verb whose code needs a noun (cameo_triggers.tsv)"),
                    (true, true) => counts.skip("neutral statement or appeal without a preposition"),
                    (true, false) => add(code, same.join(","), forms),
                    (false, _) => add(code, std::iter::once("-").chain(same).collect::<Vec<_>>().join(","), forms),
                }
            } else if block.preps.is_empty() {
                counts.skip("verb of a block without a code or preposition pattern");
            }
            // A pattern with a code of its own holds for the verb it was found
            // with ("- * (INTO) [192] # MOVE" is not "needed into").
            let mut others: Vec<(&String, &String)> = block
                .preps
                .iter()
                .filter(|(_, c, with)| Some(c) != own && with.as_ref().is_none_or(|w| *w == verb.name))
                .map(|(p, c, _)| (p, c))
                .collect();
            others.sort_unstable();
            others.dedup();
            for (prep, code) in others.into_iter().filter(|(_, code)| !(news && phrase_only(code))) {
                add(code, prep.clone(), forms);
            }
            for pattern in block.nouns.iter().filter(|p| p.found_with.as_ref().is_none_or(|w| *w == verb.name)) {
                let triggers: Vec<String> = forms.iter().flat_map(|form| noun_triggers(form, &pattern.noun)).collect();
                add(&pattern.code, pattern.object.clone(), &triggers);
            }
        }
    }
    rows.retain(|_, forms| !forms.is_empty());
    rows
}

/// A verb the CAMEO coders worked with: it has its own code or a coder's
/// note, names its block, or a pattern was found with it (the pattern's
/// comment names it). The dictionary's other synonyms came in from WordNet
/// synsets ("composite of the TABARI CAMEO dictionaries and several synonym
/// sets, primarily from WordNet", its header says): "beat", "master" and
/// "break" beside "kill", "serve" and "value" beside "aid" and "praise".
fn attested(block: &Block, verb: &Verb) -> bool {
    verb.code.is_some() || verb.noted || verb.name == block.name || block.pattern_verbs.contains(&verb.name)
}

/// A past form listed in `generic_verbs.txt` (its first word: "came to" is "came").
fn is_generic(form: &str) -> bool {
    let word = form.split(' ').next().unwrap_or_default();
    GENERIC.lines().filter(|l| !l.starts_with('#')).any(|l| l.split('\t').next() == Some(word))
}

/// The longest prefix of `code` listed in `table` (code, value lines).
fn lookup<'t>(table: &'t str, code: &str) -> Option<&'t str> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .filter(|(prefix, _)| code.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, value)| value.trim())
}

/// The relation label of a CAMEO code ("event" for a root no row lists).
pub(crate) fn label(code: &str) -> &'static str {
    lookup(LABELS, code).unwrap_or("event")
}

fn write(rows: &Rows, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Relation triggers converted from the PETRARCH verb dictionary {source}");
    out.push_str(
        "# (c) 2015 Open Event Data Alliance, MIT licence: see PETRARCH2-LICENSE.\n\
         # Generated by `newsgraph convert petrarch DIR data/lexicon`: do not edit; change the\n\
         # tables in data/convert/ or src/convert/ and regenerate. Rows of relations.tsv take\n\
         # precedence: a trigger listed there is not read from here.\n\
         # label\tcameo\tgoldstein\tplover\tobject\tagent\ttriggers\n",
    );
    for ((code, object), forms) in rows {
        let plover = lookup(PLOVER, code).unwrap_or("-");
        let goldstein = lookup(GOLDSTEIN, code).unwrap_or("-");
        let _ = writeln!(out, "{}\t{code}\t{goldstein}\t{plover}\t{object}\t-\t{}", label(code), forms.join("|"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
&CURRENCY
+DOLLAR
--- ACCUSE [112] ---
ACCUSE
BLAME # a comment
SCOLD [111]
+LASH_OUT {+LASHED_OUT +LASHES_OUT +LASHING_OUT}
REPROVE
- * (AGAINST) [113] # LASH_OUT
- * (OF) [112]
- &MILITARY * [190]
- * {WAR CRIMES} [1124]
--- SAY [010] ---
SAY {SAYS SAID SAYING}
--- REMARK [---] ---
REMARK
- * (ON) [012]
--- FILE [---] ---
FILE
- * SUIT (AGAINST) [115] # FILE
- * COMPLAINT [114] # FILE
";

    #[test]
    fn verbs_patterns_and_skips() {
        let (text, counts) = convert(SAMPLE, "sample", Filters::News);
        let rows: Vec<Vec<&str>> =
            text.lines().filter(|l| !l.starts_with('#')).map(|l| l.split('\t').collect()).collect();
        let find = |code: &str, object: &str| {
            rows.iter().find(|r| r[1] == code && r[4] == object).map(|r| r[6].to_string()).unwrap_or_default()
        };
        assert_eq!(find("112", "-,of"), "accused|blamed|lashed out");
        assert!(find("111", "-").contains("scolded"));
        assert!(find("113", "against").contains("lashed out"), "{text}");
        assert_eq!(find("012", "on"), "remarked", "past forms only");
        assert_eq!(find("010", "-"), "", "a bare statement verb is no trigger");
        assert_eq!(find("115", "against"), "filed suit|filed a suit|filed the suit|filed suits");
        assert!(!text.contains("complaint"), "a noun object without its target's preposition is skipped");
        let accused = rows.iter().find(|r| r[1] == "112").unwrap();
        assert_eq!(&accused[..4], &["accused", "112", "-2.0", "DISAPPROVE"]);
        assert_eq!(counts.blocks, 4);
        assert_eq!(counts.verbs, 8);
        assert_eq!(counts.noun_patterns, 1);
        assert_eq!(counts.skipped["synonym only (no code, note or pattern of its own)"], 1);
        assert!(!text.contains("reprove"));
        assert_eq!(counts.preposition_patterns, 3);
        assert_eq!(counts.skipped["pattern needs words before the verb"], 1);
        assert_eq!(counts.skipped["pattern needs a particular object word (a noun without a target preposition)"], 2);
        assert_eq!(counts.skipped["neutral statement or appeal without a preposition"], 1);
    }

    #[test]
    fn without_filters_every_verb_and_form_is_a_trigger() {
        let (text, counts) = convert(SAMPLE, "sample", Filters::None);
        assert!(text.contains("say|says|said|saying"), "{text}");
        assert!(text.contains("reprove|reproves|reproved|reproving"));
        let news_reasons = ["synonym only", "general verb", "neutral statement", "verb whose code needs a noun"];
        assert!(counts.skipped.keys().all(|reason| !news_reasons.iter().any(|r| reason.starts_with(r))), "{counts:?}");
    }

    #[test]
    fn codes_in_brackets() {
        assert_eq!(bracket_code("--- VISIT [042:043] ---"), Some(Some("042".into())));
        assert_eq!(bracket_code("- * (BEFORE COURT) [:173]"), Some(Some("173".into())));
        assert_eq!(bracket_code("--- ADD [---] ---"), Some(None));
        assert_eq!(bracket_code("ACCORD"), None);
    }

    #[test]
    fn every_root_has_a_label_plover_row_and_weight() {
        for root in 1..=20 {
            let code = format!("{root:02}0");
            assert_ne!(label(&code), "event", "{code}");
            assert!(lookup(PLOVER, &code).is_some(), "{code}");
            assert!(lookup(GOLDSTEIN, &code).is_some(), "{code}");
        }
        assert_eq!(label("1123"), "accused");
        assert_eq!(lookup(GOLDSTEIN, "1123"), Some("-2.0"));
        assert_eq!(label("903"), "event");
    }
}
