// A radio list of protocols with their summaries, shared by first run and
// the protocol screen.

import type { ProtocolSummary } from "../bindings";
import { el, input } from "../dom";

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
