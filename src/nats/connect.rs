//! Connecting to NATS: every auth method from config, TLS, and the initial connection
//! retried with jittered exponential backoff (compose starts the worker beside NATS).

use crate::config::{ConnectRetryConfig, NatsConfig};
use crate::http::Health;
use async_nats::{ConnectErrorKind, ConnectOptions, Event, ServerAddr};
use rand::Rng;
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Why no connection was made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("nats url '{0}' is invalid")]
    Url(String),
    #[error("reading nkey seed file {path}: {source}")]
    SeedFile {
        path: String,
        source: std::io::Error,
    },
    #[error("reading creds file {path}: {source}")]
    CredsFile {
        path: String,
        source: std::io::Error,
    },
    #[error("nats connection failed for good: {0}")]
    Fatal(async_nats::ConnectError),
    #[error("nats connection failed after {attempts} attempts: {last}")]
    GaveUp {
        attempts: u32,
        last: async_nats::ConnectError,
    },
    #[error("nats connection cancelled by shutdown")]
    Cancelled,
}

/// Builds the client options from config (auth, TLS, name, event logging).
pub async fn options(
    cfg: &NatsConfig,
    health: Arc<Health>,
) -> Result<ConnectOptions, ConnectError> {
    let auth = &cfg.auth;
    let mut opts = if let Some(path) = &auth.creds_file {
        ConnectOptions::with_credentials_file(path.clone())
            .await
            .map_err(|source| ConnectError::CredsFile {
                path: path.display().to_string(),
                source,
            })?
    } else {
        ConnectOptions::new()
    };
    if let (Some(user), Some(password)) = (&auth.user, &auth.password) {
        opts = opts.user_and_password(user.clone(), password.expose().to_string());
    }
    if let Some(token) = &auth.token {
        opts = opts.token(token.expose().to_string());
    }
    if let Some(seed) = &auth.nkey_seed {
        opts = opts.nkey(seed.expose().trim().to_string());
    }
    if let Some(path) = &auth.nkey_seed_file {
        let seed =
            tokio::fs::read_to_string(path)
                .await
                .map_err(|source| ConnectError::SeedFile {
                    path: path.display().to_string(),
                    source,
                })?;
        opts = opts.nkey(seed.trim().to_string());
    }
    let tls = &cfg.tls;
    if tls.require_tls {
        opts = opts.require_tls(true);
    }
    if let Some(ca) = &tls.ca_file {
        opts = opts.add_root_certificates(ca.clone());
    }
    if let (Some(cert), Some(key)) = (&tls.cert_file, &tls.key_file) {
        opts = opts.add_client_certificate(cert.clone(), key.clone());
    }
    Ok(opts
        .name(&cfg.name)
        .connection_timeout(cfg.connect.timeout)
        .max_reconnects(None)
        .client_capacity(8192)
        .event_callback(move |event| {
            let health = health.clone();
            async move { log_event(&health, event) }
        }))
}

fn log_event(health: &Health, event: Event) {
    match event {
        Event::Connected => {
            health.set_connected(true);
            tracing::info!("nats connected");
        }
        Event::Disconnected => {
            health.set_connected(false);
            tracing::warn!("nats disconnected; reconnecting");
        }
        Event::Closed => {
            health.set_connected(false);
            tracing::info!("nats connection closed");
        }
        Event::LameDuckMode => tracing::warn!("nats server entered lame duck mode"),
        Event::Draining => tracing::info!("nats connection draining"),
        Event::SlowConsumer(sid) => tracing::warn!(sid, "nats slow consumer"),
        Event::ServerError(e) => tracing::warn!(error = %e, "nats server error"),
        Event::ClientError(e) => tracing::warn!(error = %e, "nats client error"),
    }
}

/// Connects, retrying with jittered exponential backoff until success, `max_attempts`,
/// an error that retrying cannot fix (authentication), or `cancel`.
pub async fn connect(
    cfg: &NatsConfig,
    health: Arc<Health>,
    cancel: &CancellationToken,
) -> Result<async_nats::Client, ConnectError> {
    let addrs = cfg
        .urls()
        .map(|u| {
            u.parse::<ServerAddr>()
                .map_err(|_| ConnectError::Url(u.into()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut attempt: u32 = 0;
    loop {
        attempt = attempt.saturating_add(1);
        let opts = options(cfg, health.clone()).await?;
        let result = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(ConnectError::Cancelled),
            r = opts.connect(addrs.clone()) => r,
        };
        let err = match result {
            Ok(client) => {
                health.set_connected(true);
                return Ok(client);
            }
            Err(e) => e,
        };
        if matches!(
            err.kind(),
            ConnectErrorKind::Authentication
                | ConnectErrorKind::AuthorizationViolation
                | ConnectErrorKind::ServerParse
        ) {
            return Err(ConnectError::Fatal(err));
        }
        if cfg.connect.max_attempts != 0 && attempt >= cfg.connect.max_attempts {
            return Err(ConnectError::GaveUp {
                attempts: attempt,
                last: err,
            });
        }
        let delay = backoff_delay(&cfg.connect, attempt, rand::rng().random::<f64>());
        tracing::warn!(attempt, error = %err, retry_in = ?delay, "nats connection failed");
        tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(ConnectError::Cancelled),
            _ = tokio::time::sleep(delay) => {}
        }
    }
}

/// Delay after failed attempt `attempt` (1-based): exponential, capped, with "equal
/// jitter" (half fixed, half random from `unit` in [0, 1)).
pub fn backoff_delay(cfg: &ConnectRetryConfig, attempt: u32, unit: f64) -> Duration {
    let exp = 2u32.saturating_pow(attempt.saturating_sub(1).min(30));
    let full = cfg.initial_backoff.saturating_mul(exp).min(cfg.max_backoff);
    let half = full / 2;
    half + half.mul_f64(unit.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_caps_and_jitters() {
        let cfg = ConnectRetryConfig {
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(2),
            max_attempts: 0,
            timeout: Duration::from_secs(1),
        };
        let ms = |attempt, unit| backoff_delay(&cfg, attempt, unit).as_millis();
        let cases = [
            (1, 0.0, 50),
            (1, 0.999_999, 99),
            (2, 0.0, 100),
            (3, 0.5, 300),
            (5, 0.0, 800),
            (6, 0.0, 1000),
            (40, 1.0, 2000),
            (u32::MAX, 0.0, 1000),
        ];
        for (attempt, unit, want) in cases {
            assert_eq!(ms(attempt, unit), want, "attempt {attempt} unit {unit}");
        }
    }
}
