//! A clinic's plan opened in the app: plan files written by the engine
//! (`PlanFile::to_toml`, what `aftercare share` writes) and links, through
//! `handover_preview` and `handover_apply` on Tauri's mock runtime exactly
//! as the page calls them, on a real SQLite store in a fresh folder, with a
//! fixed clock. Hostile files and links are refused with their exact error
//! and leave the store's files byte for byte as they were.

mod support;

use std::sync::atomic::Ordering;

use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
use serde_json::{Value, json};
use smp_aftercare_lib::commands::handover::HandoverSource;
use smp_aftercare_lib::store::Store;
use support::mock_app::{Harness, Setup, fresh_dir, store_bytes};

/// A running mock app on a real store in a fresh folder, counting "plan
/// changed"; the "Open" dialog picks `picked.smpplan` there, and a link
/// waits as if the app had been opened with it.
fn harness(name: &str) -> Harness {
    let dir = fresh_dir("smp-handover", name);
    let store = Store::open(&dir).unwrap().store;
    let setup = Setup {
        picked_plan: Some(dir.join("picked.smpplan")),
        pending: Some(Some(HandoverSource::Link {
            link: "smp-aftercare://plan?v=1".into(),
        })),
        ..Setup::desktop()
    };
    Harness::start(store, None, dir, "2026-03-04T10:00:00Z", setup)
}

/// What the tests here ask of the app beyond one command.
trait HandoverHarness {
    /// Writes `bytes` as a file named `name` in the test's folder and
    /// returns the source naming it.
    fn file(&self, name: &str, bytes: &[u8]) -> Value;
    /// Everything the client sees of the plan: a change shows here.
    fn seen(&self) -> Value;
}

impl HandoverHarness for Harness {
    fn file(&self, name: &str, bytes: &[u8]) -> Value {
        let path = self.dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        json!({ "kind": "file", "path": path.to_string_lossy() })
    }

    fn seen(&self) -> Value {
        json!({
            "sessions": self.ok("sessions", json!({})),
            "settings": self.ok("settings", json!({})),
            "protocols": self.ok("protocols", json!({})),
            "upcoming": self.ok("reminders_upcoming", json!({ "limit": 50 })),
        })
    }
}

fn clinic() -> ClinicDetails {
    ClinicDetails {
        name: "Northside SMP Studio".into(),
        phone: "+44 20 7946 0000".into(),
        email: "care@northside-smp.example".into(),
        address: "1 High Street, Leeds".into(),
    }
}

/// The clinic's plan: Four dry days, the client's session of 2 March kept
/// and a second one on 20 March, three planned.
fn northside() -> PlanFile {
    PlanFile {
        protocol: HandoverProtocol::builtin("four-day-dry").unwrap(),
        sessions: vec![
            parse_date("2026-03-02").unwrap(),
            parse_date("2026-03-20").unwrap(),
        ],
        planned: Some(3),
        zone: Some(chrono_tz::Europe::Madrid),
        clinic: clinic(),
    }
}

const OWN_PROTOCOL: &str = "format = 1\nid = \"northside\"\nname = \"Northside's own plan\"\n\
    summary = \"Three sessions.\"\n[sessions]\nusual = 3\nmin = 2\nmax = 4\n\
    [[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\n\
    to_day = 3\nnote = \"keep it dry\"\n";

