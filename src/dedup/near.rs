//! Bounded MinHash LSH index of recent articles: finds the original a syndicated copy
//! was made from. Pure and in memory; the offline deduper owns one, and the KV store keeps
//! one per worker fed by its own articles and, through a KV watch, by every replica's.

use super::{pick_original, ArticleEvents, DedupConfig, Signature};
use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// Articles a worker's index holds by default (about 1.5 KB each).
pub const DEFAULT_CAPACITY: usize = 32_768;

/// LSH band -> the article that claimed it, over the most recent `capacity` articles.
#[derive(Debug)]
pub struct NearIndex {
    capacity: usize,
    /// Article key -> signature, publication time and where its events live.
    articles: HashMap<Arc<str>, ArticleEvents>,
    /// Insertion order, for eviction.
    order: VecDeque<Arc<str>>,
    /// Band hash -> owner (a collision only costs a similarity check).
    bands: HashMap<u64, Arc<str>>,
}

impl Default for NearIndex {
    fn default() -> Self {
        NearIndex::with_capacity(DEFAULT_CAPACITY)
    }
}

impl NearIndex {
    /// An index that keeps the most recent `capacity` articles (at least one).
    pub fn with_capacity(capacity: usize) -> NearIndex {
        NearIndex {
            capacity: capacity.max(1),
            articles: HashMap::new(),
            order: VecDeque::new(),
            bands: HashMap::new(),
        }
    }

    /// Articles held.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The original of an article signed `sig` and published at `published_at`, other
    /// than `own_key`: the most similar indexed article sharing a band, at or above the
    /// near-duplicate threshold and within the window. Returns its key and record.
    pub fn find(
        &self,
        cfg: &DedupConfig,
        own_key: &str,
        sig: &Signature,
        published_at: DateTime<Utc>,
    ) -> Option<(&str, &ArticleEvents)> {
        let mut owners: Vec<&Arc<str>> = Vec::new();
        for h in sig.band_hashes(cfg.minhash_rows) {
            if let Some(o) = self.bands.get(&h) {
                if o.as_ref() != own_key && !owners.contains(&o) {
                    owners.push(o);
                }
            }
        }
        let cands = owners.into_iter().filter_map(|o| {
            self.articles
                .get(o)
                .map(|a| (o.as_ref(), &a.signature, Some(a.published_at)))
        });
        let best = pick_original(cfg, sig, published_at, cands)?;
        self.articles
            .get_key_value(best)
            .map(|(k, a)| (k.as_ref(), a))
    }

    /// Whether `key` is indexed.
    pub fn contains(&self, key: &str) -> bool {
        self.articles.contains_key(key)
    }

    /// Records an article: a band goes to the first article that had it and passes to a
    /// later one once its owner is outside the near-duplicate window (so copies of a rerun
    /// find it). Re-inserting a known key only updates where its events live.
    pub fn insert(&mut self, cfg: &DedupConfig, key: &str, article: ArticleEvents) {
        if let Some(a) = self.articles.get_mut(key) {
            a.events = article.events;
            return;
        }
        while self.articles.len() >= self.capacity {
            self.evict_oldest(cfg);
        }
        let key: Arc<str> = Arc::from(key);
        for h in article.signature.band_hashes(cfg.minhash_rows) {
            let stale = self.bands.get(&h).is_none_or(|owner| {
                self.articles.get(owner).is_none_or(|a| {
                    !cfg.within_near_dup_window(article.published_at, a.published_at)
                })
            });
            if stale {
                self.bands.insert(h, key.clone());
            }
        }
        self.order.push_back(key.clone());
        self.articles.insert(key, article);
    }

