//! The desktop app's binary: everything is in the library (`src/lib.rs`).

// Prevents an extra console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    smp_aftercare_lib::run();
}
