//! Builds the engine's plan from what the store holds. The one place where
//! stored choices (protocol, sessions, planned count, zone mode) become an
//! `aftercare::Plan`; commands and the reminder scheduler both come here, so
//! what the UI shows and what the notifications say never disagree.

use aftercare::{Plan, Protocol};
use chrono_tz::Tz;

use crate::error::AppError;
use crate::model::{ProtocolChoice, Settings, ZoneMode};
use crate::store::Store;

/// The zone the plan counts days in.
pub fn zone_for(settings: &Settings, device_zone: Tz) -> Result<Tz, AppError> {
    match &settings.zone {
        ZoneMode::Device => Ok(device_zone),
        ZoneMode::Fixed { zone } => {
            aftercare::parse_zone(zone).map_err(|e| AppError::from_engine(e, "zone"))
        }
    }
}

/// The protocol a choice names.
pub fn protocol_for(choice: &ProtocolChoice) -> Result<Protocol, AppError> {
    match choice {
        ProtocolChoice::Builtin { id } => {
            Protocol::builtin(id).map_err(|e| AppError::from_engine(e, "protocol"))
        }
        ProtocolChoice::Imported { source_name, text } => {
            Protocol::from_toml(source_name, text).map_err(|e| AppError::from_engine(e, "protocol"))
        }
    }
}

/// The client's plan and settings; `None` for the plan until a first session
/// is entered.
pub fn load(store: &Store, device_zone: Tz) -> Result<(Option<Plan>, Settings), AppError> {
    let settings = store.settings()?;
    let sessions: Vec<_> = store.sessions()?.into_iter().map(|s| s.date).collect();
    if sessions.is_empty() {
        return Ok((None, settings));
    }
    let protocol = protocol_for(&store.protocol_choice()?)?;
    let zone = zone_for(&settings, device_zone)?;
    let plan = Plan::new(protocol, sessions, store.planned()?, zone)
        .map_err(|e| AppError::from_engine(e, "sessions"))?;
    Ok((Some(plan), settings))
}

/// Checks that the store's plan would still be valid with `sessions` and
/// `planned` instead of what it holds, before anything is written: an
/// impossible combination is refused with the engine's own message, placed
/// on `field`.
pub fn check_candidate(
    store: &Store,
    sessions: Vec<chrono::NaiveDate>,
    planned: Option<u32>,
    field: &str,
) -> Result<(), AppError> {
    if sessions.is_empty() {
        return Ok(());
    }
    let protocol = protocol_for(&store.protocol_choice()?)?;
    Plan::new(protocol, sessions, planned, chrono_tz::UTC)
        .map(|_| ())
        .map_err(|e| AppError::from_engine(e, field))
}
