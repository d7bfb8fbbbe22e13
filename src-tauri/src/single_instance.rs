//! One app per data folder (desktop only; a phone runs one app anyway).
//!
//! The first start for a data folder holds a lock; a second start finds
//! it taken, sends its command line and working folder to the running
//! app, and exits 0 before its own set-up runs, so no second scheduler,
//! tray icon or window ever starts. The running app then shows its window
//! and, when the second start named a clinic's plan (a
//! `smp-aftercare://plan?…` link or a `.smpplan` file, as a file manager
//! or browser passes it), hands it to the page exactly as an argument at
//! start-up is ([`handover_link::deliver`]).
//!
//! On Linux the lock is a lock file and the channel a Unix socket, in
//! `$XDG_RUNTIME_DIR` (else a per-user 0700 folder under the temp folder),
//! taken in `run()` before the Tauri builder (`start`, module `socket`):
//! no D-Bus connection, so no zbus executor waking the idle app (issue 14,
//! docs/performance.md). A start that cannot take or make them (a
//! permission error) logs why and runs on as an app of its own rather
//! than refusing to start. On Windows and macOS `tauri-plugin-single-instance`
//! does it (a named mutex, a socket), registered before every other plugin
//! (`plugin`).
//!
//! The lock is named from the app's identifier for the default data folder
//! and the identifier plus a hash of the folder for one named with
//! `--data-dir` or `SMP_AFTERCARE_DATA_DIR` ([`bus_id`]): a test or a
//! throw-away store started beside the client's own app is an app of its
//! own, and never hands its plan to the wrong store.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tauri::{AppHandle, Runtime};

use crate::cli::{Args, Parsed};
use crate::commands::handover::HandoverSource;
use crate::handover_link;

#[cfg(target_os = "linux")]
mod socket;

/// The name this start's lock goes by ([`bus_id`] for the data folder
/// `args` or the environment names).
fn instance_id(identifier: &str, args: &Args) -> String {
    let named = crate::data_dir::from_args_or_env(
        args.data_dir.clone(),
        std::env::var_os(crate::data_dir::ENV_VAR),
    );
    bus_id(identifier, named.as_deref())
}

/// The plugin for this start (Windows, macOS): keyed on the data folder
/// `args` (or the environment) names, handing a second start's plan to
/// this app.
#[cfg(not(target_os = "linux"))]
pub fn plugin<R: Runtime>(identifier: &str, args: &Args) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(instance_id(identifier, args))
        .callback(second_start)
        .build()
}

/// What [`start`] found (Linux).
#[cfg(target_os = "linux")]
#[derive(Debug)]
pub enum Start {
    /// This start is the app for its data folder (or runs alone after a
    /// problem, which [`Instance::serve`] logs).
    First(Instance),
    /// The running app has this start's command line: exit 0 now.
    HandedOver,
    /// An app holds the folder's lock but does not answer: exit with
    /// this message rather than run a second scheduler.
    Unreachable(String),
}

/// The first start's side: the socket second starts reach it on.
#[cfg(target_os = "linux")]
#[derive(Debug)]
pub struct Instance {
    listener: Option<std::os::unix::net::UnixListener>,
    problem: Option<String>,
}

/// Takes the data folder's lock or hands this start's command line to the
/// app that holds it (Linux; in `run()`, before Tauri starts). The lock
/// stays held until the process ends.
#[cfg(target_os = "linux")]
pub fn start(identifier: &str, args: &Args) -> Start {
    let id = instance_id(identifier, args);
    let found = socket::runtime_dir(std::env::var_os("XDG_RUNTIME_DIR"), &std::env::temp_dir())
        .and_then(|dir| socket::Paths::new(&dir, &id))
        .and_then(|paths| {
            socket::claim_or_hand_over(
                &paths,
                &socket::Message::of_this_process(),
                socket::PATIENCE,
            )
        });
    match found {
        Ok(socket::Found::HandedOver) => Start::HandedOver,
        Ok(socket::Found::First { lock, listener }) => {
            // Held for the life of the process; the kernel releases it.
            std::mem::forget(lock);
            match listener {
                Ok(listener) => Start::First(Instance {
                    listener: Some(listener),
                    problem: None,
                }),
                Err(e) => Start::First(Instance {
                    listener: None,
                    problem: Some(format!(
                        "a second start cannot reach this app (it exits instead): {e}"
                    )),
                }),
            }
        }
        Ok(socket::Found::Unreachable(why)) => Start::Unreachable(format!(
            "another SMP Aftercare runs for this data folder but could not be reached: {why}"
        )),
        Err(e) => Start::First(Instance {
            listener: None,
            problem: Some(format!(
                "one app per data folder is off for this start (a second start would run as \
                 an app of its own): {e}"
            )),
        }),
    }
}

