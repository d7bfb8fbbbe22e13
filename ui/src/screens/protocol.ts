// Protocol: which clinic plan is followed, choosing a built-in one,
// importing a clinic's file, and every rule of the current plan.

import { type ActivityLabel, commands, type Protocol, type ProtocolSummary, type Vocabulary } from "../bindings";
import { need } from "../api";
import { button, el, Field, FormErrors, input, liveNote } from "../dom";
import {
  activityName,
  fileNameTooLong,
  fileTooBig,
  MAX_PROTOCOL_KB,
  rulesByActivity,
  STATUS_LABEL,
  windowText,
} from "../logic";
import { sentence } from "../format";
import { type Ctx, screen } from "./common";
import { keyDaysList, planName, protocolPicker } from "../components/protocolPicker";

export async function protocolScreen(ctx: Ctx): Promise<HTMLElement> {
  const [current, list, vocabulary] = await Promise.all([
    need(commands.protocolCurrent()),
    need(commands.protocols()),
    commands.activities(),
  ]);
  const names = vocabulary.activities;
  const root = screen("Your clinic's plan");
  const note = liveNote();
  root.append(
    note,
    currentCard(
      current,
      list.some((p) => p.imported && p.selected),
    ),
  );

  // Choose a plan: the built-in ones and every file imported before.
  const choose = el("form", undefined, "card");
  choose.noValidate = true;
  choose.setAttribute("aria-labelledby", "choose-h");
  const ch = el("h2", "Choose a plan");
  ch.id = "choose-h";
  const picker = protocolPicker("protocol-choice", "Aftercare plans", list, false, true);
  const chooseErrors = new FormErrors().on("protocol", picker);
  const useButton = button("Use this plan", "primary", true);
  const chooseAsk = switchQuestion("choose");
  choose.append(ch, picker.fieldset, chooseErrors.general, useButton, chooseAsk.box);
  choose.addEventListener("submit", (e) => {
    e.preventDefault();
    chooseErrors.clear();
    const p = picker.chosen();
    if (!p) return chooseErrors.showAt("protocol", "Choose one of the plans first.");
    if (p.selected) return chooseErrors.showAt("protocol", "You already follow this plan.");
    chooseAsk.ask(p, useButton, async () => {
      const r =
        p.imported_id === null
          ? await commands.protocolSelect(p.id)
          : await commands.protocolSelectImported(p.imported_id);
      if (r.status === "error") return chooseErrors.show(r.error);
      await ctx.reload();
      announce(`You now follow “${r.data.name}”.`);
    });
  });

  // Import a clinic's file: checked first, then kept and followed once the
  // client agrees to switch.
  const imp = el("form", undefined, "card");
  imp.noValidate = true;
  imp.setAttribute("aria-labelledby", "import-h");
  const ih = el("h2", "Import your clinic's file");
  ih.id = "import-h";
  const file = new Field(
    "protocol-file",
    "Protocol file",
    input("file", "", { accept: ".toml,text/plain,application/toml" }),
    `The .toml file your clinic gave you (at most ${MAX_PROTOCOL_KB} KB). Nothing changes unless the whole file is right, and you keep the plans you have.`,
  );
  const importErrors = new FormErrors().on("file", file).on("source_name", file);
  const importButton = button("Import", "primary", true);
  const importAsk = switchQuestion("import");
  imp.append(ih, file.wrap, importErrors.general, importButton, importAsk.box);
  imp.addEventListener("submit", async (e) => {
    e.preventDefault();
    importErrors.clear();
    importAsk.cancel();
    const chosen = file.control.files?.[0];
    if (!chosen) return importErrors.showAt("file", "Choose your clinic's protocol file first.");
    const nameTooLong = fileNameTooLong(chosen.name);
    if (nameTooLong) return importErrors.showAt("file", nameTooLong);
    const tooBig = fileTooBig(chosen.size);
    if (tooBig) {
      // A PDF leaflet is usually too big as well: its first bytes are enough
      // for the engine to say what it is. Any other answer: it is too big.
      const head = await readText(chosen.slice(0, 16));
      const r = head === null ? null : await commands.protocolCheck(chosen.name, head);
      if (r?.status === "error" && r.error.kind === "invalid" && r.error.field === "file")
        return importErrors.show(r.error);
      return importErrors.showAt("file", tooBig);
    }
    const text = await readText(chosen);
    if (text === null)
      return importErrors.showAt("file", "That file could not be read. Try saving it again and choose it once more.");
    const checked = await commands.protocolCheck(chosen.name, text);
    if (checked.status === "error") return importErrors.show(checked.error);
    importAsk.ask(checked.data, importButton, async () => {
      const r = await commands.protocolImport(chosen.name, text);
      if (r.status === "error") return importErrors.show(r.error);
      await ctx.reload();
      announce(`Imported “${r.data.name}”. You now follow your clinic's plan.`);
    });
  });

  root.append(choose, imp, rulesCard(current, names));
  const advice = adviceCard(current, vocabulary);
  if (advice) root.append(advice);
  return root;
}

/** A file's text, or null when it cannot be read. */
async function readText(blob: Blob): Promise<string | null> {
  try {
    return await blob.text();
  } catch {
    return null;
  }
}

/**
 * The question asked before the followed plan is replaced: it names the new
 * plan and its key days, and nothing changes until "Switch" is pressed.
 */
