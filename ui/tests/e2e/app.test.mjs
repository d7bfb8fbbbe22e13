// End-to-end tests of the REAL app: the debug binary (its UI embedded) is
// started by tauri-driver and Debian's WebKitWebDriver on a private Xvfb
// display, with a fresh --data-dir, and driven as a client would: first run,
// a second session, a bad clinic file, quit and start again; then a client
// on a Spanish device (es_ES): first run, Today, the language setting, and
// the next morning's reminder through a notification server on the test's
// bus. Along the way it takes the phone-size screenshots in
// target/screenshots/app/ (light and dark; scripts/screenshots.sh copies
// them to docs/screenshots/app/).
//
//   dbus-run-session -- node --test tests/e2e/app.test.mjs   (npm run test:e2e)
//
// Each client's tests run in order and share one data folder.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:http";
import { after, before, describe } from "node:test";
import { By } from "selenium-webdriver";
import {
  appBinary,
  click,
  freshDataDir,
  go,
  launchApp,
  localDate,
  quitApp,
  ROOT,
  screenshot,
  shiftDate,
  SHOTS,
  startNotificationRecorder,
  startTauriDriver,
  startXvfb,
  stopAll,
  story,
  submitFormOf,
  tempFile,
  text,
  tools,
  type,
  typeDate,
  uiMessages,
  waitInPage,
  waitRendered,
  waitText,
} from "./harness.mjs";
import { BAD_PROTOCOL } from "../fixtures/bad-protocol.mjs";
import { png } from "../fixtures/png.mjs";

/** The phone size of the screenshots (the window is 430×860 by default). */
const PHONE = { width: 390, height: 844 };

// Two sessions of "Four dry days" (three planned), 6 days apart as its
// clinic spaces them (5-7): the first 9 days ago (today is day 10 after it),
// the second 3 days ago (today is day 4).
const FIRST = localDate(-9);
const SECOND = localDate(-3);
const TODAY = localDate(0);
const AFTER_FIRST = /\bDay 10 after session 1 of 3\b/i;
const AFTER_SECOND = /\bDay 4 after session 2 of 3\b/i;

/** Every screen, with a pattern its heading must match. */
const SCREENS = [
  ["today", AFTER_SECOND],
  ["can-i", /^Can I/],
  ["timeline", /timeline/i],
  ["journal", /^Journal$/],
  ["check-in", /^Check-in$/],
  ["compare", /^Compare two days$/],
  ["sessions", /sessions/i],
  ["protocol", /plan/i],
  ["settings", /settings/i],
  // The preview of a clinic's plan (its link pasted): see shootEveryScreen.
  ["plan-from-clinic", /^Open a plan from your clinic$/],
];

/**
 * Runs the engine's CLI (target/debug/aftercare, built when missing) with
 * `args` and returns its output: the same engine the app embeds.
 */
function aftercare(...args) {
  const cli = join(ROOT, "target/debug/aftercare");
  if (!existsSync(cli)) {
    execFileSync("cargo", ["build", "-p", "aftercare", "--bin", "aftercare", "--locked"], {
      cwd: ROOT,
      stdio: ["ignore", process.stderr, process.stderr],
    });
  }
  return execFileSync(cli, args, { encoding: "utf8" });
}

/**
 * `aftercare share` (what a clinic runs) with `args`: the same code the app
 * reads plans with.
 */
function share(...args) {
  const clinic = [
    ["--clinic-name", "Hairline Studio"],
    ["--clinic-phone", "+44 20 7946 0000"],
    ["--clinic-email", "desk@hairline.example"],
    ["--clinic-address", "1 High Street, Leeds"],
  ].flat();
  return aftercare("share", "--protocol", "four-day-dry", "--planned", "3", ...clinic, ...args);
}

// The clinic's plan: the client's two sessions and a third one booked 6
// days after the second (Four dry days spaces them 5-7 days apart).
const THIRD = localDate(3);
const CLINIC_SESSIONS = ["--session", FIRST, "--session", SECOND, "--session", THIRD];

let binary;
let display;
let server;
let driver; // the app now running, if any
let dataDir;

/**
 * Starts the app on `dir` at phone size; `device`: the tauri-driver of a
 * device in another locale, `env`: for this start (see launchApp).
 */
