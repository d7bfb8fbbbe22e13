#!/usr/bin/env bash
# Builds and opens SMP Aftercare. Installs what a fresh Debian 12 or Ubuntu
# machine lacks first (scripts/setup.sh). Extra arguments go to the app, for
# example `scripts/run.sh --data-dir /tmp/try-it` for a throw-away store.
#
# The first build takes a few minutes (release build of the Tauri shell);
# later runs start in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

npm --prefix ui run --silent build
exec cargo run --release --locked -p smp-aftercare -- "$@"
