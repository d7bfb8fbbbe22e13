//! Invariants of the engine, checked on generated plans for every built-in
//! protocol.

use aftercare::{
    Activity, Allowance, Plan, PrepKind, Protocol, WarningCode, Window, builtin_ids, nth_day,
};
use chrono::{Days, NaiveDate, NaiveTime};
use proptest::prelude::*;

/// A protocol id, a first session date and gaps between sessions.
fn plan_inputs() -> impl Strategy<Value = (String, Vec<NaiveDate>, u32)> {
    let ids: Vec<String> = builtin_ids().map(str::to_string).collect();
    (
        proptest::sample::select(ids),
        // Any day in 2025-2030.
        0u64..(6 * 365),
        proptest::collection::vec(1u64..40, 1..4),
        0u32..2,
    )
        .prop_map(|(id, offset, gaps, extra_planned)| {
            let first = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Days::new(offset);
            let mut sessions = vec![first];
            for g in gaps {
                let last = *sessions.last().unwrap();
                sessions.push(last + Days::new(g));
            }
            // Planned: at least one more than booked, so the last booked
            // session is never final in the shorter plan.
            let planned = sessions.len() as u32 + extra_planned;
            (id, sessions, planned)
        })
}

fn plan(id: &str, sessions: &[NaiveDate], planned: u32) -> Plan {
    Plan::new(
        Protocol::builtin(id).unwrap(),
        sessions.to_vec(),
        Some(planned),
        chrono_tz::Europe::London,
    )
    .unwrap()
}

/// The largest number of days before a session that any window reaches.
fn prep_horizon(protocol: &Protocol) -> u32 {
    let windows = protocol
        .rules()
        .iter()
        .map(|r| r.window)
        .chain(protocol.care().iter().map(|c| c.window));
    windows
        .filter_map(|w| match w {
            Window::BeforeEach { days_before, .. } => Some(days_before),
            _ => None,
        })
        .max()
        .unwrap_or(0)
}

