import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type {
  Vocabulary,
  ActivityStatus,
  AppError,
  DayStatus,
  Milestone,
  Preparation,
  Protocol,
  ValueReset,
} from "../../src/bindings";
import { createFormats } from "../../src/format";
import { loadLang, setLang } from "../../src/i18n";
import {
  activityName,
  answerFor,
  avoidUntil,
  dayHeading,
  fileNameTooLong,
  fileTooBig,
  foldedSummary,
  fullyFineFrom,
  groupActivities,
  lookupActivities,
  mailHref,
  placeError,
  prepGroups,
  prepUntil,
  protocolErrorText,
  resetText,
  rulesByActivity,
  telHref,
  timelineEntries,
  windowText,
} from "../../src/logic";
import engine from "../fixtures/engine.json";

// The Spanish file loads on demand, as in the app.
beforeAll(() => loadLang("es"));

// Real engine output (see tests/fixtures/generate.mjs).
type Plan = {
  plan: { milestones: Milestone[] };
  status: Record<string, DayStatus>;
  prep: Record<string, Preparation | null>;
};
const fx = engine as unknown as { activities: Vocabulary; protocols: Protocol[]; plans: Record<string, Plan> };
const vocabulary = fx.activities;
const names = vocabulary.activities;
const booked = fx.plans["four-to-thirty|2025-03-06,2025-03-17"]!;
const all = fx.plans["four-to-thirty|2025-03-06,2025-03-17,2025-04-07"]!;
const today = booked.status["2025-03-20"]!;
const protocol = fx.protocols.find((p) => p.id === "four-to-thirty")!;
const f = createFormats("en-GB");
const plain = (s: string | null) => (s ?? "").replace(/\u00a0/g, " ");
const act = (id: string) => today.activities.find((a) => a.activity === id)!;

describe("Today", () => {
  it("groups activities by status, keeping the engine's order", () => {
    const g = groupActivities(today.activities);
    expect(g.avoid.map((a) => a.activity)).toEqual([
      "wash",
      "wet",
      "rinse",
      "shave",
      "moisturise",
      "exercise",
      "sweat",
      "swim",
      "sauna",
      "sun",
      "sunbed",
      "woolly_hat",
      "bath",
    ]);
    // 003 restricts alcohol, stimulants and aspirin only before a session:
    // after it the engine lists them not at all, never as "OK now".
    expect(g.ok.map((a) => a.activity)).toEqual([]);
    expect(today.activities.some((a) => a.activity === "alcohol")).toBe(false);
    expect(g.avoid.length + g.limited.length + g.ok.length).toBe(today.activities.length);
  });

  it("heads the day like the clinic counts it", () => {
    expect(dayHeading(today)).toBe("Day 4 after session 2 of 3");
    expect(dayHeading({ ...today, day: 1 })).toBe("Session 2 of 3 is today");
    expect(dayHeading({ ...today, day: null, session: null })).toBe("Before your first session");
    expect(dayHeading({ ...today, healed: true })).toBe("You're fully healed");
  });

  it("says from when an avoided activity is allowed, with the engine's count", () => {
    expect(plain(avoidUntil(act("shave"), f, today.date))).toBe("from Sat 22 Mar, in 2 days");
    expect(plain(avoidUntil(act("sun"), f, today.date))).toBe("from Fri 21 Mar, tomorrow");
    const held: ActivityStatus = {
      ...act("swim"),
      allowed_from: null,
      allowed_in_days: null,
      until_next_session: true,
    };
    expect(avoidUntil(held, f)).toBe("until your next session");
    expect(avoidUntil({ ...held, until_next_session: false }, f)).toBe("no end date set yet");
  });

  it("sums up folded items by the latest date the engine gives", () => {
    expect(plain(foldedSummary([act("swim"), act("sweat")], f, today.date))).toBe(
      "and 2 more that wait until Wed 16 Apr",
    );
    const held: ActivityStatus = { ...act("sunbed"), allowed_from: null, allowed_in_days: null };
    expect(plain(foldedSummary([act("sweat"), held], f, today.date))).toBe(
      "and 2 more that wait until Wed 26 Mar or longer",
    );
    expect(foldedSummary([held], f, today.date)).toBe("and 1 more that waits longer");
  });

  it("adds when an activity is fine without conditions, only when that is later", () => {
    expect(fullyFineFrom(act("exercise"), f, today.date)).toBe("Fully fine from Wed 26 Mar.");
    expect(fullyFineFrom(act("swim"), f, today.date)).toBeNull(); // allowed and fine on the same day
    // Foil shaver only from day 6, and 003 says nothing after day 21 while
    // session 3 is not booked: no "fully fine" date is invented.
    expect(fullyFineFrom(act("shave"), f, today.date)).toBeNull();
  });

  it("sends the client to the clinic where the plan stops speaking", () => {
    const eve = all.status["2025-04-06"]!;
    const shave = eve.activities.find((x) => x.activity === "shave")!;
    expect(shave.lasting).toBe(true);
    expect(fullyFineFrom(shave, f, eve.date)).toBe("For good: your clinic's lasting advice.");
    const ask: ActivityStatus = {
      ...act("sunbed"),
      allowed_from: null,
      allowed_in_days: null,
      until_next_session: false,
      ask_clinic_from: "2025-04-16",
    };
    expect(plain(avoidUntil(ask, f, today.date))).toBe("not before Wed 16 Apr, then ask your clinic");
    expect(plain(answerFor(ask, f, today.date).detail)).toBe(
      "Not before Wed 16 Apr, and your clinic's plan says nothing after that: ask them first.",
    );
    expect(dayHeading({ ...today, restrictions_over: true })).toBe("Your clinic's restrictions are over");
  });
});

