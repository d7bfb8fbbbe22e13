//! Showing one notification. The trait keeps the scheduler testable; the
//! desktop implementation talks to the notification server (on Linux the
//! `org.freedesktop.Notifications` D-Bus service) through notify-rust.

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
        let mut n = notify_rust::Notification::new();
        n.appname(&self.app_name)
            .summary(&notice.title)
            .body(&notice.body)
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
