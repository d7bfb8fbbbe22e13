//! Milestones: the days on which something changes, one headline and a
//! few short points per day.
//!
//! A milestone is found by looking only where something can change: the
//! first day of each window, the day after it ends, session days and the
//! day before each, the healed date and the touch-up recall. On each such
//! day the statuses of the activities concerned are compared with the day
//! before.
//!
//! # Days with news
//!
//! A day is a milestone only when it has something a client acts on or
//! needs to know, each of which becomes a point:
//!
//! - a restriction starts or tightens (newly avoided or newly with care);
//! - a restriction eases into a status a rule gives after a session
//!   (avoided to with care or fine, with care to fine);
//! - a care item starts;
//! - a booked session is today, or tomorrow (then the session's morning
//!   steps are said, so an early appointment is not missed);
//! - the client counts as healed, the restrictions are over, or a
//!   touch-up is due.
//!
//! Not news, and no milestone on their own: a rule falling silent (the
//! clinic says nothing after it, which is not permission), a preparation
//! rule ending after its session, a rule starting to say "fine" about
//! something no rule spoke of the day before (there is nothing to undo),
//! and a care item ending. So every milestone has at least one point and
//! every milestone gets a reminder.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock, TryLockError};

use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap, FxHasher};
use serde::Serialize;

mod wording;

pub use wording::HEADLINE_MAX;
use wording::{Facts, Started, Until};

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, day_number, sub_days};
use crate::lang::Lang;
use crate::reminder;
use crate::schedule::{Anchor, CareSet, Level, Lifts, Schedule};

/// A day on which something changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Milestone {
    /// The date, in the plan's zone.
    pub date: NaiveDate,
    /// Day number within the latest session on or before the date; `None`
    /// before the first session.
    pub day: Option<u32>,
    /// 1-based number of that session.
    pub session: Option<u32>,
    /// The most notable thing about the day.
    pub kind: MilestoneKind,
    /// The news in at most [`HEADLINE_MAX`] characters, for a notification
    /// title and the first line of the day: "Day 6: rinse and shave again",
    /// "Session 2 today", "Tomorrow: session 2".
    pub headline: Arc<str>,
    /// The day's name in a list of dates, past or future (a timeline):
    /// "Day 6 after session 1", "Session 2 of 3".
    pub name: Arc<str>,
    /// What changes, as short sentences, most important first (see the
    /// module documentation): "Rinse your scalp again (warm water only)."
    /// Never empty.
    pub points: Arc<[Arc<str>]>,
    /// Every point, one after the other: for a calendar event or a
    /// timeline card.
    pub body: Arc<str>,
    /// Each activity whose status changes, in [`Activity::ALL`] order.
    pub changes: Vec<Change>,
    /// Ids of the care items that start on this day and are announced.
    /// On a session day the session's own morning steps are not: they are
    /// announced the day before (`before_session`).
    pub care_started: Vec<Arc<str>>,
    /// On the day before a booked session: that session's 1-based number.
    pub session_tomorrow: Option<u32>,
    /// On the day before a booked session: ids of the care steps for the
    /// session's morning ("wash your hair before your appointment").
    pub before_session: Vec<Arc<str>>,
    /// For preparation days: the 1-based session prepared for and how many
    /// days ahead it is.
    pub prepares: Option<Prepares>,
}

/// What kind of day a milestone is. When several things fall on one day the
/// most notable names it: session, then healed, then change, then prep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// A booked session.
    Session,
    /// Restrictions ease or start after a session.
    Change,
    /// Preparation for a coming session.
    Prep,
    /// The day the client counts as fully healed (only protocols that give
    /// a healing time have one).
    Healed,
    /// The day every time-limited restriction of the final session is over,
    /// for protocols that give no healing time.
    RestrictionsOver,
    /// The touch-up recall, years after the final session.
    TouchUp,
}

/// An activity's status changing from one day to the next, as announced:
/// a restriction that starts or tightens, or one that a rule after a session
/// ends into a status another rule gives. A restriction that merely runs out
/// with nothing said after it, or a before-session rule ending, is not
/// announced as permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    /// The activity.
    pub activity: Activity,
    /// Yesterday's status; `None` when no rule spoke about it yesterday.
    pub from: Option<Allowance>,
    /// Today's status.
    pub to: Allowance,
    /// The note of today's rule, if any (for `limited`, the condition).
    pub note: Option<Arc<str>>,
}

/// The session a preparation day is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Prepares {
    /// 1-based session number.
    pub session: u32,
    /// How many days before it.
    pub days_before: u32,
}

/// A date with no track of its own, in an edge.
const NO_TRACK: u32 = u32::MAX;
/// In a date gathered by [`by_date`], the bit for a date with no track of
/// its own (tracks take the bits below it).
const DATE_BIT: u64 = 1 << 31;
// A track per activity named, each named once: every track has a bit.
const _: () = assert!(Activity::ALL.len() < 31);
/// The day-number half of an edge or a gathered date.
const DAY: u64 = !0xffff_ffff;

