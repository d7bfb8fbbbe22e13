//! The client's data on disk: one SQLite file, `smp-aftercare.sqlite3`, in
//! the app's data folder.
//!
//! What it keeps (see `schema.rs` for the tables and their formats):
//!
//! - the booked sessions (one per date);
//! - the plan: how many sessions are expected and which protocol is followed
//!   (a built-in id, or an imported protocol's full text so it survives the
//!   file being moved);
//! - every imported protocol, kept for good (schema V4), so that following
//!   another plan never throws a clinic's file away;
//! - the settings, as one JSON document;
//! - the reminder log: every reminder ever claimed for delivery;
//! - care ticked off, one row per tick ([`Store::tick_care`]);
//! - the healing journal (schema V6, `journal.rs`): one check-in per day
//!   and the photos it holds, by content hash (the files live in the photo
//!   folder, `crate::photos`).
//!
//! How it is read and changed: [`Store::snapshot`] returns the sessions,
//! the plan row and the settings in ONE statement, and a change of the
//! plan is a [`Change`]: several writes in one transaction that the caller
//! reads back ([`Change::snapshot`]), has the engine check, and commits or
//! drops whole (see `commands::change_plan`).
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
//! A file the app cannot use is moved aside, never deleted (`open.rs`). A
//! file it can read but not write (a read-only folder or disk) is opened
//! read-only rather than not at all ([`Store::read_only`]): the client still
//! sees the plan and gets reminders, and every change is refused with
//! [`StoreError::ReadOnly`]. A single value that no longer reads is copied
//! to the `recovered` table before a change can replace it
//! (`keep_unreadable`).

mod journal;
mod open;
mod schema;
mod settings;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use std::cell::Cell;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Serialize, Serializer};

use crate::model::{
    DeliveryHow, ImportedRow, LanguageMode, LogEntry, ProtocolChoice, SessionRow, Settings,
    ValueReset,
};

pub use journal::{CheckInRow, PhotoRow};
pub use schema::SCHEMA_VERSION;

/// The database's file name inside the data folder.
pub const DB_FILE: &str = "smp-aftercare.sqlite3";

/// The open store: one connection to the database file.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    reads: Cell<u64>,
    read_only: Option<ReadOnly>,
}

/// Why the store was opened read-only: the file could be read but not
/// written. Changes are refused; reminders keep coming, and the ones shown
/// are remembered for as long as the app runs (in a temporary copy of the
/// log, see `open::open_read_only`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ReadOnly {
    /// The data folder.
    #[serde(serialize_with = "path_as_string")]
    #[specta(type = String)]
    pub folder: PathBuf,
    /// Why it could not be opened for writing, as SQLite or the system said.
    pub reason: String,
}

/// A stored value that no longer read, kept whole in the `recovered` table
/// before a change replaced or deleted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptValue {
    /// `session`, `planned`, `protocol` or `settings`.
    pub field: String,
    /// For a session: its row id.
    pub session_id: Option<i64>,
    /// The stored value, as it was.
    pub stored: String,
}

/// Everything stored about the plan and the settings, read at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// The booked sessions, by date.
    pub sessions: Vec<SessionRow>,
    /// How many sessions the client expects; `None` means the protocol's
    /// usual count.
    pub planned: Option<u32>,
    /// The protocol the plan follows; the default built-in until one is
    /// chosen.
    pub protocol: ProtocolChoice,
    /// The client's settings; the defaults until they are first saved.
    /// A stored value that no longer reads takes its default and is listed
    /// in `values_reset` (see `settings.rs`).
    pub settings: Settings,
    /// Stored values that could not be read, reported to the client: a
    /// setting, a session date (that session is left out), the planned
    /// count or the protocol choice (their defaults are used).
    pub values_reset: Vec<ValueReset>,
}

/// A change in progress: one write transaction (begun `IMMEDIATE`). Its
/// writes are seen by its own [`Change::snapshot`], and by no one else
/// until [`Change::commit`]; dropped uncommitted, it leaves the store as it
/// was.
pub struct Change<'a> {
    tx: Transaction<'a>,
    reads: &'a Cell<u64>,
}

