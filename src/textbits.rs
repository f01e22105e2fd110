//! Bit masks of a text's bytes, 64 at a time: which are ASCII letters or digits and which
//! are beyond ASCII. An article's masks are made once and read by every pass that goes
//! from word to word (the place tokenizer, the word-list scan), so that none of them
//! loops byte by byte to find where a word ends; and the eight-bytes-at-a-time tests
//! (`at_least`, `run_end`) that the word readers elsewhere use for the same reason.

/// The masks of a text: per 64 bytes, (ASCII letters and digits, bytes beyond ASCII).
pub type ByteMasks = Vec<(u64, u64)>;

/// Whether `masks` can be the masks of a text of `len` bytes (one per 64 bytes begun):
/// a pass given masks of another text makes its own.
pub fn fit(masks: &[(u64, u64)], len: usize) -> bool {
    masks.len() == len.div_ceil(64)
}

/// One in each byte of a word of 8 bytes.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` (eight bytes, each below 0x80, so that the sum
/// carries into no other byte) set where that byte is at least `lo` (at most 0x80).
#[inline]
pub(crate) fn at_least(v: u64, lo: u8) -> u64 {
    v + u64::from(0x80 - lo) * ONES
}

/// Eight bytes of `b` from `at` as one word, the first in the low byte; none past the
/// end.
#[inline]
pub(crate) fn eight_at(b: &[u8], at: usize) -> Option<u64> {
    let eight = b.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(eight).ok().map(u64::from_le_bytes)
}

/// Where the run of bytes from `i` ends, eight bytes at a time (a test per byte
/// mispredicts at the end of every word): `stops` gives the high bit of each byte of
/// eight that ends the run, `in_run` says of one byte (the last few of the text) whether
/// the run goes on.
#[inline]
pub(crate) fn run_end(
    b: &[u8],
    mut i: usize,
    stops: impl Fn(u64) -> u64,
    in_run: impl Fn(u8) -> bool,
) -> usize {
    while let Some(x) = eight_at(b, i) {
        let s = stops(x);
        if s != 0 {
            return i + s.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&c| in_run(c)) {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` set where that byte is an ASCII letter or digit.
#[inline]
pub(crate) fn alnum_bytes(x: u64) -> u64 {
    // each byte below 0x80, so that adding at most 0x50 carries into no other byte
    let low = x & !HIGH;
    // letters in lower case ('@' and '[' around them go to '`' and '{')
    let folded = low | (0x20 * ONES);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // bytes from 0x80 up are no ASCII letters or digits
    (letter | digit) & !x & HIGH
}

/// For each 64 bytes of `bytes` (the last ones padded with zeros), bit k: byte k is an
/// ASCII letter or digit; and bit k: byte k is beyond ASCII.
pub fn byte_masks(bytes: &[u8]) -> ByteMasks {
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut blocks = bytes.chunks_exact(64);
    for block in blocks.by_ref() {
        out.push(block_masks(block));
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        let mut padded = [0u8; 64];
        padded[..rest.len()].copy_from_slice(rest);
        out.push(block_masks(&padded));
    }
    out
}

/// [`byte_masks`] of one block of 64 bytes, 16 bytes at a time.
#[inline]
fn block_masks(block: &[u8]) -> (u64, u64) {
    let (mut alnum, mut beyond) = (0u64, 0u64);
    for (k, sixteen) in block.chunks_exact(16).enumerate() {
        let (a, n) = sixteen_masks(<&[u8; 16]>::try_from(sixteen).unwrap_or(&[0; 16]));
        alnum |= a << (16 * k);
        beyond |= n << (16 * k);
    }
    (alnum, beyond)
}

/// The two masks of 16 bytes (bit k: byte k), with SSE2 (part of every x86-64): a few
/// vector steps and two byte-mask moves.
#[cfg(target_arch = "x86_64")]
#[inline]
fn sixteen_masks(sixteen: &[u8; 16]) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: SSE2 is in the baseline of the x86_64 target, so these instructions exist
    // on every machine this code runs on; the unaligned load reads exactly the 16 bytes
    // of `sixteen`.
    let (alnum, beyond) = unsafe {
        let x = _mm_loadu_si128(sixteen.as_ptr().cast::<__m128i>());
        // a byte `b` is in `lo..lo + n` when `b + (0x80 - lo)`, wrapped, is below
        // `0x80 + n` as a signed byte
        let within = |v, lo: u8, n: u8| {
            let moved = _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
            _mm_cmplt_epi8(moved, _mm_set1_epi8(0x80u8.wrapping_add(n) as i8))
        };
        // letters in lower case ('A'..='Z' and only they go to 'a'..='z')
        let letter = within(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', 26);
        let digit = within(x, b'0', 10);
        (
            _mm_movemask_epi8(_mm_or_si128(letter, digit)),
            _mm_movemask_epi8(x),
        )
    };
    (
        u64::from(alnum as u32 & 0xffff),
        u64::from(beyond as u32 & 0xffff),
    )
}

/// [`sixteen_masks`] without SSE2: eight bytes at a time.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn sixteen_masks(sixteen: &[u8; 16]) -> (u64, u64) {
    // the high bit of each byte into the low 8 bits (byte k to bit k)
    let gather = |x: u64| ((x & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
    let (mut alnum, mut beyond) = (0u64, 0u64);
    for (k, chunk) in sixteen.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        alnum |= gather(alnum_bytes(x)) << (8 * k);
        beyond |= gather(x) << (8 * k);
    }
    (alnum, beyond)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_masks_mark_letters_digits_and_bytes_beyond_ascii() {
        // every byte value at every place of a block, and a text of 2.5 blocks
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend(0..=255u8);
        text.truncate(160);
        for shift in 0..64 {
            text.rotate_left(1);
            let masks = byte_masks(&text);
            assert_eq!(masks.len(), 3);
            for (i, &b) in text.iter().enumerate() {
                let (alnum, beyond) = masks[i / 64];
                assert_eq!(
                    alnum >> (i % 64) & 1 == 1,
                    b.is_ascii_alphanumeric(),
                    "{b} {shift}"
                );
                assert_eq!(beyond >> (i % 64) & 1 == 1, b >= 0x80, "{b} {shift}");
            }
            // the padding is neither
            assert_eq!(masks[2].0 >> 32, 0);
            assert_eq!(masks[2].1 >> 32, 0);
        }
        assert!(byte_masks(b"").is_empty());
    }

    #[test]
    fn masks_fit_texts_of_their_length() {
        assert!(fit(&byte_masks(b""), 0));
        assert!(fit(&byte_masks(&[b'a'; 64]), 64));
        assert!(fit(&byte_masks(&[b'a'; 65]), 65));
        assert!(!fit(&byte_masks(&[b'a'; 65]), 64));
        assert!(!fit(&byte_masks(&[b'a'; 64]), 65));
    }
}