/// A window edge packed into one integer: the date's day number above
/// the track (or [`NO_TRACK`]).
fn edge(date: NaiveDate, track: u32) -> u64 {
    let day = i64::from(date.num_days_from_ce()) - i64::from(i32::MIN);
    ((day as u64) << 32) | u64::from(track)
}

/// The day number of an edge or a gathered date, from `i32::MIN` up.
fn day_of(edge: u64) -> i64 {
    (edge >> 32) as i64
}

/// The track of an edge.
fn track_of(edge: u64) -> u32 {
    edge as u32
}

/// An edge's track as a bit of a gathered date.
fn bit(track: u32) -> u64 {
    if track == NO_TRACK {
        DATE_BIT
    } else {
        1 << track.min(30)
    }
}

/// Gathers `edges` by date, in place and in date order: each date once,
/// its day number above one bit per track with an edge there
/// ([`DATE_BIT`] for a date with no track of its own), so each date's
/// tracks come in ascending order, as the sorted edges would give them.
///
/// The dates of a plan lie within a few hundred days, so a bit mask per
/// day from the first to the last, read in order, puts them in order
/// without sorting (sorting them was a sixteenth of building a plan); a
/// plan whose dates lie much farther apart than it has edges is sorted.
fn by_date(edges: &mut Vec<u64>) {
    let first = edges.iter().map(|e| day_of(*e)).min().unwrap_or(0);
    let last = edges.iter().map(|e| day_of(*e)).max().unwrap_or(0);
    let span = usize::try_from(last - first).unwrap_or(usize::MAX);
    if span < 4 * edges.len() + 64 {
        by_date_dense(edges, first, span);
    } else {
        by_date_sorted(edges);
    }
}

/// [`by_date`] through a mask per day of the `span` days after `first`,
/// the least day of `edges`.
fn by_date_dense(edges: &mut Vec<u64>, first: i64, span: usize) {
    let mut masks = vec![0u64; span + 1];
    for e in edges.iter() {
        if let Some(mask) = usize::try_from(day_of(*e) - first)
            .ok()
            .and_then(|i| masks.get_mut(i))
        {
            *mask |= bit(track_of(*e));
        }
    }
    // At most as many dates as edges: no reallocation.
    edges.clear();
    edges.extend(
        (first..)
            .zip(masks)
            .filter(|(_, mask)| *mask != 0)
            .map(|(day, mask)| ((day as u64) << 32) | mask),
    );
}

/// [`by_date`] by sorting.
fn by_date_sorted(edges: &mut Vec<u64>) {
    edges.sort_unstable();
    let mut dates: usize = 0;
    for i in 0..edges.len() {
        let e = edges[i];
        match dates.checked_sub(1).map(|d| (d, edges[d])) {
            Some((d, last)) if last & DAY == e & DAY => edges[d] = last | bit(track_of(e)),
            _ => {
                edges[dates] = (e & DAY) | bit(track_of(e));
                dates += 1;
            }
        }
    }
    edges.truncate(dates);
}

/// The milestones of `plan`, and the body of each one's reminder in
/// `lang` (the plan's language: the protocol's texts may have stayed in
/// another).
pub(crate) fn compute(plan: &Schedule, lang: Lang) -> (Vec<Milestone>, Vec<Arc<str>>) {
    // Dates on which something may change, with the tracks that have a
    // window starting or just ended there. Care is checked on every such
    // date; its own window starts are added as dates too.
    // One flat list of (date, track) edges, gathered by date once (see
    // [`by_date`]), rather than a map of small vectors: a four-session
    // plan has a few hundred window edges. `NO_TRACK` marks a date with
    // no track of its own.
    let mut edges: Vec<u64> = Vec::with_capacity(
        plan.tracks
            .iter()
            .map(|t| 2 * t.windows.len())
            .sum::<usize>()
            + plan.care_windows.len()
            + 2 * plan.sessions().len()
            + 3,
    );
    for (t, track) in plan.tracks.iter().enumerate() {
        let t = u32::try_from(t).unwrap_or(NO_TRACK - 1);
        for w in &track.windows {
            edges.push(edge(w.span.start, t));
            if let Some(end) = w.span.end {
                edges.push(edge(add_days(end, 1), t));
            }
        }
    }
    let other_dates = plan
        .care_windows
        .iter()
        .map(|w| w.span.start)
        .chain(plan.sessions().iter().copied())
        .chain(plan.sessions().iter().map(|s| sub_days(*s, 1)))
        .chain(plan.healed_on())
        .chain(plan.restrictions_over_on())
        .chain(plan.touch_up_on());
    edges.extend(other_dates.map(|date| edge(date, NO_TRACK)));
    by_date(&mut edges);

    let mut out = Vec::with_capacity(edges.len());
    let mut bodies = Vec::with_capacity(edges.len());
    let mut care = CareMemo::default();
    // The texts worded for earlier plans of the same protocol (see
    // [`Worded`]); a plan built while another holds them words its own.
    let memo = &plan.protocol().worded().said;
    let mut guard = match memo.try_lock() {
        Ok(guard) => Some(guard),
        Err(TryLockError::Poisoned(poisoned)) => {
            // A panic while wording may have left a text without its key:
            // start again.
            let mut guard = poisoned.into_inner();
            *guard = Said::default();
            memo.clear_poison();
            Some(guard)
        }
        Err(TryLockError::WouldBlock) => None,
    };
    let mut local = Said::default();
    let said = match guard.as_deref_mut() {
        Some(said) => {
            if said.len() > Said::MAX {
                *said = Said::default();
            }
            said
        }
        None => &mut local,
    };
    let shared = plan
        .protocol()
        .worded()
        .shared
        .get_or_init(|| Shared::of(plan.protocol()));
    let mut scratch = Scratch::default();
    let mut tracks: Vec<usize> = Vec::new();
    // Each track's level on the day before its next edge: a track's level
    // changes only on its own edges (a window's first day, the day after
    // its last), so the level on the day before an edge is the level on
    // the track's previous edge, looked up there. Before a track's first
    // edge (its earliest start) no window holds a day. A track per
    // activity named at most: no allocation.
    let mut levels: [Option<Level<'_>>; Activity::ALL.len()] =
        [Some(Level::NONE); Activity::ALL.len()];
    for e in edges {
        tracks.clear();
        let mut bits = e & (DATE_BIT - 1);
        while bits != 0 {
            tracks.push(bits.trailing_zeros() as usize);
            // Clears the lowest set bit.
            bits &= bits - 1;
        }
        let day = day_of(e) + i64::from(i32::MIN);
        let Some(date) = i32::try_from(day)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt)
        else {
            // Not met (every edge is a date); its tracks' levels are
            // looked up again at their next edge.
            for &t in &tracks {
                levels[t] = None;
            }
            continue;
        };
        if let Some((m, points_at)) = milestone_on(
            plan,
            date,
            &tracks,
            &mut levels,
            &mut care,
            said,
            shared,
            &mut scratch,
        ) {
            let lead = reminder::leads_before_session(&m);
            bodies.push(said.reminder_body(points_at, lead, lang, || {
                reminder::body_of(&m.points, lead, lang).into()
            }));
            out.push(m);
        }
    }
    (out, bodies)
}

