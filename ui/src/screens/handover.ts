// A plan from the clinic (`#/plan-from-clinic`): a .smpplan file or a
// smp-aftercare:// link, previewed next to what is there now, and applied
// only when the client confirms. The backend reads the plan (the page only
// names where it is) and compares; this screen shows its answer.

import { commands, type Clinic, type HandoverPreview, type HandoverSource } from "../bindings";
import { MAX_LINK_BYTES } from "../bindings";
import { button, card, el, Field, FormErrors, input, put, routeLink } from "../dom";
import type { Formats } from "../format";
import { locale, t } from "../i18n";
import { type Ctx, screen, timeEl } from "./common";

/** The route of this screen. */
export const HANDOVER_ROUTE = "plan-from-clinic";

/** The DOM event the shell dispatches when a link or file is opened with the app. */
export const HANDOVER_EVENT = "smp-handover";

/** A link or file opened with the app, waiting for this screen. */
let waiting: HandoverSource | null = null;

/** Takes the plan opened with the app, if any, for this screen; true when there is one. */
export async function takePendingPlan(): Promise<boolean> {
  try {
    const source = await commands.handoverPending();
    if (source) waiting = source;
  } catch {
    // No plan can be waiting if the shell can't say.
  }
  return waiting !== null;
}

/** Settings' card leading here. */
export function handoverCard(): HTMLElement {
  const c = card(t("handover-settings-card-title"));
  put(c, el("p", t("handover-settings-card-text")), routeLink(t("handover-open"), HANDOVER_ROUTE, "btn secondary"));
  return c;
}

/** First run's way here. */
export function handoverFirstRunLink(): HTMLElement {
  const p = el("p", undefined, "handover-first-run");
  p.append(routeLink(t("handover-first-run"), HANDOVER_ROUTE, "btn secondary"));
  return p;
}

export async function handoverScreen(ctx: Ctx): Promise<HTMLElement> {
  const root = screen(t("handover-title"), t("handover-lead"));
  const form = el("section", undefined, "card handover-open");
  form.setAttribute("aria-label", t("handover-where"));
  const errors = new FormErrors();

  // The file: chosen in the system's dialog (run by the app), so the page
  // never reads the file itself.
  const fileWrap = el("div", undefined, "field");
  const fileLabel = el("p", t("handover-file-label"), "label");
  fileLabel.id = "handover-file-label";
  const fileHint = el("p", t("handover-file-hint"), "hint");
  fileHint.id = "handover-file-hint";
  const choose = button(t("handover-choose-file"), "secondary");
  choose.id = "handover-file";
  choose.setAttribute("aria-describedby", "handover-file-hint");
  const fileError = el("p", undefined, "field-error");
  fileError.id = "handover-file-error";
  fileError.hidden = true;
  put(fileWrap, fileLabel, fileHint, choose, fileError);
  errors.on("file", {
    control: choose,
    setError(message) {
      fileError.textContent = message ?? "";
      fileError.hidden = message === null;
      choose.setAttribute("aria-describedby", message === null ? fileHint.id : `${fileHint.id} ${fileError.id}`);
    },
  });

  const link = new Field(
    "handover-link",
    t("handover-link-label"),
    input("url", "", { autocomplete: "off", maxLength: MAX_LINK_BYTES, spellcheck: false }),
    t("handover-link-hint"),
  );
  const openLink = button(t("handover-open-link"), "secondary");
  link.wrap.append(openLink);
  errors.on("link", link);
  put(form, fileWrap, link.wrap, errors.general);

  const previewSlot = el("div");
  root.append(form, previewSlot);

  const show = async (source: HandoverSource) => {
    errors.clear();
    previewSlot.replaceChildren();
    const r = await commands.handoverPreview(source);
    if (r.status === "error") return errors.show(r.error);
    previewSlot.append(preview(ctx, source, r.data, errors));
    const h = previewSlot.querySelector("h2");
    if (h) {
      h.tabIndex = -1;
      h.focus();
    }
  };

  choose.addEventListener("click", async () => {
    choose.disabled = true;
    try {
      const source = await commands.handoverPick();
      if (source) await show(source);
    } finally {
      choose.disabled = false;
    }
  });
  openLink.addEventListener("click", async () => {
    const text = link.control.value.trim();
    if (!text) return errors.showAt("link", t("handover-empty-link"));
    openLink.disabled = true;
    try {
      await show({ kind: "link", link: text });
    } finally {
      openLink.disabled = false;
    }
  });
  link.control.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      openLink.click();
    }
  });

  const opened = waiting;
  waiting = null;
  if (opened) {
    if (opened.kind === "link") link.control.value = opened.link;
    // Shown once the screen is in place, so focus lands on the preview.
    queueMicrotask(() => void show(opened));
  }
  return root;
}

