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
//! Without the variable the command does nothing.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

/// The environment variable that turns the report on.
pub const ENV_VAR: &str = "SMP_AFTERCARE_FIRST_SCREEN";

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: OnceLock<()> = OnceLock::new();

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

/// The page's first screen is drawn: prints and exits (or keeps running)
/// when `SMP_AFTERCARE_FIRST_SCREEN` asks for it; only the first call counts.
#[tauri::command]
#[specta::specta]
pub fn first_screen_drawn() {
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
    fn the_variable_reads_as_exit_keep_or_nothing() {
        assert_eq!(report_from(None), None);
        assert_eq!(report_from(Some("")), None);
        assert_eq!(report_from(Some("1")), Some(Report::Exit));
        assert_eq!(report_from(Some("keep")), Some(Report::Keep));
    }
}
