// Measures the built UI: every JS and CSS file in dist/, gzipped (level 9),
// printed per file. Fails the build above its budgets (below), or if a
// test-only fake backend slipped into the shipped bundle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

// Two budgets. The page's own JS and CSS (index.html's), which every start
// loads and parses before its first screen: 40 KB. It was 55 KB while both
// languages' messages were in it, 45 KB with every screen in it; Today,
// the first-run flow and the clinic's plan are now the page's only screens
// (the others load on demand, src/main.ts), 34 KB. Each chunk loaded on
// demand (a screen; a language's messages: only the client's is loaded,
// English is in the page): 12 KB.
const PAGE_BUDGET = 40 * 1024;
const CHUNK_BUDGET = 12 * 1024;
const dist = fileURLToPath(new URL("../dist", import.meta.url));
const indexHtml = readFileSync(join(dist, "index.html"), "utf8");

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let entry = 0;
let largestLazy = 0;
let raw = 0;
const rows = [];
for (const path of files(dist)) {
  const text = readFileSync(path);
  if (/fake backend|mockIPC|__SMP_FAKE__/.test(text.toString("utf8"))) {
    console.error(`size: ${relative(dist, path)} contains test-only mock code; the shipped UI must not.`);
    process.exit(1);
  }
  if (!/\.(js|mjs|css)$/.test(path)) continue;
  const name = relative(dist, path);
  const gz = gzipSync(text, { level: 9 }).length;
  const inPage = indexHtml.includes(name);
  if (inPage) entry += gz;
  else largestLazy = Math.max(largestLazy, gz);
  raw += text.length;
  rows.push([name, text.length, gz, inPage]);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, r, gz, inPage] of rows)
  console.log(
    `size: ${name.padEnd(36)} ${kb(r).padStart(9)} raw ${kb(gz).padStart(8)} gzip ${inPage ? "(page)" : "(on demand)"}`,
  );
console.log(
  `size: the page ${kb(entry)} gzipped (budget ${kb(PAGE_BUDGET)}), the largest on-demand chunk ${kb(largestLazy)} (budget ${kb(CHUNK_BUDGET)}); all files ${kb(raw)} before gzip`,
);
if (entry > PAGE_BUDGET) {
  console.error(`size: the page is over budget by ${kb(entry - PAGE_BUDGET)}`);
  process.exit(1);
}
if (largestLazy > CHUNK_BUDGET) {
  console.error(`size: an on-demand chunk is over budget by ${kb(largestLazy - CHUNK_BUDGET)}`);
  process.exit(1);
}
