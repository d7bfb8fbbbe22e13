//! A client's plan: the protocol, the booked session dates, how many
//! sessions are planned, and the client's zone.
//!
//! [`Plan::new`] checks the input and compiles it once (the `schedule`
//! module turns the protocol's relative windows, "days 1-5 after each
//! session", into concrete date ranges and holds the rules of merging);
//! every question after that ([`Plan::status`], [`Plan::milestones`],
//! [`Plan::reminders`]) reads those ranges.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::day::{check_supported, day_number};
use crate::error::{Error, MAX_PLANNED};
use crate::lang::Lang;
use crate::messages::{Arg, tr, tr_plain};
use crate::milestone::{self, Milestone};
use crate::protocol::Protocol;
use crate::schedule::Schedule;
use crate::warning::{self, Warning};

/// A client's plan, compiled into dates.
///
/// # Example
///
/// ```
/// use aftercare::{Activity, Allowance, Plan, Protocol};
/// use chrono::NaiveDate;
///
/// let protocol = Protocol::builtin("four-to-thirty").unwrap();
/// let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let plan = Plan::new(protocol, vec![first], None, chrono_tz::Europe::London).unwrap();
///
/// let today = plan.status(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap());
/// assert_eq!(today.day, Some(3));
/// let shave = today.activity(Activity::Shave).unwrap();
/// assert_eq!(shave.status, Allowance::Avoid);
/// assert_eq!(shave.allowed_from, NaiveDate::from_ymd_opt(2026, 3, 7));
/// ```
#[derive(Debug, Clone)]
pub struct Plan {
    pub(crate) schedule: Schedule,
    zone: Tz,
    milestones: Vec<Milestone>,
    /// Each milestone's reminder body ([`crate::reminder`]), cut when the
    /// milestones are worded and kept with the points it is cut from.
    reminder_bodies: Vec<Arc<str>>,
    warnings: Vec<Warning>,
    lang: Lang,
}

impl Plan {
    /// The same plan speaking `lang`: the protocol's texts in that language
    /// where it has them (else its default language), and every text the
    /// engine writes (milestones, reminders, day labels, red-flag cards)
    /// from that language's message file.
    ///
    /// The milestones and warnings are worded again; days, dates and ids
    /// stay the same.
    ///
    /// ```
    /// use aftercare::{Lang, Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![d(2)], None, chrono_tz::UTC)?;
    /// let es = plan.with_lang(Lang::Es);
    /// assert_eq!(es.lang(), Lang::Es);
    /// assert_eq!(es.day_label(d(7)), "Día 6 tras la sesión 1");
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn with_lang(self, lang: Lang) -> Plan {
        if lang == self.lang {
            return self;
        }
        let protocol = self.schedule.protocol().in_lang(lang);
        let sessions = self.schedule.sessions().to_vec();
        let planned = self.schedule.planned();
        Plan::compiled(protocol, sessions, planned, self.zone, lang)
    }

    /// Compiles checked input: `protocol` already in `lang`.
    fn compiled(
        protocol: Protocol,
        sessions: Vec<NaiveDate>,
        planned: u32,
        zone: Tz,
        lang: Lang,
    ) -> Plan {
        let schedule = Schedule::compile(protocol, sessions, planned);
        let (milestones, reminder_bodies) = milestone::compute(&schedule, lang);
        let warnings = warning::compute(&schedule);
        Plan {
            schedule,
            zone,
            milestones,
            reminder_bodies,
            warnings,
            lang,
        }
    }

    /// The language of the plan's texts ([`Plan::with_lang`]).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The red-flag cards a check-in logged on `date` with `symptoms`
    /// matches: the protocol's `[[warning]]`s for that day, then the general
    /// card on signs of infection. Empty when nothing matches.
    ///
    /// A warning gives a card when the symptom is logged at its level or
    /// stronger on a day its window holds; the general card comes when
    /// redness, swelling or soreness is logged `strong`, on any day.
    ///
    /// ```
    /// use aftercare::{Level, Plan, Protocol, RedFlagSource, Symptoms};
    /// use chrono::NaiveDate;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
    /// let p = Protocol::builtin("four-to-thirty")?;
    /// let plan = Plan::new(p, vec![d(2)], None, chrono_tz::UTC)?;
    /// let red = Symptoms { redness: Level::Strong, ..Symptoms::default() };
    ///
    /// // 003: redness for "up to a few days" is expected: day 3 is fine...
    /// let day3 = plan.red_flags(d(4), &red);
    /// assert_eq!(day3.len(), 1);
    /// assert_eq!(day3[0].source, RedFlagSource::General);
    /// // ...day 4 is longer than the clinic describes.
    /// let day4 = plan.red_flags(d(5), &red);
    /// assert_eq!(day4[0].headline, "Still red on day 4");
    /// assert_eq!(day4[1].id, "general-infection");
    /// assert!(plan.red_flags(d(5), &Symptoms::default()).is_empty());
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn red_flags(
        &self,
        date: NaiveDate,
        symptoms: &crate::red_flag::Symptoms,
    ) -> Vec<crate::red_flag::RedFlagCard> {
        crate::red_flag::matching(self, date, symptoms)
    }

