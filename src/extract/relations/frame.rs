//! A sentence as the relation frames see it: its tokens, their classes and
//! the resolved mentions in it, with per-token facts (clauses, mentions)
//! worked out at the first question that needs them.

use std::cell::OnceCell;
use std::ops::Range;

use super::cue_words::{self, Cue};
use crate::extract::classes::SentenceClasses;
use crate::extract::extraction::Mention;
use crate::extract::lexicon::{Lexicon, WordClass};
use crate::extract::vocabulary::EntityId;
use crate::text::{LowerWord, Sentence, TokenKind};

/// A lower-cased word that allocates only when a long or non-ASCII word has capitals.
#[derive(Default)]
pub(super) struct Lower<'a>(LowerWord<'a>);

impl Lower<'_> {
    pub(super) fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Lower<'_>> for String {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == *other.0
    }
}

/// An argument: entity and its span in the document.
pub(super) type Argument = (EntityId, Range<usize>);

pub(super) struct Frame<'a> {
    pub(super) text: &'a str,
    pub(super) sentence: &'a Sentence,
    pub(super) classes: SentenceClasses<'a>,
    pub(super) lexicon: &'a Lexicon,
    /// The sentence's resolved mentions, by start (the longest first at a start).
    pub(super) mentions: Vec<&'a Mention>,
    /// Per-token facts, made at the first question that needs them: most
    /// sentences hold no trigger and no claim, and ask none.
    index: OnceCell<FrameIndex>,
    /// The tokens the noun and verb rules' gates let through ([`cue_words`]).
    cues: OnceCell<Vec<(u32, u8)>>,
}

/// What the frames ask about one token, worked out once per sentence so that
/// no question costs a walk of the sentence or its mentions (sentences can
/// run to thousands of tokens).
#[derive(Clone, Copy, Default)]
struct TokenFacts {
    /// It starts a new clause.
    boundary: bool,
    /// The first token of its clause.
    clause_start: usize,
    /// The next clause boundary from it on (the sentence's length if none).
    clause_end: usize,
    in_mention: bool,
    /// In a mention that is no head.
    in_modifier: bool,
    starts_mention: bool,
}

/// The facts of every token of a frame's sentence, in one vector.
struct FrameIndex {
    tokens: Vec<TokenFacts>,
}

impl FrameIndex {
    fn new(frame: &Frame<'_>) -> Self {
        let (text, tokens, classes) = (frame.text, &frame.sentence.tokens, frame.classes);
        let n = tokens.len();
        let mut facts: Vec<TokenFacts> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let boundary = i == 0
                    || (t.kind == TokenKind::Punct
                        && matches!(t.text(text), ";" | ":" | "\"" | "“" | "”" | "'" | "‘" | "’" | "(" | ")" | "|"))
                    || (t.kind == TokenKind::Word && classes.is(i, &frame.lexicon.words.clause));
                TokenFacts { boundary, clause_end: n, ..TokenFacts::default() }
            })
            .collect();
        // A short parenthesis is an abbreviation or aside, not a clause: "the Front (FDD) insisted".
        for open in (0..n).filter(|&i| tokens[i].kind == TokenKind::Punct && tokens[i].text(text) == "(") {
            if let Some(close) = (open + 1..(open + 5).min(n)).find(|&i| tokens[i].text(text) == ")") {
                facts[open].boundary = open == 0;
                facts[close].boundary = false;
            }
        }
        let mut start = 0;
        for (i, token) in facts.iter_mut().enumerate() {
            if token.boundary {
                start = i;
            }
            token.clause_start = start;
        }
        let mut end = n;
        for (i, token) in facts.iter_mut().enumerate().rev() {
            if token.boundary {
                end = i;
            }
            token.clause_end = end;
        }
        for m in &frame.mentions {
            for token in facts.get_mut(m.tokens.start..m.tokens.end.min(n)).unwrap_or_default() {
                token.in_mention = true;
                token.in_modifier |= !m.head;
            }
            if let Some(first) = facts.get_mut(m.tokens.start) {
                first.starts_mention = true;
            }
        }
        FrameIndex { tokens: facts }
    }
}

impl<'a> Frame<'a> {
    /// The frame of `sentence` and its `mentions`, kept in `reused` (emptied
    /// first: one vector handed from sentence to sentence saves an allocation each).
    pub(super) fn new(
        text: &'a str,
        sentence: &'a Sentence,
        classes: SentenceClasses<'a>,
        lexicon: &'a Lexicon,
        mut reused: Vec<&'a Mention>,
        mentions: &[&'a Mention],
    ) -> Self {
        reused.clear();
        reused.extend_from_slice(mentions);
        reused.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        Frame { text, sentence, classes, lexicon, mentions: reused, index: OnceCell::new(), cues: OnceCell::new() }
    }

    fn index(&self) -> &FrameIndex {
        self.index.get_or_init(|| FrameIndex::new(self))
    }

    /// The tokens `cue`'s gate lets through, in order.
    pub(super) fn cued(&self, cue: Cue) -> impl Iterator<Item = usize> + '_ {
        let cues = self.cues.get_or_init(|| cue_words::cues(self.text, self.sentence));
        cues.iter().filter(move |(_, bits)| bits & cue.bit() != 0).map(|&(i, _)| i as usize)
    }

    /// Token `i` starts a new clause.
    pub(super) fn is_boundary(&self, i: usize) -> bool {
        self.index().tokens[i].boundary
    }

    /// Token `i` is inside a mention.
    pub(super) fn in_mention(&self, i: usize) -> bool {
        self.index().tokens[i].in_mention
    }

    /// Token `i` is inside a mention that is no head.
    pub(super) fn in_modifier(&self, i: usize) -> bool {
        self.index().tokens[i].in_modifier
    }

    /// A mention starts at token `i` (false past the end).
    pub(super) fn starts_mention(&self, i: usize) -> bool {
        self.index().tokens.get(i).is_some_and(|t| t.starts_mention)
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.sentence.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Length of the longest entry of `class` at token `i` (its class bits say whether the word alone is one).
    pub(super) fn match_len(&self, class: &WordClass, i: usize) -> usize {
        let tokens = &self.sentence.tokens;
        class.match_len_of_tokens(self.classes.is(i, class), self.text, &tokens[i.min(tokens.len())..])
    }

    /// The word in lower case; borrowed when it has no capitals, as most words do.
    pub(super) fn lower(&self, i: usize) -> Lower<'a> {
        let word = self.word(i);
        if self.classes.has_upper(i) { Lower(LowerWord::lowered(word)) } else { Lower(LowerWord::borrowed(word)) }
    }

    pub(super) fn heads(&self) -> impl Iterator<Item = &&'a Mention> {
        self.mentions.iter().filter(|m| m.head && m.entity.is_some())
    }

    pub(super) fn argument(m: &Mention) -> Option<Argument> {
        m.entity.map(|e| (e, m.span.clone()))
    }

    pub(super) fn clause_start(&self, at: usize) -> usize {
        self.index().tokens[at].clause_start
    }

    pub(super) fn clause_end(&self, after: usize) -> usize {
        self.index().tokens.get(after).map_or(self.sentence.tokens.len(), |t| t.clause_end)
    }

    /// "on", "Friday", "today": words that may sit between a verb and its complement.
    pub(super) fn is_time_word(&self, i: usize) -> bool {
        self.lexicon.lists.time.contains(self.lower(i).as_str())
    }
}
