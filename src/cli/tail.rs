//! `newsevents tail`: follows the event output (`news.events.v1.>` on `NEWS_EVENTS`) with
//! an ephemeral ordered consumer and prints one readable line per event revision, or JSON
//! Lines with `--json`. Optionally replays from a time, a stream sequence or the start.

use crate::cli::publish::{cli_config, cli_connect};
use crate::nats::setup;
use async_nats::jetstream::consumer::{pull, DeliverPolicy};
use clap::Args;
use futures::StreamExt;
use serde_json::Value;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// Arguments of `newsevents tail`.
#[derive(Debug, Clone, Args)]
#[command(
    about = "Follow the event stream and print events as they are published",
    long_about = "Follow the event stream and print events as they are published.\n\n\
        One line per event revision: type/mode, place, date, casualties, summary; later \
        revisions of an event are marked `↻ rev N`. By default only new events are shown; \
        --all replays the stream from the start, --since from a time, --seq from a stream \
        sequence. Colours only on a terminal."
)]
pub struct TailArgs {
    /// Print each event as one JSON line (the contract's format) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Replay every event still in the stream, then follow.
    #[arg(long, conflicts_with_all = ["since", "seq"])]
    pub all: bool,
    /// Replay from a time: RFC 3339 (2025-07-24T10:00:00Z) or an age (10m, 2h, 1day).
    #[arg(long, value_parser = parse_since, conflicts_with = "seq")]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    /// Replay from this stream sequence number.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub seq: Option<u64>,
    /// Only events of this type (ASSAULT, PROTEST, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// Exit after this many events.
    #[arg(long)]
    pub count: Option<u64>,
    /// Exit after this long (e.g. 10s); default: until Ctrl-C.
    #[arg(long = "for", value_name = "DURATION", value_parser = humantime::parse_duration)]
    pub duration: Option<Duration>,
    /// NATS url(s), overriding `nats.url` from the config.
    #[arg(long)]
    pub url: Option<String>,
    /// Colours: auto (only on a terminal), always, never.
    #[arg(long, default_value = "auto", value_parser = ["auto", "always", "never"])]
    pub color: String,
}

fn parse_since(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Some(t) = crate::input::parse_time(s) {
        return Ok(t);
    }
    let age = humantime::parse_duration(s)
        .map_err(|_| format!("'{s}' is neither a time (2025-07-24T10:00:00Z) nor an age (10m)"))?;
    let age = chrono::Duration::from_std(age).map_err(|e| e.to_string())?;
    Ok(chrono::Utc::now() - age)
}

/// Why tailing could not start.
#[derive(Debug, thiserror::Error)]
pub enum TailError {
    #[error("{0}")]
    Config(#[from] crate::config::ConfigError),
    #[error("{0}")]
    Connect(#[from] crate::nats::connect::ConnectError),
    #[error("events stream {stream}: {reason}")]
    Stream { stream: String, reason: String },
    #[error("event type '{0}' is not one of the 16 PLOVER types")]
    Type(String),
    #[error("writing output: {0}")]
    Write(std::io::Error),
}

/// Where replay starts.
pub fn deliver_policy(args: &TailArgs) -> Result<DeliverPolicy, String> {
    if args.all {
        return Ok(DeliverPolicy::All);
    }
    if let Some(seq) = args.seq {
        return Ok(DeliverPolicy::ByStartSequence {
            start_sequence: seq,
        });
    }
    if let Some(t) = args.since {
        let nanos = t
            .timestamp_nanos_opt()
            .ok_or_else(|| format!("time {t} out of range"))?;
        let start_time = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(nanos))
            .map_err(|e| e.to_string())?;
        return Ok(DeliverPolicy::ByStartTime { start_time });
    }
    Ok(DeliverPolicy::New)
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn type_color(t: &str) -> &'static str {
    match t {
        "ASSAULT" | "COERCE" => "\x1b[1;31m",
        "PROTEST" | "MOBILIZE" => "\x1b[1;33m",
        "THREATEN" | "ACCUSE" | "REJECT" | "SANCTION" => "\x1b[1;35m",
        "AGREE" | "COOPERATE" | "AID" | "SUPPORT" | "CONCEDE" | "RETREAT" => "\x1b[1;32m",
        _ => "\x1b[1;36m",
    }
}

fn single_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "2 killed, 11 injured, several missing": stated figures, then vague kinds.
pub fn casualties_text(c: &Value) -> String {
    let mut parts = Vec::new();
    for kind in ["killed", "injured", "missing", "arrested"] {
        if let Some(n) = c.get(kind).and_then(Value::as_u64) {
            parts.push(format!("{n} {kind}"));
        } else if c
            .get("vague")
            .and_then(Value::as_array)
            .is_some_and(|v| v.iter().any(|k| k.as_str() == Some(kind)))
        {
            parts.push(format!("several {kind}"));
        }
    }
    parts.join(", ")
}

/// One readable line for an event: `ASSAULT/drone  Sochi, RU  2025-07-24  2 killed  summary  ↻ rev 2`.
/// Missing fields print as `-`; never fails on unexpected shapes.
pub fn format_line(event: &Value, color: bool) -> String {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(single_line);
    let t = s(event.get("type")).unwrap_or_else(|| "?".into());
    let kind = match s(event.get("mode")) {
        Some(m) => format!("{t}/{m}"),
        None => t.clone(),
    };
    let place = event
        .get("location")
        .filter(|l| !l.is_null())
        .map(|l| {
            let name = s(l.get("name")).unwrap_or_default();
            match s(l.get("country")) {
                Some(c) if !name.is_empty() => format!("{name}, {c}"),
                Some(c) => c,
                None => name,
            }
        })
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "-".into());
    let date = event
        .get("date")
        .and_then(|d| s(d.get("value")))
        .unwrap_or_else(|| "-".into());
    let casualties = event
        .get("casualties")
        .map(casualties_text)
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| "-".into());
    let summary = s(event.get("summary")).unwrap_or_default();
    let revision = event.get("revision").and_then(Value::as_u64).unwrap_or(1);
    let updated = s(event.get("status")).as_deref() == Some("updated") || revision > 1;
    let mark = if updated {
        format!("  ↻ rev {revision}")
    } else {
        String::new()
    };
    // pad by characters, not bytes (place names carry diacritics)
    let pad = |text: &str, width: usize| {
        let n = text.chars().count();
        format!("{text}{}", " ".repeat(width.saturating_sub(n)))
    };
    if color {
        format!(
            "{}{}{RESET} {} {DIM}{}{RESET} {BOLD}{}{RESET} {}{}",
            type_color(&t),
            pad(&kind, 24),
            pad(&place, 28),
            pad(&date, 10),
            pad(&casualties, 22),
            summary,
            if updated {
                format!("{BOLD}{mark}{RESET}")
            } else {
                mark
            }
        )
    } else {
        format!(
            "{} {} {} {} {}{}",
            pad(&kind, 24),
            pad(&place, 28),
            pad(&date, 10),
            pad(&casualties, 22),
            summary,
            mark
        )
    }
}

