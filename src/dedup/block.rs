//! The merge rules over one block of events (one type family in one country): which
//! candidate joins which event, how a merge changes the event, and what stays as merge
//! target. Used by the in-memory [`super::Deduper`] and by the KV store, which keeps
//! each block under one key and updates it with compare-and-set.

use super::features::Clues;
use super::score::{family, score};
use super::DedupConfig;
use crate::model::{
    ActorRole, Article, Candidate, DatePrecision, Event, EventStatus, SourceRef, EVENT_SCHEMA,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Most actors, evidence entries and sources kept on one event (bounds event size, and so
/// the size and cost of a block): past the cap, evidence and sources keep the first entry
/// and the most recent ones, while `mentions` keeps counting every report.
const MAX_ACTORS: usize = 12;
const MAX_EVIDENCE: usize = 32;
const MAX_SOURCES: usize = 50;
/// Most contribution keys kept per record (the most recent): enough for the article being
/// applied; redeliveries of older articles are stopped earlier by the article id check.
const MAX_CONTRIBUTIONS: usize = 256;

/// Appends `item`, first dropping the oldest entry after the first while `v` is at `cap`.
fn push_bounded<T>(v: &mut Vec<T>, item: T, cap: usize) {
    while v.len() >= cap.max(2) {
        v.remove(1);
    }
    v.push(item);
}

/// One event as a merge target: the latest revision plus what matching and idempotence need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub event: Event,
    /// `"<article_id>#<candidate index>"` of every candidate merged in: re-applying the
    /// same article changes nothing, and two candidates of one article never share an event.
    pub contributions: Vec<String>,
    /// Site and district clues of all evidence so far.
    pub clues: Clues,
    /// Publication time of the article whose casualty figures the event carries.
    pub figures_at: DateTime<Utc>,
}

/// What applying one candidate (or one near-duplicate source) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A new event, revision 1.
    Created(Event),
    /// An existing event, new revision.
    Merged(Event),
    /// Already applied earlier (redelivery): the event as it stands, no new revision.
    Unchanged(Event),
}

impl Outcome {
    pub fn event(&self) -> &Event {
        match self {
            Outcome::Created(e) | Outcome::Merged(e) | Outcome::Unchanged(e) => e,
        }
    }

    pub fn into_event(self) -> Event {
        match self {
            Outcome::Created(e) | Outcome::Merged(e) | Outcome::Unchanged(e) => e,
        }
    }

    /// True when this produced a new revision.
    pub fn is_change(&self) -> bool {
        !matches!(self, Outcome::Unchanged(_))
    }
}

/// Block of a candidate: `"<type>.<country>"`, the place's alpha-2 country, else
/// `x-<alpha-3>` of the acting party for statements without a place, else `none`.
/// Only events of one block can merge, so a block is the unit of compare-and-set.
pub fn block_key(c: &Candidate) -> String {
    let country = match &c.location {
        Some(l) if !l.country.trim().is_empty() => sanitize(&l.country),
        _ => match c
            .actors
            .iter()
            .find(|a| a.role == ActorRole::Source)
            .and_then(|a| a.country.as_deref())
        {
            Some(c3) if !c3.trim().is_empty() => format!("x-{}", sanitize(c3)),
            _ => "none".to_string(),
        },
    };
    format!("{}.{}", family(c.event_type).subject_token(), country)
}

fn sanitize(s: &str) -> String {
    let t: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .flat_map(|c| c.to_lowercase())
        .collect();
    if t.is_empty() {
        "none".into()
    } else {
        t
    }
}

/// Deterministic id of the event first reported by candidate `index` of `article_id`.
pub fn event_id(article_id: &str, index: usize) -> String {
    format!(
        "ev_{:016x}",
        xxhash_rust::xxh3::xxh3_64(format!("{article_id}#{index}").as_bytes())
    )
}

fn contribution(article_id: &str, index: usize) -> String {
    format!("{article_id}#{index}")
}

fn from_article(contrib: &str, article_id: &str) -> bool {
    contrib
        .rsplit_once('#')
        .is_some_and(|(a, _)| a == article_id)
}

