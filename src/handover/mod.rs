//! The clinic's hand-over: a plan as a `.smpplan` file and as a
//! `smp-aftercare://plan?…` link (printed as a QR code on the aftercare
//! card), read and written by the same code so that what the CLI writes
//! the app opens.
//!
//! The format is documented in `docs/plan-file.md`. Reading validates the
//! whole plan with the engine ([`PlanFile::plan`]), so a file or link that
//! reads without error also builds a plan. The file is read in `file`, the
//! link in `link`; the checks both share (clinic details, the plan as a
//! whole) are here.

mod file;
mod link;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::Error;
use crate::plan::Plan;
use crate::protocol::Protocol;
use crate::text;

/// The plan-file format version this engine writes and the newest it reads.
///
/// ```
/// use aftercare::handover::PLAN_FORMAT;
///
/// let text = format!("smpplan = {}\n", PLAN_FORMAT + 1);
/// let err = aftercare::PlanFile::from_bytes("new.smpplan", text.as_bytes()).unwrap_err();
/// assert!(err.to_string().ends_with("(format 2); update the app"));
/// ```
pub const PLAN_FORMAT: u32 = 1;

/// The largest plan file read, in bytes (64 KiB).
///
/// ```
/// use aftercare::handover::MAX_PLAN_FILE_BYTES;
///
/// let huge = vec![b'#'; MAX_PLAN_FILE_BYTES + 1];
/// assert_eq!(
///     aftercare::PlanFile::from_bytes("big.smpplan", &huge).unwrap_err().to_string(),
///     "big.smpplan: the file is 65537 bytes; a plan file may be at most 65536 bytes",
/// );
/// ```
pub const MAX_PLAN_FILE_BYTES: usize = 64 * 1024;

/// The largest link written or read, in bytes: see `docs/plan-file.md` for
/// the QR code it makes (version 38 at level [`QR_EC_LEVEL`], 71 mm square
/// at 0.4 mm per module).
///
/// ```
/// use aftercare::handover::MAX_LINK_BYTES;
///
/// let long = format!("smp-aftercare://plan?v=1&{}", "a".repeat(MAX_LINK_BYTES));
/// assert!(aftercare::PlanFile::from_link(&long).unwrap_err().to_string().contains("at most 2000"));
/// ```
pub const MAX_LINK_BYTES: usize = 2_000;

/// The link's scheme, registered by the app.
///
/// ```
/// use aftercare::handover::LINK_SCHEME;
///
/// assert_eq!(format!("{LINK_SCHEME}://plan"), "smp-aftercare://plan");
/// ```
pub const LINK_SCHEME: &str = "smp-aftercare";

/// The QR code's error-correction level for a plan link, as a letter (L, M,
/// Q, H): M survives about 15% of the code smudged or torn, and the longest
/// link ([`MAX_LINK_BYTES`]) still fits a version-40 code at it
/// (`docs/plan-file.md`).
///
/// ```
/// assert_eq!(aftercare::handover::QR_EC_LEVEL, 'M');
/// ```
pub const QR_EC_LEVEL: char = 'M';

/// The longest clinic name, in characters.
///
/// ```
/// use aftercare::ClinicDetails;
/// use aftercare::handover::MAX_CLINIC_NAME_CHARS;
///
/// let clinic = ClinicDetails { name: "a".repeat(MAX_CLINIC_NAME_CHARS + 1), ..Default::default() };
/// assert_eq!(clinic.check().unwrap_err().1, "is 101 characters long; at most 100 are allowed");
/// ```
pub const MAX_CLINIC_NAME_CHARS: usize = 100;
/// The longest clinic phone number, in characters.
pub const MAX_CLINIC_PHONE_CHARS: usize = 40;
/// The longest clinic email address, in characters (RFC 5321's path limit).
pub const MAX_CLINIC_EMAIL_CHARS: usize = 254;
/// The longest clinic address, in characters.
pub const MAX_CLINIC_ADDRESS_CHARS: usize = 200;

