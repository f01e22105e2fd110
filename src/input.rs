//! Validation of raw input payloads into [`Article`]s, with the contract's error codes.
//!
//! Pure: bytes in, article or [`InputError`] out. Used by the worker (errors go to the DLQ)
//! and by `newsevents extract` (errors exit with code 2).

use crate::model::Article;
use chrono::{DateTime, Utc};
use serde_json::Value;
use xxhash_rust::xxh3::xxh3_128;

/// Why a payload was rejected. The code is stable: it is the `Newsevents-Error` header
/// value and a metric label.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("payload is not valid utf-8: {0}")]
    InvalidUtf8(String),
    #[error("payload is not valid json: {0}")]
    InvalidJson(String),
    #[error("article has no usable body: {0}")]
    MissingBody(String),
    #[error("payload of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
}

impl InputError {
    /// Stable error code (`invalid_utf8`, `invalid_json`, `missing_body`, `too_large`).
    pub fn code(&self) -> &'static str {
        match self {
            InputError::InvalidUtf8(_) => "invalid_utf8",
            InputError::InvalidJson(_) => "invalid_json",
            InputError::MissingBody(_) => "missing_body",
            InputError::TooLarge { .. } => "too_large",
        }
    }

    /// Every code, for metrics registration and docs.
    pub const CODES: [&'static str; 4] =
        ["invalid_utf8", "invalid_json", "missing_body", "too_large"];
}

/// Parses one payload (the bytes of a NATS message or of one input record).
///
/// `fallback_time` is used when the article carries no usable `published_at`
/// (the NATS message timestamp, else receive time).
pub fn parse_article(
    payload: &[u8],
    max_bytes: usize,
    fallback_time: DateTime<Utc>,
) -> Result<Article, InputError> {
    if payload.len() > max_bytes {
        return Err(InputError::TooLarge {
            size: payload.len(),
            limit: max_bytes,
        });
    }
    let text = std::str::from_utf8(payload).map_err(|e| {
        InputError::InvalidUtf8(format!(
            "invalid byte sequence at offset {}",
            e.valid_up_to()
        ))
    })?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        // serde_json stops at 128 levels of nesting with an error: no stack overflow.
        let value: Value =
            serde_json::from_str(text).map_err(|e| InputError::InvalidJson(e.to_string()))?;
        from_json(value, fallback_time)
    } else {
        if text.trim().is_empty() {
            return Err(InputError::MissingBody("payload is empty".into()));
        }
        Ok(Article {
            id: derive_id(None, text),
            url: None,
            title: None,
            body: text.to_string(),
            published_at: fallback_time,
            source: None,
            language: None,
        })
    }
}

fn from_json(value: Value, fallback_time: DateTime<Utc>) -> Result<Article, InputError> {
    let Value::Object(mut map) = value else {
        return Err(InputError::MissingBody(
            "json payload is not an object".into(),
        ));
    };
    let mut body = None;
    for key in ["body", "text", "content"] {
        if let Some(Value::String(s)) = map.remove(key) {
            if !s.trim().is_empty() {
                body = Some(s);
                break;
            }
        }
    }
    let Some(body) = body else {
        return Err(InputError::MissingBody(
            "no non-empty string in `body`, `text` or `content`".into(),
        ));
    };
    let string = |map: &mut serde_json::Map<String, Value>, key: &str| match map.remove(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(Value::Number(n)) if key == "id" => Some(n.to_string()),
        _ => None,
    };
    let url = string(&mut map, "url");
    let id = string(&mut map, "id").unwrap_or_else(|| derive_id(url.as_deref(), &body));
    let published_at = string(&mut map, "published_at")
        .and_then(|s| parse_time(&s))
        .unwrap_or(fallback_time);
    Ok(Article {
        id,
        title: string(&mut map, "title"),
        url,
        body,
        published_at,
        source: string(&mut map, "source"),
        language: string(&mut map, "language"),
    })
}

/// Accepts RFC 3339 and a few common variants (`2025-07-24 10:00:00`, `2025-07-24`).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S") {
        return Some(t.and_utc());
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S") {
        return Some(t.and_utc());
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Id for an article that has none: from its url, else from a hash of its normalized body.
pub fn derive_id(url: Option<&str>, body: &str) -> String {
    match url {
        Some(u) => format!("url-{:016x}", xxh3_128(u.trim().as_bytes()) as u64),
        None => format!("body-{:016x}", body_hash(body) as u64),
    }
}

/// Hash of the body with whitespace collapsed and case folded: equal for exact copies
/// that differ only in spacing.
pub fn body_hash(body: &str) -> u128 {
    let mut norm = String::with_capacity(body.len());
    for w in body.split_whitespace() {
        if !norm.is_empty() {
            norm.push(' ');
        }
        if w.is_ascii() {
            norm.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            norm.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    xxh3_128(norm.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        parse_time("2025-03-18T12:00:00Z").unwrap()
    }

    #[test]
    fn classifies_payloads() {
        let cases: &[(&[u8], Result<&str, &str>)] = &[
            (br#"{"id":"a","body":"Hello world"}"#, Ok("Hello world")),
            (br#"{"text":"Via text"}"#, Ok("Via text")),
            (br#"{"content":"Via content"}"#, Ok("Via content")),
            (b"plain text story", Ok("plain text story")),
            (b"", Err("missing_body")),
            (b"  \n\t ", Err("missing_body")),
            (br#"{"body": null}"#, Err("missing_body")),
            (br#"{"body": 12345}"#, Err("missing_body")),
            (br#"{"body": "  "}"#, Err("missing_body")),
            (br#"["body"]"#, Err("missing_body")),
            (br#"{'body': 'x',}"#, Err("invalid_json")),
            (br#"{"body": "cut"#, Err("invalid_json")),
            (b"caf\xe9", Err("invalid_utf8")),
        ];
        for (payload, want) in cases {
            let got = parse_article(payload, 1 << 20, now());
            match (want, got) {
                (Ok(body), Ok(a)) => assert_eq!(&a.body, body),
                (Err(code), Err(e)) => assert_eq!(e.code(), *code, "{payload:?}"),
                (w, g) => panic!("{payload:?}: want {w:?}, got {g:?}"),
            }
        }
    }

    #[test]
    fn size_limit_checked_before_parsing() {
        let err = parse_article(b"{not even json", 4, now()).unwrap_err();
        assert_eq!(err.code(), "too_large");
    }

    #[test]
    fn deep_nesting_is_invalid_json_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(
            parse_article(deep.as_bytes(), 1 << 20, now())
                .unwrap_err()
                .code(),
            "invalid_json"
        );
    }

    #[test]
    fn ids_and_times() {
        let a = parse_article(
            br#"{"url":"https://x/y","body":"b","published_at":"2025-07-24T10:00:00Z"}"#,
            1000,
            now(),
        )
        .unwrap();
        assert!(a.id.starts_with("url-"));
        assert_eq!(a.published_at.to_rfc3339(), "2025-07-24T10:00:00+00:00");
        let b = parse_article(b"same  body", 1000, now()).unwrap();
        let c = parse_article(b"same body", 1000, now()).unwrap();
        assert_eq!(b.id, c.id);
        assert_eq!(b.published_at, now());
    }
}
