//! The healing journal in the store: one check-in per day (symptom levels,
//! a note) and the photos it holds, by content hash.
//!
//! Photo files live beside the database (`crate::photos`); a check-in row
//! is written only after its files are in place, and a file no row refers
//! to is swept away, so a kill at any moment leaves either the whole
//! check-in with its files or none of it.

use std::collections::HashSet;

use aftercare::Symptoms;
use chrono::{DateTime, NaiveDate, Utc};

use super::{Store, StoreError};

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
    pub fn check_in_save(
        &mut self,
        date: NaiveDate,
        symptoms: &Symptoms,
        note: &str,
        photos: &[PhotoRow],
        at: DateTime<Utc>,
    ) -> Result<CheckInRow, StoreError> {
        let _ = (date, symptoms, note, photos, at);
        Err(StoreError::Encode {
            what: "check-in",
            reason: "not built yet".into(),
        })
    }

    /// Deletes the check-in of `date`. Returns the hashes of photos no
    /// check-in refers to any more (their files are the caller's to
    /// remove). Deleting a day with no check-in changes nothing.
    pub fn check_in_delete(&mut self, date: NaiveDate) -> Result<Vec<String>, StoreError> {
        let _ = date;
        Ok(Vec::new())
    }

    /// The check-in of `date`, if there is one.
    pub fn check_in(&self, date: NaiveDate) -> Result<Option<CheckInRow>, StoreError> {
        let _ = date;
        Ok(None)
    }

    /// Every check-in, oldest first.
    pub fn check_ins(&self) -> Result<Vec<CheckInRow>, StoreError> {
        Ok(Vec::new())
    }

    /// The hashes of every photo some check-in refers to.
    pub fn photo_hashes_in_use(&self) -> Result<HashSet<String>, StoreError> {
        Ok(HashSet::new())
    }
}
