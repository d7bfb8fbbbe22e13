//! Milestones: the days on which something changes, one message per day.
//!
//! A milestone is found by looking only where something can change: the
//! first day of each window, the day after it ends, session days, the
//! healed date and the touch-up recall. On each such day the statuses of
//! the activities concerned are compared with the day before.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, day_number, sub_days};
use crate::plan::{Anchor, Plan};

/// A day on which something changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    /// A short title, for a notification: "Day 6 after session 1".
    pub title: String,
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
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A booked session.
    Session,
    /// Restrictions ease or start after a session.
    Change,
    /// Preparation for a coming session.
    Prep,
    /// The day the client counts as fully healed.
    Healed,
    /// The touch-up recall, years after the final session.
    TouchUp,
}

/// An activity's status changing from one day to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The activity.
    pub activity: Activity,
    /// Yesterday's status.
    pub from: Allowance,
    /// Today's status.
    pub to: Allowance,
    /// The note of today's rule, if any (for `limited`, the condition).
    pub note: Option<String>,
}

/// The session a preparation day is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Prepares {
    /// 1-based session number.
    pub session: u32,
    /// How many days before it.
    pub days_before: u32,
}

pub(crate) fn compute(plan: &Plan) -> Vec<Milestone> {
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
        .chain(plan.touch_up_on());
    for date in other_dates {
        edges.entry(date).or_default();
    }

    let mut out = Vec::with_capacity(edges.len());
    for (date, mut tracks) in edges {
        tracks.sort_unstable();
        tracks.dedup();
        if let Some(m) = milestone_on(plan, date, &tracks) {
            out.push(m);
        }
    }
    out
}

/// Whether a change anchored this way, seen on `date`, prepares for a coming
/// session (as opposed to the end of preparation once the session is past).
fn prep_for(plan: &Plan, anchor: Anchor, date: NaiveDate) -> Option<usize> {
    match anchor {
        Anchor::Before(i) if date < plan.sessions()[i] => Some(i),
        _ => None,
    }
}

fn milestone_on(plan: &Plan, date: NaiveDate, tracks: &[usize]) -> Option<Milestone> {
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
        let before = Plan::level(track, yesterday);
        let now = Plan::level(track, date);
        if before.status == now.status {
            continue;
        }
        // The window that made the difference: the new one when tightening,
        // the one that ended when easing.
        let cause = if now.status > before.status {
            now.window
        } else {
            before.window
        };
        note_prep(
            cause.and_then(|w| prep_for(plan, w.anchor, date)),
            &mut after_session_news,
        );
        changes.push(Change {
            activity: track.activity,
            from: before.status,
            to: now.status,
            note: now.window.map(|w| rules[w.rule].note.clone()),
        });
    }

    // Care is compared as a whole set, not window by window: an item tied
    // to an activity starts when that activity stops being avoided, which
    // may be inside its window.
    let care_yesterday = plan.care_on(yesterday);
    let care_tomorrow = plan.care_on(add_days(date, 1));
    let mut care_started: Vec<String> = Vec::new();
    let mut care_today_only: Vec<bool> = Vec::new();
    for c in plan.care_on(date) {
        if care_yesterday.contains(&c) {
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
        care_today_only.push(!care_tomorrow.contains(&c));
    }

    let session_index = plan.sessions().iter().position(|s| *s == date);
    let healed = plan.healed_on() == Some(date);
    let touch_up = plan.touch_up_on() == Some(date);
    if changes.is_empty()
        && care_started.is_empty()
        && session_index.is_none()
        && !healed
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

    let mut parts = describe_changes(&changes);
    let started = |today_only: bool| -> Vec<String> {
        care_started
            .iter()
            .zip(&care_today_only)
            .filter(|(_, t)| **t == today_only)
            .filter_map(|(id, _)| items.iter().find(|i| &i.id == id))
            .map(|i| with_note(&lower_first(&i.label), i.note.as_deref()))
            .collect()
    };
    let (today, ongoing) = (started(true), started(false));
    if !ongoing.is_empty() {
        parts.push(format!("start: {}", join_and(&ongoing)));
    }
    if !today.is_empty() {
        parts.push(format!("today: {}", join_and(&today)));
    }
    if healed {
        parts.push("you are fully healed: everyday routines are fine again".to_string());
    }
    if touch_up {
        let years = plan.protocol().touch_up_after_years().unwrap_or(0);
        parts.push(format!(
            "it is {years} years since your final session, a good time to book a touch-up with your clinic"
        ));
    }
    if parts.is_empty() {
        // A session day on which nothing else changes (a protocol with no
        // day-1 rules): still worth a line.
        parts.push("your session is today".to_string());
    }

    let planned = plan.planned();
    let (heading, title) = match kind {
        MilestoneKind::Session => {
            let k = session_index.map_or(0, |i| i + 1);
            (
                format!("Session {k} of {planned}"),
                format!("Session {k} of {planned} today"),
            )
        }
        MilestoneKind::TouchUp => ("Touch-up".to_string(), "Time for a touch-up".to_string()),
        MilestoneKind::Prep => {
            let when = upper_first(&prepares.map(countdown).unwrap_or_default());
            (when.clone(), when)
        }
        MilestoneKind::Healed | MilestoneKind::Change => {
            let d = day.unwrap_or(0);
            let s = session.unwrap_or(0);
            // A day that also prepares for the next session says so, since
            // part of its message is about that session.
            let also = prepares
                .map(|p| format!(" ({})", countdown(p)))
                .unwrap_or_default();
            let title = if healed {
                format!("Day {d}: fully healed{also}")
            } else {
                format!("Day {d} after session {s}{also}")
            };
            (format!("Day {d}{also}"), title)
        }
    };
    let sentence = parts.join("; ");
    Some(Milestone {
        date,
        day,
        session,
        kind,
        title,
        body: format!("{}.", upper_first(&sentence)),
        message: format!("{heading}: {sentence}"),
        changes,
        care_started,
        prepares,
    })
}

