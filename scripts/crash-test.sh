#!/usr/bin/env bash
# The long crash-safety run (issue 15, item 1): the REAL app killed with
# SIGKILL KILLS times (default 200) on one data folder while it writes
# through its IPC, checked after every kill (ui/tests/e2e/crash.mjs says
# what). Not part of scripts/test.sh, which runs the 20-kill version
# (npm run test:e2e); its figures go to docs/reliability.md "## Crash safety".
#
#   scripts/crash-test.sh [KILLS [SEED]]      (defaults: 200, 15)
#
# Tests target/debug/smp-aftercare, built first as the end-to-end harness
# does (the UI when stale, then `cargo build -p smp-aftercare`), or the
# binary SMP_AFTERCARE_BIN names. Prints the counts and the
# time taken; exits non-zero when anything acknowledged was lost, the store
# failed its integrity check, a photo was orphaned or half-written, or a
# reminder was shown twice.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-200}"
seed="${2:-15}"
scripts/setup.sh
echo "crash-test: $kills kills, seed $seed, load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
start=$(date +%s)
(cd ui && CRASH_KILLS="$kills" CRASH_SEED="$seed" dbus-run-session -- node --test tests/e2e/crash.test.mjs)
echo "crash-test: done in $(($(date +%s) - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
