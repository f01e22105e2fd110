//! Sentence segmentation that survives abbreviations and numbers, and detection of
//! repeated sentences/paragraphs inside one article.
//!
//! Works on normalized text (see [`super::normalize`]): paragraphs are separated by
//! "\n", quotes are straight. A sentence ends at `.`, `!` or `?` (plus any closing
//! quote or bracket) followed by a space and a capital, an opening quote or a digit, and
//! at every paragraph break. A period after an abbreviation ("Gen.", "St.", "Jan. 5",
//! "No. 3") or an initial ("J. K.", "U.S.") does not end a sentence unless the next
//! word is one that typically opens a sentence ("The", "It", ...). Nothing splits
//! inside a quotation.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_64;

/// A sentence as a byte range of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
    /// True when the same sentence text occurred earlier in the article (repeated
    /// paragraph or title): extraction skips it.
    pub repeat: bool,
}

impl Sentence {
    /// The sentence's text inside the text it was split from ("" if out of range).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Longest sentence we keep whole; a longer run without a sentence end (a list, a
/// pathological input) is cut at a space so downstream work stays bounded.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// A quotation longer than this does not protect its periods (an unbalanced quote
/// must not swallow a whole paragraph).
const MAX_QUOTE_BYTES: usize = 800;

/// Splits normalized text into sentences, marking repeats.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(text.len() / 80 + 1);
    let mut paragraph = 0usize;
    let mut next_line = 0usize;
    // line ends found with memchr (SIMD); the last line ends at the end of the text
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for end in line_ends {
        let start = next_line;
        next_line = end + 1;
        let line = text.get(start..end).unwrap_or_default();
        if line.trim().is_empty() {
            continue;
        }
        split_paragraph(text, start, end, paragraph, &mut out);
        paragraph += 1;
    }
    mark_repeats(text, &mut out);
    out
}

fn split_paragraph(text: &str, p0: usize, p1: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    // the paragraph's quotations, found at the first sentence end that must check them
    // (a title or a one-sentence paragraph never does)
    let mut quotes: Option<Vec<(usize, usize)>> = None;
    let mut s = p0;
    let mut j = p0;
    while j < p1 {
        // the next sentence-ending mark, found with memchr (SIMD) rather than byte by byte
        let Some(off) = memchr::memchr3(b'.', b'!', b'?', &bytes[j..p1]) else {
            break;
        };
        j += off;
        let b = bytes[j];
        let punct = j;
        let mut e = j + 1;
        while e < p1 && matches!(bytes[e], b'.' | b'!' | b'?') {
            e += 1;
        }
        let ellipsis = e - punct > 1;
        while e < p1 && matches!(bytes[e], b'"' | b'\'' | b')' | b']') {
            e += 1;
        }
        j = e;
        if e >= p1 || bytes[e] != b' ' {
            continue;
        }
        let mut n = e;
        while n < p1 && bytes[n] == b' ' {
            n += 1;
        }
        let Some(next) = text[n..p1].chars().next() else {
            continue;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '\'' | '(' | '['))
        {
            continue;
        }
        if b == b'.' && !ellipsis && !period_ends(text, punct, n, p1) {
            continue;
        }
        let quotes = quotes.get_or_insert_with(|| quote_spans(&text[p0..p1], p0));
        if quotes.iter().any(|&(o, c)| o < punct && c >= e) {
            continue;
        }
        push(text, s, e, paragraph, out);
        s = n;
    }
    push(text, s, p1, paragraph, out);
}

/// Pushes `s..e` trimmed, cutting runs longer than [`MAX_SENTENCE_BYTES`] at spaces.
fn push(text: &str, mut s: usize, e: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = text.as_bytes();
    loop {
        while s < e && bytes[s] == b' ' {
            s += 1;
        }
        let mut end = e;
        while end > s && bytes[end - 1] == b' ' {
            end -= 1;
        }
        if end <= s {
            return;
        }
        if end - s <= MAX_SENTENCE_BYTES {
            out.push(Sentence {
                start: s,
                end,
                paragraph,
                repeat: false,
            });
            return;
        }
        let limit = s + MAX_SENTENCE_BYTES;
        let cut = bytes[s..limit]
            .iter()
            .rposition(|b| *b == b' ')
            .map(|p| s + p)
            .filter(|p| *p > s)
            .unwrap_or_else(|| {
                // No space at all: cut at a char boundary.
                let mut c = limit;
                while c > s && !text.is_char_boundary(c) {
                    c -= 1;
                }
                c
            });
        if cut <= s {
            return;
        }
        out.push(Sentence {
            start: s,
            end: cut,
            paragraph,
            repeat: false,
        });
        s = cut;
    }
}

