// The UI's words, in the app's language: every text a screen shows comes
// from a Fluent message file (locales/en.ftl, locales/es.ftl) through `t`.
// The language is the app's (the `language` command: the client's choice or
// the device's), set once before each render, so the UI and the engine's
// texts always speak the same one. Dates and numbers go through Intl with
// `locale()`, never the browser's default.

import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Lang } from "./bindings";
import en from "./locales/en.ftl?raw";

/**
 * Each language's message file, as text, once loaded: English (the
 * fallback) always; another language when `loadLang` has read it. Only the
 * language a client speaks is loaded, so the first screen parses one file
 * (issue 14).
 */
export const SOURCES: Partial<Record<Lang, string>> = { en };

/** Where each language's message file comes from (a chunk of its own but English). */
const LOADERS: Record<Lang, () => Promise<string>> = {
  en: () => Promise.resolve(en),
  es: () => import("./locales/es.ftl?raw").then((m) => m.default),
};

/** Reads `lang`'s message file if it is not read yet (`setLang` then speaks it). */
export async function loadLang(lang: Lang): Promise<void> {
  SOURCES[lang] ??= await LOADERS[lang]();
}

/** The languages the UI speaks, the fallback first. */
export const LANGS: readonly Lang[] = ["en", "es"];

/** Arguments of a message: `{ $count }` and the like. */
export type Args = Record<string, FluentVariable>;

/**
 * One language's message file, cut into its entries (one per message or
 * term) without parsing them; an entry is parsed the first time a message
 * asks for it. A start parses only the messages its first screen shows,
 * not the whole file (issue 14: the file is over 500 messages, and parsing
 * it all cost the first screen about 10 ms). Formatting is Fluent's own.
 */
export class LazyBundle {
  private readonly bundle: FluentBundle;
  /** Each entry's text, by its id ("-name" for a term), until it is parsed. */
  private readonly pending: Map<string, string>;

  constructor(lang: Lang, text: string) {
    // No isolation marks: the texts go into textContent, not into
    // bidirectional layouts, and tests compare them as plain text.
    this.bundle = new FluentBundle(lang, { useIsolating: false });
    this.pending = entries(text);
  }

  /** The message `id` with `args`, or `undefined` when the file lacks it. */
  format(id: string, args?: Args): string | undefined {
    this.load(id);
    const message = this.bundle.getMessage(id);
    if (!message?.value) return undefined;
    const errors: Error[] = [];
    return this.bundle.formatPattern(message.value, args ?? null, errors);
  }

  /** Parses the entry `id` and every message or term it refers to. */
  private load(id: string): void {
    const text = this.pending.get(id);
    if (text === undefined) return;
    this.pending.delete(id);
    this.bundle.addResource(new FluentResource(text));
    for (const ref of text.matchAll(REFERENCE)) this.load(ref[1]!);
  }
}

/** A placeable that names a message or a term: `{ other-message }`, `{ -brand }`. */
const REFERENCE = /\{\s*(-?[a-zA-Z][\w-]*)\s*[}.(]/g;

/**
 * Cuts a Fluent file into its entries. In Fluent an entry starts at the
 * beginning of a line with its identifier (a term's with "-"), a comment
 * starts with "#", and everything else of an entry (its value's further
 * lines, variants, attributes) is indented or blank; so an entry runs to
 * the next line that starts with a letter, "-" or "#". Comments are left
 * out: nothing is formatted from them.
 */
export function entries(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | null = null;
  let start = 0;
  const close = (end: number) => {
    if (id !== null) out.set(id, text.slice(start, end));
    id = null;
  };
  for (let at = 0; at < text.length;) {
    const eol = text.indexOf("\n", at);
    const next = eol === -1 ? text.length : eol + 1;
    const first = text[at]!;
    if (first === "#" || first === "-" || /[a-zA-Z]/.test(first)) {
      close(at);
      if (first !== "#") {
        id = /^-?[a-zA-Z][\w-]*/.exec(text.slice(at, next))![0];
        start = at;
      }
    }
    at = next;
  }
  close(text.length);
  return out;
}

/**
 * Looks messages up in one language, falling back to English for a message
 * the language lacks, and to the message id itself when neither has it (a
 * mistake the completeness test catches; never a blank screen).
 */
export class Translator {
  private readonly bundles = new Map<Lang, LazyBundle>();

  constructor(
    readonly lang: Lang,
    sources: Partial<Record<Lang, string>> = SOURCES,
  ) {
    for (const l of new Set<Lang>([lang, "en"])) {
      const text = sources[l];
      if (text !== undefined) this.bundles.set(l, new LazyBundle(l, text));
    }
  }

  /** Whether this translator holds `lang`'s file (else it falls back to English). */
  has(lang: Lang): boolean {
    return this.bundles.has(lang);
  }

  /** The message `id` with `args`, in this language or the fallback. */
  t(id: string, args?: Args): string {
    for (const l of new Set<Lang>([this.lang, "en"])) {
      const text = this.bundles.get(l)?.format(id, args);
      if (text !== undefined) return text;
    }
    return id;
  }
}

let current = new Translator("en");

/**
 * Switches the UI's language (the next render speaks it). Its file must be
 * loaded (`loadLang`); until it is, the words stay English.
 */
export function setLang(lang: Lang): void {
  if (lang !== current.lang || !current.has(lang)) current = new Translator(lang);
}

/** The UI's language now. */
export function lang(): Lang {
  return current.lang;
}

/** The message `id` in the UI's language: `t("today-new")`, `t("timeline-earlier", { count: 3 })`. */
export function t(id: string, args?: Args): string {
  return current.t(id, args);
}

/**
 * The locale for Intl: the device's own when it speaks the app's language
 * ("en-GB" keeps day-month order for an English UI), else the language.
 */
export function locale(l: Lang = current.lang, device: readonly string[] = deviceLocales()): string {
  return device.find((d) => d.split(/[-_]/)[0]?.toLowerCase() === l) ?? l;
}

function deviceLocales(): readonly string[] {
  return typeof navigator === "undefined" ? [] : navigator.languages;
}
