//! Dedup alone on the dev corpus: candidates built from the gold mentions (one per gold
//! event per article), fed article by article in publication order; pairwise F1 of
//! "same event_id" against "same cluster", clusters split and incidents merged.
//!
//! Set `DEDUP_CORPUS_OUT=path` to also write the final events for `score.py --gold`.

mod common;

use newsevents::dedup::{DedupConfig, Deduper};

#[test]
fn gold_candidates_dedup_to_the_gold_clusters() {
    let (feed, mentions) = common::gold::corpus();
    let mut d = Deduper::new(DedupConfig::default());
    let started = std::time::Instant::now();
    for (a, cands) in &feed {
        d.apply(a, cands.clone(), a.published_at);
    }
    let elapsed = started.elapsed();
    let events: Vec<_> = d.events().cloned().collect();
    if let Ok(path) = std::env::var("DEDUP_CORPUS_OUT") {
        let lines: Vec<String> = events
            .iter()
            .map(|e| serde_json::to_string(e).expect("json"))
            .collect();
        std::fs::write(path, lines.join("\n") + "\n").expect("write output");
    }
    let score = common::gold::score(&events, &mentions);
    eprintln!(
        "corpus dedup: {} articles in {:?} ({:.1} us/article), {} events, {score:?}, {:?}",
        feed.len(),
        elapsed,
        elapsed.as_secs_f64() * 1e6 / feed.len() as f64,
        events.len(),
        d.stats()
    );
    assert!(
        score.merged.is_empty(),
        "distinct incidents merged: {:?}",
        score.merged
    );
    assert!(score.f1 >= 0.95, "pairwise F1 {:.3} below 0.95", score.f1);
    assert!(score.split.len() <= 1, "clusters split: {:?}", score.split);
}

#[test]
fn feeding_the_corpus_twice_changes_nothing() {
    let (feed, _) = common::gold::corpus();
    let mut d = Deduper::new(DedupConfig::default());
    for (a, cands) in &feed {
        d.apply(a, cands.clone(), a.published_at);
    }
    let before: Vec<_> = d.events().cloned().collect();
    for (a, cands) in &feed {
        assert!(
            d.apply(a, cands.clone(), a.published_at).is_empty(),
            "{}",
            a.id
        );
    }
    let after: Vec<_> = d.events().cloned().collect();
    assert_eq!(before, after);
}
