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
  HandoverFault,
  Input,
  Milestone,
  MilestoneKind,
  Meaning,
  NeededFor,
  PhotoFault,
  PrepItem,
  Problem,
  Protocol,
  Rule,
  ValueReset,
  Vocabulary,
  Window,
} from "./bindings";
import { MAX_FILE_NAME_BYTES, MAX_PROTOCOL_BYTES } from "./bindings";
import { dateProblemText } from "./dateEntry";
import { createFormats, type Formats, sentence } from "./format";
import { locale as appLocale, t } from "./i18n";

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
  if (status.healed) return t("day-healed");
  if (status.restrictions_over) return t("day-restrictions-over");
  if (status.day === null || status.session === null) return t("day-before-first");
  const args = { day: status.day, session: status.session, planned: status.planned };
  if (status.day === 1) return t("day-session-today", args);
  return t("day-after-session", args);
}

/** When an avoided activity becomes allowed: "from Sat 22 Mar, in 2 days". */
export function avoidUntil(a: ActivityStatus, f: Formats, todayIso?: string): string {
  if (a.allowed_from !== null && a.allowed_in_days !== null) {
    return t("avoid-from", { when: f.when(a.allowed_from, a.allowed_in_days, todayIso) });
  }
  if (a.until_next_session) return t(a.after_next_session ? "avoid-until-after-next" : "avoid-until-next");
  if (a.ask_clinic_from !== null) return t("avoid-ask-from", { date: f.date(a.ask_clinic_from, todayIso) });
  return t("avoid-no-end");
}

/**
 * For an activity that is avoided or limited now: the date it is fine with no
 * condition, when that is later than the date it is first allowed.
 */
export function fullyFineFrom(a: ActivityStatus, f: Formats, todayIso?: string): string | null {
  if (a.status === "limited" && a.lasting) return t("fine-lasting");
  if (a.status === "limited" && a.ok_from === null && a.ask_clinic_from !== null) {
    return t("fine-silent-from", { date: f.date(a.ask_clinic_from, todayIso) });
  }
  if (a.status === "ok" || a.ok_from === null) return null;
  if (a.status === "avoid" && a.ok_from === a.allowed_from) return null;
  return t("fine-from", { date: f.date(a.ok_from, todayIso) });
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
  const count = rest.length;
  if (!dates.length) return t("fold-longer", { count });
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const date = f.date(latest, todayIso);
  return t(dates.length < count ? "fold-until-or-longer" : "fold-until", { count, date });
}

// ---------------------------------------------------------------- Can I...?

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
  "is",
  "it",
  "ok",
  "okay",
  "fine",
  "still",
  "yet",
  "should",
  "could",
  "would",
  "what",
  "about",
  "if",
  "of",
  "with",
]);

/** Lower case, no punctuation around words, single spaces (as `aftercare::words::normalise`). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s'-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the text names anything beyond filler words ("can I?" does not). */
export function hasQuestion(text: string): boolean {
  return normalise(text)
    .split(" ")
    .some((w) => w && !FILLER.has(w));
}

/**
 * The edit distance of `a` and `b` (optimal string alignment, a form of
 * Damerau-Levenshtein): a letter missing, extra, changed, or two neighbours
 * swapped each count 1, except that a changed letter counts `substitution`.
 */
export function editDistance(a: string, b: string, substitution = 1): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (same ? 0 : substitution));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How many typing slips a word may have and still match a known word of
 * that length: none up to 2 letters, 1 up to 5, 2 from 6. A short word
 * has so many neighbours that a changed letter is a different word ("rum"
 * is not "run", "bed" is not "red"), so up to 4 letters a match must keep
 * the first letter, and up to 3 a changed letter counts 2 (only a letter
 * missing, extra or two swapped get through).
 */
export function typoMatch(typed: string, known: string): number | null {
  const len = Math.min(typed.length, known.length);
  const allowance = len <= 2 ? 0 : len <= 5 ? 1 : 2;
  if (allowance === 0) return typed === known ? 0 : null;
  if (len <= 4 && typed[0] !== known[0]) return null;
  const distance = editDistance(typed, known, len <= 3 ? 2 : 1);
  return distance <= allowance ? distance : null;
}