/// Balanced pairs of straight double quotes in a paragraph, as absolute (open, close).
fn quote_spans(par: &str, base: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for i in memchr::memchr_iter(b'"', par.as_bytes()) {
        match open.take() {
            Some(o) => {
                if i - o <= MAX_QUOTE_BYTES {
                    spans.push((base + o, base + i));
                }
            }
            None => open = Some(i),
        }
    }
    spans
}

/// Titles and other abbreviations that never end a sentence.
/// (A `match`: by length, then a compare or two, where a list was searched entry by
/// entry at every full stop.)
fn title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "prof"
            | "gen"
            | "lt"
            | "col"
            | "maj"
            | "capt"
            | "sgt"
            | "cpl"
            | "pvt"
            | "adm"
            | "cmdr"
            | "cdr"
            | "gov"
            | "sen"
            | "rep"
            | "rev"
            | "st"
            | "mt"
            | "ft"
            | "brig"
            | "hon"
            | "pres"
            | "supt"
            | "insp"
            | "det"
            | "messrs"
            | "fr"
            | "mme"
            | "mlle"
            | "sr"
            | "jr"
            | "gens"
            | "govt"
            | "dept"
            | "vs"
            | "cf"
            | "ave"
            | "blvd"
            | "rd"
            | "ste"
            | "approx"
            | "ca"
            | "dist"
            | "reg"
            | "assn"
            | "atty"
    )
}

/// A month's abbreviation ("Jan", "Sept"), in lower case.
fn short_month(w: &str) -> bool {
    matches!(
        w,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Abbreviations that do not end a sentence when a number follows.
fn before_number(w: &str) -> bool {
    short_month(w)
        || matches!(
            w,
            "no" | "nos" | "vol" | "art" | "fig" | "pp" | "ch" | "sec" | "para" | "op" | "tel"
        )
}

/// Abbreviations that often close a sentence too ("... Apple Inc. The company").
fn may_end(w: &str) -> bool {
    short_month(w)
        || matches!(
            w,
            "inc"
                | "corp"
                | "co"
                | "ltd"
                | "etc"
                | "al"
                | "bros"
                | "llc"
                | "plc"
                | "mon"
                | "tue"
                | "tues"
                | "wed"
                | "thu"
                | "thur"
                | "thurs"
                | "fri"
                | "sat"
                | "sun"
        )
}

/// Words that typically open a sentence: after "U.S." or "Inc." they signal an end.
fn sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "After"
            | "When"
            | "While"
            | "Meanwhile"
            | "However"
            | "As"
            | "If"
            | "Some"
            | "Many"
            | "Yet"
            | "Also"
            | "Earlier"
            | "Later"
            | "Since"
            | "Both"
            | "Last"
            | "Such"
            | "Most"
            | "Several"
            | "Two"
            | "Three"
            | "According"
            | "Officials"
            | "Police"
            | "Authorities"
    )
}

