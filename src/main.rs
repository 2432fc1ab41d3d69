//! The `newsgraph` command line: a thin layer over the library. Flags are
//! parsed by clap, then checked (`Usage` errors, exit code 2) before any work.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, anyhow, bail};
use clap::{Parser, Subcommand, ValueEnum};

use newsgraph::corpus::{Runner, Summary};
use newsgraph::evaluate::{self, articles, conll, conll04, petrarch, plover, ud};
use newsgraph::export::{DotNodes, JsonLayout, from_json, write_dot, write_extraction, write_json};
use newsgraph::extract::{EntityKind, Pipeline};
use newsgraph::graph::{EvidenceLimit, KnowledgeGraph};
use newsgraph::input::{Documents, InputProblem};
use newsgraph::query::{self, Way, print};

mod terminal;
mod train_command;
use terminal::{count, peak_memory, progress_bar};

/// Extraction makes many small, short-lived allocations; mimalloc serves them
/// faster than the system allocator. It is built without transparent huge
/// pages, which held about 20 MB more at the same speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code: some inputs were skipped or repaired (the output holds everything else).
const EXIT_PARTIAL: u8 = 3;
/// Exit code: nothing was produced.
const EXIT_ERROR: u8 = 1;
/// Exit code: the command line asks for something impossible.
const EXIT_USAGE: u8 = 2;
/// Extraction is CPU-bound: threads beyond the cores only cost memory, and
/// tens of thousands of them exhaust the system before any work is done.
const MAX_JOBS: usize = 256;

/// Build a knowledge graph of people, states, organizations, reports and
/// places from news text, with the evidence for every edge.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    /// Print no summary or progress on stderr (problems with inputs are still named)
    #[arg(long, short = 'q', global = true)]
    quiet: bool,
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
    /// Output file; - or none for stdout
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Output format (default: from the output's extension, .json, .dot or .gv; json on stdout)
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
    fn path(&self) -> Option<&Path> {
        output_path(self.output.as_deref())
    }

    /// The format asked for, else the one the output's extension names.
    fn format(&self) -> Result<GraphFormat> {
        if let Some(format) = self.format {
            return Ok(format);
        }
        let Some(path) = self.path() else { return Ok(GraphFormat::Json) };
        let extension = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            None | Some("json") => Ok(GraphFormat::Json),
            Some("dot" | "gv") => Ok(GraphFormat::Dot),
            Some(_) => Err(usage(format!(
                "cannot tell the format of {} from its extension: name it .json, .dot or .gv, \
                 or give --format json|dot",
                path.display()
            ))),
        }
    }

    fn write(&self, graph: &KnowledgeGraph) -> Result<()> {
        let format = self.format()?;
        let mut out = open_output(self.path())?;
        match format {
            GraphFormat::Json if self.compact => write_json(graph, JsonLayout::Compact, &mut out),
            GraphFormat::Json => write_json(graph, JsonLayout::Pretty, &mut out),
            GraphFormat::Dot if self.connected => write_dot(graph, DotNodes::Connected, &mut out),
            GraphFormat::Dot => write_dot(graph, DotNodes::All, &mut out),
        }
        .and_then(|()| out.flush())
        .context("writing the graph")
    }
}

/// The lexicons and tagger extraction uses.
#[derive(clap::Args)]
struct PipelineArgs {
    /// Directory whose lexicon files replace the embedded ones by name
    #[arg(long, value_name = "DIR", global = true)]
    lexicon: Option<PathBuf>,
    /// Rules and lexicons only, without the statistical name tagger and relation
    /// classifier: about twice as fast, but fewer names and relations
    #[arg(long, global = true)]
    no_tagger: bool,
    /// Also read the dependency parse of the sentences whose verb frame the
    /// rules leave unfilled: a few more relations for about 1.3x the time
    #[arg(long, global = true, conflicts_with = "no_tagger")]
    parse: bool,
}

