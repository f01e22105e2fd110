//! Explicit and relative dates resolved against the publication time.
//!
//! Explicit dates ("July 23", "23 July 2025", "2025-03-05", "in May and June", "in
//! 2023"), weekdays ("on Tuesday", "early Thursday morning", "Friday's strike": the
//! most recent such weekday on or before the publication day), and relative words
//! ("yesterday", "overnight", "the weekend", "last week", "earlier this month"). A date
//! without a year takes the publication year unless that is implausibly far ahead or
//! behind. Wire datelines ("SEOUL, March 3 (Continental Wire) -") are read by
//! [`dateline`].

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use once_cell::sync::Lazy;
use regex::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};

use super::lexicon::Lexicon;

use crate::model::DatePrecision;

mod dateline_read;
mod groups;
use dateline_read::{Parts, Read};

/// A date found in a sentence (its words borrowed from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention<'s> {
    /// The date; for week/month/year precision the first day of that period.
    pub value: NaiveDate,
    pub precision: DatePrecision,
    /// Byte range in the sentence.
    pub start: usize,
    pub end: usize,
    /// The words the date was read from ("early Thursday morning"): `sentence[start..end]`.
    pub text: &'s str,
    /// The other plausible day when the words straddle midnight ("overnight",
    /// "last night": the publication day, or else the day before).
    pub alt: Option<NaiveDate>,
}

/// A wire dateline opening an article: "SEOUL, March 3 (Continental Wire) -".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline<'t> {
    /// The place as written ("SEOUL", "KYIV").
    pub place: String,
    /// A region or country after the place ("KYIV, Ukraine, ..." gives "Ukraine").
    pub region: Option<String>,
    pub date: Option<DateMention<'t>>,
    /// The agency in brackets ("Continental Wire").
    pub agency: Option<String>,
    /// Byte offset just past the dateline's dash.
    pub end: usize,
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)";
const FULL_MONTH: &str =
    r"(January|February|March|April|May|June|July|August|September|October|November|December)";

/// [`MONTH`] where a month name ends its word: "3 Marines" names no March ("Jan." ends
/// with its dot).
fn month_word() -> String {
    let names: Vec<String> = dateline_read::MONTHS
        .iter()
        .map(|m| match m.strip_suffix('.') {
            Some(short) => format!(r"{short}\."),
            None => format!(r"{m}(?-u:\b)"),
        })
        .collect();
    format!("({})", names.join("|"))
}

/// The date patterns, in the order of [`ANY`] (and of the bits of [`date_words`]): ISO,
/// MONTH_DAY, DAY_MONTH, MONTH_YEAR, MONTH_ALONE, WEEKDAY, RELATIVE, AGO, YEAR.
static PATTERNS: Lazy<[String; 9]> = Lazy::new(|| {
    [
        r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)".to_string(),
        format!(
            r"(?-u:\b){MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(\d{{4}})(?-u:\b))?"
        ),
        format!(
            r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{}(?:,?\s+(\d{{4}})(?-u:\b))?",
            month_word()
        ),
        format!(r"(?-u:\b){FULL_MONTH},?\s+(\d{{4}})(?-u:\b)"),
        format!(
            r"(?-u:\b)(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Tt]his|[Nn]ext|of|and|or|[Bb]etween|[Ff]rom|through|to)\s+(?:(?:early|late|mid-?)\s*)?{FULL_MONTH}(?-u:\b)"
        ),
        r"(?-u:\b)(?:((?:[Ee]arly|[Ll]ate)(?:\s+on)?|[Bb]efore\s+dawn(?:\s+on)?|[Ll]ast|[Nn]ext|[Tt]his\s+past|[Pp]ast)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)('s)?(?:\s+(morning|afternoon|evening|night|overnight|dawn))?(?-u:\b)".to_string(),
        r"(?i)(?-u:\b)(earlier\s+today|later\s+today|today|yesterday|the\s+day\s+before\s+yesterday|tonight|overnight|last\s+night|late\s+last\s+night|early\s+this\s+morning|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+this\s+week|earlier\s+in\s+the\s+week|this\s+week|last\s+week|earlier\s+this\s+month|earlier\s+in\s+the\s+month|this\s+month|last\s+month|earlier\s+this\s+year|this\s+year|last\s+year|the\s+previous\s+day|the\s+day\s+before|a\s+day\s+earlier|the\s+weekend|this\s+past\s+weekend|last\s+weekend)(?-u:\b)".to_string(),
        r"(?i)(?-u:\b)(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week|month|year)s?\s+ago(?-u:\b)".to_string(),
        r"(?-u:\b)(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?)\s*((?:19|20)\d{2})(?-u:\b)".to_string(),
    ]
});

static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^\s*([A-Z][A-Z.'\-/ ]{{1,40}}[A-Z.])(?:,\s*([A-Z][A-Za-z.'\- ]{{1,30}}?))?(?:,\s*({MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*(?:\(([^()\n]{{1,40}})\))?\s*(?:-|:)\s*"
    ))
    .expect("dateline regex")
});

/// Every pattern at once: one pass tells which ones can match at all.
static ANY: Lazy<regex::RegexSet> =
    Lazy::new(|| regex::RegexSet::new(PATTERNS.iter()).expect("date regex set"));

