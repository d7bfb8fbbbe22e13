//! The plan as an RFC 5545 calendar, for any calendar app.
//!
//! - All-day events use an exclusive end date, as RFC 5545 wants: a
//!   restriction on days 1-5 ends on day 6.
//! - Each activity's days are cut into runs of one status, so "Avoid" and
//!   "With care" events for one activity never overlap.
//! - A run that waits for a session not booked yet is shown up to the latest
//!   day the clinic expects that session (the last booked session plus the
//!   protocol's `max_gap_days`, or [`UNBOOKED_HORIZON_DAYS`] where it gives
//!   none), and says "until your next session".
//! - Lasting advice after the final session is one event on its first day.
//! - Restrictions and milestones are free time (`TRANSP:TRANSPARENT`); a
//!   session is busy. Milestones carry a real alarm at the reminder time.
//! - Lines are folded at 75 octets, never inside a UTF-8 character.
//! - Text is inert (`ics_text`): control characters (a bare CR ends a
//!   line for some readers, so a note could add a `SUMMARY:` of its own)
//!   and bidirectional controls are removed, and TEXT values are escaped
//!   per RFC 5545 (by the writer, and by `escape_text` for `NAME`, which
//!   the writer leaves raw).

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Property, Trigger};

use crate::activity::Allowance;
use crate::day::add_days;
use crate::messages::{Arg, tr};
use crate::plan::Plan;
use crate::schedule::{RuleWindow, Schedule, Track};
use crate::text::is_inert;

/// How far ahead a restriction waiting for an unbooked session is shown when
/// the protocol gives no `max_gap_days`: 30 days after the last booked
/// session, the longest any of the clinic texts keeps a restriction after a
/// session.
pub const UNBOOKED_HORIZON_DAYS: u32 = 30;

/// The longest content line RFC 5545 allows, in octets, without the CRLF.
const MAX_LINE_OCTETS: usize = 75;

