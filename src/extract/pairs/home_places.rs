//! Where a person is from is named as a town with its state: "born in
//! North Bend, Ohio", "a native of Amherst, Mass.". The rules relate the
//! person to the town and the town to the state; the relation's object
//! span then covers both, the name of the person's place as written (and as
//! CoNLL04 marks a Live_In place: 75 of its 84 training places with a comma
//! inside are the place of a Live_In).

use crate::extract::extraction::{Entity, EntityKind, Mention, Relation};
use crate::extract::vocabulary::EntityId;

/// Widens the object span of each relation of a person to a place that a
/// comma and a larger place follow, which the relations place it in
/// ("North Bend" → "North Bend, Ohio"). Relations of organizations and
/// places keep the town alone.
pub(crate) fn widen_home_places(mentions: &[Mention], entities: &[Entity], relations: &mut [Relation]) {
    let kind = |id: EntityId| entities.get(id.index()).map(|e| e.kind);
    let located: Vec<(usize, EntityId, EntityId)> = relations
        .iter()
        .filter(|r| r.kind.label == "located_in" && kind(r.subject) == Some(EntityKind::Place))
        .map(|r| (r.sentence, r.subject, r.object))
        .collect();
    if located.is_empty() {
        return;
    }
    for r in relations.iter_mut() {
        if kind(r.subject) != Some(EntityKind::Person) || kind(r.object) != Some(EntityKind::Place) {
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
        if let Some(larger) = larger {
            r.object_span = town.span.start..larger.span.end;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Pipeline;
    use crate::input::Document;

    fn object_spans(text: &str) -> Vec<(String, String)> {
        let doc = Document { id: "d".into(), text: text.into(), ..Document::default() };
        let extraction = Pipeline::embedded().extract(&doc);
        extraction.relations.iter().map(|r| (r.kind.label.clone(), text[r.object_span.clone()].to_string())).collect()
    }

    #[test]
    fn a_persons_town_is_named_with_its_state_and_a_towns_state_stays_apart() {
        let found = object_spans("Ada Lorne was born in Pell City, Ala., in 1931.");
        assert!(found.contains(&("born_in".into(), "Pell City, Ala".into())), "{found:?}");
        assert!(found.contains(&("located_in".into(), "Ala".into())), "{found:?}");
    }
}
