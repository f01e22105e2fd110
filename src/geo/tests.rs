//! Table-driven tests of place and country resolution on real-style sentences.

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::global()
}

/// (words in the text, place name, country) of every mention found.
fn found(text: &str) -> Vec<(String, String, String)> {
    g().find_places(text)
        .iter()
        .map(|m| {
            let p = g().place(m.place);
            (text[m.start..m.end].to_string(), p.name.clone(), p.country.clone())
        })
        .collect()
}

#[test]
fn debug_atlanta() {
    let t = "Storms knock out power to 40,000 in Georgia\nATLANTA (Atlas News Service) - A line of severe thunderstorms swept across Georgia on Tuesday. Gusts reached 65 mph in parts of metro Atlanta, and hail fell south of Atlanta.";
    println!("{:?}", found(t));
}
