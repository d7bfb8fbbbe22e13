//! The message files (`locales/<tag>/aftercare.ftl`) are complete: each
//! parses without errors, has the same ids as every other, uses the same
//! placeables in each id, and every id is used by the code (and every id
//! the code asks for exists). See docs/developer/i18n.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use aftercare::Lang;
use aftercare::messages::SOURCES;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;

/// Each message's id and the variables its value and variants use.
fn messages(lang: Lang, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("locales/{}/aftercare.ftl: {errors:?}", lang.tag()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .unwrap_or_else(|| panic!("{}: {} has no value", lang.tag(), m.id.name));
                pattern_vars(&value, &mut vars);
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{}: {} is defined twice",
                    lang.tag(),
                    m.id.name
                );
            }
            Entry::Term(t) => panic!("{}: term -{} (use messages only)", lang.tag(), t.id.name),
            Entry::Junk { content } => panic!("{}: junk {content:?}", lang.tag()),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        InlineExpression::MessageReference { id, .. } => {
            panic!("message reference {} (write the words out)", id.name)
        }
        _ => {}
    }
}

fn all() -> Vec<(Lang, BTreeMap<String, BTreeSet<String>>)> {
    SOURCES
        .iter()
        .map(|(lang, source)| (*lang, messages(*lang, source)))
        .collect()
}

#[test]
fn every_language_has_a_file() {
    let langs: Vec<Lang> = SOURCES.iter().map(|(l, _)| *l).collect();
    assert_eq!(langs, Lang::ALL);
}

#[test]
fn every_id_is_in_every_language_with_the_same_placeables() {
    let all = all();
    let (en_lang, en) = &all[0];
    assert_eq!(*en_lang, Lang::En);
    assert!(en.len() > 10, "only {} messages", en.len());
    for (lang, msgs) in &all[1..] {
        let missing: Vec<&String> = en.keys().filter(|k| !msgs.contains_key(*k)).collect();
        let extra: Vec<&String> = msgs.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        assert!(
            extra.is_empty(),
            "{} has ids English lacks: {extra:?}",
            lang.tag()
        );
        for (id, vars) in en {
            assert_eq!(
                &msgs[id],
                vars,
                "{}: {id} uses other placeables than English",
                lang.tag()
            );
        }
    }
}

/// The Rust sources of the package (engine and CLI).
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
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

/// The text of each `tr(`, `tr_plain(` and `list(` call's arguments:
/// where the code names a message.
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

#[test]
fn every_id_is_used_and_every_used_id_exists() {
    let en = &all()[0].1;
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut literals = BTreeSet::new();
    for (_, text) in &files {
        literals.extend(id_literals(text));
    }
    let unused: Vec<&String> = en
        .keys()
        .filter(|id| !literals.contains(id.as_str()))
        .collect();
    assert!(unused.is_empty(), "ids no code uses: {unused:?}");

    let mut asked = 0;
    for (path, text) in &files {
        for call in calls(text) {
            for id in id_literals(call) {
                asked += 1;
                assert!(
                    en.contains_key(id),
                    "{path} asks for {id:?}, which no file has"
                );
            }
        }
    }
    assert!(asked > 10, "only {asked} ids found in calls");
}
