//! The reminder scheduler against a real store on a real SQLite file, with
//! an injected clock and a notifier that records what it is asked to show
//! (the D-Bus test in `notifications.rs` covers the real notifier).
//!
//! Most tests walk time forward the way the loop does: each pass's
//! `next_wake` is the next pass's `now`. Every step is checked to be more
//! than zero and at most 60 seconds, so all scenarios also prove the wake
//! bound and that nothing is polled in a busy loop.

mod support;

use std::collections::HashSet;
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aftercare::{Plan, Protocol};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use smp_aftercare_lib::model::{DeliveryHow, QuietHours, Settings};
use smp_aftercare_lib::reminders::{
    self, Clock, MAX_SLEEP, Notice, Notifier, NotifyError, PassReport, missed, run_pass, upcoming,
};
use smp_aftercare_lib::store::Store;
use support::TempDir;

// ---------------------------------------------------------------- helpers

fn open(dir: &Path) -> Arc<Mutex<Store>> {
    let opened = Store::open(dir).unwrap();
    assert!(opened.recovered.is_none());
    Arc::new(Mutex::new(opened.store))
}

/// Records every notice; optionally fails.
#[derive(Clone, Default)]
struct Recorder {
    shown: Arc<Mutex<Vec<Notice>>>,
    fail: Option<&'static str>,
}

impl Recorder {
    fn failing(cause: &'static str) -> Recorder {
        Recorder {
            fail: Some(cause),
            ..Recorder::default()
        }
    }

    fn shown(&self) -> Vec<Notice> {
        self.shown.lock().unwrap().clone()
    }
}

impl Notifier for Recorder {
    fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
        if let Some(cause) = self.fail {
            return Err(NotifyError(cause.to_string()));
        }
        self.shown.lock().unwrap().push(notice.clone());
        Ok(())
    }
}

