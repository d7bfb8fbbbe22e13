//! Choosing a built-in protocol or importing a clinic's own file.

use aftercare::{Protocol, Vocabulary};
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{change_plan, store};
use crate::current::protocol_for;
use crate::error::AppError;
use crate::model::ProtocolChoice;
use crate::state::AppState;

/// A protocol in the picker.
#[derive(Debug, Clone, Serialize, Type)]
pub struct ProtocolSummary {
    /// Its id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// One sentence.
    pub summary: String,
    /// The usual number of sessions.
    pub usual_sessions: u32,
    /// Whether the plan follows it now.
    pub selected: bool,
    /// Whether it was imported from a clinic's file.
    pub imported: bool,
}

fn summary(p: &Protocol, selected: bool, imported: bool) -> ProtocolSummary {
    ProtocolSummary {
        id: p.id().to_string(),
        name: p.name().to_string(),
        summary: p.summary().to_string(),
        usual_sessions: p.sessions().usual,
        selected,
        imported,
    }
}

/// Every activity the app knows with its name, in the order the app lists
/// them (the engine's list: a protocol's rules and "Can I...?" name
/// activities without a day's status at hand), and the everyday words
/// "Can I...?" understands (the engine's `src/activity_words.toml`).
#[tauri::command]
#[specta::specta]
pub fn activities() -> Vocabulary {
    Vocabulary::builtin().clone()
}

/// The built-in protocols, plus the imported one if the plan follows it.
#[tauri::command]
#[specta::specta]
pub fn protocols(state: State<'_, AppState>) -> Result<Vec<ProtocolSummary>, AppError> {
    let choice = store(&state)?.snapshot()?.protocol;
    let mut list: Vec<ProtocolSummary> = Protocol::builtins()
        .iter()
        .map(|p| {
            summary(
                p,
                matches!(&choice, ProtocolChoice::Builtin { id } if id == p.id()),
                false,
            )
        })
        .collect();
    if let ProtocolChoice::Imported { .. } = &choice {
        let imported = protocol_for(&choice, "protocol")?;
        list.insert(0, summary(&imported, true, true));
    }
    Ok(list)
}

/// The protocol the plan follows, with all its rules.
#[tauri::command]
#[specta::specta]
pub fn protocol_current(state: State<'_, AppState>) -> Result<Protocol, AppError> {
    let choice = store(&state)?.snapshot()?.protocol;
    protocol_for(&choice, "protocol")
}

/// Follows the built-in protocol `id`.
#[tauri::command]
#[specta::specta]
pub fn protocol_select(state: State<'_, AppState>, id: String) -> Result<Protocol, AppError> {
    crate::limits::protocol_id(&id)?;
    let protocol = Protocol::builtin(&id).map_err(|e| AppError::from_engine(e, "protocol"))?;
    save(&state, ProtocolChoice::Builtin { id }, protocol)
}

/// Imports a clinic's protocol file: `text` is the file's content (at most
/// `MAX_PROTOCOL_BYTES`), `source_name` its file name for messages (at most
/// `MAX_FILE_NAME_BYTES`; see `crate::limits`). A file
/// with an error is refused with its line and field; nothing is saved.
#[tauri::command]
#[specta::specta]
pub fn protocol_import(
    state: State<'_, AppState>,
    source_name: String,
    text: String,
) -> Result<Protocol, AppError> {
    crate::limits::protocol_import(&source_name, &text)?;
    let protocol =
        Protocol::from_toml(&source_name, &text).map_err(|e| AppError::from_engine(e, "file"))?;
    save(
        &state,
        ProtocolChoice::Imported { source_name, text },
        protocol,
    )
}

/// Follows `choice` (already loaded as `protocol`) if the booked sessions
/// fit it: the engine builds the plan with it (a planned count chosen
/// earlier may be fewer than a new protocol needs, and so on).
fn save(
    state: &AppState,
    choice: ProtocolChoice,
    protocol: Protocol,
) -> Result<Protocol, AppError> {
    let c = change_plan(state, "protocol", Some(protocol), |change| {
        Ok(change.set_protocol_choice(&choice)?)
    })?;
    Ok(c.protocol)
}
