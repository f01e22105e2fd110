//! Word tokens for place matching: byte spans, folded forms (lower case, no diacritics,
//! no apostrophes) and what joins each token to the previous one.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::char::is_combining_mark;

/// One word of a text. `folded` indexes into [`Tokens::folded`].
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    folded_start: u32,
    folded_end: u32,
    /// The first letter is upper case ("Kharkiv", "U").
    pub upper: bool,
    /// Only spaces or a hyphen separate it from the previous token, or an abbreviation dot
    /// ("St. Petersburg", "U.S."), so a multi-word name may continue across the gap.
    pub joins_prev: bool,
    /// First word of a sentence (or of the text).
    pub sentence_start: bool,
}

/// The tokens of one text with their folded forms in one buffer.
#[derive(Debug, Default)]
pub struct Tokens {
    pub list: Vec<Token>,
    folded: String,
}

impl Tokens {
    pub fn folded(&self, t: &Token) -> &str {
        self.folded
            .get(t.folded_start as usize..t.folded_end as usize)
            .unwrap_or("")
    }

    /// [`Tokens::folded`] as bytes, for quick filters (no char-boundary checks).
    pub fn folded_bytes(&self, t: &Token) -> &[u8] {
        self.folded
            .as_bytes()
            .get(t.folded_start as usize..t.folded_end as usize)
            .unwrap_or(&[])
    }

    /// Space-joined folded forms of tokens `from..to` (the gazetteer's key format).
    pub fn key_into(&self, from: usize, to: usize, out: &mut String) {
        out.clear();
        for (k, t) in self.list[from..to].iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(self.folded(t));
        }
    }
}

/// Byte classes of the tokenizer, one table lookup per byte.
const ALNUM: u8 = 1;
/// An ASCII byte that is not a letter or digit: skipped between words.
const SEPARATOR: u8 = 2;
/// A byte after an ASCII word that does not end it at once: non-ASCII, or an apostrophe.
const WORD_GOES_ON: u8 = 4;

static CLASS: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c >= 0x80 {
            WORD_GOES_ON
        } else if c == b'\'' || c == b'`' {
            SEPARATOR | WORD_GOES_ON
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
}

