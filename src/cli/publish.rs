//! `newsevents publish`: feeds articles onto the NATS queue for the worker (and for demos,
//! tests and load): a JSON object, JSON Lines, a JSON array, or plain-text files, or stdin.
//!
//! Payloads are published byte for byte as read (one JSON record, or a whole text file),
//! so what the worker sees is exactly what the file holds. Publishes are pipelined: a
//! sliding window of PublishAcks in flight, the oldest awaited once the window is full.

use crate::config::Config;
use crate::http::Health;
use crate::nats::{connect, setup};
use clap::Args;
use std::collections::VecDeque;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// Arguments of `newsevents publish`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Publish articles to NATS for the worker",
    long_about = "Publish articles to NATS for the worker.\n\n\
        Each FILE is a JSON article object, JSON Lines of articles, a JSON array of \
        articles, or plain text (the whole file is one article body). `-` or no FILE \
        reads stdin. Each article goes to <articles subject>.<language>.<source> \
        (e.g. news.articles.en.reuters) unless --subject is given. Exits 0 when every \
        article was acknowledged by JetStream, 1 when any publish failed, 2 on unreadable \
        input or no connection."
)]
pub struct PublishArgs {
    /// Input files; `-` or none reads stdin.
    pub files: Vec<PathBuf>,
    /// Publish every article on this subject instead of deriving one per article.
    #[arg(long)]
    pub subject: Option<String>,
    /// Articles per second (default: as fast as acknowledgements allow).
    #[arg(long, value_parser = parse_rate)]
    pub rate: Option<f64>,
    /// Publishes awaiting their acknowledgement at once.
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=65536))]
    pub window: u32,
    /// NATS url(s), overriding `nats.url` from the config.
    #[arg(long)]
    pub url: Option<String>,
    /// Never show a progress bar (it shows only on a terminal, for more than 100 articles).
    #[arg(long)]
    pub no_progress: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

fn parse_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r.is_finite() && r > 0.0 => Ok(r),
        _ => Err(format!("rate '{s}' is not a positive number")),
    }
}

/// Why publishing could not start or an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("reading {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} line {line}: {reason}")]
    Record {
        path: String,
        line: usize,
        reason: String,
    },
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("{0}")]
    Connect(#[from] connect::ConnectError),
    #[error("subject '{0}' is not a valid publish subject")]
    Subject(String),
}

/// One article to publish: its payload bytes and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub payload: Vec<u8>,
    /// `source` and `language` of a JSON article, for the subject.
    pub source: Option<String>,
    pub language: Option<String>,
    /// `file:line` for messages.
    pub origin: String,
}

/// Splits one input into articles: a JSON object (`{` first, parses whole), JSON Lines
/// (`{` first, one record per non-empty line), a JSON array, or plain text.
pub fn split_records(name: &str, bytes: &[u8]) -> Result<Vec<Record>, PublishError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        // Not UTF-8: publish as is; the worker dead-letters it as invalid_utf8.
        Err(_) => {
            return Ok(vec![Record {
                payload: bytes.to_vec(),
                source: None,
                language: None,
                origin: name.to_string(),
            }])
        }
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(Vec::new());
    }
    let record = |payload: &str, value: Option<&serde_json::Value>, origin: String| {
        let field = |k: &str| {
            value
                .and_then(|v| v.get(k))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        Record {
            payload: payload.as_bytes().to_vec(),
            source: field("source"),
            language: field("language"),
            origin,
        }
    };
    if trimmed.starts_with('[') {
        let values: Vec<serde_json::Value> =
            serde_json::from_str(trimmed).map_err(|e| PublishError::Record {
                path: name.to_string(),
                line: e.line(),
                reason: format!("invalid json array: {e}"),
            })?;
        return Ok(values
            .iter()
            .enumerate()
            .map(|(i, v)| record(&v.to_string(), Some(v), format!("{name}[{i}]")))
            .collect());
    }
    if trimmed.starts_with('{') {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(trimmed) {
            return Ok(vec![record(trimmed, Some(&v), name.to_string())]);
        }
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| PublishError::Record {
                    path: name.to_string(),
                    line: i + 1,
                    reason: format!("invalid json: {e}"),
                })?;
            out.push(record(line, Some(&v), format!("{name}:{}", i + 1)));
        }
        return Ok(out);
    }
    Ok(vec![record(text, None, name.to_string())])
}

