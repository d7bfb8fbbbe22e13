// The first run: protocol, first session date and reminder time on one
// short form, then straight to Today.

import { commands, type Overview, type ProtocolSummary } from "../bindings";
import { button, el, Field, FormErrors, input, put, routeLink } from "../dom";
import { banners, type Ctx, screen } from "./common";

export async function firstRun(ctx: Ctx, overview: Overview): Promise<HTMLElement> {
  const [protocols, settings] = await Promise.all([commands.protocols(), commands.settings()]);
  const root = screen("Welcome", "Three quick steps, and you'll see what you may do today and when you may do the rest.");
  root.append(...banners(overview, [], ctx));

  const form = el("form", undefined, "card first-run");
  form.noValidate = true;
  form.setAttribute("aria-label", "Set up your aftercare");
  const errors = new FormErrors();

  // 1. Protocol
  const list = protocols.status === "ok" ? protocols.data : [];
  const picker = protocolPicker("first-protocol", "1. Your clinic's aftercare plan", list);
  const importLink = el("p", undefined, "hint");
  put(importLink, "Did your clinic give you a file? ", routeLink("Import it instead", "protocol"), ".");
  picker.fieldset.append(importLink);
  errors.on("protocol", picker);

  // 2. First session
  const date = new Field("first-date", "2. The date of your first session", input("date"), "The day of your treatment. Day 1 is that day.");
  date.control.required = true;
  date.control.max = "2199-12-31";
  date.control.min = "1970-01-01";
  const quick = el("div", undefined, "quick");
  for (const [text, iso] of [
    ["Today", overview.today],
    ["Yesterday", overview.yesterday],
  ] as const) {
    const b = button(text, "secondary");
    b.setAttribute("aria-label", `${text}: use ${ctx.fmt.date(iso)} as the session date`);
    b.addEventListener("click", () => {
      date.control.value = iso;
      date.setError(null);
    });
    quick.append(b);
  }
  date.wrap.append(quick);
  errors.on("date", date);

  // 3. Reminder time
  const currentSettings = settings.status === "ok" ? settings.data : {};
  const time = new Field(
    "first-time",
    "3. When should we remind you?",
    input("time", currentSettings.reminder_time ?? "09:00"),
    "On the mornings something changes, you'll get a short reminder at this time.",
  );
  time.control.required = true;
  errors.on("reminder_time", time);

  const submit = button("Show my day", "primary", true);
  put(form, picker.fieldset, date.wrap, time.wrap, errors.general, submit);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.clear();
    if (!date.control.value) {
      errors.showAt("date", "Choose the date of your first session.");
      return;
    }
    submit.disabled = true;
    try {
      const chosen = picker.value();
      // An imported clinic file is already followed; only built-ins are selected.
      if (chosen && !list.find((p) => p.id === chosen)?.imported) {
        const r = await commands.protocolSelect(chosen);
        if (r.status === "error") return errors.show(r.error);
      }
      const s = await commands.settingsSet({ ...currentSettings, reminder_time: time.control.value });
      if (s.status === "error") return errors.show(s.error);
      const added = await commands.sessionAdd(date.control.value);
      if (added.status === "error") return errors.show(added.error);
      ctx.go("today");
    } finally {
      submit.disabled = false;
    }
  });

  root.append(form);
  return root;
}

/** A radio list of protocols with their summaries; an error line under it. */
export function protocolPicker(
  name: string,
  legend: string,
  protocols: ProtocolSummary[],
  defaultFirst = true,
  legendHidden = false,
): {
  fieldset: HTMLFieldSetElement;
  value(): string | null;
  setError(message: string | null): void;
  control: HTMLInputElement | undefined;
} {
  const fieldset = el("fieldset", undefined, "choices");
  fieldset.append(el("legend", legend, legendHidden ? "sr-only" : undefined));
  const error = el("p", undefined, "field-error");
  error.id = `${name}-error`;
  error.hidden = true;
  const radios: HTMLInputElement[] = [];
  const anySelected = protocols.some((p) => p.selected);
  protocols.forEach((p, i) => {
    const id = `${name}-${i}`;
    const row = el("div", undefined, "choice");
    const radio = input("radio");
    radio.name = name;
    radio.id = id;
    radio.value = p.id;
    radio.checked = p.selected || (defaultFirst && !anySelected && i === 0);
    const label = el("label");
    label.htmlFor = id;
    const summaryId = `${id}-summary`;
    label.textContent = p.imported ? `${p.name} (from your clinic's file)` : p.name;
    label.className = "choice-name";
    const summary = el("p", `${p.summary} Usually ${p.usual_sessions} sessions.`, "choice-summary");
    summary.id = summaryId;
    radio.setAttribute("aria-describedby", summaryId);
    row.append(radio, label, summary);
    fieldset.append(row);
    radios.push(radio);
  });
  fieldset.append(error);
  return {
    fieldset,
    control: radios[0],
    value: () => radios.find((r) => r.checked)?.value ?? null,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      for (const r of radios) {
        const ids = [r.id + "-summary", ...(message === null ? [] : [error.id])];
        r.setAttribute("aria-describedby", ids.join(" "));
        if (message === null) r.removeAttribute("aria-invalid");
        else r.setAttribute("aria-invalid", "true");
      }
    },
  };
}
