//! One day's answer: what the client may do, with which care, until when.

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{day_number, days_between};
use crate::messages::{Arg, tr};
use crate::milestone::MilestoneKind;
use crate::plan::Plan;
use crate::protocol::Repeat;
use crate::schedule::{Lifts, Schedule};
use crate::warning::Warning;

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
    /// Whether the date is on or after [`Plan::healed_on`]: only protocols
    /// that give a healing time ever say "fully healed".
    pub healed: bool,
    /// Whether the date is on or after [`Plan::restrictions_over_on`]: every
    /// time-limited rule of the final session is over.
    pub restrictions_over: bool,
    /// Every activity the protocol's rules speak about on this date, in
    /// [`Activity::ALL`] order. An activity no rule covers that day is left
    /// out: the clinic says nothing about it, which is not permission.
    pub activities: Vec<ActivityStatus>,
    /// What to do today.
    pub care: Vec<CareToday>,
    /// The news of the date itself, when it is a milestone day: what a
    /// client should read first.
    pub news: Option<News>,
    /// The next day on which anything changes.
    pub next: Option<NextMilestone>,
    /// The plan's warnings that still matter on this date: those about
    /// the current or a coming session, and those about the whole plan.
    pub warnings: Vec<Warning>,
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
    /// without conditions, where the clinic says so.
    pub ok_from: Option<NaiveDate>,
    /// When avoided or limited today: the first date on which the clinic's
    /// rules say nothing more about it (so the client should ask them),
    /// where that comes before any date it is allowed or fine.
    pub ask_clinic_from: Option<NaiveDate>,
    /// Held back until the next session, which is planned but not booked.
    pub until_next_session: bool,
    /// With `until_next_session`: the next session restarts the restriction
    /// on its own day, so it lasts until some time after it, not until it.
    pub after_next_session: bool,
    /// Limited for good: lasting advice after the final session ("foil
    /// shaver only", "sun cream").
    pub lasting: bool,
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
    /// When the item's activity is only allowed with care that day, the
    /// condition that still holds ("foil shaver only").
    pub condition: Option<String>,
    /// Whether it is done several times a day and how often, where the
    /// clinic says; such an item can be ticked off each time.
    pub repeat: Option<Repeat>,
}

/// What is new on a milestone day, as the first thing to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct News {
    /// What kind of day it is.
    pub kind: MilestoneKind,
    /// The news in at most 40 characters: "Day 6: rinse and shave again".
    pub headline: String,
    /// Short sentences, most important first (see [`Milestone::points`]).
    ///
    /// [`Milestone::points`]: crate::Milestone::points
    pub points: Vec<String>,
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
    /// Its news in a few words, worded to read beside its date: "Day 6:
    /// rinse and shave again", "Get ready for session 2" (the day before a
    /// session), "Session 2 of 3" (never "today" or "tomorrow", which
    /// would be wrong days ahead).
    pub headline: String,
    /// Its points, most important first: the details a tap away.
    pub points: Vec<String>,
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
    /// // Day 6 is a milestone day: its news comes first.
    /// assert_eq!(day6.news.unwrap().headline, "Day 6: rinse and shave again");
    /// ```
    pub fn status(&self, date: NaiveDate) -> DayStatus {
        let index = self.schedule.session_index_on(date);
        let day = index.and_then(|i| day_number(self.sessions()[i], date));
        let notes = self.protocol().rules();

        let activities = self
            .schedule
            .tracks
            .iter()
            .filter_map(|track| {
                let level = Schedule::level(track, date);
                let status = level.status?;
                let mut a = ActivityStatus {
                    activity: track.activity,
                    label: track.activity.label_in(self.lang()),
                    status,
                    allowed_from: None,
                    allowed_in_days: None,
                    ok_from: None,
                    ask_clinic_from: None,
                    until_next_session: false,
                    after_next_session: false,
                    lasting: false,
                    note: level.window.map(|w| notes[w.rule].note.clone()),
                };
                if status == Allowance::Avoid {
                    match Schedule::lifts(track, date, Allowance::Avoid) {
                        Some(Lifts::On(d)) => a.allowed_from = Some(d),
                        Some(Lifts::Unsaid(d)) => a.ask_clinic_from = Some(d),
                        Some(Lifts::WithNextSession) => {
                            a.until_next_session = true;
                            a.after_next_session = self
                                .schedule
                                .restarts_at_next_session(track.activity, Allowance::Avoid);
                        }
                        Some(Lifts::Never) | None => {}
                    }
                }
                if status >= Allowance::Limited {
                    match Schedule::lifts(track, date, Allowance::Limited) {
                        Some(Lifts::On(d)) => a.ok_from = Some(d),
                        Some(Lifts::Unsaid(d)) => a.ask_clinic_from = Some(d),
                        Some(Lifts::Never) => a.lasting = status == Allowance::Limited,
                        Some(Lifts::WithNextSession) | None => {}
                    }
                }
                a.allowed_in_days = a.allowed_from.and_then(|d| days_between(date, d));
                Some(a)
            })
            .collect();

        let items = self.protocol().care();
        let mut care = std::collections::BTreeMap::new();
        self.schedule.for_each_care_asked(date, |w| {
            let item = &items[w.care];
            let condition = self.schedule.care_condition(w, date);
            // Keyed by the item's place in the file: one entry per item,
            // however many sessions' windows ask for it, in file order.
            care.insert(
                w.care,
                CareToday {
                    id: item.id.clone(),
                    label: item.label.clone(),
                    note: item.note.clone(),
                    condition,
                    repeat: item.repeat,
                },
            );
        });
        let care = care.into_values().collect();

        let milestones = self.milestones();
        let after = milestones.partition_point(|m| m.date <= date);
        let news = after
            .checked_sub(1)
            .map(|i| &milestones[i])
            .filter(|m| m.date == date)
            .map(|m| News {
                kind: m.kind,
                headline: m.headline.to_string(),
                points: m.points.iter().map(|p| p.to_string()).collect(),
            });
        let next = milestones[after..].first().map(|m| NextMilestone {
            date: m.date,
            day: m.day,
            in_days: days_between(date, m.date).unwrap_or(0),
            kind: m.kind,
            headline: if m.kind == MilestoneKind::Session {
                m.name.to_string()
            } else if let Some(k) = m.session_tomorrow {
                tr(
                    self.lang(),
                    "status-get-ready",
                    &[("session", Arg::from(k))],
                )
            } else {
                m.headline.to_string()
            },
            points: m.points.iter().map(|p| p.to_string()).collect(),
        });

        // A warning about a session still matters until that session is
        // the current one's predecessor: from session 3 on, a gap before
        // session 2 is history.
        let current = index.map_or(1, |i| i as u32 + 1);
        let warnings = self
            .warnings()
            .iter()
            .filter(|w| w.session.is_none_or(|s| s >= current))
            .cloned()
            .collect();

        DayStatus {
            date,
            day,
            session: index.map(|i| i as u32 + 1),
            planned: self.planned(),
            healed: self.healed_on().is_some_and(|h| date >= h),
            restrictions_over: self.restrictions_over_on().is_some_and(|h| date >= h),
            activities,
            care,
            news,
            next,
            warnings,
        }
    }
}
