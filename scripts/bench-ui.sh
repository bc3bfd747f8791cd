#!/usr/bin/env bash
# The start-up and UI benchmarks of `make bench`: scripts/bench-startup.sh (the
# release binary against an empty Wails window) and scripts/bench-ui-run.sh (the
# production bundle at 100,000 users), then scripts/bench-report.mjs writes
# docs/bench/startup.md and docs/bench/ui.md and fails when a checked figure is
# more than 10 % worse than the committed one (docs/bench/data/*.json).
#   RSMATE_BENCH_ACCEPT=1  make this run's figures the committed ones
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
bash scripts/bench-startup.sh "$run/startup.json"
bash scripts/bench-ui-run.sh "$run/ui.json"
node scripts/bench-report.mjs "$run"
