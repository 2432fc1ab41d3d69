//! What a person's label says about its name: the titles in front
//! ("Mr", "Lord", "Prime Minister"), the surname at the end, and whether the
//! first word is a given name. Read from the embedded lexicon files, as the
//! graph may be resolved long after (and apart from) the lexicons that built it.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::extract::lexicon::EMBEDDED;

/// The embedded lexicon file `name` ("" if there is none).
fn embedded(name: &str) -> &'static str {
    EMBEDDED.iter().find(|(file, _)| *file == name).map_or("", |(_, text)| text)
}

/// The title and honorific words of the embedded `titles.tsv` (not role
/// nouns such as "president", which do not precede names): "Mr", "Lord",
/// "Prime Minister".
pub fn titles() -> &'static [&'static str] {
    static TITLES: OnceLock<Vec<&'static str>> = OnceLock::new();
    TITLES.get_or_init(|| {
        let listed = embedded("titles.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split('\t').collect::<Vec<_>>())
            .filter(|cells| matches!(cells.get(2).map(|k| k.trim()), Some("title" | "honorific")))
            .map(|cells| cells[0].trim());
        listed.filter(|t| !t.is_empty()).collect()
    })
}

/// The given names of the embedded `first_names.txt`.
fn first_names() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        embedded("first_names.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    })
}

/// True if `word` is a given name of the lexicon ("Anna").
pub fn is_first_name(word: &str) -> bool {
    first_names().contains(word)
}

/// The titles of [`titles`] by their first word (up to the first space): a
/// title followed by a space starts a label only if the label's first word is
/// the title's, so a label is tried against a few titles, not all 200 (trying
/// them all was 4% of the instructions of building the BBC corpus, callgrind).
fn titles_by_first_word() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static BY_FIRST_WORD: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    BY_FIRST_WORD.get_or_init(|| {
        let mut by_first: HashMap<&'static str, Vec<&'static str>> = HashMap::default();
        for &title in titles() {
            by_first.entry(first_word(title)).or_default().push(title);
        }
        by_first
    })
}

/// `text` up to its first space (all of it if none).
fn first_word(text: &str) -> &str {
    text.split_once(' ').map_or(text, |(first, _)| first)
}

/// `word` (without spaces) is a title alone ("Mr").
fn is_title(word: &str) -> bool {
    titles_by_first_word().get(word).is_some_and(|titles| titles.contains(&word))
}

/// The label without its leading titles ("Prime Minister Tony Blair" -> "Tony Blair").
pub fn without_titles(label: &str) -> &str {
    let by_first = titles_by_first_word();
    let mut rest = label.trim();
    // The longest title followed by a space comes off, then the next.
    while let Some(shorter) = by_first.get(first_word(rest)).and_then(|titles| {
        titles.iter().filter_map(|t| rest.strip_prefix(t).and_then(|r| r.strip_prefix(' '))).min_by_key(|r| r.len())
    }) {
        rest = shorter.trim_start();
    }
    rest
}

/// How a person's label names them, for cross-document resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonName<'a> {
    /// A surname alone, perhaps after titles ("Ms Kowalczyk"): the surname.
    Surname(&'a str),
    /// A known given name and more ("Anna Kowalczyk"): the words after it.
    Full(&'a str),
    /// Several words that do not start with a known given name ("Estelle
    /// Morris", "Royal Mail"): the words after the first. Too often not a
    /// person's name to merge a surname into, but it may be the surname's bearer.
    Unsure(&'a str),
    /// Anything else: a given name alone ("Bill" may be a first name or a
    /// surname), a title alone, a lower-case last word.
    Other,
}

/// How `label` names a person.
pub fn person_name(label: &str) -> PersonName<'_> {
    let name = without_titles(label);
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    match name.split_once(' ') {
        None if starts_upper(name) && !is_first_name(name) && !is_title(name) => PersonName::Surname(name),
        None => PersonName::Other,
        Some((first, rest)) => match rest.rsplit(' ').next().unwrap_or(rest) {
            last if !starts_upper(last) => PersonName::Other,
            _ if is_first_name(first) => PersonName::Full(rest),
            _ => PersonName::Unsure(rest),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{PersonName, is_title, person_name, titles, without_titles};

    /// `without_titles` as it reads, trying every title.
    fn without_titles_plain(label: &str) -> &str {
        let mut rest = label.trim();
        while let Some(shorter) = titles()
            .iter()
            .filter_map(|t| rest.strip_prefix(t).and_then(|r| r.strip_prefix(' ')))
            .min_by_key(|r| r.len())
        {
            rest = shorter.trim_start();
        }
        rest
    }

    proptest::proptest! {
        #[test]
        fn titles_found_by_first_word_are_those_found_by_trying_every_title(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Prime", "Minister", "Prime Minister", "Mr", "Mr.", "Lt", "Col", "Lt Col", "Vice", "President",
                    "Vice-President", "Sir", "Tony", "Blair", "chief", "executive", "Lord", "lord", "", " ", "Dr",
                ]),
                0..7,
            ),
            separator in proptest::sample::select(vec![" ", "  ", " \t"]),
        ) {
            let label = words.join(separator);
            proptest::prop_assert_eq!(without_titles(&label), without_titles_plain(&label), "{:?}", label);
            for word in &words {
                if !word.contains(' ') {
                    proptest::prop_assert_eq!(is_title(word), titles().contains(word), "{:?}", word);
                }
            }
        }
    }

    #[test]
    fn titles_come_off_the_front_only() {
        assert_eq!(without_titles("Mr Blair"), "Blair");
        assert_eq!(without_titles("Lord Butler"), "Butler");
        assert_eq!(without_titles("President Bush"), "Bush");
        assert_eq!(without_titles("Prime Minister Tony Blair"), "Tony Blair");
        assert_eq!(without_titles("Sir Menzies Campbell"), "Menzies Campbell");
        assert_eq!(without_titles("Mrs."), "Mrs.", "a title alone stays");
        assert_eq!(without_titles("Tony Mr"), "Tony Mr");
        assert!(!titles().contains(&"president"), "role nouns are not titles before a name");
    }

    #[test]
    fn surnames_full_names_and_neither() {
        assert_eq!(person_name("Ms Kowalczyk"), PersonName::Surname("Kowalczyk"));
        assert_eq!(person_name("Kowalczyk"), PersonName::Surname("Kowalczyk"));
        assert_eq!(person_name("Anna Kowalczyk"), PersonName::Full("Kowalczyk"));
        assert_eq!(person_name("Dr Anna Maria Kowalczyk"), PersonName::Full("Maria Kowalczyk"));
        assert_eq!(person_name("Anna"), PersonName::Other, "a given name alone is no surname");
        assert_eq!(person_name("Royal Kowalczyk"), PersonName::Unsure("Kowalczyk"), "no known given name first");
        assert_eq!(person_name("Mr"), PersonName::Other);
        assert_eq!(person_name("Anna de"), PersonName::Other);
    }
}
