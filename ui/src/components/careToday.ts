// Today's care with tick controls, and a day's ticks for the timeline.
//
// Today's date and the counts always come from the app (`care_tick`,
// `care_untick` and `care_ticks` answer with the day's ticks, the day being
// the app's today in the plan's zone); this module only shows them and
// never counts days. Only care the clinic asks for several times a day
// (`repeat` set) gets a tick control; the rest is listed as before.

import { commands, type AppError, type CareDay, type CareTicked, type CareToday, type Repeat } from "../bindings";
import { el, put } from "../dom";
import { t } from "../i18n";
import { placeError } from "../logic";

/** The calls the card makes; the app's commands unless a test gives others. */
export interface CareApi {
  tick(id: string): Promise<{ status: "ok"; data: CareDay } | { status: "error"; error: AppError }>;
  untick(id: string): Promise<{ status: "ok"; data: CareDay } | { status: "error"; error: AppError }>;
}

const appApi: CareApi = {
  tick: (id) => commands.careTick(id),
  untick: (id) => commands.careUntick(id),
};

/**
 * The count line of one item, in the app's words:
 * "Done 1 of 2-3 today", "Done twice today (at least once a day)",
 * "Not done yet today (2-3 times a day)", "Done 3 times today".
 */
export function tickLine(repeat: Repeat, count: number): string {
  if (repeat.kind === "as_needed") {
    return count === 0 ? t("care-not-ticked") : t("care-done-times", { count });
  }
  const { min, max } = repeat;
  if (max !== null) {
    if (count === 0) {
      return max > min ? t("care-not-done-range", { min, max }) : t("care-not-done-times", { count: min });
    }
    return max > min ? t("care-done-of-range", { count, min, max }) : t("care-done-of", { count, min });
  }
  return count === 0 ? t("care-not-done-at-least", { min }) : t("care-done-times-at-least", { count, min });
}

/** The count of `id` in a day's ticks (0 when not ticked). */
function countOf(day: CareDay | null | undefined, id: string): number {
  return day?.items.find((i) => i.id === id)?.count ?? 0;
}

/** The most ticks the app takes for an item: the clinic's `max`, else the app's. */
function mostOf(repeat: Repeat, day: CareDay | null | undefined, id: string): number {
  const known = day?.items.find((i) => i.id === id)?.most;
  if (known !== undefined) return known;
  return repeat.kind === "times" && repeat.max !== null ? repeat.max : Number.POSITIVE_INFINITY;
}

/**
 * The "Today's care" card: every care item of today's status, those asked
 * for several times a day with "I did it" and "Undo" buttons and a counter
 * that updates from the app's answer. `ticks` is today's `care_ticks` (or
 * null before it is loaded).
 */
export function careTodayCard(care: CareToday[], ticks: CareDay | null, api: CareApi = appApi): HTMLElement {
  const card = el("section", undefined, "card care-today");
  card.setAttribute("aria-labelledby", "care-h");
  const h = el("h2", t("care-title"));
  h.id = "care-h";
  const list = el("ul", undefined, "items");
  let day = ticks;
  const refreshers: (() => void)[] = [];
  const refreshAll = () => refreshers.forEach((r) => r());

  care.forEach((c, i) => {
    const li = el("li", undefined, "item");
    li.append(el("p", c.label, "item-line strong"));
    if (c.note) li.append(el("p", c.note, "muted"));
    if (c.condition) li.append(el("p", t("for-now", { condition: c.condition })));
    const repeat = c.repeat;
    if (repeat) {
      const row = el("div", undefined, "care-tick-row");
      const counter = el("p", undefined, "care-count");
      counter.id = `care-count-${i}`;
      counter.setAttribute("aria-live", "polite");
      const tick = el("button", t("care-did-it"), "btn primary care-tick");
      tick.type = "button";
      tick.setAttribute("aria-label", t("care-did-it-label", { label: c.label }));
      tick.setAttribute("aria-describedby", counter.id);
      const undo = el("button", t("care-undo"), "btn secondary care-tick");
      undo.type = "button";
      undo.setAttribute("aria-label", t("care-undo-label", { label: c.label }));
      undo.setAttribute("aria-describedby", counter.id);
      const error = el("p", undefined, "field-error");
      error.setAttribute("role", "alert");
      error.hidden = true;
      const refresh = () => {
        const count = countOf(day, c.id);
        counter.textContent = tickLine(repeat, count);
        tick.disabled = count >= mostOf(repeat, day, c.id);
        undo.disabled = count === 0;
        li.classList.toggle("care-done", repeat.kind === "times" && count >= repeat.min);
      };
      const act = async (call: (id: string) => ReturnType<CareApi["tick"]>) => {
        tick.disabled = undo.disabled = true;
        const r = await call(c.id);
        if (r.status === "ok") {
          day = r.data;
          error.hidden = true;
          error.textContent = "";
        } else {
          error.textContent = placeError(r.error, []).message;
          error.hidden = false;
        }
        refreshAll();
      };
      tick.addEventListener("click", () => void act((id) => api.tick(id)));
      undo.addEventListener("click", () => void act((id) => api.untick(id)));
      refreshers.push(refresh);
      refresh();
      put(row, counter, tick, undo);
      li.append(row, error);
    }
    list.append(li);
  });
  card.append(h, list);
  return card;
}

/** One line per ticked item, for the timeline: "Moisturise your scalp: done twice". */
export function tickSummary(item: CareTicked): string {
  return t("care-tick-summary", { label: item.label, count: item.count });
}

/**
 * A day's ticks for the timeline's day (null when nothing was ticked that
 * day): a short list under the heading "Ticked off".
 */
export function careDayTicks(day: CareDay | null | undefined): HTMLElement | null {
  if (!day || day.items.length === 0) return null;
  const box = el("div", undefined, "care-day");
  box.append(el("p", t("care-ticked-off"), "small muted"));
  const list = el("ul", undefined, "plain care-day-list");
  for (const item of day.items) list.append(el("li", tickSummary(item)));
  box.append(list);
  return box;
}

/** Ticks of `from`..`to` by date, for the timeline (empty when they can't be read). */
export async function loadCareRange(from: string, to: string): Promise<Map<string, CareDay>> {
  const r = await commands.careTicks(from, to);
  return new Map(r.status === "ok" ? r.data.map((d) => [d.date, d]) : []);
}
