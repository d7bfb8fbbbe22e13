//! The one error type that crosses IPC.
//!
//! Serialized as a tagged union (`{"kind": "invalid", "field": "date", ...}`)
//! and exported to TypeScript, so the UI can tell a message that belongs next
//! to a field from one that belongs in a banner.

use serde::Serialize;
use specta::Type;

use crate::store::StoreError;

/// What a command can fail with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// Input that was refused; `field` names the form field it belongs to.
    #[error("{message}")]
    Invalid {
        /// The field at fault, such as `date` or `reminder_time`.
        field: Option<String>,
        /// What is wrong, naming the value.
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
        /// What was missing.
        message: String,
    },
    /// The store could not be read or written.
    #[error("{message}")]
    Store {
        /// What went wrong.
        message: String,
    },
    /// A file could not be written (calendar export).
    #[error("{message}")]
    Io {
        /// What went wrong, naming the path.
        message: String,
    },
}

impl AppError {
    /// Refused input belonging to `field`.
    pub fn invalid(field: &str, message: impl Into<String>) -> AppError {
        AppError::Invalid {
            field: Some(field.to_string()),
            message: message.into(),
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
    /// keep their line and field; anything else belongs to `field`.
    pub fn from_engine(err: aftercare::Error, field: &str) -> AppError {
        let message = err.to_string();
        match err {
            aftercare::Error::Protocol {
                line,
                field: toml_field,
                message: detail,
                ..
            } => AppError::Protocol {
                line,
                field: toml_field,
                detail,
                message,
            },
            // One sentence for the client, without the file name they just chose.
            aftercare::Error::NotAProtocol { file, .. } => {
                AppError::invalid(field, file.sentence())
            }
            _ => AppError::invalid(field, message),
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
