//! Measures place resolution on the development corpus: for each gold event with a place,
//! does `find_places` on its article find a mention whose name/admin1 is an accepted name
//! and whose country matches? Also prints load time and throughput.
//!
//! `cargo run --release --example geo_eval -- /work/shared/dev/corpus [-v]`

use std::time::Instant;

use newsevents::geo::{Gazetteer, PlaceKind};

fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// CPU time of this thread (the machine is shared, so wall time overstates costs).
fn cpu() -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(std::time::Duration::from_nanos)
        .unwrap_or_default()
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or("/work/shared/dev/corpus".into());
    let verbose = args.iter().any(|a| a == "-v");
    let rss = || {
        std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .map(|l| l.trim_start_matches("VmRSS:").trim().to_string())
            })
            .unwrap_or_default()
    };
    let before = rss();
    let g = Gazetteer::load()?;
    println!("RSS {before} -> {} after load ({} places)", rss(), g.len());
    let mut best = (std::time::Duration::MAX, std::time::Duration::MAX);
    for _ in 0..3 {
        let (t0, c0) = (Instant::now(), cpu());
        let g2 = Gazetteer::load()?;
        best = (best.0.min(t0.elapsed()), best.1.min(cpu() - c0));
        drop(g2);
    }
    println!("load: best of 3: {:?} wall, {:?} cpu", best.0, best.1);

    let mut texts = std::collections::HashMap::new();
    for line in std::fs::read_to_string(format!("{dir}/articles.jsonl"))?.lines() {
        let a: serde_json::Value = serde_json::from_str(line)?;
        let text = format!(
            "{}\n\n{}",
            a["title"].as_str().unwrap_or(""),
            a["body"].as_str().unwrap_or("")
        );
        texts.insert(a["id"].as_str().unwrap_or("").to_string(), text);
    }
    let (mut total, mut hit, mut country_hit) = (0, 0, 0);
    for line in std::fs::read_to_string(format!("{dir}/gold.jsonl"))?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let id = v["article_id"].as_str().unwrap_or("");
        let Some(text) = texts.get(id) else { continue };
        let found = g.find_places(text);
        let locs: Vec<_> = found.iter().map(|m| g.location(m, text)).collect();
        if verbose {
            let names: Vec<String> = locs
                .iter()
                .map(|l| format!("{}={}/{}", l.text, l.name, l.country))
                .collect();
            println!("{id}: {}", names.join(", "));
        }
        for e in v["events"].as_array().into_iter().flatten() {
            let Some(place) = e["place"].as_str() else {
                continue;
            };
            let country = e["country"].as_str().unwrap_or("");
            let mut any: Vec<String> = e["place_any"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str())
                .map(fold)
                .collect();
            any.push(fold(place));
            total += 1;
            let ok = locs.iter().any(|l| {
                l.country == country
                    && (any.contains(&fold(&l.name))
                        || any.contains(&fold(&l.text))
                        || l.admin1.as_deref().is_some_and(|a| any.contains(&fold(a))))
            });
            if ok {
                hit += 1;
            } else if verbose {
                println!("  MISS {id}: {place} ({country})");
            }
            if locs.iter().any(|l| l.country == country) {
                country_hit += 1;
            }
        }
    }
    println!(
        "gold places: {hit}/{total} resolved ({:.1}%), country present {country_hit}/{total}",
        100.0 * hit as f64 / total.max(1) as f64
    );

    let all: String = texts.values().cloned().collect::<Vec<_>>().join("\n\n");
    let reps = 50;
    let c1 = cpu();
    let mut n = 0;
    for _ in 0..reps {
        n += g.find_places(&all).len();
    }
    let secs = (cpu() - c1).as_secs_f64();
    println!(
        "find_places on one {}-byte text: {:.1} MB/s cpu ({} mentions per pass)",
        all.len(),
        (all.len() * reps) as f64 / secs / 1e6,
        n / reps,
    );
    let arts: Vec<&String> = texts.values().collect();
    let bytes: usize = arts.iter().map(|t| t.len()).sum();
    let c2 = cpu();
    let mut n2 = 0;
    for _ in 0..reps {
        for t in &arts {
            let (p, c) = g.find_all(t);
            n2 += p.len() + c.len();
        }
    }
    println!(
        "find_all (places + countries) per article: {:.1} MB/s cpu ({} results per pass)",
        (bytes * reps) as f64 / (cpu() - c2).as_secs_f64() / 1e6,
        n2 / reps
    );
    let c3 = cpu();
    for _ in 0..reps {
        for t in &arts {
            n2 += g.find_places(t).len();
        }
    }
    std::hint::black_box(n2);
    println!(
        "find_places per article: {:.1} MB/s cpu",
        (bytes * reps) as f64 / (cpu() - c3).as_secs_f64() / 1e6
    );
    let kinds = |k: PlaceKind| {
        (0..g.len() as u32)
            .filter(|&i| g.place(newsevents::geo::PlaceId(i)).kind == k)
            .count()
    };
    println!(
        "countries {} admin1 {} admin2 {} cities {}",
        kinds(PlaceKind::Country),
        kinds(PlaceKind::Admin1),
        kinds(PlaceKind::Admin2),
        kinds(PlaceKind::City)
    );
    Ok(())
}
