//! The words of a milestone: its headline, its name in a list and its
//! points. Detection (`super`) decides what changed; this module only says
//! it, so the wording can change without touching the rules.
//!
//! The rules of the words, each for a client reading a phone the morning
//! after a session:
//!
//! - **The headline names the news** in at most [`HEADLINE_MAX`]
//!   characters: "Day 6: rinse and shave again", "Session 2 today",
//!   "Tomorrow: session 2". It never says only "Day 6 after session 1".
//! - **Points are short sentences, most important first**: what a client
//!   acts on at once (rinsing, shaving, washing), then sweat and exercise,
//!   sun, swimming and the rest, then care to start. Each activity is
//!   named at most once in a milestone, so a point can never contradict
//!   another.
//! - **"You may" only for an explicit `ok` rule** after a restriction;
//!   an activity only allowed with care is "again (condition)"; a rule
//!   that stops speaking is never permission (see DESIGN.md, "Silence is
//!   not permission").

use super::{Change, MilestoneKind, Prepares};
use crate::activity::{Activity, Allowance};
use crate::lang::Lang;
use crate::messages::{Arg, Join, list, tr, tr_plain};

/// The longest headline, in characters: what a phone's lock screen shows
/// of a notification title without cutting it.
pub const HEADLINE_MAX: usize = 40;

/// A care item that starts on the day (or, for the day before a session,
/// one to do on the session's morning), as it is worded.
pub(super) struct Started<'a> {
    pub(super) label: &'a str,
    pub(super) note: Option<&'a str>,
    /// Only on this day ("today: sleep well"), not from this day on.
    pub(super) today_only: bool,
}

/// How long a restriction that starts on the day lasts, as a client
/// counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Until {
    /// Lifted on this day number of the current session, to a status a
    /// rule gives.
    Day(u32),
    /// The rules stop speaking about it on this day number: the client
    /// asks the clinic after that.
    Unsaid(u32),
    /// Until the next session, which is not booked yet.
    NextSession,
    /// Past the next session (booked or not), which restarts it.
    AfterNextSession,
    /// A preparation rule: until the session it prepares for, the session
    /// day included or not.
    Session { including: bool, tomorrow: bool },
    /// No end the client can be told.
    Unknown,
}

/// What a milestone says, as detected.
pub(super) struct Facts<'a> {
    pub(super) kind: MilestoneKind,
    pub(super) day: Option<u32>,
    pub(super) session: Option<u32>,
    /// The 1-based session held on the day itself, if any.
    pub(super) session_on_day: Option<u32>,
    /// The 1-based session held the next day, if any.
    pub(super) session_tomorrow: Option<u32>,
    pub(super) planned: u32,
    pub(super) changes: &'a [Change],
    /// For each change to `avoid`, how long it lasts (parallel to
    /// `changes`; `Unknown` for the others).
    pub(super) until: &'a [Until],
    pub(super) started: &'a [Started<'a>],
    /// The day before a session: the steps of the session's morning.
    pub(super) before_session: &'a [Started<'a>],
    pub(super) healed: bool,
    pub(super) restrictions_over: bool,
    /// The touch-up recall falls on the day, this many years on.
    pub(super) touch_up_years: Option<u32>,
    pub(super) prepares: Option<Prepares>,
    /// The language to word it in.
    pub(super) lang: Lang,
}

/// The texts of a milestone (see [`Milestone`](super::Milestone)), all
/// at once: the tests' view (milestones word them separately, see
/// `super::Said`).
#[cfg(test)]
pub(super) struct Words {
    pub(super) headline: String,
    pub(super) points: Vec<String>,
}

/// The order in which activities matter to a client acting on the news:
/// what they do every day with their head first, then sweat, sun, water
/// they go into, and the rest.
const PRIORITY: [Activity; 18] = [
    Activity::Rinse,
    Activity::Shave,
    Activity::Wash,
    Activity::Wet,
    Activity::Sweat,
    Activity::Exercise,
    Activity::Sun,
    Activity::Sunbed,
    Activity::Swim,
    Activity::Sauna,
    Activity::Bath,
    Activity::Moisturise,
    Activity::WoollyHat,
    Activity::Haircut,
    Activity::HairColour,
    Activity::Alcohol,
    Activity::Stimulants,
    Activity::Aspirin,
];

fn rank(a: Activity) -> usize {
    PRIORITY
        .iter()
        .position(|p| *p == a)
        .unwrap_or(PRIORITY.len())
}

