//! CoNLL04 relations (Roth & Yih 2004): sentences with BILOU entity tags
//! (Peop, Loc, Org, Other) and relations between those entities (Work_For,
//! Kill, Live_In, OrgBased_In, Located_In). Each sentence is rebuilt as text,
//! its tokens joined by single spaces, and run through the pipeline as one
//! document; extracted relations become CoNLL04 relations through the table
//! in `data/evaluate/conll04_labels.tsv`. A relation counts when its type and
//! its head and tail spans match exactly (the usual CoNLL04 criterion), on
//! CoNLL04's own tokens: a span matches the tokens it starts and ends in, so
//! "Md" matches the gold token "Md." that our tokenizer splits in two. The
//! `relaxed` row only asks each span to end in the gold span's last token,
//! so "Lee" matches "Dr. Ann Lee". A relation between two parts of one gold
//! entity (a town and its state where the annotators wrote "Amherst , Mass."
//! as one place) is not scored.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde::Deserialize;

use super::gold::GoldError;
use super::score::{Counts, score_table_with};
use crate::extract::{EntityKind, Pipeline};
use crate::input::Document;

/// The scored relation types, in table order.
pub const TYPES: [&str; 5] = ["Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For"];

/// The embedded mapping from newsgraph's relation labels to CoNLL04 types.
const LABELS: &str = include_str!("../../data/evaluate/conll04_labels.tsv");

/// A byte span in a sentence's text: (start, end).
type Span = (usize, usize);

/// A relation as scored: CoNLL04 type, head and tail as (first, last) token.
type Key = (&'static str, Span, Span);

/// A gold entity of one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEntity {
    /// Byte span in the sentence's text.
    pub span: Span,
    /// Peop, Loc, Org or Other.
    pub kind: String,
}

/// A gold relation between two entities of its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRelation {
    /// Index of the head entity in the sentence's entities.
    pub head: usize,
    /// Index of the tail entity.
    pub tail: usize,
    /// One of [`TYPES`].
    pub kind: &'static str,
}

/// One sentence rebuilt from its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSentence {
    /// The tokens joined by single spaces.
    pub text: String,
    /// Each token's byte span in `text`.
    pub tokens: Vec<Span>,
    /// Gold entities, in sentence order (the order relations index).
    pub entities: Vec<GoldEntity>,
    /// Gold relations.
    pub relations: Vec<GoldRelation>,
}

impl GoldSentence {
    /// The index of the token a span ends in: a name span that leaves out
    /// a period the token holds ("Service" of "Service.") ends in that token.
    pub fn last_token(&self, span: Span) -> usize {
        self.tokens.partition_point(|t| t.1 < span.1)
    }

    /// The first and last token of a byte span: the tokens it starts and ends in.
    pub fn token_range(&self, span: Span) -> Span {
        (self.tokens.partition_point(|t| t.1 <= span.0), self.last_token(span))
    }

    /// The text of the tokens from `first` to `last`.
    fn token_text(&self, (first, last): Span) -> &str {
        &self.text[self.tokens[first].0..self.tokens[last].1]
    }

    /// Whether one gold place holds both token ranges: a relation inside
    /// one place ("Amherst" in "Mass." of "Amherst , Mass.") can be neither
    /// gold nor wrong, as the annotators chose to write one place there.
    /// CoNLL04 train writes a town and its state as one place 75 times and
    /// as two 95 times (with "Located_In" between them 90 times of those 95),
    /// so such a relation is not scored (training leaves such pairs out too).
    pub fn one_place_holds(&self, a: Span, b: Span) -> bool {
        self.entities.iter().filter(|e| e.kind == "Loc").any(|e| {
            let (first, last) = self.token_range(e.span);
            first <= a.0.min(b.0) && a.1.max(b.1) <= last
        })
    }

    /// The first and last token of entity `i`, without a last token that is
    /// a lone period: a sentence's last abbreviation has its period split off
    /// ("Chisholm , Minn ."), which the annotators kept in the entity; as
    /// "Md" matches "Md.", "Minn" matches "Minn .".
    fn entity_tokens(&self, i: usize) -> Span {
        let (first, last) = self.token_range(self.entities[i].span);
        let lone_period = last > first && self.token_text((last, last)) == ".";
        (first, if lone_period { last - 1 } else { last })
    }

    fn keys(&self) -> BTreeSet<Key> {
        let span = |i: usize| self.entity_tokens(i);
        self.relations.iter().map(|r| (r.kind, span(r.head), span(r.tail))).collect()
    }
}

