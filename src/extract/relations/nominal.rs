//! Deals named by nouns, which have no verb to hang a subject on: "X's
//! takeover of Y", "the takeover of Y by X", "Y agreed to a buyout by X",
//! "the merger between X and Y", "X's merger with Y", "X, a 30% shareholder
//! in Y", and a company's parts ([`super::subsidiaries`]). Each pattern is in
//! at least three sentences of the BBC dev corpus.

use std::ops::Range;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::lexicon::RelationEntry;
use crate::extract::vocabulary::EventRelation;
use crate::text::{TokenKind, WordGate};

/// A deal a noun names: relation, subject, the noun's tokens, object.
pub(super) struct Deal {
    pub(super) event: EventRelation,
    pub(super) subject: Argument,
    pub(super) noun: usize,
    pub(super) object: Argument,
}

const BUYERS: [EntityKind; 2] = [EntityKind::Organization, EntityKind::Person];
const COMPANIES: [EntityKind; 1] = [EntityKind::Organization];
const PARTIES: [EntityKind; 3] = [EntityKind::Organization, EntityKind::State, EntityKind::Person];

/// Verbs that conclude an agreement ("signed a deal", "struck an accord").
fn concludes(word: &str) -> bool {
    matches!(
        word,
        "signed"
            | "signs"
            | "sign"
            | "signing"
            | "struck"
            | "strike"
            | "strikes"
            | "striking"
            | "reached"
            | "reach"
            | "reaches"
            | "clinched"
            | "sealed"
            | "concluded"
            | "secured"
            | "finalised"
            | "finalized"
    )
}

/// The words of [`deal_noun`], for a first test that reads no text (a scan
/// of every token took 20 M instructions of 3 MB of news before, callgrind;
/// a debug assertion checks that the two lists agree).
const DEAL_NOUNS: WordGate = WordGate::new(&[
    "takeover",
    "acquisition",
    "purchase",
    "buyout",
    "bid",
    "offer",
    "merger",
    "subsidiary",
    "unit",
    "division",
    "arm",
    "shareholder",
    "stakeholder",
    "investor",
    "stake",
    "agreement",
    "deal",
    "accord",
    "pact",
    "protocol",
    "treaty",
    "memorandum",
    "contract",
]);

/// What a deal noun names, or `None` for any other word.
fn deal_noun(word: &str) -> Option<EventRelation> {
    match word {
        "takeover" | "acquisition" | "purchase" | "buyout" | "bid" | "offer" => Some(EventRelation::Acquired),
        "merger" => Some(EventRelation::MergedWith),
        "subsidiary" | "unit" | "division" | "arm" => Some(EventRelation::PartOf),
        "shareholder" | "stakeholder" | "investor" | "stake" => Some(EventRelation::InvestedIn),
        "agreement" | "deal" | "accord" | "pact" | "protocol" | "treaty" | "memorandum" | "contract" => {
            Some(EventRelation::Agreed)
        }
        _ => None,
    }
}

impl<'a> Frame<'a> {
    /// The deals the sentence names with nouns, in token order.
    pub(super) fn nominal_deals(&self) -> Vec<Deal> {
        let mut deals = Vec::new();
        // Two parties are needed, one of them a company (but for agreements).
        if self.mentions.iter().filter(|m| m.entity.is_some()).count() < 2 {
            return deals;
        }
        let company = self.mentions.iter().any(|m| m.kind == EntityKind::Organization);
        for (noun, token) in self.sentence.tokens.iter().enumerate() {
            if !DEAL_NOUNS.may_match(self.text, token) {
                debug_assert!(deal_noun(self.word(noun)).is_none(), "DEAL_NOUNS lacks {:?}", self.word(noun));
                continue;
            }
            let Some(event) = deal_noun(self.word(noun)) else { continue };
            if !company && event != EventRelation::Agreed {
                continue;
            }
            let found = match event {
                EventRelation::Acquired => self.acquisition(noun),
                EventRelation::MergedWith => self.merger(noun),
                EventRelation::Agreed => self.signed_agreement(noun),
                EventRelation::PartOf => self.company_part(noun),
                _ => self.holding(noun),
            };
            if let Some((subject, object)) = found
                && subject.0 != object.0
            {
                deals.push(Deal { event, subject, noun, object });
            }
        }
        deals
    }

