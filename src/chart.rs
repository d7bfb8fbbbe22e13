//! The plan as a chart: for each activity the protocol speaks about, its
//! status over the days from the first session to the end of the
//! restrictions, cut into runs of one status.
//!
//! - The span starts on the first session's day. Once every planned session
//!   is booked it ends on [`Plan::healed_on`], or where the protocol gives
//!   no healing time on [`Plan::restrictions_over_on`], so the last column
//!   shows how things stand once the restrictions are over.
//! - While a planned session is not booked yet (or where the final session
//!   sets no time-limited restriction), it ends on the later of two days:
//!   the latest day the clinic expects the next session (the last booked
//!   session plus `max_gap_days`, or
//!   [`UNBOOKED_HORIZON_DAYS`](crate::calendar::UNBOOKED_HORIZON_DAYS)), and
//!   the day after the last dated rule of a booked session ends. A
//!   restriction that waits for the unbooked session runs to that end and is
//!   marked [`Segment::continues`].
//! - A day no rule covers is [`ChartStatus::Unsaid`], never
//!   [`ChartStatus::Ok`]: the clinic's silence is not permission.
//! - The chart does not depend on today: [`Chart::on`] adds where today
//!   falls, so front ends place their "today" mark without counting days.
//!
//! Statuses come from the compiled schedule, the same levels
//! [`Plan::status`] reads, and only dates on which a rule window starts or
//! ends are examined, so a plan spread over years costs no more than one
//! spread over weeks.

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, days_between, sub_days};
use crate::plan::Plan;
use crate::schedule::{Anchor, Schedule, Track};

/// How far an activity is allowed over a run of days, in a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChartStatus {
    /// A rule says not to.
    Avoid,
    /// A rule allows it with a condition.
    Limited,
    /// A rule says it is fine.
    Ok,
    /// No rule speaks about it on these days: ask the clinic. Never drawn
    /// as fine.
    Unsaid,
}

impl From<Option<Allowance>> for ChartStatus {
    fn from(status: Option<Allowance>) -> Self {
        match status {
            Some(Allowance::Avoid) => ChartStatus::Avoid,
            Some(Allowance::Limited) => ChartStatus::Limited,
            Some(Allowance::Ok) => ChartStatus::Ok,
            None => ChartStatus::Unsaid,
        }
    }
}

/// Why the chart ends where it does (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChartEnd {
    /// On the day the client counts as fully healed.
    Healed,
    /// On the day the clinic's time-limited restrictions are over.
    RestrictionsOver,
    /// A planned session is not booked yet: on the latest day the clinic
    /// expects it, or later where a booked session's rules reach further.
    NextSessionUnbooked,
    /// Every session is booked but no time-limited restriction follows the
    /// final one: where the last dated rule ends, or the usual horizon.
    LastRule,
}

/// A run of consecutive days at one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Segment {
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day (inclusive).
    pub to: NaiveDate,
    /// Days from the chart's first day to `from` (0 for the first day), so
    /// front ends place it without counting days.
    pub index: u32,
    /// How many days it covers (at least 1).
    pub days: u32,
    /// The status on each of those days.
    pub status: ChartStatus,
    /// The same status goes on after the chart's last day (lasting advice,
    /// a restriction waiting for an unbooked session, a permission with no
    /// end). Only ever set on a row's last segment.
    pub continues: bool,
}

/// One activity's days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChartRow {
    /// The activity.
    pub activity: Activity,
    /// Its display name, such as "Shaving".
    pub label: &'static str,
    /// Its runs, in date order, covering the chart's whole span without
    /// gap or overlap.
    pub segments: Vec<Segment>,
}

/// A booked session on the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChartSession {
    /// 1-based session number.
    pub number: u32,
    /// Its date.
    pub date: NaiveDate,
    /// Days from the chart's first day (see [`Segment::index`]).
    pub index: u32,
}

/// The plan as a chart (see the module documentation and [`Plan::chart`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Chart {
    /// The first day shown: the first session.
    pub from: NaiveDate,
    /// The last day shown (inclusive).
    pub to: NaiveDate,
    /// How many days are shown, `from` and `to` included.
    pub days: u32,
    /// Why it ends on `to`.
    pub ends: ChartEnd,
    /// How many sessions are planned in all.
    pub planned: u32,
    /// The booked sessions, in order.
    pub sessions: Vec<ChartSession>,
    /// One row per activity some rule speaks about within the span, in
    /// [`Activity::ALL`] order. An activity the rules speak about only
    /// outside the span (preparation before the first session) has no row.
    pub rows: Vec<ChartRow>,
}

/// A chart and where today falls on it (see [`Chart::on`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChartOn {
    /// Today's date in the plan's zone.
    pub today: NaiveDate,
    /// Days from the chart's first day to today; `None` when today lies
    /// outside the chart (before the first session or after its end).
    pub today_index: Option<u32>,
    /// The chart itself, the same whatever today is.
    pub chart: Chart,
}

