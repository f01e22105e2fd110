//! Text normalization (NFC, quotes, dashes, markdown remnants, whitespace) with a map
//! back to byte offsets in the original body, so evidence can point into it.
//!
//! One pass over the body. ASCII bytes take a fast path; a non-ASCII character is
//! NFC-composed together with the combining marks that follow it. Every output byte
//! remembers the byte range of the input it came from, so any range of the normalized
//! text maps back to a range of the body as received.

use unicode_normalization::char::{canonical_combining_class, compose};
use unicode_normalization::UnicodeNormalization;

/// Normalized text plus the offset map back into the original body.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Where the bytes of `text` came from, piece by piece in text order.
    pieces: Vec<Piece>,
    /// Length of the original body (where the end of `text` maps to).
    body_len: usize,
}

/// Bytes of the normalized text from one stretch of the body.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Offset in the normalized text of the piece's first byte.
    at: usize,
    /// The byte range of the body it came from.
    start: usize,
    end: usize,
    /// Copied unchanged: byte `k` of the piece is byte `start + k` of the body. Else
    /// every byte of the piece came from all of `start..end`.
    copied: bool,
}

impl Normalized {
    /// Maps a byte range of the normalized text back to the original body. Out-of-range
    /// or reversed inputs are clamped, never a panic.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let len = self.text.len();
        let end = end.min(len);
        let start = start.min(end);
        let s = self.source(start).0;
        if end == start {
            return (s, s);
        }
        let e = self.source(end - 1).1;
        (s, e.max(s))
    }

    /// Maps one byte offset of the normalized text to the original body.
    pub fn original_offset(&self, pos: usize) -> usize {
        self.source(pos.min(self.text.len())).0
    }

    /// The body offsets where the input that byte `pos` of the text came from starts and
    /// ends (both the body length at and past the text's end), clamped to `u32`.
    fn source(&self, pos: usize) -> (usize, usize) {
        let k = self.pieces.partition_point(|p| p.at <= pos);
        let (start, end) = match self.pieces.get(k.wrapping_sub(1)) {
            Some(p) if pos < self.text.len() && p.copied => {
                let at = p.start + (pos - p.at);
                (at, at + 1)
            }
            Some(p) if pos < self.text.len() => (p.start, p.end),
            _ => (self.body_len, self.body_len),
        };
        (off(start) as usize, off(end) as usize)
    }
}

