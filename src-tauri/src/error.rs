//! The one error type that crosses IPC.
//!
//! Serialized as a tagged union (`{"kind": "invalid", "field": "date", ...}`)
//! and exported to TypeScript, so the UI can tell a message that belongs next
//! to a field from one that belongs in a banner.

use serde::Serialize;
use specta::Type;

use crate::problem::{HandoverFrom, Problem};
use crate::store::StoreError;
use aftercare::handover::Fault;

/// What a command can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// Input that was refused; `field` names the form field it belongs to,
    /// `problem` what is wrong (tagged, `{"problem": "too_long", ...}`), so
    /// the UI words it in the client's language.
    #[error("{message}")]
    Invalid {
        /// The field at fault, such as `date` or `reminder_time`.
        field: Option<String>,
        /// What is wrong, with the values its sentence names.
        problem: Problem,
        /// The same in plain English, naming the value (logs).
        message: String,
    },
    /// A date the client typed that is not one, or a day already booked:
    /// `problem` says which (tagged, `{"problem": "no_such_day", ...}`), so
    /// the UI words it in the client's terms and shows a date in their
    /// locale, never as ISO; `message` is the English fallback.
    #[error("{message}")]
    Date {
        /// The form field it belongs beside (`date`).
        field: String,
        /// What is wrong.
        problem: aftercare::date_entry::DateProblem,
        /// The same in plain English (logs).
        message: String,
    },
    /// A protocol file that the engine refused.
    #[error("{message}")]
    Protocol {
        /// 1-based line in the file, where known.
        line: Option<u32>,
        /// The TOML field at fault, where known.
        field: Option<String>,
        /// What is wrong, naming the value, without file, line or field
        /// (for a message placed beside line and field).
        detail: String,
        /// The whole message, naming file, line, field and value.
        message: String,
    },
    /// Something the command was asked about does not exist.
    #[error("{message}")]
    NotFound {
        /// What was missing, in English (the UI puts a sentence of the
        /// client's language before it).
        message: String,
    },
    /// The store could not be read or written.
    #[error("{message}")]
    Store {
        /// What went wrong, in English (after the UI's own sentence).
        message: String,
    },
    /// A file could not be written (calendar export).
    #[error("{message}")]
    Io {
        /// What went wrong, naming the path, in English (after the UI's
        /// own sentence).
        message: String,
    },
}

impl AppError {
    /// Refused input belonging to `field`, for `problem` (its English
    /// sentence is the message).
    pub fn invalid(field: &str, problem: Problem) -> AppError {
        AppError::Invalid {
            field: Some(field.to_string()),
            message: problem.to_string(),
            problem,
        }
    }

    /// The same refusal beside `field` instead (a value of a clinic's plan
    /// checked as a settings form); other errors are unchanged.
    pub fn on_field(self, field: &str) -> AppError {
        match self {
            AppError::Invalid {
                problem, message, ..
            } => AppError::Invalid {
                field: Some(field.to_string()),
                problem,
                message,
            },
            AppError::Date {
                problem, message, ..
            } => AppError::Date {
                field: field.to_string(),
                problem,
                message,
            },
            other => other,
        }
    }

    /// A typed date refused for `problem`, beside `field`.
    pub fn date(field: &str, problem: aftercare::date_entry::DateProblem) -> AppError {
        AppError::Date {
            field: field.to_string(),
            message: problem.to_string(),
            problem,
        }
    }