impl PipelineArgs {
    fn pipeline(&self) -> Result<Pipeline> {
        Ok(Pipeline::load(self.lexicon.as_deref(), !self.no_tagger, self.parse)?)
    }
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files, folders (walked for .txt, .md, .jsonl) or - for stdin
    #[arg(required = true)]
    paths: Vec<String>,
    /// Worker threads (default: all cores)
    #[arg(long, short = 'j', value_parser = parse_jobs)]
    jobs: Option<usize>,
    #[command(flatten)]
    pipeline: PipelineArgs,
    /// Stop at the first bad input instead of skipping or repairing it
    #[arg(long)]
    strict: bool,
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
        #[command(flatten)]
        resolution: ResolutionArgs,
    },
    /// Write every mention and relation per document (JSONL), for evaluation tools
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output file; - or none for stdout
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
        /// With --input: the lexicons and tagger to build it with
        #[command(flatten)]
        pipeline: PipelineArgs,
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
        #[command(flatten)]
        pipeline: PipelineArgs,
    },
    /// Train the name tagger on a CoNLL-2003 file (or the relation classifier on a CoNLL04 one) and write the model
    Train {
        /// Training data (token POS chunk NER columns, IOB1 tags), e.g. eng.train; with --relations, CoNLL04 JSON
        file: PathBuf,
        /// Model file to write (ship it as data/model/ner.bin, or relations.bin)
        #[arg(long, short = 'o')]
        output: PathBuf,
        /// Passes over the data [default: 12, or 10 with --relations]
        #[arg(long)]
        epochs: Option<usize>,
        /// Train the relation classifier on CoNLL04 sentences
        #[arg(long)]
        relations: bool,
        /// Train the tagger and dependency parser on a CoNLL-U treebank (ship it as data/model/parser.bin)
        #[arg(long, conflicts_with = "relations")]
        parser: bool,
        /// Name tagger: also learn from the entity tags of a CoNLL04 JSON file (Peop, Loc, Org)
        #[arg(long, value_name = "FILE", conflicts_with_all = ["relations", "parser"])]
        conll04: Option<PathBuf>,
    },
    /// Merge graphs built from disjoint parts of a corpus into one
    Merge {
        /// Graphs written by `newsgraph build` (JSON), no document in two of them
        #[arg(required = true)]
        graphs: Vec<PathBuf>,
        #[command(flatten)]
        out: GraphOutput,
        /// Evidence kept per edge: a number or "all" (use the value the parts were built with)
        #[arg(long, default_value = "5", value_parser = parse_evidence)]
        evidence: EvidenceLimit,
        #[command(flatten)]
        resolution: ResolutionArgs,
    },
    /// Convert the field's dictionaries into lexicon files (for --lexicon DIR)
    Convert {
        #[command(subcommand)]
        source: ConvertSource,
    },
    /// Convert a graph (JSON) to another format
    Export {
        /// A graph written by `newsgraph build` (JSON)
        graph: PathBuf,
        #[command(flatten)]
        out: GraphOutput,
    },
}

/// Whether the finished graph is resolved across documents.
#[derive(clap::Args)]
struct ResolutionArgs {
    /// Keep persons named by a surname alone ("Ms Kowalczyk") apart from the
    /// one full name the corpus gives for it ("Anna Kowalczyk")
    #[arg(long)]
    no_corpus_resolution: bool,
}

impl ResolutionArgs {
    fn apply(&self, graph: &mut KnowledgeGraph) {
        if !self.no_corpus_resolution {
            newsgraph::crossdoc::resolve_surnames(graph);
        }
    }
}

#[derive(Subcommand)]
enum ConvertSource {
    /// PETRARCH2 dictionaries (CAMEO.2.0.txt or PETR.Validate.verbs.txt) in SRC_DIR
    /// → cameo_verbs.tsv in OUT_DIR
    Petrarch {
        src_dir: PathBuf,
        out_dir: PathBuf,
        /// Every verb and form, without the filters for news (for PETRARCH's unit tests)
        #[arg(long)]
        all_verbs: bool,
    },
}

