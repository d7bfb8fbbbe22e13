// Browser-test plumbing: a tiny static server for the BUILT ui/dist (with
// the app's CSP as a header, so a CSP breach fails the tests), Debian's
// chromium through playwright-core, the fake backend injected before the
// page loads, and an axe-core scan.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const UI = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = join(UI, "dist");
export const MOCK = join(UI, "tests/browser/.build/mock.js");
export const AXE = require.resolve("axe-core/axe.min.js");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// The CSP of src-tauri/tauri.conf.json, read from it so the two never
// drift; only connect-src differs (the IPC is mocked inside the page).
const CONF = JSON.parse(readFileSync(join(UI, "../src-tauri/tauri.conf.json"), "utf8"));
export const CSP = Object.entries({ ...CONF.app.security.csp, "connect-src": "'self'" })
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join("; ");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Serves dist/ (and axe-core at /__axe.js) on 127.0.0.1, a random port. */
export async function serve() {
  for (const f of [join(DIST, "index.html"), MOCK]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build && npm run build:mock\` first`);
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path === "/favicon.ico") {
      res.writeHead(204).end(); // the app has none; the webview never asks
      return;
    }
    let file = path === "/__axe.js" ? AXE : normalize(join(DIST, path === "/" ? "index.html" : path));
    if (file !== AXE && !file.startsWith(DIST)) file = join(DIST, "404");
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-security-policy": CSP,
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/**
 * A page of the built app with the fake backend set up by `fake` (see
 * fake-backend.ts FakeConfig). Collects console errors, page errors and CSP
 * violations in `page.problems`.
 */
/**
 * One static server and one chromium for the test file that calls this:
 * started before its tests, closed after them. Returns `openPage(options)`,
 * which is `openApp` on them.
 */
export function sharedBrowser() {
  let server;
  let browser;
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return (options) => openApp(browser, server.url, options);
}

export async function openApp(
  browser,
  baseUrl,
  { viewport, colorScheme = "light", fake = {}, route = "today", locale = "en-GB" },
) {
  const context = await browser.newContext({
    viewport,
    colorScheme,
    // The browser's own locale; the app speaks the backend's language (`fake.deviceLang`, `fake.language`).
    locale,
    timezoneId: "Europe/London",
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
  await context.addInitScript((cfg) => {
    window.__SMP_FAKE__ = cfg;
    window.__CSP_VIOLATIONS__ = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__CSP_VIOLATIONS__.push(
        `${e.violatedDirective}: ${e.blockedURI || "inline"} ${e.sourceFile ?? ""}:${e.lineNumber ?? ""}`,
      );
    });
  }, fake);
  await context.addInitScript({ path: MOCK });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") page.problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => page.problems.push(`pageerror: ${e.message}`));
  await page.goto(`${baseUrl}#/${route}`);
  await page.waitForSelector("main h1");
  await page.waitForFunction(() => !document.querySelector("main")?.hasAttribute("aria-busy"));
  return page;
}

/**
 * Navigates with the nav bar, as a client would, and waits for the screen.
 * A route without a tab (protocol, reached from Settings; check-in; compare)
 * is opened through its hash.
 */
export async function go(page, route) {
  const tab = await page.$(`#nav a[data-route="${route}"]`);
  if (tab) await tab.click();
  else await page.evaluate((r) => (location.hash = `#/${r}`), route);
  // The hash changes before the hashchange handler runs, so wait for the
  // app to say that this route's screen is complete.
  await page.waitForFunction((r) => {
    const main = document.querySelector("main");
    return main?.dataset.route === r && !main.hasAttribute("aria-busy") && !!main.querySelector("h1");
  }, route);
}

/** Problems seen so far: console errors, page errors and CSP violations. */
export async function problems(page) {
  const csp = await page.evaluate(() => window.__CSP_VIOLATIONS__ ?? []);
  return [...page.problems, ...csp.map((v) => `csp: ${v}`)];
}

/** Runs axe-core (WCAG 2.0-2.2 A/AA) and returns its violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) {
    // Same origin, so the app's CSP (script-src 'self') allows it.
    await page.addScriptTag({ url: "/__axe.js" });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
}

/** The fake backend's state (calls made, settings, sessions). */
export function fakeState(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__SMP_FAKE__.backend.state)));
}
