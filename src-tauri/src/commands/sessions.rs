//! Booked sessions and the planned number of sessions.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{change_plan, store};
use crate::current_plan::{self, check_candidate};
use crate::error::AppError;
use crate::model::SessionRow;
use crate::state::AppState;

/// The sessions screen's data.
#[derive(Debug, Clone, Serialize, Type)]
pub struct SessionsView {
    /// Booked sessions in date order.
    pub sessions: Vec<SessionRow>,
    /// The planned count the client chose; `None` follows the protocol.
    pub planned: Option<u32>,
    /// The planned count in force (the choice, or the protocol's usual count,
    /// or the number booked if that is more).
    pub planned_effective: u32,
    /// The protocol's usual count, fewest and most.
    pub usual: u32,
    /// Fewest sessions the protocol expects.
    pub min: u32,
    /// Most sessions the protocol expects.
    pub max: u32,
}

fn parse(date: &str) -> Result<NaiveDate, AppError> {
    aftercare::parse_date(date.trim()).map_err(|e| AppError::from_engine(e, "date"))
}

/// Refuses an id no booked session has.
fn require_session(sessions: &[SessionRow], id: i64) -> Result<(), AppError> {
    if sessions.iter().any(|s| s.id == id) {
        Ok(())
    } else {
        Err(AppError::NotFound {
            message: format!("no session with id {id}"),
        })
    }
}

/// Refuses a date that another session already has, in the UI's words.
fn refuse_taken(
    sessions: &[SessionRow],
    date: NaiveDate,
    except: Option<i64>,
) -> Result<(), AppError> {
    if sessions
        .iter()
        .any(|s| s.date == date && Some(s.id) != except)
    {
        return Err(AppError::invalid(
            "date",
            format!("a session on {date} is already booked"),
        ));
    }
    Ok(())
}

fn view(state: &AppState) -> Result<SessionsView, AppError> {
    let store = store(state)?;
    let sessions = store.sessions()?;
    let planned = store.planned()?;
    let spec = current_plan::protocol_for(&store.protocol_choice()?)?.sessions();
    let booked = u32::try_from(sessions.len()).unwrap_or(u32::MAX);
    Ok(SessionsView {
        sessions,
        planned,
        planned_effective: planned.unwrap_or(spec.usual.max(booked)),
        usual: spec.usual,
        min: spec.min,
        max: spec.max,
    })
}

/// The booked sessions and the planned count.
#[tauri::command]
#[specta::specta]
pub fn sessions(state: State<'_, AppState>) -> Result<SessionsView, AppError> {
    view(&state)
}

/// Books a session on `date` (`YYYY-MM-DD`).
#[tauri::command]
#[specta::specta]
pub fn session_add(state: State<'_, AppState>, date: String) -> Result<SessionsView, AppError> {
    let date = parse(&date)?;
    change_plan(&state, |store| {
        let existing = store.sessions()?;
        refuse_taken(&existing, date, None)?;
        let mut dates: Vec<NaiveDate> = existing.iter().map(|s| s.date).collect();
        dates.push(date);
        check_candidate(store, dates, store.planned()?, "date")?;
        store
            .insert_session(date)
            .map_err(|e| AppError::invalid("date", e.to_string()))
    })?;
    view(&state)
}

/// Moves session `id` to `date`.
#[tauri::command]
#[specta::specta]
pub fn session_edit(
    state: State<'_, AppState>,
    id: i64,
    date: String,
) -> Result<SessionsView, AppError> {
    let date = parse(&date)?;
    change_plan(&state, |store| {
        let existing = store.sessions()?;
        require_session(&existing, id)?;
        refuse_taken(&existing, date, Some(id))?;
        let dates = existing
            .iter()
            .map(|s| if s.id == id { date } else { s.date })
            .collect();
        check_candidate(store, dates, store.planned()?, "date")?;
        store
            .update_session(id, date)
            .map_err(|e| AppError::invalid("date", e.to_string()))
    })?;
    view(&state)
}

/// Deletes session `id`.
#[tauri::command]
#[specta::specta]
pub fn session_delete(state: State<'_, AppState>, id: i64) -> Result<SessionsView, AppError> {
    change_plan(&state, |store| {
        require_session(&store.sessions()?, id)?;
        Ok(store.delete_session(id)?)
    })?;
    view(&state)
}

/// Sets how many sessions are planned in all; `None` follows the protocol.
#[tauri::command]
#[specta::specta]
pub fn planned_set(
    state: State<'_, AppState>,
    planned: Option<u32>,
) -> Result<SessionsView, AppError> {
    change_plan(&state, |store| {
        let dates: Vec<NaiveDate> = store.sessions()?.iter().map(|s| s.date).collect();
        if let Some(n) = planned
            && (n == 0 || n > aftercare::error::MAX_PLANNED)
        {
            return Err(AppError::invalid(
                "planned",
                format!(
                    "planned sessions must be between 1 and {}, got {n}",
                    aftercare::error::MAX_PLANNED
                ),
            ));
        }
        check_candidate(store, dates, planned, "planned")?;
        Ok(store.set_planned(planned)?)
    })?;
    view(&state)
}
