//! The app's log, for the client to send to the clinic: where it is, and
//! opening it with the system's text viewer. The path is the app's own
//! (`crate::startup`); the page cannot name another file to open.

use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// The log file's full path, or `None` when it could not be written.
#[tauri::command]
#[specta::specta]
pub fn log_location(state: State<'_, AppState>) -> Option<String> {
    state.log_path.as_ref().map(|p| p.display().to_string())
}

/// Opens the log file with the system's handler for text files.
#[tauri::command]
#[specta::specta]
pub fn log_open(state: State<'_, AppState>) -> Result<(), AppError> {
    let path = state.log_path.as_ref().ok_or_else(|| AppError::NotFound {
        message: "the app could not write its log on this device".to_string(),
    })?;
    (state.open_path)(path).map_err(|e| AppError::Io {
        message: format!("could not open {}: {e}", path.display()),
    })
}