async function start(dir, scheme = "light", args = [], { device = server, env = {} } = {}) {
  // One session at a time: a test that failed may have left one open.
  if (driver) await driver.quit().catch(() => {});
  driver = await launchApp(device, binary, dir, { scheme, args, env });
  await driver.manage().window().setRect(PHONE);
  // GTK resizes the window asynchronously: wait for the webview to follow.
  await waitInPage(
    driver,
    `a ${PHONE.width}×${PHONE.height} viewport`,
    (w, h) => window.innerWidth === w && window.innerHeight === h,
    PHONE.width,
    PHONE.height,
  );
  const dark = await driver.executeScript(() => matchMedia("(prefers-color-scheme: dark)").matches);
  assert.equal(dark, scheme === "dark", `the webview prefers the ${scheme} scheme`);
  return driver;
}

/** Quits the app and checks that no process of it is left. */
async function quit(dir) {
  const d = driver;
  driver = undefined;
  const left = await quitApp(d, dir);
  assert.deepEqual(left, [], "the app's process ended with the WebDriver session");
}

/** The UI's words in English and in Spanish, from the app's message files. */
const en = uiMessages("en");
const es = uiMessages("es");

/** Heading of the screen on show, checked not to be the app's error screen (in either language). */
async function heading() {
  const h1 = await text(driver, "main h1");
  if (h1 === en("failure-title") || h1 === es("failure-title")) {
    assert.fail(`the screen failed: ${await text(driver, "main")}`);
  }
  return h1;
}

/** The dates listed under Booked on the Sessions screen. */
function bookedDates() {
  return driver.executeScript(() =>
    [...document.querySelectorAll("ol.sessions time[datetime]")].map((t) => t.getAttribute("datetime")),
  );
}

/** Screenshots of every screen (Can I…? with a question answered). */
async function shootEveryScreen(scheme) {
  for (const [route, title] of SCREENS) {
    await go(driver, route);
    assert.match(await heading(), title, `${route} heading`);
    if (route === "plan-from-clinic") {
      await type(driver, "#handover-link", share(...CLINIC_SESSIONS, "--link").trim());
      await click(driver, By.xpath("//button[contains(., 'Open the link')]"));
      await waitText(driver, ".handover-preview h2", /^What would change$/);
    }
    if (route === "can-i") {
      await type(driver, "#ask", "swim");
      await submitFormOf(driver, "#ask"); // "Ask"
      await waitText(driver, "#answer", /Swimming/);
    }
    // Top of the screen, as a phone shows it first.
    await driver.executeScript(() => window.scrollTo(0, 0));
    await screenshot(driver, `${route}-${scheme}`);
  }
}

/** A real 64×48 PNG (a gradient): what a client picks as a scalp photo. */
const PHOTO = png(64, 48, (x, y) => [x * 4, y * 5, 128]);

