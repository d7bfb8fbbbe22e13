//! One app per data folder, with the real app binary: started again while
//! it runs (as a file manager does with a `.smpplan` file, or a browser
//! with a `smp-aftercare://plan?…` link), the second process hands its
//! plan to the running app and exits 0 at once; the running app shows its
//! window and takes the plan as it takes one given at start-up (its log
//! says so), and a second login start leaves it in the tray; no second
//! scheduler starts (the log's one start line per
//! start that reached the set-up). A start on another data folder is an
//! app of its own.
//!
//! Two starts at once on one store (a double click on the launcher) with a
//! reminder due: one process stays, the other exits 0, one scheduler
//! starts, and the reminder arrives once (counted by the notification
//! recorder on the private bus, against the store's delivery log).
//!
//! Runs the binary under a virtual display (Xvfb) on a private session bus
//! (the recorder owns the notification name there; the single-instance
//! lock is a lock file and socket named from the data folder), with fresh data
//! folders and its own XDG_DATA_HOME (where the log goes).
//!
//! Opt-in (`#[ignore]`: needs Xvfb, `xwininfo`, `dbus-run-session` and
//! python3-dbus for the recorder);
//! `scripts/test.sh` runs it by name:
//! `cargo test -p smp-aftercare --test app_single_instance -- --ignored`.

#![cfg(all(
    unix,
    not(target_os = "macos"),
    not(any(target_os = "android", target_os = "ios"))
))]

mod support;

use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

use std::collections::HashSet;

use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
use chrono::{DurationRound, TimeDelta, Utc};
use smp_aftercare_lib::model::DeliveryHow;
use smp_aftercare_lib::store::Store;
use support::app::{
    App, SCHEDULER_STARTED, app, lines_with, log_of, map_state, processes_with, seed_day6_reminder,
};
use support::{Recorder, TempDir, VirtualDisplay, on_private_bus};

/// Runs a second start to its end: its status and how long it took;
/// killed (and `None`) if it is still running after 30 s.
fn second_start(mut cmd: Command) -> (Option<ExitStatus>, Duration) {
    let started = Instant::now();
    let mut child = cmd.spawn().expect("the app binary starts");
    let ended = wait_until(Duration::from_secs(30), || {
        child.try_wait().unwrap().is_some()
    });
    let status = if ended {
        child.wait().ok()
    } else {
        let _ = child.kill();
        let _ = child.wait();
        None
    };
    (status, started.elapsed())
}

/// Polls `ready` every 100 ms until it holds or `limit` passes.
fn wait_until(limit: Duration, ready: impl FnMut() -> bool) -> bool {
    support::app::wait_until(limit, Duration::from_millis(100), ready)
}

fn plan() -> PlanFile {
    PlanFile {
        protocol: HandoverProtocol::builtin("four-day-dry").unwrap(),
        sessions: vec![parse_date("2026-03-02").unwrap()],
        planned: Some(2),
        zone: None,
        clinic: ClinicDetails {
            name: "Northside SMP Studio".into(),
            phone: "+44 20 7946 0000".into(),
            email: String::new(),
            address: String::new(),
        },
    }
}

