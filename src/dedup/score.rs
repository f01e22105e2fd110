//! Does a candidate describe the same incident as an existing event? Hard vetoes (other
//! country, other city, dates outside the window) and a weighted score over place, date,
//! mode, ACLED sub-type, actors and target clues, compared with a threshold.

use super::block::ReportKey;
use super::features::{agreement, edit_distance, fold, Clues};
use super::DedupConfig;
use crate::model::{
    ActorRole, Candidate, DatePrecision, Event, EventDate, EventType, Location, LocationPrecision,
};

/// Weights of the score's parts. Same place and day alone reach 1.6.
const SAME_PLACE: f64 = 1.0;
const SIMILAR_PLACE_NAME: f64 = 0.8;
const PLACE_INSIDE: f64 = 0.5;
const COUNTRY_ONLY: f64 = 0.1;
const ONE_PLACE_MISSING: f64 = -0.2;
const SAME_DAY: f64 = 0.6;
const COARSE_DATE: f64 = 0.1;
const DAY_APART: f64 = -0.2;
const BACK_REFERENCE: f64 = 0.3;
const SAME_MODE: f64 = 0.3;
const NEAR_MODE: f64 = -0.3;
const CONFLICTING_MODE: f64 = -1.0;
const OTHER_MODE: f64 = -1.0;
const SAME_ACLED: f64 = 0.2;
const OTHER_ACLED: f64 = -0.3;
const SAME_ACTORS: f64 = 0.2;
const OTHER_ACTORS: f64 = -0.4;
const SAME_SITE: f64 = 0.4;
const OTHER_SITE: f64 = -0.8;
const SAME_DISTRICT: f64 = 0.5;
const OTHER_DISTRICT: f64 = -1.0;
const OTHER_WEAPON: f64 = -0.8;

/// Type family: candidates only ever match events of the same family (also the KV block
/// key). Every PLOVER type is its own family today; compatible variants are told apart
/// by mode.
pub fn family(t: EventType) -> EventType {
    t
}

/// Groups of modes that may describe one incident in different words ("drone" attack vs
/// Moscow's "precision strike"). Modes in different groups of one type conflict.
fn mode_group(mode: &str) -> &'static str {
    match mode {
        "aerial" | "drone" | "heavy-weapons" | "missile" => "remote",
        "explosives" | "suicide-attack" | "ied" => "bomb",
        "firearms" | "small-arms" => "firearms",
        "abduct" => "abduct",
        "sexual" => "sexual",
        "destroy" => "destroy",
        "demo" | "riot" => "street",
        "strike" | "boycott" => "work",
        "hunger" => "hunger",
        "obstruct" => "obstruct",
        _ => "other",
    }
}

/// Score of merging `cand` (report `key`, with its `clues`) into `event` (with its
/// accumulated `event_clues`, its date taken from report `dated_by`); `None` when a hard
/// rule forbids the merge.
///
/// The score of two single reports is the same whichever of them is the event: a
/// back-reference ("Saturday's shelling") refers to an incident already reported, so it
/// counts on either side, and only when its report is the later published one.
pub fn score(
    cfg: &DedupConfig,
    event: &Event,
    event_clues: &Clues,
    dated_by: Option<&ReportKey>,
    cand: &Candidate,
    clues: &Clues,
    key: &ReportKey,
) -> Option<f64> {
    if family(event.event_type) != family(cand.event_type) {
        return None;
    }
    let cand_back =
        cand.back_reference && dated_by.is_none_or(|r| r.published_at <= key.published_at);
    let event_back =
        dated_by.is_some_and(|r| r.back_reference && r.published_at >= key.published_at);
    let mut s = place_score(event.location.as_ref(), cand.location.as_ref())?;
    s += date_score(
        cfg,
        event.date.as_ref(),
        cand.date.as_ref(),
        Back {
            first: event_back,
            second: cand_back,
        },
    )?;
    if cand_back || event_back {
        s += BACK_REFERENCE;
    }
    if event.event_type != cand.event_type {
        s += OTHER_MODE;
    }
    // The weapon words of both evidence sentences are the direct evidence; the modes and
    // ACLED sub-types derived from them may be wrong ("mortar rounds ... hours after a car
    // bomb" coded as explosives), so agreeing weapons cancel disagreeing codes. Agreeing
    // weapons add nothing: one war's shelling is all "shelling".
    let weapons = agreement(&event_clues.weapons, &clues.weapons);
    let codes = mode_and_acled_score(event, cand);
    s += match weapons {
        1 => codes.max(0.0),
        -1 => OTHER_WEAPON + codes,
        _ => codes,
    };
    for role in [ActorRole::Source, ActorRole::Target] {
        s += actor_score(event, cand, role);
    }
    s += match agreement(&event_clues.sites, &clues.sites) {
        1 => SAME_SITE,
        -1 => OTHER_SITE,
        _ => 0.0,
    };
    s += match agreement(&event_clues.districts, &clues.districts) {
        1 => SAME_DISTRICT,
        -1 => OTHER_DISTRICT,
        _ => 0.0,
    };
    Some(s)
}

