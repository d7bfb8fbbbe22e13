// The count lines of the care card and the timeline, for every kind of
// repeat the protocol format allows (the DOM is tested in the browser).
import { describe, expect, it } from "vitest";
import { tickLine, tickSummary } from "../../src/components/careToday";

describe("tickLine", () => {
  it("counts against the clinic's range", () => {
    const r = { kind: "times", min: 2, max: 3 } as const;
    expect(tickLine(r, 0)).toBe("Not done yet today (2-3 times a day)");
    expect(tickLine(r, 1)).toBe("Done 1 of 2-3 today");
    expect(tickLine(r, 3)).toBe("Done 3 of 2-3 today");
  });

  it("says a single count once", () => {
    expect(tickLine({ kind: "times", min: 1, max: 1 }, 0)).toBe("Not done yet today (once a day)");
    expect(tickLine({ kind: "times", min: 1, max: 1 }, 1)).toBe("Done 1 of 1 today");
    expect(tickLine({ kind: "times", min: 2, max: 2 }, 1)).toBe("Done 1 of 2 today");
  });

  it("words an open-ended count", () => {
    const r = { kind: "times", min: 1, max: null } as const;
    expect(tickLine(r, 0)).toBe("Not done yet today (at least once a day)");
    expect(tickLine(r, 2)).toBe("Done twice today (at least once a day)");
    expect(tickLine({ kind: "times", min: 3, max: null }, 4)).toBe("Done 4 times today (at least 3 times a day)");
  });

  it("counts as-needed care without a target", () => {
    const r = { kind: "as_needed" } as const;
    expect(tickLine(r, 0)).toBe("Not ticked off yet today");
    expect(tickLine(r, 1)).toBe("Done once today");
    expect(tickLine(r, 5)).toBe("Done 5 times today");
  });
});

describe("tickSummary", () => {
  it("names the item and the count", () => {
    const item = { id: "moisturise", label: "Moisturise your scalp", count: 2, repeat: null, most: 12 };
    expect(tickSummary(item)).toBe("Moisturise your scalp: done twice");
  });
});
