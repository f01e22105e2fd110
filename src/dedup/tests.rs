//! Unit tests of the in-memory deduplicator: tables of real sentence pairs from the dev
//! corpus that must or must not merge, and the revision rules.

use super::*;
use crate::dedup::block::add_source;
use crate::model::{
    Actor, ActorRole, Casualties, DatePrecision, EventDate, EventStatus, EventType, Evidence,
    Location, LocationPrecision,
};
use chrono::NaiveDate;

/// A source and a target actor named by their country codes.
fn actors(src: &str, tgt: &str) -> Vec<Actor> {
    [(ActorRole::Source, src), (ActorRole::Target, tgt)]
        .into_iter()
        .map(|(role, c)| Actor {
            role,
            text: c.into(),
            country: Some(c.into()),
            sector: None,
            name: None,
        })
        .collect()
}

fn t(s: &str) -> DateTime<Utc> {
    crate::input::parse_time(s).expect("test time")
}

fn article(id: &str, published: &str, body: &str) -> Article {
    Article {
        id: id.into(),
        url: None,
        title: None,
        body: body.into(),
        published_at: t(published),
        source: Some("Test Wire".into()),
        language: Some("en".into()),
    }
}

/// A compact description of a candidate: type, mode, place, admin1, country, date,
/// killed, injured, source actor country, sentence.
struct C<'a> {
    ty: EventType,
    mode: Option<&'a str>,
    place: Option<&'a str>,
    admin1: Option<&'a str>,
    country: &'a str,
    date: &'a str,
    killed: Option<u32>,
    injured: Option<u32>,
    source: Option<&'a str>,
    sentence: &'a str,
}

impl C<'_> {
    fn build(&self, article_id: &str) -> Candidate {
        let location = self.place.map(|p| Location {
            name: p.into(),
            admin1: self.admin1.map(Into::into),
            admin2: None,
            country: self.country.into(),
            lat: None,
            lon: None,
            geonameid: None,
            precision: if self.admin1 == Some(p) {
                LocationPrecision::Admin1
            } else {
                LocationPrecision::City
            },
            text: p.into(),
        });
        let actors = self
            .source
            .map(|c| Actor {
                role: ActorRole::Source,
                text: c.into(),
                country: Some(c.into()),
                sector: None,
                name: None,
            })
            .into_iter()
            .collect();
        Candidate {
            event_type: self.ty,
            mode: self.mode.map(Into::into),
            acled: None,
            summary: format!("{:?} {}", self.ty, self.place.unwrap_or("")),
            actors,
            location,
            date: Some(EventDate {
                value: NaiveDate::parse_from_str(self.date, "%Y-%m-%d").expect("date"),
                precision: DatePrecision::Day,
                text: self.date.into(),
            }),
            casualties: Casualties {
                killed: self.killed,
                injured: self.injured,
                ..Default::default()
            },
            quantities: vec![],
            evidence: Evidence {
                article_id: article_id.into(),
                sentence: self.sentence.into(),
                start: 0,
                end: self.sentence.len(),
            },
            confidence: 0.8,
            distinct: false,
            back_reference: false,
        }
    }
}

const A: EventType = EventType::Assault;

fn kharkiv_drone() -> C<'static> {
    C {
        ty: A,
        mode: Some("drone"),
        place: Some("Kharkiv"),
        admin1: Some("Kharkiv Oblast"),
        country: "UA",
        date: "2025-03-18",
        killed: Some(2),
        injured: Some(9),
        source: Some("RUS"),
        sentence: "A Russian drone struck a nine-storey apartment building in Ukraine's \
                   second-largest city, Kharkiv, early on Tuesday, killing two people and \
                   injuring at least nine, regional governor Dmytro Lysenko said.",
    }
}

fn kherson_market() -> C<'static> {
    C {
        ty: A,
        mode: Some("heavy-weapons"),
        place: Some("Kherson"),
        admin1: Some("Kherson Oblast"),
        country: "UA",
        date: "2025-03-11",
        killed: Some(2),
        injured: Some(10),
        source: Some("RUS"),
        sentence: "Russian artillery shelled a covered market in the centre of the southern \
                   Ukrainian city of Kherson on Tuesday morning, killing two people and \
                   injuring at least 10, the regional governor said.",
    }
}

