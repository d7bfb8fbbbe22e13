//! The texts the app shell writes itself, in the client's language: the
//! notification of reminders folded together, the tray menu, the journal
//! file a client shares with their clinic. They live in
//! `src-tauri/locales/<tag>/app.ftl`, read by the engine's
//! [`aftercare::messages::Catalog`], so the shell has no Fluent
//! setup of its own; the engine's texts stay in the engine's files and the
//! UI's in `ui/src/locales/`. See `docs/developer/i18n.md`.
//!
//! The language is the app's (`Settings.language` resolved against the
//! device's): the scheduler takes it from the plan it builds each pass, a
//! command from `commands::settings::app_lang`.
//!
//! ```
//! use aftercare::Lang;
//! use smp_aftercare_lib::messages::tr_plain;
//!
//! assert_eq!(tr_plain(Lang::Es, "tray-open"), "Abrir SMP Aftercare");
//! ```

use aftercare::Lang;
use aftercare::messages::{Arg, Catalog};
use chrono::Datelike;

/// The message file of each language, in [`Lang::ALL`] order.
pub const SOURCES: [(Lang, &str); Lang::ALL.len()] = [
    (Lang::En, include_str!("../locales/en/app.ftl")),
    (Lang::Es, include_str!("../locales/es/app.ftl")),
];

static SHELL: Catalog = Catalog::new(SOURCES);

/// The message `id` in `lang`, with its placeables filled from `args`; a
/// missing one falls back to English, then to its id (never a panic).
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    SHELL.tr(lang, id, args)
}

/// The message `id` in `lang`, for messages without placeables.
pub fn tr_plain(lang: Lang, id: &str) -> String {
    SHELL.tr_plain(lang, id)
}

/// The messages naming the days of the week, Monday first (`%A`).
const WEEKDAYS: [&str; 7] = [
    "date-weekday-1",
    "date-weekday-2",
    "date-weekday-3",
    "date-weekday-4",
    "date-weekday-5",
    "date-weekday-6",
    "date-weekday-7",
];
/// Their short names (`%a`).
const WEEKDAYS_SHORT: [&str; 7] = [
    "date-weekday-short-1",
    "date-weekday-short-2",
    "date-weekday-short-3",
    "date-weekday-short-4",
    "date-weekday-short-5",
    "date-weekday-short-6",
    "date-weekday-short-7",
];
/// The messages naming the months, January first (`%B`).
const MONTHS: [&str; 12] = [
    "date-month-1",
    "date-month-2",
    "date-month-3",
    "date-month-4",
    "date-month-5",
    "date-month-6",
    "date-month-7",
    "date-month-8",
    "date-month-9",
    "date-month-10",
    "date-month-11",
    "date-month-12",
];
/// Their short names (`%b`).
const MONTHS_SHORT: [&str; 12] = [
    "date-month-short-1",
    "date-month-short-2",
    "date-month-short-3",
    "date-month-short-4",
    "date-month-short-5",
    "date-month-short-6",
    "date-month-short-7",
    "date-month-short-8",
    "date-month-short-9",
    "date-month-short-10",
    "date-month-short-11",
    "date-month-short-12",
];

/// `date` written with the pattern the message `format_id` holds (a
/// chrono strftime pattern, so each language orders its words), in the
/// language's own day and month names.
///
/// ```
/// use aftercare::Lang;
/// use chrono::NaiveDate;
/// use smp_aftercare_lib::messages::date;
///
/// let d = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
/// assert_eq!(date(Lang::En, "share-date-format", d), "Sunday 8 March 2026");
/// assert_eq!(date(Lang::Es, "share-date-format", d), "domingo 8 de marzo de 2026");
/// ```
pub fn date(lang: Lang, format_id: &str, date: impl Datelike + Copy) -> String {
    use chrono::format::{Fixed, Item, StrftimeItems};
    let Some(day) = chrono::NaiveDate::from_ymd_opt(date.year(), date.month(), date.day()) else {
        return String::new();
    };
    let pattern = tr_plain(lang, format_id);
    // The names come from this crate's messages (`date-*`), not from
    // chrono's locale tables, which would bring every locale's data into
    // the binary for two languages (issue 14).
    let weekday = day.weekday().num_days_from_monday() as usize;
    let month = day.month0() as usize;
    let name = |table: &[&str], i: usize| Item::OwnedLiteral(tr_plain(lang, table[i]).into());
    let items: Vec<Item<'_>> = StrftimeItems::new(&pattern)
        .map(|item| match item {
            Item::Fixed(Fixed::LongWeekdayName) => name(&WEEKDAYS, weekday),
            Item::Fixed(Fixed::ShortWeekdayName) => name(&WEEKDAYS_SHORT, weekday),
            Item::Fixed(Fixed::LongMonthName) => name(&MONTHS, month),
            Item::Fixed(Fixed::ShortMonthName) => name(&MONTHS_SHORT, month),
            other => other,
        })
        .collect();
    // A pattern chrono can't read (a translator's typo) must not panic in
    // Display: check it first and fall back to the ISO date.
    if items.contains(&Item::Error) {
        return day.format("%Y-%m-%d").to_string();
    }
    day.format_with_items(items.into_iter()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The shell's Rust sources, by path.
    fn code(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                code(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// The shell's files are complete by the engine's rules
    /// (`aftercare::message_check`): same ids and variables in every
    /// language, no unused id, every id the code asks for exists.
    #[test]
    fn the_shell_messages_are_complete_and_used() {
        let langs: Vec<Lang> = SOURCES.iter().map(|(l, _)| *l).collect();
        assert_eq!(langs, Lang::ALL);
        let mut files = Vec::new();
        code(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        assert!(files.len() > 10, "only {} sources found", files.len());
        let code: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let report = aftercare::message_check::check(&SOURCES, &code);
        assert!(report.problems.is_empty(), "{:#?}", report.problems);
        assert!(report.ids >= 20, "only {} messages", report.ids);
        assert!(report.asked >= 10, "only {} ids asked for", report.asked);
    }

    #[test]
    fn every_day_and_month_is_named_in_each_language() {
        let monday = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let week: Vec<String> = (0..7)
            .map(|i| date(Lang::Es, "%A %a", monday + chrono::Days::new(i)))
            .collect();
        assert_eq!(
            week,
            [
                "lunes lun",
                "martes mar",
                "miércoles mié",
                "jueves jue",
                "viernes vie",
                "sábado sáb",
                "domingo dom"
            ]
        );
        let year: Vec<String> = (1..=12)
            .map(|m| {
                let d = chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
                date(Lang::En, "%B %b", d)
            })
            .collect();
        assert_eq!(year[0], "January Jan");
        assert_eq!(year[8], "September Sep");
        assert_eq!(year[11], "December Dec");
        // English names are chrono's own: the same text as before.
        for m in 1..=12 {
            let d = chrono::NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
            assert_eq!(
                date(Lang::En, "%A %a %B %b", d),
                d.format("%A %a %B %b").to_string()
            );
        }
    }

    #[test]
    fn a_broken_date_pattern_gives_the_iso_date() {
        // The check of the pattern, not a real message: no file has this id,
        // so its own text (with a `%` chrono refuses) is the pattern.
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(date(Lang::Es, "%Q", d), "2026-03-08");
        assert_eq!(date(Lang::Es, "missed-date-format", d), "dom 8 mar");
    }
}
