// Crash safety of the REAL app under SIGKILL (issue 15, item 1).
//
// One data folder, `kills` rounds. Each round starts the app (a new
// WebDriver session on the same folder, so damage accumulates), checks
// what the app reads back against every write it acknowledged before, then
// drives writes through the app's own IPC (the page's
// `window.__TAURI_INTERNALS__.invoke`, as the UI's bindings call it):
// sessions added, moved and deleted; settings; a clinic's protocol
// imported, a built-in one chosen; check-ins with a real photo (imported
// first with `photo_add`, then saved), check-ins deleted. At a moment drawn
// from a seeded PRNG the app process (never the driver) is killed with
// SIGKILL. Then, before the next start, the SQLite file is opened with
// Debian's `sqlite3` CLI (the store as any reader finds it after the crash,
// without the app's own recovery): `PRAGMA integrity_check` must say `ok`,
// every photo a check-in row holds must have its three files (no
// half-written check-in), and the delivery log must account for every
// notification the recorder on the private bus got (no reminder shown
// twice). After the start that follows, no photo file that no check-in
// holds, and no temporary file, may be left (the app's start-up sweep
// removes them; checked after the restart, as the app promises it).
//
// Each start is a day after the one before (SMP_AFTERCARE_TODAY: the app's
// clock starts at noon of that day), and the settings written put the
// reminder time around the app's now: reminders fall due while it runs and
// while it is down, and those come as a catch-up at the next start, the
// moment a reminder could be shown twice.
//
// A write counts as acknowledged when its invoke resolved OK in the page
// and the answer reached the test. The write in flight at the kill (sent,
// no answer) may or may not be applied: the check accepts either, and
// nothing else.
//
// The seed fixes the writes and the kill delays; what the app had finished
// at the moment of the kill also depends on the machine's speed.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { png } from "../fixtures/png.mjs";
import {
  appBinary,
  freshDataDir,
  launchApp,
  processesWith,
  quitApp,
  ROOT,
  startNotificationRecorder,
  startTauriDriver,
  startXvfb,
} from "./harness.mjs";

/** The store's file in the data folder (src-tauri/src/store/mod.rs DB_FILE). */
const DB_FILE = "smp-aftercare.sqlite3";
/** A photo copy's name: `<64 hex>` and one of the app's suffixes. */
const PHOTO_NAME = /^([0-9a-f]{64})(\.jpg|\.png|\.screen\.jpg|\.thumb\.jpg)$/;
/** How long an answer may still arrive after the kill (from the dead app: none). */
const GRACE_MS = 3000;

/** mulberry32: a small, well-known 32-bit PRNG, so a seed replays the run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs one command in the page and returns `{ ok, value }` or `{ ok: false, error }`. */
function invoke(driver, cmd, args = {}) {
  return driver.executeAsyncScript(
    (cmd, args, done) => {
      const a = { ...args };
      // photo_add reports progress on a channel: the wire form of a
      // @tauri-apps/api Channel is its callback id with this prefix.
      if (cmd === "photo_add") a.onProgress = `__CHANNEL__:${window.__TAURI_INTERNALS__.transformCallback(() => {})}`;
      window.__TAURI_INTERNALS__.invoke(cmd, a).then(
        (value) => done({ ok: true, value }),
        (error) => done({ ok: false, error }),
      );
    },
    cmd,
    args,
  );
}

