//! Mention finding: gazetteer names, titled names, capitalised names with cue
//! words, role descriptions ("the Russian President"), report descriptions
//! and pronouns. Each mention records whether it can head a relation argument.
//!
//! [`find`] scans each sentence once: at each token the rule families, one
//! file each, are tried in order (`Scan::scan`, below); `scan.rs` holds the
//! scan's state and the helpers they share, `buffers.rs` what it fills and
//! keeps between sentences. After the scan, `affiliations.rs`
//! and `placements.rs` link the sentence's mentions to each other.

mod affiliations;
mod apposed_roles;
mod bare_government;
mod buffers;
mod capitalized;
mod comma_places;
mod company_descriptions;
mod counsel;
mod descriptions;
mod employers;
mod gazetteer;
mod groups;
mod linked_orgs;
mod locations;
mod org_states;
mod placements;
mod plural_agents;
mod pronouns;
mod scan;
mod suffixes;
mod tagged;
mod title_openings;
mod titled;

use super::classes::{TokenClasses, WordTable};
use super::lexicon::Lexicon;
use super::tagger::{DocumentContext, Tagger};
use crate::text::Sentence;
pub(crate) use buffers::{Buffers, Found};
use scan::Scan;

/// `words` is the table `classes` was read from; `tagger` is the statistical
/// name tagger, if the pipeline has one; `buffers` are the thread's.
pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
    words: &WordTable,
    lexicon: &Lexicon,
    tagger: Option<&Tagger>,
    buffers: &mut Buffers,
) -> Found {
    // A document has fewer mentions than capitals, give or take its pronouns.
    let mut found = Found { mentions: Vec::with_capacity(classes.capitals()), ..Found::default() };
    let document = match tagger {
        None => DocumentContext::default(),
        Some(_) => {
            buffers.features.serve(words, tagger);
            DocumentContext::new(text, sentences, classes, words, lexicon)
        }
    };
    for (index, sentence) in sentences.iter().enumerate() {
        let classes = classes.sentence(index);
        buffers.matches.refill(text, sentence, classes, lexicon);
        buffers.tag(text, sentence, classes, lexicon, tagger, &document);
        Scan::new(text, index, sentence, classes, lexicon, &mut found, buffers).run();
    }
    found
}

impl Scan<'_> {
    fn run(&mut self) {
        let first = self.found.mentions.len();
        self.scan();
        self.comma_places(first);
        self.memberships(first);
        self.placements(first);
        self.apposed_roles(first);
        self.counsel(first);
        self.possessive_affiliations(first);
        self.appositions(first);
        self.nationalities(first);
        self.locations(first);
        self.organizations_of_states(first);
    }

    /// What any of the rules in [`Scan::scan`] needs first: a title, a
    /// determiner, a lexicon or tagger name, a capital or a pronoun. Most
    /// tokens have none of these and skip the rules.
    fn may_start_mention(&self, i: usize) -> bool {
        self.classes.is_capitalized_determiner_or(i, &self.lexicon.words.person_pronoun)
            || self.title(i).is_some()
            || self.gaz(i).is_some()
            || self.tagged.get(i).is_some_and(Option::is_some)
            || self.tokens.get(i).is_some_and(|t| t.end - t.start == 2) && matches!(self.word(i), "it" | "It")
    }

    fn scan(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let next = if self.may_start_mention(i) {
                self.title_and_name(i)
                    .or_else(|| self.ampersand_name(i))
                    .or_else(|| self.description(i))
                    .or_else(|| self.tagged_name(i))
                    .or_else(|| self.gazetteer_name(i))
                    .or_else(|| self.capitalized_name(i))
                    .or_else(|| self.pronoun(i))
            } else {
                None
            };
            match next {
                Some(end) => i = self.past_generational_suffix(end),
                None => {
                    self.carry_role_state_over(i);
                    i += 1;
                }
            }
        }
    }
}
