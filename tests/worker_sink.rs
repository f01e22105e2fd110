//! The event sink against a real nats-server: subject per type, `Nats-Msg-Id` per
//! revision, and a re-published revision stored once.

mod common;

use common::*;
use newsevents::model::Event;
use newsevents::nats::{setup, sink::Sink};

/// The example events that parse as this version of `model::Event`.
fn example_events() -> Vec<Event> {
    std::fs::read_to_string(shared("dev/example_events.jsonl"))
        .expect("example events")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revisions_land_on_their_subjects_once_each() {
    let server = NatsServer::start();
    let cfg = test_config(&server.url(), &[]);
    let js = server.jetstream().await;
    setup::ensure(&js, &cfg)
        .await
        .expect("streams and consumer");
    let examples = example_events();
    assert!(examples.len() >= 2);
    let sink = Sink::new(js.clone(), &cfg.streams.events_prefix, 4);

    sink.publish(&examples).await.expect("published");
    // Redelivery of the same article publishes the same revisions again: dropped.
    sink.publish(&examples).await.expect("republished");

    let stored = read_all(&js, "NEWS_EVENTS").await;
    let mut want_ids: Vec<String> = examples.iter().map(Event::msg_id).collect();
    want_ids.sort();
    want_ids.dedup();
    assert_eq!(stored.len(), want_ids.len(), "one message per revision");
    for (subject, headers, payload) in &stored {
        let event: Event = serde_json::from_slice(payload).expect("event parses");
        assert_eq!(subject, &sink.subject(&event));
        assert!(subject.starts_with("news.events.v1."));
        assert_eq!(header(headers, "Nats-Msg-Id"), Some(event.msg_id()));
        assert!(examples.contains(&event), "payload round-trips");
    }
}
