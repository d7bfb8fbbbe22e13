//! The healing journal in the store: one check-in per day (symptom levels,
//! a note) and the photos it holds, by content hash.
//!
//! Photo files live beside the database (`crate::photos`); a check-in row
//! is written only after its files are in place, and a file no row refers
//! to is swept away, so a kill at any moment leaves either the whole
//! check-in with its files or none of it.

use std::collections::HashSet;

use aftercare::{Level, Symptoms};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, date_text, instant_text, read_instant, unreadable};

/// One photo of a check-in, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoRow {
    /// The SHA-256 of the stored (metadata-free) file, in lowercase hex.
    pub hash: String,
    /// Pixel width of the stored full-size image.
    pub width: u32,
    /// Pixel height of the stored full-size image.
    pub height: u32,
}

/// One day's check-in, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInRow {
    /// The client's date (in the plan's zone) the check-in is for.
    pub date: NaiveDate,
    /// How the scalp was that day.
    pub symptoms: Symptoms,
    /// The client's free note ("" when none).
    pub note: String,
    /// Its photos, in the order the client added them.
    pub photos: Vec<PhotoRow>,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
}

impl Store {
    /// Saves the check-in of `date` (creating or replacing it whole) in one
    /// transaction. `photos` must already be imported (their files in
    /// place); the edit window is the command's business, not the store's.
    /// A replaced check-in keeps its `created_at`. A store opened read-only
    /// refuses with [`StoreError::ReadOnly`].
    pub fn check_in_save(
        &mut self,
        date: NaiveDate,
        symptoms: &Symptoms,
        note: &str,
        photos: &[PhotoRow],
        at: DateTime<Utc>,
    ) -> Result<CheckInRow, StoreError> {
        self.refuse_read_only()?;
        let tx = self.write()?;
        let day = date_text(date);
        let s = symptoms;
        tx.execute(
            "INSERT INTO check_ins
                 (date, redness, itching, scabs, soreness, swelling, sunburn, note,
                  created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
             ON CONFLICT (date) DO UPDATE SET
                 redness = excluded.redness, itching = excluded.itching,
                 scabs = excluded.scabs, soreness = excluded.soreness,
                 swelling = excluded.swelling, sunburn = excluded.sunburn,
                 note = excluded.note, updated_at = excluded.updated_at",
            params![
                day,
                level_text(s.redness),
                level_text(s.itching),
                level_text(s.scabs),
                level_text(s.soreness),
                level_text(s.swelling),
                level_text(s.sunburn),
                note,
                instant_text(at),
            ],
        )?;
        tx.execute("DELETE FROM check_in_photos WHERE date = ?1", [&day])?;
        for (position, photo) in photos.iter().enumerate() {
            tx.execute(
                "INSERT INTO check_in_photos (date, position, hash, width, height)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![day, position as i64, photo.hash, photo.width, photo.height],
            )?;
        }
        // Read back from the transaction: what was stored, `created_at`
        // included, is what the caller gets.
        let saved =
            read_check_ins(&tx, Some(date))?
                .pop()
                .ok_or_else(|| StoreError::Unreadable {
                    what: "check-in just saved",
                    value: day.clone(),
                })?;
        tx.commit()?;
        Ok(saved)
    }

    /// Deletes the check-in of `date`. Returns the hashes of photos no
    /// check-in refers to any more (their files are the caller's to
    /// remove). Deleting a day with no check-in changes nothing.
    pub fn check_in_delete(&mut self, date: NaiveDate) -> Result<Vec<String>, StoreError> {
        self.refuse_read_only()?;
        let tx = self.write()?;
        let day = date_text(date);
        let mut held: Vec<String> = {
            let mut stmt =
                tx.prepare("SELECT hash FROM check_in_photos WHERE date = ?1 ORDER BY position")?;
            stmt.query_map([&day], |row| row.get(0))?
                .collect::<Result<_, _>>()?
        };
        let mut seen = HashSet::new();
        held.retain(|hash| seen.insert(hash.clone()));
        tx.execute("DELETE FROM check_in_photos WHERE date = ?1", [&day])?;
        tx.execute("DELETE FROM check_ins WHERE date = ?1", [&day])?;
        let mut unreferenced = Vec::new();
        for hash in held {
            let still: Option<i64> = tx
                .query_row(
                    "SELECT 1 FROM check_in_photos WHERE hash = ?1 LIMIT 1",
                    [&hash],
                    |row| row.get(0),
                )
                .optional()?;
            if still.is_none() {
                unreferenced.push(hash);
            }
        }
        tx.commit()?;
        Ok(unreferenced)
    }

    /// The check-in of `date`, if there is one (`None` too when its row no
    /// longer reads: it is logged, never a reason to fail).
    pub fn check_in(&self, date: NaiveDate) -> Result<Option<CheckInRow>, StoreError> {
        Ok(read_check_ins(&self.conn, Some(date))?.pop())
    }

    /// Every check-in, oldest first. A row that no longer reads is left out
    /// and logged, never a reason to fail the journal.
    pub fn check_ins(&self) -> Result<Vec<CheckInRow>, StoreError> {
        read_check_ins(&self.conn, None)
    }

    /// The hashes of every photo some check-in refers to.
    pub fn photo_hashes_in_use(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT hash FROM check_in_photos")?;
        let hashes = stmt
            .query_map([], |row| row.get(0))?
            .collect::<Result<HashSet<String>, _>>()?;
        Ok(hashes)
    }

    /// A store opened read-only refuses every journal change (and care
    /// tick) up front, with the same message as a change of the plan
    /// ([`Store::change`]).
    pub(super) fn refuse_read_only(&self) -> Result<(), StoreError> {
        match &self.read_only {
            Some(r) => Err(StoreError::ReadOnly {
                folder: r.folder.clone(),
                reason: r.reason.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// The stored name of a level: the engine's serde name.
fn level_text(level: Level) -> &'static str {
    match level {
        Level::None => "none",
        Level::Mild => "mild",
        Level::Moderate => "moderate",
        Level::Strong => "strong",
    }
}

fn read_level(text: &str) -> Result<Level, StoreError> {
    match text {
        "none" => Ok(Level::None),
        "mild" => Ok(Level::Mild),
        "moderate" => Ok(Level::Moderate),
        "strong" => Ok(Level::Strong),
        other => Err(unreadable("symptom level", other)),
    }
}

/// One check-in row as SQLite holds it, before it is read.
struct RawCheckIn {
    date: String,
    levels: [String; 6],
    note: String,
    created_at: String,
    updated_at: String,
    /// The photos as one JSON array of `[hash, width, height]`, by position.
    photos: String,
}

/// The check-in of `only` (or every one, oldest first), each with its
/// photos, in one statement. Rows that no longer read are left out and
/// logged.
fn read_check_ins(
    conn: &rusqlite::Connection,
    only: Option<NaiveDate>,
) -> Result<Vec<CheckInRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT c.date, c.redness, c.itching, c.scabs, c.soreness, c.swelling, c.sunburn,
                c.note, c.created_at, c.updated_at,
                (SELECT json_group_array(json_array(p.hash, p.width, p.height) ORDER BY p.position)
                 FROM check_in_photos p WHERE p.date = c.date)
         FROM check_ins c
         WHERE ?1 IS NULL OR c.date = ?1
         ORDER BY c.date",
    )?;
    let raws = stmt
        .query_map([only.map(date_text)], |row| {
            Ok(RawCheckIn {
                date: row.get(0)?,
                levels: [
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ],
                note: row.get(7)?,
                created_at: row.get(8)?,
                updated_at: row.get(9)?,
                photos: row.get(10)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(raws
        .into_iter()
        .filter_map(|raw| {
            let date = raw.date.clone();
            read_raw(raw)
                .map_err(|e| log::warn!("check-in of {date} left out: {e}"))
                .ok()
        })
        .collect())
}

fn read_raw(raw: RawCheckIn) -> Result<CheckInRow, StoreError> {
    let date =
        aftercare::parse_date(&raw.date).map_err(|_| unreadable("check-in date", &raw.date))?;
    let [redness, itching, scabs, soreness, swelling, sunburn] = &raw.levels;
    let symptoms = Symptoms {
        redness: read_level(redness)?,
        itching: read_level(itching)?,
        scabs: read_level(scabs)?,
        soreness: read_level(soreness)?,
        swelling: read_level(swelling)?,
        sunburn: read_level(sunburn)?,
    };
    let photos: Vec<(String, u32, u32)> = serde_json::from_str(&raw.photos)
        .map_err(|_| unreadable("check-in photos", &raw.photos))?;
    Ok(CheckInRow {
        date,
        symptoms,
        note: raw.note,
        photos: photos
            .into_iter()
            .map(|(hash, width, height)| PhotoRow {
                hash,
                width,
                height,
            })
            .collect(),
        created_at: read_instant("check-in time", &raw.created_at)?,
        updated_at: read_instant("check-in time", &raw.updated_at)?,
    })
}