/// "the day before session 2", "3 days before session 2".
fn countdown(p: Prepares) -> String {
    match p.days_before {
        1 => format!("the day before session {}", p.session),
        n => format!("{n} days before session {}", p.session),
    }
}

/// Turns status changes into phrases, grouped so that a day reads as one
/// sentence: "you may rinse your scalp (warm water only) and shave".
fn describe_changes(changes: &[Change]) -> Vec<String> {
    let mut may = Vec::new();
    let mut unlimited = Vec::new();
    let mut avoid = Vec::new();
    let mut limit = Vec::new();
    for c in changes {
        match (c.from, c.to) {
            (Allowance::Avoid, Allowance::Ok) => may.push(c.activity.verb().to_string()),
            (Allowance::Avoid, Allowance::Limited) => {
                may.push(with_note(c.activity.verb(), c.note.as_deref()))
            }
            (Allowance::Limited, Allowance::Ok) => unlimited.push(c.activity.noun().to_string()),
            (_, Allowance::Avoid) => avoid.push(c.activity.noun().to_string()),
            (_, Allowance::Limited) => limit.push(with_note(c.activity.noun(), c.note.as_deref())),
            _ => {}
        }
    }
    let mut parts = Vec::new();
    if !may.is_empty() {
        parts.push(format!("you may {}", join_and(&may)));
    }
    if !unlimited.is_empty() {
        parts.push(format!("no more limits on {}", join_and(&unlimited)));
    }
    if !avoid.is_empty() {
        parts.push(format!("avoid {}", join_and(&avoid)));
    }
    if !limit.is_empty() {
        parts.push(format!("limit {}", join_and(&limit)));
    }
    parts
}

fn with_note(phrase: &str, note: Option<&str>) -> String {
    match note {
        Some(n) => format!("{phrase} ({n})"),
        None => phrase.to_string(),
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_like_a_sentence() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&v(&["a"])), "a");
        assert_eq!(join_and(&v(&["a", "b"])), "a and b");
        assert_eq!(join_and(&v(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn groups_changes_by_direction() {
        let c = |activity, from, to, note: Option<&str>| Change {
            activity,
            from,
            to,
            note: note.map(str::to_string),
        };
        let parts = describe_changes(&[
            c(
                Activity::Rinse,
                Allowance::Avoid,
                Allowance::Limited,
                Some("warm water only"),
            ),
            c(
                Activity::Shave,
                Allowance::Avoid,
                Allowance::Limited,
                Some("foil shaver only"),
            ),
            c(Activity::Exercise, Allowance::Limited, Allowance::Ok, None),
            c(
                Activity::Sunbed,
                Allowance::Ok,
                Allowance::Avoid,
                Some("no sunbeds"),
            ),
        ]);
        assert_eq!(
            parts,
            vec![
                "you may rinse your scalp (warm water only) and shave (foil shaver only)",
                "no more limits on exercise",
                "avoid sunbeds",
            ]
        );
    }
}
