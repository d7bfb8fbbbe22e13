//! IPC commands, grouped by area. Each one validates its input, asks the
//! store or the engine, and returns; none of them decides anything about
//! days (that is the engine's job).

pub mod calendar;
pub mod care;
pub mod first_run;
pub mod handover;
pub mod journal;
pub mod logfile;
pub mod protocols;
pub mod reminders;
pub mod screens;
pub mod sessions;
pub mod settings;
pub mod timeline;
pub mod today;

use std::sync::MutexGuard;

use aftercare::Protocol;

use crate::current::Current;
use crate::error::AppError;
use crate::model::DeliveryHow;
use crate::reminders::entered_past;
use crate::state::AppState;
use crate::store::{Change, Store};

/// Locks the store, turning a poisoned lock into an error the UI can show.
pub(crate) fn store(state: &AppState) -> Result<MutexGuard<'_, Store>, AppError> {
    Ok(state.store.lock()?)
}

/// The snapshot a command answers from: one store read, the protocol
/// loaded once, the plan built once.
pub(crate) fn current(state: &AppState) -> Result<Current, AppError> {
    Current::load(&*store(state)?, &*state.clock)
}

/// The one path every change of the plan (sessions, planned count,
/// protocol, first run) takes:
///
/// 1. `edit` writes the proposed state inside ONE store transaction; the
///    store's own constraints refuse what SQL can tell (a date booked
///    twice, an unknown session id);
/// 2. the new state is read back from that transaction once and the engine
///    builds its plan once: a plan it refuses is placed on `field`, and the
///    transaction is dropped, so nothing is applied;
/// 3. reminders of the new plan that were already due, and were not yet
///    due in the plan before the edit (read in the same transaction before
///    `edit`), are logged as `before_plan`, from that same plan and in the
///    same transaction: the client just entered a session in the past, or
///    moved one, so those reminders could never have reached them; shown
///    now they would arrive as a burst of "reminders you missed" right
///    after first run. Those already due before the edit (held by quiet
///    hours) stay the scheduler's (`reminders::entered_past`);
/// 4. the transaction is committed, the scheduler woken, and the new
///    snapshot returned for the command's answer.
///
/// `loaded` is the protocol the edit chooses, when the command has already
/// parsed it (so it is not parsed twice). The store lock is held
/// throughout, so the scheduler never sees the plan before step 3.
pub(crate) fn change_plan(
    state: &AppState,
    field: &str,
    loaded: Option<Protocol>,
    edit: impl FnOnce(&Change<'_>) -> Result<(), AppError>,
) -> Result<Current, AppError> {
    let current = {
        let mut store = store(state)?;
        let change = store.change()?;
        // The plan the client had: what was already due in it is the
        // scheduler's to deliver (held by quiet hours, say), not this
        // edit's to settle.
        let previous = Current::build(change.snapshot()?, &*state.clock, None, None)?.reminders();
        edit(&change)?;
        let snapshot = change.snapshot()?;
        crate::limits::sessions(snapshot.sessions.len())?;
        let current = Current::build(snapshot, &*state.clock, loaded, Some(field))?;
        let due = entered_past(&previous, &current.reminders(), current.now);
        let settled = change.claim_all(&due, current.now, DeliveryHow::BeforePlan)?;
        change.commit()?;
        if !settled.is_empty() {
            log::info!(
                "{} reminders were due before the plan was entered",
                settled.len()
            );
        }
        current
    };
    (state.on_change)();
    Ok(current)
}