impl Change<'_> {
    /// Books a session on `date`. The sessions table's UNIQUE constraint is
    /// the one rule against booking a date twice: it fails with
    /// [`StoreError::DuplicateSession`].
    pub fn insert_session(&self, date: NaiveDate) -> Result<SessionRow, StoreError> {
        self.tx
            .execute("INSERT INTO sessions (date) VALUES (?1)", [date_text(date)])
            .map_err(|e| booked(e, date))?;
        Ok(SessionRow {
            id: self.tx.last_insert_rowid(),
            date,
        })
    }

    /// Moves session `id` to `date`.
    pub fn update_session(&self, id: i64, date: NaiveDate) -> Result<SessionRow, StoreError> {
        let changed = self
            .tx
            .execute(
                "UPDATE sessions SET date = ?2 WHERE id = ?1",
                params![id, date_text(date)],
            )
            .map_err(|e| booked(e, date))?;
        if changed == 0 {
            return Err(StoreError::NotFound { id });
        }
        Ok(SessionRow { id, date })
    }

    /// Removes session `id`.
    pub fn delete_session(&self, id: i64) -> Result<(), StoreError> {
        if self
            .tx
            .execute("DELETE FROM sessions WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NotFound { id });
        }
        Ok(())
    }

    /// Sets how many sessions the client expects (`None`: the protocol's
    /// usual count).
    pub fn set_planned(&self, planned: Option<u32>) -> Result<(), StoreError> {
        self.tx.execute(
            "INSERT INTO plan (id, planned) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET planned = excluded.planned",
            [planned],
        )?;
        Ok(())
    }

    /// Sets the protocol the plan follows.
    pub fn set_protocol_choice(&self, choice: &ProtocolChoice) -> Result<(), StoreError> {
        let json = serde_json::to_string(choice).map_err(|e| StoreError::Encode {
            what: "protocol choice",
            reason: e.to_string(),
        })?;
        self.tx.execute(
            "INSERT INTO plan (id, protocol) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET protocol = excluded.protocol",
            [json],
        )?;
        Ok(())
    }

    /// Keeps an imported protocol's text for good (schema V4) and returns
    /// its row id; a file imported before finds its own row again (and
    /// takes the file name it came with this time).
    pub fn keep_imported(&self, source_name: &str, text: &str) -> Result<i64, StoreError> {
        Ok(self.tx.query_row(
            "INSERT INTO imported_protocols (source_name, text) VALUES (?1, ?2)
             ON CONFLICT (text) DO UPDATE SET source_name = excluded.source_name
             RETURNING id",
            params![source_name, text],
            |row| row.get(0),
        )?)
    }

    /// The kept imported protocol with row id `id`.
    pub fn imported(&self, id: i64) -> Result<ImportedRow, StoreError> {
        self.reads.set(self.reads.get() + 1);
        self.tx
            .query_row(
                "SELECT id, source_name, text FROM imported_protocols WHERE id = ?1",
                [id],
                |row| {
                    Ok(ImportedRow {
                        id: row.get(0)?,
                        source_name: row.get(1)?,
                        text: row.get(2)?,
                    })
                },
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::ImportedNotFound { id },
                e => e.into(),
            })
    }

    /// Saves the client's settings (validated by the caller).
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let json = settings::write(settings)?;
        self.tx.execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            [json],
        )?;
        Ok(())
    }

    /// The state this change leaves, in one read (see [`Store::snapshot`]).
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        self.reads.set(self.reads.get() + 1);
        read_snapshot(&self.tx)
    }

    /// Claims several reminders inside this change (see
    /// [`Store::claim_all`]); returns the ids newly claimed.
    pub fn claim_all(
        &self,
        items: &[(String, DateTime<Utc>)],
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<Vec<String>, StoreError> {
        let mut claimed = Vec::new();
        for (id, due) in items {
            if claim(&self.tx, id, *due, at, how)? {
                claimed.push(id.clone());
            }
        }
        Ok(claimed)
    }

    /// Keeps every write of the change.
    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }
}

/// The one statement a snapshot is: the settings document, the plan row
/// and every session (as a JSON array of `[id, date]`, by date).
const SNAPSHOT_SQL: &str = "
SELECT (SELECT json FROM settings WHERE id = 1),
       (SELECT planned FROM plan WHERE id = 1),
       (SELECT protocol FROM plan WHERE id = 1),
       (SELECT json_group_array(json_array(id, date) ORDER BY date, id) FROM sessions)";

