//! The `aftercare` CLI contract: output shapes, exit codes and the exact
//! one-line errors on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    run_in(&[], args)
}

/// Runs with the locale variables `env` set and every other one removed,
/// so that the language never comes from the machine running the tests.
fn run_in(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_aftercare"));
    command
        .args(args)
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("the aftercare binary runs")
}

/// [`ok`] with the locale variables `env`.
fn ok_in(env: &[(&str, &str)], args: &[&str]) -> String {
    let out = run_in(env, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// Runs and expects success; returns stdout.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// The entry of a JSON list (`activities`, `items`) about `activity`.
fn about<'a>(list: &'a Value, activity: &str) -> &'a Value {
    list.as_array()
        .expect("a JSON list")
        .iter()
        .find(|e| e["activity"] == activity)
        .unwrap_or_else(|| panic!("no entry about {activity} in {list}"))
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&ok(args)).expect("valid JSON")
}

/// Runs and expects bad input: exit 2, nothing on stdout, exactly one
/// line on stderr. Returns that line.
fn bad(args: &[&str]) -> String {
    bad_in(&[], args)
}

/// [`bad`] with the locale variables `env`.
fn bad_in(env: &[(&str, &str)], args: &[&str]) -> String {
    let out = run_in(env, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed to stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: not one line: {stderr:?}"
    );
    stderr.trim_end().to_string()
}

/// A file with `content` in a fresh temporary directory for this test.
fn temp_file(name: &str, content: &str) -> PathBuf {
    temp_bytes(name, content.as_bytes())
}

/// The folder of this test's files under target/tmp: one per name (every
/// test's names differ), replaced by the next run rather than left behind
/// in the system's temp folder run after run.
fn scratch(name: &str) -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("aftercare-cli")
        .join(name)
}

/// [`temp_file`] for content that is not text.
fn temp_bytes(name: &str, content: &[u8]) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

const PLAN: [&str; 4] = ["--session", "2026-03-02", "--tz", "Europe/London"];

fn with_plan<'a>(command: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![command];
    v.extend(PLAN);
    v.extend(rest);
    v
}

#[test]
fn status_json_has_the_documented_fields() {
    let v = json(&with_plan("status", &["--on", "2026-03-04", "--json"]));
    assert_eq!(v["date"], "2026-03-04");
    assert_eq!(v["day"], 3);
    assert_eq!(v["session"], 1);
    let shave = about(&v["activities"], "shave");
    assert_eq!(shave["status"], "avoid");
    assert_eq!(shave["allowed_from"], "2026-03-07");
    assert!(shave["note"].is_string());
    // 003 restricts alcohol only before a session: after it, the clinic
    // says nothing, so neither does the status (silence is not "OK now").
    assert!(
        v["activities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["activity"] != "alcohol"),
        "{v}"
    );
    // Foil shaver only from day 6 to day 21 between sessions; after that,
    // with the next session not booked, 003 says nothing more.
    assert_eq!(shave["ok_from"], Value::Null);
    assert_eq!(shave["ask_clinic_from"], "2026-03-23");
    assert_eq!(shave["lasting"], false);
    assert_eq!(v["healed"], false);
    assert_eq!(v["restrictions_over"], false);
    assert_eq!(v["warnings"], serde_json::json!([]));
    assert!(v["care"].is_array());
    assert_eq!(v["next"]["date"], "2026-03-06");
    assert_eq!(v["next"]["day"], 5);
    assert_eq!(v["next"]["headline"], "Day 5: sun again");
    assert_eq!(
        v["next"]["points"][0],
        "Spend time in the sun again (SPF 30+ sun cream, and no sunburn before your next visit)."
    );
    // Day 4 is no milestone day: no news.
    assert_eq!(v["news"], Value::Null);
}

#[test]
fn status_before_the_first_session_has_no_day() {
    let v = json(&with_plan("status", &["--on", "2026-03-01", "--json"]));
    assert_eq!(v["day"], Value::Null);
    assert_eq!(v["session"], Value::Null);
    let alcohol = about(&v["activities"], "alcohol");
    assert_eq!(alcohol["status"], "avoid");
    // Never "allowed" after the session: 003 says nothing about alcohol
    // then, so from the day after the client is sent to the clinic.
    assert_eq!(alcohol["allowed_from"], Value::Null);
    assert_eq!(alcohol["ask_clinic_from"], "2026-03-03");
}

#[test]
fn status_and_plan_warn_about_sessions_too_close() {
    let args = [
        "--session",
        "2026-03-02",
        "--session",
        "2026-03-05",
        "--tz",
        "Europe/London",
    ];
    let mut status = vec!["status"];
    status.extend(args);
    status.extend(["--on", "2026-03-04", "--json"]);
    let v = json(&status);
    let codes: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["gap_short", "prep_clash"]);
    assert_eq!(
        v["warnings"][1]["message"],
        "Your scalp is still healing from session 1: ask your clinic before you wash your hair or shave for session 2."
    );
    let mut plan = vec!["plan"];
    plan.extend(args);
    let text = ok(&plan);
    assert!(
        text.contains(
            "\nCheck with your clinic\n  ! Session 2 is 3 days after session 1; your clinic's plan spaces sessions at least 10 days apart. Check the date with your clinic.\n"
        ),
        "{text}"
    );
    plan.push("--json");
    let v = json(&plan);
    assert_eq!(v["warnings"][0]["code"], "gap_short");
    assert_eq!(v["warnings"][0]["session"], 2);
}

