//! `newsevents bench` runs end to end on a small load (it starts its own nats-server) and
//! reports every phase with sane figures, so the benchmark cannot silently rot.

use serde_json::Value;
use std::process::Command;

#[test]
fn bench_reports_every_phase() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_newsevents"))
        .args([
            "bench",
            "--articles",
            "60",
            "--rate",
            "200",
            "--json",
            "--corpus",
            corpus,
        ])
        .env("NEWSEVENTS__LOG__LEVEL", "warn")
        .env_remove("NEWSEVENTS_CONFIG")
        .output()
        .expect("run bench");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("one json object");
    let phases = report["phases"].as_array().expect("phases");
    let names: Vec<&str> = phases
        .iter()
        .map(|p| p["phase"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["raw-rate", "raw-full", "worker-rate", "worker-full"]
    );
    for p in phases {
        let name = p["phase"].as_str().unwrap();
        assert_eq!(p["articles"], 60, "{name}");
        assert!(p["articles_per_sec"].as_f64().unwrap() > 0.0, "{name}");
        let outputs = p["outputs"].as_u64().unwrap();
        if name.starts_with("raw") {
            assert_eq!(outputs, 60, "{name}: one output per input");
            assert_eq!(p["latency_samples"], 60, "{name}");
        } else {
            // the examples hold several events each, and every copy is a new incident
            assert!(outputs >= 60, "{name}: only {outputs} events");
            assert!(p["latency_samples"].as_u64().unwrap() >= 48, "{name}");
        }
        let (p50, p99) = (p["p50_ms"].as_f64().unwrap(), p["p99_ms"].as_f64().unwrap());
        assert!(p50 > 0.0 && p50 <= p99, "{name}: p50 {p50} p99 {p99}");
    }
    // the offered rate holds the publisher back: 60 articles at 200/s take >= 0.29 s
    assert!(phases[0]["seconds"].as_f64().unwrap() >= 0.29);
    let rss = report["peak_rss_mb"].as_f64().unwrap();
    assert!(rss > 1.0 && rss < 1024.0, "peak RSS {rss} MB");
}
