//! One day's answer: what the client may do, with which care, until when.

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{day_number, days_between};
use crate::milestone::MilestoneKind;
use crate::plan::{Lifts, Plan};

/// Everything the app shows for one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DayStatus {
    /// The date asked about.
    pub date: NaiveDate,
    /// Day number within the latest session on or before the date (day 1 is
    /// the session's day); `None` before the first session.
    pub day: Option<u32>,
    /// 1-based number of that session.
    pub session: Option<u32>,
    /// How many sessions are planned in all.
    pub planned: u32,
    /// Whether every planned session is booked and the date is on or after
    /// the date the client counts as fully healed.
    pub healed: bool,
    /// Every activity the protocol mentions, in [`Activity::ALL`] order.
    pub activities: Vec<ActivityStatus>,
    /// What to do today.
    pub care: Vec<CareToday>,
    /// The next day on which anything changes.
    pub next: Option<NextMilestone>,
}

/// Where one activity stands on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityStatus {
    /// The activity.
    pub activity: Activity,
    /// Its display name, such as "Shaving".
    pub label: &'static str,
    /// How far it is allowed today.
    pub status: Allowance,
    /// When avoided today: the first date on which it is no longer avoided.
    /// `None` when it is not avoided, or while the end depends on a session
    /// not booked yet (then `until_next_session` is set).
    pub allowed_from: Option<NaiveDate>,
    /// Calendar days from the date asked about to `allowed_from`, so that
    /// no front end has to count days itself.
    pub allowed_in_days: Option<u32>,
    /// When avoided or limited today: the first date on which it is fine
    /// without conditions, where known.
    pub ok_from: Option<NaiveDate>,
    /// Held back until the next session, which is planned but not booked.
    pub until_next_session: bool,
    /// The winning rule's note; for `limited`, the condition.
    pub note: Option<String>,
}

/// A care item that applies today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CareToday {
    /// The care item's id.
    pub id: String,
    /// What to do: "Moisturise your scalp".
    pub label: String,
    /// Detail: "2-3 times a day".
    pub note: Option<String>,
}

/// The next milestone after a date, in brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NextMilestone {
    /// Its date.
    pub date: NaiveDate,
    /// Its day number (see [`DayStatus::day`]).
    pub day: Option<u32>,
    /// Calendar days from the date asked about.
    pub in_days: u32,
    /// What kind of day it is.
    pub kind: MilestoneKind,
    /// The one-line message: "Day 6: you may ...".
    pub message: String,
}

impl DayStatus {
    /// The status of one activity, if the protocol mentions it.
    pub fn activity(&self, activity: Activity) -> Option<&ActivityStatus> {
        self.activities.iter().find(|a| a.activity == activity)
    }
}

impl Plan {
    /// What the client may do on `date`, a calendar date in the plan's zone.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Activity, Allowance, Plan, Protocol, nth_day};
    /// use chrono::NaiveDate;
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty").unwrap(), vec![s1], None, chrono_tz::UTC).unwrap();
    ///
    /// let day6 = plan.status(nth_day(s1, 6));
    /// assert_eq!(day6.day, Some(6));
    /// assert_eq!(day6.activity(Activity::Shave).unwrap().status, Allowance::Limited);
    /// assert_eq!(day6.activity(Activity::Swim).unwrap().allowed_from, Some(nth_day(s1, 31)));
    /// ```
    pub fn status(&self, date: NaiveDate) -> DayStatus {
        let index = self.session_index_on(date);
        let day = index.and_then(|i| day_number(self.sessions()[i], date));
        let notes = self.protocol().rules();

        let activities = self
            .tracks
            .iter()
            .map(|track| {
                let level = Plan::level(track, date);
                let (mut allowed_from, mut ok_from, mut until_next_session) = (None, None, false);
                if level.status == Allowance::Avoid {
                    match Plan::lifts(track, date, Allowance::Avoid) {
                        Some(Lifts::On(d)) => allowed_from = Some(d),
                        Some(Lifts::WithNextSession) => until_next_session = true,
                        None => {}
                    }
                }
                if level.status >= Allowance::Limited
                    && let Some(Lifts::On(d)) = Plan::lifts(track, date, Allowance::Limited)
                {
                    ok_from = Some(d);
                }
                ActivityStatus {
                    activity: track.activity,
                    label: track.activity.label(),
                    status: level.status,
                    allowed_from,
                    allowed_in_days: allowed_from.and_then(|d| days_between(date, d)),
                    ok_from,
                    until_next_session,
                    note: level.window.map(|w| notes[w.rule].note.clone()),
                }
            })
            .collect();

        let items = self.protocol().care();
        let care = self
            .care_on(date)
            .iter()
            .map(|c| CareToday {
                id: items[c].id.clone(),
                label: items[c].label.clone(),
                note: items[c].note.clone(),
            })
            .collect();

        let milestones = self.milestones();
        let next = milestones[milestones.partition_point(|m| m.date <= date)..]
            .first()
            .map(|m| NextMilestone {
                date: m.date,
                day: m.day,
                in_days: days_between(date, m.date).unwrap_or(0),
                kind: m.kind,
                message: m.message.clone(),
            });

        DayStatus {
            date,
            day,
            session: index.map(|i| i as u32 + 1),
            planned: self.planned(),
            healed: self.healed_on().is_some_and(|h| date >= h),
            activities,
            care,
            next,
        }
    }
}
