//! The client's settings.

use tauri::State;

use super::store;
use crate::error::AppError;
use crate::problem::Problem;
use aftercare::Lang;
use serde::Serialize;
use specta::Type;

use crate::model::{
    LanguageMode, NotificationPermission, QuietHours, Settings, SettingsForm, ZoneChoice, ZoneMode,
    hhmm,
};
use crate::state::AppState;

/// The current settings (values that no longer read are at their
/// defaults; `overview().notices.values_reset` says which).
#[tauri::command]
#[specta::specta]
pub fn settings(state: State<'_, AppState>) -> Result<SettingsForm, AppError> {
    Ok(SettingsForm::from(&store(&state)?.snapshot()?.settings))
}

/// The language the app speaks now, and the device's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
pub struct Language {
    /// What the UI and the engine's texts speak: the client's choice, or
    /// the device's language.
    pub lang: Lang,
    /// The device's language (English when the app doesn't speak it), for
    /// the "Device language" choice.
    pub device: Lang,
}

/// The language the UI renders in, read before every screen so that the
/// UI and the engine's texts (built with the same setting) always agree.
#[tauri::command]
#[specta::specta]
pub fn language(state: State<'_, AppState>) -> Result<Language, AppError> {
    let device = state.clock.device_lang();
    Ok(Language {
        lang: app_lang(&state)?,
        device,
    })
}

/// The language the app speaks now: the client's choice, else the
/// device's. Commands that answer with protocol texts or words outside a
/// plan (the picker, "Can I...?") read them in it.
pub(crate) fn app_lang(state: &AppState) -> Result<Lang, AppError> {
    let settings = store(state)?.snapshot()?.settings;
    Ok(settings.language.lang(state.clock.device_lang()))
}

/// Validates and saves the settings; returns them as saved (trimmed).
/// Changing "launch at login" registers or removes the login item first, so
/// a failure there leaves the stored setting as it was.
///
/// Saving with reminders on asks the OS for permission to notify if it was
/// never asked (phones show their dialog; desktops need none), so the
/// question comes the moment the client turns reminders on. The answer
/// shows in `overview().notices.permission`. It runs off the main thread
/// (`async`) because the phone's dialog blocks until answered.
#[tauri::command(async)]
#[specta::specta]
pub fn settings_set(
    state: State<'_, AppState>,
    settings: SettingsForm,
) -> Result<SettingsForm, AppError> {
    crate::limits::settings(&settings)?;
    let settings = validate(settings)?;
    let before = store(&state)?.snapshot()?.settings;
    with_autostart(&state, &before, &settings, || {
        Ok(store(&state)?.save_settings(&settings)?)
    })?;
    (state.on_change)();
    after_saving(&state, &settings);
    Ok(SettingsForm::from(&settings))
}

/// Runs `save` with "launch at login" applied as `after` has it: the login
/// item is changed first (a failure there saves nothing), and changed back
/// if `save` then fails.
pub(crate) fn with_autostart<T>(
    state: &AppState,
    before: &Settings,
    after: &Settings,
    save: impl FnOnce() -> Result<T, AppError>,
) -> Result<T, AppError> {
    let toggled = before.launch_at_login != after.launch_at_login;
    if toggled {
        (state.set_autostart)(after.launch_at_login).map_err(|e| {
            AppError::invalid(
                "launch_at_login",
                Problem::LaunchAtLoginFailed {
                    detail: e.to_string(),
                },
            )
        })?;
    }
    save().inspect_err(|_| {
        if toggled && let Err(e) = (state.set_autostart)(before.launch_at_login) {
            log::warn!("could not restore launch at login: {e}");
        }
    })
}

/// Asks for permission to notify when reminders are on and it was never
/// asked, then reschedules with the answer.
pub(crate) fn after_saving(state: &AppState, settings: &Settings) {
    if settings.reminders_enabled && state.permission.state() == NotificationPermission::NotAsked {
        state.permission.request();
        // Reschedule with the answer (an allowed window may now be empty).
        (state.on_change)();
    }
}

