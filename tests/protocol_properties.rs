//! Any protocol that `aftercare check` accepts yields a plan that answers
//! for every supported date (1970-01-01 to 2199-12-31) in every zone
//! without panicking: status, preparation, milestones and reminders.
//!
//! Protocols are the built-in ones mutated within the validator's rules
//! (session counts and spacing, day windows moved, widened, opened or
//! switched to another scope, statuses changed, entries dropped), then
//! read by `Protocol::from_toml` as the CLI's `check` reads a file; those
//! it refuses are counted and skipped. Sessions fall anywhere in the
//! supported years, at either end included, in any zone chrono-tz knows.
//!
//! The seed is fixed and printed; replay a run with
//! `PROPTEST_RNG_SEED=<seed> cargo test --test protocol_properties`.

use std::sync::atomic::{AtomicUsize, Ordering};

use aftercare::day::{FIRST_SUPPORTED, LAST_SUPPORTED};
use aftercare::{Plan, Protocol, builtin_ids};
use chrono::{Days, NaiveDate, NaiveTime};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use toml::{Table, Value};

/// The seed unless `PROPTEST_RNG_SEED` gives another.
const SEED: u64 = 20_261_130;
/// Cases per run: about 5 s in a debug build on the 2-core build machine.
const CASES: u32 = 192;
/// Dates asked per plan besides the fixed ones.
const RANDOM_DATES: usize = 24;

/// One change to one `[[rule]]`, `[[care]]` or `[[warning]]` entry:
/// which change (`op`), two day numbers and a flag it may use.
#[derive(Debug, Clone)]
struct Edit {
    op: u8,
    a: u32,
    b: u32,
    flag: bool,
}

/// A mutated protocol, the sessions of a plan and the dates to ask about.
#[derive(Debug, Clone)]
struct Case {
    id: String,
    /// `sessions.max`, `min`, `usual`, the gaps and `after_final`.
    counts: (u32, u32, u32, Option<u32>, Option<u32>),
    after_final: (Option<u32>, Option<u32>),
    edits: Vec<Edit>,
    /// Day offsets of the sessions from 1970-01-01 (sorted, made distinct).
    first: u32,
    gaps: Vec<u32>,
    planned: Option<u32>,
    zone: usize,
    dates: Vec<u32>,
}

/// Days from the first to the last supported date.
fn supported_days() -> u32 {
    u32::try_from((LAST_SUPPORTED - FIRST_SUPPORTED).num_days()).unwrap()
}

fn on(offset: u32) -> NaiveDate {
    FIRST_SUPPORTED + Days::new(u64::from(offset.min(supported_days())))
}

fn inputs() -> impl Strategy<Value = Case> {
    let ids: Vec<String> = builtin_ids().map(str::to_string).collect();
    let last = supported_days();
    let edit = (0u8..8, 0u32..400, 0u32..400, any::<bool>()).prop_map(|(op, a, b, flag)| Edit {
        op,
        a,
        b,
        flag,
    });
    // Either end of the supported years as often as anywhere between.
    let day = prop_oneof![
        Just(0u32),
        Just(last),
        0..=last,
        last - 400..=last,
        0u32..400
    ];
    (
        (
            proptest::sample::select(ids),
            (
                1u32..=12,
                0u32..12,
                0u32..12,
                proptest::option::of(1u32..=366),
                proptest::option::of(0u32..=366),
            ),
            (
                proptest::option::of(1u32..=366),
                proptest::option::of(1u32..=20),
            ),
            proptest::collection::vec(edit, 0..60),
        ),
        (
            day.clone(),
            proptest::collection::vec(1u32..120, 0..5),
            proptest::option::of(1u32..=12),
            0..chrono_tz::TZ_VARIANTS.len(),
            proptest::collection::vec(day, RANDOM_DATES),
        ),
    )
        .prop_map(
            |((id, counts, after_final, edits), (first, gaps, planned, zone, dates))| Case {
                id,
                counts,
                after_final,
                edits,
                first,
                gaps,
                planned,
                zone,
                dates,
            },
        )
}

fn int(n: u32) -> Value {
    Value::Integer(i64::from(n))
}

/// A day number the validator accepts: 1 to 366.
fn day_number(n: u32) -> u32 {
    1 + n % 366
}

