//! Hostile input through the pure core: random bytes, random JSON and random news-like
//! text through `input::parse_article` and `Extractor::extract` never panic and finish in
//! bounded time; pathological payloads (1 MB sentence, 100k numbers, 10k place names,
//! deep nesting) finish within a generous bound or are rejected `too_large`.
//!
//! Cases per property: proptest's default (256) or `PROPTEST_CASES`, e.g.
//! `PROPTEST_CASES=20000 cargo test --release --test fuzz_input` for a longer run.

use newsevents::geo::Gazetteer;
use newsevents::input::parse_article;
use newsevents::model::Article;
use newsevents::pipeline::extract::Extractor;
use proptest::prelude::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The worker's default payload limit.
const LIMIT: usize = 1 << 20;
/// Debug builds are slow: a generous bound that still catches runaway work.
const SLOW: Duration = Duration::from_secs(10);

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::global()))
}

fn published() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_753_351_200, 0).unwrap_or_default()
}

/// Parses and, when accepted, extracts; returns how long it took.
fn ingest(payload: &[u8]) -> Duration {
    let start = Instant::now();
    if let Ok(article) = parse_article(payload, LIMIT, published()) {
        assert!(
            !article.body.trim().is_empty(),
            "accepted article has a body"
        );
        let candidates = extractor().extract(&article);
        for c in &candidates {
            let e = &c.evidence;
            assert!(e.start <= e.end && e.end <= article.body.len(), "{e:?}");
        }
    }
    start.elapsed()
}

fn article(body: String) -> Article {
    Article {
        id: "fuzz".into(),
        url: None,
        title: None,
        body,
        published_at: published(),
        source: None,
        language: Some("en".into()),
    }
}

/// Words of the dev corpus plus numbers, places and punctuation that steer extraction.
fn vocabulary() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/dev/corpus/articles.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '"' || c == '\\')
        .filter(|w| !w.is_empty() && w.len() < 30)
        .map(str::to_string)
        .collect();
    words.sort();
    words.dedup();
    for extra in [
        "killed",
        "injured",
        "two",
        "dozens",
        "1,200",
        "-3",
        "99999999999999999999",
        ".",
        ",",
        ";",
        "\"",
        "(",
        ")",
        "—",
        "Mr.",
        "U.S.",
        "Kyiv",
        "Gaza",
        "Sochi",
        "on",
        "Monday",
        "last",
        "week",
        "\n\n",
        "é",
        "\u{200b}",
        "Dr.",
        "No.",
        "at",
        "least",
    ] {
        words.push(extra.to_string());
    }
    words
}

fn news_text() -> impl Strategy<Value = String> {
    static VOCAB: OnceLock<Vec<String>> = OnceLock::new();
    let vocab = VOCAB.get_or_init(vocabulary).clone();
    prop::collection::vec(prop::sample::select(vocab), 0..600).prop_map(|w| w.join(" "))
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,80}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("id".to_string()),
                    Just("body".to_string()),
                    Just("text".to_string()),
                    Just("content".to_string()),
                    Just("published_at".to_string()),
                    Just("url".to_string()),
                    "[a-z_]{1,10}".prop_map(String::from),
                ],
                inner,
                0..8
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(ingest(&bytes) < SLOW);
    }

    #[test]
    fn random_json_never_panics(value in json_value()) {
        let payload = serde_json::to_vec(&value).unwrap_or_default();
        prop_assert!(ingest(&payload) < SLOW);
    }

    #[test]
    fn random_articles_with_news_text_never_panic(
        body in news_text(),
        date in prop_oneof![Just("2025-07-24T10:00:00Z".to_string()), ".{0,30}"],
        id in prop::option::of(".{0,200}"),
    ) {
        let mut obj = serde_json::json!({"body": body, "published_at": date});
        if let Some(id) = id {
            obj["id"] = serde_json::Value::String(id);
        }
        let payload = serde_json::to_vec(&obj).unwrap_or_default();
        prop_assert!(ingest(&payload) < SLOW);
    }

    #[test]
    fn news_text_straight_into_the_extractor_never_panics(body in news_text()) {
        let start = Instant::now();
        let _ = extractor().extract(&article(body));
        prop_assert!(start.elapsed() < SLOW);
    }
}

