//! `newsevents bench`: end-to-end throughput, latency and memory of the worker against a
//! real nats-server, next to the raw JetStream pipe (publish + consume + publish + ack, no
//! processing) measured in the same run on the same payloads, so the cost of the work
//! shows as a ratio.
//!
//! Articles are the dev corpus repeated with fresh ids (and, per repetition, a shifted
//! publication date and a marker line, so dedup sees new incidents rather than copies).
//! Latency is article publish -> first event revision naming the article seen on the
//! event subjects (JetStream stores and delivers a message when it acks the publisher).

use crate::config::Config;
use crate::nats::setup;
use async_nats::jetstream::{self, consumer::pull, stream};
use clap::Args;
use futures::StreamExt;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Arguments of `newsevents bench`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Benchmark the worker end to end against the raw JetStream pipe",
    long_about = "Benchmark the worker end to end against the raw JetStream pipe.\n\n\
        Starts a nats-server (or uses --url), then for the raw pipe and for the worker: \
        publishes N articles at the offered --rate and at full speed and reports \
        articles/s, events/s, p50/p99 latency (article publish -> event stored) and \
        peak RSS."
)]
pub struct BenchArgs {
    /// Articles per phase (the corpus repeated with fresh ids).
    #[arg(long, short = 'n', default_value_t = 5000)]
    pub articles: usize,
    /// Offered rate (articles/s) of the latency phase.
    #[arg(long, default_value_t = 1000.0)]
    pub rate: f64,
    /// Worker instances sharing the durable consumer.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=3))]
    pub replicas: u32,
    /// Articles file (JSON Lines); default: the dev corpus, else examples/articles.jsonl.
    #[arg(long)]
    pub corpus: Option<PathBuf>,
    /// Use this NATS server instead of starting one (streams are prefixed `BENCH_`).
    #[arg(long)]
    pub url: Option<String>,
    /// nats-server binary to start (default: `$NATS_SERVER_BIN`, else `nats-server`).
    #[arg(long)]
    pub nats_server: Option<PathBuf>,
    /// Skip the raw pipe phases.
    #[arg(long)]
    pub no_raw: bool,
    /// Print the results as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Why the benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("corpus {path}: {reason}")]
    Corpus { path: String, reason: String },
    #[error("nats-server: {0}")]
    Server(String),
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("nats: {0}")]
    Nats(String),
    #[error("interrupted")]
    Interrupted,
    #[error("{phase}: not done after {secs}s ({done} of {total} articles)")]
    Stalled {
        phase: String,
        secs: u64,
        done: u64,
        total: u64,
    },
}

fn nats_err(e: impl std::fmt::Display) -> BenchError {
    BenchError::Nats(e.to_string())
}

/// The corpus repeated to `n` payloads with fresh ids: repetition `r` shifts
/// `published_at` by `r * 40` days and appends a marker line to the body.
pub fn make_payloads(corpus: &str, n: usize, run: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let base: Vec<serde_json::Value> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("invalid json line: {e}"))?;
    if base.is_empty() {
        return Err("no articles".into());
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let round = i / base.len();
        let mut a = base[i % base.len()].clone();
        let id = format!("bench-{run}-{i}");
        a["id"] = serde_json::Value::String(id.clone());
        if round > 0 {
            if let Some(t) = a
                .get("published_at")
                .and_then(|v| v.as_str())
                .and_then(crate::input::parse_time)
            {
                let shifted = t + chrono::Duration::days(40 * round as i64);
                a["published_at"] = serde_json::Value::String(shifted.to_rfc3339());
            }
            if let Some(body) = a.get("body").and_then(|v| v.as_str()) {
                a["body"] = serde_json::Value::String(format!("{body}\n\n(Copy {round}.)"));
            }
        }
        out.push((id, a.to_string().into_bytes()));
    }
    Ok(out)
}

/// p-th percentile (0..=100) of sorted samples, nearest rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Peak and current resident memory of a process (`/proc/<pid>/status`), in kB.
pub fn memory_kb(pid: &str) -> (Option<u64>, Option<u64>) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// CPU time (user + system) a process has used so far (`/proc/<pid>/stat`), in
/// microseconds; `None` where there is no procfs or no such process.
pub fn cpu_us(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // fields after the command name (which may hold spaces), from field 3 (`state`) on
    let rest = stat.rsplit_once(')')?.1;
    let mut fields = rest.split_whitespace();
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    // USER_HZ is 100 on every Linux the bench runs on
    Some((utime + stime) * 10_000)
}

