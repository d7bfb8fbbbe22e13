//! The IPC argument decoding of every command of the app, as Tauri does
//! it, then each command's checks of its input that run before the store
//! is touched (`src-tauri/src/commands/`, `src-tauri/src/limits.rs`).
//!
//! The web page invokes a command with one JSON object, its arguments by
//! camelCase name. Tauri parses the body into a [`Value`] and deserializes
//! each argument from the value under its key with `serde_json::Value`'s
//! deserializer; a missing key is `None` for an `Option` argument and an
//! error otherwise (`tauri::ipc::CommandItem`). [`Arg`] does the same, so
//! one fuzzed body is decoded as the arguments of every command, with the
//! app's own types. Commands without arguments decode nothing and are not
//! listed; `photo_add`'s `on_progress` is a channel the webview creates,
//! not data, and is not decoded.

use aftercare::date_entry::{DateOrder, check_session_date, parse_typed_date};
use aftercare::{PlanFile, Protocol, Symptoms};
use chrono::NaiveDate;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::Value;
use smp_aftercare_lib::commands::handover::HandoverSource;
use smp_aftercare_lib::commands::settings::validate;
use smp_aftercare_lib::error::AppError;
use smp_aftercare_lib::limits;
use smp_aftercare_lib::model::SettingsForm;

/// One argument of a command: the value under `key` of the body, read the
/// way `tauri::ipc::CommandItem` reads it.
struct Arg<'a> {
    body: &'a Value,
    key: &'static str,
}

impl<'a> Arg<'a> {
    /// The value under the key; an error when it is missing.
    fn value(&self) -> Result<&'a Value, serde_json::Error> {
        self.body
            .get(self.key)
            .ok_or_else(|| de::Error::custom(format!("missing required key {}", self.key)))
    }
}

/// Every request is passed to the value under the key; only `Option`
/// differs: a missing key is `None`, as Tauri has it.
macro_rules! pass {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error> {
            self.value()?.$name($($arg,)* visitor)
        })*
    };
}

impl<'de> Deserializer<'de> for Arg<'de> {
    type Error = serde_json::Error;

    pass! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_u8(); deserialize_u16();
        deserialize_u32(); deserialize_u64(); deserialize_f32(); deserialize_f64();
        deserialize_char(); deserialize_str(); deserialize_string(); deserialize_bytes();
        deserialize_byte_buf(); deserialize_unit(); deserialize_seq(); deserialize_map();
        deserialize_identifier(); deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.body.get(self.key) {
            Some(value) => value.deserialize_option(visitor),
            None => visitor.visit_none(),
        }
    }
}

/// Decodes argument `key` of `body` as `T`, as Tauri does before calling
/// the command.
fn arg<T: DeserializeOwned>(body: &Value, key: &'static str) -> Option<T> {
    T::deserialize(Arg { body, key }).ok()
}

/// What a command answers with when its input is refused: the error as
/// the page receives it (JSON), worded as the UI logs it.
fn answer(result: Result<(), AppError>) {
    if let Err(error) = result {
        let _ = error.to_string();
        let _ = serde_json::to_string(&error);
    }
}

/// `sessions::parse_date`: a date from the page, `YYYY-MM-DD`.
fn page_date(text: &str, field: &str) -> Result<NaiveDate, AppError> {
    limits::date_in(field, text)?;
    aftercare::parse_date(text.trim()).map_err(|e| AppError::from_engine(e, field))
}

/// Dates a plan holds, for the checks that compare a date with them.
fn booked() -> Vec<NaiveDate> {
    ["2026-03-02", "2026-03-16"]
        .into_iter()
        .filter_map(|d| aftercare::parse_date(d).ok())
        .collect()
}

