//! Parses the embedded gazetteer file (data/gazetteer.tsv.gz, built by
//! scripts/build_gazetteer.py) into places, countries and the folded-name index.

use std::collections::HashMap;
use std::io::Read;

use xxhash_rust::xxh3::Xxh3Builder;

use super::text::key_of;
use super::{Country, GeoError, Place, PlaceKind};

/// The compressed gazetteer, embedded at compile time.
pub static GAZETTEER_GZ: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// The name was an alternate name, not the place's main name.
pub const ALIAS: u8 = 1;
/// The name is a demonym ("Ukrainian"): it refers to the country, it does not name a place.
pub const DEMONYM: u8 = 2;

/// One place a folded name may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: u32,
    pub flags: u8,
}

pub type Index = HashMap<Box<str>, Vec<Entry>, Xxh3Builder>;

/// Everything the loader produces.
pub struct Loaded {
    pub places: Vec<Place>,
    /// Index into `countries` of each place's country.
    pub place_country: Vec<u16>,
    pub countries: Vec<Country>,
    pub index: Index,
    pub max_tokens: usize,
}

fn field<'a>(f: &[&'a str], i: usize, line: usize) -> Result<&'a str, GeoError> {
    f.get(i).copied().ok_or(GeoError::Field { line, field: i })
}

fn num<T: std::str::FromStr>(f: &[&str], i: usize, line: usize) -> Result<T, GeoError> {
    field(f, i, line)?
        .parse()
        .map_err(|_| GeoError::Field { line, field: i })
}

fn coord(f: &[&str], i: usize, line: usize) -> Result<f64, GeoError> {
    let s = field(f, i, line)?;
    if s.is_empty() {
        return Ok(f64::NAN);
    }
    s.parse().map_err(|_| GeoError::Field { line, field: i })
}

fn list<'a>(s: &'a str) -> impl Iterator<Item = &'a str> {
    s.split('|').filter(|x| !x.is_empty())
}

struct Builder {
    loaded: Loaded,
    country_of: HashMap<String, u16>,
}

impl Builder {
    fn add_name(&mut self, name: &str, id: u32, flags: u8) {
        let key = key_of(name);
        if key.is_empty() {
            return;
        }
        let ntok = key.split(' ').count();
        let entries = self.loaded.index.entry(key.into_boxed_str()).or_default();
        if let Some(e) = entries.iter_mut().find(|e| e.id == id) {
            // keep the strongest reading: a main name beats an alias
            e.flags &= flags;
            return;
        }
        entries.push(Entry { id, flags });
        self.loaded.max_tokens = self.loaded.max_tokens.max(ntok);
    }

    fn push_place(&mut self, place: Place, line: usize) -> Result<u32, GeoError> {
        let c = *self
            .country_of
            .get(&place.country)
            .ok_or(GeoError::Field { line, field: 3 })?;
        let id = self.loaded.places.len() as u32;
        self.loaded.places.push(place);
        self.loaded.place_country.push(c);
        Ok(id)
    }
}

