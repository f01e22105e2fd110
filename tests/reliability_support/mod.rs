//! Support for the reliability, security and fault tests: nats-server processes with any
//! config (restartable on the same store and port, clusters), the real `newsevents`
//! binary as a child process (SIGKILL, SIGTERM, peak RSS, captured logs), a corpus of
//! unique articles, and checks over the events stream. Every wait is bounded.
#![allow(dead_code)]

use async_nats::jetstream;
use futures::StreamExt;
use newsevents::model::Event;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Path of a file under the shared project material.
pub fn shared(path: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(path)
}

/// Whole-number env var, or `default`.
pub fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn wait_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not listen on {port}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One nats-server process started from a config file; `start` again after `stop`
/// reuses the same port, config and JetStream store directory.
pub struct Server {
    child: Option<Child>,
    pub port: u16,
    pub conf: PathBuf,
    pub dir: PathBuf,
}

impl Server {
    /// Writes `conf_body` (port, `listen` and `store_dir` are added here) into `dir` and
    /// starts the server.
    pub fn with_conf(dir: &Path, port: u16, conf_body: &str) -> Server {
        let conf = dir.join(format!("nats-{port}.conf"));
        let store = dir.join(format!("js-{port}"));
        let text = format!(
            "listen: 127.0.0.1:{port}\nmax_payload: 8MB\n{conf_body}\njetstream {{ store_dir: {:?} }}\n",
            store.display().to_string()
        );
        std::fs::write(&conf, text).expect("write nats conf");
        let mut s = Server {
            child: None,
            port,
            conf,
            dir: dir.to_path_buf(),
        };
        s.start();
        s
    }

