//! The activities a protocol can restrict, and how strongly.
//!
//! Activity ids are stable: they appear in protocol files, in JSON output
//! and in the UI, so an id is never renamed once published.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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
        self.words().0
    }

    /// A short name for lists: "Shaving", "Sauna and steam".
    pub fn label(self) -> &'static str {
        self.words().1
    }

    /// What the client does, to follow "you may": "shave", "swim".
    pub fn verb(self) -> &'static str {
        self.words().2
    }

    /// What the client avoids, to follow "no": "shaving", "sunbeds".
    pub fn noun(self) -> &'static str {
        self.words().3
    }

    /// (id, label, verb phrase, noun phrase), kept together so the four
    /// texts of one activity are written in one place.
    fn words(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Activity::Wash => ("wash", "Washing", "wash your hair", "washing or shampoo"),
            Activity::Wet => (
                "wet",
                "Getting your scalp wet",
                "get your scalp wet",
                "wetting your scalp",
            ),
            Activity::Rinse => ("rinse", "Rinsing", "rinse your scalp", "rinsing"),
            Activity::Shave => ("shave", "Shaving", "shave", "shaving"),
            Activity::Haircut => ("haircut", "Haircut", "have your hair cut", "haircuts"),
            Activity::Moisturise => ("moisturise", "Moisturiser", "moisturise", "moisturiser"),
            Activity::Exercise => ("exercise", "Light exercise", "exercise lightly", "exercise"),
            Activity::Sweat => (
                "sweat",
                "Heavy exercise and sweating",
                "exercise hard and sweat",
                "heavy sweating",
            ),
            Activity::Swim => ("swim", "Swimming", "swim", "swimming"),
            Activity::Sauna => (
                "sauna",
                "Sauna and steam",
                "use a sauna or steam room",
                "saunas and steam rooms",
            ),
            Activity::Sun => (
                "sun",
                "Sun on your scalp",
                "spend time in the sun",
                "sun on your scalp",
            ),
            Activity::Sunbed => ("sunbed", "Sunbeds", "use a sunbed", "sunbeds"),
            Activity::WoollyHat => (
                "woolly_hat",
                "Woolly hats",
                "wear a woolly hat",
                "woolly hats",
            ),
            Activity::HairColour => (
                "hair_colour",
                "Hair colour",
                "colour your hair",
                "hair colouring",
            ),
            Activity::Bath => ("bath", "Bath soak", "soak in a bath", "baths"),
            Activity::Alcohol => ("alcohol", "Alcohol", "drink alcohol", "alcohol"),
            Activity::Stimulants => (
                "stimulants",
                "Stimulant drinks",
                "have stimulant drinks",
                "stimulant drinks",
            ),
            Activity::Aspirin => (
                "aspirin",
                "Aspirin and blood thinners",
                "take aspirin",
                "aspirin",
            ),
        }
    }
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
        Activity::ALL
            .into_iter()
            .map(|activity| ActivityLabel {
                activity,
                label: activity.label(),
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