fn read_snapshot(conn: &Connection) -> Result<Snapshot, StoreError> {
    let (settings_json, planned, protocol, sessions_json) =
        conn.query_row(SNAPSHOT_SQL, [], |row| {
            Ok((
                row.get::<_, Option<String>>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, String>(3)?,
            ))
        })?;
    // Every value is read on its own: one that no longer reads is reported
    // and left out or defaulted, never a reason to refuse the whole plan
    // (which would lock the client out of the very commands that repair it
    // and stop the reminders).
    let mut values_reset = Vec::new();
    let rows: Vec<(i64, serde_json::Value)> =
        serde_json::from_str(&sessions_json).map_err(|_| unreadable("sessions", &sessions_json))?;
    let mut sessions = Vec::with_capacity(rows.len());
    for (id, date) in rows {
        let text = date
            .as_str()
            .map(str::to_string)
            .unwrap_or(date.to_string());
        match read_date(&text) {
            Ok(date) => sessions.push(SessionRow { id, date }),
            Err(_) => values_reset.push(ValueReset {
                field: "session".into(),
                session_id: Some(id),
                stored: shorten(&text),
                used: None,
                reason: None,
                message: format!(
                    "a stored session date, {}, could not be read, so that session is left out of your plan: delete it and enter its date again",
                    shorten(&text)
                ),
            }),
        }
    }
    let planned = match planned {
        None => None,
        Some(n) => match u32::try_from(n) {
            Ok(n) if (1..=aftercare::error::MAX_PLANNED).contains(&n) => Some(n),
            _ => {
                values_reset.push(ValueReset {
                    field: "planned".into(),
                    session_id: None,
                    stored: n.to_string(),
                    used: None,
                    reason: None,
                    message: format!(
                        "the stored number of planned sessions, {n}, could not be used, so your clinic's usual number is used until you choose one"
                    ),
                });
                None
            }
        },
    };
    let protocol = match protocol {
        None => ProtocolChoice::default(),
        Some(json) => match serde_json::from_str(&json) {
            // A built-in id this version doesn't have (a newer version's
            // protocol) no longer reads either: kept and reported the same.
            Ok(ProtocolChoice::Builtin { id }) if !aftercare::builtin_ids().any(|k| k == id) => {
                let why = aftercare::Protocol::builtin(&id)
                    .err()
                    .map(|e| crate::error::AppError::from_engine(e, "protocol"));
                values_reset.push(protocol_reset(&json, why));
                ProtocolChoice::default()
            }
            Ok(choice) => choice,
            Err(_) => {
                values_reset.push(protocol_reset(&json, None));
                ProtocolChoice::default()
            }
        },
    };
    let settings = match settings_json {
        None => Settings::default(),
        Some(json) => match settings::read(&json) {
            Ok((settings, resets)) => {
                values_reset.extend(resets);
                settings
            }
            Err(_) => {
                values_reset.push(ValueReset {
                    field: "settings".into(),
                    session_id: None,
                    stored: shorten(&json),
                    used: None,
                    reason: None,
                    message: format!(
                        "your stored settings, {}, could not be read, so the defaults are used until you save your settings",
                        shorten(&json)
                    ),
                });
                Settings::default()
            }
        },
    };
    Ok(Snapshot {
        sessions,
        planned,
        protocol,
        settings,
        values_reset,
    })
}

/// The UNIQUE constraint on a session's date as the store's error.
fn booked(e: rusqlite::Error, date: NaiveDate) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            StoreError::DuplicateSession { date }
        }
        _ => StoreError::Database(e),
    }
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

