//! Speed of the engine's hot paths.
//!
//! Targets (on the project's 2-core reference machine), checked by
//! `bench/run` against the upper bound of criterion's 95% confidence
//! interval of the mean: `status` under 5 µs; a four-session plan built
//! from scratch with every reminder (`reminder_plan_from_scratch/4`)
//! under 25 µs; and growth with the number of sessions linear
//! (`reminder_plan_from_scratch/8` at most 2.5 times `/4`).

use std::hint::black_box;

use aftercare::{Plan, Protocol, nth_day};
use chrono::{NaiveDate, NaiveTime};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// `n` sessions of the default protocol, spaced as 003 spaces them: 10
/// days, then three weeks apart.
fn sessions(n: usize) -> (Protocol, Vec<NaiveDate>) {
    let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut sessions = vec![first];
    let mut day = 1;
    for i in 1..n {
        day += if i == 1 { 10 } else { 21 };
        sessions.push(nth_day(first, day));
    }
    (Protocol::builtin("four-to-thirty").unwrap(), sessions)
}

fn engine(c: &mut Criterion) {
    let (protocol, four) = sessions(4);
    let zone = chrono_tz::Europe::London;
    // What the app does after every edit: build the plan from its inputs.
    let build = |protocol: &Protocol, sessions: &[NaiveDate]| {
        let planned = sessions.len() as u32;
        Plan::new(
            black_box(protocol.clone()),
            black_box(sessions.to_vec()),
            Some(planned),
            zone,
        )
        .unwrap()
    };
    let plan = build(&protocol, &four);
    let at = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    // A day with restrictions from two sessions still running.
    let day = nth_day(four[1], 4);

    c.bench_function("status", |b| {
        b.iter(|| black_box(&plan).status(black_box(day)))
    });
    c.bench_function("plan_new", |b| b.iter(|| build(&protocol, &four)));
    c.bench_function("reminders", |b| {
        b.iter(|| black_box(&plan).reminders(black_box(at)))
    });

    // The whole reminder plan from scratch, by number of sessions: the
    // time should grow in proportion.
    let mut group = c.benchmark_group("reminder_plan_from_scratch");
    for n in [1, 2, 4, 8] {
        let (protocol, sessions) = sessions(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &sessions, |b, s| {
            b.iter(|| build(&protocol, s).reminders(black_box(at)))
        });
    }
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