/// `news.articles.>` -> `news.articles`: the prefix articles are published under.
pub fn subject_prefix(articles_subject: &str) -> &str {
    articles_subject
        .strip_suffix(".>")
        .or_else(|| articles_subject.strip_suffix(".*"))
        .unwrap_or(articles_subject)
}

/// A subject token from free text: lower-case ASCII letters, digits, `-` and `_`.
fn token(s: &str) -> Option<String> {
    let mut t = String::new();
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            t.push(c);
        } else if !t.ends_with('_') && !t.is_empty() {
            t.push('_');
        }
        if t.len() >= 48 {
            break;
        }
    }
    let t = t.trim_matches('_').to_string();
    (!t.is_empty()).then_some(t)
}

/// `news.articles.en.reuters` from the record's language and source; `.cli` without a
/// source. Used when `articles_subject` is a wildcard; otherwise the subject itself.
pub fn subject_for(articles_subject: &str, record: &Record) -> String {
    if !articles_subject.ends_with('>') && !articles_subject.ends_with('*') {
        return articles_subject.to_string();
    }
    let prefix = subject_prefix(articles_subject);
    let source = record.source.as_deref().and_then(token);
    let language = record.language.as_deref().and_then(token);
    if articles_subject.ends_with('*') {
        return format!("{prefix}.{}", source.unwrap_or_else(|| "cli".into()));
    }
    match (language, source) {
        (Some(l), Some(s)) => format!("{prefix}.{l}.{s}"),
        (None, Some(s)) => format!("{prefix}.{s}"),
        _ => format!("{prefix}.cli"),
    }
}

fn valid_publish_subject(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|t| !t.is_empty() && t != "*" && t != ">" && !t.contains(char::is_whitespace))
}

/// Reads every input (stdin for `-` or none).
pub fn read_inputs(files: &[PathBuf]) -> Result<Vec<Record>, PublishError> {
    let stdin = [PathBuf::from("-")];
    let files = if files.is_empty() { &stdin[..] } else { files };
    let mut out = Vec::new();
    for path in files {
        let (name, bytes) = read_one(path)?;
        out.extend(split_records(&name, &bytes)?);
    }
    Ok(out)
}

fn read_one(path: &Path) -> Result<(String, Vec<u8>), PublishError> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| PublishError::Read {
                path: "stdin".into(),
                source,
            })?;
        return Ok(("stdin".into(), buf));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| PublishError::Read {
        path: name.clone(),
        source,
    })?;
    Ok((name, bytes))
}

/// What a publish run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublishReport {
    pub published: u64,
    pub failed: u64,
    pub elapsed: Duration,
}

/// Loads the config (file < env < `--url`) with a bounded connection retry for the CLI.
pub fn cli_config(
    config_path: Option<&Path>,
    url: Option<&str>,
) -> Result<Config, crate::config::ConfigError> {
    let mut cfg = Config::load(config_path)?;
    if let Some(url) = url {
        cfg.nats.url = url.to_string();
        cfg.validate()?;
    }
    if cfg.nats.connect.max_attempts == 0 {
        cfg.nats.connect.max_attempts = 5;
    }
    Ok(cfg)
}

/// Connects with the worker's connect code (every auth method) for a CLI command.
pub async fn cli_connect(
    cfg: &Config,
    cancel: &CancellationToken,
) -> Result<async_nats::Client, connect::ConnectError> {
    connect::connect(&cfg.nats, Arc::new(Health::default()), cancel).await
}

