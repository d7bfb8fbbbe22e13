//! A session date as a client types it, and what to tell them about it
//! before it is saved.
//!
//! Two steps, both pure:
//!
//! 1. [`parse_typed_date`] reads what was typed ("31/02/2026", "1/1/26",
//!    "2026-03-14") in the order the client's locale writes dates, and
//!    refuses it with a [`DateProblem`]: a tagged value the app words in the
//!    client's language, with dates shown in their locale (never ISO).
//! 2. [`check_session_date`] looks at a proposed new or moved session next
//!    to the booked ones, without storing anything: a date already booked
//!    is refused; one outside the clinic's spacing, far from every other
//!    session, or one that changes the sessions' numbers gives a
//!    [`DateNote`] the client can accept or change. The spacing limits are
//!    the same ones [`crate::warning`] warns about once a plan is built.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::day::{FIRST_SUPPORTED, LAST_SUPPORTED, days_between};
use crate::protocol::Protocol;
use crate::warning::{Spacing, spacing};

/// How far from every other session a date may be before the client is
/// asked whether it is right (a year typed wrong, most often).
pub const FAR_MONTHS: u32 = 6;

/// The order of day, month and year in the client's locale ("31/12/2026"
/// is day-month-year, "12/31/2026" month-day-year). A date that starts with
/// a 4-digit year ("2026-12-31") is read year-month-day whatever the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Day, month, year (most of the world).
    Dmy,
    /// Month, day, year (the United States).
    Mdy,
    /// Year, month, day (ISO 8601, East Asia).
    Ymd,
}

/// Why a typed date was refused. Tagged (`{"problem": "no_such_day", ...}`)
/// so the app can word it in the client's language and show dates in their
/// locale; [`fmt::Display`] is a plain English fallback (logs, the CLI).
///
/// # Example
///
/// ```
/// use aftercare::date_entry::{DateOrder, DateProblem, parse_typed_date};
///
/// assert_eq!(
///     parse_typed_date("31/02/2026", DateOrder::Dmy),
///     Err(DateProblem::NoSuchDay { day: 31, month: 2, year: 2026 }),
/// );
/// assert_eq!(
///     parse_typed_date("1/1/26", DateOrder::Dmy).unwrap_err().to_string(),
///     "\"1/1/26\": use a 4-digit year",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum DateProblem {
    /// Nothing was typed.
    Empty,
    /// Not three numbers (day, month, year) in any form the app reads.
    NotADate {
        /// The text as typed.
        text: String,
    },
    /// A year of fewer than 4 digits ("26"): the century can't be guessed.
    ShortYear {
        /// The text as typed.
        text: String,
    },
    /// A month that is not 1 to 12.
    NoSuchMonth {
        /// The month as typed.
        month: u32,
    },
    /// A day that the month doesn't have (31 February, 29 February 2027).
    NoSuchDay {
        /// The day as typed.
        day: u32,
        /// The month, 1 to 12.
        month: u32,
        /// The year.
        year: i32,
    },
    /// A year the app can't plan in (before 1970 or after 2199).
    OutOfRange {
        /// The year as typed.
        year: i32,
    },
    /// A session is already booked on that day.
    Booked {
        /// The date.
        date: NaiveDate,
    },
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Empty => write!(f, "no date was given"),
            DateProblem::NotADate { text } => {
                write!(f, "{text:?} is not a date: expected day, month and year")
            }
            DateProblem::ShortYear { text } => write!(f, "{text:?}: use a 4-digit year"),
            DateProblem::NoSuchMonth { month } => write!(f, "there is no month {month}"),
            DateProblem::NoSuchDay { day, month, year } => {
                write!(f, "there is no day {day} in month {month} of {year}")
            }
            DateProblem::OutOfRange { year } => write!(
                f,
                "the year {year} is outside the years the app can plan ({}-{})",
                FIRST_SUPPORTED.year(),
                LAST_SUPPORTED.year()
            ),
            DateProblem::Booked { date } => write!(f, "a session on {date} is already booked"),
        }
    }
}

impl std::error::Error for DateProblem {}

