//! The healing journal: today's check-in (symptom levels, a note, photos),
//! every check-in in order, and a file to hand the clinic.
//!
//! "Today" is the app's ([`Current::today`]), never a date the page sends
//! unchecked: a check-in may be saved for today or yesterday (a diary, not a
//! form to rewrite), and any check-in may be deleted with its photos.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use aftercare::messages::tr_plain as engine_message;
use aftercare::{RedFlagCard, Symptoms};
use base64::Engine as _;
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;
use tauri::ipc::Channel;

use super::{current, store};
use crate::current::Current;
use crate::error::AppError;
use crate::photos::{ImportedPhoto, PhotoProgress, PhotoSize, PhotoStore};
use crate::problem::{NeededFor, PhotoFault, Problem, count};
use crate::share::{SharedDay, SharedPlan};
use crate::state::AppState;
use crate::store::{CheckInRow, PhotoRow};

/// A stored photo, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct PhotoRef {
    /// SHA-256 of the stored file (what a check-in saves).
    pub hash: String,
    /// Full-size width in pixels.
    pub width: u32,
    /// Full-size height in pixels.
    pub height: u32,
    /// The thumbnail's URL (the app's `photo:` scheme).
    pub thumb_url: String,
    /// The screen-size copy's URL.
    pub screen_url: String,
}

/// One day's check-in, as the journal shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CheckIn {
    /// The client's date it is for.
    pub date: NaiveDate,
    /// Day of the session cycle (1 = the session's day); `None` before the
    /// first session.
    pub day: Option<u32>,
    /// The session that day belongs to.
    pub session: Option<u32>,
    /// "Day 6 after session 2" (the engine's words).
    pub day_label: String,
    /// Symptom levels.
    pub symptoms: Symptoms,
    /// The client's note.
    pub note: String,
    /// Photos, in the order added.
    pub photos: Vec<PhotoRef>,
    /// Whether it can still be changed (its day and the next).
    pub editable: bool,
    /// Whether it has been saved (`false` for an empty form of today).
    pub saved: bool,
    /// The red-flag cards it matches.
    pub red_flags: Vec<RedFlagCard>,
}

/// Every check-in, oldest first, and the days the client may still write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Journal {
    /// Today in the plan's zone.
    pub today: NaiveDate,
    /// Saved check-ins, oldest first.
    pub entries: Vec<CheckIn>,
}

/// The check-in of `date` (`YYYY-MM-DD`; `None` for today), or an empty,
/// unsaved one when there is none yet.
#[tauri::command]
#[specta::specta]
pub fn check_in_get(state: State<'_, AppState>, date: Option<String>) -> Result<CheckIn, AppError> {
    let date = date.as_deref().map(parse_date).transpose()?;
    let c = current(&state)?;
    let date = date.unwrap_or(c.today);
    let row = store(&state)?.check_in(date)?;
    Ok(match row {
        Some(row) => check_in_of(&c, &row),
        None => empty_check_in(&c, date),
    })
}

/// Saves the check-in of `date` (today or yesterday only) whole: levels,
/// note (at most `MAX_NOTE_CHARS`) and the photos by hash (each imported
/// first with [`photo_add`]).
#[tauri::command]
#[specta::specta]
pub fn check_in_save(
    state: State<'_, AppState>,
    date: String,
    symptoms: Symptoms,
    note: String,
    photos: Vec<String>,
) -> Result<CheckIn, AppError> {
    let date = parse_date(&date)?;
    crate::limits::note(&note)?;
    crate::limits::photo_hashes(&photos)?;
    let c = current(&state)?;
    in_edit_window(&c, date)?;
    let folder = photo_store(&state);
    let saved = {
        let mut store = store(&state)?;
        let rows = photo_rows(&store, &folder, &photos)?;
        store.check_in_save(date, &symptoms, note.trim_end(), &rows, c.now)?
    };
    Ok(check_in_of(&c, &saved))
}

