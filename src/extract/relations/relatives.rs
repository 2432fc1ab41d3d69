//! The antecedent of a relative pronoun: "Tony Blair, who criticised X" and
//! "Lee Smith, the man who shot X" have Blair and Smith as the clause's
//! subject, not the main clause's ("Howard met Blair, who criticised X" was
//! read as Howard criticising X). The treebank marks such clauses
//! `acl:relcl` on the noun before the pronoun.

use super::frame::{Argument, Frame};
use super::killings;
use crate::extract::extraction::{EntityKind, Mention};

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

    /// "Jane Roe, convicted of murdering X", "the sentence of Jane Roe,
    /// accused of defrauding X": a verdict's participle right after a comma
    /// opens a reduced relative clause about the person before the comma
    /// (even one inside a prepositional phrase), whose gerund at `at` is
    /// that person's deed.
    pub(super) fn participle_antecedent(&self, at: usize) -> Option<&&'a Mention> {
        let mut link = at.checked_sub(1)?;
        if self.lower(link) == "having" {
            link = link.checked_sub(1)?;
        }
        if !matches!(self.lower(link).as_str(), "of" | "with" | "for") || link < 2 {
            return None;
        }
        let word = self.lower(link - 1);
        let verdict = killings::verdict(&word) || killings::punishment(&word);
        if !verdict || self.word(link - 2) != "," {
            return None;
        }
        self.heads().find(|m| m.tokens.end == link - 2 && m.kind == EntityKind::Person)
    }

    /// "X fired the shots that killed Y", "the bomb X planted, which killed
    /// Y": a relative clause about a weapon has the weapon's user as its
    /// subject, the subject of the clause that names the weapon.
    pub(super) fn weapon_user(&self, start: usize) -> Option<Argument> {
        if start == 0 || !matches!(self.lower(start).as_str(), "that" | "which") {
            return None;
        }
        let weapon = matches!(
            self.lower(start - 1).as_str(),
            "shot"
                | "shots"
                | "bullet"
                | "bullets"
                | "shotgun"
                | "rifle"
                | "gun"
                | "bomb"
                | "bombs"
                | "grenade"
                | "missile"
        );
        if !weapon {
            return None;
        }
        self.subject(start - 1)
    }
}
