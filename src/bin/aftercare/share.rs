//! `aftercare share` and `aftercare open`: the clinic's hand-over written
//! as a `.smpplan` file, a link and a QR code, and read back to check it.
//!
//! Everything is computed and checked before anything is written, by the
//! engine's own reading code (`PlanFile::from_bytes`, `from_link`), so a
//! file the CLI writes is one the app opens.

use std::io::Read;

use aftercare::error_text::quote;
use aftercare::handover::{MAX_PLAN_FILE_BYTES, QR_EC_LEVEL};
use aftercare::messages::{Arg, tr, tr_plain};
use aftercare::{
    ClinicDetails, FileKind, HandoverProtocol, Lang, PlanFile, parse_date, parse_zone,
};
use qrcode::{EcLevel, QrCode};
use serde::Serialize;

use crate::render;
use crate::{Failure, PlanArgs, io_reason, parse_planned, read_protocol_text, size_arg};

/// The clinic's details as given on the command line.
pub struct ClinicArgs {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: Option<String>,
}

/// What `share` writes where.
pub struct Outputs {
    pub out: Option<String>,
    pub link: bool,
    pub qr: Option<String>,
}

/// Builds the hand-over, checks it as the app will read it, then writes the
/// file (to `--out`, or returned for stdout), the QR code, and returns what
/// goes to stdout.
pub fn share(
    plan: &PlanArgs,
    clinic: ClinicArgs,
    outputs: &Outputs,
    lang: Lang,
) -> Result<String, Failure> {
    let clinic = ClinicDetails {
        name: clinic.name,
        phone: clinic.phone,
        email: clinic.email,
        address: clinic.address.unwrap_or_default(),
    };
    if let Err((field, message)) = clinic.check() {
        return Err(Failure::Input(format!("--clinic-{field}: {message}")));
    }
    let file = plan_file(plan, clinic, lang)?;
    // The file as the app reads it: the same code judges it.
    let text = file.to_toml();
    let name = match &outputs.out {
        Some(path) => path.clone(),
        None => tr_plain(lang, "cli-error-the-plan-file"),
    };
    if PlanFile::from_bytes(&name, text.as_bytes())? != file {
        let name = ("name", Arg::from(name));
        return Err(Failure::Input(tr(
            lang,
            "cli-error-plan-reads-back",
            &[name],
        )));
    }
    let link = if outputs.link || outputs.qr.is_some() {
        let link = file.to_link()?;
        if PlanFile::from_link(&link)? != file {
            return Err(Failure::Input(tr_plain(lang, "cli-error-link-reads-back")));
        }
        Some(link)
    } else {
        None
    };
    let svg = match (&outputs.qr, &link) {
        (Some(_), Some(link)) => Some(qr_svg(link, lang)?),
        _ => None,
    };
    // Only now that everything is known good: write.
    if let Some(path) = &outputs.out {
        write(path, &text, lang)?;
    }
    if let (Some(path), Some(svg)) = (&outputs.qr, &svg)
        && let Err(e) = write(path, svg, lang)
    {
        // Both or neither: a plan file without the card's code is easily
        // mistaken for a finished job.
        if let Some(out) = &outputs.out {
            let _ = std::fs::remove_file(out);
        }
        return Err(e);
    }
    let mut stdout = String::new();
    if outputs.out.is_none() && !outputs.link {
        stdout.push_str(&text);
    }
    if let (true, Some(link)) = (outputs.link, &link) {
        stdout.push_str(link);
        stdout.push('\n');
    }
    Ok(stdout)
}

/// The hand-over the arguments describe: the zone only when `--tz` names
/// one (the client's phone knows its own), a protocol file carried inline.
fn plan_file(args: &PlanArgs, clinic: ClinicDetails, lang: Lang) -> Result<PlanFile, Failure> {
    let mut sessions = args
        .sessions
        .iter()
        .map(|s| parse_date(s))
        .collect::<Result<Vec<_>, _>>()?;
    sessions.sort_unstable();
    let planned = parse_planned(args.planned.as_deref(), lang)?;
    let zone = args.tz.as_deref().map(parse_zone).transpose()?;
    let protocol = if aftercare::builtin_ids().any(|id| id == args.protocol) {
        HandoverProtocol::builtin(&args.protocol)?
    } else if crate::looks_like_a_file(&args.protocol) {
        let text = read_protocol_text(&args.protocol, lang)?;
        HandoverProtocol::inline(&args.protocol, &text)?
    } else {
        HandoverProtocol::builtin(&args.protocol)?
    };
    let file = PlanFile {
        protocol,
        sessions,
        planned,
        zone,
        clinic,
    };
    // The engine's own message for a plan it refuses (a session given twice).
    file.plan(chrono_tz::UTC)?;
    Ok(file)
}

/// The link as a QR code in SVG: error correction [`QR_EC_LEVEL`], the
/// smallest version that holds the link, and the 4-module quiet zone
/// scanners need.
fn qr_svg(link: &str, lang: Lang) -> Result<String, Failure> {
    let level = match QR_EC_LEVEL {
        'L' => EcLevel::L,
        'Q' => EcLevel::Q,
        'H' => EcLevel::H,
        _ => EcLevel::M,
    };
    let code = QrCode::with_error_correction_level(link.as_bytes(), level).map_err(|e| {
        let reason = ("reason", Arg::from(e.to_string()));
        Failure::Input(tr(lang, "cli-error-qr-too-big", &[reason]))
    })?;
    Ok(code
        .render::<qrcode::render::svg::Color<'_>>()
        .quiet_zone(true)
        .module_dimensions(4, 4)
        .build())
}

