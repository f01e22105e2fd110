//! Profiling helper: loops extraction over a corpus (default: the dev corpus) for `perf`.
//!
//! Run: `cargo run --release --example extract_loop -- [FILE] [ROUNDS]`; under `perf stat`
//! the task clock gives a figure that a loaded machine disturbs less than wall time.

use newsevents::cli::extract::articles_of;
use newsevents::geo::Gazetteer;
use newsevents::pipeline::extract::Extractor;
use std::time::Instant;

#[global_allocator]
static GLOBAL: newsevents::alloc::Allocator = newsevents::alloc::Allocator;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "/work/shared/dev/corpus/articles.jsonl".to_string());
    let want: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(500);
    let bytes = std::fs::read(&path).expect("corpus");
    let articles = articles_of(&path, &bytes).expect("articles");
    let body: usize = articles.iter().map(|a| a.body.len()).sum();
    // read by benches/instructions.sh
    println!("{} articles, {body} body bytes", articles.len());
    let g: &'static Gazetteer = Gazetteer::global();
    let extractor = Extractor::new(g);
    let c0 = cpu_secs();
    let t0 = Instant::now();
    let (mut rounds, mut events) = (0u64, 0usize);
    while rounds < want {
        events += articles
            .iter()
            .map(|a| extractor.extract(a).len())
            .sum::<usize>();
        rounds += 1;
    }
    let dt = t0.elapsed().as_secs_f64();
    let cpu = cpu_secs() - c0;
    let mib = (body as f64 * rounds as f64) / (1024.0 * 1024.0);
    let n = articles.len() as f64 * rounds as f64;
    println!(
        "{rounds} rounds, {events} events; wall: {:.2} MiB/s, {:.0} articles/s; \
         cpu: {:.2} MiB/s, {:.0} articles/s",
        mib / dt,
        n / dt,
        mib / cpu,
        n / cpu
    );
}

/// User + system CPU time of this process, from /proc (Linux; 0 elsewhere).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |x| x.1);
    let f: Vec<f64> = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    f.iter().sum::<f64>() / 100.0
}
