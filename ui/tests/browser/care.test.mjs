// The care card (ui/src/components/careToday.ts) in the real browser, on the
// built app's page with the fake backend: ticks count up to the clinic's
// most and back, the controls are labelled buttons big enough for a thumb,
// axe finds nothing, and the timeline's line shows a day's ticks. The card
// is not wired into Today yet (the lead does that at merge), so the test
// renders it into the page through the test bundle's `__SMP_CARE__`.
//
//   npm run build && npm run build:mock && node --test tests/browser/care.test.mjs
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { axe, fakeState, problems, sharedBrowser } from "./harness.mjs";

const openPage = sharedBrowser();

/** Today's care as the engine gives it on day 6 of four-to-thirty (003). */
const CARE = [
  {
    id: "moisturise",
    label: "Moisturise your scalp",
    note: "two or three times a day until your next visit",
    condition: null,
    repeat: { kind: "times", min: 2, max: 3 },
  },
  {
    id: "sun_cream",
    label: "Use SPF 30+ sun cream",
    note: "whenever your scalp is out in the sun",
    condition: null,
    repeat: { kind: "as_needed" },
  },
  { id: "prep_drink", label: "Drink plenty of water", note: null, condition: null, repeat: null },
];

async function renderCard(page) {
  await page.evaluate((care) => {
    const main = document.querySelector("main");
    const card = window.__SMP_CARE__.careTodayCard(care, null);
    card.id = "care-under-test";
    main.append(card);
  }, CARE);
}

const counter = (page, i) => page.textContent(`#care-under-test #care-count-${i}`);

describe("the care card at 390×844", () => {
  it("ticks up to the clinic's most, takes one back, and passes axe", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, route: "today" });
    await renderCard(page);
    assert.equal(await counter(page, 0), "Not done yet today (2-3 times a day)");
    assert.equal(await counter(page, 1), "Not ticked off yet today");
    // Care asked once a day has no tick control.
    assert.equal(await page.locator("#care-under-test li").nth(2).locator("button").count(), 0);

    const tick = page.getByRole("button", { name: "I did it: Moisturise your scalp" });
    const undo = page.getByRole("button", { name: "Undo: Moisturise your scalp" });
    assert.equal(await undo.isDisabled(), true);
    for (const expected of ["Done 1 of 2-3 today", "Done 2 of 2-3 today", "Done 3 of 2-3 today"]) {
      await tick.click();
      await page.waitForFunction(
        (text) => document.querySelector("#care-under-test #care-count-0")?.textContent === text,
        expected,
      );
    }
    assert.equal(await tick.isDisabled(), true, "no tick past the clinic's most");
    assert.equal(await undo.isDisabled(), false);
    await undo.click();
    await page.waitForFunction(
      () => document.querySelector("#care-under-test #care-count-0")?.textContent === "Done 2 of 2-3 today",
    );
    assert.equal(await tick.isDisabled(), false);

    await page.getByRole("button", { name: "I did it: Use SPF 30+ sun cream" }).click();
    await page.waitForFunction(
      () => document.querySelector("#care-under-test #care-count-1")?.textContent === "Done once today",
    );
    const state = await fakeState(page);
    assert.deepEqual(state.ticks, { moisturise: 2, sun_cream: 1 });
    assert.deepEqual(
      state.calls.filter((c) => c.cmd.startsWith("care_")).map((c) => [c.cmd, c.args.care]),
      [
        ["care_tick", "moisturise"],
        ["care_tick", "moisturise"],
        ["care_tick", "moisturise"],
        ["care_untick", "moisturise"],
        ["care_tick", "sun_cream"],
      ],
    );

    // Thumb-sized: every tick control at least 44×44 CSS pixels.
    for (const b of await page.locator("#care-under-test button").all()) {
      const box = await b.boundingBox();
      assert.ok(
        box.width >= 44 && box.height >= 44,
        `${await b.getAttribute("aria-label")}: ${box.width}×${box.height}`,
      );
    }
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });

  it("shows an error from the app beside the item", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, route: "today" });
    await page.evaluate(() => {
      const care = [
        { id: "not_today", label: "Something else", note: null, condition: null, repeat: { kind: "as_needed" } },
      ];
      document.querySelector("main").append(window.__SMP_CARE__.careTodayCard(care, null));
    });
    await page.getByRole("button", { name: "I did it: Something else" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "not asked for today" });
    assert.equal(await alert.textContent(), "“not_today” is not asked for today.");
    await page.context().close();
  });

  it("gives the timeline a day's ticks, and nothing for a day without", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, route: "today" });
    const texts = await page.evaluate(() => {
      const day = {
        date: "2025-03-20",
        items: [
          { id: "moisturise", label: "Moisturise your scalp", count: 2, repeat: null, most: 3 },
          { id: "sun_cream", label: "Use SPF 30+ sun cream", count: 1, repeat: null, most: 12 },
        ],
      };
      const box = window.__SMP_CARE__.careDayTicks(day);
      return {
        lines: [...box.querySelectorAll("li")].map((li) => li.textContent),
        empty: window.__SMP_CARE__.careDayTicks({ date: "2025-03-21", items: [] }),
      };
    });
    assert.deepEqual(texts.lines, ["Moisturise your scalp: done twice", "Use SPF 30+ sun cream: done once"]);
    assert.equal(texts.empty, null);
    await page.context().close();
  });
});

describe("the care reminder setting", () => {
  it("is off until turned on, and is saved with the others", async () => {
    const page = await openPage({ viewport: { width: 390, height: 844 }, route: "settings" });
    const box = page.getByRole("checkbox", { name: "Remind me to moisturise during the day" });
    assert.equal(await box.isChecked(), false);
    await box.check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.waitForFunction(() => window.__SMP_FAKE__.backend.state.settings.care_reminders === true);
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });
});

describe("care on the real screens", () => {
  it("Today's care ticks through the app, and the timeline's today shows the ticks", async () => {
    // Day 6 after session 2 of four-to-thirty: moisturise 2-3 times a day.
    const page = await openPage({
      viewport: { width: 390, height: 844 },
      fake: { state: "booked", today: "2025-03-22" },
    });
    const tick = page.getByRole("button", { name: "I did it: Moisturise your scalp" });
    await tick.click();
    await page.waitForFunction(() =>
      document.querySelector("#care-h")?.closest("section")?.textContent?.includes("Done 1 of 2-3 today"),
    );
    await page.click("#nav a[data-route='timeline']");
    await page.waitForFunction(() => document.querySelector("main")?.dataset.route === "timeline");
    await page.waitForSelector("main .tl-today");
    assert.match(await page.textContent("main .tl-today"), /Moisturise your scalp/);
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });
});
