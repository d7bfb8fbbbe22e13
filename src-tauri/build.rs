//! Declares the app's own commands to Tauri's access control, so that the
//! window's capability (capabilities/main-window.json) can grant exactly
//! these and nothing else. Keep in step with `src/bindings.rs`; a test in
//! `src/capability.rs` checks that the three lists agree.

const COMMANDS: &[&str] = &[
    "overview",
    "status_on",
    "timeline",
    "preparation",
    "sessions",
    "session_add",
    "session_edit",
    "session_delete",
    "planned_set",
    "protocols",
    "activities",
    "protocol_current",
    "protocol_select",
    "protocol_import",
    "settings",
    "settings_set",
    "reminders_upcoming",
    "reminders_missed",
    "notifications_allow",
    "calendar_ics",
    "calendar_export",
    "first_run",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("smp-aftercare build script: {e:#}");
        std::process::exit(1);
    }
}
