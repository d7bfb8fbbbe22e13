//! Opening the database file, and what happens when it cannot be used.
//!
//! The file holds the client's booked sessions and the record of which
//! reminders were already shown. Losing it silently would be worse than any
//! error, so a file this app cannot use is never deleted and never repaired
//! in place: it is renamed, with its `-wal`, `-shm` and `-journal`
//! companions, to `smp-aftercare.sqlite3.damaged-<UTC time>` in the same
//! folder, a fresh store is started, and the caller is told where the old
//! file went so the UI can say so (a clinic or a support person can still
//! read it).
//!
//! "Cannot use" needs positive evidence, never a guess:
//!
//! - SQLite says it is not a database, or that it is corrupt;
//! - `PRAGMA quick_check` reports a problem;
//! - its schema version is newer than this app knows (a newer app wrote it,
//!   then the client went back to an older one), or negative;
//! - it is at version 0 but already holds tables, so it is some other
//!   program's database;
//! - the migrations to the current version fail on it;
//! - it is missing or empty while its `-wal` holds data (SQLite would
//!   delete that log as a leftover, and it may be all that is left).
//!
//! Anything else (the folder is read-only, the disk is full, another
//! process holds a lock) is an environment problem, not a damaged file: it
//! is reported as an error naming the path and the file is left where it is,
//! so the next start can succeed.
//!
//! The checks only read. Checkpoint-on-close is switched off while they run,
//! so that closing the connection over a file we are about to move aside
//! does not fold its write-ahead log into it: the file and its `-wal` are
//! moved exactly as found. WAL mode and the migrations, which write, come
//! after the checks.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::schema::{MIGRATIONS, SCHEMA_VERSION};
use super::{Recovered, StoreError, io_reason};

/// How long a statement waits for a lock held by another connection (a
/// second app instance, a backup tool) before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Files SQLite may keep next to the database; they belong to it and move
/// with it.
const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The outcome of trying one file.
enum Attempt {
    /// Checked, configured and migrated to the current version.
    Ready(Connection),
    /// Not usable, for this reason (a clause for the UI).
    Damaged(String),
}

/// Opens the store file at `path`, moving an unusable one aside first.
pub(super) fn open_file(path: &Path) -> Result<(Connection, Option<Recovered>), StoreError> {
    let reason = match attempt(path)? {
        Attempt::Ready(conn) => return Ok((conn, None)),
        Attempt::Damaged(reason) => reason,
    };
    let moved_to = move_aside(path, Utc::now())?;
    log::warn!(
        "store: {} moved to {}: {reason}",
        path.display(),
        moved_to.display()
    );
    match attempt(path)? {
        Attempt::Ready(conn) => Ok((conn, Some(Recovered { moved_to, reason }))),
        // A file made a moment ago by SQLite itself cannot be damaged unless
        // something else is badly wrong; say so rather than loop.
        Attempt::Damaged(again) => Err(StoreError::Open {
            path: path.to_path_buf(),
            reason: format!("a fresh database could not be started: {again}"),
        }),
    }
}

/// Opens `path` for reading only, for a file that cannot be written (a
/// read-only folder or disk): first as SQLite's read-only mode, which
/// needs the `-shm` file it keeps next to a WAL database, then, when that
/// cannot be created, as an immutable file (its `-wal`, if any, is not
/// read then: only an unclean shutdown leaves one behind). The file must be
/// at this app's schema version: an older one would need a migration,
/// which writes.
///
/// Reminder claims go to a temporary copy of the log (a TEMP table shadows
/// the file's table of the same name), so that a reminder shown while the
/// app runs is not shown twice; nothing is ever written to the file.
pub(super) fn open_read_only(path: &Path) -> Result<Connection, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::Open {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI;
    let uri = |query: &str| format!("file:{}?{query}", uri_path(path));
    let attempt = |query: &str| -> Result<Connection, String> {
        let conn = Connection::open_with_flags(uri(query), flags).map_err(|e| e.to_string())?;
        // Opening is lazy: the first read tells whether it works.
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| e.to_string())?;
        if version != i64::from(SCHEMA_VERSION) {
            return Err(format!(
                "the file is at schema version {version}, and this app needs {SCHEMA_VERSION}"
            ));
        }
        Ok(conn)
    };
    let conn = attempt("mode=ro")
        .or_else(|_| attempt("immutable=1"))
        .map_err(|reason| StoreError::Open {
            path: path.to_path_buf(),
            reason,
        })?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    conn.execute_batch(
        "CREATE TEMP TABLE reminder_log (
             id           TEXT PRIMARY KEY,
             due          TEXT NOT NULL,
             delivered_at TEXT NOT NULL,
             how          TEXT NOT NULL,
             error        TEXT
         );
         INSERT INTO temp.reminder_log SELECT id, due, delivered_at, how, error FROM main.reminder_log;",
    )
    .map_err(fail)?;
    Ok(conn)
}

