//! Checks what serde cannot (day windows, statuses, ids, ranges) and turns
//! the raw file into the model, naming the line and field of the first
//! problem.

use std::ops::Range;
use std::sync::Arc;

use toml::Spanned;

use super::raw::{RawProtocol, RawText, RawTimes, RawWarning, RawWindow, line_of};
use super::{
    Advice, CareItem, MAX_CARE_ITEMS, MAX_DAY, MAX_TEXT_CHARS, MAX_TIMES_PER_DAY, Protocol, Repeat,
    Rule, Scope, SessionSpec, Source, Window,
};
use crate::activity::{Activity, Allowance};
use crate::error::{Error, MAX_PLANNED};
use crate::lang::Lang;
use crate::red_flag::{Level, RedFlag, RedFlagDays, Symptom};
use crate::text;
use crate::words::Topic;

/// Validation context: turns spans into lines for one source text.
struct Check<'a> {
    source_name: &'a str,
    text: &'a str,
    /// The protocol's default language (`lang`), which every text by
    /// language must hold.
    default: Lang,
    /// The language to read texts in, falling back to `default`.
    want: Lang,
}

impl Check<'_> {
    fn err(&self, span: Range<usize>, field: &str, message: impl Into<String>) -> Error {
        Error::protocol(
            self.source_name,
            Some(line_of(self.text, span.start)),
            Some(field),
            message,
        )
    }

    /// A text shown to the client: one line of visible characters, at most
    /// [`MAX_TEXT_CHARS`] of them once trimmed. Control characters and
    /// bidirectional controls are refused anywhere in the value (trimmed
    /// ends included), so that no sink ever receives one from a protocol.
    ///
    /// A text by language (`note.en`, `note.es`) checks every language's
    /// value, refuses unknown tags and a table without the default
    /// language, and gives the wanted language's text, else the default's.
    fn text(&self, value: &Spanned<RawText>, field: &str) -> Result<String, Error> {
        match value.get_ref() {
            RawText::One(s) => self.one_text(s, value.span(), field),
            RawText::ByLang(texts) => {
                let mut wanted = None;
                let mut default = None;
                for (tag, text) in texts {
                    let field = format!("{field}.{tag}");
                    let Some(lang) = Lang::ALL.into_iter().find(|l| l.tag() == tag) else {
                        return Err(self.err(
                            text.span(),
                            &field,
                            format!("unknown language {tag:?} (expected {})", lang_tags()),
                        ));
                    };
                    let checked = self.one_text(text.get_ref(), text.span(), &field)?;
                    if lang == self.want {
                        wanted = Some(checked.clone());
                    }
                    if lang == self.default {
                        default = Some(checked);
                    }
                }
                match (wanted, default) {
                    (Some(text), Some(_)) | (None, Some(text)) => Ok(text),
                    _ => Err(self.err(
                        value.span(),
                        field,
                        format!(
                            "has no text in the protocol's language; add {field}.{}",
                            self.default.tag()
                        ),
                    )),
                }
            }
        }
    }

    /// One language's text (see [`Check::text`]).
    fn one_text(&self, raw: &str, span: Range<usize>, field: &str) -> Result<String, Error> {
        if let Some(c) = raw.chars().find(|c| text::is_control(*c)) {
            return Err(self.err(
                span.clone(),
                field,
                format!(
                    "contains the control character {}; write one line of plain text",
                    code_point(c)
                ),
            ));
        }
        if let Some(c) = raw.chars().find(|c| text::is_bidi_control(*c)) {
            return Err(self.err(
                span.clone(),
                field,
                format!(
                    "contains the bidirectional control {}, which reorders the text around it",
                    code_point(c)
                ),
            ));
        }
        let s = raw.trim();
        if s.is_empty() {
            return Err(self.err(span.clone(), field, "must not be empty"));
        }
        if s.chars().all(text::is_invisible) {
            return Err(self.err(
                span.clone(),
                field,
                "has no visible characters (only invisible ones such as U+200B)",
            ));
        }
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(self.err(
                span.clone(),
                field,
                format!("is {chars} characters long; at most {MAX_TEXT_CHARS} are allowed"),
            ));
        }
        Ok(s.to_string())
    }

    /// A day window's `from_day` (1 when left out) and `to_day` (open
    /// when left out), refusing a `to_day` before `from_day`. Rules and
    /// warnings count days the same way.
    fn day_range(
        &self,
        from_day: &Option<Spanned<i64>>,
        to_day: &Option<Spanned<i64>>,
    ) -> Result<(u32, Option<u32>), Error> {
        let from = match from_day {
            Some(v) => self.number(v, "from_day", 1..MAX_DAY + 1)?,
            None => 1,
        };
        let to = match to_day {
            Some(v) => {
                let to = self.number(v, "to_day", 1..MAX_DAY + 1)?;
                if to < from {
                    return Err(self.err(
                        v.span(),
                        "to_day",
                        format!("{to} is before from_day {from}"),
                    ));
                }
                Some(to)
            }
            None => None,
        };
        Ok((from, to))
    }

    fn number(&self, value: &Spanned<i64>, field: &str, range: Range<u32>) -> Result<u32, Error> {
        let v = *value.get_ref();
        match u32::try_from(v) {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(self.err(
                value.span(),
                field,
                format!(
                    "{v} is out of range (expected {} to {})",
                    range.start,
                    range.end - 1
                ),
            )),
        }
    }

    /// A care item's `times_per_day = { min, max }` or `repeat = true`:
    /// one of them at most, counts from 1 to [`MAX_TIMES_PER_DAY`], and
    /// `max` not below `min`.
    fn repeat(
        &self,
        times: Option<&Spanned<RawTimes>>,
        repeat: Option<&Spanned<bool>>,
    ) -> Result<Option<Repeat>, Error> {
        let range = 1..MAX_TIMES_PER_DAY + 1;
        match (times, repeat) {
            (Some(_), Some(r)) if *r.get_ref() => Err(self.err(
                r.span(),
                "repeat",
                "give either times_per_day or repeat = true, not both",
            )),
            (Some(t), _) => {
                let t = t.get_ref();
                let min = self.number(&t.min, "times_per_day.min", range.clone())?;
                let max = t
                    .max
                    .as_ref()
                    .map(|m| self.number(m, "times_per_day.max", range.clone()))
                    .transpose()?;
                if let (Some(max), Some(raw)) = (max, t.max.as_ref())
                    && max < min
                {
                    return Err(self.err(
                        raw.span(),
                        "times_per_day.max",
                        format!("{max} is less than min {min}"),
                    ));
                }
                Ok(Some(Repeat::Times { min, max }))
            }
            (None, Some(r)) if *r.get_ref() => Ok(Some(Repeat::AsNeeded)),
            (None, _) => Ok(None),
        }
    }

    fn window(&self, raw: RawWindow, status: Option<Allowance>) -> Result<Window, Error> {
        let scope: Scope = raw
            .scope
            .get_ref()
            .parse()
            .map_err(|e: String| self.err(raw.scope.span(), "scope", e))?;
        match scope {
            Scope::BeforeEach => self.before_window(&raw),
            Scope::AfterEach => {
                let (from_day, to_day) = self.days(&raw, scope, status)?;
                Ok(Window::AfterEach { from_day, to_day })
            }
            Scope::Between => {
                let (from_day, to_day) = self.days(&raw, scope, status)?;
                Ok(Window::Between { from_day, to_day })
            }
            Scope::AfterFinal => {
                let (from_day, to_day) = self.days(&raw, scope, status)?;
                Ok(Window::AfterFinal { from_day, to_day })
            }
        }
    }

    /// A `before_each` window: `days_before` and `session_day`, never day numbers.
    fn before_window(&self, raw: &RawWindow) -> Result<Window, Error> {
        if let Some(v) = raw.from_day.as_ref().or(raw.to_day.as_ref()) {
            let field = if raw.from_day.is_some() {
                "from_day"
            } else {
                "to_day"
            };
            return Err(self.err(
                v.span(),
                field,
                "before_each counts days before the session: use days_before (and session_day), not from_day/to_day",
            ));
        }
        let Some(days_before) = &raw.days_before else {
            return Err(self.err(
                raw.scope.span(),
                "days_before",
                "a before_each window needs days_before",
            ));
        };
        let days = self.number(days_before, "days_before", 0..MAX_DAY + 1)?;
        let session_day = raw.session_day.as_ref().is_some_and(|b| *b.get_ref());
        if days == 0 && !session_day {
            return Err(self.err(
                days_before.span(),
                "days_before",
                "0 days before without session_day = true covers no day at all",
            ));
        }
        Ok(Window::BeforeEach {
            days_before: days,
            session_day,
        })
    }

    /// `from_day` and `to_day` of a window counted from a session.
    fn days(
        &self,
        raw: &RawWindow,
        scope: Scope,
        status: Option<Allowance>,
    ) -> Result<(u32, Option<u32>), Error> {
        for (field, value) in [
            ("days_before", raw.days_before.as_ref().map(|v| v.span())),
            ("session_day", raw.session_day.as_ref().map(|v| v.span())),
        ] {
            if let Some(span) = value {
                return Err(self.err(
                    span,
                    field,
                    format!("{field} belongs to before_each windows, not {scope}"),
                ));
            }
        }
        let (from_day, to_day) = self.day_range(&raw.from_day, &raw.to_day)?;
        // An avoid rule that never ends after a session would forbid the
        // activity for good, which no clinic means; only `between` ends by
        // itself. A lasting condition is real, but only once the sessions
        // are over ("foil shaver only", "sun cream"): an open-ended limited
        // rule after each session would outlast the next session's own
        // windows for no reason.
        let lasting_condition = scope == Scope::AfterFinal && status == Some(Allowance::Limited);
        if to_day.is_none()
            && scope != Scope::Between
            && !lasting_condition
            && let Some(status @ (Allowance::Avoid | Allowance::Limited)) = status
        {
            return Err(self.err(
                raw.scope.span(),
                "to_day",
                format!("an {status} rule in {scope} needs to_day: only ok rules, between rules, limited rules after the final session and care items may be open-ended"),
            ));
        }
        Ok((from_day, to_day))
    }
}

