//! The pull loop and the per-article path: pull from the durable consumer with several
//! articles in flight (bounded), validate, extract, dedup, publish, and only then ack;
//! bad input and exhausted retries go to the DLQ.

use crate::config::Config;
use crate::http::Health;
use crate::input::parse_article;
use crate::metrics as m;
use crate::model::{Article, Candidate};
use crate::nats::dlq::{self, Rejection};
use crate::nats::sink::{Sink, SinkError};
use crate::nats::store::{EventStore, StateError};
use crate::pipeline::extract::Extractor;
use async_nats::jetstream::{self, consumer::PullConsumer, AckKind};
use chrono::{DateTime, Utc};
use futures::StreamExt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// Why the pull loop stopped on its own.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("consumer {durable}: cannot open message stream: {source}")]
    Stream {
        durable: String,
        source: async_nats::Error,
    },
}

/// What became of one delivery.
#[derive(Debug)]
enum Outcome {
    /// Events published (or none to publish): ack.
    Done,
    /// Goes to the DLQ now, no retry.
    Rejected {
        code: &'static str,
        detail: String,
        article_id: Option<String>,
    },
    /// Retry later (nak with delay), DLQ once deliveries reach `max_deliver`.
    Failed {
        reason: &'static str,
        detail: String,
        article_id: Option<String>,
        /// The infrastructure failed (KV or publish: a JetStream leader election, a
        /// timeout), not the article: retried in place first, see [`TRANSIENT_RETRY`].
        transient: bool,
    },
}

/// How long an article whose state or publish step failed is retried in place (the
/// server told it is still in progress) before it is nak'ed: a JetStream leader election
/// after a node loss takes seconds, and a nak would spend one of the article's
/// `max_deliver` deliveries on what was not its fault (with short backoffs, all of them).
/// A rerun is idempotent: the blocks give back the revisions it made, republished as such.
const TRANSIENT_RETRY: Duration = Duration::from_secs(30);

/// Longest body extracted on the async executor rather than the blocking pool (a news
/// article is 2-8 KB; this takes a few hundred microseconds at most).
const INLINE_EXTRACT_BYTES: usize = 16 * 1024;

/// Everything one article needs on its way through; shared by the in-flight tasks.
pub struct Processor {
    js: jetstream::Context,
    cfg: Arc<Config>,
    sink: Sink,
    store: Arc<EventStore>,
    extractor: Arc<Extractor>,
    cpu: Arc<Semaphore>,
}

impl Processor {
    pub fn new(
        js: jetstream::Context,
        cfg: Arc<Config>,
        store: Arc<EventStore>,
        extractor: Arc<Extractor>,
    ) -> Processor {
        let sink = Sink::new(
            js.clone(),
            &cfg.streams.events_prefix,
            cfg.worker.publish_window.get(),
        );
        let cpu = Arc::new(Semaphore::new(cfg.worker.threads()));
        Processor {
            js,
            cfg,
            sink,
            store,
            extractor,
            cpu,
        }
    }

