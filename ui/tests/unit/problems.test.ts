// Every refusal the app can send (`Problem`), worded in English and Spanish:
// one sample of each variant, no Fluent placeholder left over, no English in
// the Spanish, dates and numbers through Intl, exact text for a few.

import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../src/bindings";
import { createFormats } from "../../src/format";
import { loadLang, setLang } from "../../src/i18n";
import { problemText } from "../../src/logic";

// The Spanish file loads on demand, as in the app.
beforeAll(() => loadLang("es"));

/** Every variant's tag: a tag missing here fails the type check. */
const TAGS: Record<Problem["problem"], true> = {
  too_long: true,
  range_backwards: true,
  range_too_long: true,
  too_many_sessions: true,
  too_many_photos: true,
  photo_too_large: true,
  photo_refused: true,
  photo_incomplete: true,
  photo_gone: true,
  too_many_days: true,
  no_day_chosen: true,
  no_check_in: true,
  no_session_yet: true,
  check_in_too_early: true,
  check_in_too_late: true,
  nothing_to_tick: true,
  ticks_full: true,
  not_asked_today: true,
  quiet_hours_empty: true,
  unknown_language: true,
  not_a_phone: true,
  not_an_email: true,
  launch_at_login_failed: true,
  not_a_date: true,
  not_a_time: true,
  unknown_zone: true,
  unknown_protocol: true,
  no_sessions: true,
  session_twice: true,
  planned_out_of_range: true,
  planned_too_few: true,
  not_a_protocol: true,
  handover: true,
  plan_changed: true,
  file_unreadable: true,
  not_a_file: true,
};

/** One sample of every variant and of every value of its enums, with values the client typed kept neutral. */
const SAMPLES: Problem[] = [
  ...(["note", "clinic_name", "date", "file_path"] as const).map((what): Problem => ({
    problem: "too_long",
    what,
    most: 1200,
    unit: "characters",
  })),
  { problem: "too_long", what: "file_name", most: 255, unit: "bytes" },
  { problem: "range_backwards", from: "2026-03-05", to: "2026-03-04" },
  { problem: "range_too_long", from: "2026-01-01", to: "2027-03-01", days: 425, most: 366 },
  { problem: "too_many_sessions", most: 12 },
  { problem: "too_many_photos", most: 12, over: 2 },
  { problem: "photo_too_large", megabytes: 33, most: 30 },
  ...(
    [
      "empty",
      "heic",
      "avif",
      "video",
      "gif",
      "pdf",
      "tiff",
      "bmp",
      "zip",
      "text",
      "not_an_image",
      "unreadable",
      "too_large",
      "damaged",
      "not_saved",
    ] as const
  ).map((fault): Problem => ({
    problem: "photo_refused",
    fault,
  })),
  { problem: "photo_incomplete" },
  { problem: "photo_gone", number: 2 },
  { problem: "too_many_days", asked: 9, held: 3 },
  { problem: "no_day_chosen" },
  { problem: "no_check_in", date: "2026-03-05" },
  ...(["check_in", "calendar", "care"] as const).map((needed_for): Problem => ({
    problem: "no_session_yet",
    needed_for,
  })),
  { problem: "check_in_too_early", date: "2026-03-09" },
  { problem: "check_in_too_late", date: "2026-03-05" },
  { problem: "nothing_to_tick", label: "Agua" },
  { problem: "ticks_full", label: "Agua", most: 3, clinic_most: true },
  { problem: "ticks_full", label: "Agua", most: 8, clinic_most: false },
  { problem: "not_asked_today", care: "agua" },
  { problem: "quiet_hours_empty", start: "22:00", end: "22:00" },
  { problem: "unknown_language", text: "fr" },
  { problem: "not_a_phone", text: "123x" },
  { problem: "not_an_email", text: "ana@" },
  { problem: "launch_at_login_failed", detail: "EACCES" },
  { problem: "not_a_date", text: "2026-02-30" },
  { problem: "not_a_time", text: "25:00" },
  { problem: "unknown_zone", text: "Marte/Olimpo" },
  { problem: "unknown_protocol", id: "nada" },
  { problem: "no_sessions" },
  { problem: "session_twice", date: "2026-03-02" },
  { problem: "planned_out_of_range", planned: 13, most: 12 },
  { problem: "planned_too_few", planned: 1, sessions: 2 },
  ...(["pdf", "png", "jpeg", "gif", "webp", "binary"] as const).map((file): Problem => ({
    problem: "not_a_protocol",
    file,
  })),
  ...(
    [
      "not_a_link",
      "damaged",
      "too_long",
      "too_large",
      "newer",
      "not_a_plan",
      "pdf",
      "picture",
      "binary",
      "nonsense",
    ] as const
  ).flatMap((fault) =>
    (["file", "link"] as const).map((from): Problem => ({ problem: "handover", from, fault, detail: null })),
  ),
  { problem: "plan_changed" },
  { problem: "file_unreadable", name: "plan.smpplan", reason: "ENOENT" },
  { problem: "not_a_file", name: "plan.smpplan" },
];

