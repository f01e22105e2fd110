//! Text normalization (NFC, quotes, dashes, markdown remnants, whitespace) with a map
//! back to byte offsets in the original body, so evidence can point into it.

/// Normalized text plus the offset map back into the original body.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original body it came from
    /// (plus one trailing entry for the end).
    map: Vec<u32>,
}

impl Normalized {
    /// Maps a byte range of the normalized text back to the original body.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        todo!("helper B1: {start}..{end} via {:?}", self.map.len())
    }
}

/// Normalizes an article body.
pub fn normalize(body: &str) -> Normalized {
    todo!("helper B1: {body}")
}
