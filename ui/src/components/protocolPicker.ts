// A radio list of protocols with their summaries and key days, shared by
// first run and the protocol screen.

import type { ProtocolSummary } from "../bindings";
import { el, input } from "../dom";
import { t } from "../i18n";

/** The radio value of a listed plan: a built-in's id, or a kept file's store id. */
export function pickerValue(p: ProtocolSummary): string {
  return p.imported_id === null ? p.id : `imported:${p.imported_id}`;
}

/** How a plan is named in the list and in questions about it. */
export function planName(p: ProtocolSummary): string {
  return p.imported ? t("plan-clinic-file", { name: p.name }) : p.name;
}

/**
 * The days a client compares with their clinic's leaflet, as the engine
 * words them ("Wash from day 6"), one short item each so they wrap on a phone.
 */
export function keyDaysList(p: ProtocolSummary, id?: string): HTMLUListElement {
  const list = el("ul", undefined, "key-days");
  if (id) list.id = id;
  list.setAttribute("aria-label", t("key-days-label"));
  for (const d of p.key_days) list.append(el("li", d.text));
  return list;
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
  chosen(): ProtocolSummary | null;
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
  const described = (id: string) => `${id}-days ${id}-summary`;
  protocols.forEach((p, i) => {
    const id = `${name}-${i}`;
    const row = el("div", undefined, "choice");
    const radio = input("radio");
    radio.name = name;
    radio.id = id;
    radio.value = pickerValue(p);
    radio.checked = p.selected || (defaultFirst && !anySelected && i === 0);
    const label = el("label");
    label.htmlFor = id;
    label.textContent = planName(p);
    label.className = "choice-name";
    const days = keyDaysList(p, `${id}-days`);
    const usual = t("plan-usual-sessions", { count: p.usual_sessions });
    const from = p.source_name ? ` ${t("plan-from-file", { file: p.source_name })}` : "";
    const summary = el("p", `${p.summary} ${usual}${from}`, "choice-summary");
    summary.id = `${id}-summary`;
    radio.setAttribute("aria-describedby", described(id));
    row.append(radio, label, days, summary);
    fieldset.append(row);
    radios.push(radio);
  });
  fieldset.append(error);
  const value = () => radios.find((r) => r.checked)?.value ?? null;
  return {
    fieldset,
    control: radios[0],
    value,
    chosen: () => protocols.find((p) => pickerValue(p) === value()) ?? null,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      for (const r of radios) {
        const ids = [described(r.id), ...(message === null ? [] : [error.id])];
        r.setAttribute("aria-describedby", ids.join(" "));
        if (message === null) r.removeAttribute("aria-invalid");
        else r.setAttribute("aria-invalid", "true");
      }
    },
  };
}
