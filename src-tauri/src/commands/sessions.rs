//! Booked sessions and the planned number of sessions.

use aftercare::date_entry::{DateNote, DateOrder, check_session_date, parse_typed_date};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{change_plan, current};
use crate::current::Current;
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
    /// The planned count in force (the plan's; see
    /// `Current::planned_effective`).
    pub planned_effective: u32,
    /// The protocol's usual count, fewest and most.
    pub usual: u32,
    /// Fewest sessions the protocol expects.
    pub min: u32,
    /// Most sessions the protocol expects.
    pub max: u32,
    /// Today in the plan's zone (dates are worded relative to it).
    pub today: NaiveDate,
    /// The plan's warnings (spacing, counts, preparation that clashes),
    /// shown beside the session or count they are about.
    pub warnings: Vec<aftercare::Warning>,
    /// Stored sessions whose date could not be read: left out of the plan,
    /// listed so the client can delete them and enter the date again.
    pub unreadable: Vec<crate::model::ValueReset>,
}

impl From<Current> for SessionsView {
    fn from(c: Current) -> SessionsView {
        let spec = c.protocol.sessions();
        SessionsView {
            planned_effective: c.planned_effective(),
            sessions: c.sessions,
            planned: c.planned,
            usual: spec.usual,
            min: spec.min,
            max: spec.max,
            today: c.today,
            warnings: c
                .plan
                .as_ref()
                .map(|p| p.warnings().to_vec())
                .unwrap_or_default(),
            unreadable: c
                .values_reset
                .into_iter()
                .filter(|r| r.session_id.is_some())
                .collect(),
        }
    }
}

/// A session date from the UI (`YYYY-MM-DD`), refused beside `date`.
pub(crate) fn parse_date(date: &str) -> Result<NaiveDate, AppError> {
    crate::limits::date(date)?;
    aftercare::parse_date(date.trim()).map_err(|e| AppError::from_engine(e, "date"))
}

/// The booked sessions and the planned count.
#[tauri::command]
#[specta::specta]
pub fn sessions(state: State<'_, AppState>) -> Result<SessionsView, AppError> {
    Ok(current(&state)?.into())
}

/// A proposed session date, read and checked, nothing stored.
#[derive(Debug, Clone, Serialize, Type)]
pub struct DateCheck {
    /// The date as read, to pass to `session_add` or `session_edit`.
    pub date: NaiveDate,
    /// What the client should see before it is saved (spacing, far from
    /// the other sessions, renumbering); empty when nothing needs saying.
    pub notes: Vec<DateNote>,
}

/// Reads a session date as the client typed it (`text`, in the locale's
/// `order`) and checks it against the booked sessions and the clinic's
/// spacing, without storing anything: `id` is the session being moved,
/// `None` for a new one. A date that is not one, or is already booked, is
/// refused as [`AppError::Date`] beside `date`.
#[tauri::command]
#[specta::specta]
pub fn session_check(
    state: State<'_, AppState>,
    id: Option<i64>,
    text: String,
    order: DateOrder,
) -> Result<DateCheck, AppError> {
    crate::limits::date(&text)?;
    let date = parse_typed_date(&text, order).map_err(|p| AppError::date("date", p))?;
    let c = current(&state)?;
    let moving =
        match id {
            None => None,
            Some(id) => Some(c.sessions.iter().position(|s| s.id == id).ok_or_else(|| {
                AppError::NotFound {
                    message: format!("no session with id {id}"),
                }
            })?),
        };
    let dates: Vec<NaiveDate> = c.sessions.iter().map(|s| s.date).collect();
    let notes = check_session_date(&c.protocol, &dates, moving, date)
        .map_err(|p| AppError::date("date", p))?;
    Ok(DateCheck { date, notes })
}

/// Books a session on `date` (`YYYY-MM-DD`).
#[tauri::command]
#[specta::specta]
pub fn session_add(state: State<'_, AppState>, date: String) -> Result<SessionsView, AppError> {
    let date = parse_date(&date)?;
    let c = change_plan(&state, "date", None, |change| {
        change.insert_session(date)?;
        Ok(())
    })?;
    Ok(c.into())
}

/// Moves session `id` to `date`.
#[tauri::command]
#[specta::specta]
pub fn session_edit(
    state: State<'_, AppState>,
    id: i64,
    date: String,
) -> Result<SessionsView, AppError> {
    let date = parse_date(&date)?;
    let c = change_plan(&state, "date", None, |change| {
        change.update_session(id, date)?;
        Ok(())
    })?;
    Ok(c.into())
}

/// Deletes session `id`.
#[tauri::command]
#[specta::specta]
pub fn session_delete(state: State<'_, AppState>, id: i64) -> Result<SessionsView, AppError> {
    let c = change_plan(&state, "sessions", None, |change| {
        Ok(change.delete_session(id)?)
    })?;
    Ok(c.into())
}

/// Sets how many sessions are planned in all; `None` follows the protocol.
#[tauri::command]
#[specta::specta]
pub fn planned_set(
    state: State<'_, AppState>,
    planned: Option<u32>,
) -> Result<SessionsView, AppError> {
    // With sessions booked the engine judges the count when it builds the
    // plan; before the first one there is no plan to build, so the range is
    // checked here, in the engine's own words.
    if let Some(n) = planned
        && (n == 0 || n > aftercare::error::MAX_PLANNED)
    {
        let refused = aftercare::Error::InvalidPlanned {
            planned: n,
            sessions: 0,
        };
        return Err(AppError::from_engine(refused, "planned"));
    }
    let c = change_plan(&state, "planned", None, |change| {
        Ok(change.set_planned(planned)?)
    })?;
    Ok(c.into())
}
