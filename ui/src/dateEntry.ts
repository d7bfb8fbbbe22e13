// Typed session dates: the engine reads them (`session_check`), so every
// webview behaves the same (WebKitGTK has no date picker; Chromium's turns
// "1/1/26" into the year 26 and "31/02/2026" into nothing at all). This
// module tells the engine the locale's order of day, month and year, shows
// the form to type, and words the engine's problem with a typed date in
// the client's terms, with dates in their locale. It never reads or counts
// a date itself.

import type { DateOrder, DateProblem } from "./bindings";
import { parseDay } from "./format";
import { locale as appLocale, t } from "./i18n";

/** A fixed day used only as an example of the form ("14/03/2026"). */
const EXAMPLE_DAY = "2026-03-14";

/** The numeric form of dates in `locale` (Latin digits, as the engine reads). */
function numeric(locale = appLocale()): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    numberingSystem: "latn",
  });
}

/** The order of day, month and year in `locale`, for the engine to read a typed date. */
export function dateOrder(locale = appLocale()): DateOrder {
  const order = numeric(locale)
    .formatToParts(parseDay(EXAMPLE_DAY))
    .map((p) => p.type)
    .filter((t) => t === "day" || t === "month" || t === "year")
    .map((t) => t[0])
    .join("");
  return order === "mdy" || order === "ymd" ? order : "dmy";
}

/** `iso` as the client would type it in `locale` ("14/03/2026"). */
export function typedForm(iso: string, locale = appLocale()): string {
  return numeric(locale).format(parseDay(iso));
}

/** An example of the form to type, such as "14/03/2026". */
export function example(locale = appLocale()): string {
  return typedForm(EXAMPLE_DAY, locale);
}

/** "31 February" (or "February 31") in `locale`, for a day that doesn't exist. */
function dayAndMonth(day: number, month: number, locale = appLocale()): string {
  const first = parseDay(`2000-${String(month).padStart(2, "0")}-01`);
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long" })
    .formatToParts(first)
    .map((p) => (p.type === "day" ? String(day) : p.value))
    .join("");
}

/**
 * The engine's problem with a typed date in the client's words. `longDate`
 * shows a date (a day already booked) in their locale.
 */
export function dateProblemText(problem: DateProblem, longDate: (iso: string) => string, locale = appLocale()): string {
  const like = example(locale);
  // Years as written, never grouped ("2,199").
  const year = (y: number) => String(y);
  switch (problem.problem) {
    case "empty":
      return t("date-empty", { like });
    case "not_a_date":
      return t("date-not-a-date", { text: problem.text, like });
    case "short_year":
      return t("date-short-year", { like });
    case "no_such_month":
      return t("date-no-such-month", { month: problem.month, like });
    case "no_such_day": {
      const name = dayAndMonth(problem.day, problem.month, locale);
      // 29 February exists in other years: say which year lacks it.
      return problem.month === 2 && problem.day === 29
        ? t("date-no-such-day-in", { name, year: year(problem.year) })
        : t("date-no-such-day", { name });
    }
    case "out_of_range":
      return t("date-out-of-range", { year: year(problem.year) });
    case "booked":
      return t("date-booked", { date: longDate(problem.date) });
  }
}
