//! Descriptions: "the Russian President", "the 15-page report by ...",
//! "the Russian side", "our country".

use std::ops::Range;

use super::scan::Scan;
use crate::extract::extraction::{Cue, EntityKind, Form};
use crate::extract::lexicon::{GazTarget, TitleKind};
use crate::extract::vocabulary::StateId;
use crate::text::TokenKind;

/// The state a description names among its modifiers: its tokens, the state,
/// and whether by name or by demonym ("the Russian President").
type DescribedState = (Range<usize>, StateId, Form);

impl Scan<'_> {
    /// Descriptions: "the Russian President", "his Russian counterpart",
    /// "the 15-page report by ...", "the Russian side", "our country".
    pub(super) fn description(&mut self, i: usize) -> Option<usize> {
        // Only a determiner or a state's name or demonym can open a description;
        // most tokens leave here without a lookup.
        let determiner = self.classes.is_determiner(i);
        let state_first = matches!(self.gaz(i), Some((_, GazTarget::StateName(_) | GazTarget::StateDemonym(_))));
        if !determiner && !state_first {
            return None;
        }
        let speaker = self.match_len(&self.lexicon.words.speaker_state, i);
        if speaker > 0 {
            let end = i + speaker;
            self.push(i..end, EntityKind::State, Form::Nominal, true, Cue::SpeakerState);
            return Some(end);
        }
        let (j, state) = self.description_modifiers(i, determiner);
        if !determiner && state.is_none() {
            return None;
        }
        // A role noun or title standing for its holder.
        if let Some(title) = self.title(j) {
            return self.role_description(i, j, title, determiner, state);
        }
        if j == i + 1
            && state.is_none()
            && let Some(end) = self.bare_government(i)
        {
            return Some(end);
        }
        let report_len = self.match_len(&self.lexicon.words.report_noun, j);
        if report_len > 0 && determiner {
            return Some(self.report_description(i, j + report_len, state));
        }
        // "the Russian side": a state through its demonym; "Iraqi riot police",
        // "Iraqi clerics": its people, by the generic actors of agents.tsv.
        if let Some((tokens, s, form)) = state.clone()
            && (determiner || j > i)
            && let Some(end) = self
                .agent_group_at(j)
                .map(|(end, _)| end)
                .or_else(|| self.is(j, &self.lexicon.words.state_noun).then_some(j + 1))
        {
            // The name itself stays a name mention ("Ivory Coast" in "Ivory Coast rebels").
            if form == Form::Name {
                self.push(tokens.clone(), EntityKind::State, form, false, Cue::State(s));
            }
            self.push_acting(i..end, tokens.end..end, s, true);
            return Some(end);
        }
        // "the Russian oil giant": a company named before.
        if let Some(state) = state
            && determiner
        {
            return self.company_description(i, state);
        }
        None
    }

    /// The modifiers of a description opening at `i` (at most five, one of them
    /// a state's name or demonym): returns the token after them, where the
    /// description's noun may be, and the state.
    fn description_modifiers(&self, i: usize, determiner: bool) -> (usize, Option<DescribedState>) {
        let mut j = if determiner { i + 1 } else { i };
        let mut state: Option<DescribedState> = None;
        let mut modifiers = 0;
        while j < self.tokens.len() && modifiers < 5 {
            if let Some((end, target)) = self.gaz(j) {
                match target {
                    // "anti-Syria", "pro-Russian": not the group's state.
                    _ if self.after_pro_or_anti(j) => break,
                    GazTarget::StateName(s) | GazTarget::StateDemonym(s) if state.is_none() => {
                        let form =
                            if matches!(target, GazTarget::StateDemonym(_)) { Form::Demonym } else { Form::Name };
                        state = Some((j..end, s, form));
                        j = end;
                        modifiers += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            let head_here = self.title(j).is_some()
                || self.match_len(&self.lexicon.words.report_noun, j) > 0
                || self.is(j, &self.lexicon.words.state_noun)
                || state.is_some() && self.agent_group_at(j).is_some();
            if head_here || !self.modifies_description(j, state.as_ref()) || (!determiner && state.is_none()) {
                break;
            }
            modifiers += 1;
            j += 1;
        }
        (j, state)
    }

    /// Token `j` can qualify a description's noun: a number, a hyphen, a
    /// lower-case content word, or a name word between a state and its noun.
    fn modifies_description(&self, j: usize, state: Option<&DescribedState>) -> bool {
        let word = self.word(j);
        match self.tokens[j].kind {
            TokenKind::Number => true,
            TokenKind::Punct => word == "-",
            // "Palestinian armed groups": a participle may qualify a group noun;
            // "US Predator attacks": so may one name word right before it.
            TokenKind::Word => {
                let name_word = state.is_some()
                    && word.starts_with(char::is_uppercase)
                    && self.gaz(j).is_none()
                    && self.is(j + 1, &self.lexicon.words.state_noun);
                name_word
                    || word.starts_with(char::is_lowercase)
                        && !self.is_grammar(word)
                        && !self.is(j, &self.lexicon.words.clause)
                        && (!word.ends_with("ed") || matches!(state, Some((_, _, Form::Demonym))))
            }
            TokenKind::Possessive => false,
        }
    }

    /// "the Russian President", "his counterpart": the title at `j` (end token,
    /// entry) stands for its holder, unless a name follows it.
    fn role_description(
        &mut self,
        i: usize,
        j: usize,
        (end, entry): (usize, usize),
        determiner: bool,
        state: Option<DescribedState>,
    ) -> Option<usize> {
        let title = &self.lexicon.title_entries[entry];
        let before_name = self.name_run(end).is_some() || self.word(end) == "to";
        if before_name || title.kind == TitleKind::Honorific {
            return None;
        }
        if title.kind == TitleKind::Title && !determiner && !self.is_capitalized(j) {
            return None;
        }
        let asserts = title.kind != TitleKind::Descriptor && state.is_some();
        let state_mention =
            state.map(|(tokens, s, form)| self.push(tokens, EntityKind::State, form, false, Cue::State(s)));
        let word = self.word(i);
        let cue = Cue::Role {
            relation: title.role,
            state: state_mention,
            possessive_pronoun: ["his", "her", "their"].iter().any(|p| p.eq_ignore_ascii_case(word)),
            asserts,
        };
        self.push(i..end, EntityKind::Person, Form::Nominal, !self.is_modifier(end), cue);
        Some(end)
    }

    /// "the 15-page report by ...": a report from the determiner at `i` to
    /// `end`; a publisher named right after it is waited for. Returns `end`.
    fn report_description(&mut self, i: usize, end: usize, state: Option<DescribedState>) -> usize {
        if let Some((tokens, s, form)) = state {
            self.push(tokens, EntityKind::State, form, false, Cue::State(s));
        }
        // The label leaves out the determiner.
        let label = self.text[self.span(i + 1..end)].to_string();
        let report = self.push(i..end, EntityKind::Report, Form::Nominal, true, Cue::Report { label });
        let by = ["by", "prepared by", "from", "issued by", "released by", "published by", "of"];
        for phrase in by {
            let words: Vec<&str> = phrase.split(' ').collect();
            if self.words_from(end).take(words.len()).eq(words.iter().copied()) {
                let trigger = self.span(end..end + words.len());
                self.publisher_wanted = Some((report, end + words.len(), trigger));
                break;
            }
        }
        end
    }
}