/// Publishes `records` with a sliding window of acks, at most `rate` per second.
pub async fn publish_records(
    js: &async_nats::jetstream::Context,
    cfg: &Config,
    records: &[Record],
    args: &PublishArgs,
    progress: Option<&indicatif::ProgressBar>,
    cancel: &CancellationToken,
) -> PublishReport {
    let started = Instant::now();
    let window = usize::try_from(args.window).unwrap_or(512).max(1);
    let mut pending: VecDeque<(usize, async_nats::jetstream::context::PublishAckFuture)> =
        VecDeque::with_capacity(window);
    let mut report = PublishReport::default();
    let mut shown_errors = 0u32;
    let mut fail = |i: usize, err: String, report: &mut PublishReport| {
        report.failed += 1;
        if shown_errors < 10 {
            eprintln!("newsevents publish: {}: {err}", records[i].origin);
        }
        shown_errors += 1;
    };
    for (i, record) in records.iter().enumerate() {
        if cancel.is_cancelled() {
            report.failed += (records.len() - i) as u64;
            break;
        }
        if let Some(rate) = args.rate {
            let due = started + Duration::from_secs_f64(i as f64 / rate);
            tokio::time::sleep_until(due.into()).await;
        }
        while pending.len() >= window {
            if let Some((j, ack)) = pending.pop_front() {
                settle(j, ack.await, &mut report, &mut fail, progress);
            }
        }
        let subject = args
            .subject
            .clone()
            .unwrap_or_else(|| subject_for(&cfg.streams.articles_subject, record));
        match js
            .publish(subject, bytes::Bytes::from(record.payload.clone()))
            .await
        {
            Ok(ack) => pending.push_back((i, ack)),
            Err(e) => {
                fail(i, e.to_string(), &mut report);
                if let Some(p) = progress {
                    p.inc(1);
                }
            }
        }
    }
    while let Some((j, ack)) = pending.pop_front() {
        settle(j, ack.await, &mut report, &mut fail, progress);
    }
    report.elapsed = started.elapsed();
    report
}

fn settle<E: std::fmt::Display>(
    i: usize,
    result: Result<async_nats::jetstream::publish::PublishAck, E>,
    report: &mut PublishReport,
    fail: &mut impl FnMut(usize, String, &mut PublishReport),
    progress: Option<&indicatif::ProgressBar>,
) {
    match result {
        Ok(_) => report.published += 1,
        Err(e) => fail(i, e.to_string(), report),
    }
    if let Some(p) = progress {
        p.inc(1);
    }
}

