//! The fuzzers' committed corpus (`fuzz/corpus/`), replayed on every
//! `cargo test` without AFL++: each protocol, plan file and link the fuzz
//! runs kept as reaching new code is read again, and the same checks as
//! the fuzz targets (`fuzz/src/lib.rs`) hold. A change that makes one of
//! them panic, or a hand-over stop reading back as itself, fails here
//! before anyone runs the fuzzer again. docs/reliability.md ("Fuzzing")
//! says how the corpus is made.

use std::fs;
use std::path::PathBuf;

use aftercare::{Lang, Plan, PlanFile, Protocol};
use chrono::{Days, NaiveDate};

/// The files of one target's corpus, sorted, with their contents.
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

/// What the app asks of an accepted protocol: its texts in each language,
/// the picker's key days, a plan's status on its first 60 days.
fn answers(protocol: &Protocol) {
    for lang in Lang::ALL {
        let _ = protocol.in_lang(lang).key_days();
    }
    let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    if let Ok(plan) = Plan::new(
        protocol.clone(),
        vec![first],
        None,
        chrono_tz::Europe::London,
    ) {
        for n in 0..60 {
            let _ = plan.status(first + Days::new(n));
        }
    }
}

/// An accepted hand-over writes back as a file and a link that read back
/// equal, and its plan builds.
fn round_trips(name: &str, file: &PlanFile) {
    let text = file.to_toml();
    let again = PlanFile::from_bytes("written.smpplan", text.as_bytes())
        .unwrap_or_else(|e| panic!("{name}: the written file is refused: {e}\n{text}"));
    assert_eq!(
        &again, file,
        "{name}: the written file reads back different"
    );
    if let Ok(link) = file.to_link() {
        let again = PlanFile::from_link(&link)
            .unwrap_or_else(|e| panic!("{name}: the written link is refused: {e}\n{link}"));
        assert_eq!(
            &again, file,
            "{name}: the written link reads back different"
        );
    }
    file.plan(chrono_tz::UTC)
        .unwrap_or_else(|e| panic!("{name}: the plan is refused: {e}"));
    answers(file.protocol.protocol());
}

#[test]
fn protocol_corpus_reads_without_panicking() {
    let files = corpus("protocol");
    let mut accepted = 0;
    for (_, bytes) in &files {
        match Protocol::from_bytes("corpus.toml", bytes) {
            Ok(protocol) => {
                accepted += 1;
                answers(&protocol);
            }
            Err(e) => {
                let _ = e.message_in(Lang::Es);
            }
        }
    }
    println!(
        "protocol corpus: {} files, {accepted} accepted",
        files.len()
    );
    // The seeds include the built-in protocols.
    assert!(
        accepted >= 4,
        "only {accepted} protocols of the corpus accepted"
    );
}

#[test]
fn plan_file_corpus_reads_back_as_itself() {
    let files = corpus("plan_file");
    let mut accepted = 0;
    for (name, bytes) in &files {
        if let Ok(file) = PlanFile::from_bytes(name, bytes) {
            accepted += 1;
            round_trips(name, &file);
        }
    }
    println!(
        "plan_file corpus: {} files, {accepted} accepted",
        files.len()
    );
    assert!(accepted >= 1, "no plan file of the corpus accepted");
}

#[test]
fn plan_link_corpus_reads_back_as_itself() {
    let files = corpus("plan_link");
    let mut accepted = 0;
    for (name, bytes) in &files {
        let Ok(link) = std::str::from_utf8(bytes) else {
            continue;
        };
        // As the target reads it: as found, and with its checksum
        // recomputed (most inputs were kept for what lies behind it).
        let mut readings = vec![link.to_string()];
        if let Some((head, _)) = link.trim().rsplit_once("&c=")
            && let Some((_, body)) = head.split_once('?')
        {
            readings.push(format!("{head}&c={:08x}", crc32fast::hash(body.as_bytes())));
        }
        for link in &readings {
            if let Ok(file) = PlanFile::from_link(link) {
                accepted += 1;
                round_trips(name, &file);
            }
        }
    }
    println!(
        "plan_link corpus: {} files, {accepted} accepted",
        files.len()
    );
    assert!(accepted >= 1, "no link of the corpus accepted");
}
