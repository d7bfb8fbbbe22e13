//! A clinic's plan that reaches the app from outside: a
//! `smp-aftercare://plan?…` link (tauri-plugin-deep-link: the scheme is
//! registered by the bundle, see `tauri.conf.json`) or a `.smpplan` file
//! opened with the app (`bundle.fileAssociations`), both given on the
//! command line at start-up on Linux and Windows, on a second start's
//! command line while the app runs (`crate::single_instance`, desktop), or
//! as an "open URL" event while the app runs (macOS, phones).
//!
//! Nothing is read or applied here: the source waits in
//! [`crate::commands::handover::Pending`] until the page takes it
//! (`handover_pending`) and shows the preview. A page that is already
//! loaded is told by a DOM event, [`PAGE_EVENT`], dispatched from Rust,
//! so the page needs no event permission.

use tauri::{AppHandle, Manager, Runtime};

use crate::commands::handover::{HandoverSource, Pending};

/// The DOM event dispatched on the page's `window` when a plan arrives.
pub const PAGE_EVENT: &str = "smp-handover";

/// The file extension of a clinic's plan file.
pub const PLAN_EXTENSION: &str = "smpplan";

/// What a command-line argument or an opened URL names, if it is a plan:
/// a link of the app's scheme, a `file://` URL or a path ending in
/// `.smpplan`. Anything else is not for us (`None`).
///
/// ```
/// use smp_aftercare_lib::commands::handover::HandoverSource;
/// use smp_aftercare_lib::handover_link::source_from_arg;
///
/// assert_eq!(
///     source_from_arg("smp-aftercare://plan?v=1"),
///     Some(HandoverSource::Link { link: "smp-aftercare://plan?v=1".into() })
/// );
/// assert_eq!(
///     source_from_arg("/home/me/Downloads/My plan.SMPPLAN"),
///     Some(HandoverSource::File { path: "/home/me/Downloads/My plan.SMPPLAN".into() })
/// );
/// assert_eq!(source_from_arg("https://example.com/"), None);
/// ```
pub fn source_from_arg(arg: &str) -> Option<HandoverSource> {
    let arg = arg.trim();
    let scheme = format!("{}:", aftercare::handover::LINK_SCHEME);
    if arg
        .get(..scheme.len())
        .is_some_and(|s| s.eq_ignore_ascii_case(&scheme))
    {
        return Some(HandoverSource::Link {
            link: arg.to_string(),
        });
    }
    let path = match arg.strip_prefix("file://") {
        // A file manager may hand over a file URL (percent-encoded).
        Some(rest) => percent_decode(rest)?,
        None => arg.to_string(),
    };
    let is_plan = std::path::Path::new(&path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(PLAN_EXTENSION));
    is_plan.then_some(HandoverSource::File { path })
}

/// `%XX` sequences decoded; `None` for a malformed one or text that is not
/// UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Keeps `source` for the page and, if the page is loaded, tells it and
/// brings the window forward.
pub fn deliver<R: Runtime>(app: &AppHandle<R>, source: HandoverSource) {
    log::info!(
        "a clinic's plan was opened with the app ({})",
        source.field()
    );
    if let Some(pending) = app.try_state::<Pending>() {
        pending.put(source);
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.set_focus();
        // A fixed script: nothing of the link or path is put into it.
        let _ = window.eval(format!("window.dispatchEvent(new Event({PAGE_EVENT:?}))"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_decoded_and_other_files_ignored() {
        assert_eq!(
            source_from_arg("file:///home/me/My%20plan.smpplan"),
            Some(HandoverSource::File {
                path: "/home/me/My plan.smpplan".into()
            })
        );
        assert_eq!(source_from_arg("file:///home/me/%ZZ.smpplan"), None);
        assert_eq!(source_from_arg("/home/me/plan.toml"), None);
        assert_eq!(
            source_from_arg("SMP-Aftercare://plan?x").map(|s| s.field()),
            Some("link")
        );
        assert_eq!(source_from_arg(""), None);
    }

    #[test]
    fn the_page_event_is_a_plain_name() {
        // It is put into a script: only letters and dashes.
        assert!(
            PAGE_EVENT
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
        );
    }
}
