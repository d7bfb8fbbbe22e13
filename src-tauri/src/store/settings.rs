//! The settings as stored: one JSON document, read leniently.
//!
//! The document keeps the shape the first app wrote (times as "HH:MM",
//! the zone as `{"mode": "fixed", "zone": "Europe/London"}`), so files in
//! the field need no migration. Reading it is lenient key by key: a missing
//! key takes its default, an unknown key (a later version's) is ignored,
//! and a value that no longer reads (edited by hand, or written by another
//! version) takes its default *and is reported* as a [`ValueReset`], which
//! the UI shows until the client saves their settings again. Nothing is
//! replaced silently, and nothing is written back by a read.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{StoreError, shorten, unreadable};
use crate::model::{Clinic, LanguageMode, QuietHours, Settings, ValueReset, ZoneMode, hhmm};

/// The stored quiet hours.
#[derive(Serialize, Deserialize)]
struct StoredQuiet {
    start: String,
    end: String,
}

/// The stored zone choice.
#[derive(Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
enum StoredZone {
    Device,
    Fixed { zone: String },
}

/// The stored clinic: every field may be missing.
#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct StoredClinic {
    name: String,
    phone: String,
    email: String,
    address: String,
}

/// The document as written.
#[derive(Serialize)]
struct StoredSettings<'a> {
    reminders_enabled: bool,
    reminder_time: String,
    quiet_hours: Option<StoredQuiet>,
    zone: StoredZone,
    launch_at_login: bool,
    clinic: &'a Clinic,
    care_reminders: bool,
    language: &'static str,
}

/// The JSON document for `settings`.
pub(super) fn write(settings: &Settings) -> Result<String, StoreError> {
    let stored = StoredSettings {
        reminders_enabled: settings.reminders_enabled,
        reminder_time: hhmm(settings.reminder_time),
        quiet_hours: settings.quiet_hours.map(|q| StoredQuiet {
            start: hhmm(q.start),
            end: hhmm(q.end),
        }),
        zone: match settings.zone {
            ZoneMode::Device => StoredZone::Device,
            ZoneMode::Fixed { zone } => StoredZone::Fixed {
                zone: zone.name().to_string(),
            },
        },
        launch_at_login: settings.launch_at_login,
        clinic: &settings.clinic,
        care_reminders: settings.care_reminders,
        language: settings.language.name(),
    };
    serde_json::to_string(&stored).map_err(|e| StoreError::Encode {
        what: "settings",
        reason: e.to_string(),
    })
}

/// Reads a stored document: the settings, and every stored value that
/// could not be read and was reset to its default. A document that is not
/// a JSON object at all is an error (nothing in it can be trusted).
pub(super) fn read(json: &str) -> Result<(Settings, Vec<ValueReset>), StoreError> {
    let Ok(Value::Object(stored)) = serde_json::from_str::<Value>(json) else {
        return Err(unreadable("settings", json));
    };
    let mut s = Settings::default();
    let mut resets = Vec::new();
    // In the order the settings form shows them; other keys (a later
    // version's settings) are not ours to judge.
    // A document written before a key existed lacks it: the default holds.
    const KEYS: [&str; 8] = [
        "reminders_enabled",
        "reminder_time",
        "quiet_hours",
        "zone",
        "launch_at_login",
        "clinic",
        "care_reminders",
        "language",
    ];
    for (key, value) in KEYS
        .into_iter()
        .filter_map(|k| stored.get(k).map(|v| (k, v)))
    {
        let read = match key {
            "reminders_enabled" => from::<bool>(value).map(|v| s.reminders_enabled = v),
            "reminder_time" => from::<String>(value)
                .and_then(|t| time(&t))
                .map(|t| s.reminder_time = t),
            "quiet_hours" => from::<Option<StoredQuiet>>(value)
                .and_then(|q| q.map(quiet).transpose())
                .map(|q| s.quiet_hours = q),
            "zone" => from::<StoredZone>(value).and_then(zone).map(|z| s.zone = z),
            "launch_at_login" => from::<bool>(value).map(|v| s.launch_at_login = v),
            "care_reminders" => from::<bool>(value).map(|v| s.care_reminders = v),
            "language" => from::<String>(value)
                .and_then(|l| LanguageMode::parse(&l).ok_or(()))
                .map(|l| s.language = l),
            "clinic" => from::<StoredClinic>(value).map(|c| {
                s.clinic = Clinic {
                    name: c.name,
                    phone: c.phone,
                    email: c.email,
                    address: c.address,
                }
            }),
            _ => Ok(()),
        };
        if read.is_err() {
            let reset = reset(key, value, &Settings::default());
            // Read on every scheduler pass: reported to the client, not the log.
            log::debug!("store: {}", reset.message);
            resets.push(reset);
        }
    }
    Ok((s, resets))
}

fn from<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, ()> {
    T::deserialize(value).map_err(|_| ())
}

fn time(text: &str) -> Result<NaiveTime, ()> {
    aftercare::parse_time(text).map_err(|_| ())
}

fn quiet(q: StoredQuiet) -> Result<QuietHours, ()> {
    let (start, end) = (time(&q.start)?, time(&q.end)?);
    // Quiet hours that cover no time were never saved by the app.
    if start == end {
        return Err(());
    }
    Ok(QuietHours { start, end })
}

