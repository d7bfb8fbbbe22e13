// End-to-end plumbing: the REAL app binary (target/debug/smp-aftercare),
// driven through tauri-driver and Debian's WebKitWebDriver on a private
// Xvfb display. Every process started here runs in its own process group and
// is ended (SIGTERM, then SIGKILL) by stopAll(), also when a test fails.
//
// Environment:
//   SMP_AFTERCARE_BIN  the app binary to test (default: build and use
//                      target/debug/smp-aftercare)
//   TAURI_DRIVER       the tauri-driver binary (default: from PATH or
//                      $CARGO_HOME/bin, ~/.cargo/bin)
//   E2E_KEEP_DATA      keep the temporary data folders (for debugging)
//   E2E_VERBOSE        show the output of Xvfb, tauri-driver, WebKitWebDriver
//                      and the app as it comes
//   SMP_AFTERCARE_TODAY  the app's today (YYYY-MM-DD; the app reads it at
//                      start-up): the test's dates count from it too. Only
//                      scripts/screenshots.sh sets it, for reproducible
//                      pictures; unset, today is the real one. (The
//                      Spanish run sets it for each start of its app: see
//                      app.test.mjs.)
//
// Screenshots go to target/screenshots/app/ (never into the source tree;
// scripts/screenshots.sh copies them to docs/screenshots/app/).
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import {
  accessSync,
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { Builder, Capabilities, WebElement } from "selenium-webdriver";

export const UI = fileURLToPath(new URL("../..", import.meta.url));
export const ROOT = join(UI, "..");
export const SHOTS = join(ROOT, "target/screenshots/app");

/** Generous: the first start of a debug build under Xvfb can be slow. */
export const TIMEOUT = 30_000;
/** How long a start of the app (a new WebDriver session) may take. */
export const LAUNCH_TIMEOUT = 60_000;

const started = []; // { name, child }
const tempDirs = [];

/** The first executable called `name` on PATH (then in `extra`), or null. */
function which(name, extra = []) {
  for (const dir of [...(process.env.PATH ?? "").split(delimiter), ...extra]) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** Fails (never skips) when a tool the test needs is missing. */
export function tools() {
  const tauriDriver =
    process.env.TAURI_DRIVER ??
    which("tauri-driver", [join(process.env.CARGO_HOME ?? join(homedir(), ".cargo"), "bin")]);
  if (!tauriDriver || !existsSync(tauriDriver)) {
    throw new Error(
      "tauri-driver not found: install it with `cargo install tauri-driver --locked` (scripts/setup.sh does)",
    );
  }
  const webkitDriver = which("WebKitWebDriver");
  if (!webkitDriver) {
    throw new Error("WebKitWebDriver not found: install Debian's webkit2gtk-driver (scripts/setup.sh does)");
  }
  if (!which("Xvfb")) throw new Error("Xvfb not found: install Debian's xvfb (scripts/setup.sh does)");
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error("no D-Bus session bus: run the test inside `dbus-run-session --` (npm run test:e2e does)");
  }
  return { tauriDriver, webkitDriver };
}

/** Newest modification time under a path (files only), in ms. */
function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path)) max = Math.max(max, newest(join(path, e)));
  return max;
}

/**
 * The app binary, copied to a temporary folder so that a rebuild during the
 * run (cargo replacing target/debug/smp-aftercare) cannot change or break
 * the app between two starts. SMP_AFTERCARE_BIN wins; otherwise the UI is
 * built when ui/dist is missing or older than its sources, and `cargo build`
 * runs (a no-op when the debug binary is up to date; it embeds ui/dist).
 */
export function appBinary() {
  const dir = mkdtempSync(join(tmpdir(), "smp-e2e-bin-"));
  tempDirs.push(dir);
  const copy = join(dir, "smp-aftercare");
  copyFileSync(builtBinary(), copy);
  chmodSync(copy, 0o755);
  return copy;
}

