//! PLOVER type + mode (+ a few sentence cues) -> ACLED event_type / sub_event_type.
//!
//! The table covers all 25 ACLED sub-event types; PLOVER categories ACLED does not code
//! (talks, statements, threats, accusations, sanctions, aid) map to `None`.

use crate::model::{Acled, EventType, Label};

/// All 25 ACLED sub-event types with their event type.
pub const SUB_EVENT_TYPES: [(&str, &str); 25] = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Suicide bomb"),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Explosions/Remote violence", "Grenade"),
    ("Violence against civilians", "Sexual violence"),
    ("Violence against civilians", "Attack"),
    (
        "Violence against civilians",
        "Abduction/forced disappearance",
    ),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    (
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    ("Strategic developments", "Other"),
];

/// Sentence-level cues that refine the mapping beyond type and mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues {
    /// Two armed parties fight each other (clash, exchange of fire, fighting).
    pub clash: bool,
    /// People were killed or wounded: property destroyed with them is an attack on
    /// people ("Gang members set fire to dozens of homes and killed at least 15 people").
    pub lethal: bool,
    /// Territory changes hands by force ("seized", "captured", "overran").
    pub territory_taken: bool,
    /// The side taking territory is a government force ("recaptured", "the army retook").
    pub by_government: bool,
    /// Security forces intervened in a protest (tear gas, dispersed, arrests).
    pub intervention: bool,
    /// Lethal or excessive force against protesters (live rounds, protesters killed).
    pub excessive_force: bool,
    /// A weapon was intercepted, defused or shot down before it struck.
    pub disrupted: bool,
    /// A mob attacked people (lynching, vigilantes).
    pub mob: bool,
    /// Grenade attack.
    pub grenade: bool,
    /// Chemical agents (chlorine, sarin, toxic gas).
    pub chemical: bool,
    /// A force set up a base or headquarters.
    pub base: bool,
    /// An armed force is party to it (troops, fighters, rebels): a withdrawal of one
    /// hands over ground, a withdrawal from a treaty or a bloc does not.
    pub armed: bool,
}

fn pair(sub: &str) -> Option<Acled> {
    SUB_EVENT_TYPES
        .iter()
        .find(|(_, s)| *s == sub)
        .map(|(t, s)| Acled {
            event_type: Label::from_static(t),
            sub_event_type: Label::from_static(s),
        })
}

/// How hard the state came down on a protest, by its ACLED sub-type: 0 peaceful, 1 with
/// intervention, 2 excessive force; 3 for anything else (riots and mob violence, which a
/// protest neither becomes nor stops being by intervention), and for none.
pub fn protest_force(a: Option<&Acled>) -> u8 {
    match a.map(|a| a.sub_event_type.as_str()) {
        Some("Peaceful protest") | None => 0,
        Some("Protest with intervention") => 1,
        Some("Excessive force against protesters") => 2,
        Some(_) => 3,
    }
}

