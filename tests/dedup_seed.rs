//! The seed article published three times: as is, with a new id (same body), and with an
//! edited headline and one changed sentence. Exactly the seed's events come out: revision
//! 1 for the first copy, nothing for the exact duplicate, revision 2 with a second source
//! and mention for the syndicated copy. Run in memory and against the KV store.

mod common;

use common::NatsServer;
use newsevents::dedup::{DedupConfig, Deduper};
use newsevents::model::{
    Actor, ActorRole, Article, Candidate, Casualties, DatePrecision, Event, EventDate, EventStatus,
    EventType, Evidence, Location, LocationPrecision,
};
use newsevents::nats::state::{EventStore, StateConfig};

fn seed() -> Article {
    let raw = std::fs::read(common::shared("fixtures/seed/article.json")).expect("seed");
    serde_json::from_slice(&raw).expect("seed article")
}

fn place(name: &str, admin1: Option<&str>, country: &str, p: LocationPrecision) -> Location {
    Location {
        name: name.into(),
        admin1: admin1.map(Into::into),
        admin2: None,
        country: country.into(),
        lat: None,
        lon: None,
        geonameid: None,
        precision: p,
        text: name.into(),
    }
}

fn actor(role: ActorRole, country: &str) -> Actor {
    Actor {
        role,
        text: country.into(),
        country: Some(country.into()),
        sector: None,
        name: None,
    }
}

/// Type, mode, place, figures, evidence text, distinct.
type Row = (
    EventType,
    Option<&'static str>,
    Location,
    Casualties,
    &'static str,
    bool,
);

/// The seed's events as extraction should find them, with evidence located in `body`.
fn candidates(a: &Article) -> Vec<Candidate> {
    use LocationPrecision::{Admin1, City};
    let day = EventDate {
        value: chrono::NaiveDate::from_ymd_opt(2025, 7, 24).expect("date"),
        precision: DatePrecision::Day,
        text: "early Thursday morning".into(),
    };
    let rows: Vec<Row> = vec![
        (
            EventType::Assault,
            Some("drone"),
            place("Kharkiv Oblast", Some("Kharkiv Oblast"), "UA", Admin1),
            Casualties {
                killed: Some(3),
                ..Default::default()
            },
            "three bodies discovered under the ruins",
            false,
        ),
        (
            EventType::Assault,
            Some("drone"),
            place("Cherkasy", Some("Cherkasy Oblast"), "UA", City),
            Casualties {
                vague: vec!["injured".into()],
                ..Default::default()
            },
            "several injuries were reported in Cherkasy",
            false,
        ),
        (
            EventType::Assault,
            Some("drone"),
            place("Zaporizhzhia", Some("Zaporizhzhia Oblast"), "UA", City),
            Casualties {
                vague: vec!["injured".into()],
                ..Default::default()
            },
            "several injuries were reported in Cherkasy and Zaporizhzhia",
            false,
        ),
        (
            EventType::Assault,
            Some("drone"),
            place("Odesa", Some("Odesa Oblast"), "UA", City),
            Casualties::default(),
            "Pryvoz market in Odesa was struck",
            false,
        ),
        (
            EventType::Assault,
            Some("drone"),
            place("Sochi", Some("Krasnodar Krai"), "RU", City),
            Casualties {
                killed: Some(2),
                injured: Some(11),
                ..Default::default()
            },
            "Ukrainian drone attack targeting Sochi",
            false,
        ),
        (
            EventType::Assault,
            None,
            place("Kharkiv", Some("Kharkiv Oblast"), "UA", City),
            Casualties {
                injured: Some(33),
                ..Default::default()
            },
            "another assault on Kharkiv resulted in 33 people injured",
            true,
        ),
        (
            EventType::Consult,
            Some("multilateral"),
            place("Istanbul", Some("Istanbul"), "TR", City),
            Casualties::default(),
            "Delegations from both sides met in Istanbul",
            false,
        ),
        (
            EventType::Accuse,
            Some("allege"),
            place("Ukraine", None, "UA", LocationPrecision::Country),
            Casualties::default(),
            "both sides accused each other of obstructing progress",
            false,
        ),
    ];
    rows.into_iter()
        .map(|(ty, mode, loc, cas, needle, distinct)| {
            let start = a.body.find(needle).expect("evidence in body");
            let end = start + needle.len();
            Candidate {
                event_type: ty,
                mode: mode.map(Into::into),
                acled: None,
                summary: format!("{} in {}", ty.as_str(), loc.name),
                actors: vec![
                    actor(ActorRole::Source, "RUS"),
                    actor(ActorRole::Target, "UKR"),
                ],
                location: Some(loc),
                date: Some(day.clone()),
                casualties: cas,
                quantities: vec![],
                evidence: Evidence {
                    article_id: a.id.clone(),
                    sentence: needle.into(),
                    start,
                    end,
                },
                confidence: 0.8,
                distinct,
                back_reference: false,
            }
        })
        .collect()
}