#[test]
fn status_for_people_opens_with_the_news_of_the_day() {
    let out = ok(&with_plan("status", &["--on", "2026-03-07"]));
    assert!(
        out.starts_with(
            "Sat 7 Mar 2026: day 6 after session 1 of 3\n\
             Protocol: 30-day step-by-step plan (Europe/London)\n\
             \n\
             New today: Day 6: rinse and shave again\n  \
             - Rinse your scalp again (warm water, and pat dry without rubbing).\n  \
             - Shave again (foil shaver only, no wet razors).\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("\nNext: Wed 11 Mar 2026 (in 4 days)\n  Day 10: exercise hard again\n"),
        "{out}"
    );
    // Day 3 has no news.
    assert!(!ok(&with_plan("status", &["--on", "2026-03-04"])).contains("New today"));
}

#[test]
fn status_for_people_is_grouped() {
    let out = ok(&with_plan("status", &["--on", "2026-03-04"]));
    assert!(
        out.starts_with("Wed 4 Mar 2026: day 3 after session 1 of 3\n"),
        "{out}"
    );
    for heading in ["\nNot yet\n", "\nNext: Fri 6 Mar 2026 (in 2 days)\n"] {
        assert!(out.contains(heading), "missing {heading:?} in:\n{out}");
    }
    assert!(out.contains("  Shaving "), "{out}");
    // On day 3 every activity 003 speaks of is restricted; what it does not
    // speak of (alcohol after a session) is not listed as fine.
    assert!(!out.contains("OK now"), "{out}");
    assert!(!out.contains("Alcohol"), "{out}");
}

#[test]
fn status_defaults_to_today_in_the_zone() {
    let v = json(&with_plan("status", &["--json"]));
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive();
    // Allow for the date turning over between the run and this check.
    let got = aftercare::parse_date(v["date"].as_str().unwrap()).unwrap();
    assert!((got - today).num_days().abs() <= 1, "{got} vs {today}");
}

#[test]
fn reminders_json_shape() {
    let v = json(&with_plan("reminders", &["--at", "08:30", "--json"]));
    let list = v.as_array().unwrap();
    assert!(list.len() > 5);
    let day6 = list.iter().find(|r| r["id"] == "day:2026-03-02:6").unwrap();
    assert_eq!(day6["at"], "2026-03-07T08:30:00Z");
    assert_eq!(day6["local"], "2026-03-07T08:30:00+00:00");
    assert_eq!(day6["kind"], "milestone");
    assert_eq!(day6["title"], "Day 6: rinse and shave again");
    assert!(
        day6["body"]
            .as_str()
            .unwrap()
            .starts_with("Rinse your scalp again (warm water, and pat dry without rubbing). "),
        "{day6}"
    );
    let kinds: Vec<&str> = list.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"prep"));
    for r in list {
        for field in ["id", "at", "local", "kind", "title", "body"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
    }
}

#[test]
fn touch_up_reminder_when_the_protocol_has_one() {
    let v = json(&[
        "reminders",
        "--session",
        "2026-03-02",
        "--session",
        "2026-03-09",
        "--planned",
        "2",
        "--protocol",
        "four-day-dry",
        "--tz",
        "UTC",
        "--json",
    ]);
    let touch = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "touch-up")
        .expect("a touch-up reminder");
    assert_eq!(touch["id"], "touch-up:2026-03-09:3");
    assert_eq!(touch["at"], "2029-03-09T09:00:00Z");
}

#[test]
fn plan_json_lists_milestones_in_order() {
    let v = json(&[
        "plan",
        "--session",
        "2026-03-02",
        "--session",
        "2026-03-12",
        "--session",
        "2026-04-02",
        "--tz",
        "Europe/London",
        "--json",
    ]);
    assert_eq!(v["final_session"], "2026-04-02");
    assert_eq!(v["planned"], 3);
    let dates: Vec<&str> = v["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(dates.contains(&"2026-03-07"));
    assert!(v["healed_on"].is_string());
}

#[test]
fn ics_is_a_calendar_with_exclusive_ends() {
    let out = ok(&with_plan("ics", &[]));
    assert!(out.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(out.trim_end().ends_with("END:VCALENDAR"));
    assert!(out.contains("SUMMARY:SMP session 1 of 3\r\n"));
    let events: Vec<&str> = out.split("BEGIN:VEVENT\r\n").skip(1).collect();
    let event = |summary: &str| {
        *events
            .iter()
            .find(|e| e.contains(&format!("SUMMARY:{summary}\r\n")))
            .unwrap_or_else(|| panic!("no event {summary:?} in {out}"))
    };
    // Shaving avoided days 1-5: 2-6 March, so the event ends on 7 March.
    let shaving = event("Avoid: Shaving");
    assert!(
        shaving.contains("DTSTART;VALUE=DATE:20260302\r\n"),
        "{shaving}"
    );
    assert!(
        shaving.contains("DTEND;VALUE=DATE:20260307\r\n"),
        "{shaving}"
    );
    let day6 = event("Day 6: rinse and shave again");
    assert!(day6.contains("DTSTART;VALUE=DATE:20260307\r\n"), "{day6}");
    assert!(day6.contains("DTEND;VALUE=DATE:20260308\r\n"), "{day6}");
    // Every event has a stable uid and a stamp.
    for e in &events {
        assert!(
            e.contains("@smp-aftercare\r\n") && e.contains("DTSTAMP:"),
            "{e}"
        );
    }
}

#[test]
fn protocols_lists_the_builtins() {
    let out = ok(&["protocols"]);
    assert!(out.starts_with("four-to-thirty "), "{out}");
    assert!(out.lines().next().unwrap().ends_with("(default)"));
    let v = json(&["protocols", "--json"]);
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "four-to-thirty",
            "four-day-dry",
            "light-exercise-day-five",
            "two-week-rest"
        ]
    );
    assert!(v[0]["rules"][0]["scope"].is_string());
}

#[test]
fn protocols_show_the_days_a_client_compares_with_a_leaflet() {
    let out = ok(&["protocols"]);
    let lines: Vec<&str> = out.lines().collect();
    // Name, summary, then the key days of each protocol.
    assert_eq!(
        lines[2].trim(),
        "Wash from day 6 · Shave from day 6 · Sweat from day 10 · Swim from day 31"
    );
    assert_eq!(
        lines[5].trim(),
        "Wash from day 5 · Shave from day 5 · Sweat from day 5 (day 6 after your last visit) · \
         Swim from day 29 after your last visit"
    );
    let v = json(&["protocols", "--json"]);
    assert_eq!(
        v[0]["key_days"][3],
        serde_json::json!({
            "activity": "swim",
            "between": {"kind": "from", "day": 31},
            "after_final": {"kind": "from", "day": 31},
            "text": "Swim from day 31"
        })
    );
    assert_eq!(
        v[3]["key_days"][1]["after_final"],
        serde_json::json!({"kind": "not_said"})
    );
}