fn date(s: &str) -> NaiveDate {
    aftercare::parse_date(s).unwrap()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn plan(sessions: &[&str], zone: Tz) -> Plan {
    let protocol = Protocol::builtin("four-to-thirty").unwrap();
    Plan::new(
        protocol,
        sessions.iter().map(|s| date(s)).collect(),
        None,
        zone,
    )
    .unwrap()
}

fn settings(at: &str) -> Settings {
    Settings {
        reminder_time: aftercare::parse_time(at).unwrap(),
        ..Settings::default()
    }
}

/// The app as the scheduler sees it: a store, a notifier and the current
/// plan and settings (which a test may edit between passes).
struct App {
    store: Arc<Mutex<Store>>,
    notifier: Recorder,
    plan: Plan,
    settings: Settings,
}

impl App {
    fn new(dir: &Path, plan: Plan, settings: Settings) -> App {
        App {
            store: open(dir),
            notifier: Recorder::default(),
            plan,
            settings,
        }
    }

    fn pass(&self, now: DateTime<Utc>) -> PassReport {
        let (plan, settings) = (self.plan.clone(), self.settings.clone());
        let source = move || Ok(Some((plan.clone(), settings.clone())));
        let report = run_pass(&self.store, &self.notifier, now, &source);
        assert!(report.error.is_none(), "{:?}", report.error);
        assert!(
            report.delivery.store_errors.is_empty(),
            "{:?}",
            report.delivery.store_errors
        );
        report
    }

    /// Passes from `from` on, each at the previous one's `next_wake`,
    /// until `until`; returns what each pass showed, with its instant.
    fn walk(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> Vec<(DateTime<Utc>, Notice)> {
        let mut shown = Vec::new();
        let mut now = from;
        while now <= until {
            let report = self.pass(now);
            let step = report.next_wake - now;
            assert!(step > TimeDelta::zero(), "no progress at {now}");
            assert!(step <= MAX_SLEEP, "slept {step} at {now}");
            shown.extend(report.delivery.shown.into_iter().map(|n| (now, n)));
            now = report.next_wake;
        }
        shown
    }

    fn log(&self) -> Vec<(String, DeliveryHow)> {
        let log = self.store.lock().unwrap().delivery_log().unwrap();
        log.into_iter().map(|e| (e.id, e.how)).collect()
    }

    fn how(&self, id: &str) -> Option<DeliveryHow> {
        self.log()
            .into_iter()
            .find(|(i, _)| i == id)
            .map(|(_, h)| h)
    }

    fn title(&self, id: &str) -> String {
        self.reminders()
            .into_iter()
            .find(|r| r.id == id)
            .unwrap()
            .title
            .to_string()
    }

    fn reminders(&self) -> Vec<aftercare::Reminder> {
        self.plan.reminders(self.settings.reminder_time)
    }

    fn delivered(&self) -> HashSet<String> {
        self.store.lock().unwrap().delivered_ids().unwrap()
    }
}

const LONDON: Tz = chrono_tz::Europe::London;

// ------------------------------------------------------------------ tests

/// Session 2026-03-02, reminders at 09:00 London (GMT in early March): day 5
/// is due 2026-03-06T09:00Z and is shown then, on its own, exactly once.
#[test]
fn due_on_time_is_shown_once_on_its_own() {
    let dir = TempDir::new("on-time");
    let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    // First start on 5 March: everything so far is more than a day old.
    let first = app.pass(utc("2026-03-05T12:00:00Z"));
    assert!(first.delivery.shown.is_empty());
    assert_eq!(app.how("day:2026-03-02:1"), Some(DeliveryHow::Missed));

    let shown = app.walk(utc("2026-03-06T08:55:00Z"), utc("2026-03-06T09:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-06T09:00:00Z"));
    assert_eq!(shown[0].1.title, app.title("day:2026-03-02:5"));
    assert_eq!(shown[0].1.title, "Day 5: sun again");
    assert_eq!(app.how("day:2026-03-02:5"), Some(DeliveryHow::Notification));
    assert_eq!(app.notifier.shown().len(), 1);
}

/// A restart (the store reopened from its file) right after a delivery, and
/// again later: the delivered reminder is never shown again.
#[test]
fn restart_after_delivery_shows_nothing_twice() {
    let dir = TempDir::new("restart");
    let due = utc("2026-03-06T09:00:00Z");
    {
        let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
        app.pass(utc("2026-03-05T12:00:00Z"));
        let r = app.pass(due);
        assert_eq!(r.delivery.notified, ["day:2026-03-02:5"]);
    } // the store is closed here
    for restart_at in [
        due,
        due + TimeDelta::seconds(30),
        due + TimeDelta::minutes(4),
    ] {
        let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
        let shown = app.walk(restart_at, due + TimeDelta::minutes(10));
        assert!(shown.is_empty(), "restart at {restart_at}: {shown:?}");
        let log = app.log();
        assert_eq!(
            log.iter()
                .filter(|(id, _)| id == "day:2026-03-02:5")
                .count(),
            1
        );
    }
}

/// The machine sleeps for three days: on waking, the reminder of the last
/// 24 hours comes as one notification, the older ones are only recorded as
/// missed, and `missed` lists all of them for the app.
#[test]
fn suspend_of_three_days() {
    let dir = TempDir::new("suspend");
    let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    app.pass(utc("2026-03-05T12:00:00Z"));
    let before = app.walk(utc("2026-03-06T08:59:00Z"), utc("2026-03-09T12:00:00Z"));
    let titles: Vec<&str> = before.iter().map(|(_, n)| n.title.as_str()).collect();
    assert_eq!(titles, ["Day 5: sun again", "Day 6: rinse and shave again"]);

    // Asleep from 9 March 12:00 to 12 March 12:00. Day 10 (11 March 09:00)
    // is 27 hours late, day 11 (12 March 09:00) 3 hours.
    let woke = app.pass(utc("2026-03-12T12:00:00Z"));
    assert_eq!(woke.delivery.shown.len(), 1, "{:?}", woke.delivery.shown);
    assert_eq!(woke.delivery.shown[0].title, "Day 11: woolly hats again");
    assert_eq!(woke.delivery.summarized, ["day:2026-03-02:11"]);
    assert_eq!(woke.delivery.missed, ["day:2026-03-02:10"]);
    assert_eq!(app.how("day:2026-03-02:10"), Some(DeliveryHow::Missed));
    assert_eq!(app.how("day:2026-03-02:11"), Some(DeliveryHow::Summary));

    let log = app.store.lock().unwrap().delivery_log().unwrap();
    let listed = missed(&app.reminders(), &log);
    let ids: Vec<(&str, DeliveryHow)> = listed
        .iter()
        .map(|m| (m.reminder.id.as_str(), m.how))
        .collect();
    assert_eq!(
        &ids[..2],
        [
            ("day:2026-03-02:11", DeliveryHow::Summary),
            ("day:2026-03-02:10", DeliveryHow::Missed)
        ]
    );
    // Those shown on time are not "missed".
    assert!(!ids.iter().any(|(id, _)| *id == "day:2026-03-02:6"));
    // Waking again shows nothing more.
    assert!(
        app.walk(utc("2026-03-12T12:00:30Z"), utc("2026-03-12T12:10:00Z"))
            .is_empty()
    );
}

/// Several missed reminders in the last day arrive as ONE notification. In
/// London the spring-forward day is 23 hours long, so 09:00 on 28 and 29
/// March are 23 hours apart: waking at 08:30Z on 29 March finds both late.
#[test]
fn missed_within_a_day_fold_into_one_summary() {
    let dir = TempDir::new("summary");
    // Session 24 March: day 5 is 28 March, day 6 is 29 March.
    let app = App::new(dir.path(), plan(&["2026-03-24"], LONDON), settings("09:00"));
    app.walk(utc("2026-03-25T08:59:00Z"), utc("2026-03-26T08:30:00Z"));
    let woke = app.pass(utc("2026-03-29T08:30:00Z"));
    assert_eq!(woke.delivery.shown.len(), 1);
    let notice = &woke.delivery.shown[0];
    assert_eq!(notice.title, "2 reminders you missed");
    assert_eq!(
        notice.body,
        "• Sat 28 Mar — Day 5: sun again\n• Sun 29 Mar — Day 6: rinse and shave again"
    );
    assert_eq!(
        woke.delivery.summarized,
        ["day:2026-03-24:5", "day:2026-03-24:6"]
    );
}

/// Europe/London springs forward on 29 March 2026: the reminder at 09:00
/// local that day is due at 08:00Z, and is shown then (not at 09:00Z).
#[test]
fn daylight_saving_change() {
    let dir = TempDir::new("dst");
    // Session 20 March: day 10 is 29 March.
    let app = App::new(dir.path(), plan(&["2026-03-20"], LONDON), settings("09:00"));
    let day10 = app
        .reminders()
        .into_iter()
        .find(|r| r.id == "day:2026-03-20:10")
        .unwrap();
    assert_eq!(day10.at, utc("2026-03-29T08:00:00Z"));
    app.pass(utc("2026-03-28T12:00:00Z"));
    let shown = app.walk(utc("2026-03-29T00:30:00Z"), utc("2026-03-29T09:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-29T08:00:00Z"));
    assert_eq!(shown[0].1.title, "Day 10: exercise hard again");
    // The day after, 09:00 BST is 08:00Z too.
    let shown = app.walk(utc("2026-03-30T07:58:00Z"), utc("2026-03-30T08:10:00Z"));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, utc("2026-03-30T08:00:00Z"));
}

/// The client flies to New York; the plan follows the device and is
/// rebuilt there: pending reminders move to 09:00 New York time, the one
/// already delivered in London is not repeated.
#[test]
fn time_zone_change() {
    let dir = TempDir::new("zone");
    let mut app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    app.pass(utc("2026-03-05T12:00:00Z"));
    let r = app.pass(utc("2026-03-06T09:00:00Z"));
    assert_eq!(r.delivery.notified, ["day:2026-03-02:5"]);

    app.plan = plan(&["2026-03-02"], chrono_tz::America::New_York);
    let next = upcoming(
        &app.reminders(),
        &app.delivered(),
        utc("2026-03-06T10:00:00Z"),
        1,
    );
    assert_eq!(next[0].reminder.id, "day:2026-03-02:6");
    assert_eq!(next[0].reminder.at, utc("2026-03-07T14:00:00Z"));
    // Day 5 in New York would be 14:00Z on 6 March: already delivered.
    let shown = app.walk(utc("2026-03-06T10:00:00Z"), utc("2026-03-07T14:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-07T14:00:00Z"));
    assert_eq!(shown[0].1.title, "Day 6: rinse and shave again");
    let log = app.log();
    assert_eq!(
        log.iter()
            .filter(|(id, _)| id == "day:2026-03-02:5")
            .count(),
        1
    );
}

/// Quiet hours 22:00-07:00 and reminders at 06:30: the reminder is held
/// and shown at 07:00, the loop waking at least every minute meanwhile.
#[test]
fn quiet_hours_hold_until_they_end() {
    let dir = TempDir::new("quiet");
    let mut s = settings("06:30");
    s.quiet_hours = Some(QuietHours {
        start: aftercare::parse_time("22:00").unwrap(),
        end: aftercare::parse_time("07:00").unwrap(),
    });
    let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), s);
    app.pass(utc("2026-03-05T12:00:00Z"));
    let held = app.pass(utc("2026-03-06T06:30:00Z"));
    assert!(held.delivery.shown.is_empty());
    assert_eq!(held.decision.unwrap().held.len(), 1);
    assert_eq!(app.how("day:2026-03-02:5"), None);
    let shown = app.walk(utc("2026-03-06T06:30:00Z"), utc("2026-03-06T07:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-06T07:00:00Z"));
    assert_eq!(shown[0].1.title, "Day 5: sun again");
    assert_eq!(app.how("day:2026-03-02:5"), Some(DeliveryHow::Summary));
}

