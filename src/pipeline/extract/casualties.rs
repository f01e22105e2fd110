//! Casualty figures of a sentence as the assembly uses them: each figure with its byte
//! position so it can be tied to the right event. The reading of numbers and of the
//! words around them is `numbers::casualty_counts`; this module only adapts it.

use super::numbers::{casualty_counts, CountKind, CountMention};

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
    /// Denied outright ("no one was killed", "no casualties"): zero.
    NoneAtAll,
}

/// One casualty figure at a byte position of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub pos: usize,
    pub kind: Kind,
    pub amount: Amount,
}

/// Finds the casualty figures of one sentence (abductions are counted as quantities,
/// not casualties). Never panics; bounded by `casualty_counts`.
pub fn find(sentence: &str) -> Vec<Figure> {
    of_counts(&casualty_counts(sentence))
}

/// [`find`] from the sentence's casualty counts already read (`numbers::counts`).
pub fn of_counts(counts: &[CountMention]) -> Vec<Figure> {
    counts
        .iter()
        .filter_map(|m| {
            let kind = match m.kind {
                CountKind::Killed => Kind::Killed,
                CountKind::Injured => Kind::Injured,
                CountKind::Missing => Kind::Missing,
                CountKind::Arrested => Kind::Arrested,
                CountKind::Abducted => return None,
            };
            let amount = match m.value {
                Some(0) => Amount::NoneAtAll,
                Some(n) => Amount::Exact(n),
                None => Amount::Vague,
            };
            Some(Figure {
                pos: m.start,
                kind,
                amount,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(s: &str) -> Vec<(Kind, Amount)> {
        find(s).into_iter().map(|f| (f.kind, f.amount)).collect()
    }

    #[test]
    fn figures_of_real_sentences() {
        let cases: &[(&str, &[(Kind, Amount)])] = &[
            (
                "Gunmen opened fire inside a bar, killing six people and wounding three.",
                &[
                    (Kind::Killed, Amount::Exact(6)),
                    (Kind::Injured, Amount::Exact(3)),
                ],
            ),
            // a beheading or a massacre kills ("beheaded at least five villagers")
            (
                "Islamist insurgents beheaded at least five villagers in Cabo Delgado province.",
                &[(Kind::Killed, Amount::Exact(5))],
            ),
            (
                "Militiamen massacred 43 people at a camp for displaced people in Ituri.",
                &[(Kind::Killed, Amount::Exact(43))],
            ),
            // the groups a casualty verb's object names add up; a group with a verb of
            // its own is a figure of its own
            (
                "Indian and Pakistani troops exchanged fire overnight, killing two Indian soldiers and a civilian.",
                &[(Kind::Killed, Amount::Exact(3))],
            ),
            (
                "Russian shelling killed three civilians, two soldiers and a child in Kherson.",
                &[(Kind::Killed, Amount::Exact(6))],
            ),
            (
                "The strike killed five people, three of them children, and wounded 12.",
                &[
                    (Kind::Killed, Amount::Exact(5)),
                    (Kind::Injured, Amount::Exact(12)),
                ],
            ),
            (
                "Police arrested two men and a woman in Nairobi on Monday.",
                &[(Kind::Arrested, Amount::Exact(3))],
            ),
            // who tells of it is no victim
            (
                "Suspected herders attacked two villages on Friday night, killing 27 people, a local official said.",
                &[(Kind::Killed, Amount::Exact(27))],
            ),
            (
                "Gunmen killed five villagers and wounded three others in Zamfara.",
                &[
                    (Kind::Killed, Amount::Exact(5)),
                    (Kind::Injured, Amount::Exact(3)),
                ],
            ),
            // a count after a possessive
            (
                "Rebels shot down a military helicopter in Mali, killing its two pilots.",
                &[(Kind::Killed, Amount::Exact(2))],
            ),
            (
                "No deaths were reported from the mortar attack.",
                &[(Kind::Killed, Amount::NoneAtAll)],
            ),
            (
                "Police said 11 people had been detained for disturbing public order.",
                &[(Kind::Arrested, Amount::Exact(11))],
            ),
            (
                "Dozens of people were injured in the clashes.",
                &[(Kind::Injured, Amount::Vague)],
            ),
            // abductions are quantities, not casualties
            ("Gunmen abducted 23 villagers in Zamfara state.", &[]),
            // the wounded who died add to an earlier toll: no total of either
            (
                "Two passers-by who had been wounded in the blast near Bannu, in Khyber Pakhtunkhwa province, died overnight, said a hospital spokesman.",
                &[],
            ),
            (
                "Two villagers who tried to resist were shot dead.",
                &[(Kind::Killed, Amount::Exact(2))],
            ),
            // the victim after the verb phrase
            (
                "Gunmen shot dead a journalist in the Mexican city of Culiacan on Thursday.",
                &[(Kind::Killed, Amount::Exact(1))],
            ),
            (
                "Suspected militants gunned down two policemen at a checkpoint.",
                &[(Kind::Killed, Amount::Exact(2))],
            ),
            (
                "Unidentified gunmen shot dead a local councillor outside his home in Guerrero late on Friday.",
                &[(Kind::Killed, Amount::Exact(1))],
            ),
            (
                "A suicide bomber killed a pro-government cleric and wounded a journalist in Kabul.",
                &[(Kind::Killed, Amount::Exact(1)), (Kind::Injured, Amount::Exact(1))],
            ),
            (
                "Gunmen opened fire Monday at Bangkok's busiest international airport, killing a British tourist and injuring several others.",
                &[(Kind::Killed, Amount::Exact(1)), (Kind::Injured, Amount::Vague)],
            ),
            (
                "A stray shell killed a worshipper and wounded a volunteer outside the mosque.",
                &[(Kind::Killed, Amount::Exact(1)), (Kind::Injured, Amount::Exact(1))],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(got(s), want.to_vec(), "{s}");
        }
    }

    #[test]
    fn positions_point_into_the_sentence() {
        let s = "A drone hit a car, killing a 38-year-old man and injuring two passengers.";
        for f in find(s) {
            assert!(f.pos < s.len());
        }
    }
}