    /// Handles one delivery to the end: ack, nak with delay, or DLQ then ack.
    pub async fn handle(&self, msg: jetstream::Message) {
        let started = Instant::now();
        metrics::counter!(m::ARTICLES_CONSUMED).increment(1);
        let (delivered, origin, published) = match msg.info() {
            Ok(i) => (
                u64::try_from(i.delivered).unwrap_or(1).max(1),
                Some((i.stream.to_string(), i.stream_sequence)),
                DateTime::from_timestamp(i.published.unix_timestamp(), i.published.nanosecond()),
            ),
            Err(_) => (1, None, None),
        };
        if delivered > 1 {
            metrics::counter!(m::REDELIVERIES).increment(1);
        }
        let outcome = self
            .in_progress(
                &msg,
                self.process_retrying(&msg.payload, published.unwrap_or_else(Utc::now)),
            )
            .await;
        let max_deliver = u64::from(self.cfg.worker.max_deliver.get());
        let dead_letter = match outcome {
            Outcome::Done => {
                metrics::counter!(m::ARTICLES_PROCESSED).increment(1);
                None
            }
            Outcome::Rejected {
                code,
                detail,
                article_id,
            } => Some((code, detail, article_id)),
            Outcome::Failed {
                reason,
                detail,
                article_id,
                ..
            } if delivered >= max_deliver => Some((
                dlq::PROCESSING_FAILED,
                format!("{reason} after {delivered} deliveries: {detail}"),
                article_id,
            )),
            Outcome::Failed {
                reason,
                detail,
                article_id,
                ..
            } => {
                let delay = self.cfg.worker.retry_delay(delivered);
                metrics::counter!(m::ARTICLES_RETRIED, "reason" => reason).increment(1);
                tracing::debug!(article_id, delivered, ?delay, %detail, "processing failed; retrying");
                ack(&msg, AckKind::Nak(Some(delay))).await;
                return;
            }
        };
        if let Some((code, detail, article_id)) = dead_letter {
            let rejection = Rejection {
                code,
                detail: &detail,
                delivered,
                subject: msg.subject.as_str(),
                article_id: article_id.as_deref(),
                origin: origin.as_ref().map(|(s, q)| (s.as_str(), *q)),
            };
            let publish = || {
                dlq::publish(
                    &self.js,
                    &self.cfg.streams.dlq_subject,
                    msg.payload.clone(),
                    &rejection,
                )
            };
            let mut result = publish().await;
            // On its last delivery a nak would not bring the article back (the server
            // stops at `max_deliver`): keep trying here until the DLQ takes it (a leader
            // election), bounded by the shutdown grace.
            let mut wait = Duration::from_millis(100);
            while result.is_err() && delivered >= max_deliver {
                if let Err(e) = &result {
                    tracing::warn!(error = %e, code, retry_in = ?wait, "dlq publish failed on the last delivery; retrying");
                }
                result = self
                    .in_progress(&msg, async {
                        tokio::time::sleep(wait).await;
                        publish().await
                    })
                    .await;
                wait = (wait * 2).min(Duration::from_secs(2));
            }
            if let Err(e) = result {
                tracing::warn!(error = %e, code, "dlq publish failed; article will be redelivered");
                ack(
                    &msg,
                    AckKind::Nak(Some(self.cfg.worker.retry_delay(delivered))),
                )
                .await;
                return;
            }
            metrics::counter!(m::ARTICLES_REJECTED, "code" => code).increment(1);
            tracing::debug!(article_id, code, %detail, "article dead-lettered");
        }
        ack(&msg, AckKind::Ack).await;
        metrics::histogram!(m::PROCESSING_SECONDS).record(started.elapsed().as_secs_f64());
    }

    /// Drives `work` while telling the server the article is still in progress every
    /// half `ack_wait`: an article queued behind others for the extraction pool or a
    /// contended dedup block is not redelivered (and its deliveries not used up) while
    /// this worker is alive and on it.
    async fn in_progress<T, F: std::future::Future<Output = T>>(
        &self,
        msg: &jetstream::Message,
        work: F,
    ) -> T {
        let every = (self.cfg.worker.ack_wait / 2).max(Duration::from_millis(100));
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::pin!(work);
        loop {
            tokio::select! {
                outcome = &mut work => return outcome,
                _ = tick.tick() => ack(msg, AckKind::Progress).await,
            }
        }
    }

    /// [`Self::process`], rerun while it fails transiently, for up to [`TRANSIENT_RETRY`].
    async fn process_retrying(&self, payload: &[u8], published: DateTime<Utc>) -> Outcome {
        let started = Instant::now();
        let mut wait = Duration::from_millis(100);
        loop {
            let outcome = self.process(payload, published).await;
            match &outcome {
                Outcome::Failed {
                    transient: true,
                    reason,
                    detail,
                    article_id,
                } if started.elapsed() + wait < TRANSIENT_RETRY => {
                    metrics::counter!(m::ARTICLES_RETRIED, "reason" => *reason).increment(1);
                    tracing::debug!(article_id, retry_in = ?wait, %detail, "transient failure; retrying in place");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(Duration::from_secs(2));
                }
                _ => return outcome,
            }
        }
    }