/// Pairs of reports from different articles: (first, second, must merge).
fn pair_table() -> Vec<(&'static str, C<'static>, C<'static>, bool)> {
    vec![
        (
            "odesa / odessa, later figures",
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Odesa"),
                admin1: Some("Odesa Oblast"),
                country: "UA",
                date: "2025-03-14",
                killed: Some(1),
                injured: Some(4),
                source: Some("RUS"),
                sentence: "Russia attacked the Ukrainian port city of Odesa with waves of \
                           drones overnight, killing one person, injuring four and setting port \
                           buildings on fire, regional governor Andriy Sokolenko said on Friday.",
            },
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Odessa"),
                admin1: Some("Odesa Oblast"),
                country: "UA",
                date: "2025-03-14",
                killed: Some(2),
                injured: Some(7),
                source: Some("RUS"),
                sentence: "Two people were killed and seven wounded when Russian drones struck \
                           the port of Odessa overnight, Ukrainian officials said on Friday.",
            },
            true,
        ),
        (
            "debre markos / debre marqos, reported two days apart",
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Debre Markos"),
                admin1: Some("Amhara"),
                country: "ET",
                date: "2025-03-09",
                killed: Some(9),
                injured: Some(4),
                source: Some("ETH"),
                sentence: "A drone strike by Ethiopia's military hit a minibus near the town of \
                           Debre Markos in the Amhara region on Sunday, killing nine passengers.",
            },
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Debre Marqos"),
                admin1: Some("Amhara"),
                country: "ET",
                date: "2025-03-09",
                killed: Some(11),
                injured: Some(6),
                source: None,
                sentence: "The number of people killed in Sunday's drone strike on a minibus \
                           near Debre Marqos in Ethiopia's Amhara region has risen to 11.",
            },
            true,
        ),
        (
            "overnight attack dated one day apart by two outlets",
            C {
                date: "2025-03-17",
                ..kharkiv_drone()
            },
            C {
                sentence: "The death toll from the pre-dawn drone strike on a nine-storey \
                           building in the Saltivskyi district rose to three.",
                killed: Some(3),
                ..kharkiv_drone()
            },
            true,
        ),
        (
            "kharkiv drone strike vs glide bomb on a factory, same day",
            kharkiv_drone(),
            C {
                mode: Some("aerial"),
                killed: None,
                injured: Some(5),
                sentence: "A Russian guided aerial bomb struck an industrial enterprise in \
                           Kharkiv's Kholodnohirskyi district on Tuesday afternoon, injuring \
                           five workers.",
                ..kharkiv_drone()
            },
            false,
        ),
        (
            "mogadishu car bomb vs airport mortars, same day",
            C {
                ty: A,
                mode: Some("explosives"),
                place: Some("Mogadishu"),
                admin1: Some("Banaadir"),
                country: "SO",
                date: "2025-03-06",
                killed: Some(5),
                injured: Some(11),
                source: None,
                sentence: "A car bomb exploded near a security checkpoint on Mogadishu's busy \
                           Maka al-Mukarama road on Thursday morning, killing at least five \
                           people and wounding 11, police said.",
            },
            C {
                ty: A,
                mode: Some("heavy-weapons"),
                place: Some("Mogadishu"),
                admin1: Some("Banaadir"),
                country: "SO",
                date: "2025-03-06",
                killed: Some(0),
                injured: Some(3),
                source: None,
                sentence: "Several mortar rounds landed near the perimeter of Mogadishu's Aden \
                           Adde International Airport on Thursday evening, wounding three people.",
            },
            false,
        ),
        (
            "kherson market (tuesday) vs residential shelling (wednesday)",
            C {
                ty: A,
                mode: Some("heavy-weapons"),
                place: Some("Kherson"),
                admin1: Some("Kherson Oblast"),
                country: "UA",
                date: "2025-03-11",
                killed: Some(2),
                injured: Some(10),
                source: Some("RUS"),
                sentence: "Russian artillery shelled a covered market in the centre of the \
                           southern Ukrainian city of Kherson on Tuesday morning, killing two \
                           people and injuring at least 10, the regional governor said.",
            },
            C {
                ty: A,
                mode: Some("heavy-weapons"),
                place: Some("Kherson"),
                admin1: Some("Kherson Oblast"),
                country: "UA",
                date: "2025-03-12",
                killed: None,
                injured: Some(2),
                source: Some("RUS"),
                sentence: "In Kherson, doctors said the two people wounded in Wednesday's \
                           shelling of the Korabelnyi district were in a stable condition.",
            },
            true, // alone, nothing tells them apart but the day; see the article test below
        ),
        (
            "odesa port vs izmail port the next night, same region",
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Odesa"),
                admin1: Some("Odesa Oblast"),
                country: "UA",
                date: "2025-03-14",
                killed: Some(3),
                injured: Some(11),
                source: Some("RUS"),
                sentence: "Families in Odesa prepared on Saturday to bury victims of Friday's \
                           Russian drone attack on the city's port.",
            },
            C {
                ty: A,
                mode: Some("drone"),
                place: Some("Izmail"),
                admin1: Some("Odesa Oblast"),
                country: "UA",
                date: "2025-03-15",
                killed: Some(0),
                injured: Some(0),
                source: Some("RUS"),
                sentence: "Russian drones struck the Danube port of Izmail overnight, damaging \
                           grain storage; no casualties were reported.",
            },
            false,
        ),
        (
            "pakistan accuses afghanistan: over bannu on 5 march, over torkham on 6 march",
            C {
                ty: EventType::Accuse,
                mode: Some("allege"),
                place: None,
                admin1: None,
                country: "PK",
                date: "2025-03-05",
                killed: None,
                injured: None,
                source: Some("PAK"),
                sentence: "Islamabad accused Afghanistan's Taliban government of sheltering the \
                           militants behind the attack.",
            },
            C {
                ty: EventType::Accuse,
                mode: Some("allege"),
                place: None,
                admin1: None,
                country: "PK",
                date: "2025-03-06",
                killed: None,
                injured: None,
                source: Some("PAK"),
                sentence: "Pakistan's foreign office said on Thursday that Afghan forces had \
                           opened \"unprovoked fire\" on Pakistani positions.",
            },
            false,
        ),
        (
            "nairobi protest vs mombasa march, same day",
            C {
                ty: EventType::Protest,
                mode: Some("demo"),
                place: Some("Nairobi"),
                admin1: Some("Nairobi"),
                country: "KE",
                date: "2025-03-18",
                killed: Some(1),
                injured: None,
                source: Some("KEN"),
                sentence: "Kenyan police fired tear gas to disperse thousands of protesters \
                           marching on parliament in Nairobi.",
            },
            C {
                ty: EventType::Protest,
                mode: Some("demo"),
                place: Some("Mombasa"),
                admin1: Some("Mombasa"),
                country: "KE",
                date: "2025-03-18",
                killed: None,
                injured: None,
                source: Some("KEN"),
                sentence: "In Mombasa, several hundred people marched peacefully through the \
                           city centre.",
            },
            false,
        ),
        (
            // mpa-2025-03-12-0044: the market is named only in the clause dated a day apart.
            "kherson market (tuesday) vs residential shelling naming it a day after",
            kherson_market(),
            C {
                date: "2025-03-12",
                killed: None,
                injured: Some(2),
                sentence: "Russian forces shelled a residential area of Kherson on Wednesday \
                           afternoon, injuring two people, a day after an artillery strike on \
                           the city's central market killed four people.",
                ..kherson_market()
            },
            false,
        ),
        (
            // hdl-2025-03-06-0371 coded the mortars as explosives from its car-bomb clause.
            "airport mortars coded as explosives vs airport mortars, same day",
            C {
                ty: A,
                mode: Some("explosives"),
                place: Some("Mogadishu"),
                admin1: Some("Banaadir"),
                country: "SO",
                date: "2025-03-06",
                killed: Some(0),
                injured: Some(3),
                source: None,
                sentence: "Several mortar rounds landed near the perimeter of Mogadishu's Aden \
                           Adde International Airport on Thursday evening, wounding three \
                           people, hours after a car bomb killed seven people elsewhere in the \
                           city.",
            },
            C {
                ty: A,
                mode: Some("heavy-weapons"),
                place: Some("Mogadishu"),
                admin1: Some("Banaadir"),
                country: "SO",
                date: "2025-03-06",
                killed: None,
                injured: Some(3),
                source: None,
                sentence: "Separately, mortar shells fired at the area around the capital's \
                           airport on Thursday evening wounded three people, police said.",
            },
            true,
        ),
        (
            // nbt-2025-03-18-0290 coded the glide bomb as a drone from its later clause.
            "kharkiv drone strike vs glide bomb coded as drone, same day",
            kharkiv_drone(),
            C {
                killed: None,
                injured: Some(5),
                sentence: "A Russian guided aerial bomb struck an industrial enterprise in \
                           Kharkiv's Kholodnohirskyi district on Tuesday afternoon, injuring \
                           five workers, hours after a drone attack on an apartment building \
                           in the north of the city.",
                ..kharkiv_drone()
            },
            false,
        ),
        (
            "moscow court jails a journalist vs moscow expels diplomats, same day",
            C {
                ty: EventType::Sanction,
                mode: Some("convict"),
                place: Some("Moscow"),
                admin1: Some("Moskva"),
                country: "RU",
                date: "2025-03-14",
                killed: None,
                injured: None,
                source: Some("RUS"),
                sentence: "A Moscow court on Friday sentenced a Russian journalist to six years \
                           in a penal colony on charges of spreading \"false information\" \
                           about the army.",
            },
            C {
                ty: EventType::Sanction,
                mode: Some("expel"),
                place: Some("Moscow"),
                admin1: Some("Moskva"),
                country: "RU",
                date: "2025-03-14",
                killed: None,
                injured: None,
                source: Some("RUS"),
                sentence: "Separately, the ministry said it had ordered two Estonian diplomats \
                           to leave Russia within 72 hours in retaliation for the expulsion of \
                           a Russian diplomat from Tallinn last week.",
            },
            false,
        ),
        (
            "three days apart is outside the default window",
            kharkiv_drone(),
            C {
                date: "2025-03-21",
                sentence: "A Russian drone struck an apartment building in Kharkiv on Friday.",
                ..kharkiv_drone()
            },
            false,
        ),
    ]
}

