//! The real binary's command line without a display: `--help` and
//! `--version` print and exit 0 before Tauri starts (it used to panic
//! looking for a display), and a mistake is one clear message.

use std::process::{Command, Output};

/// Runs the built app with `args`, with no display, no session bus and an
/// empty home (it must not reach any of them).
fn run(args: &[&str]) -> Output {
    let home = std::env::temp_dir().join(format!("smp-cli-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_smp-aftercare"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&home);
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn help_prints_usage_and_exits_0_without_a_display() {
    let out = run(&["--help"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    assert!(
        stdout.starts_with(
            "SMP Aftercare: what you may do each day after scalp micropigmentation, and reminders.\n\nUsage: smp-aftercare [OPTIONS] [PLAN]\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("--data-dir <DIR>"), "{stdout}");
    assert!(stdout.contains("--minimized"), "{stdout}");
    assert!(stdout.contains("-V, --version"), "{stdout}");
    assert_eq!(
        text(&run(&["-h"]).stdout).lines().next(),
        stdout.lines().next()
    );
}

#[test]
fn version_prints_and_exits_0_without_a_display() {
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("smp-aftercare {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(text(&run(&["-V"]).stdout), text(&out.stdout));
}

#[test]
fn an_unknown_option_is_refused_in_one_message_without_a_panic() {
    let out = run(&["--colour"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("error: unexpected argument '--colour' found"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(text(&out.stdout), "");
}
