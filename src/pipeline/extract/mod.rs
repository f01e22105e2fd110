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
pub mod numbers;
mod places;
pub mod quantities;
pub mod summary;
pub mod triggers;
pub mod typer;

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

    /// Extracts the events of one article. Never panics; bounded time on any input.
    pub fn extract(&self, article: &Article) -> Vec<Candidate> {
        let mut out = assemble::extract(self.gazetteer, article);
        let g = self.gazetteer;
        typer::Typer::global().refine(article, &mut out, |a2| {
            g.country(a2).map(|c| c.name.clone())
        });
        out
    }
}
