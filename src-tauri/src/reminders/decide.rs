//! The decision core: pure and synchronous, so every rule of delivery is a
//! function of its arguments and can be tested without a clock, a store or
//! a notification server.

use std::collections::HashSet;

use aftercare::messages::Arg;
use aftercare::{Lang, Reminder};
use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::notifier::Notice;
use crate::messages::{date, tr};
use crate::model::Settings;

/// How late a due reminder may be found and still be shown on its own, as
/// the engine wrote it. The loop wakes at the reminder's instant, so it is
/// normally found within a second; five minutes cover a loaded machine, a
/// slow start at login and a wall clock corrected by a few minutes, while
/// anything later is clearly a reminder the client missed.
pub const GRACE: TimeDelta = TimeDelta::minutes(5);

/// Missed reminders younger than this are folded into one summary
/// notification; older ones are only recorded (and listed in the app): a
/// notification about a day long gone would mislead more than help.
pub const MISSED_WINDOW: TimeDelta = TimeDelta::hours(24);

/// The loop never sleeps longer than this, so a resume from suspend, a wall
/// clock jump or a change of time zone is noticed within a minute.
pub const MAX_SLEEP: TimeDelta = TimeDelta::seconds(60);

/// Everything one pass decides on.
#[derive(Debug, Clone, Copy)]
pub struct PassInput<'a> {
    /// The current instant.
    pub now: DateTime<Utc>,
    /// The plan's zone (quiet hours are read on its wall clock).
    pub zone: Tz,
    /// The plan's reminders, at the settings' reminder time.
    pub reminders: &'a [Reminder],
    /// The client's settings.
    pub settings: &'a Settings,
    /// Ids already in the delivery log (in any way: shown, missed, failed).
    pub delivered: &'a HashSet<String>,
}

/// What one pass does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Due within [`GRACE`] and outside quiet hours: each shown on its own
    /// (logged as `notification`).
    pub show: Vec<Reminder>,
    /// Missed within [`MISSED_WINDOW`], or held by quiet hours that have now
    /// ended: shown together as one notification (logged as `summary`).
    pub summary: Vec<Reminder>,
    /// Missed longer ago than [`MISSED_WINDOW`]: recorded as `missed`, no
    /// notification.
    pub missed: Vec<Reminder>,
    /// Due, but quiet hours are on: left undelivered until they end.
    pub held: Vec<Reminder>,
    /// When to look again: never more than [`MAX_SLEEP`] after `now`.
    pub next_wake: DateTime<Utc>,
}

impl Decision {
    /// A pass that does nothing and looks again in [`MAX_SLEEP`].
    pub fn idle(now: DateTime<Utc>) -> Decision {
        Decision {
            show: Vec::new(),
            summary: Vec::new(),
            missed: Vec::new(),
            held: Vec::new(),
            next_wake: now + MAX_SLEEP,
        }
    }
}

/// Decides one pass; see the module documentation of `reminders` for the
/// rules and why they are so.
pub fn decide(input: &PassInput<'_>) -> Decision {
    let now = input.now;
    let mut d = Decision::idle(now);
    if !input.settings.reminders_enabled {
        // Nothing shown and nothing recorded; settings are read again on
        // every pass (and `recompute` wakes the loop when they change).
        return d;
    }
    let quiet = input.settings.quiet_hours;
    let quiet_now = quiet.filter(|q| q.holds(input.zone, now));

    let mut next_due: Option<DateTime<Utc>> = None;
    for r in input.reminders {
        if input.delivered.contains(&r.id) {
            continue;
        }
        if r.at > now {
            next_due = Some(next_due.map_or(r.at, |n| n.min(r.at)));
            continue;
        }
        let late = now - r.at;
        if late > MISSED_WINDOW {
            d.missed.push(r.clone());
        } else if quiet_now.is_some() {
            d.held.push(r.clone());
        } else if late > GRACE || quiet.is_some_and(|q| q.holds(input.zone, r.at)) {
            // Missed, or held by quiet hours that have just ended: one
            // notification for all of them.
            d.summary.push(r.clone());
        } else {
            d.show.push(r.clone());
        }
    }

    let mut wake = now + MAX_SLEEP;
    if let Some(at) = next_due {
        wake = wake.min(at);
    }
    if let (Some(q), false) = (quiet_now, d.held.is_empty()) {
        wake = wake.min(q.end_after(input.zone, now));
    }
    d.next_wake = wake;
    d
}

