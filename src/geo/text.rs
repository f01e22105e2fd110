//! Word tokens for place matching: byte spans and folded forms (lower case, no
//! diacritics, no apostrophes); what joins a token to the previous one is read from the
//! gap between them when it is asked for (most tokens are never asked).

use super::lexicon::shape_of;
use crate::textbits::{alnum_bytes, byte_masks, fit, run_end, HIGH};
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
    /// One space, the common gap, separates it from the previous token: it joins that
    /// token and starts no sentence (other gaps are read when asked for).
    after_space: bool,
    /// The shape of the folded form (`lexicon::shape_of`): [`ShapeChains`] chain the
    /// tokens by shape and case, and this spares them reading the folded form.
    pub shape: u16,
    /// The token before it in its chain of [`ShapeChains`] ([`NO_TOKEN`]: none; set by
    /// [`Tokens::shape_chains`]).
    same_shape: u32,
}

/// No token (the end of a chain of [`ShapeChains`]).
const NO_TOKEN: u32 = u32::MAX;

/// Buckets of [`ShapeChains`]: a few times the words of a news article, so that a chain
/// holds little more than the words of one shape and case.
const SHAPE_BUCKETS: usize = 512;

/// The bucket of the words of shape `shape` (`lexicon::shape_of`) in case `upper`.
#[inline]
const fn shape_bucket(shape: u16, upper: bool) -> usize {
    let key = shape as u32 | (upper as u32) << 11;
    // the top 9 bits of a multiplicative hash
    (key.wrapping_mul(0x9E37_79B1) >> 23) as usize
}

/// Where the tokens of a word in one case are in [`ShapeChains`]: its shape, its case and
/// its bucket, worked out once for the words asked about in every text.
#[derive(Clone, Copy, Debug)]
pub struct WordKey {
    shape: u16,
    upper: bool,
    bucket: u16,
}

impl WordKey {
    /// The key of `word` (folded) in case `upper`.
    pub const fn of(word: &[u8], upper: bool) -> WordKey {
        let first = if word.is_empty() { 0 } else { word[0] };
        let shape = shape_of(word.len(), first);
        WordKey {
            shape,
            upper,
            bucket: shape_bucket(shape, upper) as u16,
        }
    }
}

/// The tokens of a text chained by shape and case: the tokens of a word are found by
/// walking one short chain (those of its length, first letter and case, and the few
/// that share their bucket) rather than by a pass over every token for every question.
pub struct ShapeChains {
    /// The last token of each bucket ([`NO_TOKEN`]: none); each token names the one
    /// before it in its bucket.
    heads: [u32; SHAPE_BUCKETS],
}

/// The tokens of one text with their folded forms.
#[derive(Debug)]
pub struct Tokens<'t> {
    pub list: Vec<Token>,
    text: &'t str,
    /// The text in ASCII lower case when the caller gave it ("" otherwise): the folded
    /// form of an ASCII word is this at the word's own offsets, not copied.
    lower: &'t str,
    /// The folded forms of the other words, at offsets `lower.len()` and up.
    other: String,
}

/// Buffers of [`Tokens`] kept from one short text to the next (the loader keys 400,000
/// names).
#[derive(Debug, Default)]
pub struct Buffers {
    list: Vec<Token>,
    other: String,
}

