//! A plan handed over by the clinic (a `.smpplan` file or a
//! `smp-aftercare://plan?…` link): previewed against what is stored, then
//! applied only when the client confirms.
//!
//! The engine reads and checks the plan (`aftercare::PlanFile`); these
//! commands compare it with the current snapshot and apply it through the
//! one change pipeline (`commands::change_plan`), so reminders follow at
//! once. The page never sends the plan's content: `handover_apply` reads
//! the source again and refuses when it differs from what was previewed
//! (the preview's `fingerprint`).

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::sync::Mutex;

use aftercare::handover::{MAX_LINK_BYTES, MAX_PLAN_FILE_BYTES};
use aftercare::{ClinicDetails, HandoverProtocol, PlanFile};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use specta::Type;
use tauri::State;

use super::today::{Overview, overview_of};
use super::{change_plan, current};
use crate::current::Current;
use crate::error::AppError;
use crate::model::{Clinic, ProtocolChoice, Settings, SettingsForm};
use crate::problem::{HandoverFault, HandoverFrom, Input, Problem, Unit, count};
use crate::state::AppState;

/// The longest file path accepted (bytes), far beyond any real one.
const MAX_PATH_BYTES: usize = 4096;

/// The message when the plan read at confirmation differs from the one
/// previewed.
pub const CHANGED_SINCE_PREVIEW: &str = crate::problem::CHANGED_SINCE_PREVIEW;

/// Where a clinic's plan comes from. On the wire:
/// `{"kind": "file", "path": "/home/me/plan.smpplan"}` or
/// `{"kind": "link", "link": "smp-aftercare://plan?…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HandoverSource {
    /// A `.smpplan` file on this device.
    File {
        /// Its path.
        path: String,
    },
    /// A link, pasted or opened from a QR code.
    Link {
        /// The link itself.
        link: String,
    },
}

impl HandoverSource {
    /// The form field its errors belong beside: `file` or `link`.
    pub fn field(&self) -> &'static str {
        match self {
            HandoverSource::File { .. } => "file",
            HandoverSource::Link { .. } => "link",
        }
    }
}

/// A protocol as the preview names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HandoverProtocolSide {
    /// Its id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// A built-in protocol (`true`) or a clinic's own (`false`).
    pub builtin: bool,
}

/// What happens to one booked session. Sessions that are in both plans
/// are kept; the others are paired in date order: a session of the current
/// plan is moved to the clinic's date, the clinic's remaining dates are
/// added and the current plan's remaining ones removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SessionChange {
    /// Booked in both.
    Kept {
        /// The date.
        date: NaiveDate,
    },
    /// Moved to the clinic's date.
    Moved {
        /// The date booked now.
        from: NaiveDate,
        /// The clinic's date.
        to: NaiveDate,
    },
    /// A date only the clinic's plan has.
    Added {
        /// The date.
        date: NaiveDate,
    },
    /// A date only the current plan has.
    Removed {
        /// The date.
        date: NaiveDate,
    },
}

/// What opening the clinic's plan would change, next to what is stored
/// now. Nothing is changed by asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct HandoverPreview {
    /// The file's name, or `link`.
    pub source_name: String,
    /// The protocol followed now.
    pub protocol_now: HandoverProtocolSide,
    /// The clinic's protocol.
    pub protocol_proposed: HandoverProtocolSide,
    /// Whether the protocol would change.
    pub protocol_changes: bool,
    /// Every session of both plans, by date.
    pub sessions: Vec<SessionChange>,
    /// The number of sessions planned now.
    pub planned_now: u32,
    /// The number the clinic plans.
    pub planned_proposed: u32,
    /// Whether the planned count would change (the number: a stored "the
    /// protocol's usual count" becoming the same number, given by the
    /// clinic, is no change to show, but is stored).
    pub planned_changes: bool,
    /// The clinic's details stored now.
    pub clinic_now: Clinic,
    /// The details after opening the plan: the clinic's, where it gives
    /// them (a detail it leaves empty keeps the one stored).
    pub clinic_proposed: Clinic,
    /// Whether the details would change.
    pub clinic_changes: bool,
    /// Whether opening it would change nothing at all (opened before).
    pub nothing_changes: bool,
    /// A hash of the clinic's plan as read; `handover_apply` takes it back
    /// and refuses a plan that has changed since.
    pub fingerprint: String,
    /// The zone the clinic's plan names, if any: shown for information
    /// only, as the app keeps its own zone setting.
    pub zone: Option<String>,
}

