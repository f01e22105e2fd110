//! Trigger lexicons: the words that announce an event of each PLOVER type, with the mode
//! they imply, plus the mode cues (weapons) and context cues (negation, modality,
//! history, figurative domains) that decide whether a trigger is a real event.

use super::lexicon::Lexicon;
use crate::model::EventType;
use std::sync::OnceLock;

/// What a trigger word says about the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub kind: EventType,
    pub mode: Option<&'static str>,
    /// Ambiguous words ("hit", "fired", "attack", "met") need supporting context: a weapon,
    /// a casualty figure or an armed actor in the same sentence.
    pub weak: bool,
    /// A casualty word ("killed", "wounded", "bodies"): an assault only when the sentence
    /// or its paragraph talks about violence.
    pub casualty: bool,
}

use EventType::*;

const fn t(kind: EventType, mode: Option<&'static str>) -> Trigger {
    Trigger {
        kind,
        mode,
        weak: false,
        casualty: false,
    }
}
const fn w(kind: EventType, mode: Option<&'static str>) -> Trigger {
    Trigger {
        kind,
        mode,
        weak: true,
        casualty: false,
    }
}
const fn c() -> Trigger {
    Trigger {
        kind: Assault,
        mode: None,
        weak: true,
        casualty: true,
    }
}

