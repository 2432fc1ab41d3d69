//! A learned classifier of the relations between two named mentions of a
//! sentence (who works for which organization, what is located where, who
//! killed whom): the relations news states in ways no trigger row lists
//! ("Tom Reed of Acme Mills", "Morgan City, La.", "the Paris-based bank").
//!
//! An averaged perceptron over hashed features of the pair (`features`),
//! trained by `newsgraph train --relations` on CoNLL04's training sentences
//! and shipped as `data/model/relations.bin`. It runs after the rules; a
//! pair the rules already relate keeps the rules' edge. One file per part:
//! `candidates` (which pairs), `features`, `model` (classes, weights, the
//! file), `train`, and here the stage that turns predictions into relations.

mod candidates;
mod features;
mod home_places;
mod model;
mod train;

use std::ops::Range;
use std::sync::Arc;

use super::extraction::{Mention, Relation};
use super::lexicon::Lexicon;
use super::vocabulary::{EntityId, RelationType, Role};
use crate::text::{Sentence, TokenKind};
use features::{Kind, PairView, lexicon_cues_between, mix, seed, word_hashes_around};
pub(crate) use home_places::relate_home_places;
pub(crate) use model::class;
pub use model::{EMBEDDED_MODEL, PairModel, PairType};
pub use train::{Examples, train, train_averaged, train_from_seed};

/// Calls `f` with every candidate pair of every sentence: the sentence's
/// index, its view, the two mentions' indices in the view (in sentence
/// order), the classes their kinds allow and the pair's features.
pub(crate) fn for_each_pair<'m>(
    text: &str,
    sentences: &[Sentence],
    mentions: &'m [Mention],
    lexicon: &Lexicon,
    mut f: impl FnMut(usize, &PairView<'_>, (usize, usize), u16, &[u32]),
) {
    let mut by_sentence: Vec<&'m Mention> = mentions.iter().filter(|m| candidates::is_candidate(m)).collect();
    by_sentence.sort_by_key(|m| m.sentence);
    let mut here = Vec::new();
    let mut words = Vec::new();
    let mut cues = Vec::new();
    let mut features = Vec::with_capacity(64);
    for run in by_sentence.chunk_by(|a, b| a.sentence == b.sentence) {
        let index = run[0].sentence;
        if run.len() < 2 || index >= sentences.len() {
            continue;
        }
        candidates::select(run.iter().copied(), &mut here);
        let tokens = &sentences[index].tokens;
        word_hashes_around(text, tokens, &here, &mut words);
        lexicon_cues_between(text, tokens, &here, lexicon, &mut cues);
        let view = PairView { text, tokens, mentions: &here, words: &words, cues: &cues };
        for (a, b) in candidates::pairs(&here) {
            let allowed = model::allowed(here[a].kind, here[b].kind);
            if allowed == 1 {
                continue;
            }
            view.features(a, b, &mut features);
            f(index, &view, (a, b), allowed, &features);
        }
    }
}

/// Words between two mentions that are evidence enough by themselves.
const FEW_WORDS: usize = 6;

/// The relations the model finds between mentions the `rules` leave unrelated in their sentence.
pub(crate) fn find(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    rules: &[Relation],
    lexicon: &Lexicon,
    model: &PairModel,
) -> Vec<Relation> {
    // What the rules read in a sentence stands; other sentences may state more.
    let mut related: Vec<(usize, EntityId, EntityId)> =
        rules.iter().map(|r| (r.sentence, r.subject.min(r.object), r.subject.max(r.object))).collect();
    related.sort_unstable();
    let mut found = Vec::new();
    for_each_pair(text, sentences, mentions, lexicon, |index, view, (a, b), allowed, features| {
        let (first, second) = (view.mentions[a], view.mentions[b]);
        let (Some(x), Some(y)) = (first.entity, second.entity) else { return };
        if related.binary_search(&(index, x.min(y), x.max(y))).is_ok() {
            return;
        }
        let scores = model.scores(features);
        let Some((best, by)) = PairModel::best_relation(&scores, allowed) else { return };
        if by > model::of_class(best).0.margin() {
            found.extend(
                relation(view, (first, second), best, lexicon, model).map(|r| Relation { sentence: index, ..r }),
            );
        }
    });
    found
}

