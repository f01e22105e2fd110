//! Parses the embedded gazetteer file (data/gazetteer.tsv.gz, built by
//! scripts/build_gazetteer.py) into places, countries and the folded-name index.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};

use super::text::{key_into, Buffers};
use super::{Country, GeoError, Place, PlaceKind};

/// The compressed gazetteer, embedded at compile time.
pub static GAZETTEER_GZ: &[u8] = include_bytes!("../../data/gazetteer.tsv.gz");

/// The name was an alternate name, not the place's main name.
pub const ALIAS: u8 = 1;
/// The name is a demonym ("Ukrainian"): it refers to the country, it does not name a place.
pub const DEMONYM: u8 = 2;

/// Hashes a string key with one call of xxh3 (the streaming `Xxh3Builder` costs a
/// buffer and a digest per key): the gazetteer index and the word sets look up many
/// short words per article.
#[derive(Default, Clone, Copy)]
pub struct OneShotXxh3(u64);

impl std::hash::Hasher for OneShotXxh3 {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u8(&mut self, b: u8) {
        // the terminator `str` hashing appends
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`OneShotXxh3`] hashers.
pub type KeyHash = std::hash::BuildHasherDefault<OneShotXxh3>;

/// One place a folded name may refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: u32,
    pub flags: u8,
}

/// Folded name -> the places it may refer to, in one flat entry array.
pub struct Index {
    /// Open-addressing table of the keys (linear probing, at most two-thirds full): the
    /// one hash of a key that picks its filter word also picks its slot.
    slots: Vec<Slot>,
    /// The bytes of every key, end to end.
    names: String,
    entries: Vec<Entry>,
    /// Blocked Bloom filter of the keys (one 64-bit word per key, three bits set): most
    /// words of a text are no place name, and one filter word is far more likely to be in
    /// cache than the table's slot and key.
    filter: Vec<u64>,
    /// Blocked Bloom filter of the beginnings of the keys of several words, in whole
    /// words ("new" and "new york" of "new york city"): a run of words read in a text
    /// stops growing where no key goes on.
    longer: Vec<u64>,
}

/// One slot of [`Index::slots`]: a key and its entries.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The high half of the key's hash with its lowest bit set; 0: an empty slot.
    tag: u32,
    /// The key in [`Index::names`].
    name_start: u32,
    name_len: u32,
    /// The key's entries in [`Index::entries`].
    start: u32,
    len: u32,
}

/// The hash of a key, which gives its filter word and bits, its slot and its tag.
fn hash_of(key: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key)
}

/// The filter word and bits of a key's hash.
fn filter_slot(h: u64, words: usize) -> (usize, u64) {
    let bits = 1u64 << (h >> 40 & 63) | 1u64 << (h >> 46 & 63) | 1u64 << (h >> 52 & 63);
    ((h as usize) & (words - 1), bits)
}

/// The tag of a key's hash in its slot (never 0).
fn tag_of(h: u64) -> u32 {
    (h >> 32) as u32 | 1
}

impl Index {
    /// `keys` maps each name to its key id (first field); `pairs` lists (key id, entry).
    fn build(keys: HashMap<Box<str>, (u32, u32), KeyHash>, mut pairs: Vec<(u32, Entry)>) -> Index {
        pairs.sort_by_key(|p| p.0);
        let mut ranges = vec![(0u32, 0u32); keys.len()];
        let mut entries: Vec<Entry> = Vec::with_capacity(pairs.len());
        let mut i = 0;
        while i < pairs.len() {
            let k = pairs[i].0;
            let start = entries.len();
            while i < pairs.len() && pairs[i].0 == k {
                let e = pairs[i].1;
                match entries[start..].iter_mut().find(|x| x.id == e.id) {
                    // keep the strongest reading: a main name beats an alias
                    Some(x) => x.flags &= e.flags,
                    None => entries.push(e),
                }
                i += 1;
            }
            if let Some(r) = ranges.get_mut(k as usize) {
                *r = (start as u32, (entries.len() - start) as u32);
            }
        }
        entries.shrink_to_fit();
        // about 16 bits per key
        let words = (keys.len() / 4).max(1).next_power_of_two();
        let mut filter = vec![0u64; words];
        let size = (keys.len() + keys.len() / 2 + 1).next_power_of_two();
        let mut slots = vec![Slot::default(); size];
        let mut names = String::with_capacity(keys.keys().map(|k| k.len()).sum());
        // a key's beginnings end where its spaces are (shared ones counted again: about
        // 8 bits each, and fewer false positives)
        let spaces: usize = keys.keys().map(|k| k.matches(' ').count()).sum();
        let longer_words = (spaces / 8).max(1).next_power_of_two();
        let mut longer = vec![0u64; longer_words];
        // consumed: each boxed key is freed once copied into `names`
        for (k, v) in keys {
            let h = hash_of(k.as_bytes());
            let (w, bits) = filter_slot(h, words);
            filter[w] |= bits;
            // the first free slot from the key's own (the table is never full)
            let mut s = (h as usize) & (size - 1);
            while slots[s].tag != 0 {
                s = (s + 1) & (size - 1);
            }
            let (start, len) = ranges.get(v.0 as usize).copied().unwrap_or((0, 0));
            slots[s] = Slot {
                tag: tag_of(h),
                name_start: names.len() as u32,
                name_len: k.len() as u32,
                start,
                len,
            };
            for (space, _) in k.match_indices(' ') {
                let (w, bits) = filter_slot(hash_of(&k.as_bytes()[..space]), longer_words);
                longer[w] |= bits;
            }
            names.push_str(&k);
        }
        Index {
            slots,
            names,
            entries,
            filter,
            longer,
        }
    }

