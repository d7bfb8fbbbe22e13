// Small DOM helpers. Every text goes in through textContent, never as HTML,
// and nothing sets inline styles (the CSP allows only the app's stylesheet).

import type { AppError } from "./bindings";
import { t } from "./i18n";
import { placeError } from "./logic";

/** Creates an element with text content (never HTML) and classes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Appends children (elements or text) and returns the parent. */
export function put<T extends HTMLElement>(parent: T, ...children: (Node | string | null | undefined | false)[]): T {
  for (const c of children) if (c) parent.append(c);
  return parent;
}

/** A link inside the app (hash route). */
export function routeLink(text: string, route: string, className?: string): HTMLAnchorElement {
  const a = el("a", text, className);
  a.href = `#/${route}`;
  return a;
}

/** A button that does not submit its form unless asked to. */
export function button(
  text: string,
  kind: "primary" | "secondary" | "danger" = "primary",
  submit = false,
): HTMLButtonElement {
  const b = el("button", text, `btn ${kind}`);
  b.type = submit ? "submit" : "button";
  return b;
}

/** A section (card) with a heading of the given level. */
export function card(title: string, level: "h2" | "h3" = "h2", className = ""): HTMLElement {
  const section = el("section", undefined, `card ${className}`.trim());
  const id = `h-${slug(title)}-${++uid}`;
  const h = el(level, title);
  h.id = id;
  section.setAttribute("aria-labelledby", id);
  section.append(h);
  return section;
}

let uid = 0;
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 24) || "s"
  );
}

type Control = HTMLInputElement | HTMLSelectElement;

/** A labelled control with an optional hint and its own error line. */
export class Field<C extends Control = HTMLInputElement> {
  readonly wrap: HTMLDivElement;
  readonly label: HTMLLabelElement;
  readonly error: HTMLParagraphElement;
  private readonly hintId: string | null;

  constructor(
    readonly id: string,
    labelText: string,
    readonly control: C,
    hint?: string,
  ) {
    this.wrap = el("div", undefined, "field");
    this.label = el("label", labelText);
    this.label.htmlFor = id;
    control.id = id;
    control.name = id;
    this.wrap.append(this.label);
    this.hintId = null;
    if (hint) {
      const h = el("p", hint, "hint");
      h.id = `${id}-hint`;
      this.hintId = h.id;
      this.wrap.append(h);
    }
    this.error = el("p", undefined, "field-error");
    this.error.id = `${id}-error`;
    this.error.hidden = true;
    this.wrap.append(control, this.error);
    this.describe();
  }

  private describe(): void {
    const ids = [this.hintId, this.error.hidden ? null : this.error.id].filter(Boolean);
    if (ids.length) this.control.setAttribute("aria-describedby", ids.join(" "));
    else this.control.removeAttribute("aria-describedby");
  }

  /** Shows `message` next to the control, or clears it with null. */
  setError(message: string | null): void {
    this.error.textContent = message ?? "";
    this.error.hidden = message === null;
    if (message === null) this.control.removeAttribute("aria-invalid");
    else this.control.setAttribute("aria-invalid", "true");
    this.describe();
  }
}

/** An input of a type, with attributes set as properties. */
export function input(type: string, value = "", extra: Partial<HTMLInputElement> = {}): HTMLInputElement {
  const i = el("input");
  i.type = type;
  i.value = value;
  Object.assign(i, extra);
  // A webview without a time picker falls back to text: say the form.
  // (Dates are typed into a text field the engine reads, with the form in
  // its hint rather than a placeholder that looks filled in:
  // components/dateField.ts.)
  if (type === "time" && i.type !== "time") i.placeholder = t("time-placeholder");
  return i;
}

/** A checkbox with its label beside it. */
export function checkbox(
  id: string,
  labelText: string,
  checked: boolean,
  hint?: string,
): { wrap: HTMLDivElement; box: HTMLInputElement; error: HTMLParagraphElement; setError: (m: string | null) => void } {
  const wrap = el("div", undefined, "check");
  const box = input("checkbox");
  box.id = id;
  box.checked = checked;
  const label = el("label", labelText);
  label.htmlFor = id;
  const error = el("p", undefined, "field-error");
  error.id = `${id}-error`;
  error.hidden = true;
  wrap.append(box, label);
  const ids: string[] = [];
  if (hint) {
    const h = el("p", hint, "hint");
    h.id = `${id}-hint`;
    ids.push(h.id);
    wrap.append(h);
  }
  wrap.append(error);
  const describe = () => {
    const all = error.hidden ? ids : [...ids, error.id];
    if (all.length) box.setAttribute("aria-describedby", all.join(" "));
    else box.removeAttribute("aria-describedby");
  };
  describe();
  return {
    wrap,
    box,
    error,
    setError(message) {
      error.textContent = message ?? "";
      error.hidden = message === null;
      if (message === null) box.removeAttribute("aria-invalid");
      else box.setAttribute("aria-invalid", "true");
      describe();
    },
  };
}

interface ErrorTarget {
  setError(message: string | null): void;
  control?: HTMLElement;
  box?: HTMLElement;
}

/**
 * A form's error display: backend field names map to fields; anything else
 * goes to the form's own alert line.
 */
export class FormErrors {
  readonly general: HTMLParagraphElement;
  private readonly targets = new Map<string, ErrorTarget>();

  constructor() {
    this.general = el("p", undefined, "form-error");
    this.general.setAttribute("role", "alert");
    this.general.hidden = true;
  }

  on(backendField: string, target: ErrorTarget): this {
    this.targets.set(backendField, target);
    return this;
  }

  clear(): void {
    for (const t of this.targets.values()) t.setError(null);
    this.general.textContent = "";
    this.general.hidden = true;
  }

  /** Shows an error next to its field (and focuses it), or as the form's alert. */
  show(error: AppError): void {
    this.clear();
    const placed = placeError(error, [...this.targets.keys()]);
    const target = placed.field ? this.targets.get(placed.field) : undefined;
    if (target) {
      target.setError(placed.message);
      (target.control ?? target.box)?.focus();
    } else {
      this.general.textContent = placed.message;
      this.general.hidden = false;
    }
  }

  /** Shows a message that belongs to one field (checked before sending). */
  showAt(backendField: string, message: string): void {
    this.clear();
    const target = this.targets.get(backendField);
    if (target) {
      target.setError(message);
      (target.control ?? target.box)?.focus();
    }
  }
}

/** A polite live region for short confirmations ("Saved."). */
export function liveNote(): HTMLParagraphElement {
  const p = el("p", undefined, "note");
  p.setAttribute("role", "status");
  return p;
}
