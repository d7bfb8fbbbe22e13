//! What the commands share: the store, the clock and the hooks that reach
//! the rest of the app. Hooks are plain functions so that the commands stay
//! independent of the scheduler and the autostart plugin, and tests can
//! count or refuse them.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::platform::{Clock, PermissionGate};
use crate::store::{Recovered, Store};

/// Wakes the reminder scheduler after the plan or settings change.
pub type OnChange = Box<dyn Fn() + Send + Sync>;
/// Applies "launch at login"; the error text is shown beside the setting.
pub type SetAutostart = Box<dyn Fn(bool) -> Result<(), String> + Send + Sync>;

/// Opens a file with the system's handler (the log, from Settings); a
/// closure so the IPC tests need no desktop.
pub type OpenPath = Box<dyn Fn(&std::path::Path) -> Result<(), String> + Send + Sync>;

/// Asks the user where to save a file (suggested name given); `None` when
/// they cancel. A native dialog in the app, a fixed path in tests.
pub type PickSavePath = Box<dyn Fn(&str) -> Option<PathBuf> + Send + Sync>;

/// Asks the user for a clinic's plan file (`.smpplan`); `None` when they
/// cancel. A native dialog in the app, a fixed path in tests.
pub type PickPlanFile = Box<dyn Fn() -> Option<PathBuf> + Send + Sync>;

/// Managed state of the app.
pub struct AppState {
    /// The SQLite store; never hold the lock across an await.
    pub store: Arc<Mutex<Store>>,
    /// The time and the device's zone.
    pub clock: Arc<dyn Clock>,
    /// Where a damaged database was moved at start-up, if it was.
    pub recovered: Option<Recovered>,
    /// The folder the store lives in.
    pub data_dir: PathBuf,
    /// The last error of the desktop notifier, if notifications fail.
    pub notifier_failure: Arc<Mutex<Option<String>>>,
    /// See [`OnChange`].
    pub on_change: OnChange,
    /// See [`SetAutostart`].
    pub set_autostart: SetAutostart,
    /// See [`PickSavePath`].
    pub pick_save_path: PickSavePath,
    /// See [`PickPlanFile`].
    pub pick_plan_file: PickPlanFile,
    /// Asks the OS for permission to notify (phones); always granted on
    /// desktops.
    pub permission: Arc<dyn PermissionGate>,
    /// The log file (`crate::startup`), `None` when it cannot be written.
    pub log_path: Option<PathBuf>,
    /// See [`OpenPath`].
    pub open_path: OpenPath,
}
