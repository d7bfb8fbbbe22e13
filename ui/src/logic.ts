// View logic: pure functions from the engine's answers to what a screen
// shows. No DOM, no IPC, and no day arithmetic: dates and day counts are the
// engine's, this only picks, groups and words them.

import type {
  Activity,
  ActivityLabel,
  ActivityStatus,
  Allowance,
  AppError,
  DayStatus,
  Milestone,
  MilestoneKind,
  PrepItem,
  Rule,
  ValueReset,
  Window,
} from "./bindings";
import { MAX_FILE_NAME_BYTES, MAX_PROTOCOL_BYTES } from "./bindings";
import { type Formats, sentence } from "./format";

// ---------------------------------------------------------------- Today

export interface Groups {
  avoid: ActivityStatus[];
  limited: ActivityStatus[];
  ok: ActivityStatus[];
}

/** Splits today's activities into Not yet / With care / OK now, keeping the engine's order. */
export function groupActivities(activities: ActivityStatus[]): Groups {
  const groups: Groups = { avoid: [], limited: [], ok: [] };
  for (const a of activities) groups[a.status].push(a);
  return groups;
}

/** "Day 4 after session 2 of 3", or what stands in for it. */
export function dayHeading(status: DayStatus): string {
  if (status.healed) return "You're fully healed";
  if (status.restrictions_over) return "Your clinic's restrictions are over";
  if (status.day === null || status.session === null) return "Before your first session";
  if (status.day === 1) return `Session ${status.session} of ${status.planned} is today`;
  return `Day ${status.day} after session ${status.session} of ${status.planned}`;
}

/** When an avoided activity becomes allowed: "from Sat 22 Mar, in 2 days". */
export function avoidUntil(a: ActivityStatus, f: Formats, todayIso?: string): string {
  if (a.allowed_from !== null && a.allowed_in_days !== null) {
    return `from ${f.when(a.allowed_from, a.allowed_in_days, todayIso)}`;
  }
  if (a.until_next_session) return a.after_next_session ? "until after your next session" : "until your next session";
  if (a.ask_clinic_from !== null) return `not before ${f.date(a.ask_clinic_from, todayIso)}, then ask your clinic`;
  return "no end date set yet";
}

/**
 * For an activity that is avoided or limited now: the date it is fine with no
 * condition, when that is later than the date it is first allowed.
 */
export function fullyFineFrom(a: ActivityStatus, f: Formats, todayIso?: string): string | null {
  if (a.status === "limited" && a.lasting) return "For good: your clinic's lasting advice.";
  if (a.status === "limited" && a.ok_from === null && a.ask_clinic_from !== null) {
    return `Your clinic's plan says nothing from ${f.date(a.ask_clinic_from, todayIso)} on: ask them then.`;
  }
  if (a.status === "ok" || a.ok_from === null) return null;
  if (a.status === "avoid" && a.ok_from === a.allowed_from) return null;
  return `Fully fine from ${f.date(a.ok_from, todayIso)}.`;
}

/** How many items of a long list Today shows before folding the rest. */
export const FOLD_SHOWN = 3;

/**
 * The line that stands for folded items that wait, sorted soonest first:
 * "and 9 more that wait until Fri 4 Dec" (the latest of their dates, read
 * from the engine; ISO dates compare as text).
 */
export function foldedSummary(rest: ActivityStatus[], f: Formats, todayIso?: string): string {
  const dates = rest.map((a) => a.allowed_from).filter((d): d is string => d !== null);
  const n = rest.length;
  const wait = n === 1 ? "waits" : "wait";
  if (!dates.length) return `and ${n} more that ${wait} longer`;
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const orLonger = dates.length < n ? " or longer" : "";
  return `and ${n} more that ${wait} until ${f.date(latest, todayIso)}${orLonger}`;
}

// ---------------------------------------------------------------- Can I...?