/// The three publications, in order.
fn publications() -> [Article; 3] {
    let original = seed();
    let mut same_body = original.clone();
    same_body.id = "seed-0001-reissue".into();
    same_body.published_at += chrono::Duration::minutes(20);
    let mut edited = original.clone();
    edited.id = "seed-0001-syndicated".into();
    edited.source = Some("Other Outlet".into());
    edited.published_at += chrono::Duration::minutes(90);
    edited.title = Some("Drone strikes follow failed Istanbul talks".into());
    edited.body = original
        .body
        .replace(
            "**Escalating Drone Strikes Mark Failed Ceasefire Talks between Russia and Ukraine**",
            "**Drone strikes follow failed Istanbul talks**",
        )
        .replacen(
            "The ceasefire attempts appeared to have yielded limited success.",
            "The talks in Istanbul produced little beyond a prisoner swap.",
            1,
        );
    assert_ne!(edited.body, original.body);
    [original, same_body, edited]
}

fn check(outputs: &[Vec<Event>; 3], finals: &[Event]) {
    let n = candidates(&seed()).len();
    assert_eq!(outputs[0].len(), n, "one event per seed incident");
    assert!(outputs[0]
        .iter()
        .all(|e| e.revision == 1 && e.status == EventStatus::New));
    assert!(
        outputs[1].is_empty(),
        "the exact duplicate publishes nothing"
    );
    assert_eq!(
        outputs[2].len(),
        n,
        "the syndicated copy updates every event"
    );
    for e in &outputs[2] {
        assert_eq!(
            (e.revision, e.status, e.mentions),
            (2, EventStatus::Updated, 2)
        );
        let ids: Vec<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
        assert_eq!(ids, ["seed-0001", "seed-0001-syndicated"]);
    }
    assert_eq!(finals.len(), n, "no new events from the copies");
    let kharkiv: Vec<_> = finals
        .iter()
        .filter(|e| {
            e.location
                .as_ref()
                .is_some_and(|l| l.name.starts_with("Kharkiv"))
        })
        .collect();
    assert_eq!(kharkiv.len(), 2, "the two Kharkiv attacks stay apart");
}

#[test]
fn seed_three_times_in_memory() {
    let mut d = Deduper::new(DedupConfig::default());
    let outputs = publications().map(|a| {
        let c = candidates(&a);
        d.apply(&a, c, a.published_at)
    });
    let finals: Vec<Event> = d.events().cloned().collect();
    check(&outputs, &finals);
    if let Ok(path) = std::env::var("DEDUP_SEED_OUT") {
        let lines: Vec<String> = finals
            .iter()
            .map(|e| serde_json::to_string(e).expect("json"))
            .collect();
        std::fs::write(path, lines.join("\n") + "\n").expect("write");
    }
}

#[tokio::test]
async fn seed_three_times_in_kv() {
    let server = NatsServer::start();
    let js = server.jetstream().await;
    let cfg = StateConfig {
        bucket: "seed".into(),
        ..StateConfig::default()
    };
    let store = EventStore::open(&js, &cfg, DedupConfig::default())
        .await
        .expect("open");
    let mut outputs: [Vec<Event>; 3] = Default::default();
    for (i, a) in publications().into_iter().enumerate() {
        let applied = store
            .apply(&a, candidates(&a), a.published_at)
            .await
            .expect("apply");
        assert_eq!(applied.duplicate, i == 1);
        assert_eq!(applied.near_duplicate, i == 2);
        store.commit(&a, &applied).await.expect("commit");
        outputs[i] = applied.revisions;
    }
    let finals = store.events().await.expect("events");
    check(&outputs, &finals);
}