#[derive(Deserialize)]
struct RawSentence {
    tokens: Vec<String>,
    tags: Vec<String>,
    #[serde(default)]
    relations: Vec<RawRelation>,
}

#[derive(Deserialize)]
struct RawRelation {
    head: usize,
    tail: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// Reads a CoNLL04 JSON file: an array of sentences, each with `tokens`,
/// BILOU `tags` and `relations` (`head` and `tail` index the sentence's
/// entities in order). A sentence that breaks this is an error naming it.
pub fn parse(text: &str) -> Result<Vec<GoldSentence>, GoldError> {
    let raw: Vec<RawSentence> = serde_json::from_str(text)
        .map_err(|e| GoldError::NotRecords(format!("expected a JSON array of CoNLL04 sentences: {e}")))?;
    raw.into_iter()
        .enumerate()
        .map(|(i, s)| sentence(s).map_err(|problem| GoldError::NotRecords(format!("sentence {}: {problem}", i + 1))))
        .collect()
}

fn sentence(raw: RawSentence) -> Result<GoldSentence, String> {
    if raw.tags.len() != raw.tokens.len() {
        return Err(format!("{} tokens but {} tags", raw.tokens.len(), raw.tags.len()));
    }
    let (text, tokens) = join_tokens(&raw.tokens);
    let entities: Vec<GoldEntity> = bilou_entities(&raw.tags)?
        .into_iter()
        .map(|(first, last, kind)| GoldEntity { span: (tokens[first].0, tokens[last].1), kind })
        .collect();
    let relations = raw
        .relations
        .into_iter()
        .map(|r| {
            let Some(kind) = TYPES.iter().copied().find(|t| *t == r.kind) else {
                return Err(format!("unknown relation type {:?} (expected one of {})", r.kind, TYPES.join(", ")));
            };
            if r.head.max(r.tail) >= entities.len() {
                return Err(format!("relation {} names entity {}, of {}", kind, r.head.max(r.tail), entities.len()));
            }
            Ok(GoldRelation { head: r.head, tail: r.tail, kind })
        })
        .collect::<Result<_, _>>()?;
    Ok(GoldSentence { text, tokens, entities, relations })
}

/// The tokens joined by single spaces, and each token's byte span in that text.
pub fn join_tokens(tokens: &[String]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push((start, text.len()));
    }
    (text, spans)
}

/// The entities of BILOU tags: (first token, last token, type), in order.
/// `B-` begins an entity, `I-` continues it, `L-` ends it, `U-` is a
/// one-token entity and `O` is outside; an `I-` or `L-` that continues no
/// entity of its type begins one, so a slip in the tags loses no entity.
pub fn bilou_entities(tags: &[String]) -> Result<Vec<(usize, usize, String)>, String> {
    let mut entities = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        if tag == "O" {
            entities.extend(open.take().map(|(first, kind)| (first, i - 1, kind)));
            continue;
        }
        let bilou = tag.split_once('-').filter(|(p, k)| matches!(*p, "B" | "I" | "L" | "U") && !k.is_empty());
        let Some((prefix, kind)) = bilou else {
            return Err(format!("{tag:?} is not a BILOU tag (O, B-TYPE, I-TYPE, L-TYPE, U-TYPE)"));
        };
        let continues = matches!(prefix, "I" | "L") && open.as_ref().is_some_and(|(_, k)| k == kind);
        if !continues {
            entities.extend(open.take().map(|(first, kind)| (first, i - 1, kind)));
            open = Some((i, kind.to_string()));
        }
        if matches!(prefix, "L" | "U") {
            entities.extend(open.take().map(|(first, kind)| (first, i, kind)));
        }
    }
    entities.extend(open.map(|(first, kind)| (first, tags.len() - 1, kind)));
    Ok(entities)
}

/// One row of the label table: a newsgraph relation read as a CoNLL04 one.
#[derive(Debug, Clone)]
struct LabelRow {
    label: String,
    subject: Vec<EntityKind>,
    object: Vec<EntityKind>,
    head_is_subject: bool,
    /// The trigger words the row is limited to; `None` for any.
    triggers: Option<Vec<String>>,
    conll04: &'static str,
}

/// How newsgraph's relation labels map to CoNLL04 types: the rows of
/// `data/evaluate/conll04_labels.tsv`, whose header documents the columns.
#[derive(Debug, Clone)]
pub struct LabelTable {
    rows: Vec<LabelRow>,
}

impl LabelTable {
    /// The embedded table.
    pub fn embedded() -> Self {
        Self::parse(LABELS).expect("the embedded CoNLL04 label table is valid")
    }

