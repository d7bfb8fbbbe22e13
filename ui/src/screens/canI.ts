// "Can I…?": type or pick an activity, get a one-line answer from today's
// status, with the date it becomes fine (the engine's date and day count).
// Everyday words, typos, symptoms and words no clinic covers are understood
// through the engine's word list and the protocol's advice (logic.ts).

import { type Clinic, commands, type DayStatus, type Protocol, type Vocabulary } from "../bindings";
import { need } from "../api";
import { button, el, Field, input, put } from "../dom";
import type { Formats } from "../format";
import { t } from "../i18n";
import { hasQuestion, replies } from "../logic";
import { clinicContact, type Ctx, needsFirstSession, screen } from "./common";

export async function canIScreen(ctx: Ctx): Promise<HTMLElement> {
  // Today's status only (null for today in the plan's zone): its date is today.
  const [status, vocabulary, settings, current] = await Promise.all([
    need(commands.statusOn(null)),
    need(commands.activities()),
    commands.settings(),
    commands.protocolCurrent(),
  ]);
  // The clinic's details, for answers its aftercare doesn't cover.
  const clinic = settings.status === "ok" ? settings.data.clinic : undefined;
  // Its advice (pain relief, symptoms); without it every such answer says "ask your clinic".
  const protocol = current.status === "ok" ? current.data : null;
  const root = screen(t("nav-can-i"), t("can-i-lead"));
  if (!status) {
    root.append(needsFirstSession(t("can-i-needs-session")));
    return root;
  }

  const form = el("form", undefined, "card ask");
  form.noValidate = true;
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", t("can-i-form-label"));
  const field = new Field(
    "ask",
    t("can-i-question"),
    input("text", "", { autocomplete: "off", spellcheck: false, enterKeyHint: "search" }),
    t("can-i-hint"),
  );
  const listId = "ask-suggestions";
  const datalist = el("datalist");
  datalist.id = listId;
  for (const a of status.activities) {
    const o = el("option");
    o.value = a.label;
    datalist.append(o);
  }
  field.control.setAttribute("list", listId);
  const submit = button(t("can-i-ask"), "primary", true);
  const row = el("div", undefined, "ask-row");
  row.append(field.control, submit);
  field.error.before(row);
  form.append(field.wrap, datalist);

  const answer = el("div", undefined, "answer");
  answer.id = "answer";
  answer.setAttribute("role", "status");
  answer.setAttribute("aria-live", "polite");

  const pick = el("section", undefined, "card");
  pick.setAttribute("aria-labelledby", "pick-h");
  const ph = el("h2", t("can-i-pick"));
  ph.id = "pick-h";
  const chips = el("ul", undefined, "chips pick");
  for (const a of status.activities) {
    const li = el("li");
    const b = button(a.label, "secondary");
    b.classList.add("chip-btn");
    b.addEventListener("click", () => {
      field.control.value = a.label;
      show(a.label);
    });
    li.append(b);
    chips.append(li);
  }
  pick.append(ph, chips);

  const show = (text: string) => {
    answer.replaceChildren(...answers(text, status, protocol, vocabulary, ctx.fmt, status.date, clinic));
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    show(field.control.value);
  });

  root.append(form, answer, pick);
  return root;
}

/** The answer lines for what the client typed. */
export function answers(
  text: string,
  status: DayStatus,
  protocol: Protocol | null,
  vocabulary: Vocabulary,
  f: Formats,
  todayIso: string,
  clinic?: Clinic,
): HTMLElement[] {
  if (!hasQuestion(text)) return [el("p", t("can-i-empty"), "muted")];
  return replies(text, status, protocol, vocabulary, f, todayIso).map((r) => {
    const box = el("div", undefined, "answer-line");
    box.classList.add(`verdict-${r.verdict}`);
    const head = el("p", undefined, "answer-head");
    if (r.verdict === "unknown" || r.verdict === "info") head.textContent = r.headline;
    else {
      put(head, el("span", "", `dot dot-${r.verdict}`), r.headline);
      head.querySelector(".dot")!.setAttribute("aria-hidden", "true");
    }
    box.append(head, ...r.details.map((d) => el("p", d)));
    if (r.contact) {
      const contact = clinicContact(clinic, "h3");
      if (contact) box.append(contact);
    }
    return box;
  });
}