/// What kind of fault an [`Error::PlanFile`] or [`Error::PlanLink`] is, so
/// that the app can word it in the client's language without reading the
/// English message (which names the line and value, for the clinic).
///
/// ```
/// use aftercare::handover::Fault;
/// use aftercare::{Error, PlanFile};
///
/// let fault = |result: Result<PlanFile, Error>| match result.unwrap_err() {
///     Error::PlanFile { fault, .. } | Error::PlanLink { fault, .. } => fault,
///     other => panic!("{other}"),
/// };
/// assert_eq!(fault(PlanFile::from_bytes("scan.smpplan", b"%PDF-1.7\n")), Fault::Pdf);
/// assert_eq!(fault(PlanFile::from_bytes("new.smpplan", b"smpplan = 2\n")), Fault::Newer);
/// // Cut off mid-file: no longer TOML.
/// assert_eq!(fault(PlanFile::from_bytes("cut.smpplan", b"smpplan = 1\nsessions = [")), Fault::Damaged);
/// assert_eq!(fault(PlanFile::from_link("https://example.com")), Fault::NotALink);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// The app's UI knows it by what it is about (a clinic's plan handed over);
// the name is not in the JSON (the variants are plain strings).
#[serde(rename = "HandoverFault", rename_all = "snake_case")]
pub enum Fault {
    /// Text that is not an SMP Aftercare plan link.
    NotALink,
    /// Damaged, cut short or changed since the clinic made it: a file that
    /// is no longer TOML, a link whose checksum fails or whose parts are
    /// missing, doubled or unknown.
    Damaged,
    /// A link longer than [`MAX_LINK_BYTES`], or whose packed protocol
    /// unpacks to more than a protocol file may hold.
    TooLong,
    /// A file larger than [`MAX_PLAN_FILE_BYTES`].
    TooLarge,
    /// Written by a newer version of the app.
    Newer,
    /// A text file without the plan file's `smpplan = 1` line.
    NotAPlan,
    /// A PDF.
    Pdf,
    /// A picture or photo (PNG, JPEG, GIF, WebP).
    Picture,
    /// Any other file that is not text.
    Binary,
    /// A whole file or link whose plan does not make sense: an unknown
    /// protocol, a date that is not one, sessions the engine refuses. The
    /// message names the value at fault.
    Nonsense,
}

impl Fault {
    /// The fault of a file that is not a plan, by what it is.
    fn of_kind(kind: crate::protocol::FileKind) -> Fault {
        use crate::protocol::FileKind;
        match kind {
            FileKind::Pdf => Fault::Pdf,
            FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp => Fault::Picture,
            FileKind::Binary => Fault::Binary,
        }
    }
}

/// The clinic's contact details as the hand-over carries them; any field
/// may be empty.
///
/// Each is one line of plain text: HTML in a name is kept as the letters
/// it is made of, never read as markup.
///
/// ```
/// use aftercare::ClinicDetails;
///
/// let clinic = ClinicDetails {
///     name: "Hairline Studio".into(),
///     phone: "+44 20 7946 0000".into(),
///     ..ClinicDetails::default()
/// };
/// assert!(clinic.check().is_ok());
/// let bad = ClinicDetails { phone: "call us".into(), ..clinic };
/// assert_eq!(
///     bad.check().unwrap_err(),
///     ("phone", "\"call us\" is not a phone number: use digits, spaces and + ( ) - . /".to_string()),
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClinicDetails {
    /// The clinic's name.
    pub name: String,
    /// Phone number as the clinic writes it.
    pub phone: String,
    /// Email address.
    pub email: String,
    /// Postal address, one line.
    pub address: String,
}

impl ClinicDetails {
    /// The first field that is wrong, as its key (`name`, `phone`, `email`
    /// or `address`) and a message naming the value. Every field is one
    /// line without control or bidirectional characters, at most
    /// [`MAX_CLINIC_NAME_CHARS`] (and so on) characters; a phone number
    /// is [`text::is_phone_number`] and an email
    /// [`text::is_email_address`], the rules the app's settings use too.
    /// Empty fields are fine.
    ///
    /// ```
    /// use aftercare::ClinicDetails;
    ///
    /// let clinic = ClinicDetails { email: "desk@@clinic".into(), ..Default::default() };
    /// let (field, message) = clinic.check().unwrap_err();
    /// assert_eq!(field, "email");
    /// assert_eq!(
    ///     message,
    ///     "\"desk@@clinic\" is not an email address such as desk@clinic.example",
    /// );
    /// ```
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        for (field, value) in self.fields() {
            check_clinic_field(field, value).map_err(|message| (field, message))?;
        }
        Ok(())
    }

    /// The fields with their keys, in file order.
    fn fields(&self) -> [(&'static str, &str); 4] {
        [
            ("name", &self.name),
            ("phone", &self.phone),
            ("email", &self.email),
            ("address", &self.address),
        ]
    }
}

