//! Place mentions of an article resolved through the gazetteer, with the grammar around
//! them: is the place where something happened ("in Odesa", "on Kharkiv") or where it
//! came from ("fired from the Dayniile district")?

use super::words::{is_ascii_space, WordsBack};
use crate::geo::{Gazetteer, PlaceKind};
use crate::model::{Location, LocationPrecision};
use std::sync::OnceLock;

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
    /// How the place is tied to the words around it.
    pub link: Link,
    /// Chosen over a small namesake in a country the text names (see
    /// [`crate::geo::PlaceMention::over_namesake`]).
    pub over_namesake: bool,
}

/// The grammatical tie of a place mention to its sentence, which decides whether it can
/// be where an incident happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// After a locative preposition ("in Kherson", "near the town of Bannu").
    Locative,
    /// The subject of a passive hit ("Odesa was struck", "Kharkiv came under fire").
    HitSubject,
    /// Part of a name or a modifier ("Aden Adde airport", "Panama-flagged",
    /// "Assam Rifles"), or where a speaker is ("officials in Kyiv said"): never the
    /// place of an incident.
    NotPlace,
    /// None of the above: a place only as the direct object of an attack verb.
    Bare,
}

/// Prepositions that put an incident at a place.
const LOCATIVE: [&str; 21] = [
    "in",
    "through",
    "on",
    "at",
    "near",
    "outside",
    "into",
    "across",
    "around",
    "inside",
    "of",
    "over",
    "throughout",
    "towards",
    "toward",
    "within",
    "between",
    "and",
    "off",
    "along",
    "against",
];

/// Words between a preposition and its place ("in the central Sagaing region").
const SKIP: [&str; 51] = [
    "the",
    "a",
    "an",
    "its",
    "their",
    "city",
    "town",
    "village",
    "port",
    "capital",
    "region",
    "province",
    "state",
    "district",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "nearby",
    "suburban",
    "downtown",
    "rural",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "occupied",
    "besieged",
    "restive",
    "embattled",
    // ("in Nigeria's north-central Benue state", "in neighbouring Plateau state")
    "north-central",
    "south-central",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "neighbouring",
    "neighboring",
    "remote",
    "coastal",
    "mountainous",
    "volatile",
];

/// Besides [`SKIP`], words that may stand between a preposition and a country name ("in
/// neighbouring Chad", "across war-torn Sudan", "in north-eastern Nigeria").
const COUNTRY_ADJECTIVES: [&str; 10] = [
    "far",
    "neighbouring",
    "neighboring",
    "war-torn",
    "conflict-hit",
    "rural",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
];

/// Place nouns a name can follow after a comma, renaming them ("the port city, Odesa").
const APPOSED: [&str; 8] = [
    "city", "town", "village", "port", "capital", "region", "province", "district",
];

/// People and bodies whose location is where they speak, not where things happen.
const SPEAKERS: [&str; 14] = [
    "official",
    "officials",
    "administration",
    "administrator",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "sources",
    "correspondent",
    "governor",
    "ministry",
    "journalists",
    "reporters",
];

/// Verbs after a place that make it the place of the report ("Kyiv said").
const SPEECH: [&str; 8] = [
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "stated",
    "added",
    "confirmed",
];

/// Words after a place that make it the subject of a passive hit.
const HIT_AFTER: [&str; 8] = [
    "was struck",
    "was hit",
    "were hit",
    "came under",
    "was shelled",
    "was attacked",
    "was bombed",
    "suffered",
];

