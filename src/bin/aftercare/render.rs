//! Output for people: short, aligned, readable in a terminal.
//!
//! Everything for a terminal passes through [`terminal`] (stdout) or
//! [`terminal_line`] (the one stderr line): clinic text and command-line
//! values must not move the cursor, recolour the terminal or reorder what
//! follows.

use std::borrow::Cow;
use std::fmt::Write;

use aftercare::{
    Activity, Allowance, ChartOn, ChartStatus, DayStatus, Milestone, Plan, PlanSummary, PrepKind,
    Preparation, Protocol, Reminder, Warning,
};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Text for a terminal, line breaks kept: every other control character
/// and every bidirectional control is shown as its Rust escape (`\r`,
/// `\u{1b}`, `\u{202e}`); anything else is passed on as it is.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// [`terminal`] for one line: line breaks are shown as `\n` too.
pub fn terminal_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let shown = |c: char| aftercare::text::is_inert(c) || (keep_lines && c == '\n');
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    Cow::Owned(out)
}

/// `Sat 7 Mar 2026`.
fn long_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// `Sat 7 Mar`, with the year only when it differs from `today`'s.
fn short_date(today: NaiveDate, d: NaiveDate) -> String {
    if d.year() == today.year() {
        d.format("%a %-d %b").to_string()
    } else {
        long_date(d)
    }
}

/// "today", "tomorrow", "in 3 days".
fn in_days(n: u32) -> String {
    relative_days(i64::from(n))
}

/// "today", "tomorrow", "in 3 days", "2 days ago".
fn relative(from: NaiveDate, to: NaiveDate) -> String {
    relative_days(to.signed_duration_since(from).num_days())
}

