//! The README's promises that can rot: its configuration table lists every key the worker
//! has, with the right environment variable and a default the loader accepts; the quick
//! start's script and example articles exist and are valid.

use newsevents::config::Config;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(repo().join("README.md")).expect("README.md")
}

/// Rows of the configuration table: key -> (default, environment variable).
fn config_rows() -> BTreeMap<String, (String, String)> {
    readme()
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches("` |").count() >= 1)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // ["", key, default, env, meaning, ""]
            if cells.len() < 6 || !cells[3].starts_with("`NEWSEVENTS__") {
                return None;
            }
            let strip = |c: &str| c.trim_matches('`').to_string();
            Some((strip(cells[1]), (strip(cells[2]), strip(cells[3]))))
        })
        .collect()
}

/// Dotted keys of a TOML document (leaves only).
fn leaves(prefix: &str, value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                leaves(&key, v, out);
            }
        }
        _ => out.push(prefix.to_string()),
    }
}

#[test]
fn config_table_lists_every_key() {
    let cfg = Config::load_from(None, Some(HashMap::new())).expect("defaults load");
    let rendered: toml::Value = toml::from_str(&cfg.to_toml().unwrap()).unwrap();
    let mut keys = Vec::new();
    leaves("", &rendered, &mut keys);
    assert!(keys.len() > 30, "only {} keys rendered", keys.len());
    let rows = config_rows();
    for key in &keys {
        assert!(
            rows.contains_key(key),
            "README configuration table lacks `{key}`"
        );
    }
    // the auth and tls keys are unset by default, so not rendered: check them by name
    for key in [
        "nats.auth.user",
        "nats.auth.password",
        "nats.auth.token",
        "nats.auth.nkey_seed",
        "nats.auth.nkey_seed_file",
        "nats.auth.creds_file",
        "nats.tls.ca_file",
        "nats.tls.cert_file",
        "nats.tls.key_file",
    ] {
        assert!(
            rows.contains_key(key),
            "README configuration table lacks `{key}`"
        );
    }
}

#[test]
fn config_table_env_vars_and_defaults_are_right() {
    let defaults = Config::load_from(None, Some(HashMap::new())).unwrap();
    let rows = config_rows();
    assert!(rows.len() > 40);
    for (key, (default, env)) in &rows {
        let want_env = format!(
            "NEWSEVENTS__{}",
            key.replace('.', "__").to_ascii_uppercase()
        );
        assert_eq!(env, &want_env, "environment variable of `{key}`");
        if default == "unset" {
            continue;
        }
        // the documented default, set through the documented variable, loads and gives
        // the same configuration as the built-in default
        let loaded = Config::load_from(None, Some(HashMap::from([(env.clone(), default.clone())])))
            .unwrap_or_else(|e| panic!("`{key}` = {default} via {env}: {e}"));
        assert_eq!(
            loaded, defaults,
            "`{key}`: README default {default} is not the default"
        );
    }
}

#[test]
fn quick_start_material_exists() {
    let text = readme();
    for needle in [
        "bash scripts/quickstart.sh",
        "bash .ci/run",
        "## Extraction quality",
        "## Benchmarks",
    ] {
        assert!(text.contains(needle), "README lacks {needle}");
    }
    for path in ["scripts/quickstart.sh", ".ci/run"] {
        let script = std::fs::read_to_string(repo().join(path)).unwrap();
        assert!(script.starts_with("#!/usr/bin/env bash"), "{path}");
        assert!(script.contains("set -euo pipefail"), "{path}");
    }
    let examples = std::fs::read_to_string(repo().join("examples/articles.jsonl")).unwrap();
    let mut n = 0;
    for line in examples.lines().filter(|l| !l.trim().is_empty()) {
        let article =
            newsevents::input::parse_article(line.as_bytes(), 1 << 20, chrono::Utc::now())
                .expect("example article is valid input");
        assert!(article.id.starts_with("example-"));
        n += 1;
    }
    assert!(n >= 4, "only {n} example articles");
}