async fn run_async(args: &PublishArgs, config_path: Option<&Path>) -> Result<i32, PublishError> {
    let cfg = cli_config(config_path, args.url.as_deref())?;
    if let Some(s) = &args.subject {
        if !valid_publish_subject(s) {
            return Err(PublishError::Subject(s.clone()));
        }
    }
    let records = read_inputs(&args.files)?;
    let cancel = CancellationToken::new();
    let ctrl_c = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            ctrl_c.cancel();
        }
    });
    let client = cli_connect(&cfg, &cancel).await?;
    let js = async_nats::jetstream::new(client.clone());
    // The worker creates the stream too; creating it here lets articles queue up
    // before the first worker starts. Same config as the worker's, so no conflict.
    // A producer allowed to publish articles only (no JetStream API rights) cannot do
    // this; it is then up to the publish acks to tell whether a stream captured them.
    let [articles, ..] = setup::stream_configs(&cfg);
    if let Err(e) = js.get_or_create_stream(articles).await {
        if !args.quiet {
            eprintln!(
                "newsevents publish: cannot check the articles stream ({e}); publishing anyway"
            );
        }
    }

    let progress = (!args.no_progress
        && !args.quiet
        && records.len() > 100
        && std::io::stderr().is_terminal())
    .then(|| {
        let bar = indicatif::ProgressBar::new(records.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} articles  {per_sec}  eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let report = publish_records(&js, &cfg, &records, args, progress.as_ref(), &cancel).await;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    // Flush anything still buffered before the client drops.
    let _ = client.flush().await;
    if !args.quiet {
        let secs = report.elapsed.as_secs_f64().max(1e-9);
        eprintln!(
            "published {} articles, {} failed, in {:.2}s ({:.0}/s)",
            report.published,
            report.failed,
            secs,
            report.published as f64 / secs
        );
    }
    Ok(if report.failed > 0 { 1 } else { 0 })
}

/// Entry point of `newsevents publish`: exit code 0 (all acknowledged), 1 (some
/// failed), 2 (unreadable input, bad arguments or no connection).
pub fn run(args: &PublishArgs, config_path: Option<&Path>) -> i32 {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsevents publish: cannot start the async runtime: {e}");
            return 2;
        }
    };
    match runtime.block_on(run_async(args, config_path)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsevents publish: {e}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(source: Option<&str>, language: Option<&str>) -> Record {
        Record {
            payload: b"x".to_vec(),
            source: source.map(str::to_string),
            language: language.map(str::to_string),
            origin: "t".into(),
        }
    }

    #[test]
    fn derives_subjects_from_source_and_language() {
        let cases = [
            (
                "news.articles.>",
                Some("Reuters"),
                Some("en"),
                "news.articles.en.reuters",
            ),
            (
                "news.articles.>",
                Some("Continental Wire"),
                None,
                "news.articles.continental_wire",
            ),
            (
                "news.articles.>",
                Some("Le Monde / AFP"),
                Some("fr"),
                "news.articles.fr.le_monde_afp",
            ),
            (
                "news.articles.>",
                Some(" ... "),
                Some("en"),
                "news.articles.cli",
            ),
            ("news.articles.>", None, Some("en"), "news.articles.cli"),
            (
                "news.articles.*",
                Some("AP"),
                Some("en"),
                "news.articles.ap",
            ),
            ("in.articles", Some("AP"), Some("en"), "in.articles"),
        ];
        for (pattern, source, lang, want) in cases {
            assert_eq!(subject_for(pattern, &rec(source, lang)), want, "{source:?}");
            assert!(valid_publish_subject(want));
        }
    }

    #[test]
    fn splits_inputs_into_records() {
        let object =
            b"{\n  \"id\": \"a\",\n  \"body\": \"Two killed.\",\n  \"source\": \"AP\"\n}\n";
        let lines =
            b"{\"id\":\"a\",\"body\":\"x\",\"language\":\"en\"}\n\n{\"id\":\"b\",\"text\":\"y\"}\n";
        let array = br#"[{"id":"a","body":"x"},{"id":"b","body":"y","source":"AFP"}]"#;
        let text = "Shelling hit Nikopol on Tuesday, injuring four people.\n".as_bytes();

        let r = split_records("obj.json", object).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].source.as_deref(), Some("AP"));
        assert!(r[0].payload.starts_with(b"{"));

        let r = split_records("a.jsonl", lines).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].language.as_deref(), Some("en"));
        assert_eq!(r[1].payload, br#"{"id":"b","text":"y"}"#.to_vec());
        assert_eq!(r[1].origin, "a.jsonl:3");

        let r = split_records("arr.json", array).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].source.as_deref(), Some("AFP"));

        let r = split_records("story.txt", text).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].payload, text.to_vec());

        assert!(split_records("empty.txt", b"  \n").unwrap().is_empty());
        // bytes that are not utf-8 still go out (the worker dead-letters them)
        assert_eq!(split_records("x.bin", b"caf\xe9").unwrap().len(), 1);
    }

    #[test]
    fn a_broken_json_line_names_file_and_line() {
        let lines = b"{\"id\":\"a\",\"body\":\"x\"}\n{\"id\":\"b\",\"body\":\n";
        let err = split_records("bad.jsonl", lines).unwrap_err().to_string();
        assert!(err.starts_with("bad.jsonl line 2: invalid json"), "{err}");
    }

    #[test]
    fn reads_the_dev_corpus() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev/corpus/articles.jsonl");
        let records = read_inputs(&[path]).unwrap();
        assert_eq!(records.len(), 72);
        assert!(records.iter().all(|r| r.source.is_some()));
    }

    #[test]
    fn rejects_wildcard_subjects_and_bad_rates() {
        for s in ["news.>", "news.*.x", "", "news..x", "news x"] {
            assert!(!valid_publish_subject(s), "{s}");
        }
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("-3").is_err());
        assert!(parse_rate("NaN").is_err());
        assert_eq!(parse_rate("250"), Ok(250.0));
    }
}
