//! `SMP_AFTERCARE_FIRST_SCREEN`: how long the app takes to its first screen,
//! for the benchmark against a bare Tauri app (`bench/app-vs-bare`).
//!
//! The page calls `first_screen_drawn` once, two animation frames after its
//! first screen is complete (Today drawn from the backend's answer, or the
//! first-run screen), that is after the frame holding it was painted. With
//! the variable set the app prints `first-screen-ms <n>` on stdout, `n`
//! measured from the top of `run` (the Instant taken there), then:
//!
//! - `SMP_AFTERCARE_FIRST_SCREEN=1`: exits (status 0);
//! - `SMP_AFTERCARE_FIRST_SCREEN=keep`: keeps running (the benchmark then
//!   measures CPU time and memory of the same start).
//!
//! Without the variable the command only lets the work that waits for the
//! first screen go on ([`wait_drawn`]: the tray icon).

use std::io::Write;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The environment variable that turns the report on.
pub const ENV_VAR: &str = "SMP_AFTERCARE_FIRST_SCREEN";

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: OnceLock<()> = OnceLock::new();
/// Set once the page says its first screen is drawn; work that can wait
/// until then (the tray icon: `setup`) waits on it.
static DRAWN: Mutex<bool> = Mutex::new(false);
static DRAWN_CHANGED: Condvar = Condvar::new();

/// Waits until the page's first screen is drawn, or `limit` at most (a
/// window started hidden may not draw). Returns whether it was drawn.
pub fn wait_drawn(limit: Duration) -> bool {
    let drawn = DRAWN.lock().unwrap_or_else(|e| e.into_inner());
    let (drawn, _) = DRAWN_CHANGED
        .wait_timeout_while(drawn, limit, |drawn| !*drawn)
        .unwrap_or_else(|e| e.into_inner());
    *drawn
}

fn mark_drawn() {
    *DRAWN.lock().unwrap_or_else(|e| e.into_inner()) = true;
    DRAWN_CHANGED.notify_all();
}

/// What the variable asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    /// Print the time, then exit.
    Exit,
    /// Print the time and keep running.
    Keep,
}

/// Reads `value` (the variable's): `None` when unset or empty.
pub fn report_from(value: Option<&str>) -> Option<Report> {
    match value {
        None | Some("") => None,
        Some("keep") => Some(Report::Keep),
        Some(_) => Some(Report::Exit),
    }
}

/// Takes the start instant: the first thing `run` does.
pub fn mark_start() {
    let _ = STARTED.set(Instant::now());
}

/// The page's first screen is drawn: lets the work that waited for it go
/// on ([`wait_drawn`]), and prints and exits (or keeps running) when
/// `SMP_AFTERCARE_FIRST_SCREEN` asks for it; only the first call counts.
#[tauri::command]
#[specta::specta]
pub fn first_screen_drawn() {
    mark_drawn();
    let Some(report) = report_from(std::env::var(ENV_VAR).ok().as_deref()) else {
        return;
    };
    if REPORTED.set(()).is_err() {
        return;
    }
    let ms = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "first-screen-ms {ms:.1}");
    let _ = out.flush();
    if report == Report::Exit {
        // At once, as a kill would: every write is already committed, and
        // WebKit's processes end with their parent. (A generic AppHandle
        // here would keep tauri-specta from listing the command.)
        std::process::exit(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_for_the_first_screen_ends_when_it_is_drawn_or_at_the_limit() {
        // Not drawn yet: the wait ends at its limit, saying so.
        assert!(!wait_drawn(Duration::from_millis(20)));
        let waiter = std::thread::spawn(|| wait_drawn(Duration::from_secs(30)));
        std::thread::sleep(Duration::from_millis(20));
        first_screen_drawn();
        assert!(waiter.join().unwrap(), "the page's call ends the wait");
        assert!(wait_drawn(Duration::ZERO), "and later waits end at once");
    }

    #[test]
    fn the_variable_reads_as_exit_keep_or_nothing() {
        assert_eq!(report_from(None), None);
        assert_eq!(report_from(Some("")), None);
        assert_eq!(report_from(Some("1")), Some(Report::Exit));
        assert_eq!(report_from(Some("keep")), Some(Report::Keep));
    }
}