    /// "X's takeover of Y", "Y's takeover by X", "the takeover of Y by X",
    /// "Y agreed to a buyout by X", "X's bid for Y".
    fn acquisition(&self, noun: usize) -> Option<(Argument, Argument)> {
        let owner = self.possessor(noun);
        let n = self.sentence.tokens.len();
        let clause_end = self.clause_end(noun + 1).max(noun + 1);
        // "takeover bid for Y": one more noun may come before the preposition.
        // A bid "of" is its price: "a bid of $6 a share".
        let bid = matches!(self.word(noun), "bid" | "offer");
        let prep =
            (noun + 1..(noun + 3).min(clause_end)).find(|&j| self.word(j) == "for" || (!bid && self.word(j) == "of"));
        let target = prep.and_then(|p| self.complement(p, clause_end));
        let by_from = target.map_or(noun + 1, |t| t.tokens.end);
        let by = (by_from..(by_from + 2).min(clause_end)).find(|&j| self.word(j) == "by");
        let agent = by.and_then(|b| self.party(b + 1..(b + 4).min(n), &BUYERS));
        match (owner, target, agent) {
            (Some(owner), Some(target), None) if BUYERS.contains(&owner.kind) => Some((arg(owner)?, arg(target)?)),
            (Some(owner), None, Some(agent)) if owner.kind == EntityKind::Organization => {
                Some((arg(agent)?, arg(owner)?))
            }
            (None, Some(target), Some(agent)) => Some((arg(agent)?, arg(target)?)),
            // "MCI agreed to a buyout by Verizon": the one who agrees is bought.
            (None, None, Some(agent)) if self.agreed_before(noun) => {
                let bought = self.subject(noun).filter(|s| self.is_company(s))?;
                Some((arg(agent)?, bought))
            }
            _ => None,
        }
    }

    /// "the merger between X and Y", "the merger of X and Y", "X's merger with Y".
    fn merger(&self, noun: usize) -> Option<(Argument, Argument)> {
        let clause_end = self.clause_end(noun + 1).max(noun + 1);
        let next = self.word(noun + 1);
        if let Some(owner) = self.possessor(noun)
            && next == "with"
        {
            let other = self.complement(noun + 1, clause_end)?;
            return Some((arg(owner)?, arg(other)?));
        }
        if !matches!(next, "between" | "of") {
            return None;
        }
        let first = self.complement(noun + 1, clause_end)?;
        if self.word(first.tokens.end) != "and" {
            return None;
        }
        let second = self.party(first.tokens.end + 1..(first.tokens.end + 6).min(clause_end), &COMPANIES)?;
        Some((arg(first)?, arg(second)?))
    }

    /// "X signed a production agreement with Y", "X has struck a new supply
    /// deal with Y", "X's trade pact with Y": the noun and its modifiers
    /// after a verb of concluding (or a possessor), then "with" and a party.
    fn signed_agreement(&self, noun: usize) -> Option<(Argument, Argument)> {
        if self.word(noun + 1) != "with" {
            return None;
        }
        let clause_end = self.clause_end(noun + 1).max(noun + 1);
        // "with Japanese rival Nissan": a demonym before the partner only describes it.
        let within = noun + 2..(noun + 7).min(clause_end);
        let partner = self
            .heads()
            .find(|m| within.contains(&m.tokens.start) && PARTIES.contains(&m.kind) && m.form != Form::Demonym)?;
        let nested = (noun + 2..partner.tokens.start).any(|j| self.lexicon.lists.preposition.contains(self.word(j)));
        if nested {
            return None;
        }
        // The verb is before the modifiers, or before the article that opens them ("a long-term ...").
        let start = self.modifiers_start(noun);
        let verb = (start.saturating_sub(2)..start).rev().find(|&j| concludes(self.word(j)));
        let signer = match (self.possessor(noun), verb) {
            (Some(owner), _) => arg(owner)?,
            (None, Some(verb)) => self.signer_before(verb)?,
            (None, None) => return None,
        };
        Some((signer, arg(partner)?))
    }

    /// The party nearest before the verb at `verb`, with no comma or clause
    /// between ("Acme has reached a deal", "Acme said it was close to
    /// striking a deal"; not "Acme, which lost deals with Roe, said it signed").
    fn signer_before(&self, verb: usize) -> Option<Argument> {
        let m = self.heads().filter(|m| m.tokens.end <= verb && PARTIES.contains(&m.kind)).last()?;
        let open = (m.tokens.end..verb).all(|j| self.word(j) != "," && !self.is_boundary(j));
        if open { arg(m) } else { None }
    }

    /// "X, a 30% shareholder in Y", "X is the largest investor in Y", "X's stake in Y".
    fn holding(&self, noun: usize) -> Option<(Argument, Argument)> {
        let clause_end = self.clause_end(noun + 1).max(noun + 1);
        if !matches!(self.word(noun + 1), "in" | "of") {
            return None;
        }
        let held = self.complement(noun + 1, clause_end)?;
        let holder = match self.possessor(noun) {
            Some(owner) => owner,
            None if self.word(noun) != "stake" => self.apposed_holder(noun)?,
            None => return None,
        };
        Some((arg(holder)?, arg(held)?))
    }

