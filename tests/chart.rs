//! The timeline chart (`Plan::chart`): exact runs on a 3-session
//! four-to-thirty plan, silence kept as silence, where the chart ends, and
//! agreement with `Plan::status` on every day of every built-in protocol.

use aftercare::{
    Activity, Allowance, Chart, ChartEnd, ChartRow, ChartStatus, Plan, Protocol, Segment,
};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn plan(id: &str, sessions: &[NaiveDate], planned: Option<u32>) -> Plan {
    Plan::new(
        Protocol::builtin(id).unwrap(),
        sessions.to_vec(),
        planned,
        chrono_tz::Europe::London,
    )
    .unwrap()
}

/// The browser tests' 3-session plan: Thu 6 Mar, Mon 17 Mar, Mon 7 Apr 2025.
fn three_sessions() -> Vec<NaiveDate> {
    vec![date(2025, 3, 6), date(2025, 3, 17), date(2025, 4, 7)]
}

fn row(chart: &Chart, activity: Activity) -> &ChartRow {
    chart
        .rows
        .iter()
        .find(|r| r.activity == activity)
        .unwrap_or_else(|| panic!("no row for {activity:?}"))
}

/// A row's runs as (status, from, to), for exact comparison.
fn runs(row: &ChartRow) -> Vec<(ChartStatus, NaiveDate, NaiveDate)> {
    row.segments
        .iter()
        .map(|s| (s.status, s.from, s.to))
        .collect()
}

// `Ok` renamed so that it cannot be mistaken for `Result::Ok`.
use ChartStatus::{Avoid, Limited, Ok as Fine, Unsaid};

#[test]
fn a_three_session_plan_runs_from_the_first_session_to_healed() {
    let chart = plan("four-to-thirty", &three_sessions(), None).chart();
    assert_eq!(chart.from, date(2025, 3, 6));
    // 003: healed three weeks after the final session, but swimming stays
    // off to day 30 after it: healed on day 31, Wed 7 May.
    assert_eq!(chart.to, date(2025, 5, 7));
    assert_eq!(chart.ends, ChartEnd::Healed);
    assert_eq!(chart.days, 63);
    assert_eq!(chart.planned, 3);
    let sessions: Vec<(u32, NaiveDate, u32)> = chart
        .sessions
        .iter()
        .map(|s| (s.number, s.date, s.index))
        .collect();
    assert_eq!(
        sessions,
        [
            (1, date(2025, 3, 6), 0),
            (2, date(2025, 3, 17), 11),
            (3, date(2025, 4, 7), 32)
        ]
    );
    // Every activity the protocol names has a row, in the app's order.
    let ids: Vec<&str> = chart.rows.iter().map(|r| r.activity.id()).collect();
    assert_eq!(
        ids,
        [
            "wash",
            "wet",
            "rinse",
            "shave",
            "moisturise",
            "exercise",
            "sweat",
            "swim",
            "sauna",
            "sun",
            "sunbed",
            "woolly_hat",
            "bath",
            "alcohol",
            "stimulants",
            "aspirin"
        ]
    );
    assert_eq!(row(&chart, Activity::Swim).label, "Swimming");
}

#[test]
fn washing_restarts_at_each_session_and_is_fine_from_day_22_after_the_last() {
    let chart = plan("four-to-thirty", &three_sessions(), None).chart();
    let wash = row(&chart, Activity::Wash);
    assert_eq!(
        runs(wash),
        [
            // Days 1-5 after each session: no washing.
            (Avoid, date(2025, 3, 6), date(2025, 3, 10)),
            // From day 6 with care, until the day before the next session.
            (Limited, date(2025, 3, 11), date(2025, 3, 16)),
            (Avoid, date(2025, 3, 17), date(2025, 3, 21)),
            (Limited, date(2025, 3, 22), date(2025, 4, 6)),
            (Avoid, date(2025, 4, 7), date(2025, 4, 11)),
            // After the final session: with care to day 21, fine from day 22.
            (Limited, date(2025, 4, 12), date(2025, 4, 27)),
            (Fine, date(2025, 4, 28), date(2025, 5, 7)),
        ]
    );
    // The indices and lengths say the same without counting dates.
    let placed: Vec<(u32, u32)> = wash.segments.iter().map(|s| (s.index, s.days)).collect();
    assert_eq!(
        placed,
        [
            (0, 5),
            (5, 6),
            (11, 5),
            (16, 16),
            (32, 5),
            (37, 16),
            (53, 10)
        ]
    );
    // "Fine" has no end of its own: it goes on after the chart.
    let flags: Vec<bool> = wash.segments.iter().map(|s| s.continues).collect();
    assert_eq!(flags, [false, false, false, false, false, false, true]);
}

