// Pure view logic of the healing journal: symptom and level names, a day's
// levels in words, photo import progress, photo alt texts and which days the
// compare view shows. Days, day labels and editable flags all come from the
// backend; nothing here counts days.

import { MAX_PHOTO_BYTES } from "./bindings";
import type { CheckIn, Level, PhotoProgress, Symptom, Symptoms } from "./bindings";
import { t } from "./i18n";

/** The symptoms a check-in asks about, in the order it asks, with their message ids. */
const SYMPTOM_KEYS: readonly { id: Symptom; key: string }[] = [
  { id: "redness", key: "symptom-redness" },
  { id: "itching", key: "symptom-itching" },
  { id: "scabs", key: "symptom-scabs" },
  { id: "soreness", key: "symptom-soreness" },
  { id: "swelling", key: "symptom-swelling" },
  { id: "sunburn", key: "symptom-sunburn" },
];

/** The four levels, weakest first, with their message ids. */
const LEVEL_KEYS: readonly { id: Level; key: string }[] = [
  { id: "none", key: "level-none" },
  { id: "mild", key: "level-mild" },
  { id: "moderate", key: "level-moderate" },
  { id: "strong", key: "level-strong" },
];

/** The symptoms a check-in asks about, in the order it asks, named in the UI's language. */
export function symptoms(): { id: Symptom; label: string }[] {
  return SYMPTOM_KEYS.map(({ id, key }) => ({ id, label: t(key) }));
}

/** The four levels, weakest first, named in the UI's language. */
export function levels(): { id: Level; label: string }[] {
  return LEVEL_KEYS.map(({ id, key }) => ({ id, label: t(key) }));
}

/**
 * The most bytes a photo file may have (the backend's, 30 MB), checked in
 * the page too so that a huge file is never read.
 */
export { MAX_PHOTO_BYTES };

/** The file types the photo field offers (what the backend reads). */
export const PHOTO_TYPES = "image/jpeg,image/png,image/webp";

const levelLabel = (l: Level) => t(LEVEL_KEYS.find((x) => x.id === l)!.key).toLowerCase();

/** Every symptom at "none". */
export function noSymptoms(): Symptoms {
  return { redness: "none", itching: "none", scabs: "none", soreness: "none", swelling: "none", sunburn: "none" };
}

/** "Redness: mild" for each symptom felt, in asking order; empty when none was. */
export function symptomLines(s: Symptoms): string[] {
  return symptoms()
    .filter((x) => s[x.id] !== "none")
    .map((x) => t("symptom-line", { symptom: x.label, level: levelLabel(s[x.id]) }));
}

/** The words under a photo's progress bar. */
export function progressText(p: PhotoProgress): string {
  if (p.stage === "checking") return t("photo-checking");
  if (p.stage === "decoding") return t("photo-decoding");
  return t("photo-saving", { n: Math.min(p.done + 1, p.of), of: p.of });
}

/** How far along (0-1) a progress message is, for the bar. */
export function progressValue(p: PhotoProgress): number {
  if (p.stage === "checking") return 0.1;
  if (p.stage === "decoding") return 0.3;
  return p.of > 0 ? 0.3 + (0.7 * p.done) / p.of : 0.3;
}

/**
 * The page's own refusal of a file too large to read, in the backend's
 * words; null when it may be sent.
 */
export function tooLarge(bytes: number): string | null {
  if (bytes <= MAX_PHOTO_BYTES) return null;
  // Rounded UP to a tenth, as the backend does (photos/sniff.rs), so a file
  // just over the limit never reads "30.0 MB; the most is 30 MB".
  const mb = Math.ceil(bytes / 100_000) / 10;
  return t("photo-too-large", { mb, max: MAX_PHOTO_BYTES / 1_000_000 });
}

/** "Scalp photo, Day 6 after session 2, Thu 12 Mar" (with its place when a day has several). */
export function photoAlt(entry: CheckIn, shownDate: string, index = 0): string {
  const args = { day: entry.day_label, date: shownDate, n: index + 1, of: entry.photos.length };
  return t(entry.photos.length > 1 ? "photo-alt-nth" : "photo-alt", args);
}

/**
 * The two entries the compare view opens on: the first check-in and
 * today's (else the latest). Indices into `entries` (oldest first); null
 * when there is none.
 */
export function compareDefaults(entries: CheckIn[], today: string): [number, number] | null {
  if (!entries.length) return null;
  const todays = entries.findIndex((e) => e.date === today);
  return [0, todays >= 0 ? todays : entries.length - 1];
}

/** The index `delta` days of check-ins away, kept within the list. */
export function stepIndex(index: number, delta: number, length: number): number {
  return Math.max(0, Math.min(length - 1, index + delta));
}

/**
 * A horizontal swipe's direction: +1 (to the next day) for a swipe to the
 * left, -1 for one to the right, 0 when it is too short or mostly vertical.
 */
export function swipeDirection(dx: number, dy: number, min = 40): -1 | 0 | 1 {
  if (Math.abs(dx) < min || Math.abs(dx) <= Math.abs(dy) * 1.5) return 0;
  return dx < 0 ? 1 : -1;
}
