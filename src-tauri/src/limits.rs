//! The size of everything the page may send: every IPC string has a
//! maximum, checked here, in one place, before a command parses, stores or
//! schedules anything. The page is trusted no more than any other input: a
//! 64 MiB file name once grew the database to 145 MiB and made the
//! scheduler (which re-reads the plan row every minute) 40 times busier.
//!
//! The limits the UI's inputs need are exported into `ui/src/bindings.ts`
//! (`src/bindings.rs`), so no number is written down twice.
//!
//! | input | field | maximum |
//! | --- | --- | --- |
//! | imported protocol's file name | `source_name` | [`MAX_FILE_NAME_BYTES`] bytes |
//! | imported protocol's text | `file` | [`MAX_PROTOCOL_BYTES`] bytes (the engine's) |
//! | clinic name, phone, email, address | `clinic.*` | [`MAX_NOTE_CHARS`] characters |
//! | dates, times, zone names, protocol ids | their field | [`MAX_VALUE_BYTES`] bytes |
//! | booked sessions | `date` | [`MAX_SESSIONS`] (the engine's `MAX_PLANNED`) |
//! | a care item's id (`care_tick`, `care_untick`) | `care` | [`MAX_VALUE_BYTES`] bytes |
//! | the days of ticks asked for (`care_ticks`) | `from`, `to` | [`MAX_VALUE_BYTES`] bytes each; [`MAX_RANGE_DAYS`] days |
//! | a check-in's note (`check_in_save`) | `note` | [`MAX_NOTE_CHARS`] characters |
//! | a check-in's photos (`check_in_save`) | `photos` | [`MAX_PHOTOS_PER_CHECK_IN`] hashes of [`MAX_VALUE_BYTES`] bytes |
//! | a photo's file (`photo_add`) | `photos` | [`MAX_PHOTO_BYTES`](crate::photos::MAX_PHOTO_BYTES) bytes once decoded |
//! | the days to share (`journal_share`) | `dates` | as many as the journal holds |

use crate::error::AppError;
use crate::model::{SettingsForm, ZoneChoice};
use crate::problem::{Input, Problem, Unit, count};

/// The longest file name accepted (a file name on every common file system).
pub const MAX_FILE_NAME_BYTES: usize = 255;
/// The largest protocol file accepted: the engine's own limit.
pub const MAX_PROTOCOL_BYTES: usize = aftercare::protocol::MAX_PROTOCOL_BYTES;
/// The longest free text kept (clinic name, phone, email).
pub const MAX_NOTE_CHARS: usize = 200;
/// The longest short value: a date (`2026-03-20`), a time (`09:00`), an
/// IANA zone name (the longest is 32 bytes) or a protocol id.
pub const MAX_VALUE_BYTES: usize = 64;
/// The most sessions a plan holds: the engine's `MAX_PLANNED`.
pub const MAX_SESSIONS: u32 = aftercare::error::MAX_PLANNED;

/// The most days one `care_ticks` call covers: a year and a day, the
/// longest a protocol's day numbers reach, so the timeline of any plan
/// fits in a call or two.
pub const MAX_RANGE_DAYS: u32 = 366;

/// The most photos one check-in holds: enough to show the scalp from every
/// side, few enough that a clinic file with a week of check-ins still
/// opens in a mail client.
pub const MAX_PHOTOS_PER_CHECK_IN: usize = 12;

/// How a limit counts.
#[derive(Debug, Clone, Copy)]
enum Max {
    /// UTF-8 bytes (what is stored and parsed).
    Bytes(usize),
    /// Characters (what the client types and sees).
    Chars(usize),
}

/// Refuses `value` beside `field` when it is longer than `max`. Counting
/// stops one past the limit, so an oversized value costs no more than that.
fn check(field: &str, what: Input, value: &str, max: Max) -> Result<(), AppError> {
    let (over, limit, unit) = match max {
        Max::Bytes(n) => (value.len() > n, n, Unit::Bytes),
        Max::Chars(n) => (value.chars().nth(n).is_some(), n, Unit::Characters),
    };
    if over {
        return Err(AppError::invalid(
            field,
            Problem::TooLong {
                what,
                most: count(limit),
                unit,
            },
        ));
    }
    Ok(())
}

/// `protocol_import`: the file's name and its text.
pub fn protocol_import(source_name: &str, text: &str) -> Result<(), AppError> {
    check(
        "source_name",
        Input::FileName,
        source_name,
        Max::Bytes(MAX_FILE_NAME_BYTES),
    )?;
    check(
        "file",
        Input::ProtocolFile,
        text,
        Max::Bytes(MAX_PROTOCOL_BYTES),
    )
}

