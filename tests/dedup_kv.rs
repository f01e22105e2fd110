//! The KV-backed EventStore against a real nats-server: same results as the in-memory
//! core, three concurrent replicas equal to one, redelivery before commit, state kept
//! across reopen, and TTL expiry.

mod common;

use common::{gold, NatsServer, WAIT};
use newsevents::dedup::{DedupConfig, Deduper};
use newsevents::model::{Article, Candidate, Event};
use newsevents::nats::state::{EventStore, StateConfig};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn cfg(bucket: &str) -> StateConfig {
    StateConfig {
        bucket: bucket.into(),
        ..StateConfig::default()
    }
}

async fn open(server: &NatsServer, cfg: &StateConfig) -> EventStore {
    let js = server.jetstream().await;
    tokio::time::timeout(WAIT, EventStore::open(&js, cfg, DedupConfig::default()))
        .await
        .expect("open timeout")
        .expect("open store")
}

async fn apply_commit(store: &EventStore, a: &Article, c: Vec<Candidate>) -> Vec<Event> {
    let applied = tokio::time::timeout(WAIT, store.apply(a, c, a.published_at))
        .await
        .expect("apply timeout")
        .expect("apply");
    store.commit(a, &applied).await.expect("commit");
    applied.revisions
}

/// An event's facts independent of processing order: its articles, figures, place, date.
fn facts(e: &Event) -> String {
    let sources: BTreeSet<&str> = e.sources.iter().map(|s| s.article_id.as_str()).collect();
    format!(
        "{:?} {:?} {:?} {:?} {:?} m{} r{}",
        e.event_type,
        sources,
        e.casualties,
        e.location.as_ref().map(|l| &l.name),
        e.date.as_ref().map(|d| d.value),
        e.mentions,
        e.revision
    )
}

fn memory_run(feed: &[(Article, Vec<Candidate>)]) -> Vec<Event> {
    let mut d = Deduper::new(DedupConfig::default());
    for (a, c) in feed {
        d.apply(a, c.clone(), a.published_at);
    }
    let mut ev: Vec<Event> = d.events().cloned().collect();
    ev.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    ev
}

#[tokio::test]
async fn one_store_gives_exactly_the_in_memory_events() {
    let server = NatsServer::start();
    let store = open(&server, &cfg("one")).await;
    let (feed, mentions) = gold::corpus();
    let started = std::time::Instant::now();
    for (a, c) in &feed {
        apply_commit(&store, a, c.clone()).await;
    }
    let per_article = started.elapsed().as_secs_f64() * 1e6 / feed.len() as f64;
    let kv = store.events().await.expect("events");
    let mem = memory_run(&feed);
    eprintln!("kv dedup: {per_article:.0} us/article (apply + commit, one store)");
    assert_eq!(kv, mem, "KV store and in-memory core disagree");
    let score = gold::score(&kv, &mentions);
    assert!(score.merged.is_empty() && score.f1 >= 0.95, "{score:?}");
}

#[tokio::test]
async fn three_concurrent_stores_end_like_one() {
    let server = NatsServer::start();
    let (feed, mentions) = gold::corpus();
    let single = memory_run(&feed);

    let shared = cfg("three");
    let mut stores = Vec::new();
    for _ in 0..3 {
        stores.push(Arc::new(open(&server, &shared).await));
    }
    // One queue, three consumers: like three replicas bound to one durable consumer.
    let queue = Arc::new(Mutex::new(feed.clone().into_iter()));
    let published: Arc<Mutex<Vec<Event>>> = Arc::default();
    let mut tasks = Vec::new();
    for store in &stores {
        let (store, queue, published) = (store.clone(), queue.clone(), published.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let next = queue.lock().expect("queue").next();
                let Some((a, c)) = next else { break };
                let revs = apply_commit(&store, &a, c).await;
                published.lock().expect("published").extend(revs);
            }
        }));
    }
    for t in tasks {
        tokio::time::timeout(Duration::from_secs(120), t)
            .await
            .expect("replicas finish")
            .expect("replica task");
    }
    let finals = stores[0].events().await.expect("events");
    let conflicts: u64 = stores.iter().map(|s| s.cas_conflicts()).sum();
    eprintln!(
        "three replicas: {} events, {conflicts} CAS conflicts retried",
        finals.len()
    );

    // Same incidents with the same final facts as one replica (ids may come from another
    // article of the incident when two of its articles were processed at once).
    let by_facts = |v: &[Event]| v.iter().map(facts).collect::<BTreeSet<_>>();
    assert_eq!(by_facts(&finals), by_facts(&single));
    let score = gold::score(&finals, &mentions);
    assert!(score.merged.is_empty() && score.f1 >= 0.95, "{score:?}");

    // Every revision published exactly once, 1..=final, nothing lost or doubled.
    let mut revs: HashMap<String, Vec<u32>> = HashMap::new();
    for e in published.lock().expect("published").iter() {
        revs.entry(e.event_id.clone()).or_default().push(e.revision);
    }
    let final_rev: BTreeMap<&str, u32> = finals
        .iter()
        .map(|e| (e.event_id.as_str(), e.revision))
        .collect();
    assert_eq!(revs.len(), final_rev.len());
    for (id, mut r) in revs {
        r.sort_unstable();
        let want: Vec<u32> = (1..=final_rev[id.as_str()]).collect();
        assert_eq!(r, want, "revisions of {id}");
    }
}

