//! Finds place names in a text and resolves each to one gazetteer entry: one pass over
//! the tokens with the folded-name index, trap filters (common words, people, sport
//! teams), then a choice among homonyms weighed by the countries the whole text names.

use super::data::{Entry, DEMONYM};

use super::lexicon::{self, lists_of, lists_of_bytes, Lists};
use super::text::{tokenize, tokenize_lowered, ShapeChains, Tokens, WordKey};
use super::{Gazetteer, PlaceId, PlaceKind, PlaceMention};

/// At most this many homonyms of one name are weighed.
const MAX_CANDIDATES: usize = 64;
/// Weight of one unit of country context against the kind/population prior.
const CONTEXT_WEIGHT: f32 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Suffix {
    None,
    Admin1,
    Admin2,
}

/// The word that makes "turkey" a common word.
const THANKSGIVING: &[u8] = b"thanksgiving";

/// The [`WordKey`] of each sport cue in lower case (`lexicon::SPORT_CUES`), or none for a
/// cue no token can be (a hyphen ends a token: "half-time").
static SPORT_CUE_KEYS: [Option<WordKey>; lexicon::SPORT_CUES.len()] = sport_cue_keys();

const fn sport_cue_keys() -> [Option<WordKey>; lexicon::SPORT_CUES.len()] {
    let mut keys = [None; lexicon::SPORT_CUES.len()];
    let mut k = 0;
    while k < keys.len() {
        let cue = lexicon::SPORT_CUES[k].as_bytes();
        let mut hyphen = false;
        let mut i = 0;
        while i < cue.len() {
            hyphen |= cue[i] == b'-';
            i += 1;
        }
        if !hyphen {
            keys[k] = Some(WordKey::of(cue, false));
        }
        k += 1;
    }
    keys
}

/// What the words of a text in lower case (and a few capitalised ones) say (see
/// [`Resolver::lowercase_words`]).
#[derive(Default)]
struct LowerWords {
    /// Bit k: `lexicon::SPORT_CUES[k]` occurs (in lower case).
    sport_cues: u32,
    /// "Thanksgiving" occurs, in any case.
    thanksgiving: bool,
    /// Capitalised words that make the US state of Georgia likely ("Atlanta").
    us_cues: usize,
}

/// Country indices below this are marked in a bitmap on the stack (`mark`): all of them.
const MARKED_COUNTRIES: usize = 512;

/// Sets bit `i` of `bits` (none when out of range).
fn mark(bits: &mut [u64], i: usize) {
    if let Some(w) = bits.get_mut(i / 64) {
        *w |= 1u64 << (i % 64);
    }
}

/// The sum of the entries of `values` whose bits are set in `bits`, in index order: the
/// sum over all of `values` when the others are zero and the marked ones positive (adding
/// a zero leaves such a sum as it is; only the sign of an all-zero sum may differ).
fn sum_marked(values: &[f32], bits: &[u64]) -> f32 {
    let mut total = 0.0f32;
    for (k, &word) in bits.iter().enumerate() {
        let mut w = word;
        while w != 0 {
            total += values
                .get(k * 64 + w.trailing_zeros() as usize)
                .copied()
                .unwrap_or(0.0);
            w &= w - 1;
        }
    }
    total
}

/// Adds `w` to the sorted list `list` unless it is there.
fn add_to<'a>(list: &mut Vec<&'a [u8]>, w: &'a [u8]) {
    if let Err(k) = list.binary_search(&w) {
        list.insert(k, w);
    }
}

fn is_in(list: &[&[u8]], w: &[u8]) -> bool {
    list.binary_search(&w).is_ok()
}

/// The division a word before "of" and span `s` marks ("the southern province of
/// Narathiwat") when one of the span's readings is of that level, and whether that word
/// names a town ("the city of Queretaro"). Not a quarter of a city: "the Karrada district
/// of Baghdad", "the financial district of Tallinn".
fn word_before_of(toks: &Tokens<'_>, g: &Gazetteer, s: &Span<'_>) -> (Suffix, bool) {
    let joined_of = s.first >= 2
        && toks.joins_prev(s.first)
        && toks.joins_prev(s.first - 1)
        && toks.folded_bytes(&toks.list[s.first - 1]) == b"of";
    if !joined_of {
        return (Suffix::None, false);
    }
    let word = toks.folded_bytes(&toks.list[s.first - 2]);
    let town_word = matches!(word, b"city" | b"town" | b"village" | b"port");
    let quarter = s.first >= 3 && toks.joins_prev(s.first - 2) && {
        let t = &toks.list[s.first - 3];
        let before = toks.folded_bytes(t);
        t.upper && !matches!(before, b"the" | b"a")
            || matches!(
                before,
                b"financial"
                    | b"business"
                    | b"commercial"
                    | b"residential"
                    | b"diplomatic"
                    | b"shopping"
                    | b"historic"
                    | b"old"
            )
    };
    let suffix = if quarter {
        Suffix::None
    } else {
        suffix_of(lists_of_bytes(word))
    };
    let level = match suffix {
        Suffix::Admin1 => PlaceKind::Admin1,
        Suffix::Admin2 => PlaceKind::Admin2,
        Suffix::None => return (Suffix::None, town_word),
    };
    let fits = s
        .entries
        .iter()
        .any(|e| g.place(PlaceId(e.id)).kind == level);
    (if fits { suffix } else { Suffix::None }, town_word)
}