/// Whether a word is a nationality adjective ("Somali", "Afghan"), not a capital
/// standing for its government.
fn is_demonym(word: &str) -> bool {
    /// The adjectives of the country table, picked once, by first letter, with a (first
    /// letter, length) filter in front (most words are turned away by it).
    struct Adjectives {
        by_first: [Vec<&'static str>; 27],
        filter: [u32; 27],
    }
    static ADJECTIVES: OnceLock<Adjectives> = OnceLock::new();
    let adjectives = ADJECTIVES.get_or_init(|| {
        let words: Vec<&'static str> = super::countries::COUNTRIES
            .iter()
            .filter(|(p, _, _, dem)| {
                *dem && ["i", "an", "ese", "ish", "ch"]
                    .iter()
                    .any(|s| p.ends_with(s))
            })
            .map(|x| x.0)
            .collect();
        let mut filter = [0u32; 27];
        let mut by_first: [Vec<&'static str>; 27] = Default::default();
        for w in words {
            filter[first_slot(w.as_bytes())] |= length_bit(w.len());
            by_first[first_slot(w.as_bytes())].push(w);
        }
        Adjectives { by_first, filter }
    });
    let b = word.as_bytes();
    let slot = first_slot(b);
    if adjectives.filter[slot] & length_bit(b.len()) == 0 {
        return false;
    }
    // `word` in ASCII lower case equals the table's word (of the same first letter)
    adjectives.by_first[slot].iter().any(|p| {
        p.len() == word.len()
            && p.bytes()
                .zip(word.bytes())
                .all(|(a, b)| a == b.to_ascii_lowercase())
    })
}

/// The first whitespace-separated word of `s`: `s.split_whitespace().next()`, read byte
/// by byte while the text is ASCII (nearly always).
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !is_ascii_space(c))?;
    let len = b[start..]
        .iter()
        .position(|&c| is_ascii_space(c) || !c.is_ascii())
        .unwrap_or(b.len() - start);
    // a character beyond ASCII at the word or after it may be a space of its own
    if !b[start].is_ascii() || b.get(start + len).is_some_and(|c| !c.is_ascii()) {
        return s.split_whitespace().next();
    }
    s.get(start..start + len)
}

/// At most this many words before a place are read by [`link_of`] (six candidates for
/// the preposition and up to four words before it).
const BACK_WORDS: usize = 10;

/// The last words before byte `at` (nearest first) back to the start of the clause, at
/// most [`BACK_WORDS`] of them, read only as far as they are asked for.
struct Back<'a> {
    words: [&'a str; BACK_WORDS],
    /// Words read so far.
    n: usize,
    /// The words not yet read (none once it has run out).
    more: Option<WordsBack<'a>>,
}

impl<'a> Back<'a> {
    fn new(text: &'a str, at: usize) -> Back<'a> {
        let before = text.get(at.saturating_sub(60)..at).unwrap_or("");
        // all ASCII: a byte search finds the same place as `str::rfind` (two vector
        // searches of three bytes each rather than a loop over the bytes)
        let b = before.as_bytes();
        let last =
            memchr::memrchr3(b'.', b';', b'(', b).max(memchr::memrchr3(b')', b'"', b'\n', b));
        let cut = last.map_or(0, |i| i + 1);
        Back {
            words: [""; BACK_WORDS],
            n: 0,
            more: Some(WordsBack::new(&before[cut..])),
        }
    }

    /// The `k`-th word before the place (0: the nearest).
    fn get(&mut self, k: usize) -> Option<&'a str> {
        while self.n <= k && self.n < BACK_WORDS {
            match self.more.as_mut().and_then(Iterator::next) {
                Some(w) => {
                    self.words[self.n] = w;
                    self.n += 1;
                }
                None => {
                    self.more = None;
                    break;
                }
            }
        }
        (k < self.n).then(|| self.words[k])
    }
}

/// Whether `word` in ASCII lower case is one of `words` (all ASCII lower case), without
/// a lower-cased copy.
pub(super) fn is_one_of(words: &[&str], word: &str) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A word list with a (first letter, length) filter in front of the comparisons: most
/// words looked up are in no list and are turned away by two table look-ups, and the
/// others are compared only with the words of their first letter and length (one as a
/// rule), not with the whole list (a loop that mispredicts at each word's end).
struct Filtered {
    words: &'static [&'static str],
    /// Per first letter (a-z, then anything else), bit k: `words[k]` starts with it.
    by_first: [u64; 27],
    /// Per length (31: longer), bit k: `words[k]` is of that length.
    by_len: [u64; 32],
}

