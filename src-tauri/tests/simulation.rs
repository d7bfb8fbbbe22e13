//! A simulated year of reminders, many times over (issue 15, item 3).
//!
//! Each case is one year of a client's life, from a fixed seed: the REAL
//! scheduler pass (`reminders::run_pass`, with the plan source the app's
//! `setup.rs` gives the loop: `Current::load` on the store) and the REAL
//! store (`Store::open` on a SQLite file in a temporary folder), driven
//! through the REAL commands (`session_add`, `session_edit`,
//! `session_delete`, `settings_set` on Tauri's mock runtime, sharing the
//! scheduler's store exactly as the app's state does) with an injected
//! clock. Along the year: sessions added, moved and deleted; settings
//! changed (reminder time, quiet hours on and off, the zone mode: the
//! device's or a fixed one); the device moving between seven zones
//! (daylight saving in London, New York, Sydney, São Paulo's past rules,
//! none in Kolkata, Chatham's 45-minute offset, Lord Howe's 30-minute
//! change); restarts (the store dropped and reopened, a new loop), suspends
//! of up to seven days and wall-clock jumps both ways.
//!
//! Time is modelled as the loop lives it: `mono` is the monotonic time its
//! sleeps count (it stops while suspended), `wall` is what the clock says
//! (`mono` plus an offset that clock jumps change). After each pass the
//! loop sleeps `next_wake - now`, clamped to 200 ms..60 s, in monotonic
//! time; an edit or a settings change wakes it at once.
//!
//! What is checked after every pass and every edit (the oracle is the
//! simulation's own model of the sessions and settings, planned by the
//! engine, and its own reading of quiet hours):
//!
//! - no reminder id is shown twice, across restarts;
//! - nothing is shown or recorded for a reminder that is not in the
//!   client's plan at that moment (a deleted or moved session's), or
//!   before it is due;
//! - nothing is shown while the model's quiet hours hold;
//! - every reminder of the plan that is due is in the delivery log or held
//!   by quiet hours right now: none is silently skipped, and an edit never
//!   settles as `before_plan` a reminder that fell due in the plan the
//!   client already had;
//! - one that fell due while the app was steadily awake (no restart,
//!   resume, clock jump, zone or settings change since) is shown on its own
//!   within a minute, or, held by quiet hours, within a minute of their
//!   end; a late one (after a gap) is shown within `GRACE`, folded into the
//!   catch-up summary, or recorded as missed, and every folded or missed
//!   one is listed by `reminders::missed`;
//! - every wake is more than 0 and at most 60 s away.
//!
//! Skipping idle minutes: a year of minute passes is 525,600 passes per
//! case. Between two passes the loop's only passes are "idle ticks" a
//! minute apart, and a tick is skipped here only when it is provably a
//! no-op: no reminder of the plan falls due up to the tick after it, and,
//! while quiet hours hold a reminder, they still hold at the tick after it.
//! Such a pass finds nothing to show, fold or record (held reminders are
//! not recorded), so it writes nothing: `idle_passes_write_nothing` proves
//! it on the store's bytes, and `skipping_idle_ticks_changes_nothing`
//! replays whole cases minute by minute and gets the same delivery log and
//! the same notifications. The last tick before something happens is run,
//! so the product's own `next_wake` carries the loop to the exact instant.
//!
//! Environment: `SMP_SIM_YEARS` (cases, one year each; 3 by default),
//! `SMP_SIM_SEED` (the first seed; 1), `SMP_SIM_THREADS` (1). A failure
//! prints its seed, instant and the steps that led to it, and the command
//! that replays it. The long run is `scripts/simulate-years.sh`.

mod support;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use aftercare::{Lang, Plan, Protocol, Reminder};
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde_json::{Value, json};
use smp_aftercare_lib::current::Current;
use smp_aftercare_lib::model::{DeliveryHow, QuietHours, Settings, ZoneMode, hhmm};
use smp_aftercare_lib::reminders::{
    AlwaysPermitted, Clock, GRACE, MAX_SLEEP, MISSED_WINDOW, Notice, Notifier, NotifyError,
    PassReport, missed, run_pass,
};
use smp_aftercare_lib::state::AppState;
use smp_aftercare_lib::store::Store;
use support::TempDir;
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The zones the device moves between (and the fixed zones a client picks).
const ZONES: [Tz; 7] = [
    chrono_tz::Europe::London,
    chrono_tz::America::New_York,
    chrono_tz::Australia::Sydney,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Australia::Lord_Howe,
];

/// Reminder times, with those that fall in or next to a daylight-saving
/// gap or overlap of some zone above (01:30 London and New York, 02:15 Lord
/// Howe, 02:45 Chatham, 00:00 São Paulo before 2019), and those inside the
/// quiet spans below.
const REMINDER_TIMES: [&str; 10] = [
    "09:00", "06:30", "21:30", "01:30", "02:15", "02:45", "00:00", "07:59", "13:05", "23:59",
];

/// Quiet spans: overnight ones, daytime ones and ones over the changes.
const QUIET_SPANS: [(&str, &str); 8] = [
    ("22:00", "07:00"),
    ("23:30", "02:30"),
    ("01:00", "03:00"),
    ("02:00", "02:30"),
    ("02:45", "03:45"),
    ("12:00", "14:00"),
    ("21:00", "06:45"),
    ("00:00", "09:30"),
];

/// The loop's shortest sleep (`scheduler.rs`'s `MIN_SLEEP`).
const MIN_SLEEP: TimeDelta = TimeDelta::milliseconds(200);

// ------------------------------------------------------------------ random

/// SplitMix64: tiny, and the same numbers on every machine and version.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn percent(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// Uniform in `lo..=hi` seconds.
    fn secs(&mut self, lo: i64, hi: i64) -> TimeDelta {
        TimeDelta::seconds(lo + self.below((hi - lo + 1) as u64) as i64)
    }
}

// ------------------------------------------------------------- the device

/// The injected clock: the wall clock and the device's zone, both moved by
/// the simulation.
#[derive(Clone)]
struct SimClock(Arc<Mutex<(DateTime<Utc>, Tz)>>);

