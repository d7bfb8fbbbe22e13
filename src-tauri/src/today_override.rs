//! `SMP_AFTERCARE_TODAY=YYYY-MM-DD`: start the app's clock at noon of that
//! date in the device's zone, for reproducible screenshots
//! (`scripts/screenshots.sh` is the only user). Read once, at start-up;
//! ignored unless set (an empty value counts as unset). An invalid value
//! stops the app with a one-line message before any window opens.
//!
//! The clock then runs at the real pace from there, so the reminder
//! scheduler, which sleeps until the next reminder, behaves as usual.

use std::ffi::OsString;
use std::time::Instant;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::reminders::{Clock, SystemClock};

/// The environment variable that fixes the app's today.
pub const ENV_VAR: &str = "SMP_AFTERCARE_TODAY";

/// The app's clock: the system's, or one started on a fixed day.
#[derive(Debug, Clone, Copy)]
pub struct AppClock {
    fixed: Option<Fixed>,
}

#[derive(Debug, Clone, Copy)]
struct Fixed {
    start: DateTime<Utc>,
    started: Instant,
}

impl AppClock {
    /// The system clock.
    pub fn system() -> AppClock {
        AppClock { fixed: None }
    }

    /// The clock for the value of [`ENV_VAR`] (`None` when it is unset).
    pub fn from_env(value: Option<OsString>) -> Result<AppClock, String> {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return Ok(AppClock::system());
        };
        let text = value.to_string_lossy();
        let day = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10)
            .ok_or_else(|| {
                format!("{ENV_VAR}={text:?} is not a date: expected YYYY-MM-DD, such as 2026-03-20")
            })?;
        Ok(AppClock::starting_on(day, SystemClock.device_zone()))
    }

    /// A clock that reads noon of `day` in `zone` now, and runs from there.
    pub fn starting_on(day: NaiveDate, zone: Tz) -> AppClock {
        let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
        let start = zone
            .from_local_datetime(&noon)
            .earliest()
            .map_or_else(|| noon.and_utc(), |t| t.with_timezone(&Utc));
        AppClock {
            fixed: Some(Fixed {
                start,
                started: Instant::now(),
            }),
        }
    }
}

impl Clock for AppClock {
    fn now(&self) -> DateTime<Utc> {
        match self.fixed {
            None => SystemClock.now(),
            Some(f) => {
                f.start + TimeDelta::from_std(f.started.elapsed()).unwrap_or(TimeDelta::zero())
            }
        }
    }

    fn device_zone(&self) -> Tz {
        SystemClock.device_zone()
    }

    fn device_lang(&self) -> aftercare::Lang {
        SystemClock.device_lang()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_or_empty_is_the_system_clock() {
        assert!(AppClock::from_env(None).unwrap().fixed.is_none());
        assert!(AppClock::from_env(Some("".into())).unwrap().fixed.is_none());
    }

    #[test]
    fn a_date_starts_at_noon_of_that_day_in_the_zone() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let clock = AppClock::starting_on(day, chrono_tz::Europe::London);
        // 29 March 2026 is the first day of British Summer Time.
        assert_eq!(
            clock.fixed.unwrap().start,
            "2026-03-29T11:00:00Z".parse::<DateTime<Utc>>().unwrap()
        );
        let now = clock.now().with_timezone(&chrono_tz::Europe::London);
        assert_eq!(now.date_naive(), day);

        let set = AppClock::from_env(Some("2026-03-20".into())).unwrap();
        let zone = set.device_zone();
        assert_eq!(
            set.now().with_timezone(&zone).date_naive(),
            NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
        );
    }

    #[test]
    fn anything_else_is_a_clear_error() {
        for bad in [
            "tomorrow",
            "2026-02-30",
            "20-03-2026",
            "2026-3-5",
            " 2026-03-20",
        ] {
            assert_eq!(
                AppClock::from_env(Some(bad.into())).unwrap_err(),
                format!(
                    "SMP_AFTERCARE_TODAY={bad:?} is not a date: expected YYYY-MM-DD, such as 2026-03-20"
                )
            );
        }
    }
}