/** Words that are English and never Spanish (names such as "SMP Aftercare", "PDF" or "bytes" are both). */
const ENGLISH =
  /\b(the|is|are|your|you|not|this|that|photo|file|link|check-in|clinic|session|sessions|ask|choose|at most|too|day|days|date|time|before|after)\b/i;

afterEach(() => setLang("en"));

describe("every problem, in English and Spanish", () => {
  it("has a sample of every variant", () => {
    expect(new Set(SAMPLES.map((p) => p.problem))).toEqual(new Set(Object.keys(TAGS)));
  });

  for (const lang of ["en", "es"] as const) {
    it(`reads as whole sentences in ${lang}, with no placeholder left`, () => {
      setLang(lang);
      for (const p of SAMPLES) {
        const text = problemText(p, lang === "en" ? "en-GB" : "es-ES");
        expect(text, JSON.stringify(p)).not.toMatch(/\{|\}|error-/);
        expect(text, JSON.stringify(p)).toMatch(/^[“«"A-ZÁÉÍÓÚÑ0-9¿]/);
        expect(text, JSON.stringify(p)).toMatch(/[.)]$/);
      }
    });
  }

  it("holds no English word in Spanish", () => {
    setLang("es");
    for (const p of SAMPLES) {
      const text = problemText(p, "es-ES");
      expect(text.match(ENGLISH), `${JSON.stringify(p)}: ${text}`).toBeNull();
    }
  });

  it("gives each variant its own sentence", () => {
    // A plan's source is named only where the sentence differs by it.
    const distinct = SAMPLES.filter(
      (p) => p.problem !== "handover" || p.from === "file" || p.fault === "damaged" || p.fault === "nonsense",
    );
    for (const lang of ["en", "es"] as const) {
      setLang(lang);
      const texts = distinct.map((p) => problemText(p, "es-ES"));
      expect(new Set(texts).size, lang).toBe(distinct.length);
    }
  });
});

describe("problems in exact words", () => {
  it("speaks English as the app always has, dates and numbers in the locale", () => {
    setLang("en");
    const en = (p: Problem) => problemText(p, "en-GB");
    expect(en({ problem: "too_long", what: "note", most: 1200, unit: "characters" })).toBe(
      "The note is too long: at most 1,200 characters.",
    );
    const thursday = createFormats("en-GB").longDate("2026-03-05");
    expect(thursday).toMatch(/^Thursday,? 5 March 2026$/);
    expect(en({ problem: "no_check_in", date: "2026-03-05" })).toBe(`There is no check-in on ${thursday}.`);
    expect(en({ problem: "ticks_full", label: "Rinse", most: 3, clinic_most: true })).toBe(
      "“Rinse” is already ticked off 3 times today, the most your clinic asks for.",
    );
    expect(en({ problem: "too_many_days", asked: 3, held: 1 })).toBe(
      "3 days were asked for, and your journal has 1 check-in.",
    );
    expect(en({ problem: "not_a_protocol", file: "pdf" })).toBe(
      "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above.",
    );
    expect(en({ problem: "not_a_protocol", file: "binary" })).toBe(
      "This file is not text, so it is not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above.",
    );
  });

  it("speaks Spanish naturally, dates and numbers in the locale", () => {
    setLang("es");
    const es = (p: Problem) => problemText(p, "es-ES");
    expect(es({ problem: "too_long", what: "note", most: 1200, unit: "characters" })).toBe(
      "La nota supera el máximo de 1200 caracteres.",
    );
    expect(es({ problem: "no_check_in", date: "2026-03-05" })).toBe(
      "No hay ningún registro el jueves, 5 de marzo de 2026.",
    );
    expect(es({ problem: "too_many_days", asked: 3, held: 1 })).toBe(
      "Se han pedido 3 días y tu diario tiene 1 registro.",
    );
    expect(es({ problem: "planned_too_few", planned: 2, sessions: 3 })).toBe(
      "Hay 3 sesiones reservadas, pero solo 2 previstas.",
    );
    expect(es({ problem: "too_many_photos", most: 12, over: 2 })).toBe(
      "Un registro admite como mucho 12 fotos; quita 2 para guardarlo.",
    );
    expect(es({ problem: "handover", from: "link", fault: "newer", detail: null })).toBe(
      "Tu clínica creó este plan con una versión más nueva de SMP Aftercare. Actualiza la app y vuelve a abrir el plan.",
    );
  });

  it("keeps the engine's English detail after the sentence, for the clinic", () => {
    setLang("es");
    const p: Problem = {
      problem: "handover",
      from: "file",
      fault: "nonsense",
      detail: 'p.smpplan: line 2, field "protocol": unknown protocol "nope"',
    };
    expect(problemText(p, "es-ES")).toBe(
      "El plan de este archivo no tiene sentido y la app no puede usarlo. Pide uno nuevo a tu clínica. " +
        'Detalles para tu clínica: p.smpplan: line 2, field "protocol": unknown protocol "nope".',
    );
  });
});
