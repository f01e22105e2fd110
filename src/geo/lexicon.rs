//! Word lists that keep place matching off common words, people and sport teams.
//! All entries are folded (lower case, no diacritics).

/// Never a place on its own, whatever the context: months, weekdays, function words and
/// everyday words that happen to be the names of small towns somewhere.
#[rustfmt::skip]
pub const NEVER: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "of", "the", "a", "an", "and", "or", "in", "on", "at",
    "to", "by", "for", "from", "with", "as", "is", "it", "he", "she", "we", "they", "i",
    "you", "but", "if", "so", "no", "not", "all", "any", "one", "two", "three", "this",
    "that", "these", "those", "there", "here", "when", "where", "what", "who", "how", "why",
    "after", "before", "during", "under", "over", "about", "mr", "mrs", "ms", "dr", "st",
    "police", "army", "government", "president", "minister", "ministry", "council", "union",
    "parliament", "congress", "senate", "court", "party", "state", "city", "town",
    "village", "district", "province", "region", "county", "republic", "kingdom", "north",
    "south", "east", "west", "central", "new", "old", "great", "little", "big", "young",
    "best", "good", "hope", "victory", "liberty", "independence", "freedom", "unity",
    "progress", "reform", "justice", "peace", "friendship", "concord", "harmony",
    "prosperity", "enterprise", "commerce", "industry", "security", "defence", "defense",
    "health", "education", "media", "press", "news", "times", "post", "mail", "star", "sun",
    "mirror", "guardian", "herald", "tribune", "wire", "ap", "afp", "reuters", "bbc", "cnn",
    "un", "eu", "nato", "red", "cross", "crescent", "islamic", "muslim", "christian",
    "jewish", "catholic", "orthodox", "church", "mosque", "temple", "god", "allah",
    "christ", "jesus", "mary", "joseph", "john", "paul", "peter", "james", "david",
    "michael", "george", "william", "thomas", "mark", "luke", "matthew", "martin",
    "francis", "anna", "maria", "elizabeth", "victoria", "prince", "princess", "king",
    "queen", "saint", "lord", "lady", "sir", "general", "colonel", "captain", "major",
    "sergeant", "officer", "commander", "chief", "head", "leader", "spokesman",
    "spokeswoman", "spokesperson", "official", "officials", "residents", "people", "forces",
    "troops", "soldiers", "fighters", "rebels", "militants", "attack", "attacks", "strike",
    "strikes", "drone", "drones", "missile", "missiles", "bomb", "blast", "explosion",
    "fire", "killed", "dead", "wounded", "injured", "hospital", "market", "airport", "port",
    "station", "bridge", "road", "street", "avenue", "square", "camp", "school",
    "university", "college", "academy", "institute", "centre", "center", "museum", "hotel",
    "bank", "company", "group", "network", "agency", "office", "house", "hall", "tower",
    "palace", "castle", "fort", "park", "garden", "beach", "island", "islands", "mountain",
    "mountains", "hill", "hills", "lake", "river", "sea", "ocean", "gulf", "bay", "coast",
    "valley", "desert", "forest", "plain", "plains", "field", "fields", "monday's",
    "tuesday's", "earlier", "later", "late", "early", "last", "next", "first", "second",
    "third", "friday's", "week", "month", "year", "today", "yesterday", "tomorrow",
    "morning", "evening", "night", "afternoon", "dawn", "noon", "midnight", "spring",
    "summer", "autumn", "winter", "christmas", "easter", "ramadan", "eid", "thanksgiving",
    "halloween", "photo", "video", "image", "read", "more", "also", "see", "update",
    "updated", "breaking", "live", "opinion", "analysis", "editorial", "comment", "sport",
    "sports", "business", "world", "local", "national", "international", "global", "africa",
    "asia", "europe", "middle", "western", "eastern", "northern", "southern", "federal",
    "national", "royal", "imperial", "grand", "upper", "lower", "inner", "outer", "high",
    "low", "long", "short", "fair", "free", "fine", "rich", "gold", "golden", "silver",
    "iron", "stone", "rock", "green", "white", "black", "blue", "brown", "grey", "gray",
    "pink", "rose", "lily", "ivy", "olive", "palm", "oak", "pine", "cedar", "maple", "elm",
    "ash", "wolf", "bear", "lion", "eagle", "hawk", "fox", "deer", "bull", "horse",
    "buffalo", "phoenix", "media", "online", "internet", "data", "energy", "power", "oil",
    "gas", "water", "food", "aid", "relief", "rescue", "emergency", "crisis", "war",
    "battle", "front", "line", "border", "frontier", "zone", "area", "base", "headquarters",
    "command", "service", "services", "national", "popular", "democratic", "social",
    "liberal", "conservative", "labour", "labor", "green", "alliance", "coalition",
    "movement", "front", "league", "federation", "association", "society", "foundation",
    "trust", "fund", "program", "programme", "project", "plan", "deal", "accord", "treaty",
    "agreement", "talks", "summit", "conference", "meeting", "session", "assembly",
    "commission", "committee", "board", "authority", "administration", "department",
    "bureau", "division", "unit", "brigade", "battalion", "regiment", "corps", "guard",
    "guards", "navy", "air", "marine", "marines", "coast", "special", "rapid", "support",
    "operation", "operations", "mission", "task", "force", "team", "club", "arab", "arabs",
    "sheikh", "emir", "sultan", "fc", "united", "city", "rovers", "athletic", "sporting",
    "real", "inter", "dynamo", "olympic", "olympique", "racing", "wanderers",
];

