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
  statusLabel,
  windowText,
} from "../logic";
import { sentence } from "../format";
import { t } from "../i18n";
import { type Ctx, screen } from "./common";
import { keyDaysList, planName, protocolPicker } from "../components/protocolPicker";

export async function protocolScreen(ctx: Ctx): Promise<HTMLElement> {
  const [current, list, vocabulary] = await Promise.all([
    need(commands.protocolCurrent()),
    need(commands.protocols()),
    need(commands.activities()),
  ]);
  const names = vocabulary.activities;
  const root = screen(t("protocol-title"));
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
  const ch = el("h2", t("protocol-choose"));
  ch.id = "choose-h";
  const picker = protocolPicker("protocol-choice", t("protocol-plans"), list, false, true);
  const chooseErrors = new FormErrors().on("protocol", picker);
  const useButton = button(t("protocol-use"), "primary", true);
  const chooseAsk = switchQuestion("choose");
  choose.append(ch, picker.fieldset, chooseErrors.general, useButton, chooseAsk.box);
  choose.addEventListener("submit", (e) => {
    e.preventDefault();
    chooseErrors.clear();
    const p = picker.chosen();
    if (!p) return chooseErrors.showAt("protocol", t("protocol-choose-first"));
    if (p.selected) return chooseErrors.showAt("protocol", t("protocol-already"));
    chooseAsk.ask(p, useButton, async () => {
      const r =
        p.imported_id === null
          ? await commands.protocolSelect(p.id)
          : await commands.protocolSelectImported(p.imported_id);
      if (r.status === "error") return chooseErrors.show(r.error);
      await ctx.reload();
      announce(t("protocol-now-follow", { name: r.data.name }));
    });
  });

  // Import a clinic's file: checked first, then kept and followed once the
  // client agrees to switch.
  const imp = el("form", undefined, "card");
  imp.noValidate = true;
  imp.setAttribute("aria-labelledby", "import-h");
  const ih = el("h2", t("protocol-import-title"));
  ih.id = "import-h";
  const file = new Field(
    "protocol-file",
    t("protocol-file"),
    input("file", "", { accept: ".toml,text/plain,application/toml" }),
    t("protocol-file-hint", { max: MAX_PROTOCOL_KB }),
  );
  const importErrors = new FormErrors().on("file", file).on("source_name", file);
  const importButton = button(t("protocol-import"), "primary", true);
  const importAsk = switchQuestion("import");
  imp.append(ih, file.wrap, importErrors.general, importButton, importAsk.box);
  imp.addEventListener("submit", async (e) => {
    e.preventDefault();
    importErrors.clear();
    importAsk.cancel();
    const chosen = file.control.files?.[0];
    if (!chosen) return importErrors.showAt("file", t("protocol-file-first"));
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
    if (text === null) return importErrors.showAt("file", t("protocol-file-unreadable"));
    const checked = await commands.protocolCheck(chosen.name, text);
    if (checked.status === "error") return importErrors.show(checked.error);
    importAsk.ask(checked.data, importButton, async () => {
      const r = await commands.protocolImport(chosen.name, text);
      if (r.status === "error") return importErrors.show(r.error);
      await ctx.reload();
      announce(t("protocol-imported", { name: r.data.name }));
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
  const yes = button(t("protocol-switch"), "primary");
  const no = button(t("cancel"), "secondary");
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
      question.textContent = t("protocol-switch-question", { name: planName(p) });
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
  card.append(el("p", t(imported ? "protocol-follow-file" : "protocol-follow"), "eyebrow"), h, el("p", p.summary));
  const dl = el("dl", undefined, "facts");
  const row = (t: string, d: string) => dl.append(el("dt", t), el("dd", d));
  const s = p.sessions;
  row(
    t("protocol-sessions"),
    s.min === s.max ? `${s.usual}` : t("protocol-sessions-range", { usual: s.usual, min: s.min, max: s.max }),
  );
  if (s.min_gap_days !== null && s.max_gap_days !== null)
    row(t("protocol-gap"), t("protocol-gap-range", { min: s.min_gap_days, max: s.max_gap_days }));
  else if (s.min_gap_days !== null) row(t("protocol-gap"), t("protocol-gap-min", { min: s.min_gap_days }));
  // The engine's day, the same the timeline and Today use (never the
  // clinic's bare figure when a restriction outlasts it).
  if (p.healed_day !== null) row(t("kind-healed"), t("protocol-day-after-final", { day: p.healed_day }));
  else if (p.restrictions_over_day !== null)
    row(t("kind-restrictions-over"), t("protocol-day-after-final", { day: p.restrictions_over_day }));
  if (p.touch_up_after_years) row(t("kind-touch-up"), t("protocol-touch-up", { count: p.touch_up_after_years }));
  card.append(dl);
  return card;
}

/** What the clinic says beyond its dated rules (pain relief, caps, symptoms), as "Can I…?" answers it. */
function adviceCard(p: Protocol, vocabulary: Vocabulary): HTMLElement | null {
  if (!p.advice.length) return null;
  const card = el("section", undefined, "card");
  card.setAttribute("aria-labelledby", "advice-h");
  const h = el("h2", t("protocol-advice"));
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
  const h = el("h2", t("protocol-rules"));
  h.id = "rules-h";
  card.append(h, el("p", t("protocol-day-one"), "muted"));
  const table = el("table", undefined, "rules");
  table.append(el("caption", t("protocol-rules-caption", { name: p.name })));
  const head = el("thead");
  const hr = el("tr");
  for (const text of [t("protocol-when"), t("protocol-status"), t("protocol-note")]) {
    const th = el("th", text);
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
      tr.append(el("td", windowText(r)), el("td", statusLabel(r.status), `status-${r.status}`), el("td", r.note));
      body.append(tr);
    }
    table.append(body);
  }
  const scroll = el("div", undefined, "table-wrap");
  scroll.append(table);
  card.append(scroll);

  if (p.care.length) {
    card.append(el("h3", t("protocol-care")));
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
