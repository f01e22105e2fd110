//! Block values encoded record by record: the JSON of a record that a write did not touch
//! is reused from the previous write instead of serialized again (a busy block holds
//! tens of events and one article changes one or two of them). The bytes are exactly
//! `serde_json::to_vec` of the records.

use crate::dedup::EventRecord;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// What a change to a record alters besides its content: checked on top of the set of
/// records a write names, so that stale JSON is never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    revision: u32,
    mentions: u32,
    contributions: usize,
    made: usize,
    sources: usize,
    evidence: usize,
    last_seen: DateTime<Utc>,
}

impl Fingerprint {
    fn of(r: &EventRecord) -> Fingerprint {
        Fingerprint {
            revision: r.event.revision,
            mentions: r.event.mentions,
            contributions: r.contributions.len(),
            made: r.made.len(),
            sources: r.event.sources.len(),
            evidence: r.event.evidence.len(),
            last_seen: r.event.last_seen,
        }
    }
}

/// The JSON of each record of one block as last written by this worker, by event id.
#[derive(Debug, Default)]
pub struct RecordJson {
    by_event: HashMap<String, (Fingerprint, Vec<u8>)>,
}

impl RecordJson {
    /// Forgets everything (the block was read afresh: records may have changed elsewhere).
    pub fn clear(&mut self) {
        self.by_event.clear();
    }

    /// `records` as a JSON array; records whose event id is in `touched`, or whose
    /// fingerprint differs from the cached one, are serialized again.
    pub fn encode(
        &mut self,
        records: &[EventRecord],
        touched: &HashSet<&str>,
    ) -> Result<Vec<u8>, serde_json::Error> {
        let mut out = Vec::with_capacity(
            2 + self
                .by_event
                .values()
                .map(|(_, j)| j.len() + 1)
                .sum::<usize>(),
        );
        out.push(b'[');
        for (i, r) in records.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let id = r.event.event_id.as_str();
            let fp = Fingerprint::of(r);
            match self.by_event.get_mut(id) {
                Some((f, json)) if *f == fp && !touched.contains(id) => out.extend_from_slice(json),
                Some((f, json)) => {
                    json.clear();
                    serde_json::to_writer(&mut *json, r)?;
                    *f = fp;
                    out.extend_from_slice(json);
                }
                None => {
                    let json = serde_json::to_vec(r)?;
                    out.extend_from_slice(&json);
                    self.by_event.insert(id.to_string(), (fp, json));
                }
            }
        }
        out.push(b']');
        if self.by_event.len() > records.len() {
            let live: HashSet<&str> = records.iter().map(|r| r.event.event_id.as_str()).collect();
            self.by_event.retain(|k, _| live.contains(k.as_str()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedup::{apply_to_block, DedupConfig};
    use crate::model::{Article, Candidate};

    fn article(id: &str, minutes: i64) -> Article {
        let start = crate::input::parse_time("2025-03-01T08:00:00Z").expect("time");
        Article {
            id: id.into(),
            url: None,
            title: None,
            body: "x".into(),
            published_at: start + chrono::Duration::minutes(minutes),
            source: Some("Wire".into()),
            language: None,
        }
    }

    fn candidate(town: &str, sentence: &str) -> Candidate {
        crate::nats::state::tests::protest_in(town, town.len() as u32, sentence)
    }

    /// Applies one article with one candidate; returns the ids of the events it named.
    fn apply(records: &mut Vec<EventRecord>, id: &str, minutes: i64, c: Candidate) -> Vec<String> {
        let a = article(id, minutes);
        let now = a.published_at;
        apply_to_block(
            &DedupConfig::default(),
            "protest.fr",
            records,
            &a,
            vec![(0, c)],
            now,
        )
        .into_iter()
        .map(|(_, o)| o.event().event_id.clone())
        .collect()
    }

    #[test]
    fn encodes_exactly_what_serde_json_does_across_writes() {
        let feed = [
            (
                "a1",
                "Lyon",
                "Thousands marched through Lyon against the pension reform.",
            ),
            (
                "a2",
                "Nantes",
                "Dockers protested at the port of Nantes on Monday.",
            ),
            (
                "a3",
                "Lyon",
                "Thousands of people marched through Lyon against the reform.",
            ),
            ("a4", "Lille", "Students blocked the university in Lille."),
            (
                "a5",
                "Nantes",
                "Dockers protested again at the Nantes port.",
            ),
        ];
        let mut records = Vec::new();
        let mut json = RecordJson::default();
        for (i, (id, town, sentence)) in feed.iter().enumerate() {
            let named = apply(&mut records, id, i as i64 * 30, candidate(town, sentence));
            let touched: HashSet<&str> = named.iter().map(String::as_str).collect();
            let got = json.encode(&records, &touched).expect("encode");
            let want = serde_json::to_vec(&records).expect("serde");
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
                "after {id}"
            );
        }
        assert!(records.len() >= 3, "{} events", records.len());
    }

    #[test]
    fn a_changed_record_is_encoded_again_even_when_not_named() {
        let mut records = Vec::new();
        apply(
            &mut records,
            "a1",
            0,
            candidate("Lyon", "Thousands marched through Lyon."),
        );
        let mut json = RecordJson::default();
        let none = HashSet::new();
        json.encode(&records, &none).expect("encode");
        records[0].event.mentions += 1;
        let got = json.encode(&records, &none).expect("encode");
        assert_eq!(got, serde_json::to_vec(&records).expect("serde"));
        json.clear();
        records[0].event.summary.push_str(" (updated)");
        let got = json.encode(&records, &none).expect("encode");
        assert_eq!(got, serde_json::to_vec(&records).expect("serde"));
        assert_eq!(json.encode(&[], &none).expect("encode"), b"[]");
    }
}
