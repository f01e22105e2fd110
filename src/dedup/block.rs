//! The merge rules over one block of events (one type family in one country): which
//! candidate joins which event, how a merge changes the event, and what stays as merge
//! target. Used by the in-memory [`super::Deduper`] and by the KV store, which keeps
//! each block under one key and updates it with compare-and-set.

use super::features::Clues;
use super::score::{family, place_score, score};
use super::DedupConfig;
use crate::model::{
    ActorRole, Article, Candidate, DatePrecision, Event, EventStatus, EventType, LocationPrecision,
    SourceRef, EVENT_SCHEMA,
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
    /// same article changes nothing, and two candidates of one article never share an
    /// event unless they read one sentence as one type.
    pub contributions: Vec<String>,
    /// Site and district clues of all evidence so far.
    pub clues: Clues,
    /// Publication time of the article whose casualty figures the event carries.
    pub figures_at: DateTime<Utc>,
    /// The revision each contribution (or near-duplicate source, `"<id>#src"`) produced,
    /// most recent last, at most [`MAX_MADE`]: a redelivered article whose state write was
    /// lost in a crash re-publishes the revision number it made, so a consumer counting
    /// `event_id:revision` misses none (JetStream drops it if it was already stored).
    #[serde(default)]
    pub made: Vec<(String, u32)>,
    /// The report each chosen fact was taken from, so that a merge chooses between two
    /// reports by what they say and by their own keys, never by which came first.
    /// Empty in records written before it existed (then the fact in hand wins ties).
    #[serde(default, skip_serializing_if = "FactSources::is_empty")]
    pub facts_from: FactSources,
}

/// One report (candidate) as a tie-break key: when its article was published, then its
/// contribution key (`"<article_id>#<index>"`); and whether it refers back to an earlier
/// incident, which says how far its date can be trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportKey {
    pub published_at: DateTime<Utc>,
    pub contribution: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub back_reference: bool,
}

impl ReportKey {
    fn of(article: &Article, idx: usize, c: &Candidate) -> ReportKey {
        ReportKey {
            published_at: article.published_at,
            contribution: contribution(&article.id, idx),
            back_reference: c.back_reference,
        }
    }

    /// True when this report comes before `other` in publication order (ties: by key).
    fn before(&self, other: &ReportKey) -> bool {
        (self.published_at, &self.contribution) < (other.published_at, &other.contribution)
    }
}

/// Where an event's facts came from (see [`EventRecord::facts_from`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactSources {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acled: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<ReportKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<ReportKey>,
}

impl FactSources {
    fn is_empty(&self) -> bool {
        *self == FactSources::default()
    }

    /// The sources of a new event: every fact it has comes from its first report.
    fn of(c: &Candidate, key: &ReportKey) -> FactSources {
        let k = |present: bool| present.then(|| key.clone());
        let cas = &c.casualties;
        FactSources {
            mode: k(c.mode.is_some()),
            acled: k(c.acled.is_some()),
            location: k(c.location.is_some()),
            date: k(c.date.is_some()),
            killed: k(cas.killed.is_some()),
            injured: k(cas.injured.is_some()),
            missing: k(cas.missing.is_some()),
            arrested: k(cas.arrested.is_some()),
        }
    }
}

/// Whether a report keyed `key` replaces a fact taken from `from` when both say it equally
/// well: the earliest report wins. An unknown source (older record) keeps its fact.
fn earlier(key: &ReportKey, from: Option<&ReportKey>) -> bool {
    from.is_some_and(|f| key.before(f))
}

/// How many contributions' revisions an event remembers for redelivery.
pub const MAX_MADE: usize = 256;

impl EventRecord {
    fn remember(&mut self, key: String) {
        if self.made.len() >= MAX_MADE {
            self.made.remove(0);
        }
        self.made.push((key, self.event.revision));
    }

    /// The last revision a contribution of `article_id` made, while remembered.
    pub fn revision_made_by(&self, article_id: &str) -> Option<u32> {
        self.made
            .iter()
            .rev()
            .find(|(k, _)| k.rsplit_once('#').is_some_and(|(a, _)| a == article_id))
            .map(|(_, rev)| *rev)
    }

