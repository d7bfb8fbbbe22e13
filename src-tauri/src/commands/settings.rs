//! The client's settings.

use tauri::State;

use super::store;
use crate::error::AppError;
use crate::model::{NotificationPermission, QuietHours, Settings, ZoneMode};
use crate::state::AppState;

/// The longest clinic name, phone or email kept.
const MAX_CONTACT_CHARS: usize = 200;

/// The current settings.
#[tauri::command]
#[specta::specta]
pub fn settings(state: State<'_, AppState>) -> Result<Settings, AppError> {
    Ok(store(&state)?.settings()?)
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
pub fn settings_set(state: State<'_, AppState>, settings: Settings) -> Result<Settings, AppError> {
    let settings = validate(settings)?;
    let before = store(&state)?.settings()?;
    if before.launch_at_login != settings.launch_at_login {
        (state.set_autostart)(settings.launch_at_login).map_err(|e| {
            AppError::invalid(
                "launch_at_login",
                format!("could not change launch at login: {e}"),
            )
        })?;
    }
    store(&state)?.save_settings(&settings)?;
    (state.on_change)();
    if settings.reminders_enabled && state.permission.state() == NotificationPermission::NotAsked {
        state.permission.request();
        // Reschedule with the answer (an allowed window may now be empty).
        (state.on_change)();
    }
    Ok(settings)
}

/// Checks every field, naming the one at fault.
pub fn validate(mut s: Settings) -> Result<Settings, AppError> {
    s.reminder_time = s.reminder_time.trim().to_string();
    aftercare::parse_time(&s.reminder_time)
        .map_err(|e| AppError::from_engine(e, "reminder_time"))?;
    if let Some(QuietHours { start, end }) = &mut s.quiet_hours {
        *start = start.trim().to_string();
        *end = end.trim().to_string();
        aftercare::parse_time(start).map_err(|e| AppError::from_engine(e, "quiet_hours.start"))?;
        aftercare::parse_time(end).map_err(|e| AppError::from_engine(e, "quiet_hours.end"))?;
        if start == end {
            return Err(AppError::invalid(
                "quiet_hours.end",
                format!("quiet hours from {start} to {end} cover no time; choose a different end"),
            ));
        }
    }
    if let ZoneMode::Fixed { zone } = &mut s.zone {
        *zone = zone.trim().to_string();
        aftercare::parse_zone(zone).map_err(|e| AppError::from_engine(e, "zone"))?;
    }
    let clinic = &mut s.clinic;
    for (field, value) in [
        ("clinic.name", &mut clinic.name),
        ("clinic.phone", &mut clinic.phone),
        ("clinic.email", &mut clinic.email),
    ] {
        *value = value.trim().to_string();
        if value.chars().count() > MAX_CONTACT_CHARS {
            return Err(AppError::invalid(
                field,
                format!("keep it under {MAX_CONTACT_CHARS} characters"),
            ));
        }
    }
    let phone = &clinic.phone;
    if !phone.is_empty()
        && (!phone.chars().any(|c| c.is_ascii_digit())
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()./".contains(c)))
    {
        return Err(AppError::invalid(
            "clinic.phone",
            format!("\"{phone}\" is not a phone number: use digits, spaces and + - ( )"),
        ));
    }
    let email = &clinic.email;
    if !email.is_empty() {
        let well_formed = email.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        }) && !email.chars().any(char::is_whitespace);
        if !well_formed {
            return Err(AppError::invalid(
                "clinic.email",
                format!("\"{email}\" is not an email address such as clinic@example.com"),
            ));
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<Settings, AppError>) -> (Option<String>, String) {
        match result.unwrap_err() {
            AppError::Invalid { field, message } => (field, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn defaults_are_valid() {
        assert_eq!(validate(Settings::default()).unwrap(), Settings::default());
    }

    #[test]
    fn bad_fields_are_named() {
        let with = |change: fn(&mut Settings)| {
            let mut s = Settings::default();
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
            with(|s| s.zone = ZoneMode::Fixed {
                zone: "Mars/Base".into()
            })
            .0,
            Some("zone".into())
        );
        assert_eq!(
            with(|s| s.quiet_hours = Some(QuietHours {
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
    }

    #[test]
    fn contact_details_are_trimmed() {
        let clinic = crate::model::Clinic {
            phone: " +44 20 7946 0000 ".into(),
            ..Default::default()
        };
        let s = Settings {
            clinic,
            ..Settings::default()
        };
        assert_eq!(validate(s).unwrap().clinic.phone, "+44 20 7946 0000");
    }
}