    /// The places `key` may refer to.
    pub fn get(&self, key: &str) -> Option<&[Entry]> {
        self.get_bytes(key.as_bytes())
    }

    /// [`Index::get`] of a key given as bytes, as the words of a text are read
    /// (`Tokens::folded_bytes`).
    pub fn get_bytes(&self, key: &[u8]) -> Option<&[Entry]> {
        self.find(key, hash_of(key))
    }

    /// [`Index::get`], and whether a longer key may begin with `key` and a space (it
    /// does not when this says no): one hash for both.
    pub fn probe(&self, key: &[u8]) -> (Option<&[Entry]>, bool) {
        let h = hash_of(key);
        let (w, bits) = filter_slot(h, self.longer.len());
        let longer = self.longer.get(w).is_some_and(|f| f & bits == bits);
        (self.find(key, h), longer)
    }

    /// [`Index::get`] given the key's hash.
    fn find(&self, key: &[u8], h: u64) -> Option<&[Entry]> {
        let (w, bits) = filter_slot(h, self.filter.len());
        if self.filter.get(w).is_none_or(|f| f & bits != bits) {
            return None;
        }
        let tag = tag_of(h);
        let mask = self.slots.len().wrapping_sub(1);
        let mut s = (h as usize) & mask;
        // an empty slot ends every probe sequence; the bound only rules out a full table
        for _ in 0..self.slots.len() {
            let slot = self.slots.get(s)?;
            if slot.tag == 0 {
                return None;
            }
            if slot.tag == tag && self.name_of(slot) == key {
                let start = slot.start as usize;
                return self.entries.get(start..start + slot.len as usize);
            }
            s = (s + 1) & mask;
        }
        None
    }

    /// The key of a slot, as bytes.
    fn name_of(&self, slot: &Slot) -> &[u8] {
        let start = slot.name_start as usize;
        self.names
            .as_bytes()
            .get(start..start + slot.name_len as usize)
            .unwrap_or(&[])
    }
}

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

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').filter(|x| !x.is_empty())
}

struct Builder {
    loaded: Loaded,
    keys: HashMap<Box<str>, (u32, u32), KeyHash>,
    pairs: Vec<(u32, Entry)>,
    country_of: HashMap<String, u16>,
    scratch: Buffers,
    key: String,
    /// Key of the main name of the place whose names are being added.
    primary: String,
}

/// The last three characters of a word (all of a shorter one).
fn last_three(w: &str) -> &str {
    w.char_indices().rev().nth(2).map_or(w, |(i, _)| &w[i..])
}

impl Builder {
    /// Adds `name` for place `id`. `guarded`: drop it if it is a one-word alias unlike the
    /// main name ("Banks" for Watford City), as for places below a million people, where
    /// such aliases are mostly noise.
    fn add_name(&mut self, name: &str, id: u32, flags: u8, guarded: bool) {
        let ntok = key_into(name, &mut self.scratch, &mut self.key);
        if self.key.is_empty() {
            return;
        }
        if flags == 0 {
            self.primary.clone_from(&self.key);
        } else if flags == ALIAS && guarded && ntok == 1 {
            let head: String = self.key.chars().take(2).collect();
            // (or a spelling of the same word: "Azaz" for I'zaz)
            let spelling = |w: &str| {
                w.len().abs_diff(self.key.len()) <= 2 && last_three(w) == last_three(&self.key)
            };
            if !self
                .primary
                .split(' ')
                .any(|w| w.starts_with(head.as_str()) || spelling(w))
            {
                return;
            }
        }
        let next = self.keys.len() as u32;
        let key_id = match self.keys.get(self.key.as_str()) {
            Some(v) => v.0,
            None => {
                self.keys.insert(self.key.as_str().into(), (next, 0));
                next
            }
        };
        self.pairs.push((key_id, Entry { id, flags }));
        self.loaded.max_tokens = self.loaded.max_tokens.max(ntok);
    }

