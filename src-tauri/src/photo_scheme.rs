//! The `photo` URI scheme: how the page shows a stored photo without the
//! file system (or the asset protocol) being opened to it.
//!
//! `photo://localhost/<hash>/<size>` (`http://photo.localhost/...` on
//! Windows and Android, see `commands::journal::photo_url`) answers with
//! the `thumb`, `screen` or `full` copy of photo `<hash>` from the photo
//! folder, and 404 for anything else: only a 64-hex hash names a file
//! (`PhotoStore::path`), so no path can be walked out of the folder. A
//! copy never changes under its hash, so the webview may keep it for good.

use tauri::http::{Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::photos::{PhotoSize, PhotoStore};
use crate::state::AppState;

/// The scheme's name, as the page's URLs and the CSP spell it.
pub const SCHEME: &str = "photo";

/// What the webview may do with a served copy: keep it, for this user
/// only, as long as it likes (the hash is the content).
pub const CACHE_CONTROL: &str = "private, max-age=31536000, immutable";

/// The scheme's handler (registered in `lib.rs`): reads the file off the
/// webview's thread and answers through `responder`.
pub fn handle<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let folder = ctx
        .app_handle()
        .try_state::<AppState>()
        .map(|state| PhotoStore::new(&state.data_dir));
    let path = request.uri().path().to_string();
    tauri::async_runtime::spawn_blocking(move || {
        let response = match folder {
            Some(folder) => respond(&folder, &path),
            // Start-up has not finished: nothing to serve yet.
            None => not_found(),
        };
        responder.respond(response);
    });
}

/// The answer to a request for `path` (`/<hash>/<size>`).
pub fn respond(folder: &PhotoStore, path: &str) -> Response<Vec<u8>> {
    let mut parts = path.trim_start_matches('/').split('/');
    let (Some(hash), Some(size), None) = (parts.next(), parts.next(), parts.next()) else {
        return not_found();
    };
    let size = match size {
        "thumb" => PhotoSize::Thumb,
        "screen" => PhotoSize::Screen,
        "full" => PhotoSize::Full,
        _ => return not_found(),
    };
    let Some(file) = folder.path(hash, size) else {
        return not_found();
    };
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => return not_found(),
    };
    match std::fs::read(&file) {
        Ok(bytes) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, content_type)
            .header(header::CACHE_CONTROL, CACHE_CONTROL)
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .body(bytes)
            .unwrap_or_else(|_| not_found()),
        Err(e) => {
            log::warn!("photo {} could not be read: {e}", file.display());
            not_found()
        }
    }
}

fn not_found() -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_but_a_hash_and_a_size_is_not_found() {
        let dir = std::env::temp_dir().join(format!("smp-photo-scheme-{}", std::process::id()));
        let folder = PhotoStore::new(&dir);
        let hash = "ab".repeat(32);
        for path in [
            "/".to_string(),
            format!("/{hash}"),
            format!("/{hash}/huge"),
            format!("/{hash}/thumb/more"),
            "/../../etc/passwd/full".to_string(),
            format!("/{hash}/thumb"),
        ] {
            assert_eq!(
                respond(&folder, &path).status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
    }
}
