//! TEMPORARY stand-in for `crate::nats::state::EventStore` (helper `dedup` owns the real,
//! KV-backed one): same signatures, state kept in this process only. Deleted when the
//! `dedup` branch is merged.

use crate::dedup::{DedupConfig, Deduper};
use crate::model::{Article, Candidate, Event};
use crate::nats::state::StateConfig;
use chrono::{DateTime, Utc};
use std::collections::HashSet;
use std::sync::Mutex;

/// Why the dedup state could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("dedup state lock poisoned")]
    Poisoned,
}

/// Outcome of applying one article's candidates.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// The article was seen before: nothing to publish.
    pub duplicate: bool,
    /// Same text as an article seen before under another id.
    pub near_duplicate: bool,
    /// Event revisions to publish.
    pub revisions: Vec<Event>,
}

/// Dedup state (in memory in this stand-in).
#[derive(Debug)]
pub struct EventStore {
    deduper: Mutex<Deduper>,
    done: Mutex<HashSet<String>>,
}

impl EventStore {
    pub async fn open(
        _js: &async_nats::jetstream::Context,
        _config: &StateConfig,
        dedup: DedupConfig,
    ) -> Result<EventStore, StateError> {
        Ok(EventStore {
            deduper: Mutex::new(Deduper::new(dedup)),
            done: Mutex::new(HashSet::new()),
        })
    }

    pub async fn apply(
        &self,
        article: &Article,
        candidates: Vec<Candidate>,
        now: DateTime<Utc>,
    ) -> Result<Applied, StateError> {
        if self
            .done
            .lock()
            .map_err(|_| StateError::Poisoned)?
            .contains(&article.id)
        {
            return Ok(Applied {
                duplicate: true,
                ..Applied::default()
            });
        }
        let revisions = self
            .deduper
            .lock()
            .map_err(|_| StateError::Poisoned)?
            .apply(article, candidates, now);
        Ok(Applied {
            revisions,
            ..Applied::default()
        })
    }

    pub async fn commit(&self, article: &Article, _applied: &Applied) -> Result<(), StateError> {
        self.done
            .lock()
            .map_err(|_| StateError::Poisoned)?
            .insert(article.id.clone());
        Ok(())
    }
}
