//! The reminder plan: one notification per milestone day at the client's
//! chosen local time.
//!
//! A reminder says the day's news: its title is the milestone's headline
//! (at most [`HEADLINE_MAX`](crate::HEADLINE_MAX) characters), its body the two or three most
//! important points that fit in [`BODY_MAX`] characters, then "… and N
//! more in the app" when points were left out. Lengths count characters,
//! not bytes. The day before a booked session the body starts "Before you
//! come:", so that the session's morning steps arrive in time for an
//! early appointment; the session day's own reminder is the aftercare for
//! the days ahead. Days with nothing a client acts on are not milestones
//! (see [`crate::milestone`]), so they send nothing.
//!
//! Each reminder's id says what it is about, never where it sits in a list,
//! so that recomputing after an edit keeps the ids of reminders that did
//! not change (the app's delivery log relies on that to deliver each
//! reminder at most once):
//!
//! - `day:<session date>:<day>` for a day counted from a session,
//! - `prep:<session date>:<days before>` for a preparation day (the day
//!   before a session is `prep:<session date>:1`),
//! - `touch-up:<final session date>:<years>` for the touch-up recall.

use std::sync::Arc;

use chrono::offset::LocalResult;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, SecondsFormat, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use crate::lang::Lang;
use crate::messages::{Arg, tr};
use crate::milestone::{Milestone, MilestoneKind};
use crate::plan::Plan;

/// The longest reminder body, in characters: what a phone shows of a
/// notification without expanding it, give or take.
pub const BODY_MAX: usize = 180;

/// One notification to deliver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reminder {
    /// Stable id; see the module documentation.
    pub id: String,
    /// The instant to deliver it, serialized as RFC 3339 UTC
    /// (`2026-04-02T08:00:00Z`).
    #[serde(serialize_with = "utc_rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub at: DateTime<Utc>,
    /// The same instant in the client's zone, serialized as RFC 3339 with
    /// the zone's offset (`2026-04-02T09:00:00+01:00`).
    #[serde(serialize_with = "local_rfc3339")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub local: DateTime<FixedOffset>,
    /// What the reminder is about.
    pub kind: ReminderKind,
    /// The notification's title: the milestone's headline.
    pub title: Arc<str>,
    /// The notification's text: the most important points, at most
    /// [`BODY_MAX`] characters.
    pub body: String,
}

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ReminderKind {
    /// A day on which something changes after a session (or a session day).
    Milestone,
    /// Preparation before a booked session.
    Prep,
    /// The touch-up recall.
    TouchUp,
}

impl ReminderKind {
    /// The id used in JSON: `milestone`, `prep`, `touch-up`.
    pub fn id(self) -> &'static str {
        match self {
            ReminderKind::Milestone => "milestone",
            ReminderKind::Prep => "prep",
            ReminderKind::TouchUp => "touch-up",
        }
    }
}

fn utc_rfc3339<S: Serializer>(at: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn local_rfc3339<S: Serializer>(at: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::Secs, false))
}

/// The instant at which the wall clock in `zone` shows `time` on `date`.
///
/// In a daylight-saving gap (the clock jumps over that time) the reminder
/// moves forward by the length of the gap, to the same distance past the
/// jump; when the clock shows the time twice, the first one counts.
///
/// ```
/// use aftercare::local_instant;
/// use chrono::{NaiveDate, NaiveTime};
///
/// let spring = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
/// // 01:30 does not exist in London that morning: clocks go from 01:00 to 02:00.
/// let at = local_instant(chrono_tz::Europe::London, spring, NaiveTime::from_hms_opt(1, 30, 0).unwrap());
/// assert_eq!(at.to_rfc3339(), "2026-03-29T02:30:00+01:00");
/// ```
pub fn local_instant(zone: Tz, date: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    let wall = date.and_time(time);
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(first, _) => first,
        LocalResult::None => {
            // Read the wall time with the offset in force before the gap:
            // that instant shows as `wall` + gap on the clock after it.
            // Gaps are at most a few hours and never two in one day, so the
            // offset a day earlier is the one before the gap.
            let before = zone.offset_from_utc_datetime(&(wall - chrono::TimeDelta::hours(24)));
            let utc = wall - before.fix();
            zone.from_utc_datetime(&utc)
        }
    }
}

