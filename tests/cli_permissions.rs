//! The README's minimal NATS permissions (`config/nats-worker-permissions.conf`) are
//! enough: a worker whose user has exactly them creates its streams, consumer and KV
//! bucket, turns an article into events, dead-letters bad input and shuts down cleanly,
//! and the server logs no permission violation.

mod common;

use common::*;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct AuthServer {
    child: std::process::Child,
    url: String,
    log: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for AuthServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_with_permissions() -> AuthServer {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let permissions = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/nats-worker-permissions.conf"
    ))
    .unwrap();
    let log = dir.path().join("nats.log");
    let conf = format!(
        "listen: \"127.0.0.1:{port}\"\n\
         logfile: \"{log}\"\n\
         jetstream {{ store_dir: \"{js}\" }}\n\
         accounts {{\n  APP {{\n    jetstream: enabled\n    users = [\n      \
         {{ user: admin, password: admin }}\n      \
         {{ user: newsevents, password: worker, permissions: {{\n{permissions}\n}} }}\n    \
         ]\n  }}\n}}\n",
        log = log.display(),
        js = dir.path().join("js").display(),
    );
    let conf_path = dir.path().join("nats.conf");
    std::fs::write(&conf_path, conf).unwrap();
    let bin = std::env::var("NATS_SERVER_BIN").unwrap_or_else(|_| "nats-server".into());
    let child = Command::new(&bin)
        .arg("-c")
        .arg(&conf_path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {bin}: {e}"));
    let mut server = AuthServer {
        child,
        url: format!("nats://127.0.0.1:{port}"),
        log,
        _dir: dir,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.child.try_wait() {
            let log = std::fs::read_to_string(&server.log).unwrap_or_default();
            panic!("nats-server exited ({status}) with this config; log:\n{log}");
        }
        assert!(Instant::now() < deadline, "nats-server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn worker_runs_with_the_documented_permissions() {
    let server = start_with_permissions();
    let worker = WorkerProcess::start(test_config(
        &server.url,
        &[
            ("NEWSEVENTS__NATS__AUTH__USER", "newsevents"),
            ("NEWSEVENTS__NATS__AUTH__PASSWORD", "worker"),
        ],
    ));
    let admin = async_nats::ConnectOptions::with_user_and_password("admin".into(), "admin".into())
        .connect(server.url.as_str())
        .await
        .expect("admin connects");
    let js = async_nats::jetstream::new(admin);
    consumer_ready(&js).await;
    let seed = std::fs::read(shared("fixtures/seed/article.json")).unwrap();
    publish(&js, "news.articles.en.example", seed).await;
    publish(
        &js,
        "news.articles.en.example",
        b"{\"body\": null}".to_vec(),
    )
    .await;
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;

    let events = read_all(&js, "NEWS_EVENTS").await;
    assert!(
        !events.is_empty(),
        "no events published under the permissions"
    );
    let dlq = read_all(&js, "NEWS_DLQ").await;
    assert_eq!(dlq.len(), 1);
    assert_eq!(
        header(&dlq[0].1, "Newsevents-Error").as_deref(),
        Some("missing_body")
    );
    worker.stop().await.expect("worker stops cleanly");

    let log = std::fs::read_to_string(&server.log).unwrap_or_default();
    let violations: Vec<&str> = log.lines().filter(|l| l.contains("Violation")).collect();
    assert!(
        violations.is_empty(),
        "permission violations:\n{}",
        violations.join("\n")
    );
}
