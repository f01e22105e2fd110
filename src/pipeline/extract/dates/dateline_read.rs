//! A reader for the wire dateline opening an article ("SEOUL, March 3 (Continental
//! Wire) -"), giving what the `DATELINE` regex's captures give without running a
//! backtracking regex engine over the article's head.
//!
//! It follows the regex's own order of trying: leading white space; the longest place
//! first; a region (shortest first) before none; a date before none; an agency before
//! none; then the dash or colon and white space. Every other repetition of the regex can
//! only succeed at its longest, so it is read at its longest. A digit outside ASCII
//! (which `\d` would take) makes it give up: [`read`] then returns `None` and the caller
//! runs the regex.

use std::ops::Range;

/// The parts of a dateline, as byte ranges in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parts {
    pub(super) place: Range<usize>,
    pub(super) region: Option<Range<usize>>,
    pub(super) date: Option<Range<usize>>,
    pub(super) agency: Option<Range<usize>>,
    /// Just past the white space after the dash.
    pub(super) end: usize,
}

/// What reading found: a dateline's parts, none, or text only the regex can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Read {
    Found(Parts),
    NotFound,
    AskTheRegex,
}

/// Months as the regex lists them, in its order of trying: the full names, the
/// abbreviations with their dot, then without.
pub(super) const MONTHS: [&str; 31] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Reads the dateline at the start of `head` as the `DATELINE` regex would.
pub(super) fn read(head: &str) -> Read {
    let r = Reader { s: head };
    let p0 = r.spaces(0);
    if !r.byte(p0).is_some_and(|b| b.is_ascii_uppercase()) {
        return Read::NotFound;
    }
    // [A-Z] [A-Z.'\-/ ]{1,40} [A-Z.], the longest first
    let run = r.run(p0 + 1, is_place_byte);
    for mid in (1..=run.saturating_sub(1).min(40)).rev() {
        let last = p0 + 1 + mid;
        if !r
            .byte(last)
            .is_some_and(|b| b.is_ascii_uppercase() || b == b'.')
        {
            continue;
        }
        match r.after_place(last + 1) {
            Ok(Some(mut parts)) => {
                parts.place = p0..last + 1;
                return Read::Found(parts);
            }
            Ok(None) => {}
            Err(GiveUp) => return Read::AskTheRegex,
        }
    }
    Read::NotFound
}

/// Text only the regex can read (a non-ASCII digit).
struct GiveUp;

type Step = Result<Option<Parts>, GiveUp>;

struct Reader<'a> {
    s: &'a str,
}

fn is_place_byte(b: u8) -> bool {
    // ('/' joins two cities: "NEW DELHI/ISLAMABAD")
    b.is_ascii_uppercase() || matches!(b, b'.' | b'\'' | b'-' | b' ' | b'/')
}

fn is_region_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || matches!(b, b'.' | b'\'' | b'-' | b' ')
}

impl Reader<'_> {
    fn byte(&self, i: usize) -> Option<u8> {
        self.s.as_bytes().get(i).copied()
    }

    /// Past the white space (`\s*`) from `i`.
    fn spaces(&self, mut i: usize) -> usize {
        while let Some(c) = self.s.get(i..).and_then(|t| t.chars().next()) {
            if !c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// How many bytes from `i` on pass `keep`.
    fn run(&self, i: usize, keep: fn(u8) -> bool) -> usize {
        self.s
            .as_bytes()
            .get(i..)
            .map_or(0, |t| t.iter().take_while(|&&b| keep(b)).count())
    }

    /// `(?:,\s*([A-Z][A-Za-z.'\- ]{1,30}?))?` and the rest, from just past the place.
    fn after_place(&self, i: usize) -> Step {
        if self.byte(i) == Some(b',') {
            let r0 = self.spaces(i + 1);
            if self.byte(r0).is_some_and(|b| b.is_ascii_uppercase()) {
                let run = self.run(r0 + 1, is_region_byte).min(30);
                for len in 1..=run {
                    let end = r0 + 1 + len;
                    if let Some(mut parts) = self.after_region(end)? {
                        parts.region = Some(r0..end);
                        return Ok(Some(parts));
                    }
                }
            }
        }
        self.after_region(i)
    }

    /// `(?:,\s*({MONTH}\s+\d{1,2}(?:,\s*\d{4})?))?` and the rest.
    fn after_region(&self, i: usize) -> Step {
        if self.byte(i) == Some(b',') {
            let d0 = self.spaces(i + 1);
            let rest = self.s.get(d0..).unwrap_or("");
            for month in MONTHS.iter().filter(|m| rest.starts_with(*m)) {
                let digits_at = self.spaces(d0 + month.len());
                if digits_at == d0 + month.len() {
                    continue;
                }
                let day = self.digits(digits_at, 2)?;
                for len in (1..=day).rev() {
                    let day_end = digits_at + len;
                    if let Some(end) = self.year(day_end)? {
                        if let Some(mut parts) = self.after_date(end) {
                            parts.date = Some(d0..end);
                            return Ok(Some(parts));
                        }
                    }
                    if let Some(mut parts) = self.after_date(day_end) {
                        parts.date = Some(d0..day_end);
                        return Ok(Some(parts));
                    }
                }
            }
        }
        Ok(self.after_date(i))
    }

    /// How many ASCII digits (at most `max`) start at `i`; a non-ASCII digit gives up.
    fn digits(&self, i: usize, max: usize) -> Result<usize, GiveUp> {
        let mut n = 0;
        for c in self.s.get(i..).unwrap_or("").chars().take(max) {
            if c.is_ascii_digit() {
                n += 1;
            } else if c.is_numeric() {
                return Err(GiveUp);
            } else {
                break;
            }
        }
        Ok(n)
    }

    /// `,\s*\d{4}` at `i`: where it ends.
    fn year(&self, i: usize) -> Result<Option<usize>, GiveUp> {
        if self.byte(i) != Some(b',') {
            return Ok(None);
        }
        let y0 = self.spaces(i + 1);
        Ok((self.digits(y0, 4)? == 4).then_some(y0 + 4))
    }

    /// `\s*(?:\(([^()\n]{1,40})\))?\s*(?:-|:)\s*` from `i`.
    fn after_date(&self, i: usize) -> Option<Parts> {
        let mut at = self.spaces(i);
        let mut agency = None;
        if self.byte(at) == Some(b'(') {
            let inner = self.s.get(at + 1..).unwrap_or("");
            let (chars, bytes) = inner
                .chars()
                .take_while(|c| !matches!(c, '(' | ')' | '\n'))
                .fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()));
            let close = at + 1 + bytes;
            if !(1..=40).contains(&chars) || self.byte(close) != Some(b')') {
                return None;
            }
            agency = Some(at + 1..close);
            at = self.spaces(close + 1);
        }
        if !matches!(self.byte(at), Some(b'-' | b':')) {
            return None;
        }
        Some(Parts {
            place: 0..0,
            region: None,
            date: None,
            agency,
            end: self.spaces(at + 1),
        })
    }
}
