//! Milestones: the days on which something changes, one message per day.
//!
//! A milestone is found by looking only where something can change: the
//! first day of each window, the day after it ends, session days, the
//! healed date and the touch-up recall. On each such day the statuses of
//! the activities concerned are compared with the day before.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

mod wording;

use wording::{Facts, Started};

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, day_number, sub_days};
use crate::schedule::{Anchor, CareSet, Schedule};

/// A day on which something changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Milestone {
    /// The date, in the plan's zone.
    pub date: NaiveDate,
    /// Day number within the latest session on or before the date; `None`
    /// before the first session.
    pub day: Option<u32>,
    /// 1-based number of that session.
    pub session: Option<u32>,
    /// The most notable thing about the day.
    pub kind: MilestoneKind,
    /// A short title, for a notification on the day itself: "Day 6 after
    /// session 1", "Session 2 of 3 today".
    pub title: String,
    /// The same, worded to read right in a list of dates, past or future
    /// (a timeline): "Day 6 after session 1", "Session 2 of 3".
    pub name: String,
    /// What changes, as sentences: "You may rinse your scalp (warm water only)."
    pub body: String,
    /// One line for lists: "Day 6: you may rinse your scalp (warm water only)".
    pub message: String,
    /// Each activity whose status changes, in [`Activity::ALL`] order.
    pub changes: Vec<Change>,
    /// Ids of the care items that start on this day.
    pub care_started: Vec<String>,
    /// For preparation days: the 1-based session prepared for and how many
    /// days ahead it is.
    pub prepares: Option<Prepares>,
}

/// What kind of day a milestone is. When several things fall on one day the
/// most notable names it: session, then healed, then change, then prep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A booked session.
    Session,
    /// Restrictions ease or start after a session.
    Change,
    /// Preparation for a coming session.
    Prep,
    /// The day the client counts as fully healed (only protocols that give
    /// a healing time have one).
    Healed,
    /// The day every time-limited restriction of the final session is over,
    /// for protocols that give no healing time.
    RestrictionsOver,
    /// The touch-up recall, years after the final session.
    TouchUp,
}

/// An activity's status changing from one day to the next, as announced:
/// a restriction that starts or tightens, or one that a rule after a session
/// ends into a status another rule gives. A restriction that merely runs out
/// with nothing said after it, or a before-session rule ending, is not
/// announced as permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    /// The activity.
    pub activity: Activity,
    /// Yesterday's status; `None` when no rule spoke about it yesterday.
    pub from: Option<Allowance>,
    /// Today's status.
    pub to: Allowance,
    /// The note of today's rule, if any (for `limited`, the condition).
    pub note: Option<String>,
}

/// The session a preparation day is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Prepares {
    /// 1-based session number.
    pub session: u32,
    /// How many days before it.
    pub days_before: u32,
}

pub(crate) fn compute(plan: &Schedule) -> Vec<Milestone> {
    // Dates on which something may change, with the tracks that have a
    // window starting or just ended there. Care is checked on every such
    // date; its own window starts are added as dates too.
    let mut edges: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (t, track) in plan.tracks.iter().enumerate() {
        for w in &track.windows {
            edges.entry(w.span.start).or_default().push(t);
            if let Some(end) = w.span.end {
                edges.entry(add_days(end, 1)).or_default().push(t);
            }
        }
    }
    let other_dates = plan
        .care_windows
        .iter()
        .map(|w| w.span.start)
        .chain(plan.sessions().iter().copied())
        .chain(plan.healed_on())
        .chain(plan.restrictions_over_on())
        .chain(plan.touch_up_on());
    for date in other_dates {
        edges.entry(date).or_default();
    }

    let mut out = Vec::with_capacity(edges.len());
    let mut care = CareMemo::default();
    for (date, mut tracks) in edges {
        tracks.sort_unstable();
        tracks.dedup();
        if let Some(m) = milestone_on(plan, date, &tracks, &mut care) {
            out.push(m);
        }
    }
    out
}

/// Whether a change anchored this way, seen on `date`, prepares for a coming
/// session (as opposed to the end of preparation once the session is past).
fn prep_for(plan: &Schedule, anchor: Anchor, date: NaiveDate) -> Option<usize> {
    match anchor {
        Anchor::Before(i) if date < plan.sessions()[i] => Some(i),
        _ => None,
    }
}

/// The care items on a date, remembered: each milestone compares a date
/// with the day before and the day after, and neighbouring milestone dates
/// share those days.
#[derive(Default)]
struct CareMemo {
    on: HashMap<NaiveDate, CareSet>,
}

impl CareMemo {
    fn get(&mut self, plan: &Schedule, date: NaiveDate) -> CareSet {
        *self.on.entry(date).or_insert_with(|| plan.care_on(date))
    }
}

