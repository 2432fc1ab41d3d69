//! Extraction stage: entities, coreference and relations, by rule and lexicon.
//!
//! A [`Pipeline`] runs the stages in order, one file each:
//! text (sentences, tokens) → [`mentions`] → [`resolve`] → [`relations`].
//! The result, an [`Extraction`], holds every mention, the document's
//! entities and the relations between them, each with its evidence spans.

mod class_index;
pub(crate) mod classes;
pub mod lexicon;
pub(crate) mod mentions;
mod phrases;
mod relations;
mod resolve;
pub mod tagger;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::input::Document;
use crate::text::{self, Sentence};
use classes::{TokenClasses, WordTable};
pub use lexicon::Lexicon;
pub use tagger::Tagger;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    State,
    Organization,
    Report,
    Place,
    /// People named by their state and what they are: "Afghan rebels", "Palestinian prisoners".
    Group,
}

impl EntityKind {
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::State,
        EntityKind::Organization,
        EntityKind::Report,
        EntityKind::Place,
        EntityKind::Group,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::State => "state",
            EntityKind::Organization => "organization",
            EntityKind::Report => "report",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Name,
    Demonym,
    Nominal,
    Pronoun,
}

/// What the mention finder learned, for the resolver to act on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cue {
    State(usize),
    /// An organization: lexicon entry or discovered name, with the state that qualifies it.
    Org {
        name: String,
        lexicon: Option<usize>,
        state: Option<usize>,
    },
    Person {
        name: String,
        lexicon: Option<usize>,
    },
    Place {
        name: String,
        state: Option<usize>,
    },
    /// "Afghan rebels": people of a state who do not act for it.
    Group {
        state: usize,
        label: String,
    },
    /// "the Russian President", "his Russian counterpart".
    Role {
        relation: Option<String>,
        state: Option<usize>,
        possessive_pronoun: bool,
        asserts: bool,
    },
    Report {
        label: String,
    },
    PersonPronoun,
    /// "it": an organization, state or report mentioned just before.
    ThingPronoun,
    /// "our country" in a quote: the speaker's state.
    SpeakerState,
}

/// One mention of an entity in a document.
#[derive(Debug, Clone)]
pub struct Mention {
    pub sentence: usize,
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    /// Byte range in the document text.
    pub span: Range<usize>,
    /// First token of the whole noun phrase: the title and its state for a
    /// titled name ("Russia’s ambassador to the United States Anatoly Antanov").
    pub phrase_start: usize,
    pub kind: EntityKind,
    pub form: Form,
    /// Can be the subject or object of a relation (not a modifier such as
    /// "Russia’s" in "Russia’s ambassador" or "US" in "US intelligence").
    pub head: bool,
    pub(crate) cue: Cue,
    /// Index into [`Extraction::entities`] once resolved.
    pub entity: Option<usize>,
}

/// A role stated by a title or apposition: "US President Joe Biden".
#[derive(Debug, Clone)]
pub(crate) struct RoleFact {
    pub person: usize,
    pub relation: String,
    pub state: usize,
    pub trigger: Range<usize>,
}

/// "the report by the Office of ...": the organization published the report.
#[derive(Debug, Clone)]
pub(crate) struct PublishFact {
    pub publisher: usize,
    pub report: usize,
    pub trigger: Range<usize>,
}

/// A resolved entity of one document.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub label: String,
    pub kind: EntityKind,
    pub aliases: BTreeSet<String>,
    pub iso3: Option<String>,
    /// Event-data actor code: the ISO-3 code of the state an entity belongs
    /// to or speaks for, or IGO / NGO for international bodies.
    pub code: Option<String>,
    pub mentions: u64,
}

/// A relation between two entities, with the spans that support it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub subject: usize,
    pub object: usize,
    pub label: String,
    pub cameo: Option<String>,
    pub goldstein: Option<f64>,
    pub plover: Option<String>,
    pub sentence: usize,
    pub subject_span: Range<usize>,
    pub trigger_span: Range<usize>,
    pub object_span: Range<usize>,
    pub hedged: bool,
}

/// Everything extracted from one document.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub sentences: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
}

/// `text` without any leading copies of `prefix`: `trim_start_matches` for a
/// short literal, without setting up a substring searcher on every call.
pub(crate) fn strip_leading<'t>(mut text: &'t str, prefix: &str) -> &'t str {
    while let Some(rest) = text.strip_prefix(prefix) {
        text = rest;
    }
    text
}

/// Turns a name into a stable id fragment: "Vladimir Putin" → "vladimir-putin".
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_slug(&mut out, name);
    out
}