/**
 * The meanings of what the client typed, from the engine's word list
 * (`src/activity_words.toml`, through the `activities` command): the
 * whole text, then without filler words, then two-word phrases, single
 * words and singulars, and last words one or two slips off a known word
 * (`typoMatch`). A slip that is as close to two different entries matches
 * neither. Empty when nothing matches.
 */
export function lookupMeanings(text: string, vocabulary: Vocabulary): Meaning[] {
  const q = normalise(text);
  if (!q) return [];
  const index = new Map<string, Meaning>();
  for (const e of vocabulary.entries) {
    const { words, ...meaning } = e;
    for (const w of words) index.set(w, meaning as Meaning);
  }
  const out: Meaning[] = [];
  const add = (m: Meaning | undefined) => {
    if (m && !out.some((o) => JSON.stringify(o) === JSON.stringify(m))) out.push(m);
  };
  const whole = index.get(q);
  if (whole) return [whole];
  const words = q.split(" ").filter((w) => !FILLER.has(w));
  const rest = words.join(" ");
  const restHit = rest ? index.get(rest) : undefined;
  if (restHit) return [restHit];
  // Phrases of four to two words first, filler included ("work out",
  // "energy drinks"), then the other single words without filler.
  const tokens = q.split(" ");
  const used = new Set<number>();
  for (const n of [4, 3, 2]) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if ([...Array(n).keys()].some((k) => used.has(i + k))) continue;
      const m = index.get(tokens.slice(i, i + n).join(" "));
      if (m) {
        add(m);
        for (let k = 0; k < n; k++) used.add(i + k);
      }
    }
  }
  tokens.forEach((w, i) => used.has(i) || FILLER.has(w) || add(index.get(w)));
  if (out.length) return out;
  // "swims", "saunas": try without a plural s.
  for (const w of words) if (w.endsWith("s")) add(index.get(w.slice(0, -1)));
  if (out.length) return out;
  // Typing slips: the whole phrase, then each word.
  const closest = (typed: string): Meaning | undefined => {
    let best = Infinity;
    let found: Meaning[] = [];
    for (const [known, m] of index) {
      if (known.includes(" ") !== typed.includes(" ")) continue;
      const d = typoMatch(typed, known);
      if (d === null || d > best) continue;
      if (d < best) [best, found] = [d, []];
      if (!found.includes(m)) found.push(m);
    }
    return found.length === 1 ? found[0] : undefined;
  };
  if (rest.includes(" ")) add(closest(rest));
  if (out.length) return out;
  for (const w of words) add(closest(w));
  return out;
}

/**
 * The activities a typed word or phrase is about (the word list's
 * `status` and `part` entries). Empty when unknown or not an activity.
 */
export function lookupActivities(text: string, vocabulary: Vocabulary): Activity[] {
  const out: Activity[] = [];
  for (const m of lookupMeanings(text, vocabulary)) {
    const ids = m.answer === "status" ? m.activities : m.answer === "part" ? [m.activity] : [];
    for (const id of ids) if (!out.includes(id)) out.push(id);
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
    return { verdict: "ok", headline: t("answer-ok", { label: a.label }), detail: null };
  }
  if (a.status === "limited") {
    return {
      verdict: "limited",
      headline: a.note ? t("answer-care-note", { label: a.label, note: a.note }) : t("answer-care", { label: a.label }),
      detail: fullyFineFrom(a, f, todayIso),
    };
  }
  let detail: string;
  if (a.allowed_from !== null && a.allowed_in_days !== null) {
    // Fine without conditions on the day it is allowed again, or only with care.
    const when = f.when(a.allowed_from, a.allowed_in_days, todayIso);
    detail = t(a.ok_from !== a.allowed_from ? "answer-fine-care-from" : "answer-fine-from", { when });
  } else if (a.until_next_session) {
    detail = t(a.after_next_session ? "answer-not-until-after-next" : "answer-not-before-next");
  } else if (a.ask_clinic_from !== null) {
    detail = t("answer-not-before-ask", { date: f.date(a.ask_clinic_from, todayIso) });
  } else {
    detail = t("answer-no-end");
  }
  const headline = a.note
    ? t("answer-not-yet-note", { label: a.label, note: a.note })
    : t("answer-not-yet", { label: a.label });
  return { verdict: "avoid", headline, detail };
}