/// Deletes the check-in of `date` and the photo files no other check-in
/// holds.
///
/// The row goes first, in one transaction, then the files: a kill between
/// the two leaves files no check-in refers to, which the start-up sweep
/// removes, and never a check-in whose photos are gone.
#[tauri::command]
#[specta::specta]
pub fn check_in_delete(state: State<'_, AppState>, date: String) -> Result<(), AppError> {
    let date = parse_date(&date)?;
    // The files go while the store is still held: `check_in_save` checks
    // its photos' files under the same lock, so a check-in of another day
    // saved with one of these photos meanwhile either comes first (and the
    // photo is not unreferenced) or after (and is told the file is gone),
    // never finds the file and then loses it.
    let mut store = store(&state)?;
    let unreferenced = store.check_in_delete(date)?;
    let folder = photo_store(&state);
    for hash in unreferenced {
        // The check-in is gone either way; a file left behind is swept at
        // the next start.
        if let Err(e) = folder.remove(&hash) {
            log::warn!("photo {hash} of the check-in of {date} was not removed: {e}");
        }
    }
    drop(store);
    Ok(())
}

/// Every check-in, oldest first.
#[tauri::command]
#[specta::specta]
pub fn journal(state: State<'_, AppState>) -> Result<Journal, AppError> {
    let c = current(&state)?;
    let rows = store(&state)?.check_ins()?;
    Ok(Journal {
        today: c.today,
        entries: rows.iter().map(|row| check_in_of(&c, row)).collect(),
    })
}

/// Imports one photo (the file's bytes, base64), off the UI thread,
/// reporting progress on `on_progress`. The photo belongs to no check-in
/// until one is saved with its hash.
#[tauri::command]
#[specta::specta]
pub async fn photo_add(
    state: State<'_, AppState>,
    data: String,
    on_progress: Channel<PhotoProgress>,
) -> Result<PhotoRef, AppError> {
    // Measured before anything is decoded: an oversized file costs nothing.
    crate::limits::photo_data(&data)?;
    let folder = photo_store(&state);
    let imported =
        tauri::async_runtime::spawn_blocking(move || import(&folder, &data, &on_progress))
            .await
            .map_err(|e| AppError::Invalid {
                field: Some("photos".to_string()),
                problem: Problem::PhotoRefused {
                    fault: PhotoFault::NotSaved,
                },
                message: format!("the photo could not be added: {e}"),
            })??;
    Ok(photo_ref(&PhotoRow {
        hash: imported.hash,
        width: imported.width,
        height: imported.height,
    }))
}

/// Writes one self-contained HTML file (photos embedded, no scripts) with
/// the plan and the check-ins of `dates`, where the client chooses. Returns
/// the path written, or `None` when they cancelled.
#[tauri::command]
#[specta::specta]
pub async fn journal_share(
    state: State<'_, AppState>,
    dates: Vec<String>,
) -> Result<Option<String>, AppError> {
    let c = current(&state)?;
    let rows = store(&state)?.check_ins()?;
    crate::limits::share_dates(&dates, rows.len())?;
    let mut chosen: Vec<NaiveDate> = Vec::new();
    for text in &dates {
        let date =
            aftercare::parse_date(text.trim()).map_err(|e| AppError::from_engine(e, "dates"))?;
        if !chosen.contains(&date) {
            chosen.push(date);
        }
    }
    if chosen.is_empty() {
        return Err(AppError::invalid("dates", Problem::NoDayChosen));
    }
    chosen.sort();
    let by_date: HashMap<NaiveDate, &CheckInRow> = rows.iter().map(|r| (r.date, r)).collect();
    let folder = photo_store(&state);
    let mut days = Vec::with_capacity(chosen.len());
    for date in chosen {
        let row = by_date
            .get(&date)
            .ok_or_else(|| AppError::invalid("dates", Problem::NoCheckIn { date }))?;
        days.push(shared_day(&c, row, &folder));
    }
    let plan = SharedPlan {
        protocol: c.protocol.name().to_string(),
        clinic: c.settings.clinic.name.clone(),
        sessions: c.sessions.iter().map(|s| s.date).collect(),
    };
    let html = crate::share::journal_html(&plan, &days, c.today, c.lang);
    let Some(path) = (state.pick_save_path)(&crate::share::file_name(c.today)) else {
        return Ok(None);
    };
    write_atomically(&path, html.as_bytes()).map_err(|e| AppError::Io {
        message: format!(
            "could not write {}: {}",
            path.display(),
            crate::store::io_reason(&e)
        ),
    })?;
    Ok(Some(path.display().to_string()))
}

