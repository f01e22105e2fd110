//! One-line human summaries: "Ukrainian drone attack on Sochi, Krasnodar Krai, Russia:
//! 2 killed, 11 injured".

use crate::model::{ActorRole, Candidate, EventType};

fn noun(kind: EventType, mode: Option<&str>) -> &'static str {
    match (kind, mode) {
        (EventType::Assault, Some("drone")) => "drone attack",
        (EventType::Assault, Some("aerial")) => "airstrike",
        (EventType::Assault, Some("heavy-weapons")) => "shelling",
        (EventType::Assault, Some("explosives")) => "bombing",
        (EventType::Assault, Some("suicide-attack")) => "suicide bombing",
        (EventType::Assault, Some("firearms")) => "armed attack",
        (EventType::Assault, Some("abduct")) => "abduction",
        (EventType::Assault, _) => "attack",
        (EventType::Protest, Some("riot")) => "riot",
        (EventType::Protest, Some("strike")) => "strike",
        (EventType::Protest, _) => "protest",
        (EventType::Consult, _) => "talks",
        (EventType::Agree, _) => "agreement",
        (EventType::Accuse, _) => "accusation",
        (EventType::Threaten, _) => "threat",
        (EventType::Sanction, _) => "sanctions",
        (EventType::Coerce, Some("arrest")) => "arrests",
        (EventType::Coerce, _) => "coercive measure",
        (EventType::Retreat, Some("release")) => "release",
        (EventType::Retreat, Some("ease")) => "easing of restrictions",
        (EventType::Retreat, Some("disarm")) => "disarmament",
        (EventType::Retreat, Some("ceasefire")) => "ceasefire",
        (EventType::Retreat, Some("resign")) => "resignation",
        (EventType::Retreat, _) => "withdrawal",
        (EventType::Mobilize, _) => "deployment",
        (EventType::Aid, _) => "aid delivery",
        (EventType::Cooperate, _) => "cooperation",
        (EventType::Request, _) => "appeal",
        (EventType::Reject, _) => "rejection",
        (EventType::Support, _) => "statement of support",
        (EventType::Concede, _) => "concession",
    }
}

/// Builds the summary line of a candidate; `country_name` maps alpha-2 to a name (owned
/// or borrowed: a name borrowed from the gazetteer is not copied for each summary).
pub fn summarize<N: AsRef<str>>(c: &Candidate, country_name: impl Fn(&str) -> Option<N>) -> String {
    // (room for most summaries at once, where growing from empty moved it a few times)
    let mut s = String::with_capacity(128);
    let mut noun = noun(c.event_type, c.mode.as_deref());
    let source = c.actors.iter().find(|a| a.role == ActorRole::Source);
    // a source named by a common noun follows the event: "armed attack by gunmen", not
    // "gunmen armed attack"; none when the noun says it ("suicide bombing", not "by
    // suicide bomber")
    let by = source
        .map(|a| a.text.trim())
        .filter(|t| super::actors::is_sector_noun(t))
        .map(str::to_lowercase);
    if let Some(text) = by.as_deref() {
        s.push_str(noun);
        let said = |a: &str, b: &str| a.get(..4).is_some_and(|x| b.get(..4) == Some(x));
        if !said(
            text.rsplit(' ').next().unwrap_or(text),
            noun.rsplit(' ').next().unwrap_or(noun),
        ) {
            s.push_str(" by ");
            s.push_str(text);
        }
    } else if let Some(src) = source {
        let text = src.text.trim();
        s.push_str(text);
        s.push(' ');
        // "Russian drone" + "drone attack" reads "Russian drone attack".
        if let (Some(last), Some((first, rest))) = (text.rsplit(' ').next(), noun.split_once(' ')) {
            // "Ukrainian drones" too
            let last = last.strip_suffix('s').unwrap_or(last);
            if last.eq_ignore_ascii_case(first) {
                noun = rest;
            }
        }
        s.push_str(noun);
    } else {
        s.push_str(noun);
    }
    let target = c
        .actors
        .iter()
        .find(|a| a.role == ActorRole::Target && (a.name.is_some() || c.location.is_none()));
    if let Some(loc) = &c.location {
        let prep = if c.event_type == EventType::Assault {
            " on "
        } else {
            " in "
        };
        s.push_str(prep);
        s.push_str(&loc.name);
        if let Some(a1) = &loc.admin1 {
            if a1 != &loc.name {
                s.push_str(", ");
                s.push_str(a1);
            }
        }
        if let Some(cn) = country_name(&loc.country) {
            let cn = cn.as_ref();
            if cn != loc.name.as_str() {
                s.push_str(", ");
                s.push_str(cn);
            }
        }
    } else if let Some(t) = target {
        s.push_str(match c.event_type {
            EventType::Consult | EventType::Agree | EventType::Cooperate => " with ",
            EventType::Aid | EventType::Request | EventType::Concede => " to ",
            EventType::Support => " for ",
            EventType::Retreat => " of ",
            _ => " against ",
        });
        s.push_str(t.text.trim());
    }
    // the figures, ": 2 killed, 11 injured", written in place
    let cas = &c.casualties;
    let mut sep = ": ";
    for (n, label) in [
        (cas.killed, "killed"),
        (cas.injured, "injured"),
        (cas.missing, "missing"),
        (cas.arrested, "arrested"),
    ] {
        if let Some(n) = n {
            s.push_str(sep);
            push_number(&mut s, n);
            s.push(' ');
            s.push_str(label);
            sep = ", ";
        }
    }
    for v in &cas.vague {
        s.push_str(sep);
        s.push_str("several ");
        s.push_str(v);
        sep = ", ";
    }
    // (an ASCII first letter is made upper case in place)
    match s.chars().next() {
        Some(f) if f.is_ascii() => {
            s[..1].make_ascii_uppercase();
            s
        }
        Some(f) => f.to_uppercase().collect::<String>() + &s[f.len_utf8()..],
        None => s,
    }
}

