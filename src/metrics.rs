//! Metric names of the worker, in one place, and the Prometheus recorder behind `/metrics`.

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

/// Articles received from the consumer (every delivery).
pub const ARTICLES_CONSUMED: &str = "newsevents_articles_consumed_total";
/// Articles fully processed and acked (events published).
pub const ARTICLES_PROCESSED: &str = "newsevents_articles_processed_total";
/// Articles sent to the DLQ, label `code`.
pub const ARTICLES_REJECTED: &str = "newsevents_articles_rejected_total";
/// Processing failures that were retried (nak with delay), label `reason`.
pub const ARTICLES_RETRIED: &str = "newsevents_articles_retried_total";
/// Event revisions published, labels `type`, `status`.
pub const EVENTS_PUBLISHED: &str = "newsevents_events_published_total";
/// Duplicates suppressed, label `kind` (`article`, `near_duplicate`).
pub const DUPLICATES_SUPPRESSED: &str = "newsevents_duplicates_suppressed_total";
/// Deliveries that were redeliveries (delivery count > 1).
pub const REDELIVERIES: &str = "newsevents_redeliveries_total";
/// Seconds from receiving an article to acking it.
pub const PROCESSING_SECONDS: &str = "newsevents_processing_seconds";
/// Articles waiting in the durable consumer (num_pending).
pub const CONSUMER_PENDING: &str = "newsevents_consumer_pending";
/// Articles delivered but not yet acked (num_ack_pending).
pub const CONSUMER_ACK_PENDING: &str = "newsevents_consumer_ack_pending";

const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// The process-wide recorder (installed once; later callers share it, so several
/// in-process workers in tests work).
pub fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full(PROCESSING_SECONDS.to_string()),
                    LATENCY_BUCKETS,
                )
                .map(PrometheusBuilder::build_recorder)
                .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics may be empty");
            }
            describe();
            handle
        })
        .clone()
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(ARTICLES_CONSUMED, "articles received from the consumer");
    describe_counter!(ARTICLES_PROCESSED, "articles processed and acked");
    describe_counter!(ARTICLES_REJECTED, "articles sent to the dlq by error code");
    describe_counter!(ARTICLES_RETRIED, "processing failures retried later");
    describe_counter!(
        EVENTS_PUBLISHED,
        "event revisions published by type and status"
    );
    describe_counter!(
        DUPLICATES_SUPPRESSED,
        "duplicate articles suppressed by kind"
    );
    describe_counter!(REDELIVERIES, "article deliveries that were redeliveries");
    describe_histogram!(
        PROCESSING_SECONDS,
        Unit::Seconds,
        "time from receiving an article to acking it"
    );
    describe_gauge!(CONSUMER_PENDING, "articles waiting in the durable consumer");
    describe_gauge!(CONSUMER_ACK_PENDING, "articles delivered and not yet acked");
}