/**
 * Everyday words for the engine's activities. Keys are single words or short
 * phrases in lower case; a word can point at more than one activity (a gym
 * visit may be light exercise or a heavy sweat).
 */
export const SYNONYMS: Record<string, Activity[]> = {
  wash: ["wash"],
  washing: ["wash"],
  shower: ["wash"],
  showering: ["wash"],
  shampoo: ["wash"],
  "wash my hair": ["wash"],
  conditioner: ["wash"],
  wet: ["wet"],
  rain: ["wet"],
  water: ["wet"],
  splash: ["wet"],
  rinse: ["rinse"],
  rinsing: ["rinse"],
  shave: ["shave"],
  shaving: ["shave"],
  razor: ["shave"],
  foil: ["shave"],
  clipper: ["shave"],
  clippers: ["shave"],
  haircut: ["haircut"],
  "hair cut": ["haircut"],
  barber: ["haircut"],
  trim: ["haircut"],
  hairdresser: ["haircut"],
  moisturise: ["moisturise"],
  moisturize: ["moisturise"],
  moisturiser: ["moisturise"],
  moisturizer: ["moisturise"],
  lotion: ["moisturise"],
  cream: ["moisturise"],
  exercise: ["exercise", "sweat"],
  gym: ["exercise", "sweat"],
  workout: ["exercise", "sweat"],
  "work out": ["exercise", "sweat"],
  run: ["exercise", "sweat"],
  running: ["exercise", "sweat"],
  jog: ["exercise", "sweat"],
  jogging: ["exercise", "sweat"],
  walk: ["exercise"],
  walking: ["exercise"],
  yoga: ["exercise"],
  cycling: ["exercise", "sweat"],
  bike: ["exercise", "sweat"],
  football: ["sweat"],
  training: ["exercise", "sweat"],
  weights: ["sweat"],
  sport: ["exercise", "sweat"],
  sports: ["exercise", "sweat"],
  sweat: ["sweat"],
  sweating: ["sweat"],
  sweaty: ["sweat"],
  hiit: ["sweat"],
  crossfit: ["sweat"],
  boxing: ["sweat"],
  swim: ["swim"],
  swimming: ["swim"],
  pool: ["swim"],
  sea: ["swim"],
  ocean: ["swim"],
  beach: ["swim", "sun"],
  chlorine: ["swim"],
  lake: ["swim"],
  sauna: ["sauna"],
  steam: ["sauna"],
  "steam room": ["sauna"],
  spa: ["sauna"],
  "hot tub": ["sauna", "bath"],
  jacuzzi: ["sauna", "bath"],
  sun: ["sun"],
  sunbathe: ["sun"],
  sunbathing: ["sun"],
  tan: ["sun", "sunbed"],
  tanning: ["sun", "sunbed"],
  sunshine: ["sun"],
  sunbed: ["sunbed"],
  sunbeds: ["sunbed"],
  solarium: ["sunbed"],
  "tanning bed": ["sunbed"],
  hat: ["woolly_hat"],
  beanie: ["woolly_hat"],
  "woolly hat": ["woolly_hat"],
  "wool hat": ["woolly_hat"],
  cap: ["woolly_hat"],
  dye: ["hair_colour"],
  colour: ["hair_colour"],
  color: ["hair_colour"],
  "hair dye": ["hair_colour"],
  "hair colour": ["hair_colour"],
  "hair color": ["hair_colour"],
  bleach: ["hair_colour"],
  bath: ["bath"],
  bathe: ["bath"],
  soak: ["bath"],
  bathtub: ["bath"],
  alcohol: ["alcohol"],
  drink: ["alcohol"],
  drinking: ["alcohol"],
  beer: ["alcohol"],
  wine: ["alcohol"],
  booze: ["alcohol"],
  stimulants: ["stimulants"],
  "pre-workout": ["stimulants"],
  preworkout: ["stimulants"],
  "energy drink": ["stimulants"],
  caffeine: ["stimulants"],
  coffee: ["stimulants"],
  aspirin: ["aspirin"],
  ibuprofen: ["aspirin"],
  painkiller: ["aspirin"],
  painkillers: ["aspirin"],
  "blood thinner": ["aspirin"],
  "blood thinners": ["aspirin"],
};

