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

# At most this many years per test process: Tauri's mock app keeps its
# managed state (and so each simulated restart's open store) until the
# process ends, about 50 file descriptors a year; a process of 1,000 years
# ran out of them after 406 (the harness's leak, not the app's: the app
# opens its store once per process).
chunk=${SMP_SIM_CHUNK:-100}

cargo test "${profile[@]}" --locked -p smp-aftercare --test simulation --no-run
echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
start=$(date +%s)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
first=$seed
last=$((seed + years - 1))
while [ "$first" -le "$last" ]; do
  n=$((last - first + 1))
  [ "$n" -gt "$chunk" ] && n=$chunk
  SMP_SIM_YEARS=$n SMP_SIM_SEED=$first SMP_SIM_THREADS=$threads \
    cargo test "${profile[@]}" --locked -p smp-aftercare --test simulation -- --exact simulated_years --nocapture \
    | tee -a "$out" || status=1
  first=$((first + n))
done
# The counts of every chunk, added up.
python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
keys = ["passes", "scheduled", "on time", "late after a gap but within grace",
        "caught up in a summary", "missed-and-listed", "entered already past (before_plan)",
        "duplicates", "inside quiet hours", "delivered for deleted sessions", "silent misses",
        "settled silently by an edit", "late while awake", "other"]
total = {"years": sum(int(n) for n in re.findall(r"(\d+) cases, [\d.]+ years", text))}
for key in keys:
    total[key] = sum(int(n) for n in re.findall(re.escape(key) + r"(?: =)? (\d+)", text))
print("simulate-years, all chunks: " + ", ".join(f"{k} {v}" for k, v in total.items()))
PY
echo "simulate-years: $years years from seed $seed on $threads threads in $(($(date +%s) - start)) s; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
