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

/// Builds the summary line of a candidate; `country_name` maps alpha-2 to a name.
pub fn summarize(c: &Candidate, country_name: impl Fn(&str) -> Option<String>) -> String {
    let mut s = String::new();
    if let Some(src) = c.actors.iter().find(|a| a.role == ActorRole::Source) {
        s.push_str(src.text.trim());
        s.push(' ');
    }
    s.push_str(noun(c.event_type, c.mode.as_deref()));
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
            if cn != loc.name {
                s.push_str(", ");
                s.push_str(&cn);
            }
        }
    } else if let Some(t) = target {
        s.push_str(" against ");
        s.push_str(t.text.trim());
    }
    let cas = &c.casualties;
    let mut figs = Vec::new();
    for (n, label) in [
        (cas.killed, "killed"),
        (cas.injured, "injured"),
        (cas.missing, "missing"),
        (cas.arrested, "arrested"),
    ] {
        if let Some(n) = n {
            figs.push(format!("{n} {label}"));
        }
    }
    for v in &cas.vague {
        figs.push(format!("several {v}"));
    }
    if !figs.is_empty() {
        s.push_str(": ");
        s.push_str(&figs.join(", "));
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().collect::<String>() + chars.as_str(),
        None => s,
    }
}
