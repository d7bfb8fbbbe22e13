// The fake backend's healing journal (test-only): check-ins kept in memory,
// photos kept as data: URLs of the bytes the page sent, red-flag cards for
// a couple of symptom levels, and the share dialog answered by the test's
// config. Errors use the real commands' shapes and field names ("date",
// "note", "photos"); the day labels stand in for the engine's.

import type { Channel } from "@tauri-apps/api/core";
import {
  type AppError,
  type Problem,
  type CheckIn,
  type Journal,
  type Level,
  type PhotoProgress,
  type PhotoRef,
  type RedFlagCard,
  type Symptoms,
  MAX_NOTE_CHARS,
  MAX_PHOTO_BYTES,
} from "../../src/bindings";

/** Three tiny real PNGs (8×6, skin-ish colours) for the seeded days. */
export const SEED_PNGS = [
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4UZGHFTEMpAQAsa9QobMP6Y4AAAAASUVORK5CYII=",
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGPY19OEFTEMpAQAUg1WQRHyHscAAAAASUVORK5CYII=",
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGNYNa0HK2IYSAkATG1WQTqnfosAAAAASUVORK5CYII=",
];

interface Stored {
  symptoms: Symptoms;
  note: string;
  photos: string[];
}

/** A refusal as the backend sends it: the UI words `problem`; `message` is only for logs. */
const invalid = (field: string, problem: Problem): AppError => ({
  kind: "invalid",
  field,
  problem,
  message: problem.problem,
});
const none = (): Symptoms => ({
  redness: "none",
  itching: "none",
  scabs: "none",
  soreness: "none",
  swelling: "none",
  sunburn: "none",
});
const strongish = (l: Level) => l === "moderate" || l === "strong";

