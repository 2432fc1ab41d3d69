//! The antecedent of a relative pronoun: "Tony Blair, who criticised X" and
//! "Lee Smith, the man who shot X" have Blair and Smith as the clause's
//! subject, not the main clause's ("Howard met Blair, who criticised X" was
//! read as Howard criticising X). The treebank marks such clauses
//! `acl:relcl` on the noun before the pronoun.

use super::frame::Frame;
use crate::extract::extraction::Mention;

/// Lower-case words at most between the comma and the pronoun: "the man", "a former aide".
const APPOSED_NOUN_WORDS: usize = 4;

impl<'a> Frame<'a> {
    /// The named head a relative pronoun at `start` ("who", "which", "that")
    /// refers to: the name right before it ("the report that ..."), the name
    /// before its comma ("Blair, who ..."), or the name an apposed common
    /// noun phrase describes ("Smith, the man who ..."). `None` when the word
    /// at `start` is no relative pronoun or nothing named stands there. Past
    /// a comma only a trigger that is the clause's verb takes it: "Qwest,
    /// which had an earlier offer for MCI" names no offer of Qwest's to MCI.
    pub(super) fn relative_pronoun_antecedent(&self, start: usize, at: usize) -> Option<&&'a Mention> {
        if start == 0 || !matches!(self.lower(start).as_str(), "that" | "which" | "who") {
            return None;
        }
        let named_before = |end: usize| self.heads().find(|m| m.tokens.end == end);
        if let Some(m) = named_before(start) {
            return Some(m);
        }
        // "that" after a comma is rarely relative ("..., that is"); "who" and "which" are.
        let determiners = &self.lexicon.lists.participle_determiner;
        let noun_trigger = (start + 1..at).any(|k| determiners.contains(self.lower(k).as_str()));
        if self.lower(start) == "that" || noun_trigger {
            return None;
        }
        if self.word(start - 1) == "," {
            return named_before(start - 1);
        }
        // "Smith, the man who", "Smith, a former aide who": an article, then lower-case words.
        let comma = (start.saturating_sub(APPOSED_NOUN_WORDS + 1)..start).rev().find(|&k| self.word(k) == ",")?;
        let article = matches!(self.lower(comma + 1).as_str(), "the" | "a" | "an");
        let plain = (comma + 2..start).all(|k| !self.in_mention(k) && self.word(k).starts_with(char::is_lowercase));
        if !article || !plain || comma + 2 > start {
            return None;
        }
        named_before(comma)
    }
}