/// Activities a headline names once for the lot: rinsing, washing, a wet
/// scalp and a bath are all "water on the scalp"; light and hard exercise
/// are both exercise.
fn group(a: Activity) -> u8 {
    match a {
        Activity::Rinse | Activity::Wash | Activity::Wet | Activity::Bath => 1,
        Activity::Sweat | Activity::Exercise => 2,
        Activity::Sun | Activity::Sunbed => 3,
        Activity::Alcohol | Activity::Stimulants | Activity::Aspirin => 4,
        _ => 10 + rank(a) as u8,
    }
}

/// Short words for headlines and lists, from the message files: the
/// word before "again" ("rinse and shave again"), and the noun after
/// "no" ("no swimming").
fn again_word(lang: Lang, a: Activity) -> &'static str {
    a.again_in(lang)
}

fn short_noun(lang: Lang, a: Activity) -> &'static str {
    a.short_in(lang)
}

/// How a change reads, by direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// From avoided to allowed with care.
    AgainWithCare,
    /// From avoided to fine: an explicit `ok` rule.
    Again,
    /// From with care to fine.
    AsUsual,
    /// Newly avoided.
    No,
    /// Newly with care.
    Limit,
}

fn turn(c: &Change) -> Option<Turn> {
    match (c.from, c.to) {
        (Some(Allowance::Avoid), Allowance::Limited) => Some(Turn::AgainWithCare),
        (Some(Allowance::Avoid), Allowance::Ok) => Some(Turn::Again),
        (Some(Allowance::Limited), Allowance::Ok) => Some(Turn::AsUsual),
        (_, Allowance::Avoid) => Some(Turn::No),
        (_, Allowance::Limited) => Some(Turn::Limit),
        // From silence to fine: the client was told nothing yesterday, so
        // there is nothing to undo (see `super::announced`).
        (None, Allowance::Ok) | (Some(Allowance::Ok), Allowance::Ok) => None,
    }
}

#[cfg(test)]
pub(super) fn words(f: &Facts<'_>) -> Words {
    Words {
        headline: headline(f),
        points: points(f),
    }
}

/// The name in a list of dates, past or future: "Day 6 after session 1".
pub(super) fn name(f: &Facts<'_>) -> String {
    let lang = f.lang;
    match f.kind {
        MilestoneKind::Session => tr(
            lang,
            "milestone-name-session",
            &[
                ("session", Arg::from(f.session_on_day.unwrap_or(0))),
                ("planned", Arg::from(f.planned)),
            ],
        ),
        MilestoneKind::TouchUp => tr_plain(lang, "milestone-name-touch-up"),
        MilestoneKind::Prep => {
            upper_first(&f.prepares.map(|p| countdown(lang, p)).unwrap_or_default())
        }
        MilestoneKind::Healed | MilestoneKind::RestrictionsOver | MilestoneKind::Change => {
            let day = Arg::from(f.day.unwrap_or(0));
            let name = if f.healed {
                tr(lang, "milestone-name-healed", &[("day", day)])
            } else if f.restrictions_over {
                tr(lang, "milestone-name-restrictions-over", &[("day", day)])
            } else {
                tr(
                    lang,
                    "day-label-after",
                    &[("day", day), ("session", Arg::from(f.session.unwrap_or(0)))],
                )
            };
            match f.prepares {
                Some(p) => tr(
                    lang,
                    "milestone-name-and-countdown",
                    &[
                        ("name", Arg::from(name)),
                        ("countdown", Arg::from(countdown(lang, p))),
                    ],
                ),
                None => name,
            }
        }
    }
}

/// "the day before session 2", "3 days before session 2".
fn countdown(lang: Lang, p: Prepares) -> String {
    tr(
        lang,
        "milestone-countdown",
        &[
            ("days", Arg::from(p.days_before)),
            ("session", Arg::from(p.session)),
        ],
    )
}

/// The changes in the order they matter, with their index in `f.changes`.
fn by_rank<'a>(f: &'a Facts<'a>) -> Vec<(usize, &'a Change, Turn)> {
    let mut out: Vec<(usize, &Change, Turn)> = f
        .changes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| turn(c).map(|t| (i, c, t)))
        .collect();
    out.sort_by_key(|(_, c, _)| rank(c.activity));
    out
}

