// Browser tests of "Open a plan from your clinic" on the BUILT UI, against
// the fake backend: a file chosen in the (fake) dialog and a pasted link
// previewed side by side, errors beside the input that caused them, the
// clinic's name shown as text, "Use this plan" leading to Today, a plan
// opened with the app shown at start-up, and the entry points in Settings
// and first run. Each state is scanned with axe; screenshots go to
// target/screenshots/browser/.
//
//   npm run build && npm run build:mock && node --test tests/browser/handover.test.mjs
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { axe, fakeState, go, problems, sharedBrowser, UI } from "./harness.mjs";

const SHOTS = join(UI, "../target/screenshots/browser");
const openPage = sharedBrowser();
const FILE = "/home/client/Downloads/northside.smpplan";
const LINK = "smp-aftercare://plan?v=1&p=four-day-dry";

const text = async (page, selector) => ((await page.textContent(selector)) ?? "").replace(/\u00a0/g, " ").trim();

async function scan(page, what) {
  const found = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(found, [], `${what}: serious or critical axe violations`);
}

async function done(page) {
  assert.deepEqual(await problems(page), []);
  await page.context().close();
}

const rows = (page) =>
  page.$$eval(".handover-table tbody tr", (trs) =>
    trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? "").replace(/\u00a0/g, " ").trim())),
  );

for (const viewport of [
  { width: 360, height: 780 },
  { width: 1280, height: 800 },
]) {
  describe(`plan from the clinic at ${viewport.width}×${viewport.height}`, () => {
    it("a file from Settings: preview of what changes, then Use this plan shows Today", async () => {
      const page = await openPage({ viewport, fake: { state: "all", handoverPick: FILE }, route: "settings" });
      await page.click("main a:has-text('Open a plan from your clinic')");
      await page.waitForFunction(() => document.querySelector("main")?.dataset.route === "plan-from-clinic");
      assert.equal(await text(page, "main h1"), "Open a plan from your clinic");
      await scan(page, "the empty form");
      await page.click("#handover-file");
      await page.waitForSelector(".handover-preview");
      // Focus moves to the preview's heading.
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "What would change");
      assert.equal(await text(page, ".handover-preview .muted"), "From northside.smpplan. Nothing has changed yet.");
      assert.deepEqual(await rows(page), [
        ["Aftercare plan", "30-day step-by-step plan (built into the app)", "Four dry days (built into the app)"],
        ["Session no longer booked", "Mon 7 Apr", "—"],
        ["Clinic", "—", "<b>Northside</b> SMP Studio"],
        ["Phone", "—", "+44 20 7946 0000"],
        ["Email", "—", "care@northside-smp.example"],
        ["Address", "—", "1 High Street, Leeds"],
      ]);
      // The clinic's name is text, never markup.
      assert.equal(await page.$$eval(".handover-table b", (b) => b.length), 0);
      assert.match(
        await text(page, ".handover-same"),
        /^The same as now: Session 1, Session 2 and Sessions planned\.$/,
      );
      assert.match(await text(page, ".handover-preview .hint"), /time zone Europe\/London\. The app keeps its own/);
      await scan(page, "the preview");
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `handover-preview-${viewport.width}.png`), fullPage: true });
      await page.click("button:has-text('Use this plan')");
      await page.waitForFunction(() => document.querySelector("main")?.dataset.route === "today");
      const s = await fakeState(page);
      assert.deepEqual(
        s.sessions.map((x) => x.date),
        ["2025-03-06", "2025-03-17"],
      );
      assert.equal(s.choice.id, "four-day-dry");
      assert.equal(s.settings.clinic.address, "1 High Street, Leeds");
      // The address joins the clinic's card and its field in Settings.
      await go(page, "settings");
      assert.equal(await page.inputValue("#clinic-address"), "1 High Street, Leeds");
      assert.equal(await text(page, ".contact .clinic-address"), "1 High Street, Leeds");
      const apply = s.calls.filter((c) => c.cmd === "handover_apply").map(({ cmd, args }) => ({ cmd, args }));
      assert.deepEqual(apply, [
        {
          cmd: "handover_apply",
          args: { source: { kind: "file", path: FILE }, fingerprint: "fake-four-day-dry-2025-03-06,2025-03-17" },
        },
      ]);
      await done(page);
    });

    it("a pasted link: a damaged one is refused beside the link field; the right one previews, Cancel closes it", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "plan-from-clinic" });
      await page.click("button:has-text('Open the link')");
      assert.equal(await text(page, "#handover-link-error"), "Paste the link your clinic gave you.");
      await page.fill("#handover-link", `${LINK}x`);
      await page.click("button:has-text('Open the link')");
      await page.waitForSelector("#handover-link-error:not([hidden])");
      assert.equal(
        await text(page, "#handover-link-error"),
        "This link is damaged or was changed after your clinic made it. Ask your clinic for a new one. " +
          "Details for your clinic: plan link: the link is damaged or was changed: ask your clinic for a new one.",
      );
      assert.equal(await page.getAttribute("#handover-link", "aria-invalid"), "true");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "handover-link");
      await scan(page, "a refused link");
      await page.fill("#handover-link", LINK);
      await page.press("#handover-link", "Enter");
      await page.waitForSelector(".handover-preview");
      assert.equal(await page.$("#handover-link[aria-invalid]"), null);
      assert.equal(await text(page, ".handover-preview .muted"), "From the link. Nothing has changed yet.");
      await page.click("button:has-text('Cancel')");
      assert.equal(await page.$(".handover-preview"), null);
      const s = await fakeState(page);
      assert.equal(s.calls.filter((c) => c.cmd === "handover_apply").length, 0);
      assert.equal(s.choice.id, "four-to-thirty");
      await done(page);
    });
  });
}