/// Decompresses and parses the embedded file.
pub fn load() -> Result<Loaded, GeoError> {
    let mut raw = String::new();
    flate2::read::GzDecoder::new(GAZETTEER_GZ)
        .read_to_string(&mut raw)
        .map_err(|e| GeoError::Decompress(e.to_string()))?;
    let mut b = Builder {
        loaded: Loaded {
            places: Vec::with_capacity(130_000),
            place_country: Vec::with_capacity(130_000),
            countries: Vec::with_capacity(260),
            index: HashMap::with_capacity_and_hasher(400_000, Xxh3Builder::new()),
            max_tokens: 1,
        },
        country_of: HashMap::new(),
    };
    let mut admin1: HashMap<&str, (String, u32)> = HashMap::new();
    let mut admin2: HashMap<&str, String> = HashMap::new();
    for (n, line) in raw.lines().enumerate() {
        let line_no = n + 1;
        let f: Vec<&str> = line.split('\t').collect();
        match f.first().copied() {
            Some("K") => {
                let alpha2 = field(&f, 1, line_no)?.to_string();
                let name = field(&f, 3, line_no)?.to_string();
                let ci = b.loaded.countries.len() as u16;
                b.country_of.insert(alpha2.clone(), ci);
                let place = Place {
                    geonameid: num(&f, 4, line_no)?,
                    name: name.clone(),
                    admin1: None,
                    admin2: None,
                    country: alpha2.clone(),
                    lat: coord(&f, 5, line_no)?,
                    lon: coord(&f, 6, line_no)?,
                    kind: PlaceKind::Country,
                    population: num(&f, 7, line_no)?,
                };
                let id = b.push_place(place, line_no)?;
                b.add_name(&name, id, 0);
                for a in list(field(&f, 8, line_no)?) {
                    b.add_name(a, id, ALIAS);
                }
                let demonyms: Vec<String> =
                    list(field(&f, 9, line_no)?).map(str::to_string).collect();
                for d in &demonyms {
                    b.add_name(d, id, DEMONYM);
                }
                b.loaded.countries.push(Country {
                    alpha2,
                    alpha3: field(&f, 2, line_no)?.to_string(),
                    name,
                    place: super::PlaceId(id),
                    demonyms,
                });
            }
            Some("A") => {
                let code = field(&f, 1, line_no)?;
                let name = field(&f, 4, line_no)?.to_string();
                let place = Place {
                    geonameid: num(&f, 2, line_no)?,
                    name: name.clone(),
                    admin1: Some(name.clone()),
                    admin2: None,
                    country: field(&f, 3, line_no)?.to_string(),
                    lat: coord(&f, 5, line_no)?,
                    lon: coord(&f, 6, line_no)?,
                    kind: PlaceKind::Admin1,
                    population: num(&f, 7, line_no)?,
                };
                let id = b.push_place(place, line_no)?;
                b.add_name(&name, id, 0);
                for a in list(field(&f, 8, line_no)?) {
                    b.add_name(a, id, ALIAS);
                }
                admin1.insert(code, (name, id));
            }
            Some("B") => {
                let code = field(&f, 1, line_no)?;
                let name = field(&f, 5, line_no)?.to_string();
                let a1 = admin1.get(field(&f, 4, line_no)?).map(|x| x.0.clone());
                let place = Place {
                    geonameid: num(&f, 2, line_no)?,
                    name: name.clone(),
                    admin1: a1,
                    admin2: Some(name.clone()),
                    country: field(&f, 3, line_no)?.to_string(),
                    lat: coord(&f, 6, line_no)?,
                    lon: coord(&f, 7, line_no)?,
                    kind: PlaceKind::Admin2,
                    population: num(&f, 8, line_no)?,
                };
                let id = b.push_place(place, line_no)?;
                b.add_name(&name, id, 0);
                for a in list(field(&f, 9, line_no)?) {
                    b.add_name(a, id, ALIAS);
                }
                admin2.insert(code, name);
            }
            Some("P") => {
                let name = field(&f, 5, line_no)?.to_string();
                let place = Place {
                    geonameid: num(&f, 1, line_no)?,
                    name: name.clone(),
                    admin1: admin1.get(field(&f, 3, line_no)?).map(|x| x.0.clone()),
                    admin2: admin2.get(field(&f, 4, line_no)?).cloned(),
                    country: field(&f, 2, line_no)?.to_string(),
                    lat: coord(&f, 6, line_no)?,
                    lon: coord(&f, 7, line_no)?,
                    kind: PlaceKind::City,
                    population: num(&f, 8, line_no)?,
                };
                let id = b.push_place(place, line_no)?;
                b.add_name(&name, id, 0);
                for a in list(field(&f, 9, line_no)?) {
                    b.add_name(a, id, ALIAS);
                }
            }
            Some("") | None => {}
            Some(_) => {
                return Err(GeoError::Field {
                    line: line_no,
                    field: 0,
                })
            }
        }
    }
    if b.loaded.countries.is_empty() || b.loaded.places.is_empty() {
        return Err(GeoError::Empty);
    }
    b.loaded.max_tokens = b.loaded.max_tokens.min(8);
    Ok(b.loaded)
}
