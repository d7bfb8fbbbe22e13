//! What the app reads from the device: the clock and its zone, and the
//! permission to notify. Commands and the reminder scheduler both use them;
//! tests pass their own.

use aftercare::Lang;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::model::NotificationPermission;

/// Where the scheduler reads the time and the device's zone. Only
/// [`SystemClock`] reads the real ones; tests pass their own.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The device's time zone (for plans that follow the device).
    fn device_zone(&self) -> Tz;
    /// The device's language, when the app speaks it (else English). Read
    /// here, in the shell, and handed to the engine; tests' clocks speak
    /// English unless they say otherwise.
    fn device_lang(&self) -> Lang {
        Lang::En
    }
}

/// The system clock and the system's zone (UTC when it cannot be read or
/// is not an IANA name chrono-tz knows).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn device_zone(&self) -> Tz {
        match iana_time_zone::get_timezone() {
            Ok(name) => name.parse().unwrap_or_else(|_| {
                log::warn!("device time zone {name:?} is unknown; using UTC");
                Tz::UTC
            }),
            Err(e) => {
                log::warn!("cannot read the device time zone ({e}); using UTC");
                Tz::UTC
            }
        }
    }

    fn device_lang(&self) -> Lang {
        // The first of the user's languages the app speaks (`LANG`,
        // `LC_ALL` and `LC_MESSAGES` on Linux; the system's list elsewhere).
        sys_locale::get_locales()
            .find_map(|l| Lang::from_locale(&l))
            .unwrap_or_default()
    }
}

/// Asks the operating system for permission to show notifications.
///
/// Kept apart from [`Notifier`](crate::reminders::Notifier) because the commands use it (the question is
/// put to the client the moment they turn reminders on) while the notifier
/// belongs to the scheduler.
pub trait PermissionGate: Send + Sync {
    /// Where permission stands now; never shows anything.
    fn state(&self) -> NotificationPermission;
    /// Asks the client (a system dialog on phones) and returns the answer.
    /// Blocks until they answer: never call it on the main thread.
    fn request(&self) -> NotificationPermission;
}

/// Desktop notification servers (D-Bus, macOS's and Windows' notification
/// centres) show an app's notifications without asking first; whether they
/// arrive is seen when one is shown (a failure is kept and shown in the app).
#[derive(Debug, Clone, Copy, Default)]
pub struct AlwaysPermitted;

impl PermissionGate for AlwaysPermitted {
    fn state(&self) -> NotificationPermission {
        NotificationPermission::Granted
    }
    fn request(&self) -> NotificationPermission {
        NotificationPermission::Granted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desktop_needs_no_permission() {
        assert_eq!(AlwaysPermitted.state(), NotificationPermission::Granted);
        assert_eq!(AlwaysPermitted.request(), NotificationPermission::Granted);
    }
}