    /// Reads a table: `label subject object head triggers conll04`, tab-separated;
    /// `#` lines are comments. A malformed row is an error naming its line.
    pub fn parse(text: &str) -> Result<Self, String> {
        let kinds = |field: &str| -> Result<Vec<EntityKind>, String> {
            field.split('|').map(|k| EntityKind::parse(k).ok_or_else(|| format!("unknown entity kind {k:?}"))).collect()
        };
        let mut rows = Vec::new();
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let row = (|| {
                let [label, subject, object, head, triggers, conll04] = line.split('\t').collect::<Vec<_>>()[..] else {
                    return Err("expected six tab-separated fields".to_string());
                };
                let head_is_subject = match head {
                    "subject" => true,
                    "object" => false,
                    other => return Err(format!("head is \"subject\" or \"object\", not {other:?}")),
                };
                let known = TYPES.iter().copied().find(|t| *t == conll04);
                Ok(LabelRow {
                    label: label.to_string(),
                    subject: kinds(subject)?,
                    object: kinds(object)?,
                    head_is_subject,
                    triggers: (triggers != "-").then(|| triggers.split('|').map(str::to_string).collect()),
                    conll04: known.ok_or_else(|| format!("unknown CoNLL04 type {conll04:?}"))?,
                })
            })();
            rows.push(row.map_err(|problem| format!("line {}: {problem}", number + 1))?);
        }
        Ok(LabelTable { rows })
    }

    /// The CoNLL04 type of a relation labelled `label` from a `subject` to an
    /// `object` entity, stated by `trigger` (lower case), and whether the
    /// subject is its head; `None` when no row applies.
    pub fn map(
        &self,
        label: &str,
        subject: EntityKind,
        object: EntityKind,
        trigger: &str,
    ) -> Option<(&'static str, bool)> {
        self.rows
            .iter()
            .find(|r| {
                r.label == label
                    && r.subject.contains(&subject)
                    && r.object.contains(&object)
                    && r.triggers.as_ref().is_none_or(|t| t.iter().any(|w| w == trigger))
            })
            .map(|r| (r.conll04, r.head_is_subject))
    }
}

/// The CoNLL04 relations newsgraph extracts from one sentence, each with the
/// newsgraph label it came from.
fn predict(pipeline: &Pipeline, table: &LabelTable, id: String, sentence: &GoldSentence) -> BTreeMap<Key, String> {
    let text = &sentence.text;
    let doc = Document { id, text: text.clone(), ..Document::default() };
    let extraction = pipeline.extract(&doc);
    let kind = |id: crate::extract::EntityId| extraction.entities[id.index()].kind;
    let mut predicted = BTreeMap::new();
    for r in &extraction.relations {
        let trigger = text[r.trigger_span.clone()].to_lowercase();
        let Some((conll04, head_is_subject)) = table.map(&r.kind.label, kind(r.subject), kind(r.object), &trigger)
        else {
            continue;
        };
        let subject = sentence.token_range((r.subject_span.start, r.subject_span.end));
        let object = sentence.token_range((r.object_span.start, r.object_span.end));
        let (head, tail) = if head_is_subject { (subject, object) } else { (object, subject) };
        if sentence.one_place_holds(head, tail) {
            continue;
        }
        predicted.entry((conll04, head, tail)).or_insert_with(|| r.kind.label.clone());
    }
    predicted
}

/// A missed gold relation or a false one, with its sentence.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The sentence's index in the gold file (from 0).
    pub sentence: usize,
    /// `FP` (predicted, not gold) or `FN` (gold, not predicted).
    pub kind: &'static str,
    /// The CoNLL04 type.
    pub relation: &'static str,
    /// The head's text.
    pub head: String,
    /// The tail's text.
    pub tail: String,
    /// For a false positive, the newsgraph label it was read from.
    pub label: Option<String>,
    /// The sentence.
    pub context: String,
}

/// The scores of a CoNLL04 evaluation.
#[derive(Debug, Clone)]
pub struct Report {
    /// Counts per CoNLL04 type, exact spans.
    pub per_type: BTreeMap<String, Counts>,
    /// All types together, spans matched by the token they end in.
    pub relaxed: Counts,
    /// Every false positive and false negative (exact spans), in sentence order.
    pub misses: Vec<Miss>,
    /// Sentences scored.
    pub sentences: usize,
}

