// Browser tests of the BUILT UI at every size (phones 320-430 px, a desktop,
// text at 150 % and 200 %) and of typing session dates: the engine's checks
// before a date is saved, its problems in a client's words, and where focus
// goes after each action.
//
//   npm run build && npm run build:mock && node --test tests/browser/sizes.test.mjs
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { axe, fakeState, go, problems, sharedBrowser } from "./harness.mjs";

// check-in and compare have no tab: go() opens them through their hash.
const SCREENS = ["today", "can-i", "timeline", "journal", "compare", "check-in", "sessions", "protocol", "settings"];
// Width × text size. 200 % text is the root font size doubled, as a phone's
// or browser's larger text does to every rem and em.
const SIZES = [
  { width: 320, text: 100 },
  { width: 320, text: 200 },
  { width: 390, text: 150 },
  { width: 390, text: 200 },
  { width: 430, text: 150 },
  { width: 1280, text: 100 },
  { width: 1280, text: 200 },
];

const openPage = sharedBrowser();

async function open(width, text, fake, route = "today") {
  const page = await openPage({ viewport: { width, height: 800 }, fake, route });
  // CSSOM, which the app's CSP allows (a <style> tag it would not).
  await page.evaluate((pct) => {
    document.documentElement.style.fontSize = `${pct}%`;
  }, text);
  return page;
}

/** How far the page scrolls sideways (0 when it fits), and what sticks out. */
function sideways(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const over = root.scrollWidth - root.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { over, wide };
  });
}

/** The tab labels' boxes: each inside its tab and not cut off, none overlapping. */
function tabLabels(page) {
  return page.$$eval("#nav a", (links) =>
    links.map((a) => {
      const label = a.querySelector(".nav-label");
      const r = label.getBoundingClientRect();
      const t = a.getBoundingClientRect();
      return {
        text: label.textContent,
        box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
        inside:
          r.left >= t.left - 0.5 && r.right <= t.right + 0.5 && r.top >= t.top - 0.5 && r.bottom <= t.bottom + 0.5,
        clipped: label.scrollWidth > label.clientWidth + 1,
        icon: !!a.querySelector("svg.nav-icon[aria-hidden='true']"),
        name: a.textContent.trim(),
      };
    }),
  );
}

/**
 * Serious or critical axe violations of the whole page: the viewport grows to
 * the page's height first, so that nothing is under the tab bar (axe counts
 * a button the bar covers at this scroll position as too small a target).
 */
async function axeAll(page) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  const found = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  await page.setViewportSize(viewport);
  return found;
}

const overlap = (a, b) =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

// The tab names in each language (Spanish's are longer: checked at the
// narrowest widths and largest text too).
const TABS = {
  en: ["Today", "Can I…?", "Timeline", "Journal", "Sessions", "Settings"],
  es: ["Hoy", "¿Puedo?", "Fechas", "Diario", "Sesiones", "Ajustes"],
};
const RUNS = [
  ...SIZES.map((size) => ({ ...size, lang: "en" })),
  ...SIZES.filter((size) => size.width < 1280 || size.text === 200).map((size) => ({ ...size, lang: "es" })),
];

