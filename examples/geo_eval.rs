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

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or("/work/shared/dev/corpus".into());
    let verbose = args.iter().any(|a| a == "-v");
    let t0 = Instant::now();
    let g = Gazetteer::load()?;
    println!("load: {:?} ({} places)", t0.elapsed(), g.len());

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
    let reps = 20;
    let t1 = Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        n += g.find_places(&all).len();
    }
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "find_places: {:.1} MB/s ({} mentions per pass over {} bytes)",
        (all.len() * reps) as f64 / secs / 1e6,
        n / reps,
        all.len()
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