impl Clock for SimClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.lock().unwrap().0
    }
    fn device_zone(&self) -> Tz {
        self.0.lock().unwrap().1
    }
}

/// The notification server: records what it is asked to show.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Notice>>>);

impl Notifier for Recorder {
    fn show(&self, notice: &Notice) -> Result<(), NotifyError> {
        self.0.lock().unwrap().push(notice.clone());
        Ok(())
    }
}

/// The running app: the store shared by the commands (on Tauri's mock
/// runtime) and the scheduler, as `setup.rs` shares it.
struct Running {
    store: Arc<Mutex<Store>>,
    window: WebviewWindow<MockRuntime>,
    changes: Arc<AtomicUsize>,
    _app: App<MockRuntime>,
}

impl Running {
    fn start(dir: &Path, clock: &SimClock) -> Running {
        let opened = Store::open(dir).expect("the store opens");
        assert!(opened.recovered.is_none(), "the store had to be recovered");
        let store = Arc::new(Mutex::new(opened.store));
        let changes = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&changes);
        let state = AppState {
            store: Arc::clone(&store),
            clock: Arc::new(clock.clone()),
            recovered: None,
            data_dir: dir.to_path_buf(),
            notifier_failure: Arc::new(Mutex::new(None)),
            on_change: Box::new(move || {
                counted.fetch_add(1, Ordering::SeqCst);
            }),
            set_autostart: Box::new(|_| Ok(())),
            pick_save_path: Box::new(|_| None),
            pick_plan_file: Box::new(|| None),
            permission: Arc::new(AlwaysPermitted),
            log_path: None,
            open_path: Box::new(|_| Ok(())),
        };
        let app = mock_builder()
            .invoke_handler(smp_aftercare_lib::bindings::builder::<MockRuntime>().invoke_handler())
            .manage(state)
            .build(mock_context(noop_assets()))
            .expect("the mock app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("the mock window builds");
        Running {
            store,
            window,
            changes,
            _app: app,
        }
    }

    /// A command, called as the page calls it.
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
            InvokeRequest {
                cmd: cmd.into(),
                callback: tauri::ipc::CallbackFn(0),
                error: tauri::ipc::CallbackFn(1),
                url: "tauri://localhost".parse().expect("a url"),
                body: tauri::ipc::InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().expect("JSON"))
    }

    /// One pass of the loop, with the plan source `setup.rs` gives it.
    fn pass(&self, clock: &SimClock, notifier: &Recorder) -> PassReport {
        let now = clock.now();
        let shared = Arc::clone(&self.store);
        let clock = clock.clone();
        let source = move || -> Result<Option<(Plan, Settings)>, String> {
            let store = shared
                .lock()
                .map_err(|_| "the store lock is poisoned".to_string())?;
            let c = Current::load(&store, &clock).map_err(|e| e.to_string())?;
            Ok(c.plan.map(|p| (p, c.settings)))
        };
        run_pass(&self.store, notifier, now, &source)
    }

    fn log(&self) -> BTreeMap<String, (DeliveryHow, DateTime<Utc>)> {
        let log = self
            .store
            .lock()
            .unwrap()
            .delivery_log()
            .expect("the log reads");
        log.into_iter()
            .map(|e| (e.id, (e.how, e.delivered_at)))
            .collect()
    }
}

// -------------------------------------------------------------- the oracle

/// What the client has entered, as the simulation knows it: the oracle the
/// store and the scheduler are checked against.
struct Model {
    sessions: BTreeMap<i64, NaiveDate>,
    settings: Settings,
    device: Tz,
    /// The plan's reminders (the engine's, built from the model).
    reminders: Vec<Reminder>,
    by_id: BTreeMap<String, usize>,
}

impl Model {
    fn zone(&self) -> Tz {
        self.settings.zone.zone(self.device)
    }

    fn refresh(&mut self) {
        self.reminders = if self.sessions.is_empty() {
            Vec::new()
        } else {
            let protocol = Protocol::builtin(aftercare::DEFAULT_PROTOCOL).expect("built in");
            let dates = self.sessions.values().copied().collect();
            Plan::new_in(protocol, dates, None, self.zone(), Lang::En)
                .expect("the model's sessions make a plan")
                .reminders(self.settings.reminder_time)
        };
        self.by_id = self
            .reminders
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
    }

    fn get(&self, id: &str) -> Option<&Reminder> {
        self.by_id.get(id).map(|&i| &self.reminders[i])
    }

    /// Quiet hours read here, not with the product's `QuietHours::holds`:
    /// the first minute quiet, the last one not, across midnight when the
    /// start is later than the end.
    fn quiet(&self, at: DateTime<Utc>) -> bool {
        let Some(q) = self.settings.quiet_hours else {
            return false;
        };
        let t = at.with_timezone(&self.zone()).time();
        if q.start == q.end {
            false
        } else if q.start < q.end {
            q.start <= t && t < q.end
        } else {
            t >= q.start || t < q.end
        }
    }

    /// The first minute after `at` that is not quiet (within a minute).
    fn quiet_end(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let mut t = at;
        while self.quiet(t) && t - at < TimeDelta::days(1) {
            t += TimeDelta::minutes(1);
        }
        t
    }

    fn today(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.zone()).date_naive()
    }
}

fn settings_form(s: &Settings) -> Value {
    json!({
        "reminders_enabled": s.reminders_enabled,
        "reminder_time": hhmm(s.reminder_time),
        "quiet_hours": s.quiet_hours.map(|q| json!({"start": hhmm(q.start), "end": hhmm(q.end)})),
        "zone": match s.zone {
            ZoneMode::Device => json!({"mode": "device"}),
            ZoneMode::Fixed { zone } => json!({"mode": "fixed", "zone": zone.name()}),
        },
        "launch_at_login": false,
        "clinic": {"name": "", "phone": "", "email": "", "address": ""},
        "care_reminders": false,
        "language": "device",
    })
}

