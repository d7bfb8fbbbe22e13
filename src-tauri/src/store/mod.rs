//! The client's data on disk: one SQLite file, `smp-aftercare.sqlite3`, in
//! the app's data folder.
//!
//! What it keeps (see `schema.rs` for the tables and their formats):
//!
//! - the booked sessions (one per date);
//! - the plan: how many sessions are expected and which protocol is followed
//!   (a built-in id, or an imported protocol's full text so it survives the
//!   file being moved);
//! - the settings, as one JSON document;
//! - the reminder log: every reminder ever claimed for delivery.
//!
//! Why SQLite rather than a JSON file: a write either happens completely or
//! not at all, also when the machine loses power halfway, and the reminder
//! log needs exactly that. Every write here is one transaction, begun
//! `IMMEDIATE` so that the write lock is taken up front and a second app
//! instance waits (busy timeout) instead of failing halfway. The file is in
//! WAL mode, so the UI can read while the scheduler writes.
//!
//! Why the log is written *before* a reminder is shown: the scheduler calls
//! [`Store::claim_delivery`] (or [`Store::claim_all`] for a summary), and only
//! shows the notification when the claim says it is new. If the app crashes
//! or is quit between the two, the reminder was claimed but perhaps not
//! seen; the other order would show it again after every crash. A reminder
//! repeated on each restart teaches clients to ignore them, while one lost
//! reminder is still listed in the app. When the notification server refuses
//! it, [`Store::record_failure`] keeps the error in the log for the app to
//! show; it is not retried, for the same reason.
//!
//! A file the app cannot use is moved aside, never deleted (`open.rs`).

mod open;
mod schema;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Serialize, Serializer};

use crate::model::{DeliveryHow, LogEntry, ProtocolChoice, SessionRow, Settings};

pub use schema::SCHEMA_VERSION;

/// The database's file name inside the data folder.
pub const DB_FILE: &str = "smp-aftercare.sqlite3";

/// The open store: one connection to the database file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// What [`Store::open`] gives: the store, and whether an unusable file had
/// to be moved aside to start it.
#[derive(Debug)]
pub struct Opened {
    /// The store, ready for use.
    pub store: Store,
    /// Set when the previous file was moved aside; the UI tells the client.
    pub recovered: Option<Recovered>,
}

/// An unusable database file that was moved aside (never deleted) and
/// replaced by a fresh one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Recovered {
    /// Where the old file is now, in the same folder.
    #[serde(serialize_with = "path_as_string")]
    #[specta(type = String)]
    pub moved_to: PathBuf,
    /// Why it could not be used, as a clause for the UI ("the file is not a
    /// SQLite database").
    pub reason: String,
}

