//! Titled names: "President Joe Biden", "King Hassan of Morocco", and a
//! title standing for its holder ("Taiwan's Vice Foreign Minister").

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form, RoleFact, TitleOpening, UnplacedTitle};
use crate::extract::lexicon::{GazTarget, TitleEntry, TitleKind};
use crate::extract::vocabulary::Role;
use crate::extract::vocabulary::StateId;
use crate::text::TokenKind;

/// A titled person's mention and what the title places them in.
struct Held {
    person: usize,
    /// The organization named after the title ("CEO of the Refugee Council").
    employer: Option<usize>,
    /// The state the title is of ("US President", "King Hassan of Morocco").
    state: Option<usize>,
    /// Whether the title names where it is posted to ("ambassador to the United States").
    posted: bool,
    /// "deputy" or "vice" before the title: the holder is second in line.
    deputy: bool,
    /// What stands before the title.
    opening: TitleOpening,
}

impl Scan<'_> {
    /// Title + name: "President Joe Biden", "ambassador to the United States Anatoly Antanov".
    pub(super) fn title_and_name(&mut self, i: usize) -> Option<usize> {
        if self.all_caps {
            return None;
        }
        let (title_end, entry) = self.chained_title(i)?;
        let title = &self.lexicon.title_entries[entry];
        // "Montenegro's prime minister has been indicted": a role noun after a possessive state.
        if title.kind == TitleKind::Nominal
            && let Some(state) = self.role_state
            && self.found.mentions[state].tokens.end + 1 == i
            && self.followed_by_possessive(self.found.mentions[state].tokens.end)
            && self.name_run(title_end).is_none()
        {
            let relation = title.role;
            return Some(self.push_holder(state, title_end, relation));
        }
        // "Federal Reserve chairman Alan Greenspan", "French president Jacques Chirac":
        // an organization or a state before a role noun makes it a title.
        let org_before = if title.kind == TitleKind::Honorific { None } else { self.organization_before(i) };
        let qualified = self.role_state.is_some() || org_before.is_some();
        let nominal_title = title.kind == TitleKind::Nominal && qualified && self.name_run(title_end).is_some();
        if !matches!(title.kind, TitleKind::Title | TitleKind::Honorific) && !nominal_title {
            return None;
        }
        let posted_to = self.posted_to(title_end);
        let j = posted_to.as_ref().map_or(title_end, |(tokens, _)| tokens.end);
        let employer = self.employer_after_title(j);
        let j = employer.as_ref().map_or(j, |tokens| tokens.end);
        let Some((name_end, person)) = self.name_run(j) else {
            // "Taiwan's Vice Foreign Minister visited ...": the title stands for its holder.
            let state = self.role_state.filter(|_| title.kind == TitleKind::Title && posted_to.is_none())?;
            let relation = title.role;
            return Some(self.push_holder(state, title_end, relation));
        };
        let role_state = self.role_state.take();
        let employer_named_after = employer.map(|tokens| {
            let name = self.text[self.span(tokens.clone())].to_string();
            self.push(
                tokens,
                EntityKind::Organization,
                Form::Name,
                false,
                Cue::Org { name, lexicon: None, state: None },
            )
        });
        let employer = employer_named_after.or(org_before);
        if let Some((tokens, state)) = &posted_to {
            self.push(tokens.clone(), EntityKind::State, Form::Name, false, Cue::State(*state));
        }
        // "King Hassan of Morocco": the title's state after the name.
        let state_after =
            if role_state.is_none() && title.role.is_some() { self.state_after_name(name_end) } else { None };
        let scanned_to = state_after.map_or(name_end, |(_, end)| end);
        let role_state = role_state.or(state_after.map(|(mention, _)| mention));
        let name = self.text[self.span(j..name_end)].to_string();
        let person_mention = self.push(
            j..name_end,
            EntityKind::Person,
            Form::Name,
            !self.is_modifier(name_end),
            Cue::Person { name, lexicon: person },
        );
        let phrase_start = role_state.map_or(i, |s| self.found.mentions[s].tokens.start.min(i));
        self.found.mentions[person_mention].phrase_start = phrase_start;
        // "deputy prime minister", and "Deputy Prime Minister" read as two titles.
        let second_in_line =
            |k: usize| ["deputy", "vice", "assistant"].iter().any(|d| d.eq_ignore_ascii_case(self.word(k)));
        let deputy = i > 0 && second_in_line(i - 1) || second_in_line(i) && title_end > i + 1;
        let opening = self.title_opening(i);
        let held =
            Held { person: person_mention, employer, state: role_state, posted: posted_to.is_some(), deputy, opening };
        self.push_title_roles(title, held, self.span(i..title_end));
        Some(scanned_to)
    }

    /// The titles that start at `i`, one after another ("Justice Minister",
    /// "Lt. Gen.", "Det Ch Supt"): where the last ends, and the entry that
    /// speaks for them, the last with a role or else the first. A title
    /// followed by another is no name ("Minister Kenny MacAskill" was one).
    fn chained_title(&self, i: usize) -> Option<(usize, usize)> {
        let (mut end, first) = self.title(i)?;
        let mut entry = first;
        let is_name_title =
            |e: usize| matches!(self.lexicon.title_entries[e].kind, TitleKind::Title | TitleKind::Honorific);
        if !is_name_title(first) {
            return Some((end, first));
        }
        while let Some((next_end, next)) = self.title(end).filter(|&(_, e)| is_name_title(e)) {
            if self.lexicon.title_entries[next].role.is_some() || self.lexicon.title_entries[entry].role.is_none() {
                entry = next;
            }
            end = next_end;
        }
        if self.lexicon.title_entries[entry].role.is_none() {
            entry = first;
        }
        Some((end, entry))
    }

    /// "ambassador to the United States": the state the title ending at `j` is posted to, and its tokens.
    fn posted_to(&self, j: usize) -> Option<(Range<usize>, StateId)> {
        if self.word(j) != "to" {
            return None;
        }
        let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
        match self.gaz(k) {
            Some((end, GazTarget::StateName(state))) => Some((k..end, state)),
            _ => None,
        }
    }

    /// "CEO of the Refugee Council Enver Solomon": the tokens of the organization
    /// named after the title ending at `j`, when a name still follows it.
    fn employer_after_title(&self, j: usize) -> Option<Range<usize>> {
        if self.word(j) != "of" {
            return None;
        }
        let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
        let mut e = k;
        while self.is_name_word(e) && self.gaz(e).is_none() {
            e += 1;
        }
        let h = (k..e).rev().find(|&h| self.is(h, &self.lexicon.words.org_head))?;
        (h + 2 <= e).then_some(k..h + 1)
    }

    /// "King Hassan of Morocco": pushes the state named after "of" at `name_end`;
    /// returns its mention and end token.
    fn state_after_name(&mut self, name_end: usize) -> Option<(usize, usize)> {
        if self.word(name_end) != "of" {
            return None;
        }
        let (end, target) = self.gaz(name_end + 1)?;
        let GazTarget::StateName(state) = target else { return None };
        Some((self.push(name_end + 1..end, EntityKind::State, Form::Name, false, Cue::State(state)), end))
    }

    /// The roles a title states of the person holding it: in the organization
    /// named after the title, in the state, and an ambassador's posting.
    fn push_title_roles(&mut self, title: &TitleEntry, held: Held, trigger: Range<usize>) {
        let Held { person, employer, state, posted, deputy, opening } = held;
        let role = title.role.map(|r| if deputy { r.of_deputy() } else { r });
        if let Some(org) = employer {
            let relation = role.unwrap_or(Role::MemberOf);
            self.found.roles.push(RoleFact { person, relation, state: org, trigger: trigger.clone() });
        }
        // "British Commander Colonel Bob Stewart", "US Senator X": a state before a
        // title that names no role is the holder's own.
        let Some(relation) = role else {
            // Not "Tanzania Mr Brown" (an honorific qualifies nothing), nor a
            // name inside another ("Tehran's Imam Khomeini Airport").
            let holds = title.kind != TitleKind::Honorific && self.found.mentions[person].head;
            if let Some(state) = state.filter(|_| holds) {
                self.found.roles.push(RoleFact { person, relation: Role::NationalOf, state, trigger });
            }
            return;
        };
        if let Some(state) = state
            && let Some(relation) = relation.toward_state()
        {
            self.found.roles.push(RoleFact { person, relation, state, trigger: trigger.clone() });
        }
        if state.is_none() && employer.is_none() && !posted {
            // A deputy's role is rewritten (`Role::of_deputy`): which body it is of, only the sentence says.
            let opening = if deputy { TitleOpening::Qualified } else { opening };
            self.found.unplaced_titles.push(UnplacedTitle { person, relation, trigger: trigger.clone(), opening });
        }
        if posted && relation == Role::AmbassadorOf {
            // The posted-to state was pushed just before the person's mention.
            let state = self.found.mentions.len() - 2;
            self.found.roles.push(RoleFact { person, relation: Role::AmbassadorTo, state, trigger });
        }
    }

    /// A title with no name after it, standing for whoever holds it in the
    /// state mentioned just before ("Taiwan's Vice Foreign Minister"). Returns the end token.
    fn push_holder(&mut self, state: usize, title_end: usize, relation: Option<Role>) -> usize {
        self.role_state = None;
        let cue = Cue::Role { relation, state: Some(state), possessive_pronoun: false, asserts: true };
        let start = self.found.mentions[state].tokens.start;
        let head = !self.is_modifier(title_end);
        self.push(start..title_end, EntityKind::Person, Form::Nominal, head, cue);
        title_end
    }

    /// "British Defence Secretary", "Nigerian junior foreign minister": a
    /// pending state still qualifies a title a few words on, past capitals,
    /// determiners and title words; any other word drops it.
    pub(super) fn carry_role_state_over(&mut self, i: usize) {
        // Only a pending state needs the test (most words have none).
        if self.role_state.is_some() && self.tokens[i].kind == TokenKind::Word {
            let word = self.word(i);
            let lists = &self.lexicon.lists;
            let keeps = self.is_capitalized(i) || lists.determiner.contains(word) || lists.title_word.contains(word);
            if !keeps {
                self.role_state = None;
            }
        }
    }
}