/// Checks one clinic field (`name`, `phone`, `email`, `address`); the
/// message names the value.
fn check_clinic_field(field: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    if let Some(c) = value.chars().find(|c| text::is_control(*c)) {
        return Err(format!(
            "{value:?} contains the control character U+{:04X}; write one line of plain text",
            u32::from(c)
        ));
    }
    // A reader puts U+FFFD where bytes were not text: a plan file holding
    // it is refused as not text, so no file, link or CLI argument may
    // carry it into one.
    if value.contains(char::REPLACEMENT_CHARACTER) {
        return Err(format!(
            "{value:?} contains U+FFFD, which stands for bytes that were not text; write the text again"
        ));
    }
    if let Some(c) = value.chars().find(|c| text::is_bidi_control(*c)) {
        return Err(format!(
            "{value:?} contains the bidirectional control U+{:04X}, which reorders the text around it",
            u32::from(c)
        ));
    }
    if value.chars().all(text::is_invisible) {
        return Err(format!(
            "{value:?} has no visible characters; leave it out or write the text"
        ));
    }
    let max = match field {
        "name" => MAX_CLINIC_NAME_CHARS,
        "phone" => MAX_CLINIC_PHONE_CHARS,
        "email" => MAX_CLINIC_EMAIL_CHARS,
        _ => MAX_CLINIC_ADDRESS_CHARS,
    };
    let chars = value.chars().count();
    if chars > max {
        return Err(format!(
            "is {chars} characters long; at most {max} are allowed"
        ));
    }
    match field {
        "phone" if !text::is_phone_number(value) => Err(format!(
            "{value:?} is not a phone number: use digits, spaces and + ( ) - . /"
        )),
        "email" if !text::is_email_address(value) => Err(format!(
            "{value:?} is not an email address such as desk@clinic.example"
        )),
        _ => Ok(()),
    }
}

/// The protocol a hand-over names.
///
/// ```
/// use aftercare::HandoverProtocol;
///
/// let builtin = HandoverProtocol::builtin("four-to-thirty")?;
/// assert_eq!(builtin.protocol().id(), "four-to-thirty");
///
/// let text = "# our own rules\nformat = 1\nid = \"our-clinic\"\nname = \"Our clinic\"\n\
///             summary = \"Three sessions.\"\n[sessions]\nusual = 3\nmin = 2\nmax = 4\n\
///             [[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\n\
///             to_day = 3\nnote = \"keep it dry\"\n";
/// let inline = HandoverProtocol::inline("ours.toml", text)?;
/// assert_eq!(inline.protocol().id(), "our-clinic");
/// # Ok::<(), aftercare::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum HandoverProtocol {
    /// A built-in protocol, by id.
    Builtin(Protocol),
    /// The clinic's own protocol, carried whole.
    Inline {
        /// The protocol, validated.
        protocol: Protocol,
        /// Its canonical TOML text (no comments), as the app stores an
        /// imported protocol.
        toml: String,
    },
}

impl HandoverProtocol {
    /// The protocol itself.
    ///
    /// ```
    /// use aftercare::HandoverProtocol;
    ///
    /// assert_eq!(HandoverProtocol::builtin("four-day-dry")?.protocol().id(), "four-day-dry");
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn protocol(&self) -> &Protocol {
        match self {
            HandoverProtocol::Builtin(p) | HandoverProtocol::Inline { protocol: p, .. } => p,
        }
    }

    /// A built-in protocol by id ([`Error::UnknownProtocol`] naming the
    /// built-ins otherwise).
    ///
    /// ```
    /// use aftercare::HandoverProtocol;
    ///
    /// assert!(HandoverProtocol::builtin("two-week-rest").is_ok());
    /// assert!(HandoverProtocol::builtin("nope").is_err());
    /// ```
    pub fn builtin(id: &str) -> Result<HandoverProtocol, Error> {
        Protocol::builtin(id).map(HandoverProtocol::Builtin)
    }

    /// The clinic's own protocol from its file's text: validated as
    /// [`Protocol::from_toml`] does (errors name `source_name`'s lines),
    /// then stored as canonical TOML, the file's tables re-written without
    /// comments, which reads back as the same protocol.
    ///
    /// ```
    /// use aftercare::{HandoverProtocol, Protocol};
    ///
    /// let text = "format = 1 # version\nid = \"ours\"\nname = \"Ours\"\nsummary = \"S.\"\n\
    ///             [sessions]\nusual = 2\nmin = 1\nmax = 3\n[[rule]]\nactivity = \"swim\"\n\
    ///             status = \"avoid\"\nscope = \"after_each\"\nto_day = 30\nnote = \"no pools\"\n";
    /// let HandoverProtocol::Inline { protocol, toml } = HandoverProtocol::inline("ours.toml", text)?
    /// else { unreachable!() };
    /// assert!(!toml.contains('#'));
    /// assert_eq!(Protocol::from_toml("stored", &toml)?, protocol);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn inline(source_name: &str, text: &str) -> Result<HandoverProtocol, Error> {
        let protocol = Protocol::from_toml(source_name, text)?;
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            Error::protocol(
                source_name,
                None,
                None,
                crate::protocol::parse_message(e.message()),
            )
        })?;
        let toml = file::canonical(&table);
        // What is stored must read back as what was validated.
        let stored = Protocol::from_toml(source_name, &toml)?;
        if stored != protocol {
            return Err(Error::protocol(
                source_name,
                None,
                None,
                "the protocol reads differently once re-written; check its values",
            ));
        }
        Ok(HandoverProtocol::Inline { protocol, toml })
    }
}

