//! Every sentence the engine and the CLI write, looked up by message id in
//! one Fluent file per language (`locales/<tag>/aftercare.ftl`, embedded at
//! build time and parsed once).
//!
//! Generated sentences are whole Fluent messages with arguments (day
//! numbers, activity lists, plurals through Fluent's plural selectors),
//! never English fragments glued together, so that each language orders
//! its own words. `tests/messages.rs` checks that every id exists in every
//! language, is used by the code, and has the same arguments everywhere;
//! at run time a missing message falls back to English, then to its id,
//! and never panics. See `docs/developer/i18n.md`.
//!
//! ```
//! use aftercare::Lang;
//! use aftercare::messages::{tr, Arg};
//!
//! let args = [("day", Arg::from(6u32)), ("session", Arg::from(2u32))];
//! assert_eq!(tr(Lang::En, "day-label-after", &args), "Day 6 after session 2");
//! assert_eq!(tr(Lang::Es, "day-label-after", &args), "Día 6 tras la sesión 2");
//! ```

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::lang::Lang;

/// The message file of each language, in [`Lang::ALL`] order.
pub const SOURCES: [(Lang, &str); Lang::ALL.len()] = [
    (Lang::En, include_str!("../locales/en/aftercare.ftl")),
    (Lang::Es, include_str!("../locales/es/aftercare.ftl")),
];

