//! The loop: load the plan, decide, deliver, sleep until the next wake or
//! until woken by an edit.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use aftercare::{Lang, Plan};
use chrono::{DateTime, TimeDelta, Utc};
use tokio::sync::Notify;

use super::Clock;
use super::decide::{Decision, GRACE, MAX_SLEEP, PassInput, decide};
use super::deliver::{DeliveryReport, Ledger, deliver, lock};
use super::notifier::Notifier;
use crate::messages::tr_plain;
use crate::model::Settings;

/// Where the loop gets the plan on each pass: the app builds it from the
/// store (`Ok(None)` while there is no plan yet; `Err` is logged and tried
/// again at the next wake).
pub type PlanSource = dyn Fn() -> Result<Option<(Plan, Settings)>, String> + Send + Sync;

/// The shortest sleep between passes: the wall clock and the timer's clock
/// may disagree by a little, and waking a hair early must not spin.
const MIN_SLEEP: TimeDelta = TimeDelta::milliseconds(200);

/// How long a pass may take before the loop reports the notifier stuck.
const PASS_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The failure recorded when a pass is stuck (see [`PASS_TIMEOUT`]); the
/// app words it in the client's language with [`failure_text`].
const STUCK: &str = "the notification server does not answer";

/// The last notifier failure as the client reads it, in `lang`: the
/// scheduler's own "stuck" in the app's words, anything else (the system's
/// own error) as the system gave it.
///
/// ```
/// use aftercare::Lang;
/// use smp_aftercare_lib::reminders::failure_text;
///
/// assert_eq!(
///     failure_text(Lang::Es, "the notification server does not answer"),
///     "el servidor de notificaciones no responde"
/// );
/// assert_eq!(failure_text(Lang::Es, "org.freedesktop.DBus.Error"), "org.freedesktop.DBus.Error");
/// ```
pub fn failure_text(lang: Lang, failure: &str) -> String {
    if failure == STUCK {
        tr_plain(lang, "notifier-stuck")
    } else {
        failure.to_string()
    }
}

/// What one pass did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassReport {
    /// The pass's instant.
    pub now: DateTime<Utc>,
    /// The decision, when there was a plan and the log could be read.
    pub decision: Option<Decision>,
    /// What the delivery did.
    pub delivery: DeliveryReport,
    /// When to look again (at most [`MAX_SLEEP`] after `now`).
    pub next_wake: DateTime<Utc>,
    /// Why the pass could not decide (loading the plan or reading the log
    /// failed); retried at `next_wake`.
    pub error: Option<String>,
}

impl PassReport {
    /// A pass that did nothing and looks again in [`MAX_SLEEP`].
    pub fn idle(now: DateTime<Utc>) -> PassReport {
        PassReport {
            now,
            decision: None,
            delivery: DeliveryReport::default(),
            next_wake: now + MAX_SLEEP,
            error: None,
        }
    }
}

/// One pass, synchronous: load, decide, deliver. Blocks on the store and
/// the notifier; never panics on bad data.
pub fn run_pass<L: Ledger>(
    ledger: &Mutex<L>,
    notifier: &dyn Notifier,
    now: DateTime<Utc>,
    source: &PlanSource,
) -> PassReport {
    let mut report = PassReport::idle(now);
    let (plan, settings) = match source() {
        Ok(Some(loaded)) => loaded,
        Ok(None) => return report,
        Err(e) => {
            log::error!("cannot load the plan for reminders: {e}");
            report.error = Some(e);
            return report;
        }
    };
    if !settings.reminders_enabled {
        report.decision = Some(Decision::idle(now));
        return report;
    }
    let delivered = match lock(ledger).delivered_ids() {
        Ok(d) => d,
        Err(e) => {
            log::error!("cannot read the delivery log: {e}");
            report.error = Some(format!("cannot read the delivery log: {e}"));
            return report;
        }
    };
    let mut reminders = plan.reminders(settings.reminder_time);
    if settings.care_reminders {
        reminders.extend(care_nudges(&*lock(ledger), &plan, &settings, now));
    }
    let decision = decide(&PassInput {
        now,
        zone: plan.zone(),
        reminders: &reminders,
        settings: &settings,
        delivered: &delivered,
    });
    report.delivery = deliver(ledger, notifier, &decision, now, plan.lang());
    report.next_wake = decision.next_wake;
    report.decision = Some(decision);
    report
}

