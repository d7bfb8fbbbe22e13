//! The `.smpplan` file: TOML read as a protocol file is (serde into raw
//! structs whose values keep their spans, then checks), so that every error
//! names its line and field. An `[inline_protocol]` table goes through the
//! protocol's own checks with spans into the whole plan file.

use serde::Deserialize;
use toml::Spanned;

use super::{
    Fault, HandoverProtocol, MAX_PLAN_FILE_BYTES, PLAN_FORMAT, PlanFile, check_clinic_field,
};
use crate::error::{Error, MAX_PLANNED};
use crate::protocol::{FileKind, Protocol, RawProtocol, field_in, line_of, parse_message};
use crate::{ClinicDetails, parse_date, parse_zone};

/// The first lines of every file written: what it is and what to do with it.
const HEADER: &str = "\
# SMP Aftercare plan: the aftercare plan your clinic gave you.
# Open it with SMP Aftercare; the app shows what it will change first.
";

/// Only the version, read before anything else: a newer file may hold
/// fields this version does not know, and "update the app" is the useful
/// message then, not "unknown field".
#[derive(Deserialize)]
struct RawVersion {
    smpplan: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlanFile {
    // Checked by `RawVersion` first.
    #[allow(dead_code)]
    smpplan: toml::Value,
    sessions: Spanned<Vec<Spanned<String>>>,
    planned: Option<Spanned<i64>>,
    zone: Option<Spanned<String>>,
    protocol: Option<Spanned<String>>,
    inline_protocol: Option<Spanned<RawProtocol>>,
    clinic: Option<RawClinic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClinic {
    name: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    address: Option<Spanned<String>>,
}

/// Errors of one file: turns spans into lines.
struct Check<'a> {
    source_name: &'a str,
    text: &'a str,
}

impl Check<'_> {
    /// A value the plan does not accept ([`Fault::Nonsense`]).
    fn err(&self, start: Option<usize>, field: &str, message: impl Into<String>) -> Error {
        self.fault(Fault::Nonsense, start, field, message)
    }

    fn fault(
        &self,
        fault: Fault,
        start: Option<usize>,
        field: &str,
        message: impl Into<String>,
    ) -> Error {
        Error::PlanFile {
            source_name: self.source_name.to_string(),
            line: start.map(|s| line_of(self.text, s)),
            field: Some(field.to_string()),
            message: message.into(),
            fault,
        }
    }

    /// TOML's refusal: `fault` says whether the text is not TOML at all
    /// ([`Fault::Damaged`]: cut short or changed by hand) or TOML that is
    /// not a plan's shape ([`Fault::Nonsense`]: an unknown key, a wrong type).
    fn syntax(&self, fault: Fault, e: &toml::de::Error) -> Error {
        let message = parse_message(e.message());
        Error::PlanFile {
            source_name: self.source_name.to_string(),
            line: e.span().map(|span| line_of(self.text, span.start)),
            field: field_in(&message).map(str::to_string),
            message,
            fault,
        }
    }
}