#[test]
fn check_names_a_pdf_in_one_sentence() {
    let path = temp_bytes(
        "leaflet.pdf",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\n",
    );
    let p = path.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: This is a PDF, not a protocol file: ask your clinic for their .toml \
             protocol, or pick one of the plans above."
        )
    );
    // A leaflet bigger than any protocol is still named for what it is.
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(200_000, b'x');
    let path = temp_bytes("big-leaflet.pdf", &big);
    let p = path.to_str().unwrap();
    assert!(
        bad(&["check", p]).starts_with(&format!(
            "aftercare: {p}: This is a PDF, not a protocol file"
        )),
        "{p}"
    );
}

#[test]
fn check_names_pictures_and_binary_files() {
    let png = temp_bytes("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let p = png.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: This is a picture (PNG), not a protocol file: ask your clinic for \
             their .toml protocol, or pick one of the plans above."
        )
    );
    let latin1 = temp_bytes(
        "latin1.toml",
        b"format = 1\nname = \"Clinique \xE9t\xE9\"\n",
    );
    let p = latin1.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: This file is not text, so it is not a protocol file: ask your clinic \
             for their .toml protocol, or pick one of the plans above."
        )
    );
}

#[test]
fn check_accepts_every_builtin_file() {
    for id in aftercare::builtin_ids() {
        let path = format!("{}/protocols/{id}.toml", env!("CARGO_MANIFEST_DIR"));
        let out = ok(&["check", &path]);
        assert!(out.contains(&format!("({id})")), "{out}");
    }
}

#[test]
fn a_protocol_file_can_drive_a_plan() {
    let text = aftercare::Protocol::builtin_source("two-week-rest")
        .unwrap()
        .replace("id = \"two-week-rest\"", "id = \"my-clinic\"");
    let path = temp_file("my-clinic.toml", &text);
    let v = json(&[
        "status",
        "--session",
        "2026-03-02",
        "--protocol",
        path.to_str().unwrap(),
        "--on",
        "2026-03-03",
        "--tz",
        "UTC",
        "--json",
    ]);
    assert_eq!(v["day"], 2);
}

/// A clinic's file with texts in two languages: `check` reads it, and a
/// plan shows the Spanish note in Spanish and the English one otherwise;
/// a text given only in English stays English in Spanish.
#[test]
fn a_protocol_file_with_two_languages() {
    let text = "format = 1\nid = \"bilingual\"\n\
                name.en = \"Dry week\"\nname.es = \"Semana seca\"\n\
                summary = \"One dry week.\"\n\
                [sessions]\nusual = 1\nmin = 1\nmax = 1\n\
                [[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\nto_day = 7\n\
                note.en = \"keep your head dry\"\nnote.es = \"no te mojes la cabeza\"\n";
    let path = temp_file("bilingual.toml", text);
    let p = path.to_str().unwrap();
    assert_eq!(
        ok(&["check", p]),
        format!("{p}: ok: \"Dry week\" (bilingual), 1 rules, 0 care items, 1 sessions usually\n")
    );
    let status = |lang: &str| {
        let args = [
            "status",
            "--session",
            "2026-03-02",
            "--protocol",
            p,
            "--on",
            "2026-03-03",
            "--tz",
            "UTC",
            "--json",
            "--lang",
            lang,
        ];
        json(&args)
    };
    assert_eq!(
        about(&status("es")["activities"], "wash")["note"],
        "no te mojes la cabeza"
    );
    assert_eq!(
        about(&status("en")["activities"], "wash")["note"],
        "keep your head dry"
    );
    let human = ok(&[
        "plan",
        "--session",
        "2026-03-02",
        "--protocol",
        p,
        "--tz",
        "UTC",
        "--lang",
        "es",
    ]);
    assert!(
        human.starts_with("Semana seca: 1 de 1 sesión reservada (UTC)\n"),
        "{human}"
    );
}

// --- bad input: exact messages -------------------------------------------

#[test]
fn impossible_date() {
    assert_eq!(
        bad(&["status", "--session", "2026-02-30"]),
        "aftercare: invalid date \"2026-02-30\": there is no such day in the calendar (expected YYYY-MM-DD)"
    );
    assert_eq!(
        bad(&with_plan("status", &["--on", "4 March"])),
        "aftercare: invalid date \"4 March\": not in the form YYYY-MM-DD (expected YYYY-MM-DD)"
    );
}

#[test]
fn unknown_zone() {
    assert_eq!(
        bad(&["status", "--session", "2026-03-02", "--tz", "Europe/Londn"]),
        "aftercare: unknown time zone \"Europe/Londn\": expected an IANA zone name such as Europe/London"
    );
}

#[test]
fn unknown_protocol_id() {
    assert_eq!(
        bad(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "five-to-fifty"
        ]),
        "aftercare: unknown protocol \"five-to-fifty\" (built-in protocols: four-to-thirty, four-day-dry, \
         light-exercise-day-five, two-week-rest)"
    );
}

#[test]
fn missing_protocol_file() {
    assert_eq!(
        bad(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "/nonexistent/clinic.toml"
        ]),
        "aftercare: cannot read protocol file \"/nonexistent/clinic.toml\": no such file"
    );
}

#[test]
fn protocol_file_with_a_syntax_error() {
    let path = temp_file(
        "syntax.toml",
        "format = 1\nid = \"x\"\nname = \"X\nsummary = \"S\"\n",
    );
    let p = path.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!("aftercare: {p}: line 3: invalid basic string, expected `\"`")
    );
}