/// Mode and ACLED sub-type agreement.
fn mode_and_acled_score(event: &Event, cand: &Candidate) -> f64 {
    let mut s = match (event.mode.as_deref(), cand.mode.as_deref()) {
        (Some(a), Some(b)) if a == b => SAME_MODE,
        (Some(a), Some(b)) if mode_group(a) == mode_group(b) && mode_group(a) != "other" => {
            NEAR_MODE
        }
        (Some(a), Some(b)) if mode_group(a) != "other" && mode_group(b) != "other" => {
            CONFLICTING_MODE
        }
        (Some(_), Some(_)) => OTHER_MODE,
        _ => 0.0,
    };
    s += match (&event.acled, &cand.acled) {
        (Some(a), Some(b)) if a.sub_event_type == b.sub_event_type => SAME_ACLED,
        (Some(_), Some(_)) => OTHER_ACLED,
        _ => 0.0,
    };
    s
}

/// Agreement of the actor countries in one role. Roles are the least reliable part of
/// extraction ("Russia and Ukraine each released 175 prisoners"): a country the other
/// report names in the opposite role is no disagreement.
fn actor_score(event: &Event, cand: &Candidate, role: ActorRole) -> f64 {
    let countries = |actors: &[crate::model::Actor], role: ActorRole| -> Vec<String> {
        actors
            .iter()
            .filter(|a| a.role == role)
            .filter_map(|a| a.country.clone().map(String::from))
            .collect()
    };
    let other = match role {
        ActorRole::Source => ActorRole::Target,
        _ => ActorRole::Source,
    };
    let a = countries(&event.actors, role);
    let b = countries(&cand.actors, role);
    if a.is_empty() || b.is_empty() {
        0.0
    } else if a.iter().any(|x| b.contains(x)) {
        SAME_ACTORS
    } else if a.iter().any(|x| countries(&cand.actors, other).contains(x))
        || b.iter()
            .any(|x| countries(&event.actors, other).contains(x))
    {
        0.0
    } else {
        OTHER_ACTORS
    }
}

