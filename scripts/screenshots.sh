#!/usr/bin/env bash
# Refreshes the pictures in docs/screenshots/ on purpose. Not part of the
# tests (they write their screenshots under target/screenshots/ and leave
# the tree clean); run it when the UI changes, look at the pictures, and
# commit them.
#
#   scripts/screenshots.sh
#
# Builds the UI and the debug app, then:
# - docs/screenshots/app/: the end-to-end test of the real app (tauri-driver,
#   Xvfb, private D-Bus) with the app's today fixed to DEMO_TODAY through
#   SMP_AFTERCARE_TODAY (read by the app at start-up; the test counts its
#   dates from it too), so the README's pictures show the same scenario
#   whenever they are taken: two sessions of "Four dry days", the first 9
#   days and the second 3 days before DEMO_TODAY.
# - docs/screenshots/browser/: the browser tests' screenshots (chromium, the
#   fake backend's fixed dates).
# - docs/screenshots/days/: Today on day 2, day 6 and a session day of the
#   default protocol, and day 6 on a Spanish device (LC_ALL=es_ES.UTF-8),
#   from the real app (ui/scripts/day-shots.mjs). The one
#   named before-news-first-* is kept by hand: Today before issue 11.
set -euo pipefail
cd "$(dirname "$0")/.."

# A fixed demo day (a Friday). Change it only on purpose: every picture moves.
DEMO_TODAY=2026-03-20

scripts/setup.sh

echo "==> building the UI and the app"
npm --prefix ui run build
# --workspace: the same build as cargo test --workspace (no second variant).
cargo build --workspace --locked

rm -rf target/screenshots/app target/screenshots/browser

echo "==> browser screenshots (chromium, fake backend)"
npm --prefix ui run build:mock
(cd ui && node --test --test-concurrency=1 --test-name-pattern='screenshots' tests/browser/app.test.mjs)
# Today and Settings in Spanish (today-es-phone.png, settings-es-phone.png).
(cd ui && node --test --test-concurrency=1 tests/browser/lang.test.mjs)

echo "==> app screenshots (the real app, today = $DEMO_TODAY)"
SMP_AFTERCARE_TODAY="$DEMO_TODAY" SMP_AFTERCARE_BIN="$PWD/target/debug/smp-aftercare" \
  npm --prefix ui run test:e2e

for kind in app browser; do
  shots=(target/screenshots/"$kind"/*.png)
  [ -e "${shots[0]}" ] || { echo "screenshots: no pictures in target/screenshots/$kind" >&2; exit 1; }
  rm -f docs/screenshots/"$kind"/*.png
  mkdir -p docs/screenshots/"$kind"
  cp "${shots[@]}" docs/screenshots/"$kind"/
  echo "screenshots: ${#shots[@]} pictures copied to docs/screenshots/$kind/"
done

echo "==> Today on day 2, day 6, a session day and day 6 in Spanish (the real app, light and dark)"
rm -rf target/screenshots/days
SMP_AFTERCARE_BIN="$PWD/target/debug/smp-aftercare" dbus-run-session -- node ui/scripts/day-shots.mjs target/screenshots/days
mkdir -p docs/screenshots/days
cp target/screenshots/days/*.png docs/screenshots/days/
echo "screenshots: Today on three days copied to docs/screenshots/days/"
git status --short docs/screenshots
