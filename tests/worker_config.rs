//! The `newsevents config` command: defaults < `--config` file < environment, secrets
//! redacted, validation errors naming the key with exit code 2.

use std::process::Command;

fn newsevents() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsevents"));
    for (k, _) in std::env::vars() {
        if k.starts_with("NEWSEVENTS") {
            cmd.env_remove(k);
        }
    }
    cmd
}

#[test]
fn file_overrides_defaults_and_env_overrides_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("worker.toml");
    std::fs::write(
        &path,
        "[nats]\nurl = \"nats://from-file:4222\"\n[worker]\nmax_in_flight = 11\nbatch_size = 33\n",
    )
    .expect("write");
    let out = newsevents()
        .arg("config")
        .arg("--config")
        .arg(&path)
        .env("NEWSEVENTS__WORKER__BATCH_SIZE", "44")
        .env("NEWSEVENTS__NATS__AUTH__TOKEN", "very-secret-token")
        .output()
        .expect("run newsevents config");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: toml::Value =
        toml::from_str(&String::from_utf8_lossy(&out.stdout)).expect("prints toml");
    let get = |section: &str, key: &str| printed[section][key].clone();
    assert_eq!(get("nats", "url").as_str(), Some("nats://from-file:4222"));
    assert_eq!(get("worker", "max_in_flight").as_integer(), Some(11));
    assert_eq!(get("worker", "batch_size").as_integer(), Some(44));
    assert_eq!(
        get("streams", "articles_stream").as_str(),
        Some("NEWS_ARTICLES")
    );
    assert_eq!(printed["nats"]["auth"]["token"].as_str(), Some("XXXXXXXX"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("very-secret-token"));
}

#[test]
fn invalid_values_exit_2_naming_the_key() {
    let cases = [
        (
            "NEWSEVENTS__NATS__URL",
            "nats:/x",
            "config key `nats.url`: invalid url 'nats:/x'",
        ),
        (
            "NEWSEVENTS__WORKER__MAX_PAYLOAD_BYTES",
            "4000000",
            "`worker.max_payload_bytes`",
        ),
        ("NEWSEVENTS__WORKER__NO_SUCH_KEY", "1", "no_such_key"),
    ];
    for (var, value, want) in cases {
        for sub in ["config", "run"] {
            let out = newsevents()
                .arg(sub)
                .env(var, value)
                .output()
                .expect("run newsevents");
            assert_eq!(out.status.code(), Some(2), "{sub} {var}={value}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(want), "{sub} {var}={value}: {err}");
        }
    }
    let out = newsevents()
        .args(["config", "--config", "/nonexistent/newsevents.toml"])
        .output()
        .expect("run newsevents");
    assert_eq!(out.status.code(), Some(2));
}
