//! The store's schema, as an append-only list of migrations.
//!
//! SQLite's `user_version` holds how many of these steps a file has had
//! (`rusqlite_migration` reads and writes it). A file at version N gets steps
//! N+1.. applied in one transaction when it is opened, so an upgrade either
//! happens completely or not at all.
//!
//! Rules for whoever adds a step:
//!
//! - Never edit or reorder a step that has shipped: files in the field were
//!   made by it. Add a new step at the end instead.
//! - A step must work on every file an older app could have left, with data
//!   in it. `tests/store.rs` builds a version-1 file by raw SQL, as the first
//!   app left it, and opens it with the current code.
//! - A file whose version is higher than [`SCHEMA_VERSION`] was written by a
//!   newer app; it is moved aside untouched rather than guessed at (see
//!   `open.rs`).
//!
//! Value formats, fixed so that text order is time order and the file reads
//! the same in any SQLite tool:
//!
//! - dates are ISO `YYYY-MM-DD` (the client's calendar date, no zone);
//! - instants are RFC 3339 in UTC with whole seconds, `YYYY-MM-DDTHH:MM:SSZ`
//!   (fixed width, so `ORDER BY due` is chronological);
//! - the protocol choice is JSON made by serde from `model::ProtocolChoice`;
//! - the settings are one JSON document (`store/settings.rs`: times as
//!   "HH:MM", the zone as `{"mode": "fixed", "zone": "Europe/London"}`)
//!   rather than columns because the client's settings grow with the app; a
//!   new setting then needs no migration, and an old document still loads
//!   because it is read key by key (a value that no longer reads is reset
//!   and reported, never silently replaced).
//!
//! `Store::snapshot` reads all but the log in one statement; its
//! `json_group_array(... ORDER BY ...)` needs SQLite 3.44 or later (the
//! bundled one is newer).

use rusqlite_migration::{M, Migrations};

/// Version 1: the first app's tables.
///
/// - `sessions`: one row per booked session. `date` is UNIQUE because two
///   sessions on one day make no sense to the engine and the UI must say so.
/// - `plan`: a single row (`id = 1`). `planned` is the number of sessions
///   the client expects, NULL for the protocol's usual count; `protocol` is
///   the `ProtocolChoice` as JSON, NULL for the default protocol.
/// - `settings`: a single row (`id = 1`) holding `Settings` as JSON; no row
///   means the defaults.
/// - `reminder_log`: one row per reminder ever claimed for delivery, keyed by
///   the engine's stable reminder id. A row is written *before* the reminder
///   is shown, so a crash or restart can never show it twice; `how` is a
///   `DeliveryHow` as text and `error` the notifier's message when it failed.
const V1: &str = "
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
";

/// Version 2: the delivery log is read in order of due time (the app lists
/// it, the scheduler looks at the latest entries), and it only grows, so it
/// gets an index on `due`.
const V2: &str = "
CREATE INDEX reminder_log_due ON reminder_log (due);
";