/// `path` as the path part of an SQLite `file:` URI: `%`, `?` and `#` (and
/// anything that is not plain ASCII) escaped as `%HH`.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{byte:02X}")),
            0x21..=0x7e => out.push(char::from(*byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Opens, checks and migrates one file.
fn attempt(path: &Path) -> Result<Attempt, StoreError> {
    let fail = |e: rusqlite::Error| StoreError::Open {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    if let Some(reason) = orphaned_wal(path) {
        return Ok(Attempt::Damaged(reason));
    }
    let mut conn = Connection::open(path).map_err(fail)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .map_err(fail)?;

    match inspect(&conn) {
        Ok(None) => {}
        Ok(Some(reason)) => return Ok(Attempt::Damaged(reason)),
        Err(e) => return damaged_or(e, fail),
    }

    let configured = (|| {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // Some file systems (network shares) refuse WAL; SQLite then
            // keeps a rollback journal, which is slower but just as safe.
            log::warn!("store: {} stays in {mode} journal mode", path.display());
        }
        conn.pragma_update(None, "foreign_keys", true)
    })();
    if let Err(e) = configured {
        return damaged_or(e, fail);
    }

    match MIGRATIONS.to_latest(&mut conn) {
        Ok(()) => Ok(Attempt::Ready(conn)),
        Err(rusqlite_migration::Error::RusqliteError { err, .. }) if is_environment(&err) => {
            Err(fail(err))
        }
        // SQLite's own message, without the whole migration text that
        // rusqlite_migration quotes around it: the UI shows this.
        Err(rusqlite_migration::Error::RusqliteError { err, .. }) => Ok(not_upgraded(&err)),
        Err(e) => Ok(not_upgraded(&e)),
    }
}

fn not_upgraded(e: &dyn std::fmt::Display) -> Attempt {
    Attempt::Damaged(format!(
        "the file could not be upgraded to schema version {SCHEMA_VERSION}: {e}"
    ))
}

/// SQLite deletes the `-wal` of a database file that is missing or empty
/// (it takes it for a leftover), but then the log may be all that is left
/// of the client's data: keep it.
fn orphaned_wal(path: &Path) -> Option<String> {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    (size(path) == 0 && size(&with_suffix(path, "-wal")) > 0).then(|| {
        "the database file is missing or empty, but its write-ahead log holds data".to_string()
    })
}

/// The read-only checks: `Some(reason)` when the file is not usable.
fn inspect(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version > i64::from(SCHEMA_VERSION) {
        return Ok(Some(format!(
            "the file was written by a newer version of SMP Aftercare (schema version \
             {version}; this version knows up to {SCHEMA_VERSION})"
        )));
    }
    if version < 0 {
        return Ok(Some(format!(
            "the file has an invalid schema version {version}"
        )));
    }

    let mut problems = Vec::new();
    conn.pragma_query(None, "quick_check", |row| {
        problems.push(row.get::<_, String>(0)?);
        Ok(())
    })?;
    if problems.len() != 1 || problems[0] != "ok" {
        problems.truncate(3);
        return Ok(Some(format!(
            "the file failed SQLite's integrity check: {}",
            problems.join("; ")
        )));
    }

    if version == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
            [],
            |row| row.get(0),
        )?;
        if tables > 0 {
            return Ok(Some(
                "the file holds tables SMP Aftercare did not create".to_string(),
            ));
        }
    }
    Ok(None)
}

/// A read error is evidence of damage only when SQLite says the file is not
/// a database or is corrupt; anything else is reported as it is.
fn damaged_or(
    e: rusqlite::Error,
    fail: impl Fn(rusqlite::Error) -> StoreError,
) -> Result<Attempt, StoreError> {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Ok(Attempt::Damaged(
            "the file is not a SQLite database".to_string(),
        )),
        Some(ErrorCode::DatabaseCorrupt) => {
            Ok(Attempt::Damaged(format!("the file is damaged: {e}")))
        }
        _ => Err(fail(e)),
    }
}