#[derive(Subcommand)]
enum Gold {
    /// CoNLL-2003 named entities (token POS chunk NER columns, IOB1 tags)
    Conll { file: PathBuf },
    /// CoNLL04 relations (JSON: tokens, BILOU tags, relations)
    Conll04 { file: PathBuf },
    /// PLOVER gold-standard event records (JSON)
    Plover { file: PathBuf },
    /// Reader goldens: each NAME.gold.json under DIR scored against the graph of NAME.txt under DIR
    Articles { dir: PathBuf },
    /// PETRARCH unit-test records (XML): codings found exactly, with the lexicons of --lexicon DIR
    Petrarch { file: PathBuf },
    /// A Universal Dependencies treebank (CoNLL-U): the tagger's and parser's UPOS, UAS and LAS
    Ud { file: PathBuf },
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
    /// Entities named by a surname or a title and a surname ("Mr Blair"),
    /// with the full-name entities they may stand for ("Tony Blair")
    Duplicates {
        /// Only this kind (default person)
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

fn parse_jobs(s: &str) -> Result<usize, String> {
    match s.parse() {
        Ok(jobs) if (1..=MAX_JOBS).contains(&jobs) => Ok(jobs),
        _ => Err(format!("expected a number of threads from 1 to {MAX_JOBS}, got {s:?}")),
    }
}

/// A command line that parses but cannot be carried out as asked.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Usage(String);

fn usage(message: impl Into<String>) -> anyhow::Error {
    Usage(message.into()).into()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match check(&cli).and_then(|()| run(cli)) {
        Ok(code) => code,
        Err(error) => {
            let broken_pipe = error
                .chain()
                .filter_map(|e| e.downcast_ref::<std::io::Error>())
                .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: error: {}", message(&error));
            let usage = error.downcast_ref::<Usage>().is_some();
            ExitCode::from(if usage { EXIT_USAGE } else { EXIT_ERROR })
        }
    }
}

/// The error and its causes, leaving out a cause the message before it
/// already ends with (the library's errors show their source themselves).
fn message(error: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in error.chain() {
        let cause = cause.to_string();
        if !text.ends_with(&cause) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&cause);
        }
    }
    text
}