impl<'t> Tokens<'t> {
    /// The words of `text` in buffers `b`; `lower`: the text in ASCII lower case, or "";
    /// `masks`: the [`byte_masks`] of the text when the caller has made them, else empty.
    fn read(text: &'t str, lower: &'t str, b: Buffers, masks: &[(u64, u64)]) -> Tokens<'t> {
        let mut toks = Tokens {
            list: b.list,
            text,
            lower,
            other: b.other,
        };
        toks.list.clear();
        toks.other.clear();
        toks.fill(masks);
        toks
    }

    /// The buffers, for the next text.
    fn into_buffers(self) -> Buffers {
        Buffers {
            list: self.list,
            other: self.other,
        }
    }

    /// The text the tokens are read from.
    pub fn text(&self) -> &'t str {
        self.text
    }

    pub fn folded(&self, t: &Token) -> &str {
        let (a, b) = (t.folded_start as usize, t.folded_end as usize);
        let base = self.lower.len();
        if a < base {
            self.lower.get(a..b)
        } else {
            self.other.get(a - base..b - base)
        }
        .unwrap_or("")
    }

    /// [`Tokens::folded`] as bytes, for quick filters (no char-boundary checks).
    pub fn folded_bytes(&self, t: &Token) -> &[u8] {
        let (a, b) = (t.folded_start as usize, t.folded_end as usize);
        let base = self.lower.len();
        if a < base {
            self.lower.as_bytes().get(a..b)
        } else {
            self.other.as_bytes().get(a - base..b - base)
        }
        .unwrap_or(&[])
    }

    /// Chains the tokens by shape and case, in one pass, for [`Tokens::count_of`]; with
    /// the indices of the capitalised tokens, in order, picked in the same pass (each
    /// index is written and the count moves on by the token's case, so that the loop has
    /// no branch on it: whether a word is capitalised is a coin toss the branch predictor
    /// loses often).
    pub fn shape_chains(&mut self) -> (ShapeChains, Vec<u32>) {
        let mut heads = [NO_TOKEN; SHAPE_BUCKETS];
        let mut uppers = vec![0u32; self.list.len()];
        let mut n = 0usize;
        for (k, t) in self.list.iter_mut().enumerate() {
            // (a bucket is below `SHAPE_BUCKETS`: no bounds check is left)
            let head = &mut heads[shape_bucket(t.shape, t.upper) % SHAPE_BUCKETS];
            t.same_shape = *head;
            *head = k as u32;
            // (`n` <= `k`: always in bounds)
            if let Some(slot) = uppers.get_mut(n) {
                *slot = k as u32;
            }
            n += usize::from(t.upper);
        }
        uppers.truncate(n);
        (ShapeChains { heads }, uppers)
    }

    /// The number of tokens in case `upper` (see [`Token::upper`]) whose folded form is
    /// `word`, counted up to `limit`; `chains`: [`Tokens::shape_chains`] of these tokens.
    #[inline]
    pub fn count_of(&self, chains: &ShapeChains, word: &[u8], upper: bool, limit: usize) -> usize {
        self.count_keyed(chains, word, WordKey::of(word, upper), limit)
    }

    /// [`Tokens::count_of`] given the word's [`WordKey`] (`key`), for words known in
    /// advance. (Inlined: most chains asked about are empty or short, and a call costs
    /// more than the walk.)
    #[inline]
    pub fn count_keyed(
        &self,
        chains: &ShapeChains,
        word: &[u8],
        key: WordKey,
        limit: usize,
    ) -> usize {
        let WordKey {
            shape,
            upper,
            bucket,
        } = key;
        let mut k = chains.heads[usize::from(bucket) % SHAPE_BUCKETS];
        let mut n = 0;
        while let Some(t) = self.list.get(k as usize) {
            if t.shape == shape && t.upper == upper && self.folded_bytes(t) == word {
                n += 1;
                if n >= limit {
                    break;
                }
            }
            k = t.same_shape;
        }
        n
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

    /// Whether only spaces or a hyphen separate token `i` from the previous token, or an
    /// abbreviation dot ("St. Petersburg", "U.S."), so that a multi-word name may go on
    /// across the gap. False for the first token and past the last.
    pub fn joins_prev(&self, i: usize) -> bool {
        self.ties(i).is_some_and(|t| t.0)
    }

    /// ([`Tokens::joins_prev`], whether token `i` is the first word of a sentence or of
    /// the text) from one reading of its gap; (false, false) past the last token.
    pub fn joins_and_starts(&self, i: usize) -> (bool, bool) {
        if i == 0 {
            return (false, !self.list.is_empty());
        }
        self.ties(i).unwrap_or((false, false))
    }

    /// (joins the previous token, starts a sentence) of token `i` from its gap, for a
    /// token after the first.
    #[inline(always)]
    fn ties(&self, i: usize) -> Option<(bool, bool)> {
        let t = self.list.get(i)?;
        if t.after_space {
            return Some((true, false));
        }
        self.gap_ties_of(i, t)
    }

    /// [`Tokens::ties`] of token `i` (`t`) read from its gap: apart from the common
    /// one-space gap, which is answered where it is asked.
    #[inline(never)]
    fn gap_ties_of(&self, i: usize, t: &Token) -> Option<(bool, bool)> {
        let prev = self.list.get(i.checked_sub(1)?)?;
        let common = self
            .text
            .as_bytes()
            .get(prev.end..t.start)
            .and_then(|gap| common_gap_ties(gap, prev));
        if common.is_some() {
            return common;
        }
        let gap = self.text.get(prev.end..t.start).unwrap_or("");
        Some(gap_ties(gap, prev))
    }

    /// Appends the tokens of the text to `list`.
    fn fill(&mut self, masks: &[(u64, u64)]) {
        // a loop for each case: the one for articles keeps no copying code in it
        if self.lower.is_empty() {
            self.fill_words::<false>();
        } else {
            self.fill_lowered(masks);
        }
    }

    /// [`Tokens::fill`] given the lower-cased text (articles): the words are found from
    /// bit masks of the text (a bit per byte: ASCII letter or digit, not ASCII) made 8
    /// bytes at a time, so that the loop goes from word to word, not byte to byte, and
    /// asks no per-byte question. The same tokens as `fill_words`, which the words next
    /// to a byte beyond ASCII or an apostrophe still go through (out of the loop, in
    /// [`other_word`], so that the loop keeps its few values in registers).
    fn fill_lowered(&mut self, given: &[(u64, u64)]) {
        let text = self.text;
        let bytes = text.as_bytes();
        let made;
        let masks = if fit(given, bytes.len()) {
            given
        } else {
            made = byte_masks(bytes);
            &made
        };
        let base = self.lower.len() as u32;
        let mut list = std::mem::take(&mut self.list);
        // room for every word (a word and the separator after it take two bytes at
        // least), so that the loop's push never grows the list: no call in the loop for
        // which its values would leave the registers
        list.reserve(bytes.len() / 2 + 1);
        let mut other = std::mem::take(&mut self.other);
        let mut prev_end = usize::MAX;
        // the next byte not yet taken by a word of the general path (the words of ASCII
        // letters and digits end at a separator: no word starts inside them)
        let mut i = 0usize;
        // whether the last byte of the previous block is a letter or digit
        let mut carry = 0u64;
        for (w, &(alnum, beyond)) in masks.iter().enumerate() {
            let block = w * 64;
            // the letters and digits of the next block, for the words that run into it
            let next_alnum = masks.get(w + 1).map_or(0, |m| m.0);
            // the bytes that may start a word: the first of a run of letters and digits,
            // and any byte beyond ASCII; not those a word of the previous block took
            let mut starts = (alnum & !(alnum << 1 | carry)) | beyond;
            starts &= from_bit(i.saturating_sub(block));
            carry = alnum >> 63;
            while starts != 0 {
                let off = starts.trailing_zeros() as usize;
                let p = block + off;
                starts &= starts - 1;
                if alnum >> off & 1 != 0 {
                    // the run from `p`, across into the next block (two shifts: a shift
                    // by 64 is none)
                    let window = alnum >> off | next_alnum << 1 << (63 - off);
                    let run = (!window).trailing_zeros() as usize;
                    let end = if run < 64 {
                        p + run
                    } else {
                        long_run_end(masks, p)
                    };
                    let next = bytes.get(end).copied();
                    // (always within the room reserved above; were it not, the general
                    // path would read the same word)
                    if next.is_none_or(|n| class(n) & WORD_GOES_ON == 0)
                        && list.len() < list.capacity()
                    {
                        list.push(Token {
                            start: p,
                            end,
                            folded_start: p as u32,
                            folded_end: end as u32,
                            upper: bytes[p].is_ascii_uppercase(),
                            after_space: one_space(bytes, prev_end, p),
                            // (an ASCII letter or digit with bit 0x20 set is in lower case)
                            shape: shape_of(end - p, bytes[p] | 0x20),
                            same_shape: NO_TOKEN,
                        });
                        prev_end = end;
                        continue;
                    }
                }
                i = other_word(text, p, base, &mut prev_end, &mut list, &mut other);
                starts &= from_bit(i - block);
            }
        }
        self.list = list;
        self.other = other;
    }

    /// [`Tokens::fill`]; `ASCII_IN_LOWER`: the lower-cased text was given.
    fn fill_words<const ASCII_IN_LOWER: bool>(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        // with the lower-cased text, an ASCII word's folded form is that text at the
        // word's own offsets; other folded forms are numbered after it
        let base = self.lower.len() as u32;
        // the buffers as locals for the loop (kept in registers, not re-read)
        let mut list = std::mem::take(&mut self.list);
        let mut other = std::mem::take(&mut self.other);
        // the end of the previous token (none before the first)
        let mut prev_end = usize::MAX;
        let mut i = 0usize;
        while i < bytes.len() {
            let c = class(bytes[i]);
            // ASCII separators in one go (the common case between words)
            if c & SEPARATOR != 0 {
                i += 1;
                continue;
            }
            // a word of ASCII letters and digits ended by an ASCII separator other
            // than an apostrophe, or by the end of the text (the common case): there
            // `word_end` would stop too, with the same end
            if c & ALNUM != 0 {
                let mut start = i;
                let mut after_space = one_space(bytes, prev_end, start);
                loop {
                    let end = alnum_run_end(bytes, start);
                    let next = bytes.get(end).copied();
                    if next.is_some_and(|n| class(n) & WORD_GOES_ON != 0) {
                        // read below, character by character
                        i = start;
                        break;
                    }
                    let (fs, fe) = if ASCII_IN_LOWER {
                        (start as u32, end as u32)
                    } else {
                        let from = other.len();
                        other.push_str(&text[start..end]);
                        if let Some(w) = other.get_mut(from..) {
                            w.make_ascii_lowercase();
                        }
                        let to = other.len() as u32;
                        (base.wrapping_add(from as u32), base.wrapping_add(to))
                    };
                    list.push(Token {
                        start,
                        end,
                        folded_start: fs,
                        folded_end: fe,
                        upper: bytes[start].is_ascii_uppercase(),
                        after_space,
                        // (an ASCII letter or digit with bit 0x20 set is in lower case)
                        shape: shape_of(end - start, bytes[start] | 0x20),
                        same_shape: NO_TOKEN,
                    });
                    prev_end = end;
                    i = end;
                    // the common gap, one space before the next word of ASCII letters
                    // and digits, taken at once
                    let word_follows = bytes.get(end + 1).is_some_and(|&b| class(b) & ALNUM != 0);
                    if next != Some(b' ') || !word_follows {
                        break;
                    }
                    start = end + 1;
                    after_space = true;
                }
                if i != start {
                    continue;
                }
            }
            let start = i;
            let (ch, clen) = char_at(text, i);
            if !ch.is_alphanumeric() {
                i += clen;
                continue;
            }
            let (token, next) = general_token(text, start, (ch, clen), base, prev_end, &mut other);
            prev_end = token.end;
            list.push(token);
            i = next;
        }
        self.list = list;
        self.other = other;
    }
}

