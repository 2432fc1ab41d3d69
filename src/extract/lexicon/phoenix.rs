//! The files converted from the Phoenix actor dictionaries
//! (`phoenix_people.tsv`, `phoenix_organizations.tsv`; see
//! `convert::lexicon_files`). They load after the hand-written files: a
//! name those hold already keeps its hand-written row.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{ActorCode, GazTarget, OrgEntry, PersonEntry};
use crate::error::{Error, Result};
use crate::extract::vocabulary::{OrgId, PersonId, StateId};

/// Reads converted rows into the tables, and their names for the gazetteer.
pub(super) struct Converted<'a> {
    state_by_iso: &'a HashMap<String, StateId>,
    /// The names (lower case) of the rows read before: these are not added again.
    known: HashSet<String>,
    /// The surface forms these rows add to the gazetteer, in file order.
    pub(super) patterns: Vec<(String, GazTarget)>,
}

/// A file's rows: line number (from 1) and columns, comments and blank lines left out.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    lines.map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// A column's non-empty value.
fn column<'c>(cols: &[&'c str], index: usize) -> Option<&'c str> {
    cols.get(index).copied().filter(|c| !c.is_empty() && *c != "-")
}

/// A column's `;`-separated values.
fn values<'c>(cols: &[&'c str], index: usize) -> impl Iterator<Item = &'c str> {
    column(cols, index).into_iter().flat_map(|c| c.split(';')).map(str::trim).filter(|v| !v.is_empty())
}

/// `text.split_once("..")`, without setting up a substring searcher for
/// each of the 27,000 codes (11 M instructions at start-up, callgrind).
fn split_at_two_dots(text: &str) -> Option<(&str, &str)> {
    let at = text.as_bytes().windows(2).position(|pair| pair == b"..")?;
    Some((&text[..at], &text[at + 2..]))
}

impl<'a> Converted<'a> {
    /// Converted rows after the surface forms `known` (hand-written: they keep their rows).
    pub(super) fn new(state_by_iso: &'a HashMap<String, StateId>, known: &[String]) -> Self {
        let known = known.iter().map(|p| p.to_lowercase()).collect();
        Converted { state_by_iso, known, patterns: Vec::new() }
    }

    /// A row's name and aliases that no earlier row has, the first of them its label.
    fn fresh_names(&mut self, cols: &[&str]) -> Vec<String> {
        let names = column(cols, 0).into_iter().chain(values(cols, 1));
        names.filter(|n| self.known.insert(n.to_lowercase())).map(String::from).collect()
    }

    fn state(&self, iso: Option<&str>) -> Option<StateId> {
        iso.and_then(|iso| self.state_by_iso.get(iso).copied())
    }

    /// `phoenix_people.tsv`: name, aliases, country (ISO-3), codes as `CODE:from..to` (or `CODE`).
    /// A state the states file lacks (an override may drop one) is left unknown.
    pub(super) fn people(&mut self, text: &str, people: &mut Vec<PersonEntry>) -> Result<()> {
        for (line, cols) in rows(text) {
            let names = self.fresh_names(&cols);
            let Some(name) = names.first() else { continue };
            let mut codes = Vec::new();
            for value in values(&cols, 3) {
                let (code, dates) = value.split_once(':').unwrap_or((value, ".."));
                let Some((from, to)) = split_at_two_dots(dates) else {
                    let message = format!("code {value:?} is not CODE:from..to");
                    return Err(Error::Lexicon { file: "phoenix_people.tsv".into(), line, message });
                };
                let date = |d: &str| (!d.is_empty()).then(|| d.to_string());
                let state = self.state(code.get(..3));
                codes.push(ActorCode { code: code.to_string(), state, from: date(from), to: date(to) });
            }
            let country = self.state(column(&cols, 2));
            let id = PersonId::new(people.len());
            people.push(PersonEntry { name: name.clone(), roles: Vec::new(), country, codes });
            self.patterns.extend(names.into_iter().map(|n| (n, GazTarget::Person(id))));
        }
        Ok(())
    }

    /// `phoenix_organizations.tsv`: name, aliases, sector, state (ISO-3), code.
    pub(super) fn organizations(&mut self, text: &str, organizations: &mut Vec<OrgEntry>) -> Result<()> {
        for (_, cols) in rows(text) {
            let names = self.fresh_names(&cols);
            let Some(name) = names.first() else { continue };
            let (sector, state) = (column(&cols, 2).unwrap_or_default().to_string(), self.state(column(&cols, 3)));
            let code = column(&cols, 4).map(String::from);
            let id = OrgId::new(organizations.len());
            organizations.push(OrgEntry { name: name.clone(), sector, state, code });
            self.patterns.extend(names.into_iter().map(|n| (n, GazTarget::Org(id))));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lexicon::{EMBEDDED, Lexicon};

    proptest::proptest! {
        #[test]
        fn two_dots_split_as_split_once_does(text in "[0-9.:-]{0,12}|é..|.é.") {
            proptest::prop_assert_eq!(super::split_at_two_dots(&text), text.split_once(".."));
        }
    }

    fn with(file: &str, text: &str) -> Lexicon {
        Lexicon::from_files(|name| {
            if name == file {
                return Some(text.to_string());
            }
            EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, t)| t.to_string())
        })
        .expect("loads")
    }

    #[test]
    fn a_converted_person_has_dated_codes_and_a_country() {
        let lexicon =
            with("phoenix_people.tsv", "# x\nMira Volkova\tM. Volkova\tRUS\tRUSGOV:1998-01-01..2003-12-31;RUSELI\n");
        let p = lexicon.person_named("Mira Volkova").expect("listed");
        let person = lexicon.person(p);
        let russia = lexicon.state_by_iso("RUS");
        assert_eq!(person.codes.len(), 2);
        assert!(person.codes[0].held_on(Some("2001-05-05")) && !person.codes[0].held_on(Some("2005-05-05")));
        assert_eq!(person.state_on(Some("2001-05-05")), russia);
        assert_eq!(person.state_on(None), russia);
    }

    #[test]
    fn hand_written_names_keep_their_rows() {
        let lexicon = with("phoenix_people.tsv", "Joe Biden\t\tGBR\tGBRGOV\nLeo Varo\tJoe Biden\tUSA\tUSAGOV\n");
        let biden = lexicon.person(lexicon.person_named("Joe Biden").unwrap());
        assert!(biden.codes.is_empty() && !biden.roles.is_empty());
        assert!(lexicon.person_named("Leo Varo").is_some());
        let lexicon = with("phoenix_organizations.tsv", "NATO\t\tigo\t\tIGOWSTNAT\nBrennor Relief\tNATO\tngo\t\tNGO\n");
        assert!(lexicon.organizations.iter().filter(|o| o.name == "NATO").all(|o| o.code.is_none()));
        assert!(lexicon.organizations.iter().any(|o| o.name == "Brennor Relief" && o.code.as_deref() == Some("NGO")));
    }

    #[test]
    fn a_bad_code_names_file_and_line() {
        let Err(crate::Error::Lexicon { file, line, .. }) = Lexicon::from_files(|name| {
            (name == "phoenix_people.tsv").then(|| "# header\nMira Volkova\t\t\tRUSGOV:1998\n".to_string())
        }) else {
            panic!("a bad code loads");
        };
        assert_eq!((file.as_str(), line), ("phoenix_people.tsv", 2));
    }
}