/** Like invoke, but a failure to read is a failure of the run. */
async function read(driver, cmd, args) {
  const r = await invoke(driver, cmd, args);
  if (!r.ok) throw new Error(`${cmd} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Runs `sqlite3` on the store with one statement; returns its output lines. */
function sql(db, statement) {
  return execFileSync("sqlite3", ["-batch", "-bail", db, statement], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l !== "");
}

/** What the app holds, in the terms the checks compare. */
async function readState(driver) {
  const sessions = (await read(driver, "sessions")).sessions;
  const settings = await read(driver, "settings");
  const protocols = await read(driver, "protocols");
  const journal = await read(driver, "journal");
  const selected = protocols.find((p) => p.selected) ?? null;
  return {
    state: {
      sessions: sessions.map((s) => s.date).sort(),
      settings,
      selected: selected && { id: selected.id, source_name: selected.source_name ?? null },
      imported: protocols
        .filter((p) => p.imported)
        .map((p) => p.source_name)
        .sort(),
      checkIns: Object.fromEntries(
        journal.entries.map((e) => [
          e.date,
          { note: e.note, symptoms: e.symptoms, photos: e.photos.map((p) => p.hash) },
        ]),
      ),
    },
    ids: Object.fromEntries(sessions.map((s) => [s.date, s.id])),
    today: journal.today,
  };
}

const clone = (s) => structuredClone(s);

/** The state after `write` is applied to `state`. */
function apply(state, write) {
  const s = clone(state);
  const without = (date) => s.sessions.filter((d) => d !== date);
  switch (write.kind) {
    case "session_add":
      s.sessions = [...s.sessions, write.date].sort();
      break;
    case "session_edit":
      s.sessions = [...without(write.from), write.date].sort();
      break;
    case "session_delete":
      s.sessions = without(write.date);
      break;
    case "settings_set":
      s.settings = write.settings;
      break;
    case "protocol_import":
      s.selected = { id: write.id, source_name: write.sourceName };
      s.imported = [...new Set([...s.imported, write.sourceName])].sort();
      break;
    case "protocol_select":
      s.selected = { id: write.id, source_name: null };
      break;
    case "check_in_save":
      s.checkIns[write.date] = { note: write.note, symptoms: write.symptoms, photos: write.photos };
      break;
    case "check_in_delete":
      delete s.checkIns[write.date];
      break;
    default:
      throw new Error(`unknown write ${write.kind}`);
  }
  return s;
}

/** The part of a state one write is about: found when it reads as the model has it. */
function probe(state, write) {
  switch (write.kind) {
    case "session_add":
    case "session_delete":
      return state.sessions.includes(write.date);
    case "session_edit":
      return [state.sessions.includes(write.from), state.sessions.includes(write.date)];
    case "settings_set":
      return state.settings;
    case "protocol_import":
      return [state.selected, state.imported.includes(write.sourceName)];
    case "protocol_select":
      return state.selected;
    case "check_in_save":
    case "check_in_delete":
      return state.checkIns[write.date] ?? null;
  }
  return undefined;
}

/** `yyyy-mm-dd` `days` after `iso`. */
function shift(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LEVELS = ["none", "mild", "moderate", "strong"];
const SYMPTOMS = ["redness", "itching", "scabs", "soreness", "swelling", "sunburn"];
const BUILTINS = readdirSync(join(ROOT, "protocols"))
  .filter((f) => f.endsWith(".toml"))
  .map((f) => f.slice(0, -".toml".length))
  .sort();

/**
 * The writes of one round, drawn from `rand`: each is `{ kind, ... }` plus
 * the commands that carry it out (`steps`: photo_add first for a check-in).
 */
function writer(rand, seed, counter) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const hhmm = (minutes) => {
    const m = ((minutes % 1440) + 1440) % 1440;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  };
  return (model, ids, today, minutes) => {
    const n = ++counter.n;
    const dates = model.sessions;
    const roll = rand();
    if (roll < 0.2 && dates.length < 4) {
      // Mostly close to today, so that today is a milestone (or the day
      // before a session) of some plan and its reminder can fall due.
      let date = shift(today, rand() < 0.7 ? int(-8, 2) : -int(9, 40));
      while (dates.includes(date)) date = shift(date, -1);
      return { kind: "session_add", date, args: { date } };
    }
    if (roll < 0.32 && dates.length > 0) {
      const from = pick(dates);
      let date = shift(from, int(-6, 6) || 1);
      while (dates.includes(date)) date = shift(date, 1);
      return { kind: "session_edit", from, date, args: { id: ids[from], date } };
    }
    if (roll < 0.4 && dates.length > 0) {
      const date = pick(dates);
      return { kind: "session_delete", date, args: { id: ids[date] } };
    }
    if (roll < 0.58) {
      // Reminder times around the app's now (`minutes`, UTC), so reminders
      // fall due while it runs or while it is down (shown at the next start).
      const settings = {
        ...model.settings,
        reminders_enabled: rand() < 0.9,
        reminder_time: hhmm(minutes() + int(-3, 2)),
        quiet_hours: rand() < 0.3 ? { start: hhmm(int(0, 1439)), end: hhmm(int(0, 1439)) } : null,
        // As the app wrote it back, so a write in flight compares as sent.
        zone: model.settings.zone.mode === "fixed" ? model.settings.zone : { mode: "fixed", zone: "UTC" },
        launch_at_login: false,
        care_reminders: rand() < 0.5,
        clinic: { ...model.settings.clinic, name: `Crash clinic ${seed}-${n}` },
      };
      if (settings.quiet_hours && settings.quiet_hours.start === settings.quiet_hours.end) settings.quiet_hours = null;
      return { kind: "settings_set", settings, args: { settings } };
    }
    if (roll < 0.62) {
      // A clinic's file: a built-in protocol's text under a name and id of
      // its own (every imported text is kept, once).
      const base = pick(BUILTINS);
      const id = `crash-${seed}-${n}`;
      const text = readFileSync(join(ROOT, "protocols", `${base}.toml`), "utf8")
        .replace(/^id = ".*"$/m, `id = "${id}"`)
        .replace(/^name\.en = ".*"$/m, `name.en = "Crash clinic plan ${seed}-${n}"`);
      const sourceName = `${id}.toml`;
      return { kind: "protocol_import", id, sourceName, args: { sourceName, text } };
    }
    if (roll < 0.66) {
      const id = pick(BUILTINS);
      return { kind: "protocol_select", id, args: { id } };
    }
    const checkIns = Object.keys(model.checkIns);
    if (roll < 0.72 && checkIns.length > 0) {
      const date = pick(checkIns);
      return { kind: "check_in_delete", date, args: { date } };
    }
    // A check-in of today or yesterday with a new photo (its colours from
    // the PRNG, so its hash is new), sometimes also one it already holds.
    const date = rand() < 0.5 ? today : shift(today, -1);
    const symptoms = Object.fromEntries(SYMPTOMS.map((s) => [s, pick(LEVELS)]));
    const note = `Crash check-in ${seed}-${n}`;
    const [r, g, b] = [int(0, 255), int(0, 255), int(0, 255)];
    const photo = png(24, 16, (x, y) => [(r + x) & 255, (g + y) & 255, b]).toString("base64");
    const keep = (model.checkIns[date]?.photos ?? []).slice(0, rand() < 0.5 ? 1 : 0);
    return { kind: "check_in_save", date, note, symptoms, keep, photo };
  };
}

/** Every photo file name in the folder, and every other name in it. */
function photoFolder(dataDir) {
  const dir = join(dataDir, "photos");
  const names = existsSync(dir) ? readdirSync(dir) : [];
  const byHash = new Map();
  const others = [];
  for (const name of names) {
    const m = PHOTO_NAME.exec(name);
    if (m) byHash.set(m[1], [...(byHash.get(m[1]) ?? []), m[2]]);
    else others.push(name);
  }
  return { byHash, others };
}

/** Whether photo `hash` is whole: a full-size copy, a screen copy and a thumbnail. */
const whole = (suffixes = []) =>
  (suffixes.includes(".jpg") || suffixes.includes(".png")) &&
  suffixes.includes(".screen.jpg") &&
  suffixes.includes(".thumb.jpg");

/**
 * Runs the crash test: `kills` SIGKILLs on one fresh data folder, writes
 * and kill delays from `seed`, each round's writes for at most `maxMs`
 * before its kill. Logs with `log`; returns the counts (and `problems`, a
 * list of what went wrong: empty when everything held).
 */
export async function crashRun({ kills, seed, maxMs = 2500, log = console.log }) {
  const rand = prng(seed);
  const counter = { n: 0 };
  const next = writer(rand, seed, counter);
  const binary = appBinary();
  const display = await startXvfb();
  const recorder = await startNotificationRecorder();
  const server = await startTauriDriver(display);
  // From here: the binary is built and copied, the display and driver run.
  const started = Date.now();
  const dataDir = freshDataDir("crash");
  const db = join(dataDir, DB_FILE);
  const counts = {
    kills: 0,
    writes_sent: 0,
    writes_acknowledged: 0,
    writes_found: 0,
    writes_refused: 0,
    in_flight_applied: 0,
    in_flight_not_applied: 0,
    photos_imported: 0,
    integrity_failures: 0,
    half_written_check_ins: 0,
    orphans: 0,
    notifications: 0,
    duplicates: 0,
  };
  const problems = [];
  const problem = (round, what) => {
    problems.push(`round ${round}: ${what}`);
    log(`crash: round ${round}: PROBLEM: ${what}`);
  };

  let model = null; // the state every acknowledged write implies
  let acked = []; // this round's acknowledged writes, in order
  let inFlight = null; // the write sent whose answer never came

  /**
   * Starts the app on `day` and checks it against the model; returns the
   * session, and the app's now in minutes of the UTC day.
   */
  const startAndCheck = async (round, day) => {
    const driver = await launchApp(server, binary, dataDir, { env: { SMP_AFTERCARE_TODAY: day } });
    const launched = Date.now();
    const noon = new Date(`${day}T12:00:00`); // the device's zone, as the app reads it
    const minutes = () => noon.getUTCHours() * 60 + noon.getUTCMinutes() + Math.floor((Date.now() - launched) / 60_000);
    const { state, ids, today } = await readState(driver);
    if (model === null) {
      model = state;
    } else {
      const candidates = [model];
      if (inFlight) candidates.push(apply(model, inFlight));
      const match = candidates.findIndex((c) => isDeepStrictEqual(c, state));
      if (inFlight) counts[match === 1 ? "in_flight_applied" : "in_flight_not_applied"] += 1;
      // A write is found when the app reads what a candidate says of it
      // (the one that matches, else either).
      const expected = match === -1 ? candidates : [candidates[match]];
      for (const w of acked) {
        if (expected.some((c) => isDeepStrictEqual(probe(state, w), probe(c, w)))) counts.writes_found += 1;
        else
          problem(
            round,
            `acknowledged ${w.kind} ${JSON.stringify(w.date ?? w.id ?? "")} lost: the app reads ${JSON.stringify(probe(state, w))}, expected ${JSON.stringify(probe(model, w))}`,
          );
      }
      if (match === -1) {
        problem(
          round,
          `the state differs from every acknowledged write:\n  app:   ${JSON.stringify(state)}\n  model: ${JSON.stringify(model)}`,
        );
      }
      // Carry on from what is there, so one fault is reported once.
      model = state;
    }
    acked = [];
    inFlight = null;
    // After the start-up sweep: every photo file belongs to a check-in,
    // no temporary file is left, and every check-in's photos are whole.
    const { byHash, others } = photoFolder(dataDir);
    const held = new Set(Object.values(state.checkIns).flatMap((c) => c.photos));
    for (const [hash] of byHash) {
      if (!held.has(hash)) {
        counts.orphans += 1;
        problem(round, `orphan photo ${hash} after the restart`);
      }
    }
    for (const name of others) {
      counts.orphans += 1;
      problem(round, `file ${name} left in the photo folder after the restart`);
    }
    for (const hash of held) {
      if (!whole(byHash.get(hash))) {
        counts.half_written_check_ins += 1;
        problem(round, `a check-in holds photo ${hash} but its files are ${JSON.stringify(byHash.get(hash) ?? [])}`);
      }
    }
    return { driver, ids, today, minutes };
  };

  /** Checks the file the killed app left (before any start repairs it). */
  const checkAfterKill = (round) => {
    const integrity = sql(db, "PRAGMA integrity_check;");
    if (integrity.join("\n") !== "ok") {
      counts.integrity_failures += 1;
      problem(round, `integrity_check: ${integrity.join("; ")}`);
    }
    const fk = sql(db, "PRAGMA foreign_key_check;");
    if (fk.length) {
      counts.integrity_failures += 1;
      problem(round, `foreign_key_check: ${fk.join("; ")}`);
    }
    const { byHash } = photoFolder(dataDir);
    for (const hash of sql(db, "SELECT DISTINCT hash FROM check_in_photos;")) {
      if (!whole(byHash.get(hash))) {
        counts.half_written_check_ins += 1;
        problem(
          round,
          `after the kill a check-in holds photo ${hash} whose files are ${JSON.stringify(byHash.get(hash) ?? [])}`,
        );
      }
    }
  };

  /**
   * Every notification must be one the delivery log claimed: one per
   * `notification` entry, one per summary (its entries share one claim
   * time). More notifications than claims is a reminder shown twice.
   */
  const checkNotifications = (round) => {
    const [shown] = sql(
      db,
      "SELECT (SELECT count(*) FROM reminder_log WHERE how = 'notification') + (SELECT count(DISTINCT delivered_at) FROM reminder_log WHERE how = 'summary');",
    );
    const got = recorder.received();
    counts.notifications = got.length;
    const extra = got.length - Number(shown);
    if (extra > counts.duplicates) {
      problem(
        round,
        `${got.length} notifications shown for ${shown} claimed in the delivery log: ${JSON.stringify(got.slice(-extra - 1))}`,
      );
      counts.duplicates = extra;
    }
  };

  const killApp = async (driver) => {
    const pids = processesWith(dataDir);
    if (pids.length !== 1) throw new Error(`expected one app on ${dataDir}, found ${JSON.stringify(pids)}`);
    process.kill(pids[0], "SIGKILL");
    const deadline = Date.now() + 10_000;
    while (processesWith(dataDir).length) {
      if (Date.now() > deadline) throw new Error("the killed app is still there after 10 s");
      await new Promise((r) => setTimeout(r, 20));
    }
    // The session's browser is gone; ending the session may fail or hang.
    await Promise.race([driver.quit().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  };

  const timing = { start: 0, write: 0, kill: 0, check: 0 };
  // Each start is a day after the one before (SMP_AFTERCARE_TODAY: noon of
  // that day, the clock running from there), as for a laptop switched off
  // overnight: the reminders missed while it was down come at the start.
  const firstDay = new Date().toISOString().slice(0, 10);
  for (let round = 1; round <= kills; round++) {
    let t0 = Date.now();
    const { driver, ids, today, minutes } = await startAndCheck(round, shift(firstDay, round - 1));
    timing.start += Date.now() - t0;
    t0 = Date.now();
    const delay = Math.floor(rand() * maxMs);
    let killed = false;
    let killing;
    const timer = new Promise((resolve) =>
      setTimeout(() => {
        killed = true;
        killing = killApp(driver);
        resolve();
      }, delay),
    );
    const afterKill = timer.then(() => new Promise((r) => setTimeout(r, GRACE_MS)));
    // One write at a time, so at most one is in flight at the kill.
    // An answer that never comes (the app died) or a dead session is
    // "lost"; any other failure to reach the page ends the run.
    const send = (cmd, args) => {
      const answer = invoke(driver, cmd, args).catch((e) => {
        if (!killed) throw e;
        return { ok: false, lost: true };
      });
      return Promise.race([answer, afterKill.then(() => ({ ok: false, lost: true }))]);
    };
    while (!killed) {
      const w = next(model, ids, today, minutes);
      if (w.kind === "check_in_save") {
        const added = await send("photo_add", { data: w.photo });
        if (!added.ok) {
          if (!added.lost) throw new Error(`photo_add refused: ${JSON.stringify(added.error)}`);
          break;
        }
        counts.photos_imported += 1;
        w.photos = [...w.keep, added.value.hash];
        w.args = { date: w.date, symptoms: w.symptoms, note: w.note, photos: w.photos };
        if (killed) break;
      }
      const cmd = w.kind;
      counts.writes_sent += 1;
      inFlight = w;
      const r = await send(cmd, w.args);
      if (r.ok) {
        if (w.kind === "settings_set") w.settings = r.value;
        if (w.kind === "session_add" || w.kind === "session_edit") {
          for (const s of r.value.sessions) ids[s.date] = s.id;
        }
        model = apply(model, w);
        acked.push(w);
        counts.writes_acknowledged += 1;
        inFlight = null;
      } else if (!r.lost) {
        // Refused (a plan the engine refuses, a date outside the check-in
        // window): nothing applied, nothing acknowledged.
        counts.writes_refused += 1;
        inFlight = null;
      } else {
        break;
      }
    }
    await timer;
    timing.write += Date.now() - t0;
    t0 = Date.now();
    await killing;
    timing.kill += Date.now() - t0;
    t0 = Date.now();
    counts.kills += 1;
    checkAfterKill(round);
    checkNotifications(round);
    timing.check += Date.now() - t0;
    if (round % 10 === 0 || round === kills) {
      log(
        `crash: ${round} kills, ${counts.writes_acknowledged} writes acknowledged, ${Math.round((Date.now() - started) / 1000)} s (ms in starts ${timing.start}, writes ${timing.write}, kills ${timing.kill}, checks ${timing.check})`,
      );
    }
  }
  // The last kill's writes, checked by one more start; then time for a
  // catch-up pass to show anything it would show twice.
  const { driver } = await startAndCheck(kills + 1, shift(firstDay, kills));
  await new Promise((r) => setTimeout(r, 3000));
  const left = await quitApp(driver, dataDir);
  if (left.length) problem(kills + 1, `the app did not end: ${left}`);
  checkAfterKill(kills + 1);
  checkNotifications(kills + 1);
  counts.seconds = Math.round((Date.now() - started) / 1000);
  return { counts, problems };
}
