//! How the page is drawn on Linux: rasterized by the CPU.
//!
//! The app's page is text and a few flat shapes. WebKitGTK rasterizes it
//! with Skia on the GPU by default, and on a machine without a GPU driver
//! that means Mesa's software rasterizer (llvmpipe): compiling shaders and
//! drawing through it cost about 200 ms of CPU and 25 MB at every start
//! (issue 14, docs/performance.md), for nothing a client sees. GL paths
//! are also behind WebKitGTK's known blank-window problems on some
//! drivers. So [`prefer_cpu_rendering`] sets WebKit's own switch,
//! `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`, for the app's processes, unless
//! the variable is already set: a user's own choice wins
//! (`WEBKIT_SKIA_ENABLE_CPU_RENDERING=0` keeps WebKit's default).
//!
//! (WebKit's setting `hardware-acceleration-policy = never`, applied to
//! the webview after it is built, saves as much, but a page driven by
//! WebDriver never loads with it: the end-to-end tests hang.)

/// WebKit's switch: Skia rasterizes on the CPU when it is set.
pub const ENV_VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// The value to set [`ENV_VAR`] to, given its current value: `Some("1")`
/// when it is not set, `None` (leave it) when it is.
pub fn cpu_rendering_value(current: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    match current {
        None => Some("1"),
        Some(_) => None,
    }
}

/// Sets [`ENV_VAR`] for this process and the WebKit processes it starts,
/// unless it is set already (Linux only; elsewhere nothing happens).
///
/// Call it first thing in `run`, before any thread exists.
pub fn prefer_cpu_rendering() {
    #[cfg(target_os = "linux")]
    if let Some(value) = cpu_rendering_value(std::env::var_os(ENV_VAR).as_deref()) {
        // SAFETY: `set_var` is unsound only while another thread may read
        // or write the environment. This runs at the top of `run`, called
        // from `main` before anything else (its only caller, `src/main.rs`,
        // calls nothing before it): no thread has been spawned yet
        // (Tauri, GTK, WebKit, the logger and the store start theirs
        // later), so nothing can read the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var(ENV_VAR, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn set_only_when_the_user_has_not() {
        assert_eq!(cpu_rendering_value(None), Some("1"));
        assert_eq!(cpu_rendering_value(Some(OsStr::new("0"))), None);
        assert_eq!(cpu_rendering_value(Some(OsStr::new("1"))), None);
        assert_eq!(cpu_rendering_value(Some(OsStr::new(""))), None);
    }
}
