//! A sentence in ASCII lower case with the set of byte pairs it contains. The context
//! rules test a few hundred words per article against their sentence, and most of those
//! words are not in it: a missing byte pair says so in a few instructions, before any
//! substring search (whose set-up alone costs more than the test).

use std::cell::Cell;

/// A lower-cased sentence and its byte pairs, read on the first test.
pub struct Lowered<'a> {
    text: &'a str,
    /// Bit `b & 31` of word `a & 31` set: the sentence has the bytes `a b` in a row (or
    /// a pair folding to the same bits: the set may say yes wrongly, never no). Filled
    /// in place on the first test (a `OnceCell` of the array built it on the stack and
    /// copied it twice). 32 words of 32 bits (the letters and the space still fold to
    /// distinct indices) keep the array to 128 bytes, which `new` zeroes with a few
    /// stores where the 512 bytes of 64 words of 64 bits took a call to `memset`.
    pairs: [Cell<u32>; 32],
    /// Whether `pairs` is filled.
    read: Cell<bool>,
}

impl<'a> Lowered<'a> {
    /// `text`: the sentence, already in lower case. Its pairs are read when first needed.
    pub fn new(text: &'a str) -> Lowered<'a> {
        Lowered {
            text,
            pairs: Default::default(),
            read: Cell::new(false),
        }
    }

    /// The sentence in lower case.
    pub fn text(&self) -> &'a str {
        self.text
    }

    fn pairs(&self) -> &[Cell<u32>; 32] {
        let pairs = &self.pairs;
        if !self.read.replace(true) {
            // one load a byte: each byte's bits are the next pair's first; its bit in a
            // word is looked up (a shift by a variable count took three instructions)
            if let Some((&first, rest)) = self.text.as_bytes().split_first() {
                let mut prev = usize::from(first & 31);
                for &b in rest {
                    let p = &pairs[prev];
                    p.set(p.get() | BIT[usize::from(b)]);
                    prev = usize::from(b & 31);
                }
            }
        }
        pairs
    }

    /// Whether `needle` occurs in the sentence: the answer of `str::contains`.
    pub fn has(&self, needle: &str) -> bool {
        self.may_hold(needle) && self.text.contains(needle)
    }

    /// Whether `needle` occurs in `part`, which must be a slice of the sentence: the
    /// answer of `part.contains(needle)`.
    pub fn has_in(&self, part: &str, needle: &str) -> bool {
        self.may_hold(needle) && part.contains(needle)
    }

    /// False when some byte pair of `needle` is not in the sentence, so neither is it.
    pub fn may_hold(&self, needle: &str) -> bool {
        let pairs = self.pairs();
        needle
            .as_bytes()
            .windows(2)
            .all(|w| pairs[usize::from(w[0] & 31)].get() & BIT[usize::from(w[1])] != 0)
    }
}

/// Per byte `b`, bit `b & 31` of a word of [`Lowered::pairs`].
static BIT: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = 1 << (b & 31);
        b += 1;
    }
    t
};

/// `hay.to_ascii_lowercase().contains(needle)` for a lower-case `needle`, without the
/// copy: the needle's first byte is looked for in either case.
pub fn occurs_any_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay).any(|i| {
        hay.get(i..i + needle.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(needle))
    })
}

/// `hay.find(needle)`, found by `memchr` for the needle's byte `k` (a rare one: each of
/// its occurrences is a candidate compared whole). `str::find` sets up a two-way searcher
/// for every call, a few hundred instructions before it reads a short text.
pub fn find_by(hay: &str, needle: &str, k: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&key) = n.get(k) else {
        return hay.find(needle);
    };
    // (a candidate's start is its key byte's offset in `h[k..]`)
    memchr::memchr_iter(key, h.get(k..)?).find(|&i| h.get(i..i + n.len()) == Some(n))
}

#[cfg(test)]
mod tests {
    use super::{find_by, occurs_any_case, Lowered};

    #[test]
    fn find_by_answers_as_str_find_does() {
        let texts = [
            "",
            "a",
            "KYIV (Reuters) - Russia said; ) - again",
            "GAZA CITY (AP) \u{2013} the raid (a) -",
            "killed after the raid after a day, after an hour",
            "é after é ) -",
        ];
        let needles = [
            ") -",
            ") \u{2013}",
            " - ",
            " (",
            " after ",
            "seized ",
            "é",
            "x",
        ];
        for t in texts {
            for n in needles {
                for k in 0..=n.len() {
                    assert_eq!(find_by(t, n, k), t.find(n), "{t:?} {n:?} by {k}");
                }
            }
        }
    }

    #[test]
    fn occurs_any_case_answers_as_a_lower_case_copy_does() {
        let sentences = [
            "",
            "Both sides accused EACH OTHER of breaking the truce.",
            "The death Toll rose; both-sides talks stalled.",
            "Ukraine and Russia traded blame, each other's envoys said.",
        ];
        let needles = ["", "each other", "both sides", "toll", "t", "xq", "said."];
        for s in sentences {
            for n in needles {
                let want = s.to_ascii_lowercase().contains(n);
                assert_eq!(occurs_any_case(s, n), want, "{s:?} has {n:?}");
            }
        }
    }

    #[test]
    fn answers_as_str_contains_does() {
        let sentences = [
            "",
            "a",
            "police fired tear gas at protesters in the capital, officials said.",
            "the death toll rose to five; no immediate confirmation",
            "é toll é 1,200 the day before",
            " the day after the raid,  the toll rose",
        ];
        let needles = [
            "",
            "t",
            "toll",
            "police",
            "the ",
            "strike",
            "no immediate confirmation",
            "é",
            "day before",
            "capital.",
            "1,2",
            "said.",
            "xq",
            " ",
            "  ",
            " the",
            "the day before",
            ", officials said.",
            "police fired tear gas at protesters in the capital, officials said.",
            "police fired tear gas at protesters in the capital, officials said. ",
        ];
        for s in sentences {
            let l = Lowered::new(s);
            for n in needles {
                assert_eq!(l.has(n), s.contains(n), "{s:?} has {n:?}");
                for part in [s.get(..s.len() / 2), s.get(s.len() / 3..)]
                    .into_iter()
                    .flatten()
                {
                    assert_eq!(l.has_in(part, n), part.contains(n), "{part:?} has {n:?}");
                }
            }
        }
    }
}
