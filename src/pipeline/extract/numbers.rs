//! Counts in text: casualty figures (killed, injured, missing, arrested), vague amounts
//! and other quantities (prisoners exchanged, bodies transferred, people displaced).
//!
//! Works on one sentence of normalized text. A number phrase ("two", "a dozen",
//! "at least 33", "1,200", "twenty-three", "dozens of") is tied to a casualty kind by
//! the words around it: a noun or participle after it ("33 people injured", "two
//! fatalities", "five people were abducted", "three bodies discovered"), or a verb
//! before it ("killing four policemen", "police arrested 12", "the death toll rose to
//! 18"). Negations ("no one was killed", "no casualties were reported", "was unhurt")
//! give zero. Years, ages, times, percentages, money, measures and ordinals are never
//! counts.

use std::cell::Cell;

/// What a casualty figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountKind {
    Killed,
    Injured,
    Missing,
    Arrested,
    Abducted,
}

impl CountKind {
    /// The contract's name for the kind (`vague` lists use it).
    pub fn as_str(self) -> &'static str {
        match self {
            CountKind::Killed => "killed",
            CountKind::Injured => "injured",
            CountKind::Missing => "missing",
            CountKind::Arrested => "arrested",
            CountKind::Abducted => "abducted",
        }
    }
}

/// One casualty figure found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMention {
    pub kind: CountKind,
    /// The number; `None` for a vague amount ("several", "dozens").
    pub value: Option<u32>,
    /// Byte range in the sentence covering the number and the words that tie it to the
    /// kind ("at least 33 people injured").
    pub start: usize,
    pub end: usize,
    /// Zero because the text denies any ("no one was killed", "was unhurt").
    pub zero_by_negation: bool,
    /// The figure is a bound or estimate ("at least 33", "about 40", "more than 12").
    pub approximate: bool,
}

/// A count of something that is not a casualty ("1,200 prisoners of war").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityMention {
    /// The counted thing as written ("prisoners of war", "deceased Ukrainian soldiers").
    pub what: String,
    pub count: u64,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    Word,
    Num,
    Punct,
}

/// A token of a sentence: its text is the sentence's bytes `start..end` ([`Tok::text`]).
#[derive(Debug, Clone)]
struct Tok<'a> {
    /// ASCII-lowercased text (every lexicon word is ASCII), as bytes: slicing a `str`
    /// checks both ends for a character boundary, for every token.
    lower: &'a [u8],
    start: usize,
    end: usize,
    kind: TokKind,
    /// Length of the word before its first hyphen ("twenty" of "twenty-three"), at most
    /// 255.
    head_len: u8,
    /// The text starts with an upper-case letter.
    capital: bool,
}

impl<'a> Tok<'a> {
    /// The token as written in sentence `s` (the one it was cut from).
    fn text<'s>(&self, s: &'s str) -> &'s str {
        s.get(self.start..self.end).unwrap_or("")
    }

    /// The value of the token as a number word ("seven", "twenty-three"), split at the
    /// hyphen the tokenizer found.
    fn word_number(&self) -> Option<u64> {
        let w = self.lower;
        // no number word is this long (and a longer word's head length may be cut)
        if w.len() >= 16 {
            return None;
        }
        let head = usize::from(self.head_len).min(w.len());
        split_number(&w[..head], w.get(head + 1..))
    }

    /// The lower-case word before its first hyphen.
    fn head(&self) -> &'a [u8] {
        let w = self.lower;
        w.get(..usize::from(self.head_len)).unwrap_or(w)
    }
}

/// Upper bound on tokens looked at per sentence: keeps time bounded on any input.
const MAX_TOKENS: usize = 2000;

/// How the tokenizer treats a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Space,
    Digit,
    Letter,
    /// Any other ASCII byte: one punctuation token.
    Other,
    /// Part of a non-ASCII character.
    Wide,
}

/// [`ByteClass`] of every byte.
static CLASS: [ByteClass; 256] = {
    let mut t = [ByteClass::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            ByteClass::Space
        } else if c.is_ascii_digit() {
            ByteClass::Digit
        } else if c.is_ascii_alphabetic() {
            ByteClass::Letter
        } else {
            ByteClass::Other
        };
        b += 1;
    }
    t
};

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether a byte is an ASCII letter or digit, looked up in [`ALNUM`].
#[inline]
fn is_alnum(b: u8) -> bool {
    ALNUM[b as usize]
}

/// Tokenizes `s`; `lower` must be `s.to_ascii_lowercase()` (same byte offsets).
///
/// Most tokens are words of ASCII letters that end at a space or a mark: they are read
/// in line, a mark in one step, and everything else (digits, spaces that are no single
/// ' ', characters beyond ASCII, words that go on past a hyphen or an apostrophe) out of
/// line by [`rare_token`]. One match over a byte class for every token (the old loop,
/// kept as `tokenize_by_class` for the tests) cost a jump through a table per token and
/// kept more values on the stack.
fn tokenize<'a>(s: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    tokenize_into(s, lower, &mut out);
    out
}

/// [`tokenize`] into `out`, which must be empty: [`read_counts`] lends one buffer to the
/// sentences of a thread in turn.
fn tokenize_into<'a>(s: &'a str, lower: &'a str, out: &mut Vec<Tok<'a>>) {
    let bytes = s.as_bytes();
    // (a lower case of another length breaks the rule: no tokens)
    let Some(lower) = lower.as_bytes().get(..bytes.len()) else {
        return;
    };
    // room for every token of a sentence of prose (about one per five bytes)
    out.reserve(s.len() / 4 + 4);
    let mut i = 0usize;
    'text: while i < bytes.len() && out.len() < MAX_TOKENS {
        // A token takes a byte at least: the tokens that start before `stop` fit under
        // MAX_TOKENS, and the loop that reads them need not count them (one turn for a
        // sentence shorter than that).
        let stop = bytes.len().min(i + (MAX_TOKENS - out.len()));
        while let Some(&b) = bytes.get(i).filter(|_| i < stop) {
            let (kind, end, head_end, capital) = if b.is_ascii_alphabetic() {
                let end = alnum_run_end(bytes, i + 1);
                if bytes
                    .get(end)
                    .is_some_and(|&c| c >= 0x80 || c == b'-' || c == b'\'')
                {
                    let (end, hyphen) = word_end(s, end);
                    (
                        TokKind::Word,
                        end,
                        hyphen.unwrap_or(end),
                        b.is_ascii_uppercase(),
                    )
                } else {
                    (TokKind::Word, end, end, b.is_ascii_uppercase())
                }
            } else if CLASS[usize::from(b)] == ByteClass::Other {
                (TokKind::Punct, i + 1, i + 1, false)
            } else {
                match rare_token(s, i) {
                    Rare::Token(t) => t,
                    Rare::Skip(next) => {
                        i = next;
                        continue;
                    }
                    Rare::Stop => break 'text,
                }
            };
            out.push(Tok {
                // (a token ends after it starts, within the text)
                lower: &lower[i..end],
                start: i,
                end,
                kind,
                head_len: u8::try_from(head_end - i).unwrap_or(u8::MAX),
                capital,
            });
            // the space after a token is stepped over here rather than by a turn of the
            // loop
            i = end + usize::from(bytes.get(end) == Some(&b' '));
        }
    }
}

/// What [`rare_token`] reads at a byte.
enum Rare {
    /// A token's kind, end, the end of its head (before its first hyphen) and whether it
    /// starts with a capital.
    Token((TokKind, usize, usize, bool)),
    /// White space up to here.
    Skip(usize),
    /// No character at the byte.
    Stop,
}

/// The token at byte `i` of `s` that [`tokenize`] does not read in line: one of digits,
/// a word that starts beyond ASCII, or white space to skip.
#[inline(never)]
fn rare_token(s: &str, i: usize) -> Rare {
    let bytes = s.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return Rare::Stop;
    };
    let (kind, (end, hyphen)) = match CLASS[usize::from(b)] {
        ByteClass::Space => return Rare::Skip(i + 1),
        ByteClass::Digit => digits_end(s, i),
        ByteClass::Letter => (TokKind::Word, word_end(s, i + 1)),
        ByteClass::Other => (TokKind::Punct, (i + 1, None)),
        ByteClass::Wide => {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                return Rare::Stop;
            };
            let next = i + c.len_utf8();
            if c.is_whitespace() {
                return Rare::Skip(next);
            }
            if c.is_alphabetic() {
                (TokKind::Word, word_end(s, next))
            } else {
                (TokKind::Punct, (next, None))
            }
        }
    };
    let capital = if b < 0x80 {
        b.is_ascii_uppercase()
    } else {
        s.get(i..)
            .is_some_and(|r| r.starts_with(char::is_uppercase))
    };
    Rare::Token((kind, end, hyphen.unwrap_or(end), capital))
}

/// The token of digits at byte `i`: digits with inner "," or "." before another digit, a
/// number; glued to letters ("34-year-old", "3rd", "10km"), a word, not a count.
fn digits_end(s: &str, i: usize) -> (TokKind, (usize, Option<usize>)) {
    let bytes = s.as_bytes();
    let mut end = i + 1;
    loop {
        match bytes.get(end) {
            Some(d) if d.is_ascii_digit() => end += 1,
            Some(b',') | Some(b'.') if bytes.get(end + 1).is_some_and(|d| d.is_ascii_digit()) => {
                end += 2
            }
            _ => break,
        }
    }
    let glued = match bytes.get(end) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'-') => bytes.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    };
    if glued {
        (TokKind::Word, word_end(s, end))
    } else {
        (TokKind::Num, (end, None))
    }
}

