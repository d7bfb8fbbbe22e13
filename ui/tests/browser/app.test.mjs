// Browser tests of the BUILT UI (ui/dist) in Debian's chromium, at a phone
// size and a desktop size, with the IPC answered by the fake backend.
//
//   npm run build && npm run build:mock && node --test tests/browser/
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { axe, DIST, fakeState, go, problems, sharedBrowser, UI } from "./harness.mjs";
import { BAD_PROTOCOL } from "../fixtures/bad-protocol.mjs";

const SIZES = [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
];
const SCREENS = [
  ["today", "Day 4 after session 2 of 3"],
  ["can-i", "Can I…?"],
  ["timeline", "Your timeline"],
  ["journal", "Journal"],
  ["sessions", "Your sessions"],
  ["protocol", "Your clinic's plan"],
  ["settings", "Settings"],
];
// Under target/, never into the source tree: scripts/screenshots.sh copies
// them to docs/screenshots/browser/.
const SHOTS = join(UI, "../target/screenshots/browser");

const openPage = sharedBrowser();
const axeSummary = {};

after(() => {
  console.log("\naxe-core summary (violations by impact, every screen):");
  for (const [key, s] of Object.entries(axeSummary)) {
    const counts = ["critical", "serious", "moderate", "minor"].map((i) => `${i} ${s.byImpact[i] ?? 0}`).join(", ");
    console.log(
      `  ${key.padEnd(16)} ${s.screens} screens: ${counts}${s.ids.size ? ` (${[...s.ids].join(", ")})` : ""}`,
    );
  }
});

/** Scans the page with axe, records the summary and fails on serious/critical. */
async function scan(page, key, screen) {
  // The whole page in view first: axe counts a button that the (sticky) tab
  // bar covers at this scroll position as too small a target.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  const violations = await axe(page);
  await page.setViewportSize(viewport);
  const s = (axeSummary[key] ??= { screens: 0, byImpact: {}, ids: new Set() });
  s.screens++;
  for (const v of violations) {
    s.byImpact[v.impact] = (s.byImpact[v.impact] ?? 0) + 1;
    s.ids.add(`${v.id}@${screen}`);
  }
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${screen}: serious or critical axe violations`);
}

/** An element's text, with no-break spaces as plain spaces. */
async function text(page, selector) {
  return ((await page.textContent(selector)) ?? "").replace(/\u00a0/g, " ");
}

async function noProblems(page) {
  assert.deepEqual(await problems(page), []);
}

describe("the shipped dist", () => {
  it("holds no test mocks; its page fits in 40 KB gzipped; Spanish and the screens after Today load only on demand", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    let page = 0;
    const onDemand = [];
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else {
          const text = readFileSync(p);
          assert.ok(!/fake backend|__SMP_FAKE__|mockIPC/.test(text.toString()), `${p} contains test-only code`);
          if (!/\.(js|css)$/.test(p)) continue;
          if (html.includes(e.name)) page += gzipSync(text, { level: 9 }).length;
          else onDemand.push(text.toString());
        }
      }
    };
    walk(DIST);
    assert.ok(page > 0 && page <= 40 * 1024, `the page's JS+CSS is ${page} bytes gzipped`);
    // The Spanish messages are a chunk of their own, which the page does not load.
    assert.equal(onDemand.filter((text) => text.includes("nav-today = Hoy")).length, 1);
    // So is every screen but Today (with first run) and the clinic's plan:
    // Settings, say (its code asks for this message; the page holds only
    // the English message itself).
    assert.equal(onDemand.filter((text) => text.includes("`settings-reminders-on-hint`")).length, 1);
  });

  it("has no inline script or style in index.html", () => {
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style|\sstyle=/);
  });
});

