//! Arbitrary text never makes extraction panic, and every span it reports
//! lies on character boundaries inside the text.

use newsgraph::input::Document;
use proptest::prelude::*;

use crate::harness::pipeline;

/// Words that steer the rules into their less common paths, mixed with noise.
fn text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("Russia’s".to_string()),
        Just("Putin".to_string()),
        Just("President".to_string()),
        Just("the".to_string()),
        Just("was recalled by".to_string()),
        Just("said that".to_string()),
        Just("Ministry of".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("-".to_string()),
        Just("\n".to_string()),
        "\\PC{0,12}",
    ];
    proptest::collection::vec(word, 0..60).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn extraction_never_panics_and_spans_are_in_bounds(text in text()) {
        let doc = Document { id: "fuzz".into(), text: text.clone(), ..Document::default() };
        let extraction = pipeline().extract(&doc);
        for m in &extraction.mentions {
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        for r in &extraction.relations {
            for span in [&r.subject_span, &r.trigger_span, &r.object_span] {
                prop_assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}

/// Text with no sentence ends (a table, a transcript) is cut into pieces of
/// at most `LONGEST_SENTENCE` bytes: its relations are still found, and no
/// edge carries the whole run as its evidence.
#[test]
fn a_runaway_sentence_is_cut_so_evidence_stays_short() {
    let text = "Russia accused Ukraine of shelling Donetsk and Ukraine accused Russia of lying and ".repeat(1500);
    let doc = Document { id: "runaway".into(), text, ..Default::default() };
    let extraction = pipeline().extract(&doc);
    assert!(extraction.relations.len() > 100, "{}", extraction.relations.len());
    let longest = extraction.sentences.iter().map(ExactSizeIterator::len).max().unwrap();
    assert!(longest <= newsgraph::text::LONGEST_SENTENCE, "{longest}");
}