/// End of a word starting before `from`: letters, digits, inner `-` and `'`; and where
/// its first inner `-` is.
#[inline(always)]
fn word_end(s: &str, from: usize) -> (usize, Option<usize>) {
    let bytes = s.as_bytes();
    let mut end = from;
    let mut hyphen = None;
    while end < bytes.len() {
        // the common case first: a run of ASCII letters and digits
        end = alnum_run_end(bytes, end);
        let Some(&b) = bytes.get(end) else {
            break;
        };
        if b == b'-' || b == b'\'' {
            let next_alnum = match bytes.get(end + 1) {
                Some(n) if *n < 0x80 => is_alnum(*n),
                Some(_) => s
                    .get(end + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric),
                None => false,
            };
            if !next_alnum {
                break;
            }
            if b == b'-' && hyphen.is_none() {
                hyphen = Some(end);
            }
            end += 1;
        } else if b >= 0x80 {
            match s.get(end..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    (end, hyphen)
}

/// The end of the run of ASCII letters and digits at byte `end`. Eight bytes at a time:
/// one step finds the end of most words, where a loop byte by byte mispredicts its exit
/// at every word.
#[inline(always)]
fn alnum_run_end(bytes: &[u8], mut end: usize) -> usize {
    loop {
        let rest = bytes.get(end..).unwrap_or_default();
        let Some(chunk) = rest.first_chunk::<8>() else {
            // the text's last bytes
            return end
                + rest
                    .iter()
                    .position(|b| !is_alnum(*b))
                    .unwrap_or(rest.len());
        };
        let stops = non_alnum(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return end + (stops.trailing_zeros() / 8) as usize;
        }
        end += 8;
    }
}

/// Bit 7 of each byte of `x` set where the byte is no ASCII letter or digit.
#[inline(always)]
fn non_alnum(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn each(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    // no byte carries into the next: every sum below stays under 0x100
    let low = x & !HIGH;
    let digit = (low + each(0x80 - b'0')) & !(low + each(0x80 - b'9' - 1));
    let folded = low | each(0x20);
    let letter = (folded + each(0x80 - b'a')) & !(folded + each(0x80 - b'z' - 1));
    (!(digit | letter) | x) & HIGH
}

/// Value of a lower-case number word from "zero" to "nineteen".
pub(crate) fn unit_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// Value of a lower-case tens word from "twenty" to "ninety".
#[cfg(test)]
fn tens_word(w: &str) -> Option<u64> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale_word(w: &[u8]) -> Option<u64> {
    Some(match w {
        b"hundred" => 100,
        b"thousand" => 1_000,
        b"million" => 1_000_000,
        b"billion" => 1_000_000_000,
        _ => return None,
    })
}

/// "twenty-three", "twenty", "seven" (the tokens' [`Tok::word_number`]).
#[cfg(test)]
fn small_word_number(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    match b.iter().position(|c| *c == b'-') {
        None => split_number(b, None),
        Some(p) => split_number(&b[..p], b.get(p + 1..)),
    }
}

/// The number of a lower-case word split at its first hyphen: "twenty" and "three"; a
/// word without one (`after_hyphen` `None`) is a unit or a tens word.
fn split_number(head: &[u8], after_hyphen: Option<&[u8]>) -> Option<u64> {
    // every number word is a starter, and so is the tens word before a hyphen
    let head = starter_number(starter_index(head)?)?;
    let Some(unit) = after_hyphen else {
        return Some(head);
    };
    let unit = starter_number(starter_index(unit)?).filter(|u| (1..10).contains(u))?;
    Some(head).filter(|t| *t >= 20).map(|t| t + unit)
}

/// The value of the number word at index `i` of [`STARTERS`], which opens with the units
/// "zero" to "nineteen" in order, then the tens "twenty" to "ninety".
fn starter_number(i: usize) -> Option<u64> {
    let i = u64::try_from(i).ok()?;
    match i {
        0..=19 => Some(i),
        20..=27 => Some(20 + 10 * (i - 20)),
        _ => None,
    }
}

/// Words that stand for an unknown amount.
fn vague_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"several"
            | b"dozens"
            | b"scores"
            | b"many"
            | b"numerous"
            | b"hundreds"
            | b"thousands"
            | b"multiple"
            | b"countless"
            | b"few"
            | b"some"
            | b"unknown"
            | b"unspecified"
            | b"undisclosed"
    )
}

/// A parsed number phrase over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct NumPhrase {
    start: usize,
    end: usize,
    /// `None` for a vague amount.
    value: Option<u64>,
    approximate: bool,
}

/// Qualifier before a number ("at least", "about"): its length in tokens.
fn qualifier_len(t: &[Tok], i: usize) -> usize {
    let w = |k: usize| t.get(i + k).map(|t| t.lower).unwrap_or_default();
    let two = |second: &[&[u8]]| if second.contains(&w(1)) { 2 } else { 0 };
    match w(0) {
        b"as" if w(1) == b"many" && w(2) == b"as" => 3,
        b"a" if w(1) == b"total" && w(2) == b"of" => 3,
        b"at" => two(&[b"least", b"most"]),
        b"more" | b"fewer" | b"less" => two(&[b"than"]),
        b"up" | b"close" => two(&[b"to"]),
        b"upwards" => two(&[b"of"]),
        b"just" => two(&[b"over", b"under"]),
        b"well" => two(&[b"over"]),
        b"an" => two(&[b"estimated"]),
        b"about" | b"around" | b"nearly" | b"almost" | b"approximately" | b"roughly" | b"over"
        | b"some" | b"estimated" | b"another" | b"only" | b"exactly" => 1,
        _ => 0,
    }
}

/// Words that can open a number phrase: number words, vague amounts, qualifiers.
const STARTERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "several",
    "dozens",
    "scores",
    "many",
    "numerous",
    "hundreds",
    "thousands",
    "multiple",
    "countless",
    "few",
    "some",
    "unknown",
    "unspecified",
    "undisclosed",
    "a",
    "an",
    "as",
    "at",
    "more",
    "fewer",
    "less",
    "up",
    "close",
    "upwards",
    "just",
    "well",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "over",
    "estimated",
    "another",
    "only",
    "exactly",
    "tens",
];

/// For each first letter a-z and word length below 16, a bit per last letter a-z of the
/// words in [`STARTERS`]: rejects almost every other word ("the", "said") with one load.
static STARTER_MASK: [[u32; 16]; 26] = shape_masks(&[STARTERS]);

/// [`STARTER_MASK`] with the [`NEGATION_WORDS`]: the words [`phrases_into`] reads on.
static OPENER_MASK: [[u32; 16]; 26] = shape_masks(&[STARTERS, &NEGATION_WORDS]);

/// The masks of word shapes of [`STARTER_MASK`] for the words of `lists` (lower-case
/// ASCII letters, shorter than 16).
const fn shape_masks(lists: &[&[&str]]) -> [[u32; 16]; 26] {
    let mut mask = [[0u32; 16]; 26];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i].as_bytes();
            mask[(w[0] - b'a') as usize][w.len()] |= 1 << (w[w.len() - 1] - b'a');
            i += 1;
        }
        l += 1;
    }
    mask
}

/// Index of a word shape (first letter a-z, length below 16, last letter a-z) in
/// [`STARTER_SLOTS`].
const fn shape_index(first: u8, len: usize, last: u8) -> usize {
    ((first - b'a') as usize * 16 + len) * 26 + (last - b'a') as usize
}

/// For each word shape the words of [`STARTERS`] of that shape, as index + 1 (0: none).
/// No shape has more than two ("twenty", "thirty"); a third fails the build.
static STARTER_SLOTS: [[u8; 2]; 26 * 16 * 26] = {
    let mut slots = [[0u8; 2]; 26 * 16 * 26];
    let mut i = 0;
    while i < STARTERS.len() {
        let w = STARTERS[i].as_bytes();
        let slot = &mut slots[shape_index(w[0], w.len(), w[w.len() - 1])];
        if slot[0] == 0 {
            slot[0] = i as u8 + 1;
        } else if slot[1] == 0 {
            slot[1] = i as u8 + 1;
        } else {
            panic!("three starters of one shape");
        }
        i += 1;
    }
    slots
};

/// Whether the lower-case word is one of [`STARTERS`]: one table load rejects almost
/// every other word ("the", "said"), the word's shape leaves at most two to compare.
#[inline]
fn is_starter(w: &[u8]) -> bool {
    starter_index(w).is_some()
}

/// The index of the lower-case word in [`STARTERS`], found as [`is_starter`] says.
/// Inlined (the common rejection is a few instructions); the compare is not.
#[inline]
fn starter_index(w: &[u8]) -> Option<usize> {
    let (first, last) = shape_in(w, &STARTER_MASK)?;
    starter_of_shape(w, first, last)
}

/// The first and last letters of the lower-case word when its shape is one of `masks`
/// (built by [`shape_masks`]).
#[inline(always)]
fn shape_in(w: &[u8], masks: &[[u32; 16]; 26]) -> Option<(u8, u8)> {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return None;
    };
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() || w.len() >= 16 {
        return None;
    }
    if masks[usize::from(first - b'a')][w.len()] & (1 << (last - b'a')) == 0 {
        return None;
    }
    Some((first, last))
}

/// The index of `w` (first letter `first`, last `last`, shorter than 16) among the at
/// most two [`STARTERS`] of its shape.
#[inline(never)]
fn starter_of_shape(w: &[u8], first: u8, last: u8) -> Option<usize> {
    let slot = STARTER_SLOTS[shape_index(first, w.len(), last)];
    slot.iter().find_map(|&x| {
        let i = usize::from(x).checked_sub(1)?;
        (STARTERS.get(i)?.as_bytes() == w).then_some(i)
    })
}

/// Cheap test: can a number phrase start at this token? Most words cannot.
#[inline]
fn may_start(tok: &Tok) -> bool {
    match tok.kind {
        TokKind::Num => true,
        TokKind::Punct => false,
        // "twenty-three": judge by the part before the hyphen.
        TokKind::Word => is_starter(tok.head()),
    }
}

/// Parses a number phrase starting at token `i` (qualifier included).
fn number_at(t: &[Tok], i: usize) -> Option<NumPhrase> {
    if !may_start(t.get(i)?) {
        return None;
    }
    phrase_at(t, i)
}

/// [`number_at`] for a token that [`may_start`] a phrase.
fn phrase_at(t: &[Tok], i: usize) -> Option<NumPhrase> {
    let q = qualifier_len(t, i);
    let approximate = q > 0
        && !matches!(
            t.get(i).map(|t| t.lower),
            Some(b"another") | Some(b"only") | Some(b"exactly")
        );
    let j = i + q;
    let tok = t.get(j)?;
    // Vague: "several", "dozens of", "a number of", "a few", "tens of thousands".
    let lw = tok.lower;
    if q == 0 {
        let next = t.get(j + 1).map(|t| t.lower).unwrap_or_default();
        let after = t.get(j + 2).map(|t| t.lower).unwrap_or_default();
        if lw == b"a" && next == b"number" && after == b"of" {
            return Some(vague(i, j + 3));
        }
        if lw == b"a" && next == b"few" {
            return Some(vague(i, j + 2));
        }
        if lw == b"tens" && next == b"of" && matches!(after, b"thousands" | b"millions") {
            return Some(vague(i, j + 3));
        }
        if vague_word(lw) {
            // "some 40 people" is a qualifier, not a vague amount.
            if lw == b"some" && t.get(j + 1).is_some_and(|t| t.kind == TokKind::Num) {
                return None;
            }
            let end = if next == b"of" { j + 2 } else { j + 1 };
            return Some(vague(i, end));
        }
    }
    let (value, end) = value_at(t, j)?;
    Some(NumPhrase {
        start: i,
        end,
        value: Some(value),
        approximate,
    })
}

fn vague(start: usize, end: usize) -> NumPhrase {
    NumPhrase {
        start,
        end,
        value: None,
        approximate: true,
    }
}

/// A definite number at token `j`: digits or words, with scale words.
fn value_at(t: &[Tok], j: usize) -> Option<(u64, usize)> {
    let tok = t.get(j)?;
    let next_lower = |k: usize| t.get(k).map(|t| t.lower).unwrap_or_default();
    if tok.kind == TokKind::Num {
        // digits, "," and "." read the same in lower case
        let text = tok.lower;
        let scale = scale_word(next_lower(j + 1)).filter(|s| *s >= 1_000);
        if let Some(scale) = scale {
            let digits: String = text
                .iter()
                .filter(|c| **c != b',')
                .map(|c| char::from(*c))
                .collect();
            let f: f64 = digits.parse().ok()?;
            let v = f * scale as f64;
            if !(0.0..1e15).contains(&v) {
                return None;
            }
            return Some((v.round() as u64, j + 2));
        }
        if text.contains(&b'.') {
            return None;
        }
        // A comma must group thousands ("1,200"), not separate a list ("3,4").
        if text.contains(&b',') && !valid_grouping(text) {
            return None;
        }
        let v = digits_value(text)?;
        if next_lower(j + 1) == b"dozen" {
            return Some((v.saturating_mul(12), j + 2));
        }
        return Some((v, j + 1));
    }
    if tok.kind != TokKind::Word {
        return None;
    }
    let lw = tok.lower;
    let mut k = j;
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut any = false;
    // the value of token `k` when it is already known (the first word's, read once)
    let mut known = None;
    if lw == b"a" || lw == b"an" {
        // "a dozen", "a hundred"; any other "a" is no number (the loop would stop at it)
        if !matches!(
            next_lower(j + 1),
            b"dozen" | b"hundred" | b"thousand" | b"million"
        ) {
            return None;
        }
        current = 1;
        any = true;
        k += 1;
    } else {
        known = Some(tok.word_number()?);
    }
    while let Some(tok) = t.get(k) {
        let w = tok.lower;
        if let Some(v) = known.take().or_else(|| tok.word_number()) {
            // "twenty three": tens then unit; "two hundred fifty": after a scale.
            let last_two = current % 100;
            let fits = current == 0
                || (last_two == 0 && current >= 100)
                || (v < 10 && last_two >= 20 && last_two.is_multiple_of(10));
            if !fits {
                break;
            }
            current += v;
            any = true;
        } else if w == b"dozen" && any {
            current = current.max(1).saturating_mul(12);
        } else if let Some(s) = scale_word(w).filter(|_| any) {
            if s == 100 {
                current = current.max(1).saturating_mul(100);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(s));
                current = 0;
            }
        } else if w == b"and"
            && any
            && (current >= 100 || total > 0)
            && t.get(k + 1).is_some_and(|n| n.word_number().is_some())
        {
        } else {
            break;
        }
        k += 1;
        if k - j > 12 {
            break;
        }
    }
    if !any {
        return None;
    }
    Some((total.saturating_add(current), k))
}

