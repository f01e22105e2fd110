//! Message types of the public contract (`CONTRACT.md`): incoming articles and outgoing events.
//!
//! Field names here are binding: consumers code against them.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Schema tag carried by every outgoing event.
pub const EVENT_SCHEMA: &str = "newsevents.event/v1";

/// One news article after input validation (see [`crate::input`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    pub body: String,
    pub published_at: DateTime<Utc>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
}

/// The 16 PLOVER event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EventType {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventType {
    /// All types, in contract order.
    pub const ALL: [EventType; 16] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
    ];

    /// Upper-case name as on the wire (`ASSAULT`).
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Agree => "AGREE",
            EventType::Consult => "CONSULT",
            EventType::Support => "SUPPORT",
            EventType::Concede => "CONCEDE",
            EventType::Cooperate => "COOPERATE",
            EventType::Aid => "AID",
            EventType::Retreat => "RETREAT",
            EventType::Request => "REQUEST",
            EventType::Accuse => "ACCUSE",
            EventType::Reject => "REJECT",
            EventType::Threaten => "THREATEN",
            EventType::Protest => "PROTEST",
            EventType::Sanction => "SANCTION",
            EventType::Mobilize => "MOBILIZE",
            EventType::Coerce => "COERCE",
            EventType::Assault => "ASSAULT",
        }
    }

    /// Lower-case subject token (`news.events.v1.assault`).
    pub fn subject_token(self) -> String {
        self.as_str().to_ascii_lowercase()
    }
}

/// ACLED event_type / sub_event_type pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: Label,
    pub sub_event_type: Label,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorRole {
    Source,
    Target,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub role: ActorRole,
    /// The words of the article naming the actor.
    pub text: String,
    /// ISO 3166-1 alpha-3, or null.
    pub country: Option<Label>,
    /// Short sector code: GOV, MIL, REB, CVL, POL, BUS, MED, IGO, NGO, ...
    pub sector: Option<Label>,
    /// Person's name for named individuals.
    pub name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationPrecision {
    Point,
    City,
    Admin2,
    Admin1,
    Country,
}

impl LocationPrecision {
    /// Lower is more precise.
    pub fn rank(self) -> u8 {
        match self {
            LocationPrecision::Point => 0,
            LocationPrecision::City => 1,
            LocationPrecision::Admin2 => 2,
            LocationPrecision::Admin1 => 3,
            LocationPrecision::Country => 4,
        }
    }
}

/// A gazetteer string of a [`Location`] (name, division, country code): borrowed from the
/// process-wide gazetteer, so that the places of every article are not copies of its
/// strings (five allocations each), or owned (read from a message, or from a gazetteer
/// loaded apart). On the wire and in `Debug` a plain string either way.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GeoStr(Cow<'static, str>);

impl GeoStr {
    /// A string lent for the life of the process (no copy).
    pub const fn from_static(s: &'static str) -> GeoStr {
        GeoStr(Cow::Borrowed(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for GeoStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for GeoStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A copy, as `String::from` (see [`GeoStr::from_static`] for a loan).
impl From<&str> for GeoStr {
    fn from(s: &str) -> GeoStr {
        GeoStr(Cow::Owned(s.to_string()))
    }
}

impl From<String> for GeoStr {
    fn from(s: String) -> GeoStr {
        GeoStr(Cow::Owned(s))
    }
}

impl From<GeoStr> for String {
    fn from(s: GeoStr) -> String {
        s.0.into_owned()
    }
}

impl PartialEq<str> for GeoStr {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for GeoStr {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for GeoStr {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<GeoStr> for &str {
    fn eq(&self, other: &GeoStr) -> bool {
        **self == *other.0
    }
}

impl PartialEq<GeoStr> for String {
    fn eq(&self, other: &GeoStr) -> bool {
        **self == *other.0
    }
}

impl fmt::Debug for GeoStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for GeoStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

/// A code or a label of a fixed table (an actor's sector and alpha-3 code, an ACLED type,
/// a mode): a [`GeoStr`], lent by the table for the life of the process rather than
/// copied into each event (or owned, when read from a message).
pub type Label = GeoStr;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: GeoStr,
    pub admin1: Option<GeoStr>,
    pub admin2: Option<GeoStr>,
    /// ISO 3166-1 alpha-2.
    pub country: GeoStr,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u32>,
    pub precision: LocationPrecision,
    /// The words of the article naming the place.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: NaiveDate,
    pub precision: DatePrecision,
    /// The words of the article the date was read from (or the publication date).
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub missing: Option<u32>,
    pub arrested: Option<u32>,
    /// Kinds given only as a vague amount ("several injured"): `["injured"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vague: Vec<String>,
}

impl Casualties {
    pub fn is_empty(&self) -> bool {
        self.killed.is_none()
            && self.injured.is_none()
            && self.missing.is_none()
            && self.arrested.is_none()
            && self.vague.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub what: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article_id: String,
    pub sentence: String,
    /// Byte offsets into the article's `body` as received.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub article_id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published_at: DateTime<Utc>,
}

impl SourceRef {
    pub fn of(article: &Article) -> SourceRef {
        SourceRef {
            article_id: article.id.clone(),
            url: article.url.clone(),
            source: article.source.clone(),
            published_at: article.published_at,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    New,
    Updated,
}

/// One revision of an event, as published on `news.events.v1.<type>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub schema: String,
    pub event_id: String,
    pub revision: u32,
    pub status: EventStatus,
    #[serde(rename = "type")]
    pub event_type: EventType,
    pub mode: Option<Label>,
    pub acled: Option<Acled>,
    pub summary: String,
    pub actors: Vec<Actor>,
    pub location: Option<Location>,
    pub date: Option<EventDate>,
    pub casualties: Casualties,
    pub quantities: Vec<Quantity>,
    pub evidence: Vec<Evidence>,
    pub sources: Vec<SourceRef>,
    pub mentions: u32,
    pub confidence: f64,
    pub first_seen: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
}

impl Event {
    /// `Nats-Msg-Id` of this revision: `<event_id>:<revision>`.
    pub fn msg_id(&self) -> String {
        format!("{}:{}", self.event_id, self.revision)
    }
}

/// What extraction finds in one article, before deduplication assigns an identity.
///
/// Dedup turns candidates into [`Event`] revisions (ids, revision, status, sources,
/// mentions, first/last seen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub event_type: EventType,
    pub mode: Option<Label>,
    pub acled: Option<Acled>,
    pub summary: String,
    pub actors: Vec<Actor>,
    pub location: Option<Location>,
    pub date: Option<EventDate>,
    pub casualties: Casualties,
    pub quantities: Vec<Quantity>,
    /// Evidence in this article (first occurrence when the body repeats itself).
    pub evidence: Evidence,
    pub confidence: f64,
    /// The text marks this as a different incident from an earlier one of the same
    /// kind ("another assault on Kharkiv"): never merge it with a same-article event.
    #[serde(default)]
    pub distinct: bool,
    /// The text refers back to an earlier incident ("Tuesday's strike", "last week's
    /// abduction"): prefer merging into an existing event.
    #[serde(default)]
    pub back_reference: bool,
}
