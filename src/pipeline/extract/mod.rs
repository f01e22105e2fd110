//! Event extraction: one article in, event candidates out (who did what to whom,
//! where, when, how many).
//!
//! Pipeline per article: normalize -> sentences (repeats skipped) -> trigger words per
//! sentence, kept or dropped by context (negation, denial, modality, history, figurative
//! domain, names) -> one candidate per type and place within a sentence -> places, dates,
//! casualty figures, actors and quantities attached -> same-incident candidates merged,
//! country-level restatements dropped -> summary and confidence -> the learned typer
//! ([`typer`]) re-types thinly covered statement types and ranks the events.

pub mod acled;
pub mod actors;
mod assemble;
pub mod casualties;
pub mod countries;
pub mod dates;
pub mod lexicon;
mod lowered;
pub mod numbers;
mod places;
pub mod quantities;
pub mod summary;
pub mod triggers;
pub mod typer;
mod words;

use crate::geo::Gazetteer;
use crate::model::{Article, Candidate};

/// The extraction engine. Cheap to share across threads; holds the gazetteer.
pub struct Extractor {
    gazetteer: &'static Gazetteer,
}

impl Extractor {
    pub fn new(gazetteer: &'static Gazetteer) -> Extractor {
        Extractor { gazetteer }
    }

    /// Builds everything extraction loads lazily (the typer's model, word-list tries,
    /// compiled regexes) by extracting one small built-in article.
    pub fn warm_up(&self) {
        let article = Article {
            id: "warm-up".into(),
            url: None,
            title: Some("Warm-up".into()),
            body: "KYIV, March 11 - Russian drones struck Kharkiv overnight on Tuesday, killing \
                   two people and injuring 12, officials said. Police arrested 30 protesters \
                   in Tbilisi, and the EU accused Moscow of violating the ceasefire."
                .into(),
            published_at: chrono::DateTime::UNIX_EPOCH,
            source: None,
            language: Some("en".into()),
        };
        let _ = self.extract(&article);
    }

    /// Extracts the events of one article. Never panics; bounded time on any input.
    /// Never inlined, so that profilers can collect inside it alone.
    #[inline(never)]
    pub fn extract(&self, article: &Article) -> Vec<Candidate> {
        let mut out = assemble::extract(self.gazetteer, article);
        let g = self.gazetteer;
        typer::Typer::global().refine(article, &mut out, |a2| {
            g.country(a2).map(|c| c.name.clone())
        });
        out
    }
}