const TRIGGERS: &[(&str, Trigger)] = &[
    // ASSAULT: attacks, strikes, fighting
    ("attack*", w(Assault, None)),
    ("assault", w(Assault, None)),
    ("assaulted", w(Assault, None)),
    ("strike", w(Assault, None)),
    ("strikes", w(Assault, None)),
    ("struck", w(Assault, None)),
    ("hit", w(Assault, None)),
    ("hitting", w(Assault, None)),
    ("targeted", w(Assault, None)),
    ("targeting", w(Assault, None)),
    ("airstrike*", t(Assault, Some("aerial"))),
    ("air strike*", t(Assault, Some("aerial"))),
    ("air raid*", t(Assault, Some("aerial"))),
    ("bombed", w(Assault, None)),
    ("bombing*", w(Assault, None)),
    ("bombardment", w(Assault, Some("heavy-weapons"))),
    ("bombarded", w(Assault, Some("heavy-weapons"))),
    ("shelled", t(Assault, Some("heavy-weapons"))),
    ("shelling", t(Assault, Some("heavy-weapons"))),
    ("shells", w(Assault, Some("heavy-weapons"))),
    ("shell", w(Assault, Some("heavy-weapons"))),
    ("mortar*", w(Assault, Some("heavy-weapons"))),
    ("rocket attack*", t(Assault, Some("heavy-weapons"))),
    ("missile attack*", t(Assault, Some("heavy-weapons"))),
    ("missile strike*", t(Assault, Some("heavy-weapons"))),
    ("drone attack*", t(Assault, Some("drone"))),
    ("drone strike*", t(Assault, Some("drone"))),
    ("explosion*", w(Assault, Some("explosives"))),
    ("blast", w(Assault, Some("explosives"))),
    ("exploded", w(Assault, Some("explosives"))),
    ("detonated", t(Assault, Some("explosives"))),
    ("car bomb*", t(Assault, Some("explosives"))),
    ("roadside bomb*", t(Assault, Some("explosives"))),
    ("suicide bomb*", t(Assault, Some("suicide-attack"))),
    ("suicide attack*", t(Assault, Some("suicide-attack"))),
    ("rammed", w(Assault, None)),
    ("opened fire", t(Assault, Some("firearms"))),
    ("shot dead", t(Assault, Some("firearms"))),
    ("gunmen", w(Assault, Some("firearms"))),
    ("gunfire", w(Assault, Some("firearms"))),
    ("shooting", w(Assault, Some("firearms"))),
    ("fired", w(Assault, None)),
    ("exchanged fire", t(Assault, Some("firearms"))),
    ("exchanged heavy fire", t(Assault, Some("firearms"))),
    ("exchange of fire", t(Assault, Some("firearms"))),
    ("clash*", w(Assault, Some("firearms"))),
    ("fighting", w(Assault, Some("firearms"))),
    ("firefight*", t(Assault, Some("firearms"))),
    ("ambush*", t(Assault, Some("firearms"))),
    ("raid", w(Assault, None)),
    ("raided", w(Assault, None)),
    ("stormed", w(Assault, None)),
    ("massacre*", t(Assault, Some("firearms"))),
    ("abduct*", t(Assault, Some("abduct"))),
    ("kidnap*", t(Assault, Some("abduct"))),
    ("taken hostage", t(Assault, Some("abduct"))),
    ("seized", w(Assault, None)),
    ("captured", w(Assault, None)),
    ("overran", t(Assault, Some("firearms"))),
    ("torched", t(Assault, Some("destroy"))),
    ("set fire to", w(Assault, Some("destroy"))),
    ("set ablaze", w(Assault, Some("destroy"))),
    ("looted", w(Assault, Some("destroy"))),
    ("beat*", w(Assault, Some("beat"))),
    ("pounded", w(Assault, None)),
    ("pounding", w(Assault, None)),
    ("pummelled", w(Assault, None)),
    ("pummeled", w(Assault, None)),
    ("hammered", w(Assault, None)),
    ("battered", w(Assault, None)),
    ("barrage", w(Assault, None)),
    ("slammed into", w(Assault, None)),
    ("stabbed", w(Assault, None)),
    ("stabbing", w(Assault, None)),
    // casualty words: violence only in violent context
    ("killed", c()),
    ("killing", c()),
    ("dead", c()),
    ("died", c()),
    ("wounded", c()),
    ("wounding", c()),
    ("injured", c()),
    ("injuring", c()),
    ("injuries", c()),
    ("fatalities", c()),
    ("casualties", c()),
    ("bodies", c()),
    ("losses", c()),
    ("claimed the lives", c()),
    // PROTEST
    ("protest*", t(Protest, Some("demo"))),
    ("demonstrat*", w(Protest, Some("demo"))),
    ("rally", w(Protest, Some("demo"))),
    ("rallies", w(Protest, Some("demo"))),
    ("rallied", w(Protest, Some("demo"))),
    ("march", w(Protest, Some("demo"))),
    ("marched", t(Protest, Some("demo"))),
    ("marchers", t(Protest, Some("demo"))),
    ("took to the streets", t(Protest, Some("demo"))),
    ("sit-in", t(Protest, Some("demo"))),
    ("vigil", w(Protest, Some("demo"))),
    ("riot*", t(Protest, Some("riot"))),
    ("unrest", w(Protest, Some("riot"))),
    ("went on strike", t(Protest, Some("strike"))),
    ("general strike", t(Protest, Some("strike"))),
    ("walkout", t(Protest, Some("strike"))),
    ("walked off the job", t(Protest, Some("strike"))),
    ("walked out", t(Protest, Some("strike"))),
    ("downed tools", t(Protest, Some("strike"))),
    ("stoppage", w(Protest, Some("strike"))),
    ("hunger strike*", t(Protest, Some("hunger"))),
    ("boycott*", w(Protest, Some("boycott"))),
    ("blockade*", w(Protest, Some("obstruct"))),
    // THREATEN
    ("threat*", t(Threaten, None)),
    ("warned", w(Threaten, None)),
    ("warns", w(Threaten, None)),
    ("warning", w(Threaten, None)),
    ("vowed", w(Threaten, None)),
    ("ultimatum", t(Threaten, None)),
    ("countermeasures", w(Threaten, Some("violence"))),
    ("consequences", w(Threaten, None)),
    ("retaliat*", w(Threaten, Some("violence"))),
    // ACCUSE
    ("accus*", t(Accuse, Some("allege"))),
    ("blame*", t(Accuse, Some("allege"))),
    ("blaming", t(Accuse, Some("allege"))),
    ("responsibility", w(Accuse, Some("allege"))),
    ("condemn*", t(Accuse, Some("disapprove"))),
    ("denounc*", t(Accuse, Some("disapprove"))),
    ("criticis*", t(Accuse, Some("disapprove"))),
    ("criticiz*", t(Accuse, Some("disapprove"))),
    ("alleged", w(Accuse, Some("allege"))),
    ("war crime*", w(Accuse, Some("allege"))),
    ("investigation", w(Accuse, Some("investigate"))),
    ("probe", w(Accuse, Some("investigate"))),
    // CONSULT
    ("talks", t(Consult, None)),
    ("met", w(Consult, Some("visit"))),
    ("meeting", w(Consult, None)),
    ("discussions", w(Consult, None)),
    ("negotiations", w(Consult, None)),
    ("negotiated", w(Consult, None)),
    ("summit", t(Consult, Some("multilateral"))),
    ("visit*", w(Consult, Some("visit"))),
    ("phone call", t(Consult, Some("phone"))),
    ("by phone", t(Consult, Some("phone"))),
    ("by telephone", t(Consult, Some("phone"))),
    ("spoke with", w(Consult, Some("phone"))),
    ("mediat*", w(Consult, Some("third-party"))),
    ("hosted", w(Consult, Some("third-party"))),
    // AGREE
    ("agreed", t(Agree, None)),
    ("agreement", t(Agree, None)),
    ("deal", w(Agree, None)),
    ("signed", w(Agree, None)),
    ("accord", w(Agree, None)),
    // RETREAT
    ("withdr*", t(Retreat, Some("withdraw"))),
    ("pulled out", t(Retreat, Some("withdraw"))),
    ("pulled back", t(Retreat, Some("withdraw"))),
    ("retreat*", w(Retreat, Some("withdraw"))),
    ("released", w(Retreat, Some("release"))),
    ("freed", w(Retreat, Some("release"))),
    ("prisoner swap*", t(Retreat, Some("release"))),
    ("prisoner exchange*", t(Retreat, Some("release"))),
    ("exchange of prisoners", t(Retreat, Some("release"))),
    ("swap of prisoners", t(Retreat, Some("release"))),
    ("exchanged", w(Retreat, Some("release"))),
    ("swapped", w(Retreat, Some("release"))),
    ("handed over", w(Retreat, Some("release"))),
    ("ceasefire", w(Retreat, Some("ceasefire"))),
    ("truce", w(Retreat, Some("ceasefire"))),
    ("resign*", w(Retreat, Some("resign"))),
    // SANCTION
    ("sanction*", t(Sanction, Some("discontinue"))),
    ("expel*", t(Sanction, Some("expel"))),
    ("expulsion*", t(Sanction, Some("expel"))),
    ("embargo", t(Sanction, Some("discontinue"))),
    ("asset freeze*", t(Sanction, Some("discontinue"))),
    ("froze", w(Sanction, Some("discontinue"))),
    ("suspended", w(Sanction, Some("discontinue"))),
    ("sentenced", t(Sanction, Some("convict"))),
    ("convicted", t(Sanction, Some("convict"))),
    ("cut ties", t(Sanction, Some("discontinue"))),
    ("recalled its ambassador", t(Sanction, Some("withdraw"))),
    // COERCE
    ("arrest*", t(Coerce, Some("arrest"))),
    ("detain*", t(Coerce, Some("arrest"))),
    ("rounded up", t(Coerce, Some("arrest"))),
    ("curfew", t(Coerce, Some("curfew"))),
    ("banned", w(Coerce, Some("ban"))),
    ("shut down", w(Coerce, Some("censor"))),
    ("blocked access", w(Coerce, Some("censor"))),
    ("deport*", t(Coerce, Some("deport"))),
    ("confiscat*", t(Coerce, Some("seize"))),
    ("state of emergency", t(Coerce, Some("restrict"))),
    ("closed the border", t(Coerce, Some("restrict"))),
    // MOBILIZE
    ("deploy*", w(Mobilize, Some("troops"))),
    ("mobilis*", t(Mobilize, Some("troops"))),
    ("mobiliz*", t(Mobilize, Some("troops"))),
    ("reinforcements", w(Mobilize, Some("troops"))),
    ("high alert", t(Mobilize, Some("troops"))),
    // AID
    ("aid convoy*", t(Aid, None)),
    ("humanitarian aid", w(Aid, None)),
    ("food aid", w(Aid, None)),
    ("relief supplies", t(Aid, None)),
    ("delivered", w(Aid, None)),
    ("humanitarian convoy*", t(Aid, None)),
    ("aid trucks", t(Aid, None)),
    ("aid shipment*", t(Aid, None)),
    ("aid deliveries", t(Aid, None)),
    ("aid delivery", t(Aid, None)),
    ("medical supplies", w(Aid, None)),
    ("food supplies", w(Aid, None)),
    ("airdropped", w(Aid, None)),
    ("delivery", w(Aid, None)),
    // COOPERATE
    ("military exercises", t(Cooperate, None)),
    ("joint exercises", t(Cooperate, None)),
    ("joint drills", t(Cooperate, None)),
    ("joint patrol*", t(Cooperate, None)),
    ("cooperation", w(Cooperate, None)),
    // REQUEST
    ("called on", w(Request, Some("change"))),
    ("urged", w(Request, Some("change"))),
    ("appealed", w(Request, Some("assist"))),
    ("demanded", w(Request, Some("change"))),
    // REJECT
    ("rejected", w(Reject, Some("change"))),
    ("refused", w(Reject, Some("change"))),
    // SUPPORT
    ("welcomed", w(Support, None)),
    ("praised", w(Support, None)),
    ("endorsed", w(Support, None)),
    // CONCEDE
    ("apologi*", w(Concede, None)),
    ("conceded", w(Concede, None)),
];

