//! Reminders say the day's news, short enough for a lock screen, and never
//! contradict themselves: checked for every built-in protocol over plans of
//! one to its maximum sessions at several spacings, and word for word for
//! the default protocol's 3-session plan.

use std::collections::BTreeSet;

use aftercare::messages::{Arg, tr};
use aftercare::{
    Activity, Allowance, BODY_MAX, HEADLINE_MAX, Lang, Milestone, Plan, Protocol, Reminder,
    builtin_ids,
};
use chrono::{Days, NaiveDate, NaiveTime};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap()
}

/// Every plan the checks run over: for each built-in protocol, 1 to `max`
/// sessions booked (of as many planned, and of `max` planned), spaced by
/// the clinic's shortest and longest gap and by a few that clinics would
/// not choose (2, 7 and 45 days).
fn plans() -> Vec<(String, Plan)> {
    let mut out = Vec::new();
    for id in builtin_ids() {
        let protocol = Protocol::builtin(id).unwrap();
        let spec = protocol.sessions();
        let mut gaps: BTreeSet<u32> = [2, 7, 45].into();
        gaps.extend(spec.min_gap_days);
        gaps.extend(spec.max_gap_days);
        for n in 1..=spec.max {
            for gap in &gaps {
                let sessions: Vec<NaiveDate> = (0..n)
                    .map(|i| date(2026, 3, 2) + Days::new(u64::from(i * gap)))
                    .collect();
                for planned in BTreeSet::from([n, spec.max]) {
                    let plan = Plan::new(
                        protocol.clone(),
                        sessions.clone(),
                        Some(planned),
                        chrono_tz::Europe::London,
                    )
                    .unwrap();
                    out.push((
                        format!("{id}, {n} of {planned} sessions every {gap} days"),
                        plan,
                    ));
                }
            }
        }
    }
    out
}

fn milestone_of<'a>(plan: &'a Plan, r: &Reminder) -> &'a Milestone {
    plan.milestones()
        .iter()
        .find(|m| m.date == r.local.date_naive())
        .unwrap_or_else(|| panic!("no milestone for {}", r.id))
}

