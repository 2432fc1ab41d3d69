//! `agents.tsv`: generic actors converted from `Phoenix.agents.txt`
//! (phrase, number, CAMEO sector, order), as a hashed phrase table. The
//! rules ask whether a phrase names many people and whether they are a
//! state organ; the sector itself stays in the file.

use super::{AgentEntry, ORGAN_SECTORS};
use crate::error::{Error, Result};

/// The agent phrases (lower case) and, in the same order, what each is.
pub(super) fn load_agents(text: &str) -> Result<(Vec<String>, Vec<AgentEntry>)> {
    let (mut phrases, mut entries) = (Vec::new(), Vec::new());
    let lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    for (index, line) in lines {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(phrase), Some(number), Some(sector)) = (cols.first(), cols.get(1), cols.get(2)) else {
            let message = "expected phrase, number, sector".to_string();
            return Err(Error::Lexicon { file: "agents.tsv".into(), line: index + 1, message });
        };
        let group = match *number {
            "plural" | "mass" => true,
            "singular" => false,
            other => {
                let message = format!("number {other:?} is not singular, plural or mass");
                return Err(Error::Lexicon { file: "agents.tsv".into(), line: index + 1, message });
            }
        };
        let organ = ORGAN_SECTORS.iter().any(|o| sector.starts_with(o));
        phrases.push(phrase.to_lowercase());
        entries.push(AgentEntry { group, organ });
    }
    Ok((phrases, entries))
}
