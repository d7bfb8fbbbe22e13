// Timeline: every day on which something changes, from getting ready for
// the first session to the end of the aftercare and the touch-up, with today marked.

import { commands, type Overview, type PlanSummary } from "../bindings";
import { need } from "../api";
import { button, el, put } from "../dom";
import type { Formats } from "../format";
import { KIND_LABEL, timelineEntries } from "../logic";
import { type Ctx, needsFirstSession, screen, timeEl } from "./common";

export async function timelineScreen(ctx: Ctx): Promise<HTMLElement> {
  const [overview, milestones] = await Promise.all([need(commands.overview()), need(commands.timeline())]);
  const root = screen("Your timeline", "Every day something changes, from getting ready to the end of your aftercare.");
  if (!overview.plan) {
    root.append(needsFirstSession("Your timeline appears here"));
    return root;
  }
  root.append(planCard(overview.plan, overview, ctx.fmt));

  const f = ctx.fmt;
  const today = overview.today;
  const list = el("ol", undefined, "timeline");
  list.setAttribute("aria-label", "Days on which something changes");
  let todayItem: HTMLElement | null = null;
  for (const entry of timelineEntries(milestones, today)) {
    const li = el("li", undefined, "tl-item");
    if (entry.type === "today") {
      li.classList.add("tl-today", "tl-marker");
      li.setAttribute("aria-current", "date");
      const p = el("p", undefined, "tl-date");
      put(p, el("strong", "Today"), " · ", timeEl(today, f.date(today)));
      li.append(p, el("p", "Nothing changes today.", "muted"));
      todayItem = li;
    } else {
      const m = entry.milestone;
      li.classList.add(`tl-${m.kind}`);
      if (entry.past) li.classList.add("tl-past");
      if (entry.today) {
        li.classList.add("tl-today");
        li.setAttribute("aria-current", "date");
        todayItem = li;
      }
      const p = el(entry.past ? "span" : "p", undefined, "tl-date");
      put(
        p,
        el("span", KIND_LABEL[m.kind], `tag tag-${m.kind}`),
        " ",
        timeEl(m.date, f.date(m.date, today)),
        entry.today ? el("strong", " · Today") : null,
      );
      if (entry.past) {
        // Days gone by fold away to keep today and what's ahead in view.
        const details = el("details");
        const summary = el("summary");
        summary.append(p, el("span", m.name, "tl-title"));
        details.append(summary, el("p", m.body));
        li.append(details);
      } else {
        li.append(p, el("h2", m.name, "tl-title"), el("p", m.body));
      }
    }
    list.append(li);
  }

  if (todayItem) {
    const jump = button("Go to today", "secondary");
    const target = todayItem;
    target.tabIndex = -1;
    jump.addEventListener("click", () => {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      target.scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
      target.focus({ preventScroll: true });
    });
    root.append(jump);
  }
  root.append(list);
  return root;
}

function planCard(plan: PlanSummary, o: Overview, f: Formats): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "plan-h");
  const h = el("h2", "Your plan");
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
    const done = date < o.today ? " (done)" : date === o.today ? " (today)" : "";
    row(`Session ${i + 1}`, timeEl(date, f.date(date, o.today)), done);
  });
  for (let n = plan.sessions.length + 1; n <= plan.planned; n++) {
    const gap =
      plan.min_gap_days !== null && plan.max_gap_days !== null
        ? `, usually ${plan.min_gap_days}–${plan.max_gap_days} days after the one before`
        : plan.min_gap_days !== null
          ? `, at least ${plan.min_gap_days} days after the one before`
          : "";
    row(`Session ${n}`, `Not booked yet${gap}`);
  }
  if (plan.healed_on) row("Fully healed", timeEl(plan.healed_on, f.date(plan.healed_on, o.today)));
  else if (plan.restrictions_over_on)
    row("Restrictions over", timeEl(plan.restrictions_over_on, f.date(plan.restrictions_over_on, o.today)));
  else row("Restrictions over", `Shown once all ${plan.planned} sessions are booked`);
  if (plan.touch_up_on) row("Touch-up", timeEl(plan.touch_up_on, f.date(plan.touch_up_on, o.today)));
  card.append(dl);
  return card;
}
