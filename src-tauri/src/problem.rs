//! What was wrong with a client's input, as data: the UI words each
//! problem in the client's language (`placeError` in `ui/src/logic.ts`,
//! messages `error-*`), with dates and numbers through Intl, as it does for
//! a typed date's [`DateProblem`](aftercare::date_entry::DateProblem).
//!
//! Serialized tagged (`{"problem": "too_long", "what": "note", ...}`) and
//! exported to TypeScript, so a variant the UI forgets fails its type check.
//! `Display` is the English sentence the app logged before it spoke
//! Spanish: it stays the `message` of [`AppError::Invalid`](crate::error::AppError)
//! for logs and the log file.

use std::fmt;

use aftercare::handover::Fault;
use aftercare::protocol::FileKind;

use crate::photos::{FileIs, PhotoError};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

/// A refusal the client can meet, with the values its sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// A value longer than the app keeps.
    TooLong {
        /// Which value.
        what: Input,
        /// The most allowed, in `unit`.
        most: u32,
        /// How `most` counts.
        unit: Unit,
    },
    /// Care ticks asked for a range that ends before it starts.
    RangeBackwards {
        /// The first day asked for.
        from: NaiveDate,
        /// The last day asked for.
        to: NaiveDate,
    },
    /// Care ticks asked for more days than one call covers.
    RangeTooLong {
        /// The first day asked for.
        from: NaiveDate,
        /// The last day asked for.
        to: NaiveDate,
        /// How many days that is.
        days: u32,
        /// The most at a time.
        most: u32,
    },
    /// A change that would leave more sessions than a plan holds.
    TooManySessions {
        /// The most a plan holds.
        most: u32,
    },
    /// A check-in with more photos than it holds.
    TooManyPhotos {
        /// The most a check-in holds.
        most: u32,
        /// How many to remove.
        over: u32,
    },
    /// A photo file over the size limit, measured before it is decoded.
    PhotoTooLarge {
        /// Its size, in whole megabytes rounded up.
        megabytes: u32,
        /// The most, in megabytes.
        most: u32,
    },
    /// A photo the app refused or could not keep.
    PhotoRefused {
        /// Why.
        fault: PhotoFault,
    },
    /// A photo that did not arrive whole from the page.
    PhotoIncomplete,
    /// A photo of the check-in that is gone from the photo folder.
    PhotoGone {
        /// Its 1-based place among the check-in's photos.
        number: u32,
    },
    /// More days to share than the journal holds.
    TooManyDays {
        /// How many were asked for.
        asked: u32,
        /// How many check-ins the journal has.
        held: u32,
    },
    /// Sharing with no day chosen.
    NoDayChosen,
    /// A day to share without a check-in.
    NoCheckIn {
        /// The day.
        date: NaiveDate,
    },
    /// Something that needs a first session before it has one.
    NoSessionYet {
        /// What needs it.
        needed_for: NeededFor,
    },
    /// A check-in for a day that has not come.
    CheckInTooEarly {
        /// The day.
        date: NaiveDate,
    },
    /// A check-in changed after its day and the next.
    CheckInTooLate {
        /// The day.
        date: NaiveDate,
    },
    /// A care item ticked that is done once a day.
    NothingToTick {
        /// The item's label, as the client reads it.
        label: String,
    },
    /// A care item ticked more often than a day allows.
    TicksFull {
        /// The item's label.
        label: String,
        /// The most ticks in a day.
        most: u32,
        /// Whether the clinic set that most (else the app's own cap).
        clinic_most: bool,
    },
    /// A care item that is not asked for today.
    NotAskedToday {
        /// The id sent.
        care: String,
    },
    /// Quiet hours that start and end at the same time.
    QuietHoursEmpty {
        /// Their start, `HH:MM`.
        start: String,
        /// Their end, `HH:MM`.
        end: String,
    },
    /// A language the app does not speak.
    UnknownLanguage {
        /// The text sent.
        text: String,
    },
    /// A clinic phone number with other characters.
    NotAPhone {
        /// The text typed.
        text: String,
    },
    /// A clinic email address that is not one.
    NotAnEmail {
        /// The text typed.
        text: String,
    },
    /// Launch at login could not be switched (the desktop refused).
    LaunchAtLoginFailed {
        /// The system's reason, in English.
        detail: String,
    },
    /// A date that is not `YYYY-MM-DD` (from the page's date fields).
    NotADate {
        /// The text sent.
        text: String,
    },
    /// A time that is not `HH:MM`.
    NotATime {
        /// The text typed.
        text: String,
    },
    /// A time zone name the app does not know.
    UnknownZone {
        /// The text typed.
        text: String,
    },
    /// A built-in protocol id that is not one.
    UnknownProtocol {
        /// The id sent.
        id: String,
    },
    /// A plan without any session date.
    NoSessions,
    /// The same session date twice.
    SessionTwice {
        /// The date.
        date: NaiveDate,
    },
    /// A planned number of sessions out of range.
    PlannedOutOfRange {
        /// The number given.
        planned: u32,
        /// The most.
        most: u32,
    },
    /// A planned number below the sessions booked.
    PlannedTooFew {
        /// The number given.
        planned: u32,
        /// How many sessions are booked.
        sessions: u32,
    },
    /// A file chosen as a protocol that is not one (a PDF, a picture).
    NotAProtocol {
        /// What it is.
        file: FileKind,
    },
    /// A clinic's plan file or link the app can't take.
    Handover {
        /// A file or a link.
        from: HandoverFrom,
        /// What is wrong with it.
        fault: HandoverFault,
        /// The engine's English detail, for the clinic, where it helps.
        detail: Option<String>,
    },
    /// The clinic's plan changed between its preview and its acceptance.
    PlanChanged,
    /// A plan file that could not be opened.
    FileUnreadable {
        /// The file's name (never its path).
        name: String,
        /// The system's reason, in English.
        reason: String,
    },
    /// A path that is a folder or a device, not a file.
    NotAFile {
        /// Its name.
        name: String,
    },
}

