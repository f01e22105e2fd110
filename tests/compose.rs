//! `docker-compose.yml` and `Dockerfile` checked without Docker: the YAML parses as the
//! compose spec expects, every worker service's environment is a valid configuration for
//! the worker's own loader, images are pinned, and ports, hosts and volumes agree.

use newsevents::config::Config;
use serde_norway::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Duration;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compose() -> Value {
    let text = std::fs::read_to_string(repo().join("docker-compose.yml")).unwrap();
    let mut doc: Value = serde_norway::from_str(&text).expect("docker-compose.yml parses");
    doc.apply_merge().expect("yaml merge keys resolve");
    doc
}

fn services(doc: &Value) -> BTreeMap<String, Value> {
    doc["services"]
        .as_mapping()
        .expect("services is a mapping")
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_string(), v.clone()))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .map(|x| x.as_str().expect("string item").to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn profiles(svc: &Value) -> Vec<String> {
    strings(&svc["profiles"])
}

fn is_nats(svc: &Value) -> bool {
    svc["image"]
        .as_str()
        .is_some_and(|i| i.starts_with("nats:"))
}

fn is_worker(svc: &Value) -> bool {
    svc.get("build").is_some()
}

/// Compose `environment`: a mapping or a list of `KEY=VALUE`.
fn environment(svc: &Value) -> HashMap<String, String> {
    match &svc["environment"] {
        Value::Mapping(m) => m
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    Value::Bool(b) => b.to_string(),
                    other => panic!("environment value {other:?}"),
                };
                (k.as_str().unwrap().to_string(), v)
            })
            .collect(),
        Value::Sequence(s) => s
            .iter()
            .map(|kv| {
                let (k, v) = kv.as_str().unwrap().split_once('=').expect("KEY=VALUE");
                (k.to_string(), v.to_string())
            })
            .collect(),
        Value::Null => HashMap::new(),
        other => panic!("environment {other:?}"),
    }
}

/// `--flag=value` from a nats-server command line.
fn flag<'a>(command: &'a [String], name: &str) -> Option<&'a str> {
    command
        .iter()
        .find_map(|a| a.strip_prefix(name)?.strip_prefix('='))
}

/// Services that run together with `svc`: the default ones plus those of its profiles.
fn same_deployment<'a>(
    all: &'a BTreeMap<String, Value>,
    svc: &Value,
) -> Vec<(&'a String, &'a Value)> {
    let mine = profiles(svc);
    all.iter()
        .filter(|(_, other)| {
            let theirs = profiles(other);
            if mine.is_empty() {
                theirs.is_empty()
            } else {
                theirs.iter().any(|p| mine.contains(p))
            }
        })
        .collect()
}

fn parse_version(tag: &str) -> Vec<u32> {
    tag.split(['.', '-'])
        .map_while(|p| p.parse().ok())
        .collect()
}

#[test]
fn compose_file_has_the_expected_shape() {
    let doc = compose();
    assert!(
        doc.get("version").is_none(),
        "the compose spec has no `version:`"
    );
    let all = services(&doc);
    for name in ["nats", "newsevents", "nats-1", "nats-2", "nats-3"] {
        assert!(all.contains_key(name), "service {name} missing");
    }
    let workers: Vec<_> = all.iter().filter(|(_, s)| is_worker(s)).collect();
    assert!(workers.len() >= 2, "a default worker and a cluster worker");
    let declared: Vec<String> = doc["volumes"]
        .as_mapping()
        .expect("top-level volumes")
        .keys()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    for (name, svc) in &all {
        for v in strings(&svc["volumes"]) {
            let source = v.split(':').next().unwrap();
            if !source.starts_with('.') && !source.starts_with('/') {
                assert!(
                    declared.iter().any(|d| d == source),
                    "{name}: volume {source} not declared"
                );
            }
        }
    }
}

