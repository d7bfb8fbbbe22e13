//! The app's own data: what the store keeps and the UI edits. Shared by the
//! store, the commands and the reminder scheduler, so each speaks of the same
//! things with the same names.

use aftercare::Lang;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::AppError;

/// A booked session as stored: the row id lets the UI edit or delete it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SessionRow {
    /// Store row id.
    pub id: i64,
    /// The session's date (the client's calendar date).
    pub date: NaiveDate,
}

/// Which protocol the plan follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProtocolChoice {
    /// A built-in protocol by id.
    Builtin {
        /// Such as `four-to-thirty`.
        id: String,
    },
    /// A clinic's own file, kept as its full text so it survives the file
    /// being moved or deleted.
    Imported {
        /// The file name it was imported from, for messages.
        source_name: String,
        /// The TOML text (at most `aftercare::protocol::MAX_PROTOCOL_BYTES`,
        /// validated by the engine).
        text: String,
    },
}

/// An imported protocol as the store keeps it (schema V4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    /// Store row id: the picker chooses it by this.
    pub id: i64,
    /// The file name it was imported from.
    pub source_name: String,
    /// Its TOML text.
    pub text: String,
}

impl Default for ProtocolChoice {
    fn default() -> Self {
        ProtocolChoice::Builtin {
            id: aftercare::DEFAULT_PROTOCOL.to_string(),
        }
    }
}

/// Whether the operating system lets the app show notifications.
///
/// Desktop notification servers ask no permission, so there it is always
/// `granted`; Android 13+ and iOS ask the user once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NotificationPermission {
    /// Notifications may be shown.
    Granted,
    /// The user refused; only the system settings can change that.
    Denied,
    /// Not asked yet (or the question was dismissed): the app may ask.
    NotAsked,
}

/// Which zone the days and reminders are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZoneMode {
    /// Follow the device's zone, also when travelling.
    #[default]
    Device,
    /// Keep a fixed home zone.
    Fixed {
        /// The zone.
        zone: Tz,
    },
}

impl ZoneMode {
    /// The zone days are counted in, given the device's.
    pub fn zone(self, device_zone: Tz) -> Tz {
        match self {
            ZoneMode::Device => device_zone,
            ZoneMode::Fixed { zone } => zone,
        }
    }
}

/// Which language the app speaks: the device's (when the app has messages
/// for it, else English) or one the client chose.
///
/// ```
/// use aftercare::Lang;
/// use smp_aftercare_lib::model::LanguageMode;
///
/// assert_eq!(LanguageMode::Device.lang(Lang::Es), Lang::Es);
/// assert_eq!(LanguageMode::Fixed(Lang::En).lang(Lang::Es), Lang::En);
/// assert_eq!(LanguageMode::parse("es"), Some(LanguageMode::Fixed(Lang::Es)));
/// assert_eq!(LanguageMode::Fixed(Lang::Es).name(), "es");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanguageMode {
    /// Follow the device's language.
    #[default]
    Device,
    /// Always this language.
    Fixed(Lang),
}

impl LanguageMode {
    /// The language spoken, given the device's.
    pub fn lang(self, device: Lang) -> Lang {
        match self {
            LanguageMode::Device => device,
            LanguageMode::Fixed(lang) => lang,
        }
    }

    /// The name the settings form and the store use: `device`, `en`, `es`.
    pub fn name(self) -> &'static str {
        match self {
            LanguageMode::Device => "device",
            LanguageMode::Fixed(lang) => lang.tag(),
        }
    }

    /// The mode a name stands for ([`LanguageMode::name`]), if any.
    pub fn parse(name: &str) -> Option<LanguageMode> {
        if name == "device" {
            return Some(LanguageMode::Device);
        }
        Lang::ALL
            .into_iter()
            .find(|l| l.tag() == name)
            .map(LanguageMode::Fixed)
    }
}

/// A daily span in which no notification is shown; reminders due inside it
/// are delivered when it ends. `start` may be later than `end` (overnight).
/// The rules that read it live in `reminders/quiet.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    /// First quiet minute (inclusive).
    pub start: NaiveTime,
    /// First minute that is no longer quiet (exclusive).
    pub end: NaiveTime,
}

/// The clinic's contact details, shown in the app (tap to call or write).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type, Default)]
pub struct Clinic {
    /// Clinic name.
    pub name: String,
    /// Phone number as the client types it.
    pub phone: String,
    /// Email address.
    pub email: String,
    /// Postal address, one line (from a clinic's plan, or typed). Settings
    /// stored before it existed read as empty (`store/settings.rs` reads
    /// every clinic detail as optional).
    pub address: String,
}

/// Everything the client can set, typed: times are times and zones are
/// zones. On the wire it travels as [`SettingsForm`]; in the store as JSON
/// text (`store/settings.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Whether reminders are delivered at all.
    pub reminders_enabled: bool,
    /// Local time of day for reminders.
    pub reminder_time: NaiveTime,
    /// Quiet hours, if any.
    pub quiet_hours: Option<QuietHours>,
    /// Device zone or a fixed home zone.
    pub zone: ZoneMode,
    /// Start the app (in the tray) at login, so reminders fire.
    pub launch_at_login: bool,
    /// The clinic's contact details.
    pub clinic: Clinic,
    /// Nudges during the day for care the clinic asks for several times a
    /// day and that is not ticked off often enough yet ("Remind me to
    /// moisturise during the day"). Off until the client turns it on.
    pub care_reminders: bool,
    /// The app's language: the device's, or one the client chose.
    pub language: LanguageMode,
}