/** Filler words people type around an activity ("can I go swimming?"). */
const FILLER = new Set([
  "can",
  "i",
  "go",
  "a",
  "an",
  "the",
  "to",
  "my",
  "have",
  "get",
  "do",
  "some",
  "use",
  "wear",
  "take",
  "into",
  "in",
  "on",
  "for",
  "me",
  "may",
  "am",
  "allowed",
  "now",
  "today",
  "put",
  "out",
  "at",
  "be",
]);

/** Lower case, no punctuation around words, single spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s'-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The activities a typed word or phrase is about: an activity id, one of the
 * backend's names (`names`: every activity it knows), or a word from the
 * synonym table. Empty when unknown.
 */
export function lookupActivities(text: string, names: ActivityLabel[]): Activity[] {
  const q = normalise(text);
  if (!q) return [];
  const known = names;
  const byId = (id: string) => known.some((k) => k.activity === id);
  const exact = (phrase: string): Activity[] => {
    const underscored = phrase.replace(/ /g, "_");
    if (byId(underscored)) return [underscored as Activity];
    const label = known.find((k) => normalise(k.label) === phrase);
    if (label) return [label.activity];
    return SYNONYMS[phrase] ?? [];
  };
  const whole = exact(q);
  if (whole.length) return whole;
  const words = q.split(" ").filter((w) => !FILLER.has(w));
  const rest = words.join(" ");
  if (rest && rest !== q) {
    const found = exact(rest);
    if (found.length) return found;
  }
  // Two-word phrases first ("steam room"), then single words.
  const out: Activity[] = [];
  const add = (list: Activity[]) => list.forEach((a) => out.includes(a) || out.push(a));
  for (let i = 0; i + 1 < words.length; i++) add(exact(`${words[i]} ${words[i + 1]}`));
  if (!out.length) for (const w of words) add(exact(w));
  if (!out.length) {
    // "swims", "saunas": try without a plural s.
    for (const w of words) if (w.endsWith("s")) add(exact(w.slice(0, -1)));
  }
  return out;
}

export interface Answer {
  verdict: Allowance | "unknown";
  /** "Swimming: not yet." */
  headline: string;
  /** "You can from Wed 16 Apr, in 27 days." */
  detail: string | null;
}

/** The one-line answer for an activity from the engine's status of a day. */
export function answerFor(a: ActivityStatus, f: Formats, todayIso?: string): Answer {
  if (a.status === "ok") {
    return { verdict: "ok", headline: `${a.label}: yes, that's fine today.`, detail: null };
  }
  if (a.status === "limited") {
    const cond = a.note ? `Yes, with care: ${a.note}.` : "Yes, with care.";
    return {
      verdict: "limited",
      headline: `${a.label}: ${cond.charAt(0).toLowerCase()}${cond.slice(1)}`,
      detail: fullyFineFrom(a, f, todayIso),
    };
  }
  let detail: string;
  if (a.allowed_from !== null && a.allowed_in_days !== null) {
    // Fine without conditions on the day it is allowed again, or only with care.
    detail = `It's fine ${a.ok_from !== a.allowed_from ? "with care " : ""}from ${f.when(a.allowed_from, a.allowed_in_days, todayIso)}.`;
  } else if (a.until_next_session) {
    detail = a.after_next_session ? "Not until after your next session." : "Not before your next session.";
  } else if (a.ask_clinic_from !== null) {
    detail = `Not before ${f.date(a.ask_clinic_from, todayIso)}, and your clinic's plan says nothing after that: ask them first.`;
  } else {
    detail = "Your clinic's plan gives no end date yet; ask your clinic.";
  }
  const why = a.note ? ` (${a.note})` : "";
  return { verdict: "avoid", headline: `${a.label}: not yet${why}.`, detail };
}

