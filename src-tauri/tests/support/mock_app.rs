//! The app's IPC commands on Tauri's mock runtime, called exactly as the
//! web page calls them (JSON in, JSON out), on a real SQLite store in a
//! fresh folder and with a fixed clock: the harness of `commands.rs` and
//! `handover.rs`. The effects the app hands to the desktop (start at login,
//! opening a file, the "Save as" and "Open" dialogs, "plan changed") are
//! recorded or answered here, so a test can check them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde_json::Value;
use smp_aftercare_lib::bindings;
use smp_aftercare_lib::commands::handover::{HandoverSource, Pending};
use smp_aftercare_lib::model::NotificationPermission;
use smp_aftercare_lib::reminders::{Clock, PermissionGate};
use smp_aftercare_lib::state::AppState;
use smp_aftercare_lib::store::{Recovered, Store};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// A clock stopped at one instant, in one device zone.
pub struct FixedClock(pub DateTime<Utc>, pub Tz);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn device_zone(&self) -> Tz {
        self.1
    }
}

/// The OS's permission dialog: starts in `state`; a request turns it into
/// `answer` and is counted.
pub struct FakePermission {
    state: Mutex<NotificationPermission>,
    answer: NotificationPermission,
    requests: AtomicUsize,
}

impl FakePermission {
    pub fn new(state: NotificationPermission, answer: NotificationPermission) -> Arc<Self> {
        Arc::new(FakePermission {
            state: Mutex::new(state),
            answer,
            requests: AtomicUsize::new(0),
        })
    }

    /// A desktop: notifications are allowed and never need asking.
    pub fn granted() -> Arc<Self> {
        FakePermission::new(
            NotificationPermission::Granted,
            NotificationPermission::Granted,
        )
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl PermissionGate for FakePermission {
    fn state(&self) -> NotificationPermission {
        *self.state.lock().unwrap()
    }
    fn request(&self) -> NotificationPermission {
        self.requests.fetch_add(1, Ordering::SeqCst);
        *self.state.lock().unwrap() = self.answer;
        self.answer
    }
}

/// A folder `<prefix>/<name>` under target/tmp, emptied: the next run
/// replaces it, so runs leave nothing behind in the system's temp folder.
pub fn fresh_dir(prefix: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(prefix)
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The store's files, byte for byte (the database and its write-ahead log).
pub fn store_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    ["smp-aftercare.sqlite3", "smp-aftercare.sqlite3-wal"]
        .iter()
        .map(|name| {
            (
                (*name).to_string(),
                std::fs::read(dir.join(name)).unwrap_or_default(),
            )
        })
        .collect()
}

/// How a [`Harness`] starts, beyond its store, folder and clock.
pub struct Setup {
    /// The device's zone.
    pub zone: Tz,
    /// The OS's permission dialog.
    pub permission: Arc<FakePermission>,
    /// The app's log file, as the Settings screen names it.
    pub log_path: Option<PathBuf>,
    /// What the "Open" dialog for a plan file answers (`None`: cancelled).
    pub picked_plan: Option<PathBuf>,
    /// A plan the app was opened with, waiting for the page (`None`: the
    /// app manages no such state, as before the hand-over existed; the
    /// real app always manages it).
    pub pending: Option<Option<HandoverSource>>,
}

impl Setup {
    /// A desktop in London, with no plan file to pick and none waiting.
    pub fn desktop() -> Setup {
        Setup {
            zone: chrono_tz::Europe::London,
            permission: FakePermission::granted(),
            log_path: None,
            picked_plan: None,
            pending: Some(None),
        }
    }
}

/// A running mock app with its window, a count of "plan changed" calls,
/// what it handed to the desktop and the folder its store lives in.
pub struct Harness {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    pub changes: Arc<AtomicUsize>,
    /// Every "start at login" the app asked for.
    pub autostart: Arc<Mutex<Vec<bool>>>,
    /// Every file the app asked the desktop to open.
    pub opened_paths: Arc<Mutex<Vec<PathBuf>>>,
    /// What the "Save as" dialog answers (`None`: the client cancels).
    pub save_to: Arc<Mutex<Option<PathBuf>>>,
    pub dir: PathBuf,
}

impl Harness {
    /// The app on `store` (opened on `dir`, with what it `recovered`), its
    /// clock stopped at `now` (RFC 3339).
    pub fn start(
        store: Store,
        recovered: Option<Recovered>,
        dir: PathBuf,
        now: &str,
        setup: Setup,
    ) -> Harness {
        let changes = Arc::new(AtomicUsize::new(0));
        let autostart = Arc::new(Mutex::new(Vec::new()));
        let opened_paths = Arc::new(Mutex::new(Vec::new()));
        let save_to = Arc::new(Mutex::new(Some(dir.join("export.ics"))));
        let (c, a, s, o) = (
            Arc::clone(&changes),
            Arc::clone(&autostart),
            Arc::clone(&save_to),
            Arc::clone(&opened_paths),
        );
        let picked = setup.picked_plan;
        let state = AppState {
            store: Arc::new(Mutex::new(store)),
            clock: Arc::new(FixedClock(
                DateTime::parse_from_rfc3339(now).unwrap().to_utc(),
                setup.zone,
            )),
            recovered,
            data_dir: dir.clone(),
            notifier_failure: Arc::new(Mutex::new(None)),
            on_change: Box::new(move || {
                c.fetch_add(1, Ordering::SeqCst);
            }),
            set_autostart: Box::new(move |on| {
                a.lock().unwrap().push(on);
                Ok(())
            }),
            pick_save_path: Box::new(move |_| s.lock().unwrap().clone()),
            pick_plan_file: Box::new(move || picked.clone()),
            permission: setup.permission as Arc<dyn PermissionGate>,
            log_path: setup.log_path,
            open_path: Box::new(move |p| {
                o.lock().unwrap().push(p.to_path_buf());
                Ok(())
            }),
        };
        let mut builder = mock_builder()
            .invoke_handler(bindings::builder::<MockRuntime>().invoke_handler())
            .manage(state);
        if let Some(pending) = setup.pending {
            builder = builder.manage(Pending(Mutex::new(pending)));
        }
        let app = builder.build(mock_context(noop_assets())).unwrap();
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        Harness {
            app,
            window,
            changes,
            autostart,
            opened_paths,
            save_to,
            dir,
        }
    }

    /// Invokes `cmd` with JSON `args`: Ok(result) or Err(the AppError JSON).
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let response = get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        );
        response.map(|body| body.deserialize::<Value>().unwrap())
    }

    /// The result of `cmd`, which must succeed.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    /// The error of `cmd`, which must fail.
    pub fn err(&self, cmd: &str, args: Value) -> Value {
        self.call(cmd, args)
            .err()
            .unwrap_or_else(|| panic!("{cmd} should fail"))
    }
}
