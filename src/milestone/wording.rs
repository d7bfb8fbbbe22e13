//! The words of a milestone: its title, its name in a list, its body and
//! one-line message. Detection (`super`) decides what changed; this module
//! only says it, so the wording can change without touching the rules.

use super::{Change, MilestoneKind, Prepares};
use crate::activity::Allowance;

/// A care item that starts on the day, as it is worded.
pub(super) struct Started<'a> {
    pub(super) label: &'a str,
    pub(super) note: Option<&'a str>,
    /// Only on this day ("today: sleep well"), not from this day on.
    pub(super) today_only: bool,
}

/// What a milestone says, as detected.
pub(super) struct Facts<'a> {
    pub(super) kind: MilestoneKind,
    pub(super) day: Option<u32>,
    pub(super) session: Option<u32>,
    /// The 1-based session held on the day itself, if any.
    pub(super) session_on_day: Option<u32>,
    pub(super) planned: u32,
    pub(super) changes: &'a [Change],
    pub(super) started: &'a [Started<'a>],
    pub(super) healed: bool,
    pub(super) restrictions_over: bool,
    /// The touch-up recall falls on the day, this many years on.
    pub(super) touch_up_years: Option<u32>,
    pub(super) prepares: Option<Prepares>,
}

/// The texts of a milestone (see [`Milestone`](super::Milestone)).
pub(super) struct Words {
    pub(super) title: String,
    pub(super) name: String,
    pub(super) body: String,
    pub(super) message: String,
}

pub(super) fn words(f: &Facts<'_>) -> Words {
    let mut sentence = Sentence {
        text: String::with_capacity(256),
    };
    describe_changes(&mut sentence, f.changes);
    let started = |today_only: bool| -> Vec<(&str, Option<&str>)> {
        f.started
            .iter()
            .filter(|s| s.today_only == today_only)
            .map(|s| (s.label, s.note))
            .collect()
    };
    sentence.clause("start: ", &started(false));
    sentence.clause("today: ", &started(true));
    if f.healed {
        sentence.clause("your clinic counts your scalp as fully healed", &[]);
    }
    if f.restrictions_over {
        sentence.clause("your clinic's restrictions are over", &[]);
    }
    if let Some(years) = f.touch_up_years {
        sentence.clause(
            &format!(
                "it is {years} years since your final session, a good time to book a touch-up with your clinic"
            ),
            &[],
        );
    }
    if sentence.text.is_empty() {
        // A session day on which nothing else changes (a protocol with no
        // day-1 rules): still worth a line.
        sentence.clause("your session is today", &[]);
    }
    let sentence = sentence.text;

    let planned = f.planned;
    // (heading of the one-line message, notification title, list name)
    let (heading, title, name) = match f.kind {
        MilestoneKind::Session => {
            let k = f.session_on_day.unwrap_or(0);
            let heading = format!("Session {k} of {planned}");
            (
                heading.clone(),
                format!("Session {k} of {planned} today"),
                heading,
            )
        }
        MilestoneKind::TouchUp => (
            "Touch-up".to_string(),
            "Time for a touch-up".to_string(),
            "Touch-up due".to_string(),
        ),
        MilestoneKind::Prep => {
            let when = upper_first(&f.prepares.map(countdown).unwrap_or_default());
            (when.clone(), when.clone(), when)
        }
        MilestoneKind::Healed | MilestoneKind::RestrictionsOver | MilestoneKind::Change => {
            let d = f.day.unwrap_or(0);
            let s = f.session.unwrap_or(0);
            // A day that also prepares for the next session says so, since
            // part of its message is about that session.
            let also = f
                .prepares
                .map(|p| format!(" ({})", countdown(p)))
                .unwrap_or_default();
            let title = if f.healed {
                format!("Day {d}: fully healed{also}")
            } else if f.restrictions_over {
                format!("Day {d}: restrictions over{also}")
            } else {
                format!("Day {d} after session {s}{also}")
            };
            (format!("Day {d}{also}"), title.clone(), title)
        }
    };
    let mut body = upper_first(&sentence);
    body.push('.');
    Words {
        title,
        name,
        body,
        message: format!("{heading}: {sentence}"),
    }
}

