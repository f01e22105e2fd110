//! Infrastructure faults against real nats-server processes, with the real binary:
//! the server restarted mid-stream (file storage, same store and port), one node of a
//! 3-node JetStream cluster (R3 streams and KV) stopped mid-stream, and a full output
//! stream (discard new) holding the worker back: it waits with bounded memory, then
//! catches up. Nothing lost, nothing doubled.

mod reliability_support;

use reliability_support::*;
use std::time::{Duration, Instant};

/// One fault at a time: each test runs its own servers and a worker on two cores, and
/// timing-sensitive faults (leader elections) are what they measure.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nats_server_restart_mid_stream_loses_nothing() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let (dir, mut server) = single_server();
    let env = worker_env(&server.url(), &[]);
    let log = dir.path().join("worker.log");
    let mut worker = BinWorker::spawn(&env, &log);
    let js = async_nats::jetstream::new(client(&server.url()).await);
    wait_consumer(&js, Duration::from_secs(60)).await;
    let articles = corpus_articles(300);
    let (first, rest) = articles.split_at(150);
    publish_articles(&js, first).await;
    tokio::time::sleep(Duration::from_millis(700)).await;

    server.kill();
    tokio::time::sleep(Duration::from_secs(2)).await;
    server.start();
    // The worker survived the outage and reconnected on its own.
    assert!(worker.exited().is_none(), "the worker kept running");
    let js = async_nats::jetstream::new(client(&server.url()).await);
    publish_articles(&js, rest).await;
    wait_idle(&js, articles.len() as u64, Duration::from_secs(180)).await;
    assert_nothing_lost(&js, &articles, "server restart").await;
    assert!(worker.exited().is_none(), "the worker kept running");
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(text.contains("disconnected"), "the outage was seen");
    assert_eq!(worker.terminate(), Some(0));
}

