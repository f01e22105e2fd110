//! Word-list matching: many phrases against one text in one pass, on word boundaries.
//!
//! A phrase ending in `*` also matches longer words that start with it ("shell*" ->
//! "shelling", "shelled"). Matching is ASCII case-insensitive; the caller decides what
//! capitalisation means (a trigger capitalised mid-sentence is usually part of a name).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A phrase found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T: Copy> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

/// A compiled word list mapping phrases to values.
pub struct Lexicon<T: Copy> {
    ac: AhoCorasick,
    entries: Vec<(bool, T)>,
}

impl<T: Copy> Lexicon<T> {
    /// Builds the lexicon. Phrases are lower-case; a trailing `*` allows a longer word.
    pub fn new(phrases: &[(&str, T)]) -> Lexicon<T> {
        let mut pats = Vec::with_capacity(phrases.len());
        let mut entries = Vec::with_capacity(phrases.len());
        for (p, v) in phrases {
            let (pat, prefix) = match p.strip_suffix('*') {
                Some(s) => (s, true),
                None => (*p, false),
            };
            pats.push(pat.to_string());
            entries.push((prefix, *v));
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // a full DFA: one table lookup per byte in the overlapping search (hot path)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            // The phrase tables are static and small: building cannot hit a size limit.
            .expect("static phrase table builds");
        Lexicon { ac, entries }
    }

    /// All non-overlapping hits, longest first where phrases overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit<T>> {
        let bytes = text.as_bytes();
        let mut cands: Vec<(usize, usize, T)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (prefix, value) = self.entries[m.pattern().as_usize()];
            let start = m.start();
            let mut end = m.end();
            if start > 0 && is_word_byte(bytes[start - 1]) {
                continue;
            }
            if prefix {
                while end < bytes.len() && is_word_byte(bytes[end]) {
                    end += 1;
                }
            } else if end < bytes.len() && is_word_byte(bytes[end]) {
                continue;
            }
            cands.push((start, end, value));
        }
        // Longest first, then leftmost; keep those not overlapping a kept one.
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<Hit<T>> = Vec::new();
        for (s, e, v) in cands {
            if kept.iter().all(|h| e <= h.start || s >= h.end) {
                kept.push(Hit {
                    start: s,
                    end: e,
                    value: v,
                });
            }
        }
        kept.sort_by_key(|h| h.start);
        kept
    }
}

/// Letters, digits and the apostrophe-free word characters that continue a word.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_with_prefixes() {
        let lex = Lexicon::new(&[("shell*", 1), ("hit", 2), ("car bomb", 3), ("car", 4)]);
        let cases: &[(&str, Vec<(usize, i32)>)] = &[
            ("Russian forces shelled the town", vec![(15, 1)]),
            ("the shipment was hit", vec![(17, 2)]),
            ("a white car bomb exploded", vec![(8, 3)]),
            ("Whitehall said", vec![]),
            ("they hitched a ride", vec![]),
            ("a car crashed", vec![(2, 4)]),
        ];
        for (text, want) in cases {
            let got: Vec<(usize, i32)> =
                lex.find(text).iter().map(|h| (h.start, h.value)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }
}
