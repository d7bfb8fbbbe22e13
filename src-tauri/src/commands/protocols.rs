//! Choosing a built-in protocol or importing a clinic's own file.
//!
//! Every imported file is kept (store schema V4, `imported_protocols`) and
//! listed beside the built-ins: following another plan never throws a
//! clinic's file away, and switching back is one choice.

use aftercare::{KeyDay, Protocol, Vocabulary};
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
    /// For a kept imported file: its store id, which
    /// `protocol_select_imported` takes. `None` for a built-in (chosen by
    /// `id` with `protocol_select`).
    pub imported_id: Option<i64>,
    /// For an imported file: the name of the file it came from.
    pub source_name: Option<String>,
    /// When the client may wash, shave, sweat and swim again after a
    /// session: the days they compare with their clinic's leaflet, each
    /// with its phrase ("Wash from day 6"), from the engine.
    pub key_days: Vec<KeyDay>,
}

fn summary(p: &Protocol, selected: bool, imported: Option<(Option<i64>, &str)>) -> ProtocolSummary {
    ProtocolSummary {
        id: p.id().to_string(),
        name: p.name().to_string(),
        summary: p.summary().to_string(),
        usual_sessions: p.sessions().usual,
        selected,
        imported: imported.is_some(),
        imported_id: imported.and_then(|(id, _)| id),
        source_name: imported.map(|(_, name)| name.to_string()),
        key_days: p.key_days(),
    }
}

/// Every activity the app knows with its name, in the order the app lists
/// them (the engine's list: a protocol's rules and "Can I...?" name
/// activities without a day's status at hand), and the everyday words
/// "Can I...?" understands (the engine's `src/activity_words.toml`).
#[tauri::command]
#[specta::specta]
pub fn activities(state: State<'_, AppState>) -> Result<Vocabulary, AppError> {
    Ok(Vocabulary::builtin_in(super::settings::app_lang(&state)?).clone())
}

/// Every kept imported protocol (oldest import first), then the built-in
/// ones.
#[tauri::command]
#[specta::specta]
pub fn protocols(state: State<'_, AppState>) -> Result<Vec<ProtocolSummary>, AppError> {
    protocol_list(&state)
}

/// The protocols to choose from (`protocols`, and the first run's part of
/// `today_screen`).
pub(crate) fn protocol_list(state: &AppState) -> Result<Vec<ProtocolSummary>, AppError> {
    let (choice, kept, language) = store(state)?.protocols_kept()?;
    let lang = language.lang(state.clock.device_lang());
    let followed_text = match &choice {
        ProtocolChoice::Imported { text, .. } => Some(text.as_str()),
        ProtocolChoice::Builtin { .. } => None,
    };
    let mut list = Vec::with_capacity(kept.len() + 4);
    for row in &kept {
        match Protocol::from_toml(&row.source_name, &row.text) {
            Ok(p) => list.push(summary(
                &p.in_lang(lang),
                followed_text == Some(row.text.as_str()),
                Some((Some(row.id), &row.source_name)),
            )),
            // Kept files passed the engine when imported; one a later engine
            // refuses is left out of the list (and logged), not deleted.
            Err(e) => log::warn!("a kept imported protocol is left out of the list: {e}"),
        }
    }
    // The followed file is always listed, even if it is not kept (it can't
    // be after schema V4, which copies it; this keeps the list honest if it is).
    if let (ProtocolChoice::Imported { source_name, .. }, false) =
        (&choice, list.iter().any(|p| p.selected))
    {
        let imported = protocol_for(&choice, "protocol")?;
        list.insert(
            0,
            summary(&imported.in_lang(lang), true, Some((None, source_name))),
        );
    }
    list.extend(Protocol::builtins().iter().map(|p| {
        summary(
            &p.in_lang(lang),
            matches!(&choice, ProtocolChoice::Builtin { id } if id == p.id()),
            None,
        )
    }));
    Ok(list)
}

/// The protocol the plan follows, with all its rules.
#[tauri::command]
#[specta::specta]
pub fn protocol_current(state: State<'_, AppState>) -> Result<Protocol, AppError> {
    let choice = store(&state)?.snapshot()?.protocol;
    Ok(protocol_for(&choice, "protocol")?.in_lang(super::settings::app_lang(&state)?))
}

/// Follows the built-in protocol `id`.
#[tauri::command]
#[specta::specta]
pub fn protocol_select(state: State<'_, AppState>, id: String) -> Result<Protocol, AppError> {
    crate::limits::protocol_id(&id)?;
    let protocol = Protocol::builtin(&id).map_err(|e| AppError::from_engine(e, "protocol"))?;
    save(&state, ProtocolChoice::Builtin { id }, protocol)
}

/// Follows the kept imported protocol with store id `imported_id` (see
/// [`ProtocolSummary::imported_id`]).
#[tauri::command]
#[specta::specta]
pub fn protocol_select_imported(
    state: State<'_, AppState>,
    imported_id: i64,
) -> Result<Protocol, AppError> {
    let c = change_plan(&state, "protocol", None, |change| {
        let row = change.imported(imported_id)?;
        Ok(change.set_protocol_choice(&ProtocolChoice::Imported {
            source_name: row.source_name,
            text: row.text,
        })?)
    })?;
    Ok(c.protocol)
}

/// Reads a clinic's protocol file without keeping or following it, so the
/// page can name the plan before asking to switch to it (and say at once
/// when the file is a PDF or a picture). The same checks and errors as
/// `protocol_import`; the store is not touched.
#[tauri::command]
#[specta::specta]
pub fn protocol_check(
    state: State<'_, AppState>,
    source_name: String,
    text: String,
) -> Result<ProtocolSummary, AppError> {
    crate::limits::protocol_import(&source_name, &text)?;
    let protocol =
        Protocol::from_toml(&source_name, &text).map_err(|e| AppError::from_engine(e, "file"))?;
    let protocol = protocol.in_lang(super::settings::app_lang(&state)?);
    Ok(summary(&protocol, false, Some((None, &source_name))))
}

/// Imports a clinic's protocol file: `text` is the file's content (at most
/// `MAX_PROTOCOL_BYTES`), `source_name` its file name for messages (at most
/// `MAX_FILE_NAME_BYTES`; see `crate::limits`). A file
/// with an error is refused with its line and field, one that is no
/// protocol at all (a PDF, a picture) with one sentence saying so; nothing
/// is saved. An accepted file is kept for good and followed.
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
    let c = change_plan(&state, "protocol", Some(protocol), |change| {
        change.keep_imported(&source_name, &text)?;
        Ok(change.set_protocol_choice(&ProtocolChoice::Imported { source_name, text })?)
    })?;
    Ok(c.protocol)
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