#[test]
#[ignore = "needs Xvfb, xwininfo and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn a_second_start_hands_its_plan_to_the_running_app_and_exits() {
    if !on_private_bus("a_second_start_hands_its_plan_to_the_running_app_and_exits") {
        return;
    }
    let tmp = TempDir::new("single-instance");
    let display = VirtualDisplay::start();
    let home = tmp.path().join("home");
    let data = tmp.path().join("data");
    // In a folder of its own, named relative to it by the second start.
    let downloads = tmp.path().join("Downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    std::fs::write(downloads.join("My plan.smpplan"), plan().to_toml()).unwrap();
    let link = plan().to_link().unwrap();

    // The first start: in the tray, as at login, the window hidden.
    let first = App(app(&home, &data, &display, &["--minimized"])
        .spawn()
        .expect("the app binary starts"));
    let first_pid = first.0.id();
    assert!(
        wait_until(Duration::from_secs(60), || lines_with(
            &log_of(&home),
            SCHEDULER_STARTED
        ) == 1),
        "the first start did not reach its scheduler: {}",
        log_of(&home)
    );
    // Created shown, then hidden by the set-up after its scheduler line.
    assert!(
        wait_until(Duration::from_secs(10), || map_state(
            &display,
            "SMP Aftercare"
        )
        .as_deref()
            == Some("IsUnMapped")),
        "no hidden window titled SMP Aftercare: {:?}",
        map_state(&display, "SMP Aftercare")
    );

    // The login item again (a second session's login): nothing shows.
    let (status, took) = second_start(app(&home, &data, &display, &["--minimized"]));
    assert_eq!(status.and_then(|s| s.code()), Some(0), "after {took:?}");
    assert!(
        wait_until(Duration::from_secs(10), || lines_with(
            &log_of(&home),
            "a second start at login changed nothing"
        ) == 1),
        "{}",
        log_of(&home)
    );
    assert_eq!(
        map_state(&display, "SMP Aftercare").as_deref(),
        Some("IsUnMapped")
    );

    // Started again with the file, named relative to where it runs.
    let mut again = app(&home, &data, &display, &["My plan.smpplan"]);
    again.current_dir(&downloads);
    let (status, took) = second_start(again);
    assert_eq!(status.and_then(|s| s.code()), Some(0), "after {took:?}");
    assert!(
        took < Duration::from_secs(15),
        "the second start took {took:?}"
    );
    assert!(
        wait_until(Duration::from_secs(10), || lines_with(
            &log_of(&home),
            "a clinic's plan was opened with the app (file)"
        ) == 1),
        "the running app did not take the file: {}",
        log_of(&home)
    );
    assert!(
        wait_until(Duration::from_secs(10), || map_state(
            &display,
            "SMP Aftercare"
        )
        .as_deref()
            == Some("IsViewable")),
        "the window did not show: {:?}",
        map_state(&display, "SMP Aftercare")
    );

    // And with the link, as a browser passes it.
    let (status, took) = second_start(app(&home, &data, &display, &[&link]));
    assert_eq!(status.and_then(|s| s.code()), Some(0), "after {took:?}");
    assert!(
        wait_until(Duration::from_secs(10), || lines_with(
            &log_of(&home),
            "a clinic's plan was opened with the app (link)"
        ) == 1),
        "the running app did not take the link: {}",
        log_of(&home)
    );

    // One app, one scheduler: neither second start reached the set-up.
    let log = log_of(&home);
    assert_eq!(processes_with(&data), vec![first_pid], "{log}");
    assert_eq!(lines_with(&log, SCHEDULER_STARTED), 1, "{log}");
    assert_eq!(
        lines_with(&log, "a second start handed over a clinic's plan"),
        2,
        "{log}"
    );
    assert!(!log.contains("ERROR"), "{log}");

    // Another data folder is another app: it starts its own scheduler and
    // keeps running beside the first.
    let other = tmp.path().join("other");
    let mut beside = App(app(&home, &other, &display, &["--minimized"])
        .spawn()
        .expect("the app binary starts"));
    assert!(
        wait_until(Duration::from_secs(60), || lines_with(
            &log_of(&home),
            &format!("{SCHEDULER_STARTED}{}", other.display())
        ) == 1),
        "a start on another folder did not run: {}",
        log_of(&home)
    );
    assert!(beside.0.try_wait().unwrap().is_none(), "it exited");
    assert_eq!(processes_with(&data), vec![first_pid]);
    assert_eq!(processes_with(&other), vec![beside.0.id()]);
}

/// How many races [`two_starts_racing_on_one_store_run_one_app_and_show_a_due_reminder_once`] runs.
const RACES: usize = 3;