    /// Turns an engine error into one the UI can place: protocol file errors
    /// keep their line and field; anything else belongs to `field`, as a
    /// [`Problem`] with the engine's English as its message.
    pub fn from_engine(err: aftercare::Error, field: &str) -> AppError {
        use aftercare::Error as E;
        let message = err.to_string();
        let problem = match err {
            E::Protocol {
                line,
                field: toml_field,
                message: detail,
                ..
            } => {
                return AppError::Protocol {
                    line,
                    field: toml_field,
                    detail,
                    message,
                };
            }
            // One sentence for the client, without the file name they just chose.
            E::NotAProtocol { file, .. } => {
                return AppError::Invalid {
                    field: Some(field.to_string()),
                    problem: Problem::NotAProtocol { file },
                    message: file.sentence(),
                };
            }
            E::InvalidDate { value, .. } => Problem::NotADate { text: value },
            E::InvalidTime { value } => Problem::NotATime { text: value },
            E::UnknownZone { value } => Problem::UnknownZone { text: value },
            E::UnknownProtocol { value, .. } => Problem::UnknownProtocol { id: value },
            E::NoSessions => Problem::NoSessions,
            E::DuplicateSession { date } => Problem::SessionTwice { date },
            E::InvalidPlanned { planned, sessions } => {
                let most = aftercare::error::MAX_PLANNED;
                if planned == 0 || planned > most {
                    Problem::PlannedOutOfRange { planned, most }
                } else {
                    Problem::PlannedTooFew { planned, sessions }
                }
            }
            // The whole English message is the detail: for a file it names
            // the line and field the clinic should look at.
            E::PlanFile { fault, .. } => Problem::handover(HandoverFrom::File, fault, &message),
            E::PlanLink { fault, .. } => Problem::handover(HandoverFrom::Link, fault, &message),
            // The engine's error is non-exhaustive: a kind added later reads
            // as a plan that does not make sense, with its English detail.
            _ => Problem::handover(HandoverFrom::File, Fault::Nonsense, &message),
        };
        AppError::Invalid {
            field: Some(field.to_string()),
            problem,
            message,
        }
    }
}

impl From<StoreError> for AppError {
    /// The store's refusals in the UI's terms: a date already booked (the
    /// sessions table's UNIQUE constraint) belongs beside the `date` field
    /// as a [`AppError::Date`] (the UI shows the date in the client's locale),
    /// an unknown session id is not found; anything else is a store failure.
    fn from(err: StoreError) -> AppError {
        match err {
            StoreError::DuplicateSession { date } => {
                AppError::date("date", aftercare::date_entry::DateProblem::Booked { date })
            }
            StoreError::NotFound { .. } | StoreError::ImportedNotFound { .. } => {
                AppError::NotFound {
                    message: err.to_string(),
                }
            }
            _ => AppError::Store {
                message: err.to_string(),
            },
        }
    }
}