/// A value a [`Problem::TooLong`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Input {
    /// A protocol file's name.
    FileName,
    /// A protocol file's text.
    ProtocolFile,
    /// A built-in protocol's id.
    ProtocolId,
    /// A date.
    Date,
    /// A care item's id.
    CareId,
    /// The reminder time.
    ReminderTime,
    /// The start of quiet hours.
    QuietStart,
    /// The end of quiet hours.
    QuietEnd,
    /// The time zone.
    Zone,
    /// The language.
    Language,
    /// The clinic's name.
    ClinicName,
    /// The clinic's phone.
    ClinicPhone,
    /// The clinic's email.
    ClinicEmail,
    /// The clinic's address.
    ClinicAddress,
    /// A check-in's note.
    Note,
    /// A photo's id.
    PhotoId,
    /// A plan file's path.
    FilePath,
}

impl Input {
    fn english(self) -> &'static str {
        match self {
            Input::FileName => "the file name",
            Input::ProtocolFile => "the protocol file",
            Input::ProtocolId => "the protocol id",
            Input::Date => "the date",
            Input::CareId => "the care id",
            Input::ReminderTime => "the reminder time",
            Input::QuietStart => "the start of quiet hours",
            Input::QuietEnd => "the end of quiet hours",
            Input::Zone => "the time zone",
            Input::Language => "the language",
            Input::ClinicName => "the clinic's name",
            Input::ClinicPhone => "the clinic's phone",
            Input::ClinicEmail => "the clinic's email",
            Input::ClinicAddress => "the clinic's address",
            Input::Note => "the note",
            Input::PhotoId => "a photo's id",
            Input::FilePath => "the file's path",
        }
    }
}

/// How a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// UTF-8 bytes (what is stored and parsed).
    Bytes,
    /// Characters (what the client types and sees).
    Characters,
}

/// What needs a first session ([`Problem::NoSessionYet`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NeededFor {
    /// A check-in.
    CheckIn,
    /// A calendar export.
    Calendar,
    /// Ticking off care.
    Care,
}

/// Why a photo was refused ([`Problem::PhotoRefused`]): what the file is,
/// when it is not a photo the app reads, so the client knows what to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum PhotoFault {
    /// An empty file.
    Empty,
    /// A HEIC photo (iPhones' default), which the app can't read yet.
    Heic,
    /// An AVIF image.
    Avif,
    /// A video.
    Video,
    /// A GIF image.
    Gif,
    /// A PDF document.
    Pdf,
    /// A TIFF or camera raw file.
    Tiff,
    /// A BMP image.
    Bmp,
    /// A ZIP archive or office document.
    Zip,
    /// A text file.
    Text,
    /// Any other file that is not a JPEG, PNG or WebP photo.
    NotAnImage,
    /// A JPEG, PNG or WebP of a kind the decoder can't read.
    Unreadable,
    /// Too large a file or too many pixels.
    TooLarge,
    /// A damaged or cut-off file.
    Damaged,
    /// The photo folder could not be written.
    NotSaved,
}

