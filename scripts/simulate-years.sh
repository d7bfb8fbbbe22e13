#!/usr/bin/env bash
# The long run of the reminder simulation (issue 15, item 3; not part of
# scripts/test.sh, which runs the same test for 3 years):
#
#   scripts/simulate-years.sh [--debug] [YEARS [FIRST_SEED]]   # 1000 and 1 by default
#
# --debug runs the unoptimised test build `cargo test` already made:
# slower per year, but without a release build of the app's dependencies
# first, which took over half an hour on a busy 2-core machine.
# Runs src-tauri/tests/simulation.rs's `simulated_years` optimised, one
# simulated year per seed FIRST_SEED..FIRST_SEED+YEARS-1, on
# SMP_SIM_THREADS threads (2 by default), and prints its counts, the
# wall-clock time and the machine's load. A broken invariant prints the
# seed, the instant, the steps before it and the command that replays it.
# The figures of a real run are in docs/reliability.md, "Simulated years".
set -euo pipefail
cd "$(dirname "$0")/.."

profile=(--release)
if [ "${1:-}" = --debug ]; then
  profile=()
  shift
fi
years=${1:-1000}
seed=${2:-1}
threads=${SMP_SIM_THREADS:-2}

# The release profile's optimisation without its LTO and single codegen
# unit: those make the shipped binary smaller, but would add many minutes
# of linking to a test binary and change nothing this run measures.
export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_STRIP=false

cargo test "${profile[@]}" --locked -p smp-aftercare --test simulation --no-run
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
start=$(date +%s)
SMP_SIM_YEARS=$years SMP_SIM_SEED=$seed SMP_SIM_THREADS=$threads \
  cargo test "${profile[@]}" --locked -p smp-aftercare --test simulation -- --exact simulated_years --nocapture
echo "simulate-years: $years years from seed $seed on $threads threads in $(($(date +%s) - start)) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
