//! Descriptions: "the Russian President", "the 15-page report by ...",
//! "the Russian side", "our country".

use std::ops::Range;

use super::scan::{Scan, is_grammar};
use crate::extract::classes::DETERMINER;
use crate::extract::lexicon::{GazTarget, TitleKind};
use crate::extract::{Cue, EntityKind, Form};
use crate::text::TokenKind;

impl Scan<'_> {
    /// Descriptions: "the Russian President", "his Russian counterpart",
    /// "the 15-page report by ...", "the Russian side", "our country".
    pub(super) fn description(&mut self, i: usize) -> Option<usize> {
        // Only a determiner or a state's name or demonym can open a description;
        // most tokens leave here without a lookup.
        let word = self.word(i);
        let determiner = self.classes.bits(i) & DETERMINER != 0;
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
        let mut j = if determiner { i + 1 } else { i };
        let mut state: Option<(Range<usize>, usize, Form)> = None;
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
            let word = self.word(j);
            let token = self.tokens[j];
            let head_here = self.title(j).is_some()
                || self.match_len(&self.lexicon.words.report_noun, j) > 0
                || self.is(j, &self.lexicon.words.state_noun);
            if head_here {
                break;
            }
            let modifier = match token.kind {
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
                            && !is_grammar(word)
                            && !self.is(j, &self.lexicon.words.clause)
                            && (!word.ends_with("ed") || matches!(state, Some((_, _, Form::Demonym))))
                }
                TokenKind::Possessive => false,
            };
            if !modifier || (!determiner && state.is_none()) {
                break;
            }
            modifiers += 1;
            j += 1;
        }
        if !determiner && state.is_none() {
            return None;
        }
        let state_index = state.as_ref().map(|(_, s, _)| *s);
        // A role noun or title standing for its holder.
        if let Some((end, entry)) = self.title(j) {
            let title = &self.lexicon.title_entries[entry];
            let before_name = self.name_run(end).is_some() || self.word(end) == "to";
            if before_name || title.kind == TitleKind::Honorific {
                return None;
            }
            if title.kind == TitleKind::Title && !determiner && !self.is_capitalized(j) {
                return None;
            }
            let state_mention =
                state.map(|(tokens, s, form)| self.push(tokens, EntityKind::State, form, false, Cue::State(s)));
            let cue = Cue::Role {
                relation: title.role.clone(),
                state: state_mention,
                possessive_pronoun: ["his", "her", "their"].iter().any(|p| p.eq_ignore_ascii_case(word)),
                asserts: title.kind != TitleKind::Descriptor && state_index.is_some(),
            };
            self.push(i..end, EntityKind::Person, Form::Nominal, !self.is_modifier(end), cue);
            return Some(end);
        }
        // A report.
        let report_len = self.match_len(&self.lexicon.words.report_noun, j);
        if report_len > 0 && determiner {
            let end = j + report_len;
            if let Some((tokens, s, form)) = state.clone() {
                self.push(tokens, EntityKind::State, form, false, Cue::State(s));
            }
            let label_start = if determiner { i + 1 } else { i };
            let label = self.text[self.span(label_start..end)].to_string();
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
            return Some(end);
        }
        // "the Russian side": a state through its demonym.
        if let Some((tokens, s, form)) = state
            && self.is(j, &self.lexicon.words.state_noun)
            && (determiner || j > i)
        {
            // The name itself stays a name mention ("Ivory Coast" in "Ivory Coast rebels").
            if form == Form::Name {
                self.push(tokens.clone(), EntityKind::State, form, false, Cue::State(s));
            }
            self.push_acting(i..j + 1, tokens.end..j + 1, s, true);
            return Some(j + 1);
        }
        None
    }
}