/// Appends `n` in decimal, as `format!("{n}")` writes it, without the formatting
/// machinery.
fn push_number(s: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let (mut i, mut n) = (digits.len(), n);
    loop {
        i -= 1;
        // (`n % 10` is below ten: the cast keeps it)
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[i..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Casualties, Evidence};

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            1_234,
            65_536,
            999_999_999,
            u32::MAX,
        ] {
            let mut s = String::from("x");
            push_number(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    fn candidate(source: &str, mode: &str) -> Candidate {
        Candidate {
            event_type: EventType::Assault,
            mode: Some(mode.into()),
            acled: None,
            summary: String::new(),
            actors: vec![Actor {
                role: ActorRole::Source,
                text: source.into(),
                country: Some("RUS".into()),
                sector: Some("MIL".into()),
                name: None,
            }],
            location: None,
            date: None,
            casualties: Casualties {
                killed: Some(2),
                ..Casualties::default()
            },
            quantities: vec![],
            evidence: Evidence {
                article_id: "a".into(),
                sentence: String::new(),
                start: 0,
                end: 0,
            },
            confidence: 0.5,
            distinct: false,
            back_reference: false,
        }
    }

    #[test]
    fn summaries_do_not_repeat_the_weapon() {
        let table = [
            ("Russian drone", "drone", "Russian drone attack: 2 killed"),
            ("Russian", "drone", "Russian drone attack: 2 killed"),
            (
                "Ukrainian drones",
                "drone",
                "Ukrainian drones attack: 2 killed",
            ),
            (
                "Russian forces",
                "heavy-weapons",
                "Russian forces shelling: 2 killed",
            ),
        ];
        for (source, mode, want) in table {
            assert_eq!(
                summarize(&candidate(source, mode), |_| None::<String>),
                want
            );
        }
    }

    #[test]
    fn a_common_noun_source_follows_the_event() {
        let table = [
            ("gunmen", "firearms", "Armed attack by gunmen: 2 killed"),
            (
                "suicide bomber",
                "suicide-attack",
                "Suicide bombing: 2 killed",
            ),
            ("attackers", "x", "Attack: 2 killed"),
            ("protesters", "demo", "Attack by protesters: 2 killed"),
            ("Gunmen", "firearms", "Armed attack by gunmen: 2 killed"),
            (
                "Suspected militants",
                "firearms",
                "Suspected militants armed attack: 2 killed",
            ),
        ];
        for (source, mode, want) in table {
            assert_eq!(
                summarize(&candidate(source, mode), |_| None::<String>),
                want
            );
        }
    }

    #[test]
    fn the_target_takes_the_preposition_of_the_event() {
        let table = [
            (EventType::Consult, "French President talks with Ukraine"),
            (EventType::Aid, "French President aid delivery to Ukraine"),
            (
                EventType::Accuse,
                "French President accusation against Ukraine",
            ),
        ];
        for (kind, want) in table {
            let mut c = candidate("French President", "x");
            c.event_type = kind;
            c.mode = None;
            c.casualties = Casualties::default();
            c.actors.push(Actor {
                role: ActorRole::Target,
                text: "Ukraine".into(),
                country: Some("UKR".into()),
                sector: Some("GOV".into()),
                name: None,
            });
            assert_eq!(summarize(&c, |_| None::<String>), want);
        }
    }
}