/// Real places that are also everyday words: accepted only after a place preposition
/// ("in Nice", "near Split") and never at the start of a sentence.
#[rustfmt::skip]
pub const AMBIGUOUS: &[&str] = &[
    "nice", "split", "bath", "reading", "van", "sale", "bar", "most", "mobile", "male",
    "surprise", "hope", "paradise", "eagle", "opportunity", "temple", "wells", "mercy",
    "deal", "orange", "sandy", "born", "best", "bra", "goes", "man", "bay", "batman",
    "union", "hem", "ede", "mons", "tours", "derby", "cork", "troy", "marion", "chester",
    "warren", "norman", "clinton", "hamilton", "kingston", "jackson", "lincoln", "madison",
];

/// Given names that are also place names ("Chad Morrison", "Jordan Pike", "Georgia Lane").
/// Followed by a capitalised word that is not a place word, they name a person.
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    "jordan", "chad", "georgia", "israel", "victoria", "florence", "austin", "paris",
    "lincoln", "charlotte", "sydney", "chelsea", "dallas", "houston", "kent", "orlando",
    "savannah", "madison", "jackson", "camden", "aurora", "eugene", "tyler", "marion",
    "lorraine", "regina", "adelaide", "alexandria", "virginia", "carolina", "santiago",
    "mercedes", "lourdes", "dakota", "montana", "sierra", "trinidad", "salem", "troy",
    "phoenix", "denver", "brooklyn", "hamilton", "clinton", "warren", "norman", "valencia",
    "florida", "nevada", "milan", "vienna", "siena", "verona", "venice", "geneva",
    "catalina", "helena", "augusta", "cheyenne", "jericho", "bethany", "nazareth",
];

/// Words after a place name that keep it a place even when the name is also a given
/// name ("Israel Defense Forces", "Jordan Valley", "Georgia Dream").
#[rustfmt::skip]
pub const PLACE_FOLLOWERS: &[&str] = &[
    "defense", "defence", "forces", "army", "government", "ministry", "valley", "river",
    "sea", "border", "coast", "police", "navy", "air", "national", "central", "state",
    "province", "region", "oblast", "krai", "governorate", "district", "county", "city",
    "republic", "kingdom", "dream", "parliament", "president", "prime", "foreign",
    "interior", "authorities", "officials", "airport", "port", "power", "energy", "bank",
    "airways", "airlines", "railways", "telecom", "electric", "university", "institute",
    "hospital", "market", "camp", "road", "highway", "street", "bridge", "station",
    "prison", "mosque", "church", "school", "stadium", "square", "neighbourhood",
    "neighborhood", "checkpoint", "base", "refinery", "terminal", "harbour", "harbor",
    "plant", "factory", "village", "town", "residents", "council", "mayor", "governor",
    "municipality", "zone", "international", "international's", "oblast's", "region's",
    "crossing", "dam", "lake",
];

