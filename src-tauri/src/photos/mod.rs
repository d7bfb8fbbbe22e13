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

mod convert;
mod files;
mod sniff;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};
use specta::Type;

use files::Entry;

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
    /// Making the copies; `done` of `of` made. `done == of` comes once
    /// all are written.
    Saving {
        /// Copies made so far.
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

/// What a file refused as [`PhotoError::NotAnImage`] is, as its first
/// bytes tell (or its decoder, for [`FileIs::UnreadablePhoto`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileIs {
    /// An empty file.
    Empty,
    /// A HEIC photo (iPhones' default), which the app can't read yet.
    Heic,
    /// An AVIF image.
    Avif,
    /// A video (an ISO media file of another brand).
    Video,
    /// A GIF image.
    Gif,
    /// A PDF document.
    Pdf,
    /// A TIFF or camera raw file.
    Tiff,
    /// A BMP image.
    Bmp,
    /// A ZIP archive or office document.
    Zip,
    /// A text file.
    Text,
    /// A JPEG, PNG or WebP of a kind the decoder can't read.
    UnreadablePhoto,
    /// Anything else.
    Other,
}

/// Why a photo was refused or could not be stored. Nothing is stored
/// when an import fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Not an image this app reads: what the file is, and the sentence
    /// naming it.
    #[error("{1}")]
    NotAnImage(FileIs, String),
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

impl PhotoError {
    /// Whether the file was refused (the client can choose another one),
    /// as against the folder failing ([`PhotoError::Io`]: the app's or the
    /// device's fault, not the client's).
    pub fn is_refusal(&self) -> bool {
        !matches!(self, PhotoError::Io(_))
    }
}

