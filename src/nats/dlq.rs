//! The dead-letter queue: the original payload byte for byte on `news.dlq`, the reason in
//! headers (`schema/dlq.md`). The caller acks the article only after this returns `Ok`.

use async_nats::jetstream;
use bytes::Bytes;

/// Error code header (`invalid_json`, `processing_failed`, ...).
pub const HEADER_ERROR: &str = "Newsevents-Error";
/// Human-readable reason.
pub const HEADER_DETAIL: &str = "Newsevents-Error-Detail";
/// Deliveries before the article was dead-lettered.
pub const HEADER_DELIVERY_COUNT: &str = "Newsevents-Delivery-Count";
/// Subject the article was published on.
pub const HEADER_SUBJECT: &str = "Newsevents-Subject";
/// Article id, when the payload parsed far enough to have one.
pub const HEADER_ARTICLE_ID: &str = "Newsevents-Article-Id";

/// Code for a failure that outlived every retry.
pub const PROCESSING_FAILED: &str = "processing_failed";
/// Code for a bug caught at runtime (a panic in extraction).
pub const INTERNAL_ERROR: &str = "internal_error";

/// Longest detail header kept (header lines must stay small).
const MAX_DETAIL_BYTES: usize = 1024;

/// Why the DLQ publish failed (the article is then retried, never acked).
#[derive(Debug, thiserror::Error)]
pub enum DlqError {
    #[error("dlq publish: {0}")]
    Publish(#[from] jetstream::context::PublishError),
}

/// Everything the DLQ message says about the rejected article.
#[derive(Debug, Clone)]
pub struct Rejection<'a> {
    pub code: &'a str,
    pub detail: &'a str,
    pub delivered: u64,
    pub subject: &'a str,
    pub article_id: Option<&'a str>,
    /// `<stream>:<stream sequence>` of the article: the DLQ message's msg-id, so a
    /// redelivered rejection is stored once.
    pub origin: Option<(&'a str, u64)>,
}

/// Headers of a DLQ message.
pub fn headers(r: &Rejection<'_>) -> async_nats::HeaderMap {
    let mut h = async_nats::HeaderMap::new();
    h.insert(HEADER_ERROR, header_value(r.code).as_str());
    let detail = header_value(r.detail);
    h.insert(
        HEADER_DETAIL,
        if detail.is_empty() {
            r.code.to_string()
        } else {
            detail
        }
        .as_str(),
    );
    if r.delivered > 0 {
        h.insert(HEADER_DELIVERY_COUNT, r.delivered.to_string().as_str());
    }
    if !r.subject.is_empty() {
        h.insert(HEADER_SUBJECT, header_value(r.subject).as_str());
    }
    if let Some(id) = r.article_id {
        h.insert(HEADER_ARTICLE_ID, header_value(id).as_str());
    }
    if let Some((stream, seq)) = r.origin {
        h.insert(
            async_nats::header::NATS_MESSAGE_ID,
            format!("dlq:{stream}:{seq}").as_str(),
        );
    }
    h
}

/// A header value cannot hold line breaks or other controls: they become spaces; long
/// text is cut at a char boundary.
pub fn header_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_DETAIL_BYTES));
    for c in text.chars() {
        if out.len() + c.len_utf8() > MAX_DETAIL_BYTES {
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out.trim().to_string()
}

/// Publishes `payload` unchanged to `subject` and awaits the PublishAck.
pub async fn publish(
    js: &jetstream::Context,
    subject: &str,
    payload: Bytes,
    rejection: &Rejection<'_>,
) -> Result<(), DlqError> {
    js.publish_with_headers(subject.to_string(), headers(rejection), payload)
        .await?
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_are_single_line_and_bounded() {
        let long = "é".repeat(2000);
        let cases: &[(&str, &str)] = &[
            (
                "payload is not valid json: eof",
                "payload is not valid json: eof",
            ),
            ("line one\r\nline two", "line one  line two"),
            ("\ttabbed\u{0}", "tabbed"),
        ];
        for (input, want) in cases {
            assert_eq!(header_value(input), *want);
        }
        let cut = header_value(&long);
        assert!(cut.len() <= MAX_DETAIL_BYTES && cut.len() >= MAX_DETAIL_BYTES - 1);
    }

    #[test]
    fn headers_carry_code_count_subject_and_msg_id() {
        let h = headers(&Rejection {
            code: "processing_failed",
            detail: "",
            delivered: 4,
            subject: "news.articles.en",
            article_id: Some("a-1"),
            origin: Some(("NEWS_ARTICLES", 17)),
        });
        let get = |k: &str| h.get(k).map(|v| v.as_str().to_string());
        assert_eq!(get(HEADER_ERROR).as_deref(), Some("processing_failed"));
        assert_eq!(get(HEADER_DETAIL).as_deref(), Some("processing_failed"));
        assert_eq!(get(HEADER_DELIVERY_COUNT).as_deref(), Some("4"));
        assert_eq!(get(HEADER_SUBJECT).as_deref(), Some("news.articles.en"));
        assert_eq!(get(HEADER_ARTICLE_ID).as_deref(), Some("a-1"));
        assert_eq!(get("Nats-Msg-Id").as_deref(), Some("dlq:NEWS_ARTICLES:17"));
    }
}