/// Capitalised words that may stand before a place name without making it a surname
/// ("Greater Manchester", "Mount Sinjar").
#[rustfmt::skip]
pub const PLACE_PREFIXES: &[&str] = &[
    "greater", "mount", "lake", "port", "fort", "metropolitan", "rural", "downtown",
    "eastern", "western", "northern", "southern", "central", "occupied", "besieged",
    "neighbouring", "neighboring", "frontline", "nearby", "capital", "southeastern",
    "southwestern", "northeastern", "northwestern", "province", "region", "city", "town",
    "village", "camp", "via", "says", "said",
];

/// Lower-case words that, several together, mark a sports report.
#[rustfmt::skip]
pub const SPORT_CUES: &[&str] = &[
    "coach", "rebounds", "league", "scored", "striker", "playoff", "playoffs", "halftime",
    "innings", "wicket", "quarterback", "fixture", "assists", "midfielder", "referee",
    "teammates", "franchise", "goals", "tournament", "championship", "three-pointers",
    "pointers", "goalkeeper", "penalty", "equaliser", "equalizer", "half-time",
];

/// Words after a place that make the pair a sport team or university side.
#[rustfmt::skip]
pub const SPORT_FOLLOWERS: &[&str] = &[
    "tech", "fc", "united", "town", "pioneers", "comets", "rovers", "wanderers", "athletic",
    "athletico", "albion", "hotspur", "rangers", "celtic", "dynamo", "lakers", "warriors",
    "bulls", "hawks", "bulldogs", "yellow", "jackets", "eagles", "tigers", "lions", "bears",
    "giants", "jets", "knicks", "nets", "celtics", "heat", "magic", "suns", "spurs",
    "rockets", "mavericks", "nuggets", "jazz", "kings", "clippers", "pistons", "pacers",
    "bucks", "hornets", "thunder", "blazers", "timberwolves", "pelicans", "grizzlies",
    "raptors", "wizards", "cavaliers", "sixers", "76ers", "braves", "falcons", "saints",
    "cowboys", "patriots", "dolphins", "chiefs", "steelers", "ravens", "packers", "vikings",
    "panthers", "seahawks", "wildcats", "gators", "seminoles", "huskies", "volunteers",
    "crimson", "tide", "ducks", "trojans", "bruins", "ravens", "canucks", "oilers",
    "flames", "senators", "capitals", "flyers", "penguins", "red", "blue", "white", "sox",
    "cubs", "mets", "yankees", "dodgers", "astros", "rangers", "mariners", "marlins",
    "orioles", "phillies", "royals",
];

/// Titles that make the next capitalised word a person ("Coach Jordan", "Mr Chad").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "coach", "captain",
    "forward", "striker", "midfielder", "defender", "goalkeeper", "guard", "centre",
    "center", "winger", "skipper", "teammate", "rookie", "veteran", "manager", "president",
    "senator", "governor", "minister", "general", "colonel", "professor", "prof", "judge",
    "rev", "father", "sister", "brother", "pastor", "imam", "rabbi", "analyst", "trader",
    "strategist", "economist", "chairman", "chairwoman", "ceo", "director", "actor",
    "actress", "singer", "player", "star", "sheikh", "emir", "sultan", "mullah", "mufti",
];

