//! A town named with its state ("Bethany, Conn.", "Aiken, S.C."): the rules
//! relate the town to the state; what is in or from the town is in or from
//! the state too, and is said to be. In CoNLL04 train, where the two are
//! written as two places, the one who lives, the organization or the place
//! in the town is also in the state 32 times in 38 (persons 8 of 8,
//! organizations 13 of 15, places 11 of 15).
//!
//! A birthplace keeps the two as one place, the name as written: CoNLL04
//! writes "born in Amherst, Mass." as one place in 59 of its 61 training
//! sentences with "born", and "of Bethany, Conn." as two in 93 of 109
//! others (and the homes of persons there as two in 8 of 11).

use crate::extract::extraction::{Entity, EntityKind, Mention, Relation};
use crate::extract::vocabulary::EntityId;

/// For each `located_in` or `born_in` relation to a town that a comma and a
/// larger place follow, which the relations place the town in ("Bethany" →
/// "Conn."): a birth names the place as written (the object span becomes
/// "Bethany, Conn."), and any other gains the same relation to the larger
/// place. Relations of other labels (a mayor's town) keep the town alone.
pub(crate) fn relate_home_places(mentions: &[Mention], entities: &[Entity], relations: &mut Vec<Relation>) {
    let kind = |id: EntityId| entities.get(id.index()).map(|e| e.kind);
    let located: Vec<(usize, EntityId, EntityId)> = relations
        .iter()
        .filter(|r| r.kind.label == "located_in" && kind(r.subject) == Some(EntityKind::Place))
        .map(|r| (r.sentence, r.subject, r.object))
        .collect();
    if located.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for r in relations.iter_mut() {
        let label = r.kind.label.as_str();
        if !matches!(label, "located_in" | "born_in") || kind(r.object) != Some(EntityKind::Place) {
            continue;
        }
        let Some(town) = mentions.iter().find(|m| m.sentence == r.sentence && m.span == r.object_span) else {
            continue;
        };
        let larger = mentions.iter().find(|m| {
            m.sentence == town.sentence
                && m.tokens.start == town.tokens.end + 1
                && matches!(m.kind, EntityKind::Place | EntityKind::State)
                && m.entity.is_some_and(|e| located.contains(&(r.sentence, r.object, e)))
        });
        let Some((larger, state)) = larger.and_then(|m| Some((m, m.entity?))) else { continue };
        if label == "born_in" && kind(r.subject) == Some(EntityKind::Person) {
            r.object_span = town.span.start..larger.span.end;
        } else if state != r.subject {
            added.push(Relation { object: state, object_span: larger.span.clone(), ..r.clone() });
        }
    }
    added.retain(|a| {
        !relations.iter().any(|r| {
            r.sentence == a.sentence && r.subject == a.subject && r.object == a.object && r.kind.label == a.kind.label
        })
    });
    relations.extend(added);
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::input::Document;

    fn relations(text: &str) -> Vec<(String, String, String)> {
        let doc = Document { id: "d".into(), text: text.into(), ..Document::default() };
        let extraction = Pipeline::embedded().extract(&doc);
        let name = |id: crate::extract::EntityId| extraction.entities[id.index()].label.clone();
        extraction
            .relations
            .iter()
            .map(|r| (name(r.subject), r.kind.label.clone(), text[r.object_span.clone()].to_string()))
            .collect()
    }

    #[test]
    fn a_birthplace_is_named_with_its_state_and_the_town_stays_in_the_state() {
        let found = relations("Ada Lorne was born in Pell City, Ala., in 1931.");
        assert!(found.contains(&("Ada Lorne".into(), "born_in".into(), "Pell City, Ala".into())), "{found:?}");
        assert!(found.contains(&("Pell City".into(), "located_in".into(), "Ala".into())), "{found:?}");
    }

    #[test]
    fn one_who_lives_in_a_town_lives_in_its_state() {
        let found = relations("Hester Vane, 61, of Tolland, Conn., won the prize.");
        assert!(found.contains(&("Hester Vane".into(), "located_in".into(), "Tolland".into())), "{found:?}");
        assert!(found.contains(&("Hester Vane".into(), "located_in".into(), "Conn".into())), "{found:?}");
        assert!(found.contains(&("Tolland".into(), "located_in".into(), "Conn".into())), "{found:?}");
    }
}