/// The reminders a change of the plan settles as already past
/// (`before_plan`, neither shown nor listed as missed): those of the
/// `next` plan due at `now` that were not already due in the `previous`
/// one. A reminder that fell due in the plan the client had (held by quiet
/// hours, or due a moment before the loop's pass) stays the scheduler's to
/// show, fold or list: settling it would hide it from the client entirely.
pub fn entered_past(
    previous: &[Reminder],
    next: &[Reminder],
    now: DateTime<Utc>,
) -> Vec<(String, DateTime<Utc>)> {
    let due_before: HashSet<&str> = previous
        .iter()
        .filter(|r| r.at <= now)
        .map(|r| r.id.as_str())
        .collect();
    next.iter()
        .filter(|r| r.at <= now && !due_before.contains(r.id.as_str()))
        .map(|r| (r.id.clone(), r.at))
        .collect()
}

/// The one notification for reminders folded together: a single reminder
/// as the engine wrote it, several as "N reminders you missed" listing
/// each one's local date and title, in `lang` (the plan's language, so
/// that it matches the reminders' own words). `None` for none.
pub fn summary_notice(items: &[Reminder], lang: Lang) -> Option<Notice> {
    match items {
        [] => None,
        [one] => Some(Notice {
            title: one.title.to_string(),
            body: one.body.clone(),
        }),
        many => {
            let body = many
                .iter()
                .map(|r| {
                    tr(
                        lang,
                        "missed-line",
                        &[
                            ("date", Arg::from(date(lang, "missed-date-format", r.local))),
                            ("title", Arg::from(&*r.title)),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Some(Notice {
                title: tr(lang, "missed-title", &[("count", Arg::from(many.len()))]),
                body,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QuietHours;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    use crate::reminders::test_support::reminder;

    fn settings(quiet: Option<(&str, &str)>) -> Settings {
        Settings {
            quiet_hours: quiet.map(|(s, e)| QuietHours {
                start: aftercare::parse_time(s).unwrap(),
                end: aftercare::parse_time(e).unwrap(),
            }),
            ..Settings::default()
        }
    }

    fn run(now: DateTime<Utc>, rs: &[Reminder], s: &Settings, delivered: &[&str]) -> Decision {
        let delivered: HashSet<String> = delivered.iter().map(|s| s.to_string()).collect();
        decide(&PassInput {
            now,
            zone: Tz::UTC,
            reminders: rs,
            settings: s,
            delivered: &delivered,
        })
    }

    fn ids(rs: &[Reminder]) -> Vec<&str> {
        rs.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn on_time_is_shown_alone_and_wake_is_next_reminder() {
        let rs = [
            reminder("a", utc(2026, 3, 2, 9, 0)),
            reminder("b", utc(2026, 3, 2, 9, 0) + TimeDelta::seconds(30)),
        ];
        let d = run(utc(2026, 3, 2, 9, 0), &rs, &settings(None), &[]);
        assert_eq!(ids(&d.show), ["a"]);
        assert!(d.summary.is_empty() && d.missed.is_empty() && d.held.is_empty());
        assert_eq!(d.next_wake, rs[1].at);
    }

    #[test]
    fn grace_boundary() {
        let at = utc(2026, 3, 2, 9, 0);
        let rs = [reminder("a", at)];
        let d = run(at + GRACE, &rs, &settings(None), &[]);
        assert_eq!(ids(&d.show), ["a"]);
        let d = run(
            at + GRACE + TimeDelta::seconds(1),
            &rs,
            &settings(None),
            &[],
        );
        assert!(d.show.is_empty());
        assert_eq!(ids(&d.summary), ["a"]);
    }

    #[test]
    fn missed_split_at_24_hours() {
        let now = utc(2026, 3, 10, 12, 0);
        let rs = [
            reminder("old", now - TimeDelta::hours(50)),
            reminder("edge", now - MISSED_WINDOW),
            reminder("recent", now - TimeDelta::hours(3)),
            reminder("later", now + TimeDelta::hours(3)),
        ];
        let d = run(now, &rs, &settings(None), &[]);
        assert_eq!(ids(&d.missed), ["old"]);
        assert_eq!(ids(&d.summary), ["edge", "recent"]);
        assert!(d.show.is_empty());
        assert_eq!(d.next_wake, now + MAX_SLEEP);
    }

    #[test]
    fn delivered_are_ignored() {
        let now = utc(2026, 3, 2, 9, 0);
        let rs = [reminder("a", now), reminder("b", now - TimeDelta::hours(2))];
        let d = run(now, &rs, &settings(None), &["a", "b"]);
        assert_eq!(d, Decision::idle(now));
    }

    #[test]
    fn disabled_delivers_and_records_nothing() {
        let now = utc(2026, 3, 2, 9, 0);
        let rs = [
            reminder("a", now),
            reminder("old", now - TimeDelta::days(3)),
        ];
        let s = Settings {
            reminders_enabled: false,
            ..Settings::default()
        };
        assert_eq!(run(now, &rs, &s, &[]), Decision::idle(now));
    }

    #[test]
    fn quiet_hours_hold_then_group() {
        let s = settings(Some(("22:00", "07:00")));
        let rs = [
            reminder("late-evening", utc(2026, 3, 1, 22, 30)),
            reminder("dawn", utc(2026, 3, 2, 6, 30)),
        ];
        let d = run(utc(2026, 3, 2, 6, 30), &rs, &s, &[]);
        assert_eq!(ids(&d.held), ["late-evening", "dawn"]);
        assert!(d.show.is_empty() && d.summary.is_empty());
        // Woken within a minute, never later than the end of quiet hours.
        assert_eq!(d.next_wake, utc(2026, 3, 2, 6, 31));
        let d = run(utc(2026, 3, 2, 6, 59), &rs, &s, &[]);
        assert_eq!(d.next_wake, utc(2026, 3, 2, 7, 0));
        let d = run(utc(2026, 3, 2, 7, 0), &rs, &s, &[]);
        assert_eq!(ids(&d.summary), ["late-evening", "dawn"]);
        assert!(d.held.is_empty() && d.show.is_empty());
    }

    #[test]
    fn one_held_reminder_is_shown_as_itself_at_quiet_end() {
        let s = settings(Some(("22:00", "07:00")));
        let rs = [reminder("dawn", utc(2026, 3, 2, 6, 58))];
        let d = run(utc(2026, 3, 2, 7, 0), &rs, &s, &[]);
        // Within grace, but it was held: it goes the summary way...
        assert_eq!(ids(&d.summary), ["dawn"]);
        // ...and a summary of one is the reminder itself.
        let n = summary_notice(&d.summary, Lang::Es).unwrap();
        assert_eq!(n.title, "title dawn");
        assert_eq!(n.body, "body dawn");
    }

    #[test]
    fn wake_is_never_more_than_a_minute_away() {
        let s = settings(Some(("22:00", "07:00")));
        let now0 = utc(2026, 3, 1, 0, 0);
        let rs: Vec<Reminder> = (0..5)
            .map(|i| {
                reminder(
                    &format!("r{i}"),
                    now0 + TimeDelta::days(i * 2) + TimeDelta::hours(9),
                )
            })
            .collect();
        let mut now = now0;
        while now < now0 + TimeDelta::days(12) {
            for (settings, delivered) in [(&s, vec![]), (&Settings::default(), vec!["r0"])] {
                let d = run(now, &rs, settings, &delivered);
                assert!(d.next_wake > now, "{now}");
                assert!(d.next_wake - now <= MAX_SLEEP, "{now}");
            }
            now += TimeDelta::minutes(17);
        }
    }

    #[test]
    fn an_edit_settles_only_what_it_made_past() {
        let now = utc(2026, 3, 10, 12, 0);
        let held = reminder("held", now - TimeDelta::minutes(20));
        let delivered = reminder("delivered", now - TimeDelta::days(1));
        let later = reminder("later", now + TimeDelta::hours(1));
        let previous = [delivered.clone(), held.clone(), later.clone()];
        // The edit adds a session whose first reminders are already past.
        let next = [
            delivered,
            held,
            later,
            reminder("new-past", now - TimeDelta::days(2)),
            reminder("new-now", now),
            reminder("new-later", now + TimeDelta::minutes(1)),
        ];
        let settled: Vec<String> = entered_past(&previous, &next, now)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(settled, ["new-past", "new-now"]);
        // Without a plan before (first run), everything due is settled.
        assert_eq!(entered_past(&[], &next, now).len(), 4);
    }

    #[test]
    fn summary_lists_titles() {
        let rs = [
            reminder("a", utc(2026, 3, 7, 9, 0)),
            reminder("b", utc(2026, 3, 8, 9, 0)),
        ];
        let n = summary_notice(&rs, Lang::En).unwrap();
        assert_eq!(n.title, "2 reminders you missed");
        assert_eq!(n.body, "• Sat 7 Mar — title a\n• Sun 8 Mar — title b");
        assert_eq!(summary_notice(&[], Lang::En), None);
    }

    #[test]
    fn summary_in_spanish_with_spanish_dates() {
        let rs = [
            reminder("a", utc(2026, 3, 7, 9, 0)),
            reminder("b", utc(2026, 3, 8, 9, 0)),
            reminder("c", utc(2026, 4, 1, 9, 0)),
        ];
        let n = summary_notice(&rs, Lang::Es).unwrap();
        assert_eq!(n.title, "Te has perdido 3 recordatorios");
        assert_eq!(
            n.body,
            "• sáb 7 mar — title a\n• dom 8 mar — title b\n• mié 1 abr — title c"
        );
    }
}
