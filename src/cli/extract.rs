//! `newsevents extract`: the offline path. Reads articles from files or stdin, runs
//! extraction and in-memory dedup, writes the final events as JSON Lines.

use crate::dedup::{DedupConfig, Deduper};
use crate::geo::Gazetteer;
use crate::input::parse_article;
use crate::model::Article;
use crate::pipeline::extract::Extractor;
use chrono::Utc;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Largest accepted article record, as for the worker's default.
const MAX_ARTICLE_BYTES: usize = 1024 * 1024;

/// Arguments of `newsevents extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Input files: a JSON article, JSON Lines of articles, or plain text; `-` is stdin.
    #[arg(default_value = "-")]
    pub files: Vec<PathBuf>,
}

/// Why an input could not be read: names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("{file}: cannot read: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}:{line}: {reason}")]
    Record {
        file: String,
        line: usize,
        reason: String,
    },
}

/// Splits one input's bytes into articles: a single JSON value, JSON Lines, or text.
pub fn articles_of(name: &str, bytes: &[u8]) -> Result<Vec<Article>, ExtractError> {
    let now = Utc::now();
    let text = std::str::from_utf8(bytes).map_err(|e| ExtractError::Record {
        file: name.to_string(),
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
        reason: format!("invalid utf-8 at byte {}", e.valid_up_to()),
    })?;
    let trimmed = text.trim_start();
    let record = |line: usize, payload: &[u8]| {
        parse_article(payload, MAX_ARTICLE_BYTES, now).map_err(|e| ExtractError::Record {
            file: name.to_string(),
            line,
            reason: format!("{} ({})", e, e.code()),
        })
    };
    if !trimmed.starts_with('{') && !trimmed.starts_with('[') {
        return Ok(vec![record(1, bytes)?]);
    }
    // one JSON document (possibly pretty-printed) or JSON Lines
    if serde_json::from_str::<serde_json::Value>(text).is_ok() {
        let first_line = 1 + (text.len() - trimmed.len()).min(text.len());
        let line = 1 + text[..first_line.saturating_sub(1)].matches('\n').count();
        return Ok(vec![record(line, text.trim().as_bytes())?]);
    }
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        out.push(record(i + 1, l.as_bytes())?);
    }
    Ok(out)
}

fn read_input(path: &Path) -> Result<(String, Vec<u8>), ExtractError> {
    let name = path.display().to_string();
    let mut buf = Vec::new();
    let res = if name == "-" {
        std::io::stdin().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map(|_| ())
    };
    res.map_err(|e| ExtractError::Read {
        file: name.clone(),
        reason: e.to_string(),
    })?;
    Ok((
        if name == "-" {
            "<stdin>".to_string()
        } else {
            name
        },
        buf,
    ))
}

/// Runs the command; returns the process exit code (0 ok, 2 unreadable input).
pub fn run(args: &ExtractArgs) -> i32 {
    let mut all = Vec::new();
    for f in &args.files {
        let parsed = read_input(f).and_then(|(name, bytes)| articles_of(&name, &bytes));
        match parsed {
            Ok(a) => all.extend(a),
            Err(e) => {
                eprintln!("newsevents extract: {e}");
                return 2;
            }
        }
    }
    let extractor = Extractor::new(Gazetteer::global());
    let mut dedup = Deduper::new(DedupConfig::default());
    for a in &all {
        let cands = extractor.extract(a);
        dedup.apply(a, cands, a.published_at);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for ev in dedup.events() {
        let line = match serde_json::to_string(ev) {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "newsevents extract: cannot serialize event {}: {e}",
                    ev.event_id
                );
                continue;
            }
        };
        if writeln!(out, "{line}").is_err() {
            return 0; // stdout closed (e.g. piped into head): nothing more to do
        }
    }
    let _ = out.flush();
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_jsonl_and_text_and_names_bad_lines() {
        let one = br#"{"id":"a","body":"Gunmen attacked a bus."}"#;
        assert_eq!(articles_of("x.json", one).map(|v| v.len()).ok(), Some(1));
        let lines = b"{\"id\":\"a\",\"body\":\"x\"}\n\n{\"id\":\"b\",\"body\":\"y\"}\n";
        assert_eq!(articles_of("x.jsonl", lines).map(|v| v.len()).ok(), Some(2));
        assert_eq!(
            articles_of("x.txt", b"Plain text article.")
                .map(|v| v.len())
                .ok(),
            Some(1)
        );
        let bad = b"{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\"}\n";
        let err = articles_of("x.jsonl", bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("x.jsonl:2:"), "{err}");
        assert!(articles_of("x.bin", b"\xff\xfe").is_err());
    }
}