#[test]
fn a_plan_file_is_previewed_then_applied_with_its_reminders_and_twice_changes_nothing() {
    let h = harness("file");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let source = h.file("northside.smpplan", northside().to_toml().as_bytes());
    let before = h.seen();
    let bytes = store_bytes(&h.dir);

    let p = h.ok("handover_preview", json!({ "source": source }));
    let fingerprint = p["fingerprint"].clone();
    assert_eq!(fingerprint.as_str().unwrap().len(), 64);
    let mut shown = p.clone();
    shown["fingerprint"] = json!("…");
    assert_eq!(
        shown,
        json!({
            "source_name": "northside.smpplan",
            "protocol_now": { "id": "four-to-thirty", "name": "30-day step-by-step plan", "builtin": true },
            "protocol_proposed": { "id": "four-day-dry", "name": p["protocol_proposed"]["name"], "builtin": true },
            "protocol_changes": true,
            "sessions": [
                { "change": "kept", "date": "2026-03-02" },
                { "change": "added", "date": "2026-03-20" },
            ],
            "planned_now": 3,
            "planned_proposed": 3,
            "planned_changes": false,
            "clinic_now": { "name": "", "phone": "", "email": "", "address": "" },
            "clinic_proposed": {
                "name": "Northside SMP Studio",
                "phone": "+44 20 7946 0000",
                "email": "care@northside-smp.example",
                "address": "1 High Street, Leeds",
            },
            "clinic_changes": true,
            "nothing_changes": false,
            "fingerprint": "…",
            "zone": "Europe/Madrid",
        })
    );
    // Asking changed nothing.
    assert_eq!(store_bytes(&h.dir), bytes);
    assert_eq!(h.seen(), before);
    assert_eq!(h.changes.load(Ordering::SeqCst), 1);

    let o = h.ok(
        "handover_apply",
        json!({ "source": source, "fingerprint": fingerprint }),
    );
    assert_eq!(o["plan"]["protocol_id"], "four-day-dry");
    assert_eq!(o["plan"]["sessions"], json!(["2026-03-02", "2026-03-20"]));
    assert_eq!(h.changes.load(Ordering::SeqCst), 2, "the scheduler is told");
    let settings = h.ok("settings", json!({}));
    assert_eq!(settings["clinic"], p["clinic_proposed"]);
    // The app keeps its own zone.
    assert_eq!(settings["zone"], json!({ "mode": "device" }));
    let sessions = h.ok("sessions", json!({}));
    assert_eq!(sessions["planned"], 3);
    // Reminders of the new plan: before the session of 20 March.
    let upcoming = h.ok("reminders_upcoming", json!({ "limit": 50 }));
    assert!(
        upcoming
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["at"].as_str().unwrap().starts_with("2026-03-19")),
        "{upcoming}"
    );
    assert_ne!(upcoming, before["upcoming"]);

    // The same plan again: nothing changes, nothing is written.
    let again = h.ok("handover_preview", json!({ "source": source }));
    assert_eq!(again["nothing_changes"], true);
    assert_eq!(again["fingerprint"], fingerprint);
    let bytes = store_bytes(&h.dir);
    let seen = h.seen();
    h.ok(
        "handover_apply",
        json!({ "source": source, "fingerprint": fingerprint }),
    );
    assert_eq!(store_bytes(&h.dir), bytes);
    assert_eq!(h.seen(), seen);
    assert_eq!(h.changes.load(Ordering::SeqCst), 2);
}

#[test]
fn a_link_with_the_clinics_own_protocol_is_kept_like_an_import() {
    let h = harness("link");
    let plan = PlanFile {
        protocol: HandoverProtocol::inline("northside.toml", OWN_PROTOCOL).unwrap(),
        zone: None,
        ..northside()
    };
    let source = json!({ "kind": "link", "link": format!("  {}\n", plan.to_link().unwrap()) });
    let p = h.ok("handover_preview", json!({ "source": source }));
    assert_eq!(
        p["protocol_proposed"],
        json!({ "id": "northside", "name": "Northside's own plan", "builtin": false })
    );
    assert_eq!(
        p["sessions"],
        json!([{ "change": "added", "date": "2026-03-02" }, { "change": "added", "date": "2026-03-20" }])
    );
    assert_eq!(p["zone"], Value::Null);
    h.ok(
        "handover_apply",
        json!({ "source": source, "fingerprint": p["fingerprint"] }),
    );
    let protocols = h.ok("protocols", json!({}));
    let own = &protocols[0];
    assert_eq!(own["id"], "northside");
    assert_eq!(own["imported"], true);
    assert_eq!(own["selected"], true);
    assert_eq!(own["source_name"], "link");
    // The same as importing the file by hand: one kept copy, followed.
    h.ok(
        "protocol_import",
        json!({ "sourceName": "northside.toml", "text": HandoverProtocol::inline("n.toml", OWN_PROTOCOL).map(|p| match p {
            HandoverProtocol::Inline { toml, .. } => toml,
            HandoverProtocol::Builtin(_) => unreachable!(),
        }).unwrap() }),
    );
    let protocols = h.ok("protocols", json!({}));
    assert_eq!(
        protocols
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["imported"] == true)
            .count(),
        1
    );
}

#[test]
fn a_plan_that_changed_since_the_preview_is_refused() {
    let h = harness("fingerprint");
    let source = h.file("plan.smpplan", northside().to_toml().as_bytes());
    let p = h.ok("handover_preview", json!({ "source": source }));
    let moved = PlanFile {
        sessions: vec![parse_date("2026-03-03").unwrap()],
        ..northside()
    };
    h.file("plan.smpplan", moved.to_toml().as_bytes());
    let bytes = store_bytes(&h.dir);
    assert_eq!(
        h.err(
            "handover_apply",
            json!({ "source": source, "fingerprint": p["fingerprint"] })
        ),
        json!({ "kind": "invalid", "field": "file", "problem": { "problem": "plan_changed" }, "message": "the plan changed since you saw it; open it again" })
    );
    assert_eq!(store_bytes(&h.dir), bytes);
    assert_eq!(h.changes.load(Ordering::SeqCst), 0);
}