/// Everything quiet hours held comes as one notification when they end:
/// the app starts at 06:45 (05:45Z) on 29 March, in quiet hours, with the
/// 06:30 reminders of 28 March (23h15 ago) and 29 March (15 min ago) due.
#[test]
fn quiet_hours_group_what_they_held() {
    let dir = TempDir::new("quiet-group");
    let mut s = settings("06:30");
    s.quiet_hours = Some(QuietHours {
        start: aftercare::parse_time("22:00").unwrap(),
        end: aftercare::parse_time("07:00").unwrap(),
    });
    // Session 24 March: day 5 (sun cream) on 28 March, day 6 (rinse and
    // shave) on 29 March (BST).
    let app = App::new(dir.path(), plan(&["2026-03-24"], LONDON), s);
    let shown = app.walk(utc("2026-03-29T05:45:00Z"), utc("2026-03-29T06:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-29T06:00:00Z"), "07:00 BST");
    assert_eq!(shown[0].1.title, "2 reminders you missed");
    assert_eq!(app.how("day:2026-03-24:5"), Some(DeliveryHow::Summary));
    assert_eq!(app.how("day:2026-03-24:6"), Some(DeliveryHow::Summary));
    // The session day's reminder before them was more than a day old.
    assert_eq!(app.how("day:2026-03-24:1"), Some(DeliveryHow::Missed));
}