/// Whether a change anchored this way, seen on `date`, prepares for a coming
/// session (as opposed to the end of preparation once the session is past).
fn prep_for(plan: &Schedule, anchor: Anchor, date: NaiveDate) -> Option<usize> {
    match anchor {
        Anchor::Before(i) if date < plan.sessions()[i] => Some(i),
        _ => None,
    }
}

/// The care items on a date, remembered: each milestone compares a date
/// with the day before and the day after, and neighbouring milestone dates
/// share those days. Dates come in order, so the last few are enough (a
/// map of every date was a tenth of wording a plan).
#[derive(Default)]
struct CareMemo {
    on: [Option<(NaiveDate, CareSet)>; 4],
    /// Where the next new date goes.
    next: usize,
}

impl CareMemo {
    fn get(&mut self, plan: &Schedule, date: NaiveDate) -> CareSet {
        if let Some((_, set)) = self.on.iter().flatten().find(|(d, _)| *d == date) {
            return *set;
        }
        let set = plan.care_on(date);
        self.on[self.next] = Some((date, set));
        self.next = (self.next + 1) % self.on.len();
        set
    }
}

/// The texts a protocol's plans have worded, shared by every clone of
/// the protocol (a plan takes its protocol by value, and the app builds
/// a plan from the same protocol after every edit): wording was most of
/// the time spent building a plan. A text is a function of the facts its
/// key holds and of the protocol's own texts (notes and labels by
/// index, its language), which a protocol never changes once read, so
/// a text kept here reads as if worded again. Nothing is keyed on the
/// dates.
#[derive(Default)]
pub(crate) struct Worded {
    said: Mutex<Said>,
    /// The protocol's notes and care ids as the milestones carry them.
    shared: OnceLock<Shared>,
}

/// Each rule's note and each care item's id, made once per protocol so
/// that a milestone carrying one shares it instead of copying it.
struct Shared {
    /// By rule index.
    notes: Box<[Arc<str>]>,
    /// By care item index.
    care_ids: Box<[Arc<str>]>,
}

impl Shared {
    fn of(protocol: &crate::protocol::Protocol) -> Shared {
        Shared {
            notes: protocol
                .rules()
                .iter()
                .map(|r| Arc::from(r.note.as_str()))
                .collect(),
            care_ids: protocol
                .care()
                .iter()
                .map(|c| Arc::from(c.id.as_str()))
                .collect(),
        }
    }
}

impl std::fmt::Debug for Worded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Worded")
    }
}

/// Remembered texts are not part of what a protocol says.
impl PartialEq for Worded {
    fn eq(&self, _: &Worded) -> bool {
        true
    }
}

impl Eq for Worded {}

