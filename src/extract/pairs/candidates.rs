//! Which pairs are classified: two named mentions of one sentence, of the
//! kinds the relations hold between, not overlapping and not far apart.

use crate::extract::extraction::{EntityKind, Form, Mention};

/// Tokens at most between the two mentions of a pair. Of the CoNLL04
/// training relations whose mentions the pipeline finds, 97% lie within
/// this distance; farther pairs are mostly unrelated and cost time.
pub(crate) const MAX_BETWEEN: usize = 20;

/// A mention a pair may be made of: a name of a person, organization, place or state, resolved.
pub(crate) fn is_candidate(m: &Mention) -> bool {
    matches!(m.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::State)
        && m.form == Form::Name
        && m.entity.is_some()
        && !m.tokens.is_empty()
}

/// Keeps the candidate mentions of one sentence, in token order, one per span.
pub(crate) fn select<'a>(mentions: impl IntoIterator<Item = &'a Mention>, out: &mut Vec<&'a Mention>) {
    out.clear();
    out.extend(mentions.into_iter().filter(|m| is_candidate(m)));
    out.sort_by_key(|m| (m.tokens.start, m.tokens.end));
    out.dedup_by_key(|m| m.tokens.clone());
}

/// The pairs (first, second) of `mentions` (as `select` leaves them) to classify:
/// the first ends before the second starts, at most `MAX_BETWEEN` tokens before.
pub(crate) fn pairs(mentions: &[&Mention]) -> impl Iterator<Item = (usize, usize)> {
    (0..mentions.len()).flat_map(move |a| {
        let end = mentions[a].tokens.end;
        (a + 1..mentions.len())
            .take_while(move |&b| mentions[b].tokens.start <= end + MAX_BETWEEN)
            .filter(move |&b| mentions[b].tokens.start >= end && mentions[a].entity != mentions[b].entity)
            .map(move |b| (a, b))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extraction::Cue;
    use crate::extract::vocabulary::EntityId;

    fn mention(tokens: std::ops::Range<usize>, kind: EntityKind, entity: usize) -> Mention {
        Mention {
            sentence: 0,
            span: tokens.clone(),
            tokens,
            phrase_start: 0,
            kind,
            form: Form::Name,
            head: true,
            cue: Cue::PersonPronoun,
            entity: Some(EntityId::new(entity)),
        }
    }

    #[test]
    fn pairs_are_ordered_apart_and_near() {
        let ms = [
            mention(0..2, EntityKind::Person, 0),
            mention(1..3, EntityKind::Place, 1),
            mention(4..5, EntityKind::Organization, 2),
            mention(6..7, EntityKind::Person, 0),
            mention(30..31, EntityKind::State, 3),
        ];
        let refs: Vec<&Mention> = ms.iter().collect();
        let found: Vec<(usize, usize)> = pairs(&refs).collect();
        // 0 and 1 overlap, 0 and 3 are one entity, 4 is too far from all but 3.
        assert_eq!(found, [(0, 2), (1, 2), (1, 3), (2, 3)]);
    }

    #[test]
    fn only_resolved_names_of_four_kinds_are_candidates() {
        let mut pronoun = mention(0..1, EntityKind::Person, 0);
        pronoun.form = Form::Pronoun;
        let mut unresolved = mention(2..3, EntityKind::Place, 1);
        unresolved.entity = None;
        let ms = [mention(5..6, EntityKind::State, 2), pronoun, unresolved, mention(3..4, EntityKind::Report, 3)];
        let mut out = Vec::new();
        select(&ms, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].kind, EntityKind::State);
    }
}
