import { describe, expect, it } from "vitest";
import type { CheckIn, PhotoRef } from "../../src/bindings";
import {
  compareDefaults,
  levels,
  MAX_PHOTO_BYTES,
  noSymptoms,
  photoAlt,
  progressText,
  progressValue,
  stepIndex,
  swipeDirection,
  symptoms,
  symptomLines,
  tooLarge,
} from "../../src/journal";

const photo = (n: number): PhotoRef => ({
  hash: String(n).repeat(64),
  width: 8,
  height: 6,
  thumb_url: `data:image/png;base64,${n}`,
  screen_url: `data:image/png;base64,${n}`,
});

function entry(date: string, day_label: string, photos = 0): CheckIn {
  return {
    date,
    day: 6,
    session: 2,
    day_label,
    symptoms: noSymptoms(),
    note: "",
    photos: Array.from({ length: photos }, (_, i) => photo(i)),
    editable: false,
    saved: true,
    red_flags: [],
  };
}

describe("symptoms and levels", () => {
  it("asks about every symptom of the bindings, in the issue's words, sunburn last", () => {
    expect(symptoms().map((s) => s.label)).toEqual([
      "Redness",
      "Itching",
      "Scabbing",
      "Tenderness",
      "Swelling",
      "Sunburn",
    ]);
    expect(
      symptoms()
        .map((s) => s.id)
        .sort(),
    ).toEqual(Object.keys(noSymptoms()).sort());
    expect(levels().map((l) => l.id)).toEqual(["none", "mild", "moderate", "strong"]);
  });

  it("lists only what was felt, in asking order", () => {
    expect(symptomLines(noSymptoms())).toEqual([]);
    expect(symptomLines({ ...noSymptoms(), swelling: "strong", redness: "mild" })).toEqual([
      "Redness: mild",
      "Swelling: strong",
    ]);
    expect(symptomLines({ ...noSymptoms(), soreness: "moderate", scabs: "mild" })).toEqual([
      "Scabbing: mild",
      "Tenderness: moderate",
    ]);
  });
});

describe("photo import progress", () => {
  it("words each stage and counts the copies from 1", () => {
    expect(progressText({ stage: "checking" })).toBe("Checking…");
    expect(progressText({ stage: "decoding" })).toBe("Reading the photo…");
    expect(progressText({ stage: "saving", done: 1, of: 3 })).toBe("Saving 2 of 3");
    expect(progressText({ stage: "saving", done: 3, of: 3 })).toBe("Saving 3 of 3");
  });

  it("moves the bar forward only, ending full", () => {
    const values = [
      progressValue({ stage: "checking" }),
      progressValue({ stage: "decoding" }),
      progressValue({ stage: "saving", done: 0, of: 3 }),
      progressValue({ stage: "saving", done: 2, of: 3 }),
      progressValue({ stage: "saving", done: 3, of: 3 }),
    ];
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(values.at(-1)).toBeCloseTo(1, 9);
    expect(progressValue({ stage: "saving", done: 0, of: 0 })).toBe(0.3);
  });

  it("refuses a file over 30 MB before it is read, naming its size", () => {
    expect(tooLarge(MAX_PHOTO_BYTES)).toBeNull();
    expect(tooLarge(0)).toBeNull();
    expect(tooLarge(MAX_PHOTO_BYTES + 1)).toBe("This file is 30.1 MB; the most is 30 MB: choose a smaller photo.");
    expect(tooLarge(31_250_000)).toBe("This file is 31.3 MB; the most is 30 MB: choose a smaller photo.");
  });
});

describe("alt texts", () => {
  it("name the photo's day and date, and its place when a day has several", () => {
    expect(photoAlt(entry("2025-03-12", "Day 6 after session 2", 1), "Thu 12 Mar")).toBe(
      "Scalp photo, Day 6 after session 2, Thu 12 Mar",
    );
    expect(photoAlt(entry("2025-03-12", "Day 6 after session 2", 3), "Thu 12 Mar", 1)).toBe(
      "Scalp photo, Day 6 after session 2, Thu 12 Mar (2 of 3)",
    );
  });
});

describe("the compare view", () => {
  const entries = [entry("2025-03-07", "Day 2"), entry("2025-03-12", "Day 7"), entry("2025-03-20", "Day 4")];

  it("opens on the first day and today's", () => {
    expect(compareDefaults(entries, "2025-03-20")).toEqual([0, 2]);
  });

  it("opens on the latest day when today has no check-in", () => {
    expect(compareDefaults(entries.slice(0, 2), "2025-03-20")).toEqual([0, 1]);
    expect(compareDefaults(entries, "2025-03-12")).toEqual([0, 1]);
  });

  it("has nothing to open on without check-ins, and one day on both sides with one", () => {
    expect(compareDefaults([], "2025-03-20")).toBeNull();
    expect(compareDefaults(entries.slice(0, 1), "2025-03-20")).toEqual([0, 0]);
  });

  it("steps through the days without leaving the list", () => {
    expect(stepIndex(0, 1, 3)).toBe(1);
    expect(stepIndex(2, 1, 3)).toBe(2);
    expect(stepIndex(0, -1, 3)).toBe(0);
    expect(stepIndex(1, -1, 3)).toBe(0);
  });

  it("reads a swipe to the left as the next day, to the right as the one before", () => {
    expect(swipeDirection(-80, 5)).toBe(1);
    expect(swipeDirection(80, -5)).toBe(-1);
    expect(swipeDirection(30, 0)).toBe(0);
    expect(swipeDirection(60, 50)).toBe(0);
  });
});