    /// Where `date` stands in the plan, for a journal entry: "Day 6 after
    /// session 2", "Day of session 2" on a session's own day (day 1, which
    /// is not "after" anything), "Before your first session" before it.
    /// Counted from the latest booked session on or before `date`.
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
    /// let p = Protocol::builtin("four-to-thirty")?;
    /// let plan = Plan::new(p, vec![d(2), d(12)], None, chrono_tz::UTC)?;
    /// assert_eq!(plan.day_label(d(1)), "Before your first session");
    /// assert_eq!(plan.day_label(d(2)), "Day of session 1");
    /// assert_eq!(plan.day_label(d(11)), "Day 10 after session 1");
    /// assert_eq!(plan.day_label(d(12)), "Day of session 2");
    /// assert_eq!(plan.day_label(d(17)), "Day 6 after session 2");
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn day_label(&self, date: NaiveDate) -> String {
        let Some(index) = self.schedule.session_index_on(date) else {
            return tr_plain(self.lang, "day-label-before-first");
        };
        let n = index + 1;
        let day = self
            .sessions()
            .get(index)
            .and_then(|session| day_number(*session, date));
        match day {
            Some(day) if day > 1 => tr(
                self.lang,
                "day-label-after",
                &[("day", Arg::from(day)), ("session", Arg::from(n))],
            ),
            _ => tr(self.lang, "day-label-session", &[("session", Arg::from(n))]),
        }
    }

    /// Builds a plan from booked session dates (in any order).
    ///
    /// `planned` is the number of sessions the client will have in all;
    /// `None` takes the protocol's usual count, or the number of dates given
    /// if that is more. When all planned sessions are booked, the last one is
    /// the final session and the protocol's after-final rules apply.
    ///
    /// # Errors
    ///
    /// [`Error::NoSessions`], [`Error::DuplicateSession`],
    /// [`Error::InvalidPlanned`], or [`Error::InvalidDate`] for a date
    /// outside 1970-2199.
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let p = Protocol::builtin("four-to-thirty").unwrap();
    /// let err = Plan::new(p, vec![d, d], None, chrono_tz::UTC).unwrap_err();
    /// assert_eq!(err.to_string(), "session 2026-03-02 is given twice");
    /// ```
    pub fn new(
        protocol: Protocol,
        sessions: Vec<NaiveDate>,
        planned: Option<u32>,
        zone: Tz,
    ) -> Result<Plan, Error> {
        // A plan speaks English until `with_lang`, whatever the file's
        // default language; texts the file has only in another language
        // stay in that one.
        Plan::new_in(protocol, sessions, planned, zone, Lang::En)
    }

    /// [`Plan::new`] speaking `lang` from the start: the same plan as
    /// `Plan::new(..)?.with_lang(lang)`, compiled once instead of twice
    /// (the protocol's texts in `lang` are read once, and the milestones
    /// worded once).
    ///
    /// # Errors
    ///
    /// As [`Plan::new`].
    ///
    /// ```
    /// use aftercare::{Lang, Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let d = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
    /// let p = Protocol::builtin("four-to-thirty")?;
    /// let es = Plan::new_in(p.clone(), vec![d(2)], None, chrono_tz::UTC, Lang::Es)?;
    /// assert_eq!(es.day_label(d(7)), "Día 6 tras la sesión 1");
    /// let twice = Plan::new(p, vec![d(2)], None, chrono_tz::UTC)?.with_lang(Lang::Es);
    /// assert_eq!(es.milestones(), twice.milestones());
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn new_in(
        protocol: Protocol,
        mut sessions: Vec<NaiveDate>,
        planned: Option<u32>,
        zone: Tz,
        lang: Lang,
    ) -> Result<Plan, Error> {
        if sessions.is_empty() {
            return Err(Error::NoSessions);
        }
        for date in &sessions {
            check_supported(*date)?;
        }
        sessions.sort_unstable();
        if let Some(pair) = sessions.windows(2).find(|w| w[0] == w[1]) {
            return Err(Error::DuplicateSession { date: pair[0] });
        }
        let booked = u32::try_from(sessions.len()).unwrap_or(u32::MAX);
        let planned = planned.unwrap_or_else(|| protocol.sessions().usual.max(booked));
        if planned == 0 || planned > MAX_PLANNED || planned < booked {
            return Err(Error::InvalidPlanned {
                planned,
                sessions: booked,
            });
        }

        // Already in `lang`: kept as it is, not copied.
        let protocol = if protocol.text_lang() == lang {
            protocol
        } else {
            protocol.in_lang(lang)
        };
        Ok(Plan::compiled(protocol, sessions, planned, zone, lang))
    }

    /// The protocol the plan follows.
    pub fn protocol(&self) -> &Protocol {
        self.schedule.protocol()
    }

