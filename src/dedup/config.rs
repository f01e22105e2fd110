//! `[dedup]` configuration: matching window, similarity thresholds and state bounds.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Dedup tuning, `[dedup]` in the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupConfig {
    /// Two reports of one incident may differ in date by at most this many days
    /// (day-precision dates; week and month dates match the days inside them).
    pub date_window_days: u32,
    /// A candidate merges into the best-scoring existing event when its score reaches
    /// this value. Same place + same day gives about 1.6, a conflicting mode or target
    /// subtracts about 1; lower merges more, higher splits more.
    pub merge_threshold: f64,
    /// Estimated Jaccard similarity of word-3-shingle sets above which an article is a
    /// near-duplicate (syndicated copy) of an earlier one.
    pub near_dup_jaccard: f64,
    /// A near-duplicate (syndicated copy) is published within this many days of the
    /// article it copies; the same text rerun later is a new report, matched as events.
    pub near_dup_window_days: u32,
    /// MinHash LSH: number of bands (each band is one index entry).
    pub minhash_bands: u32,
    /// MinHash LSH: rows (hash functions) per band; signature length = bands * rows.
    pub minhash_rows: u32,
    /// Events last seen longer ago than this are no longer merge targets (follow-ups
    /// "earlier this month" come a week or more later).
    pub horizon_days: u32,
    /// At most this many events are kept as merge targets per (type, country) block;
    /// the least recently seen are dropped first. Bounds memory and KV value size.
    pub max_events_per_block: u32,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig {
            date_window_days: 1,
            merge_threshold: 1.0,
            near_dup_jaccard: 0.5,
            near_dup_window_days: 3,
            minhash_bands: 20,
            minhash_rows: 2,
            horizon_days: 14,
            max_events_per_block: 400,
        }
    }
}

/// An invalid `[dedup]` value; the message names the key.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("config key `dedup.{key}`: {reason}")]
pub struct DedupConfigError {
    pub key: &'static str,
    pub reason: String,
}

impl DedupConfig {
    /// True when articles published at `a` and `b` are close enough in time for one to
    /// be a syndicated copy of the other.
    pub fn within_near_dup_window(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> bool {
        (a - b).abs() <= chrono::Duration::days(i64::from(self.near_dup_window_days))
    }

    /// Checks every field's range; the error names the first offending key.
    pub fn validate(&self) -> Result<(), DedupConfigError> {
        let err = |key: &'static str, reason: String| Err(DedupConfigError { key, reason });
        if self.date_window_days > 31 {
            return err(
                "date_window_days",
                format!("{} is above the maximum of 31", self.date_window_days),
            );
        }
        if !self.merge_threshold.is_finite() || self.merge_threshold <= 0.0 {
            return err(
                "merge_threshold",
                format!("{} must be a positive number", self.merge_threshold),
            );
        }
        if !(self.near_dup_jaccard > 0.0 && self.near_dup_jaccard <= 1.0) {
            return err(
                "near_dup_jaccard",
                format!("{} must be in (0, 1]", self.near_dup_jaccard),
            );
        }
        if !(1..=365).contains(&self.near_dup_window_days) {
            return err(
                "near_dup_window_days",
                format!("{} must be in 1..=365", self.near_dup_window_days),
            );
        }
        if !(1..=64).contains(&self.minhash_bands) {
            return err(
                "minhash_bands",
                format!("{} must be in 1..=64", self.minhash_bands),
            );
        }
        if !(1..=8).contains(&self.minhash_rows) {
            return err(
                "minhash_rows",
                format!("{} must be in 1..=8", self.minhash_rows),
            );
        }
        if !(1..=365).contains(&self.horizon_days) {
            return err(
                "horizon_days",
                format!("{} must be in 1..=365", self.horizon_days),
            );
        }
        if !(1..=10_000).contains(&self.max_events_per_block) {
            return err(
                "max_events_per_block",
                format!("{} must be in 1..=10000", self.max_events_per_block),
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid() {
        assert_eq!(DedupConfig::default().validate(), Ok(()));
    }

    #[test]
    fn validate_names_the_key() {
        let cases: Vec<(DedupConfig, &str)> = vec![
            (
                DedupConfig {
                    date_window_days: 40,
                    ..Default::default()
                },
                "date_window_days",
            ),
            (
                DedupConfig {
                    merge_threshold: f64::NAN,
                    ..Default::default()
                },
                "merge_threshold",
            ),
            (
                DedupConfig {
                    near_dup_jaccard: 1.5,
                    ..Default::default()
                },
                "near_dup_jaccard",
            ),
            (
                DedupConfig {
                    near_dup_window_days: 0,
                    ..Default::default()
                },
                "near_dup_window_days",
            ),
            (
                DedupConfig {
                    minhash_bands: 0,
                    ..Default::default()
                },
                "minhash_bands",
            ),
            (
                DedupConfig {
                    minhash_rows: 9,
                    ..Default::default()
                },
                "minhash_rows",
            ),
            (
                DedupConfig {
                    horizon_days: 0,
                    ..Default::default()
                },
                "horizon_days",
            ),
            (
                DedupConfig {
                    max_events_per_block: 0,
                    ..Default::default()
                },
                "max_events_per_block",
            ),
        ];
        for (cfg, key) in cases {
            let e = cfg.validate().expect_err(key);
            assert_eq!(e.key, key);
            assert!(e.to_string().contains(&format!("`dedup.{key}`")), "{e}");
        }
    }

    #[test]
    fn near_dup_window_is_symmetric_and_inclusive() {
        let t = |s: &str| crate::input::parse_time(s).expect("time");
        let cfg = DedupConfig::default();
        let base = t("2025-03-10T12:00:00Z");
        let cases = [
            ("2025-03-10T18:00:00Z", true),
            ("2025-03-13T12:00:00Z", true),
            ("2025-03-07T12:00:00Z", true),
            ("2025-03-13T12:00:01Z", false),
            ("2025-04-19T12:00:00Z", false),
            ("2025-01-30T12:00:00Z", false),
        ];
        for (other, want) in cases {
            assert_eq!(cfg.within_near_dup_window(base, t(other)), want, "{other}");
            assert_eq!(cfg.within_near_dup_window(t(other), base), want, "{other}");
        }
    }

    #[test]
    fn parses_from_toml_with_defaults() {
        let cfg: DedupConfig = toml_like("date_window_days = 2");
        assert_eq!(cfg.date_window_days, 2);
        assert_eq!(cfg.minhash_bands, DedupConfig::default().minhash_bands);
    }

    fn toml_like(s: &str) -> DedupConfig {
        config::Config::builder()
            .add_source(config::File::from_str(s, config::FileFormat::Toml))
            .build()
            .and_then(|c| c.try_deserialize())
            .expect("valid toml")
    }
}