    /// The event as the revision `article_id` made (facts are today's: they only grow), or
    /// the current event when that revision is no longer remembered. Matched by article,
    /// not by contribution key: a redelivered article may take the other path (found as a
    /// near-duplicate the second time, as a new report the first), and must still
    /// re-publish the revision it made.
    fn as_made_by(&self, article_id: &str) -> Event {
        let mut ev = self.event.clone();
        if let Some(rev) = self.revision_made_by(article_id) {
            if rev < ev.revision {
                ev.revision = rev;
                if rev == 1 {
                    ev.status = EventStatus::New;
                }
            }
        }
        ev
    }
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
    block_key_in(c, None)
}

/// [`block_key`] of a candidate read in an article whose placed candidates are mostly
/// in `article_country` (alpha-2): a candidate with neither a place nor an acting
/// party's country takes that country instead of `none`.
pub fn block_key_in(c: &Candidate, article_country: Option<&str>) -> String {
    let actor = c
        .actors
        .iter()
        .find(|a| a.role == ActorRole::Source)
        .and_then(|a| a.country.as_deref())
        .filter(|c3| !c3.trim().is_empty());
    let country = match (&c.location, actor, article_country) {
        (Some(l), _, _) if !l.country.trim().is_empty() => sanitize(&l.country),
        (_, Some(c3), _) => format!("x-{}", sanitize(c3)),
        (_, None, Some(k)) if !k.trim().is_empty() => sanitize(k),
        _ => "none".to_string(),
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

/// Id of a new event of `block`, from what every report of the incident tends to agree on rather
/// than from whichever report came first, so replicas applying articles in another order
/// name the incident alike: its type family and country, its day (the publication day
/// when the report gives none) and, for incidents at a site, its first-level division. When a distinct incident of
/// the block already holds that id (two incidents of one kind in one region on one day:
/// a mortar attack and a car bomb in Mogadishu), the weapon clues are added, which
/// reports of one incident agree on more often than on its site ("the airport" vs "the
/// area around the capital's airport"); then the place and site clues; when that is
/// taken too, the report's own id ([`event_id`]) is used.
fn incident_id(
    block: &str,
    taken: &dyn Fn(&str) -> bool,
    c: &Candidate,
    clues: &Clues,
    article: &Article,
    idx: usize,
) -> String {
    let day = c
        .date
        .as_ref()
        .map(|d| format!("{:?}:{}", d.precision, d.value))
        .unwrap_or_else(|| format!("Day:{}", article.published_at.date_naive()));
    // the region only for incidents that happen at a site: an exchange of prisoners or a
    // deal is placed by whichever capital a report is filed from ("KYIV -" in one, only
    // "Ukraine" in another)
    let region = c.location.as_ref().map_or(String::new(), |l| {
        let admin1 = l.admin1.as_deref().filter(|_| at_a_site(c.event_type));
        format!("{}/{}", l.country, admin1.unwrap_or(""))
    });
    let base = format!("{block}|{day}|{region}");
    let place = c
        .location
        .as_ref()
        .and_then(|l| l.geonameid)
        .unwrap_or_default();
    let armed = format!("{base}|{}", clues.weapons.join(","));
    let finer = format!("{base}|{place}|{}", clues.sites.join(","));
    [hashed_id(&base), hashed_id(&armed), hashed_id(&finer)]
        .into_iter()
        .find(|id| !taken(id))
        .unwrap_or_else(|| event_id(&article.id, idx))
}

/// Event types whose place is where something happened to people or ground (attacks,
/// protests, arrests, deployments), as opposed to where a decision was announced.
fn at_a_site(t: EventType) -> bool {
    matches!(
        t,
        EventType::Assault | EventType::Protest | EventType::Coerce | EventType::Mobilize
    )
}

/// How many people an incident's report counts killed or injured.
fn magnitude(c: &Candidate) -> u64 {
    let n = |v: Option<u32>| u64::from(v.unwrap_or(0));
    n(c.casualties.killed) + n(c.casualties.injured)
}

fn hashed_id(key: &str) -> String {
    format!("ev_{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
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
    block: &str,
    records: &mut Vec<EventRecord>,
    article: &Article,
    candidates: Vec<(usize, Candidate)>,
    now: DateTime<Utc>,
) -> Vec<(usize, Outcome)> {
    evict(cfg, records, now, article.published_at);
    let mut out: Vec<(usize, Outcome)> = Vec::with_capacity(candidates.len());
    let mut pending: Vec<(usize, Candidate, Clues)> = Vec::new();
    for (idx, cand) in candidates {
        let key = contribution(&article.id, idx);
        if let Some(r) = records.iter().find(|r| r.contributions.contains(&key)) {
            out.push((idx, Outcome::Unchanged(r.as_made_by(&article.id))));
        } else {
            let clues = Clues::of(&cand.evidence.sentence);
            pending.push((idx, cand, clues));
        }
    }

    // Two candidates of one type read from one sentence ("Kharkov's Saltivka
    // neighbourhood" giving both places) are one report: the later joins the earlier.
    let same_sentence: Vec<Option<usize>> = pending
        .iter()
        .enumerate()
        .map(|(ci, (_, c, _))| pending[..ci].iter().position(|(_, e, _)| one_report(e, c)))
        .collect();

    let existing = records.len();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (ci, (_, cand, clues)) in pending.iter().enumerate() {
        if same_sentence[ci].is_some() {
            continue;
        }
        for (ri, rec) in records.iter().enumerate() {
            if rec
                .contributions
                .iter()
                .any(|c| from_article(c, &article.id))
            {
                continue;
            }
            let key = ReportKey::of(article, pending[ci].0, cand);
            let dated_by = rec.facts_from.date.as_ref();
            if let Some(s) = score(cfg, &rec.event, &rec.clues, dated_by, cand, clues, &key) {
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

    // Names of the new events, the largest incident first: when two new incidents of
    // this article would take one name, the one other reports most likely carry too (by
    // what it is, not by where this article happens to tell it) gets it.
    let mut creators: Vec<usize> = (0..pending.len())
        .filter(|&ci| same_sentence[ci].is_none() && target[ci].is_none())
        .collect();
    creators.sort_by_key(|&ci| (std::cmp::Reverse(magnitude(&pending[ci].1)), ci));
    let mut names: Vec<Option<String>> = vec![None; pending.len()];
    for ci in creators {
        let (idx, cand, clues) = &pending[ci];
        let taken = |id: &str| {
            records.iter().any(|r| r.event.event_id == id) || names.contains(&Some(id.into()))
        };
        let id = incident_id(block, &taken, cand, clues, article, *idx);
        names[ci] = Some(id);
    }

    // Candidates first (a same-sentence one always comes after the one it joins), then
    // the record each ended in.
    let mut placed: Vec<usize> = Vec::with_capacity(pending.len());
    for (ci, (idx, cand, clues)) in pending.into_iter().enumerate() {
        let tgt = same_sentence[ci]
            .and_then(|cj| placed.get(cj).copied())
            .or(target[ci]);
        let joins = same_sentence[ci].is_some();
        let (ri, outcome) = match tgt.filter(|&ri| ri < records.len()) {
            Some(ri) if joins => {
                // Same report: its facts join, with no new mention or revision.
                let rec = &mut records[ri];
                merge(rec, idx, cand, &clues, article, now, false);
                rec.remember(contribution(&article.id, idx));
                (ri, Outcome::Unchanged(rec.event.clone()))
            }
            Some(ri) => {
                let rec = &mut records[ri];
                merge(rec, idx, cand, &clues, article, now, true);
                rec.remember(contribution(&article.id, idx));
                (ri, Outcome::Merged(rec.event.clone()))
            }
            None => {
                let id = names[ci]
                    .take()
                    .unwrap_or_else(|| event_id(&article.id, idx));
                let mut rec = create(id, idx, cand, clues, article, now);
                rec.remember(contribution(&article.id, idx));
                let ev = rec.event.clone();
                records.push(rec);
                (records.len() - 1, Outcome::Created(ev))
            }
        };
        placed.push(ri);
        out.push((idx, outcome));
    }
    // An event created and joined in one article is published once, as it ends.
    collapse_revisions(&mut out);
    out.sort_by_key(|(idx, _)| *idx);
    evict(cfg, records, now, article.published_at);
    out
}

/// Whether two candidates of one article are one report: same type, same evidence
/// sentence, same date, neither marked as a distinct incident, and one place (the same,
/// or one inside the other) or, for two local names of one region ("Kharkov's Saltivka
/// neighbourhood"), the same stated figures. A sentence listing incidents in several
/// places ("three bodies in the Kharkiv region, injuries in Cherkasy and Zaporizhzhia")
/// stays several events.
fn one_report(a: &Candidate, b: &Candidate) -> bool {
    let same_sentence = a.event_type == b.event_type
        && !a.distinct
        && !b.distinct
        && a.evidence.start == b.evidence.start
        && a.evidence.end == b.evidence.end
        && a.evidence.sentence == b.evidence.sentence
        && a.date == b.date;
    if !same_sentence {
        return false;
    }
    let (Some(la), Some(lb)) = (a.location.as_ref(), b.location.as_ref()) else {
        return false;
    };
    let country = |l: &crate::model::Location| l.precision == LocationPrecision::Country;
    if !country(la) && !country(lb) && place_score(Some(la), Some(lb)).is_some() {
        return true;
    }
    let (ka, kb) = (&a.casualties, &b.casualties);
    let figures = ka.killed.is_some() || ka.injured.is_some();
    let region = |l: &crate::model::Location| l.admin1.as_deref().map(super::features::fold);
    figures
        && ka.killed == kb.killed
        && ka.injured == kb.injured
        && region(la).is_some()
        && region(la) == region(lb)
}

/// Keeps, per event, the outcomes of one article consistent: every candidate placed in
/// one event reports the event's final state of this article.
fn collapse_revisions(out: &mut [(usize, Outcome)]) {
    let last: std::collections::HashMap<String, Event> = out
        .iter()
        .map(|(_, o)| (o.event().event_id.clone(), o.event().clone()))
        .collect();
    for (_, o) in out.iter_mut() {
        if let Some(ev) = last.get(&o.event().event_id) {
            let fresh = ev.clone();
            *o = match o {
                Outcome::Created(_) => Outcome::Created(fresh),
                Outcome::Merged(_) => Outcome::Merged(fresh),
                Outcome::Unchanged(_) => Outcome::Unchanged(fresh),
            };
        }
    }
}

/// Adds `article` (a near-duplicate of an article that reported this event) as a source:
/// one more mention, no new facts.
pub fn add_source(record: &mut EventRecord, article: &Article, now: DateTime<Utc>) -> Outcome {
    let key = format!("{}#src", article.id);
    if record
        .made
        .iter()
        .any(|(k, _)| k.rsplit_once('#').is_some_and(|(a, _)| a == article.id))
        || record
            .event
            .sources
            .iter()
            .any(|s| s.article_id == article.id)
    {
        return Outcome::Unchanged(record.as_made_by(&article.id));
    }
    let ev = &mut record.event;
    push_bounded(&mut ev.sources, SourceRef::of(article), MAX_SOURCES);
    ev.mentions = ev.mentions.saturating_add(1);
    bump(ev, now);
    record.remember(key);
    Outcome::Merged(record.event.clone())
}

fn bump(ev: &mut Event, now: DateTime<Utc>) {
    ev.revision = ev.revision.saturating_add(1);
    ev.status = EventStatus::Updated;
    ev.last_seen = ev.last_seen.max(now);
}

fn create(
    event_id: String,
    idx: usize,
    c: Candidate,
    clues: Clues,
    article: &Article,
    now: DateTime<Utc>,
) -> EventRecord {
    let facts_from = FactSources::of(&c, &ReportKey::of(article, idx, &c));
    let event = Event {
        schema: EVENT_SCHEMA.to_string(),
        event_id,
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
        made: Vec::new(),
        facts_from,
    }
}

/// Merges a candidate into an event: sources and mentions grow, evidence is appended,
/// each figure takes the most recently published stated value (null never overwrites a
/// number), location and date take the most precise, mode and ACLED sub-type the first
/// given, first_seen stays. "Most recent" and "first" are by publication time (ties: by
/// contribution key), not by arrival, so that reports applied in any order end in the
/// same facts. `new_report` false (a second reading of a sentence already merged) adds
/// facts only: no mention, no revision.
fn merge(
    rec: &mut EventRecord,
    idx: usize,
    c: Candidate,
    clues: &Clues,
    article: &Article,
    now: DateTime<Utc>,
    new_report: bool,
) {
    if rec.contributions.len() >= MAX_CONTRIBUTIONS {
        let excess = rec.contributions.len() + 1 - MAX_CONTRIBUTIONS;
        rec.contributions.drain(..excess);
    }
    let key = ReportKey::of(article, idx, &c);
    rec.contributions.push(contribution(&article.id, idx));
    rec.clues.extend(clues);
    let newer = article.published_at >= rec.figures_at;
    let from = &mut rec.facts_from;
    let ev = &mut rec.event;

    if !ev.sources.iter().any(|s| s.article_id == article.id) {
        push_bounded(&mut ev.sources, SourceRef::of(article), MAX_SOURCES);
    }
    if new_report {
        ev.mentions = ev.mentions.saturating_add(1);
    }
    if !ev.evidence.contains(&c.evidence) {
        push_bounded(&mut ev.evidence, c.evidence, MAX_EVIDENCE);
    }

    let mut took_figure = false;
    let cas = &mut ev.casualties;
    for (mine, theirs, src, kind) in [
        (
            &mut cas.killed,
            c.casualties.killed,
            &mut from.killed,
            "killed",
        ),
        (
            &mut cas.injured,
            c.casualties.injured,
            &mut from.injured,
            "injured",
        ),
        (
            &mut cas.missing,
            c.casualties.missing,
            &mut from.missing,
            "missing",
        ),
        (
            &mut cas.arrested,
            c.casualties.arrested,
            &mut from.arrested,
            "arrested",
        ),
    ] {
        if let Some(v) = theirs {
            let later = match (&*mine, src.as_ref()) {
                (None, _) => true,
                (Some(_), Some(f)) => f.before(&key),
                (Some(_), None) => newer,
            };
            if later {
                took_figure |= *mine != Some(v);
                *mine = Some(v);
                *src = Some(key.clone());
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
    cas.vague.sort_unstable();
    if newer {
        rec.figures_at = article.published_at;
        if took_figure && !c.summary.is_empty() {
            ev.summary = c.summary;
        }
    }

    let take_location = match (&ev.location, &c.location) {
        (None, Some(_)) => true,
        (Some(mine), Some(l)) => {
            l.precision.rank() < mine.precision.rank()
                || (l.precision == mine.precision && earlier(&key, from.location.as_ref()))
        }
        _ => false,
    };
    if take_location {
        ev.location = c.location;
        from.location = Some(key.clone());
    }
    let day = |d: &crate::model::EventDate| d.precision == DatePrecision::Day;
    let take_date = match (&ev.date, &c.date) {
        (None, Some(_)) => true,
        (Some(mine), Some(d)) => {
            (!day(mine) && day(d)) || (day(mine) == day(d) && earlier(&key, from.date.as_ref()))
        }
        _ => false,
    };
    if take_date {
        ev.date = c.date;
        from.date = Some(key.clone());
    }
    if c.mode.is_some() && (ev.mode.is_none() || earlier(&key, from.mode.as_ref())) {
        ev.mode = c.mode;
        from.mode = Some(key.clone());
    }
    if c.acled.is_some() && (ev.acled.is_none() || earlier(&key, from.acled.as_ref())) {
        ev.acled = c.acled;
        from.acled = Some(key.clone());
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
    if new_report {
        bump(ev, now);
    }
}

/// Drops merge targets not seen within the horizon, by the clock and by the news: an
/// event none of whose reports was published within the horizon before `published_at`
/// (the article being applied) cannot match it. Then drops the least recently seen above
/// the per-block cap.
fn evict(
    cfg: &DedupConfig,
    records: &mut Vec<EventRecord>,
    now: DateTime<Utc>,
    published_at: DateTime<Utc>,
) {
    let horizon = chrono::Duration::days(i64::from(cfg.horizon_days));
    records.retain(|r| {
        let reported = r.event.sources.iter().map(|s| s.published_at).max();
        r.event.last_seen >= now - horizon && reported.is_none_or(|p| p >= published_at - horizon)
    });
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
