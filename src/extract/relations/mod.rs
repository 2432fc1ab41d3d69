//! Relation frames: a trigger from the lexicon, its subject in the same
//! clause (or the clause it hangs from), its object after the trigger or its
//! preposition; passives swap them and take the agent from "by ..." or, for
//! triggers that allow it, from the object's employer.
//!
//! [`find`] reads each sentence as a [`Frame`] ([`frame`]): it matches the
//! triggers, fills each trigger's frame ([`arguments`]), settles what the
//! filled frame means ([`senses`]), then reads reported claims.

mod arguments;
mod clauses;
mod coordination;
mod cue_words;
mod described_pairs;
mod detentions;
mod frame;
mod homes;
mod judgements;
mod killings;
mod media;
mod nominal;
mod parsed;
mod participles;
mod quotes;
mod relatives;
mod senses;
mod service;
mod subsidiaries;
mod targets;
mod things;
mod titled_spans;

use std::ops::Range;
use std::sync::Arc;

use super::classes::TokenClasses;
use super::extraction::{EntityKind, Mention, Relation};
use super::lexicon::{Lexicon, RelationEntry};
use super::resolve::Resolved;
use crate::extract::vocabulary::{EntityId, RelationId};
use crate::extract::vocabulary::{EventRelation, RelationType, Role};
use crate::text::{Sentence, TokenKind, WordGate};
use described_pairs::{Named, members_at, names};
use frame::{Argument, Frame};
use parsed::parsed_arguments;
pub(crate) use parsed::{ParserChoice, Syntax};

pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    classes: &TokenClasses,
    resolved: &Resolved,
    lexicon: &Lexicon,
    syntax: Option<Syntax<'_>>,
) -> Vec<Relation> {
    let mut finder = Finder {
        syntax,
        unfilled: Vec::new(),
        lexicon,
        facts: &resolved.facts,
        accused: lexicon.event(EventRelation::Accused),
        triggers: Vec::new(),
        relations: Vec::new(),
        earlier: [Vec::new(), Vec::new()],
        quote_speaker: None,
    };
    // The mentions by sentence, each sentence's in the order resolution lists
    // them (a stable sort): one run per sentence, in one vector.
    let mut by_sentence: Vec<&Mention> = resolved.mentions.iter().collect();
    by_sentence.sort_by_key(|m| m.sentence);
    let mut later = &by_sentence[..];
    // A frame's mentions, handed from sentence to sentence.
    let mut reused: Vec<&Mention> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let here;
        (here, later) = later.split_at(later.iter().take_while(|m| m.sentence == index).count());
        // Every argument is a resolved mention of this sentence, or a pair the
        // sentences before name ("Both sides agreed"): with neither, no frame can fill.
        if sentence.tokens.is_empty() || here.is_empty() && !may_describe_pair(text, sentence) {
            if !quotes::opens_with_quote(text, sentence) {
                finder.quote_speaker = None;
            }
            continue;
        }
        let frame = Frame::new(text, sentence, classes.sentence(index), lexicon, std::mem::take(&mut reused), here);
        finder.sentence(&frame, index);
        reused = frame.mentions;
    }
    finder.relations
}

/// What [`find`] carries from sentence to sentence.
struct Finder<'a> {
    lexicon: &'a Lexicon,
    /// Relations resolution stated (roles): who serves which state.
    facts: &'a [Relation],
    accused: Option<&'a RelationEntry>,
    /// The sentence's triggers (token range, relation index), handed from sentence to sentence.
    triggers: Vec<(Range<usize>, RelationId)>,
    relations: Vec<Relation>,
    /// The parser, for the frames the rules leave unfilled ([`parsed`]).
    syntax: Option<Syntax<'a>>,
    /// This sentence's triggers whose frame found no subject or no object.
    unfilled: Vec<(Range<usize>, RelationId)>,
    /// The named entities of the last two sentences with mentions, nearest
    /// first, for "the two countries" ([`described_pairs`]).
    earlier: [Named; 2],
    /// The speaker of the quotation that may run on into this sentence ([`quotes`]).
    quote_speaker: Option<(EntityId, EntityKind)>,
}

