// Browser tests of the healing journal's screens on the BUILT UI, against the
// fake backend (fake-journal.ts): the check-in (levels, note, a real PNG file
// with its progress, a refused text file, a read-only past day, delete),
// Today's check-in and red-flag cards, the journal, the compare view (its
// default days, arrow keys, swipe and zoom) and sharing. Each screen is
// scanned with axe; screenshots in light and dark go to
// target/screenshots/browser/.
//
//   npm run build && npm run build:mock && node --test tests/browser/journal.test.mjs
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { axe, problems, sharedBrowser, UI } from "./harness.mjs";
import { png } from "../fixtures/png.mjs";

const SIZES = [
  { name: "phone", viewport: { width: 390, height: 844 } },
  { name: "desktop", viewport: { width: 1280, height: 800 } },
];
const SHOTS = join(UI, "../target/screenshots/browser");
const openPage = sharedBrowser();

let dir;
let photoPath;
let photo;
let bigPath;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "smp-journal-"));
  photo = png(40, 30, () => [196, 130, 118]);
  photoPath = join(dir, "scalp.png");
  writeFileSync(photoPath, photo);
  // Just over 30 MB (a sparse file: it takes no room on disk).
  bigPath = join(dir, "big.jpg");
  writeFileSync(bigPath, Buffer.from([0xff, 0xd8, 0xff]));
  truncateSync(bigPath, 31_000_001);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function scan(page, screen) {
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  const found = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  await page.setViewportSize(viewport);
  assert.deepEqual(found, [], `${screen}: serious or critical axe violations`);
}

/** Waits until the app shows `route` complete. */
function shown(page, route) {
  return page.waitForFunction((r) => {
    const main = document.querySelector("main");
    return main?.dataset.route === r && !main.hasAttribute("aria-busy") && !!main.querySelector("h1");
  }, route);
}

const text = async (page, selector) => ((await page.textContent(selector)) ?? "").replace(/\u00a0/g, " ").trim();
const journalState = (page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__SMP_FAKE__.backend.journal)));
const calls = (page, cmd) =>
  page.evaluate((c) => window.__SMP_FAKE__.backend.state.calls.filter((x) => x.cmd === c), cmd);

async function done(page) {
  assert.deepEqual(await problems(page), []);
  await page.context().close();
}

