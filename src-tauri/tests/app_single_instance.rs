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
//! Runs the binary under a virtual display (Xvfb) on a private session bus
//! (the single-instance lock is a D-Bus name on it), with fresh data
//! folders and its own XDG_DATA_HOME (where the log goes).
//!
//! Opt-in (`#[ignore]`: needs Xvfb, `xwininfo` and `dbus-run-session`);
//! `scripts/test.sh` runs it by name:
//! `cargo test -p smp-aftercare --test app_single_instance -- --ignored`.

#![cfg(all(
    unix,
    not(target_os = "macos"),
    not(any(target_os = "android", target_os = "ios"))
))]

mod support;

use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
use smp_aftercare_lib::startup::{LOG_FILE, NO_DIALOG_ENV};
use support::{TempDir, VirtualDisplay, on_private_bus};

/// The line the set-up logs once the scheduler runs.
const SCHEDULER_STARTED: &str = "the reminder scheduler started on ";

/// An app process, killed on drop.
struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The binary on `data_dir` with `args` after it, on `display`, logging
/// under `home`.
fn app(home: &Path, data_dir: &Path, display: &VirtualDisplay, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"));
    cmd.arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env("DISPLAY", display.name())
        .env("XDG_DATA_HOME", home)
        .env(NO_DIALOG_ENV, "1")
        // No accessibility bus on the private bus: GTK would warn on stderr.
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

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
fn wait_until(limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if ready() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn log_of(home: &Path) -> String {
    std::fs::read_to_string(home.join("app.smpaftercare.desktop/logs").join(LOG_FILE))
        .unwrap_or_default()
}

/// How many lines of `log` contain `text`.
fn lines_with(log: &str, text: &str) -> usize {
    log.lines().filter(|l| l.contains(text)).count()
}

/// Process ids whose command line has `arg` as one of its arguments.
fn processes_with(arg: &Path) -> Vec<u32> {
    let arg = arg.as_os_str().as_encoded_bytes();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmdline| cmdline.split(|b| *b == 0).any(|a| a == arg))
        })
        .collect()
}

/// `Map State` of the first window titled `title` (`IsViewable`,
/// `IsUnMapped`), if there is one.
fn map_state(display: &VirtualDisplay, title: &str) -> Option<String> {
    let out = Command::new("xwininfo")
        .args(["-display", display.name(), "-name", title])
        .output()
        .expect("xwininfo runs (package x11-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("Map State: ").map(str::to_string))
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