impl PhotoFault {
    /// The fault of a refused import.
    pub fn of(error: &PhotoError) -> PhotoFault {
        match error {
            PhotoError::TooLarge(_) => PhotoFault::TooLarge,
            PhotoError::Damaged(_) => PhotoFault::Damaged,
            PhotoError::Io(_) => PhotoFault::NotSaved,
            PhotoError::NotAnImage(is, _) => match is {
                FileIs::Empty => PhotoFault::Empty,
                FileIs::Heic => PhotoFault::Heic,
                FileIs::Avif => PhotoFault::Avif,
                FileIs::Video => PhotoFault::Video,
                FileIs::Gif => PhotoFault::Gif,
                FileIs::Pdf => PhotoFault::Pdf,
                FileIs::Tiff => PhotoFault::Tiff,
                FileIs::Bmp => PhotoFault::Bmp,
                FileIs::Zip => PhotoFault::Zip,
                FileIs::Text => PhotoFault::Text,
                FileIs::UnreadablePhoto => PhotoFault::Unreadable,
                FileIs::Other => PhotoFault::NotAnImage,
            },
        }
    }
}

/// Where a clinic's plan came from ([`Problem::Handover`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum HandoverFrom {
    /// A `.smpplan` file.
    File,
    /// A `smp-aftercare://plan` link or QR code.
    Link,
}

/// What is wrong with a clinic's plan file or link: the engine's own
/// [`Fault`], sent to the UI as it is (exported as `HandoverFault`), so the
/// UI words exactly the faults the engine tells apart.
pub use aftercare::handover::Fault as HandoverFault;

/// Whether the engine's English detail helps: for a damaged file or link,
/// or a plan that makes no sense, it names the line, part or value the
/// clinic should look at; the other faults say all there is. No `_` arm: a
/// fault added to the engine fails to compile here until it is decided.
fn detail_helps(fault: Fault) -> bool {
    match fault {
        Fault::Damaged | Fault::Nonsense => true,
        Fault::NotALink
        | Fault::TooLong
        | Fault::TooLarge
        | Fault::Newer
        | Fault::NotAPlan
        | Fault::Pdf
        | Fault::Picture
        | Fault::Binary => false,
    }
}

impl Problem {
    /// A handover problem from the engine's [`aftercare::Error::PlanFile`] or
    /// [`aftercare::Error::PlanLink`]: its `fault`, with its English
    /// `message` as the detail where that helps the clinic.
    pub fn handover(from: HandoverFrom, fault: Fault, message: &str) -> Problem {
        Problem::Handover {
            from,
            fault,
            detail: detail_helps(fault).then(|| message.to_string()),
        }
    }
}