/// A link or `.smpplan` path that reached the app from outside (a deep
/// link, a file opened with the app) and waits for the page to show it.
#[derive(Debug, Default)]
pub struct Pending(pub Mutex<Option<HandoverSource>>);

impl Pending {
    /// Keeps `source` for the page (the newest one wins).
    pub fn put(&self, source: HandoverSource) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(source);
        }
    }
}

/// The plan that reached the app from outside (a link or a file opened
/// with it) and has not been shown yet, taken: the next call returns
/// `None`.
#[tauri::command]
#[specta::specta]
pub fn handover_pending(pending: State<'_, Pending>) -> Option<HandoverSource> {
    pending.0.lock().ok().and_then(|mut slot| slot.take())
}

/// Asks the client for the clinic's plan file (a native dialog showing
/// `.smpplan` files); `None` when they cancel. Runs off the main thread:
/// the dialog waits for the client.
#[tauri::command(async)]
#[specta::specta]
pub fn handover_pick(state: State<'_, AppState>) -> Option<HandoverSource> {
    (state.pick_plan_file)().map(|path| HandoverSource::File {
        path: path.to_string_lossy().into_owned(),
    })
}

/// Reads the clinic's plan from `source` and says what opening it would
/// change; nothing is stored. Errors belong beside the `file` or `link`
/// field.
#[tauri::command]
#[specta::specta]
pub fn handover_preview(
    state: State<'_, AppState>,
    source: HandoverSource,
) -> Result<HandoverPreview, AppError> {
    let opened = open(&source)?;
    let current = current(&state)?;
    Ok(Proposal::new(&current, opened, source.field())?.preview)
}

/// Opens the clinic's plan read from `source` (read again here: the page
/// never sends the plan itself) if it is still the one previewed with
/// `fingerprint`: sessions, planned count, protocol and clinic details in
/// one change, through the change pipeline, so reminders follow at once.
/// A plan that changes nothing writes nothing. Returns the new overview.
#[tauri::command]
#[specta::specta]
pub fn handover_apply(
    state: State<'_, AppState>,
    source: HandoverSource,
    fingerprint: String,
) -> Result<Overview, AppError> {
    let field = source.field();
    let opened = open(&source)?;
    let now = current(&state)?;
    let proposal = Proposal::new(&now, opened, field)?;
    if proposal.preview.fingerprint != fingerprint {
        return Err(AppError::invalid(field, Problem::PlanChanged));
    }
    if proposal.preview.nothing_changes {
        return Ok(overview_of(&state, now));
    }
    let Proposal {
        file,
        source_name,
        settings,
        ..
    } = proposal;
    let booked: BTreeSet<NaiveDate> = now.sessions.iter().map(|s| s.date).collect();
    let wanted: BTreeSet<NaiveDate> = file.sessions.iter().copied().collect();
    let leaving: Vec<_> = now
        .sessions
        .iter()
        .filter(|s| !wanted.contains(&s.date))
        .collect();
    let arriving: Vec<_> = wanted.difference(&booked).copied().collect();
    let choice = choice_of(&file.protocol, &source_name);
    let loaded = file.protocol.protocol().clone();
    let updated = change_plan(&state, field, Some(loaded), |change| {
        // Moves land on dates not booked now, so no step meets the
        // sessions table's UNIQUE date in between.
        for (i, row) in leaving.iter().enumerate() {
            match arriving.get(i) {
                Some(date) => change.update_session(row.id, *date).map(drop)?,
                None => change.delete_session(row.id)?,
            }
        }
        for date in arriving.iter().skip(leaving.len()) {
            change.insert_session(*date)?;
        }
        change.set_planned(file.planned)?;
        if let (ProtocolChoice::Imported { source_name, text }, HandoverProtocol::Inline { .. }) =
            (&choice, &file.protocol)
        {
            change.keep_imported(source_name, text)?;
        }
        change.set_protocol_choice(&choice)?;
        change.save_settings(&settings)?;
        Ok(())
    })?;
    Ok(overview_of(&state, updated))
}

