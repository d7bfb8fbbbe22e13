#!/usr/bin/env bash
# Runs every check and test of the project. Used as-is by CI (.ci/run).
#
#   scripts/test.sh
#
# Installs what a fresh Debian 12 machine lacks (scripts/setup.sh), then:
# the UI's type check, build, unit and browser tests; formatting; clippy with
# warnings as errors; and every Rust test (engine unit, doc, golden, property
# and CLI tests; the app's command, store, scheduler, D-Bus notification and
# real-binary reminder tests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "UI: type check, build and size budget, unit tests, browser tests (chromium, axe)"
# Builds ui/dist too, which the app embeds.
npm --prefix ui test

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (engine, app, notifications on a private D-Bus)"
cargo test --workspace --locked