fn write(path: &str, content: &str, lang: Lang) -> Result<(), Failure> {
    std::fs::write(path, content).map_err(|e| {
        let args = [
            ("path", Arg::from(quote(lang, path))),
            ("reason", Arg::from(io_reason(&e, lang))),
        ];
        Failure::Input(tr(lang, "cli-error-write", &args))
    })
}

/// `aftercare open FILE|LINK`: the hand-over a file or link holds.
pub fn open(source: &str, lang: Lang) -> Result<PlanFile, Failure> {
    let is_link = source
        .get(..aftercare::handover::LINK_SCHEME.len() + 1)
        .is_some_and(|head| {
            head.eq_ignore_ascii_case(&format!("{}:", aftercare::handover::LINK_SCHEME))
        });
    if is_link {
        return Ok(PlanFile::from_link(source)?);
    }
    let cannot = |why: String| {
        let args = [
            ("path", Arg::from(quote(lang, source))),
            ("reason", Arg::from(why)),
        ];
        Failure::Input(tr(lang, "cli-error-read-plan", &args))
    };
    let meta = std::fs::metadata(source).map_err(|e| cannot(io_reason(&e, lang)))?;
    if !meta.is_file() {
        return Err(cannot(tr_plain(lang, "cli-error-not-a-file")));
    }
    // Read one byte more than a plan may hold: enough to know it is too big
    // without reading a huge file whole.
    let limit = MAX_PLAN_FILE_BYTES as u64;
    let mut bytes = Vec::new();
    std::fs::File::open(source)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot(io_reason(&e, lang)))?;
    if meta.len() > limit {
        // A PDF or photo says what it is; anything else how big it is.
        let head = &bytes[..bytes.len().min(16)];
        if FileKind::of_bytes(head).is_some_and(|k| k != FileKind::Binary) {
            return Err(PlanFile::from_bytes(source, head).err().map_or_else(
                || cannot(tr_plain(lang, "cli-error-too-big")),
                Failure::from,
            ));
        }
        let args = [
            ("path", Arg::from(source)),
            ("size", size_arg(meta.len())),
            ("max", size_arg(limit)),
        ];
        return Err(Failure::Input(tr(lang, "cli-error-plan-too-big", &args)));
    }
    Ok(PlanFile::from_bytes(source, &bytes)?)
}

/// `open --json`: what the hand-over holds, as the app's preview shows it.
#[derive(Serialize)]
pub struct OpenedJson<'a> {
    /// The protocol's id and name, and whether the clinic's own.
    protocol: ProtocolJson<'a>,
    sessions: &'a [chrono::NaiveDate],
    planned: Option<u32>,
    zone: Option<&'static str>,
    clinic: &'a ClinicDetails,
    /// The link for the same plan, where it fits one.
    link: Option<String>,
}

#[derive(Serialize)]
struct ProtocolJson<'a> {
    id: &'a str,
    name: &'a str,
    inline: bool,
}

impl<'a> OpenedJson<'a> {
    pub fn new(file: &'a PlanFile) -> Self {
        let p = file.protocol.protocol();
        OpenedJson {
            protocol: ProtocolJson {
                id: p.id(),
                name: p.name(),
                inline: matches!(file.protocol, HandoverProtocol::Inline { .. }),
            },
            sessions: &file.sessions,
            planned: file.planned,
            zone: file.zone.map(|z| z.name()),
            clinic: &file.clinic,
            link: file.to_link().ok(),
        }
    }
}

/// `open` for people: what the client's app will show before it changes
/// anything.
pub fn opened(file: &PlanFile, lang: Lang) -> String {
    let p = file.protocol.protocol().in_lang(lang);
    let whose = match file.protocol {
        HandoverProtocol::Builtin(_) => "cli-open-builtin",
        HandoverProtocol::Inline { .. } => "cli-open-inline",
    };
    let dates: Vec<String> = file
        .sessions
        .iter()
        .map(|d| render::long_date(lang, *d))
        .collect();
    // As the engine counts it when the clinic gives no number.
    let booked = u32::try_from(file.sessions.len()).unwrap_or(u32::MAX);
    let planned = file.planned.unwrap_or(p.sessions().usual.max(booked));
    let planned = if file.planned.is_some() {
        planned.to_string()
    } else {
        tr(
            lang,
            "cli-open-usual-count",
            &[("planned", Arg::from(planned))],
        )
    };
    let c = &file.clinic;
    let mut rows: Vec<(&str, String)> = vec![
        (
            "cli-open-protocol",
            tr(
                lang,
                whose,
                &[("name", Arg::from(p.name())), ("id", Arg::from(p.id()))],
            ),
        ),
        ("cli-open-sessions", dates.join(", ")),
        ("cli-open-planned", planned),
        (
            "cli-open-zone",
            match file.zone {
                Some(zone) => zone.name().to_string(),
                None => tr_plain(lang, "cli-open-zone-none"),
            },
        ),
    ];
    for (label, value) in [
        ("cli-open-clinic", &c.name),
        ("cli-open-phone", &c.phone),
        ("cli-open-email", &c.email),
        ("cli-open-address", &c.address),
    ] {
        if !value.is_empty() {
            rows.push((label, value.clone()));
        }
    }
    rows.push((
        "cli-open-link",
        match file.to_link() {
            Ok(link) => link,
            Err(_) => tr_plain(lang, "cli-open-link-too-long"),
        },
    ));
    // One column for the values, however long the language's labels are.
    let labels: Vec<String> = rows.iter().map(|(id, _)| tr_plain(lang, id)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    let mut out = String::new();
    for (label, (_, value)) in labels.iter().zip(&rows) {
        let label = format!("{label}:");
        out.push_str(&format!("{label:<width$} {value}\n"));
    }
    out
}
