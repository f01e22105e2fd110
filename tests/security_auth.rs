//! Security: the real binary against nats-server configured with user/password (under
//! the documented minimal permissions), token, nkey, `.creds` (operator/account/user JWTs
//! made here with `nkeys`) and TLS (a CA and server certificate made here with `rcgen`).
//! Each worker processes an article; no secret appears in its logs, its errors or
//! `newsevents config`.

mod reliability_support;

use async_nats::ConnectOptions;
use base64::Engine as _;
use reliability_support::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// The minimal permissions of the worker's NATS user with the default stream, consumer
/// and bucket names, as documented (`config/nats-worker-permissions.conf`, quoted in the
/// README), wrapped as a user's `permissions` block.
fn worker_permissions() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/nats-worker-permissions.conf"
    );
    let text = std::fs::read_to_string(path).expect("permissions file");
    format!("{{\n{text}\n}}")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write file");
    path.display().to_string()
}

/// Runs a worker with `extra` env against `url`, publishes the seed article with the
/// `admin` connection, waits until it is processed into events, stops the worker, and
/// checks that none of `secrets` shows in its log or in `newsevents config`.
async fn worker_processes_and_keeps_secrets(
    url: &str,
    admin: ConnectOptions,
    extra: &[(&str, &str)],
    secrets: &[&str],
    dir: &Path,
) {
    let mut extra = extra.to_vec();
    extra.push(("NEWSEVENTS__LOG__LEVEL", "debug"));
    let env = worker_env(url, &extra);
    let (code, stdout, stderr) = run_binary(&["config"], &env);
    assert_eq!(code, 0, "newsevents config: {stderr}");
    for s in secrets {
        assert!(
            !stdout.contains(s) && !stderr.contains(s),
            "secret in `newsevents config`"
        );
    }
    let log = dir.join(format!("worker-{}.log", free_port()));
    let worker = BinWorker::spawn(&env, &log);
    let admin = tokio::time::timeout(Duration::from_secs(10), admin.connect(url))
        .await
        .expect("admin connect timeout")
        .expect("admin connect");
    let js = async_nats::jetstream::new(admin);
    worker.wait_started();
    wait_consumer(&js, Duration::from_secs(60)).await;
    let seed = std::fs::read(shared("fixtures/seed/article.json")).expect("seed article");
    publish_articles(&js, &[("seed-0001".to_string(), seed)]).await;
    wait_idle(&js, 1, Duration::from_secs(60)).await;
    let ledger = EventLedger::read(&js).await;
    assert!(
        ledger.sourced_articles().contains("seed-0001"),
        "the worker published events of the seed article"
    );
    assert!(read_stream(&js, "NEWS_DLQ").await.is_empty());
    assert_eq!(worker.terminate(), Some(0), "clean exit");
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(text.contains("connected"), "the log is captured: {text}");
    for s in secrets {
        assert!(!text.contains(s), "secret in the worker log");
    }
}

