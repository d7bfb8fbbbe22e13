//! Getting ready for the next session: the protocol's before-session rules
//! and care steps as a dated checklist.
//!
//! The same facts drive the day-by-day status and the timeline; this module
//! only gathers the ones that belong to one coming session, so that a front
//! end never has to find "the day before" a session by itself.

use chrono::NaiveDate;
use serde::Serialize;

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, days_between};
use crate::plan::Plan;
use crate::protocol::Window;
use crate::schedule::Anchor;

/// What the client is asked to do with a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PrepKind {
    /// A care step to do, such as washing off styling product.
    Do,
    /// Something to hold back entirely.
    Avoid,
    /// Something allowed only under the item's condition.
    Limited,
}

/// One line of the checklist for a coming session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PrepItem {
    /// Do, avoid or with care.
    pub kind: PrepKind,
    /// What it is about: an activity's name ("Alcohol") or a care step
    /// ("Wash your hair before your appointment").
    pub label: String,
    /// The protocol's note: why, or the condition.
    pub note: Option<String>,
    /// For a care step whose activity is only allowed with care when it
    /// starts (after the session before), the condition that still holds
    /// ("foil shaver only").
    pub condition: Option<String>,
    /// The activity, for avoid and with-care items and for care steps tied
    /// to one.
    pub activity: Option<Activity>,
    /// The care item's id, for care steps.
    pub care_id: Option<String>,
    /// The first date the item holds.
    pub from: NaiveDate,
    /// The last date it holds (inclusive): the session's day or the day
    /// before it.
    pub until: NaiveDate,
    /// Whether it still holds on the session's day.
    pub on_session_day: bool,
    /// Calendar days from the date asked about to `from`; 0 once started.
    pub starts_in_days: u32,
}

/// The checklist for the next booked session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preparation {
    /// 1-based number of the session.
    pub session: u32,
    /// Its date.
    pub date: NaiveDate,
    /// Calendar days from the date asked about to the session (0 on the day).
    pub in_days: u32,
    /// What to do and hold back, soonest first; items not over yet only.
    pub items: Vec<PrepItem>,
}

impl Plan {
    /// How to get ready for the next booked session on or after `today`;
    /// `None` when no booked session lies ahead.
    ///
    /// Items come from the protocol's `before_each` rules and care steps,
    /// soonest first, then care steps before things to avoid. A care step
    /// tied to an activity starts only once that activity is no longer
    /// avoided after the previous session (moisturising before the next
    /// session never starts while moisturiser is still off limits). Items
    /// already over on `today` are left out.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Activity, Plan, PrepKind, Protocol, nth_day};
    /// use chrono::NaiveDate;
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let s2 = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty")?, vec![s1, s2], None, chrono_tz::UTC)?;
    ///
    /// let prep = plan.preparation(nth_day(s1, 10)).unwrap();
    /// assert_eq!((prep.session, prep.date, prep.in_days), (2, s2, 12));
    /// let alcohol = prep.items.iter().find(|i| i.activity == Some(Activity::Alcohol)).unwrap();
    /// assert_eq!(alcohol.kind, PrepKind::Avoid);
    /// assert_eq!(alcohol.from, NaiveDate::from_ymd_opt(2026, 3, 22).unwrap());
    /// assert!(alcohol.on_session_day);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn preparation(&self, today: NaiveDate) -> Option<Preparation> {
        let index = self.sessions().iter().position(|s| *s >= today)?;
        let date = self.sessions()[index];
        let in_days = days_from(today, date);
        let session_day = |w: &Window| {
            matches!(
                w,
                Window::BeforeEach {
                    session_day: true,
                    ..
                }
            )
        };

        let mut items = Vec::new();
        for w in self
            .schedule
            .care_windows
            .iter()
            .filter(|w| w.anchor == Anchor::Before(index))
        {
            let item = &self.protocol().care()[w.care];
            let until = w.span.end.unwrap_or(date);
            // Starts on the first day, from today on, that the step is
            // actually asked for: a step that a running restriction rules
            // out until its end is no instruction at all (the plan's
            // warnings name the clash instead).
            let asked = |d: NaiveDate| self.schedule.care_on(d).contains(w.care);
            let Some(first) = first_day(w.span.start, until, asked) else {
                continue;
            };
            // A step that started earlier keeps its start date while it is
            // still asked for today; one held back today starts again on
            // the next day it is asked for, if any.
            let from = if first >= today || asked(today) {
                first
            } else {
                match first_day(today, until, asked) {
                    Some(d) => d,
                    None => continue,
                }
            };
            let condition = self.schedule.care_condition(w, from);
            items.push(PrepItem {
                kind: PrepKind::Do,
                label: item.label.clone(),
                note: item.note.clone(),
                condition,
                activity: item.activity,
                care_id: Some(item.id.clone()),
                from,
                until,
                on_session_day: session_day(&item.window),
                starts_in_days: days_from(today, from),
            });
        }
        for track in &self.schedule.tracks {
            for w in track
                .windows
                .iter()
                .filter(|w| w.anchor == Anchor::Before(index))
            {
                let kind = match w.status {
                    Allowance::Avoid => PrepKind::Avoid,
                    Allowance::Limited => PrepKind::Limited,
                    Allowance::Ok => continue,
                };
                let rule = &self.protocol().rules()[w.rule];
                let until = w.span.end.unwrap_or(date);
                items.push(PrepItem {
                    kind,
                    label: track.activity.label_in(self.lang()).to_string(),
                    note: Some(rule.note.clone()).filter(|n| !n.is_empty()),
                    condition: None,
                    activity: Some(track.activity),
                    care_id: None,
                    from: w.span.start,
                    until,
                    on_session_day: session_day(&rule.window),
                    starts_in_days: days_from(today, w.span.start),
                });
            }
        }
        items.retain(|i| i.until >= today);
        // Stable: within one start date and kind, protocol order (care) and
        // activity order (rules) are kept.
        items.sort_by_key(|i| (i.from, i.kind));
        Some(Preparation {
            session: u32::try_from(index + 1).unwrap_or(u32::MAX),
            date,
            in_days,
            items,
        })
    }
}