/// Reads a date as a client types it: three numbers separated by `/`, `-`,
/// `.` or spaces, in `order`; or `YYYY-MM-DD` whatever the order. Leading
/// and trailing spaces are ignored.
///
/// ```
/// use aftercare::date_entry::{DateOrder, parse_typed_date};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
/// assert_eq!(parse_typed_date("14/3/2026", DateOrder::Dmy), Ok(day));
/// assert_eq!(parse_typed_date("3/14/2026", DateOrder::Mdy), Ok(day));
/// assert_eq!(parse_typed_date(" 2026-03-14 ", DateOrder::Mdy), Ok(day));
/// ```
pub fn parse_typed_date(text: &str, order: DateOrder) -> Result<NaiveDate, DateProblem> {
    let t = text.trim();
    if t.is_empty() {
        return Err(DateProblem::Empty);
    }
    let not_a_date = || DateProblem::NotADate {
        text: t.to_string(),
    };
    let parts: Vec<&str> = t
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(not_a_date());
    }
    // A 4-digit first number is a year: ISO dates read the same everywhere.
    let order = if parts[0].len() == 4 {
        DateOrder::Ymd
    } else {
        order
    };
    let (d, m, y) = match order {
        DateOrder::Dmy => (parts[0], parts[1], parts[2]),
        DateOrder::Mdy => (parts[1], parts[0], parts[2]),
        DateOrder::Ymd => (parts[2], parts[1], parts[0]),
    };
    if d.len() > 2 || m.len() > 2 {
        return Err(not_a_date());
    }
    // Digits only and at most 4 of them: these parse.
    let number = |s: &str| s.parse::<u32>().map_err(|_| not_a_date());
    let (day, month, year) = (number(d)?, number(m)?, number(y)?);
    // "0026" is what a date picker makes of a 2-digit "26": the same slip.
    if y.len() < 4 || year < 100 {
        return Err(DateProblem::ShortYear {
            text: t.to_string(),
        });
    }
    let year = year as i32;
    if !(1..=12).contains(&month) {
        return Err(DateProblem::NoSuchMonth { month });
    }
    let date = NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NoSuchDay {
        day,
        month,
        year,
    })?;
    if !(FIRST_SUPPORTED..=LAST_SUPPORTED).contains(&date) {
        return Err(DateProblem::OutOfRange { year });
    }
    Ok(date)
}

/// Something about a proposed session date that the client should see
/// before it is saved. The date can still be saved: the client accepts the
/// note or changes the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateNote {
    /// What kind of note it is.
    pub code: DateNoteCode,
    /// One sentence for the client; it names sessions by number and days by
    /// count, never a date (the app shows dates in the client's locale).
    pub message: String,
}

/// The kinds of [`DateNote`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DateNoteCode {
    /// Closer to a neighbouring session than the clinic's spacing.
    GapShort,
    /// Further from a neighbouring session than the clinic's spacing.
    GapLong,
    /// More than [`FAR_MONTHS`] months from every other session: ask
    /// whether the date (its year, most often) is right.
    FarApart,
    /// The sessions' numbers change (a date before session 1, or between
    /// two booked sessions).
    Renumbered,
}

