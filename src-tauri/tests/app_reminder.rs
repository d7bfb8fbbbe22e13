//! End to end with the real app binary: a client whose day-6 milestone is
//! today, with the reminder time set a minute ahead, gets the notification
//! on the desktop at that minute; restarting the app never repeats it.
//!
//! Runs the binary under a virtual display (Xvfb) on a private session bus
//! with the notification recorder (see `support`), with a fresh
//! `--data-dir`. Takes up to about 80 seconds: it waits for a real minute.
//!
//! Opt-in (`#[ignore]`), so that a plain `cargo test` needs no display,
//! no D-Bus and no real waiting; `scripts/test.sh` runs it by name:
//! `cargo test -p smp-aftercare --test app_reminder -- --ignored`.

#![cfg(all(
    unix,
    not(target_os = "macos"),
    not(any(target_os = "android", target_os = "ios"))
))]

mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::{DurationRound, TimeDelta, Utc};
use smp_aftercare_lib::model::DeliveryHow;
use smp_aftercare_lib::store::Store;
use support::app::seed_day6_reminder;
use support::{Recorder, TempDir, VirtualDisplay, on_private_bus};

/// The app, killed on drop.
struct RunningApp(Child);

impl RunningApp {
    fn start(data_dir: &Path, display: &VirtualDisplay) -> RunningApp {
        let child = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"))
            .arg("--data-dir")
            .arg(data_dir)
            .env("DISPLAY", display.name())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the app binary starts");
        RunningApp(child)
    }
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
#[ignore = "needs Xvfb, dbus-run-session and python3-dbus, and waits a real minute; run with --ignored (scripts/test.sh does)"]
fn the_app_delivers_todays_reminder_on_time_and_never_twice() {
    if !on_private_bus("the_app_delivers_todays_reminder_on_time_and_never_twice") {
        return;
    }
    let tmp = TempDir::new("app");
    let data = tmp.path().join("data");
    let mut recorder = Recorder::start(tmp.path());
    let display = VirtualDisplay::start();

    // The next whole minute at least 20 seconds away, as the reminder time;
    // the session five days before that date, so its day 6 is that date.
    let at = (Utc::now() + TimeDelta::seconds(80))
        .duration_trunc(TimeDelta::minutes(1))
        .unwrap();
    let session = seed_day6_reminder(&data, at);
    let id = format!("day:{session}:6");

    let app = RunningApp::start(&data, &display);
    let got = recorder.wait_for_matching(
        |n| n["summary"] == "Day 6: rinse and shave again",
        Duration::from_secs(150),
    );
    let arrived = Utc::now();
    println!("arrived {arrived} for {at}: {got}");
    assert!(arrived >= at, "delivered early: {arrived} before {at}");
    assert!(
        arrived - at < TimeDelta::seconds(30),
        "delivered late: {arrived} for {at}"
    );
    assert_eq!(got["app_name"], "SMP Aftercare");
    assert!(
        got["body"]
            .as_str()
            .unwrap()
            .starts_with("Rinse your scalp again "),
        "{got}"
    );
    drop(app);

    let log = Store::open(&data).unwrap().store.delivery_log().unwrap();
    let entry = log
        .iter()
        .find(|e| e.id == id)
        .expect("the delivery is logged");
    assert_eq!(entry.how, DeliveryHow::Notification);

    // A restart shows nothing again.
    let before = recorder.count();
    let again = RunningApp::start(&data, &display);
    std::thread::sleep(Duration::from_secs(8));
    drop(again);
    assert_eq!(
        recorder.count(),
        before,
        "a restart repeated a delivered reminder"
    );
}
