//! Casualty figures in a sentence, with their positions so they can be attached to the
//! right event: "two killed", "killing an Afghan border guard", "three bodies", "at least
//! 33 people injured", "no one was killed", "several injuries" (vague).

use super::lexicon::Lexicon;
use std::sync::OnceLock;

/// The kind of casualty a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Killed,
    Injured,
    Missing,
    Arrested,
}

impl Kind {
    /// Name used in `casualties.vague`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Killed => "killed",
            Kind::Injured => "injured",
            Kind::Missing => "missing",
            Kind::Arrested => "arrested",
        }
    }
}

/// How much a figure says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    Exact(u32),
    Vague,
    /// "No casualties" marks both killed and injured as zero.
    NoneAtAll,
}

/// One casualty figure at a byte position of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub pos: usize,
    pub kind: Kind,
    pub amount: Amount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// A casualty word; `after` = the count usually comes after it ("killing three").
    Cas(Kind, bool),
    /// "casualties": killed and injured.
    AnyCas,
}

const WORDS: &[(&str, Word)] = &[
    ("killed", Word::Cas(Kind::Killed, true)),
    ("killing", Word::Cas(Kind::Killed, true)),
    ("dead", Word::Cas(Kind::Killed, false)),
    ("died", Word::Cas(Kind::Killed, false)),
    ("deaths", Word::Cas(Kind::Killed, false)),
    ("death", Word::Cas(Kind::Killed, false)),
    ("fatalities", Word::Cas(Kind::Killed, false)),
    ("bodies", Word::Cas(Kind::Killed, false)),
    ("lives", Word::Cas(Kind::Killed, false)),
    ("death toll", Word::Cas(Kind::Killed, true)),
    ("wounded", Word::Cas(Kind::Injured, true)),
    ("wounding", Word::Cas(Kind::Injured, true)),
    ("injured", Word::Cas(Kind::Injured, true)),
    ("injuring", Word::Cas(Kind::Injured, true)),
    ("injuries", Word::Cas(Kind::Injured, false)),
    ("hurt", Word::Cas(Kind::Injured, false)),
    ("missing", Word::Cas(Kind::Missing, false)),
    ("arrested", Word::Cas(Kind::Arrested, true)),
    ("detained", Word::Cas(Kind::Arrested, true)),
    ("arrests", Word::Cas(Kind::Arrested, false)),
    ("casualties", Word::AnyCas),
    ("unhurt", Word::Cas(Kind::Injured, false)),
];

fn words() -> &'static Lexicon<Word> {
    static L: OnceLock<Lexicon<Word>> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(WORDS))
}

const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
    ("a dozen", 12),
    ("a", 1),
    ("an", 1),
];

const VAGUE: &[&str] = &[
    "several",
    "dozens",
    "scores",
    "many",
    "some",
    "numerous",
    "hundreds",
    "multiple",
    "a number of",
    "a few",
    "few",
    "thousands",
    "countless",
];

/// Parses one number token ("33", "1,200", "eleven", "twenty-one"). Bounded: tokens
/// longer than 12 digits are refused.
pub fn parse_number(tok: &str) -> Option<u32> {
    let t = tok.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() {
        return None;
    }
    if t.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        let digits: String = t.chars().filter(|c| *c != ',').collect();
        if digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return digits.parse().ok();
    }
    let lower = t.to_ascii_lowercase();
    if let Some((a, b)) = lower.split_once('-') {
        let a = UNITS.iter().find(|(w, _)| *w == a).map(|x| x.1)?;
        let b = UNITS.iter().find(|(w, _)| *w == b).map(|x| x.1)?;
        return (a >= 20 && b < 10).then_some(a + b);
    }
    UNITS
        .iter()
        .find(|(w, _)| *w == lower && *w != "a" && *w != "an")
        .map(|x| x.1)
}