/// "the day before session 2", "3 days before session 2".
fn countdown(p: Prepares) -> String {
    match p.days_before {
        1 => format!("the day before session {}", p.session),
        n => format!("{n} days before session {}", p.session),
    }
}

/// A milestone's sentence, built in one buffer since every plan builds
/// dozens: clauses separated by "; ", each a lead ("you may ") and a list
/// read as "a, b (note) and c".
#[derive(Default)]
struct Sentence {
    text: String,
}

impl Sentence {
    /// Adds a clause; with items, only if there are any.
    fn clause(&mut self, lead: &str, items: &[(&str, Option<&str>)]) {
        if lead.ends_with(' ') && items.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("; ");
        }
        self.text.push_str(lead);
        for (i, (phrase, note)) in items.iter().enumerate() {
            if i > 0 {
                self.text
                    .push_str(if i + 1 == items.len() { " and " } else { ", " });
            }
            // Labels are written capitalised for lists; mid-sentence they
            // read in lower case.
            let mut chars = phrase.chars();
            if let Some(c) = chars.next() {
                self.text.extend(c.to_lowercase());
                self.text.push_str(chars.as_str());
            }
            if let Some(note) = note {
                self.text.push_str(" (");
                self.text.push_str(note);
                self.text.push(')');
            }
        }
    }
}

/// Turns status changes into clauses, grouped so that a day reads as one
/// sentence: "you may rinse your scalp (warm water only) and shave".
fn describe_changes(sentence: &mut Sentence, changes: &[Change]) {
    let mut may = Vec::new();
    let mut unlimited = Vec::new();
    let mut avoid = Vec::new();
    let mut limit = Vec::new();
    for c in changes {
        let note = c.note.as_deref();
        match (c.from, c.to) {
            (Some(Allowance::Avoid), Allowance::Ok) => may.push((c.activity.verb(), None)),
            (Some(Allowance::Avoid), Allowance::Limited) => may.push((c.activity.verb(), note)),
            (Some(Allowance::Limited), Allowance::Ok) => unlimited.push((c.activity.noun(), None)),
            (_, Allowance::Avoid) => avoid.push((c.activity.noun(), None)),
            (_, Allowance::Limited) => limit.push((c.activity.noun(), note)),
            _ => {}
        }
    }
    sentence.clause("you may ", &may);
    sentence.clause("no more limits on ", &unlimited);
    sentence.clause("avoid ", &avoid);
    sentence.clause("limit ", &limit);
}

/// Capitalises the first character; the rest is copied as a slice.
fn upper_first(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::Activity;

    fn sentence(changes: &[Change]) -> String {
        let mut s = Sentence::default();
        describe_changes(&mut s, changes);
        s.text
    }

    #[test]
    fn lists_read_like_a_sentence() {
        let mut s = Sentence::default();
        s.clause(
            "start: ",
            &[("Moisturise your scalp", Some("2-3 times a day"))],
        );
        s.clause(
            "today: ",
            &[("Eat", None), ("Drink water", None), ("Sleep well", None)],
        );
        s.clause("avoid ", &[]);
        assert_eq!(
            s.text,
            "start: moisturise your scalp (2-3 times a day); today: eat, drink water and sleep well"
        );
    }

    #[test]
    fn groups_changes_by_direction() {
        let c = |activity, from, to, note: Option<&str>| Change {
            activity,
            from: Some(from),
            to,
            note: note.map(str::to_string),
        };
        assert_eq!(
            sentence(&[
                c(
                    Activity::Rinse,
                    Allowance::Avoid,
                    Allowance::Limited,
                    Some("warm water only")
                ),
                c(
                    Activity::Shave,
                    Allowance::Avoid,
                    Allowance::Limited,
                    Some("foil shaver only")
                ),
                c(Activity::Exercise, Allowance::Limited, Allowance::Ok, None),
                c(
                    Activity::Sunbed,
                    Allowance::Ok,
                    Allowance::Avoid,
                    Some("no sunbeds")
                ),
            ]),
            "you may rinse your scalp (warm water only) and shave (foil shaver only); \
             no more limits on exercise; avoid sunbeds"
        );
    }
}
