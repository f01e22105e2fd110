//! The embedded GeoNames gazetteer and place resolution in text.
//!
//! Data: GeoNames (CC BY 4.0) cities above 5,000 people, admin1/admin2 divisions and
//! countries with their alternate names and demonyms, built by
//! `scripts/build_gazetteer.py` into `data/gazetteer.tsv.gz` and embedded in the binary.

mod data;
mod lexicon;
mod resolve;
mod text;

use std::sync::OnceLock;

use crate::model::{GeoStr, Location, LocationPrecision};

pub use data::Entry;

/// Errors reading the embedded gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("gazetteer data: cannot decompress: {0}")]
    Decompress(String),
    #[error("gazetteer data: line {line}: bad field {field}")]
    Field { line: usize, field: usize },
    #[error("gazetteer data: no countries or places")]
    Empty,
}

/// Index of a place in the gazetteer.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PlaceId(pub u32);

/// What kind of place an entry is; decides the precision of a [`Location`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum PlaceKind {
    Country,
    Admin1,
    Admin2,
    City,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u32,
    /// English/ASCII-ish display name ("Kharkiv", "Krasnodar Krai").
    pub name: String,
    /// Name of the first-level division containing it (its own name for an admin1).
    pub admin1: Option<String>,
    /// Name of the second-level division containing it (its own name for an admin2).
    pub admin2: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// NaN when unknown (a division without any listed town).
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    pub population: u64,
}

/// A place named in a text, resolved to one gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceMention {
    /// Byte offsets in the text given.
    pub start: usize,
    pub end: usize,
    pub place: PlaceId,
    /// Confidence of the resolution, 0.5 (a toss-up) to 1.0 (no competitor).
    pub score: f32,
    /// A city of some size chosen over a small namesake in a country the text names
    /// ("Rubio met Ukrainian officials in Geneva"): known to be meant though its own
    /// country goes unnamed.
    pub over_namesake: bool,
}

/// A country with its codes and the words that refer to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub alpha2: String,
    pub alpha3: String,
    pub name: String,
    /// The country as a place (kind [`PlaceKind::Country`]).
    pub place: PlaceId,
    pub demonyms: Vec<String>,
}

/// A country named ("Ukraine", "the U.S.") or referred to by demonym ("Russian forces").
#[derive(Debug, Clone, PartialEq)]
pub struct CountryMention {
    pub start: usize,
    pub end: usize,
    pub alpha2: String,
    pub alpha3: String,
    pub demonym: bool,
}

/// Gazetteer of countries, admin divisions and populated places.
pub struct Gazetteer {
    places: Vec<Place>,
    place_country: Vec<u16>,
    /// `log10(population + 10)` of each place, the resolver's size prior: computed once
    /// here rather than for every reading of every name.
    place_log_population: Vec<f32>,
    countries: Vec<Country>,
    index: data::Index,
    max_tokens: usize,
    /// Country index + 1 by letter code (alpha-2 slots, then alpha-3); 0 = none.
    by_code: Vec<u16>,
    /// Index of the United States in `countries` (Georgia, the state or the country).
    us: Option<usize>,
}

/// Slot of an ASCII-letter country code in `Gazetteer::by_code`, any case.
fn code_slot(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    if !b.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    let n = |i: usize| usize::from(b[i].to_ascii_lowercase() - b'a');
    match b.len() {
        2 => Some(n(0) * 26 + n(1)),
        3 => Some(26 * 26 + (n(0) * 26 + n(1)) * 26 + n(2)),
        _ => None,
    }
}

