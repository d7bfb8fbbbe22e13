import { describe, expect, it } from "vitest";
import { dateOrder, dateProblemText, example, typedForm } from "../../src/dateEntry";

const long = (iso: string) => `<${iso}>`;

describe("the order the engine reads a typed date in", () => {
  it("follows the locale", () => {
    expect(dateOrder("en-GB")).toBe("dmy");
    expect(dateOrder("de-DE")).toBe("dmy");
    expect(dateOrder("en-US")).toBe("mdy");
    expect(dateOrder("ja-JP")).toBe("ymd");
  });

  it("shows a date as the client would type it, in Latin digits", () => {
    expect(typedForm("2025-03-06", "en-GB")).toBe("06/03/2025");
    expect(typedForm("2025-03-06", "en-US")).toBe("03/06/2025");
    expect(typedForm("2025-03-06", "de-DE")).toBe("06.03.2025");
    expect(typedForm("2025-03-06", "ar-EG")).toMatch(/^[\d/\u200f]+$/);
    expect(example("en-GB")).toBe("14/03/2026");
  });
});

describe("the engine's problems with a typed date, in a client's words", () => {
  const say = (p: Parameters<typeof dateProblemText>[0], locale = "en-GB") => dateProblemText(p, long, locale);

  it("names the day that doesn't exist, in the locale's order", () => {
    expect(say({ problem: "no_such_day", day: 31, month: 2, year: 2026 })).toBe("There is no 31 February.");
    expect(say({ problem: "no_such_day", day: 31, month: 4, year: 2026 }, "en-US")).toBe("There is no April 31.");
    expect(say({ problem: "no_such_day", day: 29, month: 2, year: 2027 })).toBe("There is no 29 February in 2027.");
  });

  it("says what to type instead", () => {
    expect(say({ problem: "short_year", text: "1/1/26" })).toBe("Use a 4-digit year, for example 14/03/2026.");
    expect(say({ problem: "short_year", text: "1/1/26" }, "en-US")).toBe("Use a 4-digit year, for example 03/14/2026.");
    expect(say({ problem: "no_such_month", month: 13 })).toBe(
      "There is no month 13. Type the day, month and year, for example 14/03/2026.",
    );
    expect(say({ problem: "not_a_date", text: "soon" })).toBe(
      "“soon” is not a date. Type the day, month and year, for example 14/03/2026.",
    );
    expect(say({ problem: "empty" })).toBe("Enter the date: day, month and year, for example 14/03/2026.");
    expect(say({ problem: "out_of_range", year: 1960 })).toBe(
      "The app can't plan for the year 1960: choose a date from 1970 to 2199.",
    );
  });

  it("shows a day already booked as a date, never ISO", () => {
    expect(say({ problem: "booked", date: "2025-03-17" })).toBe("You already have a session on <2025-03-17>.");
  });
});
