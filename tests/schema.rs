//! The JSON Schemas in `schema/` against the contract: its examples, the shared fixtures,
//! events serialized from [`newsevents::model::Event`], and payloads that must fail.

use chrono::{NaiveDate, TimeZone, Utc};
use jsonschema::Validator;
use newsevents::input::{parse_article, InputError};
use newsevents::model::{
    Acled, Actor, ActorRole, Casualties, DatePrecision, Event, EventDate, EventStatus, EventType,
    Evidence, Location, LocationPrecision, Quantity, SourceRef, EVENT_SCHEMA,
};
use newsevents::nats::dlq;
use serde_json::{json, Value};
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout (CI clones it there), or `NEWSEVENTS_SHARED`.
fn shared() -> PathBuf {
    let dir = std::env::var_os("NEWSEVENTS_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    assert!(
        dir.join("CONTRACT.md").is_file(),
        "shared material not found at {} (set NEWSEVENTS_SHARED)",
        dir.display()
    );
    dir
}

fn load_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn validator(name: &str) -> Validator {
    let schema = load_json(repo().join("schema").join(name));
    jsonschema::draft202012::meta::validate(&schema)
        .unwrap_or_else(|e| panic!("{name} is not a valid 2020-12 schema: {e}"));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assert_valid(v: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what} fails the schema: {errors:#?}");
}

/// The ```json blocks of CONTRACT.md, in order: the article, then the event.
fn contract_examples() -> Vec<Value> {
    let text = std::fs::read_to_string(shared().join("CONTRACT.md")).expect("CONTRACT.md");
    let mut blocks = Vec::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find("```json\n") {
        let after = &rest[start + 8..];
        let end = after
            .find("```")
            .expect("unterminated code block in CONTRACT.md");
        blocks.push(serde_json::from_str(&after[..end]).expect("contract example is json"));
        rest = &after[end..];
    }
    blocks
}

fn contract_event() -> Value {
    contract_examples()
        .into_iter()
        .find(|b| b.get("schema").is_some())
        .expect("CONTRACT.md has an event example")
}

fn model_event() -> Event {
    let t = |h, m, s| Utc.with_ymd_and_hms(2025, 7, 24, h, m, s).unwrap();
    Event {
        schema: EVENT_SCHEMA.into(),
        event_id: "ev_3f9a1c0d2b7e4a51".into(),
        revision: 2,
        status: EventStatus::Updated,
        event_type: EventType::Assault,
        mode: Some("drone".into()),
        acled: Some(Acled {
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Air/drone strike".into(),
        }),
        summary: "Ukrainian drone attack on Sochi, Krasnodar Krai, Russia: 2 killed".into(),
        actors: vec![
            Actor {
                role: ActorRole::Source,
                text: "Ukrainian".into(),
                country: Some("UKR".into()),
                sector: Some("MIL".into()),
                name: None,
            },
            Actor {
                role: ActorRole::Target,
                text: "Sochi".into(),
                country: Some("RUS".into()),
                sector: None,
                name: None,
            },
        ],
        location: Some(Location {
            name: "Sochi".into(),
            admin1: Some("Krasnodar Krai".into()),
            admin2: None,
            country: "RU".into(),
            lat: Some(43.59699),
            lon: Some(39.72477),
            geonameid: Some(491422),
            precision: LocationPrecision::City,
            text: "Sochi".into(),
        }),
        date: Some(EventDate {
            value: NaiveDate::from_ymd_opt(2025, 7, 24).unwrap(),
            precision: DatePrecision::Day,
            text: "early Thursday morning".into(),
        }),
        casualties: Casualties {
            killed: Some(2),
            injured: None,
            missing: None,
            arrested: None,
            vague: vec!["injured".into()],
        },
        quantities: vec![Quantity {
            what: "drones".into(),
            count: 90,
        }],
        evidence: vec![Evidence {
            article_id: "seed-0001".into(),
            sentence: "Officials in Russia reported two fatalities in Sochi.".into(),
            start: 1402,
            end: 1455,
        }],
        sources: vec![SourceRef {
            article_id: "seed-0001".into(),
            url: None,
            source: Some("Example Wire".into()),
            published_at: t(10, 0, 0),
        }],
        mentions: 3,
        confidence: 0.82,
        first_seen: t(10, 0, 2),
        last_seen: t(11, 40, 19),
    }
}

#[test]
fn schemas_are_valid_2020_12() {
    for name in ["event.v1.json", "article.v1.json", "dlq-headers.v1.json"] {
        validator(name);
    }
}

#[test]
fn contract_examples_validate() {
    let blocks = contract_examples();
    assert_eq!(
        blocks.len(),
        2,
        "CONTRACT.md has one article and one event example"
    );
    assert_valid(
        &validator("article.v1.json"),
        &blocks[0],
        "contract article",
    );
    assert_valid(
        &validator("event.v1.json"),
        &contract_event(),
        "contract event",
    );
}

#[test]
fn seed_article_validates() {
    let article = load_json(shared().join("fixtures/seed/article.json"));
    assert_valid(&validator("article.v1.json"), &article, "seed article.json");
}

#[test]
fn dev_corpus_articles_validate() {
    let v = validator("article.v1.json");
    let text = std::fs::read_to_string(shared().join("dev/corpus/articles.jsonl")).unwrap();
    let mut n = 0;
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_valid(&v, &value, &format!("articles.jsonl line {}", i + 1));
        n += 1;
    }
    assert_eq!(n, 72);
}

