#!/usr/bin/env node
// Checks each workspace crate's `rust-version` against what its locked
// dependencies declare: a crate cannot build on a compiler older than the
// newest `rust-version` among its normal and build dependencies (on every
// target, phones included; dev-dependencies only build the tests). Part of
// scripts/test.sh.
//
//   node scripts/check-msrv.mjs
//
// The other halves of the check: clippy's `incompatible_msrv` (deny in the
// root Cargo.toml) reads rust-version and refuses std APIs newer than it;
// language features (let chains: 1.88) are noted beside rust-version, since
// no older toolchain can be installed on the build machines to try.
import { execFileSync } from "node:child_process";

const meta = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--locked"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  }),
);
const packages = new Map(meta.packages.map((p) => [p.id, p]));
const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));

/** [1, 89, 0] for "1.89" (missing parts are 0). */
const parse = (v) => {
  const parts = v.split(".").map(Number);
  while (parts.length < 3) parts.push(0);
  return parts;
};
const cmp = (a, b) => {
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

/** Every package a crate needs to build: normal and build dependencies, transitively. */
function buildClosure(root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of nodes.get(id).deps) {
      if (dep.dep_kinds.some((k) => k.kind !== "dev")) stack.push(dep.pkg);
    }
  }
  seen.delete(root);
  return seen;
}

const rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).split(" ")[1];
let failed = false;
for (const id of meta.workspace_members) {
  const crate = packages.get(id);
  const declared = crate.rust_version;
  if (!declared) {
    console.error(`${crate.name}: no rust-version in its Cargo.toml`);
    failed = true;
    continue;
  }
  let newest = { version: "0", names: [] };
  for (const dep of buildClosure(id)) {
    const p = packages.get(dep);
    if (!p.rust_version) continue;
    const c = cmp(p.rust_version, newest.version);
    if (c > 0) newest = { version: p.rust_version, names: [`${p.name} ${p.version}`] };
    else if (c === 0) newest.names.push(`${p.name} ${p.version}`);
  }
  const ok = cmp(declared, newest.version) >= 0 && cmp(declared, rustc) <= 0;
  console.log(
    `${crate.name}: rust-version ${declared}; dependencies need ${newest.version} (${newest.names.join(", ")}); rustc ${rustc}: ${ok ? "ok" : "WRONG"}`,
  );
  if (!ok) failed = true;
}
if (failed) {
  console.error(
    "check-msrv: set rust-version to the newest the dependencies need (and no newer than this rustc), or lock older dependencies",
  );
  process.exit(1);
}