impl fmt::Display for Problem {
    /// The English sentence, for logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = |d: &NaiveDate| d.format("%-d %B").to_string();
        match self {
            Problem::TooLong { what, most, unit } => {
                let unit = match unit {
                    Unit::Bytes => "bytes",
                    Unit::Characters => "characters",
                };
                write!(f, "{} is too long: at most {most} {unit}", what.english())
            }
            Problem::RangeBackwards { from, to } => {
                write!(f, "{to} is before {from}: give the earlier date first")
            }
            Problem::RangeTooLong {
                from,
                to,
                days,
                most,
            } => write!(
                f,
                "{from} to {to} is {days} days; ask for at most {most} at a time"
            ),
            Problem::TooManySessions { most } => write!(
                f,
                "a plan holds at most {most} sessions; delete one before booking another"
            ),
            Problem::TooManyPhotos { most, over } => write!(
                f,
                "a check-in holds at most {most} photos; remove {over} to save it"
            ),
            Problem::PhotoTooLarge { megabytes, most } => {
                write!(
                    f,
                    "this photo is too large ({megabytes} MB): at most {most} MB"
                )
            }
            Problem::PhotoRefused { fault } => write!(f, "photo refused ({fault:?})"),
            Problem::PhotoIncomplete => {
                f.write_str("the photo did not arrive whole; try adding it again")
            }
            Problem::PhotoGone { number } => write!(
                f,
                "photo {number} is no longer on this device: add it again"
            ),
            Problem::TooManyDays { asked, held } => write!(
                f,
                "{asked} days were asked for, and your journal has {held} check-ins"
            ),
            Problem::NoDayChosen => f.write_str("choose at least one day to share"),
            Problem::NoCheckIn { date } => {
                write!(f, "there is no check-in on {}", day(date))
            }
            Problem::NoSessionYet { needed_for } => f.write_str(match needed_for {
                NeededFor::CheckIn => {
                    "check-ins start with your first session: enter its date first"
                }
                NeededFor::Calendar => "add your first session before exporting a calendar",
                NeededFor::Care => {
                    "there is no care to tick off before your first session is entered"
                }
            }),
            Problem::CheckInTooEarly { date } => {
                write!(f, "{} hasn't come yet: check in on the day", day(date))
            }
            Problem::CheckInTooLate { date } => write!(
                f,
                "Check-ins can be changed on their day and the next; {} is past that",
                day(date)
            ),
            Problem::NothingToTick { label } => write!(
                f,
                "\"{label}\" has nothing to tick off: your clinic doesn't ask for it several \
                 times a day"
            ),
            Problem::TicksFull {
                label,
                most,
                clinic_most,
            } => write!(
                f,
                "\"{label}\" is already ticked off {most} times today, the most {}",
                if *clinic_most {
                    "your clinic asks for"
                } else {
                    "the app counts in a day"
                }
            ),
            Problem::NotAskedToday { care } => write!(f, "\"{care}\" is not asked for today"),
            Problem::QuietHoursEmpty { start, end } => write!(
                f,
                "quiet hours from {start} to {end} cover no time; choose a different end"
            ),
            Problem::UnknownLanguage { text } => write!(
                f,
                "\"{text}\" is not a language the app speaks: choose device, en or es"
            ),
            Problem::NotAPhone { text } => write!(
                f,
                "\"{text}\" is not a phone number: use digits, spaces and + - ( )"
            ),
            Problem::NotAnEmail { text } => write!(
                f,
                "\"{text}\" is not an email address such as clinic@example.com"
            ),
            Problem::LaunchAtLoginFailed { detail } => {
                write!(f, "could not change launch at login: {detail}")
            }
            Problem::NotADate { text } => write!(f, "{text:?} is not a date (YYYY-MM-DD)"),
            Problem::NotATime { text } => write!(f, "{text:?} is not a time (HH:MM)"),
            Problem::UnknownZone { text } => write!(f, "unknown time zone {text:?}"),
            Problem::UnknownProtocol { id } => write!(f, "unknown protocol {id:?}"),
            Problem::NoSessions => f.write_str("a plan needs at least one session date"),
            Problem::SessionTwice { date } => write!(f, "session {date} is given twice"),
            Problem::PlannedOutOfRange { planned, most } => write!(
                f,
                "planned sessions must be between 1 and {most}, got {planned}"
            ),
            Problem::PlannedTooFew { planned, sessions } => {
                let verb = if *planned == 1 { "is" } else { "are" };
                write!(
                    f,
                    "{sessions} sessions are given but only {planned} {verb} planned"
                )
            }
            Problem::NotAProtocol { file } => f.write_str(&file.sentence()),
            Problem::Handover {
                from,
                fault,
                detail,
            } => {
                let from = match from {
                    HandoverFrom::File => "plan file",
                    HandoverFrom::Link => "plan link",
                };
                match detail {
                    Some(detail) => write!(f, "{from} refused ({fault:?}): {detail}"),
                    None => write!(f, "{from} refused ({fault:?})"),
                }
            }
            Problem::PlanChanged => f.write_str(CHANGED_SINCE_PREVIEW),
            Problem::FileUnreadable { name, reason } => {
                write!(f, "\"{name}\" cannot be opened ({reason})")
            }
            Problem::NotAFile { name } => write!(f, "\"{name}\" is not a file"),
        }
    }
}

/// The English of [`Problem::PlanChanged`].
pub const CHANGED_SINCE_PREVIEW: &str = "the plan changed since you saw it; open it again";

