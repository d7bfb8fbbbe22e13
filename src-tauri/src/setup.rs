//! Start-up: open the store where the client (or a test) says, start the
//! reminder scheduler, and hand the commands their shared state.

use std::sync::{Arc, Mutex, OnceLock};

use tauri::{App, Manager};

use crate::cli::Args;
use crate::current::Current;
use crate::data_dir;
use crate::messages::tr_plain;
use crate::platform::Clock as _;
use crate::reminders;
use crate::startup::Failure;
use crate::state::AppState;
use crate::store::Store;
use crate::today_override::AppClock;

/// Told the app's language on every scheduler pass.
type LangHook = Box<dyn Fn(aftercare::Lang) + Send + Sync>;

/// The argument the login item passes, so the app starts in the tray.
pub const MINIMIZED_ARG: &str = "--minimized";

/// Runs once, before the window shows, with the command line `args`. `clock` is the system's unless
/// `SMP_AFTERCARE_TODAY` fixed the day (see `today_override`).
/// A failure is returned for `crate::startup::fail` to report.
pub fn start(
    app: &mut App,
    args: &Args,
    clock: AppClock,
    log_path: Option<std::path::PathBuf>,
) -> Result<(), Failure> {
    let other = |e: &dyn std::fmt::Display| Failure::Other {
        reason: e.to_string(),
    };
    let dir = match data_dir::from_args_or_env(
        args.data_dir.clone(),
        std::env::var_os(data_dir::ENV_VAR),
    ) {
        Some(dir) => dir,
        None => app.path().app_data_dir().map_err(|e| other(&e))?,
    };
    let opened = Store::open(&dir).map_err(|e| Failure::from_store(&dir, e))?;
    if let Some(r) = &opened.recovered {
        log::warn!(
            "the database could not be read ({}); it was moved to {}",
            r.reason,
            r.moved_to.display()
        );
    }
    sweep_photos(&opened.store, &dir);
    let store = Arc::new(Mutex::new(opened.store));

    // What follows the app's language outside the page (the tray menu),
    // told on every pass: the scheduler reads the settings anyway, so a
    // change in Settings (or of the device's language) reaches it within
    // the pass that the change wakes.
    let on_lang: Arc<OnceLock<LangHook>> = Arc::new(OnceLock::new());
    let source_store = Arc::clone(&store);
    let source_on_lang = Arc::clone(&on_lang);
    let source = move || {
        let c = {
            let store = source_store
                .lock()
                .map_err(|_| "the store lock is poisoned".to_string())?;
            Current::load(&store, &clock).map_err(|e| e.to_string())?
        };
        // After the store's lock is let go: rewording the menu waits for
        // the main thread, where commands take that lock.
        if let Some(hook) = source_on_lang.get() {
            hook(c.lang);
        }
        Ok(c.plan.map(|p| (p, c.settings)))
    };
    let scheduler = start_scheduler(app, Arc::clone(&store), clock, source);
    // One line per start that got this far: a second start on the same
    // folder hands over and exits before it (`single_instance`), which
    // the opt-in test counts.
    log::info!("the reminder scheduler started on {}", dir.display());
    // The tray's first words (later passes keep them in step).
    #[cfg(desktop)]
    let lang = stored_lang(&store, clock);

    let dialog_store = Arc::clone(&store);
    let state = AppState {
        store,
        clock: Arc::new(clock),
        recovered: opened.recovered,
        data_dir: dir,
        notifier_failure: scheduler.failure_cell(),
        set_autostart: autostart_setter(app),
        pick_save_path: save_dialog(app, Arc::clone(&dialog_store), clock),
        pick_plan_file: plan_dialog(app, dialog_store, clock),
        permission: permission_gate(app),
        log_path,
        open_path: path_opener(app),
        // The handle lives as long as the state: dropping it would stop the loop.
        on_change: Box::new(move || scheduler.recompute()),
    };
    app.manage(state);

    #[cfg(desktop)]
    {
        tray_after_first_screen(app.handle().clone(), lang, on_lang);
        if args.minimized
            && let Some(window) = app.get_webview_window("main")
        {
            window.hide().map_err(|e| other(&e))?;
        }
    }
    Ok(())
}