pub(super) fn from_bytes(source_name: &str, bytes: &[u8]) -> Result<PlanFile, Error> {
    let whole = |fault: Fault, message: String| Error::PlanFile {
        source_name: source_name.to_string(),
        line: None,
        field: None,
        message,
        fault,
    };
    // A PDF or a photo picked by mistake: say what it is before "too big".
    if let Some(kind) = FileKind::of_bytes(&bytes[..bytes.len().min(16)])
        && kind != FileKind::Binary
    {
        return Err(whole(Fault::of_kind(kind), super::not_a_plan(kind)));
    }
    if bytes.len() > MAX_PLAN_FILE_BYTES {
        return Err(whole(
            Fault::TooLarge,
            format!(
                "the file is {} bytes; a plan file may be at most {MAX_PLAN_FILE_BYTES} bytes",
                bytes.len()
            ),
        ));
    }
    if let Some(kind) = FileKind::of_bytes(bytes) {
        return Err(whole(Fault::of_kind(kind), super::not_a_plan(kind)));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| whole(Fault::Binary, super::not_a_plan(FileKind::Binary)))?;
    let check = Check { source_name, text };

    // `RawVersion` takes any keys and any value, so only text that is not
    // TOML fails here.
    let version: RawVersion = toml::from_str(text).map_err(|e| check.syntax(Fault::Damaged, &e))?;
    let Some(version) = version.smpplan else {
        return Err(check.fault(
            Fault::NotAPlan,
            None,
            "smpplan",
            "this is not a plan file: it has no \"smpplan = 1\" line",
        ));
    };
    let start = Some(version.span().start);
    match version.get_ref() {
        toml::Value::Integer(n) if *n > i64::from(PLAN_FORMAT) => {
            return Err(check.fault(
                Fault::Newer,
                start,
                "smpplan",
                format!("written by a newer version of SMP Aftercare (format {n}); update the app"),
            ));
        }
        toml::Value::Integer(n) if *n == i64::from(PLAN_FORMAT) => {}
        other => {
            // `smpplan = "1"` or `0`: not what any version writes.
            return Err(check.fault(
                Fault::Damaged,
                start,
                "smpplan",
                format!("unsupported format {other} (this version reads format {PLAN_FORMAT})"),
            ));
        }
    }

    let raw: RawPlanFile = toml::from_str(text).map_err(|e| check.syntax(Fault::Nonsense, &e))?;
    let protocol = read_protocol(&check, raw.protocol, raw.inline_protocol)?;

    let sessions_start = Some(raw.sessions.span().start);
    let mut sessions = Vec::new();
    for date in raw.sessions.into_inner() {
        let parsed = parse_date(date.get_ref())
            .map_err(|e| check.err(Some(date.span().start), "sessions", e.to_string()))?;
        sessions.push(parsed);
    }
    sessions.sort_unstable();

    let planned_start = raw.planned.as_ref().map(|p| p.span().start);
    let planned = match raw.planned {
        Some(n) => Some(
            u32::try_from(*n.get_ref())
                .ok()
                .filter(|n| (1..=MAX_PLANNED).contains(n))
                .ok_or_else(|| {
                    check.err(
                        planned_start,
                        "planned",
                        format!(
                            "{} is out of range (expected 1 to {MAX_PLANNED})",
                            n.get_ref()
                        ),
                    )
                })?,
        ),
        None => None,
    };
    let zone = match raw.zone {
        Some(z) => Some(
            parse_zone(z.get_ref())
                .map_err(|e| check.err(Some(z.span().start), "zone", e.to_string()))?,
        ),
        None => None,
    };
    let clinic = read_clinic(&check, raw.clinic)?;

    let file = PlanFile {
        protocol,
        sessions,
        planned,
        zone,
        clinic,
    };
    if let Some((field, message)) = file.plan_problem() {
        let start = if field == "planned" && planned_start.is_some() {
            planned_start
        } else {
            sessions_start
        };
        return Err(check.err(start, field, message));
    }
    Ok(file)
}