fn dates(from: NaiveDate, until_exclusive: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d < until_exclusive)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Booking a later session adds preparation before it and ends the
    /// between-session rules at it, but never eases any earlier day.
    #[test]
    fn adding_a_later_session_never_eases_an_earlier_date((id, sessions, planned) in plan_inputs()) {
        let (shorter, longer) = (&sessions[..sessions.len() - 1], &sessions[..]);
        let a = plan(&id, shorter, planned);
        let b = plan(&id, longer, planned);
        let new_session = *sessions.last().unwrap();
        for d in dates(nth_day(sessions[0], 1) - Days::new(30), new_session) {
            let (sa, sb) = (a.status(d), b.status(d));
            for x in &sa.activities {
                // An activity the longer plan says nothing about would be
                // eased too: silence is not permission, but it is less.
                let y = sb.activity(x.activity).map(|y| y.status);
                prop_assert!(
                    y >= Some(x.status),
                    "{} on {}: {:?} with {} sessions, {:?} with {}",
                    x.activity, d, x.status, shorter.len(), y, longer.len()
                );
            }
        }
    }

    /// Reminder ids are unique, and every reminder well before a newly
    /// booked session comes out of the longer plan exactly as before.
    #[test]
    fn reminder_ids_are_unique_and_stable_when_a_session_is_added((id, sessions, planned) in plan_inputs()) {
        let at = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        let a = plan(&id, &sessions[..sessions.len() - 1], planned).reminders(at);
        let b = plan(&id, &sessions, planned).reminders(at);
        for list in [&a, &b] {
            let mut ids: Vec<&str> = list.iter().map(|r| r.id.as_str()).collect();
            let total = ids.len();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), total, "duplicate reminder ids");
        }
        // The day before the new session gets its preparation reminder even
        // where the protocol has no preparation rules.
        let horizon = prep_horizon(&Protocol::builtin(&id).unwrap()).max(1);
        let cutoff = *sessions.last().unwrap() - Days::new(u64::from(horizon));
        // From the session before it on, a reminder may say how long a
        // restriction lasts relative to the new session ("until after your
        // next session"): its id stays, its words may be more precise.
        let previous = sessions[sessions.len() - 2];
        for r in a.iter().filter(|r| r.local.date_naive() < cutoff) {
            if r.local.date_naive() < previous {
                prop_assert!(b.contains(r), "reminder {} changed or vanished after adding a session", r.id);
            } else {
                prop_assert!(b.iter().any(|s| s.id == r.id && s.at == r.at && s.kind == r.kind),
                    "reminder {} vanished after adding a session", r.id);
            }
        }
    }

    /// `allowed_from` is exactly the first later date that is not avoided,
    /// and `ok_from` the first that is fully fine.
    #[test]
    fn allowed_from_is_the_first_date_not_avoided((id, sessions, planned) in plan_inputs()) {
        let p = plan(&id, &sessions, planned);
        let last = *sessions.last().unwrap();
        for d in dates(sessions[0] - Days::new(10), last + Days::new(45)) {
            for a in p.status(d).activities {
                if let Some(from) = a.allowed_from {
                    prop_assert_eq!(a.status, Allowance::Avoid);
                    prop_assert!(from > d);
                    prop_assert_eq!(a.allowed_in_days, Some((from - d).num_days() as u32));
                    let on = p.status(from);
                    prop_assert_ne!(on.activity(a.activity).unwrap().status, Allowance::Avoid);
                    let eve = p.status(from.pred_opt().unwrap());
                    prop_assert_eq!(eve.activity(a.activity).unwrap().status, Allowance::Avoid);
                }
                if let Some(ok) = a.ok_from {
                    prop_assert_eq!(p.status(ok).activity(a.activity).unwrap().status, Allowance::Ok);
                    let eve = p.status(ok.pred_opt().unwrap());
                    prop_assert!(eve.activity(a.activity).unwrap().status > Allowance::Ok);
                }
                if a.status == Allowance::Avoid {
                    prop_assert!(a.allowed_from.is_some() || a.until_next_session || a.ask_clinic_from.is_some());
                }
            }
        }
    }

    /// Milestones are in strict date order, one per date, and each names a
    /// day on which the status of something really changes or a session,
    /// healed date or touch-up falls.
    #[test]
    fn milestones_are_ordered_and_real((id, sessions, planned) in plan_inputs()) {
        let p = plan(&id, &sessions, planned);
        let ms = p.milestones();
        prop_assert!(ms.windows(2).all(|w| w[0].date < w[1].date));
        for m in ms {
            let (before, now) = (p.status(m.date.pred_opt().unwrap()), p.status(m.date));
            for c in &m.changes {
                prop_assert_eq!(before.activity(c.activity).map(|a| a.status), c.from);
                prop_assert_eq!(now.activity(c.activity).unwrap().status, c.to);
            }
            let something = !m.changes.is_empty()
                || !m.care_started.is_empty()
                || sessions.contains(&m.date)
                || sessions.contains(&m.date.succ_opt().unwrap())
                || p.healed_on() == Some(m.date)
                || p.restrictions_over_on() == Some(m.date)
                || p.touch_up_on() == Some(m.date);
            prop_assert!(something, "milestone on {} with nothing in it", m.date);
        }
    }

    /// Care never asks for an activity the rules in force rule out: a care
    /// item tied to an activity is not listed on a day it is avoided. (For
    /// preparation, done before the appointment, the rules in force are the
    /// earlier sessions' and the preparation rules; the session's own
    /// aftercare starts at the treatment.)
    #[test]
    fn care_never_names_an_avoided_activity((id, sessions, planned) in plan_inputs()) {
        let p = plan(&id, &sessions, planned);
        let protocol = p.protocol().clone();
        let last = *sessions.last().unwrap();
        for d in dates(sessions[0] - Days::new(15), last + Days::new(45)) {
            let today = p.status(d);
            for c in &today.care {
                let item = protocol.care().iter().find(|i| i.id == c.id).unwrap();
                let Some(activity) = item.activity else { continue };
                let is_prep = matches!(item.window, Window::BeforeEach { .. });
                if is_prep && sessions.contains(&d) {
                    // Done before the appointment, while the session's own
                    // aftercare has not begun: what rules it out is the
                    // earlier sessions' aftercare, as the plan without this
                    // session and later ones has it (leaving out rules that
                    // wait for the next session, which end before it).
                    let earlier: Vec<NaiveDate> = sessions.iter().copied().filter(|s| *s < d).collect();
                    if earlier.is_empty() {
                        continue;
                    }
                    let before = plan(&id, &earlier, planned).status(d);
                    let still_avoided = before.activity(activity).is_some_and(|a| {
                        a.status == Allowance::Avoid && !a.until_next_session
                    });
                    prop_assert!(!still_avoided,
                        "{}: care {} asks for {} on session day {}", id, c.id, activity, d);
                } else {
                    prop_assert_ne!(
                        today.activity(activity).map(|a| a.status),
                        Some(Allowance::Avoid),
                        "{}: care {} asks for {} on {}, when it is avoided", id, c.id, activity, d
                    );
                }
            }
            // One care item per activity and day.
            let mut tied: Vec<Activity> = today
                .care
                .iter()
                .filter_map(|c| protocol.care().iter().find(|i| i.id == c.id).unwrap().activity)
                .collect();
            let n = tied.len();
            tied.sort();
            tied.dedup();
            prop_assert_eq!(tied.len(), n, "{}: two care items for one activity on {}", id, d);

            // Preparation instructions: never for an activity avoided on any
            // day they are listed from (before the appointment).
            if let Some(prep) = p.preparation(d) {
                for item in prep.items.iter().filter(|i| i.kind == PrepKind::Do) {
                    let Some(activity) = item.activity else { continue };
                    let from = item.from.max(d);
                    if from < prep.date {
                        prop_assert_ne!(
                            p.status(from).activity(activity).map(|a| a.status),
                            Some(Allowance::Avoid),
                            "{}: preparation '{}' on {} while {} is avoided", id, item.label, from, activity
                        );
                    }
                }
            }
        }
    }

    /// A milestone announces an activity as allowed only when a rule that
    /// restricted it after a session ends: never while it is still avoided,
    /// never for an activity the protocol restricts only before sessions.
    #[test]
    fn milestones_announce_only_what_the_rules_allow((id, sessions, planned) in plan_inputs()) {
        let p = plan(&id, &sessions, planned);
        let restricted_after: Vec<Activity> = p
            .protocol()
            .rules()
            .iter()
            .filter(|r| r.status > Allowance::Ok && !matches!(r.window, Window::BeforeEach { .. }))
            .map(|r| r.activity)
            .collect();
        for m in p.milestones() {
            for c in &m.changes {
                let eased = c.from.is_some_and(|f| c.to < f);
                if eased {
                    prop_assert!(restricted_after.contains(&c.activity),
                        "{}: {} announced as allowed on {}", id, c.activity, m.date);
                    prop_assert_ne!(p.status(m.date).activity(c.activity).unwrap().status, Allowance::Avoid);
                }
            }
            // Nothing a rule never permits after a session is ever "may".
            prop_assert!(!m.body.contains("use a sunbed"), "{}: {}", id, m.body);
            prop_assert!(!m.body.contains("drink alcohol"), "{}: {}", id, m.body);
        }
    }

    /// Spacing warnings appear exactly for gaps outside the protocol's range.
    #[test]
    fn gap_warnings_match_the_spacing((id, sessions, planned) in plan_inputs()) {
        let p = plan(&id, &sessions, planned);
        let spec = p.protocol().sessions();
        for (i, pair) in sessions.windows(2).enumerate() {
            let gap = (pair[1] - pair[0]).num_days() as u32;
            let session = Some(i as u32 + 2);
            let has = |code| p.warnings().iter().any(|w| w.code == code && w.session == session);
            prop_assert_eq!(has(WarningCode::GapShort), spec.min_gap_days.is_some_and(|m| gap < m));
            prop_assert_eq!(has(WarningCode::GapLong), spec.max_gap_days.is_some_and(|m| gap > m));
        }
        let out_of_range = planned < spec.min || planned > spec.max;
        prop_assert_eq!(
            p.warnings().iter().any(|w| w.code == WarningCode::PlannedOutOfRange),
            out_of_range
        );
    }
}
