//! The plan as an RFC 5545 calendar, for any calendar app.
//!
//! All-day events use an exclusive end date, as RFC 5545 wants: a
//! restriction on days 1-5 ends on day 6.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::activity::Allowance;
use crate::day::add_days;
use crate::plan::{Lifts, Plan};

impl Plan {
    /// The plan as an iCalendar text: booked sessions, each restriction
    /// window (per activity, overlapping windows merged) and each milestone
    /// day. `stamp` is the calendar's creation time (DTSTAMP); the engine has
    /// no clock, so the caller passes it.
    ///
    /// `at` is the reminder time; milestone events carry it in their
    /// description so the calendar reads like the app.
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
    /// ```
    pub fn ics(&self, at: NaiveTime, stamp: DateTime<Utc>) -> String {
        let mut calendar = Calendar::new();
        calendar.name(&format!("SMP aftercare: {}", self.protocol().name()));

        let planned = self.planned();
        for (i, date) in self.sessions().iter().enumerate() {
            let n = i + 1;
            calendar.push(all_day(
                &format!("session-{date}"),
                &format!("SMP session {n} of {planned}"),
                None,
                *date,
                add_days(*date, 1),
                stamp,
            ));
        }

        for track in &self.tracks {
            for (status, start, end) in merged_windows(track) {
                let (summary, uid_kind) = match status {
                    Allowance::Avoid => (format!("Avoid: {}", track.activity.label()), "avoid"),
                    _ => (format!("With care: {}", track.activity.label()), "limited"),
                };
                let uid = format!("{uid_kind}-{}-{start}", track.activity.id());
                calendar.push(all_day(&uid, &summary, None, start, end, stamp));
            }
        }

        let time = at.format("%H:%M");
        for m in self.milestones() {
            calendar.push(all_day(
                &format!("milestone-{}", m.date.format("%Y%m%d")),
                &m.title,
                Some(&format!("{} (reminder at {time})", m.body)),
                m.date,
                add_days(m.date, 1),
                stamp,
            ));
        }

        calendar.done().to_string()
    }
}

fn all_day(
    uid: &str,
    summary: &str,
    description: Option<&str>,
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
    if let Some(d) = description {
        event.description(d);
    }
    event.done()
}

/// The track's restriction windows as runs of days at one status, merged
/// where windows overlap or touch. Runs still open (waiting for a session
/// that is not booked) are left out: a calendar event needs an end.
fn merged_windows(track: &crate::plan::Track) -> Vec<(Allowance, NaiveDate, NaiveDate)> {
    let mut runs = Vec::new();
    for level in [Allowance::Avoid, Allowance::Limited] {
        let mut cursor: Option<NaiveDate> = None;
        for w in track.windows.iter().filter(|w| w.status == level) {
            if cursor.is_some_and(|c| w.span.start < c) {
                continue; // already inside a run we emitted
            }
            if let Some(Lifts::On(end)) = Plan::lifts(track, w.span.start, level) {
                // A "with care" run counts avoided days inside it too: the
                // activity is held back at least that much throughout.
                runs.push((level, w.span.start, end));
                cursor = Some(end);
            }
        }
    }
    runs.sort_by_key(|r| r.1);
    runs
}
