//! Mention finding: gazetteer names, titled names, capitalised names with cue
//! words, role descriptions ("the Russian President"), report descriptions
//! and pronouns. Each mention records whether it can head a relation argument.

use std::ops::Range;

use super::classes::{
    CAPITALIZED, Capitals, DETERMINER, DETERMINERS, FIRST_NAME, GAZETTEER_START, SHOUTED, SentenceClasses, TITLE_START,
    TRIGGER_WORD, TokenClasses, WordTable, pack_word,
};
use super::lexicon::{GazTarget, Lexicon, TitleKind, WordClass};
use super::tagger::{DocumentContext, FeatureCache, SentenceView, Tagger, ViewBuffers};
use super::{Cue, EntityKind, Form, Mention, PublishFact, RoleFact, strip_leading};
use crate::text::{Sentence, Token, TokenKind};

/// Mentions and the facts stated in the same breath (titles, "report by").
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub mentions: Vec<Mention>,
    pub roles: Vec<RoleFact>,
    pub publishers: Vec<PublishFact>,
    /// Capitalised names with no cue; the resolver adopts those that repeat a known name.
    pub unknown: Vec<Mention>,
}

/// `words` is the table `classes` was read from; `tagger` is the statistical
/// name tagger, if the pipeline has one; `buffers` are the thread's.
pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
    words: &WordTable,
    lexicon: &Lexicon,
    tagger: Option<&Tagger>,
    buffers: &mut Buffers,
) -> Found {
    // A document has fewer mentions than capitals, give or take its pronouns.
    let mut found = Found { mentions: Vec::with_capacity(classes.capitals()), ..Found::default() };
    let document = match tagger {
        None => DocumentContext::default(),
        Some(_) => {
            buffers.features.serve(words, tagger);
            DocumentContext::new(text, sentences, classes, words, lexicon)
        }
    };
    for (index, sentence) in sentences.iter().enumerate() {
        let classes = classes.sentence(index);
        buffers.matches.refill(text, sentence, classes, lexicon);
        buffers.tag(text, sentence, classes, lexicon, tagger, &document);
        Scan::new(text, index, sentence, classes, lexicon, &mut found, buffers).run();
    }
    found
}

/// The per-token vectors of one sentence, handed from sentence to sentence
/// and kept by the thread between documents (in its workspace), so that they
/// are allocated once and grow to the longest sentence met; and the tagger's
/// features of the words of the thread's word table.
#[derive(Default)]
pub(crate) struct Buffers {
    matches: Matches,
    /// Names the statistical tagger found, by first token: (end token, type);
    /// empty when no model is loaded.
    tagged: Vec<Option<(usize, NameType)>>,
    view: ViewBuffers,
    labels: Vec<usize>,
    features: FeatureCache,
}

/// What the statistical tagger calls a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameType {
    Person,
    Location,
    Organization,
    Other,
}

impl Buffers {
    /// Name spans from `tagger` into `tagged`, by first token; `tagged` is
    /// left empty when there is no model. Reads `matches`, which must be this
    /// sentence's, and `features`, which must be served for `tagger`.
    fn tag(
        &mut self,
        text: &str,
        sentence: &Sentence,
        classes: SentenceClasses,
        lexicon: &Lexicon,
        tagger: Option<&Tagger>,
        document: &DocumentContext,
    ) {
        self.tagged.clear();
        let Some(tagger) = tagger else { return };
        self.tagged.resize(sentence.tokens.len(), None);
        let buffers = std::mem::take(&mut self.view);
        let (matches, features) = (&self.matches, &self.features);
        let view =
            SentenceView::new(text, sentence, classes, features, Some(tagger), matches, lexicon, document, buffers);
        tagger.tag_into(&view, &mut self.labels);
        self.view = view.into_buffers();
        name_spans(&self.labels, classes.capitalized, &mut self.tagged);
    }
}

/// The names in a sentence's BIO labels, by first token: (end token, type).
/// The labels are the tagger's, which after "outside" scores only capitals:
/// from an "outside" label the next name can only start at the next capital.
fn name_spans(labels: &[usize], capitals: &[u32], spans: &mut [Option<(usize, NameType)>]) {
    let n = labels.len();
    let mut capitals = Capitals::new(capitals);
    let mut i = 0;
    while i < n {
        if labels[i] == 0 {
            i = capitals.from(i + 1, n);
            continue;
        }
        let kind = (labels[i] - 1) / 2;
        let mut end = i + 1;
        while end < n && labels[end] != 0 && labels[end].is_multiple_of(2) && (labels[end] - 1) / 2 == kind {
            end += 1;
        }
        let name_type = match kind {
            0 => NameType::Person,
            1 => NameType::Location,
            2 => NameType::Organization,
            _ => NameType::Other,
        };
        spans[i] = Some((end, name_type));
        i = end;
    }
}

/// Lexicon matches in one sentence, aligned to its tokens.
#[derive(Default)]
pub(crate) struct Matches {
    /// Longest valid gazetteer match starting at each token: (end token, target).
    pub gazetteer: Vec<Option<(usize, GazTarget)>>,
    /// Longest title starting at each token: (end token, title entry).
    pub titles: Vec<Option<(usize, usize)>>,
    /// The only tokens whose entries may be set: the sentence's phrase starts.
    starts: Vec<u32>,
}

impl Matches {
    pub fn find(text: &str, sentence: &Sentence, classes: SentenceClasses, lexicon: &Lexicon) -> Self {
        let mut matches = Matches::default();
        matches.refill(text, sentence, classes, lexicon);
        matches
    }

    /// The matches of another sentence, in the vectors of these.
    fn refill(&mut self, text: &str, sentence: &Sentence, classes: SentenceClasses, lexicon: &Lexicon) {
        let tokens = &sentence.tokens[..];
        let Matches { gazetteer, titles, starts } = self;
        // Only the last sentence's phrase starts can hold a match: those are
        // cleared, not every entry (48 bytes a token).
        for &s in starts.iter() {
            if let (Some(gazetteer), Some(title)) = (gazetteer.get_mut(s as usize), titles.get_mut(s as usize)) {
                (*gazetteer, *title) = (None, None);
            }
        }
        gazetteer.resize(tokens.len(), None);
        titles.resize(tokens.len(), None);
        starts.clear();
        starts.extend_from_slice(classes.phrase_starts);
        // One pass over the phrase starts finds the gazetteer's and the titles' matches.
        for &s in classes.phrase_starts {
            let s = s as usize;
            let bits = classes.bits[s];
            if bits & GAZETTEER_START != 0 {
                lexicon.gazetteer.for_each_match_from(text, tokens, s, |e, id| {
                    let (target, pattern) = &lexicon.gazetteer_targets[id];
                    if !case_matches(pattern, &text[tokens[s].start..tokens[e].end]) {
                        return;
                    }
                    let better = match gazetteer[s] {
                        None => true,
                        Some((end, old)) => e + 1 > end || (e + 1 == end && priority(*target) < priority(old)),
                    };
                    if better {
                        gazetteer[s] = Some((e + 1, *target));
                    }
                });
            }
            if bits & TITLE_START != 0 {
                lexicon.titles.for_each_match_from(text, tokens, s, |e, id| {
                    if titles[s].is_none_or(|(end, _)| e + 1 > end) {
                        titles[s] = Some((e + 1, id));
                    }
                });
            }
        }
    }
}

