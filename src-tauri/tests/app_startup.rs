//! Start-up failures with the real app binary: a data folder that is a
//! file, a folder that cannot be created and a database path that is a
//! folder each end the app with its documented exit status, one line on
//! stderr and the line in the log, never a panic; and the native error
//! dialog shows (a window listing on the virtual display).
//!
//! Opt-in (`#[ignore]`: needs Xvfb, `xwininfo` and `dbus-run-session`);
//! `scripts/test.sh` runs it by name:
//! `cargo test -p smp-aftercare --test app_startup -- --ignored`.

#![cfg(all(
    unix,
    not(target_os = "macos"),
    not(any(target_os = "android", target_os = "ios"))
))]

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use smp_aftercare_lib::startup::{LOG_FILE, NO_DIALOG_ENV};
use support::{TempDir, VirtualDisplay, on_private_bus};

/// What the app left: its exit status, its stderr and its log.
struct Outcome {
    status: Option<i32>,
    stderr: String,
    log: String,
}

/// Runs the app on `data_dir` without the dialog, with its own
/// XDG_DATA_HOME under `home` (where the log goes).
fn run(home: &Path, data_dir: &Path, display: &VirtualDisplay) -> Outcome {
    let out = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"))
        .arg("--data-dir")
        .arg(data_dir)
        .env("DISPLAY", display.name())
        .env("XDG_DATA_HOME", home)
        .env(NO_DIALOG_ENV, "1")
        // No accessibility bus on the private bus: GTK would warn on stderr.
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the app binary starts");
    let log = home.join("app.smpaftercare.desktop/logs").join(LOG_FILE);
    Outcome {
        status: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        log: std::fs::read_to_string(&log).unwrap_or_default(),
    }
}

fn assert_reported(o: &Outcome, status: i32, line: &str) {
    assert!(!o.stderr.contains("panicked"), "a panic: {}", o.stderr);
    assert_eq!(o.status, Some(status), "stderr: {}", o.stderr);
    assert_eq!(o.stderr, format!("smp-aftercare: {line}\n"));
    assert!(
        o.log.contains(&format!(
            "ERROR smp_aftercare_lib::startup: start-up failed (exit status {status}): {line}\n"
        )),
        "the log: {}",
        o.log
    );
}

#[test]
#[ignore = "needs Xvfb and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn start_up_failures_exit_with_their_status_a_line_and_the_log() {
    if !on_private_bus("start_up_failures_exit_with_their_status_a_line_and_the_log") {
        return;
    }
    let tmp = TempDir::new("startup");
    let display = VirtualDisplay::start();

    // A data folder that is a file.
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let o = run(&tmp.path().join("home1"), &file, &display);
    assert_reported(
        &o,
        3,
        &format!(
            "SMP Aftercare cannot use its data folder {} (entity already exists). \
             Check that this is a folder you can write to and that the disk is not full, \
             then start SMP Aftercare again.",
            file.display()
        ),
    );

    // A folder that cannot be created (its parent is a file).
    let under = file.join("data");
    let o = run(&tmp.path().join("home2"), &under, &display);
    assert_reported(
        &o,
        3,
        &format!(
            "SMP Aftercare cannot use its data folder {} (not a directory). \
             Check that this is a folder you can write to and that the disk is not full, \
             then start SMP Aftercare again.",
            under.display()
        ),
    );

    // The database's path is a folder.
    let data = tmp.path().join("data");
    std::fs::create_dir_all(data.join("smp-aftercare.sqlite3")).unwrap();
    let o = run(&tmp.path().join("home3"), &data, &display);
    assert_eq!(o.status, Some(4), "stderr: {}", o.stderr);
    assert!(!o.stderr.contains("panicked"), "a panic: {}", o.stderr);
    assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
    assert!(
        o.stderr.starts_with(&format!(
            "smp-aftercare: SMP Aftercare cannot open your plan in {} (",
            data.display()
        )),
        "{}",
        o.stderr
    );
    assert!(
        o.log.contains("start-up failed (exit status 4)"),
        "{}",
        o.log
    );
}

#[test]
#[ignore = "needs Xvfb, xwininfo and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn a_start_up_failure_shows_the_error_dialog() {
    if !on_private_bus("a_start_up_failure_shows_the_error_dialog") {
        return;
    }
    let tmp = TempDir::new("startup-dialog");
    let display = VirtualDisplay::start();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let mut app = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"))
        .arg("--data-dir")
        .arg(&file)
        .env("DISPLAY", display.name())
        .env("XDG_DATA_HOME", tmp.path().join("home"))
        .env_remove(NO_DIALOG_ENV)
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the app binary starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut shown = false;
    while Instant::now() < deadline && !shown {
        let tree = Command::new("xwininfo")
            .args(["-root", "-tree", "-display", display.name()])
            .output()
            .expect("xwininfo runs (package x11-utils)");
        shown = String::from_utf8_lossy(&tree.stdout).contains("\"SMP Aftercare could not start\"");
        if !shown {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    // The dialog waits for the client: still running, then stopped here.
    let still_running = app.try_wait().unwrap().is_none();
    let _ = app.kill();
    let _ = app.wait();
    assert!(shown, "no window titled \"SMP Aftercare could not start\"");
    assert!(
        still_running,
        "the app exited before the dialog was answered"
    );
}
