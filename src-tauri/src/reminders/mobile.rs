//! Android and iOS: the OS delivers the notifications, because the app is
//! not running when they are due. The app hands it a rolling window of
//! one-shot scheduled notifications and reconciles that window with what
//! the OS still has pending on every launch and resume.
//!
//! The pure parts (numeric ids, choosing the window, the reconcile diff and
//! settling reminders that fell due) are compiled on every target and unit
//! tested here; `MobileScheduler` (mobile only) is the thin shell that
//! calls the notification plugin.
//!
//! # Numeric ids
//!
//! The plugin wants `i32` ids; the engine's ids are strings. [`numeric_id`]
//! is the 32-bit FNV-1a hash of the string, folded into `1..=i32::MAX`, so
//! the same reminder keeps the same number across launches and versions (a
//! std `Hasher` is not stable across Rust releases). Two reminders of one
//! window could collide (odds about 1 in a million for 60 ids): the window
//! is built soonest first and a later reminder whose number is taken
//! probes the next free number. A probed number depends on the rest of the
//! window, so it may change between launches; the reconcile then cancels
//! and re-adds that one notification, which is harmless.
//!
//! # The window
//!
//! Both OSes cap pending notifications (iOS at 64), so at most
//! [`MAX_PENDING`] (60) of the soonest future reminders not yet in the log
//! are scheduled; later ones enter the window as earlier ones fire and the
//! app is opened again. With about one reminder a day that covers two
//! months. Quiet hours move a reminder to their end. Switched-off reminders
//! make the window empty, which cancels everything pending.
//!
//! # The log on mobile
//!
//! The OS shows the notification without the app, so the app cannot claim
//! before showing. At each sync, reminders that fell due since are settled:
//! those due within the last day were in the window (the app syncs on every
//! launch and resume) and are logged as `notification`; older ones as
//! `missed`, listed in the app, as on the desktop. Nothing is ever scheduled
//! for an instant already past, so nothing is shown twice.

use std::collections::{HashMap, HashSet};

use aftercare::Reminder;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::decide::MISSED_WINDOW;
use crate::model::{NotificationPermission, Settings};

/// At most this many notifications are left pending with the OS.
pub const MAX_PENDING: usize = 60;

/// The stable numeric id of an engine reminder id: FNV-1a (32 bits) folded
/// into `1..=i32::MAX`. See the module documentation for collisions.
pub fn numeric_id(id: &str) -> i32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    fold(h)
}

fn fold(h: u32) -> i32 {
    let n = h & 0x7fff_ffff;
    i32::try_from(if n == 0 { 1 } else { n }).unwrap_or(1)
}

/// One notification to hand to the OS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    /// The OS's id (see [`numeric_id`]).
    pub num: i32,
    /// The engine's id.
    pub id: String,
    /// When the OS shows it: UTC, whole seconds.
    pub at: DateTime<Utc>,
    /// Title.
    pub title: String,
    /// Text.
    pub body: String,
}

/// The notifications that should be pending now: the soonest
/// [`MAX_PENDING`] future reminders not in the log, moved out of quiet
/// hours, with collision-free numeric ids. Empty when reminders are off.
pub fn window(
    reminders: &[Reminder],
    delivered: &HashSet<String>,
    settings: &Settings,
    zone: Tz,
    now: DateTime<Utc>,
) -> Vec<Scheduled> {
    if !settings.reminders_enabled {
        return Vec::new();
    }
    let quiet = settings.quiet_hours;
    let mut chosen: Vec<(DateTime<Utc>, &Reminder)> = reminders
        .iter()
        .filter(|r| !delivered.contains(&r.id))
        .filter_map(|r| {
            let at = match quiet {
                Some(q) if q.holds(zone, r.at) => q.end_after(zone, r.at),
                _ => r.at,
            };
            let at = DateTime::from_timestamp(at.timestamp(), 0)?;
            (at > now).then_some((at, r))
        })
        .collect();
    chosen.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    chosen.truncate(MAX_PENDING);

    let nums = assign(chosen.iter().map(|(_, r)| numeric_id(&r.id)));
    chosen
        .into_iter()
        .zip(nums)
        .map(|((at, r), num)| Scheduled {
            num,
            id: r.id.clone(),
            at,
            title: r.title.to_string(),
            body: r.body.clone(),
        })
        .collect()
}

