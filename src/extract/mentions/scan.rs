//! The scan of one sentence: its state ([`Scan`]) and the helpers every rule
//! shares (token words and classes, lexicon matches, pushing a mention).

use std::ops::Range;

use super::buffers::{Buffers, Found};
use crate::extract::classes::SentenceClasses;
use crate::extract::extraction::{Cue, EntityKind, Form, Mention, PublishFact, RoleFact};
use crate::extract::lexicon::{GazTarget, Lexicon, TitleKind, WordClass};
use crate::extract::matches::Matches;
use crate::extract::vocabulary::NameType;
use crate::extract::vocabulary::PersonId;
use crate::extract::vocabulary::Role;
use crate::text::{Sentence, Token, TokenKind};

/// One sentence under scan: its tokens, classes and lexicon matches, where its
/// mentions go, and what a rule leaves pending for the next one.
pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    /// The sentence's index in the document.
    pub(super) index: usize,
    pub(super) tokens: &'a [Token],
    pub(super) classes: SentenceClasses<'a>,
    pub(super) lexicon: &'a Lexicon,
    pub(super) found: &'a mut Found,
    /// Longest valid gazetteer match starting at each token: (end token, target).
    gazetteer: &'a [Option<(usize, GazTarget)>],
    /// Longest title starting at each token: (end token, title entry).
    titles: &'a [Option<(usize, usize)>],
    /// The sentence is in capitals (a headline): case tells no names apart there.
    pub(super) all_caps: bool,
    /// Names the statistical tagger found, by first token: (end token, type).
    pub(super) tagged: &'a [Option<(usize, NameType)>],
    /// A state that qualifies the title about to come ("US" in "US President").
    pub(super) role_state: Option<usize>,
    /// A report waiting for its publisher ("the report by ..."): report mention, first token allowed.
    pub(super) publisher_wanted: Option<(usize, usize, Range<usize>)>,
}

impl<'a> Scan<'a> {
    /// Reads the sentence's matches and tagged names from `buffers`.
    pub(super) fn new(
        text: &'a str,
        index: usize,
        sentence: &'a Sentence,
        classes: SentenceClasses<'a>,
        lexicon: &'a Lexicon,
        found: &'a mut Found,
        buffers: &'a Buffers,
    ) -> Self {
        let tokens = &sentence.tokens[..];
        let Buffers { matches: Matches { gazetteer, titles, .. }, tagged, .. } = buffers;
        let (mut words, mut caps) = (0, 0);
        // Counted without a branch on the token's kind: words and
        // punctuation come in no order a processor can guess.
        for (token, bits) in tokens.iter().zip(classes.words()) {
            let word = usize::from(token.kind == TokenKind::Word);
            words += word;
            caps += word & usize::from(bits.is_shouted());
        }
        Scan {
            text,
            index,
            tokens,
            classes,
            lexicon,
            found,
            gazetteer,
            titles,
            all_caps: words >= 3 && caps * 10 >= words * 7,
            tagged,
            role_state: None,
            publisher_wanted: None,
        }
    }

    pub(super) fn gaz(&self, i: usize) -> Option<(usize, GazTarget)> {
        self.gazetteer.get(i).copied().flatten()
    }

    pub(super) fn title(&self, i: usize) -> Option<(usize, usize)> {
        self.titles.get(i).copied().flatten()
    }

    /// A title that introduces a name starts here ("Secretary" in "Home Secretary Suella Braverman").
    pub(super) fn starts_title(&self, i: usize) -> bool {
        self.title(i).is_some_and(|(_, entry)| {
            matches!(self.lexicon.title_entries[entry].kind, TitleKind::Title | TitleKind::Honorific)
        })
    }

    /// Token `i` is a word of `class`.
    pub(super) fn is(&self, i: usize, class: &WordClass) -> bool {
        self.classes.is(i, class)
    }

    /// A grammatical word after which a name is still a head ("Russia has",
    /// "Russia and"), in lower case. Asked for most mentions: the list finds
    /// short words by their packing, without string hashing.
    pub(super) fn is_grammar(&self, word: &str) -> bool {
        self.lexicon.lists.grammar.contains(word)
    }

    /// Token `i` is the first word of a relation trigger ("met", "slammed"): a verb, not a name.
    pub(super) fn starts_trigger(&self, i: usize) -> bool {
        self.classes.starts_trigger(i)
    }

    pub(super) fn is_first_name(&self, i: usize) -> bool {
        self.classes.is_first_name(i)
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Length of the longest entry of `class` at token `i` (its class bits say whether the word alone is one).
    pub(super) fn match_len(&self, class: &WordClass, i: usize) -> usize {
        class.match_len_of_tokens(self.is(i, class), self.text, &self.tokens[i.min(self.tokens.len())..])
    }

    pub(super) fn words_from(&self, i: usize) -> impl Iterator<Item = &'a str> + Clone + 'a {
        let text = self.text;
        self.tokens[i.min(self.tokens.len())..].iter().map(move |t| t.text(text))
    }

    /// A word starting with a capital (`Token::is_capitalized`, from the class bits).
    pub(super) fn is_capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && self.classes.is_capitalized(i)
    }