fn path_as_string<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// Everything the store can refuse or fail at. Messages name the value.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder could not be created.
    #[error("could not create the data folder {}: {reason}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The database file could not be opened (not a damaged file: a locked
    /// or unwritable one, which may open fine next time).
    #[error("could not open the database {}: {reason}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// An unusable file could not be renamed aside; it was left untouched.
    #[error("could not move the damaged database {} to {}: {reason}", from.display(), to.display())]
    MoveAside {
        /// The file.
        from: PathBuf,
        /// The name it was to get.
        to: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// A session on that date is already booked.
    #[error("session {date} is already booked")]
    DuplicateSession {
        /// The date.
        date: NaiveDate,
    },
    /// No session has that row id.
    #[error("no session with id {id}")]
    NotFound {
        /// The row id.
        id: i64,
    },
    /// A failure was recorded for a reminder that was never claimed.
    #[error("reminder {id} is not in the delivery log")]
    NotClaimed {
        /// The reminder id.
        id: String,
    },
    /// A stored value this app cannot read (edited by hand, or written by a
    /// broken version).
    #[error("the stored {what} {value:?} cannot be read")]
    Unreadable {
        /// What it should have been, such as "session date".
        what: &'static str,
        /// The stored text (shortened).
        value: String,
    },
    /// A value could not be turned into JSON for storing.
    #[error("could not encode the {what}: {reason}")]
    Encode {
        /// What was being stored.
        what: &'static str,
        /// What serde said.
        reason: String,
    },
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

impl Store {
    /// Opens (or creates) the store in `data_dir`, creating the folder if
    /// needed. An unusable file is moved aside and a fresh store started;
    /// `Opened::recovered` then says where the old file is.
    pub fn open(data_dir: &Path) -> Result<Opened, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::CreateFolder {
            path: data_dir.to_path_buf(),
            reason: io_reason(&e),
        })?;
        let path = data_dir.join(DB_FILE);
        let (conn, recovered) = open::open_file(&path)?;
        Ok(Opened {
            store: Store { conn, path },
            recovered,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The booked sessions, by date.
    pub fn sessions(&self) -> Result<Vec<SessionRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, date FROM sessions ORDER BY date, id")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, date)| {
                Ok(SessionRow {
                    id,
                    date: read_date(&date)?,
                })
            })
            .collect()
    }

    /// Books a session on `date`.
    pub fn insert_session(&mut self, date: NaiveDate) -> Result<SessionRow, StoreError> {
        let tx = self.write()?;
        refuse_booked(&tx, date, None)?;
        tx.execute("INSERT INTO sessions (date) VALUES (?1)", [date_text(date)])?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(SessionRow { id, date })
    }

    /// Moves session `id` to `date`.
    pub fn update_session(&mut self, id: i64, date: NaiveDate) -> Result<SessionRow, StoreError> {
        let tx = self.write()?;
        let exists = tx
            .query_row("SELECT 1 FROM sessions WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(StoreError::NotFound { id });
        }
        refuse_booked(&tx, date, Some(id))?;
        tx.execute(
            "UPDATE sessions SET date = ?2 WHERE id = ?1",
            params![id, date_text(date)],
        )?;
        tx.commit()?;
        Ok(SessionRow { id, date })
    }

    /// Removes session `id`.
    pub fn delete_session(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.write()?;
        if tx.execute("DELETE FROM sessions WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound { id });
        }
        tx.commit()?;
        Ok(())
    }

    /// How many sessions the client expects; `None` means the protocol's
    /// usual count.
    pub fn planned(&self) -> Result<Option<u32>, StoreError> {
        let stored: Option<i64> = self
            .conn
            .query_row("SELECT planned FROM plan WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()?
            .flatten();
        stored
            .map(|n| {
                u32::try_from(n).map_err(|_| unreadable("planned session count", &n.to_string()))
            })
            .transpose()
    }

    /// Sets how many sessions the client expects (`None`: the protocol's
    /// usual count).
    pub fn set_planned(&mut self, planned: Option<u32>) -> Result<(), StoreError> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO plan (id, planned) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET planned = excluded.planned",
            [planned],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The protocol the plan follows; the default built-in until one is
    /// chosen.
    pub fn protocol_choice(&self) -> Result<ProtocolChoice, StoreError> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT protocol FROM plan WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()?
            .flatten();
        match stored {
            None => Ok(ProtocolChoice::default()),
            Some(json) => {
                serde_json::from_str(&json).map_err(|_| unreadable("protocol choice", &json))
            }
        }
    }

    /// Sets the protocol the plan follows.
    pub fn set_protocol_choice(&mut self, choice: &ProtocolChoice) -> Result<(), StoreError> {
        let json = serde_json::to_string(choice).map_err(|e| StoreError::Encode {
            what: "protocol choice",
            reason: e.to_string(),
        })?;
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO plan (id, protocol) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET protocol = excluded.protocol",
            [json],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The client's settings; the defaults until they are first saved.
    ///
    /// The JSON is read key by key against the current `Settings`: missing
    /// keys take their defaults, unknown keys are ignored, and a key whose
    /// value no longer fits its type (a later version changed it) falls back
    /// to its default alone, with a warning in the log, rather than making
    /// every setting (and so every reminder) unavailable.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let stored: Option<String> = self
            .conn
            .query_row("SELECT json FROM settings WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()?;
        match stored {
            None => Ok(Settings::default()),
            Some(json) => read_settings(&json),
        }
    }

    /// Saves the client's settings (validated by the caller).
    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let json = serde_json::to_string(settings).map_err(|e| StoreError::Encode {
            what: "settings",
            reason: e.to_string(),
        })?;
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            [json],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records that reminder `id` (due at `due`) is being delivered now, in
    /// one transaction, BEFORE it is shown. Returns true if this call
    /// recorded it, false if the log already had it (then it must not be
    /// shown again).
    pub fn claim_delivery(
        &mut self,
        id: &str,
        due: DateTime<Utc>,
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<bool, StoreError> {
        let tx = self.write()?;
        let claimed = claim(&tx, id, due, at, how)?;
        tx.commit()?;
        Ok(claimed)
    }

    /// Several claims in ONE transaction (a summary notification claims all
    /// it covers at once); returns the ids newly claimed, in the order
    /// given. Ids already in the log, or repeated in `items`, are left out.
    pub fn claim_all(
        &mut self,
        items: &[(String, DateTime<Utc>)],
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<Vec<String>, StoreError> {
        let tx = self.write()?;
        let mut claimed = Vec::new();
        for (id, due) in items {
            if claim(&tx, id, *due, at, how)? {
                claimed.push(id.clone());
            }
        }
        tx.commit()?;
        Ok(claimed)
    }

    /// Marks an already-claimed reminder as failed (the notification server
    /// did not take it), keeping the error text. It stays claimed: it is
    /// listed in the app with the error, not retried.
    pub fn record_failure(&mut self, id: &str, error: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        let changed = tx.execute(
            "UPDATE reminder_log SET how = ?2, error = ?3 WHERE id = ?1",
            params![id, DeliveryHow::Failed.as_str(), error],
        )?;
        if changed == 0 {
            return Err(StoreError::NotClaimed { id: id.to_string() });
        }
        tx.commit()?;
        Ok(())
    }

    /// The whole reminder log, by due time.
    pub fn delivery_log(&self) -> Result<Vec<LogEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, due, delivered_at, how, error FROM reminder_log ORDER BY due, id",
        )?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, due, delivered_at, how, error)| {
                Ok(LogEntry {
                    due: read_instant("reminder due time", &due)?,
                    delivered_at: read_instant("reminder delivery time", &delivered_at)?,
                    how: DeliveryHow::parse(&how)
                        .ok_or_else(|| unreadable("reminder delivery kind", &how))?,
                    id,
                    error,
                })
            })
            .collect()
    }

    /// The ids of every reminder in the log (delivered, summarised, missed
    /// or failed): none of them is to be shown again.
    pub fn delivered_ids(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id FROM reminder_log")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(ids)
    }

    /// Begins a write transaction, taking the write lock now.
    fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }
}