fn time(s: &str) -> NaiveTime {
    aftercare::parse_time(s).expect("a time")
}

// ------------------------------------------------------------------ counts

/// What the runs did and found; violations are counted by kind.
#[derive(Debug, Default, Clone)]
struct Counts {
    cases: u64,
    sim_hours: i64,
    passes: u64,
    ticks_skipped: u64,
    /// Reminders of the plan that fell due and were dealt with by the
    /// scheduler: on time + late in grace + caught up + missed.
    scheduled: u64,
    on_time: u64,
    late_in_grace: u64,
    caught_up: u64,
    missed_listed: u64,
    held_by_quiet: u64,
    before_plan: u64,
    edits: u64,
    edits_refused: u64,
    settings_changes: u64,
    moves: u64,
    restarts: u64,
    suspends: u64,
    jumps: u64,
    violations: BTreeMap<&'static str, u64>,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.cases += o.cases;
        self.sim_hours += o.sim_hours;
        self.passes += o.passes;
        self.ticks_skipped += o.ticks_skipped;
        self.scheduled += o.scheduled;
        self.on_time += o.on_time;
        self.late_in_grace += o.late_in_grace;
        self.caught_up += o.caught_up;
        self.missed_listed += o.missed_listed;
        self.held_by_quiet += o.held_by_quiet;
        self.before_plan += o.before_plan;
        self.edits += o.edits;
        self.edits_refused += o.edits_refused;
        self.settings_changes += o.settings_changes;
        self.moves += o.moves;
        self.restarts += o.restarts;
        self.suspends += o.suspends;
        self.jumps += o.jumps;
        for (k, v) in &o.violations {
            *self.violations.entry(*k).or_default() += v;
        }
    }

    fn violation(&self, kind: &str) -> u64 {
        self.violations.get(kind).copied().unwrap_or(0)
    }
}

/// The kinds of violation (each an invariant of the issue).
const DUPLICATE: &str = "shown twice";
const NOT_IN_PLAN: &str = "delivered for a session not in the plan (deleted or moved)";
const IN_QUIET: &str = "shown inside quiet hours";
const SILENT: &str = "due but neither delivered, held nor listed";
const SETTLED: &str = "settled as before_plan although it fell due in the plan";
const LATE_AWAKE: &str = "not shown within a minute although awake";
const NOT_LISTED: &str = "folded or missed but not listed by reminders::missed";
const EARLY: &str = "delivered before it was due";
const WAKE: &str = "wake not in (0, 60 s]";
const NOTICES: &str = "notifications do not match the log";
const STORE: &str = "store or plan error";
const MISMATCH: &str = "the store does not hold what the commands were told";

// -------------------------------------------------------------------- cases

/// Overrides for the cases the tests pin down.
#[derive(Debug, Clone, Copy, Default)]
struct Spec {
    /// How long it runs (a year by default).
    length: Option<TimeDelta>,
    /// Start here instead of a random instant.
    start: Option<DateTime<Utc>>,
    /// Use these settings' reminder time and quiet hours.
    times: Option<(&'static str, Option<(&'static str, &'static str)>)>,
    /// Run every minute tick of the loop (no skipping).
    every_tick: bool,
    /// Book the first session this many days after the first day.
    first_session: Option<i64>,
}

/// What one case leaves behind.
struct Outcome {
    counts: Counts,
    failure: Option<String>,
    log: BTreeMap<String, (DeliveryHow, DateTime<Utc>)>,
    shown: Vec<Notice>,
}

struct Case {
    seed: u64,
    spec: Spec,
    rng: Rng,
    dir: TempDir,
    clock: SimClock,
    notifier: Recorder,
    app: Option<Running>,
    model: Model,
    /// Monotonic time (what the loop's sleeps count).
    mono: DateTime<Utc>,
    /// wall - mono.
    offset: TimeDelta,
    /// When (mono) the loop's next pass is due; `None` while the app is down.
    next_pass: Option<DateTime<Utc>>,
    /// The last pass (mono), and whether the loop has been ticking a
    /// minute at a time since it.
    anchor: DateTime<Utc>,
    idle: bool,
    /// The app is down until then (mono).
    down_until: Option<DateTime<Utc>>,
    next_event: DateTime<Utc>,
    end: DateTime<Utc>,
    /// Since when (wall) the app has been running without a restart,
    /// resume, clock jump, zone or settings change.
    steady_since: DateTime<Utc>,
    /// Every id ever shown (on its own or in a summary).
    ever: BTreeSet<String>,
    history: VecDeque<String>,
    counts: Counts,
    failure: Option<String>,
    shown: Vec<Notice>,
}

impl Case {
    fn new(seed: u64, spec: Spec) -> Case {
        let mut rng = Rng::new(seed);
        let start = spec.start.unwrap_or_else(|| {
            // 2016-2035: São Paulo still changed its clocks until 2019.
            Utc.with_ymd_and_hms(2016, 1, 1, 0, 0, 0).unwrap()
                + TimeDelta::days(rng.below(19 * 365) as i64)
                + TimeDelta::minutes(rng.below(1440) as i64)
        });
        let device = ZONES[(seed % ZONES.len() as u64) as usize];
        let length = spec.length.unwrap_or(TimeDelta::days(365));
        let mut settings = Settings::default();
        match spec.times {
            Some((at, quiet)) => {
                settings.reminder_time = time(at);
                settings.quiet_hours = quiet.map(|(s, e)| QuietHours {
                    start: time(s),
                    end: time(e),
                });
            }
            None => {
                settings.reminder_time = time(rng.pick(&REMINDER_TIMES));
                if rng.percent(50) {
                    let (s, e) = rng.pick(&QUIET_SPANS);
                    settings.quiet_hours = Some(QuietHours {
                        start: time(s),
                        end: time(e),
                    });
                }
                if rng.percent(40) {
                    settings.zone = ZoneMode::Fixed {
                        zone: rng.pick(&ZONES),
                    };
                }
            }
        }
        let clock = SimClock(Arc::new(Mutex::new((start, device))));
        let mut model = Model {
            sessions: BTreeMap::new(),
            settings,
            device,
            reminders: Vec::new(),
            by_id: BTreeMap::new(),
        };
        model.refresh();
        Case {
            seed,
            spec,
            rng,
            dir: TempDir::new(&format!("sim-{seed}")),
            clock,
            notifier: Recorder::default(),
            app: None,
            model,
            mono: start,
            offset: TimeDelta::zero(),
            next_pass: None,
            anchor: start,
            idle: false,
            down_until: None,
            next_event: start,
            end: start + length,
            steady_since: start,
            ever: BTreeSet::new(),
            history: VecDeque::new(),
            counts: Counts {
                cases: 1,
                sim_hours: length.num_hours(),
                ..Counts::default()
            },
            failure: None,
            shown: Vec::new(),
        }
    }

