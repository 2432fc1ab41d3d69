//! Reader goldens: for each article, the entities and relations a careful
//! reader draws from it (`NAME.gold.json`, the format of
//! `../shared/eval/articles`). Each article's graph is built on its own, as
//! `newsgraph build NAME.txt` builds it, and scored as the reference scorer
//! `score_graph.py` scores that graph: the figures must agree with it.
//!
//! A node stands for a gold entity when its label, after [`normalise`], is
//! one of the entity's names (of any kind), or else when one of its aliases is
//! and the kinds agree. Persons, states, organizations and reports are scored
//! (found, spurious, duplicates); a required relation is found when an edge
//! has one of its labels and endpoints standing for its subject and object
//! entities; an edge no required or acceptable rule allows is unsupported.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use petgraph::stable_graph::NodeIndex;
use serde::Deserialize;

use crate::corpus::Runner;
use crate::extract::{EntityKind, Pipeline};
use crate::graph::{Edge, EvidenceLimit, KnowledgeGraph};
use crate::input::Documents;

/// The kinds of entity whose nodes are scored, in table order.
pub const SCORED_KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::State, EntityKind::Organization, EntityKind::Report];

/// What a gold file ends with; the rest of its name names the article.
const GOLD_SUFFIX: &str = ".gold.json";

/// One article's gold file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Gold {
    /// Every entity a reader finds in the article.
    pub entities: Vec<GoldEntity>,
    /// Relations an extractor must draw.
    pub required_relations: Vec<RelationRule>,
    /// Defensible extra relations: drawing them costs no precision.
    #[serde(default)]
    pub acceptable_relations: Vec<RelationRule>,
}

/// An entity of a gold file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldEntity {
    /// The name rules refer to it by.
    pub key: String,
    /// person, state, organization, report, place or group.
    pub kind: String,
    /// The names the article calls it by.
    pub names: Vec<String>,
    /// An extractor may or may not list it: found or not, it is never missed.
    #[serde(default)]
    pub optional: bool,
}

/// Which edges state a relation: one of the labels, from one of the subject
/// entities to one of the object entities.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RelationRule {
    /// Keys of the entities that may be the subject.
    pub s: Vec<String>,
    /// The relation labels that count.
    pub r: Vec<String>,
    /// Keys of the entities that may be the object.
    pub o: Vec<String>,
    /// The article's words that state it.
    #[serde(default)]
    pub why: String,
}

/// Why the articles of a folder cannot be scored.
#[derive(Debug, thiserror::Error)]
pub enum ArticlesError {
    /// A file or folder that cannot be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A gold file that is not in the format described above.
    #[error("{}: not a reader gold file: {problem}", path.display())]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// A gold file whose article text is nowhere under the folder.
    #[error("{}: no text {name}.txt under {}", gold.display(), dir.display())]
    NoText {
        /// The gold file.
        gold: PathBuf,
        /// The article's name.
        name: String,
        /// The folder searched.
        dir: PathBuf,
    },
    /// Two gold files, or two texts, of one article name.
    #[error("two files for article {name}: {} and {}", first.display(), second.display())]
    Twice {
        /// The article's name.
        name: String,
        /// One file.
        first: PathBuf,
        /// The other.
        second: PathBuf,
    },
    /// A folder with no gold file in it.
    #[error("no gold files (NAME{GOLD_SUFFIX}) under {}", .0.display())]
    NoGold(PathBuf),
    /// An article text the pipeline cannot read.
    #[error("{0}")]
    Text(String),
}

/// An article to score: its gold file and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The name both files share (`bbc-politics-065`).
    pub name: String,
    /// `NAME.gold.json`.
    pub gold: PathBuf,
    /// `NAME.txt`.
    pub text: PathBuf,
}

