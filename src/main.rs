//! The `newsgraph` command line: a thin layer over the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand, ValueEnum};

use newsgraph::corpus::{Runner, Summary, extraction_line};
use newsgraph::evaluate::{self, conll, plover};
use newsgraph::export::{from_json, to_dot, to_dot_connected, to_json, to_json_compact};
use newsgraph::extract::{EntityKind, Lexicon, Pipeline};
use newsgraph::graph::{EvidenceLimit, KnowledgeGraph};
use newsgraph::input::{Documents, InputProblem};
use newsgraph::query::{self, RelationRow, Table, Way};

/// Extraction makes many small, short-lived allocations; mimalloc serves them
/// faster than the system allocator. It is built without transparent huge
/// pages, which held about 20 MB more at the same speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code: some inputs were skipped (the output holds everything else).
const EXIT_PARTIAL: u8 = 3;
/// Exit code: nothing was produced.
const EXIT_ERROR: u8 = 1;

/// Build a knowledge graph of people, states, organizations, reports and
/// places from news text, with the evidence for every edge.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    /// networkx node-link JSON
    Json,
    /// Graphviz DOT
    Dot,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per document: mentions and relations
    Jsonl,
}

/// Where and how a graph is written.
#[derive(clap::Args)]
struct GraphOutput {
    /// Output file (default: stdout)
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Output format (default: from the output's extension, else json)
    #[arg(long, short = 'f', value_enum)]
    format: Option<GraphFormat>,
    /// JSON on one line (for Hadoop Streaming, Spark pipe and the like)
    #[arg(long)]
    compact: bool,
    /// DOT: leave out entities that have no edge, for a readable diagram
    #[arg(long)]
    connected: bool,
}

impl GraphOutput {
    fn write(&self, graph: &KnowledgeGraph) -> Result<()> {
        let format = self.format.unwrap_or_else(|| infer_format(self.output.as_deref()));
        let text = match format {
            GraphFormat::Json if self.compact => to_json_compact(graph),
            GraphFormat::Json => to_json(graph),
            GraphFormat::Dot if self.connected => to_dot_connected(graph),
            GraphFormat::Dot => to_dot(graph),
        };
        write_output(self.output.as_deref(), &text)
    }
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files, folders (walked for .txt, .md, .jsonl) or - for stdin
    #[arg(required = true)]
    paths: Vec<String>,
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Directory whose lexicon files replace the embedded ones by name
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Stop at the first bad input instead of skipping it
    #[arg(long)]
    strict: bool,
    /// Rules and lexicons only, without the statistical name tagger: about twice
    /// as fast, but fewer names of unknown people, places and organizations
    #[arg(long)]
    no_tagger: bool,
    /// Print no summary on stderr
    #[arg(long, short = 'q')]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build a graph from articles
    Build {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        out: GraphOutput,
        /// Evidence kept per edge: a number or "all"; the rest is counted in weight
        #[arg(long, default_value = "5", value_parser = parse_evidence)]
        evidence: EvidenceLimit,
        /// Add to this existing graph (JSON), skipping documents already in it
        #[arg(long, value_name = "GRAPH")]
        update: Option<PathBuf>,
    },
    /// Write every mention and relation per document (JSONL), for evaluation tools
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output file (default: stdout)
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        #[arg(long, short = 'f', value_enum, default_value = "jsonl")]
        format: ExtractFormat,
    },
    /// Ask a graph who did what to whom
    Query {
        /// A graph written by `newsgraph build` (JSON)
        #[arg(required_unless_present = "input")]
        graph: Option<PathBuf>,
        /// Build the graph from this article, folder or corpus instead (repeatable)
        #[arg(long, value_name = "PATH", conflicts_with = "graph")]
        input: Vec<String>,
        /// Print JSON instead of a table
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        question: Question,
    },
    /// Measure extraction against a gold standard (precision, recall, F1)
    Evaluate {
        #[command(subcommand)]
        gold: Gold,
        /// Print the first N errors with their context
        #[arg(long, global = true, default_value = "0", value_name = "N")]
        errors: usize,
        /// Directory whose lexicon files replace the embedded ones by name
        #[arg(long, global = true, value_name = "DIR")]
        lexicon: Option<PathBuf>,
        /// Rules and lexicons only, without the statistical name tagger
        #[arg(long, global = true)]
        no_tagger: bool,
    },
    /// Train the name tagger on a CoNLL-2003 file and write the model
    Train {
        /// Training data (token POS chunk NER columns, IOB1 tags), e.g. eng.train
        file: PathBuf,
        /// Model file to write (ship it as data/model/ner.bin)
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// Passes over the data
        #[arg(long, default_value = "12")]
        epochs: usize,
    },
    /// Merge graphs built from disjoint parts of a corpus into one
    Merge {
        /// Graphs written by `newsgraph build` (JSON)
        #[arg(required = true)]
        graphs: Vec<PathBuf>,
        #[command(flatten)]
        out: GraphOutput,
        /// Evidence kept per edge: a number or "all" (use the value the parts were built with)
        #[arg(long, default_value = "5", value_parser = parse_evidence)]
        evidence: EvidenceLimit,
    },
    /// Convert a graph (JSON) to another format
    Export {
        /// A graph written by `newsgraph build` (JSON)
        graph: PathBuf,
        #[command(flatten)]
        out: GraphOutput,
    },
}

