// A fake, in-memory backend for the browser tests: it answers the app's IPC
// commands with data the real engine produced (fixtures/engine.json, made
// by the `aftercare` CLI) and refuses bad input with the backend's own error
// shapes and messages. Test-only: never part of the shipped dist.

import {
  type Vocabulary,
  type AppError,
  type Problem,
  type DateCheck,
  type DateNote,
  type DateOrder,
  type DateProblem,
  type Chart,
  type ChartOn,
  type DayStatus,
  type Milestone,
  type MissedReminder,
  type NotificationPermission,
  type Preparation,
  type Overview,
  type PlanSummary,
  type KeyDay,
  type Protocol,
  type ProtocolSummary,
  type SessionRow,
  type SessionsView,
  type SettingsForm,
  type TodayScreen,
  type CareDay,
  type Repeat,
  type UpcomingReminder,
  type HandoverPreview,
  type HandoverSource,
  type SessionChange,
  type ValueReset,
  type Warning,
  type Lang,
  MAX_PLANNED,
  MAX_PROTOCOL_BYTES,
} from "../../src/bindings";
import engine from "../fixtures/engine.json";
import { createJournal } from "./fake-journal";

/** What a test can ask of the fake, through `window.__SMP_FAKE__`. */
export interface FakeConfig {
  /** "fresh": no session yet; "booked": two sessions; "all": three, the last
   * ahead; "close": two sessions three days apart, the second today. */
  state?: "fresh" | "booked" | "all" | "close";
  /** Show every banner: reminders off, notification error, missed, recovered. */
  banners?: boolean;
  /** Clinic details filled in. */
  clinic?: boolean;
  /** Launch at login cannot be changed on this desktop. */
  loginFails?: boolean;
  /** The save dialog is cancelled. */
  exportCancelled?: boolean;
  /** Today, if not the fixtures' today (a date the fixtures hold a status for). */
  today?: string;
  /** The phone's notification permission (desktops: always "granted"). */
  permission?: NotificationPermission;
  /** A stored setting could not be read and was reset. */
  valuesReset?: boolean;
  /** A stored session whose date no longer reads (id 99), left out of the plan. */
  unreadableSession?: boolean;
  /** The store could only be opened for reading. */
  readOnly?: boolean;
  /** Check-ins already saved on four days of the "booked" plan (7, 12, 18 and 19 March 2025). */
  journal?: boolean;
  /** The share dialog is cancelled. */
  shareCancelled?: boolean;
  /** The device's language (default English); the app follows it unless a language is chosen. */
  deviceLang?: Lang;
  /** The language chosen in Settings (default: follow the device). */
  language?: Lang;
  /** A clinic's plan opened with the app, waiting for the page (`handover_pending`). */
  handoverPending?: HandoverSource;
  /** What the plan-file dialog answers (`null`: cancelled). */
  handoverPick?: string | null;
}

interface PlanFixture {
  plan: {
    protocol_id: string;
    protocol_name: string;
    sessions: string[];
    planned: number;
    final_session: string | null;
    healed_on: string | null;
    restrictions_over_on: string | null;
    touch_up_on: string | null;
    warnings: Warning[];
    milestones: Milestone[];
  };
  status: Record<string, DayStatus>;
  prep: Record<string, Preparation | null>;
  /** The engine's chart (`aftercare chart`), the same whatever today is. */
  chart: Chart;
  /** The engine's `today_index` on that chart for each day the fixtures hold. */
  chart_today: Record<string, number | null>;
}

const fx = engine as unknown as {
  today: string;
  zone: string;
  activities: Vocabulary;
  protocols: Protocol[];
  plans: Record<string, PlanFixture>;
};

const ACTIVITIES = fx.activities.activities.map((a) => a.activity as string);

/** A refusal as the backend sends it: the UI words `problem`; `message` is only for logs. */
const invalid = (field: string, problem: Problem): AppError => ({
  kind: "invalid",
  field,
  problem,
  message: problem.problem,
});