#[test]
fn pairs_merge_or_stay_apart() {
    for (name, first, second, merge) in pair_table() {
        let mut d = Deduper::new(DedupConfig::default());
        let a1 = article("a-1", "2025-03-18T09:00:00Z", first.sentence);
        let a2 = article("a-2", "2025-03-18T12:00:00Z", second.sentence);
        let r1 = d.apply(&a1, vec![first.build("a-1")], a1.published_at);
        let r2 = d.apply(&a2, vec![second.build("a-2")], a2.published_at);
        assert_eq!(r1.len(), 1, "{name}");
        assert_eq!(r2.len(), 1, "{name}");
        assert_eq!(r1[0].event_id == r2[0].event_id, merge, "{name}");
        assert_eq!(d.events().count(), if merge { 1 } else { 2 }, "{name}");
    }
}

#[test]
fn one_article_two_incidents_take_their_own_events() {
    // mpa-2025-03-12-0044: Wednesday's shelling (new) and Tuesday's market attack (known).
    let mut d = Deduper::new(DedupConfig::default());
    let (_, market, wednesday, _) = pair_table().swap_remove(5);
    let a1 = article("cw-0107", "2025-03-11T09:00:00Z", "market story");
    let first = d.apply(&a1, vec![market.build("cw-0107")], a1.published_at);
    let a2 = article("mpa-0044", "2025-03-12T18:00:00Z", "roundup story");
    let toll = C {
        killed: Some(4),
        injured: None,
        sentence: "The toll from Tuesday's attack on the market rose to four overnight.",
        ..market
    };
    let out = d.apply(
        &a2,
        vec![wednesday.build("mpa-0044"), toll.build("mpa-0044")],
        a2.published_at,
    );
    assert_eq!(out.len(), 2);
    assert_eq!(
        out[0].status,
        EventStatus::New,
        "wednesday is a new incident"
    );
    assert_eq!(
        out[1].event_id, first[0].event_id,
        "the market toll joins tuesday"
    );
    assert_eq!(out[1].revision, 2);
    assert_eq!(out[1].casualties.killed, Some(4));
    assert_eq!(
        out[1].casualties.injured,
        Some(10),
        "null never overwrites a number"
    );
}