/// Grammatical words after which a name is still a head ("Russia has", "Russia and").
const GRAMMAR: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "and",
    "or",
    "but",
    "nor",
    "to",
    "in",
    "on",
    "at",
    "of",
    "for",
    "with",
    "by",
    "from",
    "as",
    "that",
    "which",
    "who",
    "whose",
    "also",
    "already",
    "not",
    "never",
    "then",
    "now",
    "again",
    "itself",
    "himself",
    "herself",
    "themselves",
    "over",
    "into",
    "about",
    "after",
    "before",
    "since",
    "while",
    "when",
    "if",
    "because",
    "than",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "mockingly",
    "officially",
    "reportedly",
    "allegedly",
    "earlier",
    "later",
    "last",
    "yesterday",
    "today",
    "recently",
    "previously",
    "still",
    "just",
    "only",
    "even",
    "either",
    "neither",
    "both",
    "all",
    "against",
    "under",
    "between",
    "through",
    "during",
    "along",
    "together",
    "alone",
];

/// Constant-time membership in [`GRAMMAR`] (it is consulted for every
/// mention), with each word packed into one integer: no string hashing.
fn is_grammar(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<u128>> = std::sync::OnceLock::new();
    let set =
        SET.get_or_init(|| GRAMMAR.iter().map(|w| pack_word(w.as_bytes()).expect("grammar words are short")).collect());
    pack_word(word.as_bytes()).is_some_and(|packed| set.contains(&packed))
}

/// Compass words that name part of a state or place ("South Lebanon", "in southeastern Turkey").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

struct Scan<'a> {
    text: &'a str,
    index: usize,
    tokens: &'a [Token],
    classes: SentenceClasses<'a>,
    lexicon: &'a Lexicon,
    found: &'a mut Found,
    /// Longest valid gazetteer match starting at each token: (end token, target).
    gazetteer: &'a [Option<(usize, GazTarget)>],
    /// Longest title starting at each token: (end token, title entry).
    titles: &'a [Option<(usize, usize)>],
    all_caps: bool,
    /// Names the statistical tagger found, by first token: (end token, type).
    tagged: &'a [Option<(usize, NameType)>],
    /// A state that qualifies the title about to come ("US" in "US President").
    role_state: Option<usize>,
    /// A report waiting for its publisher ("the report by ..."): report mention, first token allowed.
    publisher_wanted: Option<(usize, usize, Range<usize>)>,
}

impl<'a> Scan<'a> {
    /// Reads the sentence's matches and tagged names from `buffers`.
    fn new(
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
        for (token, &bits) in tokens.iter().zip(classes.bits) {
            let word = usize::from(token.kind == TokenKind::Word);
            words += word;
            caps += word & usize::from(bits & SHOUTED != 0);
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

    fn gaz(&self, i: usize) -> Option<(usize, GazTarget)> {
        self.gazetteer.get(i).copied().flatten()
    }

    fn title(&self, i: usize) -> Option<(usize, usize)> {
        self.titles.get(i).copied().flatten()
    }

    /// A title that introduces a name starts here ("Secretary" in "Home Secretary Suella Braverman").
    fn starts_title(&self, i: usize) -> bool {
        self.title(i).is_some_and(|(_, entry)| {
            matches!(self.lexicon.title_entries[entry].kind, TitleKind::Title | TitleKind::Honorific)
        })
    }

    /// An ordinary word in capitals ("UNLESS", "WARNED"), not a name.
    fn is_shouted_word(&self, i: usize) -> bool {
        let word = self.word(i);
        if word.len() < 2 || word.chars().any(char::is_lowercase) {
            return false;
        }
        let words = &self.lexicon.words;
        is_grammar(&word.to_lowercase())
            || self.is(i, &words.clause)
            || self.is(i, &words.speech)
            || self.is(i, &words.hedge)
            || self.starts_trigger(i)
    }

    /// Token `i` is a word of `class`.
    fn is(&self, i: usize, class: &WordClass) -> bool {
        self.classes.is(i, class)
    }

    /// Token `i` is the first word of a relation trigger ("met", "slammed"): a verb, not a name.
    fn starts_trigger(&self, i: usize) -> bool {
        self.classes.bits(i) & TRIGGER_WORD != 0
    }

    fn is_first_name(&self, i: usize) -> bool {
        self.classes.bits(i) & FIRST_NAME != 0
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Length of the longest entry of `class` at token `i` (its class bits say whether the word alone is one).
    fn match_len(&self, class: &WordClass, i: usize) -> usize {
        class.match_len_of_tokens(self.is(i, class), self.text, &self.tokens[i.min(self.tokens.len())..])
    }

    fn words_from(&self, i: usize) -> impl Iterator<Item = &'a str> + Clone + 'a {
        let text = self.text;
        self.tokens[i.min(self.tokens.len())..].iter().map(move |t| t.text(text))
    }

    /// A word starting with a capital (`Token::is_capitalized`, from the class bits).
    fn is_capitalized(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word) && self.classes.bits(i) & CAPITALIZED != 0
    }

    /// A capitalised word that can be part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        self.is_capitalized(i) && !self.is(i, &self.lexicon.words.function)
    }

    fn span(&self, tokens: Range<usize>) -> Range<usize> {
        self.tokens[tokens.start].start..self.tokens[tokens.end - 1].end
    }

    fn followed_by_possessive(&self, end: usize) -> bool {
        self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Possessive)
    }