fn zone(z: StoredZone) -> Result<ZoneMode, ()> {
    match z {
        StoredZone::Device => Ok(ZoneMode::Device),
        StoredZone::Fixed { zone } => aftercare::parse_zone(&zone)
            .map(|zone| ZoneMode::Fixed { zone })
            .map_err(|_| ()),
    }
}

/// The report for a stored `key` whose `value` could not be read.
fn reset(key: &str, value: &Value, defaults: &Settings) -> ValueReset {
    let (what, instead) = match key {
        "reminders_enabled" => ("reminders setting", "reminders on".to_string()),
        "reminder_time" => ("reminder time", hhmm(defaults.reminder_time)),
        "quiet_hours" => ("quiet hours", "no quiet hours".to_string()),
        "zone" => ("time zone", "the device's zone".to_string()),
        "launch_at_login" => ("launch at login setting", "off".to_string()),
        "clinic" => ("clinic details", "none".to_string()),
        "care_reminders" => ("care reminders setting", "off".to_string()),
        "language" => ("language", "the device's language".to_string()),
        _ => ("setting", "its default".to_string()),
    };
    let stored = shorten(&value.to_string());
    ValueReset {
        field: key.to_string(),
        session_id: None,
        used: (key == "reminder_time").then(|| hhmm(defaults.reminder_time)),
        reason: None,
        message: format!(
            "the stored {what} {stored} could not be read; {instead} is used until you save your settings"
        ),
        stored,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_the_wrong_type_is_reset_and_reported() {
        let (s, resets) =
            read(r#"{"reminder_time": 830, "launch_at_login": true, "later": [1]}"#).unwrap();
        assert_eq!(
            s,
            Settings {
                launch_at_login: true,
                ..Settings::default()
            }
        );
        assert_eq!(
            resets,
            [ValueReset {
                field: "reminder_time".into(),
                session_id: None,
                stored: "830".into(),
                used: Some("09:00".into()),
                reason: None,
                message: "the stored reminder time 830 could not be read; 09:00 is used until you save your settings".into(),
            }]
        );
    }

    #[test]
    fn a_text_that_no_longer_parses_is_reported_not_replaced_silently() {
        let (s, resets) = read(
            r#"{"reminder_time": "25:00", "quiet_hours": {"start": "22:00", "end": "7am"},
                "zone": {"mode": "fixed", "zone": "Mars/Base"}}"#,
        )
        .unwrap();
        assert_eq!(s, Settings::default());
        let fields: Vec<&str> = resets.iter().map(|r| r.field.as_str()).collect();
        assert_eq!(fields, ["reminder_time", "quiet_hours", "zone"]);
        assert_eq!(
            resets[2].message,
            "the stored time zone {\"mode\":\"fixed\",\"zone\":\"Mars/Base\"} could not be read; the device's zone is used until you save your settings"
        );
    }

    #[test]
    fn what_is_written_reads_back() {
        let s = Settings {
            reminders_enabled: false,
            reminder_time: NaiveTime::from_hms_opt(7, 45, 0).unwrap(),
            quiet_hours: Some(QuietHours {
                start: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            }),
            zone: ZoneMode::Fixed {
                zone: chrono_tz::Europe::London,
            },
            launch_at_login: true,
            clinic: Clinic {
                name: "C".into(),
                phone: "1".into(),
                email: "c@example.com".into(),
                address: "1 High St".into(),
            },
            care_reminders: true,
            language: LanguageMode::Fixed(aftercare::Lang::Es),
        };
        let json = write(&s).unwrap();
        assert_eq!(
            json,
            r#"{"reminders_enabled":false,"reminder_time":"07:45","quiet_hours":{"start":"22:00","end":"07:00"},"zone":{"mode":"fixed","zone":"Europe/London"},"launch_at_login":true,"clinic":{"name":"C","phone":"1","email":"c@example.com","address":"1 High St"},"care_reminders":true,"language":"es"}"#
        );
        assert_eq!(read(&json).unwrap(), (s, vec![]));
    }

    #[test]
    fn settings_stored_before_the_language_setting_follow_the_device() {
        let (s, resets) = read(
            r#"{"reminders_enabled":true,"reminder_time":"08:15","quiet_hours":null,"zone":{"mode":"device"},"launch_at_login":false,"clinic":{"name":"C","phone":"","email":""},"care_reminders":false}"#,
        )
        .unwrap();
        assert_eq!(s.language, LanguageMode::Device);
        assert_eq!(s.reminder_time, NaiveTime::from_hms_opt(8, 15, 0).unwrap());
        assert_eq!(resets, []);
    }

    #[test]
    fn an_unknown_stored_language_is_reset_and_reported() {
        let (s, resets) = read(r#"{"language": "fr"}"#).unwrap();
        assert_eq!(s.language, LanguageMode::Device);
        assert_eq!(
            resets,
            [ValueReset {
                field: "language".into(),
                session_id: None,
                stored: "\"fr\"".into(),
                used: None,
                reason: None,
                message: "the stored language \"fr\" could not be read; the device's language is used until you save your settings".into(),
            }]
        );
    }

    #[test]
    fn settings_that_are_not_an_object_are_unreadable() {
        let e = read("[1, 2]").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the stored settings \"[1, 2]\" cannot be read"
        );
    }
}