for (const size of SIZES) {
  const { viewport } = size;
  describe(`at ${viewport.width}×${viewport.height}`, () => {
    it("first run: protocol, first session date and reminder time lead to Today", async () => {
      const page = await openPage({ viewport, fake: { state: "fresh" } });
      assert.equal(await text(page, "main h1"), "Welcome");
      // Submitting without a date says so next to the date field.
      await page.click("button:has-text('Show my day')");
      assert.equal(await page.getAttribute("#first-date", "aria-invalid"), "true");
      assert.match(await text(page, "#first-date-error"), /Choose the date of your first session/);

      // Each plan shows the days a client compares with their leaflet.
      assert.deepEqual(await page.$$eval("#first-protocol-3-days li", (items) => items.map((li) => li.textContent)), [
        "Wash from day 15 after your last visit",
        "Shave: not said",
        "Sweat from day 15 after your last visit",
        "Swim: not said",
      ]);
      await page.check("label:has-text('Four dry days')");
      await page.fill("#first-date", "2025-03-17");
      await page.fill("#first-time", "08:30");
      await page.click("button:has-text('Show my day')");
      await page.waitForSelector("main h1:has-text('Day 4 after session 1 of 3')");
      const state = await fakeState(page);
      assert.equal(state.settings.reminder_time, "08:30");
      assert.deepEqual(state.choice, { kind: "builtin", id: "four-day-dry" });
      assert.deepEqual(
        state.sessions.map((s) => s.date),
        ["2025-03-17"],
      );
      const writes = state.calls.filter(
        (c) =>
          ![
            "today_screen",
            "overview",
            "protocols",
            "settings",
            "reminders_missed",
            "session_check",
            "care_ticks",
            "language",
            "handover_pending",
            // Tells the backend the first screen is drawn (the benchmark's
            // timer); it writes nothing.
            "first_screen_drawn",
          ].includes(c.cmd),
      );
      assert.deepEqual(
        writes.map((c) => c.cmd),
        ["first_run"],
        "one call applies all three",
      );
      assert.match(await text(page, "main"), /Not yet/);
      await scan(page, size.name, "today-after-first-run");
      await noProblems(page);
      await page.context().close();
    });

    it("first run with a clinic's file: import, then date and time lead to Today", async () => {
      const page = await openPage({ viewport, fake: { state: "fresh" } });
      await page.click("a:has-text('Import it instead')");
      await page.waitForSelector('main h1:has-text("Your clinic\'s plan")');
      const good = BAD_PROTOCOL.replace('"swimming"', '"swim"');
      await page.setInputFiles("#protocol-file", {
        name: "northside.toml",
        mimeType: "application/toml",
        buffer: Buffer.from(good),
      });
      await page.click("button:has-text('Import')");
      await page.click("button:has-text('Switch')");
      await page.waitForSelector("main h2:has-text('Northside aftercare')");
      await go(page, "today");
      assert.equal(await page.isChecked("label:has-text('Northside aftercare')"), true);
      await page.fill("#first-date", "2025-03-17");
      await page.click("button:has-text('Show my day')");
      await page.waitForSelector("main h1:has-text('Day 4 after session 1 of 3')");
      const state = await fakeState(page);
      assert.equal(state.choice.kind, "imported");
      assert.equal(state.calls.filter((c) => c.cmd === "protocol_select").length, 0);
      await noProblems(page);
      await page.context().close();
    });

    it("every screen renders, without CSP or console errors, and passes axe", async () => {
      const page = await openPage({ viewport, fake: { state: "all", clinic: true } });
      for (const [route, title] of SCREENS) {
        await go(page, route);
        assert.equal((await text(page, "main h1")).trim(), title);
        await scan(page, size.name, route);
      }
      // The first-run screen too.
      const fresh = await openPage({ viewport, fake: { state: "fresh" } });
      await scan(fresh, size.name, "first-run");
      await noProblems(fresh);
      await fresh.context().close();
      await noProblems(page);
      await page.context().close();
    });

    it("Today opens with the day's news on day 6 and folds the long list on day 2", async () => {
      // Day 6 after session 2 (17 Mar): the first card is the news.
      const day6 = await openPage({ viewport, fake: { state: "booked", today: "2025-03-22" } });
      const cards = await day6.$$eval("main section.card h2", (els) => els.map((e) => e.textContent));
      assert.equal(cards[0], "New today");
      assert.equal(await text(day6, ".news-headline"), "Day 6: rinse and shave again");
      const points = await day6.$$eval(".news-points li", (els) => els.map((e) => e.textContent));
      assert.deepEqual(points.slice(0, 2), [
        "Rinse your scalp again (warm water, and pat dry without rubbing).",
        "Shave again (foil shaver only, no wet razors).",
      ]);
      await scan(day6, size.name, "today-day6");
      await noProblems(day6);
      await day6.context().close();

      // Day 2: no news; "Not yet" shows the 3 soonest, the rest folded
      // behind a native disclosure that names the latest date.
      const day2 = await openPage({ viewport, fake: { state: "booked", today: "2025-03-18" } });
      assert.equal(await day2.$(".news"), null);
      const shown = await day2.$$eval(".group-avoid > ul.items > li strong", (els) => els.map((e) => e.textContent));
      assert.deepEqual(shown, ["Sun on your scalp", "Washing", "Getting your scalp wet"]);
      const fold = ".group-avoid details.fold";
      assert.equal(await text(day2, `${fold} > summary`), "and 10 more that wait until Wed 16 Apr or longer");
      assert.equal(await day2.$eval(fold, (e) => e.open), false);
      assert.ok(!(await day2.isVisible(`${fold} li`)));
      await day2.click(`${fold} > summary`);
      assert.equal(await day2.$$eval(`${fold} li.item`, (els) => els.length), 10);
      assert.ok(await day2.isVisible(`${fold} li`));
      // The next change is one line; its details are a tap away.
      assert.equal(await text(day2, ".next-headline"), "Day 5: sun again");
      assert.equal(await day2.$eval(".next details.fold", (e) => e.open), false);
      await scan(day2, size.name, "today-day2");
      await noProblems(day2);
      await day2.context().close();
    });

    it("the first screen takes one call, Today's or the first run's, then says it is drawn", async () => {
      for (const state of ["booked", "fresh"]) {
        const page = await openPage({ viewport, fake: { state } });
        await page.waitForFunction(() =>
          window.__SMP_FAKE__.backend.state.calls.some((c) => c.cmd === "first_screen_drawn"),
        );
        const calls = (await fakeState(page)).calls.map((c) => c.cmd);
        assert.deepEqual(
          calls.slice(0, calls.indexOf("first_screen_drawn") + 1),
          ["today_screen", "first_screen_drawn"],
          state,
        );
        await page.context().close();
      }
    });

    it("Today's answer is asked as the page starts, before any screen is drawn, and only once", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" } });
      await page.waitForFunction(() =>
        window.__SMP_FAKE__.backend.state.calls.some((c) => c.cmd === "first_screen_drawn"),
      );
      const first = (await fakeState(page)).calls.filter((c) => c.cmd === "today_screen");
      assert.deepEqual(
        first.map((c) => c.rendering),
        [false],
        "asked by early.ts before main.ts starts drawing the first screen",
      );
      // Coming back to Today asks afresh: the early answer is not kept.
      await page.click('nav a[data-route="can-i"]');
      await page.waitForSelector('main[data-route="can-i"]');
      await page.click('nav a[data-route="today"]');
      await page.waitForSelector('main[data-route="today"]');
      const again = (await fakeState(page)).calls.filter((c) => c.cmd === "today_screen");
      assert.deepEqual(
        again.map((c) => c.rendering),
        [false, true],
      );
      await page.context().close();

      // A start on another screen does not ask Today's question at all.
      const settings = await openPage({ viewport, fake: { state: "booked" }, route: "settings" });
      assert.ok(!(await fakeState(settings)).calls.some((c) => c.cmd === "today_screen"));
      await settings.context().close();
    });

    it("Today groups the engine's answers and counts down to the next change", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" } });
      const body = await text(page, "main");
      assert.match(body, /Day 4 after session 2 of 3/);
      assert.match(body, /Shaving — from Sat 22 Mar, in 2 days/);
      assert.match(body, /Swimming — from Wed 16 Apr, in 27 days/);
      assert.match(body, /Next change/);
      assert.match(await text(page, ".countdown"), /tomorrow/);
      assert.ok(await page.isVisible(`main h2:has-text("Not yet")`));
      // Everything 003 speaks of is restricted on day 4; what it is silent
      // about (alcohol after a session) is not offered as "OK now".
      assert.ok(!(await page.isVisible(`main h2:has-text("OK now")`)));
      assert.doesNotMatch(body, /Alcohol/);
      await noProblems(page);
      await page.context().close();

      // The day before session 3: care to do, and things to hold back.
      const eve = await openPage({ viewport, fake: { state: "all", today: "2025-04-06" } });
      const eveText = await text(eve, "main");
      assert.match(eveText, /Day 21 after session 2 of 3/);
      assert.match(eveText, /With care[\s\S]*foil shaver only/);
      assert.match(eveText, /Alcohol — not before Tue 8 Apr, then ask your clinic/);
      assert.ok(await eve.isVisible(`main h2:has-text("Today's care")`));
      assert.match(await text(eve, ".countdown"), /tomorrow/);
      await scan(eve, size.name, "today-eve");
      await noProblems(eve);
      await eve.context().close();
    });

    it("sessions closer than the clinic's spacing are warned about, on Today and beside the session", async () => {
      const page = await openPage({ viewport, fake: { state: "close" } });
      const warn = await text(page, ".warnings");
      assert.match(warn, /Check with your clinic/);
      assert.match(
        warn,
        /Session 2 is 3 days after session 1; your clinic's plan spaces sessions at least 10 days apart/,
      );
      assert.match(
        warn,
        /Your scalp is still healing from session 1: ask your clinic before you wash your hair or shave for session 2/,
      );
      // The warning comes before everything else, and no instruction
      // contradicts it.
      const first = await page.$eval("main .screen > :is(section, div):not(.note)", (e) => e.className);
      assert.match(first, /warnings/);
      assert.doesNotMatch(await text(page, "main"), /Wash your hair before your appointment/);
      await scan(page, size.name, "today-warnings");
      await go(page, "sessions");
      const row = await text(page, "ol.sessions li:nth-child(2)");
      assert.match(row, /Session 2[\s\S]*Check with your clinic: Session 2 is 3 days after session 1/);
      assert.doesNotMatch(await text(page, "ol.sessions li:nth-child(1)"), /Check with your clinic/);
      await scan(page, size.name, "sessions-warnings");
      await noProblems(page);
      await page.context().close();
    });

    it("banners show reminders off, failing notifications, missed reminders and recovered data", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", banners: true } });
      const banners = await page.$$eval(".banner .banner-title", (els) => els.map((e) => e.textContent));
      assert.deepEqual(banners, [
        "Your saved data could not be opened",
        "Reminders are off",
        "Reminders can't reach you",
        "You missed 2 reminders",
      ]);
      await page.click("summary:has-text('Show them')");
      assert.match(await text(page, ".banner details"), /Day 2 after session 2/);
      await scan(page, size.name, "today-banners");
      await noProblems(page);
      await page.context().close();
    });

    it("a plan that can only be read says so first on Today", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", readOnly: true } });
      assert.match(
        await text(page, ".banner"),
        /Your plan can't be changed right now[\s\S]*can't save to \/media\/client\/smp-aftercare \(attempt to write a readonly database\)[\s\S]*Reminders still come/,
      );
      await noProblems(page);
      await page.context().close();
    });

    it("a phone that refuses notifications gets a lasting banner; one not asked yet gets a button", async () => {
      const denied = await openPage({ viewport, fake: { state: "booked", permission: "denied" } });
      assert.match(await text(denied, ".banner"), /Your phone blocks reminders[\s\S]*turn notifications on/);
      await go(denied, "settings");
      assert.match(await text(denied, "main"), /Your phone blocks SMP Aftercare's notifications/);
      await go(denied, "today");
      assert.match(await text(denied, ".banner"), /Your phone blocks reminders/, "still there after moving around");
      await scan(denied, size.name, "today-permission-denied");
      await noProblems(denied);
      await denied.context().close();

      const ask = await openPage({ viewport, fake: { state: "booked", permission: "not_asked" } });
      assert.match(await text(ask, ".banner"), /Allow reminders/);
      await ask.click("button:has-text('Allow notifications')");
      await ask.waitForSelector(".banner", { state: "detached" });
      const state = await fakeState(ask);
      assert.equal(state.calls.filter((c) => c.cmd === "notifications_allow").length, 1);
      await noProblems(ask);
      await ask.context().close();
    });

    it("a stored setting that no longer reads is said in a banner, with a way to settings", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", valuesReset: true } });
      assert.match(
        await text(page, ".banner"),
        /A setting was reset[\s\S]*The stored reminder time "25:00" could not be read; 09:00 is used until you save your settings\./,
      );
      await page.click(".banner a:has-text('Open settings')");
      await page.waitForSelector("main h1:has-text('Settings')");
      assert.equal(await page.inputValue("#reminder-time"), "09:00");
      assert.match(await text(page, "main form"), /The stored reminder time "25:00" could not be read/);
      await noProblems(page);
      await page.context().close();
    });

    it("a stored session that no longer reads locks nothing: a banner, then delete it on Sessions", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", unreadableSession: true } });
      assert.match(
        await text(page, ".banner"),
        /A session date could not be read[\s\S]*A stored session date, 2025-02-30, could not be read/,
      );
      // The rest of the plan still answers.
      assert.match(await text(page, "main h1"), /Day 4 after session 2 of 3/);
      await page.click(".banner a:has-text('Open sessions')");
      await page.waitForSelector("main h1:has-text('Your sessions')");
      assert.match(await text(page, ".warning-list"), /2025-02-30[\s\S]*delete it and enter its date again/);
      await scan(page, size.name, "sessions-unreadable");
      await page.click("button:has-text('Delete it')");
      await page.waitForFunction(
        () => !document.querySelector("button[aria-label^='Delete it: the unreadable session']"),
      );
      assert.equal((await fakeState(page)).unreadableDeleted, true);
      await noProblems(page);
      await page.context().close();
    });

    it("the timeline opens at today: earlier days fold into one line, the next news in full", async () => {
      const page = await openPage({ viewport, fake: { state: "all" }, route: "timeline" });
      const plan = await text(page, "main section[aria-labelledby='plan-h']");
      assert.match(plan, /Session 1\s*Thu 6 Mar \(done\)/);
      assert.match(plan, /Session 3\s*Mon 7 Apr/);
      assert.match(plan, /Fully healed\s*Wed 7 May/);
      // Nine days with news before Thu 20 Mar, from getting ready to day 11
      // after session 1, in one closed line.
      assert.equal(await text(page, "details.tl-earlier > summary"), "9 earlier days");
      assert.equal(await page.$eval("details.tl-earlier", (d) => d.open), false);
      const earlier = await page.$$eval("details.tl-earlier .tl-title", (els) => els.map((e) => e.textContent));
      assert.equal(earlier.length, 9);
      assert.equal(earlier[0], "7 days before session 1", "it starts with getting ready");
      assert.ok(!earlier.some((n) => /today/i.test(n ?? "")), earlier.join(" | "));
      // The list itself starts at today, then the next day with news in full.
      const ahead = "ol.tl-ahead > li";
      const first = await page.$$eval(ahead, (els) => els.slice(0, 2).map((e) => e.className));
      assert.deepEqual(first, ["tl-item tl-today tl-marker", "tl-item tl-change"]);
      assert.match(await text(page, `${ahead}[aria-current='date']`), /^Today · Thu 20 Mar\s*Nothing changes today\.$/);
      assert.equal(await page.$$eval("main [aria-current='date']", (els) => els.length), 1);
      assert.equal(await text(page, `${ahead}:nth-child(2) h2`), "Day 5 after session 2");
      // Every later day is one line, its details a tap away.
      const folded = await page.$$eval(`${ahead}.tl-folded`, (els) =>
        els.map((e) => e.querySelector(".tl-title")?.textContent),
      );
      assert.equal(folded.length, 12);
      assert.match(folded.at(-1) ?? "", /fully healed/);
      assert.equal(await page.$$eval(`${ahead}.tl-folded details[open]`, (els) => els.length), 0);
      await noProblems(page);
      await page.context().close();
    });

    it("the chart shows every activity over the whole plan in one screen, sessions and today marked", async () => {
      const page = await openPage({ viewport, fake: { state: "all" }, route: "timeline" });
      const box = await page.$eval("section.chart", (e) => e.getBoundingClientRect().toJSON());
      assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `chart ${JSON.stringify(box)}`);
      assert.ok(box.height < viewport.height, `the chart is ${box.height}px high`);
      assert.equal(
        await text(page, ".chart-caption"),
        "From your first session to the day you're fully healed: Thu 6 Mar to Wed 7 May.",
      );
      // One row per activity the clinic's plan speaks about, each with its
      // words for screen readers (the picture itself is hidden from them).
      const rows = await page.$$eval(".chart-rows > li > .sr-only", (els) => els.map((e) => e.textContent));
      assert.equal(rows.length, 16);
      const hidden = await page.$$eval(".chart-rows > li > :not(.sr-only)", (els) =>
        els.map((e) => e.getAttribute("aria-hidden")),
      );
      assert.deepEqual(
        new Set(hidden),
        new Set(["true"]),
        "the visible label and the bar are hidden from screen readers",
      );
      assert.equal(hidden.length, 32);
      assert.ok(rows.includes("Swimming: avoid until Tue 6 May; OK from Wed 7 May on."), rows.join("\n"));
      assert.ok(
        rows.includes(
          "Alcohol: avoid on Thu 6 Mar; not mentioned from Fri 7 Mar to Sat 15 Mar; avoid from Sun 16 Mar to Mon 17 Mar; " +
            "not mentioned from Tue 18 Mar to Sat 5 Apr; avoid from Sun 6 Apr to Mon 7 Apr; not mentioned from Tue 8 Apr on.",
        ),
        rows.join("\n"),
      );
      // Drawn as the engine says: alcohol's silent days are dashed lines,
      // never OK; swimming is one solid run, then OK on the healed day.
      const shapes = (label) =>
        page.$$eval(
          ".chart-rows > li",
          (lis, l) => {
            const li = lis.find((e) => e.querySelector(".chart-label")?.textContent === l);
            return [...li.querySelectorAll(".chart-bar > :not(.bar-track)")].map((e) => e.getAttribute("class"));
          },
          label,
        );
      assert.deepEqual(await shapes("Alcohol"), [
        "seg-avoid",
        "seg-unsaid",
        "seg-avoid",
        "seg-unsaid",
        "seg-avoid",
        "seg-unsaid",
      ]);
      assert.deepEqual(await shapes("Swimming"), ["seg-avoid", "seg-ok"]);
      const sessions = await page.$$eval("section.chart .label-session", (els) => els.map((e) => e.textContent));
      assert.deepEqual(sessions, ["1", "2", "3"]);
      assert.equal(
        await page.$$eval("section.chart .mark-session", (els) => els.length),
        3 + 1,
        "3 lines and the key's",
      );
      assert.equal(await text(page, "section.chart .label-today"), "Today");
      // Today's column sits 14 days in, as the engine placed it.
      assert.equal(
        await page.$eval(".chart-marks .mark-today", (e) => e.getAttribute("x")),
        `${((14 / 63) * 100).toFixed(3)}%`,
      );
      const key = await page.$$eval(".chart-legend li", (els) => els.map((e) => e.textContent));
      assert.deepEqual(key, [
        "Avoid",
        "With care",
        "OK",
        "Not mentioned: ask your clinic",
        "1, 2, 3: your sessions",
        "Today",
      ]);
      await scan(page, size.name, "timeline-chart");
      await noProblems(page);
      await page.context().close();
    });

    it("with a session still to book, the chart says how far it shows", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "timeline" });
      assert.equal(
        await text(page, ".chart-caption"),
        "Session 3 isn't booked yet, so this shows Thu 6 Mar to Wed 16 Apr; add its date to see the rest.",
      );
      assert.deepEqual(await page.$$eval("section.chart .label-session", (els) => els.map((e) => e.textContent)), [
        "1",
        "2",
      ]);
      await noProblems(page);
      await page.context().close();
    });

    it("Can I…? maps everyday words to the engine's answer and date", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "can-i" });
      await page.fill("#ask", "can I go in the pool?");
      await page.press("#ask", "Enter");
      const answer = await text(page, "#answer");
      assert.match(answer, /Swimming: not yet/);
      assert.match(answer, /from Wed 16 Apr, in 27 days/);
      await page.fill("#ask", "gym");
      await page.click("button:has-text('Ask')");
      assert.match(await text(page, "#answer"), /Light exercise: not yet[\s\S]*Heavy exercise and sweating: not yet/);
      await page.fill("#ask", "beanie");
      await page.click("button:has-text('Ask')");
      assert.match(await text(page, "#answer"), /Woolly hats/);
      await page.fill("#ask", "skydiving");
      await page.click("button:has-text('Ask')");
      assert.match(await text(page, "#answer"), /“skydiving”: your clinic's aftercare doesn't mention this\./);
      await scan(page, size.name, "can-i-answered");
      await noProblems(page);
      await page.context().close();

      // What the clinic's aftercare doesn't mention today is never "fine":
      // ask the clinic, with its details when they are set.
      const silent = await openPage({
        viewport,
        fake: { state: "booked", clinic: true },
        route: "can-i",
      });
      await silent.fill("#ask", "a beer");
      await silent.press("#ask", "Enter");
      const said = await text(silent, "#answer");
      assert.match(
        said,
        /Alcohol: your clinic's aftercare doesn't mention this for today\.\s*Ask your clinic before you do it\./,
      );
      assert.doesNotMatch(said, /fine|yes/i);
      assert.ok(await silent.isVisible("#answer a[href^='tel:']"), "a way to call the clinic");
      assert.ok(await silent.isVisible("#answer a[href^='mailto:']"), "a way to write to the clinic");
      await scan(silent, size.name, "can-i-unsaid");
      await noProblems(silent);
      await silent.context().close();
    });

    it("Can I…? understands caps, pain relief, symptoms and words it doesn't know", async () => {
      const page = await openPage({
        viewport,
        fake: { state: "booked", clinic: true },
        route: "can-i",
      });
      const ask = async (words) => {
        await page.fill("#ask", words);
        await page.press("#ask", "Enter");
        return text(page, "#answer");
      };
      const calls = () => page.locator("#answer a[href^='tel:']").count();
      const mails = () => page.locator("#answer a[href^='mailto:']").count();

      // A cap is not a woolly hat: the clinic's own word on caps.
      const cap = await ask("can I wear a cap?");
      assert.match(cap, /^Caps and silk hats: a cap or a silk hat is fine, even straight after a session\./);
      assert.doesNotMatch(cap, /not yet|Woolly/);
      assert.equal(await calls(), 0);

      // Ibuprofen is the clinic's pain relief, not aspirin; a typo still finds it.
      const pain = await ask("ibuprofin");
      assert.match(
        pain,
        /^Pain relief: paracetamol, co-codamol or ibuprofen are fine to take before a session; avoid aspirin where you can, as it thins the blood \(if you take it for a medical condition, tell your clinic\)\./,
      );
      assert.doesNotMatch(pain, /Aspirin and blood thinners/);

      // A symptom the clinic doesn't describe: call them, with their details.
      const itchy = await ask("itchy");
      assert.match(
        itchy,
        /^Itching: your clinic's aftercare doesn't describe this\.\s*If it worries you, call your clinic\./,
      );
      assert.match(itchy, /Northside SMP Studio/);
      assert.equal(await calls(), 1);
      assert.equal(await mails(), 1);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `can-i-symptom-${size.name}.png`), fullPage: true });

      // A word nobody listed: not mentioned, ask first, with the clinic's details.
      const unknown = await ask("paragliding");
      assert.match(
        unknown,
        /^“paragliding”: your clinic's aftercare doesn't mention this\.\s*Ask your clinic before you do it\./,
      );
      assert.doesNotMatch(unknown, /fine|yes/i);
      assert.equal(await calls(), 1);
      assert.equal(await mails(), 1);
      await scan(page, size.name, "can-i-unknown");
      await noProblems(page);
      await page.context().close();
    });

    it("the protocol screen shows the clinic's advice beside its rules", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "protocol" });
      const advice = await text(page, "section[aria-labelledby='advice-h']");
      assert.match(advice, /^Also from your clinic/);
      assert.match(
        advice,
        /Pain relief\s*Paracetamol, co-codamol or ibuprofen are fine to take before a session; avoid aspirin where you can, as it thins the blood \(if you take it for a medical condition, tell your clinic\)/,
      );
      assert.match(advice, /Caps and silk hats\s*A cap or a silk hat is fine, even straight after a session\./);
      assert.match(advice, /Redness\s*Some redness for a few hours, sometimes a few days, is normal\./);
      await noProblems(page);
      await page.context().close();
    });

    it("a bad protocol file shows its error inline, with line and field", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "protocol" });
      await page.setInputFiles("#protocol-file", {
        name: "northside.toml",
        mimeType: "application/toml",
        buffer: Buffer.from(BAD_PROTOCOL),
      });
      await page.click("button:has-text('Import')");
      await page.waitForSelector("#protocol-file-error:not([hidden])");
      const message = await text(page, "#protocol-file-error");
      assert.match(message, /^Line 10, field “activity”: unknown activity "swimming"/);
      assert.equal(await page.getAttribute("#protocol-file", "aria-invalid"), "true");
      assert.match(await page.getAttribute("#protocol-file", "aria-describedby"), /protocol-file-error/);
      // Nothing changed: still the built-in plan.
      assert.equal((await fakeState(page)).choice.kind, "builtin");
      await scan(page, size.name, "protocol-error");

      // A file over 64 KiB is refused before anything is sent.
      await page.setInputFiles("#protocol-file", {
        name: "huge.toml",
        mimeType: "application/toml",
        buffer: Buffer.alloc(70 * 1024, "#"),
      });
      await page.click("button:has-text('Import')");
      // The error is cleared, then set once the file's first bytes are checked.
      await page.waitForSelector("#protocol-file-error:has-text('at most 64 KB')");
      assert.match(await text(page, "#protocol-file-error"), /at most 64 KB/);
      const calls = (await fakeState(page)).calls;
      assert.equal(calls.filter((c) => c.cmd === "protocol_import").length, 0, "nothing imported");
      // Of the file over 64 KiB only its first 16 bytes were sent, to name what it is.
      assert.deepEqual(
        calls.filter((c) => c.cmd === "protocol_check").map((c) => c.args.text.length),
        [BAD_PROTOCOL.length, 16],
      );

      // A good file is imported and its rules shown.
      const good = BAD_PROTOCOL.replace('"swimming"', '"swim"');
      await page.setInputFiles("#protocol-file", {
        name: "northside.toml",
        mimeType: "application/toml",
        buffer: Buffer.from(good),
      });
      await page.click("button:has-text('Import')");
      await page.click("button:has-text('Switch')");
      await page.waitForSelector("main h2:has-text('Northside aftercare')");
      assert.match(await text(page, "main"), /You follow your clinic's file/);
      await noProblems(page);
      await page.context().close();
    });

    it("the picker shows each plan's key days and asks before switching", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "protocol" });
      const days = (i) => page.$$eval(`#protocol-choice-${i}-days li`, (items) => items.map((li) => li.textContent));
      assert.deepEqual(await days(0), ["Wash from day 6", "Shave from day 6", "Sweat from day 10", "Swim from day 31"]);
      assert.deepEqual(await days(1), [
        "Wash from day 5",
        "Shave from day 5",
        "Sweat from day 5 (day 6 after your last visit)",
        "Swim from day 29 after your last visit",
      ]);
      assert.match(await page.getAttribute("#protocol-choice-1", "aria-describedby"), /protocol-choice-1-days/);
      // Compact on a phone: a plan's row is no taller than 16 lines of text, and nothing scrolls sideways.
      const row = await page.$eval("#protocol-choice-1", (r) => r.closest(".choice").getBoundingClientRect().height);
      assert.ok(row < 16 * 24, `a plan's row is ${row}px tall`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), true);

      // Choosing asks first; Cancel changes nothing.
      await page.check("#protocol-choice-1");
      await page.click("button:has-text('Use this plan')");
      await page.waitForSelector("#choose-switch-q");
      assert.equal(
        await text(page, "#choose-switch-q"),
        "Switch to Four dry days? Your reminders will follow the new plan.",
      );
      assert.equal(await page.evaluate(() => document.activeElement?.id), "choose-switch-q");
      await scan(page, size.name, "protocol-switch-question");
      await page.click(".switch-question button:has-text('Cancel')");
      assert.equal(await page.isVisible("#choose-switch-q"), false);
      let state = await fakeState(page);
      assert.equal(state.calls.filter((c) => c.cmd === "protocol_select").length, 0, "nothing switched");
      assert.equal(state.choice.id, "four-to-thirty");

      // Switch: the plan changes, and the screen says so.
      await page.click("button:has-text('Use this plan')");
      await page.click(".switch-question button:has-text('Switch')");
      await page.waitForSelector("main h2#current-h:has-text('Four dry days')");
      state = await fakeState(page);
      assert.deepEqual(
        state.calls.filter((c) => c.cmd === "protocol_select").map((c) => c.args),
        [{ id: "four-day-dry" }],
      );
      // The plan followed now is not offered as a switch.
      await page.click("button:has-text('Use this plan')");
      assert.equal(await text(page, "#protocol-choice-error"), "You already follow this plan.");
      await noProblems(page);
      await page.context().close();
    });

    it("an imported plan stays in the list after choosing another, and can be followed again", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "protocol" });
      const good = BAD_PROTOCOL.replace('"swimming"', '"swim"');
      await page.setInputFiles("#protocol-file", {
        name: "northside.toml",
        mimeType: "application/toml",
        buffer: Buffer.from(good),
      });
      await page.click("button:has-text('Import')");
      assert.match(
        await text(page, "#import-switch-q"),
        /^Switch to Northside aftercare \(your clinic's file\)\? Your reminders will follow the new plan\.$/,
      );
      await page.click(".switch-question button:has-text('Switch')");
      await page.waitForSelector("main h2#current-h:has-text('Northside aftercare')");

      // A built-in plan: the clinic's file is still listed first.
      await page.check("label:has-text('Two calm weeks after each visit')");
      await page.click("button:has-text('Use this plan')");
      await page.click(".switch-question button:has-text('Switch')");
      await page.waitForSelector("main h2#current-h:has-text('Two calm weeks after each visit')");
      assert.equal(await text(page, "label[for='protocol-choice-0']"), "Northside aftercare (your clinic's file)");
      assert.match(await text(page, "#protocol-choice-0-summary"), /From northside\.toml\.$/);

      // And back to it, without importing again.
      await page.check("#protocol-choice-0");
      await page.click("button:has-text('Use this plan')");
      assert.equal(
        await text(page, "#choose-switch-q"),
        "Switch to Northside aftercare (your clinic's file)? Your reminders will follow the new plan.",
      );
      await page.click(".switch-question button:has-text('Switch')");
      await page.waitForSelector("main h2#current-h:has-text('Northside aftercare')");
      const state = await fakeState(page);
      assert.equal(state.calls.filter((c) => c.cmd === "protocol_import").length, 1);
      assert.deepEqual(
        state.calls.filter((c) => c.cmd === "protocol_select_imported").map((c) => c.args),
        [{ importedId: 1 }],
      );
      await noProblems(page);
      await page.context().close();
    });

    it("a PDF picked by mistake is named in one sentence beside the import control", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "protocol" });
      const sentence =
        "This is a PDF, not a protocol file: ask your clinic for their .toml protocol, or pick one of the plans above.";
      const pdf = Buffer.concat([
        Buffer.from("%PDF-1.7\n%"),
        Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
        Buffer.from("\n1 0 obj\n"),
      ]);
      for (const buffer of [pdf, Buffer.concat([pdf, Buffer.alloc(300 * 1024, 0x41)])]) {
        await page.setInputFiles("#protocol-file", { name: "leaflet.pdf", mimeType: "application/pdf", buffer });
        await page.click("button:has-text('Import')");
        await page.waitForSelector("#protocol-file-error:not([hidden])");
        assert.equal(await text(page, "#protocol-file-error"), sentence);
        assert.equal(await page.isVisible("#import-switch-q"), false, "nothing to switch to");
      }
      const state = await fakeState(page);
      assert.equal(state.calls.filter((c) => c.cmd === "protocol_import").length, 0);
      assert.equal(state.choice.kind, "builtin");
      await scan(page, size.name, "protocol-pdf");
      await noProblems(page);
      await page.context().close();
    });

    it("a bad session date shows its message next to the field", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "sessions" });
      await page.fill("#add-date", "2025-03-17");
      await page.click("button:has-text('Add session')");
      await page.waitForSelector("#add-date-error:not([hidden])");
      assert.match(await text(page, "#add-date-error"), /^You already have a session on Monday,? 17 March 2025\.$/);
      assert.equal(await page.getAttribute("#add-date", "aria-invalid"), "true");
      assert.match(await page.getAttribute("#add-date", "aria-describedby"), /add-date-error/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "add-date");

      await page.fill("#add-date", "1960-01-01");
      await page.click("button:has-text('Add session')");
      assert.equal(
        await text(page, "#add-date-error"),
        "The app can't plan for the year 1960: choose a date from 1970 to 2199.",
      );
      await scan(page, size.name, "sessions-error");

      // A good date is booked, and the checklist for it appears.
      await page.fill("#add-date", "2025-04-07");
      await page.click("button:has-text('Add session')");
      await page.waitForSelector("main h2:has-text('Getting ready for session 3')");
      // The engine's checklist, grouped by the day each item starts.
      const prep = await text(page, ".prep");
      assert.match(prep, /Your session is on Monday,? 7 April 2025, in 18 days/);
      assert.match(
        prep,
        /From Mon 31 Mar · in 11 days\s*Do\s*Keep your hair clipped or foil-shaved[\s\S]*For now: foil shaver only/,
      );
      assert.match(
        prep,
        /From Sun 6 Apr · in 17 days[\s\S]*Avoid\s*Alcohol[\s\S]*Until your session, and on the day itself/,
      );
      assert.match(prep, /On the day · Mon 7 Apr\s*Do\s*Wash your hair before your appointment/);

      // Move and delete.
      await page.click("button[aria-label='Change date of session 3']");
      await page.fill("#edit-3", "2025-03-06");
      await page.click(".inline-form button:has-text('Save')");
      assert.match(await text(page, "#edit-3-error"), /^You already have a session on Thursday,? 6 March 2025\.$/);
      await page.click(".inline-form button:has-text('Cancel')");
      await page.click("button[aria-label='Delete session 3']");
      await page.click("button:has-text('Yes, delete')");
      await page.waitForFunction(() => !document.querySelector("button[aria-label='Delete session 3']"));
      assert.equal((await fakeState(page)).sessions.length, 2);
      await noProblems(page);
      await page.context().close();
    });

    it("settings: errors next to their field; clinic links call and write; calendar export", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "settings" });
      await page.fill("#clinic-name", "Northside SMP Studio");
      await page.fill("#clinic-phone", "+44 20 7946 0000");
      await page.fill("#clinic-email", "care@");
      await page.click("button:has-text('Save settings')");
      await page.waitForSelector("#clinic-email-error:not([hidden])");
      assert.match(await text(page, "#clinic-email-error"), /is not an email address/);
      assert.equal(await page.getAttribute("#clinic-email", "aria-invalid"), "true");

      await page.fill("#clinic-email", "care@northside-smp.example");
      await page.check("#quiet-on");
      await page.fill("#quiet-start", "22:00");
      await page.fill("#quiet-end", "22:00");
      await page.click("button:has-text('Save settings')");
      assert.match(await text(page, "#quiet-end-error"), /cover no time/);

      await page.fill("#quiet-end", "07:00");
      await page.check("#zone-fixed");
      await page.fill("#zone-name", "Mars/Base");
      await page.click("button:has-text('Save settings')");
      assert.match(await text(page, "#zone-name-error"), /“Mars\/Base” is not a time zone the app knows/);

      await page.fill("#zone-name", "Europe/Madrid");
      await page.click("button:has-text('Save settings')");
      await page.waitForSelector(".settings .note:has-text('Saved.')");
      assert.equal(await page.getAttribute(".contact a[href^='tel:']", "href"), "tel:+442079460000");
      assert.equal(await page.getAttribute(".contact a[href^='mailto:']", "href"), "mailto:care@northside-smp.example");
      const saved = (await fakeState(page)).settings;
      assert.deepEqual(saved.quiet_hours, { start: "22:00", end: "07:00" });
      assert.deepEqual(saved.zone, { mode: "fixed", zone: "Europe/Madrid" });

      await page.click("button:has-text('Export calendar file')");
      await page.waitForSelector("text=Saved to /home/client/Documents/smp-aftercare.ics");
      await scan(page, size.name, "settings-saved");
      await noProblems(page);
      await page.context().close();
    });

    it("launch at login: a desktop refusal is shown next to the checkbox", async () => {
      const page = await openPage({
        viewport,
        fake: { state: "booked", loginFails: true },
        route: "settings",
      });
      await page.check("#login");
      await page.click("button:has-text('Save settings')");
      await page.waitForSelector("#login-error:not([hidden])");
      assert.match(await text(page, "#login-error"), /Could not change launch at login/);
      await noProblems(page);
      await page.context().close();
    });
  });
}

