//! Tests of the near-duplicate window: a syndicated copy is published close to its
//! original; the same text rerun weeks later is a new report.

use super::*;

fn article(id: &str, published: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        url: None,
        title: None,
        body: body.into(),
        published_at: crate::input::parse_time(published).expect("test time"),
        source: Some("Test Wire".into()),
        language: Some("en".into()),
    }
}

const BODY: &str = "Police in Lagos said on Tuesday that at least 23 people were \
    abducted by gunmen who stormed a village near the highway overnight. Residents said \
    the attackers arrived on motorcycles and fired into the air before leading the \
    villagers away. Kidnappings for ransom are common in the region, officials said.";

#[test]
fn copies_count_as_near_duplicates_only_within_the_window() {
    // (id, published_at, marker appended, near-duplicate of an earlier one?)
    let feed = [
        ("orig", "2025-03-10T09:00:00Z", "", false),
        ("wire-copy", "2025-03-11T08:00:00Z", " (Copy A.)", true),
        ("rerun", "2025-04-19T09:00:00Z", " (Copy B.)", false),
        ("rerun-copy", "2025-04-20T09:00:00Z", " (Copy C.)", true),
        ("late", "2025-06-01T09:00:00Z", " (Copy D.)", false),
    ];
    let mut d = Deduper::new(DedupConfig::default());
    for (id, at, marker, want) in feed {
        let a = article(id, at, &format!("{BODY}{marker}"));
        let before = d.stats().near_duplicates;
        d.apply(&a, Vec::new(), a.published_at);
        assert_eq!(d.stats().near_duplicates - before == 1, want, "{id}");
    }
}

#[test]
fn pick_original_skips_articles_outside_the_window() {
    let cfg = DedupConfig::default();
    let sig = Signature::of(BODY, cfg.minhash_bands, cfg.minhash_rows);
    let at = |s: &str| crate::input::parse_time(s).expect("test time");
    let now = at("2025-03-10T09:00:00Z");
    let cases = [
        (Some(at("2025-03-09T09:00:00Z")), Some("k")),
        (Some(at("2025-02-01T09:00:00Z")), None),
        (None, Some("k")),
    ];
    for (published, want) in cases {
        let got = pick_original(&cfg, &sig, now, [("k", &sig, published)]);
        assert_eq!(got, want, "{published:?}");
    }
}
