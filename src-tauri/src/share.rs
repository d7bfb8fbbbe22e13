//! The file a client hands their clinic: the plan in brief and the
//! check-ins they chose, with their photos, as ONE self-contained HTML page.
//!
//! Why HTML: every browser and mail client opens it, photos can be embedded
//! (`data:` URLs of the screen-size copies, so the file stays a few MB), and
//! it needs nothing installed. It is built to be safe to open anywhere: no
//! script, no external address (nothing is fetched, so opening it tells no
//! server anything), a `no-referrer` policy, inline styles only, and every
//! text the client or a protocol wrote is HTML-escaped. Nothing is
//! uploaded: the app writes the file where the client chooses.
//!
//! This module only turns data into text (no I/O, no clock): the command
//! (`commands::journal::journal_share`) gathers the data and writes the
//! file.

use std::fmt::Write as _;

use aftercare::{Level, RedFlagCard, RedFlagSource, Symptom, Symptoms};
use base64::Engine as _;
use chrono::NaiveDate;

/// The plan in brief, as the file shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPlan {
    /// The protocol followed ("Four days dry, then thirty").
    pub protocol: String,
    /// The clinic's name, as the client entered it ("" when none).
    pub clinic: String,
    /// The booked sessions, by date.
    pub sessions: Vec<NaiveDate>,
}

/// One check-in in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedDay {
    /// The date it is for.
    pub date: NaiveDate,
    /// "Day 6 after session 2".
    pub day_label: String,
    /// The levels logged.
    pub symptoms: Symptoms,
    /// The client's note.
    pub note: String,
    /// The red-flag cards the app showed for it.
    pub red_flags: Vec<RedFlagCard>,
    /// The JPEG bytes of each photo's screen-size copy, in order.
    pub photos: Vec<Vec<u8>>,
    /// Photos whose file could not be read (named in the file, not hidden).
    pub photos_missing: usize,
}

/// The file's suggested name: `smp-aftercare-journal-YYYY-MM-DD.html`.
pub fn file_name(made_on: NaiveDate) -> String {
    format!("smp-aftercare-journal-{}.html", made_on.format("%Y-%m-%d"))
}

/// The whole page: plan first, then each day in the order given.
pub fn journal_html(plan: &SharedPlan, days: &[SharedDay], made_on: NaiveDate) -> String {
    let mut out = String::with_capacity(
        8 * 1024
            + days
                .iter()
                .flat_map(|d| &d.photos)
                .map(|p| p.len() * 4 / 3 + 64)
                .sum::<usize>(),
    );
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    let _ = writeln!(
        out,
        "<title>Healing journal, {}</title>",
        escape(&long_date(made_on))
    );
    out.push_str(STYLE);
    out.push_str("</head>\n<body>\n");
    out.push_str("<h1>Healing journal</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"muted\">Written by the client in SMP Aftercare on {}. The levels and notes are theirs; the app does not diagnose.</p>",
        escape(&long_date(made_on))
    );

    out.push_str("<h2>Plan</h2>\n<table>\n");
    if !plan.clinic.trim().is_empty() {
        row(&mut out, "Clinic", &plan.clinic);
    }
    row(&mut out, "Aftercare protocol", &plan.protocol);
    for (i, date) in plan.sessions.iter().enumerate() {
        row(&mut out, &format!("Session {}", i + 1), &long_date(*date));
    }
    out.push_str("</table>\n");

    for day in days {
        write_day(&mut out, day);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_day(out: &mut String, day: &SharedDay) {
    let _ = writeln!(
        out,
        "<h2>{} <span class=\"muted\">{}</span></h2>",
        escape(&long_date(day.date)),
        escape(&day.day_label)
    );
    out.push_str("<table>\n");
    for symptom in Symptom::ALL {
        row(
            out,
            symptom_label(symptom),
            level_label(day.symptoms.level(symptom)),
        );
    }
    out.push_str("</table>\n");
    if !day.note.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&day.note));
    }
    for card in &day.red_flags {
        let whose = match card.source {
            RedFlagSource::Clinic => "The clinic's warning",
            RedFlagSource::General => "General guidance, not the clinic's",
        };
        let _ = writeln!(
            out,
            "<div class=\"flag\"><p><strong>{}</strong> <span class=\"muted\">({})</span></p><p>{}</p><p>{}</p></div>",
            escape(&card.headline),
            escape(whose),
            escape(&card.meaning),
            escape(&card.action)
        );
    }
    for (i, jpeg) in day.photos.iter().enumerate() {
        let _ = writeln!(
            out,
            "<p><img alt=\"Photo {} of {}\" src=\"data:image/jpeg;base64,{}\"></p>",
            i + 1,
            escape(&long_date(day.date)),
            base64::engine::general_purpose::STANDARD.encode(jpeg)
        );
    }
    if day.photos_missing > 0 {
        let _ = writeln!(
            out,
            "<p class=\"muted\">{} photo{} of this day could not be found on the device.</p>",
            day.photos_missing,
            if day.photos_missing == 1 { "" } else { "s" }
        );
    }
}