/// A worker with a wrong secret stops with an error that does not repeat the secret.
fn wrong_secret_fails_without_leaking(url: &str, extra: &[(&str, &str)], secret: &str) {
    let mut extra = extra.to_vec();
    extra.push(("NEWSEVENTS__LOG__LEVEL", "trace"));
    extra.push(("NEWSEVENTS__NATS__CONNECT__MAX_ATTEMPTS", "2"));
    let env = worker_env(url, &extra);
    let (code, stdout, stderr) = run_binary(&["run"], &env);
    assert_ne!(code, 0, "refused credentials end the worker: {stderr}");
    assert!(
        stderr.to_lowercase().contains("auth"),
        "the error names authentication: {stderr}"
    );
    assert!(
        !stdout.contains(secret) && !stderr.contains(secret),
        "secret in the error"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn user_password_under_minimal_permissions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let permissions = worker_permissions();
    let conf = format!(
        "authorization {{ users = [\n\
         {{ user: admin, password: \"admin-pass-7Qx\" }},\n\
         {{ user: newsevents, password: \"worker-pass-S3cr3t\", permissions: {permissions} }}\n\
         ] }}"
    );
    let server = Server::with_conf(dir.path(), free_port(), &conf);
    worker_processes_and_keeps_secrets(
        &server.url(),
        ConnectOptions::with_user_and_password("admin".into(), "admin-pass-7Qx".into()),
        &[
            ("NEWSEVENTS__NATS__AUTH__USER", "newsevents"),
            ("NEWSEVENTS__NATS__AUTH__PASSWORD", "worker-pass-S3cr3t"),
        ],
        &["worker-pass-S3cr3t"],
        dir.path(),
    )
    .await;
    let violations = server.log().matches("Permissions Violation").count();
    assert_eq!(
        violations,
        0,
        "the worker needed nothing beyond its permissions:\n{}",
        server.log()
    );
    wrong_secret_fails_without_leaking(
        &server.url(),
        &[
            ("NEWSEVENTS__NATS__AUTH__USER", "newsevents"),
            ("NEWSEVENTS__NATS__AUTH__PASSWORD", "wrong-pass-Zz9"),
        ],
        "wrong-pass-Zz9",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token() {
    let dir = tempfile::tempdir().expect("temp dir");
    let token = "tok-9f8e7d6c5b4a-SECRET";
    let server = Server::with_conf(
        dir.path(),
        free_port(),
        &format!("authorization {{ token: \"{token}\" }}"),
    );
    worker_processes_and_keeps_secrets(
        &server.url(),
        ConnectOptions::with_token(token.into()),
        &[("NEWSEVENTS__NATS__AUTH__TOKEN", token)],
        &[token],
        dir.path(),
    )
    .await;
    wrong_secret_fails_without_leaking(
        &server.url(),
        &[("NEWSEVENTS__NATS__AUTH__TOKEN", "tok-wrong-SECRET")],
        "tok-wrong-SECRET",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nkey_seed_and_seed_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let user = nkeys::KeyPair::new_user();
    let seed = user.seed().expect("seed");
    let conf = format!(
        "authorization {{ users = [\n\
         {{ user: admin, password: \"admin-pass-7Qx\" }},\n\
         {{ nkey: {} }}\n\
         ] }}",
        user.public_key()
    );
    let admin = || ConnectOptions::with_user_and_password("admin".into(), "admin-pass-7Qx".into());
    let file = write(dir.path(), "worker.nk", &format!("{seed}\n"));
    let cases = [
        ("NEWSEVENTS__NATS__AUTH__NKEY_SEED", seed.as_str()),
        ("NEWSEVENTS__NATS__AUTH__NKEY_SEED_FILE", file.as_str()),
    ];
    let mut last = None;
    for (key, value) in cases {
        // A fresh server each time: the seed article is new to each worker.
        let sub = dir.path().join(key);
        std::fs::create_dir_all(&sub).expect("sub dir");
        let server = Server::with_conf(&sub, free_port(), &conf);
        worker_processes_and_keeps_secrets(&server.url(), admin(), &[(key, value)], &[&seed], &sub)
            .await;
        last = Some(server);
    }
    let server = last.expect("a server");
    let other = nkeys::KeyPair::new_user().seed().expect("seed");
    wrong_secret_fails_without_leaking(
        &server.url(),
        &[("NEWSEVENTS__NATS__AUTH__NKEY_SEED", &other)],
        &other,
    );
}

/// A signed NATS JWT (`ed25519-nkey`): header.claims.signature, base64url without padding.
fn jwt(issuer: &nkeys::KeyPair, subject: &str, name: &str, nats: serde_json::Value) -> String {
    let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    let header = b64(br#"{"typ":"JWT","alg":"ed25519-nkey"}"#);
    let claims = serde_json::json!({
        "jti": format!("{:032X}", rand_u128()),
        "iat": chrono::Utc::now().timestamp(),
        "iss": issuer.public_key(),
        "name": name,
        "sub": subject,
        "nats": nats,
    });
    let body = format!("{header}.{}", b64(claims.to_string().as_bytes()));
    let sig = issuer.sign(body.as_bytes()).expect("sign");
    format!("{body}.{}", b64(&sig))
}

fn rand_u128() -> u128 {
    use rand::Rng;
    rand::rng().random()
}

fn creds(user_jwt: &str, seed: &str) -> String {
    format!(
        "-----BEGIN NATS USER JWT-----\n{user_jwt}\n------END NATS USER JWT------\n\n\
         ************************* IMPORTANT *************************\n\
         NKEY Seed printed below can be used to sign and prove identity.\n\n\
         -----BEGIN USER NKEY SEED-----\n{seed}\n------END USER NKEY SEED------\n\n\
         *************************************************************\n"
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creds_file_with_operator_account_and_user_jwts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let operator = nkeys::KeyPair::new_operator();
    let account = nkeys::KeyPair::new_account();
    let op_jwt = jwt(
        &operator,
        &operator.public_key(),
        "test-operator",
        serde_json::json!({"type": "operator", "version": 2}),
    );
    let acc_jwt = jwt(
        &operator,
        &account.public_key(),
        "NEWS",
        serde_json::json!({
            "type": "account", "version": 2,
            "limits": {"subs": -1, "data": -1, "payload": -1, "imports": -1, "exports": -1,
                       "wildcards": true, "conn": -1, "leaf": -1,
                       "mem_storage": -1, "disk_storage": -1, "streams": -1, "consumer": -1},
            "default_permissions": {"pub": {}, "sub": {}}
        }),
    );
    let user_creds = |name: &str| {
        let user = nkeys::KeyPair::new_user();
        let token = jwt(
            &account,
            &user.public_key(),
            name,
            serde_json::json!({"type": "user", "version": 2, "pub": {}, "sub": {},
                               "subs": -1, "data": -1, "payload": -1}),
        );
        let seed = user.seed().expect("seed");
        let file = write(dir.path(), &format!("{name}.creds"), &creds(&token, &seed));
        (file, seed)
    };
    let system = nkeys::KeyPair::new_account();
    let sys_jwt = jwt(
        &operator,
        &system.public_key(),
        "SYS",
        serde_json::json!({"type": "account", "version": 2}),
    );
    let conf = format!(
        "operator: \"{op_jwt}\"\nsystem_account: {sys}\nresolver: MEMORY\n\
         resolver_preload: {{ {acc}: \"{acc_jwt}\", {sys}: \"{sys_jwt}\" }}",
        acc = account.public_key(),
        sys = system.public_key(),
    );
    let server = Server::with_conf(dir.path(), free_port(), &conf);
    let (admin_file, _) = user_creds("admin");
    let (worker_file, worker_seed) = user_creds("newsevents");
    let admin = ConnectOptions::with_credentials_file(&admin_file)
        .await
        .expect("admin creds");
    worker_processes_and_keeps_secrets(
        &server.url(),
        admin,
        &[("NEWSEVENTS__NATS__AUTH__CREDS_FILE", &worker_file)],
        &[&worker_seed],
        dir.path(),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_with_a_generated_ca() {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    let dir = tempfile::tempdir().expect("temp dir");
    let ca_key = KeyPair::generate().expect("ca key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).expect("ca cert");
    let server_key = KeyPair::generate().expect("server key");
    let server_cert = CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()])
        .expect("server params")
        .signed_by(&server_key, &ca, &ca_key)
        .expect("server cert");
    let ca_file = write(dir.path(), "ca.pem", &ca.pem());
    let cert_file = write(dir.path(), "server.pem", &server_cert.pem());
    let key_file = write(dir.path(), "server-key.pem", &server_key.serialize_pem());
    let password = "tls-pass-Q1w2e3";
    let conf = format!(
        "tls {{ cert_file: \"{cert_file}\", key_file: \"{key_file}\" }}\n\
         authorization {{ user: newsevents, password: \"{password}\" }}"
    );
    let server = Server::with_conf(dir.path(), free_port(), &conf);
    let url = format!("tls://127.0.0.1:{}", server.port);
    let admin = ConnectOptions::with_user_and_password("newsevents".into(), password.into())
        .add_root_certificates(ca_file.clone().into())
        .require_tls(true);
    worker_processes_and_keeps_secrets(
        &url,
        admin,
        &[
            ("NEWSEVENTS__NATS__TLS__CA_FILE", &ca_file),
            ("NEWSEVENTS__NATS__TLS__REQUIRE_TLS", "true"),
            ("NEWSEVENTS__NATS__AUTH__USER", "newsevents"),
            ("NEWSEVENTS__NATS__AUTH__PASSWORD", password),
        ],
        &[password],
        dir.path(),
    )
    .await;
    let server_key_pem = std::fs::read_to_string(&key_file).unwrap_or_default();
    let (_, stdout, _) = run_binary(&["config"], &worker_env(&url, &[]));
    assert!(!stdout.contains(server_key_pem.trim()));
}

/// `newsevents config` prints every secret redacted, whatever the method.
#[test]
fn config_output_redacts_every_secret() {
    let seed = nkeys::KeyPair::new_user().seed().expect("seed");
    let cases: Vec<Vec<(&str, &str)>> = vec![
        vec![
            ("NEWSEVENTS__NATS__AUTH__USER", "u"),
            ("NEWSEVENTS__NATS__AUTH__PASSWORD", "pw-REDACT-ME"),
        ],
        vec![("NEWSEVENTS__NATS__AUTH__TOKEN", "tok-REDACT-ME")],
        vec![("NEWSEVENTS__NATS__AUTH__NKEY_SEED", &seed)],
    ];
    for extra in cases {
        let env: BTreeMap<String, String> = worker_env("nats://127.0.0.1:1", &extra);
        let (code, stdout, stderr) = run_binary(&["config"], &env);
        assert_eq!(code, 0, "{stderr}");
        let secret = extra.last().map(|(_, v)| *v).unwrap_or_default();
        assert!(!stdout.contains(secret), "{stdout}");
        assert!(stdout.contains("XXXXXXXX"), "shown redacted: {stdout}");
    }
}