/// The address the page loads a photo copy from: the app's `photo` URI
/// scheme (registered in `lib.rs`), whose form depends on the webview:
/// WebKit (Linux, macOS, iOS) takes custom schemes as they are, WebView2
/// and Android's WebView only as `http://<scheme>.localhost`.
pub fn photo_url(hash: &str, size: PhotoSize) -> String {
    let size = size_name(size);
    if cfg!(any(windows, target_os = "android")) {
        format!("http://photo.localhost/{hash}/{size}")
    } else {
        format!("photo://localhost/{hash}/{size}")
    }
}

/// The name of a photo copy in a `photo:` URL.
pub fn size_name(size: PhotoSize) -> &'static str {
    match size {
        PhotoSize::Full => "full",
        PhotoSize::Screen => "screen",
        PhotoSize::Thumb => "thumb",
    }
}

/// The photo folder of the app's data folder.
fn photo_store(state: &AppState) -> PhotoStore {
    PhotoStore::new(&state.data_dir)
}

/// A date from the page (`YYYY-MM-DD`), refused beside `date`.
fn parse_date(text: &str) -> Result<NaiveDate, AppError> {
    super::sessions::parse_date(text)
}

/// A check-in may be written on its day and the next (the app's today,
/// never the page's), and only once there is a plan to place it in.
fn in_edit_window(c: &Current, date: NaiveDate) -> Result<(), AppError> {
    if c.plan.is_none() {
        return Err(AppError::invalid(
            "date",
            Problem::NoSessionYet {
                needed_for: NeededFor::CheckIn,
            },
        ));
    }
    if editable(c, date) {
        return Ok(());
    }
    Err(AppError::invalid(
        "date",
        if date > c.today {
            Problem::CheckInTooEarly { date }
        } else {
            Problem::CheckInTooLate { date }
        },
    ))
}

fn editable(c: &Current, date: NaiveDate) -> bool {
    c.plan.is_some() && (date == c.today || date == aftercare::day_before(c.today))
}

/// The rows of the photos `hashes` (each once, in the order given): each
/// must be in the photo folder. Their sizes come from a check-in that
/// already holds them, else from the file's header.
fn photo_rows(
    store: &crate::store::Store,
    folder: &PhotoStore,
    hashes: &[String],
) -> Result<Vec<PhotoRow>, AppError> {
    let mut known: HashMap<String, PhotoRow> = HashMap::new();
    if !hashes.is_empty() {
        for row in store.check_ins()? {
            for photo in row.photos {
                known.insert(photo.hash.clone(), photo);
            }
        }
    }
    let mut rows: Vec<PhotoRow> = Vec::with_capacity(hashes.len());
    for (i, hash) in hashes.iter().enumerate() {
        if rows.iter().any(|r| &r.hash == hash) {
            continue;
        }
        let missing = || {
            AppError::invalid(
                "photos",
                Problem::PhotoGone {
                    number: count(i + 1),
                },
            )
        };
        let path = folder.path(hash, PhotoSize::Full).ok_or_else(missing)?;
        let row = match known.get(hash) {
            Some(row) => row.clone(),
            None => {
                let (width, height) = image::image_dimensions(&path).map_err(|_| missing())?;
                PhotoRow {
                    hash: hash.clone(),
                    width,
                    height,
                }
            }
        };
        rows.push(row);
    }
    Ok(rows)
}

