//! Scalp photos on disk: imported from the bytes the page sends, checked,
//! stripped of every metadata block (GPS position, device, time: a scalp
//! photo is health data), stored under a content hash with a thumbnail and
//! a screen-size copy, and swept when no check-in refers to them.
//!
//! Layout, in `<data dir>/photos/`: `<hash>.jpg` (or `.png`) full size,
//! `<hash>.screen.jpg` (long edge at most [`SCREEN_EDGE`]) and
//! `<hash>.thumb.jpg` (long edge at most [`THUMB_EDGE`]). Files are written
//! to a temporary name and renamed into place, so a file under its final
//! name is always whole.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;
use specta::Type;

/// The longest edge of a screen-size copy, in pixels.
pub const SCREEN_EDGE: u32 = 1600;
/// The longest edge of a thumbnail, in pixels.
pub const THUMB_EDGE: u32 = 320;
/// The most bytes a photo file may have (30 MB).
pub const MAX_PHOTO_BYTES: usize = 30 * 1000 * 1000;
/// The most pixels a photo may have (40 megapixels).
pub const MAX_PHOTO_PIXELS: u64 = 40_000_000;

/// Which stored copy of a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PhotoSize {
    /// The full-size, metadata-free image.
    Full,
    /// The screen-size copy.
    Screen,
    /// The thumbnail.
    Thumb,
}

/// How far an import has got, for a progress bar on large files.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Type)]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum PhotoProgress {
    /// Checking what the file is and its size.
    Checking,
    /// Decoding the image.
    Decoding,
    /// Making the copies; `done` of `of` written.
    Saving {
        /// Copies written so far.
        done: u32,
        /// Copies in all.
        of: u32,
    },
}

/// A photo in the store's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedPhoto {
    /// SHA-256 of the stored full-size file, lowercase hex.
    pub hash: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
}

/// Why a photo was refused or could not be stored. Nothing is stored
/// when an import fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Not an image this app reads (JPEG, PNG, WebP, HEIC named apart).
    #[error("{0}")]
    NotAnImage(String),
    /// Over the size limits.
    #[error("{0}")]
    TooLarge(String),
    /// A damaged or cut-off file.
    #[error("{0}")]
    Damaged(String),
    /// The folder could not be written.
    #[error("{0}")]
    Io(String),
}

/// The photo folder.
#[derive(Debug, Clone)]
pub struct PhotoStore {
    dir: PathBuf,
}

impl PhotoStore {
    /// The photo folder inside `data_dir` (created on first import).
    pub fn new(data_dir: &Path) -> Self {
        PhotoStore {
            dir: data_dir.join("photos"),
        }
    }

    /// The folder itself.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Checks, strips and stores `bytes`, reporting progress. Blocking and
    /// CPU-heavy: call it off the UI thread.
    pub fn import(
        &self,
        bytes: &[u8],
        progress: &mut dyn FnMut(PhotoProgress),
    ) -> Result<ImportedPhoto, PhotoError> {
        let _ = (bytes, progress);
        Err(PhotoError::Io("not built yet".into()))
    }

    /// Where the `size` copy of photo `hash` is; `None` for a hash that
    /// isn't 64 hex digits or a file that isn't there.
    pub fn path(&self, hash: &str, size: PhotoSize) -> Option<PathBuf> {
        let _ = (hash, size);
        None
    }

    /// Removes every file of photo `hash`.
    pub fn remove(&self, hash: &str) -> Result<(), PhotoError> {
        let _ = hash;
        Ok(())
    }

    /// Removes every file whose hash is not in `in_use` (and any temporary
    /// file left by a kill). Returns how many photos were removed.
    pub fn sweep(&self, in_use: &HashSet<String>) -> Result<usize, PhotoError> {
        let _ = in_use;
        Ok(0)
    }
}