describe("Can I…? synonyms", () => {
  const cases: [string, string[]][] = [
    ["swim", ["swim"]],
    ["Can I go swimming?", ["swim"]],
    ["pool", ["swim"]],
    ["the sea", ["swim"]],
    ["gym", ["exercise", "sweat"]],
    ["workout", ["exercise", "sweat"]],
    ["go for a run", ["exercise", "sweat"]],
    ["steam room", ["sauna"]],
    ["steam", ["sauna"]],
    ["tan", ["sun", "sunbed"]],
    ["sunbathe", ["sun"]],
    ["wear a beanie", ["woolly_hat"]],
    ["hat", ["woolly_hat"]],
    ["woolly_hat", ["woolly_hat"]],
    ["woolly hat", ["woolly_hat"]],
    ["dye my hair", ["hair_colour"]],
    ["shower", ["wash"]],
    ["shampoo", ["wash"]],
    ["Sauna and steam", ["sauna"]],
    ["Heavy exercise and sweating", ["sweat"]],
    ["saunas", ["sauna"]],
    ["  SHAVE!! ", ["shave"]],
  ];
  for (const [text, expected] of cases) {
    it(`“${text}” → ${expected.join(", ")}`, () => {
      expect(lookupActivities(text, vocabulary)).toEqual(expected);
    });
  }

  it("knows nothing of unrelated words", () => {
    expect(lookupActivities("skydiving", vocabulary)).toEqual([]);
    expect(lookupActivities("", vocabulary)).toEqual([]);
    expect(lookupActivities("can I?", vocabulary)).toEqual([]);
  });
});

describe("Can I…? answers", () => {
  it("gives the date it becomes fine", () => {
    const a = answerFor(act("swim"), f, today.date);
    expect(a.verdict).toBe("avoid");
    expect(a.headline).toBe("Swimming: not yet (no pools, sea or chlorine).");
    expect(plain(a.detail)).toBe("It's fine from Wed 16 Apr, in 27 days.");
  });

  it("says when an activity is first allowed with care", () => {
    const a = answerFor(act("shave"), f, today.date);
    expect(plain(a.detail)).toBe("It's fine with care from Sat 22 Mar, in 2 days.");
  });

  it("gives the condition for limited activities", () => {
    const eve = all.status["2025-04-06"]!;
    const shave = eve.activities.find((x) => x.activity === "shave")!;
    const a = answerFor(shave, f, eve.date);
    expect(a.verdict).toBe("limited");
    expect(a.headline).toBe("Shaving: yes, with care: foil shaver only, no wet razors.");
    expect(a.detail).toBe("For good: your clinic's lasting advice.");
  });

  it("says yes for OK activities, and handles holds until the next session", () => {
    expect(answerFor({ ...act("swim"), status: "ok" }, f).headline).toBe("Swimming: yes, that's fine today.");
    const held = {
      ...act("sun"),
      allowed_from: null,
      allowed_in_days: null,
      until_next_session: true,
      after_next_session: false,
    };
    expect(answerFor(held, f).detail).toBe("Not before your next session.");
    // The next session restarts it on its own day: it lasts past it.
    expect(answerFor({ ...held, after_next_session: true }, f).detail).toBe("Not until after your next session.");
    expect(avoidUntil({ ...held, after_next_session: true }, f)).toBe("until after your next session");
  });
});