/** The care of four-to-thirty that can be ticked off, as the app labels it. */
const TICKABLE: Record<string, { label: string; repeat: Repeat; most: number }> = {
  moisturise: { label: "Moisturise your scalp", repeat: { kind: "times", min: 2, max: 3 }, most: 3 },
  sun_cream: { label: "Use SPF 30+ sun cream", repeat: { kind: "as_needed" }, most: 12 },
};
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The engine's `parse_date` messages. */
function parseDate(text: string, field = "date"): string {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) throw invalid(field, { problem: "not_a_date", text: t });
  const [y, m, d] = t.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw invalid(field, { problem: "not_a_date", text: t });
  }
  if (y < 1970 || y > 2199) throw invalid(field, { problem: "not_a_date", text: t });
  return t;
}

const dateError = (problem: DateProblem, message: string): AppError => ({
  kind: "date",
  field: "date",
  problem,
  message,
});
const booked = (date: string) => dateError({ problem: "booked", date }, `a session on ${date} is already booked`);

/** The engine's `parse_typed_date` (date_entry.rs), with its tagged problems. */
function parseTyped(text: string, order: DateOrder): string {
  const t = text.trim();
  if (!t) throw dateError({ problem: "empty" }, "no date was given");
  const notADate = () => dateError({ problem: "not_a_date", text: t }, `"${t}" is not a date`);
  const parts = t.split(/[/.\- ]/).filter(Boolean);
  if (parts.length !== 3 || parts.some((p) => p.length > 4 || !/^\d+$/.test(p))) throw notADate();
  const o = parts[0]!.length === 4 ? "ymd" : order;
  const [d, m, y] = (
    o === "dmy"
      ? [parts[0], parts[1], parts[2]]
      : o === "mdy"
        ? [parts[1], parts[0], parts[2]]
        : [parts[2], parts[1], parts[0]]
  ) as [string, string, string];
  if (d.length > 2 || m.length > 2) throw notADate();
  const [day, month, year] = [Number(d), Number(m), Number(y)];
  if (y.length < 4 || year < 100) throw dateError({ problem: "short_year", text: t }, `"${t}": use a 4-digit year`);
  if (month < 1 || month > 12) throw dateError({ problem: "no_such_month", month }, `there is no month ${month}`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1)
    throw dateError(
      { problem: "no_such_day", day, month, year },
      `there is no day ${day} in month ${month} of ${year}`,
    );
  if (year < 1970 || year > 2199) throw dateError({ problem: "out_of_range", year }, `the year ${year} is outside`);
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/**
 * The engine's notes for a few proposed dates next to the "booked" plan
 * (four-to-thirty, sessions on 6 and 17 March 2025): the exact answers
 * src-tauri/tests/commands.rs asserts for the same dates
 * (`the_fakes_date_notes_are_the_engines`). Any other date: no note.
 */
const NOTES: Record<string, DateNote[]> = {
  "2025-03-06,2025-03-17|new|2025-03-25": [
    { code: "gap_short", message: "This is 8 days after session 2; your clinic usually leaves 10-21 days." },
  ],
  "2025-03-06,2025-03-17|new|2026-04-07": [
    {
      code: "far_apart",
      message: "This is more than 6 months after session 2. Check the date, and the year, before you save it.",
    },
  ],
  "2025-03-06,2025-03-17|new|2025-02-24": [
    {
      code: "renumbered",
      message: "This is before session 1: it becomes session 1 and your other sessions move up one number.",
    },
  ],
};

/** The calendar day before `iso` (the backend's `yesterday`; test data only). */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function parseTime(text: string, field: string): void {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) {
    throw invalid(field, { problem: "not_a_time", text });
  }
}