fn milestone_on(
    plan: &Schedule,
    date: NaiveDate,
    tracks: &[usize],
    care: &mut CareMemo,
) -> Option<Milestone> {
    let yesterday = sub_days(date, 1);
    let rules = plan.protocol().rules();
    let items = plan.protocol().care();

    let mut changes = Vec::new();
    let mut after_session_news = false;
    let mut prep_session: Option<usize> = None;
    let mut note_prep = |i: Option<usize>, after: &mut bool| match i {
        Some(i) => prep_session = Some(prep_session.map_or(i, |p: usize| p.min(i))),
        None => *after = true,
    };

    for &t in tracks {
        let track = &plan.tracks[t];
        let before = Schedule::level(track, yesterday);
        let now = Schedule::level(track, date);
        let Some(to) = now.status else {
            // The rules stop speaking about it: nothing to announce, and
            // above all no "you may".
            continue;
        };
        if before.status == now.status {
            continue;
        }
        // The window that made the difference: the new one when tightening,
        // the one that ended when easing.
        let cause = if now.status > before.status {
            now.window
        } else {
            // Only a restriction after a session lifts into permission; a
            // preparation rule ending says nothing about the days after.
            if before
                .window
                .is_some_and(|w| matches!(w.anchor, Anchor::Before(_)))
            {
                continue;
            }
            before.window
        };
        note_prep(
            cause.and_then(|w| prep_for(plan, w.anchor, date)),
            &mut after_session_news,
        );
        changes.push(Change {
            activity: track.activity,
            from: before.status,
            to,
            note: now.window.map(|w| rules[w.rule].note.clone()),
        });
    }

    // Care is compared as a whole set, not window by window: an item tied
    // to an activity starts when that activity stops being avoided, which
    // may be inside its window.
    let care_yesterday = care.get(plan, yesterday);
    let care_tomorrow = care.get(plan, add_days(date, 1));
    let mut care_started: Vec<String> = Vec::new();
    let mut care_today_only: Vec<bool> = Vec::new();
    for c in care.get(plan, date).iter() {
        if care_yesterday.contains(c) {
            continue;
        }
        let anchor = plan
            .care_windows
            .iter()
            .find(|w| w.care == c && w.span.contains(date))
            .map(|w| w.anchor);
        note_prep(
            anchor.and_then(|a| prep_for(plan, a, date)),
            &mut after_session_news,
        );
        care_started.push(items[c].id.clone());
        care_today_only.push(!care_tomorrow.contains(c));
    }

    let session_index = plan.sessions().iter().position(|s| *s == date);
    let healed = plan.healed_on() == Some(date);
    let over = plan.healed_on().is_none() && plan.restrictions_over_on() == Some(date);
    let touch_up = plan.touch_up_on() == Some(date);
    if changes.is_empty()
        && care_started.is_empty()
        && session_index.is_none()
        && !healed
        && !over
        && !touch_up
    {
        return None;
    }

    let index = plan.session_index_on(date);
    let day = index.and_then(|i| day_number(plan.sessions()[i], date));
    let session = index.map(|i| i as u32 + 1);
    let kind = if session_index.is_some() {
        MilestoneKind::Session
    } else if healed {
        MilestoneKind::Healed
    } else if over {
        MilestoneKind::RestrictionsOver
    } else if touch_up && changes.is_empty() && care_started.is_empty() {
        MilestoneKind::TouchUp
    } else if prep_session.is_some() && !after_session_news {
        MilestoneKind::Prep
    } else {
        MilestoneKind::Change
    };
    let prepares = prep_session.map(|i| Prepares {
        session: i as u32 + 1,
        days_before: plan.sessions()[i]
            .signed_duration_since(date)
            .num_days()
            .max(0) as u32,
    });

    let started: Vec<Started<'_>> = care_started
        .iter()
        .zip(&care_today_only)
        .filter_map(|(id, today_only)| {
            items.iter().find(|i| &i.id == id).map(|i| Started {
                label: &i.label,
                note: i.note.as_deref(),
                today_only: *today_only,
            })
        })
        .collect();
    let words = wording::words(&Facts {
        kind,
        day,
        session,
        session_on_day: session_index.map(|i| i as u32 + 1),
        planned: plan.planned(),
        changes: &changes,
        started: &started,
        healed,
        restrictions_over: over,
        touch_up_years: touch_up.then(|| plan.protocol().touch_up_after_years().unwrap_or(0)),
        prepares,
    });
    Some(Milestone {
        date,
        day,
        session,
        kind,
        title: words.title,
        name: words.name,
        body: words.body,
        message: words.message,
        changes,
        care_started,
        prepares,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_speak_of_the_day_and_names_read_in_a_list() {
        let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let plan = crate::Plan::new(
            crate::Protocol::builtin("four-day-dry").unwrap(),
            vec![s1],
            None,
            chrono_tz::UTC,
        )
        .unwrap();
        let session = plan.milestones().iter().find(|m| m.date == s1).unwrap();
        assert_eq!(session.title, "Session 1 of 3 today");
        assert_eq!(session.name, "Session 1 of 3");
        let day5 = plan.milestones().iter().find(|m| m.day == Some(5)).unwrap();
        assert_eq!(
            (day5.title.as_str(), day5.name.as_str()),
            ("Day 5 after session 1", "Day 5 after session 1")
        );
    }
}
