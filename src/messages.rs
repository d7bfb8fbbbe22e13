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
    bundles: OnceLock<Vec<Language>>,
}

/// One language of a [`Catalog`]: its Fluent bundle, and its messages
/// compiled for the fast path ([`fast`]).
struct Language {
    bundle: FluentBundle<FluentResource>,
    messages: rustc_hash::FxHashMap<&'static str, fast::Slot>,
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

    fn language(&self, lang: Lang) -> Option<&Language> {
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
                    Language {
                        bundle,
                        messages: fast::compile(source),
                    }
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
        for lang in [lang, Lang::En] {
            let Some(language) = self.language(lang) else {
                continue;
            };
            // Most messages are formatted here, without Fluent's resolver
            // (see `fast`); the rest, and any case the fast path does not
            // decide, go through Fluent and come out the same.
            if let Some(fast::Slot::Fast(pattern)) = language.messages.get(id)
                && let Some(text) = fast::format(pattern, args)
            {
                return text;
            }
            let bundle = &language.bundle;
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut fluent_args = FluentArgs::new();
            for (name, value) in args {
                let value = match value {
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Text(s) => FluentValue::from(s.as_ref()),
                };
                fluent_args.set(*name, value);
            }
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

/// A faster way to the same text as Fluent for the messages the engine
/// writes most: text, variables, and selections on a variable by text or
/// by exact number. Fluent's resolver builds its argument list, tracks
/// every placeable and writes every number through `f64` formatting; on a
/// four-session plan that was about half of the time to build the plan.
///
/// Each message is compiled once, when its language is first used, from
/// the same source and with the same parser as the bundle. Anything else
/// (message and term references, functions, literals, number keys with a
/// fraction, a plural category such as `[one]` met by a number, a missing
/// argument, numbers beyond 2^53) is left to Fluent, so the output is
/// Fluent's in every case: `tests/messages.rs` compares the two on every
/// message.
/// Numbers written without the formatter, also for the reminders' ids.
pub(crate) use fast::push_int;

mod fast {
    use fluent_syntax::ast;

    use rustc_hash::FxHashMap;

    use super::Arg;

    /// What the fast path knows of a message id.
    pub(super) enum Slot {
        /// Not a message with a value (a term of that name, or a message
        /// with attributes only): the id is missing in this language.
        Missing,
        /// Formatted by Fluent.
        Fluent,
        /// Formatted here.
        Fast(Vec<Part>),
    }

    /// A piece of a compiled pattern.
    pub(super) enum Part {
        Text(&'static str),
        Var(&'static str),
        Select {
            selector: &'static str,
            variants: Vec<(Key, Vec<Part>)>,
            default: usize,
        },
    }

    /// A variant's key.
    pub(super) enum Key {
        /// An identifier that is not a plural category: matches a text.
        Word(&'static str),
        /// A plural category (`one`, `other`...): matches a number by
        /// Fluent's plural rules, which only Fluent applies, and a text
        /// by equality.
        Plural(&'static str),
        /// An integer: matches that number.
        Int(i64),
    }

    /// Numbers up to this size print the same as integers and as `f64`.
    const EXACT: i64 = 1 << 53;

    /// Fluent stops at this many placeables in one message.
    const MAX_PLACEABLES: usize = 100;

    /// The messages of `source`, as the bundle reads them (later entries
    /// of one name replace earlier ones).
    pub(super) fn compile(source: &'static str) -> FxHashMap<&'static str, Slot> {
        let resource =
            fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(partial, _)| partial);
        let mut out = FxHashMap::default();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let slot = match &m.value {
                        None => Slot::Missing,
                        Some(value) => {
                            let mut placeables = 0;
                            match pattern(value, &mut placeables) {
                                Some(parts) if placeables <= MAX_PLACEABLES => Slot::Fast(parts),
                                _ => Slot::Fluent,
                            }
                        }
                    };
                    out.insert(m.id.name, slot);
                }
                ast::Entry::Term(t) => {
                    out.insert(t.id.name, Slot::Missing);
                }
                _ => {}
            }
        }
        out
    }

    fn pattern(p: &ast::Pattern<&'static str>, placeables: &mut usize) -> Option<Vec<Part>> {
        p.elements
            .iter()
            .map(|e| match e {
                ast::PatternElement::TextElement { value } => Some(Part::Text(value)),
                ast::PatternElement::Placeable { expression } => {
                    *placeables += 1;
                    expr(expression, placeables)
                }
            })
            .collect()
    }

    fn expr(e: &ast::Expression<&'static str>, placeables: &mut usize) -> Option<Part> {
        match e {
            ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                Some(Part::Var(id.name))
            }
            ast::Expression::Select {
                selector: ast::InlineExpression::VariableReference { id },
                variants,
            } => {
                let default = variants.iter().position(|v| v.default)?;
                let variants = variants
                    .iter()
                    .map(|v| Some((key(&v.key)?, pattern(&v.value, placeables)?)))
                    .collect::<Option<Vec<_>>>()?;
                Some(Part::Select {
                    selector: id.name,
                    variants,
                    default,
                })
            }
            _ => None,
        }
    }

    fn key(k: &ast::VariantKey<&'static str>) -> Option<Key> {
        match k {
            ast::VariantKey::Identifier { name } => Some(
                if matches!(*name, "zero" | "one" | "two" | "few" | "many" | "other") {
                    Key::Plural(name)
                } else {
                    Key::Word(name)
                },
            ),
            // Only plain integers: "1.0" is a number with a fraction digit
            // to Fluent, which no integer argument equals.
            ast::VariantKey::NumberLiteral { value } => {
                let digits = value.strip_prefix('-').unwrap_or(value);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let n: i64 = value.parse().ok()?;
                (n.abs() <= EXACT).then_some(Key::Int(n))
            }
        }
    }

    /// The message, or `None` where Fluent must decide.
    pub(super) fn format(parts: &[Part], args: &[(&str, Arg<'_>)]) -> Option<String> {
        // Most sentences fit; a longer one grows once.
        let mut out = String::with_capacity(128);
        write(parts, args, &mut out)?;
        Some(out)
    }

    /// An argument as Fluent sees it: the last of that name.
    fn arg<'a>(args: &'a [(&str, Arg<'a>)], name: &str) -> Option<&'a Arg<'a>> {
        args.iter().rev().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// `n` in decimal, as `Display` writes it, without the formatting
    /// machinery: day numbers and counts are in most messages.
    pub(crate) fn push_int(out: &mut String, n: i64) {
        if n < 0 {
            out.push('-');
        }
        let mut value = n.unsigned_abs();
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        for d in &digits[start..] {
            out.push(char::from(*d));
        }
    }

    fn write(parts: &[Part], args: &[(&str, Arg<'_>)], out: &mut String) -> Option<()> {
        for part in parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Var(name) => match arg(args, name)? {
                    Arg::Text(s) => out.push_str(s),
                    Arg::Num(n) if n.abs() <= EXACT => push_int(out, *n),
                    Arg::Num(_) => return None,
                },
                Part::Select {
                    selector,
                    variants,
                    default,
                } => {
                    let value = arg(args, selector)?;
                    let mut chosen = None;
                    for (i, (key, _)) in variants.iter().enumerate() {
                        let hit = match (key, value) {
                            (Key::Word(w) | Key::Plural(w), Arg::Text(s)) => *w == s.as_ref(),
                            (Key::Int(k), Arg::Num(n)) => k == n,
                            // A plural category against a number: Fluent's
                            // plural rules decide.
                            (Key::Plural(_), Arg::Num(_)) => return None,
                            (Key::Word(_), Arg::Num(_)) | (Key::Int(_), Arg::Text(_)) => false,
                        };
                        if hit {
                            chosen = Some(i);
                            break;
                        }
                    }
                    let (_, chosen) = variants.get(chosen.unwrap_or(*default))?;
                    write(chosen, args, out)?;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The variables a compiled pattern reads, with the texts its
    /// selections compare them with.
    fn variables(parts: &[fast::Part], out: &mut Vec<(&'static str, Vec<&'static str>)>) {
        fn note(
            out: &mut Vec<(&'static str, Vec<&'static str>)>,
            name: &'static str,
            key: Option<&'static str>,
        ) {
            let i = match out.iter().position(|(n, _)| *n == name) {
                Some(i) => i,
                None => {
                    out.push((name, Vec::new()));
                    out.len() - 1
                }
            };
            out[i].1.extend(key);
        }
        for part in parts {
            match part {
                fast::Part::Text(_) => {}
                fast::Part::Var(name) => note(out, name, None),
                fast::Part::Select {
                    selector, variants, ..
                } => {
                    for (key, value) in variants {
                        match key {
                            fast::Key::Word(w) | fast::Key::Plural(w) => {
                                note(out, selector, Some(w))
                            }
                            fast::Key::Int(_) => note(out, selector, None),
                        }
                        variables(value, out);
                    }
                }
            }
        }
    }

    #[test]
    fn the_fast_path_writes_what_fluent_writes() {
        let mut compared = 0;
        for (lang, _) in SOURCES {
            let Some(language) = ENGINE.language(lang) else {
                panic!("no bundle for {lang:?}");
            };
            for (id, slot) in &language.messages {
                let fast::Slot::Fast(parts) = slot else {
                    continue;
                };
                let mut vars = Vec::new();
                variables(parts, &mut vars);
                // Every combination of: each key as a text, numbers around
                // the usual plural boundaries, an unknown text.
                let candidates: Vec<Vec<Arg<'static>>> = vars
                    .iter()
                    .map(|(_, keys)| {
                        let mut c: Vec<Arg<'static>> = keys.iter().map(|k| Arg::from(*k)).collect();
                        c.extend([0i64, 1, 2, 3, 21, 1_000_000, -1, 1 << 60].map(Arg::Num));
                        c.push(Arg::from("zzz y"));
                        c
                    })
                    .collect();
                let mut index = vec![0usize; vars.len()];
                loop {
                    let mut args: Vec<(&str, Arg<'_>)> = vars
                        .iter()
                        .zip(&index)
                        .zip(&candidates)
                        .map(|(((name, _), i), c)| (*name, c[*i].clone()))
                        .collect();
                    // A missing argument, too.
                    if index.iter().all(|i| *i == 0) {
                        args.pop();
                    }
                    let bundle = &language.bundle;
                    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                        panic!("{id} compiled but not in the bundle");
                    };
                    let mut fluent_args = FluentArgs::new();
                    for (name, value) in &args {
                        let value = match value {
                            Arg::Num(n) => FluentValue::from(*n),
                            Arg::Text(s) => FluentValue::from(s.as_ref()),
                        };
                        fluent_args.set(*name, value);
                    }
                    let mut errors = Vec::new();
                    let want = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                    if let Some(got) = fast::format(parts, &args) {
                        assert_eq!(got, want, "{lang:?} {id} {args:?}");
                        compared += 1;
                    }
                    // Next combination.
                    let mut k = 0;
                    while k < index.len() {
                        index[k] += 1;
                        if index[k] < candidates[k].len() {
                            break;
                        }
                        index[k] = 0;
                        k += 1;
                    }
                    if k == index.len() {
                        break;
                    }
                }
            }
        }
        assert!(compared > 1000, "only {compared} texts compared");
    }

    #[test]
    fn most_messages_take_the_fast_path() {
        for (lang, _) in SOURCES {
            let Some(language) = ENGINE.language(lang) else {
                panic!("no bundle for {lang:?}");
            };
            let fast = language
                .messages
                .values()
                .filter(|s| matches!(s, fast::Slot::Fast(_)))
                .count();
            assert!(fast * 10 >= language.messages.len() * 9, "{lang:?}: {fast}");
        }
    }

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