/// The headlines, points, bodies and names worded so far. Each session
/// brings the same days again ("Day 6: rinse and shave again" after
/// every one), and every plan of a protocol the same days as the last,
/// so each distinct headline, list of points and name is worded once and
/// copied.
#[derive(Default)]
struct Said {
    /// Each headline, and where the points worded with it are in
    /// `points` (a headline's facts hold every fact its points read).
    headlines: Vec<(Key, Arc<str>, Option<usize>)>,
    /// Where each headline is in `headlines`, by the hash of its facts.
    headline_at: FxHashMap<u64, usize>,
    /// The points, and the body joined from them.
    points: Vec<(Key, Points, Arc<str>)>,
    /// By index in `points`: the reminder bodies cut from them
    /// ([`reminder::body_of`]), by language and whether "Before you
    /// come:" leads, each cut when first asked for.
    reminder_bodies: Vec<ReminderBodies>,
    points_at: FxHashMap<u64, usize>,
    names: FxHashMap<NameKey, Arc<str>>,
    /// The lists of facts of every key.
    lists: Vec<Lists>,
    /// How many texts were copied rather than worded.
    #[cfg(test)]
    hits: usize,
}

/// A day's points as a milestone carries them: shared, not copied.
type Points = Arc<[Arc<str>]>;

/// The reminder bodies of one list of points, by [`Lang::ALL`] position,
/// then without and with the lead.
type ReminderBodies = [[Option<Arc<str>>; 2]; Lang::ALL.len()];

/// The facts a name reads ([`wording::name`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct NameKey {
    kind: MilestoneKind,
    day: Option<u32>,
    session: Option<u32>,
    session_on_day: Option<u32>,
    planned: u32,
    prepares: Option<Prepares>,
    healed: bool,
    restrictions_over: bool,
}

/// The facts a text is worded from ([`wording::headline`] reads all of
/// [`Facts`] but `session`; [`wording::points`] less, see
/// [`Said::say`]); `planned` and the language are the plan's. Care items
/// are kept by index: their label and note are the protocol's.
#[derive(Clone, Copy, PartialEq)]
struct Key {
    kind: MilestoneKind,
    planned: u32,
    day: Option<u32>,
    session_on_day: Option<u32>,
    session_tomorrow: Option<u32>,
    prepares: Option<Prepares>,
    healed: bool,
    restrictions_over: bool,
    touch_up_years: Option<u32>,
    /// Where the lists of the key start in `Said::lists`.
    lists: usize,
}

impl Key {
    fn of(f: &Facts<'_>) -> Key {
        Key {
            kind: f.kind,
            planned: f.planned,
            day: f.day,
            session_on_day: f.session_on_day,
            session_tomorrow: f.session_tomorrow,
            prepares: f.prepares,
            healed: f.healed,
            restrictions_over: f.restrictions_over,
            touch_up_years: f.touch_up_years,
            lists: 0,
        }
    }

    /// A hash of `self` (but its lists) with the lists given.
    fn hash_with(
        &self,
        f: &Facts<'_>,
        changed: &[Changed],
        started: &[(usize, bool)],
        morning: &[usize],
    ) -> u64 {
        let mut h = FxHasher::default();
        self.kind.hash(&mut h);
        self.planned.hash(&mut h);
        self.day.hash(&mut h);
        self.session_on_day.hash(&mut h);
        self.session_tomorrow.hash(&mut h);
        self.prepares.hash(&mut h);
        self.healed.hash(&mut h);
        self.restrictions_over.hash(&mut h);
        self.touch_up_years.hash(&mut h);
        changed.hash(&mut h);
        f.until.hash(&mut h);
        started.hash(&mut h);
        morning.hash(&mut h);
        h.finish()
    }

    /// Whether `self`, with its lists, holds the facts `key` and `f`.
    fn holds(
        &self,
        lists: &[Lists],
        key: &Key,
        f: &Facts<'_>,
        changed: &[Changed],
        started: &[(usize, bool)],
        morning: &[usize],
    ) -> bool {
        let l = &lists[self.lists];
        Key { lists: 0, ..*self } == *key
            && l.changes == changed
            && l.until == f.until
            && l.started == started
            && l.morning == morning
    }
}

/// A change as a key holds it: activity, yesterday's and today's status,
/// and the rule whose note it carries.
type Changed = (Activity, Option<Allowance>, Allowance, Option<usize>);

/// The lists of facts of a [`Key`].
struct Lists {
    /// Each change as its activity, statuses and the index of the rule
    /// whose note it carries: the note without copying it.
    changes: Vec<Changed>,
    until: Vec<Until>,
    /// Index and "today only" of each started item.
    started: Vec<(usize, bool)>,
    /// Index of each of the next session's morning steps.
    morning: Vec<usize>,
}

impl Said {
    /// How many texts are kept at most; past that they are worded again
    /// from scratch (a protocol's plans rarely need more than a few
    /// hundred).
    const MAX: usize = 4096;

    /// How many texts are kept.
    fn len(&self) -> usize {
        self.headlines.len() + self.points.len() + self.names.len()
    }

    /// The name of the day `f` describes, worded now unless one with the
    /// same facts was.
    fn name(&mut self, f: &Facts<'_>) -> Arc<str> {
        let key = NameKey {
            kind: f.kind,
            day: f.day,
            session: f.session,
            session_on_day: f.session_on_day,
            planned: f.planned,
            prepares: f.prepares,
            healed: f.healed,
            restrictions_over: f.restrictions_over,
        };
        if let Some(name) = self.names.get(&key) {
            #[cfg(test)]
            {
                assert_eq!(**name, *wording::name(f));
                self.hits += 1;
            }
            return name.clone();
        }
        let name: Arc<str> = wording::name(f).into();
        self.names.insert(key, name.clone());
        name
    }

