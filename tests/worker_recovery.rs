//! Nothing lost: a worker killed mid-batch and restarted, a graceful drain, and a poison
//! article retried `max_deliver` times then dead-lettered while others keep flowing.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::time::Duration;

/// The first `n` corpus articles with fresh ids (`<prefix>-<i>`), as payloads. Bodies
/// are not repeated: dedup rightly publishes nothing for a repeated body.
fn corpus(prefix: &str, n: usize) -> Vec<(String, Vec<u8>)> {
    let text = std::fs::read_to_string(shared("dev/corpus/articles.jsonl")).expect("corpus");
    let articles: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        n <= articles.len(),
        "at most {} distinct articles",
        articles.len()
    );
    (0..n)
        .map(|i| {
            let mut a = articles[i % articles.len()].clone();
            let id = format!("{prefix}-{i}");
            a["id"] = serde_json::Value::String(id.clone());
            (id, serde_json::to_vec(&a).expect("json"))
        })
        .collect()
}

async fn acked(js: &async_nats::jetstream::Context) -> u64 {
    let Ok(s) = js.get_stream("NEWS_ARTICLES").await else {
        return 0;
    };
    s.consumer_info("newsevents")
        .await
        .map(|i| i.ack_floor.consumer_sequence)
        .unwrap_or(0)
}

/// Article ids named as sources of the published events.
async fn sourced_ids(js: &async_nats::jetstream::Context) -> BTreeSet<String> {
    read_all(js, "NEWS_EVENTS")
        .await
        .iter()
        .flat_map(|(_, _, p)| {
            let e: newsevents::model::Event = serde_json::from_slice(p).expect("event");
            e.sources.into_iter().map(|s| s.article_id)
        })
        .collect()
}

/// Ids of the articles the offline extractor finds events in.
fn ids_with_events(articles: &[(String, Vec<u8>)]) -> BTreeSet<String> {
    let extractor =
        newsevents::pipeline::extract::Extractor::new(newsevents::geo::Gazetteer::global());
    articles
        .iter()
        .filter(|(_, p)| {
            let a = newsevents::input::parse_article(p, 1 << 20, chrono::Utc::now()).expect("ok");
            !extractor.extract(&a).is_empty()
        })
        .map(|(id, _)| id.clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn worker_killed_mid_batch_then_restarted_loses_nothing() {
    let server = NatsServer::start();
    let js = server.jetstream().await;
    let extra = [
        ("NEWSEVENTS__WORKER__MAX_IN_FLIGHT", "8"),
        ("NEWSEVENTS__WORKER__BATCH_SIZE", "16"),
    ];
    let first = WorkerProcess::start(test_config(&server.url(), &extra));
    consumer_ready(&js).await;
    let articles = corpus("crash", 70);
    for (_, payload) in &articles {
        publish(&js, "news.articles.en.crash", payload.clone()).await;
    }
    eventually("some articles acked", || {
        let js = js.clone();
        async move { acked(&js).await > 0 }
    })
    .await;
    first.kill();

    let second = WorkerProcess::start(test_config(&server.url(), &extra));
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    let info = js
        .get_stream("NEWS_ARTICLES")
        .await
        .expect("stream")
        .consumer_info("newsevents")
        .await
        .expect("consumer")
        .clone();
    assert_eq!(info.ack_floor.stream_sequence, articles.len() as u64);
    assert!(
        read_all(&js, "NEWS_DLQ").await.is_empty(),
        "nothing dead-lettered"
    );
    let want = ids_with_events(&articles);
    let got = sourced_ids(&js).await;
    assert!(
        want.is_subset(&got),
        "every article's events were published"
    );
    second.stop().await.expect("clean stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_drains_in_flight_articles_and_releases_the_rest() {
    let server = NatsServer::start();
    let js = server.jetstream().await;
    let first = WorkerProcess::start(test_config(&server.url(), &[]));
    consumer_ready(&js).await;
    let articles = corpus("drain", 70);
    for (_, payload) in &articles {
        publish(&js, "news.articles.en.drain", payload.clone()).await;
    }
    eventually("some articles acked", || {
        let js = js.clone();
        async move { acked(&js).await > 0 }
    })
    .await;
    first.stop().await.expect("graceful stop");
    // Whatever was delivered was acked (finished) or released (nak): nothing is left
    // for ack_wait (2s). JetStream applies acks asynchronously, hence the short poll.
    let settled = tokio::time::timeout(Duration::from_millis(1500), async {
        loop {
            let stream = js.get_stream("NEWS_ARTICLES").await.expect("stream");
            let info = stream.consumer_info("newsevents").await.expect("consumer");
            if info.num_ack_pending == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(
        settled.is_ok(),
        "articles left unacked after a graceful stop"
    );

    let second = WorkerProcess::start(test_config(&server.url(), &[]));
    tokio::time::timeout(
        Duration::from_secs(10),
        wait_idle(&js, "NEWS_ARTICLES", "newsevents"),
    )
    .await
    .expect("released articles processed at once, not after ack_wait");
    assert!(read_all(&js, "NEWS_DLQ").await.is_empty());
    second.stop().await.expect("clean stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poison_article_is_retried_then_dead_lettered_while_others_flow() {
    let server = NatsServer::start();
    let js = server.jetstream().await;
    let worker = WorkerProcess::start(test_config(
        &server.url(),
        &[("NEWSEVENTS__WORKER__FAIL_ARTICLE_IDS_FOR_TEST", "poison-0")],
    ));
    consumer_ready(&js).await;
    let articles = corpus("poison", 20);
    for (_, payload) in &articles {
        publish(&js, "news.articles.en.poison", payload.clone()).await;
    }
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    let dlq = read_all(&js, "NEWS_DLQ").await;
    assert_eq!(dlq.len(), 1, "only the poison article is dead-lettered");
    let (_, headers, payload) = &dlq[0];
    assert_eq!(
        header(headers, "Newsevents-Error").as_deref(),
        Some("processing_failed")
    );
    assert_eq!(
        header(headers, "Newsevents-Delivery-Count").as_deref(),
        Some("3")
    );
    assert_eq!(
        header(headers, "Newsevents-Article-Id").as_deref(),
        Some("poison-0")
    );
    assert!(payload[..] == articles[0].1[..], "original payload kept");
    let want: BTreeSet<String> = ids_with_events(&articles[1..]);
    assert!(want.is_subset(&sourced_ids(&js).await));
    assert!(!sourced_ids(&js).await.contains("poison-0"));
    worker.stop().await.expect("clean stop");
}