/** One answer of "Can I…?", as data: a screen or a test words it the same way. */
export interface Reply {
  /** How it is coloured: a status, "info" (what the clinic said), "unknown" (ask the clinic). */
  verdict: Allowance | "info" | "unknown";
  headline: string;
  /** Further lines, in order. */
  details: string[];
  /** Whether to show the clinic's phone and email under it. */
  contact: boolean;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Never "fine" for what no rule says: the clinic's aftercare is silent, so ask. */
function unmentioned(label: string, today = true): Reply {
  return {
    verdict: "unknown",
    headline: t(today ? "answer-unmentioned-today" : "answer-unmentioned", { label }),
    details: [t("answer-ask-first")],
    contact: true,
  };
}

function fromAnswer(a: Answer): Reply {
  return { verdict: a.verdict, headline: a.headline, details: a.detail ? [a.detail] : [], contact: false };
}

/**
 * A part of an activity ("shampoo" of washing): avoided or fine with it, but
 * where the activity is allowed only with care, the condition may rule the
 * part out ("no shampoo"), so the answer gives the condition and no "yes".
 */
function partReply(label: string, a: ActivityStatus, f: Formats, todayIso?: string): Reply {
  const whole = lower(a.label);
  if (a.status === "ok") {
    return { verdict: "ok", headline: t("part-ok", { label, whole }), details: [], contact: false };
  }
  if (a.status === "avoid") {
    const details: string[] = [];
    if (a.ok_from !== null) details.push(t("part-fine-again", { whole: a.label, date: f.date(a.ok_from, todayIso) }));
    else details.push(t("part-ask-when", { part: label.toLowerCase() }));
    return {
      verdict: "avoid",
      headline: a.note ? t("part-on-hold-note", { label, whole, note: a.note }) : t("part-on-hold", { label, whole }),
      details,
      contact: false,
    };
  }
  const details: string[] = [];
  const later = fullyFineFrom(a, f, todayIso);
  if (later) details.push(later);
  details.push(t("part-if-unsettled", { part: label.toLowerCase() }));
  return {
    verdict: "limited",
    headline: a.note ? t("part-care-note", { label, whole, note: a.note }) : t("part-care", { label, whole }),
    details,
    contact: false,
  };
}

/** What a topic of the protocol's `[[advice]]` says, or that it says nothing. */
function adviceReply(m: Extract<Meaning, { answer: "advice" }>, protocol: Protocol | null): Reply {
  const advice = protocol?.advice.find((a) => a.topic === m.topic);
  if (m.symptom) {
    if (!advice) {
      return {
        verdict: "unknown",
        headline: t("symptom-undescribed", { label: m.label }),
        details: [t("symptom-if-worried")],
        contact: true,
      };
    }
    return {
      verdict: "info",
      headline: t("advice-says", { label: m.label, note: advice.note }),
      details: [t("symptom-call-if")],
      contact: true,
    };
  }
  if (!advice) return unmentioned(m.label, false);
  return {
    verdict: "info",
    headline: t("advice-says", { label: m.label, note: advice.note }),
    details: [t("advice-not-covered")],
    contact: false,
  };
}

/**
 * The answers to what the client typed, from today's status and the
 * protocol's advice. An unknown word is answered too: the clinic's
 * aftercare doesn't mention it, so ask them.
 */
export function replies(
  text: string,
  status: DayStatus,
  protocol: Protocol | null,
  vocabulary: Vocabulary,
  f: Formats,
  todayIso?: string,
): Reply[] {
  const found = lookupMeanings(text, vocabulary);
  if (!found.length) {
    return [
      {
        verdict: "unknown",
        headline: t("answer-unknown-word", { text: text.trim() }),
        details: [t("answer-ask-first"), t("answer-try-another")],
        contact: true,
      },
    ];
  }
  const out: Reply[] = [];
  const today = (id: Activity) => status.activities.find((s) => s.activity === id);
  // "beach and sun": one answer per activity, however many words name it.
  const asked = new Set<Activity>();
  for (const m of found) {
    if (m.answer === "status") {
      for (const id of m.activities) {
        if (asked.has(id)) continue;
        asked.add(id);
        const a = today(id);
        out.push(a ? fromAnswer(answerFor(a, f, todayIso)) : unmentioned(activityName(id, vocabulary.activities)));
      }
    } else if (m.answer === "part") {
      const a = today(m.activity);
      out.push(a ? partReply(m.label, a, f, todayIso) : unmentioned(m.label));
    } else if (m.answer === "advice") {
      out.push(adviceReply(m, protocol));
    } else {
      out.push(unmentioned(m.label, false));
    }
  }
  return out;
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
    return { field, message: problemText(error.problem) };
  }
  if (error.kind === "date") {
    // A typed date that is not one, or a day already booked: worded here,
    // with the date in the device's locale.
    const field = fields.includes(error.field) ? error.field : null;
    return { field, message: dateProblemText(error.problem, (iso) => createFormats().longDate(iso)) };
  }
  if (error.kind === "protocol") {
    return { field: fields.includes("file") ? "file" : null, message: protocolErrorText(error) };
  }
  // A sentence in the client's language, then the technical detail (English).
  if (error.kind === "store") return { field: null, message: t("error-store", { message: error.message }) };
  if (error.kind === "not_found") return { field: null, message: t("error-not-found", { message: error.message }) };
  return { field: null, message: t("error-io", { message: error.message }) };
}