impl Chart {
    /// Days from the chart's first day to `date`, if the chart shows it.
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![d(3, 2)], None, chrono_tz::UTC)?;
    /// let chart = plan.chart();
    /// assert_eq!(chart.index_of(d(3, 2)), Some(0));
    /// assert_eq!(chart.index_of(d(3, 6)), Some(4));
    /// assert_eq!(chart.index_of(d(3, 1)), None);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn index_of(&self, date: NaiveDate) -> Option<u32> {
        (self.from <= date && date <= self.to)
            .then(|| days_between(self.from, date))
            .flatten()
    }

    /// The chart with today's place on it.
    pub fn on(self, today: NaiveDate) -> ChartOn {
        ChartOn {
            today,
            today_index: self.index_of(today),
            chart: self,
        }
    }
}

impl Plan {
    /// The plan as a chart: for every activity the rules speak about, its
    /// runs of avoid, with care, fine and unsaid days from the first session
    /// to the end of the restrictions (see the [module
    /// documentation](crate::chart) for where it ends).
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Activity, ChartEnd, ChartStatus, Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let sessions = vec![d(3, 2), d(3, 16), d(4, 6)];
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, sessions, None, chrono_tz::UTC)?;
    /// let chart = plan.chart();
    /// assert_eq!((chart.from, chart.to, chart.ends), (d(3, 2), d(5, 6), ChartEnd::Healed));
    /// assert_eq!(chart.sessions[2].index, 35);
    ///
    /// // Swimming: avoided from the first session to day 30 after the last.
    /// let swim = chart.rows.iter().find(|r| r.activity == Activity::Swim).unwrap();
    /// assert_eq!(swim.segments[0].status, ChartStatus::Avoid);
    /// assert_eq!((swim.segments[0].from, swim.segments[0].to), (d(3, 2), d(5, 5)));
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn chart(&self) -> Chart {
        let schedule = &self.schedule;
        let sessions = schedule.sessions();
        let from = sessions[0];
        let (to, ends) = self.chart_end();
        let rows = schedule
            .tracks
            .iter()
            .map(|track| ChartRow {
                activity: track.activity,
                label: track.activity.label_in(self.lang()),
                segments: segments(track, from, to),
            })
            .filter(|row| row.segments.iter().any(|s| s.status != ChartStatus::Unsaid))
            .collect();
        Chart {
            from,
            to,
            days: days_between(from, to).map_or(1, |n| n.saturating_add(1)),
            ends,
            planned: self.planned(),
            sessions: sessions
                .iter()
                .enumerate()
                .map(|(i, date)| ChartSession {
                    number: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    date: *date,
                    index: days_between(from, *date).unwrap_or(0),
                })
                .collect(),
            rows,
        }
    }

    /// The chart's last day and why (see the module documentation).
    fn chart_end(&self) -> (NaiveDate, ChartEnd) {
        if let Some(healed) = self.healed_on() {
            return (healed, ChartEnd::Healed);
        }
        if let Some(over) = self.restrictions_over_on() {
            return (over, ChartEnd::RestrictionsOver);
        }
        // The day after the last dated rule of a booked session ends; the
        // preparation for a session is over by its day, so only windows
        // counted after a session reach past the last one.
        let last_rule = self
            .schedule
            .tracks
            .iter()
            .flat_map(|t| &t.windows)
            .filter(|w| matches!(w.anchor, Anchor::After(_)))
            .filter_map(|w| w.span.end.map(|e| add_days(e, 1)));
        let to = last_rule.fold(self.unbooked_horizon(), NaiveDate::max);
        let ends = if self.final_session().is_some() {
            ChartEnd::LastRule
        } else {
            ChartEnd::NextSessionUnbooked
        };
        (to, ends)
    }
}

/// A track's runs over `from..=to`. The level can only change on a day a
/// window starts or the day after one ends, so only those days are asked.
fn segments(track: &Track, from: NaiveDate, to: NaiveDate) -> Vec<Segment> {
    let mut cuts = vec![from];
    for w in &track.windows {
        let after_end = w.span.end.map(|e| add_days(e, 1));
        for day in std::iter::once(w.span.start).chain(after_end) {
            if from < day && day <= to {
                cuts.push(day);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for (i, start) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(to, |next| sub_days(*next, 1));
        let status = ChartStatus::from(Schedule::level(track, *start).status);
        match out.last_mut() {
            Some(last) if last.status == status => last.to = end,
            _ => out.push(Segment {
                from: *start,
                to: end,
                index: 0,
                days: 0,
                status,
                continues: false,
            }),
        }
    }
    for s in &mut out {
        s.index = days_between(from, s.from).unwrap_or(0);
        s.days = days_between(s.from, s.to).map_or(1, |n| n.saturating_add(1));
    }
    if let Some(last) = out.last_mut() {
        // What the day after the chart holds: the same status goes on.
        let next = ChartStatus::from(Schedule::level(track, add_days(to, 1)).status);
        last.continues = next == last.status && to < NaiveDate::MAX;
    }
    out
}
