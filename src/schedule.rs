//! A plan compiled into dates: every rule and care item of the protocol
//! turned into concrete date ranges for every session it applies to, and the
//! questions every answer is built from (where an activity stands on a
//! date, when a restriction lifts, which care items hold).
//!
//! This is where the rules of merging live:
//!
//! - windows restart at each session, and every session's windows count:
//!   where several cover a date, the most restrictive status wins;
//! - `between` windows end the day before the next booked session, and stay
//!   open while a further session is planned but not booked;
//! - `after_final` windows start only from the last planned session, once it
//!   is booked;
//! - where no window covers a date, the protocol says nothing about the
//!   activity that day: it is *unsaid*, never "ok" (a clinic's silence is not
//!   permission).
//!
//! [`Plan`](crate::Plan) wraps a schedule with the zone, the milestones and
//! the warnings; milestones and warnings are computed from the schedule
//! alone, so neither module depends on the plan.

use chrono::NaiveDate;

use crate::activity::{Activity, Allowance};
use crate::day::{add_days, nth_day, sub_days};
use crate::protocol::{Protocol, Window};

/// An inclusive range of dates; `end: None` means it has no end yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<NaiveDate>,
}

impl Span {
    pub(crate) fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }
}

/// Which session a concrete window hangs on, and from which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Counted forward from session `n` (0-based).
    After(usize),
    /// Counted back from booked session `n` (0-based): preparation.
    Before(usize),
}

/// One rule applied to one session: concrete dates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleWindow {
    pub(crate) span: Span,
    pub(crate) status: Allowance,
    /// Index into the protocol's rules, for the note.
    pub(crate) rule: usize,
    pub(crate) anchor: Anchor,
    /// Open only because the next session is planned but not booked (a
    /// `between` window); other open windows are lasting advice.
    pub(crate) until_next: bool,
    /// The latest end of this window and of every one before it in its
    /// track ([`set_reach`]).
    reach: NaiveDate,
}

/// One care item applied to one session.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CareWindow {
    pub(crate) span: Span,
    /// Index into the protocol's care items.
    pub(crate) care: usize,
    pub(crate) anchor: Anchor,
    /// The latest end of this window and of every care window before it
    /// ([`set_reach`]).
    reach: NaiveDate,
}

/// A set of care items by their index in the protocol; a protocol has at
/// most [`MAX_CARE_ITEMS`](crate::protocol::MAX_CARE_ITEMS), so a bit set
/// does, and comparing days costs no allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CareSet(u64);

impl CareSet {
    pub(crate) fn insert(&mut self, care: usize) {
        self.0 |= 1 << care;
    }

    pub(crate) fn contains(self, care: usize) -> bool {
        care < 64 && self.0 & (1 << care) != 0
    }

    /// The items in file order.
    pub(crate) fn iter(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let i = bits.trailing_zeros() as usize;
            // Clears the lowest set bit.
            bits &= bits - 1;
            Some(i)
        })
    }
}

/// All windows of one activity, sorted by start date.
#[derive(Debug, Clone)]
pub(crate) struct Track {
    pub(crate) activity: Activity,
    pub(crate) windows: Vec<RuleWindow>,
}

/// Sets each window's reach, the latest end of it and every window before
/// it (`NaiveDate::MAX` from an open-ended one on): a date's windows are
/// looked for from the first that may still hold it, not from the first
/// of the plan ([`first_reaching`]). Kept in the windows rather than in a
/// list of their own: one allocation fewer per track.
fn set_reach<W>(
    windows: &mut [W],
    span: impl Fn(&W) -> Span,
    reach: impl Fn(&mut W) -> &mut NaiveDate,
) {
    let mut latest = NaiveDate::MIN;
    for w in windows {
        latest = latest.max(span(w).end.unwrap_or(NaiveDate::MAX));
        *reach(w) = latest;
    }
}

/// The first of `windows` that may hold `date`: every one before it ends
/// before `date` (`reach` as [`set_reach`] set it).
fn first_reaching<W>(windows: &[W], reach: impl Fn(&W) -> NaiveDate, date: NaiveDate) -> usize {
    windows.partition_point(|w| reach(w) < date)
}

/// Where an activity stands on a date: the winning status and the window
/// that set it. `None` when no rule covers the date: the protocol says
/// nothing about it then (`None` orders below every status, so "most
/// restrictive wins" is still a maximum).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Level<'a> {
    pub(crate) status: Option<Allowance>,
    pub(crate) window: Option<&'a RuleWindow>,
}