impl Opened {
    /// Set when the file could only be opened for reading (also on
    /// [`Store::read_only`]).
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.store.read_only.as_ref()
    }
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
    /// No kept imported protocol has that row id.
    #[error("no imported protocol with id {id}")]
    ImportedNotFound {
        /// The row id.
        id: i64,
    },
    /// A care item already has as many ticks on that date as it may hold.
    #[error("{care_id} already has {most} ticks on {date}")]
    TicksFull {
        /// The care item's id.
        care_id: String,
        /// The date.
        date: NaiveDate,
        /// The most ticks it may hold in a day.
        most: u32,
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
    /// The store was opened read-only (see [`Store::read_only`]): nothing
    /// can be changed until the app can write to its folder.
    #[error("SMP Aftercare can only read your plan, so this change was not saved: it cannot write to {} ({reason}). Free some disk space or make the folder writable, then restart the app", folder.display())]
    ReadOnly {
        /// The data folder.
        folder: PathBuf,
        /// Why it cannot be written.
        reason: String,
    },
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
}

impl Store {
    /// Opens (or creates) the store in `data_dir`, creating the folder if
    /// needed. An unusable file is moved aside and a fresh store started;
    /// `Opened::recovered` then says where the old file is. A file that
    /// cannot be opened for writing but can be read, at this app's schema
    /// version, is opened read-only (`Opened::read_only` says why) rather
    /// than not at all.
    pub fn open(data_dir: &Path) -> Result<Opened, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|e| StoreError::CreateFolder {
            path: data_dir.to_path_buf(),
            reason: io_reason(&e),
        })?;
        let path = data_dir.join(DB_FILE);
        let (conn, recovered, read_only) = match open::open_file(&path) {
            Ok((conn, recovered)) => (conn, recovered, None),
            Err(err) if path.is_file() => match open::open_read_only(&path) {
                Ok(conn) => {
                    let reason = why_unwritable(data_dir).unwrap_or_else(|| match &err {
                        StoreError::Open { reason, .. } => reason.clone(),
                        other => other.to_string(),
                    });
                    log::warn!("store: {} opened read-only: {reason}", path.display());
                    let folder = data_dir.to_path_buf();
                    (conn, None, Some(ReadOnly { folder, reason }))
                }
                // Not readable either: the first error says more.
                Err(_) => return Err(err),
            },
            Err(err) => return Err(err),
        };
        Ok(Opened {
            store: Store {
                conn,
                path,
                reads: Cell::new(0),
                read_only,
            },
            recovered,
        })
    }

    /// Opens the store file in `data_dir` for reading only, as [`Store::open`]
    /// does when it cannot write: changes are refused with
    /// [`StoreError::ReadOnly`] and reminder claims are kept in memory. The
    /// file is never written. Fails when the file is missing, unreadable or
    /// at another schema version.
    pub fn open_read_only(data_dir: &Path) -> Result<Store, StoreError> {
        let path = data_dir.join(DB_FILE);
        let conn = open::open_read_only(&path)?;
        Ok(Store {
            conn,
            path,
            reads: Cell::new(0),
            read_only: Some(ReadOnly {
                folder: data_dir.to_path_buf(),
                reason: "opened for reading only".to_string(),
            }),
        })
    }

    /// Set when the store could only be opened for reading.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// The values kept in the `recovered` table, oldest first.
    pub fn kept_values(&self) -> Result<Vec<KeptValue>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT field, session_id, stored FROM recovered ORDER BY id")?;
        let rows = stmt
            .query_map([], |row| {
                Ok(KeptValue {
                    field: row.get(0)?,
                    session_id: row.get(1)?,
                    stored: row.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything the plan and the settings are made of, in ONE read (one
    /// SQL statement, so one consistent view even beside a writer).
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        self.reads.set(self.reads.get() + 1);
        read_snapshot(&self.conn)
    }

    /// How many reads ([`Store::snapshot`], [`Store::delivery_log`],
    /// [`Store::delivered_ids`]) this store has answered; tests use it to
    /// hold each command to its one read.
    pub fn reads(&self) -> u64 {
        self.reads.get()
    }

    /// Begins a change: every write of it is applied in ONE transaction,
    /// and none is kept unless [`Change::commit`] is called.
    ///
    /// Before anything else, every stored value that no longer reads is
    /// copied to the `recovered` table (`keep_unreadable`), so that the
    /// change, which may be the client's repair, never loses it. A store
    /// opened read-only refuses with [`StoreError::ReadOnly`].
    pub fn change(&mut self) -> Result<Change<'_>, StoreError> {
        if let Some(r) = &self.read_only {
            return Err(StoreError::ReadOnly {
                folder: r.folder.clone(),
                reason: r.reason.clone(),
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        keep_unreadable(&tx)?;
        Ok(Change {
            tx,
            reads: &self.reads,
        })
    }

    /// The protocol choice and every kept imported protocol (oldest import
    /// first, schema V4), and the language setting the picker reads their
    /// names in, in ONE read: what the picker lists. A choice of
    /// another plan never deletes a kept one. A stored choice that no longer
    /// reads is the default here; [`Store::snapshot`] reports it.
    pub fn protocols_kept(
        &self,
    ) -> Result<(ProtocolChoice, Vec<ImportedRow>, LanguageMode), StoreError> {
        self.reads.set(self.reads.get() + 1);
        let (choice, rows, settings) = self.conn.query_row(
            "SELECT (SELECT protocol FROM plan WHERE id = 1),
                    (SELECT json_group_array(json_array(id, source_name, text) ORDER BY id)
                     FROM imported_protocols),
                    (SELECT json FROM settings WHERE id = 1)",
            [],
            |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            },
        )?;
        // The language the picker's names are read in; settings that don't
        // read are reported by `snapshot`, and follow the device here.
        let language = settings
            .and_then(|json| settings::read(&json).ok())
            .map(|(s, _)| s.language)
            .unwrap_or_default();
        let choice = choice
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let rows: Vec<(i64, String, String)> =
            serde_json::from_str(&rows).map_err(|_| unreadable("imported protocols", &rows))?;
        let rows = rows
            .into_iter()
            .map(|(id, source_name, text)| ImportedRow {
                id,
                source_name,
                text,
            })
            .collect();
        Ok((choice, rows, language))
    }

    /// The booked sessions, by date (from a snapshot).
    pub fn sessions(&self) -> Result<Vec<SessionRow>, StoreError> {
        Ok(self.snapshot()?.sessions)
    }

    /// How many sessions the client expects; `None` means the protocol's
    /// usual count (from a snapshot).
    pub fn planned(&self) -> Result<Option<u32>, StoreError> {
        Ok(self.snapshot()?.planned)
    }

    /// The protocol the plan follows (from a snapshot).
    pub fn protocol_choice(&self) -> Result<ProtocolChoice, StoreError> {
        Ok(self.snapshot()?.protocol)
    }

    /// The client's settings (from a snapshot); see [`Snapshot::settings`].
    pub fn settings(&self) -> Result<Settings, StoreError> {
        Ok(self.snapshot()?.settings)
    }

    /// Books a session on `date`, alone in its transaction.
    pub fn insert_session(&mut self, date: NaiveDate) -> Result<SessionRow, StoreError> {
        let change = self.change()?;
        let row = change.insert_session(date)?;
        change.commit()?;
        Ok(row)
    }

    /// Moves session `id` to `date`, alone in its transaction.
    pub fn update_session(&mut self, id: i64, date: NaiveDate) -> Result<SessionRow, StoreError> {
        let change = self.change()?;
        let row = change.update_session(id, date)?;
        change.commit()?;
        Ok(row)
    }

    /// Removes session `id`, alone in its transaction.
    pub fn delete_session(&mut self, id: i64) -> Result<(), StoreError> {
        let change = self.change()?;
        change.delete_session(id)?;
        change.commit()
    }

    /// Sets the planned count, alone in its transaction.
    pub fn set_planned(&mut self, planned: Option<u32>) -> Result<(), StoreError> {
        let change = self.change()?;
        change.set_planned(planned)?;
        change.commit()
    }

    /// Sets the protocol the plan follows, alone in its transaction.
    pub fn set_protocol_choice(&mut self, choice: &ProtocolChoice) -> Result<(), StoreError> {
        let change = self.change()?;
        change.set_protocol_choice(choice)?;
        change.commit()
    }

    /// Saves the client's settings, alone in its transaction.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let change = self.change()?;
        change.save_settings(settings)?;
        change.commit()
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
        self.reads.set(self.reads.get() + 1);
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
        // A row that no longer reads (a newer version's delivery kind, a
        // hand edit) is left out of the lists, not a reason to fail them:
        // its id still counts in `delivered_ids`, so it is never shown twice.
        let entries = rows
            .into_iter()
            .filter_map(|(id, due, delivered_at, how, error)| {
                let entry = (|| {
                    Ok::<_, StoreError>(LogEntry {
                        due: read_instant("reminder due time", &due)?,
                        delivered_at: read_instant("reminder delivery time", &delivered_at)?,
                        how: DeliveryHow::parse(&how)
                            .ok_or_else(|| unreadable("reminder delivery kind", &how))?,
                        id: id.clone(),
                        error,
                    })
                })();
                entry
                    .map_err(|e| log::warn!("reminder log entry {id} left out: {e}"))
                    .ok()
            })
            .collect();
        Ok(entries)
    }

    /// The ids of every reminder in the log (delivered, summarised, missed
    /// or failed): none of them is to be shown again.
    pub fn delivered_ids(&self) -> Result<HashSet<String>, StoreError> {
        self.reads.set(self.reads.get() + 1);
        let mut stmt = self.conn.prepare("SELECT id FROM reminder_log")?;
        let ids = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(ids)
    }

    /// Ticks off care item `care_id` once on `date` (the client's date in
    /// the plan's zone) at the instant `at`, unless it already has `most`
    /// ticks that day ([`StoreError::TicksFull`]); the count and the write
    /// are one transaction, so two quick taps never pass the limit. Returns
    /// the day's ticks of the item after it.
    pub fn tick_care(
        &mut self,
        date: NaiveDate,
        care_id: &str,
        at: DateTime<Utc>,
        most: u32,
    ) -> Result<u32, StoreError> {
        self.refuse_read_only()?;
        let tx = self.write()?;
        let count = count_ticks(&tx, date, care_id)?;
        if count >= most {
            return Err(StoreError::TicksFull {
                care_id: care_id.to_string(),
                date,
                most,
            });
        }
        tx.execute(
            "INSERT INTO care_ticks (date, care_id, at) VALUES (?1, ?2, ?3)",
            params![date_text(date), care_id, instant_text(at)],
        )?;
        tx.commit()?;
        Ok(count + 1)
    }

    /// Takes back the latest tick of `care_id` on `date`; returns the day's
    /// ticks of the item after it. With none to take back it changes
    /// nothing and returns 0 (a second tap of "undo" is not an error).
    pub fn untick_care(&mut self, date: NaiveDate, care_id: &str) -> Result<u32, StoreError> {
        self.refuse_read_only()?;
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM care_ticks WHERE id = (
                 SELECT max(id) FROM care_ticks WHERE date = ?1 AND care_id = ?2)",
            params![date_text(date), care_id],
        )?;
        let count = count_ticks(&tx, date, care_id)?;
        tx.commit()?;
        Ok(count)
    }

    /// Every tick from `from` to `to` (inclusive), by date, care id and
    /// time. A row that no longer reads is left out and logged, never a
    /// reason to fail Today or the timeline.
    pub fn care_ticks(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CareTick>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT date, care_id, at FROM care_ticks WHERE date BETWEEN ?1 AND ?2
             ORDER BY date, care_id, at, id",
        )?;
        let rows = stmt
            .query_map(params![date_text(from), date_text(to)], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows
            .into_iter()
            .filter_map(|(date, care_id, at)| {
                let tick = (|| {
                    Ok::<_, StoreError>(CareTick {
                        date: aftercare::parse_date(&date)
                            .map_err(|_| unreadable("care tick date", &date))?,
                        at: read_instant("care tick time", &at)?,
                        care_id: care_id.clone(),
                    })
                })();
                tick.map_err(|e| log::warn!("care tick of {care_id} left out: {e}"))
                    .ok()
            })
            .collect())
    }

    /// How many times each care item was ticked off on `date`, by care id.
    pub fn care_counts(&self, date: NaiveDate) -> Result<BTreeMap<String, u32>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT care_id, count(*) FROM care_ticks WHERE date = ?1 GROUP BY care_id")?;
        let counts = stmt
            .query_map([date_text(date)], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, u32>(1)?))
            })?
            .collect::<Result<BTreeMap<_, _>, _>>()?;
        Ok(counts)
    }

    /// Begins a write transaction, taking the write lock now. Read-only,
    /// only the temporary log can be written, and there is no file lock to
    /// take.
    fn write(&mut self) -> Result<Transaction<'_>, StoreError> {
        let behavior = if self.read_only.is_some() {
            TransactionBehavior::Deferred
        } else {
            TransactionBehavior::Immediate
        };
        Ok(self.conn.transaction_with_behavior(behavior)?)
    }
}

