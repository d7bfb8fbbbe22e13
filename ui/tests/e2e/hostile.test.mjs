// Hostile input in the REAL app (issue 15, item 5), kept as a regression
// test: a clinic's protocol file and clinic details holding HTML, script,
// `javascript:` links and 199-character words without spaces, as a client
// could be handed them. The real binary, started by tauri-driver on a
// private Xvfb display and D-Bus (notification recorder on it), at the
// narrowest phone width the window allows (320 px). Checked:
//
// - every hostile text shows as the very text it is, on every screen that
//   shows it; no script of it runs (each would count itself in
//   `window.__pwned`), no element, attribute or link comes of it, and no
//   screen scrolls sideways or lets a word run past the window's edge;
// - the clinic's phone and email take only a phone number and an address
//   (a message beside the field otherwise), and the app hands the system
//   only a `tel:` link to digits or a `mailto:` link to one address: a
//   fake `xdg-open` first on the app's PATH records what it is given;
// - commands the window's capability does not grant (the plugins' fs,
//   shell, http, notification, dialog, opener, autostart, deep-link; Tauri's
//   own window, webview, app, path, event, menu, tray; the app's commands
//   kept for tests) are refused, and none of them does what it was asked.
//
//   dbus-run-session -- node --test tests/e2e/hostile.test.mjs   (npm run test:e2e)
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { after, before, describe } from "node:test";
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
  uiMessages,
  waitInPage,
  waitRendered,
  waitText,
} from "./harness.mjs";

/** The narrowest window (tauri.conf.json's minWidth): an old, small phone. */
const NARROW = { width: 320, height: 700 };

// Each payload counts itself in window.__pwned if it ever runs.
const PWN = "window.__pwned=(window.__pwned||0)+1";
/** A word of 199 characters without a space: the widest letter, repeated. */
const LONG_WORD = "W".repeat(199);

/** The hostile texts of the protocol file, one per text field in turn. */
const PROTOCOL_TEXTS = [
  `<img src=x onerror="${PWN}"> Keep it dry`,
  `<script>${PWN}</script> No shampoo`,
  `<a href="javascript:${PWN}">Tap here</a> for more`,
  `[Tap here](javascript:${PWN})`,
  `javascript:${PWN}`,
  `<svg onload="${PWN}"><iframe src="javascript:${PWN}"></iframe>`,
  `<style>main{display:none}</style>&lt;b&gt; stays as typed`,
  LONG_WORD,
];
const PROTOCOL_NAME = `<img src=x onerror="${PWN}">Plan`;
const PROTOCOL_SUMMARY = `<script>${PWN}</script>${LONG_WORD.slice(0, 140)}`;

const CLINIC = {
  name: `<script>${PWN}</script><img src=x onerror="${PWN}">`,
  phone: "+44 20 7946 0000",
  email: "desk@hairline.example",
  address: LONG_WORD,
};

/**
 * A clinic's protocol file: the built-in "Four dry days" with its English
 * name, summary and every English note, label and meaning replaced by the
 * hostile texts (TOML literal strings, so nothing is unescaped on the way).
 */
function hostileProtocol() {
  let n = 0;
  const next = () => PROTOCOL_TEXTS[n++ % PROTOCOL_TEXTS.length];
  const text = readFileSync(join(ROOT, "protocols/four-day-dry.toml"), "utf8")
    .replace(/^id = ".*"$/m, 'id = "hostile"')
    .replace(/^name\.en = ".*"$/m, `name.en = '${PROTOCOL_NAME}'`)
    .replace(/^summary\.en = ".*"$/m, `summary.en = '${PROTOCOL_SUMMARY}'`)
    .replace(/^(note|label|meaning)\.en = ".*"$/gm, (_, key) => `${key}.en = '${next()}'`);
  assert.ok(n >= PROTOCOL_TEXTS.length, `every hostile text is in the file (${n} fields)`);
  return text;
}

const FIRST = localDate(-2); // today is day 3: the dry days' notes are news
const en = uiMessages("en");

let binary;
let server;
let driver;
let dataDir;
let notifications;
let openerLog; // what the fake xdg-open was given, a line per call
let configHome; // the app's XDG_CONFIG_HOME: where autostart would write

/** The lines the fake xdg-open has recorded so far. */
function opened() {
  return existsSync(openerLog) ? readFileSync(openerLog, "utf8").split("\n").filter(Boolean) : [];
}

/** Runs a command in the page as the UI's bindings do; `{ ok, value | error }`. */
function invoke(cmd, args = {}) {
  return driver.executeAsyncScript(
    (cmd, args, done) =>
      window.__TAURI_INTERNALS__.invoke(cmd, args).then(
        (value) => done({ ok: true, value }),
        (error) => done({ ok: false, error: typeof error === "string" ? error : JSON.stringify(error) }),
      ),
    cmd,
    args,
  );
}

