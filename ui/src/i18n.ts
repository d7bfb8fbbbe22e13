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
 * Looks messages up in one language, falling back to English for a message
 * the language lacks, and to the message id itself when neither has it (a
 * mistake the completeness test catches; never a blank screen).
 */
export class Translator {
  private readonly bundles = new Map<Lang, FluentBundle>();

  constructor(
    readonly lang: Lang,
    sources: Partial<Record<Lang, string>> = SOURCES,
  ) {
    for (const l of new Set<Lang>([lang, "en"])) {
      const text = sources[l];
      if (text === undefined) continue;
      // No isolation marks: the texts go into textContent, not into
      // bidirectional layouts, and tests compare them as plain text.
      const bundle = new FluentBundle(l, { useIsolating: false });
      bundle.addResource(new FluentResource(text));
      this.bundles.set(l, bundle);
    }
  }

  /** Whether this translator holds `lang`'s file (else it falls back to English). */
  has(lang: Lang): boolean {
    return this.bundles.has(lang);
  }

  /** The message `id` with `args`, in this language or the fallback. */
  t(id: string, args?: Args): string {
    for (const l of new Set<Lang>([this.lang, "en"])) {
      const bundle = this.bundles.get(l);
      const message = bundle?.getMessage(id);
      if (bundle && message?.value) {
        const errors: Error[] = [];
        return bundle.formatPattern(message.value, args ?? null, errors);
      }
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