/// Normalizes an article body.
pub fn normalize(body: &str) -> Normalized {
    let mut w = Writer::with_capacity(body.len());
    let bytes = body.as_bytes();
    let hard_wrapped = looks_hard_wrapped(body);
    let mut i = 0usize;
    // Markdown link state: `[text](url)` keeps `text`; at `mid` skip to `skip_to`.
    let mut link: Option<(usize, usize)> = None;
    while i < bytes.len() {
        if let Some((mid, after)) = link {
            if i == mid {
                i = after;
                link = None;
                continue;
            }
        }
        let b = bytes[i];
        // Fast path: copy a run of plain ASCII in one go.
        if is_plain(b) {
            let limit = link.map_or(bytes.len(), |(mid, _)| mid);
            let mut j = plain_run_end(bytes, i + 1, limit);
            // A non-ASCII char after the run may be a combining mark for its last byte.
            if bytes.get(j).is_some_and(|n| *n >= 0x80) {
                j -= 1;
            }
            if j > i {
                w.push_run(&body[i..j], i);
                i = j;
                continue;
            }
        }
        if b < 0x80 && !combining_follows(body, i) {
            match b {
                b'*' => {
                    i += 1;
                    continue;
                }
                b'_' if bytes.get(i + 1) == Some(&b'_') => {
                    i += 2;
                    continue;
                }
                b'#' if w.at_line_start() => {
                    let mut j = i;
                    while j < bytes.len() && bytes[j] == b'#' {
                        j += 1;
                    }
                    if j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\n' {
                        i = j;
                        continue;
                    }
                }
                b'-' | b'+' | b'>' if w.at_line_start() && bytes.get(i + 1) == Some(&b' ') => {
                    i += 2;
                    continue;
                }
                b'&' => {
                    if let Some((c, len)) = html_entity(&bytes[i..]) {
                        w.push_char(c, i, i + len);
                        i += len;
                        continue;
                    }
                }
                b'<' => {
                    if let Some((block, len)) = html_tag(&bytes[i..]) {
                        if block {
                            w.whitespace(true, i, i + len);
                        }
                        i += len;
                        continue;
                    }
                }
                b'[' => {
                    if let Some((mid, after)) = markdown_link(&bytes[i..]) {
                        link = Some((i + mid, i + after));
                        i += 1;
                        continue;
                    }
                }
                b'\r' => {
                    // "\r\n" counts once; a lone "\r" is a line break.
                    w.whitespace(bytes.get(i + 1) != Some(&b'\n'), i, i + 1);
                    i += 1;
                    continue;
                }
                b'\n' => {
                    w.newline(i, hard_wrapped, bytes.get(i + 1..).unwrap_or(&[]));
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | 0x0b | 0x0c => {
                    w.whitespace(b == 0x0b || b == 0x0c, i, i + 1);
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if b.is_ascii_control() {
                w.whitespace(false, i, i + 1);
            } else {
                w.push_ascii(b, i);
            }
            i += 1;
            continue;
        }
        // Slow path: a cluster of one base character and what composes with it.
        let rest = &body[i..];
        let mut chars = rest.char_indices();
        let Some((_, first)) = chars.next() else {
            break;
        };
        let mut end = first.len_utf8();
        let mut prev = first;
        let mut needs_nfc = false;
        for (off, c) in chars {
            if c.is_ascii() {
                break;
            }
            let joins = canonical_combining_class(c) != 0 || compose(prev, c).is_some();
            if !joins {
                break;
            }
            needs_nfc = true;
            end = off + c.len_utf8();
            prev = c;
        }
        if needs_nfc {
            for c in rest[..end].nfc() {
                w.push_char(c, i, i + end);
            }
        } else {
            w.push_char(first, i, i + end);
        }
        i += end;
    }
    w.finish(body.len())
}

/// End of the run of bytes copied unchanged from `from` on (the byte before it is plain),
/// stopping at `limit`. Inside a run (never at a line start) a single space, hyphen and
/// the like between plain bytes is plain too.
fn plain_run_end(bytes: &[u8], from: usize, limit: usize) -> usize {
    let Some(run) = bytes.get(from..limit) else {
        return from;
    };
    // sixteen bytes at a time while all of them are copied (and the byte after them is
    // in the text), then byte by byte from the sixteen that hold the end
    let mut done = 0;
    while done + 16 <= run.len() {
        let Some(window) = bytes
            .get(from + done..from + done + 17)
            .and_then(|w| <&[u8; 17]>::try_from(w).ok())
        else {
            break;
        };
        let (low, high) = window.split_at(8);
        if !(copies_sixteen_simply(window)
            || (copies_eight(low, high[0]) && copies_eight(&high[..8], high[8])))
        {
            break;
        }
        done += 16;
    }
    let rest = run.get(done..).unwrap_or_default();
    let stop = rest
        .iter()
        .enumerate()
        .position(|(k, &b)| match RUN[usize::from(b)] {
            Run::Plain => false,
            // the byte after a joiner may lie past `limit`
            Run::Joiner => !bytes.get(from + done + k + 1).is_some_and(|n| is_plain(*n)),
            Run::Stop => true,
        });
    from + done + stop.unwrap_or(rest.len())
}

/// Whether a run copies the first sixteen bytes of `window` (the last byte follows them)
/// because they are the bytes of most prose: letters, digits, commas, full stops and
/// single spaces between them. Written with compares rather than table loads, so that it
/// compiles to a few vector operations over all sixteen at once; false for anything
/// else, which [`copies_eight`] then reads.
#[inline(always)]
fn copies_sixteen_simply(window: &[u8; 17]) -> bool {
    let mut other = 0u8;
    for k in 0..16 {
        let (b, next) = (window[k], window[k + 1]);
        let prose = (b | 0x20).wrapping_sub(b'a') < 26
            || b.wrapping_sub(b'0') < 10
            || b | 2 == b'.'
            || b == b' ';
        // (a space before a byte that is not plain stops the run: before another space
        // here, and before a byte outside prose, which is not prose for the next `k`)
        other |= u8::from(!prose) | (u8::from(b == b' ') & u8::from(next == b' '));
    }
    // a space last may stand before any byte
    other == 0 && window[15] != b' '
}

/// Whether a run copies all eight bytes of `chunk`, followed by byte `after` (0, a stop,
/// past the end of the text): no stop among them, and no joiner before a byte that is
/// not plain. One table load per byte and a few operations on all eight at once.
fn copies_eight(chunk: &[u8], after: u8) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut bits = [0u8; 8];
    for (x, &b) in bits.iter_mut().zip(chunk) {
        *x = RUN_BITS[usize::from(b)];
    }
    let bits = u64::from_le_bytes(bits);
    // per byte: bit 0 not plain, bit 1 a stop; a joiner stops when the next byte is
    // not plain
    let not_plain = bits & LOW;
    let next_not_plain = (not_plain >> 8) | (u64::from(RUN_BITS[usize::from(after)] & 1) << 56);
    let stops = ((bits >> 1) & LOW) | (not_plain & next_not_plain);
    chunk.len() == 8 && stops == 0
}

/// [`RUN`] as bits for [`copies_eight`]: 0 plain, 1 a joiner, 3 a stop.
static RUN_BITS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match run_of(b as u8) {
            Run::Plain => 0,
            Run::Joiner => 1,
            Run::Stop => 3,
        };
        b += 1;
    }
    t
};

