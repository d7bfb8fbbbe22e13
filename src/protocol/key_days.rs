//! The few days a client can hold against their clinic's leaflet: when they
//! may wash, shave, sweat and swim again after a session.
//!
//! Plans differ most on these days (washing from day 5 or 6, hard exercise
//! from day 5 or 11), and a leaflet always names them, so a picker that
//! shows them lets a client recognise their clinic's plan.
//!
//! The days come from the engine's own answers, not from reading the rules
//! again: a plan is built with one session on a fixed date and asked for
//! each day's status, so overlapping rules, lifts into silence and the
//! difference between "after a session with another to come" and "after the
//! last one" are judged exactly as on Today and the timeline.

use chrono::NaiveDate;
use serde::Serialize;

use super::{MAX_DAY, Protocol};
use crate::activity::{Activity, Allowance};
use crate::day::{day_number, nth_day};
use crate::lang::Lang;
use crate::messages::{Arg, tr};
use crate::plan::Plan;

/// The activities a picker compares (their one-word names are
/// `key-day-name` in the message files).
const KEY_ACTIVITIES: [Activity; 4] = [
    Activity::Wash,
    Activity::Shave,
    Activity::Sweat,
    Activity::Swim,
];

/// When an activity may be done again after a session, as day numbers
/// (day 1 = the session's day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Lift {
    /// Allowed (fine, or with care) from this day on.
    From {
        /// The first day.
        day: u32,
    },
    /// Avoided until the day before; from this day the clinic's rules say
    /// nothing more, so the client should ask them.
    AskClinicFrom {
        /// The first day the rules are silent.
        day: u32,
    },
    /// Avoided until the next session (which then restarts the rules).
    UntilNextSession,
    /// The protocol says nothing about it after a session.
    NotSaid,
}

/// One activity's key day in a protocol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeyDay {
    /// The activity.
    pub activity: Activity,
    /// After a session with another still to come; `None` when the
    /// protocol has a single session.
    pub between: Option<Lift>,
    /// After the last session.
    pub after_final: Lift,
    /// The phrase a picker shows: "Wash from day 6".
    pub text: String,
}

/// Any date: day numbers don't depend on it (a Monday in a year without a
/// leap day in reach).
fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default()
}

impl Protocol {
    /// When the client may wash, shave, sweat and swim again after a
    /// session, in that order: the days a client compares with their
    /// clinic's leaflet.
    ///
    /// ```
    /// use aftercare::Protocol;
    /// use aftercare::protocol::Lift;
    ///
    /// // 003: "On day 6 after your treatment you are able to rinse your scalp".
    /// let days = Protocol::builtin("four-to-thirty")?.key_days();
    /// let texts: Vec<&str> = days.iter().map(|d| d.text.as_str()).collect();
    /// assert_eq!(
    ///     texts,
    ///     ["Wash from day 6", "Shave from day 6", "Sweat from day 10", "Swim from day 31"],
    /// );
    /// assert_eq!(days[0].after_final, Lift::From { day: 6 });
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn key_days(&self) -> Vec<KeyDay> {
        let after_final = lifts(self, 1);
        let between = (self.sessions().max > 1).then(|| lifts(self, 2));
        KEY_ACTIVITIES
            .iter()
            .enumerate()
            .map(|(i, activity)| {
                let between = between.as_ref().map(|b| b[i]);
                let lang = self.text_lang();
                let name = tr(
                    lang,
                    "key-day-name",
                    &[("activity", Arg::from(activity.id()))],
                );
                KeyDay {
                    activity: *activity,
                    between,
                    after_final: after_final[i],
                    text: text(lang, &name, between, after_final[i]),
                }
            })
            .collect()
    }
}

