// Today: the day's news first, then what still waits (soonest first, long
// lists folded), the next change in one line, then what is allowed with
// care, today's care and what is OK.

import {
  commands,
  type ActivityStatus,
  type CareDay,
  type DayStatus,
  type News,
  type NextMilestone,
  type Overview,
  type Warning,
} from "../bindings";
import { need } from "../api";
import { takeEarlyToday } from "../early";
import { el, put, routeLink } from "../dom";
import type { Formats } from "../format";
import { t } from "../i18n";
import { avoidUntil, dayHeading, FOLD_SHOWN, foldedSummary, fullyFineFrom, groupActivities } from "../logic";
import { banners, clinicContact, type Ctx, screen, timeEl } from "./common";
import { firstRun } from "./firstRun";
import { careTodayCard } from "../components/careToday";
import { HANDOVER_ROUTE, takePendingPlan } from "./handover";
import { redFlagCards } from "../components/redFlags";

export async function todayScreen(ctx: Ctx): Promise<HTMLElement> {
  // One call for the whole screen: the first one a client sees, asked
  // as the page started when it starts on Today (early.ts).
  const answer = await need(takeEarlyToday() ?? commands.todayScreen());
  await ctx.speak(answer.language.lang);
  // A clinic's link or file opened with the app: its preview replaces
  // this screen (the route change renders it; this one is dropped).
  if (answer.plan_waiting && (await takePendingPlan())) ctx.go(HANDOVER_ROUTE);
  const { overview, missed, settings, care } = answer;
  if (!overview.status) return firstRun(ctx, answer);
  const clinic = settings.clinic;
  const root = screen(dayHeading(overview.status));
  root.querySelector("h1")!.after(todayLine(overview, ctx.fmt));
  const cards = statusCards(overview.status, ctx.fmt, overview.today, care);
  // Today's check-in goes just before the closing "Can I…?" link.
  cards.splice(cards.length - 1, 0, checkInCard(overview.checked_in_today));
  root.append(
    // A check-in that matches a warning: above everything, even the news.
    ...redFlagCards(overview.red_flags, clinic),
    ...banners(overview, missed, ctx),
    ...cards,
  );
  const contact = clinicContact(clinic);
  if (contact) root.append(contact);
  return root;
}

/** Today's check-in, one tap away: to start it, or to change it. */
function checkInCard(done: boolean): HTMLElement {
  const card = el("section", undefined, "card check-in-card");
  card.setAttribute("aria-labelledby", "check-in-h");
  const h = el("h2", t(done ? "today-checked-in" : "today-check-in-title"));
  h.id = "check-in-h";
  const p = el("p", t(done ? "today-checked-in-change" : "today-check-in-lead"), "muted");
  const link = routeLink(t(done ? "edit" : "today-check-in"), "check-in", `btn ${done ? "secondary" : "primary"}`);
  if (done) link.setAttribute("aria-label", t("today-check-in-edit-label"));
  card.append(h, p, link);
  return card;
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

export function statusCards(
  status: DayStatus,
  f: Formats,
  todayIso: string,
  ticks: CareDay | null = null,
): HTMLElement[] {
  const out: HTMLElement[] = [];
  const groups = groupActivities(status.activities);
  if (status.warnings.length) out.push(warningsCard(status.warnings));
  if (status.news) out.push(newsCard(status.news));

  if (groups.avoid.length) {
    const card = group(t("today-not-yet"), "avoid", t("today-not-yet-sub", { count: groups.avoid.length }));
    const sorted = bySoonest(groups.avoid);
    const item = (a: ActivityStatus): HTMLElement => {
      const li = el("li", undefined, "item");
      const line = el("p", undefined, "item-line");
      put(line, el("strong", a.label), el("span", ` — ${avoidUntil(a, f, todayIso)}`));
      li.append(line);
      if (a.note) li.append(el("p", a.note, "muted"));
      const full = fullyFineFrom(a, f, todayIso);
      if (full) li.append(el("p", full, "muted"));
      return li;
    };
    const list = el("ul", undefined, "items");
    list.append(...sorted.slice(0, FOLD_SHOWN).map(item));
    card.append(list);
    const rest = sorted.slice(FOLD_SHOWN);
    if (rest.length) {
      // A native disclosure: keyboard, screen readers and find-in-page
      // work without any script of ours.
      const more = el("details", undefined, "fold");
      const moreList = el("ul", undefined, "items");
      moreList.append(...rest.map(item));
      more.append(el("summary", foldedSummary(rest, f, todayIso)), moreList);
      card.append(more);
    }
    out.push(card);
  }

  if (status.next) out.push(nextCard(status.next, f, todayIso));

  if (groups.limited.length) {
    const card = group(t("today-with-care"), "limited", t("today-with-care-sub"));
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
    const card = group(t("today-ok-now"), "ok", t("today-ok-now-sub"));
    const list = el("ul", undefined, "chips");
    for (const a of groups.ok) list.append(el("li", a.label, "chip"));
    card.append(list);
    out.push(card);
  }

  // Today's care, with a tick for what the clinic asks several times a day.
  if (status.care.length) out.push(careTodayCard(status.care, ticks));

  if (!status.activities.length && !status.care.length) {
    // Silence is not permission: say so rather than show an empty day.
    const card = el("section", undefined, "card");
    card.append(el("p", t("today-silent"), "item-line strong"), el("p", t("today-silent-ask"), "muted"));
    out.push(card);
  }

  const ask = el("p", undefined, "center");
  ask.append(routeLink(t("today-ask-else"), "can-i"));
  out.push(ask);
  return out;
}

/** "New today": the day's headline and its points, the first thing to read. */
export function newsCard(news: News): HTMLElement {
  const card = el("section", undefined, "card news");
  card.setAttribute("aria-labelledby", "news-h");
  const h = el("h2", t("today-new"));
  h.id = "news-h";
  const list = el("ul", undefined, "plain news-points");
  for (const p of news.points) list.append(el("li", p));
  card.append(h, el("p", news.headline, "news-headline"), list);
  return card;
}

/** The next change: when, its headline in one line, the details a tap away. */
function nextCard(n: NextMilestone, f: Formats, todayIso: string): HTMLElement {
  const next = el("section", undefined, "card next");
  next.setAttribute("aria-labelledby", "next-h");
  const h = el("h2", t("today-next"));
  h.id = "next-h";
  const count = el("p", undefined, "countdown");
  put(count, el("span", f.inDays(n.in_days), "countdown-big"), " ", timeEl(n.date, f.date(n.date, todayIso)));
  next.append(h, count, el("p", n.headline, "next-headline"));
  if (n.points.length) {
    const more = el("details", undefined, "fold");
    const list = el("ul", undefined, "plain");
    for (const p of n.points) list.append(el("li", p));
    more.append(el("summary", t("today-what-changes")), list);
    next.append(more);
  }
  return next;
}

/** What the client should check with the clinic, above everything else. */
export function warningsCard(warnings: Warning[]): HTMLElement {
  const b = el("section", undefined, "banner warnings");
  b.setAttribute("role", "note");
  b.setAttribute("aria-labelledby", "warn-h");
  const h = el("h2", t("check-with-clinic"), "banner-title");
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