/// A count as it crosses IPC: counts here are far below `u32::MAX`, and a
/// larger one is shown as the most a `u32` holds rather than wrapped.
pub fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The problem of the engine's refusal of a file or link.
    fn refusal(result: Result<aftercare::PlanFile, aftercare::Error>) -> Problem {
        match result {
            Err(e @ aftercare::Error::PlanFile { fault, .. }) => {
                Problem::handover(HandoverFrom::File, fault, &e.to_string())
            }
            Err(e @ aftercare::Error::PlanLink { fault, .. }) => {
                Problem::handover(HandoverFrom::Link, fault, &e.to_string())
            }
            other => panic!("{other:?}"),
        }
    }

    fn fault_of(problem: &Problem) -> HandoverFault {
        match problem {
            Problem::Handover { fault, .. } => *fault,
            other => panic!("{other:?}"),
        }
    }

    fn a_link() -> String {
        aftercare::PlanFile {
            protocol: aftercare::HandoverProtocol::Builtin(
                aftercare::Protocol::builtin(aftercare::DEFAULT_PROTOCOL).unwrap(),
            ),
            sessions: vec![NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()],
            planned: None,
            zone: None,
            clinic: aftercare::ClinicDetails::default(),
        }
        .to_link()
        .unwrap()
    }

    #[test]
    fn each_real_plan_file_refusal_has_its_fault() {
        let big = vec![b'#'; aftercare::handover::MAX_PLAN_FILE_BYTES + 1];
        let cases: [(&str, &[u8], HandoverFault); 14] = [
            ("a PDF", b"%PDF-1.7\n", HandoverFault::Pdf),
            ("a PNG", b"\x89PNG\r\n\x1a\n", HandoverFault::Picture),
            ("a JPEG", b"\xFF\xD8\xFF\xE0", HandoverFault::Picture),
            ("a NUL byte", b"a\0b", HandoverFault::Binary),
            ("not UTF-8", b"smpplan = 1 \xC3(", HandoverFault::Binary),
            ("no smpplan line", b"title = 1\n", HandoverFault::NotAPlan),
            ("a newer version", b"smpplan = 9\n", HandoverFault::Newer),
            ("a version as text", b"smpplan = \"1\"\n", HandoverFault::Damaged),
            ("over 64 KiB", &big, HandoverFault::TooLarge),
            (
                "cut off mid-array",
                b"smpplan = 1\nsessions = [\"2026-03-02\"",
                HandoverFault::Damaged,
            ),
            (
                "an unknown protocol",
                b"smpplan = 1\nprotocol = \"nope\"\nsessions = [\"2026-03-02\"]\n",
                HandoverFault::Nonsense,
            ),
            (
                "an unknown key",
                b"smpplan = 1\ncolour = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-03-02\"]\n",
                HandoverFault::Nonsense,
            ),
            (
                "a date that is not one",
                b"smpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-02-30\"]\n",
                HandoverFault::Nonsense,
            ),
            (
                "more sessions than planned",
                b"smpplan = 1\nprotocol = \"four-day-dry\"\nsessions = [\"2026-03-02\", \"2026-04-02\"]\nplanned = 1\n",
                HandoverFault::Nonsense,
            ),
        ];
        for (what, bytes, expected) in cases {
            let problem = refusal(aftercare::PlanFile::from_bytes("p.smpplan", bytes));
            assert_eq!(fault_of(&problem), expected, "{what}");
        }
    }

    #[test]
    fn each_real_plan_link_refusal_has_its_fault() {
        // The engine's `tests/handover.rs` holds every refusal to its
        // fault; these are the ones a client meets most.
        let good = a_link();
        let long = format!("{good}{}", "a".repeat(aftercare::handover::MAX_LINK_BYTES));
        let cases: Vec<(&str, String, HandoverFault)> = vec![
            (
                "a web address",
                "https://example.com".into(),
                HandoverFault::NotALink,
            ),
            (
                "a changed date",
                good.replace("2026-03-02", "2026-03-03"),
                HandoverFault::Damaged,
            ),
            (
                "no checksum",
                good[..good.rfind("&c=").unwrap()].into(),
                HandoverFault::Damaged,
            ),
            (
                "a newer version",
                good.replace("v=1", "v=9"),
                HandoverFault::Newer,
            ),
            ("over 2000 bytes", long, HandoverFault::TooLong),
        ];
        for (what, link, expected) in cases {
            let problem = refusal(aftercare::PlanFile::from_link(&link));
            assert_eq!(fault_of(&problem), expected, "{what}: {problem}");
        }
    }

    #[test]
    fn the_detail_is_kept_where_it_names_what_to_fix() {
        let unknown = b"smpplan = 1\nprotocol = \"nope\"\nsessions = [\"2026-03-02\"]\n";
        let message = aftercare::PlanFile::from_bytes("p.smpplan", unknown)
            .unwrap_err()
            .to_string();
        assert_eq!(
            refusal(aftercare::PlanFile::from_bytes("p.smpplan", unknown)),
            Problem::Handover {
                from: HandoverFrom::File,
                fault: HandoverFault::Nonsense,
                detail: Some(message),
            }
        );
        let changed = a_link().replace("2026-03-02", "2026-03-03");
        assert_eq!(
            refusal(aftercare::PlanFile::from_link(&changed)),
            Problem::Handover {
                from: HandoverFrom::Link,
                fault: HandoverFault::Damaged,
                detail: Some(
                    "plan link: the link is damaged or was changed: ask your clinic for a new one"
                        .into()
                ),
            }
        );
        assert_eq!(
            refusal(aftercare::PlanFile::from_bytes("p.smpplan", b"%PDF-1.7\n")),
            Problem::Handover {
                from: HandoverFrom::File,
                fault: HandoverFault::Pdf,
                detail: None,
            }
        );
    }

    #[test]
    fn every_handover_fault_has_a_wording_in_each_language() {
        // Exhaustive on purpose: a fault added to the engine fails to
        // compile here, and its UI message is then checked below.
        let all = |fault: Fault| match fault {
            Fault::NotALink
            | Fault::Damaged
            | Fault::TooLong
            | Fault::TooLarge
            | Fault::Newer
            | Fault::NotAPlan
            | Fault::Pdf
            | Fault::Picture
            | Fault::Binary
            | Fault::Nonsense => fault,
        };
        let faults = [
            Fault::NotALink,
            Fault::Damaged,
            Fault::TooLong,
            Fault::TooLarge,
            Fault::Newer,
            Fault::NotAPlan,
            Fault::Pdf,
            Fault::Picture,
            Fault::Binary,
            Fault::Nonsense,
        ]
        .map(all);
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
        let logic = std::fs::read_to_string(ui.join("logic.ts")).unwrap();
        for lang in ["en", "es"] {
            let ftl = std::fs::read_to_string(ui.join(format!("locales/{lang}.ftl"))).unwrap();
            for fault in faults {
                let name = serde_json::to_value(fault).unwrap();
                let name = name.as_str().unwrap();
                let id = format!("error-handover-{}", name.replace('_', "-"));
                assert!(
                    logic.contains(&format!("{name}: \"{id}\"")),
                    "logic.ts does not word {name}"
                );
                assert!(
                    ftl.lines().any(|line| line.starts_with(&format!("{id} ="))),
                    "{lang}.ftl has no {id}"
                );
            }
        }
    }

    #[test]
    fn photo_faults_are_told_from_the_real_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::photos::PhotoStore::new(dir.path());
        let fault = |bytes: &[u8]| match store.import(bytes, &mut |_| {}) {
            Err(e) => PhotoFault::of(&e),
            Ok(_) => panic!("accepted"),
        };
        let ftyp = |brand: &[u8]| [b"\0\0\0\x18ftyp".as_slice(), brand, b"\0\0\0\0"].concat();
        assert_eq!(fault(b""), PhotoFault::Empty);
        assert_eq!(fault(&ftyp(b"heic")), PhotoFault::Heic);
        assert_eq!(fault(&ftyp(b"avif")), PhotoFault::Avif);
        assert_eq!(fault(&ftyp(b"isom")), PhotoFault::Video);
        assert_eq!(fault(b"GIF89a\x01\0\x01\0"), PhotoFault::Gif);
        assert_eq!(fault(b"%PDF-1.7\n"), PhotoFault::Pdf);
        assert_eq!(fault(b"II*\0\x08\0\0\0"), PhotoFault::Tiff);
        assert_eq!(fault(b"BM\0\0\0\0"), PhotoFault::Bmp);
        assert_eq!(fault(b"PK\x03\x04\0\0"), PhotoFault::Zip);
        assert_eq!(fault(b"just some notes\n"), PhotoFault::Text);
        assert_eq!(fault(&[0u8, 1, 2, 3, 0xFE]), PhotoFault::NotAnImage);
        assert_eq!(fault(b"\x89PNG\r\n\x1a\n\0\0"), PhotoFault::Damaged);
        assert_eq!(
            PhotoFault::of(
                &crate::photos::check_size(crate::photos::MAX_PHOTO_BYTES + 1).unwrap_err()
            ),
            PhotoFault::TooLarge
        );
        assert_eq!(
            PhotoFault::of(&PhotoError::Io("disk full".into())),
            PhotoFault::NotSaved
        );
    }
}