    fn wall(&self) -> DateTime<Utc> {
        self.mono + self.offset
    }

    fn sync_clock(&self) {
        *self.clock.0.lock().unwrap() = (self.wall(), self.model.device);
    }

    fn note(&mut self, what: String) {
        if self.history.len() == 120 {
            self.history.pop_front();
        }
        self.history
            .push_back(format!("{} {what}", self.wall().to_rfc3339()));
    }

    /// Counts a violation; the first one of the case ends it, with what is
    /// needed to replay it.
    fn violate(&mut self, kind: &'static str, detail: String) {
        *self.counts.violations.entry(kind).or_default() += 1;
        if self.failure.is_none() {
            let mut text = format!(
                "seed {} broke \"{kind}\" at {} (device in {}, plan in {}): {detail}\n\
                 replay: SMP_SIM_SEED={} SMP_SIM_YEARS=1 cargo test -p smp-aftercare --test simulation simulated_years -- --nocapture\n\
                 settings: reminders at {}, quiet hours {:?}, zone {:?}\nsteps before it:\n",
                self.seed,
                self.wall().to_rfc3339(),
                self.model.device,
                self.model.zone(),
                self.seed,
                self.model.settings.reminder_time,
                self.model.settings.quiet_hours,
                self.model.settings.zone,
            );
            for line in &self.history {
                text.push_str("  ");
                text.push_str(line);
                text.push('\n');
            }
            self.failure = Some(text);
        }
    }

    fn app(&self) -> &Running {
        self.app.as_ref().expect("the app is running")
    }

    // ------------------------------------------------------------- running

    fn run(mut self) -> Outcome {
        self.start_app();
        self.first_run();
        while self.failure.is_none() {
            let pass = self.next_pass.unwrap_or(self.end);
            let event = self.down_until.unwrap_or(self.next_event);
            let at = pass.min(event);
            if at >= self.end {
                break;
            }
            self.mono = at;
            self.sync_clock();
            if self.down_until.is_some() && event <= pass {
                self.down_until = None;
                self.start_app();
                self.note("app started".into());
                self.pass();
                self.schedule_event();
            } else if event <= pass {
                self.event();
            } else {
                self.pass();
            }
        }
        if self.failure.is_none() {
            // The year is over: the client opens the app once more, and
            // everything due must be accounted for.
            self.mono = self.end.max(self.mono);
            self.sync_clock();
            if self.app.is_none() {
                self.start_app();
            }
            self.pass();
        }
        let log = self.app.as_ref().map(Running::log).unwrap_or_default();
        Outcome {
            counts: self.counts,
            failure: self.failure,
            log,
            shown: self.shown,
        }
    }

    fn start_app(&mut self) {
        self.sync_clock();
        self.app = Some(Running::start(self.dir.path(), &self.clock));
        self.steady_since = self.wall();
    }

    /// First run: the settings, then the first session, somewhere from a
    /// few weeks ago to a month ahead.
    fn first_run(&mut self) {
        let settings = self.model.settings.clone();
        self.save_settings(settings);
        let today = self.model.today(self.wall());
        let offset = match self.spec.first_session {
            Some(days) => days,
            None => self.rng.below(60) as i64 - 20,
        };
        let first = today + TimeDelta::days(offset);
        self.add_session(first);
        self.schedule_event();
    }

    fn schedule_event(&mut self) {
        // A third of the events fall within a minute or two of a reminder
        // (a restart, an edit or a jump right at it); the rest anywhere.
        let wall = self.wall();
        let soon = self
            .undelivered()
            .into_iter()
            .filter(|at| *at > wall && *at - wall < TimeDelta::days(4))
            .min();
        let gap = match soon {
            Some(at) if self.rng.percent(35) => {
                (at - wall + self.rng.secs(-90, 90)).max(TimeDelta::seconds(1))
            }
            _ => self.rng.secs(60, 6 * 86_400),
        };
        self.next_event = self.mono + gap;
    }

    /// The due instants of reminders not in the log.
    fn undelivered(&self) -> Vec<DateTime<Utc>> {
        let Some(app) = &self.app else {
            return Vec::new();
        };
        let delivered = app
            .store
            .lock()
            .unwrap()
            .delivered_ids()
            .unwrap_or_default();
        self.model
            .reminders
            .iter()
            .filter(|r| !delivered.contains(&r.id))
            .map(|r| r.at)
            .collect()
    }

    /// After something that does not wake the loop (a move, a jump), its
    /// next pass is the next tick of its sleep.
    fn reanchor(&mut self) {
        if self.idle && self.next_pass.is_some() {
            let since = (self.mono - self.anchor).num_milliseconds();
            let ticks = since / 60_000 + 1;
            self.next_pass = Some(self.anchor + TimeDelta::minutes(ticks));
        }
    }

    fn event(&mut self) {
        match self.rng.below(100) {
            0..=27 => self.edit(),
            28..=39 => self.change_settings(),
            40..=49 => self.move_device(),
            50..=69 => self.restart(),
            70..=84 => self.suspend(),
            _ => self.jump(),
        }
        if self.down_until.is_none() && self.failure.is_none() {
            self.schedule_event();
        }
    }