    /// The booked session dates, in order.
    pub fn sessions(&self) -> &[NaiveDate] {
        self.schedule.sessions()
    }

    /// How many sessions are planned in all.
    pub fn planned(&self) -> u32 {
        self.schedule.planned()
    }

    /// The client's zone.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// The final session, once every planned session is booked.
    pub fn final_session(&self) -> Option<NaiveDate> {
        self.schedule.final_session()
    }

    /// The date from which the client counts as fully healed, only where
    /// the protocol gives a healing time: once the final session is booked,
    /// the later of the clinic's own figure and [`Plan::restrictions_over_on`]
    /// (a client told "healed" while still told not to swim would rightly
    /// be confused).
    pub fn healed_on(&self) -> Option<NaiveDate> {
        self.schedule.healed_on()
    }

    /// The day after the last time-limited restriction of the plan ends,
    /// once the final session is booked. Lasting advice (an open-ended
    /// `limited` rule after the final session) never ends and is not
    /// counted. Protocols without a healing time say "your clinic's
    /// restrictions are over" on this day, never "fully healed".
    pub fn restrictions_over_on(&self) -> Option<NaiveDate> {
        self.schedule.restrictions_over_on()
    }

    /// What looks wrong with the plan: sessions closer or further apart
    /// than the clinic's spacing, a planned count outside its range, and
    /// preparation steps that a running restriction rules out. The plan is
    /// still computed: the clinic decides.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The date of the touch-up recall, where the protocol gives one.
    pub fn touch_up_on(&self) -> Option<NaiveDate> {
        self.schedule.touch_up_on()
    }

    /// Today's date in the plan's zone at the instant `now`.
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::{NaiveDate, TimeZone, Utc};
    ///
    /// let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let p = Protocol::builtin("four-to-thirty").unwrap();
    /// let plan = Plan::new(p, vec![d], None, chrono_tz::Australia::Sydney).unwrap();
    /// // 20:00 UTC on 2 March is already 3 March in Sydney.
    /// let now = Utc.with_ymd_and_hms(2026, 3, 2, 20, 0, 0).unwrap();
    /// assert_eq!(plan.today(now), NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
    /// ```
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.zone).date_naive()
    }

    /// The plan in brief, as every front end shows it (the CLI's
    /// `plan --json`, the app's headings and timeline).
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::NaiveDate;
    ///
    /// let s = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![s(2), s(12)], Some(2), chrono_tz::UTC)?;
    /// let summary = plan.summary();
    /// assert_eq!(summary.protocol_id, "four-to-thirty");
    /// assert_eq!(summary.final_session, Some(s(12)));
    /// // 003: healed three weeks after the final session, but swimming
    /// // stays off to day 30: day 31.
    /// assert_eq!(summary.healed_on, NaiveDate::from_ymd_opt(2026, 4, 11));
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn summary(&self) -> PlanSummary {
        let spec = self.protocol().sessions();
        PlanSummary {
            protocol_id: self.protocol().id().to_string(),
            protocol_name: self.protocol().name().to_string(),
            zone: self.zone.to_string(),
            sessions: self.sessions().to_vec(),
            planned: self.planned(),
            final_session: self.final_session(),
            healed_on: self.healed_on(),
            restrictions_over_on: self.restrictions_over_on(),
            touch_up_on: self.touch_up_on(),
            min_gap_days: spec.min_gap_days,
            max_gap_days: spec.max_gap_days,
            warnings: self.warnings.clone(),
        }
    }

    /// Every day on which something changes, in date order.
    pub fn milestones(&self) -> &[Milestone] {
        &self.milestones
    }

    /// The reminder body of each of [`Plan::milestones`], in the plan's
    /// language.
    pub(crate) fn reminder_bodies(&self) -> &[Arc<str>] {
        &self.reminder_bodies
    }
}

/// A plan in brief (see [`Plan::summary`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanSummary {
    /// The protocol's id.
    pub protocol_id: String,
    /// The protocol's display name.
    pub protocol_name: String,
    /// The zone days are counted in (IANA name).
    pub zone: String,
    /// The booked session dates, in order.
    pub sessions: Vec<NaiveDate>,
    /// How many sessions are planned in all.
    pub planned: u32,
    /// The final session, once every planned session is booked.
    pub final_session: Option<NaiveDate>,
    /// When the client counts as fully healed (only protocols that give a
    /// healing time).
    pub healed_on: Option<NaiveDate>,
    /// When every time-limited restriction of the final session is over.
    pub restrictions_over_on: Option<NaiveDate>,
    /// When a touch-up is due, where the protocol says.
    pub touch_up_on: Option<NaiveDate>,
    /// The usual spacing between sessions, for estimating unbooked ones.
    pub min_gap_days: Option<u32>,
    /// The longest usual spacing.
    pub max_gap_days: Option<u32>,
    /// Everything about the plan to check with the clinic.
    pub warnings: Vec<Warning>,
}
