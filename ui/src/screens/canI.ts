// "Can I…?": type or pick an activity, get a one-line answer from today's
// status, with the date it becomes fine (the engine's date and day count).

import { type ActivityLabel, type Clinic, commands, type DayStatus } from "../bindings";
import { need } from "../api";
import { button, el, Field, input, put } from "../dom";
import type { Formats } from "../format";
import { activityName, answerFor, lookupActivities, normalise } from "../logic";
import { clinicContact, type Ctx, needsFirstSession, screen } from "./common";

export async function canIScreen(ctx: Ctx): Promise<HTMLElement> {
  // Today's status only (null for today in the plan's zone): its date is today.
  const [status, names, settings] = await Promise.all([
    need(commands.statusOn(null)),
    commands.activities(),
    commands.settings(),
  ]);
  // The clinic's details, for answers its aftercare doesn't cover.
  const clinic = settings.status === "ok" ? settings.data.clinic : undefined;
  const root = screen("Can I…?", "Ask about anything you'd like to do today.");
  if (!status) {
    root.append(needsFirstSession("You'll get answers here"));
    return root;
  }

  const form = el("form", undefined, "card ask");
  form.noValidate = true;
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Ask about an activity");
  const field = new Field(
    "ask",
    "What would you like to do?",
    input("text", "", { autocomplete: "off", spellcheck: false, enterKeyHint: "search" }),
    "For example: swim, gym, shave, sauna, wear a beanie.",
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
  const submit = button("Ask", "primary", true);
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
  const ph = el("h2", "Or pick one");
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
    answer.replaceChildren(...answers(text, status, names, ctx.fmt, status.date, clinic));
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
  names: ActivityLabel[],
  f: Formats,
  todayIso: string,
  clinic?: Clinic,
): HTMLElement[] {
  const q = normalise(text);
  if (!q) return [el("p", "Type an activity, or pick one below.", "muted")];
  const found = lookupActivities(text, names);
  if (!found.length) {
    return [
      el(
        "p",
        `Sorry, I don't know “${text.trim()}”. Try a word like swim, gym, shave or sauna, or pick one below.`,
        "answer-line",
      ),
    ];
  }
  return found.map((id) => {
    const a = status.activities.find((s) => s.activity === id);
    const box = el("div", undefined, "answer-line");
    if (!a) {
      // Silence is not permission: never "fine", always "ask".
      box.classList.add("verdict-unknown");
      box.append(
        el("p", `${activityName(id, names)}: your clinic's aftercare doesn't mention this for today.`, "answer-head"),
        el("p", "Ask your clinic before you do it."),
      );
      const contact = clinicContact(clinic, "h3");
      if (contact) box.append(contact);
      return box;
    }
    const ans = answerFor(a, f, todayIso);
    box.classList.add(`verdict-${ans.verdict}`);
    const head = el("p", undefined, "answer-head");
    put(head, el("span", "", `dot dot-${ans.verdict}`), ans.headline);
    head.querySelector(".dot")!.setAttribute("aria-hidden", "true");
    box.append(head);
    if (ans.detail) box.append(el("p", ans.detail));
    return box;
  });
}
