//! After the scan: a role stated in an apposition beside a name, with the
//! organization or state after "of", "at" or "for": "Jane Doe, chief
//! economist at Acme Bank", "John Roe, a spokesman for the Dairy Board",
//! "the chairman of the Bar Council, Guy Mansfield". In the BBC dev corpus
//! "NAME, [a] ROLE of|at|for ORG" holds over fifty times (economists and
//! analysts at banks, heads of institutes, spokesmen for boards).

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, RoleFact};
use crate::extract::lexicon::TitleKind;
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

/// Tokens the first role's body may span before "and" joins a second role.
const MAX_FIRST_BODY: usize = 16;

/// A role noun phrase: where it ends and the role it names (member_of for a
/// title that names none).
struct RoleNoun {
    end: usize,
    role: Role,
}

impl Scan<'_> {
    /// "NAME, [the|a] [modifiers] ROLE of|at|for [the] ORG": the person holds
    /// the role in the organization (or state) named after the preposition.
    pub(super) fn apposed_roles(&mut self, first: usize) {
        let mut facts = Vec::new();
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name {
                continue;
            }
            let Some(after_comma) = self.role_phrase_start(person.tokens.end) else { continue };
            if let Some(noun) = self.role_noun(after_comma) {
                let noun_end = noun.end;
                facts.extend(self.role_in_body_after(p, noun));
                // "director of X and a member of Y": a second role joined by "and".
                if let Some(second) = self.joined_role(noun_end) {
                    facts.extend(self.role_in_body_after(p, second));
                }
            } else if let Some(fact) = self.role_after_body(p, after_comma) {
                facts.push(fact);
            }
        }
        self.reversed_apposed_roles(first, &mut facts);
        for fact in facts {
            if !self.found.roles.iter().any(|r| r.person == fact.person && r.state == fact.state) {
                self.found.roles.push(fact);
            }
        }
    }

    /// Where the phrase that states a role of the name ending at `end`
    /// begins: after its comma ("Joe Roe, a director of"), past an age
    /// ("Joe Roe, 53, a former"), or after a copula, in the clause or in a
    /// relative clause ("Joe Roe was chairman of", "Joe Roe, who is a member
    /// of"; BBC dev corpus: "who is a member of the Commons" and the like, 8).
    fn role_phrase_start(&self, end: usize) -> Option<usize> {
        let copula = |k: usize| match self.word(k) {
            "is" | "was" | "became" => Some(k + 1),
            "has" | "had" if self.word(k + 1) == "been" => Some(k + 2),
            _ => None,
        };
        if self.word(end) != "," {
            return copula(end);
        }
        if self.word(end + 1) == "who" {
            return copula(end + 2);
        }
        Some(if self.age_at(end + 1) { end + 3 } else { end + 1 })
    }

    /// "the chairman of the Bar Council, Guy Mansfield": a determiner, a role
    /// noun and its organization before the comma, the name after it.
    fn reversed_apposed_roles(&self, first: usize, facts: &mut Vec<RoleFact>) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            // "..., Sir Andrew Green": the comma stands before the name's title.
            let start = person.phrase_start.min(person.tokens.start);
            if person.kind != EntityKind::Person
                || person.form != Form::Name
                || start < 5
                || self.word(start - 1) != ","
            {
                continue;
            }
            // The organization ends at the comma; its role noun is found from the sentence's determiners.
            let Some(body) = self.found.mentions[first..].iter().position(|m| m.tokens.end == start - 1) else {
                continue;
            };
            let body_start = self.found.mentions[first + body].tokens.start;
            let opening = (body_start.saturating_sub(8)..body_start).find(|&k| {
                self.classes.is_determiner(k)
                    && self.role_noun(k).is_some_and(|noun| self.body_after(noun.end) == Some(body_start))
            });
            if let Some(k) = opening
                && let Some(noun) = self.role_noun(k)
                && let Some(fact) = self.fact(p, noun, first + body)
            {
                facts.push(fact);
            }
        }
    }

    /// The role noun phrase at `j`: an optional determiner, up to three
    /// lower-case modifiers ("deputy", "senior bond"), a title that is no
    /// honorific, and "and" another ("chairman and chief executive").
    fn role_noun(&self, mut j: usize) -> Option<RoleNoun> {
        if self.classes.is_determiner(j) {
            j += 1;
        }
        let (mut modifiers, mut second_in_line) = (0, false);
        while self.title(j).is_none() && modifiers < 3 && self.is_lower_content_word(j) {
            second_in_line |= matches!(self.word(j), "vice" | "deputy" | "assistant");
            j += 1;
            modifiers += 1;
        }
        let (mut end, entry) = self.title(j)?;
        let title = &self.lexicon.title_entries[entry];
        if title.kind == TitleKind::Honorific {
            return None;
        }
        if self.word(end) == "and"
            && let Some((second_end, _)) = self.title(end + 1)
        {
            end = second_end;
        }
        let role = title.role.unwrap_or(Role::MemberOf);
        // "vice president of", "deputy leader of": an official, not the head.
        Some(RoleNoun { end, role: if second_in_line { role.of_deputy() } else { role } })
    }

    /// The first token of the body named after the role noun ending at `end`:
    /// "of", "at" or "for", an optional "the" and up to three lower-case
    /// words ("civil rights group Liberty"), or a field of study or work and
    /// "at" ("of economics at").
    fn body_after(&self, end: usize) -> Option<usize> {
        // "an economist with UFJ Bank": "with" as often as "at" for a bank's analysts (BBC dev corpus: 11).
        if !matches!(self.word(end), "of" | "at" | "for" | "with") {
            return None;
        }
        let mut k = end + 1;
        if self.word(k).eq_ignore_ascii_case("the") {
            k += 1;
        }
        let mut modifiers = 0;
        while modifiers < 3 && self.is_lower_content_word(k) {
            k += 1;
            modifiers += 1;
        }
        // "professor of economics at X", "head of research at X": the field, then the body.
        if modifiers > 0 && self.word(end) == "of" && self.word(k) == "at" {
            k += 1 + usize::from(self.word(k + 1).eq_ignore_ascii_case("the"));
        }
        Some(k)
    }

    /// The role noun after the "and" that joins a second role to the one
    /// ending at `end`, in the same apposition (no comma or clause between):
    /// "chairman of X and chief executive of Y", "a professor at X and
    /// honorary president of Y".
    fn joined_role(&self, end: usize) -> Option<RoleNoun> {
        let limit = (end + MAX_FIRST_BODY).min(self.tokens.len());
        let and = (end..limit)
            .take_while(|&k| self.word(k) != "," && !self.is(k, &self.lexicon.words.verb))
            .find(|&k| self.word(k) == "and")?;
        self.role_noun(and + 1)
    }

    /// "NAME, a senior Defence Ministry official", "NAME, another FAA
    /// spokesman", "NAME, a former Yale University law professor": a
    /// determiner, up to two lower-case modifiers, the organization, up to two
    /// more, and a role noun that ends the apposition (BBC dev corpus: "an
    /// Amnesty researcher", "a Treasury spokesman", "a Unison official").
    fn role_after_body(&self, p: usize, at: usize) -> Option<RoleFact> {
        let determiner = self.classes.is_determiner(at) || self.word(at) == "another";
        if !determiner {
            return None;
        }
        let mut k = at + 1;
        while k < at + 3 && self.is_lower_content_word(k) {
            k += 1;
        }
        let sentence = self.index;
        let body = self.found.mentions.iter().position(|m| {
            m.sentence == sentence && m.tokens.start == k && m.form == Form::Name && matches!(m.cue, Cue::Org { .. })
        })?;
        let mut j = self.found.mentions[body].tokens.end;
        let modifiers_from = j;
        while j < modifiers_from + 2 && self.title(j).is_none() && self.is_lower_content_word(j) {
            j += 1;
        }
        let (end, entry) = self.title(j)?;
        let title = &self.lexicon.title_entries[entry];
        // The role noun closes the phrase: "a BBC reporter", not "a BBC reporter's notes".
        let closes = self.tokens.get(end).is_none_or(|t| t.kind == TokenKind::Punct && self.word(end) != "-")
            || matches!(self.word(end), "who" | "said" | "says")
            || self.is_grammar(self.word(end));
        if title.kind == TitleKind::Honorific || !self.word(j).starts_with(char::is_lowercase) || !closes {
            return None;
        }
        let role = title.role.unwrap_or(Role::MemberOf);
        self.fact(p, RoleNoun { end, role }, body)
    }

    /// The person at mention `p` holds `noun` in the body named after it.
    /// "head of equity research at X" heads the field, not X: the holder works for X.
    fn role_in_body_after(&self, p: usize, mut noun: RoleNoun) -> Option<RoleFact> {
        let k = self.body_after(noun.end)?;
        let sentence = self.index;
        let body = self.found.mentions.iter().position(|m| m.sentence == sentence && m.tokens.start == k)?;
        if self.word(noun.end) == "of" && (noun.end + 1..k).any(|j| self.word(j) == "at") {
            noun.role = Role::WorksFor;
        }
        self.fact(p, noun, body)
    }

    /// The fact that person `p` holds `noun` in mention `body`, an
    /// organization or a state by name.
    fn fact(&self, p: usize, noun: RoleNoun, body: usize) -> Option<RoleFact> {
        let m = &self.found.mentions[body];
        // "the leader of Britain's biggest union", "director of Sheffield-based MEPS":
        // a modifier of the body is not the body.
        let hyphened = self.word(m.tokens.end) == "-"
            && self.tokens.get(m.tokens.end).is_some_and(|t| t.start == self.tokens[m.tokens.end - 1].end)
            || self.text[m.span.clone()].ends_with("-based");
        // "head of UK equities": a state with a noun after it qualifies the noun.
        let qualifies = !m.head || self.is_lower_content_word(m.tokens.end);
        if hyphened || matches!(m.cue, Cue::State(_)) && qualifies {
            return None;
        }
        let relation = match m.cue {
            Cue::Org { .. } if m.form == Form::Name => noun.role,
            Cue::State(_) if m.form == Form::Name => noun.role.toward_state()?,
            _ => return None,
        };
        let trigger = self.span(noun.end - 1..noun.end);
        Some(RoleFact { person: p, relation, state: body, trigger })
    }

    /// A lower-case word that can qualify a noun: not grammar, a verb or a clause word.
    fn is_lower_content_word(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(k).starts_with(char::is_lowercase)
            && !self.is_grammar(self.word(k))
            && !self.is(k, &self.lexicon.words.verb)
            && !self.is(k, &self.lexicon.words.clause)
            && !self.starts_trigger(k)
    }
}
