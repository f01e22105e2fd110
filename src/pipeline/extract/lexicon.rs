//! Word-list matching: many phrases against one text in one pass, on word boundaries.
//!
//! A phrase ending in `*` also matches longer words that start with it ("shell*" ->
//! "shelling", "shelled"). Matching is ASCII case-insensitive; the caller decides what
//! capitalisation means (a trigger capitalised mid-sentence is usually part of a name).

/// A phrase found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit<T: Copy> {
    pub start: usize,
    pub end: usize,
    pub value: T,
}

/// A compiled word list mapping phrases to values: a byte trie over the lower-cased
/// phrases, walked only from word starts (a phrase never starts inside a word), so most
/// positions cost one table lookup.
pub struct Lexicon<T: Copy> {
    /// Child of the root per (lower-cased) byte; 0 = none.
    root: Box<[u32; 256]>,
    /// Trie nodes below the root, indexed by id (id 0 is unused).
    nodes: Vec<Node>,
    /// Children of all nodes, each node's run sorted by byte.
    edges: Vec<(u8, u32)>,
    /// Phrase indices ending at each node, each node's run in phrase order.
    outs: Vec<u32>,
    entries: Vec<(bool, T)>,
}

#[derive(Clone, Copy, Default)]
struct Node {
    edges: (u32, u32),
    outs: (u32, u32),
}

impl<T: Copy> Lexicon<T> {
    /// Builds the lexicon. Phrases are lower-case; a trailing `*` allows a longer word.
    /// Matching is ASCII case-insensitive.
    ///
    /// # Panics
    /// On an empty phrase (the tables are static; the unit tests build them all).
    pub fn new(phrases: &[(&str, T)]) -> Lexicon<T> {
        // build with per-node child lists, then flatten
        let mut root = Box::new([0u32; 256]);
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut node_outs: Vec<Vec<u32>> = vec![Vec::new()];
        let mut entries = Vec::with_capacity(phrases.len());
        for (k, (p, v)) in phrases.iter().enumerate() {
            let (pat, prefix) = match p.strip_suffix('*') {
                Some(s) => (s, true),
                None => (*p, false),
            };
            assert!(!pat.is_empty(), "empty phrase in a word list");
            entries.push((prefix, *v));
            let mut state = 0u32;
            for (i, b) in pat.bytes().map(|b| b.to_ascii_lowercase()).enumerate() {
                let found = if i == 0 {
                    root[b as usize]
                } else {
                    children[state as usize]
                        .iter()
                        .find(|e| e.0 == b)
                        .map_or(0, |e| e.1)
                };
                state = if found != 0 {
                    found
                } else {
                    let id = children.len() as u32;
                    children.push(Vec::new());
                    node_outs.push(Vec::new());
                    if i == 0 {
                        root[b as usize] = id;
                    } else {
                        children[state as usize].push((b, id));
                    }
                    id
                };
            }
            node_outs[state as usize].push(k as u32);
        }
        let mut nodes = Vec::with_capacity(children.len());
        let mut edges = Vec::new();
        let mut outs = Vec::new();
        for (mut ch, o) in children.into_iter().zip(node_outs) {
            ch.sort_unstable_by_key(|e| e.0);
            let e0 = edges.len() as u32;
            edges.extend_from_slice(&ch);
            let o0 = outs.len() as u32;
            outs.extend_from_slice(&o);
            nodes.push(Node {
                edges: (e0, edges.len() as u32),
                outs: (o0, outs.len() as u32),
            });
        }
        Lexicon {
            root,
            nodes,
            edges,
            outs,
            entries,
        }
    }

    fn child(&self, node: u32, b: u8) -> u32 {
        let (a, z) = self.nodes[node as usize].edges;
        self.edges[a as usize..z as usize]
            .iter()
            .find(|e| e.0 == b)
            .map_or(0, |e| e.1)
    }

    /// All non-overlapping hits, longest first where phrases overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit<T>> {
        let bytes = text.as_bytes();
        let mut cands: Vec<(usize, usize, T)> = Vec::new();
        let mut prev_word = false;
        for (start, &b0) in bytes.iter().enumerate() {
            let at_boundary = !prev_word;
            prev_word = is_word_byte(b0);
            if !at_boundary {
                continue;
            }
            let mut node = self.root[b0.to_ascii_lowercase() as usize];
            let mut j = start + 1;
            while node != 0 {
                let (a, z) = self.nodes[node as usize].outs;
                for &k in &self.outs[a as usize..z as usize] {
                    let (prefix, value) = self.entries[k as usize];
                    let mut end = j;
                    if prefix {
                        while end < bytes.len() && is_word_byte(bytes[end]) {
                            end += 1;
                        }
                    } else if end < bytes.len() && is_word_byte(bytes[end]) {
                        continue;
                    }
                    cands.push((start, end, value));
                }
                if j == bytes.len() {
                    break;
                }
                node = self.child(node, bytes[j].to_ascii_lowercase());
                j += 1;
            }
        }
        // Longest first, then leftmost; keep those not overlapping a kept one.
        cands.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut kept: Vec<Hit<T>> = Vec::new();
        for (s, e, v) in cands {
            if kept.iter().all(|h| e <= h.start || s >= h.end) {
                kept.push(Hit {
                    start: s,
                    end: e,
                    value: v,
                });
            }
        }
        kept.sort_by_key(|h| h.start);
        kept
    }
}

/// Letters, digits and the apostrophe-free word characters that continue a word.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

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
}
