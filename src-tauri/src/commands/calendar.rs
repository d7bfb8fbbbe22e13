//! Calendar export: the plan as an .ics file the user saves where they like.

use tauri::State;

use super::current;
use crate::error::AppError;
use crate::problem::{NeededFor, Problem};
use crate::state::AppState;

/// The plan as iCalendar text (RFC 5545); empty plan → an error the UI shows.
#[tauri::command]
#[specta::specta]
pub fn calendar_ics(state: State<'_, AppState>) -> Result<String, AppError> {
    let c = current(&state)?;
    let plan = c.plan.as_ref().ok_or_else(|| {
        AppError::invalid(
            "sessions",
            Problem::NoSessionYet {
                needed_for: NeededFor::Calendar,
            },
        )
    })?;
    Ok(plan.ics(c.settings.reminder_time, c.now))
}

/// Asks where to save the calendar, then writes it there. Returns the path
/// written, or `None` when the user cancelled. The dialog runs on the Rust
/// side, so the web page needs no file-system or dialog permission.
#[tauri::command]
#[specta::specta]
pub async fn calendar_export(state: State<'_, AppState>) -> Result<Option<String>, AppError> {
    let ics = calendar_ics(state.clone())?;
    let Some(path) = (state.pick_save_path)("smp-aftercare.ics") else {
        return Ok(None);
    };
    std::fs::write(&path, ics).map_err(|e| AppError::Io {
        message: format!("could not write {}: {e}", path.display()),
    })?;
    Ok(Some(path.display().to_string()))
}