/// A name as the reference scorer compares names: lower case, typographic
/// apostrophes plain, dots dropped, a leading "the" dropped, runs of white
/// space one space.
pub fn normalise(name: &str) -> String {
    let lowered = name.to_lowercase().replace('\u{2019}', "'").replace('.', "");
    let trimmed = lowered.trim_matches(is_space);
    let without_the = match trimmed.strip_prefix("the") {
        Some(rest) if rest.starts_with(is_space) => rest.trim_start_matches(is_space),
        _ => trimmed,
    };
    without_the.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// White space as Python's `str.strip` and `\s` see it: Unicode's, and the
/// four ASCII separators U+001C to U+001F.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Reads a gold file's text.
pub fn parse_gold(text: &str) -> Result<Gold, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The articles under `dir`: every `NAME.gold.json` in it or its subfolders,
/// each with the `NAME.txt` in it or its subfolders, sorted by name. (The
/// layout of `../shared/eval/articles`, golds above a `texts/` folder, and
/// texts beside their golds both work.) A text without a gold file is left
/// out; a gold file without its text, or with two, is an error.
pub fn find_articles(dir: &Path) -> Result<Vec<Article>, ArticlesError> {
    let mut golds: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let mut texts: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for path in files_under(dir)? {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if let Some(name) = file_name.strip_suffix(GOLD_SUFFIX) {
            golds.entry(name.to_string()).or_default().push(path);
        } else if let Some(name) = file_name.strip_suffix(".txt") {
            texts.entry(name.to_string()).or_default().push(path);
        }
    }
    if golds.is_empty() {
        return Err(ArticlesError::NoGold(dir.to_path_buf()));
    }
    golds
        .into_iter()
        .map(|(name, mut gold)| {
            let mut text = texts.remove(&name).unwrap_or_default();
            for files in [&mut gold, &mut text] {
                if files.len() > 1 {
                    let (first, second) = (files.swap_remove(0), files.swap_remove(0));
                    return Err(ArticlesError::Twice { name, first, second });
                }
            }
            let gold = gold.remove(0);
            match text.pop() {
                Some(text) => Ok(Article { name, gold, text }),
                None => Err(ArticlesError::NoText { gold, name, dir: dir.to_path_buf() }),
            }
        })
        .collect()
}

/// Every file under `dir`, in sorted order; symbolic links to folders are not followed.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>, ArticlesError> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .and_then(|entries| entries.map(|e| e.map(|e| e.path())).collect::<io::Result<Vec<_>>>())
            .map_err(|source| ArticlesError::Read { path: folder.clone(), source })?;
        for path in entries {
            let is_folder = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
            if is_folder { folders.push(path) } else { files.push(path) }
        }
    }
    files.sort();
    Ok(files)
}

/// The graph `newsgraph build TEXT` writes: that one document's.
pub fn graph_of(pipeline: &Pipeline, text: &Path) -> Result<KnowledgeGraph, ArticlesError> {
    let path = text.to_str().ok_or_else(|| ArticlesError::Text(format!("{}: not a UTF-8 path", text.display())))?;
    let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
    let runner = Runner { pipeline, batch: 256, strict: true };
    runner
        .build(&mut graph, Documents::new(&[path]), |_| {}, |_| {})
        .map_err(|p| ArticlesError::Text(p.to_string()))?;
    crate::crossdoc::resolve_surnames(&mut graph);
    Ok(graph)
}

/// One kind's entity figures in one article (or summed over articles).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct KindScore {
    /// Required entities some node stands for.
    pub found: usize,
    /// Required (not optional) entities of this kind.
    pub wanted: usize,
    /// Nodes of this kind that stand for no gold entity of the kind.
    pub spurious: usize,
    /// Nodes standing for an entity an earlier node already stands for.
    pub duplicates: usize,
}

impl KindScore {
    fn add(&mut self, other: KindScore) {
        self.found += other.found;
        self.wanted += other.wanted;
        self.spurious += other.spurious;
        self.duplicates += other.duplicates;
    }
}