    /// A name is a modifier when it is possessive, hyphen-joined or followed by a noun.
    fn is_modifier(&self, end: usize) -> bool {
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
            && !is_grammar(word)
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

    /// "Poland's parliament", "European Community foreign ministers", "NATO
    /// peacekeeping troops": a state or organization acting through its people.
    /// Returns the token after the group noun.
    fn group_after(&self, end: usize) -> Option<usize> {
        let first = if self.followed_by_possessive(end) { end + 1 } else { end };
        for k in first..first + 3 {
            if self.tokens.get(k)?.kind != TokenKind::Word {
                return None;
            }
            let word = self.word(k);
            if self.is(k, &self.lexicon.words.state_noun) && self.title(k).is_none() {
                return Some(k + 1);
            }
            // "Nicaragua's Sandinista government": one name word before the noun.
            let name_word = k == first
                && word.starts_with(char::is_uppercase)
                && self.gaz(k).is_none()
                && self.is(k + 1, &self.lexicon.words.state_noun);
            let modifier = name_word
                || word.starts_with(char::is_lowercase)
                    && !is_grammar(word)
                    && !word.ends_with("ed")
                    && !self.is(k, &self.lexicon.words.clause)
                    && !self.is(k, &self.lexicon.words.verb)
                    && !self.starts_trigger(k);
            if !modifier {
                return None;
            }
        }
        None
    }

    /// A state's people as actor: a group ("Afghan rebels", label from the state's
    /// demonym and the words of `noun`) or, for its government and forces, the state.
    fn push_acting(&mut self, tokens: Range<usize>, noun: Range<usize>, s: usize, head: bool) -> usize {
        let last = noun.end.saturating_sub(1).max(noun.start);
        if !noun.is_empty() && self.is(last, &self.lexicon.words.group_noun) {
            let state = &self.lexicon.states[s];
            let words = self.text[self.span(noun)].to_lowercase();
            let label = format!("{} {words}", state.demonym.as_deref().unwrap_or(&state.name));
            return self.push(tokens, EntityKind::Group, Form::Nominal, head, Cue::Group { state: s, label });
        }
        self.push(tokens, EntityKind::State, Form::Nominal, head, Cue::State(s))
    }

    /// "Demonstrators in Baghdad", "Rebels in the Ivory Coast": a group that opens
    /// the sentence, placed in the state whose name starts at `i`. Returns where the group starts.
    fn group_in(&self, i: usize) -> Option<usize> {
        let mut k = i.checked_sub(1)?;
        if self.word(k).eq_ignore_ascii_case("the") {
            k = k.checked_sub(1)?;
        }
        let placed = matches!(self.word(k), "in" | "throughout" | "across");
        if !placed || k == 0 || !self.is(k - 1, &self.lexicon.words.state_noun) {
            return None;
        }
        let mut start = k - 1;
        while start > 0 {
            let word = self.word(start - 1);
            // The sentence's first word is capitalised whatever it is ("Opposition groups in ...").
            let first = start - 1 == 0 && self.tokens[0].kind == TokenKind::Word && self.gaz(0).is_none();
            // "Tens of thousands of students throughout Indonesia".
            let quantity_of = word == "of" && start >= 2 && self.tokens[start - 2].kind != TokenKind::Punct;
            let modifier = self.tokens[start - 1].kind == TokenKind::Number
                || (word.starts_with(char::is_lowercase) && !self.is(start - 1, &self.lexicon.words.clause))
                || first;
            if !modifier || is_grammar(word) && !first && !quantity_of {
                return None;
            }
            start -= 1;
        }
        Some(start)
    }

    /// "pro-Beijing", "anti-Syria": the name at `start` is what a group is for or against.
    fn after_pro_or_anti(&self, start: usize) -> bool {
        start >= 2
            && self.word(start - 1) == "-"
            && (self.word(start - 2).eq_ignore_ascii_case("pro") || self.word(start - 2).eq_ignore_ascii_case("anti"))
    }

    fn after_locative(&self, start: usize) -> bool {
        (1..=2).any(|back| {
            start >= back && {
                let n = self.match_len(&self.lexicon.words.locative, start - back);
                n == back
            }
        })
    }

    fn push(&mut self, tokens: Range<usize>, kind: EntityKind, form: Form, head: bool, cue: Cue) -> usize {
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

    fn run(&mut self) {
        let first = self.found.mentions.len();
        self.scan();
        self.memberships(first);
        self.placements(first);
        self.appositions(first);
        self.nationalities(first);
    }

    /// "Kofi Annan, UN secretary-general, ...", "Salaheddine Sidhoum, Algeria's leading
    /// human rights activist, ...": an apposition that names the person's state or organization.
    fn appositions(&mut self, first: usize) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name || self.word(person.tokens.end) != "," {
                continue;
            }
            let mut j = person.tokens.end + 1;
            if matches!(self.word(j), "the" | "a" | "an") {
                j += 1;
            }
            let Some(q) = self.found.mentions[first..].iter().position(|m| {
                m.tokens.start == j
                    && matches!(m.cue, Cue::State(_) | Cue::Org { .. })
                    && matches!(m.form, Form::Demonym | Form::Name)
            }) else {
                continue;
            };
            let q = first + q;
            let mut after = self.found.mentions[q].tokens.end;
            if self.followed_by_possessive(after) {
                after += 1;
            }
            // A description follows and the apposition closes: not a list ("Putin, Russia and China").
            let described = self.tokens.get(after).is_some_and(|t| t.kind == TokenKind::Word)
                && self.word(after).starts_with(char::is_lowercase)
                && !is_grammar(self.word(after))
                && self.word(after) != "and";
            let closes = (after..(after + 8).min(self.tokens.len() + 1))
                .any(|k| k == self.tokens.len() || matches!(self.word(k), "," | "." | ";"));
            if described && closes {
                let relation =
                    if matches!(self.found.mentions[q].cue, Cue::State(_)) { "national_of" } else { "member_of" };
                let trigger = self.span(after..after + 1);
                self.found.roles.push(RoleFact { person: p, relation: relation.into(), state: q, trigger });
            }
        }
    }

    /// "suspected British militant Haroon Rashid Aswad", "Israeli right-winger
    /// Ariel Sharon", "U.N. mediator Diego Cordovez": a state or organization
    /// and a noun before a name state the person's nationality or membership.
    fn nationalities(&mut self, first: usize) {
        for p in first..self.found.mentions.len() {
            let person = &self.found.mentions[p];
            if person.kind != EntityKind::Person || person.form != Form::Name || person.tokens.start < 2 {
                continue;
            }
            let noun = person.tokens.start - 1;
            let word = self.word(noun);
            // A noun, not a verb: "Twitter gave Mohamed the option".
            let described = self.tokens[noun].kind == TokenKind::Word
                && word.starts_with(char::is_lowercase)
                && !is_grammar(word)
                && !word.ends_with("ed")
                && !self.is(noun, &self.lexicon.words.verb)
                && !self.is(noun, &self.lexicon.words.speech)
                && !self.starts_trigger(noun)
                && self.title(noun).is_none();
            // A state or organization right before the noun, but not "pro-Beijing
            // councillors" or "anti-Kremlin activist".
            let qualifier = self.found.mentions[first..].iter().position(|m| {
                m.tokens.end == noun
                    && !self.after_pro_or_anti(m.tokens.start)
                    && matches!(m.cue, Cue::State(_) | Cue::Org { .. })
                    && matches!(m.form, Form::Demonym | Form::Name)
            });
            if let (true, Some(q)) = (described, qualifier) {
                // "U.N. mediator Diego Cordovez": an organization's people are its members.
                let relation = if matches!(self.found.mentions[first + q].cue, Cue::State(_)) {
                    "national_of"
                } else {
                    "member_of"
                };
                let trigger = self.span(noun..noun + 1);
                self.found.roles.push(RoleFact { person: p, relation: relation.into(), state: first + q, trigger });
            }
        }
    }