fn relative_days(n: i64) -> String {
    match n {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

pub fn protocols(all: &[Protocol]) -> String {
    let width = all.iter().map(|p| p.id().len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for p in all {
        let default = if p.id() == aftercare::DEFAULT_PROTOCOL {
            " (default)"
        } else {
            ""
        };
        let _ = writeln!(out, "{:width$}{}{default}", p.id(), p.name());
        let _ = writeln!(out, "{:width$}{}", "", p.summary());
        let days: Vec<String> = p.key_days().into_iter().map(|d| d.text).collect();
        let _ = writeln!(out, "{:width$}{}", "", days.join(" · "));
    }
    out
}

pub fn checked(path: &str, p: &Protocol) -> String {
    format!(
        "{path}: ok: \"{}\" ({}), {} rules, {} care items, {} sessions usually\n",
        p.name(),
        p.id(),
        p.rules().len(),
        p.care().len(),
        p.sessions().usual
    )
}

fn heading(plan: &Plan, status: &DayStatus) -> String {
    let when = long_date(status.date);
    match (status.day, status.session) {
        (Some(day), Some(session)) => {
            format!(
                "{when}: day {day} after session {session} of {}",
                status.planned
            )
        }
        _ => match plan.sessions().first() {
            Some(first) => format!(
                "{when}: before your first session ({})",
                relative(status.date, *first)
            ),
            None => when,
        },
    }
}

pub fn status(plan: &Plan, status: &DayStatus) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(plan, status));
    let _ = writeln!(
        out,
        "Protocol: {} ({})",
        plan.protocol().name(),
        plan.zone()
    );
    if status.healed {
        let _ = writeln!(out, "Your clinic counts your scalp as fully healed.");
    } else if status.restrictions_over {
        let _ = writeln!(out, "Your clinic's restrictions are over.");
    }
    warnings(&mut out, &status.warnings);
    // Today's news before anything else: it is what the client came for.
    if let Some(news) = &status.news {
        let _ = writeln!(out, "\nNew today: {}", news.headline);
        for p in &news.points {
            let _ = writeln!(out, "  - {p}");
        }
    }
    let width = status
        .activities
        .iter()
        .map(|a| a.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;

    let not_yet: Vec<_> = status
        .activities
        .iter()
        .filter(|a| a.status == Allowance::Avoid)
        .map(|a| {
            let when = match (a.allowed_from, a.until_next_session, a.ask_clinic_from) {
                (Some(d), _, _) => format!(
                    "from {} ({})",
                    short_date(status.date, d),
                    in_days(a.allowed_in_days.unwrap_or(0))
                ),
                (None, true, _) if a.after_next_session => {
                    "until after your next session".to_string()
                }
                (None, true, _) => "until your next session".to_string(),
                (None, false, Some(d)) => {
                    format!("ask your clinic about {}", short_date(status.date, d))
                }
                (None, false, None) => String::new(),
            };
            (a, when)
        })
        .collect();
    if !not_yet.is_empty() {
        let when_width = not_yet
            .iter()
            .map(|(_, w)| w.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let _ = writeln!(out, "\nNot yet");
        for (a, when) in not_yet {
            let note = a.note.as_deref().unwrap_or_default();
            let _ = writeln!(out, "  {:width$}{when:when_width$}{note}", a.label);
        }
    }
    let limited: Vec<_> = status
        .activities
        .iter()
        .filter(|a| a.status == Allowance::Limited)
        .collect();
    if !limited.is_empty() {
        let _ = writeln!(out, "\nWith care");
        for a in limited {
            let note = a.note.as_deref().unwrap_or("with care");
            let until = match (a.ok_from, a.ask_clinic_from, a.lasting) {
                (Some(d), _, _) => format!("  (freely from {})", long_date(d)),
                (None, Some(d), _) => {
                    format!("  (ask your clinic about {})", long_date(d))
                }
                (None, None, true) => "  (for good)".to_string(),
                (None, None, false) => String::new(),
            };
            let _ = writeln!(out, "  {:width$}{note}{until}", a.label);
        }
    }
    let ok: Vec<_> = status
        .activities
        .iter()
        .filter(|a| a.status == Allowance::Ok)
        .map(|a| a.label)
        .collect();
    if !ok.is_empty() {
        let _ = writeln!(out, "\nOK now\n  {}", ok.join(", "));
    }
    if !status.care.is_empty() {
        let _ = writeln!(out, "\nToday's care");
        for c in &status.care {
            let note = c
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let condition = c
                .condition
                .as_deref()
                .map(|n| format!("; for now: {n}"))
                .unwrap_or_default();
            let _ = writeln!(out, "  - {}{note}{condition}", c.label);
        }
    }
    if let Some(next) = &status.next {
        let _ = writeln!(
            out,
            "\nNext: {} ({})",
            long_date(next.date),
            in_days(next.in_days)
        );
        let _ = writeln!(out, "  {}", next.headline);
    }
    out
}

pub fn plan(plan: &Plan) -> String {
    let mut out = String::new();
    let booked = plan.sessions().len();
    let _ = writeln!(
        out,
        "{}: {booked} of {} sessions booked ({})",
        plan.protocol().name(),
        plan.planned(),
        plan.zone()
    );
    for (i, d) in plan.sessions().iter().enumerate() {
        let last = if Some(*d) == plan.final_session() {
            " (final)"
        } else {
            ""
        };
        let _ = writeln!(out, "  Session {}: {}{last}", i + 1, long_date(*d));
    }
    if let Some(h) = plan.healed_on() {
        let _ = writeln!(out, "  Fully healed: {}", long_date(h));
    } else if let Some(r) = plan.restrictions_over_on() {
        let _ = writeln!(out, "  Restrictions over: {}", long_date(r));
    }
    if let Some(t) = plan.touch_up_on() {
        let _ = writeln!(out, "  Touch-up due: {}", long_date(t));
    }
    warnings(&mut out, plan.warnings());
    let _ = writeln!(out);
    for m in plan.milestones() {
        let _ = writeln!(out, "{:<16}  {}", long_date(m.date), m.headline);
        for p in &m.points {
            let _ = writeln!(out, "{:18}- {p}", "");
        }
    }
    out
}

/// "Check with your clinic" and one line per warning; nothing without any.
fn warnings(out: &mut String, warnings: &[Warning]) {
    if warnings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCheck with your clinic");
    for w in warnings {
        let _ = writeln!(out, "  ! {}", w.message);
    }
}

pub fn reminders(plan: &Plan, reminders: &[Reminder]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Reminders in {}:", plan.zone());
    for r in reminders {
        let _ = writeln!(
            out,
            "{}  {:<9}  {}\n{:28}{}",
            r.local.format("%a %-d %b %Y %H:%M %:z"),
            r.kind.id(),
            r.title,
            "",
            r.body
        );
    }
    out
}

/// `plan --json`: the plan in brief and every milestone.
#[derive(Serialize)]
pub struct PlanJson<'a> {
    #[serde(flatten)]
    summary: PlanSummary,
    milestones: &'a [Milestone],
}

impl<'a> PlanJson<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        PlanJson {
            summary: plan.summary(),
            milestones: plan.milestones(),
        }
    }
}

