//! The operations endpoint: `/healthz` (process alive), `/readyz` (connected to NATS
//! and consumer bound) and `/metrics` (Prometheus text).

use axum::{extract::State, http::StatusCode, routing::get, Router};
use metrics_exporter_prometheus::PrometheusHandle;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// Readiness flags, set by the NATS edge and read by `/readyz`.
#[derive(Debug, Default)]
pub struct Health {
    connected: AtomicBool,
    consumer_bound: AtomicBool,
}

impl Health {
    pub fn set_connected(&self, yes: bool) {
        self.connected.store(yes, Ordering::Relaxed);
    }
    pub fn set_consumer_bound(&self, yes: bool) {
        self.consumer_bound.store(yes, Ordering::Relaxed);
    }
    /// Ready to take work: connected and the durable consumer is being pulled.
    pub fn is_ready(&self) -> bool {
        self.connected.load(Ordering::Relaxed) && self.consumer_bound.load(Ordering::Relaxed)
    }
}

#[derive(Clone)]
struct AppState {
    health: Arc<Health>,
    metrics: PrometheusHandle,
}

/// The router, separate from the listener so tests can call it directly.
pub fn router(health: Arc<Health>, metrics: PrometheusHandle) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(render_metrics))
        .with_state(AppState { health, metrics })
}

async fn readyz(State(s): State<AppState>) -> (StatusCode, &'static str) {
    if s.health.is_ready() {
        (StatusCode::OK, "ready\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n")
    }
}

async fn render_metrics(State(s): State<AppState>) -> String {
    s.metrics.render()
}

/// Binds `listen` (an error here stops the start) and serves until `cancel`.
/// Returns the bound address (useful with port 0) and the server task.
pub async fn serve(
    listen: SocketAddr,
    health: Arc<Health>,
    metrics: PrometheusHandle,
    cancel: CancellationToken,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    let app = router(health, metrics);
    let task = tokio::spawn(async move {
        let result = axum::serve(listener, app)
            .with_graceful_shutdown(async move { cancel.cancelled().await })
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "http server stopped");
        }
    });
    tracing::info!(%addr, "http endpoint listening");
    Ok((addr, task))
}
