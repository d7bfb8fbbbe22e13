//! The bodies of SMP Aftercare's fuzz targets, one function per target
//! (`targets/*.rs` hand each one AFL++'s input).
//!
//! A target fails by panicking: the code under test panicked, or one of
//! the checks below found an answer that contradicts another (a plan file
//! that does not read back as itself, an accepted protocol whose plan
//! cannot be built). Errors returned for bad input are the expected
//! outcome; each is also worded in every language, as the app and the CLI
//! show it.

use aftercare::{Error, Lang, Plan, PlanFile, Protocol};
use chrono::{Days, NaiveDate, NaiveTime};

#[cfg(feature = "app")]
pub mod ipc;

/// The name errors give the fuzzed text, as the CLI gives a path.
const SOURCE_NAME: &str = "fuzz.toml";

/// Words `error` in every language, as the CLI and the app show it.
fn word(error: &Error) {
    let _ = error.to_string();
    for lang in Lang::ALL {
        let _ = error.message_in(lang);
    }
}

/// Runs once before the fuzz loop: fills the engine's lazily built
/// statics (the built-in protocols, the message bundles, the vocabulary),
/// so that the first input does not take paths the others never take,
/// which AFL++ would report as instability.
pub fn warm_up() {
    for id in aftercare::builtin_ids() {
        if let Ok(protocol) = Protocol::builtin(id) {
            exercise(&protocol);
            if let Ok(file) = aftercare::HandoverProtocol::builtin(id) {
                let _ = file.protocol().id();
            }
        }
    }
    protocol(b"format = 2");
    plan_file(b"smpplan = 1");
    plan_link(b"smp-aftercare://plan?v=1&p=four-day-dry&s=2026-05-04&c=0");
}

/// The protocol parser and validator, and what `aftercare check` and the
/// app then ask of an accepted protocol: its texts in each language, the
/// key days of the picker, and a plan that follows it, day by day.
pub fn protocol(data: &[u8]) {
    match Protocol::from_bytes(SOURCE_NAME, data) {
        Err(error) => word(&error),
        Ok(protocol) => exercise(&protocol),
    }
}

/// Everything the app and the CLI ask of an accepted protocol.
fn exercise(protocol: &Protocol) {
    for lang in Lang::ALL {
        let _ = protocol.in_lang(lang).key_days();
    }
    // The sessions the protocol usually has (at most 4: enough to reach
    // every scope), each as far after the last as its spacing asks.
    let spec = protocol.sessions();
    let gap = u64::from(spec.min_gap_days.unwrap_or(14).max(1));
    let Some(first) = NaiveDate::from_ymd_opt(2026, 3, 2) else {
        return;
    };
    let sessions: Vec<NaiveDate> = (0..u64::from(spec.usual.clamp(1, 4)))
        .filter_map(|n| first.checked_add_days(Days::new(n * gap)))
        .collect();
    // A plan the engine refuses is an answer too (the planned count may
    // not fit the sessions); accepted protocols must never make it panic.
    let plan = match Plan::new(protocol.clone(), sessions, None, chrono_tz::Europe::London) {
        Ok(plan) => plan,
        Err(error) => return word(&error),
    };
    let _ = plan.milestones();
    let _ = plan.summary();
    if let Some(at) = NaiveTime::from_hms_opt(9, 0, 0) {
        let _ = plan.reminders(at);
    }
    let last = plan.touch_up_on().or(plan.healed_on()).unwrap_or(first);
    let mut day = first.checked_sub_days(Days::new(30)).unwrap_or(first);
    // Every day from a month before to the last day that changes
    // anything, at most 400 (a year and a day of rules, and some).
    for _ in 0..400 {
        if day > last {
            break;
        }
        let _ = plan.status(day);
        let _ = plan.preparation(day);
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
}

/// The `.smpplan` importer. An accepted file must write back
/// (`to_toml`) as a file that reads back equal, its link likewise, and
/// its plan must build (the importer checks that it does).
pub fn plan_file(data: &[u8]) {
    let file = match PlanFile::from_bytes("fuzz.smpplan", data) {
        Ok(file) => file,
        Err(error) => return word(&error),
    };
    round_trips(&file);
}

/// The plan-link importer. An accepted link must write back (`to_link`)
/// as a link that reads back equal, and as a plan file likewise.
///
/// The link ends with a CRC-32 of its query, which a mutated link almost
/// never matches: each input is read as it is (the checksum's refusal)
/// and again with its checksum recomputed, so that the fuzzer reaches
/// the checks behind it.
pub fn plan_link(data: &[u8]) {
    // A link reaches the app as text (a deep link, a pasted string).
    let Ok(link) = std::str::from_utf8(data) else {
        return;
    };
    link_once(link);
    if let Some(sealed) = sealed(link)
        && sealed != link
    {
        link_once(&sealed);
    }
}

fn link_once(link: &str) {
    match PlanFile::from_link(link) {
        Ok(file) => round_trips(&file),
        Err(error) => word(&error),
    }
}

/// `link` with the checksum after its last `&c=` recomputed over the
/// query before it, as `PlanFile::to_link` writes it.
pub fn sealed(link: &str) -> Option<String> {
    let link = link.trim();
    let (_, query) = link.split_once('?')?;
    let (body, _) = query.rsplit_once("&c=")?;
    let (head, _) = link.rsplit_once("&c=")?;
    Some(format!("{head}&c={:08x}", crc32fast::hash(body.as_bytes())))
}

/// What every accepted hand-over must satisfy, whichever way it came in.
fn round_trips(file: &PlanFile) {
    let text = file.to_toml();
    match PlanFile::from_bytes("written.smpplan", text.as_bytes()) {
        Ok(again) => assert_eq!(&again, file, "the written plan file reads back different"),
        Err(error) => panic!("the written plan file is refused: {error}\n{text}"),
    }
    // A link may be refused as too long (a large inline protocol): that
    // is a documented answer, not a failure.
    if let Ok(link) = file.to_link() {
        match PlanFile::from_link(&link) {
            Ok(again) => assert_eq!(&again, file, "the written link reads back different"),
            Err(error) => panic!("the written link is refused: {error}\n{link}"),
        }
    }
    match file.plan(chrono_tz::UTC) {
        Ok(plan) => {
            let _ = plan.status(file.sessions[0]);
        }
        Err(error) => panic!("an accepted hand-over's plan is refused: {error}"),
    }
    exercise(file.protocol.protocol());
}