impl Level<'_> {
    /// No rule covers the date.
    pub(crate) const NONE: Level<'static> = Level {
        status: None,
        window: None,
    };
}

/// When a restriction lifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lifts {
    /// On this date, to a status a rule gives.
    On(NaiveDate),
    /// On this date the rules stop speaking about the activity: the clinic
    /// says nothing after it, so the client should ask.
    Unsaid(NaiveDate),
    /// Not until the next session is booked (an open `between` window).
    WithNextSession,
    /// Never: lasting advice after the final session.
    Never,
}

/// The compiled plan (see the module documentation).
#[derive(Debug, Clone)]
pub(crate) struct Schedule {
    protocol: Protocol,
    sessions: Vec<NaiveDate>,
    planned: u32,
    pub(crate) tracks: Vec<Track>,
    /// The index in `tracks` of each activity's track, by
    /// `Activity as usize`: care is checked against its activity's track
    /// on every day the milestones compare.
    track_of: [Option<usize>; Activity::ALL.len()],
    pub(crate) care_windows: Vec<CareWindow>,
    healed_on: Option<NaiveDate>,
    restrictions_over_on: Option<NaiveDate>,
    touch_up_on: Option<NaiveDate>,
}

impl Schedule {
    /// Compiles `protocol` for sorted, distinct, checked `sessions`, of
    /// `planned` in all (both checked by [`Plan::new`](crate::Plan::new)).
    pub(crate) fn compile(protocol: Protocol, sessions: Vec<NaiveDate>, planned: u32) -> Schedule {
        let mut schedule = Schedule {
            protocol,
            sessions,
            planned,
            tracks: Vec::new(),
            track_of: [None; Activity::ALL.len()],
            care_windows: Vec::new(),
            healed_on: None,
            restrictions_over_on: None,
            touch_up_on: None,
        };
        schedule.compile_windows();
        schedule.restrictions_over_on = schedule.compute_restrictions_over_on();
        schedule.healed_on = schedule.compute_healed_on();
        schedule.touch_up_on = schedule.compute_touch_up_on();
        schedule
    }

    pub(crate) fn protocol(&self) -> &Protocol {
        &self.protocol
    }

    pub(crate) fn sessions(&self) -> &[NaiveDate] {
        &self.sessions
    }

    pub(crate) fn planned(&self) -> u32 {
        self.planned
    }

    /// See [`Plan::final_session`](crate::Plan::final_session).
    pub(crate) fn final_session(&self) -> Option<NaiveDate> {
        (self.sessions.len() == self.planned as usize)
            .then(|| self.sessions[self.sessions.len() - 1])
    }

    /// See [`Plan::healed_on`](crate::Plan::healed_on).
    pub(crate) fn healed_on(&self) -> Option<NaiveDate> {
        self.healed_on
    }

    /// See [`Plan::restrictions_over_on`](crate::Plan::restrictions_over_on).
    pub(crate) fn restrictions_over_on(&self) -> Option<NaiveDate> {
        self.restrictions_over_on
    }

    /// See [`Plan::touch_up_on`](crate::Plan::touch_up_on).
    pub(crate) fn touch_up_on(&self) -> Option<NaiveDate> {
        self.touch_up_on
    }

    /// 0-based index of the latest session on or before `date`.
    pub(crate) fn session_index_on(&self, date: NaiveDate) -> Option<usize> {
        self.sessions.partition_point(|s| *s <= date).checked_sub(1)
    }

    /// The care items asked for on `date`.
    ///
    /// An item tied to an activity is held back on days that activity is
    /// avoided; for a preparation item only the earlier sessions' rules (and
    /// other preparation rules) count, since it is done before the session
    /// starts its own rules. Where several items for one activity hold, only
    /// the most specific is asked for (see [`Schedule::for_each_care_asked`]).
    pub(crate) fn care_on(&self, date: NaiveDate) -> CareSet {
        let mut on = CareSet::default();
        self.for_each_care_asked(date, |w| on.insert(w.care));
        on
    }