/// The client moves their session from 2 to 9 March: the reminders hanging
/// on the old date are dropped (even one due at the same instant as a new
/// one), those delivered stay in the log, the new ones are delivered.
#[test]
fn moving_a_session() {
    let dir = TempDir::new("move");
    let mut app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    let shown = app.walk(utc("2026-03-02T08:59:00Z"), utc("2026-03-03T12:00:00Z"));
    let ids: Vec<&str> = shown.iter().map(|(_, n)| n.title.as_str()).collect();
    assert_eq!(ids, ["Tomorrow: session 1", "Session 1 today"]);

    app.plan = plan(&["2026-03-09"], LONDON);
    assert!(
        !app.reminders()
            .iter()
            .any(|r| r.id.starts_with("day:2026-03-02"))
    );
    // 6 March 09:00Z was day 5 of the old plan; now it is 3 days before the
    // new session.
    let shown = app.walk(utc("2026-03-03T12:00:00Z"), utc("2026-03-06T09:30:00Z"));
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, utc("2026-03-06T09:00:00Z"));
    assert_eq!(shown[0].1.title, "3 days to session 1: no sunbeds");
    assert_eq!(
        app.how("prep:2026-03-09:3"),
        Some(DeliveryHow::Notification)
    );
    assert_eq!(app.how("day:2026-03-02:5"), None);
    // The new plan's 7-days-before reminder (2 March) was already past.
    assert_eq!(app.how("prep:2026-03-09:7"), Some(DeliveryHow::Missed));
    // Delivered reminders of the old date stay in the log...
    assert_eq!(app.how("day:2026-03-02:1"), Some(DeliveryHow::Notification));
    // ...but are not listed for the new plan.
    let log = app.store.lock().unwrap().delivery_log().unwrap();
    assert!(
        missed(&app.reminders(), &log)
            .iter()
            .all(|m| m.reminder.id.contains("2026-03-09"))
    );
}

/// Reminders switched off: nothing shown, nothing recorded. Switched on
/// again two minutes after a reminder was due, it is still shown on time.
#[test]
fn reminders_disabled() {
    let dir = TempDir::new("disabled");
    let mut app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    app.settings.reminders_enabled = false;
    let shown = app.walk(utc("2026-03-05T12:00:00Z"), utc("2026-03-06T09:02:00Z"));
    assert!(shown.is_empty());
    assert!(app.log().is_empty(), "{:?}", app.log());

    app.settings.reminders_enabled = true;
    let r = app.pass(utc("2026-03-06T09:02:00Z"));
    assert_eq!(r.delivery.notified, ["day:2026-03-02:5"]);
    assert_eq!(app.how("day:2026-03-02:1"), Some(DeliveryHow::Missed));
}