describe("error placement", () => {
  const fields = ["date", "planned", "file", "reminder_time", "clinic.email"];

  it("puts an invalid-input message next to its field, worded from its problem", () => {
    const e: AppError = {
      kind: "invalid",
      field: "planned",
      problem: { problem: "planned_too_few", planned: 1, sessions: 2 },
      message: "2 sessions are given but only 1 are planned",
    };
    expect(placeError(e, fields)).toEqual({
      field: "planned",
      message: "2 sessions are booked but only 1 is planned.",
    });
  });

  it("puts a message for a field the form lacks on the form", () => {
    const e: AppError = {
      kind: "invalid",
      field: "sessions",
      problem: { problem: "no_session_yet", needed_for: "calendar" },
      message: "add your first session before exporting a calendar",
    };
    expect(placeError(e, fields)).toEqual({
      field: null,
      message: "Add your first session before exporting a calendar.",
    });
    const anywhere: AppError = { kind: "invalid", field: null, problem: { problem: "plan_changed" }, message: "x" };
    expect(placeError(anywhere, fields).field).toBeNull();
  });

  it("puts a protocol file error on the file field, with line and field", () => {
    const e: AppError = {
      kind: "protocol",
      line: 10,
      field: "activity",
      detail: 'unknown activity "swimming" (expected one of: wash, wet)',
      message: 'clinic.toml: line 10, field "activity": unknown activity "swimming" (expected one of: wash, wet)',
    };
    expect(placeError(e, fields)).toEqual({
      field: "file",
      message: 'Line 10, field “activity”: unknown activity "swimming" (expected one of: wash, wet)',
    });
    expect(protocolErrorText(e)).toBe(
      'Line 10, field “activity”: unknown activity "swimming" (expected one of: wash, wet)',
    );
    expect(placeError(e, ["date"]).field).toBeNull();
  });

  it("words a protocol error without line or field", () => {
    const detail = "the file is 70000 bytes; a protocol file may be at most 65536 bytes";
    const e: AppError = { kind: "protocol", line: null, field: null, detail, message: `big.toml: ${detail}` };
    expect(protocolErrorText(e)).toBe("The file is 70000 bytes; a protocol file may be at most 65536 bytes.");
  });

  it("puts store and other failures on the form", () => {
    expect(placeError({ kind: "store", message: "disk full" }, fields)).toEqual({
      field: null,
      message: "Your data could not be saved or read: disk full",
    });
    expect(placeError({ kind: "not_found", message: "no session with id 9" }, fields)).toEqual({
      field: null,
      message: "That is no longer here: no session with id 9",
    });
    expect(placeError({ kind: "io", message: "/tmp/x.html: permission denied" }, fields)).toEqual({
      field: null,
      message: "The file could not be saved: /tmp/x.html: permission denied",
    });
  });
});

describe("timeline", () => {
  const ms = booked.plan.milestones;

  it("slots today in between milestones", () => {
    const entries = timelineEntries(ms, "2025-03-20");
    const i = entries.findIndex((e) => e.type === "today");
    expect(entries[i - 1]).toMatchObject({ type: "milestone", past: true, milestone: { date: "2025-03-17" } });
    expect(entries[i + 1]).toMatchObject({ type: "milestone", past: false, milestone: { date: "2025-03-21" } });
    expect(entries.filter((e) => e.type === "today")).toHaveLength(1);
  });

  it("marks a milestone on today instead of adding a marker", () => {
    const entries = timelineEntries(ms, "2025-03-17");
    expect(entries.some((e) => e.type === "today")).toBe(false);
    expect(entries.find((e) => e.type === "milestone" && e.today)).toMatchObject({ milestone: { kind: "session" } });
  });

  it("puts today first or last outside the plan", () => {
    expect(timelineEntries(ms, "2025-01-01")[0]).toEqual({ type: "today", date: "2025-01-01" });
    expect(timelineEntries(ms, "2030-01-01").at(-1)).toEqual({ type: "today", date: "2030-01-01" });
    expect(timelineEntries([], "2025-01-01")).toEqual([{ type: "today", date: "2025-01-01" }]);
  });
});

