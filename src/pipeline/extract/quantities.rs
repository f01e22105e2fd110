//! Counted things of an event other than its casualties: prisoners exchanged, drones
//! launched, trucks delivered, people abducted. Reading is `numbers::quantities` and
//! `numbers::casualty_counts`; this module turns them into the contract's `quantities`.

use super::numbers::{counts, CountKind, SentenceCounts};
use crate::model::Quantity;

/// Quantities of one sentence, abductions included ("23 villagers abducted" gives
/// `{"what": "people abducted", "count": 23}`).
pub fn find(sentence: &str) -> Vec<Quantity> {
    of_counts(&counts(sentence))
}

/// [`find`] from the sentence's counts already read (`numbers::counts`).
pub fn of_counts(counts: &SentenceCounts) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = counts
        .quantities
        .iter()
        .filter(|q| q.count > 0)
        .map(|q| Quantity {
            what: q.what.clone(),
            count: q.count,
        })
        .collect();
    for m in &counts.casualties {
        if let (CountKind::Abducted, Some(n)) = (m.kind, m.value) {
            if n > 0 && !out.iter().any(|q| q.count == u64::from(n)) {
                out.push(Quantity {
                    what: "people abducted".to_string(),
                    count: u64::from(n),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_of_real_sentences() {
        let cases: &[(&str, &[u64])] = &[
            ("The two sides exchanged 175 prisoners of war each.", &[175]),
            (
                "Russia launched 40 drones overnight, of which 31 were shot down.",
                &[40],
            ),
            ("Gunmen abducted 23 villagers in Zamfara state.", &[23]),
            ("Three people were killed in the attack.", &[]),
            (
                "The convoy was attacked, two security sources told Example Wire.",
                &[],
            ),
        ];
        for (s, want) in cases {
            let got: Vec<u64> = find(s).iter().map(|q| q.count).collect();
            for w in *want {
                assert!(got.contains(w), "{s}: {got:?}");
            }
            if want.is_empty() {
                assert!(got.is_empty(), "{s}: {got:?}");
            }
        }
    }
}
