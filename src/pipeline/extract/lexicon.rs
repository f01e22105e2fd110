//! Word-list matching: many phrases against one text in one pass, on word boundaries.
//!
//! A phrase ending in `*` also matches longer words that start with it ("shell*" ->
//! "shelling", "shelled"). Matching is ASCII case-insensitive; the caller decides what
//! capitalisation means (a trigger capitalised mid-sentence is usually part of a name).

use std::sync::OnceLock;

/// A phrase found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T: Copy> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

/// A phrase occurrence before overlaps are resolved: start, end, phrase index.
pub type Cand = (usize, usize, u32);

/// A compiled word list mapping phrases to values. [`Lexicon::find`] matches it alone;
/// [`Lexicons`] matches several lists in one pass and [`Lexicon::resolve`] turns each
/// list's occurrences into hits.
pub struct Lexicon<T: Copy> {
    /// Phrases without their `*`, lower-cased, with the "longer word" flag.
    phrases: Vec<(Box<str>, bool)>,
    values: Vec<T>,
    /// The trie of this list alone, built on first [`Lexicon::find`].
    trie: OnceLock<Trie>,
}

impl<T: Copy> Lexicon<T> {
    /// Builds the lexicon. Phrases are lower-case; a trailing `*` allows a longer word.
    /// Matching is ASCII case-insensitive.
    ///
    /// # Panics
    /// On an empty phrase (the tables are static; the unit tests build them all).
    pub fn new(phrases: &[(&str, T)]) -> Lexicon<T> {
        let mut pats = Vec::with_capacity(phrases.len());
        let mut values = Vec::with_capacity(phrases.len());
        for (p, v) in phrases {
            let (pat, prefix) = match p.strip_suffix('*') {
                Some(s) => (s, true),
                None => (*p, false),
            };
            assert!(!pat.is_empty(), "empty phrase in a word list");
            pats.push((pat.to_ascii_lowercase().into_boxed_str(), prefix));
            values.push(*v);
        }
        Lexicon {
            phrases: pats,
            values,
            trie: OnceLock::new(),
        }
    }

    /// All non-overlapping hits, longest first where phrases overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit<T>> {
        let trie = self.trie.get_or_init(|| Trie::new(&[&self.phrases]));
        let mut cands = vec![Vec::new()];
        trie.scan(text, &mut cands);
        self.resolve(cands.pop().unwrap_or_default())
    }

    /// Hits from the occurrences of this list's phrases found by a [`Lexicons`] scan:
    /// longest first where they overlap, then in text order.
    pub fn resolve(&self, mut cands: Vec<Cand>) -> Vec<Hit<T>> {
        // Longest first, then leftmost; keep those not overlapping a kept one.
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<Hit<T>> = Vec::new();
        for (s, e, k) in cands {
            if kept.iter().all(|h| e <= h.start || s >= h.end) {
                kept.push(Hit {
                    start: s,
                    end: e,
                    value: self.values[k as usize],
                });
            }
        }
        kept.sort_by_key(|h| h.start);
        kept
    }
}

/// Several word lists in one trie: one pass over a text finds the phrase occurrences of
/// every list.
pub struct Lexicons {
    trie: Trie,
    lists: usize,
}

impl Lexicons {
    /// Compiles the phrases of `lists` (each a [`Lexicon`], any value type).
    pub fn new(lists: &[&dyn Phrases]) -> Lexicons {
        let phrases: Vec<&[(Box<str>, bool)]> = lists.iter().map(|l| l.phrases()).collect();
        Lexicons {
            trie: Trie::new(&phrases),
            lists: lists.len(),
        }
    }

    /// The occurrences of each list's phrases in `text`, one vector per list, for
    /// [`Lexicon::resolve`].
    pub fn scan(&self, text: &str) -> Vec<Vec<Cand>> {
        let mut out = vec![Vec::new(); self.lists];
        self.trie.scan(text, &mut out);
        out
    }
}

/// The phrases of a word list, whatever its values.
pub trait Phrases {
    fn phrases(&self) -> &[(Box<str>, bool)];
}