/// The fuzz target: `data` as the JSON body of every command.
pub fn ipc_args(data: &[u8]) {
    // Tauri refuses a body that is not JSON before any command sees it.
    let Ok(body) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let body = &body;

    // care_tick, care_untick (care: String)
    if let Some(care) = arg::<String>(body, "care") {
        answer(limits::care_id(&care));
    }
    // care_ticks (from: String, to: String)
    if let (Some(from), Some(to)) = (arg::<String>(body, "from"), arg::<String>(body, "to")) {
        answer((|| {
            let from = page_date(&from, "from")?;
            let to = page_date(&to, "to")?;
            limits::day_range(from, to)
        })());
    }
    // first_run (protocol: Option<String>, settings: SettingsForm, date: String)
    if let (Some(protocol), Some(settings), Some(date)) = (
        arg::<Option<String>>(body, "protocol"),
        arg::<SettingsForm>(body, "settings"),
        arg::<String>(body, "date"),
    ) {
        answer((|| {
            if let Some(id) = &protocol {
                limits::protocol_id(id)?;
            }
            limits::settings(&settings)?;
            limits::date(&date)?;
            if let Some(id) = &protocol {
                Protocol::builtin(id).map_err(|e| AppError::from_engine(e, "protocol"))?;
            }
            validate(settings)?;
            page_date(&date, "date").map(|_| ())
        })());
    }
    // settings_set (settings: SettingsForm)
    if let Some(settings) = arg::<SettingsForm>(body, "settings") {
        answer(limits::settings(&settings).and_then(|()| validate(settings).map(|_| ())));
    }
    // handover_preview (source), handover_apply (source, fingerprint: String)
    if let Some(source) = arg::<HandoverSource>(body, "source") {
        let _ = arg::<String>(body, "fingerprint");
        if let HandoverSource::Link { link } = source {
            // `handover::open`: the file variant reads a file, not input.
            let link = link.trim();
            if link.len() <= aftercare::handover::MAX_LINK_BYTES {
                answer(
                    PlanFile::from_link(link)
                        .map(|_| ())
                        .map_err(|e| AppError::from_engine(e, "link")),
                );
            }
        }
    }
    // check_in_get (date: Option<String>), status_on (date: Option<String>)
    if let Some(Some(date)) = arg::<Option<String>>(body, "date") {
        answer(page_date(&date, "date").map(|_| ()));
    }
    // check_in_save (date: String, symptoms: Symptoms, note: String, photos: Vec<String>)
    if let (Some(date), Some(_symptoms), Some(note), Some(photos)) = (
        arg::<String>(body, "date"),
        arg::<Symptoms>(body, "symptoms"),
        arg::<String>(body, "note"),
        arg::<Vec<String>>(body, "photos"),
    ) {
        answer((|| {
            page_date(&date, "date")?;
            limits::note(&note)?;
            limits::photo_hashes(&photos)
        })());
    }
    // photo_add (data: String, on_progress: Channel)
    if let Some(data) = arg::<String>(body, "data") {
        answer(limits::photo_data(&data));
    }
    // journal_share (dates: Vec<String>)
    if let Some(dates) = arg::<Vec<String>>(body, "dates") {
        answer((|| {
            limits::share_dates(&dates, 3)?;
            for text in &dates {
                aftercare::parse_date(text.trim())
                    .map_err(|e| AppError::from_engine(e, "dates"))?;
            }
            Ok(())
        })());
    }
    // protocol_select (id: String), session_delete (id: i64),
    // session_edit (id: i64, date: String)
    if let Some(id) = arg::<String>(body, "id") {
        answer(limits::protocol_id(&id).and_then(|()| {
            Protocol::builtin(&id)
                .map(|_| ())
                .map_err(|e| AppError::from_engine(e, "protocol"))
        }));
    }
    let _ = arg::<i64>(body, "id");
    // protocol_select_imported (imported_id: i64)
    let _ = arg::<i64>(body, "importedId");
    // protocol_check, protocol_import (source_name: String, text: String)
    if let (Some(source_name), Some(text)) = (
        arg::<String>(body, "sourceName"),
        arg::<String>(body, "text"),
    ) {
        answer(limits::protocol_import(&source_name, &text).and_then(|()| {
            Protocol::from_toml(&source_name, &text)
                .map(|p| {
                    let _ = p.in_lang(aftercare::Lang::Es);
                })
                .map_err(|e| AppError::from_engine(e, "file"))
        }));
    }
    // reminders_upcoming (limit: u32)
    let _ = arg::<u32>(body, "limit");
    // session_check (id: Option<i64>, text: String, order: DateOrder)
    if let (Some(_id), Some(text), Some(order)) = (
        arg::<Option<i64>>(body, "id"),
        arg::<String>(body, "text"),
        arg::<DateOrder>(body, "order"),
    ) {
        answer((|| {
            limits::date(&text)?;
            let date = parse_typed_date(&text, order).map_err(|p| AppError::date("date", p))?;
            let protocol = Protocol::builtin(aftercare::DEFAULT_PROTOCOL)
                .map_err(|e| AppError::from_engine(e, "protocol"))?;
            check_session_date(&protocol, &booked(), None, date)
                .map(|_| ())
                .map_err(|p| AppError::date("date", p))
        })());
    }
    // planned_set (planned: Option<u32>)
    if let Some(Some(n)) = arg::<Option<u32>>(body, "planned")
        && (n == 0 || n > aftercare::error::MAX_PLANNED)
    {
        let refused = aftercare::Error::InvalidPlanned {
            planned: n,
            sessions: 0,
        };
        answer(Err(AppError::from_engine(refused, "planned")));
    }
}