/** The words of a value a "too long" refusal names ("the note"), by the name it crosses IPC with. */
const INPUT_KEY: Record<Input, string> = {
  file_name: "error-what-file-name",
  protocol_file: "error-what-protocol-file",
  protocol_id: "error-what-protocol-id",
  date: "error-what-date",
  care_id: "error-what-care-id",
  reminder_time: "error-what-reminder-time",
  quiet_start: "error-what-quiet-start",
  quiet_end: "error-what-quiet-end",
  zone: "error-what-zone",
  language: "error-what-language",
  clinic_name: "error-what-clinic-name",
  clinic_phone: "error-what-clinic-phone",
  clinic_email: "error-what-clinic-email",
  clinic_address: "error-what-clinic-address",
  note: "error-what-note",
  photo_id: "error-what-photo-id",
  file_path: "error-what-file-path",
};

const PHOTO_KEY: Record<PhotoFault, string> = {
  empty: "error-photo-empty",
  heic: "error-photo-heic",
  avif: "error-photo-avif",
  video: "error-photo-video",
  gif: "error-photo-gif",
  pdf: "error-photo-pdf",
  tiff: "error-photo-tiff",
  bmp: "error-photo-bmp",
  zip: "error-photo-zip",
  text: "error-photo-text",
  not_an_image: "error-photo-not-an-image",
  unreadable: "error-photo-unreadable",
  too_large: "error-photo-too-big",
  damaged: "error-photo-damaged",
  not_saved: "error-photo-not-saved",
};

const NEEDED_FOR_KEY: Record<NeededFor, string> = {
  check_in: "error-no-session-check-in",
  calendar: "error-no-session-calendar",
  care: "error-no-session-care",
};

const HANDOVER_KEY: Record<HandoverFault, string> = {
  not_a_link: "error-handover-not-a-link",
  damaged: "error-handover-damaged",
  too_long: "error-handover-too-long",
  too_large: "error-handover-too-large",
  newer: "error-handover-newer",
  not_a_plan: "error-handover-not-a-plan",
  pdf: "error-handover-pdf",
  picture: "error-handover-picture",
  binary: "error-handover-binary",
  nonsense: "error-handover-nonsense",
};

/**
 * A refused input in the client's words: every problem the app can send
 * has its sentence (a new one fails the type check below), with dates and
 * numbers in the app's locale through Intl.
 */