#[test]
fn protocol_file_with_a_semantic_error() {
    let text = aftercare::Protocol::builtin_source("two-week-rest").unwrap();
    // Break the first rule's activity; report its line.
    let line = text
        .lines()
        .position(|l| l.starts_with("activity = "))
        .unwrap()
        + 1;
    let broken = text.replacen("activity = \"", "activity = \"x", 1);
    let path = temp_file("semantic.toml", &broken);
    let p = path.to_str().unwrap();
    let msg = bad(&["check", p]);
    assert!(
        msg.starts_with(&format!(
            "aftercare: {p}: line {line}, field \"activity\": unknown activity \"x"
        )),
        "{msg}"
    );
    // The same file given to a plan command fails the same way.
    assert_eq!(
        bad(&["status", "--session", "2026-03-02", "--protocol", p]),
        msg
    );
}

#[test]
fn protocol_file_with_a_bad_warning() {
    let text = aftercare::Protocol::builtin_source("four-to-thirty").unwrap();
    // Break the first warning's symptom; report its line.
    let line = text
        .lines()
        .position(|l| l == "symptom = \"redness\"")
        .unwrap()
        + 1;
    let broken = text.replacen("symptom = \"redness\"", "symptom = \"rash\"", 1);
    let path = temp_file("warning.toml", &broken);
    let p = path.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: line {line}, field \"symptom\": unknown symptom \"rash\" \
             (expected one of: redness, itching, scabs, soreness, swelling, sunburn)"
        )
    );
}

#[test]
fn session_given_twice() {
    assert_eq!(
        bad(&[
            "status",
            "--session",
            "2026-03-02",
            "--session",
            "2026-03-02"
        ]),
        "aftercare: session 2026-03-02 is given twice"
    );
}

#[test]
fn more_sessions_than_planned() {
    assert_eq!(
        bad(&[
            "plan",
            "--session",
            "2026-03-02",
            "--session",
            "2026-03-12",
            "--planned",
            "1"
        ]),
        "aftercare: 2 sessions are given but only 1 is planned"
    );
    assert_eq!(
        bad(&["plan", "--session", "2026-03-02", "--planned", "three"]),
        "aftercare: invalid planned count \"three\": expected a whole number such as 3"
    );
}

#[test]
fn bad_reminder_time() {
    assert_eq!(
        bad(&with_plan("reminders", &["--at", "9am"])),
        "aftercare: invalid time \"9am\": expected HH:MM on a 24-hour clock, such as 09:00"
    );
}

#[test]
fn missing_session_is_one_line() {
    assert_eq!(
        bad(&["status"]),
        "aftercare: the following required arguments were not provided: --session <DATE>"
    );
    assert_eq!(
        bad(&["frobnicate"]),
        "aftercare: unrecognized subcommand 'frobnicate'"
    );
}

#[test]
fn oversized_protocol_file() {
    let path = temp_file("big.toml", &"#".repeat(70_000));
    let p = path.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: the file is 70000 bytes; a protocol file may be at most 65536 bytes"
        )
    );
}

#[test]
fn help_goes_to_stdout_with_success() {
    let out = ok(&["--help"]);
    assert!(out.contains("Usage: aftercare [OPTIONS] <COMMAND>"));
    assert!(out.contains("--lang <LANG>"));
}

const SPANISH: [(&str, &str); 1] = [("LANG", "es_ES.UTF-8")];

#[test]
fn status_speaks_spanish_under_a_spanish_locale() {
    let out = ok_in(&SPANISH, &with_plan("status", &["--on", "2026-03-07"]));
    assert!(
        out.starts_with(
            "sáb 7 mar 2026: día 6 tras la sesión 1 de 3\n\
             Protocolo: "
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "\nNovedad de hoy: Día 6: ya puedes aclararte y afeitarte\n  \
             - Ya puedes aclararte el cuero cabelludo ("
        ),
        "{out}"
    );
    assert!(
        out.ends_with(
            "\nLo próximo: mié 11 mar 2026 (dentro de 4 días)\n  Día 10: ya puedes sudar\n"
        ),
        "{out}"
    );
    assert!(out.contains("\nTodavía no\n"), "{out}");
    assert!(!out.contains("Not yet"), "{out}");
}

#[test]
fn lang_overrides_the_locale_and_lc_all_comes_first() {
    let args = with_plan("status", &["--on", "2026-03-07", "--lang", "en"]);
    let english = ok_in(&SPANISH, &args);
    assert!(
        english.starts_with("Sat 7 Mar 2026: day 6 after session 1 of 3\n"),
        "{english}"
    );
    let plain = with_plan("status", &["--on", "2026-03-07"]);
    assert_eq!(ok(&plain), english);
    let lc_all = ok_in(
        &[("LC_ALL", "es_MX.UTF-8"), ("LANG", "en_GB.UTF-8")],
        &plain,
    );
    assert!(lc_all.starts_with("sáb 7 mar 2026"), "{lc_all}");
    // The first variable set decides, even when it names no language the
    // CLI speaks: C and German are English.
    for env in [
        [("LC_ALL", "C"), ("LANG", "es_ES.UTF-8")],
        [("LC_ALL", "de_DE.UTF-8"), ("LANG", "es_ES")],
    ] {
        assert_eq!(ok_in(&env, &plain), english, "{env:?}");
    }
}

/// Bad input under `--lang es` and under a Spanish locale: the same
/// Spanish line, exit status 2.
fn bad_in_spanish(args: &[&str]) -> String {
    let by_locale = bad_in(&SPANISH, args);
    let by_flag = bad(&[args, &["--lang", "es"]].concat());
    assert_eq!(by_flag, by_locale, "{args:?}");
    by_locale
}

