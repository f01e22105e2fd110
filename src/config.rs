//! Typed configuration of the worker: `config/default.toml` (embedded) < `--config PATH`
//! < environment (`NEWSEVENTS__SECTION__KEY`), validated with errors naming the key.

use crate::dedup::DedupConfig;
use crate::nats::state::StateConfig;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::num::{NonZeroU32, NonZeroUsize};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The committed defaults, embedded so the binary works from any directory.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// Environment variable prefix; `NEWSEVENTS__NATS__URL` overrides `nats.url`.
pub const ENV_PREFIX: &str = "NEWSEVENTS";

/// Largest article the worker can be configured to accept (the contract's 3 MB probe
/// must always be rejected).
pub const MAX_PAYLOAD_CEILING: usize = 3_000_000;

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("config: {0}")]
    Load(#[from] config::ConfigError),
    #[error("config key `{key}`: {reason}")]
    Invalid { key: &'static str, reason: String },
    #[error("config: cannot render as toml: {0}")]
    Render(String),
}

fn invalid(key: &'static str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key,
        reason: reason.into(),
    }
}

/// A secret string: printed as `XXXXXXXX` in `Debug` and in `newsevents config`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    /// The secret itself, for handing to the NATS client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

const REDACTED: &str = "XXXXXXXX";

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(REDACTED)
    }
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub nats: NatsConfig,
    pub streams: StreamsConfig,
    pub worker: WorkerConfig,
    pub http: HttpConfig,
    pub log: LogConfig,
    #[serde(default)]
    pub dedup: DedupConfig,
    #[serde(default)]
    pub state: StateConfig,
}

/// `[nats]`: where and how to connect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NatsConfig {
    /// One url or several separated by commas (`nats://`, `tls://`).
    #[serde(default = "default_url")]
    pub url: String,
    /// Client name shown by the server (`nats server report connections`).
    #[serde(default = "default_name")]
    pub name: String,
    #[serde(default)]
    pub auth: AuthConfig,
    #[serde(default)]
    pub tls: TlsConfig,
    #[serde(default)]
    pub connect: ConnectRetryConfig,
}

fn default_url() -> String {
    "nats://127.0.0.1:4222".into()
}
fn default_name() -> String {
    "newsevents".into()
}

/// `[nats.auth]`: at most one method (user/password, token, nkey seed, creds file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<Secret>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<Secret>,
    /// NKey seed (`SU...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nkey_seed: Option<Secret>,
    /// File holding the NKey seed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nkey_seed_file: Option<PathBuf>,
    /// `.creds` file (JWT + seed) as written by `nsc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creds_file: Option<PathBuf>,
}

/// `[nats.tls]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TlsConfig {
    /// Require TLS even for `nats://` urls.
    pub require_tls: bool,
    /// PEM file of CA certificates to trust.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// PEM client certificate (with `key_file`) for mutual TLS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_file: Option<PathBuf>,
}

/// `[nats.connect]`: retry of the initial connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConnectRetryConfig {
    #[serde(with = "humantime_serde")]
    pub initial_backoff: Duration,
    #[serde(with = "humantime_serde")]
    pub max_backoff: Duration,
    /// 0 retries forever.
    pub max_attempts: u32,
    /// Timeout of one connection attempt.
    #[serde(with = "humantime_serde")]
    pub timeout: Duration,
}

impl Default for ConnectRetryConfig {
    fn default() -> Self {
        ConnectRetryConfig {
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(10),
            max_attempts: 0,
            timeout: Duration::from_secs(5),
        }
    }
}

/// `[streams]`: subjects, streams and the durable consumer of the contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StreamsConfig {
    pub articles_subject: String,
    pub articles_stream: String,
    pub durable: String,
    pub events_prefix: String,
    pub events_stream: String,
    pub dlq_subject: String,
    pub dlq_stream: String,
    /// 1, or 3 on a cluster.
    pub replicas: usize,
    /// Msg-id dedup window of the streams; must cover the redelivery span.
    #[serde(with = "humantime_serde")]
    pub duplicate_window: Duration,
}