/// Whether the gap from `prev_end` (`usize::MAX`: no previous token) to `start` is one
/// space.
#[inline]
/// The token of the word at `start` of `text`, which starts with the character `first`
/// (and its length), read by the general path: folded into `other` (whose text starts at
/// `base` of the folded copy); with where the next word may start.
fn general_token(
    text: &str,
    start: usize,
    first: (char, usize),
    base: u32,
    prev_end: usize,
    other: &mut String,
) -> (Token, usize) {
    let (ch, clen) = first;
    let from = other.len();
    let (next, end) = word_end(text, start, ch, clen, other);
    let folded = other.as_bytes().get(from..).unwrap_or_default();
    let shape = shape_of(folded.len(), folded.first().copied().unwrap_or(0));
    let token = Token {
        start,
        end,
        folded_start: base.wrapping_add(from as u32),
        folded_end: base.wrapping_add(other.len() as u32),
        upper: ch.is_uppercase(),
        after_space: one_space(text.as_bytes(), prev_end, start),
        shape,
        same_shape: NO_TOKEN,
    };
    (token, next)
}

fn one_space(bytes: &[u8], prev_end: usize, start: usize) -> bool {
    // both sides worked out, no branch between them (the answer varies word by word)
    (prev_end.wrapping_add(1) == start) & (bytes.get(prev_end) == Some(&b' '))
}

