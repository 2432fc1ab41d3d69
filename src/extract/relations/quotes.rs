//! First-person speech: "'I warmly welcome the words of Mr Snow,' said X",
//! "X said: 'We welcome the report.'", and a quotation that runs on into the
//! next sentences ("'...,' he said. 'I congratulate Paul on ...'"). The
//! speaker the quotation is attributed to is the subject of "I" and "we"
//! (BBC dev corpus: 18 quotations open with "I" or "We" and a trigger).

use super::frame::Frame;
use crate::extract::extraction::{EntityKind, Mention};
use crate::text::{Sentence, TokenKind};

/// Who may say "I", and who "we" (a spokesman, his company, a state's minister).
const PERSONS: [EntityKind; 1] = [EntityKind::Person];
pub(super) const SPEAKERS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::State, EntityKind::Group];

impl<'a> Frame<'a> {
    /// Token `i` is a double quotation mark (single ones mark scare quotes in news: 'lies').
    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.sentence.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(self.word(i), "\"" | "“" | "”")
    }

    /// The sentence opens with a quotation mark: a quotation may run on from the sentence before.
    pub(super) fn opens_with_quote(&self) -> bool {
        opens_with_quote(self.text, self.sentence)
    }

    /// The speaker this sentence attributes a quotation to, of the given
    /// kinds: "...," he said', '"...," said X', 'X said: "...'. A verb of
    /// saying with its subject right after a quotation mark, or its speaker
    /// after it, or a quotation mark right after it.
    pub(super) fn attribution(&self, kinds: &[EntityKind]) -> Option<&'a Mention> {
        let claim = &self.lexicon.words.claim;
        let n = self.sentence.tokens.len();
        (1..n).filter(|&j| self.classes.is(j, claim)).find_map(|j| {
            let fits = |m: &&&'a Mention| kinds.contains(&m.kind);
            // '"...," said Joaquin Almunia': the speaker after the verb.
            if self.is_quote(j - 1)
                && let Some(m) = self.heads().filter(fits).find(|m| m.tokens.start == j + 1 || m.phrase_start == j + 1)
            {
                return Some(*m);
            }
            let speaker = self.heads().filter(fits).find(|m| m.tokens.end == j)?;
            let quoted_before = (speaker.phrase_start.min(speaker.tokens.start).saturating_sub(2)
                ..speaker.phrase_start.min(speaker.tokens.start))
                .any(|q| self.is_quote(q));
            let quote_after = self.is_quote(j + 1) || (self.word(j + 1) == ":" && self.is_quote(j + 2));
            (quoted_before || quote_after).then_some(*speaker)
        })
    }

    /// "I" or "we" is the subject of the trigger at `at` (past adverbs and
    /// auxiliaries: "I warmly welcome", "we are ready to") inside a quotation:
    /// `Some(true)` for "we", `Some(false)` for "I".
    pub(super) fn first_person_before(&self, at: usize) -> Option<bool> {
        let mut k = at;
        while k > at.saturating_sub(4) && k > 0 && self.adverb_or_auxiliary(k - 1) {
            k -= 1;
        }
        let plural = match self.word(k.checked_sub(1)?) {
            "I" => false,
            "We" | "we" => true,
            _ => return None,
        };
        (0..k - 1).rev().take(40).any(|q| self.is_quote(q)).then_some(plural)
    }

    fn adverb_or_auxiliary(&self, k: usize) -> bool {
        let word = self.lower(k);
        word.ends_with("ly")
            || self.lexicon.lists.adverb.contains(word.as_str())
            || matches!(
                word.as_str(),
                "am" | "are"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "shall"
                    | "should"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "do"
                    | "did"
                    | "'m"
                    | "'re"
                    | "'ve"
                    | "'ll"
                    | "'d"
            )
    }

    /// The kinds of speaker "I" (`plural` false) or "we" may stand for.
    pub(super) fn first_person_kinds(plural: bool) -> &'static [EntityKind] {
        if plural { &SPEAKERS } else { &PERSONS }
    }
}

/// `sentence` opens with a double quotation mark.
pub(super) fn opens_with_quote(text: &str, sentence: &Sentence) -> bool {
    sentence.tokens.first().is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(text), "\"" | "“" | "”"))
}