#[test]
fn example_events_validate() {
    let v = validator("event.v1.json");
    let text = std::fs::read_to_string(shared().join("dev/example_events.jsonl")).unwrap();
    let mut n = 0;
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_valid(&v, &value, &format!("example_events.jsonl line {}", i + 1));
        n += 1;
    }
    assert!(n >= 10, "only {n} example events");
}

#[test]
fn model_event_serializes_to_valid_json_and_back() {
    let v = validator("event.v1.json");
    let event = model_event();
    let value = serde_json::to_value(&event).unwrap();
    assert_valid(&v, &value, "serialized model::Event");

    // The nullable shapes the model can produce validate too.
    let mut bare = event.clone();
    bare.revision = 1;
    bare.status = EventStatus::New;
    bare.mode = None;
    bare.acled = None;
    bare.location = None;
    bare.date = None;
    bare.casualties = Casualties::default();
    bare.actors.clear();
    bare.quantities.clear();
    assert_valid(
        &v,
        &serde_json::to_value(&bare).unwrap(),
        "event with nulls",
    );

    let back: Event = serde_json::from_value(value).unwrap();
    assert_eq!(back, event);
}

#[test]
fn every_model_enum_value_is_in_the_schema() {
    let v = validator("event.v1.json");
    let base = serde_json::to_value(model_event()).unwrap();
    for t in EventType::ALL {
        let mut e = base.clone();
        e["type"] = json!(t.as_str());
        assert_valid(&v, &e, t.as_str());
    }
    for p in [
        LocationPrecision::Point,
        LocationPrecision::City,
        LocationPrecision::Admin2,
        LocationPrecision::Admin1,
        LocationPrecision::Country,
    ] {
        let mut event = model_event();
        event.location.as_mut().unwrap().precision = p;
        assert_valid(
            &v,
            &serde_json::to_value(&event).unwrap(),
            &format!("{p:?}"),
        );
    }
    for p in [
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Year,
    ] {
        let mut event = model_event();
        event.date.as_mut().unwrap().precision = p;
        assert_valid(
            &v,
            &serde_json::to_value(&event).unwrap(),
            &format!("{p:?}"),
        );
    }
    for r in [ActorRole::Source, ActorRole::Target, ActorRole::Other] {
        let mut event = model_event();
        event.actors[0].role = r;
        assert_valid(
            &v,
            &serde_json::to_value(&event).unwrap(),
            &format!("{r:?}"),
        );
    }
}

/// Each mutation of the contract's event must be rejected.
#[test]
fn invalid_events_fail() {
    let v = validator("event.v1.json");
    let base = contract_event();
    type Mutation = (&'static str, fn(&mut Value));
    let cases: &[Mutation] = &[
        ("missing event_id", |e| {
            e.as_object_mut().unwrap().remove("event_id");
        }),
        ("missing casualties", |e| {
            e.as_object_mut().unwrap().remove("casualties");
        }),
        ("missing location key", |e| {
            e.as_object_mut().unwrap().remove("location");
        }),
        ("lower-case type", |e| e["type"] = json!("assault")),
        ("type not in PLOVER", |e| e["type"] = json!("BOMBING")),
        ("bad status", |e| e["status"] = json!("revised")),
        ("revision 0", |e| e["revision"] = json!(0)),
        ("wrong schema tag", |e| {
            e["schema"] = json!("newsevents.event/v2")
        }),
        ("actor role", |e| e["actors"][0]["role"] = json!("victim")),
        ("actor country alpha-2", |e| {
            e["actors"][0]["country"] = json!("UA")
        }),
        ("location country alpha-3", |e| {
            e["location"]["country"] = json!("RUS")
        }),
        ("location precision", |e| {
            e["location"]["precision"] = json!("street")
        }),
        ("location missing admin2", |e| {
            e["location"].as_object_mut().unwrap().remove("admin2");
        }),
        ("latitude out of range", |e| {
            e["location"]["lat"] = json!(123.4)
        }),
        ("date precision", |e| e["date"]["precision"] = json!("hour")),
        ("date not a date", |e| {
            e["date"]["value"] = json!("24/07/2025")
        }),
        ("negative killed", |e| e["casualties"]["killed"] = json!(-1)),
        ("killed as text", |e| {
            e["casualties"]["killed"] = json!("two")
        }),
        ("vague kind", |e| e["casualties"]["vague"] = json!(["many"])),
        (
            "acled sub-type under wrong type",
            |e| {
                e["acled"] = json!({"event_type": "Protests", "sub_event_type": "Air/drone strike"})
            },
        ),
        ("acled unknown sub-type", |e| {
            e["acled"]["sub_event_type"] = json!("Drone strike")
        }),
        ("confidence above 1", |e| e["confidence"] = json!(1.5)),
        ("first_seen not a time", |e| {
            e["first_seen"] = json!("yesterday")
        }),
        ("no sources", |e| e["sources"] = json!([])),
        ("evidence offset negative", |e| {
            e["evidence"][0]["start"] = json!(-3)
        }),
    ];
    for (what, mutate) in cases {
        let mut e = base.clone();
        mutate(&mut e);
        assert!(!v.is_valid(&e), "schema accepts an event with {what}");
    }
}

/// Every file of `bad_inputs/` that is JSON: the schema agrees with the worker's input
/// validation (`input::parse_article`) on accept/reject.
#[test]
fn bad_inputs_agree_with_input_validation() {
    let v = validator("article.v1.json");
    let dir = shared().join("dev/corpus/bad_inputs");
    let now = Utc::now();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".json") || name.starts_with("too_large") {
            continue; // size limits are configuration, not schema
        }
        let bytes = std::fs::read(&path).unwrap();
        let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
            continue; // not json at all: outside what a schema can say
        };
        let worker = parse_article(&bytes, 1 << 20, now);
        assert_eq!(
            v.is_valid(&value),
            worker.is_ok(),
            "{name}: schema and worker disagree (worker: {worker:?})"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} json bad inputs checked");
}