#[test]
fn swimming_is_avoided_in_one_run_to_day_30_after_the_final_session() {
    let chart = plan("four-to-thirty", &three_sessions(), None).chart();
    assert_eq!(
        runs(row(&chart, Activity::Swim)),
        [
            (Avoid, date(2025, 3, 6), date(2025, 5, 6)),
            (Fine, date(2025, 5, 7), date(2025, 5, 7)),
        ]
    );
}

#[test]
fn unsaid_days_stay_unsaid_and_are_never_fine() {
    let chart = plan("four-to-thirty", &three_sessions(), None).chart();
    // Alcohol: the day before and the day of each session, nothing between.
    assert_eq!(
        runs(row(&chart, Activity::Alcohol)),
        [
            (Avoid, date(2025, 3, 6), date(2025, 3, 6)),
            (Unsaid, date(2025, 3, 7), date(2025, 3, 15)),
            (Avoid, date(2025, 3, 16), date(2025, 3, 17)),
            (Unsaid, date(2025, 3, 18), date(2025, 4, 5)),
            (Avoid, date(2025, 4, 6), date(2025, 4, 7)),
            (Unsaid, date(2025, 4, 8), date(2025, 5, 7)),
        ]
    );
    // Sunbeds: avoided to day 30 after the final session, and then the
    // clinic says nothing more: not "fine".
    let sunbed = row(&chart, Activity::Sunbed);
    assert_eq!(
        runs(sunbed),
        [
            (Avoid, date(2025, 3, 6), date(2025, 5, 6)),
            (Unsaid, date(2025, 5, 7), date(2025, 5, 7)),
        ]
    );
    assert!(sunbed.segments[1].continues);
}

#[test]
fn the_chart_does_not_depend_on_today() {
    let chart = plan("four-to-thirty", &three_sessions(), None).chart();
    let on = |d| chart.clone().on(d);
    for day in [date(2025, 3, 1), date(2025, 3, 20), date(2025, 6, 1)] {
        assert_eq!(on(day).chart, chart);
        assert_eq!(on(day).today, day);
    }
    assert_eq!(on(date(2025, 3, 5)).today_index, None);
    assert_eq!(on(date(2025, 3, 6)).today_index, Some(0));
    assert_eq!(on(date(2025, 3, 20)).today_index, Some(14));
    assert_eq!(on(date(2025, 5, 7)).today_index, Some(62));
    assert_eq!(on(date(2025, 5, 8)).today_index, None);
}

#[test]
fn an_unbooked_session_sets_a_horizon_and_keeps_silence_silent() {
    // One of three sessions booked: the chart runs to the later of the
    // latest day session 2 is expected (day 1 + 21 days) and the day after
    // the last dated rule (swimming to day 30): Sat 5 Apr, day 31.
    let first = date(2025, 3, 6);
    let chart = plan("four-to-thirty", &[first], Some(3)).chart();
    assert_eq!(chart.to, date(2025, 4, 5));
    assert_eq!(chart.ends, ChartEnd::NextSessionUnbooked);
    assert_eq!(chart.sessions.len(), 1);
    assert_eq!(chart.planned, 3);
    // Washing with care from day 6 to day 21 between sessions; after that,
    // until session 2 is booked, the clinic says nothing: unsaid, not fine.
    let wash = row(&chart, Activity::Wash);
    assert_eq!(
        runs(wash),
        [
            (Avoid, date(2025, 3, 6), date(2025, 3, 10)),
            (Limited, date(2025, 3, 11), date(2025, 3, 26)),
            (Unsaid, date(2025, 3, 27), date(2025, 4, 5)),
        ]
    );

    // Without a usual spacing the horizon is 30 days after the last session.
    let chart = plan("light-exercise-day-five", &[first], Some(3)).chart();
    assert_eq!(chart.to, date(2025, 4, 5));
    assert_eq!(
        runs(row(&chart, Activity::Sauna)),
        [
            (Avoid, date(2025, 3, 6), date(2025, 3, 15)),
            (Unsaid, date(2025, 3, 16), date(2025, 4, 5)),
        ]
    );
}

