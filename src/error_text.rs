//! The engine's errors worded in a language: [`Error::message_in`].
//!
//! English is the error's `Display`, word for word (a test holds every
//! variant to that), so logs and existing callers see no change. Each
//! variant is a whole Fluent message (`error-*` in
//! `locales/<tag>/aftercare.ftl`) with the values as arguments.
//!
//! The free-text detail of protocol and plan-file errors (the validator's
//! "unknown activity \"x\"…", TOML's own complaints, a link's fault, the
//! sentence naming a file that is not a protocol) stays in English in every
//! language: it is written across the engine for clinic authors and
//! developers. Only the frame around it (file, line, field) is worded. See
//! `docs/developer/i18n.md`.

use crate::day::{DATE_NO_SUCH_DAY, DATE_NOT_IN_FORM, DATE_UNSUPPORTED};
use crate::error::{Error, MAX_PLANNED};
use crate::lang::Lang;
use crate::messages::{Arg, tr, tr_plain};

impl Error {
    /// The error as one line in `lang`, for a person to read (the CLI's
    /// stderr). `Lang::En` gives exactly the error's `Display`.
    ///
    /// Values are quoted with Rust's escapes, as `Display` does, so the line
    /// stays inert: `"2026-02-30"` in English, `«2026-02-30»` in Spanish.
    /// The detail of [`Error::Protocol`], [`Error::PlanFile`] and
    /// [`Error::PlanLink`] stays in English:
    /// only its frame (file, line, field) follows `lang`.
    ///
    /// # Example
    ///
    /// ```
    /// use aftercare::{Error, Lang, parse_date, parse_zone};
    ///
    /// let err = parse_date("2026-02-30").unwrap_err();
    /// assert_eq!(err.message_in(Lang::En), err.to_string());
    /// assert_eq!(
    ///     err.message_in(Lang::Es),
    ///     "fecha no válida «2026-02-30»: ese día no existe en el calendario (escríbela como AAAA-MM-DD)",
    /// );
    ///
    /// let err = Error::Protocol {
    ///     source_name: "clinic.toml".into(),
    ///     line: Some(12),
    ///     field: Some("to_day".into()),
    ///     message: "3 is before from_day 5".into(),
    /// };
    /// assert_eq!(
    ///     err.message_in(Lang::Es),
    ///     "clinic.toml: línea 12, campo «to_day»: 3 is before from_day 5",
    /// );
    /// ```
    pub fn message_in(&self, lang: Lang) -> String {
        // No `_` arm: a new variant does not compile until it is worded.
        match self {
            Error::InvalidDate { value, reason } => tr(
                lang,
                "error-invalid-date",
                &[
                    ("value", Arg::from(quote(lang, value))),
                    ("reason", Arg::from(date_reason(lang, reason))),
                ],
            ),
            Error::InvalidTime { value } => tr(
                lang,
                "error-invalid-time",
                &[("value", Arg::from(quote(lang, value)))],
            ),
            Error::UnknownZone { value } => tr(
                lang,
                "error-unknown-zone",
                &[("value", Arg::from(quote(lang, value)))],
            ),
            Error::UnknownProtocol { value, known } => tr(
                lang,
                "error-unknown-protocol",
                &[
                    ("value", Arg::from(quote(lang, value))),
                    ("known", Arg::from(known.as_str())),
                ],
            ),
            Error::Protocol {
                source_name,
                line,
                field,
                message,
            } => located(lang, source_name, *line, field.as_deref(), message),
            Error::NotAProtocol { source_name, file } => {
                located(lang, source_name, None, None, &file.sentence_in(lang))
            }
            Error::NoSessions => tr_plain(lang, "error-no-sessions"),
            Error::DuplicateSession { date } => tr(
                lang,
                "error-duplicate-session",
                &[("date", Arg::from(date.to_string()))],
            ),
            Error::InvalidPlanned { planned, sessions } => {
                if *planned == 0 || *planned > MAX_PLANNED {
                    tr(
                        lang,
                        "error-planned-range",
                        &[
                            ("max", Arg::from(MAX_PLANNED)),
                            ("planned", Arg::from(*planned)),
                        ],
                    )
                } else {
                    tr(
                        lang,
                        "error-planned-too-few",
                        &[
                            ("sessions", Arg::from(*sessions)),
                            ("planned", Arg::from(*planned)),
                        ],
                    )
                }
            }
            // `..`: the hand-over's variants may grow fields that do not
            // change their wording.
            Error::PlanFile {
                source_name,
                line,
                field,
                message,
                ..
            } => located(lang, source_name, *line, field.as_deref(), message),
            Error::PlanLink { message, .. } => tr(
                lang,
                "error-plan-link",
                &[("detail", Arg::from(message.as_str()))],
            ),
        }
    }
}

