//! Dedup state in JetStream Key-Value, shared by replicas and kept across restarts.
//!
//! Keys in one bucket (TTL = `ttl`, refreshed by every write):
//! - `blk.<type>.<country>`: the block's merge targets (`Vec<EventRecord>`, JSON), the
//!   unit of compare-and-set: every candidate of that block is matched and merged by the
//!   pure core ([`crate::dedup::apply_to_block`]) against a fresh read, then written with
//!   `update(key, value, revision)` (or `create`); a conflict retries on fresh state. So N
//!   replicas produce what one would: one event_id per incident, no lost or doubled revision.
//! - `art.<hash of id>`: the article's signature and where its events live, written by
//!   [`EventStore::commit`] once every revision is published: a redelivery then is a
//!   no-op. A crash before that leaves the blocks changed and no article state: the
//!   redelivered article is applied again and each block gives back the revision the
//!   article made ([`EventRecord`]'s `made`), so it republishes the same
//!   `event_id:revision` (one write per article instead of a pending and a done state).
//! - `body.<hash of normalized body>`: exact-duplicate marker.
//!
//! Near-duplicates are found in a local MinHash index ([`NearIndex`]) fed by this
//! worker's articles and, through a watch on `art.>`, by every replica's: a copy the
//! index has not seen yet is matched event by event instead, so correctness never
//! depends on it, and an article costs a handful of KV operations.

use crate::dedup::{
    apply_to_block, block::add_source, group_by_block, near::NearIndex, ArticleEvents, DedupConfig,
    EventRecord, Outcome, Signature,
};
use crate::model::{Article, Candidate, Event};
use crate::nats::block_json::RecordJson;
use async_nats::jetstream::{self, kv};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `[state]` in the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StateConfig {
    /// KV bucket holding event and article state.
    pub bucket: String,
    /// How long state is kept (KV max age).
    #[serde(with = "humantime_serde")]
    pub ttl: std::time::Duration,
    /// Compare-and-set attempts on one block before giving up with `StateError::Conflict`.
    pub max_cas_attempts: u32,
    /// KV replicas (1 for a single server; 3 in a cluster).
    pub replicas: usize,
}

impl Default for StateConfig {
    fn default() -> Self {
        StateConfig {
            bucket: "newsevents_state".into(),
            ttl: std::time::Duration::from_secs(7 * 24 * 3600),
            max_cas_attempts: 64,
            replicas: 1,
        }
    }
}

/// Why a state operation failed. Bounded: the variant name is the metric label.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StateError {
    #[error("kv bucket `{bucket}`: cannot open: {detail}")]
    Open { bucket: String, detail: String },
    #[error("kv key `{key}`: read failed: {detail}")]
    Read { key: String, detail: String },
    #[error("kv key `{key}`: write failed: {detail}")]
    Write { key: String, detail: String },
    #[error("kv key `{key}`: still conflicting after {attempts} compare-and-set attempts")]
    Conflict { key: String, attempts: u32 },
    #[error("kv key `{key}`: undecodable value: {detail}")]
    Decode { key: String, detail: String },
}

impl StateError {
    /// Stable label (`open`, `read`, `write`, `conflict`, `decode`).
    pub fn kind(&self) -> &'static str {
        match self {
            StateError::Open { .. } => "open",
            StateError::Read { .. } => "read",
            StateError::Write { .. } => "write",
            StateError::Conflict { .. } => "conflict",
            StateError::Decode { .. } => "decode",
        }
    }
}

/// What applying one article did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    /// The article state [`EventStore::commit`] writes (none for a duplicate).
    state: Option<ArticleState>,
    /// Same id already committed, or same normalized body seen: nothing to publish.
    pub duplicate: bool,
    /// A syndicated copy: its revisions only add a source and a mention.
    pub near_duplicate: bool,
    /// Revisions to publish, each with `Nats-Msg-Id: event_id:revision`.
    pub revisions: Vec<Event>,
}