/// A built-in protocol's id (`protocol_select`, `first_run`).
pub fn protocol_id(id: &str) -> Result<(), AppError> {
    check(
        "protocol",
        Input::ProtocolId,
        id,
        Max::Bytes(MAX_VALUE_BYTES),
    )
}

/// A date (`session_check`, `session_add`, `session_edit`, `status_on`, `first_run`).
pub fn date(date: &str) -> Result<(), AppError> {
    check("date", Input::Date, date, Max::Bytes(MAX_VALUE_BYTES))
}

/// A date sent in `field` (`care_ticks`: `from`, `to`).
pub fn date_in(field: &str, date: &str) -> Result<(), AppError> {
    check(field, Input::Date, date, Max::Bytes(MAX_VALUE_BYTES))
}

/// A care item's id (`care_tick`, `care_untick`).
pub fn care_id(id: &str) -> Result<(), AppError> {
    check("care", Input::CareId, id, Max::Bytes(MAX_VALUE_BYTES))
}

/// A range of days asked for (`care_ticks`): `to` not before `from`, at
/// most [`MAX_RANGE_DAYS`] days (counted by the engine).
pub fn day_range(from: chrono::NaiveDate, to: chrono::NaiveDate) -> Result<(), AppError> {
    match aftercare::care::days_in_range(from, to) {
        None => Err(AppError::invalid(
            "to",
            Problem::RangeBackwards { from, to },
        )),
        Some(n) if n > MAX_RANGE_DAYS => Err(AppError::invalid(
            "to",
            Problem::RangeTooLong {
                from,
                to,
                days: n,
                most: MAX_RANGE_DAYS,
            },
        )),
        Some(_) => Ok(()),
    }
}

/// Every string of the settings form (`settings_set`, `first_run`).
pub fn settings(form: &SettingsForm) -> Result<(), AppError> {
    let value = Max::Bytes(MAX_VALUE_BYTES);
    check(
        "reminder_time",
        Input::ReminderTime,
        &form.reminder_time,
        value,
    )?;
    if let Some(q) = &form.quiet_hours {
        check("quiet_hours.start", Input::QuietStart, &q.start, value)?;
        check("quiet_hours.end", Input::QuietEnd, &q.end, value)?;
    }
    if let ZoneChoice::Fixed { zone } = &form.zone {
        check("zone", Input::Zone, zone, value)?;
    }
    check("language", Input::Language, &form.language, value)?;
    let note = Max::Chars(MAX_NOTE_CHARS);
    check("clinic.name", Input::ClinicName, &form.clinic.name, note)?;
    check("clinic.phone", Input::ClinicPhone, &form.clinic.phone, note)?;
    check("clinic.email", Input::ClinicEmail, &form.clinic.email, note)?;
    check(
        "clinic.address",
        Input::ClinicAddress,
        &form.clinic.address,
        note,
    )
}

/// The number of sessions a change leaves booked.
pub fn sessions(booked: usize) -> Result<(), AppError> {
    if booked > MAX_SESSIONS as usize {
        return Err(AppError::invalid(
            "date",
            Problem::TooManySessions { most: MAX_SESSIONS },
        ));
    }
    Ok(())
}

/// A check-in's note (`check_in_save`).
pub fn note(note: &str) -> Result<(), AppError> {
    check("note", Input::Note, note, Max::Chars(MAX_NOTE_CHARS))
}

/// A check-in's photo hashes (`check_in_save`): how many, and each one's
/// length (a SHA-256 in hex is 64 bytes).
pub fn photo_hashes(hashes: &[String]) -> Result<(), AppError> {
    if hashes.len() > MAX_PHOTOS_PER_CHECK_IN {
        return Err(AppError::invalid(
            "photos",
            Problem::TooManyPhotos {
                most: count(MAX_PHOTOS_PER_CHECK_IN),
                over: count(hashes.len() - MAX_PHOTOS_PER_CHECK_IN),
            },
        ));
    }
    for hash in hashes {
        check("photos", Input::PhotoId, hash, Max::Bytes(MAX_VALUE_BYTES))?;
    }
    Ok(())
}

/// A photo's file as base64 (`photo_add`), measured before it is decoded:
/// base64 holds 3 bytes in every 4 characters, so a longer text can only
/// decode to more than [`MAX_PHOTO_BYTES`](crate::photos::MAX_PHOTO_BYTES).
pub fn photo_data(data: &str) -> Result<(), AppError> {
    let max = crate::photos::MAX_PHOTO_BYTES;
    let most_chars = max.div_ceil(3) * 4;
    if data.len() > most_chars {
        return Err(AppError::invalid(
            "photos",
            Problem::PhotoTooLarge {
                megabytes: count((data.len() / 4 * 3).div_ceil(1_000_000)),
                most: count(max / 1_000_000),
            },
        ));
    }
    Ok(())
}

