//! Word-list matching: many phrases against one text in one pass, on word boundaries.
//!
//! A phrase ending in `*` also matches longer words that start with it ("shell*" ->
//! "shelling", "shelled"). Matching is ASCII case-insensitive; the caller decides what
//! capitalisation means (a trigger capitalised mid-sentence is usually part of a name).

use crate::textbits;
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
        trie.scan(text, &[], &mut cands);
        self.resolve(cands.pop().unwrap_or_default())
    }

    /// Hits from the occurrences of this list's phrases found by a [`Lexicons`] scan:
    /// longest first where they overlap, then in text order.
    pub fn resolve(&self, cands: Vec<Cand>) -> Vec<Hit<T>> {
        // A scan gives the occurrences by start. Then an occurrence overlaps only those
        // of its cluster (the run of occurrences each starting before the furthest end
        // of those before it), and the clusters are resolved one by one: most hold a
        // single occurrence, kept as it is.
        if !cands.windows(2).all(|w| w[0].0 <= w[1].0) {
            let mut out = Vec::new();
            self.resolve_cluster(cands, &mut out);
            return out;
        }
        let mut out = Vec::with_capacity(cands.len());
        let mut rest = cands.as_slice();
        while let Some(&(_, first_end, _)) = rest.first() {
            let mut end = first_end;
            let len = rest
                .iter()
                .position(|c| {
                    let outside = c.0 >= end;
                    end = end.max(c.1);
                    outside
                })
                .unwrap_or(rest.len());
            let (cluster, after) = rest.split_at(len);
            match cluster {
                [one] => out.push(self.hit(*one)),
                _ => self.resolve_cluster(cluster.to_vec(), &mut out),
            }
            rest = after;
        }
        out
    }

    /// Appends the hits kept of occurrences in any order: longest first, then leftmost,
    /// each kept unless it overlaps one kept before; then in text order.
    fn resolve_cluster(&self, mut cands: Vec<Cand>, out: &mut Vec<Hit<T>>) {
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let base = out.len();
        for (s, e, k) in cands {
            if out[base..].iter().all(|h| e <= h.start || s >= h.end) {
                out.push(self.hit((s, e, k)));
            }
        }
        out[base..].sort_by_key(|h| h.start);
    }

    /// The value of phrase `k` of an occurrence ([`Cand`]).
    pub fn value(&self, k: u32) -> Option<T> {
        self.values.get(k as usize).copied()
    }

    fn hit(&self, (start, end, k): Cand) -> Hit<T> {
        Hit {
            start,
            end,
            value: self.values[k as usize],
        }
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
        self.scan_masked(text, &[])
    }

    /// [`Lexicons::scan`] given the text's [`byte_masks`](textbits::byte_masks), made
    /// once for the place tokenizer too (empty: made here).
    pub fn scan_masked(&self, text: &str, masks: &[(u64, u64)]) -> Vec<Vec<Cand>> {
        // room for a list's occurrences in most texts without growing on the way
        let mut out: Vec<Vec<Cand>> = (0..self.lists)
            .map(|_| Vec::with_capacity(text.len() / 32))
            .collect();
        self.trie.scan(text, masks, &mut out);
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
/// starts inside a word), laid out as a double array: the child of node `s` for byte
/// class `c` is slot `base(s) + c` when that slot's `check` is `s` (its flags aside).
/// One class load, one slot load and one compare per byte walked; a slot is eight
/// bytes, so that the walk, which waits on each slot it loads, finds more of them in
/// cache.
struct Trie {
    /// Byte -> class (1.., in byte order); 0 for a byte no phrase contains. An upper-case
    /// ASCII letter has the class of its lower case.
    class: [u8; 256],
    /// Byte (any case) -> slot of the root's child for it, plus one; 0 for none.
    root: [u32; 256],
    /// The nodes by slot; slot 0 is the root. Every `base + class` is in bounds, and
    /// the fixed size lets the walk index without a bounds check (`& (SLOTS - 1)`).
    slots: Box<[Slot; SLOTS]>,
    /// Per slot, the run of `outs` of the phrases ending at its node: (start, length).
    runs: Vec<(u32, u32)>,
    /// Phrases ending at each node, each node's run in list then phrase order.
    outs: Vec<Out>,
    /// All bits set when some phrase starts with a non-word byte (then a walk starts at
    /// every boundary), else none (at the boundaries that start a word only).
    gap_starts: u64,
}

#[derive(Clone, Copy)]
struct Out {
    list: u32,
    phrase: u32,
    prefix: bool,
}

/// A node as the walk reads it.
#[derive(Clone, Copy)]
struct Slot {
    /// Slot of the parent node, under [`PARENT`]; above it the flag [`ENDS`] (clear in
    /// most nodes: the compare with the parent's slot that every byte walked makes
    /// tests it too). [`FREE`] for a free slot and for the root.
    check: u32,
    /// The children of this node are at `base + class` (0 for a leaf).
    base: u32,
}

/// Number of slots of a trie: a power of two above the ~6,400 that all word lists
/// together take (`Trie::new` checks that they fit).
const SLOTS: usize = 1 << 14;

/// The bits of [`Slot::check`] that hold the parent's slot.
const PARENT: u32 = (1 << 31) - 1;
/// [`Slot::check`] flag: phrases end at this node.
const ENDS: u32 = 1 << 31;

/// A node as laid out, before its flags are packed into a [`Slot`].
#[derive(Clone, Copy)]
struct Node {
    /// Slot of the parent node; [`FREE`] for a free slot and for the root.
    check: u32,
    /// The children of this node are at `base + class` (0 for a leaf).
    base: u32,
    /// Start of this node's run in `outs` ...
    outs_at: u32,
    /// ... and its length.
    outs_len: u32,
}

/// `check` of a slot that holds no node.
const FREE: u32 = u32::MAX;

/// A trie of per-node child lists, before its layout in a double array.
struct Draft {
    /// Per node: (byte class, child node), in insertion order.
    children: Vec<Vec<(u8, usize)>>,
    outs: Vec<Vec<Out>>,
}

impl Draft {
    fn new(lists: &[&[(Box<str>, bool)]], class: &[u8; 256]) -> Draft {
        let mut d = Draft {
            children: vec![Vec::new()],
            outs: vec![Vec::new()],
        };
        for (list, phrases) in lists.iter().enumerate() {
            for (k, (pat, prefix)) in phrases.iter().enumerate() {
                let mut node = 0usize;
                for b in pat.bytes() {
                    node = d.child_or_new(node, class[b as usize]);
                }
                d.outs[node].push(Out {
                    list: list as u32,
                    phrase: k as u32,
                    prefix: *prefix,
                });
            }
        }
        d
    }

    fn child_or_new(&mut self, node: usize, c: u8) -> usize {
        if let Some(e) = self.children[node].iter().find(|e| e.0 == c) {
            return e.1;
        }
        let id = self.children.len();
        self.children.push(Vec::new());
        self.outs.push(Vec::new());
        self.children[node].push((c, id));
        id
    }
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
        let mut draft = Draft::new(lists, &class);
        let (nodes, outs) = lay_out(&mut draft);
        let (slots, runs) = pack(&nodes);
        for b in b'A'..=b'Z' {
            class[b as usize] = class[b.to_ascii_lowercase() as usize];
        }
        let mut trie = Trie {
            class,
            root: [0; 256],
            slots,
            runs,
            outs,
            gap_starts: 0,
        };
        for b in 0..=255u8 {
            trie.root[b as usize] = trie.child(0, b).map_or(0, |id| id + 1);
            if trie.root[b as usize] != 0 && !is_word_byte(b) {
                trie.gap_starts = u64::MAX;
            }
        }
        trie
    }

    /// The child of node `node` for byte `b`, or `None`. (Class 0, a byte no phrase
    /// contains, never matches: no node has a child of class 0.)
    #[inline]
    fn child(&self, node: u32, b: u8) -> Option<u32> {
        let base = self.slots.get(node as usize)?.base;
        let id = base + u32::from(self.class[b as usize]);
        match self.slots.get(id as usize) {
            Some(s) if s.check & PARENT == node => Some(id),
            _ => None,
        }
    }

    /// Appends each occurrence to its list's vector: by start, then by end of the phrase
    /// proper, then in phrase order.
    fn scan(&self, text: &str, masks: &[(u64, u64)], out: &mut [Vec<Cand>]) {
        let bytes = text.as_bytes();
        let made;
        let masks = if textbits::fit(masks, bytes.len()) {
            masks
        } else {
            made = textbits::byte_masks(bytes);
            &made
        };
        let mut found = Found { bytes, out };
        // A phrase starts at a boundary: the text's start or just after a non-word byte.
        // The boundaries are read from the text's masks (made once per article, for the
        // place tokenizer too), 64 bytes at a time, so that no byte loop looks for the
        // end of each word (its exit, at a word end that falls anywhere, was
        // mispredicted about once a word) and no walk starts at a boundary byte that
        // starts no phrase (none, in our lists, starts with a non-word byte).
        let mut word_before = 0u64;
        for (n, &(alnum, beyond)) in masks.iter().enumerate() {
            // word bytes: ASCII letters and digits, and bytes beyond ASCII
            let words = alnum | beyond;
            let in_block = u64::MAX >> (64 - (bytes.len() - n * 64).min(64));
            let mut starts = !(words << 1 | word_before) & (words | self.gap_starts) & in_block;
            word_before = words >> 63;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                self.walk(bytes, n * 64 + k, &mut found);
            }
        }
    }

    /// Walks the trie from byte `start` (a word boundary), appending the phrases found.
    #[inline]
    fn walk(&self, bytes: &[u8], start: usize, found: &mut Found) {
        let Some(root) = bytes
            .get(start)
            .and_then(|&b| self.root[b as usize].checked_sub(1))
        else {
            return;
        };
        // The node walked is kept as its slot alone, read again for its `base`: one
        // register less in the loop than a reference to the slot beside its index.
        // (Every `base + class` is below SLOTS: the masks only spare bounds checks.)
        let mut id = root as usize & (SLOTS - 1);
        if self.slots[id].check & ENDS != 0 {
            self.emit(found, start, start + 1, id as u32);
        }
        // Two bytes a round, the node of the first held apart from that of the second:
        // one byte at a time, each step had to copy its child into the register of the
        // node before the next step. One test a round that both bytes are in the text;
        // the last byte of a text of an even number left over is stepped after.
        let mut j = start + 1;
        while let (Some(&b0), Some(&b1)) = (bytes.get(j), bytes.get(j + 1)) {
            let Some(half) = self.step(found, start, id, j, b0) else {
                return;
            };
            let Some(next) = self.step(found, start, half, j + 1, b1) else {
                return;
            };
            j += 2;
            id = next;
        }
        if let Some(&b) = bytes.get(j) {
            self.step(found, start, id, j, b);
        }
    }

    /// The child of slot `id` for byte `b`, the byte at `j`, appending the phrases that
    /// end there; `None` when there is none.
    #[inline(always)]
    fn step(&self, found: &mut Found, start: usize, id: usize, j: usize, b: u8) -> Option<usize> {
        let next = (self.slots[id].base + u32::from(self.class[b as usize])) as usize & (SLOTS - 1);
        let check = self.slots[next].check;
        if check != id as u32 {
            // no child for the byte, or a child with flags
            if check & PARENT != id as u32 {
                return None;
            }
            if check & ENDS != 0 {
                self.emit(found, start, j + 1, next as u32);
            }
        }
        Some(next)
    }

    /// Appends the phrases ending at slot `id`, whose bytes are `bytes[start..j]`, where
    /// they end on a word boundary (or extend to one, for a prefix). Kept out of the walk
    /// loop, which then holds its few values in registers (cold: most bytes walked end
    /// no phrase, and the spills around the call belong on this side). The text and the
    /// vectors come in one [`Found`], so that all the arguments fit in registers.
    #[cold]
    #[inline(never)]
    fn emit(&self, found: &mut Found, start: usize, j: usize, id: u32) {
        let Found { bytes, out } = found;
        let (at, len) = self.runs.get(id as usize).copied().unwrap_or_default();
        let outs = self
            .outs
            .get(at as usize..at as usize + len as usize)
            .unwrap_or_default();
        // whether the bytes walked end a word: a phrase then ends there, prefix or not
        let boundary = !bytes.get(j).is_some_and(|&b| WORD_BYTE[b as usize]);
        for o in outs {
            let end = if boundary {
                j
            } else if o.prefix {
                word_end(bytes, j)
            } else {
                continue;
            };
            if let Some(v) = out.get_mut(o.list as usize) {
                v.push((start, end, o.phrase));
            }
        }
    }
}