/// The end of the run of ASCII letters and digits from byte `i`: eight bytes at a time
/// (a word of the text mostly takes one step).
#[inline]
fn alnum_run_end(bytes: &[u8], i: usize) -> usize {
    run_end(
        bytes,
        i,
        |x| !alnum_bytes(x) & HIGH,
        |b| class(b) & ALNUM != 0,
    )
}

/// The end of a run of 64 ASCII letters and digits or more from byte `p`, read from
/// the blocks' masks block by block.
#[cold]
#[inline(never)]
fn long_run_end(masks: &[(u64, u64)], p: usize) -> usize {
    let mut end = p + 64;
    loop {
        let w = end / 64;
        let Some(&(alnum, _)) = masks.get(w) else {
            return end;
        };
        let off = end % 64;
        let ones = (!(alnum >> off)).trailing_zeros() as usize;
        end += ones;
        if off + ones < 64 {
            return end;
        }
    }
}

/// The bits of a block from bit `k` on (none when `k` is 64 or more).
#[inline]
fn from_bit(k: usize) -> u64 {
    u32::try_from(k)
        .ok()
        .and_then(|k| u64::MAX.checked_shl(k))
        .unwrap_or(0)
}

/// The word at byte `p` of `text` that has a byte beyond ASCII or an apostrophe in it or
/// after it, or the character there when it starts no word: read as `fill_words` reads
/// it, its token pushed to `list` (its folded form to `other`, whose text starts at `base`
/// of the folded copy) and `prev_end` moved on. Returns the next byte not taken.
#[inline(never)]
fn other_word(
    text: &str,
    p: usize,
    base: u32,
    prev_end: &mut usize,
    list: &mut Vec<Token>,
    other: &mut String,
) -> usize {
    let (ch, clen) = char_at(text, p);
    if !ch.is_alphanumeric() {
        return p + clen;
    }
    let (token, next) = general_token(text, p, (ch, clen), base, *prev_end, other);
    *prev_end = token.end;
    list.push(token);
    next
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
pub fn tokenize(text: &str) -> Tokens<'_> {
    let b = Buffers {
        list: Vec::with_capacity(text.len() / 5),
        other: String::with_capacity(text.len()),
    };
    Tokens::read(text, "", b, &[])
}