/// Weapon and tactic words: the mode of an assault, strongest first.
const MODES: &[(&str, &str)] = &[
    ("suicide bomb*", "suicide-attack"),
    ("suicide attack*", "suicide-attack"),
    ("explosives-laden", "suicide-attack"),
    ("car bomb*", "explosives"),
    ("roadside bomb*", "explosives"),
    ("ied", "explosives"),
    ("ieds", "explosives"),
    ("improvised explosive*", "explosives"),
    ("explosive device*", "explosives"),
    ("landmine*", "explosives"),
    ("land mine*", "explosives"),
    ("mine", "explosives"),
    ("mines", "explosives"),
    ("booby*", "explosives"),
    ("drone*", "drone"),
    ("uav*", "drone"),
    ("shahed*", "drone"),
    ("geran*", "drone"),
    ("quadcopter*", "drone"),
    ("airstrike*", "aerial"),
    ("air strike*", "aerial"),
    ("air raid*", "aerial"),
    ("warplane*", "aerial"),
    ("fighter jet*", "aerial"),
    ("jets", "aerial"),
    ("helicopter gunship*", "aerial"),
    ("glide bomb*", "aerial"),
    ("aerial bomb*", "aerial"),
    ("barrel bomb*", "aerial"),
    ("air force", "aerial"),
    ("shelling", "heavy-weapons"),
    ("shelled", "heavy-weapons"),
    ("shells", "heavy-weapons"),
    ("artillery", "heavy-weapons"),
    ("missile*", "heavy-weapons"),
    ("rocket*", "heavy-weapons"),
    ("mlrs", "heavy-weapons"),
    ("grad", "heavy-weapons"),
    ("mortar*", "heavy-weapons"),
    ("howitzer*", "heavy-weapons"),
    ("multiple-launch", "heavy-weapons"),
    ("tank fire", "heavy-weapons"),
    ("grenade*", "explosives"),
    ("gunmen", "firearms"),
    ("gunman", "firearms"),
    ("gunfire", "firearms"),
    ("gunshot*", "firearms"),
    ("opened fire", "firearms"),
    ("shot dead", "firearms"),
    ("shot", "firearms"),
    ("rifle*", "firearms"),
    ("live rounds", "firearms"),
    ("live ammunition", "firearms"),
    ("firefight*", "firearms"),
    ("exchanged fire", "firearms"),
    ("exchanged heavy fire", "firearms"),
    ("clashes", "firearms"),
    ("clashed", "firearms"),
    ("kidnap*", "abduct"),
    ("abduct*", "abduct"),
    ("hostage*", "abduct"),
    ("raped", "sexual"),
    ("sexual violence", "sexual"),
];