/// The first date in `start..=end` for which `holds` is true.
fn first_day(
    start: NaiveDate,
    end: NaiveDate,
    holds: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    let mut d = start;
    while d <= end {
        if holds(d) {
            return Some(d);
        }
        d = add_days(d, 1);
    }
    None
}

/// Calendar days from `from` to `to`, 0 when `to` is not later.
fn days_from(from: NaiveDate, to: NaiveDate) -> u32 {
    days_between(from, to).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Protocol;
    use crate::day::nth_day;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn plan(id: &str, sessions: &[NaiveDate]) -> Plan {
        Plan::new(
            Protocol::builtin(id).unwrap(),
            sessions.to_vec(),
            None,
            chrono_tz::UTC,
        )
        .unwrap()
    }

    #[test]
    fn none_once_every_booked_session_is_past() {
        let s1 = date(2026, 3, 2);
        let p = plan("four-to-thirty", &[s1]);
        assert!(p.preparation(nth_day(s1, 2)).is_none());
    }

    #[test]
    fn a_future_first_session_is_prepared_for_too() {
        let s1 = date(2026, 3, 20);
        let p = plan("four-to-thirty", &[s1]);
        let prep = p.preparation(date(2026, 3, 1)).unwrap();
        assert_eq!((prep.session, prep.in_days), (1, 19));
        let first = &prep.items[0];
        // The week-before care steps come first, 7 days ahead of the session.
        assert_eq!(first.from, date(2026, 3, 13));
        assert_eq!(first.kind, PrepKind::Do);
        assert_eq!(first.starts_in_days, 12);
    }

    #[test]
    fn care_tied_to_an_avoided_activity_waits_for_it() {
        // Session 2 only 10 days after session 1: the week-before clipping
        // would start on day 4, while shaving is still avoided (days 1-5),
        // so it starts on day 6, with the condition then in force.
        let s1 = date(2026, 3, 2);
        let s2 = date(2026, 3, 12);
        let p = plan("four-to-thirty", &[s1, s2]);
        let prep = p.preparation(nth_day(s1, 2)).unwrap();
        assert_eq!(prep.session, 2);
        let clip = prep
            .items
            .iter()
            .find(|i| i.care_id.as_deref() == Some("prep_clip"))
            .unwrap();
        assert_eq!(clip.from, nth_day(s1, 6));
        assert_eq!(clip.until, date(2026, 3, 11));
        assert!(!clip.on_session_day);
        assert_eq!(
            clip.condition.as_deref(),
            Some("foil shaver only, no wet razors")
        );
    }

    #[test]
    fn a_step_ruled_out_until_its_end_is_no_instruction() {
        // Session 2 three days after session 1: on its day the scalp is
        // still in its dry days, so "wash your hair before your appointment"
        // is left out (the plan warns instead).
        let s1 = date(2026, 3, 2);
        let s2 = date(2026, 3, 5);
        let p = plan("four-to-thirty", &[s1, s2]);
        let prep = p.preparation(nth_day(s1, 2)).unwrap();
        let ids: Vec<&str> = prep
            .items
            .iter()
            .filter_map(|i| i.care_id.as_deref())
            .collect();
        assert!(!ids.contains(&"prep_wash"), "{ids:?}");
        assert!(!ids.contains(&"prep_shave"), "{ids:?}");
        assert!(ids.contains(&"prep_eat"), "{ids:?}");
        assert!(
            p.warnings()
                .iter()
                .any(|w| w.code == crate::WarningCode::PrepClash && w.session == Some(2))
        );
    }

    #[test]
    fn on_the_day_only_what_still_holds() {
        let s1 = date(2026, 3, 2);
        let s2 = date(2026, 3, 23);
        let p = plan("four-to-thirty", &[s1, s2]);
        let prep = p.preparation(s2).unwrap();
        assert_eq!((prep.session, prep.in_days), (2, 0));
        assert!(prep.items.iter().all(|i| i.on_session_day && i.until == s2));
        let labels: Vec<(PrepKind, &str)> = prep
            .items
            .iter()
            .map(|i| (i.kind, i.label.as_str()))
            .collect();
        assert!(labels.contains(&(PrepKind::Do, "Wash your hair before your appointment")));
        assert!(labels.contains(&(PrepKind::Avoid, "Alcohol")));
        assert!(labels.contains(&(PrepKind::Limited, "Sun on your scalp")));
    }

    #[test]
    fn items_are_soonest_first_then_care_before_avoid() {
        let s1 = date(2026, 3, 2);
        let s2 = date(2026, 3, 23);
        let p = plan("four-to-thirty", &[s1, s2]);
        let prep = p.preparation(nth_day(s1, 10)).unwrap();
        let keys: Vec<(NaiveDate, PrepKind)> =
            prep.items.iter().map(|i| (i.from, i.kind)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
        // Alcohol, stimulants and aspirin start the day before; sun and
        // sunbeds three days before.
        let from = |a: Activity| {
            prep.items
                .iter()
                .find(|i| i.activity == Some(a))
                .unwrap()
                .from
        };
        assert_eq!(from(Activity::Alcohol), date(2026, 3, 22));
        assert_eq!(from(Activity::Sunbed), date(2026, 3, 20));
    }
}
