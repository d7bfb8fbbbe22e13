#!/usr/bin/env bash
# Runs every check and test of the project. Used as-is by CI (.ci/run).
#
#   scripts/test.sh
#
# Installs what a fresh Debian 12 machine lacks (see scripts/setup.sh), then:
# formatting, clippy with warnings as errors, and every test (unit, doc,
# integration, CLI, property tests).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test (unit, integration, CLI, property and doc tests)"
cargo test --workspace --locked
