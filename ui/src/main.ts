// The app shell: a hash router over seven tabs and two screens reached from
// them (a day's check-in, the compare view; `#/check-in?date=…`), and the first-run flow for
// a client who has not entered a session yet. Every screen shows what the
// backend's commands return (through ./bindings); none works out a day.

import { LoadError } from "./api";
import { button, el } from "./dom";
import { createFormats } from "./format";
import { type Ctx, hashParams, type Screen } from "./screens/common";
import { canIScreen } from "./screens/canI";
import { checkInScreen } from "./screens/checkIn";
import { handoverScreen, HANDOVER_EVENT, HANDOVER_ROUTE, takePendingPlan } from "./screens/handover";
import { compareScreen } from "./screens/compare";
import { journalScreen } from "./screens/journal";
import { protocolScreen } from "./screens/protocol";
import { sessionsScreen } from "./screens/sessions";
import { settingsScreen } from "./screens/settings";
import { timelineScreen } from "./screens/timeline";
import { todayScreen } from "./screens/today";

/** Each route's screen; `tab` is the tab shown as current when it is not a tab itself. */
const ROUTES: Record<string, { title: string; screen: Screen; tab?: (q: URLSearchParams) => string }> = {
  today: { title: "Today", screen: todayScreen },
  "can-i": { title: "Can I…?", screen: canIScreen },
  timeline: { title: "Timeline", screen: timelineScreen },
  journal: { title: "Journal", screen: journalScreen },
  "check-in": {
    title: "Check-in",
    screen: checkInScreen,
    tab: (q) => (q.get("from") === "journal" ? "journal" : "today"),
  },
  compare: { title: "Compare two days", screen: compareScreen, tab: () => "journal" },
  sessions: { title: "Sessions", screen: sessionsScreen },
  // Set once, changed rarely: reached from Settings, not from the tab bar.
  protocol: { title: "Protocol", screen: protocolScreen, tab: () => "settings" },
  settings: { title: "Settings", screen: settingsScreen },
  // A plan from the clinic: from Settings, first run, or a link or file opened with the app.
  [HANDOVER_ROUTE]: { title: "Plan from your clinic", screen: handoverScreen, tab: () => "settings" },
};

const app = document.getElementById("app") as HTMLElement;
const nav = document.getElementById("nav") as HTMLElement;
let renderToken = 0;

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
};

async function render(moveFocus: boolean): Promise<void> {
  const token = ++renderToken;
  const id = currentRoute();
  const route = ROUTES[id]!;
  const tab = route.tab ? route.tab(hashParams()) : id;
  for (const a of nav.querySelectorAll<HTMLAnchorElement>("a[data-route]")) {
    if (a.dataset.route === tab) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  app.setAttribute("aria-busy", "true");
  let view: HTMLElement;
  try {
    view = await route.screen(ctx);
  } catch (e) {
    view = failure(e);
  }
  if (token !== renderToken) return;
  app.replaceChildren(view);
  // Which screen is on show, once it is complete (tests wait for this).
  app.dataset.route = id;
  app.removeAttribute("aria-busy");
  const heading = app.querySelector("h1");
  document.title = `${heading?.textContent ?? route.title} · SMP Aftercare`;
  if (moveFocus && heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

function failure(e: unknown): HTMLElement {
  const section = el("section", undefined, "card");
  section.append(el("h1", "Something went wrong"));
  const message = e instanceof LoadError || e instanceof Error ? e.message : String(e);
  section.append(el("p", message, "form-error"));
  const retry = button("Try again");
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

// At start-up, one render: of the preview when a plan is waiting (the hash
// change renders it), of the route asked for otherwise.
void takePendingPlan().then((waiting) => {
  if (waiting && currentRoute() !== HANDOVER_ROUTE) location.hash = `#/${HANDOVER_ROUTE}`;
  else void render(false);
});