export function problemText(problem: Problem, locale = appLocale()): string {
  const formats = createFormats(locale);
  const numbers = new Intl.NumberFormat(locale);
  const n = (value: number) => numbers.format(value);
  const day = (iso: string) => formats.longDate(iso);
  switch (problem.problem) {
    case "too_long":
      return sentence(
        t("error-too-long", { what: t(INPUT_KEY[problem.what]), most: n(problem.most), unit: problem.unit }),
      );
    case "range_backwards":
      return sentence(t("error-range-backwards", { from: day(problem.from), to: day(problem.to) }));
    case "range_too_long":
      return t("error-range-too-long", {
        from: day(problem.from),
        to: day(problem.to),
        days: n(problem.days),
        most: n(problem.most),
      });
    case "too_many_sessions":
      return t("error-too-many-sessions", { most: n(problem.most) });
    case "too_many_photos":
      return t("error-too-many-photos", { most: n(problem.most), over: n(problem.over) });
    case "photo_too_large":
      return t("error-photo-too-large", { megabytes: n(problem.megabytes), most: n(problem.most) });
    case "photo_refused":
      return t(PHOTO_KEY[problem.fault]);
    case "photo_incomplete":
      return t("error-photo-incomplete");
    case "photo_gone":
      return t("error-photo-gone", { number: n(problem.number) });
    case "too_many_days":
      // Counts that choose a plural go to Fluent as numbers (it formats them with Intl).
      return t("error-too-many-days", { asked: n(problem.asked), held: problem.held });
    case "no_day_chosen":
      return t("error-no-day-chosen");
    case "no_check_in":
      return t("error-no-check-in", { date: day(problem.date) });
    case "no_session_yet":
      return t(NEEDED_FOR_KEY[problem.needed_for]);
    case "check_in_too_early":
      return sentence(t("error-check-in-too-early", { date: day(problem.date) }));
    case "check_in_too_late":
      return t("error-check-in-too-late", { date: day(problem.date) });
    case "nothing_to_tick":
      return t("error-nothing-to-tick", { label: problem.label });
    case "ticks_full":
      return t(problem.clinic_most ? "error-ticks-full-clinic" : "error-ticks-full-app", {
        label: problem.label,
        most: n(problem.most),
      });
    case "not_asked_today":
      return t("error-not-asked-today", { care: problem.care });
    case "quiet_hours_empty":
      return t("error-quiet-hours-empty", { start: problem.start, end: problem.end });
    case "unknown_language":
      return t("error-unknown-language", { text: problem.text });
    case "not_a_phone":
      return t("error-not-a-phone", { text: problem.text });
    case "not_an_email":
      return t("error-not-an-email", { text: problem.text });
    case "launch_at_login_failed":
      return sentence(t("error-launch-at-login", { detail: problem.detail }));
    case "not_a_date":
      return t("error-not-a-date", { text: problem.text });
    case "not_a_time":
      return t("error-not-a-time", { text: problem.text });
    case "unknown_zone":
      return t("error-unknown-zone", { text: problem.text });
    case "unknown_protocol":
      return t("error-unknown-protocol", { id: problem.id });
    case "no_sessions":
      return t("error-no-sessions");
    case "session_twice":
      return t("error-session-twice", { date: day(problem.date) });
    case "planned_out_of_range":
      return t("error-planned-out-of-range", { planned: n(problem.planned), most: n(problem.most) });
    case "planned_too_few":
      return t("error-planned-too-few", { planned: problem.planned, sessions: n(problem.sessions) });
    case "not_a_protocol":
      return t("error-not-a-protocol", { file: problem.file });
    case "handover": {
      const lead = t(HANDOVER_KEY[problem.fault], { from: problem.from });
      // The engine's English names the value at fault: for the clinic, after
      // the sentence the client reads.
      return problem.detail === null
        ? lead
        : `${lead} ${sentence(t("error-handover-detail", { detail: problem.detail }))}`;
    }
    case "plan_changed":
      return t("error-plan-changed");
    case "file_unreadable":
      return t("error-file-unreadable", { name: problem.name, reason: problem.reason });
    case "not_a_file":
      return t("error-not-a-file", { name: problem.name });
    default: {
      const unknown: never = problem;
      return String(unknown);
    }
  }
}