#[test]
fn a_restriction_until_the_next_session_goes_on_past_the_chart() {
    // 002 (four-day-dry): no swimming between sessions, open while session
    // 2 is not booked. The chart ends the day after sun is last avoided
    // (day 28 after session 1): Thu 3 Apr, later than the expected session
    // 2 (day 1 + 7 days).
    let chart = plan("four-day-dry", &[date(2025, 3, 6)], Some(2)).chart();
    assert_eq!(chart.to, date(2025, 4, 3));
    let swim = row(&chart, Activity::Swim);
    assert_eq!(runs(swim), [(Avoid, date(2025, 3, 6), date(2025, 4, 3))]);
    assert!(swim.segments[0].continues);
}

#[test]
fn a_final_session_with_no_dated_restriction_ends_at_the_horizon() {
    let text = r#"
format = 1
id = "prep-only"
name = "Preparation only"
summary = "Only a rule before each session."

[sessions]
usual = 1
min = 1
max = 1

[[rule]]
activity = "alcohol"
status = "avoid"
scope = "before_each"
days_before = 1
session_day = true
note = "no alcohol the day before"
"#;
    let protocol = Protocol::from_toml("prep-only.toml", text).unwrap();
    let first = date(2025, 3, 6);
    let plan = Plan::new(protocol, vec![first], None, chrono_tz::UTC).unwrap();
    let chart = plan.chart();
    assert_eq!(chart.ends, ChartEnd::LastRule);
    assert_eq!(chart.to, date(2025, 4, 5));
    assert_eq!(
        runs(row(&chart, Activity::Alcohol)),
        [
            (Avoid, date(2025, 3, 6), date(2025, 3, 6)),
            (Unsaid, date(2025, 3, 7), date(2025, 4, 5)),
        ]
    );
}

/// Every row covers the span without gap or overlap, neighbours differ,
/// only the last run may go on, and every day's status is the one
/// `Plan::status` gives (absent there is unsaid here).
fn check_against_status(plan: &Plan) {
    let chart = plan.chart();
    let status: Vec<_> = chart
        .from
        .iter_days()
        .take_while(|d| *d <= chart.to)
        .map(|d| plan.status(d))
        .collect();
    assert_eq!(status.len(), chart.days as usize);
    for row in &chart.rows {
        let segs: &[Segment] = &row.segments;
        assert_eq!(segs[0].from, chart.from, "{:?}", row.activity);
        assert_eq!(segs[segs.len() - 1].to, chart.to, "{:?}", row.activity);
        for pair in segs.windows(2) {
            assert_eq!(pair[0].to.succ_opt(), Some(pair[1].from));
            assert_ne!(pair[0].status, pair[1].status);
            assert!(!pair[0].continues);
        }
        for s in segs {
            assert_eq!(chart.index_of(s.from), Some(s.index));
            assert_eq!(chart.index_of(s.to), Some(s.index + s.days - 1));
            for day in &status[s.index as usize..(s.index + s.days) as usize] {
                let expected = match day.activity(row.activity).map(|a| a.status) {
                    Some(Allowance::Avoid) => Avoid,
                    Some(Allowance::Limited) => Limited,
                    Some(Allowance::Ok) => Fine,
                    None => Unsaid,
                };
                assert_eq!(s.status, expected, "{:?} on {}", row.activity, day.date);
            }
        }
    }
    // An activity left out has nothing said about it on any day shown.
    for day in &status {
        for a in &day.activities {
            assert!(
                chart.rows.iter().any(|r| r.activity == a.activity),
                "{:?} on {} has no row",
                a.activity,
                day.date
            );
        }
    }
}

#[test]
fn every_day_of_every_builtin_chart_agrees_with_the_status() {
    let s = |m, d| date(2025, m, d);
    for id in aftercare::builtin_ids() {
        for (sessions, planned) in [
            (vec![s(3, 6)], None),
            (vec![s(3, 6)], Some(1)),
            (vec![s(3, 6), s(3, 17)], None),
            (three_sessions(), None),
            (three_sessions(), Some(4)),
            // Closer than any clinic's spacing.
            (vec![s(3, 17), s(3, 20)], Some(2)),
        ] {
            check_against_status(&plan(id, &sessions, planned));
        }
    }
}
