//! Red flags: symptoms a client logs in a check-in that mean "call your
//! clinic" (or, for signs of infection, "see a doctor").
//!
//! A protocol's `[[warning]]` sections say which symptom, from which level,
//! on which days, and what the clinic asks the client to do. The engine
//! matches a day's logged [`Symptoms`] against them and answers with
//! [`RedFlagCard`]s; it never diagnoses. One general card, marked as general
//! guidance rather than the clinic's, covers signs of infection.
//!
//! (The type is `RedFlag`, not `Warning`: [`crate::Warning`] already names
//! what looks wrong with a plan's dates.)

use serde::{Deserialize, Serialize};

/// A symptom a check-in asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    /// A red scalp.
    Redness,
    /// An itchy scalp.
    Itching,
    /// Scabs, flaking, peeling.
    Scabs,
    /// A sore or tender scalp.
    Soreness,
    /// Swelling.
    Swelling,
    /// A sunburnt scalp.
    Sunburn,
}

impl Symptom {
    /// Every symptom, in the order a check-in asks about them.
    pub const ALL: [Symptom; 6] = [
        Symptom::Redness,
        Symptom::Itching,
        Symptom::Scabs,
        Symptom::Soreness,
        Symptom::Swelling,
        Symptom::Sunburn,
    ];

    /// The id used in protocol files and the store (`"scabs"`).
    pub fn id(self) -> &'static str {
        match self {
            Symptom::Redness => "redness",
            Symptom::Itching => "itching",
            Symptom::Scabs => "scabs",
            Symptom::Soreness => "soreness",
            Symptom::Swelling => "swelling",
            Symptom::Sunburn => "sunburn",
        }
    }
}

/// How strong a symptom is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Not at all.
    #[default]
    None,
    /// A little.
    Mild,
    /// Clearly.
    Moderate,
    /// A lot.
    Strong,
}

/// What a client logged about their scalp on one day: one [`Level`] per
/// [`Symptom`] (`None` when not felt).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Symptoms {
    /// Redness.
    pub redness: Level,
    /// Itching.
    pub itching: Level,
    /// Scabbing.
    pub scabs: Level,
    /// Tenderness.
    pub soreness: Level,
    /// Swelling.
    pub swelling: Level,
    /// Sunburn.
    pub sunburn: Level,
}

impl Symptoms {
    /// The level logged for `symptom`.
    pub fn level(&self, symptom: Symptom) -> Level {
        match symptom {
            Symptom::Redness => self.redness,
            Symptom::Itching => self.itching,
            Symptom::Scabs => self.scabs,
            Symptom::Soreness => self.soreness,
            Symptom::Swelling => self.swelling,
            Symptom::Sunburn => self.sunburn,
        }
    }
}

/// Whose words a card carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RedFlagSource {
    /// A `[[warning]]` of the protocol followed.
    Clinic,
    /// The app's general guidance (signs of infection), not the clinic's.
    General,
}

/// A card shown at the top of Today when a check-in matches a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RedFlagCard {
    /// Stable id: the warning's id in the protocol, or `"general-infection"`.
    pub id: String,
    /// Whose words these are.
    pub source: RedFlagSource,
    /// The symptom that matched (the first, when several did).
    pub symptom: Symptom,
    /// One short line, today's news first ("Still red on day 5").
    pub headline: String,
    /// What it may mean, in plain words; never a diagnosis.
    pub meaning: String,
    /// What to do: the clinic's words (or, for a general card, "see a
    /// doctor").
    pub action: String,
}

/// The cards a check-in on `date` with `symptoms` matches under `plan`
/// (see [`crate::Plan::red_flags`]).
// Skeleton: the matching lands with the protocol's `[[warning]]` section.
pub(crate) fn matching(
    _plan: &crate::Plan,
    _date: chrono::NaiveDate,
    _symptoms: &Symptoms,
) -> Vec<RedFlagCard> {
    Vec::new()
}
