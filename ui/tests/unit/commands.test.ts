// The main window's capability grants the commands marked `window` in
// src-tauri/commands.txt (build.rs generates it from that list). They must be
// exactly the commands the UI calls: one the UI calls but the capability
// lacks is refused at run time; one granted but never called widens what the
// page may do for nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const UI = fileURLToPath(new URL("../..", import.meta.url));

function listed(): { window: string[]; none: string[] } {
  const text = readFileSync(join(UI, "../src-tauri/commands.txt"), "utf8");
  const out = { window: [] as string[], none: [] as string[] };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [name, who] = line.split(/\s+/);
    if (who === "window" || who === "none") out[who].push(name);
    else throw new Error(`commands.txt: bad line ${JSON.stringify(line)}`);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith("bindings.ts") ? [p] : [];
  });
}

/** `sessionAdd` for `commands.sessionAdd(` anywhere in ui/src (not the bindings). */
function calledByUi(): string[] {
  const names = new Set<string>();
  for (const file of sources(join(UI, "src"))) {
    for (const m of readFileSync(file, "utf8").matchAll(/\bcommands\.([A-Za-z]+)\(/g)) names.add(m[1]);
  }
  return [...names].sort();
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe("the main window's capability", () => {
  it("grants exactly the commands ui/src calls (and so none marked `none`)", () => {
    expect(listed().window.map(camel).sort()).toEqual(calledByUi());
  });
});