/// Checks every field of the form, naming the one at fault, and returns the
/// typed settings.
pub fn validate(form: SettingsForm) -> Result<Settings, AppError> {
    let time = |text: &str, field: &str| {
        aftercare::parse_time(text.trim()).map_err(|e| AppError::from_engine(e, field))
    };
    let reminder_time = time(&form.reminder_time, "reminder_time")?;
    let quiet_hours = match &form.quiet_hours {
        None => None,
        Some(q) => {
            let start = time(&q.start, "quiet_hours.start")?;
            let end = time(&q.end, "quiet_hours.end")?;
            if start == end {
                return Err(AppError::invalid(
                    "quiet_hours.end",
                    Problem::QuietHoursEmpty {
                        start: hhmm(start),
                        end: hhmm(end),
                    },
                ));
            }
            Some(QuietHours { start, end })
        }
    };
    let zone = match &form.zone {
        ZoneChoice::Device => ZoneMode::Device,
        ZoneChoice::Fixed { zone } => ZoneMode::Fixed {
            zone: aftercare::parse_zone(zone.trim())
                .map_err(|e| AppError::from_engine(e, "zone"))?,
        },
    };
    let language = LanguageMode::parse(form.language.trim()).ok_or_else(|| {
        AppError::invalid(
            "language",
            Problem::UnknownLanguage {
                text: form.language.clone(),
            },
        )
    })?;
    // Lengths were checked before (`crate::limits::settings`).
    let mut clinic = form.clinic;
    for value in [
        &mut clinic.name,
        &mut clinic.phone,
        &mut clinic.email,
        &mut clinic.address,
    ] {
        *value = value.trim().to_string();
    }
    let phone = &clinic.phone;
    if !phone.is_empty() && !aftercare::text::is_phone_number(phone) {
        return Err(AppError::invalid(
            "clinic.phone",
            Problem::NotAPhone {
                text: phone.to_string(),
            },
        ));
    }
    let email = &clinic.email;
    if !email.is_empty() && !aftercare::text::is_email_address(email) {
        return Err(AppError::invalid(
            "clinic.email",
            Problem::NotAnEmail {
                text: email.to_string(),
            },
        ));
    }
    Ok(Settings {
        reminders_enabled: form.reminders_enabled,
        reminder_time,
        quiet_hours,
        zone,
        launch_at_login: form.launch_at_login,
        clinic,
        care_reminders: form.care_reminders,
        language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::QuietHoursForm;

    fn defaults() -> SettingsForm {
        SettingsForm::from(&Settings::default())
    }

    fn message(result: Result<Settings, AppError>) -> (Option<String>, String) {
        match result.unwrap_err() {
            AppError::Invalid { field, message, .. } => (field, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(validate(defaults()).unwrap(), Settings::default());
    }

    #[test]
    fn bad_fields_are_named() {
        let with = |change: fn(&mut SettingsForm)| {
            let mut s = defaults();
            change(&mut s);
            message(validate(s))
        };
        assert_eq!(
            with(|s| s.reminder_time = "9am".into()),
            (
                Some("reminder_time".into()),
                "invalid time \"9am\": expected HH:MM on a 24-hour clock, such as 09:00".into()
            )
        );
        assert_eq!(
            with(|s| s.clinic.email = "clinic@".into()),
            (
                Some("clinic.email".into()),
                "\"clinic@\" is not an email address such as clinic@example.com".into()
            )
        );
        assert_eq!(
            with(|s| s.zone = ZoneChoice::Fixed {
                zone: "Mars/Base".into()
            })
            .0,
            Some("zone".into())
        );
        assert_eq!(
            with(|s| s.quiet_hours = Some(QuietHoursForm {
                start: "22:00".into(),
                end: "22:00".into()
            }))
            .0,
            Some("quiet_hours.end".into())
        );
        assert_eq!(
            with(|s| s.clinic.phone = "call me".into()).0,
            Some("clinic.phone".into())
        );
        assert_eq!(
            with(|s| s.language = "fr".into()),
            (
                Some("language".into()),
                "\"fr\" is not a language the app speaks: choose device, en or es".into()
            )
        );
    }

    #[test]
    fn a_chosen_language_is_kept() {
        let s = SettingsForm {
            language: "es".into(),
            ..defaults()
        };
        assert_eq!(validate(s).unwrap().language, LanguageMode::Fixed(Lang::Es));
    }

    #[test]
    fn contact_details_are_trimmed() {
        let clinic = crate::model::Clinic {
            phone: " +44 20 7946 0000 ".into(),
            ..Default::default()
        };
        let s = SettingsForm {
            clinic,
            ..defaults()
        };
        assert_eq!(validate(s).unwrap().clinic.phone, "+44 20 7946 0000");
    }
}
