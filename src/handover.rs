//! The clinic's hand-over: a plan as a `.smpplan` file and as a
//! `smp-aftercare://plan?…` link (printed as a QR code on the aftercare
//! card), read and written by the same code so that what the CLI writes
//! the app opens.
//!
//! The format is documented in `docs/plan-file.md`. Reading validates the
//! whole plan with the engine ([`PlanFile::plan`]), so a file or link that
//! reads without error also builds a plan.

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::error::Error;
use crate::plan::Plan;
use crate::protocol::Protocol;

/// The plan-file format version this engine writes and the newest it reads.
pub const PLAN_FORMAT: u32 = 1;

/// The largest plan file read, in bytes (64 KiB).
pub const MAX_PLAN_FILE_BYTES: usize = 64 * 1024;

/// The largest link written or read, in bytes: see `docs/plan-file.md` for
/// the QR code it makes.
pub const MAX_LINK_BYTES: usize = 2_000;

/// The link's scheme, registered by the app.
pub const LINK_SCHEME: &str = "smp-aftercare";

/// The clinic's contact details as the hand-over carries them; any field
/// may be empty.
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

/// The protocol a hand-over names.
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
    pub fn protocol(&self) -> &Protocol {
        match self {
            HandoverProtocol::Builtin(p) | HandoverProtocol::Inline { protocol: p, .. } => p,
        }
    }
}

/// A plan handed over by a clinic: a `.smpplan` file or a link.
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
    pub fn from_bytes(source_name: &str, bytes: &[u8]) -> Result<PlanFile, Error> {
        let _ = (source_name, bytes);
        Err(Error::PlanLink {
            message: "not built yet".into(),
        })
    }

    /// Writes the plan as a `.smpplan` file (TOML), which
    /// [`PlanFile::from_bytes`] reads back equal.
    pub fn to_toml(&self) -> String {
        String::new()
    }

    /// The plan as a `smp-aftercare://plan?…` link, at most
    /// [`MAX_LINK_BYTES`]; a larger one is an error that says to share the
    /// file instead.
    pub fn to_link(&self) -> Result<String, Error> {
        Err(Error::PlanLink {
            message: "not built yet".into(),
        })
    }

    /// Reads a link written by [`PlanFile::to_link`] ([`Error::PlanLink`]
    /// for a damaged, oversized, newer-version or altered one).
    pub fn from_link(link: &str) -> Result<PlanFile, Error> {
        let _ = link;
        Err(Error::PlanLink {
            message: "not built yet".into(),
        })
    }

    /// The plan this hand-over describes, in `zone` when it names none.
    pub fn plan(&self, zone: Tz) -> Result<Plan, Error> {
        Plan::new(
            self.protocol.protocol().clone(),
            self.sessions.clone(),
            self.planned,
            self.zone.unwrap_or(zone),
        )
    }
}