/// Decodes and imports one photo (blocking, CPU-heavy).
fn import(
    folder: &PhotoStore,
    data: &str,
    on_progress: &Channel<PhotoProgress>,
) -> Result<ImportedPhoto, AppError> {
    // The page may send a data: URL as a file reader makes it.
    let data = match data.split_once(";base64,") {
        Some((prefix, rest)) if prefix.starts_with("data:") => rest,
        _ => data,
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|_| AppError::invalid("photos", Problem::PhotoIncomplete))?;
    folder
        .import(&bytes, &mut |p| {
            // A page that stopped listening still gets its photo.
            let _ = on_progress.send(p);
        })
        .map_err(|e| {
            let fault = PhotoFault::of(&e);
            // The folder's own English words stay in the log.
            AppError::Invalid {
                field: Some("photos".to_string()),
                message: e.to_string(),
                problem: Problem::PhotoRefused { fault },
            }
        })
}

fn photo_ref(row: &PhotoRow) -> PhotoRef {
    PhotoRef {
        hash: row.hash.clone(),
        width: row.width,
        height: row.height,
        thumb_url: photo_url(&row.hash, PhotoSize::Thumb),
        screen_url: photo_url(&row.hash, PhotoSize::Screen),
    }
}

/// Where `date` stands in the plan, in words.
/// The day, session and label ("Day 6 after session 2") of `date`, all
/// from the engine.
fn day_label(c: &Current, date: NaiveDate) -> (Option<u32>, Option<u32>, String) {
    let Some(plan) = &c.plan else {
        // The engine's words for it (its file, not the shell's: hence a
        // name the shell's completeness check does not take for its own).
        return (None, None, engine_message(c.lang, "day-label-before-first"));
    };
    let status = plan.status(date);
    (status.day, status.session, plan.day_label(date))
}

fn red_flags(c: &Current, date: NaiveDate, symptoms: &Symptoms) -> Vec<RedFlagCard> {
    c.plan
        .as_ref()
        .map(|p| p.red_flags(date, symptoms))
        .unwrap_or_default()
}

fn check_in_of(c: &Current, row: &CheckInRow) -> CheckIn {
    let (day, session, day_label) = day_label(c, row.date);
    CheckIn {
        date: row.date,
        day,
        session,
        day_label,
        symptoms: row.symptoms,
        note: row.note.clone(),
        photos: row.photos.iter().map(photo_ref).collect(),
        editable: editable(c, row.date),
        saved: true,
        red_flags: red_flags(c, row.date, &row.symptoms),
    }
}

fn empty_check_in(c: &Current, date: NaiveDate) -> CheckIn {
    let (day, session, day_label) = day_label(c, date);
    CheckIn {
        date,
        day,
        session,
        day_label,
        symptoms: Symptoms::default(),
        note: String::new(),
        photos: Vec::new(),
        editable: editable(c, date),
        saved: false,
        red_flags: Vec::new(),
    }
}

/// A saved check-in as the clinic's file shows it, with the screen-size
/// copies of its photos read from the folder.
fn shared_day(c: &Current, row: &CheckInRow, folder: &PhotoStore) -> SharedDay {
    let mut photos = Vec::with_capacity(row.photos.len());
    let mut photos_missing = 0;
    for photo in &row.photos {
        match folder
            .path(&photo.hash, PhotoSize::Screen)
            .map(std::fs::read)
        {
            Some(Ok(bytes)) => photos.push(bytes),
            _ => {
                log::warn!(
                    "photo {} of {} could not be read for the clinic's file",
                    photo.hash,
                    row.date
                );
                photos_missing += 1;
            }
        }
    }
    SharedDay {
        date: row.date,
        day_label: day_label(c, row.date).2,
        symptoms: row.symptoms,
        note: row.note.clone(),
        red_flags: red_flags(c, row.date, &row.symptoms),
        photos,
        photos_missing,
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place: the chosen file is either the whole page or untouched.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}