    /// Calls `each` with every care window asked for on `date`: untied ones,
    /// and for each activity the most specific of the windows whose
    /// activity is not avoided (see `more_specific`). No allocation: this
    /// runs for every day the milestones compare.
    pub(crate) fn for_each_care_asked(&self, date: NaiveDate, mut each: impl FnMut(&CareWindow)) {
        let items = self.protocol.care();
        let mut best: [Option<&CareWindow>; Activity::ALL.len()] = [None; Activity::ALL.len()];
        // The activities with a best window, one bit each: most days ask
        // for one or two, so only those are read back (in activity order,
        // as the array gives them).
        const { assert!(Activity::ALL.len() <= u32::BITS as usize) };
        let mut filled: u32 = 0;
        // Sorted by start: none after the first that starts later.
        let first = first_reaching(&self.care_windows, |w| w.reach, date);
        let started = self.care_windows[first..]
            .iter()
            .take_while(|w| w.span.start <= date);
        for w in started.filter(|w| w.span.contains(date)) {
            let Some(activity) = items[w.care].activity else {
                each(w);
                continue;
            };
            // A window that would not replace the activity's best so far
            // changes nothing, avoided or not: its level is looked up only
            // when it would win.
            let slot = &mut best[activity as usize];
            if slot.is_some_and(|b| !more_specific(w, b)) {
                continue;
            }
            if self.care_level(w, activity, date).status == Some(Allowance::Avoid) {
                continue;
            }
            *slot = Some(w);
            filled |= 1 << (activity as u32);
        }
        while filled != 0 {
            let activity = filled.trailing_zeros() as usize;
            // Clears the lowest set bit.
            filled &= filled - 1;
            if let Some(w) = best[activity] {
                each(w);
            }
        }
    }

    /// Whether the next session, once booked, restarts a restriction of
    /// `activity` at least as strict as `level` on its own first day: then
    /// a restriction held "until your next session" really lasts past it.
    pub(crate) fn restarts_at_next_session(&self, activity: Activity, level: Allowance) -> bool {
        let next_is_final = self.sessions.len() + 1 == self.planned as usize;
        self.protocol.rules().iter().any(|r| {
            r.activity == activity
                && r.status >= level
                && match r.window {
                    Window::AfterEach { from_day, .. } => from_day == 1,
                    Window::Between { from_day, .. } => !next_is_final && from_day == 1,
                    Window::AfterFinal { from_day, .. } => next_is_final && from_day == 1,
                    _ => false,
                }
        })
    }

    /// The condition a care window is asked for under on `date`: the note
    /// of the rule that limits its activity then (a step shown while its
    /// activity is only allowed with care), if any.
    pub(crate) fn care_condition(&self, w: &CareWindow, date: NaiveDate) -> Option<String> {
        let activity = self.protocol.care()[w.care].activity?;
        let level = self.care_level(w, activity, date);
        if level.status != Some(Allowance::Limited) {
            return None;
        }
        level
            .window
            .map(|rw| self.protocol.rules()[rw.rule].note.clone())
    }

