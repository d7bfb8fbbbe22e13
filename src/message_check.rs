//! The completeness check of a message catalog, shared by the engine's
//! test (`tests/messages.rs`) and the app shell's (its `messages` module),
//! so that every set of Fluent files is held to the same rules: each file
//! parses without errors and has no duplicate ids, terms or message
//! references; every language has the same ids with the same variables;
//! every id appears as a string literal in the code (unused ids fail);
//! and every hyphenated literal inside a `tr(` / `tr_plain(` call is an
//! id of the files (typos fail).
//!
//! It only reads the texts it is given (no I/O): the test reads its
//! sources and hands them over. See `docs/developer/i18n.md`.
//!
//! ```
//! use aftercare::Lang;
//! use aftercare::message_check::check;
//!
//! let files = [(Lang::En, "tray-quit = Quit\n"), (Lang::Es, "tray-quit = Salir\n")];
//! let code = [("tray.rs", r#"tr_plain(lang, "tray-quit")"#)];
//! let report = check(&files, &code);
//! assert_eq!(report.problems, Vec::<String>::new());
//! assert_eq!((report.ids, report.asked), (1, 1));
//!
//! let typo = [("tray.rs", r#"tr_plain(lang, "tray-qiut")"#)];
//! assert_eq!(
//!     check(&files, &typo).problems,
//!     [
//!         "ids no code uses: [\"tray-quit\"]",
//!         "tray.rs asks for \"tray-qiut\", which no file has"
//!     ]
//! );
//! ```

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

use crate::lang::Lang;

/// What [`check`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// How many ids the first (English) file has.
    pub ids: usize,
    /// How many ids the code's `tr(` / `tr_plain(` calls name.
    pub asked: usize,
    /// Everything wrong, one sentence each; empty when the catalog is
    /// complete.
    pub problems: Vec<String>,
}

/// Checks the Fluent `files` (one per language, English first) against
/// `code`, the text of each source file by its path.
pub fn check(files: &[(Lang, &str)], code: &[(&str, &str)]) -> Report {
    let mut report = Report::default();
    let all: Vec<(Lang, BTreeMap<String, BTreeSet<String>>)> = files
        .iter()
        .map(|(lang, source)| (*lang, messages(*lang, source, &mut report.problems)))
        .collect();
    let Some((en_lang, en)) = all.first() else {
        report.problems.push("no message files".to_string());
        return report;
    };
    if *en_lang != Lang::En {
        report
            .problems
            .push(format!("the first file is {}, not en", en_lang.tag()));
    }
    report.ids = en.len();
    for (lang, msgs) in &all[1..] {
        let missing: Vec<&String> = en.keys().filter(|k| !msgs.contains_key(*k)).collect();
        let extra: Vec<&String> = msgs.keys().filter(|k| !en.contains_key(*k)).collect();
        if !missing.is_empty() {
            report
                .problems
                .push(format!("{} lacks {missing:?}", lang.tag()));
        }
        if !extra.is_empty() {
            report
                .problems
                .push(format!("{} has ids English lacks: {extra:?}", lang.tag()));
        }
        for (id, vars) in en {
            if msgs.get(id).is_some_and(|v| v != vars) {
                report.problems.push(format!(
                    "{}: {id} uses other placeables than English",
                    lang.tag()
                ));
            }
        }
    }

    let mut literals = BTreeSet::new();
    for (_, text) in code {
        literals.extend(id_literals(text));
    }
    let unused: Vec<&String> = en
        .keys()
        .filter(|id| !literals.contains(id.as_str()))
        .collect();
    if !unused.is_empty() {
        report
            .problems
            .push(format!("ids no code uses: {unused:?}"));
    }
    for (path, text) in code {
        for call in calls(text) {
            for id in id_literals(call) {
                report.asked += 1;
                if !en.contains_key(id) {
                    report
                        .problems
                        .push(format!("{path} asks for {id:?}, which no file has"));
                }
            }
        }
    }
    report
}

/// Each message's id and the variables its value and variants use.
fn messages(
    lang: Lang,
    source: &str,
    problems: &mut Vec<String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let tag = lang.tag();
    let resource = match parser::parse(source) {
        Ok(r) => r,
        Err((r, errors)) => {
            problems.push(format!("{tag}: {errors:?}"));
            r
        }
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                match &m.value {
                    Some(value) => pattern_vars(value, &mut vars, problems),
                    None => problems.push(format!("{tag}: {} has no value", m.id.name)),
                }
                if out.insert(m.id.name.to_string(), vars).is_some() {
                    problems.push(format!("{tag}: {} is defined twice", m.id.name));
                }
            }
            Entry::Term(t) => {
                problems.push(format!("{tag}: term -{} (use messages only)", t.id.name))
            }
            Entry::Junk { content } => problems.push(format!("{tag}: junk {content:?}")),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>, problems: &mut Vec<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars, problems);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>, problems: &mut Vec<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars, problems),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars, problems);
            for v in variants {
                pattern_vars(&v.value, vars, problems);
            }
        }
    }
}

fn inline_vars(
    e: &InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    problems: &mut Vec<String>,
) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars, problems),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars, problems);
            }
        }
        InlineExpression::MessageReference { id, .. } => problems.push(format!(
            "message reference {} (write the words out)",
            id.name
        )),
        _ => {}
    }
}

/// The quoted literals in `text` that look like message ids (lowercase
/// words joined by hyphens).
fn id_literals(text: &str) -> Vec<&str> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            s.contains('-')
                && !s.starts_with('-')
                && !s.ends_with('-')
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .collect()
}

/// The text of each `tr(` and `tr_plain(` call's arguments: where the
/// code names a message.
fn calls(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for name in ["tr(", "tr_plain("] {
        for (start, _) in text.match_indices(name) {
            let before = text[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let args = &text[start + name.len()..];
            let mut depth = 1;
            let end = args
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(args.len(), |(i, _)| i);
            out.push(&args[..end]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_fault_is_named() {
        let files = [
            (
                Lang::En,
                "a-b = { $n } x\na-b = again\nc-d = { a-b }\n-term = t\n",
            ),
            (Lang::Es, "a-b = { $m } x\ne-f = y\n"),
        ];
        let report = check(&files, &[("x.rs", r#""a-b" "c-d""#)]);
        assert_eq!(
            report.problems,
            [
                "en: a-b is defined twice",
                "message reference a-b (write the words out)",
                "en: term -term (use messages only)",
                "es lacks [\"c-d\"]",
                "es has ids English lacks: [\"e-f\"]",
                "es: a-b uses other placeables than English",
            ]
        );
        assert_eq!(report.asked, 0);
    }
}