#[inline]
fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`')
}

/// Appends the folded form of `c`: lower case, diacritics removed.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        'þ' | 'Þ' => out.push_str("th"),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(l);
                }
            }
        }),
    }
}

/// Splits `text` into word tokens. Apostrophes inside a word are dropped from the folded
/// form ("T'bilisi" -> "tbilisi"); a possessive "'s" ends the word ("Kharkiv's").
pub fn tokenize(text: &str) -> Tokens {
    let mut toks = Tokens {
        list: Vec::with_capacity(text.len() / 5),
        folded: String::with_capacity(text.len()),
    };
    tokenize_into(text, &mut toks);
    toks
}

/// [`tokenize`] with `lower`, the text in ASCII lower case (`str::to_ascii_lowercase`,
/// same byte offsets), made once by the caller: the folded form of an ASCII word is read
/// in one copy of it instead of being copied and lower-cased word by word. Any other
/// `lower` is ignored.
pub fn tokenize_lowered(text: &str, lower: &str) -> Tokens {
    // room for the copy of `lower` and the folded forms of words with other letters
    // after it, and for short words: most texts need no second allocation
    let mut toks = Tokens {
        list: Vec::with_capacity(text.len() / 4 + 8),
        folded: String::with_capacity(text.len() + text.len() / 4 + 16),
    };
    let lower = (lower.len() == text.len()).then_some(lower);
    tokenize_with(text, lower, &mut toks);
    toks
}

/// [`tokenize`] into reused buffers (the loader keys 400,000 names).
pub fn tokenize_into(text: &str, toks: &mut Tokens) {
    tokenize_with(text, None, toks);
}

/// [`tokenize_into`], copying ASCII words from `lower` when given (see
/// [`tokenize_lowered`]).
fn tokenize_with(text: &str, lower: Option<&str>, toks: &mut Tokens) {
    toks.list.clear();
    toks.folded.clear();
    // with the lower-cased text, an ASCII word's folded form is that text at the word's
    // own offsets: the buffer starts as a copy of it, other folded forms follow it
    if let Some(l) = lower {
        toks.folded.push_str(l);
    }
    let bytes = text.as_bytes();
    let mut prev_end = 0usize;
    let mut first = true;
    let mut i = 0usize;
    while i < bytes.len() {
        // ASCII separators in one go (the common case between words)
        if class(bytes[i]) & SEPARATOR != 0 {
            i += 1;
            continue;
        }
        let start = i;
        let before = toks.folded.len() as u32;
        let (upper, end, folded) = match ascii_word_end(bytes, i) {
            // a word of ASCII letters and digits ended by an ASCII separator (the common
            // case): read from the lower-cased copy, or copied and lower-cased in one go
            Some(end) => {
                i = end;
                let folded = if lower.is_some() {
                    (start as u32, end as u32)
                } else {
                    toks.folded.push_str(&text[start..end]);
                    if let Some(w) = toks.folded.get_mut(before as usize..) {
                        w.make_ascii_lowercase();
                    }
                    (before, toks.folded.len() as u32)
                };
                (bytes[start].is_ascii_uppercase(), end, folded)
            }
            None => {
                let (c, clen) = char_at(text, i);
                if !c.is_alphanumeric() {
                    i += clen;
                    continue;
                }
                let (next, end) = word_end(text, i, c, clen, &mut toks.folded);
                i = next;
                (c.is_uppercase(), end, (before, toks.folded.len() as u32))
            }
        };
        let (joins_prev, sentence_start) = if first {
            (false, true)
        } else if start == prev_end + 1 && bytes[prev_end] == b' ' {
            // one space, the common gap: what `gap_ties` says of it at once
            (true, false)
        } else {
            gap_ties(&text[prev_end..start], toks.list.last())
        };
        toks.list.push(Token {
            start,
            end,
            folded_start: folded.0,
            folded_end: folded.1,
            upper,
            joins_prev,
            sentence_start,
        });
        prev_end = end;
        first = false;
    }
}

/// The end of the word at byte `i` when it is all ASCII letters and digits and an ASCII
/// byte other than an apostrophe (or the end of the text) follows it: there [`word_end`]
/// would stop too, with the same end.
#[inline]
fn ascii_word_end(bytes: &[u8], i: usize) -> Option<usize> {
    if class(*bytes.get(i)?) & ALNUM == 0 {
        return None;
    }
    let run = bytes[i..]
        .iter()
        .position(|&b| class(b) & ALNUM == 0)
        .unwrap_or(bytes.len() - i);
    let end = i + run;
    match bytes.get(end) {
        Some(&n) if class(n) & WORD_GOES_ON != 0 => None,
        _ => Some(end),
    }
}

/// Reads the word whose first character `c` (`clen` bytes) is at byte `i`, appending
/// its folded form to `folded`. Returns the next byte not taken and the word's end.
fn word_end(text: &str, i: usize, c: char, clen: usize, folded: &mut String) -> (usize, usize) {
    let bytes = text.as_bytes();
    // an ASCII first letter is folded with the run it starts
    let mut end = i;
    if !c.is_ascii() {
        push_folded(c, folded);
        end = i + clen;
    }
    // `j`: the next character not yet taken into the word
    let mut j = end;
    while j < bytes.len() {
        if bytes[j].is_ascii_alphanumeric() {
            // a run of ASCII letters and digits in one go
            let run = bytes[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let from = folded.len();
            folded.push_str(&text[j..j + run]);
            folded[from..].make_ascii_lowercase();
            end = j + run;
            j = end;
            // an ASCII separator other than an apostrophe ends the word at once
            if bytes
                .get(j)
                .is_some_and(|&n| n < 0x80 && n != b'\'' && n != b'`')
            {
                break;
            }
            continue;
        }
        let (d, dlen) = char_at(text, j);
        if d.is_alphanumeric() {
            push_folded(d, folded);
            end = j + dlen;
            j = end;
        } else if is_apostrophe(d) {
            // keep going only when a letter follows and it is not a possessive 's
            let after = j + dlen;
            let mut rest = text[after..].chars();
            let next = rest.next();
            let possessive = matches!(next, Some('s') | Some('S'))
                && !rest.next().is_some_and(|x| x.is_alphanumeric());
            if possessive {
                // the apostrophe and the "s" are read, not part of the word
                j = after + 1;
                break;
            }
            if next.is_some_and(|x| x.is_alphabetic()) {
                j = after;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    (j, end)
}

/// What the gap between the previous token `prev` and the next says: whether the next
/// token joins the previous one (a multi-word name may continue) and whether it starts a
/// sentence. Not for the first token of a text.
fn gap_ties(gap: &str, prev: Option<&Token>) -> (bool, bool) {
    if gap == " " {
        return (true, false);
    }
    let prev_folded_len = prev
        .map(|t| (t.folded_end - t.folded_start) as usize)
        .unwrap_or(0);
    let prev_short = prev.is_some_and(|t| t.end - t.start <= 2);
    if gap.is_ascii() {
        return ascii_gap_ties(
            gap.as_bytes(),
            prev_short && prev_folded_len <= 2,
            prev_short,
        );
    }
    let joins_prev = gap.chars().all(|g| g == ' ' || g == '-' || g == '\u{a0}')
        && gap.chars().filter(|&g| g == '-').count() <= 1
        || (prev_short && prev_folded_len <= 2 && (gap == "." || gap == ". "));
    let trimmed = gap.trim_end_matches(|g: char| {
        g.is_whitespace() || matches!(g, '"' | '“' | '‘' | '\'' | '(' | '*' | '#')
    });
    let sentence_start = trimmed.ends_with(['.', '!', '?', ':', '\n'])
        && !(prev_short && trimmed == ".")
        || gap.contains('\n');
    (joins_prev, sentence_start)
}

/// [`gap_ties`] for an all-ASCII gap ("", ", ", ". ", ".\n\n"), read byte by byte.
/// `abbrev`: the previous token may be an abbreviation ("U.S.", "St. Petersburg").
fn ascii_gap_ties(gap: &[u8], abbrev: bool, prev_short: bool) -> (bool, bool) {
    let joins_prev = gap.iter().all(|&g| g == b' ' || g == b'-')
        && gap.iter().filter(|&&g| g == b'-').count() <= 1
        || (abbrev && (gap == b"." || gap == b". "));
    // `char::is_whitespace` in ASCII: tab to carriage return and the space
    let trimmed_len = gap
        .iter()
        .rposition(|&g| !matches!(g, b'\t'..=b'\r' | b' ' | b'"' | b'\'' | b'(' | b'*' | b'#'))
        .map_or(0, |k| k + 1);
    let trimmed = &gap[..trimmed_len];
    let sentence_start = trimmed
        .last()
        .is_some_and(|c| matches!(c, b'.' | b'!' | b'?' | b':' | b'\n'))
        && !(prev_short && trimmed == b".")
        || gap.contains(&b'\n');
    (joins_prev, sentence_start)
}

/// The character at byte `i` of `text` (a char boundary) and its length in bytes.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (char::from(b), 1),
        _ => text[i..]
            .chars()
            .next()
            .map_or(('\0', 1), |c| (c, c.len_utf8())),
    }
}