/// The filter slot of a word's first byte, in ASCII lower case.
const fn first_slot(word: &[u8]) -> usize {
    match word.first() {
        Some(b) if b.to_ascii_lowercase().is_ascii_lowercase() => {
            (b.to_ascii_lowercase() - b'a') as usize
        }
        _ => 26,
    }
}

const fn length_bit(len: usize) -> u32 {
    1 << length_slot(len)
}

/// The [`Filtered::by_len`] slot of a word of `len` bytes.
const fn length_slot(len: usize) -> usize {
    if len < 31 {
        len
    } else {
        31
    }
}

impl Filtered {
    /// `words`: at most 64.
    const fn new(words: &'static [&'static str]) -> Filtered {
        assert!(words.len() <= 64);
        let mut by_first = [0u64; 27];
        let mut by_len = [0u64; 32];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            by_first[first_slot(w)] |= 1 << i;
            by_len[length_slot(w.len())] |= 1 << i;
            i += 1;
        }
        Filtered {
            words,
            by_first,
            by_len,
        }
    }

    /// [`is_one_of`] on the list.
    #[inline]
    fn contains(&self, word: &str) -> bool {
        let b = word.as_bytes();
        // the words of the same first letter and length
        let mut candidates = self.by_first[first_slot(b)] & self.by_len[length_slot(b.len())];
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            if self
                .words
                .get(k)
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
            {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    }
}

static LOCATIVE_WORDS: Filtered = Filtered::new(&LOCATIVE);
static SKIP_WORDS: Filtered = Filtered::new(&SKIP);
static COUNTRY_ADJECTIVE_WORDS: Filtered = Filtered::new(&COUNTRY_ADJECTIVES);
static APPOSED_WORDS: Filtered = Filtered::new(&APPOSED);
static SPEAKER_WORDS: Filtered = Filtered::new(&SPEAKERS);
static SPEECH_WORDS: Filtered = Filtered::new(&SPEECH);
/// Verbs before speakers that make their place a meeting place ("met ... officials in
/// Cairo").
static MEETING_WORDS: Filtered = Filtered::new(&["met", "meets", "meeting", "hosted", "received"]);
/// Nouns that, after "the" and before a place, make it a topic ("the war in Ukraine").
static TOPIC_WORDS: Filtered = Filtered::new(&["war", "conflict", "crisis", "situation"]);
/// Words before "the war in ..." that make it a topic of talks.
static TOPIC_CUES: Filtered = Filtered::new(&["on", "about", "over", "and", "discussed", "end"]);

/// Phrases (ASCII lower case) one of which may start a text, with the set of their first
/// letters in front of the comparisons.
struct Prefixes {
    phrases: &'static [&'static str],
    /// Bit n: a phrase starts with the letter `b'a' + n`.
    firsts: u32,
}

impl Prefixes {
    const fn new(phrases: &'static [&'static str]) -> Prefixes {
        let mut firsts = 0u32;
        let mut i = 0;
        while i < phrases.len() {
            firsts |= letter_bit(phrases[i].as_bytes());
            i += 1;
        }
        Prefixes { phrases, firsts }
    }

    /// Whether `s` may start with one of the phrases, in any case (it does not when this
    /// says no).
    fn may_start(&self, s: &str) -> bool {
        self.firsts & letter_bit(s.as_bytes()) != 0
    }
}

/// The bit of a text's first byte in ASCII lower case among the letters a-z (0 for any
/// other byte).
const fn letter_bit(s: &[u8]) -> u32 {
    match s.first() {
        Some(b) if b.to_ascii_lowercase().is_ascii_lowercase() => {
            1 << (b.to_ascii_lowercase() - b'a')
        }
        _ => 0,
    }
}