/// Rank of a mode: when a sentence names several weapons, the more specific wins.
pub fn mode_rank(mode: &str) -> u8 {
    match mode {
        "suicide-attack" => 0,
        "abduct" => 1,
        "explosives" => 2,
        "drone" => 3,
        "aerial" => 4,
        "heavy-weapons" => 5,
        "sexual" => 6,
        "firearms" => 7,
        _ => 9,
    }
}

/// Context cue kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// "no", "not", "denied": the trigger may be negated.
    Negation,
    /// "denied", "deny": a denial is not a new event.
    Denial,
    /// "could", "might", "may", "would", "plans to": not (yet) an event.
    Modal,
    /// "if", "unless": a condition; with a threat word it is a THREATEN.
    Condition,
    /// Words that mark a threat being made ("threatened", "warned", "vowed").
    ThreatVerb,
    /// "last year", "in 2023", "since", "years ago": history or aggregate.
    History,
    /// Violence anchors: weapons, armed actors, military words.
    Violence,
    /// Words of sport, markets, culture and games: a figurative domain.
    Figurative,
    /// "another", "a second", "separately": a new incident of the same kind.
    Another,
    /// Armed-clash cues: two armed parties.
    Clash,
    /// Intervention in a protest (tear gas, dispersed, water cannon).
    Intervention,
    /// Excessive force against protesters.
    ExcessiveForce,
    /// Reported-speech and attribution verbs ("said", "according to").
    Reported,
    /// Interception: the weapon was downed before it struck.
    Intercepted,
}

