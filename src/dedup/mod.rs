//! Deduplication: event candidates -> event revisions, one event per real-world incident.
//!
//! The core here is pure and in memory (used as is by `newsevents extract`); the worker
//! keeps the same state in JetStream Key-Value (`crate::nats::state`).

use crate::model::{Article, Candidate, Event, EventStatus, SourceRef, EVENT_SCHEMA};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Dedup tuning, `[dedup]` in the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupConfig {
    /// Two reports of one incident may differ in date by at most this many days.
    pub date_window_days: u32,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            date_window_days: 1,
        }
    }
}

/// In-memory deduplicator. PLACEHOLDER: helper D replaces the body with real matching;
/// today every candidate becomes a new event.
#[derive(Debug, Default)]
pub struct Deduper {
    events: Vec<Event>,
}

impl Deduper {
    pub fn new(_config: DedupConfig) -> Deduper {
        Deduper::default()
    }

    /// Applies one article's candidates; returns the revisions to publish.
    pub fn apply(
        &mut self,
        article: &Article,
        candidates: Vec<Candidate>,
        now: DateTime<Utc>,
    ) -> Vec<Event> {
        let mut out = Vec::new();
        for (i, c) in candidates.into_iter().enumerate() {
            let ev = Event {
                schema: EVENT_SCHEMA.to_string(),
                event_id: format!(
                    "ev_{:016x}",
                    xxhash_rust::xxh3::xxh3_64(format!("{}#{i}", article.id).as_bytes())
                ),
                revision: 1,
                status: EventStatus::New,
                event_type: c.event_type,
                mode: c.mode,
                acled: c.acled,
                summary: c.summary,
                actors: c.actors,
                location: c.location,
                date: c.date,
                casualties: c.casualties,
                quantities: c.quantities,
                evidence: vec![c.evidence],
                sources: vec![SourceRef::of(article)],
                mentions: 1,
                confidence: c.confidence,
                first_seen: now,
                last_seen: now,
            };
            self.events.push(ev.clone());
            out.push(ev);
        }
        out
    }

    /// Final state of every event, in order of creation.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.events.iter()
    }
}