/// CPU used during a phase by the bench process (workers and load generator) and by the
/// nats-server it started.
#[derive(Debug, Clone, Copy, Default)]
struct CpuMark {
    process: Option<u64>,
    server: Option<u64>,
}

impl CpuMark {
    fn now(server_pid: Option<u32>) -> CpuMark {
        CpuMark {
            process: cpu_us("self"),
            server: server_pid.and_then(|p| cpu_us(&p.to_string())),
        }
    }

    /// `(process, server)` microseconds of CPU per article since `self`.
    fn per_article(self, end: CpuMark, n: u64) -> (Option<f64>, Option<f64>) {
        let per =
            |a: Option<u64>, b: Option<u64>| Some(b?.saturating_sub(a?) as f64 / n.max(1) as f64);
        (per(self.process, end.process), per(self.server, end.server))
    }
}

/// How a phase is watched: progress lines on stderr, and the nats-server whose CPU is
/// counted (when the bench started it).
#[derive(Debug, Clone, Copy)]
struct Watch {
    progress: bool,
    server_pid: Option<u32>,
}

/// Results of one phase.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PhaseResult {
    pub phase: String,
    pub offered_rate: Option<f64>,
    pub articles: u64,
    pub seconds: f64,
    pub articles_per_sec: f64,
    pub outputs: u64,
    pub outputs_per_sec: f64,
    pub latency_samples: usize,
    pub p50_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub max_ms: Option<f64>,
    /// CPU of the bench process (workers, load generator, observer) per article, in us.
    pub cpu_us_per_article: Option<f64>,
    /// CPU of the nats-server the bench started per article, in us.
    pub server_cpu_us_per_article: Option<f64>,
}