/**
 * What the screen on show holds that hostile input could have made: script
 * runs, elements, inline handlers, links, sideways overflow. Run in the page.
 */
function inspect(longWord) {
  const all = [...document.querySelectorAll("*")];
  const width = document.documentElement.clientWidth;
  // Elements holding the long word directly, and how far they reach.
  const holders = all.filter((e) =>
    [...e.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.includes(longWord)),
  );
  return {
    pwned: window.__pwned ?? 0,
    scripts: document.querySelectorAll("script").length,
    made: all
      .filter(
        (e) => e.matches("img[src='x'], iframe, svg[onload], style:not([data-vite-dev-id])") && !e.closest("head"),
      )
      .map((e) => e.outerHTML.slice(0, 80)),
    handlers: all.flatMap((e) =>
      [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`),
    ),
    links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
    main: document.querySelector("main#app")?.textContent ?? "",
    mainShown: getComputedStyle(document.querySelector("main#app")).display !== "none",
    sideways: document.documentElement.scrollWidth - width,
    inner: window.innerWidth,
    navRows: new Set([...document.querySelectorAll("#nav a")].map((a) => Math.round(a.getBoundingClientRect().top)))
      .size,
    // The outermost elements that reach past the window: what to fix.
    wide: all
      .filter(
        (e) =>
          e.getBoundingClientRect().right > width + 0.5 &&
          !(e.parentElement?.getBoundingClientRect().right > width + 0.5),
      )
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} (${Math.round(e.getBoundingClientRect().right)} px)`,
      ),
    overflowing: holders
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
      .map((r) => `${Math.round(r.left)}..${Math.round(r.right)}`),
    longWordShown: holders.length,
  };
}

before(async () => {
  tools();
  binary = appBinary();
  mkdirSync(SHOTS, { recursive: true });
  const display = await startXvfb();
  server = await startTauriDriver(display);
  notifications = await startNotificationRecorder();
  // A fake xdg-open, first on the app's PATH: tauri-plugin-opener (the
  // `open` crate) hands tel: and mailto: links to it.
  const bin = join(freshDataDir("opener"), "bin");
  mkdirSync(bin);
  openerLog = join(bin, "..", "opened.log");
  writeFileSync(join(bin, "xdg-open"), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${openerLog}'\n`, { mode: 0o755 });
  configHome = freshDataDir("config");
  dataDir = freshDataDir("hostile");
  driver = await launchApp(server, binary, dataDir, {
    env: { PATH: `${bin}:${process.env.PATH}`, XDG_CONFIG_HOME: configHome },
  });
  await driver.manage().window().setRect(NARROW);
  await waitInPage(driver, `a ${NARROW.width} px wide window`, (w) => window.innerWidth === w, NARROW.width);
});

after(async () => {
  if (driver) await driver.quit().catch(() => {});
  await stopAll();
});

/** The steps share one app; once one fails the rest fail at once. */
const step = story();

describe("hostile input in the real app", { timeout: 300_000 }, () => {
  let scripts; // the page's own <script> elements, before any hostile text

  step("a clinic's protocol file full of HTML and script imports as plain text", async () => {
    scripts = (await driver.executeScript(inspect, LONG_WORD)).scripts;
    const added = await invoke("session_add", { date: FIRST });
    assert.ok(added.ok, `session_add: ${added.error}`);
    await go(driver, "protocol");
    await driver.findElement({ css: "#protocol-file" }).sendKeys(tempFile("hostile.toml", hostileProtocol()));
    await submitFormOf(driver, "#protocol-file"); // "Import"
    // The plan's name, character for character: had it been read as HTML,
    // the heading would hold "Plan" and an image.
    // The question before the switch names the plan: as text too.
    const asked = await waitText(driver, ".switch-question-text", /\S/);
    assert.equal(asked, en("protocol-switch-question", { name: en("plan-clinic-file", { name: PROTOCOL_NAME }) }));
    await click(driver, ".switch-question-actions button.primary"); // "Switch"
    const shown = await waitInPage(
      driver,
      "the imported plan's name, or an error",
      () =>
        document.querySelector("#protocol-file-error:not([hidden])")?.textContent ||
        /^<img/.test(document.querySelector("#current-h")?.textContent ?? ""),
    );
    assert.equal(shown, true, `the import was refused: ${shown}`);
    assert.equal(await text(driver, "#current-h"), PROTOCOL_NAME);
  });

  step("the clinic's phone and email take only a phone number and an address", async () => {
    await go(driver, "settings");
    for (const [field, bad, message] of [
      ["clinic-phone", `javascript:${PWN}`, en("error-not-a-phone", { text: `javascript:${PWN}` })],
      ["clinic-phone", "+44;phone-context=x", en("error-not-a-phone", { text: "+44;phone-context=x" })],
      ["clinic-email", `"<script>"@x.example`, en("error-not-an-email", { text: `"<script>"@x.example` })],
      [
        "clinic-email",
        "javascript:alert(1)@x.example",
        en("error-not-an-email", { text: "javascript:alert(1)@x.example" }),
      ],
      [
        "clinic-email",
        "desk@x.example?cc=all@y.example",
        en("error-not-an-email", { text: "desk@x.example?cc=all@y.example" }),
      ],
    ]) {
      for (const other of ["#clinic-phone", "#clinic-email"]) await (await click(driver, other)).clear();
      await type(driver, `#${field}`, bad);
      await submitFormOf(driver, `#${field}`);
      const shown = await waitText(driver, `#${field}-error`, /\S/);
      assert.equal(shown, message, `${field} ${bad}`);
      assert.equal(await driver.findElement({ css: `#${field}` }).getAttribute("aria-invalid"), "true");
    }
    // Nothing of it was kept.
    const saved = await invoke("settings");
    assert.deepEqual([saved.value.clinic.phone, saved.value.clinic.email], ["", ""]);

    await type(driver, "#clinic-name", CLINIC.name);
    await type(driver, "#clinic-phone", CLINIC.phone);
    await type(driver, "#clinic-email", CLINIC.email);
    await type(driver, "#clinic-address", CLINIC.address);
    await submitFormOf(driver, "#clinic-name");
    await waitInPage(
      driver,
      "the settings saved",
      () =>
        !document.querySelector(".field-error:not([hidden])") &&
        /Saved/.test(document.querySelector("main")?.textContent ?? ""),
    );
    const after = await invoke("settings");
    assert.deepEqual(after.value.clinic, CLINIC);
  });

  step(
    "every screen shows the hostile texts as text at 320 px: nothing runs, nothing is made, nothing overflows",
    async () => {
      const seen = new Set();
      for (const route of ["today", "can-i", "timeline", "protocol", "settings", "sessions"]) {
        await go(driver, route);
        if (route === "can-i") {
          // A question typed as HTML, answered as text.
          await type(driver, "#ask", `<img src=x onerror="${PWN}">`);
          await submitFormOf(driver, "#ask");
          await waitText(driver, "#answer", /<img src=x onerror=/);
        }
        await driver.executeScript(() => window.scrollTo(0, 0));
        await screenshot(driver, `hostile-${route}-320`);
        const got = await driver.executeScript(inspect, LONG_WORD);
        assert.equal(got.inner, NARROW.width, `${route}: the window is ${NARROW.width} px wide`);
        assert.equal(got.pwned, 0, `${route}: a hostile script ran`);
        assert.equal(got.scripts, scripts, `${route}: a <script> element was added`);
        assert.deepEqual(got.made, [], `${route}: elements made of hostile text`);
        assert.deepEqual(got.handlers, [], `${route}: inline event handlers`);
        for (const href of got.links) {
          assert.match(
            href,
            /^(#[a-z-]+|#\/[a-z-]+(\?.*)?|tel:\+?\d+|mailto:[^?#,:<>"]+@[^?#,:<>"]+)$/,
            `${route}: link ${href}`,
          );
        }
        assert.equal(got.navRows, 1, `${route}: the tab bar needs ${got.navRows} rows`);
        assert.equal(got.mainShown, true, `${route}: the screen is shown`);
        assert.ok(
          got.sideways <= 0,
          `${route}: the page scrolls sideways by ${got.sideways} px: ${got.wide.join(", ")}`,
        );
        assert.deepEqual(got.overflowing, [], `${route}: the 199-character word runs past the window`);
        for (const t of [...PROTOCOL_TEXTS, PROTOCOL_NAME, PROTOCOL_SUMMARY, CLINIC.name]) {
          if (got.main.includes(t)) seen.add(t);
        }
        if (got.longWordShown) seen.add(LONG_WORD);
      }
      // Each hostile text was on some screen, whole: shown as typed, not
      // swallowed as markup.
      const missing = [...PROTOCOL_TEXTS, PROTOCOL_NAME, PROTOCOL_SUMMARY, CLINIC.name].filter((t) => !seen.has(t));
      assert.deepEqual(missing, [], "hostile texts no screen showed as text");
    },
  );

  step("the system is handed only a phone number or one address", async () => {
    await go(driver, "today");
    const call = await driver.findElement({ css: "main .contact a[href^='tel:']" });
    assert.equal(await call.getAttribute("href"), "tel:+442079460000");
    await click(driver, call);
    const write = await driver.findElement({ css: "main .contact a[href^='mailto:']" });
    assert.equal(await write.getAttribute("href"), "mailto:desk@hairline.example");
    await click(driver, write);
    await waitInPage(driver, "nothing: waiting for xdg-open", () => true);
    const deadline = Date.now() + 10_000;
    while (opened().length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(opened(), ["tel:+442079460000", "mailto:desk@hairline.example"]);
    // Links a page could be made to follow: refused, nothing handed on.
    for (const url of [
      "tel:+44;phone-context=example.com",
      "tel:javascript:alert(1)",
      "mailto:desk@hairline.example?attach=/etc/passwd",
      "mailto:desk@hairline.example,all@example.com",
      "mailto:?body=hello",
    ]) {
      await driver.executeScript((u) => {
        location.href = u;
      }, url);
    }
    await driver.sleep(1500);
    assert.deepEqual(opened(), ["tel:+442079460000", "mailto:desk@hairline.example"], "only the clinic's links");
    await waitRendered(driver, "today");
  });

  step("commands outside the window's capability are refused and do nothing", async () => {
    const marker = join(dataDir, "..", `pwned-${process.pid}`);
    let requests = 0;
    const page = createServer((_, res) => {
      requests += 1;
      res.end("pwned");
    });
    await new Promise((ok) => page.listen(0, "127.0.0.1", ok));
    const url = `http://127.0.0.1:${page.address().port}/`;
    const title = await driver.getTitle();
    const refused = [
      ["plugin:fs|write_text_file", { path: marker, data: "pwned" }],
      ["plugin:fs|read_text_file", { path: "/etc/passwd" }],
      ["plugin:shell|execute", { program: "touch", args: [marker], options: {} }],
      ["plugin:shell|open", { path: url }],
      ["plugin:http|fetch", { clientConfig: { url, method: "GET", headers: [], data: null } }],
      ["plugin:notification|notify", { options: { title: "pwned", body: "pwned" } }],
      ["plugin:notification|request_permission", {}],
      ["plugin:dialog|open", { options: {} }],
      ["plugin:dialog|message", { message: "pwned" }],
      ["plugin:opener|open_url", { url }],
      ["plugin:opener|open_path", { path: "/etc/passwd" }],
      ["plugin:autostart|enable", {}],
      ["plugin:deep-link|get_current", {}],
      ["plugin:window|set_title", { label: "main", value: "pwned" }],
      ["plugin:window|close", { label: "main" }],
      ["plugin:webview|create_webview_window", { options: { label: "pwned", url } }],
      ["plugin:app|version", {}],
      ["plugin:path|resolve_directory", { directory: 8 }],
      ["plugin:event|emit", { event: "smp-handover", payload: "smp-aftercare://plan?pwned" }],
      ["plugin:menu|new", { kind: "Menu", options: {} }],
      ["plugin:tray|new", { options: { tooltip: "pwned" } }],
      ["reminders_upcoming", {}],
      ["reminders_missed", {}],
      ["calendar_ics", {}],
    ];
    const answers = [];
    try {
      for (const [cmd, args] of refused) answers.push([cmd, await invoke(cmd, args)]);
      await driver.sleep(1000); // time for anything that slipped through to show
    } finally {
      page.close();
    }
    for (const [cmd, r] of answers) {
      assert.equal(r.ok, false, `${cmd} was allowed: ${JSON.stringify(r.value)}`);
      assert.match(r.error, / not allowed\. /, `${cmd}: ${r.error}`);
    }
    console.log(
      `hostile: ${answers.length} commands refused: ${answers.map(([c, r]) => `${c}: ${r.error}`).join("; ")}`,
    );
    assert.equal(existsSync(marker), false, "a file was written or a program run");
    assert.equal(requests, 0, "a request left the app");
    assert.deepEqual(notifications.received(), [], "a notification was shown");
    assert.deepEqual(readdirSync(configHome), [], "launch at login was switched on");
    assert.deepEqual(opened(), ["tel:+442079460000", "mailto:desk@hairline.example"], "something was opened");
    assert.equal(await driver.getTitle(), title, "the window's title changed");
    assert.equal((await driver.getAllWindowHandles()).length, 1, "a window was opened or closed");
    await waitRendered(driver, "today");
  });

  step("the app quits cleanly after it all", async () => {
    const left = await quitApp(driver, dataDir);
    driver = undefined;
    assert.deepEqual(left, []);
  });
});