/// Checks a proposed session date against the booked `sessions` (in date
/// order, numbered from 1 as the client sees them): `moving` is the index of
/// the session being moved, `None` for a new one. Nothing is stored.
///
/// Refuses a date already booked by another session; otherwise returns the
/// notes to show before saving, in this order: renumbering, far apart,
/// spacing. Moving a session to its own date gives no note.
///
/// ```
/// use aftercare::Protocol;
/// use aftercare::date_entry::{DateNoteCode, check_session_date};
/// use chrono::NaiveDate;
///
/// let p = Protocol::builtin("four-to-thirty")?;
/// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let notes = check_session_date(&p, &[s1], None, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap()).unwrap();
/// assert_eq!(notes[0].code, DateNoteCode::GapShort);
/// assert_eq!(notes[0].message, "This is 8 days after session 1; your clinic usually leaves 10-21 days.");
/// # Ok::<(), aftercare::Error>(())
/// ```
pub fn check_session_date(
    protocol: &Protocol,
    sessions: &[NaiveDate],
    moving: Option<usize>,
    date: NaiveDate,
) -> Result<Vec<DateNote>, DateProblem> {
    if moving.is_some_and(|k| sessions.get(k) == Some(&date)) {
        return Ok(Vec::new());
    }
    // The other sessions with the numbers the client sees now.
    let others: Vec<(usize, NaiveDate)> = sessions
        .iter()
        .copied()
        .enumerate()
        .filter(|(i, _)| Some(*i) != moving)
        .map(|(i, d)| (i + 1, d))
        .collect();
    if others.iter().any(|(_, d)| *d == date) {
        return Err(DateProblem::Booked { date });
    }
    let at = others.partition_point(|(_, d)| *d < date);
    let before = at.checked_sub(1).map(|i| others[i]);
    let after = others.get(at).copied();
    let mut notes = Vec::new();

    // Its number once saved, 1-based, against the number it has now.
    let new_number = at + 1;
    match moving {
        None if after.is_some() => notes.push(DateNote {
            code: DateNoteCode::Renumbered,
            message: if new_number == 1 {
                "This is before session 1: it becomes session 1 and your other sessions move up one number.".to_string()
            } else {
                format!(
                    "This is before session {new_number}: it becomes session {new_number} and the sessions after it move up one number."
                )
            },
        }),
        Some(k) if k + 1 != new_number => notes.push(DateNote {
            code: DateNoteCode::Renumbered,
            message: format!(
                "Session {} becomes session {new_number}, and the sessions in between are numbered again.",
                k + 1
            ),
        }),
        _ => {}
    }

    let far = |other: NaiveDate| {
        let (early, late) = if other < date {
            (other, date)
        } else {
            (date, other)
        };
        early
            .checked_add_months(Months::new(FAR_MONTHS))
            .is_none_or(|limit| late > limit)
    };
    let far_apart = before.is_none_or(|(_, d)| far(d)) && after.is_none_or(|(_, d)| far(d));
    if far_apart && let Some((n, _)) = before.or(after) {
        let side = if before.is_some() { "after" } else { "before" };
        notes.push(DateNote {
            code: DateNoteCode::FarApart,
            message: format!(
                "This is more than {FAR_MONTHS} months {side} session {n}. Check the date, and the year, before you save it."
            ),
        });
    }

    let spec = protocol.sessions();
    let usual = match (spec.min_gap_days, spec.max_gap_days) {
        (Some(min), Some(max)) => format!("{min}-{max} days"),
        (Some(min), None) => format!("at least {min} days"),
        (None, Some(max)) => format!("at most {max} days"),
        (None, None) => return Ok(notes),
    };
    let mut gap_note = |gap: u32, side: &str, n: usize| {
        let code = match spacing(&spec, gap) {
            // Far apart already asks about this date: a long gap says less.
            Spacing::Long if far_apart => return,
            Spacing::Long => DateNoteCode::GapLong,
            Spacing::Short => DateNoteCode::GapShort,
            Spacing::Usual => return,
        };
        let days = if gap == 1 { "day" } else { "days" };
        notes.push(DateNote {
            code,
            message: format!(
                "This is {gap} {days} {side} session {n}; your clinic usually leaves {usual}."
            ),
        });
    };
    if let Some((n, d)) = before {
        gap_note(days_between(d, date).unwrap_or(0), "after", n);
    }
    if let Some((n, d)) = after {
        gap_note(days_between(date, d).unwrap_or(0), "before", n);
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        crate::parse_date(text).unwrap()
    }

    fn messages(sessions: &[&str], moving: Option<usize>, date: &str) -> Vec<String> {
        let p = Protocol::builtin("four-to-thirty").unwrap();
        let sessions: Vec<NaiveDate> = sessions.iter().map(|s| d(s)).collect();
        check_session_date(&p, &sessions, moving, d(date))
            .unwrap()
            .into_iter()
            .map(|n| n.message)
            .collect()
    }

    #[test]
    fn typed_dates_in_each_order() {
        let day = d("2026-03-14");
        assert_eq!(parse_typed_date("14/03/2026", DateOrder::Dmy), Ok(day));
        assert_eq!(parse_typed_date("14.3.2026", DateOrder::Dmy), Ok(day));
        assert_eq!(parse_typed_date("14 3 2026", DateOrder::Dmy), Ok(day));
        assert_eq!(parse_typed_date("03/14/2026", DateOrder::Mdy), Ok(day));
        assert_eq!(parse_typed_date("2026/3/14", DateOrder::Dmy), Ok(day));
        assert_eq!(parse_typed_date("2026-03-14", DateOrder::Ymd), Ok(day));
    }

    #[test]
    fn typed_dates_refused_with_what_is_wrong() {
        use DateProblem::*;
        let p = |t: &str| parse_typed_date(t, DateOrder::Dmy).unwrap_err();
        assert_eq!(p("  "), Empty);
        assert_eq!(
            p("31/02/2026"),
            NoSuchDay {
                day: 31,
                month: 2,
                year: 2026
            }
        );
        assert_eq!(
            p("29/02/2027"),
            NoSuchDay {
                day: 29,
                month: 2,
                year: 2027
            }
        );
        assert_eq!(p("1/13/2026"), NoSuchMonth { month: 13 });
        assert_eq!(
            p("1/1/26"),
            ShortYear {
                text: "1/1/26".into()
            }
        );
        assert_eq!(
            p("0026-01-01"),
            ShortYear {
                text: "0026-01-01".into()
            }
        );
        assert_eq!(p("1/1/2300"), OutOfRange { year: 2300 });
        assert_eq!(p("1/1/1969"), OutOfRange { year: 1969 });
        for bad in [
            "tomorrow",
            "1/2",
            "1/2/3/4",
            "123/1/2026",
            "1/1/20261",
            "1x/1/2026",
        ] {
            assert_eq!(p(bad), NotADate { text: bad.into() }, "{bad}");
        }
    }

    #[test]
    fn the_problem_is_tagged_for_the_app() {
        let json = serde_json::to_value(DateProblem::NoSuchDay {
            day: 31,
            month: 2,
            year: 2026,
        })
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"problem": "no_such_day", "day": 31, "month": 2, "year": 2026})
        );
    }

    #[test]
    fn spacing_is_the_clinics() {
        assert_eq!(
            messages(&["2026-03-02"], None, "2026-03-10"),
            ["This is 8 days after session 1; your clinic usually leaves 10-21 days."]
        );
        assert_eq!(
            messages(&["2026-03-02"], None, "2026-03-03"),
            ["This is 1 day after session 1; your clinic usually leaves 10-21 days."]
        );
        assert!(messages(&["2026-03-02"], None, "2026-03-12").is_empty());
        assert!(messages(&["2026-03-02"], None, "2026-03-23").is_empty());
        assert_eq!(
            messages(&["2026-03-02"], None, "2026-03-24"),
            ["This is 22 days after session 1; your clinic usually leaves 10-21 days."]
        );
    }

    #[test]
    fn between_two_sessions_both_neighbours_are_checked_and_numbers_change() {
        assert_eq!(
            messages(&["2026-03-02", "2026-03-16"], None, "2026-03-09"),
            [
                "This is before session 2: it becomes session 2 and the sessions after it move up one number.",
                "This is 7 days after session 1; your clinic usually leaves 10-21 days.",
                "This is 7 days before session 2; your clinic usually leaves 10-21 days.",
            ]
        );
    }

    #[test]
    fn before_session_one_renumbers() {
        assert_eq!(
            messages(&["2026-03-16"], None, "2026-03-02"),
            [
                "This is before session 1: it becomes session 1 and your other sessions move up one number."
            ]
        );
    }

    #[test]
    fn a_year_off_asks_for_confirmation_without_a_spacing_note() {
        assert_eq!(
            messages(&["2026-03-02", "2026-03-16"], None, "2027-03-30"),
            [
                "This is more than 6 months after session 2. Check the date, and the year, before you save it."
            ]
        );
        assert_eq!(
            messages(&["2026-03-02"], None, "2025-03-02"),
            [
                "This is before session 1: it becomes session 1 and your other sessions move up one number.",
                "This is more than 6 months before session 1. Check the date, and the year, before you save it.",
            ]
        );
        // Exactly 6 months is not "more than".
        assert_eq!(
            messages(&["2026-03-02"], None, "2026-09-02"),
            ["This is 184 days after session 1; your clinic usually leaves 10-21 days."]
        );
    }

    #[test]
    fn moving_a_session() {
        let three = ["2026-03-02", "2026-03-16", "2026-03-30"];
        assert!(messages(&three, Some(1), "2026-03-16").is_empty());
        assert!(messages(&three, Some(1), "2026-03-15").is_empty());
        assert_eq!(
            messages(&three, Some(2), "2026-02-25"),
            [
                "Session 3 becomes session 1, and the sessions in between are numbered again.",
                "This is 5 days before session 1; your clinic usually leaves 10-21 days.",
            ]
        );
        let p = Protocol::builtin("four-to-thirty").unwrap();
        let dates: Vec<NaiveDate> = three.iter().map(|s| d(s)).collect();
        assert_eq!(
            check_session_date(&p, &dates, Some(2), d("2026-03-02")),
            Err(DateProblem::Booked {
                date: d("2026-03-02")
            })
        );
    }

    #[test]
    fn the_first_session_gets_no_note() {
        assert!(messages(&[], None, "2026-03-02").is_empty());
    }
}