/// The text a [`Trie`] scans and the vectors, one per list, that the occurrences found
/// go to.
struct Found<'t, 'o> {
    bytes: &'t [u8],
    out: &'o mut [Vec<Cand>],
}

/// The end of the word going on at byte `j`.
fn word_end(bytes: &[u8], mut j: usize) -> usize {
    while bytes.get(j).is_some_and(|&b| WORD_BYTE[b as usize]) {
        j += 1;
    }
    j
}

/// Lays the draft trie out as a double array, breadth first: each node's children go
/// at the lowest base where all their slots are free.
fn lay_out(draft: &mut Draft) -> (Vec<Node>, Vec<Out>) {
    let empty = Node {
        check: FREE,
        base: 0,
        outs_at: 0,
        outs_len: 0,
    };
    let mut slots = vec![empty; 256];
    let mut outs = Vec::new();
    // (draft node, its slot); the root is slot 0
    let mut queue = std::collections::VecDeque::from([(0usize, 0u32)]);
    let mut lowest_free = 2usize; // a child slot is base (1..) plus class (1..)
    while let Some((node, at)) = queue.pop_front() {
        let outs_at = outs.len() as u32;
        let outs_len = draft.outs[node].len() as u32;
        outs.extend_from_slice(&draft.outs[node]);
        let children = &mut draft.children[node];
        children.sort_unstable_by_key(|e| e.0);
        let base = match children.first() {
            None => 0,
            Some(&(c0, _)) => {
                let fits = |b: usize, slots: &[Node]| {
                    children
                        .iter()
                        .all(|&(c, _)| slots.get(b + c as usize).is_none_or(|s| s.check == FREE))
                };
                let mut b = lowest_free.saturating_sub(c0 as usize).max(1);
                while !fits(b, &slots) {
                    b += 1;
                }
                b
            }
        };
        // room for any class after every base
        if slots.len() < base + 256 {
            slots.resize(base + 256, empty);
        }
        for &(c, child) in children.iter() {
            let id = base + c as usize;
            slots[id].check = at;
            queue.push_back((child, id as u32));
        }
        let s = &mut slots[at as usize];
        s.base = base as u32;
        (s.outs_at, s.outs_len) = (outs_at, outs_len);
        while slots.get(lowest_free).is_some_and(|s| s.check != FREE) {
            lowest_free += 1;
        }
    }
    (slots, outs)
}