/// The value of ASCII digits and grouping commas ("1,200"), as `parse` reads them once
/// the commas are dropped: `None` past `u64` or for any other byte.
fn digits_value(text: &[u8]) -> Option<u64> {
    text.iter().filter(|b| **b != b',').try_fold(0u64, |v, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        v.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

fn valid_grouping(s: &[u8]) -> bool {
    let mut parts = s.split(|c| *c == b',');
    let first = parts.next().unwrap_or_default();
    !first.is_empty()
        && first.len() <= 3
        && parts.all(|p| {
            p.len() == 3 || p.first().is_some_and(u8::is_ascii_digit) && p.len() > 3 && p[3] == b'.'
        })
}

/// Parses a number written in words or digits ("two", "a dozen", "1,200",
/// "twenty-three", "about 19,000", "more than 40"). `None` for vague or non-numbers.
pub fn parse_number(words: &str) -> Option<u64> {
    let words = words.trim();
    if !may_open_a_number(words.as_bytes()) {
        return None;
    }
    let lower = words.to_ascii_lowercase();
    let t = tokenize(words, &lower);
    let p = number_at(&t, 0)?;
    if p.end != t.len() {
        return None;
    }
    p.value
}

/// Whether the first token of `words` (trimmed) may open a number phrase, judged from
/// its bytes without copying or tokenizing them: most words asked about are none. A
/// digit or a character outside ASCII opens a token only the tokenizer can judge; any
/// other ASCII byte a punctuation mark, which opens no phrase; a run of ASCII letters
/// a word whose head is that run unless a digit, hyphen, apostrophe or a character
/// outside ASCII goes on with it (then the tokenizer judges it), and a head of 16
/// letters or more is no starter.
fn may_open_a_number(words: &[u8]) -> bool {
    let run = words
        .iter()
        .position(|c| !c.is_ascii_alphabetic())
        .unwrap_or(words.len());
    if run == 0 {
        return words
            .first()
            .is_some_and(|c| c.is_ascii_digit() || *c >= 0x80);
    }
    if run >= 16 {
        return false;
    }
    if words
        .get(run)
        .is_some_and(|&c| c.is_ascii_digit() || matches!(c, b'-' | b'\'') || c >= 0x80)
    {
        return true;
    }
    let mut head = [0u8; 16];
    for (h, c) in head.iter_mut().zip(&words[..run]) {
        *h = c.to_ascii_lowercase();
    }
    is_starter(&head[..run])
}

/// The casualty kind a participle, adjective or noun names.
fn cue_kind(w: &[u8]) -> Option<CountKind> {
    use CountKind::*;
    Some(match w {
        b"killed" | b"dead" | b"died" | b"deaths" | b"death" | b"fatalities" | b"fatality"
        | b"perished" | b"slain" | b"murdered" | b"executed" | b"massacred" | b"bodies"
        | b"corpses" | b"drowned" | b"beheaded" => Killed,
        b"injured" | b"wounded" | b"hurt" | b"injuries" | b"injury" | b"wounds"
        | b"hospitalised" | b"hospitalized" | b"maimed" | b"burned" | b"burnt" => Injured,
        b"missing" | b"unaccounted" | b"disappeared" => Missing,
        b"arrested" | b"detained" | b"arrests" | b"detentions" | b"apprehended" | b"jailed"
        | b"rounded" | b"held" => Arrested,
        b"abducted" | b"kidnapped" | b"seized" | b"abductions" | b"kidnappings" | b"hostages"
        | b"hostage" | b"captured" | b"taken" => Abducted,
        _ => return None,
    })
}

/// Active verb before an object count ("killing four", "police arrested 12").
fn verb_kind(w: &[u8]) -> Option<CountKind> {
    use CountKind::*;
    Some(match w {
        b"killed" | b"killing" | b"kills" | b"kill" | b"slaying" | b"slew" | b"slaughtered"
        | b"beheaded" | b"beheading" | b"massacred" | b"massacring" | b"murdered"
        | b"murdering" | b"executed" | b"executing" => Killed,
        b"wounded" | b"wounding" | b"wounds" | b"injured" | b"injuring" | b"injures" | b"hurt"
        | b"hurting" | b"maiming" => Injured,
        b"arrested" | b"arresting" | b"arrests" | b"detained" | b"detaining" | b"detains"
        | b"apprehended" | b"jailed" => Arrested,
        b"abducted" | b"abducting" | b"kidnapped" | b"kidnapping" | b"kidnaps" | b"abducts" => {
            Abducted
        }
        _ => return None,
    })
}

/// Words between a count and its participle that keep the link ("were", "reportedly").
fn aux_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"were"
            | b"was"
            | b"have"
            | b"has"
            | b"had"
            | b"been"
            | b"are"
            | b"is"
            | b"be"
            | b"being"
            | b"got"
            | b"get"
            | b"reportedly"
            | b"also"
            | b"later"
            | b"allegedly"
            | b"reported"
            | b"confirmed"
            | b"feared"
            | b"believed"
            | b"said"
            | b"to"
            | b"all"
            | b"subsequently"
            | b"shot"
            | b"stabbed"
            | b"found"
            | b"left"
            | b"now"
            | b"still"
            | b"remain"
            | b"remained"
            | b"remains"
            | b"went"
            | b"gone"
            | b"go"
            | b"officially"
            | b"initially"
            | b"either"
            | b"both"
            | b"in"
            | b"discovered"
            | b"recovered"
            | b"pulled"
            | b"retrieved"
            | b"unearthed"
            | b"listed"
            | b"as"
            | b"treated"
            | b"hospitalised"
            | b"hospitalized"
            | b"admitted"
    ) || degree_adverb(w)
}

/// Cue words of bodies found or people held ("the number of bodies", "no one was taken"):
/// no toll of the killed, injured or missing.
fn bodies_or_captives(w: &[u8]) -> bool {
    matches!(
        w,
        b"bodies"
            | b"corpses"
            | b"held"
            | b"taken"
            | b"seized"
            | b"captured"
            | b"burned"
            | b"burnt"
    )
}

/// Adverbs of degree before a participle ("seriously wounded").
fn degree_adverb(w: &[u8]) -> bool {
    matches!(
        w,
        b"critically"
            | b"seriously"
            | b"severely"
            | b"slightly"
            | b"lightly"
            | b"fatally"
            | b"badly"
            | b"mortally"
            | b"gravely"
    )
}

/// Words that may stand between a number and its noun ("four Ukrainian policemen").
fn np_word(tok: &Tok) -> bool {
    if tok.kind != TokKind::Word {
        return false;
    }
    let w = tok.lower;
    if matches!(
        w,
        b"and"
            | b"or"
            | b"but"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"by"
            | b"from"
            | b"with"
            | b"to"
            | b"for"
            | b"the"
            | b"a"
            | b"an"
            | b"that"
            | b"who"
            | b"which"
            | b"while"
            | b"after"
            | b"before"
            | b"during"
            | b"when"
            | b"as"
            | b"than"
            | b"into"
            | b"near"
            | b"since"
            | b"said"
            | b"says"
            | b"say"
            | b"according"
            | b"over"
            | b"across"
            | b"inside"
            | b"outside"
            | b"around"
            | b"under"
            | b"through"
            | b"against"
            | b"without"
            | b"within"
            | b"between"
            | b"among"
            | b"along"
            | b"toward"
            | b"towards"
            | b"via"
            | b"per"
            | b"including"
    ) {
        return false;
    }
    if cue_kind(w).is_some() || aux_word(w) {
        return false;
    }
    // Verbs are not noun-phrase words: "drones launched", "shells hitting".
    let verb_like = (w.ends_with(b"ed") || w.ends_with(b"ing"))
        && !matches!(
            w,
            b"deceased" | b"armed" | b"unarmed" | b"wounded" | b"injured" | b"aged"
        );
    !verb_like || tok.capital
}

/// People a singular "a"/"an" counts as one ("a soldier was killed").
fn person_singular(w: &[u8]) -> bool {
    matches!(
        w,
        b"man"
            | b"woman"
            | b"child"
            | b"boy"
            | b"girl"
            | b"person"
            | b"soldier"
            | b"civilian"
            | b"policeman"
            | b"policewoman"
            | b"officer"
            | b"journalist"
            | b"resident"
            | b"teenager"
            | b"farmer"
            | b"worker"
            | b"student"
            | b"driver"
            | b"passenger"
            | b"guard"
            | b"militant"
            | b"fighter"
            | b"protester"
            | b"demonstrator"
            | b"pedestrian"
            | b"villager"
            | b"tourist"
            | b"pilgrim"
            | b"worshipper"
            | b"volunteer"
            | b"employee"
            | b"motorist"
            | b"patient"
            | b"paramedic"
            | b"medic"
            | b"lawyer"
            | b"diplomat"
            | b"monk"
            | b"engineer"
            | b"doctor"
            | b"nurse"
            | b"teacher"
            | b"baby"
            | b"toddler"
            | b"serviceman"
            | b"official"
            | b"commander"
            | b"councillor"
            | b"councilor"
            | b"mayor"
            | b"lawmaker"
            | b"politician"
            | b"activist"
            | b"priest"
            | b"pastor"
            | b"imam"
            | b"cleric"
            | b"judge"
            | b"prosecutor"
            | b"reporter"
            | b"photographer"
            | b"businessman"
            | b"shopkeeper"
            | b"trader"
            | b"herder"
            | b"fisherman"
            | b"miner"
            | b"migrant"
            | b"refugee"
            | b"candidate"
    )
}

/// Units and contexts that make a number a measure, not a count.
fn measure_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"percent"
            | b"per"
            | b"%"
            | b"years"
            | b"year"
            | b"months"
            | b"month"
            | b"weeks"
            | b"week"
            | b"days"
            | b"day"
            | b"hours"
            | b"hour"
            | b"minutes"
            | b"minute"
            | b"seconds"
            | b"km"
            | b"kilometres"
            | b"kilometers"
            | b"kilometre"
            | b"kilometer"
            | b"miles"
            | b"mile"
            | b"metres"
            | b"meters"
            | b"metre"
            | b"meter"
            | b"feet"
            | b"foot"
            | b"kg"
            | b"kilograms"
            | b"tons"
            | b"tonnes"
            | b"dollars"
            | b"euros"
            | b"pounds"
            | b"rubles"
            | b"roubles"
            | b"hryvnias"
            | b"yuan"
            | b"shekels"
            | b"rupees"
            | b"a.m"
            | b"p.m"
            | b"am"
            | b"pm"
            | b"gmt"
            | b"utc"
            | b"o'clock"
            | b"bn"
            | b"mn"
            | b"degrees"
            | b"points"
            | b"times"
            | b"acres"
            | b"hectares"
            | b"litres"
            | b"liters"
            | b"barrels"
            | b"votes"
            | b"seats"
            | b"ballots"
            | b"jan"
    ) || month_name(w)
}

/// A month's full name.
fn month_name(w: &[u8]) -> bool {
    matches!(
        w,
        b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
    )
}

/// Whether the number phrase is a year, age, time, percentage, money or measure.
fn excluded(s: &str, t: &[Tok], p: &NumPhrase) -> bool {
    let prev = p.start.checked_sub(1).and_then(|k| t.get(k));
    let next = t.get(p.end);
    if let Some(prev) = prev {
        if matches!(
            prev.text(s),
            "$" | "€" | "£" | "¥" | "₴" | "₽" | ":" | "#" | "No" | "no"
        ) || matches!(
            prev.lower,
            b"aged"
                | b"age"
                | b"ages"
                | b"us$"
                | b"number"
                | b"route"
                | b"resolution"
                | b"article"
                | b"flight"
                | b"page"
                | b"chapter"
                | b"since"
                | b"until"
                | b"by"
        ) {
            return true;
        }
        // "March 5", "in 2023"
        if measure_word(prev.lower) && prev.lower.len() > 2 {
            return true;
        }
    }
    if let Some(next) = next {
        if matches!(next.lower, b"%" | b":" | b"-")
            || measure_word(next.lower)
            || next.lower.starts_with(b"year")
        {
            return true;
        }
    }
    // A bare year.
    if p.end - p.start == 1 {
        let tok = &t[p.start];
        if tok.kind == TokKind::Num && tok.lower.len() == 4 && !tok.lower.contains(&b',') {
            // (four digits, or no number: "1.25")
            if let Some(y) = digits_value(tok.lower) {
                let counted =
                    next.is_some_and(|n| cue_kind(n.lower).is_some() || person_plural(n.lower));
                if (1800..=2100).contains(&y) && !counted {
                    return true;
                }
            }
        }
    }
    false
}

