//! Lexicons from the PETRARCH unit-test suite's dictionaries
//! (`PETR.Validate.actors.txt`, `PETR.Validate.agents.txt`): its invented
//! states (Arnor, Gondor), people (Gollum) and bodies, coded as the suite
//! expects, for `--lexicon DIR` runs against its records.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::error::ConvertError;
use super::lexicon_files::{Selection, agents_tsv, display_case, is_person, organizations_tsv, people_tsv};
use super::phoenix::{Actor, parse_actors, parse_agents};

/// An actor that is a state: one undated three-character code ("ARNOR [ARN]").
fn state_code(actor: &Actor) -> Option<&str> {
    let mut codes = actor.codes.iter().filter(|c| !c.is_null());
    let code = codes.next()?;
    let plain = code.code.len() == 3 && code.code.chars().all(|c| c.is_ascii_alphanumeric());
    (plain && code.is_undated() && codes.next().is_none() && !is_person(actor)).then_some(code.code.as_str())
}

/// `states.tsv` for the suite: its states first (their names win), then the
/// rows of `base` (the embedded states, which other files name by ISO-3)
/// without the names the suite took; a row left nameless is named by its code.
pub fn states_tsv(actors: &[Actor], base: &str) -> String {
    let mut out = String::from("# The PETRARCH unit-test suite's states, then the embedded ones.\n");
    let (mut codes, mut taken) = (HashSet::new(), HashSet::new());
    for actor in actors {
        let Some(code) = state_code(actor) else { continue };
        let names: Vec<String> = actor.names.iter().map(|n| display_case(n, false)).collect();
        let fresh: Vec<&String> = names.iter().filter(|n| taken.insert(n.to_lowercase())).collect();
        if codes.insert(code.to_string())
            && let Some((name, aliases)) = fresh.split_first()
        {
            let aliases: Vec<&str> = aliases.iter().map(|a| a.as_str()).collect();
            let _ = writeln!(out, "{code}\t{name}\t{}\t\t", aliases.join(";"));
        }
    }
    for row in base.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        if codes.contains(cols[0]) {
            continue;
        }
        let free = |column: Option<&&str>| -> String {
            let names = column.map(|c| c.split(';').map(str::trim).filter(|n| !n.is_empty()));
            let names = names.into_iter().flatten().filter(|n| !taken.contains(&n.to_lowercase()));
            names.collect::<Vec<_>>().join(";")
        };
        let name = cols.get(1).copied().filter(|n| !n.is_empty() && !taken.contains(&n.to_lowercase()));
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            cols[0],
            name.unwrap_or(cols[0]),
            free(cols.get(2)),
            free(cols.get(3)),
            free(cols.get(4))
        );
    }
    out
}

/// Every lexicon file made from the suite's actors and agents, by name;
/// `base_states` is the embedded `states.tsv`.
pub fn unit_test_lexicons(
    actors: &str,
    agents: &str,
    base_states: &str,
) -> Result<Vec<(&'static str, String)>, ConvertError> {
    let actors = parse_actors(actors)?;
    let agents = parse_agents(agents)?;
    let states_file = states_tsv(&actors, base_states);
    let states = super::lexicon_files::known_states(&states_file);
    let rest: Vec<Actor> = actors.into_iter().filter(|a| state_code(a).is_none()).collect();
    Ok(vec![
        ("states.tsv", states_file),
        ("phoenix_people.tsv", people_tsv(&rest, &states, HashSet::new(), Selection::Everything)),
        ("phoenix_organizations.tsv", organizations_tsv(&rest, &states, HashSet::new(), Selection::Everything)),
        ("agents.tsv", agents_tsv(&agents)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invented_states_come_first_and_the_embedded_ones_stay_loadable() {
        let actors =
            parse_actors("ARNOR_ [ARN]\n+ARNORIAN\nEGYPT [UAR]\nSMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 950601-990815]\n")
                .unwrap();
        let base = "# iso3\tname\naaa\nEGY\tEgypt\tArab Republic of Egypt\tEgyptian\tCairo\n";
        let tsv = states_tsv(&actors, base);
        let rows: Vec<&str> = tsv.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rows[0], "ARN\tArnor\tArnorian\t\t");
        assert_eq!(rows[1], "UAR\tEgypt\t\t\t");
        assert!(rows.contains(&"EGY\tEGY\tArab Republic of Egypt\tEgyptian\tCairo"), "{rows:?}");
        assert!(!tsv.contains("Smeagol"));
    }
}
