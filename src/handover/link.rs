//! The `smp-aftercare://plan?…` link: the plan file's contents as query
//! parameters, a built-in protocol by id and the clinic's own protocol
//! packed (raw deflate, then base64url), ended by a CRC-32 of the query
//! that catches a cut or mistyped link. The checksum is no seal: anyone can
//! recompute it, so everything is validated as a file is.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use miniz_oxide::inflate::TINFLStatus;

use super::{Fault, HandoverProtocol, LINK_SCHEME, MAX_LINK_BYTES, PlanFile};
use crate::error::Error;
use crate::protocol::{MAX_PROTOCOL_BYTES, Protocol};
use crate::{ClinicDetails, parse_date, parse_zone};

/// The link's version this engine writes and the newest it reads.
const LINK_VERSION: u32 = 1;

/// The host part after the scheme: the link opens a plan.
const HOST: &str = "plan";

/// The clinic fields' query keys, with the key [`ClinicDetails::check`] names.
const CLINIC_KEYS: [(&str, &str); 4] = [
    ("cn", "name"),
    ("cp", "phone"),
    ("ce", "email"),
    ("ca", "address"),
];

/// Every key a version-1 link may hold.
const KEYS: [&str; 10] = ["v", "p", "x", "s", "n", "z", "cn", "cp", "ce", "ca"];

/// How hard to pack the protocol: miniz's best (the link is written once).
const DEFLATE_LEVEL: u8 = 10;

/// A link whose plan the engine does not accept ([`Fault::Nonsense`]).
fn link_err(message: impl Into<String>) -> Error {
    fault(Fault::Nonsense, message)
}

fn fault(fault: Fault, message: impl Into<String>) -> Error {
    Error::PlanLink {
        message: message.into(),
        fault,
    }
}

fn damaged() -> Error {
    fault(
        Fault::Damaged,
        "the link is damaged or was changed: ask your clinic for a new one",
    )
}

fn checksum(query: &str) -> String {
    format!("{:08x}", crc32fast::hash(query.as_bytes()))
}

pub(super) fn to_link(file: &PlanFile) -> Result<String, Error> {
    if let Err((field, message)) = file.clinic.check() {
        return Err(link_err(format!("clinic {field}: {message}")));
    }
    if let Some((_, message)) = file.plan_problem() {
        return Err(link_err(message));
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("v", &LINK_VERSION.to_string());
    match &file.protocol {
        HandoverProtocol::Builtin(p) => query.append_pair("p", p.id()),
        HandoverProtocol::Inline { toml, .. } => query.append_pair("x", &pack(toml)),
    };
    let sessions: Vec<String> = file
        .sessions
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    query.append_pair("s", &sessions.join(","));
    if let Some(n) = file.planned {
        query.append_pair("n", &n.to_string());
    }
    if let Some(zone) = file.zone {
        query.append_pair("z", zone.name());
    }
    for ((key, _), (_, value)) in CLINIC_KEYS.iter().zip(file.clinic.fields()) {
        if !value.is_empty() {
            query.append_pair(key, value);
        }
    }
    let query = query.finish();
    let link = format!("{LINK_SCHEME}://{HOST}?{query}&c={}", checksum(&query));
    if link.len() > MAX_LINK_BYTES {
        return Err(fault(
            Fault::TooLong,
            format!(
                "the link would be {} characters, too long for a link or QR code (at most \
             {MAX_LINK_BYTES}): share the .smpplan file instead",
                link.len()
            ),
        ));
    }
    Ok(link)
}

/// The protocol's canonical TOML, deflated and base64url-encoded.
fn pack(toml: &str) -> String {
    URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(
        toml.as_bytes(),
        DEFLATE_LEVEL,
    ))
}

/// The inverse of [`pack`], refusing more than a protocol file may hold
/// (a few hundred bytes can deflate to gigabytes).
fn unpack(x: &str) -> Result<String, Error> {
    let packed = URL_SAFE_NO_PAD.decode(x).map_err(|_| {
        fault(
            Fault::Damaged,
            "the clinic's protocol (x) is not valid base64url: the link is damaged",
        )
    })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_PROTOCOL_BYTES)
        .map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => fault(
                Fault::TooLong,
                format!(
                    "the clinic's protocol (x) unpacks to more than {MAX_PROTOCOL_BYTES} bytes"
                ),
            ),
            _ => fault(
                Fault::Damaged,
                "the clinic's protocol (x) could not be unpacked: the link is damaged",
            ),
        })?;
    String::from_utf8(bytes).map_err(|_| {
        fault(
            Fault::Damaged,
            "the clinic's protocol (x) is not text: the link is damaged",
        )
    })
}