#[test]
fn same_article_candidates_never_share_an_event() {
    // The seed: "three bodies" in the Kharkiv region and "another assault on Kharkiv".
    let mut d = Deduper::new(DedupConfig::default());
    let a = article("seed", "2025-07-24T10:00:00Z", "seed body");
    let first = kharkiv_drone();
    let mut second = C {
        killed: None,
        injured: Some(33),
        sentence: "Additionally, another assault on Kharkiv resulted in 33 people injured \
                   early Thursday morning.",
        ..kharkiv_drone()
    }
    .build("seed");
    second.distinct = true;
    let out = d.apply(&a, vec![first.build("seed"), second], a.published_at);
    assert_eq!(out.len(), 2);
    assert_ne!(out[0].event_id, out[1].event_id);
}

#[test]
fn merge_rules_give_revisions_as_the_contract_says() {
    let mut d = Deduper::new(DedupConfig::default());
    let a1 = article("a1", "2025-03-18T08:00:00Z", "first report");
    let a2 = article("a2", "2025-03-18T11:00:00Z", "second report");
    let a3 = article("a3", "2025-03-18T07:00:00Z", "late-arriving older report");
    let r1 = d.apply(
        &a1,
        vec![kharkiv_drone().build("a1")],
        t("2025-03-18T08:00:05Z"),
    );
    let later = C {
        killed: Some(3),
        injured: None,
        place: Some("Kharkiv"),
        sentence: "The death toll from the drone strike on a nine-storey apartment building \
                   rose to three.",
        ..kharkiv_drone()
    };
    let r2 = d.apply(&a2, vec![later.build("a2")], t("2025-03-18T11:00:05Z"));
    let older = C {
        killed: Some(1),
        injured: Some(12),
        ..kharkiv_drone()
    };
    let r3 = d.apply(&a3, vec![older.build("a3")], t("2025-03-18T12:00:00Z"));
    let (e1, e2, e3) = (&r1[0], &r2[0], &r3[0]);
    assert_eq!((e1.revision, e1.status), (1, EventStatus::New));
    assert_eq!((e2.revision, e2.status), (2, EventStatus::Updated));
    assert_eq!(e3.revision, 3);
    let mut fresh = Deduper::new(DedupConfig::default());
    let other = article("z9", "2025-03-18T10:00:00Z", "another outlet's story");
    let first_elsewhere = fresh.apply(
        &other,
        vec![kharkiv_drone().build("z9")],
        other.published_at,
    );
    assert_eq!(
        first_elsewhere[0].event_id, e1.event_id,
        "the id names the incident, not the report that came first"
    );
    assert_eq!(e2.event_id, e1.event_id);
    assert_eq!(
        e2.casualties.killed,
        Some(3),
        "later figure replaces the earlier one"
    );
    assert_eq!(e2.casualties.injured, Some(9), "null keeps the number");
    assert_eq!(
        e3.casualties.killed,
        Some(3),
        "an older article does not overwrite"
    );
    assert_eq!(e3.mentions, 3);
    assert_eq!(e3.sources.len(), 3);
    assert_eq!(e3.evidence.len(), 3);
    assert_eq!(e3.first_seen, t("2025-03-18T08:00:05Z"));
    assert_eq!(e3.last_seen, t("2025-03-18T12:00:00Z"));
}

#[test]
fn location_takes_the_most_precise() {
    let mut d = Deduper::new(DedupConfig::default());
    let region = C {
        place: Some("Kharkiv Oblast"),
        admin1: Some("Kharkiv Oblast"),
        sentence: "Three bodies were found under the ruins of a residential building in the \
                   Kharkiv region.",
        ..kharkiv_drone()
    };
    let a1 = article("r1", "2025-03-18T08:00:00Z", "region report");
    let a2 = article("r2", "2025-03-18T09:00:00Z", "city report");
    d.apply(&a1, vec![region.build("r1")], a1.published_at);
    let out = d.apply(&a2, vec![kharkiv_drone().build("r2")], a2.published_at);
    assert_eq!(out[0].revision, 2, "the city is inside the region");
    let loc = out[0].location.as_ref().expect("location");
    assert_eq!(
        (loc.name.as_str(), loc.precision),
        ("Kharkiv", LocationPrecision::City)
    );
}