    /// The headline, points and body of the day `f` describes, each worded
    /// now unless one with the same facts was. `started` and `morning` are
    /// the care items of `f.started` and `f.before_session`, by index.
    ///
    /// Also gives where the points are kept, for
    /// [`Said::reminder_body`]: `None` when they are not (another list
    /// of facts had the same hash).
    fn say(
        &mut self,
        f: &Facts<'_>,
        changed: &[Changed],
        started: &[(usize, bool)],
        morning: &[usize],
    ) -> (Arc<str>, Points, Arc<str>, Option<usize>) {
        let key = Key::of(f);
        // The points read neither the day, its kind nor what it prepares
        // for, and the session numbers only where `wording` says.
        let (session_on_day, session_tomorrow) = wording::points_sessions(f);
        let points_key = Key {
            kind: MilestoneKind::Change,
            day: None,
            prepares: None,
            session_on_day,
            session_tomorrow,
            ..key
        };
        let list_of = |lists: &mut Vec<Lists>| {
            lists.push(Lists {
                changes: changed.to_vec(),
                until: f.until.to_vec(),
                started: started.to_vec(),
                morning: morning.to_vec(),
            });
            lists.len() - 1
        };
        // A hash names the one text that may hold the facts; `holds`
        // checks that it does (on a collision the text is worded, not
        // kept).
        let hash = key.hash_with(f, changed, started, morning);
        let found = self
            .headline_at
            .get(&hash)
            .map(|&i| &self.headlines[i])
            .filter(|(k, _, _)| k.holds(&self.lists, &key, f, changed, started, morning));
        // The same facts give the same points: found with the headline.
        if let Some((_, h, Some(at))) = found {
            let h = h.clone();
            let (_, p, b) = &self.points[*at];
            let (p, b) = (p.clone(), b.clone());
            #[cfg(test)]
            {
                assert_eq!(*h, *wording::headline(f));
                assert!(
                    p.iter()
                        .map(|p| &**p)
                        .eq(wording::points(f).iter().map(String::as_str))
                );
                self.hits += 2;
            }
            return (h, p, b, Some(*at));
        }
        let mut new_headline = None;
        let headline = match found {
            Some((_, h, _)) => {
                let h = h.clone();
                // The unit tests word every text again and compare, so a
                // fact the words read but the key misses fails them.
                #[cfg(test)]
                {
                    assert_eq!(*h, *wording::headline(f));
                    self.hits += 1;
                }
                h
            }
            None => {
                let h: Arc<str> = wording::headline(f).into();
                if let std::collections::hash_map::Entry::Vacant(e) = self.headline_at.entry(hash) {
                    let lists = list_of(&mut self.lists);
                    e.insert(self.headlines.len());
                    new_headline = Some(self.headlines.len());
                    self.headlines.push((Key { lists, ..key }, h.clone(), None));
                }
                h
            }
        };
        let points_hash = points_key.hash_with(f, changed, started, morning);
        let found = self
            .points_at
            .get(&points_hash)
            .map(|&i| (i, &self.points[i]))
            .filter(|(_, (k, _, _))| {
                k.holds(&self.lists, &points_key, f, changed, started, morning)
            });
        let mut points_at = None;
        let (points, body) = match found {
            Some((i, (_, p, b))) => {
                points_at = Some(i);
                let (p, b) = (p.clone(), b.clone());
                #[cfg(test)]
                {
                    assert!(
                        p.iter()
                            .map(|p| &**p)
                            .eq(wording::points(f).iter().map(String::as_str))
                    );
                    self.hits += 1;
                }
                (p, b)
            }
            None => {
                let p = wording::points(f);
                let b: Arc<str> = p.join(" ").into();
                let p: Points = p.into_iter().map(Arc::from).collect();
                if let std::collections::hash_map::Entry::Vacant(e) =
                    self.points_at.entry(points_hash)
                {
                    // The headline's lists, when it was just worded, are these.
                    let same = self.lists.last().is_some_and(|l| {
                        l.changes == changed
                            && l.until == f.until
                            && l.started == started
                            && l.morning == morning
                    });
                    let at = if same {
                        self.lists.len() - 1
                    } else {
                        list_of(&mut self.lists)
                    };
                    e.insert(self.points.len());
                    points_at = Some(self.points.len());
                    self.reminder_bodies.push(ReminderBodies::default());
                    self.points.push((
                        Key {
                            lists: at,
                            ..points_key
                        },
                        p.clone(),
                        b.clone(),
                    ));
                }
                (p, b)
            }
        };
        if let Some(i) = new_headline {
            self.headlines[i].2 = points_at;
        }
        (headline, points, body, points_at)
    }

