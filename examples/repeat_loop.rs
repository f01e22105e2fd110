//! Measures how much of extraction's time is the machine learning the text: extracts
//! each article of a corpus K times in a row (K = 1 is the plain round over the corpus)
//! and prints microseconds per article and MB/s for each K.
//!
//! Run: `cargo run --release --example repeat_loop -- [FILE] [K...]` (default: the dev
//! corpus, K = 1 2 5 50). Where K = 50 reads twice K = 1, the difference is branch
//! predictors and caches warming to one article's text, which a stream of new articles
//! never gives: the K = 1 figure is the one to quote.

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
    let mut ks: Vec<usize> = args.filter_map(|s| s.parse().ok()).collect();
    if ks.is_empty() {
        ks = vec![1, 2, 5, 50];
    }
    let bytes = std::fs::read(&path).expect("corpus");
    let articles = articles_of(&path, &bytes).expect("articles");
    let per_article =
        articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / articles.len().max(1) as f64;
    let extractor = Extractor::new(Gazetteer::global());
    extractor.warm_up();
    for k in ks.into_iter().filter(|&k| k > 0) {
        let rounds = (100 / k).max(2);
        let mut n = 0u64;
        let t0 = Instant::now();
        for _ in 0..rounds {
            for a in &articles {
                for _ in 0..k {
                    std::hint::black_box(extractor.extract(a));
                    n += 1;
                }
            }
        }
        let us = t0.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64;
        println!(
            "each article {k:3} times in a row: {us:7.1} us per article, {:5.1} MB/s",
            per_article / us
        );
    }
}
