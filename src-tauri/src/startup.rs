//! Start-up that never fails silently. A failure before the window exists
//! (the data folder, the store, its migration) is caught in `setup` (Tauri
//! would otherwise panic: exit 101, a backtrace, no window) and
//! [`fail`] then:
//!
//! 1. writes it to the log (`log_file`);
//! 2. prints ONE line on stderr, `smp-aftercare: <message>`;
//! 3. shows a native error dialog in the client's words, naming the folder,
//!    what to do and the log (not with `SMP_AFTERCARE_NO_DIALOG` set, for
//!    unattended runs such as the tests);
//! 4. exits with the status of its [`Failure`] (see [`Failure::status`])
//!    once the dialog is closed.
//!
//! The log is a plain file, `smp-aftercare.log`, in the app's log folder
//! (Linux: `~/.local/share/app.smpaftercare.desktop/logs/`); at 1 MiB it
//! is renamed `smp-aftercare.log.1` (replacing the one before) and a new
//! one is started, so at most about 2 MiB are kept.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{App, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use aftercare::Lang;
use aftercare::messages::Arg;

use crate::messages::{tr, tr_plain};
use crate::platform::{Clock, SystemClock};
use crate::store::StoreError;

/// Set (to anything) to exit without the dialog: for unattended runs.
pub const NO_DIALOG_ENV: &str = "SMP_AFTERCARE_NO_DIALOG";
/// The log file's name in the app's log folder.
pub const LOG_FILE: &str = "smp-aftercare.log";
/// The size at which the log is rolled over.
pub const LOG_MAX_BYTES: u64 = 1024 * 1024;

/// Why the app could not start.
#[derive(Debug)]
pub enum Failure {
    /// The data folder could not be created, or is not a folder.
    DataFolder {
        /// The folder.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// The data file could not be opened, created or upgraded.
    Store {
        /// The data folder.
        folder: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// Anything else before the window shows (the tray, the system's
    /// folders).
    Other {
        /// What went wrong.
        reason: String,
    },
}

impl Failure {
    /// From the store's error on opening the store in `folder`.
    pub fn from_store(folder: &Path, err: StoreError) -> Failure {
        match err {
            StoreError::CreateFolder { path, reason } => Failure::DataFolder { path, reason },
            other => Failure::Store {
                folder: folder.to_path_buf(),
                reason: other.to_string(),
            },
        }
    }

    /// The exit status (documented in docs/developer/app.md; 2 is a bad
    /// `SMP_AFTERCARE_TODAY`, checked before this).
    pub fn status(&self) -> i32 {
        match self {
            Failure::DataFolder { .. } => 3,
            Failure::Store { .. } => 4,
            Failure::Other { .. } => 5,
        }
    }

    /// What failed, the folder, and what to do, in English: the log's line
    /// and stderr (developers and support read those).
    pub fn message(&self) -> String {
        self.message_in(Lang::En)
    }

    /// What the client reads in the dialog, in `lang`: what failed, the
    /// folder, and what to do. The stored language cannot be read when the
    /// store is what failed, so the dialog speaks the device's language.
    ///
    /// ```
    /// use aftercare::Lang;
    /// use smp_aftercare_lib::startup::Failure;
    ///
    /// let failure = Failure::Other { reason: "no tray".into() };
    /// assert_eq!(
    ///     failure.message_in(Lang::Es),
    ///     "SMP Aftercare no se ha podido iniciar (no tray). Vuelve a abrirla; \
    ///      si sigue pasando, envía el registro a tu clínica.",
    /// );
    /// ```
    pub fn message_in(&self, lang: Lang) -> String {
        match self {
            Failure::DataFolder { path, reason } => tr(
                lang,
                "startup-data-folder",
                &[
                    ("folder", Arg::from(path.display().to_string())),
                    ("reason", Arg::from(reason.as_str())),
                ],
            ),
            Failure::Store { folder, reason } => tr(
                lang,
                "startup-store",
                &[
                    ("folder", Arg::from(folder.display().to_string())),
                    ("reason", Arg::from(reason.as_str())),
                ],
            ),
            Failure::Other { reason } => tr(
                lang,
                "startup-other",
                &[("reason", Arg::from(reason.as_str()))],
            ),
        }
    }
}

/// Reports `failure`: the log and stderr at once; then, unless
/// [`NO_DIALOG_ENV`] is set, the window is hidden and the native dialog is
/// shown from another thread once the event loop runs (the dialog plugin
/// needs it; `setup`, where this is called, holds it); the app exits with
/// the failure's status when the client closes the dialog. With
/// [`NO_DIALOG_ENV`] it exits at once.
pub fn fail<R: Runtime>(app: &App<R>, failure: &Failure, log_path: Option<&Path>) {
    let message = failure.message();
    let status = failure.status();
    log::error!("start-up failed (exit status {status}): {message}");
    log::logger().flush();
    eprintln!("smp-aftercare: {message}");
    if std::env::var_os(NO_DIALOG_ENV).is_some() {
        std::process::exit(status);
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.hide();
    }
    let lang = SystemClock.device_lang();
    let mut text = failure.message_in(lang);
    if let Some(log) = log_path {
        let where_log = tr(
            lang,
            "startup-log-is",
            &[("path", Arg::from(log.display().to_string()))],
        );
        text = format!("{text}\n\n{where_log}");
    }
    let title = tr_plain(lang, "startup-title");
    let handle = app.handle().clone();
    std::thread::spawn(move || {
        handle
            .dialog()
            .message(text)
            .title(title)
            .kind(MessageDialogKind::Error)
            .buttons(MessageDialogButtons::Ok)
            .blocking_show();
        std::process::exit(status);
    });
}

/// The app's log: a file in `dir`, rolled over at [`LOG_MAX_BYTES`], and
/// warnings and errors on stderr as well. Returns the file's path, or
/// `None` (after a line on stderr) when it cannot be written: the app
/// still starts.
pub fn init_log(dir: &Path) -> Option<PathBuf> {
    let path = dir.join(LOG_FILE);
    let file = std::fs::create_dir_all(dir).and_then(|()| open_log(&path));
    let file = match file {
        Ok(file) => Some(file),
        Err(e) => {
            eprintln!(
                "smp-aftercare: cannot write the log {}: {e}",
                path.display()
            );
            None
        }
    };
    let logged = file.is_some();
    let logger = FileLogger {
        file: Mutex::new(file),
        path: path.clone(),
    };
    // Lives as long as the process, as a logger must.
    if log::set_logger(Box::leak(Box::new(logger))).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
    }
    logged.then_some(path)
}

fn open_log(path: &Path) -> std::io::Result<File> {
    if std::fs::metadata(path).is_ok_and(|m| m.len() >= LOG_MAX_BYTES) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        std::fs::rename(path, PathBuf::from(old))?;
    }
    OpenOptions::new().create(true).append(true).open(path)
}