    fn restart(&mut self) {
        self.counts.restarts += 1;
        // Down for no time at all, a few minutes, or up to three days.
        let down = match self.rng.below(3) {
            0 => TimeDelta::zero(),
            1 => self.rng.secs(1, 900),
            _ => self.rng.secs(900, 3 * 86_400),
        };
        self.note(format!("app quit; starts again in {down}"));
        // Drop the app, its loop and the store: a new process.
        self.app = None;
        self.next_pass = None;
        self.idle = false;
        self.down_until = Some(self.mono + down);
    }

    fn suspend(&mut self) {
        self.counts.suspends += 1;
        let asleep = match self.rng.below(3) {
            0 => self.rng.secs(10, 3_600),
            1 => self.rng.secs(3_600, 86_400),
            _ => self.rng.secs(86_400, 7 * 86_400),
        };
        // The loop's sleep counts monotonic time, which stops while
        // suspended: its next pass comes that much later.
        self.reanchor();
        self.next_pass = self.next_pass.map(|p| p + asleep);
        self.anchor += asleep;
        self.mono += asleep;
        self.sync_clock();
        self.steady_since = self.wall();
        self.note(format!("suspended for {asleep}, resumed"));
    }

    fn jump(&mut self) {
        self.counts.jumps += 1;
        let size = match self.rng.below(3) {
            0 => self.rng.secs(1, 600),
            1 => self.rng.secs(600, 3 * 3_600),
            _ => self.rng.secs(3 * 3_600, 2 * 86_400),
        };
        let jump = if self.rng.percent(50) { size } else { -size };
        self.offset += jump;
        self.sync_clock();
        self.steady_since = self.wall();
        self.reanchor();
        self.note(format!("wall clock jumped by {jump}"));
    }

    fn move_device(&mut self) {
        self.counts.moves += 1;
        let to = loop {
            let z = self.rng.pick(&ZONES);
            if z != self.model.device {
                break z;
            }
        };
        let before = self.model.zone();
        self.model.device = to;
        self.model.refresh();
        self.sync_clock();
        if self.model.zone() != before {
            self.steady_since = self.wall();
        }
        self.reanchor();
        self.note(format!("device moved to {to}"));
    }

    fn change_settings(&mut self) {
        let mut s = self.model.settings.clone();
        match self.rng.below(3) {
            0 => {
                s.quiet_hours = if s.quiet_hours.is_some() && self.rng.percent(50) {
                    None
                } else {
                    let (a, b) = self.rng.pick(&QUIET_SPANS);
                    Some(QuietHours {
                        start: time(a),
                        end: time(b),
                    })
                }
            }
            1 => s.reminder_time = time(self.rng.pick(&REMINDER_TIMES)),
            _ => {
                s.zone = match s.zone {
                    ZoneMode::Fixed { .. } if self.rng.percent(50) => ZoneMode::Device,
                    _ => ZoneMode::Fixed {
                        zone: self.rng.pick(&ZONES),
                    },
                }
            }
        }
        self.save_settings(s);
    }

    fn save_settings(&mut self, s: Settings) {
        self.counts.settings_changes += 1;
        self.note(format!(
            "settings: reminders at {}, quiet {:?}, zone {:?}",
            s.reminder_time, s.quiet_hours, s.zone
        ));
        let changes = self.app().changes.load(Ordering::SeqCst);
        if let Err(e) = self
            .app()
            .call("settings_set", json!({ "settings": settings_form(&s) }))
        {
            self.violate(MISMATCH, format!("settings_set refused {s:?}: {e}"));
            return;
        }
        let stored = self.app().store.lock().unwrap().settings();
        if stored.as_ref().ok() != Some(&s) {
            self.violate(MISMATCH, format!("settings stored {stored:?}, sent {s:?}"));
            return;
        }
        if self.app().changes.load(Ordering::SeqCst) == changes {
            self.violate(MISMATCH, "settings_set did not wake the scheduler".into());
        }
        self.model.settings = s;
        self.model.refresh();
        self.steady_since = self.wall();
        // `recompute` wakes the loop at once.
        self.pass();
    }

    fn edit(&mut self) {
        self.counts.edits += 1;
        let today = self.model.today(self.wall());
        // Mostly ahead, as sessions are booked; sometimes in the past (a
        // session entered late, or a date corrected).
        let date = today + TimeDelta::days(self.rng.below(130) as i64 - 15);
        let ids: Vec<i64> = self.model.sessions.keys().copied().collect();
        let n = ids.len();
        let op = if n == 0 {
            0
        } else if n >= 5 {
            1 + self.rng.below(2)
        } else {
            self.rng.below(3)
        };
        match op {
            0 => self.add_session(date),
            1 => {
                let id = self.rng.pick(&ids);
                self.change(
                    "session_edit",
                    json!({ "id": id, "date": date.to_string() }),
                    |m| {
                        m.sessions.insert(id, date);
                    },
                );
            }
            _ => {
                let id = self.rng.pick(&ids);
                self.change("session_delete", json!({ "id": id }), |m| {
                    m.sessions.remove(&id);
                });
            }
        }
    }

    fn add_session(&mut self, date: NaiveDate) {
        self.change("session_add", json!({ "date": date.to_string() }), |_| {});
    }