/// The literal parts of the message `id` in `lang`, split where its
/// placeables `vars` stand (in order): `day-label-after` in English gives
/// `["Day ", " after session ", ""]`.
fn fixed_words(lang: Lang, id: &str, vars: &[&str]) -> Vec<String> {
    const MARK: char = '\u{1}';
    let mark = MARK.to_string();
    let args: Vec<(&str, Arg<'_>)> = vars
        .iter()
        .map(|v| (*v, Arg::from(mark.as_str())))
        .collect();
    let text = tr(lang, id, &args);
    let words: Vec<String> = text.split(MARK).map(str::to_string).collect();
    assert_eq!(words.len(), vars.len() + 1, "{lang:?} {id}: {text:?}");
    words
}

/// In every language: each reminder fits a lock screen, is titled by its
/// day's news (never the generic "Day 6 after session 1"), and its body is
/// the first points as they are, then the count of the others. Languages
/// other than English word every title and the count in their own words
/// (no English left over), on the same days and instants.
#[test]
fn every_reminder_fits_a_lock_screen_and_names_its_news_in_every_language() {
    assert_eq!(
        fixed_words(Lang::En, "day-label-after", &["day", "session"]),
        ["Day ", " after session ", ""]
    );
    let english_more = fixed_words(Lang::En, "reminder-more", &["count"]);
    assert_eq!(english_more, ["… and ", " more in the app."]);
    let mut checked = 0;
    for (what, plan) in plans() {
        let english = plan.reminders(nine());
        for lang in Lang::ALL {
            let what = format!("{what} ({lang:?})");
            let generic = fixed_words(lang, "day-label-after", &["day", "session"]);
            let more = fixed_words(lang, "reminder-more", &["count"]);
            let plan = plan.clone().with_lang(lang);
            let reminders = plan.reminders(nine());
            assert_eq!(reminders.len(), plan.milestones().len(), "{what}");
            assert_eq!(reminders.len(), english.len(), "{what}");
            for (r, en) in reminders.iter().zip(&english) {
                assert_eq!((&r.id, r.at), (&en.id, en.at), "{what}");
                if lang != Lang::En {
                    assert_ne!(r.title, en.title, "{what}: an English title");
                    assert!(!r.body.contains(&english_more[1]), "{what}: {:?}", r.body);
                }
                let title = r.title.chars().count();
                assert!(
                    (1..=HEADLINE_MAX).contains(&title),
                    "{what}: {title} characters in {:?}",
                    r.title
                );
                let is_generic = r.title.starts_with(&generic[0]) && r.title.contains(&generic[1]);
                assert!(!is_generic, "{what}: generic title {:?}", r.title);
                let body = r.body.chars().count();
                assert!(
                    (1..=BODY_MAX).contains(&body),
                    "{what}: {body} characters in {:?}",
                    r.body
                );
                let m = milestone_of(&plan, r);
                assert_eq!(r.title, m.headline, "{what}");
                assert!(!m.points.is_empty(), "{what}: {}", r.id);
                if let Some((_, tail)) = r.body.rsplit_once(&format!(" {}", more[0])) {
                    let n: usize = tail.trim_end_matches(more[1].as_str()).parse().unwrap();
                    assert!(n >= 1 && n < m.points.len(), "{what}: {:?}", r.body);
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked > 1000 * Lang::ALL.len(),
        "only {checked} reminders checked"
    );
}

/// An activity is never both allowed and avoided in one reminder: neither
/// in what the milestone announces nor in the words of the reminder.
#[test]
fn no_reminder_allows_and_avoids_one_activity() {
    for (what, plan) in plans() {
        let care = plan.protocol().care();
        let activity_of =
            |id: &std::sync::Arc<str>| care.iter().find(|c| *c.id == **id).and_then(|c| c.activity);
        for r in plan.reminders(nine()) {
            let m = milestone_of(&plan, &r);
            let avoided: BTreeSet<Activity> = m
                .changes
                .iter()
                .filter(|c| c.to == Allowance::Avoid)
                .map(|c| c.activity)
                .collect();
            let allowed: BTreeSet<Activity> = m
                .changes
                .iter()
                .filter(|c| c.to != Allowance::Avoid)
                .map(|c| c.activity)
                .chain(m.care_started.iter().filter_map(activity_of))
                .chain(m.before_session.iter().filter_map(activity_of))
                .collect();
            assert!(
                avoided.is_disjoint(&allowed),
                "{what}: {} both allowed and avoided in {:?}",
                r.id,
                avoided.intersection(&allowed).collect::<Vec<_>>()
            );
            let text = format!("{} {} {}", r.title, r.body, m.body);
            for a in &avoided {
                let again = format!("{} again", a.verb());
                assert!(
                    !text.to_lowercase().contains(&again),
                    "{what}: {again:?} in {text}"
                );
            }
            // "You may" only for what an explicit `ok` rule allows.
            for c in &m.changes {
                if text.contains(&format!("You may {}", c.activity.verb())) {
                    assert_eq!(c.to, Allowance::Ok, "{what}: {text}");
                }
            }
        }
    }
}

fn three_sessions() -> Plan {
    Plan::new(
        Protocol::builtin("four-to-thirty").unwrap(),
        vec![date(2026, 3, 1), date(2026, 3, 15), date(2026, 3, 29)],
        None,
        chrono_tz::Europe::London,
    )
    .unwrap()
}

fn reminder(plan: &Plan, id: &str) -> Reminder {
    plan.reminders(nine())
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no reminder {id}"))
}

#[test]
fn day_6_says_rinse_and_shave_first() {
    let plan = three_sessions();
    let r = reminder(&plan, "day:2026-03-01:6");
    assert_eq!(r.at.to_rfc3339(), "2026-03-06T09:00:00+00:00");
    assert_eq!(&*r.title, "Day 6: rinse and shave again");
    assert_eq!(
        r.body,
        "Rinse your scalp again (warm water, and pat dry without rubbing). \
         Shave again (foil shaver only, no wet razors). … and 5 more in the app."
    );
    let m = milestone_of(&plan, &r);
    assert_eq!(
        m.points.iter().map(|p| &**p).collect::<Vec<_>>(),
        [
            "Rinse your scalp again (warm water, and pat dry without rubbing).",
            "Shave again (foil shaver only, no wet razors).",
            "Wash your hair again (gentle warm water only: no shampoo, power shower or scrubbing).",
            "You may get your scalp wet and moisturise again.",
            "Exercise lightly again (keep sweat to a minimum).",
            "Soak in a bath again (short and warm only).",
            "From today: moisturise your scalp (two or three times a day until your next visit).",
        ]
    );
}

#[test]
fn the_day_before_a_session_says_how_to_prepare() {
    let plan = three_sessions();
    let r = reminder(&plan, "prep:2026-03-15:1");
    assert_eq!(r.at.to_rfc3339(), "2026-03-14T09:00:00+00:00");
    assert_eq!(&*r.title, "Tomorrow: session 2");
    assert_eq!(
        r.body,
        "Before you come: no alcohol, stimulant drinks or aspirin today or tomorrow. \
         Wash your hair before your appointment. Shave your head before you come in. \
         … and 4 more in the app."
    );
    let m = milestone_of(&plan, &r);
    assert_eq!(m.session_tomorrow, Some(2));
    assert_eq!(
        m.before_session.iter().map(|p| &**p).collect::<Vec<_>>(),
        ["prep_wash", "prep_shave", "prep_eat", "prep_hat"]
    );
}

#[test]
fn the_session_day_says_what_to_avoid_from_today_not_the_morning() {
    let plan = three_sessions();
    let r = reminder(&plan, "day:2026-03-15:1");
    assert_eq!(&*r.title, "Session 2 today");
    assert_eq!(
        r.body,
        "No rinsing, shaving, washing, getting your scalp wet, exercise, baths or moisturiser until day 6. \
         No hard exercise until day 10. … and 2 more in the app."
    );
    let m = milestone_of(&plan, &r);
    assert!(m.care_started.is_empty(), "{:?}", m.care_started);
    assert!(!m.body.contains("before your appointment"), "{}", m.body);
}

/// A protocol with no preparation at all still reminds the day before,
/// without a "Before you come:" that leads nothing.
#[test]
fn a_session_without_preparation_is_still_announced_the_day_before() {
    let plan = Plan::new(
        Protocol::builtin("two-week-rest").unwrap(),
        vec![date(2026, 3, 1)],
        None,
        chrono_tz::Europe::London,
    )
    .unwrap();
    let r = reminder(&plan, "prep:2026-03-01:1");
    assert_eq!(&*r.title, "Tomorrow: session 1");
    assert_eq!(r.body, "Your session 1 of 3 is tomorrow.");
}

/// Lengths are counted in characters: a clinic's 200-character note in
/// a language with accents is cut at a word, never mid-character.
#[test]
fn a_long_note_is_cut_at_a_word_within_the_limit() {
    let note = "é".repeat(20) + &" très doux".repeat(18);
    assert_eq!(note.chars().count(), 200);
    let text = format!(
        "format = 1\nid = \"long\"\nname = \"Long\"\nsummary = \"S\"\n\
         [sessions]\nusual = 1\nmin = 1\nmax = 1\n\
         [[rule]]\nactivity = \"shave\"\nstatus = \"avoid\"\nscope = \"after_each\"\nfrom_day = 1\nto_day = 3\nnote = \"n\"\n\
         [[rule]]\nactivity = \"shave\"\nstatus = \"limited\"\nscope = \"after_each\"\nfrom_day = 4\nto_day = 9\nnote = \"{note}\"\n"
    );
    let protocol = Protocol::from_toml("long.toml", &text).unwrap();
    let plan = Plan::new(protocol, vec![date(2026, 3, 2)], None, chrono_tz::UTC).unwrap();
    let r = reminder(&plan, "day:2026-03-02:4");
    assert_eq!(&*r.title, "Day 4: shave again");
    assert!(r.body.chars().count() <= BODY_MAX, "{}", r.body);
    assert!(
        r.body
            .starts_with("Shave again (éééééééééééééééééééé très doux"),
        "{}",
        r.body
    );
    // Cut at a word: what is kept is the point up to a space.
    let kept = r.body.strip_suffix('…').unwrap();
    let point = &milestone_of(&plan, &r).points[0];
    assert!(point.starts_with(&format!("{kept} ")), "{}", r.body);
}

/// The next change reads right beside its date, days ahead: never
/// "tomorrow" or "today" of another day.
#[test]
fn the_next_change_is_worded_for_a_day_ahead() {
    let plan = three_sessions();
    let next = |d| plan.status(d).next.unwrap();
    let before_eve = next(date(2026, 3, 12));
    assert_eq!(before_eve.date, date(2026, 3, 14));
    assert_eq!(&*before_eve.headline, "Get ready for session 2");
    assert_eq!(next(date(2026, 3, 14)).headline, "Session 2 of 3");
    assert_eq!(next(date(2026, 3, 3)).headline, "Day 5: sun again");
    // On the day itself, the news says "tomorrow".
    let eve = plan.status(date(2026, 3, 14)).news.unwrap();
    assert_eq!(&*eve.headline, "Tomorrow: session 2");
}
