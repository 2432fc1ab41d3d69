//! Extraction stage: entities, coreference and relations, by rule and lexicon.
//!
//! A [`Pipeline`] runs the stages in order, one folder or file each:
//! text (sentences, tokens) → `mentions` → `resolve` → `relations`.
//! The result, an [`Extraction`], holds every mention, the document's
//! entities and the relations between them, each with its evidence spans.
//!
//! Each module imports only those below it: `vocabulary` (relation types,
//! roles, ids and name types), `extraction` and `names` (the types and ids
//! the stages share), `phrases`, `class_index` → [`lexicon`]
//! (the data files as loaded) → `classes` and `matches` (the match stage:
//! each token's word id and class bits, and the lexicon phrases of each
//! sentence) → [`tagger`] → `mentions` → `resolve` → `relations` → the
//! [`Pipeline`] here, which owns the model and the thread's workspace.
//! `ARCHITECTURE.md` at the repository's root draws the whole flow.

mod class_index;
pub(crate) mod classes;
mod extraction;
pub mod lexicon;
pub(crate) mod matches;
pub(crate) mod mentions;
mod model_file;
mod names;
pub mod pairs;
mod perceptron;
mod phrases;
mod relations;
mod resolve;
pub mod syntax;
pub mod tagger;
mod vocabulary;
mod weight_table;

use std::cell::RefCell;
use std::path::Path;
use std::sync::Arc;

use crate::input::Document;
use crate::text::{self, Sentence};
use classes::{TokenClasses, WordTable};
pub use extraction::{Entity, EntityKind, Extraction, Form, Mention, Relation};
pub use lexicon::Lexicon;
pub use names::slug;
pub use pairs::PairModel;
pub use tagger::Tagger;
pub use vocabulary::{EntityId, EventRelation, OrgId, PersonId, PlaceId, RelationId, RelationType, Role, StateId};

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
    /// The learned relation classifier of mention pairs; none for the rules alone.
    pairs: Option<Arc<PairModel>>,
    /// The dependency parser, for the frames the rules leave unfilled; none for the rules alone.
    parser: Option<relations::ParserChoice>,
}

impl Pipeline {
    /// A pipeline of `lexicon` and `tagger` (an empty model counts as none),
    /// with the embedded relation classifier when it has a tagger: the
    /// statistical models go together, and without them the rules run alone.
    pub fn new(lexicon: Arc<Lexicon>, tagger: Option<Arc<Tagger>>) -> Self {
        let tagger = tagger.filter(|t| !t.is_empty());
        let pairs = tagger.is_some().then(PairModel::shared).filter(|p| !p.is_empty());
        Pipeline { lexicon, tagger, pairs, parser: None }
    }

    /// This pipeline parsing the sentences whose verb frame the rules leave
    /// unfilled (with the tagger only: the statistical models go together),
    /// or not. Off by default: on 912 BBC articles it added 7 edges (5 right)
    /// for 1.17-1.34x the CPU of a one-thread build and 50 MB more memory.
    pub fn parsing(self, on: bool) -> Self {
        let parser = match (on, self.parser) {
            (false, _) => None,
            (true, Some(parser)) => Some(parser),
            (true, None) => self.tagger.is_some().then_some(relations::ParserChoice::Embedded),
        };
        Pipeline { parser, ..self }
    }

    /// This pipeline with another dependency parser, or none (an empty model counts as none).
    pub fn with_parser(self, parser: Option<Arc<syntax::Parser>>) -> Self {
        Pipeline { parser: parser.filter(|p| !p.is_empty()).map(relations::ParserChoice::Loaded), ..self }
    }

    /// This pipeline with another relation classifier, or none (an empty model counts as none).
    pub fn with_pairs(self, pairs: Option<Arc<PairModel>>) -> Self {
        Pipeline { pairs: pairs.filter(|p| !p.is_empty()), ..self }
    }

    /// The embedded lexicon and model.
    pub fn embedded() -> Self {
        Pipeline::new(Lexicon::shared(), Some(Tagger::shared()))
    }

    /// The embedded lexicon without the tagger: rules only.
    pub fn rules_only() -> Self {
        Pipeline::new(Lexicon::shared(), None)
    }