fn is_broken_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

async fn run_async(args: &TailArgs, config_path: Option<&Path>) -> Result<(), TailError> {
    let cfg = cli_config(config_path, args.url.as_deref())?;
    let filter = match &args.event_type {
        Some(t) => {
            let upper = t.to_ascii_uppercase();
            if !crate::model::EventType::ALL
                .iter()
                .any(|k| k.as_str() == upper)
            {
                return Err(TailError::Type(t.clone()));
            }
            format!(
                "{}.{}",
                cfg.streams.events_prefix,
                upper.to_ascii_lowercase()
            )
        }
        None => format!("{}.>", cfg.streams.events_prefix),
    };
    let deliver_policy = deliver_policy(args).map_err(|reason| TailError::Stream {
        stream: cfg.streams.events_stream.clone(),
        reason,
    })?;
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            stop.cancel();
        }
    });
    let client = cli_connect(&cfg, &cancel).await?;
    let js = async_nats::jetstream::new(client);
    let stream_err = |reason: String| TailError::Stream {
        stream: cfg.streams.events_stream.clone(),
        reason,
    };
    // Same config as the worker creates, so tailing can start before the worker.
    let [_, events, _] = setup::stream_configs(&cfg);
    let stream = js
        .get_or_create_stream(events)
        .await
        .map_err(|e| stream_err(e.to_string()))?;
    let consumer = stream
        .create_consumer(pull::OrderedConfig {
            filter_subject: filter,
            deliver_policy,
            ..Default::default()
        })
        .await
        .map_err(|e| stream_err(e.to_string()))?;
    let mut messages = consumer
        .messages()
        .await
        .map_err(|e| stream_err(e.to_string()))?;

    // `--for` counts from when the subscription is in place, not from process start.
    if let Some(d) = args.duration {
        let stop = cancel.clone();
        tokio::spawn(async move {
            tokio::time::sleep(d).await;
            stop.cancel();
        });
    }
    let color = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = std::io::stdout();
    let mut seen = 0u64;
    loop {
        if args.count.is_some_and(|c| seen >= c) {
            break;
        }
        let next = tokio::select! {
            biased;
            _ = cancel.cancelled() => break,
            m = messages.next() => m,
        };
        let msg = match next {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                // the ordered consumer recreates itself after gaps; report and go on
                eprintln!("newsevents tail: {e}");
                continue;
            }
            None => break,
        };
        let line = match serde_json::from_slice::<Value>(&msg.payload) {
            // the payload as published (field order kept) when it is one line already
            Ok(v) if args.json => match std::str::from_utf8(&msg.payload) {
                Ok(raw) if !raw.contains('\n') => raw.to_string(),
                _ => v.to_string(),
            },
            Ok(v) => format_line(&v, color),
            Err(e) => {
                eprintln!("newsevents tail: {}: not json: {e}", msg.subject);
                continue;
            }
        };
        let mut out = stdout.lock();
        if let Err(e) = writeln!(out, "{line}").and_then(|_| out.flush()) {
            if is_broken_pipe(&e) {
                return Ok(());
            }
            return Err(TailError::Write(e));
        }
        seen += 1;
    }
    Ok(())
}

