// Phone-size pictures of Today on chosen days, from the REAL app: for each
// day, a fresh data folder, the app started with its today fixed
// (SMP_AFTERCARE_TODAY), the sessions booked through the app's own commands,
// then a screenshot, light and dark. Run on purpose (scripts/screenshots.sh
// does), never by the tests:
//
//   dbus-run-session -- node ui/scripts/day-shots.mjs <out-folder>
//
// SMP_AFTERCARE_BIN names the app binary (default: target/debug/smp-aftercare).
// The days: one session on 2 March 2026 of the default protocol, seen on its
// day 2 and day 6 (also on a Spanish device), and the day of a second
// session on 16 March.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  appBinary,
  freshDataDir,
  launchApp,
  startTauriDriver,
  startXvfb,
  stopAll,
  waitInPage,
  waitRendered,
} from "../tests/e2e/harness.mjs";

const PHONE = { width: 390, height: 844 };
const DAYS = [
  { name: "today-day-2", today: "2026-03-03", sessions: ["2026-03-02"] },
  { name: "today-day-6", today: "2026-03-07", sessions: ["2026-03-02"] },
  { name: "today-session-day", today: "2026-03-16", sessions: ["2026-03-02", "2026-03-16"] },
  // A Spanish device: the app reads its language from the locale (sys-locale).
  { name: "today-day-6-es", today: "2026-03-07", sessions: ["2026-03-02"], locale: "es_ES" },
];

const out = resolve(process.argv[2] ?? "target/screenshots/days");
mkdirSync(out, { recursive: true });
const binary = appBinary();
const display = await startXvfb();
try {
  for (const day of DAYS) {
    // The app reads its today once, at start: one driver (and app) per day.
    process.env.SMP_AFTERCARE_TODAY = day.today;
    const server = await startTauriDriver(display, day.locale);
    const dataDir = freshDataDir(day.name);
    for (const scheme of ["light", "dark"]) {
      const driver = await launchApp(server, binary, dataDir, { scheme });
      await driver.manage().window().setRect(PHONE);
      await waitInPage(
        driver,
        "a phone-size viewport",
        (w, h) => window.innerWidth === w && window.innerHeight === h,
        PHONE.width,
        PHONE.height,
      );
      if (scheme === "light") {
        // Booked through the app's own commands, as the Sessions screen does.
        for (const date of day.sessions) {
          await driver.executeAsyncScript((d, done) => {
            window.__TAURI_INTERNALS__.invoke("session_add", { date: d }).then(done, (e) => done(String(e)));
          }, date);
        }
      }
      await driver.navigate().refresh();
      await waitRendered(driver, "today");
      await driver.executeAsyncScript((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      const file = join(out, `${day.name}-${scheme}.png`);
      writeFileSync(file, Buffer.from(await driver.takeScreenshot(), "base64"));
      console.log(`day-shots: ${file}`);
      await driver.quit();
    }
  }
} finally {
  await stopAll();
}
