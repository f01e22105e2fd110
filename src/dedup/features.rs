//! Text clues that tell two same-place, same-day incidents apart: the kind of site hit
//! ("market", "airport", "factory"), the weapon named ("glide bomb", "drone", "mortar")
//! and named districts ("Saltivskyi district"), read from the evidence sentences; plus
//! name folding for place comparison.
//!
//! A clause that the sentence itself dates apart ("..., hours after a drone attack on an
//! apartment block") names another incident: clues stop at it.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// Site classes and the words that name them. Words are matched on whole lower-case tokens.
const SITES: &[(&str, &[&str])] = &[
    ("market", &["market", "bazaar", "marketplace"]),
    (
        "port",
        &[
            "port", "harbour", "harbor", "terminal", "dock", "docks", "pier",
        ],
    ),
    ("airport", &["airport", "airfield", "airbase"]),
    ("checkpoint", &["checkpoint"]),
    ("convoy", &["convoy"]),
    ("medical", &["hospital", "clinic"]),
    (
        "school",
        &["school", "university", "college", "kindergarten"],
    ),
    (
        "worship",
        &["mosque", "church", "temple", "synagogue", "cathedral"],
    ),
    (
        "hospitality",
        &["bar", "restaurant", "cafe", "hotel", "nightclub"],
    ),
    ("camp", &["camp"]),
    (
        "industrial",
        &[
            "factory",
            "enterprise",
            "plant",
            "industrial",
            "refinery",
            "depot",
            "warehouse",
        ],
    ),
    (
        "residential",
        &[
            "apartment",
            "apartments",
            "residential",
            "flats",
            "house",
            "houses",
            "homes",
        ],
    ),
    ("transport", &["bus", "minibus", "train", "railway"]),
    ("energy", &["substation", "pumping", "pipeline", "dam"]),
    (
        "government",
        &["parliament", "congress", "ministry", "embassy"],
    ),
    ("military", &["barracks", "garrison"]),
];

/// Weapon classes and the words that name them (whole lower-case tokens). "bomb" alone is
/// a planted or car bomb; after one of [`AIR_BOMB_WORDS`] it is dropped from the air.
const WEAPONS: &[(&str, &[&str])] = &[
    ("drone", &["drone", "drones", "uav", "uavs"]),
    (
        "air",
        &[
            "airstrike",
            "airstrikes",
            "air-strike",
            "warplane",
            "warplanes",
            "jets",
            "helicopter",
            "helicopters",
        ],
    ),
    ("missile", &["missile", "missiles", "rocket", "rockets"]),
    (
        "artillery",
        &[
            "artillery",
            "shell",
            "shells",
            "shelling",
            "shelled",
            "mortar",
            "mortars",
            "howitzer",
        ],
    ),
    (
        "bomb",
        &[
            "bomb",
            "bombs",
            "bombing",
            "bomber",
            "explosives",
            "explosives-laden",
            "ied",
            "landmine",
            "mine",
            "grenade",
        ],
    ),
    (
        "firearms",
        &[
            "gunmen", "gunman", "gunfire", "shot", "shooting", "rifles", "gunshot",
        ],
    ),
];

/// Words before "bomb(s)" that make it an air-dropped bomb.
const AIR_BOMB_WORDS: &[&str] = &["aerial", "glide", "guided", "air"];

/// Words before "strike(s)" that name an air strike.
const AIR_STRIKE_WORDS: &[&str] = &["air"];

/// Time spans that, before "after" or "before", date the rest of the sentence apart:
/// "hours after", "a day after", "two days before".
const APART_SPANS: &[&str] = &[
    "hours", "hour", "day", "days", "week", "weeks", "month", "months",
];

/// A dated-apart clause this close to the sentence start opens it ("Two days after the
/// attack, ...") and is not cut.
const MIN_OWN_CLAUSE: usize = 3;

/// Words after a proper name that make it a district name.
const DISTRICT_WORDS: &[&str] = &["district", "neighbourhood", "neighborhood", "quarter"];

/// Characters of a district name compared (so "Saltivskyi" matches "Saltivka").
const DISTRICT_PREFIX: usize = 5;

/// Clues of one candidate or event (union over its evidence sentences).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clues {
    /// Site classes named, sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    /// Folded prefixes of district names, sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub districts: Vec<String>,
    /// Weapon classes named, sorted, unique.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weapons: Vec<String>,
}