/// No plan yet, or a plan that cannot be loaded: nothing happens, the loop
/// looks again within a minute.
#[test]
fn no_plan_or_a_failing_source() {
    let dir = TempDir::new("no-plan");
    let store = open(dir.path());
    let now = utc("2026-03-06T09:00:00Z");
    let none = || Ok(None);
    let r = run_pass(&store, &Recorder::default(), now, &none);
    assert_eq!(r.next_wake, now + MAX_SLEEP);
    let failing = || Err("the protocol file is damaged".to_string());
    let r = run_pass(&store, &Recorder::default(), now, &failing);
    assert_eq!(r.error.as_deref(), Some("the protocol file is damaged"));
    assert_eq!(r.next_wake, now + MAX_SLEEP);
}

/// A notifier that fails: the reminder is logged as failed with the cause,
/// listed by `missed`, and not retried.
#[test]
fn notifier_failure_is_recorded() {
    let dir = TempDir::new("failure");
    let mut app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    app.notifier = Recorder::failing("org.freedesktop.Notifications was not provided");
    app.pass(utc("2026-03-05T12:00:00Z"));
    let r = app.pass(utc("2026-03-06T09:00:00Z"));
    assert_eq!(
        r.delivery.notifier_error.as_deref(),
        Some("org.freedesktop.Notifications was not provided")
    );
    let log = app.store.lock().unwrap().delivery_log().unwrap();
    let entry = log.iter().find(|e| e.id == "day:2026-03-02:5").unwrap();
    assert_eq!(entry.how, DeliveryHow::Failed);
    assert_eq!(
        entry.error.as_deref(),
        Some("org.freedesktop.Notifications was not provided")
    );
    let listed = missed(&app.reminders(), &log);
    assert_eq!(listed[0].reminder.id, "day:2026-03-02:5");
    assert_eq!(listed[0].how, DeliveryHow::Failed);
    let again = app.pass(utc("2026-03-06T09:01:00Z"));
    assert!(again.delivery.failed.is_empty());
}

// ------------------------------------------------------------- the loop

#[derive(Clone)]
struct FakeClock(Arc<Mutex<DateTime<Utc>>>);

