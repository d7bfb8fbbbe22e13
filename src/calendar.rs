//! The plan as an RFC 5545 calendar, for any calendar app.
//!
//! - All-day events use an exclusive end date, as RFC 5545 wants: a
//!   restriction on days 1-5 ends on day 6.
//! - Each activity's days are cut into runs of one status, so "Avoid" and
//!   "With care" events for one activity never overlap.
//! - A run that waits for a session not booked yet is shown up to the latest
//!   day the clinic expects that session (the last booked session plus the
//!   protocol's `max_gap_days`, or [`UNBOOKED_HORIZON_DAYS`] where it gives
//!   none), and says "until your next session".
//! - Lasting advice after the final session is one event on its first day.
//! - Restrictions and milestones are free time (`TRANSP:TRANSPARENT`); a
//!   session is busy. Milestones carry a real alarm at the reminder time.
//! - Lines are folded at 75 octets, never inside a UTF-8 character.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::activity::Allowance;
use crate::day::add_days;
use crate::plan::Plan;
use crate::schedule::{RuleWindow, Schedule, Track};

/// How far ahead a restriction waiting for an unbooked session is shown when
/// the protocol gives no `max_gap_days`: 30 days after the last booked
/// session, the longest any of the clinic texts keeps a restriction after a
/// session.
pub const UNBOOKED_HORIZON_DAYS: u32 = 30;

/// The longest content line RFC 5545 allows, in octets, without the CRLF.
const MAX_LINE_OCTETS: usize = 75;

impl Plan {
    /// The plan as an iCalendar text: booked sessions, each restriction
    /// run (per activity, one status per event) and each milestone day.
    /// `stamp` is the calendar's creation time (DTSTAMP); the engine has no
    /// clock, so the caller passes it.
    ///
    /// `at` is the reminder time: milestone events carry an alarm then.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty").unwrap(), vec![s1], None, chrono_tz::UTC).unwrap();
    /// let ics = plan.ics(NaiveTime::from_hms_opt(9, 0, 0).unwrap(), Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap());
    /// assert!(ics.starts_with("BEGIN:VCALENDAR"));
    /// // Swimming is avoided on days 1-30: the event ends (exclusively) on day 31.
    /// let swim = ics.split("BEGIN:VEVENT").find(|e| e.contains("SUMMARY:Avoid: Swimming")).unwrap();
    /// assert!(swim.contains("DTSTART;VALUE=DATE:20260302\r\n"));
    /// assert!(swim.contains("DTEND;VALUE=DATE:20260401\r\n"));
    /// assert!(swim.contains("TRANSP:TRANSPARENT\r\n"));
    /// ```
    pub fn ics(&self, at: NaiveTime, stamp: DateTime<Utc>) -> String {
        let mut calendar = Calendar::new();
        calendar.name(&format!("SMP aftercare: {}", self.protocol().name()));

        let planned = self.planned();
        for (i, date) in self.sessions().iter().enumerate() {
            let n = i + 1;
            let mut event = all_day(
                &format!("session-{date}"),
                &format!("SMP session {n} of {planned}"),
                *date,
                add_days(*date, 1),
                stamp,
            );
            event.add_property("TRANSP", "OPAQUE");
            calendar.push(event.done());
        }

        let horizon = self.unbooked_horizon();
        let rules = self.protocol().rules();
        for track in &self.schedule.tracks {
            for run in runs(track, rules, horizon) {
                let label = track.activity.label();
                let (summary, uid_kind) = match (run.status, run.open) {
                    (Allowance::Avoid, _) => (format!("Avoid: {label}"), "avoid"),
                    (_, Some(Open::Lasting)) => {
                        (format!("With care from now on: {label}"), "lasting")
                    }
                    _ => (format!("With care: {label}"), "limited"),
                };
                let note = &rules[run.rule].note;
                let (end, description) = match run.open {
                    Some(Open::UntilNextSession) => {
                        let until = if self
                            .schedule
                            .restarts_at_next_session(track.activity, run.status)
                        {
                            "Until after your next session."
                        } else {
                            "Until your next session."
                        };
                        (run.end, format!("{note}. {until}"))
                    }
                    Some(Open::Lasting) => (add_days(run.start, 1), format!("{note}. For good.")),
                    None => (run.end, format!("{note}.")),
                };
                let uid = format!("{uid_kind}-{}-{}", track.activity.id(), run.start);
                let mut event = all_day(&uid, &summary, run.start, end, stamp);
                event
                    .description(&upper_first(&description))
                    .add_property("TRANSP", "TRANSPARENT");
                calendar.push(event.done());
            }
        }

        // The alarm fires at the reminder time on the day: all-day events
        // start at local midnight, so the trigger is the time of day itself.
        let offset = chrono::TimeDelta::minutes(i64::from(at.hour() * 60 + at.minute()));
        for m in self.milestones() {
            let mut event = all_day(
                &format!("milestone-{}", m.date.format("%Y%m%d")),
                &m.title,
                m.date,
                add_days(m.date, 1),
                stamp,
            );
            event
                .description(&m.body)
                .add_property("TRANSP", "TRANSPARENT")
                .alarm(Alarm::display(&m.body, Trigger::after_start(offset)));
            calendar.push(event.done());
        }

        fold(&calendar.done().to_string())
    }

