//! One scan for the words the noun and verb rules look for ("held",
//! "custody", "served", "assassin", "called"): each rule then visits only
//! the tokens its own gate lets through, where five scans of every token
//! cost 35 M instructions of 3 MB of news (callgrind).

use crate::text::{Sentence, WordGate};

/// A rule's gate, by its bit in [`cues`].
#[derive(Clone, Copy)]
pub(super) enum Cue {
    Held,
    Custody,
    Service,
    Killing,
    Judging,
}

/// The words of the detention rules (`detentions.rs`), whose two scans took
/// 29 M instructions of 3 MB of news with no gate (callgrind).
pub(super) const HELD: WordGate = WordGate::new(&["held"]);

pub(super) const CUSTODY: WordGate = WordGate::new(&["custody"]);

/// The verb of service (`service::is_service_verb`), as a first test that reads no
/// text (the scan took 20 M instructions of 3 MB of news before, callgrind).
pub(super) const SERVICE_VERBS: WordGate = WordGate::new(&["served", "serves", "serving", "serve"]);

/// The words of `killings::killer_noun` and `killing_noun`, as a first test that
/// reads no text (the scan took 12 M instructions of 3 MB of news before, callgrind).
pub(super) const KILLING_WORDS: WordGate = WordGate::new(&[
    "assassin",
    "killer",
    "murderer",
    "assassins",
    "killers",
    "murderers",
    "assassination",
    "murder",
    "killing",
    "slaying",
]);

/// The words of `judgements::judging_verb`, as a first test that reads no text (the
/// scan took 18 M instructions of 3 MB of news before, callgrind).
pub(super) const JUDGING_VERBS: WordGate =
    WordGate::new(&["called", "calls", "calling", "described", "describes", "describing", "said", "says"]);

/// The gates, in the order of [`Cue`].
const GATES: [WordGate; 5] = [HELD, CUSTODY, SERVICE_VERBS, KILLING_WORDS, JUDGING_VERBS];

const ANY: WordGate = GATES[0].union(GATES[1]).union(GATES[2]).union(GATES[3]).union(GATES[4]);

/// The tokens some gate lets through, each with the bits of the gates that do.
pub(super) fn cues(text: &str, sentence: &Sentence) -> Vec<(u32, u8)> {
    let mut found = Vec::new();
    for (i, token) in sentence.tokens.iter().enumerate() {
        if !ANY.may_match(text, token) {
            continue;
        }
        let bits =
            GATES.iter().enumerate().fold(0, |bits, (g, gate)| bits | u8::from(gate.may_match(text, token)) << g);
        if bits != 0 {
            found.push((i as u32, bits));
        }
    }
    found
}

impl Cue {
    pub(super) fn bit(self) -> u8 {
        1 << self as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_token_a_gate_lets_through_is_cued(text in "(held|custody|served|assassin|killing|said|called|says|a|the|,| )*") {
            let sentence = Sentence { range: 0..text.len(), tokens: crate::text::tokenize(&text, 0..text.len()) };
            let found = cues(&text, &sentence);
            // The plain test: each gate asked of each token.
            for (i, token) in sentence.tokens.iter().enumerate() {
                let bits = (0..GATES.len()).filter(|&g| GATES[g].may_match(&text, token)).fold(0u8, |b, g| b | 1 << g);
                let cued = found.iter().find(|(j, _)| *j as usize == i).map_or(0, |c| c.1);
                prop_assert_eq!(cued, bits);
            }
        }
    }
}