/// The relation of class `class` between two mentions (in sentence order),
/// with its evidence: the words between them when they are few ("an equity
/// strategist at", "'s", ","), else the word between them that speaks most
/// for the class, else the second mention. A killing needs a violent
/// trigger between them, its evidence. The sentence is left 0.
fn relation(
    view: &PairView<'_>,
    (first, second): (&Mention, &Mention),
    class: usize,
    lexicon: &Lexicon,
    model: &PairModel,
) -> Option<Relation> {
    let (kind, forward) = model::of_class(class);
    let tokens = view.tokens;
    let between = first.tokens.end..second.tokens.start;
    // The words between, without the punctuation at either end unless that is all.
    let is_punct = |i: usize| tokens[i].kind == TokenKind::Punct;
    let mut words = between.clone();
    while words.len() > 1 && is_punct(words.start) {
        words.start += 1;
    }
    while words.len() > 1 && is_punct(words.end - 1) {
        words.end -= 1;
    }
    let trigger_span = if kind == PairType::Kill {
        violent_trigger(view, lexicon, (first, second))?
    } else if !words.is_empty() && words.len() <= FEW_WORDS {
        tokens[words.start].start..tokens[words.end - 1].end
    } else if let Some(i) = telling_word(view, model, (first, second), class) {
        tokens[i].range()
    } else {
        second.span.clone()
    };
    let (head, tail) = if forward { (first, second) } else { (second, first) };
    Some(Relation {
        subject: head.entity?,
        object: tail.entity?,
        kind: relation_type(kind, lexicon)?,
        sentence: 0,
        subject_span: head.span.clone(),
        trigger_span,
        object_span: tail.span.clone(),
        hedged: false,
    })
}

/// A killing needs its word: the first word between the two mentions that
/// the lexicon calls violent (`violence` of `words.tsv`: "shot", "killing")
/// or that starts a trigger of assault or fighting ("assassinated"). Learnt
/// from CoNLL04's sentences about assassins, the classifier alone read "glad
/// to see the back of Mr X" and "his strong relationship with George Bush"
/// as killings.
fn violent_trigger(
    view: &PairView<'_>,
    lexicon: &Lexicon,
    (first, second): (&Mention, &Mention),
) -> Option<Range<usize>> {
    let tokens = view.tokens;
    let end = second.tokens.start;
    let mut found = None;
    for s in first.tokens.end..end {
        if lexicon.lists.violence.contains(tokens[s].text(view.text)) {
            return Some(tokens[s].range());
        }
        lexicon.triggers.for_each_match_from(view.text, tokens, s, |e, id| {
            let kind = &lexicon.relation(lexicon.trigger_relations[id]).kind;
            if found.is_none() && e < end && matches!(kind.plover.as_deref(), Some("ASSAULT" | "FIGHT")) {
                found = Some(tokens[s].start..tokens[e].end);
            }
        });
        if found.is_some() {
            break;
        }
    }
    found
}

/// The edge label of a type: a role for work and places, the lexicon's
/// first "attacked" row for a killing (the label the reader goldens use).
fn relation_type(kind: PairType, lexicon: &Lexicon) -> Option<Arc<RelationType>> {
    match kind {
        PairType::WorkFor => Some(Arc::clone(lexicon.role_kind(Role::WorksFor))),
        PairType::LiveIn | PairType::OrgBasedIn | PairType::LocatedIn => {
            Some(Arc::clone(lexicon.role_kind(Role::LocatedIn)))
        }
        PairType::Kill => lexicon.relations.iter().find(|r| r.kind.label == "attacked").map(|r| Arc::clone(&r.kind)),
    }
}