/// The division a suffix word marks ("region": first level, "district": second).
fn suffix_of(word: Lists) -> Suffix {
    if word.any(Lists::ADMIN1_SUFFIX) {
        Suffix::Admin1
    } else if word.any(Lists::ADMIN2_SUFFIX) {
        Suffix::Admin2
    } else {
        Suffix::None
    }
}

/// Buffers [`Resolver::resolve`] reuses from span to span.
struct Scratch {
    /// The context contributions of the span's name.
    own: Vec<(u16, f32)>,
    /// The span's readings with their scores.
    scored: Vec<(Entry, f32)>,
}

impl Scratch {
    /// Room for the readings of most names without growing.
    fn new() -> Scratch {
        Scratch {
            own: Vec::with_capacity(16),
            scored: Vec::with_capacity(16),
        }
    }
}

/// A run of tokens matching a gazetteer name.
struct Span<'g> {
    first: usize,
    last: usize,
    end: usize,
    entries: &'g [Entry],
    suffix: Suffix,
    /// The division the word after the span marks, if it joins the span ("Kharkiv
    /// region"): read with the trap filters' look at that word, used after them.
    next_suffix: Suffix,
    /// A word for a town comes before "of" and the span ("the central Mexican city of
    /// Queretaro"): the town before the state of its name.
    town_word: bool,
    /// A one-word span whose word also occurs in lower case in the text ("police ...
    /// Police"): set by [`Resolver::lowercase_words`].
    lower_word: bool,
    /// The span names a country or uses a demonym: set by [`Resolver::build_context`],
    /// which reads the readings for it anyway.
    names_country: bool,
}

