//! kill -9 of the real `newsevents run` binary while articles flow, restarted each time:
//! every article ends processed (nothing pending, nothing given up, nothing dead-lettered),
//! a downstream consumer counting `event_id:revision` sees every revision 1..max of every
//! event exactly once, and the final events equal an undisturbed run over the same articles.
//!
//! CI size: 1,000 articles, 10 kills. Soak (`scripts/soak.sh`):
//! `NEWSEVENTS_SOAK_ARTICLES=20000 NEWSEVENTS_SOAK_KILLS=20`.
//! `NEWSEVENTS_SOAK_SEED` fixes the kill schedule (printed on every run).

mod reliability_support;

use rand::{Rng, SeedableRng};
use reliability_support::*;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

/// What one run over the articles left behind.
struct RunResult {
    /// Articles whose dedup state is not `Done` (never processed to the end).
    unfinished: Vec<String>,
    /// Events each article produced or joined, from its dedup state.
    placed: BTreeMap<String, usize>,
    /// Events whose latest revision in the dedup state never reached NEWS_EVENTS.
    unpublished: Vec<String>,
    ledger: EventLedger,
    dlq: usize,
    given_up: usize,
    peak_rss_kb: u64,
    elapsed: Duration,
}

/// Publishes `articles` in `kills + 1` chunks, one after each (re)start of the worker,
/// SIGKILLs the worker `kills` times at random points, then lets the last one finish.
async fn run(articles: &[(String, Vec<u8>)], kills: usize, seed: u64) -> RunResult {
    let (_dir, server) = single_server();
    let client = client(&server.url()).await;
    let js = async_nats::jetstream::new(client.clone());
    // Every kill can cost each article in flight one delivery (the server counts a
    // delivery to a worker that died as one): with kills seconds apart an article can
    // meet several dead workers in a row, so `max_deliver` must exceed the kills it may
    // see, as it must exceed the crashes in a row a deployment plans to survive.
    let max_deliver = (kills + 5).to_string();
    let env = worker_env(
        &server.url(),
        &[("NEWSEVENTS__WORKER__MAX_DELIVER", max_deliver.as_str())],
    );
    // Kept after the run (the temp dir is not) for diagnosis.
    let log = std::env::temp_dir().join(format!("newsevents-reliability-kill-{kills}.log"));
    let _ = std::fs::remove_file(&log);
    let given_up = count_max_deliveries(&client).await;
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let started = Instant::now();
    let mut peak_rss_kb = 0;
    let chunk = articles.len().div_ceil(kills + 1).max(1);
    let mut chunks = articles.chunks(chunk);

    let mut worker = BinWorker::spawn(&env, &log);
    wait_consumer(&js, Duration::from_secs(60)).await;
    for k in 0..kills {
        if let Some(c) = chunks.next() {
            publish_articles(&js, c).await;
        }
        // Anywhere from mid-startup to well into the chunk.
        let delay = rng.random_range(200..2_500);
        tokio::time::sleep(Duration::from_millis(delay)).await;
        peak_rss_kb = peak_rss_kb.max(worker.peak_rss_kb().unwrap_or(0));
        assert!(
            worker.exited().is_none(),
            "worker died on its own before kill {k}"
        );
        worker.kill9();
        worker = BinWorker::spawn(&env, &log);
    }
    for c in chunks {
        publish_articles(&js, c).await;
    }
    let limit = Duration::from_secs(120 + articles.len() as u64 / 10);
    wait_idle(&js, articles.len() as u64, limit).await;
    peak_rss_kb = peak_rss_kb.max(worker.peak_rss_kb().unwrap_or(0));
    let elapsed = started.elapsed();
    assert_eq!(worker.terminate(), Some(0), "clean exit on SIGTERM");
    let (unfinished, placed) = unfinished_articles(&js, articles).await;
    let ledger = EventLedger::read(&js).await;
    let unpublished = unpublished_state(&js, &ledger).await;
    let dlq = read_stream(&js, "NEWS_DLQ").await.len();
    let given_up = given_up.load(std::sync::atomic::Ordering::SeqCst);
    drop(server);
    RunResult {
        placed,
        unfinished,
        unpublished,
        ledger,
        dlq,
        given_up,
        peak_rss_kb,
        elapsed,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_loses_and_doubles_nothing() {
    let n = env_usize("NEWSEVENTS_SOAK_ARTICLES", 1_000);
    let kills = env_usize("NEWSEVENTS_SOAK_KILLS", 10);
    let seed = std::env::var("NEWSEVENTS_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| rand::rng().random());
    let articles = corpus_articles(n);
    eprintln!("kill -9 test: {n} articles, {kills} kills, seed {seed}");

    let reference = run(&articles, 0, seed).await;
    let killed = run(&articles, kills, seed).await;

    for (name, r) in [("reference", &reference), ("killed", &killed)] {
        eprintln!(
            "{name}: {} event messages, {} events, {} doubled, {} with gaps, dlq {}, \
             given up {}, peak rss {} kB, {:.1}s",
            r.ledger.messages,
            r.ledger.finals.len(),
            r.ledger.doubled.len(),
            r.ledger.gaps.len(),
            r.dlq,
            r.given_up,
            r.peak_rss_kb,
            r.elapsed.as_secs_f64()
        );
        assert!(
            r.unfinished.is_empty(),
            "{name}: unfinished {:?}",
            r.unfinished
        );
        assert!(
            r.unpublished.is_empty(),
            "{name}: state never published {:?}",
            r.unpublished
        );
        assert_eq!(r.dlq, 0, "{name}: no article dead-lettered");
        assert_eq!(r.given_up, 0, "{name}: the server gave up on no article");
        assert!(
            r.ledger.doubled.is_empty(),
            "{name}: doubled {:?}",
            r.ledger.doubled
        );
    }
    assert!(
        !reference.ledger.finals.is_empty(),
        "the corpus yields events (else this test proves nothing)"
    );
    let ids: BTreeSet<String> = articles.iter().map(|(id, _)| id.clone()).collect();
    let sourced = killed.ledger.sourced_articles();
    assert!(sourced.is_subset(&ids));
    // Which events two reports end up merged into depends on the order articles are
    // processed, and concurrent processing orders them differently on every run (two
    // undisturbed runs differ too). What does not depend on order: how many events each
    // article produced or joined.
    let differing: Vec<_> = reference
        .placed
        .iter()
        .filter(|(id, n)| killed.placed.get(*id) != Some(n))
        .map(|(id, n)| format!("{id}: {n} vs {:?}", killed.placed.get(id)))
        .collect();
    eprintln!(
        "final events by content: reference {}, killed {}; articles placing events: {}",
        reference.ledger.content().len(),
        killed.ledger.content().len(),
        reference.placed.values().filter(|n| **n > 0).count()
    );
    assert!(
        differing.is_empty(),
        "every article placed as many events as without kills: {differing:?}"
    );
    // Last, so every check above has run: a consumer counting `event_id:revision` sees
    // every revision of every event.
    for (name, r) in [("reference", &reference), ("killed", &killed)] {
        assert!(
            r.ledger.gaps.is_empty(),
            "{name}: revision gaps {:?}",
            r.ledger.gaps
        );
    }
}