/// Gives each preferred number, in order, itself or (when an earlier one
/// took it) the next free number, wrapping from `i32::MAX` to 1.
fn assign(preferred: impl Iterator<Item = i32>) -> Vec<i32> {
    let mut used = HashSet::new();
    preferred
        .map(|mut num| {
            while !used.insert(num) {
                num = if num == i32::MAX { 1 } else { num + 1 };
            }
            num
        })
        .collect()
}

/// A notification the OS still has pending, as far as the reconcile needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInfo {
    /// Its numeric id.
    pub num: i32,
    /// Its one-shot instant in Unix seconds (`None` for any other schedule).
    pub at_secs: Option<i64>,
    /// Title, if the OS reports it.
    pub title: Option<String>,
    /// Text, if the OS reports it.
    pub body: Option<String>,
}

/// What to change so that the OS has exactly `desired` pending.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// Pending ids to cancel: no longer in the plan, or changed.
    pub cancel: Vec<i32>,
    /// Notifications to schedule: new, or changed (cancelled first).
    pub add: Vec<Scheduled>,
}

/// The reconcile: a pending notification is kept only when one in
/// `desired` has its id, instant, title and text; everything else pending
/// is cancelled and everything desired but not kept is added. A reminder
/// whose time moved (a new reminder time, quiet hours, a zone change) keeps
/// its id but is cancelled and scheduled again.
pub fn reconcile(pending: &[PendingInfo], desired: &[Scheduled]) -> Diff {
    let wanted: HashMap<i32, &Scheduled> = desired.iter().map(|s| (s.num, s)).collect();
    let mut kept = HashSet::new();
    let mut diff = Diff::default();
    for p in pending {
        let same = wanted.get(&p.num).is_some_and(|s| {
            p.at_secs == Some(s.at.timestamp())
                && p.title.as_deref().is_none_or(|t| t == s.title)
                && p.body.as_deref().is_none_or(|b| b == s.body)
        });
        if same && kept.insert(p.num) {
            continue;
        }
        if !diff.cancel.contains(&p.num) {
            diff.cancel.push(p.num);
        }
    }
    diff.add = desired
        .iter()
        .filter(|s| !kept.contains(&s.num))
        .cloned()
        .collect();
    diff
}

/// A reminder to record in the delivery log: its id and when it was due.
pub type LogItem = (String, DateTime<Utc>);

/// Reminders that fell due and are not yet in the log, split into those
/// the OS showed (due within [`MISSED_WINDOW`]) and those to record as
/// missed. Both empty when reminders are off (nothing recorded).
pub fn settle(
    reminders: &[Reminder],
    delivered: &HashSet<String>,
    settings: &Settings,
    now: DateTime<Utc>,
) -> (Vec<LogItem>, Vec<LogItem>) {
    let (mut shown, mut missed) = (Vec::new(), Vec::new());
    if !settings.reminders_enabled {
        return (shown, missed);
    }
    for r in reminders
        .iter()
        .filter(|r| r.at <= now && !delivered.contains(&r.id))
    {
        if now - r.at <= MISSED_WINDOW {
            shown.push((r.id.clone(), r.at));
        } else {
            missed.push((r.id.clone(), r.at));
        }
    }
    (shown, missed)
}

/// The plugin's permission answer in the app's terms: "prompt" (with or
/// without a rationale) means the app may still ask.
pub fn permission_from(state: tauri::plugin::PermissionState) -> NotificationPermission {
    use tauri::plugin::PermissionState;
    match state {
        PermissionState::Granted => NotificationPermission::Granted,
        PermissionState::Denied => NotificationPermission::Denied,
        PermissionState::Prompt | PermissionState::PromptWithRationale => {
            NotificationPermission::NotAsked
        }
    }
}

#[cfg(mobile)]
pub use shell::{MobileScheduler, PluginPermission, spawn};

#[cfg(mobile)]
mod shell {
    use std::sync::{Arc, Mutex};

