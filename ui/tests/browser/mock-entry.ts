// Test-only: installs the fake backend as Tauri's IPC before the app runs.
// Built into tests/browser/.build/mock.js (vite.mock.config.ts) and added to
// each test page with addInitScript, so the page itself is the shipped dist.
import { mockIPC } from "@tauri-apps/api/mocks";
import { createBackend, type FakeConfig } from "./fake-backend";
import { careDayTicks, careTodayCard } from "../../src/components/careToday";

declare global {
  interface Window {
    __SMP_FAKE__?: FakeConfig & { backend?: ReturnType<typeof createBackend> };
    /** The care card and the timeline's ticks, for tests/browser/care.test.mjs (not wired into a screen yet). */
    __SMP_CARE__?: { careTodayCard: typeof careTodayCard; careDayTicks: typeof careDayTicks };
  }
}

const cfg = window.__SMP_FAKE__ ?? {};
const backend = createBackend(cfg);
window.__SMP_FAKE__ = { ...cfg, backend };
mockIPC((cmd, args) => backend.handle(cmd, args as Record<string, unknown> | undefined));
window.__SMP_CARE__ = { careTodayCard, careDayTicks };