/// A plan handed over by a clinic: a `.smpplan` file or a link.
///
/// ```
/// use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
///
/// let plan = PlanFile {
///     protocol: HandoverProtocol::builtin("four-to-thirty")?,
///     sessions: vec![parse_date("2026-03-01")?, parse_date("2026-03-15")?],
///     planned: Some(3),
///     zone: Some("Europe/London".parse().unwrap()),
///     clinic: ClinicDetails { name: "Hairline Studio".into(), ..Default::default() },
/// };
/// let file = plan.to_toml();
/// assert_eq!(PlanFile::from_bytes("plan.smpplan", file.as_bytes())?, plan);
/// let link = plan.to_link()?;
/// assert!(link.starts_with("smp-aftercare://plan?v=1&p=four-to-thirty&s=2026-03-01%2C2026-03-15"));
/// assert_eq!(PlanFile::from_link(&link)?, plan);
/// # Ok::<(), aftercare::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFile {
    /// The protocol.
    pub protocol: HandoverProtocol,
    /// The booked session dates, sorted, at least one.
    pub sessions: Vec<NaiveDate>,
    /// The planned number of sessions, when the clinic gives it.
    pub planned: Option<u32>,
    /// The client's zone, when the clinic knows it.
    pub zone: Option<Tz>,
    /// The clinic's contact details.
    pub clinic: ClinicDetails,
}

impl PlanFile {
    /// Reads a `.smpplan` file's bytes. Errors name the file, line and field
    /// ([`Error::PlanFile`]); a file over [`MAX_PLAN_FILE_BYTES`], of a newer
    /// format, or whose plan the engine refuses, is an error too.
    ///
    /// ```
    /// use aftercare::PlanFile;
    ///
    /// let err = PlanFile::from_bytes("plan.smpplan", b"smpplan = 2\n").unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "plan.smpplan: line 1, field \"smpplan\": written by a newer version of \
    ///      SMP Aftercare (format 2); update the app",
    /// );
    /// ```
    pub fn from_bytes(source_name: &str, bytes: &[u8]) -> Result<PlanFile, Error> {
        file::from_bytes(source_name, bytes)
    }

    /// Writes the plan as a `.smpplan` file (TOML), which
    /// [`PlanFile::from_bytes`] reads back equal.
    ///
    /// ```
    /// use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
    ///
    /// let plan = PlanFile {
    ///     protocol: HandoverProtocol::builtin("four-day-dry")?,
    ///     sessions: vec![parse_date("2026-05-04")?],
    ///     planned: None,
    ///     zone: None,
    ///     clinic: ClinicDetails::default(),
    /// };
    /// let text = plan.to_toml();
    /// assert!(text.contains("\nsmpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-05-04\"]\n"));
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn to_toml(&self) -> String {
        file::to_toml(self)
    }

    /// The plan as a `smp-aftercare://plan?…` link, at most
    /// [`MAX_LINK_BYTES`]; a larger one is an error that says to share the
    /// file instead.
    ///
    /// ```
    /// use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
    ///
    /// let plan = PlanFile {
    ///     protocol: HandoverProtocol::builtin("four-day-dry")?,
    ///     sessions: vec![parse_date("2026-05-04")?],
    ///     planned: Some(2),
    ///     zone: None,
    ///     clinic: ClinicDetails { phone: "0161 496 0000".into(), ..Default::default() },
    /// };
    /// assert_eq!(
    ///     plan.to_link()?,
    ///     "smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&n=2&cp=0161+496+0000&c=45434514",
    /// );
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn to_link(&self) -> Result<String, Error> {
        link::to_link(self)
    }