/// Entry point of `newsevents tail`: 0 on Ctrl-C, `--for` or `--count`, 2 on errors.
pub fn run(args: &TailArgs, config_path: Option<&Path>) -> i32 {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsevents tail: cannot start the async runtime: {e}");
            return 2;
        }
    };
    match runtime.block_on(run_async(args, config_path)) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("newsevents tail: {e}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn contract_event() -> Value {
        json!({
            "schema": "newsevents.event/v1", "event_id": "ev_3f9a1c0d2b7e4a51", "revision": 2,
            "status": "updated", "type": "ASSAULT", "mode": "drone",
            "summary": "Ukrainian drone attack on Sochi, Krasnodar Krai, Russia: 2 killed, 11 injured",
            "location": {"name": "Sochi", "country": "RU"},
            "date": {"value": "2025-07-24", "precision": "day", "text": "early Thursday morning"},
            "casualties": {"killed": 2, "injured": 11, "missing": null, "arrested": null}
        })
    }

    #[test]
    fn formats_an_updated_event_on_one_line() {
        let line = format_line(&contract_event(), false);
        assert!(line.starts_with("ASSAULT/drone "), "{line}");
        for part in [
            "Sochi, RU",
            "2025-07-24",
            "2 killed, 11 injured",
            "Krasnodar Krai",
            "↻ rev 2",
        ] {
            assert!(line.contains(part), "{part} missing from {line}");
        }
        assert!(!line.contains('\x1b'));
        assert!(!line.contains('\n'));
    }

    #[test]
    fn marks_only_updates_and_colours_only_when_asked() {
        let mut e = contract_event();
        e["revision"] = json!(1);
        e["status"] = json!("new");
        assert!(!format_line(&e, false).contains('↻'));
        let coloured = format_line(&e, true);
        assert!(
            coloured.starts_with("\x1b[1;31mASSAULT/drone"),
            "{coloured:?}"
        );
    }

    #[test]
    fn tolerates_missing_and_odd_fields() {
        let cases = [
            (
                json!({"type": "PROTEST", "summary": "Rally\nin Nairobi"}),
                "PROTEST",
            ),
            (
                json!({"type": "CONSULT", "location": null, "date": null, "casualties": {}}),
                "CONSULT",
            ),
            (json!({"summary": 5, "revision": "x"}), "?"),
            (json!([1, 2]), "?"),
        ];
        for (event, start) in cases {
            let line = format_line(&event, false);
            assert!(line.starts_with(start), "{line}");
            assert!(!line.contains('\n'), "{line}");
        }
    }

    #[test]
    fn casualty_text_includes_vague_kinds() {
        let cases = [
            (
                json!({"killed": 1, "injured": null, "vague": ["injured"]}),
                "1 killed, several injured",
            ),
            (
                json!({"killed": 0, "arrested": 45}),
                "0 killed, 45 arrested",
            ),
            (json!({"killed": null}), ""),
        ];
        for (c, want) in cases {
            assert_eq!(casualties_text(&c), want);
        }
    }

    #[test]
    fn replay_start_from_arguments() {
        use clap::Parser;
        #[derive(Parser)]
        struct T {
            #[command(flatten)]
            tail: TailArgs,
        }
        let p = |a: &[&str]| T::try_parse_from([&["tail"], a].concat()).map(|t| t.tail);
        assert_eq!(deliver_policy(&p(&[]).unwrap()), Ok(DeliverPolicy::New));
        assert_eq!(
            deliver_policy(&p(&["--all"]).unwrap()),
            Ok(DeliverPolicy::All)
        );
        assert_eq!(
            deliver_policy(&p(&["--seq", "42"]).unwrap()),
            Ok(DeliverPolicy::ByStartSequence { start_sequence: 42 })
        );
        let since = p(&["--since", "2025-07-24T10:00:00Z"]).unwrap();
        match deliver_policy(&since) {
            Ok(DeliverPolicy::ByStartTime { start_time }) => {
                assert_eq!(start_time.unix_timestamp(), 1_753_351_200)
            }
            other => panic!("{other:?}"),
        }
        let ago = p(&["--since", "10m"]).unwrap().since.unwrap();
        let age = chrono::Utc::now() - ago;
        assert!(age >= chrono::Duration::minutes(10) && age < chrono::Duration::minutes(11));
        assert!(p(&["--all", "--seq", "3"]).is_err());
        assert!(p(&["--since", "soonish"]).is_err());
        assert!(p(&["--seq", "0"]).is_err());
    }
}