#[test]
fn errors_speak_spanish_under_lang_es_and_a_spanish_locale() {
    assert_eq!(
        bad_in_spanish(&["status", "--session", "2026-02-30"]),
        "aftercare: fecha no válida «2026-02-30»: ese día no existe en el calendario \
         (escríbela como AAAA-MM-DD)"
    );
    // A line break in a value stays escaped inside the quotes: one line.
    assert_eq!(
        bad_in_spanish(&["status", "--session", "2026-01-01\n\u{1b}[2J"]),
        "aftercare: fecha no válida «2026-01-01\\n\\u{1b}[2J»: no tiene la forma de una fecha \
         (escríbela como AAAA-MM-DD)"
    );
    assert_eq!(
        bad_in_spanish(&with_plan("status", &["--on", "4 March"])),
        "aftercare: fecha no válida «4 March»: no tiene la forma de una fecha \
         (escríbela como AAAA-MM-DD)"
    );
    assert_eq!(
        bad_in_spanish(&["status", "--session", "2026-03-02", "--tz", "Europe/Londn"]),
        "aftercare: zona horaria desconocida «Europe/Londn»: escribe un nombre de zona IANA, \
         por ejemplo Europe/Madrid"
    );
    assert_eq!(
        bad_in_spanish(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "five-to-fifty"
        ]),
        "aftercare: protocolo desconocido «five-to-fifty» (protocolos incluidos: four-to-thirty, \
         four-day-dry, light-exercise-day-five, two-week-rest)"
    );
    assert_eq!(
        bad_in_spanish(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "/nonexistent/clinic.toml"
        ]),
        "aftercare: no se puede leer el archivo de protocolo «/nonexistent/clinic.toml»: no existe"
    );
}

#[test]
fn the_cli_own_errors_speak_spanish() {
    assert_eq!(
        bad_in_spanish(&["plan", "--session", "2026-03-02", "--planned", "three"]),
        "aftercare: número de sesiones previstas no válido «three»: escribe un número entero, \
         por ejemplo 3"
    );
    assert_eq!(
        bad_in_spanish(&[
            "plan",
            "--session",
            "2026-03-02",
            "--session",
            "2026-03-12",
            "--planned",
            "1"
        ]),
        "aftercare: has indicado 2 sesiones, pero solo hay 1 prevista"
    );
    let path = temp_file("big-es.toml", &"#".repeat(70_000));
    let p = path.to_str().unwrap();
    assert_eq!(
        bad_in_spanish(&["check", p]),
        format!(
            "aftercare: {p}: el archivo ocupa 70000 bytes; un archivo de protocolo puede ocupar \
             como mucho 65536 bytes"
        )
    );
    assert_eq!(
        bad_in_spanish(&["open", "/nonexistent/plan.smpplan"]),
        "aftercare: no se puede leer el archivo del plan «/nonexistent/plan.smpplan»: no existe"
    );
    let dir = temp_dir("share-es");
    let out = dir.join("missing").join("plan.smpplan");
    let o = out.to_str().unwrap();
    assert_eq!(
        bad_in_spanish(&share_args(&["--out", o])),
        format!("aftercare: no se puede escribir «{o}»: no existe")
    );
    assert!(!out.exists());
}

#[test]
fn a_protocol_error_in_spanish_frames_the_validator_english() {
    let text = aftercare::Protocol::builtin_source("two-week-rest").unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("activity = "))
        .unwrap()
        + 1;
    let broken = text.replacen("activity = \"", "activity = \"x", 1);
    let path = temp_file("semantic-es.toml", &broken);
    let p = path.to_str().unwrap();
    let msg = bad_in_spanish(&["check", p]);
    assert!(
        msg.starts_with(&format!(
            "aftercare: {p}: línea {line}, campo «activity»: unknown activity \"x"
        )),
        "{msg}"
    );
}

#[test]
fn english_errors_stay_english_where_asked_and_clap_speaks_only_english() {
    assert_eq!(
        bad_in(
            &SPANISH,
            &["status", "--session", "2026-02-30", "--lang", "en"]
        ),
        "aftercare: invalid date \"2026-02-30\": there is no such day in the calendar \
         (expected YYYY-MM-DD)"
    );
    // clap refuses the arguments before the language is known, and has no
    // Spanish of its own.
    assert_eq!(
        bad_in(&SPANISH, &["status", "--lang", "es"]),
        "aftercare: the following required arguments were not provided: --session <DATE>"
    );
}

#[test]
fn an_unknown_lang_is_refused_naming_it() {
    assert_eq!(
        bad(&with_plan("status", &["--lang", "fr"])),
        "aftercare: invalid value 'fr' for '--lang <LANG>': expected en or es"
    );
}

#[test]
fn json_keeps_its_fields_and_carries_spanish_texts() {
    let args = with_plan("reminders", &["--json", "--lang", "es"]);
    let es: Value = serde_json::from_str(&ok(&args)).unwrap();
    let en = json(&with_plan("reminders", &["--json"]));
    let (es, en) = (es.as_array().unwrap(), en.as_array().unwrap());
    assert_eq!(es.len(), en.len());
    for (e, n) in es.iter().zip(en) {
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(e), keys(n));
        assert_eq!(
            (&e["id"], &e["kind"], &e["at"]),
            (&n["id"], &n["kind"], &n["at"])
        );
    }
    let day6 = es.iter().find(|r| r["id"] == "day:2026-03-02:6").unwrap();
    assert_eq!(day6["title"], "Día 6: ya puedes aclararte y afeitarte");
}

#[test]
fn prep_lists_the_next_session_checklist() {
    let args = [
        "prep",
        "--session",
        "2026-03-02",
        "--session",
        "2026-03-23",
        "--tz",
        "Europe/London",
        "--on",
        "2026-03-12",
    ];
    let text = ok(&args);
    assert!(
        text.starts_with("Getting ready for session 2 on Mon 23 Mar 2026 (in 11 days)\n"),
        "{text}"
    );
    assert!(text.contains("avoid Alcohol"), "{text}");

    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json(&with_json);
    assert_eq!(v["session"], 2);
    let alcohol = about(&v["items"], "alcohol");
    assert_eq!(alcohol["from"], "2026-03-22");
    assert_eq!(alcohol["kind"], "avoid");

    // Nothing booked ahead.
    assert_eq!(
        ok(&with_plan("prep", &["--on", "2026-03-12"])),
        "No session is booked ahead.\n"
    );
    assert_eq!(
        bad(&with_plan("prep", &["--on", "2026-03-32"])),
        "aftercare: invalid date \"2026-03-32\": there is no such day in the calendar (expected YYYY-MM-DD)"
    );
}

