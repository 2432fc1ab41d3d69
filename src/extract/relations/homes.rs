//! Where a company or a person belongs, said by a modifier, not a verb,
//! read on the resolved mentions (so that names typed late, by the tagger or
//! by cue words, count as well as the ones the mention scan typed):
//! - a state or place and descriptor nouns before a name: "French car maker
//!   Peugeot", "the British bank Abbey National" (a company noun among the
//!   words), "dissident Soviet historian X", "Atlanta businessman X" (a
//!   person noun before the name), "Illinois Gov. X" (a title);
//! - a possessive state and a company noun in an apposition: "Spain's most
//!   powerful bank, Santander", "Tesco, Britain's biggest retailer";
//! - a state that opens the name: "U.S. Congress", "China Construction Bank";
//! - after a name, "X, the German bank", "X, a Republican from Chicago",
//!   "X, the New York attorney",
//!   "X, which is based in London".
//!
//! A company is `located_in` the place or state, a person `national_of` a
//! state and `located_in` a place (where they live or work: the CoNLL04
//! Live_In of "Atlanta businessman X"), or is an official there ("Illinois
//! Gov. X": a governor's or mayor's role, `official_of`). BBC
//! dev corpus: a demonym, company nouns and a name over a hundred times
//! ("German investment bank Deutsche Bank", "US business tycoon Malcolm Glazer").

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Form, Mention};
use crate::extract::lexicon::TitleKind;
use crate::extract::vocabulary::Role;
use crate::text::TokenKind;

/// A home stated by a modifier: who or what, the role, the word that says it, where.
pub(super) struct Home {
    pub(super) subject: Argument,
    pub(super) role: Role,
    pub(super) word: usize,
    pub(super) place: Argument,
}

/// Lower-case words passed over between a place and the name it modifies
/// ("copper company", "teacher union leader").
const MODIFIER_WORDS: usize = 3;

impl<'a> Frame<'a> {
    /// The homes the sentence's modifiers and appositions state.
    pub(super) fn homes(&self) -> Vec<Home> {
        let mut found = Vec::new();
        // Most sentences name no state or place: nothing to ask.
        if !self.mentions.iter().any(|m| is_locator(m)) {
            return found;
        }
        for m in &self.mentions {
            if m.form != Form::Name || m.entity.is_none() || !m.head {
                continue;
            }
            let home = match m.kind {
                EntityKind::Organization => self
                    .state_in_name(m)
                    .or_else(|| self.company_modifier(m))
                    .or_else(|| self.company_apposition(m))
                    .or_else(|| self.based_in(m)),
                EntityKind::Person => self
                    .person_modifier(m)
                    .or_else(|| self.person_from(m))
                    .or_else(|| self.person_described_after(m))
                    .or_else(|| self.based_in(m)),
                _ => None,
            };
            found.extend(home);
        }
        found
    }