    /// The exclusive end of runs that wait for an unbooked session: the
    /// latest day the clinic expects it.
    fn unbooked_horizon(&self) -> NaiveDate {
        let last = self.sessions()[self.sessions().len() - 1];
        let gap = self
            .protocol()
            .sessions()
            .max_gap_days
            .unwrap_or(UNBOOKED_HORIZON_DAYS);
        add_days(last, gap)
    }
}

fn all_day(
    uid: &str,
    summary: &str,
    start: NaiveDate,
    end_exclusive: NaiveDate,
    stamp: DateTime<Utc>,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!("{uid}@smp-aftercare"))
        .timestamp(stamp)
        .summary(summary)
        .starts(start)
        .ends(end_exclusive);
    event
}

/// Why a run has no end of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// It waits for the next session, planned but not booked.
    UntilNextSession,
    /// Lasting advice after the final session.
    Lasting,
}

/// A run of consecutive days at one restricting status.
#[derive(Debug, Clone, Copy)]
struct Run {
    status: Allowance,
    start: NaiveDate,
    /// Exclusive end.
    end: NaiveDate,
    /// The rule whose note describes the run (the one in force on its first
    /// day).
    rule: usize,
    open: Option<Open>,
}

/// The track's days cut into runs of one restricting status (`avoid` or
/// `limited`) and one note, in date order. Open-ended windows count up to `horizon`
/// (exclusive); a run still open there is marked so.
fn runs(track: &Track, notes: &[crate::protocol::Rule], horizon: NaiveDate) -> Vec<Run> {
    let Some(first) = track.windows.first().map(|w| w.span.start) else {
        return Vec::new();
    };
    // Open windows count to the horizon, and at least their first day
    // (lasting advice may start after it).
    let last_end = track
        .windows
        .iter()
        .map(|w| {
            w.span
                .end
                .map_or(horizon.max(add_days(w.span.start, 1)), |e| add_days(e, 1))
        })
        .max()
        .unwrap_or(horizon);
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut day = first;
    while day < last_end {
        let level = Schedule::level(track, day);
        let restricting = level
            .status
            .filter(|s| *s > Allowance::Ok)
            .zip(level.window);
        match (current.as_mut(), restricting) {
            // One event per status and note: where the note changes (days
            // 1-30 "short spells only", then "SPF for good") so does the event.
            (Some(run), Some((status, w)))
                if run.status == status && notes[run.rule].note == notes[w.rule].note =>
            {
                run.end = add_days(day, 1)
            }
            (_, next) => {
                out.extend(current.take());
                current = next.map(|(status, w)| Run {
                    status,
                    start: day,
                    end: add_days(day, 1),
                    rule: w.rule,
                    open: None,
                });
            }
        }
        day = add_days(day, 1);
    }
    out.extend(current);
    // A run has no end of its own when, on its last day, only open windows
    // hold it at its status (a closed window ending that day is its end).
    for run in &mut out {
        let last = sub_one(run.end);
        let holding: Vec<&RuleWindow> = track
            .windows
            .iter()
            .filter(|w| w.status >= run.status && w.span.contains(last))
            .collect();
        if holding.iter().all(|w| w.span.end.is_none()) {
            run.open = holding.first().map(|w| {
                if w.until_next {
                    Open::UntilNextSession
                } else {
                    Open::Lasting
                }
            });
        }
    }
    out
}

fn sub_one(date: NaiveDate) -> NaiveDate {
    crate::day::sub_days(date, 1)
}

/// Capitalises the first character.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Unfolds the writer's lines and folds them again at [`MAX_LINE_OCTETS`]
/// octets (continuation lines start with one space, which counts), never
/// inside a UTF-8 character.
fn fold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 32);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = MAX_LINE_OCTETS;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = MAX_LINE_OCTETS - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let long = format!("DESCRIPTION:{}\r\n", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n") {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