describe("plan from the clinic, other ways in", () => {
  const viewport = { width: 390, height: 844 };

  it("a missing file is named beside the file button", async () => {
    const page = await openPage({
      viewport,
      fake: { state: "booked", handoverPick: "/home/client/gone.smpplan" },
      route: "plan-from-clinic",
    });
    await page.click("#handover-file");
    await page.waitForSelector("#handover-file-error:not([hidden])");
    assert.equal(await text(page, "#handover-file-error"), "“gone.smpplan” cannot be opened (entity not found).");
    assert.equal(
      await page.getAttribute("#handover-file", "aria-describedby"),
      "handover-file-hint handover-file-error",
    );
    await done(page);
  });

  it("a plan opened with the app is previewed at start-up; the same plan twice says nothing changes", async () => {
    const page = await openPage({
      viewport,
      fake: { state: "booked", handoverPending: { kind: "link", link: LINK } },
    });
    await page.waitForSelector(".handover-preview");
    assert.equal(await page.inputValue("#handover-link"), LINK);
    await page.click("button:has-text('Use this plan')");
    await page.waitForFunction(() => document.querySelector("main")?.dataset.route === "today");
    await go(page, "plan-from-clinic");
    await page.fill("#handover-link", LINK);
    await page.click("button:has-text('Open the link')");
    await page.waitForSelector(".handover-preview");
    assert.equal(
      await text(page, ".handover-preview .strong"),
      "You already have this plan: using it changes nothing.",
    );
    assert.equal(await page.$(".handover-table"), null);
    await done(page);
  });

  it("first run offers the clinic's plan", async () => {
    const page = await openPage({ viewport, fake: { state: "fresh" } });
    await page.click("main a:has-text('My clinic gave me a plan file or QR code')");
    await page.waitForFunction(() => document.querySelector("main")?.dataset.route === "plan-from-clinic");
    await scan(page, "from first run");
    await done(page);
  });
});

describe("plan from the clinic at the smallest size", () => {
  for (const pct of [100, 200]) {
    it(`the preview fits 320 px with text at ${pct} %, without sideways scrolling`, async () => {
      const page = await openPage({
        viewport: { width: 320, height: 700 },
        fake: { state: "all", handoverPending: { kind: "link", link: LINK } },
      });
      await page.evaluate((p) => (document.documentElement.style.fontSize = `${p}%`), pct);
      await page.waitForSelector(".handover-preview");
      const over = await page.evaluate(() => {
        const root = document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      assert.equal(over, 0, "no sideways scrolling");
      await scan(page, `the preview at 320 px, ${pct} % text`);
      await done(page);
    });
  }
});