/// Runs the pipeline on every sentence (in parallel) and scores its relations.
pub fn evaluate(pipeline: &Pipeline, sentences: &[GoldSentence]) -> Report {
    use rayon::prelude::*;
    let table = LabelTable::embedded();
    let predictions: Vec<BTreeMap<Key, String>> =
        sentences.par_iter().enumerate().map(|(i, s)| predict(pipeline, &table, format!("sentence{i}"), s)).collect();
    let mut per_type: BTreeMap<String, Counts> = TYPES.iter().map(|t| (t.to_string(), Counts::default())).collect();
    let mut relaxed = Counts::default();
    let mut misses = Vec::new();
    for (i, (sentence, predicted)) in sentences.iter().zip(&predictions).enumerate() {
        let gold = sentence.keys();
        let miss = |kind: &'static str, key: &Key, label: Option<&String>| Miss {
            sentence: i,
            kind,
            relation: key.0,
            head: sentence.token_text(key.1).to_string(),
            tail: sentence.token_text(key.2).to_string(),
            label: label.cloned(),
            context: sentence.text.clone(),
        };
        for (key, label) in predicted {
            let counts = per_type.get_mut(key.0).expect("scored type");
            if gold.contains(key) {
                counts.tp += 1;
            } else {
                counts.fp += 1;
                misses.push(miss("FP", key, Some(label)));
            }
        }
        for key in gold.iter().filter(|k| !predicted.contains_key(*k)) {
            per_type.get_mut(key.0).expect("scored type").fn_ += 1;
            misses.push(miss("FN", key, None));
        }
        let ends = |k: &Key| (k.0, k.1.1, k.2.1);
        let gold_ends: BTreeSet<_> = gold.iter().map(ends).collect();
        let predicted_ends: BTreeSet<_> = predicted.keys().map(ends).collect();
        let tp = gold_ends.intersection(&predicted_ends).count();
        relaxed.add(Counts { tp, fp: predicted_ends.len() - tp, fn_: gold_ends.len() - tp });
    }
    Report { per_type, relaxed, misses, sentences: sentences.len() }
}

impl Report {
    /// Gold relations scored.
    pub fn gold_relations(&self) -> usize {
        self.per_type.values().map(|c| c.tp + c.fn_).sum()
    }