#[test]
fn images_are_pinned() {
    let doc = compose();
    for (name, svc) in services(&doc) {
        let image = svc["image"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no image"));
        let (repo_name, tag) = image
            .rsplit_once(':')
            .unwrap_or_else(|| panic!("{name}: image {image} has no tag"));
        let version = parse_version(tag);
        assert!(
            version.len() >= 2,
            "{name}: image {image} is not pinned to a version"
        );
        if repo_name == "nats" {
            assert!(
                version >= vec![2, 11],
                "{name}: JetStream KV needs nats 2.11+, got {image}"
            );
            assert!(
                tag.contains("alpine"),
                "{name}: the healthcheck needs wget (alpine variant), got {image}"
            );
        }
    }
    let dockerfile = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let msrv = manifest
        .lines()
        .find_map(|l| l.strip_prefix("rust-version = "))
        .map(|v| parse_version(v.trim_matches('"')))
        .expect("rust-version in Cargo.toml");
    let mut bases = 0;
    for line in dockerfile.lines() {
        if let Some(image) = line
            .strip_prefix("ARG RUST_IMAGE=")
            .or_else(|| line.strip_prefix("ARG RUNTIME_IMAGE="))
        {
            let (_, tag) = image.split_once(':').expect("base image tag");
            assert!(
                !tag.starts_with("latest"),
                "Dockerfile base {image} not pinned"
            );
            if image.starts_with("rust:") {
                assert!(
                    parse_version(tag) >= msrv,
                    "{image} older than rust-version"
                );
            } else {
                assert!(
                    tag.contains("bookworm"),
                    "{image}: runtime should be bookworm"
                );
            }
            bases += 1;
        }
        if line.starts_with("FROM ") {
            assert!(
                line.contains("${RUST_IMAGE}") || line.contains("${RUNTIME_IMAGE}"),
                "unpinned base: {line}"
            );
        }
    }
    assert_eq!(bases, 2, "builder and runtime images as ARGs");
    assert!(
        dockerfile.contains("USER 10001"),
        "runtime runs as non-root"
    );
}

#[test]
fn nats_services_run_jetstream_with_a_healthcheck() {
    let doc = compose();
    let all = services(&doc);
    let nats: Vec<_> = all.iter().filter(|(_, s)| is_nats(s)).collect();
    assert_eq!(nats.len(), 4, "one single node and a 3-node cluster");
    let mut names = Vec::new();
    for (name, svc) in &nats {
        let cmd = strings(&svc["command"]);
        assert!(
            cmd.iter().any(|a| a == "--jetstream"),
            "{name}: no --jetstream"
        );
        let store = flag(&cmd, "--store_dir").unwrap_or_else(|| panic!("{name}: no store_dir"));
        let mounted = strings(&svc["volumes"])
            .iter()
            .any(|v| v.split(':').nth(1) == Some(store));
        assert!(mounted, "{name}: store_dir {store} is not on a volume");
        let monitor = flag(&cmd, "--http_port").unwrap_or_else(|| panic!("{name}: no http_port"));
        let test = strings(&svc["healthcheck"]["test"]).join(" ");
        assert!(
            test.contains(&format!("127.0.0.1:{monitor}/healthz?js-enabled-only=true")),
            "{name}: healthcheck `{test}` does not check JetStream on the monitoring port"
        );
        assert!(test.starts_with("CMD wget"), "{name}: healthcheck {test}");
        names.push(
            flag(&cmd, "--server_name")
                .unwrap_or_else(|| panic!("{name}: no server_name"))
                .to_string(),
        );
        if profiles(svc).contains(&"cluster".to_string()) {
            assert_eq!(flag(&cmd, "--cluster_name"), Some("newsevents"), "{name}");
            let routes = flag(&cmd, "--routes").unwrap_or_else(|| panic!("{name}: no routes"));
            for peer in ["nats-1", "nats-2", "nats-3"] {
                assert!(
                    routes.contains(&format!("nats://{peer}:6222")),
                    "{name}: no route to {peer}"
                );
            }
            assert_eq!(flag(&cmd, "--server_name"), Some(name.as_str()));
        }
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 4, "server names are unique");
    // host ports do not collide when both deployments run
    let mut host_ports: Vec<String> = all
        .values()
        .flat_map(|s| strings(&s["ports"]))
        .map(|p| p.split(':').next().unwrap().to_string())
        .collect();
    let n = host_ports.len();
    host_ports.sort();
    host_ports.dedup();
    assert_eq!(host_ports.len(), n, "a host port is published twice");
}

#[test]
fn worker_environment_is_a_valid_config() {
    let doc = compose();
    let all = services(&doc);
    let mut checked = 0;
    for (name, svc) in all.iter().filter(|(_, s)| is_worker(s)) {
        let env = environment(svc);
        for key in env.keys() {
            assert!(
                key.starts_with("NEWSEVENTS__"),
                "{name}: {key} is not a newsevents setting"
            );
        }
        let config = Config::load_from(None, Some(env.clone()))
            .unwrap_or_else(|e| panic!("{name}: environment is not a valid config: {e}"));

        // every url names a nats service of the same deployment on its client port
        let peers = same_deployment(&all, svc);
        let nats_peers: Vec<&String> = peers
            .iter()
            .filter(|(_, s)| is_nats(s))
            .map(|(n, _)| *n)
            .collect();
        for url in config.nats.url.split(',') {
            let host_port = url.trim().trim_start_matches("nats://");
            let (host, port) = host_port.split_once(':').expect("url with port");
            assert!(
                nats_peers.iter().any(|n| n.as_str() == host),
                "{name}: {url} is not a nats service of its deployment {nats_peers:?}"
            );
            assert_eq!(port, "4222", "{name}: {url}");
            let depends = &svc["depends_on"][host]["condition"];
            assert_eq!(
                depends.as_str(),
                Some("service_healthy"),
                "{name}: does not wait for {host} to be healthy"
            );
        }
        assert!(
            config.state.replicas <= nats_peers.len(),
            "{name}: KV replicas {} on {} nats nodes",
            config.state.replicas,
            nats_peers.len()
        );
        assert!(
            config.streams.replicas <= nats_peers.len(),
            "{name}: {} replicas on {} nats nodes",
            config.streams.replicas,
            nats_peers.len()
        );
        if profiles(svc).contains(&"cluster".to_string()) {
            assert_eq!(config.streams.replicas, 3, "{name}: cluster streams are R3");
            assert_eq!(config.state.replicas, 3, "{name}: cluster KV is R3");
            assert_eq!(svc["deploy"]["replicas"].as_u64(), Some(2), "{name}");
        }

        // the http port is the one exposed, and the image exposes it too
        let port = config.http.listen.port().to_string();
        let exposed = strings(&svc["expose"]).contains(&port)
            || strings(&svc["ports"])
                .iter()
                .any(|p| p.rsplit(':').next() == Some(port.as_str()));
        assert!(exposed, "{name}: http port {port} not exposed");
        let dockerfile = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
        assert!(
            dockerfile.contains(&format!("EXPOSE {port}")),
            "Dockerfile EXPOSE"
        );
        assert!(
            dockerfile.contains(&format!("/dev/tcp/127.0.0.1/{port}")),
            "Dockerfile healthcheck port"
        );

        // docker stop waits longer than the worker's own grace period
        let grace = svc["stop_grace_period"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no stop_grace_period"));
        let grace: Duration = humantime::parse_duration(grace).unwrap();
        assert!(
            grace > config.worker.shutdown_grace,
            "{name}: stop_grace_period {grace:?} <= worker.shutdown_grace {:?}",
            config.worker.shutdown_grace
        );
        checked += 1;
    }
    assert_eq!(checked, 2);
}

#[test]
fn a_bad_environment_is_caught() {
    // The check above is only worth something if the loader rejects bad values.
    let doc = compose();
    let all = services(&doc);
    let mut env = environment(&all["newsevents"]);
    env.insert("NEWSEVENTS__STREAMS__REPLICAS".into(), "2".into());
    assert!(Config::load_from(None, Some(env.clone())).is_err());
    env.remove("NEWSEVENTS__STREAMS__REPLICAS");
    env.insert("NEWSEVENTS__HTTP__LISTN".into(), "0.0.0.0:8080".into());
    assert!(Config::load_from(None, Some(env)).is_err());
}

#[test]
fn docker_build_context_keeps_what_the_build_embeds() {
    let ignore = std::fs::read_to_string(repo().join(".dockerignore")).unwrap();
    let ignored: Vec<&str> = ignore
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(
        ignored.contains(&"target/"),
        "the build context must not ship target/"
    );
    // the binary embeds config/default.toml and data/ (include_str!/include_bytes!)
    for needed in ["src", "config", "data", "Cargo.toml", "Cargo.lock"] {
        assert!(
            !ignored
                .iter()
                .any(|p| p.trim_end_matches('/') == needed || *p == "*" || *p == "**"),
            ".dockerignore drops {needed}, which the build needs"
        );
    }
}

#[test]
fn dockerfile_dependency_layer_has_every_declared_target() {
    // `cargo fetch` in the dependency layer reads the manifest, which fails when a
    // declared [[bench]]/[[test]]/[[example]] file is not in the image yet.
    let dockerfile = std::fs::read_to_string(repo().join("Dockerfile")).unwrap();
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(repo().join("Cargo.toml")).unwrap()).unwrap();
    let fetch_at = dockerfile.find("cargo fetch").expect("a cargo fetch layer");
    let before_fetch = &dockerfile[..fetch_at];
    for (kind, dir) in [
        ("bench", "benches"),
        ("test", "tests"),
        ("example", "examples"),
    ] {
        if manifest.get(kind).is_some() {
            assert!(
                before_fetch.contains(&format!("COPY {dir} ./{dir}")),
                "[[{kind}]] declared: copy {dir}/ before `cargo fetch`"
            );
        }
    }
}