    /// One edit through its command; the model follows what the command
    /// says it did, and is then checked against the store. Reminders that
    /// were already due in the plan the client had must not be settled as
    /// `before_plan` by it.
    fn change(&mut self, cmd: &str, args: Value, apply: impl FnOnce(&mut Model)) {
        let now = self.wall();
        let before = self.app().log();
        let due_before: BTreeSet<String> = self
            .model
            .reminders
            .iter()
            .filter(|r| r.at <= now && !before.contains_key(&r.id))
            .map(|r| r.id.clone())
            .collect();
        let answer = self.app().call(cmd, args.clone());
        let view = match answer {
            Ok(view) => view,
            Err(e) => {
                self.counts.edits_refused += 1;
                self.note(format!("{cmd} {args} refused: {}", e["message"]));
                let stored = self.stored_sessions();
                if stored != self.model.sessions {
                    self.violate(
                        MISMATCH,
                        format!("refused {cmd} changed the sessions to {stored:?}"),
                    );
                }
                return;
            }
        };
        apply(&mut self.model);
        if cmd == "session_add" {
            let known: BTreeSet<i64> = self.model.sessions.keys().copied().collect();
            for s in view["sessions"].as_array().into_iter().flatten() {
                let id = s["id"].as_i64().unwrap_or_default();
                if !known.contains(&id) {
                    let date = s["date"]
                        .as_str()
                        .and_then(|d| aftercare::parse_date(d).ok());
                    if let Some(date) = date {
                        self.model.sessions.insert(id, date);
                    }
                }
            }
        }
        self.note(format!("{cmd} {args}: sessions {:?}", self.model.sessions));
        let stored = self.stored_sessions();
        if stored != self.model.sessions {
            self.violate(
                MISMATCH,
                format!(
                    "{cmd}: store has {stored:?}, model {:?}",
                    self.model.sessions
                ),
            );
            return;
        }
        self.model.refresh();
        let after = self.app().log();
        for (id, (how, _)) in &after {
            if before.contains_key(id) {
                continue;
            }
            if *how == DeliveryHow::BeforePlan {
                self.counts.before_plan += 1;
            }
            if due_before.contains(id) {
                self.violate(
                    SETTLED,
                    format!(
                        "{id} (due {}) settled by {cmd} as {how:?}",
                        self.model
                            .get(id)
                            .map(|r| r.at.to_rfc3339())
                            .unwrap_or_default()
                    ),
                );
            } else if self.model.get(id).is_none_or(|r| r.at > now) {
                self.violate(
                    NOT_IN_PLAN,
                    format!("{cmd} logged {id} as {how:?}, not due in the plan"),
                );
            }
        }
        // `recompute` wakes the loop at once.
        self.pass();
    }

    fn stored_sessions(&self) -> BTreeMap<i64, NaiveDate> {
        self.app()
            .store
            .lock()
            .unwrap()
            .sessions()
            .unwrap_or_default()
            .into_iter()
            .map(|s| (s.id, s.date))
            .collect()
    }

    // --------------------------------------------------------------- a pass

    fn pass(&mut self) {
        if self.failure.is_some() {
            return;
        }
        self.sync_clock();
        let now = self.wall();
        let report = self.app().pass(&self.clock, &self.notifier);
        self.counts.passes += 1;
        if let Some(e) = report.error.clone() {
            self.violate(STORE, e);
            return;
        }
        if !report.delivery.store_errors.is_empty() {
            let e = format!("{:?}", report.delivery.store_errors);
            self.violate(STORE, e);
            return;
        }
        let d = &report.delivery;
        if !(d.notified.is_empty() && d.summarized.is_empty() && d.missed.is_empty()) {
            let line = format!(
                "pass: shown {:?}, summary {:?}, missed {:?}",
                d.notified, d.summarized, d.missed
            );
            self.note(line);
        }
        // Minute by minute (the comparison run), the oracle's full check
        // runs only where something was delivered: the skipping run it is
        // compared with checks every pass it makes.
        let quiet_tick = self.spec.every_tick
            && d.notified.is_empty()
            && d.summarized.is_empty()
            && d.missed.is_empty();
        if !quiet_tick {
            self.check(now, &report);
        }

        // Sleep as the loop does; skip the ticks that provably do nothing.
        let step = report.next_wake - now;
        if step <= TimeDelta::zero() || step > MAX_SLEEP {
            self.violate(
                WAKE,
                format!("next wake {} after a pass at {now}", report.next_wake),
            );
        }
        let wait = step.clamp(MIN_SLEEP, MAX_SLEEP);
        self.anchor = self.mono;
        self.idle = wait == MAX_SLEEP;
        let ticks = if self.idle && !self.spec.every_tick {
            self.idle_ticks(now)
        } else {
            1
        };
        self.counts.ticks_skipped += ticks as u64 - 1;
        self.next_pass = Some(self.mono + wait * ticks);
    }

    /// How many minute ticks ahead the next pass that may do something is
    /// (at least 1): see "Skipping idle minutes" above.
    fn idle_ticks(&self, now: DateTime<Utc>) -> i32 {
        let app = self.app();
        let delivered = app
            .store
            .lock()
            .unwrap()
            .delivered_ids()
            .unwrap_or_default();
        let mut held = false;
        let mut next_due: Option<DateTime<Utc>> = None;
        for r in &self.model.reminders {
            if delivered.contains(&r.id) {
                continue;
            }
            if r.at <= now {
                held = true;
            } else {
                next_due = Some(next_due.map_or(r.at, |n| n.min(r.at)));
            }
        }
        // Never past the end of the case, and re-read at least every day.
        let horizon = (self.end - self.mono).min(TimeDelta::days(1));
        let limit = (horizon.num_seconds() / 60).max(1) as i32;
        let quiet_now = self.model.quiet(now);
        let mut k = 1;
        while k < limit {
            // The tick after this one: is anything different there?
            let after = now + TimeDelta::minutes(i64::from(k) + 1);
            if next_due.is_some_and(|at| at <= after)
                || (held && self.model.quiet(after) != quiet_now)
            {
                break;
            }
            k += 1;
        }
        k
    }

