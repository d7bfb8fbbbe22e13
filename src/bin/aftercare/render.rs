//! Output for people: short, aligned, readable in a terminal.
//!
//! Everything for a terminal passes through [`terminal`] (stdout) or
//! [`terminal_line`] (the one stderr line): clinic text and command-line
//! values must not move the cursor, recolour the terminal or reorder what
//! follows.

use std::borrow::Cow;
use std::fmt::Write;

use aftercare::messages::{Arg, tr, tr_plain};
use aftercare::{
    Activity, Allowance, ChartOn, ChartStatus, DayStatus, Lang, Milestone, Plan, PlanSummary,
    PrepKind, Preparation, Protocol, Reminder, Warning,
};
use chrono::{Datelike, Locale, NaiveDate};
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

/// `Sat 7 Mar 2026`; `sáb 7 mar 2026` in Spanish (the locale's names).
pub(crate) fn long_date(lang: Lang, d: NaiveDate) -> String {
    date_in(lang, d, "%a %-d %b %Y")
}

/// `Sat 7 Mar`, with the year only when it differs from `today`'s.
fn short_date(lang: Lang, today: NaiveDate, d: NaiveDate) -> String {
    if d.year() == today.year() {
        date_in(lang, d, "%a %-d %b")
    } else {
        long_date(lang, d)
    }
}

/// `d` formatted with the month and day names of `lang`'s locale.
fn date_in(lang: Lang, d: NaiveDate, format: &str) -> String {
    d.format_localized(format, locale(lang)).to_string()
}

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Es => Locale::es_ES,
        _ => Locale::en_GB,
    }
}

/// "today", "tomorrow", "in 3 days".
fn in_days(lang: Lang, n: u32) -> String {
    relative_days(lang, i64::from(n))
}

/// "today", "tomorrow", "in 3 days", "2 days ago".
fn relative(lang: Lang, from: NaiveDate, to: NaiveDate) -> String {
    relative_days(lang, to.signed_duration_since(from).num_days())
}

fn relative_days(lang: Lang, n: i64) -> String {
    match n {
        0 => tr_plain(lang, "cli-today"),
        1 => tr_plain(lang, "cli-tomorrow"),
        -1 => tr_plain(lang, "cli-yesterday"),
        n if n > 0 => tr(lang, "cli-in-days", &[("days", Arg::from(n))]),
        n => tr(lang, "cli-days-ago", &[("days", Arg::from(-n))]),
    }
}

