//! Opening a link (tel:, mailto:) or a file with the system's handler, from
//! Rust only: the page has no opener permission.
//!
//! On Linux the app spawns `xdg-open` with the one argument, which is all
//! `tauri-plugin-opener` (through the `open` crate) does there, without
//! the plugin's zbus stack and its executor thread (issue 14,
//! docs/performance.md). The child is waited for on a thread of its own,
//! so it never stays a zombie, and a failure is logged. Elsewhere the
//! plugin opens it.

use std::ffi::OsStr;

use tauri::{AppHandle, Runtime};

/// Hands `target` (a URL or a file path) to the system's handler. `Err`
/// when it could not be handed over (on Linux: `xdg-open` could not be
/// started); what the handler then does is its own affair.
pub fn open<R: Runtime>(app: &AppHandle<R>, target: &OsStr) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        let _ = app;
        xdg_open(OsStr::new(XDG_OPEN), target)
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_opener::OpenerExt;
        app.opener()
            .open_url(target.to_string_lossy().into_owned(), None::<&str>)
            .map_err(|e| e.to_string())
    }
}

/// Opens a file; see [`open`].
pub fn open_path<R: Runtime>(app: &AppHandle<R>, path: &std::path::Path) -> Result<(), String> {
    #[cfg(target_os = "linux")]
    {
        open(app, path.as_os_str())
    }
    #[cfg(not(target_os = "linux"))]
    {
        use tauri_plugin_opener::OpenerExt;
        app.opener()
            .open_path(path.display().to_string(), None::<&str>)
            .map_err(|e| e.to_string())
    }
}

/// The program Linux desktops open things with (found on `PATH`).
#[cfg(target_os = "linux")]
const XDG_OPEN: &str = "xdg-open";

/// Starts `program target` with no input or output and reaps it on a
/// thread; its failure (an exit status other than 0) is logged there.
#[cfg(target_os = "linux")]
fn xdg_open(program: &OsStr, target: &OsStr) -> Result<(), String> {
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{} could not be started: {e}", program.to_string_lossy()))?;
    let name = program.to_string_lossy().into_owned();
    let reaper = std::thread::Builder::new()
        .name("xdg-open-wait".into())
        .spawn(move || match child.wait() {
            Ok(status) if status.success() => {}
            Ok(status) => log::warn!("{name} failed: {status}"),
            Err(e) => log::warn!("{name} could not be waited for: {e}"),
        });
    if let Err(e) = reaper {
        // No thread: the child is left to be reaped when the app exits.
        log::warn!("no thread to wait for {}: {e}", program.to_string_lossy());
    }
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn the_program_gets_the_one_argument_and_is_reaped() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("got");
        let script = dir.path().join("fake-open");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > '{}'\n",
                out.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        xdg_open(
            script.as_os_str(),
            OsStr::new("mailto:desk@hairline.example"),
        )
        .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Ok(got) = std::fs::read_to_string(&out)
                && !got.is_empty()
            {
                assert_eq!(got, "1|mailto:desk@hairline.example");
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the program never ran"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    #[test]
    fn a_missing_program_is_an_error() {
        let err = xdg_open(OsStr::new("/nonexistent/xdg-open"), OsStr::new("tel:1")).unwrap_err();
        assert!(err.contains("could not be started"), "{err}");
    }
}