    async fn process(&self, payload: &[u8], published: DateTime<Utc>) -> Outcome {
        let article =
            match parse_article(payload, self.cfg.worker.max_payload_bytes.get(), published) {
                Ok(a) => Arc::new(a),
                Err(e) => {
                    return Outcome::Rejected {
                        code: e.code(),
                        detail: e.to_string(),
                        article_id: None,
                    }
                }
            };
        let id = || Some(article.id.clone());
        if self
            .cfg
            .worker
            .fail_article_ids_for_test
            .iter()
            .any(|f| *f == article.id)
        {
            return Outcome::Failed {
                reason: "injected",
                detail: "failure injected by worker.fail_article_ids_for_test".into(),
                article_id: id(),
                transient: false,
            };
        }
        let candidates = match self.extract(article.clone()).await {
            Ok(c) => c,
            Err(outcome) => return outcome,
        };
        let applied = match self.store.apply(&article, candidates, Utc::now()).await {
            Ok(a) => a,
            Err(e) => {
                return Outcome::Failed {
                    reason: "state",
                    detail: e.to_string(),
                    article_id: id(),
                    transient: !matches!(e, StateError::Decode { .. }),
                }
            }
        };
        if applied.duplicate {
            metrics::counter!(m::DUPLICATES_SUPPRESSED, "kind" => "article").increment(1);
        }
        if applied.near_duplicate {
            metrics::counter!(m::DUPLICATES_SUPPRESSED, "kind" => "near_duplicate").increment(1);
        }
        if let Err(e) = self.sink.publish(&applied.revisions).await {
            return Outcome::Failed {
                reason: "publish",
                transient: matches!(e, SinkError::Publish { .. }),
                detail: e.to_string(),
                article_id: id(),
            };
        }
        if let Err(e) = self.store.commit(&article, &applied).await {
            return Outcome::Failed {
                reason: "state",
                transient: !matches!(e, StateError::Decode { .. }),
                detail: e.to_string(),
                article_id: id(),
            };
        }
        Outcome::Done
    }

    /// Extraction (on the blocking pool when the body is long), at most
    /// `worker.processing_threads` at once; a panic becomes an `internal_error` rejection
    /// instead of killing the worker.
    async fn extract(&self, article: Arc<Article>) -> Result<Vec<Candidate>, Outcome> {
        let failed = |detail: String| Outcome::Failed {
            reason: "extract",
            detail,
            article_id: Some(article.id.clone()),
            transient: false,
        };
        let Ok(_permit) = self.cpu.clone().acquire_owned().await else {
            return Err(failed("extraction pool closed".into()));
        };
        let run = |extractor: &Extractor, input: &Article| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(input)))
        };
        // A short article (the common case: ~80 us of work) is extracted right here: the
        // hand-off to the blocking pool and back (two thread wake-ups) cost more than it
        // would keep the executor busy. A long one goes to the blocking pool, so that it
        // never holds up the connection's I/O for long.
        let joined = if article.body.len() <= INLINE_EXTRACT_BYTES {
            Ok(run(&self.extractor, &article))
        } else {
            let extractor = self.extractor.clone();
            let input = article.clone();
            tokio::task::spawn_blocking(move || run(&extractor, &input)).await
        };
        match joined {
            Ok(Ok(candidates)) => Ok(candidates),
            Ok(Err(panic)) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                tracing::error!(article_id = %article.id, panic = %what, "extraction panicked");
                Err(Outcome::Rejected {
                    code: dlq::INTERNAL_ERROR,
                    detail: format!("extraction panicked: {what}"),
                    article_id: Some(article.id.clone()),
                })
            }
            Err(e) => Err(failed(format!("extraction task failed: {e}"))),
        }
    }
}

async fn ack(msg: &jetstream::Message, kind: AckKind) {
    if let Err(e) = msg.ack_with(kind).await {
        tracing::warn!(error = %e, "ack failed; the article will be redelivered");
    }
}

