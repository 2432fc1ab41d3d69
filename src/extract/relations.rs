//! Relation frames: a trigger from the lexicon, its subject in the same
//! clause (or the clause it hangs from), its object after the trigger or its
//! preposition; passives swap them and take the agent from "by ..." or, for
//! triggers that allow it, from the object's employer.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use super::classes::{HAS_UPPER, SentenceClasses, TRIGGER_START, TokenClasses};
use super::lexicon::{Lexicon, RelationEntry, WordClass};
use super::resolve::Resolved;
use super::{EntityKind, Form, Mention, Relation};
use crate::text::{Sentence, TokenKind};

const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "over",
    "in",
    "on",
    "at",
    "to",
    "with",
    "from",
    "about",
    "against",
    "by",
    "as",
    "after",
    "into",
    "during",
    "since",
    "within",
    "without",
    "inside",
    "outside",
    "near",
    "among",
    "across",
    "through",
    "throughout",
    "under",
    "behind",
    "beyond",
    "toward",
    "towards",
    "upon",
    "like",
    "via",
    "aboard",
    "including",
];

/// Nouns that stand for the people of an "of" phrase: "a group of Moroccan diplomats".
const QUANTITIES: &[&str] = &[
    "third",
    "half",
    "quarter",
    "majority",
    "rest",
    "inhabitants",
    "residents",
    "people",
    "citizens",
    "villagers",
    "group",
    "groups",
    "members",
    "member",
    "thousands",
    "hundreds",
    "dozens",
    "scores",
    "tens",
    "millions",
    "some",
    "many",
    "most",
    "all",
    "one",
    "two",
    "three",
    "delegation",
    "team",
    "contingent",
    "band",
    "crowd",
    "crowds",
];

/// Words after which a verb form is an adjective: "their donated photographs".
const DETERMINERS: &[&str] = &["the", "a", "an", "their", "its", "his", "her", "our", "your", "this", "these", "those"];

/// Particles that make another verb of a trigger: "lifted off", "gave up".
const PARTICLES: &[&str] = &["off", "up", "out", "away", "down", "back"];

const ADVERBS: &[&str] = &[
    "already",
    "also",
    "not",
    "officially",
    "reportedly",
    "allegedly",
    "been",
    "either",
    "at",
    "least",
    "never",
    "further",
];

