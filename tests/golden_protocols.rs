//! Golden scenarios for the built-in protocols.
//!
//! Each assertion pins a day boundary to the clinic text it comes from
//! (quoted in the comment above it; the texts are the clinic pages kept
//! beside the project, named here by file):
//!
//! | protocol | clinic text |
//! | --- | --- |
//! | four-to-thirty (default) | 003 (`003_62dd0bdace2c1b8e.txt`) |
//! | four-day-dry | 002 (`002_2677782ee89ca496.txt`) |
//! | light-exercise-day-five | 001 (`001_442b08da8c6326b2.txt`) |
//! | two-week-rest | 000 (`000_5bb32a999a562312.txt`) |
//!
//! Silence is not permission: where no rule covers a day, the activity is
//! not listed at all (`assert_unsaid`), and a restriction that ends with
//! nothing said after it sends the client to the clinic
//! (`assert_avoid_then_ask`).
//!
//! Day numbering as the clinics count: day 1 is the day of the treatment,
//! day N is `nth_day(session, N)`.

use aftercare::{
    Activity, ActivityStatus, Allowance, DEFAULT_PROTOCOL, Lift, Milestone, MilestoneKind, Plan,
    Protocol, RedFlagDays, Symptom, Topic, nth_day,
};
use chrono::NaiveDate;

// ---------------------------------------------------------------------------
// Helpers

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The first session of every scenario: Monday 2 March 2026.
fn s1() -> NaiveDate {
    date(2026, 3, 2)
}

/// `date` plus `n` calendar days (for session spacing: "10 days after").
fn plus(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(n)).unwrap()
}

/// `date` minus `n` calendar days (for preparation: "3 days prior").
fn minus(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_sub_days(chrono::Days::new(n)).unwrap()
}