/// Words (byte ranges) of a text slice.
fn tokens(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in s.char_indices() {
        let part = ch.is_alphanumeric() || ch == ',' || ch == '-' || ch == '\'';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    // strip trailing commas/hyphens
    out.into_iter()
        .map(|(a, mut b)| {
            while b > a && matches!(s.as_bytes()[b - 1], b',' | b'-' | b'\'') {
                b -= 1;
            }
            (a, b)
        })
        .filter(|(a, b)| b > a)
        .collect()
}

/// Reads a count from up to `n` tokens; returns the amount and the token index used.
fn count_in(toks: &[&str], from_end: bool) -> Option<(Amount, usize)> {
    let idxs: Vec<usize> = if from_end {
        (0..toks.len()).rev().collect()
    } else {
        (0..toks.len()).collect()
    };
    for i in idxs {
        let w = toks[i].to_ascii_lowercase();
        if i > 0 && toks[i - 1].eq_ignore_ascii_case("including") {
            continue;
        }
        if let Some(n) = parse_number(&w) {
            // "a dozen" / "about a dozen"
            return Some((Amount::Exact(n), i));
        }
        if w == "dozen" {
            return Some((Amount::Exact(12), i));
        }
        if VAGUE.contains(&w.as_str()) {
            return Some((Amount::Vague, i));
        }
        if (w == "a" || w == "an" || w == "one") && !from_end {
            return Some((Amount::Exact(1), i));
        }
        if matches!(w.as_str(), "no" | "none") {
            return Some((Amount::Exact(0), i));
        }
        // stop at words that end a noun phrase
        if matches!(
            w.as_str(),
            "and" | "while" | "but" | "after" | "in" | "on" | "at" | "when" | "as" | "of" | "the"
        ) && from_end
        {
            return None;
        }
    }
    None
}

/// Finds the casualty figures of one sentence. Never panics; linear in the sentence.
pub fn find(sentence: &str) -> Vec<Figure> {
    let toks = tokens(sentence);
    let mut out: Vec<Figure> = Vec::new();
    let lower = sentence.to_ascii_lowercase();
    let negated_all = [
        "no casualties",
        "no one was",
        "nobody was",
        "no one has",
        "no deaths",
        "no injuries",
        "without casualties",
    ];
    for hit in words().find(sentence) {
        // token index of the hit
        let Some(ti) = toks.iter().position(|(a, _)| *a == hit.start) else {
            continue;
        };
        let before: Vec<&str> = toks[ti.saturating_sub(8)..ti]
            .iter()
            .map(|(a, b)| &sentence[*a..*b])
            .collect();
        let after: Vec<&str> = toks[ti + 1..(ti + 5).min(toks.len())]
            .iter()
            .map(|(a, b)| &sentence[*a..*b])
            .collect();
        let kinds: Vec<Kind> = match hit.value {
            Word::Cas(k, _) => vec![k],
            Word::AnyCas => vec![Kind::Killed, Kind::Injured],
        };
        let after_first = matches!(hit.value, Word::Cas(_, true));
        let word = &lower[hit.start..hit.end];
        if word == "unhurt" {
            out.push(Figure {
                pos: hit.start,
                kind: Kind::Injured,
                amount: Amount::Exact(0),
            });
            continue;
        }
        // "no one was killed", "no casualties were reported"
        let mut window_start = hit.start.saturating_sub(24);
        while !lower.is_char_boundary(window_start) {
            window_start -= 1;
        }
        let window = lower.get(window_start..hit.start).unwrap_or("");
        let span = lower.get(window_start..hit.end).unwrap_or("");
        if negated_all
            .iter()
            .any(|n| window.contains(n) || span.contains(n))
        {
            let amount = if matches!(hit.value, Word::AnyCas) {
                Amount::NoneAtAll
            } else {
                Amount::Exact(0)
            };
            for k in kinds {
                out.push(Figure {
                    pos: hit.start,
                    kind: k,
                    amount,
                });
            }
            continue;
        }
        // "claimed the lives of two individuals"
        let mut found = None;
        if word == "lives" || word == "death toll" {
            found = count_in(&after, false).map(|x| x.0);
        } else if after_first {
            // "killing three", "killed at least 14 people"; the count after the verb
            let skip = [
                "at", "least", "about", "around", "nearly", "almost", "more", "than", "over",
                "some", "up", "to", "rose", "of",
            ];
            let trimmed: Vec<&str> = after
                .iter()
                .copied()
                .skip_while(|w| skip.contains(&w.to_ascii_lowercase().as_str()))
                .take(1)
                .collect();
            if let Some(w0) = trimmed.first() {
                let lw = w0.to_ascii_lowercase();
                if let Some(n) = parse_number(&lw) {
                    found = Some(Amount::Exact(n));
                } else if lw == "a" || lw == "an" || lw == "one" {
                    found = Some(Amount::Exact(1));
                } else if VAGUE.contains(&lw.as_str()) {
                    found = Some(Amount::Vague);
                }
            }
        }
        if found.is_none() {
            // "three bodies", "33 people injured", "two individuals were killed"
            let b: Vec<&str> = before
                .iter()
                .copied()
                .filter(|w| {
                    !matches!(
                        w.to_ascii_lowercase().as_str(),
                        "were"
                            | "was"
                            | "have"
                            | "has"
                            | "been"
                            | "had"
                            | "reportedly"
                            | "later"
                            | "also"
                    )
                })
                .collect();
            found = count_in(&b, true).map(|x| x.0);
        }
        if let Some(amount) = found {
            for k in kinds {
                out.push(Figure {
                    pos: hit.start,
                    kind: k,
                    amount,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, kind: Kind) -> Option<Amount> {
        find(s)
            .into_iter()
            .find(|f| f.kind == kind)
            .map(|f| f.amount)
    }

    #[test]
    fn reads_figures_from_real_sentences() {
        use Amount::*;
        let cases: &[(&str, Kind, Option<Amount>)] = &[
            (
                "officials in Russia reported two fatalities and eleven injuries",
                Kind::Killed,
                Some(Exact(2)),
            ),
            (
                "officials in Russia reported two fatalities and eleven injuries",
                Kind::Injured,
                Some(Exact(11)),
            ),
            (
                "with three bodies discovered under the ruins",
                Kind::Killed,
                Some(Exact(3)),
            ),
            (
                "another assault on Kharkiv resulted in 33 people injured",
                Kind::Injured,
                Some(Exact(33)),
            ),
            (
                "while several injuries were reported in Cherkasy",
                Kind::Injured,
                Some(Vague),
            ),
            (
                "killing an Afghan border guard and wounding three Pakistani soldiers",
                Kind::Killed,
                Some(Exact(1)),
            ),
            (
                "killing an Afghan border guard and wounding three Pakistani soldiers",
                Kind::Injured,
                Some(Exact(3)),
            ),
            (
                "At least 14 people, including three soldiers, were killed",
                Kind::Killed,
                Some(Exact(14)),
            ),
            ("No casualties were reported", Kind::Killed, Some(NoneAtAll)),
            (
                "no one was killed in the strike",
                Kind::Killed,
                Some(Exact(0)),
            ),
            ("The driver was unhurt", Kind::Injured, Some(Exact(0))),
            ("Police arrested 45 people", Kind::Arrested, Some(Exact(45))),
            (
                "the strike killed 1,200 head of cattle",
                Kind::Killed,
                Some(Exact(1200)),
            ),
            (
                "Twenty-one people were wounded",
                Kind::Injured,
                Some(Exact(21)),
            ),
            ("dozens were injured", Kind::Injured, Some(Vague)),
            ("the market reopened on Monday", Kind::Killed, None),
        ];
        for (s, k, want) in cases {
            assert_eq!(one(s, *k), *want, "{s}");
        }
    }

    #[test]
    fn parses_number_words_and_digits() {
        for (s, n) in [
            ("two", Some(2)),
            ("1,200", Some(1200)),
            ("Eleven", Some(11)),
            ("twenty-one", Some(21)),
            ("99999999999999", None),
            ("the", None),
        ] {
            assert_eq!(parse_number(s), n, "{s}");
        }
    }
}