function builtBinary() {
  const given = process.env.SMP_AFTERCARE_BIN;
  if (given) {
    if (!existsSync(given)) throw new Error(`SMP_AFTERCARE_BIN=${given} does not exist`);
    return given;
  }
  const dist = join(UI, "dist/index.html");
  const sources = Math.max(newest(join(UI, "src")), newest(join(UI, "index.html")));
  if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
    console.log("e2e: building the UI (npm run build)");
    execFileSync("npm", ["run", "build"], { cwd: UI, stdio: ["ignore", process.stderr, process.stderr] });
  }
  console.log("e2e: cargo build -p smp-aftercare --locked");
  execFileSync("cargo", ["build", "-p", "smp-aftercare", "--locked"], {
    cwd: ROOT,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  const bin = join(ROOT, "target/debug/smp-aftercare");
  if (!existsSync(bin)) throw new Error(`${bin} is missing after cargo build`);
  return bin;
}

/** Starts a process in its own process group; keeps its output for errors. */
function start(name, cmd, args, options = {}) {
  const child = spawn(cmd, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe", ...(options.extraStdio ?? [])],
    env: options.env ?? process.env,
  });
  child.log = "";
  const keep = (chunk) => {
    child.log = (child.log + chunk.toString()).slice(-20_000);
    if (process.env.E2E_VERBOSE) process.stderr.write(`[${name}] ${chunk}`);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  child.on("error", (e) => keep(`spawn error: ${e.message}\n`));
  started.push({ name, child });
  return child;
}

async function stop({ name, child }) {
  const group = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the whole group is gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    // tauri-driver ends WebKitWebDriver on SIGTERM.
    group("SIGTERM");
    const ended = await Promise.race([child.exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
    if (ended === null) {
      console.error(`e2e: ${name} did not end on SIGTERM; killing its process group`);
      group("SIGKILL");
      await child.exited;
    }
  }
  // Anything left in the group (WebKitWebDriver, the app, WebKit's helpers).
  group("SIGKILL");
}

/** Ends every process this harness started (newest first) and removes temp folders. */
export async function stopAll() {
  while (started.length) await stop(started.pop());
  if (!process.env.E2E_KEEP_DATA) for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

// Also on Ctrl-C or a kill of the test run.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    for (const { child } of started) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
    if (!process.env.E2E_KEEP_DATA) for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    process.exit(130);
  });
}

/** A private X display (Xvfb picks a free number and tells us on fd 3). */
export async function startXvfb() {
  const x = start("Xvfb", "Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    extraStdio: ["pipe"],
  });
  const display = await new Promise((resolve, reject) => {
    let got = "";
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s:\n${x.log}`)), 10_000);
    x.stdio[3].on("data", (chunk) => {
      got += chunk.toString();
      if (got.includes("\n")) {
        clearTimeout(timer);
        resolve(`:${got.trim()}`);
      }
    });
    x.exited.then(({ code }) => reject(new Error(`Xvfb exited (${code}):\n${x.log}`)));
  });
  return display;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * British English for the app (or `locale`, such as es_ES for the app in Spanish), as a client of the built-in (British) clinics
 * would have it. WebKitGTK takes navigator.language (and so the dates' format)
 * from the C library's locale, which on a build machine is often only
 * C.UTF-8 ("C" in the page). en_GB.UTF-8 is compiled into a private folder
 * (LOCPATH), so the machine's locales are left alone. Without localedef the
 * app runs in the machine's locale; the tests do not depend on it.
 */
function deviceLocale(locale = "en_GB") {
  const dir = mkdtempSync(join(tmpdir(), "smp-e2e-locale-"));
  tempDirs.push(dir);
  const name = `${locale}.UTF-8`;
  // The app's language comes from these names (sys-locale), compiled or not.
  const names = { LANG: name, LC_ALL: name, LANGUAGE: `${locale}:${locale.split("_")[0]}` };
  try {
    execFileSync("localedef", ["-i", locale, "-f", "UTF-8", join(dir, name)], { stdio: "ignore" });
  } catch {
    console.log(`e2e: could not compile the ${name} locale (localedef); the app runs in the machine's locale`);
    return locale === "en_GB" ? {} : names;
  }
  return { LOCPATH: dir, ...names };
}

/**
 * tauri-driver (and through it WebKitWebDriver) on free ports, on `display`,
 * for a device in `locale`. Returns the server URL once it answers /status.
 */
