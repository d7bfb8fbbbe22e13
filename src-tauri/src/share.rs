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

use aftercare::messages::Arg;
use aftercare::{Lang, Level, RedFlagCard, RedFlagSource, Symptom, Symptoms};
use base64::Engine as _;
use chrono::NaiveDate;

use crate::messages::{date, tr, tr_plain};

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

/// The whole page: plan first, then each day in the order given. Its own
/// words and dates are in `lang` (the app's language); the plan's and the
/// client's texts come as they are.
pub fn journal_html(
    plan: &SharedPlan,
    days: &[SharedDay],
    made_on: NaiveDate,
    lang: Lang,
) -> String {
    let mut out = String::with_capacity(
        8 * 1024
            + days
                .iter()
                .flat_map(|d| &d.photos)
                .map(|p| p.len() * 4 / 3 + 64)
                .sum::<usize>(),
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        lang.tag()
    );
    let made = long_date(lang, made_on);
    let with_date = |id: &str| tr(lang, id, &[("date", Arg::from(made.as_str()))]);
    let _ = writeln!(out, "<title>{}</title>", escape(&with_date("share-title")));
    out.push_str(STYLE);
    out.push_str("</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&tr_plain(lang, "share-heading")));
    let _ = writeln!(
        out,
        "<p class=\"muted\">{}</p>",
        escape(&with_date("share-intro"))
    );

    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table>",
        escape(&tr_plain(lang, "share-plan"))
    );
    if !plan.clinic.trim().is_empty() {
        row(&mut out, &tr_plain(lang, "share-clinic"), &plan.clinic);
    }
    row(&mut out, &tr_plain(lang, "share-protocol"), &plan.protocol);
    for (i, session) in plan.sessions.iter().enumerate() {
        let label = tr(lang, "share-session", &[("number", Arg::from(i + 1))]);
        row(&mut out, &label, &long_date(lang, *session));
    }
    out.push_str("</table>\n");

    for day in days {
        write_day(&mut out, day, lang);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_day(out: &mut String, day: &SharedDay, lang: Lang) {
    let day_date = long_date(lang, day.date);
    let _ = writeln!(
        out,
        "<h2>{} <span class=\"muted\">{}</span></h2>",
        escape(&day_date),
        escape(&day.day_label)
    );
    out.push_str("<table>\n");
    for symptom in Symptom::ALL {
        row(
            out,
            &tr_plain(lang, symptom_label(symptom)),
            &tr_plain(lang, level_label(day.symptoms.level(symptom))),
        );
    }
    out.push_str("</table>\n");
    if !day.note.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&day.note));
    }
    for card in &day.red_flags {
        let whose = tr_plain(
            lang,
            match card.source {
                RedFlagSource::Clinic => "share-flag-clinic",
                RedFlagSource::General => "share-flag-general",
            },
        );
        let _ = writeln!(
            out,
            "<div class=\"flag\"><p><strong>{}</strong> <span class=\"muted\">({})</span></p><p>{}</p><p>{}</p></div>",
            escape(&card.headline),
            escape(&whose),
            escape(&card.meaning),
            escape(&card.action)
        );
    }
    for (i, jpeg) in day.photos.iter().enumerate() {
        let alt = tr(
            lang,
            "share-photo-alt",
            &[
                ("number", Arg::from(i + 1)),
                ("date", Arg::from(day_date.as_str())),
            ],
        );
        let _ = writeln!(
            out,
            "<p><img alt=\"{}\" src=\"data:image/jpeg;base64,{}\"></p>",
            escape(&alt),
            base64::engine::general_purpose::STANDARD.encode(jpeg)
        );
    }
    if day.photos_missing > 0 {
        let missing = tr(
            lang,
            "share-photos-missing",
            &[("count", Arg::from(day.photos_missing))],
        );
        let _ = writeln!(out, "<p class=\"muted\">{}</p>", escape(&missing));
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

/// "Tuesday 3 March 2026", "martes 3 de marzo de 2026": unambiguous in
/// any country, unlike 03/03.
fn long_date(lang: Lang, day: NaiveDate) -> String {
    date(lang, "share-date-format", day)
}

/// The message id of a symptom's label.
fn symptom_label(symptom: Symptom) -> &'static str {
    match symptom {
        Symptom::Redness => "share-redness",
        Symptom::Itching => "share-itching",
        Symptom::Scabs => "share-scabs",
        Symptom::Soreness => "share-soreness",
        Symptom::Swelling => "share-swelling",
        Symptom::Sunburn => "share-sunburn",
    }
}

/// The message id of a level's word.
fn level_label(level: Level) -> &'static str {
    match level {
        Level::None => "share-level-none",
        Level::Mild => "share-level-mild",
        Level::Moderate => "share-level-moderate",
        Level::Strong => "share-level-strong",
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
            Lang::En,
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
            Lang::En,
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
        let html = journal_html(&plan(), &[shown.clone()], d("2026-03-08"), Lang::En);
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

        // The same day for a Spanish-speaking client: every label and date
        // in Spanish, the client's and the protocol's words as they are.
        shown.photos = vec![vec![0xFF, 0xD8]];
        shown.photos_missing = 2;
        shown.red_flags[0].source = RedFlagSource::General;
        let html = journal_html(&plan(), &[shown], d("2026-03-08"), Lang::Es);
        for expected in [
            "<html lang=\"es\">",
            "<title>Diario de cicatrización, domingo 8 de marzo de 2026</title>",
            "<h1>Diario de cicatrización</h1>",
            "<p class=\"muted\">Escrito por el cliente en SMP Aftercare el domingo 8 de marzo de 2026. Los niveles y las notas son suyos; la app no hace diagnósticos.</p>",
            "<h2>Plan</h2>",
            "<tr><th>Clínica</th><td>Scalp &amp; Co</td></tr>",
            "<tr><th>Protocolo de cuidados</th><td>Four days dry</td></tr>",
            "<tr><th>Sesión 1</th><td>lunes 2 de marzo de 2026</td></tr>",
            "<tr><th>Sesión 2</th><td>lunes 16 de marzo de 2026</td></tr>",
            "<h2>sábado 7 de marzo de 2026 <span class=\"muted\">Day 6 after session 1</span></h2>",
            "<tr><th>Enrojecimiento</th><td>moderado</td></tr>",
            "<tr><th>Picor</th><td>nada</td></tr>",
            "<tr><th>Costras</th><td>nada</td></tr>",
            "<tr><th>Sensibilidad</th><td>nada</td></tr>",
            "<tr><th>Hinchazón</th><td>nada</td></tr>",
            "<tr><th>Quemadura solar</th><td>nada</td></tr>",
            "<span class=\"muted\">(Orientación general, no de la clínica)</span>",
            "<img alt=\"Foto 1 del sábado 7 de marzo de 2026\"",
            "<p class=\"muted\">No se han encontrado en el dispositivo 2 fotos de este día.</p>",
        ] {
            assert!(html.contains(expected), "missing {expected} in {html}");
        }
        for english in [
            "Healing",
            "Tenderness",
            ">none<",
            "Session",
            "could not be found",
        ] {
            assert!(!html.contains(english), "{english} in {html}");
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