/// Place nouns after a name before what is said of it ("Kharkiv region was hit").
static PLACE_NOUN_AFTER: Prefixes = Prefixes::new(&[
    "region ",
    "province ",
    "state ",
    "district ",
    "city ",
    "oblast ",
]);
static HIT_AFTER_PHRASES: Prefixes = Prefixes::new(&HIT_AFTER);

/// `s` after `prefix` (ASCII lower case) when `s` in ASCII lower case starts with it.
fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.as_bytes().get(..prefix.len())?;
    // equal to ASCII bytes, so `prefix.len()` is a char boundary of `s`
    head.eq_ignore_ascii_case(prefix.as_bytes())
        .then(|| s.get(prefix.len()..))
        .flatten()
}

/// A country's initials as written ("U.S", "US", "UK", "U.K", "UAE"): upper-case
/// letters and dots, at most three letters.
fn is_initials(name: &str) -> bool {
    // one pass, left at the first other byte (a name's second letter as a rule)
    let mut letters = 0;
    for b in name.bytes() {
        if b.is_ascii_uppercase() {
            letters += 1;
        } else if b != b'.' {
            return false;
        }
    }
    (2..=3).contains(&letters)
}

/// Words after a place's initials that leave them a place: prepositions, conjunctions,
/// the verbs of a sentence about the place.
const LITTLE_WORDS: [&str; 32] = [
    "on", "in", "at", "and", "or", "but", "for", "to", "from", "since", "after", "before", "as",
    "by", "with", "over", "until", "last", "this", "next", "is", "was", "has", "had", "will",
    "would", "said", "says", "that", "have", "were", "are",
];

/// Reads the tie of the place at `start..end` of `text`.
pub fn link_of(text: &str, start: usize, end: usize) -> Link {
    let after = text.get(end..(end + 40).min(text.len())).unwrap_or("");
    // a country's initials before a noun are an adjective ("U.S. mediators said", "UK
    // officials"); before a little word they still name the place ("in the U.S. on
    // Monday")
    if is_initials(text.get(start..end).unwrap_or("")) {
        let next = after.strip_prefix('.').unwrap_or(after);
        if let Some(w) = next.strip_prefix(' ').and_then(first_word) {
            let lw = w.trim_end_matches(|c: char| !c.is_alphabetic());
            if lw.starts_with(|c: char| c.is_ascii_lowercase()) && !LITTLE_WORDS.contains(&lw) {
                return Link::NotPlace;
            }
        }
    }
    // a modifier or part of a longer name
    if after.starts_with('-') && after[1..].starts_with(|c: char| c.is_alphabetic()) {
        return Link::NotPlace;
    }
    if let Some(next) = after.strip_prefix(' ') {
        let w = first_word(next).unwrap_or("");
        // a demonym before a noun is an adjective ("the Somali capital")
        if w.starts_with(char::is_lowercase) && is_demonym(text.get(start..end).unwrap_or("")) {
            return Link::NotPlace;
        }
        if w.starts_with(|c: char| c.is_uppercase())
            && ![
                "Province", "Region", "State", "District", "Oblast", "County",
            ]
            .iter()
            .any(|s| w.starts_with(s))
        {
            return Link::NotPlace;
        }
        let lw = w.trim_matches(|c: char| !c.is_alphabetic());
        if SPEECH_WORDS.contains(lw) {
            return Link::NotPlace;
        }
    }
    let lafter = after.trim_start();
    let lafter = if PLACE_NOUN_AFTER.may_start(lafter) {
        PLACE_NOUN_AFTER
            .phrases
            .iter()
            .find_map(|w| strip_prefix_ignore_case(lafter, w))
            .unwrap_or(lafter)
    } else {
        lafter
    };
    if HIT_AFTER_PHRASES.may_start(lafter)
        && HIT_AFTER
            .iter()
            .any(|h| strip_prefix_ignore_case(lafter, h).is_some())
    {
        return Link::HitSubject;
    }
    let mut back = Back::new(text, start);
    // the name after a place noun it renames: "in Ukraine's second-largest city, Kharkiv,"
    let apposition = back.get(0).is_some_and(|w| {
        w.strip_suffix(',')
            .is_some_and(|n| APPOSED_WORDS.contains(n))
    });
    for i in 0..6 {
        let Some(w) = back.get(i) else {
            break;
        };
        let skippable = SKIP_WORDS.contains(w)
            || w.starts_with(|c: char| c.is_uppercase())
            || w.bytes().any(|b| b.is_ascii_digit())
            || apposition && (i == 0 || w.starts_with(|c: char| c.is_lowercase()));
        if LOCATIVE_WORDS.contains(w) {
            // "officials in Kyiv", "the administration in Nangarhar"
            let who = back
                .get(i + 1)
                .map(|x| x.trim_matches(|c: char| !c.is_alphabetic()))
                .unwrap_or_default();
            // ... unless they are met there ("mediators met Hamas officials in Cairo")
            let speakers = is_one_of(&["in", "at"], w) && SPEAKER_WORDS.contains(who);
            if speakers
                && !(i + 2..i + 5).any(|k| back.get(k).is_some_and(|x| MEETING_WORDS.contains(x)))
            {
                return Link::NotPlace;
            }
            // a topic, not a place: "talks on trade and the war in Ukraine"
            let topic = TOPIC_WORDS.contains(who)
                && back
                    .get(i + 2)
                    .is_some_and(|x| x.eq_ignore_ascii_case("the"))
                && back.get(i + 3).is_some_and(|x| TOPIC_CUES.contains(x));
            if w.eq_ignore_ascii_case("in") && topic {
                return Link::NotPlace;
            }
            return Link::Locative;
        }
        if !skippable {
            break;
        }
    }
    Link::Bare
}