/// Words that put a weekday in the future: "a meeting would be held on Saturday".
static FUTURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|would|shall|'ll|expected|expects|due|scheduled|planned|plans|plan|set to|to be held|upcoming)(?-u:\b)")
        .expect("future regex")
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.');
    let key = n.get(..3)?.to_ascii_lowercase();
    Some(match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn weekday_of(name: &str) -> Option<Weekday> {
    Some(match name {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        "Sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// "3", "three", "a": the small counts of "three days ago", "a week earlier".
fn small_number(w: &str) -> Option<i64> {
    if let Ok(v) = w.parse::<i64>() {
        return Some(v);
    }
    let w = w.to_ascii_lowercase();
    if w == "a" || w == "an" {
        return Some(1);
    }
    super::numbers::unit_word(&w).and_then(|v| i64::try_from(v).ok())
}

/// A month and day without a year: the publication year, unless that lies more than
/// two months ahead (news reports the past: last year's date) or more than ten months
/// back (an upcoming date early next year).
fn infer_year(month: u32, day: u32, today: NaiveDate) -> Option<NaiveDate> {
    let y = today.year();
    let here = NaiveDate::from_ymd_opt(y, month, day)?;
    let diff = (here - today).num_days();
    if diff > 61 {
        NaiveDate::from_ymd_opt(y - 1, month, day).or(Some(here))
    } else if diff < -305 {
        NaiveDate::from_ymd_opt(y + 1, month, day).or(Some(here))
    } else {
        Some(here)
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

fn saturday_on_or_before(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from((d.weekday().num_days_from_monday() + 2) % 7))
}

fn months_back(d: NaiveDate, n: u32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 - n as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1).unwrap_or(d)
}

/// Whether future-tense words come shortly before `at` in the sentence.
fn future_before(sentence: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(80);
    while !sentence.is_char_boundary(from) {
        from -= 1;
    }
    sentence
        .get(from..at)
        .is_some_and(|window| FUTURE.is_match(window))
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn plausible_year(y: i32) -> bool {
    (1900..=2100).contains(&y)
}

/// Finds dates in one sentence, resolving relative ones against `published`.
pub fn find_dates(sentence: &str, published: DateTime<Utc>) -> Vec<DateMention<'_>> {
    find_dates_on(sentence, published.date_naive())
}

/// Finds dates in one sentence, resolving relative ones against the day `today` (the
/// publication day, possibly in the dateline's local time: see [`local_day`]).
pub fn find_dates_on(sentence: &str, today: NaiveDate) -> Vec<DateMention<'_>> {
    // Most sentences hold no date: a search that stops at the first match of any
    // pattern costs a quarter of the overlapping one that tells which patterns match.
    if !ANY.is_match(sentence) {
        return Vec::new();
    }
    let hits = ANY.matches(sentence);
    let patterns = hits.iter().fold(0, |m, i| m | 1 << i);
    dates_of(sentence, today, sentence.is_ascii(), patterns, |_| {
        Some((0..sentence.len(), sentence.len()))
    })
}

/// The days of the week in lower case.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month names in full ("January" ... "December"), as the date patterns spell them.
pub fn full_months() -> &'static [&'static str] {
    &dateline_read::MONTHS[..12]
}

/// Which of the date patterns a word found in a sentence can take part in: one bit per
/// pattern of [`ANY`] (bit `i` for pattern `i`), and [`DIGITS`], [`MONTH_NAME`] for
/// words that several patterns need together.
const ISO_BIT: u16 = 1 << 0;
const MONTH_DAY_BIT: u16 = 1 << 1;
const DAY_MONTH_BIT: u16 = 1 << 2;
const MONTH_YEAR_BIT: u16 = 1 << 3;
const MONTH_ALONE_BIT: u16 = 1 << 4;
const WEEKDAY_BIT: u16 = 1 << 5;
const RELATIVE_BIT: u16 = 1 << 6;
const AGO_BIT: u16 = 1 << 7;
const YEAR_BIT: u16 = 1 << 8;
/// A word starting with a digit.
const DIGITS: u16 = 1 << 9;
/// A month's name or abbreviation, a word of its own.
const MONTH_NAME: u16 = 1 << 10;

/// The words without which no date pattern matches, for the article's one word-list
/// scan ([`crate::pipeline::extract::lexicon::Lexicons`]): every match of pattern `i`
/// holds, starting a word, a word listed here with bit `i`, or the words of bits that
/// [`find_dates_among`] combines. A sentence holding none of them holds no date, and
/// needs no regular expression run over it.
pub fn date_words() -> &'static Lexicon<u16> {
    static L: Lazy<Lexicon<u16>> = Lazy::new(|| {
        let mut words: Vec<(String, u16)> = Vec::new();
        // month names of their own ("July", "Jan.", "Sept"); glued to "early", "late",
        // "mid", which "in earlyJuly" allows
        for m in &dateline_read::MONTHS[..12] {
            let m = m.to_ascii_lowercase();
            for glue in ["early", "late", "mid"] {
                words.push((format!("{glue}{m}"), MONTH_ALONE_BIT));
            }
            words.push((m, MONTH_NAME));
        }
        // "Jan.", "Sept" (the abbreviations with their dot, which end their word there)
        for m in &dateline_read::MONTHS[12..24] {
            words.push((m.trim_end_matches('.').to_ascii_lowercase(), MONTH_NAME));
        }
        for d in WEEKDAYS {
            words.push((d.to_string(), WEEKDAY_BIT));
        }
        // the noun every relative phrase ends in or holds
        for w in [
            "today",
            "yesterday",
            "tonight",
            "overnight",
            "night",
            "morning",
            "afternoon",
            "evening",
            "week",
            "weekend",
            "month",
            "year",
            "day",
        ] {
            words.push((w.to_string(), RELATIVE_BIT));
        }
        words.push(("ago".to_string(), AGO_BIT));
        for d in '0'..='9' {
            words.push((format!("{d}*"), DIGITS));
        }
        // years: "2023", and glued to their word ("in2023", "mid2020")
        for century in ["19", "20"] {
            words.push((format!("{century}*"), YEAR_BIT));
            for w in ["in", "since", "during", "until", "early", "late", "mid"] {
                words.push((format!("{w}{century}*"), YEAR_BIT));
            }
        }
        let phrases: Vec<(&str, u16)> = words.iter().map(|(w, b)| (w.as_str(), *b)).collect();
        Lexicon::new(&phrases)
    });
    &L
}

/// Per pattern of [`ANY`]: the [`date_words`] bits of the words one of which every match
/// holds; how far into the match the first of them may start at most; and how far the
/// match may go on from the start of one of them at most. Counted in bytes, a run of
/// white space as one ("earlier in the week": 15 before "week").
const LEAD: [(u16, usize, usize); 9] = [
    // ISO: "2025-03-05"
    (DIGITS, 0, 10),
    // MONTH_DAY: "September 30th, 2025"
    (MONTH_NAME, 0, 9 + 1 + 4 + 2 + 4),
    // DAY_MONTH: "30th of September, 2025"
    (DIGITS, 0, 4 + 1 + 2 + 1 + 9 + 2 + 4),
    // MONTH_YEAR: "September, 2025"
    (MONTH_NAME, 0, 9 + 2 + 4),
    // MONTH_ALONE: "between early September", "earlySeptember"
    (MONTH_NAME | MONTH_ALONE_BIT, 7 + 1 + 6, 14),
    // WEEKDAY: "before dawn on Wednesday's overnight"
    (WEEKDAY_BIT, 15, 9 + 2 + 1 + 9),
    // RELATIVE: "earlier in the week", "the day before yesterday"
    (RELATIVE_BIT, 15, 3 + 1 + 6 + 1 + 9),
    // AGO: "twelve months ago"
    (AGO_BIT, 6 + 1 + 6 + 1, 3),
    // YEAR: "during 2023", "during2023"
    (YEAR_BIT, 6 + 1, 6 + 4),
];

/// [`find_dates_on`] for a sentence whose [`date_words`] are known: `found` holds the
/// occurrences of those starting in the sentence, as a scan of the text around it found
/// them (their offsets in that text, where the sentence starts at `offset`). Runs only
/// the patterns those words allow, each over the bytes around the first and the last
/// of its words where one of its matches may start ([`may_start_at`]), and none when
/// they allow none: the same dates as [`find_dates_on`] for an ASCII
/// sentence that starts and ends on word boundaries of the scanned text (the caller's
/// to ensure); any other sentence is read by [`find_dates_on`].
pub fn find_dates_among<'s>(
    sentence: &'s str,
    today: NaiveDate,
    found: &[super::lexicon::Cand],
    offset: usize,
) -> Vec<DateMention<'s>> {
    let lexicon = date_words();
    let words = found
        .iter()
        .fold(0, |m, c| m | lexicon.value(c.2).unwrap_or(0));
    match patterns_to_run(sentence, words) {
        None => find_dates_on(sentence, today),
        Some(0) => Vec::new(),
        Some(run) => {
            let b = sentence.as_bytes();
            let single = single_spaced(b);
            dates_of(sentence, today, true, run, |i| {
                let (bits, lead, tail) = LEAD.get(i).copied()?;
                let mut theirs = found
                    .iter()
                    .filter(|c| lexicon.value(c.2).unwrap_or(0) & bits != 0)
                    .map(|c| c.0.saturating_sub(offset))
                    .filter(|&at| may_start_at(i, b, at));
                // (from both ends: the words between need no test)
                let first = theirs.next()?;
                let last = theirs.next_back().unwrap_or(first);
                let range = if single {
                    // no run of white space to count as one: bytes are bytes
                    first.saturating_sub(lead)..(last + tail).min(b.len())
                } else {
                    back_by(b, first, lead)..on_by(b, last, tail)
                };
                // a match holds one of the words that pass, starting in it: none starts
                // past the last of them
                Some((range, last))
            })
        }
    }
}

