//! CoNLL-2003 named entities. Each document's text is its sentences, tokens
//! joined by single spaces, one sentence per line; gold entities come from
//! the IOB1 tags (`I-` throughout, `B-` only where two entities of one type
//! touch). Only mentions whose form is `name` count; person → PER, state and
//! place → LOC, organization → ORG; MISC is not scored. Spans must match exactly.

use std::collections::{BTreeMap, BTreeSet};

use super::gold::GoldError;
use super::score::Counts;
use crate::extract::{EntityKind, Form, Pipeline};
use crate::input::Document;

/// The scored types.
const TYPES: [&str; 3] = ["LOC", "ORG", "PER"];

/// One document rebuilt from the CoNLL columns.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldDocument {
    /// The sentences, tokens joined by spaces, one sentence per line.
    pub text: String,
    /// Byte offset where each sentence starts in `text`.
    pub sentence_starts: Vec<usize>,
    /// Gold entities: (start, end, type), byte offsets.
    pub entities: Vec<(usize, usize, String)>,
    /// Tokens with their byte spans and IOB tags, for a tagger to learn from.
    pub tokens: Vec<(usize, usize, String)>,
}

/// Reads CoNLL-2003 data: `token ... tag` lines, blank lines between
/// sentences, `-DOCSTART-` between documents. A line whose last column is
/// no IOB tag (`O`, `I-TYPE`, `B-TYPE`) is an error naming the line.
pub fn parse(text: &str) -> Result<Vec<GoldDocument>, GoldError> {
    let mut docs = Vec::new();
    let mut doc =
        GoldDocument { text: String::new(), sentence_starts: Vec::new(), entities: Vec::new(), tokens: Vec::new() };
    let mut sentence: Vec<(String, String)> = Vec::new();
    let flush_sentence = |doc: &mut GoldDocument, sentence: &mut Vec<(String, String)>| {
        if sentence.is_empty() {
            return;
        }
        if !doc.text.is_empty() {
            doc.text.push('\n');
        }
        doc.sentence_starts.push(doc.text.len());
        let mut open: Option<(usize, usize, String)> = None;
        for (i, (token, tag)) in sentence.iter().enumerate() {
            if i > 0 {
                doc.text.push(' ');
            }
            let start = doc.text.len();
            doc.text.push_str(token);
            let end = doc.text.len();
            doc.tokens.push((start, end, tag.clone()));
            let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
            let continues = prefix == "I" && open.as_ref().is_some_and(|(_, _, k)| k == kind);
            if continues {
                if let Some(o) = open.as_mut() {
                    o.1 = end;
                }
                continue;
            }
            doc.entities.extend(open.take());
            if prefix != "O" {
                open = Some((start, end, kind.to_string()));
            }
        }
        doc.entities.extend(open.take());
        sentence.clear();
    };
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            flush_sentence(&mut doc, &mut sentence);
            if !doc.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    GoldDocument {
                        text: String::new(),
                        sentence_starts: Vec::new(),
                        entities: Vec::new(),
                        tokens: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.is_empty() {
            flush_sentence(&mut doc, &mut sentence);
            continue;
        }
        let (Some((token, _)), Some((_, tag))) = (line.split_once(' '), line.rsplit_once(' ')) else {
            let problem = format!("expected a token and an IOB tag, got {line:?}");
            return Err(GoldError::Line { line: number + 1, problem });
        };
        let iob =
            tag == "O" || tag.strip_prefix("I-").or_else(|| tag.strip_prefix("B-")).is_some_and(|t| !t.is_empty());
        if !iob {
            let problem = format!("{tag:?} is not an IOB tag (O, I-TYPE, B-TYPE)");
            return Err(GoldError::Line { line: number + 1, problem });
        }
        sentence.push((token.to_string(), tag.to_string()));
    }
    flush_sentence(&mut doc, &mut sentence);
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// The CoNLL type a mention counts as, if any.
fn conll_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::State | EntityKind::Place => Some("LOC"),
        EntityKind::Organization => Some("ORG"),
        EntityKind::Report | EntityKind::Group => None,
    }
}

/// Predicted name spans of one document: (start, end, type), byte offsets.
fn predict(pipeline: &Pipeline, id: &str, text: &str) -> BTreeSet<(usize, usize, String)> {
    let doc = Document { id: id.to_string(), text: text.to_string(), ..Document::default() };
    let extraction = pipeline.extract(&doc);
    extraction
        .mentions
        .iter()
        .filter(|m| m.form == Form::Name)
        .filter_map(|m| conll_type(m.kind).map(|t| (m.span.start, m.span.end, t.to_string())))
        .collect()
}

/// One false positive or false negative, with its sentence.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The document's index in the gold file.
    pub doc: usize,
    /// `FP` (predicted, not gold) or `FN` (gold, not predicted).
    pub kind: &'static str,
    /// The CoNLL type of the span: the predicted one for `FP`, the gold one for `FN`.
    pub entity_type: String,
    /// The span's text.
    pub text: String,
    /// The sentence it is in.
    pub context: String,
    /// For a false positive, the gold type of the same span if it had one; for a
    /// false negative, the predicted type of the same span.
    pub other: Option<String>,
}

/// The scores of a CoNLL evaluation.
pub struct Report {
    /// Counts per scored type (LOC, ORG, PER).
    pub per_type: BTreeMap<String, Counts>,
    /// Every false positive and false negative, in document order.
    pub misses: Vec<Miss>,
    /// Documents scored.
    pub documents: usize,
}

