// Two days side by side (`#/compare`): the first check-in and today's (or the
// latest) to start with. Each side has a day picker, Previous/Next buttons,
// the arrow keys while it has focus and a swipe on it; a photo opens large
// on a tap or Enter. A live region says which day each side shows.

import { type CheckIn, commands, type Journal } from "../bindings";
import { need } from "../api";
import { button, el, routeLink } from "../dom";
import { zoomableThumb } from "../components/zoom";
import { compareDefaults, photoAlt, stepIndex, swipeDirection, symptomLines } from "../journal";
import { t } from "../i18n";
import { type Ctx, screen } from "./common";

export async function compareScreen(ctx: Ctx): Promise<HTMLElement> {
  const journal = await need(commands.journal());
  const root = screen(t("compare-title"));
  const start = compareDefaults(journal.entries, journal.today);
  if (!start) {
    const card = el("section", undefined, "card");
    card.append(el("p", t("compare-empty")), routeLink(t("back-to-journal"), "journal"));
    root.append(card);
    return root;
  }
  root.append(el("p", t("compare-lead"), "lead"));
  const live = el("p", undefined, "sr-only");
  live.setAttribute("role", "status");
  const grid = el("div", undefined, "compare");
  grid.append(
    side(t("compare-first"), "left", start[0], journal, ctx, live),
    side(t("compare-second"), "right", start[1], journal, ctx, live),
  );
  const back = el("p");
  back.append(routeLink(t("back-to-journal"), "journal"));
  root.append(grid, live, back);
  return root;
}

function side(title: string, key: string, initial: number, journal: Journal, ctx: Ctx, live: HTMLElement): HTMLElement {
  const entries = journal.entries;
  let index = initial;
  const section = el("section", undefined, `card compare-side compare-${key}`);
  const hId = `compare-${key}-h`;
  section.setAttribute("aria-labelledby", hId);
  // Focusable, so that the arrow keys work on it; the picker keeps its own.
  section.tabIndex = 0;
  const h = el("h2", title, "sr-only");
  h.id = hId;
  const select = el("select");
  select.id = `compare-${key}`;
  const label = el("label", title);
  label.htmlFor = select.id;
  entries.forEach((e, i) => {
    const o = el("option", `${ctx.fmt.date(e.date, journal.today)} · ${e.day_label}`);
    o.value = String(i);
    select.append(o);
  });
  const prev = button(t("compare-previous"), "secondary");
  const next = button(t("compare-next"), "secondary");
  const nav = el("div", undefined, "compare-nav");
  nav.append(prev, next);
  const body = el("div", undefined, "compare-body");
  section.append(h, label, select, nav, body);

  const show = (announce: boolean) => {
    const e = entries[index]!;
    select.value = String(index);
    prev.disabled = index === 0;
    next.disabled = index === entries.length - 1;
    body.replaceChildren(...entryView(e, ctx.fmt.date(e.date, journal.today)));
    section.dataset.date = e.date;
    if (announce) live.textContent = `${title}: ${e.day_label}, ${ctx.fmt.date(e.date, journal.today)}`;
  };
  const move = (delta: number) => {
    const to = stepIndex(index, delta, entries.length);
    if (to === index) return;
    index = to;
    show(true);
  };
  select.addEventListener("change", () => {
    index = Number(select.value);
    show(true);
  });
  prev.addEventListener("click", () => move(-1));
  next.addEventListener("click", () => move(1));
  section.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLSelectElement) return;
    if (event.key === "ArrowLeft") move(-1);
    else if (event.key === "ArrowRight") move(1);
    else return;
    event.preventDefault();
  });
  // A swipe across the side moves it; vertical moves still scroll the page.
  let from: { x: number; y: number } | null = null;
  section.addEventListener("pointerdown", (event) => {
    from = { x: event.clientX, y: event.clientY };
  });
  section.addEventListener("pointerup", (event) => {
    if (!from) return;
    const d = swipeDirection(event.clientX - from.x, event.clientY - from.y);
    from = null;
    if (d !== 0) move(d);
  });
  section.addEventListener("pointercancel", () => {
    from = null;
  });
  show(false);
  return section;
}

function entryView(e: CheckIn, shown: string): HTMLElement[] {
  const out: HTMLElement[] = [el("p", e.day_label, "strong compare-day")];
  if (e.photos.length) {
    const list = el("ul", undefined, "compare-photos");
    e.photos.forEach((p, i) => {
      const li = el("li");
      li.append(zoomableThumb(p, photoAlt(e, shown, i), "thumb-button compare-photo"));
      list.append(li);
    });
    out.push(list);
  } else out.push(el("p", t("compare-no-photo"), "muted"));
  const lines = symptomLines(e.symptoms);
  const list = el("ul", undefined, "plain small");
  if (lines.length) for (const l of lines) list.append(el("li", l));
  else list.append(el("li", t("nothing-to-note")));
  out.push(list);
  if (e.note) out.push(el("p", e.note, "entry-note small"));
  return out;
}