    /// A state (by name or demonym) or a place by name whose mention ends at
    /// token `end` (or starts there, when `at_start`) and lies inside no
    /// other mention ("England" of "Bank of England governor X" places no one).
    fn locator(&self, k: usize, at_start: bool) -> Option<&&'a Mention> {
        let l = self.mentions.iter().find(|m| {
            is_locator(m) && if at_start { m.tokens.start == k } else { m.tokens.end == k && m.tokens.start < k }
        })?;
        // A description may hold it ("Atlanta businessman" is a group), a name may not.
        let inside = self.mentions.iter().any(|o| {
            !std::ptr::eq(*o, *l)
                && o.form == Form::Name
                && o.tokens.start <= l.tokens.start
                && o.tokens.end >= l.tokens.end
                && o.tokens.len() > l.tokens.len()
        });
        // Not "pro-Beijing", "anti-Kremlin".
        let s = l.tokens.start;
        let pro_or_anti =
            s >= 2 && self.word(s - 1) == "-" && matches!(self.lower(s - 2).as_str(), "pro" | "anti" | "non");
        (!inside && !pro_or_anti).then_some(l)
    }

    /// A lower-case word that can describe a name: no grammar word, verb,
    /// word of saying or past form. Trigger words count ("car" starts "car bomb").
    fn is_descriptive(&self, i: usize) -> bool {
        let Some(token) = self.sentence.tokens.get(i) else { return false };
        let word = self.word(i);
        let lists = &self.lexicon.lists;
        token.kind == TokenKind::Word
            && word.starts_with(char::is_lowercase)
            && !lists.grammar.contains(word)
            && !word.ends_with("ed")
            && !self.classes.is(i, &self.lexicon.words.verb)
            && !self.classes.is(i, &self.lexicon.words.speech)
            && !self.classes.is(i, &self.lexicon.words.clause)
            && !lists.topic_noun.contains(word)
            && !lists.economic_noun.contains(word)
    }

    /// The first token of the run of descriptive words (at most
    /// [`MODIFIER_WORDS`]) that ends right before token `end`.
    /// A hyphen between two such words joins them ("third-largest").
    fn descriptor_run_start(&self, end: usize) -> usize {
        let (mut k, mut words) = (end, 0);
        while k > 0 && words < MODIFIER_WORDS {
            if self.is_descriptive(k - 1) {
                words += 1;
                k -= 1;
            } else if k >= 2 && k < end && self.word(k - 1) == "-" && self.is_descriptive(k - 2) {
                k -= 1;
            } else {
                break;
            }
        }
        k
    }

    fn is_company_noun(&self, i: usize) -> bool {
        let lists = &self.lexicon.lists;
        lists.company_descriptor.contains(self.word(i)) || lists.company_noun.contains(self.word(i))
    }

    /// "U.S. Congress", "China Construction Bank": the state mention that
    /// opens the name (`mentions/org_states.rs`); the name after it is the
    /// organization's span ("Congress", as CoNLL04 marks it).
    fn state_in_name(&self, m: &Mention) -> Option<Home> {
        let state = self.mentions.iter().find(|s| {
            s.kind == EntityKind::State
                && !s.head
                && s.entity.is_some()
                && s.tokens.start == m.tokens.start
                && s.tokens.end < m.tokens.end
        })?;
        let rest = self.sentence.tokens[state.tokens.end].start..m.span.end;
        Some(Home {
            subject: (m.entity?, rest),
            role: Role::LocatedIn,
            word: state.tokens.end - 1,
            place: (state.entity?, state.span.clone()),
        })
    }

    /// "French car maker Peugeot", "the British bank Abbey National", "US
    /// phone firm MCI": a company noun right before the name; "France's
    /// Pernod Ricard": a state's possessive (BBC dev corpus: over twenty
    /// "Japan's Nippon Steel", "Israel's Teva Pharmaceuticals").
    fn company_modifier(&self, m: &Mention) -> Option<Home> {
        let start = m.tokens.start;
        let possessive = start.checked_sub(1).filter(|&p| self.sentence.tokens[p].kind == TokenKind::Possessive);
        // Not a title's body: "Iraq's Trade Minister X".
        if let Some(p) = possessive.filter(|_| !self.starts_title(m.tokens.end)) {
            let state = self.locator(p, false).filter(|l| l.kind == EntityKind::State && l.form == Form::Name)?;
            return Some(self.home(m, Role::LocatedIn, p, state));
        }
        // The noun right before the name: "Indian oil firm eyes Yukos" places no Yukos.
        let noun = start.checked_sub(1).filter(|&n| self.is_company_noun(n))?;
        let k = self.descriptor_run_start(start);
        let place = self.locator(k, false)?;
        Some(self.home(m, Role::LocatedIn, noun, place))
    }

    /// "Santander, the Spanish bank", "MCI, a US phone firm", "Tesco,
    /// Britain's biggest retailer", and the other way round: "Spain's most
    /// powerful bank, Santander". The apposition ends at a comma, a full stop or the sentence.
    fn company_apposition(&self, m: &Mention) -> Option<Home> {
        self.company_described_after(m).or_else(|| self.company_described_before(m))
    }

    /// "Santander, the Spanish bank", "Tesco, Britain's biggest retailer".
    fn company_described_after(&self, m: &Mention) -> Option<Home> {
        let end = m.tokens.end;
        if self.word(end) != "," {
            return None;
        }
        let mut j = end + 1;
        if matches!(self.lower(j).as_str(), "the" | "a" | "an") {
            j += 1;
        }
        let place = self.locator(j, true)?;
        let mut after = place.tokens.end;
        if self.sentence.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Possessive) {
            after += 1;
        }
        let words = (after..after + MODIFIER_WORDS + 1).take_while(|&i| self.is_descriptive(i)).last()?;
        let closes = matches!(self.word(words + 1), "," | "." | ";" | "") || words + 1 == self.sentence.tokens.len();
        (closes && self.is_company_noun(words)).then(|| self.home(m, Role::LocatedIn, words, place))
    }

    /// "Spain's most powerful bank, Santander": possessive, words, company noun, comma, name.
    fn company_described_before(&self, m: &Mention) -> Option<Home> {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let comma = match start.checked_sub(1) {
            Some(c) if self.word(c) == "," => c,
            Some(c) if c >= 1 && self.lower(c) == "the" && self.word(c - 1) == "," => c - 1,
            _ => return None,
        };
        let noun = comma.checked_sub(1).filter(|&n| self.is_company_noun(n) && self.is_descriptive(n))?;
        let k = self.descriptor_run_start(noun + 1);
        let possessive = k.checked_sub(1)?;
        if self.sentence.tokens[possessive].kind != TokenKind::Possessive {
            return None;
        }
        let place = self.locator(possessive, false)?;
        let closes = matches!(self.word(end), "," | "." | ";" | "") || self.classes.is(end, &self.lexicon.words.speech);
        closes.then(|| self.home(m, Role::LocatedIn, noun, place))
    }

    /// "dissident Soviet historian X" (a state: nationality), "Atlanta
    /// businessman X" (a place: a person noun before the name), "Illinois
    /// Gov. X" (a place before an office's title: `official_of`).
    fn person_modifier(&self, m: &Mention) -> Option<Home> {
        let start = m.phrase_start.min(m.tokens.start);
        if start < m.tokens.start {
            // A titled name: a place right before an office's title ("Illinois Gov.",
            // "London Mayor"). Not a state's minister named for a region ("Europe
            // minister", "Northern Ireland Secretary"), nor "N.M. Ms. Calico".
            let place = self.locator(start, false).filter(|p| p.kind == EntityKind::Place)?;
            let role = self.title_role(start).filter(|&r| r == Role::OfficialOf)?;
            return Some(self.home(m, role, start, place));
        }
        let k = self.descriptor_run_start(start);
        if k == start {
            return None;
        }
        let place = self.locator(k, false)?;
        let noun = start - 1;
        // "US wine maker Robert Mondavi": a company read as a person.
        if self.is_company_noun(noun) {
            return None;
        }
        // A trigger word before a name is a verb unless it names a person: "Iraq warns Bush".
        if self.classes.may_start_trigger(noun) && !self.is_person_noun(noun) {
            return None;
        }
        if place.kind == EntityKind::State {
            return Some(self.home(m, Role::NationalOf, noun, place));
        }
        self.is_person_noun(noun).then(|| self.home(m, Role::LocatedIn, noun, place))
    }

    /// The role toward a place of the title at token `at`, if it has one.
    fn title_role(&self, at: usize) -> Option<Role> {
        let mut entry = None;
        self.lexicon.titles.for_each_match_from(self.text, &self.sentence.tokens, at, |_, id| entry = Some(id));
        let title = &self.lexicon.title_entries[entry?];
        (title.kind != TitleKind::Honorific).then_some(title.role?.toward_state()?)
    }

    /// A title of the lexicon starts at token `at`.
    fn starts_title(&self, at: usize) -> bool {
        let mut found = false;
        if at < self.sentence.tokens.len() {
            self.lexicon.titles.for_each_match_from(self.text, &self.sentence.tokens, at, |_, _| found = true);
        }
        found
    }

    /// A noun for a person ("businessman", "teacher", "historian",
    /// "diver", "resident"): an agent's ending, a group noun or a role noun.
    fn is_person_noun(&self, i: usize) -> bool {
        let word = self.word(i);
        let agent = ["er", "or", "ist", "ian", "man", "woman", "ent", "ant"].iter().any(|end| word.ends_with(end))
            && !word.ends_with("ment");
        agent || self.classes.is(i, &self.lexicon.words.group_noun) || self.title_role(i).is_some()
    }

    /// "X, a Republican from Chicago", "X, an engineer from Leeds,": one or
    /// two words, "from", a place or state that ends the apposition.
    fn person_from(&self, m: &Mention) -> Option<Home> {
        let end = m.tokens.end;
        if self.word(end) != "," || !matches!(self.lower(end + 1).as_str(), "a" | "an") {
            return None;
        }
        let from = (end + 3..end + 5).find(|&i| self.word(i) == "from")?;
        let words_ok = (end + 2..from).all(|i| {
            self.sentence.tokens[i].kind == TokenKind::Word
                && !self.lexicon.lists.grammar.contains(self.word(i))
                && !self.classes.is(i, &self.lexicon.words.verb)
        });
        let place = self.locator(from + 1, true)?;
        let after = place.tokens.end;
        let closes = matches!(self.word(after), "," | "." | ";" | ")" | "") || self.is_boundary_word(after);
        let role = if place.kind == EntityKind::State { Role::NationalOf } else { Role::LocatedIn };
        (words_ok && closes).then(|| self.home(m, role, from, place))
    }

    /// "HSBC, which is based in London", "the Gurkha Rifles, based in
    /// Brunei", "Mr Nevzlin is currently based in Israel", "Acme,
    /// headquartered in Boston", "NRC headquarters in nearby Rockville"
    /// (BBC dev corpus: ten "based in" a place).
    fn based_in(&self, m: &Mention) -> Option<Home> {
        let mut k = m.tokens.end;
        if self.word(k) == "," {
            k += 1;
        }
        if matches!(self.lower(k).as_str(), "which" | "who") {
            k += 1;
        }
        if matches!(self.word(k), "is" | "are" | "was" | "were") {
            k += 1;
        }
        // "currently", "now", "largely".
        if self.word(k).ends_with("ly") || self.word(k) == "now" {
            k += 1;
        }
        let based = matches!(self.word(k), "based" | "headquartered")
            || m.kind == EntityKind::Organization && k == m.tokens.end && self.word(k) == "headquarters";
        if !based || !matches!(self.word(k + 1), "in" | "at") {
            return None;
        }
        let at = if self.word(k + 2) == "nearby" { k + 3 } else { k + 2 };
        let place = self.locator(at, true)?;
        Some(Home {
            subject: (m.entity?, m.span.clone()),
            role: Role::LocatedIn,
            word: k,
            place: (place.entity?, place.span.clone()),
        })
    }

    /// "X, the New York attorney representing Y,", "X, a Memphis native,",
    /// "X, the Birmingham woman who ...": a place, then words ending in a
    /// person noun, closing the apposition.
    fn person_described_after(&self, m: &Mention) -> Option<Home> {
        let end = m.tokens.end;
        if self.word(end) != "," || !matches!(self.lower(end + 1).as_str(), "the" | "a" | "an") {
            return None;
        }
        let place = self.locator(end + 2, true)?;
        let after = place.tokens.end;
        let noun = (after..after + MODIFIER_WORDS).take_while(|&i| self.is_descriptive(i)).last()?;
        let next = noun + 1;
        let closes = matches!(self.word(next), "," | "." | ";" | "")
            || self.is_boundary_word(next)
            || self.word(next).ends_with("ing");
        let person_noun = self.is_person_noun(noun) || self.word(noun) == "native";
        (closes && person_noun && !self.is_company_noun(noun)).then(|| self.home(m, Role::LocatedIn, noun, place))
    }

    /// "who", "which": a relative clause closes the apposition ("a Republican from Chicago who served ...").
    fn is_boundary_word(&self, i: usize) -> bool {
        i < self.sentence.tokens.len() && self.classes.is(i, &self.lexicon.words.clause)
    }

    fn home(&self, subject: &Mention, role: Role, word: usize, place: &Mention) -> Home {
        let role = match (role, place.kind) {
            (Role::NationalOf, EntityKind::Place) => Role::LocatedIn,
            (Role::LocatedIn, EntityKind::State) if subject.kind == EntityKind::Person => Role::NationalOf,
            _ => role,
        };
        Home {
            subject: (subject.entity.expect("a home's subject is resolved"), subject.span.clone()),
            role,
            word,
            place: (place.entity.expect("a locator is resolved"), place.span.clone()),
        }
    }
}

/// A state by name or demonym, or a place by name, resolved.
fn is_locator(m: &Mention) -> bool {
    m.entity.is_some()
        && match m.kind {
            EntityKind::State => matches!(m.form, Form::Name | Form::Demonym),
            EntityKind::Place => m.form == Form::Name,
            _ => false,
        }
}