describe("preparation", () => {
  // Real engine output: session 3 on 2025-04-07, asked on 2025-03-20.
  const prep = all.prep["2025-03-20"]!;

  it("groups the engine's checklist by start date, soonest first", () => {
    expect(prep.session).toBe(3);
    const groups = prepGroups(prep.items);
    expect(groups.map((g) => g.from)).toEqual([...new Set(prep.items.map((i) => i.from))]);
    expect(groups.flatMap((g) => g.items)).toEqual(prep.items);
    expect(groups.at(-1)!.from).toBe("2025-04-07");
    expect(groups.at(-1)!.items.map((i) => i.label)).toContain("Wash your hair before your appointment");
  });

  it("puts everything already under way in one group", () => {
    const eve = all.prep["2025-04-06"]!;
    const groups = prepGroups(eve.items);
    expect(groups[0]!.startsInDays).toBe(0);
    expect(groups.filter((g) => g.startsInDays === 0)).toHaveLength(1);
    expect(groups[0]!.items.map((i) => i.label)).toEqual(expect.arrayContaining(["Alcohol", "Sunbeds"]));
  });

  it("says until when an item holds", () => {
    expect(prepUntil({ on_session_day: true })).toBe("Until your session, and on the day itself");
    expect(prepUntil({ on_session_day: false })).toBe("Until the day before your session");
  });

  it("has nothing ahead once every booked session is past", () => {
    expect(booked.prep["2025-03-20"]).toBeNull();
  });
});

describe("protocol rules", () => {
  it("words every kind of window", () => {
    expect(windowText({ scope: "after_each", from_day: 1, to_day: 5 })).toBe("Days 1–5 after each session");
    expect(windowText({ scope: "after_each", from_day: 6, to_day: 6 })).toBe("Day 6 after each session");
    expect(windowText({ scope: "between", from_day: 6, to_day: null })).toBe(
      "From day 6 after a session, until the next one",
    );
    expect(windowText({ scope: "after_final", from_day: 1, to_day: 30 })).toBe("Days 1–30 after your final session");
    expect(windowText({ scope: "before_each", days_before: 7, session_day: false })).toBe(
      "The 7 days before each session",
    );
    expect(windowText({ scope: "before_each", days_before: 1, session_day: true })).toBe(
      "The day before each session, and the session day",
    );
    expect(windowText({ scope: "before_each", days_before: 0, session_day: true })).toBe("On each session day");
  });

  it("groups rules by activity in the engine's order, each by day", () => {
    const groups = rulesByActivity(protocol.rules, names);
    expect(groups[0]!.activity).toBe("wash");
    expect(groups.map((g) => g.activity)).toEqual(
      names.map((n) => n.activity).filter((a) => groups.some((g) => g.activity === a)),
    );
    const wash = groups[0]!.rules;
    expect(wash.map((r) => r.status)).toEqual(["avoid", "limited", "limited", "ok"]);
    expect(groups.reduce((n, g) => n + g.rules.length, 0)).toBe(protocol.rules.length);
  });

  it("names activities with the backend's names", () => {
    expect(activityName("woolly_hat", names)).toBe("Woolly hats");
    expect(activityName("haircut", names)).toBe("Haircut");
    expect(activityName("haircut", [])).toBe("haircut");
  });
});