#[cfg(target_os = "linux")]
impl Instance {
    /// Once the app is set up (and logging): logs the problem [`start`]
    /// met, if any, and accepts second starts on a thread of its own.
    pub fn serve<R: Runtime>(self, app: &AppHandle<R>) {
        if let Some(problem) = &self.problem {
            log::warn!("{problem}");
        }
        let Some(listener) = self.listener else {
            return;
        };
        let app = app.clone();
        if let Err(e) = socket::serve(listener, move |m| second_start(&app, m.argv, m.cwd)) {
            log::warn!("second starts cannot reach this app: no thread to listen on: {e}");
        }
    }
}

/// The name of the running app's lock: on Linux the lock file's and
/// socket's (`<name>.lock`, `<name>.sock`), elsewhere the base of the
/// plugin's names (it appends `.SingleInstance`). `identifier` for the
/// default data folder, and for a named one `identifier.data_` and 16 hex digits of the SHA-256 of its
/// absolute path (a bus name element allows letters, digits and `_`, and
/// no leading digit).
///
/// ```
/// use smp_aftercare_lib::single_instance::bus_id;
/// use std::path::Path;
///
/// assert_eq!(bus_id("app.smpaftercare.desktop", None), "app.smpaftercare.desktop");
/// let a = bus_id("app.smpaftercare.desktop", Some(Path::new("/tmp/a")));
/// assert!(a.starts_with("app.smpaftercare.desktop.data_"));
/// assert_eq!(a.len(), "app.smpaftercare.desktop.data_".len() + 16);
/// assert_ne!(a, bus_id("app.smpaftercare.desktop", Some(Path::new("/tmp/b"))));
/// ```
pub fn bus_id(identifier: &str, data_dir: Option<&Path>) -> String {
    let Some(dir) = data_dir else {
        return identifier.to_string();
    };
    // Relative to this start's folder, as the store will open it; a folder
    // the system cannot make absolute keeps its own spelling.
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let digest = Sha256::digest(absolute.as_os_str().as_encoded_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("{identifier}.data_{hex}")
}

/// What the running app does when it is started again: shows its window
/// and takes the plan the second start names, if any. A second login
/// start (`--minimized`, no plan) leaves the window as it is.
fn second_start<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    match source_from_second_start(&argv, Path::new(&cwd)) {
        Some(source) => {
            log::info!(
                "a second start handed over a clinic's plan ({})",
                source.field()
            );
            crate::tray::show_main(app);
            handover_link::deliver(app, source);
        }
        None if is_login_start(&argv) => {
            log::info!("a second start at login changed nothing");
        }
        None => {
            log::info!("a second start brought the window forward");
            crate::tray::show_main(app);
        }
    }
}

/// Whether `argv` is the login item's start (`setup::MINIMIZED_ARG`).
fn is_login_start(argv: &[String]) -> bool {
    argv.iter()
        .skip(1)
        .any(|a| a == crate::setup::MINIMIZED_ARG)
}

