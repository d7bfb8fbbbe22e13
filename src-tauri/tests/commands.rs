//! The IPC commands, called through Tauri's mock runtime exactly as the web
//! page calls them (JSON in, JSON out), on a real SQLite store in a fresh
//! folder and with a fixed clock (the harness is `support::mock_app`).

mod support;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde_json::{Value, json};
use smp_aftercare_lib::model::NotificationPermission;
use smp_aftercare_lib::state::AppState;
use smp_aftercare_lib::store::Store;
use support::mock_app::{FakePermission, Harness, Setup, store_bytes};

/// The entry of a JSON list (`activities`, `items`) about `activity`.
fn about<'a>(list: &'a Value, activity: &str) -> &'a Value {
    list.as_array()
        .expect("a JSON list")
        .iter()
        .find(|e| e["activity"] == activity)
        .unwrap_or_else(|| panic!("no entry about {activity} in {list}"))
}

fn fresh_dir(name: &str) -> PathBuf {
    support::mock_app::fresh_dir("smp-commands", name)
}

fn harness(name: &str, now: &str) -> Harness {
    let dir = fresh_dir(name);
    harness_in(dir, now)
}

fn harness_in(dir: PathBuf, now: &str) -> Harness {
    // Desktops never need to ask.
    harness_with(dir, now, FakePermission::granted())
}

fn harness_with(dir: PathBuf, now: &str, permission: Arc<FakePermission>) -> Harness {
    let opened = Store::open(&dir).unwrap();
    harness_on(opened.store, opened.recovered, dir, now, permission)
}

fn harness_on(
    store: Store,
    recovered: Option<smp_aftercare_lib::store::Recovered>,
    dir: PathBuf,
    now: &str,
    permission: Arc<FakePermission>,
) -> Harness {
    let setup = Setup {
        permission,
        log_path: Some(dir.join("smp-aftercare.log")),
        ..Setup::desktop()
    };
    Harness::start(store, recovered, dir, now, setup)
}

#[test]
fn today_screen_answers_the_first_screen_in_one_call() {
    let h = harness("today-screen", "2026-03-04T10:00:00Z");
    // Before a first session: the first run's protocols and settings.
    let first = h.ok("today_screen", json!({}));
    assert_eq!(first["overview"]["status"], Value::Null);
    assert_eq!(first["language"]["lang"], "en");
    assert_eq!(first["care"], Value::Null);
    assert_eq!(first["missed"], json!([]));
    assert_eq!(first["plan_waiting"], false);
    let builtins = first["protocols"].as_array().unwrap();
    assert_eq!(builtins.len(), aftercare::Protocol::builtins().len());
    assert_eq!(first["settings"], h.ok("settings", json!({})));

    // With a plan (day 6: 003's moisturiser is ticked): the same overview,
    // missed list and ticks as the single commands give, and no protocol
    // list.
    h.ok("session_add", json!({ "date": "2026-02-27" }));
    h.ok("care_tick", json!({ "care": "moisturise" }));
    let today = h.ok("today_screen", json!({}));
    assert_eq!(today["overview"], h.ok("overview", json!({})));
    assert_eq!(today["missed"], h.ok("reminders_missed", json!({})));
    assert_eq!(
        today["care"],
        h.ok(
            "care_ticks",
            json!({ "from": "2026-03-04", "to": "2026-03-04" })
        )[0]
    );
    assert_eq!(today["care"]["items"][0]["count"], 1);
    assert_eq!(today["protocols"], json!([]));
    assert_eq!(today["language"], h.ok("language", json!({})));
}

#[test]
fn first_run_has_no_status_then_a_session_gives_today() {
    let h = harness("first-run", "2026-03-04T10:00:00Z");
    let o = h.ok("overview", json!({}));
    assert_eq!(o["status"], Value::Null);
    assert_eq!(o["today"], "2026-03-04");
    assert_eq!(o["notices"]["reminders_enabled"], true);

    let view = h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(view["sessions"][0]["date"], "2026-03-02");
    assert_eq!(view["planned_effective"], 3);
    assert_eq!(h.changes.load(Ordering::SeqCst), 1, "the scheduler is told");

    let o = h.ok("overview", json!({}));
    assert_eq!(o["status"]["day"], 3);
    assert_eq!(o["status"]["session"], 1);
    assert_eq!(o["plan"]["protocol_id"], "four-to-thirty");
    let shave = about(&o["status"]["activities"], "shave");
    assert_eq!(shave["status"], "avoid");
    assert_eq!(shave["allowed_from"], "2026-03-07");
    assert_eq!(shave["allowed_in_days"], 3);
}

