//! Poison messages: an article whose processing fails every time (the test-only hook
//! `worker.fail_article_ids_for_test`) is retried with the configured backoff
//! `max_deliver` times, then lands in the DLQ with reason and delivery count, while the
//! other articles keep flowing. Runs the real binary.

mod reliability_support;

use reliability_support::*;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_article_is_retried_with_backoff_then_dead_lettered() {
    let (dir, server) = single_server();
    let js = async_nats::jetstream::new(client(&server.url()).await);
    // An id with a line break: it must not be able to forge a DLQ header.
    let evil = "evil\r\nX-Injected: 1";
    let poison_ids = format!("poison-1,{evil}");
    let env = worker_env(
        &server.url(),
        &[
            ("NEWSEVENTS__WORKER__MAX_DELIVER", "4"),
            ("NEWSEVENTS__WORKER__BACKOFF", "300ms,600ms,900ms"),
            ("NEWSEVENTS__WORKER__FAIL_ARTICLE_IDS_FOR_TEST", &poison_ids),
        ],
    );
    let worker = BinWorker::spawn(&env, &dir.path().join("worker.log"));
    wait_consumer(&js, Duration::from_secs(60)).await;

    let mut articles = corpus_articles(60);
    let seed = std::fs::read(shared("fixtures/seed/article.json")).expect("seed article");
    for (i, id) in ["poison-1", evil].iter().enumerate() {
        let mut a: serde_json::Value = serde_json::from_slice(&seed).expect("seed json");
        a["id"] = serde_json::Value::String(id.to_string());
        articles.insert(
            10 + i * 20,
            (id.to_string(), serde_json::to_vec(&a).expect("json")),
        );
    }
    let started = Instant::now();
    publish_articles(&js, &articles).await;
    wait_idle(&js, articles.len() as u64, Duration::from_secs(120)).await;
    let settled = started.elapsed();

    let dlq = read_stream(&js, "NEWS_DLQ").await;
    assert_eq!(
        dlq.len(),
        2,
        "exactly the two poison articles are dead-lettered"
    );
    for id in ["poison-1", evil] {
        let shown_id = id.replace(['\r', '\n'], " ");
        let (subject, headers, payload) = dlq
            .iter()
            .find(|(_, h, _)| {
                header(h, "Newsevents-Article-Id").as_deref() == Some(shown_id.trim())
            })
            .unwrap_or_else(|| panic!("{id:?} in the dlq, with its id sanitized"));
        let original = &articles.iter().find(|(a, _)| a == id).expect("published").1;
        assert_eq!(subject, "news.dlq");
        assert!(payload[..] == original[..], "{id:?}: payload byte for byte");
        assert_eq!(
            header(headers, "Newsevents-Error").as_deref(),
            Some("processing_failed")
        );
        assert_eq!(
            header(headers, "Newsevents-Delivery-Count").as_deref(),
            Some("4")
        );
        let detail = header(headers, "Newsevents-Error-Detail").unwrap_or_default();
        assert!(
            detail.contains("after 4 deliveries") && detail.contains("injected"),
            "{detail}"
        );
        assert!(header(headers, "X-Injected").is_none(), "no forged header");
    }
    // Three nak delays of 300 + 600 + 900 ms lie between first delivery and the DLQ.
    assert!(
        settled >= Duration::from_millis(1_800),
        "retries waited: {settled:?}"
    );

    let ledger = EventLedger::read(&js).await;
    let sourced = ledger.sourced_articles();
    assert!(
        !sourced.contains("poison-1"),
        "a failed article publishes nothing"
    );
    let flowing = articles
        .iter()
        .filter(|(id, _)| id.starts_with("rel-0-") && sourced.contains(id))
        .count();
    assert!(flowing > 0, "the other articles produced events meanwhile");
    assert!(ledger.doubled.is_empty() && ledger.gaps.is_empty());
    assert_eq!(worker.terminate(), Some(0));
}