/// `protocol = "<id>"` or an `[inline_protocol]` table, exactly one.
fn read_protocol(
    check: &Check<'_>,
    id: Option<Spanned<String>>,
    inline: Option<Spanned<RawProtocol>>,
) -> Result<HandoverProtocol, Error> {
    match (id, inline) {
        (Some(id), None) => Protocol::builtin(id.get_ref())
            .map(HandoverProtocol::Builtin)
            .map_err(|e| check.err(Some(id.span().start), "protocol", e.to_string())),
        (None, Some(raw)) => {
            let protocol = Protocol::from_raw(check.source_name, check.text, raw.into_inner())
                .map_err(|e| match e {
                    Error::Protocol {
                        line,
                        field,
                        message,
                        ..
                    } => Error::PlanFile {
                        source_name: check.source_name.to_string(),
                        line,
                        field: Some(match field {
                            Some(f) => format!("inline_protocol.{f}"),
                            None => "inline_protocol".to_string(),
                        }),
                        message,
                        fault: Fault::Nonsense,
                    },
                    other => check.err(None, "inline_protocol", other.to_string()),
                })?;
            // The same text read as plain TOML, for the canonical copy.
            let table = toml::from_str::<toml::Table>(check.text)
                .ok()
                .and_then(|mut doc| match doc.remove("inline_protocol") {
                    Some(toml::Value::Table(t)) => Some(t),
                    _ => None,
                })
                .unwrap_or_default();
            let toml = canonical(&table);
            // Kept as read from its canonical text, as the app stores it:
            // `Protocol::in_lang` reads its source again for another
            // language, and the plan file around it is not a protocol.
            let protocol = Protocol::from_toml(check.source_name, &toml)
                .ok()
                .filter(|stored| *stored == protocol)
                .ok_or_else(|| {
                    check.err(
                        None,
                        "inline_protocol",
                        "the protocol reads differently once re-written; check its values",
                    )
                })?;
            Ok(HandoverProtocol::Inline { protocol, toml })
        }
        (Some(id), Some(_)) => Err(check.err(
            Some(id.span().start),
            "protocol",
            "give either protocol = \"<id>\" or an [inline_protocol] table, not both",
        )),
        (None, None) => Err(check.err(
            None,
            "protocol",
            "the file names no protocol: add protocol = \"<id>\" or an [inline_protocol] table",
        )),
    }
}

fn read_clinic(check: &Check<'_>, raw: Option<RawClinic>) -> Result<ClinicDetails, Error> {
    let Some(raw) = raw else {
        return Ok(ClinicDetails::default());
    };
    let field = |value: Option<Spanned<String>>, key: &str| -> Result<String, Error> {
        let Some(value) = value else {
            return Ok(String::new());
        };
        check_clinic_field(key, value.get_ref())
            .map_err(|m| check.err(Some(value.span().start), &format!("clinic.{key}"), m))?;
        Ok(value.into_inner())
    };
    Ok(ClinicDetails {
        name: field(raw.name, "name")?,
        phone: field(raw.phone, "phone")?,
        email: field(raw.email, "email")?,
        address: field(raw.address, "address")?,
    })
}

/// A protocol's table as canonical TOML: the `toml` crate's rendering, in
/// the file's key order, without comments.
pub(super) fn canonical(table: &toml::Table) -> String {
    // Rendering plain data read from TOML cannot fail.
    toml::to_string(table).unwrap_or_default()
}

/// A string as a TOML value, quoted and escaped.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

pub(super) fn to_toml(file: &PlanFile) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&format!("\nsmpplan = {PLAN_FORMAT}\n"));
    if let HandoverProtocol::Builtin(p) = &file.protocol {
        out.push_str(&format!("protocol = {}\n", quoted(p.id())));
    }
    let sessions: Vec<String> = file
        .sessions
        .iter()
        .map(|d| quoted(&d.format("%Y-%m-%d").to_string()))
        .collect();
    out.push_str(&format!("sessions = [{}]\n", sessions.join(", ")));
    if let Some(n) = file.planned {
        out.push_str(&format!("planned = {n}\n"));
    }
    if let Some(zone) = file.zone {
        out.push_str(&format!("zone = {}\n", quoted(zone.name())));
    }
    let clinic: Vec<(&str, &str)> = file
        .clinic
        .fields()
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if !clinic.is_empty() {
        out.push_str("\n[clinic]\n");
        for (key, value) in clinic {
            out.push_str(&format!("{key} = {}\n", quoted(value)));
        }
    }
    if let HandoverProtocol::Inline { toml, .. } = &file.protocol {
        // A text that is not TOML (only a hand-built value can hold one)
        // becomes an empty table, which reading then refuses by name.
        let table: toml::Table = toml::from_str(toml).unwrap_or_default();
        let mut doc = toml::Table::new();
        doc.insert("inline_protocol".to_string(), toml::Value::Table(table));
        out.push_str("\n# The clinic's own protocol: the fields of a protocol file.\n");
        out.push_str(&toml::to_string(&doc).unwrap_or_default());
    }
    out
}
