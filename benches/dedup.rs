//! Dedup cost per article: the in-memory core over the dev corpus (gold-derived
//! candidates), and the JetStream KV store (apply + commit) against a local nats-server
//! started here (skipped with a note when `nats-server` is not on PATH).
//!
//! `cargo bench --bench dedup`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsevents::dedup::{DedupConfig, Deduper};
use newsevents::nats::state::{EventStore, StateConfig};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A file under the shared project material (`../shared`).
pub fn shared(path: &str) -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")).join(path)
}

#[path = "../tests/common/gold.rs"]
#[allow(dead_code)]
mod gold;

fn memory(c: &mut Criterion) {
    let (feed, _) = gold::corpus();
    let mut g = c.benchmark_group("dedup_memory");
    g.throughput(Throughput::Elements(feed.len() as u64));
    g.bench_function("corpus_72_articles", |b| {
        b.iter(|| {
            let mut d = Deduper::new(DedupConfig::default());
            for (a, cands) in &feed {
                std::hint::black_box(d.apply(a, cands.clone(), a.published_at));
            }
        })
    });
    g.finish();
}

struct Server {
    child: Child,
    _dir: tempfile::TempDir,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_server() -> Option<Server> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .ok()?
        .port();
    let dir = tempfile::tempdir().ok()?;
    let child = Command::new("nats-server")
        .args(["-a", "127.0.0.1", "-p", &port.to_string(), "-js", "-sd"])
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = Server {
        child,
        _dir: dir,
        port,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(server)
}

fn kv(c: &mut Criterion) {
    let Some(server) = start_server() else {
        eprintln!("dedup_kv: nats-server not available, skipped");
        return;
    };
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let js = rt.block_on(async {
        let client = async_nats::connect(format!("nats://127.0.0.1:{}", server.port))
            .await
            .expect("connect");
        async_nats::jetstream::new(client)
    });
    let (feed, _) = gold::corpus();
    let mut g = c.benchmark_group("dedup_kv");
    g.sample_size(10);
    g.throughput(Throughput::Elements(feed.len() as u64));
    let mut round = 0u64;
    g.bench_function("corpus_72_articles_apply_commit", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let cfg = StateConfig {
                    bucket: format!("bench_{round}"),
                    ..StateConfig::default()
                };
                total += rt.block_on(async {
                    let store = EventStore::open(&js, &cfg, DedupConfig::default())
                        .await
                        .expect("open");
                    let t = Instant::now();
                    for (a, cands) in &feed {
                        let applied = store
                            .apply(a, cands.clone(), a.published_at)
                            .await
                            .expect("apply");
                        store.commit(a, &applied).await.expect("commit");
                    }
                    let spent = t.elapsed();
                    let _ = js.delete_key_value(&cfg.bucket).await;
                    spent
                });
            }
            total
        })
    });
    g.finish();
}

criterion_group!(benches, memory, kv);
criterion_main!(benches);