#[test]
fn exact_and_near_duplicates() {
    let body = "Gunmen on motorcycles abducted at least 23 people, most of them women and \
        children, in a night raid on a village in Nigeria's northwestern Zamfara state, police \
        said on Monday. The attackers stormed Kucheri village late on Saturday, firing into the \
        air and forcing residents into the bush. Police tactical teams and the military have \
        been deployed to the area to rescue the victims, a spokesman said. Kidnappings for \
        ransom are common in the region.";
    let cand = C {
        ty: A,
        mode: Some("abduct"),
        place: Some("Kucheri"),
        admin1: Some("Zamfara"),
        country: "NG",
        date: "2025-03-08",
        killed: None,
        injured: None,
        source: None,
        sentence: "Gunmen on motorcycles abducted at least 23 people.",
    };
    let mut d = Deduper::new(DedupConfig::default());
    let orig = article("cw", "2025-03-10T09:00:00Z", body);
    let out = d.apply(&orig, vec![cand.build("cw")], orig.published_at);
    assert_eq!(out.len(), 1);

    let same_id = article("cw", "2025-03-10T09:05:00Z", "whatever the body");
    assert!(d
        .apply(&same_id, vec![cand.build("cw")], t("2025-03-10T09:05:00Z"))
        .is_empty());
    let respaced = article(
        "other-id",
        "2025-03-10T09:06:00Z",
        &body.replace(". ", ".\n\n"),
    );
    assert!(d
        .apply(
            &respaced,
            vec![cand.build("other-id")],
            t("2025-03-10T09:06:00Z")
        )
        .is_empty());

    let edited = body.replace("at least 23", "23").replace(
        "are common in the region",
        "have plagued the northwest for years",
    );
    let copy = article("lkg", "2025-03-10T10:00:00Z", &edited);
    let mut c2 = cand.build("lkg");
    c2.mode = Some("firearms".into()); // would not merge on its own
    let out2 = d.apply(&copy, vec![c2], copy.published_at);
    assert_eq!(out2.len(), 1);
    assert_eq!(out2[0].event_id, out[0].event_id);
    assert_eq!(out2[0].revision, 2);
    assert_eq!(out2[0].mentions, 2);
    assert_eq!(out2[0].sources.len(), 2);
    assert_eq!(d.events().count(), 1);
    assert_eq!(
        d.stats(),
        DedupStats {
            articles: 4,
            duplicates: 2,
            near_duplicates: 1,
            created: 1,
            merged: 1
        }
    );
}

#[test]
fn reapplying_to_a_block_changes_nothing() {
    let cfg = DedupConfig::default();
    let mut recs = Vec::new();
    let a = article("x", "2025-03-18T08:00:00Z", "body");
    let c = kharkiv_drone().build("x");
    let first = apply_to_block(
        &cfg,
        "assault.ua",
        &mut recs,
        &a,
        vec![(0, c.clone())],
        a.published_at,
    );
    let again = apply_to_block(
        &cfg,
        "assault.ua",
        &mut recs,
        &a,
        vec![(0, c)],
        t("2025-03-18T09:00:00Z"),
    );
    assert!(first[0].1.is_change());
    assert_eq!(again[0].1, Outcome::Unchanged(first[0].1.event().clone()));
    assert_eq!(recs.len(), 1);
}

#[test]
fn redelivery_republishes_the_revision_the_article_made() {
    // a1 creates rev 1, a2 merges as rev 2, a3 as rev 3; a2 redelivered after a crash that
    // lost its article state must re-publish `event_id:2`, not rev 3 (a gap at 2 otherwise).
    let cfg = DedupConfig::default();
    let mut recs = Vec::new();
    let mut out = Vec::new();
    for id in ["a1", "a2", "a3"] {
        let a = article(id, "2025-03-18T08:00:00Z", id);
        let c = kharkiv_drone().build(id);
        out.push(apply_to_block(
            &cfg,
            "assault.ua",
            &mut recs,
            &a,
            vec![(0, c)],
            a.published_at,
        ));
    }
    assert_eq!(recs.len(), 1);
    assert_eq!(out[2][0].1.event().revision, 3);
    let a2 = article("a2", "2025-03-18T08:00:00Z", "a2");
    let again = apply_to_block(
        &cfg,
        "assault.ua",
        &mut recs,
        &a2,
        vec![(0, kharkiv_drone().build("a2"))],
        t("2025-03-18T09:00:00Z"),
    );
    let ev = again[0].1.event();
    assert!(!again[0].1.is_change());
    assert_eq!((ev.revision, ev.status), (2, EventStatus::Updated));
    assert_eq!(recs[0].event.revision, 3, "state unchanged");
    let a1 = article("a1", "2025-03-18T08:00:00Z", "a1");
    let first = apply_to_block(
        &cfg,
        "assault.ua",
        &mut recs,
        &a1,
        vec![(0, kharkiv_drone().build("a1"))],
        t("2025-03-18T09:00:00Z"),
    );
    assert_eq!(
        (first[0].1.event().revision, first[0].1.event().status),
        (1, EventStatus::New)
    );
    // Near-duplicate sources remember theirs too.
    let copy = article("copy", "2025-03-18T10:00:00Z", "copy");
    let added = add_source(&mut recs[0], &copy, t("2025-03-18T10:00:00Z"));
    assert_eq!(added.event().revision, 4);
    let _ = add_source(
        &mut recs[0],
        &article("copy2", "2025-03-18T10:00:00Z", "c2"),
        t("2025-03-18T10:00:00Z"),
    );
    let redo = add_source(&mut recs[0], &copy, t("2025-03-18T11:00:00Z"));
    assert_eq!((redo.is_change(), redo.event().revision), (false, 4));
    // Redelivered a2 found as a near-duplicate this time: still its own revision 2.
    let other_path = add_source(&mut recs[0], &a2, t("2025-03-18T12:00:00Z"));
    assert_eq!(
        (other_path.is_change(), other_path.event().revision),
        (false, 2)
    );
}

/// Applies one candidate to a block of the default config.
fn apply_one(
    recs: &mut Vec<EventRecord>,
    a: &Article,
    c: Candidate,
    now: DateTime<Utc>,
) -> Vec<(usize, Outcome)> {
    apply_to_block(
        &DedupConfig::default(),
        "assault.ua",
        recs,
        a,
        vec![(0, c)],
        now,
    )
}