pub fn activities() -> String {
    let width = Activity::ALL
        .iter()
        .map(|a| a.id().len())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = String::new();
    for a in Activity::ALL {
        let _ = writeln!(out, "{:width$}{}", a.id(), a.label());
    }
    out
}

pub fn preparation(today: NaiveDate, prep: Option<&Preparation>, all: &[Warning]) -> String {
    let Some(prep) = prep else {
        return "No session is booked ahead.\n".to_string();
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Getting ready for session {} on {} ({})",
        prep.session,
        long_date(prep.date),
        in_days(prep.in_days)
    );
    let about_it: Vec<Warning> = all
        .iter()
        .filter(|w| w.session == Some(prep.session))
        .cloned()
        .collect();
    warnings(&mut out, &about_it);
    if prep.items.is_empty() {
        let _ = writeln!(out, "Nothing to prepare.");
        return out;
    }
    let width = prep
        .items
        .iter()
        .map(|i| i.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for item in &prep.items {
        let kind = match item.kind {
            PrepKind::Do => "do",
            PrepKind::Avoid => "avoid",
            PrepKind::Limited => "care",
        };
        let until = if item.on_session_day {
            "to the session day"
        } else {
            "to the day before"
        };
        let from = if item.starts_in_days == 0 {
            "now".to_string()
        } else {
            format!("from {}", short_date(today, item.from))
        };
        let _ = write!(out, "  {kind:6}{:width$}{from}, {until}", item.label);
        match (&item.note, &item.condition) {
            (Some(note), Some(condition)) => {
                let _ = writeln!(out, " ({note}; for now: {condition})");
            }
            (Some(note), None) => {
                let _ = writeln!(out, " ({note})");
            }
            (None, Some(condition)) => {
                let _ = writeln!(out, " (for now: {condition})");
            }
            (None, None) => out.push('\n'),
        }
    }
    out
}

/// The chart as one line per activity: its runs, dated, in order.
pub fn chart(on: &ChartOn) -> String {
    let chart = &on.chart;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} to {} ({} days)",
        long_date(chart.from),
        long_date(chart.to),
        chart.days
    );
    for s in &chart.sessions {
        let _ = writeln!(out, "Session {}: {}", s.number, long_date(s.date));
    }
    if on.today_index.is_some() {
        let _ = writeln!(out, "Today: {}", long_date(on.today));
    }
    let width = chart.rows.iter().map(|r| r.label.len()).max().unwrap_or(0) + 2;
    for row in &chart.rows {
        let runs: Vec<String> = row
            .segments
            .iter()
            .map(|s| {
                let word = match s.status {
                    ChartStatus::Avoid => "avoid",
                    ChartStatus::Limited => "with care",
                    ChartStatus::Ok => "OK",
                    ChartStatus::Unsaid => "not mentioned",
                };
                let more = if s.continues { " and on" } else { "" };
                let from = short_date(chart.from, s.from);
                if s.from == s.to {
                    format!("{word} {from}{more}")
                } else {
                    format!("{word} {from}-{}{more}", short_date(chart.from, s.to))
                }
            })
            .collect();
        let _ = writeln!(out, "{:width$}{}", row.label, runs.join("; "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_shows_controls_as_escapes() {
        let raw = "a\u{1b}[31mred\rB\0\u{202e}txt\u{7f}\u{9b}\u{2028}\tend\nnext";
        assert_eq!(
            terminal(raw),
            "a\\u{1b}[31mred\\rB\\0\\u{202e}txt\\u{7f}\\u{9b}\\u{2028}\\tend\nnext"
        );
        assert_eq!(terminal_line("one\ntwo"), "one\\ntwo");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        let text = "Wash   from Sat 7 Mar (in 3 days)   no shampoo, \"really\" \\ café\n";
        assert!(matches!(terminal(text), Cow::Borrowed(t) if t == text));
    }
}
