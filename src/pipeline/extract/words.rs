//! Whitespace-separated words read byte by byte on ASCII text, as `split_whitespace`
//! reads them (which decodes every character to ask whether it is a space of Unicode's).

/// `char::is_whitespace` of an ASCII byte (tab to carriage return, and the space).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The whitespace-separated words of a text, last first: `str::split_whitespace().rev()`,
/// read byte by byte when the text is ASCII (nearly always).
pub struct WordsBack<'a> {
    /// The text not yet read, when it is ASCII.
    rest: &'a str,
    /// The reader for a text that is not ASCII.
    unicode: Option<std::iter::Rev<std::str::SplitWhitespace<'a>>>,
}

impl<'a> WordsBack<'a> {
    pub fn new(text: &'a str) -> WordsBack<'a> {
        if text.is_ascii() {
            WordsBack {
                rest: text,
                unicode: None,
            }
        } else {
            WordsBack {
                rest: "",
                unicode: Some(text.split_whitespace().rev()),
            }
        }
    }
}

impl<'a> Iterator for WordsBack<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if let Some(words) = &mut self.unicode {
            return words.next();
        }
        let b = self.rest.as_bytes();
        let end = b.iter().rposition(|&c| !is_ascii_space(c))? + 1;
        let start = b[..end]
            .iter()
            .rposition(|&c| is_ascii_space(c))
            .map_or(0, |k| k + 1);
        let word = self.rest.get(start..end)?;
        self.rest = self.rest.get(..start)?;
        Some(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_back_read_as_split_whitespace_does() {
        let texts = [
            "",
            "   ",
            "in the central Sagaing region",
            "  two\tspaced \n words\r\n",
            " \tkilled\n at least  70 people ",
            "a\x0bvertical tab",
            "non\u{a0}breaking space in Kyiv",
            "soldiers\u{a0}would be sent",
            "Tibú, Adré and Łódź",
            "caf\u{e9} owners said",
            "x",
        ];
        for t in texts {
            let want: Vec<&str> = t.split_whitespace().rev().collect();
            let got: Vec<&str> = WordsBack::new(t).collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn ascii_spaces_are_those_of_char_is_whitespace() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
    }
}
