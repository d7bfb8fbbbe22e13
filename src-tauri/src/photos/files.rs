//! The photo folder's file names, and writing files so that a name in
//! place always holds a whole file.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{PhotoError, PhotoSize};

/// Temporary files start with this; the rest of their name is
/// `<process id>-<counter>-<final name>`.
pub(crate) const TEMP_PREFIX: &str = ".tmp-";

/// The suffixes after the hash, by copy. The full-size copy is a JPEG or
/// a PNG.
pub(crate) fn suffixes(size: PhotoSize) -> &'static [&'static str] {
    match size {
        PhotoSize::Full => &[".jpg", ".png"],
        PhotoSize::Screen => &[".screen.jpg"],
        PhotoSize::Thumb => &[".thumb.jpg"],
    }
}

/// Every suffix a photo's files may have.
const ALL_SUFFIXES: [&str; 4] = [".jpg", ".png", ".screen.jpg", ".thumb.jpg"];

/// Whether `hash` is a photo name: exactly 64 lowercase hex digits, so no
/// separator, dot or drive letter can reach a path.
pub(crate) fn is_hash(hash: &str) -> bool {
    hash.len() == 64 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// What a file in the folder is.
pub(crate) enum Entry<'a> {
    /// One copy of photo `hash`.
    Photo(&'a str),
    /// A temporary file written by process `pid`.
    Temp(u32),
    /// Not the app's: left alone.
    Other,
}

/// Tells what the file named `name` is.
pub(crate) fn classify(name: &str) -> Entry<'_> {
    if let Some(rest) = name.strip_prefix(TEMP_PREFIX) {
        // A temp name whose process id can't be read is still the app's.
        let pid = rest
            .split('-')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        return Entry::Temp(pid);
    }
    match (name.get(..64), name.get(64..)) {
        (Some(hash), Some(suffix)) if is_hash(hash) && ALL_SUFFIXES.contains(&suffix) => {
            Entry::Photo(hash)
        }
        _ => Entry::Other,
    }
}

/// Writes `bytes` to a new temporary file in `dir` and flushes it to disk.
/// The caller renames it into place.
pub(crate) fn write_temp(dir: &Path, final_name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!(
        "{TEMP_PREFIX}{}-{n}-{final_name}",
        std::process::id()
    ));
    let written = File::create_new(&path).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(path),
        Err(e) => {
            let _ = fs::remove_file(&path);
            Err(e)
        }
    }
}

/// Flushes the folder itself, so the renames survive a power cut.
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Windows can't open a folder as a file; its renames are journaled.
        let _ = dir;
        Ok(())
    }
}

/// Removes `path`; a file already gone is fine.
pub(crate) fn remove_if_there(path: &Path) -> Result<bool, PhotoError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error("removed", path, &e)),
    }
}

/// A file error in the client's words, naming the file.
pub(crate) fn io_error(what: &str, path: &Path, error: &io::Error) -> PhotoError {
    PhotoError::Io(format!(
        "The photo could not be {what} ({}): {error}.",
        path.display()
    ))
}