    use aftercare::Plan;
    use chrono::{DateTime, Utc};
    use tauri::{AppHandle, Runtime};
    use tauri_plugin_notification::{NotificationExt, Schedule};

    use super::{PendingInfo, Scheduled, reconcile, settle, window};
    use crate::model::{DeliveryHow, NotificationPermission, Settings};
    use crate::reminders::deliver::lock;
    use crate::reminders::scheduler::spawn_loop;
    use crate::reminders::{Clock, Ledger, PassReport, SchedulerHandle};

    /// The mobile counterpart of [`crate::reminders::spawn`]: the same loop
    /// (first pass at once, then at least every minute and on
    /// `recompute`), whose pass syncs the OS's pending notifications with
    /// the plan. The loop runs while the app is in the foreground, so a
    /// resume is noticed within a minute; call `recompute` from the resume
    /// event to sync at once. A plugin error is logged and exposed as the
    /// handle's `last_failure`.
    pub fn spawn<R, L, C, F>(
        app: AppHandle<R>,
        ledger: Arc<Mutex<L>>,
        clock: C,
        source: F,
    ) -> SchedulerHandle
    where
        R: Runtime,
        L: Ledger + Send + 'static,
        C: Clock + 'static,
        F: Fn() -> Result<Option<(Plan, Settings)>, String> + Send + Sync + 'static,
    {
        let scheduler = MobileScheduler::new(app);
        let pass = move |now: DateTime<Utc>| {
            let mut report = PassReport::idle(now);
            match source() {
                Ok(Some((plan, settings))) => {
                    match scheduler.sync(&ledger, &plan, &settings, now) {
                        Ok(()) => report.delivery.notifier_reached = true,
                        Err(e) => {
                            log::error!("cannot schedule reminders with the OS: {e}");
                            report.delivery.notifier_error = Some(e.clone());
                            report.error = Some(e);
                        }
                    }
                }
                Ok(None) => {
                    if let Err(e) = scheduler.clear() {
                        log::error!("cannot cancel pending reminders: {e}");
                        report.delivery.notifier_error = Some(e);
                    }
                }
                Err(e) => {
                    log::error!("cannot load the plan for reminders: {e}");
                    report.error = Some(e);
                }
            }
            report
        };
        spawn_loop(Arc::new(pass), Arc::new(clock))
    }

    /// Android 13+ and iOS permission to notify, through the plugin. A
    /// plugin error counts as "not asked", so the app offers to ask again
    /// rather than claiming a refusal.
    pub struct PluginPermission<R: Runtime> {
        app: AppHandle<R>,
    }

    impl<R: Runtime> PluginPermission<R> {
        /// Uses the notification plugin of `app` (it must be registered).
        pub fn new(app: AppHandle<R>) -> Self {
            PluginPermission { app }
        }
    }

    impl<R: Runtime> crate::reminders::PermissionGate for PluginPermission<R> {
        fn state(&self) -> NotificationPermission {
            answer(self.app.notification().permission_state(), "read")
        }

        fn request(&self) -> NotificationPermission {
            answer(self.app.notification().request_permission(), "ask for")
        }
    }

    /// The plugin's answer; an error is logged and counts as "not asked".
    fn answer(
        result: tauri_plugin_notification::Result<tauri::plugin::PermissionState>,
        doing: &str,
    ) -> NotificationPermission {
        result.map(super::permission_from).unwrap_or_else(|e| {
            log::error!("cannot {doing} the notification permission: {e}");
            NotificationPermission::NotAsked
        })
    }

    /// Hands the reminder plan to the OS; call [`sync`](Self::sync) on
    /// every launch and resume and after every change of the plan.
    pub struct MobileScheduler<R: Runtime> {
        app: AppHandle<R>,
    }

    impl<R: Runtime> MobileScheduler<R> {
        /// Uses the notification plugin of `app` (it must be registered).
        pub fn new(app: AppHandle<R>) -> Self {
            MobileScheduler { app }
        }