/** How many files the app keeps in its photo folder. */
function photoFiles() {
  const dir = join(dataDir, "photos");
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

/** Today's check-in is in the journal, with its day, note and photo shown. */
async function seeJournalEntry() {
  await go(driver, "journal");
  const entry = await driver.executeScript((date) => {
    const li = document.querySelector(`li.journal-entry[data-date="${date}"]`);
    const img = li?.querySelector("img");
    return (
      li && {
        day: li.querySelector(".entry-day")?.textContent,
        note: li.querySelector(".entry-note")?.textContent,
        alt: img?.alt,
        src: img?.getAttribute("src"),
      }
    );
  }, TODAY);
  assert.ok(entry, "today's check-in is in the journal");
  assert.equal(entry.day, "Day 4 after session 2");
  assert.equal(entry.note, "A little red at the front.");
  assert.match(entry.alt ?? "", /^Scalp photo, Day 4 after session 2, /);
  assert.match(entry.src ?? "", /^photo:\/\/localhost\/[0-9a-f]{64}\/thumb$/);
  await waitInPage(
    driver,
    "the journal's photo, served by the app",
    (date) => {
      const img = document.querySelector(`li.journal-entry[data-date="${date}"] img`);
      return !!img && img.complete && img.naturalWidth > 0;
    },
    TODAY,
  );
}

const step = story();

before(async () => {
  tools(); // fails clearly when tauri-driver, WebKitWebDriver, Xvfb or D-Bus is missing
  binary = appBinary();
  mkdirSync(SHOTS, { recursive: true });
  display = await startXvfb();
  server = await startTauriDriver(display);
});

after(async () => {
  if (driver) await driver.quit().catch(() => {});
  await stopAll();
});

describe("the real app, through WebDriver", { timeout: 300_000 }, () => {
  step("first run: Welcome, a protocol and the first session's date lead to Today", async () => {
    dataDir = freshDataDir("client");
    await start(dataDir);
    assert.equal(await heading(), "Welcome");
    await screenshot(driver, "first-run-light");

    // Pick a protocol other than the preselected one.
    const label = await driver.findElement(By.xpath("//label[contains(., 'Four dry days')]"));
    await click(driver, label);
    const radio = await driver.findElement({ id: await label.getAttribute("for") });
    assert.equal(await radio.isSelected(), true);

    await typeDate(driver, "#first-date", FIRST);
    await click(driver, By.xpath("//button[contains(., 'Show my day')]"));

    const h1 = await waitText(driver, "main h1", /after session/);
    await waitRendered(driver, "today");
    // The app's today is the test's today (same zone; not across midnight).
    const appToday = await driver.executeScript(() =>
      document.querySelector("main .lead time")?.getAttribute("datetime"),
    );
    assert.equal(appToday, TODAY, "the app and the test agree on today's date");
    assert.match(h1, AFTER_FIRST);
    assert.match(await text(driver, "main .lead"), /Four dry days/);
  });

  step("a second session added on Sessions moves Today to session 2", async () => {
    await go(driver, "sessions");
    assert.deepEqual(await bookedDates(), [FIRST]);
    await typeDate(driver, "#add-date", SECOND);
    await submitFormOf(driver, "#add-date"); // "Add session"
    await waitInPage(driver, "two booked sessions", () => document.querySelectorAll("ol.sessions li").length === 2);
    assert.deepEqual(await bookedDates(), [FIRST, SECOND]);

    await go(driver, "today");
    assert.match(await heading(), AFTER_SECOND);
  });

  step("a bad protocol file shows its error inline, naming the line and the field", async () => {
    await go(driver, "protocol");
    const before = await text(driver, "#current-h");
    const file = tempFile("northside.toml", BAD_PROTOCOL);
    await driver.findElement({ css: "#protocol-file" }).sendKeys(file);
    await submitFormOf(driver, "#protocol-file"); // "Import"
    const message = await waitText(driver, "#protocol-file-error", /\S/);
    assert.match(message, /line 10\b/i, "names the line");
    assert.match(message, /\bfield\W+activity\b/i, "names the field");
    assert.match(message, /swimming/, "names the bad value");
    const field = await driver.findElement({ css: "#protocol-file" });
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    assert.match(await field.getAttribute("aria-describedby"), /protocol-file-error/);
    assert.equal(await driver.findElement({ css: "#protocol-file-error" }).isDisplayed(), true);
    // Nothing changed: still the same plan.
    assert.equal(await text(driver, "#current-h"), before);
    assert.equal(before, "Four dry days");
  });

  step("the window stays in the app: a navigation or a new window to an outside origin is refused", async () => {
    await go(driver, "today");
    const own = await driver.executeScript(() => location.origin);
    // An outside page that would load (a failed load keeps the old page, so
    // it would prove nothing); it counts the requests it gets.
    let requests = 0;
    const page = createServer((_, res) => {
      requests += 1;
      res.end("<h1>Outside</h1>");
    });
    await new Promise((ok) => page.listen(0, "127.0.0.1", ok));
    const local = `http://127.0.0.1:${page.address().port}/`;
    try {
      for (const outside of [local, "https://example.com/"]) {
        await driver.executeScript((url) => {
          location.href = url;
        }, outside);
        // A refused navigation never starts: give an allowed one time to
        // replace the page, then check that it did not.
        await driver.sleep(1500);
        assert.equal(await driver.executeScript(() => location.origin), own, `still the app after ${outside}`);
        assert.match(await heading(), AFTER_SECOND);
      }
      // window.open and a target=_blank link: no second window, no request.
      await driver.executeScript((url) => {
        window.open(url, "_blank");
        const a = document.createElement("a");
        a.href = url;
        a.target = "_blank";
        document.body.append(a);
        a.click();
        a.remove();
      }, local);
      await driver.sleep(1500);
      assert.equal((await driver.getAllWindowHandles()).length, 1, "no new window");
      assert.equal(requests, 0, "the outside page was never requested");
      assert.match(await heading(), AFTER_SECOND);
    } finally {
      page.close();
    }
  });

  step("a check-in with a real photo is saved, and the journal shows it with the photo the app serves", async () => {
    // Today is on show already (a tab click on it would not render again).
    await driver.navigate().refresh();
    await waitRendered(driver, "today");
    assert.equal(await text(driver, "#check-in-h"), "How does your scalp look today?");
    await click(driver, By.css("main a[href='#/check-in']"));
    await waitRendered(driver, "check-in");
    await click(driver, By.css("#level-redness-mild")); // the radio lies over its label
    await type(driver, "#note", "A little red at the front.");
    await driver.findElement({ css: "#photos" }).sendKeys(tempFile("scalp.png", PHOTO));
    // Imported by the backend (checked, re-encoded, three copies written).
    await waitInPage(driver, "the photo's thumbnail", () => {
      const img = document.querySelector(".photo-item img");
      return !!img && img.complete && img.naturalWidth > 0;
    });
    assert.equal(photoFiles(), 3, "the full-size copy, the screen copy and the thumbnail");
    await click(driver, By.xpath("//button[normalize-space()='Save']"));
    await waitRendered(driver, "today");
    assert.equal(await text(driver, "#check-in-h"), "Checked in today");
    // Yesterday's too (through the app's own command, as the journal's
    // "Check in for yesterday" does), so the compare view has two days.
    const yesterday = await driver.executeAsyncScript((date, done) => {
      window.__TAURI_INTERNALS__
        .invoke("journal")
        .then((j) => {
          const photo = j.entries[0].photos[0].hash;
          const symptoms = { ...j.entries[0].symptoms, redness: "moderate" };
          return window.__TAURI_INTERNALS__.invoke("check_in_save", { date, symptoms, note: "", photos: [photo] });
        })
        .then(
          (c) => done(c.day_label),
          (e) => done(`failed: ${JSON.stringify(e)}`),
        );
    }, localDate(-1));
    assert.equal(yesterday, "Day 3 after session 2");
    assert.equal(photoFiles(), 3, "one photo in two check-ins is stored once");
    await seeJournalEntry();
  });

  step("after quitting and starting again on the same data folder, everything is kept", async () => {
    await quit(dataDir);
    await start(dataDir);
    assert.match(await heading(), AFTER_SECOND);
    await go(driver, "sessions");
    assert.deepEqual(await bookedDates(), [FIRST, SECOND]);
    await go(driver, "protocol");
    assert.equal(await text(driver, "#current-h"), "Four dry days");
    await seeJournalEntry();
  });

  step("screenshots of every screen at phone size, light", async () => {
    await shootEveryScreen("light");
    await quit(dataDir);
  });

  step("screenshots of every screen at phone size, dark (GTK_THEME=Adwaita:dark)", async () => {
    await start(dataDir, "dark");
    await shootEveryScreen("dark");
    await quit(dataDir);

    const fresh = freshDataDir("first-run-dark");
    await start(fresh, "dark");
    assert.equal(await heading(), "Welcome");
    await screenshot(driver, "first-run-dark");
    await quit(fresh);
  });

  step(
    "a plan file from the clinic, opened with the app, is previewed and applied after one confirmation",
    async () => {
      const file = tempFile("hairline.smpplan", "");
      share(...CLINIC_SESSIONS, "--out", file);
      await start(dataDir, "light", [file]);
      // Opened with the app: the preview is shown at once.
      await waitText(driver, ".handover-preview h2", /^What would change$/);
      assert.equal(await heading(), "Open a plan from your clinic");
      const rows = await driver.executeScript(() =>
        [...document.querySelectorAll(".handover-table tbody tr")].map((tr) =>
          [...tr.children].map((c) => c.textContent.replace(/\u00a0/g, " ").trim()),
        ),
      );
      assert.deepEqual(
        rows.map((r) => r[0]),
        ["Session 3", "Clinic", "Phone", "Email", "Address"],
      );
      assert.equal(rows[1][2], "Hairline Studio");
      assert.match(await text(driver, ".handover-same"), /^The same as now: Aftercare plan, Session 1, Session 2/);
      await click(driver, By.xpath("//button[contains(., 'Use this plan')]"));
      await waitRendered(driver, "today");
      assert.match(await heading(), AFTER_SECOND);
      await go(driver, "sessions");
      assert.deepEqual(await bookedDates(), [FIRST, SECOND, THIRD]);
      await go(driver, "settings");
      assert.equal(
        await driver.executeScript(() => document.querySelector("#clinic-address").value),
        "1 High Street, Leeds",
      );
      await quit(dataDir);
    },
  );

  step("on day 6 Today opens with the day's news, and the timeline opens with its chart", async () => {
    // A fresh client of the preselected (default) protocol, first session
    // five days ago: today is day 6.
    const fresh = freshDataDir("day-6");
    await start(fresh);
    await typeDate(driver, "#first-date", localDate(-5));
    await click(driver, By.xpath("//button[contains(., 'Show my day')]"));
    await waitText(driver, "main h1", /\bDay 6 after session 1\b/);
    await waitRendered(driver, "today");
    const first = await driver.executeScript(() => {
      const card = document.querySelector("main section.card");
      return card && { cls: card.className, text: card.textContent };
    });
    assert.match(first.cls, /\bnews\b/, "the first card is the day's news");
    assert.match(first.text, /New today\s*Day 6: rinse and shave again/);

    await go(driver, "timeline");
    const chart = await driver.executeScript(() => {
      const card = document.querySelector("main section.card.chart");
      const box = card?.getBoundingClientRect();
      return (
        card && {
          first: card === document.querySelector("main section.card"),
          rows: card.querySelectorAll(".chart-rows > li").length,
          today: card.querySelector(".label-today")?.textContent ?? null,
          fits: box.width <= window.innerWidth,
        }
      );
    });
    assert.ok(chart, "a chart on the timeline");
    assert.equal(chart.first, true, "the chart comes first");
    assert.ok(chart.rows >= 8, `one row per activity (${chart.rows})`);
    assert.equal(chart.today, "Today");
    assert.equal(chart.fits, true, "the chart fits the phone's width");
    await screenshot(driver, "timeline-day-6-light");
    await quit(fresh);
  });
});

// A client whose device is set to Spanish (es_ES: the app's language and the
// dates' order come from it), on its own tauri-driver. Each start fixes the
// app's today at noon (SMP_AFTERCARE_TODAY): the first run on day 5 after
// the first session, then the next morning, day 6, whose reminder (at the
// default 09:00) was due three hours before the app started: the app shows
// it at once, as the engine wrote it. Every expected word is read from the
// app's message files (uiMessages) or from the engine's CLI (--lang), never
// typed out again here.
describe("the real app on a Spanish device (es_ES), through WebDriver", { timeout: 120_000 }, () => {
  const esStep = story();
  const DAY_5 = localDate(0);
  const DAY_6 = shiftDate(DAY_5, 1);
  const ES_FIRST = shiftDate(DAY_5, -4);
  let esServer;
  let notifications;
  let esDir;

  /** The default protocol's plan for the client, from the engine in `lang`. */
  const plan = (lang) => JSON.parse(aftercare("plan", "--lang", lang, "--session", ES_FIRST, "--json"));
  /** The milestone of `plan` on `date`. */
  const milestone = (p, date) => {
    const m = p.milestones.find((m) => m.date === date);
    assert.ok(m, `the engine's plan has a milestone on ${date}`);
    return m;
  };
  /** Today's heading in `words`' language: "Día 5 tras la sesión 1 de 3". */
  const dayHeading = (words, p, day) => words("day-after-session", { day, session: 1, planned: p.planned });
  /** The news card on Today: its heading, headline and points. */
  const news = () =>
    driver.executeScript(() => {
      const card = document.querySelector("main section.card.news");
      const clean = (t) => (t ?? "").replace(/\u00a0/g, " ").trim();
      return (
        card && {
          h2: clean(card.querySelector("h2")?.textContent),
          headline: clean(card.querySelector(".news-headline")?.textContent),
          points: [...card.querySelectorAll(".news-points li")].map((li) => clean(li.textContent)),
        }
      );
    });
  /** What Today must show on `date` (day `day`) in `words`' language, from the engine's plan in `lang`. */
  const expectToday = async (words, lang, date, day) => {
    const p = plan(lang);
    const m = milestone(p, date);
    assert.equal(await heading(), dayHeading(words, p, day));
    assert.deepEqual(await news(), { h2: words("today-new"), headline: m.headline, points: m.points });
  };
  const pageLang = () => driver.executeScript(() => document.documentElement.lang);
  /** The language select's value and the text of its choice. */
  const chosen = () =>
    driver.executeScript(() => {
      const s = document.querySelector("#language");
      return [s.value, s.selectedOptions[0]?.textContent];
    });
  /** Picks `value` in Settings' language select and saves; waits for the label in `words`' language. */
  const chooseLanguage = async (value, words) => {
    await click(driver, `#language option[value='${value}']`);
    assert.equal(await driver.executeScript(() => document.querySelector("#language").value), value);
    await submitFormOf(driver, "#language"); // "Guardar ajustes" / "Save settings"
    const label = words("settings-language");
    await waitInPage(
      driver,
      `the language label to read ${label}`,
      (l) => document.querySelector("label[for='language']")?.textContent === l,
      label,
    );
    await waitRendered(driver, "settings");
  };

  before(async () => {
    esServer = await startTauriDriver(display, "es_ES");
    notifications = await startNotificationRecorder();
  });

  esStep("first run reads Spanish; a date typed day/month/year leads to Today in Spanish", async () => {
    esDir = freshDataDir("es");
    await start(esDir, "light", [], { device: esServer, env: { SMP_AFTERCARE_TODAY: DAY_5 } });
    assert.equal(await driver.executeScript(() => navigator.language), "es-ES", "the device's locale");
    assert.equal(await pageLang(), "es");
    assert.equal(await heading(), es("first-title"));
    assert.equal(await text(driver, "label[for='first-date']"), es("first-date"));
    const submit = await driver.findElement(By.css("main form button[type='submit']"));
    assert.equal((await submit.getText()).trim(), es("first-submit"));

    // The preselected protocol (the engine's default); the date as a
    // Spanish client types it: day, month, year.
    const field = await typeDate(driver, "#first-date", ES_FIRST);
    const [y, m, d] = ES_FIRST.split("-");
    assert.equal(await field.getAttribute("value"), `${d}/${m}/${y}`);
    await click(driver, submit);
    // Welcome is drawn on the today route too: wait for Today's heading.
    const h1 = dayHeading(es, plan("es"), 5);
    await waitInPage(driver, `Today's heading ${h1}`, (h) => document.querySelector("main h1")?.textContent === h, h1);
    await waitRendered(driver, "today");
    await expectToday(es, "es", DAY_5, 5);
    assert.equal(await text(driver, "#nav a[data-route='today'] .nav-label"), es("nav-today"));
  });

  esStep("Settings offers Idioma with the device's language; English redraws in English, and back", async () => {
    await go(driver, "settings");
    assert.equal(await heading(), es("nav-settings"));
    assert.equal(await text(driver, "label[for='language']"), es("settings-language"));
    const device = ["device", es("settings-language-device", { language: es("language-es") })];
    assert.deepEqual(await chosen(), device);

    await chooseLanguage("en", en);
    assert.equal(await pageLang(), "en");
    assert.equal(await heading(), en("nav-settings"));
    assert.deepEqual(await chosen(), ["en", en("language-en")]);
    // The engine's texts follow: Today's news in English.
    await go(driver, "today");
    await expectToday(en, "en", DAY_5, 5);

    await go(driver, "settings");
    await chooseLanguage("device", es);
    assert.equal(await pageLang(), "es");
    assert.equal(await heading(), es("nav-settings"));
    assert.deepEqual(await chosen(), device);
    await go(driver, "today");
    await expectToday(es, "es", DAY_5, 5);
    await quit(esDir);
    // Day 5's reminder was due before the plan was entered: never shown.
    assert.deepEqual(notifications.received(), []);
  });

  esStep("the next morning the app shows day 6's reminder in Spanish, and Today in Spanish", async () => {
    await start(esDir, "light", [], { device: esServer, env: { SMP_AFTERCARE_TODAY: DAY_6 } });
    const reminders = JSON.parse(aftercare("reminders", "--lang", "es", "--session", ES_FIRST, "--json"));
    const due = reminders.find((r) => r.id === `day:${ES_FIRST}:6`);
    assert.ok(due, "the engine plans a reminder for day 6");
    assert.equal(due.local.slice(0, 16), `${DAY_6}T09:00`, "at the default reminder time");
    const got = await notifications.waitFor(1);
    assert.deepEqual(
      got.map((n) => [n.app_name, n.summary, n.body]),
      [["SMP Aftercare", due.title, due.body]],
    );
    await waitRendered(driver, "today");
    await expectToday(es, "es", DAY_6, 6);
    await driver.executeScript(() => window.scrollTo(0, 0));
    await screenshot(driver, "today-es-light");
    await quit(esDir);
  });
});
