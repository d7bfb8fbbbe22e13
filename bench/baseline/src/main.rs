//! A bare Tauri 2 app: one window, one static page. The yardstick of
//! `bench/app-vs-bare`. Like the app, with `SMP_AFTERCARE_FIRST_SCREEN` set
//! it prints `first-screen-ms <n>` (from the top of `main`) once the page
//! says its first screen is drawn, then exits (`1`) or keeps running
//! (`keep`).

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: OnceLock<()> = OnceLock::new();

/// The page's first screen is drawn (two animation frames after load).
#[tauri::command]
fn first_screen_drawn() {
    let value = std::env::var("SMP_AFTERCARE_FIRST_SCREEN").unwrap_or_default();
    if value.is_empty() || REPORTED.set(()).is_err() {
        return;
    }
    let ms = STARTED
        .get()
        .map_or(0.0, |t| t.elapsed().as_secs_f64() * 1000.0);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "first-screen-ms {ms:.1}");
    let _ = out.flush();
    if value != "keep" {
        std::process::exit(0);
    }
}

fn main() {
    let _ = STARTED.set(Instant::now());
    let result = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_screen_drawn])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("bench-baseline: {e}");
        std::process::exit(1);
    }
}
