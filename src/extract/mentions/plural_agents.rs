//! A one-word "person" that names many people ("Muslims", "Investors",
//! "Workers"): a plural or mass noun of the generic actors (`agents.tsv`),
//! read as a name by the tagger after a capital or at a sentence's start.
//! No one is called by a plural; the word is left to the group rules.
//! (In the BBC dev graph 11 person nodes were such words, "Muslims" with 10
//! mentions; "King", a singular, stays a possible surname.)

use std::ops::Range;

use super::scan::Scan;

impl Scan<'_> {
    /// The tagged name `name` is one word that `agents.tsv` lists as many people.
    pub(super) fn is_plural_agent(&self, name: Range<usize>) -> bool {
        if name.len() != 1 {
            return false;
        }
        let mut plural = false;
        self.lexicon.agents.for_each_match_from(self.text, self.tokens, name.start, |e, id| {
            plural |= e + 1 == name.end && self.lexicon.agent_entries[id].group;
        });
        plural
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{EntityKind, Pipeline};
    use crate::input::Document;

    fn persons(text: &str) -> Vec<String> {
        let doc = Document { id: "t".into(), text: text.into(), ..Document::default() };
        let extraction = Pipeline::embedded().extract(&doc);
        extraction.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.label.clone()).collect()
    }

    #[test]
    fn a_plural_of_people_is_no_person() {
        let found = persons("Hindus and Muslims met in the square. Investors sold shares, Mara Quell said.");
        assert!(!found.iter().any(|p| p == "Muslims" || p == "Hindus" || p == "Investors"), "{found:?}");
        assert!(found.iter().any(|p| p == "Mara Quell"), "{found:?}");
    }
}
