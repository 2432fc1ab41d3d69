//! Frames the rules leave unfilled, read from a dependency parse: when a
//! verb trigger matched but the rules found no subject or no object for it,
//! and the sentence holds at least two actors, the sentence is parsed once
//! and the verb's subject and object (or the noun of its row's preposition)
//! are taken as the mentions whose head word they are. The relation then
//! passes the same checks as a rules frame (`Finder::state` in `mod.rs`,
//! which asks [`Syntax::parse_for`] and [`parsed_arguments`]).
//!
//! The parser runs at a tenth of the pipeline's speed or less, so it reads
//! only these sentences.

use std::ops::Range;
use std::sync::Arc;

use super::frame::{Argument, Frame};
use crate::extract::extraction::{EntityKind, Mention};
use crate::extract::lexicon::RelationEntry;
use crate::extract::syntax::{Label, Parse, ParseBuffers, Parser, Upos};
use crate::extract::vocabulary::RelationId;
use crate::text::TokenKind;

/// The parser and the thread's buffers it parses in.
pub(crate) struct Syntax<'a> {
    pub(crate) parser: &'a ParserChoice,
    pub(crate) buffers: &'a mut ParseBuffers,
}

/// Which parser a pipeline parses with: the embedded one is read at the
/// first sentence that needs it (reading it costs a start-up of 0.05 s and
/// 50 MB, which a run that parses nothing should not pay), another one when loaded.
#[derive(Clone)]
pub(crate) enum ParserChoice {
    Embedded,
    Loaded(Arc<Parser>),
}

impl ParserChoice {
    fn parser(&self) -> Arc<Parser> {
        match self {
            ParserChoice::Embedded => Parser::shared(),
            ParserChoice::Loaded(parser) => Arc::clone(parser),
        }
    }
}

/// How many tokens after a trigger its object or agent may start: "bought
/// firms such as X", "was taken over by the X". Farther ones are seldom the
/// verb's and cost a parse each (measured on the BBC corpus: see `has_arguments_around`).
const OBJECT_WINDOW: usize = 4;

/// The longest sentence parsed, in tokens: longer ones cost more and parse
/// worse, and were 10% of the sentences the BBC corpus would parse.
const LONGEST_PARSED: usize = 40;

/// The kinds of entity that act: a subject is one of them.
const ACTORS: [EntityKind; 4] = [EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Group];

impl Syntax<'_> {
    /// The parse of `frame`'s sentence, if one of its `unfilled` triggers
    /// (kept: those worth a parse) may find its frame there: the sentence
    /// has two actors and at most [`LONGEST_PARSED`] tokens, and the trigger
    /// is no noun and has mentions around it ([`has_arguments_around`]).
    pub(super) fn parse_for(
        &mut self,
        frame: &Frame<'_>,
        unfilled: &mut Vec<(Range<usize>, RelationId)>,
    ) -> Option<Parse<'_>> {
        unfilled.retain(|(trigger, _)| !is_noun(frame, trigger.start) && has_arguments_around(frame, trigger));
        if unfilled.is_empty()
            || frame.sentence.tokens.len() > LONGEST_PARSED
            || frame.heads().filter(|m| ACTORS.contains(&m.kind)).count() < 2
        {
            return None;
        }
        let parser = self.parser.parser();
        Some(parser.parse_tokens(frame.text, &frame.sentence.tokens, self.buffers))
    }
}

/// The subject and object (of `kinds`) of the verb at token `verb`, by the parse: the
/// passive's agent and its subject, else the subject and the direct object
/// (for a row that takes one) or the noun of the row's preposition.
pub(super) fn parsed_arguments(
    frame: &Frame<'_>,
    parse: &Parse<'_>,
    verb: usize,
    entry: &RelationEntry,
    kinds: &[EntityKind],
) -> Option<(Argument, Argument)> {
    let v = parse.first_words[verb];
    if parse.upos[v] != Upos::Verb {
        return None;
    }
    let mention = |word: usize, kinds: &[EntityKind]| {
        frame.heads().find(|m| kinds.contains(&m.kind) && phrase_head(parse, m) == Some(word))
    };
    let (subject, object) = if parse.is_passive(v) {
        let agent = parse.agent_of(v)?;
        let patient = parse.children_with(v, Label::NsubjPass).next()?;
        (mention(agent, &ACTORS)?, mention(patient, kinds)?)
    } else {
        let subject = mention(clause_subject(parse, v)?, &ACTORS)?;
        let direct = parse.objects_of(v).filter(|_| entry.direct).find_map(|w| mention(w, kinds));
        let object = direct.or_else(|| {
            parse
                .children_with(v, Label::Obl)
                .filter(|&w| has_case(frame, parse, w, entry))
                .find_map(|w| mention(w, kinds))
        });
        (subject, object?)
    };
    // "Ann and Bo attacked ...": conjuncts are partners, not subject and object.
    let (s, o) = (phrase_head(parse, subject)?, phrase_head(parse, object)?);
    if parse.conjuncts(s).any(|c| c == o) {
        return None;
    }
    Some((Frame::argument(subject)?, Frame::argument(object)?))
}

/// The trigger at token `at` reads as a noun: after a determiner or a
/// possessive ("the talks", "Russia's support"), where the parse would make
/// it no verb.
fn is_noun(frame: &Frame<'_>, at: usize) -> bool {
    at > 0
        && (frame.sentence.tokens[at - 1].kind == TokenKind::Possessive
            || frame.lexicon.lists.participle_determiner.contains(frame.lower(at - 1).as_str()))
}