/// `text` quoted for a message in `lang`, with Rust's escapes for quotes,
/// backslashes and control characters, so that it stays one inert line:
/// `"a\nb"` in English (exactly `{:?}`), `«a\nb»` in Spanish.
///
/// ```
/// use aftercare::Lang;
/// use aftercare::error_text::quote;
///
/// assert_eq!(quote(Lang::En, "4 March\n"), "\"4 March\\n\"");
/// assert_eq!(quote(Lang::Es, "4 March\n"), "«4 March\\n»");
/// ```
pub fn quote(lang: Lang, text: &str) -> String {
    let debug = format!("{text:?}");
    let escaped = debug
        .strip_prefix('"')
        .and_then(|d| d.strip_suffix('"'))
        .unwrap_or(&debug);
    tr(lang, "error-quote", &[("text", Arg::from(escaped))])
}

/// A date's refusal in `lang`; a reason not named in `day` stays as it is.
fn date_reason(lang: Lang, reason: &str) -> String {
    match reason {
        DATE_NOT_IN_FORM => tr_plain(lang, "error-date-not-in-form"),
        DATE_NO_SUCH_DAY => tr_plain(lang, "error-date-no-such-day"),
        DATE_UNSUPPORTED => tr_plain(lang, "error-date-unsupported"),
        other => other.to_string(),
    }
}

