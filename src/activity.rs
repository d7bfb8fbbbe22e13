//! The activities a protocol can restrict, and how strongly.
//!
//! Activity ids are stable: they appear in protocol files, in JSON output
//! and in the UI, so an id is never renamed once published.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::messages::{Arg, tr};

/// Something a client may or may not do after (or before) a session.
///
/// The `snake_case` id is the stable name used in files and JSON.
///
/// # Example
///
/// ```
/// use aftercare::Activity;
///
/// let swim: Activity = "swim".parse().unwrap();
/// assert_eq!(swim, Activity::Swim);
/// assert_eq!(swim.id(), "swim");
/// assert_eq!(swim.label(), "Swimming");
/// assert!("swimming".parse::<Activity>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// Washing the hair or scalp with shampoo, or showering the head.
    Wash,
    /// Getting the scalp wet at all: rain, splashes, sweat running onto it.
    Wet,
    /// Rinsing the scalp with plain water.
    Rinse,
    /// Shaving the head.
    Shave,
    /// Having the hair cut.
    Haircut,
    /// Putting moisturiser on the scalp.
    Moisturise,
    /// Light exercise that causes little sweat.
    Exercise,
    /// Heavy exercise and anything that makes the scalp sweat a lot.
    Sweat,
    /// Swimming in pools or the sea; any contact with chlorine.
    Swim,
    /// Saunas and steam rooms.
    Sauna,
    /// Exposing the scalp to the sun.
    Sun,
    /// Sunbeds.
    Sunbed,
    /// Wearing woolly hats (silk hats and caps are a different matter).
    WoollyHat,
    /// Colouring the hair.
    HairColour,
    /// Soaking the scalp in a bath.
    Bath,
    /// Drinking alcohol (preparation: it thins the blood).
    Alcohol,
    /// High-stimulant drinks such as pre-workout drinks (preparation).
    Stimulants,
    /// Aspirin and other blood thinners not prescribed (preparation).
    Aspirin,
}

impl Activity {
    /// Every activity, in the order the app lists them.
    pub const ALL: [Activity; 18] = [
        Activity::Wash,
        Activity::Wet,
        Activity::Rinse,
        Activity::Shave,
        Activity::Haircut,
        Activity::Moisturise,
        Activity::Exercise,
        Activity::Sweat,
        Activity::Swim,
        Activity::Sauna,
        Activity::Sun,
        Activity::Sunbed,
        Activity::WoollyHat,
        Activity::HairColour,
        Activity::Bath,
        Activity::Alcohol,
        Activity::Stimulants,
        Activity::Aspirin,
    ];

    /// The stable id used in protocol files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Activity::Wash => "wash",
            Activity::Wet => "wet",
            Activity::Rinse => "rinse",
            Activity::Shave => "shave",
            Activity::Haircut => "haircut",
            Activity::Moisturise => "moisturise",
            Activity::Exercise => "exercise",
            Activity::Sweat => "sweat",
            Activity::Swim => "swim",
            Activity::Sauna => "sauna",
            Activity::Sun => "sun",
            Activity::Sunbed => "sunbed",
            Activity::WoollyHat => "woolly_hat",
            Activity::HairColour => "hair_colour",
            Activity::Bath => "bath",
            Activity::Alcohol => "alcohol",
            Activity::Stimulants => "stimulants",
            Activity::Aspirin => "aspirin",
        }
    }

    /// A short name for lists: "Shaving", "Sauna and steam".
    pub fn label(self) -> &'static str {
        self.label_in(Lang::En)
    }

    /// What the client does, to follow "you may": "shave", "swim".
    pub fn verb(self) -> &'static str {
        self.verb_in(Lang::En)
    }

    /// What the client avoids, to follow "no": "shaving", "sunbeds".
    pub fn noun(self) -> &'static str {
        self.noun_in(Lang::En)
    }

    /// [`Activity::label`] in `lang`.
    ///
    /// ```
    /// use aftercare::{Activity, Lang};
    ///
    /// assert_eq!(Activity::Swim.label_in(Lang::Es), "Natación");
    /// assert_eq!(Activity::Swim.verb_in(Lang::Es), "nadar");
    /// ```
    pub fn label_in(self, lang: Lang) -> &'static str {
        self.word(lang, Form::Label)
    }

    /// [`Activity::verb`] in `lang`.
    pub fn verb_in(self, lang: Lang) -> &'static str {
        self.word(lang, Form::Verb)
    }

    /// [`Activity::noun`] in `lang`.
    pub fn noun_in(self, lang: Lang) -> &'static str {
        self.word(lang, Form::Noun)
    }

    /// The short word of a headline, before "again" (`activity-again`):
    /// "rinse", "get wet". Milestones say it on many days, so it is
    /// worded once per language, not once per milestone.
    pub(crate) fn again_in(self, lang: Lang) -> &'static str {
        self.word(lang, Form::Again)
    }

    /// The short noun of headlines and points (`activity-short`):
    /// "rinsing", "sun on your scalp".
    pub(crate) fn short_in(self, lang: Lang) -> &'static str {
        self.word(lang, Form::Short)
    }

    /// The words come from the message files (`activity-label`, ...),
    /// formatted once per language into a table, so that they can be
    /// lent as `&'static str` like the ids.
    fn word(self, lang: Lang, form: Form) -> &'static str {
        static WORDS: OnceLock<Vec<Vec<[String; 5]>>> = OnceLock::new();
        let table = WORDS.get_or_init(|| {
            Lang::ALL
                .into_iter()
                .map(|lang| {
                    Activity::ALL
                        .into_iter()
                        .map(|a| {
                            let args = [("activity", Arg::from(a.id()))];
                            [
                                tr(lang, "activity-label", &args),
                                tr(lang, "activity-verb", &args),
                                tr(lang, "activity-noun", &args),
                                tr(lang, "activity-again", &args),
                                tr(lang, "activity-short", &args),
                            ]
                        })
                        .collect()
                })
                .collect()
        });
        let l = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        let a = Activity::ALL.iter().position(|a| *a == self).unwrap_or(0);
        table
            .get(l)
            .and_then(|words| words.get(a))
            .map_or("", |w| w[form as usize].as_str())
    }
}