/// The process-wide gazetteer, once loaded.
static GLOBAL: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The process-wide gazetteer, loaded once from the embedded data file.
    ///
    /// # Panics
    /// If the embedded data file is corrupt, which the unit tests rule out for the
    /// committed file.
    pub fn global() -> &'static Gazetteer {
        GLOBAL.get_or_init(|| match Gazetteer::load() {
            Ok(g) => g,
            Err(e) => panic!("embedded gazetteer is corrupt: {e}"),
        })
    }

    /// Parses the embedded data (each call parses again; use [`Gazetteer::global`]).
    pub fn load() -> Result<Gazetteer, GeoError> {
        let l = data::load()?;
        let mut by_code = vec![0u16; 26 * 26 + 26 * 26 * 26];
        for (i, c) in l.countries.iter().enumerate() {
            for (code, len) in [(&c.alpha2, 2), (&c.alpha3, 3)] {
                if let Some(slot) = code_slot(code).filter(|_| code.len() == len) {
                    // the first country with a code wins, as in a scan of the list
                    if by_code[slot] == 0 {
                        by_code[slot] = u16::try_from(i + 1).unwrap_or(0);
                    }
                }
            }
        }
        let us = l.countries.iter().position(|c| c.alpha2 == "US");
        let place_log_population = l
            .places
            .iter()
            .map(|p| ((p.population as f32) + 10.0).log10())
            .collect();
        Ok(Gazetteer {
            us,
            places: l.places,
            place_country: l.place_country,
            place_log_population,
            countries: l.countries,
            index: l.index,
            max_tokens: l.max_tokens,
            by_code,
        })
    }

    /// Number of places (countries, divisions and towns).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place behind an id. Ids come from this gazetteer; an unknown id gives the first
    /// country rather than a panic.
    pub fn place(&self, id: PlaceId) -> &Place {
        self.places
            .get(id.0 as usize)
            .unwrap_or_else(|| &self.places[0])
    }

    /// A country by ISO alpha-2 or alpha-3 code, any case.
    pub fn country(&self, code: &str) -> Option<&Country> {
        if let Some(slot) = code_slot(code) {
            let i = usize::from(self.by_code[slot]);
            return i.checked_sub(1).and_then(|i| self.countries.get(i));
        }
        match code.len() {
            2 => self
                .countries
                .iter()
                .find(|c| c.alpha2.eq_ignore_ascii_case(code)),
            3 => self
                .countries
                .iter()
                .find(|c| c.alpha3.eq_ignore_ascii_case(code)),
            _ => None,
        }
    }

    /// All countries, in alpha-2 order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Places whose name or alternate name folds to the same key as `name`
    /// ("Kiev" finds Kyiv), in gazetteer order.
    pub fn lookup(&self, name: &str) -> Vec<PlaceId> {
        let key = text::key_of(name);
        self.index
            .get(key.as_str())
            .map(|es| {
                es.iter()
                    .filter(|e| e.flags & data::DEMONYM == 0)
                    .map(|e| PlaceId(e.id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All place mentions in a text (normalized article text: title + body), each resolved
    /// to its most likely place using whole-text context; traps filtered out.
    pub fn find_places(&self, text: &str) -> Vec<PlaceMention> {
        resolve::Resolver::new(self, text).places()
    }

    /// [`Gazetteer::find_places`] given `lower`, the text in ASCII lower case
    /// (`str::to_ascii_lowercase`) and `masks`, the text's
    /// [`byte_masks`](crate::textbits::byte_masks), that the caller has made anyway
    /// (empty: made here): the same places, without lower-casing the words again.
    pub fn find_places_lowered(
        &self,
        text: &str,
        lower: &str,
        masks: &[(u64, u64)],
    ) -> Vec<PlaceMention> {
        resolve::Resolver::new_lowered(self, text, lower, masks).places()
    }

    /// Countries named or referred to by demonym ("Russian forces") in the text.
    pub fn find_countries(&self, text: &str) -> Vec<CountryMention> {
        self.country_mentions(&resolve::Resolver::new(self, text))
    }

    /// [`Gazetteer::find_places`] and [`Gazetteer::find_countries`] in one pass over the
    /// text (half the cost of calling both).
    pub fn find_all(&self, text: &str) -> (Vec<PlaceMention>, Vec<CountryMention>) {
        let r = resolve::Resolver::new(self, text);
        (r.places(), self.country_mentions(&r))
    }

    fn country_mentions(&self, r: &resolve::Resolver) -> Vec<CountryMention> {
        r.countries()
            .into_iter()
            .filter_map(|(start, end, ci, demonym)| {
                let c = self.countries.get(ci as usize)?;
                Some(CountryMention {
                    start,
                    end,
                    alpha2: c.alpha2.clone(),
                    alpha3: c.alpha3.clone(),
                    demonym,
                })
            })
            .collect()
    }

    /// Converts a resolved mention into the contract's [`Location`]; `text` is the text
    /// the mention was found in. The place's strings are borrowed when this is the
    /// process-wide gazetteer ([`Gazetteer::global`]), copied otherwise.
    pub fn location(&self, m: &PlaceMention, text: &str) -> Location {
        let p = self.place(m.place);
        let precision = match p.kind {
            PlaceKind::City => LocationPrecision::City,
            PlaceKind::Admin2 => LocationPrecision::Admin2,
            PlaceKind::Admin1 => LocationPrecision::Admin1,
            PlaceKind::Country => LocationPrecision::Country,
        };
        let finite = |x: f64| if x.is_finite() { Some(x) } else { None };
        let (name, admin1, admin2, country) = match self.as_global() {
            Some(g) => {
                let p = g.place(m.place);
                let s = |x: &'static String| GeoStr::from_static(x);
                (
                    s(&p.name),
                    p.admin1.as_ref().map(s),
                    p.admin2.as_ref().map(s),
                    s(&p.country),
                )
            }
            None => {
                let s = |x: &String| GeoStr::from(x.clone());
                (
                    s(&p.name),
                    p.admin1.as_ref().map(s),
                    p.admin2.as_ref().map(s),
                    s(&p.country),
                )
            }
        };
        Location {
            name,
            admin1,
            admin2,
            country,
            lat: finite(p.lat),
            lon: finite(p.lon),
            geonameid: Some(p.geonameid),
            precision,
            text: text.get(m.start..m.end).unwrap_or_default().to_string(),
        }
    }

    /// This gazetteer as the process-wide one, if it is that one: its strings then live
    /// as long as the process and can be lent to every [`Location`].
    fn as_global(&self) -> Option<&'static Gazetteer> {
        GLOBAL.get().filter(|g| std::ptr::eq(*g, self))
    }

    /// `log10(population + 10)` of a place; an unknown id gives the first place's, as
    /// [`Gazetteer::place`] gives the first place.
    fn log_population(&self, id: u32) -> f32 {
        let l = &self.place_log_population;
        l.get(id as usize).or(l.first()).copied().unwrap_or(1.0)
    }

    fn country_index_of(&self, id: u32) -> u16 {
        self.place_country.get(id as usize).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
