//! SMP Aftercare, the app shell: wiring only. The engine (`aftercare`)
//! decides everything about days; this crate stores the client's plan,
//! exposes thin commands to the UI and delivers reminders.
//!
//! | where | what |
//! | --- | --- |
//! | `commands/` | IPC commands, by area |
//! | `bindings` | the command list and the generated TypeScript bindings |
//! | `current` | one store read → the engine's plan, settings, zone, today |
//! | `platform` | the clock and the permission to notify |
//! | `store/` | SQLite store and migrations |
//! | `reminders/` | scheduler and notifiers (desktop, mobile) |
//! | `cli` | the command line, read before Tauri starts (`--help` needs no display) |
//! | `setup`, `tray`, `data_dir` | start-up, tray icon, data folder |
//! | `limits` | the maximum of every IPC string, checked in one place |
//! | `photos`, `photo_scheme` | the photo folder, and the `photo:` scheme that serves it to the page |
//! | `share` | the healing journal as one HTML file for the clinic |
//! | `navigation` | the window stays in the app; tel:/mailto: open outside |
//! | `opener` | a link or file handed to the system (`xdg-open` on Linux) |
//! | `handover_link` | a clinic's plan opened with the app (deep link, `.smpplan` file) |
//! | `single_instance` | one app per data folder: a second start hands its plan to the running one (desktop) |
//! | `startup` | start-up failures (log, stderr, dialog, exit status) and the log file |
//! | `first_screen` | `SMP_AFTERCARE_FIRST_SCREEN`: the time to the first screen, for the benchmark |
//! | `today_override` | `SMP_AFTERCARE_TODAY`: a fixed today for screenshots |

// `tauri::mobile_entry_point` (phones only) generates `#[unsafe(no_mangle)]`
// entry points; the workspace denies unsafe code everywhere else.
#![cfg_attr(mobile, allow(unsafe_code))]

pub mod bindings;
mod capability;
pub mod cli;
pub mod commands;
pub mod current;
pub mod data_dir;
pub mod error;
pub mod first_screen;
pub mod handover_link;
pub mod limits;
pub mod messages;
pub mod model;
pub mod navigation;
pub mod opener;
pub mod photo_scheme;
pub mod photos;
pub mod platform;
pub mod problem;
pub mod reminders;
pub mod rendering;
pub mod setup;
pub mod share;
#[cfg(desktop)]
pub mod single_instance;
pub mod startup;
pub mod state;
pub mod store;
pub mod today_override;
#[cfg(desktop)]
pub mod tray;