/// How a byte inside a run of plain bytes is copied.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// Copied unchanged.
    Plain,
    /// A space, hyphen and the like: copied when a plain byte follows it.
    Joiner,
    /// Ends the run.
    Stop,
}

/// [`Run`] of every byte.
static RUN: [Run; 256] = {
    let mut t = [Run::Stop; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = run_of(b as u8);
        b += 1;
    }
    t
};

/// How byte `c` inside a run of plain bytes is copied.
const fn run_of(c: u8) -> Run {
    if is_plain_byte(c) {
        Run::Plain
    } else if matches!(c, b' ' | b'-' | b'+' | b'>' | b'#') {
        Run::Joiner
    } else {
        Run::Stop
    }
}

/// ASCII that normalization copies unchanged wherever it stands.
#[inline]
fn is_plain(b: u8) -> bool {
    PLAIN[b as usize]
}

/// [`is_plain_byte`] for every byte, looked up in the copy loop.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_plain_byte(b as u8);
        b += 1;
    }
    t
};

const fn is_plain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'.' | b','
                | b';'
                | b':'
                | b'!'
                | b'?'
                | b'\''
                | b'"'
                | b'('
                | b')'
                | b'%'
                | b'$'
                | b'/'
                | b'@'
                | b'='
                | b']'
                | b'{'
                | b'}'
                | b'~'
                | b'^'
                | b'|'
                | b'`'
        )
}

/// True when the character after the ASCII byte at `i` composes with it (a combining
/// mark after a base letter): then the pair takes the NFC path.
fn combining_follows(body: &str, i: usize) -> bool {
    let Some(next) = body.as_bytes().get(i + 1) else {
        return false;
    };
    if *next < 0x80 {
        return false;
    }
    let base = body.as_bytes()[i] as char;
    match body.get(i + 1..).and_then(|r| r.chars().next()) {
        Some(c) => canonical_combining_class(c) != 0 || compose(base, c).is_some(),
        None => false,
    }
}

