//! End-to-end throughput and memory benchmark.
//!
//! `cargo run --release --example bench -- --mb 200` writes a JSONL corpus of
//! about 200 MB made of the articles in `data/samples/` (each copy with its own
//! id and date), then builds the graph from it with one and with two threads,
//! each run in a fresh process, `--runs` times (default 3), and prints the
//! median and fastest MB/s and tokens/s, and the highest peak RSS.
//! Reading, extraction, graph and JSON export are all inside the timing.
//! `-- --mb 200 --write-corpus FILE` only writes the corpus.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use newsgraph::corpus::Runner;
use newsgraph::export::to_json;
use newsgraph::extract::Pipeline;
use newsgraph::graph::{EvidenceLimit, KnowledgeGraph};
use newsgraph::input::Documents;

/// The allocator of the `newsgraph` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    if let Some(corpus) = value("--child") {
        let jobs: usize = value("--jobs").and_then(|j| j.parse().ok()).unwrap_or(1);
        child(Path::new(&corpus), jobs);
        return;
    }
    let mb: u64 = value("--mb").and_then(|m| m.parse().ok()).unwrap_or(50);
    if let Some(path) = value("--write-corpus") {
        // For comparisons of two builds' output on the bench corpus (scripts/byte-identity).
        let (docs, _) = write_corpus(&PathBuf::from(&path), mb * 1_000_000);
        println!("corpus: {path} ({docs} documents)");
        return;
    }
    let runs: usize = value("--runs").and_then(|r| r.parse().ok()).unwrap_or(3).max(1);
    let corpus = std::env::temp_dir().join(format!("newsgraph-bench-{mb}mb.jsonl"));
    let (docs, tokens) = write_corpus(&corpus, mb * 1_000_000);
    let bytes = std::fs::metadata(&corpus).map_or(0, |m| m.len());
    println!("corpus: {} ({docs} documents, {:.1} MB, {tokens} tokens)", corpus.display(), bytes as f64 / 1e6);
    let me = std::env::current_exe().expect("own path");
    // Runs alternate between one and two threads, so that a slow spell of a
    // shared machine slows both rather than one.
    let mut results: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (jobs, result) in [1, 2].into_iter().zip(&mut results) {
            let out = Command::new(&me)
                .args(["--child", &corpus.display().to_string(), "--jobs", &jobs.to_string()])
                .output()
                .expect("benchmark child runs");
            let line = String::from_utf8_lossy(&out.stdout);
            let fields: Vec<f64> = line.split_whitespace().filter_map(|f| f.parse().ok()).collect();
            let [seconds, peak] = fields[..] else {
                eprintln!("child failed: {}", String::from_utf8_lossy(&out.stderr));
                std::process::exit(1);
            };
            result.push((seconds, peak));
        }
    }
    println!("{runs} runs each; MB/s and tokens/s of the median run, and of the fastest in brackets");
    println!("{:>5} {:>9} {:>14} {:>20} {:>9}", "jobs", "seconds", "MB/s", "tokens/s", "peak MB");
    for (jobs, result) in [1, 2].into_iter().zip(&mut results) {
        result.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (fastest, median) = (result[0].0, result[result.len() / 2].0);
        let peak = result.iter().map(|r| r.1).fold(0.0, f64::max);
        let mb_s = |s: f64| bytes as f64 / 1e6 / s;
        let tokens_s = |s: f64| tokens as f64 / s;
        println!(
            "{jobs:>5} {median:>9.2} {:>14} {:>20} {peak:>9.0}",
            format!("{:.1} ({:.1})", mb_s(median), mb_s(fastest)),
            format!("{:.0} ({:.0})", tokens_s(median), tokens_s(fastest)),
        );
    }
    std::fs::remove_file(&corpus).ok();
}

/// Repeats the sample articles as JSONL until `target` bytes; returns (documents, tokens).
fn write_corpus(path: &PathBuf, target: u64) -> (u64, u64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let samples: Vec<String> = Documents::new(&[dir.display().to_string()])
        .filter_map(Result::ok)
        .map(|d| d.text[d.body_start..].to_string())
        .collect();
    let tokens_each: Vec<u64> = samples
        .iter()
        .map(|t| newsgraph::text::analyze(t, 0..t.len()).iter().map(|s| s.tokens.len() as u64).sum())
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("corpus file"));
    let (mut written, mut docs, mut tokens) = (0u64, 0u64, 0u64);
    while written < target {
        for (text, n) in samples.iter().zip(&tokens_each) {
            let date = format!("20{:02}-{:02}-{:02}", 10 + docs % 15, 1 + docs % 12, 1 + docs % 28);
            let line = serde_json::json!({"id": format!("bench-{docs}"), "date": date, "text": text}).to_string();
            writeln!(out, "{line}").expect("corpus written");
            written += line.len() as u64 + 1;
            docs += 1;
            tokens += n;
        }
    }
    (docs, tokens)
}

fn child(corpus: &Path, jobs: usize) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build().expect("thread pool");
    let started = Instant::now();
    let json = pool.install(|| {
        let pipeline = Pipeline::embedded();
        let runner = Runner { pipeline: &pipeline, batch: 256, strict: false };
        let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
        runner
            .build(&mut graph, Documents::new(&[corpus.display().to_string()]), |_| {}, |_| {})
            .expect("corpus reads");
        to_json(&graph)
    });
    let seconds = started.elapsed().as_secs_f64();
    std::hint::black_box(json);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    println!("{seconds} {}", peak_kb / 1024.0);
}