#[test]
fn invalid_articles_fail() {
    let v = validator("article.v1.json");
    let cases = [
        ("no body", json!({"id": "a", "title": "t"})),
        ("body null", json!({"body": null})),
        ("body a number", json!({"body": 12345})),
        ("body blank", json!({"body": " \n\t"})),
        ("alias blank", json!({"text": "   "})),
        ("not an object", json!(["body"])),
        (
            "published_at not a time",
            json!({"body": "b", "published_at": "Thursday"}),
        ),
        ("url a number", json!({"body": "b", "url": 3})),
    ];
    for (what, article) in cases {
        assert!(
            !v.is_valid(&article),
            "schema accepts an article with {what}"
        );
        // where the worker rejects too, it rejects with missing_body
        if let Err(e) = parse_article(article.to_string().as_bytes(), 1 << 20, Utc::now()) {
            assert_eq!(e.code(), "missing_body", "{what}");
        }
    }
}

#[test]
fn dlq_codes_match_input_errors() {
    let schema = load_json(repo().join("schema/dlq-headers.v1.json"));
    let codes: Vec<&str> = schema["properties"]["Newsevents-Error"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for code in InputError::CODES {
        assert!(codes.contains(&code), "dlq schema lacks input code {code}");
    }
    for code in [dlq::PROCESSING_FAILED, dlq::INTERNAL_ERROR] {
        assert!(codes.contains(&code), "dlq schema lacks worker code {code}");
    }
    let described = schema["properties"].as_object().unwrap();
    for header in [
        dlq::HEADER_ERROR,
        dlq::HEADER_DETAIL,
        dlq::HEADER_DELIVERY_COUNT,
        dlq::HEADER_SUBJECT,
        dlq::HEADER_ARTICLE_ID,
    ] {
        assert!(
            described.contains_key(header),
            "dlq schema lacks header {header}"
        );
    }
    let v = validator("dlq-headers.v1.json");
    let too_large = InputError::TooLarge {
        size: 3_000_000,
        limit: 1 << 20,
    };
    let headers = json!({
        "Newsevents-Error": too_large.code(),
        "Newsevents-Error-Detail": too_large.to_string(),
    });
    assert_valid(&v, &headers, "dlq headers of a too_large payload");
    assert!(!v.is_valid(&json!({"Newsevents-Error": "oops", "Newsevents-Error-Detail": "x"})));
    assert!(!v.is_valid(&json!({"Newsevents-Error": "invalid_json"})));
}

/// Every revision the real pipeline (extract + dedup) publishes for the seed and the dev
/// corpus validates: the schema and the code agree on real output, not only on examples.
#[test]
fn pipeline_output_validates() {
    use newsevents::dedup::{DedupConfig, Deduper};
    use newsevents::geo::Gazetteer;
    use newsevents::pipeline::extract::Extractor;
    let v = validator("event.v1.json");
    let extractor = Extractor::new(Gazetteer::global());
    let mut dedup = Deduper::new(DedupConfig::default());
    let mut inputs = vec![std::fs::read(shared().join("fixtures/seed/article.json")).unwrap()];
    let corpus = std::fs::read_to_string(shared().join("dev/corpus/articles.jsonl")).unwrap();
    inputs.extend(corpus.lines().map(|l| l.as_bytes().to_vec()));
    let mut revisions = 0;
    for payload in inputs {
        let article = parse_article(&payload, 1 << 20, Utc::now()).expect("valid article");
        let candidates = extractor.extract(&article);
        for event in dedup.apply(&article, candidates, article.published_at) {
            let value = serde_json::to_value(&event).unwrap();
            assert_valid(
                &v,
                &value,
                &format!("{} rev {}", event.event_id, event.revision),
            );
            revisions += 1;
        }
    }
    assert!(
        revisions >= 50,
        "only {revisions} revisions from 73 articles"
    );
}
