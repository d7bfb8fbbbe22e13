//! The app's lists of reminders: what is coming, and what was missed.
//! Pure views over the engine's reminders and the delivery log; each item
//! is the engine's [`Reminder`] itself with what the list adds.

use std::collections::{HashMap, HashSet};

use aftercare::Reminder;
use chrono::{DateTime, Utc};
use serde::Serialize;
use specta::Type;

use super::decide::MISSED_WINDOW;
use crate::model::{DeliveryHow, LogEntry};

/// A reminder the client did not get as an on-time notification, for the
/// app's list: the engine's reminder (its `at` is when it was due) and how
/// the scheduler dealt with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MissedReminder {
    /// The reminder as the engine made it.
    #[serde(flatten)]
    pub reminder: Reminder,
    /// `summary` (shown late, folded with others), `missed` (not shown at
    /// all) or `failed` (the notification server refused it).
    pub how: DeliveryHow,
    /// When the scheduler dealt with it.
    pub handled_at: DateTime<Utc>,
    /// The notifier's error, for `failed`.
    pub error: Option<String>,
}

/// Every reminder of the current plan that was not shown on time: recorded
/// as missed, folded into a summary, or failed (not those due before the
/// client entered them). Newest first. Log entries
/// whose id is no longer in the plan (a session was moved or deleted) are
/// left out: they describe a day that is no longer the client's.
pub fn missed(reminders: &[Reminder], log: &[LogEntry]) -> Vec<MissedReminder> {
    let by_id: HashMap<&str, &Reminder> = reminders.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut out: Vec<MissedReminder> = log
        .iter()
        .filter(|e| !matches!(e.how, DeliveryHow::Notification | DeliveryHow::BeforePlan))
        .filter_map(|e| {
            let r = by_id.get(e.id.as_str())?;
            Some(MissedReminder {
                reminder: (*r).clone(),
                how: e.how,
                handled_at: e.delivered_at,
                error: e.error.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.reminder
            .at
            .cmp(&a.reminder.at)
            .then_with(|| a.reminder.id.cmp(&b.reminder.id))
    });
    out
}

/// A reminder still to be delivered, for the app's list: the engine's
/// reminder and whether it is already due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UpcomingReminder {
    /// The reminder as the engine made it.
    #[serde(flatten)]
    pub reminder: Reminder,
    /// Already due but not yet delivered (held by quiet hours, or about to
    /// be delivered on the next pass).
    pub overdue: bool,
}

/// The next `limit` reminders not yet delivered, soonest first. Includes
/// those already due but not delivered yet (held by quiet hours or waiting
/// for the next pass) as long as the scheduler would still notify about
/// them (due within [`MISSED_WINDOW`]).
pub fn upcoming(
    reminders: &[Reminder],
    delivered: &HashSet<String>,
    now: DateTime<Utc>,
    limit: usize,
) -> Vec<UpcomingReminder> {
    let mut out: Vec<UpcomingReminder> = reminders
        .iter()
        .filter(|r| !delivered.contains(&r.id) && now - r.at <= MISSED_WINDOW)
        .map(|r| UpcomingReminder {
            reminder: r.clone(),
            overdue: r.at <= now,
        })
        .collect();
    out.sort_by(|a, b| {
        a.reminder
            .at
            .cmp(&b.reminder.at)
            .then_with(|| a.reminder.id.cmp(&b.reminder.id))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use chrono::{TimeDelta, TimeZone};

    use super::*;
    use crate::reminders::test_support::reminder;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn missed_lists_log_entries_of_the_current_plan() {
        let rs = [
            reminder("a", utc(2026, 3, 7, 9, 0)),
            reminder("b", utc(2026, 3, 8, 9, 0)),
            reminder("c", utc(2026, 3, 9, 9, 0)),
        ];
        let entry = |id: &str, how| LogEntry {
            id: id.into(),
            due: utc(2026, 3, 7, 9, 0),
            delivered_at: utc(2026, 3, 10, 9, 0),
            how,
            error: None,
        };
        let log = [
            entry("a", DeliveryHow::Missed),
            entry("b", DeliveryHow::Summary),
            entry("c", DeliveryHow::Notification),
            entry("gone", DeliveryHow::Missed),
        ];
        let m = missed(&rs, &log);
        let got: Vec<(&str, DeliveryHow)> =
            m.iter().map(|m| (m.reminder.id.as_str(), m.how)).collect();
        assert_eq!(
            got,
            [("b", DeliveryHow::Summary), ("a", DeliveryHow::Missed)]
        );
        assert_eq!(&*m[1].reminder.title, "title a");
    }

    #[test]
    fn upcoming_skips_delivered_and_stale() {
        let now = utc(2026, 3, 8, 12, 0);
        let rs = [
            reminder("stale", now - TimeDelta::days(2)),
            reminder("due", now - TimeDelta::hours(1)),
            reminder("done", now + TimeDelta::hours(1)),
            reminder("next", now + TimeDelta::hours(2)),
            reminder("after", now + TimeDelta::hours(3)),
        ];
        let delivered: HashSet<String> = ["done".to_string()].into();
        let u = upcoming(&rs, &delivered, now, 2);
        let got: Vec<(&str, bool)> = u
            .iter()
            .map(|u| (u.reminder.id.as_str(), u.overdue))
            .collect();
        assert_eq!(got, [("due", true), ("next", false)]);
    }
}