pub struct Resolver<'g, 't> {
    g: &'g Gazetteer,
    toks: Tokens<'t>,
    spans: Vec<Span<'g>>,
    /// Country context: weight per country index, from every span; then (at the number
    /// of countries and up) the country context from countries named or referred to by
    /// demonym only (see [`Resolver::context`] and [`Resolver::strong`]): one list.
    weights: Vec<f32>,
    /// Sum of `strong`.
    strong_total: f32,
    /// "Georgia Tech" was seen: the text is about the US state.
    georgia_tech: bool,
    /// Capitalised words that make the US state of Georgia likely ("Atlanta").
    us_cues: usize,
    /// Byte offset of the end of the first line (the title).
    text_title_end: usize,
    /// Context contribution of every span as (name, country index, weight) in span order,
    /// the name being the address of its index entry: a repeated ambiguous name must not
    /// vouch for itself. A flat list: a text has few spans.
    by_name: Vec<(usize, u16, f32)>,
    /// The first-level divisions named with a suffix word ("the Donetsk region", "Harney
    /// County" in Oregon), as (country index, admin1 name): a town of one of them is
    /// supported as if its country were named.
    divisions: Vec<(u16, &'g str)>,
    /// Every first-level division some name of the text may be, as (name's index entry
    /// address as in `by_name`, country index, division name): a reading inside one that
    /// another name of the text may be is preferred ("Chhattisgarh's Bijapur district" is
    /// Chhattisgarh's Bijapur, not Karnataka's).
    admin1s: Vec<(usize, u16, &'g str)>,
}

impl<'g, 't> Resolver<'g, 't> {
    pub fn new(g: &'g Gazetteer, text: &'t str) -> Resolver<'g, 't> {
        Resolver::with_tokens(g, text, tokenize(text))
    }

    /// [`Resolver::new`] given `lower`, the text in ASCII lower case (same byte offsets).
    pub fn new_lowered(
        g: &'g Gazetteer,
        text: &'t str,
        lower: &'t str,
        masks: &[(u64, u64)],
    ) -> Resolver<'g, 't> {
        Resolver::with_tokens(g, text, tokenize_lowered(text, lower, masks))
    }

    fn with_tokens(g: &'g Gazetteer, text: &str, toks: Tokens<'t>) -> Resolver<'g, 't> {
        let mut r = Resolver {
            g,
            toks,
            spans: Vec::with_capacity(16),
            // filled by `build_context`
            weights: Vec::new(),
            strong_total: 0.0,
            georgia_tech: false,
            us_cues: 0,
            // (a byte search: a line break is one byte, never part of another character)
            text_title_end: memchr::memchr(b'\n', text.as_bytes()).unwrap_or(0),
            by_name: Vec::new(),
            divisions: Vec::new(),
            admin1s: Vec::new(),
        };
        // (one pass over the tokens for both)
        let (chains, uppers) = r.toks.shape_chains();
        r.match_spans(&uppers);
        r.filter_traps(&chains);
        r.build_context();
        r
    }

    /// Token `i` when it joins the previous one (see `Tokens::joins_prev`).
    fn joined(&self, i: usize) -> Option<&super::text::Token> {
        self.toks.list.get(i).filter(|_| self.toks.joins_prev(i))
    }

    fn folded(&self, i: usize) -> &str {
        self.toks
            .list
            .get(i)
            .map(|t| self.toks.folded(t))
            .unwrap_or("")
    }

    /// [`Resolver::folded`] as bytes: what the index and the word lists are asked about
    /// (no char-boundary checks).
    fn folded_bytes(&self, i: usize) -> &[u8] {
        self.toks
            .list
            .get(i)
            .map_or(&[][..], |t| self.toks.folded_bytes(t))
    }

    /// Longest gazetteer name starting at each upper-case token, left to right.
    /// `uppers`: the indices of the capitalised tokens (see `Tokens::shape_chains`).
    fn match_spans(&mut self, uppers: &[u32]) {
        let n = self.toks.list.len();
        // (bytes: the folded forms are read without char-boundary checks)
        let mut key: Vec<u8> = Vec::with_capacity(64);
        // the first token not yet taken into a span
        let mut next = 0;
        for &i in uppers {
            let i = i as usize;
            if i < next {
                continue;
            }
            let mut best: Option<(usize, &'g [Entry])> = None;
            key.clear();
            let mut j = i;
            while j < n && j - i < self.g.max_tokens {
                if j > i {
                    let t = &self.toks.list[j];
                    if !self.toks.joins_prev(j)
                        || !t.upper
                            && !lists_of_bytes(self.toks.folded_bytes(t))
                                .any(Lists::CONNECTOR.or(Lists::SUFFIX))
                    {
                        break;
                    }
                    if j == i + 1 {
                        key.extend_from_slice(self.toks.folded_bytes(&self.toks.list[i]));
                    }
                    key.push(b' ');
                    key.extend_from_slice(self.toks.folded_bytes(t));
                }
                // a one-word name is looked up as it is, without a copy
                let name = if j == i {
                    self.toks.folded_bytes(&self.toks.list[i])
                } else {
                    key.as_slice()
                };
                let (found, longer) = self.g.index.probe(name);
                if let Some(es) = found {
                    best = Some((j, es));
                }
                // no key goes on past these words: no longer run can match
                if !longer {
                    break;
                }
                j += 1;
            }
            match best {
                Some((last, entries)) => {
                    let end = self.toks.list[last].end;
                    // "Kangpokpi district" may itself be a gazetteer name
                    let suffix = if last == i {
                        Suffix::None
                    } else {
                        suffix_of(lists_of_bytes(self.folded_bytes(last)))
                    };
                    self.spans.push(Span {
                        first: i,
                        last,
                        end,
                        entries: &entries[..entries.len().min(MAX_CANDIDATES)],
                        suffix,
                        next_suffix: Suffix::None,
                        town_word: false,
                        lower_word: false,
                        names_country: false,
                    });
                    next = last + 1;
                }
                None => next = i + 1,
            }
        }
    }

    /// "Somali forces": a demonym reading wins over a homonymous place unless a division
    /// suffix follows ("Somali region").
    fn is_demonym_only(s: &Span) -> bool {
        s.suffix == Suffix::None && s.entries.iter().any(|e| e.flags & DEMONYM != 0)
    }

    /// Drops spans that are common words, people or sport teams; notes division suffixes.
    /// `chains`: the tokens' shape chains (see `Tokens::shape_chains`).
    fn filter_traps(&mut self, chains: &ShapeChains) {
        let lower = self.lowercase_words(chains);
        let us_cues = lower.us_cues;
        let thanksgiving = lower.thanksgiving;
        let sport = lower.sport_cues.count_ones() >= 3;
        let title_end = self.text_title_end;
        // "Jordan Closes Border Crossing": in a title-case headline capitals mean nothing
        // (words of four letters or more, capitalised ones) in the title
        // (counted when first asked: most spans are dropped or kept before)
        let title_case = std::cell::OnceCell::new();
        let in_caps_title = |t: &super::text::Token| {
            t.start < title_end
                && *title_case.get_or_init(|| {
                    let (title_words, title_upper) = self
                        .toks
                        .list
                        .iter()
                        .take_while(|t| t.start < title_end)
                        .filter(|t| t.end - t.start >= 4)
                        .fold((0usize, 0usize), |(n, u), t| {
                            (n + 1, u + usize::from(t.upper))
                        });
                    title_words >= 3 && title_upper * 5 >= title_words * 3
                })
        };
        // token k is part of a prominent name (asked of few tokens: no table of all)
        let covered = |k: usize| {
            self.spans
                .iter()
                .any(|s| s.first <= k && k <= s.last && self.prominent(s))
        };
        // a handful of words as a rule: sorted lists, not hashed sets
        let mut persons: Vec<&[u8]> = Vec::new();
        let mut teams: Vec<&[u8]> = Vec::new();
        // whether each span is kept, and the division the word after it marks (one list)
        let mut marks = vec![(true, Suffix::None); self.spans.len()];
        for (k, s) in self.spans.iter().enumerate() {
            let single = s.first == s.last;
            // (the words as bytes: read without char-boundary checks)
            let w = self.folded_bytes(s.first);
            let tok = self.toks.list[s.first];
            let next = self.joined(s.last + 1);
            let next_w = next.map_or(&[][..], |t| self.toks.folded_bytes(t));
            let next_upper = next.is_some_and(|t| t.upper);
            let (joins_prev, sentence_start) = self.toks.joins_and_starts(s.first);
            let prev = if s.first > 0 && joins_prev {
                self.toks.list.get(s.first - 1)
            } else {
                None
            };
            let prev_w = prev.map_or(&[][..], |t| self.toks.folded_bytes(t));
            let prev_any = if s.first > 0 && !sentence_start {
                self.folded_bytes(s.first - 1)
            } else {
                b""
            };
            // the lists of the name's first word, of the next and of the previous word
            let lw = lists_of_bytes(w);
            let ln = lists_of_bytes(next_w);
            marks[k].1 = suffix_of(ln);
            let lp = if single {
                lists_of_bytes(prev_w)
            } else {
                Lists::NONE
            };
            // (a name of several capitalised words that a million people live in is that
            // place: "West Bank"; "Western Province" is one of many)
            let all_common = lw.any(Lists::NEVER)
                && (s.first + 1..=s.last)
                    .all(|i| lists_of_bytes(self.folded_bytes(i)).any(Lists::NEVER))
                && (single || !self.populous_name(s));
            let place_follower = ln.any(Lists::PLACE_WORD);
            // a common word: "Police said", "the Sale", "turkey ... Turkey sales"
            let common_word = all_common
                || single
                    && if lw.any(Lists::AMBIGUOUS) {
                        sentence_start || !lists_of_bytes(prev_any).any(Lists::PLACE_PREPOSITION)
                    } else {
                        s.lower_word || w == b"turkey" && thanksgiving
                    };
            let drop = if common_word {
                true
            } else if next_upper
                && (ln.any(Lists::SPORT_FOLLOWER)
                    || sport && next_w.ends_with(b"s") && !place_follower)
            {
                add_to(&mut teams, w);
                true
            } else if single && lp.any(Lists::TITLE) {
                add_to(&mut persons, w);
                if next_upper {
                    add_to(&mut persons, next_w);
                }
                true
            } else if single
                && !in_caps_title(&tok)
                && lw.any(Lists::FIRST_NAME)
                && next_upper
                && !place_follower
                && !self.starts_place(s.last + 1)
            {
                add_to(&mut persons, w);
                add_to(&mut persons, next_w);
                true
            } else if single
                && !in_caps_title(&tok)
                && prev.is_some_and(|p| p.upper)
                && !covered(s.first - 1)
                && !lp.any(Lists::NEVER.or(Lists::PLACE_PREFIX).or(Lists::TITLE))
                && !place_follower
                && !self.prominent(s)
            {
                // "Ian Blackwood", "Ray Santos": a surname, not the town
                true
            } else if next_upper
                && tok.start >= title_end
                && !self.place_word_follows(s.last + 1)
                && !self.prominent(s)
                && !self.starts_place(s.last + 1)
            {
                // "Riverside Courier", "Jean-Baptiste Bisimwa": part of a longer name
                true
            } else if single && sport && !self.prominent(s) {
                // sports reports name teams by their towns ("at home against Denver")
                true
            } else {
                false
            };
            marks[k].0 = !drop;
        }
        // a name once used for a person or a team stays one in this text
        for (k, s) in self.spans.iter().enumerate() {
            let w = self.folded_bytes(s.first);
            if s.first == s.last && (is_in(&persons, w) || is_in(&teams, w) && sport) {
                let next = self.joined(s.last + 1);
                let next_w = next.map_or(&[][..], |t| self.toks.folded_bytes(t));
                if !lists_of_bytes(next_w).any(Lists::PLACE_FOLLOWER) {
                    marks[k].0 = false;
                }
            }
        }
        self.georgia_tech = is_in(&teams, b"georgia");
        self.us_cues = us_cues;
        for (s, mark) in self.spans.iter_mut().zip(&marks) {
            s.next_suffix = mark.1;
        }
        let mut k = 0;
        self.spans.retain(|_| {
            k += 1;
            marks[k - 1].0
        });
        // "Kharkiv region", "Bannu district": the suffix picks the division
        for s in self.spans.iter_mut() {
            // (a suffix word is one that joins the span)
            if let Some(t) = self
                .toks
                .list
                .get(s.last + 1)
                .filter(|_| s.next_suffix != Suffix::None)
            {
                let suffix = s.next_suffix;
                let has_kind = |kinds: &[PlaceKind]| {
                    s.entries
                        .iter()
                        .any(|e| kinds.contains(&self.g.place(PlaceId(e.id)).kind))
                };
                let fits = match suffix {
                    Suffix::Admin1 => has_kind(&[PlaceKind::Admin1, PlaceKind::Admin2]),
                    Suffix::Admin2 => has_kind(&[PlaceKind::Admin2, PlaceKind::Admin1]),
                    Suffix::None => false,
                };
                if fits {
                    s.suffix = suffix;
                    s.end = t.end;
                }
            }
            // "the southern province of Narathiwat", "the state of Kaduna", "the city of
            // Queretaro": the word before "of" picks the division or the town as well
            if s.suffix == Suffix::None {
                let (suffix, town_word) = word_before_of(&self.toks, self.g, s);
                s.suffix = suffix;
                s.town_word = town_word;
            }
        }
    }

    /// Which of the words that matter here (single-word names, sport cues, "thanksgiving")
    /// also occur in lower case in the text: "police ... Police" is a common word (marked
    /// on the spans); and the capitalised US cues. Each word is looked for along the one
    /// chain of tokens of its shape and case (one pass chains them), not by asking every
    /// token about every word.
    fn lowercase_words(&mut self, chains: &ShapeChains) -> LowerWords {
        let toks = &self.toks;
        let any = |w: &[u8], upper: bool| toks.count_of(chains, w, upper, 1) > 0;
        let mut out = LowerWords::default();
        for (k, (cue, key)) in lexicon::SPORT_CUES.iter().zip(&SPORT_CUE_KEYS).enumerate() {
            if key.is_some_and(|key| toks.count_keyed(chains, cue.as_bytes(), key, 1) > 0) {
                out.sport_cues |= 1u32 << k;
            }
        }
        for cue in lexicon::US_CUES {
            out.us_cues += toks.count_of(chains, cue.as_bytes(), true, usize::MAX);
        }
        let thanksgiving_upper = any(THANKSGIVING, true);
        out.thanksgiving = thanksgiving_upper || any(THANKSGIVING, false);
        for s in self.spans.iter_mut().filter(|s| s.first == s.last) {
            let w = toks
                .list
                .get(s.first)
                .map_or(&[][..], |t| toks.folded_bytes(t));
            // (a capitalised "Thanksgiving" counts for the word as well)
            s.lower_word = any(w, false) || w == THANKSGIVING && thanksgiving_upper;
        }
        out
    }

    /// "Debre Markos Referral Hospital": a place word among the next capitalised words
    /// makes the run a facility in the place, not a name that merely contains it.
    fn place_word_follows(&self, i: usize) -> bool {
        self.toks
            .list
            .iter()
            .enumerate()
            .skip(i)
            .take(4)
            .take_while(|(k, t)| t.upper && self.toks.joins_prev(*k))
            .any(|(_, t)| lists_of_bytes(self.toks.folded_bytes(t)).any(Lists::PLACE_WORD))
    }

    /// A country, a division by its main name, or a city of a million: never a surname.
    /// Whether the span of several words names a place of a million people or more by
    /// its own name, and does not end in a word of many divisions' names ("Province").
    fn populous_name(&self, s: &Span) -> bool {
        const GENERIC: [&[u8]; 6] = [
            b"province",
            b"region",
            b"district",
            b"division",
            b"state",
            b"county",
        ];
        !GENERIC.contains(&self.folded_bytes(s.last))
            && s.entries
                .iter()
                .any(|e| e.flags == 0 && self.g.place(PlaceId(e.id)).population >= 1_000_000)
    }

    fn prominent(&self, s: &Span) -> bool {
        s.entries.iter().any(|e| {
            let p = self.g.place(PlaceId(e.id));
            p.kind == PlaceKind::Country && e.flags & DEMONYM == 0
                || e.flags == 0 && (p.kind == PlaceKind::Admin1 || p.population >= 1_000_000)
        })
    }

    /// Whether a gazetteer name (not a given name) starts at token `i`.
    fn starts_place(&self, i: usize) -> bool {
        let w = self.folded_bytes(i);
        !w.is_empty()
            && !lists_of_bytes(w).any(Lists::FIRST_NAME)
            && self.g.index.get_bytes(w).is_some_and(|es| {
                es.iter().any(|e| {
                    e.flags == 0
                        && matches!(
                            self.g.place(PlaceId(e.id)).kind,
                            PlaceKind::Country | PlaceKind::Admin1
                        )
                })
            })
    }

    /// What each span says about which countries the text is about.
    /// Fills `out` with (country index, weight) for each country the span speaks for;
    /// returns whether the span names a country or uses a demonym (then `out` holds those
    /// readings' countries).
    fn contribution(&self, s: &Span, out: &mut Vec<(u16, f32)>) -> bool {
        out.clear();
        out.extend(
            s.entries
                .iter()
                .filter(|e| {
                    e.flags & DEMONYM != 0 || self.g.place(PlaceId(e.id)).kind == PlaceKind::Country
                })
                .map(|e| (self.g.country_index_of(e.id), 0.0)),
        );
        if !out.is_empty() {
            let demonym = Self::is_demonym_only(s);
            let w = if demonym { 0.7 } else { 1.0 } / out.len() as f32;
            for x in out.iter_mut() {
                x.1 = w;
            }
            return true;
        }
        // the distinct countries of all readings, in order
        out.extend(
            s.entries
                .iter()
                .map(|e| (self.g.country_index_of(e.id), 0.0)),
        );
        out.sort_unstable_by_key(|x| x.0);
        out.dedup_by_key(|x| x.0);
        let w = 0.5 / out.len().max(1) as f32;
        for x in out.iter_mut() {
            x.1 = w;
        }
        false
    }

    fn build_context(&mut self) {
        let mut weights = vec![0.0f32; 2 * self.g.countries.len()];
        let (ctx, strong) = weights.split_at_mut(self.g.countries.len());
        let mut by_name: Vec<(usize, u16, f32)> = Vec::with_capacity(2 * self.spans.len());
        let mut contrib: Vec<(u16, f32)> = Vec::with_capacity(16);
        // the countries with strong context, as bits on the stack: their total is summed
        // over them alone, not over every country
        let mut strong_ones = [0u64; MARKED_COUNTRIES / 64];
        for k in 0..self.spans.len() {
            let s = &self.spans[k];
            let named = self.contribution(s, &mut contrib);
            let name = s.entries.as_ptr() as usize;
            self.spans[k].names_country = named;
            by_name.extend(contrib.iter().map(|&(c, w)| (name, c, w)));
            for &(c, w) in &contrib {
                if let Some(x) = ctx.get_mut(c as usize) {
                    *x += w;
                }
                if named {
                    if let Some(x) = strong.get_mut(c as usize) {
                        *x += w;
                        mark(&mut strong_ones, c as usize);
                    }
                }
            }
        }
        // "Georgia Tech", "Atlanta": the US state, not the country
        if let Some(us) = self.g.us {
            let cues = self.us_cues + 2 * usize::from(self.georgia_tech);
            ctx[us] += 0.5 * cues as f32;
            strong[us] += 0.5 * cues as f32;
            mark(&mut strong_ones, us);
        }
        self.strong_total = if strong.len() <= MARKED_COUNTRIES {
            sum_marked(strong, &strong_ones)
        } else {
            strong.iter().sum::<f32>()
        };
        self.weights = weights;
        self.by_name = by_name;
        self.divisions = self
            .spans
            .iter()
            .filter_map(|s| self.named_division(s))
            .collect();
        let g: &'g Gazetteer = self.g;
        self.admin1s = self
            .spans
            .iter()
            .flat_map(|s| {
                s.entries
                    .iter()
                    .map(move |e| (s.entries.as_ptr() as usize, e))
            })
            .filter(|(_, e)| e.flags & DEMONYM == 0)
            .map(|(name, e)| (name, e.id, g.place(PlaceId(e.id))))
            .filter(|(_, _, p)| p.kind == PlaceKind::Admin1)
            .map(|(name, id, p)| (name, g.country_index_of(id), p.name.as_str()))
            .collect();
    }

    /// The country context of country index `c` (0 for an unknown index).
    fn context(&self, c: usize) -> f32 {
        let n = self.g.countries.len();
        self.weights
            .get(..n)
            .and_then(|w| w.get(c))
            .copied()
            .unwrap_or(0.0)
    }

    /// The context of country index `c` from countries named or referred to by demonym
    /// only (0 for an unknown index).
    fn strong(&self, c: usize) -> f32 {
        let n = self.g.countries.len();
        self.weights
            .get(n..)
            .and_then(|w| w.get(c))
            .copied()
            .unwrap_or(0.0)
    }

    /// The first-level division (country index, admin1 name) a span names with its suffix
    /// word, when the readings of the level the suffix marks all lie in one: "Donetsk
    /// region" is Donetsk Oblast, not also a nameless Russian district of that name;
    /// "Harney County" lies in Oregon. ("South Pacific regions" names no Pacific County.)
    #[inline]
    fn named_division(&self, s: &Span) -> Option<(u16, &'g str)> {
        let g: &'g Gazetteer = self.g;
        let level = match s.suffix {
            Suffix::None => return None,
            Suffix::Admin1 => PlaceKind::Admin1,
            Suffix::Admin2 => PlaceKind::Admin2,
        };
        let mut fitting = s
            .entries
            .iter()
            .filter(|e| e.flags & DEMONYM == 0 && g.place(PlaceId(e.id)).kind == level)
            .map(|e| {
                Some((
                    g.country_index_of(e.id),
                    g.place(PlaceId(e.id)).admin1.as_deref()?,
                ))
            });
        let first = fitting.next()??;
        fitting.all(|d| d == Some(first)).then_some(first)
    }

    /// Whether the words of span `s` are place `p`'s name without its last word, a
    /// division's generic word ("North Waziristan" of "North Wazīristān District"; the
    /// words that mark a division after a name, and "Agency" of Pakistan's former tribal
    /// agencies).
    fn names_but_suffix(&self, s: &Span, p: &super::Place) -> bool {
        let name = super::text::key_of(&p.name);
        name.rsplit_once(' ').is_some_and(|(head, last)| {
            (lists_of(last).any(Lists::SUFFIX) || last == "agency")
                && head.split(' ').count() == s.last + 1 - s.first
                && head
                    .split(' ')
                    .zip(s.first..=s.last)
                    .all(|(w, i)| w == self.folded(i))
        })
    }

    /// The bonus of a reading of name `name` (its index entry address) that lies inside a
    /// first-level division another name of the text may be ("Nabatieh" does not vouch
    /// for its own town reading; a country's name gets no bonus: "Mexico's Guanajuato
    /// state" filed from MEXICO CITY is not Mexico City).
    fn within_named_admin1(&self, name: usize, e: &Entry, c: u16) -> f32 {
        let p = self.g.place(PlaceId(e.id));
        let inside = p.kind != PlaceKind::Admin1
            && p.admin1.as_deref().is_some_and(|a| {
                self.admin1s
                    .iter()
                    .any(|d| d.0 != name && d.1 == c && d.2 == a)
            });
        if inside {
            1.5
        } else {
            0.0
        }
    }

    fn prior(&self, e: &Entry, suffix: Suffix, town_word: bool) -> f32 {
        // (base, weight of the log population) per kind, in `PlaceKind` order: read from
        // a table, not a jump (which the kinds of a name's readings mispredict)
        const KIND_PRIOR: [(f32, f32); 4] = [(3.5, 0.05), (2.0, 0.1), (1.0, 0.1), (0.0, 0.45)];
        // the bonus of each kind (in `PlaceKind` order) after a suffix word, per suffix
        const SUFFIX_BONUS: [[f32; 4]; 3] = [
            [0.0; 4],
            // "the Kyiv region" is the oblast around the city, not "Kyiv City" (below)
            [0.0, 4.0, 1.0, 0.0],
            [0.0, 2.0, 4.0, 0.0],
        ];
        let p = self.g.place(PlaceId(e.id));
        let pop = self.g.log_population(e.id);
        let (base, weight) = KIND_PRIOR[p.kind as usize];
        // (a city's base is 0: the sum is the weighted population itself)
        let mut s = base + weight * pop;
        if e.flags != 0 {
            s -= 0.3;
        } else if p.kind == PlaceKind::City && suffix == Suffix::None {
            // "Kherson" is the city before it is the oblast's short name
            s += 1.0;
        }
        let city_oblast =
            suffix == Suffix::Admin1 && p.kind == PlaceKind::Admin1 && p.name.ends_with(" City");
        s += if city_oblast {
            2.0
        } else {
            SUFFIX_BONUS[suffix as usize][p.kind as usize]
        };
        if town_word && p.kind == PlaceKind::City {
            s += 4.0;
        }
        s
    }

    /// The best entry of a span with its score margin and whether it was put before a
    /// small namesake, or None if the span should not yield a place (demonyms, weak
    /// small-town readings).
    fn resolve(&self, s: &Span, scratch: &mut Scratch) -> Option<(u32, f32, bool)> {
        let name = s.entries.as_ptr() as usize;
        // the contributions of this span's name, in span order: picked once, not once
        // per reading
        let Scratch {
            own: own_list,
            scored,
        } = scratch;
        own_list.clear();
        own_list.extend(
            self.by_name
                .iter()
                .filter(|x| x.0 == name)
                .map(|x| (x.1, x.2)),
        );
        let own_list: &[(u16, f32)] = own_list;
        let own = || own_list.iter().copied();
        let names_country = s.names_country;
        scored.clear();
        scored.extend(
            s.entries
                .iter()
                .filter(|e| e.flags & DEMONYM == 0)
                .map(|e| {
                    let c = self.g.country_index_of(e.id);
                    let own_c: f32 = own().filter(|x| x.0 == c).map(|x| x.1).sum();
                    let ctx = (self.context(c as usize) - own_c).max(0.0);
                    (
                        *e,
                        self.prior(e, s.suffix, s.town_word)
                            + CONTEXT_WEIGHT * ctx.min(2.0)
                            + if names_country {
                                0.0
                            } else {
                                self.within_named_admin1(name, e, c)
                            },
                    )
                }),
        );
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        // a city of millions beats a small namesake that a country named elsewhere in the
        // text put first ("Blinken arrived in Cairo": not Cairo, Georgia), unless the
        // small one's state or province is named too ("Paris, Texas")
        // (the text is searched for the state only when there is such a rival)
        // (a reading put first so is never weak: its namesake is the weaker reading)
        let mut promoted = None;
        if let Some((top, _)) = scored.first() {
            let small = self.g.place(PlaceId(top.id));
            // (or a city of more than 150,000 that is eight times as large, by an English
            // name too: "Rubio met Ukrainian officials in Geneva" is not Geneva, Illinois)
            // (and a country by its own name: "Grenada", "Lebanon" are not towns of
            // Mississippi and Pennsylvania)
            let big = || {
                scored.iter().position(|(e, _)| {
                    let p = self.g.place(PlaceId(e.id));
                    e.flags == 0 && p.kind == PlaceKind::Country
                        || p.kind == PlaceKind::City
                            && (e.flags == 0 && p.population >= 1_000_000
                                || e.flags & DEMONYM == 0
                                    && p.population >= 150_000
                                    && p.population >= 8 * small.population)
                })
            };
            // so does a far larger first-level division of the town's country named
            // exactly so ("Police in Oregon": the state, not Oregon, Ohio; "Sagaing" in
            // Sagaing Region and Ramallah stay the towns)
            let state = || {
                scored.iter().position(|(e, _)| {
                    let p = self.g.place(PlaceId(e.id));
                    e.flags == 0
                        && p.kind == PlaceKind::Admin1
                        && p.country == small.country
                        && p.population >= 30 * small.population.max(1)
                        && small.admin1.as_deref() != Some(p.name.as_str())
                })
            };
            if small.kind == PlaceKind::City && small.population < 100_000 {
                if let Some(i) = big().or_else(state).filter(|_| {
                    !small
                        .admin1
                        .as_deref()
                        .is_some_and(|a| self.toks.text().contains(a))
                }) {
                    let big = scored.remove(i);
                    promoted = Some(big.0.id);
                    scored.insert(0, big);
                }
            }
        }
        let own_strong = |c: usize| -> f32 {
            if names_country {
                own().filter(|x| x.0 as usize == c).map(|x| x.1).sum()
            } else {
                0.0
            }
        };
        let single = s.first == s.last;
        // A name every reading of which lies in one country, and that names both a
        // first-level division and its city ("Zaporizhzhia", "Kharkiv", "Lagos",
        // "Kandahar", "Kherson" at 66,000 in GeoNames), is that city even with no country
        // in the text, or only another one ("Russian forces shelled Kherson").
        let readings = || {
            s.entries
                .iter()
                .filter(|e| e.flags & DEMONYM == 0)
                .map(|e| self.g.place(PlaceId(e.id)))
        };
        let region_city = |p: &super::Place| -> bool {
            p.kind == PlaceKind::City
                && p.population >= 20_000
                && readings().all(|r| r.country == p.country)
                && readings().any(|r| {
                    r.kind == PlaceKind::Admin1 && p.admin1.as_deref() == Some(r.name.as_str())
                })
        };
        let weak = |e: &Entry| -> bool {
            if promoted == Some(e.id) {
                return false;
            }
            let p = self.g.place(PlaceId(e.id));
            let c = self.g.country_index_of(e.id) as usize;
            let mine = own_strong(c);
            let supported = self.strong(c) - mine > 0.01
                || p.kind != PlaceKind::Admin1
                    && p.admin1.as_deref().is_some_and(|a| {
                        self.divisions.iter().any(|d| d.0 as usize == c && d.1 == a)
                    })
                    && s.suffix == Suffix::None;
            let any_strong = self.strong_total - mine > 0.01;
            let alias = e.flags != 0;
            match p.kind {
                // a second-level division needs its suffix or its full multi-word name
                // ("North Waziristan" of "North Waziristan District" is that name)
                PlaceKind::Admin2 => {
                    s.suffix == Suffix::None
                        && (single || alias && !self.names_but_suffix(s, p) || !supported)
                }
                PlaceKind::Admin1 => {
                    !supported && s.suffix == Suffix::None && single && (alias || any_strong)
                }
                PlaceKind::City => {
                    !supported
                        && !region_city(p)
                        && (single
                            && (alias && p.population < 1_000_000
                                || p.population < 50_000
                                || any_strong && p.population < 200_000)
                            || any_strong && p.population < 50_000)
                }
                PlaceKind::Country => false,
            }
        };
        let k = scored.iter().position(|(e, _)| !weak(e))?;
        let (chosen, score) = scored[k];
        let rival = scored
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != k)
            .map(|(_, x)| x.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let margin = if rival.is_finite() {
            score - rival
        } else {
            10.0
        };
        // (a reading put before its namesake is at least a toss-up, as the score promises)
        let margin = if promoted == Some(chosen.id) {
            margin.max(0.0)
        } else {
            margin
        };
        Some((
            chosen.id,
            1.0 / (1.0 + (-margin).exp()),
            promoted == Some(chosen.id) && self.g.place(PlaceId(chosen.id)).kind == PlaceKind::City,
        ))
    }

    pub fn places(&self) -> Vec<PlaceMention> {
        let mut scratch = Scratch::new();
        let mut out = Vec::with_capacity(self.spans.len());
        out.extend(
            self.spans
                .iter()
                .filter(|s| !Self::is_demonym_only(s))
                .filter_map(|s| {
                    let (id, score, over_namesake) = self.resolve(s, &mut scratch)?;
                    Some(PlaceMention {
                        start: self.toks.list[s.first].start,
                        end: s.end,
                        place: PlaceId(id),
                        score,
                        over_namesake,
                    })
                }),
        );
        out
    }

    /// (start, end, country index, by demonym) of every country reference.
    pub fn countries(&self) -> Vec<(usize, usize, u16, bool)> {
        let mut out = Vec::new();
        let mut scratch = Scratch::new();
        for s in &self.spans {
            let start = self.toks.list[s.first].start;
            if Self::is_demonym_only(s) {
                if let Some(e) = s.entries.first() {
                    out.push((start, s.end, self.g.country_index_of(e.id), true));
                }
                continue;
            }
            if let Some((id, ..)) = self.resolve(s, &mut scratch) {
                if self.g.place(PlaceId(id)).kind == PlaceKind::Country {
                    out.push((start, s.end, self.g.country_index_of(id), false));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_over_the_marked_entries_is_the_sum_over_all() {
        let mut values = vec![0.0f32; 300];
        let mut bits = [0u64; MARKED_COUNTRIES / 64];
        // uneven shares, added in any order, at indices across the words of the bitmap
        for (i, w) in [
            (7, 0.7 / 3.0),
            (250, 0.5),
            (63, 1.0 / 3.0),
            (64, 0.1),
            (7, 0.2),
        ] {
            values[i] += w;
            mark(&mut bits, i);
        }
        mark(&mut bits, 299);
        let all: f32 = values.iter().sum();
        assert_eq!(sum_marked(&values, &bits).to_bits(), all.to_bits());
        assert_eq!(sum_marked(&values, &[0; 8]), 0.0);
        // an index past the bitmap marks nothing
        let before = bits;
        mark(&mut bits, MARKED_COUNTRIES);
        assert_eq!(bits, before);
    }
}