impl Clues {
    /// Reads the clues of one sentence.
    pub fn of(sentence: &str) -> Clues {
        let tokens: Vec<&str> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .filter(|t| !t.is_empty())
            .collect();
        // Each token lower-cased once (most are already: then it is borrowed).
        let lowered: Vec<std::borrow::Cow<'_, str>> = tokens.iter().map(|t| lower(t)).collect();
        let end = own_clause_end_lowered(&lowered);
        let (tokens, lowered) = (&tokens[..end], &lowered[..end]);
        let mut clues = Clues::default();
        for (i, lower) in lowered.iter().enumerate() {
            let lower = lower.as_ref();
            let prev = i.checked_sub(1).map_or("", |j| lowered[j].as_ref());
            if let Some(class) = weapon_class(lower, prev) {
                clues.weapons.push(class.to_string());
            }
            for class in word_classes().sites.get(lower).into_iter().flatten() {
                if !affiliation_lowered(lowered, i) {
                    clues.sites.push((*class).to_string());
                }
            }
            if i > 0 && DISTRICT_WORDS.contains(&lower) {
                let name = tokens[i - 1];
                if name.chars().next().is_some_and(char::is_uppercase) {
                    let folded = fold(strip_possessive(name));
                    clues
                        .districts
                        .push(folded.chars().take(DISTRICT_PREFIX).collect());
                }
            }
        }
        clues.normalize();
        clues
    }

    /// Adds another sentence's clues.
    pub fn extend(&mut self, other: &Clues) {
        self.sites.extend(other.sites.iter().cloned());
        self.districts.extend(other.districts.iter().cloned());
        self.weapons.extend(other.weapons.iter().cloned());
        self.normalize();
    }

    fn normalize(&mut self) {
        for v in [&mut self.sites, &mut self.districts, &mut self.weapons] {
            v.sort();
            v.dedup();
        }
    }
}

/// People who speak for a place: a site word just after one of them ("a spokesman for
/// the district hospital", "doctors at the clinic") is their affiliation, not a site hit.
const SPEAKERS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "director",
    "head",
    "chief",
    "doctor",
    "doctors",
    "staff",
    "nurse",
    "nurses",
];

/// Tokens looked back from a site word for a speaker.
const SPEAKER_REACH: usize = 4;

/// Whether the site word at `i` is a speaker's affiliation (tokens lower-cased).
fn affiliation_lowered(lowered: &[std::borrow::Cow<'_, str>], i: usize) -> bool {
    lowered[i.saturating_sub(SPEAKER_REACH)..i]
        .iter()
        .any(|t| SPEAKERS.contains(&t.as_ref()))
}

/// `tok` lower-cased, borrowed when it is ASCII without an upper-case letter.
fn lower(tok: &str) -> std::borrow::Cow<'_, str> {
    if tok.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(tok)
    } else {
        std::borrow::Cow::Owned(tok.to_lowercase())
    }
}

/// Weapon class of a lower-case token given the token before it.
fn weapon_class(tok: &str, prev: &str) -> Option<&'static str> {
    if matches!(tok, "bomb" | "bombs") && AIR_BOMB_WORDS.contains(&prev) {
        return Some("air");
    }
    if matches!(tok, "strike" | "strikes" | "raid" | "raids") && AIR_STRIKE_WORDS.contains(&prev) {
        return Some("air");
    }
    word_classes().weapons.get(tok).copied()
}

/// [`SITES`] and [`WEAPONS`] by word: the site classes of a word (in table order) and
/// the first weapon class naming it. One lookup per token instead of a scan of every list.
struct WordClasses {
    sites: std::collections::HashMap<&'static str, Vec<&'static str>>,
    weapons: std::collections::HashMap<&'static str, &'static str>,
}

fn word_classes() -> &'static WordClasses {
    static CLASSES: std::sync::OnceLock<WordClasses> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut sites: std::collections::HashMap<&'static str, Vec<&'static str>> =
            std::collections::HashMap::new();
        for (class, words) in SITES {
            for w in *words {
                sites.entry(*w).or_default().push(*class);
            }
        }
        let mut weapons = std::collections::HashMap::new();
        for (class, words) in WEAPONS {
            for w in *words {
                weapons.entry(*w).or_insert(*class);
            }
        }
        WordClasses { sites, weapons }
    })
}