impl Finder<'_> {
    /// The relations of one sentence: its triggers' frames, then its claims.
    fn sentence(&mut self, frame: &Frame<'_>, index: usize) {
        let previous_subject = self.relations.last().map(|r| (r.subject, r.subject_span.clone()));
        let first = self.relations.len();
        let mut triggers = std::mem::take(&mut self.triggers);
        self.match_triggers(frame, &mut triggers);
        let mut covered = 0;
        self.unfilled.clear();
        for (trigger, rel) in &triggers {
            if trigger.start < covered {
                continue;
            }
            // Another frame for the same trigger ("met" + "with") is tried before guessing.
            let has_alternative = triggers.iter().any(|(r, other)| r == trigger && other > rel);
            let filled = self.fill(frame, index, trigger.clone(), *rel, has_alternative, previous_subject.as_ref());
            if let Some(end) = filled {
                covered = end;
            }
        }
        self.triggers = triggers;
        self.parsed_frames(frame, index);
        self.deals(frame, index);
        self.killings(frame, index);
        self.detentions(frame, index);
        self.services(frame, index);
        self.interviews(frame, index);
        self.homes(frame, index);
        if let Some(accused) = self.accused {
            self.claims(frame, index, accused);
        }
        self.judgements(frame, index);
        // A role's title is its trigger: the role keeps the bare name.
        for r in self.relations[first..].iter_mut().filter(|r| Role::parse(&r.kind.label).is_none()) {
            r.subject_span = frame.titled_span(&(r.subject, r.subject_span.clone()));
            r.object_span = frame.titled_span(&(r.object, r.object_span.clone()));
        }
        if let Some(speaker) = frame.attribution(&quotes::SPEAKERS) {
            self.quote_speaker = speaker.entity.map(|e| (e, speaker.kind));
        } else if !frame.opens_with_quote() {
            self.quote_speaker = None;
        }
        self.earlier.swap(0, 1);
        let named = frame.mentions.iter().filter(|m| names(m)).filter_map(|m| m.entity.map(|e| (e, m.kind)));
        self.earlier[0].clear();
        self.earlier[0].extend(named);
    }

    /// The sentence's triggers, longest first at each token.
    fn match_triggers(&self, frame: &Frame<'_>, triggers: &mut Vec<(Range<usize>, RelationId)>) {
        let lexicon = self.lexicon;
        triggers.clear();
        lexicon.triggers.for_each_match(
            frame.text,
            &frame.sentence.tokens,
            |i| frame.classes.may_start_trigger(i),
            |s, e, id| {
                if frame.acts_as_trigger(s, e) {
                    triggers.push((s..e + 1, lexicon.trigger_relations[id]));
                }
            },
        );
        triggers.sort_by_key(|(r, rel)| (r.start, std::cmp::Reverse(r.end), *rel));
    }

    /// Fills the frame of relation `rel` at `trigger` and records the relation
    /// it states; returns the token up to which the sentence is then read.
    fn fill(
        &mut self,
        frame: &Frame<'_>,
        index: usize,
        trigger: Range<usize>,
        rel: RelationId,
        has_alternative: bool,
        previous_subject: Option<&Argument>,
    ) -> Option<usize> {
        let entry = self.lexicon.relation(rel);
        if frame.recalls_a_memory(trigger.clone(), entry) || frame.says_without_demanding(trigger.clone(), entry) {
            return None;
        }
        let passive = frame.is_passive(trigger.clone());
        if !passive
            && let Some((phrase, kinds)) = frame.described_pair(trigger.start)
            && let Some(members) = frame.pair_members(phrase.clone(), kinds, &self.earlier)
        {
            return self.pair_acts(frame, index, trigger, entry, phrase, members);
        }
        let end = frame.clause_end(trigger.end);
        let (subject, object, complement_end) = if passive {
            let (agent, patient) = frame.passive_arguments(trigger.clone(), entry, self.facts);
            (agent, patient, 0)
        } else if frame.is_reduced_relative(trigger.clone(), entry) {
            let (agent, patient) = frame.reduced_relative_arguments(trigger.clone());
            (agent, patient, 0)
        } else {
            frame.active_arguments(trigger.clone(), entry, end, object_kinds(entry), previous_subject)
        };
        // A quotation's "I" is the subject, whatever stands before it ("I admire X and I
        // will never criticise Y"); it acts only on the object its own frame names.
        let subject = match frame.first_person_before(trigger.start) {
            Some(_) if !passive => object.as_ref().and_then(|_| self.first_person(frame, trigger.start)),
            _ => subject,
        };
        let object = object
            .or_else(|| frame.reciprocal_partner(trigger.clone(), entry, subject.as_ref()))
            .or_else(|| frame.loose_target(trigger.clone(), entry, end, subject.as_ref(), has_alternative))
            .or_else(|| frame.condition_target(trigger.clone(), entry, subject.as_ref()));
        let (Some(subject), Some(object)) = (subject, object) else {
            self.unfilled.push((trigger, rel));
            return None;
        };
        self.state(frame, index, trigger.clone(), entry, subject, object).then_some(trigger.end.max(complement_end))
    }

    /// "'I warmly welcome ...,' said X": the speaker of the quotation is the
    /// subject of "I" or "we" before the trigger at `at`, with that word as its span.
    fn first_person(&self, frame: &Frame<'_>, at: usize) -> Option<Argument> {
        let plural = frame.first_person_before(at)?;
        let kinds = Frame::first_person_kinds(plural);
        let speaker = match frame.attribution(kinds) {
            Some(m) => m.entity?,
            None if frame.opens_with_quote() => self.quote_speaker.filter(|(_, k)| kinds.contains(k))?.0,
            None => return None,
        };
        let pronoun = (0..at).rev().find(|&k| matches!(frame.word(k), "I" | "We" | "we"))?;
        Some((speaker, frame.sentence.tokens[pronoun].range()))
    }

    /// "the two countries signed a deal with the US": each member of the pair
    /// acts; with no object, an act done together is between the two.
    fn pair_acts(
        &mut self,
        frame: &Frame<'_>,
        index: usize,
        trigger: Range<usize>,
        entry: &RelationEntry,
        phrase: Range<usize>,
        members: [EntityId; 2],
    ) -> Option<usize> {
        let tokens = &frame.sentence.tokens;
        let span = tokens[phrase.start].start..tokens[phrase.end - 1].end;
        let [first, second] = members_at(members, &span);
        let end = frame.clause_end(trigger.end);
        let (_, object, complement_end) =
            frame.active_arguments(trigger.clone(), entry, end, object_kinds(entry), None);
        let stated = match object {
            Some(object) => {
                let by_first = self.state(frame, index, trigger.clone(), entry, first, object.clone());
                self.state(frame, index, trigger.clone(), entry, second, object) || by_first
            }
            None if frame.acts_together(trigger.clone(), entry) => {
                self.state(frame, index, trigger.clone(), entry, first, second)
            }
            None => false,
        };
        stated.then_some(trigger.end.max(complement_end))
    }

    /// The frames of this sentence's unfilled triggers, read from its parse ([`parsed`]).
    fn parsed_frames(&mut self, frame: &Frame<'_>, index: usize) {
        let Some(mut syntax) = self.syntax.take() else { return };
        let mut unfilled = std::mem::take(&mut self.unfilled);
        if let Some(parse) = syntax.parse_for(frame, &mut unfilled) {
            let mut stated: Option<Range<usize>> = None;
            for (trigger, rel) in unfilled.drain(..) {
                // One frame per trigger: a row that fills ends the trigger's other rows.
                let start = frame.sentence.tokens[trigger.start].start;
                let mut done = self.relations.iter().rev().take_while(|r| r.sentence == index);
                if stated.as_ref() == Some(&trigger) || done.any(|r| r.trigger_span.start == start) {
                    continue;
                }
                let entry = self.lexicon.relation(rel);
                let kinds = object_kinds(entry);
                let Some((subject, object)) = parsed_arguments(frame, &parse, trigger.start, entry, kinds) else {
                    continue;
                };
                if self.state(frame, index, trigger.clone(), entry, subject, object) {
                    stated = Some(trigger);
                }
            }
        }
        self.unfilled = unfilled;
        self.syntax = Some(syntax);
    }

    /// Records the relation of `entry` at `trigger` between the found
    /// `subject` and `object`, unless what the frame means rules it out;
    /// says whether it recorded one.
    fn state(
        &mut self,
        frame: &Frame<'_>,
        index: usize,
        trigger: Range<usize>,
        entry: &RelationEntry,
        subject: Argument,
        object: Argument,
    ) -> bool {
        let tokens = &frame.sentence.tokens;
        let end = frame.clause_end(trigger.end);
        let trigger_span = tokens[trigger.start].start..tokens[trigger.end - 1].end;
        if subject.0 == object.0
            || frame.gives_no_aid(entry, &object)
            || frame.buys_a_part(entry, &object)
            || frame.modifier_is_no_target(trigger.clone(), entry, &object)
            || frame.acts_on_a_thing(trigger.clone(), entry, &object)
        {
            return false;
        }
        let last = object.1.end.max(trigger_span.end);
        let hedge_end = tokens.iter().position(|t| t.end >= last).map_or(end, |p| p + 1);
        let hedged = frame.hedged(frame.clause_start(trigger.start)..hedge_end.max(trigger.end));
        let (entry, hedged) = frame.refine(entry, trigger.clone(), end, &frame.text[subject.1.clone()], hedged);
        let entry = frame.verbal_attack(entry, trigger.clone(), &subject, &object);
        for (subject, object) in frame.coordinated_pairs(trigger.clone(), subject, object) {
            self.relations.push(relation(entry, index, subject, trigger_span.clone(), object, hedged));
        }
        true
    }

    /// The deals nouns name ("X's takeover of Y"), unless a verb's frame already stated them.
    fn deals(&mut self, frame: &Frame<'_>, index: usize) {
        for deal in frame.nominal_deals() {
            let Some(entry) = self.lexicon.event(deal.event) else { continue };
            let stated =
                self.relations.iter().rev().take_while(|r| r.sentence == index).any(|r| {
                    r.subject == deal.subject.0 && r.object == deal.object.0 && r.kind.label == entry.kind.label
                });
            if stated {
                continue;
            }
            let tokens = &frame.sentence.tokens;
            let noun = tokens[deal.noun].range();
            // Hedged within the deal's own words: "X, a shareholder in Y, decided ..." is no hedge.
            let last = deal.subject.1.end.max(deal.object.1.end).max(noun.end);
            let end = tokens.iter().position(|t| t.end >= last).map_or(tokens.len(), |p| p + 1);
            let hedged = frame.hedged(frame.clause_start(deal.noun)..end);
            // "Egypt and Israel signed a protocol with the US": each signer agreed.
            if deal.event == EventRelation::Agreed {
                for (subject, object) in frame.coordinated_pairs(deal.noun..deal.noun + 1, deal.subject, deal.object) {
                    self.relations.push(relation(entry, index, subject, noun.clone(), object, hedged));
                }
                continue;
            }
            self.relations.push(relation(entry, index, deal.subject, noun, deal.object, hedged));
        }
    }

    /// The killings nouns name ("Kennedy's assassin, Oswald"), unless a verb's frame already stated them.
    fn killings(&mut self, frame: &Frame<'_>, index: usize) {
        let Some(entry) = self.lexicon.event(EventRelation::Attacked) else { return };
        for killing in frame.nominal_killings() {
            let mut done = self.relations.iter().rev().take_while(|r| r.sentence == index);
            if done.any(|r| r.subject == killing.killer.0 && r.object == killing.victim.0) {
                continue;
            }
            let noun = frame.sentence.tokens[killing.noun].range();
            self.relations.push(relation(entry, index, killing.killer, noun, killing.victim, killing.alleged));
        }
    }

    /// The detentions "held by" tells ("X, held by the US in Guantanamo"), as
    /// the frames of a trigger, and custody with its holder ("in US custody").
    fn detentions(&mut self, frame: &Frame<'_>, index: usize) {
        let Some(entry) = self.lexicon.event(EventRelation::Arrested) else { return };
        for held in frame.detentions() {
            let trigger = held..held + 1;
            let (agent, patient) = if frame.is_passive(trigger.clone()) {
                frame.passive_arguments(trigger.clone(), entry, self.facts)
            } else if frame.is_reduced_relative(trigger.clone(), entry) {
                frame.reduced_relative_arguments(trigger.clone())
            } else {
                continue;
            };
            if let (Some(agent), Some(patient)) = (agent, patient)
                && frame.can_be_detained(&patient)
            {
                self.state(frame, index, trigger, entry, agent, patient);
            }
        }
        for (custody, holder, held) in frame.custodies() {
            let stated = self.relations.iter().rev().take_while(|r| r.sentence == index);
            if !stated.clone().any(|r| r.subject == holder.0 && r.object == held.0) {
                let word = frame.sentence.tokens[custody].range();
                self.relations.push(relation(entry, index, holder, word, held, false));
            }
        }
    }

    /// Membership told by service ("X served on the Council"): member_of, the role relation.
    fn services(&mut self, frame: &Frame<'_>, index: usize) {
        for (verb, member, body) in frame.services() {
            let kind = self.lexicon.role_kind(Role::MemberOf);
            let verb = frame.sentence.tokens[verb].range();
            self.relations.push(relation_of(kind, index, member, verb, body, false));
        }
    }

    /// The interviews outlets gave ("X told Reuters"): the outlet interviewed the speaker.
    fn interviews(&mut self, frame: &Frame<'_>, index: usize) {
        let Some(entry) = self.lexicon.event(EventRelation::Interviewed) else { return };
        for interview in frame.interviews() {
            let word = frame.sentence.tokens[interview.word].range();
            self.relations.push(relation(entry, index, interview.outlet, word, interview.speaker, false));
        }
    }

    /// Homes stated by modifiers and appositions ("French car maker Peugeot"):
    /// a role relation, unless the sentence already relates the two.
    fn homes(&mut self, frame: &Frame<'_>, index: usize) {
        for home in frame.homes() {
            let (subject, object) = (home.subject.0, home.place.0);
            let stated = self.facts.iter().any(|r| r.sentence == index && r.subject == subject && r.object == object);
            if stated || subject == object {
                continue;
            }
            let kind = Arc::clone(self.lexicon.role_kind(home.role));
            let word = frame.sentence.tokens[home.word].range();
            let entry = Relation {
                subject,
                object,
                kind,
                sentence: index,
                subject_span: home.subject.1,
                trigger_span: word,
                object_span: home.place.1,
                hedged: false,
            };
            self.relations.push(entry);
        }
    }

    /// Reported wrongdoing: "the report stated (that) Putin 'authorised' ..."
    /// → accused; "said Iraq must cooperate" → a demand on the one who must.
    fn claims(&mut self, frame: &Frame<'_>, index: usize, accused: &RelationEntry) {
        let tokens = &frame.sentence.tokens;
        let actors = [EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Group];
        for j in 0..tokens.len() {
            if !frame.classes.is(j, &self.lexicon.words.claim) {
                continue;
            }
            let Some(subject) = frame.subject(j) else { continue };
            // "said (on Tuesday) that Sudan must ...": the claim's own clause.
            let mut k = j + 1;
            if let Some(that) = (j + 1..(j + 6).min(tokens.len())).find(|&t| frame.lower(t) == "that") {
                k = that + 1;
            }
            let Some(target) = frame.first_in(k..k + 2, Some(&actors)) else { continue };
            let v = claimed_verb(frame, target);
            let verb = frame.match_len(&self.lexicon.words.wrongdoing, v);
            if verb == 0 {
                self.demand(frame, index, subject, target, v);
                continue;
            }
            let Some((object, object_span)) = target.entity.map(|e| (e, target.span.clone())) else { continue };
            if subject.0 != object {
                let trigger_span = tokens[v].start..tokens[v + verb - 1].end;
                let hedged = frame.hedged(k..v + verb);
                self.relations.push(relation(accused, index, subject, trigger_span, (object, object_span), hedged));
            }
        }
    }

    /// Judgements in reported speech ([`judgements`]): blame is criticism,
    /// praise is praise, unless the sentence already relates the two.
    fn judgements(&mut self, frame: &Frame<'_>, index: usize) {
        let found = frame.judgements();
        if found.is_empty() {
            return;
        }
        let criticized = self.lexicon.event(EventRelation::Criticized);
        let praised = self.lexicon.relations.iter().find(|r| r.kind.label == "praised");
        for judgement in found {
            let Some(entry) = (if judgement.blames { criticized } else { praised }) else { continue };
            let (judge, judged) = (judgement.judge, judgement.judged);
            let mut here = self.relations.iter().rev().take_while(|r| r.sentence == index);
            if here.any(|r| r.subject == judge.0 && r.object == judged.0) {
                continue;
            }
            let word = frame.sentence.tokens[judgement.word].range();
            self.relations.push(relation(entry, index, judge, word, judged, false));
        }
    }

    /// "said Iraq must cooperate": the claim's subject demanded of the target, if
    /// token `v` is "must" or "should"; "said X should have acted" reproaches
    /// what is done (criticized; treebank: "Bush should have declined to run").
    fn demand(&mut self, frame: &Frame<'_>, index: usize, subject: Argument, target: &Mention, v: usize) {
        let reproach = frame.lower(v) == "should" && {
            let have = if frame.lower(v + 1) == "not" { v + 2 } else { v + 1 };
            let done = frame.lower(have + 1);
            let participle = ["ed", "en", "ne", "wn", "ught"].iter().any(|e| done.ends_with(e)) && done != "been";
            frame.lower(have) == "have" && participle
        };
        let event = if reproach { EventRelation::Criticized } else { EventRelation::Demanded };
        if matches!(frame.lower(v).as_str(), "must" | "should")
            && let (Some(demanded), Some(object)) = (self.lexicon.event(event), target.entity)
            && subject.0 != object
        {
            let trigger_span = frame.sentence.tokens[v].range();
            self.relations.push(relation(demanded, index, subject, trigger_span, (object, target.span.clone()), false));
        }
    }
}