    /// Adds a place under its name and its comma-separated aliases (one-word aliases of
    /// places below a million people are guarded against common words).
    fn add_place(
        &mut self,
        place: Place,
        name: &str,
        aliases: &str,
        line: usize,
    ) -> Result<u32, GeoError> {
        let guarded = place.kind != PlaceKind::Country && place.population < 1_000_000;
        let id = self.push_place(place, line)?;
        self.add_name(name, id, 0, false);
        for a in list(aliases) {
            // (a hand-written spelling, marked "+" by the build, is kept unguarded)
            match a.strip_prefix('+') {
                Some(trusted) => self.add_name(trusted, id, ALIAS, false),
                None => self.add_name(a, id, ALIAS, guarded),
            }
        }
        Ok(id)
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
    let mut reader = BufReader::new(flate2::read::GzDecoder::new(GAZETTEER_GZ));
    let mut line = String::with_capacity(4096);
    let mut b = Builder {
        loaded: Loaded {
            places: Vec::with_capacity(130_000),
            place_country: Vec::with_capacity(130_000),
            countries: Vec::with_capacity(260),
            index: Index::build(HashMap::default(), Vec::new()),
            max_tokens: 1,
        },
        keys: HashMap::with_capacity_and_hasher(300_000, KeyHash::default()),
        pairs: Vec::with_capacity(320_000),
        country_of: HashMap::new(),
        scratch: Buffers::default(),
        key: String::with_capacity(64),
        primary: String::with_capacity(64),
    };
    let mut admin1: HashMap<String, String> = HashMap::new();
    let mut admin2: HashMap<String, String> = HashMap::new();
    let mut line_no = 0;
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .map_err(|e| GeoError::Decompress(e.to_string()))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let f: Vec<&str> = line.trim_end_matches(['\n', '\r']).split('\t').collect();
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
                let id = b.add_place(place, &name, field(&f, 8, line_no)?, line_no)?;
                let demonyms: Vec<String> =
                    list(field(&f, 9, line_no)?).map(str::to_string).collect();
                for d in &demonyms {
                    b.add_name(d, id, DEMONYM, false);
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
                b.add_place(place, &name, field(&f, 8, line_no)?, line_no)?;
                admin1.insert(code.to_string(), name);
            }
            Some("B") => {
                let code = field(&f, 1, line_no)?;
                let name = field(&f, 5, line_no)?.to_string();
                let a1 = admin1.get(field(&f, 4, line_no)?).cloned();
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
                b.add_place(place, &name, field(&f, 9, line_no)?, line_no)?;
                admin2.insert(code.to_string(), name);
            }
            Some("P") => {
                let name = field(&f, 5, line_no)?.to_string();
                let place = Place {
                    geonameid: num(&f, 1, line_no)?,
                    name: name.clone(),
                    admin1: admin1.get(field(&f, 3, line_no)?).cloned(),
                    admin2: admin2.get(field(&f, 4, line_no)?).cloned(),
                    country: field(&f, 2, line_no)?.to_string(),
                    lat: coord(&f, 6, line_no)?,
                    lon: coord(&f, 7, line_no)?,
                    kind: PlaceKind::City,
                    population: num(&f, 8, line_no)?,
                };
                b.add_place(place, &name, field(&f, 9, line_no)?, line_no)?;
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
    b.loaded.index = Index::build(std::mem::take(&mut b.keys), std::mem::take(&mut b.pairs));
    Ok(b.loaded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_finds_exactly_its_keys() {
        let names = [
            "kyiv",
            "kharkiv",
            "odesa",
            "el fasher",
            "new york",
            "kiev",
            "k",
        ];
        let mut keys: HashMap<Box<str>, (u32, u32), KeyHash> = HashMap::default();
        let mut pairs = Vec::new();
        for (i, n) in names.iter().enumerate() {
            keys.insert((*n).into(), (i as u32, 0));
            // "kiev" is another name of Kyiv (place 0); the rest name place i
            let id = if *n == "kiev" { 0 } else { i as u32 };
            pairs.push((i as u32, Entry { id, flags: 0 }));
            pairs.push((
                i as u32,
                Entry {
                    id: 100 + i as u32,
                    flags: ALIAS,
                },
            ));
        }
        let index = Index::build(keys, pairs);
        for (i, n) in names.iter().enumerate() {
            let id = if *n == "kiev" { 0 } else { i as u32 };
            let want = [
                Entry { id, flags: 0 },
                Entry {
                    id: 100 + i as u32,
                    flags: ALIAS,
                },
            ];
            assert_eq!(index.get(n), Some(&want[..]), "{n}");
        }
        for n in ["", "kyi", "kyivv", "odesa ", "el", "york", "Kyiv", "x"] {
            assert_eq!(index.get(n), None, "{n}");
            assert_eq!(index.get_bytes(n.as_bytes()), None, "{n}");
            assert_eq!(index.probe(n.as_bytes()).0, None, "{n}");
        }
        // "el" begins "el fasher", "new" begins "new york"; "kyiv" begins no key
        for (n, found, longer) in [
            ("el", false, true),
            ("new", false, true),
            ("kyiv", true, false),
            ("el fasher", true, false),
        ] {
            let (es, more) = index.probe(n.as_bytes());
            assert_eq!(es.is_some(), found, "{n}");
            // the filter may say yes by chance, never no by mistake
            assert!(more || !longer, "{n}");
            if found {
                assert_eq!(es, index.get(n), "{n}");
                assert_eq!(es, index.get_bytes(n.as_bytes()), "{n}");
            }
        }
        let empty = Index::build(HashMap::default(), Vec::new());
        assert_eq!(empty.get("kyiv"), None);
        assert_eq!(empty.get(""), None);
    }
}
