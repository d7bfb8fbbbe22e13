//! End to end: the real `DesktopNotifier` (notify-rust over D-Bus) against a
//! real notification server on a private session bus.
//!
//! Each test re-executes this test binary, for itself only, under
//! `dbus-run-session` with a bus configuration that has no activatable
//! services (and `XDG_DATA_DIRS` pointing at an empty folder), so it never
//! touches the developer's desktop, never auto-starts a real server such
//! as dunst, and leaves no daemon behind. Inside, the server is
//! `tests/support/notification_recorder.py` (Debian's `/usr/bin/python3`
//! with python3-dbus and python3-gi), which writes every notification it
//! receives as a JSON line.
//!
//! Needs: `dbus-run-session` (package `dbus`), `/usr/bin/python3`,
//! python3-dbus, python3-gi. The tests fail (they do not skip) without them.
//!
//! Opt-in (`#[ignore]`), so that a plain `cargo test` needs no D-Bus;
//! `scripts/test.sh` runs them by name:
//! `cargo test -p smp-aftercare --test notifications -- --ignored`.

#![cfg(all(
    unix,
    not(target_os = "macos"),
    not(any(target_os = "android", target_os = "ios"))
))]

mod support;

use smp_aftercare_lib::reminders::{DesktopNotifier, Notice, Notifier};
use support::{Recorder, TempDir, on_private_bus};

#[test]
#[ignore = "needs dbus-run-session and python3-dbus; run with --ignored (scripts/test.sh does)"]
fn desktop_notifier_reaches_the_notification_server() {
    if !on_private_bus("desktop_notifier_reaches_the_notification_server") {
        return;
    }
    let dir = TempDir::new("recorder");
    let mut recorder = Recorder::start(dir.path());

    let notice = Notice {
        title: "Day 6: rinse and shave again".into(),
        body: "You may rinse your scalp (warm water only) & shave (foil shaver only)".into(),
    };
    DesktopNotifier::new()
        .show(&notice)
        .expect("the recorder takes the notification");
    let got = recorder.wait_for(1);
    println!("received: {got}");
    assert_eq!(got["app_name"], "SMP Aftercare");
    assert_eq!(got["summary"], notice.title.as_str());
    assert_eq!(got["body"], notice.body.as_str());
    assert_eq!(got["hints"]["desktop-entry"], "SMP Aftercare");
    assert_eq!(got["hints"]["urgency"], 1, "normal urgency");
    assert_eq!(got["expire_timeout"], 0, "stays until dismissed");

    // A summary notification (several lines) arrives just as well.
    let summary = Notice {
        title: "2 reminders you missed".into(),
        body: "• Sat 28 Mar — Day 5: sun again\n• Sun 29 Mar — Day 6: rinse and shave again".into(),
    };
    DesktopNotifier::new().show(&summary).unwrap();
    let got = recorder.wait_for(2);
    assert_eq!(got["summary"], summary.title.as_str());
    assert_eq!(got["body"], summary.body.as_str());
}

/// Clinic text with markup, as a protocol note could carry it.
const MARKUP: &str =
    "<b>Rinse</b> & <a href=\"https://x.example\">see here</a> <img src=\"file:///etc/passwd\"/>";

#[test]
#[ignore = "needs dbus-run-session and python3-dbus; run with --ignored (scripts/test.sh does)"]
fn markup_arrives_escaped_where_the_server_renders_it() {
    if !on_private_bus("markup_arrives_escaped_where_the_server_renders_it") {
        return;
    }
    let dir = TempDir::new("recorder");
    // As GNOME, KDE, dunst and mako answer.
    let mut recorder =
        Recorder::start_with_capabilities(dir.path(), &["body", "body-markup", "persistence"]);
    let notice = Notice {
        title: "Day 6: rinse and shave again".into(),
        body: MARKUP.into(),
    };
    DesktopNotifier::new().show(&notice).unwrap();
    let got = recorder.wait_for(1);
    println!("received: {got}");
    assert_eq!(got["summary"], "Day 6: rinse and shave again");
    assert_eq!(
        got["body"],
        "&lt;b&gt;Rinse&lt;/b&gt; &amp; &lt;a href=\"https://x.example\"&gt;see here&lt;/a&gt; \
         &lt;img src=\"file:///etc/passwd\"/&gt;"
    );
}

#[test]
#[ignore = "needs dbus-run-session and python3-dbus; run with --ignored (scripts/test.sh does)"]
fn plain_text_servers_get_the_text_as_written() {
    if !on_private_bus("plain_text_servers_get_the_text_as_written") {
        return;
    }
    let dir = TempDir::new("recorder");
    // No body-markup: the server shows the body as text, so an escape
    // would show as "&amp;".
    let mut recorder = Recorder::start(dir.path());
    let notice = Notice {
        title: "Day 6: rinse and shave again".into(),
        body: format!("{MARKUP}\r\u{1b}[31m\u{202e}"),
    };
    DesktopNotifier::new().show(&notice).unwrap();
    let got = recorder.wait_for(1);
    assert_eq!(got["body"], format!("{MARKUP}[31m"));
}

#[test]
#[ignore = "needs dbus-run-session; run with --ignored (scripts/test.sh does)"]
fn desktop_notifier_fails_without_a_server() {
    if !on_private_bus("desktop_notifier_fails_without_a_server") {
        return;
    }
    // No recorder, and nothing on this bus can be auto-started.
    let notice = Notice {
        title: "Day 6: rinse and shave again".into(),
        body: "nobody is listening".into(),
    };
    let result = DesktopNotifier::new().show(&notice);
    println!("without a server: {result:?}");
    let err = result.expect_err("show must fail when no server owns org.freedesktop.Notifications");
    assert!(!err.to_string().is_empty());
}