/// Whether a match of pattern `i` of [`ANY`] may start at, or shortly before, byte `at`
/// of the ASCII sentence `b`, where a word of its [`LEAD`] starts. The patterns that
/// start with their word (ISO, MONTH_DAY, DAY_MONTH, MONTH_YEAR) are judged by the bytes
/// after it, which most such words ("15 people", "2023 election", "May be") fail; those
/// that need a word before a month or a year (MONTH_ALONE, YEAR) by that word; the others
/// may start near any of their words. A cheap test that spares searches over the bytes
/// from a sentence's first such word to its last, where most of them find nothing.
/// Inlined: most words asked about are for patterns it passes unread.
#[inline]
fn may_start_at(i: usize, b: &[u8], at: usize) -> bool {
    let rest = b.get(at..).unwrap_or_default();
    match i {
        // "2025-03-05"
        0 => rest
            .get(..5)
            .is_some_and(|y| digit_run(y) == 4 && y[4] == b'-'),
        // "March 5", "Sept. 12"
        1 => month_then(rest, true, 1..=2),
        // "5 March", "30th of Sept."
        2 => day_then_month(rest),
        // "September, 2025"
        3 => month_then(rest, false, 4..=4),
        // "in July", "from early July", "in mid-July"; "in earlyJuly" (a word of its own)
        4 => {
            (rest.first().is_some_and(u8::is_ascii_uppercase)
                || [&b"early"[..], b"late", b"mid"]
                    .iter()
                    .any(|g| rest.starts_with(g)))
                && word_before(b, at, MONTH_ALONE_WORDS)
        }
        // "last week", "the previous day"; "yesterday"
        6 => relative_word_may_end(b, at),
        // "in 2023", "mid-2021"; "in2023" (a word of its own)
        8 => {
            !rest.first().is_some_and(u8::is_ascii_digit)
                || digit_run(rest) == 4 && word_before(b, at, YEAR_WORDS)
        }
        _ => true,
    }
}

/// Whether the RELATIVE pattern's word at byte `at` of `b` has before it what the
/// pattern puts there: "last" before "night", "this" before "morning", "the", "this" or
/// "last" before "week"; "today", "yesterday", "tonight" and "overnight" need nothing.
/// Every relative phrase holds one of its words where this holds ("the day before
/// yesterday" its "day" after "the"), within the pattern's [`LEAD`] of it.
fn relative_word_may_end(b: &[u8], at: usize) -> bool {
    let rest = b.get(at..).unwrap_or_default();
    let letters = rest
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let mut word = [0u8; 9];
    let Some(w) = word.get_mut(..letters) else {
        return true;
    };
    w.copy_from_slice(&rest[..letters]);
    w.make_ascii_lowercase();
    let before: &[&[u8]] = match &*w {
        b"night" => &[b"last"],
        b"morning" | b"afternoon" | b"evening" => &[b"this"],
        b"week" | b"month" => &[b"this", b"the", b"last"],
        b"weekend" => &[b"the", b"past", b"last"],
        b"year" => &[b"this", b"last"],
        b"day" => &[b"the", b"previous", b"a"],
        _ => return true,
    };
    word_before(b, at, before)
}

/// The words before a month of the MONTH_ALONE pattern, or before its "early", "late"
/// or "mid".
const MONTH_ALONE_WORDS: &[&[u8]] = &[
    b"in", b"since", b"during", b"until", b"by", b"early", b"late", b"mid", b"last", b"this",
    b"next", b"of", b"and", b"or", b"between", b"from", b"through", b"to",
];

/// The words before a year of the YEAR pattern.
const YEAR_WORDS: &[&[u8]] = &[
    b"in", b"since", b"during", b"until", b"early", b"late", b"mid",
];

/// Whether one of `words` (in any case) comes before byte `at` of `b`, a word's start,
/// as the patterns that need one allow: then white space ("in July"), or a hyphen and
/// maybe white space ("mid-July").
fn word_before(b: &[u8], at: usize, words: &[&[u8]]) -> bool {
    let head = b.get(..at).unwrap_or_default();
    let spaces = head.iter().rev().take_while(|c| is_space(**c)).count();
    let mut k = at - spaces;
    let dash = k > 0 && head[k - 1] == b'-';
    if dash {
        k -= 1;
    }
    let letters = head[..k]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let word = &head[k - letters..k];
    (spaces > 0 || dash) && words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether `rest` opens with a run of letters (a month's name), then a dot if `dot`
/// (abbreviations' "Jan.") or a comma if not ("March, 2024"), white space and a run of
/// digits as long as `digits` allows: what [`MONTH`] and the day after it ("March 5",
/// "Sept. 12th") or [`FULL_MONTH`] and the year after it ("September, 2025") need.
fn month_then(rest: &[u8], dot: bool, digits: std::ops::RangeInclusive<usize>) -> bool {
    let letters = rest
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let mut k = letters;
    if rest.get(k) == Some(if dot { &b'.' } else { &b',' }) {
        k += 1;
    }
    let after = after_space(rest, k);
    after > k && digits.contains(&digit_run(rest.get(after..).unwrap_or_default()))
}

/// The number of ASCII digits `b` opens with.
fn digit_run(b: &[u8]) -> usize {
    b.iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(b.len())
}

/// Whether `rest` opens with a day of one or two digits, maybe "st", "nd", "rd" or
/// "th", white space, and then "of" and white space or an upper-case letter (every
/// month's name starts with one): what the DAY_MONTH pattern needs.
fn day_then_month(rest: &[u8]) -> bool {
    let digits = digit_run(rest);
    if !(1..=2).contains(&digits) {
        return false;
    }
    let mut k = digits;
    if matches!(rest.get(k..k + 2), Some(b"st" | b"nd" | b"rd" | b"th")) {
        k += 2;
    }
    let after = after_space(rest, k);
    if after == k {
        return false;
    }
    match rest.get(after..) {
        Some([b'o', b'f', c, ..]) => is_space(*c),
        Some([c, ..]) => c.is_ascii_uppercase(),
        _ => false,
    }
}

/// The first byte at or after `k` that is no white space.
fn after_space(b: &[u8], k: usize) -> usize {
    k + b
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| is_space(**c))
        .count()
}

/// Whether no two bytes in a row of `b` are white space, where [`on_by`] and
/// [`back_by`] count every byte: no two in a row are at most `b' '` (a test without
/// branches, over the whole sentence at once, cheaper than their loops).
fn single_spaced(b: &[u8]) -> bool {
    let low = |c: &u8| *c <= b' ';
    !b.iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(false, |any, (x, y)| any | (low(x) & low(y)))
}

/// The byte `n` bytes after `at`, counting a run of white space as one byte.
fn on_by(b: &[u8], mut at: usize, mut n: usize) -> usize {
    while n > 0 && at < b.len() {
        if !(is_space(b[at]) && at > 0 && is_space(b[at - 1])) {
            n -= 1;
        }
        at += 1;
    }
    at
}

/// The byte `n` bytes before `at`, counting a run of white space as one byte.
fn back_by(b: &[u8], mut at: usize, mut n: usize) -> usize {
    while n > 0 && at > 0 {
        at -= 1;
        if !(is_space(b[at]) && at > 0 && is_space(b[at - 1])) {
            n -= 1;
        }
    }
    // (the rest of a run of white space the count stopped in)
    while at > 0 && is_space(b[at - 1]) && b.get(at).is_some_and(|&c| is_space(c)) {
        at -= 1;
    }
    at
}

/// `str::is_ascii` without branches: a sentence is short, and that one's byte-by-byte
/// loop over the tail of its 64-byte blocks costs more than this whole pass.
fn is_ascii(b: &[u8]) -> bool {
    b.iter().fold(0u8, |any, c| any | c) < 0x80
}

/// White space as the patterns' `\s` reads it on ASCII.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The patterns (bit `i`: pattern `i` of [`ANY`]) that may match in an ASCII sentence
/// holding the [`date_words`] `words`; `None` for a sentence that is not ASCII.
fn patterns_to_run(sentence: &str, words: u16) -> Option<u16> {
    if !is_ascii(sentence.as_bytes()) {
        return None;
    }
    let mut run = words & (MONTH_ALONE_BIT | WEEKDAY_BIT | RELATIVE_BIT | AGO_BIT | YEAR_BIT);
    if words & MONTH_NAME != 0 {
        run |= MONTH_ALONE_BIT;
        if words & DIGITS != 0 {
            run |= MONTH_DAY_BIT | DAY_MONTH_BIT | MONTH_YEAR_BIT;
        }
    }
    if words & DIGITS != 0 && sentence.as_bytes().contains(&b'-') {
        run |= ISO_BIT;
    }
    Some(run)
}

/// A capture group of one match: its byte range in the sentence.
#[derive(Debug, Clone, Copy)]
struct Span<'s> {
    text: &'s str,
    start: usize,
    end: usize,
}

