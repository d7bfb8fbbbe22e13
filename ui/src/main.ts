// The app shell: a hash router over seven tabs and two screens reached from
// them (a day's check-in, the compare view; `#/check-in?date=…`), and the first-run flow for
// a client who has not entered a session yet. Every screen shows what the
// backend's commands return (through ./bindings); none works out a day.

// First, so that Today's answer is on its way while the rest is set up.
import "./early";
import { LoadError } from "./api";
import { commands, type Lang } from "./bindings";
import { button, el } from "./dom";
import { createFormats } from "./format";
import { lang, loadLang, setLang, t } from "./i18n";
import { type Ctx, hashParams, type Screen } from "./screens/common";
import { handoverScreen, HANDOVER_EVENT, HANDOVER_ROUTE, takePendingPlan } from "./screens/handover";
import { todayScreen } from "./screens/today";

/**
 * Each route's screen (`title`: its message id; `screen` loads it); `tab`
 * is the tab shown as current when it is not a tab itself; `speaks`: the
 * screen's own answer carries the app's language (`ctx.speak`), so it is
 * not asked first.
 *
 * Today (with the first-run flow it may show) and the clinic's plan (which
 * Today may open at start-up) are in the page; every other screen is a
 * chunk loaded the first time it is shown, so a start parses and compiles
 * only what its first screen needs.
 */
const ROUTES: Record<
  string,
  { title: string; screen: () => Promise<Screen>; tab?: (q: URLSearchParams) => string; speaks?: true }
> = {
  today: { title: "nav-today", screen: async () => todayScreen, speaks: true },
  "can-i": { title: "nav-can-i", screen: async () => (await import("./screens/canI")).canIScreen },
  timeline: { title: "nav-timeline", screen: async () => (await import("./screens/timeline")).timelineScreen },
  journal: { title: "nav-journal", screen: async () => (await import("./screens/journal")).journalScreen },
  "check-in": {
    title: "check-in-title",
    screen: async () => (await import("./screens/checkIn")).checkInScreen,
    tab: (q) => (q.get("from") === "journal" ? "journal" : "today"),
  },
  compare: {
    title: "compare-title",
    screen: async () => (await import("./screens/compare")).compareScreen,
    tab: () => "journal",
  },
  sessions: { title: "nav-sessions", screen: async () => (await import("./screens/sessions")).sessionsScreen },
  // Set once, changed rarely: reached from Settings, not from the tab bar.
  protocol: {
    title: "protocol-title",
    screen: async () => (await import("./screens/protocol")).protocolScreen,
    tab: () => "settings",
  },
  settings: { title: "nav-settings", screen: async () => (await import("./screens/settings")).settingsScreen },
  // A plan from the clinic: from Settings, first run, or a link or file opened with the app.
  [HANDOVER_ROUTE]: { title: "handover-title", screen: async () => handoverScreen, tab: () => "settings" },
};

const app = document.getElementById("app") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
let renderToken = 0;
let firstScreenTold = false;