impl Plan {
    /// The plan as an iCalendar text: booked sessions, each restriction
    /// run (per activity, one status per event) and each milestone day.
    /// `stamp` is the calendar's creation time (DTSTAMP); the engine has no
    /// clock, so the caller passes it.
    ///
    /// `at` is the reminder time: milestone events carry an alarm then.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Plan, Protocol};
    /// use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
    ///
    /// let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let plan = Plan::new(Protocol::builtin("four-to-thirty").unwrap(), vec![s1], None, chrono_tz::UTC).unwrap();
    /// let ics = plan.ics(NaiveTime::from_hms_opt(9, 0, 0).unwrap(), Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap());
    /// assert!(ics.starts_with("BEGIN:VCALENDAR"));
    /// // Swimming is avoided on days 1-30: the event ends (exclusively) on day 31.
    /// let swim = ics.split("BEGIN:VEVENT").find(|e| e.contains("SUMMARY:Avoid: Swimming")).unwrap();
    /// assert!(swim.contains("DTSTART;VALUE=DATE:20260302\r\n"));
    /// assert!(swim.contains("DTEND;VALUE=DATE:20260401\r\n"));
    /// assert!(swim.contains("TRANSP:TRANSPARENT\r\n"));
    /// ```
    pub fn ics(&self, at: NaiveTime, stamp: DateTime<Utc>) -> String {
        let mut calendar = Calendar::new();
        let lang = self.lang();
        let name = tr(
            lang,
            "calendar-name",
            &[("protocol", Arg::from(ics_text(self.protocol().name())))],
        );
        // NAME (RFC 7986) is TEXT, but the writer leaves it raw; the X-
        // property it escapes itself.
        calendar
            .append_property(Property::new("NAME", escape_text(&name)))
            .append_property(Property::new("X-WR-CALNAME", name));

        let planned = self.planned();
        for (i, date) in self.sessions().iter().enumerate() {
            let n = i + 1;
            let mut event = all_day(
                &format!("session-{date}"),
                &tr(
                    lang,
                    "calendar-session",
                    &[("session", Arg::from(n)), ("planned", Arg::from(planned))],
                ),
                *date,
                add_days(*date, 1),
                stamp,
            );
            event.add_property("TRANSP", "OPAQUE");
            calendar.push(event.done());
        }

        let horizon = self.unbooked_horizon();
        let rules = self.protocol().rules();
        for track in &self.schedule.tracks {
            for run in runs(track, rules, horizon) {
                let label = [("label", Arg::from(track.activity.label_in(lang)))];
                let (summary, uid_kind) = match (run.status, run.open) {
                    (Allowance::Avoid, _) => (tr(lang, "calendar-avoid", &label), "avoid"),
                    (_, Some(Open::Lasting)) => {
                        (tr(lang, "calendar-with-care-lasting", &label), "lasting")
                    }
                    _ => (tr(lang, "calendar-with-care", &label), "limited"),
                };
                let note = [("note", Arg::from(rules[run.rule].note.as_str()))];
                let (end, description) = match run.open {
                    Some(Open::UntilNextSession) => {
                        let id = if self
                            .schedule
                            .restarts_at_next_session(track.activity, run.status)
                        {
                            "calendar-note-until-after-next-session"
                        } else {
                            "calendar-note-until-next-session"
                        };
                        (run.end, tr(lang, id, &note))
                    }
                    Some(Open::Lasting) => (
                        add_days(run.start, 1),
                        tr(lang, "calendar-note-for-good", &note),
                    ),
                    None => (run.end, tr(lang, "calendar-note", &note)),
                };
                let uid = format!("{uid_kind}-{}-{}", track.activity.id(), run.start);
                let mut event = all_day(&uid, &summary, run.start, end, stamp);
                event
                    .description(&ics_text(&upper_first(&description)))
                    .add_property("TRANSP", "TRANSPARENT");
                calendar.push(event.done());
            }
        }

        // The alarm fires at the reminder time on the day: all-day events
        // start at local midnight, so the trigger is the time of day itself.
        let offset = chrono::TimeDelta::minutes(i64::from(at.hour() * 60 + at.minute()));
        for m in self.milestones() {
            let mut event = all_day(
                &format!("milestone-{}", m.date.format("%Y%m%d")),
                &m.headline,
                m.date,
                add_days(m.date, 1),
                stamp,
            );
            // The event holds every point; its alarm says what the
            // reminder says, short enough for a notification.
            let body = ics_text(&m.body);
            let said = crate::reminder::reminder_body(m, lang);
            let alarm = ics_text(&said);
            event
                .description(&body)
                .add_property("TRANSP", "TRANSPARENT")
                .alarm(Alarm::display(&alarm, Trigger::after_start(offset)));
            calendar.push(event.done());
        }

        fold(&calendar.done().to_string())
    }

    /// The exclusive end of runs that wait for an unbooked session: the
    /// latest day the clinic expects it (the chart's horizon too).
    pub(crate) fn unbooked_horizon(&self) -> NaiveDate {
        let last = self.sessions()[self.sessions().len() - 1];
        let gap = self
            .protocol()
            .sessions()
            .max_gap_days
            .unwrap_or(UNBOOKED_HORIZON_DAYS);
        add_days(last, gap)
    }
}

fn all_day(
    uid: &str,
    summary: &str,
    start: NaiveDate,
    end_exclusive: NaiveDate,
    stamp: DateTime<Utc>,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!("{uid}@smp-aftercare"))
        .timestamp(stamp)
        .summary(&ics_text(summary))
        .starts(start)
        .ends(end_exclusive);
    event
}

/// Why a run has no end of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// It waits for the next session, planned but not booked.
    UntilNextSession,
    /// Lasting advice after the final session.
    Lasting,
}