describe("the timeline chart at 320 px and in dark mode", () => {
  it("fits 320 px without sideways scrolling, even at 200 % text, and passes axe", async () => {
    const viewport = { width: 320, height: 640 };
    const page = await openPage({ viewport, fake: { state: "all" }, route: "timeline" });
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    assert.equal(widths[0], widths[1], "no sideways scroll");
    const box = await page.$eval("section.chart", (e) => e.getBoundingClientRect().toJSON());
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `chart ${JSON.stringify(box)}`);
    // Every label and bar stays inside the card, at the usual text size and
    // at 200 % (the labels wrap; nothing of the chart widens the page).
    const outside = () =>
      page.$$eval(".chart-label, .chart-bar, .chart-axis, .chart-dates", (els) => {
        const card = els[0].closest("section").getBoundingClientRect();
        return els.filter((e) => e.getBoundingClientRect().right > card.right + 0.5).map((e) => e.textContent);
      });
    assert.deepEqual(await outside(), []);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
    });
    assert.deepEqual(await outside(), []);
    const wide = await page.$eval("section.chart", (e) => e.getBoundingClientRect().right);
    assert.ok(wide <= 320, `the chart ends at ${wide}px`);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = "";
    });
    await scan(page, "narrow", "timeline-chart");
    await noProblems(page);
    await page.context().close();
  });

  for (const scheme of ["light", "dark"]) {
    it(`stays readable in ${scheme} mode (axe, colours from the theme) and is photographed`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const viewport = { width: 390, height: 844 };
      const page = await openPage({
        viewport,
        colorScheme: scheme,
        fake: { state: "all" },
        route: "timeline",
      });
      const colours = await page.evaluate(() => {
        const fill = (sel) => getComputedStyle(document.querySelector(sel)).fill;
        return {
          label: getComputedStyle(document.querySelector(".chart-label")).color,
          avoid: fill(".chart-bar .seg-avoid"),
          bg: getComputedStyle(document.body).backgroundColor,
        };
      });
      // The theme's text and "avoid" colours (styles.css), not fixed ones.
      const expected =
        scheme === "dark"
          ? { label: "rgb(229, 238, 238)", avoid: "rgb(255, 157, 151)", bg: "rgb(13, 21, 22)" }
          : { label: "rgb(20, 40, 43)", avoid: "rgb(164, 38, 44)", bg: "rgb(243, 246, 246)" };
      assert.deepEqual(colours, expected);
      await scan(page, `phone-${scheme}`, "timeline-chart");
      // Tall enough that the tab bar (fixed at the bottom) stays off the chart.
      await page.setViewportSize({ width: viewport.width, height: 1400 });
      await (await page.$("section.chart")).screenshot({ path: join(SHOTS, `timeline-chart-${scheme}.png`) });
      await noProblems(page);
      await page.context().close();
    });
  }
});

describe("screenshots at 390×844", () => {
  for (const scheme of ["light", "dark"]) {
    it(`every screen, ${scheme}`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const viewport = { width: 390, height: 844 };
      // The whole screen in one picture, with the tab bar at the bottom where
      // a phone shows it: grow the viewport to the page's height, then shoot.
      const shot = async (page, name) => {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
        await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
        await page.setViewportSize(viewport);
      };
      const fresh = await openPage({ viewport, colorScheme: scheme, fake: { state: "fresh" } });
      await shot(fresh, "first-run");
      await scan(fresh, `phone-${scheme}`, "first-run");
      await fresh.context().close();

      const page = await openPage({
        viewport,
        colorScheme: scheme,
        fake: { state: "all", clinic: true, banners: true },
      });
      for (const [route] of SCREENS) {
        await go(page, route);
        if (route === "can-i") {
          await page.fill("#ask", "swim");
          await page.press("#ask", "Enter");
        }
        await scan(page, `phone-${scheme}`, route);
        await shot(page, route);
      }
      await noProblems(page);
      await page.context().close();
    });
  }
});
