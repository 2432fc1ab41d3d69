//! Per-stage benchmarks over the sample articles: `cargo bench`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::export::{to_dot, to_json};
use newsgraph::extract::Pipeline;
use newsgraph::graph::{EvidenceLimit, KnowledgeGraph};
use newsgraph::input::{Document, Documents};
use newsgraph::text::{analyze, split_sentences, tokenize};

/// The allocator of the `newsgraph` binary, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn samples() -> Vec<Document> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");
    Documents::new(&[dir]).filter_map(Result::ok).collect()
}

fn stages(c: &mut Criterion) {
    let docs = samples();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let pipeline = Pipeline::embedded();
    let analyzed: Vec<_> = docs.iter().map(|d| analyze(&d.text, d.body_start..d.text.len())).collect();

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("sentences", |b| {
        b.iter(|| docs.iter().map(|d| split_sentences(&d.text, d.body_start..d.text.len()).len()).sum::<usize>());
    });
    group.bench_function("tokens", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&analyzed)
                .map(|(d, s)| s.iter().map(|s| tokenize(&d.text, s.range.clone()).len()).sum::<usize>())
                .sum::<usize>()
        });
    });
    group.bench_function("mentions", |b| {
        b.iter(|| {
            for (d, s) in docs.iter().zip(&analyzed) {
                black_box(pipeline.mentions(&d.text, s));
            }
        });
    });
    group.bench_function("resolution", |b| {
        b.iter_batched(
            || docs.iter().zip(&analyzed).map(|(d, s)| pipeline.mentions(&d.text, s)).collect::<Vec<_>>(),
            |found| {
                for (f, (d, s)) in found.into_iter().zip(docs.iter().zip(&analyzed)) {
                    black_box(pipeline.resolve(d, s, f));
                }
            },
            BatchSize::SmallInput,
        );
    });
    let resolved: Vec<_> =
        docs.iter().zip(&analyzed).map(|(d, s)| pipeline.resolve(d, s, pipeline.mentions(&d.text, s))).collect();
    group.bench_function("relations", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&analyzed)
                .zip(&resolved)
                .map(|((d, s), r)| pipeline.relations(&d.text, s, r).len())
                .sum::<usize>()
        });
    });
    let extractions: Vec<_> = docs.iter().map(|d| pipeline.extract(d)).collect();
    // The graph takes each extraction over: the copies are made outside the timing.
    group.bench_function("graph", |b| {
        b.iter_batched(
            || extractions.clone(),
            |extractions| {
                let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
                for (d, e) in docs.iter().zip(extractions) {
                    graph.add_extraction(d, e).expect("distinct documents");
                }
                graph.edge_count()
            },
            BatchSize::LargeInput,
        );
    });
    let mut graph = KnowledgeGraph::new(EvidenceLimit::default());
    for (d, e) in docs.iter().zip(extractions) {
        graph.add_extraction(d, e).expect("distinct documents");
    }
    group.bench_function("json", |b| b.iter(|| to_json(&graph).len()));
    group.bench_function("dot", |b| b.iter(|| to_dot(&graph).len()));
    group.bench_function("end_to_end", |b| {
        b.iter(|| docs.iter().map(|d| pipeline.extract(d).relations.len()).sum::<usize>());
    });
    group.finish();
}

/// One document of all the samples sixteen times over (1.6 MB): extraction
/// should keep the short documents' speed, not slow down as a document grows.
fn long_document(c: &mut Criterion) {
    let docs = samples();
    let text: String = (0..16).flat_map(|_| docs.iter().map(|d| d.text.as_str())).collect::<Vec<_>>().join("\n\n");
    let long = Document { id: "long".into(), text, ..Default::default() };
    let pipeline = Pipeline::embedded();
    let mut group = c.benchmark_group("long_document");
    group.throughput(Throughput::Bytes(long.text.len() as u64));
    group.sample_size(10);
    group.bench_function("end_to_end", |b| b.iter(|| pipeline.extract(&long).relations.len()));
    group.finish();
}

criterion_group!(benches, stages, long_document);
criterion_main!(benches);
