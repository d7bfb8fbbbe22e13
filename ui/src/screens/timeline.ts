// Timeline: a chart of each activity's days from the first session to the
// end of the restrictions, then every day on which something changes,
// starting at today (days gone by fold into one line), then the plan in brief.

import { commands, type Milestone, type Overview, type PlanSummary } from "../bindings";
import { need } from "../api";
import { chartCard } from "../components/chart";
import { careDayTicks, loadCareRange } from "../components/careToday";
import { el, put } from "../dom";
import type { Formats } from "../format";
import { t } from "../i18n";
import { kindLabel, timelineEntries } from "../logic";
import { type Ctx, needsFirstSession, screen, timeEl } from "./common";

export async function timelineScreen(ctx: Ctx): Promise<HTMLElement> {
  const [overview, milestones, chart] = await Promise.all([
    need(commands.overview()),
    need(commands.timeline()),
    need(commands.timelineChart()),
  ]);
  // Care ticked off, from the first day listed to today (engine dates).
  const ticks = milestones.length ? await loadCareRange(milestones[0].date, overview.today) : new Map();
  const root = screen(t("timeline-title"), t("timeline-lead"));
  if (!overview.plan) {
    root.append(needsFirstSession(t("timeline-needs-session")));
    return root;
  }
  const f = ctx.fmt;
  const today = overview.today;
  if (chart) root.append(chartCard(chart, f));

  const entries = timelineEntries(milestones, today);
  const past = entries.flatMap((e) => (e.type === "milestone" && e.past ? [e.milestone] : []));
  const ahead = entries.filter((e) => !(e.type === "milestone" && e.past));

  if (past.length) {
    // Days gone by fold into one line, so the list starts at today.
    const details = el("details", undefined, "tl-earlier");
    details.append(el("summary", t("timeline-earlier", { count: past.length })));
    const list = el("ol", undefined, "timeline");
    list.setAttribute("aria-label", t("timeline-earlier-label"));
    for (const m of past) {
      const li = el("li", undefined, `tl-item tl-${m.kind} tl-past`);
      li.append(dateLine(m, today, f, "p"), el("p", m.name, "tl-title"), el("p", m.body));
      const done = careDayTicks(ticks.get(m.date));
      if (done) li.append(done);
      list.append(li);
    }
    details.append(list);
    root.append(details);
  }

  const list = el("ol", undefined, "timeline tl-ahead");
  list.setAttribute("aria-label", t("timeline-ahead-label"));
  // The first day with news (today's or the next) is shown in full; later
  // ones are one line each, their details a tap away.
  let opened = false;
  for (const entry of ahead) {
    const li = el("li", undefined, "tl-item");
    if (entry.type === "today") {
      li.classList.add("tl-today", "tl-marker");
      li.setAttribute("aria-current", "date");
      const p = el("p", undefined, "tl-date");
      put(p, el("strong", t("timeline-today")), " · ", timeEl(today, f.date(today)));
      li.append(p, el("p", t("timeline-nothing-today"), "muted"));
      const done = careDayTicks(ticks.get(today));
      if (done) li.append(done);
    } else {
      const m = entry.milestone;
      li.classList.add(`tl-${m.kind}`);
      if (entry.today) {
        li.classList.add("tl-today");
        li.setAttribute("aria-current", "date");
      }
      if (!opened) {
        li.append(dateLine(m, today, f, "p", entry.today), el("h2", m.name, "tl-title"), el("p", m.body));
        const done = entry.today ? careDayTicks(ticks.get(today)) : null;
        if (done) li.append(done);
        opened = true;
      } else {
        const details = el("details");
        const summary = el("summary");
        summary.append(dateLine(m, today, f, "span", entry.today), el("span", m.name, "tl-title"));
        details.append(summary, el("p", m.body));
        li.classList.add("tl-folded");
        li.append(details);
      }
    }
    list.append(li);
  }
  root.append(list, planCard(overview.plan, overview, f));
  return root;
}

/** "[Changes] Tue 11 Mar", with " · Today" on today's. */
function dateLine(m: Milestone, today: string, f: Formats, tag: "p" | "span", isToday = false): HTMLElement {
  const p = el(tag, undefined, "tl-date");
  put(
    p,
    el("span", kindLabel(m.kind), `tag tag-${m.kind}`),
    " ",
    timeEl(m.date, f.date(m.date, today)),
    isToday ? el("strong", ` · ${t("timeline-today")}`) : null,
  );
  return p;
}

function planCard(plan: PlanSummary, o: Overview, f: Formats): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "plan-h");
  const h = el("h2", t("timeline-plan"));
  h.id = "plan-h";
  card.append(h, el("p", plan.protocol_name, "muted"));
  const dl = el("dl", undefined, "facts");
  const row = (term: string, ...value: (Node | string)[]) => {
    const dd = el("dd");
    dd.append(...value);
    dl.append(el("dt", term), dd);
  };
  // The engine's session dates, in order.
  plan.sessions.forEach((date, i) => {
    const done = date < o.today ? ` ${t("timeline-done")}` : date === o.today ? ` ${t("timeline-is-today")}` : "";
    row(t("timeline-session", { n: i + 1 }), timeEl(date, f.date(date, o.today)), done);
  });
  for (let n = plan.sessions.length + 1; n <= plan.planned; n++) {
    const { min_gap_days: min, max_gap_days: max } = plan;
    const text =
      min !== null && max !== null
        ? t("timeline-unbooked-gap", { min, max })
        : min !== null
          ? t("timeline-unbooked-min", { min })
          : t("timeline-unbooked");
    row(t("timeline-session", { n }), text);
  }
  if (plan.healed_on) row(t("kind-healed"), timeEl(plan.healed_on, f.date(plan.healed_on, o.today)));
  else if (plan.restrictions_over_on)
    row(t("kind-restrictions-over"), timeEl(plan.restrictions_over_on, f.date(plan.restrictions_over_on, o.today)));
  else row(t("kind-restrictions-over"), t("timeline-shown-once", { count: plan.planned }));
  if (plan.touch_up_on) row(t("kind-touch-up"), timeEl(plan.touch_up_on, f.date(plan.touch_up_on, o.today)));
  card.append(dl);
  return card;
}