/// A run of consecutive days at one restricting status.
#[derive(Debug, Clone, Copy)]
struct Run {
    status: Allowance,
    start: NaiveDate,
    /// Exclusive end.
    end: NaiveDate,
    /// The rule whose note describes the run (the one in force on its first
    /// day).
    rule: usize,
    open: Option<Open>,
}

/// The track's days cut into runs of one restricting status (`avoid` or
/// `limited`) and one note, in date order. Open-ended windows count up to `horizon`
/// (exclusive); a run still open there is marked so.
fn runs(track: &Track, notes: &[crate::protocol::Rule], horizon: NaiveDate) -> Vec<Run> {
    let Some(first) = track.windows.first().map(|w| w.span.start) else {
        return Vec::new();
    };
    // Open windows count to the horizon, and at least their first day
    // (lasting advice may start after it).
    let last_end = track
        .windows
        .iter()
        .map(|w| {
            w.span
                .end
                .map_or(horizon.max(add_days(w.span.start, 1)), |e| add_days(e, 1))
        })
        .max()
        .unwrap_or(horizon);
    let mut out: Vec<Run> = Vec::new();
    let mut current: Option<Run> = None;
    let mut day = first;
    while day < last_end {
        let level = Schedule::level(track, day);
        let restricting = level
            .status
            .filter(|s| *s > Allowance::Ok)
            .zip(level.window);
        match (current.as_mut(), restricting) {
            // One event per status and note: where the note changes (days
            // 1-30 "short spells only", then "SPF for good") so does the event.
            (Some(run), Some((status, w)))
                if run.status == status && notes[run.rule].note == notes[w.rule].note =>
            {
                run.end = add_days(day, 1)
            }
            (_, next) => {
                out.extend(current.take());
                current = next.map(|(status, w)| Run {
                    status,
                    start: day,
                    end: add_days(day, 1),
                    rule: w.rule,
                    open: None,
                });
            }
        }
        day = add_days(day, 1);
    }
    out.extend(current);
    // A run has no end of its own when, on its last day, only open windows
    // hold it at its status (a closed window ending that day is its end).
    for run in &mut out {
        let last = sub_one(run.end);
        let holding: Vec<&RuleWindow> = track
            .windows
            .iter()
            .filter(|w| w.status >= run.status && w.span.contains(last))
            .collect();
        if holding.iter().all(|w| w.span.end.is_none()) {
            run.open = holding.first().map(|w| {
                if w.until_next {
                    Open::UntilNextSession
                } else {
                    Open::Lasting
                }
            });
        }
    }
    out
}

fn sub_one(date: NaiveDate) -> NaiveDate {
    crate::day::sub_days(date, 1)
}

/// Capitalises the first character.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text for the calendar: every character that is not inert (control
/// characters, CR and LF included, and bidirectional controls) removed.
/// The writer escapes what is left as RFC 5545 TEXT.
fn ics_text(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_inert) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| is_inert(*c)).collect())
    }
}