/// Things that get burned, hit or destroyed: never casualties.
fn thing_noun(w: &[u8]) -> bool {
    matches!(
        w,
        b"cars"
            | b"vehicles"
            | b"houses"
            | b"homes"
            | b"buildings"
            | b"shops"
            | b"stores"
            | b"trucks"
            | b"buses"
            | b"tents"
            | b"drones"
            | b"missiles"
            | b"rockets"
            | b"shells"
            | b"tanks"
            | b"boats"
            | b"ships"
            | b"vessels"
            | b"aircraft"
            | b"planes"
            | b"jets"
            | b"helicopters"
            | b"schools"
            | b"mosques"
            | b"churches"
            | b"hospitals"
            | b"villages"
            | b"businesses"
            | b"crops"
            | b"cattle"
            | b"livestock"
            | b"animals"
            | b"cows"
            | b"goats"
            | b"sheep"
            | b"camels"
            | b"properties"
            | b"structures"
            | b"apartments"
            | b"flats"
            | b"warehouses"
            | b"weapons"
            | b"rifles"
            | b"guns"
            | b"cases"
            | b"votes"
            | b"seats"
    )
}

/// Weekday and month names: capitalised, but not part of a noun phrase.
fn calendar_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
    ) || month_name(w)
}

/// Plural nouns for people, used to accept "2000 people" as a count.
fn person_plural(w: &[u8]) -> bool {
    matches!(
        w,
        b"people"
            | b"persons"
            | b"civilians"
            | b"soldiers"
            | b"troops"
            | b"others"
            | b"residents"
            | b"children"
            | b"men"
            | b"women"
            | b"individuals"
            | b"policemen"
            | b"officers"
            | b"militants"
            | b"fighters"
            | b"protesters"
            | b"migrants"
            | b"passengers"
    )
}

/// Token index where a parenthetical (", including three soldiers,") ends, if one starts
/// at `k` (a comma).
fn skip_parenthetical(t: &[Tok], k: usize) -> Option<usize> {
    if t.get(k)?.lower != b"," && t.get(k)?.lower != b"(" && t.get(k)?.lower != b"-" {
        return None;
    }
    let w = t.get(k + 1)?.lower;
    if !matches!(
        w,
        b"including"
            | b"among"
            | b"most"
            | b"all"
            | b"many"
            | b"mostly"
            | b"mainly"
            | b"some"
            | b"both"
            | b"nearly"
            | b"almost"
            | b"half"
            | b"one"
            | b"two"
            | b"three"
            | b"of"
            | b"aged"
    ) {
        return None;
    }
    let close = t
        .iter()
        .enumerate()
        .skip(k + 2)
        .take(12)
        .find(|(_, x)| matches!(x.lower, b"," | b")" | b"-"))?;
    Some(close.0 + 1)
}

/// Numbers that count a subset of an earlier figure ("including three soldiers").
fn subset_number(t: &[Tok], start: usize) -> bool {
    let w = |k: usize| {
        start
            .checked_sub(k)
            .and_then(|i| t.get(i))
            .map(|t| t.lower)
            .unwrap_or_default()
    };
    matches!(w(1), b"including" | b"includes" | b"include")
        || (w(1) == b"them" && matches!(w(2), b"among" | b"of"))
        || (w(1) == b"whom" && matches!(w(2), b"of" | b"among"))
        || (w(1) == b"of" && w(2) == b"whom")
}

/// Looks right of a number phrase for the word that names its kind. Returns the kind
/// and the token index just past the cue.
fn cue_after(t: &[Tok], p: &NumPhrase) -> Option<(CountKind, usize)> {
    let mut k = p.end;
    let mut np = 0usize;
    let mut in_aux = false;
    let mut head: Option<&[u8]> = None;
    let limit = (p.end + 14).min(t.len());
    while k < limit {
        let tok = &t[k];
        let w = tok.lower;
        if let Some(kind) = cue_kind(w) {
            // "bodies" is a killed count only when found/recovered, or is the head.
            if matches!(w, b"bodies" | b"corpses") {
                head = Some(w);
                k += 1;
                np += 1;
                continue;
            }
            // "a dozen cars were burned": things are not casualties.
            if head.is_some_and(thing_noun) {
                return None;
            }
            // "were taken to hospital" is injured, "taken hostage" abducted.
            if w == b"taken" {
                let at = |d: usize| t.get(k + d).map(|x| x.lower).unwrap_or_default();
                return match (at(1), at(2), at(3)) {
                    (b"to", b"hospital" | b"hospitals", _) => Some((CountKind::Injured, k + 3)),
                    (b"to", b"a" | b"the" | b"local", b"hospital" | b"hospitals") => {
                        Some((CountKind::Injured, k + 4))
                    }
                    (b"hostage" | b"captive" | b"prisoner", _, _) => {
                        Some((CountKind::Abducted, k + 2))
                    }
                    _ => None,
                };
            }
            // A participle before a noun is an adjective: "22 seriously wounded
            // Ukrainian soldiers" are counted people, not a casualty figure.
            if !in_aux
                && matches!(w, b"wounded" | b"injured" | b"dead" | b"killed")
                && t.get(k + 1).is_some_and(|n| {
                    person_plural(n.lower)
                        || (n.kind == TokKind::Word && n.capital && !calendar_word(n.lower))
                })
            {
                return None;
            }
            // "held" and "taken" only as participles after an auxiliary.
            if matches!(
                w,
                b"held" | b"taken" | b"rounded" | b"seized" | b"captured" | b"burned" | b"burnt"
            ) && !in_aux
                && (!(w == b"seized" || w == b"captured") || !head.is_some_and(person_plural))
            {
                return None;
            }
            if matches!(head, Some(b"bodies" | b"corpses")) {
                return Some((CountKind::Killed, k + 1));
            }
            return Some((kind, k + 1));
        }
        if matches!(head, Some(b"bodies" | b"corpses"))
            && matches!(
                w,
                b"found"
                    | b"discovered"
                    | b"recovered"
                    | b"pulled"
                    | b"retrieved"
                    | b"unearthed"
                    | b"exhumed"
            )
        {
            return Some((CountKind::Killed, k + 1));
        }
        if let Some(end) = skip_parenthetical(t, k) {
            k = end;
            continue;
        }
        if w == b"in"
            && t.get(k + 1)
                .is_some_and(|n| matches!(n.lower, b"all" | b"total"))
        {
            k += 2;
            continue;
        }
        if w == b"lost"
            && t.get(k + 1).is_some_and(|n| n.lower == b"their")
            && t.get(k + 2).is_some_and(|n| n.lower == b"lives")
        {
            return Some((CountKind::Killed, k + 3));
        }
        // "were treated for injuries", "hospitalised with wounds"
        if matches!(w, b"for" | b"with")
            && k > 0
            && matches!(
                t[k - 1].lower,
                b"treated" | b"hospitalised" | b"hospitalized" | b"admitted"
            )
        {
            k += 1;
            continue;
        }
        if w == b"who" && !in_aux && np > 0 {
            // "Two passers-by who had been wounded in the blast near Bannu, in Khyber
            // Pakhtunkhwa province, died overnight": the wounded died, a number to add to
            // an earlier toll, neither a toll nor a count of wounded.
            let wounded = t
                .iter()
                .skip(k + 1)
                .take(4)
                .any(|x| matches!(x.lower, b"wounded" | b"injured" | b"hurt"));
            let died = t
                .iter()
                .skip(k + 1)
                .take(25)
                .take_while(|x| !matches!(x.lower, b"." | b";"))
                .any(|x| matches!(x.lower, b"died" | b"succumbed"));
            if wounded && died {
                return None;
            }
            // "Two villagers who tried to resist were shot dead": skip the relative clause.
            let aux = t
                .iter()
                .enumerate()
                .skip(k + 1)
                .take(10)
                .take_while(|(_, x)| x.kind != TokKind::Punct)
                .find(|(_, x)| {
                    matches!(
                        x.lower,
                        b"were" | b"was" | b"are" | b"is" | b"had" | b"have"
                    )
                });
            if let Some((a, _)) = aux {
                k = a;
                continue;
            }
        }
        if w == b"and" && k > 0 && matches!(t[k - 1].lower, b"shot" | b"stabbed" | b"beaten") {
            k += 1;
            continue;
        }
        if aux_word(w) && !(w == b"in" || w == b"as" || w == b"to") {
            // Degree adverbs ("seriously wounded") and hedges ("reportedly") make no passive.
            in_aux |= !(degree_adverb(w) || matches!(w, b"reportedly" | b"allegedly"));
            k += 1;
            continue;
        }
        if (w == b"to" || w == b"as") && in_aux {
            k += 1;
            continue;
        }
        if !in_aux && np < 5 && np_word(tok) {
            head = Some(w);
            np += 1;
            k += 1;
            continue;
        }
        break;
    }
    None
}

/// Looks left of a number phrase for an active verb or "death toll ... to".
fn cue_before(t: &[Tok], p: &NumPhrase) -> Option<(CountKind, usize)> {
    let prev = p.start.checked_sub(1)?;
    let pw = t[prev].lower;
    if let Some(kind) = verb_kind(pw) {
        return Some((kind, prev));
    }
    // "gunmen shot dead a journalist", "gunned down two policemen"
    let before_prev = prev.checked_sub(1).map(|i| t[i].lower);
    // "killing its two pilots", "wounding their three children"
    if matches!(pw, b"its" | b"their" | b"his" | b"her") {
        if let Some(kind) = before_prev.and_then(verb_kind) {
            return Some((kind, prev - 1));
        }
    }
    if matches!(
        (before_prev, pw),
        (Some(b"shot"), b"dead") | (Some(b"gunned"), b"down")
    ) {
        return Some((CountKind::Killed, prev - 1));
    }
    // "claimed the lives of two", "took the lives of"
    if pw == b"of" && prev >= 1 && t[prev - 1].lower == b"lives" {
        return Some((CountKind::Killed, prev - 1));
    }
    // "a toll of 18"
    if pw == b"of" && prev >= 1 && t[prev - 1].lower == b"toll" {
        return Some((CountKind::Killed, prev - 1));
    }
    // "the death toll rose to 18", "toll stood at 18", "the toll reached 18"
    let singular = matches!(t[p.start].lower, b"a" | b"an");
    if !singular
        && matches!(
            pw,
            b"to"
                | b"at"
                | b"reached"
                | b"hit"
                | b"is"
                | b"was"
                | b"stands"
                | b"surpassed"
                | b"topped"
                | b"passed"
        )
    {
        // "The death toll from Tuesday's bombing of a police convoy ... has risen to
        // six", "the number of injured had risen to eight".
        for k in (prev.saturating_sub(25)..prev).rev() {
            let w = t[k].lower;
            if t[k].kind == TokKind::Num || matches!(w, b";" | b".") {
                break;
            }
            if w == b"toll" {
                let kind = match k.checked_sub(1).map(|i| t[i].lower) {
                    Some(b"injury") => CountKind::Injured,
                    _ => CountKind::Killed,
                };
                return Some((kind, k.saturating_sub(1)));
            }
            if w == b"number" && t.get(k + 1).is_some_and(|x| x.lower == b"of") {
                let kind = t
                    .iter()
                    .skip(k + 2)
                    .take(3)
                    .find_map(|x| cue_kind(x.lower).filter(|_| !bodies_or_captives(x.lower)));
                if let Some(kind) = kind {
                    return Some((kind, k));
                }
            }
        }
    }
    None
}

fn to_u32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Finds casualty figures in one sentence.
pub fn casualty_counts(sentence: &str) -> Vec<CountMention> {
    let lower = sentence.to_ascii_lowercase();
    let t = tokenize(sentence, &lower);
    casualties_in(&t, &phrases(sentence, &t))
}

/// Casualty figures and other quantities of one sentence, tokenized once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceCounts {
    pub casualties: Vec<CountMention>,
    pub quantities: Vec<QuantityMention>,
}

/// Both [`casualty_counts`] and [`quantities`] of a sentence, at the cost of one.
pub fn counts(sentence: &str) -> SentenceCounts {
    counts_lower(sentence, &sentence.to_ascii_lowercase())
}