/// `[worker]`: throughput, retries and shutdown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerConfig {
    pub max_in_flight: NonZeroUsize,
    pub batch_size: NonZeroUsize,
    pub publish_window: NonZeroUsize,
    pub max_deliver: NonZeroU32,
    pub backoff: Vec<humantime_serde::Serde<Duration>>,
    #[serde(with = "humantime_serde")]
    pub ack_wait: Duration,
    pub max_payload_bytes: NonZeroUsize,
    /// 0 = one per core.
    pub processing_threads: usize,
    #[serde(with = "humantime_serde")]
    pub shutdown_grace: Duration,
    #[serde(with = "humantime_serde")]
    pub lag_poll_interval: Duration,
    /// Test hook: articles with these ids fail processing (issue 5). Undocumented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fail_article_ids_for_test: Vec<String>,
}

impl WorkerConfig {
    /// Threads of the extraction pool.
    pub fn threads(&self) -> usize {
        match self.processing_threads {
            0 => std::thread::available_parallelism().map_or(2, NonZeroUsize::get),
            n => n,
        }
    }

    /// Delay before delivery `delivered + 1`, after `delivered` failed attempts.
    pub fn retry_delay(&self, delivered: u64) -> Duration {
        let i = usize::try_from(delivered.saturating_sub(1)).unwrap_or(usize::MAX);
        self.backoff
            .get(i)
            .or(self.backoff.last())
            .map(|d| **d)
            .unwrap_or(self.ack_wait)
    }

    /// Longest time from first delivery to the last redelivery: each retry waits for
    /// its nak delay, or for `ack_wait` when a worker died holding the message.
    pub fn redelivery_span(&self) -> Duration {
        (1..u64::from(self.max_deliver.get()))
            .map(|d| self.retry_delay(d).max(self.ack_wait))
            .sum()
    }
}

/// `[http]`: health and metrics endpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    pub enabled: bool,
    pub listen: SocketAddr,
}

/// `[log]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// `tracing` filter directive (`info`, `newsevents=debug,async_nats=warn`).
    pub level: String,
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Json,
    Text,
}