    /// The reminder body in `lang`, led or not by "Before you come:", of
    /// the points kept at `points_at` (from [`Said::say`]): cut by `cut`
    /// unless it was for the same points before.
    fn reminder_body(
        &mut self,
        points_at: Option<usize>,
        lead: bool,
        lang: Lang,
        cut: impl FnOnce() -> Arc<str>,
    ) -> Arc<str> {
        let l = Lang::ALL.iter().position(|l| *l == lang);
        let Some(slot) = points_at
            .zip(l)
            .and_then(|(at, l)| self.reminder_bodies.get_mut(at)?.get_mut(l))
            .map(|bodies| &mut bodies[usize::from(lead)])
        else {
            return cut();
        };
        if let Some(body) = slot {
            // As for the other texts: the unit tests cut it again and
            // compare.
            #[cfg(test)]
            {
                assert_eq!(**body, *cut());
                self.hits += 1;
            }
            return body.clone();
        }
        let body = cut();
        *slot = Some(body.clone());
        body
    }
}

/// Lists a milestone needs only while it is worded, kept from one
/// milestone to the next so that they are allocated once per plan.
#[derive(Default)]
struct Scratch<'a> {
    until: Vec<Until>,
    /// The day's changes as the keys of [`Said`] hold them.
    changed: Vec<Changed>,
    /// The index of each started item, and whether it is for today only.
    started_items: Vec<(usize, bool)>,
    morning_items: Vec<usize>,
    started: Vec<Started<'a>>,
    morning: Vec<Started<'a>>,
}

