//! The window stays in the app: a navigation of any webview to anything but
//! the app's own origin is refused, so the page can never show outside
//! content in the app's window. `tel:` and `mailto:` links (the clinic's
//! phone and email) are handed to the system's handler from Rust instead,
//! so the page itself needs no "open" permission.
//!
//! The rule is [`decide`] (pure, unit-tested); [`plugin`] applies it to
//! every webview's navigations. New windows (`window.open`, a link with
//! `target="_blank"`) are never opened: [`main_window`] builds the window
//! described in `tauri.conf.json` (which has `"create": false` for this)
//! with a handler that refuses them, handing a `tel:` or `mailto:` one to
//! the system like a navigation. Some webviews would otherwise open a
//! browser-like window of their own (WebView2 on Windows does).

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime, Url};

/// What happens to a navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    /// The app's own page: it loads.
    Stay,
    /// A `tel:` link to a phone number or a `mailto:` link to one address
    /// (the forms the page's links take, `is_call_or_write`): refused in
    /// the window and opened by the system's handler (the phone or mail
    /// app).
    OpenOutside,
    /// Anything else: refused, and nothing opens.
    Refuse,
}

/// Decides a navigation to `url`. The app's own origin is where the built
/// UI is served: `tauri://localhost` (Linux, macOS, iOS) or
/// `http(s)://tauri.localhost` (Windows, Android); `dev_url` is the Vite
/// dev server's, passed only in development builds.
pub fn decide(url: &Url, dev_url: Option<&Url>) -> Navigation {
    let host = url.host_str();
    let own = match url.scheme() {
        "tauri" => host == Some("localhost"),
        "http" | "https" => {
            (host == Some("tauri.localhost") && url.port().is_none())
                || dev_url.is_some_and(|dev| dev.origin() == url.origin())
        }
        // The empty page a webview may start on shows nothing outside.
        "about" => url.as_str() == "about:blank",
        "tel" | "mailto" if is_call_or_write(url) => return Navigation::OpenOutside,
        _ => false,
    };
    if own {
        Navigation::Stay
    } else {
        Navigation::Refuse
    }
}

/// A `tel:` link to digits with an optional leading `+`, or a `mailto:`
/// link to one address ([`aftercare::text::is_email_address`], after
/// percent-decoding) with nothing after it: what the page's links hold
/// (`telHref`, `mailHref` in `ui/src/logic.ts`). Anything more (a `?body=`,
/// a second address, a `;phone-context=`) would make the phone or mail app
/// do more than call or write to the clinic, so it is refused.
fn is_call_or_write(url: &Url) -> bool {
    if url.query().is_some() || url.fragment().is_some() {
        return false;
    }
    let path = url.path();
    match url.scheme() {
        "tel" => {
            let digits = path.strip_prefix('+').unwrap_or(path);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        "mailto" => percent_encoding::percent_decode_str(path)
            .decode_utf8()
            .is_ok_and(|address| aftercare::text::is_email_address(&address)),
        _ => false,
    }
}

/// The plugin that applies [`decide`] to every webview of the app.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::<R>::new("navigation")
        .on_navigation(|webview, url| {
            let dev_url = if tauri::is_dev() {
                webview.config().build.dev_url.clone()
            } else {
                None
            };
            match decide(url, dev_url.as_ref()) {
                Navigation::Stay => true,
                Navigation::OpenOutside => {
                    open_outside(webview.app_handle(), url);
                    false
                }
                Navigation::Refuse => {
                    log::warn!(
                        "refused to leave the app for {}",
                        url.origin().ascii_serialization()
                    );
                    false
                }
            }
        })
        .build()
}

/// Builds the main window from its configuration in `tauri.conf.json`,
/// with the new-window handler described in the module documentation.
pub fn main_window<R: Runtime>(app: &tauri::App<R>) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == "main") else {
        return Ok(());
    };
    let builder = tauri::WebviewWindowBuilder::from_config(app, config)?;
    #[cfg(desktop)]
    let builder = {
        let handle = app.handle().clone();
        builder.on_new_window(move |url, _features| {
            match decide(&url, None) {
                Navigation::OpenOutside => open_outside(&handle, &url),
                _ => log::warn!(
                    "refused to open a window for {}",
                    url.origin().ascii_serialization()
                ),
            }
            tauri::webview::NewWindowResponse::Deny
        })
    };
    builder.build()?;
    Ok(())
}

/// Hands `url` to the system (the phone or mail app); a failure is logged.
fn open_outside<R: Runtime>(app: &tauri::AppHandle<R>, url: &Url) {
    if let Err(e) = crate::opener::open(app, std::ffi::OsStr::new(url.as_str())) {
        log::warn!("could not open a {} link: {e}", url.scheme());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(url: &str, dev: Option<&str>) -> Navigation {
        let dev = dev.map(|d| Url::parse(d).unwrap());
        decide(&Url::parse(url).unwrap(), dev.as_ref())
    }

    #[test]
    fn the_apps_own_origin_stays() {
        for url in [
            "tauri://localhost",
            "tauri://localhost/index.html#/settings",
            "http://tauri.localhost/",
            "https://tauri.localhost/#/today",
            "about:blank",
        ] {
            assert_eq!(decided(url, None), Navigation::Stay, "{url}");
        }
        assert_eq!(
            decided(
                "http://localhost:5173/#/today",
                Some("http://localhost:5173")
            ),
            Navigation::Stay
        );
    }

    #[test]
    fn everything_else_is_refused() {
        for url in [
            "https://example.com/",
            "http://127.0.0.1:9/outside",
            "https://tauri.localhost.example.com/",
            "http://tauri.localhost:8080/",
            "tauri://evil",
            "http://localhost:5173/",
            "file:///etc/passwd",
            "data:text/html,<h1>hi</h1>",
            "javascript:alert(1)",
            "about:srcdoc",
            "ftp://example.com/",
        ] {
            assert_eq!(decided(url, None), Navigation::Refuse, "{url}");
        }
        // The dev server's origin only, and only when it is given.
        assert_eq!(
            decided("http://localhost:5174/", Some("http://localhost:5173")),
            Navigation::Refuse
        );
    }

    #[test]
    fn phone_and_mail_links_open_outside() {
        for url in [
            "tel:+442079460000",
            "tel:02079460000",
            "mailto:care@northside.example",
            // As `mailHref` writes an address with an apostrophe and a plus.
            "mailto:o'neil%2Bsmp@northside.example",
            "mailto:desk@cl%C3%ADnica.example",
        ] {
            assert_eq!(decided(url, None), Navigation::OpenOutside, "{url}");
        }
    }

    #[test]
    fn phone_and_mail_links_that_do_more_are_refused() {
        for url in [
            "tel:",
            "tel:+",
            "tel:+44;phone-context=example.com",
            "tel:javascript:alert(1)",
            "tel:+44%20207",
            "tel:*21*0800#",
            "mailto:",
            "mailto:?body=hello",
            "mailto:care@northside.example?attach=/etc/passwd",
            "mailto:care@northside.example?cc=other@example.com",
            "mailto:care@northside.example,other@example.com",
            "mailto:care@northside.example#x",
            "mailto:%22%3Cscript%3E%22@x.example",
            "mailto:javascript:alert(1)@x.example",
            "mailto:care@northside",
        ] {
            assert_eq!(decided(url, None), Navigation::Refuse, "{url}");
        }
    }
}