export function createBackend(cfg: FakeConfig) {
  const state = {
    today: cfg.today ?? fx.today,
    choice: { kind: "builtin", id: "four-to-thirty" } as
      | { kind: "builtin"; id: string }
      | { kind: "imported"; sourceName: string; protocol: Protocol; base: string; importedId: number },
    /** Every imported file, kept (the store's `imported_protocols`). */
    imported: [] as { id: number; sourceName: string; text: string; protocol: Protocol; base: string }[],
    sessions: [] as SessionRow[],
    unreadableDeleted: false,
    nextId: 1,
    planned: null as number | null,
    settings: {
      reminders_enabled: !cfg.banners,
      reminder_time: "09:00",
      quiet_hours: null,
      zone: { mode: "device" },
      launch_at_login: false,
      care_reminders: false,
      language: cfg.language ?? "device",
      clinic: cfg.clinic
        ? {
            name: "Northside SMP Studio",
            phone: "+44 20 7946 0000",
            email: "care@northside-smp.example",
            address: "",
          }
        : { name: "", phone: "", email: "", address: "" },
    } as SettingsForm,
    permission: cfg.permission ?? "granted",
    /** Every call, in order; `rendering`: a screen was being drawn when it came (main.ts marks #app busy). */
    calls: [] as { cmd: string; args: unknown; rendering: boolean }[],
    /** Today's ticks by care id (the app keeps them per day; the fake has one day). */
    ticks: {} as Record<string, number>,
  };
  const book = (...dates: string[]) => dates.forEach((date) => state.sessions.push({ id: state.nextId++, date }));
  if (cfg.state === "booked") book("2025-03-06", "2025-03-17");
  if (cfg.state === "all") book("2025-03-06", "2025-03-17", "2025-04-07");
  if (cfg.state === "close") book("2025-03-17", "2025-03-20");

  const protocol = (): Protocol =>
    state.choice.kind === "imported"
      ? state.choice.protocol
      : fx.protocols.find((p) => p.id === (state.choice as { id: string }).id)!;
  const baseId = () => (state.choice.kind === "imported" ? state.choice.base : state.choice.id);
  const sorted = () => [...state.sessions].sort((a, b) => (a.date < b.date ? -1 : 1));
  const journal = createJournal(
    {
      today: () => state.today,
      yesterday: () => dayBefore(state.today),
      sessions: () => sorted().map((s) => s.date),
      shareCancelled: () => !!cfg.shareCancelled,
    },
    !!cfg.journal,
  );

  function fixture(): PlanFixture | null {
    if (!state.sessions.length) return null;
    const dates = sorted().map((s) => s.date);
    const exact = fx.plans[`${baseId()}|${dates.join(",")}`];
    if (exact) return exact;
    // Dates the fixtures do not hold: the plan with as many sessions.
    const n = Math.min(dates.length, 3);
    const similar = Object.entries(fx.plans).find(
      ([k]) => k.startsWith(`${baseId()}|`) && k.split("|")[1]!.split(",").length === n,
    );
    return similar ? similar[1] : null;
  }

  const plannedEffective = () => state.planned ?? Math.max(protocol().sessions.usual, state.sessions.length);

  function patchStatus(s: DayStatus | undefined): DayStatus | null {
    if (!s) return null;
    const out = clone(s);
    out.planned = plannedEffective();
    return out;
  }

  function zone(): string {
    return state.settings.zone.mode === "fixed" ? state.settings.zone.zone : fx.zone;
  }

  function planSummary(f: PlanFixture): PlanSummary {
    const spec = protocol().sessions;
    return {
      protocol_id: protocol().id,
      protocol_name: protocol().name,
      zone: zone(),
      sessions: sorted().map((s) => s.date),
      planned: plannedEffective(),
      final_session: f.plan.final_session,
      healed_on: f.plan.healed_on,
      restrictions_over_on: f.plan.restrictions_over_on,
      touch_up_on: f.plan.touch_up_on,
      min_gap_days: spec.min_gap_days,
      max_gap_days: spec.max_gap_days,
      warnings: f.plan.warnings,
    };
  }

  /** The unreadable stored session, until it is deleted. */
  function unreadable(): ValueReset[] {
    if (!cfg.unreadableSession || state.unreadableDeleted) return [];
    return [
      {
        field: "session",
        session_id: 99,
        stored: "2025-02-30",
        used: null,
        reason: null,
        message:
          "a stored session date, 2025-02-30, could not be read, so that session is left out of your plan: delete it and enter its date again",
      },
    ];
  }

  function view(): SessionsView {
    const spec = protocol().sessions;
    return {
      sessions: sorted(),
      planned: state.planned,
      planned_effective: plannedEffective(),
      usual: spec.usual,
      min: spec.min,
      max: spec.max,
      today: state.today,
      warnings: fixture()?.plan.warnings ?? [],
      unreadable: unreadable(),
    };
  }

  function checkCount(count: number, planned: number | null, field: string): void {
    if (planned !== null && count > planned)
      throw invalid(field, { problem: "planned_too_few", planned, sessions: count });
  }

  /** The engine's key days of a fixture protocol (the CLI's `protocols --json` adds them). */
  const keyDays = (id: string): KeyDay[] =>
    (fx.protocols.find((p) => p.id === id) as Protocol & { key_days: KeyDay[] }).key_days;

  function summary(
    p: Protocol,
    base: string,
    kept: { id: number | null; sourceName: string } | null,
    selected: boolean,
  ) {
    return {
      id: p.id,
      name: p.name,
      summary: p.summary,
      usual_sessions: p.sessions.usual,
      selected,
      imported: kept !== null,
      imported_id: kept?.id ?? null,
      source_name: kept?.sourceName ?? null,
      key_days: keyDays(base),
    } satisfies ProtocolSummary;
  }

  function summaries(): ProtocolSummary[] {
    const followed = state.choice.kind === "imported" ? state.choice.importedId : null;
    return [
      ...state.imported.map((k) =>
        summary(k.protocol, k.base, { id: k.id, sourceName: k.sourceName }, k.id === followed),
      ),
      ...fx.protocols.map((p) => summary(p, p.id, null, state.choice.kind === "builtin" && state.choice.id === p.id)),
    ];
  }

  /** A small stand-in for the engine's TOML checks, with its error shape. */
  function checkProtocol(sourceName: string, text: string): { protocol: Protocol; base: string } {
    const fail = (line: number | null, field: string | null, message: string): never => {
      let full = sourceName;
      if (line !== null) full += `: line ${line}`;
      if (field !== null) full += `, field "${field}"`;
      throw { kind: "protocol", line, field, detail: message, message: `${full}: ${message}` } satisfies AppError;
    };
    // The engine's sentence for a PDF (`FileKind::sentence`).
    if (text.startsWith("%PDF")) throw invalid("file", { problem: "not_a_protocol", file: "pdf" });
    if (new TextEncoder().encode(text).length > MAX_PROTOCOL_BYTES) {
      fail(null, null, `the file is ${text.length} bytes; a protocol file may be at most ${MAX_PROTOCOL_BYTES} bytes`);
    }
    const values: Record<string, string> = {};
    text.split("\n").forEach((raw, i) => {
      const m = /^\s*([a-z_]+)\s*=\s*"?([^"]*)"?\s*$/.exec(raw);
      if (!m) return;
      const [, key, value] = m as unknown as [string, string, string];
      if (key === "activity" && !ACTIVITIES.includes(value)) {
        fail(i + 1, "activity", `unknown activity "${value}" (expected one of: ${ACTIVITIES.join(", ")})`);
      }
      if (key === "status" && !["avoid", "limited", "ok"].includes(value)) {
        fail(i + 1, "status", `unknown status "${value}" (expected avoid, limited or ok)`);
      }
      values[key] ??= value;
    });
    for (const key of ["format", "id", "name", "summary"]) {
      if (!(key in values)) fail(null, null, `missing field \`${key}\``);
    }
    const base = fx.protocols.find((p) => p.id === values.id) ?? fx.protocols[0]!;
    const p = clone(base);
    p.id = values.id!;
    p.name = values.name!;
    p.summary = values.summary!;
    return { protocol: p, base: base.id };
  }

  /** Keeps (once per text) and follows an imported file, as the store's V4 table. */
  function importProtocol(sourceName: string, text: string): Protocol {
    const { protocol: p, base } = checkProtocol(sourceName, text);
    let kept = state.imported.find((k) => k.text === text);
    if (kept) kept.sourceName = sourceName;
    else {
      kept = { id: state.imported.length + 1, sourceName, text, protocol: p, base };
      state.imported.push(kept);
    }
    state.choice = { kind: "imported", sourceName, protocol: p, base, importedId: kept.id };
    return p;
  }

  function validateSettings(input: SettingsForm): SettingsForm {
    const s = clone(input);
    s.reminder_time = s.reminder_time.trim();
    parseTime(s.reminder_time, "reminder_time");
    if (s.quiet_hours) {
      s.quiet_hours.start = s.quiet_hours.start.trim();
      s.quiet_hours.end = s.quiet_hours.end.trim();
      parseTime(s.quiet_hours.start, "quiet_hours.start");
      parseTime(s.quiet_hours.end, "quiet_hours.end");
      if (s.quiet_hours.start === s.quiet_hours.end) {
        throw invalid("quiet_hours.end", {
          problem: "quiet_hours_empty",
          start: s.quiet_hours.start,
          end: s.quiet_hours.end,
        });
      }
    }
    if (s.zone.mode === "fixed") {
      s.zone.zone = s.zone.zone.trim();
      const known = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone");
      if (!known.includes(s.zone.zone) && s.zone.zone !== "UTC") {
        throw invalid("zone", { problem: "unknown_zone", text: s.zone.zone });
      }
    }
    const c = { ...s.clinic };
    c.name = c.name.trim();
    c.phone = c.phone.trim();
    c.email = c.email.trim();
    c.address = c.address.trim();
    s.clinic = c;
    if (c.phone && (!/\d/.test(c.phone) || !/^[\d +\-()./]+$/.test(c.phone))) {
      throw invalid("clinic.phone", { problem: "not_a_phone", text: c.phone });
    }
    if (c.email) {
      const [user, host] = c.email.split("@", 2) as [string, string | undefined];
      const ok =
        !!host &&
        c.email.indexOf("@") > 0 &&
        host.includes(".") &&
        !host.startsWith(".") &&
        !host.endsWith(".") &&
        !/\s/.test(c.email);
      if (!ok || !user) throw invalid("clinic.email", { problem: "not_an_email", text: c.email });
    }
    s.language = s.language.trim();
    if (!["device", "en", "es"].includes(s.language)) {
      throw invalid("language", { problem: "unknown_language", text: s.language });
    }
    if (s.launch_at_login !== state.settings.launch_at_login && cfg.loginFails) {
      throw invalid("launch_at_login", {
        problem: "launch_at_login_failed",
        detail: "the desktop has no autostart folder",
      });
    }
    return s;
  }

  function missed(): MissedReminder[] {
    if (!cfg.banners || !state.sessions.length) return [];
    return [
      {
        id: "milestone:2025-03-17:2",
        at: "2025-03-18T09:00:00Z",
        local: "2025-03-18T09:00:00+00:00",
        kind: "milestone",
        title: "Day 2 after session 2",
        body: "Stay in the shade today: no sun on your scalp yet.",
        how: "missed",
        handled_at: "2025-03-20T08:12:00Z",
        error: null,
      },
      {
        id: "milestone:2025-03-17:5",
        at: "2025-03-19T09:00:00Z",
        local: "2025-03-19T09:00:00+00:00",
        kind: "milestone",
        title: "Day 3 after session 2",
        body: "Keep your scalp dry for two more days.",
        how: "failed",
        handled_at: "2025-03-19T09:00:02Z",
        error: "org.freedesktop.Notifications was not provided by any .service files",
      },
    ];
  }

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    overview(): Overview {
      const f = fixture();
      return {
        today: state.today,
        yesterday: dayBefore(state.today),
        zone: zone(),
        status: f ? patchStatus(f.status[state.today]) : null,
        plan: f ? planSummary(f) : null,
        notices: {
          reminders_enabled: state.settings.reminders_enabled,
          recovered: cfg.banners
            ? {
                moved_to: "/home/client/.local/share/smp-aftercare/aftercare.db.damaged-20250320",
                reason: "the file is not a SQLite database",
              }
            : null,
          read_only: cfg.readOnly
            ? { folder: "/media/client/smp-aftercare", reason: "attempt to write a readonly database" }
            : null,
          notification_error: cfg.banners
            ? "org.freedesktop.Notifications was not provided by any .service files"
            : null,
          permission: state.permission,
          values_reset: [
            ...(cfg.valuesReset
              ? [
                  {
                    field: "reminder_time",
                    session_id: null,
                    stored: '"25:00"',
                    used: "09:00",
                    reason: null,
                    message:
                      'the stored reminder time "25:00" could not be read; 09:00 is used until you save your settings',
                  },
                ]
              : []),
            ...unreadable(),
          ],
        },
        ...journal.overviewFields(),
      };
    },
    status_on({ date }) {
      const d = date === null ? state.today : parseDate(String(date));
      const f = fixture();
      return f ? patchStatus(f.status[d]) : null;
    },
    preparation(): Preparation | null {
      return fixture()?.prep[state.today] ?? null;
    },
    activities: () => clone(fx.activities),
    notifications_allow(): NotificationPermission {
      if (state.permission === "not_asked") state.permission = "granted";
      return state.permission;
    },
    timeline(): Milestone[] {
      return fixture()?.plan.milestones ?? [];
    },
    timeline_chart(): ChartOn | null {
      const f = fixture();
      if (!f) return null;
      // Today's place as the engine computed it; a day the fixtures lack
      // is off the chart rather than guessed here.
      return { today: state.today, today_index: f.chart_today[state.today] ?? null, chart: clone(f.chart) };
    },
    sessions: () => view(),
    session_check({ id, text, order }): DateCheck {
      const d = parseTyped(String(text), order as DateOrder);
      const moving = id === null ? null : state.sessions.find((s) => s.id === id);
      if (moving === undefined) throw { kind: "not_found", message: `no session with id ${id}` } satisfies AppError;
      if (state.sessions.some((s) => s.date === d && s.id !== id)) throw booked(d);
      const key = `${sorted()
        .map((s) => s.date)
        .join(",")}|${moving ? moving.id : "new"}|${d}`;
      return { date: d, notes: clone(NOTES[key] ?? []) };
    },
    session_add({ date }) {
      const d = parseDate(String(date));
      if (state.sessions.some((s) => s.date === d)) throw booked(d);
      checkCount(state.sessions.length + 1, state.planned, "date");
      book(d);
      return view();
    },
    session_edit({ id, date }) {
      const d = parseDate(String(date));
      if (!state.sessions.some((s) => s.id === id))
        throw { kind: "not_found", message: `no session with id ${id}` } satisfies AppError;
      if (state.sessions.some((s) => s.date === d && s.id !== id)) throw booked(d);
      state.sessions = state.sessions.map((s) => (s.id === id ? { id: s.id, date: d } : s));
      return view();
    },
    session_delete({ id }) {
      if (id === 99 && cfg.unreadableSession && !state.unreadableDeleted) {
        state.unreadableDeleted = true;
        return view();
      }
      if (!state.sessions.some((s) => s.id === id))
        throw { kind: "not_found", message: `no session with id ${id}` } satisfies AppError;
      state.sessions = state.sessions.filter((s) => s.id !== id);
      return view();
    },
    planned_set({ planned }) {
      const n = planned as number | null;
      if (n !== null && (n === 0 || n > MAX_PLANNED)) {
        throw invalid("planned", { problem: "planned_out_of_range", planned: n, most: MAX_PLANNED });
      }
      checkCount(state.sessions.length, n, "planned");
      state.planned = n;
      return view();
    },
    protocols: () => summaries(),
    protocol_current: () => protocol(),
    protocol_select({ id }) {
      const p = fx.protocols.find((x) => x.id === id);
      if (!p) throw invalid("protocol", { problem: "unknown_protocol", id: String(id) });
      state.choice = { kind: "builtin", id: p.id };
      return p;
    },
    protocol_select_imported({ importedId }) {
      const kept = state.imported.find((k) => k.id === importedId);
      if (!kept) throw { kind: "not_found", message: `no imported protocol with id ${importedId}` } satisfies AppError;
      state.choice = {
        kind: "imported",
        sourceName: kept.sourceName,
        protocol: kept.protocol,
        base: kept.base,
        importedId: kept.id,
      };
      return kept.protocol;
    },
    protocol_check({ sourceName, text }) {
      const { protocol, base } = checkProtocol(String(sourceName), String(text));
      return summary(protocol, base, { id: null, sourceName: String(sourceName) }, false);
    },
    protocol_import: ({ sourceName, text }) => importProtocol(String(sourceName), String(text)),
    settings: () => clone(state.settings),
    language() {
      const device: Lang = cfg.deviceLang ?? "en";
      return { lang: state.settings.language === "device" ? device : (state.settings.language as Lang), device };
    },
    settings_set({ settings }) {
      state.settings = validateSettings(settings as SettingsForm);
      // Turning reminders on asks the phone; the fake says yes.
      if (state.settings.reminders_enabled && state.permission === "not_asked") state.permission = "granted";
      return clone(state.settings);
    },
    first_run({ protocol: id, settings, date }) {
      // All checked before anything is applied, as the backend's one transaction.
      const p = id === null ? null : fx.protocols.find((x) => x.id === id);
      if (p === undefined) throw invalid("protocol", { problem: "unknown_protocol", id: String(id) });
      const s = validateSettings(settings as SettingsForm);
      const d = parseDate(String(date));
      if (state.sessions.some((x) => x.date === d)) throw booked(d);
      checkCount(state.sessions.length + 1, state.planned, "date");
      if (p) state.choice = { kind: "builtin", id: p.id };
      state.settings = s;
      if (s.reminders_enabled && state.permission === "not_asked") state.permission = "granted";
      book(d);
      return handlers.overview!({});
    },
    reminders_upcoming(): UpcomingReminder[] {
      return [];
    },
    reminders_missed: () => missed(),
    calendar_ics() {
      if (!state.sessions.length) throw invalid("sessions", { problem: "no_session_yet", needed_for: "calendar" });
      return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
    },
    calendar_export() {
      if (!state.sessions.length) throw invalid("sessions", { problem: "no_session_yet", needed_for: "calendar" });
      return cfg.exportCancelled ? null : "/home/client/Documents/smp-aftercare.ics";
    },
    // Care ticked off today: four-to-thirty's two tickable items (003:
    // moisturise 2-3 times a day; sun cream as needed).
    care_tick({ care }) {
      const id = String(care);
      const item = TICKABLE[id];
      if (!item) throw invalid("care", { problem: "not_asked_today", care: id });
      const n = state.ticks[id] ?? 0;
      if (n >= item.most) {
        throw invalid("care", { problem: "ticks_full", label: item.label, most: item.most, clinic_most: true });
      }
      state.ticks[id] = n + 1;
      return careDay();
    },
    care_untick({ care }) {
      const id = String(care);
      if (state.ticks[id]) state.ticks[id] -= 1;
      return careDay();
    },
    care_ticks({ from, to }) {
      const [f, t] = [parseDate(String(from)), parseDate(String(to))];
      const day = careDay();
      return f <= state.today && state.today <= t && day.items.length ? [day] : [];
    },
    // The first screen in one answer, made of the same parts as the
    // backend's (`commands/screens.rs`).
    today_screen(): TodayScreen {
      const overview = handlers.overview!({}) as Overview;
      const booked = overview.status !== null;
      return {
        language: handlers.language!({}) as TodayScreen["language"],
        overview,
        missed: missed(),
        settings: clone(state.settings),
        care: booked ? careDay() : null,
        protocols: booked ? [] : (handlers.protocols!({}) as ProtocolSummary[]),
        plan_waiting: cfg.handoverPending !== undefined && cfg.handoverPending !== null,
      };
    },
    handover_pending() {
      const p = cfg.handoverPending ?? null;
      cfg.handoverPending = undefined;
      return p;
    },
    handover_pick: () =>
      cfg.handoverPick === undefined || cfg.handoverPick === null ? null : { kind: "file", path: cfg.handoverPick },
    handover_preview: ({ source }) => handoverPreview(handoverRead(source as HandoverSource)),
    handover_apply({ source, fingerprint }) {
      const plan = handoverRead(source as HandoverSource);
      const p = handoverPreview(plan);
      if (p.fingerprint !== fingerprint) throw invalid(plan.field, { problem: "plan_changed" });
      if (!p.nothing_changes) {
        state.sessions = [];
        book(...plan.sessions);
        state.planned = null;
        state.choice = { kind: "builtin", id: plan.protocol };
        state.settings = { ...state.settings, clinic: p.clinic_proposed };
      }
      return handlers.overview!({});
    },
    log_location: () => "/home/client/.local/share/app.smpaftercare.desktop/logs/smp-aftercare.log",
    log_open: () => null,
    first_screen_drawn: () => null,
    ...journal.handlers,
  };

  /** The clinic's plans the fake knows: one file and one link, both the
   * Four dry days plan on the "booked" dates, from a clinic whose name holds markup. */
  function handoverRead(source: HandoverSource) {
    const field = source.kind;
    const plan = {
      field,
      sourceName: "link",
      protocol: "four-day-dry",
      sessions: ["2025-03-06", "2025-03-17"],
      zone: "Europe/London" as string | null,
      clinic: {
        name: "<b>Northside</b> SMP Studio",
        phone: "+44 20 7946 0000",
        email: "care@northside-smp.example",
        address: "1 High Street, Leeds",
      },
    };
    if (source.kind === "file") {
      const name = source.path.split("/").pop() ?? source.path;
      if (name !== "northside.smpplan")
        throw invalid("file", { problem: "file_unreadable", name, reason: "entity not found" });
      return { ...plan, sourceName: name };
    }
    const link = source.link.trim();
    if (link !== "smp-aftercare://plan?v=1&p=four-day-dry") {
      throw invalid("link", {
        problem: "handover",
        from: "link",
        fault: "damaged",
        detail: "plan link: the link is damaged or was changed: ask your clinic for a new one",
      });
    }
    return plan;
  }

  function handoverPreview(plan: ReturnType<typeof handoverRead>): HandoverPreview {
    const now = sorted().map((s) => s.date);
    const kept = now.filter((d) => plan.sessions.includes(d));
    const leaving = now.filter((d) => !plan.sessions.includes(d));
    const arriving = plan.sessions.filter((d) => !now.includes(d));
    const sessions: SessionChange[] = kept.map((date) => ({ change: "kept", date }));
    for (let i = 0; i < Math.max(leaving.length, arriving.length); i++) {
      const [from, to] = [leaving[i], arriving[i]];
      if (from && to) sessions.push({ change: "moved", from, to });
      else if (from) sessions.push({ change: "removed", date: from });
      else if (to) sessions.push({ change: "added", date: to });
    }
    const at = (c: SessionChange) => (c.change === "moved" ? c.to : c.date);
    sessions.sort((a, b) => (at(a) < at(b) ? -1 : 1));
    const current = protocol();
    const proposed = fx.protocols.find((p) => p.id === plan.protocol)!;
    const clinicNow = clone(state.settings.clinic);
    const clinicProposed = { ...plan.clinic };
    const protocolChanges = state.choice.kind !== "builtin" || state.choice.id !== plan.protocol;
    const clinicChanges = JSON.stringify(clinicNow) !== JSON.stringify(clinicProposed);
    const plannedProposed = Math.max(proposed.sessions.usual, plan.sessions.length);
    const plannedChanges = plannedEffective() !== plannedProposed;
    return {
      source_name: plan.sourceName,
      protocol_now: { id: current.id, name: current.name, builtin: state.choice.kind === "builtin" },
      protocol_proposed: { id: proposed.id, name: proposed.name, builtin: true },
      protocol_changes: protocolChanges,
      sessions,
      planned_now: plannedEffective(),
      planned_proposed: plannedProposed,
      planned_changes: plannedChanges,
      clinic_now: clinicNow,
      clinic_proposed: clinicProposed,
      clinic_changes: clinicChanges,
      nothing_changes:
        !protocolChanges &&
        !clinicChanges &&
        !plannedChanges &&
        state.planned === null &&
        sessions.every((s) => s.change === "kept"),
      fingerprint: `fake-${plan.protocol}-${plan.sessions.join(",")}`,
      zone: plan.zone,
    };
  }

  function careDay(): CareDay {
    const items = Object.entries(TICKABLE)
      .filter(([id]) => (state.ticks[id] ?? 0) > 0)
      .map(([id, item]) => ({ id, label: item.label, count: state.ticks[id]!, repeat: item.repeat, most: item.most }));
    return { date: state.today, items };
  }

  return {
    state,
    journal: journal.state,
    handle(cmd: string, args: Record<string, unknown> | undefined): unknown {
      const rendering =
        typeof document !== "undefined" && document.getElementById("app")?.getAttribute("aria-busy") === "true";
      state.calls.push({ cmd, args: clone(args ?? {}), rendering });
      const h = handlers[cmd];
      if (!h) throw { kind: "not_found", message: `the fake backend has no command ${cmd}` } satisfies AppError;
      return h(args ?? {});
    },
  };
}
