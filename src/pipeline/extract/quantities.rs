//! Counted things other than casualties: prisoners exchanged, bodies transferred, troops
//! involved, people displaced ("exchange 1,200 prisoners of war", "about 19,000 South
//! Korean troops").

use super::casualties::parse_number;
use crate::model::Quantity;

const HEADS: &[&str] = &[
    "prisoners",
    "prisoner",
    "bodies",
    "soldiers",
    "troops",
    "hostages",
    "captives",
    "detainees",
    "refugees",
    "people",
    "civilians",
    "families",
    "households",
    "trucks",
    "tonnes",
    "tons",
    "migrants",
    "children",
    "students",
    "pupils",
    "fighters",
    "officers",
    "police",
    "diplomats",
    "homes",
    "houses",
    "buildings",
    "drones",
    "missiles",
    "rockets",
    "shells",
    "vehicles",
    "residents",
    "villagers",
    "protesters",
    "demonstrators",
    "workers",
    "passengers",
    "pieces",
];

const CASUALTY_WORDS: &[&str] = &[
    "killed",
    "dead",
    "died",
    "wounded",
    "injured",
    "hurt",
    "missing",
    "arrested",
    "detained",
    "fatalities",
    "injuries",
    "casualties",
    "deaths",
    "lives",
];

/// Quantities in one sentence (skipping casualty figures, years, money and percentages).
pub fn find(sentence: &str) -> Vec<Quantity> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(n) = parse_number(w) else { continue };
        let raw = w.trim_matches(|c: char| !c.is_alphanumeric());
        if n < 2
            || raw.contains('%')
            || w.starts_with('$')
            || (1900..2100).contains(&n) && !raw.contains(',')
        {
            continue;
        }
        if i > 0
            && matches!(
                words[i - 1].to_ascii_lowercase().as_str(),
                "including" | "march" | "on" | "since"
            )
        {
            continue;
        }
        // the noun phrase after the number, up to 5 words, to a head noun
        let mut phrase: Vec<&str> = Vec::new();
        let mut head = None;
        for nw in words.iter().skip(i + 1).take(5) {
            let clean = nw.trim_end_matches([',', '.', ';', ':', ')']);
            let lw = clean.to_ascii_lowercase();
            if lw == "of" && head.is_some() {
                // "prisoners of war"
                phrase.push(clean);
                continue;
            }
            phrase.push(clean);
            if HEADS.contains(&lw.as_str()) {
                head = Some(phrase.len());
            } else if head.is_some() && phrase.last() != Some(&clean) {
                break;
            }
            if head.is_some() && lw == "war" {
                head = Some(phrase.len());
            }
            if clean.len() != nw.len()
                || (head.is_some() && lw != "of") && !HEADS.contains(&lw.as_str()) && lw != "war"
            {
                break;
            }
        }
        let Some(h) = head else { continue };
        let what: Vec<&str> = phrase[..h].to_vec();
        let tail: String = words
            .iter()
            .skip(i + 1)
            .take(h + 4)
            .map(|x| x.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if CASUALTY_WORDS.iter().any(|c| {
            tail.split(|ch: char| !ch.is_alphanumeric())
                .any(|t| t == *c)
        }) {
            continue;
        }
        out.push(Quantity {
            what: what.join(" ").to_ascii_lowercase(),
            count: u64::from(n),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_counted_things() {
        let s = "Russian lead negotiator Vladimir Medinsky mentioned a tentative agreement to exchange 1,200 prisoners of war and to transfer back 3,000 deceased Ukrainian soldiers.";
        let q = find(s);
        assert!(
            q.iter()
                .any(|q| q.count == 1200 && q.what == "prisoners of war"),
            "{q:?}"
        );
        assert!(
            q.iter()
                .any(|q| q.count == 3000 && q.what.ends_with("soldiers")),
            "{q:?}"
        );
        let q = find("The drills involve about 19,000 South Korean troops.");
        assert_eq!(q.first().map(|q| q.count), Some(19000));
        assert!(find("At least 14 people were killed in 2024.").is_empty());
        assert!(find("Shares fell 3.1% on March 3.").is_empty());
    }
}
