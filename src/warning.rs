//! Warnings: what looks wrong with a plan, though the plan still works.
//!
//! The clinic decides how far apart sessions are and how many there are, so
//! a plan outside the protocol's spacing is accepted, but the client is told
//! (and asked to check with the clinic). A preparation step that a running
//! restriction rules out for its whole window ("wash your hair before your
//! appointment" while the scalp must stay dry from the session before) is
//! never shown as an instruction: it becomes a warning naming the clash.

use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, days_between};
use crate::messages::{Arg, Join, list, tr};
use crate::protocol::SessionSpec;
use crate::schedule::{Anchor, Schedule};

/// Something about a plan that the client should check with their clinic.
///
/// # Example
///
/// ```
/// use aftercare::{Plan, Protocol, WarningCode};
/// use chrono::NaiveDate;
///
/// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let s2 = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
/// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![s1, s2], None, chrono_tz::UTC)?;
/// let gap = &plan.warnings()[0];
/// assert_eq!(gap.code, WarningCode::GapShort);
/// assert_eq!(gap.session, Some(2));
/// assert_eq!(
///     gap.message,
///     "Session 2 is 3 days after session 1; your clinic's plan spaces sessions at least 10 days apart. Check the date with your clinic.",
/// );
/// # Ok::<(), aftercare::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Warning {
    /// What kind of problem it is.
    pub code: WarningCode,
    /// The 1-based session it concerns, if one: the later of two sessions
    /// too close or too far apart, or the session a clash is about.
    pub session: Option<u32>,
    /// One or two sentences for the client.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Two sessions closer than the protocol's `min_gap_days`.
    GapShort,
    /// Two sessions further apart than the protocol's `max_gap_days`.
    GapLong,
    /// A planned count outside the protocol's `min..=max`.
    PlannedOutOfRange,
    /// A preparation step that the earlier session's aftercare rules out.
    PrepClash,
}

/// Where a gap between two sessions falls against the clinic's spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Spacing {
    /// Closer than `min_gap_days`.
    Short,
    /// Within the spacing, or the clinic gives none.
    Usual,
    /// Further than `max_gap_days`.
    Long,
}

/// The one place a gap is judged: plan warnings and the check of a date
/// before it is saved (`date_entry`) agree by construction.
pub(crate) fn spacing(spec: &SessionSpec, gap: u32) -> Spacing {
    if spec.min_gap_days.is_some_and(|m| gap < m) {
        Spacing::Short
    } else if spec.max_gap_days.is_some_and(|m| gap > m) {
        Spacing::Long
    } else {
        Spacing::Usual
    }
}

pub(crate) fn compute(plan: &Schedule) -> Vec<Warning> {
    let lang = plan.protocol().text_lang();
    let spec = plan.protocol().sessions();
    let mut out = Vec::new();
    let planned = plan.planned();
    if planned < spec.min || planned > spec.max {
        out.push(Warning {
            code: WarningCode::PlannedOutOfRange,
            session: None,
            message: tr(
                lang,
                "warning-planned-out-of-range",
                &[
                    ("planned", Arg::from(planned)),
                    ("min", Arg::from(spec.min)),
                    ("max", Arg::from(spec.max)),
                ],
            ),
        });
    }
    let sessions = plan.sessions();
    for (i, pair) in sessions.windows(2).enumerate() {
        let gap = days_between(pair[0], pair[1]).unwrap_or(0);
        let (later, earlier) = (i + 2, i + 1);
        let gap_args = |limit: u32| {
            [
                ("later", Arg::from(later)),
                ("earlier", Arg::from(earlier)),
                ("gap", Arg::from(gap)),
                ("limit", Arg::from(limit)),
            ]
        };
        let judged = spacing(&spec, gap);
        if let Some(min) = spec.min_gap_days.filter(|_| judged == Spacing::Short) {
            out.push(Warning {
                code: WarningCode::GapShort,
                session: Some(later as u32),
                message: tr(lang, "warning-gap-short", &gap_args(min)),
            });
        }
        if let Some(max) = spec.max_gap_days.filter(|_| judged == Spacing::Long) {
            out.push(Warning {
                code: WarningCode::GapLong,
                session: Some(later as u32),
                message: tr(lang, "warning-gap-long", &gap_args(max)),
            });
        }
    }
    for index in 0..sessions.len() {
        if let Some(w) = prep_clash(plan, index) {
            out.push(w);
        }
    }
    out
}

/// The clash warning for booked session `index`, if any of its preparation
/// steps is ruled out on every day of its window by an earlier session.
fn prep_clash(plan: &Schedule, index: usize) -> Option<Warning> {
    let items = plan.protocol().care();
    let mut activities: Vec<Activity> = Vec::new();
    let mut cause: Option<usize> = None;
    for w in plan
        .care_windows
        .iter()
        .filter(|w| w.anchor == Anchor::Before(index))
    {
        let Some(activity) = items[w.care].activity else {
            continue;
        };
        let end = w.span.end.unwrap_or(w.span.start);
        let mut day = w.span.start;
        let mut earlier: Option<usize> = None;
        let blocked_throughout = loop {
            let level = plan.care_level(w, activity, day);
            match (level.status, level.window.map(|rw| rw.anchor)) {
                (Some(Allowance::Avoid), Some(Anchor::After(k))) => {
                    earlier = Some(earlier.map_or(k, |e: usize| e.max(k)));
                }
                _ => break false,
            }
            if day >= end {
                break true;
            }
            day = add_days(day, 1);
        };
        if blocked_throughout {
            if !activities.contains(&activity) {
                activities.push(activity);
            }
            cause = cause.max(earlier);
        }
    }
    let earlier = cause?;
    activities.sort();
    let lang = plan.protocol().text_lang();
    let verbs: Vec<&str> = activities.iter().map(|a| a.verb_in(lang)).collect();
    if verbs.is_empty() {
        return None;
    }
    Some(Warning {
        code: WarningCode::PrepClash,
        session: Some(index as u32 + 1),
        message: tr(
            lang,
            "warning-prep-clash",
            &[
                ("earlier", Arg::from(earlier + 1)),
                ("session", Arg::from(index + 1)),
                ("verbs", Arg::from(list(lang, &verbs, Join::Or))),
            ],
        ),
    })
}
