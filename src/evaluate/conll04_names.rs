//! CoNLL04 sentences as training documents for the name tagger, beside
//! CoNLL-2003's: `newsgraph train eng.train --conll04 conll04_train.json`.
//!
//! CoNLL-2003 is Reuters news of 1996, read a story at a time, where a name
//! is mostly introduced in full before its surname stands alone. CoNLL04's
//! sentences stand alone: "Oswald acted alone in killing Kennedy". Trained on
//! CoNLL-2003 only, the tagger read 37 of 283 persons of CoNLL04 dev as
//! places or organizations and 53 of 322 places as something else; with the
//! 922 training sentences added, 16 and 29 (`scripts/conll04-entities`).
//!
//! Peop, Loc and Org are PER, LOC and ORG. Other holds dates, numbers and
//! amounts as well as names of works, events and nationalities; CoNLL-2003
//! tags the first kind `O` and the second `MISC`, so a capitalised Other
//! entity without digits is MISC and the rest are outside (measured against
//! leaving every Other entity out of the updates: the same CoNLL04 dev F1,
//! testa ORG 0.813 against 0.804).

use super::conll::GoldDocument;
use super::conll04::GoldSentence;

/// Each sentence as a document of its own, with CoNLL-2003's entity types.
pub fn tagger_documents(sentences: &[GoldSentence]) -> Vec<GoldDocument> {
    sentences.iter().map(tagger_document).collect()
}

/// A capitalised span without digits: "World War II", "Israeli", not "June 3"
/// nor "42 percent".
fn is_name_like(span: &str) -> bool {
    span.starts_with(char::is_uppercase) && !span.contains(|c: char| c.is_ascii_digit())
}

fn tagger_document(sentence: &GoldSentence) -> GoldDocument {
    let text = &sentence.text;
    let entities: Vec<(usize, usize, String)> = sentence
        .entities
        .iter()
        .filter_map(|e| {
            let kind = match e.kind.as_str() {
                "Peop" => "PER",
                "Loc" => "LOC",
                "Org" => "ORG",
                _ if is_name_like(&text[e.span.0..e.span.1]) => "MISC",
                _ => return None,
            };
            Some((e.span.0, e.span.1, kind.to_string()))
        })
        .collect();
    // The IOB1 tags of the tokens, as the CoNLL-2003 reader keeps them.
    let mut previous: Option<usize> = None;
    let tokens = sentence
        .tokens
        .iter()
        .map(|&(start, end)| {
            let entity = entities.iter().position(|e| e.0 <= start && end <= e.1);
            let tag = match entity {
                None => "O".to_string(),
                Some(k) => {
                    let touches = previous.is_some_and(|p| p != k && entities[p].2 == entities[k].2);
                    let prefix = if touches && entities[k].0 == start { "B" } else { "I" };
                    format!("{prefix}-{}", entities[k].2)
                }
            };
            previous = entity;
            (start, end, tag)
        })
        .collect();
    GoldDocument { text: text.clone(), sentence_starts: vec![0], entities, tokens }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::conll04;

    #[test]
    fn entities_take_conll_2003_types_and_dates_stay_outside() {
        let json = r#"[{"tokens": ["Ann", "Lee", "met", "Tim", "Roe", "of", "Acme", "in", "Oslo", "on", "June", "3", "after", "the", "Gala", "."],
            "tags": ["B-Peop", "L-Peop", "O", "B-Peop", "L-Peop", "O", "U-Org", "O", "U-Loc", "O", "B-Other", "L-Other", "O", "O", "U-Other", "O"],
            "relations": []}]"#;
        let docs = tagger_documents(&conll04::parse(json).unwrap());
        let doc = &docs[0];
        let named: Vec<(&str, &str)> = doc.entities.iter().map(|(s, e, k)| (&doc.text[*s..*e], k.as_str())).collect();
        assert_eq!(named, [("Ann Lee", "PER"), ("Tim Roe", "PER"), ("Acme", "ORG"), ("Oslo", "LOC"), ("Gala", "MISC")]);
        let tags: Vec<&str> = doc.tokens.iter().map(|t| t.2.as_str()).collect();
        assert_eq!(tags[..5], ["I-PER", "I-PER", "O", "I-PER", "I-PER"]);
        assert_eq!(doc.sentence_starts, [0]);
    }

    #[test]
    fn a_name_touching_another_of_its_type_begins_with_b() {
        let json = r#"[{"tokens": ["Ann", "Tim", "Roe"], "tags": ["U-Peop", "B-Peop", "L-Peop"], "relations": []}]"#;
        let docs = tagger_documents(&conll04::parse(json).unwrap());
        let tags: Vec<&str> = docs[0].tokens.iter().map(|t| t.2.as_str()).collect();
        assert_eq!(tags, ["I-PER", "B-PER", "I-PER"]);
    }
}