        /// Settles what fell due, then makes the OS's pending
        /// notifications equal the window.
        pub fn sync<L: Ledger>(
            &self,
            ledger: &Mutex<L>,
            plan: &Plan,
            settings: &Settings,
            now: DateTime<Utc>,
        ) -> Result<(), String> {
            let reminders = plan.reminders(settings.reminder_time);
            let delivered = lock(ledger).delivered_ids().map_err(|e| e.to_string())?;
            let (shown, missed) = settle(&reminders, &delivered, settings, now);
            {
                let mut log = lock(ledger);
                log.claim_all(&shown, now, DeliveryHow::Notification)
                    .map_err(|e| e.to_string())?;
                log.claim_all(&missed, now, DeliveryHow::Missed)
                    .map_err(|e| e.to_string())?;
            }
            let desired = window(&reminders, &delivered, settings, plan.zone(), now);
            self.apply(&desired)
        }

        /// Cancels every pending reminder (there is no plan any more).
        pub fn clear(&self) -> Result<(), String> {
            self.apply(&[])
        }

        /// Makes the OS's pending notifications equal `desired`.
        fn apply(&self, desired: &[Scheduled]) -> Result<(), String> {
            let n = self.app.notification();
            let pending: Vec<PendingInfo> = n
                .pending()
                .map_err(|e| e.to_string())?
                .iter()
                .map(|p| PendingInfo {
                    num: p.id(),
                    at_secs: match p.schedule() {
                        Schedule::At { date, .. } => Some(date.unix_timestamp()),
                        _ => None,
                    },
                    title: p.title().map(str::to_string),
                    body: p.body().map(str::to_string),
                })
                .collect();
            let diff = reconcile(&pending, desired);
            if !diff.cancel.is_empty() {
                n.cancel(diff.cancel.clone()).map_err(|e| e.to_string())?;
            }
            for s in diff.add {
                let date = time::OffsetDateTime::from_unix_timestamp(s.at.timestamp())
                    .map_err(|e| e.to_string())?;
                n.builder()
                    .id(s.num)
                    .title(s.title)
                    .body(s.body)
                    .schedule(Schedule::At {
                        date,
                        repeating: false,
                        allow_while_idle: true,
                    })
                    .show()
                    .map_err(|e| format!("cannot schedule reminder {}: {e}", s.id))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeDelta, TimeZone};

    use crate::model::QuietHours;

    use crate::reminders::test_support::reminder;

    #[test]
    fn a_prompt_means_the_app_may_still_ask() {
        use tauri::plugin::PermissionState;
        assert_eq!(
            permission_from(PermissionState::Granted),
            NotificationPermission::Granted
        );
        assert_eq!(
            permission_from(PermissionState::Denied),
            NotificationPermission::Denied
        );
        for s in [
            PermissionState::Prompt,
            PermissionState::PromptWithRationale,
        ] {
            assert_eq!(permission_from(s), NotificationPermission::NotAsked);
        }
    }

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0).unwrap()
    }

    #[test]
    fn numeric_ids_are_stable_and_positive() {
        // Pinned values: changing the hash would re-schedule every pending
        // notification of every installed app once.
        assert_eq!(numeric_id(""), fold(0x811c_9dc5));
        assert_eq!(numeric_id("a"), fold(0xe40c_292c));
        assert_eq!(
            numeric_id("day:2026-03-02:6"),
            numeric_id("day:2026-03-02:6")
        );
        assert_ne!(
            numeric_id("day:2026-03-02:6"),
            numeric_id("day:2026-03-02:7")
        );
        for i in 0..10_000 {
            let n = numeric_id(&format!("day:2026-03-02:{i}"));
            assert!(n >= 1);
        }
        assert_eq!(fold(0), 1);
        assert_eq!(fold(0x8000_0000), 1);
        assert_eq!(fold(u32::MAX), i32::MAX);
    }

