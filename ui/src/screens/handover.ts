// A plan from the clinic (`#/plan-from-clinic`): a .smpplan file or a
// smp-aftercare:// link, previewed next to what is there now, and applied
// only when the client confirms. The backend reads the plan (the page only
// names where it is) and compares; this screen shows its answer.

import { commands, type Clinic, type HandoverPreview, type HandoverSource } from "../bindings";
import { MAX_LINK_BYTES } from "../bindings";
import { button, card, el, Field, FormErrors, input, put, routeLink } from "../dom";
import type { Formats } from "../format";
import { type Ctx, screen, timeEl } from "./common";

/** Every text this screen shows, in one place (to be moved into the message files). */
const T = {
  title: "Open a plan from your clinic",
  lead: "Your clinic can give you its plan as a file or as a link (printed as a QR code). You'll see what would change before anything changes.",
  where: "Where your clinic's plan is",
  fileLabel: "A file from your clinic",
  fileHint: "It ends in .smpplan.",
  chooseFile: "Choose the file…",
  linkLabel: "Or paste the link",
  linkHint: "It starts with smp-aftercare://",
  openLink: "Open the link",
  emptyLink: "Paste the link your clinic gave you.",
  previewTitle: "What would change",
  previewLead: (source: string) => `From ${source}. Nothing has changed yet.`,
  theLink: "the link",
  nothingChanges: "You already have this plan: using it changes nothing.",
  what: "What",
  now: "Now",
  fromClinic: "From your clinic",
  changes: "changes",
  alsoSame: (labels: string[]) => `The same as now: ${labels.join(", ")}.`,
  protocol: "Aftercare plan",
  builtin: (name: string) => `${name} (built into the app)`,
  own: (name: string) => `${name} (your clinic's own)`,
  session: (n: number) => `Session ${n}`,
  removedSession: "Session no longer booked",
  none: "—",
  planned: "Sessions planned",
  clinicName: "Clinic",
  clinicPhone: "Phone",
  clinicEmail: "Email",
  clinicAddress: "Address",
  zone: (zone: string) =>
    `Your clinic's plan names the time zone ${zone}. The app keeps its own time zone setting (in Settings); this plan does not change it.`,
  use: "Use this plan",
  cancel: "Cancel",
  settingsCardTitle: "Plan from your clinic",
  settingsCardText: "Did your clinic give you a plan file, a link or a QR code? Open it here.",
  open: "Open a plan from your clinic",
  firstRun: "My clinic gave me a plan file or QR code",
};

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
  const c = card(T.settingsCardTitle);
  put(c, el("p", T.settingsCardText), routeLink(T.open, HANDOVER_ROUTE, "btn secondary"));
  return c;
}

/** First run's way here. */
export function handoverFirstRunLink(): HTMLElement {
  const p = el("p", undefined, "handover-first-run");
  p.append(routeLink(T.firstRun, HANDOVER_ROUTE, "btn secondary"));
  return p;
}

export async function handoverScreen(ctx: Ctx): Promise<HTMLElement> {
  const root = screen(T.title, T.lead);
  const form = el("section", undefined, "card handover-open");
  form.setAttribute("aria-label", T.where);
  const errors = new FormErrors();

  // The file: chosen in the system's dialog (run by the app), so the page
  // never reads the file itself.
  const fileWrap = el("div", undefined, "field");
  const fileLabel = el("p", T.fileLabel, "label");
  fileLabel.id = "handover-file-label";
  const fileHint = el("p", T.fileHint, "hint");
  fileHint.id = "handover-file-hint";
  const choose = button(T.chooseFile, "secondary");
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
    T.linkLabel,
    input("url", "", { autocomplete: "off", maxLength: MAX_LINK_BYTES, spellcheck: false }),
    T.linkHint,
  );
  const openLink = button(T.openLink, "secondary");
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
    if (!text) return errors.showAt("link", T.emptyLink);
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
  const c = card(T.previewTitle, "h2", "handover-preview");
  const from = source.kind === "link" ? T.theLink : p.source_name;
  c.append(el("p", T.previewLead(from), "muted"));
  if (p.nothing_changes) c.append(el("p", T.nothingChanges, "strong"));

  const rows = [...protocolRows(p), ...sessionRows(ctx.fmt, p), ...plannedRows(p), ...clinicRows(p)];
  const changed = rows.filter((r) => r.changes);
  if (changed.length) {
    const table = el("table", undefined, "handover-table");
    const head = el("tr");
    for (const text of [T.what, T.now, T.fromClinic]) {
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
  if (same.length) c.append(el("p", T.alsoSame(same), "muted handover-same"));
  if (p.zone) c.append(el("p", T.zone(p.zone), "hint"));

  const actions = el("div", undefined, "actions");
  const use = button(T.use, "primary");
  const cancel = button(T.cancel, "secondary");
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
  const name = (side: HandoverPreview["protocol_now"]) => (side.builtin ? T.builtin(side.name) : T.own(side.name));
  return [
    { label: T.protocol, now: name(p.protocol_now), proposed: name(p.protocol_proposed), changes: p.protocol_changes },
  ];
}

function sessionRows(fmt: Formats, p: HandoverPreview): Row[] {
  const date = (iso: string) => timeEl(iso, fmt.date(iso));
  let n = 0;
  return p.sessions.map((s): Row => {
    switch (s.change) {
      case "kept":
        return { label: T.session(++n), now: date(s.date), proposed: date(s.date), changes: false };
      case "moved":
        return { label: T.session(++n), now: date(s.from), proposed: date(s.to), changes: true };
      case "added":
        return { label: T.session(++n), now: T.none, proposed: date(s.date), changes: true };
      case "removed":
        return { label: T.removedSession, now: date(s.date), proposed: T.none, changes: true };
    }
  });
}

function plannedRows(p: HandoverPreview): Row[] {
  return [
    {
      label: T.planned,
      now: String(p.planned_now),
      proposed: String(p.planned_proposed),
      changes: p.planned_changes,
    },
  ];
}

function clinicRows(p: HandoverPreview): Row[] {
  const fields: [string, keyof Clinic][] = [
    [T.clinicName, "name"],
    [T.clinicPhone, "phone"],
    [T.clinicEmail, "email"],
    [T.clinicAddress, "address"],
  ];
  return fields
    .filter(([, key]) => p.clinic_now[key] || p.clinic_proposed[key])
    .map(([label, key]) => ({
      label,
      // Text only: a clinic's name is shown as written, never as markup.
      now: p.clinic_now[key] || T.none,
      proposed: p.clinic_proposed[key] || T.none,
      changes: p.clinic_now[key] !== p.clinic_proposed[key],
    }));
}