impl<T: Copy> Phrases for Lexicon<T> {
    fn phrases(&self) -> &[(Box<str>, bool)] {
        &self.phrases
    }
}

/// A byte trie over lower-cased phrases, walked only from word starts (a phrase never
/// starts inside a word). Each node's children are contiguous and found by rank in a
/// bitmap of byte classes: one load per byte walked.
struct Trie {
    /// Byte -> class (1.., in byte order); 0 for a byte no phrase contains. An upper-case
    /// ASCII letter has the class of its lower case.
    class: [u8; 256],
    /// Byte (any case) -> id of the root's child for it, plus one; 0 for none.
    root: [u32; 256],
    /// Nodes in breadth-first order; node 0 is the root.
    nodes: Vec<Node>,
    /// Phrases ending at each node, each node's run in list then phrase order.
    outs: Vec<Out>,
}

#[derive(Clone, Copy)]
struct Out {
    list: u32,
    phrase: u32,
    prefix: bool,
}

#[derive(Clone, Copy, Default)]
struct Node {
    /// Bit `c` set: a child for byte class `c` (classes 0..64).
    lo: u64,
    /// Bit `c - 64` set: a child for byte class `c` (classes 64..128).
    hi: u64,
    /// Id of the child of the lowest class; the others follow in class order.
    first: u32,
    /// Id of the first child of a class 64 or above (`first` plus the children in `lo`).
    first_hi: u32,
    outs: (u32, u32),
}

impl Trie {
    /// # Panics
    /// When the phrases use more than 127 distinct bytes (static ASCII word lists).
    fn new(lists: &[&[(Box<str>, bool)]]) -> Trie {
        let mut used = [false; 256];
        for (pat, _) in lists.iter().flat_map(|l| l.iter()) {
            for b in pat.bytes() {
                used[b as usize] = true;
            }
        }
        let mut class = [0u8; 256];
        let mut n = 0u8;
        for (b, _) in used.iter().enumerate().filter(|x| *x.1) {
            n += 1;
            assert!(n < 128, "word lists use more than 127 distinct bytes");
            class[b] = n;
        }
        // build with per-node child lists, then lay out breadth first
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut node_outs: Vec<Vec<Out>> = vec![Vec::new()];
        for (list, phrases) in lists.iter().enumerate() {
            for (k, (pat, prefix)) in phrases.iter().enumerate() {
                let mut state = 0usize;
                for b in pat.bytes() {
                    let c = class[b as usize];
                    state = match children[state].iter().find(|e| e.0 == c) {
                        Some(e) => e.1 as usize,
                        None => {
                            let id = children.len();
                            children.push(Vec::new());
                            node_outs.push(Vec::new());
                            children[state].push((c, id as u32));
                            id
                        }
                    };
                }
                node_outs[state].push(Out {
                    list: list as u32,
                    phrase: k as u32,
                    prefix: *prefix,
                });
            }
        }
        let mut order: Vec<usize> = vec![0];
        let mut new_id = vec![0u32; children.len()];
        let mut nodes: Vec<Node> = Vec::with_capacity(children.len());
        let mut outs = Vec::new();
        let mut i = 0;
        while i < order.len() {
            let old = order[i];
            let ch = &mut children[old];
            ch.sort_unstable_by_key(|e| e.0);
            let first = order.len() as u32;
            let mut mask = 0u128;
            for &(c, child) in ch.iter() {
                mask |= 1u128 << c;
                new_id[child as usize] = order.len() as u32;
                order.push(child as usize);
            }
            let o0 = outs.len() as u32;
            outs.extend_from_slice(&node_outs[old]);
            let lo = mask as u64;
            nodes.push(Node {
                lo,
                hi: (mask >> 64) as u64,
                first,
                first_hi: first + lo.count_ones(),
                outs: (o0, outs.len() as u32),
            });
            i += 1;
        }
        debug_assert!(order
            .iter()
            .enumerate()
            .all(|(k, &o)| new_id[o] as usize == k));
        for b in b'A'..=b'Z' {
            class[b as usize] = class[b.to_ascii_lowercase() as usize];
        }
        let mut trie = Trie {
            class,
            root: [0; 256],
            nodes,
            outs,
        };
        for b in 0..=255u8 {
            trie.root[b as usize] = trie.child(0, b).map_or(0, |id| id + 1);
        }
        trie
    }

