//! Deduplication: event candidates -> event revisions, one event per real-world incident.
//!
//! The core here is pure and in memory (used as is by `newsevents extract`); the worker
//! keeps the same state in JetStream Key-Value (`crate::nats::state`), reusing
//! [`block`] for every matching and merging decision.
//!
//! - Article level: an exact duplicate (same id, or same normalized body) yields nothing;
//!   a near-duplicate ([`minhash`]) adds a source and a mention to the events of the
//!   article it copies and creates none.
//! - Event level ([`score`], [`block`]): a candidate joins the best-scoring event of its
//!   block (type family + country) when the score reaches the threshold, else it starts
//!   a new event. A candidate with neither place nor acting country is blocked with its
//!   article's country. Two candidates reading one sentence as one type at one place are
//!   one report. Evidence clues ([`features`]: site, weapon, district; a clause dated
//!   apart, "hours after ...", names another incident and is not read) weigh against
//!   the extracted codes: agreeing weapons cancel a mode/ACLED conflict.

pub mod block;
pub mod config;
pub mod features;
pub mod minhash;
pub mod near;
pub mod score;

pub use block::{apply_to_block, block_key, block_key_in, event_id, EventRecord, Outcome};
pub use config::{DedupConfig, DedupConfigError};
pub use minhash::Signature;

use crate::model::{Article, Candidate, Event};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Counters of what dedup did, for logs and metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DedupStats {
    pub articles: u64,
    pub duplicates: u64,
    pub near_duplicates: u64,
    pub created: u64,
    pub merged: u64,
}

/// Where one article's events live: its signature and `(block, event_id)` pairs, so that a
/// later near-duplicate can find them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ArticleEvents {
    pub signature: Signature,
    pub published_at: DateTime<Utc>,
    pub events: Vec<(String, String)>,
}

/// Picks the original of an article published at `published_at` among `(article key,
/// signature, publication time)` candidates: the most similar one at or above the
/// threshold (ties: first given) published within the near-duplicate window (an unknown
/// time counts as within).
pub fn pick_original<'a>(
    cfg: &DedupConfig,
    sig: &Signature,
    published_at: DateTime<Utc>,
    candidates: impl IntoIterator<Item = (&'a str, &'a Signature, Option<DateTime<Utc>>)>,
) -> Option<&'a str> {
    let mut best: Option<(&str, f64)> = None;
    for (key, other, at) in candidates {
        if at.is_some_and(|at| !cfg.within_near_dup_window(published_at, at)) {
            continue;
        }
        let s = sig.similarity(other);
        if s >= cfg.near_dup_jaccard && best.is_none_or(|(_, b)| s > b) {
            best = Some((key, s));
        }
    }
    best.map(|(k, _)| k)
}

/// Groups an article's candidates by block, keeping their indices (blocks in key order).
/// A candidate without a place is blocked with the article's own country (the country
/// most of its placed candidates are in), so that "the villagers were seized in a raid"
/// can meet the located report of the raid.
pub fn group_by_block(candidates: Vec<Candidate>) -> BTreeMap<String, Vec<(usize, Candidate)>> {
    let country = article_country(&candidates);
    let mut groups: BTreeMap<String, Vec<(usize, Candidate)>> = BTreeMap::new();
    for (i, c) in candidates.into_iter().enumerate() {
        groups
            .entry(block::block_key_in(&c, country.as_deref()))
            .or_default()
            .push((i, c));
    }
    groups
}

/// The country most of the candidates' places are in (ties: the first named).
pub fn article_country(candidates: &[Candidate]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in candidates {
        let Some(l) = c.location.as_ref().filter(|l| !l.country.trim().is_empty()) else {
            continue;
        };
        match counts
            .iter_mut()
            .find(|(k, _)| k.eq_ignore_ascii_case(&l.country))
        {
            Some((_, n)) => *n += 1,
            None => counts.push((l.country.as_str(), 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map(|(k, _)| (*k).to_string())
}

/// In-memory deduplicator.
#[derive(Debug, Default)]
pub struct Deduper {
    cfg: DedupConfig,
    blocks: HashMap<String, Vec<EventRecord>>,
    /// Latest revision of every event, and creation order.
    latest: HashMap<String, Event>,
    order: Vec<String>,
    seen_ids: HashSet<String>,
    seen_bodies: HashSet<u128>,
    /// Recent articles by LSH band (near-duplicates).
    near: near::NearIndex,
    stats: DedupStats,
}

impl Deduper {
    pub fn new(config: DedupConfig) -> Deduper {
        Deduper {
            cfg: config,
            ..Deduper::default()
        }
    }

    /// Applies one article's candidates; returns the revisions to publish.
    pub fn apply(
        &mut self,
        article: &Article,
        candidates: Vec<Candidate>,
        now: DateTime<Utc>,
    ) -> Vec<Event> {
        self.stats.articles += 1;
        let body = crate::input::body_hash(&article.body);
        if self.seen_ids.contains(&article.id) || self.seen_bodies.contains(&body) {
            self.stats.duplicates += 1;
            return Vec::new();
        }
        self.seen_ids.insert(article.id.clone());
        self.seen_bodies.insert(body);

        let sig = Signature::of(&article.body, self.cfg.minhash_bands, self.cfg.minhash_rows);
        let targets = self
            .near
            .find(&self.cfg, &article.id, &sig, article.published_at)
            .map(|(_, a)| a.events.clone());

        let mut outcomes: Vec<Outcome> = Vec::new();
        let mut placed: Vec<(String, String)> = Vec::new();
        if let Some(targets) = targets {
            self.stats.near_duplicates += 1;
            for (block, id) in targets {
                if let Some(rec) = self
                    .blocks
                    .get_mut(&block)
                    .and_then(|recs| recs.iter_mut().find(|r| r.event.event_id == id))
                {
                    outcomes.push(block::add_source(rec, article, now));
                    placed.push((block, id));
                }
            }
        } else {
            for (block, cands) in group_by_block(candidates) {
                let recs = self.blocks.entry(block.clone()).or_default();
                for (_, o) in apply_to_block(&self.cfg, &block, recs, article, cands, now) {
                    placed.push((block.clone(), o.event().event_id.clone()));
                    outcomes.push(o);
                }
            }
        }

        self.near.insert(
            &self.cfg,
            &article.id,
            ArticleEvents {
                signature: sig,
                published_at: article.published_at,
                events: placed,
            },
        );

        let mut out = Vec::new();
        for o in outcomes {
            match &o {
                Outcome::Created(_) => self.stats.created += 1,
                Outcome::Merged(_) => self.stats.merged += 1,
                Outcome::Unchanged(_) => continue,
            }
            let ev = o.into_event();
            if !self.latest.contains_key(&ev.event_id) {
                self.order.push(ev.event_id.clone());
            }
            self.latest.insert(ev.event_id.clone(), ev.clone());
            out.push(ev);
        }
        out
    }

    /// Final state of every event, in order of creation.
    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.order.iter().filter_map(|id| self.latest.get(id))
    }

    /// What has been done so far.
    pub fn stats(&self) -> DedupStats {
        self.stats
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod window_tests;