impl Check<'_> {
    /// One `[[warning]]`; `taken` are the ids of the warnings before it.
    fn warning(&self, w: RawWarning, taken: &[RedFlag]) -> Result<RedFlag, Error> {
        let id = w.id.get_ref().clone();
        if !is_id(&id, '-') || id.len() > 64 {
            return Err(self.err(
                w.id.span(),
                "id",
                format!(
                    "{id:?} is not a valid warning id (use lowercase letters, digits and hyphens)"
                ),
            ));
        }
        if taken.iter().any(|other| other.id == id) {
            return Err(self.err(
                w.id.span(),
                "id",
                format!("warning id {id:?} is used twice"),
            ));
        }
        let symptom: Symptom = w
            .symptom
            .get_ref()
            .parse()
            .map_err(|e: String| self.err(w.symptom.span(), "symptom", e))?;
        let level = Level::warning_level(w.level.get_ref())
            .map_err(|e| self.err(w.level.span(), "level", e))?;
        let before_session = w.before_session.as_ref().is_some_and(|b| *b.get_ref());
        let days = if before_session {
            if let Some((field, v)) = [("from_day", &w.from_day), ("to_day", &w.to_day)]
                .into_iter()
                .find_map(|(field, v)| v.as_ref().map(|v| (field, v)))
            {
                return Err(self.err(
                    v.span(),
                    field,
                    "a before_session warning holds until the next booked session: leave out from_day and to_day",
                ));
            }
            RedFlagDays::BeforeSession
        } else {
            let (from_day, to_day) = self.day_range(&w.from_day, &w.to_day)?;
            RedFlagDays::AfterSession { from_day, to_day }
        };
        let meaning = self.text(&w.meaning, "meaning")?;
        let note = self.text(&w.note, "note")?;
        Ok(RedFlag {
            id,
            symptom,
            level,
            days,
            meaning,
            note,
        })
    }
}

