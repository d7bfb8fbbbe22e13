//! Test support shared by the app's integration tests (each test file
//! declares `mod support;` and uses its own part).
//!
//! [`mock_app`]: the IPC commands on Tauri's mock runtime with a real
//! store and a fixed clock (`commands.rs`, `handover.rs`).
//!
//! [`app`]: the real app binary started under a [`VirtualDisplay`], its
//! log, processes and windows (`app_startup.rs`, `app_single_instance.rs`).
//!
//! Here, for the tests that need a real notification server: a private
//! session bus (the test re-executes itself under `dbus-run-session`), the
//! recorder that owns org.freedesktop.Notifications on it, temporary
//! folders and a virtual display for the real app binary. These need
//! `dbus-run-session` (package `dbus`), `/usr/bin/python3` with
//! python3-dbus and python3-gi, and `Xvfb` for [`VirtualDisplay`]. The tests
//! fail (they do not skip) without them.

#![allow(dead_code)] // each test file uses its own part

pub mod app;
pub mod mock_app;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Set in the re-executed child: it runs on the private bus.
pub const ON_PRIVATE_BUS: &str = "SMP_AFTERCARE_TEST_PRIVATE_BUS";
/// How long to wait for the recorder and for a notification to arrive.
pub const WAIT: Duration = Duration::from_secs(10);
pub const PYTHON: &str = "/usr/bin/python3";

/// A unique folder under the system's temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "smp-aftercare-test-{name}-{}-{nanos}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A session bus configuration without any service directory: nothing can
/// be auto-started on it.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// Returns true in the child (run the test body there); in the parent runs
/// `test` in a child on a private bus, asserts it passed, and returns
/// false.
pub fn on_private_bus(test: &str) -> bool {
    if std::env::var_os(ON_PRIVATE_BUS).is_some() {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "dbus-run-session did not set DBUS_SESSION_BUS_ADDRESS"
        );
        return true;
    }
    let tmp = TempDir::new("bus");
    let config = tmp.path().join("session.conf");
    std::fs::write(&config, BUS_CONFIG).unwrap();
    let empty = tmp.path().join("empty-data-dir");
    std::fs::create_dir_all(&empty).unwrap();
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("dbus-run-session")
        .arg(format!("--config-file={}", config.display()))
        .arg("--")
        .arg(&exe)
        // The tests that need a bus are opt-in (`#[ignore]`): the child
        // must run this one whether or not it is ignored.
        .args([
            test,
            "--exact",
            "--include-ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ON_PRIVATE_BUS, "1")
        .env("XDG_DATA_DIRS", &empty)
        .env("XDG_DATA_HOME", &empty)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run dbus-run-session ({e}); install the `dbus` package (dbus-run-session)"
            )
        });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("--- {test} on a private bus ---\n{stdout}\n{stderr}");
    assert!(
        out.status.success(),
        "{test} failed on the private bus ({})",
        out.status
    );
    assert!(
        stdout.contains("test result: ok. 1 passed"),
        "{test} did not run on the private bus"
    );
    false
}

/// The recorder process, killed on drop.
pub struct Recorder {
    child: Child,
    output: PathBuf,
}

impl Recorder {
    /// Starts the recorder, a server that shows plain text, and waits
    /// until it owns the name.
    pub fn start(dir: &Path) -> Recorder {
        Recorder::start_with_capabilities(dir, &["body", "persistence"])
    }

    /// Starts the recorder answering GetCapabilities with `capabilities`
    /// (such as `body-markup`) and waits until it owns the name.
    pub fn start_with_capabilities(dir: &Path, capabilities: &[&str]) -> Recorder {
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/notification_recorder.py");
        let output = dir.join("notifications.jsonl");
        let mut child = Command::new(PYTHON)
            .arg(&script)
            .arg(&output)
            .arg(capabilities.join(","))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {PYTHON} {}: {e}", script.display()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut recorder = Recorder { child, output };
        match rx.recv_timeout(WAIT) {
            Ok(line) if line.trim() == "READY" => recorder,
            other => {
                let status = recorder.child.try_wait();
                panic!(
                    "the notification recorder did not get ready: {other:?}, exit {status:?} \
                     (needs python3-dbus and python3-gi)"
                );
            }
        }
    }

    /// Every notification received so far, as JSON.
    pub fn received(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.output)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// How many notifications arrived so far.
    pub fn count(&self) -> usize {
        self.received().len()
    }

    /// Waits for the `n`th notification (1-based) and returns it.
    pub fn wait_for(&mut self, n: usize) -> serde_json::Value {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(got) = self.received().into_iter().nth(n - 1) {
                return got;
            }
            self.check_alive();
            assert!(
                Instant::now() < deadline,
                "notification {n} did not arrive within {WAIT:?}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits up to `timeout` for a notification that matches and returns it.
    pub fn wait_for_matching(
        &mut self,
        matches: impl Fn(&serde_json::Value) -> bool,
        timeout: Duration,
    ) -> serde_json::Value {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(got) = self.received().into_iter().find(|n| matches(n)) {
                return got;
            }
            self.check_alive();
            assert!(
                Instant::now() < deadline,
                "no matching notification within {timeout:?}; received: {:?}",
                self.received()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn check_alive(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("the notification recorder exited early: {status}");
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An Xvfb server on a free display number, stopped on drop.
pub struct VirtualDisplay {
    child: Child,
    name: String,
}

impl VirtualDisplay {
    /// Starts Xvfb and waits until it reports its display number.
    pub fn start() -> VirtualDisplay {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1024x768x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Xvfb ({e}); install the `xvfb` package"));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let number = rx.recv_timeout(WAIT).unwrap_or_default();
        let number = number.trim();
        assert!(!number.is_empty(), "Xvfb did not report a display number");
        VirtualDisplay {
            child,
            name: format!(":{number}"),
        }
    }

    /// The DISPLAY value, such as ":1".
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
