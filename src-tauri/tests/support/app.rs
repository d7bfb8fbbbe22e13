//! Starting the real app binary under a [`VirtualDisplay`] on the test's
//! private bus, and watching it from outside: its log, its processes, its
//! windows; a store with a reminder due. Shared by `app_startup.rs`,
//! `app_single_instance.rs` and `app_reminder.rs`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use smp_aftercare_lib::model::{Settings, ZoneMode};
use smp_aftercare_lib::startup::{LOG_FILE, NO_DIALOG_ENV};
use smp_aftercare_lib::store::Store;

use super::VirtualDisplay;

/// The line the set-up logs once the scheduler runs (`setup.rs`).
pub const SCHEDULER_STARTED: &str = "the reminder scheduler started on ";

/// An app process, killed on drop.
pub struct App(pub Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Sets what every start of the app in these tests has: the display, its
/// own XDG_DATA_HOME `home` (where the log goes), no error dialog, no
/// accessibility bus (there is none on the private bus: GTK would warn on
/// stderr), no input.
pub fn app_env<'a>(cmd: &'a mut Command, home: &Path, display: &VirtualDisplay) -> &'a mut Command {
    cmd.env("DISPLAY", display.name())
        .env("XDG_DATA_HOME", home)
        .env(NO_DIALOG_ENV, "1")
        .env("NO_AT_BRIDGE", "1")
        .stdin(Stdio::null())
}

/// The binary on `data_dir` with `args` after it, set up by [`app_env`],
/// its output discarded.
pub fn app(home: &Path, data_dir: &Path, display: &VirtualDisplay, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"));
    cmd.arg("--data-dir").arg(data_dir).args(args);
    app_env(&mut cmd, home, display)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The app's log file when its XDG_DATA_HOME is `home`.
pub fn log_path(home: &Path) -> PathBuf {
    home.join("app.smpaftercare.desktop/logs").join(LOG_FILE)
}

/// The app's log so far ("" before it writes one).
pub fn log_of(home: &Path) -> String {
    std::fs::read_to_string(log_path(home)).unwrap_or_default()
}

/// How many lines of `log` contain `text`.
pub fn lines_with(log: &str, text: &str) -> usize {
    log.lines().filter(|l| l.contains(text)).count()
}

/// Polls `ready` every `every` until it holds or `limit` passes.
pub fn wait_until(limit: Duration, every: Duration, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if ready() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(every);
    }
}

/// Process ids whose command line has `arg` as one of its arguments.
pub fn processes_with(arg: &Path) -> Vec<u32> {
    let arg = arg.as_os_str().as_encoded_bytes();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|cmdline| cmdline.split(|b| *b == 0).any(|a| a == arg))
        })
        .collect()
}

/// The id of a window titled exactly `title` on the display, if one shows.
pub fn window_id(display: &VirtualDisplay, title: &str) -> Option<String> {
    let tree = Command::new("xwininfo")
        .args(["-root", "-tree", "-display", display.name()])
        .output()
        .expect("xwininfo runs (package x11-utils)");
    let quoted = format!("\"{title}\"");
    String::from_utf8_lossy(&tree.stdout)
        .lines()
        .find(|line| line.contains(&quoted))
        .and_then(|line| line.split_whitespace().next().map(str::to_string))
}

/// `Map State` of the first window titled `title` (`IsViewable`,
/// `IsUnMapped`), if there is one.
pub fn map_state(display: &VirtualDisplay, title: &str) -> Option<String> {
    let out = Command::new("xwininfo")
        .args(["-display", display.name(), "-name", title])
        .output()
        .expect("xwininfo runs (package x11-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("Map State: ").map(str::to_string))
}

/// Writes a store in `data` whose day-6 reminder falls due at `at`: one
/// session five days before `at`'s date, and `at`'s time of day as the
/// reminder time, in UTC. Returns the session's date.
pub fn seed_day6_reminder(data: &Path, at: DateTime<Utc>) -> NaiveDate {
    let session = at.date_naive() - chrono::Days::new(5);
    let mut store = Store::open(data).unwrap().store;
    store.insert_session(session).unwrap();
    store
        .save_settings(&Settings {
            reminder_time: at.time(),
            zone: ZoneMode::Fixed {
                zone: chrono_tz::UTC,
            },
            ..Settings::default()
        })
        .unwrap();
    session
}
