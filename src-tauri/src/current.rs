//! The one snapshot every command and the scheduler work from.
//!
//! [`Current`] is what the store holds (one read), turned into the engine's
//! terms once: the protocol loaded, the plan built (the engine validates
//! it), the zone chosen and today's date in it. Commands read from it and
//! never ask the store or the engine a second time; the reminder scheduler
//! builds the same thing, so what the UI shows and what the notifications
//! say never disagree.

use aftercare::{Plan, Protocol, Reminder};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::error::AppError;
use crate::model::{ProtocolChoice, SessionRow, SettingReset, Settings};
use crate::platform::Clock;
use crate::store::{Snapshot, Store};

/// The client's plan and settings as of one instant.
#[derive(Debug, Clone)]
pub struct Current {
    /// The booked sessions as stored (with their row ids), by date.
    pub sessions: Vec<SessionRow>,
    /// The planned count the client chose; `None` follows the protocol.
    pub planned: Option<u32>,
    /// Which protocol is followed, as stored.
    pub choice: ProtocolChoice,
    /// That protocol, loaded.
    pub protocol: Protocol,
    /// The engine's plan; `None` until a first session is booked.
    pub plan: Option<Plan>,
    /// The client's settings.
    pub settings: Settings,
    /// Stored settings that could not be read and were reset (shown as a
    /// notice until the settings are saved again).
    pub settings_reset: Vec<SettingReset>,
    /// The zone days are counted in.
    pub zone: Tz,
    /// The instant the snapshot was taken.
    pub now: DateTime<Utc>,
    /// Today's date in `zone`.
    pub today: NaiveDate,
}

/// The protocol a choice names; engine errors go to `field`.
pub fn protocol_for(choice: &ProtocolChoice, field: &str) -> Result<Protocol, AppError> {
    match choice {
        ProtocolChoice::Builtin { id } => Protocol::builtin(id),
        ProtocolChoice::Imported { source_name, text } => Protocol::from_toml(source_name, text),
    }
    .map_err(|e| AppError::from_engine(e, field))
}

impl Current {
    /// Reads the store once and builds the snapshot. A stored plan the
    /// engine refuses is reported on `sessions`.
    pub fn load(store: &Store, clock: &dyn Clock) -> Result<Current, AppError> {
        Current::build(store.snapshot()?, clock, None, "sessions")
    }

    /// Builds the snapshot from what a store read (or a change in progress)
    /// returned: the protocol is loaded once (or taken from `loaded`, when
    /// the caller has just parsed the one `snapshot` names), the plan built
    /// once. The engine's refusal of the plan is placed on `field`.
    pub fn build(
        snapshot: Snapshot,
        clock: &dyn Clock,
        loaded: Option<Protocol>,
        field: &str,
    ) -> Result<Current, AppError> {
        let Snapshot {
            sessions,
            planned,
            protocol: choice,
            settings,
            settings_reset,
        } = snapshot;
        let protocol = match loaded {
            Some(p) => p,
            None => protocol_for(&choice, "protocol")?,
        };
        let zone = settings.zone.zone(clock.device_zone());
        let plan = if sessions.is_empty() {
            None
        } else {
            let dates = sessions.iter().map(|s| s.date).collect();
            Some(
                Plan::new(protocol.clone(), dates, planned, zone)
                    .map_err(|e| AppError::from_engine(e, field))?,
            )
        };
        let now = clock.now();
        let today = match &plan {
            Some(plan) => plan.today(now),
            // No plan to ask yet (first run): the same reading of the clock.
            None => now.with_timezone(&zone).date_naive(),
        };
        Ok(Current {
            sessions,
            planned,
            choice,
            protocol,
            plan,
            settings,
            settings_reset,
            zone,
            now,
            today,
        })
    }

    /// The plan's reminders at the client's reminder time (none without a
    /// plan).
    pub fn reminders(&self) -> Vec<Reminder> {
        self.plan
            .as_ref()
            .map(|p| p.reminders(self.settings.reminder_time))
            .unwrap_or_default()
    }

    /// How many sessions are planned in all: the plan's count, or before a
    /// first session the client's choice or the protocol's usual count.
    pub fn planned_effective(&self) -> u32 {
        match &self.plan {
            Some(plan) => plan.planned(),
            None => self
                .planned
                .unwrap_or_else(|| self.protocol.sessions().usual),
        }
    }
}