function switchQuestion(name: string): {
  box: HTMLElement;
  ask(p: ProtocolSummary, from: HTMLButtonElement, onSwitch: () => Promise<void>): void;
  cancel(): void;
} {
  const box = el("div", undefined, "switch-question");
  box.hidden = true;
  box.setAttribute("role", "group");
  const question = el("p", undefined, "switch-question-text");
  question.id = `${name}-switch-q`;
  question.tabIndex = -1;
  box.setAttribute("aria-labelledby", question.id);
  const yes = button("Switch", "primary");
  const no = button("Cancel", "secondary");
  const actions = el("div", undefined, "switch-question-actions");
  actions.append(yes, no);
  let days: HTMLElement | null = null;
  let from: HTMLButtonElement | null = null;
  let onSwitch: (() => Promise<void>) | null = null;
  const cancel = () => {
    box.hidden = true;
    onSwitch = null;
  };
  yes.addEventListener("click", async () => {
    const run = onSwitch;
    if (!run) return;
    yes.disabled = true;
    try {
      await run();
    } finally {
      yes.disabled = false;
      cancel();
    }
  });
  no.addEventListener("click", () => {
    cancel();
    from?.focus();
  });
  return {
    box,
    ask(p, button, then) {
      question.textContent = `Switch to ${planName(p)}? Your reminders will follow the new plan.`;
      days?.remove();
      days = keyDaysList(p);
      box.replaceChildren(question, days, actions);
      from = button;
      onSwitch = then;
      box.hidden = false;
      question.focus();
    },
    cancel,
  };
}

/** Puts a message in the (rebuilt) screen's live note. */
function announce(message: string): void {
  const fresh = document.querySelector<HTMLElement>(".screen > .note");
  if (fresh) fresh.textContent = message;
}

function currentCard(p: Protocol, imported: boolean): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "current-h");
  const h = el("h2", p.name);
  h.id = "current-h";
  card.append(el("p", imported ? "You follow your clinic's file" : "You follow", "eyebrow"), h, el("p", p.summary));
  const dl = el("dl", undefined, "facts");
  const row = (t: string, d: string) => dl.append(el("dt", t), el("dd", d));
  const s = p.sessions;
  row("Sessions", s.min === s.max ? `${s.usual}` : `Usually ${s.usual} (${s.min} to ${s.max})`);
  if (s.min_gap_days !== null && s.max_gap_days !== null)
    row("Time between sessions", `${s.min_gap_days} to ${s.max_gap_days} days`);
  else if (s.min_gap_days !== null) row("Time between sessions", `At least ${s.min_gap_days} days`);
  // The engine's day, the same the timeline and Today use (never the
  // clinic's bare figure when a restriction outlasts it).
  if (p.healed_day !== null) row("Fully healed", `Day ${p.healed_day} after your final session`);
  else if (p.restrictions_over_day !== null)
    row("Restrictions over", `Day ${p.restrictions_over_day} after your final session`);
  if (p.touch_up_after_years)
    row("Touch-up", `After ${p.touch_up_after_years} ${p.touch_up_after_years === 1 ? "year" : "years"}`);
  card.append(dl);
  return card;
}

/** What the clinic says beyond its dated rules (pain relief, caps, symptoms), as "Can I…?" answers it. */
function adviceCard(p: Protocol, vocabulary: Vocabulary): HTMLElement | null {
  if (!p.advice.length) return null;
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "advice-h");
  const h = el("h2", "Also from your clinic");
  h.id = "advice-h";
  const dl = el("dl", undefined, "facts");
  for (const a of p.advice) {
    const topic = vocabulary.entries.find((e) => e.answer === "advice" && e.topic === a.topic);
    dl.append(el("dt", topic?.answer === "advice" ? topic.label : a.topic), el("dd", sentence(a.note)));
  }
  card.append(h, dl);
  return card;
}

function rulesCard(p: Protocol, names: ActivityLabel[]): HTMLElement {
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "rules-h");
  const h = el("h2", "All the rules");
  h.id = "rules-h";
  card.append(h, el("p", "Day 1 is the day of a session.", "muted"));
  const table = el("table", undefined, "rules");
  table.append(el("caption", `Every rule of “${p.name}”, by activity and day`));
  const head = el("thead");
  const hr = el("tr");
  for (const t of ["When", "Status", "Note"]) {
    const th = el("th", t);
    th.scope = "col";
    hr.append(th);
  }
  head.append(hr);
  table.append(head);
  for (const group of rulesByActivity(p.rules, names)) {
    const body = el("tbody");
    const gr = el("tr", undefined, "rule-group");
    const th = el("th", activityName(group.activity, names));
    th.scope = "rowgroup";
    th.colSpan = 3;
    gr.append(th);
    body.append(gr);
    for (const r of group.rules) {
      const tr = el("tr");
      tr.append(el("td", windowText(r)), el("td", STATUS_LABEL[r.status], `status-${r.status}`), el("td", r.note));
      body.append(tr);
    }
    table.append(body);
  }
  const scroll = el("div", undefined, "table-wrap");
  scroll.append(table);
  card.append(scroll);

  if (p.care.length) {
    card.append(el("h3", "Care steps"));
    const list = el("ul", undefined, "items");
    for (const c of p.care) {
      const li = el("li", undefined, "item");
      li.append(el("p", c.label, "item-line strong"), el("p", windowText(c), "muted"));
      if (c.note) li.append(el("p", c.note));
      list.append(li);
    }
    card.append(list);
  }
  return card;
}
