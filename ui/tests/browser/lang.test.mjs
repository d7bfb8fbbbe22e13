// The UI in Spanish: Today, Settings and the check-in drawn in the language
// the backend names (`language`: the device's, or the one chosen in
// Settings), checked with axe and by a few exact words; and a change of
// language in Settings applies at once, without a restart. The fake's
// engine texts (activity names, news) are the English fixtures: these tests
// are about the UI's own words.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { axe, go, problems, sharedBrowser, UI } from "./harness.mjs";

const SHOTS = join(UI, "../target/screenshots/browser");
const PHONE = { width: 390, height: 844 };
const openPage = sharedBrowser();

/** An element's text, with no-break spaces as plain spaces. */
async function text(page, selector) {
  return ((await page.textContent(selector)) ?? "").replace(/\u00a0/g, " ");
}

/** Fails on serious or critical axe violations (the whole page, scrolled in full). */
async function noSeriousAxe(page, screen) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) });
  const bad = (await axe(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  await page.setViewportSize(PHONE);
  assert.deepEqual(bad, [], `${screen}: serious or critical axe violations`);
}

const lang = (page) => page.evaluate(() => document.documentElement.lang);

describe("the UI in Spanish (a Spanish device)", () => {
  const spanish = { state: "booked", deviceLang: "es", clinic: true };

  it("Today: the heading, the groups, the tab bar and the page's language", async () => {
    const page = await openPage({ viewport: PHONE, fake: spanish, locale: "es-ES" });
    assert.equal(await lang(page), "es");
    assert.equal(await text(page, "main h1"), "Día 4 tras la sesión 2 de 3");
    assert.equal(await page.title(), "Día 4 tras la sesión 2 de 3 · SMP Aftercare");
    // The date in Spanish, from Intl with the app's language.
    assert.equal(await text(page, "main .lead time"), "jueves, 20 de marzo de 2025");
    assert.equal(await text(page, "#group-avoid"), "Todavía no");
    assert.equal(await text(page, "#nav a[data-route='today'] .nav-label"), "Hoy");
    assert.equal(await text(page, "#nav a[data-route='can-i'] .nav-label"), "¿Puedo?");
    assert.equal(await page.getAttribute("#nav", "aria-label"), "Principal");
    assert.equal(await text(page, "a.skip"), "Saltar al contenido");
    assert.equal(await text(page, "#check-in-h"), "¿Cómo ves hoy tu cuero cabelludo?");
    assert.match(await text(page, "main"), /Pregunta por otra cosa: ¿Puedo\?/);
    await noSeriousAxe(page, "today-es");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "today-es-phone.png"), fullPage: true });
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });

  it("Settings: the language select offers the device's language, English and Spanish", async () => {
    const page = await openPage({ viewport: PHONE, fake: spanish, locale: "es-ES", route: "settings" });
    assert.equal(await text(page, "main h1"), "Ajustes");
    assert.equal(await text(page, "label[for='language']"), "Idioma");
    const options = await page.$$eval("#language option", (os) => os.map((o) => [o.value, o.textContent, o.lang]));
    assert.deepEqual(options, [
      ["device", "Idioma del dispositivo (Español)", ""],
      ["en", "English", "en"],
      ["es", "Español", "es"],
    ]);
    assert.equal(await page.inputValue("#language"), "device");
    assert.equal(await text(page, "form.settings button[type='submit']"), "Guardar ajustes");
    await noSeriousAxe(page, "settings-es");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "settings-es-phone.png"), fullPage: true });
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });

  it("Settings: a refusal is worded in Spanish beside its field", async () => {
    const page = await openPage({ viewport: PHONE, fake: spanish, locale: "es-ES", route: "settings" });
    await page.fill("#clinic-email", "care@");
    await page.click("form.settings button[type='submit']");
    await page.waitForSelector("#clinic-email-error:not([hidden])");
    assert.equal(
      await text(page, "#clinic-email-error"),
      "«care@» no es una dirección de correo como clinica@ejemplo.com.",
    );
    assert.equal(await page.getAttribute("#clinic-email", "aria-invalid"), "true");
    await page.fill("#clinic-email", "care@northside-smp.example");
    await page.check("#quiet-on");
    await page.fill("#quiet-start", "22:00");
    await page.fill("#quiet-end", "22:00");
    await page.click("form.settings button[type='submit']");
    await page.waitForSelector("#quiet-end-error:not([hidden])");
    assert.equal(
      await text(page, "#quiet-end-error"),
      "Unas horas de silencio de 22:00 a 22:00 no duran nada; elige otra hora de fin.",
    );
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });

  it("the check-in: symptoms, levels and the photo button", async () => {
    const page = await openPage({ viewport: PHONE, fake: spanish, locale: "es-ES", route: "check-in" });
    assert.equal(await text(page, "main h1"), "Registro");
    const legends = await page.$$eval("fieldset.levels legend", (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(legends, ["Enrojecimiento", "Picor", "Costras", "Sensibilidad", "Hinchazón", "Quemadura solar"]);
    const levels = await page.$$eval("fieldset.levels:first-of-type label", (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(levels, ["Nada", "Leve", "Moderado", "Fuerte"]);
    assert.equal(await text(page, "label.file-button"), "Añadir fotos");
    assert.equal(await text(page, "#note-count"), "0 de 200 caracteres");
    await noSeriousAxe(page, "check-in-es");
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });
});

describe("choosing the language in Settings", () => {
  it("applies at once: English on a Spanish device, then back to the device's", async () => {
    const page = await openPage({ viewport: PHONE, fake: { state: "booked", deviceLang: "es" }, route: "settings" });
    assert.equal(await lang(page), "es");
    await page.selectOption("#language", "en");
    await page.click("form.settings button[type='submit']");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.waitForSelector("main h1:has-text('Settings')");
    assert.equal(await text(page, "#nav a[data-route='today'] .nav-label"), "Today");
    assert.equal(await text(page, "form.settings .note"), "Saved.");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "language");
    assert.equal(await page.inputValue("#language"), "en");
    assert.equal(await text(page, "#language option[value='device']"), "Device language (Español)");
    await go(page, "today");
    assert.equal(await text(page, "main h1"), "Day 4 after session 2 of 3");

    await go(page, "settings");
    await page.selectOption("#language", "device");
    await page.click("form.settings button[type='submit']");
    await page.waitForFunction(() => document.documentElement.lang === "es");
    assert.equal(await text(page, "main h1"), "Ajustes");
    assert.equal(await text(page, "form.settings .note"), "Guardado.");
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });

  it("an English device stays in English until Spanish is chosen", async () => {
    const page = await openPage({ viewport: PHONE, fake: { state: "booked" } });
    assert.equal(await lang(page), "en");
    assert.equal(await text(page, "main h1"), "Day 4 after session 2 of 3");
    await go(page, "settings");
    assert.equal(await text(page, "#language option[value='device']"), "Device language (English)");
    await page.selectOption("#language", "es");
    await page.click("form.settings button[type='submit']");
    await page.waitForFunction(() => document.documentElement.lang === "es");
    await go(page, "today");
    assert.equal(await text(page, "main h1"), "Día 4 tras la sesión 2 de 3");
    assert.deepEqual(await problems(page), []);
    await page.context().close();
  });
});