/// How long the tray icon waits for the page's first screen at most (a
/// window started hidden, at login, may not draw it).
#[cfg(desktop)]
const TRAY_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Adds the tray icon once the page's first screen is drawn (or after
/// [`TRAY_WAIT`]): building it takes a round trip to the desktop's tray and
/// an icon file, on the main thread, which also serves the page; done
/// before, it held the first screen back (issue 14). Until it is there,
/// and if it can't be made (logged), closing the window minimises it
/// instead of hiding it (`tray::shown`), so the app is never out of reach.
#[cfg(desktop)]
fn tray_after_first_screen(
    handle: tauri::AppHandle,
    lang: aftercare::Lang,
    on_lang: Arc<OnceLock<LangHook>>,
) {
    let spawned = std::thread::Builder::new()
        .name("tray".into())
        .spawn(move || {
            crate::first_screen::wait_drawn(TRAY_WAIT);
            let main = handle.clone();
            let queued =
                handle.run_on_main_thread(move || match crate::tray::create(&main, lang) {
                    Ok(tray) => {
                        let _ = on_lang.set(Box::new(move |lang| {
                            if let Err(e) = tray.follow(lang) {
                                log::warn!("cannot reword the tray menu: {e}");
                            }
                        }));
                    }
                    Err(e) => no_tray(&e),
                });
            if let Err(e) = queued {
                no_tray(&e);
            }
        });
    if let Err(e) = spawned {
        no_tray(&e);
    }
}

/// Logs why there is no tray icon, whichever step failed.
#[cfg(desktop)]
fn no_tray(cause: &dyn std::fmt::Display) {
    log::error!("no tray icon ({cause}): closing the window minimises it instead");
}

#[cfg(desktop)]
fn start_scheduler<F>(
    _app: &App,
    store: Arc<Mutex<Store>>,
    clock: AppClock,
    source: F,
) -> reminders::SchedulerHandle
where
    F: Fn() -> Result<Option<(aftercare::Plan, crate::model::Settings)>, String>
        + Send
        + Sync
        + 'static,
{
    reminders::spawn(store, reminders::DesktopNotifier::new(), clock, source)
}

#[cfg(mobile)]
fn start_scheduler<F>(
    app: &App,
    store: Arc<Mutex<Store>>,
    clock: AppClock,
    source: F,
) -> reminders::SchedulerHandle
where
    F: Fn() -> Result<Option<(aftercare::Plan, crate::model::Settings)>, String>
        + Send
        + Sync
        + 'static,
{
    reminders::mobile::spawn(app.handle().clone(), store, clock, source)
}

#[cfg(desktop)]
fn permission_gate(_app: &App) -> Arc<dyn reminders::PermissionGate> {
    Arc::new(reminders::AlwaysPermitted)
}

#[cfg(mobile)]
fn permission_gate(app: &App) -> Arc<dyn reminders::PermissionGate> {
    Arc::new(reminders::mobile::PluginPermission::new(
        app.handle().clone(),
    ))
}

/// Opens a file with the system's handler, from Rust (the page has no
/// opener permission).
fn path_opener(app: &App) -> crate::state::OpenPath {
    let handle = app.handle().clone();
    Box::new(move |path| crate::opener::open_path(&handle, path))
}

/// Removes the photo files no check-in refers to: those of a check-in
/// deleted just before a kill, and photos added to a check-in that was
/// never saved. Never fatal: a file left over only takes space.
pub(crate) fn sweep_photos(store: &Store, dir: &std::path::Path) {
    let in_use = match store.photo_hashes_in_use() {
        Ok(in_use) => in_use,
        Err(e) => {
            log::warn!("photo sweep skipped: the journal could not be read: {e}");
            return;
        }
    };
    match crate::photos::PhotoStore::new(dir).sweep(&in_use) {
        Ok(0) => {}
        Ok(n) => log::info!("photo sweep: {n} files of photos no check-in holds were removed"),
        Err(e) => log::warn!("photo sweep failed: {e}"),
    }
}