    /// The child of `node` for byte `b`, or `None`.
    fn child(&self, node: u32, b: u8) -> Option<u32> {
        let c = self.class[b as usize];
        if c == 0 {
            return None;
        }
        let n = &self.nodes[node as usize];
        let (mask, base) = if c < 64 {
            (n.lo, n.first)
        } else {
            (n.hi, n.first_hi)
        };
        let bit = 1u64 << (c & 63);
        if mask & bit == 0 {
            return None;
        }
        Some(base + (mask & (bit - 1)).count_ones())
    }

    /// Appends each occurrence to its list's vector: by start, then by end of the phrase
    /// proper, then in phrase order.
    fn scan(&self, text: &str, out: &mut [Vec<Cand>]) {
        let bytes = text.as_bytes();
        // `start` is always at a boundary: the text's start or just after a non-word byte
        let mut start = 0;
        while start < bytes.len() {
            self.walk(bytes, start, out);
            if WORD_BYTE[bytes[start] as usize] {
                // the rest of the word, then the byte ending it, start nothing
                start += 1;
                while start < bytes.len() && WORD_BYTE[bytes[start] as usize] {
                    start += 1;
                }
            }
            start += 1;
        }
    }

    /// Walks the trie from byte `start` (a word boundary), appending the phrases found.
    #[inline]
    fn walk(&self, bytes: &[u8], start: usize, out: &mut [Vec<Cand>]) {
        let mut node = self.root[bytes[start] as usize].checked_sub(1);
        let mut j = start + 1;
        while let Some(id) = node {
            let (a, z) = self.nodes[id as usize].outs;
            for o in &self.outs[a as usize..z as usize] {
                let mut end = j;
                if o.prefix {
                    while end < bytes.len() && is_word_byte(bytes[end]) {
                        end += 1;
                    }
                } else if end < bytes.len() && is_word_byte(bytes[end]) {
                    continue;
                }
                if let Some(v) = out.get_mut(o.list as usize) {
                    v.push((start, end, o.phrase));
                }
            }
            if j == bytes.len() {
                break;
            }
            node = self.child(id, bytes[j]);
            j += 1;
        }
    }
}

/// Letters, digits and the apostrophe-free word characters that continue a word.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// [`is_word_byte`] for every byte, looked up in the scan loop.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_with_prefixes() {
        let lex = Lexicon::new(&[("shell*", 1), ("hit", 2), ("car bomb", 3), ("car", 4)]);
        let cases: &[(&str, Vec<(usize, i32)>)] = &[
            ("Russian forces shelled the town", vec![(15, 1)]),
            ("the shipment was hit", vec![(17, 2)]),
            ("a white car bomb exploded", vec![(8, 3)]),
            ("Whitehall said", vec![]),
            ("they hitched a ride", vec![]),
            ("a car crashed", vec![(2, 4)]),
        ];
        for (text, want) in cases {
            let got: Vec<(usize, i32)> =
                lex.find(text).iter().map(|h| (h.start, h.value)).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn one_scan_finds_what_each_list_finds_alone() {
        let a = Lexicon::new(&[("shell*", 1), ("car bomb", 2), ("car", 3)]);
        let b = Lexicon::new(&[("car", 'x'), ("bomb*", 'y'), ("the car", 'z'), ("car", 'w')]);
        let both = Lexicons::new(&[&a, &b]);
        for text in [
            "The car bomb shelled the Car park",
            "carbomb",
            "a car",
            "",
            "é car",
        ] {
            let mut occ = both.scan(text).into_iter();
            let (oa, ob) = (
                occ.next().unwrap_or_default(),
                occ.next().unwrap_or_default(),
            );
            assert_eq!(a.resolve(oa), a.find(text), "{text}");
            assert_eq!(b.resolve(ob), b.find(text), "{text}");
        }
    }
}
