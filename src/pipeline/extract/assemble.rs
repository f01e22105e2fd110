//! Assembly: sentences and their trigger words -> event candidates with place, date,
//! casualties, actors, quantities, evidence, summary and confidence; same-incident
//! candidates of one article merged.

use super::actors::{self, Mention};
use super::casualties::{self, Amount, Figure, Kind};
use super::lexicon::Lexicons;
use super::lowered::{find_by, occurs_any_case, Lowered};
use super::places::{self, Link, PlaceHit};
use super::triggers::{cues, mode_rank, modes, triggers, Cue, Trigger};
use super::words::WordsBack;
use super::{acled, dates, numbers, quantities, summary};
use crate::geo::Gazetteer;
use crate::model::{
    Actor, ActorRole, Article, Candidate, Casualties, DatePrecision, EventDate, EventType,
    Evidence, Label, Location, LocationPrecision,
};
use crate::pipeline::normalize::normalize;
use crate::pipeline::sentences::split;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::sync::OnceLock;

/// People nouns: "a second protester" is one more victim, not another incident.
const PERSONS: [&str; 12] = [
    "protester",
    "person",
    "man",
    "woman",
    "victim",
    "soldier",
    "civilian",
    "child",
    "passenger",
    "officer",
    "student",
    "worker",
];

/// Longest body we read: beyond this the tail is ignored (bounded time).
const MAX_TEXT: usize = 256 * 1024;

/// A candidate under construction, with what merging needs; `'a`: the article's places.
struct Draft<'a> {
    c: Candidate,
    paragraph: usize,
    #[allow(dead_code)]
    sentence: usize,
    strong: bool,
    /// Casualty words were its only trigger words ("two people were killed").
    casualty_only: bool,
    /// The location came from the paragraph or the dateline, not the sentence.
    fallback_loc: bool,
    /// The day the sentence itself states for the event, if any.
    own_date: Option<NaiveDate>,
    /// The sentence restates a toll or refers back to the incident ("police had earlier
    /// put the toll at five", "wounded in the shooting").
    toll: bool,
    /// The sentence names a weapon.
    weapon: bool,
    /// The place named last in the paragraph before this sentence, if any (borrowed:
    /// it is copied only for the few unplaced incidents placed by it).
    para_loc: Option<&'a Location>,
    /// Merged into a draft before it ([`merge`]), which took its actors and quantities.
    merged: bool,
    /// The sentence it is told in, borrowed until the candidates are made: its
    /// `c.evidence` is empty until then (most drafts are merged into others or
    /// dropped, and their copies of it were made for nothing).
    evid: Evid<'a>,
}

/// A draft's evidence before it is copied into its candidate ([`Evid::to_evidence`]).
#[derive(Clone, Copy)]
struct Evid<'a> {
    /// The sentence as the article's body has it (or as normalized, where the body's
    /// bytes cannot be found).
    sentence: &'a str,
    /// Byte offsets of the sentence in the body as received.
    start: usize,
    end: usize,
}

impl Evid<'_> {
    fn to_evidence(self, article_id: &str) -> Evidence {
        Evidence {
            article_id: article_id.to_string(),
            sentence: self.sentence.to_string(),
            start: self.start,
            end: self.end,
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    places: Vec<PlaceHit>,
    mentions: Vec<Mention<'a>>,
    parties: Vec<&'static str>,
    published: NaiveDate,
    dateline: Option<Location>,
    figurative: bool,
    violent: bool,
    /// End of the dateline and credit: places before it say where the report was filed.
    head_end: usize,
    /// `text` in ASCII lower case (same byte offsets), made once per article.
    lower: String,
}

impl Ctx<'_> {
    /// A slice of the article text in ASCII lower case, from the copy made once.
    fn lower_of(&self, st: &str) -> &str {
        let base = (st.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        // every `st` passed here is a slice of the text; anything else reads as ""
        base.checked_add(st.len())
            .and_then(|e| self.lower.get(base..e))
            .unwrap_or_default()
    }
}

pub(super) fn extract(g: &'static Gazetteer, article: &Article) -> Vec<Candidate> {
    let norm = normalize(&article.body);
    let mut end = norm.text.len().min(MAX_TEXT);
    while !norm.text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &norm.text[..end];
    let sents = split(text);
    let lower = text.to_ascii_lowercase();
    // where the words are, read by the place tokenizer and the word-list scan alike
    let masks = crate::textbits::byte_masks(text.as_bytes());
    let all_places = places::find(g, text, &lower, &masks);
    // every word list in one pass: triggers, modes, cues, actor words
    let mut occ = word_lists().scan_masked(text, &masks).into_iter();
    let mut next = || occ.next().unwrap_or_default();
    let trig = triggers().resolve(next());
    let mut all_modes = modes().resolve(next());
    // hostages rescued tell a rescue, not an abduction ("troops rescued 62 hostages held
    // by bandits ... and killed 11 of their captors")
    all_modes.retain(|h| {
        h.value != "abduct"
            || !any_of_last_words(text.get(..h.start).unwrap_or_default(), 2, |w| {
                matches!(w, "rescued" | "freed" | "released" | "rescuing" | "freeing")
            })
    });
    // an explosives-laden drone is a drone, not a suicide bomber's vehicle ("attacked a
    // military base with explosives-laden drones")
    for h in all_modes.iter_mut().filter(|h| h.value == "suicide-attack") {
        let drone = text.get(h.start..).is_some_and(|a| {
            a.starts_with("explosives-laden")
                && a.split_whitespace()
                    .nth(1)
                    .is_some_and(|w| w.starts_with("drone"))
        });
        if drone {
            h.value = "drone";
        }
    }
    let all_cues = cues().resolve(next());
    let mentions = actors::of_occurrences(text, next());
    let date_words = next();
    let fig_words = all_cues
        .iter()
        .filter(|h| h.value == Cue::Figurative)
        .count();
    // (scores are read only where a word of sport or some other domain is: the figurative
    // test needs three cues)
    let fig = if fig_words == 0 {
        0
    } else {
        fig_words + 2 * match_scores(text)
    };
    let vio = all_cues.iter().filter(|h| h.value == Cue::Violence).count() + all_modes.len();
    let figurative = fig >= 3 && fig * 3 > vio * 2;
    let dateline = dateline_place(text, &all_places);
    let dateline_end = dates::dateline_end(text).unwrap_or(0);
    let published = dates::local_day(
        article.published_at,
        dateline.as_ref().map(|l| l.country.as_str()),
    );
    // the dateline ("ISLAMABAD (Example Wire) -") says where the story was filed: a
    // capital named there is no government acting
    // (each list is filtered where it stands: a filtered copy moves every mention and
    // place kept, each a few hundred bytes)
    let mut mentions: Vec<actors::Mention> = mentions;
    mentions.retain(|m| {
        m.start >= dateline_end
            && !in_hyphen_compound(text, m)
            && !in_water_name(text, m.start, m.end)
    });
    let parties = main_parties(&mentions);
    // a place inside a person's name ("Vladimir Medinsky") is no place
    // nor is a name inside a sea's, a strait's or a lake's ("the Gulf of Aden")
    let mut all_places: Vec<PlaceHit> = all_places;
    // (the few mentions with a person's name, each place compared with them only)
    let with_names: Vec<&Mention> = mentions.iter().filter(|m| m.name.is_some()).collect();
    all_places.retain(|p| {
        !in_water_name(text, p.start, p.end)
            // (an ocean named alone is no town of its name: "in the eastern Pacific")
            && !matches!(
                &text[p.start..p.end],
                "Pacific" | "Atlantic" | "Arctic" | "Mediterranean" | "Baltic"
            )
            // (a town heading an official's title says where: "Kharkiv Governor Oleh
            // Syniehubov"; a country does not: "U.S. President Donald Trump")
            && !with_names.iter().any(|m| {
                m.start <= p.start
                    && p.end <= m.end
                    && (!m.text.starts_with(&text[p.start..p.end]) || p.bare_country)
            })
    });
    // namesakes, quarters, places fled to and reference points are no incident's place
    let misplaced = misplaced_places(text, &all_places);
    let mut i = 0;
    all_places.retain(|_| {
        i += 1;
        !misplaced.contains(&(i - 1))
    });
    // places of countries the article never names are resolution noise ("Pacific Rim
    // Courier", a person called Hassan); so are names inside the dateline's credit
    let credit_end = text
        .get(..text.len().min(120))
        .and_then(|h| find_by(h, ") -", 0).or_else(|| find_by(h, ") \u{2013}", 0)))
        .unwrap_or(0);
    // the countries named and the one most places are in, borrowed from the places: the
    // places are then kept or dropped by a flag each
    // (the countries named are read only for a small place outside the country most
    // places are in, which most articles do not have)
    let named = OnceCell::new();
    let named = || -> &Vec<&str> {
        named.get_or_init(|| {
            all_places
                .iter()
                .filter(|p| p.location.precision == LocationPrecision::Country)
                .map(|p| p.location.country.as_str())
                .chain(
                    mentions
                        .iter()
                        .filter_map(|m| m.country.and_then(actors::alpha2)),
                )
                .collect()
        })
    };
    let mut by_country: Vec<(&str, usize)> = Vec::new();
    for p in &all_places {
        match by_country.iter_mut().find(|x| x.0 == p.location.country) {
            Some(x) => x.1 += 1,
            None => by_country.push((p.location.country.as_str(), 1)),
        }
    }
    let top = by_country.iter().max_by_key(|x| x.1).map(|x| x.0);
    let kept: Vec<bool> = all_places
        .iter()
        .map(|p| {
            !(credit_end > 0 && p.start < credit_end && text[..p.start].contains('('))
                && (p.population >= 1_000_000
                    || p.over_namesake
                    || top == Some(p.location.country.as_str())
                    || named().contains(&p.location.country.as_str()))
        })
        .collect();
    let mut kept = kept.into_iter();
    all_places.retain(|_| kept.next().unwrap_or(false));
    // "in Somalia's capital" filed from Mogadishu is in Mogadishu, not anywhere in Somalia
    if let Some(d) = dateline
        .as_ref()
        .filter(|d| d.precision == LocationPrecision::City)
    {
        for p in all_places.iter_mut().filter(|p| {
            p.location.precision == LocationPrecision::Country
                && p.location.country == d.country
                && text.get(p.end..).is_some_and(|a| {
                    a.starts_with("'s capital") || a.starts_with("\u{2019}s capital")
                })
        }) {
            let words = std::mem::take(&mut p.location.text);
            p.location = Location {
                text: words,
                ..d.clone()
            };
        }
    }
    // (`mentions_from` reads the mentions as a slice in text order)
    debug_assert!(mentions.windows(2).all(|w| w[0].start <= w[1].start));
    // (each sentence's places are read on from the last sentence's, as one run)
    debug_assert!(all_places.windows(2).all(|w| w[0].start <= w[1].start));
    debug_assert!(all_places.iter().all(|p| p.start <= p.end));
    let ctx = Ctx {
        text,
        places: all_places,
        mentions,
        parties,
        published,
        dateline,
        figurative,
        violent: vio >= 2,
        head_end: dateline_end.max(credit_end),
        lower,
    };

    let mut drafts: Vec<Draft> = Vec::new();
    // the article's first incident date and the sentence it is in
    // (its words borrowed from the text: copied only for the events it dates)
    let mut lead_date: Option<(usize, SentDay)> = None;
    let mut para_place: Option<(usize, &Location)> = None;
    let mut para_mode: Option<(usize, &'static str)> = None;
    let mut article_mode: Option<&'static str> = None;
    // per-sentence lists, their buffers reused from sentence to sentence
    let mut scues: Vec<super::lexicon::Hit<Cue>> = Vec::new();
    let mut smodes: Vec<&'static str> = Vec::new();
    let mut kept: Vec<(usize, usize, Trigger)> = Vec::new();
    let mut kinds: Vec<EventType> = Vec::new();
    // the sentence's kept triggers by kind, each kind's in the order kept has them
    let mut by_kind: Vec<(usize, usize, Trigger)> = Vec::new();
    let mut splaces: Vec<&PlaceHit> = Vec::new();
    // each event kind's places and those it happened at, reused from kind to kind
    let mut mine: Vec<&PlaceHit> = Vec::new();
    let mut targets: Vec<&PlaceHit> = Vec::new();
    let mut smentions: Vec<&Mention> = Vec::new();
    // each list's run of each sentence, read on from the last sentence's
    let mut trig_runs = Runs::new(&trig);
    let mut mode_runs = Runs::new(&all_modes);
    let mut cue_runs = Runs::new(&all_cues);
    let mut date_runs = Runs::new(&date_words);
    let mut mention_runs = Runs::new(&ctx.mentions);
    let mut place_runs = Runs::new(&ctx.places);
    for (si, s) in sents.iter().enumerate() {
        if s.repeat || s.end > text.len() || s.start >= s.end {
            continue;
        }
        // (the lists' runs are read on from sentence to sentence)
        debug_assert!(si == 0 || sents[si - 1].start <= s.start);
        let st = &text[s.start..s.end];
        let sl = Lowered::new(ctx.lower_of(st));
        // what its trigger words ask about the sentence (its dates, counts, past years),
        // each read once, and only when asked for: a sentence without trigger words
        // needs its dates only while the lead date is unknown
        let skip = dateline_end.saturating_sub(s.start);
        let facts = SentFacts::new(
            st,
            sl.text(),
            published,
            skip,
            s.start,
            date_words_in(text, &mut date_runs, s.start, s.end),
        );
        let hits = trig_runs.run(|h| h.start < s.start, |h| h.end <= s.end);
        // the places that start in the sentence (those ending past it are left to the
        // filters that read them)
        let sent_places = place_runs.run(|p| p.start < s.start, |p| p.start <= s.end);
        if lead_date.is_none() {
            lead_date = facts
                .sdates()
                .iter()
                .find(|d| !d.reporting)
                .map(|d| (si, d.date));
        }
        modes_in(
            mode_runs.run(|h| h.start < s.start, |h| h.end <= s.end),
            &mut smodes,
        );
        if let Some(m) = smodes.first() {
            para_mode = Some((s.paragraph, m));
            if article_mode.is_none() {
                article_mode = Some(m);
            }
        }
        // the article's cues that fall in this sentence, at sentence offsets
        scues.clear();
        scues.extend(
            cue_runs
                .run(|h| h.start < s.start, |h| h.end <= s.end)
                .iter()
                .map(|h| super::lexicon::Hit {
                    start: h.start - s.start,
                    end: h.end - s.start,
                    value: h.value,
                }),
        );
        let skinds = cue_kinds(&scues);
        // (the sentence's counts are parsed only once a trigger word or an event of it
        // needs them: a sentence without trigger words makes no event)
        let mut squantities: Option<Vec<crate::model::Quantity>> = None;
        kept.clear();
        let mut threat_at: Option<usize> = None;
        for h in hits {
            let rel = h.start - s.start;
            let at = TriggerAt {
                st,
                sl: &sl,
                facts: &facts,
                rel,
                rel_end: h.end - s.start,
                t: h.value,
                scues: &scues,
                kinds: skinds,
                before: cue_kinds_before(&scues, rel),
                smodes: &smodes,
            };
            if let Some(k) = keep(&ctx, at) {
                match k {
                    Keep::Event(t) => kept.push((rel, h.end - s.start, t)),
                    Keep::Threat => threat_at = threat_at.or(Some(rel)),
                }
            }
        }
        // a warning of what another party may do is no threat of the speaker's
        if (threat_at.is_some() || kept.iter().any(|k| k.2.kind == EventType::Threaten))
            && warns_of_another(&ctx.mentions, s.start, &sl)
        {
            threat_at = None;
            kept.retain(|k| k.2.kind != EventType::Threaten);
        }
        if let Some(pos) = threat_at {
            if !kept.iter().any(|k| k.2.kind == EventType::Threaten) {
                kept.push((
                    pos,
                    pos,
                    Trigger {
                        kind: EventType::Threaten,
                        mode: None,
                        weak: false,
                        casualty: false,
                    },
                ));
            }
        }
        // casualty words alone make an event only when there is no other assault trigger
        // (of their own clause: "security forces killed 30 militants ..., a day after a
        // suicide bombing killed seven officers" tells the killing of the 30)
        let cut = if kept.is_empty() {
            None
        } else {
            after_clause(&sl)
        };
        let has_assault = kept.iter().any(|k| {
            k.2.kind == EventType::Assault
                && !k.2.casualty
                && cut.is_none_or(|c| k.0 < c || kept.iter().all(|x| !x.2.casualty || x.0 >= c))
        });
        if has_assault {
            kept.retain(|k| !k.2.casualty);
        } else if kept.iter().filter(|k| k.2.casualty).count() > 1 {
            let first = kept.iter().position(|k| k.2.casualty);
            let mut seen = false;
            kept.retain(|k| {
                if !k.2.casualty {
                    return true;
                }
                let keep = !seen;
                seen = true;
                keep || first.is_none()
            });
        }
        let lower_st = sl.text();
        // a rally attacked is the scene of the attack, not a protest of its own ("a
        // suicide bomber blew himself up at a rally of a pro-government party"); first,
        // so that "police said" does not make the bomb police violence at the rally
        if kept
            .iter()
            .any(|k| k.2.kind == EventType::Assault && !k.2.casualty)
        {
            kept.retain(|k| k.2.kind != EventType::Protest || !scene_of_an_attack(lower_st, k.0));
        }
        // a leading phrase naming the incident leaves its telling to the sentence's own
        // verb ("In a separate attack, a Russian glide bomb hit a residential building":
        // the Russian bomb is the attacker, not a target after the word "attack")
        if let Some(comma) = lead_phrase_end(lower_st, skip) {
            let assault_after = |k: &(usize, usize, Trigger)| {
                k.0 > comma && k.2.kind == EventType::Assault && !k.2.casualty
            };
            if kept.iter().any(assault_after) {
                kept.retain(|k| k.0 > comma || k.2.kind != EventType::Assault);
            }
        }
        // raids in which people are detained are arrests, not an attack as well
        // ("Turkish police detained more than 100 people in raids across 20 provinces
        // targeting suspected members of the Islamic State group")
        if kept
            .iter()
            .any(|k| k.2.kind == EventType::Coerce && k.2.mode == Some("arrest"))
            && !kept.iter().any(|k| k.2.casualty)
        {
            kept.retain(|k| {
                k.2.kind != EventType::Assault
                    || !lower_st
                        .get(k.0..k.1)
                        .is_some_and(|w| w.starts_with("raid") || w.starts_with("target"))
            });
        }
        // police violence at a protest is the protest's, not an assault of its own
        if kept.iter().any(|k| k.2.kind == EventType::Protest)
            && ["police", "security forces", "riot"]
                .iter()
                .any(|w| sl.has(w))
        {
            kept.retain(|k| k.2.kind != EventType::Assault);
        }
        // so is the damage a crowd does as it protests ("demonstrators set fire to tyres
        // and blocked streets")
        if kept.iter().any(|k| k.2.kind == EventType::Protest) {
            kept.retain(|k| !(k.2.kind == EventType::Assault && k.2.mode == Some("destroy")));
        }
        // and protesters killed or wounded with no armed group named are the protest's
        // toll ("One protester was shot dead and dozens were injured", after police fired
        // tear gas at the march)
        if kept.iter().any(|k| k.2.kind == EventType::Protest)
            && !ctx
                .mentions
                .iter()
                .any(|m| m.start >= s.start && m.end <= s.end && m.sector == Some("REB"))
        {
            kept.retain(|k| k.2.kind != EventType::Assault);
        }
        // nor is the toll of what a protest is about ("demanding accountability for the
        // collapse of a canopy that killed 15 people")
        if let Some(p) = kept
            .iter()
            .find(|k| k.2.kind == EventType::Protest)
            .map(|k| k.0)
        {
            kept.retain(|k| !(k.2.casualty && k.0 > p && told_of_its_cause(lower_st, p, k.0)));
        }
        if kept.is_empty() {
            let place = best_place(&ctx, sent_places, s.end);
            if let Some(p) = place {
                para_place = Some((s.paragraph, p));
            }
            // the incident just told (a statement is counted in nothing: "the industry
            // employs about four million people" after an accusation)
            let told = drafts
                .iter()
                .rposition(|d| !is_statement(d.c.event_type))
                .filter(|&i| drafts[i].paragraph + 1 >= s.paragraph);
            if let Some(d) = told.and_then(|i| drafts.get_mut(i)) {
                follow_up_quantities(d, s.paragraph, st, &scues, &facts);
                date_from_back_reference(d, hits, lower_st, s.start, &facts);
                if let Some(p) = place {
                    refine_place(d, p, &sl);
                }
                // a group claiming it in a sentence of its own is the attacker of an
                // attack told with none ("A car bomb exploded outside a busy restaurant
                // ... The al-Qaida-linked al-Shabab group claimed responsibility.")
                if d.c.event_type == EventType::Assault
                    && !d.c.actors.iter().any(|a| a.role == ActorRole::Source)
                    && sl.has("claimed responsibility")
                {
                    let claimer = ctx.mentions.iter().find(|m| {
                        m.start >= s.start
                            && m.end <= s.end
                            && matches!(m.sector, Some("REB") | Some("MIL"))
                            && ctx.lower.get(m.end..).is_some_and(|a| {
                                let a = a.trim_start();
                                let a = a.strip_prefix("group ").unwrap_or(a);
                                a.starts_with("claimed responsibility")
                            })
                    });
                    if let Some(m) = claimer {
                        d.c.actors.insert(0, to_actor(m, ActorRole::Source));
                    }
                }
            }
            continue;
        }
        let figures = facts.figures();
        let sdates = facts.sdates();
        // places of the sentence, each to its nearest trigger
        splaces.clear();
        splaces.extend(
            sent_places
                .iter()
                .filter(|p| p.end <= s.end && !p.origin)
                .filter(|p| p.start >= ctx.head_end),
        );
        kinds.clear();
        kinds.extend(kept.iter().map(|k| k.2.kind));
        kinds.sort();
        kinds.dedup();
        // (a stable sort; a sentence keeps a few triggers, sorted in place)
        by_kind.clear();
        by_kind.extend_from_slice(&kept);
        by_kind.sort_by_key(|k| k.2.kind);
        let nearest_kind = |p: &PlaceHit| -> Option<EventType> {
            kept.iter()
                .min_by_key(|k| {
                    let pos = p.start - s.start;
                    let d = pos.abs_diff(k.0);
                    // a place after its trigger is more often its object
                    if pos > k.0 {
                        d
                    } else {
                        d + 20
                    }
                })
                .map(|k| k.2.kind)
        };
        let after_cut = cut;
        // (what the roles of the sentence's events read of it)
        smentions.clear();
        smentions.extend(
            mention_runs
                .run(|m| m.start < s.start, |m| m.start < s.end)
                .iter()
                .filter(|m| m.end <= s.end),
        );
        let sentence = EventSentence {
            sl: &sl,
            start: s.start,
            mentions: &smentions,
            after: after_cut,
        };
        let n_kinds = kinds.len();
        for &kind in &kinds {
            // (the kind's run of `by_kind`: borrowed, not collected)
            let from = by_kind.partition_point(|k| k.2.kind < kind);
            let n = by_kind[from..].partition_point(|k| k.2.kind == kind);
            let ktrigs = &by_kind[from..from + n];
            let strong = ktrigs.iter().any(|k| !k.2.weak);
            let tpos = ktrigs[0].0;
            // what a statement asks or accuses is about the places after its verb; it is
            // made where its speaker is ("The European Union urged Israel to allow more
            // aid into Gaza" filed from Brussels)
            // (without a dateline the place it names is the best guess of the country)
            let said_of = |p: &PlaceHit| {
                is_statement(kind) && p.start > s.start + tpos && ctx.dateline.is_some()
            };
            mine.clear();
            mine.extend(
                splaces
                    .iter()
                    .copied()
                    .filter(|p| !said_of(p))
                    .filter(|p| nearest_kind(p) == Some(kind) || n_kinds == 1)
                    .filter(|p| !(p.bare_country && is_actor_position(&ctx, p)))
                    .filter(|p| tied(p, s.start, st, ktrigs)),
            );
            // weapons of the incident's own clause, not of the earlier one it refers
            // back to ("mortar rounds landed ..., hours after a car bomb killed seven")
            let mut clause_modes;
            let cut_off =
                matches!(after_cut, Some(cut) if kind == EventType::Assault && tpos < cut);
            // so are its places, when the clause names its own ("Turkish warplanes struck
            // targets in northern Iraq and Syria in retaliation for an attack ... in
            // Ankara")
            let own_places: Vec<&PlaceHit> = match after_cut {
                Some(cut) if cut_off => mine
                    .iter()
                    .copied()
                    .filter(|p| p.start < s.start + cut)
                    .collect(),
                _ => Vec::new(),
            };
            event_places_into(
                if own_places.is_empty() {
                    &mine
                } else {
                    &own_places
                },
                &mut targets,
            );
            let own_modes: &[&'static str] = match after_cut {
                Some(cut) if cut_off => {
                    clause_modes = Vec::new();
                    modes_in(
                        hits_within(&all_modes, s.start, s.start + cut),
                        &mut clause_modes,
                    );
                    &clause_modes
                }
                _ => &smodes,
            };
            // (the weapons of the incident referred back to are not borrowed either; nor
            // is a suicide attack the mode of the article's other incidents)
            // (an incident a time apart: "a day after a suicide bombing", not "seized the
            // town after a raid in which ...")
            let apart = after_cut.filter(|_| cut_off).is_some_and(|cut| {
                any_of_last_words(lower_st.get(..cut).unwrap_or_default(), 1, |w| {
                    matches!(w, "day" | "days" | "hours" | "week" | "weeks" | "month")
                })
            });
            // (borrowed, unless the incident apart leaves some out)
            let apart_trigs: Vec<(usize, usize, Trigger)>;
            let own_trigs: &[(usize, usize, Trigger)] = match after_cut {
                Some(cut) if apart => {
                    apart_trigs = ktrigs.iter().copied().filter(|k| k.0 < cut).collect();
                    &apart_trigs
                }
                _ => ktrigs,
            };
            let mode = pick_mode(
                kind,
                own_trigs,
                own_modes,
                para_mode
                    .filter(|m| m.0 == s.paragraph && !apart)
                    .map(|m| m.1),
                // (a later sentence is not a suicide attack for the article's first
                // one, but its bomb is one)
                article_mode.filter(|_| !apart).map(|m| {
                    if m == "suicide-attack" {
                        "explosives"
                    } else {
                        m
                    }
                }),
                &sl,
            );
            // (with several targets, each with the trigger word nearest before it:
            // "Hezbollah fired rockets at northern Israel, and Israel responded with
            // strikes on southern Lebanon" are two attacks of two sources)
            // (one group, the usual case, borrows the sentence's figures and needs no
            // list)
            let several = kind == EventType::Assault && targets.len() > 1;
            let groups: Vec<(Option<Location>, Cow<[Figure]>, usize)> = if several {
                targets
                    .iter()
                    .map(|p| {
                        let at = p.start - s.start;
                        let own = ktrigs.iter().rev().find(|k| k.0 < at).map_or(tpos, |k| k.0);
                        (
                            Some(p.location.clone()),
                            Cow::Owned(clause_figures(lower_st, at, figures)),
                            own,
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let single = (!several).then(|| {
                let loc = targets.first().map(|p| p.location.clone());
                (loc, Cow::Borrowed(figures), tpos)
            });
            for (loc, figs, group_tpos) in groups.into_iter().chain(single) {
                let sentence_loc = loc.is_some();
                let loc = if kind == EventType::Assault && loc.is_none() {
                    // the police of a town act in it ("A Chicago police officer shot and
                    // killed a 26-year-old man during a traffic stop")
                    splaces
                        .iter()
                        .find(|p| {
                            matches!(
                                p.location.precision,
                                LocationPrecision::City | LocationPrecision::Point
                            ) && ctx
                                .text
                                .get(p.end..)
                                .is_some_and(|a| a.starts_with(" police"))
                        })
                        .map(|p| p.location.clone())
                } else {
                    loc.or_else(|| {
                        // a place tied to another event of the sentence ("an attack on a
                        // bar in Celaya ..., and police arrested two suspects")
                        let any: Vec<&PlaceHit> = splaces
                            .iter()
                            .copied()
                            .filter(|p| matches!(p.link, Link::Locative | Link::HitSubject))
                            .filter(|p| !said_of(p))
                            // a missile test is not where the country that reports it
                            // is ("..., South Korea's military said")
                            .filter(|p| {
                                kind != EventType::Mobilize
                                    || !trailing_speaker(ctx.text, p.start, p.end)
                            })
                            .collect();
                        event_places(&any).first().map(|p| p.location.clone())
                    })
                    .or_else(|| fallback_place(&ctx, kind, s.paragraph, &para_place))
                };
                // statements at a meeting are made where it is held
                let loc = loc.or_else(|| {
                    drafts
                        .last()
                        .filter(|p| p.paragraph == s.paragraph && is_statement(kind))
                        .filter(|p| matches!(p.c.event_type, EventType::Consult | EventType::Agree))
                        .and_then(|p| p.c.location.clone())
                });
                let fallback_loc = !sentence_loc && loc.is_some();
                // "... wounding three, hours after a car bomb killed seven": the figures
                // after "after a" belong to the earlier incident referred to
                let figs: Cow<[Figure]> = match after_cut {
                    Some(cut) if kind == EventType::Assault && tpos < cut => {
                        figs.iter().copied().filter(|f| f.pos < cut).collect()
                    }
                    // what a protest followed is its cause ("protesters set fire to a
                    // police station after a man died in custody"), to the next comma
                    Some(cut) if kind == EventType::Protest && tpos < cut => {
                        let end = lower_st[cut..]
                            .find(',')
                            .map_or(lower_st.len(), |i| cut + i);
                        figs.iter()
                            .copied()
                            .filter(|f| f.pos < cut || f.pos >= end)
                            .collect()
                    }
                    // the toll of what a protest is about ("demanding accountability for
                    // the collapse of a canopy that killed 15 people")
                    _ if kind == EventType::Protest => figs
                        .iter()
                        .copied()
                        .filter(|f| !told_of_its_cause(lower_st, tpos, f.pos))
                        .collect(),
                    _ => figs,
                };
                let cas = combine(&figs, kind);
                let evid = evidence(article, &norm, s.start, s.end);
                // (copied into the candidate once it is made: see `Draft::evid`)
                let no_evidence = Evidence {
                    article_id: String::new(),
                    sentence: String::new(),
                    start: 0,
                    end: 0,
                };
                // "another attack", "a second night of unrest"; not "a second protester"
                let has_cue = |c: Cue| skinds & cue_bit(c) != 0;
                let another = any_cue(&scues, skinds, Cue::Another, |h| {
                    h.start < tpos + 4
                        && !st
                            .get(h.end..)
                            .and_then(|x| x.split_whitespace().next())
                            .is_some_and(|w| {
                                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                                PERSONS.contains(&w.to_ascii_lowercase().as_str())
                            })
                }) || sl.has("coincided with");
                let back = back_reference(&sl);
                let picked = pick_date(sdates, kind, tpos, lower_st, |a, b| {
                    kept.iter().any(|k| k.0 > a && k.0 < b && k.2.kind != kind)
                });
                let mut own_date = picked.as_ref().map(|d| d.value);
                let toll = sl.has("toll")
                    || ktrigs.iter().any(|k| {
                        let b = lower_st.get(..k.0).unwrap_or("");
                        b.ends_with("the ") || b.ends_with("that ") || b.ends_with("this ")
                    });
                let mut date = picked
                    // the lead's date, unless it is this sentence's own date that
                    // `pick_date` found to date another clause
                    .or_else(|| {
                        lead_date
                            .as_ref()
                            .filter(|(at, _)| *at != si && !is_statement(kind))
                            .map(|(_, d)| d.to_event_date())
                    })
                    .unwrap_or(EventDate {
                        value: published,
                        precision: DatePrecision::Day,
                        text: String::new(),
                    });
                // "came a day after heavy fighting ...": the day before what the
                // sentence is dated by, unless the incident's own date follows
                if let Some((n, span)) = days_after(&sl, tpos)
                    .filter(|_| !is_statement(kind) && date.precision == DatePrecision::Day)
                    .filter(|(_, span)| sdates.iter().all(|d| d.pos < span.end))
                {
                    date.value -= chrono::Duration::days(n);
                    date.text = st.get(span).unwrap_or_default().trim_end().to_string();
                    own_date = Some(date.value);
                }
                let mut actors = roles(g, &ctx, sentence, kind, s.start + group_tpos, loc.as_ref());
                // casualties told first, the strike after: the strike's subject is the
                // attacker ("Two people were killed ... after a Russian missile struck a
                // residential area of Dnipro")
                if kind == EventType::Assault
                    && !apart
                    && !actors.iter().any(|a| a.role == ActorRole::Source)
                {
                    let strike = ktrigs.iter().find(|k| k.0 > group_tpos && !k.2.casualty);
                    if let Some(k) = strike {
                        let later = roles(g, &ctx, sentence, kind, s.start + k.0, loc.as_ref());
                        if let Some(src) = later.into_iter().find(|a| {
                            a.role == ActorRole::Source && !actors.iter().any(|b| b.text == a.text)
                        }) {
                            actors.insert(0, src);
                        }
                    }
                }
                let quantities = squantities
                    .get_or_insert_with(|| quantities::of_counts(facts.counts()))
                    .clone();
                let reported = has_cue(Cue::Reported);
                let clash = has_cue(Cue::Clash)
                    || mode == Some("firearms")
                        && actors
                            .iter()
                            .filter(|a| {
                                a.role != ActorRole::Other
                                    && matches!(a.sector.as_deref(), Some("MIL") | Some("REB"))
                            })
                            .count()
                            >= 2;
                let mut cu = acled::Cues {
                    clash,
                    ..Default::default()
                };
                cu.intervention = has_cue(Cue::Intervention);
                cu.excessive_force = has_cue(Cue::ExcessiveForce)
                    || kind == EventType::Protest && cas.killed.is_some_and(|k| k > 0);
                cu.lethal = cas.killed.is_some_and(|k| k > 0) || cas.injured.is_some_and(|k| k > 0);
                // (the words of a cue are looked for only in the events whose ACLED type
                // it decides: those of an assault, a protest's mob, a withdrawal's armed
                // force; see `acled::map`)
                let assault = kind == EventType::Assault;
                if assault {
                    cu.grenade = sl.has("grenade");
                    cu.chemical =
                        sl.has("chlorine") || sl.has("sarin") || sl.has("chemical weapon");
                    // (not when only part was stopped: "air defences intercepted some of
                    // the missiles")
                    cu.disrupted = any_cue(&scues, skinds, Cue::Intercepted, |h| {
                        !lower_st.get(h.end..).is_some_and(|a| {
                            ["some of", "several of", "part of", "a few of"]
                                .iter()
                                .any(|p| a.trim_start().starts_with(p))
                        })
                    }) && cas.killed.is_none()
                        && cas.injured.is_none()
                        && !sl.has("debris")
                        && !aircraft_downed(&sl);
                    cu.territory_taken = sl.has("took control")
                        || sl.has("seized control")
                        || sl.has("overran")
                        || took_a_place(&sl);
                    cu.by_government = sl.has("recaptured") || sl.has("retook");
                }
                // (a mob attacking people; not "a local vigilante leader said")
                cu.mob = (assault || kind == EventType::Protest)
                    && (sl.has(" mob ") || sl.has("lynch"))
                    && matches!(mode, None | Some("beat") | Some("riot"));
                cu.armed = kind == EventType::Retreat
                    && [
                        "troops",
                        "forces",
                        "soldiers",
                        "army",
                        "fighters",
                        "militia",
                        "rebels",
                        "units",
                        "brigade",
                        "militants",
                    ]
                    .iter()
                    .any(|w| sl.has(w));
                let acled_map = acled::map(kind, mode, cu);
                let conf = confidence(kind, strong, loc.as_ref(), &cas, &actors, reported);
                let c = Candidate {
                    event_type: kind,
                    mode: mode.map(Label::from_static),
                    acled: acled_map,
                    summary: String::new(),
                    actors,
                    location: loc,
                    date: Some(date),
                    casualties: cas,
                    quantities,
                    evidence: no_evidence,
                    confidence: conf,
                    distinct: another,
                    back_reference: back,
                };
                // the summary is written once the drafts are merged
                drafts.push(Draft {
                    c,
                    paragraph: s.paragraph,
                    sentence: si,
                    strong,
                    casualty_only: ktrigs.iter().all(|k| k.2.casualty),
                    fallback_loc,
                    own_date,
                    toll,
                    weapon: !smodes.is_empty(),
                    para_loc: para_place
                        .as_ref()
                        .filter(|p| p.0 == s.paragraph)
                        .map(|p| p.1),
                    merged: false,
                    evid,
                });
            }
        }
        if let Some(p) = best_place(&ctx, sent_places, s.end) {
            para_place = Some((s.paragraph, p));
        }
    }
    if debug_drafts() {
        for d in &drafts {
            eprintln!(
                "DRAFT p{} s{} {:?} {:?} {:?} {:?} {:?} | {}",
                d.paragraph,
                d.sentence,
                d.c.date.as_ref().map(|x| (x.value, &x.text)),
                d.c.event_type,
                d.c.mode,
                d.c.location.as_ref().map(|l| (&l.name, l.precision)),
                d.c.casualties,
                &d.evid.sentence.chars().take(60).collect::<String>()
            );
        }
        for p in &ctx.places {
            eprintln!(
                "PLACE {:?} {} {:?} origin={} bare={}",
                &text[p.start..p.end],
                p.location.name,
                p.location.precision,
                p.origin,
                p.bare_country
            );
        }
        for m in &ctx.mentions {
            eprintln!(
                "MENTION {:?} {:?} {:?} {:?}",
                &text[m.start..m.end],
                m.country,
                m.sector,
                m.name
            );
        }
    }
    let mut out = finish(merge(drafts), ctx.dateline.as_ref(), &article.id);
    for c in &mut out {
        // an incident placed nowhere in the text happened at home when only its own
        // country's actors take part ("Myanmar's military junta released more than
        // 3,000 prisoners", "Haitian gang members killed 70 people"); once merged, so
        // that an unplaced restatement still joins the placed incident it restates
        if c.location.is_none() {
            c.location = home_of(g, c.event_type, c.mode.as_deref(), &c.actors);
            // (and those acted on there with no nationality of their own are its people:
            // "Iran executed two men")
            let home = c.location.as_ref().and_then(|l| g.country(&l.country));
            if let Some(a3) = home.map(|k| Label::from_static(&k.alpha3)) {
                for a in c.actors.iter_mut().filter(|a| {
                    a.role == ActorRole::Target
                        && a.country.is_none()
                        && a.sector.as_deref() == Some("CVL")
                }) {
                    a.country = Some(a3.clone());
                }
            }
        }
        place_policy_at_source(g, c, ctx.dateline.as_ref());
        c.summary = summary::summarize(c, |a2| g.country(a2).map(|c| c.name.as_str()));
    }
    out
}

/// The mentions that start in `start..end` of the article's text: a slice of `ms`, which
/// are in text order (by start, as the word-list scan finds them).
fn mentions_from<'c, 't>(ms: &'c [Mention<'t>], start: usize, end: usize) -> &'c [Mention<'t>] {
    let a = ms.partition_point(|m| m.start < start);
    let n = ms[a..].partition_point(|m| m.start < end);
    &ms[a..a + n]
}

/// Whether the word after byte `end` of the lower-case `lower` (past spaces) is one of
/// the nouns `words` or its plural ([`noun_form`]).
fn next_word_in(lower: &str, end: usize, words: &[&str]) -> bool {
    lower
        .get(end..)
        .and_then(|a| a.split_whitespace().next())
        .is_some_and(|w| words.iter().any(|n| noun_form(w, n)))
}

/// The attacker of a region's strikes is that of each strike of the same day told in a
/// place of the region that names none ("Israeli strikes killed at least 30 Palestinians
/// in the Gaza Strip on Tuesday" before "an airstrike on a house in the Nuseirat camp
/// killed 12 people"). (Country-wide leads do this in [`finish`].)
///
/// The region is tested before it is copied (the copy outlives the borrow of `drafts`):
/// copying every draft's place only to drop most of them had cost five allocations each.
fn attacker_of_the_area(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i].c;
        let Some(area) = d
            .location
            .as_ref()
            .filter(|l| {
                d.event_type == EventType::Assault && l.precision == LocationPrecision::Admin1
            })
            .cloned()
        else {
            continue;
        };
        let Some(src) = d
            .actors
            .iter()
            .find(|a| a.role == ActorRole::Source && a.country.is_some())
            .cloned()
        else {
            continue;
        };
        let day = d.date.as_ref().map(|x| x.value);
        for (k, other) in drafts.iter_mut().enumerate() {
            let e = &mut other.c;
            if k != i
                && e.event_type == EventType::Assault
                && e.date.as_ref().map(|x| x.value) == day
                && e.location.as_ref().is_some_and(|l| {
                    l.country == area.country && l.admin1.as_deref() == Some(area.name.as_str())
                })
                && e.actors.iter().all(|a| a.role != ActorRole::Source)
            {
                e.actors.insert(0, src.clone());
            }
        }
    }
}

/// The indices of the places of `all` (the text's, in order) that are no place of an
/// incident told there:
/// - a town said to lie in a region it is not in, a namesake elsewhere: the region is the
///   place ("the village of Petropavlivka in the Kharkiv region" had been the
///   Petropavlivka of Dnipropetrovsk Oblast);
/// - a quarter of a city named by its possessive, read as a town elsewhere ("on Chicago's
///   South Side" had also been Eltingville, New York, known as South Side);
/// - where people flee to ("clashed with M23 rebels near the town of Sake ..., forcing
///   thousands of residents to flee toward Goma");
/// - a place that only tells where the one before it lies ("in Bulacan province north of
///   Manila").
fn misplaced_places(text: &str, all: &[PlaceHit]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, b) in all.iter().enumerate() {
        if fled_to(text, b) {
            out.push(i);
        }
        let Some(a) = i.checked_sub(1).and_then(|h| all.get(h)) else {
            continue;
        };
        let gap = text.get(a.end..b.start).unwrap_or_default();
        if namesake_in_another_region(a, b, gap) {
            out.push(i - 1);
        }
        if quarter_of_a_city(a, b, gap)
            || locates_the_one_before(gap)
            || other_end_of_a_road(text, a, b, gap)
        {
            out.push(i);
        }
    }
    out
}

/// Whether town `b` is the far end of a stretch that starts at town `a` ("a bus
/// travelling between Gao and Ansongo"): one incident on the way, placed at the first.
/// Not countries: "the border between Thailand and Cambodia" names two sides.
fn other_end_of_a_road(text: &str, a: &PlaceHit, b: &PlaceHit, gap: &str) -> bool {
    let town = |p: &PlaceHit| {
        matches!(
            p.location.precision,
            LocationPrecision::City | LocationPrecision::Point
        )
    };
    gap == " and "
        && town(a)
        && town(b)
        && a.location.country == b.location.country
        && text.get(..a.start).is_some_and(|t| t.ends_with("between "))
}

/// Whether town `a` is said to lie in region `b` of its country that it is not in (`gap`:
/// the text between them).
fn namesake_in_another_region(a: &PlaceHit, b: &PlaceHit, gap: &str) -> bool {
    matches!(
        a.location.precision,
        LocationPrecision::City | LocationPrecision::Point | LocationPrecision::Admin2
    ) && b.location.precision == LocationPrecision::Admin1
        && a.location.country == b.location.country
        && a.location
            .admin1
            .as_ref()
            .is_some_and(|x| *x != b.location.name)
        && matches!(gap, " in the " | " in ")
}

/// Whether town `b`, after city `a`'s possessive, lies in another region: a quarter of `a`
/// read as a namesake elsewhere.
fn quarter_of_a_city(a: &PlaceHit, b: &PlaceHit, gap: &str) -> bool {
    a.location.precision == LocationPrecision::City
        && matches!(
            b.location.precision,
            LocationPrecision::City | LocationPrecision::Point
        )
        && matches!(gap, "'s " | "\u{2019}s ")
        && (a.location.country != b.location.country || a.location.admin1 != b.location.admin1)
}

/// Whether place `p` is where people flee to ("to flee toward Goma").
fn fled_to(text: &str, p: &PlaceHit) -> bool {
    let before = text.get(..p.start).unwrap_or_default();
    // (the last word, where the spaces after it end: most places have none of the three
    // before them, and their two last words are not read)
    let last = before.trim_end();
    if !(last.ends_with("to") || last.ends_with("toward") || last.ends_with("towards")) {
        return false;
    }
    with_last_words(before, 2, |w| {
        w.len() == 2
            && matches!(w[0], "to" | "toward" | "towards")
            && matches!(w[1], "flee" | "fled" | "fleeing" | "flees")
    })
}

/// Whether the text between two places (`gap`) makes the second only tell where the first
/// lies: "north of", "30 km south-east of".
fn locates_the_one_before(gap: &str) -> bool {
    // (the few gaps that end in " of " are read for stops)
    gap.len() <= 40
        && gap.strip_suffix(" of ").is_some_and(|g| {
            g.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "north-east"
                        | "north-west"
                        | "south-east"
                        | "south-west"
                )
            })
        })
        && !gap.contains(['.', '\n', ';'])
}

/// Whether `NE_DEBUG` asks for the drafts on stderr (read once per process).
fn debug_drafts() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NE_DEBUG").is_some())
}

/// Sanctions and threats happen where they are decided, not where their target is (and
/// so do accusations, appeals, rejections and support placed only by the dateline):
/// "Britain imposed sanctions on commanders of Sudan's RSF" datelined London is in London
/// (the dateline city when it lies in the source's country, else that country), "North
/// Korea warned ..." filed from Seoul is in North Korea.
fn place_policy_at_source(g: &Gazetteer, c: &mut Candidate, dateline: Option<&Location>) {
    let placed_by_dateline = || match (&c.location, dateline) {
        (None, _) => true,
        (Some(l), Some(d)) => l.geonameid == d.geonameid && l.name == d.name,
        (Some(_), None) => false,
    };
    // the country a statement is addressed to or made of is not where it is made
    let target_country = || {
        c.location.as_ref().is_some_and(|l| {
            l.precision == LocationPrecision::Country
                && c.actors.iter().any(|a| {
                    a.role == ActorRole::Target
                        && a.country
                            .as_deref()
                            .and_then(|a3| g.country(a3))
                            .is_some_and(|k| k.alpha2 == l.country)
                })
        })
    };
    // nor is a country named in the sentence with no word of place before it ("Hamas
    // ... called on mediators Egypt, Qatar and the United States to pressure Israel"),
    // unlike "in Egypt" or "on a visit to Egypt"
    let named_country = || {
        c.location.as_ref().is_some_and(|l| {
            let sent = &c.evidence.sentence;
            l.precision == LocationPrecision::Country
                && !sent.match_indices(l.text.as_str()).any(|(i, _)| {
                    let before = trim_end_str(&sent[..i], "the ").trim_end();
                    any_of_last_words(before, 1, |w| {
                        ["in", "to", "inside", "across", "from", "at"]
                            .iter()
                            .any(|p| w.eq_ignore_ascii_case(p))
                    })
                })
        })
    };
    // other statements only when no place of their own was found ("Israel's military
    // accused Hezbollah of ..." filed from Beirut is Israel's; "Aoun called on the United
    // States ..." is Lebanon's)
    let statement = matches!(
        c.event_type,
        EventType::Accuse | EventType::Request | EventType::Reject | EventType::Support
    ) && (placed_by_dateline() || target_country() || named_country());
    // a statement of an international body is made in no country, unless a city is named
    // for it ("The European Union urged Georgian authorities to ...")
    if is_statement(c.event_type)
        && c.location
            .as_ref()
            .is_some_and(|l| l.precision == LocationPrecision::Country)
        && c.actors
            .iter()
            .find(|a| a.role == ActorRole::Source)
            .is_some_and(|a| a.sector.as_deref() == Some("IGO") && a.country.is_none())
    {
        c.location = None;
        return;
    }
    if !statement && !matches!(c.event_type, EventType::Sanction | EventType::Threaten) {
        return;
    }
    let Some((text, country)) = c
        .actors
        .iter()
        .filter(|a| a.role == ActorRole::Source)
        .find_map(|a| Some((a.text.clone(), g.country(a.country.as_deref()?)?)))
    else {
        return;
    };
    if c.location
        .as_ref()
        .is_some_and(|l| l.country == country.alpha2)
    {
        return;
    }
    c.location = match dateline.filter(|l| l.country == country.alpha2) {
        Some(l) => Some(l.clone()),
        None => {
            let mention = crate::geo::PlaceMention {
                start: 0,
                end: 0,
                place: country.place,
                score: 1.0,
                over_namesake: false,
            };
            let mut l = g.location(&mention, "");
            l.text = text;
            Some(l)
        }
    };
}

/// The word lists an article is scanned for, in one trie: triggers, modes, cues, actors,
/// the words dates are made of.
fn word_lists() -> &'static Lexicons {
    static L: OnceLock<Lexicons> = OnceLock::new();
    L.get_or_init(|| {
        Lexicons::new(&[
            triggers(),
            modes(),
            cues(),
            actors::phrases(),
            dates::date_words(),
        ])
    })
}

/// The occurrences of [`dates::date_words`] starting in sentence `start..end` of `text`,
/// from the article's (in text order); `None` when the sentence starts or ends inside a
/// word, where the scan's words are not the sentence's.
fn date_words_in<'c>(
    text: &str,
    all: &mut Runs<'c, super::lexicon::Cand>,
    start: usize,
    end: usize,
) -> Option<&'c [super::lexicon::Cand]> {
    let b = text.as_bytes();
    let inside = |i: usize| b.get(i).is_some_and(|&c| super::lexicon::is_word_byte(c));
    if (start > 0 && inside(start - 1)) || inside(end) {
        return None;
    }
    Some(all.run(|c| c.0 < start, |c| c.0 < end))
}

/// A list in text order read sentence by sentence, for sentences in text order: each
/// sentence's run of it found by stepping on from the last sentence's (a list has a few
/// items per sentence), where two binary searches of the whole list per sentence and
/// list ([`hits_within`], [`mentions_from`]) cost more.
struct Runs<'h, T> {
    all: &'h [T],
    /// The first item the last run did not pass over.
    at: usize,
}

impl<'h, T> Runs<'h, T> {
    fn new(all: &'h [T]) -> Runs<'h, T> {
        Runs { all, at: 0 }
    }

    /// The items from the first that `before` does not take to the first after it that
    /// `within` does not take: `partition_point` of `before`, then of `within` past it,
    /// for a `before` that takes the items that start before the sentence and a
    /// `within` monotone past them. Each call's sentence must start no earlier than the
    /// last call's: the items passed over are not looked at again.
    fn run(&mut self, before: impl Fn(&T) -> bool, within: impl Fn(&T) -> bool) -> &'h [T] {
        let all = self.all;
        let mut a = self.at;
        while all.get(a).is_some_and(&before) {
            a += 1;
        }
        self.at = a;
        let mut e = a;
        while all.get(e).is_some_and(&within) {
            e += 1;
        }
        all.get(a..e).unwrap_or_default()
    }
}

/// The bit of a cue's kind in a set of kinds ([`cue_kinds`]).
fn cue_bit(c: Cue) -> u32 {
    1 << (c as u32)
}

/// The kinds of `cues` as a set of bits: a rule asking whether a sentence has a cue of
/// some kind tests a bit, where a loop over its cues mispredicted at its end (six such
/// loops ran per trigger word).
fn cue_kinds(cues: &[super::lexicon::Hit<Cue>]) -> u32 {
    cues.iter().fold(0, |m, h| m | cue_bit(h.value))
}

/// Whether one of the cues of kind `c` among `cues`, whose kinds are `kinds`
/// ([`cue_kinds`]), passes `test`: no cue is read when the bit of `c` is not set, as in
/// most sentences.
#[inline(always)]
fn any_cue(
    cues: &[super::lexicon::Hit<Cue>],
    kinds: u32,
    c: Cue,
    mut test: impl FnMut(&super::lexicon::Hit<Cue>) -> bool,
) -> bool {
    kinds & cue_bit(c) != 0 && cues.iter().any(|h| h.value == c && test(h))
}

/// The kinds of those of a sentence's `cues` that end by `rel` (before a trigger word
/// there), read in one pass without a branch per cue.
fn cue_kinds_before(cues: &[super::lexicon::Hit<Cue>], rel: usize) -> u32 {
    cues.iter()
        .fold(0, |m, h| m | (cue_bit(h.value) * u32::from(h.end <= rel)))
}

enum Keep {
    Event(Trigger),
    Threat,
}

/// Words after a trigger that tell of an event planned or expected ("the strike would
/// continue", "a meeting would be held"), read by [`context_only`].
const LATER_WORDS: [&str; 9] = [
    "would",
    "will",
    "could",
    "might",
    "planned",
    "plans",
    "scheduled",
    "due",
    "expected",
];

/// Facts of one sentence that its trigger words may ask for, each read at most once and
/// only when first asked for.
struct SentFacts<'a> {
    st: &'a str,
    /// `st` in ASCII lower case.
    lower: &'a str,
    /// The local publication day, which dates are resolved against.
    today: NaiveDate,
    /// Bytes of the dateline at the sentence's start, whose date dates nothing.
    skip: usize,
    /// Where the sentence first names a past year ([`past_year_at`]).
    past_year: OnceCell<Option<usize>>,
    /// Whether its byte pairs allow a word of [`LATER_WORDS`]: asked for each trigger word of
    /// the sentence that reaches the test.
    later: OnceCell<bool>,
    /// Where its history or past year starts, whichever comes first.
    old: OnceCell<Option<usize>>,
    /// Whether it tells of a disaster ([`disaster`]).
    disaster: OnceCell<bool>,
    /// Its counts ([`numbers::counts_lower`]).
    counts: OnceCell<numbers::SentenceCounts>,
    /// Its casualty figures, from the counts.
    figures: OnceCell<Vec<Figure>>,
    /// Where it starts in the article's text, and the [`dates::date_words`] found in it
    /// there, when known.
    start: usize,
    date_words: Option<&'a [super::lexicon::Cand]>,
    /// The dates it names ([`dates::find_dates_among`]).
    dates: OnceCell<Vec<dates::DateMention<'a>>>,
    /// Those of them that may date an incident ([`sentence_dates`]).
    sdates: OnceCell<Vec<SentDate<'a>>>,
}

impl<'a> SentFacts<'a> {
    fn new(
        st: &'a str,
        lower: &'a str,
        today: NaiveDate,
        skip: usize,
        start: usize,
        date_words: Option<&'a [super::lexicon::Cand]>,
    ) -> SentFacts<'a> {
        SentFacts {
            st,
            lower,
            today,
            skip,
            start,
            date_words,
            past_year: OnceCell::new(),
            later: OnceCell::new(),
            old: OnceCell::new(),
            disaster: OnceCell::new(),
            counts: OnceCell::new(),
            figures: OnceCell::new(),
            dates: OnceCell::new(),
            sdates: OnceCell::new(),
        }
    }

    fn past_year(&self) -> Option<usize> {
        *self
            .past_year
            .get_or_init(|| past_year_at(self.st, self.today.year()))
    }

    /// Whether `sl`, the sentence's [`Lowered`], may hold a word of [`LATER_WORDS`].
    fn may_tell_later(&self, sl: &Lowered<'_>) -> bool {
        *self
            .later
            .get_or_init(|| LATER_WORDS.iter().any(|w| sl.may_hold(w)))
    }

    fn counts(&self) -> &numbers::SentenceCounts {
        self.counts
            .get_or_init(|| numbers::counts_lower(self.st, self.lower))
    }

    fn figures(&self) -> &[Figure] {
        self.figures
            .get_or_init(|| casualties::of_counts(&self.counts().casualties))
    }

    fn dates(&self) -> &[dates::DateMention<'a>] {
        self.dates.get_or_init(|| match self.date_words {
            Some(words) => dates::find_dates_among(self.st, self.today, words, self.start),
            None => dates::find_dates_on(self.st, self.today),
        })
    }

    fn sdates(&self) -> &[SentDate<'a>] {
        self.sdates.get_or_init(|| {
            sentence_dates(self.st, self.lower, self.dates(), self.today, self.skip)
        })
    }
}

/// A trigger word `t` at `rel..rel_end` of sentence `st`, with what the tests of [`keep`]
/// read of the sentence: its lower-case copy, its facts, its cues (at sentence offsets)
/// and its modes.
#[derive(Clone, Copy)]
struct TriggerAt<'r, 's> {
    st: &'s str,
    sl: &'r Lowered<'s>,
    facts: &'r SentFacts<'s>,
    rel: usize,
    rel_end: usize,
    t: Trigger,
    scues: &'r [super::lexicon::Hit<Cue>],
    /// The kinds of `scues` ([`cue_kinds`]).
    kinds: u32,
    /// The kinds of the cues before the trigger ([`cue_kinds_before`]).
    before: u32,
    smodes: &'r [&'static str],
}

impl<'r, 's> TriggerAt<'r, 's> {
    /// The trigger word in lower case (the sentence's lower-case copy has the same byte
    /// offsets).
    fn lower_word(&self) -> &'s str {
        self.sl
            .text()
            .get(self.rel..self.rel_end)
            .unwrap_or_default()
    }

    /// Whether the sentence has a cue of kind `c`.
    fn has_cue(&self, c: Cue) -> bool {
        self.kinds & cue_bit(c) != 0
    }

    /// Whether the sentence has a cue of kind `c` before the trigger: the answer of
    /// `any_cue_before(c, |_| true)`.
    fn has_cue_before(&self, c: Cue) -> bool {
        self.before & cue_bit(c) != 0
    }

    /// Whether one of the sentence's cues of kind `c` passes `test` ([`any_cue`]).
    #[inline(always)]
    fn any_cue(&self, c: Cue, test: impl FnMut(&super::lexicon::Hit<Cue>) -> bool) -> bool {
        any_cue(self.scues, self.kinds, c, test)
    }

    /// Whether one of the sentence's cues of kind `c` before the trigger passes `test`.
    #[inline(always)]
    fn any_cue_before(
        &self,
        c: Cue,
        mut test: impl FnMut(&super::lexicon::Hit<Cue>) -> bool,
    ) -> bool {
        let rel = self.rel;
        any_cue(self.scues, self.before, c, |h| h.end <= rel && test(h))
    }

    /// Whether the words from byte `pos` of the sentence to the trigger are `n` (at most
    /// 7) or fewer (none are when `pos` is past it): `n + 1` words at most are read.
    fn within_words(&self, pos: usize, n: usize) -> bool {
        self.st
            .get(pos..self.rel)
            .is_some_and(|x| first_words(x, n + 1).1 <= n)
    }
}

/// Decides whether a trigger announces a real event.
fn keep(ctx: &Ctx<'_>, at: TriggerAt<'_, '_>) -> Option<Keep> {
    let TriggerAt {
        st,
        sl,
        facts,
        rel,
        rel_end,
        t,
        scues,
        smodes: _,
        ..
    } = at;
    let word = &st[rel..rel_end];
    let lw = at.lower_word();
    // the last words before the trigger word, read once for all the rules that ask
    let last = LastWords::new(sl.text().get(..rel).unwrap_or_default());
    // capitalised mid-sentence: part of a name ("Riot Parade", "March 3"); the
    // sentence starts after its dateline ("GUSAU, Nigeria (Reuters) - Gunmen killed")
    // (where it starts is read only for a capitalised word)
    let from = if rel >= facts.skip { facts.skip } else { 0 };
    let at_start = || {
        st[from..rel]
            .trim_start_matches(['"', '\'', '*', ' '])
            .is_empty()
    };
    if word.chars().next().is_some_and(|c| c.is_uppercase()) && !at_start() {
        return None;
    }
    if ctx.figurative && !armed_words(sl, scues) || sporting_blow(lw, t, sl, scues) {
        return None;
    }
    // exercises of one military alone are a show of force ("Chinese warships staged
    // drills around Taiwan"); with a partner they are cooperation ("South Korea and the
    // United States began their annual military exercises")
    if t.kind == EventType::Cooperate
        && !lw.starts_with("joint")
        && (lw.contains("exercises") || lw.contains("drills") || lw.contains("war games"))
        && !sl.has("joint")
        && !sl.has(" with ")
    {
        let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
        let mut countries: Vec<&str> = ctx
            .mentions
            .iter()
            .filter(|m| m.start >= base && m.end <= base + rel)
            .filter_map(|m| m.country)
            .collect();
        countries.dedup();
        if countries.len() < 2 {
            return Some(Keep::Event(Trigger {
                kind: EventType::Mobilize,
                mode: Some("troops"),
                weak: false,
                casualty: false,
            }));
        }
    }
    // only a crowd is dispersed as a protest ("The Israeli military said it had
    // dispersed the settlers" after their attack on a village is none)
    if lw.starts_with("dispers") && !disperses_a_crowd(sl.text(), rel, rel_end) {
        return None;
    }
    // fighting an accord or a call is to end is its goal, not an incident ("a framework
    // agreement aimed at ending fighting in eastern Congo", "to halt the violence")
    if t.kind == EventType::Assault
        && (sl.may_hold("end") || sl.may_hold("halt") || sl.may_hold("stop"))
        && last.any(3, |w| {
            matches!(
                w,
                "end" | "ending" | "halt" | "halting" | "stop" | "stopping"
            )
        })
    {
        return None;
    }
    // an aim to fight is no fighting ("U.S. efforts to fight al-Shabab militants")
    if lw == "fight" && last.any(1, |w| w == "to") {
        return None;
    }
    // what a rejected or denied claim tells did not happen as far as the text says
    // ("India rejected Pakistan's claim that it had shot down Indian fighter jets")
    if t.kind == EventType::Assault && in_rejected_claim(sl, rel) {
        return None;
    }
    // those "accused of" something, named as the object of another verb, are no
    // accusation of their own ("imposed sanctions on two Chinese companies accused of
    // supplying drone parts", "arrested three activists accused of plotting")
    if t.kind == EventType::Accuse && lw == "accused" && reduced_relative(st, rel, rel_end) {
        return None;
    }
    // nor are those "convicted of" it a conviction told ("condemned Saudi Arabia's
    // execution of a Jordanian man convicted of drug smuggling")
    if t.kind == EventType::Sanction && lw == "convicted" && reduced_relative(st, rel, rel_end) {
        return None;
    }
    // a crowd that clashes with police riots ("Fans clashed with police outside the
    // stadium"): PLOVER's PROTEST/riot, not an armed clash
    if lw.starts_with("clash") && crowd_clash(ctx, st, sl, rel) {
        return Some(Keep::Event(Trigger {
            kind: EventType::Protest,
            mode: Some("riot"),
            weak: false,
            casualty: false,
        }));
    }
    // a ship or goods seized are property taken (PLOVER COERCE/seize: "the Revolutionary
    // Guards seized a British-flagged oil tanker"), not ground taken by force
    if matches!(lw, "seized" | "captured") {
        const GOODS: [&str; 12] = [
            "tanker", "tankers", "ship", "ships", "vessel", "vessels", "cargo", "boat", "boats",
            "assets", "property", "shipment",
        ];
        let after = sl.text().get(rel_end..).unwrap_or_default();
        if after
            .split_whitespace()
            .take(5)
            .any(|w| GOODS.contains(&w.trim_end_matches([',', '.', ';'])))
        {
            return Some(Keep::Event(Trigger {
                kind: EventType::Coerce,
                mode: Some("seize"),
                weak: false,
                casualty: false,
            }));
        }
    }
    // launched weapons or an attack are one; an inquiry, a campaign or a search launched
    // are none
    if lw == "launched" && !launched_an_attack(sl.text(), rel, rel_end) {
        return None;
    }
    // denials are not events
    if at.has_cue_before(Cue::Denial) {
        return None;
    }
    // history and aggregates, unless told in a clause of their own after a dated trigger
    // ("signed a peace agreement on Sunday, ending two decades of hostility")
    let old = *facts.old.get_or_init(|| {
        history_at(st, scues)
            .into_iter()
            .chain(facts.past_year())
            .min()
    });
    if old.is_some_and(|at| !dated_before_history(ctx, st, rel_end, at, || facts.dates())) {
        return None;
    }
    // negated right before ("no casualties", "did not attack")
    if at.any_cue_before(Cue::Negation, |h| at.within_words(h.end, 3)) {
        return None;
    }
    // aid pledged, promised or offered is an intent to provide it (PLOVER AGREE, CAMEO
    // 033: "Japan pledged $50 million in humanitarian aid to Gaza"); so is aid a
    // government says it will provide ("Japan will provide $200 million in emergency aid")
    let lead = sl.text().get(..rel).unwrap_or_default();
    // an agreement or a meeting judged is one told already ("Tshisekedi welcomed the
    // agreement but said the rebels must withdraw")
    if matches!(t.kind, EventType::Agree | EventType::Consult)
        && last_ascii_words(lead, 2)
            .is_some_and(|(w, k)| k == 2 && w[0] == "the" && JUDGING.contains(&w[1]))
    {
        return None;
    }
    // a meeting called off did not happen ("cancelled a planned trip to South Africa for
    // the G20 summit")
    if t.kind == EventType::Consult
        && lead
            .get(lead.len().saturating_sub(64)..)
            .is_some_and(|l| CALLED_OFF.iter().any(|w| l.contains(w)) && !l.contains(['.', ';']))
    {
        return None;
    }
    if t.kind == EventType::Aid
        && (last.any(5, |w| PROMISED.contains(&w))
            || lead
                .get(lead.len().saturating_sub(48)..)
                .is_some_and(|l| WILL_PROVIDE.iter().any(|p| l.contains(p))))
    {
        return Some(Keep::Event(Trigger {
            kind: EventType::Agree,
            mode: None,
            weak: false,
            casualty: false,
        }));
    }
    if context_only(ctx, st, sl, rel, lw, t, facts, &last) {
        return None;
    }
    // a date that makes the trigger background drops it, whatever the tests after
    // `context_only` say: asked last, so that the sentence's dates are read only for a
    // trigger those tests keep
    let k = keep_past_context(ctx, at, &last)?;
    (!dated_background(ctx, st, rel, facts.dates())).then_some(k)
}

/// The tests of [`keep`] after [`context_only`], for the trigger `at`, with `last` the
/// words before it.
fn keep_past_context(ctx: &Ctx<'_>, at: TriggerAt<'_, '_>, last: &LastWords<'_>) -> Option<Keep> {
    let TriggerAt {
        st,
        sl,
        facts,
        rel,
        rel_end,
        t,
        smodes,
        ..
    } = at;
    let lw = at.lower_word();
    let lower_all = sl.text();
    // what an act is meant to bring about or to prevent has not happened ("to allow aid
    // deliveries to Darfur", "to protect its cities from Russian missile strikes")
    if in_purpose_clause(lower_all, rel) {
        return None;
    }
    // forces sent are a deployment, weapons sent military aid, anything else nothing
    // ("would send 3,000 additional troops", "will deliver four more Patriot air
    // defence systems to Ukraine", not "sent a letter")
    let t = if matches!(
        lw,
        "send" | "sent" | "sending" | "dispatched" | "deliver" | "supply" | "supplied"
    ) {
        let kind = sent_what(lower_all, rel, rel_end)?;
        Trigger {
            kind,
            mode: (kind == EventType::Mobilize).then_some("troops"),
            weak: false,
            casualty: false,
        }
    } else {
        t
    };
    // a raid in which goods were seized is that seizure ("soldiers seized 2.7 tonnes of
    // cocaine in a raid on a warehouse")
    if t.kind == EventType::Assault
        && lw.starts_with("raid")
        && find_by(lower_all, "seized ", 3).is_some_and(|i| goods_after(&lower_all[i + 7..]))
    {
        return None;
    }
    // a police raid is coercion, not an assault ("police raided homes and party offices")
    if t.kind == EventType::Assault
        && lw.starts_with("raid")
        && lower_all
            .get(..rel)
            .is_some_and(|b| b.ends_with("police ") || b.ends_with("security forces "))
    {
        // with people detained in it, the raid is their arrest
        let arrest = ["detained", "arrested", "arrests", "detentions"]
            .iter()
            .any(|w| sl.has(w));
        return Some(Keep::Event(Trigger {
            kind: EventType::Coerce,
            mode: Some(if arrest { "arrest" } else { "seize" }),
            weak: false,
            casualty: false,
        }));
    }
    // roads blocked are a protest only by a crowd making demands ("farmers blocked
    // motorways around Paris with tractors, demanding lower fuel taxes"; not "police
    // blocked roads leading to the square")
    if t.kind == EventType::Protest
        && lw.starts_with("block")
        && !lw.starts_with("blockade")
        && ![
            "demand",
            "protest",
            "farmers",
            "truckers",
            "workers",
            "drivers",
            "students",
            "residents",
            "villagers",
            "activists",
            "supporters",
            "opposition",
        ]
        .iter()
        .any(|w| sl.has(w))
    {
        return None;
    }
    // talks halted are a sanction (PLOVER: CAMEO 164, "halt negotiations"); talks called
    // off or put off never took place
    if t.kind == EventType::Consult
        && matches!(lw, "talks" | "negotiations" | "meeting" | "dialogue")
    {
        // (one of the words just before it, each a whole word: "broke off peace talks")
        let said = |n: usize, f: fn(&str) -> bool| last.any(n, f);
        let off = said(5, |w| w == "off");
        let halted =
            off && said(5, |w| {
                matches!(w, "broke" | "break" | "broken" | "breaking")
            }) || said(4, |w| {
                w.starts_with("suspend")
                    || w.starts_with("halt")
                    || matches!(w, "froze" | "freeze" | "frozen" | "freezing")
            }) || said(5, |w| w == "out")
                && said(6, |w| matches!(w, "pulled" | "walked" | "pull" | "walk"))
                || said(5, |w| w == "from") && said(6, |w| matches!(w, "withdrew" | "withdraw"));
        // a halt threatened or weighed is none yet ("threatened to break off talks",
        // "could suspend the negotiations"): the threat word makes its own event (a halt
        // announced is one: "said it would suspend talks")
        let only_said = said(8, |w| {
            w.starts_with("threat")
                || w.starts_with("warn")
                || w.starts_with("consider")
                || matches!(w, "could" | "might" | "may" | "if" | "unless")
        });
        if halted && only_said {
            return None;
        }
        if halted {
            return Some(Keep::Event(Trigger {
                kind: EventType::Sanction,
                mode: Some("withdraw"),
                weak: false,
                casualty: false,
            }));
        }
        if said(4, |w| {
            w.starts_with("cancel")
                || w.starts_with("postpone")
                || matches!(w, "scrapped" | "delayed")
        }) || off && said(5, |w| matches!(w, "called" | "call" | "calling"))
        {
            return None;
        }
    }
    // to demonstrate something is to show it ("records demonstrate that ...", "clearly
    // demonstrated the risks"), not to protest
    if t.kind == EventType::Protest
        && matches!(
            lw,
            "demonstrate" | "demonstrates" | "demonstrated" | "demonstrating"
        )
    {
        let next = sl
            .text()
            .get(rel_end..)
            .and_then(|a| a.split_whitespace().next())
            .unwrap_or_default();
        if is_one_of_any_case(
            &[
                "that", "how", "what", "why", "whether", "the", "a", "an", "its", "their", "his",
                "her", "our", "this", "these", "those", "any", "no", "clear", "strong",
            ],
            next,
        ) {
            return None;
        }
    }
    // cutting the internet is censorship
    if t.kind == EventType::Sanction && lw == "suspended" && sl.has("internet") {
        return Some(Keep::Event(Trigger {
            kind: EventType::Coerce,
            mode: Some("censor"),
            weak: false,
            casualty: false,
        }));
    }
    // a protest lodged through diplomats is a complaint, not a street protest ("summoned
    // the British ambassador to protest against new sanctions")
    if t.kind == EventType::Protest
        && lw.starts_with("protest")
        && !lw.starts_with("protester")
        && [
            "summon",
            "ambassador",
            "envoy",
            "lodged a",
            "lodge a",
            "formal protest",
            "diplomatic note",
            "charge d'affaires",
        ]
        .iter()
        .any(|w| sl.has(w))
    {
        return Some(Keep::Event(Trigger {
            kind: EventType::Accuse,
            mode: Some("disapprove"),
            weak: false,
            casualty: false,
        }));
    }
    // a missile fired into the sea or in a test hits no one: weapons readied or tested
    if t.kind == EventType::Assault && weapons_test(sl) {
        return Some(Keep::Event(Trigger {
            kind: EventType::Mobilize,
            mode: Some("weapons"),
            weak: false,
            casualty: false,
        }));
    }
    // what is exchanged or handed over must be people held ("exchanged 390 prisoners
    // each"; not "exchanged views", "handed over a letter")
    if t.kind == EventType::Retreat
        && matches!(lw, "exchanged" | "swapped" | "handed over")
        && ![
            "prisoner", "pows", "captive", "detainee", "hostage", "soldiers", "bodies", "remains",
        ]
        .iter()
        .any(|w| sl.has(w))
    {
        return None;
    }
    // a noun's modifier, not a delivery ("ambushed a supply convoy escorted by soldiers")
    const SUPPLIED: [&str; 8] = [
        "convoy", "line", "route", "depot", "chain", "truck", "base", "hub",
    ];
    if lw == "supply" && next_word_in(lower_all, rel_end, &SUPPLIED) {
        return None;
    }
    // the police's kind tells a protest met, not a riot ("Georgian riot police used water
    // cannon to disperse thousands of protesters"): whether it was one, the protesters'
    // deeds tell
    const POLICE_KIT: [&str; 9] = [
        "police",
        "policemen",
        "officer",
        "gear",
        "squad",
        "unit",
        "shield",
        "control",
        "troop",
    ];
    if lw == "riot" && next_word_in(lower_all, rel_end, &POLICE_KIT) {
        return Some(Keep::Event(Trigger {
            mode: Some("demo"),
            ..t
        }));
    }
    // people held are no arrest ("hand over detainees")
    if lw.starts_with("detainee") {
        return None;
    }
    // a kind of weapon or unit, not an attack ("assault rifles")
    if lw == "assault" && weapon_noun_after(lower_all.get(rel_end..).unwrap_or("")) {
        return None;
    }
    // goods seized are a confiscation ("officers also seized two assault rifles and a
    // stolen pickup truck"), part of the arrest when the sentence tells one
    if lw == "seized" && goods_after(lower_all.get(rel_end..).unwrap_or("")) {
        let arrest = ["arrest", "detain", "held "].iter().any(|w| sl.has(w));
        return (!arrest).then_some(Keep::Event(Trigger {
            kind: EventType::Coerce,
            mode: Some("seize"),
            weak: false,
            casualty: false,
        }));
    }
    // reinforcements in a battle are part of it
    if lw.starts_with("reinforcement") && at.has_cue(Cue::Violence) {
        return None;
    }
    let threat_words = at.has_cue(Cue::ThreatVerb);
    let condition = at.has_cue(Cue::Condition);
    let modal_near = at.any_cue_before(Cue::Modal, |h| at.within_words(h.end, 6));
    let cond_before = at.has_cue_before(Cue::Condition);
    // a danger someone is said to be, not a threat made ("Hamas militants who posed a
    // threat to troops")
    if t.kind == EventType::Threaten
        && any_of_last_words(lower_all.get(..rel).unwrap_or_default(), 3, |w| {
            matches!(w, "pose" | "posed" | "poses" | "posing")
        })
    {
        return None;
    }
    if t.kind == EventType::Threaten {
        return Some(Keep::Event(t)).filter(|_| !t.weak || condition || modal_near || threat_words);
    }
    // a deployment or a delivery of weapons decided and announced is the mobilization
    // or the aid ("announced that 300 police officers would be deployed", "said the
    // government would send 1,500 more troops")
    let announced = matches!(t.kind, EventType::Mobilize | EventType::Aid)
        && !condition
        && !threat_words
        && at.any_cue_before(Cue::Modal, |h| {
            at.within_words(h.end, 6) && announced_future(lower_all, h.start, h.end)
        });
    // what someone is asked to do is the request's content, not an event ("called on the
    // United States and France ... to pressure Israel to halt its attacks and withdraw")
    if !is_statement(t.kind)
        && at.any_cue_before(Cue::Asking, |h| {
            rel - h.end <= 160 && requested_content(lower_all.get(h.end..rel).unwrap_or_default())
        })
    {
        return None;
    }
    // ("the rebels must withdraw from Goma", "police must return the firearms")
    if !is_statement(t.kind) && at.any_cue_before(Cue::Obligation, |h| at.within_words(h.end, 6)) {
        return None;
    }
    if (modal_near || cond_before) && !announced {
        if threat_words || (condition && modal_near) {
            return Some(Keep::Threat);
        }
        return None;
    }
    if threat_words
        && sl.has("threat")
        && (condition
            || t.kind == EventType::Assault
                && !facts
                    .figures()
                    .iter()
                    .any(|f| matches!(f.amount, Amount::Exact(n) if n > 0)))
    {
        return Some(Keep::Threat);
    }
    let violence =
        at.any_cue(Cue::Violence, |h| (h.start, h.end) != (rel, rel_end)) || !smodes.is_empty();
    // (the figures are parsed only for the triggers that get this far and need them)
    let figures = || facts.figures();
    let has_fig = || {
        figures()
            .iter()
            .any(|f| matches!(f.amount, Amount::Exact(n) if n > 0) || f.amount == Amount::Vague)
    };
    let lower = lower_all;
    if (lw == "ceasefire" || lw == "truce")
        && ![
            "declared",
            "announced",
            "took effect",
            "came into effect",
            "began",
            "extended",
            "renewed",
        ]
        .iter()
        .any(|w| sl.has(w))
    {
        return None;
    }
    // labour strikes
    if (lw == "strike" || lw == "strikes")
        && [
            "workers",
            "drivers",
            "union",
            "transport",
            "general strike",
            "teachers",
            "doctors",
            "on strike",
            "staged",
        ]
        .iter()
        .any(|w| {
            // whole words only: "precision strike" is not "on strike"
            sl.has(w)
                && lower.match_indices(w).any(|(i, _)| {
                    !lower[..i].ends_with(|c: char| c.is_ascii_alphabetic())
                        && !lower[i + w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                })
        })
    {
        return Some(Keep::Event(Trigger {
            kind: EventType::Protest,
            mode: Some("strike"),
            weak: false,
            casualty: false,
        }));
    }
    match t.kind {
        EventType::Assault if t.casualty => {
            // (each test below drops the trigger, so their order changes nothing: those
            // of words come before the sentence's figures, which are parsed only for the
            // triggers that pass them)
            // (an armed group that does the killing is violence enough: "Gang members
            // killed at least 70 people", with a figure)
            let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
            let armed_agent = || {
                ctx.mentions.iter().any(|m| {
                    m.start >= base
                        && m.end <= base + rel
                        && matches!(m.sector, Some("MIL") | Some("REB") | Some("POL"))
                        && active_agent(ctx.text, m.end)
                })
            };
            if !(violence || ctx.violent || ctx_violent_paragraph(sl) || armed_agent()) {
                return None;
            }
            if !figures()
                .iter()
                .any(|f| f.pos <= rel_end + 40 && f.pos + 60 >= rel)
            {
                return None;
            }
            if !has_fig() {
                return None;
            }
            if *facts.disaster.get_or_init(|| disaster(sl)) {
                return None;
            }
            Some(Keep::Event(t))
        }
        // "an earthquake struck off the coast, injuring 151 people"
        EventType::Assault
            if t.weak && smodes.is_empty() && *facts.disaster.get_or_init(|| disaster(sl)) =>
        {
            None
        }
        EventType::Assault if t.weak => {
            let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
            let placed = ctx
                .places
                .iter()
                .any(|p| p.start >= base && p.end <= base + st.len() && !p.bare_country);
            // an armed group named before an attack carries it out ("The Houthis
            // claimed responsibility for an attack on a tanker", "Rebels shot down a
            // military helicopter")
            let armed_before = || {
                matches!(
                    lw,
                    "attack" | "attacks" | "attacked" | "raid" | "raided" | "shot down"
                ) && ctx.mentions.iter().any(|m| {
                    m.start >= base
                        && m.end <= base + rel
                        && matches!(m.sector, Some("MIL") | Some("REB"))
                })
            };
            // (the sentence's figures last: any one test keeps the trigger)
            (violence
                || armed_before()
                || ctx.violent
                    && placed
                    && (sl.has("was struck")
                        || sl.has("was hit")
                        || sl.has("were hit")
                        || sl.has("came under"))
                || has_fig())
            .then_some(Keep::Event(t))
        }
        EventType::Assault => Some(Keep::Event(t)),
        _ if t.weak => {
            let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
            let actor = mentions_from(&ctx.mentions, base, base + st.len())
                .iter()
                .any(|m| {
                    m.country.is_some()
                        || m.name.is_some()
                        || matches!(
                            m.sector,
                            Some("IGO") | Some("GOV") | Some("POL") | Some("MIL") | Some("REB")
                        )
                        // a crowd named before demonstrates ("students demonstrated in
                        // Dhaka")
                    || t.kind == EventType::Protest
                        && m.sector == Some("CVL")
                        && m.end <= base + rel
                });
            // or a crowd counted right before it ("Tens of thousands rallied in Tel Aviv")
            let crowd = t.kind == EventType::Protest
                && last.any(1, |w| {
                    matches!(
                        w,
                        "thousands" | "hundreds" | "dozens" | "millions" | "crowds"
                    ) || w.len() > 1 && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
                });
            // or a pronoun subject standing for a party of an earlier sentence ("He
            // called on allies to ...")
            let antecedent =
                || is_statement(t.kind) && pronoun_antecedent(ctx, base, base + rel).is_some();
            (actor || crowd || antecedent()).then_some(Keep::Event(t))
        }
        _ => Some(Keep::Event(t)),
    }
}

/// Trigger words that, in their sentence, report context rather than an event of their
/// own: interviews ("told Reuters by phone"), claims of responsibility, passive blame
/// ("has been blamed for"), "under threat", aid talked about rather than delivered,
/// appeals and rejections without a state or an international body speaking, a person
/// described as accused ("a man accused of blasphemy"). (Background dated to an earlier
/// month is [`dated_background`], which `keep` asks last.)
#[allow(clippy::too_many_arguments)]
fn context_only(
    ctx: &Ctx<'_>,
    st: &str,
    sl: &Lowered<'_>,
    rel: usize,
    lw: &str,
    t: Trigger,
    facts: &SentFacts<'_>,
    last: &LastWords<'_>,
) -> bool {
    let lower = sl.text();
    let before = lower.get(..rel).unwrap_or("");
    // (the sentence's offset in the article)
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let near_before = before
        .get(before.len().saturating_sub(50)..)
        .unwrap_or(before);
    if t.kind == EventType::Consult && t.mode == Some("phone") && sl.has_in(near_before, "told ") {
        return true;
    }
    if lw == "responsibility" && sl.has_in(near_before, "claim") {
        return true;
    }
    // blame is laid only where responsibility "lies" or "rests" with someone
    if lw == "responsibility"
        && ![" lies ", " rests ", " lay ", "held "]
            .iter()
            .any(|w| sl.has(w))
    {
        return true;
    }
    // the incident an arrest or a charge is for ("arrested 15 suspects in connection with
    // the kidnapping of schoolgirls"): told before, not a new one
    if t.kind == EventType::Assault
        && (before.trim_end().ends_with("in connection with")
            || before.trim_end().ends_with("in connection with the"))
    {
        return true;
    }
    // what followed an incident of a past year, told next in its paragraph ("Last year,
    // more than 60 people were killed ... Ruto later withdrew the bill")
    if continues_history(ctx, st, sl, last) && facts.dates().is_empty() {
        return true;
    }
    // a pattern kept up, told with no day, figure or place ("Kyiv has responded with
    // drone strikes on Russian oil refineries")
    // (its dates and figures asked for last)
    // (the last words before the trigger are read only when the sentence's byte pairs
    // allow the words looked for, here and below: each is a slice of the sentence)
    if t.kind == EventType::Assault
        && lw.ends_with('s')
        && (sl.may_hold("has") || sl.may_hold("have"))
        && last.any(3, |w| matches!(w, "has" | "have"))
        && !ctx.places.iter().any(|p| {
            // (a capital that acts is no place: "Kyiv has responded")
            p.start >= base
                && p.end <= base + st.len()
                && !p.bare_country
                && !ctx.mentions.iter().any(|m| m.start == p.start)
        })
        && facts.dates().is_empty()
        && !facts
            .figures()
            .iter()
            .any(|f| matches!(f.amount, Amount::Exact(n) if n > 0))
    {
        return true;
    }
    // "rights groups have accused both sides": a standing charge, not a new accusation
    if t.kind == EventType::Accuse && before.ends_with(" have ") {
        return true;
    }
    if t.kind == EventType::Accuse && (before.ends_with("been ") || before.ends_with("be ")) {
        return true;
    }
    // the object of a request or a time reference: "called for an investigation",
    // "after the meeting", "ahead of the talks"
    if [
        "called for ",
        "calls for ",
        "call for ",
        "demanded ",
        "urged ",
        "pushing for ",
    ]
    .iter()
    .any(|w| sl.has_in(near_before, w))
        || t.kind != EventType::Assault
            && ["after the ", "before the ", "ahead of the ", "since the "]
                .iter()
                .any(|w| before.ends_with(w))
    {
        return true;
    }
    // talks proposed, offered or invited to are not held ("rejected a U.S. proposal for
    // new arms control talks")
    if t.kind == EventType::Consult
        && [
            "proposal for ",
            "proposal of ",
            "proposed ",
            "offer of ",
            "offered ",
            "invit",
        ]
        .iter()
        .any(|w| sl.has_in(near_before, w))
    {
        return true;
    }
    // planned or expected: "the strike would continue", "a meeting would be held"
    // (the words after it are read only when the sentence's byte pairs allow one of
    // those words, or a participle asks for the next one)
    let later = t.kind != EventType::Threaten && facts.may_tell_later(sl);
    // a participle used as an adjective: "22 seriously wounded soldiers", "the freed men"
    let participle = lw.ends_with("ed") && (t.casualty || t.kind == EventType::Retreat);
    let (after, n_after) = if later || participle {
        first_words(lower.get(rel + lw.len()..).unwrap_or(""), 6)
    } else {
        ([""; 8], 0)
    };
    let after = &after[..n_after];
    if later
        && after.iter().any(|w| LATER_WORDS.contains(w))
        && !after.first().is_some_and(|w| w.ends_with(','))
    {
        return true;
    }
    if participle && after.first().is_some_and(|w| attributive_next(w)) {
        return true;
    }
    if sl.has("no immediate confirmation") || sl.has("unconfirmed") {
        return true;
    }
    if t.kind == EventType::Threaten && before.ends_with("under ") {
        return true;
    }
    // "accusing them of ...": a participle adding the reason of another act
    if t.kind == EventType::Accuse && lw.ends_with("ing") && before.trim_end().ends_with(',') {
        return true;
    }
    // plural attacks as the object of blame or responsibility: no incident
    if t.kind == EventType::Assault
        && lw.ends_with('s')
        && (before.ends_with("for ") || before.ends_with("of "))
    {
        return true;
    }
    // "a mob lynched a man accused of blasphemy": a description, and no state or body
    // before it to accuse (not "was accused of", "Turkey accused Israel of", "the United
    // States imposed sanctions on three companies accused of ...")
    if t.kind == EventType::Accuse
        && lw == "accused"
        && accused_as_description(before, rel, lower, "accused")
        && !speaker_before(ctx, st, rel)
    {
        return true;
    }
    // the conviction that describes people the sentence tells something else of ("Iran
    // executed four men convicted of spying for Israel")
    if lw == "convicted"
        && accused_as_description(before, rel, lower, "convicted")
        && last.any(8, |w| {
            [
                "executed",
                "hanged",
                "sentenced",
                "pardoned",
                "released",
                "freed",
                "deported",
                "extradited",
            ]
            .contains(&w)
        })
    {
        return true;
    }
    // an attack plotted or planned has not happened ("detained a man suspected of
    // plotting a bomb attack", "foiled a planned attack")
    if t.kind == EventType::Assault
        && (sl.may_hold("plot") || sl.may_hold("plan") || sl.may_hold("prepar"))
        && last.any(4, |w| {
            ["plot", "plann", "prepar"].iter().any(|p| w.starts_with(p)) || w == "plan"
        })
    {
        return true;
    }
    // a deal or a sanction protested, opposed or demanded is none made ("to protest
    // against the EU-Mercosur trade deal", "lawmakers opposed to the agreement", "rallied
    // to demand a deal to free the hostages", "rejected the EU's demand to impose
    // sanctions on Russia")
    if (t.kind == EventType::Agree && matches!(lw, "deal" | "agreement" | "accord")
        || t.kind == EventType::Sanction && lw.starts_with("sanction"))
        && last.any(5, |w| {
            matches!(
                w,
                "against"
                    | "oppose"
                    | "opposed"
                    | "opposing"
                    | "protest"
                    | "protests"
                    | "protesting"
            ) || ["demand", "urg", "push", "seek", "sought", "calling"]
                .iter()
                .any(|p| w.starts_with(p))
        })
    {
        return true;
    }
    // a resignation, withdrawal or release demanded, talks one is ready for: not (yet)
    // events ("demanding the resignation of the interim government", "demanding the
    // withdrawal of a finance bill", "ready for talks with Ukraine")
    if t.kind == EventType::Retreat
        && (lw.starts_with("resign") || lw.starts_with("withdraw") || lw.starts_with("release"))
        && last.any(4, |w| {
            ["demand", "call", "urg", "sought", "seek"]
                .iter()
                .any(|p| w.starts_with(p))
        })
    {
        return true;
    }
    if t.kind == EventType::Consult
        && last.with(3, |words| {
            words.windows(2).any(|w| {
                matches!(
                    (w[1], w[0]),
                    ("ready", "for") | ("open", "to") | ("prepared", "for") | ("willing", "to")
                )
            })
        })
    {
        return true;
    }
    // the detention a release ends is its background ("released a British couple who
    // had been detained in Afghanistan for seven months")
    if t.kind == EventType::Coerce
        && (before.ends_with("had been ") || before.ends_with("have been "))
        && ["released", "freed", "release of"]
            .iter()
            .any(|w| sl.has(w))
    {
        return true;
    }
    // a measure vetoed, blocked or rejected is not taken ("Hungary vetoed a new EU
    // sanctions package against Russia")
    if matches!(
        t.kind,
        EventType::Sanction | EventType::Agree | EventType::Aid
    ) && (sl.may_hold("veto")
        || sl.may_hold("block")
        || sl.may_hold("reject")
        || sl.may_hold("opposed"))
        && last.any(5, |w| {
            matches!(
                w,
                "vetoed" | "blocked" | "rejected" | "opposed" | "veto" | "block" | "reject"
            )
        })
    {
        return true;
    }
    // a decision taken together to act on a third party is that act, not a deal with it
    // ("the European Union agreed on Monday to impose new sanctions on Iranian drone
    // makers")
    // an accord referred to is no new one ("accused Rwanda of violating the agreement",
    // "Qatar, which mediated the deal")
    if t.kind == EventType::Agree
        && matches!(lw, "agreement" | "deal" | "accord")
        && last.any(1, |w| matches!(w, "the" | "this" | "that" | "its"))
        && last.any(3, |w| {
            [
                "violat",
                "breach",
                "mediated",
                "brokered",
                "implement",
                "under",
                "collapse",
            ]
            .iter()
            .any(|v| w.starts_with(v))
        })
    {
        return true;
    }
    // a party described by its part in talks or a deal ("Egypt and Qatar, which
    // mediated the deal, said ..."): no new meeting
    if matches!(t.kind, EventType::Consult | EventType::Agree)
        && last.any(1, |w| matches!(w, "which" | "who"))
    {
        return true;
    }
    if lw == "declined to" && declined_to_speak(lower.get(rel + lw.len()..).unwrap_or_default()) {
        return true;
    }
    // what is set to begin has not ("said negotiations on the second phase would begin
    // next week")
    if starts_later(sl, lower.get(rel + lw.len()..).unwrap_or_default()) {
        return true;
    }
    if t.kind == EventType::Agree && lw == "agreed" && !sl.has(" with ") {
        let after = lower.get(rel + lw.len()..).unwrap_or("");
        let to = after.find(" to ").filter(|&i| i < 16);
        if to.is_some_and(|i| {
            ["impose", "sanction", "send", "deploy", "provide", "supply"]
                .iter()
                .any(|v| after[i + 4..].starts_with(v))
        }) {
            return true;
        }
    }
    // protesters named as the cause of another act are no protest of the day ("imposed
    // sanctions on six officials over the crackdown on protesters")
    if t.kind == EventType::Protest
        && (lw.starts_with("protester") || lw.starts_with("demonstrator"))
    {
        let (act, cause) = last.with(6, |back| {
            let act = back.iter().take(4).any(|w| {
                [
                    "crackdown",
                    "repression",
                    "killing",
                    "killings",
                    "treatment",
                    "shooting",
                ]
                .contains(w)
            });
            let cause = back
                .iter()
                .any(|w| ["over", "for", "following"].contains(w));
            (act, cause)
        });
        if act && cause {
            return true;
        }
    }
    // aid stopped is no aid given ("suspended aid deliveries", "suspended part of a
    // military aid program"; aid promised is an agreement: see `keep`)
    if t.kind == EventType::Aid
        && last.any(5, |w| {
            [
                "suspended",
                "suspend",
                "suspends",
                "halted",
                "halt",
                "halts",
                "stopped",
                "paused",
                "blocked",
                "blocking",
                "cut",
                "reduced",
                "withheld",
                "froze",
            ]
            .contains(&w)
        })
    {
        return true;
    }
    // drones or missiles shot down are an interception, told by the attack's own trigger
    // ("shot down 40 of the 60 drones launched by Russia")
    if lw == "shot down" && !aircraft_downed(sl) {
        return true;
    }
    // "asked" asks for something ("asked Western allies for more air defence"), not
    // "asked not to be named", "when asked about"
    if lw == "asked" && !asks_for(before, lower.get(rel + lw.len()..).unwrap_or_default()) {
        return true;
    }
    if t.kind == EventType::Aid
        && t.weak
        && ![
            "delivered",
            "reached",
            "arrived",
            "distributed",
            "handed out",
            "unloaded",
            "provided",
            "provides",
            "donated",
            "shipped",
            "airlifted",
        ]
        .iter()
        .any(|w| sl.has(w))
    {
        return true;
    }
    if matches!(
        t.kind,
        EventType::Request | EventType::Reject | EventType::Support
    ) && (!speaker_before(ctx, st, rel) || noun_use(last))
    {
        return true;
    }
    false
}

/// Whether a date of sentence `st` near its trigger at `rel`, in the same clause, is a
/// month before the publication month, a past year, or a day weeks before: background
/// ("a ceasefire ... that took effect on January 19" read in June).
fn dated_background(ctx: &Ctx<'_>, st: &str, rel: usize, dates: &[dates::DateMention]) -> bool {
    // (the sentence's offset in the article)
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let first = ctx.published.with_day(1).unwrap_or(ctx.published);
    let weeks_before = ctx.published - chrono::Duration::days(45);
    // (a dateline's date heads the report and dates nothing in it)
    dates.iter().any(|d| {
        let (a, b) = (d.start.min(rel), d.end.max(rel));
        let old = match d.precision {
            DatePrecision::Month | DatePrecision::Year => d.value < first,
            _ => d.value < weeks_before && base + d.start >= ctx.head_end,
        };
        // (nor the date of what an anniversary marks: "marched to mark the first
        // anniversary of last year's protests")
        let between = st.get(a..b).unwrap_or(",");
        old && b - a <= 80
            && !between.contains([',', ';'])
            && !(d.start > rel && between.contains("anniversary"))
    })
}

/// What the verb of sending at `start..end` of the lower-case sentence `lower` sends: a
/// deployment (MOBILIZE) when a noun of forces is its object, military aid (AID) when
/// weapons are, read up to the first preposition ("supplied fuel to Russian forces" sends
/// no forces). Nothing when it is asked for or alleged ("urged allies to send more air
/// defence systems", "accused Rwanda of sending troops") or an adjective
/// ("British-supplied missiles").
fn sent_what(lower: &str, start: usize, end: usize) -> Option<EventType> {
    const ASKED: [&str; 9] = [
        "urged",
        "urging",
        "called on",
        "asked",
        "appealed",
        "demanded",
        "requested",
        "accused",
        "allegation",
    ];
    let before = lower.get(..start).unwrap_or_default();
    if before.ends_with('-') || ASKED.iter().any(|w| before.contains(w)) {
        return None;
    }
    let after = lower.get(end..).unwrap_or_default();
    const FORCES: [&str; 9] = [
        "troops",
        "soldiers",
        "forces",
        "marines",
        "warships",
        "reinforcements",
        "paratroopers",
        "peacekeepers",
        "battalions",
    ];
    const WEAPONS: [&str; 12] = [
        "weapons",
        "arms",
        "ammunition",
        "missiles",
        "tanks",
        "howitzers",
        "shells",
        "jets",
        "drones",
        "systems",
        "rockets",
        "munitions",
    ];
    after
        .split_whitespace()
        .take(6)
        .take_while(|w| !places::is_one_of(&["to", "into", "for", "from", "with", "in"], w))
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .find_map(|w| {
            if FORCES.contains(&w) {
                Some(EventType::Mobilize)
            } else if WEAPONS.contains(&w) {
                Some(EventType::Aid)
            } else {
                None
            }
        })
}

/// Words announcing aid to come: with [`PROMISED`], an intent to provide it.
const WILL_PROVIDE: [&str; 6] = [
    "will provide ",
    "would provide ",
    "will give ",
    "would give ",
    "will send ",
    "would send ",
];

/// Words that make the aid after them a promise of aid.
const PROMISED: [&str; 8] = [
    "promised", "pledged", "vowed", "offered", "pledges", "promises", "pledge", "promise",
];

/// Whether the word after a past participle makes it an adjective ("wounded soldiers")
/// rather than a verb ("wounded three", "killed in", "freed on").
/// Whether the sentence names armed people or weapons, which no figure of speech has:
/// "Gunmen fired on a bus carrying football fans to a league match" in a sport story.
fn armed_words(sl: &Lowered<'_>, scues: &[super::lexicon::Hit<Cue>]) -> bool {
    // (not the words of a war film or an explosive show: "soldier", "bombardment")
    const ARMED: [&str; 15] = [
        "gunm",
        "militant",
        "insurgent",
        "troops",
        "police",
        "army",
        "rebel",
        "jihadist",
        "militia",
        "attackers",
        "assailants",
        "grenade",
        "airstrike",
        "warplane",
        "gunfire",
    ];
    scues.iter().any(|h| {
        h.value == Cue::Violence
            && sl
                .text()
                .get(h.start..h.end)
                .is_some_and(|w| ARMED.iter().any(|a| w.starts_with(a)))
    })
}

/// Whether a weak trigger is a blow of a game: a verb that sport writing uses for
/// shots and wins, in a sentence with words of a game and no word of armed violence
/// ("the striker fired twice as his side crushed Leeds 4-0"; not "police fired tear gas
/// at fans after the match").
fn sporting_blow(
    lw: &str,
    t: Trigger,
    sl: &Lowered<'_>,
    scues: &[super::lexicon::Hit<Cue>],
) -> bool {
    const SHOTS: [&str; 11] = [
        "fired",
        "struck",
        "hit",
        "hitting",
        "stormed",
        "bombarded",
        "pounded",
        "pounding",
        "pummelled",
        "attack",
        "attacks",
    ];
    const GAME: [&str; 14] = [
        "striker",
        "goal",
        "first half",
        "second half",
        "midfield",
        "league",
        "match",
        "penalty",
        "keeper",
        "tournament",
        "championship",
        "playoff",
        "season",
        "coach",
    ];
    // (the sentence's few cues are read before its words are searched for the game's)
    t.weak
        && !t.casualty
        && SHOTS.contains(&lw)
        && !scues.iter().any(|h| {
            // ("strike*" reads a striker too)
            matches!(h.value, Cue::Violence | Cue::Clash)
                && !sl
                    .text()
                    .get(h.start..h.end)
                    .is_some_and(|w| w.starts_with("striker"))
        })
        && GAME.iter().any(|w| sl.has(w))
}

fn attributive_next(w: &str) -> bool {
    const VERBAL: [&str; 30] = [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "and",
        "or",
        "by",
        "when",
        "after",
        "during",
        "while",
        "as",
        "including",
        "overnight",
        "more",
        "about",
        "nearly",
        "some",
        "several",
        "dozens",
        "scores",
        "hundreds",
        "many",
        "least",
        "from",
        "to",
        "with",
        "his",
    ];
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
    if bare.len() != w.len() || bare.is_empty() {
        return false; // punctuation right after: a verb ending its clause
    }
    let l = bare.to_ascii_lowercase();
    !(VERBAL.contains(&l.as_str())
        || super::numbers::unit_word(&l).is_some()
        || l.chars().next().is_some_and(|c| c.is_ascii_digit())
        || l.ends_with("ly")
        || [
            "their",
            "her",
            "its",
            "them",
            "him",
            "people",
            "last",
            "this",
            "early",
            "late",
            "for",
            "into",
            "near",
            "outside",
            "inside",
            "earlier",
            "yesterday",
            "today",
            "eleven",
            "twelve",
        ]
        .contains(&l.as_str()))
}

/// `l`: the sentence in ASCII lower case.
fn ctx_violent_paragraph(l: &Lowered<'_>) -> bool {
    [
        "attack", "strike", "shell", "bomb", "drone", "missile", "gunmen", "fighting",
    ]
    .iter()
    .any(|w| l.has(w))
}

/// Where the sentence first names a year before `year` (not in a ranking), if it does.
fn past_year_at(st: &str, year: i32) -> Option<usize> {
    let b = st.as_bytes();
    // most sentences have no digit: one pass without early exit (vectorized) says so
    if b.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
        return past_year_in(st, year);
    }
    None
}

/// Whether a trigger ending at `rel_end` is an incident told before, and apart from, the
/// history at `at`: the history follows in another clause (a comma, "accused of", "who
/// ...") and the sentence dates an incident of the last week before it ("signed a peace
/// agreement on Sunday, ending two decades of hostility"). `all_dates` gives the
/// sentence's dates, asked for only when the history is in another clause.
fn dated_before_history<'d>(
    ctx: &Ctx<'_>,
    st: &str,
    rel_end: usize,
    at: usize,
    all_dates: impl FnOnce() -> &'d [dates::DateMention<'d>],
) -> bool {
    const BREAKS: [&str; 11] = [
        ",",
        ";",
        // an anniversary marked today ("marched to mark the first anniversary of last
        // year's protests")
        " to mark ",
        " marking ",
        " commemorat",
        " accused of ",
        " suspected of ",
        " in connection with ",
        " over his role ",
        " who ",
        " which ",
    ];
    let Some(between) = st.get(rel_end..at) else {
        return false;
    };
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let week_before = ctx.published - chrono::Duration::days(7);
    BREAKS.iter().any(|w| between.contains(w))
        && all_dates().iter().any(|d| {
            d.start < at
                && base + d.start >= ctx.head_end
                && matches!(d.precision, DatePrecision::Day)
                && (week_before..=ctx.published).contains(&d.value)
        })
}

/// [`past_year_at`] on a sentence with digits.
fn past_year_in(st: &str, year: i32) -> Option<usize> {
    let b = st.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        // no year can start at i..=i+3 when the fourth byte is no digit
        if !b[i + 3].is_ascii_digit() {
            i += 4;
            continue;
        }
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b',')
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit())
        {
            let y: i32 = st[i..i + 4].parse().unwrap_or(0);
            if (1900..year).contains(&y) && !ranked_before(st, i) && !names_an_accord(st, i) {
                return Some(i);
            }
        }
        i += 1;
    }
    None
}

/// Places that are events' locations: containers of other places dropped.
fn event_places<'a>(mine: &[&'a PlaceHit]) -> Vec<&'a PlaceHit> {
    let mut out = Vec::new();
    event_places_into(mine, &mut out);
    out
}

/// [`event_places`] into `out` (cleared first: a buffer reused from event to event).
fn event_places_into<'a>(mine: &[&'a PlaceHit], out: &mut Vec<&'a PlaceHit>) {
    out.clear();
    for p in mine {
        if mine
            .iter()
            .any(|q| !std::ptr::eq(*q, *p) && places::contains(&p.location, &q.location))
        {
            continue;
        }
        if out.iter().any(|q| q.location.name == p.location.name) {
            continue;
        }
        out.push(p);
    }
    // countries only when nothing more precise
    if out
        .iter()
        .any(|p| p.location.precision != LocationPrecision::Country)
    {
        out.retain(|p| p.location.precision != LocationPrecision::Country);
    }
}

/// Whether a place can be where the event of triggers `ktrigs` happened: after a
/// locative preposition, the subject of a passive hit, or the direct object right
/// after an attack verb ("shelled Kherson").
fn tied(p: &PlaceHit, sent_start: usize, st: &str, ktrigs: &[(usize, usize, Trigger)]) -> bool {
    match p.link {
        Link::Locative | Link::HitSubject => true,
        Link::NotPlace => false,
        Link::Bare => {
            let pos = p.start - sent_start;
            ktrigs.iter().any(|k| {
                k.2.kind == EventType::Assault
                    && !k.2.casualty
                    && pos >= k.1
                    && pos <= k.1 + 24
                    && !st.get(k.1..pos).unwrap_or(",").contains([',', ';'])
            })
        }
    }
}

fn is_actor_position(ctx: &Ctx<'_>, p: &PlaceHit) -> bool {
    let after = ctx
        .text
        .get(p.end..(p.end + 12).min(ctx.text.len()))
        .unwrap_or("");
    p.bare_country || after.starts_with("'s")
}

/// The best place of a sentence ending at `end`, from `places`: those of the article's
/// that start in it.
fn best_place<'c>(ctx: &Ctx<'_>, places: &'c [PlaceHit], end: usize) -> Option<&'c Location> {
    places
        .iter()
        .filter(|p| p.end <= end && !p.origin && !p.bare_country)
        .filter(|p| p.start >= ctx.head_end && matches!(p.link, Link::Locative | Link::HitSubject))
        .min_by_key(|p| p.location.precision.rank())
        .map(|p| &p.location)
}

fn fallback_place(
    ctx: &Ctx<'_>,
    kind: EventType,
    para: usize,
    para_place: &Option<(usize, &Location)>,
) -> Option<Location> {
    if let Some((p, l)) = para_place {
        if *p == para
            && matches!(
                kind,
                EventType::Assault
                    | EventType::Protest
                    | EventType::Coerce
                    | EventType::Consult
                    | EventType::Agree
            )
        {
            return Some((*l).clone());
        }
    }
    ctx.dateline.clone()
}

/// The hits of `all` that lie within `start..end`: those of a resolved word list are in
/// text order and never overlap, so their ends are in order too and the hits inside
/// are one run, found by two binary searches instead of a pass over the article's.
fn hits_within<T: Copy>(
    all: &[super::lexicon::Hit<T>],
    start: usize,
    end: usize,
) -> &[super::lexicon::Hit<T>] {
    let a = all.partition_point(|h| h.start < start);
    let rest = all.get(a..).unwrap_or_default();
    &rest[..rest.partition_point(|h| h.end <= end)]
}

/// The modes of `hits` (mode hits of a stretch of text), best ranked first, into `out`
/// (cleared first: a buffer reused from sentence to sentence).
fn modes_in(hits: &[super::lexicon::Hit<&'static str>], out: &mut Vec<&'static str>) {
    out.clear();
    out.extend(hits.iter().map(|h| h.value));
    out.sort_by_key(|x| mode_rank(x));
}

/// The place a later sentence gives an incident the draft locates only by country, when
/// the sentence refers back to it: "the bombing in northwest Pakistan", then "two
/// passers-by who had been wounded in the blast near Bannu died overnight".
fn refine_place(d: &mut Draft, p: &Location, lower: &Lowered<'_>) {
    const BACK: [&str; 9] = [
        "the blast",
        "the attack",
        "the bombing",
        "the explosion",
        "the strike",
        "the shooting",
        "the raid",
        "the ambush",
        "the shelling",
    ];
    let country_only = d.c.location.as_ref().is_some_and(|l| {
        l.precision == LocationPrecision::Country
            && l.country == p.country
            && p.precision != LocationPrecision::Country
    });
    if d.c.event_type == EventType::Assault && country_only && BACK.iter().any(|b| lower.has(b)) {
        d.c.location = Some(p.clone());
    }
}

/// Counts that a sentence without an event of its own adds to the event just told, in the
/// same or the next paragraph: "Investigators found more than 40 bullet casings at the
/// scene", "An independent monitoring group estimated the crowd at about 110,000", "The
/// 11-day exercises ... involve about 19,000 South Korean troops". History and other
/// years are another story ("Last year 5,000 people fled").
fn follow_up_quantities(
    d: &mut Draft,
    paragraph: usize,
    st: &str,
    scues: &[super::lexicon::Hit<Cue>],
    facts: &SentFacts<'_>,
) {
    if d.paragraph + 1 < paragraph
        || !has_ascii_digit(st)
        || history_at(st, scues).is_some()
        || facts.past_year().is_some()
    {
        return;
    }
    for q in quantities::of_counts(facts.counts()) {
        // only things an event is counted in (troops, drones, houses, a crowd), not
        // whatever else the sentence counts ("the two upper floors", "two brokers")
        let head = q.what.rsplit(' ').next().unwrap_or_default();
        if !numbers::counted_thing(&head.to_ascii_lowercase()) {
            continue;
        }
        if !d.c.quantities.iter().any(|x| x.count == q.count) {
            d.c.quantities.push(q);
        }
    }
}

/// Whether `text` holds an ASCII digit: read sixteen bytes at a time, each block without
/// a test per byte (which the compiler turns into a few vector instructions), where a
/// test per byte that stops at the first digit reads a byte at a time.
fn has_ascii_digit(text: &str) -> bool {
    text.as_bytes()
        .chunks(16)
        .any(|c| c.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// `lower`: the sentence in ASCII lower case (a threat's mode may come from its words).
fn pick_mode(
    kind: EventType,
    trigs: &[(usize, usize, Trigger)],
    smodes: &[&'static str],
    para: Option<&'static str>,
    article: Option<&'static str>,
    lower: &Lowered<'_>,
) -> Option<&'static str> {
    let tmode = trigs
        .iter()
        .filter_map(|k| k.2.mode)
        .min_by_key(|m| mode_rank(m));
    let strong_mode = trigs
        .iter()
        .filter(|k| !k.2.weak)
        .filter_map(|k| k.2.mode)
        .min_by_key(|m| mode_rank(m));
    match kind {
        EventType::Assault
            if smodes.first() != Some(&"suicide-attack")
                && lower.has("seized")
                && people_seized(lower.text()) =>
        {
            Some("abduct")
        }
        EventType::Assault => smodes
            .first()
            .copied()
            .or(strong_mode)
            .or(para)
            .or(tmode)
            .or(article),
        EventType::Threaten => tmode.or_else(|| threat_mode(lower)),
        EventType::Mobilize => mobilize_mode(lower).or(tmode),
        EventType::Protest if protesters_violent(lower) => Some("riot"),
        EventType::Request | EventType::Reject => {
            let at = trigs.iter().map(|k| k.0).min().unwrap_or(0);
            asked_mode(lower.text().get(at..).unwrap_or_default()).or(tmode)
        }
        _ => tmode,
    }
}

/// What a request or a rejection is about, by the words after its trigger (`after`, in
/// lower case): a ceasefire, a release or an easing ("called for the release of",
/// "rejected calls for a truce") is PLOVER's yield; talks or a meeting are meet; aid,
/// relief or weapons are assist ("called for safe passage for relief supplies"). `None`
/// when none is named: the trigger's mode stands (a change of policy, or assistance for
/// "asked for" and "appealed").
fn asked_mode(after: &str) -> Option<&'static str> {
    const YIELD: [&str; 8] = [
        "ceasefire",
        "cease-fire",
        "truce",
        "release",
        "lifting",
        "lift the",
        "end to the",
        "hostilities",
    ];
    const MEET: [&str; 5] = ["talks", "negotiations", "meeting", "dialogue", "summit"];
    const ASSIST: [&str; 9] = [
        " aid",
        "assistance",
        "relief",
        "humanitarian",
        "safe passage",
        "air defen",
        "weapons",
        "ammunition",
        "funding",
    ];
    let any = |ws: &[&str]| ws.iter().any(|w| after.contains(w));
    if any(&YIELD) {
        Some("yield")
    } else if any(&MEET) {
        Some("meet")
    } else if any(&ASSIST) {
        Some("assist")
    } else {
        None
    }
}

/// Whether the clash at `rel` of sentence `st` is a crowd's: a crowd noun among the
/// words before it, police or security forces in the sentence, and no armed group or
/// army named in it.
fn crowd_clash(ctx: &Ctx<'_>, st: &str, sl: &Lowered<'_>, rel: usize) -> bool {
    const CROWDS: [&str; 10] = [
        "fans",
        "supporters",
        "youths",
        "rioters",
        "hooligans",
        "crowd",
        "crowds",
        "residents",
        "villagers",
        "mob",
    ];
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    any_of_last_words(sl.text().get(..rel).unwrap_or_default(), 4, |w| {
        CROWDS.contains(&w)
    }) && (sl.has("police") || sl.has("security forces"))
        && !ctx.mentions.iter().any(|m| {
            m.start >= base
                && m.end <= base + st.len()
                && matches!(m.sector, Some("MIL") | Some("REB"))
        })
}

/// Whether what a sentence says was shot down is a manned aircraft ("Rebels shot down a
/// military helicopter"): an attack on its crew, not a weapon stopped before it struck
/// (ACLED's disrupted weapons use is for missiles and drones intercepted).
fn aircraft_downed(l: &Lowered<'_>) -> bool {
    ["helicopter", "plane", "aircraft", "airliner", "fighter jet"]
        .iter()
        .any(|w| l.has(w))
        && !["drone", "missile", "rocket", "uav"]
            .iter()
            .any(|w| l.has(w))
}

/// Whether the protesters of a sentence turn violent ("protesters set fire to a police
/// station", "hurled stones at police"): a riot (ACLED violent demonstration).
fn protesters_violent(l: &Lowered<'_>) -> bool {
    [
        "set fire",
        "torched",
        "set ablaze",
        "stormed",
        "threw stones",
        "hurled stones",
        "stone-throwing",
        "rock-throwing",
        "threw rocks",
        "petrol bomb",
        "molotov",
        "looted",
        "ransacked",
        "vandalised",
        "vandalized",
        "smashed",
    ]
    .iter()
    .any(|w| l.has(w))
}

/// Who is mobilized, when the sentence says it is not the army (PLOVER MOBILIZE modes):
/// police and security units ("300 additional police officers would be deployed"),
/// militias, or weapons readied or tested ("put its nuclear forces on high alert", "test-
/// fired a missile"). `l`: the sentence in lower case.
fn mobilize_mode(l: &Lowered<'_>) -> Option<&'static str> {
    let any = |words: &[&str]| words.iter().any(|w| l.has(w));
    if any(&["troops", "soldiers", "army", "battalion", "brigade"]) {
        return None;
    }
    if any(&["police", "gendarme", "riot squad", "security forces"]) {
        Some("police")
    } else if any(&["militia", "volunteer fighters", "armed group"]) {
        Some("militia")
    } else if any(&["missile", "nuclear", "warhead", "weapons system"]) {
        Some("weapons")
    } else {
        None
    }
}

/// What a threat is of (PLOVER THREATEN modes), when its trigger does not say: expulsion,
/// arrest, a ban, relations, territory; labour action, sit-ins, boycotts and sanctions
/// restrict ("the union threatened a new strike"); attacks and weapons are violence ("the
/// Houthis threatened to attack ships"). `l`: the sentence in lower case.
fn threat_mode(l: &Lowered<'_>) -> Option<&'static str> {
    const SPECIFIC: [(&str, &[&str]); 5] = [
        ("expel", &["expel", "deport", "expulsion"]),
        (
            "arrest",
            &["arrest", "detain", "prosecut", "imprison", "jail"],
        ),
        (
            "ban",
            &[" ban ", " ban.", "outlaw", "prohibit", "dissolve the"],
        ),
        (
            "relations",
            &[
                "sever ties",
                "cut ties",
                "diplomatic relations",
                "recall its ambassador",
                "downgrade",
            ],
        ),
        ("territory", &["annex", "territory", "territorial"]),
    ];
    if let Some((mode, _)) = SPECIFIC
        .iter()
        .find(|(_, words)| words.iter().any(|w| l.has(w)))
    {
        return Some(mode);
    }
    const LABOUR: [&str; 6] = [
        "union",
        "workers",
        "drivers",
        "transport",
        "teachers",
        "staff",
    ];
    const RESTRICT: [&str; 11] = [
        "sit-in",
        "boycott",
        "sanction",
        "tariff",
        "duties on",
        "blockade",
        "shut down",
        "shutdown",
        "walkout",
        "suspend",
        "cut off",
    ];
    const VIOLENCE: [&str; 12] = [
        "attack", "missile", "military", "war", "force", "bomb", "shoot", "target", "strike",
        "invade", "retaliat", "destroy",
    ];
    let labour_strike = l.has("strike") && LABOUR.iter().any(|w| l.has(w));
    if labour_strike || RESTRICT.iter().any(|w| l.has(w)) {
        Some("restrict")
    } else if VIOLENCE.iter().any(|w| l.has(w)) {
        Some("violence")
    } else {
        None
    }
}

/// Figures in the clause of a place (clauses split at ", while", ";", ", with"); `l` is
/// the sentence in ASCII lower case.
fn clause_figures(l: &str, pos: usize, figs: &[Figure]) -> Vec<Figure> {
    let mut bounds = vec![0usize];
    for sep in [", while ", "; ", " while ", ", whereas "] {
        // (`contains` says no without the searcher `find` sets up)
        if !l.contains(sep) {
            continue;
        }
        let mut from = 0;
        while let Some(i) = l[from..].find(sep) {
            bounds.push(from + i);
            from += i + sep.len();
        }
    }
    bounds.push(l.len());
    bounds.sort();
    let (a, b) = bounds
        .windows(2)
        .map(|w| (w[0], w[1]))
        .find(|(a, b)| pos >= *a && pos < *b)
        .unwrap_or((0, l.len()));
    let inside: Vec<Figure> = figs
        .iter()
        .copied()
        .filter(|f| f.pos >= a && f.pos < b)
        .collect();
    if inside.is_empty() {
        // a clause without its own figure takes those of the clause before it ("... in Cherkasy and Zaporizhzhia")
        figs.iter()
            .copied()
            .filter(|f| f.pos < a)
            .rev()
            .take(1)
            .collect()
    } else {
        inside
    }
}

/// Where a clause referring back to an earlier incident starts ("hours after a car bomb
/// killed seven", "a day after an artillery strike", "in retaliation for an attack");
/// `sl` is the sentence in ASCII lower case.
fn after_clause(sl: &Lowered<'_>) -> Option<usize> {
    const OCCASIONS: [&str; 14] = [
        "match", "game", "meeting", "prayers", "funeral", "ceremony", "service", "talks", "vote",
        "election", "concert", "final", "session", "speech",
    ];
    let l = sl.text();
    // (what an attack answers: "in retaliation for an attack on a state aerospace
    // company in Ankara that killed five people")
    let answer = [" in retaliation for ", " in response to "]
        .iter()
        .filter(|m| sl.may_hold(m))
        .filter_map(|m| l.find(m))
        .min();
    // (the byte pairs alone: the search below finds no " after " as well as a search
    // here would, and a second search of a sentence that holds one is saved)
    if !sl.may_hold(" after ") {
        return answer;
    }
    // the first " after " followed by an article: one pass instead of three searches
    let mut from = 0;
    // (each found by its letter f)
    while let Some(i) = l.get(from..).and_then(|r| find_by(r, " after ", 2)) {
        let at = from + i;
        let rest = &l[at + 7..];
        let article = ["a ", "an ", "the "].iter().find(|a| rest.starts_with(**a));
        // (an occasion is no incident: "fired tear gas at fans after the match")
        let occasion = article.is_some_and(|a| {
            rest[a.len()..]
                .split_whitespace()
                .take(2)
                .any(|w| OCCASIONS.contains(&w.trim_end_matches([',', '.', ';'])))
        });
        if article.is_some() && !occasion {
            return Some(answer.map_or(at, |a| a.min(at)));
        }
        from = at + 1;
    }
    answer
}

fn combine(figs: &[Figure], kind: EventType) -> Casualties {
    let mut c = Casualties::default();
    for f in figs {
        let slot = match f.kind {
            Kind::Killed => &mut c.killed,
            Kind::Injured => &mut c.injured,
            Kind::Missing => &mut c.missing,
            Kind::Arrested => &mut c.arrested,
        };
        match f.amount {
            Amount::Exact(n) => {
                if slot.is_none_or(|v| v == 0 || n > v && n != 0) {
                    *slot = Some(n);
                }
            }
            Amount::NoneAtAll => {
                if slot.is_none() {
                    *slot = Some(0);
                }
            }
            Amount::Vague => {
                let name = f.kind.as_str().to_string();
                if slot.is_none() && !c.vague.contains(&name) {
                    c.vague.push(name);
                }
            }
        }
    }
    let (k, i) = (c.killed, c.injured);
    c.vague
        .retain(|v| !(v == "killed" && k.is_some() || v == "injured" && i.is_some()));
    if kind != EventType::Assault && kind != EventType::Protest && kind != EventType::Coerce {
        return Casualties {
            arrested: c.arrested,
            ..Casualties::default()
        };
    }
    c
}

/// The evidence of sentence `start..end` of the normalized text `norm`, borrowed.
fn evidence<'a>(
    article: &'a Article,
    norm: &'a crate::pipeline::normalize::Normalized,
    start: usize,
    end: usize,
) -> Evid<'a> {
    let (a, b) = norm.original_range(start, end);
    let sentence = article
        .body
        .get(a..b)
        .unwrap_or_else(|| norm.text.get(start..end).unwrap_or(""));
    Evid {
        sentence,
        start: a,
        end: b,
    }
}

/// The day of an incident told without one, from a sentence that refers back to it by
/// a definite noun and states its day ("The death toll from a suicide bombing at a
/// railway station ... rose to 26 on Tuesday" then "The attack took place on Saturday
/// morning"): the toll's day is no incident's, and the attack word alone makes no event.
/// `hits`: the sentence's trigger words (none of them kept), at article offsets; `lower`:
/// the sentence in ASCII lower case, starting at article offset `base`.
fn date_from_back_reference(
    d: &mut Draft,
    hits: &[super::lexicon::Hit<Trigger>],
    lower: &str,
    base: usize,
    facts: &SentFacts<'_>,
) {
    let undated = d.own_date.is_none() && d.c.date.as_ref().is_none_or(|x| x.text.is_empty());
    if d.c.event_type != EventType::Assault || !undated {
        return;
    }
    // (or by its perpetrator: "The bomber blew himself up on Saturday morning")
    const PERPETRATORS: [&str; 5] = ["bomber", "attacker", "assailant", "gunman", "gunmen"];
    let refers_back = hits.iter().any(|h| {
        h.value.kind == EventType::Assault
            && !h.value.casualty
            && lower
                .get(..h.start.saturating_sub(base))
                .is_some_and(|b| b.ends_with("the "))
    }) || lower
        .strip_prefix("the ")
        .and_then(|r| r.split(' ').next())
        .is_some_and(|w| PERPETRATORS.contains(&w));
    if !refers_back {
        return;
    }
    let day = facts
        .sdates()
        .iter()
        .find(|x| !x.reporting && !x.possessive && x.date.precision == DatePrecision::Day);
    if let Some(x) = day {
        d.own_date = Some(x.date.value);
        d.c.date = Some(x.date.to_event_date());
    }
}

/// Whether the sentence `sl` (ASCII lower case, at article offset `base`) warns of
/// (or fears) what another party may do: "Taiwan's defence ministry warned on Monday that
/// China could launch a blockade" is no threat of Taiwan's, and China made none; nor is
/// "U.S. officials fear that Iran could attack American bases" one of Iran's. The party
/// after "that" is another when its country is not the speaker's, the party named last
/// before the warning ("Iran's navy commander warned that Tehran could close the Strait
/// of Hormuz" is Iran's threat).
fn warns_of_another(mentions: &[Mention], base: usize, sl: &Lowered<'_>) -> bool {
    let lower = sl.text();
    const MODALS: [&str; 5] = ["could", "might", "may", "would", "will"];
    let Some(w) = [
        "warned",
        "warns",
        "warning",
        "fear",
        "feared",
        "worried",
        "concerned",
    ]
    .iter()
    // (a verb whose byte pairs the sentence lacks is not searched for)
    .filter(|v| sl.may_hold(v))
    .filter_map(|v| lower.find(v))
    .min() else {
        return false;
    };
    let Some(that) = lower
        .get(w..)
        .and_then(|r| r.find(" that "))
        .map(|i| w + i + 6)
    else {
        return false;
    };
    let within = |m: &&Mention| m.start >= base && m.end <= base + lower.len();
    let speaker = mentions
        .iter()
        .rev()
        .filter(within)
        .find(|m| m.end <= base + w);
    // what the speaker would make the other suffer is its threat all the same ("North
    // Korea warned that the United States would pay a heavy price")
    const SUFFERED: [&str; 5] = ["pay", "face", "regret", "suffer", "be"];
    // the subject of the clause: the party right after "that" (past "the"), then a modal
    // and a verb of its own doing
    let subject = mentions.iter().filter(within).find(|m| {
        let gap = lower.get(that..m.start - base).unwrap_or("x");
        let mut after = lower
            .get(m.end - base..)
            .unwrap_or_default()
            .split_whitespace();
        (gap.is_empty() || gap == "the ")
            && after.next().is_some_and(|v| MODALS.contains(&v))
            && after.next().is_some_and(|v| !SUFFERED.contains(&v))
    });
    match (
        speaker.and_then(|m| m.country),
        subject.and_then(|m| m.country),
    ) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// How many match scores `text` gives ("stormed past Chelsea 2-1", "a 3-0 win"): a
/// word of one or two digits, a hyphen or an en dash, one or two digits, and no more of
/// the word ("18-year-old", "2023-24" and "COVID-19" are no scores).
fn match_scores(text: &str) -> usize {
    let b = text.as_bytes();
    let digits_back = |at: usize| {
        b[..at]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let digits_on = |from: usize| {
        b.iter()
            .skip(from)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut n = 0;
    // (each hyphen, and each lead byte of an en dash U+2013, E2 80 93)
    for at in memchr::memchr2_iter(b'-', 0xE2, b) {
        let dash = match b.get(at..at + 3) {
            _ if b[at] == b'-' => 1,
            Some([0xE2, 0x80, 0x93]) => 3,
            _ => continue,
        };
        let before = digits_back(at);
        let after = digits_on(at + dash);
        let start_ok = at == before || matches!(b[at - before - 1], b' ' | b'(' | b'\n');
        let end = at + dash + after;
        let end_ok = b
            .get(end)
            .is_none_or(|c| matches!(c, b' ' | b',' | b'.' | b')' | b';' | b'\n'));
        if (1..=2).contains(&before) && (1..=2).contains(&after) && start_ok && end_ok {
            n += 1;
        }
    }
    n
}

/// `l`: the sentence in ASCII lower case.
fn back_reference(l: &Lowered<'_>) -> bool {
    const DAYS: [&str; 10] = [
        "monday's",
        "tuesday's",
        "wednesday's",
        "thursday's",
        "friday's",
        "saturday's",
        "sunday's",
        "weekend's",
        "yesterday's",
        "week's",
    ];
    // (each day ends in "'s": a sentence without its byte pair holds none)
    l.may_hold("'s") && DAYS.iter().any(|d| l.has(d))
        || l.has("earlier this month")
        || l.has("last week")
}

/// A date a sentence states, and whether it dates the report rather than the incident
/// ("officials said on Wednesday").
struct SentDate<'s> {
    date: SentDay<'s>,
    pos: usize,
    reporting: bool,
    /// "Tuesday's strike": dates only the noun it qualifies (or see [`governor`]).
    possessive: bool,
    governor: Option<usize>,
}

/// The date of a [`SentDate`], its words borrowed from the sentence: copied only for
/// the dates picked ([`SentDay::to_event_date`]).
#[derive(Clone, Copy)]
struct SentDay<'s> {
    value: NaiveDate,
    precision: DatePrecision,
    text: &'s str,
}

impl SentDay<'_> {
    fn to_event_date(self) -> EventDate {
        EventDate {
            value: self.value,
            precision: self.precision,
            text: self.text.to_string(),
        }
    }
}

/// Verbs whose date is the day of the report, not of the incident reported.
const REPORT_VERBS: [&str; 9] = [
    "said",
    "says",
    "told",
    "announced",
    "confirmed",
    "added",
    "reported",
    "stated",
    "tweeted",
];

/// The dates a sentence states (past `skip`, the dateline), resolved against the local
/// publication day: day- or week-precise dates not after it; years and months alone are
/// background, not an incident's date. `lower`: `st` in ASCII lower case.
fn sentence_dates<'s>(
    st: &'s str,
    lower: &str,
    found: &[dates::DateMention<'s>],
    today: NaiveDate,
    skip: usize,
) -> Vec<SentDate<'s>> {
    found
        .iter()
        .filter(|d| d.start >= skip && d.value <= today)
        .filter(|d| matches!(d.precision, DatePrecision::Day | DatePrecision::Week))
        .map(|d| {
            let before = trim_end_str(
                trim_end_str(lower.get(..d.start).unwrap_or("").trim_end(), " on"),
                " in a statement",
            );
            // (the last four words, each without what is no letter around it, read once
            // for the verbs of reporting and those of a toll's update)
            let reporting = with_last_words(before, 4, |words| {
                let mut last = [""; 4];
                for (slot, w) in last.iter_mut().zip(words) {
                    *slot = w.trim_matches(|c: char| !c.is_alphabetic());
                }
                let last = &last[..words.len()];
                last.iter().any(|w| REPORT_VERBS.contains(w)) || toll_update(before, last)
            });
            let possessive =
                d.text.ends_with("'s") || st.get(d.end..).is_some_and(|x| x.starts_with("'s"));
            SentDate {
                pos: d.start,
                reporting,
                possessive,
                governor: possessive.then(|| governor(st, d.start)).flatten(),
                date: SentDay {
                    value: d.value,
                    precision: d.precision,
                    text: d.text,
                },
            }
        })
        .collect()
}

/// Whether the text after "assault" makes it a kind of thing ("assault rifles", "an
/// assault weapons ban", "assault helicopters"), not an attack.
fn weapon_noun_after(after: &str) -> bool {
    const NOUNS: [&str; 12] = [
        "rifle",
        "weapon",
        "gun",
        "vehicle",
        "helicopter",
        "ship",
        "boat",
        "craft",
        "brigade",
        "battalion",
        "course",
        "charge",
    ];
    after
        .split_whitespace()
        .next()
        .is_some_and(|w| NOUNS.iter().any(|n| noun_form(w, n)))
}

/// Whether `word` (lower case, maybe with trailing punctuation) is `noun` or its plural
/// ("rifles", "gunmen" is not "gun").
fn noun_form(word: &str, noun: &str) -> bool {
    let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    w.strip_prefix(noun)
        .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
}

/// Whether the words after "seized" name goods rather than ground or people ("seized two
/// assault rifles", "seized 2 tonnes of cocaine"; not "seized the town").
fn goods_after(after: &str) -> bool {
    const GOODS: [&str; 16] = [
        "rifle",
        "weapon",
        "gun",
        "pistol",
        "ammunition",
        "explosive",
        "drug",
        "cocaine",
        "heroin",
        "cash",
        "vehicle",
        "truck",
        "car",
        "phone",
        "document",
        "tonne",
    ];
    after
        .split_whitespace()
        .take(5)
        .any(|w| GOODS.iter().any(|g| noun_form(w, g)))
}

/// Whether the modal at `start..end` of the lower-case sentence `l` is a future told by
/// an announcement or an order ("the minister announced that ... would be deployed",
/// "said on Sunday that the government would send"), not a plan or a possibility.
fn announced_future(l: &str, start: usize, end: usize) -> bool {
    const TOLD: [&str; 6] = [
        "announced",
        "said",
        "ordered",
        "decided",
        "approved",
        "confirmed",
    ];
    // told before the modal, or by a speaker after the last comma ("France will deploy
    // 2,000 more police officers to New Caledonia, the interior minister said")
    let told_after = || {
        l.get(end..)
            .and_then(|a| a.rfind(", ").map(|c| &a[c..]))
            .is_some_and(|tail| tail.contains(" said") || tail.contains(" announced"))
    };
    matches!(l.get(start..end), Some("would" | "will"))
        && (l
            .get(..start)
            .is_some_and(|b| b.split_whitespace().any(|w| TOLD.contains(&w)))
            || told_after())
}

/// Whether the sentence tells of a missile launch that hits no one: a test or a launch
/// into the sea ("North Korea fired a ballistic missile into the sea off its east coast",
/// "Iran test-fired a new cruise missile"). `l`: the sentence in lower case.
fn weapons_test(l: &Lowered<'_>) -> bool {
    const MISSILES: [&str; 3] = ["missile", "rocket", "projectile"];
    const NO_TARGET: [&str; 13] = [
        "into the sea",
        "into the water",
        "into the east sea",
        "in the sea",
        "off its east coast",
        "off its west coast",
        "off the east coast",
        "off the west coast",
        "exclusive economic zone",
        "test-fire",
        "test fire",
        "missile test",
        "weapons test",
    ];
    MISSILES.iter().any(|m| l.has(m))
        && NO_TARGET.iter().any(|n| l.has(n))
        && !["killed", "injured", "wounded", "struck", "hit "]
            .iter()
            .any(|w| l.has(w))
}

/// Where the first history or aggregate cue of the sentence `st` marks background ("since
/// 2022", "last year", "decades"), if one does; "since Monday" counts an incident still
/// going on ("at least 50 people have been killed in clashes in Tripoli since Monday").
fn history_at(st: &str, scues: &[super::lexicon::Hit<Cue>]) -> Option<usize> {
    const RECENT: [&str; 5] = ["dawn", "yesterday", "overnight", "the weekend", "early"];
    let told = scues.iter().filter(|h| h.value == Cue::History).find(|h| {
        let word = st.get(h.start..h.end).unwrap_or_default();
        let after = st.get(h.end..).unwrap_or_default().trim_start();
        if ranked_before(st, h.start) {
            return false;
        }
        !(word.eq_ignore_ascii_case("since")
            && dates::WEEKDAYS.iter().chain(&RECENT).any(|r| {
                after
                    .get(..r.len())
                    .is_some_and(|a| a.eq_ignore_ascii_case(r))
            }))
    });
    told.map(|h| h.start)
}

/// Whether the year at `at` of `st` names the accord, the ceasefire or the law it is
/// attached to, the object of today's act ("agreed to restore the 2003 ceasefire",
/// "talks on reviving the 2015 nuclear deal"): "the" (and a month) and a verb before it,
/// a word after
/// it. After a preposition it dates a past incident ("killed in the 2014 war", "since
/// the 2022 invasion").
// (not inlined: inlined into `past_year_in`'s loop, its word lists were lower-cased
// before the loop on every call, where a year in range is rare)
#[inline(never)]
fn names_an_accord(st: &str, at: usize) -> bool {
    const ACCORDS: [&str; 9] = [
        "ceasefire",
        "cease-fire",
        "truce",
        "deal",
        "agreement",
        "accord",
        "accords",
        "treaty",
        "memorandum",
    ];
    let after = st.get(at + 4..).unwrap_or_default();
    let (next, k) = first_words(after, 2);
    let names = next[..k].iter().any(|w| {
        ACCORDS.contains(
            &w.trim_end_matches([',', '.', ';'])
                .to_ascii_lowercase()
                .as_str(),
        )
    });
    let before = st.get(..at).unwrap_or_default();
    names
        && last_ascii_words(before, 3).is_some_and(|(w, k)| {
            // (past a month: "brokered the November 2024 ceasefire")
            let i = usize::from(
                dates::full_months()
                    .iter()
                    .any(|m| w[0].eq_ignore_ascii_case(m)),
            );
            k >= i + 2
                && w[i] == "the"
                && !matches!(
                    w[i + 1],
                    "in" | "during" | "since" | "after" | "before" | "of" | "from" | "until" | "by"
                )
        })
}

/// Whether a time reference at `at` of sentence `st` ranks the incident rather than tells
/// an old one: a superlative shortly before it ("in one of the largest attacks on the
/// capital this year", "the deadliest strike since 2022").
// (not inlined, as `names_an_accord`)
#[inline(never)]
fn ranked_before(st: &str, at: usize) -> bool {
    const RANKED: [&str; 7] = [
        "largest",
        "biggest",
        "deadliest",
        "heaviest",
        "worst",
        "one of the",
        "the first",
    ];
    let mut from = at.saturating_sub(60);
    while !st.is_char_boundary(from) {
        from += 1;
    }
    let lead = st.get(from..at).unwrap_or_default();
    RANKED.iter().any(|r| occurs_any_case(lead, r)) && !lead.contains(['.', ';'])
}

/// Words of natural disasters and accidents ([`disaster`]).
const DISASTER_WORDS: [&str; 22] = [
    "storm",
    "storms",
    "flood",
    "floods",
    "flooding",
    "crash",
    "crashed",
    "accident",
    "earthquake",
    "quake",
    "tremor",
    "landslide",
    "landslides",
    "cyclone",
    "hurricane",
    "typhoon",
    "tornado",
    "avalanche",
    "wildfire",
    "wildfires",
    "mudslide",
    "heatwave",
];

/// Whether the sentence tells of a natural disaster or an accident, whose dead are no
/// attack's ("an earthquake of magnitude 6.2 struck", "a bus plunged into a ravine").
/// A word's byte pairs missing from the sentence rule it out before any word is split.
fn disaster(l: &Lowered<'_>) -> bool {
    l.has("fire broke") || l.has("a fire at") || l.has("a blaze at") || l.has("plunged into") || {
        // (bit `i`: the sentence has the byte pairs of word `i`; each word of the
        // sentence is compared with those words only, nearly always one or two)
        let maybe = DISASTER_WORDS
            .iter()
            .enumerate()
            .fold(0u32, |m, (i, w)| m | u32::from(l.may_hold(w)) << i);
        maybe != 0
                // (split byte by byte: a character outside ASCII separates words as
                // each of its bytes does, and no word shorter than five letters is one
                // of them)
                && l.text()
                    .as_bytes()
                    .split(|c| !c.is_ascii_alphanumeric())
                    .any(|w| w.len() >= 5 && is_one_of_bits(&DISASTER_WORDS, maybe, w))
    }
}

/// Whether `w` is one of the `words` whose bits `i` are set in `bits`.
fn is_one_of_bits(words: &[&str], mut bits: u32, w: &[u8]) -> bool {
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        if words.get(i).is_some_and(|x| x.as_bytes() == w) {
            return true;
        }
        bits &= bits - 1;
    }
    false
}

/// Whether the sentence tells of people being seized ("the villagers were seized in a raid
/// ... in which two men were shot dead", "gunmen seized 14 passengers"): whatever weapon
/// the raid used, it is an abduction. `l`: the sentence in lower case.
fn people_seized(l: &str) -> bool {
    const PEOPLE: [&str; 17] = [
        "villager",
        "people",
        "passenger",
        "student",
        "pupil",
        "schoolgirl",
        "schoolchildren",
        "children",
        "women",
        "men",
        "resident",
        "worshipper",
        "farmer",
        "traveller",
        "traveler",
        "worker",
        "civilian",
    ];
    let person = |w: &str| PEOPLE.iter().any(|p| noun_form(w, p));
    let words: Vec<&str> = l
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "seized"
            && (i >= 2 && matches!(words[i - 1], "were" | "was") && person(words[i - 2])
                || words.get(i + 1..).is_some_and(|after| {
                    after
                        .iter()
                        .take(3)
                        .position(|w| person(w))
                        .is_some_and(|k| after[..k].iter().all(|w| determiner_or_count(w)))
                }))
    })
}

/// "the", "their", "14", "fourteen", "some": words that may stand between a verb and its
/// object noun.
fn determiner_or_count(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "their"
            | "its"
            | "his"
            | "her"
            | "some"
            | "several"
            | "dozens"
            | "of"
            | "at"
            | "least"
            | "about"
            | "more"
            | "than"
    ) || w.bytes().all(|b| b.is_ascii_digit())
        || crate::pipeline::extract::numbers::parse_number(w).is_some()
}

/// Words just before a date that make it the day a toll was updated, not the day of the
/// incident: "the death toll from an armed attack on a bar rose to seven on Sunday".
/// Also the day the wounded of an incident died: "two passers-by who had been wounded in
/// the blast near Bannu died overnight".
/// `last`: the last four words of `before`, last first, without what is no letter around
/// them.
fn toll_update(before: &str, last: &[&str]) -> bool {
    const RISE: [&str; 5] = ["rose", "risen", "climbed", "increased", "reached"];
    const DIED: [&str; 3] = ["died", "succumbed", "perished"];
    // (the words first: the searches of `before` are made only when one of them is there)
    let near = |words: &[&str]| last.iter().any(|w| words.contains(w));
    near(&RISE) && before.contains("toll")
        || near(&DIED)
            && [
                "wounded in the",
                "injured in the",
                "wounded during the",
                "injured during the",
            ]
            .iter()
            .any(|p| before.contains(p))
}

/// Days between an incident and what a sentence dates it by, when the sentence names the
/// incident after "a day after" ("the talks came a day after heavy fighting near Kamanyola
/// killed nine": the fighting was the day before the talks): the days and the phrase.
fn days_after(sl: &Lowered<'_>, tpos: usize) -> Option<(i64, std::ops::Range<usize>)> {
    const SPANS: [(&str, i64); 7] = [
        ("a day after ", 1),
        ("one day after ", 1),
        ("the day after ", 1),
        ("two days after ", 2),
        ("three days after ", 3),
        ("a week after ", 7),
        ("one week after ", 7),
    ];
    let lower = sl.text();
    // (each phrase ends in " after ": a sentence without its byte pairs holds none)
    if !sl.may_hold(" after ") {
        return None;
    }
    SPANS.iter().find_map(|(p, n)| {
        let at = lower.get(..tpos).filter(|_| sl.has(p))?.rfind(p)?;
        let end = at + p.len();
        (tpos - end <= 60).then_some((*n, at..end))
    })
}

/// Statements, as opposed to incidents: dated by the report when nothing else dates them.
fn is_statement(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Accuse
            | EventType::Threaten
            | EventType::Request
            | EventType::Reject
            | EventType::Support
    )
}

/// The date of an event whose trigger is at `tpos` of the sentence: the incident date
/// nearest the trigger; a report date only for statements.
/// `lower`: the sentence in ASCII lower case; `trigger_within(a, b)`: whether a trigger
/// of another event of the sentence starts strictly between sentence offsets `a` and `b`.
fn pick_date(
    ds: &[SentDate],
    kind: EventType,
    tpos: usize,
    lower: &str,
    trigger_within: impl Fn(usize, usize) -> bool,
) -> Option<EventDate> {
    // (walked once, by one branch or the other: no list)
    let ds = ds.iter().filter(|d| !d.possessive || qualifies(d, tpos));
    if is_statement(kind) {
        return ds
            .min_by_key(|d| d.pos.abs_diff(tpos))
            .map(|d| d.date.to_event_date());
    }
    ds.filter(|d| !d.reporting)
        // a vague period far from the trigger dates some other clause ("released 16 of
        // the 23 villagers abducted from Kucheri ... last week"), unless no other verb
        // or incident comes between them ("clashed with Indian soldiers near Tawang in
        // the state of Arunachal Pradesh last week"; not "demonstrations held ... in the
        // wake of the murder last week")
        .filter(|d| {
            d.date.precision == DatePrecision::Day
                || d.pos.abs_diff(tpos) <= 60
                || (one_clause(lower, tpos, d.pos) && !trigger_within(tpos, d.pos))
        })
        .min_by_key(|d| d.pos.abs_diff(tpos))
        .map(|d| d.date.to_event_date())
}

/// Whether the trigger word at `tpos` and a date at `date_pos` after it are in one
/// clause: no comma, semicolon or clause word between them and no other past verb or
/// participle (a word ending in "ed") past the trigger word and the word after it (its
/// own verb: "protesters marched").
fn one_clause(lower: &str, tpos: usize, date_pos: usize) -> bool {
    let Some(between) = lower.get(tpos..date_pos).filter(|_| tpos < date_pos) else {
        return false;
    };
    !between.contains([',', ';', ':', '(', '"'])
        && !between.split(' ').skip(2).any(|w| {
            (w.len() > 4 && w.ends_with("ed"))
                || matches!(
                    w,
                    "who"
                        | "which"
                        | "that"
                        | "after"
                        | "before"
                        | "when"
                        | "while"
                        | "following"
                        | "since"
                        | "wake"
                        | "reaction"
                        | "response"
                )
        })
}

/// Whether a possessive date dates the trigger at `tpos`: the trigger is the noun it
/// qualifies ("Tuesday's strike"), or what happened in it ("freed in Wednesday's prisoner
/// exchange", "killed during Friday's raid").
fn qualifies(d: &SentDate, tpos: usize) -> bool {
    if tpos > d.pos {
        return tpos - d.pos <= 40;
    }
    d.governor == Some(tpos)
}

/// Start of the word that governs a possessive date through "in" or "during" ("freed" in
/// "freed in Wednesday's prisoner exchange").
fn governor(st: &str, date_pos: usize) -> Option<usize> {
    let before = st.get(..date_pos)?.trim_end();
    let head = ["in", "during"].iter().find_map(|p| {
        before
            .strip_suffix(p)
            .filter(|h| h.ends_with(' '))
            .map(str::trim_end)
    })?;
    let start = head
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| i + 1);
    (start < head.len()).then_some(start)
}

fn dateline_place(text: &str, places: &[PlaceHit]) -> Option<Location> {
    let head = text.get(..text.len().min(60))?;
    let dash = find_by(head, " - ", 1)
        .or_else(|| find_by(head, " (", 1))
        .unwrap_or(0);
    places
        .iter()
        .find(|p| p.end <= dash && p.start < 30)
        .map(|p| p.location.clone())
}

/// Whether a nationality word is half of a compound that describes someone or something
/// rather than naming a party: "an Iranian-American journalist", "Chinese-made drones",
/// "a British-born fighter". ("U.S.-led coalition", "Iranian-backed militias" and
/// "British-supplied missiles" keep their country: it leads, backs or supplies; so do the
/// two sides of "Thai-Cambodian border clashes" and "Russian-Ukrainian talks".)
/// Whether a mention names a weapon ("drones", "a missile", "Russian artillery").
fn is_weapon(m: &Mention) -> bool {
    names_a_weapon(m.text)
}

/// Words that name a weapon, anywhere in a party's words.
const WEAPONS: [&str; 9] = [
    "missile",
    "drone",
    "rocket",
    "shell",
    "bomb",
    "artillery",
    "warplane",
    "jet",
    "aircraft",
];

/// Whether the words of a party name a weapon.
fn names_a_weapon(text: &str) -> bool {
    // (read in either case where the words stand, in one pass over the mention: a
    // weapon's word may start only at a byte that starts one of them)
    let t = text.as_bytes();
    (0..t.len()).any(|i| {
        matches!(
            t[i].to_ascii_lowercase(),
            b'm' | b'd' | b'r' | b's' | b'b' | b'a' | b'w' | b'j'
        ) && WEAPONS.iter().any(|w| {
            t.get(i..i + w.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        })
    })
}

/// A nationality that only says whose a place is ("in the northern Afghan city of
/// Kunduz", "a Syrian border town"): no party to what happens there.
fn describes_a_place(text: &str, m: &Mention) -> bool {
    const PLACE_NOUNS: [&str; 10] = [
        "city", "town", "village", "province", "capital", "region", "district", "border", "port",
        "state",
    ];
    m.sector.is_none()
        && m.name.is_none()
        && text
            .get(m.end..)
            .and_then(|a| a.split_whitespace().next())
            .is_some_and(|w| PLACE_NOUNS.contains(&w.trim_end_matches([',', '.'])))
}

fn in_hyphen_compound(text: &str, m: &Mention) -> bool {
    // ("British-supplied missiles" keep their supplier: a party to a threat over them)
    const AFTER: [&str; 6] = [
        "made",
        "built",
        "born",
        "designed",
        "origin",
        "manufactured",
    ];
    /// What two nationalities joined by a hyphen name when both are parties.
    const BETWEEN: [&str; 24] = [
        "border",
        "frontier",
        "clash",
        "clashes",
        "conflict",
        "war",
        "fighting",
        "talks",
        "negotiations",
        "summit",
        "meeting",
        "relations",
        "ties",
        "agreement",
        "deal",
        "accord",
        "ceasefire",
        "truce",
        "peace",
        "dispute",
        "tensions",
        "cooperation",
        "joint",
        "exercises",
    ];
    if m.country.is_none() || m.name.is_some() || m.text.contains(' ') {
        return false;
    }
    let letters = |x: &str| {
        x.find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(x.len())
    };
    let after = text.get(m.end..).and_then(|x| x.strip_prefix('-'));
    let word_after = after.map(|x| &x[..letters(x)]);
    let word_before = text
        .get(..m.start)
        .and_then(|x| x.strip_suffix('-'))
        .map(|x| &x[x.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len()..]);
    let nationality = |w: &str| {
        w.len() > 3
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && (w.ends_with("an") || w.ends_with("ese") || w.ends_with("ish") || w.ends_with("i"))
    };
    // the word after the whole compound ("border" in "Thai-Cambodian border")
    let dyad = |rest: &str| {
        let rest = rest.trim_start_matches(' ');
        let w = &rest[..letters(rest)];
        BETWEEN.iter().any(|b| b.eq_ignore_ascii_case(w))
    };
    match (word_after, word_before) {
        (Some(w), _) if AFTER.contains(&w) => true,
        (Some(w), _) if nationality(w) => {
            !after.is_some_and(|x| dyad(x.get(w.len()..).unwrap_or_default()))
        }
        (_, Some(w)) if nationality(w) => !dyad(text.get(m.end..).unwrap_or_default()),
        _ => false,
    }
}

fn main_parties(ms: &[Mention]) -> Vec<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for m in ms {
        if let Some(c) = m.country {
            match counts.iter_mut().find(|x| x.0 == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c, 1)),
            }
        }
    }
    counts.sort_by_key(|x| std::cmp::Reverse(x.1));
    counts.into_iter().take(2).map(|x| x.0).collect()
}

/// The actor behind a weapon named without a nationality: the country mention just
/// before it in the same clause ("Russia launched a massive missile and drone attack"),
/// else the weapon itself.
fn owner_of_weapon<'m, 't>(
    text: &str,
    before: &[&&'m Mention<'t>],
    m: &'m Mention<'t>,
) -> &'m Mention<'t> {
    if m.country.is_some() || !is_weapon(m) {
        return m;
    }
    before
        .iter()
        .rev()
        .map(|p| **p)
        .find(|p| {
            p.end <= m.start
                && p.country.is_some()
                && m.start - p.end <= 60
                && text
                    .get(p.end..m.start)
                    .is_some_and(|g| !g.contains([',', ';', '.']))
        })
        .unwrap_or(m)
}

/// The country where an event of `kind` without a place happened, read from its actors:
/// one country among them all, and an act done at home: a protest, a resignation, an
/// arrest, a sentence or a release by a state, or violence among a country's own people or by its
/// armed groups ("Russian drones" strike abroad, "Haitian gangs" at home). The place's
/// words are the actor's.
fn home_of(
    g: &Gazetteer,
    kind: EventType,
    mode: Option<&str>,
    actors: &[Actor],
) -> Option<Location> {
    let mut named = actors.iter().filter(|a| a.role != ActorRole::Other);
    let source = named.clone().find(|a| a.role == ActorRole::Source)?;
    let home = source.country.as_deref()?;
    if named.any(|a| a.country.as_deref().is_some_and(|c| c != home)) {
        return None;
    }
    let sector = source.sector.as_deref();
    let target_home = actors
        .iter()
        .any(|a| a.role == ActorRole::Target && a.country.as_deref() == Some(home));
    let at_home = match kind {
        EventType::Protest => true,
        // (a withdrawal is from somewhere else)
        EventType::Retreat => matches!(mode, Some("release") | Some("resign")),
        EventType::Sanction => matches!(sector, Some("GOV") | Some("JUD") | Some("POL")),
        EventType::Assault | EventType::Coerce => {
            target_home
                || matches!(sector, Some("REB") | Some("POL") | Some("CVL"))
                // (a state executes and arrests at home: "Iran executed two men")
                || matches!(mode, Some("execute") | Some("arrest"))
                    && matches!(sector, Some("GOV") | Some("JUD"))
        }
        _ => false,
    };
    if !at_home {
        return None;
    }
    let country = g.country(home)?;
    let mut loc = g.location(
        &crate::geo::PlaceMention {
            start: 0,
            end: 0,
            place: country.place,
            score: 1.0,
            over_namesake: false,
        },
        "",
    );
    // the words of the actor that name the country: its first word ("Haitian gang
    // members", "Myanmar's military"), without a possessive
    let first = source.text.split_whitespace().next().unwrap_or_default();
    let word = trim_end_str(trim_end_str(first, "'s"), "\u{2019}s");
    loc.text = if word.starts_with(char::is_uppercase) {
        word.to_string()
    } else {
        country.name.clone()
    };
    Some(loc)
}

/// Whether the name at `start..end` of `text` is part of a body of water's: "the Gulf of
/// Aden", "the Sea of Azov", "Lake Chad", "the Taiwan Strait", "the Dnipro River". The
/// town or country it names is not where something at sea happened, nor a party to it.
fn in_water_name(text: &str, start: usize, end: usize) -> bool {
    // (most names have neither "of " or "Lake " before them nor a capitalised word of
    // water after them: answered from a few bytes)
    let b = text.as_bytes();
    let may_follow = b.get(end) == Some(&b' ')
        && matches!(b.get(end + 1), Some(b'S' | b'G' | b'O' | b'C' | b'R'));
    let may_precede = start >= 3 && b.get(start - 3..start) == Some(b"of ")
        || start >= 5 && b.get(start - 5..start) == Some(b"Lake ");
    if !may_follow && !may_precede {
        return false;
    }
    const BEFORE: [&str; 6] = [
        "Gulf of ",
        "Sea of ",
        "Strait of ",
        "Straits of ",
        "Bay of ",
        "Lake ",
    ];
    const AFTER: [&str; 6] = [" Sea", " Strait", " Gulf", " Ocean", " Channel", " River"];
    let before = text.get(..start).unwrap_or_default();
    let after = text.get(end..).unwrap_or_default();
    BEFORE.iter().any(|w| before.ends_with(w))
        || AFTER.iter().any(|w| {
            after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
}

/// Whether the actor `p` named before `m` is another party than `m`: of another country,
/// or a rival of the same one ("Ethiopian federal forces and Fano militiamen clashed",
/// "Sudan's army and the Rapid Support Forces agreed").
fn other_side(p: &Mention, m: &Mention) -> bool {
    p.country != m.country
        || p.country.is_some() && p.sector.is_some() && m.sector.is_some() && p.sector != m.sector
}

/// "Indian and Chinese troops": a nationality alone joined by "and" to the actor `m`
/// shares its noun and sector ("Indian troops", MIL).
fn share_noun(a: &mut Actor, m: &Mention) {
    if a.sector.is_some() || a.text.contains(' ') {
        return;
    }
    if let Some((_, noun)) = m
        .text
        .split_once(' ')
        .filter(|(_, n)| n.starts_with(|c: char| c.is_ascii_lowercase()))
    {
        a.text = format!("{} {noun}", a.text);
        a.sector = m.sector.map(Label::from_static);
    }
}

/// Whether the mention starting at `at` is the direct object of the trigger word at
/// `tpos` of the lower-cased text: at most two words (a number, an article, an
/// adjective) between them, no preposition and no punctuation ("executed four men",
/// "banned women from studying").
fn direct_object(lower: &str, tpos: usize, at: usize) -> bool {
    let Some(gap) = lower.get(tpos..at).filter(|g| g.len() <= 48) else {
        return false;
    };
    let mut words = gap.split_whitespace();
    // (the trigger word itself)
    words.next();
    !gap.contains([',', ';', ':', '.', '(', '"'])
        && words.clone().count() <= 2
        && !words.any(|w| {
            matches!(
                w,
                "of" | "for" | "to" | "in" | "on" | "at" | "with" | "from" | "by" | "against"
                    | "and" | "or" | "who" | "that" | "after" | "over"
                    // (its own: "withdrew its fighters")
                    | "its" | "their" | "his" | "her" | "our"
            )
        })
}

fn to_actor(m: &Mention, role: ActorRole) -> Actor {
    Actor {
        role,
        text: m.text.to_string(),
        country: m.country.map(Label::from_static),
        sector: m.sector.map(Label::from_static),
        name: m.name.map(str::to_string),
    }
}

/// Whether the mention at `at` of `text` follows a locative preposition ("in eastern
/// Congo", "across Ukraine") or names a partner or an adversary ("talks with Ukraine",
/// "sanctions against Russia"): whom a statement is about, not who makes it.
fn placed_by_preposition(text: &str, at: usize) -> bool {
    preposition_before(text, at).is_some_and(|w| {
        is_one_of_any_case(&LOCATIVE, w) || is_one_of_any_case(&["with", "against"], w)
    })
}

/// Whether the mention at `at` of `text` names the remit of an office ("the United
/// Nations special rapporteur on Myanmar", "the U.S. envoy for Sudan"): the speaker is
/// the office's holder or body, not that country.
fn office_of(text: &str, at: usize) -> bool {
    const OFFICES: [&str; 10] = [
        "rapporteur",
        "envoy",
        "representative",
        "coordinator",
        "commissioner",
        "investigator",
        "investigators",
        "mission",
        "commission",
        "committee",
    ];
    let before = text.get(..at).unwrap_or_default();
    last_ascii_words(before, 3).is_some_and(|(w, k)| {
        // (past an article: "envoy to the Sahel")
        let i = usize::from(k > 0 && w[0].eq_ignore_ascii_case("the"));
        k >= i + 2 && matches!(w[i], "on" | "for" | "to") && is_one_of_any_case(&OFFICES, w[i + 1])
    })
}

/// Prepositions that place what follows them ("in eastern Congo", "across Ukraine").
const LOCATIVE: [&str; 10] = [
    "in",
    "at",
    "near",
    "across",
    "inside",
    "throughout",
    "into",
    "through",
    "around",
    "outside",
];

/// Whether the mention at `at` of `text` follows a locative preposition: where something
/// happens, not a party to it ("protests in Serbia").
fn located_by_preposition(text: &str, at: usize) -> bool {
    preposition_before(text, at).is_some_and(|w| is_one_of_any_case(&LOCATIVE, w))
}

/// The word before `at` in `text`, past an article and a direction word.
fn preposition_before(text: &str, at: usize) -> Option<&str> {
    const SKIPPED: [&str; 12] = [
        "the",
        "occupied",
        "besieged",
        "eastern",
        "western",
        "northern",
        "southern",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    ];
    let before = text.get(at.saturating_sub(40)..at).unwrap_or_default();
    WordsBack::new(before).find(|w| !is_one_of_any_case(&SKIPPED, w))
}

/// Whether `w` is one of the lower-case `words`, in any case.
fn is_one_of_any_case(words: &[&str], w: &str) -> bool {
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether the actor mentioned at `at` of `text` is the object of a casualty verb
/// ("security forces killed 8 militants in a raid", "killed a senior commander of the
/// ELN": the militants and the ELN are no attackers). `lower`: `text` in ASCII lower
/// case, whose words are read without a copy of each.
fn victim(text: &str, lower: &str, at: usize) -> bool {
    /// Members of a group named after "of": "a commander of the ELN".
    const MEMBERS: [&str; 12] = [
        "commander",
        "commanders",
        "leader",
        "leaders",
        "member",
        "members",
        "chief",
        "head",
        "founder",
        "fighters",
        "dissidents",
        "militants",
    ];
    /// Verbs whose object is a victim (none a determiner, a count or a modifier).
    const VERBS: [&str; 17] = [
        "killed",
        "killing",
        "wounded",
        "wounding",
        "injured",
        "injuring",
        "arrested",
        "arresting",
        "detained",
        "detaining",
        "captured",
        "dead",
        "struck",
        "targeted",
        "attacked",
        "bombed",
        "shelled",
    ];
    let from = at.saturating_sub(60);
    let (Some(before), Some(lower_before)) = (text.get(from..at), lower.get(from..at)) else {
        return false;
    };
    // (the words of the lower-case copy, at the same offsets as those of the text)
    let mut words = WordsBack::new(lower_before).peekable();
    let mut member_of = false;
    // the first word back that is no name, determiner, count or modifier must be a verb
    loop {
        let Some(lw) = words.next() else { return false };
        let start = lw.as_ptr() as usize - lower_before.as_ptr() as usize;
        let w = before.get(start..start + lw.len()).unwrap_or_default();
        // (a name modifying the noun: "killed five Islamic State militants")
        let name = w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.ends_with(|c: char| c.is_ascii_alphabetic());
        if lw == "of" && !member_of {
            member_of = true;
            words.next_if(|n| MEMBERS.contains(n));
            continue;
        }
        if name {
            continue;
        }
        if VERBS.contains(&lw) {
            return true;
        }
        if determiner_or_count(lw)
            || matches!(
                lw,
                "senior"
                    | "top"
                    | "prominent"
                    | "high-ranking"
                    | "key"
                    | "local"
                    | "former"
                    | "suspected"
                    | "alleged"
            )
        {
            continue;
        }
        return false;
    }
}

/// Whether the word at `at` of the lower-case sentence `lower` lies in a clause of purpose
/// ("to allow aid deliveries", "to protect its cities from missile strikes", "to prevent
/// attacks"), with no clause break between its verb and the word.
fn in_purpose_clause(lower: &str, at: usize) -> bool {
    const VERBS: [&str; 12] = [
        "allow",
        "protect",
        "prevent",
        "ensure",
        "facilitate",
        "enable",
        "avoid",
        "deter",
        "shield",
        "guard",
        "defend",
        "counter",
    ];
    let before = lower.get(..at).unwrap_or_default();
    let Some(i) = rfind_to(before) else {
        return false;
    };
    let clause = &before[i + 4..];
    let verb = clause.split_whitespace().next().unwrap_or_default();
    is_one_of_any_case(&VERBS, verb)
        && !clause.contains([',', ';', ':', '\u{2013}', '\u{2014}'])
        && !clause.contains(" -")
        && !clause.contains(" and ")
        && !clause.contains(" after ")
}

/// `text.rfind(" to ")`, read back over the letter 'o' alone: a search for the whole
/// phrase sets up a searcher on every call, and this one runs for every trigger word kept
/// that far.
fn rfind_to(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memrchr_iter(b'o', b)
        .find(|&i| i >= 2 && b.get(i - 2..i + 2) == Some(b" to "))
        .map(|i| i - 2)
}

/// Whether the protest word at `at` of the lower-case sentence `lower` is where an attack
/// took place: "at a rally", "on a march", "targeting a demonstration".
fn scene_of_an_attack(lower: &str, at: usize) -> bool {
    // (past up to two modifiers: "at a political rally")
    with_last_words(lower.get(..at).unwrap_or_default(), 5, |words| {
        (0..words.len().min(3)).any(|i| {
            matches!(words[i], "a" | "an" | "the")
                && words.get(i + 1).is_some_and(|p| {
                    is_one_of_any_case(&["at", "on", "into", "targeting", "targeted", "near"], p)
                })
        })
    })
}

/// Whether the verb right after a force ending at `end` acts on a crowd ("police fired
/// tear gas", "troops shot dead", "police detained"). `lower` is the article lower-cased.
fn intervenes(lower: &str, end: usize) -> bool {
    const VERBS: [&str; 18] = [
        "fired",
        "shot",
        "opened",
        "used",
        "dispersed",
        "detained",
        "arrested",
        "beat",
        "clashed",
        "killed",
        "wounded",
        "charged",
        "broke",
        "cracked",
        "attacked",
        "raided",
        "stormed",
        "tear-gassed",
    ];
    let mut words = lower
        .get(end..)
        .unwrap_or_default()
        .split_whitespace()
        .peekable();
    // (past where the force is: "security forces in tanzania shot dead")
    if words.next_if_eq(&"in").is_some() {
        words.next();
    }
    // (past an adverb: "police later dispersed")
    words.next().is_some_and(|w| {
        VERBS.contains(&w) || w.ends_with("ly") && words.next().is_some_and(|v| VERBS.contains(&v))
    })
}

/// Whether only the auxiliaries of a passive stand between a mention ending at `end` and
/// the trigger at `tpos` ("Boko Haram was blamed"): the mention is acted on.
fn auxiliary_only(text: &str, end: usize, tpos: usize) -> bool {
    text.get(end..tpos).is_some_and(|g| {
        let (mut n, mut be) = (0, false);
        g.split_whitespace().all(|w| {
            n += 1;
            be |= matches!(w, "was" | "were" | "is" | "are" | "been" | "being");
            matches!(w, "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "being")
        }) && be
            && n <= 2
            // (a participle, not "is accusing")
            && text
                .get(tpos..)
                .and_then(|t| t.split(|c: char| !c.is_ascii_alphabetic()).next())
                .is_some_and(|w| w.ends_with("ed"))
    })
}

/// Whether a verb of telling follows a mention ending at `end` ("police said"): who
/// reports an incident, not a party to it.
fn tells(text: &str, end: usize) -> bool {
    text.get(end..).is_some_and(|a| {
        let a = a.trim_start();
        ["said", "says", "say", "told"]
            .iter()
            .any(|w| a.starts_with(w))
    })
}

/// Verbs that call a meeting off (lower case).
const CALLED_OFF: [&str; 7] = [
    "cancelled",
    "canceled",
    "postponed",
    "called off",
    "pulled out of",
    "skipped",
    "will skip",
];

/// Whether a verb coordinated with " and " stands between the trigger at `tpos` and a
/// mention at `start` ("condemned the strike and called on the United States"): the
/// mention is that verb's object, not the trigger's.
fn verb_between(text: &str, tpos: usize, start: usize) -> bool {
    text.get(tpos..start).is_some_and(|g| {
        g.split(" and ").skip(1).any(|rest| {
            rest.split_whitespace().next().is_some_and(|w| {
                w.len() > 4
                    && w.ends_with("ed")
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && !matches!(w, "armed" | "allied" | "related" | "affiliated" | "backed")
            })
        })
    })
}

/// Whether the words from a mention's end `end` to the trigger at `tpos` are a verb of
/// judging it ("condemned the strike", "denounced the attack"): the one who speaks of an
/// incident so is not its party. `lower` is the article lower-cased.
fn judges(lower: &str, end: usize, tpos: usize) -> bool {
    lower.get(end..tpos).is_some_and(|g| {
        let mut words = g.split_whitespace();
        words.next().is_some_and(|w| JUDGING.contains(&w)) && words.count() <= 3
    })
}

/// Verbs of judging an event told elsewhere (lower case).
const JUDGING: [&str; 11] = [
    "condemned",
    "condemns",
    "denounced",
    "denounces",
    "deplored",
    "decried",
    "criticised",
    "criticized",
    "mourned",
    "welcomed",
    "praised",
];

/// Whether the actor mentioned up to `end` of `text` does the violence its next word
/// tells, to an object that follows: "Gang members killed at least 70 people", "Rebels
/// attacked a convoy"; not a headline's victims ("Rebels killed in an ambush").
fn active_agent(text: &str, end: usize) -> bool {
    const VERBS: [&str; 17] = [
        "killed",
        "wounded",
        "injured",
        "shot",
        "rampaged",
        "opened",
        "torched",
        "looted",
        "overran",
        "attacked",
        "abducted",
        "kidnapped",
        "ambushed",
        "stormed",
        "raided",
        "massacred",
        "executed",
    ];
    /// Words after a verb that make it a participle: "killed in", "killed by".
    const PARTICIPLE: [&str; 13] = [
        "in", "by", "when", "during", "after", "as", "on", "at", "while", "and", "near", "for",
        "down",
    ];
    let mut words = text
        .get(end..)
        .unwrap_or_default()
        .split_whitespace()
        .peekable();
    // (past the group's noun after its name: "Militiamen from the CODECO group killed")
    words.next_if(|w| is_one_of_any_case(&["group", "militia", "movement"], w));
    // (a verb the clause ends at has no object: "ordered the two policemen killed, ...")
    let (Some(verb), Some(next)) = (words.next(), words.next()) else {
        return false;
    };
    let next = next.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    // ("killed at least 70": a count, not a place)
    let count = next.eq_ignore_ascii_case("at") && words.next() == Some("least");
    is_one_of_any_case(&VERBS, verb)
        && !next.is_empty()
        && (count || !is_one_of_any_case(&PARTICIPLE, next))
}

/// Whether the actor mentioned up to `end` of `text` is the subject of a passive casualty
/// verb ("two Ukrainian soldiers were killed", "three police officers were wounded in a
/// grenade attack"): a victim, never the attacker.
fn passive_subject(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or_default();
    let mut words = after
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphabetic()));
    let (Some(mut aux), Some(mut verb)) = (words.next(), words.next()) else {
        return false;
    };
    // "24 schoolgirls who were abducted"
    if places::is_one_of(&["who", "that"], aux) {
        aux = verb;
        verb = words.next().unwrap_or_default();
    }
    // "has been detained", "had been arrested"
    if places::is_one_of(&["has", "have", "had"], aux) && verb.eq_ignore_ascii_case("been") {
        aux = "was";
        verb = words.next().unwrap_or_default();
    }
    if places::is_one_of(&["also", "reportedly", "later"], verb) {
        verb = words.next().unwrap_or_default();
    }
    places::is_one_of(&["was", "were"], aux)
        && places::is_one_of(
            &[
                "killed",
                "wounded",
                "injured",
                "hurt",
                "abducted",
                "kidnapped",
                "shot",
                "arrested",
                "detained",
                "captured",
            ],
            verb,
        )
}

/// The sentence whose events [`roles`] reads: what all its events ask of it, read once.
#[derive(Clone, Copy)]
struct EventSentence<'r, 't> {
    /// The sentence in lower case.
    sl: &'r Lowered<'t>,
    /// Where it starts in the article's text.
    start: usize,
    /// The actors mentioned in it.
    mentions: &'r [&'r Mention<'t>],
    /// Where its clause referring back to an earlier incident starts ([`after_clause`]),
    /// at sentence offsets.
    after: Option<usize>,
}

/// Source and target actors of an event of sentence `at` whose trigger is at `tpos`
/// (absolute).
fn roles(
    g: &'static Gazetteer,
    ctx: &Ctx<'_>,
    at: EventSentence<'_, '_>,
    kind: EventType,
    tpos: usize,
    loc: Option<&Location>,
) -> Vec<Actor> {
    let EventSentence {
        sl,
        start: s,
        mentions: ms,
        after,
    } = at;
    let both = [
        "both sides",
        "each other",
        "the two sides",
        "both countries",
        "the two countries",
    ]
    .iter()
    .any(|w| sl.has(w));
    let mut out: Vec<Actor> = Vec::new();
    let loc_a3 = loc
        .and_then(|l| g.country(&l.country))
        .map(|c| Label::from_static(&c.alpha3));
    match kind {
        EventType::Assault | EventType::Coerce | EventType::Protest => {
            // protesters, not the police who fired on them, protest
            let before: Vec<&&Mention> = ms
                .iter()
                .filter(|m| m.start < tpos && !matches!(m.sector, Some("CVL")))
                .filter(|m| {
                    kind != EventType::Protest || !matches!(m.sector, Some("POL") | Some("MIL"))
                })
                .filter(|m| {
                    !victim(ctx.text, &ctx.lower, m.start) && !passive_subject(ctx.text, m.end)
                })
                // (nor who judges it: "President Joseph Aoun condemned the strike")
                .filter(|m| !judges(&ctx.lower, m.end, tpos))
                // (not where it happens: "security forces in Bangladesh detained ...")
                .filter(|m| {
                    !(ctx.places.iter().any(|p| p.start == m.start)
                        && located_by_preposition(ctx.text, m.start))
                })
                .collect();
            let armed = |m: &Mention| matches!(m.sector, Some("MIL") | Some("REB") | Some("POL"));
            // (or farther, the subject of the sentence's violent verb: "Rebels killed at
            // least 70 people in an attack on the town")
            let near = before.iter().rev().find(|m| {
                tpos.saturating_sub(m.end) <= 30
                    && (m.country.is_some()
                        || armed(m)
                        // (a court orders arrests: "The International Criminal Court
                        // issued an arrest warrant")
                        || kind == EventType::Coerce && m.sector == Some("IGO"))
                    || armed(m) && active_agent(ctx.text, m.end)
                    // (the group that claims it: "The Islamic State group claimed
                    // responsibility for the attack, which killed 12 soldiers")
                    || armed(m)
                        && ctx.text.get(m.end..tpos).is_some_and(|g| {
                            g.len() <= 60
                                && !g.contains(['.', ';'])
                                && (g.contains("claimed responsibility for")
                                    || g.contains("claimed the"))
                        })
            });
            let by = ms.iter().find(|m| {
                m.start > tpos && ctx.text.get(m.start.saturating_sub(3)..m.start) == Some("by ")
            });
            // "a Palestinian man was shot dead by Israeli forces", "68 drones launched by
            // Russia": the agent
            let passive = by.is_some_and(|m| {
                ctx.text.get(..tpos).is_some_and(|b| {
                    b.ends_with("was ") || b.ends_with("were ") || b.ends_with("been ")
                }) || ctx
                    .text
                    .get(tpos..m.start)
                    .is_some_and(|g| g.split_whitespace().count() == 2)
            });
            // else the armed subject of the sentence ("Israel's military said it had killed
            // a senior Hezbollah commander in an airstrike")
            // (not across "after": "police detained 18 people after clashes between
            // supporters of rival candidates")
            let subject = || {
                before.first().copied().filter(|m| {
                    m.country.is_some()
                        && matches!(m.sector, Some("MIL") | Some("POL"))
                        && !ctx
                            .lower
                            .get(m.end..tpos)
                            .is_some_and(|g| g.contains(" after ") || g.contains(" following "))
                })
            };
            // the one accused of it or claiming it ("accused the RSF of killing more than
            // 200 civilians", "the Houthis claimed responsibility for a missile attack")
            let named = before
                .iter()
                .rev()
                .find(|m| accused_or_claiming(&ctx.lower, m.start, m.end))
                .copied();
            // the trigger word names the attackers itself ("Gunmen killed 12 villagers",
            // "a suicide bomber blew himself up"): they act, whoever is named before
            // (not a weapon: "a drone strike by Ethiopia's military")
            let agent = ms.iter().find(|m| {
                m.start <= tpos
                    && tpos < m.end
                    && m.sector == Some("REB")
                    && !victim(ctx.text, &ctx.lower, m.start)
                    && !passive_subject(ctx.text, m.end)
            });
            // the group blamed after the toll ("..., the army said, blaming FARC
            // dissidents")
            let blamed = ms.iter().find(|m| {
                m.start > tpos
                    && (m.country.is_some() || matches!(m.sector, Some("REB") | Some("MIL")))
                    && ctx.lower.get(..m.start).is_some_and(|b| {
                        let b = b.trim_end();
                        let b = b.strip_suffix(" the").unwrap_or(b);
                        b.ends_with(" blaming") || b.ends_with(" blamed")
                    })
            });
            let src = if passive {
                by
            } else {
                named.or(blamed).or(agent).or(near.copied()).or(by)
            }
            .or_else(subject)
            .map(|m| owner_of_weapon(ctx.text, &before, m));
            // "fighting between the army and the Arakan Army": the two sides
            if let (None, Some((a, b))) = (src, between_parties(ctx, ms, tpos)) {
                out.push(to_actor(a, ActorRole::Source));
                out.push(to_actor(b, ActorRole::Target));
            }
            if let Some(m) = src {
                out.push(to_actor(m, ActorRole::Source));
                // "Pakistani and Afghan border forces exchanged fire": two parties, when
                // they fight (not allies: "Haitian police and Kenyan-led forces killed at
                // least 10 suspected gang members")
                let fight = ["clash", "exchang", "fight", "battle", "fought", "shootout"]
                    .iter()
                    .any(|w| sl.has(w));
                if let Some(prev) = before.iter().rev().filter(|_| fight).find(|p| {
                    p.end < m.start
                        && ctx
                            .text
                            .get(p.end..m.start)
                            .is_some_and(|g| g.trim() == "and")
                        && other_side(p, m)
                }) {
                    let mut a = to_actor(prev, ActorRole::Target);
                    share_noun(&mut a, m);
                    out.push(a);
                }
            }
            // the object of a casualty verb before the trigger ("killed a senior Hezbollah
            // commander in an airstrike"), or at it ("killed five gunmen")
            if !out.iter().any(|a| a.role == ActorRole::Target) {
                if let Some(m) = ms.iter().find(|m| {
                    m.start <= tpos
                        && Some(**m) != src
                        && (m.country.is_some() || m.sector.is_some())
                        // (the mentions kept in `before` were read as no victim already)
                        && !before.iter().any(|b| std::ptr::eq(**b, **m))
                        && (victim(ctx.text, &ctx.lower, m.start) || passive_subject(ctx.text, m.end))
                }) {
                    // (the group of a member named: "a senior commander of the ELN")
                    let group = ms.iter().find(|n| {
                        n.start > m.end
                            && n.country.is_some()
                            && ctx
                                .lower
                                .get(m.end..n.start)
                                .is_some_and(|g| matches!(g.trim(), "of" | "of the"))
                    });
                    out.push(to_actor(group.unwrap_or(m), ActorRole::Target));
                }
            }
            if !out.iter().any(|a| a.role == ActorRole::Target) {
                // (not who reports it: "..., killed 56 worshippers, police said")
                // (nor a party of the earlier incident it answers: "struck militant
                // targets in Iraq in retaliation for an attack on a company in Ankara")
                let answered = after.map(|c| s + c).filter(|&c| tpos < c);
                let tgt = ms.iter().find(|m| {
                    m.start > tpos
                        && answered.is_none_or(|c| m.start < c)
                        && Some(**m) != src
                        // (nor the attackers' own group: "Gunmen from the Sinaloa cartel
                        // killed six people at a bar")
                        && !src.is_some_and(|a| {
                            ctx.text
                                .get(a.end..m.start)
                                .is_some_and(|g| matches!(g, " from the " | " from "))
                        })
                        && (m.sector.is_some() || m.country.is_some())
                        // (a government protested against is the target: "demanding
                        // the resignation of the government")
                        && (!matches!(m.sector, Some("GOV"))
                            || kind == EventType::Protest
                                && !located_by_preposition(ctx.text, m.start)
                            // (an official named as the one arrested: "an arrest
                            // warrant for Russian President Vladimir Putin")
                            || kind == EventType::Coerce
                                && m.name.is_some()
                                && (direct_object(&ctx.lower, tpos, m.start)
                                    || ctx.lower.get(tpos..m.start).is_some_and(|g| {
                                        g.len() <= 30 && g.contains("warrant for ")
                                    })))
                        // a protest is not against the crowd or its cause ("to disperse
                        // thousands of pro-European Union protesters"), nor the gangs
                        // it demands action against
                        && !(kind == EventType::Protest
                            && (matches!(m.sector, Some("CVL") | Some("REB"))
                                || ctx.text.get(..m.start).is_some_and(|b| {
                                    b.ends_with("pro-") || b.ends_with("anti-")
                                })))
                        && !tells(ctx.text, m.end)
                        // (", the defence ministry in Moscow said")
                        && !trailing_speaker(ctx.text, m.start, m.end)
                        && !describes_a_place(ctx.text, m)
                        // (nor where the wounded are: "as more victims died in hospital")
                        && !(m.sector == Some("MED") && located_by_preposition(ctx.text, m.start))
                        // (a weapon of no one named is what the attack is made with)
                        && !(m.country.is_none() && is_weapon(m))
                });
                match tgt {
                    Some(m) => {
                        let mut a = to_actor(m, ActorRole::Target);
                        if a.country.is_none() && m.sector != Some("IGO") {
                            a.country = loc_a3.clone();
                        }
                        out.push(a);
                    }
                    None => {
                        if let Some(l) = loc {
                            out.push(Actor {
                                role: ActorRole::Target,
                                text: l.text.clone(),
                                country: loc_a3.clone(),
                                sector: Some(
                                    if kind == EventType::Protest {
                                        "GOV"
                                    } else {
                                        "CVL"
                                    }
                                    .into(),
                                ),
                                name: None,
                            });
                        }
                    }
                }
            }
            // the force that fired on or dispersed the crowd is the protest's other side,
            // not the protesters it shot ("Kenyan police shot dead three protesters as
            // thousands took to the streets to protest"): ACLED's second actor
            // (over the crowd or the place standing for the state it protests against)
            let place = loc.map(|l| l.text.as_str());
            if kind == EventType::Protest
                && out.iter().all(|a| {
                    a.role != ActorRole::Target
                        || a.sector.as_deref() == Some("CVL")
                        || a.name.is_none() && Some(a.text.as_str()) == place
                })
            {
                let force = ms.iter().find(|m| {
                    matches!(m.sector, Some("POL") | Some("MIL"))
                        && intervenes(&ctx.lower, m.end)
                        && !victim(ctx.text, &ctx.lower, m.start)
                        && !passive_subject(ctx.text, m.end)
                        && !tells(ctx.text, m.end)
                        && !trailing_speaker(ctx.text, m.start, m.end)
                });
                if let Some(f) = force {
                    out.retain(|a| a.role != ActorRole::Target);
                    out.push(to_actor(f, ActorRole::Target));
                }
            }
            if kind == EventType::Protest {
                // protesters are the source; the state they protest against is the target
                if let Some(src) = out.iter_mut().find(|a| a.role == ActorRole::Source) {
                    if src.country.is_none() {
                        src.country = loc_a3.clone();
                    }
                }
                // the crowd named before the trigger ("students demonstrated")
                let crowd = ms.iter().rev().find(|m| {
                    m.end <= tpos
                        && m.sector == Some("CVL")
                        && (tpos - m.end <= 40
                                // (or the subject of a relative clause: "supporters of
                                // former president Evo Morales who were blocking highways")
                                || tpos - m.end <= 80
                                    && ctx.lower.get(m.end..tpos).is_some_and(|g| {
                                        g.contains(" who ") && !g.contains([',', ';'])
                                    }))
                });
                if !out.iter().any(|a| a.role == ActorRole::Source) {
                    // (its country, if it has none, is the place's: set below)
                    let src = crowd.map_or_else(
                        || Actor {
                            role: ActorRole::Source,
                            text: "protesters".into(),
                            country: None,
                            sector: Some("CVL".into()),
                            name: None,
                        },
                        |m| to_actor(m, ActorRole::Source),
                    );
                    out.insert(0, src);
                }
            }
            // a weapon of no one named is no attacker: whose it is, the place does not
            // tell ("In the southern city of Odesa, a drone hit a residential building"
            // after "Russian drones and missiles struck energy facilities across Ukraine")
            // (a suicide bomber is an attacker, not a bomb)
            out.retain(|a| {
                !(a.role == ActorRole::Source
                    && a.country.is_none()
                    && a.sector.as_deref() == Some("MIL")
                    && names_a_weapon(&a.text))
            });
            // armed groups, forces, police and victims without a nationality of their
            // own take the country where the incident happened (al Shabaab, "the army",
            // "gunmen", "people")
            // (not an international body: "protesting against EU trade deals")
            for a in out
                .iter_mut()
                .filter(|a| a.country.is_none() && a.sector.as_deref() != Some("IGO"))
            {
                a.country = loc_a3.clone();
            }
        }
        _ => {
            // (not when a third country acts: "Egypt hosted talks between
            // representatives of the two sides")
            // (nor when a body of no country speaks: "The U.N. Secretary-General urged
            // both countries to exercise restraint")
            let third = ms.iter().any(|m| {
                m.start < tpos
                    && (m.country.is_some_and(|c| !ctx.parties.contains(&c))
                        || m.country.is_none() && matches!(m.sector, Some("IGO") | Some("NGO")))
            });
            if both && ctx.parties.len() == 2 && !third {
                for (i, c) in ctx.parties.iter().enumerate() {
                    let role = if i == 0 {
                        ActorRole::Source
                    } else {
                        ActorRole::Target
                    };
                    let text = ms
                        .iter()
                        .find(|m| m.country == Some(*c))
                        .map(|m| m.text.to_string())
                        .or_else(|| g.country(c).map(|k| k.name.clone()))
                        .unwrap_or_else(|| c.to_string());
                    out.push(Actor {
                        role,
                        text,
                        country: Some(Label::from_static(c)),
                        sector: Some(Label::from_static("GOV")),
                        name: None,
                    });
                }
                return out;
            }
            let with_country: Vec<&&Mention> = ms
                .iter()
                .filter(|m| m.country.is_some() || matches!(m.sector, Some("IGO") | Some("NGO")))
                .collect();
            // whom a statement is made of or to, right after its verb: its target, never
            // its speaker ("Voronina also accused the Estonian authorities of ...", the
            // speaker unnamed)
            let stated_object = |m: &&&Mention| {
                is_statement(kind) && m.start > tpos && direct_object(&ctx.lower, tpos, m.start)
            };
            // "a warning from North Korea": the speaker follows the statement (not "tariffs
            // on all imports from Mexico")
            let from = with_country.iter().find(|m| {
                m.start > tpos
                    && m.start - tpos < 30
                    && ctx
                        .text
                        .get(tpos..m.start)
                        .is_some_and(|b| b.ends_with("from ") && b.split_whitespace().count() <= 3)
            });
            // "Russia's foreign ministry summoned the German ambassador to protest": the
            // host country complains to the envoy's
            let summon = sl.has("summon").then(|| sl.text().find("summon")).flatten();
            if let Some(at) = summon.map(|i| s + i) {
                let host = with_country.iter().rev().find(|m| m.end <= at);
                let envoy = host.and_then(|h| {
                    with_country
                        .iter()
                        .find(|m| m.start > at && m.country.is_some() && m.country != h.country)
                });
                if let (Some(h), Some(e)) = (host, envoy) {
                    out.push(to_actor(h, ActorRole::Source));
                    out.push(to_actor(e, ActorRole::Target));
                    return out;
                }
            }
            if let Some((subject, object)) = object_relative(ctx, &with_country, s, tpos) {
                out.push(to_actor(subject, ActorRole::Source));
                out.push(to_actor(object, ActorRole::Target));
                return out;
            }
            // the other side named inside the trigger's noun phrase ("the government will
            // suspend EU accession talks"): the target, when someone before it acts
            let pre = with_country.iter().find(|m| premodifies(ctx.text, m, tpos));
            let inner = pre.filter(|m| with_country.iter().any(|x| x.end < m.start));
            // the speaker, not a place the statement is about ("the African Union called
            // for a ceasefire in eastern Congo and urged M23 rebels to withdraw")
            // (a second verb of the sentence's subject: "Hamas accused Israel of violating
            // the truce and called on mediators ...": Hamas asks, not Israel)
            // (any verb: "Poland ordered the closure of the last Russian consulate ...
            // and expelled its staff": Poland expels, not Russia)
            // (or a gerund of the subject's: "..., after accusing Moscow of being behind
            // the sabotage")
            let gerund = || {
                ctx.lower
                    .get(tpos..)
                    .and_then(|a| a.split(|c: char| !c.is_ascii_alphabetic()).next())
                    .is_some_and(|w| w.ends_with("ing"))
            };
            let coordinated = ctx.text.get(s..tpos).is_some_and(|b| {
                let b = b.trim_end();
                b.ends_with(" and")
                    || (b.ends_with(" after") || b.ends_with(" before") || b.ends_with(" while"))
                        && gerund()
            });
            let subject = || {
                with_country.iter().find(|m| {
                    coordinated
                        && m.start - s <= 40
                        && m.end < tpos
                        && !placed_by_preposition(ctx.text, m.start)
                        && !office_of(ctx.text, m.start)
                })
            };
            // the one aid is given to, named right after the verb: its target, never its
            // giver ("EU leaders pledged to give Ukraine 50 billion euros in aid")
            let recipient = with_country.iter().find(|m| {
                matches!(kind, EventType::Aid | EventType::Agree) && given_to(&ctx.lower, m.start)
            });
            let src = from
                .or_else(subject)
                .or_else(|| {
                    with_country.iter().rev().find(|m| {
                        m.end <= tpos
                            && recipient.is_none_or(|r| r.start != m.start)
                            && !placed_by_preposition(ctx.text, m.start)
                            && !victim(ctx.text, &ctx.lower, m.start)
                            && !office_of(ctx.text, m.start)
                            && pre.is_none_or(|i| i.start != m.start)
                            && !auxiliary_only(ctx.text, m.end, tpos)
                    })
                })
                // (not the other side inside the trigger's phrase: "ordered two Estonian
                // diplomats to leave")
                .or_else(|| {
                    with_country.iter().rev().find(|m| {
                        m.end <= tpos
                            && recipient.is_none_or(|r| r.start != m.start)
                            && pre.is_none_or(|i| i.start != m.start)
                            && !office_of(ctx.text, m.start)
                            && !auxiliary_only(ctx.text, m.end, tpos)
                    })
                })
                // (not the place where it happens: "the two leaders met in Beijing"; a
                // nationality there tells whose it is: "in the Libyan capital")
                .or_else(|| {
                    with_country.iter().find(|m| {
                        let placed = located_by_preposition(ctx.text, m.start)
                            && ctx.places.iter().any(|p| p.start == m.start);
                        let after = m.start > tpos;
                        // (nor the one something is handed to: "were handed over to the
                        // Red Cross")
                        let handed_to = after
                            && last_ascii_words(ctx.text.get(..m.start).unwrap_or_default(), 2)
                                .is_some_and(|(w, k)| {
                                    k >= 1
                                        && (w[0] == "to" || k == 2 && w[1] == "to" && w[0] == "the")
                                });
                        // (a statement's speaker comes before its verb: "Voronina also
                        // accused the Estonian authorities of 'harassing' Russian-speaking
                        // residents" names no speaker; nor is who tells of it a party)
                        !(placed
                            || pre.is_some_and(|i| i.start == m.start)
                            || is_statement(kind) && after
                            || auxiliary_only(ctx.text, m.end, tpos)
                            || trailing_speaker(ctx.text, m.start, m.end)
                            || handed_to)
                    })
                });
            // "Israeli and Lebanese negotiators met": the two coordinated parties; rivals
            // of one country too ("Sudan's army and the Rapid Support Forces agreed")
            let partner = src.and_then(|m| {
                with_country.iter().rev().find(|p| {
                    p.end < m.start
                        && p.country.is_some()
                        && other_side(p, m)
                        && ctx
                            .text
                            .get(p.end..m.start)
                            .is_some_and(|g| matches!(g.trim(), "and" | "and the"))
                })
            });
            if let (Some(first), Some(second)) = (partner, src) {
                let mut a = to_actor(first, ActorRole::Source);
                share_noun(&mut a, second);
                out.push(a);
                // (unless the verb has an object of its own: then the two act together on
                // it, "Qatari and Egyptian mediators met Hamas officials in Cairo")
                let object = with_country
                    .iter()
                    .find(|m| m.start > tpos && direct_object(&ctx.lower, tpos, m.start));
                match object {
                    Some(o) => {
                        out.push(to_actor(second, ActorRole::Source));
                        out.push(to_actor(o, ActorRole::Target));
                    }
                    None => out.push(to_actor(second, ActorRole::Target)),
                }
                return out;
            }
            // an armed force right before the trigger acts, though it names no country
            // ("M23 rebels seized the town after government troops withdrew")
            let force = (kind == EventType::Retreat)
                .then(|| {
                    ms.iter().rev().find(|f| {
                        f.end <= tpos
                            && tpos - f.end <= 12
                            && f.country.is_none()
                            && matches!(f.sector, Some("MIL") | Some("REB") | Some("POL"))
                            && src.is_none_or(|m| f.start > m.end)
                    })
                })
                .flatten();
            if let Some(f) = force {
                let mut a = to_actor(f, ActorRole::Source);
                a.country = loc_a3.clone();
                out.push(a);
                return out;
            }
            // (a group of no country that is the verb's object comes first: "a court
            // convicted three journalists of spying for Israel")
            let object = ms.iter().find(|x| {
                x.start > tpos
                    && x.country.is_none()
                    // (not the actor's own envoy: "recalled its ambassador")
                    && matches!(x.sector, Some("CVL" | "MED" | "BUS" | "NGO" | "REB"))
                    && direct_object(&ctx.lower, tpos, x.start)
            });
            // a pronoun subject speaks for the subject of an earlier sentence of the
            // paragraph ("The Sudan Doctors Network said the shells hit the camp's market.
            // It blamed the RSF for the attack.")
            let src: Option<&Mention> = src.map(|m| &***m).or_else(|| {
                is_statement(kind)
                    .then(|| pronoun_antecedent(ctx, s, tpos))
                    .flatten()
            });
            // a named official of no stated country speaks for the country the statement
            // is placed in ("Prime Minister Garry Conille condemned the killings" in a
            // report from Port-au-Prince)
            let official = ms
                .iter()
                .rev()
                .find(|m| m.end <= tpos && m.name.is_some() && m.country.is_none())
                .filter(|_| src.is_none() && is_statement(kind));
            if let Some(m) = official {
                let mut a = to_actor(m, ActorRole::Source);
                a.country = loc_a3.clone();
                out.push(a);
            }
            if src.is_none() {
                let stated = with_country.iter().find(|m| stated_object(m)).map(|m| **m);
                // (the subject of a passive verb: "Boko Haram was blamed for the attack")
                let passive = with_country
                    .iter()
                    .find(|m| m.end <= tpos && auxiliary_only(ctx.text, m.end, tpos))
                    .map(|m| **m);
                if let Some(x) = object.copied().or(pre.map(|i| **i)).or(passive).or(stated) {
                    out.push(to_actor(x, ActorRole::Target));
                }
            }
            if let Some(m) = src {
                out.push(to_actor(m, ActorRole::Source));
                // (not a sponsor named as a modifier: "U.S.-brokered talks")
                // (not the object of a second verb: "condemned the strike and called on
                // the United States")
                let own_clause =
                    |x: &&&&Mention| !(is_statement(kind) && verb_between(ctx.text, tpos, x.start));
                let tgt = with_country
                    .iter()
                    .filter(|x| !ctx.text.get(x.end..).is_some_and(sponsor_modifier))
                    .filter(|x| !trailing_speaker(ctx.text, x.start, x.end))
                    .filter(own_clause)
                    .find(|x| {
                        x.start > tpos
                            && (x.country != m.country
                                // the direct object, a rival of the same country ("the
                                // Sudanese army accused the RSF")
                                || x.start - tpos <= 16
                                    && x.sector.is_some()
                                    && x.sector != m.sector)
                    })
                    .or_else(|| {
                        with_country.iter().filter(own_clause).find(|x| {
                            x.country != m.country
                                && x.country.is_some()
                                && !trailing_speaker(ctx.text, x.start, x.end)
                        })
                    });
                let tgt = inner
                    .filter(|i| i.start != m.start)
                    .map(|i| **i)
                    .or(recipient.map(|r| **r))
                    .or(object.copied())
                    .or(tgt.map(|t| **t));
                if let Some(t) = tgt {
                    out.push(to_actor(t, ActorRole::Target));
                }
            }
        }
    }
    out
}

/// Whether the party at `start` of the lower-case text is the indirect object of a verb
/// of giving ("to give Ukraine", "providing Sudan with"): the one aid goes to.
fn given_to(lower: &str, start: usize) -> bool {
    const GIVING: [&str; 8] = [
        "give",
        "giving",
        "gave",
        "provide",
        "providing",
        "offer",
        "offering",
        "grant",
    ];
    last_ascii_words(lower.get(..start).unwrap_or_default(), 1)
        .is_some_and(|(w, k)| k == 1 && (GIVING.contains(&w[0]) || w[0] == "provided"))
}

/// The party a statement's pronoun subject ("It", "He", "She", "They" opening the
/// sentence) stands for: the latest party of the paragraph before sentence start `s` that
/// opens a sentence of its own, a person for "He" and "She", a body for "It".
fn pronoun_antecedent<'c, 't>(ctx: &'c Ctx<'t>, s: usize, tpos: usize) -> Option<&'c Mention<'t>> {
    let head = ctx.text.get(s..tpos)?;
    let person = match head.split(' ').next()? {
        "He" | "She" => Some(true),
        "It" => Some(false),
        "They" => None,
        _ => return None,
    };
    let para_start = ctx.text.get(..s)?.rfind("\n\n").map_or(0, |i| i + 2);
    ctx.mentions
        .iter()
        .rev()
        .filter(|m| m.end <= s && m.start >= para_start)
        .filter(|m| m.country.is_some() || matches!(m.sector, Some("IGO") | Some("NGO")))
        .filter(|m| person.is_none_or(|p| m.name.is_some() == p))
        .find(|m| {
            // (the subject of its sentence: at most one word before it, "The")
            let before = ctx.text.get(para_start..m.start).unwrap_or_default();
            let open = before.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
            before[open..].split_whitespace().count() <= 1
        })
}

/// Whether the sentence (`sl`, lower-cased) tells a place taken: a verb of capture with a
/// settlement or a base as its object ("seized the town of Masisi", "captured the city").
fn took_a_place(sl: &Lowered<'_>) -> bool {
    const VERBS: [&str; 5] = [
        "seized the ",
        "captured the ",
        "took the ",
        "overran the ",
        "took over the ",
    ];
    const PLACES: [&str; 8] = [
        "town",
        "city",
        "village",
        "district",
        "capital",
        "base",
        "airport",
        "strategic",
    ];
    // (`has` says no without the searcher `match_indices` sets up, mostly from the
    // sentence's byte pairs alone)
    let lower = sl.text();
    VERBS.iter().any(|v| {
        sl.has(v)
            && lower.match_indices(v).any(|(i, _)| {
                let rest = &lower[i + v.len()..];
                PLACES.iter().any(|p| rest.starts_with(p))
            })
    })
}

/// The two sides of "between X and Y" right after the trigger at `tpos` ("heavy fighting
/// between the army and the Arakan Army").
fn between_parties<'m, 't>(
    ctx: &Ctx<'_>,
    ms: &[&'m Mention<'t>],
    tpos: usize,
) -> Option<(&'m Mention<'t>, &'m Mention<'t>)> {
    let lower = ctx.lower.as_str();
    let a = ms.iter().find(|m| {
        m.start > tpos
            // (past a place and a day: "fighting erupted in the Sudanese capital
            // Khartoum on Saturday between the army and the RSF")
            && m.start - tpos <= 90
            // (the word before first: it rules out nearly every mention, where the
            // marks are looked for in up to 90 bytes, byte by byte as they are ASCII)
            && lower.get(..m.start).is_some_and(|b| {
                let b = b.trim_end();
                b.ends_with("between") || b.ends_with("between the")
            })
            && lower
                .get(tpos..m.start)
                .is_some_and(|g| !g.bytes().any(|c| c == b',' || c == b';'))
    })?;
    // (the head of a side named in two words: "government forces" is "forces", the armed
    // side)
    let mut a = *a;
    while let Some(n) = ms
        .iter()
        .find(|n| n.start > a.end && lower.get(a.end..n.start) == Some(" "))
    {
        a = n;
    }
    // (past a modifier of the second side: "and Druze fighters", "and the rival militia")
    let b = ms.iter().find(|m| {
        m.start > a.end
            && lower.get(a.end..m.start).is_some_and(|g| {
                let g = g.trim();
                let rest = g
                    .strip_prefix("and the ")
                    .or_else(|| g.strip_prefix("and "))
                    .unwrap_or("");
                matches!(g, "and" | "and the")
                    || !rest.is_empty()
                        && rest.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
            })
    })?;
    Some((a, *b))
}

/// Whether the actor at `start..end` of the lower-cased text is the one an incident told
/// after it is laid on: the object of an accusation ("accused the RSF of killing") or the
/// subject of a claim ("the Houthis claimed responsibility for").
fn accused_or_claiming(lower: &str, start: usize, end: usize) -> bool {
    let before = lower.get(..start).unwrap_or_default().trim_end();
    let after = lower.get(end..).unwrap_or_default().trim_start();
    let accused = [
        "accused", "accusing", "accuses", "blamed", "blaming", "blames",
    ]
    .iter()
    .any(|v| before.ends_with(v) || before.strip_suffix(" the").is_some_and(|b| b.ends_with(v)))
        && {
            // (a date may come between: "accused the RSF on Sunday of killing")
            let head = after.get(..after.len().min(24)).unwrap_or(after);
            after.starts_with("of ")
                || after.starts_with("for ")
                || !head.contains(',') && (head.contains(" of ") || head.contains(" for "))
        };
    let claimed = after.starts_with("claimed responsibility")
        || after.starts_with("said it carried out")
        || after.starts_with("said they carried out");
    accused || claimed
}

/// Whether a state or an international body is named in sentence `st` before `rel`: one
/// that can speak, appeal or accuse (asked of statements only). A pronoun subject standing
/// for one counts ("He called on allies ...").
fn speaker_before(ctx: &Ctx<'_>, st: &str, rel: usize) -> bool {
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    ctx.mentions.iter().any(|m| {
        m.start >= base && m.start < base + rel && (m.country.is_some() || m.sector == Some("IGO"))
    }) || pronoun_antecedent(ctx, base, base + rel)
        .is_some_and(|m| m.country.is_some() || m.sector == Some("IGO"))
}

/// Whether a trigger after `rest` (the lower-cased text between a verb of asking and
/// the trigger, at most 160 bytes) is inside what the request asks for: "to" or "that"
/// in it and no clause of time or cause ("urged the parties to withdraw", not "urged
/// calm after the strike killed").
fn requested_content(rest: &str) -> bool {
    (rest.contains(" to ") || rest.starts_with("to ") || rest.contains(" that "))
        && ![
            " after ",
            " when ",
            " as ",
            " following ",
            " because ",
            ";",
            ". ",
        ]
        .iter()
        .any(|b| rest.contains(b))
}

/// Whether the sentence `st` goes on with what the sentence before it in its paragraph
/// told of a past year: "later", "then" or "afterwards" among the words before its
/// trigger (`before`: the last words of the lower-cased text before it), and a past year
/// or "last year" in the sentence before.
fn continues_history(ctx: &Ctx<'_>, st: &str, sl: &Lowered<'_>, before: &LastWords<'_>) -> bool {
    const AFTERWARDS: [&str; 4] = ["later", "then", "afterwards", "subsequently"];
    // (the sentence's byte pairs rule most sentences out, and a paragraph's first
    // sentence continues nothing, before its words are read)
    if !AFTERWARDS.iter().any(|w| sl.may_hold(w)) {
        return false;
    }
    let base = st.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let para = ctx.text.get(..base).unwrap_or_default();
    let para = &para[para.rfind('\n').map_or(0, |i| i + 1)..];
    if para.trim().is_empty() || !before.any(6, |w| AFTERWARDS.contains(&w)) {
        return false;
    }
    let year = ctx.published.year();
    occurs_any_case(para, "last year")
        || occurs_any_case(para, "years ago")
        || past_year_at(para, year).is_some()
}

/// Whether "declined to" is followed (`after`, lower-cased) by a verb of speaking: a
/// source that would not comment, not a refusal ("declined to comment", "declined to be
/// named", "declined to give details").
fn declined_to_speak(after: &str) -> bool {
    const SPEAKING: [&str; 17] = [
        "comment",
        "be",
        "give",
        "say",
        "elaborate",
        "disclose",
        "confirm",
        "provide",
        "answer",
        "respond",
        "specify",
        "reveal",
        "name",
        "speak",
        "discuss",
        "identify",
        "detail",
    ];
    let (next, k) = first_words(after, 1);
    k == 1 && SPEAKING.contains(&next[0].trim_end_matches([',', '.', ';']))
}

/// Whether the words right `after` a trigger (lower-cased) say it is yet to begin or
/// be held ("talks ... would begin next week", "the summit will be held in May").
fn starts_later(sl: &Lowered<'_>, after: &str) -> bool {
    const LATER: [&str; 14] = [
        "would begin",
        "will begin",
        "would start",
        "will start",
        "would resume",
        "will resume",
        "would take place",
        "will take place",
        "would be held",
        "will be held",
        "is scheduled",
        "are scheduled",
        "is expected to",
        "are expected to",
    ];
    // (a sentence with none of their byte pairs holds none of them)
    if !(sl.may_hold("would ")
        || sl.may_hold("will ")
        || sl.may_hold(" scheduled")
        || sl.may_hold(" expected"))
    {
        return false;
    }
    let mut end = after.len().min(60);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    // (in the trigger's own clause)
    let near = &after[..end];
    // (the marks are ASCII: a byte search finds them where `find` would, without
    // decoding characters)
    let stop = near.bytes().position(|c| matches!(c, b',' | b'.' | b';'));
    let clause = &near[..stop.unwrap_or(near.len())];
    LATER.iter().any(|w| sl.may_hold(w) && clause.contains(w))
}

/// Whether "asked", with `before` and `after` it in the lower-cased sentence, asks
/// someone for something: "for" within the next few words, no "about", "whether" or "not
/// to" right after, and no "when" or passive before ("when asked", "was asked").
fn asks_for(before: &str, after: &str) -> bool {
    let (next, k) = first_words(after, 6);
    let next = &next[..k];
    next.contains(&"for")
        && !matches!(
            next.first().copied(),
            Some("about" | "whether" | "if" | "not" | "why" | "how" | "what")
        )
        && !any_of_last_words(before, 1, |w| {
            matches!(w, "when" | "was" | "were" | "been" | "being" | "if")
        })
}

/// `text.trim_end_matches(suffix)` for a string `suffix`, by comparing bytes at the end:
/// the standard one sets up a substring searcher on every call, and the dates of every
/// sentence are read through it.
fn trim_end_str<'a>(mut text: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return text;
    }
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}

/// Whether the word after `before` (the last words of the lower-cased text before a
/// trigger) is a noun by the word before it ("fails to meet its demands", "rejected the
/// calls for"), not the verb of a statement ("Ethiopia demands that ...").
fn noun_use(before: &LastWords<'_>) -> bool {
    const DETERMINERS: [&str; 12] = [
        "its", "their", "his", "her", "our", "the", "these", "those", "of", "whose", "such", "new",
    ];
    before.any(1, |w| {
        DETERMINERS.contains(&w) || w.ends_with("'s") || w.ends_with("s'")
    })
}

/// Whether any of the last `n` words of `before` (the lower-cased text before a trigger)
/// passes `test`: a word just before the trigger that changes what it tells ("demanding
/// the resignation", "plotting a bomb attack").
/// Whether "launched" at `rel..rel_end` of lower-cased sentence `lower` launches weapons
/// or an attack: one of the next five words ("launched 60 drones at", "launched a
/// major offensive") or of the two before it ("the missiles launched by") names one.
fn launched_an_attack(lower: &str, rel: usize, rel_end: usize) -> bool {
    const ARMED: [&str; 17] = [
        "drone",
        "missile",
        "rocket",
        "shell",
        "strike",
        "airstrike",
        "attack",
        "offensive",
        "counter-offensive",
        "assault",
        "raid",
        "bomb",
        "barrage",
        "salvo",
        "mortar",
        "artillery",
        "operation",
    ];
    let armed = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic() && c != '-');
        ARMED.iter().any(|a| {
            w.strip_prefix(a)
                .is_some_and(|rest| matches!(rest, "" | "s" | "es"))
        })
    };
    let after = lower.get(rel_end..).unwrap_or_default();
    let before = lower.get(..rel).unwrap_or_default();
    after.split_whitespace().take(5).any(armed) || any_of_last_words(before, 2, armed)
}

fn any_of_last_words(before: &str, n: usize, test: impl Fn(&str) -> bool) -> bool {
    with_last_words(before, n, |words| words.iter().any(|w| test(w)))
}

/// `f` of the last `n` (at most 8) words of `text`, last first, as `split_whitespace`
/// reads them: from [`last_ascii_words`] without allocating, else collected.
fn with_last_words<R>(text: &str, n: usize, f: impl FnOnce(&[&str]) -> R) -> R {
    match last_ascii_words(text, n) {
        Some((words, k)) => f(&words[..k]),
        None => f(&text.split_whitespace().rev().take(n).collect::<Vec<_>>()),
    }
}

/// The last `n` (at most 8) words of `text`, last first, as `split_whitespace` reads them,
/// and how many there are; `None` when a byte outside ASCII comes first (it may be part
/// of a space of Unicode's), which leaves the reading to `split_whitespace`.
fn last_ascii_words(text: &str, n: usize) -> Option<([&str; 8], usize)> {
    // (the ASCII bytes that `char::is_whitespace` takes for spaces)
    let space = |b: u8| b == b' ' || (9..=13).contains(&b);
    if n > 8 {
        return None;
    }
    let b = text.as_bytes();
    let mut words = [""; 8];
    let (mut k, mut i) = (0, b.len());
    while k < n {
        while i > 0 && space(b[i - 1]) {
            i -= 1;
        }
        let end = i;
        i = word_start(b, i);
        if i > 0 && !b[i - 1].is_ascii() {
            return None;
        }
        if i == end {
            break;
        }
        words[k] = text.get(i..end)?;
        k += 1;
    }
    Some((words, k))
}

/// The last words before a trigger word, last first, as `split_whitespace` reads them:
/// read as far back as the rules of `keep` and `context_only` have asked so far, and kept
/// for the next rule, where each rule asking about the last few words read them again.
struct LastWords<'a> {
    text: &'a str,
    read: RefCell<WordsRead<'a>>,
}

/// The words of a [`LastWords`] read so far.
struct WordsRead<'a> {
    words: [&'a str; 8],
    /// How many words are read.
    k: usize,
    /// Where the text before the last word read ends.
    at: usize,
    /// No word is left to read.
    done: bool,
}

impl<'a> LastWords<'a> {
    fn new(text: &'a str) -> LastWords<'a> {
        LastWords {
            text,
            read: RefCell::new(WordsRead {
                words: [""; 8],
                k: 0,
                at: text.len(),
                done: false,
            }),
        }
    }

    /// `f` of the last `n` (at most 8) words, last first: as [`with_last_words`].
    fn with<R>(&self, n: usize, f: impl FnOnce(&[&'a str]) -> R) -> R {
        // (the ASCII bytes that `char::is_whitespace` takes for spaces)
        let space = |b: u8| b == b' ' || (9..=13).contains(&b);
        let n = n.min(8);
        let mut r = self.read.borrow_mut();
        let b = self.text.as_bytes();
        while r.k < n && !r.done {
            let mut i = r.at;
            while i > 0 && space(b[i - 1]) {
                i -= 1;
            }
            let end = i;
            i = word_start(b, i);
            if i > 0 && !b[i - 1].is_ascii() {
                // (a byte outside ASCII may be part of a space of Unicode's: all the
                // words are read as `split_whitespace` reads them)
                let mut k = 0;
                for (slot, w) in r.words.iter_mut().zip(self.text.split_whitespace().rev()) {
                    *slot = w;
                    k += 1;
                }
                r.k = k;
                r.done = true;
            } else if i == end {
                r.done = true;
            } else {
                let k = r.k;
                r.words[k] = self.text.get(i..end).unwrap_or_default();
                r.k += 1;
                r.at = i;
            }
        }
        f(&r.words[..n.min(r.k)])
    }

    /// `any_of_last_words` of the text.
    fn any(&self, n: usize, test: impl Fn(&str) -> bool) -> bool {
        self.with(n, |words| words.iter().any(|w| test(w)))
    }
}

/// Whether `b` is an ASCII byte that `char::is_whitespace` takes for no space, a byte of
/// a word of ASCII text: one comparison for the printable bytes, nearly all of them (the
/// word loops above and below test every byte of the words they read).
fn ascii_word_byte(b: u8) -> bool {
    b.wrapping_sub(b'!') < 0x5f || b < b'!' && !(b == b' ' || (9..=13).contains(&b))
}

/// The high bit of each byte of `x` (eight bytes of text, the first in the low byte) set
/// where the byte is no [`ascii_word_byte`]: an ASCII space or a byte beyond ASCII.
fn word_stops(x: u64) -> u64 {
    use crate::textbits::{at_least, HIGH, ONES};
    // each byte below 0x80, so that the sums below carry into no other byte
    let low = x & !HIGH;
    let tab_to_cr = at_least(low, b'\t') & !at_least(low, b'\r' + 1);
    // (a byte of `blank` is zero where the byte is a space)
    let blank = low ^ (u64::from(b' ') * ONES);
    let space = !((blank + 0x7f * ONES) | blank);
    (tab_to_cr | space | x) & HIGH
}

/// Where the run of [`ascii_word_byte`]s of `b` that starts at `i` ends: read eight
/// bytes at a time.
fn word_end(b: &[u8], i: usize) -> usize {
    crate::textbits::run_end(b, i, word_stops, ascii_word_byte)
}

/// Where the run of [`ascii_word_byte`]s of `b` that ends at `i` starts: read eight bytes
/// at a time, as [`word_end`].
fn word_start(b: &[u8], mut i: usize) -> usize {
    while let Some(x) = i
        .checked_sub(8)
        .and_then(|at| crate::textbits::eight_at(b, at))
    {
        let stops = word_stops(x);
        if stops != 0 {
            return i - 8 + (63 - stops.leading_zeros() as usize) / 8 + 1;
        }
        i -= 8;
    }
    while i > 0 && ascii_word_byte(b[i - 1]) {
        i -= 1;
    }
    i
}

/// The first `n` (at most 8) words of `text`, as `split_whitespace` reads them, and how
/// many there are: read byte by byte while the text is ASCII (`split_whitespace` decodes
/// every character to ask whether it is a space of Unicode's).
fn first_words(text: &str, n: usize) -> ([&str; 8], usize) {
    let space = |b: u8| b == b' ' || (9..=13).contains(&b);
    let n = n.min(8);
    let b = text.as_bytes();
    let mut words = [""; 8];
    let (mut k, mut i) = (0, 0);
    while k < n {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        let start = i;
        i = word_end(b, i);
        if i < b.len() && !b[i].is_ascii() {
            // (a byte outside ASCII may be part of a space of Unicode's)
            let mut k = 0;
            for (slot, w) in words.iter_mut().zip(text.split_whitespace().take(n)) {
                *slot = w;
                k += 1;
            }
            return (words, k);
        }
        if i == start {
            break;
        }
        words[k] = &text[start..i];
        k += 1;
    }
    (words, k)
}

/// Whether `verb` ("accused", "convicted") at `rel` of the lower-cased sentence describes
/// the noun before it: "of" follows at once and no auxiliary or subject pronoun precedes
/// ("a man accused of blasphemy", not "he was accused of", "prosecutors have accused of").
fn accused_as_description(before: &str, rel: usize, lower: &str, verb: &str) -> bool {
    const AUX: [&str; 14] = [
        "was", "were", "is", "are", "been", "being", "be", "has", "have", "had", "he", "she",
        "they", "it",
    ];
    let prev = before.split_whitespace().next_back().unwrap_or("");
    lower
        .get(rel..)
        .and_then(|a| a.strip_prefix(verb))
        .is_some_and(|a| a.starts_with(" of "))
        && prev.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
        && !AUX.contains(&prev)
}

/// Whether the mention at `start..end` of `text` is the source a sentence is attributed
/// to at its end ("North Korea fired a ballistic missile into the sea, South Korea's
/// military said"; "..., according to Ukraine's air force"): the one who tells, not a
/// party to what is told.
fn trailing_speaker(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let tail = before.len().saturating_sub("according to".len());
    if before
        .get(tail..)
        .is_some_and(|t| t.eq_ignore_ascii_case("according to"))
    {
        return true;
    }
    // (", the defence ministry in Moscow said": past the article; ", the state
    // prosecutor's office said": past up to two modifiers before it)
    let mut before = before;
    for _ in 0..2 {
        // (the last space is a few bytes back: a byte loop finds it at less cost than the
        // set-up of `rfind`'s search)
        let word_at = before.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1);
        let word = &before[word_at..];
        // (a modifier, not a verb: ", killing two soldiers, officials said" names victims)
        if word == "the"
            || word.is_empty()
            || word.ends_with("ing")
            || !word.bytes().all(|b| b.is_ascii_lowercase())
        {
            break;
        }
        before = before[..word_at].trim_end();
    }
    let before = before
        .strip_suffix("the")
        .filter(|b| b.ends_with(' '))
        .map_or(before, str::trim_end);
    if !before.ends_with(',') {
        return false;
    }
    let mut cut = text.len().min(end + 60);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    said_after(text.get(end..cut).unwrap_or(""))
}

/// Verbs of telling after a speaker ([`trailing_speaker`]).
const SPEAKER_VERBS: [&str; 6] = [
    " said",
    " says",
    " reported",
    " told",
    " announced",
    " confirmed",
];

/// Whether the text `after` a speaker has its verb: within the speaker's own words
/// ("'s military", "'s Joint Chiefs of Staff"), and nothing said after it but when or
/// where ("said on Tuesday", "said, the latest ..."; not "Cuba said it was surprised
/// that ..."). Each verb is read where `str::find` finds it, at its first occurrence, in
/// one pass over `after`: a search of its own for each verb cost more.
fn said_after(after: &str) -> bool {
    // (a loop over the bytes: the spaces are many, and a search for each cost more)
    let b = after.as_bytes();
    let mut seen = [false; SPEAKER_VERBS.len()];
    for (i, &c) in b.iter().enumerate() {
        let next = b.get(i + 1);
        if c != b' ' || !SPEAKER_VERBS.iter().any(|v| v.as_bytes().get(1) == next) {
            continue;
        }
        for (k, v) in SPEAKER_VERBS.iter().enumerate() {
            if seen[k] || !after[i..].starts_with(v) {
                continue;
            }
            seen[k] = true;
            if !clause_breaks(&after[..i]) && closes_attribution(&after[i + v.len()..]) {
                return true;
            }
        }
    }
    false
}

/// Whether mention `m` modifies the trigger noun of talks or a deal at `tpos` ("EU
/// accession talks", "Iran nuclear talks"): at most two words of a talk's subject between
/// them, and a word of the clause before it (not the sentence's first word, a comma or
/// "and").
fn premodifies(text: &str, m: &Mention, tpos: usize) -> bool {
    const TOPICS: [&str; 16] = [
        "accession",
        "peace",
        "nuclear",
        "trade",
        "ceasefire",
        "truce",
        "security",
        "border",
        "prisoner",
        "hostage",
        "membership",
        "debt",
        "gas",
        "energy",
        "arms",
        "normalisation",
    ];
    // (and envoys sent away: "ordered two Estonian diplomats to leave")
    const NOUNS: [&str; 11] = [
        "talks",
        "negotiations",
        "dialogue",
        "deal",
        "agreement",
        "accord",
        "treaty",
        "diplomats",
        "diplomat",
        "ambassador",
        "envoy",
    ];
    let Some(gap) = text.get(m.end..tpos) else {
        return false;
    };
    let noun = text
        .get(tpos..)
        .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or("");
    let before = text.get(..m.start).unwrap_or("").trim_end();
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
    NOUNS.contains(&noun)
        && gap.starts_with(' ')
        && gap.split_whitespace().count() <= 2
        && gap.split_whitespace().all(|w| TOPICS.contains(&w))
        && prev.starts_with(|c: char| c.is_ascii_lowercase())
        && prev != "and"
}

/// Whether the figure at `pos` of lower-cased sentence `lower`, after a protest's trigger
/// at `tpos`, is told in a relative clause of something other than the protest: the
/// cause it is about ("accountability for the collapse of a canopy that killed 15
/// people"; not "a march that left three dead").
fn told_of_its_cause(lower: &str, tpos: usize, pos: usize) -> bool {
    const PROTEST_NOUNS: [&str; 9] = [
        "protest",
        "protests",
        "demonstration",
        "demonstrations",
        "rally",
        "march",
        "clashes",
        "unrest",
        "crackdown",
    ];
    let Some(between) = lower.get(tpos..pos) else {
        return false;
    };
    let at = [" that ", " which "]
        .iter()
        .filter_map(|w| between.rfind(w))
        .max();
    at.is_some_and(|i| {
        let head = between[..i].rsplit(' ').next().unwrap_or("");
        !PROTEST_NOUNS.contains(&head)
    })
}

/// Whether a comma, a semicolon or a full stop breaks `s`; the dots of initials do not
/// ("Saudi and U.S. mediators said").
fn clause_breaks(s: &str) -> bool {
    s.contains([',', ';'])
        || s.match_indices('.').any(|(i, _)| {
            let rest = &s[i + 1..];
            !rest.starts_with(char::is_alphabetic)
                && !rest.trim_start().starts_with(char::is_lowercase)
        })
}

/// Whether the text after a speaker's verb ends the attribution: the sentence's end, a
/// comma, or only when or where it was said.
fn closes_attribution(rest: &str) -> bool {
    const WHEN: [&str; 8] = [
        "on",
        "in",
        "late",
        "early",
        "last",
        "this",
        "today",
        "yesterday",
    ];
    match rest.chars().next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some(' ') => {
            let word = rest[1..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            WHEN.iter()
                .chain(&dates::WEEKDAYS)
                .any(|w| word.eq_ignore_ascii_case(w))
        }
        Some(_) => true,
    }
}

/// Whether the text after an actor makes it a sponsor modifying a noun ("U.S.-brokered
/// talks", "Saudi-led coalition"), not a party.
fn sponsor_modifier(after: &str) -> bool {
    ["-brokered", "-mediated", "-backed", "-led", "-sponsored"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// "sanctions on 12 Belarusian officials and four companies it accused of helping Minsk":
/// a pronoun right before the trigger makes an object relative clause. The one accused is
/// the actor just before it; the accuser is the pronoun's antecedent, an earlier actor
/// of another country (the sentence's subject). `None` when the sentence is no such case.
fn object_relative<'m, 't>(
    ctx: &Ctx<'_>,
    with_country: &[&&'m Mention<'t>],
    s: usize,
    tpos: usize,
) -> Option<(&'m Mention<'t>, &'m Mention<'t>)> {
    let lead = ctx.lower_of(ctx.text.get(s..tpos)?).trim_end();
    let pronoun = [" it", " they", " he", " she", " which", " whom"]
        .iter()
        .any(|p| lead.ends_with(p));
    let object: &Mention = with_country.iter().rev().find(|m| m.end <= tpos)?;
    let gap = ctx.text.get(object.end..tpos)?;
    // or a participle right after its noun ("three Chinese companies accused of
    // supplying drone parts")
    let participle = gap.trim().is_empty()
        && ctx
            .lower
            .get(tpos..)
            .is_some_and(|t| t.starts_with("accused of"));
    if !pronoun && !participle {
        return None;
    }
    if gap.len() > 48 || gap.contains([';', ':', '.', '"']) {
        return None;
    }
    let subject: &Mention = with_country
        .iter()
        .find(|m| m.end <= object.start && m.country != object.country)?;
    Some((subject, object))
}

fn confidence(
    kind: EventType,
    strong: bool,
    loc: Option<&Location>,
    cas: &Casualties,
    actors: &[Actor],
    reported: bool,
) -> f64 {
    let mut c: f64 = if strong { 0.6 } else { 0.45 };
    if matches!(
        kind,
        EventType::Request | EventType::Reject | EventType::Support | EventType::Concede
    ) {
        c -= 0.2;
    }
    if let Some(l) = loc {
        c += match l.precision {
            LocationPrecision::Point | LocationPrecision::City => 0.12,
            LocationPrecision::Admin2 | LocationPrecision::Admin1 => 0.08,
            LocationPrecision::Country => 0.0,
        };
    }
    if cas.killed.is_some_and(|k| k > 0) || cas.injured.is_some_and(|k| k > 0) {
        c += 0.12;
    }
    if actors.iter().any(|a| a.country.is_some()) {
        c += 0.05;
    }
    if reported {
        c -= 0.02;
    }
    (c.clamp(0.05, 0.98) * 100.0).round() / 100.0
}

fn strict_same_place(a: &Location, b: &Location) -> bool {
    let country = |l: &Location| l.precision == LocationPrecision::Country;
    if country(a) != country(b) {
        return false;
    }
    a.name == b.name || places::contains(a, b) || places::contains(b, a)
}

fn info(c: &Candidate) -> u32 {
    let loc = c
        .location
        .as_ref()
        .map_or(0, |l| 5 - u32::from(l.precision.rank()));
    let cas = u32::from(c.casualties.killed.is_some()) + u32::from(c.casualties.injured.is_some());
    loc * 3 + cas
}

/// Merges drafts about the same incident (same type, compatible place, no conflicting
/// figures, not marked as another incident).
fn merge(mut drafts: Vec<Draft<'_>>) -> Vec<Draft<'_>> {
    // (in place: a draft merged into one before it is marked, and the marked ones are
    // dropped at the end, where each draft, a few hundred bytes, was moved out of the
    // list and into a new one)
    for i in 0..drafts.len() {
        let (done, rest) = drafts.split_at_mut(i);
        let Some(d) = rest.first_mut() else {
            break;
        };
        let dr: &Draft = d;
        let target = done.iter_mut().rev().filter(|o| !o.merged).find(|o| {
            let d = dr;
            if o.c.event_type != d.c.event_type
                || d.c.distinct
                || d.c.event_type == EventType::Assault
                    && conflict(&o.c.casualties, &d.c.casualties)
            {
                return false;
            }
            if matches!(d.c.event_type, EventType::Assault | EventType::Coerce)
                && matches!((o.own_date, d.own_date), (Some(a), Some(b)) if a != b)
            {
                return false;
            }
            if other_weapon_toll(o, d) || air_and_ground(o, d) {
                return false;
            }
            // dates both sentences state, even loosely, days apart: two incidents ("the
            // shelling earlier this month" and "on Monday, a drone struck")
            let stated = |c: &Candidate| {
                c.date
                    .as_ref()
                    .filter(|x| !x.text.is_empty())
                    .map(|x| x.value)
            };
            if d.c.event_type == EventType::Assault
                && matches!((stated(&o.c), stated(&d.c)), (Some(a), Some(b)) if (a - b).num_days().abs() > 2)
            {
                return false;
            }
            let strike = |c: &Candidate| c.mode.as_deref() == Some("strike");
            if d.c.event_type == EventType::Protest
                && strike(&o.c) != strike(&d.c)
                && !d.fallback_loc
            {
                return false;
            }
            if !matches!(d.c.event_type, EventType::Assault | EventType::Protest)
                && matches!((&o.c.mode, &d.c.mode), (Some(a), Some(b)) if a != b)
            {
                return false;
            }
            // statements by different speakers are different events
            fn sources(c: &Candidate) -> Vec<&str> {
                c.actors
                    .iter()
                    .filter(|a| a.role == ActorRole::Source)
                    .filter_map(|a| a.country.as_deref())
                    .collect()
            }
            let mutual = |l: &str| {
                occurs_any_case(l, "each other") || occurs_any_case(l, "both sides")
            };
            if is_statement(d.c.event_type) {
                if mutual(o.evid.sentence) != mutual(d.evid.sentence) {
                    return false;
                }
                let (a, b) = (sources(&o.c), sources(&d.c));
                if !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x)) {
                    return false;
                }
            }
            if d.fallback_loc && d.c.event_type != EventType::Assault {
                return true;
            }
            match (&o.c.location, &d.c.location) {
                (Some(a), Some(b)) => strict_same_place(a, b),
                (None, None) => true,
                (None, Some(_)) => {
                    d.c.event_type != EventType::Assault || o.paragraph + 1 >= d.paragraph
                }
                (Some(_), None) => true,
            }
        });
        if let Some(o) = target {
            let take_d = info(&d.c) > info(&o.c) && (o.fallback_loc || !d.fallback_loc);
            if take_d {
                o.fallback_loc = d.fallback_loc;
            }
            let oc = &mut o.c;
            if take_d {
                oc.location = d.c.location.clone();
                o.evid = d.evid;
                oc.distinct |= d.c.distinct;
                if d.c.mode.is_some() {
                    oc.mode = d.c.mode.clone();
                    // (two sides told fighting stay a clash when a later sentence
                    // tells one side's fire: "Indian and Pakistani troops exchanged
                    // fire" ... "Pakistani troops had opened fire on its posts")
                    if !(sub_event(&oc.acled) == Some("Armed clash")
                        && sub_event(&d.c.acled) == Some("Attack"))
                    {
                        oc.acled = d.c.acled.clone();
                    }
                }
            }
            // an undated lead takes the day its own paragraph chain states
            if oc.date.as_ref().is_some_and(|x| x.text.is_empty())
                && d.own_date.is_some()
                && o.own_date.is_none()
            {
                oc.date = d.c.date.clone();
                o.own_date = d.own_date;
            }
            absorb(&mut oc.casualties, &d.c.casualties);
            for q in std::mem::take(&mut d.c.quantities) {
                if !oc.quantities.iter().any(|x| x.count == q.count) {
                    oc.quantities.push(q);
                }
            }
            for a in std::mem::take(&mut d.c.actors) {
                // (a party named by a common noun alone adds nothing to one named
                // already: "gunmen" of a later sentence)
                let known = oc.actors.iter().any(|x| {
                    x.role == a.role
                        && (x.country == a.country
                            || a.country.is_none() && x.sector == a.sector
                            || x.text.eq_ignore_ascii_case(&a.text))
                });
                let second_target = a.role == ActorRole::Target
                    && oc.actors.iter().any(|x| x.role == ActorRole::Target);
                // (a group named later, as the one claiming the attack or blamed for
                // it, is who the common noun of the first report was: "fighters on
                // motorbikes" ... "JNIM claimed responsibility for the attack")
                let unnamed = oc.actors.iter_mut().find(|x| {
                    x.role == ActorRole::Source
                        && x.sector == a.sector
                        && x.name.is_none()
                        && actors::is_sector_noun(&x.text)
                });
                if let Some(x) = unnamed.filter(|_| {
                    a.role == ActorRole::Source
                        && d.c.event_type == EventType::Assault
                        && !actors::is_sector_noun(&a.text)
                }) {
                    let country = x.country.take();
                    *x = a;
                    x.country = x.country.take().or(country);
                } else if !known && !second_target && !second_source(oc, &a) {
                    oc.actors.push(a);
                }
            }
            // a mode it lacks, and the ACLED sub-type that goes with it; a protest told
            // again as a riot was one ("riot police were injured in a clash outside
            // parliament" before "dozens of police were injured in the unrest")
            let riot = oc.event_type == EventType::Protest
                && d.c.mode.as_deref() == Some("riot")
                && oc.mode.as_deref() != Some("riot");
            let took_mode = (oc.mode.is_none() || riot) && d.c.mode.is_some();
            if took_mode {
                oc.mode = d.c.mode.take();
            }
            // a protest told peaceful, then dispersed, was one with intervention
            let force = |c: &Option<crate::model::Acled>| acled::protest_force(c.as_ref());
            if oc.acled.is_none()
                || took_mode && d.c.acled.is_some()
                || oc.event_type == EventType::Protest
                    && (force(&oc.acled) + 1..3).contains(&force(&d.c.acled))
            {
                oc.acled = d.c.acled.take();
            }
            oc.confidence = (oc.confidence.max(d.c.confidence) + 0.05).min(0.98);
            o.strong |= d.strong;
            d.merged = true;
        }
    }
    drafts.retain(|d| !d.merged);
    drafts
}

/// The ACLED sub-event type of an event, if it has one.
fn sub_event(a: &Option<crate::model::Acled>) -> Option<&str> {
    a.as_ref().map(|x| x.sub_event_type.as_str())
}

/// Whether `a`, from a later sentence, would be a second attacker of an assault that has
/// one: that sentence tells someone's answer to it ("The army said it had launched an
/// operation to pursue the rebels"), not a side of the incident.
fn second_source(c: &Candidate, a: &Actor) -> bool {
    c.event_type == EventType::Assault
        && a.role == ActorRole::Source
        && c.actors.iter().any(|x| x.role == ActorRole::Source)
}

/// Takes the figures `to` lacks from `from`; a vague figure stays only where no exact
/// one is known.
fn absorb(to: &mut Casualties, from: &Casualties) {
    to.killed = to.killed.or(from.killed);
    to.injured = to.injured.or(from.injured);
    to.missing = to.missing.or(from.missing);
    to.arrested = to.arrested.or(from.arrested);
    for v in &from.vague {
        if !to.vague.contains(v) {
            to.vague.push(v.clone());
        }
    }
    let (k, i, a) = (to.killed, to.injured, to.arrested);
    to.vague.retain(|v| {
        !(v == "killed" && k.is_some()
            || v == "injured" && i.is_some()
            || v == "arrested" && a.is_some())
    });
}

/// Whether `d` restates the toll of an incident its own sentence names by another weapon
/// than `o`'s ("the death toll from the pre-dawn drone strike ... rose to three" in a
/// report of a glide bomb that hit a factory): another incident, not `o`'s update.
/// (The toll first: `other_weapons` scans `o`'s sentence for weapon words.)
fn other_weapon_toll(o: &Draft, d: &Draft) -> bool {
    states_toll(d) && other_weapons(o, d)
}

/// Whether two assault drafts each name a weapon of their own, of different modes, and
/// `o`'s own clause does not name `d`'s: not one attack of several weapons ("missiles and
/// drones struck ..."), told before any clause about an earlier incident ("hours after a
/// drone attack").
fn other_weapons(o: &Draft, d: &Draft) -> bool {
    d.c.event_type == EventType::Assault
        && d.weapon
        && o.weapon
        && matches!((&o.c.mode, &d.c.mode), (Some(a), Some(b)) if a != b)
        && {
            let o_text = o.evid.sentence;
            let lower = o_text.to_ascii_lowercase();
            let own = &o_text[..after_clause(&Lowered::new(&lower)).unwrap_or(o_text.len())];
            !modes()
                .find(own)
                .iter()
                .any(|h| Some(h.value) == d.c.mode.as_deref())
        }
}

/// Whether one draft is a strike from the air and the other gunfire, each by its own
/// weapon words: two incidents ("Israeli air strikes killed 21 across Gaza" and "gunmen
/// opened fire on soldiers in Rafah").
fn air_and_ground(o: &Draft, d: &Draft) -> bool {
    let air = |c: &Candidate| matches!(c.mode.as_deref(), Some("aerial") | Some("drone"));
    let gunfire = |c: &Candidate| c.mode.as_deref() == Some("firearms");
    (air(&o.c) && gunfire(&d.c) || gunfire(&o.c) && air(&d.c)) && other_weapons(o, d)
}

/// Whether the draft's sentence restates a toll ("the death toll from ... rose to").
fn states_toll(d: &Draft) -> bool {
    d.toll && occurs_any_case(d.evid.sentence, "toll")
}

fn conflict(a: &Casualties, b: &Casualties) -> bool {
    let diff = |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(p), Some(q)) if p != q && p != 0 && q != 0);
    diff(a.killed, b.killed) || diff(a.injured, b.injured)
}

/// Whether an unplaced assault tells an incident of its own beside the placed ones: exact
/// figures none of them shares, told with a strong trigger or dated to another day, and
/// no restated toll unless it is another day's ("the toll from Tuesday's attack on the
/// market rose to four" in a report of Wednesday's shelling).
fn own_incident(d: &Draft, located: &[Located]) -> bool {
    let c = &d.c.casualties;
    let exact = c.killed.is_some_and(|k| k > 0) || c.injured.is_some_and(|k| k > 0);
    let shares = |o: &Casualties| {
        let same = |x: Option<u32>, y: Option<u32>| matches!((x, y), (Some(p), Some(q)) if p == q && p > 0);
        !conflict(o, c) && (same(o.killed, c.killed) || same(o.injured, c.injured))
    };
    let other_day = !located.is_empty()
        && d.own_date
            .is_some_and(|day| located.iter().all(|x| x.day != Some(day)));
    // a toll of an incident named by its weapon, which no placed incident was told with
    let other_weapon = d.weapon
        && states_toll(d)
        && d.c.mode.is_some()
        && located.iter().all(|x| x.weapon && x.mode != d.c.mode);
    // ("A second strike hit a fuel depot in the city early Wednesday", after Tuesday
    // night's strike on the market: no figures, but another incident on another day)
    if d.c.distinct && other_day {
        return true;
    }
    exact
        && (!d.toll || other_day && d.c.back_reference || other_weapon)
        && (d.strong || d.weapon || other_day)
        && located.iter().all(|x| !shares(&x.casualties))
}

/// A placed assault of the article, as [`own_incident`] compares unplaced ones with it.
struct Located {
    casualties: Casualties,
    location: Location,
    day: Option<NaiveDate>,
    mode: Option<Label>,
    /// Its sentence names a weapon.
    weapon: bool,
    /// The sentence it was told in.
    sentence: usize,
}

/// Gives a precise assault the target its country-level restatement names where it
/// names only the place attacked or no one (its attacker, if it names none, is given by
/// `finish`): "Suspected jihadists killed at least 14 soldiers ... in central Mali"
/// before "The convoy was attacked near Douentza by fighters on motorbikes" makes an
/// armed clash against soldiers, not an attack on the town.
fn take_target(to: &mut Candidate, from: &Candidate) {
    // (the target `roles` falls back to is the place itself, with no one named)
    let named_target = |c: &Candidate| {
        let place = c.location.as_ref().map(|l| l.text.as_str());
        c.actors
            .iter()
            .find(|a| {
                a.role == ActorRole::Target
                    && (a.name.is_some() || a.sector.is_some() && Some(a.text.as_str()) != place)
            })
            .cloned()
    };
    if named_target(to).is_some() {
        return;
    }
    let Some(target) = named_target(from) else {
        return;
    };
    to.actors.retain(|a| a.role != ActorRole::Target);
    to.actors.push(target);
    if sub_event(&from.acled) == Some("Armed clash") && sub_event(&to.acled) == Some("Attack") {
        to.acled = from.acled.clone();
    }
}

/// Drops country-level assaults that restate more precise ones, and recomputes summaries;
/// the candidates of the drafts kept, each given its evidence (of article `article_id`).
fn finish(mut drafts: Vec<Draft>, dateline: Option<&Location>, article_id: &str) -> Vec<Candidate> {
    attacker_of_the_area(&mut drafts);
    // a country-level assault restating a precise one gives it the figures and the day
    // it lacks ("the death toll from Tuesday's bombing in northwest Pakistan has risen
    // to six" before "the blast near Bannu")
    for i in 0..drafts.len() {
        let is_country = drafts[i].c.event_type == EventType::Assault
            && drafts[i]
                .c
                .location
                .as_ref()
                .is_some_and(|l| l.precision == LocationPrecision::Country);
        if !is_country {
            continue;
        }
        let country = drafts[i].c.location.as_ref().map(|l| l.country.clone());
        let Some(j) = (0..drafts.len()).find(|&j| {
            j != i
                && drafts[j].c.event_type == EventType::Assault
                && drafts[j].c.location.as_ref().is_some_and(|l| {
                    l.precision != LocationPrecision::Country
                        && Some(&l.country) == country.as_ref()
                })
        }) else {
            continue;
        };
        let (from_cas, from_date, from_own) = (
            drafts[i].c.casualties.clone(),
            drafts[i].c.date.clone(),
            drafts[i].own_date,
        );
        let from = drafts[i].c.clone();
        // its attacker is that of each precise strike of the country it sums up that
        // names none ("Russia launched 92 drones and four missiles at Ukraine overnight"
        // before the strikes on Dnipro and in the Odesa region)
        if let Some(s) = from.actors.iter().find(|a| a.role == ActorRole::Source) {
            for k in (0..drafts.len()).filter(|&k| k != i) {
                let d = &mut drafts[k].c;
                if d.event_type == EventType::Assault
                    && d.location.as_ref().is_some_and(|l| {
                        l.precision != LocationPrecision::Country
                            && Some(&l.country) == country.as_ref()
                    })
                    && d.actors.iter().all(|a| a.role != ActorRole::Source)
                {
                    d.actors.insert(0, s.clone());
                }
            }
        }
        let to = &mut drafts[j];
        take_target(&mut to.c, &from);
        if to.c.quantities.is_empty() {
            to.c.quantities = from.quantities.clone();
        }
        if to.c.casualties.killed.is_none() {
            to.c.casualties.killed = from_cas.killed;
        }
        if to.c.casualties.injured.is_none() {
            to.c.casualties.injured = from_cas.injured;
        }
        if from_own.is_some() && to.own_date.is_none() {
            to.c.date = from_date;
            to.own_date = from_own;
        }
    }
    // `precise` is read only for an assault placed in a country at the end, and
    // `located` only for an unplaced assault; drafts are only dropped or placed below,
    // and only arrests re-typed (as protests): without such an assault now neither is
    // read, and neither is built (each copies places, and `located` figures and modes).
    let unplaced_assault = drafts
        .iter()
        .any(|d| d.c.event_type == EventType::Assault && d.c.location.is_none());
    let country_assault = unplaced_assault
        || drafts.iter().any(|d| {
            d.c.event_type == EventType::Assault
                && d.c
                    .location
                    .as_ref()
                    .is_some_and(|l| l.precision == LocationPrecision::Country)
        });
    let precise: Vec<(EventType, crate::model::GeoStr)> = drafts
        .iter()
        .filter(|_| country_assault)
        .filter_map(|d| {
            d.c.location
                .as_ref()
                .filter(|l| l.precision != LocationPrecision::Country)
                .map(|l| (d.c.event_type, l.country.clone()))
        })
        .collect();
    let located: Vec<Located> = drafts
        .iter()
        .filter(|d| unplaced_assault && d.c.event_type == EventType::Assault)
        .filter_map(|d| {
            d.c.location.clone().map(|l| Located {
                casualties: d.c.casualties.clone(),
                location: l,
                day: d.c.date.as_ref().map(|x| x.value),
                mode: d.c.mode.clone(),
                weapon: d.weapon,
                sentence: d.sentence,
            })
        })
        .collect();
    let dateline_city = dateline.filter(|l| l.precision != LocationPrecision::Country);
    let located_assault = drafts.iter().any(|d| {
        matches!(d.c.event_type, EventType::Assault | EventType::Protest) && d.c.location.is_some()
    });
    // arrests at a protest are the protest's figure, not an event of their own
    let mut drafts = drafts;
    let mut folded: Vec<usize> = Vec::new();
    for i in 0..drafts.len() {
        if drafts[i].c.event_type != EventType::Coerce
            || drafts[i].c.mode.as_deref() != Some("arrest")
            || drafts[i].c.casualties.arrested.is_none()
                // ("detaining dozens")
                && !drafts[i].c.casualties.vague.iter().any(|v| v == "arrested")
        {
            continue;
        }
        let same_place = |a: &Option<Location>, b: &Option<Location>| match (a, b) {
            (Some(a), Some(b)) => strict_same_place(a, b),
            _ => true,
        };
        // (a place the arrests took from the dateline or the paragraph is no place of
        // their own: "Police arrested 12 protesters who blocked the Ayalon highway")
        let protest = (0..i).find(|&j| {
            drafts[j].c.event_type == EventType::Protest
                && drafts[j].c.mode.as_deref() != Some("strike")
                && (drafts[i].fallback_loc
                    || same_place(&drafts[j].c.location, &drafts[i].c.location))
        });
        if let Some(j) = protest {
            // arrests on another day of unrest tell that day's protest
            if matches!((drafts[i].own_date, drafts[j].own_date), (Some(a), Some(b)) if a != b) {
                drafts[i].c.event_type = EventType::Protest;
                drafts[i].c.mode = drafts[j].c.mode.clone();
                drafts[i].c.acled = drafts[j].c.acled.clone();
                // (those arrested protested; the police who arrested them are the other
                // side)
                for a in &mut drafts[i].c.actors {
                    a.role = match a.role {
                        ActorRole::Source => ActorRole::Target,
                        ActorRole::Target => ActorRole::Source,
                        r => r,
                    };
                }
                drafts[i]
                    .c
                    .actors
                    .sort_by_key(|a| a.role != ActorRole::Source);
                continue;
            }
            let from = drafts[i].c.casualties.clone();
            absorb(&mut drafts[j].c.casualties, &from);
            // protesters arrested: the police intervened
            let peaceful = drafts[j]
                .c
                .acled
                .as_ref()
                .is_some_and(|a| a.sub_event_type == "Peaceful protest");
            if peaceful
                && (from.arrested.is_some_and(|n| n > 0)
                    || from.vague.iter().any(|v| v == "arrested"))
            {
                let cues = acled::Cues {
                    intervention: true,
                    ..Default::default()
                };
                drafts[j].c.acled =
                    acled::map(EventType::Protest, drafts[j].c.mode.as_deref(), cues);
            }
            folded.push(i);
        }
    }
    // (in place: a draft is moved only once one before it is dropped, and none is when
    // none is folded, the usual case)
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !folded.contains(&(i - 1))
    });
    // the figures of an unplaced casualty sentence that restates the placed incident
    // told just before it are that incident's ("Kenyan police fired tear gas at
    // protesters in Nairobi ... At least two people were killed and dozens injured")
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.c.location.is_some()
            || d.c.event_type != EventType::Assault
            || !d.casualty_only
            || !located_assault
            || own_incident(d, &located)
        {
            continue;
        }
        let told = (0..i).rev().find(|&j| {
            matches!(
                drafts[j].c.event_type,
                EventType::Assault | EventType::Protest
            ) && drafts[j].c.location.is_some()
        });
        // (of the same day; a protest's dead are not those of an incident the sentence
        // names: "five officers were killed in the shooting" the marchers protest)
        let fits = |o: &Draft| {
            o.paragraph + 1 >= d.paragraph
                && !matches!((o.own_date, d.own_date), (Some(a), Some(b)) if a != b)
                && !(o.c.event_type == EventType::Protest && d.c.back_reference)
        };
        if let Some(j) = told.filter(|&j| fits(&drafts[j])) {
            let from = Casualties {
                killed: d.c.casualties.killed,
                injured: d.c.casualties.injured,
                vague: (d.c.casualties.vague.iter())
                    .filter(|v| matches!(v.as_str(), "killed" | "injured"))
                    .cloned()
                    .collect(),
                ..Casualties::default()
            };
            absorb(&mut drafts[j].c.casualties, &from);
        }
    }
    // (in place, each draft moved once at most: a draft is a few hundred bytes)
    for d in &mut drafts {
        // a separate unplaced incident happened where the article's first one did
        if d.c.location.is_none()
            && d.c.event_type == EventType::Assault
            && own_incident(d, &located)
        {
            // where its paragraph is ("In Kherson, ... The city held a day of
            // mourning for the four people killed in Tuesday's strike"), else the
            // dateline's city when an incident there is reported, else the one
            // place all the article's incidents share ("the toll from Tuesday's
            // attack on the market" in a report of shelling in Kherson)
            d.c.location = d.para_loc.cloned().or_else(|| {
                located
                    .iter()
                    .map(|x| &x.location)
                    .find(|l| dateline_city.is_some_and(|c| c.name == l.name))
                    .cloned()
                    // (told before it: not the place of another shooting told
                    // after the report's own, "On Nov. 2, a gunman killed three
                    // people in Houston")
                    .or_else(|| {
                        let first = &located.first()?.location;
                        located
                            .iter()
                            .all(|x| x.location.name == first.name && x.sentence < d.sentence)
                            .then(|| first.clone())
                    })
            });
        }
    }
    drafts.retain(|d| {
        let Some(l) = &d.c.location else {
            // an unplaced assault beside a placed incident restates it ("twelve
            // people were injured in that attack") unless it tells an incident of
            // its own: a strong trigger with figures no placed incident has
            return !(d.c.event_type == EventType::Assault
                && located_assault
                && !own_incident(d, &located));
        };
        !(l.precision == LocationPrecision::Country
            && d.c.event_type == EventType::Assault
            && precise
                .iter()
                .any(|(t, c)| *t == d.c.event_type && *c == l.country))
    });
    drafts
        .into_iter()
        .map(|mut d| {
            d.c.evidence = d.evid.to_evidence(article_id);
            d.c
        })
        .collect()
}

/// The end (its comma) of a short phrase opening the sentence `lower` past its first
/// `skip` bytes (a dateline) that names an incident by a preposition and an article: "In
/// a separate attack,", "In another strike,".
fn lead_phrase_end(lower: &str, skip: usize) -> Option<usize> {
    let from = skip.min(lower.len());
    let rest = lower.get(from..)?;
    if !(rest.starts_with("in a ") || rest.starts_with("in an ") || rest.starts_with("in another "))
    {
        return None;
    }
    let comma = rest.get(..rest.len().min(48))?.find(", ")?;
    (rest[..comma].split_whitespace().count() <= 5).then_some(from + comma)
}

/// Whether the word at `at` of the sentence `sl` lies in a claim that a verb before it
/// rejects or denies ("rejected Pakistan's claim that it had shot down").
fn in_rejected_claim(sl: &Lowered<'_>, at: usize) -> bool {
    // (asked of the sentence's byte pairs first: most sentences hold neither word)
    if !sl.may_hold("claim") && !sl.may_hold("allegation") {
        return false;
    }
    let before = sl.text().get(..at).unwrap_or_default();
    let Some(i) = [
        "claim that ",
        "claims that ",
        "allegation that ",
        "allegations that ",
    ]
    .iter()
    // (each phrase asked of the sentence's byte pairs before it is searched for)
    .filter(|w| sl.may_hold(w))
    .filter_map(|w| before.rfind(w))
    .max() else {
        return false;
    };
    let head = &before[..i];
    // (the verb, past whose claim it is: "rejected Pakistan's")
    any_of_last_words(head, 4, |w| {
        matches!(
            w,
            "rejected" | "rejects" | "denied" | "denies" | "dismissed" | "dismisses" | "refuted"
        )
    }) && !before[i..].contains(['.', ';'])
}

/// Whether the participle at `start..end` of `sentence` is a reduced relative clause:
/// "of" follows it and a common noun in lower case comes right before it, a plural
/// ("companies accused of supplying", "21 people accused of spying") or one person ("a
/// Jordanian man convicted of drug smuggling"); not an auxiliary or a name ("was accused
/// of", "which Athens accused of").
fn reduced_relative(sentence: &str, start: usize, end: usize) -> bool {
    let follows_of = sentence.get(end..).is_some_and(|a| a.starts_with(" of "));
    follows_of
        && last_ascii_words(sentence.get(..start).unwrap_or_default(), 1).is_some_and(|(w, k)| {
            k == 1
                && w[0].len() > 2
                && w[0].bytes().all(|b| b.is_ascii_lowercase())
                && (w[0].ends_with('s')
                    || matches!(
                        w[0],
                        "people" | "men" | "women" | "children" | "man" | "woman" | "person"
                    ))
                && !matches!(
                    w[0],
                    "was" | "has" | "is" | "always" | "also" | "sometimes" | "perhaps" | "this"
                )
        })
}

/// Whether the verb of dispersing at `start..end` of `lower` (a sentence in lower case)
/// acts on a crowd: what follows it is one or refers back to one ("dispersed hundreds of
/// protesters", "dispersed the rally", "dispersed them"), or the crowd came before it
/// ("the crowd was dispersed"); not some other group ("dispersed the settlers").
fn disperses_a_crowd(lower: &str, start: usize, end: usize) -> bool {
    const CROWDS: [&str; 20] = [
        "protest",
        "demonstrat",
        "crowd",
        "rall",
        "march",
        "gathering",
        "sit-in",
        "student",
        "supporter",
        "mourner",
        "people",
        "youth",
        "mob",
        "fans",
        "worker",
        "activist",
        "opposition",
        "strik",
        "vigil",
        "participant",
    ];
    let passive = any_of_last_words(lower.get(..start).unwrap_or_default(), 1, |w| {
        matches!(w, "was" | "were" | "been" | "be" | "being")
    });
    let (words, n) = first_words(lower.get(end..).unwrap_or_default(), 5);
    passive
        || words[..n].iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
            matches!(w, "them" | "it") || CROWDS.iter().any(|c| w.starts_with(c))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn speakers_verbs_are_read_as_a_search_for_each_finds_them() {
        // (the search for each verb that `said_after` replaced)
        let searched = |after: &str| {
            SPEAKER_VERBS.iter().any(|v| {
                after.find(v).is_some_and(|i| {
                    !clause_breaks(&after[..i]) && closes_attribution(&after[i + v.len()..])
                })
            })
        };
        for after in [
            "'s military said.",
            "'s military said on Tuesday.",
            "'s military said it was surprised",
            " said, the latest in a series",
            ", which says it reported the attack, said.",
            " said it was told on Monday",
            "'s Joint Chiefs of Staff said in a statement",
            "'s air force confirmed, adding",
            " told reporters. Officials announced late",
            " reported the strike, confirmed today",
            "'s ministry. It said",
            " saying the toll said yesterday",
            " announced\u{a0}said on Sunday",
            " said said",
            "",
            " ",
            " s",
        ] {
            assert_eq!(said_after(after), searched(after), "{after:?}");
        }
    }

    #[test]
    fn victims_and_placed_mentions_in_real_sentences() {
        // (sentence, the mention's text, victim, placed by a preposition)
        let cases = [
            (
                "Security forces killed 8 militants in a raid.",
                "militants",
                true,
                false,
            ),
            (
                "Troops killed a senior commander of the ELN.",
                "ELN",
                true,
                false,
            ),
            (
                "Soldiers killed five Islamic State militants.",
                "militants",
                true,
                false,
            ),
            (
                "Two officers were wounded by gunmen.",
                "gunmen",
                false,
                false,
            ),
            (
                "The army said militants attacked a checkpoint.",
                "militants",
                false,
                false,
            ),
            (
                "Police arrested 12 protesters near the port.",
                "protesters",
                true,
                false,
            ),
            (
                "The AU called for a ceasefire in eastern Congo.",
                "Congo",
                false,
                true,
            ),
            ("Talks with Ukraine resumed.", "Ukraine", false, true),
            ("Ukraine said Russia struck Odesa.", "Russia", false, false),
            ("It shelled the city, killing three.", "city", true, false),
            (
                "Troops killed a Senior Commander Of the ELN.",
                "ELN",
                true,
                false,
            ),
            // (a word in capitals reads as a name)
            (
                "Troops KILLED a Senior Commander Of the ELN.",
                "ELN",
                false,
                false,
            ),
            (
                "Gunmen\u{a0}killed\tfive Islamic State militants.",
                "militants",
                true,
                false,
            ),
            ("Protesters met the president.", "president", false, false),
        ];
        for (text, mention, want_victim, want_placed) in cases {
            let at = text.find(mention).expect("mention in sentence");
            assert_eq!(
                victim(text, &text.to_ascii_lowercase(), at),
                want_victim,
                "victim {mention:?} in {text:?}"
            );
            assert_eq!(
                placed_by_preposition(text, at),
                want_placed,
                "placed {mention:?} in {text:?}"
            );
        }
    }

    #[test]
    fn first_words_read_as_split_whitespace_does() {
        for text in [
            "",
            "   ",
            "would be held on Monday, officials said",
            " \tkilled\n at least  70 people in an attack on the town",
            "soldiers\u{a0}would be sent",
            "caf\u{e9} owners said",
            "one two three four five six seven eight nine ten",
        ] {
            for n in [0, 1, 6, 8] {
                let (words, k) = first_words(text, n);
                let want: Vec<&str> = text.split_whitespace().take(n).collect();
                assert_eq!(&words[..k], want.as_slice(), "{text:?} {n}");
            }
        }
    }

    #[test]
    fn disaster_words_are_split_as_characters_split_them() {
        // (the split by characters that `disaster` replaced)
        let by_chars = |l: &str| {
            l.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| DISASTER_WORDS.contains(&w))
        };
        for text in [
            "an earthquake of magnitude 6.2 struck",
            "a storm-hit village",
            "the caf\u{e9}storm\u{e9} was closed",
            "a brainstorming session",
            "storms and crashes",
            "the stormy night after the crash",
            "quake\u{a0}victims",
            "a flooding2 test",
            "",
        ] {
            let lower = text.to_ascii_lowercase();
            let l = Lowered::new(&lower);
            let others = ["fire broke", "a fire at", "a blaze at", "plunged into"]
                .iter()
                .any(|w| lower.contains(w));
            assert_eq!(disaster(&l), others || by_chars(&lower), "{text:?}");
        }
    }

    #[test]
    fn ascii_word_bytes_are_the_ascii_bytes_of_no_space() {
        for b in 0..=255u8 {
            let want = b.is_ascii() && !char::from(b).is_whitespace();
            assert_eq!(ascii_word_byte(b), want, "{b}");
        }
    }

    #[test]
    fn passive_subjects_in_real_sentences() {
        for (text, mention, want) in [
            (
                "Two Ukrainian soldiers were killed in the attack.",
                "soldiers",
                true,
            ),
            (
                "24 schoolgirls who were abducted last year",
                "schoolgirls",
                true,
            ),
            ("The police officer has been detained.", "officer", true),
            ("Three journalists were also arrested.", "journalists", true),
            ("Two activists WERE Reportedly Detained", "activists", true),
            ("Soldiers\u{a0}were\u{a0}killed on Monday", "Soldiers", true),
            ("The army killed five gunmen.", "army", false),
            ("Police were deployed.", "Police", false),
            ("Rebels were", "Rebels", false),
        ] {
            let end = text.find(mention).expect("mention in sentence") + mention.len();
            assert_eq!(passive_subject(text, end), want, "{mention:?} in {text:?}");
        }
    }

    #[test]
    fn last_ascii_words_read_as_split_whitespace_does() {
        let texts = [
            "",
            " ",
            "demanding the",
            "police said they had foiled a plot to \tattack\n",
            "rights groups have  called for the",
            "the EU's demand to impose",
            "Kyiv\u{a0}rejected the",
            "the café's owner vetoed a",
            "one two three four five six seven eight nine",
            "un\u{2003}deux trois quatre cinq six sept huit neuf dix",
        ];
        for text in texts {
            for n in 0..=8 {
                let want: Vec<&str> = text.split_whitespace().rev().take(n).collect();
                if let Some((words, k)) = last_ascii_words(text, n) {
                    assert_eq!(words[..k].to_vec(), want, "{n} last words of {text:?}");
                }
                let got = any_of_last_words(text, n, |w| w.ends_with('e'));
                assert_eq!(got, want.iter().any(|w| w.ends_with('e')), "{text:?}");
                let last = LastWords::new(text);
                // (asked for fewer words first, then for more)
                last.with(n / 2, |w| assert_eq!(w, &want[..w.len()], "{text:?}"));
                last.with(n, |w| assert_eq!(w, want, "{n} last words of {text:?}"));
            }
        }
        assert!(last_ascii_words("Kyiv\u{a0}rejected the", 2).is_none());
        assert!(last_ascii_words("Kyiv\u{a0}rejected the", 1).is_some());
        assert!(last_ascii_words("a b c d e f g h i j", 9).is_none());
    }

    #[test]
    fn weapons_are_read_in_either_case() {
        let mention = |text: &'static str| Mention {
            start: 0,
            end: text.len(),
            text,
            country: None,
            sector: None,
            name: None,
            country_name: false,
        };
        for (text, want) in [
            ("drones", true),
            ("Russian MISSILES", true),
            ("a Jet", true),
            ("Ukrainian forces", false),
            ("", false),
            ("warplanes", true),
            ("aircraft carrier", true),
            ("bombers", true),
            ("shellfish", true),
            ("police", false),
            ("caf\u{e9} rocket", true),
        ] {
            assert_eq!(is_weapon(&mention(text)), want, "{text:?}");
            let lower = text.to_ascii_lowercase();
            let any = WEAPONS.iter().any(|w| lower.contains(w));
            assert_eq!(any, want, "{text:?}");
        }
    }

    #[test]
    fn word_ends_and_starts_are_those_a_test_per_byte_finds() {
        let texts = [
            "",
            "a",
            "police fired tear gas at protesters in the capital, officials said.",
            "counter-insurgency\toperations\x0bin\x0c\rthe\nnorth",
            "eightbyt eightbytes sixteenbytes1234 x",
            "caf\u{e9} owners\u{a0}said Tib\u{fa}, Adr\u{e9}",
            "\x00\x1f\x7f\x21~ controls  and  doubled  spaces ",
        ];
        for text in texts {
            let b = text.as_bytes();
            for i in 0..=b.len() {
                let mut end = i;
                while end < b.len() && ascii_word_byte(b[end]) {
                    end += 1;
                }
                assert_eq!(word_end(b, i), end, "{text:?} from {i}");
                let mut start = i;
                while start > 0 && ascii_word_byte(b[start - 1]) {
                    start -= 1;
                }
                assert_eq!(word_start(b, i), start, "{text:?} to {i}");
            }
        }
        for byte in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', byte, b'b', b'c', byte, b'd', b'e', byte]);
            let want = if ascii_word_byte(byte) {
                0
            } else {
                0x8000_0080_0000_8000
            };
            assert_eq!(word_stops(x), want, "{byte:#x}");
        }
    }

    #[test]
    fn has_ascii_digit_finds_what_a_test_per_byte_finds() {
        let long = "a".repeat(40);
        for text in [
            "",
            "7",
            "no digits here at all, none whatsoever",
            "killed 12",
            "\u{663} Arabic-Indic three is no ASCII digit",
            &(long.clone() + "9"),
            &long,
        ] {
            let want = text.bytes().any(|b| b.is_ascii_digit());
            assert_eq!(has_ascii_digit(text), want, "{text:?}");
        }
    }

    #[test]
    fn trim_end_str_trims_what_trim_end_matches_trims() {
        let texts = [
            "",
            "on",
            " on",
            "attacked on on",
            "said in a statement on",
            "aaa",
            "the the ",
        ];
        for text in texts {
            for suffix in ["", " on", "on", "a", "aa", "the ", " in a statement"] {
                let want = text.trim_end_matches(suffix);
                assert_eq!(trim_end_str(text, suffix), want, "{text:?} {suffix:?}");
            }
        }
    }

    #[test]
    fn rfind_to_finds_what_rfind_finds() {
        let texts = [
            "",
            "to",
            " to ",
            " to to ",
            "o to",
            "sent troops to the border to protect",
            "went to toronto to ",
            "\u{e9} to \u{e9}to o",
        ];
        for text in texts {
            assert_eq!(rfind_to(text), text.rfind(" to "), "{text:?}");
        }
    }

    /// The triggers, modes and cues of a text as `extract` resolves them, and the other
    /// lists' occurrences after them (mentions, date words).
    struct Scanned {
        trig: Vec<super::super::lexicon::Hit<Trigger>>,
        modes: Vec<super::super::lexicon::Hit<&'static str>>,
        cues: Vec<super::super::lexicon::Hit<Cue>>,
        rest: std::vec::IntoIter<Vec<super::super::lexicon::Cand>>,
    }

    fn scanned(text: &str) -> Scanned {
        let mut rest = word_lists().scan(text).into_iter();
        let mut next = || rest.next().unwrap_or_default();
        let trig = triggers().resolve(next());
        let modes = modes().resolve(next());
        let cues = cues().resolve(next());
        Scanned {
            trig,
            modes,
            cues,
            rest,
        }
    }

    /// The sentences of `text`, and windows of 40 bytes every 7 bytes: two series of
    /// ranges, each in text order.
    fn sentences_and_windows(text: &str) -> [Vec<(usize, usize)>; 2] {
        let sentences = split(text).iter().map(|s| (s.start, s.end)).collect();
        let windows = (0..text.len())
            .step_by(7)
            .map(|a| (a, (a + 40).min(text.len())))
            .collect();
        [sentences, windows]
    }

    #[test]
    fn hits_within_finds_what_a_filter_finds() {
        let texts = [
            "KYIV (Example Wire) - Russian drones struck Odesa on Tuesday, killing two people. \
             Police said protesters blocked roads. A second attack hit a bus near the port; \
             officials denied any strike took place and talks were held in Geneva.",
            "Gunmen opened fire on a bus. No one was killed in the ambush, police said.",
            "",
        ];
        for text in texts {
            let sc = scanned(text);
            for (a, b) in sentences_and_windows(text).concat() {
                let want: Vec<(usize, usize)> = sc
                    .trig
                    .iter()
                    .filter(|h| h.start >= a && h.end <= b)
                    .map(|h| (h.start, h.end))
                    .collect();
                let got: Vec<(usize, usize)> = hits_within(&sc.trig, a, b)
                    .iter()
                    .map(|h| (h.start, h.end))
                    .collect();
                assert_eq!(got, want, "triggers in {a}..{b} of {text:?}");
                let want = sc
                    .cues
                    .iter()
                    .filter(|h| h.start >= a && h.end <= b)
                    .count();
                assert_eq!(hits_within(&sc.cues, a, b).len(), want, "cues in {a}..{b}");
                let want = sc
                    .modes
                    .iter()
                    .filter(|h| h.start >= a && h.end <= b)
                    .count();
                assert_eq!(
                    hits_within(&sc.modes, a, b).len(),
                    want,
                    "modes in {a}..{b}"
                );
            }
        }
    }

    #[test]
    fn cue_kinds_answer_as_the_loops_over_the_cues_do() {
        let texts = [
            "KYIV (Example Wire) - Russian drones struck Odesa on Tuesday, killing two people. \
             Police denied they would not fire if protesters threatened to march, officials said.",
            "Rebels must withdraw, the envoy urged, and no one was killed; another attack may follow.",
            "",
        ];
        for text in texts {
            let sc = scanned(text);
            let cues = &sc.cues;
            for c in cues
                .iter()
                .map(|h| h.value)
                .chain([Cue::Obligation, Cue::Asking])
            {
                let all = cues.iter().any(|h| h.value == c);
                assert_eq!(cue_kinds(cues) & cue_bit(c) != 0, all, "{c:?} in {text:?}");
                for rel in 0..=text.len() {
                    let before = cues.iter().any(|h| h.end <= rel && h.value == c);
                    let got = cue_kinds_before(cues, rel) & cue_bit(c) != 0;
                    assert_eq!(got, before, "{c:?} before {rel} of {text:?}");
                }
            }
        }
    }

    #[test]
    fn words_within_a_bound_are_those_split_whitespace_counts() {
        let st = "Police  said\tthey would not, caf\u{e9} owners\u{a0}said, fire on the crowd";
        let sl = Lowered::new(st);
        let facts = SentFacts::new(st, st, NaiveDate::MIN, 0, 0, None);
        for rel in (0..=st.len()).filter(|&i| st.is_char_boundary(i)) {
            let at = TriggerAt {
                st,
                sl: &sl,
                facts: &facts,
                rel,
                rel_end: rel,
                t: Trigger {
                    kind: EventType::Assault,
                    mode: None,
                    weak: false,
                    casualty: false,
                },
                scues: &[],
                kinds: 0,
                before: 0,
                smodes: &[],
            };
            for pos in (0..=st.len()).filter(|&i| st.is_char_boundary(i)) {
                // (the count the rules compared before: 99 past the trigger word)
                let count = st
                    .get(pos..rel)
                    .map_or(99, |x| x.split_whitespace().count());
                for n in 0..=7 {
                    assert_eq!(at.within_words(pos, n), count <= n, "{pos}..{rel} <= {n}");
                }
            }
        }
    }

    #[test]
    fn disaster_words_are_found_as_a_comparison_with_every_word_finds_them() {
        let sentences = [
            "an earthquake of magnitude 6.2 struck the region, killing 12",
            "storms and floods killed 30; the storm's toll rose",
            "a crash-landing at the airport",
            "gunmen killed 12 villagers in a raid on the town",
            "the wildfires spread after the heatwave, caf\u{e9} owners said",
            "crashed crashes accidents quakes tremors",
            "",
        ];
        for s in sentences {
            let l = Lowered::new(s);
            let old = DISASTER_WORDS.iter().any(|w| l.may_hold(w))
                && s.as_bytes()
                    .split(|c| !c.is_ascii_alphanumeric())
                    .any(|w| w.len() >= 5 && DISASTER_WORDS.iter().any(|x| x.as_bytes() == w));
            let phrases = ["fire broke", "a fire at", "a blaze at", "plunged into"];
            let old = old || phrases.iter().any(|p| s.contains(p));
            assert_eq!(disaster(&l), old, "{s:?}");
        }
    }

    #[test]
    fn runs_read_in_order_find_what_binary_searches_find() {
        let texts = [
            "KYIV (Example Wire) - Russian drones struck Odesa on Tuesday, killing two people. \
             Police said protesters blocked roads. A second attack hit a bus near the port; \
             officials denied any strike took place and talks were held in Geneva on May 3.",
            "Gunmen opened fire on a bus. No one was killed in the ambush, police said.\n\n\
             Ukraine's army said on Monday it shot down 12 drones. Russia denied it.",
            "",
        ];
        for text in texts {
            let mut sc = scanned(text);
            let mentions = actors::of_occurrences(text, sc.rest.next().unwrap_or_default());
            let date_words = sc.rest.next().unwrap_or_default();
            // sentences, then windows of the text, each series in text order
            for ranges in sentences_and_windows(text) {
                let mut trig_runs = Runs::new(&sc.trig);
                let mut cue_runs = Runs::new(&sc.cues);
                let mut mode_runs = Runs::new(&sc.modes);
                let mut mention_runs = Runs::new(&mentions);
                let mut date_runs = Runs::new(&date_words);
                for (a, b) in ranges {
                    let got = trig_runs.run(|h| h.start < a, |h| h.end <= b);
                    assert_eq!(got, hits_within(&sc.trig, a, b), "triggers in {a}..{b}");
                    let got = cue_runs.run(|h| h.start < a, |h| h.end <= b);
                    assert_eq!(got, hits_within(&sc.cues, a, b), "cues in {a}..{b}");
                    let got = mode_runs.run(|h| h.start < a, |h| h.end <= b);
                    assert_eq!(got, hits_within(&sc.modes, a, b), "modes in {a}..{b}");
                    let got = mention_runs.run(|m| m.start < a, |m| m.start < b);
                    let want = mentions_from(&mentions, a, b);
                    assert_eq!(got.len(), want.len(), "mentions in {a}..{b}");
                    assert!(got.iter().zip(want).all(|(x, y)| x.start == y.start));
                    let got = date_runs.run(|c| c.0 < a, |c| c.0 < b);
                    let from = date_words.partition_point(|c| c.0 < a);
                    let n = date_words[from..].partition_point(|c| c.0 < b);
                    assert_eq!(got, &date_words[from..from + n], "date words in {a}..{b}");
                }
            }
        }
    }

    fn run(body: &str) -> Vec<Candidate> {
        run_on(body, 12)
    }

    /// Extraction of `body` published on March `day`, 2025, at noon.
    fn run_on(body: &str, day: u32) -> Vec<Candidate> {
        let article = Article {
            id: "t-1".into(),
            url: None,
            title: None,
            body: body.into(),
            published_at: chrono::Utc
                .with_ymd_and_hms(2025, 3, day, 12, 0, 0)
                .single()
                .expect("valid time"),
            source: None,
            language: Some("en".into()),
        };
        extract(Gazetteer::global(), &article)
    }

    /// The first event of `kind` among `evs`; fails the test when there is none.
    fn event_of(evs: &[Candidate], kind: EventType) -> &Candidate {
        evs.iter()
            .find(|c| c.event_type == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {evs:?}"))
    }

    /// The first actor of `role` in `ev`, if any.
    fn actor_of(ev: &Candidate, role: ActorRole) -> Option<&Actor> {
        ev.actors.iter().find(|a| a.role == role)
    }

    /// The words of the first actor of `role` in `ev`, if any.
    fn actor_text(ev: &Candidate, role: ActorRole) -> Option<&str> {
        actor_of(ev, role).map(|a| a.text.as_str())
    }

    /// Asserts, for each `(text, want)`, whether extraction finds an event `pred` accepts.
    fn assert_finds(cases: &[(&str, bool)], pred: impl Fn(&Candidate) -> bool) {
        for (text, want) in cases {
            let evs = run(text);
            assert_eq!(evs.iter().any(&pred), *want, "{text}: {evs:?}");
        }
    }

    fn types(body: &str) -> Vec<EventType> {
        run(body).iter().map(|c| c.event_type).collect()
    }

    /// Sentences that must yield no event of the given type.
    const NO_EVENT: &[(&str, EventType)] = &[
        // negation, denial
        ("The army denied attacking the village of Kucheri in Zamfara state on Tuesday.", EventType::Assault),
        // interview, not a phone call between leaders
        ("\"They came around 11 p.m.,\" the village head told Continental Wire by phone.", EventType::Consult),
        // claim of responsibility, not an accusation
        ("The al Shabaab group claimed responsibility for the attack in a statement.", EventType::Accuse),
        // the object of a request
        ("The commission called for an independent investigation into the police's use of live ammunition.", EventType::Accuse),
        // planned, not happened
        ("Union leaders said the strike would continue on Tuesday at factories in Gazipur.", EventType::Protest),
        // adjectival participle
        ("Russia also handed over 22 seriously wounded Ukrainian soldiers as a gesture of goodwill.", EventType::Assault),
        // unconfirmed report
        ("There was no immediate confirmation of reports that Ukrainian troops had withdrawn from the village of Berdychi.", EventType::Retreat),
        // figurative
        ("The striker fired a shot past the keeper in the league match as the visitors bombarded them with crosses and their fans watched the goal, and the coach said the season was not over.", EventType::Assault),
        // background dated to an earlier month
        ("A ceasefire between Israel and Hezbollah took effect in late November.", EventType::Retreat),
        // a standing charge by a generic group, and responsibility that is no blame
        ("Rights groups have accused both sides of abuses in the Amhara region.", EventType::Accuse),
        ("Britain imposed sanctions on three commanders, citing their responsibility for attacks on civilians.", EventType::Accuse),
        // a police raid is coercion
        ("Police raided homes and party offices in Lahore early on Saturday.", EventType::Assault),
        // under threat is no threat
        ("The town's fragile water supply is itself under threat.", EventType::Threaten),
        // weapons seized in an arrest, and a kind of rifle
        ("The two men were detained on Sunday afternoon at a house where officers also seized two assault rifles and a stolen pickup truck.", EventType::Assault),
        ("Assault rifles and helicopters were on display at the arms fair in Abu Dhabi.", EventType::Assault),
        ("Police seized two tonnes of cocaine and three assault rifles in Guayaquil on Tuesday.", EventType::Assault),
        ("Ecuadorian soldiers seized 2.7 tonnes of cocaine in a raid on a warehouse in the port city of Guayaquil, the armed forces said on Monday.", EventType::Assault),
    ];

    #[test]
    fn context_words_make_no_events() {
        for (s, t) in NO_EVENT {
            assert!(!types(s).contains(t), "{s}: {:?}", types(s));
        }
    }

    #[test]
    fn real_incidents_are_kept() {
        let cases: &[(&str, EventType)] = &[
            ("Russian artillery shelled a covered market in the centre of Kherson on Tuesday, killing two people.", EventType::Assault),
            ("Thousands of transport workers marched on Peru's Congress in Lima on Wednesday.", EventType::Protest),
            ("Pakistan accused Afghanistan's Taliban government of sheltering the militants on Wednesday.", EventType::Accuse),
            ("Police raided homes and party offices in Lahore early on Saturday.", EventType::Coerce),
            ("The responsibility for ending the war lies squarely with Russia, Ukraine's president said.", EventType::Accuse),
        ];
        for (s, t) in cases {
            assert!(types(s).contains(t), "{s}: {:?}", types(s));
        }
    }

    #[test]
    fn the_dateline_is_where_the_report_was_filed() {
        let evs = run("KYIV, March 11 (Continental Wire) - Russian artillery shelled a covered market in the southern Ukrainian city of Kherson on Tuesday, killing two people and injuring at least 10.");
        let places: Vec<&str> = evs
            .iter()
            .filter(|c| c.event_type == EventType::Assault)
            .filter_map(|c| c.location.as_ref().map(|l| l.text.as_str()))
            .collect();
        assert_eq!(places, vec!["Kherson"]);
    }

    #[test]
    fn a_back_referenced_incident_keeps_its_own_figures() {
        let evs = run("Several mortar rounds landed near the airport in Mogadishu on Wednesday evening, wounding three people, hours after a car bomb killed seven people elsewhere in the city.");
        let a: Vec<&Candidate> = evs
            .iter()
            .filter(|c| c.event_type == EventType::Assault)
            .collect();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].casualties.injured, Some(3));
        assert_eq!(a[0].casualties.killed, None);
        // and its own weapon: mortars, not the earlier car bomb
        assert_eq!(a[0].mode.as_deref(), Some("heavy-weapons"));
    }

    #[test]
    fn a_toll_of_an_incident_named_by_another_weapon_is_that_incident() {
        // a second report of the day: the toll of the morning's drone strike is its own
        let evs = run("ODESA, Ukraine - A Russian missile hit a port warehouse in Odesa on Wednesday afternoon, injuring four dock workers, hours after a drone attack on a residential street killed two people.\n\nThe death toll from the overnight drone strike on a five-storey building rose to three after a woman died in hospital. Ten people were injured in that attack.");
        let a: Vec<(Option<&str>, Option<u32>, Option<u32>)> = evs
            .iter()
            .filter(|c| c.event_type == EventType::Assault)
            .map(|c| (c.mode.as_deref(), c.casualties.killed, c.casualties.injured))
            .collect();
        assert_eq!(
            a,
            [
                (Some("heavy-weapons"), None, Some(4)),
                (Some("drone"), Some(3), Some(10))
            ]
        );
        assert!(evs
            .iter()
            .all(|c| c.location.as_ref().is_some_and(|l| l.name == "Odesa")));
        // the same weapon, or a toll of one attack told with several: one incident
        for body in [
            "A Russian missile hit a hospital in Odesa on Wednesday, injuring four people.\n\nThe death toll from the missile strike rose to two on Thursday.",
            "Russian missiles and drones struck Odesa on Wednesday, injuring four people.\n\nThe death toll from the drone strike rose to two.",
        ] {
            let n = run(body)
                .iter()
                .filter(|c| c.event_type == EventType::Assault)
                .count();
            assert_eq!(n, 1, "{body}");
        }
    }

    #[test]
    fn the_accused_of_a_relative_clause_is_the_target() {
        let evs = run("BRUSSELS - The European Union on Wednesday imposed sanctions on 12 Belarusian officials and four companies it accused of helping Minsk evade export restrictions.");
        let accuse = evs
            .iter()
            .find(|c| c.event_type == EventType::Accuse)
            .expect("accusation");
        let role = |r: ActorRole| {
            accuse
                .actors
                .iter()
                .find(|a| a.role == r)
                .map(|a| a.text.clone())
        };
        assert_eq!(role(ActorRole::Source).as_deref(), Some("European Union"));
        assert_eq!(
            role(ActorRole::Target).as_deref(),
            Some("Belarusian officials")
        );
        // a plain accusation keeps its order
        let evs = run("Pakistan accused Afghanistan's Taliban government of sheltering the militants on Wednesday.");
        let a = evs
            .iter()
            .find(|c| c.event_type == EventType::Accuse)
            .expect("accusation");
        assert_eq!(
            a.actors.first().and_then(|x| x.country.as_deref()),
            Some("PAK")
        );
    }

    #[test]
    fn a_toll_of_another_days_attack_is_its_own_incident() {
        let evs = run("KYIV, March 12 - Russian forces shelled a residential area of Kherson on Wednesday, wounding two people, the regional administration said.\n\nThe toll from Tuesday's attack on the market rose to four overnight, when a man who had been in intensive care died of his injuries, the administration said.");
        let facts: Vec<(Option<String>, Option<u32>, Option<u32>)> = evs
            .iter()
            .filter(|c| c.event_type == EventType::Assault)
            .map(|c| {
                let day = c.date.as_ref().map(|d| d.value.to_string());
                (day, c.casualties.killed, c.casualties.injured)
            })
            .collect();
        assert_eq!(
            facts,
            vec![
                (Some("2025-03-12".into()), None, Some(2)),
                (Some("2025-03-11".into()), Some(4), None)
            ]
        );
        let market = evs.iter().find(|c| c.casualties.killed == Some(4));
        assert_eq!(
            market
                .and_then(|c| c.location.as_ref())
                .map(|l| l.name.as_str()),
            Some("Kherson"),
            "the one place of the report"
        );
        // a toll restated for the report's own incident stays part of it
        let evs = run("Gunmen opened fire inside a bar in the city of Celaya late on Sunday, killing six people.\n\nThe death toll from the attack rose to seven on Monday, prosecutors said.");
        assert_eq!(
            evs.iter()
                .filter(|c| c.event_type == EventType::Assault)
                .count(),
            1
        );
    }

    #[test]
    fn incidents_dated_days_apart_stay_apart() {
        // "two weeks ago" is a loose date, no day of its own
        let evs = run_on("Fatima arrived two weeks ago with four children. She left the Abu Shouk camp after the shelling earlier this month that local medics say killed 18 people.\n\nThe town's lifelines are under threat. On Monday, a drone struck the main water pumping station on the edge of Tawila, injuring two guards, volunteers said.", 18);
        let mut figures: Vec<(Option<u32>, Option<u32>)> = evs
            .iter()
            .filter(|c| c.event_type == EventType::Assault)
            .map(|c| (c.casualties.killed, c.casualties.injured))
            .collect();
        figures.sort();
        assert_eq!(figures, vec![(None, Some(2)), (Some(18), None)]);
    }

    #[test]
    fn sanctions_and_threats_are_where_they_are_decided() {
        let at = |body: &str, t: EventType| {
            run(body)
                .into_iter()
                .find(|c| c.event_type == t)
                .and_then(|c| c.location)
                .map(|l| (l.name, l.country))
        };
        assert_eq!(
            at("LONDON - Britain on Wednesday imposed sanctions on three commanders of Sudan's Rapid Support Forces over attacks in North Darfur.", EventType::Sanction),
            Some(("London".into(), "GB".into()))
        );
        let (_, country) = at("SEOUL - North Korea warned on Monday that it would take overwhelming action against South Korean and US forces if the drills went ahead.", EventType::Threaten).expect("a placed threat");
        assert_eq!(country, "KP");
        // an attack stays where it hit
        assert_eq!(
            at(
                "KYIV - Russian forces shelled Kherson on Wednesday, wounding two people.",
                EventType::Assault
            )
            .map(|x| x.1),
            Some("UA".into())
        );
    }

    #[test]
    fn threats_say_what_they_threaten() {
        let mode_of = |s: &str| {
            run(s)
                .into_iter()
                .find(|c| c.event_type == EventType::Threaten)
                .and_then(|c| c.mode)
        };
        let cases = [
            ("The transport workers' union threatened a new strike on Monday if the government does not act.", "restrict"),
            ("The Houthis threatened to attack ships bound for Israeli ports.", "violence"),
            ("The interior minister threatened to arrest the protest leaders.", "arrest"),
            ("The government threatened to expel foreign journalists who cover the protests.", "expel"),
            ("U.S. President Donald Trump said on Wednesday he would impose 25% tariffs on all imports from Mexico if the flow of migrants did not stop.", "restrict"),
        ];
        for (s, want) in cases {
            assert_eq!(mode_of(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn who_acts_in_common_wire_sentences() {
        // (sentence, event type, source country, target country)
        let cases: &[(&str, EventType, &str, &str)] = &[
            // the country that launched a weapon, not the weapon with the target's country
            ("KYIV, June 12 (Reuters) - Russia launched a massive missile and drone attack on Ukraine's power grid overnight, damaging energy facilities in several regions.", EventType::Assault, "RUS", "UKR"),
            // a recapture: the army that retook the town, from the rebels
            ("Sudan's army said it had recaptured the town of Singa from the Rapid Support Forces after days of fighting.", EventType::Assault, "SDN", "SDN"),
            // the agent of a passive, not the victim before the verb
            ("A Palestinian man was shot dead by Israeli forces during a raid in the Jenin refugee camp on Tuesday, the Palestinian health ministry said.", EventType::Assault, "ISR", "PSE"),
            // the armed subject of the sentence, and the one it killed
            ("Israel's military said it had killed a senior Hezbollah commander in an airstrike in southern Lebanon on Wednesday.", EventType::Assault, "ISR", "LBN"),
            // the country that summons an envoy complains to the envoy's
            ("Russia's foreign ministry summoned the German ambassador on Monday to protest against remarks by the German defence minister.", EventType::Accuse, "RUS", "DEU"),
            // the speaker, not the one it struck
            ("The Israeli military said it had struck Hamas militants and infrastructure and accused the group of operating from civilian areas.", EventType::Accuse, "ISR", "PSE"),
            // the speaker, not the partner it names ("talks with Ukraine")
            ("The Kremlin said on Monday it was ready for talks with Ukraine but rejected calls for an unconditional ceasefire.", EventType::Reject, "RUS", "UKR"),
            // a protest lodged through diplomats is a complaint
            ("Japan lodged a protest with China after a Chinese military aircraft violated its airspace near Nagasaki on Monday.", EventType::Accuse, "JPN", "CHN"),
            // those a sanction accuses by a participle are its target (and make no
            // accusation of their own: see `wire_sentences_of_round_twenty_three`)
            ("The United States imposed sanctions on Thursday on three Chinese companies accused of supplying drone parts to Russia.", EventType::Sanction, "USA", "CHN"),
            // the victims of a passive are the target, never the attackers
            ("Two Ukrainian soldiers were killed and five wounded when Russian forces shelled positions near Pokrovsk on Tuesday, the general staff said.", EventType::Assault, "RUS", "UKR"),
            // a threat's speaker, not the country imports come from
            ("U.S. President Donald Trump said on Wednesday he would impose 25% tariffs on all imports from Mexico if the flow of migrants did not stop.", EventType::Threaten, "USA", "MEX"),
            // two coordinated parties, not the sponsor of the talks
            ("Israeli and Lebanese negotiators met in Naqoura on Tuesday for a second round of U.S.-brokered talks on the border.", EventType::Consult, "ISR", "LBN"),
            ("Ethiopia and Eritrea signed an agreement in Jeddah on Sunday.", EventType::Agree, "ETH", "ERI"),
            // an international body's appeal
            ("The European Union called on Israel on Monday to halt its offensive in Rafah.", EventType::Request, "", "ISR"),
            // the one accused of an attack did it; the one claiming it did
            ("The Sudanese army accused the RSF on Sunday of killing more than 200 civilians in attacks on villages south of Khartoum.", EventType::Assault, "SDN", "SDN"),
            ("The Houthis claimed responsibility on Tuesday for a missile attack on a Greek-owned tanker in the Red Sea.", EventType::Assault, "YEM", "GRC"),
            // a victim named by its group is still the victim
            ("Iraqi security forces killed five Islamic State militants in an air strike in Kirkuk province on Tuesday.", EventType::Assault, "IRQ", "IRQ"),
            // the two sides of a battle
            ("Heavy fighting between the army and the Arakan Army broke out near the town of Sittwe in Myanmar's Rakhine state on Saturday.", EventType::Assault, "MMR", "MMR"),
        ];
        for (text, kind, src, tgt) in cases {
            let evs = run(text);
            let ev = event_of(&evs, *kind);
            let country = |r: ActorRole| actor_of(ev, r).and_then(|a| a.country.as_deref());
            assert_eq!(
                country(ActorRole::Source),
                Some(*src).filter(|c| !c.is_empty()),
                "{text}"
            );
            assert_eq!(country(ActorRole::Target), Some(*tgt), "{text}");
        }
        // passive victims are no source; who reports the toll is no target
        for text in [
            "Three police officers were wounded in a grenade attack on a police station in Manipur's Imphal East district late on Saturday.",
            "A bomb blast at a mosque in Peshawar during Friday prayers killed 56 worshippers and injured 194, police said.",
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            let sector = |r: ActorRole| actor_of(ev, r).and_then(|a| a.sector.as_deref());
            assert_ne!(sector(ActorRole::Source), Some("POL"), "{text}");
            if text.contains("worshippers") {
                assert_ne!(sector(ActorRole::Target), Some("POL"), "{text}");
            }
        }
        // the police who arrested people after a clash did not fight in it
        let evs = run("Indonesian police detained 18 people on Friday after clashes between supporters of rival candidates in the Papuan town of Wamena left two dead.");
        let ev = event_of(&evs, EventType::Assault);
        assert_ne!(
            actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
            Some("POL"),
            "{ev:?}"
        );
        // sectors where the countries are the same
        for (text, src, tgt) in [
            ("The Sudanese army accused the RSF on Sunday of killing more than 200 civilians in attacks on villages south of Khartoum.", "REB", "CVL"),
            ("Iraqi security forces killed five Islamic State militants in an air strike in Kirkuk province on Tuesday.", "MIL", "REB"),
            ("Heavy fighting between the army and the Arakan Army broke out near the town of Sittwe in Myanmar's Rakhine state on Saturday.", "MIL", "REB"),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            let sector = |r: ActorRole| actor_of(ev, r).and_then(|a| a.sector.as_deref());
            assert_eq!((sector(ActorRole::Source), sector(ActorRole::Target)), (Some(src), Some(tgt)), "{text}");
        }
        let evs = run("Sudan's army said it had recaptured the town of Singa from the Rapid Support Forces after days of fighting.");
        let ev = event_of(&evs, EventType::Assault);
        let sectors: Vec<Option<&str>> = ev.actors.iter().map(|a| a.sector.as_deref()).collect();
        assert_eq!(sectors[..2], [Some("MIL"), Some("REB")]);
        assert_eq!(
            ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
            Some("Government regains territory")
        );
    }

    #[test]
    fn attackers_named_by_the_trigger_word_act() {
        // (sentence, the source's text and sector, the target's text)
        let cases = [
            ("Gunmen killed at least 12 villagers in Zamfara state, police said on Sunday.", "Gunmen", "villagers"),
            // the trigger after a dateline starts the sentence: no name
            ("GUSAU, Nigeria (Reuters) - Gunmen on motorcycles killed at least 12 villagers and abducted dozens more in an overnight raid on a village in northwest Nigeria's Zamfara state, police said on Sunday.", "Gunmen", "villagers"),
            // a dash is no demonym's bond: "Nigeria - Gunmen" is no mention
            ("GUSAU, Nigeria - Gunmen on motorcycles killed at least 12 villagers in Zamfara state, police said.", "Gunmen", "villagers"),
            ("A suicide bomber blew himself up at the entrance of a police station in northwest Pakistan on Monday, killing nine officers and wounding 17 others, police said.", "suicide bomber", "police"),
            // police who report it are no attackers
            ("Police said gunmen opened fire on a bus in Kano on Friday, killing six passengers.", "gunmen", ""),
        ];
        for (text, src, tgt) in cases {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            let actor =
                |r: ActorRole| actor_of(ev, r).map(|a| (a.text.as_str(), a.sector.as_deref()));
            assert_eq!(actor(ActorRole::Source), Some((src, Some("REB"))), "{text}");
            if !tgt.is_empty() {
                assert_eq!(actor(ActorRole::Target).map(|a| a.0), Some(tgt), "{text}");
            }
        }
        // a weapon named by the trigger is no attacker: the agent after "by" is
        let evs = run("A drone strike by Ethiopia's military hit a minibus near the town of Debre Markos in the Amhara region on Tuesday, killing 11 people.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            actor_text(ev, ActorRole::Source),
            Some("Ethiopia's military")
        );
        // gunmen killed are the target
        let evs = run("Soldiers killed five gunmen in a shootout in Zamfara state on Sunday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(actor_text(ev, ActorRole::Target), Some("gunmen"));
    }

    #[test]
    fn a_place_where_it_happens_is_no_party() {
        // the government protested against is the target, not the city marched through
        for text in [
            "Tens of thousands of people marched through central Belgrade on Saturday demanding the resignation of the government.",
            "Thousands of protesters rallied in Tbilisi on Sunday against the government's decision to suspend EU accession talks.",
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Protest);
            let tgt = actor_of(ev, ActorRole::Target).map(|a| (a.text.as_str(), a.sector.as_deref()));
            assert_eq!(tgt, Some(("government", Some("GOV"))), "{text}");
        }
        // the capital where leaders meet is not one of them
        let evs = run(
            "The two leaders met in Beijing and pledged to deepen their strategic partnership.",
        );
        let ev = event_of(&evs, EventType::Consult);
        assert!(
            ev.actors.iter().all(|a| a.text != "Beijing"),
            "{:?}",
            ev.actors
        );
        // a nationality of the place still tells whose groups they are
        let evs = run("A ceasefire between two rival armed groups took effect in the Libyan capital on Wednesday.");
        let ev = event_of(&evs, EventType::Retreat);
        assert_eq!(
            actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
            Some("LBY")
        );
    }

    #[test]
    fn a_nationality_of_the_place_or_a_weapon_is_no_target() {
        // (sentence, target)
        let cases = [
            (
                "A suicide bomber blew himself up outside a mosque in the northern Afghan city of Kunduz on Friday, killing at least 50 worshippers.",
                "worshippers",
            ),
            (
                "Russia attacked the Ukrainian port city of Odesa with waves of drones overnight, killing one person.",
                "Odesa",
            ),
        ];
        for (text, want) in cases {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            let tgt = actor_text(ev, ActorRole::Target);
            assert_eq!(tgt, Some(want), "{text}");
        }
    }

    #[test]
    fn an_armed_group_that_kills_is_the_attacker() {
        for (text, who) in [
            ("Gang members killed at least 70 people.", "Gang members"),
            (
                "Rebels killed at least 70 people in an attack on a town.",
                "Rebels",
            ),
            (
                "Haitian gang members killed at least 70 people in the town of Saint-Marc.",
                "Haitian gang members",
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            assert_eq!(ev.casualties.killed, Some(70), "{text}");
            let src = actor_text(ev, ActorRole::Source);
            assert_eq!(src, Some(who), "{text}");
        }
        // victims in a headline, a drone shot down, men ordered killed
        for (text, actor, agent) in [
            (
                "Gang members killed at least 70 people",
                "Gang members",
                true,
            ),
            ("Rebels attacked a convoy", "Rebels", true),
            ("Rebels killed in an ambush", "Rebels", false),
            (
                "a Russian drone shot down over Kyiv",
                "Russian drone",
                false,
            ),
            (
                "ordered the two policemen killed, the agency said",
                "policemen",
                false,
            ),
            ("Troops killed", "Troops", false),
        ] {
            let end = text.find(actor).map_or(0, |i| i + actor.len());
            assert_eq!(active_agent(text, end), agent, "{text}");
        }
    }

    #[test]
    fn a_nationality_joined_to_another_shares_its_noun() {
        for (text, target, sector) in [
            (
                "Indian and Chinese troops clashed along their disputed Himalayan border in Ladakh, leaving 20 Indian soldiers dead.",
                "Indian troops",
                "MIL",
            ),
            (
                "Pakistani and Afghan border forces exchanged fire late on Wednesday, killing one.",
                "Pakistani border forces",
                "MIL",
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            let t = actor_of(ev, ActorRole::Target).unwrap_or_else(|| panic!("{ev:?}"));
            assert_eq!((t.text.as_str(), t.sector.as_deref()), (target, Some(sector)));
        }
    }

    #[test]
    fn partners_joined_by_and_share_the_noun_in_talks_too() {
        let evs = run(
            "Ukrainian and Russian officials met in Istanbul on Friday for a third round of talks.",
        );
        let ev = event_of(&evs, EventType::Consult);
        let s = actor_of(ev, ActorRole::Source).unwrap_or_else(|| panic!("{ev:?}"));
        assert_eq!(
            (s.text.as_str(), s.sector.as_deref()),
            ("Ukrainian officials", Some("GOV"))
        );
    }

    #[test]
    fn a_name_inside_a_body_of_waters_name_is_no_place_nor_party() {
        for (text, name, inside) in [
            ("an oil tanker in the Gulf of Aden on Sunday", "Aden", true),
            ("shelled ports on the Sea of Azov", "Azov", true),
            ("fishermen on the shores of Lake Chad", "Chad", true),
            ("warships sailed through the Taiwan Strait", "Taiwan", true),
            ("troops crossed the Dnipro River overnight", "Dnipro", true),
            ("patrols in the South China Sea.", "China", true),
            ("a drone struck Aden on Sunday", "Aden", false),
            ("the Chad Seaborne Company", "Chad", false),
            ("Taiwan Straits Exchange Foundation", "Taiwan", false),
        ] {
            let at = text.find(name).unwrap();
            assert_eq!(in_water_name(text, at, at + name.len()), inside, "{text}");
        }
        let evs = run("Houthi drones attacked an oil tanker in the Gulf of Aden on Sunday.");
        let ev = event_of(&evs, EventType::Assault);
        assert!(
            ev.location.as_ref().is_none_or(|l| l.text != "Aden")
                && ev.actors.iter().all(|a| a.text != "Aden"),
            "{ev:?}"
        );
        assert_eq!(actor_text(ev, ActorRole::Target), Some("oil tanker"));
    }

    #[test]
    fn a_group_that_is_the_verbs_object_is_the_target() {
        for (text, kind, target) in [
            (
                "The Taliban government banned women from studying medicine.",
                EventType::Coerce,
                Some("women"),
            ),
            (
                "Iran's judiciary sentenced eight activists to prison terms of up to 10 years.",
                EventType::Sanction,
                Some("activists"),
            ),
            (
                "A court in Minsk convicted three journalists of extremism on Tuesday.",
                EventType::Sanction,
                Some("journalists"),
            ),
            // (its own fighters, its own envoy: no target)
            (
                "The M23 said it had withdrawn its fighters from the town of Nyabiondo on Wednesday.",
                EventType::Retreat,
                None,
            ),
            (
                "Germany recalled its ambassador to Georgia for consultations.",
                EventType::Sanction,
                Some("Georgia"),
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            assert_eq!(
                actor_text(ev, ActorRole::Target),
                target,
                "{text}: {ev:?}"
            );
        }
        assert!(direct_object("banned women from", 0, 7));
        assert!(direct_object("executed four men", 0, 14));
        assert!(!direct_object("withdrawn its fighters", 0, 14));
        assert!(!direct_object("spoke to the workers", 0, 13));
    }

    #[test]
    fn wire_sentences_of_round_nineteen() {
        // (sentence, kind, source, target)
        let cases = [
            // a crowd counted protests, with no noun
            (
                "Tens of thousands rallied in Tel Aviv on Saturday night to demand a hostage deal.",
                EventType::Protest,
                Some("protesters"),
                Some("Tel Aviv"),
            ),
            // the two sides of "between", past a place and a day
            (
                "Heavy fighting erupted in the Sudanese capital Khartoum on Saturday between the army and the RSF.",
                EventType::Assault,
                Some("army"),
                Some("RSF"),
            ),
            // rivals of one country
            (
                "Ethiopian federal forces and Fano militiamen clashed near Gondar in the Amhara region on Monday, leaving dozens dead.",
                EventType::Assault,
                Some("Fano militiamen"),
                Some("Ethiopian federal forces"),
            ),
            // a court orders an arrest; the official named is its target, without the
            // full stop
            (
                "The International Criminal Court issued an arrest warrant for Russian President Vladimir Putin.",
                EventType::Coerce,
                Some("International Criminal Court"),
                Some("Russian President Vladimir Putin"),
            ),
            // envoys sent away are the target, not the actor
            (
                "The government of Mali ordered the French ambassador to leave the country within 72 hours.",
                EventType::Sanction,
                Some("Mali"),
                Some("French ambassador"),
            ),
            (
                "Separately, the ministry said it had ordered two Estonian diplomats to leave Russia within 72 hours.",
                EventType::Sanction,
                Some("Russia"),
                Some("Estonian"),
            ),
            // aid a government says it will provide is an intent to provide it
            (
                "Japan will provide $200 million in emergency aid to Ukraine, Prime Minister Fumio Kishida said on Tuesday.",
                EventType::Agree,
                Some("Japan"),
                Some("Ukraine"),
            ),
        ];
        for (text, kind, src, tgt) in cases {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            let name = |r| actor_text(ev, r);
            assert_eq!(
                (name(ActorRole::Source), name(ActorRole::Target)),
                (src, tgt),
                "{text}: {ev:?}"
            );
        }
        // the damage a crowd does as it protests is the protest's
        let evs = run("Demonstrators set fire to tyres and blocked streets in Port-au-Prince on Monday, demanding the resignation of the prime minister.");
        event_of(&evs, EventType::Protest);
        assert!(
            !evs.iter().any(|e| e.event_type == EventType::Assault),
            "{evs:?}"
        );
    }

    #[test]
    fn wire_sentences_of_round_twenty_one() {
        // (sentence, mode, ACLED sub-event type, place name)
        let cases = [
            // Israel's strikes are from the air unless a weapon is named
            (
                "An Israeli strike on a car in southern Lebanon killed two members of Hezbollah, the group said.",
                Some("aerial"),
                "Air/drone strike",
                "Lebanon",
            ),
            (
                "An Israeli strike by a drone killed three people in Khan Younis, medics said.",
                Some("drone"),
                "Air/drone strike",
                "Khān Yūnis",
            ),
            // the oblast around the capital
            (
                "Russian drones struck energy infrastructure in the Kyiv region overnight, injuring three people.",
                Some("drone"),
                "Air/drone strike",
                "Kyiv Oblast",
            ),
            // the town of the region named, found with no country named
            (
                "Russian shelling killed a man in the Donetsk region's town of Kostiantynivka, the regional governor said.",
                Some("heavy-weapons"),
                "Shelling/artillery/missile attack",
                "Kostyantynivka",
            ),
        ];
        for (text, mode, sub, place) in cases {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            assert_eq!(
                (
                    ev.mode.as_deref(),
                    ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
                    ev.location.as_ref().map(|l| l.name.as_str()),
                ),
                (mode, Some(sub), Some(place)),
                "{text}: {ev:?}"
            );
        }
        // a city chosen over a small namesake in a country the text names is kept though
        // its own country goes unnamed
        let evs = run(
            "U.S. Secretary of State Marco Rubio met Ukrainian officials in Geneva on Sunday to discuss a peace plan.",
        );
        let ev = event_of(&evs, EventType::Consult);
        assert_eq!(
            ev.location
                .as_ref()
                .map(|l| (l.name.as_str(), l.country.as_str())),
            Some(("Geneva", "CH"))
        );
        // air strikes across a territory and gunfire in one of its towns are two incidents
        let evs = run(
            "Israeli air strikes killed at least 21 Palestinians across the Gaza Strip on Wednesday, health authorities said.\n\n\
             The Israeli military said it had struck militants after gunmen opened fire on soldiers in Rafah. It said one soldier was lightly wounded.",
        );
        let air = evs
            .iter()
            .find(|c| c.mode.as_deref() == Some("aerial"))
            .unwrap_or_else(|| panic!("{evs:?}"));
        assert_eq!(
            (
                air.casualties.killed,
                air.location.as_ref().map(|l| l.name.as_str())
            ),
            (Some(21), Some("Gaza Strip"))
        );
        assert!(
            evs.iter().any(|c| c.mode.as_deref() == Some("firearms")
                && c.location.as_ref().is_some_and(|l| l.name == "Rafaḩ")),
            "{evs:?}"
        );
        // a country named with no word of place before it is whom a statement addresses,
        // not where it is made: the speaker's country; "in Egypt" is a place
        for (text, want) in [
            (
                "Hamas accused Israel of violating the truce and called on mediators Egypt, Qatar and the United States to pressure Israel to stop its attacks.",
                "PS",
            ),
            (
                "In Egypt, the U.S. Secretary of State accused Hamas of violating the truce.",
                "EG",
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Accuse);
            assert_eq!(
                ev.location.as_ref().map(|l| l.country.as_str()),
                Some(want),
                "{text}: {ev:?}"
            );
        }
        // who speaks: the subject of the sentence for its second verb (Hamas asks, and
        // Zelensky, not Russia); for a pronoun subject, the party opening an earlier
        // sentence of the paragraph (a person for "He", a body for "It")
        for (text, kind, speaker) in [
            (
                "Hamas accused Israel of violating the truce and called on mediators Egypt, Qatar and the United States to pressure Israel to stop its attacks.",
                EventType::Request,
                "Hamas",
            ),
            (
                "President Volodymyr Zelensky said the attack showed that Russia wants to continue killing and called on allies to increase pressure on Moscow.",
                EventType::Request,
                "Zelensky",
            ),
            (
                "Ukrainian President Volodymyr Zelenskiy spoke after the attack on Kyiv. He called on allies to send more air defence systems.",
                EventType::Request,
                "Zelenskiy",
            ),
            (
                "The Sudan Doctors Network said the shells hit the camp's market. It blamed the RSF for the attack.",
                EventType::Accuse,
                "Sudan Doctors",
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            let src = actor_text(ev, ActorRole::Source);
            assert!(
                src.is_some_and(|t| t.contains(speaker)),
                "{text}: {ev:?}"
            );
        }
        // the group that claims an attack made it
        let evs = run("The Islamic State group claimed responsibility for the attack, which killed 12 soldiers in Niger's Tillaberi region.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            actor_text(ev, ActorRole::Source),
            Some("Islamic State"),
            "{ev:?}"
        );
        // the incident an arrest is for is no new one; trade curbs are sanctions
        let evs = run("Nigerian police arrested 15 suspects in connection with the kidnapping of schoolgirls in Kebbi state.");
        assert!(
            evs.iter().all(|c| c.event_type != EventType::Assault),
            "{evs:?}"
        );
        assert_eq!(
            event_of(&evs, EventType::Coerce).casualties.arrested,
            Some(15)
        );
        let evs = run("China announced export controls on rare earth minerals in retaliation for U.S. tariffs.");
        let ev = event_of(&evs, EventType::Sanction);
        assert_eq!(actor_text(ev, ActorRole::Source), Some("China"));
        // a country's name does not run on over a joining word into an official's title
        let evs = run("Colombia recalled its ambassador to Washington after President Trump called Gustavo Petro an illegal drug leader.");
        let ev = event_of(&evs, EventType::Sanction);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("Washington"),
            "{ev:?}"
        );
        // a district named with its state is one place, so one incident
        let evs = run("Maoist rebels killed two villagers in Chhattisgarh's Bijapur district.");
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(
            evs[0].location.as_ref().map(|l| l.admin1.as_deref()),
            Some(Some("Chhattīsgarh"))
        );
    }

    #[test]
    fn wire_sentences_of_round_twenty_two() {
        // the parties of a country-level lead go to its precise restatement, which names
        // only the place; a group claiming the attack later is who the fighters were
        let evs = run(
            "BAMAKO, Nov 23 (Example Wire) - Suspected jihadists killed at least 14 soldiers in an ambush on a military convoy in central Mali on Saturday, security sources said.\n\n\
             The convoy was attacked near the town of Boni, between Douentza and Hombori, by fighters on motorbikes.\n\n\
             The al Qaeda-linked group JNIM claimed responsibility for the attack in a statement on Sunday.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                actor_text(ev, ActorRole::Source),
                actor_text(ev, ActorRole::Target),
                ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
                ev.casualties.killed,
            ),
            (
                Some("JNIM"),
                Some("soldiers"),
                Some("Armed clash"),
                Some(14)
            ),
            "{ev:?}"
        );
        // the force that shot at a crowd is the protest's other side, not the crowd
        for (text, force) in [
            ("Kenyan police shot dead three protesters on Tuesday as thousands took to the streets of Nairobi to protest against a new finance bill.", "Kenyan police"),
            ("Police fired tear gas at thousands of demonstrators protesting against the finance bill in Nairobi on Tuesday.", "Police"),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Protest);
            assert_eq!(actor_text(ev, ActorRole::Target), Some(force), "{text}: {ev:?}");
        }
        // (not the police who only tell of it)
        let evs = run("Police said protesters blocked roads in Nairobi on Tuesday.");
        let ev = event_of(&evs, EventType::Protest);
        assert_ne!(
            actor_of(ev, ActorRole::Target).and_then(|a| a.sector.as_deref()),
            Some("POL")
        );
        // who condemns a strike is no party to it; nor is whom a second verb addresses
        // the one condemned
        let evs = run(
            "An Israeli drone strike on a car in southern Lebanon killed two people on Wednesday, Lebanon's health ministry said.\n\n\
             Lebanese President Joseph Aoun condemned the strike and called on the United States and France to pressure Israel to halt its attacks.",
        );
        let strike = event_of(&evs, EventType::Assault);
        assert!(
            strike
                .actors
                .iter()
                .all(|a| a.role != ActorRole::Source || a.country.as_deref() == Some("ISR")),
            "{strike:?}"
        );
        let ev = event_of(&evs, EventType::Accuse);
        assert_ne!(
            actor_text(ev, ActorRole::Target),
            Some("United States"),
            "{ev:?}"
        );
        // a meeting called off is none
        let evs = run(
            "President Bola Tinubu cancelled a planned trip to South Africa for the G20 summit.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Consult),
            "{evs:?}"
        );
        // a suicide car bomb is a suicide attack
        let evs = run("A suicide car bomb exploded outside a restaurant in Mogadishu on Monday, killing nine people.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(ev.mode.as_deref(), Some("suicide-attack"));
        // the subject of a passive verb of blame is blamed, not blaming
        let evs = run("Boko Haram was blamed for the attack.");
        let ev = event_of(&evs, EventType::Accuse);
        assert_eq!(
            (
                actor_text(ev, ActorRole::Source),
                actor_text(ev, ActorRole::Target)
            ),
            (None, Some("Boko Haram"))
        );
        // an opposition leader is no government; a leader known by name inside a title
        // gives it a country
        let evs = run("Israeli opposition leader Yair Lapid accused Prime Minister Benjamin Netanyahu of tearing the country apart.");
        let ev = event_of(&evs, EventType::Accuse);
        let (src, tgt) = (
            actor_of(ev, ActorRole::Source).expect("a speaker"),
            actor_of(ev, ActorRole::Target).expect("a target"),
        );
        assert_eq!(
            (
                src.sector.as_deref(),
                tgt.text.as_str(),
                tgt.country.as_deref()
            ),
            (
                Some("OPP"),
                "Prime Minister Benjamin Netanyahu",
                Some("ISR")
            )
        );
        // a town said to lie in a region it is not in is a namesake: the region is the
        // place, and the capture one event
        let evs = run(
            "KYIV, Nov 27 (Example Wire) - Russia and Ukraine exchanged 150 prisoners of war each on Thursday.\n\n\
             Separately, Russian forces captured the village of Petropavlivka in the Kharkiv region, the Russian defence ministry said.",
        );
        let taken: Vec<_> = evs
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .collect();
        assert_eq!(taken, [Some("Kharkiv Oblast")], "{evs:?}");
        // what a side must do is not done; an agreement welcomed is one told already
        let evs = run(
            "DOHA, Nov 23 (Example Wire) - Congo and the M23 rebel group signed a framework peace agreement in Doha on Saturday.\n\n\
             Congolese President Felix Tshisekedi welcomed the agreement but said the rebels must withdraw from Goma and Bukavu.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Retreat),
            "{evs:?}"
        );
        assert_eq!(
            evs.iter()
                .filter(|e| e.event_type == EventType::Agree)
                .count(),
            1,
            "{evs:?}"
        );
        // what a strike answers is another incident: not its place, toll or target
        let evs = run("Turkish warplanes struck Kurdish militant targets in northern Iraq and Syria on Saturday in retaliation for an attack on a state aerospace company in Ankara that killed five people, the defence ministry said.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.location.as_ref().map(|l| l.country.as_str()),
                ev.casualties.killed,
                actor_text(ev, ActorRole::Target)
            ),
            (Some("IQ"), None, Some("Iraq")),
            "{ev:?}"
        );
        // an ocean named alone is no town; a verb of telling ends an actor's name
        let evs = run("The U.S. military struck a vessel allegedly carrying drugs in the eastern Pacific on Friday, killing four people.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(ev.location, None, "{ev:?}");
        let evs = run(
            "The Israeli military said troops arrested several suspects in the village on Friday.",
        );
        let ev = event_of(&evs, EventType::Coerce);
        assert!(ev.actors.iter().all(|a| !a.text.contains("said")), "{ev:?}");
        // hostages rescued tell a rescue, not an abduction by the rescuers
        let evs = run("Nigerian troops rescued 62 hostages held by bandits in a forest in Zamfara state and killed 11 of their captors, the army said on Wednesday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_ne!(ev.mode.as_deref(), Some("abduct"), "{ev:?}");
        // the attacker a country-level lead names attacks in each precise strike it sums up
        let evs = run(
            "KYIV, Nov 26 (Example Wire) - Russia launched 92 drones and four ballistic missiles at Ukraine overnight, the Ukrainian air force said on Wednesday.\n\n\
             A missile strike on a residential building in the city of Dnipro killed five people and injured 23, the regional governor said. In the Odesa region, a drone attack damaged port infrastructure and injured two workers.",
        );
        let strikes: Vec<_> = evs
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .map(|e| actor_of(e, ActorRole::Source).and_then(|a| a.country.as_deref()))
            .collect();
        assert_eq!(strikes, [Some("RUS"), Some("RUS")], "{evs:?}");
        // a later sentence's answer to an attack adds no attacker; two sides told fighting
        // stay a clash when one side's fire is told next
        let evs = run(
            "BENI, Congo, Nov 24 (Example Wire) - Suspected ADF rebels killed at least 43 civilians in an overnight attack on a village in North Kivu province, officials said.\n\n\
             The army said it had launched an operation to pursue the rebels.",
        );
        let ev = event_of(&evs, EventType::Assault);
        let sources: Vec<_> = ev
            .actors
            .iter()
            .filter(|a| a.role == ActorRole::Source)
            .map(|a| a.sector.as_deref())
            .collect();
        assert_eq!(sources, [Some("REB")], "{ev:?}");
        let evs = run(
            "SRINAGAR, Nov 22 (Example Wire) - Indian and Pakistani troops exchanged fire across the Line of Control in Kashmir overnight, killing two Indian soldiers and a civilian, officials said.\n\n\
             India's army said Pakistani troops had opened fire on its posts in the Poonch sector.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
                ev.casualties.killed
            ),
            (Some("Armed clash"), Some(3)),
            "{ev:?}"
        );
    }

    #[test]
    fn match_scores_are_counted_and_not_ages_seasons_or_names() {
        for (text, want) in [
            ("the Gunners stormed past Chelsea 2-1 on Sunday", 1),
            ("a 3-0 win, then a 1\u{2013}1 draw.", 2),
            ("an 18-year-old man", 0),
            ("the 2023-24 season", 0),
            ("COVID-19 cases", 0),
            ("rose 12-fold", 0),
            ("", 0),
            ("-", 0),
        ] {
            assert_eq!(match_scores(text), want, "{text}");
        }
    }

    /// What `read` finds in the first event of `kind` extracted from `text`.
    fn read_event<T>(text: &str, kind: EventType, read: impl Fn(&Candidate) -> T) -> T {
        read(event_of(&run(text), kind))
    }

    /// A field of an event, as text.
    type Read = fn(&Candidate) -> Option<String>;

    /// The sector of the first actor of `role` in `ev`, owned.
    fn sector_of(ev: &Candidate, role: ActorRole) -> Option<String> {
        actor_of(ev, role).and_then(|a| a.sector.clone().map(String::from))
    }

    #[test]
    fn wire_sentences_of_round_twenty_four() {
        // a toll's day is no incident's: the sentence referring back to the bombing by
        // its perpetrator or a definite noun dates it (published Wednesday March 12)
        for second in [
            "The bomber blew himself up on Saturday morning among passengers waiting for a train.",
            "The attack took place on Saturday morning, police said.",
        ] {
            let text = format!(
                "QUETTA, Pakistan, March 12 (Example Wire) - The death toll from a suicide bombing at a railway station in southwestern Pakistan rose to 26 on Tuesday, police said.\n\n{second}"
            );
            let day = read_event(&text, EventType::Assault, |e| {
                e.date.as_ref().map(|d| d.value.to_string())
            });
            assert_eq!(day.as_deref(), Some("2025-03-08"), "{second}");
        }
        // what is no event: a warning or a fear of what another party may do (one of
        // what the speaker's side may do, or of what the other would suffer, is a threat),
        // a danger posed, a match report, those accused or convicted named in passing,
        // talks proposed, a supply convoy
        let finds: &[(&str, EventType, bool)] = &[
            ("Taiwan's defence ministry warned on Monday that China could launch a blockade of the island with little notice.", EventType::Threaten, false),
            ("The United States warned on Monday that Russia could attack Ukraine within days.", EventType::Threaten, false),
            ("U.S. officials fear that Iran could attack American bases in Iraq if Israel strikes its nuclear facilities.", EventType::Threaten, false),
            ("The Israeli military said its forces had struck Hamas militants who posed a threat to troops.", EventType::Threaten, false),
            ("Iran's navy commander warned on Sunday that Tehran could close the Strait of Hormuz if its oil exports were blocked.", EventType::Threaten, true),
            ("North Korea warned on Sunday that the United States would pay a heavy price for its military drills.", EventType::Threaten, true),
            ("Russia warned on Tuesday that it could strike Kyiv if Ukraine used long-range missiles.", EventType::Threaten, true),
            ("LONDON, March 12 (Example Wire) - Arsenal's striker fired a late winner as the Gunners stormed past Chelsea 2-1 on Sunday, while Liverpool's attack was crushed by a resilient Everton defence.", EventType::Assault, false),
            ("Gunmen stormed a hotel in Kismayo on Monday, killing nine people.", EventType::Assault, true),
            ("Iranian authorities have arrested 21 people accused of spying for Israel in the province of Kermanshah, state media reported on Monday.", EventType::Accuse, false),
            ("Amnesty International on Tuesday condemned Saudi Arabia's execution of a Jordanian man convicted of drug smuggling.", EventType::Sanction, false),
            ("A court in Riyadh convicted a Jordanian man of drug smuggling on Tuesday.", EventType::Sanction, true),
            ("China on Friday rejected a U.S. proposal for new arms control talks.", EventType::Consult, false),
            ("Russian and Ukrainian delegations held direct peace talks in Istanbul on Friday.", EventType::Consult, true),
            ("Jihadist fighters ambushed a supply convoy escorted by soldiers near the town of Djibo on Sunday, killing dozens.", EventType::Mobilize, false),
            ("Students and opposition supporters blocked major roads in Serbia's capital on Friday, demanding early elections.", EventType::Protest, true),
        ];
        for (text, kind, want) in finds {
            let evs = run(text);
            assert_eq!(
                evs.iter().any(|e| e.event_type == *kind),
                *want,
                "{text}: {evs:?}"
            );
        }
        // where (a town's police act in it, "U.S. President" places nothing, the ambush
        // keeps its town, places past "north-central" and "neighbouring") and which ACLED
        // sub-type (homes burned and people killed is an attack, a strike partly
        // intercepted struck, riot police make no riot, explosives-laden drones are drones)
        let place: Read = |e| e.location.as_ref().map(|l| l.name.to_string());
        let sub: Read = |e| e.acled.as_ref().map(|a| a.sub_event_type.to_string());
        let reads: &[(&str, EventType, Read, &str)] = &[
            ("CHICAGO, March 12 (Example Wire) - A Chicago police officer shot and killed a 26-year-old man during a traffic stop on the city's West Side on Saturday, police said.", EventType::Assault, place, "Chicago"),
            ("MOSCOW, March 12 (Example Wire) - Russian President Vladimir Putin and U.S. President Donald Trump spoke by phone for more than two hours on Tuesday, the Kremlin said.", EventType::Consult, place, "Moscow"),
            ("OUAGADOUGOU, March 12 (Example Wire) - Jihadist fighters ambushed a supply convoy escorted by soldiers near the town of Djibo on Sunday, killing dozens, security sources said.", EventType::Assault, place, "Djibo"),
            ("ABUJA, March 12 (Example Wire) - Gunmen killed 18 worshippers at a church in Nigeria's north-central Benue state on Sunday, police said.", EventType::Assault, place, "Benue"),
            ("In neighbouring Plateau state, suspected herders attacked two villages on Friday night, killing 27 people, a local official said.", EventType::Assault, place, "Plateau"),
            ("DAMASCUS, March 12 (Example Wire) - Islamic State militants attacked a checkpoint manned by Kurdish-led forces in eastern Syria's Deir el-Zour province on Wednesday, killing four fighters.", EventType::Assault, place, "Dayr az Zawr"),
            ("PORT-AU-PRINCE, March 12 (Example Wire) - Gang members set fire to dozens of homes and killed at least 15 people in an attack on the town of Mirebalais in central Haiti, a local official said on Tuesday.", EventType::Assault, sub, "Attack"),
            ("Israeli warplanes struck military positions near the Syrian capital Damascus on Sunday, Syria's state news agency SANA said, adding that air defences intercepted some of the missiles.", EventType::Assault, sub, "Air/drone strike"),
            ("TBILISI, March 12 (Example Wire) - Georgian riot police used water cannon and pepper spray to disperse thousands of pro-European protesters outside parliament in Tbilisi late on Tuesday.", EventType::Protest, sub, "Protest with intervention"),
            ("BOGOTA, March 12 (Example Wire) - ELN guerrillas attacked a military base in Colombia's Arauca province with explosives-laden drones on Wednesday, wounding seven soldiers.", EventType::Assault, sub, "Air/drone strike"),
        ];
        for (text, kind, read, want) in reads {
            assert_eq!(
                read_event(text, *kind, read).as_deref(),
                Some(*want),
                "{text}"
            );
        }
        // who: prosecutors and courts are the judiciary, resistance forces rebels, a
        // journalist the media (and who tells of it past a modifier is no party)
        let sectors: &[(&str, EventType, ActorRole, &str)] = &[
            ("PARIS, March 12 (Example Wire) - French prosecutors opened an investigation on Tuesday into an arson attack on a synagogue in the southern city of Montpellier.", EventType::Accuse, ActorRole::Source, "JUD"),
            ("ANKARA, March 12 (Example Wire) - A Turkish court on Tuesday banned access to the social media platform X, the country's telecoms authority said.", EventType::Coerce, ActorRole::Source, "JUD"),
            ("Resistance forces said on Sunday they had captured the town of Lashio in Myanmar's northern Shan state after weeks of fighting with the military.", EventType::Assault, ActorRole::Source, "REB"),
            ("MEXICO CITY, March 12 (Example Wire) - A journalist was shot dead outside his home in the Mexican state of Guerrero on Tuesday, the state prosecutor's office said.", EventType::Assault, ActorRole::Target, "MED"),
        ];
        for (text, kind, role, want) in sectors {
            let sector = read_event(text, *kind, |e| sector_of(e, *role));
            assert_eq!(sector.as_deref(), Some(*want), "{text}");
        }
        // the aid's recipient is its target; cartel members killed are the target; the
        // attackers' own group is none
        let parties: &[(&str, EventType, &str, &str)] = &[
            ("BRUSSELS, March 12 (Example Wire) - European Union leaders pledged on Wednesday to give Ukraine 50 billion euros in financial aid over the next four years, after Hungary dropped its veto.", EventType::Aid, "European Union", "Ukraine"),
            ("MEXICO CITY, March 12 (Example Wire) - Mexican soldiers killed 19 suspected members of a drug cartel in a shootout in the northern state of Sinaloa on Tuesday, the defence ministry said.", EventType::Assault, "Mexican soldiers", "drug cartel"),
            ("Gunmen from the Sinaloa cartel killed six people at a bar in Culiacan on Sunday.", EventType::Assault, "Gunmen", "people"),
            ("BUNIA, March 12 (Example Wire) - Militiamen from the CODECO group killed at least 52 people in an overnight attack on a camp for displaced people in Congo's Ituri province.", EventType::Assault, "CODECO", "people"),
            ("CAIRO, March 12 (Example Wire) - Egyptian authorities arrested a prominent human rights lawyer at his home in Cairo on Wednesday, his wife said.", EventType::Coerce, "Egyptian authorities", "lawyer"),
        ];
        for (text, kind, source, target) in parties {
            let got = read_event(text, *kind, |e| {
                (
                    actor_text(e, ActorRole::Source).map(str::to_string),
                    actor_text(e, ActorRole::Target).map(str::to_string),
                )
            });
            assert_eq!(
                got,
                (Some(source.to_string()), Some(target.to_string())),
                "{text}"
            );
        }
        // a bus between two towns: one abduction, placed at the first
        let evs = run(
            "BAMAKO, March 12 (Example Wire) - Suspected jihadists kidnapped at least 20 civilians from a bus travelling between Gao and Ansongo in northeastern Mali on Tuesday, local officials said.",
        );
        let places: Vec<_> = evs
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .collect();
        assert_eq!(places, [Some("Gao")], "{evs:?}");
        // a weapon of no one named is no attacker: the lead's attacker is; and a region's
        // attacker is that of its towns' strikes of the day
        for (text, killed, attacker) in [
            ("KYIV, March 12 (Example Wire) - Russian drones and missiles struck energy facilities across Ukraine overnight, killing at least four people, Ukrainian officials said on Wednesday.\n\n\
              In the southern city of Odesa, a drone hit a residential building, killing two people and wounding eight, the regional governor said.", 2, "RUS"),
            ("CAIRO, March 12 (Example Wire) - Israeli strikes killed at least 30 Palestinians in the Gaza Strip on Tuesday, local health authorities said.\n\n\
              Medics said an airstrike on a house in the Nuseirat camp in central Gaza killed 12 people on Tuesday.", 12, "ISR"),
        ] {
            let evs = run(text);
            let ev = evs
                .iter()
                .find(|e| e.casualties.killed == Some(killed))
                .unwrap_or_else(|| panic!("no strike killing {killed}: {evs:?}"));
            assert_eq!(
                actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
                Some(attacker),
                "{ev:?}"
            );
        }
        // two who meet a third act together on it; the two sides of a clash past a
        // second noun and a modifier
        for (text, kind, want) in [
            ("Qatari and Egyptian mediators met Hamas officials in Cairo on Tuesday.", EventType::Consult, [(ActorRole::Source, "QAT"), (ActorRole::Source, "EGY"), (ActorRole::Target, "PSE")].as_slice()),
            ("Clashes between government forces and Druze fighters in Sweida killed 30 people on Monday.", EventType::Assault, [(ActorRole::Source, "SYR"), (ActorRole::Target, "SYR")].as_slice()),
        ] {
            let roles = read_event(text, kind, |e| {
                e.actors
                    .iter()
                    .map(|a| (a.role, a.country.clone().map(String::from).unwrap_or_default()))
                    .collect::<Vec<_>>()
            });
            let want: Vec<_> = want.iter().map(|(r, c)| (*r, c.to_string())).collect();
            assert_eq!(roles, want, "{text}");
        }
    }

    #[test]
    fn wire_sentences_of_round_twenty_three() {
        // settlers are a party; who disperses them after their attack holds no protest;
        // "the occupied West Bank" is where it happened
        let evs = run(
            "RAMALLAH, Nov 5 (Example Wire) - Israeli settlers attacked the Palestinian village of Beita in the occupied West Bank, setting fire to cars and homes and wounding at least 10 Palestinians, the Palestinian Red Crescent said on Wednesday.\n\n\
             The Israeli military said it had dispersed the settlers and opened an investigation.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Protest),
            "{evs:?}"
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                actor_text(ev, ActorRole::Source),
                actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
                ev.location.as_ref().map(|l| l.name.as_str()),
                ev.casualties.injured,
            ),
            (
                Some("Israeli settlers"),
                Some("REB"),
                Some("West Bank"),
                Some(10)
            ),
            "{ev:?}"
        );
        // (a crowd is still dispersed, before or after the verb)
        assert_finds(
            &[
                (
                    "Police dispersed hundreds of protesters in Lagos on Monday.",
                    true,
                ),
                (
                    "The rally in Lagos was dispersed by police on Monday.",
                    true,
                ),
            ],
            |e| e.event_type == EventType::Protest,
        );
        // the beheaded are killed, by whom beheaded them
        let evs = run(
            "MAPUTO, Nov 16 (Example Wire) - Islamist insurgents beheaded at least five villagers in Mozambique's northern Cabo Delgado province, a local official said on Sunday.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.casualties.killed,
                actor_text(ev, ActorRole::Source),
                actor_text(ev, ActorRole::Target),
            ),
            (Some(5), Some("insurgents"), Some("villagers")),
            "{ev:?}"
        );
        // "the province of X" is the province; the bomb's restatement with a district of
        // it is the same incident; rangers are a force; a planted bomb is explosives
        let evs = run(
            "BANGKOK, Nov 10 (Example Wire) - A roadside bomb killed two rangers and wounded three others in Thailand's southern province of Narathiwat on Monday, police said.\n\n\
             The bomb exploded as the rangers were patrolling a road in the Rueso district.",
        );
        let bombs: Vec<&Candidate> = evs
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .collect();
        assert_eq!(bombs.len(), 1, "{evs:?}");
        assert_eq!(
            (
                bombs[0].casualties.killed,
                actor_of(bombs[0], ActorRole::Target).and_then(|a| a.sector.as_deref()),
                bombs[0].mode.as_deref(),
            ),
            (Some(2), Some("MIL"), Some("explosives")),
            "{evs:?}"
        );
        let evs =
            run("A bomb killed two soldiers in the southern province of Narathiwat on Monday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.mode.as_deref(),
                ev.location.as_ref().map(|l| l.precision)
            ),
            (Some("explosives"), Some(LocationPrecision::Admin1)),
            "{ev:?}"
        );
        // (bombs dropped from the air are no planted bomb)
        let evs = run("Warplanes dropped bombs on a village in Idlib province on Monday, killing five people.");
        assert_eq!(
            event_of(&evs, EventType::Assault).mode.as_deref(),
            Some("aerial")
        );
        // "the city of X" is the city, not the state of its name; a quarter named before
        // "district of" a city is in the city
        let evs = run("Gunmen killed 10 people at a bar in the central Mexican city of Queretaro late Saturday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            ev.location.as_ref().map(|l| l.precision),
            Some(LocationPrecision::City),
            "{ev:?}"
        );
        let evs = run("Clashes in the Al Hira district of Khartoum killed three people on Monday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            ev.location.as_ref().map(|l| (l.name.as_str(), l.precision)),
            Some(("Khartoum", LocationPrecision::City)),
            "{ev:?}"
        );
        // a protester shot dead with no armed group named is the protest's toll, not an
        // assault of its own
        let evs = run(
            "LIMA, Nov 8 (Example Wire) - Peruvian police fired tear gas at thousands of protesters marching on Congress in Lima on Friday.\n\n\
             One protester was shot dead and dozens were injured, the ombudsman's office said.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Assault),
            "{evs:?}"
        );
        assert_eq!(
            event_of(&evs, EventType::Protest).casualties.killed,
            Some(1)
        );
        // a vague number detained at a protest is the protest's, not arrests of their own
        let evs = run(
            "TBILISI, Nov 2 (Example Wire) - Georgian police used water cannon and pepper spray to disperse protesters outside parliament in Tbilisi overnight, detaining dozens, the interior ministry said on Sunday.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Coerce),
            "{evs:?}"
        );
        let ev = event_of(&evs, EventType::Protest);
        assert!(
            ev.casualties.vague.iter().any(|v| v == "arrested"),
            "{ev:?}"
        );
        // the subject of a sentence acts in its second verb and its gerund too
        let evs = run(
            "WARSAW, Nov 12 (Example Wire) - Poland ordered the closure of the last Russian consulate on its territory on Wednesday and expelled its staff, after accusing Moscow of being behind the sabotage of a railway line.",
        );
        for kind in [EventType::Sanction, EventType::Accuse] {
            let ev = event_of(&evs, kind);
            assert_eq!(
                (
                    actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
                    ev.location.as_ref().map(|l| l.country.as_str()),
                ),
                (Some("POL"), Some("PL")),
                "{ev:?}"
            );
        }
        // those accused of something as the object of another verb are no accusation
        assert_finds(
            &[
                ("The United States on Friday imposed sanctions on two Chinese companies accused of supplying drone parts to Russia.", false),
                ("Venezuelan authorities arrested three opposition activists accused of plotting to destabilise the country.", false),
                ("Greece downgraded relations with Liberia, which Athens accused of repeated violations.", true),
                ("Kyiv accused Moscow of violating the truce.", true),
            ],
            |e| e.event_type == EventType::Accuse,
        );
        // a quarter of a city named by its possessive is no town elsewhere
        let evs = run(
            "CHICAGO, Nov 13 (Example Wire) - Three people were killed and five wounded in a shooting at a house party on Chicago's South Side early Sunday, police said.",
        );
        let places: Vec<&str> = evs
            .iter()
            .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .collect();
        assert_eq!(places, ["Chicago"], "{evs:?}");
        // the subject of a relative clause with a passive is its target
        let evs = run(
            "ABUJA, Nov 14 (Example Wire) - Nigerian troops rescued 24 schoolgirls who were abducted by gunmen from a boarding school in Kebbi state last week, the presidency said on Friday.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("schoolgirls"),
            "{ev:?}"
        );
        // an opening phrase naming the incident leaves the telling to the sentence's verb
        let evs = run(
            "KYIV, Nov 19 (Example Wire) - Russian drones struck the western city of Ternopil overnight, killing at least 25 people.\n\n\
             In a separate attack, a Russian glide bomb hit a residential building in Zaporizhzhia on Tuesday evening, injuring 12 people, regional governor Ivan Fedorov said.",
        );
        let ev = evs
            .iter()
            .find(|e| e.casualties.injured == Some(12))
            .unwrap_or_else(|| panic!("{evs:?}"));
        assert_eq!(
            (
                actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
                actor_of(ev, ActorRole::Target).and_then(|a| a.country.as_deref()),
            ),
            (Some("RUS"), Some("UKR")),
            "{ev:?}"
        );
        // where the wounded died is no party
        let evs = run(
            "PESHAWAR, Pakistan, Nov 18 (Example Wire) - The death toll from a suicide bombing at a mosque in northwest Pakistan rose to 17 on Tuesday, police said, as more victims died in hospital.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_ne!(
            actor_text(ev, ActorRole::Target),
            Some("hospital"),
            "{ev:?}"
        );
        // the group of those killed is no attacker ("dissidents of the former FARC")
        let evs = run(
            "BOGOTA, Nov 15 (Example Wire) - Colombia's army said on Saturday it had killed 19 dissidents of the former FARC rebel group in a bombing raid on a camp in the southern department of Guaviare.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
                actor_text(ev, ActorRole::Target),
            ),
            (Some("MIL"), Some("FARC")),
            "{ev:?}"
        );
        // a force said where it is still fires on the crowd
        let evs = run(
            "NAIROBI, Nov 10 (Example Wire) - Security forces in Tanzania shot dead at least 10 protesters in Dar es Salaam on Monday as demonstrations erupted after the disputed presidential election.",
        );
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("Security forces"),
            "{ev:?}"
        );
        // a place that only tells where another lies is no incident's; those killed as
        // suspects are the target
        let evs = run(
            "MANILA, Nov 12 (Example Wire) - Philippine police killed five suspected drug dealers in a raid in Bulacan province north of Manila on Wednesday, police said.",
        );
        assert_eq!(evs.len(), 1, "{evs:?}");
        assert_eq!(
            (
                evs[0].location.as_ref().map(|l| l.precision),
                actor_text(&evs[0], ActorRole::Target),
            ),
            (Some(LocationPrecision::Admin2), Some("drug dealers")),
            "{evs:?}"
        );
        // a second noun past a verb is another actor
        let evs = run("Turkish police detain suspects in Istanbul.");
        let ev = event_of(&evs, EventType::Coerce);
        assert_eq!(
            (
                actor_text(ev, ActorRole::Source),
                actor_text(ev, ActorRole::Target)
            ),
            (Some("Turkish police"), Some("suspects")),
            "{ev:?}"
        );
        // a statement is made where its speaker is, not at the places it names
        for (text, place) in [
            ("BRUSSELS, Nov 17 (Example Wire) - The European Union urged Israel on Monday to allow more aid into Gaza, saying the humanitarian situation was catastrophic.", "Brussels"),
            ("ADDIS ABABA, Nov 19 (Example Wire) - The African Union on Wednesday called on M23 rebels to withdraw from Goma and Bukavu.", "Addis Ababa"),
            ("WASHINGTON, Nov 16 (Example Wire) - The United States accused Iran on Sunday of supplying missiles to Houthi rebels in Yemen.", "Washington"),
        ] {
            let evs = run(text);
            assert!(
                evs.iter().any(|e| e.location.as_ref().map(|l| l.name.as_str()) == Some(place)),
                "{text}: {evs:?}"
            );
        }
        // (with no dateline, the place named is the best guess)
        let evs =
            run("President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers.");
        let ev = event_of(&evs, EventType::Threaten);
        assert_eq!(ev.location.as_ref().map(|l| l.country.as_str()), Some("DZ"));
        // the toll told first, the strike after "after": the strike's subject attacks
        let evs = run(
            "KYIV, Nov 15 (Example Wire) - Two people were killed and 15 others were injured, including four children, after a Russian missile struck a residential area of Dnipro on Saturday, regional governor Serhiy Lysak said.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
                ev.casualties.killed,
                ev.casualties.injured,
            ),
            (Some("RUS"), Some(2), Some(15)),
            "{ev:?}"
        );
        // a bomb at a rally is an attack on it, modifiers or not
        let evs = run(
            "ISLAMABAD, Nov 17 (Example Wire) - Dozens of people were wounded and at least seven killed when a bomb exploded at a political rally in the southwestern city of Quetta on Sunday, police said.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Protest),
            "{evs:?}"
        );
        assert_eq!(
            event_of(&evs, EventType::Assault).casualties.killed,
            Some(7)
        );
        // "a second strike" on another day is another incident, even with no toll
        let evs = run(
            "KHARTOUM, Nov 19 (Example Wire) - Drone strikes on a market in the city of El Obeid killed at least 40 people on Tuesday night, according to local medics. A second strike hit a fuel depot in the city early Wednesday.",
        );
        let strikes: Vec<&Candidate> = evs
            .iter()
            .filter(|e| e.event_type == EventType::Assault)
            .collect();
        assert_eq!(strikes.len(), 2, "{evs:?}");
        assert_ne!(strikes[0].date, strikes[1].date, "{evs:?}");
        // a group claiming it in a sentence of its own attacked; "Somalia's capital" filed
        // from Mogadishu is Mogadishu
        let evs = run(
            "MOGADISHU, Somalia (Example Wire) - A car bomb exploded outside a busy restaurant in Somalia's capital on Friday evening, killing at least seven people and wounding 15 others, police said. The al-Qaida-linked al-Shabab group claimed responsibility.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                actor_text(ev, ActorRole::Source),
                ev.location.as_ref().map(|l| l.name.as_str()),
            ),
            (Some("al-Shabab"), Some("Mogadishu")),
            "{ev:?}"
        );
        // where people flee to is no place of the clash
        let evs = run(
            "KINSHASA, Congo (Example Wire) - Congolese soldiers and allied militias clashed with M23 rebels near the town of Sake on Thursday, forcing thousands of residents to flee toward Goma.",
        );
        let places: Vec<&str> = evs
            .iter()
            .filter_map(|e| e.location.as_ref().map(|l| l.name.as_str()))
            .collect();
        assert_eq!(places, ["Sake"], "{evs:?}");
        // raids in which people are detained are arrests only
        let evs = run(
            "ISTANBUL (Example Wire) - Turkish police detained more than 100 people in raids across 20 provinces targeting suspected members of the Islamic State group, the interior minister said Tuesday.",
        );
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Assault),
            "{evs:?}"
        );
        event_of(&evs, EventType::Coerce);
        // a gunfight is a clash with guns; allies named together are not two sides
        let evs = run(
            "NEW DELHI (Example Wire) - Indian troops killed three suspected militants in a gunfight in Indian-controlled Kashmir's Kupwara district on Sunday, the army said.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.mode.as_deref(),
                ev.acled.as_ref().map(|a| a.sub_event_type.as_str())
            ),
            (Some("firearms"), Some("Armed clash")),
            "{ev:?}"
        );
        let evs = run(
            "PORT-AU-PRINCE, Haiti (Example Wire) - Haitian police and Kenyan-led forces killed at least 10 suspected gang members in an operation in the Port-au-Prince neighborhood of Delmas on Saturday, police said.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("gang members"),
            "{ev:?}"
        );
        // a state executes at home, its own people
        let evs = run(
            "DUBAI, Nov 14 (Example Wire) - Iran executed two men convicted of spying for Israel's Mossad intelligence agency, the judiciary's Mizan news agency said on Friday.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (
                ev.location.as_ref().map(|l| l.country.as_str()),
                actor_of(ev, ActorRole::Target).and_then(|a| a.country.as_deref()),
                ev.casualties.killed,
            ),
            (Some("IR"), Some("IRN"), Some(2)),
            "{ev:?}"
        );
        // a rejected claim tells no attack
        assert_finds(
            &[
                ("India on Tuesday rejected Pakistan's claim that it had shot down Indian fighter jets over Kashmir.", false),
                ("Pakistan said it had shot down two Indian fighter jets over Kashmir on Tuesday.", true),
            ],
            |e| e.event_type == EventType::Assault,
        );
        // fighting an accord is to end is no incident
        assert_finds(
            &[(
                "Congo and the M23 rebels signed a framework agreement in Doha on Tuesday aimed at ending fighting in eastern Congo.",
                false,
            )],
            |e| e.event_type == EventType::Assault,
        );
    }

    #[test]
    fn wire_sentences_of_round_twenty() {
        // (sentence, kind, mode, source, target)
        let cases = [
            // headline verbs in the present tense
            (
                "The European Union urges Israel to allow more humanitarian aid into Gaza.",
                EventType::Request,
                Some("assist"),
                Some("European Union"),
                Some("Israel"),
            ),
            (
                "Hamas rejects the latest ceasefire proposal, saying it fails to meet its demands.",
                EventType::Reject,
                Some("yield"),
                Some("Hamas"),
                None,
            ),
            (
                "Nigeria's army frees 20 hostages held by bandits in Zamfara.",
                EventType::Retreat,
                Some("release"),
                Some("Nigeria's army"),
                Some("hostages"),
            ),
            // what is asked for gives the mode; a leader named alone has a country
            (
                "UN Secretary-General Antonio Guterres called for an immediate ceasefire in Sudan on Monday.",
                EventType::Request,
                Some("yield"),
                Some("UN Secretary-General Antonio Guterres"),
                Some("Sudan"),
            ),
            (
                "Zelenskiy asked Western allies on Tuesday for more air defence systems to protect Ukraine's power grid.",
                EventType::Request,
                Some("assist"),
                Some("Zelenskiy"),
                None,
            ),
            // foreign troops told to go
            (
                "The military junta in Niger ordered French troops to leave the country by the end of the year.",
                EventType::Sanction,
                Some("expel"),
                Some("Niger"),
                Some("French troops"),
            ),
            // a judicial execution; the conviction only describes the men
            (
                "Iran executed four men convicted of spying for Israel, the judiciary said.",
                EventType::Assault,
                Some("execute"),
                Some("Iran"),
                Some("men"),
            ),
            // an aircraft shot down is an attack on its crew
            (
                "Rebels shot down a military helicopter in Mali, killing its two pilots.",
                EventType::Assault,
                Some("firearms"),
                Some("Rebels"),
                Some("military"),
            ),
            // an armed group's attack needs no weapon named
            (
                "The Houthis claimed responsibility for an attack on a Greek-flagged tanker in the Red Sea.",
                EventType::Assault,
                None,
                Some("Houthis"),
                Some("Greek-flagged tanker"),
            ),
            // the year of the accord is no history
            (
                "India and Pakistan agreed to restore the 2003 ceasefire along the Line of Control.",
                EventType::Agree,
                None,
                Some("India"),
                Some("Pakistan"),
            ),
            (
                "The Israeli army demolished 12 Palestinian homes in the occupied West Bank on Tuesday.",
                EventType::Assault,
                Some("destroy"),
                Some("Israeli army"),
                Some("Palestinian"),
            ),
            (
                "Hackers linked to Russia's GRU carried out a cyberattack on Polish ministries, officials said.",
                EventType::Coerce,
                Some("cyber"),
                Some("Russia"),
                Some("Polish"),
            ),
            (
                "Pakistan closed its border crossings with Afghanistan after clashes between troops.",
                EventType::Coerce,
                Some("restrict"),
                Some("Pakistan"),
                Some("troops"),
            ),
        ];
        for (text, kind, mode, src, tgt) in cases {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            let name = |r| actor_text(ev, r);
            assert_eq!(
                (
                    ev.mode.as_deref(),
                    name(ActorRole::Source),
                    name(ActorRole::Target)
                ),
                (mode, src, tgt),
                "{text}: {ev:?}"
            );
        }
        let helicopter =
            run("Rebels shot down a military helicopter in Mali, killing its two pilots.");
        let ev = event_of(&helicopter, EventType::Assault);
        assert_eq!(ev.casualties.killed, Some(2));
        assert_ne!(
            ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
            Some("Disrupted weapons use")
        );
        // drones shot down are the attacker's attack, intercepted
        let evs = run(
            "Ukrainian air defences shot down 40 of the 60 drones launched by Russia overnight.",
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(actor_text(ev, ActorRole::Source), Some("Russia"));
        // a refusal to act is a rejection; a refusal to comment is none
        let evs = run("U.S. Secretary of State Marco Rubio declined to meet his Cuban counterpart during the summit.");
        event_of(&evs, EventType::Reject);
        // nouns that look like statement verbs, and "asked" that asks nothing
        for text in [
            "A State Department spokesman declined to comment on the report.",
            "The strikers said they would not return until the government met their demands.",
            "A Ukrainian official, who asked not to be named, said three drones were launched.",
            "The commanders face asset freezes and travel bans, the Foreign Office said.",
        ] {
            let evs = run(text);
            assert!(
                !evs.iter()
                    .any(|e| matches!(e.event_type, EventType::Request | EventType::Coerce)),
                "{text}: {evs:?}"
            );
        }
    }

    #[test]
    fn statements_of_long_wire_stories() {
        // an anniversary marked today: the march is the day's protest, and the tear gas
        // fired at it is its intervention, no assault of its own
        let evs = run("NAIROBI (AP) - Kenyan police fired tear gas and water cannon on Wednesday at thousands of protesters who marched in the capital to mark the first anniversary of last year's deadly anti-tax demonstrations.");
        event_of(&evs, EventType::Protest);
        assert!(
            !evs.iter().any(|e| e.event_type == EventType::Assault),
            "{evs:?}"
        );
        // an accusation placed only by a foreign dateline is the speaker's country's
        let evs = run("BEIRUT, March 12 (Reuters) - The Israeli military said it had struck Hezbollah operatives and accused the group of violating the truce.");
        let ev = event_of(&evs, EventType::Accuse);
        assert_eq!(
            ev.location.as_ref().map(|l| l.country.as_str()),
            Some("IL"),
            "{ev:?}"
        );
        // an appeal is not placed in the country it is addressed to, and what it asks
        // for (past the month of the accord's year) is no event
        let evs = run("Lebanese President Joseph Aoun called on the United States and France, which brokered the November 2024 ceasefire, to pressure Israel to halt its attacks and withdraw from five hilltop positions.");
        let ev = event_of(&evs, EventType::Request);
        assert_eq!(
            ev.location.as_ref().map(|l| l.country.as_str()),
            Some("LB"),
            "{ev:?}"
        );
        assert!(
            !evs.iter().any(|e| e.event_type == EventType::Retreat),
            "{evs:?}"
        );
        // the one accused is the target, never the speaker; no speaker named, none given
        let evs = run("Voronina also accused the Estonian authorities of \"harassing\" Russian-speaking residents, without giving details.");
        let ev = event_of(&evs, EventType::Accuse);
        assert_eq!(actor_text(ev, ActorRole::Source), None);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("Estonian authorities")
        );
        // background: a pattern kept up, and what followed an incident of a past year
        for text in [
            "Kyiv has responded with drone strikes on Russian oil refineries.",
            "Last year, more than 60 people were killed when police opened fire on protesters who stormed parliament. Ruto later withdrew the bill and dissolved his cabinet.",
        ] {
            let evs = run(text);
            assert!(evs.is_empty(), "{text}: {evs:?}");
        }
        // a crowd clashing with police riots
        let evs = run("Fans clashed with police outside the stadium after the match, and three people were arrested, police said.");
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(ev.mode.as_deref(), Some("riot"));
        assert!(
            !evs.iter().any(|e| e.event_type == EventType::Assault),
            "{evs:?}"
        );
        // the country of an office's remit is not its holder's ("the United Nations
        // special rapporteur on Myanmar")
        let evs = run(
            "The United Nations special rapporteur on Myanmar, Tom Andrews, condemned the attack.",
        );
        let ev = event_of(&evs, EventType::Accuse);
        assert_eq!(actor_text(ev, ActorRole::Source), Some("United Nations"));
        // an unplaced incident is not where another one told after it happened; a
        // preposition's place past "suburban"
        let evs = run("A gunman opened fire at a shopping mall on Saturday afternoon, killing four people.\n\nIt was the second mass shooting in Texas this month. On March 2, a gunman killed three people at a bar in Houston.");
        let mall = evs
            .iter()
            .find(|c| c.casualties.killed == Some(4))
            .expect("the mall shooting");
        assert_eq!(mall.location, None, "{mall:?}");
        let evs = run("A gunman opened fire at a shopping mall in suburban Dallas on Saturday, killing four people.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            ev.location.as_ref().map(|l| l.name.as_str()),
            Some("Dallas")
        );
        // an incident a day apart lends the one told first neither its weapon nor its
        // trigger; the 30 killed in the raids are the lead's
        let evs = run("ISLAMABAD, March 12 (Reuters) - Pakistani security forces killed 30 militants in a series of raids in the northwestern province of Khyber Pakhtunkhwa, the military said on Thursday, a day after a suicide bombing at a police station killed seven officers.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            (ev.mode.as_deref(), ev.casualties.killed),
            (None, Some(30)),
            "{ev:?}"
        );
        // a gang on a rampage is the attacker; a named official of no stated country
        // speaks for the country the report is from
        let evs = run("Gang members rampaged through the town of Pont-Sonde in central Haiti on Thursday, killing at least 70 people, the United Nations said.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(actor_text(ev, ActorRole::Source), Some("Gang members"));
        let evs = run("PORT-AU-PRINCE (AP) - Prime Minister Garry Conille condemned the killings as a heinous crime.");
        let ev = event_of(&evs, EventType::Accuse);
        let src = actor_of(ev, ActorRole::Source);
        assert_eq!(
            src.map(|a| (a.text.as_str(), a.country.as_deref())),
            Some(("Prime Minister Garry Conille", Some("HTI")))
        );
        // a possessive ends a name
        let evs = run("Tens of thousands of students blocked three bridges in Belgrade on Saturday, escalating protests against President Aleksandar Vucic's rule.");
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(
            actor_text(ev, ActorRole::Target),
            Some("President Aleksandar Vucic")
        );
        // an accord referred to is no new one; talks set to begin have not; a mediator
        // described by its part is no meeting
        for text in [
            "Congo's government accused Rwanda of violating the agreement.",
            "Egypt and Qatar, which mediated the deal along with the United States, said negotiations on the second phase would begin next week.",
        ] {
            let evs = run(text);
            assert!(
                !evs.iter().any(|e| matches!(e.event_type, EventType::Agree | EventType::Consult)),
                "{text}: {evs:?}"
            );
        }
        // a body of no country appeals from nowhere in particular
        let evs = run("The European Union urged Georgian authorities to investigate reports of irregularities, and the United States called for a full investigation.");
        let ev = event_of(&evs, EventType::Request);
        assert_eq!(ev.location, None, "{ev:?}");
        // the one handed something is not its source, nor is who tells of it
        let evs = run("The hostages were handed over to the Red Cross in Deir al-Balah in central Gaza and taken to Israel, the Israeli military said.");
        let ev = event_of(&evs, EventType::Retreat);
        assert_eq!(actor_of(ev, ActorRole::Source), None, "{ev:?}");
        // a two-city dateline is a dateline (its date dates nothing); a verb between a
        // country and a weapon makes no actor of them
        let evs = run("NEW DELHI/ISLAMABAD, March 12 (Reuters) - India launched missile strikes on nine sites in Pakistan early on Monday.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            ev.date.as_ref().map(|d| d.value.to_string()).as_deref(),
            Some("2025-03-10")
        );
        assert_eq!(actor_text(ev, ActorRole::Source), Some("India"));
        // an international body that urges "both countries" is the speaker
        let evs = run("India and Pakistan exchanged fire on Monday. The U.N. Secretary-General urged both countries to exercise maximum military restraint.");
        let ev = event_of(&evs, EventType::Request);
        assert_eq!(
            actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
            Some("IGO")
        );
        // talks to come are no talks
        let evs = run("The White House said Trump would travel to Saudi Arabia next month for talks with Crown Prince Mohammed bin Salman.");
        assert!(evs.is_empty(), "{evs:?}");
        let evs = run("Rights groups condemned the crackdown and called for an independent investigation into the killings.");
        let ev = event_of(&evs, EventType::Accuse);
        assert_eq!(
            actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
            Some("NGO")
        );
    }

    #[test]
    fn a_crowd_named_before_its_relative_clause_protests() {
        let evs = run("Bolivian police fired tear gas at supporters of former president Evo Morales who were blocking highways near Cochabamba.");
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(
            actor_text(ev, ActorRole::Source),
            Some("supporters"),
            "{ev:?}"
        );
        assert!(
            !evs.iter().any(|e| e.event_type == EventType::Assault),
            "{evs:?}"
        );
    }

    #[test]
    fn the_speaker_named_after_the_fact_is_no_target() {
        let text = "Russian forces captured the village of Ocheretyne in Ukraine's Donetsk region, the defence ministry in Moscow said.";
        let evs = run(text);
        let ev = event_of(&evs, EventType::Assault);
        assert!(
            ev.actors.iter().all(|a| !a.text.contains("ministry")),
            "{ev:?}"
        );
        assert!(trailing_speaker(text, 83, 99), "{}", &text[83..99]);
    }

    #[test]
    fn forces_sent_deploy_and_weapons_sent_are_aid() {
        for (text, kind, source) in [
            (
                "The Pentagon said it would send 3,000 additional troops to the Middle East.",
                EventType::Mobilize,
                "USA",
            ),
            (
                "Germany will deliver four more Patriot air defence systems to Ukraine, Defence Minister Boris Pistorius said on Tuesday.",
                EventType::Aid,
                "DEU",
            ),
            // aid pledged has its giver and its receiver
            // (PLOVER's AGREE: an intent to provide aid; the typer may read it as AID)
            (
                "Japan pledged $50 million in humanitarian aid to Gaza on Tuesday.",
                EventType::Agree,
                "JPN",
            ),
        ] {
            let evs = run(text);
            let ev = evs
                .iter()
                .find(|e| e.event_type == kind)
                .unwrap_or_else(|| panic!("{text}: {evs:?}"));
            let src = actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref());
            assert_eq!(src, Some(source), "{text}");
        }
        for text in [
            "The terminal supplied fuel to Russian forces, the General Staff said.",
            "She urged allies on Friday to send more air defence systems.",
            "Congo accused neighbouring Rwanda of sending troops to support the M23 offensive.",
            "Moscow would respond if British-supplied long-range missiles were used.",
            "The ministry sent a letter to the embassy on Monday.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter()
                    .all(|e| !matches!(e.event_type, EventType::Mobilize | EventType::Aid)),
                "{text}: {evs:?}"
            );
        }
        // a ceasefire extended is one declared again
        let text =
            "Colombia's government and the ELN rebel group extended their ceasefire by six months.";
        let evs = run(text);
        assert_eq!(
            event_of(&evs, EventType::Retreat).mode.as_deref(),
            Some("ceasefire")
        );
    }

    #[test]
    fn what_an_act_is_meant_to_bring_about_or_prevent_is_no_event() {
        for (text, kind) in [
            (
                "The United Nations called on both sides in Sudan to agree to a humanitarian ceasefire to allow aid deliveries to Darfur.",
                EventType::Aid,
            ),
            (
                "Zelenskiy said Ukraine needed more air defence systems from its Western allies to protect its cities from Russian missile strikes.",
                EventType::Assault,
            ),
            (
                "About 600 soldiers entered the capital on foot, saying they were moving to prevent further fighting.",
                EventType::Assault,
            ),
        ] {
            let evs = run(text);
            assert!(evs.iter().all(|e| e.event_type != kind), "{text}: {evs:?}");
        }
        // a clause of its own after the purpose is told as it happened
        let text = "Police fired tear gas to prevent a march, and gunmen attacked a convoy, killing four soldiers.";
        let evs = run(text);
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(ev.casualties.killed, Some(4), "{text}");
    }

    #[test]
    fn a_rally_attacked_is_the_scene_not_a_protest() {
        let text = "A suicide bomber blew himself up at a rally of a pro-government party in Bajaur district, killing 54 people and injuring nearly 200.";
        let evs = run(text);
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Protest),
            "{evs:?}"
        );
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(ev.mode.as_deref(), Some("suicide-attack"));
        assert_eq!(ev.location.as_ref().map(|l| l.country.as_str()), Some("PK"));
        // a rally that is attacked by no one stays a rally
        let text = "Thousands of opposition supporters held a rally in Lahore on Sunday.";
        event_of(&run(text), EventType::Protest);
    }

    #[test]
    fn an_incident_placed_nowhere_happened_in_its_actors_home() {
        for (text, kind, home) in [
            (
                "Myanmar's military junta released more than 3,000 prisoners in an amnesty.",
                EventType::Retreat,
                Some("MM"),
            ),
            (
                "Haitian gang members killed at least 70 people in an attack on the town.",
                EventType::Assault,
                Some("HT"),
            ),
            (
                "Kenyan doctors went on strike on Monday to demand better pay.",
                EventType::Protest,
                Some("KE"),
            ),
            // an army strikes abroad; a withdrawal is from somewhere else
            (
                "Russian warplanes bombed a convoy, killing 12 people.",
                EventType::Assault,
                None,
            ),
            (
                "Britain withdrew its ambassador on Tuesday.",
                EventType::Retreat,
                None,
            ),
        ] {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            let at = ev.location.as_ref().map(|l| l.country.as_str());
            assert_eq!(at, home, "{text}: {ev:?}");
        }
    }

    #[test]
    fn drones_launched_are_an_attack_by_whoever_launched_them() {
        for text in [
            "Russia launched 60 drones at Ukraine overnight, the air force said on Thursday.",
            "The air force said 54 of the 68 drones launched by Russia overnight were shot down.",
        ] {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Assault);
            assert_eq!(ev.mode.as_deref(), Some("drone"), "{text}");
            let src = actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref());
            assert_eq!(src, Some("RUS"), "{text}");
        }
        // launched without a weapon is no attack
        for text in [
            "Armed police launched an investigation into the fire on Monday.",
            "Troops launched a massive hunt for the gunman in the hills on Wednesday.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter().all(|e| e.event_type != EventType::Assault),
                "{text}: {evs:?}"
            );
        }
    }

    #[test]
    fn exercises_of_one_military_are_a_show_of_force() {
        for (text, kind) in [
            (
                "Chinese warships and aircraft staged drills around Taiwan on Monday.",
                EventType::Mobilize,
            ),
            (
                "Russia held naval drills in the Baltic Sea on Tuesday, the defence ministry said.",
                EventType::Mobilize,
            ),
            (
                "South Korea and the United States began their annual military exercises on Monday.",
                EventType::Cooperate,
            ),
            (
                "India and France held joint naval exercises off Goa on Friday.",
                EventType::Cooperate,
            ),
        ] {
            let evs = run(text);
            event_of(&evs, kind);
        }
    }

    #[test]
    fn the_toll_of_what_a_protest_is_about_is_not_its_own() {
        let evs = run("Protesters in Belgrade blocked a major highway for several hours on Saturday, demanding accountability for the collapse of a railway station canopy that killed 15 people.");
        assert!(evs.iter().all(|e| e.casualties.killed.is_none()), "{evs:?}");
        event_of(&evs, EventType::Protest);
        // a protest's own toll stays ("a march that left three dead")
        let evs =
            run("Police fired on a march that killed three protesters in Nairobi on Tuesday.");
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(ev.casualties.killed, Some(3), "{evs:?}");
    }

    #[test]
    fn where_an_arrest_happens_makes_no_one_act() {
        let evs = run("Security forces in Bangladesh detained dozens of opposition activists ahead of Sunday's election, party officials said.");
        let ev = event_of(&evs, EventType::Coerce);
        let who = |r| actor_of(ev, r).map(|a| (a.text.as_str(), a.country.as_deref()));
        assert_eq!(
            who(ActorRole::Source),
            Some(("Security forces", Some("BGD")))
        );
        assert_eq!(who(ActorRole::Target), Some(("activists", Some("BGD"))));
    }

    #[test]
    fn the_group_blamed_acts_and_a_bloc_protested_against_keeps_no_country() {
        let evs = run("A landmine explosion killed four soldiers in Colombia's Cauca province on Monday, the army said, blaming FARC dissidents.");
        let ev = event_of(&evs, EventType::Assault);
        let src = actor_of(ev, ActorRole::Source).map(|a| (a.text.as_str(), a.sector.as_deref()));
        assert_eq!(src, Some(("FARC", Some("REB"))), "{evs:?}");
        let evs = run("Thousands of farmers blocked roads with tractors across France on Monday, protesting against low prices and EU trade deals.");
        let ev = event_of(&evs, EventType::Protest);
        let tgt = actor_of(ev, ActorRole::Target).expect("a target");
        assert_eq!((tgt.text.as_str(), tgt.country.as_deref()), ("EU", None));
    }

    #[test]
    fn two_attacks_of_one_sentence_each_have_their_own_source() {
        let evs = run("Hezbollah fired dozens of rockets at northern Israel on Sunday, the Israeli military said, and Israel responded with strikes on southern Lebanon.");
        let source_at = |country: &str| {
            evs.iter()
                .find(|e| e.location.as_ref().is_some_and(|l| l.country == country))
                .and_then(|e| actor_of(e, ActorRole::Source))
                .map(|a| a.text.clone())
        };
        assert_eq!(source_at("IL").as_deref(), Some("Hezbollah"), "{evs:?}");
        assert_eq!(source_at("LB").as_deref(), Some("Israel"), "{evs:?}");
    }

    #[test]
    fn a_ship_seized_is_property_taken() {
        let evs = run("Iran's Revolutionary Guards seized a British-flagged oil tanker in the Strait of Hormuz on Friday, state media reported.");
        let ev = event_of(&evs, EventType::Coerce);
        assert_eq!(ev.mode.as_deref(), Some("seize"));
        assert!(
            evs.iter().all(|e| e.event_type != EventType::Assault),
            "{evs:?}"
        );
        // ground seized stays an attack
        let evs = run("M23 rebels seized the town of Masisi after heavy fighting on Tuesday.");
        event_of(&evs, EventType::Assault);
    }

    #[test]
    fn mediators_who_report_a_deal_are_no_party_to_it() {
        // (sentence, kind, source, target, event country)
        let cases = [
            (
                "Sudan's army and the Rapid Support Forces agreed to a 72-hour ceasefire on Sunday, Saudi and U.S. mediators said.",
                EventType::Agree,
                "Sudan's army",
                "Rapid Support Forces",
                None,
            ),
            (
                "The Congolese government and M23 rebels held talks in Doha on Tuesday, Qatari officials said.",
                EventType::Consult,
                "Congolese government",
                "M23 rebels",
                Some("QA"),
            ),
        ];
        for (text, kind, src, tgt, country) in cases {
            let evs = run(text);
            let ev = event_of(&evs, kind);
            let name = |r| actor_text(ev, r);
            assert_eq!(name(ActorRole::Source), Some(src), "{text}");
            assert_eq!(name(ActorRole::Target), Some(tgt), "{text}");
            assert_eq!(
                ev.location.as_ref().map(|l| l.country.as_str()),
                country,
                "{text}"
            );
        }
    }

    #[test]
    fn talks_halted_are_a_sanction_and_talks_called_off_no_event() {
        for text in [
            "Russia broke off talks with Ukraine on Tuesday.",
            "The government broke off peace talks with the rebels on Tuesday.",
            "The government decided to suspend EU accession talks until 2028.",
            "The rebels walked out of negotiations with the government on Monday.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter().all(|e| e.event_type != EventType::Consult),
                "{text}: {evs:?}"
            );
            let ev = event_of(&evs, EventType::Sanction);
            assert_eq!(ev.mode.as_deref(), Some("withdraw"), "{text}");
        }
        for text in [
            "The two sides called off peace talks scheduled for Friday.",
            "The president postponed a meeting with his French counterpart.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter().all(|e| e.event_type != EventType::Consult),
                "{text}: {evs:?}"
            );
        }
        let evs = run("Ukraine and Russia held talks in Istanbul on Friday.");
        event_of(&evs, EventType::Consult);
        // a halt threatened is a threat, not a halt
        for text in [
            "Turkey threatened on Wednesday to break off talks with Sweden over its NATO bid.",
            "The rebels warned they could suspend negotiations if the shelling continued.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter().all(|e| e.event_type != EventType::Sanction),
                "{text}: {evs:?}"
            );
            event_of(&evs, EventType::Threaten);
        }
    }

    #[test]
    fn to_demonstrate_something_is_no_protest() {
        for text in [
            "\"These records demonstrate that the ongoing diplomatic engagement with North Korea is beginning to reach the critical mass necessary to have real impacts,\" the central bank said.",
            "He had presented evidence that clearly demonstrated that Bosnia only receives 100 percent of the money in oil sales from Russia.",
            "The exercise demonstrated the army's ability to strike targets deep inside enemy territory, the government said.",
        ] {
            let evs = run(text);
            assert!(evs.iter().all(|e| e.event_type != EventType::Protest), "{text}: {evs:?}");
        }
        for text in [
            "Thousands of people demonstrated outside parliament in Tbilisi on Sunday against the government.",
            "Students demonstrated in Dhaka on Monday demanding justice for the victims.",
        ] {
            event_of(&run(text), EventType::Protest);
        }
    }

    #[test]
    fn a_lynching_is_mob_violence_and_the_accused_accuse_no_one() {
        let evs = run("A mob lynched a man accused of blasphemy in the Pakistani city of Sialkot on Friday, police said.");
        let ev = event_of(&evs, EventType::Assault);
        assert_eq!(
            ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
            Some("Mob violence")
        );
        assert!(
            !evs.iter().any(|c| c.event_type == EventType::Accuse),
            "{evs:?}"
        );
        // a vigilante who reports an abduction makes it no mob's
        let evs = run("Suspected Boko Haram fighters abducted eight farmers near the town of Dikwa on Thursday, a local vigilante leader said.");
        assert_eq!(
            event_of(&evs, EventType::Assault)
                .acled
                .as_ref()
                .map(|a| a.sub_event_type.as_str()),
            Some("Abduction/forced disappearance")
        );
        // an accusation is still one when someone makes it
        for text in [
            "Turkey's foreign minister accused Israel on Wednesday of committing genocide in Gaza.",
            "Ukraine's foreign ministry said Russia was accused of war crimes by the commission.",
        ] {
            let evs = run(text);
            assert!(
                evs.iter().any(|c| c.event_type == EventType::Accuse),
                "{text}"
            );
        }
    }

    #[test]
    fn a_town_seized_is_territory_overtaken_from_the_force_that_left() {
        let evs = run("KINSHASA - M23 rebels seized the town of Masisi in eastern Congo's North Kivu province on Sunday after government troops withdrew, local officials said.");
        assert_eq!(
            event_of(&evs, EventType::Assault)
                .acled
                .as_ref()
                .map(|a| a.sub_event_type.as_str()),
            Some("Non-state actor overtakes territory")
        );
        let retreat = event_of(&evs, EventType::Retreat);
        let src = actor_of(retreat, ActorRole::Source).expect("who withdrew");
        assert_eq!(src.sector.as_deref(), Some("MIL"), "{retreat:?}");
        assert_eq!(src.country.as_deref(), Some("COD"), "{retreat:?}");
        // goods seized take no ground
        let evs = run("Police seized the weapons of the gang in Kinshasa on Sunday.");
        assert!(
            evs.iter().all(|c| c
                .acled
                .as_ref()
                .is_none_or(|a| a.sub_event_type != "Non-state actor overtakes territory")),
            "{evs:?}"
        );
    }

    #[test]
    fn the_detention_a_release_ends_is_background() {
        let cases: &[(&str, bool)] = &[
            ("Taliban authorities released a British couple who had been detained in Afghanistan for seven months, the Qatari foreign ministry said.", false),
            ("Police in Istanbul detained 52 people on Sunday, and later released 12 of them.", true),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Coerce);
        let evs = run(cases[0].0);
        event_of(&evs, EventType::Retreat);
    }

    #[test]
    fn arrests_at_a_protest_are_its_figure() {
        let evs = run("JERUSALEM - Thousands of Israelis rallied in Tel Aviv on Saturday night to demand a deal to free the hostages held in Gaza, organisers said.\n\nPolice arrested 12 protesters who blocked the Ayalon highway, a police spokesperson said.");
        let kinds: Vec<EventType> = evs.iter().map(|c| c.event_type).collect();
        assert_eq!(kinds, [EventType::Protest], "{evs:?}");
        assert_eq!(evs[0].casualties.arrested, Some(12));
        assert_eq!(
            evs[0].acled.as_ref().map(|a| a.sub_event_type.as_str()),
            Some("Protest with intervention")
        );
    }

    #[test]
    fn demands_and_readiness_are_not_yet_events() {
        let cases: &[(&str, EventType, bool)] = &[
            ("Protesters blocked major roads in Dhaka on Monday demanding the resignation of the interim government.", EventType::Retreat, false),
            ("Police fired tear gas at protesters who blocked roads in Nairobi on Tuesday, demanding the withdrawal of a finance bill.", EventType::Retreat, false),
            ("Hundreds rallied outside the embassy on Friday calling for the release of the detained journalists.", EventType::Retreat, false),
            ("Russian troops began their withdrawal from the village on Monday, the ministry said.", EventType::Retreat, true),
            // plotted, planned or demanded: not (yet) done
            ("Russia's Federal Security Service said on Friday it had detained a man suspected of plotting a bomb attack on a military facility in the Bryansk region.", EventType::Assault, false),
            ("Serbian President Aleksandar Vucic rejected on Monday the European Union's demand to impose sanctions on Russia.", EventType::Sanction, false),
            ("The European Union imposed sanctions on Russia's shadow fleet on Monday.", EventType::Sanction, true),
            // police dispersing a crowd: the crowd's protest
            ("Police in Bangladesh fired rubber bullets and tear gas to disperse thousands of garment workers demanding higher pay in Gazipur on Sunday, injuring dozens.", EventType::Protest, true),
            ("Police in Bangladesh fired rubber bullets and tear gas to disperse thousands of garment workers demanding higher pay in Gazipur on Sunday, injuring dozens.", EventType::Assault, false),
            ("The prime minister resigned on Monday after weeks of protests.", EventType::Retreat, true),
            ("The Kremlin said on Monday it was ready for talks with Ukraine.", EventType::Consult, false),
            ("Russian and Ukrainian delegations held talks in Istanbul on Monday.", EventType::Consult, true),
            ("Israeli air strikes killed 25 Palestinians on Thursday, as mediators pressed on with efforts to secure a ceasefire.", EventType::Consult, false),
            ("Qatar mediated talks between the two sides in Doha on Monday.", EventType::Consult, true),
            // a day weeks before publication (March 12): background
            ("Egypt, Qatar and the United States brokered a ceasefire between Israel and Hamas that took effect on January 19.", EventType::Retreat, false),
            ("A ceasefire between Israel and Hamas took effect on Sunday.", EventType::Retreat, true),
        ];
        for (text, kind, want) in cases {
            assert_finds(&[(text, *want)], |c| c.event_type == *kind);
        }
        // a police raid with people detained is their arrest
        let evs = run("Turkish police raided the offices of an opposition newspaper in Istanbul and detained its editor-in-chief on Friday.");
        assert_eq!(
            event_of(&evs, EventType::Coerce).mode.as_deref(),
            Some("arrest")
        );
    }

    #[test]
    fn a_vetoed_measure_is_a_rejection() {
        let text = "Hungary vetoed a new EU sanctions package against Russia on Friday.";
        let evs = run(text);
        assert!(
            evs.iter().all(|c| c.event_type != EventType::Sanction),
            "{evs:?}"
        );
        let ev = event_of(&evs, EventType::Reject);
        assert_eq!(
            actor_of(ev, ActorRole::Source).and_then(|a| a.country.as_deref()),
            Some("HUN")
        );
        // sanctions imposed stay
        let evs = run("The EU imposed new sanctions on Russia on Friday.");
        event_of(&evs, EventType::Sanction);
    }

    #[test]
    fn only_armed_withdrawals_hand_over_ground() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Ukrainian troops withdrew from the village of Krasnohorivka in the eastern Donetsk region to avoid encirclement, the army said on Friday.", Some("Non-violent transfer of territory")),
            ("The Sahel junta leaders announced their withdrawal from the Economic Community of West African States on Sunday.", None),
        ];
        for (text, want) in cases {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Retreat);
            assert_eq!(
                ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
                *want,
                "{text}"
            );
        }
    }

    #[test]
    fn protests_read_through_their_own_acts() {
        // (sentence, place, mode, killed)
        let cases: &[(&str, &str, &str, Option<u32>)] = &[
            // "through" places a march
            ("Hundreds of people marched through central Nairobi on Tuesday to protest against a new finance bill.", "Nairobi", "demo", None),
            // what the protest followed is its cause, not its toll; fire set is a riot
            ("Protesters set fire to a police station in the town of Kisumu on Tuesday after a man died in custody.", "Kisumu", "riot", None),
            ("Protesters hurled stones at police in Dhaka on Monday after the arrest of an opposition leader.", "Dhaka", "riot", None),
            // protesters protest, not the police who shot them
            ("Kenyan police shot dead at least three protesters in Nairobi on Thursday as thousands marched against a proposed tax increase.", "Nairobi", "demo", Some(3)),
            // a protest's own dead stay
            ("Two protesters were killed when police opened fire on a march in Nairobi on Tuesday.", "Nairobi", "demo", Some(2)),
        ];
        for (text, place, mode, killed) in cases {
            let evs = run(text);
            let ev = event_of(&evs, EventType::Protest);
            assert_eq!(
                ev.location.as_ref().map(|l| l.name.as_str()),
                Some(*place),
                "{text}"
            );
            assert_eq!(ev.mode.as_deref(), Some(*mode), "{text}");
            assert_eq!(ev.casualties.killed, *killed, "{text}");
            assert_eq!(
                actor_of(ev, ActorRole::Source).and_then(|a| a.sector.as_deref()),
                Some("CVL"),
                "{text}"
            );
        }
    }

    /// The day an assault is dated by, as `(sentence(s), published March day, expected)`.
    const ASSAULT_DAYS: &[(&str, u32, &str)] = &[
        // a toll's update is not the incident's day; the sentence telling the incident is
        ("The death toll from an armed attack on a bar in Celaya, in Mexico's Guanajuato state, rose to seven on Sunday after a wounded man died in hospital. Three people wounded in the shooting, which took place shortly before midnight on Saturday, remain in hospital.", 10, "2025-03-08"),
        // "a day after": the day before what the sentence is dated by
        ("Delegations met in Doha on Thursday. The talks came a day after heavy fighting near the town of Kamanyola in South Kivu killed at least nine people.", 20, "2025-03-19"),
        // unless the incident's own day follows
        ("The talks came a day after fighting near Kamanyola on Tuesday killed nine people.", 20, "2025-03-18"),
        // what happened in a possessive-dated incident
        ("Twelve people killed in Wednesday's shelling of Kherson were buried on Friday.", 21, "2025-03-19"),
        // the day the wounded died is not the day of the blast
        ("ISLAMABAD, March 5 - The death toll from Tuesday's suicide car bombing of a police convoy near Bannu has risen to six. Two passers-by who had been wounded in the blast near Bannu died overnight, a hospital spokesman said.", 5, "2025-03-04"),
        // the weekend's attack, read on Monday
        ("The UN on Monday condemned the weekend's attack on the Abu Shouk camp near Al Fashir, which local groups said killed 18 people.", 10, "2025-03-08"),
    ];

    #[test]
    fn incidents_are_dated_by_their_own_day() {
        for (text, day, want) in ASSAULT_DAYS {
            let evs = run_on(text, *day);
            let a = event_of(&evs, EventType::Assault);
            assert_eq!(
                a.date.as_ref().map(|d| d.value.to_string()).as_deref(),
                Some(*want),
                "{text}"
            );
        }
    }

    #[test]
    fn goods_seized_alone_are_a_confiscation() {
        let evs = run("Police seized two tonnes of cocaine at the port of Guayaquil on Tuesday.");
        assert!(
            evs.iter()
                .any(|c| c.event_type == EventType::Coerce && c.mode.as_deref() == Some("seize")),
            "{evs:?}"
        );
        assert!(!evs.iter().any(|c| c.event_type == EventType::Assault));
    }

    #[test]
    fn report_dates_do_not_date_incidents() {
        let evs = run("Gunmen opened fire inside a bar in the city of Celaya late on Sunday, killing six people, state prosecutors said on Tuesday.");
        let a = evs
            .iter()
            .find(|c| c.event_type == EventType::Assault)
            .expect("assault");
        assert_eq!(
            a.date.as_ref().map(|d| d.value.to_string()),
            Some("2025-03-09".into())
        );
    }

    #[test]
    fn the_speaker_a_sentence_is_attributed_to_is_no_party() {
        // (sentence, the mention, whether it is the attributed speaker)
        let cases: &[(&str, &str, bool)] = &[
            ("North Korea fired a ballistic missile into the sea off its east coast on Tuesday, South Korea's military said.", "South Korea", true),
            ("North Korea fired two missiles, South Korea's Joint Chiefs of Staff said on Thursday, the latest in a string of tests.", "South Korea", true),
            ("The armed groups signed a cease-fire late on Saturday, according to Djibouti's National Security Bureau.", "Djibouti", true),
            ("Libya's forces have been complicit in abuses, Amnesty International said.", "Amnesty International", true),
            ("On Monday, Cuba said it was surprised that Colombia was demanding a refund.", "Cuba", false),
            ("In a joint statement, Nauru, Tuvalu and Kiribati said they want the conference to focus on climate.", "Tuvalu", false),
            ("Russia launched drones at Kharkiv and Odesa, killing two.", "Odesa", false),
            ("North Korea fired a missile toward South Korea's coast, officials said.", "South Korea", false),
        ];
        for (text, mention, want) in cases {
            let start = text.find(mention).unwrap();
            let got = trailing_speaker(text, start, start + mention.len());
            assert_eq!(got, *want, "{mention} in {text}");
        }
    }

    #[test]
    fn people_seized_in_a_raid_is_an_abduction() {
        let cases: &[(&str, Option<&str>)] = &[
            ("The villagers were seized in a raid late on March 8 in which two men were shot dead.", Some("abduct")),
            ("Gunmen seized 14 passengers from a bus near Kaduna and shot the driver dead.", Some("abduct")),
            ("Gunmen opened fire on a market in Zamfara state, killing two men.", Some("firearms")),
            ("Fighters seized the town after a raid in which two soldiers were shot dead.", Some("firearms")),
        ];
        for (text, want) in cases {
            let evs = run(text);
            let a = event_of(&evs, EventType::Assault);
            assert_eq!(a.mode.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn a_lead_date_of_another_clause_does_not_date_the_lead() {
        // "last week" dates the abduction; the release is dated by the next paragraph
        let body = "KANO, Nigeria, March 13 (Sahel Dispatch) - Kidnappers have released 16 of the 23 villagers abducted from Kucheri village in Nigeria's Zamfara state last week, a local official said on Thursday.\n\nThe freed captives, 11 women and five children, were let go on Wednesday in a forest near the border with Katsina state and walked for several hours before reaching a military checkpoint, said Sani Lawal, the chairman of Tsafe local government area.";
        let evs = run_on(body, 13);
        let r = event_of(&evs, EventType::Retreat);
        assert_eq!(
            r.date.as_ref().map(|d| d.value.to_string()),
            Some("2025-03-12".into())
        );
    }

    #[test]
    fn a_period_far_from_the_trigger_dates_it_within_one_clause() {
        // published Thursday 2025-03-13; "last week" is the week of March 3
        let cases: &[(&str, EventType, &str)] = &[
            ("Chinese troops clashed with Indian soldiers near Tawang in the state of Arunachal Pradesh last week, leaving several soldiers injured, Indian officials said on Tuesday.", EventType::Assault, "2025-03-03"),
            ("Thousands of protesters marched through the centre of the capital to demand the release of political prisoners last week, organisers said.", EventType::Protest, "2025-03-03"),
            // another verb between: the period dates the abduction, not the release
            ("Kidnappers have released 16 of the 23 villagers abducted from Kucheri village in Nigeria's Zamfara state last week, a local official said.", EventType::Retreat, "2025-03-13"),
            // another incident between: the period dates the murder, not the protests
            ("Thousands joined demonstrations across France in the wake of the murder of a soldier near a Jewish school in the city of Toulouse last week.", EventType::Protest, "2025-03-13"),
        ];
        for (text, kind, want) in cases {
            let evs = run_on(text, 13);
            let a = event_of(&evs, *kind);
            assert_eq!(
                a.date.as_ref().map(|d| d.value.to_string()).as_deref(),
                Some(*want),
                "{text}"
            );
        }
    }

    #[test]
    fn floggings_water_cannon_and_indictments_are_events() {
        let assault = |mode: &'static str| {
            move |c: &Candidate| {
                c.event_type == EventType::Assault && c.mode.as_deref() == Some(mode)
            }
        };
        assert_finds(
            &[
                ("The Taliban publicly flogged 12 people, including three women, in Ghazni province on Wednesday.", true),
                ("The public flogging of two men was carried out on Thursday in Banda Aceh.", true),
                ("The minister said flogging had no place in a modern justice system.", false),
            ],
            assault("beat"),
        );
        assert_finds(
            &[
                ("The Chinese coast guard fired water cannon at a Philippine supply vessel near Second Thomas Shoal on Saturday.", true),
                // at a protest the water cannon is the protest's intervention
                ("Police in Tbilisi used water cannon on thousands of protesters outside parliament on Saturday.", false),
            ],
            assault("crowd-control"),
        );
        assert_finds(
            &[
                ("Thai prosecutors indicted former prime minister Thaksin Shinawatra on Tuesday on charges of insulting the monarchy.", true),
                ("A police officer was charged with murder on Monday over the death of a teenager in Nanterre.", true),
                ("The two men were released without charge on Monday.", false),
            ],
            |c| c.event_type == EventType::Accuse && c.mode.as_deref() == Some("allege"),
        );
    }

    #[test]
    fn nationalities_in_hyphen_compounds_are_no_parties() {
        let cases: &[(&str, &str, bool)] = &[
            (
                "They plotted to kill an Iranian-American journalist in New York.",
                "Iranian",
                true,
            ),
            (
                "They plotted to kill an Iranian-American journalist in New York.",
                "American",
                true,
            ),
            (
                "The militia fired Iranian-made drones at the base.",
                "Iranian",
                true,
            ),
            ("A British-born fighter was killed.", "British", true),
            ("The U.S.-led coalition struck the town.", "U.S.", false),
            (
                "Iranian-backed militias attacked the base.",
                "Iranian",
                false,
            ),
            (
                "Moscow would respond if British-supplied missiles were used.",
                "British",
                false,
            ),
            ("Russian forces shelled the town.", "Russian", false),
            // the two sides of a border, a conflict, talks
            (
                "Thai-Cambodian border clashes killed 12 soldiers.",
                "Thai",
                false,
            ),
            (
                "Thai-Cambodian border clashes killed 12 soldiers.",
                "Cambodian",
                false,
            ),
            (
                "Russian-Ukrainian talks in Istanbul ended on Friday.",
                "Ukrainian",
                false,
            ),
            // non-ASCII letters before the hyphen
            ("St. Barthélemy-Russian talks", "Russian", false),
        ];
        for (text, word, want) in cases {
            let start = text.find(word).unwrap();
            let m = Mention {
                start,
                end: start + word.len(),
                text: word,
                country: Some("XXX"),
                sector: None,
                name: None,
                country_name: false,
            };
            assert_eq!(in_hyphen_compound(text, &m), *want, "{word} in {text}");
        }
        let evs = run("A federal grand jury in New York indicted three men on Monday on charges of plotting to assassinate an Iranian-American journalist.");
        let a = event_of(&evs, EventType::Accuse);
        assert!(
            a.actors.iter().all(|x| x.country.as_deref() != Some("IRN")),
            "{a:?}"
        );
    }

    #[test]
    fn announced_deployments_are_mobilizations() {
        let cases: &[(&str, bool)] = &[
            ("Interior Minister Claire Dumont announced late on Thursday that 300 additional police officers would be deployed to the Lyon area.", true),
            ("Defence Minister Andres Salcedo said on Sunday that the army would deploy 1,500 more troops to the region.", true),
            ("The government could send more troops to the region, officials said.", false),
            ("The minister said troops would be deployed if the violence continued.", false),
            // the speaker after the decision
            ("France will deploy 2,000 additional police officers to New Caledonia after three nights of rioting, Interior Minister Gerald Darmanin said on Thursday.", true),
            ("More troops may be deployed to the border, the minister said.", false),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Mobilize);
    }

    #[test]
    fn counts_told_after_the_event_belong_to_it() {
        let cases: &[(&str, EventType, &[u64])] = &[
            ("Gunmen set fire to a village in Artibonite on Sunday, killing six people. A rights group said at least 30 houses were burned.", EventType::Assault, &[30]),
            // not what an event is counted in
            ("A drone hit an apartment block in Kharkiv on Tuesday, injuring six people. The two upper floors collapsed.", EventType::Assault, &[]),
            ("Tens of thousands of people marched through Belgrade on Saturday against the government. An independent monitoring group estimated the crowd at about 110,000. Police put the figure at 35,000.", EventType::Protest, &[110_000, 35_000]),
            // another year is another story
            ("Gunmen opened fire on a bar in Celaya on Sunday, killing six people. In 2019, 30 people were killed in a similar attack.", EventType::Assault, &[]),
        ];
        for (text, kind, want) in cases {
            let evs = run(text);
            let e = event_of(&evs, *kind);
            let got: Vec<u64> = e.quantities.iter().map(|q| q.count).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn mobilizations_say_who_is_mobilized() {
        let cases: &[(&str, &str)] = &[
            ("Interior Minister Claire Dumont announced that 300 additional police officers would be deployed to the Lyon area.", "police"),
            ("The army deployed 1,500 troops to the border region on Monday.", "troops"),
            ("Russia put its nuclear forces on high alert on Sunday.", "weapons"),
        ];
        for (text, want) in cases {
            let evs = run(text);
            let e = event_of(&evs, EventType::Mobilize);
            assert_eq!(e.mode.as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn aid_stopped_is_no_aid() {
        let cases: &[(&str, bool)] = &[
            ("A convoy of 14 trucks carrying food and medical supplies from the World Food Programme reached Tawila on Sunday.", true),
            ("An aid convoy reached the besieged town of Madaya on Monday, the Red Cross said.", true),
            ("Red Cross officials suspended aid deliveries in Baghdad on Wednesday after two of their vehicles were hit by gunfire.", false),
            ("The United Nations on Tuesday halted food supplies to the camp, relief officials said.", false),
            ("Washington announced a new $400 million military aid package for Ukraine on Monday.", true),
            ("The United States froze military aid to Ukraine on Monday.", false),
            ("The United States suspended part of a military aid program for Bosnia on Friday.", false),
            ("Britain's defence secretary has promised to continue military aid to Mozambique.", false),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Aid);
    }

    #[test]
    fn a_country_after_a_direction_word_places_the_event() {
        let cases: &[(&str, &str)] = &[
            (
                "Militants attacked an army post in central Mali on Thursday, killing 14 soldiers.",
                "ML",
            ),
            (
                "Gunmen killed 12 worshippers at a mosque in northern Nigeria on Friday.",
                "NG",
            ),
            (
                "Fighting in war-torn Sudan killed at least 30 civilians on Monday.",
                "SD",
            ),
        ];
        for (text, want) in cases {
            let evs = run(text);
            let a = event_of(&evs, EventType::Assault);
            assert_eq!(
                a.location.as_ref().map(|l| l.country.as_str()),
                Some(*want),
                "{text}"
            );
        }
    }

    #[test]
    fn missiles_fired_into_the_sea_are_tests() {
        let cases: &[(&str, bool)] = &[
            ("North Korea fired a ballistic missile into the sea off its east coast on Wednesday, South Korea's military said.", true),
            ("Iran test-fired a new cruise missile during naval drills on Friday.", true),
            ("North Korea fired two short-range ballistic missiles that landed off its east coast on Thursday, Japan's defence ministry said.", true),
            ("North Korea fired a missile on Monday that fell in the sea outside Japan's exclusive economic zone.", true),
            ("A Houthi missile hit a cargo ship off the west coast of Yemen on Monday, wounding two sailors.", false),
            ("A Russian missile struck an apartment block in Dnipro on Friday, killing four people.", false),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Mobilize);
        let attacks: Vec<(&str, bool)> = cases.iter().map(|(t, test)| (*t, !test)).collect();
        assert_finds(&attacks, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn protesters_as_the_cause_of_another_act_are_no_protest() {
        let cases: &[(&str, bool)] = &[
            ("The United States imposed sanctions on six Iranian officials on Thursday over the crackdown on protesters.", false),
            ("The EU sanctioned two police commanders for the killing of protesters in Tbilisi.", false),
            ("Police used tear gas on Saturday to disperse thousands of protesters outside parliament in Tbilisi.", true),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Protest);
    }

    #[test]
    fn bombardment_verbs_are_attacks_by_who_fires() {
        let evs = run("Russian missiles and drones pounded Ukraine's power grid overnight, killing at least four people, officials said.");
        let a = event_of(&evs, EventType::Assault);
        let source = a.actors.iter().find(|x| x.role == ActorRole::Source);
        assert_eq!(
            source.and_then(|x| x.country.as_deref()),
            Some("RUS"),
            "{a:?}"
        );
        let figurative: &[(&str, bool)] = &[
            (
                "Stocks were hammered on Monday after the central bank raised rates.",
                false,
            ),
            (
                "The storm battered the coast overnight, cutting power to 40,000 homes.",
                false,
            ),
            // a game's shots, not the armed attack on fans of a game
            (
                "The Manchester United striker fired twice in the first half as his side crushed Leeds 4-0 on Saturday.",
                false,
            ),
            (
                "Gunmen fired on a bus carrying football fans to a league match in Cairo on Sunday, killing two.",
                true,
            ),
        ];
        assert_finds(figurative, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn figures_of_the_next_sentence_and_after_an_occasion_stay_with_the_incident() {
        // (text, event type, killed, injured)
        let cases: &[(&str, EventType, Option<u32>, Option<u32>)] = &[
            ("Kenyan police fired tear gas and live rounds at protesters in Nairobi on Tuesday as thousands took to the streets to oppose a proposed finance bill. At least two people were killed and 30 injured, a rights group said.", EventType::Protest, Some(2), Some(30)),
            // "after the match" is no earlier incident whose figures these are
            ("Police fired tear gas at fans after the match in Istanbul on Sunday, injuring 12 people.", EventType::Assault, None, Some(12)),
            // the dead of an incident the marchers protest are not the protest's
            ("Thousands marched in Dallas on Friday to protest against the killing of police officers. At least five police officers were killed and seven others injured in the shooting on Thursday.", EventType::Protest, None, None),
        ];
        for (text, kind, killed, injured) in cases {
            let evs = run(text);
            let c = &event_of(&evs, *kind).casualties;
            assert_eq!(
                (c.killed, c.injured),
                (*killed, *injured),
                "{text}: {evs:?}"
            );
        }
    }

    #[test]
    fn roads_blocked_by_a_crowd_with_demands_are_a_protest() {
        let cases: &[(&str, bool)] = &[
            ("French farmers blocked motorways around Paris with tractors on Monday, demanding lower fuel taxes and less regulation.", true),
            ("Police blocked roads leading to the presidential palace in Dhaka on Monday.", false),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Protest);
        // told peaceful, then dispersed: a protest with intervention
        let evs = run("Bangladeshi students blocked roads and railway lines across Dhaka on Sunday, demanding an end to quotas in government jobs. Police used batons to disperse them, injuring dozens.");
        let ev = event_of(&evs, EventType::Protest);
        assert_eq!(
            ev.acled.as_ref().map(|a| a.sub_event_type.as_str()),
            Some("Protest with intervention"),
            "{evs:?}"
        );
    }

    #[test]
    fn the_group_of_a_member_killed_is_the_target() {
        let evs = run("Colombian army soldiers killed a senior commander of the ELN guerrilla group in a bombing raid in the department of Arauca, the defence ministry said on Sunday.");
        let ev = event_of(&evs, EventType::Assault);
        let role = |r: ActorRole| {
            ev.actors
                .iter()
                .find(|a| a.role == r)
                .map(|a| (a.country.as_deref(), a.sector.as_deref()))
        };
        assert_eq!(
            role(ActorRole::Source),
            Some((Some("COL"), Some("MIL"))),
            "{ev:?}"
        );
        assert_eq!(
            role(ActorRole::Target),
            Some((Some("COL"), Some("REB"))),
            "{ev:?}"
        );
        assert_eq!(ev.mode.as_deref(), Some("aerial"));
    }

    #[test]
    fn prisoners_exchanged_are_released() {
        let cases: &[(&str, bool)] = &[
            ("Russia and Ukraine exchanged 390 prisoners each on Friday in the largest swap of the war.", true),
            ("Russia also handed over 22 seriously wounded Ukrainian soldiers as a gesture of goodwill.", true),
            ("The two leaders exchanged views on regional security on Friday.", false),
            ("The ambassador handed over a letter of protest to the foreign ministry.", false),
        ];
        assert_finds(cases, |c| {
            c.event_type == EventType::Retreat && c.mode.as_deref() == Some("release")
        });
    }

    #[test]
    fn a_later_sentence_places_an_incident_told_by_country() {
        let body = "ISLAMABAD, March 5 - The death toll from Tuesday's suicide car bombing of a police convoy in northwest Pakistan has risen to six, officials said on Wednesday.\n\nTwo passers-by who had been wounded in the blast near Bannu, in Khyber Pakhtunkhwa province, died overnight, said a hospital spokesman.";
        let evs = run_on(body, 5);
        let a = event_of(&evs, EventType::Assault);
        assert_eq!(
            a.location.as_ref().map(|l| l.name.as_str()),
            Some("Bannu"),
            "{a:?}"
        );
        assert_eq!(a.casualties.killed, Some(6));
    }

    #[test]
    fn disasters_are_no_attacks() {
        let cases: &[(&str, bool)] = &[
            ("An earthquake of magnitude 6.2 struck off the coast of Istanbul on Wednesday, injuring 151 people.", false),
            ("Nine people were killed and dozens injured when a bus plunged into a ravine in Peru on Sunday.", false),
            ("A cyclone hit the coast of Mozambique on Monday, killing at least 12 people.", false),
            ("South Korea's president called for calm on Tuesday after a fire at a battery plant killed 22 workers.", false),
            ("Flooding in eastern Libya killed at least 40 people on Monday, officials said.", false),
            ("Gunmen opened fire at a wedding party in Zamfara on Saturday, killing nine guests.", true),
            ("A drone struck a fuel depot in Port Sudan on Monday, the army said.", true),
            ("The attackers stormed the village late on Saturday and shot two men dead.", true),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn since_a_weekday_is_no_history() {
        let cases: &[(&str, bool)] = &[
            ("At least 50 people have been killed in clashes between rival armed groups in Tripoli since Monday, the UN mission said on Thursday.", true),
            ("More than 150,000 people have been killed in the fighting since 2023, the UN says.", false),
            // a ranking is no history
            ("Russia pounded Kyiv with drones and missiles overnight, killing at least nine people in one of the largest attacks on the capital this year.", true),
            ("A car bomb killed 20 people in Mogadishu on Monday, the deadliest attack in the city since 2022.", true),
            ("Attacks on the capital have killed more than 200 people this year.", false),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn history_told_in_a_clause_of_its_own_keeps_the_dated_incident() {
        let agree: &[(&str, bool)] = &[
            ("Ethiopia and Eritrea signed a peace agreement in Jeddah on Sunday, ending two decades of hostility.", true),
            // undated: the agreement may be the old one
            ("Ethiopia and Eritrea signed a peace agreement in Jeddah, ending two decades of hostility.", false),
            ("Ethiopia and Eritrea signed a peace agreement in Jeddah in 2018.", false),
        ];
        assert_finds(agree, |c| c.event_type == EventType::Agree);
        let arrest: &[(&str, bool)] = &[
            ("Syrian police on Sunday arrested a former army officer accused of involvement in the 2013 chemical attack in Ghouta.", true),
            // the year in the arrest's own clause
            ("Syrian police arrested a former army officer on Sunday in 2013.", false),
            ("Last year, Syrian police arrested a former army officer on Sunday.", false),
        ];
        assert_finds(arrest, |c| c.event_type == EventType::Coerce);
        let assault: &[(&str, bool)] = &[
            ("Gunmen attacked the town on Monday, which has been besieged since 2023, killing four people.", true),
            ("Gunmen attacked the town in 2023, killing four people, residents said on Monday.", false),
        ];
        assert_finds(assault, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn a_deal_protested_is_no_deal() {
        let cases: &[(&str, bool)] = &[
            ("Hundreds of farmers blocked roads in Brussels with tractors on Monday to protest against the EU-Mercosur trade deal.", false),
            ("Thousands of Israelis rallied in Tel Aviv on Saturday night to demand a deal to free the hostages held in Gaza.", false),
            ("Armenia and Azerbaijan agreed on Thursday on the text of a peace treaty, the two foreign ministries said.", true),
            ("Leaders of the Azadliq opposition coalition agreed to postpone the demonstration in Baku.", true),
            ("The European Union agreed on Monday to impose new sanctions on Iranian drone makers.", false),
            ("NATO allies agreed to send more air defence systems to Ukraine.", false),
            ("Hungary vetoed the agreement on Ukraine's accession talks on Thursday.", false),
            ("Ukraine agreed with Poland to impose a joint inspection regime at the border.", true),
        ];
        assert_finds(cases, |c| c.event_type == EventType::Agree);
    }

    #[test]
    fn victims_named_before_the_trigger_are_no_attackers() {
        let evs = run("Pakistani security forces killed 8 militants in a raid in North Waziristan overnight, the military said on Saturday.");
        let a = event_of(&evs, EventType::Assault);
        let source = a.actors.iter().find(|x| x.role == ActorRole::Source);
        assert_eq!(
            source.and_then(|x| x.country.as_deref()),
            Some("PAK"),
            "{a:?}"
        );
    }

    #[test]
    fn a_rocket_that_landed_is_an_attack_without_casualties() {
        let evs = run("No one was hurt when a rocket landed in an open field near Sderot on Tuesday, the Israeli military said.");
        let a = event_of(&evs, EventType::Assault);
        assert_eq!(a.mode.as_deref(), Some("heavy-weapons"), "{a:?}");
        let planes: &[(&str, bool)] = &[(
            "The plane carrying the delegation landed in Doha on Tuesday.",
            false,
        )];
        assert_finds(planes, |c| c.event_type == EventType::Assault);
    }

    #[test]
    fn the_speaker_is_not_a_place_the_statement_is_about() {
        let evs = run("The African Union called for an immediate ceasefire in eastern Congo and urged M23 rebels to withdraw from Goma.");
        let r = event_of(&evs, EventType::Request);
        let source = r.actors.iter().find(|x| x.role == ActorRole::Source);
        assert_eq!(
            source.and_then(|x| x.sector.as_deref()),
            Some("IGO"),
            "{r:?}"
        );
    }

    #[test]
    fn a_protest_lodged_by_diplomats_is_a_complaint() {
        let evs = run("Russia's foreign ministry summoned the British ambassador on Tuesday to protest against new sanctions.");
        assert!(
            !evs.iter().any(|c| c.event_type == EventType::Protest),
            "{evs:?}"
        );
        let a = event_of(&evs, EventType::Accuse);
        assert_eq!(a.mode.as_deref(), Some("disapprove"));
    }
}