/// Maps a PLOVER coding to its ACLED category, or `None` where ACLED has none.
pub fn map(kind: EventType, mode: Option<&str>, cues: Cues) -> Option<Acled> {
    let sub = match kind {
        EventType::Assault => {
            if cues.disrupted {
                "Disrupted weapons use"
            } else if cues.territory_taken {
                if cues.by_government {
                    "Government regains territory"
                } else {
                    "Non-state actor overtakes territory"
                }
            } else if cues.chemical {
                "Chemical weapon"
            } else if cues.grenade {
                "Grenade"
            } else if cues.mob {
                "Mob violence"
            } else {
                match mode {
                    Some("aerial") | Some("drone") => "Air/drone strike",
                    Some("heavy-weapons") => "Shelling/artillery/missile attack",
                    Some("explosives") => "Remote explosive/landmine/IED",
                    Some("suicide-attack") => "Suicide bomb",
                    Some("abduct") => "Abduction/forced disappearance",
                    Some("sexual") => "Sexual violence",
                    Some("destroy") if !cues.lethal => "Looting/property destruction",
                    Some("cbrn") => "Chemical weapon",
                    _ if cues.clash => "Armed clash",
                    _ => "Attack",
                }
            }
        }
        EventType::Protest => match mode {
            Some("riot") => {
                if cues.mob {
                    "Mob violence"
                } else {
                    "Violent demonstration"
                }
            }
            _ if cues.excessive_force => "Excessive force against protesters",
            _ if cues.intervention => "Protest with intervention",
            _ => "Peaceful protest",
        },
        EventType::Coerce => match mode {
            Some("arrest") => "Arrests",
            Some("seize") => "Looting/property destruction",
            _ => return None,
        },
        EventType::Agree => "Agreement",
        EventType::Retreat => match mode {
            Some("withdraw") if cues.armed => "Non-violent transfer of territory",
            Some("ceasefire") | Some("release") => "Agreement",
            _ => return None,
        },
        EventType::Mobilize => match mode {
            _ if cues.base => "Headquarters or base established",
            Some("militia") => "Change to group/activity",
            _ => return None,
        },
        _ => return None,
    };
    pair(sub)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_event_type_is_reachable() {
        let cases: Vec<(EventType, Option<&str>, Cues)> = vec![
            (
                EventType::Assault,
                Some("firearms"),
                Cues {
                    clash: true,
                    ..Cues::default()
                },
            ),
            (
                EventType::Assault,
                Some("firearms"),
                Cues {
                    territory_taken: true,
                    by_government: true,
                    ..Cues::default()
                },
            ),
            (
                EventType::Assault,
                Some("firearms"),
                Cues {
                    territory_taken: true,
                    ..Cues::default()
                },
            ),
            (
                EventType::Assault,
                None,
                Cues {
                    chemical: true,
                    ..Cues::default()
                },
            ),
            (EventType::Assault, Some("drone"), Cues::default()),
            (EventType::Assault, Some("suicide-attack"), Cues::default()),
            (EventType::Assault, Some("heavy-weapons"), Cues::default()),
            (EventType::Assault, Some("explosives"), Cues::default()),
            (
                EventType::Assault,
                None,
                Cues {
                    grenade: true,
                    ..Cues::default()
                },
            ),
            (EventType::Assault, Some("sexual"), Cues::default()),
            (EventType::Assault, Some("firearms"), Cues::default()),
            (EventType::Assault, Some("abduct"), Cues::default()),
            (EventType::Protest, Some("demo"), Cues::default()),
            (
                EventType::Protest,
                Some("demo"),
                Cues {
                    intervention: true,
                    ..Cues::default()
                },
            ),
            (
                EventType::Protest,
                Some("demo"),
                Cues {
                    excessive_force: true,
                    ..Cues::default()
                },
            ),
            (EventType::Protest, Some("riot"), Cues::default()),
            (
                EventType::Protest,
                Some("riot"),
                Cues {
                    mob: true,
                    ..Cues::default()
                },
            ),
            (EventType::Agree, None, Cues::default()),
            (EventType::Coerce, Some("arrest"), Cues::default()),
            (EventType::Mobilize, Some("militia"), Cues::default()),
            (
                EventType::Assault,
                Some("drone"),
                Cues {
                    disrupted: true,
                    ..Cues::default()
                },
            ),
            (EventType::Assault, Some("destroy"), Cues::default()),
            (
                EventType::Retreat,
                Some("withdraw"),
                Cues {
                    armed: true,
                    ..Cues::default()
                },
            ),
            (
                EventType::Mobilize,
                Some("troops"),
                Cues {
                    base: true,
                    ..Cues::default()
                },
            ),
        ];
        let mut seen: Vec<String> = cases
            .into_iter()
            .filter_map(|(t, m, c)| map(t, m, c))
            .map(|a| a.sub_event_type.into())
            .collect();
        seen.sort();
        seen.dedup();
        // "Other" is ACLED's catch-all and never inferred from text cues.
        assert_eq!(seen.len(), 24, "{seen:?}");
    }

    #[test]
    fn statements_have_no_acled_category() {
        for t in [
            EventType::Consult,
            EventType::Accuse,
            EventType::Threaten,
            EventType::Sanction,
            EventType::Aid,
        ] {
            assert_eq!(map(t, None, Cues::default()), None, "{t:?}");
        }
    }

    #[test]
    fn event_types_follow_the_sub_type() {
        let a =
            map(EventType::Assault, Some("heavy-weapons"), Cues::default()).map(|a| a.event_type);
        assert_eq!(a.as_deref(), Some("Explosions/Remote violence"));
        let p = map(EventType::Protest, Some("riot"), Cues::default()).map(|a| a.event_type);
        assert_eq!(p.as_deref(), Some("Riots"));
    }

    #[test]
    fn property_destroyed_with_people_killed_is_an_attack() {
        let sub = |lethal| {
            map(
                EventType::Assault,
                Some("destroy"),
                Cues {
                    lethal,
                    ..Cues::default()
                },
            )
            .map(|a| a.sub_event_type)
        };
        assert_eq!(sub(false).as_deref(), Some("Looting/property destruction"));
        assert_eq!(sub(true).as_deref(), Some("Attack"));
    }
}
