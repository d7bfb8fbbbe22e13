import { describe, expect, it } from "vitest";
import { createFormats, keep, parseDay, sentence } from "../../src/format";

const f = createFormats("en-GB");
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("parseDay", () => {
  it("parses a calendar date as local noon", () => {
    const d = parseDay("2025-03-30"); // a DST change day in Europe
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2025, 2, 30, 12]);
  });
});

describe("createFormats", () => {
  it("formats dates in the locale, with the year only when it differs", () => {
    expect(f.date("2025-03-22", "2025-03-20")).toBe("Sat 22 Mar");
    expect(f.date("2028-04-07", "2025-03-20")).toMatch(/^Fri,? 7 Apr 2028$/); // ICU versions differ on the comma
    expect(f.longDate("2025-03-20")).toMatch(/^Thursday,? 20 March 2025$/);
  });

  it("words the engine's day counts", () => {
    expect(f.inDays(0)).toBe("today");
    expect(f.inDays(1)).toBe("tomorrow");
    expect(f.inDays(27)).toBe("in 27 days");
    expect(plain(f.when("2025-03-22", 2, "2025-03-20"))).toBe("Sat 22 Mar, in 2 days");
  });

  it("keeps each half of a date-and-count on one line", () => {
    expect(f.when("2025-03-22", 2)).toBe("Sat\u00a022\u00a0Mar, in\u00a02\u00a0days");
    expect(keep("in 2 days")).toBe("in\u00a02\u00a0days");
  });

  it("shows the engine's wall-clock time without converting zones", () => {
    expect(f.dateTime("2025-03-18T09:00:00+00:00")).toBe("Tue 18 Mar, 09:00");
    expect(f.dateTime("2025-07-01T23:30:00+02:00")).toBe("Tue 1 Jul, 23:30");
    expect(f.dateTime("not a date")).toBe("not a date");
  });

  it("follows another locale", () => {
    const us = createFormats("en-US");
    expect(us.date("2025-03-22")).toBe("Sat, Mar 22");
    expect(createFormats("de-DE").inDays(2)).toBe("übermorgen");
  });
});

describe("sentence", () => {
  it("capitalises and ends a backend message", () => {
    expect(sentence("a session on 2025-03-17 is already booked")).toBe("A session on 2025-03-17 is already booked.");
    expect(sentence('invalid date "x": not in the form YYYY-MM-DD (expected YYYY-MM-DD)')).toMatch(
      /^Invalid date .*\)$/,
    );
    expect(sentence("  ")).toBe("");
  });
});