    /// (Re)starts the process on the same port and store.
    pub fn start(&mut self) {
        assert!(self.child.is_none(), "server already running");
        let bin = std::env::var("NATS_SERVER_BIN").unwrap_or_else(|_| "nats-server".into());
        let log = self.dir.join(format!("nats-{}.log", self.port));
        let child = Command::new(&bin)
            .arg("-c")
            .arg(&self.conf)
            .args(["-l"])
            .arg(&log)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {bin} (install nats-server 2.11+): {e}"));
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nats-server did not listen on {}: {}",
                self.port,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL, like a crashed node.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// The server's log (for diagnostics).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join(format!("nats-{}.log", self.port)))
            .unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A plain single JetStream server in its own temp dir.
pub fn single_server() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::with_conf(dir.path(), free_port(), "");
    (dir, server)
}

/// Connects to `url` without auth, bounded.
pub async fn client(url: &str) -> async_nats::Client {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match tokio::time::timeout(Duration::from_secs(5), async_nats::connect(url)).await {
            Ok(Ok(c)) => return c,
            other => {
                assert!(
                    Instant::now() < deadline,
                    "cannot connect to {url}: {other:?}"
                );
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
}

/// Environment of a fast test worker (`NEWSEVENTS__...`) plus `extra` (which wins).
pub fn worker_env(url: &str, extra: &[(&str, &str)]) -> BTreeMap<String, String> {
    let mut env: BTreeMap<String, String> = [
        ("NEWSEVENTS__NATS__URL", url),
        ("NEWSEVENTS__HTTP__ENABLED", "false"),
        ("NEWSEVENTS__WORKER__ACK_WAIT", "2s"),
        ("NEWSEVENTS__WORKER__BACKOFF", "100ms,200ms"),
        ("NEWSEVENTS__WORKER__MAX_DELIVER", "5"),
        ("NEWSEVENTS__WORKER__SHUTDOWN_GRACE", "10s"),
        ("NEWSEVENTS__WORKER__LAG_POLL_INTERVAL", "500ms"),
        ("NEWSEVENTS__WORKER__PROCESSING_THREADS", "2"),
        ("NEWSEVENTS__NATS__CONNECT__INITIAL_BACKOFF", "100ms"),
        ("NEWSEVENTS__NATS__CONNECT__MAX_BACKOFF", "1s"),
        ("NEWSEVENTS__STREAMS__DUPLICATE_WINDOW", "5m"),
        ("NEWSEVENTS__LOG__LEVEL", "info"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    if let Ok(level) = std::env::var("RELIABILITY_WORKER_LOG") {
        env.insert("NEWSEVENTS__LOG__LEVEL".into(), level);
    }
    for (k, v) in extra {
        env.insert(k.to_string(), v.to_string());
    }
    env
}

/// The binary under test: `$NEWSEVENTS_BIN` (a stable copy when several people share
/// one target directory) or the one cargo built for this test.
pub fn binary() -> PathBuf {
    std::env::var_os("NEWSEVENTS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_newsevents")))
}

/// Runs `newsevents ARGS` to completion with exactly `env` (plus PATH), returning
/// (exit code, stdout, stderr).
pub fn run_binary(args: &[&str], env: &BTreeMap<String, String>) -> (i32, String, String) {
    let out = Command::new(binary())
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(env)
        .output()
        .expect("run newsevents");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `newsevents run` as a child process, stdout and stderr appended to `log`.
pub struct BinWorker {
    child: Child,
    pub log: PathBuf,
}

impl BinWorker {
    pub fn spawn(env: &BTreeMap<String, String>, log: &Path) -> BinWorker {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("worker log file");
        let child = Command::new(binary())
            .arg("run")
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(env)
            .stdout(file.try_clone().expect("log fd"))
            .stderr(file)
            .spawn()
            .expect("spawn newsevents run");
        BinWorker {
            child,
            log: log.to_path_buf(),
        }
    }

    /// Waits (bounded) until the worker logged that it started pulling.
    pub fn wait_started(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let text = std::fs::read_to_string(&self.log).unwrap_or_default();
            if text.contains("worker started") {
                return;
            }
            assert!(Instant::now() < deadline, "worker did not start: {text}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Peak resident memory so far (`VmHWM`, kB), if the process is alive.
    pub fn peak_rss_kb(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    /// Whether the process has exited (without waiting).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// SIGKILL: no drain, no acks.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM and wait (bounded) for a clean exit; returns the exit code.
    pub fn terminate(mut self) -> Option<i32> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(s)) = self.child.try_wait() {
                return s.code();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for BinWorker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `n` articles built from the dev corpus, each with a fresh id and a body made unique by
/// a closing sentence (so none is an exact duplicate; later copies are near-duplicates).
pub fn corpus_articles(n: usize) -> Vec<(String, Vec<u8>)> {
    let text = std::fs::read_to_string(shared("dev/corpus/articles.jsonl")).expect("corpus");
    let base: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is json"))
        .collect();
    assert!(!base.is_empty(), "corpus is empty");
    (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            let copy = i / base.len();
            let orig = a["id"].as_str().unwrap_or("a").to_string();
            let id = format!("rel-{copy}-{orig}");
            a["id"] = serde_json::Value::String(id.clone());
            if copy > 0 {
                let body = a["body"].as_str().unwrap_or("").to_string();
                a["body"] = serde_json::Value::String(format!(
                    "{body}\n\nFiled by the {} desk.",
                    letters(copy)
                ));
            }
            (id, serde_json::to_vec(&a).expect("serialize"))
        })
        .collect()
}

/// 1 -> "b", 26 -> "ba": a number spelled without digits.
fn letters(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Publishes every article to `news.articles.rel` with a sliding window of acks, retrying
/// (bounded) across server restarts; `Nats-Msg-Id` = article id so a retried publish is
/// not stored twice.
pub async fn publish_articles(js: &jetstream::Context, articles: &[(String, Vec<u8>)]) {
    for chunk in articles.chunks(256) {
        let mut acks = Vec::new();
        for (id, body) in chunk {
            acks.push(publish_one(js, id, body));
        }
        for r in futures::future::join_all(acks).await {
            r.expect("article published");
        }
    }
}

async fn publish_one(js: &jetstream::Context, id: &str, body: &[u8]) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let mut headers = async_nats::HeaderMap::new();
        let msg_id = id.replace(['\r', '\n'], " ");
        headers.insert(async_nats::header::NATS_MESSAGE_ID, msg_id.as_str());
        let r = async {
            js.publish_with_headers("news.articles.rel", headers, body.to_vec().into())
                .await
                .map_err(|e| e.to_string())?
                .await
                .map_err(|e| e.to_string())
        };
        match tokio::time::timeout(Duration::from_secs(10), r).await {
            Ok(Ok(_)) => return Ok(()),
            Ok(Err(e)) if Instant::now() > deadline => return Err(e),
            Err(_) if Instant::now() > deadline => return Err("timeout".into()),
            _ => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Waits (up to `limit`) until the worker created its consumer.
pub async fn wait_consumer(js: &jetstream::Context, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(s) = js.get_stream("NEWS_ARTICLES").await {
            if s.consumer_info("newsevents").await.is_ok() {
                return;
            }
        }
        assert!(Instant::now() < deadline, "worker created no consumer");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits (up to `limit`) until the durable consumer delivered and settled all of
/// `expected` articles; returns how long it took.
pub async fn wait_idle(js: &jetstream::Context, expected: u64, limit: Duration) -> Duration {
    let start = Instant::now();
    let mut last = String::new();
    loop {
        if let Ok(mut s) = js.get_stream("NEWS_ARTICLES").await {
            let seq = s.info().await.map(|i| i.state.last_sequence).unwrap_or(0);
            if let Ok(info) = s.consumer_info("newsevents").await {
                last = format!(
                    "last_seq {seq}, pending {}, ack_pending {}, ack_floor {}",
                    info.num_pending, info.num_ack_pending, info.ack_floor.stream_sequence
                );
                if seq >= expected
                    && info.num_pending == 0
                    && info.num_ack_pending == 0
                    && info.ack_floor.stream_sequence >= seq
                {
                    return start.elapsed();
                }
            }
        }
        assert!(
            start.elapsed() < limit,
            "consumer not idle within {limit:?}: {last}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Every message of `stream` (subject, headers, payload): the common harness's reader.
pub use common::read_all as read_stream;

#[path = "../common/mod.rs"]
mod common;

/// Header value as text.
pub fn header(h: &Option<async_nats::HeaderMap>, name: &str) -> Option<String> {
    h.as_ref()?.get(name).map(|v| v.as_str().to_string())
}

/// What a downstream consumer counting `event_id:revision` sees on NEWS_EVENTS.
#[derive(Debug, Default)]
pub struct EventLedger {
    /// Messages read.
    pub messages: usize,
    /// `event_id:revision` seen more than once.
    pub doubled: Vec<String>,
    /// Event ids whose revisions are not exactly 1..=max.
    pub gaps: Vec<String>,
    /// Final (highest) revision of every event.
    pub finals: BTreeMap<String, Event>,
}

impl EventLedger {
    pub async fn read(js: &jetstream::Context) -> EventLedger {
        let mut seen: BTreeMap<String, BTreeMap<u32, usize>> = BTreeMap::new();
        let mut ledger = EventLedger::default();
        for (_, headers, payload) in read_stream(js, "NEWS_EVENTS").await {
            ledger.messages += 1;
            let event: Event = serde_json::from_slice(&payload).expect("event parses");
            assert_eq!(header(&headers, "Nats-Msg-Id"), Some(event.msg_id()));
            *seen
                .entry(event.event_id.clone())
                .or_default()
                .entry(event.revision)
                .or_default() += 1;
            let newer = ledger
                .finals
                .get(&event.event_id)
                .is_none_or(|e| e.revision < event.revision);
            if newer {
                ledger.finals.insert(event.event_id.clone(), event);
            }
        }
        for (id, revs) in &seen {
            for (rev, n) in revs {
                if *n > 1 {
                    ledger.doubled.push(format!("{id}:{rev} x{n}"));
                }
            }
            let max = revs.keys().max().copied().unwrap_or(0);
            if revs.len() != max as usize || revs.keys().copied().ne(1..=max) {
                ledger
                    .gaps
                    .push(format!("{id}: {:?}", revs.keys().collect::<Vec<_>>()));
            }
        }
        ledger
    }

    /// Every article id named as a source of some final event.
    pub fn sourced_articles(&self) -> BTreeSet<String> {
        self.finals
            .values()
            .flat_map(|e| e.sources.iter().map(|s| s.article_id.clone()))
            .collect()
    }

    /// The final events by content (type, mode, place, date, casualties, mentions),
    /// independent of ids and timestamps: what two runs over the same articles must share.
    pub fn content(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for e in self.finals.values() {
            let key = serde_json::json!([
                e.event_type,
                e.mode,
                e.location.as_ref().map(|l| &l.name),
                e.date.as_ref().map(|d| &d.value),
                e.casualties,
                e.mentions,
            ])
            .to_string();
            *out.entry(key).or_default() += 1;
        }
        out
    }
}

/// Counts JetStream max-deliveries advisories of the worker's consumer (an article the
/// server gave up on) from now on.
pub async fn count_max_deliveries(
    client: &async_nats::Client,
) -> std::sync::Arc<std::sync::atomic::AtomicUsize> {
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut sub = client
        .subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.NEWS_ARTICLES.newsevents")
        .await
        .expect("advisory subscription");
    let c = count.clone();
    tokio::spawn(async move {
        while sub.next().await.is_some() {
            c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    });
    count
}

/// The worker's state bucket, retried (bounded) while a cluster elects leaders.
async fn state_bucket(js: &async_nats::jetstream::Context) -> async_nats::jetstream::kv::Store {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match js.get_key_value("newsevents_state").await {
            Ok(kv) => return kv,
            Err(e) => {
                assert!(Instant::now() < deadline, "dedup state bucket: {e}");
                eprintln!("opening the dedup state again after: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
}

/// Ids of the articles the worker did not finish: its KV marker (`art.<xxh3 of id>`,
/// written when processing starts) is absent or not `Done`.
pub async fn unfinished_articles(
    js: &async_nats::jetstream::Context,
    articles: &[(String, Vec<u8>)],
) -> (Vec<String>, BTreeMap<String, usize>) {
    let kv = state_bucket(js).await;
    let mut out = Vec::new();
    let mut placed = BTreeMap::new();
    for (id, _) in articles {
        let key = format!("art.{:016x}", xxhash_rust::xxh3::xxh3_64(id.as_bytes()));
        let state = match kv.get(&key).await {
            Ok(Some(v)) => serde_json::from_slice::<serde_json::Value>(&v).unwrap_or_default(),
            _ => serde_json::Value::Null,
        };
        if state["id"] != id.as_str() || state["phase"] != "Done" {
            out.push(id.clone());
        }
        let n = state["events"].as_array().map_or(0, Vec::len);
        placed.insert(id.clone(), n);
    }
    (out, placed)
}

/// Every `blk.*` entry of the worker's state bucket, key and value. Retried (bounded),
/// from the start, on any error: in a cluster that just lost a node the bucket's stream
/// may still be electing a leader, and listing its keys times out meanwhile. An entry
/// skipped on an error would let a lost revision go unseen, so none is skipped.
async fn dedup_blocks(js: &async_nats::jetstream::Context) -> Vec<(String, bytes::Bytes)> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let attempt = async {
            let kv = state_bucket(js).await;
            let mut keys = kv.keys().await.map_err(|e| format!("kv keys: {e}"))?;
            let mut names = Vec::new();
            while let Some(key) = keys.next().await {
                let key = key.map_err(|e| format!("kv key: {e}"))?;
                if key.starts_with("blk.") {
                    names.push(key);
                }
            }
            let mut out = Vec::new();
            for key in names {
                match kv.get(&key).await {
                    Ok(Some(v)) => out.push((key, v)),
                    Ok(None) => {} // purged between listing and reading
                    Err(e) => return Err(format!("kv get {key}: {e}")),
                }
            }
            Ok::<_, String>(out)
        };
        match attempt.await {
            Ok(blocks) => return blocks,
            Err(e) => {
                assert!(Instant::now() < deadline, "reading the dedup state: {e}");
                eprintln!("reading the dedup state again after: {e}");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
}

/// `event_id:revision` of every event the dedup state (KV `blk.*`) holds whose final
/// published revision differs: a revision decided but never published is lost.
pub async fn unpublished_state(
    js: &async_nats::jetstream::Context,
    ledger: &EventLedger,
) -> Vec<String> {
    let mut out = Vec::new();
    for (_, v) in dedup_blocks(js).await {
        let records: Vec<serde_json::Value> = serde_json::from_slice(&v).unwrap_or_default();
        for r in records {
            let id = r["event"]["event_id"].as_str().unwrap_or("").to_string();
            let rev = r["event"]["revision"].as_u64().unwrap_or(0);
            let published = ledger.finals.get(&id).map(|e| u64::from(e.revision));
            if published != Some(rev) {
                out.push(format!("{id}:{rev} (published {published:?})"));
            }
        }
    }
    out
}

/// After the consumer went idle: every article finished, every decided revision
/// published, none doubled or skipped, nothing dead-lettered. Returns the ledger.
pub async fn assert_nothing_lost(
    js: &jetstream::Context,
    articles: &[(String, Vec<u8>)],
    what: &str,
) -> EventLedger {
    // The worker's state bucket is read at its stream leader (no direct gets), so the
    // markers are final once the consumer is idle; still read again (bounded) in case a
    // bucket made by an older version still lets a lagging follower answer.
    let deadline = Instant::now() + Duration::from_secs(30);
    let unfinished = loop {
        let (unfinished, _) = unfinished_articles(js, articles).await;
        if unfinished.is_empty() || Instant::now() > deadline {
            break unfinished;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    };
    assert!(unfinished.is_empty(), "{what}: unfinished {unfinished:?}");
    let ledger = EventLedger::read(js).await;
    let unpublished = unpublished_state(js, &ledger).await;
    assert!(
        unpublished.is_empty(),
        "{what}: never published {unpublished:?}"
    );
    assert!(
        ledger.doubled.is_empty(),
        "{what}: doubled {:?}",
        ledger.doubled
    );
    assert!(ledger.gaps.is_empty(), "{what}: gaps {:?}", ledger.gaps);
    let dlq = read_stream(js, "NEWS_DLQ").await;
    let codes: Vec<_> = dlq
        .iter()
        .map(|(_, h, _)| header(h, "Newsevents-Error-Detail"))
        .collect();
    assert!(dlq.is_empty(), "{what}: dead-lettered {codes:?}");
    assert!(
        !ledger.finals.is_empty(),
        "{what}: the articles yield events"
    );
    ledger
}
