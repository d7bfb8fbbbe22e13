//! Declares the one command the page may call (as the app's build script
//! does for its own), so that its access check is the app's.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(&["first_screen_drawn"]));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("bench-baseline build script: {e:#}");
        std::process::exit(1);
    }
}