/// Copies each stored value that no longer reads, whole, into `recovered`
/// (once: the table's unique index ignores a value already kept). A
/// setting that no longer reads keeps the whole settings document.
fn keep_unreadable(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let resets = read_snapshot(tx)?.values_reset;
    if resets.is_empty() {
        return Ok(());
    }
    let found_at = instant_text(Utc::now());
    for reset in resets {
        // Every query takes the session id, NULL for the single-row values,
        // so that one call reads them all.
        let (field, sql) = match reset.field.as_str() {
            "session" => (
                "session",
                "SELECT CAST(date AS TEXT) FROM sessions WHERE id = ?1",
            ),
            "planned" => (
                "planned",
                "SELECT CAST(planned AS TEXT) FROM plan WHERE id = 1 AND ?1 IS NULL",
            ),
            "protocol" => (
                "protocol",
                "SELECT protocol FROM plan WHERE id = 1 AND ?1 IS NULL",
            ),
            _ => (
                "settings",
                "SELECT json FROM settings WHERE id = 1 AND ?1 IS NULL",
            ),
        };
        let stored: Option<String> = tx
            .query_row(sql, [reset.session_id], |row| row.get(0))
            .optional()?
            .flatten();
        if let Some(stored) = stored {
            tx.execute(
                "INSERT OR IGNORE INTO recovered (field, session_id, stored, found_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![field, reset.session_id, stored, found_at],
            )?;
        }
    }
    Ok(())
}

