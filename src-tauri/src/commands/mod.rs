//! IPC commands, grouped by area. Each one validates its input, asks the
//! store or the engine, and returns; none of them decides anything about
//! days (that is the engine's job).

pub mod calendar;
pub mod protocols;
pub mod reminders;
pub mod sessions;
pub mod settings;
pub mod today;

use std::sync::MutexGuard;

use crate::error::AppError;
use crate::state::AppState;
use crate::store::Store;

/// Locks the store, turning a poisoned lock into an error the UI can show.
pub(crate) fn store(state: &AppState) -> Result<MutexGuard<'_, Store>, AppError> {
    Ok(state.store.lock()?)
}