#[test]
fn activities_lists_ids_names_and_everyday_words() {
    let v = json(&["activities", "--json"]);
    assert_eq!(v["activities"].as_array().unwrap().len(), 18);
    assert_eq!(
        v["activities"][0],
        serde_json::json!({ "activity": "wash", "label": "Washing" })
    );
    // The word list of src/activity_words.toml, each entry with its answer.
    let entries = v["entries"].as_array().unwrap();
    let with = |word: &str| {
        entries
            .iter()
            .find(|e| e["words"].as_array().unwrap().iter().any(|w| w == word))
            .cloned()
    };
    assert_eq!(with("pool").unwrap()["answer"], "status");
    assert_eq!(
        with("pool").unwrap()["activities"],
        serde_json::json!(["swim"])
    );
    assert_eq!(
        with("ibuprofen").unwrap(),
        serde_json::json!({
            "answer": "advice",
            "topic": "pain_relief",
            "label": "Pain relief",
            "symptom": false,
            "words": with("ibuprofen").unwrap()["words"].clone(),
        })
    );
    assert_eq!(with("skydiving"), None);
    assert!(ok(&["activities"]).contains("woolly_hat   Woolly hats\n"));
}

// --- the one-line contract holds for any value ----------------------------

#[test]
fn a_value_with_a_line_break_is_one_escaped_line() {
    assert_eq!(
        bad(&["status", "--session", "2026-01-01\n"]),
        "aftercare: invalid date \"2026-01-01\\n\": not in the form YYYY-MM-DD (expected YYYY-MM-DD)"
    );
    assert_eq!(
        bad(&["plan", "--session", "2026-03-02", "--planned", "3\r\n"]),
        "aftercare: invalid planned count \"3\\r\\n\": expected a whole number such as 3"
    );
    assert_eq!(
        bad(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "/nonexistent/a\nb.toml"
        ]),
        "aftercare: cannot read protocol file \"/nonexistent/a\\nb.toml\": no such file"
    );
}

#[test]
fn escape_in_a_value_is_shown_escaped() {
    assert_eq!(
        bad(&[
            "status",
            "--session",
            "2026-03-02",
            "--tz",
            "Europe/London\u{1b}[2J"
        ]),
        "aftercare: unknown time zone \"Europe/London\\u{1b}[2J\": expected an IANA zone name such as Europe/London"
    );
    assert_eq!(
        bad(&[
            "plan",
            "--session",
            "2026-03-02",
            "--protocol",
            "clinic\u{1b}]0;owned\u{7}"
        ]),
        "aftercare: unknown protocol \"clinic\\u{1b}]0;owned\\u{7}\" (built-in protocols: four-to-thirty, \
         four-day-dry, light-exercise-day-five, two-week-rest)"
    );
    assert_eq!(
        bad(&[
            "reminders",
            "--session",
            "2026-03-02",
            "--at",
            "\u{202e}09:00"
        ]),
        "aftercare: invalid time \"\\u{202e}09:00\": expected HH:MM on a 24-hour clock, such as 09:00"
    );
}

#[test]
fn a_file_name_with_control_characters_stays_one_line() {
    // The file exists and is broken: its name leads the message unquoted,
    // as for any file, with its control characters escaped.
    let path = temp_file(
        "odd\u{1b}[31m\nname.toml",
        "format = 1\nid = \"x\"\nname = \"X\nsummary = \"S\"\n",
    );
    let p = path.to_str().unwrap();
    let shown = p.replace('\u{1b}', "\\u{1b}").replace('\n', "\\n");
    assert_eq!(
        bad(&["check", p]),
        format!("aftercare: {shown}: line 3: invalid basic string, expected `\"`")
    );
}

#[test]
fn a_usage_error_with_control_characters_stays_one_line() {
    assert_eq!(
        bad(&["frob\nnicate"]),
        "aftercare: unrecognized subcommand 'frob\\nnicate'"
    );
    assert_eq!(
        bad(&["frob\u{1b}[2Jnicate\r"]),
        "aftercare: unrecognized subcommand 'frob\\u{1b}[2Jnicate\\r'"
    );
    assert_eq!(
        bad(&["status", "--session", "2026-03-02", "--colour\n"]),
        "aftercare: unexpected argument '--colour\\n' found"
    );
}

#[test]
fn protocol_text_with_a_control_character_is_refused() {
    let text = aftercare::Protocol::builtin_source("two-week-rest").unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("note.en = "))
        .unwrap()
        + 1;
    let broken = text.replacen("note.en = \"", "note.en = \"\\rSUMMARY:Free ", 1);
    let path = temp_file("control.toml", &broken);
    let p = path.to_str().unwrap();
    assert_eq!(
        bad(&["check", p]),
        format!(
            "aftercare: {p}: line {line}, field \"note.en\": contains the control character U+000D; \
             write one line of plain text"
        )
    );
}

#[test]
fn terminal_output_shows_control_characters_escaped() {
    // Protocol text cannot hold them (validation), but a file name can.
    let text = aftercare::Protocol::builtin_source("two-week-rest").unwrap();
    let path = temp_file("clinic\u{1b}]0;x\u{7}\r.toml", text);
    let p = path.to_str().unwrap();
    let shown = p
        .replace('\u{1b}', "\\u{1b}")
        .replace('\u{7}', "\\u{7}")
        .replace('\r', "\\r");
    assert_eq!(
        ok(&["check", p]),
        format!(
            "{shown}: ok: \"Two calm weeks after each visit\" (two-week-rest), 10 rules, 1 care items, 3 sessions usually\n"
        )
    );
}

#[test]
fn chart_json_has_rows_runs_and_todays_place() {
    let v = json(&with_plan("chart", &["--on", "2026-03-04", "--json"]));
    assert_eq!(v["today"], "2026-03-04");
    assert_eq!(v["today_index"], 2);
    let chart = &v["chart"];
    assert_eq!(chart["from"], "2026-03-02");
    // One of three sessions booked: to day 31 (swimming to day 30).
    assert_eq!(chart["to"], "2026-04-01");
    assert_eq!(chart["days"], 31);
    assert_eq!(chart["ends"], "next_session_unbooked");
    assert_eq!(chart["sessions"][0]["number"], 1);
    let shave = about(&chart["rows"], "shave");
    assert_eq!(shave["label"], "Shaving");
    let first = &shave["segments"][0];
    assert_eq!(first["status"], "avoid");
    assert_eq!(first["from"], "2026-03-02");
    assert_eq!(first["to"], "2026-03-06");
    assert_eq!(first["index"], 0);
    assert_eq!(first["days"], 5);
    assert_eq!(first["continues"], false);
    // Today outside the chart has no place on it.
    let before = json(&with_plan("chart", &["--on", "2026-03-01", "--json"]));
    assert_eq!(before["today_index"], Value::Null);
}