/// All places of the text, in order. `lower`: the text in ASCII lower case; `masks`: its
/// [`byte_masks`](crate::textbits::byte_masks).
pub fn find(g: &Gazetteer, text: &str, lower: &str, masks: &[(u64, u64)]) -> Vec<PlaceHit> {
    let mentions = g.find_places_lowered(text, lower, masks);
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let p = g.place(m.place);
        let (kind, population) = (p.kind, p.population);
        let location = g.location(&m, text);
        // the words before, compared in ASCII lower case without a lower-cased copy
        let before = text.get(m.start.saturating_sub(30)..m.start).unwrap_or("");
        // "in central Mali", "across war-torn Sudan": the word before the adjectives
        let prev_word = WordsBack::new(before)
            .find(|w| !SKIP_WORDS.contains(w) && !COUNTRY_ADJECTIVE_WORDS.contains(w))
            .unwrap_or("");
        let prev_is = |w: &str| prev_word.eq_ignore_ascii_case(w);
        let origin = prev_is("from") && !before.to_ascii_lowercase().contains("far from");
        let bare_country = kind == PlaceKind::Country
            && ![
                "in",
                "across",
                "inside",
                "throughout",
                "of",
                "to",
                "at",
                "on",
            ]
            .iter()
            .any(|w| prev_is(w));
        out.push(PlaceHit {
            start: m.start,
            end: m.end,
            location,
            origin,
            bare_country,
            population,
            link: link_of(text, m.start, m.end),
            over_namesake: m.over_namesake,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, place as written, expected tie)
    const CASES: &[(&str, &str, Link)] = &[
        ("Russian artillery shelled a covered market in Kherson on Tuesday.", "Kherson", Link::Locative),
        ("A suicide bomber rammed a car near the city of Bannu in Pakistan's northwestern Khyber Pakhtunkhwa province.", "Khyber Pakhtunkhwa", Link::Locative),
        ("The death toll from the bombing in northwest Pakistan has risen to six.", "Pakistan", Link::Locative),
        ("A Russian drone struck a nine-storey apartment building in Ukraine's second-largest city, Kharkiv, early on Tuesday.", "Kharkiv", Link::Locative),
        ("Mortar rounds landed near the perimeter of Mogadishu's Aden Adde International Airport.", "Aden", Link::NotPlace),
        ("The attack also damaged a Panama-flagged cargo ship.", "Panama", Link::NotPlace),
        ("Suspected militants ambushed a patrol of the Assam Rifles paramilitary force.", "Assam", Link::NotPlace),
        ("A car bomb killed seven people elsewhere in the Somali capital.", "Somali", Link::NotPlace),
        ("A spokesman for the administration in Nangarhar said Pakistani troops had fired first.", "Nangarhar", Link::NotPlace),
        ("Officials in Kyiv said the drones were shot down.", "Kyiv", Link::NotPlace),
        ("Qatari and Egyptian mediators met Hamas officials in Cairo on Wednesday.", "Cairo", Link::Locative),
        ("Putin met Xi in Moscow for talks on trade and the war in Ukraine.", "Ukraine", Link::NotPlace),
        ("Heavy fighting raged in the war in Sudan's Darfur region.", "Sudan", Link::Locative),
        ("Hundreds of people marched through central Nairobi on Tuesday.", "Nairobi", Link::Locative),
        ("Odesa was struck by waves of drones overnight.", "Odesa", Link::HitSubject),
        ("Kyiv accused Moscow of deliberately targeting grain routes.", "Kyiv", Link::Bare),
        ("The two sides agreed to a truce on Sunday, Saudi and U.S. mediators said.", "U.S", Link::NotPlace),
        ("The attack came hours after UK officials arrived in Kyiv.", "UK", Link::NotPlace),
        ("Protests spread across the U.S. on Monday.", "U.S", Link::Locative),
    ];

    #[test]
    fn ties_of_places_in_real_sentences() {
        for (s, place, want) in CASES {
            let start = s.find(place).expect("place in sentence");
            assert_eq!(link_of(s, start, start + place.len()), *want, "{s}");
        }
    }

    #[test]
    fn filtered_lists_agree_with_the_plain_comparison() {
        let words = [
            "in",
            "In",
            "IN",
            "the",
            "The",
            "near",
            "Near,",
            "war-torn",
            "War-Torn",
            "far",
            "Kharkiv",
            "",
            "\"in",
            "é",
            "northeastern",
            "a",
            "off",
            "Along",
            "neighbouring",
        ];
        let lists: [(&Filtered, &[&str]); 6] = [
            (&APPOSED_WORDS, &APPOSED),
            (&SPEAKER_WORDS, &SPEAKERS),
            (&SPEECH_WORDS, &SPEECH),
            (&MEETING_WORDS, MEETING_WORDS.words),
            (&TOPIC_WORDS, TOPIC_WORDS.words),
            (&TOPIC_CUES, TOPIC_CUES.words),
        ];
        let more = [
            "Said",
            "said",
            "SAID",
            "city",
            "City,",
            "officials",
            "Officials",
            "met",
            "Met",
            "war",
            "crisis",
            "on",
            "ON",
            "discussed",
            "governor",
            "town",
        ];
        for w in words.iter().chain(&more) {
            for (filtered, list) in lists {
                assert_eq!(filtered.contains(w), is_one_of(list, w), "{w}");
            }
        }
        for w in ["Said", "officials", "met", "crisis", "Discussed", "city"] {
            assert!(lists.iter().any(|(f, _)| f.contains(w)), "{w}");
        }
        for w in words {
            assert_eq!(LOCATIVE_WORDS.contains(w), is_one_of(&LOCATIVE, w), "{w}");
            assert_eq!(SKIP_WORDS.contains(w), is_one_of(&SKIP, w), "{w}");
            let adjective = COUNTRY_ADJECTIVE_WORDS.contains(w);
            assert_eq!(adjective, is_one_of(&COUNTRY_ADJECTIVES, w), "{w}");
        }
        assert!(LOCATIVE_WORDS.contains("Throughout"));
        assert!(!SKIP_WORDS.contains("Kharkiv"));
    }

    #[test]
    fn words_back_are_the_nearest_words_of_the_clause() {
        // the former reading: every word of the clause, nearest first
        let all = |text: &str, at: usize| -> Vec<String> {
            let before = text.get(at.saturating_sub(60)..at).unwrap_or("");
            let cut = before
                .rfind(['.', ';', '(', ')', '"', '\n'])
                .map_or(0, |i| i + 1);
            before[cut..]
                .split_whitespace()
                .rev()
                .map(str::to_string)
                .collect()
        };
        let long =
            "Officials said on Tuesday that a drone struck a fuel depot near the city of Odesa";
        for (s, place) in CASES.iter().map(|c| (c.0, c.1)).chain([(long, "Odesa")]) {
            let at = s.find(place).expect("place in sentence");
            let want = all(s, at);
            // asked for out of order, as `link_of` may
            let mut back = Back::new(s, at);
            let third = back.get(2);
            assert_eq!(third, want.get(2).map(String::as_str), "{s}");
            let words: Vec<Option<&str>> = (0..BACK_WORDS + 2).map(|k| back.get(k)).collect();
            for (k, w) in words.iter().enumerate() {
                let expected = want.get(k).filter(|_| k < BACK_WORDS).map(String::as_str);
                assert_eq!(*w, expected, "{s}: word {k}");
            }
        }
        let mut back = Back::new(long, long.len() - 4);
        assert!(back.get(BACK_WORDS - 1).is_some() && back.get(BACK_WORDS).is_none());
    }

    #[test]
    fn first_words_are_those_of_split_whitespace() {
        let texts = [
            "",
            "   ",
            "said on Monday",
            "  two\tspaced",
            "word",
            "\u{a0}Kyiv said",
            "Kyiv\u{a0}said",
            "Tibú, Adré",
            "é",
            "x\r\ny",
        ];
        for t in texts {
            assert_eq!(first_word(t), t.split_whitespace().next(), "{t:?}");
        }
    }

    #[test]
    fn prefix_gates_let_every_phrase_through_in_any_case() {
        for gate in [&PLACE_NOUN_AFTER, &HIT_AFTER_PHRASES] {
            for p in gate.phrases {
                assert!(gate.may_start(p), "{p}");
                assert!(gate.may_start(&p.to_ascii_uppercase()), "{p}");
            }
        }
        // texts no phrase can start are turned away
        for s in ["on Tuesday", "", "\u{e9}", "1 km", "-based"] {
            assert!(!HIT_AFTER_PHRASES.may_start(s), "{s}");
        }
        assert!(PLACE_NOUN_AFTER.may_start("Region was hit"));
        assert!(!PLACE_NOUN_AFTER.may_start("was hit"));
    }

    #[test]
    fn demonyms_are_the_country_adjectives_in_any_case() {
        for (w, want) in [
            ("Somali", true),
            ("AFGHAN", true),
            ("afghan", true),
            ("Afghans", false),
            ("Somalia", false),
            ("Kyiv", false),
            ("", false),
            ("é", false),
        ] {
            assert_eq!(is_demonym(w), want, "{w}");
        }
    }

    #[test]
    fn initials_are_those_of_the_two_pass_reading() {
        let two_passes = |name: &str| {
            let letters = name.bytes().filter(|b| b.is_ascii_uppercase()).count();
            (2..=3).contains(&letters) && name.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        };
        for name in [
            "U.S", "US", "UK", "U.K", "UAE", "U.S.A.", "USAF", "U", "", "Kyiv", "KYIV", "U.s",
            "u.s", "U..S", "U-S", "É.U", ".", "..", "A.B.C.D", "AB.",
        ] {
            assert_eq!(is_initials(name), two_passes(name), "{name}");
        }
    }

    #[test]
    fn ties_never_panic_at_edges() {
        for s in ["Kyiv", "in Kyiv", "Kyiv-", "é Kyiv é"] {
            let start = s.find("Kyiv").unwrap_or(0);
            let _ = link_of(s, start, start + 4);
        }
    }
}