/// RFC 5545 TEXT escaping (section 3.3.11): backslash, semicolon, comma
/// and line feed, for a property the writer leaves raw.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// Unfolds the writer's lines and folds them again at [`MAX_LINE_OCTETS`]
/// octets (continuation lines start with one space, which counts), never
/// inside a UTF-8 character.
fn fold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 32);
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        let mut limit = MAX_LINE_OCTETS;
        loop {
            if rest.len() <= limit {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            // Never fold next to a space: RFC 5545 unfolding drops only the
            // one space added, but some readers trim lines and would glue
            // two words together.
            while cut > 1 && (rest[cut..].starts_with(' ') || rest[..cut].ends_with(' ')) {
                cut -= 1;
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = MAX_LINE_OCTETS - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Protocol;
    use chrono::TimeZone;

    fn plan_ics(protocol: Protocol) -> String {
        let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let s2 = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
        let plan = Plan::new(protocol, vec![s1, s2], None, chrono_tz::Europe::London).unwrap();
        plan.ics(
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap(),
        )
    }

    /// (name, value) of each property of a component.
    type Props = Vec<(String, String)>;

    /// The properties of the calendar, then of each event.
    /// Unfolded first: the `ical` crate drops every leading space of a
    /// continuation line, so a fold before a space would lose it (folding
    /// has its own test).
    fn read_back(text: &str) -> (Props, Vec<Props>) {
        let unfolded = text.replace("\r\n ", "");
        let mut parser = ical::IcalParser::new(unfolded.as_bytes());
        let calendar = parser.next().expect("one calendar").expect("it parses");
        assert!(parser.next().is_none(), "only one calendar");
        let props = |ps: &[ical::property::Property]| {
            ps.iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect::<Props>()
        };
        (
            props(&calendar.properties),
            calendar
                .events
                .iter()
                .map(|e| props(&e.properties))
                .collect(),
        )
    }

    #[test]
    fn control_characters_never_reach_the_calendar() {
        // Validation refuses these; the calendar must stay inert without it.
        let clean = Protocol::builtin("four-day-dry").unwrap();
        let injected = "\r\nSUMMARY:Injected\rEND:VEVENT\0\u{1b}[31m\u{202e}";
        let dirty = clean
            .clone()
            .with_unchecked_texts(&format!("Dry{injected}, then; easy\\"), |note| {
                format!("{note}{injected}")
            });
        let text = plan_ics(dirty);
        assert!(
            !text
                .replace("\r\n", "")
                .contains(['\r', '\n', '\0', '\u{1b}', '\u{202e}']),
            "{text:?}"
        );

        let (calendar, events) = read_back(&text);
        let (_, expected) = read_back(&plan_ics(clean));
        let name = "SMP aftercare: DrySUMMARY:InjectedEND:VEVENT[31m\\, then\\; easy\\\\";
        assert!(
            calendar.contains(&("NAME".into(), name.into())),
            "{calendar:?}"
        );
        assert!(
            calendar.contains(&("X-WR-CALNAME".into(), name.into())),
            "{calendar:?}"
        );
        // Exactly the events of the clean protocol; the injected text, its
        // controls removed, is only ever part of a description.
        let residue = "SUMMARY:InjectedEND:VEVENT[31m";
        let without: Vec<Props> = events
            .iter()
            .map(|e| {
                e.iter()
                    .map(|(k, v)| (k.clone(), v.replace(residue, "")))
                    .collect()
            })
            .collect();
        assert_eq!(without, expected);
        let carriers: Vec<&str> = events
            .iter()
            .flatten()
            .filter(|(_, v)| v.contains(residue))
            .map(|(k, _)| k.as_str())
            .collect();
        assert!(!carriers.is_empty());
        assert!(carriers.iter().all(|k| *k == "DESCRIPTION"), "{carriers:?}");
    }

    #[test]
    fn text_escaping_follows_rfc_5545() {
        assert_eq!(escape_text("a\\b;c,d\ne:f"), "a\\\\b\\;c\\,d\\ne:f");
        assert_eq!(ics_text("keep\r dry\u{202e}\t"), "keep dry");
        assert!(matches!(
            ics_text("plain, text"),
            Cow::Borrowed("plain, text")
        ));
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let long = format!("DESCRIPTION:{}\r\n", "é".repeat(60));
        let folded = fold(&long);
        for line in folded.split("\r\n") {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line}",
                line.len()
            );
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
    }

    #[test]
    fn never_folds_next_to_a_space() {
        for n in [60, 61, 62] {
            let long = format!("DESCRIPTION:{} and more\r\n", "x".repeat(n));
            let folded = fold(&long);
            assert!(!folded.contains("\r\n  "), "{folded:?}");
            assert!(!folded.contains(" \r\n"), "{folded:?}");
            assert_eq!(folded.replace("\r\n ", ""), long);
        }
        let long = format!("DESCRIPTION:{} and more\r\n", "x".repeat(61));
        let folded = fold(&long);
        assert_eq!(folded.replace("\r\n ", ""), long);
    }
}