impl FakeClock {
    fn at(s: &str) -> FakeClock {
        FakeClock(Arc::new(Mutex::new(utc(s))))
    }
    fn set(&self, s: &str) {
        *self.0.lock().unwrap() = utc(s);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
    fn device_zone(&self) -> Tz {
        LONDON
    }
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The spawned loop delivers at once on start, sleeps, and `recompute`
/// wakes it; a panicking plan source does not end it; `shutdown` releases
/// the store so it can be reopened.
#[tokio::test(flavor = "multi_thread")]
async fn spawned_loop_delivers_and_recompute_wakes_it() {
    let dir = TempDir::new("loop");
    let store = open(dir.path());
    let clock = FakeClock::at("2026-03-06T09:00:00Z");
    let notifier = Recorder::default();
    let calls = Arc::new(AtomicU32::new(0));
    let source = {
        let calls = Arc::clone(&calls);
        move || {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            if n == 1 {
                panic!("a bug in the plan source");
            }
            Ok(Some((plan(&["2026-03-02"], LONDON), settings("09:00"))))
        }
    };
    let handle = reminders::spawn(Arc::clone(&store), notifier.clone(), clock.clone(), source);
    wait_for("the first pass", || handle.passes() >= 1);
    let titles = |n: &Recorder| n.shown().into_iter().map(|n| n.title).collect::<Vec<_>>();
    // Day 5 on time, the day before session 1 ... day 2 were missed: day 2
    // (3 March) is more than a day old.
    assert_eq!(titles(&notifier), ["Day 5: sun again"]);
    let pass = handle.last_pass().unwrap();
    assert!(pass.next_wake - pass.now <= MAX_SLEEP);

    // The second pass panics inside the source; the loop survives.
    handle.recompute();
    wait_for("the panicking pass", || handle.passes() >= 2);
    clock.set("2026-03-07T09:00:10Z");
    handle.recompute();
    wait_for("day 6", || notifier.shown().len() == 2);
    assert_eq!(titles(&notifier)[1], "Day 6: rinse and shave again");
    assert_eq!(handle.last_failure(), None);

    handle.shutdown().await;
    let passes = handle.passes();
    handle.recompute();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(handle.passes(), passes, "no pass after shutdown");
    drop(store);
    let reopened = open(dir.path());
    let delivered = reopened.lock().unwrap().delivered_ids().unwrap();
    assert!(delivered.contains("day:2026-03-02:6"));
}

/// A failing notifier shows up as the handle's last failure (and in the
/// shared cell the app's commands read), and is cleared by the next
/// notification that gets through.
#[tokio::test(flavor = "multi_thread")]
async fn spawned_loop_exposes_the_last_failure() {
    #[derive(Clone)]
    struct Flaky {
        failing: Arc<Mutex<bool>>,
        inner: Recorder,
    }
    impl Notifier for Flaky {
        fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
            if *self.failing.lock().unwrap() {
                return Err(NotifyError("no notification server".into()));
            }
            self.inner.show(notice)
        }
    }
    let dir = TempDir::new("loop-failure");
    let store = open(dir.path());
    let clock = FakeClock::at("2026-03-06T09:00:00Z");
    let flaky = Flaky {
        failing: Arc::new(Mutex::new(true)),
        inner: Recorder::default(),
    };
    let source = || Ok(Some((plan(&["2026-03-02"], LONDON), settings("09:00"))));
    let handle = reminders::spawn(store, flaky.clone(), clock.clone(), source);
    let cell = handle.failure_cell();
    wait_for("the failure", || handle.last_failure().is_some());
    assert_eq!(
        cell.lock().unwrap().as_deref(),
        Some("no notification server")
    );

    *flaky.failing.lock().unwrap() = false;
    clock.set("2026-03-07T09:00:00Z");
    handle.recompute();
    wait_for("day 6", || flaky.inner.shown().len() == 1);
    wait_for("the failure to clear", || handle.last_failure().is_none());
    handle.shutdown().await;
}

/// Compile-time check that the handle can live in tauri's managed state.
#[allow(dead_code)]
fn handle_is_shareable(h: reminders::SchedulerHandle) -> impl Send + Sync + 'static {
    h
}

/// A store with a damaged value in every place one can be (the settings
/// document, a session date, the planned count, the protocol choice) still
/// gets its reminders: the source the app uses (`Current::load`) plans
/// from what remains, and the pass shows the reminder due now, exactly as
/// the engine words it for that plan.
#[test]
fn a_damaged_store_still_sends_the_reminders_of_what_remains() {
    let dir = TempDir::new("scheduler-damaged");
    let store = open(dir.path());
    {
        let mut s = store.lock().unwrap();
        s.insert_session(date("2026-03-02")).unwrap();
        s.insert_session(date("2026-03-20")).unwrap();
        s.set_planned(Some(3)).unwrap();
    }
    let raw =
        rusqlite::Connection::open(dir.path().join(smp_aftercare_lib::store::DB_FILE)).unwrap();
    raw.execute_batch(
        "INSERT INTO settings (id, json) VALUES (1, '{') ON CONFLICT (id) DO UPDATE SET json = '{';
         UPDATE sessions SET date = '2026-02-30' WHERE date = '2026-03-20';
         UPDATE plan SET planned = 99, protocol = 'x';",
    )
    .unwrap();
    drop(raw);

    let clock = FakeClock::at("2026-03-07T09:00:30Z");
    let source = {
        let (store, clock) = (Arc::clone(&store), clock.clone());
        move || {
            let store = store.lock().map_err(|e| e.to_string())?;
            let current = smp_aftercare_lib::current::Current::load(&store, &clock)
                .map_err(|e| e.to_string())?;
            assert_eq!(current.values_reset.len(), 4, "{:?}", current.values_reset);
            Ok(current.plan.map(|p| (p, current.settings)))
        }
    };
    let notifier = Recorder::default();
    let report = run_pass(&store, &notifier, clock.now(), &source);
    assert!(report.error.is_none(), "{:?}", report.error);

    // What remains: one session, the default protocol and settings
    // (09:00, the device's zone).
    let expected = plan(&["2026-03-02"], LONDON)
        .reminders(aftercare::parse_time("09:00").unwrap())
        .into_iter()
        .find(|r| r.at == utc("2026-03-07T09:00:00Z"))
        .expect("a reminder is due at 09:00 on day 6");
    let shown = notifier.shown();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(*shown[0].title, *expected.title);
}

