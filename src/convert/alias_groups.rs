//! Which names of one Phoenix record name the same body.
//!
//! A Phoenix record lists everything its code covers, not one body's names:
//! "BUNDESRAT +BUNDESTAG [DEUGOVLEG]" are two chambers, "NASA +NATIONAL
//! SCIENCE FOUNDATION [USAGOV]" two agencies, "KURDISTAN REGIONAL GOVERNMENT
//! +MASOUD BARZANI" a body and its leader. Read as aliases, every such name
//! became the record's first body ("the Bundestag" was the Bundesrat, Masoud
//! Barzani an organization). Two names are one body's when one is the
//! other's acronym or one's words hold the other's; every other name starts
//! a row of its own with the same code.

use std::collections::HashSet;

/// Words no name is told by: they join or qualify a name's words.
const FILLERS: &[&str] =
    &["OF", "THE", "AND", "FOR", "ON", "IN", "TO", "AT", "DE", "DU", "DES", "LA", "LE", "AL", "EL"];

/// The names grouped by body, each group in the record's order (so the
/// record's first name stays the primary name of its group).
pub(super) fn alias_groups(names: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: Vec<(Vec<HashSet<String>>, Vec<String>)> = Vec::new();
    for name in names {
        let words = content_words(&name);
        let joined = groups
            .iter_mut()
            .find(|(keys, members)| keys.iter().zip(members).any(|(k, m)| same_body(&words, &name, k, m)));
        match joined {
            Some((keys, members)) => {
                keys.push(words);
                members.push(name);
            }
            None => groups.push((vec![words], vec![name])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// Whether two names (upper case, with their content words) name one body.
fn same_body(words_a: &HashSet<String>, a: &str, words_b: &HashSet<String>, b: &str) -> bool {
    let nested =
        !words_a.is_empty() && !words_b.is_empty() && (words_a.is_subset(words_b) || words_b.is_subset(words_a));
    nested || is_acronym_of(a, b) || is_acronym_of(b, a)
}

/// The words that tell a name, with "US", "U.S." and "UNITED STATES" as one
/// word, apostrophes and dots dropped ("PEOPLE's" = "PEOPLES") and "-ISATION" spelt "-IZATION".
fn content_words(name: &str) -> HashSet<String> {
    let name = name.replace("UNITED STATES", "US");
    name.split([' ', '-'])
        .map(|w| {
            w.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_uppercase().replace("ISATION", "IZATION")
        })
        .filter(|w| !w.is_empty() && !FILLERS.contains(&w.as_str()))
        .collect()
}

/// Whether `short` (one word) spells the initials of `long`'s words, with or without its fillers.
fn is_acronym_of(short: &str, long: &str) -> bool {
    if short.contains(' ') || !long.contains(' ') {
        return false;
    }
    let letters: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
    let words: Vec<&str> = long.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let initials = |keep: &dyn Fn(&&str) -> bool| -> String {
        words.iter().filter(|w| keep(w)).filter_map(|w| w.chars().next()).collect()
    };
    letters.len() >= 2 && (letters == initials(&|_| true) || letters == initials(&|w: &&str| !FILLERS.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(names: &[&str]) -> Vec<Vec<String>> {
        alias_groups(names.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn acronyms_and_spellings_stay_with_their_body() {
        assert_eq!(groups(&["NORTH ATLANTIC TREATY ORGANIZATION", "NATO"]).len(), 1);
        assert_eq!(groups(&["UNITED STATES DEPARTMENT OF FARMING", "USDF", "US DEPARTMENT OF FARMING"]).len(), 1);
        assert_eq!(groups(&["PEOPLES LIBERATION ARMY", "PEOPLE's LIBERATION ARMY"]).len(), 1);
        assert_eq!(groups(&["KURDISH PESHMERGA", "PESHMERGA"]).len(), 1);
        assert_eq!(groups(&["ORGANISATION FOR PEACE", "ORGANIZATION FOR PEACE"]).len(), 1);
    }

    #[test]
    fn other_bodies_and_people_under_the_same_code_are_rows_of_their_own() {
        assert_eq!(
            groups(&["UPPER CHAMBER", "LOWER HOUSE", "UPPER CHAMBER OF LORDS", "LH"]),
            [vec!["UPPER CHAMBER", "UPPER CHAMBER OF LORDS"], vec!["LOWER HOUSE", "LH"]]
        );
        assert_eq!(groups(&["NORTHERN REGIONAL GOVERNMENT", "OLAF HANSEN"]).len(), 2);
    }
}