/// Refuses a file of `len` bytes over [`MAX_PHOTO_BYTES`], with the same
/// message as [`PhotoStore::import`]: for a caller that knows the length
/// before it has the bytes (base64 from the page is 4/3 as long, so
/// `data.len() / 4 * 3` is within 2 bytes of the file's length).
pub fn check_size(len: usize) -> Result<(), PhotoError> {
    sniff::check_file_size(len)
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
    ///
    /// Refuses, storing nothing: a file over [`MAX_PHOTO_BYTES`]; anything
    /// but JPEG, PNG or WebP (told from the bytes, not the name); a photo
    /// over [`MAX_PHOTO_PIXELS`] (read from its header, before decoding);
    /// a cut-off or damaged file. The stored copies are re-encoded from
    /// the pixels, turned upright first, so they carry no metadata at all.
    /// The same photo imported twice is stored once.
    pub fn import(
        &self,
        bytes: &[u8],
        progress: &mut dyn FnMut(PhotoProgress),
    ) -> Result<ImportedPhoto, PhotoError> {
        progress(PhotoProgress::Checking);
        sniff::check_file_size(bytes.len())?;
        let format = sniff::sniff(bytes)?;
        sniff::check_whole(format, bytes)?;

        progress(PhotoProgress::Decoding);
        let image = convert::decode(format, bytes)?;

        // Encoded in memory first: the hash, and so every file name, is
        // the full-size copy's.
        const COPIES: u32 = 3;
        progress(PhotoProgress::Saving {
            done: 0,
            of: COPIES,
        });
        // Encoding is the slow part, so progress counts copies made; the
        // last step also writes all three.
        let (full, extension) = convert::encode_full(format, &image)?;
        let hash = hex(&Sha256::digest(&full));
        let (width, height) = (image.width(), image.height());
        progress(PhotoProgress::Saving {
            done: 1,
            of: COPIES,
        });
        let screen = convert::shrink(&image, SCREEN_EDGE);
        drop(image);
        let screen_bytes = convert::encode_copy(&screen)?;
        progress(PhotoProgress::Saving {
            done: 2,
            of: COPIES,
        });
        let thumb_bytes = convert::encode_copy(&convert::shrink(&screen, THUMB_EDGE))?;
        drop(screen);

        let names = [
            format!("{hash}.screen.jpg"),
            format!("{hash}.thumb.jpg"),
            // Last: a full-size file in place means its copies are too.
            format!("{hash}.{extension}"),
        ];
        let contents = [&screen_bytes, &thumb_bytes, &full];
        let photo = ImportedPhoto {
            hash,
            width,
            height,
        };
        if names.iter().all(|name| self.dir.join(name).is_file()) {
            // Already stored: same bytes, same names.
            progress(PhotoProgress::Saving {
                done: COPIES,
                of: COPIES,
            });
            return Ok(photo);
        }
        fs::create_dir_all(&self.dir).map_err(|e| files::io_error("saved", &self.dir, &e))?;

        let mut temps = Vec::new();
        let mut placed = Vec::new();
        let saved = self.place(&names, &contents, &mut temps, &mut placed);
        if saved.is_err() {
            // Nothing stored: remove this import's temporary files and the
            // names it put in place (names already there before are kept:
            // another check-in may show them).
            for path in temps.iter().chain(&placed) {
                let _ = fs::remove_file(path);
            }
        }
        saved?;
        progress(PhotoProgress::Saving {
            done: COPIES,
            of: COPIES,
        });
        Ok(photo)
    }

    /// Writes every copy to a temporary file, then renames each into place
    /// (`names` in order). Records what it wrote in `temps` and `placed`,
    /// for the caller to undo on failure.
    fn place(
        &self,
        names: &[String; 3],
        contents: &[&Vec<u8>; 3],
        temps: &mut Vec<PathBuf>,
        placed: &mut Vec<PathBuf>,
    ) -> Result<(), PhotoError> {
        for (name, bytes) in names.iter().zip(contents) {
            let temp = files::write_temp(&self.dir, name, bytes)
                .map_err(|e| files::io_error("saved", &self.dir.join(name), &e))?;
            temps.push(temp);
        }
        // A temporary file already renamed is simply gone when the caller
        // removes `temps` after a failure.
        for (temp, name) in temps.iter().zip(names) {
            let target = self.dir.join(name);
            let existed = target.is_file();
            fs::rename(temp, &target).map_err(|e| files::io_error("saved", &target, &e))?;
            if !existed {
                placed.push(target);
            }
        }
        files::sync_dir(&self.dir).map_err(|e| files::io_error("saved", &self.dir, &e))
    }

    /// Where the `size` copy of photo `hash` is; `None` for a hash that
    /// isn't 64 lowercase hex digits or a file that isn't there.
    pub fn path(&self, hash: &str, size: PhotoSize) -> Option<PathBuf> {
        if !files::is_hash(hash) {
            return None;
        }
        files::suffixes(size)
            .iter()
            .map(|suffix| self.dir.join(format!("{hash}{suffix}")))
            .find(|path| path.is_file())
    }

    /// Removes every file of photo `hash` (a file already gone is fine).
    pub fn remove(&self, hash: &str) -> Result<(), PhotoError> {
        if !files::is_hash(hash) {
            return Err(PhotoError::NotAnImage(
                FileIs::Other,
                format!("\"{hash}\" is not a photo name: it must be 64 hex digits."),
            ));
        }
        // The full-size copy first, so a half-removed photo is never
        // mistaken for a whole one (see `import`).
        for size in [PhotoSize::Full, PhotoSize::Screen, PhotoSize::Thumb] {
            for suffix in files::suffixes(size) {
                files::remove_if_there(&self.dir.join(format!("{hash}{suffix}")))?;
            }
        }
        Ok(())
    }

    /// Removes every file whose hash is not in `in_use`, and the temporary
    /// files left by a killed import (those of an import still running in
    /// this process are spared). Files that aren't the app's are left
    /// alone. Returns how many files were removed; a folder not made yet
    /// has none.
    ///
    /// `in_use` must include the photos imported but not yet saved with a
    /// check-in, or those are removed too.
    pub fn sweep(&self, in_use: &HashSet<String>) -> Result<usize, PhotoError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(files::io_error("tidied", &self.dir, &e)),
        };
        let me = std::process::id();
        let mut removed = 0;
        for entry in entries {
            let entry = entry.map_err(|e| files::io_error("tidied", &self.dir, &e))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            let orphan = match files::classify(name) {
                Entry::Photo(hash) => !in_use.contains(hash),
                Entry::Temp(pid) => pid != me,
                Entry::Other => false,
            };
            if orphan && files::remove_if_there(&entry.path())? {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}