for (const { name, viewport } of SIZES) {
  describe(`journal at ${viewport.width}×${viewport.height}`, () => {
    it("a check-in from Today saves levels, a note and a real PNG, with progress, then Today says so", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", clinic: true } });
      assert.equal(await text(page, "#check-in-h"), "How does your scalp look today?");
      await page.click("main a:has-text('Check in')");
      await shown(page, "check-in");
      assert.equal(await text(page, "main h1"), "Check-in");
      assert.match(await text(page, "main .lead"), /^Thursday, 20 March 2025 · Day 4 after session 2$/);
      assert.deepEqual(await page.$$eval("main fieldset legend", (ls) => ls.map((l) => l.textContent)), [
        "Redness",
        "Itching",
        "Scabbing",
        "Tenderness",
        "Swelling",
        "Sunburn",
      ]);
      assert.equal(await page.getAttribute("#photos", "accept"), "image/jpeg,image/png,image/webp");
      assert.equal(await page.getAttribute("#photos", "capture"), null, "the gallery stays on offer");
      await scan(page, "check-in");

      await page.check("#level-redness-mild");
      await page.check("#level-itching-moderate");
      await page.fill("#note", "Slightly itchy.");
      assert.equal(await text(page, "#note-count"), "15 of 200 characters");
      // Every progress message the page shows, as it shows it.
      await page.evaluate(() => {
        window.__seen = [];
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.addedNodes) if (n.nodeType === Node.TEXT_NODE) window.__seen.push(n.textContent);
        }).observe(document.querySelector(".photo-list"), { childList: true, subtree: true });
      });
      await page.setInputFiles("#photos", photoPath);
      await page.waitForSelector(".photo-item img.thumb");
      const seen = await page.evaluate(() => window.__seen);
      for (const words of ["Checking…", "Reading the photo…", "Saving 3 of 3"]) {
        assert.ok(seen.includes(words), `progress shows "${words}" (saw ${JSON.stringify(seen)})`);
      }
      const [add] = await calls(page, "photo_add");
      assert.equal(add.args.data, photo.toString("base64"), "the file's bytes, base64");
      assert.match(add.args.onProgress, /^__CHANNEL__:\d+$/);
      await page.click("button:has-text('Save')");
      await shown(page, "today");
      assert.equal(await text(page, "#check-in-h"), "Checked in today");
      assert.equal(await page.getAttribute('main a[aria-label="Edit today\'s check-in"]', "href"), "#/check-in");
      const saved = (await journalState(page)).checkIns["2025-03-20"];
      assert.equal(saved.note, "Slightly itchy.");
      assert.equal(saved.symptoms.redness, "mild");
      assert.equal(saved.symptoms.itching, "moderate");
      assert.equal(saved.symptoms.sunburn, "none");
      assert.equal(saved.photos.length, 1);
      // No card: nothing matched a warning.
      assert.equal(await page.$(".red-flag"), null);

      // Edit: one tap, the saved values back in the form.
      await page.click("main a:has-text('Edit')");
      await shown(page, "check-in");
      assert.equal(await page.isChecked("#level-itching-moderate"), true);
      assert.equal(await page.inputValue("#note"), "Slightly itchy.");
      assert.equal(await page.$$eval(".photo-item img.thumb", (i) => i.length), 1);
      await done(page);
    });

    it("a text file, a cut-off PNG and a file over 30 MB are refused beside the photo field", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "check-in" });
      await page.setInputFiles("#photos", {
        name: "notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("not a photo at all\n"),
      });
      await page.waitForSelector("#photos-error:not([hidden])");
      assert.equal(
        await text(page, "#photos-error"),
        "notes.txt: This is a text file, not a photo the app can read: choose a JPEG, PNG or WebP photo.",
      );
      assert.equal(await page.getAttribute("#photos", "aria-invalid"), "true");
      assert.match(await page.getAttribute("#photos", "aria-describedby"), /photos-error/);
      assert.equal(await page.$(".photo-item"), null);
      // A PNG cut short: the backend's words, beside the field.
      await page.setInputFiles("#photos", { name: "cut.png", mimeType: "image/png", buffer: photo.subarray(0, 40) });
      await page.waitForFunction(() => /cut\.png/.test(document.querySelector("#photos-error").textContent));
      assert.equal(
        await text(page, "#photos-error"),
        "cut.png: This photo is cut off or damaged (it may not have finished copying): choose it again, or another photo.",
      );
      // Over 30 MB: refused in the page, before it is read or sent.
      const sent = (await calls(page, "photo_add")).length;
      await page.setInputFiles("#photos", bigPath);
      await page.waitForFunction(() => /big\.jpg/.test(document.querySelector("#photos-error").textContent));
      assert.equal(
        await text(page, "#photos-error"),
        "big.jpg: This file is 31.1 MB; the most is 30 MB: choose a smaller photo.",
      );
      assert.equal((await calls(page, "photo_add")).length, sent, "not sent to the backend");
      await scan(page, "check-in-photo-error");
      await done(page);
    });

    it("an older day is read-only: no control, its levels, note and photo", async () => {
      const page = await openPage({
        viewport,
        fake: { state: "booked", journal: true },
        route: "check-in?date=2025-03-12&from=journal",
      });
      assert.equal(await text(page, "main h1"), "Check-in (read-only)");
      assert.equal(await page.$$eval("main input, main textarea, main select, main button", (e) => e.length), 0);
      assert.match(await text(page, "main"), /Nothing to note/);
      assert.match(await text(page, "main"), /Looks calm\./);
      assert.equal(await page.getAttribute("main img", "alt"), "Scalp photo, Day 7 after session 1, Wed 12 Mar");
      assert.equal(await page.getAttribute("#nav a[aria-current='page']", "data-route"), "journal");
      await scan(page, "check-in-read-only");
      await done(page);
    });

    it("yesterday's check-in can be deleted, after a question", async () => {
      const page = await openPage({
        viewport,
        fake: { state: "booked", journal: true },
        route: "check-in?date=2025-03-19&from=journal",
      });
      assert.equal(await page.isChecked("#level-scabs-mild"), true);
      await page.click("button:has-text('Delete this check-in')");
      await page.click("button:has-text('Keep it')");
      assert.ok((await journalState(page)).checkIns["2025-03-19"], "kept");
      await page.click("button:has-text('Delete this check-in')");
      await page.click("button:has-text('Yes, delete')");
      await shown(page, "journal");
      assert.equal((await journalState(page)).checkIns["2025-03-19"], undefined);
      assert.equal(await page.$("li.journal-entry[data-date='2025-03-19']"), null);
      // Yesterday can still be written again.
      await page.click("main a:has-text('Check in for yesterday')");
      await shown(page, "check-in");
      assert.equal(await text(page, "main h1"), "Check-in");
      assert.match(await text(page, "main .lead"), /^Wednesday, 19 March 2025 · Day 3 after session 2$/);
      await done(page);
    });

    it("a check-in that matches warnings puts cards at the top of Today, with tap-to-call and tap-to-write", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", clinic: true }, route: "check-in" });
      await page.check("#level-redness-strong");
      await page.check("#level-swelling-moderate");
      await page.click("button:has-text('Save')");
      await shown(page, "today");
      const cards = await page.$$eval("main .red-flag", (cs) =>
        cs.map((c) => ({
          flag: c.dataset.flag,
          label: document.getElementById(c.getAttribute("aria-labelledby")).textContent,
          mark: c.querySelector(".eyebrow").textContent,
          links: [...c.querySelectorAll("a")].map((a) => a.getAttribute("href")),
        })),
      );
      assert.deepEqual(cards, [
        {
          flag: "redness-late",
          label: "Still very red on day 4",
          mark: "From your clinic's plan",
          links: ["tel:+442079460000", "mailto:care@northside-smp.example"],
        },
        {
          flag: "general-infection",
          label: "Swelling can be a sign of infection",
          mark: "General guidance, not from your clinic",
          links: ["tel:+442079460000", "mailto:care@northside-smp.example"],
        },
      ]);
      // Above everything else on the screen, the news included.
      const first = await page.evaluate(() => document.querySelector("main .screen > section")?.dataset.flag);
      assert.equal(first, "redness-late");
      await scan(page, "today-red-flags");
      await done(page);
    });

    it("without the clinic's details, a card says to call the clinic and links to Settings", async () => {
      const page = await openPage({ viewport, fake: { state: "booked" }, route: "check-in" });
      await page.check("#level-swelling-strong");
      await page.click("button:has-text('Save')");
      await shown(page, "today");
      assert.match(await text(page, ".red-flag"), /Call your clinic\. Add their phone and email in Settings/);
      assert.equal(await page.getAttribute(".red-flag a", "href"), "#/settings");
      await done(page);
    });

    it("the journal lists every check-in, newest first, with each photo's day in its alt text", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", journal: true }, route: "journal" });
      assert.deepEqual(await page.$$eval("li.journal-entry", (ls) => ls.map((l) => l.dataset.date)), [
        "2025-03-19",
        "2025-03-18",
        "2025-03-12",
        "2025-03-07",
      ]);
      assert.deepEqual(await page.$$eval("li.journal-entry .entry-day", (ls) => ls.map((l) => l.textContent)), [
        "Day 3 after session 2",
        "Day 2 after session 2",
        "Day 7 after session 1",
        "Day 2 after session 1",
      ]);
      assert.deepEqual(await page.$$eval("li.journal-entry img", (is) => is.map((i) => i.alt)), [
        "Scalp photo, Day 3 after session 2, Wed 19 Mar",
        "Scalp photo, Day 7 after session 1, Wed 12 Mar",
        "Scalp photo, Day 2 after session 1, Fri 7 Mar",
      ]);
      assert.deepEqual(
        await page.$$eval("li.journal-entry[data-date='2025-03-07'] .chip", (cs) => cs.map((c) => c.textContent)),
        ["Redness: moderate", "Tenderness: mild"],
      );
      // Only yesterday's can still be changed.
      assert.deepEqual(await page.$$eval("li.journal-entry a", (as) => as.map((a) => a.getAttribute("href"))), [
        "#/check-in?date=2025-03-19&from=journal",
      ]);
      assert.ok(await page.$("main a[href='#/check-in?from=journal']"), "today's check-in one tap away");
      assert.equal(await page.$("main a:has-text('Check in for yesterday')"), null, "yesterday's is there");
      await scan(page, "journal");
      // A thumbnail opens large too.
      await page.click("li.journal-entry[data-date='2025-03-12'] button.thumb-button");
      await page.waitForSelector("dialog.zoom[open]");
      await page.keyboard.press("Escape");
      await page.waitForSelector("dialog.zoom", { state: "detached" });
      await done(page);
    });

    it("compare opens on the first and latest days; arrow keys, buttons and swipes move a side; a photo zooms", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", journal: true }, route: "journal" });
      await page.click("main a:has-text('Compare two days')");
      await shown(page, "compare");
      const dates = () => page.$$eval(".compare-side", (s) => s.map((x) => x.dataset.date));
      assert.deepEqual(await dates(), ["2025-03-07", "2025-03-19"]);
      await scan(page, "compare");

      await page.focus(".compare-left");
      await page.keyboard.press("ArrowRight");
      assert.deepEqual(await dates(), ["2025-03-12", "2025-03-19"]);
      assert.equal(await text(page, "main [role='status']"), "First day: Day 7 after session 1, Wed 12 Mar");
      assert.equal(await page.inputValue("#compare-left"), "1");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft"); // already the first: stays
      assert.deepEqual(await dates(), ["2025-03-07", "2025-03-19"]);
      await page.click(".compare-right button:has-text('Previous day')");
      assert.deepEqual(await dates(), ["2025-03-07", "2025-03-18"]);
      await page.selectOption("#compare-right", "3");
      assert.deepEqual(await dates(), ["2025-03-07", "2025-03-19"]);

      // A swipe to the right on the second side goes back a day.
      const box = await page.locator(".compare-right .compare-day").boundingBox();
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + 10, y);
      await page.mouse.down();
      await page.mouse.move(box.x + 90, y + 5, { steps: 4 });
      await page.mouse.up();
      assert.deepEqual(await dates(), ["2025-03-07", "2025-03-18"]);

      // Enter on a photo opens it large; Esc closes it and focus comes back.
      await page.focus(".compare-left button.compare-photo");
      await page.keyboard.press("Enter");
      await page.waitForSelector("dialog.zoom[open]");
      assert.equal(await page.getAttribute("dialog.zoom img", "alt"), "Scalp photo, Day 2 after session 1, Fri 7 Mar");
      assert.match(await page.getAttribute("dialog.zoom img", "src"), /^data:image\/png;base64,/);
      await scan(page, "compare-zoom");
      await page.keyboard.press("Escape");
      await page.waitForSelector("dialog.zoom", { state: "detached" });
      assert.equal(
        await page.evaluate(() => document.activeElement?.matches(".compare-left button.compare-photo")),
        true,
      );
      await done(page);
    });

    it("share with my clinic: all days by default, a chosen few, a cancel, and where it was saved", async () => {
      const page = await openPage({ viewport, fake: { state: "booked", journal: true }, route: "journal" });
      assert.equal(await text(page, ".share-days summary"), "All 4 days");
      await page.click("#share");
      await page.waitForSelector(".share-result:not(:empty)");
      assert.equal(
        await text(page, ".share-result"),
        "Saved to /home/client/Documents/smp-aftercare-journal.html. Attach it to a message to your clinic.",
      );
      assert.deepEqual((await journalState(page)).shared, ["2025-03-07", "2025-03-12", "2025-03-18", "2025-03-19"]);
      await page.click(".share-days summary");
      await page.uncheck("#share-2025-03-12");
      assert.equal(await text(page, ".share-days summary"), "3 of 4 days");
      await page.click("#share");
      await page.waitForFunction(() => document.querySelector(".share-result").textContent.startsWith("Saved"));
      assert.deepEqual((await journalState(page)).shared, ["2025-03-07", "2025-03-18", "2025-03-19"]);
      for (const d of ["2025-03-07", "2025-03-18", "2025-03-19"]) await page.uncheck(`#share-${d}`);
      await page.click("#share");
      assert.equal(await text(page, ".share-result"), "Choose at least one day to share.");
      assert.equal((await calls(page, "journal_share")).length, 2, "nothing sent without a day");
      await scan(page, "journal-share");
      await done(page);

      const cancelled = await openPage({
        viewport,
        fake: { state: "booked", journal: true, shareCancelled: true },
        route: "journal",
      });
      await cancelled.click("#share");
      await cancelled.waitForFunction(() =>
        window.__SMP_FAKE__.backend.state.calls.some((c) => c.cmd === "journal_share"),
      );
      assert.equal(await text(cancelled, ".share-result"), "", "a cancel says nothing");
      await done(cancelled);
    });

    if (name === "phone") {
      it("screenshots of the journal's screens in light and dark", async () => {
        mkdirSync(SHOTS, { recursive: true });
        for (const colorScheme of ["light", "dark"]) {
          for (const [shot, route] of [
            ["check-in", "check-in?date=2025-03-19"],
            ["journal", "journal"],
            ["compare", "compare"],
          ]) {
            const page = await openPage({ viewport, colorScheme, fake: { state: "booked", journal: true }, route });
            await page.screenshot({ path: join(SHOTS, `${shot}-${colorScheme}.png`), fullPage: true });
            await scan(page, `${shot}-${colorScheme}`);
            await done(page);
          }
        }
      });
    }
  });
}