/// The gazetteer key of a name: its folded tokens joined by single spaces.
pub fn key_of(name: &str) -> String {
    let mut k = String::new();
    key_into(name, &mut Tokens::default(), &mut k);
    k
}

/// [`key_of`] with reused buffers.
pub fn key_into(name: &str, scratch: &mut Tokens, out: &mut String) {
    tokenize_into(name, scratch);
    out.clear();
    if !scratch.list.is_empty() {
        scratch.key_into(0, scratch.list.len(), out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_variants_together() {
        let table = [
            ("El Fasher", "el fasher"),
            ("El-Fasher", "el fasher"),
            ("Tibú", "tibu"),
            ("Adré", "adre"),
            ("Ouaddaï", "ouaddai"),
            ("T'bilisi", "tbilisi"),
            ("Debre Mark’os", "debre markos"),
            ("St. Petersburg", "st petersburg"),
            ("U.S.", "u s"),
            ("Łódź", "lodz"),
            ("Kharkiv's", "kharkiv"),
        ];
        for (name, key) in table {
            assert_eq!(key_of(name), key, "{name}");
        }
    }

    #[test]
    fn lowered_copy_gives_the_same_tokens() {
        let texts = [
            "Drones hit Kharkiv's Saltivskyi district. Police said, Odesa too",
            "KYIV, March 11 - Shelling in Tibú and Adré; T'bilisi, U.S. and St. Petersburg",
            "Łódź é 12km ÉCOLE",
        ];
        for text in texts {
            let plain = tokenize(text);
            let lowered = tokenize_lowered(text, &text.to_ascii_lowercase());
            let words = |t: &Tokens| -> Vec<(String, usize, usize, bool, bool, bool)> {
                t.list
                    .iter()
                    .map(|x| {
                        let f = t.folded(x).to_string();
                        (f, x.start, x.end, x.upper, x.joins_prev, x.sentence_start)
                    })
                    .collect()
            };
            assert_eq!(words(&plain), words(&lowered), "{text}");
            for x in &lowered.list {
                assert_eq!(
                    lowered.folded_bytes(x),
                    lowered.folded(x).as_bytes(),
                    "{text}"
                );
            }
            assert!(!plain.list.is_empty(), "{text}");
        }
    }

    #[test]
    fn tokens_know_case_joins_and_sentence_starts() {
        let text = "Drones hit Kharkiv's Saltivskyi district. Police said, Odesa too";
        let t = tokenize(text);
        let words: Vec<(&str, bool, bool, bool)> = t
            .list
            .iter()
            .map(|x| {
                (
                    &text[x.start..x.end],
                    x.upper,
                    x.joins_prev,
                    x.sentence_start,
                )
            })
            .collect();
        assert_eq!(words[0], ("Drones", true, false, true));
        assert_eq!(words[2], ("Kharkiv", true, true, false));
        assert_eq!(words[3], ("Saltivskyi", true, false, false));
        assert_eq!(words[5], ("Police", true, false, true));
        assert_eq!(words[7], ("Odesa", true, false, false));
    }
}
