#!/usr/bin/env node
// Adds SMP Aftercare's Android permissions (src-tauri/android/uses-permissions.xml)
// to the manifest `tauri android init` generates, right after its <manifest>
// tag. Safe to run again: permissions already declared are left alone.
//
//   node scripts/android-permissions.mjs [path/to/AndroidManifest.xml]
//
// Default path: src-tauri/gen/android/app/src/main/AndroidManifest.xml.
// Exit status 2, with a message naming the file, when it cannot be patched.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FRAGMENT = join(root, "src-tauri/android/uses-permissions.xml");
export const DEFAULT_MANIFEST = join(root, "src-tauri/gen/android/app/src/main/AndroidManifest.xml");

/** The permission names in an XML text, in order. */
export function permissionNames(xml) {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  return [...withoutComments.matchAll(/<uses-permission\b[^>]*\bandroid:name="([^"]+)"/g)].map((m) => m[1]);
}

/**
 * `manifest` with every permission of `fragment` it lacks inserted after the
 * opening <manifest> tag; throws an Error naming what is wrong.
 */
export function addPermissions(manifest, fragment) {
  const open = /<manifest\b[^>]*>/.exec(manifest);
  if (!open) throw new Error("it has no <manifest> element");
  const have = new Set(permissionNames(manifest));
  const missing = permissionNames(fragment).filter((p) => !have.has(p));
  if (!missing.length) return manifest;
  const lines = missing.map((p) => `    <uses-permission android:name="${p}" />`).join("\n");
  const at = open.index + open[0].length;
  return `${manifest.slice(0, at)}\n    <!-- SMP Aftercare: see src-tauri/android/uses-permissions.xml -->\n${lines}${manifest.slice(at)}`;
}

function main(path = DEFAULT_MANIFEST) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const hint = path === DEFAULT_MANIFEST ? " (run `npx @tauri-apps/cli@2.12.5 android init` first)" : "";
    console.error(`android-permissions: cannot read ${path}: ${e.code ?? e.message}${hint}`);
    return 2;
  }
  let patched;
  try {
    patched = addPermissions(text, readFileSync(FRAGMENT, "utf8"));
  } catch (e) {
    console.error(`android-permissions: cannot patch ${path}: ${e.message}`);
    return 2;
  }
  if (patched === text) {
    console.log(`android-permissions: ${path} already declares them all`);
    return 0;
  }
  writeFileSync(path, patched);
  const added = permissionNames(patched).length - permissionNames(text).length;
  console.log(`android-permissions: added ${added} to ${path}`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv[2]);