/// The lift of each key activity after the one booked session of a plan of
/// `planned` sessions (1: it is the final one; 2: another is still to come
/// and not booked).
fn lifts(protocol: &Protocol, planned: u32) -> [Lift; 4] {
    let session = anchor();
    let mut found: [Option<Lift>; 4] = [None; 4];
    let Ok(plan) = Plan::new(
        protocol.clone(),
        vec![session],
        Some(planned),
        chrono_tz::UTC,
    ) else {
        // One session fits every plan; should it not, say nothing rather
        // than guess.
        return [Lift::NotSaid; 4];
    };
    // An activity no rule names is not said on any day: no need to ask.
    let named = protocol.activities();
    for (slot, activity) in found.iter_mut().zip(KEY_ACTIVITIES) {
        if !named.contains(&activity) {
            *slot = Some(Lift::NotSaid);
        }
    }
    let day_of = |date: NaiveDate| day_number(session, date).unwrap_or(1);
    // The first day any rule speaks decides: permission from that day, or
    // the end of the restriction the status itself reports.
    for n in 1..=MAX_DAY + 1 {
        if found.iter().all(Option::is_some) {
            break;
        }
        let status = plan.status(nth_day(session, n));
        for (slot, activity) in found.iter_mut().zip(KEY_ACTIVITIES) {
            if slot.is_some() {
                continue;
            }
            let Some(s) = status.activity(activity) else {
                continue;
            };
            *slot = Some(match s.status {
                Allowance::Ok | Allowance::Limited => Lift::From { day: n },
                Allowance::Avoid => match (s.allowed_from, s.ask_clinic_from) {
                    (Some(date), _) => Lift::From { day: day_of(date) },
                    (None, Some(date)) => Lift::AskClinicFrom { day: day_of(date) },
                    (None, None) => Lift::UntilNextSession,
                },
            });
        }
    }
    found.map(|f| f.unwrap_or(Lift::NotSaid))
}

/// "Wash from day 6"; where the last session differs, both.
fn text(lang: Lang, name: &str, between: Option<Lift>, after_final: Lift) -> String {
    let say = |form: &str, day: u32, last: u32| {
        tr(
            lang,
            "key-day",
            &[
                ("name", Arg::from(name)),
                ("form", Arg::from(form)),
                ("day", Arg::from(day)),
                ("last", Arg::from(last)),
            ],
        )
    };
    let alone = |lift: Lift| match lift {
        Lift::From { day } => say("from", day, 0),
        Lift::AskClinicFrom { day } => say("ask-clinic-from", day, 0),
        Lift::UntilNextSession => say("until-next-visit", 0, 0),
        Lift::NotSaid => say("not-said", 0, 0),
    };
    match (between, after_final) {
        (None, last) => alone(last),
        (Some(b), last) if b == last => alone(last),
        (Some(Lift::From { day: b }), Lift::From { day: f }) => say("both", b, f),
        (Some(_), Lift::From { day }) => say("after-last-visit", day, 0),
        (Some(Lift::From { day }), _) => say("between-visits", day, 0),
        (Some(b), Lift::NotSaid) => alone(b),
        (Some(_), last) => alone(last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_phrase_when_every_session_agrees() {
        let six = Lift::From { day: 6 };
        assert_eq!(text(Lang::En, "Wash", Some(six), six), "Wash from day 6");
        assert_eq!(text(Lang::En, "Wash", None, six), "Wash from day 6");
        assert_eq!(
            text(Lang::En, "Swim", Some(Lift::NotSaid), Lift::NotSaid),
            "Swim: not said"
        );
    }

    #[test]
    fn the_last_visit_is_named_where_it_differs() {
        assert_eq!(
            text(
                Lang::En,
                "Sweat",
                Some(Lift::From { day: 5 }),
                Lift::From { day: 6 }
            ),
            "Sweat from day 5 (day 6 after your last visit)"
        );
        assert_eq!(
            text(
                Lang::En,
                "Swim",
                Some(Lift::UntilNextSession),
                Lift::From { day: 29 }
            ),
            "Swim from day 29 after your last visit"
        );
        assert_eq!(
            text(
                Lang::En,
                "Wash",
                Some(Lift::From { day: 3 }),
                Lift::AskClinicFrom { day: 9 }
            ),
            "Wash from day 3 between visits"
        );
        assert_eq!(
            text(
                Lang::En,
                "Wash",
                Some(Lift::UntilNextSession),
                Lift::NotSaid
            ),
            "Wash: not until your next visit"
        );
    }
}