/// Accumulates output text and its offset map, collapsing whitespace runs.
struct Writer {
    text: String,
    pieces: Vec<Piece>,
    /// A pending whitespace run: (is paragraph break, original start, original end).
    pending: Option<(bool, usize, usize)>,
}

fn off(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Writer {
    fn with_capacity(n: usize) -> Writer {
        Writer {
            text: String::with_capacity(n),
            pieces: Vec::with_capacity(n / 64 + 8),
            pending: None,
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || matches!(self.pending, Some((true, _, _)))
    }

    fn whitespace(&mut self, paragraph: bool, start: usize, end: usize) {
        self.pending = match self.pending {
            Some((p, s, _)) => Some((p || paragraph, s, end)),
            None => Some((paragraph, start, end)),
        };
    }

    /// A single "\n": a paragraph break, unless the next line visibly continues the
    /// sentence (starts lower-case) or the whole body is hard-wrapped prose.
    fn newline(&mut self, at: usize, hard_wrapped: bool, next: &[u8]) {
        let blank_follows = next
            .iter()
            .take_while(|b| **b != b'\n')
            .all(|b| b.is_ascii_whitespace());
        let next_char = next.iter().find(|b| !matches!(**b, b' ' | b'\t' | b'\r'));
        let continues = match next_char {
            Some(b) => b.is_ascii_lowercase(),
            None => false,
        };
        let paragraph = if blank_follows {
            true
        } else if hard_wrapped {
            matches!(self.pending, Some((true, _, _)))
        } else {
            !continues
        };
        self.whitespace(paragraph, at, at + 1);
    }

    fn flush(&mut self) {
        if let Some((paragraph, s, e)) = self.pending.take() {
            if !self.text.is_empty() {
                self.piece(s, e, false);
                self.text.push(if paragraph { '\n' } else { ' ' });
            }
        }
    }

    /// Starts a piece of text from `start..end` of the body, at the end of the text
    /// (copied: continuing the last piece when that one was copied from just before).
    fn piece(&mut self, start: usize, end: usize, copied: bool) {
        let at = self.text.len();
        if let Some(last) = self.pieces.last_mut() {
            if copied && last.copied && last.start + (at - last.at) == start {
                last.end = end;
                return;
            }
        }
        self.pieces.push(Piece {
            at,
            start,
            end,
            copied,
        });
    }

    fn push_ascii(&mut self, b: u8, at: usize) {
        self.flush();
        self.piece(at, at + 1, true);
        self.text.push(b as char);
    }

    /// Pushes plain ASCII copied from `start..start + s.len()` of the body.
    fn push_run(&mut self, s: &str, start: usize) {
        self.flush();
        self.piece(start, start + s.len(), true);
        self.text.push_str(s);
    }

    fn push_str_mapped(&mut self, s: &str, start: usize, end: usize) {
        self.flush();
        self.piece(start, end, false);
        self.text.push_str(s);
    }

    /// Pushes one (already composed) character from original range `start..end`.
    fn push_char(&mut self, c: char, start: usize, end: usize) {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
                self.push_str_mapped("'", start, end)
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => self.push_str_mapped("\"", start, end),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => {
                self.push_str_mapped("-", start, end)
            }
            // An em dash joins clauses: keep it a separate token.
            '\u{2014}' | '\u{2015}' => {
                self.whitespace(false, start, start);
                self.push_str_mapped("-", start, end);
                self.whitespace(false, end, end);
            }
            '\u{2026}' => self.push_str_mapped("...", start, end),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                self.whitespace(false, start, end)
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => self.whitespace(true, start, end),
            // Bullets: a separator, never a word.
            '\u{2022}' | '\u{25CF}' | '\u{25AA}' => self.whitespace(false, start, end),
            // Zero-width characters, soft hyphen, byte-order mark: dropped.
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if c.is_control() || c.is_whitespace() => self.whitespace(false, start, end),
            c => {
                let mut buf = [0u8; 4];
                self.push_str_mapped(c.encode_utf8(&mut buf), start, end)
            }
        }
    }

    fn finish(mut self, body_len: usize) -> Normalized {
        self.pending = None;
        Normalized {
            text: self.text,
            pieces: self.pieces,
            body_len,
        }
    }
}

/// A body is hard-wrapped when most of its lines are of similar length near a fixed
/// width and many end without punctuation: then single newlines are spaces.
fn looks_hard_wrapped(body: &str) -> bool {
    let mut lines = 0usize;
    let mut wrapped = 0usize;
    for line in lines_of(body).take(200) {
        let t = line.trim_end();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        let last = t.chars().last().unwrap_or('.');
        // a char is 1 to 4 bytes: count them only when the byte length allows 55..=100
        if matches!(last, '.' | '!' | '?' | ':' | '"' | '\'' | ')')
            || !(55..=400).contains(&t.len())
        {
            continue;
        }
        if (55..=100).contains(&t.chars().count()) {
            wrapped += 1;
        }
    }
    lines >= 4 && wrapped * 2 >= lines
}

/// The lines of `body` split at "\n" (found with memchr, SIMD), without the empty piece
/// after a final "\n": [`str::lines`] but for the "\r" before a "\n", which callers trim.
fn lines_of(body: &str) -> impl Iterator<Item = &str> {
    let mut from = 0usize;
    memchr::memchr_iter(b'\n', body.as_bytes())
        .chain([body.len()])
        .filter_map(move |end| {
            let line = body.get(from..end).filter(|_| from < body.len());
            from = end + 1;
            line
        })
}

const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{00A0}'),
    ("lt", '<'),
    ("gt", '>'),
    ("rsquo", '\u{2019}'),
    ("lsquo", '\u{2018}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("mdash", '\u{2014}'),
    ("ndash", '\u{2013}'),
    ("hellip", '\u{2026}'),
];

/// `&amp;`, `&#8217;`, `&#x2019;` at the start of `s`: the character and its length.
fn html_entity(s: &[u8]) -> Option<(char, usize)> {
    let semi = s.iter().take(10).position(|b| *b == b';')?;
    let name = std::str::from_utf8(s.get(1..semi)?).ok()?;
    let c = if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(v)?
    } else {
        ENTITIES.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, semi + 1))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
];
const INLINE_TAGS: &[&str] = &[
    "a", "b", "i", "u", "em", "strong", "span", "sup", "sub", "small", "font", "abbr",
];

