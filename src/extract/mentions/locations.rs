//! After the scan: where a person, an organization or a place is, as the
//! words beside their names state it. All give `located_in` (or, for a
//! person of a state, `national_of`):
//! - a company by the state or place before its descriptor ("Japanese car
//!   maker Mitsubishi", "Seattle-based Amazon"), in an apposition after it
//!   ("Santander, the Spanish bank"), or "of" or "in" a place after it;
//! - a person "of" a place, or "NAME, 34, of|from PLACE", "NAME, a
//!   resident|native of PLACE";
//! - a place before a comma and a larger one ("Bethany, Conn.", "Basra, Iraq").
//!
//! Each is common in the BBC dev corpus (a state before a company noun and a
//! name over a hundred times) and in CoNLL04 train (PLACE "," PLACE 128 of its
//! Located_In, ORG in|of PLACE 38 of its OrgBased_In, "of" 11 of its Live_In).

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, RoleFact};
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

/// Titles of peers, whose "of PLACE" is part of the title ("Lord Irvine of Lairg").
const PEERAGE: [&str; 10] =
    ["Lord", "Lady", "Baroness", "Baron", "Earl", "Viscount", "Duke", "Duchess", "Archduke", "Marquess"];

impl Scan<'_> {
    /// The facts of location among the sentence's mentions from `first` on.
    pub(super) fn locations(&mut self, first: usize) {
        let mut facts = Vec::new();
        for m in first..self.found.mentions.len() {
            let mention = &self.found.mentions[m];
            if mention.form != Form::Name {
                continue;
            }
            let fact = match mention.kind {
                EntityKind::Organization => self.company_home(first, m),
                EntityKind::Person => self.residence(first, m),
                EntityKind::Place => self.place_in_place(first, m),
                _ => None,
            };
            facts.extend(fact);
        }
        for fact in facts {
            if !self.found.roles.iter().any(|r| r.person == fact.person && r.state == fact.state) {
                self.found.roles.push(fact);
            }
        }
    }

    /// A state or a place by name (or demonym, when `demonym`) whose mention
    /// among those from `first` starts (`at_start`) or ends at token `k`.
    fn location_at(&self, first: usize, k: usize, at_start: bool, demonym: bool) -> Option<usize> {
        (first..self.found.mentions.len()).find(|&l| {
            let m = &self.found.mentions[l];
            let edge = if at_start { m.tokens.start } else { m.tokens.end };
            let form_ok = m.form == Form::Name || demonym && m.form == Form::Demonym;
            edge == k && form_ok && matches!(m.cue, Cue::State(_) | Cue::Place { .. })
        })
    }

    fn located(&self, subject: usize, place: usize, trigger: usize) -> RoleFact {
        let relation = match (self.found.mentions[subject].kind, &self.found.mentions[place].cue) {
            (EntityKind::Person, Cue::State(_)) => Role::NationalOf,
            _ => Role::LocatedIn,
        };
        RoleFact { person: subject, relation, state: place, trigger: self.span(trigger..trigger + 1) }
    }

    /// Where the company named at mention `o` is: "Japanese car maker X",
    /// "Seattle-based X", "X, the German bank", "X of Tehran", "X in Boston".
    fn company_home(&self, first: usize, o: usize) -> Option<RoleFact> {
        let tokens = self.found.mentions[o].tokens.clone();
        // Before the name: a company noun right before it, or "-based", past up to four words.
        let mut k = tokens.start;
        let noun_before = k > 0 && self.lexicon.lists.company_descriptor.contains(self.word(k - 1));
        while k > 0 && tokens.start - k < 4 && self.is_lower_word_or_hyphen(k - 1) {
            k -= 1;
        }
        let based = self.word(k) == "-" && self.word(k + 1) == "based";
        if (noun_before || based) && k < tokens.start {
            let trigger = if based { k + 1 } else { tokens.start - 1 };
            if let Some(place) = self.location_at(first, k, false, true) {
                return Some(self.located(o, place, trigger));
            }
        }
        // "South Korea's Hyundai Motor", "Spain's High Court".
        // Not a modifier: "Britain's EU commissioners", "Iraq's Trade Minister".
        let head = self.found.mentions[o].head && self.title(tokens.end).is_none();
        if head && tokens.start > 1 && self.tokens[tokens.start - 1].kind == TokenKind::Possessive {
            let owner = self.location_at(first, tokens.start - 1, false, false);
            if let Some(place) = owner.filter(|&l| matches!(self.found.mentions[l].cue, Cue::State(_))) {
                return Some(self.located(o, place, tokens.start - 1));
            }
        }
        let end = tokens.end;
        // After it: ", the German bank", ", a Hong Kong construction firm".
        if self.word(end) == "," && matches!(self.word(end + 1), "a" | "an" | "the") {
            let place = self.location_at(first, end + 2, true, true)?;
            let after = self.found.mentions[place].tokens.end;
            let noun = (after..after + 4)
                .take_while(|&j| self.is_lower_word_or_hyphen(j))
                .find(|&j| self.lexicon.lists.company_descriptor.contains(self.word(j)))?;
            return Some(self.located(o, place, noun));
        }
        // "the United Bus Company of Tehran", "an analyst at Goodbody Stockbrokers
        // in Dublin". A one-word name before "of" is a name cut short ("Bank" of
        // "Bank of England"). "in" says where the company is only after "at" ("at
        // X in Dublin"; "speaking to X in New York" says where the speaker was),
        // and only of a city or region of a known state ("the Tories in Europe").
        let of = self.word(end) == "of" && tokens.len() >= 2;
        let at = tokens.start > 0 && self.word(tokens.start - 1) == "at"
            || tokens.start > 1 && self.word(tokens.start - 1) == "the" && self.word(tokens.start - 2) == "at";
        if of || at && self.word(end) == "in" {
            let place = self.location_at(first, end + 1, true, false)?;
            let m = &self.found.mentions[place];
            let city = matches!(m.cue, Cue::Place { state: Some(_), .. });
            return ((of || city) && !self.followed_by_possessive(m.tokens.end)).then(|| self.located(o, place, end));
        }
        if self.word(end) == "in" { self.company_in_place(first, o) } else { None }
    }

    /// "the Centers for Disease Control in Atlanta", "McGill University in
    /// Montreal": a company named before "in" and a place (or "in the"
    /// and up to two lower-case words: "in nearby Rockville") is there
    /// (CoNLL04 train: 28 of the 36 such pairs are OrgBased_In). Not after a
    /// word of speaking ("told Reuters in London", "speaking to X in New
    /// York": where the speaker was).
    fn company_in_place(&self, first: usize, o: usize) -> Option<RoleFact> {
        let tokens = &self.found.mentions[o].tokens;
        let mut before = tokens.start;
        if before > 0 && self.word(before - 1) == "the" {
            before -= 1;
        }
        let speech = |k: usize| {
            let word = self.word(k);
            self.is(k, &self.lexicon.words.speech)
                || word.eq_ignore_ascii_case("speaking")
                || word.eq_ignore_ascii_case("talking")
        };
        if before > 0 && speech(before - 1) || before > 1 && self.word(before - 1) == "to" && speech(before - 2) {
            return None;
        }
        let place = self.place_after_modifiers(first, tokens.end + 1)?;
        // The place ends a phrase: punctuation, a grammar word or a word of
        // saying follows, as in 27 of the 28 CoNLL04 train cases (not a noun:
        // the headline "Acme in Tolbury link talks").
        let after = self.found.mentions[place].tokens.end;
        let ends = after == self.tokens.len()
            || self.tokens[after].kind == TokenKind::Punct
            || self.is_grammar(self.word(after))
            || self.is(after, &self.lexicon.words.speech);
        // A city or region of a known state, not a state or a continent
        // ("the Tories in Europe", "GM in Australia": where they act).
        let city = matches!(self.found.mentions[place].cue, Cue::Place { state: Some(_), .. });
        (ends && city).then(|| self.located(o, place, tokens.end))
    }

    /// Where the person named at mention `p` lives or comes from: "NAME of
    /// PLACE", "NAME, 34, of|from PLACE", "NAME, a resident|native of PLACE".
    fn residence(&self, first: usize, p: usize) -> Option<RoleFact> {
        let end = self.found.mentions[p].tokens.end;
        let mut k = end;
        // "Thomas is a native of Chisholm".
        let native = |k: usize| matches!(self.word(k), "a" | "an") && matches!(self.word(k + 1), "resident" | "native");
        if matches!(self.word(k), "is" | "was") && native(k + 1) {
            k += 3;
        } else if self.word(k) == "," {
            k += 1;
            let age = self.age_at(k);
            let resident = native(k);
            if !age && !resident {
                return None;
            }
            k += 2;
        }
        let from = k > end && self.word(k) == "from";
        if self.word(k) != "of" && !from {
            return None;
        }
        let person = &self.found.mentions[p];
        // "Lord Callaghan of Cardiff" names a peerage, not a home (BBC dev corpus: six such lords).
        let peer = (person.phrase_start.min(person.tokens.start)..=person.tokens.start)
            .any(|i| PEERAGE.contains(&self.word(i)));
        let place = self.location_at(first, k + 1, true, false).filter(|_| !peer)?;
        // "Claudia Mo of the Civic Party" is a membership; "of Bethany, Conn." ends at a comma or the sentence.
        let after = self.found.mentions[place].tokens.end;
        let closes = after == self.tokens.len() || matches!(self.word(after), "," | "." | ";" | ")");
        // A full name may go on with a verb or a preposition when the place
        // ends the name ("of New York's Mount Sinai" is a hospital): CoNLL04
        // train, 6 of the 15 Live_In "PERSON of PLACE" ("Bill Clinton of
        // Arkansas said"). A one-word name is too often a name's first word
        // ("Bill of Rights", "Axis of Evil": BBC dev corpus).
        let goes_on = person.tokens.len() >= 2 && !self.followed_by_possessive(after) && !self.is_capitalized(after);
        (closes || goes_on).then(|| self.located(p, place, k))
    }

    /// "Bethany, Conn.", "Basra, Iraq", "the plant, in Aiken": the place at
    /// mention `q` is in the place or state after the comma, unless the two
    /// are items of a list ("Paris, London and Berlin").
    fn place_in_place(&self, first: usize, q: usize) -> Option<RoleFact> {
        let tokens = self.found.mentions[q].tokens.clone();
        if self.word(tokens.end) != "," {
            return self.place_in_named_place(first, q);
        }
        let k = if self.word(tokens.end + 1) == "in" { tokens.end + 2 } else { tokens.end + 1 };
        let outer = self.location_at(first, k, true, false)?;
        let after = self.found.mentions[outer].tokens.end;
        let next = self.word(after);
        // "the Savannah River Plant, in Aiken, S.C.,": a chain of places ends in a US state.
        let chain = next == "," && self.us_state_at(after + 1).is_some();
        let listed_after = matches!(next, "and" | "or")
            || next == "," && !chain && self.location_at(first, after + 1, true, false).is_some();
        let listed_before = tokens.start > 0
            && matches!(self.word(tokens.start - 1), "," | "and")
            && self.location_at(first, tokens.start - 1, false, false).is_some();
        // The larger place closes the phrase; after a comma a capital would continue a list.
        let closes = after == self.tokens.len()
            || chain
            || matches!(next, "." | ";" | ")")
            || next == "," && (after + 1 == self.tokens.len() || self.is_lower(after + 1));
        (closes && !listed_after && !listed_before).then(|| self.located(q, outer, tokens.end))
    }

    /// "Dan Sai District in Loei Province", "the Custer Forest in central
    /// Montana", "Mount Tabor in the northern Galilee": a place named right
    /// before "in", "the" and up to two lower-case words and a place or state
    /// is in it (CoNLL04 train: 28 of the 30 such pairs are Located_In).
    fn place_in_named_place(&self, first: usize, q: usize) -> Option<RoleFact> {
        let end = self.found.mentions[q].tokens.end;
        if self.word(end) != "in" {
            return None;
        }
        let outer = self.place_after_modifiers(first, end + 1)?;
        // "in Moscow's Basmanny court": the court's place, not this one's.
        let after = self.found.mentions[outer].tokens.end;
        (!self.followed_by_possessive(after) && !self.is_capitalized(after)).then(|| self.located(q, outer, end))
    }

    /// The place named from token `k` on past an optional "the" and up to
    /// two lower-case words ("the northern Galilee", "central Montana").
    fn place_after_modifiers(&self, first: usize, mut k: usize) -> Option<usize> {
        if self.word(k) == "the" {
            k += 1;
        }
        let start = k;
        while k < start + 2 && self.is_lower(k) && !self.is_grammar(self.word(k)) {
            k += 1;
        }
        self.location_at(first, k, true, false)
    }

    fn is_lower(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word) && self.word(k).starts_with(char::is_lowercase)
    }

    /// A lower-case content word ("car", "construction") or a hyphen ("Seattle-based").
    /// Trigger words count: "car" starts the trigger "car bomb".
    fn is_lower_word_or_hyphen(&self, k: usize) -> bool {
        self.word(k) == "-"
            || self.is_lower(k) && !self.is_grammar(self.word(k)) && !self.is(k, &self.lexicon.words.verb)
    }
}