/// Today's care nudges (`aftercare::Plan::care_nudges`, from today's
/// ticks) that are still worth showing: one that falls in quiet hours is
/// skipped rather than held (a nudge at the end of the night says nothing
/// useful), and one already more than [`GRACE`] late is dropped unshown
/// (the app was not running, or the setting was just turned on): a nudge
/// is about the moment, never a "reminder you missed". The delivery log
/// keeps each id, so a nudge is shown at most once.
fn care_nudges<L: Ledger>(
    ledger: &L,
    plan: &Plan,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Vec<aftercare::Reminder> {
    let today = plan.today(now);
    let ticked = match ledger.care_counts(today) {
        Ok(t) => t,
        Err(e) => {
            log::warn!("cannot read today's care ticks, so no care nudges: {e}");
            return Vec::new();
        }
    };
    plan.care_nudges(today, &ticked)
        .into_iter()
        .filter(|r| now - r.at <= GRACE)
        .filter(|r| {
            !settings
                .quiet_hours
                .is_some_and(|q| q.holds(plan.zone(), r.at))
        })
        .collect()
}

struct Shared {
    wake: Notify,
    stop: AtomicBool,
    passes: AtomicU64,
    last_failure: Arc<Mutex<Option<String>>>,
    last_pass: Mutex<Option<PassReport>>,
}

/// The running scheduler. Keep it in the app's state; commands call
/// [`recompute`](Self::recompute) after every change that can move a
/// reminder (a session, the protocol, the settings).
pub struct SchedulerHandle {
    shared: Arc<Shared>,
    task: Mutex<Option<tauri::async_runtime::JoinHandle<()>>>,
}

impl SchedulerHandle {
    /// Wakes the loop now (it recomputes the plan and delivers what is
    /// due). Never blocks; a wake during a pass runs one more pass.
    pub fn recompute(&self) {
        self.shared.wake.notify_one();
    }

    /// The last notifier error, cleared by the next notification shown: the
    /// app shows "notifications are not reaching your desktop" while set.
    pub fn last_failure(&self) -> Option<String> {
        lock(&self.shared.last_failure).clone()
    }

    /// The cell behind [`last_failure`](Self::last_failure), to share.
    pub fn failure_cell(&self) -> Arc<Mutex<Option<String>>> {
        Arc::clone(&self.shared.last_failure)
    }

    /// How many passes have completed.
    pub fn passes(&self) -> u64 {
        self.shared.passes.load(Ordering::SeqCst)
    }

    /// The last pass's report.
    pub fn last_pass(&self) -> Option<PassReport> {
        lock(&self.shared.last_pass).clone()
    }

    /// Asks the loop to stop and waits for it (it finishes the pass under
    /// way). The store and notifier it held are then released.
    pub async fn shutdown(&self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.wake.notify_one();
        let task = lock(&self.task).take();
        if let Some(task) = task
            && let Err(e) = task.await
        {
            log::error!("reminder scheduler ended abnormally: {e}");
        }
    }
}

impl Drop for SchedulerHandle {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.shared.wake.notify_one();
    }
}

/// One pass of a loop: given the instant, do the work and say when to
/// wake. Runs on a blocking thread.
pub(crate) type Pass = dyn Fn(DateTime<Utc>) -> PassReport + Send + Sync;

/// Starts the loop on tauri's async runtime (tokio): each pass runs on a
/// blocking thread (SQLite and D-Bus block), then the loop sleeps until
/// the pass's `next_wake` (at most a minute) or until
/// [`SchedulerHandle::recompute`]. The first pass runs at once. Errors and
/// even a panic inside a pass are logged and retried at the next wake; the
/// loop itself does not end until [`SchedulerHandle::shutdown`] or the
/// handle is dropped.
///
/// `source` is called on every pass and builds the plan from the store
/// (the caller's closure: it must take the store's lock itself and let go
/// of it before returning).
pub fn spawn<L, N, C, F>(ledger: Arc<Mutex<L>>, notifier: N, clock: C, source: F) -> SchedulerHandle
where
    L: Ledger + Send + 'static,
    N: Notifier + 'static,
    C: Clock + 'static,
    F: Fn() -> Result<Option<(Plan, Settings)>, String> + Send + Sync + 'static,
{
    let pass = move |now| run_pass(&ledger, &notifier, now, &source);
    spawn_loop(Arc::new(pass), Arc::new(clock))
}

/// Starts a loop around `pass` (the desktop's deliveries or the mobile
/// sync).
pub(crate) fn spawn_loop(pass: Arc<Pass>, clock: Arc<dyn Clock>) -> SchedulerHandle {
    let shared = Arc::new(Shared {
        wake: Notify::new(),
        stop: AtomicBool::new(false),
        passes: AtomicU64::new(0),
        last_failure: Arc::new(Mutex::new(None)),
        last_pass: Mutex::new(None),
    });
    let task = tauri::async_runtime::spawn(run_loop(Arc::clone(&shared), pass, clock));
    SchedulerHandle {
        shared,
        task: Mutex::new(Some(task)),
    }
}

async fn run_loop(shared: Arc<Shared>, pass: Arc<Pass>, clock: Arc<dyn Clock>) {
    while !shared.stop.load(Ordering::SeqCst) {
        let now = clock.now();
        let mut running = {
            let pass = Arc::clone(&pass);
            tauri::async_runtime::spawn_blocking(move || pass(now))
        };
        // A pass only blocks on SQLite and one D-Bus round trip per
        // notification; one that takes longer than this is stuck on a
        // notification server that does not answer. Say so (the client
        // sees it in the app) and keep waiting for it rather than start a
        // second pass beside it.
        let report = loop {
            match tokio::time::timeout(PASS_TIMEOUT, &mut running).await {
                Ok(report) => break report,
                Err(_) => {
                    log::error!(
                        "a reminder pass has not finished in {}s; the notification server may be stuck",
                        PASS_TIMEOUT.as_secs()
                    );
                    *lock(&shared.last_failure) = Some(STUCK.to_string());
                    if shared.stop.load(Ordering::SeqCst) {
                        return;
                    }
                }
            }
        };
        let next_wake = match report {
            Ok(report) => {
                let d = &report.delivery;
                if d.notifier_error.is_some() {
                    *lock(&shared.last_failure) = d.notifier_error.clone();
                } else if d.notifier_reached {
                    *lock(&shared.last_failure) = None;
                }
                let next = report.next_wake;
                *lock(&shared.last_pass) = Some(report);
                next
            }
            Err(e) => {
                log::error!("reminder pass failed: {e}; retrying in a minute");
                now + MAX_SLEEP
            }
        };
        shared.passes.fetch_add(1, Ordering::SeqCst);
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let wait = (next_wake - clock.now()).clamp(MIN_SLEEP, MAX_SLEEP);
        let wait = wait.to_std().unwrap_or(std::time::Duration::from_secs(60));
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = shared.wake.notified() => {}
        }
    }
}