/// A lower-cased word that allocates only when the word has capitals.
struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    fn as_str(&self) -> &str {
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
type Argument = (usize, Range<usize>);

struct Frame<'a> {
    text: &'a str,
    sentence: &'a Sentence,
    classes: SentenceClasses<'a>,
    lexicon: &'a Lexicon,
    mentions: Vec<&'a Mention>,
    /// Per-token facts, made at the first question that needs them: most
    /// sentences hold no trigger and no claim, and ask none.
    index: OnceCell<FrameIndex>,
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
    fn new(frame: &Frame) -> Self {
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
        for open in (0..n).filter(|&i| tokens[i].text(text) == "(") {
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

    fn is_boundary(&self, i: usize) -> bool {
        self.tokens[i].boundary
    }
}

impl<'a> Frame<'a> {
    fn index(&self) -> &FrameIndex {
        self.index.get_or_init(|| FrameIndex::new(self))
    }

    fn word(&self, i: usize) -> &'a str {
        self.sentence.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Length of the longest entry of `class` at token `i` (its class bits say whether the word alone is one).
    fn match_len(&self, class: &WordClass, i: usize) -> usize {
        let tokens = &self.sentence.tokens;
        class.match_len_of_tokens(self.classes.is(i, class), self.text, &tokens[i.min(tokens.len())..])
    }

    /// The word in lower case; borrowed when it has no capitals, as most words do.
    fn lower(&self, i: usize) -> Lower<'a> {
        let word = self.word(i);
        if self.classes.bits(i) & HAS_UPPER != 0 {
            Lower(Cow::Owned(word.to_lowercase()))
        } else {
            Lower(Cow::Borrowed(word))
        }
    }

    fn heads(&self) -> impl Iterator<Item = &&'a Mention> {
        self.mentions.iter().filter(|m| m.head && m.entity.is_some())
    }

    fn argument(m: &Mention) -> Option<Argument> {
        m.entity.map(|e| (e, m.span.clone()))
    }

    fn clause_start(&self, at: usize) -> usize {
        self.index().tokens[at].clause_start
    }

    fn clause_end(&self, after: usize) -> usize {
        self.index().tokens.get(after).map_or(self.sentence.tokens.len(), |t| t.clause_end)
    }

    /// A mention inside a prepositional phrase ("between Washington and ...",
    /// "backed by the Red Cross") is not a clause subject.
    fn after_preposition(&self, m: &Mention) -> bool {
        let mut k = m.phrase_start;
        while k > 0 {
            k -= 1;
            if self.index().is_boundary(k) && self.sentence.tokens[k].kind == TokenKind::Word {
                // "after Biden labelled": a subordinator, not a preposition.
                return false;
            }
            let word = self.lower(k);
            let in_modifier = self.index().tokens[k].in_modifier;
            let number = self.sentence.tokens[k].kind == TokenKind::Number;
            if matches!(word.as_str(), "the" | "a" | "an" | "all" | "some" | "many" | "most" | "several")
                || number
                || in_modifier
                || self.sentence.tokens[k].kind == TokenKind::Possessive
            {
                continue;
            }
            // "A group of Moroccan diplomats", "Thousands of Nigerians": the group is its members.
            let group = k > 0 && {
                let before = self.lower(k - 1);
                QUANTITIES.contains(&before.as_str()) || self.classes.is(k - 1, &self.lexicon.words.group_noun)
            };
            // "Angry activists from the Fatah Party", "supporters of Ben Bella".
            if matches!(word.as_str(), "of" | "from") && group {
                k -= 1;
                continue;
            }
            return PREPOSITIONS.contains(&word.as_str()) || word == "between" || word == "and";
        }
        false
    }

    /// The first head that `fits` and can be a subject (the position test first: it is the cheap one).
    fn first_subject(&self, fits: impl Fn(&Mention) -> bool) -> Option<&&'a Mention> {
        self.heads().filter(|m| fits(m)).find(|m| !self.after_preposition(m))
    }

    /// The subject of the clause holding token `at`.
    fn subject(&self, at: usize) -> Option<Argument> {
        let start = self.clause_start(at);
        if let Some(m) = self.first_subject(|m| m.tokens.start >= start && m.tokens.end <= at) {
            return Self::argument(m);
        }
        // A relative clause: "the report that stated ..." → the report.
        if start > 0
            && matches!(self.lower(start).as_str(), "that" | "which" | "who")
            && let Some(m) = self.heads().find(|m| m.tokens.end == start)
        {
            return Self::argument(m);
        }
        // A subordinate or participle clause ("after being recalled") takes the
        // main clause's subject: from the clause before it, else after the comma
        // that closes it. Quotes and colons are walls: speech has its own subjects.
        let opened_by_word = self.sentence.tokens[start].kind == TokenKind::Word;
        if start > 0 && opened_by_word {
            let wall = (0..start)
                .rev()
                .find(|&i| self.index().is_boundary(i) && self.sentence.tokens[i].kind != TokenKind::Word);
            let from = wall.map_or(0, |w| w + 1);
            if let Some(m) = self.first_subject(|m| m.tokens.start >= from && m.tokens.end <= start) {
                return Self::argument(m);
            }
        }
        // Only a clause with no finite verb of its own ("Responding to ...,",
        // "after being recalled,") borrows the subject that follows it.
        let finite = (start..at).any(|i| {
            matches!(self.lower(i).as_str(), "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would")
        });
        if opened_by_word && !finite {
            let comma = (at..self.sentence.tokens.len()).find(|&i| self.word(i) == ",")?;
            let m = self.first_subject(|m| m.tokens.start > comma)?;
            return Self::argument(m);
        }
        None
    }

    /// The first argument starting within `range`, optionally of given kinds.
    /// An object may be a named modifier: "support Turkey's efforts", "a U.N. resolution".
    fn first_in(&self, range: Range<usize>, kinds: Option<&[EntityKind]>) -> Option<&&'a Mention> {
        self.first_other(range, kinds, None)
    }

    /// [`Self::first_in`], passing over mentions of the entity `other`.
    fn first_other(
        &self,
        range: Range<usize>,
        kinds: Option<&[EntityKind]>,
        other: Option<usize>,
    ) -> Option<&&'a Mention> {
        let fits = |m: &&&'a Mention| {
            range.contains(&m.tokens.start) && kinds.is_none_or(|k| k.contains(&m.kind)) && m.entity != other
        };
        self.heads().find(fits).or_else(|| {
            self.mentions.iter().filter(|m| m.entity.is_some() && matches!(m.form, Form::Name | Form::Demonym)).find(
                |m| {
                    fits(m)
                        && !self.mentions.iter().any(|o| {
                            o.head
                                && o.tokens.start <= m.tokens.start
                                && m.tokens.end <= o.tokens.end
                                && o.tokens != m.tokens
                        })
                },
            )
        })
    }

    /// The object right after a verb: within five tokens, before any preposition or clause word.
    fn direct_object(&self, after: usize, end: usize, kinds: Option<&[EntityKind]>) -> Option<Argument> {
        // "forced out on Wednesday more than 1,000 refugees": time words before the object.
        let mut after = after;
        let mut end = end;
        while after < end && self.is_time_word(after) {
            after += 1;
            end = end.max((after + 1).min(self.sentence.tokens.len()));
        }
        let mut stop = after;
        while stop < (after + 5).min(end) {
            let word = self.lower(stop);
            let starts_mention = self.index().tokens.get(stop).is_some_and(|t| t.starts_mention);
            let punct = matches!(word.as_str(), "," | ";" | ":" | "." | "and" | "or" | "but");
            // "demanded the withdrawal of Serbian forces": "of" continues the object,
            // as do quantities: "kidnapped up to 16 Russian advisers", "more than 30".
            let of = (word == "of" && stop > after)
                || (word == "to" && stop > after && self.lower(stop - 1) == "up")
                || (word == "at" && self.lower(stop + 1) == "least")
                || matches!(word.as_str(), "than" | "least" | "nearly" | "about" | "some" | "almost");
            if !starts_mention
                && !of
                && (punct || PREPOSITIONS.contains(&word.as_str()) || (stop > after && self.index().is_boundary(stop)))
            {
                break;
            }
            stop += 1;
        }
        self.first_in(after..stop, kinds).and_then(|m| Self::argument(m))
    }

    /// The object of a trigger, as its frame says: directly after it, after one
    /// of its prepositions (or what "the same" points back to), the subject of a
    /// "that" clause, or the object of the verb after "to". Also returns where a
    /// complement object ends (0 if none), so inner triggers are not read again.
    fn object(
        &self,
        trigger: Range<usize>,
        entry: &RelationEntry,
        end: usize,
        kinds: &[EntityKind],
        previous_subject: Option<&Argument>,
    ) -> (Option<Argument>, usize) {
        let mut object = None;
        let mut complement_end = 0;
        if entry.direct {
            object = self.direct_object(trigger.end, end.max(trigger.end + 1), Some(kinds));
        }
        if object.is_none() && !entry.object_preps.is_empty() {
            // "to benefit Trump": "to" before a verb is no preposition.
            let infinitive = |j: usize| {
                let next = self.word(j + 1);
                self.lower(j) == "to"
                    && next.starts_with(char::is_lowercase)
                    && !DETERMINERS.contains(&next)
                    && !matches!(next, "all" | "some" | "more" | "most" | "up")
            };
            // Within the trigger's clause: "criticized the plan, which was sent to Chile" is no criticism of Chile.
            let window: Vec<usize> = (trigger.end..(trigger.end + 8).min(self.sentence.tokens.len()))
                .take_while(|&j| j == trigger.end || !self.index().is_boundary(j))
                .filter(|&j| !infinitive(j))
                .collect();
            // The frame lists its prepositions by preference: "complained to the UN over
            // Israeli raids" is a complaint about the raids.
            let prep = entry
                .object_preps
                .iter()
                .filter_map(|p| window.iter().copied().find(|&j| *p == self.lower(j)))
                .find(|&j| self.first_in(j + 1..(j + 7).min(self.sentence.tokens.len()), Some(kinds)).is_some())
                .or_else(|| window.iter().copied().find(|&j| entry.object_preps.iter().any(|p| *p == self.lower(j))));
            object = prep.and_then(|p| {
                let anaphor = self.match_len(&self.lexicon.words.anaphor, p + 1);
                // "responded to this," points back; "rioted at this jail in Israel" does not.
                let ends_phrase = self.sentence.tokens.get(p + 1 + anaphor).is_none_or(|t| t.kind == TokenKind::Punct);
                if anaphor > 0 && ends_phrase && self.first_in(p + 1..p + 1 + anaphor, None).is_none() {
                    previous_subject.cloned()
                } else {
                    self.first_in(p + 1..(p + 7).min(self.sentence.tokens.len()), Some(kinds))
                        .and_then(|m| Self::argument(m))
                }
            });
        }
        // "demanded (on Friday) that the US cancel ...": the subject of the clause that follows.
        let that = (trigger.end..(trigger.end + 4).min(self.sentence.tokens.len()))
            .take_while(|&j| j == trigger.end || self.is_time_word(j) || self.lower(j) == "that")
            .find(|&j| self.lower(j) == "that");
        if object.is_none()
            && entry.complement
            && let Some(that) = that
        {
            object = self
                .first_in(that + 1..(that + 5).min(self.sentence.tokens.len()), Some(kinds))
                .and_then(|m| Self::argument(m));
        }
        if object.is_none() && entry.complement {
            // "agreed to provide aid to Romania": the object of the verb that follows.
            // "threatened on Monday to break relations with Russia".
            let verb = if self.lower(trigger.end - 1) == "to" {
                Some(trigger.end)
            } else {
                (trigger.end..(trigger.end + 6).min(self.sentence.tokens.len()))
                    .find(|&t| self.lower(t) == "to")
                    .map(|t| t + 1)
            };
            if let Some(verb) = verb
                && let Some(m) = self.first_in(verb + 1..(verb + 9).min(end.max(verb + 1)), Some(kinds))
            {
                complement_end = m.tokens.end;
                object = Self::argument(m);
            }
        }
        (object, complement_end)
    }

    /// "on", "Friday", "today": words that may sit between a verb and its complement.
    fn is_time_word(&self, i: usize) -> bool {
        const TIME: &[&str] = &[
            "on",
            "today",
            "yesterday",
            "again",
            "also",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        TIME.contains(&self.lower(i).as_str())
    }

    /// The relation an intent turns `entry` into, if the trigger is announced
    /// rather than done ("will support", "is ready to send", "would blockade").
    fn intent(&self, at: usize, entry: &RelationEntry) -> Option<&'a RelationEntry> {
        let cooperative = ["SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"];
        let hostile = ["ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"];
        let category = entry.plover.as_deref()?;
        let target = if cooperative.contains(&category) {
            "agreed"
        } else if hostile.contains(&category) {
            "threatened"
        } else {
            return None;
        };
        let mut k = at;
        while k > 0 {
            k -= 1;
            let word = self.lower(k);
            if matches!(word.as_str(), "will" | "would" | "shall" | "'ll" | "may") {
                return self.lexicon.relations.iter().find(|r| r.label == target);
            }
            if word == "to"
                && k > 0
                && matches!(
                    self.lower(k - 1).as_str(),
                    "ready"
                        | "willing"
                        | "prepared"
                        | "plans"
                        | "plan"
                        | "intends"
                        | "offered"
                        | "promised"
                        | "pledged"
                        | "agreed"
                )
            {
                return self.lexicon.relations.iter().find(|r| r.label == target);
            }
            // "plans to impose restrictions": a light verb carries the noun trigger.
            let light = matches!(
                word.as_str(),
                "impose" | "take" | "launch" | "carry" | "stage" | "hold" | "make" | "issue" | "deliver" | "tighten"
            );
            if !(ADVERBS.contains(&word.as_str()) || word.ends_with("ly") || word == "be" || light) {
                return None;
            }
        }
        None
    }

    /// What a matched frame finally says, from the words around it: an intent
    /// ("will provide") is an offer or a threat, "unless" makes a promise a
    /// threat, a negated act of cooperation is a rejection (no longer hedged:
    /// the negation is what it says), lifting a blockade is a retreat, and a
    /// killing by armed forces is fighting. Returns the entry and whether it is hedged.
    fn refine(
        &self,
        mut entry: &'a RelationEntry,
        trigger: Range<usize>,
        end: usize,
        subject_text: &str,
        mut hedged: bool,
    ) -> (&'a RelationEntry, bool) {
        let tokens = &self.sentence.tokens;
        let relation = |label: &str| self.lexicon.relations.iter().find(|r| r.label == label);
        if let Some(intent) = self.intent(trigger.start, entry) {
            entry = intent;
            let conditional = (trigger.end..(end + 6).min(tokens.len())).any(|j| self.lower(j) == "unless");
            if conditional && let Some(threat) = relation("threatened") {
                entry = threat;
            }
        }
        let negated = (trigger.start.saturating_sub(2)..trigger.start)
            .any(|k| matches!(self.lower(k).as_str(), "not" | "never" | "n't"));
        if negated
            && matches!(entry.plover.as_deref(), Some("AGREE" | "SUPPORT" | "CONCEDE" | "AID" | "COOPERATE"))
            && let Some(rejected) = relation("rejected")
        {
            entry = rejected;
            hedged = false;
        }
        if entry.plover.as_deref() == Some("CONCEDE")
            && (trigger.end..(trigger.end + 5).min(tokens.len()))
                .any(|j| matches!(self.lower(j).as_str(), "blockade" | "siege" | "blockades"))
            && let Some(withdrew) = relation("withdrew")
        {
            entry = withdrew;
        }
        let trigger_text = &self.text[tokens[trigger.start].start..tokens[trigger.end - 1].end];
        if entry.plover.as_deref() == Some("ASSAULT")
            && subject_text.split_whitespace().last().is_some_and(|w| self.lexicon.words.armed_forces.contains(w))
            && self.lexicon.words.combat.contains(trigger_text)
            && let Some(fought) = relation("fought")
        {
            entry = fought;
        }
        (entry, hedged)
    }

    fn is_passive(&self, trigger: Range<usize>) -> bool {
        let verb = self.lower(trigger.start);
        if verb.ends_with("ing") || trigger.len() > 1 {
            return false;
        }
        let mut k = trigger.start;
        while k > 0 {
            k -= 1;
            let word = self.lower(k);
            if self.classes.is(k, &self.lexicon.words.passive_aux) {
                return true;
            }
            if !(ADVERBS.contains(&word.as_str()) || word.ends_with("ly")) {
                return false;
            }
        }
        false
    }

    fn hedged(&self, range: Range<usize>) -> bool {
        (range.start..range.end.min(self.sentence.tokens.len()))
            .any(|i| self.match_len(&self.lexicon.words.hedge, i) > 0)
    }
}

