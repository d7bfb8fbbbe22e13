//! The one snapshot every command and the scheduler work from.
//!
//! [`Current`] is what the store holds (one read), turned into the engine's
//! terms once: the protocol loaded, the plan built (the engine validates
//! it), the zone chosen and today's date in it. Commands read from it and
//! never ask the store or the engine a second time; the reminder scheduler
//! builds the same thing, so what the UI shows and what the notifications
//! say never disagree.

use aftercare::{Lang, Plan, Protocol, Reminder};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::error::AppError;
use crate::model::{ProtocolChoice, SessionRow, Settings, ValueReset};
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
    pub values_reset: Vec<ValueReset>,
    /// The zone days are counted in.
    pub zone: Tz,
    /// The language the plan's texts (and the UI) speak: the client's
    /// choice, or the device's.
    pub lang: Lang,
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
    /// Reads the store once and builds the snapshot of what is stored.
    /// It never fails on a stored value: what the engine can't use is
    /// reported in `values_reset` and set aside (see [`Current::build`]).
    pub fn load(store: &Store, clock: &dyn Clock) -> Result<Current, AppError> {
        Current::build(store.snapshot()?, clock, None, None)
    }

    /// Builds the snapshot from what a store read (or a change in progress)
    /// returned: the protocol is loaded once (or taken from `loaded`, when
    /// the caller has just parsed the one `snapshot` names), the plan built
    /// once.
    ///
    /// `proposed` is the field of a change the client is making: the
    /// engine's refusal of the new plan is placed on it, and nothing is
    /// applied. Without one (reading what is stored), nothing stored may
    /// lock the client out: a stored protocol the engine refuses gives way
    /// to the default one, a planned count that can't hold the sessions to
    /// the protocol's usual count, and a plan that still can't be built to
    /// none, each reported in `values_reset`.
    pub fn build(
        snapshot: Snapshot,
        clock: &dyn Clock,
        loaded: Option<Protocol>,
        proposed: Option<&str>,
    ) -> Result<Current, AppError> {
        let Snapshot {
            sessions,
            mut planned,
            protocol: choice,
            settings,
            mut values_reset,
        } = snapshot;
        let protocol = match loaded {
            Some(p) => p,
            // The stored choice is not what a change proposes: fall back.
            None => protocol_for(&choice, "protocol").or_else(|e| {
                let stored = serde_json::to_string(&choice).unwrap_or_default();
                values_reset.push(crate::store::protocol_reset(&stored, Some(e)));
                Protocol::builtin(aftercare::DEFAULT_PROTOCOL)
                    .map_err(|e| AppError::from_engine(e, "protocol"))
            })?,
        };
        let zone = settings.zone.zone(clock.device_zone());
        let lang = settings.language.lang(clock.device_lang());
        // The protocol's texts in the client's language too (the picker,
        // the Protocol screen), not only the plan's.
        let protocol = protocol.in_lang(lang);
        let plan = if sessions.is_empty() {
            None
        } else {
            let dates: Vec<NaiveDate> = sessions.iter().map(|s| s.date).collect();
            match (
                Plan::new_in(protocol.clone(), dates.clone(), planned, zone, lang),
                proposed,
            ) {
                (Ok(plan), _) => Some(plan),
                (Err(e), Some(field)) => return Err(AppError::from_engine(e, field)),
                (Err(e), None) => {
                    let retry = planned
                        .and_then(|_| Plan::new_in(protocol.clone(), dates, None, zone, lang).ok());
                    let message = match &retry {
                        Some(_) => format!(
                            "the stored plan could not be used ({e}), so your clinic's usual number of sessions is used until you choose one"
                        ),
                        None => format!(
                            "your stored sessions could not be turned into a plan ({e}): check them on the Sessions screen"
                        ),
                    };
                    let field = if retry.is_some() {
                        "planned"
                    } else {
                        "sessions"
                    };
                    values_reset.push(ValueReset {
                        field: field.into(),
                        session_id: None,
                        stored: planned.map(|n| n.to_string()).unwrap_or_default(),
                        used: None,
                        reason: Some(AppError::from_engine(e, field)),
                        message,
                    });
                    if retry.is_some() {
                        planned = None;
                    }
                    retry
                }
            }
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
            values_reset,
            zone,
            lang,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LanguageMode;

    /// A device set to Spanish, at a fixed instant.
    struct SpanishDevice;

    impl Clock for SpanishDevice {
        fn now(&self) -> DateTime<Utc> {
            DateTime::parse_from_rfc3339("2026-03-07T10:00:00Z")
                .unwrap()
                .to_utc()
        }
        fn device_zone(&self) -> Tz {
            Tz::UTC
        }
        fn device_lang(&self) -> Lang {
            Lang::Es
        }
    }

    #[test]
    fn the_plan_speaks_the_chosen_language_else_the_devices() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap().store;
        store
            .insert_session(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
            .unwrap();
        let c = Current::load(&store, &SpanishDevice).unwrap();
        assert_eq!(c.lang, Lang::Es);
        assert_eq!(c.plan.unwrap().lang(), Lang::Es);

        store
            .save_settings(&Settings {
                language: LanguageMode::Fixed(Lang::En),
                ..Settings::default()
            })
            .unwrap();
        let c = Current::load(&store, &SpanishDevice).unwrap();
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.plan.unwrap().lang(), Lang::En);
    }
}