describe("contact links and files", () => {
  it("builds tel: and mailto: links", () => {
    expect(telHref("+44 (20) 7946-0000")).toBe("tel:+442079460000");
    expect(mailHref("care@northside.example")).toBe("mailto:care@northside.example");
    expect(mailHref("a b@x.y")).toBe("mailto:a%20b@x.y");
  });

  it("refuses protocol files over 64 KiB before reading them", () => {
    expect(fileTooBig(64 * 1024)).toBeNull();
    expect(fileTooBig(64 * 1024 + 1)).toMatch(/at most 64 KB/);
  });

  it("refuses file names over 255 UTF-8 bytes, as the backend counts them", () => {
    expect(fileNameTooLong(`${"a".repeat(250)}.toml`)).toBeNull();
    expect(fileNameTooLong(`${"a".repeat(251)}.toml`)).toBe(
      "This file's name is too long (at most 255 bytes). Rename the file, then choose it again.",
    );
    // 127 two-byte letters and ".toml": 259 bytes in 132 characters.
    expect(fileNameTooLong(`${"é".repeat(127)}.toml`)).not.toBeNull();
  });
});

describe("stored values that could not be read", () => {
  afterEach(() => setLang("en"));
  const reset = (field: string, stored: string, more: Partial<ValueReset> = {}): ValueReset => ({
    field,
    session_id: null,
    stored,
    used: null,
    reason: null,
    message: "the English for the log",
    ...more,
  });
  const refused: AppError = {
    kind: "invalid",
    field: "planned",
    problem: { problem: "planned_too_few", planned: 2, sessions: 3 },
    message: "3 sessions are given but only 2 are planned",
  };
  const cases: ValueReset[] = [
    reset("reminder_time", '"25:00"', { used: "09:00" }),
    reset("language", '"fr"'),
    reset("later", "[1]"),
    reset("settings", '"[1, 2]"'),
    reset("session", "2025-02-30", { session_id: 99 }),
    reset("planned", "0"),
    reset("planned", "5", { reason: refused }),
    reset("sessions", "", { reason: refused }),
    reset("protocol", '{"builtin":"gone"}'),
  ];

  it("are worded in English as the store words them", () => {
    expect(cases.map(resetText)).toEqual([
      'The stored reminder time "25:00" could not be read; 09:00 is used until you save your settings.',
      'The stored language "fr" could not be read; the device\'s language is used until you save your settings.',
      "The stored setting [1] could not be read; its default is used until you save your settings.",
      'Your stored settings, "[1, 2]", could not be read, so the defaults are used until you save your settings.',
      "A stored session date, 2025-02-30, could not be read, so that session is left out of your plan: delete it and enter its date again.",
      "The stored number of planned sessions, 0, could not be used, so your clinic's usual number is used until you choose one.",
      "The stored plan could not be used, so your clinic's usual number of sessions is used until you choose one. 3 sessions are booked but only 2 are planned.",
      "Your stored sessions could not be turned into a plan: check them on the Sessions screen. 3 sessions are booked but only 2 are planned.",
      'Your stored protocol choice, {"builtin":"gone"}, could not be used, so the default protocol is followed until you choose yours again.',
    ]);
  });

  it("are worded in Spanish for a Spanish-speaking client", () => {
    setLang("es");
    expect(cases.map(resetText)).toEqual([
      'No se ha podido leer la hora guardada de los recordatorios, "25:00": se usa 09:00 hasta que guardes tus ajustes.',
      'No se ha podido leer el idioma guardado, "fr": se usa el del dispositivo hasta que guardes tus ajustes.',
      "No se ha podido leer un ajuste guardado, [1]: se usa su valor por defecto hasta que guardes tus ajustes.",
      'No se han podido leer tus ajustes guardados, "[1, 2]", así que se usan los valores por defecto hasta que guardes tus ajustes.',
      "No se ha podido leer la fecha guardada de una sesión, 2025-02-30, así que esa sesión queda fuera de tu plan: bórrala y vuelve a introducir su fecha.",
      "No se ha podido usar el número de sesiones previstas guardado, 0, así que se usa el habitual de tu clínica hasta que elijas uno.",
      "No se ha podido usar el plan guardado, así que se usa el número de sesiones habitual de tu clínica hasta que elijas uno. Hay 3 sesiones reservadas, pero solo 2 previstas.",
      "Con tus sesiones guardadas no se ha podido hacer un plan: revísalas en la pantalla Sesiones. Hay 3 sesiones reservadas, pero solo 2 previstas.",
      'No se ha podido usar el protocolo que tenías elegido, {"builtin":"gone"}, así que se sigue el protocolo por defecto hasta que vuelvas a elegir el tuyo.',
    ]);
  });
});