    /// Reads a link written by [`PlanFile::to_link`] ([`Error::PlanLink`]
    /// for a damaged, oversized, newer-version or altered one).
    ///
    /// ```
    /// use aftercare::PlanFile;
    ///
    /// let link = "smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&n=2&cp=0161+496+0000&c=45434515";
    /// assert_eq!(
    ///     PlanFile::from_link(link).unwrap_err().to_string(),
    ///     "plan link: the link is damaged or was changed: ask your clinic for a new one",
    /// );
    /// ```
    pub fn from_link(link: &str) -> Result<PlanFile, Error> {
        link::from_link(link)
    }

    /// The plan this hand-over describes, in `zone` when it names none.
    ///
    /// ```
    /// use aftercare::{ClinicDetails, HandoverProtocol, PlanFile, parse_date};
    ///
    /// let file = PlanFile {
    ///     protocol: HandoverProtocol::builtin("four-day-dry")?,
    ///     sessions: vec![parse_date("2026-05-04")?],
    ///     planned: None,
    ///     zone: None,
    ///     clinic: ClinicDetails::default(),
    /// };
    /// let plan = file.plan(chrono_tz::Europe::Madrid)?;
    /// assert_eq!(plan.zone(), chrono_tz::Europe::Madrid);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn plan(&self, zone: Tz) -> Result<Plan, Error> {
        Plan::new(
            self.protocol.protocol().clone(),
            self.sessions.clone(),
            self.planned,
            self.zone.unwrap_or(zone),
        )
    }

    /// Whether the plan the hand-over describes builds: the error of
    /// [`PlanFile::plan`] as the field it concerns (`planned` for a count
    /// that does not fit, `sessions` otherwise) and its message.
    fn plan_problem(&self) -> Option<(&'static str, String)> {
        match self.plan(Tz::UTC) {
            Ok(_) => None,
            Err(e @ Error::InvalidPlanned { .. }) => Some(("planned", e.to_string())),
            Err(e) => Some(("sessions", e.to_string())),
        }
    }
}

/// What a file that is not a plan turned out to be, for the one message.
fn not_a_plan(kind: crate::protocol::FileKind) -> String {
    use crate::protocol::FileKind;
    let what = match kind {
        FileKind::Pdf => "This is a PDF",
        FileKind::Png => "This is a picture (PNG)",
        FileKind::Jpeg => "This is a photo (JPEG)",
        FileKind::Gif => "This is a picture (GIF)",
        FileKind::Webp => "This is a picture (WebP)",
        FileKind::Binary => "This file is not text, so it is not a plan file",
    };
    if kind == FileKind::Binary {
        format!("{what}: ask your clinic for their .smpplan file or link")
    } else {
        format!("{what}, not a plan file: ask your clinic for their .smpplan file or link")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clinic_fields_are_checked_with_their_limits() {
        let long = "a".repeat(101);
        assert_eq!(
            check_clinic_field("name", &long),
            Err("is 101 characters long; at most 100 are allowed".to_string())
        );
        assert_eq!(check_clinic_field("name", &"a".repeat(100)), Ok(()));
        assert_eq!(
            check_clinic_field("name", "A\u{202E}B"),
            Err("\"A\\u{202e}B\" contains the bidirectional control U+202E, which reorders the text around it".to_string())
        );
        assert_eq!(
            check_clinic_field("address", "1 High St\nLeeds"),
            Err("\"1 High St\\nLeeds\" contains the control character U+000A; write one line of plain text".to_string())
        );
        assert_eq!(
            check_clinic_field("name", "\u{200B} "),
            Err(
                "\"\\u{200b} \" has no visible characters; leave it out or write the text"
                    .to_string()
            )
        );
        assert_eq!(check_clinic_field("phone", "+44 (0)20 7946-0000."), Ok(()));
        assert!(check_clinic_field("phone", "+ ( )").is_err());
        assert_eq!(check_clinic_field("email", "desk@clinic.example"), Ok(()));
        for bad in [
            "desk",
            "@clinic",
            "desk@",
            "a@b@c",
            "a b@c",
            "<a>@b.example",
            "a@b",
        ] {
            assert!(check_clinic_field("email", bad).is_err(), "{bad}");
        }
        assert_eq!(check_clinic_field("name", "<b>Studio</b>"), Ok(()));
    }

    #[test]
    fn a_count_that_does_not_fit_is_the_planned_field() {
        let file = PlanFile {
            protocol: HandoverProtocol::builtin("four-day-dry").unwrap(),
            sessions: vec![
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            ],
            planned: Some(1),
            zone: None,
            clinic: ClinicDetails::default(),
        };
        assert_eq!(
            file.plan_problem(),
            Some((
                "planned",
                "2 sessions are given but only 1 is planned".to_string()
            ))
        );
    }
}
