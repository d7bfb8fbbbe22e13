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

use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::day::day_number;
use crate::lang::Lang;
use crate::messages::{Arg, tr, tr_plain};

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

impl FromStr for Symptom {
    type Err = String;

    /// ```
    /// use aftercare::Symptom;
    ///
    /// assert_eq!("scabs".parse::<Symptom>(), Ok(Symptom::Scabs));
    /// assert_eq!(
    ///     "rash".parse::<Symptom>().unwrap_err(),
    ///     "unknown symptom \"rash\" (expected one of: redness, itching, scabs, soreness, swelling, sunburn)",
    /// );
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Symptom::ALL
            .into_iter()
            .find(|t| t.id() == s)
            .ok_or_else(|| {
                let ids: Vec<&str> = Symptom::ALL.iter().map(|t| t.id()).collect();
                format!(
                    "unknown symptom {s:?} (expected one of: {})",
                    ids.join(", ")
                )
            })
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

impl Level {
    /// The id used in protocol files and the store (`"moderate"`).
    pub fn id(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Mild => "mild",
            Level::Moderate => "moderate",
            Level::Strong => "strong",
        }
    }

    /// The level a protocol's `[[warning]]` names: `mild`, `moderate` or
    /// `strong` (a warning from `none` on would match every check-in).
    ///
    /// ```
    /// use aftercare::Level;
    ///
    /// assert_eq!(Level::warning_level("moderate"), Ok(Level::Moderate));
    /// assert_eq!(
    ///     Level::warning_level("none").unwrap_err(),
    ///     "unknown level \"none\" (expected mild, moderate or strong)",
    /// );
    /// ```
    pub fn warning_level(s: &str) -> Result<Level, String> {
        [Level::Mild, Level::Moderate, Level::Strong]
            .into_iter()
            .find(|l| l.id() == s)
            .ok_or_else(|| format!("unknown level {s:?} (expected mild, moderate or strong)"))
    }
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

/// When a protocol's [`RedFlag`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedFlagDays {
    /// Days `from_day..=to_day` counted from the latest session on or
    /// before the check-in (day 1 = the session's day); `to_day: None` is
    /// open-ended. Never before the first session.
    AfterSession {
        /// First day.
        from_day: u32,
        /// Last day, inclusive.
        to_day: Option<u32>,
    },
    /// While a booked session lies ahead: any day before it and its own
    /// day (`before_session = true` in the file).
    BeforeSession,
}

impl RedFlagDays {
    /// Whether the window holds on `date` under `plan`, with the headline's
    /// "when" words if it does: "on day 5", "before your next session".
    fn holds(self, plan: &crate::Plan, date: NaiveDate) -> Option<When> {
        let sessions = plan.sessions();
        match self {
            RedFlagDays::AfterSession { from_day, to_day } => {
                let latest = plan.schedule.session_index_on(date)?;
                let day = day_number(*sessions.get(latest)?, date)?;
                (day >= from_day && to_day.is_none_or(|to| day <= to)).then_some(When::Day {
                    day,
                    still: from_day > 1,
                })
            }
            RedFlagDays::BeforeSession => {
                // The session's own day counts: a check-in does not say
                // whether it was before or after the appointment, and the
                // morning of it is when sunburn matters most.
                let next = sessions.get(sessions.partition_point(|s| *s < date))?;
                Some(if *next == date {
                    When::SessionDay
                } else {
                    When::Before
                })
            }
        }
    }
}

/// The "when" of a card's headline.
enum When {
    Day { day: u32, still: bool },
    SessionDay,
    Before,
}

/// A protocol's `[[warning]]`: a symptom that, from a level on and on
/// certain days, means "tell your clinic". (The TOML section is
/// `[[warning]]`; the type is `RedFlag` because [`crate::Warning`] already
/// names what looks wrong with a plan's dates.)
///
/// ```
/// use aftercare::{Level, Protocol, RedFlagDays, Symptom};
///
/// let p = Protocol::builtin("four-to-thirty")?;
/// let redness = &p.red_flags()[0];
/// assert_eq!(redness.id, "redness-lasting");
/// assert_eq!((redness.symptom, redness.level), (Symptom::Redness, Level::Mild));
/// assert_eq!(redness.days, RedFlagDays::AfterSession { from_day: 4, to_day: None });
/// # Ok::<(), aftercare::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedFlag {
    /// Lowercase letters, digits and hyphens, unique within the protocol;
    /// the id of the card it gives.
    pub id: String,
    /// The symptom it watches.
    pub symptom: Symptom,
    /// The least logged level that matches (never [`Level::None`]).
    pub level: Level,
    /// The days on which it holds.
    pub days: RedFlagDays,
    /// What it may mean, in plain words; never a diagnosis.
    pub meaning: String,
    /// What the clinic asks the client to do.
    pub note: String,
}