/// The milestone on `date`, if any, comparing each of `tracks` (those
/// with an edge on `date`) with the day before. `levels`, by track, holds
/// each one's level on the day before where known (`None`: looked up
/// here); each of `tracks` leaves its level on `date` there.
#[allow(clippy::too_many_arguments)]
fn milestone_on<'a>(
    plan: &'a Schedule,
    date: NaiveDate,
    tracks: &[usize],
    levels: &mut [Option<Level<'a>>],
    care: &mut CareMemo,
    memo: &mut Said,
    shared: &Shared,
    scratch: &mut Scratch<'a>,
) -> Option<(Milestone, Option<usize>)> {
    let yesterday = sub_days(date, 1);
    let items = plan.protocol().care();

    // Room for every track's change at the first one: most dates with an
    // edge change nothing, and then allocate nothing.
    let mut changes = Vec::new();
    let until = &mut scratch.until;
    until.clear();
    scratch.changed.clear();
    let mut after_session_news = false;
    let mut prep_session: Option<usize> = None;
    let mut note_prep = |i: Option<usize>, after: &mut bool| match i {
        Some(i) => prep_session = Some(prep_session.map_or(i, |p: usize| p.min(i))),
        None => *after = true,
    };

    for &t in tracks {
        let track = &plan.tracks[t];
        let before = levels[t].unwrap_or_else(|| Schedule::level(track, yesterday));
        // The unit tests look the level carried from the track's last edge
        // up again, so a change between edges that `compute` missed fails
        // them.
        #[cfg(test)]
        {
            let looked_up = Schedule::level(track, yesterday);
            assert_eq!(before.status, looked_up.status, "{date}");
            assert!(
                before.window.map(std::ptr::from_ref) == looked_up.window.map(std::ptr::from_ref),
                "{date}"
            );
        }
        let now = Schedule::level(track, date);
        levels[t] = Some(now);
        let Some(to) = now.status else {
            // The rules stop speaking about it: nothing to announce, and
            // above all no "you may".
            continue;
        };
        if before.status == now.status {
            continue;
        }
        // From silence to "fine": nothing was asked of the client
        // yesterday, so there is nothing to act on (module docs).
        if before.status.is_none() && to == Allowance::Ok {
            continue;
        }
        // The window that made the difference: the new one when tightening,
        // the one that ended when easing.
        let cause = if now.status > before.status {
            now.window
        } else {
            // Only a restriction after a session lifts into permission; a
            // preparation rule ending says nothing about the days after.
            if before
                .window
                .is_some_and(|w| matches!(w.anchor, Anchor::Before(_)))
            {
                continue;
            }
            before.window
        };
        note_prep(
            cause.and_then(|w| prep_for(plan, w.anchor, date)),
            &mut after_session_news,
        );
        until.push(if to == Allowance::Avoid {
            until_of(plan, track, date, now.window.map(|w| w.anchor))
        } else {
            Until::Unknown
        });
        scratch.changed.push((
            track.activity,
            before.status,
            to,
            now.window.map(|w| w.rule),
        ));
        if changes.is_empty() {
            changes.reserve_exact(tracks.len());
        }
        changes.push(Change {
            activity: track.activity,
            from: before.status,
            to,
            note: now.window.map(|w| shared.notes[w.rule].clone()),
        });
    }

    // Care is compared as a whole set, not window by window: an item tied
    // to an activity starts when that activity stops being avoided, which
    // may be inside its window.
    let sessions = plan.sessions();
    let session_index = sessions.iter().position(|s| *s == date);
    let tomorrow = add_days(date, 1);
    // The day before a session says the session's morning steps, unless
    // it is itself a session day (two sessions on consecutive days): then
    // the steps stay on the session's own day.
    let tomorrow_index = sessions
        .iter()
        .position(|s| *s == tomorrow)
        .filter(|_| session_index.is_none());
    let said_before = |i: usize| i == 0 || sessions[i - 1] != sub_days(sessions[i], 1);
    // A care window that only asks for something on its session's own day:
    // the session's morning.
    let morning_of = |w: &crate::schedule::CareWindow, i: usize| {
        matches!(w.anchor, Anchor::Before(k) if k == i)
            && w.span.start == sessions[i]
            && w.span.end == Some(sessions[i])
    };

    let care_yesterday = care.get(plan, yesterday);
    let care_tomorrow = care.get(plan, tomorrow);
    let mut care_started: Vec<Arc<str>> = Vec::new();
    let started_items = &mut scratch.started_items;
    started_items.clear();
    for c in care.get(plan, date).iter() {
        if care_yesterday.contains(c) {
            continue;
        }
        let window = plan
            .care_windows
            .iter()
            .find(|w| w.care == c && w.span.contains(date));
        if let (Some(w), Some(i)) = (window, session_index)
            && said_before(i)
            && morning_of(w, i)
        {
            continue;
        }
        let anchor = window.map(|w| w.anchor);
        note_prep(
            anchor.and_then(|a| prep_for(plan, a, date)),
            &mut after_session_news,
        );
        care_started.push(shared.care_ids[c].clone());
        started_items.push((c, !care_tomorrow.contains(c)));
    }

    let mut before_session: Vec<Arc<str>> = Vec::new();
    let morning_items = &mut scratch.morning_items;
    morning_items.clear();
    if let Some(i) = tomorrow_index {
        note_prep(Some(i), &mut after_session_news);
        for c in care_tomorrow.iter() {
            let is_morning = plan
                .care_windows
                .iter()
                .any(|w| w.care == c && w.span.contains(tomorrow) && morning_of(w, i));
            if is_morning {
                before_session.push(shared.care_ids[c].clone());
                morning_items.push(c);
            }
        }
    }
    let healed = plan.healed_on() == Some(date);
    let over = plan.healed_on().is_none() && plan.restrictions_over_on() == Some(date);
    let touch_up = plan.touch_up_on() == Some(date);
    if changes.is_empty()
        && care_started.is_empty()
        && session_index.is_none()
        && tomorrow_index.is_none()
        && !healed
        && !over
        && !touch_up
    {
        return None;
    }

    let index = plan.session_index_on(date);
    let day = index.and_then(|i| day_number(plan.sessions()[i], date));
    let session = index.map(|i| i as u32 + 1);
    let kind = if session_index.is_some() {
        MilestoneKind::Session
    } else if healed {
        MilestoneKind::Healed
    } else if over {
        MilestoneKind::RestrictionsOver
    } else if touch_up && changes.is_empty() && care_started.is_empty() {
        MilestoneKind::TouchUp
    } else if prep_session.is_some() && !after_session_news {
        MilestoneKind::Prep
    } else {
        MilestoneKind::Change
    };
    let prepares = prep_session.map(|i| Prepares {
        session: i as u32 + 1,
        days_before: plan.sessions()[i]
            .signed_duration_since(date)
            .num_days()
            .max(0) as u32,
    });

    // By index, not by looking the ids up again.
    let started = &mut scratch.started;
    started.clear();
    started.extend(started_items.iter().map(|&(c, today_only)| Started {
        label: &items[c].label,
        note: items[c].note.as_deref(),
        today_only,
    }));
    let morning = &mut scratch.morning;
    morning.clear();
    morning.extend(morning_items.iter().map(|&c| Started {
        label: &items[c].label,
        note: items[c].note.as_deref(),
        today_only: false,
    }));
    let session_tomorrow = tomorrow_index.map(|i| i as u32 + 1);
    let facts = Facts {
        kind,
        day,
        session,
        session_on_day: session_index.map(|i| i as u32 + 1),
        session_tomorrow,
        planned: plan.planned(),
        changes: &changes,
        until,
        started,
        before_session: morning,
        healed,
        restrictions_over: over,
        touch_up_years: touch_up.then(|| plan.protocol().touch_up_after_years().unwrap_or(0)),
        prepares,
        lang: plan.protocol().text_lang(),
    };
    let (headline, points, body, points_at) =
        memo.say(&facts, &scratch.changed, started_items, morning_items);
    if points.is_empty() {
        return None;
    }
    let milestone = Milestone {
        date,
        day,
        session,
        kind,
        headline,
        name: memo.name(&facts),
        body,
        points,
        changes,
        care_started,
        session_tomorrow,
        before_session,
        prepares,
    };
    Some((milestone, points_at))
}