/// An edge no rule of the gold file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedEdge {
    /// The subject's label.
    pub subject: String,
    /// The relation label.
    pub relation: String,
    /// The object's label.
    pub object: String,
    /// The first sentence that stated it.
    pub sentence: String,
}

/// One article's figures (or the sum over articles).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ArticleScore {
    /// The article's name (`micro` for the sum).
    pub name: String,
    /// Entity figures, one per kind of [`SCORED_KINDS`].
    pub entities: [KindScore; 4],
    /// Required relations found.
    pub required_found: usize,
    /// Required relations.
    pub required: usize,
    /// Edges some required or acceptable rule allows.
    pub supported: usize,
    /// Edges.
    pub edges: usize,
    /// The required relations not found, in gold order.
    pub missed: Vec<RelationRule>,
    /// The unsupported edges, in the graph's order.
    pub unsupported: Vec<UnsupportedEdge>,
}

impl ArticleScore {
    /// Found required relations over required ones (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.required_found, self.required)
    }

    /// Supported edges over edges (0 when there are none).
    pub fn precision(&self) -> f64 {
        ratio(self.supported, self.edges)
    }

    /// Every required person found, and no person node spurious or a duplicate.
    pub fn persons_exact(&self) -> bool {
        let persons = self.entities[0];
        persons.found == persons.wanted && persons.spurious == 0 && persons.duplicates == 0
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The gold keys each node stands for, in gold order (a key can repeat if
/// the gold file repeats it, as the reference scorer counts it then).
fn node_keys<'g>(gold: &'g Gold, graph: &KnowledgeGraph) -> HashMap<NodeIndex, Vec<&'g str>> {
    let names: Vec<BTreeSet<String>> =
        gold.entities.iter().map(|e| e.names.iter().map(|n| normalise(n)).collect()).collect();
    let entities = || gold.entities.iter().zip(&names);
    graph
        .sorted_nodes()
        .into_iter()
        .map(|index| {
            let node = graph.node(index);
            let label = normalise(&node.label);
            let mut keys: Vec<&str> =
                entities().filter(|(_, names)| names.contains(&label)).map(|(e, _)| e.key.as_str()).collect();
            if keys.is_empty() {
                let aliases: Vec<String> = node.aliases.iter().map(|a| normalise(a)).collect();
                keys = entities()
                    .filter(|(e, names)| e.kind == node.kind.as_str() && aliases.iter().any(|a| names.contains(a)))
                    .map(|(e, _)| e.key.as_str())
                    .collect();
            }
            (index, keys)
        })
        .collect()
}

/// Found, spurious and duplicate nodes of one kind.
fn score_kind(
    gold: &Gold,
    graph: &KnowledgeGraph,
    keys: &HashMap<NodeIndex, Vec<&str>>,
    kind: EntityKind,
) -> KindScore {
    let of_kind = gold.entities.iter().filter(|e| e.kind == kind.as_str());
    let wanted: BTreeSet<&str> = of_kind.clone().filter(|e| !e.optional).map(|e| e.key.as_str()).collect();
    let scored: BTreeSet<&str> = of_kind.map(|e| e.key.as_str()).collect();
    let mut found = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut score = KindScore { wanted: wanted.len(), ..KindScore::default() };
    for index in graph.sorted_nodes().into_iter().filter(|i| graph.node(*i).kind == kind) {
        let node_keys: Vec<&str> = keys[&index].iter().copied().filter(|k| scored.contains(k)).collect();
        if node_keys.is_empty() {
            score.spurious += 1;
        }
        for key in node_keys {
            found.insert(key);
            if !seen.insert(key) {
                score.duplicates += 1;
            }
        }
    }
    score.found = found.intersection(&wanted).count();
    score
}

