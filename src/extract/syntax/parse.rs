//! A sentence's parse and what the relation stages ask of it: heads,
//! relations, children, the subject and objects of a verb across clauses,
//! conjuncts, and the dependency path between two words.

use std::ops::Range;

use super::bridge::words_of_tokens;
use super::labels::{Label, Upos};
use super::model::{ParseBuffers, Parser};
use super::words::WordInfo;
use crate::text::Token;

/// The parse of one sentence: for each word (numbered from 0) its part of
/// speech, its head (none for the root) and its relation to the head. It
/// borrows the [`ParseBuffers`] it was made in.
#[derive(Debug, Clone, Copy)]
pub struct Parse<'b> {
    /// Each word's part of speech.
    pub upos: &'b [Upos],
    /// Each word's head; `None` for the one root word.
    pub heads: &'b [Option<usize>],
    /// Each word's relation to its head ([`Label::Root`] for the root).
    pub labels: &'b [Label],
    /// Each word's token (by [`Parser::parse_tokens`]; the word itself by [`Parser::parse`]).
    pub tokens: &'b [usize],
    /// Each token's first word (by [`Parser::parse_tokens`]; the word itself by [`Parser::parse`]).
    pub first_words: &'b [usize],
    /// Each word's byte range in the text (by [`Parser::parse_tokens`]; empty by [`Parser::parse`]).
    pub ranges: &'b [Range<usize>],
    /// Each word is a relative pronoun (who, whom, which, that).
    relative: &'b [bool],
}

impl Parser {
    /// Tags and parses a sentence of words as the treebank splits them
    /// ("do", "n't"); see [`Parser::parse_tokens`] for newsgraph's tokens.
    ///
    /// ```
    /// use newsgraph::extract::syntax::{Label, ParseBuffers, Parser};
    ///
    /// let parser = Parser::shared();
    /// let mut buffers = ParseBuffers::default();
    /// let parse = parser.parse(&["Russia", "recalled", "its", "ambassador", "."], &mut buffers);
    /// assert_eq!(parse.root(), Some(1));
    /// assert_eq!(parse.subject_of(1), Some(0));
    /// assert_eq!(parse.objects_of(1).collect::<Vec<_>>(), [3]);
    /// assert_eq!(parse.label(3), Label::Obj);
    /// assert_eq!(parse.path(0, 3), "^nsubj _obj");
    /// ```
    pub fn parse<'b>(&self, words: &[&str], buffers: &'b mut ParseBuffers) -> Parse<'b> {
        buffers.words.clear();
        buffers.ranges.clear();
        buffers.word_token.clear();
        buffers.token_word.clear();
        buffers.relative.clear();
        for (i, word) in words.iter().enumerate() {
            buffers.words.push(WordInfo::of(word, &mut buffers.scratch));
            buffers.relative.push(is_relative(word));
            buffers.word_token.push(i);
            buffers.token_word.push(i);
        }
        self.decode(buffers);
        buffers.parse()
    }

    /// Tags and parses a sentence of newsgraph's tokens (of `text`), split
    /// into the treebank's words first (`bridge.rs`: "don't" is "do" "n't").
    /// [`Parse::tokens`] and [`Parse::first_words`] map words and tokens.
    pub fn parse_tokens<'b>(&self, text: &str, tokens: &[Token], buffers: &'b mut ParseBuffers) -> Parse<'b> {
        let b = &mut *buffers;
        words_of_tokens(text, tokens, &mut b.ranges, &mut b.word_token, &mut b.token_word);
        b.words.clear();
        b.relative.clear();
        for range in &b.ranges {
            let word = &text[range.clone()];
            b.words.push(WordInfo::of(word, &mut b.scratch));
            b.relative.push(is_relative(word));
        }
        self.decode(buffers);
        buffers.parse()
    }
}

fn is_relative(word: &str) -> bool {
    ["who", "whom", "which", "that"].iter().any(|r| word.eq_ignore_ascii_case(r))
}

impl ParseBuffers {
    fn parse(&self) -> Parse<'_> {
        Parse {
            upos: &self.upos,
            heads: &self.heads,
            labels: &self.labels,
            tokens: &self.word_token,
            first_words: &self.token_word,
            ranges: &self.ranges,
            relative: &self.relative,
        }
    }
}

/// How many clauses up [`Parse::subject_of`] looks for a shared subject.
const CLAUSES_UP: usize = 8;