/// The plan a second start's command line `argv` (program name first)
/// names, read as the first start reads its own (`cli::Args`,
/// [`handover_link::source_from_arg`]); a relative file path is taken from
/// `cwd`, the folder that start ran in. `None` when it names no plan or
/// the command line is not one the app takes.
///
/// ```
/// use smp_aftercare_lib::commands::handover::HandoverSource;
/// use smp_aftercare_lib::single_instance::source_from_second_start;
/// use std::path::Path;
///
/// let argv = ["smp-aftercare", "--data-dir", "/d", "plan.smpplan"].map(String::from);
/// assert_eq!(
///     source_from_second_start(&argv, Path::new("/home/me/Downloads")),
///     Some(HandoverSource::File { path: "/home/me/Downloads/plan.smpplan".into() })
/// );
/// assert_eq!(source_from_second_start(&["smp-aftercare".into()], Path::new("/")), None);
/// ```
pub fn source_from_second_start(argv: &[String], cwd: &Path) -> Option<HandoverSource> {
    let args = match Args::parse_from(argv) {
        Ok(Parsed::Run(args)) => args,
        Ok(Parsed::Print(_)) => return None,
        Err(e) => {
            log::warn!("a second start's command line was ignored: {}", e.0);
            return None;
        }
    };
    match handover_link::source_from_arg(args.open.as_deref()?)? {
        HandoverSource::File { path } => {
            let path = PathBuf::from(path);
            let path = if path.is_absolute() {
                path
            } else {
                cwd.join(path)
            };
            Some(HandoverSource::File {
                path: path.to_string_lossy().into_owned(),
            })
        }
        link => Some(link),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        std::iter::once("/usr/bin/smp-aftercare")
            .chain(args.iter().copied())
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_link_is_handed_over_as_given_with_or_without_options() {
        let link = "smp-aftercare://plan?v=1&d=abc";
        for args in [
            vec![link],
            vec!["--data-dir", "/tmp/x", link],
            vec!["--minimized", link],
        ] {
            assert_eq!(
                source_from_second_start(&argv(&args), Path::new("/elsewhere")),
                Some(HandoverSource::Link { link: link.into() }),
                "{args:?}"
            );
        }
    }

    #[test]
    fn files_absolute_relative_and_as_file_urls() {
        let cwd = Path::new("/home/me/Downloads");
        let file = |p: &str| Some(HandoverSource::File { path: p.into() });
        assert_eq!(
            source_from_second_start(&argv(&["/tmp/a.smpplan"]), cwd),
            file("/tmp/a.smpplan")
        );
        assert_eq!(
            source_from_second_start(&argv(&["sub/My plan.SMPPLAN"]), cwd),
            file("/home/me/Downloads/sub/My plan.SMPPLAN")
        );
        assert_eq!(
            source_from_second_start(&argv(&["file:///tmp/My%20plan.smpplan"]), cwd),
            file("/tmp/My plan.smpplan")
        );
    }

    #[test]
    fn no_plan_or_a_command_line_the_app_refuses_is_nothing() {
        let cwd = Path::new("/");
        for args in [
            vec![],
            vec!["--minimized"],
            vec!["notes.txt"],
            vec!["https://example.com/"],
            vec!["--colour", "/tmp/a.smpplan"],
            vec!["/tmp/a.smpplan", "/tmp/b.smpplan"],
        ] {
            assert_eq!(
                source_from_second_start(&argv(&args), cwd),
                None,
                "{args:?}"
            );
        }
        assert_eq!(source_from_second_start(&[], cwd), None);
    }

    #[test]
    fn only_the_login_item_start_is_a_login_start() {
        assert!(is_login_start(&argv(&["--minimized"])));
        assert!(is_login_start(&argv(&["--data-dir", "/d", "--minimized"])));
        assert!(!is_login_start(&argv(&[])));
        assert!(!is_login_start(&argv(&["/tmp/a.smpplan"])));
        assert!(!is_login_start(&["--minimized".to_string()]));
    }

    #[test]
    fn the_bus_name_is_per_data_folder_and_a_valid_dbus_name() {
        let id = "app.smpaftercare.desktop";
        let a = bus_id(id, Some(Path::new("/tmp/a")));
        assert_eq!(a, bus_id(id, Some(Path::new("/tmp/a"))));
        assert_ne!(a, bus_id(id, Some(Path::new("/tmp/b"))));
        assert_ne!(a, bus_id(id, None));
        // A relative folder is the same folder as its absolute spelling.
        let here = std::env::current_dir().unwrap();
        assert_eq!(
            bus_id(id, Some(Path::new("rel"))),
            bus_id(id, Some(&here.join("rel")))
        );
        // D-Bus: elements of [A-Za-z0-9_-], none starting with a digit,
        // at most 255 bytes with the plugin's `.SingleInstance`.
        let name = format!("{a}.SingleInstance");
        assert!(name.len() <= 255);
        for element in name.split('.') {
            assert!(!element.is_empty());
            assert!(!element.starts_with(|c: char| c.is_ascii_digit()), "{name}");
            assert!(
                element
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'),
                "{name}"
            );
        }
    }
}
