//! Care ticked off on Today (moisturised twice, sun cream once), and the
//! ticks of a range of days for the timeline.
//!
//! "Today" is always the app's: the shell's clock in the plan's zone
//! ([`Current::today`]), never a date the page sends, so a tick can't land
//! on another day. Only care the clinic asks for several times a day (a
//! care item with `times_per_day` or `repeat = true`) can be ticked, and
//! only on a day it is asked for.

use aftercare::{CareToday, Repeat};
use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;
use tauri::State;

use super::{current, store};
use crate::current::Current;
use crate::error::AppError;
use crate::problem::{NeededFor, Problem};
use crate::state::AppState;
use crate::store::{CareTick, Store, StoreError};

/// One care item's ticks on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CareTicked {
    /// The care item's id.
    pub id: String,
    /// Its label in the protocol followed now ("Moisturise your scalp");
    /// the id itself when that protocol no longer has the item.
    pub label: String,
    /// How many times it was ticked off that day.
    pub count: u32,
    /// How often the clinic asks for it, where the protocol followed now
    /// says.
    pub repeat: Option<Repeat>,
    /// The most ticks the day may hold (the clinic's most, or the app's
    /// `MAX_TIMES_PER_DAY`): the tick control stops there.
    pub most: u32,
}

/// The care ticked off on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CareDay {
    /// The client's date (in the plan's zone).
    pub date: NaiveDate,
    /// Each item ticked that day, in the protocol's order (items it no
    /// longer has last, by id); an item not ticked is not listed.
    pub items: Vec<CareTicked>,
}

/// Ticks off care item `care` once today. Answers with today's ticks.
///
/// Refused (field `care`) before a first session, for an item not asked
/// for today, for one the clinic asks for once (nothing to count), and
/// once it has as many ticks as it may hold today.
#[tauri::command]
#[specta::specta]
pub fn care_tick(state: State<'_, AppState>, care: String) -> Result<CareDay, AppError> {
    tick(&state, &care)
}

/// Takes back the latest tick of care item `care` today. Answers with
/// today's ticks; with none to take back nothing changes.
#[tauri::command]
#[specta::specta]
pub fn care_untick(state: State<'_, AppState>, care: String) -> Result<CareDay, AppError> {
    untick(&state, &care)
}

/// The care ticked off on each day from `from` to `to` (`YYYY-MM-DD`,
/// both included, at most [`MAX_RANGE_DAYS`](crate::limits::MAX_RANGE_DAYS)
/// days), for Today (`from = to =` the overview's `today`) and the
/// timeline. Days without ticks are left out.
#[tauri::command]
#[specta::specta]
pub fn care_ticks(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<CareDay>, AppError> {
    crate::limits::date_in("from", &from)?;
    crate::limits::date_in("to", &to)?;
    let from_date = date(&from, "from")?;
    let to_date = date(&to, "to")?;
    crate::limits::day_range(from_date, to_date)?;
    let c = current(&state)?;
    let ticks = store(&state)?.care_ticks(from_date, to_date)?;
    Ok(days(&c, &ticks))
}

/// Today's ticks of `c`'s plan (an empty day when none), for
/// `today_screen`.
pub(crate) fn care_today(c: &Current, store: &Store) -> Result<CareDay, AppError> {
    let ticks = store.care_ticks(c.today, c.today)?;
    Ok(days(c, &ticks).pop().unwrap_or(CareDay {
        date: c.today,
        items: Vec::new(),
    }))
}

fn date(text: &str, field: &str) -> Result<NaiveDate, AppError> {
    aftercare::parse_date(text.trim()).map_err(|e| AppError::from_engine(e, field))
}

fn tick(state: &AppState, care: &str) -> Result<CareDay, AppError> {
    crate::limits::care_id(care)?;
    let c = current(state)?;
    let item = asked_today(&c, care)?;
    let Some(repeat) = item.repeat else {
        return Err(AppError::invalid(
            "care",
            Problem::NothingToTick {
                label: item.label.clone(),
            },
        ));
    };
    let day = {
        let mut store = store(state)?;
        store
            .tick_care(c.today, care, c.now, repeat.most())
            .map_err(|e| match e {
                StoreError::TicksFull { most, .. } => AppError::invalid(
                    "care",
                    Problem::TicksFull {
                        label: item.label.clone(),
                        most,
                        clinic_most: matches!(repeat, Repeat::Times { max: Some(_), .. }),
                    },
                ),
                e => e.into(),
            })?;
        store.care_ticks(c.today, c.today)?
    };
    // The nudges of the day depend on the ticks.
    (state.on_change)();
    Ok(today(&c, &day))
}

fn untick(state: &AppState, care: &str) -> Result<CareDay, AppError> {
    crate::limits::care_id(care)?;
    let c = current(state)?;
    if c.plan.is_none() {
        return Err(no_plan());
    }
    let day = {
        let mut store = store(state)?;
        store.untick_care(c.today, care)?;
        store.care_ticks(c.today, c.today)?
    };
    (state.on_change)();
    Ok(today(&c, &day))
}

fn no_plan() -> AppError {
    AppError::invalid(
        "care",
        Problem::NoSessionYet {
            needed_for: NeededFor::Care,
        },
    )
}

/// Today's care item `care`, or why it can't be ticked.
fn asked_today(c: &Current, care: &str) -> Result<CareToday, AppError> {
    let plan = c.plan.as_ref().ok_or_else(no_plan)?;
    plan.status(c.today)
        .care
        .into_iter()
        .find(|item| item.id == care)
        .ok_or_else(|| {
            AppError::invalid(
                "care",
                Problem::NotAskedToday {
                    care: care.to_string(),
                },
            )
        })
}

fn today(c: &Current, ticks: &[CareTick]) -> CareDay {
    days(c, ticks).pop().unwrap_or(CareDay {
        date: c.today,
        items: Vec::new(),
    })
}

/// Ticks (sorted by date, then care id) grouped by day, labelled from the
/// protocol followed now.
fn days(c: &Current, ticks: &[CareTick]) -> Vec<CareDay> {
    let care = c.protocol.care();
    let mut out: Vec<CareDay> = Vec::new();
    for tick in ticks {
        if out.last().is_none_or(|d| d.date != tick.date) {
            out.push(CareDay {
                date: tick.date,
                items: Vec::new(),
            });
        }
        let Some(day) = out.last_mut() else { continue };
        match day.items.iter_mut().find(|i| i.id == tick.care_id) {
            Some(item) => item.count += 1,
            None => {
                let known = care.iter().find(|i| i.id == tick.care_id);
                let repeat = known.and_then(|i| i.repeat);
                day.items.push(CareTicked {
                    id: tick.care_id.clone(),
                    label: known.map_or_else(|| tick.care_id.clone(), |i| i.label.clone()),
                    count: 1,
                    repeat,
                    most: repeat.map_or(aftercare::protocol::MAX_TIMES_PER_DAY, Repeat::most),
                });
            }
        }
    }
    let place = |id: &str| care.iter().position(|i| i.id == id).unwrap_or(usize::MAX);
    for day in &mut out {
        day.items
            .sort_by(|a, b| place(&a.id).cmp(&place(&b.id)).then(a.id.cmp(&b.id)));
    }
    out
}