    fn check(&mut self, now: DateTime<Utc>, report: &PassReport) {
        let d = &report.delivery;
        // What the notifier saw is what the log says was shown.
        let new: Vec<Notice> = std::mem::take(&mut *self.notifier.0.lock().unwrap());
        let expected = d.notified.len() + usize::from(!d.summarized.is_empty());
        if new.len() != expected || new != d.shown {
            self.violate(NOTICES, format!("{} shown, {expected} logged", new.len()));
        }
        self.shown.extend(new.iter().cloned());
        if !new.is_empty() && self.model.quiet(now) {
            self.violate(
                IN_QUIET,
                format!("{:?}", new.iter().map(|n| &n.title).collect::<Vec<_>>()),
            );
        }
        for id in d.notified.iter().chain(&d.summarized) {
            if !self.ever.insert(id.clone()) {
                self.violate(DUPLICATE, id.clone());
            }
        }
        let log: Vec<_> = self
            .app()
            .store
            .lock()
            .unwrap()
            .delivery_log()
            .unwrap_or_default();
        let listed: BTreeSet<String> = missed(&self.model.reminders, &log)
            .into_iter()
            .map(|m| m.reminder.id)
            .collect();
        let groups = [
            (DeliveryHow::Notification, &d.notified),
            (DeliveryHow::Summary, &d.summarized),
            (DeliveryHow::Missed, &d.missed),
        ];
        for (how, ids) in groups {
            for id in ids {
                let Some(r) = self.model.get(id).cloned() else {
                    self.violate(NOT_IN_PLAN, format!("{id} as {how:?}"));
                    continue;
                };
                if r.at > now {
                    self.violate(EARLY, format!("{id} due {}", r.at));
                    continue;
                }
                let late = now - r.at;
                let awake = r.at >= self.steady_since;
                self.counts.scheduled += 1;
                match how {
                    DeliveryHow::Notification if late <= MAX_SLEEP => self.counts.on_time += 1,
                    DeliveryHow::Notification if !awake && late <= GRACE => {
                        self.counts.late_in_grace += 1
                    }
                    DeliveryHow::Notification => {
                        self.violate(LATE_AWAKE, format!("{id} shown {late} late"));
                    }
                    _ => {
                        if how == DeliveryHow::Summary {
                            self.counts.caught_up += 1;
                        } else {
                            self.counts.missed_listed += 1;
                        }
                        if !listed.contains(id) {
                            self.violate(NOT_LISTED, format!("{id} as {how:?}"));
                        }
                        if awake {
                            // Only quiet hours may hold back one that fell
                            // due while the app was steadily awake, and only
                            // until they end.
                            let held = how == DeliveryHow::Summary
                                && self.model.quiet(r.at)
                                && now <= self.model.quiet_end(r.at) + MAX_SLEEP;
                            if !held {
                                self.violate(LATE_AWAKE, format!("{id} {how:?} {late} late"));
                            } else {
                                self.counts.held_by_quiet += 1;
                            }
                        }
                    }
                }
            }
        }
        // Nothing due is left unaccounted for.
        let logged: BTreeSet<&str> = log.iter().map(|e| e.id.as_str()).collect();
        let quiet_now = self.model.quiet(now);
        let silent: Vec<String> = self
            .model
            .reminders
            .iter()
            .filter(|r| r.at <= now && !logged.contains(r.id.as_str()))
            .filter(|r| !(quiet_now && now - r.at <= MISSED_WINDOW))
            .map(|r| format!("{} (due {})", r.id, r.at.to_rfc3339()))
            .collect();
        if !silent.is_empty() {
            self.violate(SILENT, silent.join(", "));
        }
    }
}

fn run_case(seed: u64, spec: Spec) -> Outcome {
    Case::new(seed, spec).run()
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// -------------------------------------------------------------------- tests

/// `SMP_SIM_YEARS` cases of a year each (3 here, 1,000 in
/// `scripts/simulate-years.sh`), from seed `SMP_SIM_SEED` on.
#[test]
fn simulated_years() {
    let cases = env_u64("SMP_SIM_YEARS", 3);
    let first = env_u64("SMP_SIM_SEED", 1);
    let threads = env_u64("SMP_SIM_THREADS", 1).clamp(1, 64);
    let started = Instant::now();
    let total = Mutex::new(Counts::default());
    let failures = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst) as u64;
                    if i >= cases {
                        break;
                    }
                    let seed = first + i;
                    match std::panic::catch_unwind(|| run_case(seed, Spec::default())) {
                        Ok(out) => {
                            total.lock().unwrap().add(&out.counts);
                            if let Some(f) = out.failure {
                                failures.lock().unwrap().push(f);
                            }
                        }
                        Err(_) => failures.lock().unwrap().push(format!(
                            "seed {seed} panicked (message above); replay: SMP_SIM_SEED={seed} SMP_SIM_YEARS=1 cargo test -p smp-aftercare --test simulation simulated_years -- --nocapture"
                        )),
                    }
                    if cases >= 20 && (i + 1).is_multiple_of(50) {
                        eprintln!("simulated {} years in {:.0?}", i + 1, started.elapsed());
                    }
                }
            });
        }
    });
    let c = total.into_inner().unwrap();
    let failures = failures.into_inner().unwrap();
    println!(
        "simulated years: seeds {first}..={}, {} cases, {:.1} years, {:.1?}, {threads} thread(s)",
        first + cases - 1,
        c.cases,
        c.sim_hours as f64 / (365.0 * 24.0),
        started.elapsed()
    );
    println!(
        "passes {} (idle minute ticks proven no-ops and skipped: {}); events: {} edits ({} refused), {} settings changes, {} device moves, {} restarts, {} suspends, {} clock jumps",
        c.passes,
        c.ticks_skipped,
        c.edits,
        c.edits_refused,
        c.settings_changes,
        c.moves,
        c.restarts,
        c.suspends,
        c.jumps
    );
    println!(
        "scheduled {}: on time {}, late after a gap but within grace {}, caught up in a summary {} (of which held by quiet hours {}), missed-and-listed {}; entered already past (before_plan) {}",
        c.scheduled,
        c.on_time,
        c.late_in_grace,
        c.caught_up,
        c.held_by_quiet,
        c.missed_listed,
        c.before_plan
    );
    println!(
        "duplicates = {}, inside quiet hours = {}, delivered for deleted sessions = {}, silent misses = {}, settled silently by an edit = {}, late while awake = {}, other = {}",
        c.violation(DUPLICATE),
        c.violation(IN_QUIET),
        c.violation(NOT_IN_PLAN),
        c.violation(SILENT),
        c.violation(SETTLED),
        c.violation(LATE_AWAKE),
        c.violation(NOT_LISTED)
            + c.violation(EARLY)
            + c.violation(WAKE)
            + c.violation(NOTICES)
            + c.violation(STORE)
            + c.violation(MISMATCH)
    );
    for f in failures.iter().take(3) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases broke an invariant",
        failures.len()
    );
    // A simulation that delivered nothing would prove nothing.
    assert!(
        c.on_time > 0 && c.caught_up > 0 && c.missed_listed > 0,
        "{c:?}"
    );
    assert!(
        c.restarts > 0 && c.suspends > 0 && c.jumps > 0 && c.moves > 0,
        "{c:?}"
    );
}