/// The clinic's plan compared with the current snapshot.
struct Proposal {
    file: PlanFile,
    source_name: String,
    settings: Settings,
    preview: HandoverPreview,
}

impl Proposal {
    fn new(
        current: &Current,
        (file, source_name): (PlanFile, String),
        field: &str,
    ) -> Result<Proposal, AppError> {
        let engine = |e| AppError::from_engine(e, field);
        let proposed_plan = file.plan(current.zone).map_err(engine)?;
        let choice = choice_of(&file.protocol, &source_name);
        let protocol_changes = !same_protocol(&current.choice, &choice);
        let planned_now = current.plan.as_ref().map_or_else(
            || current.planned.unwrap_or(current.protocol.sessions().usual),
            |p| p.planned(),
        );
        let planned_proposed = proposed_plan.planned();
        // Shown as changing when the count the client sees changes; the
        // stored choice (`None`: the protocol's usual count) may change
        // without that, and is written all the same.
        let planned_changes = planned_now != planned_proposed;
        let planned_stored_changes = current.planned != file.planned;
        let clinic_now = current.settings.clinic.clone();
        let clinic_proposed = merged(&clinic_now, &file.clinic);
        let clinic_changes = clinic_now != clinic_proposed;
        let settings = checked_settings(&current.settings, clinic_proposed.clone(), field)?;
        let sessions = session_changes(
            &current.sessions.iter().map(|s| s.date).collect::<Vec<_>>(),
            &file.sessions,
        );
        let sessions_change = sessions
            .iter()
            .any(|s| !matches!(s, SessionChange::Kept { .. }));
        let p = file.protocol.protocol();
        let preview = HandoverPreview {
            source_name: source_name.clone(),
            protocol_now: HandoverProtocolSide {
                id: current.protocol.id().to_string(),
                name: current.protocol.name().to_string(),
                builtin: matches!(current.choice, ProtocolChoice::Builtin { .. }),
            },
            protocol_proposed: HandoverProtocolSide {
                id: p.id().to_string(),
                name: p.name().to_string(),
                builtin: matches!(file.protocol, HandoverProtocol::Builtin(_)),
            },
            protocol_changes,
            sessions,
            planned_now,
            planned_proposed,
            planned_changes,
            nothing_changes: !(protocol_changes
                || sessions_change
                || planned_changes
                || planned_stored_changes
                || clinic_changes),
            clinic_now,
            clinic_proposed,
            clinic_changes,
            fingerprint: fingerprint(&file),
            zone: file.zone.map(|z| z.name().to_string()),
        };
        Ok(Proposal {
            file,
            source_name,
            settings,
            preview,
        })
    }
}

/// Reads the plan from its source, with the name errors use for it.
fn open(source: &HandoverSource) -> Result<(PlanFile, String), AppError> {
    match source {
        HandoverSource::File { path } => {
            if path.len() > MAX_PATH_BYTES {
                return Err(AppError::invalid(
                    "file",
                    Problem::TooLong {
                        what: Input::FilePath,
                        most: count(MAX_PATH_BYTES),
                        unit: Unit::Bytes,
                    },
                ));
            }
            let (name, bytes) = read_file(Path::new(path))?;
            let file = PlanFile::from_bytes(&name, &bytes)
                .map_err(|e| AppError::from_engine(e, "file"))?;
            Ok((file, name))
        }
        HandoverSource::Link { link } => {
            let link = link.trim();
            if link.len() > MAX_LINK_BYTES {
                // Worded as the engine's own refusal of a long link.
                return Err(AppError::Invalid {
                    field: Some("link".to_string()),
                    problem: Problem::Handover {
                        from: HandoverFrom::Link,
                        fault: HandoverFault::TooLong,
                        detail: None,
                    },
                    message: format!("the link is too long: at most {MAX_LINK_BYTES} bytes"),
                });
            }
            let file = PlanFile::from_link(link).map_err(|e| AppError::from_engine(e, "link"))?;
            Ok((file, "link".to_string()))
        }
    }
}