/// Version 3: stored values that no longer read (a hand edit, damage, a
/// newer version's value) are copied here, whole, before a change can
/// overwrite or delete them (see `keep_unreadable` in `mod.rs`): the
/// client repairs the plan in the app, and the original is still there for
/// a support person. `field` is `session`, `planned`, `protocol` or
/// `settings` (the whole document); `session_id` the session's row id;
/// `found_at` an instant. The same value is kept once.
const V3: &str = "
CREATE TABLE recovered (
    id         INTEGER PRIMARY KEY,
    field      TEXT NOT NULL,
    session_id INTEGER,
    stored     TEXT NOT NULL,
    found_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX recovered_once ON recovered (field, ifnull(session_id, 0), stored);
";

/// Version 4: every imported protocol is kept, so that choosing another plan
/// never throws a clinic's file away.
///
/// - `imported_protocols`: one row per imported file, its TOML text as the
///   engine read it (at most `MAX_PROTOCOL_BYTES`) and the file name it came
///   from. `text` is UNIQUE: importing the same file again finds its row.
///   The plan row's `protocol` still names the one followed (its JSON keeps
///   the full text, as before), so reading the plan needs no join.
///
/// Before this step the only copy of an imported protocol was the plan
/// row's JSON (`{"kind":"imported","source_name":...,"text":...}`); it is
/// copied here. `json_valid` comes first so a damaged plan row (reported
/// by `read_snapshot`, never fatal) cannot make the upgrade fail.
const V4_IMPORTED_PROTOCOLS: &str = "
CREATE TABLE imported_protocols (
    id          INTEGER PRIMARY KEY,
    source_name TEXT NOT NULL,
    text        TEXT NOT NULL UNIQUE
);
INSERT INTO imported_protocols (source_name, text)
SELECT json_extract(protocol, '$.source_name'), json_extract(protocol, '$.text')
FROM plan
WHERE id = 1
  AND CASE WHEN json_valid(protocol) THEN
        json_extract(protocol, '$.kind') = 'imported'
        AND json_type(protocol, '$.source_name') = 'text'
        AND json_type(protocol, '$.text') = 'text'
      ELSE 0 END;
";

/// Version 5: care ticked off on Today (care the clinic asks for several
/// times a day, such as moisturising 2-3 times).
///
/// - `care_ticks`: one row per tick, so an untick removes the latest one
///   and a day's ticks keep their times. `date` is the client's calendar
///   date in the plan's zone (the app's today when the tick was made, never
///   the page's); `care_id` the protocol's care id (kept as written: a
///   change of protocol leaves past ticks readable); `at` the instant of
///   the tick (UTC, the format above).
/// - The index serves both reads: a day's ticks of one item (tick, untick,
///   the scheduler's nudges) and a range of days (the timeline).
const V5: &str = "
CREATE TABLE care_ticks (
    id      INTEGER PRIMARY KEY,
    date    TEXT NOT NULL,
    care_id TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX care_ticks_date ON care_ticks (date, care_id);
";

/// Version 6: the healing journal, one check-in per day and its photos.
///
/// - `check_ins`: one row per client date (`date` is the key: one check-in
///   a day). One column per symptom holds its level as text (`none`,
///   `mild`, `moderate`, `strong`: the engine's names, readable in any
///   SQLite tool), checked by SQL so a hand edit cannot store a level the
///   app can't read. `note` is the client's text ("" when none);
///   `created_at` / `updated_at` are instants (the format above). An edit
///   replaces the row's levels and note and keeps `created_at`.
/// - `check_in_photos`: the photos of a check-in, in the order added
///   (`position` from 0), by the content hash of the file in the photo
///   folder (`crate::photos`), with its full-size pixel size. The same
///   photo may belong to two days (the same file, stored once). Rows go
///   with their check-in (`ON DELETE CASCADE`, and the store deletes them
///   explicitly in the same transaction too, so nothing depends on the
///   foreign-key pragma).
/// - The index on `hash` answers "does any check-in still hold this
///   photo?" when one is deleted, and the start-up sweep's list.
const V6_JOURNAL: &str = "
CREATE TABLE check_ins (
    date       TEXT PRIMARY KEY,
    redness    TEXT NOT NULL CHECK (redness  IN ('none', 'mild', 'moderate', 'strong')),
    itching    TEXT NOT NULL CHECK (itching  IN ('none', 'mild', 'moderate', 'strong')),
    scabs      TEXT NOT NULL CHECK (scabs    IN ('none', 'mild', 'moderate', 'strong')),
    soreness   TEXT NOT NULL CHECK (soreness IN ('none', 'mild', 'moderate', 'strong')),
    swelling   TEXT NOT NULL CHECK (swelling IN ('none', 'mild', 'moderate', 'strong')),
    sunburn    TEXT NOT NULL CHECK (sunburn  IN ('none', 'mild', 'moderate', 'strong')),
    note       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE check_in_photos (
    date     TEXT NOT NULL REFERENCES check_ins (date) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    hash     TEXT NOT NULL,
    width    INTEGER NOT NULL CHECK (width > 0),
    height   INTEGER NOT NULL CHECK (height > 0),
    PRIMARY KEY (date, position)
);
CREATE INDEX check_in_photos_hash ON check_in_photos (hash);
";

/// Every step, oldest first. Append only.
const STEPS: &[M<'static>] = &[
    M::up(V1),
    M::up(V2),
    M::up(V3),
    M::up(V4_IMPORTED_PROTOCOLS),
    M::up(V5),
    M::up(V6_JOURNAL),
];

/// The schema version this app writes: the number of steps.
pub const SCHEMA_VERSION: u32 = STEPS.len() as u32;

/// The steps as `rusqlite_migration` wants them.
pub(super) const MIGRATIONS: Migrations<'static> = Migrations::from_slice(STEPS);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_apply_to_an_empty_database() {
        assert!(MIGRATIONS.validate().is_ok());
    }

    #[test]
    fn schema_version_counts_the_steps() {
        assert_eq!(SCHEMA_VERSION, 6);
    }
}