/// Sets the window of an entry whose scope counts days after a session.
fn day_window(entry: &mut Table, from: u32, to: Option<u32>) {
    entry.remove("days_before");
    entry.remove("session_day");
    let from = day_number(from);
    entry.insert("from_day".into(), int(from));
    match to {
        Some(to) => entry.insert("to_day".into(), int(from.max(day_number(to)))),
        None => entry.remove("to_day"),
    };
}

/// Applies one edit to a `[[rule]]` or `[[care]]` entry.
fn edit_window(entry: &mut Table, e: &Edit) {
    let scope = entry
        .get("scope")
        .and_then(Value::as_str)
        .unwrap_or("after_each")
        .to_string();
    let to = (!e.flag).then_some(e.b);
    match e.op {
        // Another window in the same scope.
        2 | 3 if scope == "before_each" => {
            let days = e.a % 31;
            entry.insert("days_before".into(), int(days));
            entry.insert("session_day".into(), Value::Boolean(e.flag || days == 0));
        }
        2 | 3 => day_window(entry, e.a, to),
        // Another scope, with a window that fits it.
        4 => {
            let scope = ["after_each", "between", "after_final", "before_each"][(e.a % 4) as usize];
            entry.insert("scope".into(), Value::String(scope.into()));
            if scope == "before_each" {
                entry.remove("from_day");
                entry.remove("to_day");
                let days = e.b % 31;
                entry.insert("days_before".into(), int(days));
                entry.insert("session_day".into(), Value::Boolean(e.flag || days == 0));
            } else {
                day_window(entry, e.b, Some(e.b + 5));
            }
        }
        // Another status (rules only: care items have none).
        5 if entry.contains_key("status") => {
            let status = ["avoid", "limited", "ok"][(e.a % 3) as usize];
            entry.insert("status".into(), Value::String(status.into()));
        }
        // The longest windows the validator allows.
        6 if scope != "before_each" => day_window(entry, 1 + e.a % 2 * 365, Some(365)),
        _ => {}
    }
    close_if_needed(entry, e.b);
}

/// Gives an open-ended rule a `to_day` where the validator wants one: only
/// `ok` rules, `between` rules and `limited` rules after the final session
/// may stay open (care items have no status and may too).
fn close_if_needed(entry: &mut Table, length: u32) {
    let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
    let (Some(status), Some(scope)) = (text("status"), text("scope")) else {
        return;
    };
    let may_be_open = status == "ok"
        || scope == "between"
        || scope == "before_each"
        || (status == "limited" && scope == "after_final");
    if may_be_open || entry.contains_key("to_day") {
        return;
    }
    let from = entry
        .get("from_day")
        .and_then(Value::as_integer)
        .unwrap_or(1);
    let to = (from + i64::from(length % 60)).min(366);
    entry.insert("to_day".into(), Value::Integer(to));
}

/// The built-in protocol `case.id`, changed by `case`'s edits, as TOML.
fn mutated(case: &Case) -> String {
    let text = Protocol::builtin(&case.id)
        .unwrap()
        .source_text()
        .to_string();
    let mut table: Table = text.parse().unwrap();
    let (max, min, usual, min_gap, max_gap) = case.counts;
    let min = 1 + min % max;
    let usual = min + usual % (max - min + 1);
    let mut sessions = Table::new();
    sessions.insert("max".into(), int(max));
    sessions.insert("min".into(), int(min));
    sessions.insert("usual".into(), int(usual));
    if let Some(gap) = min_gap {
        sessions.insert("min_gap_days".into(), int(gap));
    }
    if let Some(extra) = max_gap {
        let floor = min_gap.unwrap_or(1);
        sessions.insert("max_gap_days".into(), int((floor + extra).min(366)));
    }
    table.insert("sessions".into(), Value::Table(sessions));
    let mut after_final = Table::new();
    if let Some(days) = case.after_final.0 {
        after_final.insert("healed_after_days".into(), int(days));
    }
    if let Some(years) = case.after_final.1 {
        after_final.insert("touch_up_after_years".into(), int(years));
    }
    table.insert("after_final".into(), Value::Table(after_final));

    let mut edits = case.edits.iter();
    for kind in ["rule", "care", "warning"] {
        let Some(Value::Array(entries)) = table.get_mut(kind) else {
            continue;
        };
        let mut kept = Vec::new();
        for entry in entries.drain(..) {
            let Value::Table(mut entry) = entry else {
                continue;
            };
            match edits.next() {
                // Dropped (a protocol keeps at least one rule: below).
                Some(e) if e.op == 1 => continue,
                Some(e)
                    if kind == "warning" && e.op >= 2 && !entry.contains_key("before_session") =>
                {
                    day_window(&mut entry, e.a, (!e.flag).then_some(e.b));
                }
                Some(_) if kind == "warning" => {}
                Some(e) => edit_window(&mut entry, e),
                None => {}
            }
            kept.push(Value::Table(entry));
        }
        *entries = kept;
    }
    let rules_left = matches!(table.get("rule"), Some(Value::Array(r)) if !r.is_empty());
    if !rules_left {
        table.insert(
            "rule".into(),
            toml::from_str::<Table>(&text).unwrap()["rule"].clone(),
        );
    }
    toml::to_string(&table).unwrap()
}