#[track_caller]
fn plan(id: &str, sessions: &[NaiveDate], planned: Option<u32>) -> Plan {
    let protocol = Protocol::builtin(id).unwrap_or_else(|e| panic!("{e}"));
    Plan::new(
        protocol,
        sessions.to_vec(),
        planned,
        chrono_tz::Europe::London,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[track_caller]
fn at(plan: &Plan, on: NaiveDate, activity: Activity) -> ActivityStatus {
    plan.status(on)
        .activity(activity)
        .cloned()
        .unwrap_or_else(|| panic!("{} never mentions {activity}", plan.protocol().id()))
}

/// Avoided on `on`, allowed again (no longer avoided) on `allowed_from`.
#[track_caller]
fn assert_avoid(plan: &Plan, on: NaiveDate, activity: Activity, allowed_from: NaiveDate) {
    let a = at(plan, on, activity);
    assert_eq!(a.status, Allowance::Avoid, "{activity} on {on}: {a:?}");
    assert_eq!(
        a.allowed_from,
        Some(allowed_from),
        "{activity} on {on}: allowed_from"
    );
    assert!(
        !a.until_next_session,
        "{activity} on {on}: until_next_session"
    );
}

/// Avoided on `on`, open-ended until the next (unbooked) session.
#[track_caller]
fn assert_avoid_until_next_session(plan: &Plan, on: NaiveDate, activity: Activity) {
    let a = at(plan, on, activity);
    assert_eq!(a.status, Allowance::Avoid, "{activity} on {on}: {a:?}");
    assert!(
        a.until_next_session,
        "{activity} on {on}: until_next_session: {a:?}"
    );
    assert_eq!(a.allowed_from, None, "{activity} on {on}: allowed_from");
}

#[track_caller]
fn assert_status(plan: &Plan, on: NaiveDate, activity: Activity, expected: Allowance) {
    let a = at(plan, on, activity);
    assert_eq!(a.status, expected, "{activity} on {on}: {a:?}");
}

#[track_caller]
fn assert_limited(plan: &Plan, on: NaiveDate, activity: Activity, note: &str) {
    let a = at(plan, on, activity);
    assert_eq!(a.status, Allowance::Limited, "{activity} on {on}: {a:?}");
    assert_eq!(a.note.as_deref(), Some(note), "{activity} on {on}: note");
}

#[track_caller]
fn assert_ok(plan: &Plan, on: NaiveDate, activity: Activity) {
    assert_status(plan, on, activity, Allowance::Ok);
}

/// No rule speaks about `activity` on `on`: it is not listed at all.
#[track_caller]
fn assert_unsaid(plan: &Plan, on: NaiveDate, activity: Activity) {
    let listed = plan.status(on).activity(activity).cloned();
    assert_eq!(listed, None, "{activity} on {on} should not be listed");
}

/// Avoided on `on`; the clinic says nothing after the restriction, so the
/// client is sent to the clinic from `ask_from` (never told "allowed").
#[track_caller]
fn assert_avoid_then_ask(plan: &Plan, on: NaiveDate, activity: Activity, ask_from: NaiveDate) {
    let a = at(plan, on, activity);
    assert_eq!(a.status, Allowance::Avoid, "{activity} on {on}: {a:?}");
    assert_eq!(a.allowed_from, None, "{activity} on {on}: allowed_from");
    assert_eq!(a.ask_clinic_from, Some(ask_from), "{activity} on {on}");
    assert_unsaid(plan, ask_from, activity);
}

/// Limited for good after the final session, with this note.
#[track_caller]
fn assert_lasting(plan: &Plan, on: NaiveDate, activity: Activity, note: &str) {
    assert_limited(plan, on, activity, note);
    let a = at(plan, on, activity);
    assert!(a.lasting, "{activity} on {on}: {a:?}");
    assert_eq!((a.ok_from, a.ask_clinic_from), (None, None));
}

fn has_care(plan: &Plan, on: NaiveDate, id: &str) -> bool {
    plan.status(on).care.iter().any(|c| c.id == id)
}

fn milestone_on(plan: &Plan, on: NaiveDate) -> Option<&Milestone> {
    plan.milestones().iter().find(|m| m.date == on)
}

fn milestones_of(plan: &Plan, kind: MilestoneKind) -> Vec<NaiveDate> {
    plan.milestones()
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.date)
        .collect()
}

// ---------------------------------------------------------------------------
// All built-ins, and the format's own example

/// The complete example in docs/protocol-format.md is what clinics copy:
/// it must be a valid protocol, and say "fine again" where its sheet does.
#[test]
fn the_format_documents_example_is_valid() {
    let doc = include_str!("../docs/protocol-format.md");
    let start = doc
        .find("```toml\n# Harbour Lane")
        .expect("the complete example")
        + "```toml\n".len();
    let text = &doc[start..start + doc[start..].find("```").unwrap()];
    let protocol =
        Protocol::from_toml("protocol-format.md", text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(protocol.id(), "harbour-lane");
    let s = s1();
    let plan = Plan::new(protocol, vec![s], None, chrono_tz::UTC).unwrap();
    assert_ok(&plan, nth_day(s, 15), Activity::Wash);
    assert_ok(&plan, nth_day(s, 8), Activity::Sweat);
    // "Some redness for a day or two is normal" -> a card from day 3.
    let red = aftercare::Symptoms {
        redness: aftercare::Level::Mild,
        ..aftercare::Symptoms::default()
    };
    assert_eq!(plan.red_flags(nth_day(s, 2), &red), []);
    let cards = plan.red_flags(nth_day(s, 3), &red);
    assert_eq!(cards.len(), 1);
    assert_eq!(&*cards[0].headline, "Still red on day 3");
}

#[test]
fn every_builtin_parses_and_four_to_thirty_is_the_default() {
    assert_eq!(DEFAULT_PROTOCOL, "four-to-thirty");
    let ids: Vec<String> = Protocol::builtins()
        .iter()
        .map(|p| p.id().to_string())
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
}

// ---------------------------------------------------------------------------
// Advice: what each clinic says outside its dated rules ("Can I…?")

/// The topics each built-in's clinic speaks of, and nothing else: a topic
/// the clinic is silent on is left out, so "Can I…?" sends the client to
/// the clinic rather than inventing an answer.
#[test]
fn advice_is_given_only_where_the_clinic_speaks() {
    let topics = |id: &str| -> Vec<Topic> {
        Protocol::builtin(id)
            .unwrap()
            .advice()
            .iter()
            .map(|a| a.topic)
            .collect()
    };
    assert_eq!(
        topics("four-to-thirty"),
        [Topic::PainRelief, Topic::Caps, Topic::Redness, Topic::Scabs]
    );
    assert_eq!(topics("four-day-dry"), [Topic::Redness]);
    assert_eq!(topics("light-exercise-day-five"), [Topic::Redness]);
    assert_eq!(topics("two-week-rest"), []);
}

fn advice(id: &str, topic: Topic) -> String {
    Protocol::builtin(id)
        .unwrap()
        .advice_on(topic)
        .unwrap()
        .note
        .clone()
}

/// 003 "Pain relief and medications": "Pain relief can be taken prior to the
/// treatment, such as Paracetamol, Co-Codamol and or Ibuprofen. Where possible
/// please refrain from using aspirin as this is used as a blood thinner".
/// Ibuprofen is pain relief here, not a blood thinner to avoid.
#[test]
fn four_to_thirty_pain_relief_names_paracetamol_and_ibuprofen_not_aspirin() {
    assert_eq!(
        advice("four-to-thirty", Topic::PainRelief),
        "paracetamol, co-codamol or ibuprofen are fine to take before a session; \
         avoid aspirin where you can, as it thins the blood (if you take it for a medical \
         condition, tell your clinic)"
    );
}

/// 003 rule 2: "You may wear silk or cap hats."; pre-treatment: "Bring a cap
/// or silk hat (optional) as straight after your treatment your scalp will
/// look red and agitated".
#[test]
fn four_to_thirty_caps_are_fine() {
    assert_eq!(
        advice("four-to-thirty", Topic::Caps),
        "a cap or a silk hat is fine, even straight after a session"
    );
}

/// 003: "redness may appear on the scalp for a few hours and up to a few
/// days post treatment"; rule 4: "if the scabs are removed the pigment may
/// fade". 002: "there will be some redness for a couple of days". 001: "any
/// redness will dissipate within a few hours and up to 24 hours ... Some
/// clients may experience redness for the following few days although this
/// is quite rare."
#[test]
fn redness_and_scabs_say_what_each_clinic_calls_normal() {
    assert_eq!(
        advice("four-to-thirty", Topic::Redness),
        "some redness for a few hours, sometimes a few days, is normal"
    );
    assert_eq!(
        advice("four-to-thirty", Topic::Scabs),
        "light scabs can form: let them come off by themselves, as pulling them off can fade the pigment"
    );
    assert_eq!(
        advice("four-day-dry", Topic::Redness),
        "some redness for a couple of days is expected"
    );
    assert_eq!(
        advice("light-exercise-day-five", Topic::Redness),
        "redness usually fades within a day; for a few clients it lasts a few days"
    );
}

// ---------------------------------------------------------------------------
// Warnings: symptoms each clinic's text says something about (red-flag cards)

/// Each built-in's `[[warning]]`s, and nothing the clinic is silent on:
/// redness beyond what 003, 002 and 001 call normal (003: "a few hours and
/// up to a few days"; 002: "a couple of days"; 001: "up to 24 hours ... the
/// following few days"), and 003 rule 9: "If you do have sun burn, we will
/// not be able to begin your treatment". 000 names no symptom at all. The
/// matching days are pinned in tests/red_flags.rs.
#[test]
fn warnings_are_given_only_where_the_clinic_speaks() {
    let flags = |id: &str| -> Vec<(String, Symptom, RedFlagDays)> {
        Protocol::builtin(id)
            .unwrap()
            .red_flags()
            .iter()
            .map(|f| (f.id.clone(), f.symptom, f.days))
            .collect()
    };
    let from = |from_day| RedFlagDays::AfterSession {
        from_day,
        to_day: None,
    };
    assert_eq!(
        flags("four-to-thirty"),
        [
            ("redness-lasting".to_string(), Symptom::Redness, from(4)),
            (
                "sunburn-before-session".to_string(),
                Symptom::Sunburn,
                RedFlagDays::BeforeSession
            ),
        ]
    );
    assert_eq!(
        flags("four-day-dry"),
        [("redness-lasting".to_string(), Symptom::Redness, from(3))]
    );
    assert_eq!(
        flags("light-exercise-day-five"),
        [("redness-lasting".to_string(), Symptom::Redness, from(5))]
    );
    assert_eq!(flags("two-week-rest"), []);
}

// ---------------------------------------------------------------------------
// four-to-thirty (clinic text 003)

const FTT: &str = "four-to-thirty";

/// 003's usual plan: second session 10 days after the first, third three
/// weeks after the second.
fn ftt_three_sessions() -> [NaiveDate; 3] {
    // 003: "The second treatment is 10 days after your first treatment and the
    // third is three weeks after your second treatment."
    let s2 = plus(s1(), 10);
    let s3 = plus(s2, 21);
    [s1(), s2, s3]
}

#[test]
fn four_to_thirty_sessions_and_spacing() {
    let p = Protocol::builtin(FTT).unwrap();
    let s = p.sessions();
    // 003: "You'll typically need 2-4 sessions, with the average being 3."
    assert_eq!((s.usual, s.min, s.max), (3, 2, 4));
    // 003: "These are scheduled 10-21 days apart for the best results."
    assert_eq!((s.min_gap_days, s.max_gap_days), (Some(10), Some(21)));
    // 003: "Three weeks after your final session has passed, your scalp will be fully healed"
    assert_eq!(p.healed_after_days(), Some(21));
    // 003 gives no touch-up interval.
    assert_eq!(p.touch_up_after_years(), None);
}

#[test]
fn four_to_thirty_first_five_days_after_a_session() {
    let s = s1();
    let plan = plan(FTT, &[s], None);
    let st = plan.status(s);
    assert_eq!((st.day, st.session), (Some(1), Some(1)));

    // 003: "Avoid washing and shaving your scalp for 5 days post treatment (day
    // one starts the day of your treatment)"
    assert_avoid(&plan, s, Activity::Wash, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Wash, nth_day(s, 6));
    assert_avoid(&plan, s, Activity::Shave, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Shave, nth_day(s, 6));
    // 003: "Avoid getting your scalp wet for 5 days. This includes protecting
    // your scalp from the rain, water and sweat."
    assert_avoid(&plan, s, Activity::Wet, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Wet, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Rinse, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Bath, nth_day(s, 6));
    // 003: "On day 6 after your treatment you are able to apply moisturiser"
    assert_avoid(&plan, nth_day(s, 5), Activity::Moisturise, nth_day(s, 6));
    // 003: "for the first 5 days including the day of your treatment DO NOT exercise"
    assert_avoid(&plan, s, Activity::Exercise, nth_day(s, 6));
    assert_avoid(&plan, nth_day(s, 5), Activity::Exercise, nth_day(s, 6));
    // 003: "On day 5 after your treatment, use a minimum of factor 30 sun cream"
    // (cautious: no sun before day 5)
    assert_avoid(&plan, s, Activity::Sun, nth_day(s, 5));
    assert_avoid(&plan, nth_day(s, 4), Activity::Sun, nth_day(s, 5));
}

#[test]
fn four_to_thirty_day_six_eases_washing_shaving_and_moisturiser() {
    let s = s1();
    let plan = plan(FTT, &[s], None);
    let day6 = nth_day(s, 6);

    // 003: "On day 6 after your treatment you are able to rinse your scalp with
    // warm water. Where possible, avoid power showers, coarse scrubs, shampoos"
    assert_limited(
        &plan,
        day6,
        Activity::Wash,
        "gentle warm water only: no shampoo, power shower or scrubbing",
    );
    assert_limited(
        &plan,
        day6,
        Activity::Rinse,
        "warm water, and pat dry without rubbing",
    );
    // 003: "You are able to briefly soak your scalp in a warm bath."
    assert_limited(&plan, day6, Activity::Bath, "short and warm only");
    // 003: "On day 6 after your treatment you are able to shave your head. It is
    // advised to use a foil shaver only."
    assert_limited(
        &plan,
        day6,
        Activity::Shave,
        "foil shaver only, no wet razors",
    );
    // 003: "Avoid getting your scalp wet for 5 days" -> day 6 is fine.
    assert_ok(&plan, day6, Activity::Wet);
    // 003: "On day 6 after your treatment you are able to apply moisturiser on
    // your scalp 2-3 times a day."
    assert_ok(&plan, day6, Activity::Moisturise);
    assert!(!has_care(&plan, nth_day(s, 5), "moisturise"));
    assert!(has_care(&plan, day6, "moisturise"));

    // The milestone of day 6 names the news in its headline and says the
    // condition in a point.
    let m = milestone_on(&plan, day6).expect("a milestone on day 6");
    assert_eq!(m.kind, MilestoneKind::Change);
    assert_eq!(m.day, Some(6));
    assert_eq!(&*m.headline, "Day 6: rinse and shave again");
    assert!(
        m.points
            .contains(&"Shave again (foil shaver only, no wet razors).".into()),
        "{:?}",
        m.points
    );

    // 003 gives the gentle routine no end date. Between sessions it runs to
    // day 21 (003's "Three weeks after your final session has passed, your
    // scalp will be fully healed") and never into the next session. 003 says
    // "all normal daily tasks can now be completed" only after the final
    // session: with the next one not booked, nothing is said after day 21,
    // so the client is sent to the clinic, not told "fine".
    let wash = at(&plan, day6, Activity::Wash);
    assert_eq!(wash.ok_from, None);
    assert_eq!(wash.ask_clinic_from, Some(nth_day(s, 22)));
    assert_status(&plan, nth_day(s, 21), Activity::Wash, Allowance::Limited);
    assert_unsaid(&plan, nth_day(s, 22), Activity::Wash);
    assert_status(&plan, nth_day(s, 21), Activity::Shave, Allowance::Limited);
    assert_unsaid(&plan, nth_day(s, 22), Activity::Shave);
}

#[test]
fn four_to_thirty_exercise_sweat_and_hats() {
    let s = s1();
    let plan = plan(FTT, &[s], None);

    // 003: "From day 5 you are able to exercise causing minimal sweat" vs "for
    // the first 5 days including the day of your treatment DO NOT exercise"
    // (cautious: light exercise from day 6).
    assert_status(&plan, nth_day(s, 5), Activity::Exercise, Allowance::Avoid);
    assert_limited(
        &plan,
        nth_day(s, 6),
        Activity::Exercise,
        "keep sweat to a minimum",
    );
    assert_limited(
        &plan,
        nth_day(s, 9),
        Activity::Exercise,
        "keep sweat to a minimum",
    );
    assert_eq!(
        at(&plan, s, Activity::Exercise).ok_from,
        Some(nth_day(s, 10))
    );
    // 003: "On day 10 after your treatment you are able to sweat excessively and
    // resume any exercise routines you may have."
    assert_ok(&plan, nth_day(s, 10), Activity::Exercise);
    assert_avoid(&plan, s, Activity::Sweat, nth_day(s, 10));
    assert_avoid(&plan, nth_day(s, 9), Activity::Sweat, nth_day(s, 10));
    assert_ok(&plan, nth_day(s, 10), Activity::Sweat);
    // 003 names saunas and steam rooms with swimming ("Avoid swimming,
    // saunas or steam rooms" for 30 days after the final session); swimming
    // is off for 30 days after every session ("This includes your 1st, 2nd
    // and 3rd session"). Cautious reading: saunas too, 30 days after every
    // session. 003 only says they are fine after the final session.
    assert_avoid_then_ask(&plan, nth_day(s, 10), Activity::Sauna, nth_day(s, 31));

    // 003: "You will need to avoid wearing wooly hats up to 10 days after your
    // treatment." (cautious: day 10 included)
    assert_avoid(&plan, s, Activity::WoollyHat, nth_day(s, 11));
    assert_avoid(&plan, nth_day(s, 10), Activity::WoollyHat, nth_day(s, 11));
    assert_ok(&plan, nth_day(s, 11), Activity::WoollyHat);
}

#[test]
fn four_to_thirty_swimming_thirty_days_after_every_session() {
    let s = s1();
    let plan = plan(FTT, &[s], None);
    // 003: "Avoid swimming for 30 days after your treatment. This includes your
    // 1st, 2nd and 3rd session."
    assert_avoid(&plan, s, Activity::Swim, nth_day(s, 31));
    assert_avoid(&plan, nth_day(s, 30), Activity::Swim, nth_day(s, 31));
    assert_ok(&plan, nth_day(s, 31), Activity::Swim);
}

#[test]
fn four_to_thirty_sun_between_sessions() {
    let s = s1();
    let plan = plan(FTT, &[s], None);
    // 003: "On day 5 after your treatment, use a minimum of factor 30 sun cream
    // to protect your scalp from the sun if necessary."
    assert_limited(
        &plan,
        nth_day(s, 5),
        Activity::Sun,
        "SPF 30+ sun cream, and no sunburn before your next visit",
    );
    assert!(!has_care(&plan, nth_day(s, 4), "sun_cream"));
    assert!(has_care(&plan, nth_day(s, 5), "sun_cream"));
}

#[test]
fn four_to_thirty_between_rules_stay_open_while_the_next_session_is_unbooked() {
    let s = s1();
    // Three planned (the usual), only the first booked.
    let plan = plan(FTT, &[s], None);
    assert_eq!(plan.planned(), 3);
    let late = nth_day(s, 45);
    // 003: "Protect your scalp from the sun before each treatment ... If you do
    // have sun burn, we will not be able to begin your treatment."
    assert_status(&plan, late, Activity::Sun, Allowance::Limited);
    assert_avoid_until_next_session(&plan, late, Activity::Sunbed);
    // 003: "If it is your first treatment, continue applying moisturiser until
    // your next session."
    assert!(has_care(&plan, late, "moisturise"));
    // 003: "Avoid swimming for 30 days after your treatment" -> over by day 45.
    assert_ok(&plan, late, Activity::Swim);
    // 003 rule 3 is the only one that says when swimming is fine again;
    // sunbeds 003 never allows.
    assert_eq!(at(&plan, late, Activity::Sunbed).allowed_from, None);
    // Sunbeds are held "until your next session" only in part: session 2
    // starts its own 30 days without them, so they stay off until after it.
    let sunbed = at(&plan, nth_day(s, 5), Activity::Sunbed);
    assert!(
        sunbed.until_next_session && sunbed.after_next_session,
        "{sunbed:?}"
    );
}

#[test]
fn four_to_thirty_windows_restart_at_the_second_session() {
    let [s1, s2, _] = ftt_three_sessions();
    let plan = plan(FTT, &[s1, s2], Some(3));

    let st = plan.status(s2);
    assert_eq!((st.day, st.session), (Some(1), Some(2)));
    // 003: "Avoid washing and shaving your scalp for 5 days post treatment"
    // counts again from session 2.
    assert_status(&plan, nth_day(s1, 10), Activity::Wash, Allowance::Limited);
    assert_avoid(&plan, s2, Activity::Wash, nth_day(s2, 6));
    assert_avoid(&plan, s2, Activity::Shave, nth_day(s2, 6));
    assert_limited(
        &plan,
        nth_day(s2, 6),
        Activity::Shave,
        "foil shaver only, no wet razors",
    );
    // 003: "You will need to avoid wearing wooly hats up to 10 days after your
    // treatment." Day 10 of session 1 is the eve of session 2, so the two
    // windows run on: woolly hats are next allowed on day 11 of session 2.
    assert_avoid(&plan, nth_day(s1, 10), Activity::WoollyHat, nth_day(s2, 11));
    // 003: "Avoid swimming for 30 days after your treatment. This includes your
    // 1st, 2nd and 3rd session."
    assert_avoid(&plan, nth_day(s1, 5), Activity::Swim, nth_day(s2, 31));
    assert_avoid(&plan, s2, Activity::Swim, nth_day(s2, 31));

    // 003: "If it is your first treatment, continue applying moisturiser until
    // your next session." -> ends the day before session 2 ...
    assert!(has_care(&plan, nth_day(s1, 6), "moisturise"));
    assert!(!has_care(&plan, s2, "moisturise"));
    // ... and in the week before session 2 it stays the one asked for, not
    // 003's general "Lightly moisturise your scalp every day 7 days prior to
    // your treatment": one moisturising step a day, never "2-3 times" and
    // "once" together.
    assert!(has_care(&plan, nth_day(s1, 10), "moisturise"));
    assert!(!has_care(&plan, nth_day(s1, 10), "prep_moisturise"));
    // ... and 003 "On day 6 after your treatment you are able to apply
    // moisturiser" starts it again after session 2 (not the final one).
    assert_avoid(&plan, nth_day(s2, 5), Activity::Moisturise, nth_day(s2, 6));
    assert!(has_care(&plan, nth_day(s2, 6), "moisturise"));

    // 003 rule 8 (sun cream from day 5): the between window of session 1 ends
    // the day before session 2; the scalp is kept out of the sun again on days
    // 1-4 of session 2.
    assert_status(&plan, nth_day(s1, 10), Activity::Sun, Allowance::Limited);
    assert_avoid(&plan, s2, Activity::Sun, nth_day(s2, 5));

    let m = milestone_on(&plan, s2).expect("a milestone on session 2");
    assert_eq!(m.kind, MilestoneKind::Session);
}

#[test]
fn four_to_thirty_after_final_rules_apply_only_after_the_last_planned_session() {
    let [s1, s2, s3] = ftt_three_sessions();

    // Session 2 of 3 is not the final one: saunas stay off for 30 days (the
    // cautious reading above) and 003 says nothing about them after that
    // until the final session.
    let two_of_three = plan(FTT, &[s1, s2], Some(3));
    assert_avoid_then_ask(
        &two_of_three,
        nth_day(s2, 15),
        Activity::Sauna,
        nth_day(s2, 31),
    );

    // 003: "For up to 30 days after your third and final session you should:
    // Avoid swimming, saunas or steam rooms"
    let full = plan(FTT, &[s1, s2, s3], Some(3));
    assert_avoid(&full, nth_day(s3, 15), Activity::Sauna, nth_day(s3, 31));
    assert_avoid(&full, nth_day(s3, 30), Activity::Sauna, nth_day(s3, 31));
    assert_ok(&full, nth_day(s3, 31), Activity::Sauna);
    assert_avoid(&full, nth_day(s3, 30), Activity::Swim, nth_day(s3, 31));
    assert_ok(&full, nth_day(s3, 31), Activity::Swim);
    // 003: "Avoid exposing your scalp to long periods in direct sun light"
    assert_limited(
        &full,
        nth_day(s3, 15),
        Activity::Sun,
        "short spells only, with SPF 30+ sun cream",
    );
    assert_status(&full, nth_day(s3, 30), Activity::Sun, Allowance::Limited);
    // 003: "However, we recommend that you use SPF to protect your skin when
    // exposing it to sunlight." -> with care for good.
    assert_lasting(
        &full,
        nth_day(s3, 31),
        Activity::Sun,
        "SPF 30+ sun cream whenever your scalp is in the sun",
    );
    // 003: "Three weeks after your final session has passed, your scalp will
    // be fully healed, and all normal daily tasks can now be completed."
    assert_status(&full, nth_day(s3, 21), Activity::Wash, Allowance::Limited);
    assert_ok(&full, nth_day(s3, 22), Activity::Wash);
    assert_ok(&full, nth_day(s3, 22), Activity::Rinse);
    assert_ok(&full, nth_day(s3, 22), Activity::Bath);
    // 003 rule 5 gives the foil shaver a lasting reason: "They will also
    // remove a fine layer of skin from the scalp where you may need your SMP
    // treatment to be touched up sooner." -> never "no more limits".
    assert_lasting(
        &full,
        nth_day(s3, 400),
        Activity::Shave,
        "foil shaver only: other shavers take off skin and fade the pigment sooner",
    );
    for m in full.milestones() {
        assert!(
            !m.body.to_lowercase().contains("no more limits on shaving"),
            "{}",
            m.body
        );
        assert!(!m.body.contains("use a sunbed"), "{}", m.body);
        assert!(!m.headline.contains("sunbeds again"), "{}", m.headline);
    }

    // The same dates with only two sessions planned: session 2 is final.
    let two_of_two = plan(FTT, &[s1, s2], Some(2));
    assert_avoid(
        &two_of_two,
        nth_day(s2, 15),
        Activity::Sauna,
        nth_day(s2, 31),
    );

    // No between rules after the final session: moisturising until the "next
    // session" and the sunbed ban end; 003 "we recommend that you use SPF"
    // stays as lasting care.
    assert!(!has_care(&full, nth_day(s3, 40), "moisturise"));
    // 003 never says sunbeds are fine: after day 30 it says nothing.
    assert_avoid_then_ask(&full, nth_day(s3, 30), Activity::Sunbed, nth_day(s3, 31));
    assert!(has_care(&full, nth_day(s3, 40), "sun_cream_long_term"));
    assert!(!has_care(&full, nth_day(s3, 40), "sun_cream"));
}

#[test]
fn four_to_thirty_preparation_before_the_first_session() {
    let s = s1();
    let plan = plan(FTT, &[s], None);
    assert_eq!(plan.status(minus(s, 1)).day, None);

    // 003: "Lightly moisturise your scalp every day 7 days prior to your
    // treatment (if you're aiming for the buzz cut treatment)."
    assert!(!has_care(&plan, minus(s, 8), "prep_moisturise"));
    assert!(has_care(&plan, minus(s, 7), "prep_moisturise"));
    assert!(has_care(&plan, minus(s, 1), "prep_moisturise"));
    // 003: "in the upcoming week prior to your appointment, we recommend that
    // you ... shave your hair with clippers or a foil razor"
    assert!(has_care(&plan, minus(s, 7), "prep_clip"));
    let m = milestone_on(&plan, minus(s, 7)).expect("a prep milestone a week ahead");
    assert_eq!(m.kind, MilestoneKind::Prep);
    assert_eq!(m.prepares.map(|p| (p.session, p.days_before)), Some((1, 7)));

    // 003: "Avoid exposing your scalp to the sun for long periods 3 days prior
    // to your treatment." (Before that, 003 says nothing about the sun.)
    assert_unsaid(&plan, minus(s, 4), Activity::Sun);
    assert_limited(
        &plan,
        minus(s, 3),
        Activity::Sun,
        "short spells only: a sunburnt scalp can't be treated",
    );
    // 003: "Avoid sunbeds 3 days prior to your treatment."
    assert_unsaid(&plan, minus(s, 4), Activity::Sunbed);
    assert_status(&plan, minus(s, 3), Activity::Sunbed, Allowance::Avoid);

    // 003: "Do not drink alcohol for at least 24hrs prior to the day of your
    // treatment." (cautious: the day before and the session day)
    // 003 says nothing about alcohol before or after that: not listed, and
    // never announced as allowed the day after the session.
    assert_unsaid(&plan, minus(s, 2), Activity::Alcohol);
    assert_avoid_then_ask(&plan, minus(s, 1), Activity::Alcohol, nth_day(s, 2));
    assert_avoid_then_ask(&plan, s, Activity::Alcohol, nth_day(s, 2));
    let day2 = milestone_on(&plan, nth_day(s, 2));
    assert!(day2.is_none_or(|m| !m.body.contains("alcohol")), "{day2:?}");
    // 003: "No high stimulant drinks on the day prior to your treatment"
    assert_unsaid(&plan, minus(s, 2), Activity::Stimulants);
    assert_avoid_then_ask(&plan, minus(s, 1), Activity::Stimulants, nth_day(s, 2));
    // 003: "Avoid taking blood thinning medication such as aspirin 24hrs prior
    // to your treatment unless this is part of your prescribed medication."
    assert_unsaid(&plan, minus(s, 2), Activity::Aspirin);
    assert_avoid_then_ask(&plan, minus(s, 1), Activity::Aspirin, nth_day(s, 2));

    // 003: "Get a good night's sleep." / "Stay hydrated."
    assert!(has_care(&plan, minus(s, 1), "prep_sleep"));
    assert!(!has_care(&plan, s, "prep_sleep"));
    assert!(has_care(&plan, minus(s, 1), "prep_drink"));
    // 003: "On the day of your treatment you should wash your hair to remove
    // any product" / "Eat prior to your treatment." / "Bring a cap or silk hat"
    for id in [
        "prep_wash",
        "prep_shave",
        "prep_eat",
        "prep_drink",
        "prep_hat",
    ] {
        assert!(has_care(&plan, s, id), "{id} on the session day");
        assert!(!has_care(&plan, nth_day(s, 2), id), "{id} the day after");
    }
}

#[test]
fn four_to_thirty_preparation_before_a_later_booked_session() {
    let s = s1();
    // Session 2 booked 20 days later, clear of the first days' rules.
    let s2 = plus(s, 20);
    let plan = plan(FTT, &[s, s2], Some(3));
    // 003: "Do not drink alcohol for at least 24hrs prior to the day of your treatment."
    assert_unsaid(&plan, minus(s2, 2), Activity::Alcohol);
    assert_avoid_then_ask(&plan, minus(s2, 1), Activity::Alcohol, nth_day(s2, 2));
    let st = plan.status(minus(s2, 1));
    assert_eq!((st.day, st.session), (Some(20), Some(1)));
    // 003: "Get a good night's sleep."
    assert!(has_care(&plan, minus(s2, 1), "prep_sleep"));
}

#[test]
fn four_to_thirty_preparation_waits_while_the_last_session_heals() {
    // 003: "The second treatment is 10 days after your first treatment", so the
    // week of preparation for session 2 starts on day 4 of session 1.
    let s = s1();
    let s2 = plus(s, 10);
    let plan = plan(FTT, &[s, s2], Some(3));
    let day4 = nth_day(s, 4);
    // 003 rule 6: moisturiser only "On day 6"; rule 1: no shaving for 5 days.
    assert_avoid(&plan, day4, Activity::Moisturise, nth_day(s, 6));
    // 003 step 3: "in the upcoming week prior to your appointment ... keep your
    // scalp moisturised and shave your hair with clippers or a foil razor":
    // not asked for while shaving is still avoided ...
    assert!(!has_care(&plan, day4, "prep_clip"));
    // ... and asked for from day 6, when it is allowed again (with 003's
    // condition of the moment, rule 5's foil shaver).
    let day6_status = plan.status(nth_day(s, 6));
    let clip = day6_status
        .care
        .iter()
        .find(|c| c.id == "prep_clip")
        .unwrap();
    assert_eq!(
        clip.condition.as_deref(),
        Some("foil shaver only, no wet razors")
    );
    // Moisturising: the aftercare's "2-3 times a day ... until your next
    // session" is the one step asked for, never together with the week
    // before's "lightly ... every day".
    assert!(has_care(&plan, nth_day(s, 6), "moisturise"));
    assert!(!has_care(&plan, nth_day(s, 6), "prep_moisturise"));
    let day6 = milestone_on(&plan, nth_day(s, 6)).unwrap();
    assert!(day6.care_started.contains(&"prep_clip".into()));
    assert_eq!(
        &*day6.name,
        "Day 6 after session 1 (5 days before session 2)"
    );
    assert_eq!(&*day6.headline, "Day 6: rinse and shave again");
}

#[test]
fn four_to_thirty_fully_healed_date() {
    let [s1, s2, s3] = ftt_three_sessions();
    let plan = plan(FTT, &[s1, s2, s3], Some(3));
    // 003: "Three weeks after your final session has passed, your scalp will be
    // fully healed" (final + 21 days), but also 003: "For up to 30 days after
    // your third and final session you should: Avoid swimming, saunas or steam
    // rooms". The engine calls the client healed once the last restriction of
    // the final session lifts, the later of the two: day 31.
    let healed = nth_day(s3, 31);
    assert_eq!(healed, date(2026, 5, 2));
    assert_eq!(plan.healed_on(), Some(healed));
    assert!(!plan.status(nth_day(s3, 30)).healed);
    assert!(plan.status(healed).healed);
    assert_eq!(milestones_of(&plan, MilestoneKind::Healed), vec![healed]);
    // 003 gives no touch-up interval.
    assert_eq!(plan.touch_up_on(), None);
    assert!(milestones_of(&plan, MilestoneKind::TouchUp).is_empty());
    // Not healed before the final session is booked.
    assert_eq!(self::plan(FTT, &[s1, s2], Some(3)).healed_on(), None);
}

// ---------------------------------------------------------------------------
// four-day-dry (clinic text 002)

const FDD: &str = "four-day-dry";

/// 002: "the subsequent treatments will normally take place 5-7 days after the
/// initial treatment" -> sessions 6 days apart.
fn fdd_three_sessions() -> [NaiveDate; 3] {
    let s2 = plus(s1(), 6);
    [s1(), s2, plus(s2, 6)]
}

#[test]
fn four_day_dry_sessions_and_spacing() {
    let p = Protocol::builtin(FDD).unwrap();
    let s = p.sessions();
    // 002 names an "initial treatment" and "the subsequent treatments"; no count.
    assert_eq!((s.usual, s.min, s.max), (3, 2, 4));
    // 002: "the subsequent treatments will normally take place 5-7 days after
    // the initial treatment"
    assert_eq!((s.min_gap_days, s.max_gap_days), (Some(5), Some(7)));
    // 002: "on average we should touch base every 3 to 6 years"
    assert_eq!(p.touch_up_after_years(), Some(3));
    assert_eq!(p.healed_after_days(), None);
}

#[test]
fn four_day_dry_first_four_days_after_a_session() {
    let s = s1();
    let plan = plan(FDD, &[s], None);
    let (day4, day5) = (nth_day(s, 4), nth_day(s, 5));

    // 002: "For the first 4 days after treatment you should: Avoid showering
    // your head"
    assert_avoid(&plan, s, Activity::Wash, day5);
    assert_avoid(&plan, day4, Activity::Wash, day5);
    // 002: "you will not be able to wet the treated area for the following 4 days"
    assert_avoid(&plan, day4, Activity::Wet, day5);
    assert_ok(&plan, day5, Activity::Wet);
    assert_avoid(&plan, day4, Activity::Rinse, day5);
    // 002: "After the first week you can start to shower normally again":
    // rinsing the head is showering it, so not yet normal on days 5-7.
    assert_status(&plan, day5, Activity::Rinse, Allowance::Limited);
    assert_ok(&plan, nth_day(s, 8), Activity::Rinse);
    // 002 never mentions baths: after the dry days, ask the clinic.
    assert_avoid_then_ask(&plan, day4, Activity::Bath, day5);
    // 002: "Avoid any activities that would cause you to sweat excessively"
    assert_avoid(&plan, day4, Activity::Sweat, day5);
    assert_ok(&plan, day5, Activity::Sweat);
    // 002: "Do NOT cut your hair"
    assert_avoid(&plan, day4, Activity::Haircut, day5);
    assert_ok(&plan, day5, Activity::Haircut);
    // 002: "Do NOT use any shampoo or moisturizer"
    assert_avoid(&plan, day4, Activity::Moisturise, day5);
    assert_ok(&plan, day5, Activity::Moisturise);
    // 002: "Once the initial four days post treatment has passed, you can now
    // shave your head."
    assert_avoid(&plan, s, Activity::Shave, day5);
    assert_ok(&plan, day5, Activity::Shave);
    // 002: "You can start to moisturize your scalp at least once a day" /
    // "Begin to regularly moisturize ... once the initial 4 days post treatment
    // have passed"
    assert!(!has_care(&plan, day4, "moisturise"));
    assert!(has_care(&plan, day5, "moisturise"));
}

#[test]
fn four_day_dry_showers_normal_after_the_first_week_and_colour_after_three_weeks() {
    let s = s1();
    let plan = plan(FDD, &[s], None);
    // 002: "After the first week you can start to shower normally again"
    // (The note says only what 002 says: no detail from another clinic.)
    assert_limited(
        &plan,
        nth_day(s, 5),
        Activity::Wash,
        "not your usual shower yet: ask your clinic how until day 8",
    );
    assert_status(&plan, nth_day(s, 7), Activity::Wash, Allowance::Limited);
    assert_eq!(at(&plan, s, Activity::Wash).ok_from, Some(nth_day(s, 8)));
    assert_ok(&plan, nth_day(s, 8), Activity::Wash);
    // 002: "you will not be able to color your hair until 3 weeks after treatment"
    assert_avoid(&plan, s, Activity::HairColour, nth_day(s, 22));
    assert_avoid(&plan, nth_day(s, 21), Activity::HairColour, nth_day(s, 22));
    assert_ok(&plan, nth_day(s, 22), Activity::HairColour);
}

#[test]
fn four_day_dry_between_rules_stay_open_while_the_next_session_is_unbooked() {
    let s = s1();
    let plan = plan(FDD, &[s], None);
    assert_eq!(plan.planned(), 3);
    // 002: "Between treatments you should: NOT go swimming / NOT use steam or
    // sauna rooms / Keep OUT of the sun"
    for on in [s, nth_day(s, 10), nth_day(s, 40)] {
        assert_avoid_until_next_session(&plan, on, Activity::Swim);
        assert_avoid_until_next_session(&plan, on, Activity::Sauna);
        assert_avoid_until_next_session(&plan, on, Activity::Sun);
        // None of them ends at the next session: "Between treatments"
        // starts again on its day, and so does "28 days after treatment".
        assert!(at(&plan, on, Activity::Swim).after_next_session);
        assert!(at(&plan, on, Activity::Sun).after_next_session);
    }
}

#[test]
fn four_day_dry_between_rules_end_where_the_final_rules_begin() {
    let [s1, s2, s3] = fdd_three_sessions();
    let plan = plan(FDD, &[s1, s2, s3], Some(3));
    // 002: "Between treatments you should: NOT go swimming" hands over at the
    // final session to 002: "Avoid swimming/saunas and steam rooms for 28 days
    // after your final treatment"
    assert_avoid(&plan, nth_day(s1, 3), Activity::Swim, nth_day(s3, 29));
    assert_avoid(&plan, nth_day(s1, 3), Activity::Sauna, nth_day(s3, 29));
    // 002: "Keep OUT of the sun" / "Keep out of the sun for 28 days after treatment"
    assert_avoid(&plan, nth_day(s1, 3), Activity::Sun, nth_day(s3, 29));

    // With two planned, session 2 is final; the between window of session 1
    // ends the day before it and the 28 days count from session 2.
    let two = self::plan(FDD, &[s1, s2], Some(2));
    assert_avoid(&two, nth_day(s1, 3), Activity::Swim, nth_day(s2, 29));
    assert_avoid(&two, nth_day(s2, 28), Activity::Swim, nth_day(s2, 29));
    assert_ok(&two, nth_day(s2, 29), Activity::Swim);
    // "... and thereafter use SPF factor of 30-50": with care for good.
    assert_lasting(
        &two,
        nth_day(s2, 60),
        Activity::Sun,
        "SPF 30-50 whenever your scalp is in the sun",
    );
}

#[test]
fn four_day_dry_windows_restart_at_the_second_session() {
    let [s1, s2, _] = fdd_three_sessions();
    let plan = plan(FDD, &[s1, s2], Some(3));
    // 002: "For the first 4 days after treatment you should: Avoid showering your head"
    assert_status(&plan, nth_day(s1, 6), Activity::Wash, Allowance::Limited);
    assert_avoid(&plan, s2, Activity::Wash, nth_day(s2, 5));
    assert_avoid(&plan, s2, Activity::Haircut, nth_day(s2, 5));
    assert_ok(&plan, nth_day(s1, 6), Activity::Haircut);
    // 002: "Begin to regularly moisturize ... once the initial 4 days post
    // treatment have passed" -> paused during the new dry days.
    assert!(has_care(&plan, nth_day(s1, 6), "moisturise"));
    assert!(!has_care(&plan, s2, "moisturise"));
    assert!(has_care(&plan, nth_day(s2, 5), "moisturise"));
}

#[test]
fn four_day_dry_after_the_final_session() {
    let [s1, s2, s3] = fdd_three_sessions();
    let plan = plan(FDD, &[s1, s2, s3], Some(3));
    // 002: "Avoid heavy exercise for 5 days after your final treatment"
    assert_avoid(&plan, nth_day(s3, 5), Activity::Sweat, nth_day(s3, 6));
    assert_ok(&plan, nth_day(s3, 6), Activity::Sweat);
    // ... but only after the final one: 4 days after the others.
    assert_ok(&plan, nth_day(s2, 5), Activity::Sweat);
    // 002: "Avoid swimming/saunas and steam rooms for 28 days after your final treatment"
    assert_avoid(&plan, nth_day(s3, 28), Activity::Swim, nth_day(s3, 29));
    assert_ok(&plan, nth_day(s3, 29), Activity::Swim);
    assert_avoid(&plan, nth_day(s3, 28), Activity::Sauna, nth_day(s3, 29));
    assert_ok(&plan, nth_day(s3, 29), Activity::Sauna);
    // 002: "Keep out of the sun for 28 days after treatment and thereafter use
    // SPF factor of 30-50"
    assert_avoid(&plan, nth_day(s3, 28), Activity::Sun, nth_day(s3, 29));
    assert_lasting(
        &plan,
        nth_day(s3, 29),
        Activity::Sun,
        "SPF 30-50 whenever your scalp is in the sun",
    );
    assert!(!has_care(&plan, nth_day(s3, 28), "sun_cream"));
    assert!(has_care(&plan, nth_day(s3, 29), "sun_cream"));
    assert!(has_care(&plan, nth_day(s3, 400), "sun_cream"));
    // 002: "Begin to regularly moisturize the treated area once the initial 4
    // days post treatment have passed" / "Avoid growing hair too long"
    assert!(has_care(&plan, nth_day(s3, 5), "moisturise_long_term"));
    assert!(has_care(&plan, nth_day(s3, 5), "keep_hair_short"));
    assert!(!has_care(&plan, nth_day(s3, 4), "keep_hair_short"));
}

#[test]
fn four_day_dry_preparation() {
    let s = s1();
    let plan = plan(FDD, &[s], None);
    // 002: "If you color your hair, please do so 1-2 weeks prior to your
    // initial treatment" (cautious: not within the last 6 days) and "you will
    // not be able to color your hair until 3 weeks after treatment"
    assert_unsaid(&plan, minus(s, 7), Activity::HairColour);
    assert_avoid(&plan, minus(s, 6), Activity::HairColour, nth_day(s, 22));
    // 002: "If you have an MRI scheduled within your date of treatment, please
    // reschedule to have MRI prior to SMP treatment."
    assert!(!has_care(&plan, minus(s, 15), "prep_mri"));
    assert!(has_care(&plan, minus(s, 14), "prep_mri"));
    assert!(!has_care(&plan, s, "prep_mri"));
    // 002: "Please shower prior to your initial treatment"
    assert!(has_care(&plan, s, "prep_shower"));
    assert!(!has_care(&plan, minus(s, 1), "prep_shower"));
}

#[test]
fn four_day_dry_healed_and_touch_up() {
    let [s1, s2, s3] = fdd_three_sessions();
    let plan = plan(FDD, &[s1, s2, s3], Some(3));
    // 002 gives no healing time, so the app never says "fully healed"; the
    // restrictions are over when the last one of the final session lifts:
    // "for 28 days after your final treatment" -> day 29.
    assert_eq!(plan.healed_on(), None);
    assert_eq!(plan.restrictions_over_on(), Some(nth_day(s3, 29)));
    assert!(milestones_of(&plan, MilestoneKind::Healed).is_empty());
    assert_eq!(
        milestones_of(&plan, MilestoneKind::RestrictionsOver),
        vec![nth_day(s3, 29)]
    );
    let over = milestone_on(&plan, nth_day(s3, 29)).unwrap();
    assert!(
        over.points
            .contains(&"Your clinic's restrictions are over.".into()),
        "{:?}",
        over.points
    );
    assert!(!over.body.contains("healed"), "{}", over.body);
    assert!(!over.headline.contains("healed"), "{}", over.headline);
    assert!(!plan.status(nth_day(s3, 29)).healed);
    assert!(plan.status(nth_day(s3, 29)).restrictions_over);
    // 002: "on average we should touch base every 3 to 6 years to schedule a
    // followup" -> 3 years after the final session.
    assert_eq!(s3, date(2026, 3, 14));
    assert_eq!(plan.touch_up_on(), Some(date(2029, 3, 14)));
    assert_eq!(
        milestones_of(&plan, MilestoneKind::TouchUp),
        vec![date(2029, 3, 14)]
    );
}

// ---------------------------------------------------------------------------
// light-exercise-day-five (clinic text 001)

const LED: &str = "light-exercise-day-five";

/// 001 gives no spacing; four weeks apart here.
fn led_three_sessions() -> [NaiveDate; 3] {
    [s1(), plus(s1(), 28), plus(s1(), 56)]
}

#[test]
fn light_exercise_sessions() {
    let p = Protocol::builtin(LED).unwrap();
    let s = p.sessions();
    // 001: "The process takes place over 3-4 sessions"
    assert_eq!((s.usual, s.min, s.max), (3, 3, 4));
    // 001 gives no spacing.
    assert_eq!((s.min_gap_days, s.max_gap_days), (None, None));
    // 001: "I would recommend a touch-up session every 4-6 years."
    assert_eq!(p.touch_up_after_years(), Some(4));
    assert_eq!(p.healed_after_days(), None);
}

#[test]
fn light_exercise_from_day_five_normal_after_ten_days() {
    let s = s1();
    let plan = plan(LED, &[s], None);
    // 001: "we do advise to abstain from exercise for a 4 day period after each treatment"
    assert_avoid(&plan, s, Activity::Exercise, nth_day(s, 5));
    assert_avoid(&plan, nth_day(s, 4), Activity::Exercise, nth_day(s, 5));
    // 001: "You can return to light exercise after a 4 day healing period"
    assert_limited(
        &plan,
        nth_day(s, 5),
        Activity::Exercise,
        "keep sweat to a minimum",
    );
    assert_status(
        &plan,
        nth_day(s, 10),
        Activity::Exercise,
        Allowance::Limited,
    );
    // 001: "normal exercise can resume 10 days after treatment" (cautious:
    // treatment date + 10 days = day 11)
    assert_eq!(
        at(&plan, s, Activity::Exercise).ok_from,
        Some(nth_day(s, 11))
    );
    assert_ok(&plan, nth_day(s, 11), Activity::Exercise);
    // 001: "As excessive sweating of the scalp can cause the treatment to
    // migrate, or not hold"
    assert_avoid(&plan, s, Activity::Sweat, nth_day(s, 11));
    assert_avoid(&plan, nth_day(s, 10), Activity::Sweat, nth_day(s, 11));
    assert_ok(&plan, nth_day(s, 11), Activity::Sweat);
    // 001 never names saunas; they are held back with heavy sweating (the
    // cautious reading) and 001 never says they are fine: ask the clinic.
    assert_avoid_then_ask(&plan, nth_day(s, 10), Activity::Sauna, nth_day(s, 11));
}

#[test]
fn light_exercise_windows_restart_at_each_session() {
    let [s1, s2, s3] = led_three_sessions();
    let plan = plan(LED, &[s1, s2, s3], Some(3));
    // 001: "abstain from exercise for a 4 day period after each treatment"
    assert_ok(&plan, minus(s2, 1), Activity::Exercise);
    assert_avoid(&plan, s2, Activity::Exercise, nth_day(s2, 5));
    assert_avoid(&plan, s3, Activity::Exercise, nth_day(s3, 5));
    let st = plan.status(s3);
    assert_eq!((st.day, st.session), (Some(1), Some(3)));
    // 001: "UV exposure is one of the main factors which can make the SMP fade"
    // -> lasting advice after the final session only.
    assert!(!has_care(&plan, nth_day(s2, 20), "sun_protection"));
    assert!(!has_care(&plan, nth_day(s3, 10), "sun_protection"));
    assert!(has_care(&plan, nth_day(s3, 11), "sun_protection"));
}

#[test]
fn light_exercise_healed_and_touch_up() {
    let [s1, s2, s3] = led_three_sessions();
    let plan = plan(LED, &[s1, s2, s3], Some(3));
    // 001 gives no healing time: never "fully healed"; the restrictions are
    // over on the day the last one lifts, "normal exercise can resume 10 days
    // after treatment" -> day 11.
    assert_eq!(plan.healed_on(), None);
    assert_eq!(plan.restrictions_over_on(), Some(nth_day(s3, 11)));
    assert!(milestones_of(&plan, MilestoneKind::Healed).is_empty());
    // 001: "I would recommend a touch-up session every 4-6 years." -> 4 years.
    assert_eq!(s3, date(2026, 4, 27));
    assert_eq!(plan.touch_up_on(), Some(date(2030, 4, 27)));
    assert_eq!(
        milestones_of(&plan, MilestoneKind::TouchUp),
        vec![date(2030, 4, 27)]
    );
    // The fourth session, where needed, moves everything on.
    let four = self::plan(LED, &[s1, s2, s3], Some(4));
    assert_eq!(four.touch_up_on(), None);
}

// ---------------------------------------------------------------------------
// two-week-rest (clinic text 000)

const TWR: &str = "two-week-rest";

/// 000 gives no spacing; three weeks apart here.
fn twr_three_sessions() -> [NaiveDate; 3] {
    [s1(), plus(s1(), 21), plus(s1(), 42)]
}

#[test]
fn two_week_rest_sessions() {
    let p = Protocol::builtin(TWR).unwrap();
    let s = p.sessions();
    // 000: "Most scalp micropigmentation treatments are split over 2-4 sessions"
    assert_eq!((s.min, s.max), (2, 4));
    assert_eq!(s.usual, 3);
    // 000 gives no spacing, healed day or touch-up interval.
    assert_eq!((s.min_gap_days, s.max_gap_days), (None, None));
    assert_eq!(p.healed_after_days(), None);
    assert_eq!(p.touch_up_after_years(), None);
}

#[test]
fn two_week_rest_two_protected_weeks_after_every_session() {
    let [s1, s2, _] = twr_three_sessions();
    let plan = plan(TWR, &[s1, s2], Some(3));
    // 000: "adequate healing time must be enabled between each session" and
    // "After your sessions are complete, we recommend a period of 2 weeks
    // where the scalp is protected from washing, excessive sweating, and
    // strong sunlight." 000 says nothing else about the days after a session
    // that is not the last; silence is not permission, so the cautious
    // reading gives every session the same two protected weeks.
    for s in [s1, s2] {
        for a in [
            Activity::Wash,
            Activity::Rinse,
            Activity::Sweat,
            Activity::Sauna,
            Activity::Sun,
        ] {
            assert_avoid_then_ask(&plan, nth_day(s, 2), a, nth_day(s, 15));
        }
    }
    // The case this was found by: day 2 after session 1 lists nothing as OK.
    let day2 = plan.status(nth_day(s1, 2));
    assert!(
        day2.activities.iter().all(|a| a.status == Allowance::Avoid),
        "{day2:?}"
    );
    // Nothing is announced as allowed when the two weeks of a session that
    // is not the last one end: 000 does not say so.
    assert!(milestone_on(&plan, nth_day(s1, 15)).is_none());
    assert_eq!(plan.healed_on(), None);
    assert_eq!(plan.restrictions_over_on(), None);
}

#[test]
fn two_week_rest_two_weeks_after_the_final_session() {
    let [s1, s2, s3] = twr_three_sessions();
    let plan = plan(TWR, &[s1, s2, s3], Some(3));
    // 000: "After your sessions are complete, we recommend a period of 2 weeks
    // where the scalp is protected from washing, excessive sweating, and strong
    // sunlight." then "Long term aftercare is simply a case of maintaining good
    // skin health, taking adequate precautions in the sun and moisturising
    // regularly."
    for a in [
        Activity::Wash,
        Activity::Rinse,
        Activity::Sweat,
        Activity::Sauna,
    ] {
        assert_avoid(&plan, s3, a, nth_day(s3, 15));
        assert_avoid(&plan, nth_day(s3, 14), a, nth_day(s3, 15));
        assert_ok(&plan, nth_day(s3, 15), a);
    }
    assert_avoid(&plan, nth_day(s3, 14), Activity::Sun, nth_day(s3, 15));
    assert_lasting(
        &plan,
        nth_day(s3, 15),
        Activity::Sun,
        "protect your scalp whenever you are in the sun",
    );
    assert!(!has_care(&plan, nth_day(s3, 14), "moisturise"));
    assert!(has_care(&plan, nth_day(s3, 15), "moisturise"));
    assert!(has_care(&plan, nth_day(s3, 500), "moisturise"));
}

#[test]
fn two_week_rest_final_is_the_last_planned_session() {
    let [s1, s2, _] = twr_three_sessions();
    // 000: "Most scalp micropigmentation treatments are split over 2-4 sessions"
    // -> with two planned, session 2 is the last and the two weeks follow it.
    let plan = plan(TWR, &[s1, s2], Some(2));
    assert_avoid(&plan, s2, Activity::Wash, nth_day(s2, 15));
    assert_avoid_then_ask(&plan, nth_day(s1, 3), Activity::Wash, nth_day(s1, 15));
}

#[test]
fn two_week_rest_restrictions_over_but_never_healed() {
    let [s1, s2, s3] = twr_three_sessions();
    let plan = plan(TWR, &[s1, s2, s3], Some(3));
    // 000 gives no healing time: never "fully healed"; the restrictions are
    // over at the end of the 2 weeks -> day 15.
    assert_eq!(plan.healed_on(), None);
    assert_eq!(plan.restrictions_over_on(), Some(nth_day(s3, 15)));
    assert!(milestones_of(&plan, MilestoneKind::Healed).is_empty());
    assert_eq!(
        milestones_of(&plan, MilestoneKind::RestrictionsOver),
        vec![nth_day(s3, 15)]
    );
    // 000 gives no touch-up interval.
    assert!(milestones_of(&plan, MilestoneKind::TouchUp).is_empty());
}

#[test]
fn until_your_next_session_only_when_the_run_ends_there() {
    // A protocol whose between rule is the only restriction of an activity
    // after a session, and the next session is the final one with nothing
    // after it: held exactly until the next session.
    let text = "format = 1\nid = \"t\"\nname = \"T\"\nsummary = \"S\"\n[sessions]\nusual = 2\nmin = 2\nmax = 2\n\
                [[rule]]\nactivity = \"swim\"\nstatus = \"avoid\"\nscope = \"between\"\nnote = \"n\"\n";
    let protocol = Protocol::from_toml("t.toml", text).unwrap();
    let s = s1();
    let plan = Plan::new(protocol, vec![s], Some(2), chrono_tz::UTC).unwrap();
    let swim = at(&plan, nth_day(s, 3), Activity::Swim);
    assert!(
        swim.until_next_session && !swim.after_next_session,
        "{swim:?}"
    );
}

// ---------------------------------------------------------------------------
// Key days: what a picker shows so a client can match their leaflet

/// (between, after final) lifts of wash, shave, sweat and swim.
fn key_days(id: &str) -> Vec<(Option<Lift>, Lift, String)> {
    Protocol::builtin(id)
        .unwrap_or_else(|e| panic!("{e}"))
        .key_days()
        .into_iter()
        .map(|d| (d.between, d.after_final, d.text))
        .collect()
}

const fn from(day: u32) -> Lift {
    Lift::From { day }
}

#[test]
fn key_days_four_to_thirty() {
    let days = key_days("four-to-thirty");
    // 003 rule 4: "On day 6 after your treatment you are able to rinse your
    // scalp with warm water" (washing is that gentle rinse, with care).
    assert_eq!(days[0], (Some(from(6)), from(6), "Wash from day 6".into()));
    // 003 rule 5: "On day 6 after your treatment you are able to shave your head."
    assert_eq!(days[1], (Some(from(6)), from(6), "Shave from day 6".into()));
    // 003 rule 7: "On day 10 after your treatment you are able to sweat excessively".
    assert_eq!(
        days[2],
        (Some(from(10)), from(10), "Sweat from day 10".into())
    );
    // 003 rule 3: "Avoid swimming for 30 days after your treatment" -> day 31.
    assert_eq!(
        days[3],
        (Some(from(31)), from(31), "Swim from day 31".into())
    );
}

#[test]
fn key_days_four_day_dry() {
    let days = key_days("four-day-dry");
    // 002: "For the first 4 days after treatment you should: Avoid showering
    // your head" -> day 5, with care until "After the first week".
    assert_eq!(days[0], (Some(from(5)), from(5), "Wash from day 5".into()));
    // 002: "Once the initial four days post treatment has passed, you can now
    // shave your head."
    assert_eq!(days[1], (Some(from(5)), from(5), "Shave from day 5".into()));
    // 002: "For the first 4 days after treatment you should: ... Avoid any
    // activities that would cause you to sweat excessively"; after the final
    // treatment its five-day rule holds one day longer.
    assert_eq!(
        days[2],
        (
            Some(from(5)),
            from(6),
            "Sweat from day 5 (day 6 after your last visit)".into()
        )
    );
    // 002: "Between treatments you should: NOT go swimming" and "Avoid
    // swimming/saunas and steam rooms for 28 days after your final treatment".
    assert_eq!(
        days[3],
        (
            Some(Lift::UntilNextSession),
            from(29),
            "Swim from day 29 after your last visit".into()
        )
    );
}

#[test]
fn key_days_light_exercise_day_five() {
    let days = key_days("light-exercise-day-five");
    // 001 says nothing about washing, shaving or swimming.
    let not_said = |name: &str| {
        (
            Some(Lift::NotSaid),
            Lift::NotSaid,
            format!("{name}: not said"),
        )
    };
    assert_eq!(days[0], not_said("Wash"));
    assert_eq!(days[1], not_said("Shave"));
    // 001: "normal exercise can resume 10 days after treatment" -> day 11.
    assert_eq!(
        days[2],
        (Some(from(11)), from(11), "Sweat from day 11".into())
    );
    assert_eq!(days[3], not_said("Swim"));
}

#[test]
fn key_days_two_week_rest() {
    let days = key_days("two-week-rest");
    // 000: "After your sessions are complete, we recommend a period of 2 weeks
    // where the scalp is protected from washing, excessive sweating": day 15
    // after the last one; between sessions 000 says nothing after the two weeks.
    let after_last = |name: &str| {
        (
            Some(Lift::AskClinicFrom { day: 15 }),
            from(15),
            format!("{name} from day 15 after your last visit"),
        )
    };
    assert_eq!(days[0], after_last("Wash"));
    assert_eq!(days[2], after_last("Sweat"));
    // 000 names neither shaving nor swimming.
    assert_eq!(
        days[1],
        (Some(Lift::NotSaid), Lift::NotSaid, "Shave: not said".into())
    );
    assert_eq!(
        days[3],
        (Some(Lift::NotSaid), Lift::NotSaid, "Swim: not said".into())
    );
}

#[test]
fn key_days_agree_with_the_days_status_reports() {
    // The picker's day is the day Today first lists the activity as allowed.
    for p in Protocol::builtins() {
        let id = p.id().to_string();
        let one = plan(&id, &[s1()], Some(1));
        for d in p.key_days() {
            if let Lift::From { day } = d.after_final {
                let on = one.status(nth_day(s1(), day));
                let status = on.activity(d.activity).map(|a| a.status);
                assert!(
                    matches!(status, Some(Allowance::Ok | Allowance::Limited)),
                    "{id} {:?} day {day}: {status:?}",
                    d.activity
                );
                if day > 1 {
                    let before = one.status(nth_day(s1(), day - 1));
                    let status = before.activity(d.activity).map(|a| a.status);
                    assert!(
                        !matches!(status, Some(Allowance::Ok | Allowance::Limited)),
                        "{id} {:?} day {}: {status:?}",
                        d.activity,
                        day - 1
                    );
                }
            }
        }
    }
}

/// Care the clinic asks for several times a day can be ticked off; only
/// where its text says how often (003 rule 6 "2-3 times a day", rule 8 "if
/// necessary" and "when exposing it to sunlight"; 002 "at least once a
/// day"). Every other item has no `repeat`.
#[test]
fn care_repeats_only_where_the_clinic_says_how_often() {
    use aftercare::Repeat;
    let repeats = |id: &str| -> Vec<(String, Option<Repeat>)> {
        Protocol::builtin(id)
            .unwrap()
            .care()
            .iter()
            .filter(|c| c.repeat.is_some())
            .map(|c| (c.id.clone(), c.repeat))
            .collect()
    };
    let twice = Repeat::Times {
        min: 2,
        max: Some(3),
    };
    let daily = Repeat::Times { min: 1, max: None };
    assert_eq!(
        repeats("four-to-thirty"),
        [
            ("moisturise".to_string(), Some(twice)),
            ("sun_cream".to_string(), Some(Repeat::AsNeeded)),
            ("sun_cream_long_term".to_string(), Some(Repeat::AsNeeded)),
        ]
    );
    assert_eq!(
        repeats("four-day-dry"),
        [
            ("moisturise".to_string(), Some(daily)),
            ("moisturise_long_term".to_string(), Some(daily)),
        ]
    );
    assert_eq!(repeats("light-exercise-day-five"), []);
    assert_eq!(repeats("two-week-rest"), []);

    // Today's care carries it: 003 day 6 of a first session of two.
    let plan = Plan::new(
        Protocol::builtin("four-to-thirty").unwrap(),
        vec![s1()],
        Some(2),
        chrono_tz::UTC,
    )
    .unwrap();
    let care = plan.status(nth_day(s1(), 6)).care;
    let moisturise = care.iter().find(|c| c.id == "moisturise").unwrap();
    assert_eq!(moisturise.repeat, Some(twice));
}