/// `Pending` states (with their revisions) were written by earlier builds, which wrote
/// an article's state twice; they are still read, republished and marked done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Phase {
    Pending,
    Done,
}

/// `art.<hash>` value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct ArticleState {
    id: String,
    phase: Phase,
    near_duplicate: bool,
    signature: Signature,
    /// The article's publication time (absent in state written by older versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published_at: Option<DateTime<Utc>>,
    /// `(block, event_id)` of the events this article produced or joined.
    events: Vec<(String, String)>,
    /// Revisions produced, kept while pending (older versions only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    revisions: Vec<Event>,
}

/// A block as this worker last read or wrote it: `(revision, records)`, revision `None`
/// when the key did not exist. Only a guess: compare-and-set against it stays the
/// authority, and a conflict re-reads.
type CachedBlock = Option<(Option<u64>, Vec<EventRecord>)>;

/// The pure core's decision for one article on one block; it may run several times.
type Change = Box<dyn Fn(&mut Vec<EventRecord>) -> Vec<(usize, Outcome)> + Send + Sync>;
type Outcomes = Result<Vec<(usize, Outcome)>, StateError>;

/// One article's change waiting for the block.
struct Job {
    change: Change,
    done: tokio::sync::oneshot::Sender<Outcomes>,
}

/// One block in this worker: an async lock over its cached state, and the queue of
/// changes waiting for it. Whoever holds the lock applies every queued change in order
/// and writes the block once (group commit): articles of one worker never conflict with
/// each other, and a busy block costs one write per batch instead of one per article.
#[derive(Default)]
struct Slot {
    cache: tokio::sync::Mutex<SlotState>,
    queue: Mutex<Vec<Job>>,
}

/// What the lock of a block guards: its cached state and the JSON of its records as
/// last written (reused for the records a write does not touch).
#[derive(Default)]
struct SlotState {
    block: CachedBlock,
    json: RecordJson,
}

type BlockSlot = Arc<Slot>;

/// Most changes applied to one block in one write.
const MAX_BATCH: usize = 64;

/// Most blocks kept in the local cache; above it, idle slots are dropped.
const MAX_CACHED_BLOCKS: usize = 4096;
/// Most first-attempt decisions kept between apply and commit; above it, they are dropped.
const MAX_DECISIONS: usize = 16_384;

/// `(block, event_id)` of the events an article produced or joined.
type Placement = Vec<(String, String)>;

/// KV-backed deduplicator shared by every replica.
pub struct EventStore {
    kv: kv::Store,
    dedup: DedupConfig,
    max_attempts: u32,
    conflicts: std::sync::atomic::AtomicU64,
    blocks: Mutex<HashMap<String, BlockSlot>>,
    /// `art` key -> the original's events (or none) chosen by an article's first attempt.
    decisions: Mutex<HashMap<String, Option<Placement>>>,
    /// Recent articles of every replica by MinHash band.
    near: Arc<Mutex<NearIndex>>,
    /// The task feeding `near` from the bucket; stopped when the store is dropped.
    watcher: tokio::task::JoinHandle<()>,
}

impl Drop for EventStore {
    fn drop(&mut self) {
        self.watcher.abort();
    }
}

/// Bucket writes replayed into the near-duplicate index when a worker starts: about
/// three per article (its state, body claim, a block or two), so at least the index's
/// capacity of recent articles, never the whole bucket (up to `ttl` of history).
const REPLAY_WRITES: u64 = 4 * crate::dedup::near::DEFAULT_CAPACITY as u64;

/// What the index needs of an `art.<hash>` value (its pending revisions are skipped).
#[derive(Deserialize)]
struct IndexView {
    signature: Signature,
    #[serde(default)]
    published_at: Option<DateTime<Utc>>,
    events: Vec<(String, String)>,
}

