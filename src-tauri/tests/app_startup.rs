//! Start-up failures with the real app binary: a data folder that is a
//! file, a folder that cannot be created, a database path that is a folder
//! and a full disk each end the app with its documented exit status, one
//! line on stderr and the line in the log, never a panic; the native error
//! dialog shows (a window listing on the virtual display) and, once the
//! client presses OK, the app exits with that status. A plan on a disk that
//! is read-only opens read-only rather than not at all.
//!
//! The full and the read-only disks are small tmpfs mounts made in a mount
//! namespace of the app's own (`unshare`), so nothing stays mounted after a
//! test, whatever happens to it.
//!
//! Opt-in (`#[ignore]`: needs Xvfb, `xwininfo`, `xdotool`, `unshare` with
//! mount rights and `dbus-run-session`);
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
use std::time::Duration;

use smp_aftercare_lib::startup::NO_DIALOG_ENV;
use smp_aftercare_lib::store::{DB_FILE, Store};
use support::app::{app, app_env, log_of, log_path, window_id};
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
    let mut app = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"));
    app.arg("--data-dir").arg(data_dir);
    run_command(app, home, display)
}

/// The app, started by `sh -c script` in a mount namespace of its own
/// (`script` mounts, then `exec "$@"` runs the app with `--data-dir
/// data_dir`); as root no user namespace is needed, otherwise one maps the
/// user to root in it.
fn in_mount_namespace(script: &str, data_dir: &Path) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let mut cmd = Command::new("unshare");
    if !root {
        cmd.arg("--map-root-user");
    }
    cmd.args([
        "--mount",
        "--propagation",
        "private",
        "sh",
        "-c",
        script,
        "sh",
    ])
    .arg(env!("CARGO_BIN_EXE_smp-aftercare"))
    .arg("--data-dir")
    .arg(data_dir);
    cmd
}

/// Runs `app` as [`run`] does.
fn run_command(mut app: Command, home: &Path, display: &VirtualDisplay) -> Outcome {
    let out = app_env(&mut app, home, display)
        .output()
        .expect("the app binary starts");
    Outcome {
        status: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        log: log_of(home),
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
#[ignore = "needs Xvfb, unshare and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn a_full_disk_on_the_first_start_ends_with_a_line_and_the_log() {
    if !on_private_bus("a_full_disk_on_the_first_start_ends_with_a_line_and_the_log") {
        return;
    }
    let tmp = TempDir::new("startup-full");
    let display = VirtualDisplay::start();
    let disk = tmp.path().join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    // A 64 KiB disk, filled to the last byte before the app starts.
    let script = format!(
        "mount -t tmpfs -o size=64k tmpfs '{disk}' && \
         {{ dd if=/dev/zero of='{disk}/fill' bs=4k 2>/dev/null || true; }} && exec \"$@\"",
        disk = disk.display()
    );
    let data = disk.join("data");
    let o = run_command(
        in_mount_namespace(&script, &data),
        &tmp.path().join("home"),
        &display,
    );
    assert_reported(
        &o,
        4,
        &format!(
            "SMP Aftercare cannot open your plan in {} (could not open the database {}: \
             database or disk is full). Check that the disk is not full and that you can \
             write to this folder, then start SMP Aftercare again. Your plan has not been changed.",
            data.display(),
            data.join(DB_FILE).display()
        ),
    );
}

#[test]
#[ignore = "needs Xvfb, xwininfo, unshare and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn a_plan_on_a_read_only_disk_opens_read_only() {
    if !on_private_bus("a_plan_on_a_read_only_disk_opens_read_only") {
        return;
    }
    let tmp = TempDir::new("startup-read-only");
    let display = VirtualDisplay::start();
    // A plan made by the app's own store, closed cleanly (one file).
    let seed = tmp.path().join("seed");
    {
        let mut store = Store::open(&seed).unwrap().store;
        store
            .insert_session(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
            .unwrap();
    }
    let disk = tmp.path().join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let script = format!(
        "mount -t tmpfs tmpfs '{disk}' && cp '{seed}' '{disk}/' && \
         mount -o remount,ro '{disk}' && exec \"$@\"",
        disk = disk.display(),
        seed = seed.join(DB_FILE).display()
    );
    let home = tmp.path().join("home");
    let mut app = app_env(&mut in_mount_namespace(&script, &disk), &home, &display)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("unshare starts");
    let log_path = log_path(&home);
    let opened = format!(
        "WARN smp_aftercare_lib::store: store: {} opened read-only: the disk is read-only\n",
        disk.join(DB_FILE).display()
    );
    let shown = wait_until(Duration::from_secs(30), || {
        std::fs::read_to_string(&log_path).is_ok_and(|log| log.contains(&opened))
            && window_titled(&display, "SMP Aftercare")
    });
    let still_running = app.try_wait().unwrap().is_none();
    let _ = app.kill();
    let out = app.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        shown,
        "no window, or no read-only line in the log: {}\nstderr: {stderr}",
        std::fs::read_to_string(&log_path).unwrap_or_default()
    );
    assert!(still_running, "the app stopped: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Polls `ready` every 200 ms until it holds or `limit` passes.
fn wait_until(limit: Duration, ready: impl FnMut() -> bool) -> bool {
    support::app::wait_until(limit, Duration::from_millis(200), ready)
}

fn window_titled(display: &VirtualDisplay, title: &str) -> bool {
    window_id(display, title).is_some()
}

#[test]
#[ignore = "needs Xvfb, xwininfo, xdotool and dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn a_start_up_failure_shows_the_error_dialog() {
    if !on_private_bus("a_start_up_failure_shows_the_error_dialog") {
        return;
    }
    let tmp = TempDir::new("startup-dialog");
    let display = VirtualDisplay::start();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    let mut app = app(&tmp.path().join("home"), &file, &display, &[])
        .env_remove(NO_DIALOG_ENV)
        .spawn()
        .expect("the app binary starts");
    let title = "SMP Aftercare could not start";
    let shown = wait_until(Duration::from_secs(20), || window_titled(&display, title));
    // The dialog waits for the client: still running until they answer.
    let waited = app.try_wait().unwrap().is_none();
    // The client presses OK (Return, in the dialog, which has the focus).
    let pressed = window_id(&display, title).is_some_and(|id| {
        Command::new("xdotool")
            .args(["windowfocus", "--sync", &id, "key", "Return"])
            .env("DISPLAY", display.name())
            .status()
            .expect("xdotool runs (package xdotool)")
            .success()
    });
    let exited = wait_until(Duration::from_secs(10), || {
        app.try_wait().unwrap().is_some()
    });
    let status = if exited {
        app.wait().unwrap().code()
    } else {
        let _ = app.kill();
        let _ = app.wait();
        None
    };
    assert!(shown, "no window titled \"{title}\"");
    assert!(waited, "the app exited before the dialog was answered");
    assert!(pressed, "xdotool could not press OK");
    assert_eq!(status, Some(3), "the app's exit status after OK");
}
