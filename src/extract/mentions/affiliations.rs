//! After the scan: a person's membership or nationality stated beside the
//! name ("Claudia Mo of the Civic Party", "Kofi Annan, UN secretary-general,",
//! "Israeli right-winger Ariel Sharon").

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, RoleFact};
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

impl Scan<'_> {
    /// "Claudia Mo of the Civic Party": a named person, "of", a named
    /// organization; "Jane Roe, from the Refugee Forum," likewise, when the
    /// organization closes the phrase (BBC dev corpus: six with the comma,
    /// "Simon Wheatley, from Goldman Sachs", two without, "David Graham from
    /// the FDA").
    pub(super) fn memberships(&mut self, first: usize) {
        let mentions = &self.found.mentions[first..];
        let mut facts = Vec::new();
        for (p, person) in
            mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Person && m.form == Form::Name)
        {
            let at = person.tokens.end;
            // "Jane Roe, from the Refugee Forum, said": "from" an organization, as "of" one.
            let from = match (self.word(at), self.word(at + 1)) {
                ("of", _) => Some(false),
                ("from", _) => Some(true),
                (",", "from") => Some(true),
                _ => None,
            };
            let Some(from) = from else { continue };
            let at = if self.word(at) == "," { at + 1 } else { at };
            let org_start = if self.word(at + 1) == "the" { at + 2 } else { at + 1 };
            let org = mentions.iter().position(|m| {
                m.kind == EntityKind::Organization
                    && m.tokens.start == org_start
                    && (!from || m.form == Form::Name && self.closes_or_speaks(m.tokens.end))
            });
            if let Some(o) = org {
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

    /// Token `k` ends a phrase: punctuation, the sentence's end or a speech verb ("from Acme said").
    fn closes_or_speaks(&self, k: usize) -> bool {
        k >= self.tokens.len()
            || matches!(self.word(k), "," | "." | ";" | ":")
            || self.is(k, &self.lexicon.words.speech)
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
            if person.kind != EntityKind::Person || person.form != Form::Name || person.tokens.start == 0 {
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
            let qualifier = qualifier.map(|q| first + q).or_else(|| self.party_before(first, person.tokens.start));
            let described =
                described || qualifier.is_some_and(|q| self.found.mentions[q].tokens.end == person.tokens.start);
            if let (true, Some(q)) = (described, qualifier) {
                // "U.N. mediator Diego Cordovez": an organization's people are its members.
                let relation =
                    if matches!(self.found.mentions[q].cue, Cue::State(_)) { Role::NationalOf } else { Role::MemberOf };
                let trigger = self.span(noun..noun + 1);
                self.found.roles.push(RoleFact { person: p, relation, state: q, trigger });
            }
        }
    }

    /// "Democrat John Kerry", "Tory Neil Hamilton": a party of the lexicon
    /// right before a name is the person's (BBC dev corpus: "Lib Dem Norman
    /// Baker", "Liberal Democrat David Laws", "Tory Dominic Grieve").
    fn party_before(&self, first: usize, start: usize) -> Option<usize> {
        (first..self.found.mentions.len()).find(|&o| {
            let m = &self.found.mentions[o];
            m.tokens.end == start
                && m.form == Form::Name
                && matches!(m.cue, Cue::Org { lexicon: Some(org), .. } if self.lexicon.organization(org).sector == "party")
        })
    }
}