/// An entity id: `kind`, a colon and the slug of `name`, built in one string.
#[cfg(test)]
pub(crate) fn entity_id(kind: &str, name: &str) -> String {
    let mut out = String::with_capacity(kind.len() + 1 + name.len());
    push_entity_id(&mut out, kind, name);
    out
}

/// Appends the entity id of `kind` and `name` to `out`.
pub(crate) fn push_entity_id(out: &mut String, kind: &str, name: &str) {
    out.push_str(kind);
    out.push(':');
    push_slug(out, name);
}

/// Appends the slug of `name` to `out`.
fn push_slug(out: &mut String, name: &str) {
    let from = out.len();
    // No hyphen at the start or after another one.
    let mut hyphen_allowed = false;
    if name.is_ascii() {
        // Resolution slugs every name it meets: ASCII names are copied a run
        // of letters and digits at a time, and lowered at the end.
        let bytes = name.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let run = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if run > 0 {
                out.push_str(&name[at..at + run]);
                hyphen_allowed = true;
                at += run;
            } else {
                push_separator(out, &mut hyphen_allowed, char::from(bytes[at]));
                at += 1;
            }
        }
        out[from..].make_ascii_lowercase();
        trim_hyphens(out, from);
    } else {
        push_slug_chars(out, name);
    }
}

/// `push_slug` a character at a time: for any name, and the reference for
/// the ASCII runs.
fn push_slug_chars(out: &mut String, name: &str) {
    let from = out.len();
    let mut hyphen_allowed = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
            hyphen_allowed = true;
        } else {
            push_separator(out, &mut hyphen_allowed, c);
        }
    }
    trim_hyphens(out, from);
}

/// Drops the hyphens a slug ends with (it has no others in a row).
fn trim_hyphens(out: &mut String, from: usize) {
    while out.len() > from && out.ends_with('-') {
        out.pop();
    }
}

/// What a character that is no letter or digit adds to a slug: a hyphen, but
/// none at the start, after another or for "'", "’" and "." ("U.S." is "us").
fn push_separator(out: &mut String, hyphen_allowed: &mut bool, c: char) {
    if *hyphen_allowed && !matches!(c, '\'' | '’' | '.') {
        out.push('-');
        *hyphen_allowed = false;
    }
}

/// The mentions found in a document (stage 1 of [`Pipeline`]), with the
/// token classes the later stages read again.
pub struct MentionStage(mentions::Found, TokenClasses);

/// A document's resolved entities (stage 2 of [`Pipeline`]).
pub struct ResolvedStage(resolve::Resolved, TokenClasses);

/// The extraction pipeline: sentences → tokens → mentions → resolution → relations.
#[derive(Clone)]
pub struct Pipeline {
    lexicon: Arc<Lexicon>,
    /// The statistical name tagger; none for the rules alone.
    tagger: Option<Arc<Tagger>>,
}

impl Pipeline {
    /// A pipeline of `lexicon` and `tagger` (an empty model counts as none).
    pub fn new(lexicon: Arc<Lexicon>, tagger: Option<Arc<Tagger>>) -> Self {
        Pipeline { lexicon, tagger: tagger.filter(|t| !t.is_empty()) }
    }

    /// The embedded lexicon and model.
    pub fn embedded() -> Self {
        Pipeline::new(Arc::new(Lexicon::embedded()), Some(Arc::new(Tagger::embedded())))
    }

    /// The embedded lexicon without the tagger: rules only.
    pub fn rules_only() -> Self {
        Pipeline::new(Arc::new(Lexicon::embedded()), None)
    }

