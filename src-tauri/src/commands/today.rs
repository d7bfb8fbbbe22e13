//! Today's status, any day's status and the timeline.

use aftercare::{DayStatus, Milestone, PlanSummary, Preparation};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::current;
use crate::current::Current;
use crate::error::AppError;
use crate::model::{NotificationPermission, ValueReset};
use crate::state::AppState;
use crate::store::{ReadOnly, Recovered};

/// Things the UI shows as banners.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Notices {
    /// Whether reminders are turned on.
    pub reminders_enabled: bool,
    /// Where a damaged database was moved at start-up.
    pub recovered: Option<Recovered>,
    /// Set when the plan could only be opened for reading: it is shown and
    /// reminders come, but no change can be saved.
    pub read_only: Option<ReadOnly>,
    /// Why notifications do not reach the desktop, if they do not.
    pub notification_error: Option<String>,
    /// Whether the OS lets the app notify (phones ask; desktops always do).
    pub permission: NotificationPermission,
    /// Stored settings that could not be read and were reset to their
    /// defaults (until the client saves their settings again).
    pub values_reset: Vec<ValueReset>,
}

/// The start screen's data.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Overview {
    /// Today's date in the plan's zone.
    pub today: NaiveDate,
    /// The calendar day before `today` (first run offers it as a session
    /// date; the UI never counts days).
    pub yesterday: NaiveDate,
    /// The zone days are counted in.
    pub zone: String,
    /// Today's status; `None` until a first session is entered.
    pub status: Option<DayStatus>,
    /// The plan in brief; `None` until a first session is entered.
    pub plan: Option<PlanSummary>,
    /// Banners.
    pub notices: Notices,
    /// Whether today's check-in has been saved.
    pub checked_in_today: bool,
    /// Red-flag cards of the latest check-in still open (today's, else
    /// yesterday's), shown at the top of Today.
    pub red_flags: Vec<aftercare::RedFlagCard>,
}

/// The start screen: today's status, the plan in brief and any banners.
#[tauri::command]
#[specta::specta]
pub fn overview(state: State<'_, AppState>) -> Result<Overview, AppError> {
    Ok(overview_of(&state, current(&state)?))
}

/// The overview of a snapshot (also what first run answers with).
pub(crate) fn overview_of(state: &AppState, c: Current) -> Overview {
    let summary = c.plan.as_ref().map(aftercare::Plan::summary);
    let notification_error = state.notifier_failure.lock().ok().and_then(|f| {
        f.as_deref()
            .map(|f| crate::reminders::failure_text(c.lang, f))
    });
    let (checked_in_today, red_flags) = latest_check_in(state, &c);
    Overview {
        today: c.today,
        yesterday: aftercare::day_before(c.today),
        zone: c.zone.to_string(),
        status: c.plan.as_ref().map(|p| p.status(c.today)),
        plan: summary,
        notices: Notices {
            reminders_enabled: c.settings.reminders_enabled,
            recovered: state.recovered.clone(),
            read_only: state
                .store
                .lock()
                .ok()
                .and_then(|store| store.read_only().cloned()),
            notification_error,
            permission: state.permission.state(),
            values_reset: c.values_reset,
        },
        checked_in_today,
        red_flags,
    }
}

/// Whether today's check-in is saved, and the red-flag cards of the latest
/// check-in still open: today's, else yesterday's (the client may check in
/// late at night, and the cards should not vanish at midnight). A store
/// that can't be read leaves Today without them rather than failing it.
fn latest_check_in(state: &AppState, c: &Current) -> (bool, Vec<aftercare::RedFlagCard>) {
    let Some(plan) = &c.plan else {
        return (false, Vec::new());
    };
    let read = state.store.lock().map_err(|_| ()).and_then(|store| {
        let today = store.check_in(c.today).map_err(|e| log::warn!("{e}"))?;
        match today {
            Some(row) => Ok((true, Some(row))),
            None => store
                .check_in(aftercare::day_before(c.today))
                .map(|row| (false, row))
                .map_err(|e| log::warn!("{e}")),
        }
    });
    match read {
        Ok((checked_in, row)) => (
            checked_in,
            row.map(|r| plan.red_flags(r.date, &r.symptoms))
                .unwrap_or_default(),
        ),
        Err(()) => (false, Vec::new()),
    }
}

/// The status on a date (`YYYY-MM-DD`; `None` for today in the plan's
/// zone), for "Can I...?" and the timeline.
#[tauri::command]
#[specta::specta]
pub fn status_on(
    state: State<'_, AppState>,
    date: Option<String>,
) -> Result<Option<DayStatus>, AppError> {
    let date = date.map(|d| super::sessions::parse_date(&d)).transpose()?;
    let c = current(&state)?;
    Ok(c.plan.map(|p| p.status(date.unwrap_or(c.today))))
}

/// Every day on which something changes, from the first preparation day to
/// the touch-up recall.
#[tauri::command]
#[specta::specta]
pub fn timeline(state: State<'_, AppState>) -> Result<Vec<Milestone>, AppError> {
    Ok(current(&state)?
        .plan
        .map(|p| p.milestones().to_vec())
        .unwrap_or_default())
}

/// How to get ready for the next booked session (today's included), as a
/// dated checklist; `None` when no booked session lies ahead.
#[tauri::command]
#[specta::specta]
pub fn preparation(state: State<'_, AppState>) -> Result<Option<Preparation>, AppError> {
    let c = current(&state)?;
    Ok(c.plan.and_then(|p| p.preparation(c.today)))
}