fn relation(
    entry: &RelationEntry,
    sentence: usize,
    subject: Argument,
    trigger: Range<usize>,
    object: Argument,
    hedged: bool,
) -> Relation {
    Relation {
        subject: subject.0,
        object: object.0,
        label: entry.label.clone(),
        cameo: entry.cameo.clone(),
        goldstein: entry.goldstein,
        plover: entry.plover.clone(),
        sentence,
        subject_span: subject.1,
        trigger_span: trigger,
        object_span: object.1,
        hedged,
    }
}

pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
    resolved: &Resolved,
    lexicon: &Lexicon,
) -> Vec<Relation> {
    let mut relations: Vec<Relation> = Vec::new();
    // The mentions by sentence, each sentence's in the order resolution lists
    // them (a stable sort): one run per sentence, in one vector.
    let mut by_sentence: Vec<&Mention> = resolved.mentions.iter().collect();
    by_sentence.sort_by_key(|m| m.sentence);
    let mut later = &by_sentence[..];
    // A frame's mentions and triggers, handed from sentence to sentence.
    let mut reused: Vec<&Mention> = Vec::new();
    let mut triggers: Vec<(Range<usize>, usize)> = Vec::new();
    // Who serves which state, for "was recalled" with no agent.
    let employer = |person: usize| {
        resolved
            .facts
            .iter()
            .find(|f| f.subject == person && f.label == "ambassador_of")
            .map(|f| (f.object, f.object_span.clone()))
    };
    let accused = lexicon.relations.iter().find(|r| r.label == "accused");

    for (index, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let here;
        (here, later) = later.split_at(later.iter().take_while(|m| m.sentence == index).count());
        // Every argument is a resolved mention of this sentence: with none, no frame can fill.
        if tokens.is_empty() || here.is_empty() {
            continue;
        }
        let classes = classes.sentence(index);
        let mut mentions = std::mem::take(&mut reused);
        mentions.clear();
        mentions.extend_from_slice(here);
        mentions.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.end)));
        let frame = Frame { text, sentence, classes, lexicon, mentions, index: OnceCell::new() };
        let previous_subject = relations.last().map(|r: &Relation| (r.subject, r.subject_span.clone()));

        // Triggers, longest first at each token; tokens inside names are not triggers.
        triggers.clear();
        lexicon.triggers.for_each_match(
            text,
            tokens,
            |i| classes.bits(i) & TRIGGER_START != 0,
            |s, e, id| {
                let inside_name = frame.index().tokens[s].in_mention;
                // A capitalised trigger is a name or, first in a sentence, a noun ("Requests
                // have come from ..."), unless it opens a participle clause ("Responding to ...").
                let capitalized = tokens[s].is_capitalized(text) && (s > 0 || !frame.lower(s).ends_with("ing"));
                // "their donated photographs", "the recently released Chrome": adjectives.
                let mut k = s;
                while k > 0 && frame.lower(k - 1).ends_with("ly") {
                    k -= 1;
                }
                // "received support", "won backing": a noun after a light verb.
                let light_verb = matches!(
                    frame.lower(k.saturating_sub(1)).as_str(),
                    "received"
                        | "receives"
                        | "receive"
                        | "won"
                        | "wins"
                        | "gained"
                        | "got"
                        | "gets"
                        | "needs"
                        | "needed"
                );
                // A noun after its determiner is a trigger ("a rally in Lagos"); a participle is not.
                let participle = frame.lower(s).ends_with("ed");
                let adjective = e == s
                    && k > 0
                    && ((participle && DETERMINERS.contains(&frame.lower(k - 1).as_str())) || light_verb);
                // "kidnapped up to 16": a quantity, not a particle.
                let particle = e == s && PARTICLES.contains(&frame.lower(s + 1).as_str()) && frame.lower(s + 2) != "to";
                // "its long-threatened invasion": a hyphenated compound is an adjective.
                let compound = s > 0 && frame.word(s - 1) == "-" && tokens[s - 1].end == tokens[s].start;
                if inside_name || capitalized || adjective || particle || compound {
                    return;
                }
                triggers.push((s..e + 1, lexicon.trigger_relations[id]));
            },
        );
        triggers.sort_by_key(|(r, rel)| (r.start, std::cmp::Reverse(r.end), *rel));

        let mut covered = 0;
        for (trigger, rel) in &triggers {
            if trigger.start < covered {
                continue;
            }
            let entry = &lexicon.relations[*rel];
            let mut complement_end = 0;
            let end = frame.clause_end(trigger.end);
            let trigger_span = tokens[trigger.start].start..tokens[trigger.end - 1].end;
            let place_ok = matches!(entry.label.as_str(), "arrived_in" | "visited");
            let kinds: &[EntityKind] = if place_ok {
                &[EntityKind::Place, EntityKind::State]
            } else if entry.plover.is_some() {
                // An event may target a place: "opened an embassy in Tehran".
                &EntityKind::ALL
            } else {
                &[
                    EntityKind::Person,
                    EntityKind::State,
                    EntityKind::Organization,
                    EntityKind::Report,
                    EntityKind::Group,
                ]
            };
            // "Polaroids donated to USI by the Andy Warhol Foundation": a participle
            // with its agent after "by" and its object where the frame says.
            let perfect =
                trigger.start > 0 && matches!(frame.lower(trigger.start - 1).as_str(), "has" | "have" | "had");
            // Only a participle with no object of its own: "rejected calls by Poland" is active.
            let by_agent = frame.lower(trigger.end - 1).ends_with("ed")
                && !perfect
                && !frame.is_passive(trigger.clone())
                && (trigger.end..(trigger.end + 5).min(end))
                    .find(|&j| frame.lower(j) == "by")
                    .is_some_and(|b| b == trigger.end || PREPOSITIONS.contains(&frame.lower(trigger.end).as_str()));
            let (subject, object) = if frame.is_passive(trigger.clone()) {
                // "A camp for Congolese refugees was attacked by ...": the patient may sit in the subject's modifier.
                let patient = frame.subject(trigger.start).or_else(|| {
                    let start = frame.clause_start(trigger.start);
                    frame
                        .heads()
                        .find(|m| {
                            m.tokens.start > start
                                && m.tokens.end <= trigger.start
                                && matches!(frame.lower(m.phrase_start.max(1) - 1).as_str(), "for" | "of")
                        })
                        .and_then(|m| Frame::argument(m))
                });
                // The agent may sit past a clause word: "was quoted as saying by TASS".
                let by = (trigger.end..(trigger.end + 6).min(tokens.len())).find(|&j| frame.lower(j) == "by");
                let agent = by
                    .and_then(|b| frame.first_in(b + 1..b + 4, None).and_then(|m| Frame::argument(m)))
                    .or_else(|| if entry.employer_agent { patient.as_ref().and_then(|p| employer(p.0)) } else { None });
                (agent, patient)
            } else {
                let by = (trigger.end..(trigger.end + 5).min(end)).find(|&j| frame.lower(j) == "by");
                let subject = match by {
                    // "shortened by one hour": no agent there, so the clause's subject acts.
                    Some(b) if by_agent => frame
                        .first_in(b + 1..b + 4, None)
                        .and_then(|m| Frame::argument(m))
                        .or_else(|| frame.subject(trigger.start)),
                    _ => frame.subject(trigger.start),
                };
                let (object, found_end) = frame.object(trigger.clone(), entry, end, kinds, previous_subject.as_ref());
                complement_end = found_end;
                (subject, object)
            };
            // Another frame for the same trigger ("met" + "with") is tried before guessing.
            let has_alternative = triggers.iter().any(|(r, other)| r == trigger && other > rel);
            // An event with no object in its frame may still name its target a
            // few words on, after a preposition: "lifted a curfew in Montenegro",
            // "provide aid for Romania".
            let object = object.or_else(|| {
                // Frames that only take a named preposition ("accusations against") are exact.
                if entry.plover.is_none() || subject.is_none() || !entry.direct || has_alternative {
                    return None;
                }
                // Up to the next finite verb: "Iodine released from these chemicals into milk
                // has been the major source ... in Australia" says nothing of Australia.
                let stop = (trigger.end + 15).min(end.max(trigger.end));
                let stop = (trigger.end..stop)
                    .find(|&j| {
                        matches!(
                            frame.lower(j).as_str(),
                            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will"
                        )
                    })
                    .unwrap_or(stop);
                (trigger.end..stop)
                    .filter(|&j| {
                        matches!(
                            frame.lower(j).as_str(),
                            "to" | "for" | "in" | "on" | "against" | "into" | "with" | "from" | "among"
                        )
                    })
                    .find_map(|j| {
                        // Loosely attached, only a state, an organization, a place or a group is
                        // a target, and not the subject itself ("Bosnian Serbs demanded a truce ... in Bosnia").
                        let actors =
                            [EntityKind::State, EntityKind::Organization, EntityKind::Place, EntityKind::Group];
                        let subject = subject.as_ref().map(|s| s.0);
                        frame.first_other(j + 1..(j + 5).min(stop.max(j + 1)), Some(&actors), subject)
                    })
                    .and_then(|m| Frame::argument(m))
            });
            // "threatened to stop the talks if the United States goes ahead": the one the condition is put to.
            let object = object.or_else(|| {
                if entry.label != "threatened" || subject.is_none() {
                    return None;
                }
                let condition =
                    (trigger.end..tokens.len()).find(|&j| matches!(frame.lower(j).as_str(), "if" | "unless"))?;
                let actors = [EntityKind::State, EntityKind::Organization, EntityKind::Person];
                frame
                    .first_in(condition + 1..(condition + 4).min(tokens.len()), Some(&actors))
                    .and_then(|m| Frame::argument(m))
            });
            if let (Some(subject), Some(object)) = (subject, object)
                && subject.0 != object.0
            {
                let last = object.1.end.max(trigger_span.end);
                let hedge_end = tokens.iter().position(|t| t.end >= last).map_or(end, |p| p + 1);
                let hedged = frame.hedged(frame.clause_start(trigger.start)..hedge_end.max(trigger.end));
                let (entry, hedged) = frame.refine(entry, trigger.clone(), end, &text[subject.1.clone()], hedged);
                relations.push(relation(entry, index, subject, trigger_span, object, hedged));
                covered = trigger.end.max(complement_end);
            }
        }

        // Reported wrongdoing: "the report stated (that) Putin 'authorised' ..." → accused.
        if let Some(accused) = accused {
            for j in 0..tokens.len() {
                if !frame.classes.is(j, &lexicon.words.claim) {
                    continue;
                }
                let Some(subject) = frame.subject(j) else { continue };
                // "said (on Tuesday) that Sudan must ...": the claim's own clause.
                let mut k = j + 1;
                if let Some(that) = (j + 1..(j + 6).min(tokens.len())).find(|&t| frame.lower(t) == "that") {
                    k = that + 1;
                }
                let Some(target) = frame.first_in(
                    k..k + 2,
                    Some(&[EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Group]),
                ) else {
                    continue;
                };
                let mut v = target.tokens.end;
                // "said US and British forces must ...": past the coordinated actors.
                while matches!(frame.lower(v).as_str(), "and" | ",")
                    && let Some(next) = frame.heads().find(|m| m.tokens.start > v && m.tokens.start <= v + 2)
                {
                    v = next.tokens.end;
                }
                // "Sudan and the rebels must ...", "Kagame and his party must ...".
                if frame.lower(target.tokens.end) == "and"
                    && let Some(modal) = (target.tokens.end + 1..(target.tokens.end + 7).min(tokens.len()))
                        .take_while(|&j| !frame.index().is_boundary(j))
                        .find(|&j| matches!(frame.lower(j).as_str(), "must" | "should"))
                {
                    v = modal;
                }
                while v < tokens.len()
                    && (tokens[v].kind == TokenKind::Punct || ADVERBS.contains(&frame.lower(v).as_str()))
                    && v < target.tokens.end + 4
                {
                    v += 1;
                }
                let verb = frame.match_len(&lexicon.words.wrongdoing, v);
                // "said Iraq must cooperate": a demand on the one who must.
                if verb == 0 {
                    if matches!(frame.lower(v).as_str(), "must" | "should")
                        && let (Some(demanded), Some(object)) =
                            (lexicon.relations.iter().find(|r| r.label == "demanded"), target.entity)
                        && subject.0 != object
                    {
                        let trigger_span = tokens[v].range();
                        relations.push(relation(
                            demanded,
                            index,
                            subject.clone(),
                            trigger_span,
                            (object, target.span.clone()),
                            false,
                        ));
                    }
                    continue;
                }
                let Some((object, object_span)) = target.entity.map(|e| (e, target.span.clone())) else { continue };
                if subject.0 != object {
                    let trigger_span = tokens[v].start..tokens[v + verb - 1].end;
                    let hedged = frame.hedged(k..v + verb);
                    relations.push(relation(accused, index, subject, trigger_span, (object, object_span), hedged));
                }
            }
        }
        reused = frame.mentions;
    }
    relations
}
