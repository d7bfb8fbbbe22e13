//! The one error type of the engine.
//!
//! Every message names the value that was wrong, and for protocol files the
//! file, line and field, so that a person can fix their input without
//! reading the source. Values are quoted as Rust's `{:?}` does: an ordinary
//! value reads `"2026-02-30"`, and one holding a line break or ESC reads
//! `"2026-01-01\n"`, so every message stays one inert line. The enum is tagged when serialized (`{"kind": ...}`)
//! so that the app can hand it to the UI as a union it can tell apart.
//! [`Error::message_in`] (`src/error_text.rs`) words it in another language.

use chrono::NaiveDate;
use serde::Serialize;

/// Everything that can go wrong when reading input or building a plan.
///
/// # Example
///
/// ```
/// use aftercare::{Error, parse_date};
///
/// let err = parse_date("2026-02-30").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid date \"2026-02-30\": there is no such day in the calendar (expected YYYY-MM-DD)",
/// );
/// assert!(matches!(err, Error::InvalidDate { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// A date that is not `YYYY-MM-DD` or not a real calendar day.
    #[error("invalid date {value:?}: {reason} (expected YYYY-MM-DD)")]
    InvalidDate {
        /// The text as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A time of day that is not `HH:MM`.
    #[error("invalid time {value:?}: expected HH:MM on a 24-hour clock, such as 09:00")]
    InvalidTime {
        /// The text as given.
        value: String,
    },
    /// A zone name that is not in the IANA time-zone database.
    #[error("unknown time zone {value:?}: expected an IANA zone name such as Europe/London")]
    UnknownZone {
        /// The text as given.
        value: String,
    },
    /// A protocol id that is not one of the built-in protocols.
    #[error("unknown protocol {value:?} (built-in protocols: {known})")]
    UnknownProtocol {
        /// The id as given.
        value: String,
        /// The built-in ids, comma separated.
        known: String,
    },
    /// A protocol file that does not parse or does not make sense.
    #[error("{}", protocol_message(source_name, *line, field.as_deref(), message))]
    Protocol {
        /// Where the text came from: a path, or `builtin:<id>`.
        source_name: String,
        /// 1-based line of the offending value, where known.
        line: Option<u32>,
        /// The field (TOML key) at fault, where known.
        field: Option<String>,
        /// What is wrong, naming the offending value.
        message: String,
    },
    /// A file that is not a protocol at all: a PDF, a picture, a binary
    /// file. The message is one sentence for the client, saying what the
    /// file is and what to do instead.
    #[error("{source_name}: {}", file.sentence())]
    NotAProtocol {
        /// Where the bytes came from: a path or a file name.
        source_name: String,
        /// What the file is.
        file: crate::protocol::FileKind,
    },
    /// A plan without any session date.
    #[error("a plan needs at least one session date")]
    NoSessions,
    /// The same session date given more than once.
    #[error("session {date} is given twice")]
    DuplicateSession {
        /// The repeated date.
        date: NaiveDate,
    },
    /// A planned count that cannot hold the sessions given, or is out of range.
    #[error("{}", planned_message(*planned, *sessions))]
    InvalidPlanned {
        /// The planned number of sessions.
        planned: u32,
        /// How many session dates were given.
        sessions: u32,
    },
    /// A `.smpplan` file that does not parse, is too large or too new, or
    /// whose plan does not make sense (`src/handover.rs`).
    #[error("{}", protocol_message(source_name, *line, field.as_deref(), message))]
    PlanFile {
        /// Where the file came from: a path or a file name.
        source_name: String,
        /// 1-based line of the offending value, where known.
        line: Option<u32>,
        /// The field (TOML key) at fault, where known.
        field: Option<String>,
        /// What is wrong, naming the offending value.
        message: String,
        /// What kind of fault it is, for a reader that words it itself.
        fault: crate::handover::Fault,
    },
    /// A `smp-aftercare://plan` link that is damaged, too long, of a newer
    /// version, altered, or whose plan does not make sense.
    #[error("plan link: {message}")]
    PlanLink {
        /// What is wrong.
        message: String,
        /// What kind of fault it is, for a reader that words it itself.
        fault: crate::handover::Fault,
    },
}

/// The largest number of sessions a plan may hold. Clinics give 2-4; the
/// headroom allows for extra touch-ups without letting a typo plan hundreds.
pub const MAX_PLANNED: u32 = 12;

fn protocol_message(
    source_name: &str,
    line: Option<u32>,
    field: Option<&str>,
    message: &str,
) -> String {
    let mut out = source_name.to_string();
    if let Some(line) = line {
        out.push_str(&format!(": line {line}"));
    }
    if let Some(field) = field {
        out.push_str(&format!(", field {field:?}"));
    }
    out.push_str(": ");
    out.push_str(message);
    out
}

fn planned_message(planned: u32, sessions: u32) -> String {
    if planned == 0 || planned > MAX_PLANNED {
        format!("planned sessions must be between 1 and {MAX_PLANNED}, got {planned}")
    } else {
        let verb = if planned == 1 { "is" } else { "are" };
        format!("{sessions} sessions are given but only {planned} {verb} planned")
    }
}

impl Error {
    /// Builds a protocol error; `line` and `field` are filled in where known.
    pub(crate) fn protocol(
        source_name: &str,
        line: Option<u32>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Error {
        Error::Protocol {
            source_name: source_name.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocol_message_names_file_line_and_field() {
        let err = Error::protocol(
            "clinic.toml",
            Some(12),
            Some("to_day"),
            "3 is before from_day 5",
        );
        assert_eq!(
            err.to_string(),
            "clinic.toml: line 12, field \"to_day\": 3 is before from_day 5"
        );
    }

    #[test]
    fn protocol_message_without_line_or_field() {
        let err = Error::protocol("clinic.toml", None, None, "the file is empty");
        assert_eq!(err.to_string(), "clinic.toml: the file is empty");
    }

    #[test]
    fn planned_messages() {
        let too_few = Error::InvalidPlanned {
            planned: 2,
            sessions: 3,
        };
        assert_eq!(
            too_few.to_string(),
            "3 sessions are given but only 2 are planned"
        );
        let zero = Error::InvalidPlanned {
            planned: 0,
            sessions: 1,
        };
        assert_eq!(
            zero.to_string(),
            "planned sessions must be between 1 and 12, got 0"
        );
    }

    #[test]
    fn serializes_as_tagged_union() {
        let err = Error::UnknownZone {
            value: "Mars/Olympus".into(),
        };
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(json, r#"{"kind":"unknown_zone","value":"Mars/Olympus"}"#);
    }
}