impl Plan {
    /// The notification plan, one reminder per milestone day at local time
    /// `at` in the plan's zone, in date order.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Plan, Protocol, ReminderKind};
    /// use chrono::{NaiveDate, NaiveTime};
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty").unwrap(), vec![s1], None, chrono_tz::Europe::London).unwrap();
    /// let reminders = plan.reminders(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    /// let day6 = reminders.iter().find(|r| r.id == "day:2026-03-02:6").unwrap();
    /// assert_eq!(day6.kind, ReminderKind::Milestone);
    /// assert_eq!(day6.at.to_rfc3339(), "2026-03-07T09:00:00+00:00");
    /// ```
    pub fn reminders(&self, at: NaiveTime) -> Vec<Reminder> {
        self.milestones()
            .iter()
            .zip(self.reminder_bodies())
            .map(|(m, body)| self.reminder_for(m, body, at))
            .collect()
    }

    /// `body`: the milestone's [`reminder_body`], kept with the plan.
    fn reminder_for(&self, m: &Milestone, body: &str, at: NaiveTime) -> Reminder {
        let sessions = self.sessions();
        let (prefix, date, n, kind) = match (m.kind, m.prepares) {
            (MilestoneKind::TouchUp, _) => (
                "touch-up:",
                sessions[sessions.len() - 1],
                self.protocol().touch_up_after_years().unwrap_or(0),
                ReminderKind::TouchUp,
            ),
            (MilestoneKind::Prep, Some(p)) => (
                "prep:",
                sessions[p.session as usize - 1],
                p.days_before,
                ReminderKind::Prep,
            ),
            _ => (
                "day:",
                m.session.map_or(sessions[0], |s| sessions[s as usize - 1]),
                m.day.unwrap_or(0),
                ReminderKind::Milestone,
            ),
        };
        let id = reminder_id(prefix, date, n);
        let local = local_instant(self.zone(), m.date, at);
        Reminder {
            id,
            at: local.with_timezone(&Utc),
            local: local.fixed_offset(),
            kind,
            title: m.headline.clone(),
            body: body.to_string(),
        }
    }
}

/// `<prefix><date>:<n>`, the date as `YYYY-MM-DD` (chrono's `Display`
/// of a date), written without `format!`: there is one per reminder.
fn reminder_id(prefix: &str, date: NaiveDate, n: u32) -> String {
    use chrono::Datelike;
    use std::fmt::Write;
    let mut id = String::with_capacity(prefix.len() + 14);
    id.push_str(prefix);
    let year = date.year();
    if (0..=9999).contains(&year) {
        let digits = |out: &mut String, value: u32, width: u32| {
            for k in (0..width).rev() {
                let d = (value / 10u32.pow(k)) % 10;
                out.push(char::from(b'0' + d as u8));
            }
        };
        digits(&mut id, year as u32, 4);
        id.push('-');
        digits(&mut id, date.month(), 2);
        id.push('-');
        digits(&mut id, date.day(), 2);
    } else {
        // Outside four digits chrono writes a sign; never met in 1970-2199.
        let _ = write!(id, "{date}");
    }
    id.push(':');
    crate::messages::push_int(&mut id, i64::from(n));
    id
}

/// The body of a milestone's reminder (see the module documentation); the
/// calendar's alarms say the same.
pub(crate) fn reminder_body(m: &Milestone, lang: Lang) -> String {
    body_of(&m.points, leads_before_session(m), lang)
}

/// Whether a milestone's reminder body starts "Before you come:": the day
/// before a session, and only to lead something to do or hold back, not
/// the bare "your session is tomorrow" of a protocol with no preparation.
pub(crate) fn leads_before_session(m: &Milestone) -> bool {
    let prepares =
        !(m.changes.is_empty() && m.care_started.is_empty() && m.before_session.is_empty());
    m.session_tomorrow.is_some() && prepares
}