/// Scores one article's graph against its gold file, as `score_graph.py` does.
pub fn score(name: &str, gold: &Gold, graph: &KnowledgeGraph) -> ArticleScore {
    let keys = node_keys(gold, graph);
    let mut result = ArticleScore { name: name.to_string(), ..ArticleScore::default() };
    for (slot, kind) in result.entities.iter_mut().zip(SCORED_KINDS) {
        *slot = score_kind(gold, graph, &keys, kind);
    }
    let edges = graph.sorted_edges();
    let allows = |rule: &RelationRule, (source, target, edge): &(NodeIndex, NodeIndex, &Edge)| {
        rule.r.contains(&edge.relation.label)
            && keys[source].iter().any(|k| rule.s.iter().any(|s| s == k))
            && keys[target].iter().any(|k| rule.o.iter().any(|o| o == k))
    };
    for rule in &gold.required_relations {
        if edges.iter().any(|e| allows(rule, e)) {
            result.required_found += 1;
        } else {
            result.missed.push(rule.clone());
        }
    }
    result.required = gold.required_relations.len();
    result.edges = edges.len();
    let rules = || gold.required_relations.iter().chain(&gold.acceptable_relations);
    for edge in &edges {
        if rules().any(|rule| allows(rule, edge)) {
            result.supported += 1;
        } else {
            let (source, target, e) = edge;
            result.unsupported.push(UnsupportedEdge {
                subject: graph.node(*source).label.clone(),
                relation: e.relation.label.clone(),
                object: graph.node(*target).label.clone(),
                sentence: e.evidence.first().map_or_else(String::new, |ev| ev.text.clone()),
            });
        }
    }
    result
}

/// Every article's figures, in name order.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// One per article.
    pub articles: Vec<ArticleScore>,
}

impl Report {
    /// The sums over all articles (recall and precision micro-averaged).
    pub fn micro(&self) -> ArticleScore {
        let mut sum = ArticleScore { name: "micro".to_string(), ..ArticleScore::default() };
        for article in &self.articles {
            for (total, kind) in sum.entities.iter_mut().zip(article.entities) {
                total.add(kind);
            }
            sum.required_found += article.required_found;
            sum.required += article.required;
            sum.supported += article.supported;
            sum.edges += article.edges;
        }
        sum
    }
}

/// Scores every article under `dir` (see [`find_articles`]), in parallel.
pub fn evaluate(pipeline: &Pipeline, dir: &Path) -> Result<Report, ArticlesError> {
    use rayon::prelude::*;
    let articles = find_articles(dir)?;
    let articles = articles
        .par_iter()
        .map(|article| {
            let text = std::fs::read_to_string(&article.gold)
                .map_err(|source| ArticlesError::Read { path: article.gold.clone(), source })?;
            let gold =
                parse_gold(&text).map_err(|problem| ArticlesError::Gold { path: article.gold.clone(), problem })?;
            Ok(score(&article.name, &gold, &graph_of(pipeline, &article.text)?))
        })
        .collect::<Result<Vec<_>, ArticlesError>>()?;
    Ok(Report { articles })
}