    fn evict_oldest(&mut self, cfg: &DedupConfig) {
        let Some(key) = self.order.pop_front() else {
            return;
        };
        if let Some(a) = self.articles.remove(&key) {
            for h in a.signature.band_hashes(cfg.minhash_rows) {
                if self.bands.get(&h).is_some_and(|o| *o == key) {
                    self.bands.remove(&h);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        crate::input::parse_time(s).expect("time")
    }

    fn entry(cfg: &DedupConfig, body: &str, when: &str) -> ArticleEvents {
        ArticleEvents {
            signature: Signature::of(body, cfg.minhash_bands, cfg.minhash_rows),
            published_at: at(when),
            events: vec![("assault.ua".into(), format!("ev-{}", body.len()))],
        }
    }

    const BODY: &str = "Russian drones struck an apartment block in Kharkiv overnight, killing \
        two people and injuring eleven, the regional governor said on Telegram. Emergency \
        crews worked through the night to pull residents from the rubble of the building.";

    #[test]
    fn a_syndicated_copy_finds_its_original_and_an_unrelated_story_does_not() {
        let cfg = DedupConfig::default();
        let mut idx = NearIndex::default();
        idx.insert(&cfg, "a", entry(&cfg, BODY, "2025-03-01T08:00:00Z"));
        let copy = format!("{BODY} Reporting by the wire desk.");
        let sig = Signature::of(&copy, cfg.minhash_bands, cfg.minhash_rows);
        let found = idx.find(&cfg, "b", &sig, at("2025-03-01T10:00:00Z"));
        assert_eq!(found.map(|(k, _)| k), Some("a"));
        // Its own key is never its original; outside the window it is a new story.
        assert!(idx
            .find(&cfg, "a", &sig, at("2025-03-01T10:00:00Z"))
            .is_none());
        assert!(idx
            .find(&cfg, "b", &sig, at("2025-03-09T10:00:00Z"))
            .is_none());
        let other = Signature::of(
            "Parliament approved the budget after a long debate on pensions and taxes.",
            cfg.minhash_bands,
            cfg.minhash_rows,
        );
        assert!(idx
            .find(&cfg, "c", &other, at("2025-03-01T10:00:00Z"))
            .is_none());
    }

    #[test]
    fn the_oldest_articles_leave_when_full_and_take_their_bands() {
        let cfg = DedupConfig::default();
        let mut idx = NearIndex::with_capacity(2);
        idx.insert(&cfg, "a", entry(&cfg, BODY, "2025-03-01T08:00:00Z"));
        idx.insert(
            &cfg,
            "b",
            entry(&cfg, "Protesters marched in Paris.", "2025-03-01T08:00:00Z"),
        );
        idx.insert(
            &cfg,
            "c",
            entry(
                &cfg,
                "Floods hit the coast of Peru.",
                "2025-03-01T08:00:00Z",
            ),
        );
        assert_eq!(idx.len(), 2);
        let sig = Signature::of(BODY, cfg.minhash_bands, cfg.minhash_rows);
        assert!(idx
            .find(&cfg, "z", &sig, at("2025-03-01T09:00:00Z"))
            .is_none());
        assert!(idx.bands.values().all(|o| o.as_ref() != "a"));
    }

    #[test]
    fn a_band_passes_to_a_rerun_outside_the_window() {
        let cfg = DedupConfig::default();
        let mut idx = NearIndex::default();
        idx.insert(&cfg, "old", entry(&cfg, BODY, "2025-01-01T08:00:00Z"));
        idx.insert(&cfg, "rerun", entry(&cfg, BODY, "2025-03-01T08:00:00Z"));
        let sig = Signature::of(BODY, cfg.minhash_bands, cfg.minhash_rows);
        let found = idx.find(&cfg, "copy", &sig, at("2025-03-01T09:00:00Z"));
        assert_eq!(found.map(|(k, _)| k), Some("rerun"));
        // Re-inserting a known key keeps its bands and updates its events.
        let mut again = entry(&cfg, BODY, "2025-03-01T08:00:00Z");
        again.events.clear();
        idx.insert(&cfg, "rerun", again);
        let (_, a) = idx
            .find(&cfg, "copy", &sig, at("2025-03-01T09:00:00Z"))
            .expect("found");
        assert!(a.events.is_empty());
    }
}
