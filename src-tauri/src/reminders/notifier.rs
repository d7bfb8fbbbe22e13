//! Showing one notification. The trait keeps the scheduler testable; the
//! desktop implementation talks to the notification server (on Linux the
//! `org.freedesktop.Notifications` D-Bus service, over the system's
//! libdbus: notify-rust's `d` feature, not zbus; issue 14) through
//! notify-rust.

/// One notification as the client sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The headline (the notification's summary).
    pub title: String,
    /// The text.
    pub body: String,
}

/// The notification could not be shown; carries the cause as text (it is
/// stored in the delivery log and shown in the app).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NotifyError(pub String);

/// Shows notifications. Implementations must not panic and must return an
/// error (never `Ok`) when the notification was not handed over.
pub trait Notifier: Send + Sync {
    /// Shows `notice` now.
    fn show(&self, notice: &Notice) -> Result<(), NotifyError>;
}

impl<T: Notifier + ?Sized> Notifier for std::sync::Arc<T> {
    fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
        (**self).show(notice)
    }
}

impl<T: Notifier + ?Sized> Notifier for Box<T> {
    fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
        (**self).show(notice)
    }
}

/// The notification body as sent. Where the server renders body markup
/// (`markup`: it advertises `body-markup`, as GNOME, KDE, dunst, mako and
/// xfce4-notifyd do), `&`, `<` and `>` are escaped, so that clinic text
/// shows as written and can never add bold, links or
/// `<img src="file://…">` to a notification; a server without markup gets
/// the text as it is (an escape would show as `&amp;`). Either way control
/// characters other than line breaks, and bidirectional controls, are
/// dropped (`aftercare::text`).
///
/// ```
/// use smp_aftercare_lib::reminders::notification_body;
///
/// assert_eq!(notification_body("<b>rinse</b> & dry", true), "&lt;b&gt;rinse&lt;/b&gt; &amp; dry");
/// assert_eq!(notification_body("<b>rinse</b> & dry", false), "<b>rinse</b> & dry");
/// ```
pub fn notification_body(body: &str, markup: bool) -> String {
    let mut out = String::with_capacity(body.len() + 16);
    for c in body.chars() {
        match c {
            '&' if markup => out.push_str("&amp;"),
            '<' if markup => out.push_str("&lt;"),
            '>' if markup => out.push_str("&gt;"),
            '\n' => out.push('\n'),
            c if aftercare::text::is_inert(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether the notification server renders body markup. Asked on every
/// notification (reminders are few, and the server may have been
/// replaced); where it cannot be asked, markup is assumed, so text is
/// escaped rather than rendered.
#[cfg(desktop)]
fn server_renders_markup() -> bool {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        notify_rust::get_capabilities().map_or(true, |caps| caps.iter().any(|c| c == "body-markup"))
    }
    // The notification centre (macOS) and toasts (Windows) show plain text.
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    {
        false
    }
}

/// The app's name as notification servers show it.
pub const APP_NAME: &str = "SMP Aftercare";

/// The desktop entry servers use to find the app's icon and group its
/// notifications: the name of the installed `.desktop` file without its
/// extension. Tauri's Linux bundles name that file after the product name
/// (`/usr/share/applications/SMP Aftercare.desktop`); a test keeps the two
/// equal.
pub const DESKTOP_ENTRY: &str = "SMP Aftercare";

/// Desktop notifications through notify-rust (D-Bus on Linux and the BSDs,
/// the notification centre on macOS, toasts on Windows).
///
/// Notifications stay until the client dismisses them (`Timeout::Never`)
/// at normal urgency: aftercare instructions are worth reading, but they
/// are not alarms, and one that vanishes after five seconds while the
/// client is away from the screen would be lost (servers keep dismissed
/// ones in their history anyway).
///
/// `show` blocks on the D-Bus round trip; the scheduler calls it from a
/// blocking thread.
#[cfg(desktop)]
#[derive(Debug, Clone)]
pub struct DesktopNotifier {
    app_name: String,
    #[cfg_attr(not(all(unix, not(target_os = "macos"))), allow(dead_code))]
    desktop_entry: String,
    #[cfg_attr(not(target_os = "windows"), allow(dead_code))]
    app_id: Option<String>,
}

#[cfg(desktop)]
impl Default for DesktopNotifier {
    fn default() -> Self {
        DesktopNotifier {
            app_name: APP_NAME.to_string(),
            desktop_entry: DESKTOP_ENTRY.to_string(),
            app_id: None,
        }
    }
}

#[cfg(desktop)]
impl DesktopNotifier {
    /// The notifier with the app's name and desktop entry.
    pub fn new() -> Self {
        Self::default()
    }

    /// On Windows, the application user model id toasts are shown under
    /// (the bundle identifier of an installed app, `app.smpaftercare.desktop`).
    /// Ignored elsewhere.
    pub fn with_app_id(mut self, app_id: impl Into<String>) -> Self {
        self.app_id = Some(app_id.into());
        self
    }
}

#[cfg(desktop)]
impl Notifier for DesktopNotifier {
    fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
        // The summary is plain text in the specification (the engine
        // writes it, without clinic text); only control characters go.
        let title = notification_body(&notice.title, false);
        let body = notification_body(&notice.body, server_renders_markup());
        let mut n = notify_rust::Notification::new();
        n.appname(&self.app_name)
            .summary(&title)
            .body(&body)
            .timeout(notify_rust::Timeout::Never);
        #[cfg(all(unix, not(target_os = "macos")))]
        n.hint(notify_rust::Hint::DesktopEntry(self.desktop_entry.clone()))
            .urgency(notify_rust::Urgency::Normal);
        #[cfg(target_os = "windows")]
        if let Some(id) = &self.app_id {
            n.app_id(id);
        }
        n.show().map(|_| ()).map_err(|e| NotifyError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_for_servers_that_render_it() {
        let body = "<b>Day 6</b>: <a href=\"https://x.example\">rinse</a> <img src=\"file:///etc/passwd\"/> & shave";
        assert_eq!(
            notification_body(body, true),
            "&lt;b&gt;Day 6&lt;/b&gt;: &lt;a href=\"https://x.example\"&gt;rinse&lt;/a&gt; \
             &lt;img src=\"file:///etc/passwd\"/&gt; &amp; shave"
        );
        // An entity stays text too.
        assert_eq!(notification_body("&amp;", true), "&amp;amp;");
        assert_eq!(notification_body(body, false), body);
    }

    #[test]
    fn control_characters_go_line_breaks_stay() {
        let body = "• Sat 28 Mar\n• Sun\r 29\u{1b}[31m Mar\0\u{202e}\u{7f}\t";
        assert_eq!(
            notification_body(body, true),
            "• Sat 28 Mar\n• Sun 29[31m Mar"
        );
        assert_eq!(
            notification_body(body, false),
            "• Sat 28 Mar\n• Sun 29[31m Mar"
        );
    }

    /// The bundle installs `<productName>.desktop`; a hint naming any other
    /// file leaves notifications without the app's icon.
    #[test]
    fn desktop_entry_is_the_bundled_desktop_file() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).unwrap();
        assert_eq!(config["productName"], DESKTOP_ENTRY);
        assert_eq!(APP_NAME, DESKTOP_ENTRY);
    }
}
