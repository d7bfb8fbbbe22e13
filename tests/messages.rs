//! The message files (`locales/<tag>/aftercare.ftl`) are complete: each
//! parses without errors, has the same ids as every other, uses the same
//! placeables in each id, and every id is used by the code (and every id
//! the code asks for exists). The rules are `aftercare::message_check`,
//! which the app's own messages share. See docs/developer/i18n.md.

use std::path::Path;

use aftercare::Lang;
use aftercare::message_check::check;
use aftercare::messages::SOURCES;

#[test]
fn every_language_has_a_file() {
    let langs: Vec<Lang> = SOURCES.iter().map(|(l, _)| *l).collect();
    assert_eq!(langs, Lang::ALL);
}

/// The Rust sources of the package (engine and CLI), by path; not the
/// check itself, whose examples ask made-up catalogs for made-up ids.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("message_check.rs")
        {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn every_id_is_in_every_language_used_and_every_used_id_exists() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let code: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let report = check(&SOURCES, &code);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert!(report.ids > 10, "only {} messages", report.ids);
    assert!(
        report.asked > 10,
        "only {} ids found in calls",
        report.asked
    );
}