/// A value a message's placeable takes: a number (which also picks the
/// plural form) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// A count or a day number.
    Num(i64),
    /// A word, a list or a note.
    Text(Cow<'a, str>),
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(s: Cow<'a, str>) -> Self {
        Arg::Text(s)
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// A set of message files, one per language in [`Lang::ALL`] order,
/// parsed on first use and kept for the life of the program. The engine's
/// own texts are one ([`tr`] reads it); the app shell keeps its texts in
/// another, so that it needs no Fluent setup of its own.
///
/// ```
/// use aftercare::Lang;
/// use aftercare::messages::{Arg, Catalog};
///
/// static SHELL: Catalog = Catalog::new([
///     (Lang::En, "open = Open { $app }\n"),
///     (Lang::Es, "open = Abrir { $app }\n"),
/// ]);
///
/// let args = [("app", Arg::from("SMP Aftercare"))];
/// assert_eq!(SHELL.tr(Lang::Es, "open", &args), "Abrir SMP Aftercare");
/// assert_eq!(SHELL.tr_plain(Lang::Es, "missing"), "missing");
/// ```
pub struct Catalog {
    sources: [(Lang, &'static str); Lang::ALL.len()],
    bundles: OnceLock<Vec<FluentBundle<FluentResource>>>,
}

impl Catalog {
    /// A catalog of `sources`, the text of each language's Fluent file in
    /// [`Lang::ALL`] order (typically `include_str!`). Nothing is parsed
    /// until the first message is asked for.
    pub const fn new(sources: [(Lang, &'static str); Lang::ALL.len()]) -> Catalog {
        Catalog {
            sources,
            bundles: OnceLock::new(),
        }
    }

    fn bundle(&self, lang: Lang) -> Option<&FluentBundle<FluentResource>> {
        let bundles = self.bundles.get_or_init(|| {
            self.sources
                .iter()
                .map(|(lang, source)| {
                    let id = lang.tag().parse().unwrap_or_default();
                    let mut bundle = FluentBundle::new_concurrent(vec![id]);
                    // Outputs are plain text (notifications, a terminal,
                    // JSON): isolation marks would show as stray characters.
                    bundle.set_use_isolating(false);
                    // A file with syntax errors still yields the messages
                    // it could read (the test refuses the errors); the rest
                    // fall back to English.
                    let resource = FluentResource::try_new((*source).to_string())
                        .unwrap_or_else(|(partial, _)| partial);
                    // Duplicate ids keep the first; the test refuses them.
                    bundle.add_resource_overriding(resource);
                    bundle
                })
                .collect()
        });
        let i = self.sources.iter().position(|(l, _)| *l == lang)?;
        bundles.get(i)
    }

    /// The message `id` in `lang`, with its placeables filled from `args`.
    ///
    /// A message missing in `lang` is taken from English, and one missing
    /// there too is written as its id: a missing message is a bug the
    /// completeness test catches, never a reason to fail at run time.
    pub fn tr(&self, lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Text(s) => FluentValue::from(s.as_ref()),
            };
            fluent_args.set(*name, value);
        }
        for lang in [lang, Lang::En] {
            let Some(bundle) = self.bundle(lang) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            return text.into_owned();
        }
        id.to_string()
    }

    /// The message `id` in `lang`, for messages without placeables.
    pub fn tr_plain(&self, lang: Lang, id: &str) -> String {
        self.tr(lang, id, &[])
    }
}

/// The engine's and the CLI's messages.
static ENGINE: Catalog = Catalog::new(SOURCES);

/// The message `id` in `lang`, with its placeables filled from `args`.
///
/// A message missing in `lang` is taken from English, and one missing
/// there too is written as its id: a missing message is a bug the
/// completeness test catches, never a reason to fail at run time.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    ENGINE.tr(lang, id, args)
}

/// The message `id` in `lang`, for messages without placeables.
pub fn tr_plain(lang: Lang, id: &str) -> String {
    ENGINE.tr_plain(lang, id)
}

/// How [`list`] joins its last item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// "a, b and c" / "a, b y c".
    And,
    /// "a, b or c" / "a, b o c".
    Or,
    /// After a negation: "no a, b or c" / "nada de a, b ni c".
    Nor,
}

/// `items` as one phrase in `lang`, joined as `join` says. The joining
/// words come from the message files (`list-and`, `list-or`, `list-nor`,
/// `list-comma`).
///
/// ```
/// use aftercare::Lang;
/// use aftercare::messages::{Join, list};
///
/// assert_eq!(list(Lang::En, &["rinsing", "shaving", "sun"], Join::And), "rinsing, shaving and sun");
/// assert_eq!(list(Lang::Es, &["sol", "sauna"], Join::Or), "sol o sauna");
/// assert_eq!(list(Lang::Es, &["sol", "sauna"], Join::Nor), "sol ni sauna");
/// assert_eq!(list(Lang::Es, &["sol"], Join::Or), "sol");
/// assert_eq!(list(Lang::Es, &["agua", "hidratante"], Join::And), "agua e hidratante");
/// ```
pub fn list<S: AsRef<str>>(lang: Lang, items: &[S], join: Join) -> String {
    let Some((last, head)) = items.split_last() else {
        return String::new();
    };
    let Some((first, middle)) = head.split_first() else {
        return last.as_ref().to_string();
    };
    let mut head = first.as_ref().to_string();
    for item in middle {
        head = tr(
            lang,
            "list-comma",
            &[
                ("head", Arg::from(head)),
                ("last", Arg::from(item.as_ref())),
            ],
        );
    }
    tr(
        lang,
        match join {
            Join::And => "list-and",
            Join::Or => "list-or",
            Join::Nor => "list-nor",
        },
        &[
            ("head", Arg::from(head)),
            ("sound", Arg::from(first_sound(last.as_ref()))),
            ("last", Arg::from(last.as_ref())),
        ],
    )
}

/// "i" or "o" when `word` starts with that vowel sound ("hidratante",
/// "ojos"; not "hielo"), where Spanish writes "e" for "y" and "u" for "o".
fn first_sound(word: &str) -> &'static str {
    let lower = word.to_lowercase();
    let bare = lower.strip_prefix('h').unwrap_or(&lower);
    let mut chars = bare.chars();
    match (chars.next(), chars.next()) {
        (Some('i' | 'í'), Some('a' | 'e' | 'o' | 'u')) if lower.starts_with('h') => "other",
        (Some('i' | 'í'), _) => "i",
        (Some('o' | 'ó'), _) => "o",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(tr_plain(Lang::Es, "nothing"), "nothing");
    }

    #[test]
    fn numbers_are_written_plainly() {
        let args = [("day", Arg::from(1234u32)), ("session", Arg::from(1u32))];
        assert_eq!(
            tr(Lang::En, "day-label-after", &args),
            "Day 1234 after session 1"
        );
    }
}