/** What the fake knows of the rest of the app. */
export interface JournalEnv {
  today(): string;
  yesterday(): string;
  /** Session dates, oldest first. */
  sessions(): string[];
  /** The share dialog is cancelled. */
  shareCancelled(): boolean;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The photo's type from its first bytes, as the backend sniffs it. */
function sniff(bytes: Uint8Array): string | null {
  const starts = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "image/webp";
  return null;
}

/** A short, stable stand-in for the SHA-256 the backend names a photo by. */
function hashOf(data: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < data.length; i++) {
    h1 = Math.imul(h1 ^ data.charCodeAt(i), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ data.charCodeAt(i), 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0")).repeat(4);
}

export function createJournal(env: JournalEnv, seed: boolean) {
  const state = {
    checkIns: {} as Record<string, Stored>,
    photos: {} as Record<string, PhotoRef>,
    /** The dates of the last journal_share call. */
    shared: null as string[] | null,
  };

  function photoFrom(base64: string): PhotoRef {
    const hash = hashOf(base64);
    const bytes = Uint8Array.from(atob(base64.slice(0, 24)), (c) => c.charCodeAt(0));
    const url = `data:${sniff(bytes) ?? "image/png"};base64,${base64}`;
    const ref = { hash, width: 8, height: 6, thumb_url: url, screen_url: url };
    state.photos[hash] = ref;
    return ref;
  }

  function where(date: string): { day: number | null; session: number | null; day_label: string } {
    const sessions = env.sessions().filter((s) => s <= date);
    if (!sessions.length) return { day: null, session: null, day_label: "Before your first session" };
    const day = daysBetween(sessions.at(-1)!, date) + 1;
    return { day, session: sessions.length, day_label: `Day ${day} after session ${sessions.length}` };
  }

  function redFlags(date: string, s: Symptoms): RedFlagCard[] {
    const out: RedFlagCard[] = [];
    const { day } = where(date);
    if (s.redness === "strong" && day !== null && day >= 4) {
      out.push({
        id: "redness-late",
        source: "clinic",
        symptom: "redness",
        headline: `Still very red on day ${day}`,
        meaning: "Redness usually fades in the first few days. Strong redness after that is worth showing your clinic.",
        action: "Send your clinic a photo today.",
      });
    }
    if (strongish(s.swelling)) {
      out.push({
        id: "general-infection",
        source: "general",
        symptom: "swelling",
        headline: "Swelling can be a sign of infection",
        meaning: "Swelling that grows, with heat, pus or a fever, can mean an infection.",
        action: "If it grows or you feel unwell, see a doctor today and tell your clinic.",
      });
    }
    return out;
  }

  const editable = (date: string) => date === env.today() || date === env.yesterday();

  function view(date: string): CheckIn {
    const s = state.checkIns[date];
    return {
      date,
      ...where(date),
      symptoms: s ? { ...s.symptoms } : none(),
      note: s?.note ?? "",
      photos: (s?.photos ?? []).map((h) => ({ ...state.photos[h]! })),
      editable: editable(date),
      saved: !!s,
      red_flags: s ? redFlags(date, s.symptoms) : [],
    };
  }

  function parseDate(text: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalid("date", { problem: "not_a_date", text });
    return text;
  }

  if (seed) {
    const [a, b, c] = SEED_PNGS.map((p) => photoFrom(p).hash) as [string, string, string];
    state.checkIns["2025-03-07"] = {
      symptoms: { ...none(), redness: "moderate", soreness: "mild" },
      note: "",
      photos: [a],
    };
    state.checkIns["2025-03-12"] = { symptoms: none(), note: "Looks calm.", photos: [b] };
    state.checkIns["2025-03-18"] = {
      symptoms: { ...none(), redness: "mild", itching: "mild" },
      note: "A bit itchy after the gym.",
      photos: [],
    };
    state.checkIns["2025-03-19"] = { symptoms: { ...none(), scabs: "mild" }, note: "", photos: [c] };
  }

  const handlers: Record<string, (args: Record<string, unknown>) => unknown> = {
    check_in_get({ date }) {
      return view(date === null || date === undefined ? env.today() : parseDate(String(date)));
    },
    check_in_save({ date, symptoms, note, photos }) {
      const d = parseDate(String(date));
      if (!editable(d)) {
        throw invalid("date", { problem: d > env.today() ? "check_in_too_early" : "check_in_too_late", date: d });
      }
      const n = String(note);
      if ([...n].length > MAX_NOTE_CHARS)
        throw invalid("note", { problem: "too_long", what: "note", most: MAX_NOTE_CHARS, unit: "characters" });
      const hashes = photos as string[];
      const unknown = hashes.find((h) => !state.photos[h]);
      if (unknown) throw invalid("photos", { problem: "photo_gone", number: hashes.indexOf(unknown) + 1 });
      state.checkIns[d] = { symptoms: { ...(symptoms as Symptoms) }, note: n, photos: [...hashes] };
      return view(d);
    },
    check_in_delete({ date }) {
      const d = parseDate(String(date));
      if (!editable(d)) {
        throw invalid("date", { problem: d > env.today() ? "check_in_too_early" : "check_in_too_late", date: d });
      }
      delete state.checkIns[d];
      return null;
    },
    journal(): Journal {
      const entries = Object.keys(state.checkIns)
        .sort()
        .map((d) => view(d));
      return { today: env.today(), entries };
    },
    async photo_add({ data, onProgress }) {
      const ch = onProgress as Channel<PhotoProgress>;
      const send = (m: PhotoProgress) => ch.onmessage(m);
      const base64 = String(data);
      send({ stage: "checking" });
      const size = Math.floor((base64.length * 3) / 4);
      if (size > MAX_PHOTO_BYTES) {
        throw invalid("photos", {
          problem: "photo_too_large",
          megabytes: Math.ceil(size / 1_000_000),
          most: MAX_PHOTO_BYTES / 1_000_000,
        });
      }
      let bytes: Uint8Array;
      try {
        bytes = Uint8Array.from(atob(base64.slice(0, 24)), (c) => c.charCodeAt(0));
      } catch {
        throw invalid("photos", { problem: "photo_incomplete" });
      }
      if (!sniff(bytes)) {
        // The backend names a text file as such; anything else is "not a photo".
        const text = /^[\t\n\r\x20-\x7e]*$/.test(String.fromCharCode(...bytes));
        throw invalid("photos", { problem: "photo_refused", fault: text ? "text" : "not_an_image" });
      }
      // A PNG cut short has no IEND chunk at its end.
      if (sniff(bytes) === "image/png" && !atob(base64.slice(-16)).includes("IEND")) {
        throw invalid("photos", { problem: "photo_refused", fault: "damaged" });
      }
      send({ stage: "decoding" });
      // A moment per stage, so the page shows its progress bar.
      await new Promise((r) => setTimeout(r, 30));
      send({ stage: "saving", done: 0, of: 3 });
      send({ stage: "saving", done: 1, of: 3 });
      send({ stage: "saving", done: 2, of: 3 });
      send({ stage: "saving", done: 3, of: 3 });
      return photoFrom(base64);
    },
    journal_share({ dates }) {
      const list = (dates as string[]).map((d) => parseDate(String(d)));
      if (!list.length) throw invalid("dates", { problem: "no_day_chosen" });
      const missing = list.find((d) => !state.checkIns[d]);
      if (missing) throw invalid("dates", { problem: "no_check_in", date: missing });
      if (env.shareCancelled()) return null;
      state.shared = list;
      return "/home/client/Documents/smp-aftercare-journal.html";
    },
  };

  /** Overview's journal fields: whether today is done, and the open cards. */
  function overviewFields(): { checked_in_today: boolean; red_flags: RedFlagCard[] } {
    const today = env.today();
    const open = state.checkIns[today] ? today : state.checkIns[env.yesterday()] ? env.yesterday() : null;
    return {
      checked_in_today: !!state.checkIns[today],
      red_flags: open ? redFlags(open, state.checkIns[open]!.symptoms) : [],
    };
  }

  return { state, handlers, overviewFields };
}
