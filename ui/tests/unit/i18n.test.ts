// The UI's message files: every message in every language, none unused,
// the same variables in each language, and no line Fluent would skip as
// junk; and `t`'s fallbacks (the language, then English, then the id).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { beforeAll, describe, expect, it } from "vitest";
import { entries, LANGS, LazyBundle, loadLang, locale, SOURCES, t, Translator } from "../../src/i18n";

const UI = fileURLToPath(new URL("../..", import.meta.url));

/** Each message's variables (`$count`), over all its variants, by id. */
function messages(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of new FluentResource(source).body) {
    const vars = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const n = node as { type?: string; name?: string };
        if (n.type === "var" && n.name) vars.add(n.name);
        Object.values(node).forEach(walk);
      }
    };
    walk(entry);
    out.set(entry.id, [...vars].sort());
  }
  return out;
}

/** The ids the file defines, read line by line (Fluent skips what it can't parse). */
function declared(source: string): string[] {
  return [...source.matchAll(/^([a-zA-Z][\w-]*) =/gm)].map((m) => m[1]!);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith("bindings.ts") ? [p] : [];
  });
}

/** Everything the UI's code and page say, where message ids are written as "id". */
const code = [...sources(join(UI, "src")), join(UI, "index.html")].map((p) => readFileSync(p, "utf8")).join("\n");

// Every language's file, as the app loads it (only English is there at first).
beforeAll(() => Promise.all(LANGS.map(loadLang)));

describe("the message files", () => {
  const source = (l: (typeof LANGS)[number]) => SOURCES[l]!;
  let en: ReturnType<typeof messages>;
  beforeAll(() => {
    en = messages(source("en"));
  });

  it("parse in full: every declared message is read", () => {
    for (const l of LANGS) expect([...messages(source(l)).keys()], l).toEqual(declared(source(l)));
  });

  it("have the same messages in every language", () => {
    for (const l of LANGS) expect([...messages(source(l)).keys()].sort(), l).toEqual([...en.keys()].sort());
  });

  it("use the same variables in every language", () => {
    for (const l of LANGS) {
      const other = messages(source(l));
      const differ = [...en].filter(([id, vars]) => JSON.stringify(other.get(id)) !== JSON.stringify(vars));
      expect(
        differ.map(([id]) => id),
        l,
      ).toEqual([]);
    }
  });

  it("hold no message ui/src does not use", () => {
    const unused = [...en.keys()].filter((id) => !code.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });

  it("hold every message ui/src asks for", () => {
    const asked = [...code.matchAll(/\bt\(\s*"([a-z][\w-]*)"/g), ...code.matchAll(/data-l10n(?:-label)?="([\w-]+)"/g)];
    const missing = [...new Set(asked.map((m) => m[1]!))].filter((id) => !en.has(id));
    expect(missing).toEqual([]);
  });
});

describe("t", () => {
  const sources = {
    en: "greet = Hello, { $name }\nonly-en = Only in English\ndays = { $count ->\n    [one] { $count } day\n   *[other] { $count } days\n}\n",
    es: "greet = Hola, { $name }\ndays = { $count ->\n    [one] { $count } día\n   *[other] { $count } días\n}\n",
  };

  it("words a message in its language, with its arguments and plurals", () => {
    const es = new Translator("es", sources);
    expect(es.t("greet", { name: "Ana" })).toBe("Hola, Ana");
    expect(es.t("days", { count: 1 })).toBe("1 día");
    expect(es.t("days", { count: 3 })).toBe("3 días");
  });

  it("falls back to English for a message the language lacks, then to the id", () => {
    const es = new Translator("es", sources);
    expect(es.t("only-en")).toBe("Only in English");
    expect(es.t("nowhere")).toBe("nowhere");
    expect(new Translator("es", { en: sources.en }).t("greet", { name: "Ana" })).toBe("Hello, Ana");
  });

  it("speaks English until told otherwise, with the app's own files", () => {
    expect(t("nav-today")).toBe("Today");
    expect(new Translator("es").t("nav-today")).toBe("Hoy");
    expect(new Translator("es").t("timeline-earlier", { count: 1 })).toBe("1 día anterior");
    expect(new Translator("es").t("timeline-earlier", { count: 4 })).toBe("4 días anteriores");
  });
});

describe("messages parsed on demand", () => {
  it("word every message of every file as the whole file parsed at once does", () => {
    for (const l of LANGS) {
      const source = SOURCES[l]!;
      const whole = new FluentBundle(l, { useIsolating: false });
      expect(whole.addResource(new FluentResource(source))).toEqual([]);
      const lazy = new LazyBundle(l, source);
      const ids = messages(source);
      expect(ids.size, l).toBeGreaterThan(500);
      for (const [id, vars] of ids) {
        // Every variable as a number and as a word: plural and other
        // selectors take both branches.
        for (const value of [1, 4, "x"]) {
          const args = Object.fromEntries(vars.map((v) => [v, value]));
          const message = whole.getMessage(id);
          const expected = message?.value ? whole.formatPattern(message.value, args, []) : undefined;
          expect(lazy.format(id, args), `${l} ${id} ${value}`).toBe(expected);
        }
      }
    }
  });

  it("cut a file into its entries, comments and blank lines left out", () => {
    const text = [
      "# A comment",
      "## A group comment",
      "",
      "plain = One line",
      "multi =",
      "    First line",
      "",
      "    after a blank line",
      "-brand = Brand",
      "days = { $count ->",
      "    [one] { $count } day",
      "   *[other] { $count } days",
      "}",
      "    .label = Days",
      "last = Last, no newline",
    ].join("\n");
    expect([...entries(text)]).toEqual([
      ["plain", "plain = One line\n"],
      ["multi", "multi =\n    First line\n\n    after a blank line\n"],
      ["-brand", "-brand = Brand\n"],
      ["days", "days = { $count ->\n    [one] { $count } day\n   *[other] { $count } days\n}\n    .label = Days\n"],
      ["last", "last = Last, no newline"],
    ]);
  });

  it("parse what a message refers to with it, and nothing before it is asked for", () => {
    const lazy = new LazyBundle("en", "-brand = Brand\nname = { -brand } app\nlong = The { name }\nunused = Unused\n");
    expect(lazy.format("long")).toBe("The Brand app");
    expect(lazy.format("missing")).toBeUndefined();
    // Parsed on demand: the entries asked for (and what they name) are
    // gone from the text still waiting, the others are still there.
    expect([...(lazy as unknown as { pending: Map<string, string> }).pending.keys()]).toEqual(["unused"]);
  });
});

describe("locale", () => {
  it("keeps the device's own locale when it speaks the app's language, else the language", () => {
    expect(locale("en", ["en-GB", "es-ES"])).toBe("en-GB");
    expect(locale("es", ["en-GB", "es-MX"])).toBe("es-MX");
    expect(locale("es", ["en-GB"])).toBe("es");
    expect(locale("en", [])).toBe("en");
  });
});

describe("loading a language", () => {
  it("keeps English words until the language's file is loaded, then speaks it", async () => {
    // A translator made without the file falls back to English.
    expect(new Translator("es", { en: SOURCES.en! }).t("nav-today")).toBe("Today");
    await loadLang("es");
    expect(SOURCES.es).toContain("nav-today");
    expect(new Translator("es").t("nav-today")).toBe("Hoy");
  });
});