/// Whether the period at `punct` ends a sentence whose next word starts at `next`.
fn period_ends(text: &str, punct: usize, next: usize, p1: usize) -> bool {
    let bytes = text.as_bytes();
    let mut t = punct;
    while t > 0 && (bytes[t - 1].is_ascii_alphabetic() || bytes[t - 1] == b'.') {
        t -= 1;
    }
    let token = &bytes[t..punct];
    let Some(&first) = token.first() else {
        return true;
    };
    let opener = || {
        let next_word_end = bytes[next..p1]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(p1, |p| next + p);
        sentence_opener(&text[next..next_word_end])
    };
    // Initials and dotted acronyms: "J. K. Rowling", "U.S. President", "a.m."
    let single_upper = token.len() == 1 && first.is_ascii_uppercase();
    if token.contains(&b'.') || single_upper {
        return opener();
    }
    // Every listed abbreviation is short: a longer word ends the sentence.
    let mut buf = [0u8; 6];
    let Some(slot) = buf.get_mut(..token.len()) else {
        return true;
    };
    slot.copy_from_slice(token);
    slot.make_ascii_lowercase();
    // the token is ASCII letters only
    let lower = std::str::from_utf8(slot).unwrap_or_default();
    let next_is_number = bytes.get(next).is_some_and(|b| b.is_ascii_digit());
    if next_is_number && before_number(lower) {
        return false;
    }
    if title(lower) {
        // Title abbreviations are capitalised; a lower-case "st." or "rep." is a word.
        return first.is_ascii_lowercase() && lower != "vs" && lower != "cf";
    }
    if may_end(lower) && first.is_ascii_uppercase() {
        return opener();
    }
    if lower == "etc" || lower == "al" {
        return opener();
    }
    true
}

/// Length of a wire dateline opening a sentence ("SEOUL, March 3 (Continental Wire) - ",
/// "KIEV (The Granite Post) - "), or 0.
pub fn dateline_len(sentence: &str) -> usize {
    let b = sentence.as_bytes();
    let caps = b
        .iter()
        .take_while(|c| c.is_ascii_uppercase() || matches!(c, b'-' | b'\'' | b'.'))
        .count();
    if caps < 3 || !matches!(b.get(caps), Some(b',') | Some(b' ')) {
        return 0;
    }
    let window = &b[..b.len().min(120)];
    // the first " - ": a '-' with a space on each side
    let Some(dash) = memchr::memchr_iter(b'-', window)
        .find(|&d| d > 0 && window[d - 1] == b' ' && window.get(d + 1) == Some(&b' '))
        .map(|d| d - 1)
    else {
        return 0;
    };
    // The prefix names an agency or a date: it has brackets or a comma.
    let prefix = &b[..dash];
    if !(prefix.contains(&b'(') || prefix.contains(&b',')) {
        return 0;
    }
    dash + 3
}

/// ASCII byte -> itself in lower case when a letter or digit, else 0 (dropped).
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Writes the letters and digits of ASCII `t` in lower case to `out` (cleared first),
/// branch-free: every byte is written, and the write position advances past kept ones.
fn fold_ascii(t: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.resize(t.len(), 0);
    let mut n = 0;
    for &b in t {
        let f = FOLD[b as usize];
        if let Some(slot) = out.get_mut(n) {
            *slot = f;
        }
        n += usize::from(f != 0);
    }
    out.truncate(n);
}

/// Hasher for keys that are already hashes: passes the value through.
#[derive(Default)]
struct SeenHasher(u64);

impl Hasher for SeenHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // only `write_u64` is used; anything else is folded in byte by byte
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Marks sentences whose folded text (letters and digits, lower case) already occurred.
///
/// Most sentences occur once: a cheap key made of a sentence's first and last folded
/// bytes (equal texts have equal keys) finds the few that may repeat, and only those
/// are folded in full and hashed.
fn mark_repeats(text: &str, sentences: &mut [Sentence]) {
    let hasher = BuildHasherDefault::<SeenHasher>::default;
    // full hashes of the folded texts met so far (of sentences whose key repeats)
    let mut seen: HashSet<u64, _> = HashSet::with_hasher(hasher());
    // key -> the only sentence with that key, not hashed yet; `None` once hashed
    let mut keys: HashMap<u64, Option<usize>, _> =
        HashMap::with_capacity_and_hasher(sentences.len(), hasher());
    let mut folded: Vec<u8> = Vec::with_capacity(256);
    for i in 0..sentences.len() {
        let t = repeat_text(text, &sentences[i]);
        let Some(key) = quick_key(t, &mut folded) else {
            continue;
        };
        match keys.entry(key) {
            Entry::Vacant(v) => {
                v.insert(Some(i));
                continue;
            }
            Entry::Occupied(mut o) => {
                if let Some(first) = o.insert(None) {
                    let first = repeat_text(text, &sentences[first]);
                    seen.insert(full_hash(first, &mut folded));
                }
            }
        }
        if !seen.insert(full_hash(t, &mut folded)) {
            sentences[i].repeat = true;
        }
    }
}

