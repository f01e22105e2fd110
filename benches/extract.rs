//! Extraction throughput: single-thread MB/s and articles/s over the development corpus
//! with the gazetteer loaded once; also prints the gazetteer load time and the resident
//! memory after loading.
//!
//! Run: `cargo bench --bench extract -- --warm-up-time 1 --measurement-time 5`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsevents::cli::extract::articles_of;
use newsevents::geo::Gazetteer;
use newsevents::model::Article;
use newsevents::pipeline::extract::Extractor;
use std::time::Instant;

/// The allocator of the `newsevents` binary (src/main.rs), so the figures are the
/// binary's: extraction allocates many short-lived strings.
#[global_allocator]
static GLOBAL: newsevents::alloc::Allocator = newsevents::alloc::Allocator;

const CORPUS: &str = "/work/shared/dev/corpus/articles.jsonl";

fn corpus() -> Vec<Article> {
    let path = std::env::var("NEWSEVENTS_BENCH_CORPUS").unwrap_or_else(|_| CORPUS.to_string());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("bench corpus {path}: {e}"));
    articles_of(&path, &bytes).unwrap_or_else(|e| panic!("bench corpus {path}: {e}"))
}

/// Resident set size of this process in kB, from /proc (Linux only).
fn vm_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn bench_extract(c: &mut Criterion) {
    let rss_before = vm_rss_kb();
    let t0 = Instant::now();
    // the instance the extractor's actor tables also read, as in the binary: one load
    let g: &'static Gazetteer = Gazetteer::global();
    let load_time = t0.elapsed();
    let rss_after = vm_rss_kb();
    eprintln!(
        "gazetteer: {} places, load {:.1} ms, VmRSS before {} kB, after load {} kB",
        g.len(),
        load_time.as_secs_f64() * 1e3,
        rss_before.map_or("?".into(), |v| v.to_string()),
        rss_after.map_or("?".into(), |v| v.to_string()),
    );
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    let extractor = Extractor::new(g);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(
        BenchmarkId::new("corpus_bytes", articles.len()),
        &articles,
        |b, arts| {
            b.iter(|| {
                arts.iter()
                    .map(|a| extractor.extract(a).len())
                    .sum::<usize>()
            })
        },
    );
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_with_input(
        BenchmarkId::new("corpus_articles", articles.len()),
        &articles,
        |b, arts| {
            b.iter(|| {
                arts.iter()
                    .map(|a| extractor.extract(a).len())
                    .sum::<usize>()
            })
        },
    );
    group.finish();

    let mut load = c.benchmark_group("gazetteer");
    load.sample_size(10);
    load.bench_function("load", |b| b.iter(Gazetteer::load));
    load.finish();
    eprintln!(
        "VmRSS after benchmarks: {} kB",
        vm_rss_kb().map_or("?".into(), |v| v.to_string())
    );
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