/// Runs the pipeline on every gold document (in parallel) and scores its names.
pub fn evaluate(pipeline: &Pipeline, docs: &[GoldDocument]) -> Report {
    use rayon::prelude::*;
    let predictions: Vec<BTreeSet<(usize, usize, String)>> =
        docs.par_iter().enumerate().map(|(i, d)| predict(pipeline, &format!("doc{i}"), &d.text)).collect();
    let mut per_type: BTreeMap<String, Counts> = TYPES.iter().map(|t| (t.to_string(), Counts::default())).collect();
    let mut misses = Vec::new();
    for (i, (doc, predicted)) in docs.iter().zip(&predictions).enumerate() {
        let gold: BTreeSet<(usize, usize, String)> =
            doc.entities.iter().filter(|e| TYPES.contains(&e.2.as_str())).cloned().collect();
        let context = |start: usize| {
            let s = doc.text[..start].rfind('\n').map_or(0, |p| p + 1);
            let e = doc.text[start..].find('\n').map_or(doc.text.len(), |p| start + p);
            doc.text[s..e].to_string()
        };
        let miss = |kind: &'static str, span: &(usize, usize, String), other: Option<&(usize, usize, String)>| Miss {
            doc: i,
            kind,
            entity_type: span.2.clone(),
            text: doc.text[span.0..span.1].to_string(),
            context: context(span.0),
            other: other.map(|o| o.2.clone()),
        };
        for p in predicted {
            let counts = per_type.get_mut(&p.2).expect("scored type");
            if gold.contains(p) {
                counts.tp += 1;
            } else {
                counts.fp += 1;
                misses.push(miss("FP", p, doc.entities.iter().find(|g| g.0 == p.0 && g.1 == p.1)));
            }
        }
        for g in &gold {
            if !predicted.contains(g) {
                per_type.get_mut(&g.2).expect("scored type").fn_ += 1;
                misses.push(miss("FN", g, predicted.iter().find(|p| p.0 == g.0 && p.1 == g.1)));
            }
        }
    }
    Report { per_type, misses, documents: docs.len() }
}

/// Trains the name tagger on CoNLL documents, on the tokens our own tokenizer
/// makes of their text, so that training sees what tagging will see.
pub fn train_tagger(
    lexicon: &crate::extract::Lexicon,
    docs: &[GoldDocument],
    epochs: usize,
    progress: impl FnMut(usize, f64),
) -> crate::extract::tagger::Tagger {
    use crate::extract::classes::{TokenClasses, WordTable};
    use crate::extract::matches::Matches;
    use crate::extract::tagger::{DocumentContext, Example, FeatureCache, LABELS, SentenceView, ViewBuffers, train};

    let analyzed: Vec<Vec<crate::text::Sentence>> =
        docs.iter().map(|d| crate::text::analyze(&d.text, 0..d.text.len())).collect();
    // Every document's words first: the views borrow the table.
    let mut words = WordTable::new(lexicon);
    let classes: Vec<TokenClasses> = docs
        .iter()
        .zip(&analyzed)
        .map(|(d, sentences)| TokenClasses::new(&d.text, sentences, lexicon, &mut words))
        .collect();
    // No model while training: every feature is scored afresh.
    let mut features = FeatureCache::default();
    features.serve(&words, None);
    let mut examples = Vec::new();
    for ((doc, sentences), classes) in docs.iter().zip(&analyzed).zip(&classes) {
        let context = DocumentContext::new(&doc.text, sentences, classes, &words, lexicon);
        for (index, sentence) in sentences.iter().enumerate() {
            let in_sentence = classes.sentence(index);
            let matches = Matches::find(&doc.text, sentence, in_sentence, lexicon);
            let buffers = ViewBuffers::default();
            let view = SentenceView::new(
                &doc.text,
                sentence,
                in_sentence,
                &features,
                None,
                &matches,
                lexicon,
                &context,
                buffers,
            );
            let gold = sentence
                .tokens
                .iter()
                .map(|t| {
                    let Some(e) = doc.entities.iter().find(|e| e.0 < t.end && t.start < e.1) else { return 0 };
                    let prefix = if t.start <= e.0 { "B" } else { "I" };
                    LABELS.iter().position(|l| *l == format!("{prefix}-{}", e.2)).unwrap_or(0)
                })
                .collect();
            examples.push(Example { view, gold });
        }
    }
    train(&examples, epochs, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
met VBD I-VP O
Hans NNP I-NP I-PER
Paris NNP I-NP B-PER
in IN I-PP O
BRUSSELS NNP I-NP I-LOC
. . O O
";

    #[test]
    fn iob1_i_continues_and_b_splits_adjacent_entities() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(doc.text, "EU rejects German call .\nPeter Blackburn met Hans Paris in BRUSSELS .");
        let spans: Vec<(&str, &str)> = doc.entities.iter().map(|(s, e, t)| (&doc.text[*s..*e], t.as_str())).collect();
        assert_eq!(
            spans,
            [
                ("EU", "ORG"),
                ("German", "MISC"),
                ("Peter Blackburn", "PER"),
                ("Hans", "PER"),
                ("Paris", "PER"),
                ("BRUSSELS", "LOC")
            ]
        );
    }

    #[test]
    fn i_after_another_type_starts_a_new_entity() {
        let docs = parse("A NNP I-NP I-ORG\nB NNP I-NP I-LOC\nC NNP I-NP I-LOC\n").unwrap();
        let types: Vec<&str> = docs[0].entities.iter().map(|e| e.2.as_str()).collect();
        assert_eq!(types, ["ORG", "LOC"]);
        assert_eq!(docs[0].entities[1].0, 2);
        assert_eq!(docs[0].entities[1].1, 5);
    }
}