/// The id of the general card on signs of infection.
pub const GENERAL_INFECTION_ID: &str = "general-infection";

/// The symptoms that, logged `strong`, bring up the general card on signs
/// of infection.
const INFECTION_SIGNS: [Symptom; 3] = [Symptom::Redness, Symptom::Swelling, Symptom::Soreness];

/// The cards a check-in on `date` with `symptoms` matches under `plan`
/// (see [`crate::Plan::red_flags`]). A scan of the protocol's few warnings:
/// nothing is precomputed, so [`crate::Plan::new`] pays nothing for it.
pub(crate) fn matching(
    plan: &crate::Plan,
    date: NaiveDate,
    symptoms: &Symptoms,
) -> Vec<RedFlagCard> {
    let mut cards: Vec<RedFlagCard> = plan
        .protocol()
        .red_flags()
        .iter()
        .filter(|flag| symptoms.level(flag.symptom) >= flag.level)
        .filter_map(|flag| {
            let when = flag.days.holds(plan, date)?;
            Some(RedFlagCard {
                id: flag.id.clone(),
                source: RedFlagSource::Clinic,
                symptom: flag.symptom,
                headline: headline(plan.lang(), flag.symptom, &when),
                meaning: flag.meaning.clone(),
                action: flag.note.clone(),
            })
        })
        .collect();
    if let Some(symptom) = INFECTION_SIGNS
        .into_iter()
        .find(|s| symptoms.level(*s) == Level::Strong)
    {
        cards.push(general_infection(plan.lang(), symptom));
    }
    cards
}

/// "Still red on day 5": the state first, then when. "Still" only where
/// the window opens after day 1, that is, where the clinic says the
/// symptom is expected on the first days.
fn headline(lang: Lang, symptom: Symptom, when: &When) -> String {
    let (when, day, still) = match when {
        When::Day { day, still } => ("day", *day, *still),
        When::SessionDay => ("session-day", 0, false),
        When::Before => ("before", 0, false),
    };
    tr(
        lang,
        "red-flag-headline",
        &[
            ("symptom", Arg::from(symptom.id())),
            ("still", Arg::from(if still { "yes" } else { "no" })),
            ("when", Arg::from(when)),
            ("day", Arg::from(day)),
        ],
    )
}

/// The general card on signs of infection. Its words are the app's, not a
/// clinic's, and say so; they name signs to look out for and never say the
/// client has an infection.
fn general_infection(lang: Lang, symptom: Symptom) -> RedFlagCard {
    RedFlagCard {
        id: GENERAL_INFECTION_ID.to_string(),
        source: RedFlagSource::General,
        symptom,
        headline: tr_plain(lang, "red-flag-infection-headline"),
        meaning: tr_plain(lang, "red-flag-infection-meaning"),
        action: tr_plain(lang, "red-flag-infection-action"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HEADLINE_MAX;

    #[test]
    fn headlines_fit_and_read_news_first() {
        let longest = Lang::ALL
            .into_iter()
            .flat_map(|l| Symptom::ALL.into_iter().map(move |s| (l, s)))
            .flat_map(|(l, s)| {
                [
                    headline(
                        l,
                        s,
                        &When::Day {
                            day: 366,
                            still: true,
                        },
                    ),
                    headline(
                        l,
                        s,
                        &When::Day {
                            day: 366,
                            still: false,
                        },
                    ),
                    headline(l, s, &When::SessionDay),
                    headline(l, s, &When::Before),
                ]
            })
            .map(|h| h.chars().count())
            .max();
        assert!(longest.is_some_and(|n| n <= HEADLINE_MAX), "{longest:?}");
        assert_eq!(
            headline(
                Lang::En,
                Symptom::Redness,
                &When::Day {
                    day: 5,
                    still: true
                }
            ),
            "Still red on day 5"
        );
        assert_eq!(
            headline(
                Lang::En,
                Symptom::Swelling,
                &When::Day {
                    day: 2,
                    still: false
                }
            ),
            "Swollen on day 2"
        );
        assert_eq!(
            headline(Lang::En, Symptom::Sunburn, &When::Before),
            "Sunburnt before your next session"
        );
        assert_eq!(
            headline(Lang::En, Symptom::Sunburn, &When::SessionDay),
            "Sunburnt on your session day"
        );
        assert_eq!(
            headline(
                Lang::Es,
                Symptom::Redness,
                &When::Day {
                    day: 5,
                    still: true
                }
            ),
            "Sigue la rojez el día 5"
        );
        for lang in Lang::ALL {
            let card = general_infection(lang, Symptom::Redness);
            assert!(card.headline.chars().count() <= HEADLINE_MAX);
        }
    }
}
