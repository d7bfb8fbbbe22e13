#!/usr/bin/env bash
# Shows today's aftercare status for an example plan: three sessions of the
# default protocol, the second one four days ago. Extra arguments go to the
# CLI (for example --json).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

day() { date -d "$1" +%F; }
exec cargo run --release --quiet --locked -- status \
  --session "$(day '-14 days')" --session "$(day '-3 days')" --planned 3 "$@"