#[test]
fn old_events_leave_the_block() {
    let mut recs = Vec::new();
    let a = article("x", "2025-03-01T08:00:00Z", "body");
    apply_one(&mut recs, &a, kharkiv_drone().build("x"), a.published_at);
    let b = article("y", "2025-03-18T08:00:00Z", "body");
    let out = apply_one(&mut recs, &b, kharkiv_drone().build("y"), b.published_at);
    assert!(
        matches!(out[0].1, Outcome::Created(_)),
        "no merge with a 17-day-old event"
    );
    assert_eq!(recs.len(), 1, "the old event was evicted");
}

#[test]
fn events_older_than_the_horizon_in_news_time_leave_even_when_processed_now() {
    // A backlog replayed today: the clock says every event is fresh, the news does not.
    let now = t("2026-01-10T00:00:00Z");
    let mut recs = Vec::new();
    let a = article("x", "2025-03-01T08:00:00Z", "body");
    apply_one(&mut recs, &a, kharkiv_drone().build("x"), now);
    let within = article("w", "2025-03-10T08:00:00Z", "body");
    let mut other = kherson_market().build("w");
    other.event_type = kharkiv_drone().build("w").event_type;
    apply_one(&mut recs, &within, other, now);
    assert_eq!(recs.len(), 2, "nine days apart: both kept");
    let later = article("y", "2025-04-01T08:00:00Z", "body");
    let out = apply_one(&mut recs, &later, kharkiv_drone().build("y"), now);
    assert!(matches!(out[0].1, Outcome::Created(_)));
    assert_eq!(
        recs.len(),
        1,
        "a month later in the news, the old events left"
    );
}

#[test]
fn block_keys() {
    let c = kharkiv_drone().build("a");
    assert_eq!(block_key(&c), "assault.ua");
    let mut s = c.clone();
    s.location = None;
    assert_eq!(block_key(&s), "assault.x-rus");
    s.actors.clear();
    assert_eq!(block_key(&s), "assault.none");
    assert_eq!(block_key_in(&s, Some("SD")), "assault.sd");
    assert_eq!(block_key_in(&c, Some("SD")), "assault.ua", "a place wins");
}

#[test]
fn article_country_is_where_most_candidates_are() {
    let ua = kharkiv_drone().build("a");
    let ru = C {
        place: Some("Belgorod"),
        admin1: Some("Belgorod Oblast"),
        country: "RU",
        ..kharkiv_drone()
    }
    .build("a");
    let mut none = ua.clone();
    none.location = None;
    let cases = [
        (vec![ua.clone(), ru.clone(), ua.clone()], Some("UA")),
        (vec![ru.clone(), ua.clone()], Some("RU")),
        (vec![none.clone()], None),
    ];
    for (cands, want) in cases {
        assert_eq!(article_country(&cands).as_deref(), want);
    }
}

#[test]
fn roles_swapped_between_reports_still_merge() {
    // atlas-2025-03-19-0150 vs nbt-2025-03-20-0077: who released whom is read both ways.
    let mut d = Deduper::new(DedupConfig::default());
    let exchange = |place: &str, sentence: &'static str| C {
        ty: EventType::Retreat,
        mode: Some("release"),
        place: Some(if place == "Kyiv" { "Kyiv" } else { "Ukraine" }),
        admin1: None,
        country: "UA",
        date: "2025-03-19",
        killed: None,
        injured: None,
        source: None,
        sentence,
    };
    let mut first = exchange(
        "Kyiv",
        "Russia and Ukraine each released 175 prisoners of war on Wednesday in an exchange \
         mediated by the United Arab Emirates, both sides said.",
    )
    .build("a-1");
    first.actors = actors("RUS", "UKR");
    let mut second = exchange(
        "Ukraine",
        "Ukraine's human rights ombudsman said the 175 soldiers freed in Wednesday's \
         prisoner exchange with Russia were receiving care in hospitals in northern Ukraine.",
    )
    .build("a-2");
    second.actors = actors("UKR", "RUS");
    second.back_reference = true;
    if let Some(l) = second.location.as_mut() {
        l.precision = LocationPrecision::Country;
    }
    let a1 = article("a-1", "2025-03-19T12:00:00Z", "exchange");
    let a2 = article("a-2", "2025-03-20T08:00:00Z", "follow-up");
    let r1 = d.apply(&a1, vec![first], a1.published_at);
    let r2 = d.apply(&a2, vec![second], a2.published_at);
    assert_eq!(r1[0].event_id, r2[0].event_id);
}