export async function startTauriDriver(display, locale = "en_GB") {
  const { tauriDriver } = tools();
  const port = await freePort();
  let nativePort = await freePort();
  while (nativePort === port) nativePort = await freePort();
  // The app's log (and anything else it keeps per user) goes to a temporary
  // home, never the machine's real ~/.local/share.
  const home = mkdtempSync(join(tmpdir(), "smp-e2e-home-"));
  tempDirs.push(home);
  const env = { ...process.env, ...deviceLocale(locale), DISPLAY: display, GDK_BACKEND: "x11", XDG_DATA_HOME: home };
  delete env.WAYLAND_DISPLAY;
  const td = start("tauri-driver", tauriDriver, ["--port", String(port), "--native-port", String(nativePort)], { env });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  // WebKitWebDriver first (asked through tauri-driver before it listens,
  // tauri-driver logs an error), then tauri-driver itself.
  for (const status of [`http://127.0.0.1:${nativePort}/status`, `${url}status`]) {
    for (;;) {
      if (td.exitCode !== null) throw new Error(`tauri-driver exited (${td.exitCode}):\n${td.log}`);
      try {
        const r = await fetch(status);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`no answer from ${status} in 15 s:\n${td.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, log: () => td.log };
}

/**
 * A notification server on the test's session bus (the recorder of the Rust
 * tests, src-tauri/tests/support/notification_recorder.py: it owns
 * org.freedesktop.Notifications and writes each notification it gets as a
 * JSON line), ready once it owns the name. Every app started after it shows
 * its notifications there. Needs /usr/bin/python3 with python3-dbus and
 * python3-gi (scripts/setup.sh installs them).
 */
export async function startNotificationRecorder() {
  const dir = mkdtempSync(join(tmpdir(), "smp-e2e-notifications-"));
  tempDirs.push(dir);
  const output = join(dir, "notifications.jsonl");
  const script = join(ROOT, "src-tauri/tests/support/notification_recorder.py");
  const recorder = start("notification recorder", "/usr/bin/python3", [script, output]);
  const deadline = Date.now() + 10_000;
  while (!/^READY$/m.test(recorder.log)) {
    if (recorder.exitCode !== null || Date.now() > deadline) {
      throw new Error(
        `the notification recorder did not get ready (needs python3-dbus and python3-gi):\n${recorder.log}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  /** Every notification received so far, oldest first. */
  const received = () =>
    existsSync(output)
      ? readFileSync(output, "utf8")
          .split("\n")
          .filter((line) => line)
          .map((line) => JSON.parse(line))
      : [];
  /** Waits until `count` notifications have arrived; returns them all. */
  const waitFor = async (count) => {
    const until = Date.now() + TIMEOUT;
    while (received().length < count) {
      if (recorder.exitCode !== null) throw new Error(`the notification recorder exited:\n${recorder.log}`);
      if (Date.now() > until) {
        throw new Error(
          `${count} notification(s) did not arrive in ${TIMEOUT / 1000} s: ${JSON.stringify(received())}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return received();
  };
  return { received, waitFor };
}

/**
 * The UI's message `id` in `lang`, with `args`, read from the same file the
 * app shows (ui/src/locales/<lang>.ftl) and formatted as the app's `t`
 * formats it (ui/src/i18n.ts: Fluent, no isolation marks): what a test
 * expects on screen, never typed out again.
 */
export function uiMessages(lang) {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(join(UI, `src/locales/${lang}.ftl`), "utf8")));
  if (errors.length) throw new Error(`src/locales/${lang}.ftl: ${errors.join("; ")}`);
  return (id, args) => {
    const message = bundle.getMessage(id);
    if (!message?.value) throw new Error(`no message ${id} in src/locales/${lang}.ftl`);
    const problems = [];
    const text = bundle.formatPattern(message.value, args ?? null, problems);
    if (problems.length) throw new Error(`${lang}.ftl ${id}: ${problems.join("; ")}`);
    return text;
  };
}

/** A fresh, empty data folder (removed by stopAll unless E2E_KEEP_DATA). */
export function freshDataDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `smp-e2e-${label}-`));
  tempDirs.push(dir);
  return dir;
}

/** A file in a temporary folder, for uploads. */
export function tempFile(name, contents) {
  const dir = mkdtempSync(join(tmpdir(), "smp-e2e-file-"));
  tempDirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
}

/** `value` quoted for sh. */
const shQuote = (value) => `'${String(value).replace(/'/g, "'\\''")}'`;

/**
 * The application WebKitWebDriver starts: the binary itself, or a tiny
 * wrapper that sets `env` for this start alone (such as
 * SMP_AFTERCARE_TODAY) and, for the dark theme, GTK_THEME=Adwaita:dark
 * (WebKitGTK's prefers-color-scheme follows GTK's theme), then execs the
 * binary.
 */
export function application(binary, scheme, env = {}) {
  const vars = { ...(scheme === "dark" ? { GTK_THEME: "Adwaita:dark" } : {}), ...env };
  if (Object.keys(vars).length === 0) return binary;
  const dir = mkdtempSync(join(tmpdir(), "smp-e2e-app-"));
  tempDirs.push(dir);
  const wrapper = join(dir, "smp-aftercare");
  const assignments = Object.entries(vars).map(([k, v]) => `${k}=${shQuote(v)}`);
  writeFileSync(wrapper, `#!/bin/sh\n${assignments.join(" ")} exec ${shQuote(binary)} "$@"\n`, { mode: 0o755 });
  return wrapper;
}

/**
 * Starts the app with `--data-dir dir` (and `args` after it, such as a plan
 * file opened with the app; `env` for this start, see application()) in a
 * new WebDriver session.
 */
export async function launchApp(server, binary, dataDir, { scheme = "light", args = [], env = {} } = {}) {
  const caps = new Capabilities();
  caps.set("browserName", "wry");
  caps.set("tauri:options", {
    application: application(binary, scheme, env),
    args: ["--data-dir", dataDir, ...args],
  });
  let driver;
  let timer;
  try {
    // WebKitWebDriver waits for the app without a limit of its own.
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `no session after ${LAUNCH_TIMEOUT / 1000} s (WebKitWebDriver waits for the app without a limit: did the app exit or hang at start?)`,
            ),
          ),
        LAUNCH_TIMEOUT,
      );
    });
    driver = await Promise.race([new Builder().withCapabilities(caps).usingServer(server.url).build(), timeout]);
  } catch (e) {
    throw new Error(
      `could not start the app (${scheme}) through tauri-driver: ${e.message}\n--- tauri-driver, WebKitWebDriver and app output ---\n${server.log()}`,
      { cause: e },
    );
  } finally {
    clearTimeout(timer);
  }
  await driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: TIMEOUT, implicit: 0 });
  await waitRendered(driver);
  return driver;
}

