//! The embedded GeoNames gazetteer and place resolution in text.

/// Gazetteer of countries, admin divisions and populated places.
pub struct Gazetteer {}

impl Gazetteer {
    /// The process-wide gazetteer, loaded once from the embedded data file.
    pub fn global() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer {})
    }
}