// ------------------------------------------------------------ care nudges

/// The nudges of day 6 (7 March, London = UTC then) shown by walking the
/// day from 08:55 to 20:00: (instant, title, body) of every notice about
/// moisturising.
fn care_shown(app: &App, from: &str) -> Vec<(DateTime<Utc>, String)> {
    app.walk(utc(from), utc("2026-03-07T20:00:00Z"))
        .into_iter()
        .filter(|(_, n)| n.title == "Moisturise your scalp")
        .map(|(at, n)| (at, n.body))
        .collect()
}

fn with_care(mut s: Settings) -> Settings {
    s.care_reminders = true;
    s
}

/// Off by default: the day's walk shows the daily reminder and no nudge.
#[test]
fn care_nudges_are_off_by_default() {
    let dir = TempDir::new("care-off");
    let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), settings("09:00"));
    app.pass(utc("2026-03-05T12:00:00Z"));
    assert_eq!(care_shown(&app, "2026-03-07T08:55:00Z"), []);
    assert!(!app.log().iter().any(|(id, _)| id.starts_with("care:")));
}

/// Turned on and never ticked: a nudge at 13:00 and at 19:00, each once,
/// also across a restart (the delivery log keeps their ids).
#[test]
fn care_nudges_come_at_their_times_once() {
    let dir = TempDir::new("care-on");
    let expected = vec![
        (
            utc("2026-03-07T13:00:00Z"),
            "Not ticked off yet today; your clinic asks for 2-3 times a day.".to_string(),
        ),
        (
            utc("2026-03-07T19:00:00Z"),
            "Not ticked off yet today; your clinic asks for 2-3 times a day.".to_string(),
        ),
    ];
    {
        let app = App::new(
            dir.path(),
            plan(&["2026-03-02"], LONDON),
            with_care(settings("09:00")),
        );
        app.pass(utc("2026-03-05T12:00:00Z"));
        assert_eq!(care_shown(&app, "2026-03-07T08:55:00Z"), expected);
        assert_eq!(
            app.how("care:2026-03-07:moisturise:19:00"),
            Some(DeliveryHow::Notification)
        );
    }
    let app = App::new(
        dir.path(),
        plan(&["2026-03-02"], LONDON),
        with_care(settings("09:00")),
    );
    assert_eq!(care_shown(&app, "2026-03-07T12:59:00Z"), []);
}

/// Ticks count: one tick before 13:00 gives a nudge that says so; a second
/// tick reaches the clinic's least (2) and the 19:00 nudge never comes.
#[test]
fn care_nudges_follow_the_ticks() {
    let dir = TempDir::new("care-ticks");
    let app = App::new(
        dir.path(),
        plan(&["2026-03-02"], LONDON),
        with_care(settings("09:00")),
    );
    app.pass(utc("2026-03-05T12:00:00Z"));
    let day6 = date("2026-03-07");
    let tick = |at: &str| {
        app.store
            .lock()
            .unwrap()
            .tick_care(day6, "moisturise", utc(at), 3)
            .unwrap()
    };
    assert_eq!(tick("2026-03-07T08:00:00Z"), 1);
    // The morning's news (the day-6 reminder) is already out.
    app.pass(utc("2026-03-07T09:00:00Z"));
    let midday = app
        .walk(utc("2026-03-07T12:55:00Z"), utc("2026-03-07T13:05:00Z"))
        .into_iter()
        .map(|(at, n)| (at, n.body))
        .collect::<Vec<_>>();
    assert_eq!(
        midday,
        [(
            utc("2026-03-07T13:00:00Z"),
            "Ticked off 1 so far today; your clinic asks for 2-3 times a day.".to_string()
        )]
    );
    assert_eq!(tick("2026-03-07T15:00:00Z"), 2);
    assert_eq!(care_shown(&app, "2026-03-07T15:00:00Z"), []);
    assert_eq!(app.how("care:2026-03-07:moisturise:19:00"), None);
}

