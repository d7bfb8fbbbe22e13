//! The store on real SQLite files in temporary folders: round trips, the
//! delivery log's once-only promise across restarts, and what happens to
//! damaged, old and newer files.

use std::path::{Path, PathBuf};

use aftercare::{Level, Symptoms};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::Connection;
use smp_aftercare_lib::model::{
    Clinic, DeliveryHow, LanguageMode, LogEntry, ProtocolChoice, QuietHours, SessionRow, Settings,
    ZoneMode,
};
use smp_aftercare_lib::store::{
    CheckInRow, DB_FILE, Opened, PhotoRow, SCHEMA_VERSION, Store, StoreError,
};

/// A fresh folder under the system's temp folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let dir = std::env::temp_dir().join(format!(
            "smp-store-test-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn db(&self) -> PathBuf {
        self.0.join(DB_FILE)
    }

    /// Names in the folder, sorted.
    fn listing(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn open(dir: &Scratch) -> Store {
    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    assert_eq!(recovered, None);
    store
}

fn hm(h: u32, m: u32) -> chrono::NaiveTime {
    chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, day, h, min, 0).unwrap()
}

/// The file's bytes are exactly `expected` (without printing kilobytes of
/// bytes when they are not).
#[track_caller]
fn assert_bytes(path: &Path, expected: &[u8]) {
    let actual = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        actual == expected,
        "{} changed: {} bytes, expected {}",
        path.display(),
        actual.len(),
        expected.len()
    );
}

fn user_version(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

// ---- opening -------------------------------------------------------------

#[test]
fn a_new_folder_gets_a_fresh_store_at_the_current_version() {
    let dir = Scratch::new("fresh");
    let nested = dir.0.join("a").join("b");
    let Opened { store, recovered } = Store::open(&nested).unwrap();
    assert_eq!(recovered, None);
    assert_eq!(store.path(), nested.join("smp-aftercare.sqlite3"));
    assert!(store.path().is_file());
    assert_eq!(store.sessions().unwrap(), vec![]);
    drop(store);
    assert_eq!(
        user_version(&nested.join(DB_FILE)),
        i64::from(SCHEMA_VERSION)
    );
    let conn = Connection::open(nested.join(DB_FILE)).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_folder_that_cannot_be_created_is_named_in_the_error() {
    let dir = Scratch::new("nofolder");
    let file = dir.0.join("plain-file");
    std::fs::write(&file, b"not a folder").unwrap();
    let inside = file.join("data");
    let e = Store::open(&inside).unwrap_err();
    assert!(matches!(e, StoreError::CreateFolder { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "could not create the data folder {}: not a directory",
            inside.display()
        )
    );
    assert_bytes(&file, b"not a folder");
}

#[test]
fn a_database_path_that_is_a_folder_is_an_error_not_a_recovery() {
    let dir = Scratch::new("dirdb");
    std::fs::create_dir(dir.db()).unwrap();
    let e = Store::open(&dir.0).unwrap_err();
    assert!(matches!(e, StoreError::Open { .. }), "{e:?}");
    assert!(
        e.to_string().starts_with(&format!(
            "could not open the database {}: ",
            dir.db().display()
        )),
        "{e}"
    );
    assert!(dir.db().is_dir());
    assert_eq!(dir.listing(), vec![DB_FILE.to_string()]);
}

// ---- sessions ------------------------------------------------------------

#[test]
fn sessions_come_back_in_date_order() {
    let dir = Scratch::new("sessions");
    let mut store = open(&dir);
    let late = store.insert_session(d(2026, 4, 6)).unwrap();
    let early = store.insert_session(d(2026, 3, 2)).unwrap();
    let middle = store.insert_session(d(2026, 3, 16)).unwrap();
    assert_eq!(late.date, d(2026, 4, 6));
    assert_ne!(late.id, early.id);
    assert_eq!(
        store.sessions().unwrap(),
        vec![early.clone(), middle.clone(), late.clone()]
    );

    drop(store);
    let store = open(&dir);
    assert_eq!(store.sessions().unwrap(), vec![early, middle, late]);
}

#[test]
fn a_booked_date_is_refused_with_its_date() {
    let dir = Scratch::new("duplicate");
    let mut store = open(&dir);
    let first = store.insert_session(d(2026, 3, 2)).unwrap();
    let e = store.insert_session(d(2026, 3, 2)).unwrap_err();
    assert!(matches!(e, StoreError::DuplicateSession { date } if date == d(2026, 3, 2)));
    assert_eq!(e.to_string(), "session 2026-03-02 is already booked");
    assert_eq!(store.sessions().unwrap(), vec![first]);
}

#[test]
fn a_session_can_be_moved_but_not_onto_another() {
    let dir = Scratch::new("update");
    let mut store = open(&dir);
    let a = store.insert_session(d(2026, 3, 2)).unwrap();
    let b = store.insert_session(d(2026, 3, 16)).unwrap();

    let moved = store.update_session(b.id, d(2026, 2, 20)).unwrap();
    assert_eq!(
        moved,
        SessionRow {
            id: b.id,
            date: d(2026, 2, 20)
        }
    );
    assert_eq!(store.sessions().unwrap(), vec![moved.clone(), a.clone()]);

    // Saving a session on its own date is no change, not a duplicate.
    assert_eq!(store.update_session(a.id, a.date).unwrap(), a);

    let e = store.update_session(a.id, d(2026, 2, 20)).unwrap_err();
    assert_eq!(e.to_string(), "session 2026-02-20 is already booked");
    assert_eq!(store.sessions().unwrap(), vec![moved, a]);
}

#[test]
fn unknown_session_ids_are_named() {
    let dir = Scratch::new("notfound");
    let mut store = open(&dir);
    let a = store.insert_session(d(2026, 3, 2)).unwrap();

    let e = store.update_session(a.id + 7, d(2026, 5, 1)).unwrap_err();
    assert!(matches!(e, StoreError::NotFound { id } if id == a.id + 7));
    assert_eq!(e.to_string(), format!("no session with id {}", a.id + 7));

    store.delete_session(a.id).unwrap();
    assert_eq!(store.sessions().unwrap(), vec![]);
    let e = store.delete_session(a.id).unwrap_err();
    assert_eq!(e.to_string(), format!("no session with id {}", a.id));
    let e = store.update_session(a.id, d(2026, 5, 1)).unwrap_err();
    assert_eq!(e.to_string(), format!("no session with id {}", a.id));
}

// ---- plan ----------------------------------------------------------------

#[test]
fn planned_count_round_trips() {
    let dir = Scratch::new("planned");
    let mut store = open(&dir);
    assert_eq!(store.planned().unwrap(), None);
    store.set_planned(Some(3)).unwrap();
    assert_eq!(store.planned().unwrap(), Some(3));
    drop(store);

    let mut store = open(&dir);
    assert_eq!(store.planned().unwrap(), Some(3));
    store.set_planned(None).unwrap();
    assert_eq!(store.planned().unwrap(), None);
}

#[test]
fn protocol_choice_defaults_then_round_trips() {
    let dir = Scratch::new("protocol");
    let mut store = open(&dir);
    assert_eq!(store.protocol_choice().unwrap(), ProtocolChoice::default());

    // Setting the protocol leaves the planned count alone, and back.
    store.set_planned(Some(4)).unwrap();
    let builtin = ProtocolChoice::Builtin {
        id: "two-week-rest".to_string(),
    };
    store.set_protocol_choice(&builtin).unwrap();
    assert_eq!(store.protocol_choice().unwrap(), builtin);
    assert_eq!(store.planned().unwrap(), Some(4));

    let text = format!(
        "# Clinic \"Nörd\" protocol\nname = 'x'\n{}\n\u{1F600}\\ end\n",
        "a = 1\n".repeat(5000)
    );
    let imported = ProtocolChoice::Imported {
        source_name: "clinic's protocol.toml".to_string(),
        text,
    };
    store.set_protocol_choice(&imported).unwrap();
    drop(store);

    let store = open(&dir);
    assert_eq!(store.protocol_choice().unwrap(), imported);
    assert_eq!(store.planned().unwrap(), Some(4));
}

// ---- settings ------------------------------------------------------------

/// Settings with every field away from its default.
fn sample_settings() -> Settings {
    Settings {
        reminders_enabled: false,
        reminder_time: hm(7, 45),
        quiet_hours: Some(QuietHours {
            start: hm(22, 0),
            end: hm(7, 0),
        }),
        zone: ZoneMode::Fixed {
            zone: chrono_tz::Europe::London,
        },
        launch_at_login: true,
        clinic: Clinic {
            name: "Scalp & Co".to_string(),
            phone: "+44 20 7946 0000".to_string(),
            email: "hello@example.com".to_string(),
            address: "1 High Street, Leeds".to_string(),
        },
        care_reminders: true,
        language: LanguageMode::Fixed(aftercare::Lang::Es),
    }
}

#[test]
fn settings_are_the_defaults_until_saved() {
    let dir = Scratch::new("settings");
    let mut store = open(&dir);
    assert_eq!(store.settings().unwrap(), Settings::default());

    let mine = sample_settings();
    store.save_settings(&mine).unwrap();
    assert_eq!(store.settings().unwrap(), mine);
    drop(store);

    let mut store = open(&dir);
    assert_eq!(store.settings().unwrap(), mine);
    store.save_settings(&Settings::default()).unwrap();
    assert_eq!(store.settings().unwrap(), Settings::default());
}

#[test]
fn settings_saved_by_an_older_app_still_load() {
    let dir = Scratch::new("oldsettings");
    drop(open(&dir));
    // An older app knew fewer keys; a newer one may have left one we don't.
    Connection::open(dir.db())
        .unwrap()
        .execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)",
            [r#"{"reminders_enabled": false, "reminder_time": "08:30",
                 "clinic": {"name": "Old Clinic"}, "from_the_future": {"x": 1}}"#],
        )
        .unwrap();
    let store = open(&dir);
    assert_eq!(
        store.settings().unwrap(),
        Settings {
            reminders_enabled: false,
            reminder_time: hm(8, 30),
            clinic: Clinic {
                name: "Old Clinic".to_string(),
                ..Clinic::default()
            },
            ..Settings::default()
        }
    );
}

#[test]
fn a_setting_of_the_wrong_type_falls_back_alone() {
    let dir = Scratch::new("badsetting");
    drop(open(&dir));
    Connection::open(dir.db())
        .unwrap()
        .execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)",
            [r#"{"reminder_time": 830, "launch_at_login": true}"#],
        )
        .unwrap();
    let store = open(&dir);
    assert_eq!(
        store.settings().unwrap(),
        Settings {
            launch_at_login: true,
            ..Settings::default()
        }
    );
}

