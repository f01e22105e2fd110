//! Replicas: three workers bound to one durable consumer, fed the dev corpus at once, end
//! with the events one worker ends with (the same incidents with the same final facts,
//! under the same ids), each `event_id:revision` published once and none skipped. (A
//! restarted worker keeping its state: `tests/dedup_kv.rs`, `tests/worker_recovery.rs`.)

mod common;

use common::*;
use newsevents::model::Event;
use std::collections::{BTreeMap, BTreeSet};

/// The dev corpus articles, one payload each, in publication order.
fn corpus() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(shared("dev/corpus/articles.jsonl")).expect("corpus");
    let mut rows: Vec<(String, Vec<u8>)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json line");
            let at = v["published_at"].as_str().unwrap_or_default().to_string();
            (at, l.as_bytes().to_vec())
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows.into_iter().map(|(_, p)| p).collect()
}

/// Runs `replicas` workers over the corpus on a fresh server; returns the final revision
/// of each event, after checking every event's revisions are 1..=n, each once.
async fn final_events(replicas: usize) -> BTreeMap<String, Event> {
    let server = NatsServer::start();
    let extra = [("NEWSEVENTS__WORKER__MAX_IN_FLIGHT", "16")];
    let workers: Vec<WorkerProcess> = (0..replicas)
        .map(|_| WorkerProcess::start(test_config(&server.url(), &extra)))
        .collect();
    let js = server.jetstream().await;
    consumer_ready(&js).await;
    let feed = corpus();
    let acks: Vec<_> = {
        let mut v = Vec::new();
        for p in &feed {
            v.push(
                js.publish("news.articles.en.corpus", p.clone().into())
                    .await
                    .expect("publish"),
            );
        }
        v
    };
    for a in acks {
        a.await.expect("publish ack");
    }
    wait_idle(&js, "NEWS_ARTICLES", "newsevents").await;
    let mut revisions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut last: BTreeMap<String, Event> = BTreeMap::new();
    for (_, _, payload) in read_all(&js, "NEWS_EVENTS").await {
        let e: Event = serde_json::from_slice(&payload).expect("event");
        revisions
            .entry(e.event_id.clone())
            .or_default()
            .push(e.revision);
        if last
            .get(&e.event_id)
            .is_none_or(|p| p.revision < e.revision)
        {
            last.insert(e.event_id.clone(), e);
        }
    }
    for (id, mut revs) in revisions {
        revs.sort_unstable();
        let want: Vec<u32> = (1..=revs.len() as u32).collect();
        assert_eq!(revs, want, "{replicas} replica(s): revisions of {id}");
    }
    for w in workers {
        w.stop().await.expect("clean stop");
    }
    last
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_end_with_what_one_replica_ends_with() {
    let one = final_events(1).await;
    let three = final_events(3).await;
    let ids1: BTreeSet<&String> = one.keys().collect();
    let ids3: BTreeSet<&String> = three.keys().collect();
    let shared_ids: Vec<&&String> = ids1.intersection(&ids3).collect();
    let same_facts = shared_ids
        .iter()
        .filter(|id| {
            common::event_facts(&one[id.as_str()]) == common::event_facts(&three[id.as_str()])
        })
        .count();
    let union = ids1.union(&ids3).count();
    eprintln!(
        "1 replica: {} events; 3 replicas: {} events; same id: {}; same id and facts: {same_facts}; union {union}",
        one.len(),
        three.len(),
        shared_ids.len()
    );
    let a: Vec<Event> = one.values().cloned().collect();
    let b: Vec<Event> = three.values().cloned().collect();
    let diff = common::differences(&a, &b);
    assert!(one.len() > 80, "{} events", one.len());
    // the same incidents with the same facts under the same ids, although replicas pull
    // in batches and an article can be processed dozens of places early
    assert!(
        diff.is_empty(),
        "1 replica vs 3 replicas:\n{}",
        diff.join("\n")
    );
    assert_eq!(ids1, ids3, "event ids");
}