impl Config {
    /// Defaults < `path` < process environment.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        Config::load_from(path, None)
    }

    /// Defaults < `path` < `env` (the process environment when `None`): tests pass a map.
    pub fn load_from(
        path: Option<&Path>,
        env: Option<HashMap<String, String>>,
    ) -> Result<Config, ConfigError> {
        let mut builder = config::Config::builder().add_source(config::File::from_str(
            DEFAULT_TOML,
            config::FileFormat::Toml,
        ));
        if let Some(p) = path {
            builder = builder.add_source(
                config::File::from(p)
                    .format(config::FileFormat::Toml)
                    .required(true),
            );
        }
        let env_source = config::Environment::with_prefix(ENV_PREFIX)
            .prefix_separator("__")
            .separator("__")
            .try_parsing(true)
            .list_separator(",")
            .with_list_parse_key("worker.backoff")
            .with_list_parse_key("worker.fail_article_ids_for_test")
            .source(env);
        let cfg: Config = builder.add_source(env_source).build()?.try_deserialize()?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks invariants the types cannot express; the error names the key.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for url in self.nats.urls() {
            validate_url(url)?;
        }
        if self.nats.urls().next().is_none() {
            return Err(invalid("nats.url", "no url given"));
        }
        let a = &self.nats.auth;
        let methods = [
            a.user.is_some() || a.password.is_some(),
            a.token.is_some(),
            a.nkey_seed.is_some() || a.nkey_seed_file.is_some(),
            a.creds_file.is_some(),
        ];
        if methods.iter().filter(|m| **m).count() > 1 {
            return Err(invalid(
                "nats.auth",
                "set only one of user/password, token, nkey_seed(_file), creds_file",
            ));
        }
        if a.user.is_some() != a.password.is_some() {
            return Err(invalid(
                "nats.auth.password",
                "user and password go together",
            ));
        }
        if a.nkey_seed.is_some() && a.nkey_seed_file.is_some() {
            return Err(invalid(
                "nats.auth.nkey_seed_file",
                "set nkey_seed or nkey_seed_file, not both",
            ));
        }
        if let Some(seed) = &a.nkey_seed {
            if !seed.expose().starts_with('S') {
                return Err(invalid(
                    "nats.auth.nkey_seed",
                    "not an nkey seed (it starts with 'S')",
                ));
            }
        }
        let t = &self.nats.tls;
        if t.cert_file.is_some() != t.key_file.is_some() {
            return Err(invalid(
                "nats.tls.key_file",
                "cert_file and key_file go together",
            ));
        }
        let c = &self.nats.connect;
        if c.initial_backoff.is_zero() || c.initial_backoff > c.max_backoff {
            return Err(invalid(
                "nats.connect.initial_backoff",
                "must be > 0 and <= nats.connect.max_backoff",
            ));
        }
        if c.timeout.is_zero() {
            return Err(invalid("nats.connect.timeout", "must be > 0"));
        }
        let s = &self.streams;
        for (key, subject) in [
            ("streams.articles_subject", &s.articles_subject),
            ("streams.events_prefix", &s.events_prefix),
            ("streams.dlq_subject", &s.dlq_subject),
        ] {
            validate_subject(key, subject)?;
        }
        if s.events_prefix.contains(['*', '>']) || s.dlq_subject.contains(['*', '>']) {
            return Err(invalid(
                "streams.events_prefix",
                "publish subjects cannot hold wildcards",
            ));
        }
        for (key, name) in [
            ("streams.articles_stream", &s.articles_stream),
            ("streams.events_stream", &s.events_stream),
            ("streams.dlq_stream", &s.dlq_stream),
            ("streams.durable", &s.durable),
        ] {
            if name.is_empty() || name.contains(['.', '*', '>', ' ', '\t', '/', '\\']) {
                return Err(invalid(key, format!("invalid name '{name}'")));
            }
        }
        if !matches!(s.replicas, 1 | 3 | 5) {
            return Err(invalid("streams.replicas", "must be 1, 3 or 5"));
        }
        let w = &self.worker;
        if w.max_payload_bytes.get() >= MAX_PAYLOAD_CEILING {
            return Err(invalid(
                "worker.max_payload_bytes",
                format!("must be below {MAX_PAYLOAD_CEILING}"),
            ));
        }
        if w.backoff.iter().any(|d| d.is_zero()) {
            return Err(invalid("worker.backoff", "steps must be > 0"));
        }
        if !w.backoff.is_empty() && w.max_deliver.get() as usize <= w.backoff.len() {
            return Err(invalid(
                "worker.max_deliver",
                "must exceed the number of worker.backoff steps",
            ));
        }
        if w.ack_wait < Duration::from_secs(1) {
            return Err(invalid("worker.ack_wait", "must be at least 1s"));
        }
        if w.shutdown_grace.is_zero() {
            return Err(invalid("worker.shutdown_grace", "must be > 0"));
        }
        if w.lag_poll_interval < Duration::from_millis(100) {
            return Err(invalid(
                "worker.lag_poll_interval",
                "must be at least 100ms",
            ));
        }
        if s.duplicate_window < w.redelivery_span() {
            return Err(invalid(
                "streams.duplicate_window",
                format!(
                    "{} does not cover the redelivery span of {} (worker.backoff x worker.max_deliver)",
                    humantime::format_duration(s.duplicate_window),
                    humantime::format_duration(w.redelivery_span())
                ),
            ));
        }
        tracing_subscriber::EnvFilter::try_new(&self.log.level)
            .map_err(|e| invalid("log.level", format!("'{}': {e}", self.log.level)))?;
        Ok(())
    }

    /// The effective config as TOML, secrets redacted (`newsevents config`).
    pub fn to_toml(&self) -> Result<String, ConfigError> {
        toml::to_string_pretty(self).map_err(|e| ConfigError::Render(e.to_string()))
    }
}