/** Process ids whose command line mentions `needle` (from /proc). */
export function processesWith(needle) {
  const pids = [];
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(needle)) pids.push(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** Ends the WebDriver session (WebKitWebDriver ends the app) and waits until the app is gone. */
export async function quitApp(driver, dataDir) {
  await driver.quit();
  const deadline = Date.now() + 10_000;
  while (processesWith(dataDir).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return processesWith(dataDir);
}

// ---- page helpers -------------------------------------------------------

/** Waits until `fn` (run in the page) returns a truthy value; returns it. */
export async function waitInPage(driver, what, fn, ...args) {
  let last;
  try {
    return await driver.wait(async () => (last = await driver.executeScript(fn, ...args)), TIMEOUT);
  } catch (e) {
    const h1 = await driver
      .executeScript(() => document.querySelector("main h1")?.textContent ?? null)
      .catch(() => "?");
    throw new Error(
      `timed out waiting for ${what} (last: ${JSON.stringify(last)}; main h1: ${JSON.stringify(h1)}): ${e.message}`,
      { cause: e },
    );
  }
}

/** Waits until a screen is complete (optionally a given route). */
export function waitRendered(driver, route) {
  return waitInPage(
    driver,
    route ? `the ${route} screen` : "a rendered screen",
    (r) => {
      const main = document.querySelector("main#app");
      return (
        !!main &&
        !!main.dataset.route &&
        (!r || main.dataset.route === r) &&
        !main.hasAttribute("aria-busy") &&
        !!main.querySelector("h1")
      );
    },
    route ?? null,
  );
}

/** Navigates with the nav bar, as a client would, and waits for the screen. */
export async function go(driver, route) {
  await driver.executeScript(() => {
    // So that a re-render of the same route is noticed too.
    document.querySelector("main#app")?.removeAttribute("data-route");
  });
  // A route without a tab (protocol: reached from Settings) through its hash.
  const [link] = await driver.findElements({ css: `#nav a[data-route="${route}"]` });
  if (link) await link.click();
  else await driver.executeScript((r) => (location.hash = `#/${r}`), route);
  await waitRendered(driver, route);
}

/**
 * Clicks an element (a CSS selector, a locator or an element) as a client
 * would: scrolled to the middle of the window first, so that the tab bar
 * fixed at the bottom does not cover it.
 */
export async function click(driver, target) {
  const el =
    target instanceof WebElement
      ? target
      : await driver.findElement(typeof target === "string" ? { css: target } : target);
  await driver.executeScript((e) => e.scrollIntoView({ block: "center", inline: "nearest" }), el);
  await el.click();
  return el;
}

/** Clicks the submit button of the form that holds the field `css`. */
export async function submitFormOf(driver, css) {
  const button = await driver.executeScript(
    (s) => document.querySelector(s)?.form?.querySelector("button[type='submit']") ?? null,
    css,
  );
  if (!button) throw new Error(`no submit button in the form of ${css}`);
  return click(driver, button);
}

/** Types into a field (cleared first), scrolled into view like click(). */
export async function type(driver, css, value) {
  const el = await click(driver, css);
  await el.clear();
  await el.sendKeys(value);
  return el;
}

/**
 * Types a date (yyyy-mm-dd) into a date field the way a client would: the
 * digits in the order of the page's locale (WebKitGTK's date field follows
 * it, and so does the engine reading a typed date), then checks that the
 * field holds that date (or, in a text field, that text).
 */
export async function typeDate(driver, css, iso) {
  const order = await driver.executeScript(() =>
    new Intl.DateTimeFormat(navigator.language, { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(2001, 1, 3))
      .map((p) => p.type)
      .filter((t) => t === "year" || t === "month" || t === "day"),
  );
  const [y, m, d] = iso.split("-");
  const parts = { year: y, month: m, day: d };
  const typed = order.map((t) => parts[t]).join("/");
  const el = await type(driver, css, typed);
  // A date field holds the date; a text field (Sessions: the engine reads
  // what was typed) holds the text.
  const [value, kind] = await driver.executeScript((e) => [e.value, e.type], el);
  const expected = kind === "date" ? iso : typed;
  if (value !== expected) throw new Error(`typing ${iso} into ${css} (order ${order.join("/")}) left "${value}"`);
  return el;
}

/** An element's text content, with no-break spaces as plain spaces. */
export async function text(driver, css) {
  const t = await driver.executeScript((s) => document.querySelector(s)?.textContent ?? null, css);
  if (t === null) throw new Error(`no element matches ${css}`);
  return t
    .replace(/\u00a0/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Waits until the text of `css` matches `re`; returns the text. */
export async function waitText(driver, css, re) {
  const got = await waitInPage(
    driver,
    `${css} to match ${re}`,
    (s, source, flags) => {
      const t = (document.querySelector(s)?.textContent ?? "")
        .replace(/\u00a0/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      return new RegExp(source, flags).test(t) ? t : false;
    },
    css,
    re.source,
    re.flags,
  );
  return got;
}

/**
 * `yyyy-mm-dd` of the local calendar day `offset` days from today, where
 * today is SMP_AFTERCARE_TODAY when set (as it is for the app).
 */
export function localDate(offset = 0) {
  const fixed = process.env.SMP_AFTERCARE_TODAY;
  if (fixed) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`SMP_AFTERCARE_TODAY=${fixed} is not YYYY-MM-DD`);
    return shiftDate(fixed, offset);
  }
  const d = new Date();
  d.setHours(12, 0, 0, 0); // noon: a daylight-saving change never moves the day
  d.setDate(d.getDate() + offset);
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** `yyyy-mm-dd` of the calendar day `offset` days from the day `iso`. */
export function shiftDate(iso, offset) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** Saves a PNG of the window's viewport to target/screenshots/app/<name>.png. */
export async function screenshot(driver, name) {
  // Two animation frames first, so the web process has painted the page at
  // the window's current size: right after a resize (a new start at phone
  // size) a snapshot could still show the previous frame.
  await driver.executeAsyncScript((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  const png = Buffer.from(await driver.takeScreenshot(), "base64");
  writeFileSync(join(SHOTS, `${name}.png`), png);
  return png;
}

/**
 * The steps of one story on one app, each a test (`step(name, fn)`): once
 * one fails, the later ones fail at once (they need its app and data)
 * rather than time out.
 */
export function story() {
  let broken = null;
  return (name, fn) =>
    it(name, async () => {
      if (broken) assert.fail(`not run: the earlier step "${broken}" failed`);
      try {
        await fn();
      } catch (e) {
        broken = name;
        throw e;
      }
    });
}