/** One row of the comparison. */
interface Row {
  label: string;
  now: string | Node;
  proposed: string | Node;
  changes: boolean;
}

/** The preview: changed rows side by side, the rest in one line, and the two buttons. */
function preview(ctx: Ctx, source: HandoverSource, p: HandoverPreview, errors: FormErrors): HTMLElement {
  const c = card(t("handover-preview-title"), "h2", "handover-preview");
  const from = source.kind === "link" ? t("handover-the-link") : p.source_name;
  c.append(el("p", t("handover-preview-lead", { source: from }), "muted"));
  if (p.nothing_changes) c.append(el("p", t("handover-nothing-changes"), "strong"));

  const rows = [...protocolRows(p), ...sessionRows(ctx.fmt, p), ...plannedRows(p), ...clinicRows(p)];
  const changed = rows.filter((r) => r.changes);
  if (changed.length) {
    const table = el("table", undefined, "handover-table");
    const head = el("tr");
    for (const text of [t("handover-what"), t("handover-now"), t("handover-from-clinic")]) {
      const th = el("th", text);
      th.scope = "col";
      head.append(th);
    }
    table.append(el("thead"), el("tbody"));
    table.tHead!.append(head);
    for (const r of changed) {
      const tr = el("tr", undefined, "changed");
      const th = el("th", r.label);
      th.scope = "row";
      tr.append(th, cell(r.now), cell(r.proposed));
      table.tBodies[0]!.append(tr);
    }
    c.append(table);
  }
  const same = rows.filter((r) => !r.changes).map((r) => r.label);
  if (same.length)
    c.append(
      el(
        "p",
        t("handover-also-same", { labels: new Intl.ListFormat(locale(), { type: "conjunction" }).format(same) }),
        "muted handover-same",
      ),
    );
  if (p.zone) c.append(el("p", t("handover-zone", { zone: p.zone }), "hint"));

  const actions = el("div", undefined, "actions");
  const use = button(t("handover-use"), "primary");
  const cancel = button(t("handover-cancel"), "secondary");
  actions.append(use, cancel);
  c.append(actions);
  use.addEventListener("click", async () => {
    use.disabled = true;
    try {
      const r = await commands.handoverApply(source, p.fingerprint);
      if (r.status === "error") return errors.show(r.error);
      ctx.go("today");
    } finally {
      use.disabled = false;
    }
  });
  cancel.addEventListener("click", () => {
    c.remove();
    errors.clear();
  });
  return c;
}

function cell(content: string | Node): HTMLTableCellElement {
  const td = el("td");
  td.append(content);
  return td;
}

function protocolRows(p: HandoverPreview): Row[] {
  const name = (side: HandoverPreview["protocol_now"]) =>
    side.builtin ? t("handover-builtin", { name: side.name }) : t("handover-own", { name: side.name });
  return [
    {
      label: t("handover-protocol"),
      now: name(p.protocol_now),
      proposed: name(p.protocol_proposed),
      changes: p.protocol_changes,
    },
  ];
}

function sessionRows(fmt: Formats, p: HandoverPreview): Row[] {
  const date = (iso: string) => timeEl(iso, fmt.date(iso));
  let n = 0;
  return p.sessions.map((s): Row => {
    switch (s.change) {
      case "kept":
        return { label: t("handover-session", { n: ++n }), now: date(s.date), proposed: date(s.date), changes: false };
      case "moved":
        return { label: t("handover-session", { n: ++n }), now: date(s.from), proposed: date(s.to), changes: true };
      case "added":
        return {
          label: t("handover-session", { n: ++n }),
          now: t("handover-none"),
          proposed: date(s.date),
          changes: true,
        };
      case "removed":
        return { label: t("handover-removed-session"), now: date(s.date), proposed: t("handover-none"), changes: true };
    }
  });
}

function plannedRows(p: HandoverPreview): Row[] {
  return [
    {
      label: t("handover-planned"),
      now: String(p.planned_now),
      proposed: String(p.planned_proposed),
      changes: p.planned_changes,
    },
  ];
}

function clinicRows(p: HandoverPreview): Row[] {
  const fields: [string, keyof Clinic][] = [
    [t("handover-clinic-name"), "name"],
    [t("handover-clinic-phone"), "phone"],
    [t("handover-clinic-email"), "email"],
    [t("handover-clinic-address"), "address"],
  ];
  return fields
    .filter(([, key]) => p.clinic_now[key] || p.clinic_proposed[key])
    .map(([label, key]) => ({
      label,
      // Text only: a clinic's name is shown as written, never as markup.
      now: p.clinic_now[key] || t("handover-none"),
      proposed: p.clinic_proposed[key] || t("handover-none"),
      changes: p.clinic_now[key] !== p.clinic_proposed[key],
    }));
}
