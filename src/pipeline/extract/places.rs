//! Place mentions of an article resolved through the gazetteer, with the grammar around
//! them: is the place where something happened ("in Odesa", "on Kharkiv") or where it
//! came from ("fired from the Dayniile district")?

use crate::geo::{Gazetteer, PlaceKind};
use crate::model::{Location, LocationPrecision};

/// A resolved place in the normalized text.
#[derive(Debug, Clone)]
pub struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub location: Location,
    /// Named as an origin ("from X"): not the place of the event.
    pub origin: bool,
    /// A country named without "in"/"across" before it: more likely an actor.
    pub bare_country: bool,
    /// Population of the place (0 when unknown).
    pub population: u64,
}

/// All places of the text, in order.
pub fn find(g: &Gazetteer, text: &str) -> Vec<PlaceHit> {
    let mut out = Vec::new();
    for m in g.find_places(text) {
        let kind = g.place(m.place).kind;
        let population = g.place(m.place).population;
        let location = g.location(&m, text);
        let before = text
            .get(m.start.saturating_sub(30)..m.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        let prev_word = before
            .split_whitespace()
            .filter(|w| *w != "the")
            .next_back()
            .unwrap_or("")
            .to_string();
        let origin = prev_word == "from" && !before.contains("far from");
        let bare_country = kind == PlaceKind::Country
            && !matches!(
                prev_word.as_str(),
                "in" | "across" | "inside" | "throughout" | "of" | "to" | "at" | "on"
            );
        out.push(PlaceHit {
            start: m.start,
            end: m.end,
            location,
            origin,
            bare_country,
            population,
        });
    }
    out
}

/// Whether `outer` contains `inner` (a region containing a city, a country containing
/// a region), judged on the names the gazetteer gives.
pub fn contains(outer: &Location, inner: &Location) -> bool {
    if outer.precision.rank() <= inner.precision.rank() || outer.country != inner.country {
        return false;
    }
    match outer.precision {
        LocationPrecision::Country => true,
        LocationPrecision::Admin1 => {
            inner.admin1.as_deref() == Some(outer.name.as_str()) || inner.admin1 == outer.admin1
        }
        LocationPrecision::Admin2 => inner.admin2.as_deref() == Some(outer.name.as_str()),
        _ => false,
    }
}