/// Applies one article's candidates of one block (pairs of candidate index and candidate)
/// to the block's records. Returns one outcome per candidate, in index order.
///
/// Matching is one-to-one over the whole article, best pairs first, so that "Tuesday's
/// market strike" and "Wednesday's shelling" in one story each find their own event.
pub fn apply_to_block(
    cfg: &DedupConfig,
    records: &mut Vec<EventRecord>,
    article: &Article,
    candidates: Vec<(usize, Candidate)>,
    now: DateTime<Utc>,
) -> Vec<(usize, Outcome)> {
    evict(cfg, records, now);
    let mut out: Vec<(usize, Outcome)> = Vec::with_capacity(candidates.len());
    let mut pending: Vec<(usize, Candidate, Clues)> = Vec::new();
    for (idx, cand) in candidates {
        let key = contribution(&article.id, idx);
        if let Some(r) = records.iter().find(|r| r.contributions.contains(&key)) {
            out.push((idx, Outcome::Unchanged(r.event.clone())));
        } else {
            let clues = Clues::of(&cand.evidence.sentence);
            pending.push((idx, cand, clues));
        }
    }

    let existing = records.len();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (ci, (_, cand, clues)) in pending.iter().enumerate() {
        for (ri, rec) in records.iter().enumerate() {
            if rec
                .contributions
                .iter()
                .any(|c| from_article(c, &article.id))
            {
                continue;
            }
            if let Some(s) = score(cfg, &rec.event, &rec.clues, cand, clues) {
                if s >= cfg.merge_threshold {
                    pairs.push((s, ci, ri));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut target: Vec<Option<usize>> = vec![None; pending.len()];
    let mut taken = vec![false; existing];
    for (_, ci, ri) in pairs {
        if target[ci].is_none() && !taken[ri] {
            target[ci] = Some(ri);
            taken[ri] = true;
        }
    }

    for ((idx, cand, clues), tgt) in pending.into_iter().zip(target) {
        let outcome = match tgt {
            Some(ri) => {
                let rec = &mut records[ri];
                merge(rec, idx, cand, &clues, article, now);
                Outcome::Merged(rec.event.clone())
            }
            None => {
                let rec = create(idx, cand, clues, article, now);
                let ev = rec.event.clone();
                records.push(rec);
                Outcome::Created(ev)
            }
        };
        out.push((idx, outcome));
    }
    out.sort_by_key(|(idx, _)| *idx);
    evict(cfg, records, now);
    out
}

/// Adds `article` (a near-duplicate of an article that reported this event) as a source:
/// one more mention, no new facts.
pub fn add_source(record: &mut EventRecord, article: &Article, now: DateTime<Utc>) -> Outcome {
    let ev = &mut record.event;
    if ev.sources.iter().any(|s| s.article_id == article.id) {
        return Outcome::Unchanged(ev.clone());
    }
    push_bounded(&mut ev.sources, SourceRef::of(article), MAX_SOURCES);
    ev.mentions = ev.mentions.saturating_add(1);
    bump(ev, now);
    Outcome::Merged(ev.clone())
}

fn bump(ev: &mut Event, now: DateTime<Utc>) {
    ev.revision = ev.revision.saturating_add(1);
    ev.status = EventStatus::Updated;
    ev.last_seen = ev.last_seen.max(now);
}

fn create(
    idx: usize,
    c: Candidate,
    clues: Clues,
    article: &Article,
    now: DateTime<Utc>,
) -> EventRecord {
    let event = Event {
        schema: EVENT_SCHEMA.to_string(),
        event_id: event_id(&article.id, idx),
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
    EventRecord {
        event,
        contributions: vec![contribution(&article.id, idx)],
        clues,
        figures_at: article.published_at,
    }
}

/// Merges a candidate into an event: sources and mentions grow, evidence is appended,
/// figures take the most recently published stated value (null never overwrites a
/// number), location and date take the most precise, first_seen stays.
fn merge(
    rec: &mut EventRecord,
    idx: usize,
    c: Candidate,
    clues: &Clues,
    article: &Article,
    now: DateTime<Utc>,
) {
    if rec.contributions.len() >= MAX_CONTRIBUTIONS {
        let excess = rec.contributions.len() + 1 - MAX_CONTRIBUTIONS;
        rec.contributions.drain(..excess);
    }
    rec.contributions.push(contribution(&article.id, idx));
    rec.clues.extend(clues);
    let newer = article.published_at >= rec.figures_at;
    let ev = &mut rec.event;

    if !ev.sources.iter().any(|s| s.article_id == article.id) {
        push_bounded(&mut ev.sources, SourceRef::of(article), MAX_SOURCES);
    }
    ev.mentions = ev.mentions.saturating_add(1);
    if !ev.evidence.contains(&c.evidence) {
        push_bounded(&mut ev.evidence, c.evidence, MAX_EVIDENCE);
    }

    let mut took_figure = false;
    let cas = &mut ev.casualties;
    for (mine, theirs, kind) in [
        (&mut cas.killed, c.casualties.killed, "killed"),
        (&mut cas.injured, c.casualties.injured, "injured"),
        (&mut cas.missing, c.casualties.missing, "missing"),
        (&mut cas.arrested, c.casualties.arrested, "arrested"),
    ] {
        if let Some(v) = theirs {
            if mine.is_none() || newer {
                took_figure |= *mine != Some(v);
                *mine = Some(v);
            }
        }
        if mine.is_some() {
            cas.vague.retain(|k| k != kind);
        }
    }
    for kind in c.casualties.vague {
        let has_number = match kind.as_str() {
            "killed" => cas.killed.is_some(),
            "injured" => cas.injured.is_some(),
            "missing" => cas.missing.is_some(),
            "arrested" => cas.arrested.is_some(),
            _ => false,
        };
        if !has_number && !cas.vague.contains(&kind) {
            cas.vague.push(kind);
        }
    }
    if newer {
        rec.figures_at = article.published_at;
        if took_figure && !c.summary.is_empty() {
            ev.summary = c.summary;
        }
    }

    match (&ev.location, c.location) {
        (None, Some(l)) => ev.location = Some(l),
        (Some(mine), Some(l)) if l.precision.rank() < mine.precision.rank() => {
            ev.location = Some(l)
        }
        _ => {}
    }
    match (&ev.date, c.date) {
        (None, Some(d)) => ev.date = Some(d),
        (Some(mine), Some(d))
            if mine.precision != DatePrecision::Day && d.precision == DatePrecision::Day =>
        {
            ev.date = Some(d)
        }
        _ => {}
    }
    if ev.mode.is_none() {
        ev.mode = c.mode;
    }
    if ev.acled.is_none() {
        ev.acled = c.acled;
    }
    for a in c.actors {
        let known = ev.actors.iter().any(|b| {
            b.role == a.role && (b.country == a.country && a.country.is_some() || b.text == a.text)
        });
        if !known && ev.actors.len() < MAX_ACTORS {
            ev.actors.push(a);
        }
    }
    for q in c.quantities {
        match ev.quantities.iter_mut().find(|x| x.what == q.what) {
            Some(x) if newer => x.count = q.count,
            Some(_) => {}
            None => ev.quantities.push(q),
        }
    }
    ev.confidence = ev.confidence.max(c.confidence);
    bump(ev, now);
}

/// Drops merge targets not seen within the horizon, then the least recently seen above
/// the per-block cap.
fn evict(cfg: &DedupConfig, records: &mut Vec<EventRecord>, now: DateTime<Utc>) {
    let horizon = now - chrono::Duration::days(i64::from(cfg.horizon_days));
    records.retain(|r| r.event.last_seen >= horizon);
    let cap = cfg.max_events_per_block as usize;
    if records.len() > cap {
        records.sort_by(|a, b| {
            b.event
                .last_seen
                .cmp(&a.event.last_seen)
                .then_with(|| a.event.event_id.cmp(&b.event.event_id))
        });
        records.truncate(cap);
    }
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    #[test]
    fn push_bounded_keeps_the_first_and_the_most_recent() {
        let cases: Vec<(usize, usize, Vec<usize>)> = vec![
            (3, 5, vec![0, 1, 2]),
            (7, 5, vec![0, 4, 5, 6]),
            (60, 4, vec![0, 57, 58, 59]),
        ];
        for (n, cap, want_tail) in cases {
            let mut v = Vec::new();
            for i in 0..n {
                push_bounded(&mut v, i, cap);
            }
            assert!(v.len() <= cap.max(2), "{v:?}");
            assert_eq!(v[0], 0, "{v:?}");
            assert!(v.ends_with(&want_tail[1..]), "{v:?} vs {want_tail:?}");
        }
    }
}
