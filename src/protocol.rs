//! Clinic protocols: the rules of one clinic, read from a TOML file.
//!
//! The file format is documented for clinics in `docs/protocol-format.md`.
//! Reading happens in two steps: serde turns the text into raw structs that
//! keep the position of every value, then [`validate`] checks what serde
//! cannot (day windows, statuses, ids) and reports the line and field of
//! whatever is wrong.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::activity::{Activity, Allowance};
use crate::error::{Error, MAX_PLANNED};

/// The largest protocol file the engine reads. Real protocols are a few
/// kilobytes; the limit keeps an imported file from holding anything else.
pub const MAX_PROTOCOL_BYTES: usize = 64 * 1024;

/// The most care items a protocol may have: the engine keeps a day's care
/// items as a 64-bit set. Real protocols have about ten.
pub const MAX_CARE_ITEMS: usize = 64;

/// The longest note, label or name, in characters: they are shown on a phone.
const MAX_TEXT_CHARS: usize = 200;

/// The last day number a rule may name: a year and a day covers every
/// clinic text while catching typos such as `to_day = 3000`.
const MAX_DAY: u32 = 366;

/// One clinic's aftercare protocol.
///
/// # Example
///
/// ```
/// use aftercare::Protocol;
///
/// let text = r#"
/// format = 1
/// id = "demo"
/// name = "Demo clinic"
/// summary = "Two sessions, five dry days."
///
/// [sessions]
/// usual = 2
/// min = 2
/// max = 3
///
/// [[rule]]
/// activity = "wash"
/// status = "avoid"
/// scope = "after_each"
/// from_day = 1
/// to_day = 5
/// note = "keep your scalp dry"
/// "#;
/// let protocol = Protocol::from_toml("demo.toml", text).unwrap();
/// assert_eq!(protocol.id(), "demo");
/// assert_eq!(protocol.rules().len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Protocol {
    id: String,
    name: String,
    summary: String,
    sessions: SessionSpec,
    #[serde(skip_serializing_if = "Option::is_none")]
    healed_after_days: Option<u32>,
    /// Derived: the day after the final session (day 1 = its day) from
    /// which the client counts as fully healed; see [`Protocol::healed_day`].
    healed_day: Option<u32>,
    /// Derived: see [`Protocol::restrictions_over_day`].
    restrictions_over_day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    touch_up_after_years: Option<u32>,
    rules: Vec<Rule>,
    care: Vec<CareItem>,
}

/// How many sessions a protocol expects and how far apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SessionSpec {
    /// The number most clients have.
    pub usual: u32,
    /// The fewest.
    pub min: u32,
    /// The most.
    pub max: u32,
    /// Fewest days from one session to the next, where the clinic says.
    pub min_gap_days: Option<u32>,
    /// Most days from one session to the next, where the clinic says.
    pub max_gap_days: Option<u32>,
}

/// When a rule or care item holds, relative to the sessions.
///
/// Day numbers count as clinics do: day 1 is the day of the treatment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "scope", rename_all = "snake_case")]
pub enum Window {
    /// Days `from_day..=to_day` after every session; `to_day: None` is open-ended.
    AfterEach {
        /// First day.
        from_day: u32,
        /// Last day, inclusive.
        to_day: Option<u32>,
    },
    /// From `from_day` after a session until the day before the next booked
    /// one (capped at `to_day`); open-ended while the next one is planned but
    /// not booked. Never after the final session.
    Between {
        /// First day.
        from_day: u32,
        /// Last day, inclusive, if earlier than the next session.
        to_day: Option<u32>,
    },
    /// Days after the final session only, on top of [`Window::AfterEach`].
    AfterFinal {
        /// First day.
        from_day: u32,
        /// Last day, inclusive.
        to_day: Option<u32>,
    },
    /// The `days_before` calendar days before each booked session, and the
    /// session's own day when `session_day` is set.
    BeforeEach {
        /// How many days before the session the window opens.
        days_before: u32,
        /// Whether the session's own day is included.
        session_day: bool,
    },
}

impl Window {
    /// The scope's id as written in files: `after_each`, `between`, ...
    pub fn scope(&self) -> &'static str {
        match self {
            Window::AfterEach { .. } => "after_each",
            Window::Between { .. } => "between",
            Window::AfterFinal { .. } => "after_final",
            Window::BeforeEach { .. } => "before_each",
        }
    }
}

/// What a protocol says about one activity in one window of days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rule {
    /// The activity concerned.
    pub activity: Activity,
    /// How far it is allowed during the window.
    pub status: Allowance,
    /// When the rule holds.
    #[serde(flatten)]
    pub window: Window,
    /// A short note; for `limited`, the condition ("foil shaver only").
    pub note: String,
}