#[test]
fn impossible_and_duplicate_dates_are_refused_beside_the_field() {
    let h = harness("bad-dates", "2026-03-04T10:00:00Z");
    assert_eq!(
        h.err("session_add", json!({ "date": "2026-02-30" })),
        json!({
            "kind": "invalid",
            "field": "date",
            "problem": { "problem": "not_a_date", "text": "2026-02-30" },
            "message": "invalid date \"2026-02-30\": there is no such day in the calendar (expected YYYY-MM-DD)"
        })
    );
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(
        h.err("session_add", json!({ "date": "2026-03-02" })),
        json!({
            "kind": "date",
            "field": "date",
            "problem": { "problem": "booked", "date": "2026-03-02" },
            "message": "a session on 2026-03-02 is already booked"
        })
    );
    // Nothing was written by the refused calls.
    assert_eq!(
        h.ok("sessions", json!({}))["sessions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(h.changes.load(Ordering::SeqCst), 1);
}

#[test]
fn edit_and_delete_sessions() {
    let h = harness("edit", "2026-03-20T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let view = h.ok("session_add", json!({ "date": "2026-03-12" }));
    let second = view["sessions"][1]["id"].as_i64().unwrap();
    let view = h.ok(
        "session_edit",
        json!({ "id": second, "date": "2026-03-13" }),
    );
    assert_eq!(view["sessions"][1]["date"], "2026-03-13");
    assert_eq!(
        h.err(
            "session_edit",
            json!({ "id": second, "date": "2026-03-02" })
        )["problem"],
        json!({ "problem": "booked", "date": "2026-03-02" })
    );
    assert_eq!(
        h.err("session_delete", json!({ "id": 999 }))["kind"],
        "not_found"
    );
    let view = h.ok("session_delete", json!({ "id": second }));
    assert_eq!(view["sessions"].as_array().unwrap().len(), 1);
}

/// `session_check`'s notes for `text` (day-month-year): their messages.
fn check_notes(h: &Harness, id: Value, text: &str) -> Vec<(String, String)> {
    let r = h.ok(
        "session_check",
        json!({ "id": id, "text": text, "order": "dmy" }),
    );
    r["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["code"].as_str().unwrap().to_string(),
                n["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_proposed_date_is_checked_against_its_neighbours_without_being_stored() {
    let h = harness("check", "2026-03-20T10:00:00Z");
    let before = store_bytes(&h.dir);
    // The first session: nothing to compare with, and the date as read.
    let r = h.ok(
        "session_check",
        json!({ "id": null, "text": " 2/3/2026 ", "order": "dmy" }),
    );
    assert_eq!(r, json!({ "date": "2026-03-02", "notes": [] }));
    let r = h.ok(
        "session_check",
        json!({ "id": null, "text": "3/2/2026", "order": "mdy" }),
    );
    assert_eq!(r["date"], "2026-03-02");
    assert_eq!(store_bytes(&h.dir), before, "a check stores nothing");
    assert_eq!(h.changes.load(Ordering::SeqCst), 0);

    let view = h.ok("session_add", json!({ "date": "2026-03-02" }));
    let first = view["sessions"][0]["id"].as_i64().unwrap();
    let note = |code: &str, message: &str| (code.to_string(), message.to_string());
    assert_eq!(
        check_notes(&h, Value::Null, "10/03/2026"),
        [note(
            "gap_short",
            "This is 8 days after session 1; your clinic usually leaves 10-21 days."
        )]
    );
    assert_eq!(check_notes(&h, Value::Null, "16/03/2026"), []);
    assert_eq!(
        check_notes(&h, Value::Null, "16/03/2027"),
        [note(
            "far_apart",
            "This is more than 6 months after session 1. Check the date, and the year, before you save it."
        )]
    );
    assert_eq!(
        check_notes(&h, Value::Null, "20/02/2026"),
        [note(
            "renumbered",
            "This is before session 1: it becomes session 1 and your other sessions move up one number."
        )]
    );
    // Moving the one session: no neighbour, no note.
    assert_eq!(check_notes(&h, json!(first), "20/02/2026"), []);
    assert_eq!(
        h.err(
            "session_check",
            json!({ "id": 999, "text": "20/02/2026", "order": "dmy" })
        ),
        json!({ "kind": "not_found", "message": "no session with id 999" })
    );
    // Still one session, as booked.
    assert_eq!(h.ok("sessions", json!({}))["sessions"], view["sessions"]);
    assert_eq!(h.changes.load(Ordering::SeqCst), 1);
}

/// The browser tests' fake backend (ui/tests/browser/fake-backend.ts,
/// `NOTES`) answers `session_check` for these dates with these very notes.
#[test]
fn the_fakes_date_notes_are_the_engines() {
    let h = harness("fake-notes", "2025-03-20T10:00:00Z");
    h.ok("session_add", json!({ "date": "2025-03-06" }));
    h.ok("session_add", json!({ "date": "2025-03-17" }));
    let note = |code: &str, message: &str| vec![(code.to_string(), message.to_string())];
    assert_eq!(
        check_notes(&h, Value::Null, "2025-03-25"),
        note(
            "gap_short",
            "This is 8 days after session 2; your clinic usually leaves 10-21 days."
        )
    );
    assert_eq!(
        check_notes(&h, Value::Null, "2026-04-07"),
        note(
            "far_apart",
            "This is more than 6 months after session 2. Check the date, and the year, before you save it."
        )
    );
    assert_eq!(
        check_notes(&h, Value::Null, "2025-02-24"),
        note(
            "renumbered",
            "This is before session 1: it becomes session 1 and your other sessions move up one number."
        )
    );
    assert_eq!(check_notes(&h, Value::Null, "2025-04-07"), []);
}

#[test]
fn a_typed_date_that_is_not_one_is_refused_with_what_is_wrong() {
    let h = harness("check-bad", "2026-03-20T10:00:00Z");
    let problem = |text: &str| {
        let e = h.err(
            "session_check",
            json!({ "id": null, "text": text, "order": "dmy" }),
        );
        assert_eq!(e["kind"], "date", "{text}: {e}");
        assert_eq!(e["field"], "date", "{text}: {e}");
        e["problem"].clone()
    };
    assert_eq!(
        problem("31/02/2026"),
        json!({ "problem": "no_such_day", "day": 31, "month": 2, "year": 2026 })
    );
    assert_eq!(
        problem("1/1/26"),
        json!({ "problem": "short_year", "text": "1/1/26" })
    );
    assert_eq!(
        problem("1/13/2026"),
        json!({ "problem": "no_such_month", "month": 13 })
    );
    assert_eq!(
        problem("1/1/2300"),
        json!({ "problem": "out_of_range", "year": 2300 })
    );
    assert_eq!(
        problem("next tuesday"),
        json!({ "problem": "not_a_date", "text": "next tuesday" })
    );
    assert_eq!(problem(""), json!({ "problem": "empty" }));
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(
        problem("02.03.2026"),
        json!({ "problem": "booked", "date": "2026-03-02" })
    );
    assert_eq!(
        h.err(
            "session_check",
            json!({ "id": null, "text": "x".repeat(65), "order": "dmy" })
        )["field"],
        "date"
    );
}

#[test]
fn planned_count_is_checked_against_the_sessions() {
    let h = harness("planned", "2026-03-20T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    h.ok("session_add", json!({ "date": "2026-03-12" }));
    assert_eq!(
        h.err("planned_set", json!({ "planned": 1 })),
        json!({ "kind": "invalid", "field": "planned", "problem": { "problem": "planned_too_few", "planned": 1, "sessions": 2 }, "message": "2 sessions are given but only 1 is planned" })
    );
    let view = h.ok("planned_set", json!({ "planned": 2 }));
    assert_eq!(view["planned"], 2);
    // Both planned sessions are booked: the second is the final one.
    assert_eq!(
        h.ok("overview", json!({}))["plan"]["final_session"],
        "2026-03-12"
    );
}

#[test]
fn protocols_select_and_import() {
    let h = harness("protocols", "2026-03-04T10:00:00Z");
    let list = h.ok("protocols", json!({}));
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert_eq!(list[0]["selected"], true);

    h.ok("protocol_select", json!({ "id": "four-day-dry" }));
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "four-day-dry");
    assert_eq!(
        h.err("protocol_select", json!({ "id": "nope" }))["field"],
        "protocol"
    );

    // A clinic's file with an unknown activity on line 10: refused with line and field.
    let broken = "format = 1\nid = \"c\"\nname = \"C\"\nsummary = \"S\"\n[sessions]\nusual = 2\nmin = 1\nmax = 3\n\
                  [[rule]]\nactivity = \"swimm\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n";
    let e = h.err(
        "protocol_import",
        json!({ "sourceName": "clinic.toml", "text": broken }),
    );
    assert_eq!(e["kind"], "protocol");
    assert_eq!(e["line"], 10);
    assert_eq!(e["field"], "activity");
    assert!(
        e["detail"]
            .as_str()
            .unwrap()
            .starts_with("unknown activity \"swimm\""),
        "{e}"
    );
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .starts_with("clinic.toml: line 10, field \"activity\": unknown activity \"swimm\"")
    );
    assert_eq!(
        h.ok("protocol_current", json!({}))["id"],
        "four-day-dry",
        "a refused import changes nothing"
    );

    let good = broken.replace("swimm", "swim");
    h.ok(
        "protocol_import",
        json!({ "sourceName": "clinic.toml", "text": good }),
    );
    let list = h.ok("protocols", json!({}));
    assert_eq!(list[0]["id"], "c");
    assert_eq!(list[0]["imported"], true);
    assert_eq!(list[0]["selected"], true);
}

/// A small clinic protocol with id `id`: washing avoided for `dry` days.
fn clinic_toml(id: &str, dry: u32) -> String {
    format!(
        "format = 1\nid = \"{id}\"\nname = \"Clinic {id}\"\nsummary = \"S\"\n[sessions]\nusual = 2\nmin = 1\nmax = 3\n\
         [[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nfrom_day = 1\nto_day = {dry}\nnote = \"n\"\n\
         [[rule]]\nactivity = \"wash\"\nstatus = \"ok\"\nscope = \"after_each\"\nfrom_day = {}\nnote = \"n\"\n",
        dry + 1
    )
}

/// (id, imported_id, selected) of every protocol listed.
fn listed(h: &Harness) -> Vec<(String, Value, bool)> {
    h.ok("protocols", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["imported_id"].clone(),
                p["selected"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn imported_plans_are_kept_when_switching_and_can_be_followed_again() {
    let h = harness("keep-imported", "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    h.ok(
        "protocol_import",
        json!({ "sourceName": "a.toml", "text": clinic_toml("clinic-a", 4) }),
    );
    h.ok(
        "protocol_import",
        json!({ "sourceName": "b.toml", "text": clinic_toml("clinic-b", 6) }),
    );
    let list = listed(&h);
    assert_eq!(list.len(), 6, "{list:?}");
    let (a, b) = (list[0].1.clone(), list[1].1.clone());
    assert_eq!(list[0], ("clinic-a".into(), a.clone(), false));
    assert_eq!(list[1], ("clinic-b".into(), b.clone(), true));
    assert_eq!(list[2], ("four-to-thirty".into(), Value::Null, false));

    // Choosing a built-in plan keeps both files in the list.
    h.ok("protocol_select", json!({ "id": "two-week-rest" }));
    let list = listed(&h);
    assert_eq!(list.len(), 6);
    assert_eq!(list[0], ("clinic-a".into(), a.clone(), false));
    assert_eq!(list[1], ("clinic-b".into(), b.clone(), false));
    assert!(list.contains(&("two-week-rest".into(), Value::Null, true)));

    // Back to the first file, by its id: today's answer follows it.
    let p = h.ok("protocol_select_imported", json!({ "importedId": a }));
    assert_eq!(p["id"], "clinic-a");
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "clinic-a");
    assert_eq!(listed(&h)[0], ("clinic-a".into(), a, true));
    let day3 = h.ok("status_on", json!({ "date": "2026-03-04" }));
    assert_eq!(
        about(&day3["activities"], "wash")["allowed_from"],
        "2026-03-06"
    );

    // The same file imported again is not listed twice.
    h.ok(
        "protocol_import",
        json!({ "sourceName": "b again.toml", "text": clinic_toml("clinic-b", 6) }),
    );
    assert_eq!(listed(&h).len(), 6);

    // An id that is not kept changes nothing.
    let e = h.err("protocol_select_imported", json!({ "importedId": 999 }));
    assert_eq!(e["kind"], "not_found");
    assert_eq!(e["message"], "no imported protocol with id 999");
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "clinic-b");
}

#[test]
fn the_list_gives_each_plan_its_key_days() {
    let h = harness("key-days", "2026-03-04T10:00:00Z");
    let list = h.ok("protocols", json!({}));
    let texts: Vec<&str> = list[0]["key_days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Wash from day 6",
            "Shave from day 6",
            "Sweat from day 10",
            "Swim from day 31"
        ]
    );
    assert_eq!(
        list[0]["key_days"][0]["after_final"],
        json!({ "kind": "from", "day": 6 })
    );
}

#[test]
fn a_pdf_is_named_in_one_sentence_and_nothing_is_kept() {
    let h = harness("pdf", "2026-03-04T10:00:00Z");
    // As the page reads a PDF: text, with the bytes that are not UTF-8 replaced.
    let e = h.err(
        "protocol_import",
        json!({ "sourceName": "leaflet.pdf", "text": "%PDF-1.7\n%\u{fffd}\u{fffd}\n1 0 obj\n" }),
    );
    assert_eq!(
        e,
        json!({
            "kind": "invalid",
            "field": "file",
            "problem": { "problem": "not_a_protocol", "file": "pdf" },
            "message": "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."
        })
    );
    assert_eq!(listed(&h).len(), 4, "nothing kept");
}

#[test]
fn a_file_is_checked_without_being_kept_or_followed() {
    let h = harness("check", "2026-03-04T10:00:00Z");
    let p = h.ok(
        "protocol_check",
        json!({ "sourceName": "a.toml", "text": clinic_toml("clinic-a", 4) }),
    );
    assert_eq!(p["name"], "Clinic clinic-a");
    assert_eq!(p["imported"], true);
    assert_eq!(p["source_name"], "a.toml");
    assert_eq!(p["key_days"][0]["text"], "Wash from day 5");
    assert_eq!(listed(&h).len(), 4, "nothing kept");
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "four-to-thirty");
    // The first bytes of a picture are enough to name it.
    let e = h.err(
        "protocol_check",
        json!({ "sourceName": "photo.png", "text": "\u{fffd}PNG\r\n\u{1a}\n" }),
    );
    assert_eq!(e["field"], "file");
    assert_eq!(
        e["message"],
        "This is a picture (PNG), not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above."
    );
}

#[test]
fn the_language_follows_the_device_until_one_is_chosen() {
    let h = harness("language", "2026-03-04T10:00:00Z");
    // The test clock's device speaks English.
    assert_eq!(
        h.ok("language", json!({})),
        json!({ "lang": "en", "device": "en" })
    );
    let mut s = h.ok("settings", json!({}));
    assert_eq!(s["language"], "device");
    s["language"] = json!("fr");
    let e = h.err("settings_set", json!({ "settings": s.clone() }));
    assert_eq!(e["field"], "language");
    assert_eq!(
        e["message"],
        "\"fr\" is not a language the app speaks: choose device, en or es"
    );
    assert_eq!(h.ok("settings", json!({}))["language"], "device");
    s["language"] = json!("es");
    h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(
        h.ok("language", json!({})),
        json!({ "lang": "es", "device": "en" })
    );
    assert_eq!(h.ok("settings", json!({}))["language"], "es");
    // Everything with words follows: the plan's news, the picker's names,
    // the Protocol screen's notes and the words of "Can I...?".
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let overview = h.ok("overview", json!({}));
    assert_eq!(
        overview["plan"]["protocol_name"],
        "Plan de 30 días, paso a paso"
    );
    let picker = h.ok("protocols", json!({}));
    let default = picker
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "four-to-thirty")
        .unwrap();
    assert_eq!(default["name"], "Plan de 30 días, paso a paso");
    let current = h.ok("protocol_current", json!({}));
    assert_eq!(current["name"], "Plan de 30 días, paso a paso");
    let words = h.ok("activities", json!({}));
    let labels: Vec<&str> = words["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["label"].as_str())
        .collect();
    assert!(labels.contains(&"Champú"), "{labels:?}");
}

#[test]
fn settings_are_validated_and_saved() {
    let h = harness("settings", "2026-03-04T10:00:00Z");
    let mut s = h.ok("settings", json!({}));
    assert_eq!(s["reminder_time"], "09:00");
    s["reminder_time"] = json!("25:00");
    assert_eq!(
        h.err("settings_set", json!({ "settings": s }))["field"],
        "reminder_time"
    );
    s["reminder_time"] = json!("07:30");
    s["launch_at_login"] = json!(true);
    s["clinic"]["email"] = json!(" hello@clinic.example ");
    let saved = h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(saved["clinic"]["email"], "hello@clinic.example");
    assert_eq!(*h.autostart.lock().unwrap(), vec![true]);
    assert_eq!(h.ok("settings", json!({}))["reminder_time"], "07:30");
}

#[test]
fn reminders_and_calendar() {
    let h = harness("reminders", "2026-03-04T10:00:00Z");
    assert_eq!(h.ok("reminders_upcoming", json!({ "limit": 5 })), json!([]));
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let upcoming = h.ok("reminders_upcoming", json!({ "limit": 3 }));
    assert_eq!(upcoming.as_array().unwrap().len(), 3);
    assert_eq!(upcoming[0]["at"], "2026-03-06T09:00:00Z");
    assert_eq!(h.ok("reminders_missed", json!({})), json!([]));

    let ics = h.ok("calendar_ics", json!({}));
    assert!(ics.as_str().unwrap().starts_with("BEGIN:VCALENDAR"));
    let path = h.ok("calendar_export", json!({}));
    let written = std::fs::read_to_string(path.as_str().unwrap()).unwrap();
    assert!(written.contains("SUMMARY:SMP session 1 of 3"));
    assert_eq!(
        PathBuf::from(path.as_str().unwrap()),
        h.dir.join("export.ics")
    );
}

#[test]
fn data_is_kept_across_a_restart() {
    let dir = fresh_dir("restart");
    {
        let h = harness_in(dir.clone(), "2026-03-04T10:00:00Z");
        h.ok("session_add", json!({ "date": "2026-03-02" }));
        h.ok("protocol_select", json!({ "id": "two-week-rest" }));
    }
    let h = harness_in(dir, "2026-03-05T10:00:00Z");
    let o = h.ok("overview", json!({}));
    assert_eq!(o["status"]["day"], 4);
    assert_eq!(o["plan"]["protocol_id"], "two-week-rest");
}

#[test]
fn a_damaged_database_is_reported_to_the_ui() {
    let dir = fresh_dir("damaged");
    std::fs::write(dir.join("smp-aftercare.sqlite3"), b"this is not a database").unwrap();
    let h = harness_in(dir, "2026-03-04T10:00:00Z");
    let recovered = &h.ok("overview", json!({}))["notices"]["recovered"];
    assert!(
        recovered["moved_to"]
            .as_str()
            .unwrap()
            .contains("smp-aftercare.sqlite3.damaged-"),
        "{recovered}"
    );
}

#[test]
fn turning_reminders_on_asks_for_permission_once() {
    let permission = FakePermission::new(
        NotificationPermission::NotAsked,
        NotificationPermission::Denied,
    );
    let h = harness_with(
        fresh_dir("permission"),
        "2026-03-04T10:00:00Z",
        Arc::clone(&permission),
    );
    assert_eq!(
        h.ok("overview", json!({}))["notices"]["permission"],
        "not_asked"
    );
    // Saving with reminders off asks nothing.
    let mut s = h.ok("settings", json!({}));
    s["reminders_enabled"] = json!(false);
    h.ok("settings_set", json!({ "settings": s.clone() }));
    assert_eq!(permission.requests(), 0);
    // Turning them on asks, and the refusal shows as a notice.
    s["reminders_enabled"] = json!(true);
    h.ok("settings_set", json!({ "settings": s.clone() }));
    assert_eq!(permission.requests(), 1);
    assert_eq!(
        h.ok("overview", json!({}))["notices"]["permission"],
        "denied"
    );
    // A refusal is final: neither saving again nor the banner's button asks.
    h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(h.ok("notifications_allow", json!({})), "denied");
    assert_eq!(permission.requests(), 1);
}

#[test]
fn the_banner_button_asks_when_not_asked_yet() {
    let permission = FakePermission::new(
        NotificationPermission::NotAsked,
        NotificationPermission::Granted,
    );
    let h = harness_with(
        fresh_dir("allow"),
        "2026-03-04T10:00:00Z",
        Arc::clone(&permission),
    );
    assert_eq!(h.ok("notifications_allow", json!({})), "granted");
    assert_eq!(h.ok("notifications_allow", json!({})), "granted");
    assert_eq!(permission.requests(), 1);
    assert_eq!(
        h.ok("overview", json!({}))["notices"]["permission"],
        "granted"
    );
}

#[test]
fn preparation_lists_the_next_session_checklist() {
    let h = harness("prep", "2026-03-12T10:00:00Z");
    assert_eq!(h.ok("preparation", json!({})), Value::Null);
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(
        h.ok("preparation", json!({})),
        Value::Null,
        "no session booked ahead"
    );
    h.ok("session_add", json!({ "date": "2026-03-23" }));
    let prep = h.ok("preparation", json!({}));
    assert_eq!(prep["session"], 2);
    assert_eq!(prep["date"], "2026-03-23");
    assert_eq!(prep["in_days"], 11);
    let alcohol = about(&prep["items"], "alcohol");
    assert_eq!(alcohol["kind"], "avoid");
    assert_eq!(alcohol["label"], "Alcohol");
    assert_eq!(alcohol["from"], "2026-03-22");
    assert_eq!(alcohol["starts_in_days"], 10);
    assert_eq!(alcohol["on_session_day"], true);
}

#[test]
fn timeline_chart_runs_from_the_first_session_with_today_on_it() {
    // 10:00 UTC on 20 March: 20 March in London.
    let h = harness("chart", "2026-03-20T10:00:00Z");
    assert_eq!(h.ok("timeline_chart", json!({})), Value::Null);
    for date in ["2026-03-06", "2026-03-17", "2026-04-07"] {
        h.ok("session_add", json!({ "date": date }));
    }
    let v = h.ok("timeline_chart", json!({}));
    assert_eq!(v["today"], "2026-03-20");
    assert_eq!(v["today_index"], 14);
    let chart = &v["chart"];
    assert_eq!(chart["from"], "2026-03-06");
    // Healed on day 31 after the final session (swimming to day 30).
    assert_eq!(chart["to"], "2026-05-07");
    assert_eq!(chart["ends"], "healed");
    assert_eq!(chart["days"], 63);
    let sessions: Vec<(u64, u64)> = chart["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["number"].as_u64().unwrap(), s["index"].as_u64().unwrap()))
        .collect();
    assert_eq!(sessions, [(1, 0), (2, 11), (3, 32)]);
    let swim = about(&chart["rows"], "swim");
    assert_eq!(swim["label"], "Swimming");
    assert_eq!(swim["segments"][0]["status"], "avoid");
    assert_eq!(swim["segments"][0]["to"], "2026-05-06");
    // Alcohol between sessions: nothing said, never "ok".
    let alcohol = about(&chart["rows"], "alcohol");
    assert_eq!(alcohol["segments"][1]["status"], "unsaid");
}

#[test]
fn overview_gives_yesterday_and_activities_their_names() {
    // Just after midnight in London on 1 March 2028 (a leap year).
    let h = harness("yesterday", "2028-03-01T00:30:00Z");
    let o = h.ok("overview", json!({}));
    assert_eq!(
        (o["today"].as_str(), o["yesterday"].as_str()),
        (Some("2028-03-01"), Some("2028-02-29"))
    );
    let vocabulary = h.ok("activities", json!({}));
    let names = &vocabulary["activities"];
    assert_eq!(names.as_array().unwrap().len(), 18);
    assert_eq!(names[3], json!({ "activity": "shave", "label": "Shaving" }));
    // The everyday words come with it: "cap" asks the protocol's advice.
    let cap = vocabulary["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["words"].as_array().unwrap().contains(&json!("cap")))
        .unwrap();
    assert_eq!(
        (&cap["answer"], &cap["topic"]),
        (&json!("advice"), &json!("caps"))
    );
}

#[test]
fn reminders_due_before_a_session_was_entered_are_never_missed() {
    // First run two days after the session: its prep and day-1 reminders
    // were due before the client told the app anything.
    let h = harness("before-plan", "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(h.ok("reminders_missed", json!({})), json!([]));
    let upcoming = h.ok("reminders_upcoming", json!({ "limit": 50 }));
    let upcoming = upcoming.as_array().unwrap();
    assert!(!upcoming.is_empty());
    assert!(
        upcoming.iter().all(|r| r["overdue"] == false),
        "nothing is waiting to be shown late: {upcoming:?}"
    );
    // Moving the session later makes its new early reminders past too.
    let id = h.ok("sessions", json!({}))["sessions"][0]["id"].clone();
    h.ok("session_edit", json!({ "id": id, "date": "2026-03-03" }));
    assert_eq!(h.ok("reminders_missed", json!({})), json!([]));
    let store = Store::open(&h.dir).unwrap().store;
    let log = store.delivery_log().unwrap();
    assert!(log.iter().any(|e| e.id == "day:2026-03-02:1"));
    assert!(log.iter().any(|e| e.id == "day:2026-03-03:1"));
    assert!(
        log.iter()
            .all(|e| e.how == smp_aftercare_lib::model::DeliveryHow::BeforePlan),
        "{log:?}"
    );
}

/// How many store reads `f` takes.
fn reads_of(h: &Harness, f: impl FnOnce()) -> u64 {
    use tauri::Manager;
    let reads = || h.app.state::<AppState>().store.lock().unwrap().reads();
    let before = reads();
    f();
    reads() - before
}

#[test]
fn each_command_reads_the_store_once() {
    let h = harness("one-read", "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    for cmd in [
        "overview",
        "sessions",
        "timeline",
        "preparation",
        "protocols",
        "settings",
        "calendar_ics",
    ] {
        assert_eq!(reads_of(&h, || drop(h.ok(cmd, json!({})))), 1, "{cmd}");
    }
    assert_eq!(
        reads_of(&h, || drop(
            h.ok("status_on", json!({ "date": "2026-03-05" }))
        )),
        1
    );
    // A change reads the plan it changes and its own result, once each,
    // inside its transaction (the first tells the reminders it makes past
    // from those already due: `reminders::entered_past`).
    assert_eq!(
        reads_of(&h, || drop(
            h.ok("session_add", json!({ "date": "2026-03-20" }))
        )),
        2
    );
    assert_eq!(
        reads_of(&h, || drop(h.ok("planned_set", json!({ "planned": 3 })))),
        2
    );
    // The lists also read the delivery log.
    assert_eq!(
        reads_of(&h, || drop(
            h.ok("reminders_upcoming", json!({ "limit": 3 }))
        )),
        2
    );
}

/// The first-run form as the UI sends it.
fn first_run_args(h: &Harness, protocol: Value, time: &str, date: &str) -> Value {
    let mut settings = h.ok("settings", json!({}));
    settings["reminder_time"] = json!(time);
    json!({ "protocol": protocol, "settings": settings, "date": date })
}

fn assert_nothing_applied(h: &Harness) {
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "four-to-thirty");
    assert_eq!(h.ok("settings", json!({}))["reminder_time"], "09:00");
    assert_eq!(h.ok("sessions", json!({}))["sessions"], json!([]));
    assert_eq!(h.changes.load(Ordering::SeqCst), 0);
}

#[test]
fn first_run_applies_protocol_settings_and_session_together() {
    let h = harness("first-run-all", "2026-03-04T10:00:00Z");
    let o = h.ok(
        "first_run",
        first_run_args(&h, json!("four-day-dry"), "07:30", "2026-03-02"),
    );
    assert_eq!(o["status"]["day"], 3);
    assert_eq!(o["plan"]["protocol_id"], "four-day-dry");
    assert_eq!(h.ok("settings", json!({}))["reminder_time"], "07:30");
    assert_eq!(h.changes.load(Ordering::SeqCst), 1);
    // Its reminders already due were never the client's to miss.
    assert_eq!(h.ok("reminders_missed", json!({})), json!([]));
}

#[test]
fn a_refused_first_run_leaves_nothing_applied() {
    let h = harness("first-run-none", "2026-03-04T10:00:00Z");
    // Refused before anything is written: an impossible date, a bad time,
    // an unknown protocol.
    let e = h.err(
        "first_run",
        first_run_args(&h, json!("four-day-dry"), "07:30", "2026-02-30"),
    );
    assert_eq!(e["field"], "date");
    let e = h.err(
        "first_run",
        first_run_args(&h, json!("four-day-dry"), "7am", "2026-03-02"),
    );
    assert_eq!(e["field"], "reminder_time");
    let e = h.err(
        "first_run",
        first_run_args(&h, json!("nope"), "07:30", "2026-03-02"),
    );
    assert_eq!(e["field"], "protocol");
    assert_nothing_applied(&h);
    // Refused by the engine after the protocol and settings were written in
    // the transaction: one session is booked and only one planned, so a
    // second does not fit. All of it is undone.
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    h.ok("planned_set", json!({ "planned": 1 }));
    let changes = h.changes.load(Ordering::SeqCst);
    let e = h.err(
        "first_run",
        first_run_args(&h, json!("four-day-dry"), "07:30", "2026-03-12"),
    );
    assert_eq!(
        e,
        json!({ "kind": "invalid", "field": "date", "problem": { "problem": "planned_too_few", "planned": 1, "sessions": 2 }, "message": "2 sessions are given but only 1 is planned" })
    );
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "four-to-thirty");
    assert_eq!(h.ok("settings", json!({}))["reminder_time"], "09:00");
    assert_eq!(
        h.ok("sessions", json!({}))["sessions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(h.changes.load(Ordering::SeqCst), changes);
}

#[test]
fn a_stored_setting_that_no_longer_reads_is_reported_until_saved() {
    let dir = fresh_dir("reset");
    drop(Store::open(&dir).unwrap());
    rusqlite_exec(
        &dir,
        r#"INSERT INTO settings (id, json) VALUES (1, '{"reminder_time": "25:00", "launch_at_login": true}')"#,
    );
    let h = harness_in(dir, "2026-03-04T10:00:00Z");
    let reset = &h.ok("overview", json!({}))["notices"]["values_reset"];
    assert_eq!(
        reset,
        &json!([{
            "field": "reminder_time",
            "session_id": null,
            "stored": "\"25:00\"",
            "used": "09:00",
            "reason": null,
            "message": "the stored reminder time \"25:00\" could not be read; 09:00 is used until you save your settings"
        }])
    );
    // The rest is kept, and the form shows what is used.
    let s = h.ok("settings", json!({}));
    assert_eq!(
        (s["reminder_time"].clone(), s["launch_at_login"].clone()),
        (json!("09:00"), json!(true))
    );
    h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(
        h.ok("overview", json!({}))["notices"]["values_reset"],
        json!([])
    );
}

/// No stored value locks the client out: each one made unreadable in the
/// real SQLite file (by hand, damage or another version) is reported by
/// field, the app keeps answering, reminders are still planned from what
/// remains, and the command that repairs it works and clears the report.
#[test]
fn no_stored_value_locks_the_client_out() {
    let dir = fresh_dir("lockout");
    let h = harness_in(dir.clone(), "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let second = h.ok("session_add", json!({ "date": "2026-03-12" }));
    let second_id = second["sessions"][1]["id"].clone();
    let resets = |h: &Harness| h.ok("overview", json!({}))["notices"]["values_reset"].clone();
    // The fields reported, in name order.
    let fields = |h: &Harness| -> Vec<String> {
        let mut f: Vec<String> = resets(h)
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["field"].as_str().unwrap().to_string())
            .collect();
        f.sort();
        f
    };
    let still_works = |h: &Harness| {
        let o = h.ok("overview", json!({}));
        assert_eq!(o["status"]["day"], 3, "{o}");
        assert!(
            !h.ok("reminders_upcoming", json!({ "limit": 5 }))
                .as_array()
                .unwrap()
                .is_empty()
        );
    };

    // A session date that is no calendar day: left out, listed, deletable.
    rusqlite_exec(
        &dir,
        "UPDATE sessions SET date = '2026-02-30' WHERE date = '2026-03-12'",
    );
    assert_eq!(fields(&h), ["session"]);
    assert_eq!(resets(&h)[0]["session_id"], second_id);
    assert_eq!(
        resets(&h)[0]["message"],
        "a stored session date, 2026-02-30, could not be read, so that session is left out of your plan: delete it and enter its date again"
    );
    still_works(&h);
    let view = h.ok("sessions", json!({}));
    assert_eq!(view["unreadable"][0]["session_id"], second_id);
    assert_eq!(view["sessions"].as_array().unwrap().len(), 1);
    h.ok("session_delete", json!({ "id": second_id }));
    assert_eq!(fields(&h), Vec::<String>::new());

    // A settings document that is not JSON: defaults, and saving repairs it.
    rusqlite_exec(&dir, "UPDATE settings SET json = '{' WHERE id = 1");
    rusqlite_exec(
        &dir,
        "INSERT OR IGNORE INTO settings (id, json) VALUES (1, '{')",
    );
    assert_eq!(fields(&h), ["settings"]);
    still_works(&h);
    let s = h.ok("settings", json!({}));
    assert_eq!(s["reminder_time"], "09:00");
    h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(fields(&h), Vec::<String>::new());

    // A zone no database knows (a newer version's, or a typo).
    rusqlite_exec(
        &dir,
        r#"UPDATE settings SET json = '{"zone": {"mode": "fixed", "zone": "Mars/Base"}}' WHERE id = 1"#,
    );
    assert_eq!(fields(&h), ["zone"]);
    still_works(&h);

    // A planned count the engine can't use.
    rusqlite_exec(
        &dir,
        "INSERT INTO plan (id, planned) VALUES (1, 99) ON CONFLICT (id) DO UPDATE SET planned = 99",
    );
    assert_eq!(fields(&h), ["planned", "zone"]);
    still_works(&h);
    h.ok("planned_set", json!({ "planned": null }));
    assert_eq!(fields(&h), ["zone"]);

    // A protocol choice that is not JSON, then one naming no protocol
    // (a newer version's): the default protocol is followed meanwhile.
    for stored in ["x", r#"{"kind": "builtin", "id": "from-the-future"}"#] {
        rusqlite_exec(
            &dir,
            &format!(
                "INSERT INTO plan (id, protocol) VALUES (1, '{stored}') \
                 ON CONFLICT (id) DO UPDATE SET protocol = excluded.protocol"
            ),
        );
        assert_eq!(fields(&h), ["protocol", "zone"], "{stored}");
        let protocol = resets(&h)
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["field"] == "protocol")
            .unwrap()["message"]
            .clone();
        assert!(
            protocol
                .as_str()
                .unwrap()
                .ends_with("so the default protocol is followed until you choose yours again"),
            "{protocol}"
        );
        still_works(&h);
        h.ok("protocol_select", json!({ "id": "four-day-dry" }));
        assert_eq!(fields(&h), ["zone"]);
    }

    // Each damaged value the repairs replaced is kept whole, once, in the
    // `recovered` table, in the order found; the settings document with the
    // unknown zone is kept too (the later repairs were made beside it).
    let conn = rusqlite::Connection::open(dir.join("smp-aftercare.sqlite3")).unwrap();
    let mut stmt = conn
        .prepare("SELECT field, ifnull(session_id, 0), stored FROM recovered ORDER BY id")
        .unwrap();
    let kept: Vec<(String, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mars = r#"{"zone": {"mode": "fixed", "zone": "Mars/Base"}}"#;
    assert_eq!(
        kept,
        [
            (
                "session".into(),
                second_id.as_i64().unwrap(),
                "2026-02-30".into()
            ),
            ("settings".into(), 0, "{".into()),
            ("planned".into(), 0, "99".into()),
            ("settings".into(), 0, mars.into()),
            ("protocol".into(), 0, "x".into()),
            (
                "protocol".into(),
                0,
                r#"{"kind": "builtin", "id": "from-the-future"}"#.into()
            ),
        ]
    );
}

/// A plan that can be read but not written: every screen answers, the
/// reminders are planned, and each change is refused with one message that
/// says why and what to do; the file is not touched.
#[test]
fn a_read_only_store_shows_the_plan_and_refuses_changes() {
    let dir = fresh_dir("read-only");
    {
        let h = harness_in(dir.clone(), "2026-03-04T10:00:00Z");
        h.ok("session_add", json!({ "date": "2026-03-02" }));
    }
    let before = store_bytes(&dir);
    let store = Store::open_read_only(&dir).unwrap();
    let h = harness_on(
        store,
        None,
        dir.clone(),
        "2026-03-04T10:00:00Z",
        FakePermission::new(
            NotificationPermission::Granted,
            NotificationPermission::Granted,
        ),
    );
    let o = h.ok("overview", json!({}));
    assert_eq!(o["status"]["day"], 3);
    assert_eq!(
        o["notices"]["read_only"],
        json!({ "folder": dir.display().to_string(), "reason": "opened for reading only" })
    );
    assert!(
        !h.ok("reminders_upcoming", json!({ "limit": 5 }))
            .as_array()
            .unwrap()
            .is_empty()
    );
    let refused = json!({
        "kind": "store",
        "message": format!(
            "SMP Aftercare can only read your plan, so this change was not saved: it cannot write to {} (opened for reading only). Free some disk space or make the folder writable, then restart the app",
            dir.display()
        ),
    });
    assert_eq!(
        h.err("session_add", json!({ "date": "2026-03-12" })),
        refused
    );
    let s = h.ok("settings", json!({}));
    assert_eq!(h.err("settings_set", json!({ "settings": s })), refused);
    assert_eq!(
        h.err("protocol_select", json!({ "id": "four-day-dry" })),
        refused
    );
    assert_eq!(
        h.err(
            "check_in_save",
            json!({ "date": "2026-03-04", "symptoms": levels("none"), "note": "", "photos": [] })
        ),
        refused
    );
    assert_eq!(
        h.err("check_in_delete", json!({ "date": "2026-03-04" })),
        refused
    );
    drop(h);
    assert_eq!(store_bytes(&dir), before);
}

/// Runs one SQL statement on the store file in `dir`, as another program
/// (or an older app) would.
fn rusqlite_exec(dir: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(dir.join("smp-aftercare.sqlite3")).unwrap();
    conn.execute(sql, []).unwrap();
}

#[test]
fn status_without_a_date_is_today_in_the_plans_zone() {
    // 00:30 UTC on 5 March is still 4 March in New York.
    let h = harness("status-today", "2026-03-05T00:30:00Z");
    assert_eq!(h.ok("status_on", json!({ "date": null })), Value::Null);
    let mut s = h.ok("settings", json!({}));
    s["zone"] = json!({ "mode": "fixed", "zone": "America/New_York" });
    h.ok("settings_set", json!({ "settings": s }));
    let view = h.ok("session_add", json!({ "date": "2026-03-02" }));
    assert_eq!(view["today"], "2026-03-04");
    let status = h.ok("status_on", json!({ "date": null }));
    assert_eq!(status["date"], "2026-03-04");
    assert_eq!(status["day"], 3);
}

#[test]
fn oversized_input_is_refused_by_name_without_touching_the_store() {
    let h = harness("oversized", "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let settings = h.ok("settings", json!({}));
    let good_toml = "format = 1\nid = \"c\"\nname = \"C\"\nsummary = \"S\"\n[sessions]\nusual = 2\nmin = 1\nmax = 3\n\
                     [[rule]]\nactivity = \"swim\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n";
    let mib = "a".repeat(1024 * 1024);
    let with = |change: &dyn Fn(&mut Value)| {
        let mut s = settings.clone();
        change(&mut s);
        json!({ "settings": s })
    };
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "protocol_import",
            json!({ "sourceName": mib, "text": good_toml }),
            "source_name",
            "the file name is too long: at most 255 bytes",
        ),
        (
            "protocol_import",
            json!({ "sourceName": format!("{}.toml", "a".repeat(251)), "text": good_toml }),
            "source_name",
            "the file name is too long: at most 255 bytes",
        ),
        (
            "protocol_import",
            json!({ "sourceName": "clinic.toml", "text": format!("{good_toml}#{mib}") }),
            "file",
            "the protocol file is too long: at most 65536 bytes",
        ),
        (
            "protocol_select",
            json!({ "id": mib }),
            "protocol",
            "the protocol id is too long: at most 64 bytes",
        ),
        (
            "session_add",
            json!({ "date": mib }),
            "date",
            "the date is too long: at most 64 bytes",
        ),
        (
            "session_edit",
            json!({ "id": 1, "date": mib }),
            "date",
            "the date is too long: at most 64 bytes",
        ),
        (
            "status_on",
            json!({ "date": mib }),
            "date",
            "the date is too long: at most 64 bytes",
        ),
        (
            "settings_set",
            with(&|s| s["clinic"]["name"] = json!("é".repeat(201))),
            "clinic.name",
            "the clinic's name is too long: at most 200 characters",
        ),
        (
            "settings_set",
            with(&|s| s["clinic"]["phone"] = json!(mib)),
            "clinic.phone",
            "the clinic's phone is too long: at most 200 characters",
        ),
        (
            "settings_set",
            with(&|s| s["clinic"]["email"] = json!(mib)),
            "clinic.email",
            "the clinic's email is too long: at most 200 characters",
        ),
        (
            "settings_set",
            with(&|s| s["reminder_time"] = json!(mib)),
            "reminder_time",
            "the reminder time is too long: at most 64 bytes",
        ),
        (
            "settings_set",
            with(&|s| s["quiet_hours"] = json!({ "start": mib, "end": "07:00" })),
            "quiet_hours.start",
            "the start of quiet hours is too long: at most 64 bytes",
        ),
        (
            "settings_set",
            with(&|s| s["quiet_hours"] = json!({ "start": "22:00", "end": mib })),
            "quiet_hours.end",
            "the end of quiet hours is too long: at most 64 bytes",
        ),
        (
            "settings_set",
            with(&|s| s["zone"] = json!({ "mode": "fixed", "zone": mib })),
            "zone",
            "the time zone is too long: at most 64 bytes",
        ),
        (
            "first_run",
            json!({ "protocol": mib, "settings": settings, "date": "2026-03-02" }),
            "protocol",
            "the protocol id is too long: at most 64 bytes",
        ),
        (
            "first_run",
            json!({ "protocol": null, "settings": settings, "date": mib }),
            "date",
            "the date is too long: at most 64 bytes",
        ),
        (
            "first_run",
            json!({
                "protocol": null,
                "settings": with(&|s| s["clinic"]["name"] = json!(mib))["settings"],
                "date": "2026-03-04",
            }),
            "clinic.name",
            "the clinic's name is too long: at most 200 characters",
        ),
        (
            "care_tick",
            json!({ "care": mib }),
            "care",
            "the care id is too long: at most 64 bytes",
        ),
        (
            "care_untick",
            json!({ "care": mib }),
            "care",
            "the care id is too long: at most 64 bytes",
        ),
        (
            "care_ticks",
            json!({ "from": mib, "to": "2026-03-04" }),
            "from",
            "the date is too long: at most 64 bytes",
        ),
        (
            "care_ticks",
            json!({ "from": "2026-03-04", "to": mib }),
            "to",
            "the date is too long: at most 64 bytes",
        ),
    ];
    let before = store_bytes(&h.dir);
    assert!(!before[0].1.is_empty(), "the store exists");
    for (cmd, args, field, message) in cases {
        let reads = reads_of(&h, || {
            let err = h.err(cmd, args);
            assert_eq!(err["problem"]["problem"], "too_long", "{cmd} {field}");
            assert_eq!(
                json!({ "kind": err["kind"], "field": err["field"], "message": err["message"] }),
                json!({ "kind": "invalid", "field": field, "message": message }),
                "{cmd} {field}"
            );
        });
        assert_eq!(reads, 0, "{cmd} {field}: refused before the store is read");
        assert!(
            store_bytes(&h.dir) == before,
            "{cmd} {field}: the store changed"
        );
    }
    assert_eq!(
        h.changes.load(Ordering::SeqCst),
        1,
        "only the first session"
    );
    assert!(h.autostart.lock().unwrap().is_empty());

    // At the limit: a 255-byte file name is accepted and kept.
    let name = format!("{}.toml", "a".repeat(250));
    h.ok(
        "protocol_import",
        json!({ "sourceName": name, "text": good_toml }),
    );
    assert_eq!(h.ok("protocol_current", json!({}))["id"], "c");
}

#[test]
fn a_plan_holds_at_most_twelve_sessions() {
    let h = harness("twelve", "2026-03-04T10:00:00Z");
    h.ok("planned_set", json!({ "planned": 12 }));
    for week in 0..12 {
        let date =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::weeks(week);
        h.ok("session_add", json!({ "date": date.to_string() }));
    }
    let before = store_bytes(&h.dir);
    assert_eq!(
        h.err("session_add", json!({ "date": "2026-06-01" })),
        json!({
            "kind": "invalid",
            "field": "date",
            "problem": { "problem": "too_many_sessions", "most": 12 },
            "message": "a plan holds at most 12 sessions; delete one before booking another"
        })
    );
    assert!(store_bytes(&h.dir) == before, "the store changed");
    assert_eq!(
        h.ok("sessions", json!({}))["sessions"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
}

#[test]
fn the_log_is_located_and_opened_from_rust() {
    let h = harness("log", "2026-03-04T10:00:00Z");
    let log = h.dir.join("smp-aftercare.log");
    assert_eq!(
        h.ok("log_location", json!({})),
        json!(log.display().to_string())
    );
    assert_eq!(h.ok("log_open", json!({})), Value::Null);
    assert_eq!(*h.opened_paths.lock().unwrap(), vec![log]);
}

// ---------------------------------------------------------------- care ticks

/// Day 6 of a first session (7 March, 003's moisturiser from day 6, "2-3
/// times a day"): ticks count up to 3, untick takes one back, the day's
/// ticks come back labelled, and the scheduler is woken after each.
#[test]
fn care_is_ticked_off_today_up_to_the_clinics_most() {
    let h = harness("care-tick", "2026-03-07T10:00:00Z");
    assert_eq!(
        h.err("care_tick", json!({ "care": "moisturise" })),
        json!({
            "kind": "invalid",
            "field": "care",
            "problem": { "problem": "no_session_yet", "needed_for": "care" },
            "message": "there is no care to tick off before your first session is entered"
        })
    );
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    let changes = h.changes.load(Ordering::SeqCst);

    // Today's status says it can be ticked, and how often.
    let o = h.ok("overview", json!({}));
    let care = o["status"]["care"].as_array().unwrap();
    let moisturise = care.iter().find(|c| c["id"] == "moisturise").unwrap();
    assert_eq!(
        moisturise["repeat"],
        json!({ "kind": "times", "min": 2, "max": 3 })
    );

    let day = h.ok("care_tick", json!({ "care": "moisturise" }));
    assert_eq!(
        day,
        json!({
            "date": "2026-03-07",
            "items": [{
                "id": "moisturise",
                "label": "Moisturise your scalp",
                "count": 1,
                "repeat": { "kind": "times", "min": 2, "max": 3 },
                "most": 3
            }]
        })
    );
    h.ok("care_tick", json!({ "care": "moisturise" }));
    let day = h.ok("care_tick", json!({ "care": "moisturise" }));
    assert_eq!(day["items"][0]["count"], 3);
    assert_eq!(
        h.err("care_tick", json!({ "care": "moisturise" })),
        json!({
            "kind": "invalid",
            "field": "care",
            "problem": { "problem": "ticks_full", "label": "Moisturise your scalp", "most": 3, "clinic_most": true },
            "message": "\"Moisturise your scalp\" is already ticked off 3 times today, the most your clinic asks for"
        })
    );
    // Sun cream (as needed) is counted too, after moisturising (file order).
    let day = h.ok("care_tick", json!({ "care": "sun_cream" }));
    let ids: Vec<&str> = day["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["moisturise", "sun_cream"]);
    assert_eq!(day["items"][1]["repeat"], json!({ "kind": "as_needed" }));
    assert_eq!(day["items"][1]["most"], 12);

    let day = h.ok("care_untick", json!({ "care": "moisturise" }));
    assert_eq!(day["items"][0]["count"], 2);
    let day = h.ok("care_untick", json!({ "care": "sun_cream" }));
    assert_eq!(day["items"].as_array().unwrap().len(), 1);
    // Nothing left to take back: nothing changes, no error.
    let day = h.ok("care_untick", json!({ "care": "sun_cream" }));
    assert_eq!(day["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        h.changes.load(Ordering::SeqCst),
        changes + 7,
        "every tick and untick that is not refused wakes the scheduler"
    );

    // The timeline's range: only days with ticks.
    assert_eq!(
        h.ok(
            "care_ticks",
            json!({ "from": "2026-03-02", "to": "2026-03-31" })
        ),
        json!([{
            "date": "2026-03-07",
            "items": [{
                "id": "moisturise",
                "label": "Moisturise your scalp",
                "count": 2,
                "repeat": { "kind": "times", "min": 2, "max": 3 },
                "most": 3
            }]
        }])
    );
    assert_eq!(
        h.ok(
            "care_ticks",
            json!({ "from": "2026-03-08", "to": "2026-03-08" })
        ),
        json!([])
    );
}

#[test]
fn care_that_cannot_be_ticked_today_is_refused_by_name() {
    let h = harness("care-refused", "2026-03-04T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    // Day 3: no moisturiser yet.
    assert_eq!(
        h.err("care_tick", json!({ "care": "moisturise" })),
        json!({ "kind": "invalid", "field": "care", "problem": { "problem": "not_asked_today", "care": "moisturise" }, "message": "\"moisturise\" is not asked for today" })
    );
    assert_eq!(
        h.err("care_tick", json!({ "care": "no_such_item" }))["message"],
        "\"no_such_item\" is not asked for today"
    );
    // The day before session 2 (booked 12 March): "drink plenty of water"
    // is asked for, but not several times a day.
    let h = harness("care-once", "2026-03-11T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    h.ok("session_add", json!({ "date": "2026-03-12" }));
    assert_eq!(
        h.err("care_tick", json!({ "care": "prep_drink" })),
        json!({
            "kind": "invalid",
            "field": "care",
            "problem": { "problem": "nothing_to_tick", "label": "Drink plenty of water" },
            "message": "\"Drink plenty of water\" has nothing to tick off: your clinic doesn't ask for it several times a day"
        })
    );
    // Ranges: ordered, bounded, real dates.
    assert_eq!(
        h.err(
            "care_ticks",
            json!({ "from": "2026-03-05", "to": "2026-03-04" })
        ),
        json!({ "kind": "invalid", "field": "to", "problem": { "problem": "range_backwards", "from": "2026-03-05", "to": "2026-03-04" }, "message": "2026-03-04 is before 2026-03-05: give the earlier date first" })
    );
    assert_eq!(
        h.err(
            "care_ticks",
            json!({ "from": "2026-01-01", "to": "2027-06-01" })
        )["message"],
        "2026-01-01 to 2027-06-01 is 517 days; ask for at most 366 at a time"
    );
    assert_eq!(
        h.err(
            "care_ticks",
            json!({ "from": "2026-02-30", "to": "2026-03-04" })
        ),
        json!({
            "kind": "invalid",
            "field": "from",
            "problem": { "problem": "not_a_date", "text": "2026-02-30" },
            "message": "invalid date \"2026-02-30\": there is no such day in the calendar (expected YYYY-MM-DD)"
        })
    );
}

/// The setting travels with the others and is off until turned on.
#[test]
fn care_reminders_are_off_until_turned_on() {
    let h = harness("care-setting", "2026-03-04T10:00:00Z");
    let mut s = h.ok("settings", json!({}));
    assert_eq!(s["care_reminders"], false);
    s["care_reminders"] = json!(true);
    h.ok("settings_set", json!({ "settings": s }));
    assert_eq!(h.ok("settings", json!({}))["care_reminders"], true);
}

// ---- The healing journal: check-ins, photos, the clinic's file ----

/// A real JPEG (a gradient with a pattern), `width` × `height`, as the
/// page sends it: base64.
fn jpeg_base64(width: u32, height: u32, seed: u8) -> String {
    use base64::Engine as _;
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([
            (x * 255 / width) as u8,
            (y * 255 / height) as u8,
            ((x ^ y) as u8).wrapping_add(seed),
        ])
    });
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Symptom levels as the page sends them.
fn levels(redness: &str) -> Value {
    json!({
        "redness": redness, "itching": "none", "scabs": "mild",
        "soreness": "none", "swelling": "none", "sunburn": "none"
    })
}

/// The files in the store's photo folder.
fn photo_files(h: &Harness) -> usize {
    std::fs::read_dir(h.dir.join("photos"))
        .map(|entries| entries.count())
        .unwrap_or(0)
}

/// A plan whose first session was on 2 March; today is 7 March (London).
fn journal_harness(name: &str) -> Harness {
    let h = harness(name, "2026-03-07T10:00:00Z");
    h.ok("session_add", json!({ "date": "2026-03-02" }));
    h
}

fn save(h: &Harness, date: &str, note: &str, photos: Value) -> Result<Value, Value> {
    h.call(
        "check_in_save",
        json!({ "date": date, "symptoms": levels("moderate"), "note": note, "photos": photos }),
    )
}

fn add_photo(h: &Harness, seed: u8) -> Value {
    h.ok(
        "photo_add",
        json!({ "data": jpeg_base64(64, 48, seed), "onProgress": "__CHANNEL__:7" }),
    )
}

/// A check-in can be written on its day and the next; an older one or a
/// day to come is refused by name, beside the date.
#[test]
fn check_ins_are_saved_today_and_yesterday_only() {
    let h = journal_harness("check-in-window");
    let today = save(&h, "2026-03-07", "Tight after the shower", json!([])).unwrap();
    assert_eq!(today["date"], "2026-03-07");
    assert_eq!(today["day"], 6);
    assert_eq!(today["session"], 1);
    assert_eq!(today["day_label"], "Day 6 after session 1");
    assert_eq!(today["symptoms"]["redness"], "moderate");
    assert_eq!(today["note"], "Tight after the shower");
    assert_eq!(today["editable"], true);
    assert_eq!(today["saved"], true);
    // Moderate redness on day 6 of the default protocol: longer than the
    // few days its clinic describes.
    assert_eq!(today["red_flags"][0]["id"], "redness-lasting");
    assert_eq!(today["red_flags"][0]["headline"], "Still red on day 6");
    assert_eq!(today["red_flags"].as_array().unwrap().len(), 1);
    let yesterday = save(&h, "2026-03-06", "", json!([])).unwrap();
    assert_eq!(yesterday["day"], 5);

    assert_eq!(
        save(&h, "2026-03-05", "", json!([])).unwrap_err(),
        json!({
            "kind": "invalid",
            "field": "date",
            "problem": { "problem": "check_in_too_late", "date": "2026-03-05" },
            "message": "Check-ins can be changed on their day and the next; 5 March is past that"
        })
    );
    assert_eq!(
        save(&h, "2026-03-08", "", json!([])).unwrap_err()["message"],
        "8 March hasn't come yet: check in on the day"
    );
    assert_eq!(
        h.ok("check_in_get", json!({}))["note"],
        "Tight after the shower"
    );
    let empty = h.ok("check_in_get", json!({ "date": "2026-03-05" }));
    assert_eq!(empty["saved"], false);
    assert_eq!(empty["editable"], false);
    assert_eq!(empty["symptoms"]["redness"], "none");
}

/// Before a first session there is no day to place a check-in in.
#[test]
fn a_check_in_needs_a_first_session() {
    let h = harness("check-in-no-plan", "2026-03-07T10:00:00Z");
    assert_eq!(
        save(&h, "2026-03-07", "", json!([])).unwrap_err(),
        json!({
            "kind": "invalid",
            "field": "date",
            "problem": { "problem": "no_session_yet", "needed_for": "check_in" },
            "message": "check-ins start with your first session: enter its date first"
        })
    );
    let empty = h.ok("check_in_get", json!({}));
    assert_eq!(empty["day_label"], "Before your first session");
    assert_eq!(empty["editable"], false);
}

/// A note over the limit and a photo that isn't in the folder are refused
/// beside their fields, and nothing is saved.
#[test]
fn a_long_note_and_an_unknown_photo_are_refused() {
    let h = journal_harness("check-in-refusals");
    assert_eq!(
        save(&h, "2026-03-07", &"é".repeat(201), json!([])).unwrap_err(),
        json!({
            "kind": "invalid",
            "field": "note",
            "problem": { "problem": "too_long", "what": "note", "most": 200, "unit": "characters" },
            "message": "the note is too long: at most 200 characters"
        })
    );
    assert_eq!(
        save(&h, "2026-03-07", "", json!(["ab".repeat(32)])).unwrap_err(),
        json!({
            "kind": "invalid",
            "field": "photos",
            "problem": { "problem": "photo_gone", "number": 1 },
            "message": "photo 1 is no longer on this device: add it again"
        })
    );
    assert_eq!(
        save(&h, "2026-03-07", "", json!(vec!["ab".repeat(32); 13])).unwrap_err()["message"],
        "a check-in holds at most 12 photos; remove 1 to save it"
    );
    assert_eq!(h.ok("journal", json!({}))["entries"], json!([]));
}

/// A photo is imported by its bytes, served by the photo: scheme, saved
/// with a check-in, and its files go when the last check-in holding it is
/// deleted.
#[test]
fn photos_are_added_saved_served_and_removed_with_the_last_check_in() {
    use smp_aftercare_lib::photo_scheme;
    use smp_aftercare_lib::photos::PhotoStore;

    let h = journal_harness("check-in-photos");
    let first = add_photo(&h, 1);
    let hash = first["hash"].as_str().unwrap().to_string();
    assert_eq!(hash.len(), 64);
    assert_eq!(
        (first["width"].clone(), first["height"].clone()),
        (json!(64), json!(48))
    );
    let base = if cfg!(any(windows, target_os = "android")) {
        "http://photo.localhost"
    } else {
        "photo://localhost"
    };
    assert_eq!(first["thumb_url"], format!("{base}/{hash}/thumb"));
    assert_eq!(first["screen_url"], format!("{base}/{hash}/screen"));
    let files_of_one = photo_files(&h);
    assert!(files_of_one >= 3, "full, screen and thumb: {files_of_one}");

    let served = photo_scheme::respond(&PhotoStore::new(&h.dir), &format!("/{hash}/thumb"));
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    assert_eq!(
        served.headers()["cache-control"],
        "private, max-age=31536000, immutable"
    );
    assert!(served.body().starts_with(&[0xFF, 0xD8]));

    let second = add_photo(&h, 2);
    let other = second["hash"].as_str().unwrap().to_string();
    let saved = save(&h, "2026-03-07", "", json!([hash, other])).unwrap();
    assert_eq!(saved["photos"], json!([first, second]));
    save(&h, "2026-03-06", "", json!([hash])).unwrap();
    assert_eq!(photo_files(&h), 2 * files_of_one);

    // Today's check-in goes with the photo only it held.
    h.ok("check_in_delete", json!({ "date": "2026-03-07" }));
    assert_eq!(photo_files(&h), files_of_one);
    assert_eq!(
        h.ok("check_in_get", json!({ "date": "2026-03-06" }))["photos"][0]["hash"],
        hash
    );
    h.ok("check_in_delete", json!({ "date": "2026-03-06" }));
    assert_eq!(photo_files(&h), 0);
    assert_eq!(
        photo_scheme::respond(&PhotoStore::new(&h.dir), &format!("/{hash}/thumb")).status(),
        404
    );
}

/// A photo over the size limit is refused by its base64 length, before
/// anything is decoded; bytes that are not an image are refused by name.
#[test]
fn a_photo_too_large_or_not_an_image_is_refused() {
    let h = journal_harness("photo-refused");
    let err = h.err(
        "photo_add",
        json!({ "data": "A".repeat(44_000_000), "onProgress": "__CHANNEL__:7" }),
    );
    assert_eq!(
        err,
        json!({
            "kind": "invalid",
            "field": "photos",
            "problem": { "problem": "photo_too_large", "megabytes": 33, "most": 30 },
            "message": "this photo is too large (33 MB): at most 30 MB"
        })
    );
    let err = h.err(
        "photo_add",
        json!({ "data": "not base64!", "onProgress": "__CHANNEL__:7" }),
    );
    assert_eq!(
        err["message"],
        "the photo did not arrive whole; try adding it again"
    );
    let err = h.err(
        "photo_add",
        json!({ "data": "aGVsbG8gd29ybGQ=", "onProgress": "__CHANNEL__:7" }),
    );
    assert_eq!(err["field"], "photos");
    assert_eq!(photo_files(&h), 0);
}

/// The journal lists check-ins oldest first; Today knows whether the
/// client checked in today.
#[test]
fn the_journal_is_in_date_order_and_today_knows_about_the_check_in() {
    let h = journal_harness("journal-order");
    assert_eq!(h.ok("overview", json!({}))["checked_in_today"], false);
    save(&h, "2026-03-07", "today", json!([])).unwrap();
    save(&h, "2026-03-06", "yesterday", json!([])).unwrap();
    let journal = h.ok("journal", json!({}));
    assert_eq!(journal["today"], "2026-03-07");
    let notes: Vec<&Value> = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["note"])
        .collect();
    assert_eq!(notes, [&json!("yesterday"), &json!("today")]);
    let overview = h.ok("overview", json!({}));
    assert_eq!(overview["checked_in_today"], true);
    // Today's check-in's cards (its moderate redness on day 6).
    assert_eq!(overview["red_flags"][0]["id"], "redness-lasting");
    h.ok("check_in_delete", json!({ "date": "2026-03-07" }));
    let overview = h.ok("overview", json!({}));
    assert_eq!(overview["checked_in_today"], false);
    // With today's gone, yesterday's check-in (day 5) speaks for Today.
    assert_eq!(overview["red_flags"][0]["headline"], "Still red on day 5");
}

/// The clinic's file: the chosen days with their photos embedded, every
/// text escaped, nothing that runs or fetches; cancelling writes nothing.
#[test]
fn the_journal_is_shared_as_one_safe_html_file() {
    let h = journal_harness("journal-share");
    let photo = add_photo(&h, 3);
    save(
        &h,
        "2026-03-07",
        "<script>alert(1)</script> itchy",
        json!([photo["hash"]]),
    )
    .unwrap();
    save(&h, "2026-03-06", "not shared", json!([])).unwrap();
    let target = h.dir.join("journal.html");
    *h.save_to.lock().unwrap() = Some(target.clone());
    let written = h.ok("journal_share", json!({ "dates": ["2026-03-07"] }));
    assert_eq!(written, json!(target.display().to_string()));
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; itchy"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("src=\"http"));
    assert_eq!(html.matches("src=\"data:image/jpeg;base64,/9j/").count(), 1);
    assert!(html.contains("Day 6 after session 1"));
    assert!(!html.contains("not shared"));
    assert!(html.contains("<tr><th>Session 1</th><td>Monday 2 March 2026</td></tr>"));

    assert_eq!(
        h.err("journal_share", json!({ "dates": ["2026-03-05"] })),
        json!({
            "kind": "invalid",
            "field": "dates",
            "problem": { "problem": "no_check_in", "date": "2026-03-05" },
            "message": "there is no check-in on 5 March"
        })
    );
    assert_eq!(
        h.err(
            "journal_share",
            json!({ "dates": ["2026-03-05", "2026-03-06", "2026-03-07"] })
        )["message"],
        "3 days were asked for, and your journal has 2 check-ins"
    );

    std::fs::remove_file(&target).unwrap();
    *h.save_to.lock().unwrap() = None;
    assert_eq!(
        h.ok("journal_share", json!({ "dates": ["2026-03-07"] })),
        Value::Null
    );
    assert!(!target.exists());
}
