// The chart's words: each row's text equivalent and the caption, from the
// engine's own chart of the fixtures' 3-session plan (never recomputed here).
import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/bindings";
import { chartCaption, rowSummary } from "../../src/components/chart";
import { createFormats } from "../../src/format";
import engine from "../fixtures/engine.json";

const f = createFormats("en-GB");
const plans = (engine as unknown as { plans: Record<string, { chart: Chart }> }).plans;
const all = plans["four-to-thirty|2025-03-06,2025-03-17,2025-04-07"]!.chart;
const two = plans["four-to-thirty|2025-03-06,2025-03-17"]!.chart;
const row = (chart: Chart, id: string) => chart.rows.find((r) => r.activity === id)!;

describe("rowSummary", () => {
  it("names each run with its dates, in order", () => {
    expect(rowSummary(row(all, "wash"), all, f, "2025-03-20")).toBe(
      "Washing: avoid until Mon 10 Mar; with care from Tue 11 Mar to Sun 16 Mar; avoid from Mon 17 Mar to Fri 21 Mar; " +
        "with care from Sat 22 Mar to Sun 6 Apr; avoid from Mon 7 Apr to Fri 11 Apr; " +
        "with care from Sat 12 Apr to Sun 27 Apr; OK from Mon 28 Apr on.",
    );
  });

  it("says 'not mentioned' where the clinic is silent, never OK", () => {
    const sunbed = rowSummary(row(all, "sunbed"), all, f, "2025-03-20");
    expect(sunbed).toBe("Sunbeds: avoid until Tue 6 May; not mentioned from Wed 7 May on.");
    expect(sunbed).not.toMatch(/OK/);
  });

  it("gives the year only when it is not today's", () => {
    expect(rowSummary(row(all, "swim"), all, f, "2026-01-01")).toBe(
      "Swimming: avoid until Tue, 6 May 2025; OK from Wed, 7 May 2025 on.",
    );
  });
});

describe("chartCaption", () => {
  it("says where the chart ends and why", () => {
    expect(chartCaption(all, f, "2025-03-20")).toBe(
      "From your first session to the day you're fully healed: Thu 6 Mar to Wed 7 May.",
    );
    expect(chartCaption(two, f, "2025-03-20")).toBe(
      "Session 3 isn't booked yet, so this shows Thu 6 Mar to Wed 16 Apr; add its date to see the rest.",
    );
  });
});
