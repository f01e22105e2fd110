//! Publishing event revisions to `<events_prefix>.<type>` with `Nats-Msg-Id:
//! <event_id>:<revision>`, inside a bounded sliding window of unacknowledged publishes
//! shared by every article in flight.

use crate::metrics as m;
use crate::model::Event;
use async_nats::jetstream::{self, context::PublishAckFuture};
use bytes::Bytes;
use std::collections::VecDeque;
use std::sync::Arc;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Why revisions could not be published.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error("event {event_id}: serializing: {source}")]
    Serialize {
        event_id: String,
        source: serde_json::Error,
    },
    #[error("event {msg_id}: publish failed: {source}")]
    Publish {
        msg_id: String,
        source: jetstream::context::PublishError,
    },
    #[error("publish window closed")]
    Closed,
}

/// The event publisher. Cheap to share behind an `Arc`.
#[derive(Debug)]
pub struct Sink {
    js: jetstream::Context,
    prefix: String,
    window: Arc<Semaphore>,
}

impl Sink {
    /// `window`: publishes awaiting their PublishAck at once, across all articles.
    pub fn new(js: jetstream::Context, prefix: &str, window: usize) -> Sink {
        Sink {
            js,
            prefix: prefix.to_string(),
            window: Arc::new(Semaphore::new(window.max(1))),
        }
    }

    /// Subject of one event: `news.events.v1.assault`.
    pub fn subject(&self, event: &Event) -> String {
        format!("{}.{}", self.prefix, event.event_type.subject_token())
    }

    /// Publishes every revision and returns once JetStream acknowledged all of them
    /// (a re-published revision inside the duplicate window is acked as a duplicate).
    /// When the shared window is full, the oldest own publish is awaited first, so an
    /// article with more revisions than the window cannot wait on itself.
    pub async fn publish(&self, events: &[Event]) -> Result<(), SinkError> {
        let mut pending: VecDeque<Pending<'_>> = VecDeque::with_capacity(events.len());
        let mut first_error = None;
        for event in events {
            let payload = serde_json::to_vec(event).map_err(|source| SinkError::Serialize {
                event_id: event.event_id.clone(),
                source,
            })?;
            let permit = loop {
                if let Ok(p) = self.window.clone().try_acquire_owned() {
                    break p;
                }
                match pending.pop_front() {
                    Some(oldest) => settle(oldest.await_ack().await, &mut first_error),
                    None => {
                        break self
                            .window
                            .clone()
                            .acquire_owned()
                            .await
                            .map_err(|_| SinkError::Closed)?
                    }
                }
            };
            let mut headers = async_nats::HeaderMap::new();
            headers.insert(async_nats::header::NATS_MESSAGE_ID, event.msg_id().as_str());
            let ack = self
                .js
                .publish_with_headers(self.subject(event), headers, Bytes::from(payload))
                .await
                .map_err(|source| SinkError::Publish {
                    msg_id: event.msg_id(),
                    source,
                })?;
            pending.push_back(Pending {
                ack,
                _permit: permit,
                event,
            });
        }
        let results = futures::future::join_all(pending.into_iter().map(Pending::await_ack)).await;
        for result in results {
            settle(result, &mut first_error);
        }
        first_error.map_or(Ok(()), Err)
    }
}

/// One publish awaiting its ack, holding its place in the window.
struct Pending<'a> {
    ack: PublishAckFuture,
    _permit: OwnedSemaphorePermit,
    event: &'a Event,
}

impl<'a> Pending<'a> {
    async fn await_ack(
        self,
    ) -> (
        Result<jetstream::publish::PublishAck, jetstream::context::PublishError>,
        &'a Event,
    ) {
        (self.ack.await, self.event)
    }
}

/// Counts an acked publish, or keeps the first failure.
fn settle(
    (result, event): (
        Result<jetstream::publish::PublishAck, jetstream::context::PublishError>,
        &Event,
    ),
    first_error: &mut Option<SinkError>,
) {
    match result {
        Ok(ack) if ack.duplicate => {
            metrics::counter!(m::DUPLICATES_SUPPRESSED, "kind" => "revision").increment(1);
        }
        Ok(_) => {
            let status = match event.status {
                crate::model::EventStatus::New => "new",
                crate::model::EventStatus::Updated => "updated",
            };
            metrics::counter!(m::EVENTS_PUBLISHED, "type" => event.event_type.as_str(), "status" => status)
                .increment(1);
        }
        Err(source) => {
            first_error.get_or_insert(SinkError::Publish {
                msg_id: event.msg_id(),
                source,
            });
        }
    }
}
