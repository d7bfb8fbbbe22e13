// What every screen shares: the context the shell hands it and a few pieces
// of markup used on more than one screen.

import { type Clinic, commands, type Lang, type MissedReminder, type Overview } from "../bindings";
import { button, el, put, routeLink } from "../dom";
import type { Formats } from "../format";
import { t } from "../i18n";
import { mailHref, resetBanner, resetText, telHref } from "../logic";

export interface Ctx {
  /** Date and relative-day formatting in the app's language. */
  fmt: Formats;
  /** Shows another screen (or this one again, freshly loaded). */
  go(route: string): void;
  /** Reloads the current screen without moving focus. */
  reload(): Promise<void>;
  /**
   * Speaks `lang` from now on (the UI's words and date formats), for a
   * screen whose own answer says the app's language (Today): the shell
   * then skips asking for it, so the first screen needs one call.
   */
  speak(lang: Lang): Promise<void>;
}

export type Screen = (ctx: Ctx) => Promise<HTMLElement>;

/** A screen's root with its h1 (and an optional line under it). */
export function screen(title: string, lead?: string): HTMLElement {
  const root = el("div", undefined, "screen");
  root.append(el("h1", title));
  if (lead) root.append(el("p", lead, "lead"));
  return root;
}

/** Shown on screens that need a plan before there is one. */
export function needsFirstSession(what: string): HTMLElement {
  const section = el("section", undefined, "card");
  put(section, el("p", what), routeLink(t("enter-first-session"), "today", "btn primary"));
  return section;
}

/** The banners of the start screen, from the overview's notices. */
export function banners(o: Overview, missed: MissedReminder[], ctx: Ctx): HTMLElement[] {
  const fmt = ctx.fmt;
  const out: HTMLElement[] = [];
  const add = (title: string, text: string, link?: [string, string]) => {
    const b = el("div", undefined, "banner");
    b.setAttribute("role", "status");
    put(b, el("p", title, "banner-title"), el("p", text), link ? routeLink(link[0], link[1]) : null);
    out.push(b);
    return b;
  };
  if (o.notices.recovered) {
    const { moved_to: path, reason } = o.notices.recovered;
    add(t("banner-recovered-title"), t("banner-recovered", { path, reason }));
  }
  if (o.notices.read_only) {
    // Said on every screen: nothing the client changes can be saved.
    const { folder, reason } = o.notices.read_only;
    add(t("banner-read-only-title"), t("banner-read-only", { folder, reason }));
  }
  for (const r of o.notices.values_reset) {
    // A stored value that no longer reads: said until the client repairs it.
    const b = resetBanner(r);
    add(b.title, resetText(r), [b.link, b.route]);
  }
  if (!o.notices.reminders_enabled) {
    add(t("banner-reminders-off-title"), t("banner-reminders-off"), [t("banner-reminders-off-link"), "settings"]);
  }
  if (o.notices.reminders_enabled && o.notices.permission === "denied") {
    // Stays until notifications are allowed: only the system can undo a refusal.
    add(t("banner-denied-title"), t("banner-denied"));
  }
  if (o.notices.reminders_enabled && o.notices.permission === "not_asked") {
    const b = add(t("banner-ask-title"), t("banner-ask"));
    const allow = button(t("banner-ask-button"), "primary");
    allow.addEventListener("click", async () => {
      allow.disabled = true;
      await commands.notificationsAllow();
      await ctx.reload();
    });
    b.append(allow);
  }
  if (o.notices.notification_error) {
    add(t("banner-refused-title"), t("banner-refused", { error: o.notices.notification_error }));
  }
  if (missed.length > 0) {
    const count = missed.length;
    add(t("banner-missed-title", { count }), t("banner-missed"));
    const details = el("details");
    details.append(el("summary", t("banner-missed-show", { count })));
    const list = el("ul", undefined, "plain");
    for (const m of missed) {
      const li = el("li");
      put(li, el("strong", m.title), " ", el("span", `(${fmt.dateTime(m.local)})`, "muted"), el("p", m.body));
      if (m.error) li.append(el("p", t("banner-missed-error", { error: m.error }), "muted"));
      list.append(li);
    }
    details.append(list);
    out[out.length - 1]!.append(details);
  }
  return out;
}

/** The clinic's contact details as tap-to-call and tap-to-write links. */
export function clinicContact(clinic: Clinic | undefined, headingLevel: "h2" | "h3" = "h2"): HTMLElement | null {
  const name = clinic?.name.trim() ?? "";
  const phone = clinic?.phone.trim() ?? "";
  const email = clinic?.email.trim() ?? "";
  const address = clinic?.address.trim() ?? "";
  if (!name && !phone && !email && !address) return null;
  const section = el("section", undefined, "card contact");
  section.append(el(headingLevel, t("contact-title")));
  if (name) section.append(el("p", name, "clinic-name"));
  if (address) section.append(el("p", address, "clinic-address"));
  const links = callOrWrite(phone, email, t("contact-call", { phone }), "secondary");
  if (links.childElementCount) section.append(links);
  return section;
}

/**
 * A tap-to-call link (worded `callText`, styled `callStyle`) for a phone
 * number and a tap-to-write link for an address; either may be "".
 */
export function callOrWrite(
  phone: string,
  email: string,
  callText: string,
  callStyle: "primary" | "secondary",
): HTMLElement {
  const links = el("p", undefined, "contact-links");
  if (phone) {
    const a = el("a", callText, `btn ${callStyle}`);
    a.href = telHref(phone);
    links.append(a);
  }
  if (email) {
    const a = el("a", t("contact-email", { email }), "btn secondary");
    a.href = mailHref(email);
    links.append(a);
  }
  return links;
}

/** "2025-03-17" in a <time> element, formatted in the app's language. */
export function timeEl(iso: string, text: string): HTMLTimeElement {
  const t = el("time", text);
  t.dateTime = iso;
  return t;
}

/** The query of the current route (`#/check-in?date=2025-03-19` → date). */
export function hashParams(): URLSearchParams {
  const hash = location.hash;
  const at = hash.indexOf("?");
  return new URLSearchParams(at < 0 ? "" : hash.slice(at + 1));
}