/// The headline (see [`Milestone::headline`](super::Milestone::headline)).
/// Reads every fact but `f.session`.
pub(super) fn headline(f: &Facts<'_>) -> String {
    let lang = f.lang;
    if let Some(k) = f.session_on_day {
        return tr(lang, "headline-session-today", &[("session", Arg::from(k))]);
    }
    if let Some(k) = f.session_tomorrow {
        return tr(
            lang,
            "headline-session-tomorrow",
            &[("session", Arg::from(k))],
        );
    }
    if f.kind == MilestoneKind::TouchUp {
        return tr_plain(lang, "headline-touch-up");
    }
    let prefix = match (f.kind, f.prepares) {
        (MilestoneKind::Prep, Some(p)) => tr(
            lang,
            "headline-days-to-session",
            &[
                ("days", Arg::from(p.days_before)),
                ("session", Arg::from(p.session)),
            ],
        ),
        _ => tr(
            lang,
            "headline-day",
            &[("day", Arg::from(f.day.unwrap_or(0)))],
        ),
    };
    let line = |news: String| {
        tr(
            lang,
            "headline-news",
            &[
                ("prefix", Arg::from(prefix.as_str())),
                ("news", Arg::from(news)),
            ],
        )
    };
    // The longest phrase that fits, from two activities down to one.
    for most in [2, 1] {
        if let Some(phrase) = news_phrase(f, most) {
            let line = line(phrase);
            if line.chars().count() <= HEADLINE_MAX {
                return line;
            }
        }
    }
    let fallback = if f.healed {
        "news-fully-healed"
    } else if f.restrictions_over {
        "news-restrictions-over"
    } else if f.touch_up_years.is_some() {
        "news-touch-up"
    } else if f.prepares.is_some() {
        "news-get-ready"
    } else {
        "news-care-to-start"
    };
    line(tr_plain(lang, fallback))
}

/// The news in a few words: "rinse and shave again", "no sunbeds",
/// "washing as usual", naming at most `most` activities of different
/// groups, the most important first.
fn news_phrase(f: &Facts<'_>, most: usize) -> Option<String> {
    let lang = f.lang;
    let ranked = by_rank(f);
    let pick = |turns: &[Turn], word: fn(Lang, Activity) -> &'static str| -> Vec<&'static str> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (_, c, t) in &ranked {
            if turns.contains(t) && !seen.contains(&group(c.activity)) && out.len() < most {
                seen.push(group(c.activity));
                out.push(word(lang, c.activity));
            }
        }
        out
    };
    let phrase = |id: &str, words: &[&str], join: Join| {
        tr(lang, id, &[("list", Arg::from(list(lang, words, join)))])
    };
    let again = pick(&[Turn::Again, Turn::AgainWithCare], again_word);
    if !again.is_empty() {
        return Some(phrase("news-again", &again, Join::And));
    }
    let usual = pick(&[Turn::AsUsual], short_noun);
    if !usual.is_empty() {
        return Some(phrase("news-as-usual", &usual, Join::And));
    }
    let no = pick(&[Turn::No], short_noun);
    if !no.is_empty() {
        return Some(phrase("news-no", &no, Join::Nor));
    }
    let limit = pick(&[Turn::Limit], short_noun);
    if !limit.is_empty() {
        return Some(phrase("news-care-with", &limit, Join::And));
    }
    if f.healed {
        return Some(tr_plain(lang, "news-fully-healed"));
    }
    if f.restrictions_over {
        return Some(tr_plain(lang, "news-restrictions-over"));
    }
    let care: Vec<&str> = f.started.iter().take(most).map(|s| s.label).collect();
    match care.as_slice() {
        [] => None,
        [one] => Some(lower_first(one)),
        _ if f.prepares.is_some() => Some(tr_plain(lang, "news-get-ready")),
        _ => Some(tr_plain(lang, "news-care-to-start")),
    }
}