#[test]
fn chart_for_people_names_each_run() {
    let out = ok(&with_plan("chart", &["--on", "2026-03-04"]));
    assert!(
        out.starts_with("Mon 2 Mar 2026 to Wed 1 Apr 2026 (31 days)\n"),
        "{out}"
    );
    let swim = out.lines().find(|l| l.starts_with("Swimming")).unwrap();
    assert!(
        swim.ends_with("avoid Mon 2 Mar-Tue 31 Mar; OK Wed 1 Apr and on"),
        "{swim}"
    );
}

#[test]
fn chart_refuses_an_impossible_today() {
    assert_eq!(
        bad(&with_plan("chart", &["--on", "2026-02-30"])),
        r#"aftercare: invalid date "2026-02-30": there is no such day in the calendar (expected YYYY-MM-DD)"#
    );
}

/// A fresh, empty temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const CLINIC: [&str; 6] = [
    "--clinic-name",
    "Hairline <b>Studio</b>",
    "--clinic-phone",
    "+44 20 7946 0000",
    "--clinic-email",
    "desk@hairline.example",
];

fn share_args<'a>(rest: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "share",
        "--session",
        "2026-03-15",
        "--session",
        "2026-03-01",
        "--planned",
        "3",
        "--tz",
        "Europe/London",
    ];
    v.extend(CLINIC);
    v.extend(rest);
    v
}

/// Draws the SVG with resvg and reads it with rqrr, as a phone would.
fn decode_qr(svg: &str) -> String {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let width = pixmap.width() as usize;
    let pixels = pixmap.pixels();
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, pixmap.height() as usize, |x, y| {
            pixels[y * width + x].green()
        });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().unwrap().1
}

#[test]
fn share_writes_a_plan_file_the_engine_reads_back() {
    let dir = temp_dir("share-file");
    let path = dir.join("plan.smpplan");
    let out = ok(&share_args(&["--out", path.to_str().unwrap()]));
    assert_eq!(out, "");
    let text = std::fs::read_to_string(&path).unwrap();
    let file = aftercare::PlanFile::from_bytes("plan.smpplan", text.as_bytes()).unwrap();
    assert_eq!(file.protocol.protocol().id(), "four-to-thirty");
    assert_eq!(
        file.sessions,
        vec![
            aftercare::parse_date("2026-03-01").unwrap(),
            aftercare::parse_date("2026-03-15").unwrap()
        ]
    );
    assert_eq!(
        (file.planned, file.zone),
        (Some(3), Some(chrono_tz::Europe::London))
    );
    assert_eq!(file.clinic.name, "Hairline <b>Studio</b>");
    // Without --out the file goes to stdout, the same text.
    assert_eq!(ok(&share_args(&[])), text);
}

#[test]
fn share_qr_code_decodes_to_the_exact_link() {
    let dir = temp_dir("share-qr");
    let qr = dir.join("card.svg");
    let link = ok(&share_args(&["--link", "--qr", qr.to_str().unwrap()]));
    let link = link.trim_end();
    assert!(
        link.starts_with("smp-aftercare://plan?v=1&p=four-to-thirty&"),
        "{link}"
    );
    let svg = std::fs::read_to_string(&qr).unwrap();
    assert_eq!(decode_qr(&svg), link);
    assert!(aftercare::PlanFile::from_link(link).is_ok());
}

/// A clinic's own protocol with `rules` rules, each with its own note so
/// that deflate cannot pack them into nothing.
fn own_protocol(rules: usize) -> String {
    let mut text = String::from(
        "format = 1\nid = \"our-clinic\"\nname = \"Our clinic\"\n\
         summary = \"Three sessions.\"\n[sessions]\nusual = 3\nmin = 2\nmax = 4\n",
    );
    for i in 0..rules {
        text.push_str(&format!(
            "[[rule]]\nactivity = \"{}\"\nstatus = \"avoid\"\nscope = \"after_each\"\n\
             to_day = {}\nnote = \"rule {i}: {}\"\n",
            ["wash", "sweat", "swim", "sun", "shave"][i % 5],
            2 + i % 300,
            (i * 7919) % 10007,
        ));
    }
    text
}

#[test]
fn share_qr_code_of_the_longest_link_decodes() {
    // The clinic's own protocol, grown until its link is just under the limit.
    let dir = temp_dir("share-qr-inline");
    let protocol = dir.join("ours.toml");
    let qr = dir.join("card.svg");
    // Found with the engine (fast), then written by the CLI once.
    let fits = |rules: usize| {
        let file = aftercare::PlanFile {
            protocol: aftercare::HandoverProtocol::inline("ours.toml", &own_protocol(rules))
                .unwrap(),
            sessions: vec![
                aftercare::parse_date("2026-03-01").unwrap(),
                aftercare::parse_date("2026-03-15").unwrap(),
            ],
            planned: Some(3),
            zone: Some(chrono_tz::Europe::London),
            clinic: aftercare::ClinicDetails {
                name: CLINIC[1].into(),
                phone: CLINIC[3].into(),
                email: CLINIC[5].into(),
                address: String::new(),
            },
        };
        file.to_link().is_ok()
    };
    let mut rules = 1;
    while fits(rules + 1) {
        rules += 1;
    }
    std::fs::write(&protocol, own_protocol(rules)).unwrap();
    let mut args = share_args(&["--link", "--qr", qr.to_str().unwrap()]);
    args.extend(["--protocol", protocol.to_str().unwrap()]);
    let link = ok(&args).trim_end().to_string();
    let max = aftercare::handover::MAX_LINK_BYTES;
    assert!(link.len() > max - 60 && link.len() <= max, "{}", link.len());
    assert!(link.starts_with("smp-aftercare://plan?v=1&x="));
    let svg = std::fs::read_to_string(&qr).unwrap();
    assert_eq!(decode_qr(&svg), link);
}

