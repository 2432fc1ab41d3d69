//! After the scan: a lawyer or adviser named beside the client they act for
//! works for that client, a person or an organization: "Roe's lawyer Jane
//! Doe", "Jane Doe, a lawyer for Acme", "Jane Doe, the solicitor
//! representing Mr Roe", "lawyer Jane Doe, who represents Mr Roe", "Jane
//! Doe, an adviser on trade to President Roe". The BBC dev corpus states
//! counsel so in each of these forms ("Mr Ebbers' lawyer Reid Weingarten",
//! "Zack Clement, a lawyer for Yukos", "James Wareham, a lawyer representing
//! one of the directors", "The men's solicitor Matthew Knight", "Jack
//! Boorman, adviser to IMF", "senior adviser to President Carter").

use super::scan::Scan;
use crate::extract::extraction::{EntityKind, Form, Mention, RoleFact};
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

impl Scan<'_> {
    /// Lawyers and their clients in the sentence whose mentions start at `first`.
    pub(super) fn counsel(&mut self, first: usize) {
        let mut facts = Vec::new();
        for p in first..self.found.mentions.len() {
            let lawyer = &self.found.mentions[p];
            if lawyer.kind != EntityKind::Person || lawyer.form != Form::Name {
                continue;
            }
            let (start, end) = (lawyer.phrase_start.min(lawyer.tokens.start), lawyer.tokens.end);
            let mut clients = Vec::new();
            if let Some(client) = self.client_before(first, start) {
                clients.push(client);
            }
            if self.word(end) == "," {
                self.clients_after(first, end + 1, &mut clients);
            }
            for (client, trigger) in clients {
                if client != p {
                    facts.push(RoleFact { person: p, relation: Role::WorksFor, state: client, trigger });
                }
            }
        }
        for fact in facts {
            if !self.found.roles.iter().any(|r| r.person == fact.person && r.state == fact.state) {
                self.found.roles.push(fact);
            }
        }
    }

    /// "Roe's lawyer Jane Doe", "the Roes' solicitor, Jane Doe": the client
    /// whose possessive stands before the counsel noun before the name at `start`.
    fn client_before(&self, first: usize, start: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let mut noun = start.checked_sub(1)?;
        if self.word(noun) == "," {
            noun = noun.checked_sub(1)?;
        }
        if !self.is_counsel(noun) || noun < 2 {
            return None;
        }
        // "Putin's economic adviser X": up to two modifiers after the possessive.
        let modifiers = (1..=2).take_while(|&d| noun > d + 1 && self.is_plain_lower(noun - d)).count();
        let mark = noun - 1 - modifiers;
        let possessive = self.tokens[mark].kind == TokenKind::Possessive || matches!(self.word(mark), "'" | "\u{2019}");
        if !possessive {
            return None;
        }
        let client = self.client_mention(first, |m| m.tokens.end == mark)?;
        Some((client, self.span(noun..noun + 1)))
    }

    /// ", [a|the] [one or two words] lawyer for|representing X [and Y]" or
    /// ", who represents X": the clients named after the comma at `k`.
    fn clients_after(&self, first: usize, mut k: usize, clients: &mut Vec<(usize, std::ops::Range<usize>)>) {
        let trigger_at;
        if self.word(k) == "who" && matches!(self.word(k + 1), "represents" | "represented") {
            trigger_at = k + 1;
            k += 2;
        } else {
            if self.classes.is_determiner(k) {
                k += 1;
            }
            let modifiers = (k..k + 3).take_while(|&j| !self.is_counsel(j) && self.is_plain_lower(j)).count();
            k += modifiers;
            if !self.is_counsel(k) {
                return;
            }
            trigger_at = k;
            k += 1;
            // "an adviser on climate change to X": the subject of the advice comes first.
            if self.word(k) == "on" {
                k += 1 + (k + 1..k + 4).take_while(|&j| self.is_plain_lower(j)).count();
            }
            match (self.word(k), self.word(k + 1)) {
                ("for" | "to" | "representing", _) => k += 1,
                ("acting", "for") => k += 2,
                _ => return,
            }
        }
        let trigger = self.span(trigger_at..trigger_at + 1);
        while let Some(client) = self.client_mention(first, |m| m.tokens.start == k || m.phrase_start == k) {
            clients.push((client, trigger.clone()));
            let after = self.found.mentions[client].tokens.end;
            if self.word(after) != "and" {
                break;
            }
            k = after + 1;
        }
    }

    /// The person or organization named in this sentence, by name, that `at` picks.
    fn client_mention(&self, first: usize, at: impl Fn(&Mention) -> bool) -> Option<usize> {
        (first..self.found.mentions.len()).find(|&o| {
            let m = &self.found.mentions[o];
            at(m) && m.form == Form::Name && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
        })
    }

    /// Token `j` is a counsel noun ("lawyer", "solicitors", `words.tsv`).
    fn is_counsel(&self, j: usize) -> bool {
        self.lexicon.lists.counsel.contains(self.word(j))
    }

    /// A lower-case word that is no grammar word: "human rights lawyer", "defence solicitor".
    fn is_plain_lower(&self, j: usize) -> bool {
        self.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(j).starts_with(char::is_lowercase)
            && !self.is_grammar(self.word(j))
    }
}