describe("every screen at every size", () => {
  for (const { width, text, lang } of RUNS) {
    const where = lang === "en" ? "" : ` (in ${lang})`;
    it(`${width} px wide, text at ${text} %${where}: no sideways scrolling, readable tabs, axe`, async () => {
      const page = await open(width, text, { state: "all", clinic: true, journal: true, deviceLang: lang });
      for (const route of SCREENS) {
        await go(page, route);
        const s = await sideways(page);
        assert.equal(s.over, 0, `${route} scrolls sideways by ${s.over} px: ${s.wide.join(", ")}`);
        const labels = await tabLabels(page);
        assert.deepEqual(
          labels.map((l) => l.name),
          TABS[lang],
          "each tab is named by its label alone (the icon is hidden)",
        );
        for (const l of labels) {
          assert.ok(l.icon, `${l.text} has its icon`);
          assert.ok(l.inside, `${route}: the label ${l.text} is inside its tab`);
          assert.ok(!l.clipped, `${route}: the label ${l.text} is not cut off`);
        }
        for (let i = 0; i < labels.length; i++)
          for (let j = i + 1; j < labels.length; j++)
            assert.ok(
              !overlap(labels[i].box, labels[j].box),
              `${route}: the labels ${labels[i].text} and ${labels[j].text} overlap`,
            );
        assert.deepEqual(await axeAll(page), [], `${route}: serious or critical axe violations`);
      }
      // The first-run screen too.
      const fresh = await open(width, text, { state: "fresh", deviceLang: lang });
      assert.equal((await sideways(fresh)).over, 0, "first run scrolls sideways");
      await fresh.context().close();
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });
  }

  it("at 320 px the six tabs fit in one row, also beside a desktop's scrollbar", async () => {
    // Headless Chromium draws no scrollbar; WebKitGTK with a mouse draws the
    // page's own 10 px one (styles.css), leaving a 320 px window 310 px.
    for (const width of [320, 310]) {
      const page = await open(width, 100, { state: "all", clinic: true }, "settings");
      const r = await page.evaluate(() => ({
        rows: new Set([...document.querySelectorAll("#nav a")].map((a) => Math.round(a.getBoundingClientRect().top)))
          .size,
        tabs: document.querySelectorAll("#nav a").length,
      }));
      assert.deepEqual(r, { rows: 1, tabs: 6 }, `${width} px`);
      await page.context().close();
    }
  });

  it("the tab bar stays at the bottom of a phone screen, and the page's end is never under it", async () => {
    for (const text of [100, 200]) {
      const page = await open(390, text, { state: "all", clinic: true }, "settings");
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const r = await page.evaluate(() => {
        const nav = document.getElementById("nav").getBoundingClientRect();
        const last = [...document.querySelectorAll("main *")].at(-1).getBoundingClientRect();
        return { navBottom: nav.bottom, navTop: nav.top, lastBottom: last.bottom, height: window.innerHeight };
      });
      assert.ok(Math.abs(r.navBottom - r.height) < 1, `text ${text} %: the tab bar is at the bottom`);
      assert.ok(r.lastBottom <= r.navTop + 0.5, `text ${text} %: the last of the page is above the tab bar`);
      await page.context().close();
    }
  });
});

/** Types `text` into the add field and submits. */
async function add(page, text) {
  await page.fill("#add-date", text);
  await page.click("#add-session");
}

/** The date notes shown before saving, once they are there. */
async function notes(page) {
  await page.waitForSelector(".date-check:not([hidden])");
  return page.$$eval(".date-check li", (els) => els.map((e) => e.textContent));
}

