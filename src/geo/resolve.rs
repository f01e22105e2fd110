//! Finds place names in a text and resolves each to one gazetteer entry: one pass over
//! the tokens with the folded-name index, trap filters (common words, people, sport
//! teams), then a choice among homonyms weighed by the countries the whole text names.

use std::collections::HashSet;

use super::data::{Entry, DEMONYM};
use super::lexicon::{self, contains};
use super::text::{tokenize, Tokens};
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

/// A run of tokens matching a gazetteer name.
struct Span<'g> {
    first: usize,
    last: usize,
    end: usize,
    entries: &'g [Entry],
    suffix: Suffix,
}

pub struct Resolver<'g> {
    g: &'g Gazetteer,
    toks: Tokens,
    spans: Vec<Span<'g>>,
    /// Country context: weight per country index.
    context: Vec<f32>,
}

impl<'g> Resolver<'g> {
    pub fn new(g: &'g Gazetteer, text: &str) -> Resolver<'g> {
        let toks = tokenize(text);
        let mut r = Resolver {
            g,
            toks,
            spans: Vec::new(),
            context: vec![0.0; g.countries.len()],
        };
        r.match_spans();
        r.filter_traps();
        r.build_context();
        r
    }

    fn folded(&self, i: usize) -> &str {
        self.toks
            .list
            .get(i)
            .map(|t| self.toks.folded(t))
            .unwrap_or("")
    }

    /// Longest gazetteer name starting at each upper-case token, left to right.
    fn match_spans(&mut self) {
        let n = self.toks.list.len();
        let mut key = String::with_capacity(64);
        let mut i = 0;
        while i < n {
            if !self.toks.list[i].upper {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, &'g [Entry])> = None;
            key.clear();
            let mut j = i;
            while j < n && j - i < self.g.max_tokens {
                if j > i {
                    if !self.toks.list[j].joins_prev {
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(self.toks.folded(&self.toks.list[j]));
                if let Some(es) = self.g.index.get(key.as_str()) {
                    best = Some((j, es.as_slice()));
                }
                j += 1;
            }
            match best {
                Some((last, entries)) => {
                    let end = self.toks.list[last].end;
                    self.spans.push(Span {
                        first: i,
                        last,
                        end,
                        entries: &entries[..entries.len().min(MAX_CANDIDATES)],
                        suffix: Suffix::None,
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
    }

    fn is_demonym_only(s: &Span) -> bool {
        s.entries.iter().all(|e| e.flags & DEMONYM != 0)
    }

    /// Drops spans that are common words, people or sport teams; notes division suffixes.
    fn filter_traps(&mut self) {
        let lower: HashSet<&str> = self
            .toks
            .list
            .iter()
            .filter(|t| !t.upper)
            .map(|t| self.toks.folded(t))
            .collect();
        let thanksgiving = self
            .toks
            .list
            .iter()
            .any(|t| self.toks.folded(t) == "thanksgiving");
        let mut persons: HashSet<String> = HashSet::new();
        let mut keep = vec![true; self.spans.len()];
        for (k, s) in self.spans.iter().enumerate() {
            let single = s.first == s.last;
            let w = self.folded(s.first);
            let tok = self.toks.list[s.first];
            let next = self.toks.list.get(s.last + 1).filter(|t| t.joins_prev);
            let next_w = next.map(|t| self.toks.folded(t)).unwrap_or("");
            let next_upper = next.is_some_and(|t| t.upper);
            let prev_w = if s.first > 0 && tok.joins_prev {
                self.folded(s.first - 1)
            } else {
                ""
            };
            let prev_any = if s.first > 0 && !tok.sentence_start {
                self.folded(s.first - 1)
            } else {
                ""
            };
            let drop = if single && contains(lexicon::NEVER, w) {
                true
            } else if single && contains(lexicon::AMBIGUOUS, w) {
                tok.sentence_start || !contains(lexicon::PLACE_PREPOSITIONS, prev_any)
            } else if single && lower.contains(w) {
                true
            } else if single && w == "turkey" && thanksgiving {
                true
            } else if next_upper && contains(lexicon::SPORT_FOLLOWERS, next_w) {
                true
            } else if contains(lexicon::TITLES, prev_w)
                && !contains(lexicon::PLACE_PREPOSITIONS, prev_w)
            {
                true
            } else if single
                && contains(lexicon::FIRST_NAMES, w)
                && next_upper
                && !contains(lexicon::PLACE_FOLLOWERS, next_w)
                && !contains(lexicon::ADMIN1_SUFFIXES, next_w)
                && !contains(lexicon::ADMIN2_SUFFIXES, next_w)
                && !self.starts_place(s.last + 1)
            {
                persons.insert(w.to_string());
                true
            } else {
                false
            };
            keep[k] = !drop;
        }
        // a given name once used for a person stays a person in this text
        for (k, s) in self.spans.iter().enumerate() {
            if s.first == s.last && persons.contains(self.folded(s.first)) {
                let next = self.toks.list.get(s.last + 1).filter(|t| t.joins_prev);
                let next_w = next.map(|t| self.toks.folded(t)).unwrap_or("");
                if !contains(lexicon::PLACE_FOLLOWERS, next_w) {
                    keep[k] = false;
                }
            }
        }
        let mut k = 0;
        self.spans.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        // "Kharkiv region", "Bannu district": the suffix picks the division
        for s in self.spans.iter_mut() {
            if let Some(t) = self.toks.list.get(s.last + 1).filter(|t| t.joins_prev) {
                let w = self.toks.folded(t);
                let suffix = if contains(lexicon::ADMIN1_SUFFIXES, w) {
                    Suffix::Admin1
                } else if contains(lexicon::ADMIN2_SUFFIXES, w) {
                    Suffix::Admin2
                } else {
                    Suffix::None
                };
                let has_kind = |kinds: &[PlaceKind]| {
                    s.entries
                        .iter()
                        .any(|e| kinds.contains(&self.g.place(PlaceId(e.id)).kind))
                };
                let fits = match suffix {
                    Suffix::Admin1 => has_kind(&[PlaceKind::Admin1]),
                    Suffix::Admin2 => has_kind(&[PlaceKind::Admin2, PlaceKind::Admin1]),
                    Suffix::None => false,
                };
                if fits {
                    s.suffix = suffix;
                    s.end = t.end;
                }
            }
        }
    }

    /// Whether a gazetteer name (not a given name) starts at token `i`.
    fn starts_place(&self, i: usize) -> bool {
        let w = self.folded(i);
        !w.is_empty()
            && !contains(lexicon::FIRST_NAMES, w)
            && self.g.index.get(w).is_some_and(|es| {
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
    fn contribution(&self, s: &Span) -> Vec<(u16, f32)> {
        let mut out: Vec<(u16, f32)> = Vec::new();
        let countries: Vec<u16> = s
            .entries
            .iter()
            .filter(|e| {
                e.flags & DEMONYM != 0 || self.g.place(PlaceId(e.id)).kind == PlaceKind::Country
            })
            .map(|e| self.g.country_index_of(e.id))
            .collect();
        if !countries.is_empty() {
            let demonym = Self::is_demonym_only(s);
            let w = if demonym { 0.7 } else { 1.0 } / countries.len() as f32;
            for c in countries {
                out.push((c, w));
            }
            return out;
        }
        let mut distinct: Vec<u16> = s
            .entries
            .iter()
            .map(|e| self.g.country_index_of(e.id))
            .collect();
        distinct.sort_unstable();
        distinct.dedup();
        let w = 0.5 / distinct.len().max(1) as f32;
        distinct.into_iter().map(|c| (c, w)).collect()
    }

    fn build_context(&mut self) {
        let mut ctx = vec![0.0f32; self.g.countries.len()];
        for s in &self.spans {
            for (c, w) in self.contribution(s) {
                if let Some(x) = ctx.get_mut(c as usize) {
                    *x += w;
                }
            }
        }
        // "Georgia Tech", "Atlanta": the US state, not the country
        if let Some(us) = self.g.countries.iter().position(|c| c.alpha2 == "US") {
            let cues = self
                .toks
                .list
                .iter()
                .filter(|t| t.upper && contains(lexicon::US_CUES, self.toks.folded(t)))
                .count();
            ctx[us] += 0.5 * cues as f32;
        }
        self.context = ctx;
    }

    fn prior(&self, e: &Entry, suffix: Suffix) -> f32 {
        let p = self.g.place(PlaceId(e.id));
        let pop = ((p.population as f32) + 10.0).log10();
        let mut s = match p.kind {
            PlaceKind::Country => 3.0 + 0.05 * pop,
            PlaceKind::Admin1 => 2.0 + 0.1 * pop,
            PlaceKind::Admin2 => 1.0 + 0.1 * pop,
            PlaceKind::City => 0.45 * pop,
        };
        if e.flags != 0 {
            s -= 0.3;
        }
        s += match (suffix, p.kind) {
            (Suffix::Admin1, PlaceKind::Admin1) => 4.0,
            (Suffix::Admin1, PlaceKind::Admin2) => 1.0,
            (Suffix::Admin2, PlaceKind::Admin2) => 4.0,
            (Suffix::Admin2, PlaceKind::Admin1) => 2.0,
            _ => 0.0,
        };
        s
    }

    /// The best entry of a span with its score margin, or None if the span should not
    /// yield a place (demonyms, weak small-town readings).
    fn resolve(&self, s: &Span) -> Option<(u32, f32)> {
        let own = self.contribution(s);
        let mut best: Option<(u32, f32)> = None;
        let mut second = f32::NEG_INFINITY;
        for e in s.entries.iter().filter(|e| e.flags & DEMONYM == 0) {
            let c = self.g.country_index_of(e.id);
            let own_c: f32 = own.iter().filter(|x| x.0 == c).map(|x| x.1).sum();
            let ctx = (self.context.get(c as usize).copied().unwrap_or(0.0) - own_c).max(0.0);
            let score = self.prior(e, s.suffix) + CONTEXT_WEIGHT * ctx.min(2.0);
            match best {
                Some((_, b)) if score <= b => second = second.max(score),
                _ => {
                    if let Some((_, b)) = best {
                        second = second.max(b);
                    }
                    best = Some((e.id, score));
                }
            }
        }
        let (id, score) = best?;
        let p = self.g.place(PlaceId(id));
        let c = self.g.country_index_of(id) as usize;
        let own_c: f32 = own.iter().filter(|x| x.0 as usize == c).map(|x| x.1).sum();
        let supported = self.context.get(c).copied().unwrap_or(0.0) - own_c > 0.01;
        let single = s.first == s.last;
        let weak = match p.kind {
            PlaceKind::Admin2 => s.suffix == Suffix::None && single && !supported,
            PlaceKind::City => single && !supported && p.population < 50_000,
            _ => false,
        };
        if weak {
            return None;
        }
        let margin = if second.is_finite() {
            score - second
        } else {
            10.0
        };
        Some((id, 1.0 / (1.0 + (-margin).exp())))
    }

    pub fn places(&self) -> Vec<PlaceMention> {
        self.spans
            .iter()
            .filter(|s| !Self::is_demonym_only(s))
            .filter_map(|s| {
                let (id, score) = self.resolve(s)?;
                Some(PlaceMention {
                    start: self.toks.list[s.first].start,
                    end: s.end,
                    place: PlaceId(id),
                    score,
                })
            })
            .collect()
    }

    /// (start, end, country index, by demonym) of every country reference.
    pub fn countries(&self) -> Vec<(usize, usize, u16, bool)> {
        let mut out = Vec::new();
        for s in &self.spans {
            let start = self.toks.list[s.first].start;
            if Self::is_demonym_only(s) {
                if let Some(e) = s.entries.first() {
                    out.push((start, s.end, self.g.country_index_of(e.id), true));
                }
                continue;
            }
            if let Some((id, _)) = self.resolve(s) {
                if self.g.place(PlaceId(id)).kind == PlaceKind::Country {
                    out.push((start, s.end, self.g.country_index_of(id), false));
                }
            }
        }
        out
    }
}