/// How long a restriction that starts on `date` lasts, as the points say
/// it: by day number of the current session while it ends before the next
/// booked one, else relative to the sessions.
fn until_of(
    plan: &Schedule,
    track: &crate::schedule::Track,
    date: NaiveDate,
    anchor: Option<Anchor>,
) -> Until {
    let sessions = plan.sessions();
    if let Some(Anchor::Before(i)) = anchor
        && date <= sessions[i]
    {
        let end = Schedule::level(track, date)
            .window
            .and_then(|w| w.span.end)
            .unwrap_or(sessions[i]);
        return Until::Session {
            including: end >= sessions[i],
            tomorrow: add_days(date, 1) == sessions[i] && end == sessions[i],
        };
    }
    let Some(index) = plan.session_index_on(date) else {
        return Until::Unknown;
    };
    let next = sessions.get(index + 1).copied();
    let by_day = |d: NaiveDate, unsaid: bool| match (next, day_number(sessions[index], d)) {
        (Some(n), _) if d > n => Until::AfterNextSession,
        (_, Some(k)) if unsaid => Until::Unsaid(k),
        (_, Some(k)) => Until::Day(k),
        _ => Until::Unknown,
    };
    match Schedule::lifts(track, date, Allowance::Avoid) {
        Some(Lifts::On(d)) => by_day(d, false),
        Some(Lifts::Unsaid(d)) => by_day(d, true),
        Some(Lifts::WithNextSession) => {
            if plan.restarts_at_next_session(track.activity, Allowance::Avoid) {
                Until::AfterNextSession
            } else {
                Until::NextSession
            }
        }
        Some(Lifts::Never) | None => Until::Unknown,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_gathered_densely_and_by_sorting_agree() {
        let day = |n: u32| {
            edge(
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n.into()),
                0,
            ) & DAY
        };
        // Shuffled, with repeats, several tracks on a date, a date
        // without a track, and far apart dates.
        let edges: Vec<u64> = vec![
            day(40) | 3,
            day(2), // track 0
            day(40) | u64::from(NO_TRACK),
            day(2) | 5,
            day(900) | 1,
            day(2), // track 0
            day(0) | u64::from(NO_TRACK),
            day(40) | 1,
            day(0) | u64::from(NO_TRACK),
        ];
        let want = vec![
            day(0) | DATE_BIT,
            day(2) | 0b10_0001,
            day(40) | DATE_BIT | 0b1010,
            day(900) | 0b10,
        ];
        let mut sorted = edges.clone();
        by_date_sorted(&mut sorted);
        assert_eq!(sorted, want);
        let mut dense = edges.clone();
        let first = day_of(day(0));
        by_date_dense(&mut dense, first, 900);
        assert_eq!(dense, want);
        // Four edges over 900 days: sorted; the same.
        let mut either = edges;
        by_date(&mut either);
        assert_eq!(either, want);
    }

    use super::*;

    /// Every built-in protocol in every language, with sessions spaced
    /// many ways (consecutive days, the usual spacing, far apart), each
    /// day worded once per protocol and language, for all its plans:
    /// `Said::say` and `Said::name` word every copied text again and
    /// compare (see there).
    #[test]
    fn days_worded_once_per_plan_read_as_if_worded_each_time() {
        let first = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let (mut plans, mut hits) = (0, 0);
        for id in crate::builtin_ids() {
            let protocol = crate::Protocol::builtin(id).unwrap();
            for lang in Lang::ALL {
                let protocol = protocol.in_lang(lang);
                // One protocol's texts, kept from plan to plan as its
                // plans keep them.
                let mut said = Said::default();
                for gaps in [[1, 1], [10, 21], [3, 30]] {
                    for n in [1, 2, 4, 8] {
                        let mut sessions = vec![first];
                        for i in 1..n {
                            let gap = gaps[(i - 1) % 2];
                            sessions.push(add_days(sessions[i - 1], gap));
                        }
                        for planned in [n as u32, n as u32 + 1] {
                            let schedule =
                                Schedule::compile(protocol.clone(), sessions.clone(), planned);
                            let mut care = CareMemo::default();
                            let mut scratch = Scratch::default();
                            let mut tracks: Vec<usize> = (0..schedule.tracks.len()).collect();
                            let mut levels = vec![None; schedule.tracks.len()];
                            // Every date of the plan, not only its edges:
                            // a track without news is skipped as usual.
                            let last = add_days(*sessions.last().unwrap(), 60);
                            let mut date = sub_days(first, 10);
                            while date <= last {
                                tracks.clear();
                                tracks.extend(0..schedule.tracks.len());
                                // Looked up, not carried from an edge.
                                levels.fill(None);
                                let _ = milestone_on(
                                    &schedule,
                                    date,
                                    &tracks,
                                    &mut levels,
                                    &mut care,
                                    &mut said,
                                    &Shared::of(schedule.protocol()),
                                    &mut scratch,
                                );
                                date = add_days(date, 1);
                            }
                            plans += 1;
                        }
                    }
                }
                hits += said.hits;
            }
        }
        println!("{plans} plans, {hits} texts copied and worded again");
        assert!(hits > 500, "only {hits} texts copied");
    }

    #[test]
    fn headlines_name_the_news_and_names_read_in_a_list() {
        let s1 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let plan = crate::Plan::new(
            crate::Protocol::builtin("four-day-dry").unwrap(),
            vec![s1],
            None,
            chrono_tz::UTC,
        )
        .unwrap();
        let session = plan.milestones().iter().find(|m| m.date == s1).unwrap();
        assert_eq!(&*session.headline, "Session 1 today");
        assert_eq!(&*session.name, "Session 1 of 3");
        let day5 = plan.milestones().iter().find(|m| m.day == Some(5)).unwrap();
        assert_eq!(&*day5.name, "Day 5 after session 1");
        assert!(day5.headline.starts_with("Day 5: "), "{}", day5.headline);
    }
}