#[derive(Subcommand)]
enum Gold {
    /// CoNLL-2003 named entities (token POS chunk NER columns, IOB1 tags)
    Conll { file: PathBuf },
    /// PLOVER gold-standard event records (JSON)
    Plover { file: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum Direction {
    In,
    Out,
    Both,
}

#[derive(Subcommand)]
enum Question {
    /// List entities
    Entities {
        /// Only this kind: person, state, organization, report, place, group
        #[arg(long, value_parser = parse_kind)]
        kind: Option<EntityKind>,
    },
    /// An entity's kind, aliases, mentions and every edge in and out with evidence
    Show { name: String },
    /// Edges, filtered by relation and by either end
    Relations {
        #[arg(long)]
        relation: Option<String>,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Entities one edge away
    Neighbors {
        name: String,
        #[arg(long)]
        relation: Option<String>,
        #[arg(long, value_enum, default_value = "both")]
        direction: Direction,
    },
    /// The shortest chain of relations between two entities
    Path { from: String, to: String },
}

fn parse_evidence(s: &str) -> Result<EvidenceLimit, String> {
    if s == "all" {
        return Ok(EvidenceLimit::All);
    }
    s.parse().map(EvidenceLimit::AtMost).map_err(|_| format!("expected a number or \"all\", got {s:?}"))
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    EntityKind::parse(s).ok_or_else(|| format!("expected one of {}; got {s:?}", kinds.join(", ")))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            let broken_pipe = error
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {error:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build { input, out, evidence, update } => {
            let mut graph = match &update {
                Some(path) => read_graph(path, evidence)?,
                None => KnowledgeGraph::new(evidence),
            };
            let started = Instant::now();
            let documents = Documents::new(&input.paths);
            let progress = progress_bar(documents.total_bytes(), input.quiet);
            let summary = with_pool(input.jobs, || {
                let pipeline = pipeline(&input)?;
                let runner = Runner { pipeline: &pipeline, batch: 256, strict: input.strict };
                runner
                    .build(
                        &mut graph,
                        documents,
                        |problem| progress.suspend(|| report(problem)),
                        |doc| progress.inc(doc.text.len() as u64),
                    )
                    .map_err(strict_failure)
            })?;
            progress.finish_and_clear();
            if summary.documents == 0 && update.is_none() {
                bail!("no documents could be read");
            }
            out.write(&graph)?;
            if !input.quiet {
                let elapsed = started.elapsed().as_secs_f64();
                let mb = summary.bytes as f64 / 1e6;
                eprintln!(
                    "newsgraph: {} ({mb:.1} MB), {}, {}, {}{}, {elapsed:.2}s ({:.1} MB/s){}",
                    count(summary.documents, "document", "documents"),
                    count(graph.node_count(), "entity", "entities"),
                    count(graph.edge_count(), "edge", "edges"),
                    count(summary.problems, "skipped input", "skipped inputs"),
                    if summary.already_present > 0 {
                        format!(", {} already in the graph", summary.already_present)
                    } else {
                        String::new()
                    },
                    mb / elapsed.max(1e-9),
                    peak_memory().map_or(String::new(), |m| format!(", peak memory {m} MB")),
                );
            }
            Ok(exit_for(&summary))
        }
        Command::Extract { input, output, format: ExtractFormat::Jsonl } => {
            let mut out = open_output(output.as_deref())?;
            let mut write_error = None;
            let summary = with_pool(input.jobs, || {
                let pipeline = pipeline(&input)?;
                let runner = Runner { pipeline: &pipeline, batch: 256, strict: input.strict };
                runner
                    .run(
                        Documents::new(&input.paths),
                        |_| false,
                        report,
                        |doc, extraction| {
                            if write_error.is_none()
                                && let Err(e) = writeln!(out, "{}", extraction_line(doc, &extraction))
                            {
                                write_error = Some(e);
                            }
                        },
                    )
                    .map_err(strict_failure)
            })?;
            if let Some(e) = write_error {
                return Err(e).context("writing the extraction");
            }
            out.flush()?;
            Ok(exit_for(&summary))
        }
        Command::Query { graph, input, json, question } => {
            let graph = match graph {
                Some(path) => read_graph(&path, EvidenceLimit::default())?,
                None => {
                    let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
                    let pipeline = Pipeline::embedded();
                    let runner = Runner { pipeline: &pipeline, batch: 256, strict: false };
                    runner.build(&mut graph, Documents::new(&input), report, |_| {}).map_err(strict_failure)?;
                    graph
                }
            };
            answer(&graph, question, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Evaluate { gold, errors, lexicon, no_tagger } => {
            let pipeline = Pipeline::load(lexicon.as_deref(), !no_tagger)?;
            let mut out = std::io::BufWriter::new(std::io::stdout());
            match gold {
                Gold::Conll { file } => evaluate_conll(&mut out, &pipeline, &file, errors)?,
                Gold::Plover { file } => evaluate_plover(&mut out, &pipeline, &file, errors)?,
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { file, output, epochs } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let docs = conll::parse(&text).map_err(|e| anyhow!("{}: not CoNLL-2003 data: {e}", file.display()))?;
            if docs.is_empty() {
                bail!("{}: no CoNLL sentences found", file.display());
            }
            let lexicon = Lexicon::embedded();
            let tagger = conll::train_tagger(&lexicon, &docs, epochs, |epoch, accuracy| {
                eprintln!("newsgraph: epoch {epoch}: training accuracy {accuracy:.4}");
            });
            std::fs::write(&output, tagger.to_bytes()).with_context(|| format!("cannot write {}", output.display()))?;
            eprintln!("newsgraph: wrote {} ({tagger:?})", output.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge { graphs, out, evidence } => {
            let mut merged = KnowledgeGraph::new(evidence);
            for path in &graphs {
                merged.merge(read_graph(path, evidence)?);
            }
            out.write(&merged)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { graph, out } => {
            out.write(&read_graph(&graph, EvidenceLimit::All)?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn evaluate_conll(out: &mut dyn Write, pipeline: &Pipeline, file: &Path, errors: usize) -> Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let docs = conll::parse(&text).map_err(|e| anyhow!("{}: not CoNLL-2003 data: {e}", file.display()))?;
    if docs.is_empty() {
        bail!("{}: no CoNLL sentences found", file.display());
    }
    let started = Instant::now();
    let report = conll::evaluate(pipeline, &docs);
    let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
    writeln!(
        out,
        "{}: {} documents, {} tokens, {:.2}s",
        file.display(),
        report.documents,
        tokens,
        started.elapsed().as_secs_f64()
    )?;
    out.write_all(evaluate::score_table(&report.per_type).as_bytes())?;
    for miss in report.misses.iter().take(errors) {
        let other = miss.other.as_ref().map_or(String::new(), |o| format!(" (as {o})"));
        writeln!(out, "{} {} {:?}{other}  doc {}: {}", miss.kind, miss.entity_type, miss.text, miss.doc, miss.context)?;
    }
    Ok(())
}

fn evaluate_plover(out: &mut dyn Write, pipeline: &Pipeline, file: &Path, errors: usize) -> Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let records = plover::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = plover::evaluate(pipeline, &records);
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    writeln!(out, "{}: {} records with a source and a target", file.display(), report.records)?;
    writeln!(out, "{:<12} {:>7} {:>9} {:>7}", "CATEGORY", "RECORDS", "CATEGORY", "TRIPLE")?;
    for (category, (n, c, t)) in &report.per_category {
        writeln!(out, "{category:<12} {n:>7} {:>9.3} {:>7.3}", pct(*c, *n), pct(*t, *n))?;
    }
    writeln!(
        out,
        "{:<12} {:>7} {:>9.3} {:>7.3}",
        "all",
        report.records,
        pct(report.category_correct, report.records),
        pct(report.triple_correct, report.records)
    )?;
    let wrong = report.outcomes.iter().filter(|(_, o)| !o.triple_correct);
    for (record, outcome) in wrong.take(errors) {
        let got = match &outcome.category {
            Some(c) => format!(
                "{} {} {}",
                outcome.source.as_deref().unwrap_or("?"),
                c,
                outcome.target.as_deref().unwrap_or("?")
            ),
            None => "nothing".to_string(),
        };
        writeln!(
            out,
            "{}: gold {} {} {}, got {got}: {}",
            record.id,
            record.sources.join("/"),
            record.category,
            record.targets.join("/"),
            record.text
        )?;
    }
    Ok(())
}

/// A progress bar on stderr when it is a terminal (documents' bytes, rate, ETA); hidden otherwise.
fn progress_bar(total: Option<u64>, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = match total {
        Some(total) => indicatif::ProgressBar::new(total),
        None => indicatif::ProgressBar::new_spinner(),
    };
    let template = "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}";
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// "1 document", "2 documents".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Peak resident memory of this process in MB (Linux), for the summary line.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn report(problem: &InputProblem) {
    eprintln!("newsgraph: skipped {problem}");
}

fn strict_failure(problem: InputProblem) -> anyhow::Error {
    anyhow::anyhow!("{problem} (stopped by --strict)")
}

fn exit_for(summary: &Summary) -> ExitCode {
    if summary.problems > 0 { ExitCode::from(EXIT_PARTIAL) } else { ExitCode::SUCCESS }
}

fn pipeline(input: &InputArgs) -> Result<Pipeline> {
    Ok(Pipeline::load(input.lexicon.as_deref(), !input.no_tagger)?)
}

fn with_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs.max(1));
    }
    builder.build().context("starting worker threads")?.install(work)
}

fn infer_format(output: Option<&Path>) -> GraphFormat {
    match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("dot" | "gv") => GraphFormat::Dot,
        _ => GraphFormat::Json,
    }
}

fn read_graph(path: &Path, limit: EvidenceLimit) -> Result<KnowledgeGraph> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read graph {}", path.display()))?;
    Ok(from_json(&path.display().to_string(), &text, limit)?)
}

fn open_output(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

fn write_output(path: Option<&Path>, text: &str) -> Result<()> {
    let mut out = open_output(path)?;
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn answer(graph: &KnowledgeGraph, question: Question, json: bool) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let print_json = |out: &mut dyn Write, value: &dyn erased::Json| -> Result<()> {
        writeln!(out, "{}", value.to_json())?;
        Ok(())
    };
    match question {
        Question::Entities { kind } => {
            let rows = query::entities(graph, kind);
            if json {
                print_json(&mut out, &rows)?;
            } else {
                let mut table = Table::new(&["KIND", "ENTITY", "MENTIONS", "EDGES", "ID"]);
                for r in rows {
                    table.row(vec![r.kind.as_str().into(), r.label, r.mentions.to_string(), r.edges.to_string(), r.id]);
                }
                out.write_all(table.render().as_bytes())?;
            }
        }
        Question::Show { name } => {
            let record = query::show(graph, &name)?;
            if json {
                print_json(&mut out, &record)?;
            } else {
                let e = &record.entity;
                writeln!(out, "{} ({}, id {})", e.label, e.kind.as_str(), e.id)?;
                writeln!(
                    out,
                    "aliases: {}",
                    if e.aliases.is_empty() { "-".to_string() } else { e.aliases.join("; ") }
                )?;
                writeln!(out, "mentions: {}", e.mentions)?;
                for (title, rows) in [("outgoing", &record.outgoing), ("incoming", &record.incoming)] {
                    writeln!(out, "\n{title} ({}):", rows.len())?;
                    for r in rows {
                        write_edge_with_evidence(&mut out, r)?;
                    }
                }
            }
        }
        Question::Relations { relation, from, to } => {
            let rows = query::relations(graph, relation.as_deref(), from.as_deref(), to.as_deref())?;
            write_rows(&mut out, &rows, json)?;
        }
        Question::Neighbors { name, relation, direction } => {
            let way = match direction {
                Direction::In => Way::In,
                Direction::Out => Way::Out,
                Direction::Both => Way::Both,
            };
            let rows = query::neighbors(graph, &name, relation.as_deref(), way)?;
            write_rows(&mut out, &rows, json)?;
        }
        Question::Path { from, to } => {
            let rows = query::path(graph, &from, &to)?;
            if json {
                print_json(&mut out, &rows)?;
            } else {
                for (i, r) in rows.iter().enumerate() {
                    writeln!(out, "{}. {} --{}--> {}", i + 1, r.source, r.relation, r.target)?;
                    if let Some(e) = r.evidence.first() {
                        writeln!(out, "   {}#{}: {}", e.doc, e.sentence, e.text)?;
                    }
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn write_rows(out: &mut dyn Write, rows: &[RelationRow], json: bool) -> Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(rows)?)?;
        return Ok(());
    }
    let mut table = Table::new(&["SUBJECT", "RELATION", "OBJECT", "WEIGHT", "DATE", "EVIDENCE"]);
    for r in rows {
        let relation = if r.hedged { format!("{} (hedged)", r.relation) } else { r.relation.clone() };
        let evidence = r.evidence.first().map_or(String::new(), |e| snippet(&e.text));
        table.row(vec![
            r.source.clone(),
            relation,
            r.target.clone(),
            r.weight.to_string(),
            r.first_date.clone().unwrap_or_else(|| "-".into()),
            evidence,
        ]);
    }
    out.write_all(table.render().as_bytes())?;
    Ok(())
}

fn write_edge_with_evidence(out: &mut dyn Write, r: &RelationRow) -> Result<()> {
    let hedge = if r.hedged { " (hedged)" } else { "" };
    writeln!(out, "  {} --{}{}--> {}  [weight {}]", r.source, r.relation, hedge, r.target, r.weight)?;
    for e in &r.evidence {
        writeln!(
            out,
            "    {}#{} ({}): {}",
            e.doc,
            e.sentence,
            e.date.as_deref().unwrap_or("no date"),
            e.text.replace('\n', " ")
        )?;
    }
    Ok(())
}

/// A short excerpt of the evidence sentence.
fn snippet(text: &str) -> String {
    let flat = text.replace('\n', " ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= 70 { flat } else { format!("{}…", chars[..69].iter().collect::<String>()) }
}

mod erased {
    /// Serialises any query result for `--json`.
    pub trait Json {
        fn to_json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> String {
            serde_json::to_string_pretty(self).expect("query results serialise")
        }
    }
}