const CUES: &[(&str, Cue)] = &[
    ("no", Cue::Negation),
    ("not", Cue::Negation),
    ("never", Cue::Negation),
    ("none", Cue::Negation),
    ("no one", Cue::Negation),
    ("nobody", Cue::Negation),
    ("without", Cue::Negation),
    ("unhurt", Cue::Negation),
    ("denied", Cue::Denial),
    ("deny", Cue::Denial),
    ("denies", Cue::Denial),
    ("denying", Cue::Denial),
    ("rejected claims", Cue::Denial),
    ("could", Cue::Modal),
    ("might", Cue::Modal),
    ("may", Cue::Modal),
    ("would", Cue::Modal),
    ("will", Cue::Modal),
    ("plans to", Cue::Modal),
    ("planned", Cue::Modal),
    ("planning", Cue::Modal),
    ("intends to", Cue::Modal),
    ("expected to", Cue::Modal),
    ("possible", Cue::Modal),
    ("potential", Cue::Modal),
    ("likely", Cue::Modal),
    ("unconfirmed", Cue::Modal),
    ("scheduled", Cue::Modal),
    ("if", Cue::Condition),
    ("unless", Cue::Condition),
    ("threaten*", Cue::ThreatVerb),
    ("warned", Cue::ThreatVerb),
    ("warns", Cue::ThreatVerb),
    ("vowed", Cue::ThreatVerb),
    ("would respond", Cue::ThreatVerb),
    ("would retaliate", Cue::ThreatVerb),
    ("would take", Cue::ThreatVerb),
    ("consequences", Cue::ThreatVerb),
    ("ultimatum", Cue::ThreatVerb),
    ("last year", Cue::History),
    ("years ago", Cue::History),
    ("in the past", Cue::History),
    ("since", Cue::History),
    ("previous", Cue::History),
    ("early 2000s", Cue::History),
    ("decades", Cue::History),
    ("history", Cue::History),
    ("anniversary", Cue::History),
    ("so far this year", Cue::History),
    ("had long", Cue::History),
    ("has long", Cue::History),
    ("have long", Cue::History),
    ("for years", Cue::History),
    ("no immediate confirmation", Cue::Modal),
    ("could not be independently verified", Cue::Modal),
    ("this year", Cue::History),
    ("drone*", Cue::Violence),
    ("missile*", Cue::Violence),
    ("rocket*", Cue::Violence),
    ("artillery", Cue::Violence),
    ("shell*", Cue::Violence),
    ("mortar*", Cue::Violence),
    ("bomb*", Cue::Violence),
    ("explosive*", Cue::Violence),
    ("gunmen", Cue::Violence),
    ("gunman", Cue::Violence),
    ("militant*", Cue::Violence),
    ("insurgent*", Cue::Violence),
    ("rebel*", Cue::Violence),
    ("troops", Cue::Violence),
    ("soldier*", Cue::Violence),
    ("forces", Cue::Violence),
    ("army", Cue::Violence),
    ("military", Cue::Violence),
    ("police", Cue::Violence),
    ("civilians", Cue::Violence),
    ("strike*", Cue::Violence),
    ("attack*", Cue::Violence),
    ("airstrike*", Cue::Violence),
    ("shelling", Cue::Violence),
    ("weapon*", Cue::Violence),
    ("war", Cue::Violence),
    ("fighters", Cue::Violence),
    ("militia*", Cue::Violence),
    ("jihadist*", Cue::Violence),
    ("gunfire", Cue::Violence),
    ("hostilities", Cue::Violence),
    ("checkpoint", Cue::Violence),
    ("convoy", Cue::Violence),
    ("assailants", Cue::Violence),
    ("attackers", Cue::Violence),
    ("uav*", Cue::Violence),
    ("warplane*", Cue::Violence),
    ("grenade*", Cue::Violence),
    ("ied*", Cue::Violence),
    ("landmine*", Cue::Violence),
    ("riot police", Cue::Violence),
    ("security forces", Cue::Violence),
    ("protesters", Cue::Violence),
    ("fire", Cue::Violence),
    ("football", Cue::Figurative),
    ("match", Cue::Figurative),
    ("goal*", Cue::Figurative),
    ("striker", Cue::Figurative),
    ("midfield*", Cue::Figurative),
    ("season", Cue::Figurative),
    ("league", Cue::Figurative),
    ("coach", Cue::Figurative),
    ("fans", Cue::Figurative),
    ("playoff*", Cue::Figurative),
    ("basketball", Cue::Figurative),
    ("rebounds", Cue::Figurative),
    ("points", Cue::Figurative),
    ("franchise", Cue::Figurative),
    ("stocks", Cue::Figurative),
    ("shares", Cue::Figurative),
    ("investors", Cue::Figurative),
    ("nasdaq", Cue::Figurative),
    ("index", Cue::Figurative),
    ("market strategist", Cue::Figurative),
    ("earnings", Cue::Figurative),
    ("film", Cue::Figurative),
    ("director", Cue::Figurative),
    ("cinema*", Cue::Figurative),
    ("screen*", Cue::Figurative),
    ("concert", Cue::Figurative),
    ("album", Cue::Figurative),
    ("band", Cue::Figurative),
    ("song*", Cue::Figurative),
    ("encore", Cue::Figurative),
    ("guitar*", Cue::Figurative),
    ("chess", Cue::Figurative),
    ("grandmaster", Cue::Figurative),
    ("opening", Cue::Figurative),
    ("tournament", Cue::Figurative),
    ("camera", Cue::Figurative),
    ("battery", Cue::Figurative),
    ("product", Cue::Figurative),
    ("launch", Cue::Figurative),
    ("smartphone", Cue::Figurative),
    ("storm*", Cue::Figurative),
    ("tornado*", Cue::Figurative),
    ("weather", Cue::Figurative),
    ("another", Cue::Another),
    ("a second", Cue::Another),
    ("a separate", Cue::Another),
    ("separately", Cue::Another),
    ("clash*", Cue::Clash),
    ("exchanged fire", Cue::Clash),
    ("exchanged heavy fire", Cue::Clash),
    ("exchange of fire", Cue::Clash),
    ("fighting", Cue::Clash),
    ("firefight*", Cue::Clash),
    ("battle*", Cue::Clash),
    ("fought", Cue::Clash),
    ("tear gas", Cue::Intervention),
    ("teargas", Cue::Intervention),
    ("water cannon*", Cue::Intervention),
    ("dispersed", Cue::Intervention),
    ("rubber bullets", Cue::Intervention),
    ("baton*", Cue::Intervention),
    ("arrested", Cue::Intervention),
    ("detained", Cue::Intervention),
    ("live rounds", Cue::ExcessiveForce),
    ("live ammunition", Cue::ExcessiveForce),
    ("opened fire on", Cue::ExcessiveForce),
    ("said", Cue::Reported),
    ("says", Cue::Reported),
    ("according to", Cue::Reported),
    ("claimed", Cue::Reported),
    ("reported", Cue::Reported),
    ("shot down", Cue::Intercepted),
    ("intercepted", Cue::Intercepted),
    ("defused", Cue::Intercepted),
];

