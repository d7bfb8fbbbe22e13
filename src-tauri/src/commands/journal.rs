//! The healing journal: today's check-in (symptom levels, a note, photos),
//! every check-in in order, and a file to hand the clinic.
//!
//! "Today" is the app's ([`Current::today`]), never a date the page sends
//! unchecked: a check-in may be saved for today or yesterday (a diary, not a
//! form to rewrite), and any check-in may be deleted with its photos.

use aftercare::{RedFlagCard, Symptoms};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;
use tauri::ipc::Channel;

use crate::error::AppError;
use crate::photos::PhotoProgress;
use crate::state::AppState;

/// A stored photo, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PhotoRef {
    /// SHA-256 of the stored file (what a check-in saves).
    pub hash: String,
    /// Full-size width in pixels.
    pub width: u32,
    /// Full-size height in pixels.
    pub height: u32,
    /// The thumbnail's URL (the app's `photo:` scheme).
    pub thumb_url: String,
    /// The screen-size copy's URL.
    pub screen_url: String,
}

/// One day's check-in, as the journal shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CheckIn {
    /// The client's date it is for.
    pub date: NaiveDate,
    /// Day of the session cycle (1 = the session's day); `None` before the
    /// first session.
    pub day: Option<u32>,
    /// The session that day belongs to.
    pub session: Option<u32>,
    /// "Day 6 after session 2" (the engine's words).
    pub day_label: String,
    /// Symptom levels.
    pub symptoms: Symptoms,
    /// The client's note.
    pub note: String,
    /// Photos, in the order added.
    pub photos: Vec<PhotoRef>,
    /// Whether it can still be changed (its day and the next).
    pub editable: bool,
    /// Whether it has been saved (`false` for an empty form of today).
    pub saved: bool,
    /// The red-flag cards it matches.
    pub red_flags: Vec<RedFlagCard>,
}

/// Every check-in, oldest first, and the days the client may still write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Journal {
    /// Today in the plan's zone.
    pub today: NaiveDate,
    /// Saved check-ins, oldest first.
    pub entries: Vec<CheckIn>,
}

/// The check-in of `date` (`YYYY-MM-DD`; `None` for today), or an empty,
/// unsaved one when there is none yet.
#[tauri::command]
#[specta::specta]
pub fn check_in_get(state: State<'_, AppState>, date: Option<String>) -> Result<CheckIn, AppError> {
    let _ = (state, date);
    Err(not_built())
}

/// Saves the check-in of `date` (today or yesterday only) whole: levels,
/// note (at most `MAX_NOTE_CHARS`) and the photos by hash (each imported
/// first with [`photo_add`]).
#[tauri::command]
#[specta::specta]
pub fn check_in_save(
    state: State<'_, AppState>,
    date: String,
    symptoms: Symptoms,
    note: String,
    photos: Vec<String>,
) -> Result<CheckIn, AppError> {
    let _ = (state, date, symptoms, note, photos);
    Err(not_built())
}

/// Deletes the check-in of `date` and the photo files no other check-in
/// holds.
#[tauri::command]
#[specta::specta]
pub fn check_in_delete(state: State<'_, AppState>, date: String) -> Result<(), AppError> {
    let _ = (state, date);
    Err(not_built())
}

/// Every check-in, oldest first.
#[tauri::command]
#[specta::specta]
pub fn journal(state: State<'_, AppState>) -> Result<Journal, AppError> {
    let _ = state;
    Err(not_built())
}

/// Imports one photo (the file's bytes, base64), off the UI thread,
/// reporting progress on `on_progress`. The photo belongs to no check-in
/// until one is saved with its hash.
#[tauri::command]
#[specta::specta]
pub async fn photo_add(
    state: State<'_, AppState>,
    data: String,
    on_progress: Channel<PhotoProgress>,
) -> Result<PhotoRef, AppError> {
    let _ = (state, data, on_progress);
    Err(not_built())
}

/// Writes one self-contained HTML file (photos embedded, no scripts) with
/// the plan and the check-ins of `dates`, where the client chooses. Returns
/// the path written, or `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn journal_share(
    state: State<'_, AppState>,
    dates: Vec<String>,
) -> Result<Option<String>, AppError> {
    let _ = (state, dates);
    Err(not_built())
}

fn not_built() -> AppError {
    AppError::NotFound {
        message: "the journal is not built yet".into(),
    }
}