/// Checks what clap cannot before any work starts: a mistake found after an
/// hour's build would cost the hour. (Outputs that would overwrite an input
/// read from a folder are found when the folder is walked.)
fn check(cli: &Cli) -> Result<()> {
    match &cli.command {
        Command::Build { out, .. } => out.format().map(drop),
        Command::Query { graph: Some(graph), pipeline, .. }
            if pipeline.lexicon.is_some() || pipeline.no_tagger || pipeline.parse =>
        {
            Err(usage(format!("--lexicon, --no-tagger and --parse apply to --input, not to {}", graph.display())))
        }
        Command::Train { file, output, conll04, .. } => refuse_to_overwrite(Some(output), |p| {
            same_file(p, file) || conll04.as_deref().is_some_and(|names| same_file(p, names))
        }),
        Command::Merge { graphs, out, .. } => {
            out.format()?;
            refuse_to_overwrite(out.path(), |p| graphs.iter().any(|g| same_file(p, g)))
        }
        Command::Export { graph, out } => {
            out.format()?;
            refuse_to_overwrite(out.path(), |p| same_file(p, graph))
        }
        _ => Ok(()),
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let quiet = cli.quiet;
    match cli.command {
        Command::Build { input, out, evidence, update, resolution } => {
            build(input, out, evidence, update, &resolution, quiet)
        }
        Command::Extract { input, output, format: ExtractFormat::Jsonl } => extract(input, output.as_deref()),
        Command::Query { graph, input, pipeline, json, question } => {
            let graph = match graph {
                Some(path) => read_graph(&path, EvidenceLimit::default())?,
                None => {
                    let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
                    let pipeline = pipeline.pipeline()?;
                    let runner = Runner { pipeline: &pipeline, batch: 256, strict: false };
                    runner.build(&mut graph, Documents::new(&input), report, |_| {}).map_err(strict_failure)?;
                    newsgraph::crossdoc::resolve_surnames(&mut graph);
                    graph
                }
            };
            answer(&graph, question, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Evaluate { gold, errors, pipeline } => {
            let lexicon = pipeline.lexicon.clone();
            let pipeline = pipeline.pipeline()?;
            let mut out = std::io::BufWriter::new(std::io::stdout());
            match gold {
                Gold::Conll { file } => evaluate_conll(&mut out, &pipeline, &file, errors)?,
                Gold::Conll04 { file } => evaluate_conll04(&mut out, &pipeline, &file, errors)?,
                Gold::Plover { file } => evaluate_plover(&mut out, &pipeline, &file, errors)?,
                Gold::Articles { dir } => {
                    articles::write_report(&mut out, &articles::evaluate(&pipeline, &dir)?, errors)?;
                }
                Gold::Ud { file } => ud::run(&mut out, &file, lexicon.as_deref())?,
                Gold::Petrarch { file } => {
                    let text =
                        std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
                    let records = petrarch::parse(&text).map_err(|e| anyhow!("{}: {e}", file.display()))?;
                    let report = petrarch::evaluate(&pipeline, &records);
                    petrarch::write_report(&mut out, &file.display().to_string(), &report, errors)?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { file, output, epochs, relations, parser, conll04 } => {
            train_command::train(&file, &output, epochs, (relations, parser), conll04.as_deref(), quiet)
        }
        Command::Merge { graphs, out, evidence, resolution } => merge(&graphs, &out, evidence, &resolution),
        Command::Convert { source: ConvertSource::Petrarch { src_dir, out_dir, all_verbs } } => {
            use newsgraph::convert::Filters;
            let filters = if all_verbs { Filters::None } else { Filters::News };
            let converted = newsgraph::convert::petrarch_with(&src_dir, &out_dir, filters)?;
            if !quiet {
                eprint!("{converted}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { graph, out } => {
            out.write(&read_graph(&graph, EvidenceLimit::All)?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn build(
    input: InputArgs,
    out: GraphOutput,
    evidence: EvidenceLimit,
    update: Option<PathBuf>,
    resolution: &ResolutionArgs,
    quiet: bool,
) -> Result<ExitCode> {
    let documents = Documents::new(&input.paths);
    // The graph being updated may be rewritten in place: it is read before anything is written.
    refuse_to_overwrite(out.path(), |p| documents.reads_file(p))?;
    let mut graph = match &update {
        Some(path) => read_graph(path, evidence)?,
        None => KnowledgeGraph::new(evidence),
    };
    let started = Instant::now();
    let progress = progress_bar(documents.total_bytes(), quiet);
    let summary = with_pool(input.jobs, || {
        let pipeline = input.pipeline.pipeline()?;
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
    resolution.apply(&mut graph);
    out.write(&graph)?;
    if !quiet {
        print_summary(&summary, &graph, started);
    }
    std::mem::forget(graph); // The process ends: freeing it cost 6.5 M instructions on BBC (callgrind).
    Ok(exit_for(&summary))
}

fn print_summary(summary: &Summary, graph: &KnowledgeGraph, started: Instant) {
    let elapsed = started.elapsed().as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    let repaired = if summary.repaired > 0 { format!(", {} repaired", summary.repaired) } else { String::new() };
    let already_present = if summary.already_present > 0 {
        format!(", {} already in the graph", summary.already_present)
    } else {
        String::new()
    };
    eprintln!(
        "newsgraph: {} ({mb:.1} MB), {}, {}, {}{repaired}{already_present}, {elapsed:.2}s ({:.1} MB/s){}",
        count(summary.documents, "document", "documents"),
        count(graph.node_count(), "entity", "entities"),
        count(graph.edge_count(), "edge", "edges"),
        count(summary.problems, "skipped input", "skipped inputs"),
        mb / elapsed.max(1e-9),
        peak_memory().map_or(String::new(), |m| format!(", peak memory {m} MB")),
    );
}

fn extract(input: InputArgs, output: Option<&Path>) -> Result<ExitCode> {
    let documents = Documents::new(&input.paths);
    let output = output_path(output);
    refuse_to_overwrite(output, |p| documents.reads_file(p))?;
    let mut out = open_output(output)?;
    let mut write_error = None;
    let summary = with_pool(input.jobs, || {
        let pipeline = input.pipeline.pipeline()?;
        let runner = Runner { pipeline: &pipeline, batch: 256, strict: input.strict };
        runner
            .run(
                documents,
                |_| false,
                report,
                |doc, extraction| {
                    if write_error.is_none()
                        && let Err(e) = write_extraction(doc, &extraction, &mut out)
                    {
                        write_error = Some(e);
                    }
                    Ok(())
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

/// Merges graphs of disjoint documents: a document in two of them would be
/// counted twice, so it stops the merge, naming both graphs.
fn merge(
    graphs: &[PathBuf],
    out: &GraphOutput,
    evidence: EvidenceLimit,
    resolution: &ResolutionArgs,
) -> Result<ExitCode> {
    let mut merged = KnowledgeGraph::new(evidence);
    let mut read_from: std::collections::HashMap<String, &Path> = std::collections::HashMap::new();
    for path in graphs {
        let part = read_graph(path, evidence)?;
        if let Some(id) = merged.shared_document(&part) {
            bail!(
                "document {id:?} is in both {} and {}: merge joins graphs of disjoint documents \
                 (to add documents to a graph, use build --update)",
                read_from[id].display(),
                path.display()
            );
        }
        read_from.extend(part.documents().map(|d| (d.id.clone(), path.as_path())));
        merged.merge(part)?;
    }
    resolution.apply(&mut merged);
    out.write(&merged)?;
    Ok(ExitCode::SUCCESS)
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

fn evaluate_conll04(out: &mut dyn Write, pipeline: &Pipeline, file: &Path, errors: usize) -> Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let sentences = conll04::parse(&text).map_err(|e| anyhow!("{}: not CoNLL04 data: {e}", file.display()))?;
    if sentences.is_empty() {
        bail!("{}: no CoNLL04 sentences found", file.display());
    }
    let started = Instant::now();
    let report = conll04::evaluate(pipeline, &sentences);
    let seconds = started.elapsed().as_secs_f64();
    let relations = report.gold_relations();
    writeln!(out, "{}: {} sentences, {relations} gold relations, {seconds:.2}s", file.display(), report.sentences)?;
    report.write(out, errors)?;
    Ok(())
}

fn evaluate_plover(out: &mut dyn Write, pipeline: &Pipeline, file: &Path, errors: usize) -> Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let records = plover::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = plover::evaluate(pipeline, &records);
    writeln!(out, "{}: {} records with a source and a target", file.display(), report.records)?;
    report.write(out, errors)?;
    Ok(())
}

fn report(problem: &InputProblem) {
    let what = if problem.repaired { "repaired" } else { "skipped" };
    eprintln!("newsgraph: {what} {problem}");
}

fn strict_failure(problem: InputProblem) -> anyhow::Error {
    anyhow::anyhow!("{problem} (stopped by --strict)")
}

fn exit_for(summary: &Summary) -> ExitCode {
    if summary.problems + summary.repaired > 0 { ExitCode::from(EXIT_PARTIAL) } else { ExitCode::SUCCESS }
}

fn with_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs);
    }
    builder.build().context("starting worker threads")?.install(work)
}

fn read_graph(path: &Path, limit: EvidenceLimit) -> Result<KnowledgeGraph> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read graph {}", path.display()))?;
    Ok(from_json(&path.display().to_string(), &text, limit)?)
}

/// The output file named by `-o`; none (stdout) for `-o -`.
fn output_path(output: Option<&Path>) -> Option<&Path> {
    output.filter(|p| p.as_os_str() != "-")
}

/// True if both paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writing the output must not destroy an input.
fn refuse_to_overwrite(output: Option<&Path>, is_input: impl Fn(&Path) -> bool) -> Result<()> {
    match output {
        Some(path) if is_input(path) => {
            Err(usage(format!("the output {} is one of the inputs; write it elsewhere", path.display())))
        }
        _ => Ok(()),
    }
}

fn open_output(path: Option<&Path>) -> Result<Box<dyn Write + Send>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    })
}

fn answer(graph: &KnowledgeGraph, question: Question, json: bool) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match question {
        Question::Entities { kind } => {
            let rows = query::entities(graph, kind);
            if json { print::json(&mut out, &rows) } else { print::entities(&mut out, rows) }
        }
        Question::Duplicates { kind } => {
            let answer = query::duplicates(graph, kind);
            if json { print::json(&mut out, &answer) } else { print::duplicates(&mut out, &answer) }
        }
        Question::Show { name } => {
            let record = query::show(graph, &name)?;
            if json { print::json(&mut out, &record) } else { print::record(&mut out, &record) }
        }
        Question::Relations { relation, from, to } => {
            let rows = query::relations(graph, relation.as_deref(), from.as_deref(), to.as_deref())?;
            if json { print::json(&mut out, &rows) } else { print::relations(&mut out, &rows) }
        }
        Question::Neighbors { name, relation, direction } => {
            let way = match direction {
                Direction::In => Way::In,
                Direction::Out => Way::Out,
                Direction::Both => Way::Both,
            };
            let rows = query::neighbors(graph, &name, relation.as_deref(), way)?;
            if json { print::json(&mut out, &rows) } else { print::relations(&mut out, &rows) }
        }
        Question::Path { from, to } => {
            let rows = query::path(graph, &from, &to)?;
            if json { print::json(&mut out, &rows) } else { print::path(&mut out, &rows) }
        }
    }?;
    out.flush()?;
    Ok(())
}
