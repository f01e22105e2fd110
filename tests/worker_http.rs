//! The operations endpoint of a running worker: `/healthz`, `/readyz` once the consumer
//! is bound, and `/metrics` counting what happened.

mod common;

use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Minimal HTTP/1.1 GET: (status, body), or None when nothing listens yet.
async fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await.ok()?;
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())?;
    Some((status, body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_and_metrics() {
    let server = NatsServer::start();
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let worker = WorkerProcess::start(test_config(
        &server.url(),
        &[
            ("NEWSEVENTS__HTTP__ENABLED", "true"),
            ("NEWSEVENTS__HTTP__LISTEN", &listen),
        ],
    ));
    eventually("/healthz", || async move {
        get(port, "/healthz").await.is_some_and(|(s, _)| s == 200)
    })
    .await;
    eventually("/readyz to turn 200", || async move {
        get(port, "/readyz").await.is_some_and(|(s, _)| s == 200)
    })
    .await;

    let js = server.jetstream().await;
    publish(&js, "news.articles.http", b"{\"body\": null}".to_vec()).await;
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    eventually(
        "metrics to count the rejection and read the lag",
        || async move {
            get(port, "/metrics").await.is_some_and(|(s, body)| {
                s == 200
                    && body.contains("newsevents_articles_rejected_total{code=\"missing_body\"}")
                    && body.contains("newsevents_articles_consumed_total")
                    && body.contains("newsevents_consumer_pending")
            })
        },
    )
    .await;
    worker.stop().await.expect("clean stop");
    assert!(
        get(port, "/healthz").await.is_none(),
        "endpoint closed after stop"
    );
}