impl NatsConfig {
    /// The urls of `nats.url`, split at commas.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.url.split(',').map(str::trim).filter(|u| !u.is_empty())
    }
}

fn validate_url(url: &str) -> Result<(), ConfigError> {
    let bad = || invalid("nats.url", format!("invalid url '{url}'"));
    let rest = match url.split_once("://") {
        Some(("nats" | "tls" | "ws" | "wss", rest)) => rest,
        Some(_) => return Err(bad()),
        None if url.contains(':') && !url.contains('/') => url,
        None => return Err(bad()),
    };
    let host_port = rest.rsplit('@').next().unwrap_or(rest);
    let host_port = host_port.split('/').next().unwrap_or(host_port);
    if host_port.is_empty() || host_port.starts_with(':') {
        return Err(bad());
    }
    if let Some((_, port)) = host_port.rsplit_once(':') {
        if !host_port.ends_with(']') && port.parse::<u16>().is_err() {
            return Err(bad());
        }
    }
    url.parse::<async_nats::ServerAddr>().map_err(|_| bad())?;
    Ok(())
}

fn validate_subject(key: &'static str, subject: &str) -> Result<(), ConfigError> {
    let ok = !subject.is_empty()
        && !subject.contains([' ', '\t', '\r', '\n'])
        && subject.split('.').all(|t| !t.is_empty())
        && subject
            .split('.')
            .enumerate()
            .all(|(i, t)| t != ">" || i + 1 == subject.split('.').count());
    if ok {
        Ok(())
    } else {
        Err(invalid(key, format!("invalid subject '{subject}'")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
        Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn committed_defaults_parse_and_validate() {
        let cfg = Config::load_from(None, env(&[])).expect("default.toml is valid");
        assert_eq!(cfg.streams.articles_subject, "news.articles.>");
        assert_eq!(cfg.streams.events_stream, "NEWS_EVENTS");
        assert_eq!(cfg.streams.dlq_subject, "news.dlq");
        assert_eq!(cfg.worker.max_payload_bytes.get(), 1 << 20);
        assert!(cfg.worker.max_deliver.get() as usize > cfg.worker.backoff.len());
    }

    #[test]
    fn file_overrides_defaults_and_env_overrides_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[nats]\nurl = \"nats://file:4222\"\nname = \"from-file\"\n[worker]\nmax_in_flight = 7\n",
        )
        .unwrap();
        let cfg = Config::load_from(Some(&path), env(&[])).unwrap();
        assert_eq!(cfg.nats.url, "nats://file:4222");
        assert_eq!(cfg.worker.max_in_flight.get(), 7);
        let cfg = Config::load_from(
            Some(&path),
            env(&[
                ("NEWSEVENTS__NATS__URL", "nats://env:4222"),
                ("NEWSEVENTS__WORKER__BACKOFF", "2s,4s"),
                ("NEWSEVENTS__NATS__AUTH__USER", "alice"),
                ("NEWSEVENTS__NATS__AUTH__PASSWORD", "12345"),
            ]),
        )
        .unwrap();
        assert_eq!(cfg.nats.url, "nats://env:4222");
        assert_eq!(cfg.nats.name, "from-file");
        assert_eq!(
            cfg.worker.backoff,
            [Duration::from_secs(2).into(), Duration::from_secs(4).into()]
        );
        assert_eq!(cfg.nats.auth.password.as_ref().unwrap().expose(), "12345");
    }

    #[test]
    fn validation_errors_name_the_key() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[("NEWSEVENTS__NATS__URL", "nats:/x")],
                "config key `nats.url`: invalid url 'nats:/x'",
            ),
            (&[("NEWSEVENTS__NATS__URL", "http://x:4222")], "`nats.url`"),
            (&[("NEWSEVENTS__NATS__URL", "nats://x:99999")], "`nats.url`"),
            (
                &[("NEWSEVENTS__WORKER__MAX_PAYLOAD_BYTES", "3000000")],
                "`worker.max_payload_bytes`",
            ),
            (
                &[("NEWSEVENTS__WORKER__MAX_DELIVER", "2")],
                "`worker.max_deliver`",
            ),
            (
                &[("NEWSEVENTS__STREAMS__REPLICAS", "2")],
                "`streams.replicas`",
            ),
            (
                &[("NEWSEVENTS__STREAMS__ARTICLES_SUBJECT", "news..x")],
                "`streams.articles_subject`",
            ),
            (
                &[("NEWSEVENTS__STREAMS__EVENTS_PREFIX", "news.*")],
                "`streams.events_prefix`",
            ),
            (
                &[("NEWSEVENTS__STREAMS__DUPLICATE_WINDOW", "1s")],
                "`streams.duplicate_window`",
            ),
            (
                &[("NEWSEVENTS__NATS__AUTH__USER", "bob")],
                "`nats.auth.password`",
            ),
            (
                &[
                    ("NEWSEVENTS__NATS__AUTH__TOKEN", "t"),
                    ("NEWSEVENTS__NATS__AUTH__CREDS_FILE", "/x.creds"),
                ],
                "`nats.auth`",
            ),
            (
                &[("NEWSEVENTS__NATS__AUTH__NKEY_SEED", "UABC")],
                "`nats.auth.nkey_seed`",
            ),
            (
                &[("NEWSEVENTS__NATS__TLS__CERT_FILE", "/c.pem")],
                "`nats.tls.key_file`",
            ),
            (&[("NEWSEVENTS__LOG__LEVEL", "info,[[")], "`log.level`"),
        ];
        for (vars, want) in cases {
            let err = Config::load_from(None, env(vars)).unwrap_err().to_string();
            assert!(err.contains(want), "{vars:?}: got {err}");
        }
    }

    #[test]
    fn unknown_and_mistyped_keys_are_rejected() {
        for vars in [
            &[("NEWSEVENTS__WORKER__MAX_INFLIGHT", "3")][..],
            &[("NEWSEVENTS__WORKER__MAX_IN_FLIGHT", "0")][..],
            &[("NEWSEVENTS__WORKER__ACK_WAIT", "soon")][..],
            &[("NEWSEVENTS__LOG__FORMAT", "xml")][..],
        ] {
            assert!(Config::load_from(None, env(vars)).is_err(), "{vars:?}");
        }
    }

    #[test]
    fn secrets_are_redacted_in_debug_and_toml() {
        let cfg = Config::load_from(
            None,
            env(&[("NEWSEVENTS__NATS__AUTH__TOKEN", "s3cr3t-token")]),
        )
        .unwrap();
        let debug = format!("{cfg:?}");
        let toml = cfg.to_toml().unwrap();
        for shown in [&debug, &toml] {
            assert!(!shown.contains("s3cr3t-token"), "{shown}");
            assert!(shown.contains(REDACTED));
        }
        assert!(toml.contains("[worker]"));
    }

    #[test]
    fn retry_delays_follow_backoff_steps() {
        let mut w = Config::load_from(None, env(&[])).unwrap().worker;
        w.backoff = vec![Duration::from_secs(1).into(), Duration::from_secs(5).into()];
        w.max_deliver = NonZeroU32::new(4).unwrap();
        w.ack_wait = Duration::from_secs(2);
        assert_eq!(w.retry_delay(1), Duration::from_secs(1));
        assert_eq!(w.retry_delay(2), Duration::from_secs(5));
        assert_eq!(w.retry_delay(3), Duration::from_secs(5));
        assert_eq!(w.redelivery_span(), Duration::from_secs(2 + 5 + 5));
    }
}