/// The word between the mentions that speaks most for `class` against no
/// relation (the first of equals).
fn telling_word(
    view: &PairView<'_>,
    model: &PairModel,
    (first, second): (&Mention, &Mention),
    class: usize,
) -> Option<usize> {
    let tokens = view.tokens;
    let weight = |k: usize| {
        let f = mix(seed(Kind::Between), view.words[k]);
        model.weight(f, class) - model.weight(f, 0)
    };
    (first.tokens.end..second.tokens.start)
        .filter(|&i| tokens[i].kind == TokenKind::Word)
        .map(|i| (i, weight(i)))
        .reduce(|best, next| if next.1 > best.1 { next } else { best })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extraction::{Cue, EntityKind, Form};
    use features::word_hashes;

    fn person(sentence: &Sentence, tokens: Range<usize>, entity: usize) -> Mention {
        let span = sentence.tokens[tokens.start].start..sentence.tokens[tokens.end - 1].end;
        Mention {
            sentence: 0,
            tokens,
            span,
            phrase_start: 0,
            kind: EntityKind::Person,
            form: Form::Name,
            head: true,
            cue: Cue::PersonPronoun,
            entity: Some(EntityId::new(entity)),
        }
    }

    /// A model for which every pair of persons is a killing by the first.
    fn killings() -> PairModel {
        let mut view_features = Vec::new();
        let text = "Ann Tovey met Joe Hale";
        let sentence = &crate::text::analyze(text, 0..text.len())[0];
        let mentions = [person(sentence, 0..2, 0), person(sentence, 3..5, 1)];
        let refs: Vec<&Mention> = mentions.iter().collect();
        let mut words = Vec::new();
        word_hashes(text, &sentence.tokens, &mut words);
        let cues = vec![0; words.len()];
        PairView { text, tokens: &sentence.tokens, mentions: &refs, words: &words, cues: &cues }.features(
            0,
            1,
            &mut view_features,
        );
        let mut w = [0f32; model::N];
        w[class(PairType::Kill, true)] = 5.0;
        PairModel::from(model::Weights::from_iter([(view_features[0], w)]))
    }

    fn learned(text: &str, model: &PairModel) -> Vec<Relation> {
        let sentences = crate::text::analyze(text, 0..text.len());
        let mentions = [person(&sentences[0], 0..2, 0), person(&sentences[0], 3..5, 1)];
        find(text, &sentences, &mentions, &[], &Lexicon::shared(), model)
    }

    #[test]
    fn a_killing_needs_a_violent_word_between_and_that_word_is_its_evidence() {
        let model = killings();
        assert!(learned("Ann Tovey met Joe Hale in Leeds.", &model).is_empty());
        let found = learned("Ann Tovey killing Joe Hale in Leeds.", &model);
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert_eq!((r.subject.index(), r.object.index(), r.kind.label.as_str()), (0, 1, "attacked"));
        assert_eq!(r.trigger_span, 10..17, "the word \"killing\"");
    }

    #[test]
    fn a_pair_the_rules_relate_in_its_sentence_keeps_their_edge() {
        let model = killings();
        let text = "Ann Tovey killing Joe Hale in Leeds.";
        let sentences = crate::text::analyze(text, 0..text.len());
        let mentions = [person(&sentences[0], 0..2, 0), person(&sentences[0], 3..5, 1)];
        let mut rule = learned(text, &model).remove(0);
        std::mem::swap(&mut rule.subject, &mut rule.object);
        assert!(find(text, &sentences, &mentions, std::slice::from_ref(&rule), &Lexicon::shared(), &model).is_empty());
        rule.sentence = 3;
        assert_eq!(find(text, &sentences, &mentions, &[rule], &Lexicon::shared(), &model).len(), 1);
    }
}