#[test]
fn one_sentence_read_twice_is_one_report() {
    // ego-2025-03-19-0018 names "Kharkov" and its "Saltivka neighbourhood" in one sentence.
    let sentence = "Residents of Kharkov's Saltivka neighbourhood spent Wednesday clearing \
                    glass and debris after a Russian drone strike on Tuesday that killed three \
                    people and injured 12.";
    let mut d = Deduper::new(DedupConfig::default());
    let city = C {
        killed: Some(3),
        injured: Some(12),
        sentence,
        ..kharkiv_drone()
    };
    let district = C {
        place: Some("Saltivka"),
        ..city
    };
    let a = article("ego-0018", "2025-03-19T08:00:00Z", sentence);
    let out = d.apply(
        &a,
        vec![city.build("ego-0018"), district.build("ego-0018")],
        a.published_at,
    );
    assert_eq!(out.len(), 1, "one event, published once: {out:?}");
    assert_eq!(out[0].revision, 1);
    assert_eq!(out[0].mentions, 1);
    assert_eq!(d.events().count(), 1);
    // Redelivery changes nothing; a distinct second reading stays apart.
    assert!(d
        .apply(
            &a,
            vec![city.build("ego-0018"), district.build("ego-0018")],
            a.published_at
        )
        .is_empty());
    let b = article("other", "2025-03-19T09:00:00Z", "another body");
    let mut apart = district.build("other");
    apart.distinct = true;
    let out = d.apply(&b, vec![city.build("other"), apart], b.published_at);
    assert_eq!(out.len(), 2);
    assert_ne!(out[0].event_id, out[1].event_id);

    // The seed lists incidents in several regions in one sentence: they stay apart.
    let listing = "The Ukrainian eastern Kharkiv region suffered devastating losses, with \
                   three bodies discovered under the ruins of a residential building, while \
                   several injuries were reported in Cherkasy and Zaporizhzhia.";
    let region = C {
        place: Some("Kharkiv Oblast"),
        admin1: Some("Kharkiv Oblast"),
        date: "2025-07-24",
        killed: Some(3),
        injured: None,
        sentence: listing,
        ..kharkiv_drone()
    };
    let cherkasy = C {
        place: Some("Cherkasy"),
        admin1: Some("Cherkasy Oblast"),
        ..region
    };
    let zaporizhzhia = C {
        place: Some("Zaporizhzhia"),
        admin1: Some("Zaporizhzhia Oblast"),
        killed: None,
        ..region
    };
    let mut d = Deduper::new(DedupConfig::default());
    let s = article("seed", "2025-07-24T10:00:00Z", listing);
    let out = d.apply(
        &s,
        vec![
            region.build("seed"),
            cherkasy.build("seed"),
            zaporizhzhia.build("seed"),
        ],
        s.published_at,
    );
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(d.events().count(), 3);
}

#[test]
fn placeless_report_meets_the_located_incident_of_its_article_country() {
    // ego-2025-03-18-0075: a Tawila story looks back at the Abu Shouk shelling, unplaced.
    let mut d = Deduper::new(DedupConfig::default());
    let shelling = C {
        ty: A,
        mode: Some("heavy-weapons"),
        place: Some("El Fasher"),
        admin1: Some("North Darfur"),
        country: "SD",
        date: "2025-03-08",
        killed: Some(12),
        injured: Some(20),
        source: Some("SDN"),
        sentence: "Artillery shells fired by the paramilitary Rapid Support Forces struck the \
                   Abu Shouk camp for displaced people on the outskirts of El Fasher on \
                   Saturday, killing at least 12 people.",
    };
    let shelling_acled = || {
        Some(crate::model::Acled {
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Shelling/artillery/missile attack".into(),
        })
    };
    let a1 = article("sd-1", "2025-03-08T12:00:00Z", "shelling");
    let mut located = shelling.build("sd-1");
    located.acled = shelling_acled();
    let first = d.apply(&a1, vec![located], a1.published_at);
    let tawila = C {
        mode: Some("drone"),
        place: Some("Tawila"),
        date: "2025-03-17",
        killed: None,
        injured: None,
        sentence: "On Monday, a drone struck the main water pumping station in Tawila.",
        ..shelling
    };
    let mut back = C {
        killed: Some(18),
        injured: None,
        sentence: "She left the Abu Shouk camp after the shelling earlier this month that \
                   local medics say killed 18 people.",
        ..shelling
    }
    .build("ego-0075");
    back.location = None;
    back.actors.clear();
    back.acled = shelling_acled();
    back.back_reference = true;
    back.date = Some(EventDate {
        value: NaiveDate::from_ymd_opt(2025, 3, 1).expect("date"),
        precision: DatePrecision::Month,
        text: "earlier this month".into(),
    });
    let a2 = article("ego-0075", "2025-03-18T08:00:00Z", "tawila story");
    let out = d.apply(&a2, vec![tawila.build("ego-0075"), back], a2.published_at);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].event_id, first[0].event_id, "{out:?}");
    assert_eq!(out[1].casualties.killed, Some(18));
}

/// The final events of `feed` applied in the given order: (id, facts) sorted by id.
fn final_events(feed: &[(Article, Vec<Candidate>)], order: &[usize]) -> Vec<(String, String)> {
    let mut d = Deduper::new(DedupConfig::default());
    for &i in order {
        let (a, cands) = &feed[i];
        d.apply(a, cands.clone(), a.published_at);
    }
    let mut out: Vec<(String, String)> = d
        .events()
        .map(|e| {
            let facts = format!(
                "{:?} {:?} {:?} {:?} {:?} {}",
                e.mode,
                e.location.as_ref().map(|l| &l.name),
                e.date.as_ref().map(|d| d.value),
                e.casualties.killed,
                e.casualties.injured,
                e.mentions
            );
            (e.event_id.clone(), facts)
        })
        .collect();
    out.sort();
    out
}

