//! Creates the contract's streams and the durable pull consumer when absent, with limits
//! that agree with the worker's settings.

use crate::config::Config;
use async_nats::jetstream::{self, consumer::pull, consumer::AckPolicy, kv, stream};

/// Why the streams or the consumer could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("stream {name}: {source}")]
    Stream {
        name: String,
        source: async_nats::Error,
    },
    #[error("consumer {name}: {source}")]
    Consumer {
        name: String,
        source: async_nats::Error,
    },
}

/// Stream configs of the contract (articles, events, DLQ).
pub fn stream_configs(cfg: &Config) -> [stream::Config; 3] {
    let s = &cfg.streams;
    let base = |name: &str, subject: String| stream::Config {
        name: name.to_string(),
        subjects: vec![subject],
        num_replicas: s.replicas,
        duplicate_window: s.duplicate_window,
        storage: stream::StorageType::File,
        ..Default::default()
    };
    [
        base(&s.articles_stream, s.articles_subject.clone()),
        base(&s.events_stream, format!("{}.>", s.events_prefix)),
        base(&s.dlq_stream, s.dlq_subject.clone()),
    ]
}

/// The durable consumer: explicit acks, `max_ack_pending` above what the worker keeps
/// in flight (twice, so a second replica or a restart overlap does not stall), no
/// consumer-level backoff: retries after a failure use nak delays from `worker.backoff`,
/// so `ack_wait` stays the guard against a dead worker rather than the first backoff step.
pub fn consumer_config(cfg: &Config) -> pull::Config {
    let w = &cfg.worker;
    let per_worker = w.max_in_flight.get().saturating_add(w.batch_size.get());
    pull::Config {
        durable_name: Some(cfg.streams.durable.clone()),
        description: Some("newsevents worker".into()),
        ack_policy: AckPolicy::Explicit,
        ack_wait: w.ack_wait,
        max_deliver: i64::from(w.max_deliver.get()),
        filter_subject: cfg.streams.articles_subject.clone(),
        max_ack_pending: i64::try_from(per_worker.saturating_mul(2)).unwrap_or(i64::MAX),
        max_batch: i64::try_from(w.batch_size.get()).unwrap_or(i64::MAX),
        num_replicas: 0,
        ..Default::default()
    }
}

/// Creates what is missing; updates the consumer when its limits differ from config.
pub async fn ensure(
    js: &jetstream::Context,
    cfg: &Config,
) -> Result<jetstream::consumer::PullConsumer, SetupError> {
    let mut articles = None;
    for sc in stream_configs(cfg) {
        let name = sc.name.clone();
        let stream = js
            .get_or_create_stream(sc)
            .await
            .map_err(|e| SetupError::Stream {
                name: name.clone(),
                source: e.into(),
            })?;
        if name == cfg.streams.articles_stream {
            articles = Some(stream);
        }
    }
    let stream = articles.ok_or_else(|| SetupError::Stream {
        name: cfg.streams.articles_stream.clone(),
        source: "articles stream missing after creation".into(),
    })?;
    let want = consumer_config(cfg);
    let name = cfg.streams.durable.clone();
    let consumer_err = |e: async_nats::Error| SetupError::Consumer {
        name: name.clone(),
        source: e,
    };
    let mut consumer: jetstream::consumer::PullConsumer = stream
        .get_or_create_consumer(&name, want.clone())
        .await
        .map_err(|e| consumer_err(e.into()))?;
    let have = consumer
        .info()
        .await
        .map_err(|e| consumer_err(e.into()))?
        .config
        .clone();
    if have.ack_wait != want.ack_wait
        || have.max_deliver != want.max_deliver
        || have.max_ack_pending != want.max_ack_pending
        || have.max_batch != want.max_batch
    {
        tracing::info!(consumer = %name, "updating consumer limits from config");
        consumer = stream
            .update_consumer(want)
            .await
            .map_err(|e| consumer_err(e.into()))?;
    }
    Ok(consumer)
}

/// Makes every read of a KV bucket go to its stream leader, and returns the store reopened
/// so. `create_key_value` always sets `allow_direct`: then any replica answers a get, and
/// in a cluster a follower a moment behind the leader (always, right after a node loss or
/// a leader change) answers with an older value or none. The dedup state cannot take
/// that: a redelivered article missed its own pending marker, a body or band claim
/// refused by the leader (`create`: wrong last sequence) read back as absent and failed
/// the article (async-nats then reports no `AlreadyExists`), and blocks were re-read
/// stale until compare-and-set gave up. Leader reads see every acknowledged write.
///
/// A bucket with one replica has no follower: direct gets stay on there, as they are
/// cheaper for the server and the client (the value comes back as is, not base64 in a
/// JSON reply).
pub async fn leader_reads(
    js: &jetstream::Context,
    store: kv::Store,
) -> Result<kv::Store, async_nats::Error> {
    let mut config = store.stream.cached_info().config.clone();
    if !config.allow_direct || config.num_replicas <= 1 {
        return Ok(store);
    }
    config.allow_direct = false;
    js.update_stream(config).await?;
    Ok(js.get_key_value(&store.name).await?)
}