/// `U+000D`.
/// "en or es".
fn lang_tags() -> String {
    let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    match tags.split_last() {
        Some((last, head)) if !head.is_empty() => format!("{} or {last}", head.join(", ")),
        _ => tags.concat(),
    }
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

fn is_id(s: &str, extra: char) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
        && s.starts_with(|c: char| c.is_ascii_lowercase())
}

pub(super) fn validate(
    source_name: &str,
    text: &str,
    raw: RawProtocol,
    want: Option<Lang>,
) -> Result<Protocol, Error> {
    let mut check = Check {
        source_name,
        text,
        default: Lang::En,
        want: Lang::En,
    };
    if let Some(tag) = &raw.lang {
        check.default = Lang::ALL
            .into_iter()
            .find(|l| l.tag() == tag.get_ref())
            .ok_or_else(|| {
                check.err(
                    tag.span(),
                    "lang",
                    format!(
                        "unknown language {:?} (expected {})",
                        tag.get_ref(),
                        lang_tags()
                    ),
                )
            })?;
    }
    check.want = want.unwrap_or(check.default);

    if *raw.format.get_ref() != 1 {
        return Err(check.err(
            raw.format.span(),
            "format",
            format!(
                "unsupported format {} (this version reads format 1)",
                raw.format.get_ref()
            ),
        ));
    }
    let id = raw.id.get_ref().clone();
    if !is_id(&id, '-') || id.len() > 64 {
        return Err(check.err(
            raw.id.span(),
            "id",
            format!("{id:?} is not a valid id (use lowercase letters, digits and hyphens)"),
        ));
    }
    let name = check.text(&raw.name, "name")?;
    let summary = check.text(&raw.summary, "summary")?;

    let s = raw.sessions.get_ref();
    let max = check.number(&s.max, "sessions.max", 1..MAX_PLANNED + 1)?;
    let min = check.number(&s.min, "sessions.min", 1..max + 1)?;
    let usual = check.number(&s.usual, "sessions.usual", min..max + 1)?;
    let min_gap_days = s
        .min_gap_days
        .as_ref()
        .map(|v| check.number(v, "sessions.min_gap_days", 1..MAX_DAY + 1))
        .transpose()?;
    let max_gap_days = match &s.max_gap_days {
        Some(v) => Some(check.number(
            v,
            "sessions.max_gap_days",
            min_gap_days.unwrap_or(1)..MAX_DAY + 1,
        )?),
        None => None,
    };

    let (healed_after_days, touch_up_after_years) = match &raw.after_final {
        Some(a) => (
            a.healed_after_days
                .as_ref()
                .map(|v| check.number(v, "after_final.healed_after_days", 1..MAX_DAY + 1))
                .transpose()?,
            a.touch_up_after_years
                .as_ref()
                .map(|v| check.number(v, "after_final.touch_up_after_years", 1..21))
                .transpose()?,
        ),
        None => (None, None),
    };

    if raw.rule.is_empty() {
        return Err(Error::protocol(
            source_name,
            None,
            Some("rule"),
            "the protocol has no [[rule]] entries",
        ));
    }
    let mut rules = Vec::with_capacity(raw.rule.len());
    for spanned in raw.rule {
        let r = spanned.into_inner();
        let activity: Activity =
            r.activity
                .get_ref()
                .parse()
                .map_err(|e: crate::activity::UnknownActivity| {
                    check.err(r.activity.span(), "activity", e.to_string())
                })?;
        let status: Allowance = r
            .status
            .get_ref()
            .parse()
            .map_err(|e: String| check.err(r.status.span(), "status", e))?;
        let note = check.text(&r.note, "note")?;
        let window = check.window(
            RawWindow {
                scope: r.scope,
                from_day: r.from_day,
                to_day: r.to_day,
                days_before: r.days_before,
                session_day: r.session_day,
            },
            Some(status),
        )?;
        rules.push(Rule {
            activity,
            status,
            window,
            note,
        });
    }

    if let Some(extra) = raw.care.get(MAX_CARE_ITEMS) {
        return Err(Error::protocol(
            source_name,
            Some(line_of(text, extra.span().start)),
            Some("care"),
            format!("a protocol may have at most {MAX_CARE_ITEMS} care items"),
        ));
    }
    let mut care: Vec<CareItem> = Vec::with_capacity(raw.care.len());
    for spanned in raw.care {
        let c = spanned.into_inner();
        let id = c.id.get_ref().clone();
        if !is_id(&id, '_') {
            return Err(check.err(
                c.id.span(),
                "id",
                format!(
                    "{id:?} is not a valid care id (use lowercase letters, digits and underscores)"
                ),
            ));
        }
        if care.iter().any(|other| other.id == id) {
            return Err(check.err(c.id.span(), "id", format!("care id {id:?} is used twice")));
        }
        let label = check.text(&c.label, "label")?;
        let note = c.note.as_ref().map(|n| check.text(n, "note")).transpose()?;
        let activity = c
            .activity
            .as_ref()
            .map(|a| {
                a.get_ref()
                    .parse::<Activity>()
                    .map_err(|e: crate::activity::UnknownActivity| {
                        check.err(a.span(), "activity", e.to_string())
                    })
            })
            .transpose()?;
        let repeat = check.repeat(c.times_per_day.as_ref(), c.repeat.as_ref())?;
        let window = check.window(
            RawWindow {
                scope: c.scope,
                from_day: c.from_day,
                to_day: c.to_day,
                days_before: c.days_before,
                session_day: c.session_day,
            },
            None,
        )?;
        care.push(CareItem {
            id,
            activity,
            label,
            note,
            window,
            repeat,
        });
    }

    let mut advice: Vec<Advice> = Vec::with_capacity(raw.advice.len());
    for spanned in raw.advice {
        let a = spanned.into_inner();
        let topic: Topic = a
            .topic
            .get_ref()
            .parse()
            .map_err(|e: String| check.err(a.topic.span(), "topic", e))?;
        if advice.iter().any(|other| other.topic == topic) {
            return Err(check.err(
                a.topic.span(),
                "topic",
                format!("advice on {:?} is given twice", topic.id()),
            ));
        }
        let note = check.text(&a.note, "note")?;
        advice.push(Advice { topic, note });
    }

    let mut red_flags: Vec<RedFlag> = Vec::with_capacity(raw.warning.len());
    for spanned in raw.warning {
        let flag = check.warning(spanned.into_inner(), &red_flags)?;
        red_flags.push(flag);
    }

    let restrictions_over_day = rules
        .iter()
        .filter(|r| r.status > Allowance::Ok)
        .filter_map(|r| match r.window {
            Window::AfterEach { to_day, .. } | Window::AfterFinal { to_day, .. } => to_day,
            _ => None,
        })
        .max()
        .map(|last| last + 1);
    let healed_day = healed_after_days.map(|d| (d + 1).max(restrictions_over_day.unwrap_or(0)));

    Ok(Protocol {
        id,
        name,
        summary,
        healed_day,
        restrictions_over_day,
        sessions: SessionSpec {
            usual,
            min,
            max,
            min_gap_days,
            max_gap_days,
        },
        healed_after_days,
        touch_up_after_years,
        activities: Activity::ALL
            .into_iter()
            .filter(|a| rules.iter().any(|r: &Rule| r.activity == *a))
            .collect(),
        rules: rules.into(),
        care: care.into(),
        advice: advice.into(),
        red_flags: red_flags.into(),
        lang: check.default,
        text_lang: check.want,
        source: Arc::new(Source {
            name: source_name.to_string(),
            text: text.to_string(),
        }),
        worded: Arc::default(),
        in_langs: Arc::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::MAX_PROTOCOL_BYTES;

    const HEAD: &str = "format = 1\nid = \"t\"\nname = \"T\"\nsummary = \"S\"\n[sessions]\nusual = 2\nmin = 1\nmax = 3\n";

    fn parse(rest: &str) -> Result<Protocol, Error> {
        Protocol::from_toml("t.toml", &format!("{HEAD}{rest}"))
    }

    fn err(rest: &str) -> String {
        parse(rest).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_scope() {
        let p = parse(
            "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n\
             [[rule]]\nactivity = \"swim\"\nstatus = \"avoid\"\nscope = \"between\"\nnote = \"n\"\n\
             [[rule]]\nactivity = \"sun\"\nstatus = \"limited\"\nscope = \"after_final\"\nfrom_day = 2\nto_day = 30\nnote = \"n\"\n\
             [[rule]]\nactivity = \"alcohol\"\nstatus = \"avoid\"\nscope = \"before_each\"\ndays_before = 1\nsession_day = true\nnote = \"n\"\n",
        )
        .unwrap();
        let windows: Vec<Window> = p.rules().iter().map(|r| r.window).collect();
        assert_eq!(
            windows,
            vec![
                Window::AfterEach {
                    from_day: 1,
                    to_day: Some(5)
                },
                Window::Between {
                    from_day: 1,
                    to_day: None
                },
                Window::AfterFinal {
                    from_day: 2,
                    to_day: Some(30)
                },
                Window::BeforeEach {
                    days_before: 1,
                    session_day: true
                },
            ]
        );
    }

    #[test]
    fn unknown_activity_names_line_and_field() {
        assert_eq!(
            err(
                "[[rule]]\nactivity = \"swimm\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n"
            ),
            "t.toml: line 10, field \"activity\": unknown activity \"swimm\" (expected one of: wash, wet, rinse, \
             shave, haircut, moisturise, exercise, sweat, swim, sauna, sun, sunbed, woolly_hat, hair_colour, bath, \
             alcohol, stimulants, aspirin)"
        );
    }

    #[test]
    fn to_day_before_from_day() {
        assert_eq!(
            err(
                "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nfrom_day = 5\nto_day = 3\nnote = \"n\"\n"
            ),
            "t.toml: line 14, field \"to_day\": 3 is before from_day 5"
        );
    }

    #[test]
    fn open_ended_avoid_is_refused() {
        assert_eq!(
            err(
                "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nnote = \"n\"\n"
            ),
            "t.toml: line 12, field \"to_day\": an avoid rule in after_each needs to_day: only ok rules, \
             between rules, limited rules after the final session and care items may be open-ended"
        );
    }

    #[test]
    fn before_each_refuses_day_numbers() {
        assert_eq!(
            err(
                "[[rule]]\nactivity = \"sun\"\nstatus = \"avoid\"\nscope = \"before_each\"\nfrom_day = 3\nnote = \"n\"\n"
            ),
            "t.toml: line 13, field \"from_day\": before_each counts days before the session: use days_before \
             (and session_day), not from_day/to_day"
        );
    }

    #[test]
    fn syntax_error_names_the_line() {
        assert_eq!(
            err("[[rule]]\nactivity = \"wash\nstatus = \"avoid\"\n"),
            "t.toml: line 10: invalid basic string, expected `\"`"
        );
    }

    #[test]
    fn unknown_field_names_the_line() {
        let msg = err(
            "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\ncolour = 1\n",
        );
        assert!(
            msg.starts_with(
                "t.toml: line 15, field \"colour\": unknown field `colour`, expected one of"
            ),
            "{msg}"
        );
    }

    #[test]
    fn missing_field_names_the_field_and_its_table() {
        assert_eq!(
            err(
                "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\n"
            ),
            "t.toml: line 9, field \"note\": missing field `note`"
        );
    }

    #[test]
    fn missing_rules() {
        assert_eq!(
            err(""),
            "t.toml, field \"rule\": the protocol has no [[rule]] entries"
        );
    }

    #[test]
    fn usual_outside_min_max() {
        let text = HEAD.replace("usual = 2", "usual = 5");
        let e = Protocol::from_toml("t.toml", &text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "t.toml: line 6, field \"sessions.usual\": 5 is out of range (expected 1 to 3)"
        );
    }

    #[test]
    fn oversized_file_is_refused() {
        let text = "#".repeat(MAX_PROTOCOL_BYTES + 1);
        let e = Protocol::from_toml("big.toml", &text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "big.toml: the file is 65537 bytes; a protocol file may be at most 65536 bytes"
        );
    }

    #[test]
    fn duplicate_care_id() {
        let care = "[[care]]\nid = \"spf\"\nlabel = \"Use sun cream\"\nscope = \"after_each\"\nfrom_day = 5\n";
        let rule = "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n";
        let e = err(&format!("{rule}{care}{care}"));
        assert_eq!(
            e,
            "t.toml: line 21, field \"id\": care id \"spf\" is used twice"
        );
    }

    #[test]
    fn advice_is_read_once_per_known_topic() {
        let rule = "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\nnote = \"n\"\n";
        let redness = "[[advice]]\ntopic = \"redness\"\nnote = \"a day of redness is normal\"\n";
        let p = parse(&format!("{rule}{redness}")).unwrap();
        assert_eq!(
            p.advice(),
            [Advice {
                topic: Topic::Redness,
                note: "a day of redness is normal".into()
            }]
        );
        assert_eq!(
            err(&format!("{rule}{redness}{redness}")),
            "t.toml: line 19, field \"topic\": advice on \"redness\" is given twice"
        );
        assert_eq!(
            err(&format!(
                "{rule}[[advice]]\ntopic = \"headache\"\nnote = \"n\"\n"
            )),
            "t.toml: line 16, field \"topic\": unknown topic \"headache\" (expected one of: \
             pain_relief, caps, redness, itching, scabs, swelling, soreness)"
        );
        assert_eq!(
            err(&format!(
                "{rule}[[advice]]\ntopic = \"scabs\"\nnote = \" \"\n"
            )),
            "t.toml: line 17, field \"note\": must not be empty"
        );
        assert_eq!(
            err(&format!("{rule}[[advice]]\ntopic = \"scabs\"\n")),
            "t.toml: line 15, field \"note\": missing field `note`"
        );
    }

    const RULE: &str =
        "[[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 5\n";

    /// The error for a protocol whose `field` (`name`, `summary`, a rule's
    /// `note` on line 14 or a care item's `label` on line 17) is `value`,
    /// as written between TOML quotes.
    fn text_err(field: &str, value: &str) -> String {
        let toml = format!("{field} = \"{value}\"");
        let source = match field {
            "name" => format!(
                "{}{RULE}note = \"n\"\n",
                HEAD.replace("name = \"T\"", &toml)
            ),
            "summary" => format!(
                "{}{RULE}note = \"n\"\n",
                HEAD.replace("summary = \"S\"", &toml)
            ),
            "note" => format!("{HEAD}{RULE}{toml}\n"),
            _ => format!(
                "{HEAD}{RULE}note = \"n\"\n[[care]]\nid = \"c\"\n{toml}\nscope = \"between\"\n"
            ),
        };
        Protocol::from_toml("t.toml", &source)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn texts_by_language_fall_back_to_the_default_field_by_field() {
        let p = parse(&format!(
            "{RULE}note.en = \"keep it dry\"\nnote.es = \"mantenlo seco\"\n\
             [[care]]\nid = \"c\"\nlabel = \"Sun cream\"\nscope = \"between\"\n"
        ))
        .unwrap();
        assert_eq!((p.lang(), p.text_lang()), (Lang::En, Lang::En));
        assert_eq!(p.rules()[0].note, "keep it dry");
        let es = p.in_lang(Lang::Es);
        assert_eq!(es.text_lang(), Lang::Es);
        assert_eq!(es.rules()[0].note, "mantenlo seco");
        assert_eq!(es.care()[0].label, "Sun cream");
        assert_eq!(es.name(), "T");
        assert_eq!(es.in_lang(Lang::En), p);
    }

    #[test]
    fn a_single_language_file_reads_the_same_in_every_language() {
        let p = parse(&format!("{RULE}note = \"keep it dry\"\n")).unwrap();
        let es = p.in_lang(Lang::Es);
        assert_eq!(es.rules(), p.rules());
        assert_eq!((es.name(), es.summary()), (p.name(), p.summary()));
    }

    #[test]
    fn the_default_language_is_the_files_lang() {
        let text = format!(
            "lang = \"es\"\n{HEAD}{RULE}note.es = \"mantenlo seco\"\nnote.en = \"keep it dry\"\n"
        );
        let p = Protocol::from_toml("t.toml", &text).unwrap();
        assert_eq!(p.lang(), Lang::Es);
        assert_eq!(p.rules()[0].note, "mantenlo seco");
        assert_eq!(p.in_lang(Lang::En).rules()[0].note, "keep it dry");
    }

    #[test]
    fn texts_by_language_errors_name_line_and_field() {
        assert_eq!(
            err(&format!(
                "{RULE}note.en = \"keep it dry\"\nnote.fr = \"au sec\"\n"
            )),
            "t.toml: line 15, field \"note.fr\": unknown language \"fr\" (expected en or es)"
        );
        assert_eq!(
            err(&format!("{RULE}note.es = \"mantenlo seco\"\n")),
            "t.toml: line 14, field \"note\": has no text in the protocol's language; add note.en"
        );
        assert_eq!(
            err(&format!(
                "{RULE}note.en = \"keep it dry\"\nnote.es = \"\"\n"
            )),
            "t.toml: line 15, field \"note.es\": must not be empty"
        );
        assert_eq!(
            Protocol::from_toml(
                "t.toml",
                &format!("lang = \"de\"\n{HEAD}{RULE}note = \"n\"\n")
            )
            .unwrap_err()
            .to_string(),
            "t.toml: line 1, field \"lang\": unknown language \"de\" (expected en or es)"
        );
    }

    #[test]
    fn control_characters_are_refused_naming_line_and_field() {
        // A bare CR would end an iCalendar line: "SUMMARY:" could follow.
        assert_eq!(
            text_err("name", "Clinic\\rSUMMARY:Free"),
            "t.toml: line 3, field \"name\": contains the control character U+000D; write one line of plain text"
        );
        assert_eq!(
            text_err("note", "no\\u0000shampoo"),
            "t.toml: line 14, field \"note\": contains the control character U+0000; write one line of plain text"
        );
        assert_eq!(
            text_err("label", "\\u001B[31mMoisturise"),
            "t.toml: line 17, field \"label\": contains the control character U+001B; write one line of plain text"
        );
        // Trimmed ends count too, and so do line breaks and tabs.
        assert_eq!(
            text_err("summary", "Two sessions.\\n"),
            "t.toml: line 4, field \"summary\": contains the control character U+000A; write one line of plain text"
        );
        assert_eq!(
            text_err("note", "a\\tb"),
            "t.toml: line 14, field \"note\": contains the control character U+0009; write one line of plain text"
        );
    }

    #[test]
    fn bidi_controls_are_refused() {
        assert_eq!(
            text_err("summary", "Dry for \\u202E5 days"),
            "t.toml: line 4, field \"summary\": contains the bidirectional control U+202E, which reorders the text around it"
        );
        assert_eq!(
            text_err("note", "\\u2066keep dry\\u2069"),
            "t.toml: line 14, field \"note\": contains the bidirectional control U+2066, which reorders the text around it"
        );
        // Marks cannot reorder anything: mixed-direction text stays possible.
        let mark = format!("{HEAD}{RULE}note = \"keep dry \\u200F\"\n");
        assert!(Protocol::from_toml("t.toml", &mark).is_ok());
    }

    #[test]
    fn invisible_only_text_is_refused() {
        assert_eq!(
            text_err("note", "\\u200B\\u00A0\\u2060"),
            "t.toml: line 14, field \"note\": has no visible characters (only invisible ones such as U+200B)"
        );
        assert_eq!(
            text_err("label", "\\uFEFF"),
            "t.toml: line 17, field \"label\": has no visible characters (only invisible ones such as U+200B)"
        );
        // Plain whitespace keeps its own message.
        assert_eq!(
            text_err("name", "  "),
            "t.toml: line 3, field \"name\": must not be empty"
        );
    }

    #[test]
    fn texts_are_at_most_200_characters() {
        let ok = format!("{HEAD}{RULE}note = \"{}\"\n", "é".repeat(MAX_TEXT_CHARS));
        assert_eq!(
            Protocol::from_toml("t.toml", &ok).unwrap().rules()[0]
                .note
                .chars()
                .count(),
            200
        );
        assert_eq!(
            text_err("note", &"é".repeat(MAX_TEXT_CHARS + 1)),
            "t.toml: line 14, field \"note\": is 201 characters long; at most 200 are allowed"
        );
    }

    /// A protocol with one care item (line 15 on) whose extra lines are
    /// `extra` (from line 19).
    fn care_with(extra: &str) -> Result<Protocol, Error> {
        Protocol::from_toml(
            "t.toml",
            &format!(
                "{HEAD}{RULE}note = \"n\"\n[[care]]\nid = \"moisturise\"\nlabel = \"Moisturise\"\nscope = \"between\"\n{extra}"
            ),
        )
    }

    fn care_err(extra: &str) -> String {
        care_with(extra).unwrap_err().to_string()
    }

    #[test]
    fn times_per_day_and_repeat_are_read() {
        let repeat = |extra: &str| care_with(extra).unwrap().care()[0].repeat;
        assert_eq!(
            repeat("times_per_day = { min = 2, max = 3 }\n"),
            Some(Repeat::Times {
                min: 2,
                max: Some(3)
            })
        );
        assert_eq!(
            repeat("times_per_day = { min = 1 }\n"),
            Some(Repeat::Times { min: 1, max: None })
        );
        assert_eq!(repeat("repeat = true\n"), Some(Repeat::AsNeeded));
        assert_eq!(repeat("repeat = false\n"), None);
        assert_eq!(repeat(""), None);
    }

    #[test]
    fn times_per_day_errors_name_line_and_field() {
        assert_eq!(
            care_err("times_per_day = { min = 0, max = 3 }\n"),
            "t.toml: line 19, field \"times_per_day.min\": 0 is out of range (expected 1 to 12)"
        );
        assert_eq!(
            care_err("\ntimes_per_day = { min = 2, max = 13 }\n"),
            "t.toml: line 20, field \"times_per_day.max\": 13 is out of range (expected 1 to 12)"
        );
        assert_eq!(
            care_err("times_per_day = { min = 3, max = 2 }\n"),
            "t.toml: line 19, field \"times_per_day.max\": 2 is less than min 3"
        );
        assert_eq!(
            care_err("times_per_day = { min = 2, max = 3 }\nrepeat = true\n"),
            "t.toml: line 20, field \"repeat\": give either times_per_day or repeat = true, not both"
        );
        assert_eq!(
            care_err("times_per_day = { min = 2, most = 3 }\n"),
            "t.toml: line 19, field \"most\": unknown field `most`, expected `min` or `max`"
        );
        assert_eq!(
            care_err("times_per_day = 2\n"),
            "t.toml: line 19: invalid type: integer `2`, expected a table such as { min = 2, max = 3 }"
        );
    }
}
