//! First run: the protocol, the settings and the first session, applied
//! together or not at all.

use aftercare::Protocol;
use tauri::State;

use super::sessions::parse_date;
use super::settings::{after_saving, validate, with_autostart};
use super::today::{Overview, overview_of};
use super::{change_plan, store};
use crate::error::AppError;
use crate::model::{ProtocolChoice, SettingsForm};
use crate::state::AppState;

/// Applies the first-run form in one transaction: follows the built-in
/// protocol `protocol` (`None` keeps the one followed now, such as a
/// clinic's file imported just before), saves `settings` and books the
/// first session on `date`. Any refusal (a bad date, a setting, a plan the
/// engine refuses) names its field and leaves nothing applied. Returns the
/// new overview. Runs off the main thread (`async`): with reminders on it
/// may ask the phone for permission to notify, as `settings_set` does.
#[tauri::command(async)]
#[specta::specta]
pub fn first_run(
    state: State<'_, AppState>,
    protocol: Option<String>,
    settings: SettingsForm,
    date: String,
) -> Result<Overview, AppError> {
    if let Some(id) = &protocol {
        crate::limits::protocol_id(id)?;
    }
    crate::limits::settings(&settings)?;
    crate::limits::date(&date)?;
    let loaded = protocol
        .map(|id| {
            let p = Protocol::builtin(&id).map_err(|e| AppError::from_engine(e, "protocol"))?;
            Ok::<_, AppError>((ProtocolChoice::Builtin { id }, p))
        })
        .transpose()?;
    let settings = validate(settings)?;
    let date = parse_date(&date)?;
    let before = store(&state)?.snapshot()?.settings;
    let (choice, loaded) = loaded.unzip();
    let current = with_autostart(&state, &before, &settings, || {
        change_plan(&state, "date", loaded, |change| {
            if let Some(choice) = &choice {
                change.set_protocol_choice(choice)?;
            }
            change.save_settings(&settings)?;
            change.insert_session(date)?;
            Ok(())
        })
    })?;
    after_saving(&state, &settings);
    Ok(overview_of(&state, current))
}
