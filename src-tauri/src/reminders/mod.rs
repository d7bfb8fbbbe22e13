//! Delivering the engine's reminder plan.
//!
//! The engine (`aftercare::Plan::reminders`) says *what* to remind the client
//! of and *when*, each reminder with a stable id. This module makes sure each
//! of them reaches the client once, at the right moment, and that the client
//! can see in the app any that did not.
//!
//! # The pieces
//!
//! | piece | where | why |
//! | --- | --- | --- |
//! | [`Clock`] | `crate::platform` | tests inject time; nothing else reads the clock |
//! | [`decide`] | `decide.rs` | pure: what to show, fold, record, and when to wake |
//! | quiet hours | `quiet.rs` | when a span of local time is quiet, and when it ends |
//! | [`missed`], [`upcoming`] | `lists.rs` | the app's lists of reminders |
//! | [`deliver`] | `deliver.rs` | claim in the store, then show |
//! | [`spawn`] | `scheduler.rs` | the loop: load, decide, deliver, sleep |
//! | [`Notifier`] | `notifier.rs` | the desktop notification server (notify-rust) |
//! | [`mobile`] | `mobile.rs` | on Android and iOS the OS schedules instead |
//!
//! # At most once
//!
//! The store's delivery log is the single source of truth. A reminder is
//! *claimed* (its id written to the log, in one transaction) **before** the
//! notification is shown, and only a reminder that was newly claimed is
//! shown. A crash between the claim and the notification loses that one
//! notification; the opposite order would repeat it after every crash or
//! restart, and the plan is recomputed on every pass, so a repeat would
//! otherwise be easy. A failed notification stays in the log (as `failed`,
//! with the error), is logged and is surfaced through
//! [`SchedulerHandle::last_failure`] rather than retried: the client sees it
//! in the app instead of as a late duplicate.
//!
//! # Grace, summary and missed
//!
//! A reminder is due when its instant has passed. One found due within
//! [`GRACE`] (5 minutes: a wake-up that the loop or a busy machine made a
//! little late) is shown on its own, as the engine wrote it. One found later
//! than that was missed: the app was not running, the machine slept or the
//! clock jumped. Several missed reminders must not arrive as a burst of
//! stale notifications, so those missed within [`MISSED_WINDOW`] (24 hours)
//! are folded into **one** summary notification ("2 reminders you missed",
//! listing their titles). Older ones are only recorded as `missed`: a
//! notification about a day that has long passed would mislead more than
//! help. Every one of them stays visible in the app through [`missed`].
//!
//! # Quiet hours
//!
//! Quiet hours are a daily span of local time in the plan's zone, possibly
//! across midnight (22:00-07:00). While they last nothing is shown; what
//! falls due is held and delivered when they end, folded with everything
//! else held into one notification. The loop wakes exactly at their end.
//!
//! # Waking at least every minute
//!
//! The loop sleeps until the next reminder, or until quiet hours end, but
//! never longer than [`MAX_SLEEP`] (60 seconds). Timers count monotonic
//! time, which stops while the machine sleeps and does not follow the wall
//! clock, so a long sleep would miss a resume, a clock correction or a
//! change of time zone. Waking once a minute notices all of them within a
//! minute, costs one cheap recomputation (the engine builds a plan in
//! microseconds) and is not busy polling. Edits wake it at once through
//! [`SchedulerHandle::recompute`].
//!
//! # Care nudges
//!
//! With the "Remind me to moisturise during the day" setting
//! (`Settings::care_reminders`, off by default), each pass adds today's
//! nudges (`aftercare::Plan::care_nudges`, from today's ticks in the store)
//! to the engine's reminders: stable ids, the same delivery log, so each
//! is shown at most once. A nudge that falls in quiet hours is skipped, not
//! held, and one found more than [`GRACE`] late is dropped unshown: it is
//! about the moment, never a "reminder you missed". Phones (`mobile.rs`)
//! schedule ahead with the OS and cannot know the ticks, so they get none.
//!
//! # Disabled reminders
//!
//! With reminders switched off nothing is shown *and nothing is recorded*:
//! switching them off must not make the app believe the client was told.

mod decide;
mod deliver;
mod lists;
pub mod mobile;
mod notifier;
mod quiet;
mod scheduler;

pub use decide::{
    Decision, GRACE, MAX_SLEEP, MISSED_WINDOW, PassInput, decide, entered_past, summary_notice,
};
pub use deliver::{DeliveryReport, Ledger, deliver};
pub use lists::{MissedReminder, UpcomingReminder, missed, upcoming};
#[cfg(desktop)]
pub use notifier::DesktopNotifier;
pub use notifier::{APP_NAME, DESKTOP_ENTRY, Notice, Notifier, NotifyError, notification_body};
// The clock and the permission gate live in `platform` (commands use them
// too); re-exported here for the scheduler's callers.
pub use crate::platform::{AlwaysPermitted, Clock, PermissionGate, SystemClock};
pub use scheduler::{PassReport, PlanSource, SchedulerHandle, failure_text, run_pass, spawn};

/// Helpers for the unit tests of this module's files.
#[cfg(test)]
pub(crate) mod test_support {
    use aftercare::{Reminder, ReminderKind};
    use chrono::{DateTime, Utc};

    /// A milestone reminder with a title and body that name its id.
    pub(crate) fn reminder(id: &str, at: DateTime<Utc>) -> Reminder {
        Reminder {
            id: id.to_string(),
            at,
            local: at.fixed_offset(),
            kind: ReminderKind::Milestone,
            title: format!("title {id}").into(),
            body: format!("body {id}"),
        }
    }
}
