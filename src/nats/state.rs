//! Dedup state in JetStream Key-Value, shared by replicas and kept across restarts.

use serde::{Deserialize, Serialize};

/// `[state]` in the config file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StateConfig {
    /// KV bucket holding event and article state.
    pub bucket: String,
    /// How long state is kept (KV max age).
    #[serde(with = "humantime_serde")]
    pub ttl: std::time::Duration,
}

impl Default for StateConfig {
    fn default() -> Self {
        StateConfig {
            bucket: "newsevents_state".into(),
            ttl: std::time::Duration::from_secs(7 * 24 * 3600),
        }
    }
}