/// Pulls until `cancel`, handing each message to a task tracked by `tracker`, at most
/// `worker.max_in_flight` at once. Returns without waiting for those tasks.
pub async fn run(
    consumer: PullConsumer,
    processor: Arc<Processor>,
    health: Arc<Health>,
    cancel: CancellationToken,
    tracker: TaskTracker,
) -> Result<(), SourceError> {
    let w = &processor.cfg.worker;
    let in_flight = Arc::new(Semaphore::new(w.max_in_flight.get()));
    let mut reopen_delay = Duration::from_millis(100);
    let mut last_warn: Option<Instant> = None;
    let mut buffered: Option<jetstream::consumer::pull::Stream> = None;
    'reopen: while !cancel.is_cancelled() {
        buffered = None;
        let opened = consumer
            .stream()
            .max_messages_per_batch(w.batch_size.get())
            .heartbeat(Duration::from_secs(5))
            .expires(Duration::from_secs(30))
            .messages()
            .await;
        let messages = match opened {
            Ok(s) => s,
            Err(e) => {
                let err = SourceError::Stream {
                    durable: processor.cfg.streams.durable.clone(),
                    source: e.into(),
                };
                tracing::warn!(error = %err, retry_in = ?reopen_delay, "pull failed");
                tokio::select! {
                    biased;
                    _ = cancel.cancelled() => break 'reopen,
                    _ = tokio::time::sleep(reopen_delay) => {}
                }
                reopen_delay = (reopen_delay * 2).min(Duration::from_secs(10));
                continue 'reopen;
            }
        };
        health.set_consumer_bound(true);
        reopen_delay = Duration::from_millis(100);
        let messages = buffered.insert(messages);
        loop {
            let permit = tokio::select! {
                biased;
                _ = cancel.cancelled() => break 'reopen,
                p = in_flight.clone().acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break 'reopen,
                },
            };
            let next = tokio::select! {
                biased;
                _ = cancel.cancelled() => break 'reopen,
                m = messages.next() => m,
            };
            match next {
                Some(Ok(msg)) => {
                    let p = processor.clone();
                    tracker.spawn(async move {
                        p.handle(msg).await;
                        drop(permit);
                    });
                }
                Some(Err(e)) => {
                    if last_warn.is_none_or(|t| t.elapsed() > Duration::from_secs(10)) {
                        tracing::warn!(error = %e, "pull stream error");
                        last_warn = Some(Instant::now());
                    }
                }
                None => {
                    tracing::warn!("pull stream ended; reopening");
                    health.set_consumer_bound(false);
                    continue 'reopen;
                }
            }
        }
    }
    health.set_consumer_bound(false);
    if let Some(mut messages) = buffered {
        release_buffered(&mut messages, &processor, &tracker).await;
    }
    Ok(())
}

/// On shutdown: messages already pulled but not started are nak'ed without delay, so
/// another replica (or the next start) gets them now instead of after `ack_wait`. One on
/// its last allowed delivery would never come back: it is processed within the grace
/// period instead.
async fn release_buffered(
    messages: &mut jetstream::consumer::pull::Stream,
    processor: &Arc<Processor>,
    tracker: &TaskTracker,
) {
    use futures::FutureExt;
    let max_deliver = i64::from(processor.cfg.worker.max_deliver.get());
    let mut released = 0usize;
    for _ in 0..processor.cfg.worker.batch_size.get().saturating_mul(2) {
        match messages.next().now_or_never() {
            Some(Some(Ok(msg))) => {
                if msg.info().is_ok_and(|i| i.delivered >= max_deliver) {
                    let p = processor.clone();
                    tracker.spawn(async move { p.handle(msg).await });
                    continue;
                }
                ack(&msg, AckKind::Nak(None)).await;
                released += 1;
            }
            Some(Some(Err(_))) => continue,
            Some(None) | None => break,
        }
    }
    if released > 0 {
        tracing::debug!(released, "released buffered articles");
    }
}

/// Reads the consumer's pending counts into gauges every `interval` until `cancel`.
pub async fn poll_lag(consumer: PullConsumer, interval: Duration, cancel: CancellationToken) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            biased;
            _ = cancel.cancelled() => return,
            _ = tick.tick() => {}
        }
        match consumer.get_info().await {
            Ok(info) => {
                metrics::gauge!(m::CONSUMER_PENDING).set(info.num_pending as f64);
                metrics::gauge!(m::CONSUMER_ACK_PENDING).set(info.num_ack_pending as f64);
            }
            Err(e) => tracing::debug!(error = %e, "consumer info failed"),
        }
    }
}