#[tokio::test]
async fn redelivery_before_commit_gives_the_same_revisions() {
    let server = NatsServer::start();
    let store = open(&server, &cfg("redeliver")).await;
    let (feed, _) = gold::corpus();
    let (a, c) = feed
        .iter()
        .find(|(_, c)| c.len() >= 2)
        .cloned()
        .expect("an article with two candidates");
    let first = store
        .apply(&a, c.clone(), a.published_at)
        .await
        .expect("apply");
    assert!(!first.duplicate && first.revisions.len() == c.len());
    // Crash before commit: redelivered, maybe to another replica, later.
    let other = open(&server, &cfg("redeliver")).await;
    let later = a.published_at + chrono::Duration::minutes(5);
    let again = other
        .apply(&a, c.clone(), later)
        .await
        .expect("apply again");
    assert_eq!(again, first);
    other.commit(&a, &again).await.expect("commit");
    let done = store.apply(&a, c, later).await.expect("apply after commit");
    assert!(done.duplicate && done.revisions.is_empty());
    let events = store.events().await.expect("events");
    assert!(events.iter().all(|e| e.revision == 1));
}

/// A crash between the block write and the commit leaves no article state: the
/// redelivered article is applied again, and even after another report has moved its
/// event on, it republishes the revision it made, not a new one nor the other's.
#[tokio::test]
async fn redelivery_after_a_later_merge_republishes_its_own_revision() {
    let server = NatsServer::start();
    let (feed, _) = gold::corpus();
    let mut memory = Deduper::new(DedupConfig::default());
    for (a, c) in &feed {
        memory.apply(a, c.clone(), a.published_at);
    }
    let shared = memory
        .events()
        .find(|e| e.sources.len() >= 2)
        .expect("an event with two reports");
    let by_id = |id: &str| {
        feed.iter()
            .find(|(a, _)| a.id == id)
            .cloned()
            .expect("article of the feed")
    };
    let (a, ca) = by_id(&shared.sources[0].article_id);
    let (b, cb) = by_id(&shared.sources[1].article_id);
    let store = open(&server, &cfg("crash-merge")).await;
    let first = store
        .apply(&a, ca.clone(), a.published_at)
        .await
        .expect("apply");
    // the worker dies here; another replica takes the next report and commits it
    let other = open(&server, &cfg("crash-merge")).await;
    let merged = apply_commit(&other, &b, cb).await;
    assert!(
        merged.iter().any(|e| e.revision >= 2),
        "the second report updates an event of the first: {merged:?}"
    );
    let again = other
        .apply(&a, ca.clone(), a.published_at)
        .await
        .expect("apply again");
    let revs = |v: &[Event]| {
        v.iter()
            .map(|e| (e.event_id.clone(), e.revision, format!("{:?}", e.status)))
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(revs(&again.revisions), revs(&first.revisions));
    other.commit(&a, &again).await.expect("commit");
    let done = store
        .apply(&a, ca, a.published_at)
        .await
        .expect("after commit");
    assert!(done.duplicate && done.revisions.is_empty());
}

#[tokio::test]
async fn reopened_store_keeps_its_state() {
    let server = NatsServer::start();
    let (feed, _) = gold::corpus();
    let half = feed.len() / 2;
    {
        let store = open(&server, &cfg("restart")).await;
        for (a, c) in &feed[..half] {
            apply_commit(&store, a, c.clone()).await;
        }
    }
    let store = open(&server, &cfg("restart")).await;
    for (a, c) in &feed[half..] {
        apply_commit(&store, a, c.clone()).await;
    }
    assert_eq!(store.events().await.expect("events"), memory_run(&feed));
    let (a, c) = &feed[0];
    let again = store
        .apply(a, c.clone(), a.published_at)
        .await
        .expect("apply");
    assert!(
        again.duplicate,
        "an article from before the reopen is still known"
    );
}

#[tokio::test]
async fn state_expires_after_the_ttl() {
    let server = NatsServer::start();
    let short = StateConfig {
        ttl: Duration::from_secs(2),
        ..cfg("ttl")
    };
    let store = open(&server, &short).await;
    let (feed, _) = gold::corpus();
    let (a, c) = feed
        .iter()
        .find(|(_, c)| !c.is_empty())
        .cloned()
        .expect("events");
    let first = apply_commit(&store, &a, c.clone()).await;
    let dup = store
        .apply(&a, c.clone(), a.published_at)
        .await
        .expect("apply");
    assert!(dup.duplicate);
    tokio::time::sleep(Duration::from_millis(3500)).await;
    assert!(
        store.events().await.expect("events").is_empty(),
        "blocks expired"
    );
    let fresh = store.apply(&a, c, a.published_at).await.expect("apply");
    assert!(!fresh.duplicate, "the article marker expired");
    assert_eq!(
        fresh.revisions, first,
        "recreated as revision 1 with the same ids"
    );
}

/// A body of pseudo-random words, unlike any other (no near-duplicate match).
fn unique_body(i: u64) -> String {
    let words = [
        "river", "stone", "market", "lamp", "window", "orchard", "signal", "harbor", "copper",
        "meadow", "tunnel", "glacier", "violet", "anchor", "ledger", "canyon", "falcon", "saddle",
        "tablet", "thimble", "walnut", "quarry", "beacon", "pepper", "mosaic",
    ];
    let mut x = i
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..120)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            words[((x >> 33) % words.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn contended_block_keeps_one_revision_chain() {
    let server = NatsServer::start();
    let (feed, _) = gold::corpus();
    let (a0, c0) = feed
        .iter()
        .find(|(a, _)| a.id == "cw-2025-03-18-0061")
        .cloned()
        .expect("kharkiv article");
    let n = 30u64;
    let articles: Vec<(Article, Vec<Candidate>)> = (0..n)
        .map(|i| {
            let mut a = a0.clone();
            a.id = format!("report-{i}");
            a.body = unique_body(i);
            a.published_at += chrono::Duration::seconds(i as i64);
            let mut c = c0.clone();
            for x in &mut c {
                x.evidence.article_id = a.id.clone();
            }
            (a, c)
        })
        .collect();
    let shared = cfg("contended");
    let mut stores = Vec::new();
    for _ in 0..3 {
        stores.push(Arc::new(open(&server, &shared).await));
    }
    let queue = Arc::new(Mutex::new(articles.into_iter()));
    let published: Arc<Mutex<Vec<Event>>> = Arc::default();
    let mut tasks = Vec::new();
    for store in &stores {
        let (store, queue, published) = (store.clone(), queue.clone(), published.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let next = queue.lock().expect("queue").next();
                let Some((a, c)) = next else { break };
                let revs = apply_commit(&store, &a, c).await;
                published.lock().expect("published").extend(revs);
            }
        }));
    }
    for t in tasks {
        tokio::time::timeout(Duration::from_secs(60), t)
            .await
            .expect("finish")
            .expect("task");
    }
    let conflicts: u64 = stores.iter().map(|s| s.cas_conflicts()).sum();
    let finals = stores[0].events().await.expect("events");
    eprintln!("contended block: {n} articles, {conflicts} CAS conflicts retried");
    assert_eq!(finals.len(), 1, "one incident, one event");
    assert_eq!(
        (finals[0].revision, finals[0].mentions),
        (n as u32, n as u32)
    );
    let mut revs: Vec<u32> = published
        .lock()
        .expect("published")
        .iter()
        .map(|e| e.revision)
        .collect();
    revs.sort_unstable();
    assert_eq!(revs, (1..=n as u32).collect::<Vec<_>>());
}
