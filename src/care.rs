//! Care done several times a day: how a count reads, and the optional
//! nudges during the day for the items the client has not ticked off
//! often enough yet.
//!
//! The nudges are [`Reminder`]s with ids of their own, so the app's
//! delivery log shows each at most once:
//!
//! - `care:<date>:<care id>:<HH:MM>` for the nudge at that local time.
//!
//! They are computed for one date from that date's ticks, so a nudge whose
//! item has been ticked enough times by its time is simply not asked for;
//! nothing about a past day is ever nudged.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, Utc};

use crate::lang::Lang;
use crate::messages::{Arg, tr};
use crate::plan::Plan;
use crate::protocol::Repeat;
use crate::reminder::{Reminder, ReminderKind, local_instant};

/// The local times of the nudges: early afternoon and early evening, the
/// two moments a routine done "2-3 times a day" is most often forgotten
/// (the morning one is the daily reminder's own time).
pub const CARE_NUDGE_TIMES: [(u32, u32); 2] = [(13, 0), (19, 0)];

impl Repeat {
    /// How often, in the app's words: "2-3 times a day", "once a day",
    /// "at least twice a day"; `None` for [`Repeat::AsNeeded`], which has
    /// no count.
    ///
    /// ```
    /// use aftercare::Repeat;
    ///
    /// let text = |r: Repeat| r.per_day_text();
    /// assert_eq!(text(Repeat::Times { min: 2, max: Some(3) }).as_deref(), Some("2-3 times a day"));
    /// assert_eq!(text(Repeat::Times { min: 1, max: Some(1) }).as_deref(), Some("once a day"));
    /// assert_eq!(text(Repeat::Times { min: 2, max: None }).as_deref(), Some("at least twice a day"));
    /// assert_eq!(text(Repeat::Times { min: 4, max: None }).as_deref(), Some("at least 4 times a day"));
    /// assert_eq!(text(Repeat::AsNeeded), None);
    /// ```
    pub fn per_day_text(self) -> Option<String> {
        self.per_day_text_in(Lang::En)
    }

    /// [`Repeat::per_day_text`] in `lang`.
    ///
    /// ```
    /// use aftercare::{Lang, Repeat};
    ///
    /// let twice = Repeat::Times { min: 2, max: None };
    /// assert_eq!(twice.per_day_text_in(Lang::Es).as_deref(), Some("al menos dos veces al día"));
    /// ```
    pub fn per_day_text_in(self, lang: Lang) -> Option<String> {
        match self {
            Repeat::Times {
                min,
                max: Some(max),
            } if max > min => Some(tr(
                lang,
                "care-times-range",
                &[("min", Arg::from(min)), ("max", Arg::from(max))],
            )),
            Repeat::Times { min, max: Some(_) } => {
                Some(tr(lang, "care-times-exact", &[("min", Arg::from(min))]))
            }
            Repeat::Times { min, max: None } => {
                Some(tr(lang, "care-times-at-least", &[("min", Arg::from(min))]))
            }
            Repeat::AsNeeded => None,
        }
    }
}

/// How many calendar days `from..=to` holds (both ends counted); `None`
/// when `to` is before `from`. The app bounds a range of days asked for
/// with it, so no front end counts days itself.
///
/// ```
/// use aftercare::care::days_in_range;
/// use chrono::NaiveDate;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
/// assert_eq!(days_in_range(d(3, 2), d(3, 2)), Some(1));
/// assert_eq!(days_in_range(d(2, 28), d(3, 1)), Some(2));
/// assert_eq!(days_in_range(d(3, 2), d(3, 1)), None);
/// ```
pub fn days_in_range(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    crate::day::days_between(from, to).map(|n| n.saturating_add(1))
}