/// Lower-case words that may sit inside a multi-word place name ("Norte de Santander",
/// "Port-au-Prince", "Rostov-on-Don").
#[rustfmt::skip]
pub const CONNECTORS: &[&str] = &[
    "de", "del", "la", "las", "los", "el", "al", "an", "ar", "as", "ash", "ad", "az", "ed",
    "en", "es", "et", "of", "on", "upon", "sur", "am", "der", "di", "da", "do", "dos",
    "das", "du", "des", "le", "les", "bin", "ibn", "bint", "ul", "e", "y", "i", "im", "in",
    "and", "au", "aux", "sous", "lès", "les", "a",
    // (the Arabic article before a sun letter: "Deir ez-Zor", "Ras esh-Shaqq")
    "ez", "er", "esh", "ech",
];

/// Words after a name that mark a division: "Kharkiv region", "Borno state".
#[rustfmt::skip]
pub const ADMIN1_SUFFIXES: &[&str] = &[
    "region", "oblast", "province", "krai", "kray", "state", "governorate", "department",
    "division", "voivodeship", "prefecture", "territory", "regions", "provinces",
];

/// Words after a name that mark a second-level division: "Bannu district".
#[rustfmt::skip]
pub const ADMIN2_SUFFIXES: &[&str] = &[
    "district", "county", "raion", "rayon", "municipality", "districts", "counties", "zone",
];

/// Words before a name that make it a place ("in Nice", "near Split").
#[rustfmt::skip]
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "near", "outside", "around", "at", "from", "to", "into", "towards", "toward",
    "across", "of", "nearby", "between", "through",
];

/// Words whose presence in a text makes the US state of Georgia more likely.
pub const US_CUES: &[&str] = &["atlanta", "savannah", "macon", "augusta", "peachtree"];

/// The lists a word is in, one bit per list: one look-up tells everything the resolver
/// asks of a word ("region": a place follower and a division suffix).
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Lists(u16);

impl Lists {
    pub const NONE: Lists = Lists(0);
    pub const NEVER: Lists = Lists(1);
    pub const AMBIGUOUS: Lists = Lists(1 << 1);
    pub const FIRST_NAME: Lists = Lists(1 << 2);
    pub const PLACE_FOLLOWER: Lists = Lists(1 << 3);
    pub const PLACE_PREFIX: Lists = Lists(1 << 4);
    pub const SPORT_FOLLOWER: Lists = Lists(1 << 5);
    pub const TITLE: Lists = Lists(1 << 6);
    pub const CONNECTOR: Lists = Lists(1 << 7);
    pub const ADMIN1_SUFFIX: Lists = Lists(1 << 8);
    pub const ADMIN2_SUFFIX: Lists = Lists(1 << 9);
    pub const PLACE_PREPOSITION: Lists = Lists(1 << 10);
    pub const SPORT_CUE: Lists = Lists(1 << 11);
    pub const US_CUE: Lists = Lists(1 << 12);
    /// A division suffix of either level.
    pub const SUFFIX: Lists = Self::ADMIN1_SUFFIX.or(Self::ADMIN2_SUFFIX);
    /// A word that keeps the name before it a place ("Jordan Valley", "Kharkiv region").
    pub const PLACE_WORD: Lists = Self::PLACE_FOLLOWER.or(Self::SUFFIX);

    /// The lists of both.
    #[inline]
    pub const fn or(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }

    /// In at least one of the lists of `of`.
    #[inline]
    pub const fn any(self, of: Lists) -> bool {
        self.0 & of.0 != 0
    }
}

/// Every list with its bit.
const ALL_LISTS: [(&[&str], Lists); 13] = [
    (NEVER, Lists::NEVER),
    (AMBIGUOUS, Lists::AMBIGUOUS),
    (FIRST_NAMES, Lists::FIRST_NAME),
    (PLACE_FOLLOWERS, Lists::PLACE_FOLLOWER),
    (PLACE_PREFIXES, Lists::PLACE_PREFIX),
    (SPORT_FOLLOWERS, Lists::SPORT_FOLLOWER),
    (TITLES, Lists::TITLE),
    (CONNECTORS, Lists::CONNECTOR),
    (ADMIN1_SUFFIXES, Lists::ADMIN1_SUFFIX),
    (ADMIN2_SUFFIXES, Lists::ADMIN2_SUFFIX),
    (PLACE_PREPOSITIONS, Lists::PLACE_PREPOSITION),
    (SPORT_CUES, Lists::SPORT_CUE),
    (US_CUES, Lists::US_CUE),
];

