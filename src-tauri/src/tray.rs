//! The tray icon: closing the window keeps the app running so reminders
//! still fire; the tray brings it back or quits it. Its menu speaks the
//! app's language and follows it when the client changes it in Settings
//! (the reminder scheduler reads the settings on every pass and hands the
//! language to [`TrayMenu::follow`]).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use aftercare::Lang;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::{MouseButton, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, Runtime};

use crate::messages::tr_plain;

/// The tooltip: the product's name, in every language (as the window's
/// title).
pub const TOOLTIP: &str = "SMP Aftercare";

/// The words of the tray menu in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrayLabels {
    /// Shows the window.
    pub open: String,
    /// Ends the app, and with it the reminders.
    pub quit: String,
}

/// The tray menu's words in `lang`.
pub fn tray_labels(lang: Lang) -> TrayLabels {
    TrayLabels {
        open: tr_plain(lang, "tray-open"),
        quit: tr_plain(lang, "tray-quit"),
    }
}

/// The tray's menu items, kept to reword them when the language changes.
pub struct TrayMenu<R: Runtime> {
    open: MenuItem<R>,
    quit: MenuItem<R>,
    lang: Mutex<Lang>,
}

impl<R: Runtime> TrayMenu<R> {
    /// Rewords the menu in `lang` if it speaks another language; a no-op
    /// otherwise (it is called on every scheduler pass).
    pub fn follow(&self, lang: Lang) -> tauri::Result<()> {
        let mut current = self.lang.lock().unwrap_or_else(|e| e.into_inner());
        if *current == lang {
            return Ok(());
        }
        let labels = tray_labels(lang);
        self.open.set_text(labels.open)?;
        self.quit.set_text(labels.quit)?;
        *current = lang;
        Ok(())
    }
}

/// Set once the tray icon is there (it is made after the first screen).
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Whether the tray icon is there: only then may closing the window hide
/// it (otherwise the app would be out of reach; it is minimised instead).
pub fn shown() -> bool {
    SHOWN.load(Ordering::SeqCst)
}

/// Creates the tray icon with "Open" and "Quit" in `lang`.
pub fn create<R: Runtime>(app: &AppHandle<R>, lang: Lang) -> tauri::Result<TrayMenu<R>> {
    let labels = tray_labels(lang);
    let open = MenuItem::with_id(app, "open", labels.open, true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", labels.quit, true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut tray = TrayIconBuilder::with_id("main")
        .tooltip(TOOLTIP)
        .menu(&menu)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => show_main(app),
            "quit" => app.exit(0),
            _ => {}
        })
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                ..
            } = event
            {
                show_main(tray.app_handle());
            }
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    SHOWN.store(true, Ordering::SeqCst);
    Ok(TrayMenu {
        open,
        quit,
        lang: Mutex::new(lang),
    })
}

/// Shows and focuses the main window.
pub fn show_main<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_speaks_each_language() {
        assert_eq!(
            tray_labels(Lang::En),
            TrayLabels {
                open: "Open SMP Aftercare".into(),
                quit: "Quit (no more reminders)".into(),
            }
        );
        assert_eq!(
            tray_labels(Lang::Es),
            TrayLabels {
                open: "Abrir SMP Aftercare".into(),
                quit: "Salir (sin más recordatorios)".into(),
            }
        );
    }
}