/// Where the verb of a claimed clause is, after its `target` subject: past
/// coordinated actors ("said US and British forces must ..."), up to a modal
/// ("Sudan and the rebels must ..."), and past punctuation and adverbs.
fn claimed_verb(frame: &Frame<'_>, target: &Mention) -> usize {
    let tokens = &frame.sentence.tokens;
    let mut v = target.tokens.end;
    while matches!(frame.lower(v).as_str(), "and" | ",")
        && let Some(next) = frame.heads().find(|m| m.tokens.start > v && m.tokens.start <= v + 2)
    {
        v = next.tokens.end;
    }
    // "Kagame and his party must ...".
    if frame.lower(target.tokens.end) == "and"
        && let Some(modal) = (target.tokens.end + 1..(target.tokens.end + 7).min(tokens.len()))
            .take_while(|&j| !frame.is_boundary(j))
            .find(|&j| matches!(frame.lower(j).as_str(), "must" | "should"))
    {
        v = modal;
    }
    while v < tokens.len()
        && (tokens[v].kind == TokenKind::Punct || frame.lexicon.lists.adverb.contains(frame.lower(v).as_str()))
        && v < target.tokens.end + 4
    {
        v += 1;
    }
    v
}

/// The sentence has "both" or "two", which may describe a pair ([`described_pairs`]).
fn may_describe_pair(text: &str, sentence: &Sentence) -> bool {
    // Length and first byte before the text (2.3 M instructions of 3 MB of news without, callgrind).
    const PAIR_WORDS: WordGate = WordGate::new(&["both", "Both", "two"]);
    sentence.tokens.iter().any(|t| PAIR_WORDS.may_match(text, t) && matches!(t.text(text), "both" | "Both" | "two"))
}

/// The kinds of entity a frame's object may be.
fn object_kinds(entry: &RelationEntry) -> &'static [EntityKind] {
    if matches!(entry.event, Some(EventRelation::ArrivedIn | EventRelation::BornIn | EventRelation::Visited)) {
        &[EntityKind::Place, EntityKind::State]
    } else if entry.event == Some(EventRelation::Acquired) {
        &[EntityKind::Organization]
    } else if entry.kind.plover.is_some() {
        // An event may target a place: "opened an embassy in Tehran".
        &EntityKind::ALL
    } else {
        &[EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Report, EntityKind::Group]
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
    relation_of(&entry.kind, sentence, subject, trigger, object, hedged)
}

fn relation_of(
    kind: &Arc<RelationType>,
    sentence: usize,
    subject: Argument,
    trigger: Range<usize>,
    object: Argument,
    hedged: bool,
) -> Relation {
    Relation {
        subject: subject.0,
        object: object.0,
        kind: Arc::clone(kind),
        sentence,
        subject_span: subject.1,
        trigger_span: trigger,
        object_span: object.1,
        hedged,
    }
}
