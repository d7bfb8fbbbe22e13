//! Quiet hours: a daily span of local time in the plan's zone, possibly
//! across midnight (22:00-07:00), in which nothing is shown. The decision
//! (`decide.rs`) holds what falls due inside them; the phone's window
//! (`mobile.rs`) moves it to their end. Both ask only these questions.

use aftercare::local_instant;
use chrono::{DateTime, Days, NaiveTime, Utc};
use chrono_tz::Tz;

use super::decide::MAX_SLEEP;
use crate::model::QuietHours;

impl QuietHours {
    /// Whether the time of day `t` is quiet: `start` inclusive, `end`
    /// exclusive, across midnight when `start > end`. A span with
    /// `start == end` covers no time (never "always quiet").
    pub fn contains(&self, t: NaiveTime) -> bool {
        if self.start == self.end {
            false
        } else if self.start < self.end {
            self.start <= t && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }

    /// Whether the instant `at` is quiet on the wall clock of `zone`.
    pub fn holds(&self, zone: Tz, at: DateTime<Utc>) -> bool {
        self.contains(at.with_timezone(&zone).time())
    }

    /// When the quiet span holding `now` ends (`now` must be quiet). On a
    /// daylight-saving day the end is read like a reminder's instant (see
    /// `aftercare::local_instant`).
    pub fn end_after(&self, zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
        let local = now.with_timezone(&zone);
        let mut date = local.date_naive();
        if self.start > self.end && local.time() >= self.start {
            // The evening part of an overnight span ends tomorrow morning.
            date = date.checked_add_days(Days::new(1)).unwrap_or(date);
        }
        let end = local_instant(zone, date, self.end).with_timezone(&Utc);
        if end > now { end } else { now + MAX_SLEEP }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn quiet_span_overnight_and_same_day() {
        let night = QuietHours {
            start: t(22, 0),
            end: t(7, 0),
        };
        assert!(night.contains(t(22, 0)));
        assert!(night.contains(t(23, 59)));
        assert!(night.contains(t(0, 0)));
        assert!(night.contains(t(6, 59)));
        assert!(!night.contains(t(7, 0)));
        assert!(!night.contains(t(21, 59)));
        let lunch = QuietHours {
            start: t(12, 0),
            end: t(13, 0),
        };
        assert!(lunch.contains(t(12, 30)));
        assert!(!lunch.contains(t(13, 0)));
        assert!(!lunch.contains(t(11, 59)));
    }

    #[test]
    fn an_empty_span_is_never_quiet() {
        let empty = QuietHours {
            start: t(8, 0),
            end: t(8, 0),
        };
        assert!(!empty.contains(t(8, 0)));
        assert!(!empty.contains(t(3, 0)));
    }

    #[test]
    fn quiet_end_evening_and_morning() {
        let night = QuietHours {
            start: t(22, 0),
            end: t(7, 0),
        };
        assert_eq!(
            night.end_after(Tz::UTC, utc(2026, 3, 1, 23, 0)),
            utc(2026, 3, 2, 7, 0)
        );
        assert_eq!(
            night.end_after(Tz::UTC, utc(2026, 3, 2, 6, 30)),
            utc(2026, 3, 2, 7, 0)
        );
        // In London on the spring-forward night 07:00 BST is 06:00Z.
        let london = chrono_tz::Europe::London;
        assert_eq!(
            night.end_after(london, utc(2026, 3, 28, 23, 0)),
            utc(2026, 3, 29, 6, 0)
        );
    }
}
