//! `newsevents publish` and `newsevents tail` as a user runs them: the real binary against
//! a real nats-server, checking what lands on the streams and what is printed.

mod common;

use common::*;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_newsevents");

/// Runs the binary with `NEWSEVENTS__NATS__URL=url`, feeding `stdin`, killed after
/// [`WAIT`].
fn cli(url: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env("NEWSEVENTS__NATS__URL", url)
        .env("NEWSEVENTS__NATS__CONNECT__MAX_ATTEMPTS", "2")
        .env("NEWSEVENTS__LOG__LEVEL", "warn")
        .env_remove("NEWSEVENTS_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsevents");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let deadline = Instant::now() + WAIT;
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("newsevents {args:?} did not finish within {WAIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = feeder.join();
    child.wait_with_output().expect("output")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn example_events() -> Vec<String> {
    std::fs::read_to_string(shared("dev/example_events.jsonl"))
        .expect("example events")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Publishes the shared example events onto the event subjects, as the worker would.
async fn seed_events(server: &NatsServer) -> Vec<String> {
    let js = server.jetstream().await;
    // `tail` creates the stream with the worker's config; do the same here.
    let out = cli(&server.url(), &["tail", "--all", "--for", "100ms"], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let events = example_events();
    for e in &events {
        let v: Value = serde_json::from_str(e).unwrap();
        let subject = format!(
            "news.events.v1.{}",
            v["type"].as_str().unwrap().to_ascii_lowercase()
        );
        publish(&js, &subject, e.clone().into_bytes()).await;
    }
    events
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_sends_every_record_byte_for_byte() {
    let server = NatsServer::start();
    let dir = tempfile::tempdir().unwrap();
    let text_file = dir.path().join("story.txt");
    let story = "Shelling hit Nikopol on Tuesday, injuring four people, officials said.\n";
    std::fs::write(&text_file, story).unwrap();
    let corpus = shared("dev/corpus/articles.jsonl");
    let seed = shared("fixtures/seed/article.json");
    let stdin_article = br#"{"id":"stdin-1","body":"Police arrested 12 protesters in Lahore."}"#;

    let out = cli(
        &server.url(),
        &[
            "publish",
            corpus.to_str().unwrap(),
            seed.to_str().unwrap(),
            text_file.to_str().unwrap(),
            "-",
        ],
        stdin_article,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("published 75 articles, 0 failed"),
        "{}",
        text(&out.stderr)
    );

    let js = server.jetstream().await;
    let messages = read_all(&js, "NEWS_ARTICLES").await;
    assert_eq!(messages.len(), 75);
    let corpus_lines: Vec<String> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    for (i, line) in corpus_lines.iter().enumerate() {
        let (subject, _, payload) = &messages[i];
        assert_eq!(payload.as_ref(), line.as_bytes(), "corpus line {}", i + 1);
        let v: Value = serde_json::from_str(line).unwrap();
        assert!(
            subject.starts_with("news.articles.en."),
            "{subject} for {}",
            v["source"]
        );
    }
    let seed_bytes = std::fs::read_to_string(&seed).unwrap();
    assert_eq!(messages[72].2.as_ref(), seed_bytes.trim().as_bytes());
    assert_eq!(messages[73].0, "news.articles.cli");
    assert_eq!(messages[73].2.as_ref(), story.as_bytes());
    assert_eq!(messages[74].2.as_ref(), stdin_article);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_with_rate_and_explicit_subject() {
    let server = NatsServer::start();
    let corpus = shared("dev/corpus/articles.jsonl");
    let started = Instant::now();
    let out = cli(
        &server.url(),
        &[
            "publish",
            "--rate",
            "100",
            "--subject",
            "news.articles.test.rate",
            corpus.to_str().unwrap(),
        ],
        b"",
    );
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // 72 articles at 100/s: the last goes out after 0.71 s
    assert!(
        took >= Duration::from_millis(700),
        "rate not applied: {took:?}"
    );
    let js = server.jetstream().await;
    let messages = read_all(&js, "NEWS_ARTICLES").await;
    assert_eq!(messages.len(), 72);
    assert!(messages.iter().all(|m| m.0 == "news.articles.test.rate"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_counts_failures_and_exits_non_zero() {
    let server = NatsServer::start();
    // no stream captures `elsewhere.>`: JetStream answers no publish ack
    let out = cli(
        &server.url(),
        &["publish", "--subject", "elsewhere.x", "-"],
        b"{\"body\":\"one\"}\n{\"body\":\"two\"}\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("published 0 articles, 2 failed"),
        "{}",
        text(&out.stderr)
    );

    let bad = cli(
        &server.url(),
        &["publish", "/nonexistent/articles.jsonl"],
        b"",
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("/nonexistent/articles.jsonl"));

    let broken = cli(
        &server.url(),
        &["publish", "-"],
        b"{\"body\":\"a\"}\n{\"body\":\n",
    );
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        text(&broken.stderr).contains("stdin line 2"),
        "{}",
        text(&broken.stderr)
    );

    let wildcard = cli(
        &server.url(),
        &["publish", "--subject", "news.>", "-"],
        b"x",
    );
    assert_eq!(wildcard.status.code(), Some(2));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_server_is_a_clear_error() {
    let url = format!("nats://127.0.0.1:{}", free_port());
    for args in [&["publish", "-"][..], &["tail", "--for", "5s"][..]] {
        let out = cli(&url, args, b"{\"body\":\"x\"}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("nats connection failed"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tail_replays_as_json_lines_and_text() {
    let server = NatsServer::start();
    let events = seed_events(&server).await;
    let n = events.len().to_string();

    let out = cli(
        &server.url(),
        &["tail", "--all", "--json", "--count", &n],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let printed: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(printed, events, "JSON lines are the events as published");

    let out = cli(&server.url(), &["tail", "--all", "--count", &n], b"");
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), events.len());
    for (line, event) in lines.iter().zip(&events) {
        let v: Value = serde_json::from_str(event).unwrap();
        assert!(!line.contains('\x1b'), "no colours in a pipe: {line:?}");
        assert!(line.starts_with(v["type"].as_str().unwrap()), "{line}");
        assert!(line.contains(v["summary"].as_str().unwrap()), "{line}");
        assert_eq!(
            line.contains("↻ rev"),
            v["revision"].as_u64() > Some(1),
            "updates marked: {line}"
        );
    }

    // --seq starts at a stream sequence; --type filters
    let out = cli(
        &server.url(),
        &["tail", "--seq", "5", "--json", "--for", "1s"],
        b"",
    );
    let from5: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(from5, events[4..].to_vec());
    let assaults = events
        .iter()
        .filter(|e| e.contains("\"type\": \"ASSAULT\""))
        .count();
    assert!(assaults > 0 && assaults < events.len());
    let out = cli(
        &server.url(),
        &[
            "tail", "--all", "--type", "assault", "--json", "--for", "1s",
        ],
        b"",
    );
    assert_eq!(text(&out.stdout).lines().count(), assaults);

    // --since a time after everything: nothing
    let out = cli(
        &server.url(),
        &["tail", "--since", "2099-01-01T00:00:00Z", "--for", "500ms"],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tail_follows_new_events_only_by_default() {
    let server = NatsServer::start();
    let old = seed_events(&server).await;
    let url = server.url();
    let tail = std::thread::spawn(move || cli(&url, &["tail", "--json", "--count", "1"], b""));
    // Keep publishing fresh events until the tail has printed one (it may subscribe
    // after the first few).
    let js = server.jetstream().await;
    let mut fresh = serde_json::from_str::<Value>(&old[0]).unwrap();
    let mut i = 0;
    while !tail.is_finished() {
        i += 1;
        assert!(i < 300, "tail printed nothing within the wait");
        fresh["event_id"] = Value::String(format!("ev_fresh{i}"));
        publish(
            &js,
            "news.events.v1.assault",
            fresh.to_string().into_bytes(),
        )
        .await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let out = tail.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line = text(&out.stdout);
    let v: Value = serde_json::from_str(line.trim()).expect("one json line");
    assert!(
        v["event_id"].as_str().unwrap().starts_with("ev_fresh"),
        "an old event was replayed: {line}"
    );
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["run", "--help"],
        &["config", "--help"],
        &["extract", "--help"],
        &["publish", "--help"],
        &["tail", "--help"],
        &["bench", "--help"],
    ] {
        let out = Command::new(BIN).args(args).output().expect("run");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("Usage:"), "{args:?}");
    }
}