/// Starts the app (desktop `main` and the mobile entry point).
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    // The benchmark's first-screen time counts from here (`first_screen`).
    first_screen::mark_start();
    // Before any thread exists (it sets an environment variable): the
    // page is rasterized by the CPU on Linux (`rendering`).
    rendering::prefer_cpu_rendering();
    // First of all, before Tauri opens a display: `--help` and `--version`
    // print and exit here.
    let args = cli::Args::from_process();
    // Read once, before anything starts: a bad value is a clear message.
    let clock = today_override::AppClock::from_env(std::env::var_os(today_override::ENV_VAR))
        .unwrap_or_else(|e| {
            eprintln!("smp-aftercare: {e}");
            std::process::exit(2);
        });
    let commands = bindings::builder::<tauri::Wry>();
    let context = tauri::generate_context!();
    // Before Tauri starts (Linux): a second start hands its command line to
    // the running app and exits here, before any window or set-up.
    #[cfg(target_os = "linux")]
    let instance = match single_instance::start(&context.config().identifier, &args) {
        single_instance::Start::First(instance) => instance,
        single_instance::Start::HandedOver => std::process::exit(0),
        single_instance::Start::Unreachable(message) => {
            eprintln!("smp-aftercare: {message}");
            std::process::exit(1);
        }
    };
    let builder = tauri::Builder::default();
    // First of all plugins (Windows, macOS): a second start hands its plan
    // to the running app and exits here, before any other plugin or the
    // set-up runs.
    #[cfg(all(desktop, not(target_os = "linux")))]
    let builder = builder.plugin(single_instance::plugin(&context.config().identifier, &args));
    let builder = builder
        // A clinic's plan named on the command line waits here for the page.
        .manage(commands::handover::Pending(std::sync::Mutex::new(
            args.open
                .as_deref()
                .and_then(handover_link::source_from_arg),
        )))
        .plugin(tauri_plugin_dialog::init())
        // The `smp-aftercare` scheme (`tauri.conf.json`); its links are read
        // from Rust only, so the page gets no deep-link permission.
        .plugin(tauri_plugin_deep_link::init())
        .plugin(navigation::plugin())
        // Photos reach the page through this scheme only (`photo_scheme`).
        .register_asynchronous_uri_scheme_protocol(photo_scheme::SCHEME, photo_scheme::handle);
    // Used from Rust only (`opener`): no script of its own in the page and
    // no permission for it in the capability. Linux spawns `xdg-open`.
    #[cfg(not(target_os = "linux"))]
    let builder = builder.plugin(
        tauri_plugin_opener::Builder::new()
            .open_js_links_on_click(false)
            .build(),
    );
    #[cfg(desktop)]
    let builder = builder.plugin(tauri_plugin_autostart::init(
        tauri_plugin_autostart::MacosLauncher::LaunchAgent,
        Some(vec![setup::MINIMIZED_ARG]),
    ));
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_notification::init());
    builder
        .invoke_handler(commands.invoke_handler())
        .setup(move |app| {
            // Tauri panics (exit 101, no window, no message) when setup
            // returns an error: every failure is reported here instead.
            use tauri::Manager;
            let log = app
                .path()
                .app_log_dir()
                .ok()
                .and_then(|dir| startup::init_log(&dir));
            listen_for_plans(app.handle());
            let started = navigation::main_window(app)
                .map_err(|e| startup::Failure::Other {
                    reason: e.to_string(),
                })
                .and_then(|()| setup::start(app, &args, clock, log.clone()));
            if let Err(failure) = started {
                startup::fail(app, &failure, log.as_deref());
            }
            // Second starts (queued by the kernel until now) reach an app
            // with its window and store.
            #[cfg(target_os = "linux")]
            instance.serve(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the window hides it: the app stays in the tray so
            // reminders still fire. "Quit" in the tray menu ends it.
            // Without a tray icon (not made yet, or refused by the
            // desktop) the window is minimised instead: still running,
            // still in reach.
            #[cfg(desktop)]
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                let _ = if tray::shown() {
                    window.hide()
                } else {
                    window.minimize()
                };
            }
            #[cfg(mobile)]
            let _ = (window, event);
        })
        .build(context)
        .unwrap_or_else(|e| {
            eprintln!("smp-aftercare: {e}");
            std::process::exit(1);
        })
        .run(|app, event| {
            // Phones suspend the app: reconcile the OS's pending reminders
            // with the plan whenever it comes back.
            #[cfg(mobile)]
            if let tauri::RunEvent::Resumed = event {
                use tauri::Manager;
                if let Some(state) = app.try_state::<state::AppState>() {
                    (state.on_change)();
                }
            }
            #[cfg(desktop)]
            let _ = (app, event);
        });
}

/// Hands every `smp-aftercare://` link the system opens while the app runs
/// (macOS, phones; on Linux and Windows a link starts the app with it on
/// the command line, read by `cli::Args::open`, or, while it runs, a second
/// start that hands it over: `single_instance`) to the page.
fn listen_for_plans<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    use tauri_plugin_deep_link::DeepLinkExt;
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            match handover_link::source_from_arg(url.as_str()) {
                Some(source) => handover_link::deliver(&handle, source),
                None => log::warn!("ignored an opened URL that is not a plan"),
            }
        }
    });
}