/// Three servers with routes to each other; returns them once JetStream has a leader.
async fn cluster(dir: &std::path::Path) -> Vec<Server> {
    let client_ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    let route_ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    let routes: Vec<String> = route_ports
        .iter()
        .map(|p| format!("\"nats://127.0.0.1:{p}\""))
        .collect();
    let servers: Vec<Server> = (0..3)
        .map(|i| {
            let conf = format!(
                "server_name: n{i}\ncluster {{ name: rel, listen: 127.0.0.1:{}, routes: [{}] }}",
                route_ports[i],
                routes.join(", ")
            );
            Server::with_conf(dir, client_ports[i], &conf)
        })
        .collect();
    let js = async_nats::jetstream::new(client(&servers[0].url()).await);
    let deadline = Instant::now() + Duration::from_secs(60);
    while js.query_account().await.is_err() {
        assert!(Instant::now() < deadline, "cluster jetstream not ready");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    servers
}

// Once flaky (issue 5): the KV bucket answered reads from lagging followers, and the
// leader elections after the loss used up articles' deliveries; see README Reliability.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cluster_node_stopped_mid_stream_loses_nothing() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut nodes = cluster(dir.path()).await;
    let urls: Vec<String> = nodes.iter().map(Server::url).collect();
    let env = worker_env(
        &urls.join(","),
        &[
            ("NEWSEVENTS__STREAMS__REPLICAS", "3"),
            ("NEWSEVENTS__STATE__REPLICAS", "3"),
        ],
    );
    let worker = BinWorker::spawn(&env, &dir.path().join("worker.log"));
    // Publish and watch through node 2; node 0 goes down.
    let js = async_nats::jetstream::new(client(&urls[2]).await);
    wait_consumer(&js, Duration::from_secs(60)).await;
    // The worker opens its state bucket, then turns direct gets off: reads go to the
    // stream leader only (a follower's direct get may be a moment stale).
    let deadline = Instant::now() + Duration::from_secs(60);
    let kv_config = loop {
        if let Ok(kv) = js.get_key_value("newsevents_state").await {
            if let Ok(status) = kv.status().await {
                if !status.info.config.allow_direct {
                    break status.info.config;
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "worker opened no state bucket read at its leader"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(kv_config.num_replicas, 3, "R3 KV");
    let mut info = js.get_stream("NEWS_EVENTS").await.expect("events stream");
    let replicas = info.info().await.expect("info").config.num_replicas;
    assert_eq!(replicas, 3, "R3 streams");

    let articles = corpus_articles(300);
    let (first, rest) = articles.split_at(150);
    let started = Instant::now();
    publish_articles(&js, first).await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    nodes[0].kill();
    publish_articles(&js, rest).await;
    wait_idle(&js, articles.len() as u64, Duration::from_secs(180)).await;
    let ledger = assert_nothing_lost(&js, &articles, "node stopped").await;
    eprintln!(
        "cluster: {} articles, node n0 stopped after {}, {} revisions of {} events, \
         0 lost, 0 doubled, idle after {:?}",
        articles.len(),
        first.len(),
        ledger.messages,
        ledger.finals.len(),
        started.elapsed()
    );
    assert_eq!(worker.terminate(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_output_stream_holds_the_worker_back_with_bounded_memory() {
    let _serial = ONE_AT_A_TIME.lock().await;
    let (_dir, server) = single_server();
    let js = async_nats::jetstream::new(client(&server.url()).await);
    // NEWS_EVENTS created beforehand, tiny and rejecting new messages when full.
    let events = async_nats::jetstream::stream::Config {
        name: "NEWS_EVENTS".into(),
        subjects: vec!["news.events.v1.>".into()],
        max_messages: 40,
        discard: async_nats::jetstream::stream::DiscardPolicy::New,
        duplicate_window: Duration::from_secs(300),
        storage: async_nats::jetstream::stream::StorageType::File,
        ..Default::default()
    };
    js.create_stream(events.clone())
        .await
        .expect("events stream");
    let env = worker_env(
        &server.url(),
        &[
            ("NEWSEVENTS__WORKER__MAX_DELIVER", "50"),
            ("NEWSEVENTS__WORKER__BACKOFF", "500ms"),
            ("NEWSEVENTS__WORKER__MAX_IN_FLIGHT", "64"),
            ("NEWSEVENTS__WORKER__BATCH_SIZE", "32"),
        ],
    );
    let log = std::env::temp_dir().join("newsevents-reliability-full-output.log");
    let _ = std::fs::remove_file(&log);
    let worker = BinWorker::spawn(&env, &log);
    wait_consumer(&js, Duration::from_secs(60)).await;
    let articles = corpus_articles(600);
    publish_articles(&js, &articles).await;

    // Blocked: the output is full; the worker holds at most its bounded window.
    let mut peak_ack_pending = 0;
    let blocked_until = Instant::now() + Duration::from_secs(8);
    let stream = js.get_stream("NEWS_ARTICLES").await.expect("articles");
    while Instant::now() < blocked_until {
        let c = stream.consumer_info("newsevents").await.expect("consumer");
        peak_ack_pending = peak_ack_pending.max(c.num_ack_pending);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let c = stream.consumer_info("newsevents").await.expect("consumer");
    assert!(
        c.num_pending > 0,
        "articles wait in the stream, not in the worker"
    );
    assert!(
        peak_ack_pending <= 2 * (64 + 32),
        "in flight bounded: {peak_ack_pending}"
    );
    let blocked_rss = worker.peak_rss_kb().unwrap_or(0);

    // Room downstream again: the worker catches up with nothing lost.
    js.update_stream(async_nats::jetstream::stream::Config {
        max_messages: -1,
        ..events
    })
    .await
    .expect("unblock events stream");
    wait_idle(&js, articles.len() as u64, Duration::from_secs(300)).await;
    assert_nothing_lost(&js, &articles, "full output").await;
    let peak = worker.peak_rss_kb().unwrap_or(0);
    eprintln!(
        "slow downstream: peak ack pending {peak_ack_pending}, peak rss blocked {blocked_rss} kB, \
         overall {peak} kB"
    );
    assert!(peak > 0 && peak < 1_000_000, "peak rss {peak} kB");
    assert_eq!(worker.terminate(), Some(0));
}
