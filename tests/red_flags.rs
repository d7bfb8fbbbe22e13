//! Red flags: which cards a check-in brings up on Today, per built-in
//! protocol, and how a protocol's `[[warning]]` section is checked.
//!
//! Day numbering as the clinics count: day 1 is the day of the treatment,
//! day N is `nth_day(session, N)`. The clinic texts behind each built-in
//! warning are quoted in the protocol files.

use aftercare::{
    GENERAL_INFECTION_ID, HEADLINE_MAX, Level, Plan, Protocol, RedFlagCard, RedFlagDays,
    RedFlagSource, Symptom, Symptoms, builtin_ids, nth_day,
};
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The first session of every scenario: Monday 2 March 2026.
fn s1() -> NaiveDate {
    date(2026, 3, 2)
}

#[track_caller]
fn plan(id: &str, sessions: &[NaiveDate]) -> Plan {
    let protocol = Protocol::builtin(id).unwrap_or_else(|e| panic!("{e}"));
    Plan::new(protocol, sessions.to_vec(), None, chrono_tz::Europe::London)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Symptoms with only `symptom` logged, at `level`.
fn only(symptom: Symptom, level: Level) -> Symptoms {
    let mut s = Symptoms::default();
    let slot = match symptom {
        Symptom::Redness => &mut s.redness,
        Symptom::Itching => &mut s.itching,
        Symptom::Scabs => &mut s.scabs,
        Symptom::Soreness => &mut s.soreness,
        Symptom::Swelling => &mut s.swelling,
        Symptom::Sunburn => &mut s.sunburn,
    };
    *slot = level;
    s
}

/// Every symptom logged at `level`.
fn all(level: Level) -> Symptoms {
    Symptoms {
        redness: level,
        itching: level,
        scabs: level,
        soreness: level,
        swelling: level,
        sunburn: level,
    }
}

/// `(id, headline)` of each card, in order.
fn cards(plan: &Plan, on: NaiveDate, symptoms: &Symptoms) -> Vec<(String, String)> {
    plan.red_flags(on, symptoms)
        .into_iter()
        .map(|c| (c.id, c.headline))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const INFECTION: (&str, &str) = ("general-infection", "Watch for signs of infection");

// ---------------------------------------------------------------------------
// Built-in protocols

/// 003: redness "for a few hours and up to a few days" -> expected on days
/// 1-3, a card from day 4.
#[test]
fn four_to_thirty_redness_from_day_4() {
    let p = plan("four-to-thirty", &[s1()]);
    let mild = only(Symptom::Redness, Level::Mild);
    assert_eq!(cards(&p, nth_day(s1(), 1), &mild), pairs(&[]));
    assert_eq!(cards(&p, nth_day(s1(), 3), &mild), pairs(&[]));
    assert_eq!(
        cards(&p, nth_day(s1(), 4), &mild),
        pairs(&[("redness-lasting", "Still red on day 4")])
    );
    assert_eq!(
        cards(&p, nth_day(s1(), 30), &mild),
        pairs(&[("redness-lasting", "Still red on day 30")])
    );
    let card = &p.red_flags(nth_day(s1(), 5), &mild)[0];
    assert_eq!(
        card,
        &RedFlagCard {
            id: "redness-lasting".into(),
            source: RedFlagSource::Clinic,
            symptom: Symptom::Redness,
            headline: "Still red on day 5".into(),
            meaning: "Your clinic says redness can last a few hours, sometimes a few days. \
                      Yours is lasting longer."
                .into(),
            action: "Get in touch with your clinic and tell them how long it has lasted.".into(),
        }
    );
}

/// Days count from the latest session: day 4 after session 2 is a card,
/// day 2 after it is not, however long ago session 1 was.
#[test]
fn the_day_counts_from_the_latest_session() {
    let s2 = date(2026, 3, 12);
    let p = plan("four-to-thirty", &[s1(), s2]);
    let mild = only(Symptom::Redness, Level::Mild);
    assert_eq!(
        cards(&p, date(2026, 3, 11), &mild),
        pairs(&[("redness-lasting", "Still red on day 10")])
    );
    assert_eq!(cards(&p, nth_day(s2, 2), &mild), pairs(&[]));
    assert_eq!(
        cards(&p, nth_day(s2, 4), &mild),
        pairs(&[("redness-lasting", "Still red on day 4")])
    );
    // Before the first session no day window holds.
    assert_eq!(cards(&p, date(2026, 3, 1), &mild), pairs(&[]));
}

/// 003 rule 9: "If you do have sun burn, we will not be able to begin your
/// treatment" -> a card only while a booked session lies ahead.
#[test]
fn four_to_thirty_sunburn_only_with_a_session_ahead() {
    let s2 = date(2026, 3, 12);
    let burnt = only(Symptom::Sunburn, Level::Mild);

    let booked = plan("four-to-thirty", &[s1(), s2]);
    assert_eq!(
        cards(&booked, date(2026, 3, 10), &burnt),
        pairs(&[(
            "sunburn-before-session",
            "Sunburnt before your next session"
        )])
    );
    assert_eq!(
        cards(&booked, s2, &burnt),
        pairs(&[("sunburn-before-session", "Sunburnt on your session day")])
    );
    // Before the first session too.
    assert_eq!(
        cards(&booked, date(2026, 2, 27), &burnt),
        pairs(&[(
            "sunburn-before-session",
            "Sunburnt before your next session"
        )])
    );
    // After the last booked session: nothing ahead, no card.
    assert_eq!(cards(&booked, nth_day(s2, 2), &burnt), pairs(&[]));

    // The next session planned but not booked: no date to warn about.
    let unbooked = plan("four-to-thirty", &[s1()]);
    assert_eq!(cards(&unbooked, nth_day(s1(), 8), &burnt), pairs(&[]));

    let card = &booked.red_flags(s2, &burnt)[0];
    assert_eq!(
        card.meaning,
        "Your clinic can't start a session on sunburnt skin, so your next one may not go ahead."
    );
    assert_eq!(
        card.action,
        "Call your clinic before your appointment, and keep your scalp out of the sun."
    );
}

/// 002: "some redness for a couple of days" -> a card from day 3; 002 says
/// nothing about sunburn before a session.
#[test]
fn four_day_dry_redness_from_day_3_and_no_sunburn_card() {
    let p = plan("four-day-dry", &[s1(), date(2026, 3, 8)]);
    let mild = only(Symptom::Redness, Level::Mild);
    assert_eq!(cards(&p, nth_day(s1(), 2), &mild), pairs(&[]));
    assert_eq!(
        cards(&p, nth_day(s1(), 3), &mild),
        pairs(&[("redness-lasting", "Still red on day 3")])
    );
    assert_eq!(
        cards(&p, nth_day(s1(), 4), &only(Symptom::Sunburn, Level::Strong)),
        pairs(&[])
    );
}

/// 001: redness fades "within a few hours and up to 24 hours", rarely
/// lasting "the following few days" -> a card from day 5.
#[test]
fn light_exercise_redness_from_day_5() {
    let p = plan("light-exercise-day-five", &[s1()]);
    let moderate = only(Symptom::Redness, Level::Moderate);
    assert_eq!(cards(&p, nth_day(s1(), 4), &moderate), pairs(&[]));
    assert_eq!(
        cards(&p, nth_day(s1(), 5), &moderate),
        pairs(&[("redness-lasting", "Still red on day 5")])
    );
}

/// 000 says nothing about any symptom: only the general card ever shows.
#[test]
fn two_week_rest_has_no_clinic_card() {
    let p = plan("two-week-rest", &[s1(), date(2026, 3, 20)]);
    assert!(p.protocol().red_flags().is_empty());
    assert_eq!(
        cards(&p, nth_day(s1(), 10), &all(Level::Moderate)),
        pairs(&[])
    );
    assert_eq!(
        cards(&p, nth_day(s1(), 10), &all(Level::Strong)),
        pairs(&[INFECTION])
    );
}

/// Everything logged `none`: no card, on any day of any built-in plan.
#[test]
fn nothing_logged_means_no_card() {
    for id in builtin_ids() {
        let p = plan(id, &[s1(), date(2026, 3, 12)]);
        for n in 0..40 {
            let on = date(2026, 2, 25) + chrono::Days::new(n);
            assert_eq!(cards(&p, on, &Symptoms::default()), pairs(&[]), "{id} {on}");
        }
    }
}

/// Each warning's level is the least that matches; the built-ins all start
/// at mild, so "none" is the only level that gives no card.
#[test]
fn built_in_warnings_match_from_mild() {
    for id in builtin_ids() {
        for flag in Protocol::builtin(id).unwrap().red_flags() {
            assert_eq!(flag.level, Level::Mild, "{id} {}", flag.id);
        }
    }
}

// ---------------------------------------------------------------------------
// The general card

#[test]
fn general_card_for_strong_redness_swelling_or_soreness() {
    let p = plan("four-to-thirty", &[s1()]);
    let day2 = nth_day(s1(), 2);
    for symptom in [Symptom::Redness, Symptom::Swelling, Symptom::Soreness] {
        let found = p.red_flags(day2, &only(symptom, Level::Strong));
        assert_eq!(found.len(), 1, "{symptom:?}");
        assert_eq!(found[0].id, GENERAL_INFECTION_ID);
        assert_eq!(found[0].source, RedFlagSource::General);
        assert_eq!(found[0].symptom, symptom);
        assert_eq!(p.red_flags(day2, &only(symptom, Level::Moderate)), []);
    }
    // Strong itching, scabs or sunburn (no session ahead) are not signs it names.
    for symptom in [Symptom::Itching, Symptom::Scabs, Symptom::Sunburn] {
        assert_eq!(p.red_flags(day2, &only(symptom, Level::Strong)), []);
    }
    // Any day: before the first session too.
    assert_eq!(
        cards(
            &p,
            date(2026, 2, 1),
            &only(Symptom::Swelling, Level::Strong)
        ),
        pairs(&[INFECTION])
    );
}

#[test]
fn general_card_says_it_is_general_and_never_diagnoses() {
    let p = plan("four-to-thirty", &[s1()]);
    let card = p
        .red_flags(nth_day(s1(), 2), &only(Symptom::Redness, Level::Strong))
        .remove(0);
    assert_eq!(card.headline, "Watch for signs of infection");
    assert_eq!(
        card.meaning,
        "General guidance, not your clinic's: redness that spreads, heat, pus or a fever can \
         be signs of infection."
    );
    assert_eq!(
        card.action,
        "If you notice any of them, see a doctor today."
    );
    for text in [&card.headline, &card.meaning, &card.action] {
        assert!(!text.contains("you have"), "{text}");
    }
}

/// Clinic cards first, in protocol order, then one general card; no id twice.
#[test]
fn clinic_cards_first_general_last_no_duplicates() {
    let s2 = date(2026, 3, 12);
    let p = plan("four-to-thirty", &[s1(), s2]);
    assert_eq!(
        cards(&p, nth_day(s1(), 6), &all(Level::Strong)),
        pairs(&[
            ("redness-lasting", "Still red on day 6"),
            (
                "sunburn-before-session",
                "Sunburnt before your next session"
            ),
            INFECTION,
        ])
    );
}

#[test]
fn every_card_of_every_builtin_fits_a_phone() {
    for id in builtin_ids() {
        let p = plan(id, &[s1(), date(2026, 3, 12)]);
        for n in [0, 1, 3, 4, 10, 11, 40, 400] {
            let on = s1() + chrono::Days::new(n);
            for card in p.red_flags(on, &all(Level::Strong)) {
                assert!(card.headline.chars().count() <= HEADLINE_MAX, "{card:?}");
                assert!(card.meaning.chars().count() <= 200, "{card:?}");
                assert!(card.action.chars().count() <= 200, "{card:?}");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The `[[warning]]` section

/// Lines 1-14: a valid protocol with one rule; a `[[warning]]` appended
/// starts on line 15.
const HEAD: &str = "format = 1\nid = \"t\"\nname = \"T\"\nsummary = \"S\"\n\
                    [sessions]\nusual = 2\nmin = 1\nmax = 3\n\
                    [[rule]]\nactivity = \"wash\"\nstatus = \"avoid\"\nscope = \"after_each\"\n\
                    to_day = 5\nnote = \"n\"\n";

/// A warning table (line 15 on) of the given lines.
fn with_warning(lines: &[&str]) -> Result<Protocol, aftercare::Error> {
    let mut text = format!("{HEAD}[[warning]]\n");
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    Protocol::from_toml("t.toml", &text)
}

fn warning_err(lines: &[&str]) -> String {
    with_warning(lines).unwrap_err().to_string()
}

/// A complete warning (lines 16-21), with `change` replacing the line that
/// starts with the same key, or appended when no line does.
fn warning_with(change: &str) -> Vec<String> {
    let mut lines: Vec<String> = [
        "id = \"redness-lasting\"",
        "symptom = \"redness\"",
        "level = \"moderate\"",
        "from_day = 4",
        "meaning = \"Longer than usual.\"",
        "note = \"Call us.\"",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let key = change.split(' ').next().unwrap_or_default();
    match lines.iter().position(|l| l.starts_with(&format!("{key} "))) {
        Some(i) => lines[i] = change.to_string(),
        None => lines.push(change.to_string()),
    }
    lines
}

fn err_with(change: &str) -> String {
    let lines = warning_with(change);
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    warning_err(&refs)
}

#[test]
fn a_warning_is_read() {
    let lines = warning_with("to_day = 9");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let p = with_warning(&refs).unwrap();
    let flag = &p.red_flags()[0];
    assert_eq!(flag.id, "redness-lasting");
    assert_eq!(flag.symptom, Symptom::Redness);
    assert_eq!(flag.level, Level::Moderate);
    assert_eq!(
        flag.days,
        RedFlagDays::AfterSession {
            from_day: 4,
            to_day: Some(9)
        }
    );
    assert_eq!(flag.meaning, "Longer than usual.");
    assert_eq!(flag.note, "Call us.");

    let sun = with_warning(&[
        "id = \"sun\"",
        "symptom = \"sunburn\"",
        "level = \"mild\"",
        "before_session = true",
        "meaning = \"m\"",
        "note = \"n\"",
    ])
    .unwrap();
    assert_eq!(sun.red_flags()[0].days, RedFlagDays::BeforeSession);
}

/// A format-1 file without the section stays valid, with no warnings.
#[test]
fn a_file_without_warnings_stays_valid() {
    let p = Protocol::from_toml("t.toml", HEAD).unwrap();
    assert_eq!(p.red_flags(), []);
}

/// Without from_day a warning holds from day 1; a window ends on its to_day.
#[test]
fn a_warning_window_holds_on_its_edges() {
    let text = format!(
        "{HEAD}[[warning]]\nid = \"swollen\"\nsymptom = \"swelling\"\nlevel = \"moderate\"\n\
         to_day = 3\nmeaning = \"m\"\nnote = \"n\"\n"
    );
    let protocol = Protocol::from_toml("t.toml", &text).unwrap();
    let p = Plan::new(protocol, vec![s1()], None, chrono_tz::UTC).unwrap();
    let swollen = only(Symptom::Swelling, Level::Moderate);
    assert_eq!(
        cards(&p, nth_day(s1(), 1), &swollen),
        pairs(&[("swollen", "Swollen on day 1")])
    );
    assert_eq!(
        cards(&p, nth_day(s1(), 3), &swollen),
        pairs(&[("swollen", "Swollen on day 3")])
    );
    assert_eq!(cards(&p, nth_day(s1(), 4), &swollen), pairs(&[]));
    // Below its level: no card.
    assert_eq!(
        cards(&p, nth_day(s1(), 2), &only(Symptom::Swelling, Level::Mild)),
        pairs(&[])
    );
}

#[test]
fn missing_field() {
    assert_eq!(
        warning_err(&[
            "id = \"r\"",
            "symptom = \"redness\"",
            "level = \"mild\"",
            "note = \"n\""
        ]),
        "t.toml: line 15, field \"meaning\": missing field `meaning`"
    );
}

#[test]
fn unknown_field() {
    let msg = err_with("colour = \"red\"");
    assert!(
        msg.starts_with(
            "t.toml: line 22, field \"colour\": unknown field `colour`, expected one of"
        ),
        "{msg}"
    );
}

#[test]
fn bad_id() {
    assert_eq!(
        err_with("id = \"Red_Flag\""),
        "t.toml: line 16, field \"id\": \"Red_Flag\" is not a valid warning id (use lowercase \
         letters, digits and hyphens)"
    );
}

#[test]
fn bad_symptom() {
    assert_eq!(
        err_with("symptom = \"rash\""),
        "t.toml: line 17, field \"symptom\": unknown symptom \"rash\" (expected one of: redness, \
         itching, scabs, soreness, swelling, sunburn)"
    );
}

#[test]
fn bad_level() {
    assert_eq!(
        err_with("level = \"high\""),
        "t.toml: line 18, field \"level\": unknown level \"high\" (expected mild, moderate or strong)"
    );
    // "none" would match every check-in.
    assert_eq!(
        err_with("level = \"none\""),
        "t.toml: line 18, field \"level\": unknown level \"none\" (expected mild, moderate or strong)"
    );
}

#[test]
fn to_day_before_from_day() {
    assert_eq!(
        err_with("to_day = 3"),
        "t.toml: line 22, field \"to_day\": 3 is before from_day 4"
    );
    assert_eq!(
        err_with("from_day = 0"),
        "t.toml: line 19, field \"from_day\": 0 is out of range (expected 1 to 366)"
    );
}

#[test]
fn before_session_with_day_numbers() {
    assert_eq!(
        err_with("before_session = true"),
        "t.toml: line 19, field \"from_day\": a before_session warning holds until the next \
         booked session: leave out from_day and to_day"
    );
    assert_eq!(
        warning_err(&[
            "id = \"sun\"",
            "symptom = \"sunburn\"",
            "level = \"mild\"",
            "before_session = true",
            "to_day = 2",
            "meaning = \"m\"",
            "note = \"n\"",
        ]),
        "t.toml: line 20, field \"to_day\": a before_session warning holds until the next \
         booked session: leave out from_day and to_day"
    );
    // before_session = false is the default: day numbers are fine.
    let lines = warning_with("before_session = false");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    assert!(with_warning(&refs).is_ok());
}

#[test]
fn duplicate_id() {
    let one = "[[warning]]\nid = \"red\"\nsymptom = \"redness\"\nlevel = \"mild\"\nmeaning = \"m\"\nnote = \"n\"\n";
    let e = Protocol::from_toml("t.toml", &format!("{HEAD}{one}{one}"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "t.toml: line 22, field \"id\": warning id \"red\" is used twice"
    );
}

#[test]
fn too_long_meaning_and_empty_note() {
    let long = "é".repeat(201);
    assert_eq!(
        err_with(&format!("meaning = \"{long}\"")),
        "t.toml: line 20, field \"meaning\": is 201 characters long; at most 200 are allowed"
    );
    assert_eq!(
        err_with("note = \" \""),
        "t.toml: line 21, field \"note\": must not be empty"
    );
}

/// Every built-in warning's meaning and note read as sentences (shown
/// alone on a card, unlike advice notes, which follow a topic name).
#[test]
fn built_in_warning_texts_are_sentences() {
    for id in builtin_ids() {
        for flag in Protocol::builtin(id).unwrap().red_flags() {
            for text in [&flag.meaning, &flag.note] {
                assert!(text.starts_with(char::is_uppercase), "{id}: {text}");
                assert!(text.ends_with('.'), "{id}: {text}");
            }
        }
    }
}