/// Quiet hours over 13:00 skip that nudge (not held, not logged); the one
/// at 19:00 comes. Turning the setting on at 15:00 does not bring the
/// 13:00 one late either.
#[test]
fn care_nudges_respect_quiet_hours_and_are_never_late() {
    let dir = TempDir::new("care-quiet");
    let mut quiet = with_care(settings("09:00"));
    quiet.quiet_hours = Some(QuietHours {
        start: aftercare::parse_time("12:00").unwrap(),
        end: aftercare::parse_time("14:00").unwrap(),
    });
    let app = App::new(dir.path(), plan(&["2026-03-02"], LONDON), quiet);
    app.pass(utc("2026-03-05T12:00:00Z"));
    let shown = care_shown(&app, "2026-03-07T08:55:00Z");
    let times: Vec<DateTime<Utc>> = shown.iter().map(|(at, _)| *at).collect();
    assert_eq!(times, [utc("2026-03-07T19:00:00Z")]);
    assert_eq!(app.how("care:2026-03-07:moisturise:13:00"), None);

    let dir = TempDir::new("care-late");
    let app = App::new(
        dir.path(),
        plan(&["2026-03-02"], LONDON),
        with_care(settings("09:00")),
    );
    app.pass(utc("2026-03-05T12:00:00Z"));
    let shown = care_shown(&app, "2026-03-07T15:00:00Z");
    let times: Vec<DateTime<Utc>> = shown.iter().map(|(at, _)| *at).collect();
    assert_eq!(times, [utc("2026-03-07T19:00:00Z")]);
    assert_eq!(app.how("care:2026-03-07:moisturise:13:00"), None);
}

// ------------------------------------------------- found by the simulation

/// Found by `simulation.rs` (seed in docs/reliability.md): quiet hours
/// 22:00-07:00 hold the 06:30 reminder; at 06:45 the client books another
/// session. The edit used to settle every reminder of the new plan already
/// due as `before_plan` ("due before you entered it"), the held one too, so
/// it was neither shown at 07:00 nor listed as missed. Only what the edit
/// itself made past is settled now; the held one comes at 07:00.
#[test]
fn an_edit_in_quiet_hours_keeps_the_reminder_they_hold() {
    use smp_aftercare_lib::current::Current;
    use support::mock_app::{FixedClock, Harness, Setup};

    let dir = TempDir::new("edit-in-quiet");
    let quiet = serde_json::json!({
        "reminders_enabled": true,
        "reminder_time": "06:30",
        "quiet_hours": { "start": "22:00", "end": "07:00" },
        "zone": { "mode": "device" },
        "launch_at_login": false,
        "clinic": { "name": "", "phone": "", "email": "", "address": "" },
        "care_reminders": false,
        "language": "device",
    });
    let at = |now: &str| {
        let opened = Store::open(dir.path()).unwrap();
        Harness::start(
            opened.store,
            None,
            dir.path().to_path_buf(),
            now,
            Setup::desktop(),
        )
    };
    let pass = |now: &str| {
        let store = open(dir.path());
        let shared = Arc::clone(&store);
        let instant = utc(now);
        let source = move || -> Result<Option<(Plan, Settings)>, String> {
            let clock = FixedClock(instant, LONDON);
            let c = Current::load(&shared.lock().unwrap(), &clock).map_err(|e| e.to_string())?;
            Ok(c.plan.map(|p| (p, c.settings)))
        };
        let notifier = Recorder::default();
        let report = run_pass(&store, &notifier, utc(now), &source);
        assert!(report.error.is_none(), "{:?}", report.error);
        let log = store.lock().unwrap().delivery_log().unwrap();
        let clock = FixedClock(utc(now), LONDON);
        let listed: Vec<String> = Current::load(&store.lock().unwrap(), &clock)
            .map(|c| missed(&c.reminders(), &log))
            .unwrap()
            .into_iter()
            .map(|m| m.reminder.id)
            .collect();
        (report, listed)
    };

    let h = at("2026-03-05T12:00:00Z");
    h.ok("settings_set", serde_json::json!({ "settings": quiet }));
    h.ok("session_add", serde_json::json!({ "date": "2026-03-02" }));
    drop(h);
    let (held, _) = pass("2026-03-06T06:30:00Z");
    let held = held.decision.unwrap().held;
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].id, "day:2026-03-02:5");

    let h = at("2026-03-06T06:45:00Z");
    h.ok("session_add", serde_json::json!({ "date": "2026-03-20" }));
    drop(h);
    let (end, listed) = pass("2026-03-06T07:00:00Z");
    assert_eq!(end.delivery.summarized, ["day:2026-03-02:5"]);
    assert_eq!(end.delivery.shown.len(), 1);
    assert_eq!(end.delivery.shown[0].title, "Day 5: sun again");
    assert!(
        listed.contains(&"day:2026-03-02:5".to_string()),
        "{listed:?}"
    );
}