/// The exact document the previous app wrote (its `Settings` serialized by
/// serde, every field present), in a real file: it loads typed, with
/// nothing reset (and the settings added since at their defaults: the
/// clinic's address empty, no care reminders, the device's language), and
/// is written back in the same shape.
#[test]
fn settings_written_by_the_previous_app_load_typed() {
    let dir = Scratch::new("prevsettings");
    drop(open(&dir));
    let previous = r#"{"reminders_enabled":true,"reminder_time":"07:45","quiet_hours":{"start":"22:00","end":"07:00"},"zone":{"mode":"fixed","zone":"Europe/London"},"launch_at_login":true,"clinic":{"name":"Scalp & Co","phone":"+44 20 7946 0000","email":"hello@example.com"}}"#;
    Connection::open(dir.db())
        .unwrap()
        .execute("INSERT INTO settings (id, json) VALUES (1, ?1)", [previous])
        .unwrap();
    let mut store = open(&dir);
    let snapshot = store.snapshot().unwrap();
    assert!(snapshot.values_reset.is_empty());
    assert_eq!(
        snapshot.settings,
        Settings {
            reminders_enabled: true,
            care_reminders: false,
            language: LanguageMode::Device,
            clinic: Clinic {
                address: String::new(),
                ..sample_settings().clinic
            },
            ..sample_settings()
        }
    );
    store.save_settings(&snapshot.settings).unwrap();
    drop(store);
    let stored: String = Connection::open(dir.db())
        .unwrap()
        .query_row("SELECT json FROM settings WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    // The same document, with the settings added since (the clinic's
    // address, empty; care reminders, off as before; the language, the
    // device's as before) after their siblings.
    assert_eq!(
        stored,
        format!(
            "{},\"care_reminders\":false,\"language\":\"device\"}}",
            previous[..previous.len() - 1].replace(
                "\"hello@example.com\"}",
                "\"hello@example.com\",\"address\":\"\"}"
            )
        )
    );
}

#[test]
fn a_stored_value_that_no_longer_reads_is_reported_with_the_rest_kept() {
    let dir = Scratch::new("resetsetting");
    drop(open(&dir));
    Connection::open(dir.db())
        .unwrap()
        .execute(
            "INSERT INTO settings (id, json) VALUES (1, ?1)",
            [r#"{"reminders_enabled": false, "reminder_time": "9h",
                 "zone": {"mode": "fixed", "zone": "Europe/London"}}"#],
        )
        .unwrap();
    let snapshot = open(&dir).snapshot().unwrap();
    assert_eq!(
        snapshot.settings,
        Settings {
            reminders_enabled: false,
            zone: ZoneMode::Fixed {
                zone: chrono_tz::Europe::London
            },
            ..Settings::default()
        }
    );
    let fields: Vec<&str> = snapshot
        .values_reset
        .iter()
        .map(|r| r.field.as_str())
        .collect();
    assert_eq!(fields, ["reminder_time"]);
    assert_eq!(
        snapshot.values_reset[0].message,
        "the stored reminder time \"9h\" could not be read; 09:00 is used until you save your settings"
    );
}

// ---- snapshot and change -------------------------------------------------

#[test]
fn a_snapshot_is_one_read_of_everything() {
    let dir = Scratch::new("snapshot");
    let mut store = open(&dir);
    let b = store.insert_session(d(2026, 3, 16)).unwrap();
    let a = store.insert_session(d(2026, 3, 2)).unwrap();
    store.set_planned(Some(3)).unwrap();
    let before = store.reads();
    let snapshot = store.snapshot().unwrap();
    assert_eq!(store.reads() - before, 1);
    assert_eq!(snapshot.sessions, vec![a, b]);
    assert_eq!(snapshot.planned, Some(3));
    assert_eq!(snapshot.protocol, ProtocolChoice::default());
    assert_eq!(snapshot.settings, Settings::default());
    assert!(snapshot.values_reset.is_empty());
}

#[test]
fn a_change_is_kept_whole_or_not_at_all() {
    let dir = Scratch::new("change");
    let mut store = open(&dir);
    {
        let change = store.change().unwrap();
        change.insert_session(d(2026, 3, 2)).unwrap();
        change.set_planned(Some(2)).unwrap();
        // The change sees its own writes...
        let inside = change.snapshot().unwrap();
        assert_eq!(inside.sessions.len(), 1);
        assert_eq!(inside.planned, Some(2));
        // ...and a refused write leaves the rest of it usable.
        let e = change.insert_session(d(2026, 3, 2)).unwrap_err();
        assert!(matches!(e, StoreError::DuplicateSession { .. }));
        // Dropped without commit.
    }
    assert_eq!(store.sessions().unwrap(), vec![]);
    assert_eq!(store.planned().unwrap(), None);
    let change = store.change().unwrap();
    change.insert_session(d(2026, 3, 2)).unwrap();
    change.commit().unwrap();
    drop(store);
    assert_eq!(open(&dir).sessions().unwrap().len(), 1);
}

// ---- delivery log --------------------------------------------------------

/// A log row a newer version wrote (a delivery kind this one doesn't know)
/// is left out of the lists instead of failing them, and its reminder is
/// still never shown again.
#[test]
fn a_newer_versions_log_row_fails_nothing() {
    let dir = Scratch::new("newer-log");
    let mut store = open(&dir);
    let due = t(2026, 3, 3, 9, 0);
    assert!(
        store
            .claim_delivery("day:2026-03-02:2", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    drop(store);
    let conn = Connection::open(dir.db()).unwrap();
    conn.execute(
        "INSERT INTO reminder_log (id, due, delivered_at, how, error) \
         VALUES ('day:2026-03-02:6', '2026-03-07T09:00:00Z', '2026-03-07T09:00:00Z', 'hologram', NULL)",
        [],
    )
    .unwrap();
    drop(conn);
    let store = open(&dir);
    let log = store.delivery_log().unwrap();
    assert_eq!(
        log.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["day:2026-03-02:2"]
    );
    assert!(store.delivered_ids().unwrap().contains("day:2026-03-02:6"));
}

#[test]
fn a_reminder_is_claimed_once() {
    let dir = Scratch::new("claim");
    let mut store = open(&dir);
    let due = t(2026, 3, 3, 9, 0);
    let at = t(2026, 3, 3, 9, 0);
    assert!(
        store
            .claim_delivery("day:2026-03-02:2", due, at, DeliveryHow::Notification)
            .unwrap()
    );
    assert!(
        !store
            .claim_delivery("day:2026-03-02:2", due, at, DeliveryHow::Notification)
            .unwrap()
    );
    // Even claimed another way, later: still the first claim stands.
    let later = t(2026, 3, 4, 10, 0);
    assert!(
        !store
            .claim_delivery("day:2026-03-02:2", due, later, DeliveryHow::Summary)
            .unwrap()
    );
    assert_eq!(
        store.delivery_log().unwrap(),
        vec![LogEntry {
            id: "day:2026-03-02:2".to_string(),
            due,
            delivered_at: at,
            how: DeliveryHow::Notification,
            error: None,
        }]
    );
}

#[test]
fn a_restart_never_repeats_a_delivery() {
    let dir = Scratch::new("restart");
    let due = t(2026, 3, 3, 9, 0);
    {
        let mut store = open(&dir);
        assert!(
            store
                .claim_delivery("day:2026-03-02:2", due, due, DeliveryHow::Notification)
                .unwrap()
        );
    }
    let mut store = open(&dir);
    assert!(store.delivered_ids().unwrap().contains("day:2026-03-02:2"));
    assert!(
        !store
            .claim_delivery("day:2026-03-02:2", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    assert!(
        store
            .claim_delivery("day:2026-03-02:3", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    drop(store);

    let mut store = open(&dir);
    assert!(
        !store
            .claim_delivery("day:2026-03-02:3", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    assert_eq!(store.delivery_log().unwrap().len(), 2);
}

#[test]
fn claim_all_returns_only_the_new_ids() {
    let dir = Scratch::new("claimall");
    let mut store = open(&dir);
    let at = t(2026, 3, 5, 8, 0);
    assert!(
        store
            .claim_delivery(
                "day:2026-03-02:3",
                t(2026, 3, 4, 9, 0),
                at,
                DeliveryHow::Notification
            )
            .unwrap()
    );
    let items = vec![
        ("day:2026-03-02:4".to_string(), t(2026, 3, 5, 9, 0)),
        ("day:2026-03-02:3".to_string(), t(2026, 3, 4, 9, 0)),
        ("day:2026-03-02:2".to_string(), t(2026, 3, 3, 9, 0)),
        ("day:2026-03-02:4".to_string(), t(2026, 3, 5, 9, 0)),
    ];
    let claimed = store.claim_all(&items, at, DeliveryHow::Summary).unwrap();
    assert_eq!(
        claimed,
        vec![
            "day:2026-03-02:4".to_string(),
            "day:2026-03-02:2".to_string()
        ]
    );
    assert_eq!(
        store.claim_all(&items, at, DeliveryHow::Summary).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(
        store.claim_all(&[], at, DeliveryHow::Summary).unwrap(),
        Vec::<String>::new()
    );

    let log = store.delivery_log().unwrap();
    let summary: Vec<(&str, DeliveryHow)> = log.iter().map(|e| (e.id.as_str(), e.how)).collect();
    assert_eq!(
        summary,
        vec![
            ("day:2026-03-02:2", DeliveryHow::Summary),
            ("day:2026-03-02:3", DeliveryHow::Notification),
            ("day:2026-03-02:4", DeliveryHow::Summary),
        ]
    );
}

#[test]
fn claim_all_is_one_transaction() {
    let dir = Scratch::new("atomic");
    drop(open(&dir));
    // A real SQLite failure in the middle of the batch: a trigger that
    // refuses one id.
    Connection::open(dir.db())
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse_boom BEFORE INSERT ON reminder_log
             WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'refused boom'); END;",
        )
        .unwrap();
    let mut store = open(&dir);
    let at = t(2026, 3, 5, 8, 0);
    let items = vec![
        ("day:2026-03-02:2".to_string(), t(2026, 3, 3, 9, 0)),
        ("boom".to_string(), t(2026, 3, 4, 9, 0)),
    ];
    let e = store
        .claim_all(&items, at, DeliveryHow::Summary)
        .unwrap_err();
    assert!(matches!(e, StoreError::Database(_)), "{e:?}");
    assert_eq!(e.to_string(), "database error: refused boom");
    // The first claim was rolled back with the second.
    assert_eq!(store.delivery_log().unwrap(), vec![]);
    assert!(store.delivered_ids().unwrap().is_empty());
    // And the store is usable afterwards.
    assert_eq!(
        store
            .claim_all(&items[..1], at, DeliveryHow::Summary)
            .unwrap(),
        vec!["day:2026-03-02:2".to_string()]
    );
}

#[test]
fn a_failure_is_kept_with_its_error_and_not_claimed_again() {
    let dir = Scratch::new("failure");
    let mut store = open(&dir);
    let due = t(2026, 3, 3, 9, 0);
    assert!(
        store
            .claim_delivery("day:2026-03-02:2", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    store
        .record_failure(
            "day:2026-03-02:2",
            "org.freedesktop.Notifications: no such service",
        )
        .unwrap();
    drop(store);

    let mut store = open(&dir);
    assert_eq!(
        store.delivery_log().unwrap(),
        vec![LogEntry {
            id: "day:2026-03-02:2".to_string(),
            due,
            delivered_at: due,
            how: DeliveryHow::Failed,
            error: Some("org.freedesktop.Notifications: no such service".to_string()),
        }]
    );
    assert!(store.delivered_ids().unwrap().contains("day:2026-03-02:2"));
    assert!(
        !store
            .claim_delivery("day:2026-03-02:2", due, due, DeliveryHow::Notification)
            .unwrap()
    );

    let e = store
        .record_failure("day:2026-03-02:9", "boom")
        .unwrap_err();
    assert!(matches!(e, StoreError::NotClaimed { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "reminder day:2026-03-02:9 is not in the delivery log"
    );
}

#[test]
fn the_log_is_in_due_order_and_stored_as_utc_text() {
    let dir = Scratch::new("order");
    let mut store = open(&dir);
    let at = t(2026, 4, 1, 12, 0);
    for (id, due) in [
        ("touch-up:2026-03-16:1", t(2027, 3, 16, 9, 0)),
        ("day:2026-03-02:1", t(2026, 3, 2, 9, 0)),
        ("prep:2026-03-16:7", t(2026, 3, 9, 9, 0)),
    ] {
        assert!(
            store
                .claim_delivery(id, due, at, DeliveryHow::Missed)
                .unwrap()
        );
    }
    let ids: Vec<String> = store
        .delivery_log()
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(
        ids,
        vec![
            "day:2026-03-02:1",
            "prep:2026-03-16:7",
            "touch-up:2026-03-16:1"
        ]
    );

    let (due, delivered_at, how): (String, String, String) = Connection::open(dir.db())
        .unwrap()
        .query_row(
            "SELECT due, delivered_at, how FROM reminder_log WHERE id = 'day:2026-03-02:1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (due.as_str(), delivered_at.as_str(), how.as_str()),
        ("2026-03-02T09:00:00Z", "2026-04-01T12:00:00Z", "missed")
    );
}

// ---- damaged, old and newer files ----------------------------------------

/// The single `*.damaged-*` name in the folder, checked against the
/// promised pattern `smp-aftercare.sqlite3.damaged-YYYYMMDDTHHMMSSZ`.
fn assert_aside_name(moved_to: &Path, dir: &Scratch) {
    assert_eq!(moved_to.parent(), Some(dir.0.as_path()));
    let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
    let stamp = name
        .strip_prefix("smp-aftercare.sqlite3.damaged-")
        .unwrap_or_else(|| panic!("{name}"));
    assert!(
        chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ").is_ok(),
        "{name}"
    );
}

#[test]
fn a_garbage_file_is_moved_aside_intact_and_a_fresh_store_opens() {
    let dir = Scratch::new("garbage");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(dir.db(), &garbage).unwrap();
    std::fs::write(dir.0.join(format!("{DB_FILE}-wal")), b"stale wal").unwrap();

    let Opened {
        mut store,
        recovered,
    } = Store::open(&dir.0).unwrap();
    let recovered = recovered.expect("the garbage file is reported");
    assert_eq!(recovered.reason, "the file is not a SQLite database");
    assert_aside_name(&recovered.moved_to, &dir);
    assert_bytes(&recovered.moved_to, &garbage);
    let wal = PathBuf::from(format!("{}-wal", recovered.moved_to.display()));
    assert_bytes(&wal, b"stale wal");

    // The fresh store works and is a real file at the usual place.
    assert_eq!(store.sessions().unwrap(), vec![]);
    store.insert_session(d(2026, 3, 2)).unwrap();
    drop(store);
    let store = open(&dir);
    assert_eq!(store.sessions().unwrap().len(), 1);

    // What the UI receives.
    let json = serde_json::to_value(&recovered).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "moved_to": recovered.moved_to.to_string_lossy(),
            "reason": "the file is not a SQLite database",
        })
    );
}

#[test]
fn a_short_garbage_file_is_moved_aside_too() {
    let dir = Scratch::new("short");
    std::fs::write(dir.db(), b"hello").unwrap();
    let Opened { recovered, .. } = Store::open(&dir.0).unwrap();
    let recovered = recovered.unwrap();
    assert_bytes(&recovered.moved_to, b"hello");
}

#[test]
fn a_file_with_damaged_pages_is_moved_aside_intact() {
    let dir = Scratch::new("pages");
    {
        let mut store = open(&dir);
        for day in 1..=28 {
            store.insert_session(d(2026, 2, day)).unwrap();
        }
        let items: Vec<(String, DateTime<Utc>)> = (0..500)
            .map(|i| {
                (
                    format!("day:2026-02-01:{i}-{}", "x".repeat(60)),
                    t(2026, 2, 1, 9, 0),
                )
            })
            .collect();
        store
            .claim_all(&items, t(2026, 2, 1, 9, 0), DeliveryHow::Missed)
            .unwrap();
    }
    // Keep SQLite's header (first 100 bytes of page 1) and overwrite
    // every page after the first with noise.
    let mut bytes = std::fs::read(dir.db()).unwrap();
    assert!(bytes.len() > 8192, "the file has several pages");
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for (i, b) in bytes.iter_mut().enumerate().skip(page) {
        *b = (i % 251) as u8;
    }
    std::fs::write(dir.db(), &bytes).unwrap();

    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    let recovered = recovered.expect("the damaged file is reported");
    assert!(
        recovered
            .reason
            .starts_with("the file failed SQLite's integrity check: ")
            || recovered.reason.starts_with("the file is damaged: "),
        "{}",
        recovered.reason
    );
    assert_bytes(&recovered.moved_to, &bytes);
    assert_eq!(store.sessions().unwrap(), vec![]);
}

#[test]
fn a_write_ahead_log_without_its_file_is_kept() {
    let dir = Scratch::new("orphanwal");
    let wal = dir.0.join(format!("{DB_FILE}-wal"));
    std::fs::write(&wal, b"the only copy of recent writes").unwrap();
    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    let recovered = recovered.unwrap();
    assert_eq!(
        recovered.reason,
        "the database file is missing or empty, but its write-ahead log holds data"
    );
    assert!(
        recovered.moved_to.to_string_lossy().ends_with("-wal"),
        "{recovered:?}"
    );
    assert_bytes(&recovered.moved_to, b"the only copy of recent writes");
    assert_eq!(store.sessions().unwrap(), vec![]);
}

#[test]
fn another_programs_database_is_moved_aside() {
    let dir = Scratch::new("foreign");
    Connection::open(dir.db())
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT);")
        .unwrap();
    let before = std::fs::read(dir.db()).unwrap();
    let Opened { recovered, .. } = Store::open(&dir.0).unwrap();
    let recovered = recovered.unwrap();
    assert_eq!(
        recovered.reason,
        "the file holds tables SMP Aftercare did not create"
    );
    assert_bytes(&recovered.moved_to, &before);
}

/// The schema exactly as the first app (schema version 1) created it,
/// written here by hand so that later edits to the migrations cannot change
/// what this test starts from.
const VERSION_1_SCHEMA: &str = "
CREATE TABLE sessions (
    id   INTEGER PRIMARY KEY,
    date TEXT NOT NULL UNIQUE
);
CREATE TABLE plan (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    planned  INTEGER CHECK (planned IS NULL OR planned >= 0),
    protocol TEXT
);
CREATE TABLE settings (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);
CREATE TABLE reminder_log (
    id           TEXT PRIMARY KEY,
    due          TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    how          TEXT NOT NULL,
    error        TEXT
);
PRAGMA user_version = 1;
";

#[test]
fn a_version_1_file_is_upgraded_with_its_data() {
    let dir = Scratch::new("v1");
    {
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        conn.execute_batch(
            r#"
            INSERT INTO sessions (id, date) VALUES (4, '2026-03-16'), (9, '2026-03-02');
            INSERT INTO plan (id, planned, protocol)
                VALUES (1, 3, '{"kind":"builtin","id":"four-day-dry"}');
            INSERT INTO settings (id, json) VALUES (1, '{"reminder_time":"08:15"}');
            INSERT INTO reminder_log (id, due, delivered_at, how, error) VALUES
                ('day:2026-03-02:2', '2026-03-03T09:00:00Z', '2026-03-03T09:00:01Z', 'notification', NULL),
                ('day:2026-03-02:1', '2026-03-02T09:00:00Z', '2026-03-03T09:00:01Z', 'failed', 'no server');
            "#,
        )
        .unwrap();
    }
    assert_eq!(user_version(&dir.db()), 1);

    let mut store = open(&dir);
    assert_eq!(
        store.sessions().unwrap(),
        vec![
            SessionRow {
                id: 9,
                date: d(2026, 3, 2)
            },
            SessionRow {
                id: 4,
                date: d(2026, 3, 16)
            }
        ]
    );
    assert_eq!(store.planned().unwrap(), Some(3));
    assert_eq!(
        store.protocol_choice().unwrap(),
        ProtocolChoice::Builtin {
            id: "four-day-dry".to_string()
        }
    );
    assert_eq!(store.settings().unwrap().reminder_time, hm(8, 15));
    let log = store.delivery_log().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].id, "day:2026-03-02:1");
    assert_eq!(log[0].error.as_deref(), Some("no server"));
    assert!(
        !store
            .claim_delivery(
                "day:2026-03-02:2",
                t(2026, 3, 3, 9, 0),
                t(2026, 3, 4, 0, 0),
                DeliveryHow::Notification
            )
            .unwrap()
    );
    drop(store);

    // Upgraded, with what version 2 added.
    assert_eq!(user_version(&dir.db()), i64::from(SCHEMA_VERSION));
    assert_eq!(SCHEMA_VERSION, 6);
    let index: String = Connection::open(dir.db())
        .unwrap()
        .query_row(
            "SELECT tbl_name FROM sqlite_schema WHERE type = 'index' AND name = 'reminder_log_due'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(index, "reminder_log");
    // Nothing was moved aside.
    assert!(
        dir.listing().iter().all(|n| !n.contains("damaged")),
        "{:?}",
        dir.listing()
    );
}

#[test]
fn a_file_that_cannot_be_upgraded_is_moved_aside() {
    let dir = Scratch::new("noupgrade");
    {
        // Says version 1, but its delivery log is gone: version 2 cannot
        // index it.
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        conn.execute_batch("DROP TABLE reminder_log;").unwrap();
    }
    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    let recovered = recovered.expect("the file is reported");
    assert_eq!(
        recovered.reason,
        format!(
            "the file could not be upgraded to schema version {SCHEMA_VERSION}: no such table: main.reminder_log"
        )
    );
    assert_aside_name(&recovered.moved_to, &dir);
    assert_eq!(
        user_version(&recovered.moved_to),
        1,
        "the failed upgrade was rolled back"
    );
    assert_eq!(store.sessions().unwrap(), vec![]);
}

#[test]
fn a_file_from_a_newer_app_is_moved_aside_untouched() {
    let dir = Scratch::new("newer");
    {
        // As a newer app would leave it: WAL mode, with its last writes
        // still in the -wal file (it was not checkpointed on close).
        let conn = Connection::open(dir.db()).unwrap();
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .unwrap();
        conn.pragma_update(None, "journal_mode", "wal").unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        conn.execute_batch(
            "CREATE TABLE future (x TEXT);
             INSERT INTO sessions (date) VALUES ('2026-03-02');
             PRAGMA user_version = 7;",
        )
        .unwrap();
    }
    let wal_path = PathBuf::from(format!("{}-wal", dir.db().display()));
    let main_before = std::fs::read(dir.db()).unwrap();
    let wal_before = std::fs::read(&wal_path).unwrap();
    assert!(
        !wal_before.is_empty(),
        "the newer app's writes are in its -wal"
    );

    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    let recovered = recovered.expect("the newer file is reported");
    assert_eq!(
        recovered.reason,
        format!(
            "the file was written by a newer version of SMP Aftercare (schema version 7; this \
             version knows up to {SCHEMA_VERSION})"
        )
    );
    assert_aside_name(&recovered.moved_to, &dir);
    assert_bytes(&recovered.moved_to, &main_before);
    let moved_wal = PathBuf::from(format!("{}-wal", recovered.moved_to.display()));
    assert_bytes(&moved_wal, &wal_before);
    assert_eq!(store.sessions().unwrap(), vec![]);
    drop(store);

    // The moved file still holds the newer app's data.
    let moved = Connection::open(&recovered.moved_to).unwrap();
    let v: i64 = moved
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 7);
    let n: i64 = moved
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_second_recovery_in_the_same_second_keeps_the_first_copy() {
    let dir = Scratch::new("twice");
    std::fs::write(dir.db(), b"first garbage, long enough to matter").unwrap();
    let first = Store::open(&dir.0).unwrap().recovered.unwrap();
    std::fs::write(dir.db(), b"second garbage, long enough to matter").unwrap();
    let second = Store::open(&dir.0).unwrap().recovered.unwrap();
    assert_ne!(first.moved_to, second.moved_to);
    assert_bytes(&first.moved_to, b"first garbage, long enough to matter");
    assert_bytes(&second.moved_to, b"second garbage, long enough to matter");
}

/// A file opened read-only is never written: its plan reads, each change is
/// refused by name, and reminders claimed meanwhile are remembered in
/// memory (no reminder twice while the app runs) without touching the file.
#[test]
fn a_read_only_store_reads_the_plan_refuses_changes_and_claims_in_memory() {
    let dir = Scratch::new("read-only");
    {
        let mut store = open(&dir);
        store.insert_session(d(2026, 3, 2)).unwrap();
        let due = t(2026, 3, 7, 9, 0);
        assert!(
            store
                .claim_delivery("day:2026-03-02:6", due, due, DeliveryHow::Notification)
                .unwrap()
        );
    }
    let before = std::fs::read(dir.db()).unwrap();
    let mut store = Store::open_read_only(&dir.0).unwrap();
    assert_eq!(store.sessions().unwrap()[0].date, d(2026, 3, 2));
    let refused = format!(
        "SMP Aftercare can only read your plan, so this change was not saved: it cannot write to {} (opened for reading only). Free some disk space or make the folder writable, then restart the app",
        dir.0.display()
    );
    let err = store.insert_session(d(2026, 3, 12)).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert_eq!(err.to_string(), refused);
    assert_eq!(
        store
            .save_settings(&Settings::default())
            .unwrap_err()
            .to_string(),
        refused
    );

    let due = t(2026, 3, 11, 9, 0);
    assert!(
        !store
            .claim_delivery("day:2026-03-02:6", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    assert!(
        store
            .claim_delivery("day:2026-03-02:10", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    assert!(
        !store
            .claim_delivery("day:2026-03-02:10", due, due, DeliveryHow::Notification)
            .unwrap()
    );
    assert_eq!(store.delivery_log().unwrap().len(), 2);
    drop(store);
    assert_bytes(&dir.db(), &before);
    assert_eq!(
        Store::open_read_only(&dir.0)
            .unwrap()
            .delivery_log()
            .unwrap()
            .len(),
        1,
        "claims made read-only are not in the file"
    );
}

/// A file at another schema version can't be read without a migration,
/// which writes: read-only opening refuses it by name.
#[test]
fn a_read_only_open_needs_the_current_schema_version() {
    let dir = Scratch::new("read-only-version");
    drop(open(&dir));
    Connection::open(dir.db())
        .unwrap()
        .pragma_update(None, "user_version", 1)
        .unwrap();
    let err = Store::open_read_only(&dir.0).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "could not open the database {}: the file is at schema version 1, and this app needs {SCHEMA_VERSION}",
            dir.db().display()
        )
    );
}

/// A value that no longer reads is copied whole into `recovered` before a
/// change can replace it, once however many changes follow; readable
/// values are never copied.
#[test]
fn an_unreadable_value_is_kept_before_a_change_replaces_it() {
    let dir = Scratch::new("kept");
    let mut store = open(&dir);
    store.save_settings(&Settings::default()).unwrap();
    store.set_planned(Some(3)).unwrap();
    assert_eq!(store.kept_values().unwrap(), []);
    let raw = Connection::open(dir.db()).unwrap();
    raw.execute(
        "UPDATE settings SET json = '{\"reminder_time\": \"25:00\"'",
        [],
    )
    .unwrap();
    raw.execute(
        r#"UPDATE plan SET protocol = '{"kind": "builtin", "id": "from-the-future"}'"#,
        [],
    )
    .unwrap();
    store.set_planned(Some(4)).unwrap();
    store.set_planned(Some(3)).unwrap();
    store.save_settings(&Settings::default()).unwrap();
    store
        .set_protocol_choice(&ProtocolChoice::default())
        .unwrap();
    let kept: Vec<(String, String)> = store
        .kept_values()
        .unwrap()
        .into_iter()
        .map(|k| (k.field, k.stored))
        .collect();
    assert_eq!(
        kept,
        [
            (
                "protocol".to_string(),
                r#"{"kind": "builtin", "id": "from-the-future"}"#.to_string()
            ),
            (
                "settings".to_string(),
                "{\"reminder_time\": \"25:00\"".to_string()
            ),
        ]
    );
}

/// An imported clinic plan as the app before schema version 4 kept it: only
/// in the plan row's JSON.
const CLINIC_TOML: &str = "format = 1\nid = \"my-clinic\"\nname = \"My clinic\"\nsummary = \"S\"\n\
                           [sessions]\nusual = 2\nmin = 1\nmax = 3\n";

/// A file of schema version `version` (1 to 3: the tables are the same
/// as far as the plan goes) following an imported protocol, built by raw SQL.
fn old_file_following_an_import(dir: &Scratch, version: u32) {
    let conn = Connection::open(dir.db()).unwrap();
    conn.execute_batch(VERSION_1_SCHEMA).unwrap();
    if version >= 2 {
        conn.execute_batch("CREATE INDEX reminder_log_due ON reminder_log (due);")
            .unwrap();
    }
    let choice = serde_json::json!({
        "kind": "imported",
        "source_name": "clinic.toml",
        "text": CLINIC_TOML,
    });
    conn.execute(
        "INSERT INTO plan (id, planned, protocol) VALUES (1, 2, ?1)",
        [choice.to_string()],
    )
    .unwrap();
    conn.execute("INSERT INTO sessions (date) VALUES ('2026-03-02')", [])
        .unwrap();
    conn.pragma_update(None, "user_version", version).unwrap();
}

#[test]
fn an_imported_plan_from_before_version_4_is_kept_whole() {
    for version in [1, 2] {
        let dir = Scratch::new(&format!("v{version}-imported"));
        old_file_following_an_import(&dir, version);
        let store = open(&dir);
        let kept = store.protocols_kept().unwrap().1;
        assert_eq!(kept.len(), 1, "from version {version}");
        assert_eq!(kept[0].source_name, "clinic.toml");
        assert_eq!(kept[0].text, CLINIC_TOML, "byte for byte");
        // Still followed, sessions and planned count untouched.
        assert_eq!(
            store.protocol_choice().unwrap(),
            ProtocolChoice::Imported {
                source_name: "clinic.toml".into(),
                text: CLINIC_TOML.into()
            }
        );
        assert_eq!(store.sessions().unwrap()[0].date, d(2026, 3, 2));
        assert_eq!(store.planned().unwrap(), Some(2));
        drop(store);
        assert_eq!(user_version(&dir.db()), i64::from(SCHEMA_VERSION));
    }
}

#[test]
fn a_damaged_plan_row_does_not_stop_the_upgrade() {
    let dir = Scratch::new("v1-damaged-plan");
    {
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        conn.execute(
            "INSERT INTO plan (id, protocol) VALUES (1, '{\"kind\":\"imported\",')",
            [],
        )
        .unwrap();
    }
    let Opened { store, recovered } = Store::open(&dir.0).unwrap();
    assert!(recovered.is_none(), "{recovered:?}");
    assert_eq!(store.protocols_kept().unwrap().1, vec![]);
    // The damaged choice is reported as before, not lost in the upgrade.
    assert_eq!(store.snapshot().unwrap().values_reset.len(), 1);
}

#[test]
fn imported_protocols_are_kept_once_each_and_outlive_another_choice() {
    let dir = Scratch::new("imported-kept");
    let mut store = open(&dir);
    let other = CLINIC_TOML.replace("my-clinic", "other-clinic");
    let change = store.change().unwrap();
    let first = change.keep_imported("clinic.toml", CLINIC_TOML).unwrap();
    let second = change.keep_imported("other.toml", &other).unwrap();
    // The same file again finds its row, under the name it came with now.
    assert_eq!(
        change
            .keep_imported("clinic (1).toml", CLINIC_TOML)
            .unwrap(),
        first
    );
    assert_ne!(first, second);
    assert_eq!(change.imported(second).unwrap().text, other);
    assert_eq!(
        change.imported(99).unwrap_err().to_string(),
        "no imported protocol with id 99"
    );
    change.commit().unwrap();
    store
        .set_protocol_choice(&ProtocolChoice::Builtin {
            id: "four-day-dry".into(),
        })
        .unwrap();
    drop(store);

    // Across a restart, after choosing a built-in plan: both still there.
    let store = open(&dir);
    let (choice, kept, _) = store.protocols_kept().unwrap();
    assert_eq!(
        choice,
        ProtocolChoice::Builtin {
            id: "four-day-dry".into()
        }
    );
    let kept: Vec<(i64, String)> = kept.into_iter().map(|r| (r.id, r.source_name)).collect();
    assert_eq!(
        kept,
        [
            (first, "clinic (1).toml".to_string()),
            (second, "other.toml".to_string())
        ]
    );
}

// ---------------------------------------------------------------- care ticks

#[test]
fn care_ticks_count_up_to_the_limit_and_survive_a_restart() {
    let dir = Scratch::new("ticks");
    let day = d(2026, 3, 7);
    {
        let mut store = open(&dir);
        assert_eq!(
            store
                .tick_care(day, "moisturise", t(2026, 3, 7, 8, 0), 3)
                .unwrap(),
            1
        );
        assert_eq!(
            store
                .tick_care(day, "moisturise", t(2026, 3, 7, 13, 0), 3)
                .unwrap(),
            2
        );
        assert_eq!(
            store
                .tick_care(day, "sun_cream", t(2026, 3, 7, 12, 0), 12)
                .unwrap(),
            1
        );
        // Another day counts on its own.
        assert_eq!(
            store
                .tick_care(d(2026, 3, 8), "moisturise", t(2026, 3, 8, 8, 0), 3)
                .unwrap(),
            1
        );
        assert_eq!(
            store
                .tick_care(day, "moisturise", t(2026, 3, 7, 19, 0), 3)
                .unwrap(),
            3
        );
        let e = store
            .tick_care(day, "moisturise", t(2026, 3, 7, 20, 0), 3)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "moisturise already has 3 ticks on 2026-03-07"
        );
    }
    let mut store = open(&dir);
    assert_eq!(
        store
            .care_counts(day)
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>(),
        [("moisturise".to_string(), 3), ("sun_cream".to_string(), 1)]
    );
    // Untick takes back the latest tick; with none left it is a no-op.
    assert_eq!(store.untick_care(day, "moisturise").unwrap(), 2);
    let ticks = store.care_ticks(day, day).unwrap();
    let times: Vec<(String, DateTime<Utc>)> =
        ticks.into_iter().map(|t| (t.care_id, t.at)).collect();
    assert_eq!(
        times,
        [
            ("moisturise".to_string(), t(2026, 3, 7, 8, 0)),
            ("moisturise".to_string(), t(2026, 3, 7, 13, 0)),
            ("sun_cream".to_string(), t(2026, 3, 7, 12, 0)),
        ]
    );
    assert_eq!(store.untick_care(day, "sun_cream").unwrap(), 0);
    assert_eq!(store.untick_care(day, "sun_cream").unwrap(), 0);
    assert_eq!(store.untick_care(day, "never_ticked").unwrap(), 0);
    // A range covers both days, in date order.
    let range: Vec<NaiveDate> = store
        .care_ticks(day, d(2026, 3, 8))
        .unwrap()
        .into_iter()
        .map(|t| t.date)
        .collect();
    assert_eq!(range, [day, day, d(2026, 3, 8)]);
    assert!(
        store
            .care_ticks(d(2026, 3, 9), d(2026, 3, 31))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_unreadable_tick_is_left_out_not_fatal() {
    let dir = Scratch::new("ticks-bad");
    drop(open(&dir));
    {
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(
            "INSERT INTO care_ticks (date, care_id, at) VALUES
                 ('2026-03-07', 'moisturise', 'noon'),
                 ('2026-03-07', 'moisturise', '2026-03-07T08:00:00Z');",
        )
        .unwrap();
    }
    let store = open(&dir);
    let ticks = store.care_ticks(d(2026, 3, 7), d(2026, 3, 7)).unwrap();
    assert_eq!(ticks.len(), 1);
    assert_eq!(ticks[0].at, t(2026, 3, 7, 8, 0));
}

#[test]
fn a_version_2_file_gets_the_care_ticks_table() {
    let dir = Scratch::new("v2-ticks");
    {
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        conn.execute_batch(
            "CREATE INDEX reminder_log_due ON reminder_log (due);
             INSERT INTO sessions (id, date) VALUES (1, '2026-03-02');
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let mut store = open(&dir);
    assert_eq!(user_version(&dir.db()), i64::from(SCHEMA_VERSION));
    assert_eq!(store.sessions().unwrap().len(), 1);
    assert_eq!(
        store
            .tick_care(d(2026, 3, 7), "moisturise", t(2026, 3, 7, 8, 0), 3)
            .unwrap(),
        1
    );
}

/// A photo row with a made-up hash built from `n` (64 hex digits).
fn photo(n: u8, width: u32, height: u32) -> PhotoRow {
    PhotoRow {
        hash: format!("{n:02x}").repeat(32),
        width,
        height,
    }
}

fn sore() -> Symptoms {
    Symptoms {
        redness: Level::Moderate,
        soreness: Level::Mild,
        ..Symptoms::default()
    }
}

/// A check-in saved is read back whole, survives a restart, and is listed
/// oldest first; a day without one reads as none.
#[test]
fn a_check_in_is_saved_with_its_photos_and_read_back_after_a_restart() {
    let dir = Scratch::new("check-in");
    let at = t(2026, 3, 7, 20, 15);
    {
        let mut store = open(&dir);
        let saved = store
            .check_in_save(
                d(2026, 3, 7),
                &sore(),
                "A bit tight after the shower",
                &[photo(1, 4000, 3000), photo(2, 3000, 4000)],
                at,
            )
            .unwrap();
        assert_eq!(
            saved,
            CheckInRow {
                date: d(2026, 3, 7),
                symptoms: sore(),
                note: "A bit tight after the shower".into(),
                photos: vec![photo(1, 4000, 3000), photo(2, 3000, 4000)],
                created_at: at,
                updated_at: at,
            }
        );
        store
            .check_in_save(d(2026, 3, 5), &Symptoms::default(), "", &[], at)
            .unwrap();
    }
    let store = open(&dir);
    let day = store.check_in(d(2026, 3, 7)).unwrap().unwrap();
    assert_eq!(day.photos, [photo(1, 4000, 3000), photo(2, 3000, 4000)]);
    assert_eq!(day.symptoms.redness, Level::Moderate);
    assert_eq!(store.check_in(d(2026, 3, 6)).unwrap(), None);
    let dates: Vec<NaiveDate> = store.check_ins().unwrap().iter().map(|c| c.date).collect();
    assert_eq!(dates, [d(2026, 3, 5), d(2026, 3, 7)]);
    assert_eq!(
        store.photo_hashes_in_use().unwrap(),
        [photo(1, 1, 1).hash, photo(2, 1, 1).hash].into()
    );
}

/// An edit replaces the day's levels, note and photos whole (one row per
/// day, never two) and keeps when it was first saved.
#[test]
fn saving_a_day_again_replaces_it_and_keeps_its_creation_time() {
    let dir = Scratch::new("check-in-edit");
    let mut store = open(&dir);
    let first = t(2026, 3, 7, 8, 0);
    let later = t(2026, 3, 8, 9, 30);
    store
        .check_in_save(
            d(2026, 3, 7),
            &sore(),
            "morning",
            &[photo(1, 10, 10)],
            first,
        )
        .unwrap();
    let edited = store
        .check_in_save(
            d(2026, 3, 7),
            &Symptoms::default(),
            "better by the evening",
            &[photo(3, 20, 10)],
            later,
        )
        .unwrap();
    assert_eq!(edited.created_at, first);
    assert_eq!(edited.updated_at, later);
    assert_eq!(edited.symptoms, Symptoms::default());
    assert_eq!(edited.note, "better by the evening");
    assert_eq!(edited.photos, [photo(3, 20, 10)]);
    assert_eq!(store.check_ins().unwrap(), [edited]);
    assert_eq!(
        store.photo_hashes_in_use().unwrap(),
        [photo(3, 1, 1).hash].into()
    );
}

/// Deleting a day returns the photos no other day holds (their files are
/// then the caller's to remove); a photo two days share survives the first
/// delete and is returned by the second. A day without a check-in deletes
/// nothing.
#[test]
fn deleting_a_check_in_returns_only_the_photos_no_other_day_holds() {
    let dir = Scratch::new("check-in-delete");
    let mut store = open(&dir);
    let at = t(2026, 3, 8, 9, 0);
    let shared = photo(7, 100, 80);
    store
        .check_in_save(
            d(2026, 3, 7),
            &sore(),
            "",
            &[photo(1, 10, 10), shared.clone()],
            at,
        )
        .unwrap();
    store
        .check_in_save(
            d(2026, 3, 8),
            &sore(),
            "",
            std::slice::from_ref(&shared),
            at,
        )
        .unwrap();

    assert_eq!(
        store.check_in_delete(d(2026, 3, 7)).unwrap(),
        [photo(1, 1, 1).hash]
    );
    assert_eq!(store.check_in(d(2026, 3, 7)).unwrap(), None);
    assert_eq!(
        store.photo_hashes_in_use().unwrap(),
        [shared.hash.clone()].into()
    );
    assert_eq!(store.check_in_delete(d(2026, 3, 8)).unwrap(), [shared.hash]);
    assert_eq!(
        store.check_in_delete(d(2026, 3, 8)).unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(store.check_ins().unwrap(), []);
    let rows: i64 = Connection::open(dir.db())
        .unwrap()
        .query_row("SELECT count(*) FROM check_in_photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0, "no photo row outlives its check-in");
}

/// A check-in row that no longer reads (a hand edit of its date or times)
/// is left out of the journal, not a reason to fail it; SQL itself refuses
/// a level the app could not read.
#[test]
fn an_unreadable_check_in_is_left_out_and_a_bad_level_is_refused_by_sql() {
    let dir = Scratch::new("check-in-bad");
    {
        let mut store = open(&dir);
        store
            .check_in_save(d(2026, 3, 7), &sore(), "fine", &[], t(2026, 3, 7, 9, 0))
            .unwrap();
    }
    let conn = Connection::open(dir.db()).unwrap();
    conn.execute_batch(
        "INSERT INTO check_ins VALUES
             ('2026-02-30', 'none', 'none', 'none', 'none', 'none', 'none', '', 'x', 'x'),
             ('2026-03-06', 'none', 'none', 'none', 'none', 'none', 'none', '', 'noon', 'noon');",
    )
    .unwrap();
    let bad_level = conn
        .execute(
            "INSERT INTO check_ins VALUES
                 ('2026-03-05', 'awful', 'none', 'none', 'none', 'none', 'none', '', 'x', 'x')",
            [],
        )
        .unwrap_err();
    assert!(
        bad_level.to_string().contains("CHECK constraint failed"),
        "{bad_level}"
    );
    drop(conn);
    let store = open(&dir);
    let days: Vec<NaiveDate> = store.check_ins().unwrap().iter().map(|c| c.date).collect();
    assert_eq!(days, [d(2026, 3, 7)]);
    assert_eq!(store.check_in(d(2026, 3, 6)).unwrap(), None);
}

/// A store opened read-only refuses a check-in's save and delete with the
/// message every change gets, and leaves the file as it was.
#[test]
fn a_read_only_store_refuses_check_ins_and_care_ticks() {
    let dir = Scratch::new("check-in-read-only");
    {
        let mut store = open(&dir);
        store
            .check_in_save(
                d(2026, 3, 7),
                &sore(),
                "",
                &[photo(1, 5, 5)],
                t(2026, 3, 7, 9, 0),
            )
            .unwrap();
    }
    let before = std::fs::read(dir.db()).unwrap();
    let mut store = Store::open_read_only(&dir.0).unwrap();
    let refused = format!(
        "SMP Aftercare can only read your plan, so this change was not saved: it cannot write to {} (opened for reading only). Free some disk space or make the folder writable, then restart the app",
        dir.0.display()
    );
    let err = store
        .check_in_save(d(2026, 3, 8), &sore(), "", &[], t(2026, 3, 8, 9, 0))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert_eq!(err.to_string(), refused);
    assert_eq!(
        store
            .check_in_delete(d(2026, 3, 7))
            .unwrap_err()
            .to_string(),
        refused
    );
    assert_eq!(store.check_ins().unwrap().len(), 1);
    // Care ticks say the same, not SQLite's "readonly database".
    assert_eq!(
        store
            .tick_care(d(2026, 3, 8), "moisturise", t(2026, 3, 8, 9, 0), 3)
            .unwrap_err()
            .to_string(),
        refused
    );
    assert_eq!(
        store
            .untick_care(d(2026, 3, 8), "moisturise")
            .unwrap_err()
            .to_string(),
        refused
    );
    drop(store);
    assert_bytes(&dir.db(), &before);
}

/// A file as the previous app (schema version 5) left it, with a plan and
/// care ticks in it, is upgraded: its data reads as before and check-ins
/// can be saved.
#[test]
fn a_version_5_file_is_upgraded_to_the_journal_with_its_data() {
    let dir = Scratch::new("v5-journal");
    {
        let conn = Connection::open(dir.db()).unwrap();
        conn.execute_batch(VERSION_1_SCHEMA).unwrap();
        // Versions 2 to 5 exactly as they shipped.
        conn.execute_batch(
            "CREATE INDEX reminder_log_due ON reminder_log (due);
             CREATE TABLE recovered (
                 id         INTEGER PRIMARY KEY,
                 field      TEXT NOT NULL,
                 session_id INTEGER,
                 stored     TEXT NOT NULL,
                 found_at   TEXT NOT NULL
             );
             CREATE UNIQUE INDEX recovered_once ON recovered (field, ifnull(session_id, 0), stored);
             CREATE TABLE imported_protocols (
                 id          INTEGER PRIMARY KEY,
                 source_name TEXT NOT NULL,
                 text        TEXT NOT NULL UNIQUE
             );
             CREATE TABLE care_ticks (
                 id      INTEGER PRIMARY KEY,
                 date    TEXT NOT NULL,
                 care_id TEXT NOT NULL,
                 at      TEXT NOT NULL
             );
             CREATE INDEX care_ticks_date ON care_ticks (date, care_id);
             INSERT INTO sessions (id, date) VALUES (1, '2026-03-02');
             INSERT INTO plan (id, planned, protocol) VALUES (1, 2, NULL);
             INSERT INTO care_ticks (date, care_id, at)
                 VALUES ('2026-03-07', 'moisturise', '2026-03-07T08:00:00Z');
             PRAGMA user_version = 5;",
        )
        .unwrap();
    }
    let mut store = open(&dir);
    assert_eq!(user_version(&dir.db()), i64::from(SCHEMA_VERSION));
    assert_eq!(store.sessions().unwrap()[0].date, d(2026, 3, 2));
    assert_eq!(store.planned().unwrap(), Some(2));
    assert_eq!(
        store
            .care_ticks(d(2026, 3, 7), d(2026, 3, 7))
            .unwrap()
            .len(),
        1
    );
    assert_eq!(store.check_ins().unwrap(), []);
    store
        .check_in_save(
            d(2026, 3, 7),
            &sore(),
            "first one",
            &[photo(1, 9, 9)],
            t(2026, 3, 7, 9, 0),
        )
        .unwrap();
    assert_eq!(
        store.check_in(d(2026, 3, 7)).unwrap().unwrap().note,
        "first one"
    );
}