/// Which of an activity's words (see [`Activity::word`]).
#[derive(Clone, Copy)]
enum Form {
    Label = 0,
    Verb = 1,
    Noun = 2,
    Again = 3,
    Short = 4,
}

/// An activity with its display name, for lists and pickers.
///
/// ```
/// use aftercare::{Activity, ActivityLabel};
///
/// let all = ActivityLabel::all();
/// assert_eq!(all.len(), Activity::ALL.len());
/// assert_eq!(all[3], ActivityLabel { activity: Activity::Shave, label: "Shaving" });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityLabel {
    /// The activity's stable id.
    pub activity: Activity,
    /// Its name, such as "Shaving".
    pub label: &'static str,
}

impl ActivityLabel {
    /// Every activity with its name, in [`Activity::ALL`] order.
    pub fn all() -> Vec<ActivityLabel> {
        ActivityLabel::all_in(Lang::En)
    }

    /// [`ActivityLabel::all`] with the names in `lang`.
    pub fn all_in(lang: Lang) -> Vec<ActivityLabel> {
        Activity::ALL
            .into_iter()
            .map(|activity| ActivityLabel {
                activity,
                label: activity.label_in(lang),
            })
            .collect()
    }
}

impl fmt::Display for Activity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The error of [`Activity::from_str`]: the text is not an activity id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownActivity(pub String);

impl fmt::Display for UnknownActivity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = Activity::ALL.iter().map(|a| a.id()).collect();
        write!(
            f,
            "unknown activity {:?} (expected one of: {})",
            self.0,
            ids.join(", ")
        )
    }
}

impl std::error::Error for UnknownActivity {}

impl FromStr for Activity {
    type Err = UnknownActivity;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Activity::ALL
            .into_iter()
            .find(|a| a.id() == s)
            .ok_or_else(|| UnknownActivity(s.to_string()))
    }
}

/// How far an activity is allowed on a given day.
///
/// Ordered by how restrictive it is, so that when several rules cover the
/// same day the most restrictive one is simply the maximum.
///
/// # Example
///
/// ```
/// use aftercare::Allowance;
///
/// assert!(Allowance::Avoid > Allowance::Limited);
/// assert!(Allowance::Limited > Allowance::Ok);
/// assert_eq!("limited".parse::<Allowance>().unwrap(), Allowance::Limited);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Allowance {
    /// Fine, no condition.
    Ok,
    /// Allowed with a condition, such as "foil shaver only".
    Limited,
    /// Not yet.
    Avoid,
}

impl Allowance {
    /// The id used in files and JSON: `ok`, `limited`, `avoid`.
    pub fn id(self) -> &'static str {
        match self {
            Allowance::Ok => "ok",
            Allowance::Limited => "limited",
            Allowance::Avoid => "avoid",
        }
    }
}

impl fmt::Display for Allowance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Allowance {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "ok" => Ok(Allowance::Ok),
            "limited" => Ok(Allowance::Limited),
            "avoid" => Ok(Allowance::Avoid),
            other => Err(format!(
                "unknown status {other:?} (expected avoid, limited or ok)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for a in Activity::ALL {
            assert_eq!(a.id().parse::<Activity>().unwrap(), a);
            let json = serde_json::to_string(&a).unwrap();
            assert_eq!(json, format!("\"{}\"", a.id()));
        }
    }

    #[test]
    fn unknown_activity_lists_the_ids() {
        let err = "swimm".parse::<Activity>().unwrap_err();
        assert!(
            err.to_string().starts_with(
                "unknown activity \"swimm\" (expected one of: wash, wet, rinse, shave,"
            )
        );
    }
}
