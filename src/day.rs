//! Calendar-day arithmetic and parsing of dates, times and zones.
//!
//! Days are calendar dates in the client's zone ([`NaiveDate`]); adding a
//! day means "the next date on the calendar", never "24 hours later", so a
//! daylight-saving change can never shift a day number.

use chrono::{Days, NaiveDate, NaiveTime};
use chrono_tz::Tz;

use crate::error::Error;

/// The earliest session date a plan accepts.
pub const FIRST_SUPPORTED: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => unreachable!(),
};
/// The latest session date a plan accepts.
pub const LAST_SUPPORTED: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => unreachable!(),
};

/// Why [`parse_date`] refuses a date, as [`Error::InvalidDate`] carries it
/// (English). Named so that [`Error::message_in`] can word each in another
/// language; a reason it does not know stays as it is.
pub(crate) const DATE_NOT_IN_FORM: &str = "not in the form YYYY-MM-DD";
/// See [`DATE_NOT_IN_FORM`].
pub(crate) const DATE_NO_SUCH_DAY: &str = "there is no such day in the calendar";
/// See [`DATE_NOT_IN_FORM`].
pub(crate) const DATE_UNSUPPORTED: &str = "outside the supported years 1970-2199";

/// The date of day `n` after a session, counting as clinics do: day 1 is the
/// day of the treatment itself.
///
/// # Example
///
/// ```
/// use aftercare::nth_day;
/// use chrono::NaiveDate;
///
/// let session = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
/// assert_eq!(nth_day(session, 1), session);
/// // Day 6 is five calendar days later, across the change to summer time.
/// assert_eq!(nth_day(session, 6), NaiveDate::from_ymd_opt(2026, 4, 2).unwrap());
/// ```
pub fn nth_day(session: NaiveDate, n: u32) -> NaiveDate {
    add_days(session, n.saturating_sub(1))
}

/// The day number of `date` counted from `session` (day 1 = the session's
/// day); `None` when the date is before the session.
///
/// ```
/// use aftercare::day_number;
/// use chrono::NaiveDate;
///
/// let session = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// assert_eq!(day_number(session, NaiveDate::from_ymd_opt(2026, 3, 7).unwrap()), Some(6));
/// assert_eq!(day_number(session, NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()), None);
/// ```
pub fn day_number(session: NaiveDate, date: NaiveDate) -> Option<u32> {
    let diff = date.signed_duration_since(session).num_days();
    u32::try_from(diff).ok().and_then(|d| d.checked_add(1))
}

/// The calendar day before `date` (the earliest date stays itself).
///
/// ```
/// use aftercare::day_before;
/// use chrono::NaiveDate;
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2028, m, day).unwrap();
/// assert_eq!(day_before(d(3, 1)), d(2, 29));
/// ```
pub fn day_before(date: NaiveDate) -> NaiveDate {
    sub_days(date, 1)
}

/// Whole calendar days from `from` to `to`; `None` if `to` is earlier.
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    u32::try_from(to.signed_duration_since(from).num_days()).ok()
}

/// `date` plus `n` calendar days, saturating at the calendar's end.
pub(crate) fn add_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(n.into()))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` calendar days, saturating at the calendar's start.
pub(crate) fn sub_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(n.into()))
        .unwrap_or(NaiveDate::MIN)
}

/// Parses a `YYYY-MM-DD` date that really exists.
///
/// # Errors
///
/// [`Error::InvalidDate`] naming the text and why.
///
/// ```
/// use aftercare::parse_date;
///
/// assert_eq!(parse_date("2026-03-02").unwrap().to_string(), "2026-03-02");
/// assert_eq!(
///     parse_date("02/03/2026").unwrap_err().to_string(),
///     "invalid date \"02/03/2026\": not in the form YYYY-MM-DD (expected YYYY-MM-DD)",
/// );
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, Error> {
    let invalid = |reason: &str| Error::InvalidDate {
        value: text.to_string(),
        reason: reason.to_string(),
    };
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(invalid(DATE_NOT_IN_FORM));
    }
    let date =
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| invalid(DATE_NO_SUCH_DAY))?;
    check_supported(date).map_err(|_| invalid(DATE_UNSUPPORTED))?;
    Ok(date)
}

/// Refuses dates so far out that day arithmetic would leave the calendar.
pub(crate) fn check_supported(date: NaiveDate) -> Result<NaiveDate, Error> {
    if (FIRST_SUPPORTED..=LAST_SUPPORTED).contains(&date) {
        Ok(date)
    } else {
        Err(Error::InvalidDate {
            value: date.to_string(),
            reason: DATE_UNSUPPORTED.to_string(),
        })
    }
}

/// Parses a 24-hour `HH:MM` time of day.
///
/// ```
/// use aftercare::parse_time;
///
/// assert_eq!(parse_time("07:30").unwrap().to_string(), "07:30:00");
/// assert_eq!(
///     parse_time("25:00").unwrap_err().to_string(),
///     "invalid time \"25:00\": expected HH:MM on a 24-hour clock, such as 09:00",
/// );
/// ```
pub fn parse_time(text: &str) -> Result<NaiveTime, Error> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 5
        && bytes[2] == b':'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    if !shape_ok {
        return Err(Error::InvalidTime {
            value: text.to_string(),
        });
    }
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| Error::InvalidTime {
        value: text.to_string(),
    })
}

/// Parses an IANA zone name such as `Europe/London`.
///
/// ```
/// use aftercare::parse_zone;
///
/// assert_eq!(parse_zone("Australia/Sydney").unwrap(), chrono_tz::Australia::Sydney);
/// assert_eq!(
///     parse_zone("Europe/Londn").unwrap_err().to_string(),
///     "unknown time zone \"Europe/Londn\": expected an IANA zone name such as Europe/London",
/// );
/// ```
pub fn parse_zone(text: &str) -> Result<Tz, Error> {
    text.parse::<Tz>().map_err(|_| Error::UnknownZone {
        value: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn day_one_is_the_session_day() {
        assert_eq!(nth_day(d("2026-02-27"), 1), d("2026-02-27"));
        assert_eq!(nth_day(d("2026-02-27"), 3), d("2026-03-01"));
        assert_eq!(nth_day(d("2028-02-27"), 3), d("2028-02-29"));
        assert_eq!(nth_day(d("2026-12-31"), 2), d("2027-01-01"));
    }

    #[test]
    fn day_number_inverts_nth_day() {
        let s = d("2026-10-20");
        for n in 1..400 {
            assert_eq!(day_number(s, nth_day(s, n)), Some(n));
        }
    }

    #[test]
    fn impossible_dates_are_named() {
        assert_eq!(
            parse_date("2026-02-30").unwrap_err().to_string(),
            "invalid date \"2026-02-30\": there is no such day in the calendar (expected YYYY-MM-DD)"
        );
        assert_eq!(
            parse_date("2026-2-3").unwrap_err().to_string(),
            "invalid date \"2026-2-3\": not in the form YYYY-MM-DD (expected YYYY-MM-DD)"
        );
        assert_eq!(
            parse_date("1900-01-01").unwrap_err().to_string(),
            "invalid date \"1900-01-01\": outside the supported years 1970-2199 (expected YYYY-MM-DD)"
        );
    }

    #[test]
    fn times() {
        assert!(parse_time("9:00").is_err());
        assert!(parse_time("09:60").is_err());
        assert_eq!(
            parse_time("23:59").unwrap(),
            NaiveTime::from_hms_opt(23, 59, 0).unwrap()
        );
    }
}
