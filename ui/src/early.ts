// The first screen's one question, asked before the rest of the page runs.
//
// Imported first by main.ts, so this runs before the other modules are
// evaluated (the UI's message file parsed, the date formats made): while
// they run, the backend works out Today's answer and sends it back, instead
// of only being asked once they are done (issue 14: the first screen as
// fast as a bare Tauri app).

import { commands } from "./bindings";

/** The hashes a start shows Today for without asking anything else first. */
const STARTS_ON_TODAY = ["", "#", "#/", "#/today"];

let early: ReturnType<typeof commands.todayScreen> | null =
  typeof location !== "undefined" && STARTS_ON_TODAY.includes(location.hash) ? commands.todayScreen() : null;
// A failed call is shown by the screen that takes the answer (its failure
// screen and retry); until Today takes it, it is not an unhandled rejection.
early?.catch(() => undefined);

/**
 * Today's answer asked at start-up, the first time only (later screens ask
 * afresh); `null` when the page did not start on Today.
 */
export function takeEarlyToday(): ReturnType<typeof commands.todayScreen> | null {
  const answer = early;
  early = null;
  return answer;
}