/// The trigger lexicon, built once.
pub fn triggers() -> &'static Lexicon<Trigger> {
    static L: OnceLock<Lexicon<Trigger>> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(TRIGGERS))
}

/// The weapon/mode lexicon, built once.
pub fn modes() -> &'static Lexicon<&'static str> {
    static L: OnceLock<Lexicon<&'static str>> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(MODES))
}

/// The context-cue lexicon, built once.
pub fn cues() -> &'static Lexicon<Cue> {
    static L: OnceLock<Lexicon<Cue>> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(CUES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_find_types_and_modes() {
        let cases: &[(&str, EventType, Option<&str>)] = &[
            (
                "Russian forces shelled the village overnight",
                Assault,
                Some("heavy-weapons"),
            ),
            (
                "a suicide bomber rammed a car into the convoy",
                Assault,
                Some("suicide-attack"),
            ),
            ("Gunmen kidnapped 40 pupils", Assault, Some("abduct")),
            (
                "Thousands of students protested in Belgrade",
                Protest,
                Some("demo"),
            ),
            (
                "Pakistan accused Afghanistan of harbouring militants",
                Accuse,
                Some("allege"),
            ),
            (
                "The EU imposed sanctions on six officials",
                Sanction,
                Some("discontinue"),
            ),
            ("Police arrested 45 people", Coerce, Some("arrest")),
            ("The two sides agreed to exchange prisoners", Agree, None),
            ("Troops withdrew from the town", Retreat, Some("withdraw")),
        ];
        for (text, kind, mode) in cases {
            let hits = triggers().find(text);
            let hit = hits
                .iter()
                .find(|h| !h.value.weak)
                .or(hits.iter().find(|h| h.value.kind == *kind));
            let hit = hit.map(|h| (h.value.kind, h.value.mode));
            assert_eq!(hit, Some((*kind, *mode)), "{text}");
        }
    }

    #[test]
    fn modes_rank_specific_weapons_first() {
        let text = "a suicide bomber detonated a car bomb as drones circled";
        let mut found: Vec<&str> = modes().find(text).iter().map(|h| h.value).collect();
        found.sort_by_key(|m| mode_rank(m));
        assert_eq!(found.first(), Some(&"suicide-attack"));
    }
}
