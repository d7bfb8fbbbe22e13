//! The reminder lists: what is coming and what was missed.

use tauri::State;

use super::store;
use crate::current::Current;
use crate::error::AppError;
use crate::model::NotificationPermission;
use crate::reminders::{MissedReminder, UpcomingReminder, missed, upcoming};
use crate::state::AppState;
use crate::store::Store;

/// The most reminders one call lists.
const MAX_LISTED: u32 = 500;

/// The next `limit` reminders not yet delivered, soonest first.
#[tauri::command]
#[specta::specta]
pub fn reminders_upcoming(
    state: State<'_, AppState>,
    limit: u32,
) -> Result<Vec<UpcomingReminder>, AppError> {
    let store = store(&state)?;
    let c = Current::load(&store, &*state.clock)?;
    if c.plan.is_none() {
        return Ok(Vec::new());
    }
    Ok(upcoming(
        &c.reminders(),
        &store.delivered_ids()?,
        c.now,
        limit.min(MAX_LISTED) as usize,
    ))
}

/// Every reminder of the plan that was not shown on time (missed while the
/// app was closed, folded into a summary, or refused by the desktop).
#[tauri::command]
#[specta::specta]
pub fn reminders_missed(state: State<'_, AppState>) -> Result<Vec<MissedReminder>, AppError> {
    let store = store(&state)?;
    let c = Current::load(&store, &*state.clock)?;
    missed_of(&c, &store)
}

/// The reminders of `c`'s plan that were not shown on time (none before a
/// first session).
pub(crate) fn missed_of(c: &Current, store: &Store) -> Result<Vec<MissedReminder>, AppError> {
    if c.plan.is_none() {
        return Ok(Vec::new());
    }
    Ok(missed(&c.reminders(), &store.delivery_log()?))
}

/// Asks the OS for permission to notify, if it has not been asked (the
/// banner's "Allow notifications" button); returns where it stands. A
/// refusal can only be undone in the system settings, so it is not asked
/// again.
#[tauri::command(async)]
#[specta::specta]
pub fn notifications_allow(state: State<'_, AppState>) -> NotificationPermission {
    match state.permission.state() {
        NotificationPermission::NotAsked => {
            let answer = state.permission.request();
            (state.on_change)();
            answer
        }
        known => known,
    }
}
