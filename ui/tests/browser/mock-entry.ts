// Test-only: installs the fake backend as Tauri's IPC before the app runs.
// Built into tests/browser/.build/mock.js (vite.mock.config.ts) and added to
// each test page with addInitScript, so the page itself is the shipped dist.
import { mockIPC } from "@tauri-apps/api/mocks";
import { createBackend, type FakeConfig } from "./fake-backend";

declare global {
  interface Window {
    __SMP_FAKE__?: FakeConfig & { backend?: ReturnType<typeof createBackend> };
  }
}

const cfg = window.__SMP_FAKE__ ?? {};
const backend = createBackend(cfg);
window.__SMP_FAKE__ = { ...cfg, backend };
mockIPC((cmd, args) => backend.handle(cmd, args as Record<string, unknown> | undefined));
