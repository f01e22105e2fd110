//! The groups of a date pattern's match read from its text, on ASCII text: a match's words
//! fall in fixed places, so that finding them again needs no second, capturing search
//! (which costs more than the search that found the match).

/// The group spans of a match (group 0 is the match itself); `None` where the match
/// holds none.
pub(super) type Spans = [Option<(usize, usize)>; 6];

use super::dateline_read::MONTHS;
use super::{full_months, is_space};

/// Whether `word` is one of the abbreviations that `MONTH` and `MONTH_WORD` take with
/// their dot ("Sept.": the next twelve of [`MONTHS`]).
fn dotted(word: &str) -> bool {
    MONTHS[12..24]
        .iter()
        .any(|m| m.strip_suffix('.') == Some(word))
}

/// The groups of the match `start..end` of pattern `pattern` (its index in the date
/// regex set) in `text`, which must be ASCII: as the pattern's capturing search gives
/// them. `None` for a pattern read only by that search.
pub(super) fn read(pattern: usize, text: &str, start: usize, end: usize) -> Option<Spans> {
    let b = text.as_bytes().get(..end)?;
    let mut g: Spans = [None; 6];
    g[0] = Some((start, end));
    match pattern {
        // ISO: "2025-03-05"
        0 => {
            g[1] = Some((start, start + 4));
            g[2] = Some((start + 5, start + 7));
            g[3] = Some((start + 8, start + 10));
        }
        // MONTH_DAY: "Sept. 30th, 2025": the month up to the space, the day's digits,
        // the year when the match goes on past the day
        1 => {
            let month_end = skip(b, start, |c| !is_space(c));
            let day = skip(b, month_end, is_space);
            let day_end = skip(b, day, |c| c.is_ascii_digit());
            g[1] = Some((start, month_end));
            g[2] = Some((day, day_end));
            g[3] = year_after(b, ordinal_end(b, day_end, end), end);
        }
        // DAY_MONTH: "30th of Sept. 2025"
        2 => {
            let day_end = skip(b, start, |c| c.is_ascii_digit());
            let mut month = skip(b, ordinal_end(b, day_end, end), is_space);
            if b.get(month..month + 2) == Some(b"of")
                && b.get(month + 2).is_some_and(|&c| is_space(c))
            {
                month = skip(b, month + 2, is_space);
            }
            let word_end = skip(b, month, |c| c.is_ascii_alphabetic());
            let word = text.get(month..word_end)?;
            let dotted = dotted(word) && b.get(word_end) == Some(&b'.');
            let month_end = word_end + usize::from(dotted);
            g[1] = Some((start, day_end));
            g[2] = Some((month, month_end));
            g[3] = year_after(b, month_end, end);
        }
        // MONTH_YEAR: "September, 2025"
        3 => {
            let words = b.get(start..)?;
            let name = full_months()
                .iter()
                .find(|m| words.starts_with(m.as_bytes()))?;
            g[1] = Some((start, start + name.len()));
            g[2] = Some((end.checked_sub(4)?, end));
        }
        // MONTH_ALONE: "in early September": the month ends the match
        4 => {
            let words = b.get(start..)?;
            let name = full_months()
                .iter()
                .find(|m| words.ends_with(m.as_bytes()))?;
            g[1] = Some((end.checked_sub(name.len())?, end));
        }
        // WEEKDAY: "late on Friday's night": the modifier up to the white space before
        // the weekday, which is the first word of the match that names one (no
        // modifier word does); then its "'s" and the time of day, when the match goes
        // on over them (the time of day ends it)
        5 => {
            let (day, len) = weekday_in(b, start, end)?;
            if day > start {
                let mut modifier_end = day;
                while modifier_end > start && b.get(modifier_end - 1).is_some_and(|&c| is_space(c))
                {
                    modifier_end -= 1;
                }
                g[1] = Some((start, modifier_end));
            }
            let mut at = day + len;
            g[2] = Some((day, at));
            if end > at && b.get(at) == Some(&b'\'') {
                g[3] = Some((at, at + 2));
                at += 2;
            }
            if end > at {
                g[4] = Some((skip(b, at, is_space), end));
            }
        }
        // RELATIVE: the match is its one group
        6 => g[1] = Some((start, end)),
        // AGO: "12 months ago": the count up to the space, the unit without its "s"
        7 => {
            let count_end = skip(b, start, |c| !is_space(c));
            let unit = skip(b, count_end, is_space);
            let len = match b.get(unit)?.to_ascii_lowercase() {
                b'd' => 3,
                b'w' | b'y' => 4,
                b'm' => 5,
                _ => return None,
            };
            g[1] = Some((start, count_end));
            g[2] = Some((unit, unit + len));
        }
        // YEAR: "during 2023": the year ends the match
        8 => g[1] = Some((end.checked_sub(4)?, end)),
        _ => return None,
    }
    Some(g)
}

/// The days of the week as the WEEKDAY pattern spells them.
const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Where the weekday of a WEEKDAY match `start..end` starts, and its length: at the
/// match's start or after white space, the first place where a day's name stands.
fn weekday_in(b: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let words = b.get(..end)?;
    (start..end)
        .filter(|&p| p == start || words.get(p - 1).is_some_and(|&c| is_space(c)))
        .find_map(|p| {
            let rest = words.get(p..)?;
            DAYS.iter()
                .find(|d| rest.starts_with(d.as_bytes()))
                .map(|d| (p, d.len()))
        })
}

/// Past an ordinal suffix ("th") at `at`, when the match goes on over it.
fn ordinal_end(b: &[u8], at: usize, end: usize) -> usize {
    let two = b.get(at..at + 2);
    if at + 2 <= end && matches!(two, Some(b"st" | b"nd" | b"rd" | b"th")) {
        at + 2
    } else {
        at
    }
}

/// The four-digit year that ends the match, when it goes on past `at`.
fn year_after(b: &[u8], at: usize, end: usize) -> Option<(usize, usize)> {
    (end > at && end >= 4 && b.get(end - 4..end)?.iter().all(u8::is_ascii_digit))
        .then_some((end - 4, end))
}

/// The first byte from `at` on that `keep` refuses (or the end of `b`).
fn skip(b: &[u8], mut at: usize, keep: impl Fn(u8) -> bool) -> usize {
    while b.get(at).is_some_and(|&c| keep(c)) {
        at += 1;
    }
    at
}