/// Slots of [`WORD_LISTS`]: a power of two, under half full (about 800 words).
const SLOTS: usize = 2048;

/// The words of all lists with their bits in an open-addressing table built at compile
/// time: a look-up is a few arithmetic steps and, most often, one slot that is empty or
/// holds a word of another length; no hashing of the whole word.
static WORD_LISTS: [(&str, Lists); SLOTS] = word_table();

/// The first slot to probe for a word: its first two bytes, last byte and length mixed.
#[inline]
const fn slot_of(w: &[u8]) -> usize {
    let n = w.len();
    if n == 0 {
        return 0;
    }
    let x = w[0] as u64 | (w[(n > 1) as usize] as u64) << 8 | (w[n - 1] as u64) << 16;
    let x = x | (n as u64) << 24;
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn word_table() -> [(&'static str, Lists); SLOTS] {
    let mut t = [("", Lists::NONE); SLOTS];
    let mut l = 0;
    while l < ALL_LISTS.len() {
        let (list, bit) = ALL_LISTS[l];
        let mut k = 0;
        while k < list.len() {
            let w = list[k];
            let mut s = slot_of(w.as_bytes());
            // linear probing: the word's slot, or the first empty one after its own
            while !t[s].0.is_empty() && !same(t[s].0.as_bytes(), w.as_bytes()) {
                s = (s + 1) % SLOTS;
            }
            t[s] = (w, t[s].1.or(bit));
            k += 1;
        }
        l += 1;
    }
    t
}

/// The lists `word` (folded) is in.
#[inline]
pub fn lists_of(word: &str) -> Lists {
    lists_of_bytes(word.as_bytes())
}

/// [`lists_of`] for a word given as bytes (see `Tokens::folded_bytes`).
#[inline]
pub fn lists_of_bytes(word: &[u8]) -> Lists {
    if word.is_empty() {
        return Lists::NONE;
    }
    let mut s = slot_of(word);
    // the table is under half full: an empty slot ends every probe sequence
    for _ in 0..SLOTS {
        let (w, lists) = WORD_LISTS[s];
        if w.is_empty() {
            break;
        }
        if w.len() == word.len() && w.as_bytes() == word {
            return lists;
        }
        s = (s + 1) % SLOTS;
    }
    Lists::NONE
}

/// A word's shape from its length and its first byte (0 for an empty word): the length
/// (31: 31 bytes or more) times 64 plus the low six bits of the first byte (distinct for
/// the letters). The tokenizer works it out with each word, while the length and the
/// byte are at hand, in a few steps.
#[inline]
pub const fn shape_of(len: usize, first: u8) -> u16 {
    let slot = if len < 31 { len } else { 31 };
    ((slot as u16) << 6) | (first & 63) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_is_in_exactly_its_lists() {
        let probes = [
            "region", "district", "jordan", "in", "the", "coach", "de", "valley", "nice",
            "greater", "tech", "kharkiv", "", "é", "regions", "goals", "zone", "x", "atlanta",
        ];
        for w in probes
            .iter()
            .copied()
            .chain(ALL_LISTS.iter().flat_map(|l| l.0.iter().copied()))
        {
            let got = lists_of(w);
            assert_eq!(lists_of_bytes(w.as_bytes()), got, "{w:?}");
            for (list, bit) in ALL_LISTS {
                assert_eq!(got.any(bit), list.contains(&w), "{w:?} {bit:?}");
            }
        }
        let used = WORD_LISTS.iter().filter(|x| !x.0.is_empty()).count();
        assert!(used > 500 && used < SLOTS / 2, "{used} words");
        assert!(lists_of("region").any(Lists::PLACE_WORD));
        assert!(lists_of("county").any(Lists::SUFFIX));
        assert!(!lists_of("police").any(Lists::SUFFIX));
    }
}