    #[test]
    fn window_takes_the_60_soonest_future_undelivered() {
        let rs: Vec<Reminder> = (-5..100)
            .map(|i| reminder(&format!("r{i}"), t0() + TimeDelta::days(i)))
            .collect();
        let delivered: HashSet<String> = ["r1".to_string()].into();
        let w = window(&rs, &delivered, &Settings::default(), Tz::UTC, t0());
        assert_eq!(w.len(), MAX_PENDING);
        assert_eq!(w[0].id, "r2");
        assert_eq!(w[59].id, "r61");
        assert!(w.windows(2).all(|p| p[0].at <= p[1].at));
        let nums: HashSet<i32> = w.iter().map(|s| s.num).collect();
        assert_eq!(nums.len(), w.len());
        let off = Settings {
            reminders_enabled: false,
            ..Settings::default()
        };
        assert!(window(&rs, &delivered, &off, Tz::UTC, t0()).is_empty());
    }

    #[test]
    fn window_uses_whole_seconds_and_moves_out_of_quiet_hours() {
        let at = t0() + TimeDelta::hours(1) + TimeDelta::milliseconds(700);
        let dawn = Utc.with_ymd_and_hms(2026, 3, 3, 6, 30, 0).unwrap();
        let rs = [reminder("a", at), reminder("b", dawn)];
        let s = Settings {
            quiet_hours: Some(QuietHours {
                start: aftercare::parse_time("22:00").unwrap(),
                end: aftercare::parse_time("07:00").unwrap(),
            }),
            ..Settings::default()
        };
        let w = window(&rs, &HashSet::new(), &s, Tz::UTC, t0());
        assert_eq!(w[0].at, t0() + TimeDelta::hours(1));
        assert_eq!(w[1].at, Utc.with_ymd_and_hms(2026, 3, 3, 7, 0, 0).unwrap());
    }

    #[test]
    fn colliding_ids_are_probed() {
        let max = i32::MAX;
        assert_eq!(
            assign([5, 5, 6, max, max, 1].into_iter()),
            [5, 6, 7, max, 1, 2]
        );
    }

    #[test]
    fn reconcile_cancels_stale_and_adds_missing() {
        let rs = [
            reminder("keep", t0() + TimeDelta::hours(1)),
            reminder("moved", t0() + TimeDelta::hours(2)),
            reminder("new", t0() + TimeDelta::hours(3)),
        ];
        let desired = window(&rs, &HashSet::new(), &Settings::default(), Tz::UTC, t0());
        let pend = |id: &str, at: DateTime<Utc>| PendingInfo {
            num: numeric_id(id),
            at_secs: Some(at.timestamp()),
            title: Some(format!("title {id}")),
            body: None,
        };
        let pending = [
            pend("keep", t0() + TimeDelta::hours(1)),
            pend("moved", t0() + TimeDelta::hours(5)),
            pend("gone", t0() + TimeDelta::hours(4)),
        ];
        let diff = reconcile(&pending, &desired);
        assert_eq!(diff.cancel, [numeric_id("moved"), numeric_id("gone")]);
        let added: Vec<&str> = diff.add.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(added, ["moved", "new"]);
        // Once applied, nothing more to do.
        let applied: Vec<PendingInfo> = desired
            .iter()
            .map(|s| PendingInfo {
                num: s.num,
                at_secs: Some(s.at.timestamp()),
                title: Some(s.title.clone()),
                body: Some(s.body.clone()),
            })
            .collect();
        assert_eq!(reconcile(&applied, &desired), Diff::default());
        // Everything cancelled when reminders are off.
        assert_eq!(reconcile(&applied, &[]).cancel.len(), 3);
    }

    #[test]
    fn settle_splits_at_a_day() {
        let rs = [
            reminder("old", t0() - TimeDelta::days(3)),
            reminder("recent", t0() - TimeDelta::hours(2)),
            reminder("future", t0() + TimeDelta::hours(2)),
            reminder("done", t0() - TimeDelta::hours(1)),
        ];
        let delivered: HashSet<String> = ["done".to_string()].into();
        let (shown, missed) = settle(&rs, &delivered, &Settings::default(), t0());
        assert_eq!(shown, [("recent".to_string(), rs[1].at)]);
        assert_eq!(missed, [("old".to_string(), rs[0].at)]);
        let off = Settings {
            reminders_enabled: false,
            ..Settings::default()
        };
        assert_eq!(settle(&rs, &delivered, &off, t0()), (vec![], vec![]));
    }
}
