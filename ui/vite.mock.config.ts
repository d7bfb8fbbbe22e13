import { defineConfig } from "vite";

// Test-only bundle: the fake backend and Tauri's IPC mock as one script that
// the browser tests inject before the shipped dist loads. Never in dist/.
export default defineConfig({
  clearScreen: false,
  logLevel: "warn",
  build: {
    target: "es2022",
    outDir: "tests/browser/.build",
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: "tests/browser/mock-entry.ts",
      formats: ["iife"],
      name: "SmpFake",
      fileName: () => "mock.js",
    },
  },
});