    /// Locates what the text places in a state: organizations "of" a state or
    /// its capital, regions ("South Lebanon"), places "in" or after a comma
    /// before a state ("Cizre in southeastern Turkey", "Bam, Iran").
    fn placements(&mut self, first: usize) {
        // "the United Bus Company of Tehran": an organization of a state or its capital.
        for p in first..self.found.mentions.len() {
            let end = self.found.mentions[p].tokens.end;
            if !matches!(self.found.mentions[p].cue, Cue::Org { lexicon: None, state: None, .. })
                || self.word(end) != "of"
            {
                continue;
            }
            let located = match self.gaz(end + 1) {
                Some((_, GazTarget::StateName(s) | GazTarget::StateSeat(s))) => Some(s),
                _ => None,
            };
            if let (Some(s), Cue::Org { state, .. }) = (located, &mut self.found.mentions[p].cue) {
                *state = Some(s);
            }
        }
        for p in first..self.found.mentions.len() {
            if !matches!(self.found.mentions[p].cue, Cue::Place { state: None, .. }) {
                continue;
            }
            // "South Lebanon", "Western Cambodia", "West Darfur State": a region of a state or place.
            let tokens = self.found.mentions[p].tokens.clone();
            let compass = DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(self.word(tokens.start)));
            let region_of = match self.gaz(tokens.start + 1) {
                Some((end, GazTarget::StateName(s))) if compass && end <= tokens.end => Some(s),
                Some((end, GazTarget::Place(q))) if compass && end <= tokens.end => self.lexicon.places[q].state,
                _ => None,
            };
            if let (Some(s), Cue::Place { state, .. }) = (region_of, &mut self.found.mentions[p].cue) {
                *state = Some(s);
                continue;
            }
            let mut k = tokens.end;
            if !matches!(self.word(k), "," | "in") {
                continue;
            }
            k += 1;
            // "in the north of", "in southeastern": direction words between.
            while k < self.tokens.len() && (matches!(self.word(k), "the" | "of") || DIRECTIONS.contains(&self.word(k)))
            {
                k += 1;
            }
            let state = self.found.mentions[first..].iter().find_map(|o| match o.cue {
                Cue::State(s) if o.tokens.start == k && o.form == Form::Name => Some(s),
                _ => None,
            });
            if let (Some(s), Cue::Place { state, .. }) = (state, &mut self.found.mentions[p].cue) {
                *state = Some(s);
            }
        }
    }

    /// What any of the rules in [`Scan::scan`] needs first: a title, a
    /// determiner, a lexicon or tagger name, a capital or a pronoun. Most
    /// tokens have none of these and skip the rules.
    fn may_start_mention(&self, i: usize) -> bool {
        let bits = self.classes.bits(i);
        bits & (CAPITALIZED | DETERMINER | self.lexicon.words.person_pronoun.bit()) != 0
            || self.title(i).is_some()
            || self.gaz(i).is_some()
            || self.tagged.get(i).is_some_and(Option::is_some)
            || self.tokens.get(i).is_some_and(|t| t.end - t.start == 2) && matches!(self.word(i), "it" | "It")
    }

    fn scan(&mut self) {
        let mut i = 0;
        while i < self.tokens.len() {
            let next = if self.may_start_mention(i) {
                self.title_and_name(i)
                    .or_else(|| self.description(i))
                    .or_else(|| self.tagged_name(i))
                    .or_else(|| self.gazetteer_name(i))
                    .or_else(|| self.capitalized_name(i))
                    .or_else(|| self.pronoun(i))
            } else {
                None
            };
            match next {
                Some(end) => i = end,
                None => {
                    // "British Defence Secretary", "Nigerian junior foreign minister": the
                    // state still qualifies the title a few words on.
                    const TITLE_WORDS: &[&str] = &[
                        "junior", "visiting", "senior", "deputy", "vice", "acting", "former", "interim", "top",
                        "chief", "foreign", "defence", "defense", "interior", "finance", "new",
                    ];
                    // Only a pending state needs the test (most words have none).
                    if self.role_state.is_some() && self.tokens[i].kind == TokenKind::Word {
                        let word = self.word(i);
                        let keeps = self.is_capitalized(i)
                            || DETERMINERS.iter().chain(TITLE_WORDS).any(|w| w.eq_ignore_ascii_case(word));
                        if !keeps {
                            self.role_state = None;
                        }
                    }
                    i += 1;
                }
            }
        }
    }

    /// "Claudia Mo of the Civic Party": a named person, "of", a named organization.
    fn memberships(&mut self, first: usize) {
        let mentions = &self.found.mentions[first..];
        let mut facts = Vec::new();
        for (p, person) in
            mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityKind::Person && m.form == Form::Name)
        {
            let at = person.tokens.end;
            if self.word(at) != "of" {
                continue;
            }
            let org_start = if self.word(at + 1) == "the" { at + 2 } else { at + 1 };
            if let Some(o) =
                mentions.iter().position(|m| m.kind == EntityKind::Organization && m.tokens.start == org_start)
            {
                facts.push(RoleFact {
                    person: first + p,
                    relation: "member_of".into(),
                    state: first + o,
                    trigger: self.tokens[at].range(),
                });
            }
        }
        for fact in facts {
            if !self.found.roles.iter().any(|r| r.person == fact.person && r.state == fact.state) {
                self.found.roles.push(fact);
            }
        }
    }

    /// A run of name words starting at `i` ("Anatoly Antanov", "Kim Jong-un"), or a lexicon person.
    fn name_run(&self, i: usize) -> Option<(usize, Option<usize>)> {
        if let Some((end, GazTarget::Person(p))) = self.gaz(i) {
            return Some((end, Some(p)));
        }
        if !self.is_name_word(i) || self.gaz(i).is_some() {
            return None;
        }
        let mut end = i + 1;
        while end < self.tokens.len() {
            let joined = self.tokens[end].start == self.tokens[end - 1].end;
            // "Francois Mitterand": a given name before a known surname is that person.
            if let Some((person_end, GazTarget::Person(p))) = self.gaz(end)
                && end == i + 1
            {
                return Some((person_end, Some(p)));
            }
            if self.is_name_word(end) && self.gaz(end).is_none() && !self.starts_title(end) {
                end += 1;
            } else if joined
                && self.word(end) == "-"
                && self
                    .tokens
                    .get(end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.start == self.tokens[end].end)
            {
                end += 2;
            } else {
                break;
            }
        }
        Some((end, None))
    }

    /// Title + name: "President Joe Biden", "ambassador to the United States Anatoly Antanov".
    fn title_and_name(&mut self, i: usize) -> Option<usize> {
        if self.all_caps {
            return None;
        }
        let (title_end, entry) = self.title(i)?;
        let title = &self.lexicon.title_entries[entry];
        // "Montenegro's prime minister has been indicted": a role noun after a possessive state.
        if title.kind == TitleKind::Nominal
            && let Some(state) = self.role_state
            && self.found.mentions[state].tokens.end + 1 == i
            && self.followed_by_possessive(self.found.mentions[state].tokens.end)
            && self.name_run(title_end).is_none()
        {
            let relation = title.role.clone();
            return Some(self.push_holder(state, title_end, relation));
        }
        if !matches!(title.kind, TitleKind::Title | TitleKind::Honorific) {
            return None;
        }
        let mut j = title_end;
        let mut posted_to = None;
        if self.word(j) == "to" {
            let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
            if let Some((end, GazTarget::StateName(state))) = self.gaz(k) {
                posted_to = Some((k..end, state));
                j = end;
            }
        }
        // "CEO of the Refugee Council Enver Solomon": the title's organization, then the name.
        let mut employer = None;
        if self.word(j) == "of" {
            let k = if self.word(j + 1).eq_ignore_ascii_case("the") { j + 2 } else { j + 1 };
            let mut e = k;
            while self.is_name_word(e) && self.gaz(e).is_none() {
                e += 1;
            }
            let org_end = (k..e).rev().find(|&h| self.is(h, &self.lexicon.words.org_head));
            if let Some(h) = org_end
                && h + 2 <= e
            {
                employer = Some(k..h + 1);
                j = h + 1;
            }
        }
        let Some((name_end, person)) = self.name_run(j) else {
            // "Taiwan's Vice Foreign Minister visited ...": the title stands for its holder.
            let state = self.role_state.filter(|_| title.kind == TitleKind::Title && posted_to.is_none())?;
            let relation = title.role.clone();
            return Some(self.push_holder(state, title_end, relation));
        };
        let role_state = self.role_state.take();
        let employer = employer.map(|tokens| {
            let name = self.text[self.span(tokens.clone())].to_string();
            self.push(
                tokens,
                EntityKind::Organization,
                Form::Name,
                false,
                Cue::Org { name, lexicon: None, state: None },
            )
        });
        if let Some((tokens, state)) = &posted_to {
            self.push(tokens.clone(), EntityKind::State, Form::Name, false, Cue::State(*state));
        }
        // "King Hassan of Morocco": the title's state after the name.
        let mut scanned_to = name_end;
        let role_state = role_state.or_else(|| {
            if self.word(name_end) != "of" || title.role.is_none() {
                return None;
            }
            let (end, target) = self.gaz(name_end + 1)?;
            let GazTarget::StateName(state) = target else { return None };
            scanned_to = end;
            Some(self.push(name_end + 1..end, EntityKind::State, Form::Name, false, Cue::State(state)))
        });
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
        let trigger = self.span(i..title_end);
        if let Some(org) = employer {
            let relation = title.role.clone().unwrap_or_else(|| "member_of".into());
            self.found.roles.push(RoleFact { person: person_mention, relation, state: org, trigger: trigger.clone() });
        }
        if let Some(relation) = &title.role {
            if let Some(state) = role_state {
                self.found.roles.push(RoleFact {
                    person: person_mention,
                    relation: relation.clone(),
                    state,
                    trigger: trigger.clone(),
                });
            }
            if let Some((_, _)) = posted_to
                && relation == "ambassador_of"
            {
                let state = self.found.mentions.len() - 2;
                self.found.roles.push(RoleFact {
                    person: person_mention,
                    relation: "ambassador_to".into(),
                    state,
                    trigger,
                });
            }
        }
        Some(scanned_to)
    }

    /// A title with no name after it, standing for whoever holds it in the
    /// state mentioned just before ("Taiwan's Vice Foreign Minister"). Returns the end token.
    fn push_holder(&mut self, state: usize, title_end: usize, relation: Option<String>) -> usize {
        self.role_state = None;
        let cue = Cue::Role { relation, state: Some(state), possessive_pronoun: false, asserts: true };
        let start = self.found.mentions[state].tokens.start;
        let head = !self.is_modifier(title_end);
        self.push(start..title_end, EntityKind::Person, Form::Nominal, head, cue);
        title_end
    }

    /// Descriptions: "the Russian President", "his Russian counterpart",
    /// "the 15-page report by ...", "the Russian side", "our country".
    fn description(&mut self, i: usize) -> Option<usize> {
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

    /// A name the tagger found where the gazetteer has nothing as long.
    fn tagged_name(&mut self, i: usize) -> Option<usize> {
        let (tag_end, name_type) = self.tagged.get(i).copied().flatten()?;
        // Trim what the tagger dragged in: "Minneapolis-based First Bank", "the Fed 's", "Minor Counties and".
        // A lower-case word hyphen-joined to the name stays ("Lee Cheuk-yan").
        let mut end = tag_end;
        while end > i {
            let last = self.tokens[end - 1];
            let joined = end >= 2 && self.word(end - 2) == "-" && self.tokens[end - 2].end == last.start;
            let trim = !matches!(last.kind, TokenKind::Word | TokenKind::Number)
                || (!joined && self.word(end - 1).starts_with(char::is_lowercase))
                || self.is(end - 1, &self.lexicon.words.function);
            if !trim {
                break;
            }
            end -= 1;
        }
        if end == i || (end == i + 1 && self.is_shouted_word(i)) {
            return Some(tag_end);
        }
        if !self.is_capitalized(i) {
            return None;
        }
        if let Some((gaz_end, target)) = self.gaz(i) {
            // The gazetteer decides its own names, except that a city or a seat
            // of government named as a sports team is an organization ("NEW YORK 74 59").
            // A state before an organization ("United States Commerce Department")
            // is the rules' business too.
            let city_as_team = gaz_end == end
                && name_type == NameType::Organization
                && matches!(target, GazTarget::Place(_) | GazTarget::StateSeat(_));
            if !city_as_team
                && (gaz_end >= end
                    || name_type == NameType::Other
                    || !matches!(target, GazTarget::Org(_) | GazTarget::Person(_) | GazTarget::Place(_)))
            {
                return None;
            }
        }
        // "Claudia Mo of Civic Party" tagged as one name: a person and their organization.
        if (name_type == NameType::Person || (name_type == NameType::Organization && self.is_first_name(i)))
            && let Some(of) = (i + 1..end.saturating_sub(1)).find(|&k| self.word(k) == "of")
        {
            let org_start = if self.word(of + 1) == "the" { of + 2 } else { of + 1 };
            if org_start < end {
                let name = self.text[self.span(i..of)].to_string();
                let person =
                    self.push(i..of, EntityKind::Person, Form::Name, true, Cue::Person { name, lexicon: None });
                let org_name = self.text[self.span(org_start..end)].to_string();
                let head = !self.is_modifier(end);
                let org = self.push(
                    org_start..end,
                    EntityKind::Organization,
                    Form::Name,
                    head,
                    Cue::Org { name: org_name, lexicon: None, state: None },
                );
                let trigger = self.tokens[of].range();
                self.found.roles.push(RoleFact { person, relation: "member_of".into(), state: org, trigger });
                return Some(end);
            }
        }
        let name = self.text[self.span(i..end)].to_string();
        let head = !self.is_modifier(end);
        match name_type {
            NameType::Person => {
                self.push(i..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: None });
            }
            NameType::Location => {
                self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state: None });
            }
            NameType::Organization => {
                // "Ministry of Foreign Affairs of Russia": the state qualifies the name.
                let qualifier = (i + 2..end).find(|&k| {
                    self.word(k - 1) == "of" && matches!(self.gaz(k), Some((e, GazTarget::StateName(_))) if e == end)
                });
                let (org_end, state) = match qualifier {
                    Some(k) => (k - 1, self.gaz(k).map(|(_, t)| t)),
                    None => (end, None),
                };
                let name = self.text[self.span(i..org_end)].to_string();
                let state = match state {
                    Some(GazTarget::StateName(s)) => Some(s),
                    _ => None,
                };
                self.push(i..end, EntityKind::Organization, Form::Name, head, Cue::Org { name, lexicon: None, state });
                if let (Some(k), Some(s)) = (qualifier, state) {
                    self.push(k..end, EntityKind::State, Form::Name, false, Cue::State(s));
                }
            }
            // Other names (events, products, nationalities) are not entities here.
            NameType::Other => {}
        }
        Some(end)
    }

    /// A gazetteer name, with organizations qualified by a state ("United States Commerce Department").
    fn gazetteer_name(&mut self, i: usize) -> Option<usize> {
        let (end, target) = self.gaz(i)?;
        match target {
            GazTarget::StateName(s) | GazTarget::StateSeat(s) | GazTarget::StateDemonym(s) => {
                // A state qualifying an organization.
                if let Some(org_end) = self.organization_after(end, Some(s)) {
                    return Some(org_end);
                }
                let form = if matches!(target, GazTarget::StateDemonym(_)) { Form::Demonym } else { Form::Name };
                // The group acts (a nominal head); the name stays a name, for scoring and aliases.
                if let Some(start) = self.group_in(i) {
                    let head = !self.followed_by_possessive(end);
                    let noun_end = i - if self.word(i - 1).eq_ignore_ascii_case("the") { 2 } else { 1 };
                    let noun_start = (start..noun_end)
                        .find(|&k| self.tokens[k].kind == TokenKind::Word && self.classes.bits(k) & DETERMINER == 0)
                        .unwrap_or(noun_end);
                    self.push(i..end, EntityKind::State, form, false, Cue::State(s));
                    self.push_acting(start..end, noun_start..noun_end, s, head);
                    return Some(end);
                }
                if self.followed_by_possessive(end)
                    && let Some(group_end) = self.group_after(end)
                {
                    let head = !self.is_modifier(group_end);
                    self.push(i..end, EntityKind::State, form, false, Cue::State(s));
                    self.push_acting(i..group_end, end + 1..group_end, s, head);
                    return Some(group_end);
                }
                if matches!(target, GazTarget::StateSeat(_)) && self.after_locative(i) {
                    let name = strip_leading(&self.text[self.span(i..end)], "the ").to_string();
                    self.push(
                        i..end,
                        EntityKind::Place,
                        Form::Name,
                        !self.followed_by_possessive(end),
                        Cue::Place { name, state: Some(s) },
                    );
                    return Some(end);
                }
                let after = if self.followed_by_possessive(end) { end + 1 } else { end };
                let titled = self.title(after).is_some();
                // "Ivory Coast rebels", "US forces": the state acting through its people.
                // "Ivory Coast rebels", "US forces", "Swiss doctors", "Iraqi Kurds": the
                // state acting through its people.
                let next = self.word(end);
                let people = next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && !is_grammar(next);
                // A plural demonym is people: "Palestinians blamed Israel", "Thousands of Nigerians".
                let plural_demonym = form == Form::Demonym && self.word(end - 1).ends_with('s');
                let acting =
                    self.is(end, &self.lexicon.words.state_noun) || (form == Form::Demonym && people) || plural_demonym;
                let head = (form == Form::Name && !self.is_modifier(end) || acting) && !titled;
                self.push(i..end, EntityKind::State, form, head, Cue::State(s));
                // A possessive state qualifies a title a few words on ("Jordan's visiting King").
                let possessive = self.followed_by_possessive(end);
                self.role_state = (titled || possessive).then(|| self.found.mentions.len() - 1);
                Some(if titled { after } else { end })
            }
            GazTarget::Org(o) => {
                let name = self.lexicon.organizations[o].name.clone();
                // "European Union foreign ministers": the organization acts; the span stays its name.
                let acting = !self.followed_by_possessive(end) && self.group_after(end).is_some();
                let head = acting || !self.is_modifier(end);
                self.push(
                    i..end,
                    EntityKind::Organization,
                    Form::Name,
                    head,
                    Cue::Org { name, lexicon: Some(o), state: None },
                );
                Some(end)
            }
            GazTarget::Person(p) => {
                // "The Bush administration declared": the leader's state acting.
                if self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word)
                    && matches!(self.word(end), "administration" | "government" | "cabinet" | "regime")
                    && let Some(role) = self.lexicon.people[p].roles.last()
                {
                    let name = self.text[self.span(i..end)].to_string();
                    self.push(i..end, EntityKind::Person, Form::Name, false, Cue::Person { name, lexicon: Some(p) });
                    let head = !self.is_modifier(end + 1);
                    self.push(i..end + 1, EntityKind::State, Form::Nominal, head, Cue::State(role.state));
                    return Some(end + 1);
                }
                let name = self.text[self.span(i..end)].to_string();
                let head = !self.is_modifier(end);
                self.push(i..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: Some(p) });
                Some(end)
            }
            GazTarget::Place(p) => {
                let name = self.lexicon.places[p].name.clone();
                let head = !self.followed_by_possessive(end);
                let state = self.lexicon.places[p].state;
                // "Darfur rebels", "Gaza militants": a group named by its region, in the region's state.
                if let Some(s) = state
                    && self.tokens.get(end).is_some_and(|t| t.kind == TokenKind::Word)
                    && self.is(end, &self.lexicon.words.group_noun)
                {
                    let label = format!("{name} {}", self.word(end).to_lowercase());
                    self.push(i..end, EntityKind::Place, Form::Name, false, Cue::Place { name, state });
                    let head = !self.is_modifier(end + 1);
                    self.push(i..end + 1, EntityKind::Group, Form::Nominal, head, Cue::Group { state: s, label });
                    return Some(end + 1);
                }
                self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state });
                Some(end)
            }
        }
    }

    /// An organization name starting at `i`, qualified by `state` when one precedes it.
    /// Pushes the qualifier (if any) and the organization; returns the end token.
    fn organization_after(&mut self, i: usize, state: Option<usize>) -> Option<usize> {
        if self.all_caps {
            return None;
        }
        let (end, name, lexicon) = if let Some((end, GazTarget::Org(o))) = self.gaz(i) {
            (end, self.lexicon.organizations[o].name.clone(), Some(o))
        } else {
            let (end, _) = self.name_run(i)?;
            if !self.is(end - 1, &self.lexicon.words.org_head) {
                return None;
            }
            (end, self.text[self.span(i..end)].to_string(), None)
        };
        if let Some(s) = state {
            let q = self.state_tokens_before(i);
            self.push(q, EntityKind::State, Form::Name, false, Cue::State(s));
        }
        let state = state.or_else(|| lexicon.and_then(|o| self.lexicon.organizations[o].state));
        let head = !self.is_modifier(end);
        let qualified = state.is_some() && lexicon.is_none();
        self.push(
            i..end,
            EntityKind::Organization,
            Form::Name,
            head,
            Cue::Org { name, lexicon, state: if qualified { state } else { None } },
        );
        Some(end)
    }

    /// The tokens of the state name that ends right before token `i`.
    fn state_tokens_before(&self, i: usize) -> Range<usize> {
        (0..i).rev().find(|&s| self.gaz(s).is_some_and(|(end, _)| end == i)).map_or(i.saturating_sub(1)..i, |s| s..i)
    }

    /// A capitalised name with no gazetteer entry, typed by its cue words.
    fn capitalized_name(&mut self, i: usize) -> Option<usize> {
        if self.all_caps || !self.is_name_word(i) || self.gaz(i).is_some() {
            return None;
        }
        // Where a tagger is loaded, a capitalised word it leaves out is no name
        // unless a strong cue says otherwise (checked below).
        let tagger_says_no = !self.tagged.is_empty();
        let words = &self.lexicon.words;
        let mut end = i + 1;
        let mut first_link = None;
        loop {
            let link = self.match_len(&words.name_link, end);
            let continues = self.is_name_word(end)
                && !self.starts_title(end)
                && self.gaz(end).is_none_or(|(_, t)| matches!(t, GazTarget::Org(_)));
            if continues {
                end += 1;
            } else if link > 0 && self.is_name_word(end + link) && self.gaz(end + link).is_none() {
                first_link.get_or_insert((end, link));
                end += link + 1;
            } else {
                break;
            }
        }
        let last = self.word(end - 1);
        // "Claudia Mo of the Civic Party": a person, then the organization they belong to.
        if let Some((at, len)) = first_link
            && self.is_first_name(i)
            && at - i <= 3
            && self.word(at) == "of"
            && !(i..at).any(|k| self.is(k, &words.org_head))
        {
            let name = self.text[self.span(i..at)].to_string();
            let person = self.push(i..at, EntityKind::Person, Form::Name, true, Cue::Person { name, lexicon: None });
            let org_name = self.text[self.span(at + len..end)].to_string();
            let head = !self.is_modifier(end);
            let org = self.push(
                at + len..end,
                EntityKind::Organization,
                Form::Name,
                head,
                Cue::Org { name: org_name, lexicon: None, state: None },
            );
            let trigger = self.span(at..at + len);
            self.found.roles.push(RoleFact { person, relation: "member_of".into(), state: org, trigger });
            return Some(end);
        }
        let org_inside = (i..end).any(|k| self.is(k, &words.org_head) && self.match_len(&words.name_link, k + 1) > 0);
        let is_org = end > i + 1 && (self.is(end - 1, &words.org_head) || self.is(i, &words.org_start) || org_inside);
        if is_org {
            // "of Russia" after the name qualifies it.
            let mut state = None;
            let mut stop = end;
            if self.word(end) == "of"
                && let Some((state_end, GazTarget::StateName(s))) = self.gaz(end + 1)
            {
                state = Some((end + 1..state_end, s));
                stop = state_end;
            }
            let name = self.text[self.span(i..end)].to_string();
            let head = !self.is_modifier(stop);
            self.push(
                i..stop,
                EntityKind::Organization,
                Form::Name,
                head,
                Cue::Org { name, lexicon: None, state: state.as_ref().map(|s| s.1) },
            );
            if let Some((tokens, s)) = state {
                self.push(tokens, EntityKind::State, Form::Name, false, Cue::State(s));
            }
            return Some(stop);
        }
        // Place by its head word: "Sheremetyevo airport", "Red Square".
        if self.is(end, &words.place_head) || (self.is(end - 1, &words.place_head) && end > i + 1) {
            let stop = if self.is(end, &words.place_head) { end + 1 } else { end };
            let name = self.text[self.span(i..stop)].to_string();
            self.push(
                i..stop,
                EntityKind::Place,
                Form::Name,
                !self.is_modifier(stop),
                Cue::Place { name, state: None },
            );
            return Some(stop);
        }
        let head = !self.is_modifier(end);
        if tagger_says_no {
            self.unknown(i..end, head);
            return Some(end);
        }
        // A person by a first name ("Kathryn Waters"), dropping words before it
        // ("Islamic Relations Alia Salem"), or by a speech verb ("Dewar said").
        let first_name = (i..end.saturating_sub(1)).find(|&k| self.is_first_name(k));
        let speaker = self.is(end, &words.speech) || (i >= 1 && self.is(i - 1, &words.speech));
        let person_start = match first_name {
            Some(k) => Some(k),
            None if speaker && !last.ends_with("ed") => Some(i),
            None => None,
        };
        if let Some(start) = person_start {
            let name = self.text[self.span(start..end)].to_string();
            self.push(start..end, EntityKind::Person, Form::Name, head, Cue::Person { name, lexicon: None });
            return Some(end);
        }
        let name = self.text[self.span(i..end)].to_string();
        let locative = i >= 1 && matches!(self.word(i - 1), "in" | "at" | "near" | "outside");
        if locative {
            self.push(i..end, EntityKind::Place, Form::Name, head, Cue::Place { name, state: None });
            return Some(end);
        }
        self.unknown(i..end, head);
        Some(end)
    }

    /// A capitalised name nothing typed; the resolver may adopt it later.
    fn unknown(&mut self, tokens: Range<usize>, head: bool) {
        let span = self.span(tokens.clone());
        let name = self.text[span.clone()].to_string();
        self.found.unknown.push(Mention {
            sentence: self.index,
            phrase_start: tokens.start,
            tokens,
            span,
            kind: EntityKind::Person,
            form: Form::Name,
            head,
            cue: Cue::Person { name, lexicon: None },
            entity: None,
        });
    }

    fn pronoun(&mut self, i: usize) -> Option<usize> {
        let word = self.word(i);
        // Pronouns are short: most words leave without a lookup.
        if word.len() > 4 {
            return None;
        }
        if self.is(i, &self.lexicon.words.person_pronoun) {
            let possessive = word.eq_ignore_ascii_case("his") || word.eq_ignore_ascii_case("her");
            self.push(i..i + 1, EntityKind::Person, Form::Pronoun, !possessive, Cue::PersonPronoun);
            return Some(i + 1);
        }
        if word == "it" || word == "It" {
            self.push(i..i + 1, EntityKind::Organization, Form::Pronoun, true, Cue::ThingPronoun);
            return Some(i + 1);
        }
        None
    }
}