pub fn protocols(lang: Lang, all: &[Protocol]) -> String {
    let width = all.iter().map(|p| p.id().len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for p in all {
        let p = p.in_lang(lang);
        let name = if p.id() == aftercare::DEFAULT_PROTOCOL {
            tr(lang, "cli-default", &[("name", Arg::from(p.name()))])
        } else {
            p.name().to_string()
        };
        let _ = writeln!(out, "{:width$}{name}", p.id());
        let _ = writeln!(out, "{:width$}{}", "", p.summary());
        let days: Vec<String> = p.key_days().into_iter().map(|d| d.text).collect();
        let _ = writeln!(out, "{:width$}{}", "", days.join(" · "));
    }
    out
}

pub fn checked(lang: Lang, path: &str, p: &Protocol) -> String {
    let p = p.in_lang(lang);
    let mut out = tr(
        lang,
        "cli-checked",
        &[
            ("path", Arg::from(path)),
            ("name", Arg::from(p.name())),
            ("id", Arg::from(p.id())),
            ("rules", Arg::from(p.rules().len())),
            ("care", Arg::from(p.care().len())),
            ("usual", Arg::from(p.sessions().usual)),
        ],
    );
    out.push('\n');
    out
}

fn heading(lang: Lang, plan: &Plan, status: &DayStatus) -> String {
    let when = long_date(lang, status.date);
    match (status.day, status.session) {
        (Some(day), Some(session)) => tr(
            lang,
            "cli-heading-day",
            &[
                ("date", Arg::from(when)),
                ("day", Arg::from(day)),
                ("session", Arg::from(session)),
                ("planned", Arg::from(status.planned)),
            ],
        ),
        _ => match plan.sessions().first() {
            Some(first) => tr(
                lang,
                "cli-heading-before",
                &[
                    ("date", Arg::from(when)),
                    ("when", Arg::from(relative(lang, status.date, *first))),
                ],
            ),
            None => when,
        },
    }
}

pub fn status(plan: &Plan, status: &DayStatus) -> String {
    let lang = plan.lang();
    let date = |d: NaiveDate| Arg::from(long_date(lang, d));
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(lang, plan, status));
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-protocol",
            &[
                ("name", Arg::from(plan.protocol().name())),
                ("zone", Arg::from(plan.zone().name())),
            ],
        )
    );
    if status.healed {
        let _ = writeln!(out, "{}", tr_plain(lang, "point-healed"));
    } else if status.restrictions_over {
        let _ = writeln!(out, "{}", tr_plain(lang, "point-restrictions-over"));
    }
    warnings(lang, &mut out, &status.warnings);
    // Today's news before anything else: it is what the client came for.
    if let Some(news) = &status.news {
        let new_today = tr(
            lang,
            "cli-new-today",
            &[("headline", Arg::from(news.headline.as_str()))],
        );
        let _ = writeln!(out, "\n{new_today}");
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
                (Some(d), _, _) => tr(
                    lang,
                    "cli-from-date",
                    &[
                        ("date", Arg::from(short_date(lang, status.date, d))),
                        (
                            "when",
                            Arg::from(in_days(lang, a.allowed_in_days.unwrap_or(0))),
                        ),
                    ],
                ),
                (None, true, _) if a.after_next_session => {
                    tr_plain(lang, "cli-until-after-next-session")
                }
                (None, true, _) => tr_plain(lang, "cli-until-next-session"),
                (None, false, Some(d)) => tr(
                    lang,
                    "cli-ask-clinic-about",
                    &[("date", Arg::from(short_date(lang, status.date, d)))],
                ),
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
        let _ = writeln!(out, "\n{}", tr_plain(lang, "cli-not-yet"));
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
        let _ = writeln!(out, "\n{}", tr_plain(lang, "cli-with-care"));
        for a in limited {
            let note = a
                .note
                .clone()
                .unwrap_or_else(|| tr_plain(lang, "cli-with-care-note"));
            let until = match (a.ok_from, a.ask_clinic_from, a.lasting) {
                (Some(d), _, _) => tr(lang, "cli-freely-from", &[("date", date(d))]),
                (None, Some(d), _) => {
                    tr(lang, "cli-ask-clinic-about-brackets", &[("date", date(d))])
                }
                (None, None, true) => tr_plain(lang, "cli-for-good"),
                (None, None, false) => String::new(),
            };
            let until = if until.is_empty() {
                until
            } else {
                format!("  {until}")
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
        let _ = writeln!(
            out,
            "\n{}\n  {}",
            tr_plain(lang, "cli-ok-now"),
            ok.join(", ")
        );
    }
    if !status.care.is_empty() {
        let _ = writeln!(out, "\n{}", tr_plain(lang, "cli-todays-care"));
        for c in &status.care {
            let note = c
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            let condition = c
                .condition
                .as_deref()
                .map(|n| {
                    format!(
                        "; {}",
                        tr(lang, "cli-for-now", &[("condition", Arg::from(n))])
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(out, "  - {}{note}{condition}", c.label);
        }
    }
    if let Some(next) = &status.next {
        let line = tr(
            lang,
            "cli-next",
            &[
                ("date", date(next.date)),
                ("when", Arg::from(in_days(lang, next.in_days))),
            ],
        );
        let _ = writeln!(out, "\n{line}");
        let _ = writeln!(out, "  {}", next.headline);
    }
    out
}

pub fn plan(plan: &Plan) -> String {
    let lang = plan.lang();
    let date = |d: NaiveDate| Arg::from(long_date(lang, d));
    let mut out = String::new();
    let booked = plan.sessions().len();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-plan-heading",
            &[
                ("name", Arg::from(plan.protocol().name())),
                ("booked", Arg::from(booked)),
                ("planned", Arg::from(plan.planned())),
                ("zone", Arg::from(plan.zone().name())),
            ],
        )
    );
    for (i, d) in plan.sessions().iter().enumerate() {
        let line = tr(
            lang,
            "cli-session-date",
            &[("session", Arg::from(i + 1)), ("date", date(*d))],
        );
        let line = if Some(*d) == plan.final_session() {
            tr(lang, "cli-final", &[("text", Arg::from(line))])
        } else {
            line
        };
        let _ = writeln!(out, "  {line}");
    }
    if let Some(h) = plan.healed_on() {
        let _ = writeln!(
            out,
            "  {}",
            tr(lang, "cli-fully-healed", &[("date", date(h))])
        );
    } else if let Some(r) = plan.restrictions_over_on() {
        let _ = writeln!(
            out,
            "  {}",
            tr(lang, "cli-restrictions-over", &[("date", date(r))])
        );
    }
    if let Some(t) = plan.touch_up_on() {
        let _ = writeln!(
            out,
            "  {}",
            tr(lang, "cli-touch-up-due", &[("date", date(t))])
        );
    }
    warnings(lang, &mut out, plan.warnings());
    let _ = writeln!(out);
    for m in plan.milestones() {
        let when = long_date(lang, m.date);
        let pad = 16usize.saturating_sub(when.chars().count());
        let _ = writeln!(out, "{when}{:pad$}  {}", "", m.headline);
        for p in m.points.iter() {
            let _ = writeln!(out, "{:18}- {p}", "");
        }
    }
    out
}

/// "Check with your clinic" and one line per warning; nothing without any.
fn warnings(lang: Lang, out: &mut String, warnings: &[Warning]) {
    if warnings.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}", tr_plain(lang, "cli-check-with-clinic"));
    for w in warnings {
        let _ = writeln!(out, "  ! {}", w.message);
    }
}

pub fn reminders(plan: &Plan, reminders: &[Reminder]) -> String {
    let lang = plan.lang();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-reminders-in",
            &[("zone", Arg::from(plan.zone().name()))]
        )
    );
    for r in reminders {
        let _ = writeln!(
            out,
            "{}  {:<9}  {}\n{:28}{}",
            r.local
                .format_localized("%a %-d %b %Y %H:%M %:z", locale(lang)),
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

pub fn activities(lang: Lang) -> String {
    let width = Activity::ALL
        .iter()
        .map(|a| a.id().len())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = String::new();
    for a in Activity::ALL {
        let _ = writeln!(out, "{:width$}{}", a.id(), a.label_in(lang));
    }
    out
}

pub fn preparation(
    lang: Lang,
    today: NaiveDate,
    prep: Option<&Preparation>,
    all: &[Warning],
) -> String {
    let Some(prep) = prep else {
        let mut out = tr_plain(lang, "cli-no-session-ahead");
        out.push('\n');
        return out;
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-getting-ready",
            &[
                ("session", Arg::from(prep.session)),
                ("date", Arg::from(long_date(lang, prep.date))),
                ("when", Arg::from(in_days(lang, prep.in_days))),
            ],
        )
    );
    let about_it: Vec<Warning> = all
        .iter()
        .filter(|w| w.session == Some(prep.session))
        .cloned()
        .collect();
    warnings(lang, &mut out, &about_it);
    if prep.items.is_empty() {
        let _ = writeln!(out, "{}", tr_plain(lang, "cli-nothing-to-prepare"));
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
        let kind = tr(lang, "cli-prep-kind", &[("kind", Arg::from(kind))]);
        let until = tr_plain(
            lang,
            if item.on_session_day {
                "cli-prep-to-session-day"
            } else {
                "cli-prep-to-day-before"
            },
        );
        let from = if item.starts_in_days == 0 {
            tr_plain(lang, "cli-prep-now")
        } else {
            tr(
                lang,
                "cli-prep-from",
                &[("date", Arg::from(short_date(lang, today, item.from)))],
            )
        };
        let _ = write!(out, "  {kind:6}{:width$}{from}, {until}", item.label);
        let for_now = |c: &str| tr(lang, "cli-for-now", &[("condition", Arg::from(c))]);
        match (&item.note, &item.condition) {
            (Some(note), Some(condition)) => {
                let _ = writeln!(out, " ({note}; {})", for_now(condition));
            }
            (Some(note), None) => {
                let _ = writeln!(out, " ({note})");
            }
            (None, Some(condition)) => {
                let _ = writeln!(out, " ({})", for_now(condition));
            }
            (None, None) => out.push('\n'),
        }
    }
    out
}

/// The chart as one line per activity: its runs, dated, in order.
pub fn chart(lang: Lang, on: &ChartOn) -> String {
    let chart = &on.chart;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        tr(
            lang,
            "cli-chart-heading",
            &[
                ("from", Arg::from(long_date(lang, chart.from))),
                ("to", Arg::from(long_date(lang, chart.to))),
                ("days", Arg::from(chart.days)),
            ],
        )
    );
    for s in &chart.sessions {
        let line = tr(
            lang,
            "cli-session-date",
            &[
                ("session", Arg::from(s.number)),
                ("date", Arg::from(long_date(lang, s.date))),
            ],
        );
        let _ = writeln!(out, "{line}");
    }
    if on.today_index.is_some() {
        let line = tr(
            lang,
            "cli-chart-today",
            &[("date", Arg::from(long_date(lang, on.today)))],
        );
        let _ = writeln!(out, "{line}");
    }
    let width = chart
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for row in &chart.rows {
        let runs: Vec<String> = row
            .segments
            .iter()
            .map(|s| {
                let status = match s.status {
                    ChartStatus::Avoid => "avoid",
                    ChartStatus::Limited => "limited",
                    ChartStatus::Ok => "ok",
                    ChartStatus::Unsaid => "unsaid",
                };
                let word = tr(lang, "cli-chart-status", &[("status", Arg::from(status))]);
                let more = if s.continues {
                    format!(" {}", tr_plain(lang, "cli-chart-and-on"))
                } else {
                    String::new()
                };
                let from = short_date(lang, chart.from, s.from);
                if s.from == s.to {
                    format!("{word} {from}{more}")
                } else {
                    format!("{word} {from}-{}{more}", short_date(lang, chart.from, s.to))
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
