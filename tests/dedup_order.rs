//! Processing order: replicas and in-flight parallelism apply articles in a different
//! order than they were published; the final events (ids and facts) must not change.

use newsevents::dedup::{DedupConfig, Deduper};
use newsevents::geo::Gazetteer;
use newsevents::model::{Article, Candidate, Event};
use newsevents::pipeline::extract::Extractor;
use std::collections::{BTreeMap, BTreeSet};

mod common;

fn corpus() -> Vec<(Article, Vec<Candidate>)> {
    let bytes = std::fs::read(common::shared("dev/corpus/articles.jsonl")).expect("corpus");
    let articles = newsevents::cli::extract::articles_of("articles.jsonl", &bytes).expect("parse");
    let ex = Extractor::new(Gazetteer::global());
    articles
        .into_iter()
        .map(|a| {
            let c = ex.extract(&a);
            (a, c)
        })
        .collect()
}

/// A permutation that moves each article at most `window - 1` places (seeded).
fn local_shuffle<T: Clone>(v: &[T], window: usize, seed: u64) -> Vec<T> {
    let mut out = v.to_vec();
    let mut s = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    for chunk in out.chunks_mut(window) {
        for i in (1..chunk.len()).rev() {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let j = (s >> 33) as usize % (i + 1);
            chunk.swap(i, j);
        }
    }
    out
}

fn run(feed: &[(Article, Vec<Candidate>)]) -> Vec<Event> {
    let mut d = Deduper::new(DedupConfig::default());
    for (a, c) in feed {
        d.apply(a, c.clone(), a.published_at);
    }
    let mut evs: Vec<Event> = d.events().cloned().collect();
    evs.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    evs
}

/// Share of `base` event ids found in `other`, and share found with the same facts.
fn shared(base: &[Event], other: &[Event]) -> (f64, f64) {
    let by_id: BTreeMap<&str, &Event> = other.iter().map(|e| (e.event_id.as_str(), e)).collect();
    let ids = base
        .iter()
        .filter(|e| by_id.contains_key(e.event_id.as_str()))
        .count();
    let same = base
        .iter()
        .filter(|e| {
            by_id
                .get(e.event_id.as_str())
                .is_some_and(|o| common::event_facts(o) == common::event_facts(e))
        })
        .count();
    let n = base.len().max(1) as f64;
    (ids as f64 / n, same as f64 / n)
}

/// Articles reordered within in-flight-sized windows (up to 32 places: one worker with 16
/// articles in flight, or two of them, do less) end in the same incidents with the same
/// facts under the same ids: merges do not depend on which report came first (a
/// back-reference counts from the later-published report, on either side), facts are
/// chosen by publication time rather than arrival, and ids come from what reports agree
/// on (type, country, day, and for incidents at a site the region), not from the first
/// report. Two incidents of one type, region and day (the Kharkiv strikes of 18 March, a
/// drone at dawn and a glide bomb in the afternoon) are named the same way in every order
/// because every report that tells both tells both (the larger takes the plain name).
///
/// Reordered across days (64 places), a late vague report processed before the first
/// ones may name the incident or stay apart (a follow-up ten days later, dated only
/// "earlier this month" and unplaced, on the El Fasher camp shelling): bounded and printed.
#[test]
fn event_ids_do_not_depend_on_the_order_articles_are_processed_in() {
    let mut feed = corpus();
    feed.sort_by_key(|(a, _)| a.published_at);
    let base = run(&feed);
    assert!(base.len() > 80, "{} events", base.len());
    assert_eq!(run(&feed), base, "one order, one result");
    let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
    for window in [4usize, 8, 16, 32, 64] {
        let mut rates = Vec::new();
        for seed in 0..24u64 {
            let other = run(&local_shuffle(&feed, window, seed));
            rates.push(shared(&base, &other));
            let diff = common::differences(&base, &other);
            if window <= 32 {
                assert!(
                    diff.is_empty(),
                    "seed {seed} window {window}: ids or facts differ\n{}",
                    diff.join("\n")
                );
            }
            if !diff.is_empty() && seen.insert(diff.clone()) {
                eprintln!("seed {seed} window {window}:\n{}", diff.join("\n"));
            }
        }
        let min = rates.iter().map(|r| r.0).fold(1.0, f64::min);
        let fmin = rates.iter().map(|r| r.1).fold(1.0, f64::min);
        let fmean = rates.iter().map(|r| r.1).sum::<f64>() / rates.len() as f64;
        eprintln!(
            "window {window}: {} events; under {} reorderings ids kept: min {min:.3}; ids and facts kept: min {fmin:.3}, mean {fmean:.3}",
            base.len(),
            rates.len()
        );
        assert!(
            fmin >= 0.95,
            "window {window}: min share of ids and facts kept {fmin:.3}"
        );
        assert!(
            fmean >= 0.98,
            "window {window}: mean share of ids and facts kept {fmean:.3}"
        );
    }
}