pub(super) fn from_link(link: &str) -> Result<PlanFile, Error> {
    // Pasted links often carry a space or line break at either end.
    let link = link.trim();
    let query = strip_prefix(link).ok_or_else(|| {
        let shown: String = link.chars().take(40).collect();
        fault(
            Fault::NotALink,
            format!(
                "{shown:?} is not an SMP Aftercare plan link (it should start with \
             {LINK_SCHEME}://{HOST}?)"
            ),
        )
    })?;
    if link.len() > MAX_LINK_BYTES {
        return Err(fault(
            Fault::TooLong,
            format!(
                "the link is {} characters; a plan link may be at most {MAX_LINK_BYTES}",
                link.len()
            ),
        ));
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };

    // The version first: a newer link may be laid out in ways this one
    // cannot check.
    let version = get("v").ok_or_else(|| {
        fault(
            Fault::Damaged,
            "the link has no version (v): it is not complete; ask your clinic for a new one",
        )
    })?;
    match version.parse::<u32>() {
        Ok(v) if v == LINK_VERSION => {}
        Ok(v) if v > LINK_VERSION => {
            return Err(fault(
                Fault::Newer,
                format!(
                    "written by a newer version of SMP Aftercare (link version {v}); update the app"
                ),
            ));
        }
        _ => {
            return Err(fault(
                Fault::Damaged,
                format!("unsupported link version {version:?} (this version reads {LINK_VERSION})"),
            ));
        }
    }
    let (body, sum) = query.rsplit_once("&c=").ok_or_else(damaged)?;
    if sum != checksum(body) {
        return Err(damaged());
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for (i, (key, _)) in pairs.iter().enumerate() {
        if !KEYS.contains(&key.as_str()) {
            return Err(fault(
                Fault::Damaged,
                format!("unknown part {key:?} in the link"),
            ));
        }
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(fault(
                Fault::Damaged,
                format!("the link gives {key:?} twice"),
            ));
        }
    }
    // `form_urlencoded` decodes an escape that is not UTF-8 (`%CB` alone)
    // as U+FFFD. Such a link was damaged on its way, and a clinic's name
    // holding U+FFFD would go into a plan file that the file reader then
    // refuses as not text (found by fuzzing: docs/reliability.md).
    if let Some((key, _)) = pairs
        .iter()
        .find(|(_, v)| v.contains(char::REPLACEMENT_CHARACTER))
    {
        return Err(fault(
            Fault::Damaged,
            format!(
                "the link's {key:?} holds bytes that are not text: the link is damaged; ask your clinic for a new one"
            ),
        ));
    }
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };

    let protocol = match (get("p"), get("x")) {
        (Some(id), None) => {
            HandoverProtocol::Builtin(Protocol::builtin(id).map_err(|e| link_err(e.to_string()))?)
        }
        (None, Some(x)) => {
            let text = unpack(x)?;
            let protocol = Protocol::from_toml("the clinic's protocol (x)", &text)
                .map_err(|e| link_err(e.to_string()))?;
            // Stored as canonical text whoever packed it, as from a file.
            let table: toml::Table = toml::from_str(&text).map_err(|e| link_err(e.to_string()))?;
            HandoverProtocol::Inline {
                protocol,
                toml: super::file::canonical(&table),
            }
        }
        (Some(_), Some(_)) => {
            return Err(fault(
                Fault::Damaged,
                "the link names two protocols (p and x)",
            ));
        }
        (None, None) => {
            return Err(fault(Fault::Damaged, "the link names no protocol (p or x)"));
        }
    };
    let dates =
        get("s").ok_or_else(|| fault(Fault::Damaged, "the link has no session dates (s)"))?;
    let mut sessions = Vec::new();
    for date in dates.split(',') {
        sessions.push(parse_date(date).map_err(|e| link_err(e.to_string()))?);
    }
    sessions.sort_unstable();
    let planned = match get("n") {
        Some(n) => Some(n.parse::<u32>().map_err(|_| {
            fault(
                Fault::Damaged,
                format!("invalid planned count {n:?} (n): expected a whole number such as 3"),
            )
        })?),
        None => None,
    };
    let zone = match get("z") {
        Some(z) => Some(parse_zone(z).map_err(|e| link_err(e.to_string()))?),
        None => None,
    };
    let value = |key: &str| get(key).unwrap_or_default().to_string();
    let clinic = ClinicDetails {
        name: value("cn"),
        phone: value("cp"),
        email: value("ce"),
        address: value("ca"),
    };
    if let Err((field, message)) = clinic.check() {
        return Err(link_err(format!("clinic {field}: {message}")));
    }
    let file = PlanFile {
        protocol,
        sessions,
        planned,
        zone,
        clinic,
    };
    if let Some((_, message)) = file.plan_problem() {
        return Err(link_err(message));
    }
    Ok(file)
}

/// The query of a link to us: `smp-aftercare://plan?…`, the scheme and host
/// in any case (they are case-insensitive), a `/` before `?` allowed (some
/// systems add one).
fn strip_prefix(link: &str) -> Option<&str> {
    let head = format!("{LINK_SCHEME}://{HOST}");
    let rest = link
        .get(..head.len())
        .filter(|h| h.eq_ignore_ascii_case(&head))
        .and_then(|_| link.get(head.len()..))?;
    rest.strip_prefix("/?").or_else(|| rest.strip_prefix('?'))
}