/// [`counts`] with the sentence's ASCII lower case already made (`lower` must be
/// `sentence.to_ascii_lowercase()`).
pub fn counts_lower(sentence: &str, lower: &str) -> SentenceCounts {
    if lower.len() != sentence.len() {
        return counts(sentence);
    }
    if !may_count(lower.as_bytes()) {
        return SentenceCounts::default();
    }
    read_counts(sentence, lower)
}

/// [`counts_lower`] of a sentence that [`may_count`]: tokenized and read. The tokens and
/// the phrases go into the thread's [`SCRATCH`] buffers, where a pair of new vectors for
/// every sentence read cost two or three allocations (the phrases' grew) and new memory.
fn read_counts(sentence: &str, lower: &str) -> SentenceCounts {
    let (toks, mut read) = SCRATCH.take();
    let mut t = relend(toks);
    tokenize_into(sentence, lower, &mut t);
    phrases_into(sentence, &t, &mut read);
    let casualties = casualties_in(&t, &read);
    let quantities = quantities_in(sentence, &t, &read.found, &casualties);
    read.found.clear();
    read.negations.clear();
    SCRATCH.set((relend(t), read));
    SentenceCounts {
        casualties,
        quantities,
    }
}

thread_local! {
    /// The token and phrase buffers [`read_counts`] lends to each sentence it reads, empty
    /// between two sentences. (A buffer stays as large as the longest sentence read made
    /// it: [`MAX_TOKENS`] tokens at most.)
    static SCRATCH: Cell<(Vec<Tok<'static>>, Phrases)> = const {
        Cell::new((
            Vec::new(),
            Phrases {
                found: Vec::new(),
                negations: Vec::new(),
            },
        ))
    };
}