/// [`reminder_body`] of a milestone with `points`, led by "Before you
/// come:" when `lead` ([`leads_before_session`]). A function of these
/// alone, so that a plan keeps each body with the points it is cut from
/// (`milestone::Said`) instead of cutting it again for every plan.
pub(crate) fn body_of(points: &[Arc<str>], lead: bool, lang: Lang) -> String {
    // Only the first point changes (it follows the lead); the rest are
    // borrowed, not copied.
    let first = match points.first() {
        Some(p) if lead => Some(tr(
            lang,
            "reminder-before-you-come",
            &[("point", Arg::from(lower_first(p)))],
        )),
        _ => None,
    };
    let point = |i: usize| match (&first, i) {
        (Some(f), 0) => f.as_str(),
        _ => &*points[i],
    };
    let count = points.len();
    let chars = |s: &str| s.chars().count();
    // The space parts it from the last point.
    let more = |n: usize| more_text(lang, n);
    // Room for the longest body in most scripts, so that it is not grown
    // point by point.
    let mut body = String::with_capacity(BODY_MAX * 2);
    let mut body_chars = 0;
    let mut taken = 0;
    for i in 0..count.min(3) {
        let p = point(i);
        let left = count - i - 1;
        let sep = usize::from(i > 0);
        let tail = if left > 0 { more_chars(lang, left) } else { 0 };
        let p_chars = chars(p);
        if body_chars + sep + p_chars + tail > BODY_MAX {
            break;
        }
        if i > 0 {
            body.push(' ');
        }
        body.push_str(p);
        body_chars += sep + p_chars;
        taken += 1;
    }
    if taken == 0 {
        // Even the first point is too long (a protocol's note may be 200
        // characters): cut it at a word, and say the rest is in the app.
        let tail = more(count - 1);
        let tail = if count > 1 { &*tail } else { "…" };
        body = cut(point(0), BODY_MAX - chars(tail));
        body.push_str(tail);
        return body;
    }
    if taken < count {
        body.push_str(&more(count - taken));
    }
    body
}

/// The length in characters of `more(n)` in [`reminder_body`] (" … and
/// `n` more in the app."), for the few counts a body can leave out,
/// worded once per language: every reminder asks it for up to three
/// counts just to see what fits.
fn more_chars(lang: Lang, n: usize) -> usize {
    match more_kept(lang, n) {
        Some((_, chars)) => *chars,
        None => more_worded(lang, n).chars().count(),
    }
}

/// `more(n)` in [`reminder_body`]: " … and `n` more in the app.", with
/// its leading space; kept, like [`more_chars`], for the usual counts.
fn more_text(lang: Lang, n: usize) -> std::borrow::Cow<'static, str> {
    match more_kept(lang, n) {
        Some((text, _)) => std::borrow::Cow::Borrowed(text.as_str()),
        None => std::borrow::Cow::Owned(more_worded(lang, n)),
    }
}

/// " … and `n` more in the app.", worded now.
fn more_worded(lang: Lang, n: usize) -> String {
    format!(" {}", tr(lang, "reminder-more", &[("count", Arg::from(n))]))
}

/// [`more_worded`] and its length in characters, worded once per language
/// for counts under 16.
fn more_kept(lang: Lang, n: usize) -> Option<&'static (String, usize)> {
    use std::sync::OnceLock;
    const KEPT: usize = 16;
    static TEXTS: OnceLock<Vec<Vec<(String, usize)>>> = OnceLock::new();
    if n >= KEPT {
        return None;
    }
    let table = TEXTS.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                (0..KEPT)
                    .map(|n| {
                        let text = more_worded(lang, n);
                        let chars = text.chars().count();
                        (text, chars)
                    })
                    .collect()
            })
            .collect()
    });
    let l = Lang::ALL.iter().position(|l| *l == lang)?;
    table.get(l)?.get(n)
}

/// `text` cut to at most `max` characters at a space, trailing
/// punctuation dropped.
fn cut(text: &str, max: usize) -> String {
    let head: String = text.chars().take(max).collect();
    let head = match head.rfind(' ') {
        Some(i) if head.chars().count() < text.chars().count() => &head[..i],
        _ => head.as_str(),
    };
    head.trim_end_matches([',', ';', ':', '(', ' ']).to_string()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    let mut out = String::with_capacity(s.len() + 4);
    if let Some(c) = chars.next() {
        out.extend(c.to_lowercase());
        out.push_str(chars.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cut_from_its_points_and_lead_alone() {
        let points: Vec<Arc<str>> = ["Wash your hair.", "No sun.", "No gym.", "No pool."]
            .into_iter()
            .map(Arc::from)
            .collect();
        assert_eq!(
            body_of(&points[..2], true, Lang::En),
            "Before you come: wash your hair. No sun."
        );
        assert_eq!(
            body_of(&points[..2], false, Lang::Es),
            "Wash your hair. No sun."
        );
        // Three at most, then what is left out.
        assert_eq!(
            body_of(&points, false, Lang::En),
            "Wash your hair. No sun. No gym. … and 1 more in the app."
        );
        // A first point longer than a body: cut at a word.
        let long: Arc<str> = "word ".repeat(60).into();
        let body = body_of(&[long.clone(), long], false, Lang::En);
        assert!(body.ends_with("word … and 1 more in the app."), "{body}");
        assert!(body.chars().count() <= BODY_MAX);
    }
}
