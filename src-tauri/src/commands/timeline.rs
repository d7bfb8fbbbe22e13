//! The timeline's chart: each activity's days from the first session to
//! the end of the restrictions, with today's place on it.

use aftercare::ChartOn;
use tauri::State;

use super::current;
use crate::error::AppError;
use crate::state::AppState;

/// The plan as a chart (the engine's `Plan::chart`), with where today (in
/// the plan's zone) falls on it; `None` until a first session is entered.
/// The chart itself does not depend on today; the UI places its marks by
/// the engine's day indices and never counts days.
#[tauri::command]
#[specta::specta]
pub fn timeline_chart(state: State<'_, AppState>) -> Result<Option<ChartOn>, AppError> {
    let c = current(&state)?;
    Ok(c.plan.map(|p| p.chart().on(c.today)))
}