    /// A capitalised word that can be part of a name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
        self.is_capitalized(i) && !self.is(i, &self.lexicon.words.function)
    }

    pub(super) fn span(&self, tokens: Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end
    }

    /// An age in apposition starts at token `k`: "53," of "Joe Roe, 53, a director".
    pub(super) fn age_at(&self, k: usize) -> bool {
        self.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number) && self.word(k + 1) == ","
    }

    pub(super) fn followed_by_possessive(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// A name is a modifier when it is possessive, hyphen-joined or followed by a noun.
    pub(super) fn is_modifier(&self, end: usize) -> bool {
        let Some(next) = self.tokens.get(end) else { return false };
        if next.kind == TokenKind::Possessive {
            return true;
        }
        let word = next.text(self.text);
        if word == "-" && next.start == self.tokens[end - 1].end {
            return true;
        }
        next.kind == TokenKind::Word
            && word.starts_with(char::is_lowercase)
            && !self.is_grammar(word)
            && !word.ends_with("ed")
            && !word.ends_with('s')
            // "The Red Cross operating in Iraq said": a participle, not a noun the name qualifies.
            && !word.ends_with("ing")
            && !self.is(end, &self.lexicon.words.speech)
            && !self.starts_trigger(end)
            && !self.is(end, &self.lexicon.words.verb)
            && !self.is(end, &self.lexicon.words.passive_aux)
            && !self.is(end, &self.lexicon.words.clause)
            && !self.is(end, &self.lexicon.words.locative)
    }

    pub(super) fn push(&mut self, tokens: Range<usize>, kind: EntityKind, form: Form, head: bool, cue: Cue) -> usize {
        let span = self.span(tokens.clone());
        self.found.mentions.push(Mention {
            sentence: self.index,
            phrase_start: tokens.start,
            tokens: tokens.clone(),
            span,
            kind,
            form,
            head,
            cue,
            entity: None,
        });
        let index = self.found.mentions.len() - 1;
        if head
            && let Some((report, first, trigger)) = self.publisher_wanted.take()
            && tokens.start <= first + 4
            && matches!(kind, EntityKind::Organization | EntityKind::State)
        {
            self.found.publishers.push(PublishFact { publisher: index, report, trigger });
        }
        index
    }

    /// "Claudia Mo of the Civic Party": a person named at `person`, member of
    /// the organization named at `org`, as the words at byte range `trigger`
    /// say. Returns the organization's end token.
    pub(super) fn push_member_of(&mut self, person: Range<usize>, org: Range<usize>, trigger: Range<usize>) -> usize {
        let name = self.text[self.span(person.clone())].to_string();
        let person = self.push(person, EntityKind::Person, Form::Name, true, Cue::Person { name, lexicon: None });
        let end = org.end;
        let org_name = self.text[self.span(org.clone())].to_string();
        let head = !self.is_modifier(end);
        let org = self.push(
            org,
            EntityKind::Organization,
            Form::Name,
            head,
            Cue::Org { name: org_name, lexicon: None, state: None },
        );
        self.found.roles.push(RoleFact { person, relation: Role::MemberOf, state: org, trigger });
        end
    }

    /// Token `i` is a hyphen that joins the words either side of it, with no
    /// space ("Kilroy-Silk", "Jong-un"): one name word.
    pub(super) fn hyphen_joins(&self, i: usize) -> bool {
        let (Some(before), Some(hyphen), Some(after)) =
            (i.checked_sub(1).and_then(|b| self.tokens.get(b)), self.tokens.get(i), self.tokens.get(i + 1))
        else {
            return false;
        };
        hyphen.kind == TokenKind::Punct
            && self.word(i) == "-"
            && before.end == hyphen.start
            && hyphen.end == after.start
            && after.kind == TokenKind::Word
    }

    /// A run of name words starting at `i` ("Anatoly Antanov", "Kim Jong-un"), or a lexicon person.
    pub(super) fn name_run(&self, i: usize) -> Option<(usize, Option<PersonId>)> {
        if let Some((end, GazTarget::Person(p))) = self.gaz(i) {
            return Some((end, Some(p)));
        }
        if !self.is_name_word(i) || self.gaz(i).is_some() {
            return None;
        }
        let mut end = i + 1;
        while end < self.tokens.len() {
            // "Francois Mitterand": a given name before a known surname is that person.
            if let Some((person_end, GazTarget::Person(p))) = self.gaz(end)
                && end == i + 1
            {
                return Some((person_end, Some(p)));
            }
            // "Martin Luther King Jr.": a title word before a generational suffix is a surname.
            let title = self.starts_title(end) && !self.is_generational_suffix(end + 1);
            if self.is_name_word(end) && self.gaz(end).is_none() && !title {
                end += 1;
            } else if self.hyphen_joins(end) {
                end += 2;
            } else {
                break;
            }
        }
        Some((end, None))
    }
}