/// [`tokenize`] with `lower`, the text in ASCII lower case (`str::to_ascii_lowercase`,
/// same byte offsets), made once by the caller: the folded form of an ASCII word is read
/// there, not copied. Any other `lower` is ignored. `masks`: the text's
/// [`byte_masks`](crate::textbits::byte_masks), when the caller has made them for other
/// passes too (else empty: they are made here).
pub fn tokenize_lowered<'t>(text: &'t str, lower: &'t str, masks: &[(u64, u64)]) -> Tokens<'t> {
    let lower = if lower.len() == text.len() { lower } else { "" };
    // room for every word (see `Tokens::fill_lowered`) and for the folded forms of words
    // with other letters: most texts need no second allocation
    let b = Buffers {
        list: Vec::with_capacity(text.len() / 2 + 1),
        other: String::with_capacity(if lower.is_empty() { text.len() } else { 64 }),
    };
    Tokens::read(text, lower, b, masks)
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

/// [`gap_ties`] of the commonest gaps after the one space (", ", ". ", "'s ", a line
/// break or two...), answered at once without the general reading; None for the others.
#[inline]
fn common_gap_ties(gap: &[u8], prev: &Token) -> Option<(bool, bool)> {
    match gap {
        b", " | b"'s " | b" (" => Some((false, false)),
        b"\n" | b"\n\n" | b": " => Some((false, true)),
        b". " => {
            let prev_short = prev.end - prev.start <= 2;
            let prev_folded_len = prev.folded_end.wrapping_sub(prev.folded_start) as usize;
            // an abbreviation ("U.S. officials") goes on; a sentence ends after a word
            Some((prev_short && prev_folded_len <= 2, !prev_short))
        }
        _ => None,
    }
}

/// What the gap between the previous token `prev` and the next says: whether the next
/// token joins the previous one (a multi-word name may continue) and whether it starts a
/// sentence.
fn gap_ties(gap: &str, prev: &Token) -> (bool, bool) {
    if gap == " " {
        return (true, false);
    }
    let prev_folded_len = (prev.folded_end.wrapping_sub(prev.folded_start)) as usize;
    let prev_short = prev.end - prev.start <= 2;
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
    key_into(name, &mut Buffers::default(), &mut k);
    k
}

/// [`key_of`] into `out` with reused buffers; returns the number of words.
pub fn key_into(name: &str, buffers: &mut Buffers, out: &mut String) -> usize {
    let toks = Tokens::read(name, "", std::mem::take(buffers), &[]);
    let n = toks.list.len();
    toks.key_into(0, n, out);
    *buffers = toks.into_buffers();
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_letters_and_digits_end_where_a_byte_at_a_time_says() {
        // every byte value at every place of a run, and runs across the 8-byte steps
        let byte_at_a_time = |b: &[u8], i: usize| {
            i + b[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count()
        };
        for v in 0..=255u8 {
            for at in 0..19 {
                let mut b = b"Kharkiv09zZaA19xyzQ".to_vec();
                b[at] = v;
                for i in 0..b.len() {
                    assert_eq!(
                        alnum_run_end(&b, i),
                        byte_at_a_time(&b, i),
                        "{v} at {at} from {i}"
                    );
                }
            }
        }
        assert_eq!(alnum_run_end(b"", 0), 0);
        assert_eq!(alnum_run_end(b"Odesa", 5), 5);
    }

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
        let mut buffers = Buffers::default();
        let mut out = String::new();
        for (name, key) in table {
            assert_eq!(key_of(name), key, "{name}");
            let n = key_into(name, &mut buffers, &mut out);
            assert_eq!(out, key, "{name}");
            assert_eq!(n, key.split(' ').count(), "{name}");
        }
    }

    /// (folded form, start, end, upper, joins the previous token, starts a sentence) of
    /// every token.
    fn words(t: &Tokens) -> Vec<(String, usize, usize, bool, bool, bool)> {
        t.list
            .iter()
            .enumerate()
            .map(|(k, x)| {
                let f = t.folded(x).to_string();
                let ties = t.joins_and_starts(k);
                (f, x.start, x.end, x.upper, ties.0, ties.1)
            })
            .collect()
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
            let lower = text.to_ascii_lowercase();
            let lowered = tokenize_lowered(text, &lower, &[]);
            assert_eq!(words(&plain), words(&lowered), "{text}");
            for x in &lowered.list {
                assert_eq!(
                    lowered.folded_bytes(x),
                    lowered.folded(x).as_bytes(),
                    "{text}"
                );
            }
            assert!(!plain.list.is_empty(), "{text}");
            // a lower-cased text of another length is ignored
            assert_eq!(
                words(&tokenize_lowered(text, "x", &[])),
                words(&plain),
                "{text}"
            );
        }
    }

    #[test]
    fn word_masks_give_the_tokens_of_the_byte_loop() {
        // pseudo-random texts of pieces that meet at every offset of the 64-byte blocks
        let pieces = [
            "Kharkiv",
            " ",
            "  ",
            "'s",
            "'",
            "`",
            "é",
            "Łódź",
            "-",
            ".",
            ", ",
            "\n",
            "ABCDEFGHIJKLMNOPQRSTU",
            "x",
            "12",
            "T'bilisi",
            "’",
            "\u{a0}",
            "U.S.",
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyzABCDE",
            "Ouaddaï",
            "—",
            "s",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 40) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let plain = tokenize(&text);
            let lower = text.to_ascii_lowercase();
            let lowered = tokenize_lowered(&text, &lower, &[]);
            assert_eq!(words(&plain), words(&lowered), "{text:?}");
            // the masks the caller made, as the ones made here
            let masks = byte_masks(text.as_bytes());
            let given = tokenize_lowered(&text, &lower, &masks);
            assert_eq!(words(&given), words(&lowered), "{text:?}");
            let shapes = |t: &Tokens| t.list.iter().map(|x| x.shape).collect::<Vec<_>>();
            assert_eq!(shapes(&plain), shapes(&lowered), "{text:?}");
        }
    }

    #[test]
    fn shape_chains_count_what_a_pass_over_the_tokens_counts() {
        let texts = [
            "Police said police in Sale and sale of Turkey, turkey at Thanksgiving; thanksgiving",
            "The coach scored goals. Coach Jordan, jordan and JORDAN in Atlanta; Atlanta's atlanta",
            "Łódź łódź Tibú tibu TIBU Adré adre ÉCOLE école 12km 12KM x X",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            for mut toks in [tokenize(text), tokenize_lowered(text, &lower, &[])] {
                let (chains, uppers) = toks.shape_chains();
                let capitalised: Vec<u32> = (0..toks.list.len() as u32)
                    .filter(|&k| toks.list[k as usize].upper)
                    .collect();
                assert_eq!(uppers, capitalised, "{text}");
                let words: Vec<String> = toks
                    .list
                    .iter()
                    .map(|t| toks.folded(t).to_string())
                    .collect();
                for w in words
                    .iter()
                    .map(String::as_str)
                    .chain(["", "nothing", "12", "e"])
                {
                    for upper in [false, true] {
                        let want = toks
                            .list
                            .iter()
                            .filter(|t| t.upper == upper && toks.folded(t) == w)
                            .count();
                        let got = toks.count_of(&chains, w.as_bytes(), upper, usize::MAX);
                        assert_eq!(got, want, "{text}: {w} {upper}");
                        let first = toks.count_of(&chains, w.as_bytes(), upper, 1);
                        assert_eq!(first, want.min(1), "{text}: {w} {upper}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_common_gaps_tie_as_gap_ties_says() {
        // after tokens short and long, of one to three bytes folded
        for prev in tokenize("a U.S. St Kharkiv Łódź é ß 12").list {
            for gap in [", ", "\n", "\n\n", ". ", "'s ", " (", ": "] {
                let common = common_gap_ties(gap.as_bytes(), &prev);
                assert_eq!(common, Some(gap_ties(gap, &prev)), "{gap:?}");
            }
            for gap in [" ", ".", "", " - ", ".\n", "; "] {
                assert_eq!(common_gap_ties(gap.as_bytes(), &prev), None, "{gap:?}");
            }
        }
        // and read from a text
        let t = tokenize("Kyiv, Odesa\nKharkiv\n\nLviv");
        let ties: Vec<(bool, bool)> = (1..4).map(|k| t.joins_and_starts(k)).collect();
        assert_eq!(ties, [(false, false), (false, true), (false, true)]);
    }

    #[test]
    fn tokens_know_case_joins_and_sentence_starts() {
        // (text, word, upper, joins the previous word, starts a sentence)
        let table = [
            (
                "Drones hit Kharkiv's Saltivskyi district.",
                "Drones",
                true,
                false,
                true,
            ),
            (
                "Drones hit Kharkiv's Saltivskyi district.",
                "Kharkiv",
                true,
                true,
                false,
            ),
            (
                "Drones hit Kharkiv's Saltivskyi district.",
                "Saltivskyi",
                true,
                false,
                false,
            ),
            (
                "It rained. Police said, Odesa too",
                "Police",
                true,
                false,
                true,
            ),
            (
                "It rained. Police said, Odesa too",
                "Odesa",
                true,
                false,
                false,
            ),
            (
                "Troops left Port-au-Prince on Monday",
                "au",
                false,
                true,
                false,
            ),
            (
                "Flights to St. Petersburg resumed",
                "Petersburg",
                true,
                true,
                false,
            ),
            ("U.S. officials said", "S", true, true, false),
            ("U.S. officials said", "officials", false, true, false),
            (
                "Shelling hit Kherson.\n\nOdesa was calm",
                "Odesa",
                true,
                false,
                true,
            ),
            (
                "The blast - near Gaza - killed two",
                "near",
                false,
                true,
                false,
            ),
            ("The blast -- near Gaza", "near", false, false, false),
            ("They said: \"Kyiv will hold\"", "Kyiv", true, false, true),
            ("Łódź\u{a0}Voivodeship", "Voivodeship", true, true, false),
            ("In Łódź. Police came", "Police", true, false, true),
        ];
        for (text, word, upper, joins, starts) in table {
            let t = tokenize(text);
            let k = t
                .list
                .iter()
                .position(|x| &text[x.start..x.end] == word)
                .unwrap_or(usize::MAX);
            let got = t.list.get(k).map(|x| (x.upper, t.joins_and_starts(k)));
            assert_eq!(got, Some((upper, (joins, starts))), "{text}: {word}");
            assert_eq!(t.joins_prev(k), joins, "{text}: {word}");
        }
        let t = tokenize("Kyiv");
        assert_eq!(t.joins_and_starts(0), (false, true));
        assert_eq!(t.joins_and_starts(1), (false, false));
        assert_eq!(tokenize("").joins_and_starts(0), (false, false));
    }
}
