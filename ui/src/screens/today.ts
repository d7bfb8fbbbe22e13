// Today: where the client stands, what is not yet allowed and from when,
// what is allowed with care, today's care and the next change.

import { commands, type ActivityStatus, type DayStatus, type Overview, type Warning } from "../bindings";
import { need } from "../api";
import { el, put, routeLink } from "../dom";
import type { Formats } from "../format";
import { avoidUntil, dayHeading, fullyFineFrom, groupActivities } from "../logic";
import { banners, clinicContact, type Ctx, screen, timeEl } from "./common";
import { firstRun } from "./firstRun";

export async function todayScreen(ctx: Ctx): Promise<HTMLElement> {
  const overview = await need(commands.overview());
  if (!overview.status) return firstRun(ctx, overview);
  const [missed, settings] = await Promise.all([commands.remindersMissed(), commands.settings()]);
  const root = screen(dayHeading(overview.status));
  root.querySelector("h1")!.after(todayLine(overview, ctx.fmt));
  root.append(
    ...banners(overview, missed.status === "ok" ? missed.data : [], ctx),
    ...statusCards(overview.status, ctx.fmt, overview.today),
  );
  const contact = clinicContact(settings.status === "ok" ? settings.data.clinic : undefined);
  if (contact) root.append(contact);
  return root;
}

function todayLine(o: Overview, f: Formats): HTMLElement {
  const p = el("p", undefined, "lead");
  put(p, timeEl(o.today, f.longDate(o.today)));
  if (o.plan) p.append(el("span", ` · ${o.plan.protocol_name}`, "muted"));
  return p;
}

/** Soonest first, by the engine's own day counts; unknown ends last. */
function bySoonest(list: ActivityStatus[]): ActivityStatus[] {
  const key = (a: ActivityStatus) => a.allowed_in_days ?? (a.until_next_session ? 1e6 : 1e7);
  return [...list].sort((a, b) => key(a) - key(b));
}

export function statusCards(status: DayStatus, f: Formats, todayIso: string): HTMLElement[] {
  const out: HTMLElement[] = [];
  const groups = groupActivities(status.activities);
  if (status.warnings.length) out.push(warningsCard(status.warnings));

  if (status.next) {
    const n = status.next;
    const next = el("section", undefined, "card next");
    next.setAttribute("aria-labelledby", "next-h");
    const h = el("h2", "Next change");
    h.id = "next-h";
    const count = el("p", undefined, "countdown");
    put(count, el("span", f.inDays(n.in_days), "countdown-big"), " ", timeEl(n.date, f.date(n.date, todayIso)));
    next.append(h, count, el("p", n.message));
    out.push(next);
  }

  if (groups.avoid.length) {
    const card = group("Not yet", "avoid", `${groups.avoid.length} to wait for`);
    const list = el("ul", undefined, "items");
    for (const a of bySoonest(groups.avoid)) {
      const li = el("li", undefined, "item");
      const line = el("p", undefined, "item-line");
      put(line, el("strong", a.label), el("span", ` — ${avoidUntil(a, f, todayIso)}`));
      li.append(line);
      if (a.note) li.append(el("p", a.note, "muted"));
      const full = fullyFineFrom(a, f, todayIso);
      if (full) li.append(el("p", full, "muted"));
      list.append(li);
    }
    card.append(list);
    out.push(card);
  }

  if (groups.limited.length) {
    const card = group("With care", "limited", "Allowed, with a condition");
    const list = el("ul", undefined, "items");
    for (const a of groups.limited) {
      const li = el("li", undefined, "item");
      li.append(el("p", a.label, "item-line strong"));
      if (a.note) li.append(el("p", a.note));
      const full = fullyFineFrom(a, f, todayIso);
      if (full) li.append(el("p", full, "muted"));
      list.append(li);
    }
    card.append(list);
    out.push(card);
  }

  if (groups.ok.length) {
    const card = group("OK now", "ok", "No restrictions today");
    const list = el("ul", undefined, "chips");
    for (const a of groups.ok) list.append(el("li", a.label, "chip"));
    card.append(list);
    out.push(card);
  }

  if (status.care.length) {
    const card = el("section", undefined, "card");
    card.setAttribute("aria-labelledby", "care-h");
    const h = el("h2", "Today's care");
    h.id = "care-h";
    const list = el("ul", undefined, "items");
    for (const c of status.care) {
      const li = el("li", undefined, "item");
      li.append(el("p", c.label, "item-line strong"));
      if (c.note) li.append(el("p", c.note, "muted"));
      if (c.condition) li.append(el("p", `For now: ${c.condition}`));
      list.append(li);
    }
    card.append(h, list);
    out.push(card);
  }

  if (!status.activities.length && !status.care.length) {
    // Silence is not permission: say so rather than show an empty day.
    const card = el("section", undefined, "card");
    card.append(
      el("p", "Your clinic's plan says nothing about today.", "item-line strong"),
      el("p", "Before you wash, sweat, swim or sit in the sun, ask your clinic what is fine now.", "muted"),
    );
    out.push(card);
  }

  const ask = el("p", undefined, "center");
  ask.append(routeLink("Ask about something else: Can I…?", "can-i"));
  out.push(ask);
  return out;
}

/** What the client should check with the clinic, above everything else. */
export function warningsCard(warnings: Warning[]): HTMLElement {
  const b = el("section", undefined, "banner warnings");
  b.setAttribute("role", "note");
  b.setAttribute("aria-labelledby", "warn-h");
  const h = el("h2", "Check with your clinic", "banner-title");
  h.id = "warn-h";
  const list = el("ul", undefined, "plain");
  for (const w of warnings) list.append(el("li", w.message));
  b.append(h, list);
  return b;
}

function group(title: string, kind: "avoid" | "limited" | "ok", sub: string): HTMLElement {
  const card = el("section", undefined, `card group group-${kind}`);
  const id = `group-${kind}`;
  card.setAttribute("aria-labelledby", id);
  const h = el("h2", undefined, "group-title");
  h.id = id;
  put(h, el("span", "", `dot dot-${kind}`), title);
  h.querySelector(".dot")!.setAttribute("aria-hidden", "true");
  card.append(h, el("p", sub, "muted small"));
  return card;
}