    /// The embedded lexicon and model with any file of `dir` (a lexicon file
    /// or `ner.bin`) replacing its namesake; without a model unless `tagger`.
    pub fn load(dir: Option<&Path>, tagger: bool) -> crate::Result<Self> {
        let lexicon = match dir {
            Some(dir) => Lexicon::with_overrides(dir)?,
            None => Lexicon::embedded(),
        };
        let tagger = match (tagger, dir) {
            (false, _) => None,
            (true, Some(dir)) => Some(Tagger::with_override(dir)?),
            (true, None) => Some(Tagger::embedded()),
        };
        Ok(Pipeline::new(Arc::new(lexicon), tagger.map(Arc::new)))
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The statistical name tagger, if the pipeline has one.
    pub fn tagger(&self) -> Option<&Tagger> {
        self.tagger.as_deref()
    }

    /// Stage 1, mentions: names, titles, descriptions and pronouns per sentence.
    pub fn mentions(&self, text: &str, sentences: &[Sentence]) -> MentionStage {
        let (found, classes) = self.find_mentions(text, sentences);
        MentionStage(found, classes)
    }

    /// Stage 2, resolution: one entity per real thing in the document.
    pub fn resolve(&self, doc: &Document, sentences: &[Sentence], mentions: MentionStage) -> ResolvedStage {
        let MentionStage(found, classes) = mentions;
        ResolvedStage(
            resolve::resolve(&doc.text, &doc.id, doc.date.as_deref(), sentences, found, &self.lexicon),
            classes,
        )
    }

    /// Stage 3, relation frames over the resolved mentions.
    pub fn relations(&self, text: &str, sentences: &[Sentence], resolved: &ResolvedStage) -> Vec<Relation> {
        relations::find(text, sentences, &resolved.1, &resolved.0, &self.lexicon)
    }

    /// Reads every token's word once, in this thread's word table, then finds the mentions.
    fn find_mentions(&self, text: &str, sentences: &[Sentence]) -> (mentions::Found, TokenClasses) {
        Workspace::with(|workspace| {
            self.find_mentions_in(text, sentences, &mut workspace.words, &mut workspace.mentions)
        })
    }

    /// `find_mentions` in a thread's word table and mention buffers.
    fn find_mentions_in(
        &self,
        text: &str,
        sentences: &[Sentence],
        words: &mut WordTable,
        buffers: &mut mentions::Buffers,
    ) -> (mentions::Found, TokenClasses) {
        let (lexicon, tagger) = (&*self.lexicon, self.tagger());
        words.serve(lexicon);
        let classes = TokenClasses::new(text, sentences, lexicon, words);
        (mentions::find(text, sentences, &classes, words, lexicon, tagger, buffers), classes)
    }

    pub fn extract(&self, doc: &Document) -> Extraction {
        Workspace::with(|workspace| self.extract_in(doc, workspace))
    }

    fn extract_in(&self, doc: &Document, workspace: &mut Workspace) -> Extraction {
        // The thread's sentences of earlier documents lend their token vectors.
        let n = text::analyze_into(&doc.text, doc.body_start..doc.text.len(), &mut workspace.sentences);
        let sentences = &workspace.sentences[..n];
        let (found, classes) =
            self.find_mentions_in(&doc.text, sentences, &mut workspace.words, &mut workspace.mentions);
        let resolved = resolve::resolve(&doc.text, &doc.id, doc.date.as_deref(), sentences, found, &self.lexicon);
        let mut relations = relations::find(&doc.text, sentences, &classes, &resolved, &self.lexicon);
        relations.extend(resolved.facts);
        relations.sort_by(|a, b| {
            (a.sentence, a.trigger_span.start, &a.label).cmp(&(b.sentence, b.trigger_span.start, &b.label))
        });
        relations.dedup_by(|a, b| {
            a.subject == b.subject && a.object == b.object && a.label == b.label && a.sentence == b.sentence
        });
        let sentence_ranges = sentences.iter().map(|s| s.range.clone()).collect();
        // A document of very many sentences does not keep its vectors.
        workspace.sentences.truncate(KEPT_SENTENCES);
        Extraction { sentences: sentence_ranges, mentions: resolved.mentions, entities: resolved.entities, relations }
    }
}

/// Sentences whose token vectors a thread keeps between documents: news
/// articles have tens to hundreds.
const KEPT_SENTENCES: usize = 256;

/// What a thread keeps from one document to the next, so that each document
/// reuses the memory of the ones before: the words met so far (their ids stay
/// valid from the table's `serve` at the start of a document to its end), the
/// mention finder's per-token vectors with the tagger's features of the words,
/// and the sentences, whose token vectors the next document's lend.
struct Workspace {
    words: WordTable,
    mentions: mentions::Buffers,
    sentences: Vec<Sentence>,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace {
        words: WordTable::bounded(),
        mentions: mentions::Buffers::default(),
        sentences: Vec::new(),
    });
}

impl Workspace {
    /// Runs `f` with this thread's workspace (not to be called from inside `f`).
    fn with<R>(f: impl FnOnce(&mut Workspace) -> R) -> R {
        WORKSPACE.with_borrow_mut(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_and_hyphenated() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("Côte d'Ivoire"), "côte-divoire");
        assert_eq!(slug("U.S. Office of the DNI"), "us-office-of-the-dni");
        assert_eq!(slug("-- Al-Qaeda's  (AQAP) --"), "al-qaedas-aqap");
        assert_eq!(slug("ÉCOLE -- d’Été"), "école-dété");
        assert_eq!(entity_id("person", "-- Al-Qaeda's --"), "person:al-qaedas");
        assert_eq!(entity_id("place", "--"), "place:");
    }

    proptest::proptest! {
        #[test]
        fn ascii_slugs_equal_slugs_made_a_character_at_a_time(name in "[A-Za-z0-9 .'(),-]{0,24}") {
            let mut reference = String::from("x:");
            push_slug_chars(&mut reference, &name);
            proptest::prop_assert_eq!(entity_id("x", &name), reference);
        }
    }
}
