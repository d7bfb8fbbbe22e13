// Typed session dates: the engine reads them (`session_check`), so every
// webview behaves the same (WebKitGTK has no date picker; Chromium's turns
// "1/1/26" into the year 26 and "31/02/2026" into nothing at all). This
// module tells the engine the locale's order of day, month and year, shows
// the form to type, and words the engine's problem with a typed date in
// the client's terms, with dates in their locale. It never reads or counts
// a date itself.

import type { DateOrder, DateProblem } from "./bindings";
import { parseDay } from "./format";

/** A fixed day used only as an example of the form ("14/03/2026"). */
const EXAMPLE_DAY = "2026-03-14";

/** The numeric form of dates in `locale` (Latin digits, as the engine reads). */
function numeric(locale?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    numberingSystem: "latn",
  });
}

/** The order of day, month and year in `locale`, for the engine to read a typed date. */
export function dateOrder(locale?: string): DateOrder {
  const order = numeric(locale)
    .formatToParts(parseDay(EXAMPLE_DAY))
    .map((p) => p.type)
    .filter((t) => t === "day" || t === "month" || t === "year")
    .map((t) => t[0])
    .join("");
  return order === "mdy" || order === "ymd" ? order : "dmy";
}

/** `iso` as the client would type it in `locale` ("14/03/2026"). */
export function typedForm(iso: string, locale?: string): string {
  return numeric(locale).format(parseDay(iso));
}

/** An example of the form to type, such as "14/03/2026". */
export function example(locale?: string): string {
  return typedForm(EXAMPLE_DAY, locale);
}

/** "31 February" (or "February 31") in `locale`, for a day that doesn't exist. */
function dayAndMonth(day: number, month: number, locale?: string): string {
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
export function dateProblemText(problem: DateProblem, longDate: (iso: string) => string, locale?: string): string {
  const like = `for example ${example(locale)}`;
  switch (problem.problem) {
    case "empty":
      return `Enter the date: day, month and year, ${like}.`;
    case "not_a_date":
      return `“${problem.text}” is not a date. Type the day, month and year, ${like}.`;
    case "short_year":
      return `Use a 4-digit year, ${like}.`;
    case "no_such_month":
      return `There is no month ${problem.month}. Type the day, month and year, ${like}.`;
    case "no_such_day": {
      const name = dayAndMonth(problem.day, problem.month, locale);
      // 29 February exists in other years: say which year lacks it.
      return problem.month === 2 && problem.day === 29
        ? `There is no ${name} in ${problem.year}.`
        : `There is no ${name}.`;
    }
    case "out_of_range":
      return `The app can't plan for the year ${problem.year}: choose a date from 1970 to 2199.`;
    case "booked":
      return `You already have a session on ${longDate(problem.date)}.`;
  }
}
