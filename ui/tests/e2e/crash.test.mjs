// Crash safety of the REAL app (issue 15, item 1): SIGKILLs at random
// moments while writes go through the app's IPC, on one data folder; after
// each, the store must open, pass SQLite's integrity check, hold every
// acknowledged write, and have no half-written check-in, no orphan photo
// file and no reminder shown twice. See crash.mjs for what is checked.
//
//   dbus-run-session -- node --test tests/e2e/crash.test.mjs   (npm run test:e2e)
//
// CRASH_KILLS (default 20) and CRASH_SEED (default 15) choose the run; the
// seed is printed, and CRASH_SEED=<seed> replays its writes and kill
// delays. scripts/crash-test.sh runs the 200-kill version.
import assert from "node:assert/strict";
import { after, it } from "node:test";
import { stopAll, tools } from "./harness.mjs";
import { crashRun } from "./crash.mjs";

const kills = Number(process.env.CRASH_KILLS ?? 20);
const seed = Number(process.env.CRASH_SEED ?? 15);

after(stopAll);

it(`${kills} SIGKILLs of the app while it writes lose nothing it acknowledged (seed ${seed})`, async () => {
  tools();
  console.log(`crash: ${kills} kills, seed ${seed} (replay: CRASH_SEED=${seed} CRASH_KILLS=${kills})`);
  const { counts, problems } = await crashRun({ kills, seed });
  console.log(`crash: counts ${JSON.stringify(counts)}`);
  assert.deepEqual(problems, [], `replay with CRASH_SEED=${seed} CRASH_KILLS=${kills}`);
  assert.equal(counts.kills, kills);
  assert.equal(counts.writes_found, counts.writes_acknowledged);
  assert.equal(counts.integrity_failures, 0);
  assert.equal(counts.half_written_check_ins, 0);
  assert.equal(counts.orphans, 0);
  assert.equal(counts.duplicates, 0);
  // A run whose kills all came before any write proves nothing.
  assert.ok(counts.writes_acknowledged >= kills, `only ${counts.writes_acknowledged} writes acknowledged`);
  assert.ok(counts.photos_imported > 0, "no photo was imported");
  assert.ok(counts.notifications > 0, "no reminder was shown: the duplicate check had nothing to count");
});