/// The laid-out nodes as the walk reads them, and each one's run of phrases.
///
/// # Panics
/// When the nodes outgrow [`SLOTS`] (word lists far larger than ours).
fn pack(nodes: &[Node]) -> (Box<[Slot; SLOTS]>, Vec<(u32, u32)>) {
    assert!(nodes.len() <= SLOTS, "word lists too large for the trie");
    let free = Slot {
        check: FREE,
        base: 0,
    };
    let mut slots = Box::new([free; SLOTS]);
    for (slot, n) in slots.iter_mut().zip(nodes) {
        let mut check = n.check;
        if n.outs_len != 0 {
            check |= ENDS;
        }
        *slot = Slot {
            check,
            base: n.base,
        };
    }
    let runs = nodes.iter().map(|n| (n.outs_at, n.outs_len)).collect();
    (slots, runs)
}

/// Letters, digits and the apostrophe-free word characters that continue a word.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// [`is_word_byte`] for every byte, looked up where a phrase ends.
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

    /// The occurrences found by trying every phrase at every word boundary: the
    /// reference for the trie's walk.
    fn cands_by_brute_force(phrases: &[(&str, i32)], text: &str) -> Vec<Cand> {
        let b = text.as_bytes();
        let mut v = Vec::new();
        for s in 0..b.len() {
            if s > 0 && WORD_BYTE[b[s - 1] as usize] {
                continue;
            }
            for (k, (p, _)) in phrases.iter().enumerate() {
                let (pat, prefix) = match p.strip_suffix('*') {
                    Some(x) => (x, true),
                    None => (*p, false),
                };
                let j = s + pat.len();
                if !b
                    .get(s..j)
                    .is_some_and(|w| w.eq_ignore_ascii_case(pat.as_bytes()))
                {
                    continue;
                }
                if !b.get(j).is_some_and(|&x| WORD_BYTE[x as usize]) {
                    v.push((s, j, k as u32));
                } else if prefix {
                    v.push((s, word_end(b, j), k as u32));
                }
            }
        }
        v
    }

    #[test]
    fn the_walk_finds_what_brute_force_finds() {
        let phrases = [
            ("shell*", 1),
            ("car bomb", 2),
            ("car", 3),
            ("u.s.", 4),
            ("al-shabaab", 5),
            ("--", 6),
            ("kill*", 7),
            ("killed in", 8),
            ("9mm", 9),
        ];
        let short = [
            "Russian forces shelled the town; a CAR BOMB killed 9 in Mogadishu.",
            "carbomb car-bomb car bombs, Car  bomb -- U.S. troops and al-Shabaab",
            "Killings, killed in, killedin, skill, 9mm rounds, x9mm",
            "caf\u{e9} car\u{e9} \u{e9}car car",
            "",
            "car",
        ];
        // texts of more than 64 bytes, the word boundaries falling on every side of the
        // blocks the scan reads its masks by
        let mut texts: Vec<String> = short.iter().map(|t| t.to_string()).collect();
        for pad in 0..70 {
            let lead = "x".repeat(pad % 9) + &" ".repeat(pad / 9);
            texts.push(format!("{lead}{}", short[..4].join(" -- ")));
            texts.push(format!("{}car", "a".repeat(pad)));
            texts.push(format!("{}--car bomb", "é".repeat(pad / 2)));
            // the text ending inside and at the end of a phrase, after an odd and an
            // even number of bytes walked (the walk steps two bytes a round)
            texts.push(format!(
                "{} car bom{}",
                "x".repeat(pad % 5),
                "b".repeat(pad % 2)
            ));
            texts.push(format!(
                "{}killed i{}",
                " ".repeat(pad % 3),
                "n".repeat(pad % 2)
            ));
        }
        // with and without a phrase starting with a non-word byte ("--"), which walks
        // from every boundary, not only the word starts
        for phrases in [&phrases[..], &phrases[..5]] {
            let lex = Lexicon::new(phrases);
            let trie = Trie::new(&[&lex.phrases]);
            assert_eq!(trie.gap_starts != 0, phrases.len() > 5);
            for text in &texts {
                let mut got = Vec::new();
                trie.scan(text, &[], std::slice::from_mut(&mut got));
                let mut want = cands_by_brute_force(phrases, text);
                got.sort_unstable();
                want.sort_unstable();
                assert_eq!(got, want, "{text}");
            }
        }
    }

    #[test]
    fn the_masks_mark_the_word_bytes() {
        // the scan's word bytes are the masks' letters, digits and bytes beyond ASCII
        let text: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for (n, &(alnum, beyond)) in textbits::byte_masks(&text).iter().enumerate() {
            for k in 0..64 {
                let b = text[n * 64 + k];
                assert_eq!((alnum | beyond) >> k & 1 != 0, is_word_byte(b), "{b:#x}");
            }
        }
    }

    #[test]
    fn a_scan_given_the_masks_finds_what_it_finds_alone() {
        let text = "Russian drones hit Odesa. \u{201c}Shelling\u{201d} went on; car bombs \
                    exploded in \u{e9}l-Fasher and the car-bomb \u{2014} a car \
                    bomb \u{2014} was defused near Kharkiv, officials said on Tuesday.";
        let lex = Lexicon::new(&[("shell*", 1), ("car bomb", 2), ("drone*", 3), ("said", 4)]);
        let both = Lexicons::new(&[&lex, &lex]);
        let whole = textbits::byte_masks(text.as_bytes());
        for cut in 0..=text.len() {
            let Some(t) = text.get(..cut) else { continue };
            let alone = both.scan(t);
            let masks = textbits::byte_masks(t.as_bytes());
            assert_eq!(both.scan_masked(t, &masks), alone, "{t}");
            // masks of another text are not read
            assert_eq!(both.scan_masked(t, &whole[..1]), alone, "{t}");
        }
    }

    /// The overlaps resolved the long way: longest first, then leftmost.
    fn resolve_by_brute_force(cands: &[Cand]) -> Vec<(usize, usize, u32)> {
        let mut order = cands.to_vec();
        order.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<Cand> = Vec::new();
        for c in order {
            if kept.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.0);
        kept
    }

    #[test]
    fn resolving_keeps_what_the_long_way_keeps() {
        let phrases = [
            ("car bomb", 0),
            ("car", 1),
            ("bomb*", 2),
            ("police", 3),
            ("police car", 4),
            ("al-shabaab", 5),
            ("shabaab", 6),
        ];
        let lex = Lexicon::new(&phrases);
        let trie = Trie::new(&[&lex.phrases]);
        for text in [
            "A car bomb hit a police car near the bombed market.",
            "Police said al-Shabaab fighters planted the bombs.",
            "police police car car bomb",
            "The car was parked; the police left.",
            "",
        ] {
            let mut cands = Vec::new();
            trie.scan(text, &[], std::slice::from_mut(&mut cands));
            let got: Vec<Cand> = lex
                .resolve(cands.clone())
                .iter()
                .map(|h| (h.start, h.end, h.value as u32))
                .collect();
            assert_eq!(got, resolve_by_brute_force(&cands), "{text}");
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