#[test]
fn every_accepted_protocol_answers_for_every_supported_date() {
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SEED);
    // PROPTEST_CASES runs more (or fewer) cases, as for every proptest.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(CASES);
    println!(
        "seed {seed}, {cases} cases (replay: PROPTEST_RNG_SEED={seed} cargo test --test protocol_properties)"
    );
    let config = Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        // Hermetic: a failure is printed with its case, not written into
        // the source tree.
        failure_persistence: None,
        ..Config::default()
    };
    let (accepted, refused, plans, unplanned, answers) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
    let result = TestRunner::new(config).run(&inputs(), |case| {
        let text = mutated(&case);
        let protocol = match Protocol::from_toml("mutated.toml", &text) {
            Ok(p) => p,
            Err(_) => {
                refused.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
        };
        accepted.fetch_add(1, Ordering::Relaxed);
        let mut offset = case.first;
        let mut sessions = vec![on(offset)];
        for gap in &case.gaps {
            offset += gap;
            sessions.push(on(offset));
        }
        sessions.dedup();
        let zone = chrono_tz::TZ_VARIANTS[case.zone];
        // A planned count below the booked sessions is refused: that is
        // the engine's answer, not a failure.
        let plan = match Plan::new(protocol, sessions.clone(), case.planned, zone) {
            Ok(plan) => plan,
            Err(aftercare::Error::InvalidPlanned { .. }) => {
                unplanned.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            Err(e) => {
                return Err(TestCaseError::fail(format!(
                    "{sessions:?} in {zone}: {e}\n{text}"
                )));
            }
        };
        plans.fetch_add(1, Ordering::Relaxed);
        let _ = plan.milestones();
        let _ = plan.reminders(nine);
        let mut dates: Vec<NaiveDate> = case.dates.iter().map(|&d| on(d)).collect();
        dates.extend([FIRST_SUPPORTED, LAST_SUPPORTED]);
        for s in &sessions {
            // The days around each session, where the windows are.
            for back in [1, 30] {
                dates.extend(
                    s.checked_sub_days(Days::new(back))
                        .filter(|d| *d >= FIRST_SUPPORTED),
                );
            }
            for ahead in [0, 1, 5, 30, 366, 367] {
                dates.extend(
                    s.checked_add_days(Days::new(ahead))
                        .filter(|d| *d <= LAST_SUPPORTED),
                );
            }
        }
        for date in dates {
            let status = plan.status(date);
            prop_assert_eq!(status.date, date);
            let _ = plan.preparation(date);
            answers.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    let (accepted, refused) = (accepted.into_inner(), refused.into_inner());
    let (plans, unplanned, answers) = (
        plans.into_inner(),
        unplanned.into_inner(),
        answers.into_inner(),
    );
    println!(
        "protocols accepted {accepted}, refused by check {refused}; plans {plans}, planned \
         count refused {unplanned}; dates answered {answers}"
    );
    if let Err(e) = result {
        panic!("seed {seed}: {e}");
    }
    // The mutations must mostly stay within the validator's rules, or the
    // property is checked on too few protocols to mean anything.
    assert!(
        accepted * 2 >= cases as usize,
        "only {accepted} of {cases} mutated protocols accepted"
    );
    assert!(
        plans * 2 >= accepted,
        "only {plans} plans of {accepted} accepted protocols"
    );
}
