//! Pairs named by description: "the two countries have signed ...", "Both
//! sides agreed to begin talks", "the two firms signed a memorandum" after
//! a sentence naming the two. Each member acts; with no object, an act done
//! together is between the two (BBC dev: 24 such subjects before a verb in
//! 912 articles, "the two companies have agreed", "both sides agreed to suspend").

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::vocabulary::EntityId;
use crate::text::TokenKind;

const STATES: &[EntityKind] = &[EntityKind::State];
const COMPANIES: &[EntityKind] = &[EntityKind::Organization];
const SIDES: &[EntityKind] = &[EntityKind::State, EntityKind::Organization, EntityKind::Group];
const PERSONS: &[EntityKind] = &[EntityKind::Person];

/// The named entities of a sentence, for the pair descriptions of the next ones.
pub(super) type Named = Vec<(EntityId, EntityKind)>;

impl Frame<'_> {
    /// "the two countries", "both sides" as the subject of the verb at `at`:
    /// the phrase's tokens and the kinds its members may be.
    pub(super) fn described_pair(&self, at: usize) -> Option<(Range<usize>, &'static [EntityKind])> {
        let mut k = at;
        while k > 0
            && (matches!(
                self.lower(k - 1).as_str(),
                "have" | "has" | "had" | "will" | "would" | "both" | "jointly" | "later" | "then" | "now" | "finally"
            ) || self.lexicon.lists.adverb.contains(self.lower(k - 1).as_str()))
        {
            k -= 1;
        }
        if k < 2 {
            return None;
        }
        let kinds = match self.lower(k - 1).as_str() {
            "countries" | "nations" | "governments" | "states" => STATES,
            "firms" | "companies" | "banks" | "groups" => COMPANIES,
            "sides" => SIDES,
            "men" | "leaders" => PERSONS,
            _ => return None,
        };
        let start = match (self.lower(k - 2).as_str(), k.checked_sub(3).map(|j| self.lower(j))) {
            ("both", _) => k - 2,
            ("two", Some(the)) if the == "the" => k - 3,
            _ => return None,
        };
        // The phrase opens its clause: "relations between the two countries" is no subject.
        let opens = start == 0 || {
            let before = self.lower(start - 1);
            self.sentence.tokens[start - 1].kind == TokenKind::Punct
                || self.is_boundary(start)
                || matches!(before.as_str(), "and" | "but" | "however")
                || self.lexicon.lists.reporting.contains(before.as_str())
        };
        opens.then_some((start..k, kinds))
    }

    /// The two entities a pair description at `phrase` stands for: the
    /// sentence's named ones before it, else those of the sentences before
    /// (`earlier`, nearest first); the first of these with two or more of the
    /// kinds, and only if it has exactly two.
    pub(super) fn pair_members(
        &self,
        phrase: Range<usize>,
        kinds: &[EntityKind],
        earlier: &[Named],
    ) -> Option<[EntityId; 2]> {
        let mut here: Named = Vec::new();
        for m in self.mentions.iter().filter(|m| m.tokens.end <= phrase.start && names(m)) {
            here.extend(m.entity.map(|e| (e, m.kind)));
        }
        std::iter::once(&here).chain(earlier).find_map(|named| {
            let mut found: Vec<EntityId> = Vec::new();
            for (e, kind) in named {
                if kinds.contains(kind) && !found.contains(e) {
                    found.push(*e);
                }
            }
            match found[..] {
                [a, b] => Some(Some([a, b])),
                [_, _, ..] => Some(None),
                _ => None,
            }
        })?
    }
}

/// A mention that names its entity (a head, or a name or demonym modifying one: "Israeli-Egyptian").
pub(super) fn names(m: &Mention) -> bool {
    m.entity.is_some() && (m.head || matches!(m.form, Form::Name | Form::Demonym))
}

/// The phrase's span as both members' argument span.
pub(super) fn members_at(members: [EntityId; 2], span: &Range<usize>) -> [Argument; 2] {
    members.map(|e| (e, span.clone()))
}