/// Feeds `near` with the article states written to the bucket by every replica: the
/// recent ones first, then live updates; re-opened after an error where it stopped.
/// Decoding runs off the async executor, in batches. Best effort by design.
fn spawn_watcher(
    kv: kv::Store,
    dedup: DedupConfig,
    near: std::sync::Weak<Mutex<NearIndex>>,
) -> tokio::task::JoinHandle<()> {
    use futures::StreamExt;
    tokio::spawn(async move {
        let mut from: Option<u64> = None;
        loop {
            if near.strong_count() == 0 {
                return;
            }
            let start = match from {
                Some(r) => r,
                None => {
                    let mut stream = kv.stream.clone();
                    match stream.info().await {
                        Ok(i) => i.state.last_sequence.saturating_sub(REPLAY_WRITES).max(1),
                        Err(e) => {
                            tracing::debug!(error = %e, "state watch: no bucket info");
                            tokio::time::sleep(Duration::from_secs(1)).await;
                            continue;
                        }
                    }
                }
            };
            match kv.watch_from_revision("art.>", start).await {
                Ok(entries) => {
                    let mut chunks = entries.ready_chunks(256);
                    while let Some(chunk) = chunks.next().await {
                        let mut batch = Vec::with_capacity(chunk.len());
                        let mut failed = false;
                        for entry in chunk {
                            match entry {
                                Ok(e) => {
                                    from = Some(e.revision + 1);
                                    if e.operation == kv::Operation::Put {
                                        batch.push((e.key, e.value));
                                    }
                                }
                                Err(e) => {
                                    tracing::debug!(error = %e, "state watch interrupted");
                                    failed = true;
                                }
                            }
                        }
                        // This worker's own articles (indexed when applied) and states
                        // seen before are skipped here, on the executor (a lock and a
                        // lookup each): the common case, one worker reading back its own
                        // writes, then costs no hand-off to the blocking pool.
                        let batch = unseen(&near, batch);
                        if !batch.is_empty() {
                            let (near2, dedup2) = (near.clone(), dedup.clone());
                            let _ =
                                tokio::task::spawn_blocking(move || index(&near2, &dedup2, batch))
                                    .await;
                        }
                        if failed {
                            break;
                        }
                    }
                }
                Err(e) => tracing::debug!(error = %e, "state watch not opened"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

/// The entries of `batch` whose article the index does not hold yet: an article's
/// events do not change once placed, so a state seen before (or this worker's own,
/// indexed when applied) is skipped.
fn unseen(
    near: &std::sync::Weak<Mutex<NearIndex>>,
    batch: Vec<(String, Bytes)>,
) -> Vec<(String, Bytes)> {
    let Some(near) = near.upgrade() else {
        return Vec::new();
    };
    let index = lock(&near);
    batch
        .into_iter()
        .filter(|(key, _)| !index.contains(key))
        .collect()
}

/// Decodes article states (not yet in the index) and adds them to the index.
fn index(
    near: &std::sync::Weak<Mutex<NearIndex>>,
    dedup: &DedupConfig,
    batch: Vec<(String, Bytes)>,
) {
    let Some(near) = near.upgrade() else { return };
    let views: Vec<(String, ArticleEvents)> = batch
        .into_iter()
        .filter_map(|(key, value)| {
            let v: IndexView = serde_json::from_slice(&value).ok()?;
            let published_at = v.published_at?;
            Some((
                key,
                ArticleEvents {
                    signature: v.signature,
                    published_at,
                    events: v.events,
                },
            ))
        })
        .collect();
    let mut near = lock(&near);
    for (key, events) in views {
        near.insert(dedup, &key, events);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn hex64(s: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(s.as_bytes()))
}

fn art_key(article_id: &str) -> String {
    format!("art.{}", hex64(article_id))
}

fn blk_key(block: &str) -> String {
    format!("blk.{block}")
}

impl EventStore {
    /// Opens (creating if absent) the bucket.
    pub async fn open(
        js: &jetstream::Context,
        cfg: &StateConfig,
        dedup: DedupConfig,
    ) -> Result<EventStore, StateError> {
        let open_err = |detail: String| StateError::Open {
            bucket: cfg.bucket.clone(),
            detail,
        };
        let kv = match js.get_key_value(&cfg.bucket).await {
            Ok(kv) => kv,
            Err(_) => match js
                .create_key_value(kv::Config {
                    bucket: cfg.bucket.clone(),
                    description: "newsevents dedup state".into(),
                    history: 1,
                    max_age: cfg.ttl,
                    num_replicas: cfg.replicas.max(1),
                    storage: jetstream::stream::StorageType::File,
                    ..Default::default()
                })
                .await
            {
                Ok(kv) => kv,
                // Another replica starting at the same moment created it first (and may
                // already have turned its direct gets off): open that one.
                Err(e) => js
                    .get_key_value(&cfg.bucket)
                    .await
                    .map_err(|_| open_err(e.to_string()))?,
            },
        };
        // Reads at the stream leader only: a follower's direct get may be stale.
        let kv = crate::nats::setup::leader_reads(js, kv)
            .await
            .map_err(|e| open_err(e.to_string()))?;
        let near = Arc::new(Mutex::new(NearIndex::default()));
        let watcher = spawn_watcher(kv.clone(), dedup.clone(), Arc::downgrade(&near));
        Ok(EventStore {
            kv,
            dedup,
            near,
            watcher,
            max_attempts: cfg.max_cas_attempts.max(1),
            conflicts: std::sync::atomic::AtomicU64::new(0),
            blocks: Mutex::new(HashMap::new()),
            decisions: Mutex::new(HashMap::new()),
        })
    }

    /// Dedups one article's candidates; returns revisions to publish (maybe empty) and
    /// whether the article was a duplicate.
    pub async fn apply(
        &self,
        article: &Article,
        candidates: Vec<Candidate>,
        now: DateTime<Utc>,
    ) -> Result<Applied, StateError> {
        let akey = art_key(&article.id);
        if let Some(state) = self.read_json::<ArticleState>(&akey).await? {
            if state.id == article.id {
                return Ok(match state.phase {
                    Phase::Done => Applied {
                        duplicate: true,
                        ..Applied::default()
                    },
                    // An older version crashed between apply and commit: the same
                    // revisions again (commit then marks the stored state done).
                    Phase::Pending => Applied {
                        state: None,
                        duplicate: false,
                        near_duplicate: state.near_duplicate,
                        revisions: state.revisions,
                    },
                });
            }
        }
        // Claim the body first (one write in the common case); an existing claim by
        // another article makes this an exact duplicate.
        let body_key = format!("body.{:032x}", crate::input::body_hash(&article.body));
        if !self
            .create_if_absent(&body_key, Bytes::from(akey.clone()))
            .await?
        {
            if let Some(owner) = self.read(&body_key).await? {
                if owner.as_ref() != akey.as_bytes() {
                    return Ok(Applied {
                        duplicate: true,
                        ..Applied::default()
                    });
                }
            }
        }

        let sig = Signature::of(
            &article.body,
            self.dedup.minhash_bands,
            self.dedup.minhash_rows,
        );
        // A retry in this process keeps the first attempt's choice between the
        // near-duplicate and the new-report path, even if the index learnt of a copy
        // meanwhile: blocks the first attempt wrote then give back the same revisions.
        let decided = lock(&self.decisions).get(&akey).cloned();
        let decided_here = decided.is_some();
        let original: Option<Placement> = decided.unwrap_or_else(|| {
            let found = self
                .lock_near()
                .find(&self.dedup, &akey, &sig, article.published_at)
                .map(|(_, a)| a.events.clone());
            let mut decisions = lock(&self.decisions);
            if decisions.len() >= MAX_DECISIONS {
                decisions.clear();
            }
            decisions.insert(akey.clone(), found.clone());
            found
        });

        // A process killed between apply and commit may have placed this article as a new
        // report before the index learnt of its copy (the choice above is remembered only
        // in the process): its blocks then hold events the article made that are not the
        // copy's, and only the new-report path gives those revisions back.
        let original = match original {
            Some(events)
                if !decided_here && self.made_elsewhere(article, &candidates, &events).await? =>
            {
                lock(&self.decisions).insert(akey.clone(), None);
                None
            }
            other => other,
        };
        let near_duplicate = original.is_some();
        let mut outcomes: Vec<(usize, Outcome)> = Vec::new();
        let mut placed: Vec<(String, String)> = Vec::new();
        if let Some(events) = original {
            for (n, (block, id)) in events.iter().enumerate() {
                let article = article.clone();
                let id2 = id.clone();
                let done = self
                    .cas_block(block, move |records| {
                        records
                            .iter_mut()
                            .find(|r| r.event.event_id == id2)
                            .map(|r| vec![(n, add_source(r, &article, now))])
                            .unwrap_or_default()
                    })
                    .await?;
                for (i, o) in done {
                    placed.push((block.clone(), o.event().event_id.clone()));
                    outcomes.push((i, o));
                }
            }
        } else {
            for (block, cands) in group_by_block(candidates) {
                let cfg = self.dedup.clone();
                let article2 = article.clone();
                let block2 = block.clone();
                let done = self
                    .cas_block(&block, move |records| {
                        apply_to_block(&cfg, &block2, records, &article2, cands.clone(), now)
                    })
                    .await?;
                for (i, o) in done {
                    placed.push((block.clone(), o.event().event_id.clone()));
                    outcomes.push((i, o));
                }
            }
        }
        outcomes.sort_by_key(|(i, _)| *i);
        // Two candidates of one sentence share one event: publish its revision once.
        let mut seen = std::collections::HashSet::new();
        let revisions: Vec<Event> = outcomes
            .into_iter()
            .map(|(_, o)| o.into_event())
            .filter(|e| seen.insert((e.event_id.clone(), e.revision)))
            .collect();

        let state = ArticleState {
            id: article.id.clone(),
            phase: Phase::Done,
            near_duplicate,
            signature: sig,
            published_at: Some(article.published_at),
            events: placed,
            revisions: Vec::new(),
        };
        let events = ArticleEvents {
            signature: state.signature.clone(),
            published_at: article.published_at,
            events: state.events.clone(),
        };
        self.lock_near().insert(&self.dedup, &akey, events);
        Ok(Applied {
            state: Some(state),
            duplicate: false,
            near_duplicate,
            revisions,
        })
    }

    /// Whether a block of the article's candidates holds an event the article made other
    /// than the events of its copy (`copy`): an earlier attempt's new report.
    async fn made_elsewhere(
        &self,
        article: &Article,
        candidates: &[Candidate],
        copy: &Placement,
    ) -> Result<bool, StateError> {
        for block in group_by_block(candidates.to_vec()).into_keys() {
            let (_, records) = self.read_block(&blk_key(&block)).await?;
            let made = records.iter().any(|r| {
                !copy.iter().any(|(_, id)| *id == r.event.event_id)
                    && r.revision_made_by(&article.id).is_some()
            });
            if made {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Called after every revision's PublishAck: writes the article's state, done
    /// (redelivery then is a no-op).
    pub async fn commit(&self, article: &Article, applied: &Applied) -> Result<(), StateError> {
        if applied.duplicate {
            return Ok(());
        }
        let akey = art_key(&article.id);
        lock(&self.decisions).remove(&akey);
        let mut state = match &applied.state {
            Some(s) => s.clone(),
            // A pending state of an older version, republished: mark it done.
            None => match self.read_json::<ArticleState>(&akey).await? {
                Some(s) if s.phase == Phase::Pending => s,
                _ => return Ok(()),
            },
        };
        state.phase = Phase::Done;
        state.revisions.clear();
        self.put_json(&akey, &state).await
    }

    /// Compare-and-set conflicts met so far (each one cost a re-read and a retry).
    pub fn cas_conflicts(&self) -> u64 {
        self.conflicts.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Latest state of every event in the store's blocks (tests and diagnostics).
    pub async fn events(&self) -> Result<Vec<Event>, StateError> {
        use futures::TryStreamExt;
        let keys: Vec<String> = self
            .kv
            .keys()
            .await
            .map_err(|e| StateError::Read {
                key: "blk.*".into(),
                detail: e.to_string(),
            })?
            .try_collect()
            .await
            .map_err(|e| StateError::Read {
                key: "blk.*".into(),
                detail: e.to_string(),
            })?;
        let mut out = Vec::new();
        for k in keys.iter().filter(|k| k.starts_with("blk.")) {
            if let Some(recs) = self.read_json::<Vec<EventRecord>>(k).await? {
                out.extend(recs.into_iter().map(|r| r.event));
            }
        }
        out.sort_by(|a, b| a.event_id.cmp(&b.event_id));
        Ok(out)
    }

    /// Read-modify-write of one block with compare-and-set, retried on conflict with
    /// fresh state. `change` is the pure core's decision; it may run several times, and
    /// runs in one batch with the changes of other articles queued for the same block.
    async fn cas_block<F>(&self, block: &str, change: F) -> Outcomes
    where
        F: Fn(&mut Vec<EventRecord>) -> Vec<(usize, Outcome)> + Send + Sync + 'static,
    {
        use tokio::sync::oneshot::error::TryRecvError;
        let key = blk_key(block);
        let slot = self.slot(&key);
        let (done, mut result) = tokio::sync::oneshot::channel();
        lock_queue(&slot).push(Job {
            change: Box::new(change),
            done,
        });
        let mut cached = slot.cache.lock().await;
        loop {
            match result.try_recv() {
                Ok(r) => return r,
                Err(TryRecvError::Closed) => {
                    return Err(StateError::Write {
                        key,
                        detail: "batch abandoned".into(),
                    })
                }
                Err(TryRecvError::Empty) => {}
            }
            let jobs: Vec<Job> = {
                let mut q = lock_queue(&slot);
                let n = q.len().min(MAX_BATCH);
                q.drain(..n).collect()
            };
            if jobs.is_empty() {
                return Err(StateError::Write {
                    key,
                    detail: "change lost from the block queue".into(),
                });
            }
            match self.write_batch(&key, &mut cached, &jobs).await {
                Ok(outs) => {
                    for (job, out) in jobs.into_iter().zip(outs) {
                        let _ = job.done.send(Ok(out));
                    }
                }
                Err(e) => {
                    for job in jobs {
                        let _ = job.done.send(Err(e.clone()));
                    }
                }
            }
        }
    }

    /// Applies `jobs` in order to the block and writes it once with compare-and-set
    /// against the cached revision; a conflict re-reads and re-applies them all.
    async fn write_batch(
        &self,
        key: &str,
        state: &mut SlotState,
        jobs: &[Job],
    ) -> Result<Vec<Vec<(usize, Outcome)>>, StateError> {
        for attempt in 0..self.max_attempts {
            let (revision, mut records) = match state.block.take() {
                Some(c) => c,
                None => {
                    state.json.clear();
                    self.read_block(key).await?
                }
            };
            let outs: Vec<Vec<(usize, Outcome)>> =
                jobs.iter().map(|j| (j.change)(&mut records)).collect();
            if !outs.iter().flatten().any(|(_, o)| o.is_change()) {
                // Only eviction may have changed the records: still a valid view.
                state.block = Some((revision, records));
                return Ok(outs);
            }
            // Every record a change modified is named by one of its outcomes.
            let touched: std::collections::HashSet<&str> = outs
                .iter()
                .flatten()
                .map(|(_, o)| o.event().event_id.as_str())
                .collect();
            let value = encode_block(key, &mut records, &mut state.json, &touched)?;
            let written = match revision {
                Some(rev) => self.kv.update(key, value, rev).await.map_err(|e| {
                    (
                        e.kind() == kv::UpdateErrorKind::WrongLastRevision,
                        e.to_string(),
                    )
                }),
                None => self.kv.create(key, value).await.map_err(|e| {
                    (
                        e.kind() == kv::CreateErrorKind::AlreadyExists,
                        e.to_string(),
                    )
                }),
            };
            match written {
                Ok(new_rev) => {
                    state.block = Some((Some(new_rev), records));
                    return Ok(outs);
                }
                Err((true, _)) => {
                    self.conflicts
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    // Another replica changed the block (the cache stays empty, so the
                    // retry reads it fresh); after the first retry, back off a little.
                    if attempt > 0 {
                        let jitter = rand::random::<u64>() % (2 + u64::from(attempt.min(20)) * 2);
                        tokio::time::sleep(Duration::from_millis(jitter)).await;
                    }
                }
                Err((false, detail)) => {
                    return Err(StateError::Write {
                        key: key.to_string(),
                        detail,
                    })
                }
            }
        }
        Err(StateError::Conflict {
            key: key.to_string(),
            attempts: self.max_attempts,
        })
    }

    /// Fresh read of a block: `(revision, records)`.
    async fn read_block(&self, key: &str) -> Result<(Option<u64>, Vec<EventRecord>), StateError> {
        let entry = self
            .kv
            .entry(key.to_string())
            .await
            .map_err(|e| StateError::Read {
                key: key.to_string(),
                detail: e.to_string(),
            })?;
        Ok(match &entry {
            Some(e) if e.operation == kv::Operation::Put => {
                (Some(e.revision), decode::<Vec<EventRecord>>(key, &e.value)?)
            }
            Some(e) => (Some(e.revision), Vec::new()),
            None => (None, Vec::new()),
        })
    }

    /// The lock (and cache) of one block key.
    fn slot(&self, key: &str) -> BlockSlot {
        let mut blocks = lock(&self.blocks);
        if let Some(s) = blocks.get(key) {
            return s.clone();
        }
        if blocks.len() >= MAX_CACHED_BLOCKS {
            blocks.retain(|_, s| Arc::strong_count(s) > 1);
        }
        let s = BlockSlot::default();
        blocks.insert(key.to_string(), s.clone());
        s
    }

    fn lock_near(&self) -> std::sync::MutexGuard<'_, NearIndex> {
        lock(&self.near)
    }

    async fn read(&self, key: &str) -> Result<Option<Bytes>, StateError> {
        self.kv.get(key).await.map_err(|e| StateError::Read {
            key: key.to_string(),
            detail: e.to_string(),
        })
    }

    async fn read_json<T: for<'de> Deserialize<'de>>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StateError> {
        match self.read(key).await? {
            Some(v) if !v.is_empty() => decode(key, &v).map(Some),
            _ => Ok(None),
        }
    }

    async fn put_json<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StateError> {
        self.put_bytes(key, encode(key, value)?).await
    }

    async fn put_bytes(&self, key: &str, v: Bytes) -> Result<(), StateError> {
        self.kv
            .put(key, v)
            .await
            .map(|_| ())
            .map_err(|e| StateError::Write {
                key: key.to_string(),
                detail: e.to_string(),
            })
    }

    /// Creates `key` unless it exists; true when this call created it.
    async fn create_if_absent(&self, key: &str, value: Bytes) -> Result<bool, StateError> {
        match self.kv.create(key, value).await {
            Ok(_) => Ok(true),
            Err(e) if e.kind() == kv::CreateErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(StateError::Write {
                key: key.to_string(),
                detail: e.to_string(),
            }),
        }
    }
}

fn lock_queue(slot: &Slot) -> std::sync::MutexGuard<'_, Vec<Job>> {
    lock(&slot.queue)
}

/// Largest block value written; the server's default max payload is 1 MiB.
const MAX_BLOCK_BYTES: usize = 900 * 1024;

/// Encodes a block, dropping its least recently seen events while it is too large for
/// one KV value (a busy block loses old merge targets, never the write).
fn encode_block(
    key: &str,
    records: &mut Vec<EventRecord>,
    json: &mut RecordJson,
    touched: &std::collections::HashSet<&str>,
) -> Result<Bytes, StateError> {
    loop {
        let v = json
            .encode(records, touched)
            .map(Bytes::from)
            .map_err(|e| undecodable(key, e))?;
        if v.len() <= MAX_BLOCK_BYTES || records.len() <= 1 {
            return Ok(v);
        }
        let oldest = records
            .iter()
            .enumerate()
            .min_by_key(|(_, r)| r.event.last_seen)
            .map(|(i, _)| i)
            .unwrap_or(0);
        records.remove(oldest);
    }
}

/// A value of `key` that does not (de)serialize as JSON.
fn undecodable(key: &str, e: serde_json::Error) -> StateError {
    StateError::Decode {
        key: key.to_string(),
        detail: e.to_string(),
    }
}

fn decode<T: for<'de> Deserialize<'de>>(key: &str, v: &[u8]) -> Result<T, StateError> {
    serde_json::from_slice(v).map_err(|e| undecodable(key, e))
}

fn encode<T: Serialize>(key: &str, v: &T) -> Result<Bytes, StateError> {
    serde_json::to_vec(v)
        .map(Bytes::from)
        .map_err(|e| undecodable(key, e))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Casualties, EventType, Evidence, Location, LocationPrecision};

    /// A protest in a town of France read from `sentence` (state and block tests).
    pub(crate) fn protest_in(town: &str, geonameid: u32, sentence: &str) -> Candidate {
        Candidate {
            event_type: EventType::Protest,
            mode: Some("demo".into()),
            acled: None,
            summary: format!("protest in {town}"),
            actors: vec![],
            location: Some(Location {
                name: town.into(),
                admin1: None,
                admin2: None,
                country: "FR".into(),
                lat: None,
                lon: None,
                geonameid: Some(geonameid),
                precision: LocationPrecision::City,
                text: town.into(),
            }),
            date: None,
            casualties: Casualties::default(),
            quantities: vec![],
            evidence: Evidence {
                article_id: "a".into(),
                sentence: sentence.into(),
                start: 0,
                end: sentence.len(),
            },
            confidence: 0.5,
            distinct: false,
            back_reference: false,
        }
    }

    fn candidate(i: usize, sentence: &str) -> Candidate {
        protest_in(&format!("Town{i:04}"), i as u32 + 1, sentence)
    }

    #[test]
    fn oversized_blocks_shed_their_oldest_events() {
        let long = "Hundreds of people marched through the town centre. ".repeat(200);
        let cfg = DedupConfig::default();
        let mut records = Vec::new();
        let start = crate::input::parse_time("2025-03-01T00:00:00Z").expect("time");
        for i in 0..120 {
            let a = Article {
                id: format!("a{i}"),
                url: None,
                title: None,
                body: "x".into(),
                published_at: start,
                source: None,
                language: None,
            };
            let now = start + chrono::Duration::minutes(i);
            apply_to_block(
                &cfg,
                "protest.fr",
                &mut records,
                &a,
                vec![(0, candidate(i as usize, &long))],
                now,
            );
        }
        assert_eq!(records.len(), 120);
        let v = encode_block(
            "blk.protest.fr",
            &mut records,
            &mut RecordJson::default(),
            &std::collections::HashSet::new(),
        )
        .expect("encode");
        assert!(v.len() <= MAX_BLOCK_BYTES, "{} bytes", v.len());
        assert!(
            records.len() < 120 && records.len() > 50,
            "{}",
            records.len()
        );
        let newest = records
            .iter()
            .map(|r| r.event.last_seen)
            .min()
            .expect("some");
        assert!(newest > start, "the oldest went first");
    }

    #[test]
    fn errors_have_stable_kinds() {
        let e = StateError::Conflict {
            key: "blk.assault.ua".into(),
            attempts: 3,
        };
        assert_eq!(e.kind(), "conflict");
        assert_eq!(
            e.to_string(),
            "kv key `blk.assault.ua`: still conflicting after 3 compare-and-set attempts"
        );
    }
}
