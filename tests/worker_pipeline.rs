//! The worker end to end against a real nats-server: articles in, events out, bad input
//! to the DLQ byte for byte, duplicates suppressed.

mod common;

use common::*;
use newsevents::geo::Gazetteer;
use newsevents::input::parse_article;
use newsevents::model::{Event, EventType, EVENT_SCHEMA};
use newsevents::pipeline::extract::Extractor;
use std::collections::BTreeSet;

/// Event types the offline extractor finds in `payload`: the oracle for what the worker
/// must publish.
fn offline_types(payload: &[u8]) -> BTreeSet<EventType> {
    let article = parse_article(payload, 1 << 20, chrono::Utc::now()).expect("valid article");
    Extractor::new(Gazetteer::global())
        .extract(&article)
        .into_iter()
        .map(|c| c.event_type)
        .collect()
}

/// Parses every event message, checking subject and msg-id against the contract.
fn events(messages: &[(String, Option<async_nats::HeaderMap>, bytes::Bytes)]) -> Vec<Event> {
    messages
        .iter()
        .map(|(subject, headers, payload)| {
            let event: Event = serde_json::from_slice(payload).expect("event parses");
            assert_eq!(event.schema, EVENT_SCHEMA);
            assert_eq!(
                subject,
                &format!("news.events.v1.{}", event.event_type.subject_token())
            );
            assert_eq!(
                header(headers, "Nats-Msg-Id"),
                Some(format!("{}:{}", event.event_id, event.revision))
            );
            event
        })
        .collect()
}

async fn started_worker(
    server: &NatsServer,
    extra: &[(&str, &str)],
) -> (WorkerProcess, async_nats::jetstream::Context) {
    let worker = WorkerProcess::start(test_config(&server.url(), extra));
    let js = server.jetstream().await;
    consumer_ready(&js).await;
    (worker, js)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_article_in_events_out_and_a_second_copy_adds_nothing() {
    let server = NatsServer::start();
    let (worker, js) = started_worker(&server, &[]).await;
    let seed = std::fs::read(shared("fixtures/seed/article.json")).expect("seed article");

    publish(&js, "news.articles.en.seed", seed.clone()).await;
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    let first = events(&read_all(&js, "NEWS_EVENTS").await);
    let want = offline_types(&seed);
    assert!(!want.is_empty(), "the seed article has gold events");
    let got: BTreeSet<_> = first.iter().map(|e| e.event_type).collect();
    assert_eq!(got, want);
    for e in &first {
        assert!(
            e.sources.iter().any(|s| s.article_id == "seed-0001"),
            "{e:?}"
        );
    }
    assert!(read_all(&js, "NEWS_DLQ").await.is_empty());

    publish(&js, "news.articles.en.seed", seed).await;
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    let second = read_all(&js, "NEWS_EVENTS").await;
    assert_eq!(
        second.len(),
        first.len(),
        "the same article twice adds no revision"
    );
    worker.stop().await.expect("clean stop");
}

/// Outcome of each file of `bad_inputs` per its README: a DLQ code, or accepted.
const BAD_INPUTS: &[(&str, Option<&str>)] = &[
    ("invalid_json_truncated.json", Some("invalid_json")),
    ("invalid_json_syntax.json", Some("invalid_json")),
    ("missing_body.json", Some("missing_body")),
    ("body_null.json", Some("missing_body")),
    ("body_number.json", Some("missing_body")),
    ("too_large_3mb.json", Some("too_large")),
    ("invalid_utf8_json.bin", Some("invalid_utf8")),
    ("invalid_utf8_latin1_text.bin", Some("invalid_utf8")),
    ("empty.txt", Some("missing_body")),
    ("whitespace_only.txt", Some("missing_body")),
    ("deeply_nested_100k.json", Some("invalid_json")),
    ("deeply_nested_objects_100k.json", Some("invalid_json")),
    ("plain_text_article.txt", None),
    ("alias_text_field.json", None),
    ("alias_content_field.json", None),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_input_gets_its_contract_outcome() {
    let dir = shared("dev/corpus/bad_inputs");
    let listed: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("bad_inputs folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != "README.md")
        .collect();
    let known: BTreeSet<String> = BAD_INPUTS.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        listed, known,
        "every file of bad_inputs has an expected outcome"
    );

    let server = NatsServer::start();
    let (worker, js) = started_worker(&server, &[]).await;
    let subject = |i: usize| format!("news.articles.bad.f{i}");
    for (i, (file, _)) in BAD_INPUTS.iter().enumerate() {
        publish(
            &js,
            &subject(i),
            std::fs::read(dir.join(file)).expect("read"),
        )
        .await;
    }
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;

    let dlq = read_all(&js, "NEWS_DLQ").await;
    let published = events(&read_all(&js, "NEWS_EVENTS").await);
    for (i, (file, want)) in BAD_INPUTS.iter().enumerate() {
        let original = std::fs::read(dir.join(file)).expect("read");
        let entries: Vec<_> = dlq
            .iter()
            .filter(|(_, h, _)| header(h, "Newsevents-Subject") == Some(subject(i)))
            .collect();
        match want {
            Some(code) => {
                assert_eq!(entries.len(), 1, "{file}: one dlq message");
                let (dlq_subject, headers, payload) = entries[0];
                assert_eq!(dlq_subject, "news.dlq");
                assert_eq!(
                    header(headers, "Newsevents-Error").as_deref(),
                    Some(*code),
                    "{file}"
                );
                assert!(header(headers, "Newsevents-Error-Detail").is_some_and(|d| !d.is_empty()));
                assert_eq!(
                    header(headers, "Newsevents-Delivery-Count").as_deref(),
                    Some("1")
                );
                assert!(
                    payload[..] == original[..],
                    "{file}: dlq payload is byte-identical"
                );
            }
            None => {
                assert!(entries.is_empty(), "{file}: accepted, not dead-lettered");
                let want_types = offline_types(&original);
                assert!(
                    !want_types.is_empty(),
                    "{file}: the corpus lists its events"
                );
                let article = parse_article(&original, 1 << 20, chrono::Utc::now()).expect("ok");
                let got: BTreeSet<_> = published
                    .iter()
                    .filter(|e| e.sources.iter().any(|s| s.article_id == article.id))
                    .map(|e| e.event_type)
                    .collect();
                assert_eq!(got, want_types, "{file}");
            }
        }
    }
    worker.stop().await.expect("clean stop");
}
