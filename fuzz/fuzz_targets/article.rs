//! Fuzz target: arbitrary bytes as an article payload through input validation and, when
//! accepted, the extraction engine. Must never panic nor hang (libFuzzer's -timeout).
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsevents::geo::Gazetteer;
use newsevents::input::parse_article;
use newsevents::pipeline::extract::Extractor;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| Extractor::new(Gazetteer::global()))
}

fuzz_target!(init: {
    // Load the gazetteer once, outside the per-input timeout.
    let _ = extractor();
}, |data: &[u8]| {
    let published = chrono::DateTime::from_timestamp(1_753_351_200, 0).unwrap_or_default();
    if let Ok(article) = parse_article(data, 1 << 20, published) {
        let _ = extractor().extract(&article);
    }
});