/// Place relation: same place, one inside the other, country-level only, or a veto.
pub(crate) fn place_score(a: Option<&Location>, b: Option<&Location>) -> Option<f64> {
    let (a, b) = match (a, b) {
        (None, None) => return Some(0.0),
        (Some(_), None) | (None, Some(_)) => return Some(ONE_PLACE_MISSING),
        (Some(a), Some(b)) => (a, b),
    };
    if !a.country.eq_ignore_ascii_case(&b.country) {
        return None;
    }
    use LocationPrecision as P;
    if a.precision == P::Country || b.precision == P::Country {
        // A country says little: two statements "in Pakistan" are not one incident.
        return Some(COUNTRY_ONLY);
    }
    if let (Some(x), Some(y)) = (a.geonameid, b.geonameid) {
        if x == y {
            return Some(SAME_PLACE);
        }
    }
    let (na, nb) = (fold(&a.name), fold(&b.name));
    if !na.is_empty() && na == nb {
        return Some(SAME_PLACE);
    }
    // Order so that `wide` is the less precise one.
    let (narrow, wide) = if a.precision.rank() <= b.precision.rank() {
        (a, b)
    } else {
        (b, a)
    };
    let both_local = wide.precision.rank() <= P::City.rank();
    if both_local {
        // Two different towns: only a spelling variant of one name may match, and only
        // when neither carries a distinct GeoNames id.
        let ids_differ = matches!((a.geonameid, b.geonameid), (Some(x), Some(y)) if x != y);
        let limit = if na.len().min(nb.len()) >= 8 { 2 } else { 1 };
        if !ids_differ && na.len() >= 5 && edit_distance(&na, &nb, limit) <= limit {
            return Some(SIMILAR_PLACE_NAME);
        }
        return None;
    }
    let wide_name = fold(&wide.name);
    let field = |f: Option<&crate::model::GeoStr>| f.map(|x| fold(x));
    let inside = match wide.precision {
        P::Admin1 => {
            field(narrow.admin1.as_ref()).as_deref() == Some(wide_name.as_str())
                || (field(wide.admin1.as_ref()).is_some()
                    && field(narrow.admin1.as_ref()) == field(wide.admin1.as_ref())
                    && narrow.precision != P::Admin1)
        }
        P::Admin2 => field(narrow.admin2.as_ref()).as_deref() == Some(wide_name.as_str()),
        _ => false,
    };
    if inside {
        Some(PLACE_INSIDE)
    } else {
        None
    }
}

/// Which of two reports compared by [`date_score`] refers back to an earlier incident.
#[derive(Debug, Clone, Copy, Default)]
struct Back {
    first: bool,
    second: bool,
}

/// Days between the dates, with week/month/year precision treated as ranges.
fn date_score(
    cfg: &DedupConfig,
    a: Option<&EventDate>,
    b: Option<&EventDate>,
    back: Back,
) -> Option<f64> {
    let (a, b) = match (a, b) {
        (Some(a), Some(b)) => (a, b),
        _ => return Some(0.0),
    };
    let day = |d: &EventDate| d.precision == DatePrecision::Day;
    if day(a) && day(b) {
        let diff = (a.value - b.value).num_days().unsigned_abs();
        if diff == 0 {
            return Some(SAME_DAY);
        }
        if diff > u64::from(cfg.date_window_days) {
            // "Saturday's shelling", "the weekend's attack": a back-reference may be dated
            // at its report; it can reach back to an earlier event within the horizon.
            let reaches_back = if a.value < b.value {
                back.second
            } else {
                back.first
            };
            if reaches_back && diff <= u64::from(cfg.horizon_days) {
                return Some(0.0);
            }
            return None;
        }
        return Some(if back.first || back.second {
            0.0
        } else {
            DAY_APART * diff as f64
        });
    }
    let (coarse, other) = if day(a) { (b, a) } else { (a, b) };
    let slack = i64::from(cfg.date_window_days);
    let (from, to) = range(coarse);
    let (ofrom, oto) = range(other);
    let lo = from - chrono::Duration::days(slack);
    let hi = to + chrono::Duration::days(slack);
    if oto < lo || ofrom > hi {
        return None;
    }
    Some(COARSE_DATE)
}

