//! Whole screens in one answer: the first screen a client sees (Today, or
//! the first run before a first session) needs one IPC call, not five in a
//! row (language, overview, missed reminders, settings, today's ticks), so
//! that it is drawn as soon as a bare page would be (issue 14,
//! docs/performance.md).

use serde::Serialize;
use specta::Type;
use tauri::State;

use super::care::{CareDay, care_today};
use super::handover::Pending;
use super::protocols::{ProtocolSummary, protocol_list};
use super::reminders::missed_of;
use super::settings::Language;
use super::today::{Overview, overview_of};
use super::{current, store};
use crate::error::AppError;
use crate::model::SettingsForm;
use crate::reminders::MissedReminder;
use crate::state::AppState;

/// Everything Today shows, or the first run before a first session.
#[derive(Debug, Clone, Serialize, Type)]
pub struct TodayScreen {
    /// The language to draw it in (the client's choice or the device's),
    /// and the device's.
    pub language: Language,
    /// Today's status, the plan in brief and the banners.
    pub overview: Overview,
    /// Reminders of the plan that did not reach the client (a banner);
    /// empty when they can't be read (logged), as Today is still worth
    /// showing without them.
    pub missed: Vec<MissedReminder>,
    /// The settings: the clinic's contact on Today, the first run's
    /// defaults.
    pub settings: SettingsForm,
    /// Today's ticks of care; `None` before a first session or when they
    /// can't be read (logged).
    pub care: Option<CareDay>,
    /// The protocols to choose from: filled only before a first session,
    /// for the first run (empty when they can't be read, logged).
    pub protocols: Vec<ProtocolSummary>,
    /// A clinic's plan (a link or file opened with the app) waits for its
    /// preview (`handover_pending` takes it).
    pub plan_waiting: bool,
}

/// Today (or the first run) in one answer: one store read and one plan.
#[tauri::command]
#[specta::specta]
pub fn today_screen(
    state: State<'_, AppState>,
    pending: State<'_, Pending>,
) -> Result<TodayScreen, AppError> {
    let c = current(&state)?;
    let language = Language {
        lang: c.lang,
        device: state.clock.device_lang(),
    };
    let settings = SettingsForm::from(&c.settings);
    let (missed, care) = if c.plan.is_some() {
        let store = store(&state)?;
        let missed = missed_of(&c, &store).unwrap_or_else(|e| {
            log::warn!("Today is shown without its missed reminders: {e}");
            Vec::new()
        });
        let care = care_today(&c, &store)
            .map_err(|e| log::warn!("Today is shown without its care ticks: {e}"))
            .ok();
        (missed, care)
    } else {
        (Vec::new(), None)
    };
    let protocols = if c.plan.is_none() {
        protocol_list(&state).unwrap_or_else(|e| {
            log::warn!("the first run is shown without its protocols: {e}");
            Vec::new()
        })
    } else {
        Vec::new()
    };
    let plan_waiting = pending.0.lock().is_ok_and(|slot| slot.is_some());
    Ok(TodayScreen {
        language,
        overview: overview_of(&state, c),
        missed,
        settings,
        care,
        protocols,
        plan_waiting,
    })
}