/// Inserts one log row unless the id is there; true when inserted.
fn claim(
    tx: &Transaction<'_>,
    id: &str,
    due: DateTime<Utc>,
    at: DateTime<Utc>,
    how: DeliveryHow,
) -> Result<bool, StoreError> {
    let inserted = tx.execute(
        "INSERT INTO reminder_log (id, due, delivered_at, how) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO NOTHING",
        params![id, instant_text(due), instant_text(at), how.as_str()],
    )?;
    Ok(inserted == 1)
}

/// Fails with `DuplicateSession` when a session other than `except` is on
/// `date`.
fn refuse_booked(
    tx: &Transaction<'_>,
    date: NaiveDate,
    except: Option<i64>,
) -> Result<(), StoreError> {
    let taken = tx
        .query_row(
            "SELECT id FROM sessions WHERE date = ?1 AND id IS NOT ?2",
            params![date_text(date), except],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        Err(StoreError::DuplicateSession { date })
    } else {
        Ok(())
    }
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn read_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| unreadable("session date", text))
}

/// Fixed-width RFC 3339 in UTC, whole seconds: text order is time order.
fn instant_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn read_instant(what: &'static str, text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| unreadable(what, text))
}

/// Reads stored settings JSON key by key (see [`Store::settings`]).
fn read_settings(json: &str) -> Result<Settings, StoreError> {
    use serde_json::{Map, Value};
    let Ok(Value::Object(stored)) = serde_json::from_str::<Value>(json) else {
        return Err(unreadable("settings", json));
    };
    if let Ok(settings) = serde_json::from_value(Value::Object(stored.clone())) {
        return Ok(settings);
    }
    let mut kept = Map::new();
    for (key, value) in stored {
        let mut trial = kept.clone();
        trial.insert(key.clone(), value);
        if serde_json::from_value::<Settings>(Value::Object(trial.clone())).is_ok() {
            kept = trial;
        } else {
            log::warn!("store: stored setting {key:?} cannot be read; using its default");
        }
    }
    serde_json::from_value(Value::Object(kept)).map_err(|_| unreadable("settings", json))
}

/// An `Unreadable` error with the value cut to a readable length.
fn unreadable(what: &'static str, value: &str) -> StoreError {
    const MAX: usize = 80;
    let value = match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    };
    StoreError::Unreadable { what, value }
}

/// An I/O error as a short lowercase phrase ("permission denied"), falling
/// back to the system's full message when the kind says nothing.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    let kind = e.kind().to_string();
    if kind.contains("other") || kind.contains("uncategorized") {
        e.to_string()
    } else {
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn instants_are_fixed_width_utc_seconds() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        assert_eq!(instant_text(at), "2026-03-02T09:00:00Z");
        assert_eq!(read_instant("t", "2026-03-02T09:00:00Z").unwrap(), at);
        assert_eq!(read_instant("t", "2026-03-02T10:00:00+01:00").unwrap(), at);
    }

    #[test]
    fn unreadable_values_are_shortened() {
        let long = "x".repeat(200);
        let e = unreadable("settings", &long);
        assert_eq!(
            e.to_string(),
            format!("the stored settings \"{}…\" cannot be read", "x".repeat(80))
        );
    }

    #[test]
    fn settings_keep_readable_keys_when_one_is_not() {
        let s = read_settings(r#"{"reminder_time": 830, "launch_at_login": true, "later": [1]}"#)
            .unwrap();
        assert_eq!(
            s,
            Settings {
                launch_at_login: true,
                ..Settings::default()
            }
        );
    }

    #[test]
    fn settings_that_are_not_an_object_are_unreadable() {
        let e = read_settings("[1, 2]").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the stored settings \"[1, 2]\" cannot be read"
        );
    }

    #[test]
    fn io_reasons_are_short() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&e), "permission denied");
        let e = std::io::Error::other("disk on fire");
        assert_eq!(io_reason(&e), "disk on fire");
    }
}
