#!/usr/bin/env bash
# Runs every check and test of the project. Used as-is by CI (.ci/run).
#
#   scripts/test.sh
#
# Installs what a fresh Debian 12 machine lacks (scripts/setup.sh), then:
# the UI's type check, build, unit and browser tests; formatting; clippy with
# warnings as errors; and every Rust test (engine unit, doc, golden, property
# and CLI tests; the app's command, store, scheduler, D-Bus notification and
# real-binary reminder tests); then the end-to-end tests of the real app
# through tauri-driver and WebKitWebDriver, which also take the screenshots
# in docs/screenshots/app/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "UI: type check, build and size budget, unit tests, browser tests (chromium, axe)"
# Builds ui/dist too, which the app embeds.
npm --prefix ui test

step "Scripts: the Android manifest patch"
node --test scripts/tests/

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (engine, app, notifications on a private D-Bus)"
cargo test --workspace --locked

step "App end-to-end: the real binary through tauri-driver (Xvfb, private D-Bus), screenshots"
# cargo test built target/debug/smp-aftercare (with ui/dist from above).
SMP_AFTERCARE_BIN="$PWD/target/debug/smp-aftercare" npm --prefix ui run test:e2e
