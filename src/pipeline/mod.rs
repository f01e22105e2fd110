//! The pure, synchronous core: text in, event candidates out. No I/O.

pub mod extract;
pub mod normalize;
pub mod sentences;

/// The articles of the JSON-lines file at `path` as JSON values, for tests: none when
/// the file is missing (`../shared` is not beside the checkout); a line that is not
/// JSON fails the test, naming the file and line.
#[cfg(test)]
pub(crate) fn test_articles(path: &str) -> Vec<serde_json::Value> {
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    raw.lines()
        .enumerate()
        .map(|(i, line)| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1))
        })
        .collect()
}

/// The dev corpus's articles ([`test_articles`] of `../shared/dev/corpus`).
#[cfg(test)]
pub(crate) fn dev_articles() -> Vec<serde_json::Value> {
    test_articles(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/dev/corpus/articles.jsonl"
    ))
}