/// Lower numbers win when two gazetteer entries cover the same words.
fn priority(target: GazTarget) -> u8 {
    match target {
        GazTarget::StateName(_) => 0,
        GazTarget::StateSeat(_) => 1,
        GazTarget::Org(_) => 2,
        GazTarget::Person(_) => 3,
        GazTarget::Place(_) => 4,
        GazTarget::StateDemonym(_) => 5,
    }
}

/// The gazetteer matches case-insensitively; a match counts only if every
/// capitalised word of the pattern is capitalised in the text and every
/// acronym is in capitals ("US" matches "US", not "us").
fn case_matches(pattern: &str, found: &str) -> bool {
    pattern.split(' ').zip(found.split(' ')).all(|(p, f)| {
        let mut p_chars = p.chars();
        let Some(first) = p_chars.next() else { return true };
        if !first.is_uppercase() {
            return true;
        }
        let acronym = p.chars().filter(|c| c.is_alphabetic()).count() > 1 && !p.chars().any(char::is_lowercase);
        if acronym { !f.chars().any(char::is_lowercase) } else { f.starts_with(char::is_uppercase) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_words_are_found_by_their_packing_and_only_they() {
        assert!(GRAMMAR.iter().all(|w| is_grammar(w)));
        for word in ["The", "Has", "hass", "ha", "themselvesx", "Russia", "", "officially-"] {
            assert!(!is_grammar(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn name_spans_found_from_the_capitals_are_all_the_names(
            tokens in proptest::collection::vec((proptest::prelude::any::<bool>(), 0..9usize), 0..40),
        ) {
            // Labels as the tagger gives them: after "outside", only a capital is scored.
            let mut labels: Vec<usize> = Vec::new();
            let mut capitals = Vec::new();
            for (i, &(capital, label)) in tokens.iter().enumerate() {
                if capital {
                    capitals.push(i as u32);
                }
                let scored = capital || labels.last().is_some_and(|&l| l != 0);
                labels.push(if scored { label } else { 0 });
            }
            let mut spans = vec![None; labels.len()];
            name_spans(&labels, &capitals, &mut spans);
            // Every token read, one at a time.
            let mut expected = vec![None; labels.len()];
            let mut i = 0;
            while i < labels.len() {
                if labels[i] == 0 {
                    i += 1;
                    continue;
                }
                let kind = (labels[i] - 1) / 2;
                let mut end = i + 1;
                while end < labels.len() && labels[end] != 0 && labels[end].is_multiple_of(2) && (labels[end] - 1) / 2 == kind {
                    end += 1;
                }
                expected[i] = Some((end, kind));
                i = end;
            }
            let kinds: Vec<_> = spans.iter().map(|s| s.map(|(end, t)| (end, t as usize))).collect();
            proptest::prop_assert_eq!(kinds, expected);
        }
    }

    #[test]
    fn refilled_matches_are_those_of_the_new_sentence_alone() {
        let lexicon = Lexicon::embedded();
        let text = "Prime Minister Boris Johnson visited Russia and Iran.\n\nthen it rained on the very long road there\n\nIran";
        let (sentences, classes) = super::super::classes::analyzed(text, &lexicon);
        assert_eq!(sentences.len(), 3);
        let mut reused = Matches::default();
        for (index, sentence) in sentences.iter().enumerate() {
            reused.refill(text, sentence, classes.sentence(index), &lexicon);
            let fresh = Matches::find(text, sentence, classes.sentence(index), &lexicon);
            assert_eq!(reused.gazetteer, fresh.gazetteer, "sentence {index}");
            assert_eq!(reused.titles, fresh.titles, "sentence {index}");
            assert_eq!(reused.gazetteer.len(), sentence.tokens.len());
        }
        let first = Matches::find(text, &sentences[0], classes.sentence(0), &lexicon);
        // Matches at tokens the next sentence has too, and which start nothing there.
        assert!(first.titles[0].is_some() && first.gazetteer[5].is_some(), "{:?}", first.gazetteer);
    }

    #[test]
    fn case_rule_keeps_pronoun_us_apart_from_the_us() {
        assert!(case_matches("US", "US"));
        assert!(!case_matches("US", "us"));
        assert!(!case_matches("US", "Us"));
        assert!(case_matches("Russia", "RUSSIA"));
        assert!(!case_matches("Russia", "russia"));
        assert!(case_matches("Tass News agency", "Tass News Agency"));
    }
}