/// The reminder time until the client picks one.
pub const DEFAULT_REMINDER_TIME: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

impl Default for Settings {
    fn default() -> Self {
        Settings {
            reminders_enabled: true,
            reminder_time: DEFAULT_REMINDER_TIME,
            quiet_hours: None,
            zone: ZoneMode::Device,
            launch_at_login: false,
            clinic: Clinic::default(),
            care_reminders: false,
            language: LanguageMode::Device,
        }
    }
}

/// A time of day as the wire and the store write it: "HH:MM".
pub fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The settings as they cross IPC: every field required, times as "HH:MM"
/// and zones as IANA names. `commands::settings::validate` turns one into
/// [`Settings`], naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct SettingsForm {
    /// Whether reminders are delivered at all.
    pub reminders_enabled: bool,
    /// Local time of day for reminders, "HH:MM".
    pub reminder_time: String,
    /// Quiet hours, if any.
    pub quiet_hours: Option<QuietHoursForm>,
    /// Device zone or a fixed home zone.
    pub zone: ZoneChoice,
    /// Start the app (in the tray) at login, so reminders fire.
    pub launch_at_login: bool,
    /// The clinic's contact details.
    pub clinic: Clinic,
    /// See [`Settings::care_reminders`].
    pub care_reminders: bool,
    /// The app's language: `device` (follow the device), `en` or `es`.
    pub language: String,
}

/// Quiet hours on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct QuietHoursForm {
    /// "22:00".
    pub start: String,
    /// "07:00".
    pub end: String,
}

/// The zone choice on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum ZoneChoice {
    /// Follow the device's zone, also when travelling.
    Device,
    /// Keep a fixed home zone (IANA name such as `Europe/London`).
    Fixed {
        /// IANA zone name.
        zone: String,
    },
}

impl From<&Settings> for SettingsForm {
    fn from(s: &Settings) -> SettingsForm {
        SettingsForm {
            reminders_enabled: s.reminders_enabled,
            reminder_time: hhmm(s.reminder_time),
            quiet_hours: s.quiet_hours.map(|q| QuietHoursForm {
                start: hhmm(q.start),
                end: hhmm(q.end),
            }),
            zone: match s.zone {
                ZoneMode::Device => ZoneChoice::Device,
                ZoneMode::Fixed { zone } => ZoneChoice::Fixed {
                    zone: zone.name().to_string(),
                },
            },
            launch_at_login: s.launch_at_login,
            clinic: s.clinic.clone(),
            care_reminders: s.care_reminders,
            language: s.language.name().to_string(),
        }
    }
}

/// A stored value that could not be read (edited by hand, damaged, or
/// written by another version): a setting, a session date, the planned
/// count or the protocol choice. It was replaced by its default (or, for a
/// session, left out of the plan) for now, so that the app keeps working
/// and reminders keep coming, and the UI says so until the client repairs
/// it. The stored value itself is left where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ValueReset {
    /// What it is: a setting as the settings form names it
    /// (`reminder_time`), or `session`, `planned`, `protocol`, `settings`
    /// (the whole settings document).
    pub field: String,
    /// For an unreadable session: its row id, so it can be deleted.
    pub session_id: Option<i64>,
    /// The stored value (shortened), as JSON.
    pub stored: String,
    /// The value used instead, when it is one to show (the default
    /// reminder time, `09:00`); `None` when `field` says what is used.
    pub used: Option<String>,
    /// Why the engine refused what was stored (a protocol, a plan it
    /// can't build), as a command's error; `None` when it just could not
    /// be read.
    pub reason: Option<AppError>,
    /// What happened, naming the value and what is used instead, in
    /// English for the log and developers: the UI words it in the
    /// client's language from the fields above.
    pub message: String,
}

/// How a reminder left the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryHow {
    /// Shown as its own notification, on time.
    Notification,
    /// Shown late, folded into one summary notification (missed while the
    /// app was not running or the machine slept, or held by quiet hours).
    Summary,
    /// Too old to notify about (missed by more than a day): listed in the
    /// app only.
    Missed,
    /// Claimed, but the notification server did not take it; the error is
    /// kept in the log and shown in the app.
    Failed,
    /// Already due when the client entered it (a past session booked, or a
    /// session moved): they could not have had it, so it is neither shown
    /// late nor listed as missed.
    BeforePlan,
}

impl DeliveryHow {
    /// The text stored in the log's `how` column.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryHow::Notification => "notification",
            DeliveryHow::Summary => "summary",
            DeliveryHow::Missed => "missed",
            DeliveryHow::Failed => "failed",
            DeliveryHow::BeforePlan => "before_plan",
        }
    }

    /// Reads the `how` column back.
    pub fn parse(s: &str) -> Option<DeliveryHow> {
        [
            DeliveryHow::Notification,
            DeliveryHow::Summary,
            DeliveryHow::Missed,
            DeliveryHow::Failed,
            DeliveryHow::BeforePlan,
        ]
        .into_iter()
        .find(|h| h.as_str() == s)
    }
}

/// One row of the reminder log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct LogEntry {
    /// The engine's stable reminder id.
    pub id: String,
    /// When it was due.
    pub due: DateTime<Utc>,
    /// When it was claimed for delivery.
    pub delivered_at: DateTime<Utc>,
    /// How it was delivered.
    pub how: DeliveryHow,
    /// The notifier's error, for `Failed`.
    pub error: Option<String>,
}