// ---------------------------------------------------------------- Errors

export interface Placed {
  /** The form field the message belongs next to, or null for the whole form. */
  field: string | null;
  message: string;
}

/**
 * Where an error goes: next to `field` when the backend names one the form
 * has (protocol file errors belong to the `file` field), else to the form.
 */
export function placeError(error: AppError, fields: string[]): Placed {
  if (error.kind === "invalid") {
    const field = error.field !== null && fields.includes(error.field) ? error.field : null;
    return { field, message: sentence(error.message) };
  }
  if (error.kind === "protocol") {
    return { field: fields.includes("file") ? "file" : null, message: protocolErrorText(error) };
  }
  if (error.kind === "store") return { field: null, message: `Your data could not be saved or read: ${error.message}` };
  return { field: null, message: sentence(error.message) };
}

/** A protocol file error as "Line 10, field “activity”: unknown activity …". */
export function protocolErrorText(error: Extract<AppError, { kind: "protocol" }>): string {
  const where = [
    error.line !== null ? `Line ${error.line}` : null,
    error.field !== null ? `field “${error.field}”` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${error.detail}` : sentence(error.detail);
}

// ---------------------------------------------------------------- Timeline

export const KIND_LABEL: Record<MilestoneKind, string> = {
  session: "Session",
  change: "Changes",
  prep: "Get ready",
  healed: "Fully healed",
  restrictions_over: "Restrictions over",
  touch_up: "Touch-up",
};

export type TimelineEntry =
  { type: "milestone"; milestone: Milestone; past: boolean; today: boolean } | { type: "today"; date: string };

/**
 * The milestones in order, each marked past or today, with a "today" marker
 * slotted in where today falls when no milestone is on it. ISO dates compare
 * as strings; nothing is counted.
 */
export function timelineEntries(milestones: Milestone[], todayIso: string): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let placed = false;
  for (const m of milestones) {
    if (!placed && m.date > todayIso) {
      out.push({ type: "today", date: todayIso });
      placed = true;
    }
    if (m.date === todayIso) placed = true;
    out.push({ type: "milestone", milestone: m, past: m.date < todayIso, today: m.date === todayIso });
  }
  if (!placed) out.push({ type: "today", date: todayIso });
  return out;
}

// ---------------------------------------------------------------- Sessions

/** When a preparation item stops holding, in words. */
export function prepUntil(item: Pick<PrepItem, "on_session_day">): string {
  return item.on_session_day ? "Until your session, and on the day itself" : "Until the day before your session";
}

/**
 * The checklist split by start date, soonest first (the engine's order),
 * so each group can be headed "From Fri 4 Apr".
 */
export function prepGroups(items: PrepItem[]): { from: string; startsInDays: number; items: PrepItem[] }[] {
  const out: { from: string; startsInDays: number; items: PrepItem[] }[] = [];
  for (const item of items) {
    // Items under way share one group: "Now".
    const key = item.starts_in_days === 0 ? "" : item.from;
    const last = out[out.length - 1];
    if (last && (last.startsInDays === 0 ? "" : last.from) === key) last.items.push(item);
    else out.push({ from: item.from, startsInDays: item.starts_in_days, items: [item] });
  }
  return out;
}

// ---------------------------------------------------------------- Protocol

export const STATUS_LABEL: Record<Allowance, string> = {
  avoid: "Avoid",
  limited: "With care",
  ok: "OK",
};

/** A rule's window in words: "Days 1–5 after each session". */
export function windowText(w: Window): string {
  const days = (from: number, to: number | null) =>
    to === null ? `From day ${from}` : from === to ? `Day ${from}` : `Days ${from}–${to}`;
  switch (w.scope) {
    case "after_each":
      return `${days(w.from_day, w.to_day)} after each session`;
    case "between":
      return `${days(w.from_day, w.to_day)} after a session, until the next one`;
    case "after_final":
      return `${days(w.from_day, w.to_day)} after your final session`;
    case "before_each": {
      const before =
        w.days_before === 0
          ? ""
          : w.days_before === 1
            ? "The day before each session"
            : `The ${w.days_before} days before each session`;
      if (!before) return w.session_day ? "On each session day" : "Before each session";
      return w.session_day ? `${before}, and the session day` : before;
    }
  }
}

/** Sort key of a window: preparation first, then by first day. */
function windowOrder(w: Window): number {
  switch (w.scope) {
    case "before_each":
      return -1000 - w.days_before;
    case "after_each":
      return w.from_day;
    case "between":
      return w.from_day + 0.25;
    case "after_final":
      return 10000 + w.from_day;
  }
}

/** The protocol's rules grouped by activity (engine order), each group by day. */
export function rulesByActivity(rules: Rule[], names: ActivityLabel[]): { activity: Activity; rules: Rule[] }[] {
  const groups = new Map<Activity, Rule[]>();
  for (const n of names) groups.set(n.activity, []);
  for (const r of rules) {
    if (!groups.has(r.activity)) groups.set(r.activity, []);
    groups.get(r.activity)!.push(r);
  }
  const out: { activity: Activity; rules: Rule[] }[] = [];
  for (const [activity, list] of groups) {
    if (list.length) out.push({ activity, rules: [...list].sort((a, b) => windowOrder(a) - windowOrder(b)) });
  }
  return out;
}

/** The display name of an activity, from the backend's list of names. */
export function activityName(a: Activity, names: ActivityLabel[]): string {
  return names.find((n) => n.activity === a)?.label ?? a;
}

// ---------------------------------------------------------------- Settings

/** Parts of the stored plan, as `ValueReset.field` names them; every other
 * field is a setting (or the whole settings document). */
const PLAN_FIELDS = ["session", "sessions", "planned", "protocol"];

/** Whether a reset is of a setting (repaired on the Settings screen). */
export function isSettingReset(r: ValueReset): boolean {
  return !PLAN_FIELDS.includes(r.field);
}

/** The banner for a stored value that could not be read: a title and the
 * screen where the client repairs it. */
export function resetBanner(r: ValueReset): { title: string; route: string; link: string } {
  switch (r.field) {
    case "session":
      return { title: "A session date could not be read", route: "sessions", link: "Open sessions" };
    case "sessions":
    case "planned":
      return { title: "Part of your plan could not be read", route: "sessions", link: "Open sessions" };
    case "protocol":
      return { title: "Your protocol choice could not be read", route: "protocol", link: "Choose your protocol" };
    default:
      return { title: "A setting was reset", route: "settings", link: "Open settings" };
  }
}

/** The digits and plus sign of a phone number, for a tel: link. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** A mailto: link for an address (validated by the backend). */
export function mailHref(email: string): string {
  return `mailto:${encodeURIComponent(email).replace(/%40/g, "@")}`;
}

/** The largest protocol file, as the hint says it ("64 KB"). */
export const MAX_PROTOCOL_KB = Math.floor(MAX_PROTOCOL_BYTES / 1024);

/** Refuses a file that is too big (the engine's limit) before it is read or sent. */
export function fileTooBig(size: number): string | null {
  if (size <= MAX_PROTOCOL_BYTES) return null;
  const kib = Math.ceil(size / 1024);
  return `This file is ${kib} KB; a protocol file can be at most ${MAX_PROTOCOL_KB} KB. Choose the protocol file your clinic gave you.`;
}

/** Refuses a file whose name is longer than the app keeps (`MAX_FILE_NAME_BYTES`, counted in UTF-8 bytes as the backend counts it). */
export function fileNameTooLong(name: string): string | null {
  if (new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES) return null;
  return `This file's name is too long (at most ${MAX_FILE_NAME_BYTES} bytes). Rename the file, then choose it again.`;
}