impl<'b> Parse<'b> {
    /// Words in the sentence.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// No words.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The head of word `i`; none for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The relation of word `i` to its head.
    pub fn label(&self, i: usize) -> Label {
        self.labels[i]
    }

    /// The root word (the main predicate).
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// The dependents of word `i`, in sentence order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + 'b {
        let heads = self.heads;
        (0..heads.len()).filter(move |&c| heads[c] == Some(i))
    }

    /// The dependents of word `i` with relation `label`.
    pub fn children_with(&self, i: usize, label: Label) -> impl Iterator<Item = usize> + 'b {
        let labels = self.labels;
        self.children(i).filter(move |&c| labels[c] == label)
    }

    /// The subject of `verb` (nsubj, nsubj:pass or csubj), looked for across
    /// clauses: a verb without one of its own shares the subject of the verb
    /// it is coordinated with ("Ann arrived and met Bo"), of the verb it
    /// completes ("Ann wants to meet Bo") or of the clause it modifies
    /// ("Arriving late, Ann met Bo"). A relative pronoun subject stands for
    /// the noun its clause modifies ("the envoy who met Bo" → envoy).
    pub fn subject_of(&self, verb: usize) -> Option<usize> {
        let mut clause = verb;
        for _ in 0..CLAUSES_UP {
            if let Some(subject) = self.children(clause).find(|&c| self.labels[c].is_subject()) {
                let relative = self.relative[subject] && self.labels[clause] == Label::AclRelcl;
                return if relative { self.heads[clause] } else { Some(subject) };
            }
            match self.labels[clause] {
                Label::Conj | Label::Xcomp | Label::Advcl => clause = self.heads[clause]?,
                _ => return None,
            }
        }
        None
    }

    /// The passive's subject or auxiliary marks `verb` passive ("was recalled").
    pub fn is_passive(&self, verb: usize) -> bool {
        self.children(verb).any(|c| matches!(self.labels[c], Label::NsubjPass | Label::AuxPass))
    }

    /// The agent of a passive verb: the noun of its "by" phrase (obl:agent).
    pub fn agent_of(&self, verb: usize) -> Option<usize> {
        self.children_with(verb, Label::OblAgent).next()
    }

    /// The direct and indirect objects of `verb` (obj, iobj), in sentence order.
    pub fn objects_of(&self, verb: usize) -> impl Iterator<Item = usize> + 'b {
        let labels = self.labels;
        self.children(verb).filter(move |&c| matches!(labels[c], Label::Obj | Label::Iobj))
    }

    /// Every conjunct of the coordination word `i` is in, in sentence order
    /// ("Ann, Bo and Cy": each gives all three); just `i` when it is in none.
    /// UD hangs the later conjuncts on the first.
    pub fn conjuncts(&self, i: usize) -> impl Iterator<Item = usize> + 'b {
        let mut first = i;
        for _ in 0..self.len() {
            match (self.labels[first], self.heads[first]) {
                (Label::Conj, Some(head)) => first = head,
                _ => break,
            }
        }
        std::iter::once(first).chain(self.children_with(first, Label::Conj))
    }

    /// Words from `i` up to the root: `i`, its head, its head's head, ...
    fn climb(&self, i: usize) -> impl Iterator<Item = usize> + 'b {
        let heads = self.heads;
        std::iter::successors(Some(i), move |&w| heads[w]).take(heads.len())
    }

    /// The lowest word that both `a` and `b` descend from (or are).
    pub fn common_head(&self, a: usize, b: usize) -> usize {
        self.climb(a).find(|&x| self.climb(b).any(|y| y == x)).unwrap_or(a)
    }

    /// The dependency path from word `a` to word `b`: the relations climbed
    /// from `a` to their common head, each as `^label`, then those descended
    /// to `b`, each as `_label`, separated by spaces ("^nsubj _obj" from the
    /// subject to the object of one verb; "" from a word to itself).
    pub fn path(&self, a: usize, b: usize) -> String {
        let mut out = String::new();
        self.path_into(a, b, &mut out);
        out
    }

    /// [`Parse::path`] written into `out` (cleared first), for callers that reuse a string.
    pub fn path_into(&self, a: usize, b: usize, out: &mut String) {
        out.clear();
        let top = self.common_head(a, b);
        let mut step = |up: bool, word: usize| {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push(if up { '^' } else { '_' });
            out.push_str(self.labels[word].as_str());
        };
        for word in self.climb(a).take_while(|&w| w != top) {
            step(true, word);
        }
        let down = self.climb(b).take_while(|&w| w != top).count();
        for depth in (0..down).rev() {
            let word = self.climb(b).nth(depth).expect("on the way up from b");
            step(false, word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::syntax::ParseBuffers;
    use Label::{AclRelcl, Cc, Conj, Mark, Nsubj, NsubjPass, Obj, Obl, OblAgent, Punct, Root, Xcomp};

    /// A parse of our own: heads by word number from 1 (0 the root), as a treebank writes them.
    fn parse_of<'b>(
        heads: &[usize],
        labels: &'b [Label],
        relative: &'b [bool],
        owned: &'b mut Vec<Option<usize>>,
    ) -> Parse<'b> {
        *owned = heads.iter().map(|&h| h.checked_sub(1)).collect();
        Parse { upos: &[], heads: owned, labels, tokens: &[], first_words: &[], ranges: &[], relative }
    }

    #[test]
    fn subjects_objects_conjuncts_and_paths() {
        // Ann , who left , met Bo and Cy today
        let labels = [Nsubj, Punct, Nsubj, AclRelcl, Punct, Root, Obj, Cc, Conj, Obl];
        let relative = [false, false, true, false, false, false, false, false, false, false];
        let mut heads = Vec::new();
        let parse = parse_of(&[6, 4, 4, 1, 4, 0, 6, 9, 7, 6], &labels, &relative, &mut heads);
        assert_eq!(parse.root(), Some(5));
        assert_eq!(parse.subject_of(5), Some(0));
        assert_eq!(parse.subject_of(3), Some(0), "who stands for Ann");
        assert_eq!(parse.objects_of(5).collect::<Vec<_>>(), [6]);
        assert_eq!(parse.conjuncts(8).collect::<Vec<_>>(), [6, 8]);
        assert_eq!(parse.conjuncts(6).collect::<Vec<_>>(), [6, 8]);
        assert_eq!(parse.conjuncts(9).collect::<Vec<_>>(), [9]);
        assert_eq!(parse.children(5).collect::<Vec<_>>(), [0, 6, 9]);
        assert_eq!(parse.path(0, 6), "^nsubj _obj");
        assert_eq!(parse.path(8, 0), "^conj ^obj _nsubj");
        assert_eq!(parse.path(2, 0), "^nsubj ^acl:relcl");
        assert_eq!(parse.path(5, 5), "");
        assert_eq!(parse.common_head(8, 9), 5);
    }

    #[test]
    fn a_subject_is_shared_down_coordinated_and_completing_verbs() {
        // Ann wants to meet Bo and left
        let labels = [Nsubj, Root, Mark, Xcomp, Obj, Cc, Conj];
        let mut heads = Vec::new();
        let parse = parse_of(&[2, 0, 4, 2, 4, 7, 2], &labels, &[false; 7], &mut heads);
        assert_eq!(parse.subject_of(3), Some(0));
        assert_eq!(parse.subject_of(6), Some(0));
        assert_eq!(parse.subject_of(4), None, "a noun has no subject");
        assert!(!parse.is_passive(1));
    }

    #[test]
    fn a_passive_has_its_agent_in_the_by_phrase() {
        // Bo was recalled by Ann
        let labels = [NsubjPass, Label::AuxPass, Root, Label::Case, OblAgent];
        let mut heads = Vec::new();
        let parse = parse_of(&[3, 3, 0, 5, 3], &labels, &[false; 5], &mut heads);
        assert!(parse.is_passive(2));
        assert_eq!(parse.subject_of(2), Some(0));
        assert_eq!(parse.agent_of(2), Some(4));
        assert_eq!(parse.objects_of(2).count(), 0);
    }

    #[test]
    fn tokens_are_parsed_as_the_treebank_words_they_make() {
        let text = "Russia’s envoy didn't leave.";
        let tokens = crate::text::tokenize(text, 0..text.len());
        let mut buffers = ParseBuffers::default();
        let parse = Parser::shared().parse_tokens(text, &tokens, &mut buffers);
        let words: Vec<&str> = parse.ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["Russia", "’s", "envoy", "did", "n't", "leave", "."]);
        assert_eq!(parse.tokens, [0, 1, 2, 3, 3, 4, 5]);
        assert_eq!(parse.first_words, [0, 1, 2, 3, 5, 6]);
        assert_eq!(parse.root(), Some(5));
        assert_eq!(parse.subject_of(5), Some(2));
        assert_eq!(parse.label(0), Label::NmodPoss);
        assert_eq!(parse.label(4), Label::Advmod);
    }
}