#[test]
fn hostile_files_and_links_are_refused_by_name_and_change_nothing() {
    let h = harness("hostile");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let good = northside().to_toml();
    let newer = good.replacen("smpplan = 1", "smpplan = 2", 1);
    assert_ne!(newer, good);
    let truncated = &good[..good.len() / 2];
    let html = PlanFile {
        clinic: ClinicDetails {
            name: "<script>alert(1)</script><b>Clinic</b>".into(),
            ..clinic()
        },
        ..northside()
    };
    let unknown = good.replace("four-day-dry", "no-such-protocol");
    let link = northside().to_link().unwrap();
    let tampered = link.replace("2026-03-20", "2026-03-21");
    assert_ne!(tampered, link);
    let big = h.dir.join("big.smpplan");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(10 * 1024 * 1024)
        .unwrap();
    // Each with what the client is told (the problem the UI words) and the
    // engine's English (logs, and the detail for the clinic).
    let unknown_message = "unknown.smpplan: line 5, field \"protocol\": unknown protocol \"no-such-protocol\" (built-in protocols: four-to-thirty, four-day-dry, light-exercise-day-five, two-week-rest)";
    let cut_message = "cut.smpplan: line 6: unclosed array, expected `]`";
    let tampered_message =
        "plan link: the link is damaged or was changed: ask your clinic for a new one";
    let handover = |from: &str, fault: &str, detail: Option<&str>| json!({ "problem": "handover", "from": from, "fault": fault, "detail": detail });
    let cases: Vec<(Value, &str, Value, String)> = vec![
        (
            h.file("newer.smpplan", newer.as_bytes()),
            "file",
            handover("file", "newer", None),
            "newer.smpplan: line 4, field \"smpplan\": written by a newer version of SMP Aftercare (format 2); update the app".into(),
        ),
        (
            h.file("cut.smpplan", truncated.as_bytes()),
            "file",
            handover("file", "damaged", Some(cut_message)),
            cut_message.into(),
        ),
        (
            h.file("unknown.smpplan", unknown.as_bytes()),
            "file",
            handover("file", "nonsense", Some(unknown_message)),
            unknown_message.into(),
        ),
        (
            json!({ "kind": "file", "path": big.to_string_lossy() }),
            "file",
            handover("file", "too_large", None),
            "\"big.smpplan\" is too large for a plan file: at most 64 KiB".into(),
        ),
        (
            json!({ "kind": "file", "path": h.dir.join("gone.smpplan").to_string_lossy() }),
            "file",
            json!({ "problem": "file_unreadable", "name": "gone.smpplan", "reason": "entity not found" }),
            "\"gone.smpplan\" cannot be opened (entity not found)".into(),
        ),
        (
            json!({ "kind": "link", "link": tampered }),
            "link",
            handover("link", "damaged", Some(tampered_message)),
            tampered_message.into(),
        ),
        (
            json!({ "kind": "link", "link": "x".repeat(3000) }),
            "link",
            handover("link", "too_long", None),
            "the link is too long: at most 2000 bytes".into(),
        ),
    ];
    let bytes = store_bytes(&h.dir);
    let seen = h.seen();
    for (source, field, problem, message) in &cases {
        for cmd in ["handover_preview", "handover_apply"] {
            let e = h
                .call(cmd, json!({ "source": source, "fingerprint": "0" }))
                .err()
                .unwrap_or_else(|| panic!("{cmd} {source} should fail"));
            assert_eq!(e["kind"], "invalid", "{cmd} {source}: {e}");
            assert_eq!(e["field"], *field, "{cmd} {source}: {e}");
            assert_eq!(e["problem"], *problem, "{cmd} {source}");
            assert_eq!(e["message"], *message, "{cmd} {source}");
            // Never a whole path in what the client reads.
            assert!(
                !e["message"]
                    .as_str()
                    .unwrap()
                    .contains(&*h.dir.to_string_lossy()),
                "{e}"
            );
        }
    }
    assert_eq!(store_bytes(&h.dir), bytes);
    assert_eq!(h.seen(), seen);
    assert_eq!(h.changes.load(Ordering::SeqCst), 1);

    // HTML in the clinic's name is the clinic's name, letter for letter.
    let source = h.file("html.smpplan", html.to_toml().as_bytes());
    let p = h.ok("handover_preview", json!({ "source": source }));
    assert_eq!(
        p["clinic_proposed"]["name"],
        "<script>alert(1)</script><b>Clinic</b>"
    );
}

#[test]
fn the_plan_opened_with_the_app_is_taken_once_and_the_dialog_names_a_file() {
    let h = harness("pending");
    // Today's answer says a plan waits, without taking it.
    assert_eq!(h.ok("today_screen", json!({}))["plan_waiting"], true);
    assert_eq!(h.ok("today_screen", json!({}))["plan_waiting"], true);
    assert_eq!(
        h.ok("handover_pending", json!({})),
        json!({ "kind": "link", "link": "smp-aftercare://plan?v=1" })
    );
    assert_eq!(h.ok("handover_pending", json!({})), Value::Null);
    assert_eq!(h.ok("today_screen", json!({}))["plan_waiting"], false);
    assert_eq!(
        h.ok("handover_pick", json!({})),
        json!({ "kind": "file", "path": h.dir.join("picked.smpplan").to_string_lossy() })
    );
}