fn range(d: &EventDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::Datelike;
    let v = d.value;
    match d.precision {
        DatePrecision::Day => (v, v),
        DatePrecision::Week => (v - chrono::Duration::days(6), v + chrono::Duration::days(6)),
        DatePrecision::Month => {
            let first = v.with_day(1).unwrap_or(v);
            let next = first
                .checked_add_months(chrono::Months::new(1))
                .unwrap_or(first);
            (first, next - chrono::Duration::days(1))
        }
        DatePrecision::Year => (
            chrono::NaiveDate::from_ymd_opt(v.year(), 1, 1).unwrap_or(v),
            chrono::NaiveDate::from_ymd_opt(v.year(), 12, 31).unwrap_or(v),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(v: &str, p: DatePrecision) -> EventDate {
        EventDate {
            value: chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").expect("date"),
            precision: p,
            text: v.into(),
        }
    }

    #[test]
    fn dates_within_the_window_and_coarse_ranges() {
        use DatePrecision::{Day, Month, Week};
        let cfg = DedupConfig::default();
        let cases = [
            ("2025-03-11", Day, "2025-03-11", Day, false, Some(SAME_DAY)),
            ("2025-03-11", Day, "2025-03-12", Day, false, Some(DAY_APART)),
            ("2025-03-11", Day, "2025-03-12", Day, true, Some(0.0)),
            ("2025-03-11", Day, "2025-03-13", Day, false, None),
            ("2025-03-08", Day, "2025-03-12", Day, true, Some(0.0)),
            ("2025-03-12", Day, "2025-03-08", Day, true, None),
            // "earlier this month" read on 18 March: 8 March is inside it.
            (
                "2025-03-08",
                Day,
                "2025-03-01",
                Month,
                false,
                Some(COARSE_DATE),
            ),
            ("2025-02-20", Day, "2025-03-01", Month, false, None),
            // "last week": a week around the given day.
            (
                "2025-03-08",
                Day,
                "2025-03-10",
                Week,
                false,
                Some(COARSE_DATE),
            ),
            ("2025-02-20", Day, "2025-03-10", Week, false, None),
        ];
        for (a, pa, b, pb, back, want) in cases {
            let second = Back {
                first: false,
                second: back,
            };
            let got = date_score(&cfg, Some(&date(a, pa)), Some(&date(b, pb)), second);
            assert_eq!(got, want, "{a} {pa:?} vs {b} {pb:?}");
            // The same two reports the other way round.
            let first = Back {
                first: back,
                second: false,
            };
            let got = date_score(&cfg, Some(&date(b, pb)), Some(&date(a, pa)), first);
            assert_eq!(got, want, "{b} {pb:?} vs {a} {pa:?}");
        }
        assert_eq!(
            date_score(&cfg, None, Some(&date("2025-03-08", Day)), Back::default()),
            Some(0.0)
        );
    }

    fn loc(name: &str, admin1: Option<&str>, country: &str, p: LocationPrecision) -> Location {
        Location {
            name: name.into(),
            admin1: admin1.map(Into::into),
            admin2: None,
            country: country.into(),
            lat: None,
            lon: None,
            geonameid: None,
            precision: p,
            text: name.into(),
        }
    }

    #[test]
    fn places_same_inside_or_apart() {
        use LocationPrecision::{Admin1, City, Country};
        let kharkiv = loc("Kharkiv", Some("Kharkiv Oblast"), "UA", City);
        let cases = [
            (
                loc("Kharkov", Some("Kharkiv Oblast"), "UA", City),
                Some(SIMILAR_PLACE_NAME),
            ),
            (loc("Kharkiv", None, "UA", City), Some(SAME_PLACE)),
            (
                loc("Kharkiv Oblast", Some("Kharkiv Oblast"), "UA", Admin1),
                Some(PLACE_INSIDE),
            ),
            (
                loc("Odesa Oblast", Some("Odesa Oblast"), "UA", Admin1),
                None,
            ),
            (loc("Balakliia", Some("Kharkiv Oblast"), "UA", City), None),
            (loc("Ukraine", None, "UA", Country), Some(COUNTRY_ONLY)),
            (loc("Belgorod", Some("Belgorod Oblast"), "RU", City), None),
        ];
        for (other, want) in cases {
            assert_eq!(
                place_score(Some(&kharkiv), Some(&other)),
                want,
                "{}",
                other.name
            );
            assert_eq!(
                place_score(Some(&other), Some(&kharkiv)),
                want,
                "{} (swapped)",
                other.name
            );
        }
        let mut a = kharkiv.clone();
        let mut b = loc("Kharkiv", None, "UA", City);
        a.geonameid = Some(706483);
        b.geonameid = Some(706483);
        b.name = "Charkiw".into();
        assert_eq!(place_score(Some(&a), Some(&b)), Some(SAME_PLACE));
    }
}