/// The app's language as stored (English if the store can't say), for
/// the texts made outside a command: the tray's first words, the dialogs.
fn stored_lang(store: &Mutex<Store>, clock: AppClock) -> aftercare::Lang {
    store
        .lock()
        .ok()
        .and_then(|s| s.snapshot().ok())
        .map(|s| s.settings.language.lang(clock.device_lang()))
        .unwrap_or_default()
}

/// The native "Save as" dialog, run from Rust so the web page needs no
/// dialog or file-system permission. What it offers follows the suggested
/// name: the calendar (`.ics`) or the clinic's journal file (`.html`).
/// Its words are in the app's language, read when it opens (the command
/// that opens it holds no lock on the store).
fn save_dialog(app: &App, store: Arc<Mutex<Store>>, clock: AppClock) -> crate::state::PickSavePath {
    use tauri_plugin_dialog::DialogExt;
    let handle = app.handle().clone();
    Box::new(move |suggested| {
        let lang = stored_lang(&store, clock);
        let (title, filter, extension) = if suggested.ends_with(".html") {
            ("dialog-save-journal", "dialog-web-page", "html")
        } else {
            ("dialog-save-calendar", "dialog-calendar", "ics")
        };
        handle
            .dialog()
            .file()
            .set_title(tr_plain(lang, title))
            .set_file_name(suggested)
            .add_filter(tr_plain(lang, filter), &[extension])
            .blocking_save_file()
            .and_then(|choice| choice.into_path().ok())
    })
}

/// The native "Open" dialog for a clinic's plan file, in the app's
/// language.
fn plan_dialog(app: &App, store: Arc<Mutex<Store>>, clock: AppClock) -> crate::state::PickPlanFile {
    use tauri_plugin_dialog::DialogExt;
    let handle = app.handle().clone();
    Box::new(move || {
        let lang = stored_lang(&store, clock);
        handle
            .dialog()
            .file()
            .set_title(tr_plain(lang, "dialog-open-plan"))
            .add_filter(
                tr_plain(lang, "dialog-plan-file"),
                &[crate::handover_link::PLAN_EXTENSION],
            )
            .blocking_pick_file()
            .and_then(|choice| choice.into_path().ok())
    })
}

#[cfg(desktop)]
fn autostart_setter(app: &App) -> crate::state::SetAutostart {
    use tauri_plugin_autostart::ManagerExt;
    let handle = app.handle().clone();
    Box::new(move |on| {
        let launcher = handle.autolaunch();
        let result = if on {
            launcher.enable()
        } else {
            launcher.disable()
        };
        result.map_err(|e| e.to_string())
    })
}

#[cfg(mobile)]
fn autostart_setter(_app: &App) -> crate::state::SetAutostart {
    Box::new(|on| {
        if on {
            Err("not available on phones".to_string())
        } else {
            Ok(())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photos::PhotoSize;
    use crate::store::PhotoRow;

    /// The start-up sweep removes the files of photos no check-in holds
    /// (a delete killed before its files went, a check-in never saved) and
    /// keeps those a check-in holds.
    #[test]
    fn the_start_up_sweep_keeps_only_the_photos_check_ins_hold() {
        let dir = std::env::temp_dir().join(format!("smp-setup-sweep-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let folder = crate::photos::PhotoStore::new(&dir);
        let (kept, orphan) = ("a".repeat(64), "b".repeat(64));
        std::fs::create_dir_all(folder.dir()).unwrap();
        for hash in [&kept, &orphan] {
            for suffix in [".jpg", ".screen.jpg", ".thumb.jpg"] {
                std::fs::write(folder.dir().join(format!("{hash}{suffix}")), b"jpeg").unwrap();
            }
        }
        let mut store = Store::open(&dir).unwrap().store;
        let row = PhotoRow {
            hash: kept.clone(),
            width: 4,
            height: 3,
        };
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        store
            .check_in_save(date, &Default::default(), "", &[row], chrono::Utc::now())
            .unwrap();

        sweep_photos(&store, &dir);
        for size in [PhotoSize::Full, PhotoSize::Screen, PhotoSize::Thumb] {
            assert!(
                folder.path(&kept, size).is_some(),
                "{size:?} of the kept photo"
            );
            assert_eq!(folder.path(&orphan, size), None, "{size:?} of the orphan");
        }
        drop(store);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