impl<'s> Span<'s> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'s str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

/// The groups of one match; no date pattern has more than five.
#[derive(Debug, Clone, Copy)]
struct Groups<'s> {
    text: &'s str,
    spans: [Option<(usize, usize)>; 6],
}

impl<'s> Groups<'s> {
    fn get(&self, group: usize) -> Option<Span<'s>> {
        let (start, end) = (*self.spans.get(group)?)?;
        Some(Span {
            text: self.text,
            start,
            end,
        })
    }
}

/// The patterns of [`ANY`] for [`Matches`]: as `regex` builds them, without a literal
/// prefilter (the searches run over a few dozen bytes around the words a date needs,
/// where setting one up costs more than it saves).
static SEARCHERS: Lazy<Vec<meta::Regex>> = Lazy::new(|| {
    let config = meta::Regex::config().auto_prefilter(false);
    PATTERNS
        .iter()
        .map(|p| {
            meta::Regex::builder()
                .configure(config.clone())
                .build(p)
                .expect("date pattern")
        })
        .collect()
});

/// The matches of pattern `i` of [`ANY`] left to right within a range of a sentence, as
/// `captures_iter` gives them (look-around still sees the bytes outside the range), read
/// into one set of captures (made when first needed) instead of a new one per match;
/// none for no range.
struct Matches<'s> {
    re: &'static meta::Regex,
    /// The pattern's index in [`ANY`].
    pattern: usize,
    /// Whether `text` is ASCII, where [`groups::read`] reads the groups.
    ascii: bool,
    text: &'s str,
    /// The range left to search; `at > end` once there is none.
    at: usize,
    end: usize,
    /// No match starts past this byte: no search is run from past it.
    last: usize,
    caps: Option<Captures>,
}

impl<'s> Matches<'s> {
    /// `ascii`: whether `text` is ASCII.
    fn new(
        i: usize,
        text: &'s str,
        ascii: bool,
        range: Option<std::ops::Range<usize>>,
    ) -> Matches<'s> {
        let re = &SEARCHERS[i];
        let (at, end) = range.map_or((1, 0), |r| (r.start, r.end.min(text.len())));
        Matches {
            re,
            pattern: i,
            ascii,
            text,
            at,
            end,
            last: text.len(),
            caps: None,
        }
    }

    /// These matches when none starts past byte `last`.
    fn starting_by(self, last: usize) -> Matches<'s> {
        Matches { last, ..self }
    }
}

impl<'s> Iterator for Matches<'s> {
    type Item = Groups<'s>;

    /// Inlined: most patterns of a sentence are given no bytes, and end here.
    #[inline]
    fn next(&mut self) -> Option<Groups<'s>> {
        if self.at > self.end || self.at > self.last {
            return None;
        }
        self.search()
    }
}

impl<'s> Matches<'s> {
    /// The next match from `at` on, when there is range left to search.
    fn search(&mut self) -> Option<Groups<'s>> {
        // where the match is, by the lazy DFA; then its groups: read from its text, or
        // by a search anchored at its start over its bytes alone (the same groups: the
        // match is the first one that succeeds from there, and it ends there)
        let m = self
            .re
            .search(&Input::new(self.text).range(self.at..self.end))?;
        // no date pattern matches the empty string; were one to, stop rather than loop
        self.at = if m.end() > m.start() {
            m.end()
        } else {
            self.end + 1
        };
        let read = self
            .ascii
            .then(|| groups::read(self.pattern, self.text, m.start(), m.end()))
            .flatten();
        let spans = match read {
            Some(spans) => spans,
            None => {
                let re = self.re;
                let caps = self.caps.get_or_insert_with(|| re.create_captures());
                re.search_captures(
                    &Input::new(self.text)
                        .range(m.range())
                        .anchored(Anchored::Yes),
                    caps,
                );
                let mut spans = [None; 6];
                for (group, span) in spans.iter_mut().enumerate() {
                    *span = caps.get_group(group).map(|g| (g.start, g.end));
                }
                spans
            }
        };
        Some(Groups {
            text: self.text,
            spans,
        })
    }
}

/// The [`Matches`] of pattern `i` over the bytes `bytes_of` gives it, for [`dates_of`]:
/// none unless `patterns` has bit `i`. Inlined at each pattern's loop: a pattern left
/// out (most of them) then costs no call, nor a searcher built.
#[inline(always)]
fn matches_of<'s>(
    i: usize,
    sentence: &'s str,
    ascii: bool,
    patterns: u16,
    bytes_of: &impl Fn(usize) -> Option<(std::ops::Range<usize>, usize)>,
) -> Matches<'s> {
    // (tested here, in line, so that a pattern left out costs no call)
    let given = if patterns & (1 << i) != 0 {
        bytes_of(i)
    } else {
        None
    };
    let (range, last) = given.unzip();
    Matches::new(i, sentence, ascii, range).starting_by(last.unwrap_or(sentence.len()))
}

