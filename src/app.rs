//! Wiring of the worker: config -> connection -> streams/consumer -> pull loop, plus the
//! HTTP endpoint and the graceful drain on shutdown. `newsevents run`, tests and the
//! bench all start workers through [`run`].

use crate::config::{Config, LogConfig, LogFormat};
use crate::geo::Gazetteer;
use crate::http::{self, Health};
use crate::nats::{connect, setup, source, store::EventStore};
use crate::pipeline::extract::Extractor;
use anyhow::Context as _;
use std::sync::Arc;
use std::time::Duration;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Runs a worker until `shutdown` is cancelled, then drains: stop pulling, finish the
/// articles in flight (publish acks, then article acks) within `worker.shutdown_grace`,
/// flush and close the connection.
pub async fn run(config: Config, shutdown: CancellationToken) -> anyhow::Result<()> {
    let cfg = Arc::new(config);
    let health = Arc::new(Health::default());
    let http_stop = CancellationToken::new();
    let http_task = if cfg.http.enabled {
        let (_, task) = http::serve(
            cfg.http.listen,
            health.clone(),
            crate::metrics::handle(),
            http_stop.clone(),
        )
        .await
        .with_context(|| format!("config key `http.listen`: cannot bind {}", cfg.http.listen))?;
        Some(task)
    } else {
        crate::metrics::handle();
        None
    };
    let result = run_worker(cfg.clone(), health, shutdown).await;
    http_stop.cancel();
    if let Some(task) = http_task {
        let _ = tokio::time::timeout(Duration::from_secs(2), task).await;
    }
    result
}

async fn run_worker(
    cfg: Arc<Config>,
    health: Arc<Health>,
    shutdown: CancellationToken,
) -> anyhow::Result<()> {
    // Load the gazetteer, the typer, the word lists and the regexes while connecting:
    // the first articles should not pay for them (a stall of ~0.2 s at start would be
    // the p99 latency of the first minutes).
    let warm = tokio::task::spawn_blocking(|| {
        let g = Gazetteer::global();
        Extractor::new(g).warm_up();
        g
    });
    let client = match connect::connect(&cfg.nats, health.clone(), &shutdown).await {
        Ok(c) => c,
        Err(connect::ConnectError::Cancelled) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    tracing::info!(url = %cfg.nats.url, "connected to nats");
    let js = async_nats::jetstream::new(client.clone());
    let consumer = setup::ensure(&js, &cfg)
        .await
        .context("setting up streams and consumer")?;
    let store = Arc::new(
        EventStore::open(&js, &cfg.state, cfg.dedup.clone())
            .await
            .context("opening dedup state")?,
    );
    let gazetteer = warm.await.context("loading the gazetteer")?;
    let extractor = Arc::new(Extractor::new(gazetteer));
    let processor = Arc::new(source::Processor::new(
        js.clone(),
        cfg.clone(),
        store,
        extractor,
    ));
    let lag = tokio::spawn(source::poll_lag(
        consumer.clone(),
        cfg.worker.lag_poll_interval,
        shutdown.clone(),
    ));
    let tracker = TaskTracker::new();
    tracing::info!(
        durable = %cfg.streams.durable,
        subject = %cfg.streams.articles_subject,
        max_in_flight = cfg.worker.max_in_flight.get(),
        "worker started"
    );
    let pulled = source::run(
        consumer,
        processor,
        health.clone(),
        shutdown.clone(),
        tracker.clone(),
    )
    .await;
    tracker.close();
    let in_flight = tracker.len();
    tracing::info!(in_flight, "draining in-flight articles");
    if tokio::time::timeout(cfg.worker.shutdown_grace, tracker.wait())
        .await
        .is_err()
    {
        tracing::warn!(
            unfinished = tracker.len(),
            grace = ?cfg.worker.shutdown_grace,
            "shutdown grace elapsed; unfinished articles will be redelivered"
        );
    }
    lag.abort();
    if let Err(e) = tokio::time::timeout(Duration::from_secs(5), client.flush()).await {
        tracing::warn!(error = %e, "flush timed out");
    }
    if let Err(e) = client.drain().await {
        tracing::debug!(error = %e, "drain");
    }
    health.set_connected(false);
    tracing::info!("worker stopped");
    pulled.map_err(Into::into)
}

/// Installs the tracing subscriber (from `main` only).
pub fn init_tracing(log: &LogConfig) {
    let filter = tracing_subscriber::EnvFilter::try_new(&log.level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match log.format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}
