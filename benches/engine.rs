//! Speed of the engine's hot paths on a four-session plan.
//!
//! Targets (on the project's 2-core reference machine): `status` under 5 µs,
//! the full reminder plan (building the plan included) under 100 µs.
//! Run with `bench/run`, which prints the figures against the targets.

use std::hint::black_box;

use aftercare::{Plan, Protocol, nth_day};
use chrono::{NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};

fn four_sessions() -> (Protocol, Vec<NaiveDate>) {
    let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    // 003's spacing: 10 days, then three weeks, then a fourth session.
    let sessions = vec![
        first,
        nth_day(first, 11),
        nth_day(first, 32),
        nth_day(first, 53),
    ];
    (Protocol::builtin("four-to-thirty").unwrap(), sessions)
}

fn engine(c: &mut Criterion) {
    let (protocol, sessions) = four_sessions();
    let zone = chrono_tz::Europe::London;
    // What the app does after every edit: build the plan from its inputs.
    let build = || {
        Plan::new(
            black_box(protocol.clone()),
            black_box(sessions.clone()),
            Some(4),
            zone,
        )
        .unwrap()
    };
    let plan = build();
    let at = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    // A day with restrictions from two sessions still running.
    let day = nth_day(sessions[1], 4);

    c.bench_function("status", |b| {
        b.iter(|| black_box(&plan).status(black_box(day)))
    });
    c.bench_function("plan_new", |b| b.iter(build));
    c.bench_function("reminders", |b| {
        b.iter(|| black_box(&plan).reminders(black_box(at)))
    });
    c.bench_function("reminder_plan_from_scratch", |b| {
        b.iter(|| build().reminders(black_box(at)))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