/// "file: line 12, field "to_day": detail", with the parts that are known.
fn located(
    lang: Lang,
    source_name: &str,
    line: Option<u32>,
    field: Option<&str>,
    detail: &str,
) -> String {
    let source = ("source", Arg::from(source_name));
    let detail = ("detail", Arg::from(detail));
    let field = field.map(|f| ("field", Arg::from(quote(lang, f))));
    let line = line.map(|l| ("line", Arg::from(l)));
    match (line, field) {
        (Some(line), Some(field)) => {
            tr(lang, "error-at-line-field", &[source, line, field, detail])
        }
        (Some(line), None) => tr(lang, "error-at-line", &[source, line, detail]),
        (None, Some(field)) => tr(lang, "error-at-field", &[source, field, detail]),
        (None, None) => tr(lang, "error-at", &[source, detail]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::FileKind;
    use chrono::NaiveDate;

    /// One value of every variant, and of every wording within one.
    fn every_error() -> Vec<Error> {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut all = vec![
            Error::InvalidTime {
                value: "9am".into(),
            },
            Error::UnknownZone {
                value: "Europe/Londn".into(),
            },
            Error::UnknownProtocol {
                value: "five-to-fifty".into(),
                known: "four-to-thirty, two-week-rest".into(),
            },
            Error::NoSessions,
            Error::DuplicateSession { date },
            Error::InvalidPlanned {
                planned: 0,
                sessions: 1,
            },
            Error::InvalidPlanned {
                planned: 13,
                sessions: 1,
            },
            Error::InvalidPlanned {
                planned: 1,
                sessions: 2,
            },
            Error::InvalidPlanned {
                planned: 2,
                sessions: 3,
            },
            Error::PlanLink {
                message: "the link is damaged".into(),
                fault: crate::handover::Fault::Damaged,
            },
        ];
        for reason in [
            DATE_NOT_IN_FORM,
            DATE_NO_SUCH_DAY,
            DATE_UNSUPPORTED,
            "some other reason",
        ] {
            all.push(Error::InvalidDate {
                value: "2026-02-30\n\"x\"".into(),
                reason: reason.into(),
            });
        }
        for line in [None, Some(12)] {
            for field in [None, Some("to_day".to_string())] {
                all.push(Error::Protocol {
                    source_name: "clinic.toml".into(),
                    line,
                    field: field.clone(),
                    message: "3 is before from_day 5".into(),
                });
                all.push(Error::PlanFile {
                    source_name: "plan.smpplan".into(),
                    line,
                    field,
                    message: "unknown key \"x\"".into(),
                    fault: crate::handover::Fault::Nonsense,
                });
            }
        }
        for file in [
            FileKind::Pdf,
            FileKind::Png,
            FileKind::Jpeg,
            FileKind::Gif,
            FileKind::Webp,
            FileKind::Binary,
        ] {
            all.push(Error::NotAProtocol {
                source_name: "leaflet.pdf".into(),
                file,
            });
        }
        all
    }

    /// Which variant `e` is: no `_` arm, so a new variant fails to compile
    /// here until [`every_error`] holds one.
    fn variant(e: &Error) -> usize {
        match e {
            Error::InvalidDate { .. } => 0,
            Error::InvalidTime { .. } => 1,
            Error::UnknownZone { .. } => 2,
            Error::UnknownProtocol { .. } => 3,
            Error::Protocol { .. } => 4,
            Error::NotAProtocol { .. } => 5,
            Error::NoSessions => 6,
            Error::DuplicateSession { .. } => 7,
            Error::InvalidPlanned { .. } => 8,
            Error::PlanFile { .. } => 9,
            Error::PlanLink { .. } => 10,
        }
    }

    #[test]
    fn english_is_display_for_every_variant() {
        let all = every_error();
        let mut seen: Vec<usize> = all.iter().map(variant).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..=10).collect::<Vec<_>>(), "a variant is missing");
        for e in &all {
            assert_eq!(e.message_in(Lang::En), e.to_string(), "{e:?}");
        }
    }

    #[test]
    fn spanish_words_every_variant_differently_from_english() {
        for e in every_error() {
            let es = e.message_in(Lang::Es);
            // A file's error without line or field is framed by the file
            // name alone, and its detail stays English.
            let frame_is_the_name = matches!(
                e,
                Error::NotAProtocol { .. }
                    | Error::Protocol {
                        line: None,
                        field: None,
                        ..
                    }
                    | Error::PlanFile {
                        line: None,
                        field: None,
                        ..
                    }
            );
            if !frame_is_the_name {
                assert_ne!(es, e.to_string(), "{e:?}");
            }
            assert!(!es.contains('\n'), "{es:?}");
        }
    }

    #[test]
    fn spanish_frames_a_protocol_error_and_keeps_its_detail() {
        let at = |line, field: Option<&str>| {
            Error::Protocol {
                source_name: "clinic.toml".into(),
                line,
                field: field.map(str::to_string),
                message: "3 is before from_day 5".into(),
            }
            .message_in(Lang::Es)
        };
        assert_eq!(
            at(Some(12), Some("to_day")),
            "clinic.toml: línea 12, campo «to_day»: 3 is before from_day 5"
        );
        assert_eq!(
            at(Some(12), None),
            "clinic.toml: línea 12: 3 is before from_day 5"
        );
        assert_eq!(
            at(None, Some("to_day")),
            "clinic.toml, campo «to_day»: 3 is before from_day 5"
        );
        assert_eq!(at(None, None), "clinic.toml: 3 is before from_day 5");
    }

    #[test]
    fn spanish_sentences() {
        let es = |e: Error| e.message_in(Lang::Es);
        assert_eq!(
            es(Error::InvalidDate {
                value: "4 March\n".into(),
                reason: DATE_NOT_IN_FORM.into(),
            }),
            "fecha no válida «4 March\\n»: no tiene la forma de una fecha (escríbela como AAAA-MM-DD)"
        );
        assert_eq!(
            es(Error::InvalidDate {
                value: "2300-01-01".into(),
                reason: DATE_UNSUPPORTED.into(),
            }),
            "fecha no válida «2300-01-01»: solo se admiten los años de 1970 a 2199 (escríbela como AAAA-MM-DD)"
        );
        assert_eq!(
            es(Error::InvalidTime {
                value: "9am".into()
            }),
            "hora no válida «9am»: escribe HH:MM en formato de 24 horas, por ejemplo 09:00"
        );
        assert_eq!(
            es(Error::InvalidPlanned {
                planned: 1,
                sessions: 2
            }),
            "has indicado 2 sesiones, pero solo hay 1 prevista"
        );
        assert_eq!(
            es(Error::InvalidPlanned {
                planned: 2,
                sessions: 3
            }),
            "has indicado 3 sesiones, pero solo hay 2 previstas"
        );
        assert_eq!(
            es(Error::InvalidPlanned {
                planned: 0,
                sessions: 1
            }),
            "el número de sesiones previstas tiene que estar entre 1 y 12, no 0"
        );
        assert_eq!(
            es(Error::DuplicateSession {
                date: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
            }),
            "la sesión del 2026-03-02 está repetida"
        );
        assert_eq!(
            es(Error::NoSessions),
            "un plan necesita al menos una fecha de sesión"
        );
        assert_eq!(
            es(Error::PlanLink {
                message: "the link is damaged".into(),
                fault: crate::handover::Fault::Damaged,
            }),
            "enlace del plan: the link is damaged"
        );
    }
}
