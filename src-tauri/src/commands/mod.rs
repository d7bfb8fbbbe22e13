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

use crate::current_plan;
use crate::error::AppError;
use crate::model::DeliveryHow;
use crate::state::AppState;
use crate::store::Store;

/// Locks the store, turning a poisoned lock into an error the UI can show.
pub(crate) fn store(state: &AppState) -> Result<MutexGuard<'_, Store>, AppError> {
    Ok(state.store.lock()?)
}

/// Changes the plan (sessions, planned count, protocol) through `change`,
/// holding the store, then wakes the scheduler. Every plan-changing command
/// goes through here, so none can forget the step in between:
///
/// Reminders of the new plan that were already due are logged as
/// `before_plan`: the client just entered a session in the past, or moved
/// one, so those reminders could never have reached them; shown now they
/// would arrive as a burst of "reminders you missed" right after first run.
/// Holding the store lock keeps the scheduler from seeing the plan before
/// they are logged. The change itself is saved by then, so a failure of
/// that step is only logged: the worst outcome is a late summary.
pub(crate) fn change_plan<T>(
    state: &AppState,
    change: impl FnOnce(&mut Store) -> Result<T, AppError>,
) -> Result<T, AppError> {
    let out = {
        let mut store = store(state)?;
        let out = change(&mut store)?;
        match settle_before_plan(state, &mut store) {
            Ok(0) => {}
            Ok(n) => log::info!("{n} reminders were due before the plan was entered"),
            Err(e) => log::warn!("cannot settle reminders due before the plan change: {e}"),
        }
        out
    };
    (state.on_change)();
    Ok(out)
}

/// Logs the plan's already-due reminders as `before_plan`; how many were new.
fn settle_before_plan(state: &AppState, store: &mut Store) -> Result<usize, AppError> {
    let (plan, settings) = current_plan::load(store, state.clock.device_zone())?;
    let Some(plan) = plan else { return Ok(0) };
    let now = state.clock.now();
    let due: Vec<_> = plan
        .reminders(settings.reminder_time())
        .into_iter()
        .filter(|r| r.at <= now)
        .map(|r| (r.id, r.at))
        .collect();
    Ok(store.claim_all(&due, now, DeliveryHow::BeforePlan)?.len())
}
