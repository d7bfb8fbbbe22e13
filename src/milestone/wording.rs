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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// The texts of a milestone (see [`Milestone`](super::Milestone)).
pub(super) struct Words {
    pub(super) headline: String,
    pub(super) name: String,
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

/// Short words for headlines and lists: (after "again": "rinse and shave
/// again"; after "no": "no swimming").
fn short(a: Activity) -> (&'static str, &'static str) {
    match a {
        Activity::Wash => ("wash", "washing"),
        Activity::Wet => ("get wet", "getting your scalp wet"),
        Activity::Rinse => ("rinse", "rinsing"),
        Activity::Shave => ("shave", "shaving"),
        Activity::Haircut => ("haircuts", "haircuts"),
        Activity::Moisturise => ("moisturise", "moisturiser"),
        Activity::Exercise => ("exercise", "exercise"),
        Activity::Sweat => ("exercise hard", "hard exercise"),
        Activity::Swim => ("swim", "swimming"),
        Activity::Sauna => ("sauna", "saunas"),
        Activity::Sun => ("sun", "sun on your scalp"),
        Activity::Sunbed => ("sunbeds", "sunbeds"),
        Activity::WoollyHat => ("woolly hats", "woolly hats"),
        Activity::HairColour => ("hair colour", "hair colour"),
        Activity::Bath => ("baths", "baths"),
        Activity::Alcohol => ("alcohol", "alcohol"),
        Activity::Stimulants => ("energy drinks", "stimulant drinks"),
        Activity::Aspirin => ("aspirin", "aspirin"),
    }
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

pub(super) fn words(f: &Facts<'_>) -> Words {
    let points = points(f);
    Words {
        headline: headline(f),
        name: name(f),
        points,
    }
}

/// The name in a list of dates, past or future: "Day 6 after session 1".
fn name(f: &Facts<'_>) -> String {
    let planned = f.planned;
    match f.kind {
        MilestoneKind::Session => {
            format!("Session {} of {planned}", f.session_on_day.unwrap_or(0))
        }
        MilestoneKind::TouchUp => "Touch-up due".to_string(),
        MilestoneKind::Prep => upper_first(&f.prepares.map(countdown).unwrap_or_default()),
        MilestoneKind::Healed | MilestoneKind::RestrictionsOver | MilestoneKind::Change => {
            let d = f.day.unwrap_or(0);
            let s = f.session.unwrap_or(0);
            let also = f
                .prepares
                .map(|p| format!(" ({})", countdown(p)))
                .unwrap_or_default();
            if f.healed {
                format!("Day {d}: fully healed{also}")
            } else if f.restrictions_over {
                format!("Day {d}: restrictions over{also}")
            } else {
                format!("Day {d} after session {s}{also}")
            }
        }
    }
}

/// "the day before session 2", "3 days before session 2".
fn countdown(p: Prepares) -> String {
    match p.days_before {
        1 => format!("the day before session {}", p.session),
        n => format!("{n} days before session {}", p.session),
    }
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

fn headline(f: &Facts<'_>) -> String {
    if let Some(k) = f.session_on_day {
        return format!("Session {k} today");
    }
    if let Some(k) = f.session_tomorrow {
        return format!("Tomorrow: session {k}");
    }
    if f.kind == MilestoneKind::TouchUp {
        return "Time for a touch-up".to_string();
    }
    let prefix = match (f.kind, f.prepares) {
        (MilestoneKind::Prep, Some(p)) => {
            format!("{} days to session {}", p.days_before, p.session)
        }
        _ => format!("Day {}", f.day.unwrap_or(0)),
    };
    // The longest phrase that fits, from two activities down to one.
    for most in [2, 1] {
        if let Some(phrase) = news_phrase(f, most) {
            let line = format!("{prefix}: {phrase}");
            if line.chars().count() <= HEADLINE_MAX {
                return line;
            }
        }
    }
    let fallback = if f.healed {
        "fully healed"
    } else if f.restrictions_over {
        "restrictions over"
    } else if f.touch_up_years.is_some() {
        "time for a touch-up"
    } else if f.prepares.is_some() {
        "get ready"
    } else {
        "care to start"
    };
    format!("{prefix}: {fallback}")
}

/// The news in a few words: "rinse and shave again", "no sunbeds",
/// "washing as usual", naming at most `most` activities of different
/// groups, the most important first.
fn news_phrase(f: &Facts<'_>, most: usize) -> Option<String> {
    let ranked = by_rank(f);
    let pick = |turns: &[Turn], word: fn(Activity) -> &'static str| -> Vec<&'static str> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (_, c, t) in &ranked {
            if turns.contains(t) && !seen.contains(&group(c.activity)) && out.len() < most {
                seen.push(group(c.activity));
                out.push(word(c.activity));
            }
        }
        out
    };
    let again = pick(&[Turn::Again, Turn::AgainWithCare], |a| short(a).0);
    if !again.is_empty() {
        return Some(format!("{} again", and_list(&again)));
    }
    let usual = pick(&[Turn::AsUsual], |a| short(a).1);
    if !usual.is_empty() {
        return Some(format!("{} as usual", and_list(&usual)));
    }
    let no = pick(&[Turn::No], |a| short(a).1);
    if !no.is_empty() {
        return Some(format!("no {}", or_list(&no)));
    }
    let limit = pick(&[Turn::Limit], |a| short(a).1);
    if !limit.is_empty() {
        return Some(format!("care with {}", and_list(&limit)));
    }
    if f.healed {
        return Some("fully healed".to_string());
    }
    if f.restrictions_over {
        return Some("restrictions over".to_string());
    }
    let care: Vec<&str> = f.started.iter().take(most).map(|s| s.label).collect();
    match care.as_slice() {
        [] => None,
        [one] => Some(lower_first(one)),
        _ if f.prepares.is_some() => Some("get ready".to_string()),
        _ => Some("care to start".to_string()),
    }
}

/// The points, most important first (see the module documentation).
fn points(f: &Facts<'_>) -> Vec<String> {
    // (rank, sentence): restrictions and permissions, sorted by their most
    // important activity.
    let mut ranked: Vec<(usize, String)> = Vec::new();
    let changes = by_rank(f);

    for (_, c, t) in &changes {
        let (verb, note) = (c.activity.verb(), c.note.as_deref());
        match t {
            Turn::AgainWithCare => {
                let mut s = upper_first(verb);
                s.push_str(" again");
                push_note(&mut s, note);
                s.push('.');
                ranked.push((rank(c.activity), s));
            }
            Turn::Limit => {
                let mut s = format!("Limit {}", short(c.activity).1);
                push_note(&mut s, note);
                s.push('.');
                ranked.push((rank(c.activity), s));
            }
            _ => {}
        }
    }
    // Grouped turns: one sentence for all activities of one kind.
    let mut grouped = |wanted: Turn, say: &dyn Fn(&[&str]) -> String, verbs: bool| {
        let members: Vec<&(usize, &Change, Turn)> =
            changes.iter().filter(|(_, _, t)| *t == wanted).collect();
        if let Some(first) = members.first() {
            let words: Vec<&str> = members
                .iter()
                .map(|(_, c, _)| {
                    if verbs {
                        c.activity.verb()
                    } else {
                        short(c.activity).1
                    }
                })
                .collect();
            ranked.push((rank(first.1.activity), say(&words)));
        }
    };
    grouped(
        Turn::Again,
        &|w| format!("You may {} again.", and_list(w)),
        true,
    );
    grouped(
        Turn::AsUsual,
        &|w| format!("No more limits on {}.", and_list(w)),
        false,
    );
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
        let words: Vec<&str> = members.iter().map(|c| short(c.activity).1).collect();
        let lead = if f.session_tomorrow.is_some() || f.session_on_day.is_some() {
            format!("No {}", or_list(&words))
        } else {
            format!("From today, no {}", or_list(&words))
        };
        let tail = match end {
            Until::Day(n) => format!(" until day {n}."),
            Until::Unsaid(n) => {
                format!(
                    " up to day {}; after that, ask your clinic.",
                    n.saturating_sub(1)
                )
            }
            Until::NextSession => " until your next session.".to_string(),
            Until::AfterNextSession => " until after your next session.".to_string(),
            Until::Session {
                including: true,
                tomorrow: true,
            } => " today or tomorrow.".to_string(),
            Until::Session {
                including: true,
                tomorrow: false,
            } => " until your session is over.".to_string(),
            Until::Session {
                including: false, ..
            } => " until your session.".to_string(),
            Until::Unknown => " for now.".to_string(),
        };
        ranked.push((rank(members[0].activity), format!("{lead}{tail}")));
    }
    ranked.sort_by_key(|(r, _)| *r);

    let mut out: Vec<String> = Vec::with_capacity(ranked.len() + 4);
    if let Some(k) = f.session_on_day
        && ranked.is_empty()
    {
        out.push(format!("Your session {k} of {} is today.", f.planned));
    }
    out.extend(ranked.into_iter().map(|(_, s)| s));

    // The session's morning, said the day before so that it is read in
    // time for an early appointment.
    for s in f.before_session {
        out.push(format!("{}.", upper_first(s.label)));
    }
    for s in f.started.iter().filter(|s| !s.today_only) {
        let mut p = format!("From today: {}", lower_first(s.label));
        push_note(&mut p, s.note.map(first_clause));
        p.push('.');
        out.push(p);
    }
    let today: Vec<String> = f
        .started
        .iter()
        .filter(|s| s.today_only)
        .map(|s| lower_first(s.label))
        .collect();
    if !today.is_empty() {
        let today: Vec<&str> = today.iter().map(String::as_str).collect();
        out.push(format!("Today: {}.", and_list(&today)));
    }
    if f.healed {
        out.push("Your clinic counts your scalp as fully healed.".to_string());
    }
    if f.restrictions_over {
        out.push("Your clinic's restrictions are over.".to_string());
    }
    if let Some(years) = f.touch_up_years {
        out.push(format!(
            "It is {years} years since your final session: a good time to book a touch-up with your clinic."
        ));
    }
    if out.is_empty()
        && let Some(k) = f.session_tomorrow
    {
        out.push(format!("Your session {k} of {} is tomorrow.", f.planned));
    }
    out
}

/// " (note)" after a phrase, when there is a note.
fn push_note(s: &mut String, note: Option<&str>) {
    if let Some(note) = note {
        s.push_str(" (");
        s.push_str(note);
        s.push(')');
    }
}

/// A note up to its first ";": the frequency of a care step, not every
/// qualification ("two or three times a day until your next visit").
fn first_clause(note: &str) -> &str {
    note.split(';').next().unwrap_or(note).trim()
}

/// "a, b and c".
pub(super) fn and_list(items: &[&str]) -> String {
    join(items, " and ")
}

/// "a, b or c".
fn or_list(items: &[&str]) -> String {
    join(items, " or ")
}

fn join(items: &[&str], last: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { last } else { ", " });
        }
        out.push_str(item);
    }
    out
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
            note: note.map(str::to_string),
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
    fn lists_read_like_a_sentence() {
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(or_list(&["a", "b"]), "a or b");
        assert_eq!(and_list(&["a"]), "a");
    }
}
