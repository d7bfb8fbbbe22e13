// Dates and relative days for display, in the app's language through Intl
// (i18n.ts's `locale()`: the device's locale when it speaks that language).
// Day counts always come from the engine (`allowed_in_days`, `in_days`); this
// module only turns them into words, and never counts days itself.

import { locale as appLocale } from "./i18n";

/** A `YYYY-MM-DD` calendar date as a local Date at noon, for formatting only. */
export function parseDay(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

export interface Formats {
  /** "Sat 22 Mar" (with the year when it is not `todayIso`'s year). */
  date(iso: string, todayIso?: string): string;
  /** "Thursday 20 March 2025". */
  longDate(iso: string): string;
  /** The engine's day count in words: "today", "tomorrow", "in 27 days". */
  inDays(days: number): string;
  /** "Sat 22 Mar, in 2 days". */
  when(iso: string, days: number, todayIso?: string): string;
  /** A local date-time ("2025-03-21T09:00:00+00:00") as "Fri 21 Mar, 09:00". */
  dateTime(local: string): string;
}

/**
 * Formatters for `locale` (by default the app's: `i18n.locale()`). Each Intl
 * format is made the first time it is used: making one loads the locale's
 * data, and a start makes only those its first screen shows (issue 14).
 */
export function createFormats(locale = appLocale()): Formats {
  const short = once(() => new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short" }));
  const shortYear = once(
    () => new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }),
  );
  const long = once(
    () => new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }),
  );
  const time = once(() => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }));
  const rel = once(() => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const date = (iso: string, todayIso?: string) => {
    const sameYear = todayIso === undefined || todayIso.slice(0, 4) === iso.slice(0, 4);
    return (sameYear ? short() : shortYear()).format(parseDay(iso));
  };
  return {
    date,
    longDate: (iso) => long().format(parseDay(iso)),
    inDays: (days) => rel().format(days, "day"),
    // Each half kept on one line ("Wed 7 May, / in 48 days"): no-break spaces.
    when: (iso, days, todayIso) => `${keep(date(iso, todayIso))}, ${keep(rel().format(days, "day"))}`,
    dateTime(local) {
      // The wall-clock fields as written by the engine, shown without any
      // zone conversion: "2025-03-21T09:00:00+00:00" is 09:00 on 21 March.
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
      if (!m) return local;
      const d = parseDay(m[1]!);
      d.setHours(Number(m[2]), Number(m[3]));
      return `${short().format(d)}, ${time().format(d)}`;
    },
  };
}

/** `make()`'s value, made the first time it is asked for. */
function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

/** Joins words with no-break spaces so a short phrase does not wrap. */
export function keep(text: string): string {
  return text.replace(/ /g, "\u00a0");
}

/** Capitalises the first letter of a backend message for display. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(first) ? first : `${first}.`;
}