impl<T> From<std::sync::PoisonError<T>> for AppError {
    fn from(_: std::sync::PoisonError<T>) -> AppError {
        AppError::Store {
            message: "the store is unavailable after an earlier failure; restart the app"
                .to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{HandoverFault, Input, NeededFor, PhotoFault, Unit};
    use aftercare::protocol::FileKind;
    use chrono::NaiveDate;
    use serde_json::{Value, json};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn json_of(e: &AppError) -> Value {
        serde_json::to_value(e).unwrap()
    }

    /// One error of every kind of call site, as the UI receives it: the
    /// problem with the values its sentence names, and the English message.
    #[test]
    fn every_problem_crosses_ipc_with_its_values_and_english() {
        let cases: Vec<(AppError, Value)> = vec![
            (
                AppError::invalid(
                    "note",
                    Problem::TooLong {
                        what: Input::Note,
                        most: 200,
                        unit: Unit::Characters,
                    },
                ),
                json!({"kind": "invalid", "field": "note",
                    "problem": {"problem": "too_long", "what": "note", "most": 200, "unit": "characters"},
                    "message": "the note is too long: at most 200 characters"}),
            ),
            (
                AppError::invalid(
                    "to",
                    Problem::RangeTooLong {
                        from: day(1),
                        to: day(2),
                        days: 400,
                        most: 366,
                    },
                ),
                json!({"kind": "invalid", "field": "to",
                    "problem": {"problem": "range_too_long", "from": "2026-03-01", "to": "2026-03-02", "days": 400, "most": 366},
                    "message": "2026-03-01 to 2026-03-02 is 400 days; ask for at most 366 at a time"}),
            ),
            (
                AppError::invalid("photos", Problem::TooManyPhotos { most: 12, over: 2 }),
                json!({"kind": "invalid", "field": "photos",
                    "problem": {"problem": "too_many_photos", "most": 12, "over": 2},
                    "message": "a check-in holds at most 12 photos; remove 2 to save it"}),
            ),
            (
                AppError::invalid(
                    "photos",
                    Problem::PhotoRefused {
                        fault: PhotoFault::NotAnImage,
                    },
                ),
                json!({"kind": "invalid", "field": "photos",
                    "problem": {"problem": "photo_refused", "fault": "not_an_image"},
                    "message": "photo refused (NotAnImage)"}),
            ),
            (
                AppError::invalid("dates", Problem::TooManyDays { asked: 9, held: 3 }),
                json!({"kind": "invalid", "field": "dates",
                    "problem": {"problem": "too_many_days", "asked": 9, "held": 3},
                    "message": "9 days were asked for, and your journal has 3 check-ins"}),
            ),
            (
                AppError::invalid(
                    "sessions",
                    Problem::NoSessionYet {
                        needed_for: NeededFor::Calendar,
                    },
                ),
                json!({"kind": "invalid", "field": "sessions",
                    "problem": {"problem": "no_session_yet", "needed_for": "calendar"},
                    "message": "add your first session before exporting a calendar"}),
            ),
            (
                AppError::invalid("date", Problem::CheckInTooEarly { date: day(9) }),
                json!({"kind": "invalid", "field": "date",
                    "problem": {"problem": "check_in_too_early", "date": "2026-03-09"},
                    "message": "9 March hasn't come yet: check in on the day"}),
            ),
            (
                AppError::invalid(
                    "care",
                    Problem::TicksFull {
                        label: "Rinse".into(),
                        most: 8,
                        clinic_most: false,
                    },
                ),
                json!({"kind": "invalid", "field": "care",
                    "problem": {"problem": "ticks_full", "label": "Rinse", "most": 8, "clinic_most": false},
                    "message": "\"Rinse\" is already ticked off 8 times today, the most the app counts in a day"}),
            ),
            (
                AppError::invalid(
                    "quiet_hours.end",
                    Problem::QuietHoursEmpty {
                        start: "22:00".into(),
                        end: "22:00".into(),
                    },
                ),
                json!({"kind": "invalid", "field": "quiet_hours.end",
                    "problem": {"problem": "quiet_hours_empty", "start": "22:00", "end": "22:00"},
                    "message": "quiet hours from 22:00 to 22:00 cover no time; choose a different end"}),
            ),
            (
                AppError::invalid(
                    "clinic.phone",
                    Problem::NotAPhone {
                        text: "call".into(),
                    },
                ),
                json!({"kind": "invalid", "field": "clinic.phone",
                    "problem": {"problem": "not_a_phone", "text": "call"},
                    "message": "\"call\" is not a phone number: use digits, spaces and + - ( )"}),
            ),
            (
                AppError::invalid(
                    "file",
                    Problem::FileUnreadable {
                        name: "a.smpplan".into(),
                        reason: "permission denied".into(),
                    },
                ),
                json!({"kind": "invalid", "field": "file",
                    "problem": {"problem": "file_unreadable", "name": "a.smpplan", "reason": "permission denied"},
                    "message": "\"a.smpplan\" cannot be opened (permission denied)"}),
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(json_of(&error), expected);
        }
    }

    /// The engine's errors that reach a form, each as its problem, with the
    /// engine's own English kept as the message.
    #[test]
    fn engine_errors_become_problems_and_keep_their_english() {
        let engine = |r: Result<(), aftercare::Error>, field: &str| {
            json_of(&AppError::from_engine(r.unwrap_err(), field))
        };
        assert_eq!(
            engine(aftercare::parse_time("25:00").map(|_| ()), "reminder_time"),
            json!({"kind": "invalid", "field": "reminder_time",
                "problem": {"problem": "not_a_time", "text": "25:00"},
                "message": "invalid time \"25:00\": expected HH:MM on a 24-hour clock, such as 09:00"})
        );
        assert_eq!(
            engine(aftercare::parse_zone("Mars/Olympus").map(|_| ()), "zone"),
            json!({"kind": "invalid", "field": "zone",
                "problem": {"problem": "unknown_zone", "text": "Mars/Olympus"},
                "message": "unknown time zone \"Mars/Olympus\": expected an IANA zone name such as Europe/London"})
        );
        let unknown = engine(aftercare::Protocol::builtin("nope").map(|_| ()), "protocol");
        assert_eq!(
            unknown["problem"],
            json!({"problem": "unknown_protocol", "id": "nope"})
        );
        let planned = |planned, sessions| {
            json_of(&AppError::from_engine(
                aftercare::Error::InvalidPlanned { planned, sessions },
                "planned",
            ))["problem"]
                .clone()
        };
        assert_eq!(
            planned(13, 1),
            json!({"problem": "planned_out_of_range", "planned": 13, "most": 12})
        );
        assert_eq!(
            planned(1, 2),
            json!({"problem": "planned_too_few", "planned": 1, "sessions": 2})
        );
        assert_eq!(
            json_of(&AppError::from_engine(aftercare::Error::NoSessions, "date"))["problem"],
            json!({"problem": "no_sessions"})
        );
        assert_eq!(
            json_of(&AppError::from_engine(
                aftercare::Error::DuplicateSession { date: day(2) },
                "date"
            ))["problem"],
            json!({"problem": "session_twice", "date": "2026-03-02"})
        );
        assert_eq!(
            json_of(&AppError::from_engine(
                aftercare::Error::NotAProtocol {
                    source_name: "leaflet.pdf".into(),
                    file: FileKind::Pdf,
                },
                "file"
            )),
            json!({"kind": "invalid", "field": "file",
                "problem": {"problem": "not_a_protocol", "file": "pdf"},
                "message": "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."})
        );
        // A damaged link: what happened in the client's words, the engine's
        // detail kept for the clinic.
        let link = AppError::from_engine(
            aftercare::PlanFile::from_link("smp-aftercare://plan?v=1&p=x&c=00000000").unwrap_err(),
            "link",
        );
        assert_eq!(
            json_of(&link),
            json!({"kind": "invalid", "field": "link",
                "problem": {"problem": "handover", "from": "link", "fault": "damaged",
                    "detail": "plan link: the link is damaged or was changed: ask your clinic for a new one"},
                "message": "plan link: the link is damaged or was changed: ask your clinic for a new one"})
        );
        let newer = AppError::from_engine(
            aftercare::PlanFile::from_bytes("p.smpplan", b"smpplan = 2\n").unwrap_err(),
            "file",
        );
        assert_eq!(
            json_of(&newer)["problem"],
            json!({"problem": "handover", "from": "file", "fault": HandoverFault::Newer, "detail": null})
        );
    }

    /// A protocol file's errors stay English for its author, with line and
    /// field apart (the UI words the lead-in).
    #[test]
    fn protocol_errors_keep_line_and_field() {
        let err = aftercare::Protocol::from_toml("c.toml", "format = 1\nid = 3\n").unwrap_err();
        let json = json_of(&AppError::from_engine(err, "file"));
        assert_eq!(json["kind"], "protocol");
        assert!(json.get("problem").is_none());
    }

    #[test]
    fn a_settings_refusal_moves_beside_another_field_with_its_problem() {
        let moved = AppError::invalid("clinic.phone", Problem::NotAPhone { text: "x".into() })
            .on_field("file");
        assert_eq!(
            json_of(&moved),
            json!({"kind": "invalid", "field": "file",
                "problem": {"problem": "not_a_phone", "text": "x"},
                "message": "\"x\" is not a phone number: use digits, spaces and + - ( )"})
        );
    }
}