/// Writes the table: a row per article, then the micro row and how many
/// articles have their persons exact; then, per article, up to `errors`
/// missed required relations (with the gold's words) and unsupported edges
/// (with their sentence).
pub fn write_report(out: &mut dyn Write, report: &Report, errors: usize) -> io::Result<()> {
    writeln!(
        out,
        "{:<20} {:>8} {:>3} {:>3} {:>8} {:>3} {:>3} {:>8} {:>3} {:>3} {:>8} {:>3} {:>3} {:>9} {:>6} {:>10} {:>9}",
        "ARTICLE",
        "PERSONS",
        "SP",
        "DUP",
        "STATES",
        "SP",
        "DUP",
        "ORGS",
        "SP",
        "DUP",
        "REPORTS",
        "SP",
        "DUP",
        "REQUIRED",
        "RECALL",
        "SUPPORTED",
        "PRECISION"
    )?;
    for article in &report.articles {
        write_row(out, article)?;
    }
    write_row(out, &report.micro())?;
    let exact = report.articles.iter().filter(|a| a.persons_exact()).count();
    writeln!(
        out,
        "persons exact (every required person found, none spurious or duplicate): {exact}/{}",
        report.articles.len()
    )?;
    for article in &report.articles {
        for rule in article.missed.iter().take(errors) {
            let (s, r, o) = (rule.s.join("/"), rule.r.join("/"), rule.o.join("/"));
            writeln!(out, "{} missed {s} {r} {o}: {}", article.name, rule.why)?;
        }
        for edge in article.unsupported.iter().take(errors) {
            let UnsupportedEdge { subject, relation, object, sentence } = edge;
            writeln!(out, "{} unsupported {subject} --{relation}--> {object}: {sentence}", article.name)?;
        }
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, article: &ArticleScore) -> io::Result<()> {
    write!(out, "{:<20}", article.name)?;
    for kind in article.entities {
        write!(out, " {:>8} {:>3} {:>3}", format!("{}/{}", kind.found, kind.wanted), kind.spurious, kind.duplicates)?;
    }
    writeln!(
        out,
        " {:>9} {:>6.2} {:>10} {:>9.2}",
        format!("{}/{}", article.required_found, article.required),
        article.recall(),
        format!("{}/{}", article.supported, article.edges),
        article.precision()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_as_the_reference_scorer_compares_them() {
        assert_eq!(normalise("  The  Fish.Co   Board "), "fishco board");
        assert_eq!(normalise("Dr. Ann O\u{2019}Hare"), "dr ann o'hare");
        assert_eq!(normalise("Theodore Park"), "theodore park");
        assert_eq!(normalise("the"), "the");
        assert_eq!(normalise("THE\u{a0}Lantern\u{1f}Guild"), "lantern guild");
    }

    /// A made-up article: a mayor, a clerk, a town, a guild and its paper.
    const GOLD: &str = r#"{
      "entities": [
        {"key": "mayor", "kind": "person", "names": ["Ann Quill", "Quill", "Mayor Quill"]},
        {"key": "clerk", "kind": "person", "names": ["Bo Reed"]},
        {"key": "town", "kind": "state", "names": ["Vell", "Vellish"]},
        {"key": "guild", "kind": "organization", "names": ["Lantern Guild", "the guild"]},
        {"key": "paper", "kind": "report", "names": ["lantern paper"], "optional": true}
      ],
      "required_relations": [
        {"s": ["mayor"], "r": ["criticized", "accused"], "o": ["guild"], "why": "Quill attacked the guild"},
        {"s": ["town"], "r": ["accused"], "o": ["guild"], "why": "Vell blamed the guild"},
        {"s": ["guild"], "r": ["met"], "o": ["clerk"], "why": "the guild met Reed"}
      ],
      "acceptable_relations": [{"s": ["guild"], "r": ["published"], "o": ["paper"]}]
    }"#;

    /// A graph in the JSON `newsgraph build` writes: nodes (id, label, kind,
    /// aliases) and edges (source, relation, target, sentence).
    fn graph(nodes: &[(&str, &str, &str, &[&str])], edges: &[(&str, &str, &str, &str)]) -> KnowledgeGraph {
        let nodes: Vec<serde_json::Value> = nodes
            .iter()
            .map(|(id, label, kind, aliases)| {
                serde_json::json!({"id": id, "label": label, "kind": kind, "aliases": aliases, "mentions": 1})
            })
            .collect();
        let edges: Vec<serde_json::Value> = edges
            .iter()
            .map(|(source, relation, target, sentence)| {
                let evidence = serde_json::json!({"doc": "d", "date": null, "sentence": 0, "text": sentence,
                    "subject": [0, 1], "trigger": [0, 1], "object": [0, 1]});
                serde_json::json!({"source": source, "target": target, "key": 0, "relation": relation,
                    "cameo": null, "goldstein": null, "plover": null, "weight": 1, "first_date": null,
                    "last_date": null, "hedged": false, "evidence": [evidence]})
            })
            .collect();
        let json = serde_json::json!({"directed": true, "multigraph": true,
            "graph": {"generator": "test", "documents": []}, "nodes": nodes, "edges": edges});
        crate::export::from_json("test", &json.to_string(), EvidenceLimit::All).unwrap()
    }

    fn quill_graph() -> KnowledgeGraph {
        graph(
            &[
                ("n1", "Ann Quill", "person", &[]),
                ("n2", "Mayor Quill.", "person", &[]),
                ("n3", "The Lantern Guild", "organization", &[]),
                ("n4", "Guildhall", "organization", &["Vell"]),
                ("n5", "Vellish Republic", "state", &["Vellish"]),
                ("n6", "Vell", "person", &[]),
                ("n7", "lantern paper", "report", &[]),
            ],
            &[
                ("n1", "criticized", "n3", "Quill criticized the guild."),
                ("n6", "accused", "n3", "Vell accused the guild."),
                ("n3", "published", "n7", "The guild published its paper."),
                ("n4", "met", "n1", "The Guildhall met Quill."),
            ],
        )
    }

    #[test]
    fn a_label_maps_to_any_kind_an_alias_only_to_its_own() {
        let gold = parse_gold(GOLD).unwrap();
        let graph = quill_graph();
        let keys = node_keys(&gold, &graph);
        let key_of = |id: &str| keys[&graph.node_by_id(id).unwrap()].clone();
        assert_eq!(key_of("n2"), ["mayor"], "dots dropped");
        assert_eq!(key_of("n3"), ["guild"], "a leading the dropped");
        assert!(key_of("n4").is_empty(), "an alias of another kind");
        assert_eq!(key_of("n5"), ["town"], "an alias of the same kind");
        assert_eq!(key_of("n6"), ["town"], "a label of another kind");
    }

    #[test]
    fn nodes_are_found_spurious_or_duplicates_and_edges_supported_or_not() {
        let scored = score("quill", &parse_gold(GOLD).unwrap(), &quill_graph());
        let [persons, states, organizations, reports] = scored.entities;
        assert_eq!(persons, KindScore { found: 1, wanted: 2, spurious: 1, duplicates: 1 });
        assert_eq!(states, KindScore { found: 1, wanted: 1, spurious: 0, duplicates: 0 });
        assert_eq!(organizations, KindScore { found: 1, wanted: 1, spurious: 1, duplicates: 0 });
        assert_eq!(reports, KindScore::default(), "an optional report found is not wanted");
        assert_eq!((scored.required_found, scored.required, scored.supported, scored.edges), (2, 3, 3, 4));
        assert_eq!(scored.missed[0].why, "the guild met Reed");
        assert_eq!(scored.unsupported[0].sentence, "The Guildhall met Quill.");
        assert!(!scored.persons_exact());
    }

    #[test]
    fn articles_pair_golds_with_texts_in_subfolders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("texts")).unwrap();
        std::fs::write(dir.path().join("a.gold.json"), GOLD).unwrap();
        std::fs::write(dir.path().join("texts/a.txt"), "Ann Quill met Bo Reed.").unwrap();
        std::fs::write(dir.path().join("texts/b.txt"), "No gold for this one.").unwrap();
        let articles = find_articles(dir.path()).unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].name, "a");
        assert_eq!(articles[0].text, dir.path().join("texts/a.txt"));
        std::fs::write(dir.path().join("c.gold.json"), GOLD).unwrap();
        assert!(matches!(find_articles(dir.path()), Err(ArticlesError::NoText { .. })));
        assert!(matches!(find_articles(&dir.path().join("texts")), Err(ArticlesError::NoGold(_))));
        std::fs::write(dir.path().join("texts/c.txt"), "Bo Reed met Ann Quill.").unwrap();
        std::fs::write(dir.path().join("c.txt"), "Bo Reed met Ann Quill.").unwrap();
        assert!(matches!(find_articles(dir.path()), Err(ArticlesError::Twice { .. })));
    }
}