struct FileLogger {
    file: Mutex<Option<File>>,
    path: PathBuf,
}

impl log::Log for FileLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format!(
            "{} {} {}: {}\n",
            chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ"),
            record.level(),
            record.target(),
            record.args()
        );
        let Ok(mut guard) = self.file.lock() else {
            return;
        };
        if let Some(file) = guard.as_mut() {
            let _ = file.write_all(line.as_bytes());
            // Roll over once the file is full (checked after writing, so
            // a line is never split between the files).
            if file.metadata().is_ok_and(|m| m.len() >= LOG_MAX_BYTES)
                && let Ok(fresh) = open_log(&self.path)
            {
                *guard = Some(fresh);
            }
        }
    }

    fn flush(&self) {
        if let Ok(mut guard) = self.file.lock()
            && let Some(file) = guard.as_mut()
        {
            let _ = file.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_its_status_and_names_the_folder() {
        let folder = Path::new("/home/client/data");
        let f = Failure::from_store(
            folder,
            StoreError::CreateFolder {
                path: folder.to_path_buf(),
                reason: "File exists (os error 17)".into(),
            },
        );
        assert_eq!(f.status(), 3);
        assert_eq!(
            f.message(),
            "SMP Aftercare cannot use its data folder /home/client/data (File exists (os error 17)). \
             Check that this is a folder you can write to and that the disk is not full, \
             then start SMP Aftercare again."
        );
        let f = Failure::from_store(
            folder,
            StoreError::Open {
                path: folder.join("smp-aftercare.sqlite3"),
                reason: "unable to open database file".into(),
            },
        );
        assert_eq!(f.status(), 4);
        assert!(
            f.message().starts_with(
                "SMP Aftercare cannot open your plan in /home/client/data (could not open the database /home/client/data/smp-aftercare.sqlite3: unable to open database file)."
            ),
            "{}",
            f.message()
        );
        assert_eq!(
            Failure::Other {
                reason: "no tray".into()
            }
            .status(),
            5
        );
    }

    #[test]
    fn the_dialog_speaks_the_device_language() {
        let f = Failure::Store {
            folder: PathBuf::from("/home/cliente/datos"),
            reason: "disk I/O error".into(),
        };
        assert_eq!(
            f.message_in(Lang::Es),
            "SMP Aftercare no puede abrir tu plan en /home/cliente/datos (disk I/O error). \
             Comprueba que el disco no está lleno y que puedes escribir en esa carpeta, \
             y vuelve a abrir SMP Aftercare. Tu plan no ha cambiado."
        );
        // The log keeps English whatever the device speaks.
        assert!(
            f.message()
                .starts_with("SMP Aftercare cannot open your plan")
        );
        assert_eq!(
            tr_plain(Lang::Es, "startup-title"),
            "SMP Aftercare no se ha podido iniciar"
        );
    }

    #[test]
    fn the_log_rolls_over_when_full() {
        let dir = std::env::temp_dir().join(format!("smp-log-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(LOG_FILE);
        std::fs::write(&path, vec![b'x'; LOG_MAX_BYTES as usize]).unwrap();
        let mut file = open_log(&path).unwrap();
        file.write_all(b"fresh\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "fresh\n");
        assert_eq!(
            std::fs::metadata(dir.join(format!("{LOG_FILE}.1")))
                .unwrap()
                .len(),
            LOG_MAX_BYTES
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