/// `toks` emptied, as a vector of tokens of another text with the same allocation (the
/// standard library collects a vector's iterator into its own buffer when the items are
/// of one size; the closure never runs).
fn relend<'b, 'c>(mut toks: Vec<Tok<'b>>) -> Vec<Tok<'c>> {
    toks.clear();
    toks.into_iter().map(|_| unreachable!()).collect()
}

/// Every lower-case word a count can come from when the sentence has no digit: number
/// words, vague amounts and the words after "a" that make one ("a number of", "a dozen"),
/// ordinals and "another" ("a third was wounded"), the people a singular "a" counts, and
/// the words of a negation ("no", "unhurt"). Sorted, for a binary search.
const KEY_WORDS: &[&str] = &[
    "activist",
    "another",
    "baby",
    "boy",
    "businessman",
    "candidate",
    "child",
    "civilian",
    "cleric",
    "commander",
    "councillor",
    "councilor",
    "countless",
    "demonstrator",
    "diplomat",
    "doctor",
    "dozen",
    "dozens",
    "driver",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "employee",
    "engineer",
    "escaped",
    "farmer",
    "few",
    "fifteen",
    "fifth",
    "fifty",
    "fighter",
    "fisherman",
    "five",
    "forty",
    "four",
    "fourteen",
    "fourth",
    "girl",
    "guard",
    "herder",
    "hundred",
    "hundreds",
    "imam",
    "journalist",
    "judge",
    "lawmaker",
    "lawyer",
    "man",
    "many",
    "mayor",
    "medic",
    "migrant",
    "militant",
    "million",
    "miner",
    "monk",
    "motorist",
    "multiple",
    "nine",
    "nineteen",
    "ninety",
    "no",
    "nobody",
    "none",
    "number",
    "numerous",
    "nurse",
    "officer",
    "official",
    "one",
    "paramedic",
    "passenger",
    "pastor",
    "patient",
    "pedestrian",
    "person",
    "photographer",
    "pilgrim",
    "policeman",
    "policewoman",
    "politician",
    "priest",
    "prosecutor",
    "protester",
    "refugee",
    "reporter",
    "resident",
    "scores",
    "second",
    "serviceman",
    "seven",
    "seventeen",
    "seventy",
    "several",
    "shopkeeper",
    "six",
    "sixteen",
    "sixth",
    "sixty",
    "soldier",
    "some",
    "student",
    "teacher",
    "teenager",
    "ten",
    "tens",
    "third",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "toddler",
    "tourist",
    "trader",
    "twelve",
    "twenty",
    "two",
    "undisclosed",
    "unharmed",
    "unhurt",
    "uninjured",
    "unknown",
    "unscathed",
    "unspecified",
    "villager",
    "volunteer",
    "without",
    "woman",
    "worker",
    "worshipper",
    "zero",
];

/// For each first letter a-z and word length below 16, three sets of letters a-z (a bit
/// each) of the words in [`KEY_WORDS`]: their last, second and second-to-last letters.
/// They reject almost every other word ("this" for "tens", "there" for "three").
static KEY_MASK: [[[u32; 3]; 16]; 26] = {
    let mut mask = [[[0u32; 3]; 16]; 26];
    let mut i = 0;
    while i < KEY_WORDS.len() {
        let w = KEY_WORDS[i].as_bytes();
        let n = w.len();
        let m = &mut mask[(w[0] - b'a') as usize][n];
        m[0] |= 1 << (w[n - 1] - b'a');
        m[1] |= 1 << (w[1] - b'a');
        m[2] |= 1 << (w[n - 2] - b'a');
        i += 1;
    }
    mask
};

/// Whether a run of lower-case ASCII letters is one of [`KEY_WORDS`]. Any other byte
/// fails the masks (its bit is past `z` or out of range).
#[inline]
fn key_word(w: &[u8]) -> bool {
    let n = w.len();
    let (Some(&first), Some(&second), Some(&last)) = (w.first(), w.get(1), w.last()) else {
        return false;
    };
    let penult = w.get(n.wrapping_sub(2)).copied().unwrap_or(0);
    let Some([lasts, seconds, penults]) = KEY_MASK
        .get(usize::from(first.wrapping_sub(b'a')))
        .and_then(|row| row.get(n))
    else {
        return false;
    };
    let bit = |b: u8| {
        1u32.checked_shl(u32::from(b.wrapping_sub(b'a')))
            .unwrap_or(0)
    };
    if lasts & bit(last) == 0 || seconds & bit(second) == 0 || penults & bit(penult) == 0 {
        return false;
    }
    KEY_WORDS.binary_search_by(|k| k.as_bytes().cmp(w)).is_ok()
}

/// Whether a sentence (its ASCII lower case) may hold a count at all: it has a digit or
/// one of [`KEY_WORDS`] as a run of letters. A sentence without either gives no number
/// phrase, no singular person and no negation, so nothing is tokenized for it.
fn may_count(lower: &[u8]) -> bool {
    // most sentences read have a digit: a pass without branches finds it
    let digits = lower
        .iter()
        .fold(0u8, |any, b| any | u8::from(b.wrapping_sub(b'0') < 10));
    if digits != 0 {
        return true;
    }
    // the runs of letters end where a byte is no letter, eight bytes at a time
    let mut start = 0;
    let mut chunks = lower.chunks_exact(8);
    for (c, chunk) in chunks.by_ref().enumerate() {
        let mut ends = non_letters(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        while ends != 0 {
            let end = c * 8 + (ends.trailing_zeros() / 8) as usize;
            if key_word_at(lower, start, end) {
                return true;
            }
            start = end + 1;
            ends &= ends - 1;
        }
    }
    let base = lower.len() - chunks.remainder().len();
    for (k, b) in chunks.remainder().iter().enumerate() {
        if !b.is_ascii_lowercase() {
            if key_word_at(lower, start, base + k) {
                return true;
            }
            start = base + k + 1;
        }
    }
    key_word_at(lower, start, lower.len())
}

/// Whether the bytes `start..end` of `lower`, a run of lower-case ASCII letters (empty
/// where two bytes that are no letter meet), are one of [`KEY_WORDS`]. The first letter,
/// length and last letter are looked up in [`KEY_MASK`] first, in line and with no slice:
/// about one word in twelve of sentences without a digit passes on to [`key_word`], where
/// calling it for every word cost more than its test.
#[inline(always)]
fn key_word_at(lower: &[u8], start: usize, end: usize) -> bool {
    // an empty run starts at a byte that is no letter, or past the end: no row
    let first = lower.get(start).copied().unwrap_or(0);
    let last = lower.get(end.wrapping_sub(1)).copied().unwrap_or(0);
    let lasts = KEY_MASK
        .get(usize::from(first.wrapping_sub(b'a')))
        .and_then(|row| row.get(end.wrapping_sub(start)))
        .map_or(0, |masks| masks[0]);
    // `last` is a letter whenever the row is found (the run is not empty)
    if (lasts >> (last.wrapping_sub(b'a') & 31)) & 1 == 0 {
        return false;
    }
    key_word(lower.get(start..end).unwrap_or_default())
}

/// Bit 7 of each byte of `x` set where the byte is no lower-case ASCII letter.
fn non_letters(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // no byte carries into the next: 0x7f + 0x1f < 0x100
    let low = x & LOW7;
    let from_a = low + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = low + 0x0505_0505_0505_0505;
    let letters = from_a & !past_z & !x & HIGH;
    !letters & HIGH
}

/// A number phrase of a sentence as both readers use it.
struct Found {
    phrase: NumPhrase,
    /// A singular person ("a soldier") counted as one.
    singular: bool,
    /// A year, age, time or measure ([`excluded`]), read once for both readers.
    excluded: bool,
}

impl Found {
    fn new(s: &str, t: &[Tok], phrase: NumPhrase, singular: bool) -> Found {
        Found {
            phrase,
            singular,
            excluded: excluded(s, t, &phrase),
        }
    }
}

/// The number phrases of a sentence and where its negation words are.
#[derive(Default)]
struct Phrases {
    /// Number phrases left to right, not overlapping.
    found: Vec<Found>,
    /// The tokens that are one of [`NEGATION_WORDS`], left to right.
    negations: Vec<usize>,
}

/// [`Phrases`] of the tokens of sentence `s`.
fn phrases(s: &str, t: &[Tok]) -> Phrases {
    let mut out = Phrases::default();
    phrases_into(s, t, &mut out);
    out
}

/// [`phrases`] pushed onto `out`. The one walk over the tokens finds the negation words
/// too: a word that is none of [`STARTERS`] and no negation word fails one table load
/// ([`OPENER_MASK`]), where [`negations`] tested every token again; the words inside a
/// phrase, which the walk steps over, are tested one by one.
fn phrases_into(s: &str, t: &[Tok], out: &mut Phrases) {
    let mut i = 0usize;
    while i < t.len() {
        // both number phrases and singular persons ("a", "an", "another") open with
        // a starter
        if !may_open(&t[i], i, &mut out.negations) {
            i += 1;
            continue;
        }
        let p = if let Some(p) = phrase_at(t, i).filter(|p| p.end > i) {
            out.found.push(Found::new(s, t, p, false));
            p
        } else if let Some(p) = singular_person(s, t, i).filter(|p| p.end > i) {
            out.found.push(Found::new(s, t, p, true));
            p
        } else {
            i += 1;
            continue;
        };
        for k in i + 1..p.end {
            if t.get(k).is_some_and(|tok| negation_word(tok.lower)) {
                out.negations.push(k);
            }
        }
        i = p.end;
    }
}

/// [`may_start`] for a token the walk of [`phrases_into`] reads, noting it in `negations`
/// (as token `i`) when it is a negation word.
#[inline]
fn may_open(tok: &Tok, i: usize, negations: &mut Vec<usize>) -> bool {
    match tok.kind {
        TokKind::Num => true,
        TokKind::Punct => false,
        TokKind::Word => {
            // "twenty-three": judge by the part before the hyphen (a negation word has
            // none: it is the whole word)
            let head = tok.head();
            let Some((first, last)) = shape_in(head, &OPENER_MASK) else {
                return false;
            };
            if head.len() == tok.lower.len() && negation_word(head) {
                negations.push(i);
            }
            starter_of_shape(head, first, last).is_some()
        }
    }
}

fn casualties_in(t: &[Tok], read: &Phrases) -> Vec<CountMention> {
    let phrases = &read.found[..];
    let mut out = Vec::new();
    for (i, f) in phrases.iter().enumerate() {
        let p = &f.phrase;
        if f.excluded || subset_number(t, p.start) {
            continue;
        }
        let after = cue_after(t, p).map(|(k, e)| (k, t[p.start].start, t[e - 1].end));
        let mut value = p.value;
        let cue = after.or_else(|| {
            // "killing some", "arrested few": too weak to report.
            let weak =
                p.value.is_none() && matches!(t[p.start].lower, b"some" | b"few" | b"unknown");
            let (kind, s) = cue_before(t, p).filter(|_| !weak)?;
            // the groups the verb's object goes on to name add up ("killing two Indian
            // soldiers and a civilian", "wounding three police, two soldiers and a child")
            let (sum, last) = coordinated_groups(t, &phrases[i..]);
            value = value.map(|v| v + sum);
            Some((kind, t[s].start, t[last.end - 1].end))
        });
        if let Some((kind, start, end)) = cue {
            out.push(CountMention {
                kind,
                value: value.map(to_u32),
                start,
                end,
                zero_by_negation: false,
                approximate: p.approximate,
            });
        }
    }
    negations(t, read.negations.iter().copied(), &mut out);
    out
}

/// The people counted by the phrases coordinated after `found[0]`, the object of a
/// casualty verb: ", " or "and" between, each phrase a number of people with no verb of
/// its own ("and three civilians were wounded" is a figure of its own). Their sum and
/// the last phrase taken (`found[0]`'s when none is).
fn coordinated_groups<'f>(t: &[Tok], found: &'f [Found]) -> (u64, &'f NumPhrase) {
    let (mut sum, mut last) = (0u64, &found[0].phrase);
    for q in &found[1..] {
        let p = &q.phrase;
        // the first group's noun phrase (up to three words), then the joint
        let gap = t.get(last.end..p.start).unwrap_or_default();
        let Some((joint, words)) = gap.split_last() else {
            break;
        };
        let joint_ok = matches!(joint.lower, b"and" | b",");
        let commas = words.iter().filter(|w| w.lower == b",").count();
        let np = commas <= 1
            && words.len() - commas <= 3
            && words
                .iter()
                .all(|w| w.lower == b"," || w.kind == TokKind::Word && np_word(w));
        let Some(v) = p.value.filter(|_| joint_ok && np && !q.excluded) else {
            break;
        };
        // a number of people, with no figure of its own
        let people = q.singular
            || t.get(p.end..(p.end + 3).min(t.len()))
                .is_some_and(|ws| ws.iter().any(|w| person_plural(w.lower)));
        // (nor a part of the group before: "five people, three of them children")
        let part = subset_number(t, p.start) || t.get(p.end).is_some_and(|w| w.lower == b"of");
        // (nor who tells of it: "killing 27 people, a local official said"; not "and a
        // civilian, officials said")
        let teller = t
            .get(p.end..)
            .unwrap_or_default()
            .iter()
            .take(4)
            .find(|w| !(w.kind == TokKind::Word && np_word(w)))
            .is_some_and(|w| {
                matches!(
                    w.lower,
                    b"said" | b"says" | b"told" | b"reported" | b"added"
                )
            });
        if !people || part || teller || cue_after(t, p).is_some() {
            break;
        }
        sum += v;
        last = p;
    }
    (sum, last)
}

/// "a soldier was killed": one.
fn singular_person(s: &str, t: &[Tok], i: usize) -> Option<NumPhrase> {
    let tok = t.get(i)?;
    if !matches!(tok.lower, b"a" | b"an" | b"another") {
        return None;
    }
    // "a third was wounded", "another was killed": one more person.
    let next = t.get(i + 1).map(|x| x.lower).unwrap_or_default();
    let ordinal = matches!(next, b"second" | b"third" | b"fourth" | b"fifth" | b"sixth");
    let then = t.get(i + if ordinal { 2 } else { 1 }).map(|x| x.lower);
    if (ordinal || tok.lower == b"another")
        && matches!(then, Some(b"was" | b"is" | b"had" | b"has" | b"died"))
    {
        return Some(NumPhrase {
            start: i,
            end: i + if ordinal { 2 } else { 1 },
            value: Some(1),
            approximate: false,
        });
    }
    if tok.lower == b"another" {
        return None;
    }
    // Up to two modifiers: "a Ukrainian soldier", "a 34-year-old man"; coordinated
    // singulars add up: "a 67-year-old man and a 45-year-old woman were wounded".
    let noun = person_noun_after(s, t, i)?;
    let mut value = 1u64;
    let mut end = noun + 1;
    while t.get(end).is_some_and(|x| x.lower == b"and")
        && t.get(end + 1)
            .is_some_and(|x| matches!(x.lower, b"a" | b"an"))
    {
        let Some(next) = person_noun_after(s, t, end + 1) else {
            break;
        };
        value += 1;
        end = next + 1;
    }
    Some(NumPhrase {
        start: i,
        end,
        value: Some(value),
        approximate: false,
    })
}

/// The index of the person noun of "a/an [modifiers] NOUN" starting at `i`.
fn person_noun_after(s: &str, t: &[Tok], i: usize) -> Option<usize> {
    // Most "a" are not followed by a person: check that cheaply first.
    if !t
        .iter()
        .skip(i + 1)
        .take(3)
        .any(|x| person_singular(x.lower))
    {
        return None;
    }
    for (k, tok) in t.iter().enumerate().skip(i + 1).take(3) {
        if person_singular(tok.lower) {
            return Some(k);
        }
        if !np_word(tok) && !tok.text(s).contains("-year-old") {
            return None;
        }
    }
    None
}

/// The words [`negations`] reads a token by.
const NEGATION_WORDS: [&str; 10] = [
    "no",
    "without",
    "nobody",
    "none",
    "zero",
    "unhurt",
    "unharmed",
    "unscathed",
    "uninjured",
    "escaped",
];

/// For each first byte, a bit per length (below 63) of the [`NEGATION_WORDS`].
static NEGATION_SHAPES: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < NEGATION_WORDS.len() {
        let w = NEGATION_WORDS[i].as_bytes();
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    t
};

/// Whether a lower-case word is one of [`NEGATION_WORDS`]: one load and one branch pass
/// only words of the first letter and length of one ("no", but also "new" and
/// "united"), where a test letter by letter mispredicts on most words.
#[inline]
fn negation_word(w: &[u8]) -> bool {
    let first = w.first().copied().unwrap_or(0);
    (NEGATION_SHAPES[usize::from(first)] >> w.len().min(63)) & 1 != 0
        && NEGATION_WORDS.iter().any(|n| n.as_bytes() == w)
}

/// Zero counts stated by negation, read at the tokens `at` (left to right): those that
/// are negation words, or any others, which give nothing.
fn negations(t: &[Tok], at: impl Iterator<Item = usize>, out: &mut Vec<CountMention>) {
    let push = |kind: CountKind, s: usize, e: usize, out: &mut Vec<CountMention>| {
        if !out.iter().any(|m| m.kind == kind && m.zero_by_negation) {
            out.push(CountMention {
                kind,
                value: Some(0),
                start: t[s].start,
                end: t[e].end,
                zero_by_negation: true,
                approximate: false,
            });
        }
    };
    for i in at {
        let w = t[i].lower;
        match w {
            b"no" | b"without" | b"nobody" | b"none" | b"zero" => {
                let one_word = matches!(w, b"nobody" | b"none")
                    || (w == b"no" && t.get(i + 1).is_some_and(|n| n.lower == b"one"));
                // "no casualties", "no immediate reports of casualties", "no one was killed"
                let from = if w == b"no" && t.get(i + 1).is_some_and(|n| n.lower == b"one") {
                    i + 2
                } else {
                    i + 1
                };
                for k in from..(from + 6).min(t.len()) {
                    let x = t[k].lower;
                    if x == b"casualties" || x == b"casualty" {
                        if !one_word {
                            push(CountKind::Killed, i, k, out);
                            push(CountKind::Injured, i, k, out);
                        }
                        break;
                    }
                    if let Some(kind) = cue_kind(x) {
                        if matches!(
                            kind,
                            CountKind::Killed | CountKind::Injured | CountKind::Missing
                        ) && !bodies_or_captives(x)
                        {
                            push(kind, i, k, out);
                            // "no one was killed or injured"
                            if t.get(k + 1)
                                .is_some_and(|n| matches!(n.lower, b"or" | b"and"))
                            {
                                if let Some(k2) = t.get(k + 2).and_then(|n| cue_kind(n.lower)) {
                                    push(k2, i, k + 2, out);
                                }
                            }
                        }
                        break;
                    }
                    if !(matches!(
                        x,
                        b"immediate"
                            | b"immediately"
                            | b"reports"
                            | b"report"
                            | b"reported"
                            | b"of"
                            | b"one"
                            | b"was"
                            | b"were"
                            | b"has"
                            | b"have"
                            | b"been"
                            | b"further"
                            | b"other"
                            | b"serious"
                            | b"major"
                            | b"known"
                            | b"confirmed"
                            | b"signs"
                            | b"word"
                            | b"civilian"
                            | b"human"
                            | b"fatal"
                    )) {
                        break;
                    }
                }
            }
            b"unhurt" | b"unharmed" | b"unscathed" | b"uninjured" => {
                push(CountKind::Injured, i, i, out);
            }
            b"escaped"
                if t.get(i + 1)
                    .is_some_and(|n| matches!(n.lower, b"injury" | b"unhurt" | b"unharmed")) =>
            {
                push(CountKind::Injured, i, i + 1, out);
            }
            _ => {}
        }
    }
}

/// Whether `w` (lower case) names a thing events are counted in: a [`quantity_head`] or
/// a crowd's size ("estimated the crowd at about 110,000").
pub fn counted_thing(w: &str) -> bool {
    quantity_head(w.as_bytes())
        || matches!(w, "crowd" | "crowds" | "turnout" | "figure" | "attendance")
}

/// Heads of counted things that are not casualties.
fn quantity_head(w: &[u8]) -> bool {
    matches!(
        w,
        b"prisoners"
            | b"pows"
            | b"bodies"
            | b"soldiers"
            | b"troops"
            | b"servicemen"
            | b"civilians"
            | b"people"
            | b"residents"
            | b"refugees"
            | b"migrants"
            | b"hostages"
            | b"detainees"
            | b"drones"
            | b"missiles"
            | b"rockets"
            | b"shells"
            | b"bombs"
            | b"tanks"
            | b"aircraft"
            | b"jets"
            | b"warplanes"
            | b"helicopters"
            | b"homes"
            | b"houses"
            | b"buildings"
            | b"families"
            | b"children"
            | b"fighters"
            | b"militants"
            | b"police"
            | b"policemen"
            | b"officers"
            | b"personnel"
            | b"vehicles"
            | b"trucks"
            | b"ships"
            | b"vessels"
            | b"boats"
            | b"villages"
            | b"towns"
            | b"settlements"
            | b"schools"
            | b"hospitals"
            | b"projectiles"
            | b"uavs"
            | b"shahed"
            | b"shaheds"
            | b"artillery"
            | b"protesters"
            | b"demonstrators"
            | b"students"
            | b"workers"
            | b"journalists"
            | b"pilgrims"
            | b"passengers"
            | b"sorties"
            | b"strikes"
            | b"attacks"
            | b"airstrikes"
            | b"deaths"
            | b"victims"
            | b"captives"
            | b"remains"
            | b"deceased"
            | b"dead"
            | b"wounded"
            | b"injured"
            | b"individuals"
            | b"persons"
            | b"men"
            | b"women"
            | b"casualties"
            | b"arrests"
            | b"explosions"
            | b"blasts"
    )
}

/// Counts of things in one sentence that are not casualty figures ("1,200 prisoners
/// of war", "3,000 deceased Ukrainian soldiers", "about 19,000 South Korean troops").
pub fn quantities(sentence: &str) -> Vec<QuantityMention> {
    counts(sentence).quantities
}

fn quantities_in(
    sentence: &str,
    t: &[Tok],
    phrases: &[Found],
    casualties: &[CountMention],
) -> Vec<QuantityMention> {
    let mut out: Vec<QuantityMention> = Vec::new();
    let mut free = 0usize;
    for f in phrases {
        let (p, singular) = (&f.phrase, f.singular);
        let Some(value) = p.value.filter(|_| !singular && p.start >= free) else {
            continue;
        };
        if f.excluded {
            continue;
        }
        let num_start = t[p.start].start;
        let taken = casualties
            .iter()
            .any(|m| !m.zero_by_negation && m.start <= num_start && num_start < m.end);
        // "16 of the 23 villagers": the noun phrase follows the second number.
        let mut from = p.end;
        if t.get(from).is_some_and(|x| x.lower == b"of")
            && t.get(from + 1)
                .is_some_and(|x| matches!(x.lower, b"the" | b"its" | b"their"))
            && t.get(from + 2).is_some_and(|x| x.kind == TokKind::Num)
        {
            from += 3;
        }
        match quantity_np(t, from) {
            Some((first, mut h)) => {
                if t.get(h + 1).is_some_and(|x| x.lower == b"of")
                    && t.get(h + 2).is_some_and(|x| x.lower == b"war")
                {
                    h += 2;
                }
                // (who tells of it is not a figure of it: "two security sources said")
                let tellers = matches!(t[h].lower, b"sources" | b"witnesses");
                if !taken && !tellers {
                    out.push(QuantityMention {
                        what: sentence[t[first].start..t[h].end].to_string(),
                        count: value,
                        start: num_start,
                        end: t[h].end,
                    });
                }
                free = if from == p.end { h + 1 } else { p.end };
            }
            // "62 drones, including 28 over the Krasnodar region": the bare number
            // counts the same thing as the quantity before it.
            None if !taken => {
                let bare = t
                    .get(p.end)
                    .is_none_or(|x| x.kind == TokKind::Punct || !np_word(x));
                // "estimated the crowd at about 110,000", "put the figure at 35,000"
                let crowd = || {
                    t[p.start.saturating_sub(5)..p.start]
                        .iter()
                        .rev()
                        .find(|x| {
                            matches!(
                                x.lower,
                                b"crowd" | b"crowds" | b"turnout" | b"figure" | b"attendance"
                            )
                        })
                        .map(|x| x.text(sentence).to_string())
                };
                let what = match out.last() {
                    Some(prev) if bare => Some(prev.what.clone()),
                    _ if bare => crowd(),
                    _ => None,
                };
                if let Some(what) = what {
                    out.push(QuantityMention {
                        what,
                        count: value,
                        start: num_start,
                        end: t[p.end - 1].end,
                    });
                }
            }
            None => {}
        }
    }
    out
}

/// The noun phrase counted by a number ending before token `from`: (first token, head
/// token). The head is a known counted noun or another plural noun.
fn quantity_np(t: &[Tok], from: usize) -> Option<(usize, usize)> {
    let mut head: Option<usize> = None;
    let mut k = from;
    while k < t.len() && k < from + 5 {
        let tok = &t[k];
        let w = tok.lower;
        let adverb = matches!(
            w,
            b"seriously" | b"critically" | b"severely" | b"slightly" | b"lightly" | b"badly"
        );
        if quantity_head(w) || (head.is_none() && plural_noun(tok)) {
            head = Some(k);
        } else if !(adverb || np_word(tok)) {
            break;
        }
        k += 1;
    }
    head.map(|h| (from, h))
}

/// A lower-case plural noun by its shape ("casings", "companies", "diplomats").
fn plural_noun(tok: &Tok) -> bool {
    let w = tok.lower;
    tok.kind == TokKind::Word
        && !tok.capital
        && w.first().is_some_and(u8::is_ascii_lowercase)
        && w.len() > 3
        && w.ends_with(b"s")
        && !w.ends_with(b"ss")
        && !w.ends_with(b"us")
        && !w.ends_with(b"is")
        && !measure_word(w)
        && np_word(tok)
        && !matches!(
            w,
            b"was"
                | b"has"
                | b"its"
                | b"this"
                | b"thus"
                | b"as"
                | b"unless"
                | b"towards"
                | b"always"
                | b"sometimes"
                | b"perhaps"
                | b"besides"
                | b"afterwards"
                | b"whereas"
                | b"says"
                | b"remains"
                | b"stands"
                | b"seems"
                | b"looks"
                | b"means"
                | b"tens"
                | b"others"
        )
}

/// Throughput of the text layer on the dev corpus, in CPU time of this thread (robust
/// on a shared machine). Run: `cargo test --release --lib text_throughput -- --ignored
/// --nocapture`.
#[cfg(test)]
mod text_throughput {
    use super::*;
    use crate::pipeline::{extract::dates, normalize, sentences};

    fn cpu_seconds() -> Option<f64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
    }

    #[test]
    #[ignore]
    fn text_throughput() {
        let bodies: Vec<String> = crate::pipeline::dev_articles()
            .iter()
            .filter_map(|v| v["body"].as_str().map(str::to_string))
            .collect();
        if bodies.is_empty() {
            return;
        }
        let norm: Vec<String> = bodies
            .iter()
            .map(|b| normalize::normalize(b).text)
            .collect();
        let sents: Vec<String> = norm
            .iter()
            .flat_map(|n| {
                sentences::split(n)
                    .into_iter()
                    .map(|s| s.text(n).to_string())
            })
            .collect();
        let published = chrono::DateTime::<chrono::Utc>::from_timestamp(1_741_600_800, 0)
            .expect("valid timestamp");
        let reps = 50;
        let bytes = bodies.iter().map(String::len).sum::<usize>() * reps;
        let measure = |name: &str, f: &mut dyn FnMut() -> usize| {
            let (Some(t0), mut n) = (cpu_seconds(), 0) else {
                return;
            };
            for _ in 0..reps {
                n += f();
            }
            let secs = cpu_seconds().unwrap_or(t0) - t0;
            let mbs = bytes as f64 / secs.max(1e-9) / 1e6;
            println!("{name:<10} {mbs:>7.1} MB/s ({n} items)");
            assert!(mbs > 20.0, "{name} below 20 MB/s");
        };
        measure("normalize", &mut || {
            bodies
                .iter()
                .map(|b| normalize::normalize(b).text.len())
                .sum()
        });
        measure("sentences", &mut || {
            norm.iter().map(|n| sentences::split(n).len()).sum()
        });
        measure("numbers", &mut || {
            sents
                .iter()
                .map(|s| {
                    let c = counts(s);
                    c.casualties.len() + c.quantities.len()
                })
                .sum()
        });
        measure("dates", &mut || {
            sents
                .iter()
                .map(|s| dates::find_dates(s, published).len())
                .sum()
        });
    }
}

