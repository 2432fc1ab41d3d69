//! Interviews: "X told Reuters", "X told the BBC's Today programme", "in an
//! interview with the Independent, X said", "X said in an interview with
//! CNN". The outlet interviewed the speaker. 256 sentences of the BBC dev
//! corpus tell an outlet (121 "told BBC", 32 "told Reuters", 11 "interview with").

use super::frame::{Argument, Frame};
use crate::extract::extraction::{Cue, EntityKind, Form, Mention};
use crate::text::WordGate;

/// An outlet's interview: outlet, the word that states it, speaker.
pub(super) struct Interview {
    pub(super) outlet: Argument,
    pub(super) word: usize,
    pub(super) speaker: Argument,
}

const SPEAKERS: [EntityKind; 4] = [EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Group];

/// The words an interview is stated by: most tokens fail the gate unread
/// (this scan took 14.5 M instructions of 3 MB of news before it, callgrind).
const INTERVIEW_WORDS: WordGate = WordGate::new(&["told", "tells", "telling", "interview", "interviews"]);

impl<'a> Frame<'a> {
    /// The interviews the sentence states, in token order.
    pub(super) fn interviews(&self) -> Vec<Interview> {
        let mut found = Vec::new();
        // Every interview needs its outlet, a resolved organization (`outlet_at`): most sentences name none.
        let may_be_outlet = |m: &Mention| m.kind == EntityKind::Organization && m.entity.is_some();
        if self.mentions.len() < 2 || !self.mentions.iter().any(|m| may_be_outlet(m)) {
            return found;
        }
        for (word, token) in self.sentence.tokens.iter().enumerate() {
            if !INTERVIEW_WORDS.may_match(self.text, token) {
                continue;
            }
            let speaker = match self.word(word) {
                "told" | "tells" | "telling" => self.outlet_at(word + 1).and_then(|o| Some((o, self.teller(word)?))),
                "interview" | "interviews" if matches!(self.word(word + 1), "with" | "in" | "on" | "to") => {
                    self.outlet_at(word + 2).and_then(|o| Some((o, self.interviewee(word, o)?)))
                }
                _ => None,
            };
            let Some((outlet, speaker)) = speaker else { continue };
            let Some(outlet) = Frame::argument(outlet) else { continue };
            if outlet.0 != speaker.0 && self.heads().any(|m| m.entity == Some(speaker.0) && SPEAKERS.contains(&m.kind))
            {
                found.push(Interview { outlet, word, speaker });
            }
        }
        found
    }

    /// The outlet named at token `at`, after an optional "the": an
    /// organization the lexicon files as media, or one with a word of an
    /// outlet's name ("the Independent", "BBC Radio Scotland").
    fn outlet_at(&self, at: usize) -> Option<&&'a Mention> {
        // "the British newspaper the Independent": articles, lower-case words and demonyms may come first.
        let mut start = at;
        while start < at + 6 {
            if let Some(demonym) = self.mentions.iter().find(|m| m.tokens.start == start && m.form == Form::Demonym) {
                start = demonym.tokens.end;
            } else if !self.starts_mention(start) && self.word(start).starts_with(char::is_lowercase) {
                start += 1;
            } else {
                break;
            }
        }
        let m = self
            .mentions
            .iter()
            .find(|m| m.tokens.start == start && m.entity.is_some() && m.kind == EntityKind::Organization)?;
        let listed =
            matches!(m.cue, Cue::Org { lexicon: Some(org), .. } if self.lexicon.organization(org).sector == "media");
        (listed || m.tokens.clone().any(|i| self.lexicon.lists.media_word.contains(self.word(i)))).then_some(m)
    }

    /// Who tells at token `told`: the name just before it ("..., Mr Balls
    /// told the BBC", not the "Gordon Brown's decision" that opens the
    /// sentence), else the clause's subject, which must come before the verb.
    fn teller(&self, told: usize) -> Option<Argument> {
        if let Some(m) = self.heads().find(|m| m.tokens.end == told && SPEAKERS.contains(&m.kind)) {
            return Frame::argument(m);
        }
        let start = self.sentence.tokens[told].start;
        self.subject(told).filter(|s| s.1.end <= start)
    }

    /// Who speaks in an interview named at token `noun`: the subject of the
    /// first verb of saying after the outlet, named between them ("In an
    /// interview with Reuters, X said"), else of the one before the noun ("X said in an interview with ...").
    fn interviewee(&self, noun: usize, outlet: &Mention) -> Option<Argument> {
        let n = self.sentence.tokens.len();
        let after = (outlet.tokens.end..n).find(|&i| self.classes.is(i, &self.lexicon.words.speech));
        if let Some(verb) = after
            && let Some(m) = self
                .heads()
                .find(|m| m.tokens.start >= outlet.tokens.end && m.tokens.end <= verb && SPEAKERS.contains(&m.kind))
        {
            return Frame::argument(m);
        }
        let before = (0..noun).rev().find(|&i| self.classes.is(i, &self.lexicon.words.speech));
        let outlet = outlet.entity?;
        before.and_then(|verb| self.subject(verb)).filter(|s| s.0 != outlet)
    }
}
