//! The file as serde sees it. Every value the engine validates itself is
//! `Spanned`, so an error can point at its line.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use toml::Spanned;

/// A text shown to the client: one string in the protocol's language, or a
/// table by language tag written with dotted keys (`note.en = "…"`,
/// `note.es = "…"`), each value keeping its position.
pub(crate) enum RawText {
    One(String),
    ByLang(Vec<(String, Spanned<String>)>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or one string per language such as note.en = \"…\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::One(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawText, E> {
                Ok(RawText::One(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut out = Vec::new();
                while let Some(tag) = map.next_key::<String>()? {
                    out.push((tag, map.next_value::<Spanned<String>>()?));
                }
                Ok(RawText::ByLang(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProtocol {
    pub(super) format: Spanned<i64>,
    /// The language of the texts written as plain strings, and the one a
    /// text by language must hold (`en` when left out).
    #[serde(default)]
    pub(super) lang: Option<Spanned<String>>,
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<RawText>,
    pub(super) summary: Spanned<RawText>,
    pub(super) sessions: Spanned<RawSessions>,
    #[serde(default)]
    pub(super) after_final: Option<RawAfterFinal>,
    #[serde(default)]
    pub(super) rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub(super) care: Vec<Spanned<RawCare>>,
    #[serde(default)]
    pub(super) advice: Vec<Spanned<RawAdvice>>,
    /// `[[warning]]`: read into [`crate::RedFlag`]s.
    #[serde(default)]
    pub(super) warning: Vec<Spanned<RawWarning>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWarning {
    pub(super) id: Spanned<String>,
    pub(super) symptom: Spanned<String>,
    pub(super) level: Spanned<String>,
    pub(super) from_day: Option<Spanned<i64>>,
    pub(super) to_day: Option<Spanned<i64>>,
    pub(super) before_session: Option<Spanned<bool>>,
    pub(super) meaning: Spanned<RawText>,
    pub(super) note: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAdvice {
    pub(super) topic: Spanned<String>,
    pub(super) note: Spanned<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSessions {
    pub(super) usual: Spanned<i64>,
    pub(super) min: Spanned<i64>,
    pub(super) max: Spanned<i64>,
    pub(super) min_gap_days: Option<Spanned<i64>>,
    pub(super) max_gap_days: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAfterFinal {
    pub(super) healed_after_days: Option<Spanned<i64>>,
    pub(super) touch_up_after_years: Option<Spanned<i64>>,
}

/// The day fields shared by rules and care items.
pub(super) struct RawWindow {
    pub(super) scope: Spanned<String>,
    pub(super) from_day: Option<Spanned<i64>>,
    pub(super) to_day: Option<Spanned<i64>>,
    pub(super) days_before: Option<Spanned<i64>>,
    pub(super) session_day: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) activity: Spanned<String>,
    pub(super) status: Spanned<String>,
    pub(super) note: Spanned<RawText>,
    pub(super) scope: Spanned<String>,
    pub(super) from_day: Option<Spanned<i64>>,
    pub(super) to_day: Option<Spanned<i64>>,
    pub(super) days_before: Option<Spanned<i64>>,
    pub(super) session_day: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCare {
    pub(super) id: Spanned<String>,
    pub(super) label: Spanned<RawText>,
    pub(super) note: Option<Spanned<RawText>>,
    pub(super) activity: Option<Spanned<String>>,
    pub(super) times_per_day: Option<Spanned<RawTimes>>,
    pub(super) repeat: Option<Spanned<bool>>,
    pub(super) scope: Spanned<String>,
    pub(super) from_day: Option<Spanned<i64>>,
    pub(super) to_day: Option<Spanned<i64>>,
    pub(super) days_before: Option<Spanned<i64>>,
    pub(super) session_day: Option<Spanned<bool>>,
}

/// `times_per_day = { min = 2, max = 3 }` on a care item.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table such as { min = 2, max = 3 }"
)]
pub(super) struct RawTimes {
    pub(super) min: Spanned<i64>,
    pub(super) max: Option<Spanned<i64>>,
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// The field serde names in "missing field `note`" or "unknown field
/// `colour`, expected ...", so that structural errors carry their field too.
pub(crate) fn field_in(message: &str) -> Option<&str> {
    ["missing field `", "unknown field `"]
        .iter()
        .find_map(|lead| message.strip_prefix(lead))
        .and_then(|rest| rest.split('`').next())
}

/// toml's messages end with a newline and sometimes repeat the position;
/// keep the first line, which says what is wrong.
pub(crate) fn parse_message(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("the file could not be read")
        .trim()
        .to_string()
}