/// The tokenizer [`tokenize`] replaced, one match over a byte class per token: the
/// tests compare the two.
#[cfg(test)]
fn tokenize_by_class<'a>(s: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    let bytes = s.as_bytes();
    // room for every token of a sentence of prose (about one per five bytes)
    let mut out = Vec::with_capacity(s.len() / 4 + 4);
    let mut i = 0usize;
    while i < bytes.len() && out.len() < MAX_TOKENS {
        let b = bytes[i];
        let (kind, (end, hyphen)) = match CLASS[b as usize] {
            ByteClass::Space => {
                i += 1;
                continue;
            }
            // (the digits read as the tokenizer reads them: what changed is the dispatch)
            ByteClass::Digit => digits_end(s, i),
            ByteClass::Letter => (TokKind::Word, word_end(s, i + 1)),
            ByteClass::Other => (TokKind::Punct, (i + 1, None)),
            ByteClass::Wide => {
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                let next = i + c.len_utf8();
                if c.is_whitespace() {
                    i = next;
                    continue;
                }
                if c.is_alphabetic() {
                    (TokKind::Word, word_end(s, next))
                } else {
                    (TokKind::Punct, (next, None))
                }
            }
        };
        let head_len = hyphen.unwrap_or(end) - i;
        let capital = if b < 0x80 {
            b.is_ascii_uppercase()
        } else {
            s.get(i..)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        };
        out.push(Tok {
            lower: lower.as_bytes().get(i..end).unwrap_or_default(),
            start: i,
            end,
            kind,
            head_len: u8::try_from(head_len).unwrap_or(u8::MAX),
            capital,
        });
        // the space after a token is stepped over here rather than by a turn of the loop
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_words_are_sorted_and_found() {
        assert!(KEY_WORDS.windows(2).all(|p| p[0] < p[1]));
        for w in KEY_WORDS {
            assert!(key_word(w.as_bytes()), "{w}");
        }
        for w in [
            "the", "said", "a", "at", "about", "nos", "tenth", "men", "", "Two", "this", "there",
            "these", "prison", "stated", "body", "none-",
        ] {
            assert!(!key_word(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn key_word_at_agrees_with_key_word() {
        let text = "the two men said a third, tens of ten-year olds; one . officer x nobody \
                    unhurt   dozens zero seventy policemen";
        let lower = text.as_bytes();
        // every run between two bytes that are no letter, empty ones too
        let mut start = 0;
        for end in
            (0..=lower.len()).filter(|&e| lower.get(e).is_none_or(|b| !b.is_ascii_lowercase()))
        {
            let run = &lower[start..end];
            assert_eq!(key_word_at(lower, start, end), key_word(run), "{run:?}");
            start = end + 1;
        }
        for w in KEY_WORDS {
            assert!(key_word_at(w.as_bytes(), 0, w.len()), "{w}");
        }
    }

    #[test]
    fn non_letters_are_found_eight_bytes_at_a_time() {
        for chunk in [
            *b"police, ",
            *b"`az{@AZ[",
            *b"\xc3\xa9t\xc3\xa9-ab",
            *b"abcdefgh",
            [0x60, 0x61, 0x7a, 0x7b, 0xe1, 0xfa, 0x00, 0xff],
        ] {
            let want = chunk.iter().enumerate().fold(0u64, |m, (k, b)| {
                m | (u64::from(!b.is_ascii_lowercase()) << (8 * k + 7))
            });
            assert_eq!(non_letters(u64::from_le_bytes(chunk)), want, "{chunk:?}");
        }
    }

    #[test]
    fn sentences_without_digits_or_key_words_are_skipped() {
        // (sentence, may count, gives a count)
        let cases = [
            (
                "Gunmen opened fire on a police convoy in the city.",
                false,
                false,
            ),
            ("The army said the attack was repelled.", false, false),
            (
                "Militants stormed the village at dawn, witnesses said.",
                false,
                false,
            ),
            (
                "Police arrested 12 protesters outside parliament.",
                true,
                true,
            ),
            ("The 34-year-old was detained.", true, false),
            ("A soldier was killed in the ambush.", true, true),
            ("A Ukrainian civilian was wounded by shelling.", true, true),
            ("No one was hurt in the blast.", true, true),
            ("The driver escaped unhurt.", true, true),
            ("Several people were injured in the clashes.", true, true),
            (
                "A number of protesters were detained overnight.",
                true,
                true,
            ),
            ("Another was killed when the roof collapsed.", true, true),
            (
                "Twenty-three miners are missing after the collapse.",
                true,
                true,
            ),
            ("Security forces killed dozens of rebels.", true, true),
            ("The café's owner, a Chilean, was unharmed.", true, true),
        ];
        for (s, may, some) in cases {
            let lower = s.to_ascii_lowercase();
            assert_eq!(may_count(lower.as_bytes()), may, "{s}");
            let full = read_counts(s, &lower);
            assert_eq!(!full.casualties.is_empty(), some, "{s}: {full:?}");
            assert_eq!(counts_lower(s, &lower), full, "{s}");
        }
    }

    #[test]
    fn skipped_corpus_sentences_give_no_count() {
        let articles = crate::pipeline::dev_articles();
        if articles.is_empty() {
            return;
        }
        let mut skipped = 0;
        for v in &articles {
            let norm = crate::pipeline::normalize::normalize(v["body"].as_str().unwrap_or(""));
            for s in crate::pipeline::sentences::split(&norm.text) {
                let s = s.text(&norm.text);
                let lower = s.to_ascii_lowercase();
                if !may_count(lower.as_bytes()) {
                    skipped += 1;
                    assert_eq!(read_counts(s, &lower), SentenceCounts::default(), "{s}");
                }
            }
        }
        assert!(skipped > 0);
    }

    #[test]
    fn negation_words_pass_their_shape_test() {
        let passes = |w: &str| {
            let first = w.as_bytes().first().copied().unwrap_or(0);
            (NEGATION_SHAPES[usize::from(first)] >> w.len().min(63)) & 1 != 0
        };
        for w in NEGATION_WORDS {
            assert!(passes(w), "{w}");
        }
        for w in ["", "the", "was", "nobodies", "zeros", "unhurtfully", "n"] {
            assert!(!passes(w), "{w}");
        }
        // each word is read as before the shape test came
        let t = |s: &str| {
            let lower = s.to_ascii_lowercase();
            let toks = tokenize(s, &lower);
            let mut out = Vec::new();
            negations(&toks, 0..toks.len(), &mut out);
            out.iter().map(|m| (m.kind, m.value)).collect::<Vec<_>>()
        };
        assert_eq!(
            t("No one was killed or injured."),
            vec![(CountKind::Killed, Some(0)), (CountKind::Injured, Some(0))]
        );
        assert_eq!(
            t("The driver escaped unhurt."),
            vec![(CountKind::Injured, Some(0))]
        );
        assert_eq!(
            t("There were no casualties."),
            vec![(CountKind::Killed, Some(0)), (CountKind::Injured, Some(0))]
        );
    }

    #[test]
    fn runs_of_letters_and_digits_end_as_byte_by_byte() {
        let text = "At least twenty-three people, including 3 children, were killed; \
                    Thirty-one were hurt and a dozen more (some 40) fled. An estimated \
                    hundreds-strong crowd of ABOUT 1,200 said \u{e9}t\u{e9} x9 Tens of \
                    thousands another well-known a few several-fold internationalisation \
                    nearly ninety-nine ONE two-thirds 34-year-old 10km {tens} `a` zero";
        // the end of a run of letters and digits, at every byte and near the end
        let b = text.as_bytes();
        for j in 0..=b.len() {
            for cut in [b.len(), (j + 3).min(b.len())] {
                let mut want = j;
                while b[..cut].get(want).is_some_and(|x| is_alnum(*x)) {
                    want += 1;
                }
                assert_eq!(alnum_run_end(&b[..cut], j), want, "at {j} of {cut}");
            }
        }
        for x in 0..=255u8 {
            let bytes = [b'a', x, b'.', x, 0x80, x, b'Z', x];
            let want: u64 = bytes
                .iter()
                .enumerate()
                .map(|(k, &y)| u64::from(!is_alnum(y)) << (8 * k + 7))
                .sum();
            assert_eq!(non_alnum(u64::from_le_bytes(bytes)), want, "{x:#x}");
        }
    }

    #[test]
    fn every_starter_is_found_and_other_words_are_not() {
        for w in STARTERS {
            assert!(is_starter(w.as_bytes()), "{w}");
        }
        for w in [
            "the", "said", "tenth", "twelfth", "nearby", "unknowns", "", "A", "été",
        ] {
            assert!(!is_starter(w.as_bytes()), "{w}");
        }
    }

    /// A token's fields: lower case, start, end, kind, head length, capital.
    type Fields<'a> = (&'a [u8], usize, usize, TokKind, u8, bool);

    /// `texts` followed by every sentence of the dev articles, as owned strings.
    fn with_dev_sentences(texts: &[&str]) -> Vec<String> {
        let mut all: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        for v in &crate::pipeline::dev_articles() {
            let norm = crate::pipeline::normalize::normalize(v["body"].as_str().unwrap_or(""));
            for s in crate::pipeline::sentences::split(&norm.text) {
                all.push(s.text(&norm.text).to_string());
            }
        }
        all
    }

    /// The fields of every token, for comparing two tokenizers.
    fn token_fields<'a>(toks: &[Tok<'a>]) -> Vec<Fields<'a>> {
        toks.iter()
            .map(|t| (t.lower, t.start, t.end, t.kind, t.head_len, t.capital))
            .collect()
    }

    #[test]
    fn tokens_are_those_of_the_match_over_byte_classes() {
        let texts = with_dev_sentences(&[
            "At least twenty-three people, including 3 children, were killed; Thirty-one \
             were hurt and a dozen more (some 40) fled.",
            "An estimated hundreds-strong crowd of ABOUT 1,200 said \u{e9}t\u{e9} x9 \
             \u{c9}cole \u{2014} Tens\u{a0}of\tthousands\nanother well-known a few",
            "man's O'Brien 'quoted' rock'n'roll 34-year-old 10km 3rd 1.5 3,4 5,000.25 7- -8",
            "\u{201c}Kyiv\u{201d}: Zaporizhzhia-based units, caf\u{e9}-bar na\u{ef}ve-x",
            "ends with a hyphen- and an apostrophe' then \u{e9}",
            "",
            " ",
            "a",
            "A-",
            "9",
            "\u{e9}",
            "-",
            "word",
            "x'",
            "x-\u{e9}t\u{e9}",
        ]);
        for text in &texts {
            // every suffix too: ends of text fall at every kind of byte
            for (k, _) in text.char_indices() {
                let t = &text[k..];
                let lower = t.to_ascii_lowercase();
                assert_eq!(
                    token_fields(&tokenize(t, &lower)),
                    token_fields(&tokenize_by_class(t, &lower)),
                    "{t}"
                );
            }
        }
    }

    #[test]
    fn long_texts_give_max_tokens_as_the_match_over_byte_classes() {
        // runs of spaces give no token: the tokenizer reads on after a run of bytes
        // that could each have started one
        for unit in [
            "a, ",
            "x",
            "1.5  -\u{a0}",
            "    twenty-three ",
            "\u{e9}t\u{e9}; ",
        ] {
            for n in [1, 500, 1999, 2000, 2001, 4500] {
                let text = unit.repeat(n);
                let lower = text.to_ascii_lowercase();
                let toks = tokenize(&text, &lower);
                assert!(toks.len() <= MAX_TOKENS);
                assert_eq!(
                    token_fields(&toks),
                    token_fields(&tokenize_by_class(&text, &lower)),
                    "{unit:?} x {n}"
                );
            }
        }
    }

    #[test]
    fn phrases_find_the_negation_words_a_walk_over_every_token_finds() {
        let texts = with_dev_sentences(&[
            "No one was killed, nobody was hurt and none were missing; zero casualties.",
            "A no-one unhurt man, twenty zero unharmed, one hundred zero escaped injury.",
            "Without injuries: a unscathed uninjured woman and a no soldier escaped unhurt.",
            "NO deaths, Nobody, ZERO, Escaped, none-the-less, no's, nos",
        ]);
        for s in &texts {
            let lower = s.to_ascii_lowercase();
            let t = tokenize(s, &lower);
            let every: Vec<usize> = (0..t.len())
                .filter(|&i| negation_word(t[i].lower))
                .collect();
            assert_eq!(phrases(s, &t).negations, every, "{s}");
            let (mut read, mut all) = (Vec::new(), Vec::new());
            negations(&t, every.iter().copied(), &mut read);
            negations(&t, 0..t.len(), &mut all);
            assert_eq!(read, all, "{s}");
        }
    }

    #[test]
    fn lent_buffers_keep_their_memory_and_read_as_new_ones() {
        let (a, b) = (
            "Gunmen killed 12 people.",
            "Police arrested two men and a woman.",
        );
        let (la, lb) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
        let toks = tokenize(a, &la);
        let (ptr, cap) = (toks.as_ptr() as usize, toks.capacity());
        let mut again = relend(toks);
        assert!(again.is_empty());
        assert_eq!((again.as_ptr() as usize, again.capacity()), (ptr, cap));
        tokenize_into(b, &lb, &mut again);
        assert_eq!(token_fields(&again), token_fields(&tokenize(b, &lb)));
        // a sentence read after another reads as it does alone
        for s in [a, b, a, "No one was hurt.", b] {
            let lower = s.to_ascii_lowercase();
            let t = tokenize(s, &lower);
            let p = phrases(s, &t);
            let casualties = casualties_in(&t, &p);
            let quantities = quantities_in(s, &t, &p.found, &casualties);
            let alone = SentenceCounts {
                casualties,
                quantities,
            };
            assert_eq!(counts(s), alone, "{s}");
        }
    }

    #[test]
    fn tokens_know_the_word_before_the_hyphen() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Twenty-three people were killed.",
                &[
                    ("Twenty-three", "twenty"),
                    ("people", "people"),
                    ("were", "were"),
                    ("killed", "killed"),
                    (".", "."),
                ],
            ),
            (
                "A 34-year-old man's well-known shop",
                &[
                    ("A", "a"),
                    ("34-year-old", "34"),
                    ("man's", "man's"),
                    ("well-known", "well"),
                    ("shop", "shop"),
                ],
            ),
            (
                "Kyiv - 1,200 prisoners; Zaporizhzhia-based units",
                &[
                    ("Kyiv", "kyiv"),
                    ("-", "-"),
                    ("1,200", "1,200"),
                    ("prisoners", "prisoners"),
                    (";", ";"),
                    ("Zaporizhzhia-based", "zaporizhzhia"),
                    ("units", "units"),
                ],
            ),
        ];
        for (text, want) in cases {
            let lower = text.to_ascii_lowercase();
            let got: Vec<(&str, &[u8])> = tokenize(text, &lower)
                .iter()
                .map(|t| (t.text(text), t.head()))
                .collect();
            let want: Vec<(&str, &[u8])> = want.iter().map(|(a, b)| (*a, b.as_bytes())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn starter_values_are_the_number_words() {
        for (i, w) in STARTERS.iter().enumerate() {
            assert_eq!(starter_index(w.as_bytes()), Some(i), "{w}");
            assert_eq!(
                starter_number(i),
                unit_word(w).or_else(|| tens_word(w)),
                "{w}"
            );
        }
        for (w, want) in [
            ("twenty-three", Some(23)),
            ("ninety-nine", Some(99)),
            ("seven", Some(7)),
            ("forty", Some(40)),
            ("twenty-ten", None),
            ("one-third", None),
            ("thirty-", None),
            ("-three", None),
            ("twenty-three-year", None),
            ("forty-zero", None),
            ("Twenty-one", None),
            ("several", None),
            ("tenth", None),
        ] {
            assert_eq!(small_word_number(w), want, "{w}");
        }
        for text in [
            "Twenty-three people, twenty-three-year-old men and ninety-nine others died.",
            "Seven of the forty-one wounded were brought in by thirty-three ambulances.",
            "One-third of the 1,200 residents fled; forty-zero and twenty-ten are not numbers.",
        ] {
            let lower = text.to_ascii_lowercase();
            for tok in tokenize(text, &lower) {
                let lower = std::str::from_utf8(tok.lower).unwrap_or_default();
                assert_eq!(tok.word_number(), small_word_number(lower), "{tok:?}");
            }
        }
        for (digits, want) in [
            ("1,200", Some(1200)),
            ("33", Some(33)),
            ("18446744073709551615", Some(u64::MAX)),
            ("18446744073709551616", None),
        ] {
            assert_eq!(digits_value(digits.as_bytes()), want, "{digits}");
            assert_eq!(
                digits_value(digits.as_bytes()),
                digits.replace(',', "").parse().ok()
            );
        }
    }

    #[test]
    fn words_that_may_open_a_number_pass_the_byte_test() {
        let mut words: Vec<String> = [
            "seven",
            "Seven",
            "SEVENTY",
            "twenty-three",
            "a",
            "An",
            "another",
            "about",
            "3",
            "3rd",
            "10km",
            "1,200",
            "tens",
            "several",
            "people",
            "the",
            "-",
            "(two",
            "Ünder",
            "éight",
            "seven's",
            "two'",
            "fifty-",
            "a1",
            "abcdefghijklmnopq",
            "more than 40",
            "a dozen",
            "\u{a0}two",
            "",
            " ",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for a in crate::pipeline::dev_articles() {
            let body = a["body"].as_str().unwrap_or_default();
            words.extend(body.split_whitespace().map(str::to_string));
        }
        for w in &words {
            let w = w.trim();
            let lower = w.to_ascii_lowercase();
            let t = tokenize(w, &lower);
            if number_at(&t, 0).is_some() {
                assert!(may_open_a_number(w.as_bytes()), "{w:?}");
            }
        }
    }

    #[test]
    fn number_words_parse() {
        let cases = [
            ("twenty-three", Some(23)),
            ("seventy", Some(70)),
            ("nineteen", Some(19)),
            ("about 19,000", Some(19_000)),
            ("a dozen", Some(12)),
            ("more than 40", Some(40)),
            ("two hundred and fifty", Some(250)),
            ("twenty-ten", None),
            ("thirty-", None),
            ("several", None),
            ("people", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), want, "{text}");
        }
    }
}