function currentRoute(): string {
  const id = location.hash.replace(/^#\/?/, "").split("?")[0]!;
  return id in ROUTES ? id : "today";
}

const ctx: Ctx = {
  fmt: createFormats(),
  go(route) {
    if (location.hash === `#/${route}`) void render(true);
    else location.hash = `#/${route}`;
  },
  reload: () => render(false),
  async speak(l) {
    if (l !== lang() || document.documentElement.lang !== l) await applyLang(l);
  },
};

/**
 * Speaks `l` from now on: the page's language, the words outside the
 * screens (index.html's `data-l10n` and `data-l10n-label`) and the date
 * formats. The next screen drawn is in it.
 */
async function applyLang(l: Lang): Promise<void> {
  try {
    await loadLang(l);
  } catch {
    // The file is part of the app; should it fail to load, English words
    // beat a blank screen (setLang falls back to them).
  }
  setLang(l);
  document.documentElement.lang = l;
  ctx.fmt = createFormats();
  for (const node of document.querySelectorAll<HTMLElement>("[data-l10n]")) node.textContent = t(node.dataset.l10n!);
  for (const node of document.querySelectorAll<HTMLElement>("[data-l10n-label]")) {
    node.setAttribute("aria-label", t(node.dataset.l10nLabel!));
  }
}

/**
 * The app's language, asked before every screen: the client may have
 * changed it (Settings), and the engine's texts on the screen are in it.
 * If it can't be read, the UI keeps the language it speaks.
 */
async function syncLang(): Promise<void> {
  const r = await commands.language();
  if (r.status === "ok") await ctx.speak(r.data.lang);
}

async function render(moveFocus: boolean): Promise<void> {
  const token = ++renderToken;
  const id = currentRoute();
  const route = ROUTES[id]!;
  if (!route.speaks) {
    await syncLang();
    if (token !== renderToken) return;
  }
  const tab = route.tab ? route.tab(hashParams()) : id;
  for (const a of nav.querySelectorAll<HTMLAnchorElement>("a[data-route]")) {
    if (a.dataset.route === tab) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  app.setAttribute("aria-busy", "true");
  let view: HTMLElement;
  try {
    // A chunk that fails to load shows as a failure with its retry.
    const screen = await route.screen();
    if (token !== renderToken) return;
    view = await screen(ctx);
  } catch (e) {
    view = failure(e);
  }
  if (token !== renderToken) return;
  app.replaceChildren(view);
  // Which screen is on show, once it is complete (tests wait for this).
  app.dataset.route = id;
  app.removeAttribute("aria-busy");
  const heading = app.querySelector("h1");
  document.title = `${heading?.textContent ?? t(route.title)} · ${t("app-name")}`;
  if (moveFocus && heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
  if (!firstScreenTold) {
    firstScreenTold = true;
    // The frame after the next one: the first screen has been painted. The
    // backend reports the time only when SMP_AFTERCARE_FIRST_SCREEN is set
    // (the benchmark, bench/app-vs-bare); otherwise the call does nothing.
    requestAnimationFrame(() => requestAnimationFrame(() => void commands.firstScreenDrawn()));
  }
}

function failure(e: unknown): HTMLElement {
  const section = el("section", undefined, "card");
  section.append(el("h1", t("failure-title")));
  const message = e instanceof LoadError || e instanceof Error ? e.message : String(e);
  section.append(el("p", message, "form-error"));
  const retry = button(t("failure-retry"));
  retry.addEventListener("click", () => void render(true));
  section.append(retry);
  return section;
}

window.addEventListener("hashchange", () => void render(true));

// The skip link moves focus to the content without touching the route.
document.querySelector<HTMLAnchorElement>("a.skip")?.addEventListener("click", (event) => {
  event.preventDefault();
  app.focus();
});

// Coming back to the app (the next morning, say): show today's answers again,
// unless the client is in the middle of editing something.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState !== "visible") return;
  if (["today", "timeline"].includes(currentRoute())) void render(false);
});

// A clinic's link or file opened with the app (at start-up, or while it
// runs: the shell dispatches HANDOVER_EVENT) opens its preview.
async function openPendingPlan(): Promise<void> {
  if (await takePendingPlan()) ctx.go(HANDOVER_ROUTE);
}
window.addEventListener(HANDOVER_EVENT, () => void openPendingPlan());

// At start-up, one render. Today's one answer says whether a clinic's
// plan is waiting (its screen then opens the preview), so the first screen
// costs one call; any other route asks first and renders the preview (the
// hash change renders it) or the route asked for.
if (currentRoute() === "today") void render(false);
else {
  void takePendingPlan().then((waiting) => {
    if (waiting && currentRoute() !== HANDOVER_ROUTE) location.hash = `#/${HANDOVER_ROUTE}`;
    else void render(false);
  });
}