/// The file's name (for messages: never the whole path) and its bytes;
/// one over [`MAX_PLAN_FILE_BYTES`] is refused by its size before it is
/// read.
fn read_file(path: &Path) -> Result<(String, Vec<u8>), AppError> {
    let name = path.file_name().map_or_else(
        || "the file".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let cannot = |e: std::io::Error| {
        AppError::invalid(
            "file",
            Problem::FileUnreadable {
                name: name.clone(),
                reason: crate::store::io_reason(&e),
            },
        )
    };
    let too_large = || AppError::Invalid {
        field: Some("file".to_string()),
        problem: Problem::Handover {
            from: HandoverFrom::File,
            fault: HandoverFault::TooLarge,
            detail: None,
        },
        message: format!(
            "\"{name}\" is too large for a plan file: at most {} KiB",
            MAX_PLAN_FILE_BYTES / 1024
        ),
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(AppError::invalid(
            "file",
            Problem::NotAFile { name: name.clone() },
        ));
    }
    if meta.len() > MAX_PLAN_FILE_BYTES as u64 {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // Read at most one byte more than allowed: a file that grew since its
    // size was asked is still refused, never read whole.
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(MAX_PLAN_FILE_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(cannot)?;
    if bytes.len() > MAX_PLAN_FILE_BYTES {
        return Err(too_large());
    }
    Ok((name, bytes))
}

/// How the store names the clinic's protocol: a built-in by id, the
/// clinic's own as an imported file (as `protocol_import` keeps one).
fn choice_of(protocol: &HandoverProtocol, source_name: &str) -> ProtocolChoice {
    match protocol {
        HandoverProtocol::Builtin(p) => ProtocolChoice::Builtin {
            id: p.id().to_string(),
        },
        HandoverProtocol::Inline { toml, .. } => ProtocolChoice::Imported {
            source_name: source_name.to_string(),
            text: toml.clone(),
        },
    }
}

/// The same protocol, whatever file name an imported one came with.
fn same_protocol(a: &ProtocolChoice, b: &ProtocolChoice) -> bool {
    match (a, b) {
        (ProtocolChoice::Builtin { id: x }, ProtocolChoice::Builtin { id: y }) => x == y,
        (ProtocolChoice::Imported { text: x, .. }, ProtocolChoice::Imported { text: y, .. }) => {
            x == y
        }
        _ => false,
    }
}

/// The clinic's details where it gives them; a detail it leaves empty
/// keeps the one the client has (its silence is no reason to lose it).
fn merged(now: &Clinic, from: &ClinicDetails) -> Clinic {
    let pick = |given: &str, kept: &str| {
        let given = given.trim();
        if given.is_empty() { kept } else { given }.to_string()
    };
    Clinic {
        name: pick(&from.name, &now.name),
        phone: pick(&from.phone, &now.phone),
        email: pick(&from.email, &now.email),
        address: pick(&from.address, &now.address),
    }
}

/// The settings with the clinic's details, checked as `settings_set`
/// checks them; a refusal belongs beside the plan's `field`.
fn checked_settings(now: &Settings, clinic: Clinic, field: &str) -> Result<Settings, AppError> {
    let form = SettingsForm {
        clinic,
        ..SettingsForm::from(now)
    };
    let on_field = |e: AppError| e.on_field(field);
    crate::limits::settings(&form).map_err(on_field)?;
    super::settings::validate(form).map_err(on_field)
}

/// Every session of both plans, by date: dates in both are kept, the
/// others paired in date order (see [`SessionChange`]).
fn session_changes(now: &[NaiveDate], proposed: &[NaiveDate]) -> Vec<SessionChange> {
    let booked: BTreeSet<NaiveDate> = now.iter().copied().collect();
    let wanted: BTreeSet<NaiveDate> = proposed.iter().copied().collect();
    let mut leaving = booked.difference(&wanted).copied();
    let mut arriving = wanted.difference(&booked).copied();
    let mut changes: Vec<SessionChange> = booked
        .intersection(&wanted)
        .map(|&date| SessionChange::Kept { date })
        .collect();
    loop {
        match (leaving.next(), arriving.next()) {
            (Some(from), Some(to)) => changes.push(SessionChange::Moved { from, to }),
            (Some(date), None) => changes.push(SessionChange::Removed { date }),
            (None, Some(date)) => changes.push(SessionChange::Added { date }),
            (None, None) => break,
        }
    }
    changes.sort_by_key(|c| match *c {
        SessionChange::Kept { date }
        | SessionChange::Added { date }
        | SessionChange::Removed { date } => date,
        SessionChange::Moved { to, .. } => to,
    });
    changes
}

/// A hash of the plan's content: the protocol (a built-in's id, or the
/// clinic's own text), the sessions, the planned count, the zone and the
/// clinic's details, each written out unambiguously.
fn fingerprint(file: &PlanFile) -> String {
    let mut h = Sha256::new();
    let mut field = |name: &str, value: &str| {
        h.update(name.as_bytes());
        h.update((value.len() as u64).to_le_bytes());
        h.update(value.as_bytes());
    };
    match &file.protocol {
        HandoverProtocol::Builtin(p) => field("builtin", p.id()),
        HandoverProtocol::Inline { toml, .. } => field("inline", toml),
    }
    for date in &file.sessions {
        field("session", &date.to_string());
    }
    field(
        "planned",
        &file.planned.map(|p| p.to_string()).unwrap_or_default(),
    );
    field("zone", file.zone.map(|z| z.name()).unwrap_or_default());
    let c = &file.clinic;
    for (name, value) in [
        ("name", &c.name),
        ("phone", &c.phone),
        ("email", &c.email),
        ("address", &c.address),
    ] {
        field(name, value);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
    }

    #[test]
    fn sessions_in_both_are_kept_and_the_rest_paired_in_date_order() {
        assert_eq!(
            session_changes(&[d(1), d(10), d(20)], &[d(10), d(12), d(25), d(30)]),
            vec![
                SessionChange::Kept { date: d(10) },
                SessionChange::Moved {
                    from: d(1),
                    to: d(12)
                },
                SessionChange::Moved {
                    from: d(20),
                    to: d(25)
                },
                SessionChange::Added { date: d(30) },
            ]
        );
        assert_eq!(
            session_changes(&[d(1), d(2)], &[d(2)]),
            vec![
                SessionChange::Removed { date: d(1) },
                SessionChange::Kept { date: d(2) },
            ]
        );
        assert_eq!(
            session_changes(&[], &[d(3)]),
            vec![SessionChange::Added { date: d(3) }]
        );
    }

    #[test]
    fn an_empty_detail_keeps_the_one_stored() {
        let now = Clinic {
            name: "Old".into(),
            phone: "0113 496 0000".into(),
            email: "old@example.com".into(),
            address: String::new(),
        };
        let from = ClinicDetails {
            name: "New".into(),
            phone: " ".into(),
            email: String::new(),
            address: "1 High St".into(),
        };
        assert_eq!(
            merged(&now, &from),
            Clinic {
                name: "New".into(),
                phone: "0113 496 0000".into(),
                email: "old@example.com".into(),
                address: "1 High St".into(),
            }
        );
    }
}