/// Something to do, such as moisturising or sun cream, during a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CareItem {
    /// A `snake_case` id, unique within the protocol.
    pub id: String,
    /// A short imperative phrase: "Moisturise your scalp".
    pub label: String,
    /// A short detail: "2-3 times a day".
    pub note: Option<String>,
    /// The activity the item involves, if any. The item is only asked for
    /// on days that activity is not avoided: preparation for the next
    /// session may overlap the first days after the last one, and a client
    /// must never be told to moisturise while moisturiser is still off limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activity: Option<Activity>,
    /// When to do it.
    #[serde(flatten)]
    pub window: Window,
}

impl Protocol {
    /// Reads and validates a protocol from TOML text.
    ///
    /// `source_name` names the text in error messages (a path, usually).
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] naming the line and field of the first problem.
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// let text = "format = 1\nid = \"Bad Id\"\nname = \"N\"\nsummary = \"S\"\n\
    ///             [sessions]\nusual = 1\nmin = 1\nmax = 1\n";
    /// let err = Protocol::from_toml("x.toml", text).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "x.toml: line 2, field \"id\": \"Bad Id\" is not a valid id \
    ///      (use lowercase letters, digits and hyphens)",
    /// );
    /// ```
    pub fn from_toml(source_name: &str, text: &str) -> Result<Protocol, Error> {
        if text.len() > MAX_PROTOCOL_BYTES {
            return Err(Error::protocol(
                source_name,
                None,
                None,
                format!(
                    "the file is {} bytes; a protocol file may be at most {} bytes",
                    text.len(),
                    MAX_PROTOCOL_BYTES
                ),
            ));
        }
        let raw: RawProtocol = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| line_of(text, span.start));
            let message = parse_message(e.message());
            let field = field_in(&message).map(str::to_string);
            Error::protocol(source_name, line, field.as_deref(), message)
        })?;
        validate(source_name, text, raw)
    }

    /// The protocol's id, such as `four-to-thirty`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// One sentence for a picker.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Session count and spacing.
    pub fn sessions(&self) -> SessionSpec {
        self.sessions
    }

    /// Days after the final session at which the clinic calls the scalp
    /// fully healed, where it says.
    pub fn healed_after_days(&self) -> Option<u32> {
        self.healed_after_days
    }

    /// The day after the final session (day 1 = its day) on which every
    /// time-limited restriction that follows it is over; lasting advice is
    /// not counted. `None` when nothing is restricted after sessions.
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// // 002: "Avoid swimming/saunas and steam rooms for 28 days after your
    /// // final treatment" is the last restriction to end.
    /// assert_eq!(Protocol::builtin("four-day-dry")?.restrictions_over_day(), Some(29));
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn restrictions_over_day(&self) -> Option<u32> {
        self.restrictions_over_day
    }

    /// The day after the final session from which the client counts as fully
    /// healed, only where the clinic gives a healing time: the later of the
    /// clinic's figure and [`Protocol::restrictions_over_day`], so that every
    /// screen names the same day as the plan's [`Plan::healed_on`](crate::Plan::healed_on).
    ///
    /// ```
    /// use aftercare::Protocol;
    ///
    /// // 003: healed "three weeks after your final session" (day 22), but
    /// // swimming stays off to day 30: healed on day 31.
    /// let p = Protocol::builtin("four-to-thirty")?;
    /// assert_eq!((p.healed_after_days(), p.healed_day()), (Some(21), Some(31)));
    /// assert_eq!(Protocol::builtin("two-week-rest")?.healed_day(), None);
    /// # Ok::<(), aftercare::Error>(())
    /// ```
    pub fn healed_day(&self) -> Option<u32> {
        self.healed_day
    }

    /// Years after the final session at which a touch-up is due, where the
    /// clinic says (the earliest of its range).
    pub fn touch_up_after_years(&self) -> Option<u32> {
        self.touch_up_after_years
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The care items, in file order.
    pub fn care(&self) -> &[CareItem] {
        &self.care
    }

    /// The activities this protocol says anything about, in [`Activity::ALL`] order.
    pub fn activities(&self) -> Vec<Activity> {
        Activity::ALL
            .into_iter()
            .filter(|a| self.rules.iter().any(|r| r.activity == *a))
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Raw file structure, as serde sees it. Every value we validate ourselves is
// `Spanned`, so an error can point at its line.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProtocol {
    format: Spanned<i64>,
    id: Spanned<String>,
    name: Spanned<String>,
    summary: Spanned<String>,
    sessions: Spanned<RawSessions>,
    #[serde(default)]
    after_final: Option<RawAfterFinal>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    care: Vec<Spanned<RawCare>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSessions {
    usual: Spanned<i64>,
    min: Spanned<i64>,
    max: Spanned<i64>,
    min_gap_days: Option<Spanned<i64>>,
    max_gap_days: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAfterFinal {
    healed_after_days: Option<Spanned<i64>>,
    touch_up_after_years: Option<Spanned<i64>>,
}

/// The day fields shared by rules and care items.
struct RawWindow {
    scope: Spanned<String>,
    from_day: Option<Spanned<i64>>,
    to_day: Option<Spanned<i64>>,
    days_before: Option<Spanned<i64>>,
    session_day: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    activity: Spanned<String>,
    status: Spanned<String>,
    note: Spanned<String>,
    scope: Spanned<String>,
    from_day: Option<Spanned<i64>>,
    to_day: Option<Spanned<i64>>,
    days_before: Option<Spanned<i64>>,
    session_day: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCare {
    id: Spanned<String>,
    label: Spanned<String>,
    note: Option<Spanned<String>>,
    activity: Option<Spanned<String>>,
    scope: Spanned<String>,
    from_day: Option<Spanned<i64>>,
    to_day: Option<Spanned<i64>>,
    days_before: Option<Spanned<i64>>,
    session_day: Option<Spanned<bool>>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// The field serde names in "missing field `note`" or "unknown field
/// `colour`, expected ...", so that structural errors carry their field too.
fn field_in(message: &str) -> Option<&str> {
    ["missing field `", "unknown field `"]
        .iter()
        .find_map(|lead| message.strip_prefix(lead))
        .and_then(|rest| rest.split('`').next())
}

/// toml's messages end with a newline and sometimes repeat the position;
/// keep the first line, which says what is wrong.
fn parse_message(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("the file could not be read")
        .trim()
        .to_string()
}

/// Validation context: turns spans into lines for one source text.
struct Check<'a> {
    source_name: &'a str,
    text: &'a str,
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

    fn text(&self, value: &Spanned<String>, field: &str) -> Result<String, Error> {
        let s = value.get_ref().trim();
        if s.is_empty() {
            return Err(self.err(value.span(), field, "must not be empty"));
        }
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(self.err(
                value.span(),
                field,
                format!("is {chars} characters long; keep it under {MAX_TEXT_CHARS}"),
            ));
        }
        Ok(s.to_string())
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

    fn window(&self, raw: RawWindow, status: Option<Allowance>) -> Result<Window, Error> {
        let scope = raw.scope.get_ref().as_str();
        let day_scope = matches!(scope, "after_each" | "between" | "after_final");
        if scope == "before_each" {
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
            return Ok(Window::BeforeEach {
                days_before: days,
                session_day,
            });
        }
        if !day_scope {
            return Err(self.err(
                raw.scope.span(),
                "scope",
                format!(
                    "unknown scope \"{scope}\" (expected after_each, between, after_final or before_each)"
                ),
            ));
        }
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
        let from_day = match &raw.from_day {
            Some(v) => self.number(v, "from_day", 1..MAX_DAY + 1)?,
            None => 1,
        };
        let to_day = match &raw.to_day {
            Some(v) => {
                let to = self.number(v, "to_day", 1..MAX_DAY + 1)?;
                if to < from_day {
                    return Err(self.err(
                        v.span(),
                        "to_day",
                        format!("{to} is before from_day {from_day}"),
                    ));
                }
                Some(to)
            }
            None => None,
        };
        // An avoid rule that never ends after a session would forbid the
        // activity for good, which no clinic means; only `between` ends by
        // itself. A lasting condition is real, but only once the sessions
        // are over ("foil shaver only", "sun cream"): an open-ended limited
        // rule after each session would outlast the next session's own
        // windows for no reason.
        let lasting_condition = scope == "after_final" && status == Some(Allowance::Limited);
        if to_day.is_none()
            && scope != "between"
            && !lasting_condition
            && let Some(status @ (Allowance::Avoid | Allowance::Limited)) = status
        {
            return Err(self.err(
                raw.scope.span(),
                "to_day",
                format!("an {status} rule in {scope} needs to_day: only ok rules, between rules, limited rules after the final session and care items may be open-ended"),
            ));
        }
        Ok(match scope {
            "after_each" => Window::AfterEach { from_day, to_day },
            "between" => Window::Between { from_day, to_day },
            _ => Window::AfterFinal { from_day, to_day },
        })
    }
}

fn is_id(s: &str, extra: char) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == extra)
        && s.starts_with(|c: char| c.is_ascii_lowercase())
}

fn validate(source_name: &str, text: &str, raw: RawProtocol) -> Result<Protocol, Error> {
    let check = Check { source_name, text };

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
            format!("\"{id}\" is not a valid id (use lowercase letters, digits and hyphens)"),
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
                format!("\"{id}\" is not a valid care id (use lowercase letters, digits and underscores)"),
            ));
        }
        if care.iter().any(|other| other.id == id) {
            return Err(check.err(c.id.span(), "id", format!("care id \"{id}\" is used twice")));
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
        });
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
        rules,
        care,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
