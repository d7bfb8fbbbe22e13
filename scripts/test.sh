#!/usr/bin/env bash
# Runs every check and test of the project. Used as-is by CI (.ci/run).
#
#   scripts/test.sh
#
# Installs what a fresh Debian 12 machine lacks (scripts/setup.sh), then:
# the UI's type check, lint and formatting, build, unit and browser tests;
# rustfmt; clippy and rustdoc with warnings as errors; the declared rust-version against
# the locked dependencies; every Rust test: first the hermetic ones (engine
# unit, doc, golden, property and CLI tests; the app's command, store and
# scheduler tests: no D-Bus, display or real waiting), then, by name, the
# opt-in ones (`#[ignore]`d: D-Bus notifications, the real binary's
# reminder, start-up failures and second start under Xvfb); then the end-to-end tests of the real app through
# tauri-driver and WebKitWebDriver; last, the .deb's contents
# (scripts/check-deb.sh). docs/developer/checks.md lists where
# each check lives. Screenshots go to target/screenshots/; the committed
# ones in docs/screenshots/ are refreshed only by scripts/screenshots.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

# A one-off CI build gains nothing from incremental caches (about 1 GB).
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n==> %s\n' "$*"; }

step "UI: type check (src and tests), ESLint, Prettier"
npm --prefix ui run typecheck
npm --prefix ui run lint
npm --prefix ui run format:check

step "UI: build and size budget, unit tests, browser tests (chromium, axe)"
# Builds ui/dist too, which the app embeds.
npm --prefix ui test

step "Scripts: the Android manifest patch"
node --test scripts/tests/

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors, workspace lints, incompatible_msrv)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo doc (warnings are errors: every doc link resolves)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "rust-version of each crate against its locked dependencies"
node scripts/check-msrv.mjs

step "cargo test: the hermetic tests (no D-Bus, no display, no real waiting)"
cargo test --workspace --locked

step "cargo test: the opt-in tests, by name (each starts its own private D-Bus; app_reminder, app_startup and app_single_instance also Xvfb; app_reminder waits a real minute)"
opt_in=(--test notifications --test app_reminder --test app_startup --test app_single_instance)
# Every ignored test of the workspace must be one of these, or CI would
# silently skip it.
ignored=$(cargo test --workspace --locked -q -- --ignored --list --format=terse 2>/dev/null | grep -c ': test$' || true)
named=$(cargo test --workspace --locked -q "${opt_in[@]}" -- --ignored --list --format=terse 2>/dev/null | grep -c ': test$' || true)
if [ "$ignored" != "$named" ]; then
  echo "test.sh: $ignored ignored tests in the workspace but $named in ${opt_in[*]}: run the others by name here" >&2
  exit 1
fi
# --workspace, as above, so the same build serves (-p would build the
# engine with other features).
cargo test --workspace --locked "${opt_in[@]}" -- --ignored

step "App end-to-end: the real binary through tauri-driver (Xvfb, private D-Bus)"
# cargo test built target/debug/smp-aftercare (with ui/dist from above).
SMP_AFTERCARE_BIN="$PWD/target/debug/smp-aftercare" npm --prefix ui run test:e2e

step "The Linux .deb: built from the debug binary and checked without installing (scripts/check-deb.sh)"
# The binary the tests above ran, as `cargo test` built it.
scripts/check-deb.sh --no-build