for (const width of [320, 390, 1280]) {
  describe(`typing session dates at ${width} px`, () => {
    const viewport = { width, height: 800 };

    it("the field looks empty when it is, and says the form to type", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "sessions" });
      assert.equal(await page.getAttribute("#add-date", "type"), "text");
      assert.equal(await page.getAttribute("#add-date", "placeholder"), null);
      assert.equal(await page.inputValue("#add-date"), "");
      assert.equal(await page.textContent("#add-date-hint"), "Day, month and year, for example 14/03/2026.");
      assert.match(await page.getAttribute("#add-date", "aria-describedby"), /add-date-hint/);
      await page.context().close();
    });

    it("a date outside the clinic's spacing, a year off, or before session 1 is said before saving", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "sessions" });
      const booked = async () => (await fakeState(page)).sessions.map((s) => s.date);

      await add(page, "25/03/2025");
      assert.deepEqual(await notes(page), ["This is 8 days after session 2; your clinic usually leaves 10-21 days."]);
      assert.match(await page.textContent(".date-check .strong"), /^Is Tuesday,? 25 March 2025 right\?$/);
      assert.equal(await page.evaluate(() => document.activeElement?.className), "date-check");
      assert.deepEqual(await booked(), ["2025-03-06", "2025-03-17"], "nothing saved yet");
      assert.equal(await page.isHidden("#add-session"), true, "one way on: add it anyway, or change the date");
      assert.deepEqual(await axeAll(page), []);
      // Change it: the notes go, focus is back in the field.
      await page.click(".date-check button:has-text('Change the date')");
      assert.equal(await page.isHidden(".date-check"), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "add-date");
      assert.equal(await page.isVisible("#add-session"), true);

      await add(page, "7/4/2026");
      assert.deepEqual(await notes(page), [
        "This is more than 6 months after session 2. Check the date, and the year, before you save it.",
      ]);
      // Typing again drops the notes about the date that was checked.
      await page.fill("#add-date", "24/02/2025");
      assert.equal(await page.isHidden(".date-check"), true);
      await page.click("#add-session");
      assert.deepEqual(await notes(page), [
        "This is before session 1: it becomes session 1 and your other sessions move up one number.",
      ]);
      assert.deepEqual(await booked(), ["2025-03-06", "2025-03-17"]);

      // Accepted: saved, said, and focus on the new session's row.
      await page.click(".date-check button:has-text('Add it anyway')");
      await page.waitForSelector("li.session-row[data-date='2025-02-24']");
      assert.deepEqual((await booked()).sort(), ["2025-02-24", "2025-03-06", "2025-03-17"]);
      assert.match(await page.textContent(".screen > .note"), /^Session added: Monday,? 24 February 2025\.$/);
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), "2025-02-24");
      assert.match(await page.textContent("li.session-row:first-child"), /Session 1/);

      // A date with nothing to say is saved at once.
      await add(page, "7/4/2025");
      await page.waitForSelector("li.session-row[data-date='2025-04-07']");
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), "2025-04-07");
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });

    it("a date that is not one is said in a client's words, beside the field", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "sessions" });
      const said = async (typed) => {
        await add(page, typed);
        await page.waitForSelector("#add-date-error:not([hidden])");
        return page.textContent("#add-date-error");
      };
      assert.equal(await said("31/02/2026"), "There is no 31 February.");
      assert.equal(await page.getAttribute("#add-date", "aria-invalid"), "true");
      assert.match(await page.getAttribute("#add-date", "aria-describedby"), /add-date-error/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "add-date");
      assert.equal(await said("29/02/2027"), "There is no 29 February in 2027.");
      assert.equal(await said("1/1/26"), "Use a 4-digit year, for example 14/03/2026.");
      assert.equal(
        await said("14/13/2026"),
        "There is no month 13. Type the day, month and year, for example 14/03/2026.",
      );
      assert.equal(
        await said("next week"),
        "“next week” is not a date. Type the day, month and year, for example 14/03/2026.",
      );
      assert.equal(await said("1/1/2300"), "The app can't plan for the year 2300: choose a date from 1970 to 2199.");
      assert.equal(await said(""), "Enter the date: day, month and year, for example 14/03/2026.");
      // A day already booked is shown as a date, never as 2025-03-17.
      assert.match(await said("17/03/2025"), /^You already have a session on Monday,? 17 March 2025\.$/);
      const calls = (await fakeState(page)).calls.map((c) => c.cmd);
      assert.ok(!calls.includes("session_add"), "nothing was sent to be saved");
      assert.deepEqual(await axeAll(page), []);
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });

    it("the first run reads a typed date the same way", async () => {
      const page = await openPage({ viewport, fake: { state: "fresh" } });
      assert.equal(await page.getAttribute("#first-date", "type"), "text");
      assert.equal(await page.getAttribute("#first-date", "placeholder"), null);
      await page.fill("#first-date", "31/02/2025");
      await page.click("button:has-text('Show my day')");
      await page.waitForSelector("#first-date-error:not([hidden])");
      assert.equal(await page.textContent("#first-date-error"), "There is no 31 February.");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "first-date");
      // "Yesterday" fills in the date as the client would type it.
      await page.click("button:has-text('Yesterday')");
      assert.equal(await page.inputValue("#first-date"), "19/03/2025");
      await page.click("button:has-text('Show my day')");
      await page.waitForSelector("main h1:has-text('after session 1')");
      assert.deepEqual(
        (await fakeState(page)).sessions.map((s) => s.date),
        ["2025-03-19"],
      );
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });

    it("moving a session checks the new date; focus follows the session", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "sessions" });
      await page.click("button[aria-label='Change date of session 2']");
      // The field holds the date as the client would type it.
      assert.equal(await page.inputValue("#edit-2"), "17/03/2025");
      await page.fill("#edit-2", "6/3/2025");
      await page.click(".inline-form button:has-text('Save')");
      await page.waitForSelector("#edit-2-error:not([hidden])");
      assert.match(
        await page.textContent("#edit-2-error"),
        /^You already have a session on Thursday,? 6 March 2025\.$/,
      );
      await page.fill("#edit-2", "18/03/2025");
      await page.click(".inline-form button:has-text('Save')");
      await page.waitForSelector("li.session-row[data-date='2025-03-18']");
      assert.equal(await page.textContent(".screen > .note"), "Session 2 moved to Tue 18 Mar.");
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), "2025-03-18");
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });

    it("after a delete, focus goes to the next session, or to adding one", async () => {
      const page = await openPage({ viewport, fake: { state: "all" }, route: "sessions" });
      await page.click("button[aria-label='Delete session 2']");
      await page.click("button:has-text('Yes, delete')");
      await page.waitForFunction(() => document.querySelectorAll("li.session-row").length === 2);
      // Session 3 (7 April) is now session 2, and has focus.
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.date), "2025-04-07");
      assert.equal(await page.textContent(".screen > .note"), "Session 2 deleted.");
      await page.click("button[aria-label='Delete session 2']");
      await page.click("button:has-text('Yes, delete')");
      await page.waitForFunction(() => document.querySelectorAll("li.session-row").length === 1);
      assert.equal(await page.evaluate(() => document.activeElement?.id), "add-session");
      assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), "BODY");
      assert.deepEqual(await problems(page), []);
      await page.context().close();
    });
  });
}
