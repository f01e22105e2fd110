//! The dev corpus as dedup input: articles in publication order, each with candidates
//! built from its gold events, and the pairwise dedup score of final events against the
//! gold clusters (the same measure as `score.py --gold`).

use newsevents::model::{
    Acled, Actor, ActorRole, Article, Candidate, Casualties, DatePrecision, Event, EventDate,
    EventType, Evidence, Location, LocationPrecision, Quantity,
};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    super::shared("dev/corpus")
}

/// One gold event of one article.
pub struct Mention {
    pub article: String,
    pub cluster: String,
    pub event_type: EventType,
    pub place: Option<String>,
    pub evidence_contains: String,
    pub optional: bool,
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// The sentence of `body` around byte range `start..end` (ends at . ! ? or a newline).
fn sentence_around(body: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = body.as_bytes();
    let mut a = start;
    while a > 0 {
        let c = bytes[a - 1];
        if c == b'\n' || ((c == b' ') && a >= 2 && matches!(bytes[a - 2], b'.' | b'!' | b'?')) {
            break;
        }
        a -= 1;
    }
    let mut b = end;
    while b < bytes.len() {
        let c = bytes[b];
        if c == b'\n' {
            break;
        }
        if matches!(c, b'.' | b'!' | b'?')
            && (b + 1 == bytes.len() || bytes[b + 1] == b' ' || bytes[b + 1] == b'\n')
        {
            b += 1;
            break;
        }
        b += 1;
    }
    while !body.is_char_boundary(a) {
        a -= 1;
    }
    while !body.is_char_boundary(b) {
        b += 1;
    }
    (a, b)
}

/// The candidate extraction would ideally produce for gold event `g` of `article`.
pub fn candidate(article: &Article, g: &Value) -> Candidate {
    let country = s(&g["country"]);
    let place = s(&g["place"]);
    let location = match (&place, &country) {
        (Some(p), Some(c)) => Some(Location {
            name: p.clone().into(),
            admin1: s(&g["admin1"]).map(Into::into),
            admin2: None,
            country: c.clone().into(),
            lat: None,
            lon: None,
            geonameid: None,
            precision: LocationPrecision::City,
            text: p.clone(),
        }),
        (None, Some(c)) => Some(Location {
            name: c.clone().into(),
            admin1: None,
            admin2: None,
            country: c.clone().into(),
            lat: None,
            lon: None,
            geonameid: None,
            precision: LocationPrecision::Country,
            text: c.clone(),
        }),
        _ => None,
    };
    let mut actors = Vec::new();
    for (role, key) in [
        (ActorRole::Source, "source_actor_country"),
        (ActorRole::Target, "target_actor_country"),
    ] {
        if let Some(c) = s(&g[key]) {
            actors.push(Actor {
                role,
                text: c.clone(),
                country: Some(c.into()),
                sector: None,
                name: None,
            });
        }
    }
    let needle = s(&g["evidence_contains"]).unwrap_or_default();
    let at = article.body.find(&needle).unwrap_or(0);
    let (a, b) = sentence_around(&article.body, at, at + needle.len());
    let num = |k: &str| g[k].as_u64().map(|n| n as u32);
    Candidate {
        event_type: serde_json::from_value(g["type"].clone()).expect("type"),
        mode: s(&g["mode"]).map(Into::into),
        acled: s(&g["acled_sub_event_type"]).map(|sub| Acled {
            event_type: String::new().into(),
            sub_event_type: sub.into(),
        }),
        summary: format!("{} {}", g["type"], place.clone().unwrap_or_default()),
        actors,
        location,
        date: s(&g["date"]).map(|d| EventDate {
            value: chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("date"),
            precision: DatePrecision::Day,
            text: d,
        }),
        casualties: Casualties {
            killed: num("killed"),
            injured: num("injured"),
            missing: None,
            arrested: num("arrested"),
            vague: g["vague"]
                .as_array()
                .map(|v| v.iter().filter_map(s).collect())
                .unwrap_or_default(),
        },
        quantities: g["quantities"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter_map(|q| {
                        Some(Quantity {
                            what: s(&q["what"])?,
                            count: q["count"].as_u64()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        evidence: Evidence {
            article_id: article.id.clone(),
            sentence: article.body[a..b].to_string(),
            start: a,
            end: b,
        },
        confidence: 1.0,
        distinct: false,
        back_reference: false,
    }
}

/// Articles in feed order with their gold-derived candidates, and every gold mention.
pub fn corpus() -> (Vec<(Article, Vec<Candidate>)>, Vec<Mention>) {
    let dir = corpus_dir();
    let articles: Vec<Article> = std::fs::read_to_string(dir.join("articles.jsonl"))
        .expect("articles.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("article"))
        .collect();
    let gold: HashMap<String, Vec<Value>> = std::fs::read_to_string(dir.join("gold.jsonl"))
        .expect("gold.jsonl")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("gold");
            (
                s(&v["article_id"]).expect("id"),
                v["events"].as_array().cloned().unwrap_or_default(),
            )
        })
        .collect();
    let mut mentions = Vec::new();
    let mut feed = Vec::new();
    for a in articles {
        let golds = gold.get(&a.id).cloned().unwrap_or_default();
        let cands = golds.iter().map(|g| candidate(&a, g)).collect();
        for g in &golds {
            mentions.push(Mention {
                article: a.id.clone(),
                cluster: s(&g["cluster"]).expect("cluster"),
                event_type: serde_json::from_value(g["type"].clone()).expect("type"),
                place: s(&g["place"]),
                evidence_contains: s(&g["evidence_contains"]).unwrap_or_default(),
                optional: g["optional"].as_bool().unwrap_or(false),
            });
        }
        feed.push((a, cands));
    }
    (feed, mentions)
}

/// Pairwise dedup score over required mentions.
#[derive(Debug)]
pub struct DedupScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Clusters whose mentions went to several events.
    pub split: Vec<String>,
    /// Events holding mentions of several clusters.
    pub merged: Vec<Vec<String>>,
}

/// Scores final `events` against the gold clusters of `mentions`.
pub fn score(events: &[Event], mentions: &[Mention]) -> DedupScore {
    let mut assigned: Vec<(String, String)> = Vec::new();
    for m in mentions.iter().filter(|m| !m.optional) {
        let carrying: Vec<_> = events
            .iter()
            .filter(|e| e.event_type == m.event_type)
            .filter(|e| e.sources.iter().any(|s| s.article_id == m.article))
            .collect();
        let by_evidence = carrying.iter().find(|e| {
            e.evidence
                .iter()
                .any(|ev| ev.article_id == m.article && ev.sentence.contains(&m.evidence_contains))
        });
        let by_place = carrying.iter().find(|e| {
            m.place.as_deref().is_some_and(|p| {
                e.location
                    .as_ref()
                    .is_some_and(|l| l.name.eq_ignore_ascii_case(p))
            })
        });
        let found = by_evidence.or(by_place).or(carrying.first());
        let ev = found.unwrap_or_else(|| panic!("no event for {} {}", m.article, m.cluster));
        assigned.push((m.cluster.clone(), ev.event_id.clone()));
    }
    let (mut tp, mut fp, mut fn_) = (0u32, 0u32, 0u32);
    for i in 0..assigned.len() {
        for j in i + 1..assigned.len() {
            match (
                assigned[i].0 == assigned[j].0,
                assigned[i].1 == assigned[j].1,
            ) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
    let mut per_cluster: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut per_event: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (c, e) in &assigned {
        per_cluster.entry(c).or_default().insert(e);
        per_event.entry(e).or_default().insert(c);
    }
    let mut split: Vec<String> = per_cluster
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k.to_string())
        .collect();
    split.sort();
    let mut merged: Vec<Vec<String>> = per_event
        .values()
        .filter(|v| v.len() > 1)
        .map(|v| {
            let mut c: Vec<String> = v.iter().map(|x| x.to_string()).collect();
            c.sort();
            c
        })
        .collect();
    merged.sort();
    DedupScore {
        precision,
        recall,
        f1,
        split,
        merged,
    }
}