/// The store's files, byte for byte (the database and its write-ahead log).
fn store_bytes(dir: &Path) -> Vec<Vec<u8>> {
    ["smp-aftercare.sqlite3", "smp-aftercare.sqlite3-wal"]
        .iter()
        .map(|name| std::fs::read(dir.join(name)).unwrap_or_default())
        .collect()
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

/// The ground the skipping stands on: a pass with nothing due, and one
/// with reminders held by quiet hours that still hold, write nothing at
/// all (the store's files keep every byte), while the pass that ends the
/// quiet hours does write.
#[test]
fn idle_passes_write_nothing() {
    let dir = TempDir::new("sim-idle");
    let clock = SimClock(Arc::new(Mutex::new((
        utc("2026-03-05T12:00:00Z"),
        chrono_tz::Europe::London,
    ))));
    let app = Running::start(dir.path(), &clock);
    let settings = Settings {
        reminder_time: time("06:30"),
        quiet_hours: Some(QuietHours {
            start: time("22:00"),
            end: time("07:00"),
        }),
        ..Settings::default()
    };
    app.call(
        "settings_set",
        json!({ "settings": settings_form(&settings) }),
    )
    .unwrap();
    app.call("session_add", json!({ "date": "2026-03-02" }))
        .unwrap();
    let notifier = Recorder::default();
    let at = |s: DateTime<Utc>| clock.0.lock().unwrap().0 = s;
    app.pass(&clock, &notifier);

    // Nothing due from noon to the evening: ten hours of minute ticks.
    let before = store_bytes(dir.path());
    let mut now = utc("2026-03-05T12:01:00Z");
    let mut ticks = 0;
    while now < utc("2026-03-05T22:00:00Z") {
        at(now);
        let r = app.pass(&clock, &notifier);
        let d = r.decision.expect("a plan");
        assert!(
            d.show.is_empty() && d.summary.is_empty() && d.missed.is_empty() && d.held.is_empty()
        );
        assert_eq!(r.next_wake, now + MAX_SLEEP);
        now += MAX_SLEEP;
        ticks += 1;
    }
    assert_eq!(ticks, 599);
    assert!(
        store_bytes(dir.path()) == before,
        "an idle pass wrote to the store"
    );

    // 06:30 on 6 March is quiet: the reminder is held, and each tick until
    // 07:00 holds it again without writing.
    at(utc("2026-03-06T06:30:00Z"));
    let r = app.pass(&clock, &notifier);
    assert_eq!(r.decision.unwrap().held.len(), 1);
    let before = store_bytes(dir.path());
    for minute in 31..60 {
        at(utc(&format!("2026-03-06T06:{minute}:00Z")));
        let r = app.pass(&clock, &notifier);
        assert_eq!(r.decision.unwrap().held.len(), 1);
    }
    assert!(
        store_bytes(dir.path()) == before,
        "a holding pass wrote to the store"
    );
    assert!(notifier.0.lock().unwrap().is_empty());
    // The end of quiet hours does write: the comparison can see a write.
    at(utc("2026-03-06T07:00:00Z"));
    let r = app.pass(&clock, &notifier);
    assert_eq!(r.delivery.summarized, ["day:2026-03-02:5"]);
    assert!(store_bytes(dir.path()) != before);
}

/// Whole cases run twice, once with every minute tick of the loop and once
/// skipping the idle ones: the same delivery log (ids, how, when) and the
/// same notifications. Each runs 21 hours over a daylight-saving change of
/// its zone (one each way, and the 45- and 30-minute ones), from noon
/// there, with the first session the next day and reminders at 06:30 inside quiet hours
/// 22:00-07:00, so held reminders and their release are compared too.
#[test]
fn skipping_idle_ticks_changes_nothing() {
    // (seed, start): the seed picks the device's zone (ZONES[seed % 7]).
    let cases = [
        (7, "2026-03-28T12:00:00Z"),  // London, forward 29 March 01:00Z
        (1, "2026-10-31T16:00:00Z"),  // New York, back 1 November 06:00Z
        (19, "2026-04-03T22:15:00Z"), // Chatham, back 4 April 14:00Z
        (6, "2026-10-03T01:30:00Z"),  // Lord Howe, forward 3 October 15:30Z
    ];
    for (seed, start) in cases {
        let spec = Spec {
            length: Some(TimeDelta::hours(21)),
            start: Some(utc(start)),
            times: Some(("06:30", Some(("22:00", "07:00")))),
            every_tick: false,
            first_session: Some(1),
        };
        let skipping = run_case(seed, spec);
        let every = run_case(
            seed,
            Spec {
                every_tick: true,
                ..spec
            },
        );
        for out in [&skipping, &every] {
            assert!(
                out.failure.is_none(),
                "{}",
                out.failure.as_deref().unwrap_or("")
            );
        }
        assert_eq!(every.counts.ticks_skipped, 0);
        assert!(
            skipping.counts.ticks_skipped > 1000,
            "{:?}",
            skipping.counts
        );
        assert!(
            !every.log.is_empty() && !every.shown.is_empty(),
            "seed {seed}: {:?} {:?}",
            every.counts,
            every.log
        );
        assert_eq!(skipping.log, every.log, "seed {seed}");
        assert_eq!(skipping.shown, every.shown, "seed {seed}");
        println!(
            "seed {seed} from {start}: {} passes minute by minute, {} skipping; {} log entries, {} notifications alike",
            every.counts.passes,
            skipping.counts.passes,
            every.log.len(),
            every.shown.len()
        );
    }
}