/// Errors that say something about the machine, not the file: the same
/// file may open fine next time, so it must not be moved aside.
fn is_environment(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::DiskFull
                | ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::SystemIoFailure
                | ErrorCode::OutOfMemory
                | ErrorCode::OperationInterrupted
                | ErrorCode::FileLockingProtocolFailed
                | ErrorCode::NoLargeFileSupport
        )
    )
}

/// Renames the file at `path` and its companions aside; returns the new
/// name of the file itself (of its `-wal` when only that was there).
fn move_aside(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let target = aside_path(path, now).ok_or_else(|| StoreError::MoveAside {
        from: path.to_path_buf(),
        to: path.with_file_name(aside_name(path, now, 1)),
        reason: "too many damaged copies with that time already exist".to_string(),
    })?;
    let had_file = path.exists();
    if had_file {
        rename(path, &target)?;
    }
    for suffix in COMPANIONS {
        let from = with_suffix(path, suffix);
        if from.exists() {
            rename(&from, &with_suffix(&target, suffix))?;
        }
    }
    Ok(if had_file {
        target
    } else {
        with_suffix(&target, "-wal")
    })
}

fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    std::fs::rename(from, to).map_err(|e| StoreError::MoveAside {
        from: from.to_path_buf(),
        to: to.to_path_buf(),
        reason: io_reason(&e),
    })
}

/// The first `…damaged-<time>[-n]` name under which neither the file nor
/// any companion exists yet: a rename must never replace an earlier
/// damaged copy (two recoveries within a second).
fn aside_path(path: &Path, now: DateTime<Utc>) -> Option<PathBuf> {
    (1..=1000)
        .map(|n| path.with_file_name(aside_name(path, now, n)))
        .find(|candidate| {
            !candidate.exists()
                && COMPANIONS
                    .iter()
                    .all(|s| !with_suffix(candidate, s).exists())
        })
}

fn aside_name(path: &Path, now: DateTime<Utc>, n: u32) -> String {
    let file = path.file_name().unwrap_or_default().to_string_lossy();
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    if n == 1 {
        format!("{file}.damaged-{stamp}")
    } else {
        format!("{file}.damaged-{stamp}-{n}")
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "smp-store-unit-{name}-{}-{}",
            std::process::id(),
            Utc::now().timestamp_nanos_opt().unwrap_or_default()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn aside_name_is_the_file_name_and_utc_time() {
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 5, 7).unwrap();
        let path = Path::new("/data/smp-aftercare.sqlite3");
        assert_eq!(
            aside_name(path, at, 1),
            "smp-aftercare.sqlite3.damaged-20260302T090507Z"
        );
        assert_eq!(
            aside_name(path, at, 2),
            "smp-aftercare.sqlite3.damaged-20260302T090507Z-2"
        );
    }

    #[test]
    fn aside_path_never_reuses_an_existing_copy_or_its_companions() {
        let dir = scratch("aside");
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 5, 7).unwrap();
        let path = dir.join("smp-aftercare.sqlite3");
        let first = aside_path(&path, at).unwrap();
        assert_eq!(
            first,
            dir.join("smp-aftercare.sqlite3.damaged-20260302T090507Z")
        );
        std::fs::write(&first, b"earlier copy").unwrap();
        let second = aside_path(&path, at).unwrap();
        assert_eq!(
            second,
            dir.join("smp-aftercare.sqlite3.damaged-20260302T090507Z-2")
        );
        std::fs::write(with_suffix(&second, "-wal"), b"earlier wal").unwrap();
        let third = aside_path(&path, at).unwrap();
        assert_eq!(
            third,
            dir.join("smp-aftercare.sqlite3.damaged-20260302T090507Z-3")
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn move_aside_keeps_companions_with_the_file() {
        let dir = scratch("move");
        let at = Utc.with_ymd_and_hms(2026, 3, 2, 9, 5, 7).unwrap();
        let path = dir.join("smp-aftercare.sqlite3");
        std::fs::write(&path, b"main").unwrap();
        std::fs::write(with_suffix(&path, "-wal"), b"wal").unwrap();
        let moved = move_aside(&path, at).unwrap();
        assert!(!path.exists());
        assert!(!with_suffix(&path, "-wal").exists());
        assert_eq!(std::fs::read(&moved).unwrap(), b"main");
        assert_eq!(std::fs::read(with_suffix(&moved, "-wal")).unwrap(), b"wal");
        assert!(!with_suffix(&moved, "-shm").exists());
        std::fs::remove_dir_all(&dir).ok();
    }
}