/// The dates of the patterns (by index in [`ANY`]) that `patterns` has the bits of and
/// `bytes_of` gives the bytes to search, and the last byte a match may start at: every
/// match of the pattern starts and ends within them, and starts by that byte; a pattern
/// left out or given no bytes must hold no match. `ascii`: whether the sentence is
/// ASCII.
fn dates_of<'s>(
    sentence: &'s str,
    today: NaiveDate,
    ascii: bool,
    patterns: u16,
    bytes_of: impl Fn(usize) -> Option<(std::ops::Range<usize>, usize)>,
) -> Vec<DateMention<'s>> {
    let mut found: Vec<DateMention> = Vec::new();
    let mut add = |start: usize,
                   end: usize,
                   value: NaiveDate,
                   precision: DatePrecision,
                   alt: Option<NaiveDate>| {
        let text = sentence.get(start..end).unwrap_or("");
        found.push(DateMention {
            value,
            precision,
            start,
            end,
            text,
            alt,
        });
    };

    for c in matches_of(0, sentence, ascii, patterns, &bytes_of) {
        let (Some(m), Some(y), Some(mo), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
            continue;
        };
        let date = ymd(y.as_str(), mo.as_str(), d.as_str());
        if let Some(date) = date.filter(|d| plausible_year(d.year())) {
            add(m.start(), m.end(), date, DatePrecision::Day, None);
        }
    }
    for (set_index, month_group, day_group) in [(1, 1, 2), (2, 2, 1)] {
        for c in matches_of(set_index, sentence, ascii, patterns, &bytes_of) {
            let (Some(m), Some(mo), Some(d)) = (c.get(0), c.get(month_group), c.get(day_group))
            else {
                continue;
            };
            // "March 5:30", "5.3 million": not a date.
            let after = sentence.as_bytes().get(m.end());
            if matches!(after, Some(b':') | Some(b'%')) {
                continue;
            }
            let Some(month) = month_number(mo.as_str()) else {
                continue;
            };
            let Ok(day) = d.as_str().parse::<u32>() else {
                continue;
            };
            let date = match c.get(3).and_then(|y| y.as_str().parse::<i32>().ok()) {
                Some(y) if plausible_year(y) => NaiveDate::from_ymd_opt(y, month, day),
                _ => infer_year(month, day, today),
            };
            if let Some(date) = date {
                // A bare "May 5" is fine; "may 5" never matches (case-sensitive).
                add(m.start(), m.end(), date, DatePrecision::Day, None);
            }
        }
    }
    for c in matches_of(3, sentence, ascii, patterns, &bytes_of) {
        let (Some(mo), Some(y)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let (Some(month), Ok(year)) = (month_number(mo.as_str()), y.as_str().parse::<i32>()) else {
            continue;
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, 1).filter(|_| plausible_year(year))
        {
            add(mo.start(), y.end(), date, DatePrecision::Month, None);
        }
    }
    for c in matches_of(4, sentence, ascii, patterns, &bytes_of) {
        let Some(mo) = c.get(1) else {
            continue;
        };
        let Some(month) = month_number(mo.as_str()) else {
            continue;
        };
        if let Some(date) = infer_year(month, 1, today) {
            add(mo.start(), mo.end(), date, DatePrecision::Month, None);
        }
    }
    for c in matches_of(5, sentence, ascii, patterns, &bytes_of) {
        let (Some(m), Some(wd)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let Some(weekday) = weekday_of(wd.as_str()) else {
            continue;
        };
        let modifier = c.get(1).map(|g| g.as_str().to_ascii_lowercase());
        let back = i64::from(
            (today.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7,
        );
        let value = match modifier.as_deref() {
            Some("next") => today + Duration::days(if back == 0 { 7 } else { 7 - back }),
            Some("last") | Some("this past") | Some("past") => {
                today - Duration::days(if back == 0 { 7 } else { back })
            }
            // "a meeting would be held on Saturday": the coming one.
            _ if back != 0 && future_before(sentence, m.start()) => {
                today + Duration::days(7 - back)
            }
            _ => today - Duration::days(back),
        };
        // "on Tuesday" keeps "on" out of the text; "late on Saturday" keeps it.
        let start = m.start();
        let mut end = m.end();
        if c.get(3).is_some() && c.get(4).is_none() {
            end = wd.end();
        }
        add(start, end, value, DatePrecision::Day, None);
    }
    for c in matches_of(6, sentence, ascii, patterns, &bytes_of) {
        let Some(m) = c.get(1) else {
            continue;
        };
        let words: String = m
            .as_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        let yesterday = today - Duration::days(1);
        let (value, precision, alt) = match words.as_str() {
            "today" | "earlier today" | "later today" | "tonight" | "this morning"
            | "early this morning" | "this afternoon" | "this evening" => {
                (today, DatePrecision::Day, None)
            }
            "yesterday" | "the previous day" | "the day before" | "a day earlier" => {
                (yesterday, DatePrecision::Day, None)
            }
            "the day before yesterday" => (today - Duration::days(2), DatePrecision::Day, None),
            "overnight" | "last night" => (today, DatePrecision::Day, Some(yesterday)),
            // before midnight, the evening before ("late last night")
            "late last night" => (yesterday, DatePrecision::Day, Some(today)),
            "this week" | "earlier this week" | "earlier in the week" => {
                (monday_of(today), DatePrecision::Week, None)
            }
            "last week" => (
                monday_of(today - Duration::days(7)),
                DatePrecision::Week,
                None,
            ),
            // Saturday, or Sunday: "the weekend's attack" read on Monday
            "the weekend" | "this past weekend" => {
                let sat = saturday_on_or_before(today);
                (sat, DatePrecision::Day, Some(sat + Duration::days(1)))
            }
            "last weekend" => {
                let sat = saturday_on_or_before(today - Duration::days(2));
                (sat, DatePrecision::Day, Some(sat + Duration::days(1)))
            }
            "this month" | "earlier this month" | "earlier in the month" => {
                (first_of_month(today), DatePrecision::Month, None)
            }
            "last month" => (months_back(today, 1), DatePrecision::Month, None),
            "this year" | "earlier this year" => (
                NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
                DatePrecision::Year,
                None,
            ),
            "last year" => (
                NaiveDate::from_ymd_opt(today.year() - 1, 1, 1).unwrap_or(today),
                DatePrecision::Year,
                None,
            ),
            _ => continue,
        };
        add(m.start(), m.end(), value, precision, alt);
    }
    for c in matches_of(7, sentence, ascii, patterns, &bytes_of) {
        let (Some(m), Some(n), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let Some(n) = small_number(n.as_str()).filter(|n| (0..=400).contains(n)) else {
            continue;
        };
        let (value, precision) = match unit.as_str().to_ascii_lowercase().as_str() {
            "day" => (today - Duration::days(n), DatePrecision::Day),
            "week" => (
                monday_of(today - Duration::days(7 * n)),
                DatePrecision::Week,
            ),
            "month" => (months_back(today, n as u32), DatePrecision::Month),
            _ => (
                NaiveDate::from_ymd_opt(today.year() - n as i32, 1, 1).unwrap_or(today),
                DatePrecision::Year,
            ),
        };
        add(m.start(), m.end(), value, precision, None);
    }
    for c in matches_of(8, sentence, ascii, patterns, &bytes_of) {
        let Some(y) = c.get(1) else {
            continue;
        };
        let after = sentence.as_bytes().get(y.end());
        if matches!(after, Some(b'%') | Some(b'-')) {
            continue;
        }
        if let Some(date) = y
            .as_str()
            .parse::<i32>()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        {
            add(y.start(), y.end(), date, DatePrecision::Year, None);
        }
    }
    dedup_overlaps(found)
}

/// Keeps the longest of overlapping mentions, in text order.
fn dedup_overlaps(mut found: Vec<DateMention<'_>>) -> Vec<DateMention<'_>> {
    // (one mention overlaps none: nothing to sort, no second list to make)
    if found.len() < 2 {
        return found;
    }
    found.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<DateMention> = Vec::with_capacity(found.len());
    for m in found {
        if kept.iter().all(|k| m.end <= k.start || m.start >= k.end) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// A byte prefilter for [`DATELINE`]: after leading white space the pattern needs an
/// upper-case ASCII letter, then one of `A-Z . ' -` or a space, then at least one more
/// character; false means the regex cannot match.
fn may_open_with_dateline(head: &str) -> bool {
    let b = head.trim_start_matches(char::is_whitespace).as_bytes();
    b.len() >= 3
        && b[0].is_ascii_uppercase()
        && matches!(b[1], b'A'..=b'Z' | b'.' | b'\'' | b'-' | b' ')
}

/// The parts of the dateline at the start of `text` when they make one: a date or an
/// agency, and a place of at most four words.
fn dateline_parts(text: &str) -> Option<Parts> {
    let mut cut = text.len().min(200);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    if !may_open_with_dateline(head) {
        return None;
    }
    let parts = match dateline_read::read(head) {
        Read::Found(parts) => parts,
        Read::NotFound => return None,
        Read::AskTheRegex => parts_by_regex(head)?,
    };
    if parts.date.is_none() && parts.agency.is_none() {
        return None;
    }
    // The place is a capitalised name ("SEOUL", "NEW YORK"), not a shouted sentence.
    if head.get(parts.place.clone())?.split_whitespace().count() > 4 {
        return None;
    }
    Some(parts)
}

/// The parts [`DATELINE`] captures at the start of `head`.
fn parts_by_regex(head: &str) -> Option<Parts> {
    let c = DATELINE.captures(head)?;
    let range = |i: usize| c.get(i).map(|m| m.range());
    Some(Parts {
        place: range(1)?,
        region: range(2),
        date: range(3),
        agency: range(5),
        end: c.get(0)?.end(),
    })
}

/// Where the wire dateline of [`dateline`] ends, without reading its date, place and
/// agency.
pub fn dateline_end(text: &str) -> Option<usize> {
    Some(dateline_parts(text)?.end)
}

/// Reads a wire dateline at the start of an article ("SEOUL, March 3 (Continental
/// Wire) -"). Needs a date or an agency so ordinary capitalised openings do not match.
pub fn dateline(text: &str, published: DateTime<Utc>) -> Option<Dateline<'_>> {
    let parts = dateline_parts(text)?;
    let part = |r: &Option<std::ops::Range<usize>>| r.clone().and_then(|r| text.get(r));
    let date = parts.date.clone().and_then(|d| {
        let today = published.date_naive();
        find_dates_on(text.get(d.clone())?, today)
            .into_iter()
            .next()
            .map(|mut m| {
                m.start += d.start;
                m.end += d.start;
                m
            })
    });
    Some(Dateline {
        place: text.get(parts.place.clone())?.trim().to_string(),
        region: part(&parts.region).map(|r| r.trim().to_string()),
        date,
        agency: part(&parts.agency).map(|a| a.trim().to_string()),
        end: parts.end,
    })
}

/// Standard UTC offsets in minutes (capital city, no daylight saving) for the
/// countries news datelines most often name.
const UTC_OFFSETS: &[(&str, i32)] = &[
    ("AE", 240),
    ("AF", 270),
    ("AM", 240),
    ("AR", -180),
    ("AT", 60),
    ("AU", 600),
    ("AZ", 240),
    ("BD", 360),
    ("BE", 60),
    ("BF", 0),
    ("BO", -240),
    ("BR", -180),
    ("BY", 180),
    ("CA", -300),
    ("CD", 60),
    ("CF", 60),
    ("CH", 60),
    ("CL", -240),
    ("CM", 60),
    ("CN", 480),
    ("CO", -300),
    ("CU", -300),
    ("CZ", 60),
    ("DE", 60),
    ("DK", 60),
    ("DZ", 60),
    ("EC", -300),
    ("EE", 120),
    ("EG", 120),
    ("ES", 60),
    ("ET", 180),
    ("FI", 120),
    ("FR", 60),
    ("GB", 0),
    ("GE", 240),
    ("GH", 0),
    ("GR", 120),
    ("GT", -360),
    ("HK", 480),
    ("HN", -360),
    ("HT", -300),
    ("HU", 60),
    ("ID", 420),
    ("IE", 0),
    ("IL", 120),
    ("IN", 330),
    ("IQ", 180),
    ("IR", 210),
    ("IT", 60),
    ("JO", 180),
    ("JP", 540),
    ("KE", 180),
    ("KG", 360),
    ("KP", 540),
    ("KR", 540),
    ("KZ", 300),
    ("LB", 120),
    ("LK", 330),
    ("LT", 120),
    ("LV", 120),
    ("LY", 120),
    ("MA", 60),
    ("MD", 120),
    ("ML", 0),
    ("MM", 390),
    ("MX", -360),
    ("MY", 480),
    ("MZ", 120),
    ("NE", 60),
    ("NG", 60),
    ("NI", -360),
    ("NL", 60),
    ("NO", 60),
    ("NP", 345),
    ("NZ", 720),
    ("PE", -300),
    ("PH", 480),
    ("PK", 300),
    ("PL", 60),
    ("PS", 120),
    ("PT", 0),
    ("PY", -240),
    ("QA", 180),
    ("RO", 120),
    ("RS", 60),
    ("RU", 180),
    ("SA", 180),
    ("SD", 120),
    ("SE", 60),
    ("SG", 480),
    ("SN", 0),
    ("SO", 180),
    ("SS", 120),
    ("SV", -360),
    ("SY", 180),
    ("TD", 60),
    ("TH", 420),
    ("TJ", 300),
    ("TN", 60),
    ("TR", 180),
    ("TW", 480),
    ("TZ", 180),
    ("UA", 120),
    ("UG", 180),
    ("US", -300),
    ("UY", -180),
    ("UZ", 300),
    ("VE", -240),
    ("VN", 420),
    ("YE", 180),
    ("ZA", 120),
    ("ZW", 120),
];

/// The standard UTC offset in minutes for a country (ISO 3166 alpha-2), if known.
pub fn utc_offset_minutes(country_alpha2: &str) -> Option<i32> {
    let key = country_alpha2.trim().to_ascii_uppercase();
    UTC_OFFSETS
        .binary_search_by(|(c, _)| (*c).cmp(key.as_str()))
        .ok()
        .map(|i| UTC_OFFSETS[i].1)
}

/// The publication day as seen where the article was written: an article published
/// at 02:30 UTC from Lima reports the previous local day. Unknown country: UTC.
pub fn local_day(published: DateTime<Utc>, dateline_country_alpha2: Option<&str>) -> NaiveDate {
    let offset = dateline_country_alpha2
        .and_then(utc_offset_minutes)
        .unwrap_or(0);
    (published + Duration::minutes(i64::from(offset))).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use DatePrecision::*;

    /// Thursday 24 July 2025, 10:00 UTC (the seed's publication time).
    fn published() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 7, 24, 10, 0, 0)
            .single()
            .expect("valid time")
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn found(s: &str) -> Vec<(String, NaiveDate, DatePrecision)> {
        find_dates(s, published())
            .into_iter()
            .map(|m| (m.text.to_string(), m.value, m.precision))
            .collect()
    }

    #[test]
    fn finds_dates_in_real_sentences() {
        type Want<'a> = &'a [(&'a str, NaiveDate, DatePrecision)];
        let cases: &[(&str, Want)] = &[
            (
                "Another assault on Kharkiv resulted in 33 people injured early Thursday morning.",
                &[("early Thursday morning", d(2025, 7, 24), Day)],
            ),
            (
                "Russian drones struck Odesa on Tuesday, officials said.",
                &[("Tuesday", d(2025, 7, 22), Day)],
            ),
            (
                "The building collapsed late on Saturday.",
                &[("late on Saturday", d(2025, 7, 19), Day)],
            ),
            (
                "Missiles hit Kyiv before dawn on Wednesday.",
                &[("before dawn on Wednesday", d(2025, 7, 23), Day)],
            ),
            (
                "Friday's strike killed four people.",
                &[("Friday", d(2025, 7, 18), Day)],
            ),
            (
                "The talks were held on July 23.",
                &[("July 23", d(2025, 7, 23), Day)],
            ),
            (
                "Talks resume on 23 July 2025.",
                &[("23 July 2025", d(2025, 7, 23), Day)],
            ),
            (
                "The ceasefire began on 5 March.",
                &[("5 March", d(2025, 3, 5), Day)],
            ),
            (
                "The decree dated 2025-03-05 was published.",
                &[("2025-03-05", d(2025, 3, 5), Day)],
            ),
            (
                "Trump prompted the initial rounds of talks in May and June.",
                &[
                    ("May", d(2025, 5, 1), Month),
                    ("June", d(2025, 6, 1), Month),
                ],
            ),
            (
                "Shelling continued yesterday.",
                &[("yesterday", d(2025, 7, 23), Day)],
            ),
            (
                "Protests are planned today.",
                &[("today", d(2025, 7, 24), Day)],
            ),
            (
                "Fighting intensified last week.",
                &[("last week", d(2025, 7, 14), Week)],
            ),
            // the seed's Thursday: the weekend before it, and the one before that
            (
                "The UN condemned the weekend's attack on the camp.",
                &[("the weekend", d(2025, 7, 19), Day)],
            ),
            (
                "Two people were killed in clashes last weekend.",
                &[("last weekend", d(2025, 7, 19), Day)],
            ),
            (
                "Several fires broke out earlier this month.",
                &[("earlier this month", d(2025, 7, 1), Month)],
            ),
            (
                "Prices rose last month.",
                &[("last month", d(2025, 6, 1), Month)],
            ),
            ("The war began in 2022.", &[("2022", d(2022, 1, 1), Year)]),
            (
                "He was detained in March 2024.",
                &[("March 2024", d(2024, 3, 1), Month)],
            ),
            (
                "Troops withdrew three days ago.",
                &[("three days ago", d(2025, 7, 21), Day)],
            ),
            (
                "Sept. 12 was the deadline.",
                &[("Sept. 12", d(2025, 9, 12), Day)],
            ),
            // A date late in the year, read in July, is last December.
            (
                "Clashes erupted on December 28.",
                &[("December 28", d(2024, 12, 28), Day)],
            ),
            (
                "The mayor said a meeting with residents would be held on Saturday.",
                &[("Saturday", d(2025, 7, 26), Day)],
            ),
            (
                "Crews restored power by Tuesday evening and expected the rest back by Friday.",
                &[
                    ("Tuesday evening", d(2025, 7, 22), Day),
                    ("Friday", d(2025, 7, 25), Day),
                ],
            ),
            // Not dates.
            (
                "The conflict, now over four years old, remains entrenched.",
                &[],
            ),
            ("Officials may 5 times revise the figure.", &[]),
            ("In 2,000 cases, nothing happened.", &[]),
            ("The third round of talks was held in Istanbul.", &[]),
        ];
        for (sentence, want) in cases {
            let want: Vec<(String, NaiveDate, DatePrecision)> = want
                .iter()
                .map(|(t, v, p)| (t.to_string(), *v, *p))
                .collect();
            assert_eq!(found(sentence), want, "{sentence:?}");
        }
    }

    #[test]
    fn overnight_offers_the_previous_day() {
        let m = find_dates("Drones attacked Odesa overnight.", published());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value, d(2025, 7, 24));
        assert_eq!(m[0].alt, Some(d(2025, 7, 23)));
        let m = find_dates("Explosions were heard last night in Kyiv.", published());
        assert_eq!(
            (m[0].value, m[0].alt),
            (d(2025, 7, 24), Some(d(2025, 7, 23)))
        );
        let m = find_dates("Gunmen attacked a checkpoint late last night.", published());
        assert_eq!(
            (m[0].value, m[0].alt),
            (d(2025, 7, 23), Some(d(2025, 7, 24)))
        );
    }

    #[test]
    fn weekday_rules() {
        // Same weekday as publication = that day; "last" = a week earlier; "next" ahead.
        let cases = [
            ("on Thursday", d(2025, 7, 24)),
            ("last Thursday", d(2025, 7, 17)),
            ("next Monday", d(2025, 7, 28)),
            ("on Friday", d(2025, 7, 18)),
        ];
        for (s, want) in cases {
            let m = find_dates(s, published());
            assert_eq!(m.first().map(|m| m.value), Some(want), "{s}");
        }
    }

    #[test]
    fn reads_datelines() {
        let dl = dateline(
            "SEOUL, March 3 (Continental Wire) - North Korea fired missiles.",
            published(),
        )
        .expect("dateline");
        assert_eq!(dl.place, "SEOUL");
        assert_eq!(dl.agency.as_deref(), Some("Continental Wire"));
        assert_eq!(dl.date.as_ref().map(|m| m.value), Some(d(2025, 3, 3)));
        let dl = dateline(
            "KYIV, Ukraine (Reuters) - Drones hit the capital.",
            published(),
        )
        .expect("dateline");
        assert_eq!(dl.region.as_deref(), Some("Ukraine"));
        assert_eq!(dl.date, None);
        assert_eq!(
            dateline(
                "Recent developments in the conflict - a review.",
                published()
            ),
            None
        );
        assert_eq!(dateline("", published()), None);
    }

    #[test]
    fn dateline_end_is_where_the_dateline_ends() {
        assert_eq!(
            dateline_end("NAIROBI (AP) - Kenyan police fired tear gas."),
            Some(15)
        );
        for text in [
            "SEOUL, March 3 (Continental Wire) - North Korea fired missiles.",
            "KYIV, Ukraine (Reuters) - Drones hit the capital.",
            "BEIRUT, Oct. 12, 2024 - Strikes hit the southern suburbs.",
            "NEW YORK: Markets fell.",
            "NAIROBI (AP) - Kenyan police fired tear gas.",
            "Recent developments in the conflict - a review.",
            "A Russian drone struck Kharkiv (officials) - more soon.",
            "THE ARMY OF THE NORTH AND SOUTH, March 3 - shouted.",
            "",
        ] {
            assert_eq!(
                dateline_end(text),
                dateline(text, published()).map(|d| d.end),
                "{text}"
            );
        }
    }

    /// The hand reader reads every opening as the regex does: tricky openings, and the
    /// articles of the dev corpus (and of the JSON-lines file named by
    /// `DATES_TEST_CORPUS`), each cut at every character of its first 120 bytes from
    /// either side, shouted, and with spaces taken out.
    #[test]
    fn dateline_reader_reads_as_the_regex() {
        let mut texts: Vec<String> = [
            "SEOUL, March 3 (Continental Wire) - x",
            "NEW DELHI/ISLAMABAD, Nov 20 (Reuters) - x",
            "GAZA/JERUSALEM (Reuters) - x",
            "BEIRUT, Oct. 12, 2024 - x",
            "A. B. (Wire) - x",
            "\u{a0}GAZA CITY, Oct. 2 (Wire)-x",
            "SEOUL, March 3, 20245 - x",
            "SEOUL, March 123 - x",
            "SEOUL, Jan.  5 - x",
            "SEOUL, Sept 5, 2025 - x",
            "SEOUL, South Korea, March 3, 2025 (Wire): x",
            "SEOUL,Korea,March 3(Wire)-x",
            "SEOUL (Wire\nx) - y",
            "SEOUL (a) -",
            "SEOUL, Korea, Jan - 5",
            "THE ARMY OF THE NORTH AND SOUTH, March 3 - shouted.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(corpus_bodies());
        let (mut checked, mut found) = (0, 0);
        let mut check = |head: &str| {
            let mut cut = head.len().min(200);
            while !head.is_char_boundary(cut) {
                cut -= 1;
            }
            let head = &head[..cut];
            let want = parts_by_regex(head);
            match dateline_read::read(head) {
                Read::Found(parts) => {
                    assert_eq!(Some(parts), want, "{head:?}");
                    found += 1;
                }
                Read::NotFound => assert_eq!(None, want, "{head:?}"),
                Read::AskTheRegex => {}
            }
            checked += 1;
        };
        for text in &texts {
            check(text);
            check(&text.to_uppercase());
            check(
                &text
                    .replace(" (", "(")
                    .replace(", ", ",")
                    .replace("- ", "-"),
            );
            for (i, _) in text.char_indices().take_while(|(i, _)| *i < 120) {
                check(&text[..i]);
                check(&text[i..]);
            }
        }
        println!("{checked} openings checked, {found} datelines");
        assert!(found >= 10);
        assert_eq!(
            dateline_read::read("SEOUL, March \u{663} - x"),
            Read::AskTheRegex
        );
    }

    /// The bodies of the dev corpus and of the JSON-lines file named by
    /// `DATES_TEST_CORPUS` (none where a file is missing).
    fn corpus_bodies() -> Vec<String> {
        let extra = std::env::var("DATES_TEST_CORPUS").ok();
        let extra = extra.as_deref().map(crate::pipeline::test_articles);
        crate::pipeline::dev_articles()
            .into_iter()
            .chain(extra.into_iter().flatten())
            .filter_map(|v| v["body"].as_str().map(str::to_string))
            .collect()
    }

    /// Every pattern that matches in a sentence is one its date words let run, so that
    /// the sentence's dates are those the full set finds: over tricky sentences (in four
    /// spellings, cut at every word boundary) and every sentence of the dev corpus (and
    /// of the JSON-lines file named by `DATES_TEST_CORPUS`).
    #[test]
    fn date_words_let_every_matching_pattern_run() {
        use crate::pipeline::extract::lexicon::{is_word_byte, Cand, Lexicons};
        let scanner = Lexicons::new(&[date_words()]);
        let today = published().date_naive();
        let (mut sentences, mut matching, mut skipped) = (0, 0, 0);
        let mut check = |text: &str, found: &[Cand], start: usize, end: usize| {
            let b = text.as_bytes();
            let inside = |i: usize| b.get(i).is_some_and(|&c| is_word_byte(c));
            if (start > 0 && inside(start - 1)) || inside(end) {
                return;
            }
            let mine: Vec<Cand> = found
                .iter()
                .filter(|c| (start..end).contains(&c.0))
                .copied()
                .collect();
            let words = mine
                .iter()
                .fold(0, |m, c| m | date_words().value(c.2).unwrap_or(0));
            let st = &text[start..end];
            let Some(run) = patterns_to_run(st, words) else {
                skipped += 1;
                return;
            };
            sentences += 1;
            let hits = ANY.matches(st);
            for i in hits.iter() {
                assert!(
                    run & (1 << i) != 0,
                    "pattern {i} matches {st:?}, words {words:#b}"
                );
            }
            matching += usize::from(hits.matched_any());
            assert_eq!(
                find_dates_among(st, today, &mine, start),
                find_dates_on(st, today),
                "{st:?}"
            );
        };
        let tricky = [
            "on Tuesday on Tuesday, early Thursday morning and late on Friday's talks",
            "2025-03-05 and 2024-12-31; 23 July 2025, July 23, 2025 and March 2024",
            "in May and June, since 2021, three days ago, last week, the weekend",
            "in earlyJuly, in midMarch, in lateMay, in2020, since1999, mid-2021, mid 2019",
            "Jan. 5, Sept. 12, 2024, 3rd of Dec, 5 Sep, Oct 7 and 12 Dec. 2023",
            "the day before yesterday, a day earlier, late last night, earlier in the week",
            "killed 3 Marines and 5 Mayors; 12 Decembers; Mayhem on 4 Mars",
            "Monday's raid, before dawn on Sunday, this past Saturday evening, next Friday",
            "_July 4, x2024-01-01, 2024-01-01x, 1999-12-31 in_2020",
            "earlier today, later today, tonight, early this morning, this afternoon, this evening",
            "earlier this week, earlier this month, earlier in the month, earlier this year",
            "the previous day, the day before, this past weekend, last weekend, last month",
            "between early September and mid-October, through July, until late May, by June",
            "from mid July, to August, of March; until2020, Early 2019, mid- 2017, during 2016",
            "the 12th of May, 5th June, 1st of December, 2nd Jan. 2024, 3rd Sept, 21 Oct",
        ];
        for t in tricky {
            for text in [
                t.to_string(),
                t.to_uppercase(),
                t.to_lowercase(),
                t.replace(' ', "  "),
                t.replace(' ', " \t\n "),
            ] {
                let found = scanner.scan(&text).pop().unwrap_or_default();
                let cuts: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                for &a in &cuts {
                    for &z in cuts.iter().filter(|&&z| z > a).step_by(3) {
                        check(&text, &found, a, z);
                    }
                }
            }
        }
        for body in corpus_bodies() {
            let found = scanner.scan(&body).pop().unwrap_or_default();
            for s in crate::pipeline::sentences::split(&body) {
                check(&body, &found, s.start, s.end);
            }
        }
        println!("{sentences} sentences, {matching} with a date; {skipped} not ASCII");
        assert!(matching >= 100, "{matching}");
    }

    #[test]
    fn a_month_inside_a_longer_word_dates_nothing() {
        let today = published().date_naive();
        assert!(find_dates_on("Gunmen killed 3 Marines and 12 Mayors.", today).is_empty());
        let m = find_dates_on("on 3 Mar. and 5 Sept, 2024", today);
        assert_eq!(m.len(), 2, "{m:?}");
    }

    /// Reading matches into reused slots gives what `captures_iter` gives: every group
    /// of every match of every pattern, over tricky sentences and the bodies of the dev
    /// corpus (and of the JSON-lines file named by `DATES_TEST_CORPUS`).
    #[test]
    fn reused_slots_read_as_captures_iter() {
        let mut texts: Vec<String> = [
            "on Tuesday on Tuesday, early Thursday morning and late on Friday's",
            "2025-03-05 and 2024-12-31; 23 July 2025, July 23, 2025 and March 2024",
            "in May and June, since 2021, three days ago, last week, the weekend",
            "SEOUL, March \u{663} and 5 Octopus and earlyMarch",
            "Jan. 5, 2024, Sept. 12th, 5th of Sept. 2024, 3 Dec, 2023, 7 of May. 2025",
            "June 2024, May, 2023, in earlyJuly, in mid-May, between late June",
            "12 MONTHS AGO, a Week ago, an hour ago, 3 Days  ago, In2020, mid-1999",
            "this past Sunday's overnight, before dawn on Monday, Last Friday evening",
            "Early on  Monday's\tmorning, Monday'sX, Mondays, before  dawn   Tuesday night",
            "Past Thursday's dawn, This past\nWednesday, next Saturday nightly, late Sunday'",
            "Last Friday's overnight: late on Friday, earlyMonday, Early Sunday morning's",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(corpus_bodies());
        let patterns: Vec<Regex> = PATTERNS
            .iter()
            .map(|p| Regex::new(p).expect("date pattern"))
            .collect();
        let mut matched = 0;
        for text in &texts {
            for (i, re) in patterns.iter().enumerate() {
                let want: Vec<Vec<Option<(usize, usize)>>> = re
                    .captures_iter(text)
                    .map(|c| {
                        (0..6)
                            .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                let got: Vec<Vec<Option<(usize, usize)>>> =
                    Matches::new(i, text, text.is_ascii(), Some(0..text.len()))
                        .map(|c| {
                            (0..6)
                                .map(|g| c.get(g).map(|m| (m.start(), m.end())))
                                .collect()
                        })
                        .collect();
                assert_eq!(got, want, "{text:?}");
                matched += want.len();
                assert_eq!(Matches::new(i, text, text.is_ascii(), None).count(), 0);
            }
        }
        assert!(matched >= 100, "{matched}");
    }

    #[test]
    fn local_day_follows_the_dateline() {
        let late = Utc
            .with_ymd_and_hms(2025, 3, 4, 2, 30, 0)
            .single()
            .expect("time");
        assert_eq!(local_day(late, Some("PE")), d(2025, 3, 3));
        assert_eq!(local_day(late, Some("UA")), d(2025, 3, 4));
        assert_eq!(local_day(late, None), d(2025, 3, 4));
        assert_eq!(local_day(late, Some("??")), d(2025, 3, 4));
        let evening = Utc
            .with_ymd_and_hms(2025, 3, 4, 20, 0, 0)
            .single()
            .expect("time");
        assert_eq!(local_day(evening, Some("JP")), d(2025, 3, 5));
    }

    /// The dateline prefilter never hides a match: each opening below is checked against
    /// the regex itself.
    #[test]
    fn dateline_prefilter_passes_whatever_the_regex_matches() {
        for head in [
            "KYIV, March 11 (Wire) - Drones struck.",
            "  SEOUL (Continental Wire) - Talks.",
            "\u{a0}GAZA CITY, Oct. 2 (Wire) - Strikes.",
            "The minister said (Wire) - nothing.",
            "Kyiv (Wire) - Drones.",
            "A. B. (Wire) - x",
        ] {
            let matched = DATELINE.is_match(head);
            assert!(!matched || may_open_with_dateline(head), "{head}");
        }
        assert!(!may_open_with_dateline(
            "The minister said (Wire) - nothing."
        ));
        assert!(may_open_with_dateline(
            "  SEOUL (Continental Wire) - Talks."
        ));
    }

    #[test]
    fn offsets_table_is_sorted() {
        assert!(UTC_OFFSETS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn survives_hostile_input() {
        for s in [
            "",
            "0000-00-00",
            "February 31",
            "9999-12-31",
            "99 ago",
            "Monday's's",
            "\u{e9}",
        ] {
            let _ = find_dates(s, published());
            let _ = dateline(s, published());
        }
        let long = "on Tuesday ".repeat(5000);
        assert_eq!(find_dates(&long, published()).len(), 5000);
    }
}
