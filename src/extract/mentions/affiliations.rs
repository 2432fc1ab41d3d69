//! After the scan: a person's membership or nationality stated beside the
//! name ("Claudia Mo of the Civic Party", "Kofi Annan, UN secretary-general,",
//! "Israeli right-winger Ariel Sharon").

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, RoleFact};
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

impl Scan<'_> {
    /// "Claudia Mo of the Civic Party": a named person, "of", a named organization.
    pub(super) fn memberships(&mut self, first: usize) {
        let mentions = &self.found.mentions[first..];
        let mut facts = Vec::new();
        for (p, person) in
            mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Person && m.form == Form::Name)
        {
            let at = person.tokens.end;
            if self.word(at) != "of" {
                continue;
            }
            let org_start = if self.word(at + 1) == "the" { at + 2 } else { at + 1 };
            if let Some(o) =
                mentions.iter().position(|m| m.kind == EntityKind::Organization && m.tokens.start == org_start)
            {
                facts.push(RoleFact {
                    person: first + p,
                    relation: Role::MemberOf,
                    state: first + o,
                    trigger: self.tokens[at].range(),
                });
            }
        }
        for fact in facts {
            if !self.found.roles.iter().any(|r| r.person == fact.person && r.state == fact.state) {
                self.found.roles.push(fact);
            }
        }
    }

    /// "Kofi Annan, UN secretary-general, ...", "Salaheddine Sidhoum, Algeria's leading
    /// human rights activist, ...": an apposition that names the person's state or organization.
    pub(super) fn appositions(&mut self, first: usize) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name || self.word(person.tokens.end) != "," {
                continue;
            }
            let mut j = person.tokens.end + 1;
            if matches!(self.word(j), "the" | "a" | "an") {
                j += 1;
            }
            let Some(q) = self.found.mentions[first..].iter().position(|m| {
                m.tokens.start == j
                    && matches!(m.cue, Cue::State(_) | Cue::Org { .. })
                    && matches!(m.form, Form::Demonym | Form::Name)
            }) else {
                continue;
            };
            let q = first + q;
            let mut after = self.found.mentions[q].tokens.end;
            if self.followed_by_possessive(after) {
                after += 1;
            }
            // A description follows and the apposition closes: not a list ("Putin, Russia and China").
            let described = self.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Word)
                && self.word(after).starts_with(char::is_lowercase)
                && !self.is_grammar(self.word(after))
                && self.word(after) != "and";
            let closes = (after..(after + 8).min(self.tokens.len() + 1))
                .any(|k| k == self.tokens.len() || matches!(self.word(k), "," | "." | ";"));
            if described && closes {
                let relation =
                    if matches!(self.found.mentions[q].cue, Cue::State(_)) { Role::NationalOf } else { Role::MemberOf };
                let trigger = self.span(after..after + 1);
                self.found.roles.push(RoleFact { person: p, relation, state: q, trigger });
            }
        }
    }

    /// "suspected British militant Haroon Rashid Aswad", "Israeli right-winger
    /// Ariel Sharon", "U.N. mediator Diego Cordovez": a state or organization
    /// and a noun before a name state the person's nationality or membership.
    pub(super) fn nationalities(&mut self, first: usize) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name || person.tokens.start < 2 {
                continue;
            }
            let noun = person.tokens.start - 1;
            let word = self.word(noun);
            // A noun, not a verb: "Twitter gave Mohamed the option".
            let described = self.tokens[noun].kind == TokenKind::Word
                && word.starts_with(char::is_lowercase)
                && !self.is_grammar(word)
                && !word.ends_with("ed")
                && !self.is(noun, &self.lexicon.words.verb)
                && !self.is(noun, &self.lexicon.words.speech)
                && !self.starts_trigger(noun)
                && self.title(noun).is_none();
            // A state or organization right before the noun, but not "pro-Beijing
            // councillors" or "anti-Kremlin activist".
            let qualifier = self.found.mentions[first..].iter().position(|m| {
                m.tokens.end == noun
                    && !self.after_pro_or_anti(m.tokens.start)
                    && matches!(m.cue, Cue::State(_) | Cue::Org { .. })
                    && matches!(m.form, Form::Demonym | Form::Name)
            });
            if let (true, Some(q)) = (described, qualifier) {
                // "U.N. mediator Diego Cordovez": an organization's people are its members.
                let relation = if matches!(self.found.mentions[first + q].cue, Cue::State(_)) {
                    Role::NationalOf
                } else {
                    Role::MemberOf
                };
                let trigger = self.span(noun..noun + 1);
                self.found.roles.push(RoleFact { person: p, relation, state: first + q, trigger });
            }
        }
    }
}
