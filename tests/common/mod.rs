//! Test harness: a real `nats-server` with JetStream on a free port and a temp store
//! directory, killed on drop; helpers to start workers and read streams. Every wait is
//! bounded by a timeout.
#![allow(dead_code)]

use async_nats::jetstream::{self, consumer::pull, consumer::DeliverPolicy};
use futures::StreamExt;
use newsevents::config::Config;
use std::collections::HashMap;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// How long any single wait in a test may take.
pub const WAIT: Duration = Duration::from_secs(30);

/// A nats-server child process with JetStream.
pub struct NatsServer {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl NatsServer {
    /// Starts `nats-server` (from PATH, or `$NATS_SERVER_BIN`) and waits until it accepts
    /// connections.
    pub fn start() -> NatsServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let conf = dir.path().join("nats.conf");
        // Room for the 3 MB too-large probe, which must reach the worker to be rejected.
        std::fs::write(&conf, "max_payload: 8MB\n").expect("write nats.conf");
        let bin = std::env::var("NATS_SERVER_BIN").unwrap_or_else(|_| "nats-server".into());
        let child = Command::new(&bin)
            .arg("-c")
            .arg(&conf)
            .args(["-a", "127.0.0.1", "-p", &port.to_string(), "-js", "-sd"])
            .arg(dir.path().join("js"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} (install nats-server 2.11+): {e}"));
        let server = NatsServer {
            child,
            port,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nats-server did not start on {port}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        server
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    pub async fn client(&self) -> async_nats::Client {
        tokio::time::timeout(WAIT, async_nats::connect(self.url()))
            .await
            .expect("connect timeout")
            .expect("connect")
    }

    pub async fn jetstream(&self) -> jetstream::Context {
        jetstream::new(self.client().await)
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fast worker config for tests: short retries and ack wait, no HTTP, plus `extra`
/// environment overrides (`NEWSEVENTS__...`).
pub fn test_config(url: &str, extra: &[(&str, &str)]) -> Config {
    let mut env: HashMap<String, String> = [
        ("NEWSEVENTS__NATS__URL", url),
        ("NEWSEVENTS__HTTP__ENABLED", "false"),
        ("NEWSEVENTS__WORKER__ACK_WAIT", "2s"),
        ("NEWSEVENTS__WORKER__BACKOFF", "100ms,200ms"),
        ("NEWSEVENTS__WORKER__MAX_DELIVER", "3"),
        ("NEWSEVENTS__WORKER__SHUTDOWN_GRACE", "10s"),
        ("NEWSEVENTS__WORKER__LAG_POLL_INTERVAL", "200ms"),
        ("NEWSEVENTS__WORKER__PROCESSING_THREADS", "2"),
        ("NEWSEVENTS__STREAMS__DUPLICATE_WINDOW", "1m"),
        ("NEWSEVENTS__LOG__LEVEL", "warn"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    Config::load_from(None, Some(env)).expect("test config is valid")
}

/// A worker on its own runtime, so `kill` can drop it mid-batch like a crashed process.
pub struct WorkerProcess {
    runtime: Option<tokio::runtime::Runtime>,
    shutdown: CancellationToken,
    done: Option<std::sync::mpsc::Receiver<anyhow::Result<()>>>,
}

impl WorkerProcess {
    pub fn start(cfg: Config) -> WorkerProcess {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("worker runtime");
        let shutdown = CancellationToken::new();
        let (tx, rx) = std::sync::mpsc::channel();
        let token = shutdown.clone();
        runtime.spawn(async move {
            let _ = tx.send(newsevents::app::run(cfg, token).await);
        });
        WorkerProcess {
            runtime: Some(runtime),
            shutdown,
            done: Some(rx),
        }
    }

    /// Graceful stop (what SIGTERM does); returns `app::run`'s result.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        self.shutdown.cancel();
        let rx = self.done.take().expect("not stopped yet");
        let result = tokio::task::spawn_blocking(move || rx.recv_timeout(WAIT))
            .await
            .expect("join")
            .expect("worker stopped within the wait");
        // The worker has returned; drop its runtime without blocking, since tokio refuses
        // a blocking runtime shutdown (what `Drop` does) inside this async context.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
        result
    }

    /// Drops every task at once, no acks, no drain: a crash.
    pub fn kill(mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }
}

impl Drop for WorkerProcess {
    fn drop(&mut self) {
        self.shutdown.cancel();
        if let Some(rt) = self.runtime.take() {
            // Blocking shutdown is not allowed inside the test's own runtime.
            rt.shutdown_background();
        }
    }
}

/// Publishes `payload` to `subject` and waits for the PublishAck.
pub async fn publish(js: &jetstream::Context, subject: &str, payload: Vec<u8>) {
    tokio::time::timeout(WAIT, async {
        js.publish(subject.to_string(), payload.into())
            .await
            .expect("publish")
            .await
            .expect("publish ack")
    })
    .await
    .expect("publish timeout");
}

/// Waits until the durable consumer has delivered every article and holds no unacked
/// one (articles waiting for a retry count as unacked).
pub async fn wait_idle(js: &jetstream::Context, stream: &str, durable: &str) {
    let result = tokio::time::timeout(WAIT, async {
        loop {
            if let Ok(mut s) = js.get_stream(stream).await {
                let last = s.info().await.map(|i| i.state.last_sequence).unwrap_or(0);
                if let Ok(info) = s.consumer_info(durable).await {
                    if info.num_pending == 0
                        && info.num_ack_pending == 0
                        && info.ack_floor.stream_sequence >= last
                    {
                        return;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    result.expect("consumer became idle within the wait");
}

/// Every message of `stream` as (subject, headers, payload), read with an ephemeral
/// consumer.
pub async fn read_all(
    js: &jetstream::Context,
    stream: &str,
) -> Vec<(String, Option<async_nats::HeaderMap>, bytes::Bytes)> {
    // Retried (bounded): in a cluster that just lost a node, the JetStream API may time
    // out until a new meta leader is elected.
    let deadline = Instant::now() + WAIT;
    let (count, consumer) = loop {
        let attempt = async {
            let mut s = js.get_stream(stream).await.map_err(|e| e.to_string())?;
            let count = s.info().await.map_err(|e| e.to_string())?.state.messages;
            if count == 0 {
                return Ok((0, None));
            }
            let consumer = s
                .create_consumer(pull::Config {
                    deliver_policy: DeliverPolicy::All,
                    ack_policy: jetstream::consumer::AckPolicy::None,
                    ..Default::default()
                })
                .await
                .map_err(|e| e.to_string())?;
            Ok::<_, String>((count, Some(consumer)))
        };
        match attempt.await {
            Ok(r) => break r,
            Err(e) => {
                assert!(Instant::now() < deadline, "reading {stream}: {e}");
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
        }
    };
    let Some(consumer) = consumer else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut messages = consumer.messages().await.expect("messages");
    while (out.len() as u64) < count {
        let msg = tokio::time::timeout(WAIT, messages.next())
            .await
            .expect("stream read timeout")
            .expect("stream open")
            .expect("message");
        out.push((
            msg.subject.to_string(),
            msg.headers.clone(),
            msg.payload.clone(),
        ));
    }
    out
}

/// Header value as text.
pub fn header(h: &Option<async_nats::HeaderMap>, name: &str) -> Option<String> {
    h.as_ref()?.get(name).map(|v| v.as_str().to_string())
}

/// Path of a file under the shared project material.
pub fn shared(path: &str) -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(path)
}

/// Waits until `cond` holds (polled), failing after [`WAIT`].
pub async fn eventually<F, Fut>(what: &str, mut cond: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let ok = tokio::time::timeout(WAIT, async {
        while !cond().await {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await;
    assert!(ok.is_ok(), "timed out waiting for {what}");
}

pub mod gold;

/// Waits until a worker has created the durable consumer on the articles stream.
pub async fn consumer_ready(js: &jetstream::Context) {
    eventually("the worker to create the durable consumer", || {
        let js = js.clone();
        async move {
            match js.get_stream("NEWS_ARTICLES").await {
                Ok(s) => s.consumer_info("newsevents").await.is_ok(),
                Err(_) => false,
            }
        }
    })
    .await;
}

/// The facts of an event a consumer acts on (order-independence and replica tests).
pub fn event_facts(e: &newsevents::model::Event) -> serde_json::Value {
    let mut sources: Vec<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
    sources.sort_unstable();
    serde_json::json!({
        "type": e.event_type,
        "mode": e.mode,
        "acled": e.acled,
        "location": e.location.as_ref().map(|l| (&l.name, l.geonameid)),
        "date": e.date.as_ref().map(|d| d.value),
        "casualties": e.casualties,
        "mentions": e.mentions,
        "sources": sources,
    })
}

/// One line per event: id, type, place, date, figures and the reports it holds.
pub fn describe(e: &newsevents::model::Event) -> String {
    let mut sources: Vec<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
    sources.sort_unstable();
    let place = e.location.as_ref().map_or("-".to_string(), |l| {
        format!(
            "{} [{}/{}] {:?}",
            l.name,
            l.country,
            l.admin1.as_deref().unwrap_or(""),
            l.geonameid
        )
    });
    let date = e.date.as_ref().map_or("-".to_string(), |d| {
        format!("{:?}:{}", d.precision, d.value)
    });
    format!(
        "{} {} {:?} at {place} on {date} killed {:?} injured {:?} mentions {} from {sources:?}",
        e.event_id,
        e.event_type.as_str(),
        e.mode,
        e.casualties.killed,
        e.casualties.injured,
        e.mentions
    )
}

/// What differs between two runs' final events: events only in one, and events of one id
/// whose facts differ, each described.
pub fn differences(
    base: &[newsevents::model::Event],
    other: &[newsevents::model::Event],
) -> Vec<String> {
    let b: std::collections::BTreeMap<&str, &newsevents::model::Event> =
        base.iter().map(|e| (e.event_id.as_str(), e)).collect();
    let o: std::collections::BTreeMap<&str, &newsevents::model::Event> =
        other.iter().map(|e| (e.event_id.as_str(), e)).collect();
    let mut out = Vec::new();
    for (id, e) in &b {
        match o.get(id) {
            None => out.push(format!("  only in base:  {}", describe(e))),
            Some(x) if event_facts(x) != event_facts(e) => {
                out.push(format!("  facts differ:  {}", describe(e)));
                out.push(format!("           vs:  {}", describe(x)));
            }
            Some(_) => {}
        }
    }
    for (id, e) in &o {
        if !b.contains_key(id) {
            out.push(format!("  only in other: {}", describe(e)));
        }
    }
    out
}