    /// The level of `activity` that decides whether care window `w` may be
    /// asked for on `date`: for preparation, the rules of earlier sessions
    /// and of preparation only.
    pub(crate) fn care_level(
        &self,
        w: &CareWindow,
        activity: Activity,
        date: NaiveDate,
    ) -> Level<'_> {
        let Some(track) = self.track_of[activity as usize].map(|t| &self.tracks[t]) else {
            return Level::NONE;
        };
        match w.anchor {
            Anchor::Before(i) => Schedule::level_where(
                track,
                date,
                |rw| !matches!(rw.anchor, Anchor::After(k) if k >= i),
            ),
            Anchor::After(_) => Schedule::level(track, date),
        }
    }

    /// The most restrictive status of a track on `date`. Ties go to the
    /// window that lasts longest, whose note says most about what is ahead.
    pub(crate) fn level<'a>(track: &'a Track, date: NaiveDate) -> Level<'a> {
        Schedule::level_where(track, date, |_| true)
    }

    /// [`Schedule::level`] counting only the windows `keep` accepts.
    pub(crate) fn level_where<'a>(
        track: &'a Track,
        date: NaiveDate,
        keep: impl Fn(&RuleWindow) -> bool,
    ) -> Level<'a> {
        let mut best: Option<&RuleWindow> = None;
        for w in &track.windows[first_reaching(&track.windows, |w| w.reach, date)..] {
            if w.span.start > date {
                break;
            }
            if !w.span.contains(date) || !keep(w) {
                continue;
            }
            let better = best.is_none_or(|b| {
                w.status > b.status || (w.status == b.status && later_end(w.span.end, b.span.end))
            });
            if better {
                best = Some(w);
            }
        }
        Level {
            status: best.map(|w| w.status),
            window: best,
        }
    }

    /// When the track stops being at least `level` strict, counting from
    /// `date`: the end of the run of overlapping or touching windows that
    /// holds `date`. `None` when `date` is not held at that level at all.
    pub(crate) fn lifts(track: &Track, date: NaiveDate, level: Allowance) -> Option<Lifts> {
        let strict = track.windows.iter().filter(|w| w.status >= level);
        let mut reach: Option<Option<NaiveDate>> = None; // Some(None) = open-ended
        // Whether an open window in the run is lasting advice rather than
        // waiting for the next session.
        let mut lasting = false;
        let mut extend = |reach: Option<Option<NaiveDate>>, w: &RuleWindow| -> Option<NaiveDate> {
            if w.span.end.is_none() && !w.until_next {
                lasting = true;
            }
            match (reach, w.span.end) {
                (Some(None), _) | (_, None) => None,
                (Some(Some(a)), Some(b)) => Some(a.max(b)),
                (None, Some(b)) => Some(b),
            }
        };
        for w in strict.clone() {
            if w.span.start > date {
                break;
            }
            if w.span.contains(date) {
                reach = Some(extend(reach, w));
            }
        }
        let mut reach = reach?;
        // Windows that start after `date` but touch the run extend it.
        for w in strict.filter(|w| w.span.start > date) {
            let Some(end) = reach else { break };
            if w.span.start > add_days(end, 1) {
                break;
            }
            reach = extend(Some(reach), w);
        }
        Some(match reach {
            Some(end) => {
                let next = add_days(end, 1);
                if Schedule::level(track, next).status.is_some() {
                    Lifts::On(next)
                } else {
                    Lifts::Unsaid(next)
                }
            }
            None if lasting => Lifts::Never,
            None => Lifts::WithNextSession,
        })
    }

    fn compile_windows(&mut self) {
        let booked = self.sessions.len();
        let final_index = (booked == self.planned as usize).then(|| booked - 1);
        let span_for = |window: &Window, i: usize| -> Option<(Span, Anchor)> {
            let s = self.sessions[i];
            let after = |from: u32, to: Option<u32>| Span {
                start: nth_day(s, from),
                end: to.map(|t| nth_day(s, t)),
            };
            match *window {
                Window::AfterEach { from_day, to_day } => {
                    Some((after(from_day, to_day), Anchor::After(i)))
                }
                Window::AfterFinal { from_day, to_day } => {
                    (final_index == Some(i)).then(|| (after(from_day, to_day), Anchor::After(i)))
                }
                Window::Between { from_day, to_day } => {
                    if final_index == Some(i) || i + 1 >= self.planned as usize {
                        return None;
                    }
                    let mut span = after(from_day, to_day);
                    if let Some(next) = self.sessions.get(i + 1) {
                        let last = sub_days(*next, 1);
                        span.end = Some(span.end.map_or(last, |e| e.min(last)));
                    }
                    (span.end.is_none_or(|e| e >= span.start)).then_some((span, Anchor::After(i)))
                }
                Window::BeforeEach {
                    days_before,
                    session_day,
                } => {
                    let end = if session_day { s } else { sub_days(s, 1) };
                    Some((
                        Span {
                            start: sub_days(s, days_before),
                            end: Some(end),
                        },
                        Anchor::Before(i),
                    ))
                }
            }
        };

        // Each rule gives at most one window per session: room for them
        // all at once, rather than growing each list window by window.
        let rules = self.protocol.rules();
        let mut tracks: Vec<Track> = self
            .protocol
            .activities_named()
            .iter()
            .map(|&activity| Track {
                activity,
                windows: Vec::with_capacity(
                    booked * rules.iter().filter(|r| r.activity == activity).count(),
                ),
            })
            .collect();
        for (rule_index, rule) in self.protocol.rules().iter().enumerate() {
            let Some(track) = tracks.iter_mut().find(|t| t.activity == rule.activity) else {
                continue;
            };
            for i in 0..booked {
                if let Some((span, anchor)) = span_for(&rule.window, i) {
                    track.windows.push(RuleWindow {
                        span,
                        status: rule.status,
                        rule: rule_index,
                        anchor,
                        until_next: span.end.is_none()
                            && matches!(rule.window, Window::Between { .. }),
                        reach: NaiveDate::MIN,
                    });
                }
            }
        }
        for (t, track) in tracks.iter_mut().enumerate() {
            track.windows.sort_by_key(|w| w.span.start);
            set_reach(&mut track.windows, |w| w.span, |w| &mut w.reach);
            self.track_of[track.activity as usize] = Some(t);
        }
        let mut care_windows = Vec::with_capacity(booked * self.protocol.care().len());
        for (care_index, item) in self.protocol.care().iter().enumerate() {
            for i in 0..booked {
                if let Some((span, anchor)) = span_for(&item.window, i) {
                    care_windows.push(CareWindow {
                        span,
                        care: care_index,
                        anchor,
                        reach: NaiveDate::MIN,
                    });
                }
            }
        }
        care_windows.sort_by_key(|w| w.span.start);
        set_reach(&mut care_windows, |w| w.span, |w| &mut w.reach);
        self.tracks = tracks;
        self.care_windows = care_windows;
    }

    fn compute_restrictions_over_on(&self) -> Option<NaiveDate> {
        self.final_session()?;
        self.tracks
            .iter()
            .flat_map(|t| &t.windows)
            .filter(|w| matches!(w.anchor, Anchor::After(_)) && w.status > Allowance::Ok)
            .filter_map(|w| w.span.end.map(|e| add_days(e, 1)))
            .max()
    }

    fn compute_healed_on(&self) -> Option<NaiveDate> {
        let final_date = self.final_session()?;
        // The protocol's own healed day; an earlier session's restriction
        // that outlasts the final session's (a plan with sessions close
        // together) moves it later, never earlier.
        let day = nth_day(final_date, self.protocol.healed_day()?);
        Some(self.restrictions_over_on.map_or(day, |r| day.max(r)))
    }

    fn compute_touch_up_on(&self) -> Option<NaiveDate> {
        let final_date = self.final_session()?;
        let years = self.protocol.touch_up_after_years()?;
        // Calendar years: 29 February falls back to the 28th.
        final_date.checked_add_months(chrono::Months::new(years * 12))
    }
}