#[test]
fn share_refuses_bad_details_and_writes_nothing() {
    let dir = temp_dir("share-bad");
    let out = dir.join("plan.smpplan");
    let qr = dir.join("card.svg");
    let outputs = ["--out", out.to_str().unwrap(), "--qr", qr.to_str().unwrap()];
    let mut args = share_args(&outputs);
    let phone = args.iter().position(|a| *a == "+44 20 7946 0000").unwrap();
    args[phone] = "call us";
    assert_eq!(
        bad(&args),
        r#"aftercare: --clinic-phone: "call us" is not a phone number: use digits, spaces and + ( ) - . /"#
    );
    let mut args = share_args(&outputs);
    args[2] = "2026-03-01";
    assert_eq!(bad(&args), "aftercare: session 2026-03-01 is given twice");
    let protocol = format!(
        "{}/protocols/four-to-thirty.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut args = share_args(&outputs);
    args.extend(["--protocol", &protocol]);
    let too_long = bad(&args);
    assert!(
        too_long.starts_with("aftercare: plan link: the link would be ")
            && too_long.ends_with(
                " characters, too long for a link or QR code (at most 2000): \
                 share the .smpplan file instead"
            ),
        "{too_long}"
    );
    assert!(!out.exists() && !qr.exists(), "nothing written");
}

#[test]
fn open_shows_what_a_file_or_link_holds() {
    let dir = temp_dir("open");
    let path = dir.join("plan.smpplan");
    ok(&share_args(&["--out", path.to_str().unwrap()]));
    let link = ok(&share_args(&["--link"]));
    let link = link.trim_end();
    assert_eq!(
        ok(&["open", path.to_str().unwrap()]),
        format!(
            "Protocol: 30-day step-by-step plan (four-to-thirty, built in)\n\
             Sessions: Sun 1 Mar 2026, Sun 15 Mar 2026\n\
             Planned:  3\n\
             Zone:     Europe/London\n\
             Clinic:   Hairline <b>Studio</b>\n\
             Phone:    +44 20 7946 0000\n\
             Email:    desk@hairline.example\n\
             Link:     {link}\n"
        )
    );
    let opened = json(&["open", link, "--json"]);
    assert_eq!(opened["protocol"]["id"], "four-to-thirty");
    assert_eq!(
        opened["sessions"],
        serde_json::json!(["2026-03-01", "2026-03-15"])
    );
    assert_eq!(opened["clinic"]["name"], "Hairline <b>Studio</b>");
    assert_eq!(opened["link"], link);
}

#[test]
fn open_refuses_hostile_files_and_links() {
    let huge = temp_bytes("huge.smpplan", &vec![b'#'; 10 * 1024 * 1024]);
    assert_eq!(
        bad(&["open", huge.to_str().unwrap()]),
        format!(
            "aftercare: {}: the file is 10485760 bytes; a plan file may be at most 65536 bytes",
            huge.display()
        )
    );
    let pdf = temp_bytes("leaflet.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    assert_eq!(
        bad(&["open", pdf.to_str().unwrap()]),
        format!(
            "aftercare: {}: This is a PDF, not a plan file: ask your clinic for their .smpplan file or link",
            pdf.display()
        )
    );
    let newer = temp_file("newer.smpplan", "smpplan = 2\n");
    assert_eq!(
        bad(&["open", newer.to_str().unwrap()]),
        format!(
            "aftercare: {}: line 1, field \"smpplan\": written by a newer version of SMP Aftercare \
             (format 2); update the app",
            newer.display()
        )
    );
    let link = ok(&share_args(&["--link"]));
    let tampered = link.trim_end().replace("n=3", "n=4");
    assert_eq!(
        bad(&["open", &tampered]),
        "aftercare: plan link: the link is damaged or was changed: ask your clinic for a new one"
    );
}

#[test]
fn qr_sizes_are_as_docs_plan_file_says() {
    use qrcode::{EcLevel, QrCode, Version};
    let version = |bytes: usize| {
        QrCode::with_error_correction_level(vec![b'a'; bytes], EcLevel::M)
            .unwrap()
            .version()
    };
    assert_eq!(
        version(aftercare::handover::MAX_LINK_BYTES),
        Version::Normal(38)
    );
    assert_eq!(version(202), Version::Normal(10));
    assert_eq!(version(2331), Version::Normal(40));
    assert_eq!(aftercare::handover::QR_EC_LEVEL, 'M');
}

#[test]
fn share_writes_both_files_or_neither() {
    let dir = temp_dir("share-both");
    let out = dir.join("plan.smpplan");
    let qr = dir.join("missing").join("card.svg");
    assert_eq!(
        bad(&share_args(&[
            "--out",
            out.to_str().unwrap(),
            "--qr",
            qr.to_str().unwrap()
        ])),
        format!(
            "aftercare: cannot write {:?}: no such file",
            qr.to_str().unwrap()
        )
    );
    assert!(!out.exists());
}

#[test]
fn open_speaks_spanish_with_its_labels_in_one_column() {
    let dir = temp_dir("open-es");
    let path = dir.join("plan.smpplan");
    ok(&share_args(&["--out", path.to_str().unwrap()]));
    let out = ok_in(&SPANISH, &["open", path.to_str().unwrap()]);
    assert!(
        out.starts_with(
            "Protocolo: Plan de 30 días, paso a paso (four-to-thirty, incluido en la app)\n\
             Sesiones:  dom 1 mar 2026, dom 15 mar 2026\n\
             Previstas: 3\n\
             Zona:      Europe/London\n\
             Clínica:   "
        ),
        "{out}"
    );
    assert!(
        out.contains("\nEnlace:    smp-aftercare://plan?v=1&"),
        "{out}"
    );
}