impl Plan {
    /// The nudges for `date` (a date in the plan's zone): one at each of
    /// [`CARE_NUDGE_TIMES`] for every care item asked for that day with a
    /// count ([`Repeat::Times`]) that `ticked` (ticks so far that day, by
    /// care id) holds fewer times than the clinic's least. Items done as
    /// needed (sun cream) are never nudged: only the client knows when
    /// they are in the sun.
    ///
    /// # Example
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use aftercare::{Plan, Protocol, nth_day};
    /// use chrono::NaiveDate;
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![s1], Some(2), chrono_tz::UTC)?;
    /// let day6 = nth_day(s1, 6);
    /// let nudges = plan.care_nudges(day6, &BTreeMap::new());
    /// let ids: Vec<&str> = nudges.iter().map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["care:2026-03-07:moisturise:13:00", "care:2026-03-07:moisturise:19:00"]);
    /// assert_eq!(&*nudges[0].title, "Moisturise your scalp");
    /// assert_eq!(nudges[0].body, "Not ticked off yet today; your clinic asks for 2-3 times a day.");
    ///
    /// // Twice is the clinic's least: no more nudges that day.
    /// let ticked = BTreeMap::from([("moisturise".to_string(), 2)]);
    /// assert!(plan.care_nudges(day6, &ticked).is_empty());
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn care_nudges(&self, date: NaiveDate, ticked: &BTreeMap<String, u32>) -> Vec<Reminder> {
        let mut nudges = Vec::new();
        for item in self.status(date).care {
            let Some(repeat @ Repeat::Times { min, .. }) = item.repeat else {
                continue;
            };
            let done = ticked.get(&item.id).copied().unwrap_or(0);
            if done >= min {
                continue;
            }
            let often = repeat.per_day_text_in(self.lang()).unwrap_or_default();
            let body = tr(
                self.lang(),
                if done == 0 {
                    "care-nudge-none"
                } else {
                    "care-nudge-some"
                },
                &[("done", Arg::from(done)), ("often", Arg::from(often))],
            );
            for (h, m) in CARE_NUDGE_TIMES {
                let Some(time) = NaiveTime::from_hms_opt(h, m, 0) else {
                    continue;
                };
                let local = local_instant(self.zone(), date, time);
                nudges.push(Reminder {
                    id: format!("care:{date}:{}:{h:02}:{m:02}", item.id),
                    at: local.with_timezone(&Utc),
                    local: local.fixed_offset(),
                    // `ReminderKind` has no care kind yet (src/reminder.rs
                    // belongs to the wording work); a nudge is a reminder
                    // about that day, the closest kind.
                    kind: ReminderKind::Milestone,
                    title: item.label.as_str().into(),
                    body: body.clone(),
                });
            }
        }
        nudges
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Protocol, nth_day};

    fn plan(protocol: &str, zone: chrono_tz::Tz) -> (Plan, NaiveDate) {
        let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let plan = Plan::new(
            Protocol::builtin(protocol).unwrap(),
            vec![s1],
            Some(2),
            zone,
        )
        .unwrap();
        (plan, s1)
    }

    #[test]
    fn no_nudges_before_the_item_is_asked_for() {
        // 003: moisturiser from day 6; day 5 asks only for sun cream (as needed).
        let (plan, s1) = plan("four-to-thirty", chrono_tz::UTC);
        assert!(
            plan.care_nudges(nth_day(s1, 5), &BTreeMap::new())
                .is_empty()
        );
    }

    #[test]
    fn one_tick_of_two_still_nudges_with_the_count() {
        let (plan, s1) = plan("four-to-thirty", chrono_tz::Europe::London);
        let ticked = BTreeMap::from([("moisturise".to_string(), 1)]);
        let nudges = plan.care_nudges(nth_day(s1, 6), &ticked);
        assert_eq!(nudges.len(), 2);
        assert_eq!(
            nudges[1].body,
            "Ticked off 1 so far today; your clinic asks for 2-3 times a day."
        );
        assert_eq!(nudges[1].at.to_rfc3339(), "2026-03-07T19:00:00+00:00");
        assert_eq!(nudges[1].local.to_rfc3339(), "2026-03-07T19:00:00+00:00");
    }

    #[test]
    fn at_least_once_a_day_reads_as_such() {
        // 002: "at least once a day" from day 5.
        let (plan, s1) = plan("four-day-dry", chrono_tz::UTC);
        let nudges = plan.care_nudges(nth_day(s1, 5), &BTreeMap::new());
        assert_eq!(
            nudges[0].body,
            "Not ticked off yet today; your clinic asks for at least once a day."
        );
    }
}