/// Whether care window `a` is more specific than `b`, for one activity on
/// one day: the aftercare of the session just had first (003's "continue
/// applying moisturiser until your next session" is what a client between
/// sessions is told; its week-before step is the general one, written for
/// the first session), then the shorter window, then the one that started
/// later, then the later one in the file.
fn more_specific(a: &CareWindow, b: &CareWindow) -> bool {
    let key = |w: &CareWindow| {
        let length = w.span.end.map_or(i64::MAX, |e| {
            e.signed_duration_since(w.span.start).num_days()
        });
        (
            matches!(w.anchor, Anchor::After(_)),
            std::cmp::Reverse(length),
            w.span.start,
            w.care,
        )
    };
    key(a) > key(b)
}

/// Whether `a` ends strictly later than `b` (open-ended is latest).
fn later_end(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (None, Some(_)) => true,
        (Some(x), Some(y)) => x > y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_looked_for_from_the_first_window_that_reaches_it() {
        let d = |day: u32| nth_day(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), day);
        let span = |start, end: Option<u32>| Span {
            start: d(start),
            end: end.map(d),
        };
        // Sorted by start; the second ends before the first.
        let mut windows = [
            (span(1, Some(10)), NaiveDate::MIN),
            (span(2, Some(4)), NaiveDate::MIN),
            (span(12, Some(14)), NaiveDate::MIN),
            (span(13, None), NaiveDate::MIN),
            (span(20, Some(21)), NaiveDate::MIN),
        ];
        set_reach(&mut windows, |w| w.0, |w| &mut w.1);
        let reach: Vec<NaiveDate> = windows.iter().map(|w| w.1).collect();
        assert_eq!(reach, [d(10), d(10), d(14), NaiveDate::MAX, NaiveDate::MAX]);
        let first = |day| first_reaching(&windows, |w| w.1, d(day));
        assert_eq!(first(1), 0);
        // The first still holds day 10; the second ended on day 4, but a
        // window is skipped only when every one before it has ended too.
        assert_eq!(first(10), 0);
        assert_eq!(first(11), 2);
        assert_eq!(first(15), 3);
        assert_eq!(first(400), 3);
    }
}