/// Pathological payloads: each finishes under `SLOW` (debug build) with its outcome.
#[test]
fn pathological_payloads_finish_in_bounded_time_or_are_too_large() {
    let places = [
        "Kyiv",
        "Kharkiv",
        "Odesa",
        "Sochi",
        "Gaza",
        "Rafah",
        "Khan Younis",
        "Beirut",
        "Damascus",
        "Aleppo",
        "Baghdad",
        "Mosul",
        "Kabul",
        "Khartoum",
        "El Fasher",
        "Mogadishu",
        "Lagos",
        "Maiduguri",
        "Goma",
        "Bamako",
        "Paris",
        "London",
        "Istanbul",
        "Tehran",
        "Karachi",
    ];
    let mut ten_k_places = String::from("Shelling was reported in ");
    for i in 0..10_000 {
        ten_k_places.push_str(places[i % places.len()]);
        ten_k_places.push_str(", ");
    }
    ten_k_places.push_str("officials said.");
    let mut numbers = String::from("The ministry said ");
    for i in 0..100_000u64 {
        numbers.push_str(&format!("{} killed, ", i * 7919 % 100_000));
    }
    let sentence = {
        let clause = "a drone struck a fuel depot near Sochi and two people were killed and ";
        let mut s = String::from("Officials said that ");
        while s.len() < 1_000_000 {
            s.push_str(clause);
        }
        s
    };
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let nested_obj = |depth: usize| format!("{}1{}", "{\"body\":".repeat(depth), "}".repeat(depth));
    let json =
        |body: &str| serde_json::to_vec(&serde_json::json!({ "body": body })).unwrap_or_default();
    let cases: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("1 MB single sentence", json(&sentence), None),
        (
            "100k numbers (over 1 MB)",
            json(&numbers),
            Some("too_large"),
        ),
        (
            "100k numbers, plain text under the limit",
            numbers.as_bytes()[..LIMIT - 1].to_vec(),
            None,
        ),
        ("10k place names", json(&ten_k_places), None),
        (
            "nested arrays 100k",
            nested(100_000).into_bytes(),
            Some("invalid_json"),
        ),
        (
            "nested arrays 600k (over 1 MB)",
            nested(600_000).into_bytes(),
            Some("too_large"),
        ),
        (
            "nested objects 50k",
            nested_obj(50_000).into_bytes(),
            Some("invalid_json"),
        ),
        (
            "nested objects 5k",
            nested_obj(5_000).into_bytes(),
            Some("invalid_json"),
        ),
        ("3 MB garbage", vec![b'{'; 3_000_000], Some("too_large")),
        ("1 MB of nul", vec![0u8; LIMIT], None),
    ];
    for (name, payload, want) in cases {
        let start = Instant::now();
        let got = match parse_article(&payload, LIMIT, published()) {
            Ok(a) => {
                let _ = extractor().extract(&a);
                None
            }
            Err(e) => Some(e.code()),
        };
        let took = start.elapsed();
        eprintln!("{name}: {} bytes, {got:?}, {took:?}", payload.len());
        assert_eq!(got, want, "{name}");
        assert!(took < SLOW, "{name} took {took:?}");
    }
}

/// The size limit is checked before any parsing: a payload one byte over is rejected as
/// `too_large` whatever it holds, and at once.
#[test]
fn payload_size_is_enforced_before_parsing() {
    let limit = 4096;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("invalid utf-8", vec![0xff; limit + 1]),
        ("invalid json", vec![b'['; limit + 1]),
        ("valid article", {
            let mut v = br#"{"body":""#.to_vec();
            v.resize(limit - 1, b'a');
            v.extend_from_slice(br#""}"#);
            v
        }),
    ];
    for (name, payload) in cases {
        assert_eq!(payload.len(), limit + 1, "{name}");
        let start = Instant::now();
        let err = parse_article(&payload, limit, published()).expect_err(name);
        assert_eq!(err.code(), "too_large", "{name}");
        assert!(start.elapsed() < Duration::from_millis(50), "{name}");
        assert!(parse_article(&payload[..limit], limit, published())
            .err()
            .is_none_or(|e| e.code() != "too_large"));
    }
}