/// The days asked for in `journal_share`: at most as many as the journal
/// holds, each a short value.
pub fn share_dates(dates: &[String], journal_size: usize) -> Result<(), AppError> {
    if dates.len() > journal_size {
        return Err(AppError::invalid(
            "dates",
            Problem::TooManyDays {
                asked: count(dates.len()),
                held: count(journal_size),
            },
        ));
    }
    for date in dates {
        check("dates", Input::Date, date, Max::Bytes(MAX_VALUE_BYTES))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(r: Result<(), AppError>) -> (Option<String>, String) {
        match r {
            Err(AppError::Invalid { field, message, .. }) => (field, message),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn a_value_at_the_limit_passes_and_one_more_is_refused() {
        let name = "a".repeat(MAX_FILE_NAME_BYTES);
        assert_eq!(protocol_import(&name, "x"), Ok(()));
        assert_eq!(
            refused(protocol_import(&format!("{name}a"), "x")),
            (
                Some("source_name".into()),
                "the file name is too long: at most 255 bytes".into()
            )
        );
        let text = "#".repeat(MAX_PROTOCOL_BYTES);
        assert_eq!(protocol_import("a.toml", &text), Ok(()));
        assert_eq!(
            refused(protocol_import("a.toml", &format!("{text}#"))),
            (
                Some("file".into()),
                "the protocol file is too long: at most 65536 bytes".into()
            )
        );
    }

    #[test]
    fn notes_count_characters_not_bytes() {
        let mut form = SettingsForm::from(&crate::model::Settings::default());
        form.clinic.name = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(settings(&form), Ok(()));
        form.clinic.name.push('é');
        assert_eq!(
            refused(settings(&form)),
            (
                Some("clinic.name".into()),
                "the clinic's name is too long: at most 200 characters".into()
            )
        );
    }

    #[test]
    fn day_ranges_are_ordered_and_bounded() {
        let d = |s: &str| aftercare::parse_date(s).unwrap();
        assert_eq!(day_range(d("2026-03-02"), d("2026-03-02")), Ok(()));
        assert_eq!(day_range(d("2026-01-01"), d("2027-01-01")), Ok(()));
        assert_eq!(
            refused(day_range(d("2026-01-01"), d("2027-01-02"))),
            (
                Some("to".into()),
                "2026-01-01 to 2027-01-02 is 367 days; ask for at most 366 at a time".into()
            )
        );
        assert_eq!(
            refused(day_range(d("2026-03-02"), d("2026-03-01"))),
            (
                Some("to".into()),
                "2026-03-01 is before 2026-03-02: give the earlier date first".into()
            )
        );
    }

    #[test]
    fn care_ids_are_short_values() {
        assert_eq!(care_id(&"a".repeat(MAX_VALUE_BYTES)), Ok(()));
        assert_eq!(
            refused(care_id(&"a".repeat(MAX_VALUE_BYTES + 1))),
            (
                Some("care".into()),
                "the care id is too long: at most 64 bytes".into()
            )
        );
    }

    #[test]
    fn sessions_stop_at_the_engines_maximum() {
        assert_eq!(sessions(12), Ok(()));
        assert_eq!(refused(sessions(13)).0, Some("date".into()));
    }

    #[test]
    fn check_in_notes_and_photos_are_bounded() {
        assert_eq!(note(&"é".repeat(MAX_NOTE_CHARS)), Ok(()));
        assert_eq!(
            refused(note(&"é".repeat(MAX_NOTE_CHARS + 1))),
            (
                Some("note".into()),
                "the note is too long: at most 200 characters".into()
            )
        );
        let hash = "a".repeat(64);
        assert_eq!(photo_hashes(&vec![hash.clone(); 12]), Ok(()));
        assert_eq!(
            refused(photo_hashes(&vec![hash; 14])),
            (
                Some("photos".into()),
                "a check-in holds at most 12 photos; remove 2 to save it".into()
            )
        );
    }

    #[test]
    fn a_photo_too_large_is_refused_before_it_is_decoded() {
        let most = crate::photos::MAX_PHOTO_BYTES.div_ceil(3) * 4;
        assert_eq!(photo_data(&"A".repeat(most)), Ok(()));
        assert_eq!(
            refused(photo_data(&"A".repeat(most + 4 * 1_000_000))),
            (
                Some("photos".into()),
                "this photo is too large (33 MB): at most 30 MB".into()
            )
        );
    }
}