/// A known HTML tag at the start of `s`: (is a block tag, its length).
fn html_tag(s: &[u8]) -> Option<(bool, usize)> {
    let mut j = 1;
    if s.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    while j < s.len() && j - name_start < 12 && s[j].is_ascii_alphanumeric() {
        j += 1;
    }
    let name = std::str::from_utf8(s.get(name_start..j)?).ok()?;
    if name.is_empty() {
        return None;
    }
    let lower = name.to_ascii_lowercase();
    let block = if BLOCK_TAGS.contains(&lower.as_str()) {
        true
    } else if INLINE_TAGS.contains(&lower.as_str()) {
        false
    } else {
        return None;
    };
    match s.get(j) {
        Some(b'>') | Some(b' ') | Some(b'/') => {}
        _ => return None,
    }
    let close = s
        .iter()
        .enumerate()
        .skip(j)
        .take(300)
        .find(|(_, b)| **b == b'>' || **b == b'<')?;
    if *close.1 != b'>' {
        return None;
    }
    Some((block, close.0 + 1))
}

/// `[text](url)` at the start of `s`: (offset of `]`, offset after `)`).
fn markdown_link(s: &[u8]) -> Option<(usize, usize)> {
    let mid = s.iter().take(300).position(|b| *b == b']' || *b == b'\n')?;
    if s[mid] != b']' || s.get(mid + 1) != Some(&b'(') {
        return None;
    }
    let url = &s[mid + 2..];
    let close = url
        .iter()
        .take(500)
        .position(|b| *b == b')' || b.is_ascii_whitespace())?;
    if url[close] != b')' || close == 0 {
        return None;
    }
    Some((mid, mid + 2 + close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_real_text() {
        let cases: &[(&str, &str)] = &[
            (
                "**Escalating Drone Strikes Mark Failed Ceasefire Talks**\n\nViolence intensifies.",
                "Escalating Drone Strikes Mark Failed Ceasefire Talks\nViolence intensifies.",
            ),
            (
                "\u{201C}We will respond,\u{201D} the Kremlin\u{2019}s spokesman said.",
                "\"We will respond,\" the Kremlin's spokesman said.",
            ),
            (
                "The 2022\u{2013}2023 offensive\u{2014}the largest yet\u{2014}stalled.",
                "The 2022-2023 offensive - the largest yet - stalled.",
            ),
            ("Zaporizhzhia  \t power   plant", "Zaporizhzhia power plant"),
            (
                "## Key points\n* Two killed\n- Three injured",
                "Key points\nTwo killed\nThree injured",
            ),
            (
                "Caf\u{0065}\u{0301} owner in Ni\u{0301}s",
                "Caf\u{e9} owner in N\u{ed}s",
            ),
            (
                "Tom &amp; Jerry&#8217;s &quot;show&quot;",
                "Tom & Jerry's \"show\"",
            ),
            (
                "<p>Shelling hit <b>Kherson</b>.</p><p>Two died.</p>",
                "Shelling hit Kherson.\nTwo died.",
            ),
            (
                "See [the report](https://example.com/r) here",
                "See the report here",
            ),
            ("killed four\npeople in Gaza", "killed four people in Gaza"),
            ("line one\r\nLine two", "line one\nLine two"),
            ("zero\u{200B}width\u{00A0}space", "zerowidth space"),
            ("__bold__ and snake_case", "bold and snake_case"),
            ("a < b and c > d", "a < b and c > d"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).text, *want, "input {input:?}");
        }
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let body = "The attack on the market in the city centre killed four people and\nwounded seven others, the regional governor said on Tuesday evening in\nPoltava after a meeting with officials. Rescue teams were still searching\nthe rubble of two houses destroyed by the strike near the central square.\n\nA second paragraph.";
        let n = normalize(body);
        assert_eq!(n.text.matches('\n').count(), 1, "{}", n.text);
        assert!(n.text.contains("killed four people and wounded seven"));
    }

    /// Equal modulo normalization: the original slice normalizes to the same text.
    fn fold(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn every_range_maps_back_to_equivalent_original_text() {
        let bodies = [
            "**Title**\n\nIn the wake of a \u{201C}third round\u{201D} of talks\u{2014}held in Istanbul\u{2014}two died.",
            "Caf\u{0065}\u{0301} &amp; bar <b>hit</b> in Kyiv.\n\n# Head\n* bullet point here",
            "\u{FEFF}Lt.\u{00A0}Col. Ivan\u{2019}s unit \u{2013} \u{201E}quoted\u{201C} \u{2026} end",
        ];
        for body in bodies {
            let n = normalize(body);
            // Every word of the normalized text maps back to the same word.
            let mut start = 0;
            for (i, c) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
                if c == ' ' || c == '\n' {
                    if i > start {
                        let (s, e) = n.original_range(start, i);
                        assert_eq!(fold(&body[s..e]), &n.text[start..i], "{body:?}");
                    }
                    start = i + c.len_utf8();
                }
            }
            let (s, e) = n.original_range(0, n.text.len());
            assert_eq!(fold(&body[s..e]), n.text);
        }
    }

    #[test]
    fn seed_title_maps_inside_the_bold_markers() {
        let body = "Intro.\n**Escalating Drone Strikes**\n";
        let n = normalize(body);
        let at = n.text.find("Escalating").unwrap();
        let (s, e) = n.original_range(at, at + "Escalating Drone Strikes".len());
        assert_eq!(&body[s..e], "Escalating Drone Strikes");
    }

    #[test]
    fn lines_match_str_lines_up_to_trailing_space() {
        for body in [
            "",
            "\n",
            "one line",
            "Kyiv was hit.\n\nTwo died.\n",
            "Title\r\nBody text here\r\n\r\nlast\r",
            "a\n\n\nb\n\n",
        ] {
            let got: Vec<&str> = lines_of(body).map(str::trim_end).collect();
            let want: Vec<&str> = body.lines().map(str::trim_end).collect();
            assert_eq!(got, want, "{body:?}");
        }
    }

    /// The run end found the old way: plain bytes with `position`, then a joiner check.
    fn run_end_by_position(bytes: &[u8], from: usize, limit: usize) -> usize {
        let mut j = from;
        while let Some(run) = bytes.get(j..limit) {
            j += run.iter().position(|c| !is_plain(*c)).unwrap_or(run.len());
            let joins = bytes
                .get(j)
                .is_some_and(|c| matches!(c, b' ' | b'-' | b'+' | b'>' | b'#'))
                && bytes.get(j + 1).is_some_and(|n| is_plain(*n));
            if j >= limit || !joins {
                break;
            }
            j += 1;
        }
        j
    }

    #[test]
    fn prose_bytes_are_plain_and_spaces_joiners() {
        for b in 0..=255u8 {
            let mut window = [b'a'; 17];
            window[3] = b;
            assert_eq!(
                copies_sixteen_simply(&window),
                b.is_ascii_alphanumeric() || matches!(b, b',' | b'.' | b' '),
                "{b:#x}"
            );
        }
        let mut window = *b"ab  cdefghijklmno";
        assert!(!copies_sixteen_simply(&window));
        window[3] = b'x';
        assert!(copies_sixteen_simply(&window));
        window[15] = b' ';
        assert!(!copies_sixteen_simply(&window));
    }

    #[test]
    fn plain_runs_end_where_the_two_level_scan_ends() {
        let texts = [
            "Kyiv was hit by 12 drones overnight, officials said.",
            "A pro-Russian  governor - who fled - said: \"no\".\nNext line",
            "Caf\u{e9} owners #1 and >2 +3 fled__ **here** [link](x)",
            "end with a joiner -",
            "double  space and trailing joiner #",
            "Officials said twelve people were killed and 30 injured in the attack on Tuesday.",
            "A long-running dispute (over land) led to 3 arrests; police said: \"no comment\" - ok",
            "abcdefgh abcdefg -abcdefgh- abcdefghijklmnop  abcdefgh\tabc#def>ghi+jk",
            "abcdefghijklmno  pqrstuvwxyz abcdefghijklmnopqrstuvwxyz, abc. def 123 456 789 0ab",
            "abcdefghijklmno -pqrstuvwxyz abcdefghijklmno\npqrstuvwxyzabcdef ghijklmnopq- rs",
            "Police said 12 people, including 3 children, were hurt. Officials (two) said\"x\"",
            "",
        ];
        for t in texts {
            let b = t.as_bytes();
            for from in 0..=b.len() + 1 {
                for limit in [from.saturating_sub(1), from, from + 3, b.len(), b.len() + 1] {
                    assert_eq!(
                        plain_run_end(b, from, limit),
                        run_end_by_position(b, from, limit),
                        "{t:?} {from} {limit}"
                    );
                }
            }
        }
    }

    /// The source of every byte, walking the pieces byte by byte: what the per-byte maps
    /// that the pieces replaced held.
    fn sources_bytewise(n: &Normalized) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        for (k, p) in n.pieces.iter().enumerate() {
            let next = n.pieces.get(k + 1).map_or(n.text.len(), |q| q.at);
            for i in 0..next - p.at {
                v.push(if p.copied {
                    (p.start + i, p.start + i + 1)
                } else {
                    (p.start, p.end)
                });
            }
        }
        v.push((n.body_len, n.body_len));
        v
    }

    #[test]
    fn each_byte_maps_to_its_piece() {
        for body in [
            "",
            "  \n",
            "Kyiv was hit by 12 drones overnight, officials said.",
            "**Title**\n\nIn the wake of a \u{201C}third round\u{201D} of talks\u{2014}held in Istanbul\u{2014}two died.",
            "Caf\u{0065}\u{0301} &amp; bar <b>hit</b> in Kyiv.\n\n# Head\n* bullet point here",
            "\u{FEFF}Lt.\u{00A0}Col. Ivan\u{2019}s unit \u{2013} \u{201E}quoted\u{201C} \u{2026} end",
            "a  b - c -- d &x e\u{e9}f\r\ng",
        ] {
            let n = normalize(body);
            let want = sources_bytewise(&n);
            assert_eq!(want.len(), n.text.len() + 1, "{body:?}");
            for (pos, w) in want.iter().enumerate() {
                assert_eq!(n.source(pos), *w, "{body:?} at {pos}");
            }
        }
    }

    #[test]
    fn clamps_bad_ranges() {
        let n = normalize("Two killed.");
        assert_eq!(n.original_range(5, 500), (5, 11));
        assert_eq!(n.original_range(9, 3), (3, 3));
        let empty = normalize("");
        assert_eq!(empty.original_range(0, 10), (0, 0));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::pipeline::extract::{dates, numbers};
    use crate::pipeline::sentences;
    use proptest::prelude::*;

    /// Text built from the characters and words that exercise every special path.
    fn newsish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("**".to_string()),
            Just("__".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n# ".to_string()),
            Just("\n* ".to_string()),
            Just("&amp;".to_string()),
            Just("&#8217;".to_string()),
            Just("<p>".to_string()),
            Just("<b>".to_string()),
            Just("[x](http://y)".to_string()),
            Just("e\u{301}".to_string()),
            Just("\u{201C}".to_string()),
            Just("\u{2014}".to_string()),
            Just("\u{200B}".to_string()),
            Just(" killed ".to_string()),
            Just(" at least 33 ".to_string()),
            Just(" No casualties ".to_string()),
            Just(" on Tuesday ".to_string()),
            Just(" U.S. ".to_string()),
            Just(". ".to_string()),
            Just("1,200".to_string()),
            Just("\"".to_string()),
            "[a-zA-Z0-9 ,.!?'()-]{0,12}",
            any::<char>().prop_map(|c| c.to_string()),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn pipeline_never_panics_and_maps_back(body in newsish()) {
            let n = normalize(&body);
            let published = chrono::DateTime::<chrono::Utc>::from_timestamp(1_742_000_000, 0)
                .expect("valid timestamp");
            for s in sentences::split(&n.text) {
                let text = s.text(&n.text);
                prop_assert!(!text.is_empty());
                let (a, b) = n.original_range(s.start, s.end);
                prop_assert!(a <= b && b <= body.len());
                prop_assert!(body.is_char_boundary(a) && body.is_char_boundary(b));
                let c = numbers::counts(text);
                for m in &c.casualties {
                    prop_assert!(m.start <= m.end && text.get(m.start..m.end).is_some());
                }
                for d in dates::find_dates(text, published) {
                    prop_assert!(text.get(d.start..d.end).is_some());
                }
            }
            let _ = dates::dateline(&n.text, published);
        }

        #[test]
        fn arbitrary_strings_never_panic(body in "\\PC{0,200}") {
            let n = normalize(&body);
            for s in sentences::split(&n.text) {
                let _ = numbers::counts(s.text(&n.text));
                let _ = n.original_range(s.start, s.end);
            }
        }
    }
}
