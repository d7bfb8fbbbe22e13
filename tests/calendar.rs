//! The exported calendar, read back by an independent iCalendar parser
//! (the `ical` crate, not the writer's own): every restriction is there,
//! open-ended ones included, nothing overlaps, lines are at most 75 octets.

use aftercare::{Plan, Protocol};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use ical::parser::ical::component::IcalEvent;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ics(id: &str, sessions: &[NaiveDate], planned: Option<u32>) -> String {
    let plan = Plan::new(
        Protocol::builtin(id).unwrap(),
        sessions.to_vec(),
        planned,
        chrono_tz::Europe::London,
    )
    .unwrap();
    plan.ics(
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap(),
    )
}

fn events(text: &str) -> Vec<IcalEvent> {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "only one calendar");
    calendar.events
}

fn prop<'a>(event: &'a IcalEvent, name: &str) -> Option<&'a str> {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn day(value: &str) -> NaiveDate {
    NaiveDate::parse_from_str(value, "%Y%m%d").unwrap()
}

/// (summary, start, exclusive end, description) of the events whose summary
/// ends with `label`.
fn about(events: &[IcalEvent], label: &str) -> Vec<(String, NaiveDate, NaiveDate, String)> {
    events
        .iter()
        .filter(|e| prop(e, "SUMMARY").is_some_and(|s| s.ends_with(label)))
        .map(|e| {
            (
                prop(e, "SUMMARY").unwrap().to_string(),
                day(prop(e, "DTSTART").unwrap()),
                day(prop(e, "DTEND").unwrap()),
                prop(e, "DESCRIPTION").unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn open_ended_restrictions_run_to_the_latest_expected_next_session() {
    // 002 "Between treatments you should: NOT go swimming / NOT use steam or
    // sauna rooms / Keep OUT of the sun", with 1 of 3 sessions booked: the
    // runs wait for session 2, which 002 puts 5-7 days later, so they are
    // shown up to day 7 after it (exclusive end: the latest expected date).
    let s1 = date(2026, 3, 2);
    let text = ics("four-day-dry", &[s1], None);
    let evs = events(&text);
    for label in ["Swimming", "Sauna and steam"] {
        let runs = about(&evs, label);
        assert_eq!(runs.len(), 1, "{label}: {runs:?}");
        let (summary, start, end, description) = &runs[0];
        assert_eq!(summary, &format!("Avoid: {label}"));
        assert_eq!((*start, *end), (s1, date(2026, 3, 9)), "{label}");
        // Session 2 starts "Between treatments" again on its own day.
        assert!(
            description.ends_with("Until after your next session."),
            "{description}"
        );
    }
    // 002 "Keep out of the sun for 28 days after treatment" outlasts that:
    // the run ends with its own last day, day 28.
    let sun = about(&evs, "Sun on your scalp");
    assert_eq!(sun.len(), 1, "{sun:?}");
    assert_eq!((sun[0].1, sun[0].2), (s1, date(2026, 3, 30)));
    assert!(!sun[0].3.contains("next session"), "{}", sun[0].3);
}

#[test]
fn restriction_events_do_not_overlap_and_are_free_time() {
    let (s1, s2, s3) = (date(2026, 3, 2), date(2026, 3, 12), date(2026, 4, 2));
    for id in aftercare::builtin_ids() {
        let text = ics(id, &[s1, s2, s3], Some(3));
        let evs = events(&text);
        for activity in aftercare::Activity::ALL {
            let mut runs = about(&evs, activity.label());
            runs.sort_by_key(|r| r.1);
            for pair in runs.windows(2) {
                assert!(pair[0].2 <= pair[1].1, "{id}: overlapping {pair:?}");
            }
            for (summary, _, _, description) in &runs {
                assert!(
                    !description.is_empty(),
                    "{id}: {summary} has no description"
                );
            }
        }
        for e in &evs {
            let summary = prop(e, "SUMMARY").unwrap();
            let transp = prop(e, "TRANSP");
            if summary.starts_with("SMP session") {
                assert_eq!(transp, Some("OPAQUE"), "{summary}");
            } else {
                assert_eq!(transp, Some("TRANSPARENT"), "{id}: {summary}");
            }
            // No event speaks of a reminder it doesn't carry.
            let description = prop(e, "DESCRIPTION").unwrap_or_default();
            assert!(!description.contains("reminder at"), "{description}");
        }
    }
}

#[test]
fn milestones_carry_a_real_alarm_at_the_reminder_time() {
    let s1 = date(2026, 3, 2);
    let evs = events(&ics("four-to-thirty", &[s1], None));
    let day6 = evs
        .iter()
        .find(|e| prop(e, "SUMMARY") == Some("Day 6: rinse and shave again"))
        .expect("the day 6 milestone");
    assert_eq!(prop(day6, "DTSTART"), Some("20260307"));
    // The event holds every point, the most important first.
    assert!(
        prop(day6, "DESCRIPTION").unwrap().starts_with(
            "Rinse your scalp again (warm water\\, and pat dry without rubbing). Shave again"
        ),
        "{:?}",
        prop(day6, "DESCRIPTION")
    );
    assert_eq!(day6.alarms.len(), 1);
    let alarm = &day6.alarms[0];
    // The alarm says what the reminder says.
    let said = alarm
        .properties
        .iter()
        .find(|p| p.name == "DESCRIPTION")
        .and_then(|p| p.value.as_deref());
    assert_eq!(
        said,
        Some(
            "Rinse your scalp again (warm water\\, and pat dry without rubbing). \
             Shave again (foil shaver only\\, no wet razors). … and 5 more in the app."
        )
    );
    let trigger = alarm
        .properties
        .iter()
        .find(|p| p.name == "TRIGGER")
        .unwrap();
    // Nine hours after the start of the day: 09:00.
    assert_eq!(trigger.value.as_deref(), Some("PT32400S"));
    let action = alarm
        .properties
        .iter()
        .find(|p| p.name == "ACTION")
        .unwrap();
    assert_eq!(action.value.as_deref(), Some("DISPLAY"));
}

#[test]
fn lasting_advice_is_one_event_on_its_first_day() {
    // 003 rule 5: "It is advised to use a foil shaver only", with a lasting
    // reason: after the final session it holds for good.
    let (s1, s2) = (date(2026, 3, 2), date(2026, 3, 12));
    let evs = events(&ics("four-to-thirty", &[s1, s2], Some(2)));
    let shaving = about(&evs, "Shaving");
    let lasting = shaving.last().unwrap();
    assert_eq!(lasting.0, "With care from now on: Shaving");
    assert_eq!(
        (lasting.1, lasting.2),
        (date(2026, 3, 17), date(2026, 3, 18))
    );
    assert!(lasting.3.ends_with("For good."), "{}", lasting.3);
    // 003 "we recommend that you use SPF": lasting after day 30, which lies
    // beyond the horizon for unbooked sessions, and is still there.
    let sun = about(&evs, "Sun on your scalp");
    let lasting = sun.last().unwrap();
    assert_eq!(lasting.0, "With care from now on: Sun on your scalp");
    assert_eq!(lasting.1, date(2026, 4, 11));
}

#[test]
fn every_line_is_at_most_75_octets() {
    let (s1, s2, s3) = (date(2026, 3, 2), date(2026, 3, 12), date(2026, 4, 2));
    for id in aftercare::builtin_ids() {
        let text = ics(id, &[s1, s2, s3], Some(3));
        assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{id}: {} octets: {line:?}", line.len());
        }
    }
}
