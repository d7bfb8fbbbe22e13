//! # aftercare
//!
//! The engine of SMP Aftercare: it turns a client's plan (session dates, a
//! clinic's protocol, a time zone) into what they may do each day, the days
//! on which that changes, and when to remind them.
//!
//! The engine is pure: no I/O, no clock. "Today" and the zone are always
//! arguments, so the same plan gives the same answer in tests, in the CLI
//! and in the app.
//!
//! Where things live:
//!
//! | concept | module |
//! | --- | --- |
//! | activities and how far they are allowed | [`activity`] |
//! | reading and validating protocol files; the key days a picker shows | [`protocol`], [`builtin`] |
//! | day numbering, dates, times, zones | [`day`] |
//! | a date as a client types it, checked before it is saved | [`date_entry`] |
//! | a client's plan, checked and compiled | [`plan`] |
//! | merging rules of several sessions into dates | `schedule` (internal) |
//! | one day's answer | [`status`] |
//! | the days on which something changes | [`milestone`] |
//! | getting ready for the next session | [`preparation`] |
//! | notifications and their instants | [`reminder`] |
//! | care done several times a day: counts and nudges | [`care`] |
//! | iCalendar export | [`calendar`] |
//! | the plan as a chart of each activity's days | [`chart`] |
//! | what looks wrong with a plan (spacing, clashes) | [`warning`] |
//! | symptoms a check-in logs, and the cards they call for | [`red_flag`] |
//! | which characters keep text inert in every sink | [`text`] |
//! | the everyday words of "Can I…?" | [`words`] |
//! | the clinic's hand-over: plan file, link | [`handover`] |
//! | the languages of every text | [`lang`] |
//! | the engine's and the CLI's sentences, per language | [`messages`] |
//! | errors | [`error`] |
//! | errors worded in a language (`Error::message_in`) | [`error_text`] |
//!
//! # Example
//!
//! ```
//! use aftercare::{Activity, Allowance, Plan, Protocol, nth_day};
//! use chrono::NaiveDate;
//!
//! let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
//! let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![first], None, chrono_tz::Europe::London)?;
//!
//! // Day 3: no washing yet; it is allowed again on day 6, when only rinsing is.
//! let status = plan.status(nth_day(first, 3));
//! let wash = status.activity(Activity::Wash).unwrap();
//! assert_eq!(wash.status, Allowance::Avoid);
//! assert_eq!(wash.allowed_from, Some(nth_day(first, 6)));
//! # Ok::<(), aftercare::Error>(())
//! ```

pub mod activity;
pub mod builtin;
pub mod calendar;
pub mod care;
pub mod chart;
pub mod date_entry;
pub mod day;
pub mod error;
pub mod error_text;
pub mod handover;
pub mod lang;
pub mod message_check;
pub mod messages;
pub mod milestone;
pub mod plan;
pub mod preparation;
pub mod protocol;
pub mod red_flag;
pub mod reminder;
mod schedule;
pub mod status;
pub mod text;
pub mod warning;
pub mod words;

pub use activity::{Activity, ActivityLabel, Allowance};
pub use builtin::{DEFAULT_PROTOCOL, builtin_ids};
pub use chart::{Chart, ChartEnd, ChartOn, ChartRow, ChartSession, ChartStatus, Segment};
pub use day::{day_before, day_number, nth_day, parse_date, parse_time, parse_zone};
pub use error::Error;
pub use handover::{ClinicDetails, HandoverProtocol, PlanFile};
pub use lang::Lang;
pub use milestone::{Change, HEADLINE_MAX, Milestone, MilestoneKind, Prepares};
pub use plan::{Plan, PlanSummary};
pub use preparation::{PrepItem, PrepKind, Preparation};
pub use protocol::{
    Advice, CareItem, FileKind, KeyDay, Lift, Protocol, Repeat, Rule, Scope, SessionSpec, Window,
};
pub use red_flag::{
    GENERAL_INFECTION_ID, Level, RedFlag, RedFlagCard, RedFlagDays, RedFlagSource, Symptom,
    Symptoms,
};
pub use reminder::{BODY_MAX, Reminder, ReminderKind, local_instant};
pub use status::{ActivityStatus, CareToday, DayStatus, News, NextMilestone};
pub use warning::{Warning, WarningCode};
pub use words::{Meaning, Topic, Vocabulary, WordEntry};