    /// The embedded lexicon and models with any file of `dir` (a lexicon file,
    /// `ner.bin`, `relations.bin` or `parser.bin`) replacing its namesake;
    /// without the models unless `tagger`, without the parser unless `parse`
    /// (see [`Pipeline::parsing`]).
    pub fn load(dir: Option<&Path>, tagger: bool, parse: bool) -> crate::Result<Self> {
        let lexicon = match dir {
            Some(dir) => Lexicon::with_overrides(dir)?,
            None => return Ok(Pipeline::new(Lexicon::shared(), tagger.then(Tagger::shared)).parsing(parse)),
        };
        let tagger = match (tagger, dir) {
            (false, _) => None,
            (true, Some(dir)) => Some(Tagger::with_override(dir)?),
            (true, None) => Some(Tagger::embedded()),
        };
        let pairs = match (&tagger, dir) {
            (Some(_), Some(dir)) => Some(Arc::new(PairModel::with_override(dir)?)),
            _ => None,
        };
        let pipeline = Pipeline::new(Arc::new(lexicon), tagger.map(Arc::new)).with_pairs(pairs);
        // The embedded parser is read lazily; a directory's own is read now, so that a bad one is an error here.
        let parser = match (parse && pipeline.tagger.is_some(), dir) {
            (true, Some(dir)) => model_file::read_override(dir, "parser.bin", syntax::Parser::from_bytes)?,
            _ => None,
        };
        Ok(match parser {
            Some(parser) => pipeline.with_parser(Some(Arc::new(parser))),
            None => pipeline.parsing(parse),
        })
    }

    /// The lexicons the stages read.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The statistical name tagger, if the pipeline has one.
    pub fn tagger(&self) -> Option<&Tagger> {
        self.tagger.as_deref()
    }

    /// The relation classifier, if the pipeline has one.
    pub fn pairs(&self) -> Option<&PairModel> {
        self.pairs.as_deref()
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
        Workspace::with(|workspace| {
            let syntax = self.syntax(&mut workspace.parse);
            relations::find(text, sentences, &resolved.1, &resolved.0, &self.lexicon, syntax)
        })
    }

    /// The parser with the thread's parse buffers, if the pipeline has one.
    fn syntax<'a>(&'a self, buffers: &'a mut syntax::ParseBuffers) -> Option<relations::Syntax<'a>> {
        self.parser.as_ref().map(|parser| relations::Syntax { parser, buffers })
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

    /// Runs every stage on one document, in this thread's workspace.
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
        let syntax = self.syntax(&mut workspace.parse);
        let mut relations = relations::find(&doc.text, sentences, &classes, &resolved, &self.lexicon, syntax);
        relations.extend(resolved.facts);
        if let Some(model) = &self.pairs {
            let learned = pairs::find(&doc.text, sentences, &resolved.mentions, &relations, &self.lexicon, model);
            relations.extend(learned);
        }
        pairs::relate_home_places(&resolved.mentions, &resolved.entities, &mut relations);
        relations.sort_by(|a, b| {
            (a.sentence, a.trigger_span.start, &a.kind.label).cmp(&(b.sentence, b.trigger_span.start, &b.kind.label))
        });
        relations.dedup_by(|a, b| {
            a.subject == b.subject && a.object == b.object && a.kind.label == b.kind.label && a.sentence == b.sentence
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
    /// The dependency parser's vectors.
    parse: syntax::ParseBuffers,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace {
        words: WordTable::bounded(),
        mentions: mentions::Buffers::default(),
        sentences: Vec::new(),
        parse: syntax::ParseBuffers::default(),
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
    fn a_pipeline_has_a_tagger_only_when_given_a_model() {
        assert!(Pipeline::embedded().tagger().is_some());
        assert!(Pipeline::rules_only().tagger().is_none());
        let empty = Pipeline::new(Arc::new(Lexicon::embedded()), Some(Arc::new(Tagger::default())));
        assert!(empty.tagger().is_none(), "an empty model tags nothing");
        assert!(Pipeline::load(None, false, false).unwrap().tagger().is_none());
        let missing = Pipeline::load(Some(Path::new("/nonexistent/lexicon")), true, false);
        assert!(missing.is_err());
    }

    #[test]
    fn a_model_in_the_lexicon_directory_is_read_only_when_a_tagger_is_wanted() {
        let dir = std::env::temp_dir().join(format!("newsgraph-pipeline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ner.bin"), b"not a model").unwrap();
        let (with_tagger, rules_only) =
            (Pipeline::load(Some(&dir), true, false), Pipeline::load(Some(&dir), false, false));
        std::fs::remove_dir_all(&dir).unwrap();
        let message = with_tagger.err().expect("a bad model is an error").to_string();
        assert!(message.contains("ner.bin"), "{message}");
        assert!(rules_only.unwrap().tagger().is_none());
    }

    #[test]
    fn a_parser_in_the_lexicon_directory_is_read_only_when_parsing() {
        let dir = std::env::temp_dir().join(format!("newsgraph-pipeline-parser-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("parser.bin"), b"not a model").unwrap();
        let (parsing, not_parsing) = (Pipeline::load(Some(&dir), true, true), Pipeline::load(Some(&dir), true, false));
        std::fs::remove_dir_all(&dir).unwrap();
        let message = parsing.err().expect("a bad parser model is an error when parsing").to_string();
        assert!(message.contains("parser.bin"), "{message}");
        assert!(not_parsing.is_ok(), "without parsing the parser model is not read");
    }
}