/// Two reports merge or not, and end in the same facts, whichever is applied first. They
/// end under the same ids too, except where the name (type, country, region, day) cannot
/// tell: one incident whose reports disagree on the day or the region (the first report
/// names it), and two incidents of one day and region (the first takes the name).
#[test]
fn pairs_end_alike_whichever_report_is_applied_first() {
    for (name, first, second, merge) in pair_table() {
        let named_alike = first.ty == second.ty
            && first.country == second.country
            && first.admin1 == second.admin1
            && first.date == second.date;
        let a1 = article("a-1", "2025-03-18T09:00:00Z", first.sentence);
        let a2 = article("a-2", "2025-03-18T12:00:00Z", second.sentence);
        let feed = vec![
            (a1, vec![first.build("a-1")]),
            (a2, vec![second.build("a-2")]),
        ];
        let forward = final_events(&feed, &[0, 1]);
        let backward = final_events(&feed, &[1, 0]);
        assert_eq!(forward.len(), if merge { 1 } else { 2 }, "{name}");
        let facts = |evs: &[(String, String)]| {
            let mut f: Vec<String> = evs.iter().map(|(_, f)| f.clone()).collect();
            f.sort();
            f
        };
        assert_eq!(facts(&backward), facts(&forward), "{name}");
        if named_alike == merge {
            assert_eq!(backward, forward, "{name}");
        }
    }
}

/// A prisoner exchange (Kyiv, Wednesday) and a follow-up a day later that refers back to
/// it, read at country level and dated at its report.
fn exchange_reports() -> Vec<(Article, Vec<Candidate>)> {
    let report = |place: &'static str, date: &'static str, sentence: &'static str| C {
        ty: EventType::Retreat,
        mode: Some("release"),
        place: Some(place),
        admin1: None,
        country: "UA",
        date,
        killed: None,
        injured: None,
        source: None,
        sentence,
    };
    let mut first = report(
        "Kyiv",
        "2025-03-19",
        "Russia and Ukraine each released 175 prisoners of war on Wednesday.",
    )
    .build("a-1");
    first.actors = actors("RUS", "UKR");
    let mut second = report(
        "Ukraine",
        "2025-03-20",
        "The soldiers freed in the prisoner exchange overnight were receiving care.",
    )
    .build("a-2");
    second.actors = actors("RUS", "UKR");
    second.back_reference = true;
    if let Some(l) = second.location.as_mut() {
        l.precision = LocationPrecision::Country;
    }
    vec![
        (
            article("a-1", "2025-03-19T12:00:00Z", "exchange"),
            vec![first],
        ),
        (
            article("a-2", "2025-03-20T18:00:00Z", "follow-up"),
            vec![second],
        ),
    ]
}

#[test]
fn a_back_reference_pulls_whichever_report_came_first() {
    let feed = exchange_reports();
    let forward = final_events(&feed, &[0, 1]);
    assert_eq!(forward.len(), 1, "{forward:?}");
    assert!(forward[0].1.contains("Kyiv") && forward[0].1.contains("2025-03-19"));
    // The same event and facts; the name is the first report's (it disagrees on the day
    // and the region).
    let backward = final_events(&feed, &[1, 0]);
    assert_eq!(backward.len(), 1, "{backward:?}");
    assert_eq!(backward[0].1, forward[0].1);
}

#[test]
fn a_back_reference_published_before_the_other_report_does_not_pull() {
    // atlas-2025-03-05-0009 ("Pakistan accused Kabul", Wednesday, a back-reference) and
    // atlas-2025-03-06-0140 (another accusation in Islamabad on Thursday): two incidents.
    let mut feed = exchange_reports();
    feed.reverse();
    feed[0].0.published_at = t("2025-03-19T08:00:00Z");
    feed[1].0.published_at = t("2025-03-20T12:00:00Z");
    for c in &mut feed[0].1 {
        c.date.as_mut().expect("date").value = NaiveDate::from_ymd_opt(2025, 3, 19).unwrap();
    }
    for c in &mut feed[1].1 {
        c.date.as_mut().expect("date").value = NaiveDate::from_ymd_opt(2025, 3, 20).unwrap();
    }
    let forward = final_events(&feed, &[0, 1]);
    assert_eq!(forward.len(), 2, "{forward:?}");
    assert_eq!(final_events(&feed, &[1, 0]), forward);
}

#[test]
fn two_incidents_of_one_day_and_city_keep_their_names_in_any_order() {
    // cw-2025-03-06-0055 (the car bomb) and hdl-2025-03-06-0371 (an evening mortar attack,
    // told first, then the car bomb): one block, one day, one region.
    let mogadishu = |mode, killed, injured, sentence| C {
        ty: A,
        mode: Some(mode),
        place: Some("Mogadishu"),
        admin1: Some("Banaadir"),
        country: "SO",
        date: "2025-03-06",
        killed: Some(killed),
        injured: Some(injured),
        source: None,
        sentence,
    };
    let car_bomb = |killed, injured, sentence| mogadishu("explosives", killed, injured, sentence);
    let feed = vec![
        (
            article("cw", "2025-03-06T08:10:00Z", "car bomb"),
            vec![car_bomb(
                5,
                11,
                "A car bomb exploded near a security checkpoint on Thursday morning, \
                 killing five people.",
            )
            .build("cw")],
        ),
        (
            article("hdl", "2025-03-06T20:45:00Z", "mortar, then car bomb"),
            vec![
                mogadishu(
                    "heavy-weapons",
                    0,
                    3,
                    "Several mortar rounds landed near the airport on Thursday evening, \
                     wounding three people.",
                )
                .build("hdl"),
                car_bomb(
                    7,
                    15,
                    "Earlier on Thursday, a parked car packed with explosives blew up near a \
                     checkpoint, killing seven people.",
                )
                .build("hdl"),
            ],
        ),
    ];
    let forward = final_events(&feed, &[0, 1]);
    assert_eq!(forward.len(), 2, "{forward:?}");
    assert_eq!(final_events(&feed, &[1, 0]), forward);
}