/// A sentence's word order allows the frame at `trigger` some subject and
/// object: a resolved mention before it and one after it, one of them an
/// actor (the subject of an active verb or the agent of a passive). Checked
/// before parsing, which costs ten times the rest of the pipeline's work on a sentence.
fn has_arguments_around(frame: &Frame<'_>, trigger: &Range<usize>) -> bool {
    let before =
        |actor: bool| frame.heads().any(|m| m.tokens.end <= trigger.start && (!actor || ACTORS.contains(&m.kind)));
    let near = trigger.end..trigger.end + OBJECT_WINDOW;
    let after =
        |actor: bool| frame.heads().any(|m| near.contains(&m.tokens.start) && (!actor || ACTORS.contains(&m.kind)));
    (before(true) && after(false)) || (before(false) && after(true))
}

/// The subject of verb `v`: its own, or that of the verb it is coordinated
/// with ("Ann arrived and met Bo") or completes with "to" ("Ann wants to
/// meet Bo"); no passive's subject, and none across adverbial clauses or
/// gerunds, whose subject the parse finds poorly ("Labour fears ... switch
/// to X, allowing Y to win": 0 of 3 right on the BBC corpus).
fn clause_subject(parse: &Parse<'_>, v: usize) -> Option<usize> {
    let mut clause = v;
    for _ in 0..parse.len() {
        if let Some(subject) = parse.children(clause).find(|&c| parse.label(c).is_subject()) {
            return (parse.label(subject) == Label::Nsubj).then(|| parse.subject_of(clause)).flatten();
        }
        let to_infinitive = parse.children_with(clause, Label::Mark).next().is_some();
        match parse.label(clause) {
            Label::Conj => clause = parse.head(clause)?,
            Label::Xcomp if to_infinitive => clause = parse.head(clause)?,
            _ => return None,
        }
    }
    None
}

/// Word `noun` has a preposition (`case` child) among the row's object prepositions.
fn has_case(frame: &Frame<'_>, parse: &Parse<'_>, noun: usize, entry: &RelationEntry) -> bool {
    parse.children_with(noun, Label::Case).any(|c| {
        let word = &frame.text[parse.ranges[c].clone()];
        entry.object_preps.iter().any(|p| p.eq_ignore_ascii_case(word))
    })
}

/// The head word of mention `m`'s whole noun phrase: a titled name's
/// phrase ("the Deputy Prime Minister Ann Smith") hangs from its title or
/// its name as the parse has it, either way from a word outside the name.
fn phrase_head(parse: &Parse<'_>, m: &Mention) -> Option<usize> {
    head_word(parse, m.phrase_start.min(m.tokens.start)..m.tokens.end)
}

/// The head word of the tokens `tokens`: the first of their words whose
/// head lies outside them (the root counts); none for no words.
pub(super) fn head_word(parse: &Parse<'_>, tokens: Range<usize>) -> Option<usize> {
    let first = *parse.first_words.get(tokens.start)?;
    let end = parse.first_words.get(tokens.end).copied().unwrap_or(parse.len());
    (first..end).find(|&w| parse.head(w).is_none_or(|h| !(first..end).contains(&h)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed<'b>(text: &str, buffers: &'b mut ParseBuffers) -> (Vec<crate::text::Token>, Parse<'b>) {
        let tokens = crate::text::tokenize(text, 0..text.len());
        let parse = Parser::shared().parse_tokens(text, &tokens, buffers);
        (tokens, parse)
    }

    #[test]
    fn a_mention_maps_to_the_word_its_words_hang_from() {
        let text = "The Foreign Minister of Ruritania didn't meet Ann Smith.";
        let mut buffers = ParseBuffers::default();
        let (tokens, parse) = parsed(text, &mut buffers);
        let word = |w: usize| &text[parse.ranges[w].clone()];
        let at = |s: &str| tokens.iter().position(|t| t.text(text) == s).unwrap();
        // "Ann Smith": flat names hang from the first.
        let name = head_word(&parse, at("Ann")..at("Smith") + 1).unwrap();
        assert_eq!(word(name), "Ann");
        let meet = parse.first_words[at("meet")];
        assert_eq!(parse.objects_of(meet).collect::<Vec<_>>(), [name]);
        // "The Foreign Minister of Ruritania": the noun the rest modifies.
        let minister = head_word(&parse, at("The")..at("Ruritania") + 1).unwrap();
        assert_eq!(word(minister), "Minister");
        assert_eq!(parse.subject_of(meet), Some(minister));
        // "didn't" is two words, one token: its head word is the first that hangs outside it.
        let didnt = head_word(&parse, at("didn't")..at("didn't") + 1).unwrap();
        assert_eq!(word(didnt), "did");
    }

    #[test]
    fn no_tokens_have_no_head_word_and_the_last_token_ends_at_the_last_word() {
        let text = "Bo left";
        let mut buffers = ParseBuffers::default();
        let (_, parse) = parsed(text, &mut buffers);
        assert_eq!(head_word(&parse, 2..2), None);
        assert_eq!(head_word(&parse, 1..2), Some(1));
        assert_eq!(head_word(&parse, 0..2), Some(1), "the root heads the sentence");
    }
}
