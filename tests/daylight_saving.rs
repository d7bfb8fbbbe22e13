//! Day numbers and reminder instants across daylight-saving changes.
//!
//! Day numbers are calendar dates, so a clock change never moves one; a
//! reminder at 09:00 stays at 09:00 on the wall clock, so its UTC instant
//! moves by the change; a reminder time that the clock skips moves forward
//! by the gap, and one the clock shows twice fires the first time.

use aftercare::{Plan, Protocol, Reminder, local_instant, nth_day};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

fn date(s: &str) -> NaiveDate {
    aftercare::parse_date(s).unwrap()
}

fn time(s: &str) -> NaiveTime {
    aftercare::parse_time(s).unwrap()
}

/// A single-session plan whose day 6 (a milestone in the default
/// protocol: rinse and shave) falls on `day6`.
fn plan_with_day6_on(day6: NaiveDate, zone: Tz) -> Plan {
    let session = day6 - chrono::Days::new(5);
    assert_eq!(nth_day(session, 6), day6);
    Plan::new(
        Protocol::builtin("four-to-thirty").unwrap(),
        vec![session],
        None,
        zone,
    )
    .unwrap()
}

fn reminder_on(plan: &Plan, at: &str, on: NaiveDate) -> Reminder {
    plan.reminders(time(at))
        .into_iter()
        .find(|r| r.local.date_naive() == on)
        .unwrap_or_else(|| panic!("no reminder on {on}"))
}

fn rfc(r: &Reminder) -> (String, String) {
    (
        r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        r.local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    )
}

#[test]
fn london_spring_forward_keeps_nine_oclock_on_the_wall() {
    // Clocks go forward at 01:00 GMT on Sunday 29 March 2026.
    let plan = plan_with_day6_on(date("2026-03-29"), chrono_tz::Europe::London);
    let r = reminder_on(&plan, "09:00", date("2026-03-29"));
    assert_eq!(r.id, "day:2026-03-24:6");
    assert_eq!(
        rfc(&r),
        (
            "2026-03-29T08:00:00Z".into(),
            "2026-03-29T09:00:00+01:00".into()
        )
    );
    // The day before the change is still GMT.
    let before = reminder_on(&plan, "09:00", date("2026-03-24"));
    assert_eq!(rfc(&before).0, "2026-03-24T09:00:00Z");
}

#[test]
fn london_skipped_time_moves_forward_by_the_gap() {
    let plan = plan_with_day6_on(date("2026-03-29"), chrono_tz::Europe::London);
    let r = reminder_on(&plan, "01:30", date("2026-03-29"));
    assert_eq!(
        rfc(&r),
        (
            "2026-03-29T01:30:00Z".into(),
            "2026-03-29T02:30:00+01:00".into()
        )
    );
}

#[test]
fn london_repeated_time_fires_the_first_time() {
    // Clocks go back at 02:00 BST on Sunday 25 October 2026: 01:30 happens twice.
    let plan = plan_with_day6_on(date("2026-10-25"), chrono_tz::Europe::London);
    let r = reminder_on(&plan, "01:30", date("2026-10-25"));
    assert_eq!(
        rfc(&r),
        (
            "2026-10-25T00:30:00Z".into(),
            "2026-10-25T01:30:00+01:00".into()
        )
    );
    let after = reminder_on(&plan, "09:00", date("2026-10-25"));
    assert_eq!(rfc(&after).0, "2026-10-25T09:00:00Z");
}

#[test]
fn new_york_spring_forward() {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT.
    let plan = plan_with_day6_on(date("2026-03-08"), chrono_tz::America::New_York);
    let nine = reminder_on(&plan, "09:00", date("2026-03-08"));
    assert_eq!(
        rfc(&nine),
        (
            "2026-03-08T13:00:00Z".into(),
            "2026-03-08T09:00:00-04:00".into()
        )
    );
    let gap = reminder_on(&plan, "02:30", date("2026-03-08"));
    assert_eq!(
        rfc(&gap),
        (
            "2026-03-08T07:30:00Z".into(),
            "2026-03-08T03:30:00-04:00".into()
        )
    );
    // Five days earlier, before the change, 09:00 is 14:00 UTC.
    let session_day = reminder_on(&plan, "09:00", date("2026-03-03"));
    assert_eq!(rfc(&session_day).0, "2026-03-03T14:00:00Z");
}

#[test]
fn new_york_fall_back() {
    // 1 November 2026: 02:00 EDT becomes 01:00 EST.
    let plan = plan_with_day6_on(date("2026-11-01"), chrono_tz::America::New_York);
    let r = reminder_on(&plan, "01:30", date("2026-11-01"));
    assert_eq!(
        rfc(&r),
        (
            "2026-11-01T05:30:00Z".into(),
            "2026-11-01T01:30:00-04:00".into()
        )
    );
    let nine = reminder_on(&plan, "09:00", date("2026-11-01"));
    assert_eq!(rfc(&nine).1, "2026-11-01T09:00:00-05:00");
}

#[test]
fn sydney_both_changes() {
    // 5 April 2026: 03:00 AEDT becomes 02:00 AEST (autumn, southern hemisphere).
    let autumn = plan_with_day6_on(date("2026-04-05"), chrono_tz::Australia::Sydney);
    let r = reminder_on(&autumn, "09:00", date("2026-04-05"));
    assert_eq!(
        rfc(&r),
        (
            "2026-04-04T23:00:00Z".into(),
            "2026-04-05T09:00:00+10:00".into()
        )
    );
    let earlier = reminder_on(&autumn, "09:00", date("2026-03-31"));
    assert_eq!(rfc(&earlier).1, "2026-03-31T09:00:00+11:00");
    // 4 October 2026: 02:00 AEST becomes 03:00 AEDT; 02:15 does not exist.
    let spring = plan_with_day6_on(date("2026-10-04"), chrono_tz::Australia::Sydney);
    let gap = reminder_on(&spring, "02:15", date("2026-10-04"));
    assert_eq!(
        rfc(&gap),
        (
            "2026-10-03T16:15:00Z".into(),
            "2026-10-04T03:15:00+11:00".into()
        )
    );
}

#[test]
fn day_numbers_do_not_move_across_a_clock_change() {
    let plan = plan_with_day6_on(date("2026-03-29"), chrono_tz::Europe::London);
    for (d, n) in [("2026-03-28", 5), ("2026-03-29", 6), ("2026-03-30", 7)] {
        assert_eq!(plan.status(date(d)).day, Some(n), "{d}");
    }
}

#[test]
fn today_follows_the_zone_not_utc() {
    let plan = plan_with_day6_on(date("2026-10-04"), chrono_tz::Australia::Sydney);
    // 14:30 UTC on 3 October is already 00:30 on 4 October in Sydney (AEST, +10).
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-03T14:30:00Z")
        .unwrap()
        .to_utc();
    assert_eq!(plan.today(now), date("2026-10-04"));
    assert_eq!(plan.status(plan.today(now)).day, Some(6));
}

#[test]
fn local_instant_in_a_zone_without_daylight_saving() {
    let at = local_instant(chrono_tz::Asia::Tokyo, date("2026-03-29"), time("09:00"));
    assert_eq!(at.to_rfc3339(), "2026-03-29T09:00:00+09:00");
}