struct Server {
    child: Child,
    dir: PathBuf,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn start_server(bin: &Path) -> Result<Server, BenchError> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| BenchError::Server(format!("no free port: {e}")))?;
    let dir = std::env::temp_dir().join(format!("newsevents-bench-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| BenchError::Server(e.to_string()))?;
    let child = Command::new(bin)
        .args(["-a", "127.0.0.1", "-p", &port.to_string(), "-js", "-sd"])
        .arg(dir.join("js"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| BenchError::Server(format!("cannot start {}: {e}", bin.display())))?;
    let server = Server {
        child,
        dir,
        url: format!("nats://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(BenchError::Server(format!("did not listen on {port}")));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(server)
}

/// Publish times of articles not yet seen in an output, by id.
type Pending = Arc<Mutex<HashMap<String, Instant>>>;

#[derive(Default)]
struct Observed {
    outputs: u64,
    latencies: Vec<Duration>,
}

/// Publishes `payloads` on `subject(i)` with a sliding ack window, at `rate` per second
/// when given, stamping publish times into `pending`.
async fn feed(
    js: jetstream::Context,
    payloads: Arc<Vec<(String, Vec<u8>)>>,
    subject: String,
    rate: Option<f64>,
    pending: Pending,
    raw_header: bool,
) -> Result<(), BenchError> {
    let started = Instant::now();
    let mut window = VecDeque::with_capacity(1024);
    for (i, (id, payload)) in payloads.iter().enumerate() {
        if let Some(r) = rate {
            tokio::time::sleep_until((started + Duration::from_secs_f64(i as f64 / r)).into())
                .await;
        }
        if window.len() >= 1024 {
            if let Some(ack) = window.pop_front() {
                let ack: jetstream::context::PublishAckFuture = ack;
                ack.await.map_err(nats_err)?;
            }
        }
        if let Ok(mut p) = pending.lock() {
            p.insert(id.clone(), Instant::now());
        }
        let mut headers = async_nats::HeaderMap::new();
        if raw_header {
            headers.insert("Bench-Id", id.as_str());
        }
        let ack = js
            .publish_with_headers(subject.clone(), headers, payload.clone().into())
            .await
            .map_err(nats_err)?;
        window.push_back(ack);
    }
    for ack in window {
        ack.await.map_err(nats_err)?;
    }
    Ok(())
}

/// What the observer reads of an event: the articles it names (the rest is skipped
/// unparsed, so the load generator takes little of the CPU it measures).
#[derive(serde::Deserialize)]
struct Sources {
    #[serde(default)]
    sources: Vec<SourceId>,
}

#[derive(serde::Deserialize)]
struct SourceId {
    article_id: String,
}

/// Watches output subjects: counts messages and records article latencies.
///
/// The subscription is in place at the server before this returns (subscribed, then
/// flushed), so no output of the phase's first articles is missed.
async fn observe(
    client: async_nats::Client,
    subject: String,
    pending: Pending,
    raw: bool,
) -> (tokio::task::JoinHandle<Observed>, CancellationToken) {
    let stop = CancellationToken::new();
    let token = stop.clone();
    let sub = client.subscribe(subject).await;
    let _ = client.flush().await;
    let task = tokio::spawn(async move {
        let mut seen = Observed::default();
        let Ok(mut sub) = sub else {
            return seen;
        };
        loop {
            let msg = tokio::select! {
                biased;
                _ = token.cancelled() => break,
                m = sub.next() => match m { Some(m) => m, None => break },
            };
            let now = Instant::now();
            seen.outputs += 1;
            let ids: Vec<String> = if raw {
                msg.headers
                    .as_ref()
                    .and_then(|h| h.get("Bench-Id"))
                    .map(|v| vec![v.as_str().to_string()])
                    .unwrap_or_default()
            } else {
                serde_json::from_slice::<Sources>(&msg.payload)
                    .map(|e| e.sources.into_iter().map(|s| s.article_id).collect())
                    .unwrap_or_default()
            };
            if let Ok(mut p) = pending.lock() {
                for id in ids {
                    if let Some(t) = p.remove(&id) {
                        seen.latencies.push(now.duration_since(t));
                    }
                }
            }
        }
        seen
    });
    (task, stop)
}

/// Waits until the durable consumer has acked every message of its stream.
async fn wait_consumed(
    js: &jetstream::Context,
    stream_name: &str,
    durable: &str,
    total: u64,
    phase: &str,
    limit: Duration,
    progress: bool,
) -> Result<Instant, BenchError> {
    let deadline = Instant::now() + limit;
    let mut done = 0;
    let mut next_report = Instant::now() + Duration::from_secs(5);
    // One consumer-info request per poll (the stream handle is looked up once): the
    // polling should not load the server it measures.
    let mut stream = None;
    while Instant::now() < deadline {
        if stream.is_none() {
            stream = js.get_stream(stream_name).await.ok();
        }
        if let Some(s) = &stream {
            if let Ok(info) = s.consumer_info(durable).await {
                done = info.ack_floor.stream_sequence;
                if done >= total && info.num_ack_pending == 0 && info.num_pending == 0 {
                    return Ok(Instant::now());
                }
            }
        }
        if progress && Instant::now() >= next_report {
            eprintln!("bench: {phase}: {done} of {total} articles done");
            next_report += Duration::from_secs(5);
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Err(BenchError::Stalled {
        phase: phase.into(),
        secs: limit.as_secs(),
        done,
        total,
    })
}

fn result(
    phase: &str,
    rate: Option<f64>,
    n: u64,
    elapsed: Duration,
    mut seen: Observed,
    cpu: (Option<f64>, Option<f64>),
) -> PhaseResult {
    seen.latencies.sort();
    let ms = |d: Option<Duration>| d.map(|d| d.as_secs_f64() * 1000.0);
    let secs = elapsed.as_secs_f64().max(1e-9);
    PhaseResult {
        phase: phase.into(),
        offered_rate: rate,
        articles: n,
        seconds: secs,
        articles_per_sec: n as f64 / secs,
        outputs: seen.outputs,
        outputs_per_sec: seen.outputs as f64 / secs,
        latency_samples: seen.latencies.len(),
        p50_ms: ms(percentile(&seen.latencies, 50.0)),
        p99_ms: ms(percentile(&seen.latencies, 99.0)),
        max_ms: ms(seen.latencies.last().copied()),
        cpu_us_per_article: cpu.0,
        server_cpu_us_per_article: cpu.1,
    }
}

/// The raw pipe: consume with explicit acks, publish one output per input with a msg-id,
/// ack the input once its output is acknowledged. A bounded channel to an acking task is
/// the sliding window (512 publishes in flight), so pulling never waits on one ack.
async fn raw_pipe(
    consumer: jetstream::consumer::PullConsumer,
    js: jetstream::Context,
    out_subject: String,
    cancel: CancellationToken,
) -> Result<(), BenchError> {
    let mut messages = consumer
        .stream()
        .max_messages_per_batch(512)
        .messages()
        .await
        .map_err(nats_err)?;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<(
        jetstream::context::PublishAckFuture,
        jetstream::Message,
    )>(512);
    let acker = tokio::spawn(async move {
        while let Some((ack, msg)) = rx.recv().await {
            ack.await.map_err(nats_err)?;
            msg.ack().await.map_err(nats_err)?;
        }
        Ok::<(), BenchError>(())
    });
    loop {
        let next = tokio::select! {
            biased;
            _ = cancel.cancelled() => break,
            m = messages.next() => m,
        };
        let Some(msg) = next else { break };
        let msg = msg.map_err(nats_err)?;
        let id = msg
            .headers
            .as_ref()
            .and_then(|h| h.get("Bench-Id"))
            .map(|v| v.as_str().to_string())
            .unwrap_or_default();
        let mut headers = async_nats::HeaderMap::new();
        headers.insert("Nats-Msg-Id", format!("{id}:1").as_str());
        headers.insert("Bench-Id", id.as_str());
        let ack = js
            .publish_with_headers(out_subject.clone(), headers, msg.payload.clone())
            .await
            .map_err(nats_err)?;
        if tx.send((ack, msg)).await.is_err() {
            break; // the acker failed; its error is returned below
        }
    }
    drop(tx);
    acker.await.map_err(nats_err)?
}

async fn raw_phase(
    client: &async_nats::Client,
    payloads: Arc<Vec<(String, Vec<u8>)>>,
    name: &str,
    rate: Option<f64>,
    watch: Watch,
) -> Result<PhaseResult, BenchError> {
    let Watch {
        progress,
        server_pid,
    } = watch;
    let js = jetstream::new(client.clone());
    let tag = name.replace('-', "_").to_ascii_uppercase();
    let in_stream = format!("BENCH_{tag}_IN");
    let in_subject = format!("bench.{name}.in");
    let out_subject = format!("bench.{name}.out");
    for (stream_name, subject) in [
        (in_stream.clone(), in_subject.clone()),
        (format!("BENCH_{tag}_OUT"), out_subject.clone()),
    ] {
        js.get_or_create_stream(stream::Config {
            name: stream_name,
            subjects: vec![subject],
            ..Default::default()
        })
        .await
        .map_err(nats_err)?;
    }
    let consumer = js
        .get_stream(&in_stream)
        .await
        .map_err(nats_err)?
        .get_or_create_consumer(
            "pipe",
            pull::Config {
                durable_name: Some("pipe".into()),
                max_ack_pending: 4096,
                ..Default::default()
            },
        )
        .await
        .map_err(nats_err)?;
    let pending: Pending = Arc::default();
    let (observer, stop) =
        observe(client.clone(), out_subject.clone(), pending.clone(), true).await;
    let cancel = CancellationToken::new();
    let pipe = tokio::spawn(raw_pipe(consumer, js.clone(), out_subject, cancel.clone()));
    let n = payloads.len() as u64;
    let started = Instant::now();
    let cpu_start = CpuMark::now(server_pid);
    feed(js.clone(), payloads, in_subject, rate, pending, true).await?;
    let done = wait_consumed(
        &js,
        &in_stream,
        "pipe",
        n,
        name,
        Duration::from_secs(300),
        progress,
    )
    .await;
    let cpu = cpu_start.per_article(CpuMark::now(server_pid), n);
    cancel.cancel();
    let _ = tokio::time::timeout(Duration::from_secs(5), pipe).await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    stop.cancel();
    let seen = observer.await.unwrap_or_default();
    Ok(result(
        name,
        rate,
        n,
        done?.duration_since(started),
        seen,
        cpu,
    ))
}

fn worker_config(base: &Config, url: &str, name: &str) -> Config {
    let mut cfg = base.clone();
    let tag = name.replace('-', "_").to_ascii_uppercase();
    cfg.nats.url = url.to_string();
    cfg.http.enabled = false;
    cfg.streams.articles_subject = format!("bench.{name}.articles.>");
    cfg.streams.articles_stream = format!("BENCH_{tag}_ARTICLES");
    cfg.streams.events_prefix = format!("bench.{name}.events.v1");
    cfg.streams.events_stream = format!("BENCH_{tag}_EVENTS");
    cfg.streams.dlq_subject = format!("bench.{name}.dlq");
    cfg.streams.dlq_stream = format!("BENCH_{tag}_DLQ");
    cfg.streams.durable = "newsevents".into();
    cfg.streams.replicas = 1;
    cfg.state.bucket = format!("bench_{}", tag.to_ascii_lowercase());
    cfg
}

async fn worker_phase(
    client: &async_nats::Client,
    cfg: Config,
    payloads: Arc<Vec<(String, Vec<u8>)>>,
    name: &str,
    rate: Option<f64>,
    replicas: u32,
    watch: Watch,
) -> Result<PhaseResult, BenchError> {
    let Watch {
        progress,
        server_pid,
    } = watch;
    let js = jetstream::new(client.clone());
    // Create the streams first so replicas do not race on them.
    setup::ensure(&js, &cfg).await.map_err(nats_err)?;
    let shutdown = CancellationToken::new();
    let workers: Vec<_> = (0..replicas)
        .map(|_| tokio::spawn(crate::app::run(cfg.clone(), shutdown.clone())))
        .collect();
    // ready once every replica has bound (the consumer shows its pull requests)
    let begun = Instant::now();
    let ready_by = begun + Duration::from_secs(30);
    loop {
        let waiting = match js.get_stream(&cfg.streams.articles_stream).await {
            Ok(s) => s
                .consumer_info(&cfg.streams.durable)
                .await
                .map(|i| i.num_waiting)
                .ok(),
            Err(_) => None,
        };
        // bound: every replica has a pull request waiting, or the consumer exists and
        // the replicas had two seconds to start
        match waiting {
            Some(w) if w as u32 >= replicas => break,
            Some(_) if begun.elapsed() > Duration::from_secs(2) => break,
            _ => {}
        }
        if Instant::now() > ready_by {
            shutdown.cancel();
            return Err(BenchError::Nats("workers did not bind the consumer".into()));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pending: Pending = Arc::default();
    let (observer, stop) = observe(
        client.clone(),
        format!("{}.>", cfg.streams.events_prefix),
        pending.clone(),
        false,
    )
    .await;
    let n = payloads.len() as u64;
    let subject = format!("bench.{name}.articles.en.bench");
    let started = Instant::now();
    let cpu_start = CpuMark::now(server_pid);
    feed(js.clone(), payloads, subject, rate, pending, false).await?;
    let done = wait_consumed(
        &js,
        &cfg.streams.articles_stream,
        &cfg.streams.durable,
        n,
        name,
        Duration::from_secs(600),
        progress,
    )
    .await;
    let cpu = cpu_start.per_article(CpuMark::now(server_pid), n);
    tokio::time::sleep(Duration::from_millis(50)).await;
    stop.cancel();
    shutdown.cancel();
    for w in workers {
        let _ = tokio::time::timeout(Duration::from_secs(30), w).await;
    }
    let seen = observer.await.unwrap_or_default();
    Ok(result(
        name,
        rate,
        n,
        done?.duration_since(started),
        seen,
        cpu,
    ))
}

fn default_corpus() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(s) = std::env::var_os("NEWSEVENTS_SHARED") {
        candidates.push(PathBuf::from(s).join("dev/corpus/articles.jsonl"));
    }
    candidates.push(PathBuf::from("../shared/dev/corpus/articles.jsonl"));
    candidates.push(PathBuf::from("examples/articles.jsonl"));
    candidates.into_iter().find(|p| p.is_file())
}

async fn run_async(args: &BenchArgs, config_path: Option<&Path>) -> Result<(), BenchError> {
    let base = Config::load(config_path)?;
    let corpus_path =
        args.corpus
            .clone()
            .or_else(default_corpus)
            .ok_or_else(|| BenchError::Corpus {
                path: "../shared/dev/corpus/articles.jsonl".into(),
                reason: "not found (give --corpus)".into(),
            })?;
    let corpus = std::fs::read_to_string(&corpus_path).map_err(|e| BenchError::Corpus {
        path: corpus_path.display().to_string(),
        reason: e.to_string(),
    })?;
    let run_id = format!("{:x}", chrono::Utc::now().timestamp_millis());
    let server = match &args.url {
        Some(_) => None,
        None => {
            let bin = args
                .nats_server
                .clone()
                .or_else(|| std::env::var_os("NATS_SERVER_BIN").map(PathBuf::from))
                .unwrap_or_else(|| PathBuf::from("nats-server"));
            Some(start_server(&bin)?)
        }
    };
    let url = args
        .url
        .clone()
        .or_else(|| server.as_ref().map(|s| s.url.clone()))
        .unwrap_or_default();
    let watch = Watch {
        progress: !args.json,
        server_pid: server.as_ref().map(|s| s.child.id()),
    };
    let client = async_nats::connect(&url).await.map_err(nats_err)?;
    let mut results = Vec::new();
    let payloads = |label: &str| {
        make_payloads(&corpus, args.articles, &format!("{run_id}-{label}")).map(Arc::new)
    };
    let corpus_err = |reason| BenchError::Corpus {
        path: corpus_path.display().to_string(),
        reason,
    };
    let say = |s: &str| {
        if !args.json {
            eprintln!("bench: {s}");
        }
    };
    if !args.no_raw {
        say("raw pipe at the offered rate");
        let p = payloads("rawrate").map_err(corpus_err)?;
        results.push(raw_phase(&client, p, "raw-rate", Some(args.rate), watch).await?);
        say("raw pipe at full speed");
        let p = payloads("rawfull").map_err(corpus_err)?;
        results.push(raw_phase(&client, p, "raw-full", None, watch).await?);
    }
    say("worker at the offered rate");
    let p = payloads("workrate").map_err(corpus_err)?;
    results.push(
        worker_phase(
            &client,
            worker_config(&base, &url, "worker-rate"),
            p,
            "worker-rate",
            Some(args.rate),
            args.replicas,
            watch,
        )
        .await?,
    );
    say("worker at full speed");
    let p = payloads("workfull").map_err(corpus_err)?;
    results.push(
        worker_phase(
            &client,
            worker_config(&base, &url, "worker-full"),
            p,
            "worker-full",
            None,
            args.replicas,
            watch,
        )
        .await?,
    );
    let (peak_kb, rss_kb) = memory_kb("self");
    let (server_peak_kb, _) = server
        .as_ref()
        .map(|s| memory_kb(&s.child.id().to_string()))
        .unwrap_or((None, None));
    let report = serde_json::json!({
        "articles_per_phase": args.articles,
        "replicas": args.replicas,
        "corpus": corpus_path.display().to_string(),
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "phases": results,
        "peak_rss_mb": peak_kb.map(|k| k as f64 / 1024.0),
        "rss_mb": rss_kb.map(|k| k as f64 / 1024.0),
        "nats_server_peak_rss_mb": server_peak_kb.map(|k| k as f64 / 1024.0),
    });
    if args.json {
        println!("{report}");
    } else {
        print!("{}", render(&results, peak_kb, server_peak_kb, args));
    }
    Ok(())
}

fn render(
    results: &[PhaseResult],
    peak_kb: Option<u64>,
    server_kb: Option<u64>,
    args: &BenchArgs,
) -> String {
    let f = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.1}"));
    let f0 = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.0}"));
    let mut s = format!(
        "{:<12} {:>9} {:>9} {:>11} {:>9} {:>11} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
        "phase",
        "offered/s",
        "articles",
        "articles/s",
        "outputs",
        "outputs/s",
        "p50 ms",
        "p99 ms",
        "samples",
        "cpu us/a",
        "srv us/a"
    );
    for r in results {
        s.push_str(&format!(
            "{:<12} {:>9} {:>9} {:>11.0} {:>9} {:>11.0} {:>9} {:>9} {:>9} {:>9} {:>9}\n",
            r.phase,
            r.offered_rate.map_or("full".into(), |v| format!("{v:.0}")),
            r.articles,
            r.articles_per_sec,
            r.outputs,
            r.outputs_per_sec,
            f(r.p50_ms),
            f(r.p99_ms),
            r.latency_samples,
            f0(r.cpu_us_per_article),
            f0(r.server_cpu_us_per_article)
        ));
    }
    let by = |name: &str| results.iter().find(|r| r.phase == name);
    if let (Some(raw), Some(work)) = (by("raw-full"), by("worker-full")) {
        s.push_str(&format!(
            "worker / raw pipe at full speed: {:.2} ({:.0} vs {:.0} articles/s)\n",
            work.articles_per_sec / raw.articles_per_sec.max(1e-9),
            work.articles_per_sec,
            raw.articles_per_sec
        ));
    }
    s.push_str(&format!(
        "peak RSS: {} MB (bench + {} worker{}), nats-server {} MB\n",
        f(peak_kb.map(|k| k as f64 / 1024.0)),
        args.replicas,
        if args.replicas == 1 { "" } else { "s" },
        f(server_kb.map(|k| k as f64 / 1024.0)),
    ));
    s
}

/// Entry point of `newsevents bench`: 0 when every phase completed, 1 otherwise.
pub fn run(args: &BenchArgs, config_path: Option<&Path>) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsevents bench: cannot start the async runtime: {e}");
            return 1;
        }
    };
    // Ctrl-C drops the run, and with it the nats-server it started.
    let outcome = runtime.block_on(async {
        tokio::select! {
            r = run_async(args, config_path) => r,
            _ = tokio::signal::ctrl_c() => Err(BenchError::Interrupted),
        }
    });
    match outcome {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("newsevents bench: {e}");
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = concat!(
        r#"{"id":"a","body":"Two people were killed.","published_at":"2025-03-10T08:00:00Z"}"#,
        "\n\n",
        r#"{"id":"b","body":"Police arrested 12 protesters."}"#,
        "\n"
    );

    #[test]
    fn payloads_repeat_the_corpus_with_fresh_ids_and_dates() {
        let p = make_payloads(CORPUS, 5, "r1").unwrap();
        assert_eq!(p.len(), 5);
        let ids: Vec<&str> = p.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "bench-r1-0",
                "bench-r1-1",
                "bench-r1-2",
                "bench-r1-3",
                "bench-r1-4"
            ]
        );
        let v = |i: usize| serde_json::from_slice::<serde_json::Value>(&p[i].1).unwrap();
        assert_eq!(v(0)["id"], "bench-r1-0");
        assert_eq!(v(0)["body"], "Two people were killed.");
        assert_eq!(v(2)["published_at"], "2025-04-19T08:00:00+00:00");
        assert!(v(2)["body"].as_str().unwrap().ends_with("(Copy 1.)"));
        assert_eq!(v(4)["published_at"], "2025-05-29T08:00:00+00:00");
        assert!(v(3).get("published_at").is_none());
        assert!(make_payloads("", 3, "x").is_err());
        assert!(make_payloads("{not json", 3, "x").is_err());
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let ms = |v: u64| Duration::from_millis(v);
        let samples: Vec<Duration> = (1..=100).map(ms).collect();
        assert_eq!(percentile(&samples, 50.0), Some(ms(50)));
        assert_eq!(percentile(&samples, 99.0), Some(ms(99)));
        assert_eq!(percentile(&samples, 100.0), Some(ms(100)));
        assert_eq!(percentile(&[ms(7)], 99.0), Some(ms(7)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn reads_own_cpu_time() {
        let spin = Instant::now();
        let mut x = 0u64;
        while spin.elapsed() < Duration::from_millis(50) {
            x = x.wrapping_add(std::hint::black_box(1));
        }
        assert!(x > 0);
        assert!(cpu_us("self").unwrap() >= 10_000);
        assert_eq!(cpu_us("no-such-pid"), None);
    }

    #[test]
    fn reads_own_memory() {
        let (peak, rss) = memory_kb("self");
        assert!(peak.unwrap() >= rss.unwrap());
        assert!(rss.unwrap() > 100);
        assert_eq!(memory_kb("no-such-pid"), (None, None));
    }
}