#[test]
#[ignore = "needs Xvfb, dbus-run-session and python3-dbus; run with --ignored (scripts/test.sh does)"]
fn two_starts_racing_on_one_store_run_one_app_and_show_a_due_reminder_once() {
    if !on_private_bus("two_starts_racing_on_one_store_run_one_app_and_show_a_due_reminder_once") {
        return;
    }
    let tmp = TempDir::new("single-instance-race");
    let display = VirtualDisplay::start();
    let recorder = Recorder::start(tmp.path());
    let mut totals = (0, 0); // (notifications, processes left running)
    for race in 1..=RACES {
        let home = tmp.path().join(format!("home-{race}"));
        let data = tmp.path().join(format!("data-{race}"));
        // Today's day-6 reminder (a session five days before it), due two
        // minutes ago: the first pass of a scheduler shows it at once, and
        // a second scheduler on the same store would show it again.
        let at = (Utc::now() - TimeDelta::minutes(2))
            .duration_trunc(TimeDelta::minutes(1))
            .unwrap();
        let session = seed_day6_reminder(&data, at);
        let before = recorder.count();

        // Both at once, as a double click on the launcher does.
        let mut first = App(app(&home, &data, &display, &[])
            .spawn()
            .expect("the app binary starts"));
        let mut second = App(app(&home, &data, &display, &[])
            .spawn()
            .expect("the app binary starts"));
        assert!(
            wait_until(Duration::from_secs(60), || recorder.count() > before),
            "race {race}: the due reminder was not shown: {}",
            log_of(&home)
        );
        assert!(
            wait_until(Duration::from_secs(30), || processes_with(&data).len() == 1),
            "race {race}: still {:?} apps on one store",
            processes_with(&data)
        );
        // Time for a second scheduler's first pass, if there were one.
        std::thread::sleep(Duration::from_secs(5));

        let ended: Vec<_> = [&mut first, &mut second]
            .into_iter()
            .filter_map(|a| a.0.try_wait().unwrap())
            .collect();
        let running = processes_with(&data);
        let got: Vec<_> = recorder.received().split_off(before);
        let log = log_of(&home);
        println!(
            "race {race}: {} app(s) running, {} ended {ended:?}, {} notification(s): {got:?}",
            running.len(),
            ended.len(),
            got.len()
        );
        assert_eq!(running.len(), 1, "race {race}: {log}");
        assert_eq!(ended.len(), 1, "race {race}: one start gives way: {log}");
        assert_eq!(ended[0].code(), Some(0), "race {race}: {log}");
        assert_eq!(lines_with(&log, SCHEDULER_STARTED), 1, "race {race}: {log}");
        drop((first, second));

        // Every notification is one the delivery log claimed (one per
        // `notification` entry, one per summary), none shown twice.
        let claimed = Store::open(&data).unwrap().store.delivery_log().unwrap();
        let summaries: HashSet<_> = claimed
            .iter()
            .filter(|e| e.how == DeliveryHow::Summary)
            .map(|e| e.delivered_at)
            .collect();
        let shows = claimed
            .iter()
            .filter(|e| e.how == DeliveryHow::Notification)
            .count()
            + summaries.len();
        assert!(
            claimed.iter().any(|e| e.id == format!("day:{session}:6")),
            "race {race}: the day-6 reminder is not in the log: {claimed:?}"
        );
        assert_eq!(got.len(), shows, "race {race}: {got:?} for {claimed:?}");
        let texts: HashSet<_> = got
            .iter()
            .map(|n| (n["summary"].to_string(), n["body"].to_string()))
            .collect();
        assert_eq!(
            texts.len(),
            got.len(),
            "race {race}: a notification twice: {got:?}"
        );
        totals.0 += got.len();
        totals.1 += running.len();
    }
    println!(
        "{RACES} races of two starts: {} app(s) kept running, {} notification(s) shown, 0 twice",
        totals.1, totals.0
    );
}