/// Index of the first token of a clause dated apart from the sentence's own incident
/// ("hours after", "a day after", "two days before"), else the token count (tokens
/// lower-cased).
fn own_clause_end_lowered(lowered: &[std::borrow::Cow<'_, str>]) -> usize {
    lowered
        .windows(2)
        .position(|w| {
            let (span, link) = (w[0].as_ref(), w[1].as_ref());
            APART_SPANS.contains(&span) && (link == "after" || link == "before")
        })
        .filter(|&i| i >= MIN_OWN_CLAUSE)
        .unwrap_or(lowered.len())
}

/// How two clue sets relate: +1 shared, -1 both named and disjoint, 0 nothing to compare.
pub fn agreement(a: &[String], b: &[String]) -> i8 {
    if a.is_empty() || b.is_empty() {
        0
    } else if a.iter().any(|x| b.contains(x)) {
        1
    } else {
        -1
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Lower-case, diacritics removed, only letters and digits: "El-Fasher" -> "elfasher",
/// "Adré" -> "adre".
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sites_weapons_and_districts_from_real_sentences() {
        type Row<'a> = (&'a str, &'a [&'a str], &'a [&'a str], &'a [&'a str]);
        let cases: &[Row] = &[
            (
                "A Russian guided aerial bomb struck an industrial enterprise in Kharkiv's \
                 Kholodnohirskyi district on Tuesday afternoon, injuring five workers, hours \
                 after a drone attack on an apartment building in the north of the city.",
                &["industrial"],
                &["air"],
                &["kholo"],
            ),
            (
                "Residents of Kharkov's Saltivka neighbourhood spent Wednesday clearing glass \
                 and debris after a Russian drone strike on Tuesday that killed three people.",
                &[],
                &["drone"],
                &["salti"],
            ),
            (
                "In the second attack, on Tuesday afternoon, a glide bomb hit a factory in the \
                 city's west, injuring six workers, one more than initially reported.",
                &["industrial"],
                &["air"],
                &[],
            ),
            (
                "Several mortar rounds landed near the perimeter of Mogadishu's Aden Adde \
                 International Airport on Thursday evening, wounding three people, hours after \
                 a car bomb killed seven people elsewhere in the city.",
                &["airport"],
                &["artillery"],
                &[],
            ),
            (
                "Earlier on Thursday, a parked car packed with explosives blew up near a \
                 checkpoint on Maka al-Mukarama road, killing seven people.",
                &["checkpoint"],
                &["bomb"],
                &[],
            ),
            (
                "Russian forces shelled a residential area of Kherson on Wednesday afternoon, \
                 injuring two people, a day after an artillery strike on the city's central \
                 market killed four people.",
                &["residential"],
                &["artillery"],
                &[],
            ),
            // A dated-apart clause that opens the sentence is not cut.
            (
                "Two days after the shelling of the central market, the city buried its dead.",
                &["market"],
                &["artillery"],
                &[],
            ),
            // atlas-2025-03-05-0009: the hospital is where the spokesman works.
            (
                "Two passers-by who had been wounded in the blast near Bannu, in Khyber \
                 Pakhtunkhwa province, died overnight, said Bilal Khattak, a spokesman for the \
                 district hospital.",
                &[],
                &[],
                &[],
            ),
            (
                "A drone struck the hospital in Sumy, doctors at the clinic said.",
                &["medical"],
                &["drone"],
                &[],
            ),
            ("The talks lasted less than an hour.", &[], &[], &[]),
        ];
        for (sentence, sites, weapons, districts) in cases {
            let c = Clues::of(sentence);
            assert_eq!(c.sites, *sites, "{sentence}");
            assert_eq!(c.weapons, *weapons, "{sentence}");
            assert_eq!(c.districts, *districts, "{sentence}");
        }
    }

    #[test]
    fn agreement_table() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(agreement(&s(&["market"]), &s(&["market", "port"])), 1);
        assert_eq!(agreement(&s(&["market"]), &s(&["airport"])), -1);
        assert_eq!(agreement(&s(&[]), &s(&["airport"])), 0);
    }

    #[test]
    fn folds_and_measures_names() {
        assert_eq!(fold("El-Fasher"), "elfasher");
        assert_eq!(fold("Adré"), "adre");
        assert_eq!(edit_distance("debremarkos", "debremarqos", 2), 1);
        assert_eq!(edit_distance("novorossiysk", "novorossiisk", 2), 1);
        assert_eq!(edit_distance("odesa", "izmail", 2), 3);
        assert_eq!(edit_distance("", "", 2), 0);
    }
}