/** A protocol file error as "Line 10, field “activity”: unknown activity …". */
export function protocolErrorText(error: Extract<AppError, { kind: "protocol" }>): string {
  const { line, field, detail } = error;
  // Line numbers as written, never grouped ("1,204").
  if (line !== null && field !== null) return t("error-protocol-line-field", { line: String(line), field, detail });
  if (line !== null) return t("error-protocol-line", { line: String(line), detail });
  if (field !== null) return t("error-protocol-field", { field, detail });
  return sentence(detail);
}

// ---------------------------------------------------------------- Timeline

const KIND_KEY: Record<MilestoneKind, string> = {
  session: "kind-session",
  change: "kind-change",
  prep: "kind-prep",
  healed: "kind-healed",
  restrictions_over: "kind-restrictions-over",
  touch_up: "kind-touch-up",
};

/** A milestone's kind in words: "Changes". */
export function kindLabel(kind: MilestoneKind): string {
  return t(KIND_KEY[kind]);
}

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
  return t(item.on_session_day ? "prep-until-day" : "prep-until-before");
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

const STATUS_KEY: Record<Allowance, string> = {
  avoid: "status-avoid",
  limited: "status-limited",
  ok: "status-ok",
};

/** A rule's status in words: "With care". */
export function statusLabel(status: Allowance): string {
  return t(STATUS_KEY[status]);
}

/** A rule's window in words: "Days 1–5 after each session". */
export function windowText(w: Window): string {
  const days = (from: number, to: number | null) =>
    to === null
      ? t("window-from-day", { from })
      : from === to
        ? t("window-day", { from })
        : t("window-days", { from, to });
  switch (w.scope) {
    case "after_each":
      return t("window-after-each", { days: days(w.from_day, w.to_day) });
    case "between":
      return t("window-between", { days: days(w.from_day, w.to_day) });
    case "after_final":
      return t("window-after-final", { days: days(w.from_day, w.to_day) });
    case "before_each": {
      if (w.days_before === 0) return t(w.session_day ? "window-on-session-day" : "window-before-each");
      const count = w.days_before;
      return t(w.session_day ? "window-days-before-and-day" : "window-days-before", { count });
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
      return { title: t("reset-session"), route: "sessions", link: t("reset-open-sessions") };
    case "sessions":
    case "planned":
      return { title: t("reset-plan"), route: "sessions", link: t("reset-open-sessions") };
    case "protocol":
      return { title: t("reset-protocol"), route: "protocol", link: t("reset-choose-protocol") };
    default:
      return { title: t("reset-setting"), route: "settings", link: t("reset-open-settings") };
  }
}

/** What happened to a stored value that could not be read, and what is
 * used instead, in the client's language (the store words it only in
 * English, for the log). The engine's reason, when it refused the value,
 * follows as its own sentence. */
export function resetText(r: ValueReset): string {
  const reason = r.reason ? placeError(r.reason, []).message : "";
  const args = { stored: r.stored, used: r.used ?? "", reason };
  const text = (() => {
    switch (r.field) {
      case "session":
        return t("reset-text-session", args);
      case "sessions":
        return t("reset-text-sessions", args);
      case "planned":
        // Read but not usable (no reason), or refused by the engine.
        return r.reason ? t("reset-text-plan", args) : t("reset-text-planned", args);
      case "protocol":
        return t("reset-text-protocol", args);
      case "settings":
        return t("reset-text-settings", args);
      default:
        return t("reset-text-setting", { ...args, field: r.field });
    }
  })();
  return text.trim();
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
  return t("file-too-big", { kib, max: MAX_PROTOCOL_KB });
}

/** Refuses a file whose name is longer than the app keeps (`MAX_FILE_NAME_BYTES`, counted in UTF-8 bytes as the backend counts it). */
export function fileNameTooLong(name: string): string | null {
  if (new TextEncoder().encode(name).length <= MAX_FILE_NAME_BYTES) return null;
  return t("file-name-too-long", { max: MAX_FILE_NAME_BYTES });
}