/// Simple, mail-client-proof layout: one column, tables for the levels.
const STYLE: &str = "<style>\n\
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 44em; margin: 1em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.4; }\n\
h2 { border-top: 1px solid #ccc; padding-top: 0.8em; margin-top: 1.5em; }\n\
table { border-collapse: collapse; }\n\
th, td { text-align: left; padding: 0.2em 1em 0.2em 0; vertical-align: top; }\n\
th { font-weight: normal; color: #555; }\n\
.muted { color: #555; font-weight: normal; font-size: 0.9em; }\n\
.note { white-space: pre-wrap; background: #f4f4f4; padding: 0.6em; }\n\
.flag { border-left: 4px solid #b00020; padding: 0.2em 0.8em; margin: 0.8em 0; }\n\
img { max-width: 100%; height: auto; }\n\
</style>\n";

fn row(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(
        out,
        "<tr><th>{}</th><td>{}</td></tr>",
        escape(label),
        escape(value)
    );
}

/// "Tuesday 3 March 2026": unambiguous in any country, unlike 03/03.
fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn symptom_label(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Redness => "Redness",
        Symptom::Itching => "Itching",
        Symptom::Scabs => "Scabbing",
        Symptom::Soreness => "Tenderness",
        Symptom::Swelling => "Swelling",
        Symptom::Sunburn => "Sunburn",
    }
}

fn level_label(level: Level) -> &'static str {
    match level {
        Level::None => "none",
        Level::Mild => "mild",
        Level::Moderate => "moderate",
        Level::Strong => "strong",
    }
}

/// Text as HTML: the five characters that could end an element or an
/// attribute are escaped, so a note can never become markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        aftercare::parse_date(text).unwrap()
    }

    fn plan() -> SharedPlan {
        SharedPlan {
            protocol: "Four days dry".into(),
            clinic: "Scalp & Co".into(),
            sessions: vec![d("2026-03-02"), d("2026-03-16")],
        }
    }

    fn day(note: &str, photos: Vec<Vec<u8>>) -> SharedDay {
        SharedDay {
            date: d("2026-03-07"),
            day_label: "Day 6 after session 1".into(),
            symptoms: Symptoms {
                redness: Level::Moderate,
                ..Symptoms::default()
            },
            note: note.into(),
            red_flags: Vec::new(),
            photos,
            photos_missing: 0,
        }
    }

    #[test]
    fn a_note_with_markup_is_shown_as_text() {
        let html = journal_html(
            &plan(),
            &[day("<script>alert('x')</script> & \"more\"", vec![])],
            d("2026-03-08"),
        );
        assert!(html.contains(
            "<p class=\"note\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</p>"
        ));
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(html.contains("<td>Scalp &amp; Co</td>"));
    }

    #[test]
    fn photos_are_embedded_and_nothing_is_fetched() {
        let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        let html = journal_html(
            &plan(),
            &[day("", vec![jpeg.clone(), jpeg])],
            d("2026-03-08"),
        );
        assert_eq!(
            html.matches("src=\"data:image/jpeg;base64,/9j/4AECAw==\"")
                .count(),
            2
        );
        assert!(!html.contains("src=\"http"));
        assert!(!html.contains("href="));
        assert!(!html.contains("url("));
        assert!(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"));
    }

    #[test]
    fn the_plan_and_each_day_are_written_in_words() {
        let mut shown = day("Tight after the shower", vec![]);
        shown.photos_missing = 1;
        shown.red_flags.push(RedFlagCard {
            id: "redness-day-5".into(),
            source: RedFlagSource::Clinic,
            symptom: Symptom::Redness,
            headline: "Still red on day 6".into(),
            meaning: "Redness usually fades by now.".into(),
            action: "Call the clinic.".into(),
        });
        let html = journal_html(&plan(), &[shown], d("2026-03-08"));
        for expected in [
            "<title>Healing journal, Sunday 8 March 2026</title>",
            "<tr><th>Aftercare protocol</th><td>Four days dry</td></tr>",
            "<tr><th>Session 2</th><td>Monday 16 March 2026</td></tr>",
            "<h2>Saturday 7 March 2026 <span class=\"muted\">Day 6 after session 1</span></h2>",
            "<tr><th>Redness</th><td>moderate</td></tr>",
            "<tr><th>Tenderness</th><td>none</td></tr>",
            "<strong>Still red on day 6</strong> <span class=\"muted\">(The clinic&#39;s warning)</span>",
            "1 photo of this day could not be found on the device.",
        ] {
            assert!(html.contains(expected), "missing {expected} in {html}");
        }
    }

    #[test]
    fn the_file_name_carries_the_date() {
        assert_eq!(
            file_name(d("2026-03-08")),
            "smp-aftercare-journal-2026-03-08.html"
        );
    }
}