/// The points, most important first (see the module documentation).
/// Reads neither `f.session`, `f.day`, `f.kind` nor `f.prepares`.
pub(super) fn points(f: &Facts<'_>) -> Vec<String> {
    let lang = f.lang;
    // (rank, sentence): restrictions and permissions, sorted by their most
    // important activity.
    let mut ranked: Vec<(usize, String)> = Vec::new();
    let changes = by_rank(f);
    // A sentence with an optional note in brackets: `id` without it,
    // `id_note` with it.
    let with_note =
        |id: &str, id_note: &str, args: &[(&str, Arg<'_>)], note: Option<&str>| match note {
            Some(note) => {
                let mut args = args.to_vec();
                args.push(("note", Arg::from(note)));
                tr(lang, id_note, &args)
            }
            None => tr(lang, id, args),
        };

    for (_, c, t) in &changes {
        let note = c.note.as_deref();
        match t {
            Turn::AgainWithCare => {
                let args = [("verb", Arg::from(c.activity.verb_in(lang)))];
                let s = with_note(
                    "point-again-with-care",
                    "point-again-with-care-note",
                    &args,
                    note,
                );
                ranked.push((rank(c.activity), upper_first(&s)));
            }
            Turn::Limit => {
                let args = [("noun", Arg::from(short_noun(lang, c.activity)))];
                let s = with_note("point-limit", "point-limit-note", &args, note);
                ranked.push((rank(c.activity), s));
            }
            _ => {}
        }
    }
    // Grouped turns: one sentence for all activities of one kind.
    let mut grouped = |wanted: Turn, id: &str, verbs: bool| {
        let members: Vec<&(usize, &Change, Turn)> =
            changes.iter().filter(|(_, _, t)| *t == wanted).collect();
        if let Some(first) = members.first() {
            let words: Vec<&str> = members
                .iter()
                .map(|(_, c, _)| {
                    if verbs {
                        c.activity.verb_in(lang)
                    } else {
                        short_noun(lang, c.activity)
                    }
                })
                .collect();
            let list = list(lang, &words, Join::And);
            ranked.push((
                rank(first.1.activity),
                tr(lang, id, &[("list", Arg::from(list))]),
            ));
        }
    };
    grouped(Turn::Again, "point-may-again", true);
    grouped(Turn::AsUsual, "point-no-more-limits", false);
    // Newly avoided: one sentence per end, so a client reads how long each
    // lasts ("No rinsing or shaving until day 6.").
    let mut ends: Vec<Until> = Vec::new();
    for (i, _, t) in &changes {
        if *t == Turn::No && !ends.contains(&f.until[*i]) {
            ends.push(f.until[*i]);
        }
    }
    for end in ends {
        let members: Vec<&Change> = changes
            .iter()
            .filter(|(i, _, t)| *t == Turn::No && f.until[*i] == end)
            .map(|(_, c, _)| *c)
            .collect();
        let words: Vec<&str> = members
            .iter()
            .map(|c| short_noun(lang, c.activity))
            .collect();
        let from_today = f.session_tomorrow.is_none() && f.session_on_day.is_none();
        let (until, day) = match end {
            Until::Day(n) => ("day", n),
            Until::Unsaid(n) => ("unsaid", n.saturating_sub(1)),
            Until::NextSession => ("next-session", 0),
            Until::AfterNextSession => ("after-next-session", 0),
            Until::Session {
                including: true,
                tomorrow: true,
            } => ("today-or-tomorrow", 0),
            Until::Session {
                including: true,
                tomorrow: false,
            } => ("session-over", 0),
            Until::Session {
                including: false, ..
            } => ("session", 0),
            Until::Unknown => ("for-now", 0),
        };
        let sentence = tr(
            lang,
            "point-no",
            &[
                ("list", Arg::from(list(lang, &words, Join::Nor))),
                ("from", Arg::from(if from_today { "today" } else { "now" })),
                ("until", Arg::from(until)),
                ("day", Arg::from(day)),
            ],
        );
        ranked.push((rank(members[0].activity), sentence));
    }
    ranked.sort_by_key(|(r, _)| *r);

    let mut out: Vec<String> = Vec::with_capacity(ranked.len() + 4);
    let session_of = |k: u32| [("session", Arg::from(k)), ("planned", Arg::from(f.planned))];
    if let Some(k) = f.session_on_day
        && ranked.is_empty()
    {
        out.push(tr(lang, "point-session-today", &session_of(k)));
    }
    out.extend(ranked.into_iter().map(|(_, s)| s));

    // The session's morning, said the day before so that it is read in
    // time for an early appointment.
    for s in f.before_session {
        out.push(tr(
            lang,
            "point-step",
            &[("step", Arg::from(upper_first(s.label)))],
        ));
    }
    for s in f.started.iter().filter(|s| !s.today_only) {
        let args = [("care", Arg::from(lower_first(s.label)))];
        out.push(with_note(
            "point-from-today",
            "point-from-today-note",
            &args,
            s.note.map(first_clause),
        ));
    }
    let today: Vec<String> = f
        .started
        .iter()
        .filter(|s| s.today_only)
        .map(|s| lower_first(s.label))
        .collect();
    if !today.is_empty() {
        let today = list(lang, &today, Join::And);
        out.push(tr(lang, "point-today", &[("list", Arg::from(today))]));
    }
    if f.healed {
        out.push(tr_plain(lang, "point-healed"));
    }
    if f.restrictions_over {
        out.push(tr_plain(lang, "point-restrictions-over"));
    }
    if let Some(years) = f.touch_up_years {
        out.push(tr(lang, "point-touch-up", &[("years", Arg::from(years))]));
    }
    if out.is_empty()
        && let Some(k) = f.session_tomorrow
    {
        out.push(tr(lang, "point-session-tomorrow", &session_of(k)));
    }
    out
}

/// The session numbers [`points`] reads: `Some(0)` for a session it
/// only knows is there (today or tomorrow), the number where a sentence
/// says it ("Session 2 of 3 today.", when nothing else is said).
pub(super) fn points_sessions(f: &Facts<'_>) -> (Option<u32>, Option<u32>) {
    // As in `points`: `ranked` holds a sentence for every change that
    // turns; `out` is empty where the session-tomorrow sentence is said.
    let ranked_empty = f.changes.iter().all(|c| turn(c).is_none());
    let on_day = f.session_on_day.map(|k| if ranked_empty { k } else { 0 });
    let out_empty = ranked_empty
        && f.session_on_day.is_none()
        && f.before_session.is_empty()
        && f.started.is_empty()
        && !f.healed
        && !f.restrictions_over
        && f.touch_up_years.is_none();
    let tomorrow = f.session_tomorrow.map(|k| if out_empty { k } else { 0 });
    (on_day, tomorrow)
}

/// A note up to its first ";": the frequency of a care step, not every
/// qualification ("two or three times a day until your next visit").
fn first_clause(note: &str) -> &str {
    note.split(';').next().unwrap_or(note).trim()
}

/// Capitalises the first character; the rest is copied as a slice.
pub(super) fn upper_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

/// Labels are written capitalised for lists; mid-sentence they read in
/// lower case.
pub(super) fn lower_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_lowercase());
        out.push_str(chars.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(activity: Activity, from: Option<Allowance>, to: Allowance, note: Option<&str>) -> Change {
        Change {
            activity,
            from,
            to,
            note: note.map(Into::into),
        }
    }

    fn facts<'a>(changes: &'a [Change], until: &'a [Until]) -> Facts<'a> {
        Facts {
            kind: MilestoneKind::Change,
            day: Some(6),
            session: Some(1),
            session_on_day: None,
            session_tomorrow: None,
            planned: 3,
            changes,
            until,
            started: &[],
            before_session: &[],
            healed: false,
            restrictions_over: false,
            touch_up_years: None,
            prepares: None,
            lang: Lang::En,
        }
    }

    #[test]
    fn most_important_first_and_grouped_by_direction() {
        let changes = [
            c(
                Activity::Wash,
                Some(Allowance::Avoid),
                Allowance::Limited,
                Some("warm water only"),
            ),
            c(Activity::Wet, Some(Allowance::Avoid), Allowance::Ok, None),
            c(
                Activity::Shave,
                Some(Allowance::Avoid),
                Allowance::Limited,
                Some("foil shaver only"),
            ),
            c(
                Activity::Exercise,
                Some(Allowance::Limited),
                Allowance::Ok,
                None,
            ),
            c(
                Activity::Sunbed,
                Some(Allowance::Ok),
                Allowance::Avoid,
                None,
            ),
            c(Activity::Swim, None, Allowance::Ok, None),
        ];
        let until = [
            Until::Unknown,
            Until::Unknown,
            Until::Unknown,
            Until::Unknown,
            Until::Day(31),
            Until::Unknown,
        ];
        let w = words(&facts(&changes, &until));
        assert_eq!(w.headline, "Day 6: shave and wash again");
        assert_eq!(
            w.points,
            [
                "Shave again (foil shaver only).",
                "Wash your hair again (warm water only).",
                "You may get your scalp wet again.",
                "No more limits on exercise.",
                "From today, no sunbeds until day 31.",
            ]
        );
    }

    #[test]
    fn the_same_changes_in_spanish() {
        let changes = [
            c(Activity::Wet, Some(Allowance::Avoid), Allowance::Ok, None),
            c(Activity::Swim, Some(Allowance::Ok), Allowance::Avoid, None),
            c(Activity::Sauna, Some(Allowance::Ok), Allowance::Avoid, None),
        ];
        let until = [Until::Unknown, Until::Day(31), Until::Day(31)];
        let mut f = facts(&changes, &until);
        f.lang = Lang::Es;
        let w = words(&f);
        assert_eq!(w.headline, "Día 6: ya puedes mojarte");
        assert_eq!(
            w.points,
            [
                "Ya puedes mojarte el cuero cabelludo.",
                "Desde hoy, nada de natación ni sauna hasta el día 31.",
            ]
        );
    }
}