    /// Writes the table (one row per type, `micro`, and `relaxed`, the micro
    /// average with spans matched by the token they end in), then the first
    /// `errors` misses with their sentence.
    pub fn write(&self, out: &mut dyn Write, errors: usize) -> std::io::Result<()> {
        out.write_all(score_table_with(&self.per_type, &[("relaxed", self.relaxed)], 12).as_bytes())?;
        for miss in self.misses.iter().take(errors) {
            let label = miss.label.as_ref().map_or(String::new(), |l| format!(" (from {l})"));
            writeln!(
                out,
                "{} {} {:?} -> {:?}{label}  sentence {}: {}",
                miss.kind, miss.relation, miss.head, miss.tail, miss.sentence, miss.context
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &str) -> Vec<String> {
        words.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn tokens_are_joined_by_spaces_and_their_offsets_kept() {
        let (text, spans) = join_tokens(&strings("Mara Quill , a baker ."));
        assert_eq!(text, "Mara Quill , a baker .");
        assert_eq!(spans, [(0, 4), (5, 10), (11, 12), (13, 14), (15, 20), (21, 22)]);
        assert_eq!(&text[spans[4].0..spans[4].1], "baker");
    }

    #[test]
    fn bilou_tags_give_entities_in_order() {
        let tags = strings("B-Peop L-Peop O U-Org O B-Loc I-Loc L-Loc U-Loc");
        let entities = bilou_entities(&tags).unwrap();
        let found: Vec<(usize, usize, &str)> = entities.iter().map(|(f, l, k)| (*f, *l, k.as_str())).collect();
        assert_eq!(found, [(0, 1, "Peop"), (3, 3, "Org"), (5, 7, "Loc"), (8, 8, "Loc")]);
    }

    #[test]
    fn a_stray_inside_tag_begins_an_entity_and_a_bad_tag_is_an_error() {
        let found = bilou_entities(&strings("I-Org L-Org I-Peop O")).unwrap();
        assert_eq!(found, [(0, 1, "Org".to_string()), (2, 2, "Peop".to_string())]);
        assert!(bilou_entities(&strings("O X-Peop")).unwrap_err().contains("X-Peop"));
    }

    #[test]
    fn a_sentence_is_read_with_its_entities_and_relations() {
        let json = r#"[{"tokens": ["Tom", "Reed", "works", "for", "Acme", "Mills", "."],
            "tags": ["B-Peop", "L-Peop", "O", "O", "B-Org", "L-Org", "O"],
            "relations": [{"head": 0, "tail": 1, "type": "Work_For"}]}]"#;
        let sentences = parse(json).unwrap();
        let s = &sentences[0];
        assert_eq!(s.text, "Tom Reed works for Acme Mills .");
        let spans: Vec<&str> = s.entities.iter().map(|e| &s.text[e.span.0..e.span.1]).collect();
        assert_eq!(spans, ["Tom Reed", "Acme Mills"]);
        assert_eq!(s.relations, [GoldRelation { head: 0, tail: 1, kind: "Work_For" }]);
    }

    #[test]
    fn a_span_ends_in_the_token_that_holds_its_last_byte() {
        let json = r#"[{"tokens": ["Dr.", "Ann", "Lee", "joined", "Acme", "Inc."],
            "tags": ["B-Peop", "I-Peop", "L-Peop", "O", "B-Org", "L-Org"], "relations": []}]"#;
        let s = &parse(json).unwrap()[0];
        // "Lee" alone, and "Acme Inc" without the token's period.
        assert_eq!(s.last_token((8, 11)), s.last_token(s.entities[0].span));
        assert_eq!(s.last_token((19, 27)), 5);
        assert_eq!(s.last_token(s.entities[1].span), 5);
    }

    #[test]
    fn a_lone_period_that_ends_a_gold_entity_is_not_asked_for() {
        let json = r#"[{"tokens": ["Lee", "is", "from", "Tolland", ",", "Conn", "."],
            "tags": ["U-Peop", "O", "O", "U-Loc", "O", "B-Loc", "L-Loc"],
            "relations": [{"head": 0, "tail": 2, "type": "Live_In"}]}]"#;
        let s = &parse(json).unwrap()[0];
        assert_eq!(s.keys().into_iter().next().unwrap().2, (5, 5));
    }

    #[test]
    fn a_relation_inside_one_gold_place_is_not_scored() {
        let json = r#"[{"tokens": ["born", "in", "Tolland", ",", "Conn.", "and", "Lee"],
            "tags": ["O", "O", "B-Loc", "I-Loc", "L-Loc", "O", "U-Peop"], "relations": []}]"#;
        let s = &parse(json).unwrap()[0];
        assert!(s.one_place_holds((2, 2), (4, 4)));
        assert!(!s.one_place_holds((2, 2), (6, 6)));
    }

    #[test]
    fn malformed_sentences_are_named() {
        let bad_index =
            r#"[{"tokens": ["Ann"], "tags": ["U-Peop"], "relations": [{"head": 0, "tail": 3, "type": "Kill"}]}]"#;
        assert!(parse(bad_index).unwrap_err().to_string().contains("sentence 1"));
        let bad_type =
            r#"[{"tokens": ["Ann"], "tags": ["U-Peop"], "relations": [{"head": 0, "tail": 0, "type": "Owns"}]}]"#;
        assert!(parse(bad_type).unwrap_err().to_string().contains("Owns"));
        assert!(parse(r#"[{"tokens": ["Ann"], "tags": []}]"#).is_err());
        assert!(parse("{}").is_err());
    }

    #[test]
    fn labels_map_by_entity_kinds_and_triggers() {
        use EntityKind::{Organization, Person, State};
        let table = LabelTable::embedded();
        assert_eq!(table.map("member_of", Person, Organization, "member"), Some(("Work_For", true)));
        assert_eq!(table.map("national_of", Person, State, "citizen"), Some(("Live_In", true)));
        assert_eq!(table.map("attacked", Person, Person, "killed"), Some(("Kill", true)));
        assert_eq!(table.map("attacked", Person, Person, "bombed"), None);
        assert_eq!(table.map("criticized", Person, Person, "criticized"), None);
    }

    #[test]
    fn a_malformed_table_row_names_its_line() {
        let problem = LabelTable::parse("# comment\nmet\tperson\tperson\tsubject\t-\tMet_With\n").unwrap_err();
        assert!(problem.starts_with("line 2") && problem.contains("Met_With"), "{problem}");
        let problem = LabelTable::parse("met\tperson\tpeople\tsubject\t-\tKill\n").unwrap_err();
        assert!(problem.contains("people"), "{problem}");
        let reversed = LabelTable::parse("met\tperson\tperson\tobject\t-\tKill\n").unwrap();
        assert_eq!(reversed.map("met", EntityKind::Person, EntityKind::Person, "met"), Some(("Kill", false)));
    }
}