/// The part of a sentence compared for repeats: after its wire dateline, if any
/// ("KIEV (The Granite Post) - Falling debris ..." repeats "Falling debris ...").
fn repeat_text<'a>(text: &'a str, s: &Sentence) -> &'a str {
    let t = s.text(text);
    t.get(dateline_len(t)..).unwrap_or(t)
}

/// Writes the letters and digits of `t` in lower case to `folded` (cleared first).
fn fold(t: &str, folded: &mut Vec<u8>) {
    folded.clear();
    if t.is_ascii() {
        fold_ascii(t.as_bytes(), folded);
    } else {
        let mut buf = [0u8; 4];
        for c in t.chars().filter(|c| c.is_alphanumeric()) {
            for l in c.to_lowercase() {
                folded.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// Hash of the folded text of `t`.
fn full_hash(t: &str, folded: &mut Vec<u8>) -> u64 {
    fold(t, folded);
    xxh3_64(folded)
}

/// A key of the folded text of `t` made of its first and last eight bytes, without
/// folding all of `t`; `None` when the folded text is empty.
fn quick_key(t: &str, folded: &mut Vec<u8>) -> Option<u64> {
    // ASCII bytes read from either end before any other byte fold as in [`fold`], so the
    // ends of most texts are packed without reading the rest; only a text with a
    // non-ASCII char among its first or last eight folded bytes is folded in full.
    let b = t.as_bytes();
    let ends = pack_ascii(b.iter()).zip(pack_ascii(b.iter().rev()));
    let (head, tail) = ends.unwrap_or_else(|| {
        fold(t, folded);
        (
            pack(folded.iter().copied()),
            pack(folded.iter().rev().copied()),
        )
    });
    // a non-empty folded text has a non-zero first byte
    (head != 0).then(|| (head ^ tail.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The first eight non-zero bytes of `bytes`, packed little-end first (zero-padded).
fn pack(bytes: impl Iterator<Item = u8>) -> u64 {
    let (mut k, mut n) = (0u64, 0u32);
    for b in bytes {
        // without a branch: a zero byte adds nothing and takes no place
        k |= u64::from(b) << (8 * n);
        n += u32::from(b != 0);
        if n == 8 {
            break;
        }
    }
    k
}

/// [`pack`] of the folded ASCII `bytes`, read until eight are packed: `None` when a
/// non-ASCII byte comes first.
fn pack_ascii<'a>(bytes: impl Iterator<Item = &'a u8>) -> Option<u64> {
    let (mut k, mut n) = (0u64, 0u32);
    for &b in bytes {
        if b >= 0x80 {
            return None;
        }
        let f = FOLD[usize::from(b)];
        k |= u64::from(f) << (8 * n);
        n += u32::from(f != 0);
        if n == 8 {
            break;
        }
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::normalize::normalize;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn folds_ascii_to_lower_case_letters_and_digits() {
        let mut out = vec![b'x'; 3];
        for (t, want) in [
            ("Police said 12 people died.", "policesaid12peopledied"),
            ("KYIV (Wire) - A drone hit.", "kyivwireadronehit"),
            ("", ""),
            ("... - ...", ""),
        ] {
            fold_ascii(t.as_bytes(), &mut out);
            assert_eq!(out, want.as_bytes(), "{t}");
        }
    }

    #[test]
    fn splits_real_sentences() {
        let cases: &[(&str, &[&str])] = &[
            (
                "U.S. President Donald Trump spoke on Tuesday. Russia responded.",
                &["U.S. President Donald Trump spoke on Tuesday.", "Russia responded."],
            ),
            (
                "Lt. Col. Ivan Petrov and Gen. Valery Zaluzhny met in St. Petersburg on Jan. 5. Talks failed.",
                &[
                    "Lt. Col. Ivan Petrov and Gen. Valery Zaluzhny met in St. Petersburg on Jan. 5.",
                    "Talks failed.",
                ],
            ),
            (
                "Mr. Zelensky thanked Dr. Smith. Mrs. Jones was absent.",
                &["Mr. Zelensky thanked Dr. Smith.", "Mrs. Jones was absent."],
            ),
            (
                "The author J. K. Rowling visited Plant No. 3 in Kharkiv. It was shelled.",
                &["The author J. K. Rowling visited Plant No. 3 in Kharkiv.", "It was shelled."],
            ),
            (
                "Russia agreed to exchange 1,200 prisoners. Inflation was 3.5 percent. Talks ended.",
                &[
                    "Russia agreed to exchange 1,200 prisoners.",
                    "Inflation was 3.5 percent.",
                    "Talks ended.",
                ],
            ),
            (
                "\"We will respond. The strike will not go unanswered,\" Peskov said. Kyiv was silent.",
                &[
                    "\"We will respond. The strike will not go unanswered,\" Peskov said.",
                    "Kyiv was silent.",
                ],
            ),
            (
                "He said: \"The city is burning.\" Rescuers arrived later.",
                &["He said: \"The city is burning.\"", "Rescuers arrived later."],
            ),
            (
                "Was it a drone? Officials said yes! 12 people were hurt.",
                &["Was it a drone?", "Officials said yes!", "12 people were hurt."],
            ),
            (
                "Sanctions were imposed by the U.S. The move angered Moscow.",
                &["Sanctions were imposed by the U.S.", "The move angered Moscow."],
            ),
            (
                "The blast hit at 5 p.m. Tuesday near the port (Reuters). More followed.",
                &["The blast hit at 5 p.m. Tuesday near the port (Reuters).", "More followed."],
            ),
            (
                "Escalating Drone Strikes Mark Failed Talks\nViolence intensifies in Istanbul.",
                &["Escalating Drone Strikes Mark Failed Talks", "Violence intensifies in Istanbul."],
            ),
            (
                "Troops fired e.g. mortars and rockets etc. in the area. Two died.",
                &["Troops fired e.g. mortars and rockets etc. in the area.", "Two died."],
            ),
            (
                "Shares of Acme Inc. rose. Acme Inc. The company said nothing.",
                &["Shares of Acme Inc. rose.", "Acme Inc.", "The company said nothing."],
            ),
            (
                "The war... The talks continue.",
                &["The war...", "The talks continue."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(texts(text), *want, "text {text:?}");
        }
    }

    #[test]
    fn paragraphs_are_numbered() {
        let s = split("Title line\nFirst. Second.\n\nThird.");
        let got: Vec<usize> = s.iter().map(|s| s.paragraph).collect();
        assert_eq!(got, vec![0, 1, 1, 2]);
    }

    #[test]
    fn seed_repeats_are_marked() {
        let raw = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/fixtures/seed/article.json"
        ));
        let Ok(raw) = raw else {
            // The shared fixtures live beside the repo; the inline case below still runs.
            return;
        };
        let v: serde_json::Value = serde_json::from_str(&raw).expect("seed json");
        let body = v["body"].as_str().expect("seed body");
        let n = normalize(body);
        let sentences = split(&n.text);
        let fresh: Vec<&str> = sentences
            .iter()
            .filter(|s| !s.repeat)
            .map(|s| s.text(&n.text))
            .collect();
        let repeated: Vec<&str> = sentences
            .iter()
            .filter(|s| s.repeat)
            .map(|s| s.text(&n.text))
            .collect();
        assert_eq!(
            fresh
                .iter()
                .filter(|t| t.contains("33 people injured"))
                .count(),
            1
        );
        assert_eq!(
            fresh
                .iter()
                .filter(|t| t.starts_with("Escalating Drone Strikes"))
                .count(),
            1
        );
        // The title line repeated once, four paragraphs of 2 + 4 + 2 + 2 sentences.
        assert_eq!(repeated.len(), 1 + 2 + 4 + 2 + 2, "{repeated:#?}");
        for s in &sentences {
            let (a, b) = n.original_range(s.start, s.end);
            assert_eq!(normalize(&body[a..b]).text, s.text(&n.text));
        }
    }

    #[test]
    fn corpus_article_with_repeated_paragraphs() {
        let articles = crate::pipeline::dev_articles();
        if articles.is_empty() {
            return;
        }
        let v = articles
            .iter()
            .find(|v| v["id"] == "gpost-2025-03-20-0009")
            .expect("article in corpus");
        let n = normalize(v["body"].as_str().expect("body"));
        let s = split(&n.text);
        let repeated: Vec<&str> = s
            .iter()
            .filter(|s| s.repeat)
            .map(|s| s.text(&n.text))
            .collect();
        // Title once; "Falling debris" (first seen after the dateline); 2 + 2 sentences.
        assert_eq!(repeated.len(), 6, "{repeated:#?}");
        assert!(repeated.iter().any(|t| t.starts_with("Falling debris")));
    }

    #[test]
    fn datelines_are_measured() {
        let cases = [
            (
                "KIEV (The Granite Post) - Falling debris hit.",
                "Falling debris hit.",
            ),
            (
                "SEOUL, March 3 (Continental Wire) - North Korea fired.",
                "North Korea fired.",
            ),
            ("PORT-AU-PRINCE, Haiti - Gangs attacked.", "Gangs attacked."),
            ("NATO - the alliance - met.", "NATO - the alliance - met."),
            (
                "The war - now in its fourth year - goes on.",
                "The war - now in its fourth year - goes on.",
            ),
        ];
        for (s, rest) in cases {
            assert_eq!(&s[dateline_len(s)..], rest, "{s}");
        }
    }

    /// Repeats found by folding and hashing every sentence (the plain way).
    fn repeats_folding_all(text: &str) -> Vec<bool> {
        let mut seen = HashSet::new();
        let mut folded = Vec::new();
        split(text)
            .iter()
            .map(|s| {
                fold(repeat_text(text, s), &mut folded);
                !folded.is_empty() && !seen.insert(folded.clone())
            })
            .collect()
    }

    #[test]
    fn quick_keys_find_the_same_repeats_as_folding_all() {
        let texts = [
            "Two killed in Kherson.\nTWO killed in Kherson!\nThree killed.",
            // same first and last eight letters, different middles
            "Police said two people died in the blast.\nPolice said four people died in the blast.\nPolice said two people died in the blast.",
            "Caf\u{e9} owners fled.\nCAF\u{c9} owners fled!\nCafe owners fled.",
            "KIEV (The Granite Post) - Falling debris hit a house.\nFalling debris hit a house.",
            "... - ...\n... - ...\nA.\nA.\na",
            "Short.\nShort!\nShorter.\nshort",
        ];
        for text in texts {
            let got: Vec<bool> = split(text).iter().map(|s| s.repeat).collect();
            assert_eq!(got, repeats_folding_all(text), "{text}");
        }
        let articles = crate::pipeline::dev_articles();
        if articles.is_empty() {
            return;
        }
        let mut repeats = 0;
        for v in &articles {
            let n = normalize(v["body"].as_str().expect("body"));
            let got: Vec<bool> = split(&n.text).iter().map(|s| s.repeat).collect();
            assert_eq!(got, repeats_folding_all(&n.text));
            repeats += got.iter().filter(|r| **r).count();
        }
        assert!(repeats > 0);
    }

    #[test]
    fn repeats_fold_case_space_and_punctuation() {
        let text = "Two killed in Kherson.\nTWO killed in Kherson!\nThree killed.";
        let r: Vec<bool> = split(text).iter().map(|s| s.repeat).collect();
        assert_eq!(r, vec![false, true, false]);
    }

    #[test]
    fn long_runs_are_cut_and_bounded() {
        let text = "word ".repeat(5000);
        let s = split(&text);
        assert!(s.len() >= 5);
        assert!(s.iter().all(|s| s.end - s.start <= MAX_SENTENCE_BYTES));
        let blob = "\u{e9}".repeat(10_000);
        let s = split(&blob);
        assert!(s
            .iter()
            .all(|s| blob.is_char_boundary(s.start) && blob.is_char_boundary(s.end)));
        assert_eq!(s.iter().map(|s| s.end - s.start).sum::<usize>(), blob.len());
    }
}
