// Measures the built UI: every JS and CSS file in dist/, gzipped (level 9),
// printed per file and in total. Fails the build above the 55 KB budget, or
// if a test-only fake backend slipped into the shipped bundle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// 50 KB until every refusal was worded in both languages in the page
// (`error-*`, ~5.5 KB gzipped for two message files and their switch).
const BUDGET = 55 * 1024;
const dist = fileURLToPath(new URL("../dist", import.meta.url));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let total = 0;
let raw = 0;
const rows = [];
for (const path of files(dist)) {
  const text = readFileSync(path);
  if (/fake backend|mockIPC|__SMP_FAKE__/.test(text.toString("utf8"))) {
    console.error(`size: ${relative(dist, path)} contains test-only mock code; the shipped UI must not.`);
    process.exit(1);
  }
  if (!/\.(js|mjs|css)$/.test(path)) continue;
  const gz = gzipSync(text, { level: 9 }).length;
  total += gz;
  raw += text.length;
  rows.push([relative(dist, path), text.length, gz]);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, r, gz] of rows)
  console.log(`size: ${name.padEnd(36)} ${kb(r).padStart(9)} raw ${kb(gz).padStart(8)} gzip`);
console.log(`size: JS+CSS ${kb(total)} gzipped, budget ${kb(BUDGET)} gzipped (${kb(raw)} before gzip)`);
if (total > BUDGET) {
  console.error(`size: over budget by ${kb(total - BUDGET)}`);
  process.exit(1);
}