    /// "X, a 30% shareholder", "X is the biggest shareholder": the named party
    /// before a comma or copula and a few modifiers of the noun.
    fn apposed_holder(&self, noun: usize) -> Option<&&'a Mention> {
        let start = self.modifiers_start(noun);
        let link = start.checked_sub(1)?;
        let linked = match self.word(link) {
            "," => link,
            "is" | "was" | "remains" | "became" => link,
            "been" if link > 0 && matches!(self.word(link - 1), "has" | "had") => link - 1,
            _ => return None,
        };
        self.heads().find(|m| m.tokens.end == linked && BUYERS.contains(&m.kind))
    }

    /// The mention whose possessive comes before the noun and its modifiers ("Foster's hostile takeover").
    pub(super) fn possessor(&self, noun: usize) -> Option<&&'a Mention> {
        let start = self.modifiers_start(noun);
        let possessive = start.checked_sub(1)?;
        if self.sentence.tokens[possessive].kind != TokenKind::Possessive {
            return None;
        }
        self.mentions
            .iter()
            .filter(|m| m.entity.is_some())
            .find(|m| m.tokens.end == possessive || m.tokens.end == possessive + 1)
    }

    /// Where the noun's modifiers start: up to four lower-case words, numbers
    /// and signs ("30%", "$41bn", "planned") that belong to no mention and start no clause.
    pub(super) fn modifiers_start(&self, noun: usize) -> usize {
        let mut start = noun;
        while start > 0 && start + 4 > noun {
            let k = start - 1;
            let token = &self.sentence.tokens[k];
            let word = self.word(k);
            let modifier = match token.kind {
                TokenKind::Number => true,
                TokenKind::Word => word.starts_with(char::is_lowercase) && !self.is_boundary(k),
                _ => matches!(word, "%" | "$" | "£" | "€" | "-"),
            };
            if !modifier || self.in_mention(k) || matches!(word, "a" | "an" | "the" | "its" | "their") {
                // An article opens the phrase: "X, a 30% shareholder".
                if matches!(word, "a" | "an" | "the" | "its" | "their") {
                    start = k;
                }
                break;
            }
            start = k;
        }
        start
    }

    /// The company a preposition at `p` introduces, with no other phrase
    /// between: "of US phone firm MCI", not "for the leadership of X".
    pub(super) fn complement(&self, p: usize, clause_end: usize) -> Option<&&'a Mention> {
        let company = self.party(p + 1..(p + 6).min(clause_end), &COMPANIES)?;
        let nested = (p + 1..company.tokens.start).any(|j| self.lexicon.lists.preposition.contains(self.word(j)));
        (!nested && !self.owns_the_part(company.tokens.end)).then_some(company)
    }

    /// "buy Alfa's stake", "buy Yukos' unit", "buy Air China shares": what
    /// is bought is a part of the company named before token `after`.
    fn owns_the_part(&self, after: usize) -> bool {
        let Some(token) = self.sentence.tokens.get(after) else { return false };
        token.kind == TokenKind::Possessive
            || matches!(self.word(after), "'" | "’" | "share" | "shares" | "stake" | "stakes")
    }

    /// An acquisition whose object names the owner of what is bought, not the company bought.
    pub(super) fn buys_a_part(&self, entry: &RelationEntry, object: &Argument) -> bool {
        entry.event == Some(EventRelation::Acquired)
            && self.sentence.tokens.iter().position(|t| t.start >= object.1.end).is_some_and(|j| self.owns_the_part(j))
    }

    /// The first party of one of `kinds` starting within `range`.
    fn party(&self, range: Range<usize>, kinds: &[EntityKind]) -> Option<&&'a Mention> {
        if range.is_empty() {
            return None;
        }
        self.first_in(range, Some(kinds))
    }

    /// "agreed to a buyout", "has accepted a takeover": the clause's verb before the noun agrees.
    fn agreed_before(&self, noun: usize) -> bool {
        (self.clause_start(noun)..noun).any(|j| {
            matches!(self.word(j), "agreed" | "agrees" | "agree" | "accepted" | "accepts" | "backed" | "backs")
        })
    }

    fn is_company(&self, argument: &Argument) -> bool {
        self.mentions.iter().any(|m| m.entity == Some(argument.0) && m.kind == EntityKind::Organization)
    }
}

fn arg(m: &Mention) -> Option<Argument> {
    Frame::argument(m)
}