/// One tick of a care item, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareTick {
    /// The client's date it counts for.
    pub date: NaiveDate,
    /// The care item's id.
    pub care_id: String,
    /// When it was ticked.
    pub at: DateTime<Utc>,
}

/// The ticks of one care item on one date.
fn count_ticks(tx: &Transaction<'_>, date: NaiveDate, care_id: &str) -> Result<u32, StoreError> {
    Ok(tx.query_row(
        "SELECT count(*) FROM care_ticks WHERE date = ?1 AND care_id = ?2",
        params![date_text(date), care_id],
        |row| row.get(0),
    )?)
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

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn read_date(text: &str) -> Result<NaiveDate, StoreError> {
    // The engine's own reading: a real calendar day within its years.
    aftercare::parse_date(text).map_err(|_| unreadable("session date", text))
}

/// The report of a stored protocol choice that could not be read, or that
/// the engine refused (`why`): the default protocol is followed until the
/// client chooses one.
pub(crate) fn protocol_reset(stored: &str, why: Option<crate::error::AppError>) -> ValueReset {
    let because = why.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
    ValueReset {
        field: "protocol".into(),
        session_id: None,
        stored: shorten(stored),
        used: None,
        reason: why,
        message: format!(
            "your stored protocol choice, {}, could not be used{because}, so the default protocol is followed until you choose yours again",
            shorten(stored)
        ),
    }
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

/// An `Unreadable` error with the value cut to a readable length.
fn unreadable(what: &'static str, value: &str) -> StoreError {
    StoreError::Unreadable {
        what,
        value: shorten(value),
    }
}

/// A stored value cut to a readable length for a message.
fn shorten(value: &str) -> String {
    const MAX: usize = 80;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// Why nothing can be written in `folder`, in the client's words, found by
/// trying to: SQLite's own reason ("unable to open database file") says
/// nothing a client can act on. `None` when a file can be written there.
fn why_unwritable(folder: &Path) -> Option<String> {
    let probe = folder.join(".smp-aftercare-write-check");
    match std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) => Some(match e.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_string(),
            std::io::ErrorKind::PermissionDenied => {
                "you are not allowed to write in that folder".to_string()
            }
            std::io::ErrorKind::StorageFull => "the disk is full".to_string(),
            _ => io_reason(&e),
        }),
    }
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
    fn io_reasons_are_short() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&e), "permission denied");
        let e = std::io::Error::other("disk on fire");
        assert_eq!(io_reason(&e), "disk on fire");
    }
}
